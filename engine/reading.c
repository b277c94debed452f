/*
 * reading.c — reads a note the way a counsellor does before anything is
 * searched: which words tell the client's past, which the current problem,
 * which the goal, which a refusal, and which facts are denied.
 *
 * A note is split into clauses at punctuation and at clause conjunctions
 * ("mutta", "koska", "ja" before a verb). A clause's role comes from
 * Voikko's grammar and cue words:
 *   goal       — a wish or interest verb (haluaa, kiinnostaa, toivoo,
 *                suunnittelee), a conditional ("perustaisi", "pääsisi");
 *   background — past tense or a past participle ("oli", "ollut",
 *                "työskennellyt"), or a cue (aiemmin, koulutukseltaan);
 *   situation  — everything else.
 * Negations have scopes: a negated wish ("ei halua koulutukseen") refuses
 * the words after it; a negated fact ("ei ole velkoja", "ei masennusta",
 * "ei kestä raskasta työtä") denies them. query.c drops refused and denied
 * words and the concepts they would find, unless the concept is one whose
 * absence is the need ("ei opiskelupaikkaa": thesaurus key `negated: need`).
 * Generic words (asiakas, mies, vuotta) are marked: they carry no need.
 */
#define _GNU_SOURCE
#include "reading.h"
#include "analyze.h"
#include "signals.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const kt_token *tok(const kt_analysis *a, size_t i) { return kt_analysis_get(a, i); }

bool kt__token_is_strings(const kt_token *t, const char *w) {
  if (!t) return false;
  /* The first byte first: most words differ there, and this is called for
   * every word of every cue list. */
  if (t->surface[0] == w[0] && !strcmp(t->surface, w)) return true;
  for (size_t k = 0; k < t->term_count; k++)
    if (t->terms[k].kind != KT_TERM_PART && t->terms[k].text[0] == w[0] &&
        !strcmp(t->terms[k].text, w))
      return true;
  return false;
}

bool kt__token_is_any(const kt_token *t, const char *const *ws) {
  for (size_t i = 0; ws[i]; i++)
    if (kt__token_is(t, ws[i])) return true;
  return false;
}

bool kt__token_starts_any(const kt_token *t, const char *const *ps) {
  /* The first byte first, as kt__token_is does. */
  for (size_t i = 0; t && ps[i]; i++)
    if (t->surface[0] == ps[i][0] && !strncmp(t->surface, ps[i], strlen(ps[i]))) return true;
  return false;
}

#define is kt__token_is
#define is_any kt__token_is_any
#define starts_any kt__token_starts_any

/* Negation words: the Finnish negation verb in every person, and the
 * Swedish and English ones. "ilman" (without) is not one: "ilman tutkintoa",
 * "ilman huoltajaa" state what the client lacks, which is the need. "ettei"
 * is "että ei" ("sanoo ettei halua kouluun"). */
/* With the umlauts a typed note leaves out too: "eika", "eivat". */
static const char *const negators[] = {"eika",  "eivat", "ei",      "en",     "et",    "emme",
                                       "ette",  "eivät", "eikä",    "ettei",  "not",   "no",
                                       "don't", "dont",  "doesn't", "doesnt", "never", "inte",
                                       "ingen", "inget", "inga",    "aldrig", NULL};

static bool is_negator(const kt_token *t) { return is_any(t, negators); }
bool kt__token_eika(const kt_token *t) { return is(t, "eikä") || is(t, "eika"); }
static const char *const without[] = {"ilman", "without", "utan", NULL};
bool kt__token_negates(const kt_token *t) { return is_negator(t); }

/* Wish verbs, by the start of their inflected forms ("haluta" is a
 * stopword, so its tokens carry no base form to compare). */
static const char *const wish[] = {
    "halu",  "kiinnost", "aio",  "aiko",       "suostu", "viitsi",      "innostu", "lähde",
    "lähte", "kaipa",    "want", "interested", "vill",   "intresserad", "tarvet",  NULL};
/* Verbs of using a substance or a game: negated, they deny what follows
 * ("ei käytä alkoholia", "ei juo", "ei polta"), unlike other verbs, which
 * state a problem ("ei osaa", "ei tiedä"). */
/* ... and practising a trade or business ("ei harjoita sivutoimista
 * yritystoimintaa"). */
static const char *const use_verbs[] = {"käytä", "käyttä", "juo",     "polta",
                                        "pelaa", "maistu", "harjoit", NULL};
/* The negative of needing, as written ("ei tarvitse tulkkia", spoken "ei
 * tarvi"): what follows is no need. Whole surfaces: "tarvitsee" after a
 * negation elsewhere in the clause is a need stated. */
static const char *const no_need[] = {"tarvitse", "tarvi", "tarvii", "tarvita",
                                      "behöver",  "need",  NULL};
/* Adverbs between a negation and what it negates: "ei enää", "ei ikinä". */
static const char *const adverbs_of_never[] = {"enää",    "vielä", "kyllä",   "ikinä",
                                               "koskaan", "nyt",   "nykyään", NULL};
/* ... and the client's own, between a negation and what it denies: "ei itse
 * käytä alkoholia eikä muita päihteitä", "ei myöskään". */
static const char *const own_adverbs[] = {"itse", "myöskään", NULL};
/* Is @p t one of them, which a negation's scope steps over? */
static bool negation_adverb(const kt_token *t) {
  return is_any(t, adverbs_of_never) || is_any(t, own_adverbs);
}
/* Words that continue a refused list ("eikä", "tai"). */
static const char *const list_words[] = {"eikä", "eika", "tai", "or", "nor", "eller", NULL};
static const char *const refuse[] = {"kieltäytyä", "refuses", "refuse", "vägrar", NULL};
/* A place or time that may open a clause about a person. */
static const char *const lead_adverbs[] = {"kotona", "lisäksi", "myös", "nyt", "nykyään", NULL};
/* Verbs of going back or on, or of attending, after a wish or need: "ei
 * halua palata", "mennä", "ei tarvitse käydä". */
static const char *const going_verbs[] = {"palata",  "mennä", "jatkaa", "lähteä",
                                          "siirtyä", "käydä", NULL};

/* What a negation means depends on what it negates:
 *   - a wish ("ei halua koulutukseen") or a capacity ("ei kestä raskasta
 *     työtä", "selkä ei kestä keittiötä", "ei pysty fyysiseen työhön"):
 *     what follows is refused;
 *   - a noun ("ei ole velkoja", "ei tutkintoa"): a problem denied or a
 *     resource lacking, which query.c tells apart by the concept found;
 *   - any other verb ("ei tiedä mihin suuntaan", "ei osaa käyttää
 *     tietokonetta", "rahat ei riitä"): a problem stated, nothing denied. */
/* "ei ongelmia asumisessa", "ei huolta rahasta": a denied problem noun
 * denies its whole scope, whatever concept the other words find. */
static const char *const problem_nouns[] = {"ongelma", "vaikeus", "huoli", "hätä", "pulma", "murhe",
                                            "problem", "problems", "issue", "issues", "tarve",
                                            "svårighet", "behov", "need",
                                            /* "ei sairauksia": no illness, not a lack */
                                            "sairaus", "illness", "illnesses", "sjukdom", NULL};
/* A compound whose head is a problem or a matter ("terveysongelmia",
 * "lastenhoitoasioita", "velkahuolia"): denied, it denies its field. */
static bool problem_compound(const kt_token *t) {
  static const char *const heads[] = {"ongelma", "vaikeus", "huoli", "murhe",
                                      "pulma",   "asia",    NULL};
  size_t parts = 0;
  bool head = false;
  for (size_t k = 0; k < t->term_count; k++) {
    if (t->terms[k].kind != KT_TERM_PART) continue;
    parts++;
    for (size_t h = 0; heads[h]; h++)
      head |= !strcmp(t->terms[k].text, heads[h]);
  }
  return parts >= 2 && head;
}
static const char *const capacity_verbs[] = {"kest", "pysty", "pyst",   "voi",    "jaksa", "sovi",
                                             "sopi", "can't", "cannot", "klarar", "orkar", NULL};

/* Study, and the kinds of it a refusal may name without refusing study. */
static const char *const study[] = {"koulu",  "opisk",  "opinn", "opinto", "kurss",
                                    "tutkin", "studer", "studi", "study",  "school",
                                    "train",  "utbild", "lukio", NULL};
static const char *const study_kind[] = {
    "pitk", "kokopäiv", "täyspäiv", "monivuot", "long", "lång", "full-time", "heltid",
    /* a language, a length, a time: "suomeksi", "kolmea vuotta", "ennen kuin" */
    "suomeksi", "finska", "in finnish", "vuo", "years", "år", "ennen", "ennenku", "vasta", "before",
    "innan", NULL};

/* Words that end a clause saying its fact is fine: "asunto ok", "talous
 * kunnossa", "terveys hyvä", "boendet är okej", "housing is fine". */
static const char *const fine_words[] = {
    "ok", "okei", "oke", "kunnossa", "järjestyksessä", "hyvä", "okej", "fine", "okay", "bra",
    "hyvin", "kohdallaan", "puhdas", "puhtaat", "hoidettu", "selvitetty", "selvitetyt",
    "järjestelty", "kärsitty", "käsitelty", "takana", "clean", "huippu", "loistava", "erinomainen",
    "maksettu", "maksetut", "kuitattu", "parantunut", "parantui", "parantunu", "parantu",
    "toipunut", "toipui", "toipu", "lakkautettu", "lopetettu", "suljettu",
    /* settled, in the past passive: "velat hoidettiin tilakaupassa" */
    "hoidettiin", "maksettiin", "selvitettiin", "kuitattiin",
    /* "tilanne turvallinen", "kotona turvassa": safe */
    "turvallinen", "turvassa", "safe", "trygg", "tryggt", "historiaa", "mennyttä",
    /* gone: "velat ovat poissa" */
    "poissa", NULL};

/* ... and those compared as written only: Voikko gives "ohessa" (beside:
 * "kurssi töiden ohessa") the base form of "ohi" (over). */
static const char *const fine_surfaces[] = {"ohi", NULL};

/* The client's skills: "osaaminen kunnossa", "ammattitaito hyvä",
 * "skills are fine", "kompetensen är bra". Surface beginnings. */
static const char *const skill_words[] = {"osaami", "ammattitai", "taidot",    "pätevyy",
                                          "skills", "kompetens",  "yrkeskunn", NULL};

/* Verbs of a thing going ("sujuu hyvin", "menee ok", "toimii hyvin"). */
static const char *const going[] = {"sujua",    "sujunut",  "mennä",      "mennyt", "toimia",
                                    "toiminut", "onnistua", "onnistunut", "går",    "gått",
                                    "fungerar", "going",    "goes",       "gone",   NULL};

/* Goal cues: a wish, plan, interest or dream. */
static const char *const goal_prefix[] = {
    "halu", "kiinnost", "toivo",   "toive",  "tavoit", "haave", "suunnittel", "aiko",
    "aiko", "tähtä",    "pyrki",   "pyrkii", "unelm",  "tahto", "want",       "interest",
    "plan", "hope",     "wish",    "dream",  "aim",    "vill",  "intresse",   "dröm",
    "önsk", "planer",   "siirtyä", "vaihta", NULL};
/* Goal cues whose past tense is history, not a goal: "vaihtanut
 * työpaikkaa usein", "siirtyi myyntiin", "suunnitteli yritystä". A wish
 * or a dream held until now stays one ("on aina halunnut", "haaveillut"). */
static const char *const past_plans[] = {"vaihta", "vaihto", "vaihdo", "siirty", "suunnittel",
                                         "tähtä",  "pyrki",  "tavoit", "aiko",   NULL};
static bool ends_any(const kt_token *t, const char *const *es);
static bool goal_cue(const kt_token *t, unsigned m) {
  if ((m & KT__MORPH_COND) && (m & KT__MORPH_VERB)) return true;
  if (!starts_any(t, goal_prefix)) return false;
  /* A trade named so is no wish: "graafinen suunnittelija". */
  if ((m & KT__MORPH_NOUN) && !(m & KT__MORPH_VERB) &&
      ends_any(t, (const char *const[]){"ija", "ijä", "ijan", "ijän", "ijana", "ijänä", NULL}))
    return false;
  /* Design work is no plan: "suunnittelu siirrettiin ulkomaille". */
  if ((m & KT__MORPH_NOUN) && !(m & KT__MORPH_VERB) &&
      starts_any(t, (const char *const[]){"suunnittelu", NULL}))
    return false;
  return !((m & KT__MORPH_PAST) && starts_any(t, past_plans));
}
/* Verbs whose past tells the client's history (work, study, a role held):
 * "oli kokkina", "ollut kassalla", "työskennellyt", "valmistunut". The past of
 * other verbs is usually how the present came about ("alkoholinkäyttö on
 * lisääntynyt", "koulu jäi kesken") and is read as the situation. */
static const char *const history_verbs[] = {
    "ol", "työsken", "teh", "tek", "opiskel", "valmistu", "toimi", "käy", "käv", "suorit",
    /* the duties of a job held ("veti kaupungin liikuntaneuvonnan ryhmiä",
     * "rekrytoi osatyökykyisiä", "neuvotteli työehtosopimuksia") */
    "vet", "joht", "ohjas", "ohjann", "opett", "rekrytoi", "neuvottel", "hoiti", "hoitan", "vastas",
    "vastann", "rakens", "rakentan", "koordinoi", "koulutt", "valmens", "valmentan", "huols",
    "huoltan", "korjas", "korjann", "palveli", "palvell", "autto", "auttan", "tutki", "tutkin",
    "myöns", "myöntän", "ratkais", "tulkkas", "tulkann", "käsittel", "järjest", "tarkast", "varas",
    "valmistel", "neuvo", "haastattel", "sopi",
    /* kept or ran ("piti kirjaston tukipistettä", "piti kahvilaa"); not the
     * duty "piti hakea", whose infinitive follows (history_verb_at) */
    "piti",
    /* got into a field or a school ("pääsi alalle rekrykoulutuksen kautta") */
    "pääsi", NULL};

/* Is token @p i, before clause end @p e, a verb of history (above)? "piti"
 * with an infinitive after it is a duty, not a thing run: "piti lopettaa". */
static bool history_verb_at(const kt_analysis *a, size_t i, size_t e) {
  if (!starts_any(tok(a, i), history_verbs)) return false;
  if (!is(tok(a, i), "piti")) return true;
  for (size_t j = i + 1; j < e && j <= i + 2; j++)
    if (kt__analysis_morph(a, j) & KT__MORPH_INF) return false;
  return true;
}
/* Background cues: the client's past. */
static const char *const past_words[] = {
    "aiemmin", "aikaisemmin", "ennen", "entinen", "koulutukseltaan", "aiempi", "aikaisempi",
    "edellinen", "ammatiltaan", "taustaltaan", "tausta", "taustalla", "työhistoria", "previously",
    "formerly", "used", "worked", "tidigare", "förut", "nuorena", "lapsena", "silloin", "aikoinaan",
    "aikanaan", "was", "were", "worked", "studied", "var", "arbetade", "studerade", "former",
    "jobbat", "jobbade", "arbetat",
    /* the past of taking part ("I took part in the Spouse Program",
     * "attended", "deltog i") */
    "took", "attended", "completed", "deltog",
    /* the past of doing and having ("In 2019 I did a work trial", "I had the
     * initial assessment") */
    "did", "had", NULL};
/* A duration: "12 v", "20 vuotta", "6 kk", "vuosia", "15 år", "10 years". A
 * verbless clause that holds one ("20 vuotta raksalla", "12 v siivoojana")
 * is a stretch of the client's history, unless it names a state the client
 * is still in (below). */
static const char *const duration_units[] = {"v",        "vuosi", "vuotta", "vuoden", "kk",
                                             "kuukausi", "år",    "years",  "yrs",    NULL};
static const char *const durations[] = {"vuosia", "vuosikausia", "vuosikymmenen", "vuosikymmeniä",
                                        NULL};
/* States a duration leads up to the present ("työttömänä 2 vuotta",
 * "kotiäitinä 8 vuotta", "Suomessa 5 vuotta"): the situation, not the past.
 * Surface prefixes. */
static const char *const present_states[] = {
    "työt",       "kotona",     "kotiäiti",       "kotiisä",    "kotivanhem", "kotihoidontu",
    "sairas",     "sairaus",    "lomautet",       "lomautu",    "perhevapa",  "hoitovapa",
    "äitiysvapa", "äitiyslom",  "vanhempainvapa", "isyysvapa",  "eläk",       "vanki",
    "vankila",    "työkyvyt",   "kuntoutu",       "suome",      "maassa",     "yksinhuolt",
    "omaishoit",  "opiskelija", "arbetslös",      "unemploy",   "home",       "hemma",
    "sjuk",       "kuivilla",   "raittiina",      "raitis",     "nykter",     "sober",
    "räst",       "maksamat",   "odott",          "vuokraräst", "sähköräst",  NULL};
/* Working now: in a job a career change leaves ("on töissä kassalla"), or
 * the job held by a client who asks for a course. Surfaces. */
static const char *const at_work_words[] = {"töissä", "työskentelee", "jobbar", "arbetar", NULL};

/* English and Swedish places of work, named after a preposition ("in a
 * warehouse", "på ett lager"): the words after "in"/"på" up to the clause
 * end. Kept short: the nouns a note names as a workplace. */
static const char *const foreign_places[] = {"warehouse", "restaurant", "shop",  "store",
                                             "factory",   "kitchen",    "lager", "restaurang",
                                             "butik",     "fabrik",     "kök",   NULL};

/* Career-change cues: the goal is a new field, so the field the note names
 * outside the goal is the one being left ("kokki, alanvaihto mielessä"). */
static const char *const change_words[] = {"alanvaih", "uudelleenkoulut", "uudelleensijoit",
                                           "uudelleenkoulutu", NULL};
static const char *const change_new[] = {"uusi", "uutta", "uuden", "uusia", NULL};
static const char *const change_what[] = {"suunta", "ala", "ammatti", "ura", NULL};
/* An occupation as a note names it: a role held in the essive ("kokkina")
 * or an agent noun ("siivooja", "myyjä", "parturi", "rakennusmies"),
 * surface endings. */
static const char *const agent_endings[] = {"ja", "jä", "ri", "mies", "kuski", "kokki", NULL};

/* An occupation as a goal, in the translative ("kokiksi", "hitsaajaksi",
 * "lähihoitajaksi", "bussikuskiksi"), surface endings. */
static const char *const agent_goal_endings[] = {"jaksi",  "jäksi",  "riksi",   "kiksi", "miehekse",
                                                 "ajaksi", "ntiksi", "nomiksi", NULL};
/* "ago": "kymmenen vuotta sitten", "10 years ago". */
static const char *const ago_words[] = {"sitten", "ago", "sedan", NULL};
/* Had enough: "vuorotyö riitti" (surfaces; "riittää" as a base form is
 * also "rahat riittää", enough money, so only the past and spoken forms). */
static const char *const enough[] = {"riitti", "riittäny", "riittänyt", NULL};

/* Fluent: "sujuvaa suomea", "suomi sujuu hyvin", "fluent Finnish". */
static const char *const fluent[] = {"sujuva",     "sujuvaa",      "sujuvasti", "hyvää",
                                     "sujuu",      "sujuvat",      "fluent",    "flytande",
                                     "äidinkieli", "äidinkielenä", NULL};
/* Finnish and Swedish only: fluent English is a reason for services in
 * English ("ei suomea, englanti sujuva"), not a fact without a need. */
static const char *const languages[] = {"suomi",   "suomea",  "suomen", "ruotsi",  "ruotsia",
                                        "finnish", "swedish", "finska", "svenska", NULL};
static const char *const speak[] = {"puhuu", "puhua", "osaa", "speaks", "talar", NULL};
/* Other languages said fluent with Finnish or Swedish ("suomi ja englanti
 * sujuvat"): with the client's Finnish fine, no need of services in them. */
static const char *const other_languages[] = {"englanti", "englantia", "english", "engelska", NULL};
/* The endings of a place one works in: inessive and adessive. */
static const char *const place_endings[] = {"ssa", "ssä", "lla", "llä", NULL};

/* Got: "sai", "saanut", "saatu", "got". */
static const char *const got_words[] = {"sai", "saanut", "saanu", "saatu", "got", "fick", NULL};
/* Resources a client gets and then needs no more (base forms). */
static const char *const resources[] = {
    "asunto",         "vuokra-asunto", "työpaikka",    "opiskelupaikka",
    "koulutuspaikka", "kesätyöpaikka", "oleskelulupa", NULL};

static bool is_any_text(const char *s, const char *const *ws) {
  for (size_t i = 0; ws[i]; i++)
    if (!strcmp(s, ws[i])) return true;
  return false;
}

bool kt__negation_text(const char *s) { return is_any_text(s, negators); }

/* Studying now, in the present (surfaces: "opiskeli" is the past), and the
 * schools a client can be in. */
static const char *const studying[] = {"opiskelee", "opiskelen", "käy", "studerar",
                                       "studies",   "attends",   NULL};
static const char *const schools[] = {"lukio",  "koulu", "ammattikoulu",  "amis",    "yliopisto",
                                      "opisto", "amk",   "ammattiopisto", "gymnasi", "university",
                                      NULL};

/* Left over, as a business closed leaves debts: "velkoja ei jäänyt" denies
 * the debts as "velkoja ei ole" does. The past only ("ei jää kotiin" is a
 * plan). */
static const char *const left_over[] = {"jäänyt", "jääny", "jääneet", NULL};

/* A danger that a clause may deny: "asunto ei ole vaarassa". */
static const char *const danger_words[] = {"vaarassa", "uhattuna", "uhassa", "riskissä", NULL};

/* "ei (mitään) ongelmia ...", "inga problem med ...", "no problems with ...". */
static const char *const no_problem[] = {"ongelm", "vaikeuks", "vaikeuk", "problem", "issue", NULL};

/* Do two tokens share a base form (not a compound part)? */
static bool same_lemma(const kt_token *x, const kt_token *y) {
  if (x->stopword || y->stopword) return false;
  for (size_t a = 0; a < x->term_count; a++)
    for (size_t b = 0; b < y->term_count; b++)
      if (x->terms[a].kind != KT_TERM_PART && y->terms[b].kind != KT_TERM_PART &&
          !strcmp(x->terms[a].text, y->terms[b].text))
        return true;
  return false;
}

/* Another person a clause can be about: the spouse, parents, siblings, by
 * base form ("isä", not the prefix of "isännöitsijä"; "äiti", not of
 * "äitiysloma"). Not "mies"/"nainen" (the client: "mies 35") nor the
 * children (below). */
static const char *const relatives[] = {
    "puoliso", "avopuoliso", "vaimo", "aviomies", "miesystävä", "naisystävä", "poikaystävä",
    "tyttöystävä", "äiti", "isä", "sisko", "sisar", "veli", "spouse", "wife", "husband", "partner",
    "fru", "make", "maka", "sambo", "mannen", "frun", "hustrun", "maken", "sambon",
    /* a former partner ("Ex-mies vapautui vankilasta": "ex" is a word of
     * its own there), by the surface */
    "ex", "exä", "exmies", "exvaimo", "expuoliso", "entinen",
    /* a husband by the possessive surface only: "mies" alone is the client
     * ("mies 45v") */
    "miehensä", "miehellään", "miehelleen", "mieheni", "miehelläni", "miehesi",
    /* parents by the surface only: the base form "vanhempi" is also "older" */
    "vanhemmat", "vanhempansa", "vanhempani", "mutsi", "faija", "föräldrarna", "parents",
    /* Swedish parents and siblings in the definite form only ("mamman är
     * orolig"): "ensamstående mamma" is the client, and "modern" is also
     * English */
    "mamman", "pappan", "fadern", "systern", "brodern", NULL};

/* A relative's or a child's word in the essive is the client in that role:
 * "lapsena" (as a child: the client's childhood), "äitinä" (as a mother). */
static bool in_role(const kt_analysis *a, size_t i) {
  unsigned m = kt__analysis_morph(a, i);
  return (m & KT__MORPH_ESSIVE) && !(m & KT__MORPH_NOMINATIVE);
}

/* Is word @p i a relative? "ex" and "entinen" only before a partner
 * ("ex-mies", "entinen mies"): "ex-vanki", "entinen yrittäjä" are the
 * client. */
static bool relative_at(const kt_analysis *a, size_t i) {
  const kt_token *t = tok(a, i);
  if (!is_any(t, relatives)) return false;
  if (in_role(a, i)) return false;
  if (!is(t, "ex") && !is(t, "entinen")) return true;
  static const char *const partners[] = {"mies",        "vaimo",       "puoliso",    "avopuoliso",
                                         "poikaystävä", "tyttöystävä", "miesystävä", "naisystävä",
                                         "husband",     "wife",        "partner",    "sambo",
                                         "man",         "fru",         "make",       NULL};
  return i + 1 >= kt_analysis_count(a) || is_any(tok(a, i + 1), partners);
}

/* Does word @p i say the client works now: "on töissä kassalla",
 * "työskentelee siivoojana", "jobbar som städare", "I work as a cleaner",
 * "works in a warehouse"? Not a goal to stay or get in work ("pysymään
 * töissä", "pääsee töihin"), nor "how it works". */
static bool works_at(const kt_analysis *a, size_t i) {
  const kt_token *t = tok(a, i);
  size_t n = kt_analysis_count(a);
  if (is_any(t, at_work_words))
    return !(i > 0 && starts_any(tok(a, i - 1), (const char *const[]){"pysy", "pääs", NULL}));
  if (!is_any(t, (const char *const[]){"work", "works", "working", NULL})) return false;
  return (i > 0 && is_any(tok(a, i - 1), (const char *const[]){"i", "we", "she", "he", NULL})) ||
         (i + 1 < n && is_any(tok(a, i + 1), (const char *const[]){"as", "at", "in", "for", "part",
                                                                   "full", "night", NULL}));
}

/* The client's children, by base form: a clause about a child's own
 * trouble ("lapsella ADHD", "tytär on vankilassa") is the client's
 * circumstances. "poika" alone is often the client ("poika 17 v"), so it
 * counts only with a possessor ("asiakkaan poika", "poikansa"). */
static const char *const children[] = {"lapsi",    "tytär", "lapsenlapsi", "child",
                                       "daughter", "barn",  "dotter",      NULL};
static const char *const possessed_child[] = {"poikansa",   "poikaansa",    "pojallaan",
                                              "pojaltaan",  "lapsensa",     "lapsellaan",
                                              "tyttärensä", "tyttärellään", NULL};
/* Care the client arranges for a child is the client's need: "lapsi
 * tarvitsee päiväkotipaikan" stays the situation. Surface beginnings. */
static const char *const childcare[] = {
    "päiväko",        "päivähoi",        "hoitopai", "varhaiskasv", "lastenhoi",
    "iltapäiväkerh",  "kerho",           "dagis",    "dagvård",     "daghem",
    "familjedagvård", "småbarnspedagog", "daycare",  "childcare",   NULL};
/* Is the care named at token @p i of clause [@p s, @p e) arranged already:
 * the child is there ("lapset ovat jo päiväkodissa", "barnen är redan i
 * daghem", "the kids are in daycare")? Then it is no need of the client. */
static bool care_arranged(const kt_analysis *a, size_t s, size_t e, size_t i) {
  static const char *const already[] = {"jo", "redan", "already", NULL};
  static const char *const at[] = {"i", "på", "in", "at", NULL};
  if ((kt__analysis_morph(a, i) & KT__MORPH_INESSIVE) || (i > s && is_any(tok(a, i - 1), at)))
    return true;
  for (size_t k = s; k < e; k++)
    if (is_any(tok(a, k), already)) return true;
  return false;
}

/* A hobby: what the client does in free time ("harrastaa kuntosalia",
 * "vapaa-ajalla pelaa", "harrastuksena kalastus") is no need. Surface
 * beginnings; the verb only in its present forms, so "harrastukset jääneet"
 * (a loss) and "haluaa harrastuksen" (a wish) are not hobbies held. */
static const char *const hobby_cues[] = {
    "harrastaa", "harrastan", "harrastuksena", "harrastuksenaan", "hobby", "hobbies", "fritid",
    /* Volunteering done: "käy vapaaehtoisena vastaanottokeskuksessa" names
     * where the client helps, not a service the client needs. */
    "vapaaehtoisena", "vapaaehtoistyössä", "vapaaehtoistöissä", "volunteers", "volunteering",
    "frivilligt", "frivillig", NULL};

/* Leisure verbs and friends, surface beginnings: play with friends is a
 * hobby ("pelaa kavereiden kanssa"). */
static const char *const leisure_verbs[] = {"pelaa",    "pelail", "treenaa", "lenkkeil", "skeittaa",
                                            "kalastaa", "laulaa", "soittaa", NULL};
static const char *const leisure_foreign[] = {"plays", "playing", "spelar", "tränar", NULL};
static const char *const friends[] = {"kaveri",  "kaverei",  "kaverie", "kavere", "ystävi",
                                      "ystävän", "kamu",     "frendi",  "friend", "kompis",
                                      "vänner",  "kompisar", NULL};

/* Sports and a gym, surface beginnings: played or attended, a hobby. */
static const char *const sports[] = {
    "sähly", "salibandy", "jalkapallo", "futis", "futsal", "lätkä", "jääkieko", "koripallo",
    "korikse", "tennis", "golf", "shakki", "sulkapallo", "lentopallo", "padel", "salilla",
    "kuntosalilla", "lenkillä", "football", "floorball", "basketball", "innebandy", "fotboll",
    /* a choir, a band, a service attended */
    "kuoro", "bändi", "orkesteri", "messu", NULL};

/* Cards in English and Swedish, written apart from what they are for. */
static const char *const foreign_cards[] = {"licence",     "license", "card",
                                            "certificate", "kort",    NULL};

/* A card or certificate a client can hold: a base form ending so
 * ("trukkikortti", "hygieniapassi", "työturvallisuuskortti", "Tieturva"), or the head
 * of a hyphenated one ("jv-kortti"). */
static bool credential(const kt_analysis *a, size_t i) {
  static const char *const ends[] = {"kortti", "passi", "lupa", "pätevyys", "tieturva", NULL};
  static const char *const foreign[] = {"licence", "license", "card", "certificate",
                                        "kort",    "körkort", NULL};
  /* Cards that are money, not a qualification ("luottokortit" beside
   * debts, "pankkikortti"). */
  static const char *const money[] = {"luottokort", "pankkikort", "maksukort", "credit", NULL};
  const kt_token *t = kt_analysis_get(a, i);
  if (starts_any(t, money)) return false;
  if (is_any(t, foreign)) return true;
  bool head = kt__analysis_head(a, i);
  for (size_t k = 0; k < t->term_count; k++) {
    if (t->terms[k].kind == KT_TERM_PART && !head) continue;
    size_t l = strlen(t->terms[k].text);
    for (size_t e = 0; ends[e]; e++) {
      size_t m = strlen(ends[e]);
      /* A card by name ("trukkikortti") or plain ("kortit voimassa"). */
      bool whole = head || t->terms[k].kind != KT_TERM_PART;
      if ((l > m || (whole && l == m)) && !strcmp(t->terms[k].text + l - m, ends[e])) return true;
    }
  }
  return false;
}

/* The first token of the clause that holds token @p i. */
size_t kt__reading_clause_start(const kt__reading *r, size_t i) {
  while (i > 0 && r->clause[i - 1] == r->clause[i])
    i--;
  return i;
}

/* Does the span [s, e) hold a negation, or words already denied or
 * refused? Then no later reading calls what it names fine or held. */
static bool span_denied(const kt_analysis *a, const kt__reading *out, size_t s, size_t e) {
  for (size_t j = s; j < e; j++)
    if (is_negator(tok(a, j)) || out->role[j] == KT__ROLE_REFUSED ||
        out->role[j] == KT__ROLE_NEGATED)
      return true;
  return false;
}

/* The token after the clause that starts at token @p s. */
size_t kt__reading_clause_end(const kt__reading *r, size_t s) {
  size_t e = s;
  while (e < r->count && r->clause[e] == r->clause[s])
    e++;
  return e;
}

/* Asking words: the counsellor asks on someone's behalf ("mitä nyt"). */
static const char *const question_words[] = {"mitä", "mistä", "miten", "mihin", "kuinka",
                                             "onko", "voiko", "what",  "how",   "where",
                                             "vad",  "hur",   NULL};

/* Clause conjunctions: a new clause starts here. */
static const char *const conj[] = {"mutta",   "vaan",     "koska", "vaikka",   "kun",  "but",
                                   "because", "although", "men",   "eftersom", "fast", NULL};
static const char *const and_words[] = {"ja", "and", "och", "sekä", NULL};
/* A subject after "ja" starts a clause of its own: "my husband lost his job
 * and we cannot pay the rent". */
static const char *const subject_pronouns[] = {"minä", "mä",  "me", "hän", "he",  "i",  "we", "she",
                                               "they", "jag", "vi", "hon", "han", "de", NULL};
/* Words that say nothing about a need on their own. */
static const char *const generic_words[] = {
    "asiakas", "henkilö", "ihminen", "mies", "nainen", "poika", "tyttö", "vuosi", "kuukausi",
    "äijä", "jätkä", "jäbä", "kestää", "tilanne", "asia", "juttu", "kertoa", "sanoa", "tulla",
    "mennä", "hyvä", "paljon", "oma", "muu", "kaikki", "tehdä", "käydä", "päästä", "saada", "antaa",
    "laittaa", "loppua", "olo", "vuo", "vuotaa", /* Voikko's other readings of "vuotta" */
    "juuri", "juuria", "muutama", "miettiä", "kannattaa", "jäädä", "heti", "ehkä", "kaivata",
    "kaipaava", "asua", "mieluiten", "mieluummin", "mielellään", "client", "customer", "man",
    "woman", "person", "year", "kund", "kvinna", "person",
    /* Number words: how many, never what ("neljä kuukautta", "pari vuotta"). */
    "yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän", "kahdeksan", "yhdeksän",
    "kymmenen", "kymmen", "sata", "tuhat", "pari",
    /* ... and in Swedish ("mamma till tre" had carried a tenth of a result). */
    "två", "tre", "fyra", "fem", "sju", "åtta", "nio", "tio", "tolv", "femton", "tjugo",
    /* Seasons: when, not what ("syksyllä" had carried a training result). */
    "syksy", "kevät", "talvi",
    /* "again": how often, not what ("nyt taas ilman töitä"). */
    "taas",
    /* Order in time, not what: "haluaa ensin oppia suomea ja myöhemmin
     * töihin" ("myohemmin", read as "myöhä", had carried a youth service). */
    "ensin", "myöhä", "myöhemmin", "aluksi",
    /* "related to", never what: "vain yrittäjyyteen liittyviä palveluja". */
    "liittyvä",
    /* The counsellor's own asking ("kysyin kun mieskin on työtön"). */
    "kysyä",
    /* Interest, never what in: "kiinnostaa sähköala" (the media workshop's
     * "nuorille, joita kiinnostaa media" had carried it first). */
    "kiinnostaa", "kiinnostua", "kiinnostunut", "kiinnostus",
    /* Degree and kind, never what: "ryhmät menevät liian nopeasti". */
    "liian", "liika", "tavallinen", "nopea", "nopeasti", "hitaasti",
    /* Becoming free ("vapautuu aikaa", "vapautui päiväkotipaikka"): release
     * from prison is found by the concept's phrases ("vapautui vankilasta"). */
    "vapautua",
    /* When, not what: "viime vuonna", "pari päivää viikossa". */
    "viime",
    /* Where, not what: "hakee alan töitä pääkaupunkiseudulta" (the
     * municipality is a signal of its own, signals.c). */
    "pääkaupunkiseutu", "pääkaupunki",
    /* The participles of the generic verbs keep their own base form
     * ("tehnyt siivoustöitä" had carried a logistics training through
     * "tehnyt" in its target group). */
    "tehnyt", "tehty", "saanut", "saatu", "antanut", "annettu", "laittanut", "kertonut", "sanonut",
    "kysynyt", "miettinyt", "kestänyt",
    /* English words of when and how many ("one day", "a lot of time"), and
     * "live" of where one lives ("moved here to live with"): a place to
     * live is found by the housing concept's phrases. */
    "one", "day", "days", "time", "thing", "things", "way", "lot", "live", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten",
    /* Times of day and spans in Finnish, Swedish and English: when, not what
     * ("nukkuu päivät ja hengaa yöt" had carried a night-open chat through
     * its opening hours). */
    "päivä", "ilta", "yö", "aamu", "kväll", "natt", "morgon", "evening", "night", "nights",
    "morning", NULL};

/* A reason's conjunction ("vain verkossa, koska ..."). */
static const char *const reasons[] = {"koska", "sillä", "because", "eftersom", NULL};

/* Is one of @p set between token @p i and the one before it (true for the
 * first token)? */
static bool chars_between(const kt_analysis *a, const char *text, size_t i, const char *set) {
  if (i == 0) return true;
  const kt_token *p = tok(a, i - 1), *t = tok(a, i);
  for (size_t b = p->end; b < t->start; b++)
    if (strchr(set, text[b])) return true;
  return false;
}

size_t *kt__reading_aside_clauses(const kt_analysis *a, const char *text, const kt__reading *r) {
  size_t *flat = malloc((r->count + 1) * sizeof *flat);
  for (size_t i = 0; flat && i < r->count; i++) {
    bool aside =
        i > 0 && (r->paren[i] || (r->paren[i - 1] && !chars_between(a, text, i, ".,;:!?\n")));
    flat[i] = i == 0 ? 0 : flat[i - 1] + (!aside && r->clause[i] != r->clause[i - 1]);
  }
  return flat;
}

/* Abbreviations whose full stop ends no clause ("ent. trukkikuski"), by
 * the surface. ("esim." was tried too: no better on the development notes.) */
static const char *const abbreviations[] = {"ent", NULL};

static bool punct_between(const kt_analysis *a, const char *text, size_t i) {
  if (i > 0 && is_any_text(tok(a, i - 1)->surface, abbreviations)) {
    const kt_token *p = tok(a, i - 1), *t = tok(a, i);
    bool stop_only = true;
    for (size_t b = p->end; b < t->start; b++)
      stop_only &= text[b] == '.' || text[b] == ' ';
    if (stop_only) return false;
  }
  return chars_between(a, text, i, ".,;:!?\n()");
}

/* Abbreviations whose full stop ends no sentence ("esim. hitsauspätevyys"),
 * by the surface: where a sentence wishes (query.c). The clause reading
 * above ends a clause at all but "ent.". */
static const char *const sentence_abbreviations[] = {"esim", "mm",  "ns",   "yms", "jne", "tms",
                                                     "ym",   "vrt", "ks",   "n",   "eg",  "ie",
                                                     "etc",  "ca",  "t.ex", NULL};

bool kt__reading_sentence_end_after(const kt_analysis *a, const char *text, size_t i) {
  const kt_token *t = tok(a, i);
  for (size_t c = t->end; c < tok(a, i + 1)->start; c++) {
    if (strchr("!?\n", text[c])) return true;
    if (text[c] != '.') continue;
    bool abbr = false;
    for (size_t k = 0; c == t->end && !abbr && sentence_abbreviations[k]; k++)
      abbr = !strcasecmp(t->surface, sentence_abbreviations[k]);
    if (!abbr) return true;
  }
  return false;
}

bool kt__reading_childhood_clause(const kt_analysis *a, const kt__reading *r, size_t i) {
  /* Words of the client's own childhood only: not "koulussa" or "child",
   * which a job held ("työskenteli koulussa") or another's child ("her
   * child was diagnosed") also says. */
  static const char *const childhood[] = {
      "lapsena",     "lapsuudessa", "lapsuudesta",  "pienenä",     "nuorena",
      "kouluaikana", "kouluiässä",  "ala-asteella", "yläasteella", "ala-asteelta",
      "yläasteelta", "childhood",   "barndomen",    NULL};
  if (i >= r->count) return false;
  for (size_t j = kt__reading_clause_start(r, i), e = kt__reading_clause_end(r, i); j < e; j++)
    if (is_any_text(tok(a, j)->surface, childhood)) return true;
  return false;
}

/* The copula "olla" as a note writes it: its common forms are stopwords
 * without base forms, so they are compared as written. */
static const char *const copula_forms[] = {"on", "oli", "ovat",  "olivat", "ole",
                                           "oo", "oon", "ollut", "ollu",   NULL};
static bool copula(const kt_token *t) { return is(t, "olla") || is_any(t, copula_forms); }

/* Words that limit what a note asks for ("vain palvelut, jotka ...", "pyytää
 * vain trukkikorttia", "vain Espoossa"). */
static const char *const only_words[] = {"vain",   "ainoastaan", "pelkästään", "only",
                                         "endast", "bara",       "enbart",     NULL};

bool kt__token_only(const kt_token *t) { return is_any(t, only_words); }

/* A finite verb or a goal cue right after "ja" starts a new clause. */
static bool verb_start(const kt_analysis *a, size_t i) {
  const kt_token *t = tok(a, i);
  unsigned m = kt__analysis_morph(a, i);
  return starts_any(t, goal_prefix) || ((m & KT__MORPH_VERB) && !(m & KT__MORPH_NOUN));
}

static bool ends_any(const kt_token *t, const char *const *es) {
  size_t n = strlen(t->surface);
  for (size_t i = 0; es[i]; i++) {
    size_t l = strlen(es[i]);
    /* "kokki" is one; "ja" is not ("ja" needs a stem before it: "myyjä"). */
    if ((n > l + 2 || (n == l && l >= 4)) && !strcmp(t->surface + n - l, es[i])) return true;
  }
  return false;
}

/* A finite verb: a verb reading and no noun one ("haluaa", not "kokeilu"). */
static bool finite_verb(const kt_analysis *a, size_t i) {
  unsigned m = kt__analysis_morph(a, i);
  return (m & KT__MORPH_VERB) && !(m & KT__MORPH_NOUN);
}

static bool generic_token(const kt_token *t);

/* Is a base form of @p t an agent noun ("opettaja", "sosiaaliohjaaja",
 * "parturi")? By base form: "laskuja" ends so but is lasku. */
static bool agent_lemma(const kt_token *t) {
  static const char *const ends[] = {"ja",    "jä",   "ri",   "mies", "kuski",
                                     "kokki", "nomi", "ikko", NULL};
  /* Trades that are whole words of no agent ending ("Mies 34v, kokki"). */
  static const char *const whole[] = {"kokki",       "kuski",           "kätilö",
                                      "farmaseutti", "fysioterapeutti", NULL};
  for (size_t k = 0; k < t->term_count; k++) {
    if (t->terms[k].kind != KT_TERM_LEMMA) continue;
    if (is_any_text(t->terms[k].text, whole)) return true;
    size_t n = strlen(t->terms[k].text);
    for (size_t e = 0; ends[e]; e++) {
      size_t l = strlen(ends[e]);
      if (n > l + 2 && !strcmp(t->terms[k].text + n - l, ends[e])) return true;
    }
  }
  return false;
}

bool kt__token_trade(const kt_token *t) {
  static const char *const not_trades[] = {"opiskelija", "työnhakija",    "hakija", "asiakas",
                                           "ylioppilas", "yksinhuoltaja", NULL};
  for (size_t k = 0; k < t->term_count; k++)
    if (t->terms[k].kind == KT_TERM_LEMMA && is_any_text(t->terms[k].text, not_trades))
      return false;
  if (agent_lemma(t)) return true;
  for (size_t k = 0; k < t->term_count; k++) {
    size_t n = strlen(t->terms[k].text);
    if (n > 7 && !strcmp(t->terms[k].text + n - 7, "henkilö")) /* a hyphen's head: parts */
      return true;
  }
  return false;
}

/* The number a token says, in digits or in words ("5", "viisi",
 * "kymmenen"); 0 if none. */
static int number_of(const kt_token *t) {
  static const struct {
    const char *w;
    int v;
  } words[] = {{"yksi", 1},           {"kaksi", 2},
               {"kaks", 2},           {"kolme", 3},
               {"neljä", 4},          {"viisi", 5},
               {"viis", 5},           {"kuusi", 6},
               {"kuus", 6},           {"seitsemän", 7},
               {"seittemän", 7},      {"kahdeksan", 8},
               {"kaheksan", 8},       {"yhdeksän", 9},
               {"yheksän", 9},        {"kymmenen", 10},
               {"kymmenisen", 10},    {"viisitoista", 15},
               {"viistoista", 15},    {"kakskyt", 20},
               {"kaksikymmentä", 20}, {"kolkyt", 30},
               {"kolmekymmentä", 30}, {"nelkyt", 40},
               {"neljäkymmentä", 40}, {NULL, 0}};
  if (t->surface[0] >= '1' && t->surface[0] <= '9') return atoi(t->surface);
  for (int k = 0; words[k].w; k++)
    if (!strcmp(t->surface, words[k].w)) return words[k].v;
  return 0;
}

/* Does @p t name a state the client is still in (above)? Not a trade that
 * begins alike: "kuntoutusasiantuntija 15 vuotta" is a job held. */
static bool present_state(const kt_token *t) {
  return starts_any(t, present_states) && !kt__token_trade(t);
}

/* Does the clause [s, e) name a stretch of work without a verb ("20 vuotta
 * raksalla", "12 v siivoojana") and no state the client is still in? */
static bool duration_clause(const kt_analysis *a, size_t s, size_t e) {
  bool dur = false, essive = false;
  /* The first conjunct decides: "Baarimikkona 8v ja jv-kortti löytyy". */
  for (size_t i = s + 2; i < e; i++)
    if (is(tok(a, i), "ja")) {
      e = i;
      break;
    }
  for (size_t i = s; i < e; i++) {
    const kt_token *t = tok(a, i);
    if (finite_verb(a, i) || kt__analysis_morph(a, i) & KT__MORPH_NEGV) return false;
    if (present_state(t)) return false;
    if (is_any(t, children) || is(t, "poika")) return false; /* "lapset 3v ja 6v": their ages */
    /* "koulua kotimaassa 2 vuotta": how much schooling the client has, a
     * present fact (basic education, literacy), not a stretch of history. */
    if (starts_any(t, (const char *const[]){"koulua", "koulunkäyn", "skolgång", "schooling", NULL}))
      return false;
    if (is_any(t, durations)) dur = true;
    /* "jag är 19 år", "19 years old": an age, not a stretch of time. */
    bool age = (i > s && is_any(tok(a, i - 1), (const char *const[]){"är", "am", "is", NULL})) ||
               (i + 2 < e && is_any(tok(a, i + 2), (const char *const[]){"old", "gammal", NULL}));
    if (i + 1 < e && (number_of(t) > 0 || (t->surface[0] >= '0' && t->surface[0] <= '9')) &&
        is_any(tok(a, i + 1), duration_units) && !age)
      dur = true;
    essive |= (kt__analysis_morph(a, i) & KT__MORPH_ESSIVE) && !t->stopword;
  }
  /* Glued, "24v" is usually an age (signals.c); but no client is 14 or
   * younger ("varastolla 10v trukilla"), and beside a role held it is the
   * time in it ("lastenhoitajana 19v"). "6kk" is always a duration. */
  for (size_t i = s; i < e && !dur; i++) {
    const char *w = tok(a, i)->surface;
    char *end = NULL;
    long v = strtol(w, &end, 10);
    if (end == w) continue;
    if (!strcmp(end, "kk")) dur = true;
    /* After a trade named as an agent noun ("bussikuski 20v"), not the
     * client's word for themselves ("mies 45v", generic). */
    const kt_token *p = i > s ? tok(a, i - 1) : NULL;
    bool trade = p && !p->stopword && !generic_token(p) && !is(p, "nuori") && !is(p, "veli") &&
                 (kt__analysis_morph(a, i - 1) & KT__MORPH_NOUN) && ends_any(p, agent_endings);
    if (!strcmp(end, "v") && (v <= 14 || essive || trade)) dur = true;
  }
  return dur;
}

/* Is the past verb at @p i a perfect of a problem or a state that goes on
 * ("on ollut vuosia ongelmia bentsojen kanssa", "on ollu sairauslomalla puol
 * vuotta")? The client is in it still; "on ollut kokkina 10 vuotta" stays
 * the past. */
static bool ongoing_perfect(const kt_analysis *a, size_t s, size_t i, size_t e) {
  static const char *const now_forms[] = {"on", "olen", "oon", "ovat", NULL};
  static const char *const problems[] = {"ongelm", "vaikeu",  "riippuv", "kierte",
                                         "velka",  "velkoja", NULL};
  if (i == s || !is_any(tok(a, i - 1), now_forms)) return false;
  for (size_t j = s; j < e; j++)
    if (starts_any(tok(a, j), problems) || starts_any(tok(a, j), present_states)) return true;
  return false;
}

/* Does the clause [s, e) tell a job lost ("painotalo lopetti", "irtisanottiin")?
 * How the present came about, however long ago. */
static bool job_lost_in(const kt_analysis *a, size_t s, size_t e) {
  static const char *const loss[] = {"irtisan", "potku",  "lomaut", "lopet",
                                     "suljet",  "päätty", "loppu",  NULL};
  for (size_t i = s; i < e; i++)
    if (starts_any(tok(a, i), loss)) return true;
  return false;
}

/* Does the clause [s, e) tell a stretch of the past with a verb in the
 * simple past ("ajoi bussia 20 vuotta", "myi autoja 10 v", "asui Ruotsissa
 * vuosia")? Not a perfect ("on juonut 10 vuotta" goes on), a negation or a
 * state the client is still in. */
static bool past_duration_clause(const kt_analysis *a, size_t s, size_t e) {
  bool past = false, dur = false;
  /* A job lost is the situation ("irtisanottiin 30 vuoden jälkeen"). */
  if (job_lost_in(a, s, e)) return false;
  for (size_t i = s; i < e; i++) {
    const kt_token *t = tok(a, i);
    unsigned m = kt__analysis_morph(a, i);
    if ((m & KT__MORPH_NEGV) || present_state(t)) return false;
    /* Years after the verb: "ajoi 12v linja-autoa" (an age comes first). */
    /* (Not years ago: "todettiin kaksi vuotta sitten" dates an event.) */
    if (past && kt__token_years(a, i) > 0 && !(i + 1 < e && is_any(tok(a, i + 1), ago_words)) &&
        !(i + 2 < e && is_any(tok(a, i + 2), ago_words)))
      dur = true;
    if ((m & KT__MORPH_PAST) && (m & KT__MORPH_VERB) && !(m & KT__MORPH_NOUN) &&
        !(i > s && is_any(tok(a, i - 1), (const char *const[]){"on", "oli", "ole", "oo", NULL})))
      past = true;
    if (is_any(t, durations) ||
        (i + 1 < e && number_of(t) > 0 && is_any(tok(a, i + 1), duration_units) &&
         !(i + 2 < e && is_any(tok(a, i + 2), ago_words))))
      dur = true;
  }
  return past && dur;
}

/* Does the clause [s, e) name a degree or course completed ("sähköalan
 * perustutkinto valmis 2025", "YKI suoritettu", "amis käyty")? The client's
 * history, not a need of study. */
static bool completed_clause(const kt_analysis *a, size_t s, size_t e) {
  static const char *const done[] = {"valmis", "valmiina", "suoritettu", "suorittanut", "käyty",
                                     "käynyt", "suoritti", "completed",  "klar",        NULL};
  static const char *const studies[] = {"tutkin", "amis",      "koulu", "lukio", "opinn",
                                        "kurss",  "ylioppila", "yki",   "amk",   "yliopisto",
                                        "degree", "examen",    NULL};
  bool d = false, st = false;
  for (size_t i = s; i < e; i++) {
    if (kt__analysis_morph(a, i) & KT__MORPH_NEGV) return false; /* "ei ole valmis" */
    d |= is_any(tok(a, i), done);
    const kt_token *t = tok(a, i);
    st |= starts_any(t, studies);
    for (size_t k = 0; k < t->term_count && !st; k++) /* "perustutkinto": its part */
      for (size_t j = 0; studies[j] && !st; j++)
        st = !strncmp(t->terms[k].text, studies[j], strlen(studies[j]));
  }
  return d && st;
}

/* Does the clause [s, e) name an occupation without a verb ("kokki",
 * "kokkina", "entinen myyjä"), and no state the client is still in? */
static bool occupation_clause(const kt_analysis *a, size_t s, size_t e) {
  bool job = false;
  for (size_t i = s; i < e; i++) {
    const kt_token *t = tok(a, i);
    unsigned m = kt__analysis_morph(a, i);
    if (finite_verb(a, i) || (m & KT__MORPH_NEGV) || present_state(t)) return false;
    if (t->stopword || generic_token(t)) continue; /* "44v mies" names no trade */
    /* (An agent's ending read in the nominative: a partitive plural ends
     * alike, "palveluja", "ryhmiä".) */
    bool agent = (m & KT__MORPH_NOUN) && ends_any(t, agent_endings) &&
                 (!(m & KT__MORPH_PARTITIVE) || (m & KT__MORPH_NOMINATIVE));
    if ((m & KT__MORPH_ESSIVE) || agent) job = true;
  }
  return job;
}

/* Is token @p i a career-change cue ("alanvaihto", "vaihtaa alaa", "uusi
 * suunta", "uutta ammattia")? */
static bool change_cue(const kt_analysis *a, size_t i, size_t n) {
  const kt_token *t = tok(a, i);
  if (starts_any(t, change_words)) return true;
  if (i + 1 >= n) return false;
  const kt_token *u = tok(a, i + 1);
  if (starts_any(t, (const char *const[]){"vaihta", "vaihdo", "vaihtais", NULL}) &&
      (is(u, "ala") || starts_any(u, (const char *const[]){"alaa", "alan", NULL})))
    return true;
  /* "ala ei enää kiinnosta", "alalle ei halua palata": the field is left. */
  if ((is(t, "ala") || is(t, "alalle")) && is_negator(u) && i + 2 < n) {
    for (size_t j = i + 2; j < n && j <= i + 3; j++)
      if (starts_any(tok(a, j), (const char *const[]){"kiinnosta", "halua", "huvita", NULL}))
        return true;
  }
  return is_any(t, change_new) && is_any(u, change_what);
}

/* Superlatives of age name a child or a sibling ("nuorin aloittaa eskarin",
 * "vanhimman kanssa"), not the client: they say nothing of a need. */
static const char *const age_superlatives[] = {"nuorin", "nuorim", "vanhin", "vanhim", NULL};
/* Of the generic words, those that name only the client or a span of time
 * ("asiakas", "mies", "vuotta"): they carry no evidence at all (issue 13:
 * "mies" had carried a tenth of a logistics result). The others keep a
 * generic word's small weight: "oma", "paljon" or "antaa" help a service
 * that uses them alongside a need. */
static const char *const null_words[] = {
    "asiakas", "henkilö", "ihminen", "mies", "vuosi", "kuukausi", "kestää", "vuo", "vuotaa",
    /* spoken for a man: "jäbä 38v", "äijä 45v" */
    "äijä", "jätkä", "jäbä", "client", "customer", "man", "person", "year", "kund",
    /* spans of time in English and Swedish ("rent due next week") */
    "years", "week", "weeks", "month", "months", "vecka", "veckor", "månad", "månader", NULL};

bool kt__null_token(const kt_token *t) {
  if (t->stopword || !t->term_count) return false;
  if (starts_any(t, age_superlatives)) return true; /* "nuorin": a child's, not a need */
  /* A word of parts only (the head of a hyphenated word, "Helsinki-lisä")
   * is no null word. */
  bool any = false;
  for (size_t k = 0; k < t->term_count; k++) {
    if (t->terms[k].kind == KT_TERM_PART) continue;
    if (!is_any_text(t->terms[k].text, null_words)) return false;
    any = true;
  }
  return any;
}

/* The generic words sorted, once per process: every term of every word of
 * a note is asked about. */
#define N_GENERIC (sizeof generic_words / sizeof *generic_words - 1)
static const char *generic_sorted[N_GENERIC];
static pthread_once_t generic_once = PTHREAD_ONCE_INIT;
static void generic_sort(void) {
  for (size_t i = 0; i < N_GENERIC; i++)
    generic_sorted[i] = generic_words[i];
  qsort(generic_sorted, N_GENERIC, sizeof *generic_sorted, kt__cmp_str);
}

bool kt__generic_term(const char *term) {
  pthread_once(&generic_once, generic_sort);
  return bsearch(&term, generic_sorted, N_GENERIC, sizeof *generic_sorted, kt__cmp_str) != NULL;
}

/* "kunnossa" is "fine, in order" ("osaaminen kunnossa", "asunto kunnossa"):
 * what it says is of the word before it, not of fitness (kunto); so is
 * "kunnolla", properly ("ei ole nukkunut kunnolla" had put exercise advice
 * first). */
static bool generic_surface(const kt_token *t) { return is(t, "kunnossa") || is(t, "kunnolla"); }

static bool generic_token(const kt_token *t) {
  if (t->stopword || !t->term_count) return false;
  if (starts_any(t, age_superlatives) || generic_surface(t)) return true;
  bool any = false;
  for (size_t k = 0; k < t->term_count; k++) {
    if (t->terms[k].kind == KT_TERM_PART) continue;
    if (!kt__generic_term(t->terms[k].text)) return false;
    any = true;
  }
  return any;
}

void kt__reading_free(kt__reading *r) {
  if (!r) return;
  free(r->role);
  free(r->clause_role);
  free(r->clause);
  free(r->generic);
  free(r->negator);
  free(r->unwanted);
  free(r->held);
  free(r->paren);
  free(r->long_ago);
  free(r->required);
  memset(r, 0, sizeof *r);
}

/* Step 1: clauses, and which words are generic. */
static void read_clauses(const kt_analysis *a, const char *text, kt__reading *out) {
  size_t n = out->count;
  /* 1. Clauses. */
  size_t c = 0;
  for (size_t i = 0; i < n; i++) {
    const kt_token *t = tok(a, i);
    /* "ja" starts a clause before a verb or another person ("nyt oon
     * himas ja äiti käski tulla tänne"). */
    /* So does "eikä" before a wish ("uupui vuorotyöhön eikä halua enää
     * hoitoalalle"): a refusal of its own. */
    /* Spoken "mut" is "mutta", or "minut" after a verb ("ottaa mut
     * duuniin"), but not after the copula ("hygieniapassi on mut muuta
     * ei"). */
    bool mut = is(t, "mut") && i > 0 &&
               (!(kt__analysis_morph(a, i - 1) & KT__MORPH_VERB) || copula(tok(a, i - 1)));
    /* Spoken "vaan" right after a verb is "vain" (only): "haluu vaan
     * keikkahommia" is one wish, not "ei halua X vaan Y". */
    bool only = is(t, "vaan") && i > 0 && (kt__analysis_morph(a, i - 1) & KT__MORPH_VERB) &&
                !punct_between(a, text, i);
    /* A conjunction joined by a hyphen is a compound's part: Swedish
     * "fast" (though) in English "fast-track". (The text need not end in a
     * NUL: the next word's start bounds it.) */
    bool hyphened = i + 1 < n && tok(a, i + 1)->start > t->end && text[t->end] == '-';
    bool brk =
        i > 0 && (punct_between(a, text, i) || (is_any(t, conj) && !only && !hyphened) || mut ||
                  (kt__token_eika(t) && i + 1 < n && starts_any(tok(a, i + 1), wish)) ||
                  (is_any(t, and_words) && i + 1 < n &&
                   (verb_start(a, i + 1) || relative_at(a, i + 1) ||
                    is_any(tok(a, i + 1), subject_pronouns))));
    if (brk) c++;
    out->clause[i] = c;
    /* Inside parentheses: an opening one since the last closing one. */
    out->paren[i] = i > 0 && out->paren[i - 1];
    for (size_t b = i > 0 ? tok(a, i - 1)->end : 0; b < t->start; b++)
      if (text[b] == '(')
        out->paren[i] = true;
      else if (text[b] == ')')
        out->paren[i] = false;
    out->generic[i] = generic_token(t);
    /* A person's first name, written as one ("Veli Riku auttaa"): no
     * need, even where a service's acronym is spelled alike ("RIKU"). Not
     * a surname: diseases bear them ("Parkinsonin tauti"). */
    const char *sf = text + t->start;
    if ((kt__analysis_morph(a, i) & KT__MORPH_FIRSTNAME) && t->end > t->start + 1 && sf[0] >= 'A' &&
        sf[0] <= 'Z' && !(sf[1] >= 'A' && sf[1] <= 'Z'))
      out->generic[i] = true;
  }
  out->nclauses = n ? c + 1 : 0;
  /* A relative as a place: "asuu vanhempien luona", "muutti äidin lähelle"
   * says where, not what (the word had carried family services). */
  static const char *const at_place[] = {"luona",   "luokse",  "luo",     "luota",
                                         "lähelle", "lähellä", "luonaan", NULL};
  /* (The partners, parents and siblings of relative_at(), and these.) */
  static const char *const kin[] = {"vanhempi",    "vanhemmat", "mutsi", "faija",
                                    "isovanhempi", "mummo",     NULL};
  /* ... and a relative whose place it is: "vanhempiensa rautakaupassa",
   * "isän verstaalla" (a genitive before a place in a local case). */
  static const char *const local[] = {"ssa", "ssä", "lla", "llä", "sta", "stä", "lta", "ltä", NULL};
  for (size_t i = 0; i + 1 < n; i++) {
    bool relative = is_any(tok(a, i), kin) || relative_at(a, i);
    bool place = is_any(tok(a, i + 1), at_place) ||
                 ((kt__analysis_morph(a, i) & KT__MORPH_GENITIVE) &&
                  (kt__analysis_morph(a, i + 1) & KT__MORPH_NOUN) && !tok(a, i + 1)->stopword &&
                  ends_any(tok(a, i + 1), local));
    if (relative && place) out->generic[i] = true;
  }
}

/* Is Swedish "var" at @p i "where", asked ("undrar hur hon får ... och var
 * hon hittar jobb"), not "was"? So after a verb of asking or knowing earlier
 * in its clause [s, i). */
static bool where_asked(const kt_analysis *a, size_t s, size_t i) {
  if (!is(tok(a, i), "var")) return false;
  static const char *const asking[] = {"undrar", "frågar", "vet", "veta", "undra", "fråga", NULL};
  for (size_t j = s; j < i; j++)
    if (is_any(tok(a, j), asking)) return true;
  return false;
}

/* "ennen" as "before" ("ennen kuun loppua", "ennen joulua") and not
 * "formerly" ("ennen oli kokki"): a noun in the genitive or partitive
 * follows it in the clause ending at @p e. ("ennen kuin jaksaa töihin" keeps
 * the clause in the background: what follows is a later step; dev b013.) */
static bool before_what(const kt_analysis *a, size_t i, size_t e) {
  if (!is(tok(a, i), "ennen") || i + 1 >= e) return false;
  const kt_token *u = tok(a, i + 1);
  /* "ennen kuin pääsee kattohommiin", spoken "ennen ku": before an action. */
  if (is_any(u, (const char *const[]){"kuin", "ku", "kun", NULL})) return true;
  /* "ennen ekaa päivää", "ennen ensimmäistä työpäivää": before a day. */
  if (is_any(u, (const char *const[]){"ekaa", "ensimmäistä", "tokaa", "toista", "viimeistä",
                                      "seuraavaa", "uutta", NULL}))
    return true;
  if (u->stopword) return false;
  unsigned m = kt__analysis_morph(a, i + 1);
  if (!(m & KT__MORPH_NOUN) || (m & KT__MORPH_VERB)) return false;
  static const char *const local[] = {"ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", NULL};
  const char *w = u->surface;
  size_t l = strlen(w);
  for (const char *const *s = local; *s; s++)
    if (l > strlen(*s) && !strcmp(w + l - strlen(*s), *s)) return false;
  /* "ennen kaupan varastolla": a genitive that belongs to a place is the
   * place where the client was, formerly. */
  if ((m & KT__MORPH_GENITIVE) && i + 2 < e) {
    const char *v = tok(a, i + 2)->surface;
    size_t lv = strlen(v);
    /* Not an action ("ennen starttirahan hakemista"). */
    bool action = lv > 5 && (!strcmp(v + lv - 5, "mista") || !strcmp(v + lv - 6, "mistä"));
    for (const char *const *s = local; *s && !action; s++)
      if (lv > strlen(*s) && !strcmp(v + lv - strlen(*s), *s)) return false;
  }
  char last = l ? w[l - 1] : 0;
  return last == 'n' || last == 'a' || (l >= 2 && !strcmp(w + l - 2, "ä"));
}

/* Verbs of hurting or threatening someone (surface beginnings). */
/* Not "uhkaa" alone: "vaimo uhkaa lähteä" threatens to leave. */
static const char *const harm_verbs[] = {"lyö", "lyönyt", "lyöny", "löi", "hakka", "potki",
                                         "kuristi", "uhkail", "pahoinp", "hits", "hit", "slår",
                                         /* ... or is violent ("isä on väkivaltainen") */
                                         "väkival", "violent", "våldsam", NULL};

/* Verbs of helping another person (surface beginnings). */
static const char *const help_verbs[] = {
    "auttoi", "auttaa", "auttanut", "avusti", "avustaa", "helped", "hjälpte",
    /* visiting ("käy tapaamassa vankilassa istuvaa
     * veljeään") */
    "tapaamassa", "tapaa", "tapasi", "visits", "visiting", "besöker", NULL};

/* The tokens from @p i that state an age ("9-vuotias", "9v", "9 v"): 0
 * when they do not. */
static size_t age_tokens(const kt_analysis *a, size_t i, size_t e) {
  const char *w = tok(a, i)->surface;
  char *end = NULL;
  (void)strtol(w, &end, 10);
  if (end == w) return 0;
  if (!strcmp(end, "v") || !strcmp(end, "-v") || !strcmp(end, "-vuotias") ||
      !strcmp(end, "-vuotiaan"))
    return 1;
  return !*end && i + 1 < e && (is(tok(a, i + 1), "v") || is(tok(a, i + 1), "vuotias")) ? 2 : 0;
}

/* Does an age come before token @p s ("45v", "45-vuotias", "45 v")? */
static bool age_before(const kt_analysis *a, size_t s) {
  for (size_t i = 0; i < s; i++) {
    const char *w = tok(a, i)->surface;
    char *end = NULL;
    long v = strtol(w, &end, 10);
    if (end == w || v < 15 || v > 99) continue;
    if (!strcmp(end, "v") || !strcmp(end, "-v") || !strcmp(end, "-vuotias") ||
        (i + 1 < s && (is(tok(a, i + 1), "v") || is(tok(a, i + 1), "vuotias"))))
      return true;
  }
  return false;
}

/* Is token @p i a trade to become, in the translative ("lähihoitajaksi")? */
static bool goal_trade(const kt_analysis *a, size_t i) {
  unsigned m = kt__analysis_morph(a, i);
  return (m & KT__MORPH_TRANSLATIVE) && !(m & KT__MORPH_VERB) &&
         ends_any(tok(a, i), agent_goal_endings);
}

/* The words of clause @p s .. @p e read as the situation are the past:
 * they and their clause become background. */
static void situation_to_past(kt__reading *out, size_t s, size_t e) {
  for (size_t i = s; i < e; i++)
    if (out->role[i] == KT__ROLE_SITUATION)
      out->role[i] = out->clause_role[i] = KT__ROLE_BACKGROUND;
}

/* Step 2: each clause's role (goal, background, aside, situation). */
/* Are tokens @p from to @p e told in the past: a finite verb in the past,
 * none in the present, and no word of now or of a wish ("nyt", "haluaa")? */
static bool told_in_past(const kt_analysis *a, size_t from, size_t e) {
  bool now = false, then = false;
  for (size_t i = from; i < e; i++) {
    unsigned m = kt__analysis_morph(a, i);
    if (finite_verb(a, i)) {
      then |= (m & KT__MORPH_PAST) != 0;
      now |= !(m & KT__MORPH_PAST);
    }
    now |= is_any(tok(a, i), lead_adverbs) || goal_cue(tok(a, i), m);
  }
  return then && !now;
}

static void read_roles(const kt_analysis *a, const char *text, kt__reading *out) {
  size_t n = out->count;
  /* Clauses that tell a hobby (NULL if out of memory: then none is known). */
  bool *hobby_clause = calloc(out->nclauses + 1, sizeof *hobby_clause);
  /* The clause before was another person's matter: "Hänen miehensä on
   * kuntoutuksessa ja opiskelee kuntoutusrahalla" goes on about him. */
  bool prev_other = false, prev_hobby = false;
  /* A relative told the note ("Vanhempi kysyy, mitä tehdä, kun 16-vuotias
   * tytär ..."): the one they tell of is the client. */
  bool teller = false;
  /* ... told with the client as its possessor ("Hänen äidillään on ..."):
   * then "hän" after it is still the client. */
  bool prev_possessed = false;
  /* 2. Each clause's role: a goal cue wins over a past one (a wish is what
   * the note is for); otherwise the past marks background. */
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    bool goal = false, past = false, negated_past = false, gone = false;
    for (size_t i = s; i < e; i++) {
      const kt_token *t = tok(a, i);
      unsigned m = kt__analysis_morph(a, i);
      if (goal_cue(t, m)) goal = true;
      /* Ready for a next step: "kokee olevansa valmis palkkatyöhön", "valmis
       * töihin", "ready for work" (not "opinnot valmiit", a fact). */
      if ((is(t, "valmis") || is(t, "ready")) && i + 1 < e &&
          (ends_any(tok(a, i + 1),
                    (const char *const[]){"hön", "hin", "aan", "ään", "maan", "mään", NULL}) ||
           is(tok(a, i + 1), "for") || is(tok(a, i + 1), "to")))
        goal = true;
      /* Not a report of what was just done ("kertoi järjestäneensä asiansa",
       * "antaneensa tavaransa pois"): a referative participle tells news. */
      /* "never had a job" is a lack of now, as "ei ole koskaan ollut". */
      bool never = i > s && (is(t, "had") || is(t, "did")) &&
                   is_any(tok(a, i - 1), (const char *const[]){"never", "not", NULL});
      if ((is_any(t, past_words) && !never && !before_what(a, i, e) && !where_asked(a, s, i)) ||
          ((m & KT__MORPH_PAST) && history_verb_at(a, i, e) && !ongoing_perfect(a, s, i, e) &&
           !ends_any(t, (const char *const[]){"neensa", "neensä", "nneensa", "nneensä", NULL})))
        past = true;
      /* A year long gone ("keskeytti armeijan 2019"); last year or the
       * one before is how the present came about ("jäi kesken 2025"). */
      if (t->surface[0] >= '1' && t->surface[0] <= '2' && strlen(t->surface) == 4) {
        int y = atoi(t->surface);
        if (y >= 1950 && y <= 2023) past = gone = true;
      }
      /* "kymmenen vuotta sitten", "5 v sitten": years ago, long gone; not
       * "kaksi vuotta sitten" (how the present came about). */
      if (i + 2 < e && is_any(tok(a, i + 1), duration_units) &&
          !is_any(tok(a, i + 1), (const char *const[]){"kk", "kuukausi", NULL}) &&
          is_any(tok(a, i + 2), ago_words) && number_of(t) >= 3 && !job_lost_in(a, s, e))
        past = gone = true;
      /* "ei ole ollut töissä" is the present: no work. */
      if ((m & KT__MORPH_PAST) && i > s && (kt__analysis_morph(a, i - 1) & KT__MORPH_NEGV))
        negated_past = true;
      if ((m & KT__MORPH_PAST) && i > s + 1 && is(tok(a, i - 1), "ole") &&
          (kt__analysis_morph(a, i - 2) & KT__MORPH_NEGV))
        negated_past = true;
      /* ... and so is "never" in it: "ei oo ikinä tehny CV:tä", "ei ole
       * koskaan hakenut töitä" (a lack of now); not "ei ole koskaan ollut
       * työttömänä", which tells of the past. */
      if ((m & KT__MORPH_PAST) && i > s + 1 && is_any(tok(a, i - 1), adverbs_of_never) &&
          !is_any(t, (const char *const[]){"ollut", "ollu", "olleet", NULL})) {
        size_t k = i - 1;
        while (k > s && is_any(tok(a, k), adverbs_of_never))
          k--;
        if (k > s && (is(tok(a, k), "ole") || is(tok(a, k), "oo"))) k--;
        if (kt__analysis_morph(a, k) & KT__MORPH_NEGV) negated_past = true;
      }
    }
    /* What happened just now is the present: "valmistui viime viikolla",
     * "kävi eilen lääkärissä". */
    static const char *const recent[] = {"eilen",     "äsken", "hiljattain", "vastikään",
                                         "yesterday", "igår",  NULL};
    for (size_t i = s; past && i < e; i++)
      if (is_any(tok(a, i), recent) ||
          (i + 1 < e && is(tok(a, i), "viime") &&
           starts_any(tok(a, i + 1), (const char *const[]){"viiko", "viikk", NULL})) ||
          (i + 1 < e && is(tok(a, i), "last") && is(tok(a, i + 1), "week")))
        past = false;
    bool change = false;
    for (size_t i = s; i < e; i++)
      change |= change_cue(a, i, n);
    if (change) out->change = true;
    if (!goal && !past && duration_clause(a, s, e)) past = true;
    if (!goal && !past && completed_clause(a, s, e)) past = true;
    if (!goal && !past && past_duration_clause(a, s, e)) past = true;
    /* A clause about another person ("puoliso ulkomailla töissä", "äiti
     * sairas") is the client's circumstances, not their need: background. */
    size_t first = s;
    while (first < e && (tok(a, first)->stopword || is(tok(a, first), "asiakkaan") ||
                         is(tok(a, first), "hänen")))
      first++;
    size_t opening = first; /* after a possessor ("hänen"), before an age */
    /* ... and a place or time before the person ("Kotona 16-vuotias tytär
     * etsii kesätöitä"), which is no possessor. */
    while (first + 1 < e && is_any(tok(a, first), lead_adverbs))
      first++;
    /* "Hänen 9-vuotias poikansa", "9-vuotias tytär": an age before the
     * relative is the relative's. */
    bool age_first = false;
    size_t na = first < e ? age_tokens(a, first, e) : 0;
    /* A number is a stopword: "9 vuotias" leaves "vuotias" first. */
    if (!na && first > s && first < e && (is(tok(a, first), "vuotias") || is(tok(a, first), "v")) &&
        age_tokens(a, first - 1, e) == 2)
      na = 1;
    if (na && first + na < e) {
      size_t k = first + na;
      const kt_token *u = tok(a, k);
      if (relative_at(a, k) || is_any(u, children) || is_any(u, possessed_child) || is(u, "poika"))
        first = k, age_first = true;
    }
    /* "Hänen sokea isänsä": a word that describes the relative, after a
     * possessor ("yksinhuoltaja äiti 35v" is the client). */
    bool possessed = false;
    for (size_t i = s; i < opening; i++)
      possessed |= is(tok(a, i), "hänen") || is(tok(a, i), "asiakkaan");
    if (!age_first && possessed && first + 1 < e && !relative_at(a, first) &&
        relative_at(a, first + 1) && !(kt__analysis_morph(a, first) & KT__MORPH_VERB))
      first++;
    bool other = first < e && relative_at(a, first);
    /* A relative who tells ("äiti soitti et poika 16 v ei päässy
     * yhteishaus", "Sisko kertoo, että veli ..."): the teller, not the one
     * the note is about. */
    static const char *const tells[] = {"soitti", "soittaa", "kertoo", "kertoi",   "sanoo",
                                        "sanoi",  "kysyy",   "kysyi",  "ilmoitti", "called",
                                        "says",   "said",    "ringde", "berättar", NULL};
    static const char *const that[] = {"et", "että", "that", "att", NULL};
    static const char *const parents[] = {"vanhempi", "vanhemmat", "huoltaja", "mutsi",
                                          "faija",    "parent",    "förälder", NULL};
    bool tells_here = (other || (first < e && is_any(tok(a, first), parents))) && first + 1 < e &&
                      is_any(tok(a, first + 1), tells);
    if (tells_here && first + 2 < e &&
        (is_any(tok(a, first + 2), that) || (first + 3 < e && is_any(tok(a, first + 3), that))))
      other = false;
    /* A relative who hurts the client ("vaimo lyönyt useamman kerran",
     * "mies uhkailee"): the client's own danger, not another's matter. */
    for (size_t i = first; other && i < e; i++)
      if (starts_any(tok(a, i), harm_verbs)) other = false;
    /* ... or who died ("isä kuoli viime viikolla"): the client's grief. */
    static const char *const died[] = {"kuoli", "kuollut", "kuolle", "menehty", "died", NULL};
    for (size_t i = first; other && i < e; i++)
      if (starts_any(tok(a, i), died)) other = false;
    /* "Äiti 38v hakee osa-aikatyötä": a relative's word with an age next
     * to it names the client, unless the note gave the client's age first
     * ("45v äiti, ... Poika 16v hakee kesätöitä" is her son). */
    bool aged = false;
    if (first + 1 < e) {
      const kt_token *u = tok(a, first + 1);
      aged = (u->surface[0] >= '1' && u->surface[0] <= '9') || is(u, "vuotias");
    }
    bool kin =
        first < e && (other || is(tok(a, first), "poika") || is_any(tok(a, first), children));
    if ((aged || age_first) && kin) other = age_before(a, s);
    /* Helping a relative ("auttoi isäänsä eläkkeen hakemisessa", "hoitaa
     * äitiään"): their matter, not the client's need. */
    if (!other) {
      bool rel = false, help = false;
      for (size_t i = s; i < e; i++) {
        rel |= relative_at(a, i) || is_any(tok(a, i), possessed_child);
        help |= starts_any(tok(a, i), help_verbs);
      }
      /* ... and their affairs taken care of ("hoitaa näkövammaisen siskonsa
       * asioita"): not "hoitaa lapsia kotona", the client's own days. */
      bool affairs = false, care = false;
      for (size_t i = s; i < e; i++) {
        care |= starts_any(tok(a, i), (const char *const[]){"hoita", "hoiti", NULL});
        affairs |= starts_any(tok(a, i), (const char *const[]){"asioi", "asiat", "raha-asi",
                                                               "laskut", "postin", NULL});
      }
      other = rel && (help || (care && affairs));
    }
    if (first < e && !other) {
      const kt_token *f = tok(a, first);
      bool possessor = opening > s; /* "asiakkaan poika", "hänen tyttärensä" */
      bool child = (is_any(f, children) && !in_role(a, first)) || is_any(f, possessed_child) ||
                   (possessor && is(f, "poika"));
      /* Something said about the child beyond its age ("lapset 3v ja 6v"
       * tells the client's family, the situation), and no care arranged. */
      bool said = false;
      for (size_t i = first + 1; child && i < e; i++) {
        const kt_token *u = tok(a, i);
        if (starts_any(u, childcare) && !care_arranged(a, s, e, i)) child = false;
        said |= !u->stopword && !generic_token(u) &&
                !(u->surface[0] >= '0' && u->surface[0] <= '9') && !is_any(u, duration_units) &&
                !is(u, "vuotias");
      }
      other = child && said;
    }
    /* ... told of by a relative, with no age of an adult client before. */
    if (other && teller && !tells_here && !age_before(a, s)) other = false;
    teller |= tells_here;
    /* "ja" and a verb with no subject of its own: the same person goes on;
     * so does a clause after "ja" that names the relative again ("äidillään
     * on muistisairaus, ja edunvalvoja hoitaa äidin raha-asiat"). */
    if (!other && prev_other && is_any(tok(a, s), and_words) && s + 1 < e && finite_verb(a, s + 1))
      other = true;
    for (size_t i = s + 1; !other && prev_other && is_any(tok(a, s), and_words) && i < e; i++)
      other = relative_at(a, i);
    /* ... and so does one after "ja" whose subject is "hän" ("Puolisolla on
     * ADHD ja hän käy vertaisryhmässä"): the person just spoken of, unless
     * the client owned that clause ("Hänen äidillään on muistisairaus, ja
     * hän tarvitsee edunvalvojan"). */
    if (!other && prev_other && !prev_possessed && is_any(tok(a, s), and_words) && s + 1 < e &&
        is_any(tok(a, s + 1), (const char *const[]){"hän", "he", "she", "han", "hon", NULL}))
      other = true;
    prev_possessed = other && (possessed || (prev_other && prev_possessed));
    prev_other = other;
    /* A hobby held, outside a wish: "vapaa-ajalla pelaa jalkapalloa". */
    bool hobby = false, negated_here = false;
    for (size_t i = s; i < e; i++) {
      const kt_token *t = tok(a, i);
      hobby |= starts_any(t, hobby_cues) ||
               (is(t, "vapaa") && i + 1 < e &&
                starts_any(tok(a, i + 1), (const char *const[]){"ajalla", "aikana", NULL}));
      negated_here |= is_negator(t);
    }
    /* Play with friends: "pelaa paljon konsolipelejä kavereiden kanssa",
     * "plays football with friends". A leisure verb and a friend in the
     * clause; "riitoja kavereiden kanssa" (no leisure verb) stays. */
    bool leisure = false, friend = false;
    for (size_t i = s; i < e; i++) {
      const kt_token *t = tok(a, i);
      /* Finnish by a verb reading ("pelaa", not "pelaaja"); Voikko reads no
       * English or Swedish. */
      leisure |= (starts_any(t, leisure_verbs) && (kt__analysis_morph(a, i) & KT__MORPH_VERB)) ||
                 starts_any(t, leisure_foreign);
      friend |= starts_any(t, friends);
    }
    hobby |= leisure && friend;
    /* A sport or a gym named with its verb: "käy salilla ja pelaa sählyä". */
    bool sport = false;
    for (size_t i = s; i < e; i++)
      sport |= starts_any(tok(a, i), sports);
    hobby |= sport && (leisure || starts_any(tok(a, s), (const char *const[]){"käy", NULL}));
    /* "käy vapaaehtoisena ... ja vetää kielikahvilaa": "ja" and a verb go
     * on with the same pastime. */
    hobby |= prev_hobby && is_any(tok(a, s), and_words) && s + 1 < e && finite_verb(a, s + 1);
    prev_hobby = hobby && !goal && !negated_here;
    if (hobby && !goal && !negated_here) {
      other = true;
      if (hobby_clause) hobby_clause[out->clause[s]] = true;
    }
    /* Examples of the goal after a comma go on with it: "haluaa vaihtaa
     * sisätöihin, esimerkiksi rautakaupan myyjäksi". */
    static const char *const for_example[] = {"esimerkiksi", "esim", "kuten", "such",
                                              "t.ex",        "till", NULL};
    if (!goal && s > 0 && out->clause_role[s - 1] == KT__ROLE_GOAL &&
        is_any(tok(a, s), for_example))
      goal = true;
    /* ... and so does a second infinitive of the wish after "ja" or "tai":
     * "haluaisi fysioterapeutiksi ja aloittaa avoimessa AMK:ssa" wants both. */
    if (!goal && !past && s > 0 && out->clause_role[s - 1] == KT__ROLE_GOAL && s + 1 < e &&
        (is_any(tok(a, s), and_words) || is(tok(a, s), "tai")) &&
        (kt__analysis_morph(a, s + 1) & KT__MORPH_INF))
      goal = true;
    /* A change named in a clause of the past is the past: "teki päätöksiä
     * kuntoutuksesta ja uudelleenkoulutuksista" (a duty of the job held). */
    bool past_here = past && !negated_past;
    unsigned char role = other                            ? KT__ROLE_ASIDE
                         : goal || (change && !past_here) ? KT__ROLE_GOAL
                         : past_here                      ? KT__ROLE_BACKGROUND
                                                          : KT__ROLE_SITUATION;
    for (size_t i = s; i < e; i++) {
      out->role[i] = out->clause_role[i] = role;
      out->long_ago[i] = gone && role == KT__ROLE_BACKGROUND;
    }
  }
  /* "haluaa jatkaa samaa työtä", "jatkaa samalla alalla", "continue in the
   * same field": the trade the note told as the past is the goal. */
  bool same_again = false;
  for (size_t i = 0; i + 1 < n && !same_again; i++)
    same_again =
        out->clause_role[i] == KT__ROLE_GOAL &&
        starts_any(tok(a, i), (const char *const[]){"jatka", "continue", "fortsätta", NULL}) &&
        (starts_any(tok(a, i + 1), (const char *const[]){"sama", "same", "samma", NULL}) ||
         (i + 2 < n &&
          starts_any(tok(a, i + 2), (const char *const[]){"sama", "same", "samma", NULL})));
  for (size_t i = 0; same_again && i < n; i++) {
    const kt_token *t = tok(a, i);
    unsigned m = kt__analysis_morph(a, i);
    if (out->role[i] == KT__ROLE_BACKGROUND && !t->stopword && !generic_token(t) &&
        ((m & KT__MORPH_ESSIVE) || ((m & KT__MORPH_NOUN) && ends_any(t, agent_endings))))
      out->role[i] = KT__ROLE_GOAL;
  }
  /* A goal clause that first tells the past: "tehny 12v betonirakentajana
   * siltatyömailla ja vastaava on kysyny et rupeisko työnjohtoon". What
   * comes before "ja", after a verb of history in the past, is the past. */
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] != KT__ROLE_GOAL) continue;
    size_t g = s;
    for (; g < e; g++) {
      unsigned m = kt__analysis_morph(a, g);
      if (goal_cue(tok(a, g), m)) break;
    }
    size_t p = e, j = e;
    for (size_t i = s; i < g; i++) {
      unsigned m = kt__analysis_morph(a, i);
      if (p == e && (m & KT__MORPH_PAST) && history_verb_at(a, i, e) &&
          !(i > s && (kt__analysis_morph(a, i - 1) & KT__MORPH_NEGV)))
        p = i;
      if (p < i && is_any(tok(a, i), and_words)) j = i;
    }
    if (p == e || j == e) continue;
    for (size_t i = s; i < j; i++)
      out->role[i] = KT__ROLE_BACKGROUND;
  }
  /* A goal to become something ("haluaa kokiksi", "hitsaajaksi") is a
   * change of trade when the note also names a trade held: the trade named
   * outside the goal is then the one being left ("Siivooja, 38 v, ...
   * Haluaa kokiksi"). */
  for (size_t i = 0; i < n && !out->change; i++) {
    out->change = out->clause_role[i] == KT__ROLE_GOAL && out->role[i] == KT__ROLE_GOAL &&
                  !tok(a, i)->stopword && goal_trade(a, i);
  }
  /* Whom the work wished for serves: "haluaisi avustajaksi vammaisille",
   * "ohjaajaksi nuorille", "töihin vanhusten kanssa". Those people's words
   * are not the client's needs. */
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] != KT__ROLE_GOAL) continue;
    bool trade = false;
    for (size_t i = s; i < e && !trade; i++)
      trade = goal_trade(a, i);
    for (size_t i = s; trade && i < e; i++) {
      const kt_token *t = tok(a, i);
      unsigned m = kt__analysis_morph(a, i);
      bool served = !t->stopword && (m & KT__MORPH_NOUN) && !(m & KT__MORPH_VERB) &&
                    (ends_any(t, (const char *const[]){"ille", "lle", NULL}) ||
                     ((m & KT__MORPH_GENITIVE) && i + 1 < e && is(tok(a, i + 1), "kanssa")));
      if (served) out->role[i] = KT__ROLE_ASIDE;
    }
  }
  /* A career change: an occupation named outside the goal, without a verb,
   * is the field being left ("kokki, alanvaihto mielessä"), and so is the
   * job the client still holds ("on vielä töissä kaupan kassalla"). */
  for (size_t s = 0, e; out->change && s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    bool at_work = false;
    for (size_t i = s; i < e; i++)
      at_work |= works_at(a, i);
    if (out->clause_role[s] == KT__ROLE_SITUATION && (occupation_clause(a, s, e) || at_work))
      for (size_t i = s; i < e; i++)
        out->role[i] = out->clause_role[i] = KT__ROLE_BACKGROUND;
  }
  /* The past told on. Three ways, each in a clause right after one of the
   * client's history and read as the situation: after "ja" (below), after a
   * colon, and as the next item of a list (first). A clause after a colon
   * tells the duties of the job just named ("teki dokumenttisarjaa
   * ylivelkaantuneista: kuvasi velkaneuvojien tapaamisia"), and so do the
   * verbless items of its list up to the sentence's end ("...,
   * ulosottomiesten käyntejä ja velkajärjestelyjen vaiheita."). */
  bool duties = false;
  /* Events that made the present, not duties: "muutti Helsinkiin", "sai
   * diagnoosin", "keskeytti". */
  static const char *const events[] = {
      "muutti",   "sai",         "keskeytt", "menett", "jäi",  "lopett", "joutui", "sairastu",
      "valmistu", "ilmoittautu", "tuli",     "pääsi",  "kävi", "palasi", "erosi",  NULL};
  for (size_t s = kt__reading_clause_end(out, 0), e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    bool colon = chars_between(a, text, s, ":");
    if (chars_between(a, text, s, ".;!?\n")) duties = false;
    if (duties && !colon && out->clause_role[s] == KT__ROLE_SITUATION) {
      bool verb = false;
      for (size_t i = s; i < e; i++)
        verb |= finite_verb(a, i);
      if (!verb) {
        situation_to_past(out, s, e);
        continue;
      }
    }
    duties = false;
    /* A list of the places or things a past duty was about goes on in the
     * case it opened with ("neuvoi jäseniä lomautuksissa,
     * muutosneuvotteluissa ja muutosturvassa"): a verbless item after a
     * comma that ends in the case the clause before ended in. */
    if (!colon && out->clause_role[s - 1] == KT__ROLE_BACKGROUND &&
        out->clause_role[s] == KT__ROLE_SITUATION) {
      const unsigned cases = KT__MORPH_ESSIVE | KT__MORPH_SOURCE | KT__MORPH_INESSIVE |
                             KT__MORPH_TARGET | KT__MORPH_PARTITIVE;
      unsigned here = kt__analysis_morph(a, e - 1) & cases,
               before = kt__analysis_morph(a, s - 1) & cases;
      bool verb = false;
      for (size_t i = s; i < e; i++)
        verb |= finite_verb(a, i) || is_any(tok(a, i), lead_adverbs) ||
                goal_cue(tok(a, i), kt__analysis_morph(a, i)) ||
                (kt__analysis_morph(a, i) & KT__MORPH_NEGV) || kt__token_eika(tok(a, i));
      if (here && (here & before) && !verb && chars_between(a, text, s, ",") &&
          !chars_between(a, text, s, ".;!?\n")) {
        situation_to_past(out, s, e);
        continue;
      }
    }
    /* A past told on after "ja" goes on being the past: "työskenteli
     * arviointijaksolla ja arvioi pitkäaikaistyöttömien toimintakykyä". A
     * clause that opens with "ja" (or a colon), with a verb in the past and
     * no goal, is history too. */
    /* ... and so is a clause that opens with a verb in the past right after
     * a trade named without one: "tutkija; kokosi ministeriön hankkeessa
     * tilastoja", "ohjaaja; suunnitteli vankien vapautumista" (not a job
     * lost: "kokki; irtisanottiin"). */
    bool duty = !colon && out->clause_role[s] == KT__ROLE_SITUATION && finite_verb(a, s) &&
                (kt__analysis_morph(a, s) & KT__MORPH_PAST) && !job_lost_in(a, s, e) &&
                !starts_any(tok(a, s), events) && !chars_between(a, text, s, ".!?\n") &&
                occupation_clause(a, kt__reading_clause_start(out, s - 1), s);
    bool trade = false; /* by base form: "mies 33v" names none */
    for (size_t i = kt__reading_clause_start(out, s - 1); duty && i < s; i++)
      trade |= kt__token_trade(tok(a, i));
    duty = duty && trade;
    if (duty) {
      situation_to_past(out, s, e);
      continue;
    }
    /* ... and so is the next item of a list of deeds of the past, after a
     * comma: "teki ulosmittauksia, laati velallisten maksusuunnitelmia". */
    size_t ps = kt__reading_clause_start(out, s - 1);
    /* (The deed before may open with "ja": "rekrytoi ja perehdytti
     * vapaaehtoisia, julkaisi vapaaehtoistehtäviä verkossa".) */
    if (ps + 1 < s && is_any(tok(a, ps), and_words)) ps++;
    bool deeds = !colon && out->clause_role[s - 1] == KT__ROLE_BACKGROUND &&
                 out->clause_role[s] == KT__ROLE_SITUATION && finite_verb(a, s) &&
                 (kt__analysis_morph(a, s) & KT__MORPH_PAST) && finite_verb(a, ps) &&
                 (kt__analysis_morph(a, ps) & KT__MORPH_PAST) && !job_lost_in(a, s, e) &&
                 !starts_any(tok(a, s), events) && !chars_between(a, text, s, ".!?\n");
    if (deeds) {
      situation_to_past(out, s, e);
      continue;
    }
    if ((!colon && !is_any(tok(a, s), and_words)) ||
        out->clause_role[s - 1] != KT__ROLE_BACKGROUND || out->clause_role[s] != KT__ROLE_SITUATION)
      continue;
    bool past = false;
    /* (A verb that opens the clause after a colon is read so though a
     * noun may be spelled alike: "kuvasi" is kuvata, not "your picture".) */
    for (size_t i = colon ? s : s + 1; i < e && i <= s + 2; i++)
      past |=
          (finite_verb(a, i) || (colon && i == s && (kt__analysis_morph(a, i) & KT__MORPH_VERB))) &&
          (kt__analysis_morph(a, i) & KT__MORPH_PAST);
    /* ... or with its subject first: "ja ehkäisevä toimeentulotuki maksoi
     * osan". */
    if (!past && !colon) past = told_in_past(a, s + 1, e);
    if (!past) continue;
    situation_to_past(out, s, e);
    duties = colon;
  }
  /* A relative clause of place tells more of the place before it: "on työskennellyt
   * asumisyksikössä, jossa asunnottomat pääsevät Asunto ensin -malliin" is
   * the workplace of the past, not the client's homelessness. */
  static const char *const relative_pronouns[] = {"jossa", "missä", "jonne", "joissa",
                                                  "where", "där",   NULL};
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (s == 0 || !is_any(tok(a, s), relative_pronouns) || out->clause_role[s] == KT__ROLE_GOAL)
      continue;
    unsigned char prev = out->clause_role[s - 1];
    if (prev != KT__ROLE_BACKGROUND && prev != KT__ROLE_ASIDE) continue;
    for (size_t i = s; i < e; i++)
      if (out->role[i] == out->clause_role[i]) out->role[i] = out->clause_role[i] = prev;
  }
  /* So does any relative clause in the past after a clause of the past:
   * "sai 2019 sosiaalisen luoton, jolla hän yhdisti kulutusluottonsa" tells
   * of the loan of then, not of debts of now. */
  /* "joka", "jotka" only after a thing: the client as the subject
   * ("ohjelmistotestaaja 34 v, joka muutti vaimon työn perässä") tells how
   * the present came about. */
  static const char *const of_then[] = {"jonka",  "jota",   "johon", "josta",  "jolla",
                                        "jolle",  "joiden", "joita", "joista", "joilla",
                                        "joille", "joihin", NULL};
  static const char *const who[] = {"joka", "jotka", NULL};
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    bool thing = s > 0 && is_any(tok(a, s), who) &&
                 (kt__analysis_morph(a, s - 1) & KT__MORPH_NOUN) &&
                 !kt__token_trade(tok(a, s - 1)) && !out->generic[s - 1] &&
                 !is_any(tok(a, s - 1), duration_units) && !number_of(tok(a, s - 1));
    if (s == 0 || !(is_any(tok(a, s), of_then) || thing) ||
        out->clause_role[s] != KT__ROLE_SITUATION ||
        out->clause_role[s - 1] != KT__ROLE_BACKGROUND || !told_in_past(a, s + 1, e))
      continue;
    situation_to_past(out, s, e);
  }
  /* A clause in parentheses right after another tells more of it:
   * "keskeytti armeijan 2019 (C-paperit)" is all the past. */
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (s == 0 || !out->paren[s] || out->paren[s - 1] || out->clause_role[s] == KT__ROLE_GOAL)
      continue;
    unsigned char prev = out->clause_role[s - 1];
    if (prev != KT__ROLE_BACKGROUND && prev != KT__ROLE_ASIDE) continue;
    for (size_t i = s; i < e; i++)
      if (out->role[i] == out->clause_role[i]) out->role[i] = out->clause_role[i] = prev;
    if (hobby_clause && hobby_clause[out->clause[s - 1]]) hobby_clause[out->clause[s]] = true;
  }
  /* Another person's trouble is what the note asks about, not an aside,
   * when help is asked for them ("mannen har alkoholproblem och jag vill
   * veta var han kan få hjälp", "kysyy mistä puoliso saisi apua") or when
   * the note says nothing of the client and asks ("tytär 16v ei päässy
   * mihinkään kouluun yhteishaussa, mitä nyt"). A hobby stays aside. */
  static const char *const help_words[] = {"apu",   "apua", "hjälp",   "help", "tuki",
                                           "tukea", "stöd", "support", NULL};
  /* Not "mies" or "vaimo": those are also the client's own words ("mies 40v
   * haluaa apua työnhakuun"). */
  static const char *const third[] = {"hän",    "hänelle", "häntä",   "han",  "hon", "honom",
                                      "henne",  "he",      "she",     "him",  "her", "puoliso",
                                      "mannen", "frun",    "husband", "wife", NULL};
  bool asks_for_other = false;
  for (size_t s = 0, e; s < n && !asks_for_other; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] != KT__ROLE_GOAL) continue;
    bool help = false, other = false;
    for (size_t i = s; i < e; i++) {
      help |= is_any(tok(a, i), help_words) || starts_any(tok(a, i), help_words);
      other |= is_any(tok(a, i), third);
    }
    asks_for_other = help && other;
  }
  bool own = false, ask = false;
  for (size_t i = 0; i < n && !own && !asks_for_other; i++) {
    const kt_token *t = tok(a, i);
    ask |= is_any(t, question_words);
    if (t->stopword || out->generic[i] || (t->surface[0] >= '0' && t->surface[0] <= '9')) continue;
    own = out->role[i] == KT__ROLE_SITUATION || out->role[i] == KT__ROLE_GOAL;
  }
  for (size_t i = 0; (asks_for_other || (!own && ask)) && hobby_clause && i < n; i++)
    if (out->clause_role[i] == KT__ROLE_ASIDE && !hobby_clause[out->clause[i]])
      out->role[i] = out->clause_role[i] = KT__ROLE_SITUATION;
  free(hobby_clause);
  /* Where a change starts from: "vaihtaa alaa kaupan kassalta IT-tukeen",
   * "siirtyä siivouksesta hoitoalalle". In a clause that changes field, a
   * noun in the elative or ablative (with the genitive before it) is the
   * field being left, the past; the illative or allative is the goal. Only
   * with a change: "töitä varastoalalta" is work wanted in that field. */
  static const char *const move_verbs[] = {"siirty", "siirtä", "pois", NULL};
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] != KT__ROLE_GOAL) continue;
    bool changing = false;
    for (size_t i = s; i < e && !changing; i++)
      changing = change_cue(a, i, e) || starts_any(tok(a, i), move_verbs);
    for (size_t i = s; changing && i < e; i++) {
      const kt_token *t = tok(a, i);
      unsigned m = kt__analysis_morph(a, i);
      /* Not the word that names the change ("kysyy uudelleenkoulutuksesta"). */
      if (t->stopword || !(m & KT__MORPH_SOURCE) || (m & KT__MORPH_VERB) || change_cue(a, i, e))
        continue;
      out->role[i] = KT__ROLE_BACKGROUND;
      for (size_t j = i; j-- > s && (kt__analysis_morph(a, j) & KT__MORPH_GENITIVE) &&
                         !tok(a, j)->stopword && !change_cue(a, j, e);)
        out->role[j] = KT__ROLE_BACKGROUND;
    }
  }
  /* The job the client holds now, in a note that asks for a course or
   * study ("I work daytime in a warehouse", "on töissä varastolla, haluaa
   * suomen kurssille"): where the client is, not what the note asks for.
   * Without such an ask the job held is the situation ("on vielä töissä
   * kaupan kassalla, haluaa lisää tunteja"). */
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] != KT__ROLE_SITUATION) continue;
    bool working = false, neg = false, other = false;
    for (size_t i = s; i < e; i++) {
      const kt_token *t = tok(a, i);
      working |= works_at(a, i);
      neg |= is_negator(t) || (kt__analysis_morph(a, i) & KT__MORPH_NEGV);
      /* Another's job ("vaimo on töissä", "my wife, who works here"), or
       * how something works. */
      other |= relative_at(a, i) || is_any(t, (const char *const[]){"who", "how", "joka", NULL});
    }
    if (!working || neg || other) continue;
    for (size_t i = s; i < e; i++) {
      const kt_token *t = tok(a, i);
      unsigned m = kt__analysis_morph(a, i);
      /* ... and the trade after "as"/"som": "work as a cleaner". */
      bool as = false;
      for (size_t j = i; j-- > s && !as && (j + 4 > i);)
        as = is_any(tok(a, j), (const char *const[]){"as", "som", NULL});
      if (!t->stopword && (ends_any(t, place_endings) || (m & KT__MORPH_ESSIVE) ||
                           ends_any(t, agent_endings) || starts_any(t, foreign_places) || as))
        out->role[i] = KT__ROLE_BACKGROUND;
    }
  }
  /* Experience from a field, in a note with a goal ("pätkätöitä
   * siivouksesta ja varastosta; halutaan kartoittaa osaaminen", "kokemusta
   * kaupasta, haluaa hoitoalalle"): the fields are the client's history. */
  static const char *const experience[] = {"kokemu",   "työkokemu", "pätkätö", "pätkätyö",
                                           "keikkatö", "keikkaa",   "taustaa", NULL};
  bool has_goal = false;
  for (size_t i = 0; i < n && !has_goal; i++)
    has_goal = out->role[i] == KT__ROLE_GOAL && !out->generic[i];
  for (size_t s = 0, e; has_goal && s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] != KT__ROLE_SITUATION) continue;
    bool exp = false;
    for (size_t i = s; i < e && !exp; i++)
      exp = starts_any(tok(a, i), experience);
    /* ... over the list it opens: "siivouksesta, varastosta ja kaupasta". */
    while (exp && e < n && out->clause_role[e] == KT__ROLE_SITUATION) {
      size_t f = e;
      while (f < n && out->clause[f] == out->clause[e] &&
             (tok(a, f)->stopword || is_any(tok(a, f), and_words)))
        f++;
      if (f >= n || out->clause[f] != out->clause[e] ||
          !(kt__analysis_morph(a, f) & KT__MORPH_SOURCE))
        break;
      e = kt__reading_clause_end(out, e);
    }
    for (size_t i = s; exp && i < e; i++) {
      unsigned m = kt__analysis_morph(a, i);
      if (!tok(a, i)->stopword && (m & KT__MORPH_SOURCE) && (m & KT__MORPH_NOUN) &&
          !(m & KT__MORPH_VERB) && out->role[i] == KT__ROLE_SITUATION)
        out->role[i] = KT__ROLE_BACKGROUND;
    }
  }
  /* The trade of a job lost: "toimistosihteeri irtisanottu", "kokki, sai
   * potkut". The trade is the past; the dismissal stays the situation. */
  static const char *const lost[] = {"irtisano", "potku", "lomautet", "lomautti",
                                     "lähtöjä",  "lähtö", "kenkää",   NULL};
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] != KT__ROLE_SITUATION) continue;
    bool dismissed = false;
    for (size_t i = s; i < e; i++)
      dismissed |= starts_any(tok(a, i), lost);
    if (!dismissed) continue;
    for (size_t i = s; i < e; i++) {
      const kt_token *t = tok(a, i);
      unsigned m = kt__analysis_morph(a, i);
      /* ... and so is where it was lost from: "työmailta tullu lähtöjä". */
      if (!t->stopword && !generic_token(t) && !starts_any(t, lost) && (m & KT__MORPH_NOUN) &&
          (ends_any(t, agent_endings) || ((m & KT__MORPH_SOURCE) && !(m & KT__MORPH_VERB))))
        out->role[i] = KT__ROLE_BACKGROUND;
    }
  }
}

/* Step 2d: an attribute of the client, before the word the note names the
 * client by ("Osatyökykyinen asiakas on ollut työhönvalmennuksessa ..."), is
 * the client's state now, whatever the tense of its clause. Not where the
 * client is from ("helsinkiläinen mies vapautettiin ..."): no state. */
static void read_client_attribute(const kt_analysis *a, kt__reading *out) {
  static const char *const origin_endings[] = {"lainen", "läinen", NULL};
  static const char *const client_nouns[] = {"asiakas", "mies",   "nainen", "henkilö", "työnhakija",
                                             "client",  "person", "man",    "woman",   NULL};
  for (size_t i = 0; i + 1 < out->count; i++) {
    unsigned m = kt__analysis_morph(a, i);
    if (out->role[i] != KT__ROLE_BACKGROUND || out->clause[i + 1] != out->clause[i] ||
        !(m & KT__MORPH_NOUN) || !(m & KT__MORPH_NOMINATIVE) || (m & KT__MORPH_VERB) ||
        tok(a, i)->stopword || out->generic[i] || ends_any(tok(a, i), origin_endings) ||
        !is_any(tok(a, i + 1), client_nouns))
      continue;
    out->role[i] = KT__ROLE_SITUATION;
  }
}

/* Step 2e: the people the client served at work ("ohjasi asiakkaita
 * AA-ryhmiin ja laitoskuntoutukseen", "auttoi väkivaltaa kokeneita naisia,
 * myös Naisten Linjan kautta tulleita, hakemaan asuntoa"): what they were
 * helped to is the client's past work, not a need. The clause with a verb
 * of serving in the past and a plural of the people served, and the
 * clauses without a verb of their own that carry it on in its sentence.
 * (As another person's matter, aside, it was no better on the development
 * notes: two trap notes better, two worse.) */
static void read_others_served(const kt_analysis *a, const char *text, kt__reading *out) {
  static const char *const serving[] = {
      "autto", "ohjas", "ohjann",  "neuvo",    "opast", "palvel", "avust",   "koulutt",
      "tuki",  "hoiti", "valmens", "kuntoutt", "haki",  "sopi",   "järjest", NULL};
  static const char *const served[] = {
      "asiakkai", "asiakkaat", "potilai", "potilaat", "naisia", "nuoria", "työnhakijoi",
      "maahanmuuttaji", "asukkai", "opiskelijoi", "oppilai", "vanhuksi", "ikäihmisi", "ihmisiä",
      "perheitä", "työkokeilijoi", "työntekijöi", "clients", "patients",
      /* ... or the employer served ("haki yritykselle
       * palkkatukia") */
      "yritykselle", "firmalle", "yhtiölle", "työnantajalle", NULL};
  size_t n = out->count;
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] == KT__ROLE_GOAL) continue;
    bool serves = false, people = false;
    for (size_t i = s; i < e; i++) {
      unsigned m = kt__analysis_morph(a, i);
      serves |= starts_any(tok(a, i), serving) && (m & KT__MORPH_VERB) && (m & KT__MORPH_PAST);
      people |= starts_any(tok(a, i), served);
    }
    if (!serves || !people) continue;
    for (size_t c = s, ce = e; c < n; c = ce) {
      ce = kt__reading_clause_end(out, c);
      bool verb = false;
      for (size_t i = c; i < ce && c > s; i++)
        /* (not an infinitive: "..., hakemaan asuntoa" carries it on) */
        verb |= finite_verb(a, i) && !(kt__analysis_morph(a, i) & KT__MORPH_INF) &&
                !ends_any(tok(a, i), (const char *const[]){"maan", "mään", NULL});
      if (c > s &&
          (verb || out->clause_role[c] == KT__ROLE_GOAL || chars_between(a, text, c, ".;!?\n")))
        break;
      for (size_t i = c; i < ce; i++)
        if (!kt__role_silent(out->role[i]))
          out->role[i] = out->clause_role[i] = KT__ROLE_BACKGROUND;
    }
  }
}

/* Step 2a: where the client wore out ("uupui vuorotyöhön", "kyllästyi
 * myyntityöhön", "väsyi hoitoalalla"): the work that wore them out is the
 * past; the wearing out stays the situation. A word in the nominative
 * after the verb tells more of the state ("väsynyt ja ahdistunut"). */
static const char *const wore_out[] = {"uupu", "kyllästy", "väsy", "turhautu", "kypsy", NULL};
static const char *const wore_out_foreign[] = {"burned",  "burnt",   "tired",
                                               "tröttna", "utbränd", NULL};
static void read_worn_out(const kt_analysis *a, kt__reading *out) {
  size_t n = out->count;
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] != KT__ROLE_SITUATION) continue;
    size_t v = e;
    for (size_t i = s; i < e && v == e; i++)
      if ((starts_any(tok(a, i), wore_out) &&
           ((kt__analysis_morph(a, i) & KT__MORPH_VERB) ||
            ends_any(tok(a, i), (const char *const[]){"nut", "nyt", "nu", "ny", NULL}))) ||
          starts_any(tok(a, i), wore_out_foreign))
        v = i; /* the verb or its participle: not "uupumuksen takia" */
    for (size_t i = v + 1; i < e; i++) {
      const kt_token *t = tok(a, i);
      unsigned m = kt__analysis_morph(a, i);
      if (goal_cue(t, m)) break;
      if (!t->stopword && (m & KT__MORPH_NOUN) && !(m & KT__MORPH_VERB) &&
          !(m & KT__MORPH_NOMINATIVE) && out->role[i] == KT__ROLE_SITUATION)
        out->role[i] = KT__ROLE_BACKGROUND;
    }
  }
}

/* Step 2b: a workplace closed ("hänen vankilansa lakkautettiin", "hotelli
 * suljettiin", "keittiö ulkoistettiin") is where the client worked: its
 * nouns are the past, not a need of the place. Not a bankruptcy: the
 * client's own firm going under is a need of its own. */
/* "Autokoulu lopetti kesällä", "Liike lopetti", "yritys myytiin": a
 * place that stopped or was sold, named right before the verb. Not a
 * person who quit ("tytär lopetti lukion", "taitoluistelija lopetti"). */
static bool quit_by_place(const kt_analysis *a, size_t i, size_t s) {
  /* What ended a career is no place: "Polvivamma lopetti uran". */
  static const char *const ailments[] = {"vamma",       "sairaus", "vaiva",    "kipu", "vika",
                                         "onnettomuus", "uupumus", "masennus", NULL};
  static const char *const stopped[] = {"lopetti", "lopettanut", "lopetettiin",
                                        "myytiin", "myyty",      NULL};
  if (i <= s || !is_any(tok(a, i), stopped)) return false;
  const kt_token *p = tok(a, i - 1);
  unsigned m = kt__analysis_morph(a, i - 1);
  return !p->stopword && (m & KT__MORPH_NOUN) && (m & KT__MORPH_NOMINATIVE) &&
         !(m & KT__MORPH_VERB) && !ends_any(p, agent_endings) && !is_any(p, relatives) &&
         !is_any(p, children) && !is_any(p, generic_words) && !problem_compound(p) &&
         !ends_any(p, ailments);
}

static void read_closures(const kt_analysis *a, kt__reading *out) {
  static const char *const closed[] = {"lakkautet", "lakkautti", "suljet", "sulki",
                                       "ulkoistet", "ulkoisti",  NULL};
  size_t n = out->count;
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] == KT__ROLE_GOAL) continue;
    bool closure = false;
    for (size_t i = s; i < e; i++)
      closure |= starts_any(tok(a, i), closed) || quit_by_place(a, i, s);
    for (size_t i = s; closure && i < e; i++) {
      const kt_token *t = tok(a, i);
      unsigned m = kt__analysis_morph(a, i);
      if (!t->stopword && !starts_any(t, closed) && !quit_by_place(a, i, s) &&
          (m & KT__MORPH_NOUN) && out->role[i] == out->clause_role[i])
        out->role[i] = KT__ROLE_BACKGROUND;
    }
  }
  /* ... and what a relative clause says the client closed or sold: "viimeiset
   * vuodet toiminimellä, jonka hän lopetti keväällä", "kahvila, jonka hän myi".
   * The firm or place before it is the past. */
  static const char *const which[] = {"jonka", "jota", "minkä", "which", NULL};
  static const char *const ended[] = {"lopetti",  "lopettanut", "myi",     "myynyt",    "sulki",
                                      "sulkenut", "closed",     "sold",    "lakkautti", "lopetin",
                                      "myin",     "suljin",     "stängde", NULL};
  for (size_t s = 1, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (!is_any(tok(a, s), which) || out->clause_role[s] == KT__ROLE_GOAL ||
        out->clause_role[s - 1] == KT__ROLE_GOAL)
      continue;
    bool closure = false;
    for (size_t i = s + 1; i < e && !closure; i++)
      closure = is_any(tok(a, i), ended);
    if (!closure) continue;
    for (size_t i = s; i-- > 0 && out->clause[i] == out->clause[s - 1];) {
      const kt_token *t = tok(a, i);
      if (!t->stopword && (kt__analysis_morph(a, i) & KT__MORPH_NOUN) &&
          out->role[i] == KT__ROLE_SITUATION)
        out->role[i] = KT__ROLE_BACKGROUND;
    }
  }
}

/* Step 2c: the field of the client's own work or study is no need: "opettaa
 * suomea kotoutumiskoulutuksessa", "gradu käsitteli asunnottomuutta",
 * "kirjoittaa gradua velkajärjestelystä". Outside a goal, a clause with a
 * word of teaching or of a thesis keeps its nouns aside. */
static void read_work_topics(const kt_analysis *a, kt__reading *out) {
  /* Base forms and surfaces ("graduated" is no thesis). */
  static const char *const cues[] = {"opettaa", "opettanu", "opettajana", "gradu",
                                     "teaches", "taught",   "thesis",     NULL};
  static const char *const cue_parts[] = {"tutkielm", "opinnäyt", "väitöskir", NULL};
  size_t n = out->count;
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] == KT__ROLE_GOAL) continue;
    bool topic = false;
    for (size_t i = s; i < e && !topic; i++)
      topic = is_any(tok(a, i), cues) || starts_any(tok(a, i), cue_parts);
    for (size_t i = s; topic && i < e; i++) {
      const kt_token *t = tok(a, i);
      if (!t->stopword && !is_any(t, cues) && !starts_any(t, cue_parts) &&
          out->role[i] == out->clause_role[i])
        out->role[i] = KT__ROLE_ASIDE;
    }
  }
}

/* Step 3: the scopes of negations and refusals. */
/* Postpositions of a cause after a genitive: "masennuksen takia". */
static const char *const cause_postpositions[] = {"takia",  "vuoksi",      "jälkeen", "myötä",
                                                  "tähden", "perusteella", NULL};

bool kt__cause_at(const kt_analysis *a, size_t i) {
  return i + 1 < kt_analysis_count(a) && (kt__analysis_morph(a, i) & KT__MORPH_GENITIVE) &&
         is_any(tok(a, i + 1), cause_postpositions);
}

bool kt__employer_told(const kt_analysis *a, size_t i) {
  static const char *const employer[] = {
      "työnantaja",   "työnantaja-asiakas", "pomo", "employer", "boss",
      "arbetsgivare", "arbetsgivaren",      "chef", NULL};
  size_t n = kt_analysis_count(a);
  if (!is_any(tok(a, i), employer)) return false;
  /* "my employer, a small startup, went bankrupt": over an apposition. */
  size_t j = i + 1;
  if (j < n && is_any(tok(a, j), (const char *const[]){"has", "had", "on", "oli", "har", NULL}))
    j++;
  return j < n && ((kt__analysis_morph(a, j) & KT__MORPH_PAST) || kt__token_negates(tok(a, j)) ||
                   is_any(tok(a, j), (const char *const[]){"cut", "fired", "laid", "went", "owes",
                                                           "keeps", "pays", NULL}));
}

/* Does negator @p i say what comes before is out of the question: "X ei
 * tule kyseeseen", or "X eivät käy" / "ei sovi" at the clause's end
 * ("englanninkieliset valmennukset, neuvonta ja ryhmät eivät käy"; not "ei
 * käy töissä")? The number of words after @p i that say it, or 0. */
static size_t out_of_question(const kt_analysis *a, const kt__reading *out, size_t i) {
  size_t n = out->count;
  if (!is_negator(tok(a, i)) || i + 1 >= n || out->clause[i + 1] != out->clause[i]) return 0;
  if (i + 2 < n && out->clause[i + 2] == out->clause[i] &&
      starts_any(tok(a, i + 1), (const char *const[]){"tule", NULL}) &&
      is_any(tok(a, i + 2), (const char *const[]){"kyseeseen", "kysymykseen", NULL}))
    return 2;
  bool last = i + 2 >= n || out->clause[i + 2] != out->clause[i];
  if (last && i > 0 && out->clause[i - 1] == out->clause[i] &&
      (is(tok(a, i + 1), "käy") || is(tok(a, i + 1), "sovi") || is(tok(a, i + 1), "kelpaa")))
    return 1;
  return 0;
}

/* Relative pronouns opening a clause ("joihin", "jotka", "som", "that"). */
static const char *const relative_pronouns[] = {
    "joka",  "jonka",  "jota",     "johon",  "jossa",  "josta",  "jolla",  "jolle",
    "jotka", "joiden", "joita",    "joihin", "joissa", "joista", "joilla", "joille",
    "mihin", "missä",  "joissain", "which",  "that",   "som",    "där",    NULL};

/* Is someone other than the client the subject of the clause of token @p i:
 * a noun before it in its clause that can be a subject, in the nominative
 * ("Firma ei tee työsopimusta", "Firma ei ota vastaan harjoittelijoita"; not
 * where the client goes: "haluaa mainostoimistoon eikä jatka
 * osuuskunnassa"), "asiakas" aside? */
static bool another_subject(const kt_analysis *a, const kt__reading *out, size_t i) {
  for (size_t k = kt__reading_clause_start(out, i); k < i; k++)
    if (!tok(a, k)->stopword && !is(tok(a, k), "asiakas") &&
        (kt__analysis_morph(a, k) & KT__MORPH_NOMINATIVE))
      return true;
  return false;
}

/* Does the negation @p i with verb @p j refuse a step the client chooses
 * ("ei muuta toiselle paikkakunnalle", "eikä ota vastaan pitkää
 * työmatkaa", "ei lähde ulkomaille", "eikä jatka osuuskunnassa")? The
 * client's own: no other subject before the negation in its clause ("Firma
 * ei ota vastaan harjoittelijoita" is the firm's). "muuta" only before where
 * to: "ei muuta koulutusta" is nothing else. */
static bool choice_refused(const kt_analysis *a, const kt__reading *out, size_t i, size_t j) {
  if (another_subject(a, out, i)) return false;
  const kt_token *v = tok(a, j);
  bool next_in = j + 1 < out->count && out->clause[j + 1] == out->clause[j];
  if (is(v, "muuta") || is(v, "muuttaisi")) {
    size_t w = j + 1; /* past "toiselle", "pois" */
    while (w < out->count && out->clause[w] == out->clause[j] && tok(a, w)->stopword)
      w++;
    return w < out->count && out->clause[w] == out->clause[j] &&
           (kt__analysis_morph(a, w) & KT__MORPH_TARGET);
  }
  /* ... or takes no money offered ("ei ota opintotukea eikä opintolainaa",
   * "ei ota lainaa"): a benefit or loan refused, not one lacking. */
  static const char *const money_taken[] = {"opintotu", "opintolain", "lainaa",
                                            "lainoja",  "tukea",      "tukia",
                                            "etuutta",  "avustusta",  NULL};
  if (is(v, "ota") || is(v, "ottaisi"))
    return next_in && (is(tok(a, j + 1), "vastaan") || starts_any(tok(a, j + 1), money_taken));
  /* ... or will not go on where the client was ("eikä jatka osuuskunnassa"). */
  return starts_any(v, (const char *const[]){"lähde", "lähtisi", "suostu", NULL}) ||
         is_any(v, (const char *const[]){"jatka", "jatkaisi", NULL});
}

/* Is @p t written as an active past participle ("maksanut", "saanut",
 * "hakeneet"), done by the subject? A passive one ("lomautettu",
 * "irtisanottu") is a state, which "ei ole" denies. */
static bool active_participle(const kt_token *t) {
  return ends_any(t, (const char *const[]){"nut", "nyt", "lut", "lyt", "rut", "ryt", "sut", "syt",
                                           "neet", "leet", "reet", "seet", NULL});
}

static void read_negations(const kt_analysis *a, kt__reading *out) {
  size_t n = out->count;
  /* 3. Negation scopes, within a clause, up to four words after the verb. */
  for (size_t i = 0; i < n; i++) {
    const kt_token *t = tok(a, i);
    if (out->role[i] == KT__ROLE_REFUSED) continue; /* inside a scope already ("vill inte") */
    /* "X ei tule kyseeseen", "taksi tai bussi eivät tule kyseeseen": X is
     * out of the question, refused as "X ei kiinnosta" is. */
    /* "ei puhu englantia (lainkaan)", "doesn't speak English": services in
     * that language are out of the question. Not Finnish: "ei puhu suomea"
     * is a lack, and the need. */
    if (is_negator(t) && i + 2 < n && out->clause[i + 2] == out->clause[i] &&
        is_any(tok(a, i + 1), speak) && is_any(tok(a, i + 2), other_languages)) {
      for (size_t j = i + 1; j <= i + 2; j++) {
        out->role[j] = KT__ROLE_REFUSED;
        out->negator[j] = i;
        out->unwanted[j] = true;
      }
      continue;
    }
    size_t oq = out_of_question(a, out, i);
    if (oq) {
      for (size_t j = i + oq + 1; j-- > 0 && out->clause[j] == out->clause[i];) {
        out->role[j] = KT__ROLE_REFUSED;
        out->negator[j] = i;
        out->unwanted[j] = j < i;
      }
      continue;
    }
    /* "kotoutumiskoulutukseen hän ei enää pääse", "ei enää pääse
     * kotoutumiskoulutukseen": no longer open to the client, a service
     * refused as "X ei tule kyseeseen" is. Not "ei päässyt kouluun", a
     * study place lacking. */
    if (is_negator(t) && i + 2 < n && out->clause[i + 2] == out->clause[i] &&
        is(tok(a, i + 1), "enää") &&
        starts_any(tok(a, i + 2), (const char *const[]){"pääse", "saa", NULL})) {
      for (size_t j = kt__reading_clause_start(out, i); j < n && out->clause[j] == out->clause[i];
           j++) {
        if (j == i || j == i + 1 || j == i + 2 || tok(a, j)->stopword ||
            !(kt__analysis_morph(a, j) & KT__MORPH_NOUN))
          continue;
        out->role[j] = KT__ROLE_REFUSED;
        out->negator[j] = i;
        out->unwanted[j] = true;
      }
      continue;
    }
    /* "ilman velkoja", "without debts": the one word after it, a noun
     * denied or lacking ("ilman tutkintoa haluaa koodariksi" wants on). */
    if (is_any(t, without)) {
      /* Not under another negation: "ettei näyttötyö onnistu ilman
       * apuvälineitä" needs the aids. */
      bool under = false;
      for (size_t j = kt__reading_clause_start(out, i); j < i; j++)
        under |= is_negator(tok(a, j)) || (kt__analysis_morph(a, j) & KT__MORPH_NEGV);
      if (!under && i + 1 < n && out->clause[i + 1] == out->clause[i] &&
          out->role[i + 1] != KT__ROLE_REFUSED) {
        out->role[i + 1] = KT__ROLE_NEGATED;
        out->negator[i + 1] = i;
      }
      continue;
    }
    size_t verb = (size_t)-1, cause_end = 0;
    bool wish_neg = false, capacity = false;
    /* Not a refusal asked about: "voiko hän kieltäytyä kuntouttavasta
     * työtoiminnasta" asks what refusing means. */
    bool asked = false;
    for (size_t j = kt__reading_clause_start(out, i); j < i && !asked; j++)
      asked = is_any(tok(a, j), (const char *const[]){"voiko", "voisiko", "saako", "saisiko", "can",
                                                      "could", "may", "kan", "får", NULL});
    if (is_any(t, refuse) && !asked) {
      verb = i;
      wish_neg = true;
    }
    /* "ei"/"eikä" deny a noun directly ("ei masennusta"); the other persons
     * of the negation verb need a verb after them: spoken "et" is also
     * "että" ("ilmotti et koko porukka lomautetaan"). */
    bool negates = is_negator(t);
    if (negates && !is(t, "ei") && !kt__token_eika(t) &&
        (kt__analysis_morph(a, i) & KT__MORPH_NEGV)) {
      negates = false;
      for (size_t j = i + 1; j < n && j <= i + 2 && out->clause[j] == out->clause[i]; j++)
        if (kt__analysis_morph(a, j) & KT__MORPH_VERB) negates = true;
    }
    if (negates) {
      for (size_t j = i + 1; j < n && j <= i + 2 && out->clause[j] == out->clause[i]; j++)
        if (starts_any(tok(a, j), wish) || is_any(tok(a, j), no_need)) {
          verb = j;
          wish_neg = true;
          break;
        }
      /* The need postponed to the clause's end, over nouns: "eikä
       * ruotsinkielisiä palveluja tarvita". */
      for (size_t j = i + 3; !wish_neg && j < n && j <= i + 4 && out->clause[j] == out->clause[i];
           j++) {
        if (is_any(tok(a, j), no_need) && !(kt__analysis_morph(a, j - 1) & KT__MORPH_VERB) &&
            !(kt__analysis_morph(a, j - 2) & KT__MORPH_VERB)) {
          verb = j;
          wish_neg = true;
        }
        if (kt__analysis_morph(a, j) & KT__MORPH_VERB) break;
      }
      if (!wish_neg) verb = i;
      /* The first word after the negation (skipping "enää", "vielä", and a
       * cause: "ei masennuksen takia jaksa", "ei aivovamman jälkeen pysty",
       * whose words are the client's problem, not denied). */
      size_t j = i + 1;
      while (j < n && out->clause[j] == out->clause[i]) {
        if (negation_adverb(tok(a, j)))
          j++;
        else if (is(tok(a, j), "missään") && j + 1 < n && is(tok(a, j + 1), "nimessä"))
          j += 2;
        else if (j + 2 < n && kt__cause_at(a, j) && out->clause[j + 2] == out->clause[i])
          cause_end = j += 2;
        else
          break;
      }
      /* A goal denied without its verb: "ei enää yrittäjäksi", "ei missään
       * nimessä kokiksi" (what the client will not become) refuses as "ei
       * halua yrittäjäksi" does. */
      if (!wish_neg && j < n && out->clause[j] == out->clause[i] &&
          (kt__analysis_morph(a, j) & KT__MORPH_TRANSLATIVE) &&
          !(kt__analysis_morph(a, j) & KT__MORPH_VERB)) {
        wish_neg = true;
        verb = i;
      }
      /* A subject between the negation and a verb of capacity: in "eikä
       * selkä kestä nostoja" the back is the problem (as in "selkä ei
       * kestä"); what it cannot bear is refused. */
      if (!wish_neg && j + 1 < n && out->clause[j + 1] == out->clause[i] &&
          (kt__analysis_morph(a, j) & KT__MORPH_NOMINATIVE) &&
          !(kt__analysis_morph(a, j) & KT__MORPH_VERB) && !tok(a, j)->stopword &&
          starts_any(tok(a, j + 1), capacity_verbs) &&
          (kt__analysis_morph(a, j + 1) & KT__MORPH_VERB)) {
        wish_neg = capacity = true;
        verb = j + 1;
        cause_end = j + 1;
      }
      if (!wish_neg && j < n && out->clause[j] == out->clause[i]) {
        const kt_token *v = tok(a, j);
        unsigned m = kt__analysis_morph(a, j);
        bool be = is(v, "ole") || is(v, "olla") || is(v, "oo");
        /* The perfect of another verb ("isä ei ole maksanut elatusapua",
         * "ei ole saanut töitä") states a problem as the present does;
         * "ei ole ollut" and the verbs of use ("ei ole juonut") deny. */
        /* ... with an adverb between: "ei ole koskaan kuulunut kassaan". */
        size_t p = j + 1;
        while (p < n && out->clause[p] == out->clause[i] && negation_adverb(tok(a, p)))
          p++;
        const kt_token *pp = p < n && out->clause[p] == out->clause[i] ? tok(a, p) : NULL;
        /* Being and belonging deny: "ei ole koskaan kuulunut kassaan". */
        static const char *const been[] = {"ollut", "ollu", "olleet", "kuulunut", "kuulunu", NULL};
        /* ... and a state one falls into, denied as being in it is: "ei ole
         * masentunut" (not depressed), "ei ole velkaantunut". */
        /* ... and "vastavalmistunut", a state though spelled as a verb's
         * participle: "ei ole vastavalmistunut" (no recent graduate). */
        static const char *const fallen[] = {
            "masentun",       "uupun",         "väsyn",     "vastavalmistun", "sairastun",
            "velkaantun",     "ylivelkaantun", "syrjäytyn", "vammautun",      "loukkaantun",
            "traumatisoitun", "koukuttun",     NULL};
        /* The verbs of use (use_verbs) as their participles begin: Voikko
         * gives a participle itself as its base form ("pelannut"). */
        static const char *const used[] = {"käyttän", "juon", "poltt", "pelan", "maistun", NULL};
        if (be && pp && (kt__analysis_morph(a, i) & KT__MORPH_NEGV) &&
            (kt__analysis_morph(a, p) & KT__MORPH_PAST) && active_participle(pp) &&
            !is_any(pp, been) && !starts_any(pp, fallen) && !starts_any(pp, used) &&
            !starts_any(pp, capacity_verbs))
          continue;
        if (starts_any(v, capacity_verbs) && (m & KT__MORPH_VERB)) {
          wish_neg = capacity = true; /* refused like a wish */
          verb = j;
        } else if ((m & KT__MORPH_VERB) && starts_any(v, use_verbs)) {
          verb = j; /* denies its object */
        } else if (is_any(v, left_over)) {
          verb = j; /* "velkoja ei jäänyt": nothing left over */
        } else if (choice_refused(a, out, i, j)) {
          wish_neg = true; /* the client's choice, refused like a wish */
          verb = j;
        } else if ((m & KT__MORPH_VERB) && !be && (kt__analysis_morph(a, i) & KT__MORPH_NEGV)) {
          /* After a negation a word that can be a verb is one ("ei osaa",
           * not osa): a noun there has no verb reading ("ei velkoja"). Not
           * after "no", "not", "inte": Voikko's guesses at English or
           * Swedish words ("no permit issues": periä) are no verbs. */
          /* ... unless the next clause says what instead: "ei hae
           * kesätyötä vaan vakituista työpaikkaa" refuses the first. */
          size_t next = kt__reading_clause_end(out, i);
          /* The client's own choice: no one else is the subject ("Firma ei
           * tee työsopimusta vaan vaatii laskuttamaan" is the problem). */
          if (next < n && is(tok(a, next), "vaan") && !another_subject(a, out, i)) {
            wish_neg = true;
            verb = j;
          } else {
            continue; /* a problem stated with a verb: nothing denied */
          }
        }
      }
    }
    /* Swedish puts the negation after the verb: "vill inte". */
    if (is(t, "vill") && i + 1 < n && is(tok(a, i + 1), "inte")) {
      verb = i + 1;
      wish_neg = true;
    }
    if (verb == (size_t)-1) continue;
    /* "Muita velkoja ei ole", "no other debts": the one told of stands. */
    if (!wish_neg) {
      static const char *const others[] = {"muita", "muuta",  "muuten", "other",
                                           "andra", "övriga", NULL};
      /* Right after the negation ("ei muita velkoja", "ei ole muita") or
       * opening the clause it ends ("Muita velkoja ei ole"); not inside a
       * list denied ("ei masennusta tai muuta mielenterveyspuolen juttua"). */
      size_t first = i + 1;
      while (first < n && out->clause[first] == out->clause[i] && tok(a, first)->stopword &&
             !is_any(tok(a, first), others))
        first++;
      size_t cs = kt__reading_clause_start(out, i);
      bool other =
          (first < n && out->clause[first] == out->clause[i] && is_any(tok(a, first), others)) ||
          (i >= cs + 2 && is_any(tok(a, cs), others));
      /* "ei muita huolia", "ei muita ongelmia": nothing else is a problem. */
      for (size_t j = cs; other && j < n && out->clause[j] == out->clause[i]; j++)
        if (is_any(tok(a, j), problem_nouns) || problem_compound(tok(a, j))) other = false;
      if (other) continue;
    }
    unsigned char role = wish_neg ? KT__ROLE_REFUSED : KT__ROLE_NEGATED;
    /* Over a list too: "eikä terapian tai muiden palvelujen tarvetta ole". */
    for (size_t j = verb + 1, lim = verb + 4;
         !wish_neg && j < n && j <= lim && out->clause[j] == out->clause[i]; j++) {
      if (is_any(tok(a, j), list_words)) lim = j + 4;
      if (is_any(tok(a, j), problem_nouns) || problem_compound(tok(a, j))) role = KT__ROLE_REFUSED;
    }
    /* The negator itself keeps its role: an entry that starts with it
     * ("ei puhu suomea") is a need as written. */
    /* A wish or need refused, or problems denied ("ei ongelmia asumisessa",
     * "no permit or visa issues"): what they name is no need anywhere. */
    bool unwanted = (wish_neg && !capacity) || (!wish_neg && role == KT__ROLE_REFUSED);
    /* In a relative clause the negation says what the thing spoken of must
     * not ask for ("vain palvelut, joihin ei tarvita henkilötunnusta"): a
     * condition, not a refusal of what it names elsewhere. */
    size_t rs = kt__reading_clause_start(out, i);
    if (rs < n && is_any(tok(a, rs), relative_pronouns)) unwanted = false;
    for (size_t j = i + 1 > cause_end ? i + 1 : cause_end; j <= verb; j++) {
      out->role[j] = role;
      out->negator[j] = i;
      out->unwanted[j] = unwanted;
    }
    if (wish_neg) out->role[i] = role;
    size_t after = 0, problems = 0;
    bool went = false;
    /* "ei halua kouluun eikä mihinkään valmentavaan": a list the refusal
     * continues ("eikä", "tai") carries the scope four words on. */
    for (size_t j = verb + 1, lim = verb + 4;
         j < n && j <= lim && out->clause[j] == out->clause[verb]; j++) {
      if (role == KT__ROLE_REFUSED && is_any(tok(a, j), list_words)) lim = j + 4;
      /* A fact denied, "ei ole koskaan ollut ongelmia päihteiden kanssa":
       * "never" and the like take no room of the four. */
      if (!wish_neg && negation_adverb(tok(a, j))) lim++;
      out->role[j] = role;
      out->negator[j] = i;
      out->unwanted[j] = unwanted;
      /* "IT-alalle hän ei halua palata": a verb of going back or on after
       * the wish says nothing of its own; what is refused came first. */
      bool going = (kt__analysis_morph(a, j) & KT__MORPH_INF) && is_any(tok(a, j), going_verbs);
      /* "turvallisuusala ei kiinnosta häntä lainkaan": whom and how much
       * say nothing of what is refused. */
      bool empty = is_any(tok(a, j),
                          (const char *const[]){"häntä", "minua", "heitä", "lainkaan", "ollenkaan",
                                                "yhtään", "enää", "kovin", "juurikaan",
                                                "tippaakaan", "pätkääkään", "mitenkään", NULL});
      after += !tok(a, j)->stopword && !going && !empty && !negation_adverb(tok(a, j));
      problems += !tok(a, j)->stopword && is_any(tok(a, j), problem_nouns);
      went |= going;
    }
    /* Nothing follows a negated wish or need in its clause: what it refuses
     * came first ("asiakaspalvelu ei kiinnosta", "päivähoitoa ei tarvita").
     * Not so for a capacity: in "selkä ei kestä" the back is the problem. */
    /* So too when another denial follows at once: "toimeentulotukea ei
     * tarvita eikä talous ole ongelma". */
    bool next_denial = verb + 1 < n && out->clause[verb + 1] == out->clause[verb] &&
                       (kt__token_eika(tok(a, verb + 1)) || is(tok(a, verb + 1), "eli"));
    /* ... but not past a wish of the clause's own ("haluaa töihin eikä
     * halua palata"). */
    bool own_wish = false;
    for (size_t j = i; went && j-- > 0 && out->clause[j] == out->clause[i];)
      own_wish |= goal_cue(tok(a, j), kt__analysis_morph(a, j));
    if (wish_neg && (!after || next_denial) && !own_wish &&
        (starts_any(tok(a, verb), wish) || is_any(tok(a, verb), no_need)))
      for (size_t j = i; j-- > 0 && out->clause[j] == out->clause[i];) {
        out->role[j] = role;
        out->negator[j] = i;
        out->unwanted[j] = unwanted;
      }
    /* So for being and using: "velkoja ei ole", "päihteitä ei käytä" deny
     * what came first, as "ei ole velkoja" denies what follows; and for
     * what is left over: "velkoja ei jäänyt" (after a business closed). */
    /* ... with an adverb between: "velkoja ei nyt ole". Not "vielä": a
     * "diagnoosia ei vielä ole" is a lack, which may come. */
    size_t be_at = verb == i ? i + 1 : verb;
    while (verb == i && be_at < n && out->clause[be_at] == out->clause[i] &&
           negation_adverb(tok(a, be_at)) && !is(tok(a, be_at), "vielä"))
      be_at++;
    /* ... and so does a problem denied after them: "Alkoholin kanssa hänellä
     * ei ole ongelmaa". */
    bool no_problem = after && after == problems && be_at < n && is(tok(a, be_at), "ole");
    if (!wish_neg && ((!after && role == KT__ROLE_NEGATED) || no_problem) && be_at < n &&
        out->clause[be_at] == out->clause[i] &&
        (is(tok(a, be_at), "ole") || is(tok(a, be_at), "oo") || is_any(tok(a, be_at), left_over) ||
         starts_any(tok(a, verb), use_verbs)))
      for (size_t j = i; j-- > 0 && out->clause[j] == out->clause[i];) {
        out->role[j] = role;
        out->negator[j] = i;
      }
  }
}

/* A degree held ("liiketoiminnan perustutkinto on", "merkonomin tutkinto
 * löytyy", "lähihoitajan tutkinto suoritettu"): the client's history, as
 * "koulutukseltaan" is. Not a degree wanted or lacking ("haluaa
 * perustutkinnon", "tutkintoa ei ole": a negation or goal in the clause). */
static void read_degree_held(const kt_analysis *a, kt__reading *out) {
  static const char *const degree[] = {
      "tutkin", "perustutkin", "ammattitutkin", "tutkinto", "examen", "degree", NULL};
  static const char *const held_words[] = {"on",           "löytyy", "suoritettu",
                                           "suoritettuna", "valmis", NULL};
  for (size_t s = 0, e; s < out->count; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] == KT__ROLE_GOAL) continue;
    bool held = false, neg = false;
    for (size_t i = s; i < e; i++) {
      neg |= is_negator(tok(a, i)) || (kt__analysis_morph(a, i) & KT__MORPH_NEGV) ||
             out->role[i] == KT__ROLE_GOAL;
      if (starts_any(tok(a, i), degree) && i + 1 < e &&
          is_any_text(tok(a, i + 1)->surface, held_words))
        held = true;
    }
    if (!held || neg) continue;
    for (size_t i = s; i < e; i++)
      if (out->role[i] == KT__ROLE_SITUATION) out->role[i] = KT__ROLE_BACKGROUND;
  }
}

/* Another worker who harms the client ("vastaava kokki huusi ja nimitteli
 * häntä", "esimies kiusasi"): that trade is the other's, not the client's. */
static void read_harmer(const kt_analysis *a, kt__reading *out) {
  static const char *const harass[] = {
      "huus", "huut",  "nimittel", "kiusa", "haukku", "haukkui", "ahdistel", "uhkail", "lyö",
      "löi",  "härnä", "solvas",   "yells", "yelled", "bullied", "harass",   NULL};
  for (size_t i = 0; i + 1 < out->count; i++) {
    if (!kt__token_trade(tok(a, i)) &&
        !is_any(tok(a, i), (const char *const[]){"kokki", "esimies", "pomo", "työkaveri", "kollega",
                                                 "boss", "chef", NULL}))
      continue;
    bool harms = false;
    for (size_t j = i + 1; j < out->count && j <= i + 2 && out->clause[j] == out->clause[i]; j++)
      harms |= starts_any(tok(a, j), harass);
    if (!harms) continue;
    out->role[i] = KT__ROLE_ASIDE;
    if (i > 0 && out->clause[i - 1] == out->clause[i] && !tok(a, i - 1)->stopword &&
        (kt__analysis_morph(a, i - 1) & KT__MORPH_NOUN) &&
        !(kt__analysis_morph(a, i - 1) & KT__MORPH_VERB))
      out->role[i - 1] = KT__ROLE_ASIDE; /* "vastaava kokki" */
  }
}

/* Step 3a: no children or partner is a fact, not a lack to fill ("Omia
 * lapsia hänellä ei ole", "ei lapsia"): the denied family words go silent
 * (refused without being unwanted: nothing is refused elsewhere). */
static void read_no_family(const kt_analysis *a, kt__reading *out) {
  for (size_t i = 0; i < out->count; i++)
    if (out->role[i] == KT__ROLE_NEGATED &&
        (is_any(tok(a, i), children) || relative_at(a, i) || is(tok(a, i), "perhe")))
      out->role[i] = KT__ROLE_REFUSED;
}

/* Grown children are no family need: "lapset jo aikuisia", "nuorinkin on
 * jo 19", "kids are grown up". In a clause outside a goal that names the
 * children and says they are grown, their words are another's (aside). */
static void read_grown_children(const kt_analysis *a, kt__reading *out) {
  static const char *const grown[] = {"aikuisia", "aikuiset", "aikuisia", "täysi-ikäisiä", "isoja",
                                      "grown",    "adults",   "vuxna",    "aikuistuneet",  NULL};
  size_t n = out->count;
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] == KT__ROLE_GOAL) continue;
    bool kids = false, big = false;
    for (size_t i = s; i < e; i++) {
      const kt_token *t = tok(a, i);
      kids |= is_any(t, children) || is(t, "lapset") || is(t, "kids") ||
              starts_any(t, (const char *const[]){"nuorin", "youngest", "yngsta", NULL});
      /* An age after the children is theirs ("nuorinkin on jo 19"); one
       * before them is the client's ("mä oon 23 ja yksin mun 3v lapsen kaa"). */
      big |= is_any(t, grown) || (kids && number_of(t) >= 18 && number_of(t) < 60);
    }
    if (!kids || !big) continue;
    for (size_t i = s; i < e; i++)
      if (out->role[i] == KT__ROLE_SITUATION && !tok(a, i)->stopword) out->role[i] = KT__ROLE_ASIDE;
  }
}

/* "vanhempi järjestelmäasiantuntija", "vanhempana asiantuntijana": a
 * senior title, not a parent. Generic, as "asiakas" is. */
static void read_senior(const kt_analysis *a, kt__reading *out) {
  static const char *const senior[] = {"vanhempi", "vanhempana", "vanhemman", "vanhemmaksi", NULL};
  static const char *const titles[] = {"ja",  "jä",    "jana",  "jänä", "jan",
                                       "jän", "jaksi", "jäksi", NULL};
  for (size_t i = 0; i + 1 < out->count; i++)
    if (is_any_text(tok(a, i)->surface, senior) && ends_any(tok(a, i + 1), titles) &&
        !tok(a, i + 1)->stopword)
      out->generic[i] = true;
}

/* Verbs of offering or suggesting, by the surface: what was offered and
 * passed over is refused (read_offered). */
static const char *const offer_verbs[] = {
    "tarjottu",   "tarjottiin", "tarjosi",      "tarjonnut", "ehdotettu", "ehdotettiin", "ehdotti",
    "ehdottanut", "suositeltu", "suositeltiin", "offered",   "suggested", "erbjudits",   "erbjudit",
    "föreslogs",  "föreslagit", "ohjattu",      "ohjattiin", NULL};

static bool offers(const kt_token *t) { return is_any_text(t->surface, offer_verbs); }

/* The verbs of having had enough (read_had_enough): "riittää", "saa [jäädä]". */
static const char *const enough_verbs[] = {"riittää", "riittävät", NULL};

bool kt__reading_refused(const kt_analysis *a, const kt__reading *r, size_t i) {
  if (i >= r->count || r->role[i] != KT__ROLE_REFUSED || !r->unwanted[i] ||
      r->negator[i] >= r->count)
    return false;
  const kt_token *by = tok(a, r->negator[i]);
  return is_negator(by) || offers(by) || is_any_text(by->surface, enough_verbs) || is(by, "saa");
}

/* Step 3c: what was offered and passed over ("Englanninkielisiä palveluja
 * on tarjottu, mutta hän haluaa asioida suomeksi"; "ei halua IT-alalle,
 * vaikka muuntokoulutusta on tarjottu"): a clause with a verb of offering
 * that opens with "vaikka", or that a clause opening with "mutta"/"vaan"
 * and holding a wish follows, is refused as a refusal is. */
static void read_offered(const kt_analysis *a, kt__reading *out) {
  static const char *const although[] = {"vaikka", "although", "though", "fast", NULL};
  static const char *const but[] = {"mutta", "vaan", "but", "men", "utan", NULL};
  size_t n = out->count;
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    size_t verb = n;
    for (size_t j = s; j < e && verb == n; j++)
      if (offers(tok(a, j))) verb = j;
    if (verb == n) continue;
    bool passed = is_any(tok(a, s), although);
    if (!passed && e < n && is_any(tok(a, e), but)) {
      size_t e2 = kt__reading_clause_end(out, e);
      /* ... and the refusal "eikä" goes on with ("mutta hän ei kuulu
       * kirkkoon eikä halua seurakunnan apua") */
      if (e2 < n && kt__token_eika(tok(a, e2))) e2 = kt__reading_clause_end(out, e2);
      for (size_t j = e; j < e2; j++)
        passed |= out->role[j] == KT__ROLE_GOAL;
      /* ... or turns the offer down ("mutta niitä hän ei halua", "mutta
       * hän ei tarvitse niitä") or denies what it rests on ("mutta
       * hänellä ei ole lapsia") */
      /* ... but not a decision still to come ("mutta hän ei ole vielä
       * päättänyt": the copula of a past participle) */
      bool neg = false, perfect = false;
      for (size_t j = e; j < e2; j++) {
        neg |= is_negator(tok(a, j));
        perfect |= (kt__analysis_morph(a, j) & KT__MORPH_PAST) && !copula(tok(a, j));
      }
      for (size_t j = e; neg && j < e2 && !passed; j++)
        passed = starts_any(tok(a, j), wish) || is(tok(a, j), "tarvita") ||
                 is_any_text(tok(a, j)->surface,
                             (const char *const[]){"käy", "sovi", "sovellu", NULL}) ||
                 (!perfect && copula(tok(a, j)));
    }
    if (!passed) continue;
    for (size_t j = s; j < e; j++) {
      if (j == verb || tok(a, j)->stopword || out->role[j] == KT__ROLE_GOAL) continue;
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = verb;
      out->unwanted[j] = true;
    }
  }
}

/* Work the client has had enough of ("keittiötyö saa jäädä", "ulkotyöt ja
 * kiertävät työmaat riittävät", "avustustyö riittää"): a field left, refused
 * as "ei halua enää" refuses it. The nouns before the verb in its clause,
 * when one of them is work ("-työ", "-ala", "hommat", "työmaa"); not money
 * or a benefit that is enough ("yleistuki riittää"). */
static void read_had_enough(const kt_analysis *a, kt__reading *out) {
  static const char *const work_ends[] = {"työ",    "työt",  "töitä",   "ala",
                                          "hommat", "homma", "työmaat", NULL};
  size_t n = out->count;
  for (size_t v = 1; v < n; v++) {
    const kt_token *t = tok(a, v);
    bool left = is_any_text(t->surface, enough_verbs) ||
                (is(t, "saa") && v + 1 < n && out->clause[v + 1] == out->clause[v] &&
                 is_any_text(tok(a, v + 1)->surface, (const char *const[]){"jäädä", NULL}));
    if (!left || out->role[v] == KT__ROLE_NEGATED || out->role[v] == KT__ROLE_REFUSED) continue;
    size_t s = kt__reading_clause_start(out, v);
    bool work = false;
    for (size_t j = s; j < v; j++) {
      if (is_negator(tok(a, j))) { /* "rahat ei riitä" */
        work = false;
        break;
      }
      work |= (kt__analysis_morph(a, j) & KT__MORPH_NOUN) && ends_any(tok(a, j), work_ends);
    }
    if (!work) continue;
    for (size_t j = s; j < v; j++) {
      if (tok(a, j)->stopword) continue;
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = v;
      out->unwanted[j] = true;
    }
  }
}

/* Is the clause [s, e) a list's items with no verb of its own (nor a
 * negation other than "eikä"), closed by one of @p closers before its last
 * word ("päihteitä eikä mielenterveysongelmia", "työkyvyn arviointia tai
 * arjen rytmin tukea")? With @p items_inf an infinitive that opens an item
 * is a refused wish's, not the list's own verb ("ryhtyä kevytyrittäjäksi
 * eikä tehdä keikkoja"); "kiinnostaa" ending "kauppa tai varasto
 * kiinnostaa" is finite though spelt as the infinitive, so only one that
 * opens an item counts so. */
static bool verbless_list(const kt_analysis *a, size_t s, size_t e, const char *const *closers,
                          bool items_inf) {
  size_t lead = s; /* the item's first word */
  while (lead < e && tok(a, lead)->stopword)
    lead++;
  bool closed = false;
  for (size_t j = s; j < e; j++) {
    unsigned m = kt__analysis_morph(a, j);
    bool item_inf = items_inf && (m & KT__MORPH_INF) &&
                    (j == lead || (j > s && is_any(tok(a, j - 1), closers)));
    if (((m & KT__MORPH_VERB) && !(m & KT__MORPH_NOUN) && !item_inf) ||
        (is_negator(tok(a, j)) && !kt__token_eika(tok(a, j))))
      return false;
    closed |= j > s && j + 1 < e && is_any(tok(a, j), closers);
  }
  return closed;
}

/* Step 3b: a refusal goes on over a comma in a list without a verb: "ei
 * halua yrittäjäksi, ei toiminimeä eikä kevytyrittäjyyttä" refuses all
 * three. A clause that opens with "ei"/"eikä" and has no verb of its own,
 * right after a clause that ends refused, is refused with it; with a verb
 * ("ei halua kouluun, ei jaksa aamuja") the clause says something else. */
static void read_refused_lists(const kt_analysis *a, const char *text, kt__reading *out) {
  size_t n = out->count;
  for (size_t s = 1; s < n; s++) {
    if (out->clause[s] == out->clause[s - 1] || out->role[s - 1] != KT__ROLE_REFUSED ||
        !out->unwanted[s - 1] || !(is(tok(a, s), "ei") || kt__token_eika(tok(a, s))))
      continue;
    size_t e = kt__reading_clause_end(out, s);
    bool verb = false;
    for (size_t j = s + 1; j < e; j++)
      verb |= (kt__analysis_morph(a, j) & KT__MORPH_VERB) != 0;
    if (verb) continue;
    for (size_t j = s; j < e; j++) {
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = s;
      out->unwanted[j] = true;
    }
  }
  /* ... and over a comma into a list that a conjunction closes, with no
   * verb and no "ei" of its own: "eikä tarvitse kuntouttavaa työtoimintaa,
   * työkyvyn arviointia tai arjen rytmin tukea". */
  static const char *const list_closers[] = {"tai", "eikä", "ja",    "sekä",
                                             "or",  "nor",  "eller", NULL};
  for (size_t s = 1; s < n; s++) {
    if (out->clause[s] == out->clause[s - 1] || out->role[s - 1] != KT__ROLE_REFUSED ||
        !out->unwanted[s - 1] || is(tok(a, s), "ei") || kt__token_eika(tok(a, s)) ||
        is_any(tok(a, s), conj) || tok(a, s)->stopword)
      continue;
    size_t e = kt__reading_clause_end(out, s);
    /* Infinitives the refused wish governs are the list's items: "ei halua
     * perustaa yritystä, ryhtyä kevytyrittäjäksi eikä tehdä keikkoja"; a
     * new sentence is no list ("Apua pitää saada puhelimessa tai netissä":
     * "pitää" is an infinitive too). */
    if (chars_between(a, text, s, ".!?\n") || !verbless_list(a, s, e, list_closers, true)) continue;
    for (size_t j = s; j < e; j++) {
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = out->negator[s - 1];
      out->unwanted[j] = true;
    }
  }
  /* ... and back over a comma to a list's first items, objects with no
   * verb, that the refusal closing it governs: "opinto-ohjausta, työpajaa
   * tai valmentavaa koulutusta hän ei tarvitse". */
  for (size_t s = n; s-- > 1;) {
    if (out->clause[s] == out->clause[s - 1] || out->role[s] != KT__ROLE_REFUSED ||
        !out->unwanted[s] || chars_between(a, text, s, ".!?\n"))
      continue;
    size_t p = kt__reading_clause_start(out, s - 1);
    bool items = false, other = false;
    for (size_t j = p; j < s; j++) {
      if (tok(a, j)->stopword) continue;
      unsigned m = kt__analysis_morph(a, j);
      if ((m & KT__MORPH_PARTITIVE) && !(m & KT__MORPH_VERB) && out->role[j] != KT__ROLE_REFUSED)
        items = true;
      else if (j + 1 < s && kt__analysis_head(a, j + 1))
        continue; /* "opinto-" of "opinto-ohjausta" */
      else
        other = true;
    }
    if (!items || other) continue;
    for (size_t j = p; j < s; j++) {
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = out->negator[s];
      out->unwanted[j] = true;
    }
  }
  /* A lack the client does not mean to fill: "ei ajokorttia eikä halua
   * kuljettajaksi", "ei ajokorttia eikä aio sitä hankkia". A clause of
   * denied words only, right before one that opens with "eikä" and a wish
   * refused, is refused with it. */
  for (size_t s = 1; s < n; s++) {
    if (out->clause[s] == out->clause[s - 1] || !kt__token_eika(tok(a, s)) || s + 1 >= n ||
        out->role[s + 1] != KT__ROLE_REFUSED || !out->unwanted[s + 1])
      continue;
    size_t p = kt__reading_clause_start(out, s - 1);
    bool lack = false, other = false;
    for (size_t j = p; j < s; j++) {
      if (tok(a, j)->stopword || is_negator(tok(a, j))) continue;
      if (out->role[j] == KT__ROLE_NEGATED)
        lack = true;
      else
        other = true;
    }
    if (!lack || other) continue;
    for (size_t j = p; j < s; j++)
      if (out->role[j] == KT__ROLE_NEGATED) {
        out->role[j] = KT__ROLE_REFUSED;
        out->unwanted[j] = true;
      }
  }
  /* A denial of things goes on over a comma into a list that "eikä" or
   * "tai" closes, with no verb of its own: "ei velkoja, päihteitä eikä
   * mielenterveysongelmia" denies all three, as "ei velkoja, ei päihteitä
   * eikä masennusta" does. The denied clause is "ei" and nouns only; "ja"
   * closes no such list ("ei velkoja, englanti ja ruotsi"). */
  static const char *const denial_closers[] = {"tai", "eikä", "eika", "or", "nor", "eller", NULL};
  for (size_t s = 1; s < n; s++) {
    if (out->clause[s] == out->clause[s - 1] || out->role[s - 1] != KT__ROLE_NEGATED ||
        is_negator(tok(a, s)) || is_any(tok(a, s), conj) || chars_between(a, text, s, ".!?\n;:"))
      continue;
    size_t ng = out->negator[s - 1], p = kt__reading_clause_start(out, s - 1);
    if (ng >= s || ng < p || !(is(tok(a, ng), "ei") || kt__token_eika(tok(a, ng)))) continue;
    bool verb = false;
    for (size_t j = ng + 1; j < s; j++)
      verb |= (kt__analysis_morph(a, j) & KT__MORPH_VERB) &&
              !(kt__analysis_morph(a, j) & KT__MORPH_NOUN);
    size_t e = kt__reading_clause_end(out, s);
    if (verb || !verbless_list(a, s, e, denial_closers, false)) continue;
    for (size_t j = s; j < e; j++) {
      if (kt__token_eika(tok(a, j))) break; /* "eikä" denies what follows itself */
      out->role[j] = KT__ROLE_NEGATED;
      out->negator[j] = ng;
    }
  }
  /* What is out of the question goes back over a list without a verb:
   * "joten kuljettajan työt, taksi tai bussi eivät tule kyseeseen". */
  for (size_t s = n; s-- > 1;) {
    if (out->clause[s] == out->clause[s - 1] || out->role[s] != KT__ROLE_REFUSED ||
        !out->unwanted[s] || out->role[s - 1] == KT__ROLE_REFUSED)
      continue;
    size_t e = kt__reading_clause_end(out, s), k = e;
    for (size_t j = s; j < e && k == e; j++)
      if (out_of_question(a, out, j)) k = j;
    if (k == e) continue;
    size_t p = kt__reading_clause_start(out, s - 1);
    bool verb = false;
    for (size_t j = p; j < s; j++)
      verb |= (kt__analysis_morph(a, j) & KT__MORPH_VERB) &&
              !(kt__analysis_morph(a, j) & KT__MORPH_NOUN);
    if (verb || s - p > 4) continue;
    for (size_t j = p; j < s; j++) {
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = out->negator[s];
      out->unwanted[j] = true;
    }
  }
}

/* Tokens [s, k] say a fact is fine, word @p k saying so: no need. Skills
 * said to be in order ("osaaminen kunnossa", "ammattitaito hyvä") mark the
 * client's trade as held (rerank.c demote_qualified). */
static void mark_fine(const kt_analysis *a, kt__reading *out, size_t s, size_t k) {
  for (size_t j = s; j <= k; j++) {
    out->role[j] = KT__ROLE_REFUSED;
    out->negator[j] = k;
    out->skills_fine |= j < k && starts_any(tok(a, j), skill_words);
  }
}

/* Is token @p i a word that says a fact is fine? Not in the translative: a
 * change wanted ("suomea pitäisi saada paremmaksi") is no state. */
static bool fine_at(const kt_analysis *a, size_t i) {
  return (is_any(tok(a, i), fine_words) || is_any_text(tok(a, i)->surface, fine_surfaces)) &&
         !(kt__analysis_morph(a, i) & KT__MORPH_TRANSLATIVE);
}

/* Step 4: facts said to be fine, had enough of, or without problems. */
static void read_fine_facts(const kt_analysis *a, kt__reading *out) {
  size_t n = out->count;
  /* 4. A fact said to be fine ("ei velkoja, asunto ok", "asuminen on
   * kunnossa", "kielitaito hyvä"): the clause ends in a word that says so,
   * and what it names is no need. Refused, not negated: "ei asuntoa" is a
   * lack and the need, "asunto ok" is neither. */
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    size_t last = e;
    while (last > s && tok(a, last - 1)->stopword && !fine_at(a, last - 1))
      last--;
    /* "asunto ei oo vaarassa": a danger denied is fine too. */
    if (last - s >= 3 && is_any(tok(a, last - 1), danger_words) &&
        out->role[last - 1] == KT__ROLE_NEGATED && !tok(a, s)->stopword &&
        out->role[s] != KT__ROLE_NEGATED && out->role[s] != KT__ROLE_REFUSED) {
      for (size_t j = s; j < last; j++) {
        out->role[j] = KT__ROLE_REFUSED;
        out->negator[j] = last - 1;
      }
      continue;
    }
    /* "kuntouttavassa työtoiminnassa ja sujuu hyvin", "... 8kk, sujunut
     * hyvin ja ohjaaja kehuu": a clause that opens by saying it goes well
     * speaks of the clause before it. */
    size_t f = s;
    while (f < e && tok(a, f)->stopword)
      f++;
    /* So does one that opens by saying it has healed: "ranne murtui
     * keväällä mutta on parantunut täysin". */
    static const char *const healed[] = {
        "parantunut", "parantui", "parantunu", "parantu", "toipunut", "toipui", "toipunu", "toipu",
        "recovered", "healed",
        /* ... or that it went amicably: "ero puolisosta
         * viime vuonna, sovussa eikä riitoja" */
        "sovussa", "sovinnollisesti", "riidatta", "amicably", NULL};
    bool heal = s > 0 && f < e && is_any(tok(a, f), healed);
    /* ... or that it is paid as agreed: "opintolainaa 15 000 mutta maksaa
     * sitä normaalisti". */
    if (!heal && s > 0 && f < e && starts_any(tok(a, f), (const char *const[]){"maksa", NULL}) &&
        (kt__analysis_morph(a, f) & KT__MORPH_VERB)) {
      static const char *const as_agreed[] = {"normaalisti",    "ajallaan",  "ajoissa",
                                              "säännöllisesti", "sovitusti", NULL};
      for (size_t j = f + 1; j < e && !heal; j++)
        heal = is_any(tok(a, j), as_agreed);
    }
    if (heal || (s > 0 && f + 1 < e && is_any(tok(a, f), going) && fine_at(a, f + 1))) {
      size_t fine = heal ? f : f + 1; /* the word that says so ends the span */
      bool neg = span_denied(a, out, kt__reading_clause_start(out, s - 1), fine + 1);
      for (size_t j = kt__reading_clause_start(out, s - 1); !neg && j <= fine; j++) {
        out->role[j] = KT__ROLE_REFUSED;
        out->negator[j] = fine;
      }
      continue;
    }
    /* "osaaminen kunnossa ja kortit voimassa": a fact said to be fine
     * before "ja" ends its own part of the clause. */
    for (size_t k = s + 1; k + 1 < last; k++) {
      if (!fine_at(a, k) || !is(tok(a, k + 1), "ja")) continue;
      if (span_denied(a, out, s, k + 1)) break;
      mark_fine(a, out, s, k);
      s = k + 2;
      break;
    }
    /* "lomautus on vanha juttu", "velat on historiaa": over, so fine. */
    bool old_news = last >= s + 3 && is(tok(a, last - 2), "vanha") &&
                    (is(tok(a, last - 1), "juttu") || is(tok(a, last - 1), "asia"));
    if (last < s + 2 || (!fine_at(a, last - 1) && !old_news)) continue;
    /* Not after a negation ("ei ole kunnossa") nor in a refused span. */
    if (span_denied(a, out, s, last)) continue;
    mark_fine(a, out, s, last - 1);
  }
  /* 4c. Sober of it: "huumeista raittiina 8kk", "viinasta kuivilla": the
   * substance named before the word of sobriety is no problem now; the
   * sobriety itself (recovery) stays. The span starts after a "ja" that
   * begins a predicate of its own: "vapautuu vankilasta ensi kuussa ja on
   * raitis" is still released ("alkoholista ja huumeista raittiina" is one). */
  static const char *const sober[] = {"raittiina", "raitis", "kuivilla", "päihteettömänä",
                                      "nykter",    "sober",  NULL};
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    for (size_t k = s + 1; k < e; k++) {
      if (!is_any(tok(a, k), sober)) continue;
      size_t from = s;
      for (size_t j = s; j + 1 < k; j++)
        if (is_any(tok(a, j), and_words) &&
            ((kt__analysis_morph(a, j + 1) & KT__MORPH_VERB) ||
             is_any(tok(a, j + 1), (const char *const[]){"on", "är", "is", "has", "har", NULL})))
          from = j + 1;
      for (size_t j = from; j < k; j++)
        if (!tok(a, j)->stopword && out->role[j] != KT__ROLE_NEGATED) {
          out->role[j] = KT__ROLE_REFUSED;
          out->negator[j] = k;
        }
      break;
    }
  }
  /* 4a. Had enough of it: "vuorotyö riitti", "yöt riitti", "meteli ja kiire
   * riitti" end a clause the client is done with, as a refusal would ("rahat
   * ei riitä" is a problem: negated, it is left alone). */
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    size_t last = e;
    while (last > s && tok(a, last - 1)->stopword)
      last--;
    if (last - s < 2 || !is_any(tok(a, last - 1), enough)) continue;
    bool negated = false;
    for (size_t j = s; j < e; j++)
      negated |= is_negator(tok(a, j)) || kt__analysis_morph(a, j) & KT__MORPH_NEGV;
    if (negated) continue;
    for (size_t j = s; j < last; j++) {
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = last - 1;
      out->unwanted[j] = true;
    }
  }
  /* 4b. "asuu vuokralla kaksiossa, ei mitään ongelmia asumisessa": a clause
   * that denies problems with something (its words after "ongelmia")
   * says the clause before it, which names the same thing, is fine. Not
   * "velkoja, ei muita ongelmia": nothing there names the debts again. */
  for (size_t i = 0; i + 1 < n; i++) {
    if (!is_negator(tok(a, i))) continue;
    size_t c = out->clause[i], p = i + 1;
    while (p < n && out->clause[p] == c && tok(a, p)->stopword)
      p++;
    /* English and Swedish name the thing first: "no permit or visa issues". */
    size_t q = p;
    for (size_t k = 0; q < n && out->clause[q] == c && k < 4 && !starts_any(tok(a, q), no_problem);
         q++)
      k += !tok(a, q)->stopword;
    if (q < n && out->clause[q] == c && q > p && starts_any(tok(a, q), no_problem)) {
      for (size_t j = p; j < q; j++)
        if (!tok(a, j)->stopword) {
          out->role[j] = KT__ROLE_REFUSED;
          out->negator[j] = i;
        }
    } else {
      q = p;
    }
    if (q >= n || out->clause[q] != c || !starts_any(tok(a, q), no_problem)) continue;
    if (c == 0) continue;
    bool same = false;
    for (size_t t = p; t < n && out->clause[t] == c && !same; t++)
      for (size_t j = 0; j < i && !same; j++)
        same = t != q && out->clause[j] == c - 1 && same_lemma(tok(a, j), tok(a, t));
    if (!same) continue;
    for (size_t j = 0; j < i; j++)
      if (out->clause[j] == c - 1 && out->role[j] != KT__ROLE_NEGATED) {
        out->role[j] = KT__ROLE_REFUSED;
        out->negator[j] = i;
      }
  }
}

/* Step 4c-f: what the client has, got, speaks, works at or attends. */
static void read_held(const kt_analysis *a, const char *text, kt__reading *out) {
  size_t n = out->count;
  /* 4c. A credential the client has ("trukkikortti on", "on jo
   * hygieniapassi"): outside a goal and a negation, a clause with "on" or
   * "jo" names no need of that card; "trukkikortti puuttuu", "ei
   * trukkikorttia" and "haluaa trukkikortin" still do. */
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] == KT__ROLE_GOAL) continue;
    /* Finnish "on" is also English "on" ("advice on finding work"): a
     * card named in English or Swedish needs that language's verb. */
    static const char *const has_fi[] = {
        "on", "ovat", "jo", "löytyy", "voimassa", "tuttu", "tuttuja",
        /* done or renewed: "EA1-kortti uusittiin
         * säännöllisesti", "suoritti trukkikortin" */
        "uusittu", "uusittiin", "suoritettu", "suoritettiin", "suorittanut", "suoritti", NULL};
    static const char *const has_other[] = {"have", "has", "got", "har", NULL};
    /* "trukkikortti on vanhentunut", "kortti umpeutuu": held no longer. */
    static const char *const lapsed[] = {"vanhen",  "umpeutu", "umpeen", "päättyn",
                                         "loppunu", "mennyt",  "menny",  "expire",
                                         "utgå",    "gått ut", NULL};
    /* "paikka luvattu, jos on työturvallisuuskortti": a card the client
     * would need to have is a need, not a card held. */
    static const char *const if_words[] = {"jos", "mikäli", "kunhan", "jahka",
                                           "if",  "om",     "ifall",  NULL};
    bool has = false, has2 = false, gone = false;
    for (size_t j = s > 0 ? s - 1 : s; j < e; j++)
      gone |= is_any(tok(a, j), if_words);
    for (size_t j = s; j < e; j++) {
      has |= is_any(tok(a, j), has_fi);
      has2 |= is_any(tok(a, j), has_other);
      gone |= starts_any(tok(a, j), lapsed);
    }
    /* Denied by a negation; a fact said to be fine beside it ("osaaminen
     * kunnossa ja kortit voimassa") is no denial of the card. */
    bool denied = false;
    for (size_t j = s; j < e; j++)
      denied |= is_negator(tok(a, j)) || out->role[j] == KT__ROLE_NEGATED ||
                (out->role[j] == KT__ROLE_REFUSED && is_negator(tok(a, out->negator[j])));
    /* A list of cards right after the trade, with no verb: "talonrakentaja,
     * työturvallisuus- ja tulityökortti, kymmenen vuotta työmailla". */
    if (!has && !has2 && s > 0 && occupation_clause(a, kt__reading_clause_start(out, s - 1), s)) {
      bool cards = false, other = false;
      for (size_t j = s; j < e; j++) {
        if (finite_verb(a, j)) other = true; /* "tarvitsee tulityökortin" */
        if (tok(a, j)->stopword || is_any(tok(a, j), and_words)) continue;
        /* ... and the first part of a pair ("työturvallisuus- ja tulityökortti") */
        if (credential(a, j) || (j + 1 < e && kt__analysis_head(a, j + 1)) ||
            (j + 2 < e && is_any(tok(a, j + 1), and_words) && credential(a, j + 2)))
          cards = true;
        else
          other = true;
      }
      has = cards && !other;
    }
    if (!(has || has2) || gone || denied) continue;
    /* ... and the list's first cards, which commas split off into clauses
     * of their own ("Työturvallisuuskortti, tulityökortti ja Tieturva 1 ovat
     * voimassa": the first card had had its own course first). */
    size_t from = s;
    while (from > 0 && !chars_between(a, text, from, ".!?\n")) {
      size_t ps = kt__reading_clause_start(out, from - 1);
      bool list = true;
      for (size_t j = ps; j < from && list; j++)
        list = tok(a, j)->stopword || credential(a, j);
      if (!list) break;
      from = ps;
    }
    for (size_t j = from; j < e; j++)
      /* ... and the first of a pair, written with a hyphen: "tulityö- ja
       * työturvallisuuskortti" (not "pikavipit ja luottokortit"). */
      if ((credential(a, j) || (j + 2 < e && text[tok(a, j)->end] == '-' &&
                                is_any(tok(a, j + 1), and_words) && credential(a, j + 2))) &&
          (has2 || !is_any(tok(a, j), foreign_cards))) {
        out->role[j] = KT__ROLE_REFUSED;
        out->negator[j] = j;
        out->held[j] = true;
        /* English and Swedish write the card as two words: "forklift
         * licence"; a hyphenated one is its first part too: "D-kortti". */
        if (j > s && !tok(a, j - 1)->stopword &&
            (is_any(tok(a, j), foreign_cards) || kt__analysis_head(a, j))) {
          out->role[j - 1] = KT__ROLE_REFUSED;
          out->negator[j - 1] = j;
        }
      }
  }
  /* 4c''. A home the client owns ("asuu omistusasunnossaan"): no need of
   * housing, outside a goal and a negation ("haluaa myydä omistusasunnon"
   * or "ei omistusasuntoa" still speak of it). */
  for (size_t i = 0; i < n; i++) {
    if (!starts_any(tok(a, i), (const char *const[]){"omistusasun", NULL}) ||
        out->clause_role[i] == KT__ROLE_GOAL || out->role[i] != out->clause_role[i])
      continue;
    bool neg = false;
    for (size_t j = kt__reading_clause_start(out, i); j < n && out->clause[j] == out->clause[i];
         j++)
      neg |= is_negator(tok(a, j)) || (kt__analysis_morph(a, j) & KT__MORPH_NEGV);
    if (neg) continue;
    out->role[i] = KT__ROLE_REFUSED;
    out->negator[i] = i;
    out->held[i] = true;
  }
  /* 4c'. A home, job or study place the client got ("sai vuokra-asunnon",
   * "on saanut työpaikan"): outside a goal and a negation, no need of it.
   * Only such resources: "sai potkut" and "sai häädön" are problems. */
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] == KT__ROLE_GOAL) continue;
    /* ... or moved into ("muutti vastaanottokeskuksesta omaan asuntoon"):
     * then only the place moved to. */
    static const char *const moved_words[] = {"muutti", "muuttanut", "muuttanu", NULL};
    bool got = false, neg = false, moved = false;
    for (size_t j = s; j < e; j++) {
      got |= is_any(tok(a, j), got_words);
      moved |= is_any(tok(a, j), moved_words);
      neg |= is_negator(tok(a, j)) || out->role[j] == KT__ROLE_NEGATED;
    }
    if ((!got && !moved) || neg) continue;
    for (size_t j = s; j < e; j++) {
      const kt_token *t = tok(a, j);
      /* The place moved out of is the past ("vastaanottokeskuksesta"). */
      if (moved && (kt__analysis_morph(a, j) & KT__MORPH_SOURCE) &&
          out->role[j] == KT__ROLE_SITUATION)
        out->role[j] = KT__ROLE_BACKGROUND;
      if (!got && !(kt__analysis_morph(a, j) & KT__MORPH_TARGET)) continue;
      bool res = false;
      for (size_t k = 0; k < t->term_count && !res; k++)
        res = (t->terms[k].kind != KT_TERM_PART || kt__analysis_head(a, j)) &&
              is_any_text(t->terms[k].text, resources);
      if (!res) continue;
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = j;
      if (kt__analysis_head(a, j) && j > s) { /* "vuokra-asunnon": its first part too */
        out->role[j - 1] = KT__ROLE_REFUSED;
        out->negator[j - 1] = j;
      }
    }
  }
  /* 4e. Language spoken well ("puhuu sujuvaa suomea", "suomi sujuu
   * hyvin", "speaks fluent Finnish"): a fact, not a need of a course. */
  for (size_t i = 0; i < n; i++) { /* "... suomi sujuu." may end the note */
    if (!is_any(tok(a, i), fluent) || out->clause_role[i] == KT__ROLE_GOAL) continue;
    size_t lang = (size_t)-1;
    for (size_t j = i >= 2 ? i - 2 : 0; j < n && j <= i + 2; j++)
      if (out->clause[j] == out->clause[i] && is_any(tok(a, j), languages)) lang = j;
    /* Over a list of languages: "suomi ja englanti sujuvat". */
    for (size_t j = i; lang == (size_t)-1 && j-- > 0 && out->clause[j] == out->clause[i];) {
      if (is_any(tok(a, j), languages)) lang = j;
      if (!is_any(tok(a, j), other_languages) && !is_any(tok(a, j), and_words)) break;
    }
    if (lang == (size_t)-1) continue;
    bool neg = false;
    for (size_t j = kt__reading_clause_start(out, i); j < n && out->clause[j] == out->clause[i];
         j++)
      neg |= is_negator(tok(a, j));
    if (neg) continue;
    size_t lo = i < lang ? i : lang, hi = i < lang ? lang : i;
    for (size_t j = lo > 0 && is_any(tok(a, lo - 1), speak) ? lo - 1 : lo; j <= hi; j++) {
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = i;
    }
  }
  /* 4f. A workplace named beside a role held ("ohjaajana
   * vastaanottokeskuksessa", "opettaja kotoutumiskoulutuksessa"): where the
   * client worked, not a service the client needs. */
  for (size_t i = 0; i + 1 < n; i++) {
    const kt_token *t = tok(a, i);
    unsigned m = kt__analysis_morph(a, i);
    /* A worker as an object is no role held ("työkokeilupaikassa ohjaajaa
     * ei ole nähty": the supervisor the client misses). */
    bool role = !t->stopword && !generic_token(t) && !is(t, "koti") && !is(t, "koto") &&
                ((m & KT__MORPH_ESSIVE) ||
                 (agent_lemma(t) && (m & (KT__MORPH_PARTITIVE | KT__MORPH_NOMINATIVE |
                                          KT__MORPH_GENITIVE)) != KT__MORPH_PARTITIVE));
    if (!role || out->clause_role[i] == KT__ROLE_GOAL) continue;
    for (size_t j = i > 0 ? i - 1 : 0; j <= i + 1 && j < n; j++) {
      if (j == i || out->clause[j] != out->clause[i] || tok(a, j)->stopword) continue;
      if (out->role[j] == KT__ROLE_REFUSED || out->role[j] == KT__ROLE_NEGATED) continue;
      /* Not a kind of work ("kokoaikatyössä siivoojana"): no workplace. */
      if (ends_any(tok(a, j), place_endings) &&
          !ends_any(tok(a, j), (const char *const[]){"työssä", "töissä", NULL}))
        out->role[j] = KT__ROLE_ASIDE;
      /* A hyphenated place: "ruoka-avussa" is "ruoka" and its head "avussa". */
      if (j > i && j + 1 < n && kt__analysis_head(a, j + 1) &&
          ends_any(tok(a, j + 1), place_endings))
        out->role[j] = out->role[j + 1] = KT__ROLE_ASIDE;
    }
    /* A volunteer's role ("vapaaehtoisena ruoka-avussa kirkolla") is the
     * client's activity, not a need of volunteering: it and the places that
     * follow it are aside. */
    if (starts_any(t, (const char *const[]){"vapaaehtoisena", "volunteer", "volontär", NULL})) {
      out->role[i] = KT__ROLE_ASIDE;
      for (size_t j = i + 1; j < n && j <= i + 4 && out->clause[j] == out->clause[i]; j++)
        if (!tok(a, j)->stopword &&
            (ends_any(tok(a, j), place_endings) || (j + 1 < n && kt__analysis_head(a, j + 1)) ||
             kt__analysis_head(a, j)))
          out->role[j] = KT__ROLE_ASIDE;
    }
  }
  /* 4c''. The reason given for asking services in one way only ("vain
   * verkossa, koska pienet lapset kotona"): why the services must be so,
   * not a need of its own (the small children had put family services in
   * the top 5). The clause after "koska" (because) that follows a clause
   * asking for a way of delivery alone: its words are aside. */
  for (size_t s = 1, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause[s] == out->clause[s - 1] || !is_any(tok(a, s), reasons)) continue;
    bool only = false, way = false;
    for (size_t j = kt__reading_clause_start(out, s - 1); j < s; j++) {
      only |= kt__token_only(tok(a, j));
      way |= kt__signals_way_word(a, j) != 0;
    }
    if (!only || !way) continue;
    for (size_t j = s + 1; j < e; j++)
      if (!tok(a, j)->stopword && out->role[j] != KT__ROLE_REFUSED &&
          out->role[j] != KT__ROLE_NEGATED)
        out->role[j] = KT__ROLE_ASIDE;
  }
  /* 4d. A school the client goes to now ("opiskelee lukiossa", "käy
   * ammattikoulua"): outside a goal and a negation, it is where the client
   * is, not a need of that school. */
  for (size_t i = 0; i + 1 < n; i++) {
    const kt_token *t = tok(a, i);
    if (!is_any(t, studying) || out->clause_role[i] == KT__ROLE_GOAL) continue;
    if (out->role[i] == KT__ROLE_REFUSED || out->role[i] == KT__ROLE_NEGATED) continue;
    if (i > 0 && is_negator(tok(a, i - 1))) continue;
    for (size_t j = i + 1; j < n && j <= i + 2 && out->clause[j] == out->clause[i]; j++)
      if (starts_any(tok(a, j), schools)) {
        out->role[j] = KT__ROLE_REFUSED;
        out->negator[j] = i;
      }
  }
}

/* Step 5: a refused study, not only a kind of it. */
/* Does a refused span name one of @p what, not only a kind of it (one of
 * @p kinds refused just before: "ei halua pitkää koulutusta")? */
/* The money of study, not study: "ei halua opintolainaa", "opintotukeen
 * hän ei halua siirtyä". */
static const char *const study_money[] = {"opintotu",   "opintola",     "opintora", "studielån",
                                          "studiestöd", "student loan", NULL};

static bool refused_whole(const kt_analysis *a, const kt__reading *out, const char *const *what,
                          const char *const *kinds) {
  for (size_t i = 0; i < out->count; i++) {
    /* A wish refused, not a fact said to be fine ("matematiikka sujui
     * lukiossa hyvin" refuses no study). */
    if (out->role[i] != KT__ROLE_REFUSED || !out->unwanted[i] || !starts_any(tok(a, i), what) ||
        starts_any(tok(a, i), study_money))
      continue;
    /* A kind refused, before or after in the refusal: "ei halua pitkää
     * koulutusta", "ei halua opiskella suomeksi", "ei halua kolmea vuotta
     * koulua", "ei halua kouluun ennen kuin on kokeillut". */
    bool qualified = false;
    for (size_t j = i; j-- > 0 && out->role[j] == KT__ROLE_REFUSED && !qualified;)
      qualified = starts_any(tok(a, j), kinds);
    for (size_t j = i + 1; j < out->count && out->role[j] == KT__ROLE_REFUSED &&
                           out->negator[j] == out->negator[i] && !qualified;
         j++)
      qualified = starts_any(tok(a, j), kinds);
    if (!qualified) return true;
  }
  return false;
}

static void read_refused_study(const kt_analysis *a, kt__reading *out) {
  size_t n = out->count;
  /* 5. A refused study: "ei halua enää kouluun", "vill inte studera"; not
   * "ei halua pitkää koulutusta", which refuses a kind of training. */
  /* A goal that asks for study ("haluaa opiskella", "kouluttautua"). */
  for (size_t i = 0; i < n && !out->wants_study; i++)
    out->wants_study = out->role[i] == KT__ROLE_GOAL && starts_any(tok(a, i), study);
  /* ... or skills to update ("haluaa päivittää taitonsa", "täydentää
   * osaamistaan", "update her skills"): study in the trade held. Not "päivittää
   * CV:n". */
  static const char *const update[] = {"päivit", "täydent", "update", "uppdater", "refresh", NULL};
  static const char *const skills[] = {"taito", "taido",   "osaami",   "tiedo", "tieto",
                                       "skill", "kunskap", "kompeten", NULL};
  for (size_t i = 0; i < n && !out->wants_study; i++) {
    if (out->role[i] != KT__ROLE_GOAL || !starts_any(tok(a, i), update)) continue;
    for (size_t j = i + 1; j < n && j <= i + 3 && out->clause[j] == out->clause[i]; j++)
      out->wants_study |= starts_any(tok(a, j), skills);
  }
  out->refuses_study = refused_whole(a, out, study, study_kind);
}

/* Step 5b: a refused firm of one's own: "ei missään nimessä enää
 * yrittäjäksi eikä halua kuulla starttirahasta". */
static void read_refused_founding(const kt_analysis *a, kt__reading *out) {
  /* Not "toiminimi": "ei haluis perustaa toiminimee" asks for a way to
   * invoice without one. */
  static const char *const founding[] = {"yrittäj", "starttira", "entrepreneur", "företagar", NULL};
  /* A kind refused, not founding: "ei aio ryhtyä päätoimiseksi yrittäjäksi". */
  static const char *const kind[] = {"päätoim", "kokoaikai", "täysipäiv", "full-time", NULL};
  out->refuses_founding = refused_whole(a, out, founding, kind);
}

/* Step 4c''': a benefit the client is on ("yleistuella", "elää
 * asumistuella"): a fact, as a card held is, in a clause that asks
 * nothing of it; "kysyy, miten palkka vaikuttaa yleistukeen", "ansiosidonnainen
 * loppuu", "yleistuki viivästyi" and a question still speak of it. */
static void read_benefit_held(const kt_analysis *a, const char *text, size_t len,
                              kt__reading *out) {
  static const char *const benefit[] = {"yleistu",      "työmarkkinatu", "peruspäivära",
                                        "ansiopäivära", "ansiosidon",    "päivära",
                                        "asumistu",     "toimeentulotu", NULL};
  /* What asks about the benefit or worries over it. */
  static const char *const asks[] = {
      "kysy",     "saako",   "saaks",   "voiko",  "voiks",  "vaikutt", "vaikuta", "loppu",
      "päätty",   "päätt",   "katke",   "menet",  "pienen", "riit",    "karens",  "valit",
      "muutosta", "kielt",   "viiväst", "paljon", "miten",  "pärjä",   "tarvits", "hake",
      "haku",     "jälkeen", "ends",    "undrar", NULL};
  size_t n = out->count;
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    if (out->clause_role[s] == KT__ROLE_GOAL || out->clause_role[s] == KT__ROLE_ASIDE) continue;
    bool held = false, ask = false;
    for (size_t j = s; j < e; j++) {
      const kt_token *t = tok(a, j);
      ask |= starts_any(t, asks) || is_negator(t) || out->role[j] == KT__ROLE_NEGATED;
      size_t l = strlen(t->surface);
      bool adessive =
          l > 4 && (!strcmp(t->surface + l - 3, "lla") || !strcmp(t->surface + l - 4, "llä"));
      held |= starts_any(t, benefit) && adessive;
    }
    /* ... or the next clause asks ("yleistuella, kysyy miten osa-aikatyö
     * vaikuttaa"); a fact beside it ("yleistuella, ei velkoja") does not. */
    for (size_t j = e;
         held && j < n && j < kt__reading_clause_end(out, e) && !chars_between(a, text, e, ".!?\n");
         j++)
      ask |= starts_any(tok(a, j), asks);
    /* A question mark in the clause or right after it. */
    for (size_t c = tok(a, s)->start; c < tok(a, e - 1)->end + 2 && c < len; c++)
      ask |= text[c] == '?';
    if (!held || ask) continue;
    for (size_t j = s; j < e; j++) {
      const kt_token *t = tok(a, j);
      if (!starts_any(t, benefit) || out->role[j] != out->clause_role[j]) continue;
      out->role[j] = KT__ROLE_REFUSED;
      out->negator[j] = j;
      out->held[j] = true;
    }
  }
}

/* Services a note excludes: after "vain palvelut ..." (or "only services"),
 * a verbless "ei X, Y eikä Z" in the same sentence names kinds of service
 * the client will not take ("Vain palvelut, joissa hän on palkallisessa
 * työsuhteessa – ei työkokeilua, kursseja eikä kuntouttavaa työtoimintaa"),
 * not a lack: refused, with every word of the list up to a verb or the
 * sentence's end. */
static void read_excluded(const kt_analysis *a, const char *text, kt__reading *out) {
  static const char *const services[] = {"palvelu", "services", "tjänster", NULL};
  size_t n = out->count;
  bool limited = false;
  for (size_t i = 0; i < n; i++) {
    const kt_token *t = tok(a, i);
    /* a new sentence ends the limit */
    if (i > 0 && chars_between(a, text, i, ".!?\n")) limited = false;
    if (is_any(t, only_words) && i + 3 < n) {
      for (size_t j = i + 1; j <= i + 3 && !limited; j++)
        limited = starts_any(tok(a, j), services);
    }
    if (!limited || !(is(t, "ei") || kt__token_eika(t)) || i + 1 >= n || finite_verb(a, i + 1))
      continue;
    for (size_t j = i + 1; j < n; j++) {
      const kt_token *u = tok(a, j);
      if (chars_between(a, text, j, ".!?\n") || finite_verb(a, j)) break;
      if (u->stopword || is_any(u, list_words)) continue;
      out->role[j] = KT__ROLE_REFUSED;
      out->unwanted[j] = true;
    }
  }
}

/* A constraint on what the services may require: "Vain palvelut, jotka
 * eivät edellytä B-ajokorttia tai muuta ajokorttia", "joiden vaatimuksissa
 * ei mainita fyysistä kuntoa", "joihin ei tarvita lääkärinlausuntoa", "Only
 * services that do not require a driving licence", "Endast tjänster som inte
 * kräver körkort". A negated clause with a word of requiring, in a note
 * that limits the services ("vain", "only") in that clause or the one
 * before: its other words name what a service must not ask for, numbered by
 * phrase (a list word or a comma starts the next). They stay words of the
 * note (what the client lacks is often the need too: "rikostaustaote"). */
static void read_required(const kt_analysis *a, const char *text, kt__reading *out) {
  static const char *const requiring[] = {"edellyt", "vaadi",    "vaati",   "vaatimu",
                                          "tarvita", "tarvitse", "mainita", "mainit",
                                          "require", "kräv",     "krav",    NULL};
  static const char *const frame[] = {
      "palvelu", "kurss",  "koulutu", "services", "service", "courses", "tjänst", "kurser",
      "jotka",   "joihin", "joiden",  "joita",    "joissa",  "that",    "which",  "som",
      "muuta",   "muu",    "other",   "annan",    "annat",   "andra",   "any",    NULL};
  size_t n = out->count;
  unsigned short phrase = 0;
  for (size_t s = 0, e; s < n; s = e) {
    e = kt__reading_clause_end(out, s);
    size_t from = s > 0 ? kt__reading_clause_start(out, s - 1) : s;
    bool limits = false, neg = false;
    size_t req = n;
    for (size_t i = from; i < e && !limits; i++)
      limits = is_any(tok(a, i), only_words);
    for (size_t i = s; i < e; i++) {
      neg |= is_negator(tok(a, i)) || (kt__analysis_morph(a, i) & KT__MORPH_NEGV) ||
             is_any(tok(a, i), (const char *const[]){"not", "inte", NULL});
      if (req == n && starts_any(tok(a, i), requiring)) req = i;
    }
    if (!limits || !neg || req == n) continue;
    size_t last = n;
    for (size_t i = s; i < e; i++) {
      const kt_token *t = tok(a, i);
      if (is_any(t, list_words) || is_any(t, and_words)) last = n;
      if (t->stopword || i == req || is_negator(t) || (kt__analysis_morph(a, i) & KT__MORPH_NEGV) ||
          starts_any(t, requiring) || starts_any(t, frame) || is_any(t, only_words))
        continue;
      if (last == n || punct_between(a, text, i)) phrase++;
      out->required[i] = phrase;
      last = i;
    }
  }
  /* A holding the note says the client lacks ("Ei korkeakoulututkintoa",
   * "ei ajokorttia"): a service that requires it is as closed to the client
   * as one the note limits away. A plain lack, not a refusal. */
  /* A higher degree only: not a degree of any kind ("mitään tutkintoa ei
   * ole": the recognition of skills is for those without one, and says
   * "tutkinto" first), nor a licence or a card one may still take (a
   * driving licence lacking leaves the driver trainings in view). */
  static const char *const holdings[] = {"korkeakoulututkin", "korkeakoulu", NULL};
  out->required_limits = phrase;
  for (size_t i = 0; i < n; i++)
    if (!out->required[i] && out->role[i] == KT__ROLE_NEGATED && !out->unwanted[i] &&
        starts_any(tok(a, i), holdings))
      out->required[i] = ++phrase;
}

int kt__reading_read(const kt_analysis *a, const char *text, size_t len, kt__reading *out) {
  memset(out, 0, sizeof *out);
  size_t n = kt_analysis_count(a);
  out->count = n;
  out->role = calloc(n + 1, sizeof *out->role);
  out->clause_role = calloc(n + 1, sizeof *out->clause_role);
  out->clause = calloc(n + 1, sizeof *out->clause);
  out->generic = calloc(n + 1, sizeof *out->generic);
  out->negator = calloc(n + 1, sizeof *out->negator);
  out->unwanted = calloc(n + 1, sizeof *out->unwanted);
  out->held = calloc(n + 1, sizeof *out->held);
  out->paren = calloc(n + 1, sizeof *out->paren);
  out->required = calloc(n + 1, sizeof *out->required);
  out->long_ago = calloc(n + 1, sizeof *out->long_ago);
  if (!out->role || !out->clause_role || !out->clause || !out->generic || !out->negator ||
      !out->unwanted || !out->held || !out->paren || !out->required || !out->long_ago) {
    kt__reading_free(out);
    return kt__err(KT_ENOMEM, "cannot allocate the reading of a %zu-word note", n);
  }
  read_clauses(a, text, out);
  read_roles(a, text, out);
  read_client_attribute(a, out);
  read_others_served(a, text, out);
  read_worn_out(a, out);
  read_closures(a, out);
  read_work_topics(a, out);
  read_negations(a, out);
  read_degree_held(a, out);
  read_no_family(a, out);
  read_grown_children(a, out);
  read_harmer(a, out);
  read_senior(a, out);
  read_refused_lists(a, text, out);
  read_offered(a, out);
  read_had_enough(a, out);
  read_fine_facts(a, out);
  read_held(a, text, out);
  read_benefit_held(a, text, len, out);
  read_refused_study(a, out);
  read_refused_founding(a, out);
  read_required(a, text, out);
  read_excluded(a, text, out);
  return KT_OK;
}

const char *kt_role_label(int role) {
  switch (role) {
  case KT_ROLE_SITUATION: return "tilanne";
  case KT_ROLE_BACKGROUND:
  case KT__ROLE_ASIDE: return "tausta";
  case KT_ROLE_GOAL: return "tavoite";
  default: return "";
  }
}

int kt__token_years(const kt_analysis *a, size_t i) {
  size_t n = kt_analysis_count(a);
  const char *w = kt_analysis_get(a, i)->surface;
  /* In words: "kakskyt vuotta", "kymmenen vuotta". */
  int said = number_of(kt_analysis_get(a, i));
  if (said && (w[0] < '1' || w[0] > '9')) {
    const char *next = i + 1 < n ? kt_analysis_get(a, i + 1)->surface : "";
    return !strncmp(next, "vuo", 3) || !strcmp(next, "v") ? said : 0;
  }
  if (w[0] < '1' || w[0] > '9') return 0;
  const char *u = w + strspn(w, "0123456789");
  const char *next = i + 1 < n ? kt_analysis_get(a, i + 1)->surface : "";
  /* "36-vuotiaan": an age, not years of anything. */
  if (!*u && !strncmp(next, "vuotia", 6)) return 0;
  bool unit = !strcmp(u, "v") || (!*u && (!strcmp(next, "v") || !strncmp(next, "vuo", 3) ||
                                          !strcmp(next, "år") || !strncmp(next, "year", 4)));
  return unit ? atoi(w) : 0;
}

/* Clauses whose years are not a working life, and words of work. */
static const char *const not_work[] = {
    "työttöm",  "tyottom",  "arbetslös", "unemploy", "sairausl", "sairasl",         "kotona",
    "kotiäi",   "hoitovap", "asunut",    "asunu",    "asuu",     "suomessa",        "sitten",
    "opisk",    "bott",     "lived",     "asui",     "vankil",   "sairaal",         "laitokse",
    "hoidossa", "naimis",   "avioliit",  "suhteess", "maassa",   "vastaanottokesk", NULL};
static const char *const work_words[] = {"työsk",     "töissä",   "toissa", "työhist",   "työura",
                                         "työnantaj", "tehny",    "alalla", "ammatissa", "arbetat",
                                         "worked",    "työkokem", "ajanu",  "teki",      "samassa",
                                         "kokemusta", "uransa",   NULL};

/* Trades the agent endings miss: "automekaanikko", "viulisti",
 * "puuseppä", "merkonomi". */
static const char *const more_trades[] = {"kko", "isti", "seppä", "nomi", NULL};

/* Is token @p i a common noun in the inessive ("varastossa", "hotellissa",
 * "ravintoloissa")? A place of work beside a number of years. */
static bool workplace_at(const kt_analysis *a, size_t i) {
  if (i >= kt_analysis_count(a)) return false;
  const kt_token *t = kt_analysis_get(a, i);
  unsigned m = kt__analysis_morph(a, i);
  size_t n = strlen(t->surface);
  return !t->stopword && !generic_token(t) && (m & KT__MORPH_NOUN) && !(m & KT__MORPH_PLACE) &&
         !(m & KT__MORPH_VERB) && n > 5 &&
         (!strcmp(t->surface + n - 3, "ssa") || !strcmp(t->surface + n - 4, "ssä"));
}

int kt__reading_work_years(const kt_analysis *a, const kt__reading *r, size_t skip_first,
                           size_t skip_last) {
  size_t n = kt_analysis_count(a);
  int best = 0;
  for (size_t i = 0; i < n; i++) {
    if (i >= skip_first && i <= skip_last) continue;
    int y = kt__token_years(a, i);
    if (y <= best || y > 50) continue;
    bool work = false, other = false;
    size_t cs = kt__reading_clause_start(r, i), ce = kt__reading_clause_end(r, i);
    for (size_t j = cs; j < ce; j++) {
      const kt_token *t = kt_analysis_get(a, j);
      other |= starts_any(t, not_work);
      work |= starts_any(t, work_words) ||
              (!t->stopword && (kt__analysis_morph(a, j) & KT__MORPH_ESSIVE));
    }
    /* A stretch told in the simple past ("ajoi bussia 20 vuotta"), or the
     * years right after a trade ("Kirjanpitäjä 20v", "raudottajana"). */
    work |= past_duration_clause(a, cs, ce);
    if (i > cs) {
      const kt_token *p = kt_analysis_get(a, i - 1);
      work |= !p->stopword && !generic_token(p) &&
              (kt__analysis_morph(a, i - 1) & KT__MORPH_NOUN) &&
              (ends_any(p, agent_endings) || ends_any(p, more_trades)) && !is_any(p, relatives) &&
              !is(p, "nuori");
    }
    /* ... or a workplace beside them, in the inessive: "hotellissa 18
     * vuotta", "12 vuotta eri ravintoloissa" (not a place name: "Espoossa"). */
    work |= workplace_at(a, i - 1) || (i + 2 < ce && workplace_at(a, i + 2)) ||
            (i + 3 < ce && workplace_at(a, i + 3));
    if (work && !other) best = y;
  }
  /* A whole working life: "ajanu rekkaa koko ikänsä", "koko työuransa
   * samassa firmassa". As long as the longest stretch the rule asks for. */
  static const char *const life[] = {"ikänsä", "ikäni", "uransa", "työuransa", "työikänsä", NULL};
  for (size_t i = 1; i < n && best < 25; i++) {
    if (i - 1 >= skip_first && i - 1 <= skip_last) continue;
    if (!is(kt_analysis_get(a, i - 1), "koko") || !is_any(kt_analysis_get(a, i), life)) continue;
    size_t cs = kt__reading_clause_start(r, i), ce = kt__reading_clause_end(r, i);
    bool other = false;
    for (size_t j = cs; j < ce; j++)
      other |= starts_any(kt_analysis_get(a, j), not_work);
    bool past = false;
    for (size_t j = cs; j < ce && !past; j++) {
      unsigned m = kt__analysis_morph(a, j);
      /* "ajoi", "ajanut" (a participle); not "ollut koko ikänsä terve" */
      past = (m & KT__MORPH_PAST) && !kt_analysis_get(a, j)->stopword;
    }
    if (!other && past) best = 25;
  }
  return best;
}
