/*
 * messages.c — the engine's explanation texts in Finnish, Swedish and
 * English (messages.h): what a search says about the situation it read and
 * why a service rose or fell. Finnish is the counsellor's working language
 * and the engine's default; the Swedish and English follow it word for
 * word in meaning. A row's printf arguments are the same in every language.
 * The words of the catalogue's codes (target groups) are the schema
 * table's (schema.c).
 */
#include "messages.h"

#include "internal.h"

static const char *const MSGS[KT__NMSGS][KT__NLANGS] = {
    [KT__M_AGE] = {"ikä %d v", "ålder %d år", "age %d"},
    [KT__M_AGE_UNDER] = {"alle %d v", "under %d år", "under %d"},
    [KT__M_AGE_OVER] = {"yli %d v", "över %d år", "over %d"},
    [KT__M_GROUP] = {"kohderyhmä: %s", "målgrupp: %s", "target group: %s"},
    [KT__M_LONG_UNEMPLOYED] = {"pitkäaikaistyöttömyys", "långtidsarbetslöshet",
                               "long-term unemployment"},
    [KT__M_NO_FINNISH] = {"ei suomen kielen taitoa", "inga kunskaper i finska", "no Finnish"},
    [KT__M_BASIC_FINNISH] = {"heikko suomen kielen taito", "svaga kunskaper i finska",
                             "little Finnish"},
    [KT__M_WANTS_EN] = {"palvelu englanniksi", "tjänst på engelska", "service in English"},
    [KT__M_WANTS_SV] = {"palvelu ruotsiksi", "tjänst på svenska", "service in Swedish"},
    [KT__M_TEXT_EN] = {"palvelu englanniksi (teksti englanniksi)",
                       "tjänst på engelska (texten på engelska)",
                       "service in English (the text is in English)"},
    [KT__M_TEXT_SV] = {"palvelu ruotsiksi (teksti ruotsiksi)",
                       "tjänst på svenska (texten på svenska)",
                       "service in Swedish (the text is in Swedish)"},
    [KT__M_MUNICIPALITY] = {"asuinkunta %s", "hemkommun %s", "home municipality %s"},
    [KT__M_SET_BY] = {" (asiantuntija)", " (handläggaren)", " (counsellor)"},
    [KT__M_R_AGE_MIN] = {"palvelu on vähintään %d-vuotiaille",
                         "tjänsten är för personer som fyllt %d",
                         "the service is for people aged %d or over"},
    [KT__M_R_AGE_MAX] = {"palvelu on enintään %d-vuotiaille",
                         "tjänsten är för personer högst %d år",
                         "the service is for people aged %d or under"},
    [KT__M_R_AGE_FITS_MAX] = {"ikä sopii: palvelu on enintään %d-vuotiaille",
                              "åldern passar: tjänsten är för personer högst %d år",
                              "the age fits: the service is for people aged %d or under"},
    [KT__M_R_AGE_FITS_MIN] = {"ikä sopii: palvelu on vähintään %d-vuotiaille",
                              "åldern passar: tjänsten är för personer som fyllt %d",
                              "the age fits: the service is for people aged %d or over"},
    [KT__M_TARGET_GROUP] = {"kohderyhmä", "målgrupp", "target group"},
    [KT__M_R_MIGRANT_ONLY] = {"palvelu on maahanmuuttajille; muistiinpanossa ei ole siitä merkkiä",
                              "tjänsten är för invandrare; anteckningen tyder inte på det",
                              "the service is for immigrants; the note gives no sign of that"},
    [KT__M_R_PROBLEM_GROUP_ONLY] =
        {"palvelu on päihteistä toipuville tai rikostaustaisille; "
         "muistiinpanossa ei ole siitä merkkiä",
         "tjänsten är för personer som återhämtar sig från missbruk eller "
         "har brottsbakgrund; anteckningen visar inget tecken på det",
         "the service is for people recovering from substance use or with "
         "a criminal record; the note shows no sign of either"},
    [KT__M_R_FOUNDER_ONLY] = {"palvelu on yrittäjille ja yrittäjiksi aikoville; muistiinpanossa "
                              "ei ole siitä merkkiä",
                              "tjänsten är för företagare; anteckningen visar inget tecken på det",
                              "the service is for entrepreneurs; the note shows no sign of one"},
    [KT__M_R_WOMEN_ONLY] = {"palvelu on naisille; asiakas on mies",
                            "tjänsten är för kvinnor; klienten är en man",
                            "the service is for women; the client is a man"},
    [KT__M_R_EMPLOYER_ASKS] = {"palvelu on työnhakijalle; kysyjä on työnantaja",
                               "tjänsten är för arbetssökande; det är en arbetsgivare som frågar",
                               "the service is for jobseekers; an employer is asking"},
    [KT__M_AGE_UNKNOWN] = {"ikä ei tiedossa", "åldern okänd", "age unknown"},
    [KT__M_R_YOUTH_ONLY] = {"palvelu on enintään %d-vuotiaille; muistiinpanossa ei ole merkkiä "
                            "nuoresta",
                            "tjänsten är för personer högst %d år; anteckningen tyder inte på en "
                            "ung klient",
                            "the service is for people aged %d or under; the note gives no sign "
                            "of a young client"},
    [KT__M_REFUSES_STUDY] = {"ei halua koulutukseen", "vill inte studera",
                             "does not want to study"},
    [KT__M_R_TRAINING] = {"palvelu on koulutusta", "tjänsten är utbildning",
                          "the service is training"},
    [KT__M_REFUSES_FOUNDING] = {"ei halua yrittäjäksi", "vill inte bli företagare",
                                "does not want to be an entrepreneur"},
    [KT__M_R_FOUNDING] = {"palvelu on yrittäjäksi ryhtyvälle",
                          "tjänsten är för blivande företagare",
                          "the service is for starting a business"},
    [KT__M_R_NEEDS_FINNISH] = {"palvelu vaatii suomen kielen taitoa %s",
                               "tjänsten kräver kunskaper i finska på nivå %s",
                               "the service needs Finnish at level %s"},
    [KT__M_R_HAS_EN] = {"palvelua saa englanniksi", "tjänsten finns på engelska",
                        "the service is given in English"},
    [KT__M_R_HAS_SV] = {"palvelua saa ruotsiksi", "tjänsten finns på svenska",
                        "the service is given in Swedish"},
    [KT__M_NO_SWEDISH] = {"ei merkkiä ruotsin kielestä", "inget tecken på svenska",
                          "no sign of Swedish"},
    [KT__M_R_SV_ONLY] = {"palvelua saa vain ruotsiksi", "tjänsten ges bara på svenska",
                         "the service is given in Swedish only"},
    [KT__M_R_FOR_GROUP] = {"palvelu on tarkoitettu ryhmälle %s",
                           "tjänsten är avsedd för gruppen %s", "the service is meant for %s"},
    [KT__M_R_ONLY_IN] = {"palvelu vain kunnissa: %s", "tjänsten finns bara i kommunerna: %s",
                         "the service is only in the municipalities: %s"},
    [KT__M_NAME] = {"palvelun nimi", "tjänstens namn", "the service's name"},
    [KT__M_R_NAMES] = {"tarve mainitsee palvelun nimeltä", "behovet nämner tjänsten vid namn",
                       "the need names the service"},
    [KT__M_FEEDBACK] = {"palaute", "respons", "feedback"},
    [KT__M_R_FB_LIFT] = {"ohjattu tai hyödyllinen samankaltaisissa tarpeissa",
                         "hänvisad eller användbar vid liknande behov",
                         "referred or useful for similar needs"},
    [KT__M_R_FB_DROP] = {"merkitty sopimattomaksi samankaltaisissa tarpeissa",
                         "markerad som olämplig vid liknande behov",
                         "marked not suitable for similar needs"},
    [KT__M_R_FB_GROUP] = {"merkitty %u kertaa sopimattomaksi ryhmälle %s",
                          "markerad %u gånger som olämplig för gruppen %s",
                          "marked %u times not suitable for %s"},
    [KT__M_ONE_WORD] = {"yksittäinen sana", "ett enda ord", "a single word"},
    [KT__M_R_ONE_WORD] = {"yksi sana kantaa %.0f %% osumasta", "ett ord bär %.0f %% av träffen",
                          "one word carries %.0f %% of the match"},
    [KT__M_BACKGROUND] = {"tausta", "bakgrund", "background"},
    [KT__M_R_PAST_FIELD] =
        {"%.0f %% osumasta on asiakkaan aiempaa alaa, tavoite on muu",
         "%.0f %% av träffen gäller klientens tidigare bransch, målet är ett annat",
         "%.0f %% of the match is the client's former field; the goal is another"},
    [KT__M_R_PAST_NAMED] = {"palvelu mainitaan vain asiakkaan menneisyydessä (työpaikkana tai "
                            "jo käytettynä)",
                            "tjänsten nämns bara i klientens bakgrund (som arbetsplats eller "
                            "redan använd)",
                            "the service is named only in the client's past (a workplace or "
                            "one already used)"},
    [KT__M_QUALIFIED] = {"alan osaaja", "yrkeskunnig", "qualified"},
    [KT__M_R_QUALIFIED] = {"koulutus alalle, jolla asiakkaalla on jo tutkinto tai kokemus",
                           "utbildning för en bransch där klienten redan har examen eller "
                           "erfarenhet",
                           "training for a field the client already has a degree or experience in"},
    [KT__M_HELD] = {"kortti jo on", "kortet finns", "already held"},
    [KT__M_R_HELD] = {"asiakkaalla on jo tämä kortti tai lupa voimassa",
                      "klienten har redan detta kort eller tillstånd",
                      "the client already holds this card or licence"},
    [KT__M_FIRST] = {"ensin muu tarve", "först ett annat behov", "another need first"},
    [KT__M_R_FIRST] = {"%.0f %% osumasta on asiakkaan pyyntöä; ensin: %s",
                       "%.0f %% av träffen gäller klientens önskan; först: %s",
                       "%.0f %% of the match is the client's request; first: %s"},
    [KT__M_R_FIRST_AGE] = {"%.0f %% osumasta tulee asiakkaan iästä; ensin: %s",
                           "%.0f %% av träffen kommer från klientens ålder; först: %s",
                           "%.0f %% of the match comes from the client's age; first: %s"},
    [KT__M_R_FIRST_BOTH] = {"%.0f %% osumasta on asiakkaan pyyntöä ja iästä; ensin: %s",
                            "%.0f %% av träffen gäller klientens önskan och ålder; först: %s",
                            "%.0f %% of the match is the client's request and age; first: %s"},
    [KT__M_REFUSED_NAMED] = {"torjuttu nimeltä", "avböjd vid namn", "refused by name"},
    [KT__M_R_REFUSED_NAMED] = {"muistiinpanon mukaan asiakas ei halua tätä palvelua",
                               "enligt anteckningen vill klienten inte ha denna tjänst",
                               "the note says the client does not want this service"},
    [KT__M_RULED_OUT] = {"ei sovi tilanteeseen", "passar inte situationen", "ruled out"},
    [KT__M_R_RULED_OUT] = {"asiakkaan tilanne sulkee palvelun pois: %s",
                           "klientens situation utesluter tjänsten: %s",
                           "the client's situation rules the service out: %s"},
    [KT__M_REQUIRES] = {"ehto rajattu pois", "villkoret uteslutet", "requirement ruled out"},
    [KT__M_R_REQUIRES] = {"palvelun ehdoissa on jotain, mitä muistiinpano sanoo, ettei palvelu "
                          "saa edellyttää",
                          "tjänstens villkor nämner något som anteckningen säger att tjänsten "
                          "inte får kräva",
                          "the service's requirements name something the note says a service "
                          "must not require"},
    [KT__M_LACKS] = {"edellyttää puuttuvaa", "kräver något som saknas", "requires what is lacking"},
    [KT__M_R_LACKS] = {"palvelu edellyttää jotain, mitä asiakkaalla ei muistiinpanon mukaan ole",
                       "tjänsten kräver något som klienten enligt anteckningen saknar",
                       "the service requires something the note says the client lacks"},
    [KT__M_WEAK] = {"heikko osuma: vain ", "svag träff: bara ", "weak match: only "},
    [KT__M_WEAK_PART] = {"yhdyssanan osia", "delar av sammansatta ord", "parts of compounds"},
    [KT__M_WEAK_PAST] = {"asiakkaan taustaa", "klientens bakgrund", "the client's background"},
    [KT__M_WEAK_ASIDE] = {"toisen henkilön tilanne tai harrastus",
                          "en annan persons situation "
                          "eller en hobby",
                          "another person's situation or a hobby"},
    [KT__M_WEAK_GENERIC] = {"yleissanoja", "allmänna ord", "generic words"},
    [KT__M_WEAK_GROUP] = {"kohderyhmä", "målgrupp", "target group"},
    [KT__M_PRIOR] = {"aiemmat arviot", "tidigare bedömningar", "earlier judgments"},
    [KT__M_R_PRIOR] = {"sopiva %u/%u aiemmassa arviossa", "lämplig i %u/%u tidigare bedömningar",
                       "judged useful in %u of %u earlier suggestions"},
    [KT__M_R_PRIOR_NEED] = {", tarpeen »%s« kanssa %u/%u", ", med behovet »%s« %u/%u",
                            ", with the need »%s« %u of %u"},
    [KT__M_SUGGEST] = {"ehdotus aiemmista arvioista", "förslag från tidigare bedömningar",
                       "suggested from earlier judgments"},
    [KT__M_R_SUGGEST] = {"sopiva %u/%u aiemmassa arviossa tarpeen »%s« kanssa",
                         "lämplig i %u/%u tidigare bedömningar med behovet »%s«",
                         "judged useful in %u of %u earlier notes with the need »%s«"},
};

const char *kt__msg(int lang, int msg) {
  if (lang < 0 || lang >= KT__NLANGS) lang = KT__LANG_FI;
  return msg >= 0 && msg < KT__NMSGS && MSGS[msg][lang] ? MSGS[msg][lang] : "";
}
