/*
 * messages.h — the texts of the engine's explanations (signal labels and
 * effects) in Finnish, Swedish and English: one table (messages.c), so that
 * a search explains itself in the language it was asked in
 * (kt_search_options.lang). The languages (KT__LANG_*) and the words of
 * the catalogue's codes, target groups included (kt__target_group_label),
 * are the schema table's (schema.h).
 */
#ifndef KT_MESSAGES_H
#define KT_MESSAGES_H

#include "schema.h"

/* The explanation texts; the comment gives the Finnish and its printf
 * arguments (every language takes the same ones, in the same order). */
enum kt__msg {
  KT__M_AGE,             /* "ikä %d v" */
  KT__M_AGE_UNDER,       /* "alle %d v" */
  KT__M_AGE_OVER,        /* "yli %d v" */
  KT__M_GROUP,           /* "kohderyhmä: %s" (a target group's label) */
  KT__M_LONG_UNEMPLOYED, /* "pitkäaikaistyöttömyys" */
  KT__M_NO_FINNISH,      /* "ei suomen kielen taitoa" */
  KT__M_BASIC_FINNISH,   /* "heikko suomen kielen taito" */
  KT__M_WANTS_EN,        /* "palvelu englanniksi" */
  KT__M_WANTS_SV,        /* "palvelu ruotsiksi" */
  KT__M_TEXT_EN,         /* "palvelu englanniksi (teksti englanniksi)" */
  KT__M_TEXT_SV,         /* "palvelu ruotsiksi (teksti ruotsiksi)" */
  KT__M_MUNICIPALITY,    /* "asuinkunta %s" */
  KT__M_SET_BY,          /* " (asiantuntija)": after a signal the counsellor set */
  KT__M_R_AGE_MIN,       /* "palvelu on vähintään %d-vuotiaille" */
  KT__M_R_AGE_MAX,       /* "palvelu on enintään %d-vuotiaille" */
  KT__M_R_AGE_FITS_MAX,  /* "ikä sopii: palvelu on enintään %d-vuotiaille" */
  KT__M_R_AGE_FITS_MIN,  /* "ikä sopii: palvelu on vähintään %d-vuotiaille" */
  KT__M_TARGET_GROUP,    /* "kohderyhmä" */
  KT__M_R_MIGRANT_ONLY, /* "palvelu on maahanmuuttajille; muistiinpanossa ei ole siitä merkkiä" */
  KT__M_R_PROBLEM_GROUP_ONLY, /* "palvelu on päihteistä toipuville tai rikostaustaisille; ..." */
  KT__M_R_FOUNDER_ONLY,   /* "palvelu on yrittäjille; muistiinpanossa ei ole siitä merkkiä" */
  KT__M_R_PARENTS_ONLY,   /* "palvelu on lapsiperheille; muistiinpanossa ei ole lasta" */
  KT__M_R_WOMEN_ONLY,     /* "palvelu on naisille; asiakas on mies" */
  KT__M_R_EMPLOYER_ASKS,  /* "työnantaja kysyy; palvelu on työnhakijalle" */
  KT__M_AGE_UNKNOWN,      /* "ikä ei tiedossa" */
  KT__M_R_YOUTH_ONLY,     /* "palvelu on enintään %d-vuotiaille; muistiinpanossa ei ole merkkiä
                           * nuoresta" */
  KT__M_REFUSES_STUDY,    /* "ei halua koulutukseen" */
  KT__M_R_TRAINING,       /* "palvelu on koulutusta" */
  KT__M_REFUSES_FOUNDING, /* "ei halua yrittäjäksi" */
  KT__M_R_FOUNDING,       /* "palvelu on yrittäjäksi ryhtyvälle" */
  KT__M_R_NEEDS_FINNISH,  /* "palvelu vaatii suomen kielen taitoa %s" (a CEFR level) */
  KT__M_R_HAS_EN,         /* "palvelua saa englanniksi" */
  KT__M_R_HAS_SV,         /* "palvelua saa ruotsiksi" */
  KT__M_NO_SWEDISH,       /* "ei merkkiä ruotsin kielestä" */
  KT__M_R_SV_ONLY,        /* "palvelua saa vain ruotsiksi" */
  KT__M_R_NO_SV,          /* "palvelua ei saa ruotsiksi" */
  KT__M_R_NO_EN,          /* "palvelua ei saa englanniksi" */
  KT__M_DELIVERY_ONLY,    /* "asiointi vain: %s" (ways of delivery, KT__M_WAY_*) */
  KT__M_WAY_FACE,         /* "kasvokkain" */
  KT__M_WAY_REMOTE,       /* "etänä" */
  KT__M_WAY_WEB,          /* "verkossa" */
  KT__M_WAY_PHONE,        /* "puhelimitse" */
  KT__M_R_NO_DELIVERY,    /* "palvelua ei saa näin" */
  KT__M_PROVIDER_ONLY,    /* "vain palveluntuottaja: %s" (provider types, KT__M_PROV_*) */
  KT__M_PROVIDER_NOT,     /* "ei palveluntuottajaa: %s" */
  KT__M_PROV_CITY,        /* "kaupunki" */
  KT__M_PROV_KELA,        /* "Kela" */
  KT__M_PROV_STATE,       /* "valtio" */
  KT__M_PROV_NGO,         /* "järjestö" */
  KT__M_PROV_CHURCH,      /* "seurakunta" */
  KT__M_PROV_SCHOOL,      /* "oppilaitos" */
  KT__M_PROV_FIRM,        /* "yritys" */
  KT__M_R_OTHER_PROVIDER, /* "palvelun tuottaja on toinen" */
  KT__M_FREE,             /* "maksuton palvelu" */
  KT__M_NATIONAL_ONLY,    /* "vain koko Suomessa saatavat palvelut" */
  KT__M_FREE_ONLY,        /* "vain maksuttomat palvelut" */
  KT__M_R_FEE_PAID,       /* "palvelu on maksullinen" */
  KT__M_R_FEE_PART,       /* "palvelu on osin maksullinen" */
  KT__M_R_FOR_GROUP,      /* "palvelu on tarkoitettu ryhmälle %s" */
  KT__M_R_ONLY_IN,        /* "palvelu vain kunnissa: %s" */
  KT__M_R_NOT_FOR_GROUP,  /* "palvelua ei ole tarkoitettu nimenomaan ryhmälle %s" */
  KT__M_NAME,             /* "palvelun nimi" */
  KT__M_R_NAMES,          /* "tarve mainitsee palvelun nimeltä" */
  KT__M_FEEDBACK,         /* "palaute" */
  KT__M_R_FB_LIFT,        /* "ohjattu tai hyödyllinen samankaltaisissa tarpeissa" */
  KT__M_R_FB_DROP,        /* "merkitty sopimattomaksi samankaltaisissa tarpeissa" */
  KT__M_R_FB_GROUP,       /* "merkitty %u kertaa sopimattomaksi ryhmälle %s" */
  KT__M_ONE_WORD,         /* "yksittäinen sana" */
  KT__M_R_ONE_WORD,       /* "yksi sana kantaa %.0f %% osumasta" */
  KT__M_BACKGROUND,       /* "tausta" */
  KT__M_R_PAST_FIELD,     /* "%.0f %% osumasta on asiakkaan aiempaa alaa, tavoite on muu" */
  KT__M_R_PAST_NAMED,     /* "palvelu mainitaan vain asiakkaan menneisyydessä" */
  KT__M_QUALIFIED,        /* "alan osaaja" */
  KT__M_R_QUALIFIED,      /* "asiakkaalla on jo alan tutkinto tai kokemus" */
  KT__M_HELD,             /* "kortti jo on" */
  KT__M_R_HELD,           /* "asiakkaalla on jo tämä kortti tai lupa" */
  KT__M_FIRST,            /* "ensin muu tarve" */
  KT__M_R_FIRST,          /* "%.0f %% osumasta on pyyntöä; ensin: %s" */
  KT__M_R_FIRST_AGE,      /* "%.0f %% osumasta tulee iästä; ensin: %s" */
  KT__M_R_FIRST_BOTH,     /* "%.0f %% osumasta on pyyntöä ja iästä; ensin: %s" */
  KT__M_REFUSED_NAMED,    /* "torjuttu nimeltä" */
  KT__M_R_REFUSED_NAMED,  /* "asiakas ei halua tätä palvelua" */
  KT__M_RULED_OUT,        /* "ei sovi tilanteeseen" */
  KT__M_R_RULED_OUT,      /* "asiakkaan tilanne sulkee palvelun pois: %s" */
  KT__M_NEED_UNMET,       /* "ei edellytettyä tilannetta" */
  KT__M_R_NEED_UNMET,     /* "palvelu on asiakkaalle, jolla on %s; muistiinpano ei kerro sitä" */
  KT__M_REQUIRES,         /* "vaatii" */
  KT__M_R_REQUIRES,       /* "palvelu edellyttää jotain, mitä muistiinpano rajaa pois" */
  KT__M_LACKS,            /* "edellyttää puuttuvaa" */
  KT__M_R_LACKS, /* "palvelu edellyttää jotain, mitä asiakkaalla ei muistiinpanon mukaan ole" */
  KT__M_WEAK,    /* "heikko osuma: vain " (then the kinds, comma-separated) */
  KT__M_WEAK_PART,    /* "yhdyssanan osia" */
  KT__M_WEAK_PAST,    /* "asiakkaan taustaa" */
  KT__M_WEAK_ASIDE,   /* "toisen henkilön tilannetta tai harrastus" */
  KT__M_WEAK_GENERIC, /* "yleissanoja" */
  KT__M_WEAK_GROUP,   /* "kohderyhmä" */
  KT__M_PRIOR,        /* "aiemmat arviot" */
  KT__M_R_PRIOR,      /* "sopiva %u/%u aiemmassa arviossa" (useful, seen) */
  KT__M_R_PRIOR_NEED, /* ", tarpeen »%s« kanssa %u/%u" (label, useful, seen) */
  KT__M_SUGGEST,      /* "ehdotus aiemmista arvioista" */
  KT__M_R_SUGGEST,    /* "sopiva %u/%u aiemmassa arviossa tarpeen »%s« kanssa" */
  KT__M_RELATED,      /* "liittyy nimettyyn palveluun" */
  KT__M_R_RELATED, /* "nimetyn palvelun »%s« kuvaus mainitsee tämän liittyvänä palveluna" */
  KT__NMSGS
};

/* The text of @p msg in @p lang (KT__LANG_*); static storage. */
const char *kt__msg(int lang, int msg);

#endif
