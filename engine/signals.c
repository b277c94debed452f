/*
 * signals.c — need signals read from a need text (age, language situation,
 * long unemployment, municipality, target groups) and their effect on each
 * service: a boost when the service is made for such a client, a demotion
 * when the client is not eligible (age limits, required Finnish level, a
 * municipality the service does not serve). Words a note refuses or denies
 * (reading.c) are not read.
 *
 * Everything works on the analysed tokens, so inflection does not matter
 * ("Espoossa", "espoolainen" -> Espoo; "työttömänä" -> työtön).
 */
#define _GNU_SOURCE
#include "signals.h"
#include "analyze.h"
#include "messages.h"
#include "reading.h"
#include "schema.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- token helpers ----------------------------------------------------- */

static const kt_token *tok(const kt_analysis *a, size_t i) { return kt_analysis_get(a, i); }

/* The shared token tests (reading.h). */
static bool is(const kt_token *t, const char *lemma) { return kt__token_is(t, lemma); }
static bool is_any(const kt_token *t, const char *const *lemmas) {
  return kt__token_is_any(t, lemmas);
}

static bool starts(const kt_token *t, const char *prefix) {
  return t && !strncmp(t->surface, prefix, strlen(prefix));
}

/* A number token: its value (1..999) or -1. "24v" gives 24 and *suffix "v". */
static int number(const kt_token *t, const char **suffix) {
  if (!t) return -1;
  const char *s = t->surface;
  int v = 0, nd = 0;
  while (*s >= '0' && *s <= '9' && nd < 4)
    v = v * 10 + (*s++ - '0'), nd++;
  if (!nd || nd > 3) return -1;
  if (suffix)
    *suffix = s;
  else if (*s)
    return -1;
  return v;
}

/* Is there a clause break (punctuation, "mutta") between tokens i-1 and i? */
static bool clause_break(const kt_analysis *a, const char *text, size_t i) {
  if (i == 0) return true;
  const kt_token *p = tok(a, i - 1), *t = tok(a, i);
  for (size_t b = p->end; b < t->start; b++)
    if (strchr(".,;:!?\n()", text[b])) return true;
  static const char *const conj[] = {"mutta", "vaan", "but", "men", "though", NULL};
  return is_any(t, conj);
}

/* A comma or a full stop right before word @p i (not a parenthesis:
 * "tyttären (15v)" still tells of the daughter). */
static bool comma_before(const kt_analysis *a, const char *text, size_t i) {
  if (i == 0) return true;
  for (size_t b = tok(a, i - 1)->end; b < tok(a, i)->start; b++)
    if (strchr(".,;:", text[b])) return true;
  return false;
}

/* Does a sentence end between tokens @p lo and @p hi (lo < hi)? A period
 * after a number ("3. vuosi") does not count. */
static bool sentence_between(const kt_analysis *a, const char *text, size_t lo, size_t hi) {
  for (size_t i = lo + 1; i <= hi; i++) {
    const kt_token *p = tok(a, i - 1), *t = tok(a, i);
    for (size_t b = p->end; b < t->start; b++)
      if (strchr("!?\n", text[b]) || (text[b] == '.' && number(p, NULL) < 0)) return true;
  }
  return false;
}

/* Is "only" (kt__token_only) within @p before words before token @p i or
 * @p after words after it, in its sentence? "Asioi vain ruotsiksi", "vain
 * palvelut, joita saa ruotsiksi" and "Only services in English" (four
 * before), "help in English only" (two after): the services in that
 * language only; "Vain Espoossa ... saatavat palvelut" (three before): the
 * services there only. */
static bool only_near(const kt_analysis *a, const char *text, size_t i, size_t before,
                      size_t after) {
  size_t n = kt_analysis_count(a);
  for (size_t k = i > before ? i - before : 0; k < n && k <= i + after; k++)
    if (k != i && kt__token_only(tok(a, k)) &&
        !sentence_between(a, text, k < i ? k : i, k < i ? i : k))
      return true;
  return false;
}

/* ---- reading signals ------------------------------------------------------ */

static int add_signal(kt_results *res, int kind, const char *value, const char *label,
                      const kt_analysis *a, size_t first, size_t last) {
  for (size_t i = 0; i < res->nsignals; i++)
    if (res->signals[i].kind == kind && !strcmp(res->signals[i].value, value)) return KT_OK;
  if (res->nsignals % 16 == 0) {
    kt_signal *ns = kt__arena_alloc(&res->arena, (res->nsignals + 16) * sizeof *ns);
    if (!ns) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    if (res->nsignals) memcpy(ns, res->signals, res->nsignals * sizeof *ns);
    res->signals = ns;
  }
  kt_signal *s = &res->signals[res->nsignals];
  s->kind = kind;
  s->value = kt__arena_strdup(&res->arena, value);
  s->label = kt__arena_strdup(&res->arena, label);
  s->span.start = tok(a, first)->start;
  s->span.end = tok(a, last)->end;
  if (!s->value || !s->label) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  res->nsignals++;
  return KT_OK;
}

bool kt__signals_signalled(const kt__sigset *set, const char *group) {
  for (size_t i = 0; i < set->ngroups; i++)
    if (!strcmp(set->groups[i], group)) return true;
  return false;
}

/* The groups of a problem one has lived through: substance use and a
 * criminal record. */
static const char *const problem_groups[] = {"paihdekuntoutujat", "rikostaustaiset", NULL};

bool kt__signals_problem_group(const char *group) {
  for (size_t i = 0; problem_groups[i]; i++)
    if (!strcmp(group, problem_groups[i])) return true;
  return false;
}

int kt__signals_add_group(kt__sigset *set, kt_results *res, const char *group, const kt_analysis *a,
                          size_t first, size_t last) {
  if (!strcmp(group, "kaikki") || kt__signals_signalled(set, group)) return KT_OK;
  if (set->ngroups == sizeof set->groups / sizeof *set->groups) return KT_OK;
  set->groups[set->ngroups++] = group;
  char label[160];
  snprintf(label, sizeof label, kt__msg(set->lang, KT__M_GROUP),
           kt__target_group_label(set->lang, group));
  return add_signal(res, KT_SIGNAL_TARGET_GROUP, group, label, a, first, last);
}

/* A service about study though filed under another category, by its name:
 * "Paluuväylä koulutukseen keskeyttäneille" (nuoret), "opiskelijoiden
 * mielenterveystuki". */
static bool study_service(const kt__doc *f) {
  static const char *const stems[] = {"koulutuk", "koulutus",   "opiskel", "opinto",
                                      "opinnot",  "utbildning", "studier", NULL};
  const char *name = f->f[KT__D_NAME];
  for (size_t i = 0; name && stems[i]; i++)
    if (strcasestr(name, stems[i])) return true;
  return false;
}

/* Does @p t end as a place one is in (inessive, adessive: "Suomessa")? */
static bool locative(const kt_token *t) {
  static const char *const ends[] = {"ssa", "ssä", "lla", "llä", NULL};
  size_t n = strlen(t->surface);
  for (size_t i = 0; ends[i]; i++)
    if (n > 5 && !strcmp(t->surface + n - 3, ends[i])) return true;
  return false;
}

static bool age_word(const kt_token *t) {
  return starts(t, "vuotia") || is(t, "v") || is(t, "år") || starts(t, "åring") ||
         starts(t, "årig") || is(t, "year") || is(t, "years") || is(t, "yrs") || is(t, "yo") ||
         starts(t, "-vuotia");
}

/* Age: "24v", "24-vuotias", "24 vuotta vanha", "ikä 24", "alle 30", "yli 55",
 * "24 years old", "24 år". */
static int set_age(kt__sigset *set, kt_results *res, const kt_analysis *a, int v, size_t first,
                   size_t last) {
  char value[16], label[64];
  set->age_lo = set->age_hi = v;
  snprintf(value, sizeof value, "%d", v);
  snprintf(label, sizeof label, kt__msg(set->lang, KT__M_AGE), v);
  set->age_first = first;
  set->age_last = last;
  return add_signal(res, KT_SIGNAL_AGE, value, label, a, first, last);
}

static int read_age(const kt_analysis *a, const char *text, const bool *rej, kt__sigset *set,
                    kt_results *res) {
  size_t n = kt_analysis_count(a);
  bool deferred = false;
  int d_v = 0;
  size_t d_first = 0, d_last = 0;
  for (size_t i = 0; i < n; i++) {
    if (rej[i]) continue;
    const char *suf = NULL;
    int v = number(tok(a, i), &suf);
    if (v < 0) continue;
    const kt_token *prev = i ? tok(a, i - 1) : NULL;
    char value[16], label[64];
    if (!*suf && prev && (is(prev, "alle") || is(prev, "under")) && v >= 18 && v <= 35) {
      set->age_lo = 16;
      set->age_hi = v - 1;
      snprintf(value, sizeof value, "<%d", v);
      snprintf(label, sizeof label, kt__msg(set->lang, KT__M_AGE_UNDER), v);
      set->age_first = i - 1, set->age_last = i;
      return add_signal(res, KT_SIGNAL_AGE, value, label, a, i - 1, i);
    }
    if (!*suf && prev && (is(prev, "yli") || is(prev, "over") || is(prev, "över")) && v >= 25 &&
        v <= 70) {
      /* "yli 55" is an age only next to an age word or "-vuotias" ... */
      if (i + 1 < n && (age_word(tok(a, i + 1)) || is(tok(a, i + 1), "vuotta"))) {
        set->age_lo = v + 1;
        set->age_hi = 99;
        snprintf(value, sizeof value, ">%d", v);
        snprintf(label, sizeof label, kt__msg(set->lang, KT__M_AGE_OVER), v);
        set->age_first = i - 1, set->age_last = i + 1;
        return add_signal(res, KT_SIGNAL_AGE, value, label, a, i - 1, i + 1);
      }
    }
    /* "Mies 35, vankilasta vapautunut", "Asiakas on 60 ja ...": a bare
     * number after the word for the client is their age, unless a unit or
     * another number follows ("asiakas on 30 000 euroa velkaa"). */
    static const char *const client_words[] = {"asiakas", "mies", "nainen", "poika", "tyttö",
                                               "nuori", "client", "man", "woman", "kvinna", "kund",
                                               /* colloquial: "äijä 46v", "mimmi 19v" */
                                               "äijä", "jäbä", "jätkä", "kundi", "mimmi", "likka",
                                               "muija", "tyyppi",
                                               /* "Hon är 19", "She is 34" */
                                               "hon", "han", "she", "he", "klienten", "kunden",
                                               /* "My son is 16": a parent writes of the client */
                                               "son", "daughter", "dotter", NULL};
    static const char *const units[] = {"vuotta", "vuoden", "v",     "kk",  "kuukautta",
                                        "euroa",  "e",      "€",     "eur", "tuntia",
                                        "h",      "km",     "years", "år",  NULL};
    const kt_token *next = i + 1 < n ? tok(a, i + 1) : NULL;
    const kt_token *who = prev && (is(prev, "on") || is(prev, "är") || is(prev, "is")) && i >= 2
                              ? tok(a, i - 2)
                              : prev;
    /* ... and so is one after the client's own "I am": "mä oon 24", "olen 52",
     * "I'm 45". */
    static const char *const i_am[] = {"oon", "olen", "i'm", "im", "am", NULL};
    bool self = prev && (is_any(prev, i_am) || (is(prev, "m") && i >= 2 && is(tok(a, i - 2), "i")));
    bool client_age = !*suf && who && (is_any(who, client_words) || self) &&
                      !(next && (is_any(next, units) || number(next, NULL) >= 0));
    /* "45 years old" but not "15 years in IT"; "33 år" but not "i 15 år". */
    bool unit_age = !*suf && i + 1 < n && age_word(tok(a, i + 1));
    if (unit_age && is_any(next, (const char *const[]){"years", "year", "yrs", NULL}))
      unit_age = i + 2 < n && is(tok(a, i + 2), "old");
    if (unit_age && is(next, "år") && prev &&
        is_any(prev, (const char *const[]){"i", "på", "sedan", "efter", "under", NULL}))
      unit_age = false;
    /* A bare number set apart at the very start: "Vietnamese, 27, came as". */
    bool opening = !*suf && i <= 4 && i > 0 && clause_break(a, text, i) &&
                   (i + 1 >= n || clause_break(a, text, i + 1)) &&
                   !(next && (is_any(next, units) || number(next, NULL) >= 0));
    /* A birthday: "täytti viime viikolla 30", "täyttää 18 keväällä", "just
     * turned 30". */
    bool turned = false;
    for (size_t j = i >= 3 ? i - 3 : 0; j < i && !*suf && v >= 15 && v <= 99; j++)
      turned |= kt__token_starts_any(
          tok(a, j), (const char *const[]){"täytt", "turned", "fyllde", "fyller", NULL});
    bool age = client_age || opening || turned ||
               (!strcmp(suf, "v") || !strcmp(suf, "v.") || !strncmp(suf, "-v", 2) ||
                !strncmp(suf, "vuotia", 6) || !strcmp(suf, "y") || !strcmp(suf, "yo") ||
                /* "34-year-old" */
                !strncmp(suf, "-year", 5)) ||
               unit_age ||
               (!*suf && prev &&
                (is(prev, "ikä") || is(prev, "age") || is(prev, "aged") || is(prev, "ålder")));
    /* A length of time, not an age: "15v kokemus kiinteistöhuollosta",
     * "20v sitten", "20v alalla", "lastenhoitajana 19v". */
    static const char *const time_next[] = {"kokemu",     "työkokemu", "sitten", "experience",
                                            "erfarenhet", "alalla",    "alalta", "sedan",
                                            "ago",        NULL};
    if (age && next && kt__token_starts_any(next, time_next)) age = false;
    /* An age at some time, not now: "poika kuoli 17-vuotiaana", "muutti
     * Suomeen 16-vuotiaana" (the essive). */
    if (age &&
        (strstr(suf, "vuotiaana") ||
         (!*suf && next &&
          kt__token_starts_any(next, (const char *const[]){"vuotiaana", "-vuotiaana", NULL}))))
      age = false;
    /* "ollut 25v kotiäiti", "ollu 10v varastolla": years of something. */
    if (age && !turned && prev && is_any(prev, (const char *const[]){"ollut", "ollu", NULL}))
      age = false;
    if (age && prev && !prev->stopword && (kt__analysis_morph(a, i - 1) & KT__MORPH_ESSIVE))
      age = false;
    /* Years in a place, right after it: "Suomessa 15v", "täällä 10v". */
    if (age && !turned && prev && !clause_break(a, text, i) &&
        (locative(prev) || is(prev, "täällä")))
      age = false;
    if (age && v >= 15 && v <= 80) {
      size_t last = !*suf && i + 1 < n && age_word(tok(a, i + 1)) ? i + 1 : i;
      /* After a trade ("hitsari 20v, nyt 41v"), a number is the years in
       * it when another age follows: the later one is the client's. */
      bool after_trade = prev && !prev->stopword && !is_any(prev, client_words) && !self &&
                         !opening && !turned && number(prev, NULL) < 0 &&
                         !comma_before(a, text, i); /* "Lapset aikuisia, 52v nainen" */
      if (after_trade && !deferred) {
        deferred = true, d_v = v, d_first = i, d_last = last;
        continue;
      }
      return set_age(set, res, a, v, i, last);
    }
  }
  return deferred ? set_age(set, res, a, d_v, d_first, d_last) : KT_OK;
}

/* Long unemployment: "pitkäaikaistyötön", "työttömänä 3 vuotta",
 * "vuosia työttömänä", "18 kk työttömänä", "long-term unemployed". */
static int read_unemployment(const kt_analysis *a, const char *text, const bool *rej,
                             kt__sigset *set, kt_results *res) {
  static const char *const longterm[] = {"pitkäaikaistyötön", "pitkäaikaistyöttömyys",
                                         "långtidsarbetslös", NULL};
  static const char *const jobless[] = {"työtön",    "työttömyys", "unemployed",
                                        "arbetslös", "jobless",    NULL};
  size_t n = kt_analysis_count(a);
  for (size_t i = 0; i < n; i++) {
    if (rej[i]) continue;
    const kt_token *t = tok(a, i);
    bool found = is_any(t, longterm) || starts(t, "långtidsarbetslös") ||
                 (is(t, "long") && i + 1 < n && is(tok(a, i + 1), "term"));
    size_t first = i, last = i;
    if (!found && (is_any(t, jobless) || starts(t, "työttöm"))) {
      for (size_t j = i > 4 ? i - 4 : 0; j < n && j <= i + 4 && !found; j++) {
        /* "jäi työttömäksi. Eläkkeeseen muutama vuosi": another sentence. */
        if (j != i && sentence_between(a, text, j < i ? j : i, j < i ? i : j)) continue;
        const kt_token *u = tok(a, j);
        const kt_token *next = j + 1 < n ? tok(a, j + 1) : NULL;
        /* A unit written on ("työttömänä 3v", "työtön 18kk"); not the
         * client's age ("56v työtön"). */
        const char *unit = NULL;
        int vu = number(u, &unit), v = unit && !*unit ? vu : -1;
        bool age = set->age_lo >= 0 && j >= set->age_first && j <= set->age_last;
        if (!age && vu >= 1 && unit &&
            ((vu <= 20 && !strcmp(unit, "v")) || (vu >= 12 && !strcmp(unit, "kk")))) {
          found = true;
        } else if (is(u, "vuosia") || is(u, "vuosikausia") || is(u, "years") || is(u, "år")) {
          found = j == 0 || number(tok(a, j - 1), NULL) != 1;
        } else if (v >= 1 && next &&
                   (is(next, "vuosi") || is(next, "vuotta") || is(next, "v") || is(next, "year") ||
                    is(next, "years") || is(next, "år"))) {
          found = true;
        } else if (v >= 12 && next &&
                   (is(next, "kk") || is(next, "kuukausi") || is(next, "months") ||
                    is(next, "månader"))) {
          found = true;
        } else if (is(u, "vuoden") || is(u, "vuosi")) {
          found = !(j > 0 && number(tok(a, j - 1), NULL) == 0);
        }
        if (found) {
          first = j < i ? j : i;
          last = j < i ? i : j;
        }
      }
    }
    if (found) {
      set->long_unemployed = 1;
      int rc = add_signal(res, KT_SIGNAL_UNEMPLOYMENT, "long",
                          kt__msg(set->lang, KT__M_LONG_UNEMPLOYED), a, first, last);
      if (!rc) rc = kt__signals_add_group(set, res, "pitkaaikaistyottomat", a, first, last);
      return rc;
    }
  }
  return KT_OK;
}

static bool finnish_word(const kt_token *t) {
  return is(t, "suomi") || starts(t, "suome") || starts(t, "suomen") || is(t, "finnish") ||
         starts(t, "finska");
}

/* Language situation. */
static int read_language(const kt_analysis *a, const char *text, const bool *rej, kt__sigset *set,
                         kt_results *res) {
  size_t n = kt_analysis_count(a);
  int rc = KT_OK;
  static const char *const little[] = {"vähän",    "heikko",   "huono",  "alkeet", "hukassa",
                                       "heikosti", "huonosti", "little", "basic",  "poor",
                                       "lite",     "dålig",    "a1",     "a2",     NULL};
  static const char *const degree_words[] = {
      "kovin", "hyvin", "sujuvasti", "täydellisesti", "well", "fluently", "bra", "flytande", NULL};
  /* In Finland for a while, or moved here: "ollu suomes kolme vuotta",
   * "muutti Suomeen 2019", "moved to Finland". */
  static const char *const in_finland[] = {"suomessa", "suomes",  "suomeen", "suomee",
                                           "finland",  "finland", "suomi",   NULL};
  /* Finland's larger towns (base forms): a move from one is no migration
   * ("muutti Oulusta Helsinkiin"). */
  static const char *const finnish_towns[] = {
      "helsinki",  "espoo",        "vantaa",      "kauniainen", "kerava",       "oulu",
      "tampere",   "turku",        "jyväskylä",   "kuopio",     "lahti",        "pori",
      "joensuu",   "lappeenranta", "hämeenlinna", "vaasa",      "seinäjoki",    "rovaniemi",
      "mikkeli",   "kotka",        "salo",        "porvoo",     "kokkola",      "hyvinkää",
      "lohja",     "järvenpää",    "rauma",       "kajaani",    "savonlinna",   "nokia",
      "kouvola",   "kirkkonummi",  "tuusula",     "kangasala",  "ylöjärvi",     "vihti",
      "raasepori", "imatra",       "iisalmi",     "kemi",       "tornio",       "pietarsaari",
      "kuusamo",   "sipoo",        "nurmijärvi",  "loviisa",    "heinola",      "raahe",
      "riihimäki", "forssa",       "kemijärvi",   "varkaus",    "uusikaupunki", "ahvenanmaa",
      "lappi",     "karjala",      "savo",        "pohjanmaa",  "kainuu",       "häme",
      NULL};
  static const char *const arrive[] = {"muutt",   "tul",    "saapu", "moved", "came",
                                       "arrived", "flytta", "kom",   NULL};
  /* Per word: is Finnish wished for from it on, in its sentence ("...,
   * mutta hän haluaa asioida suomeksi"; not "ei halua suomeksi")? Read
   * once, backwards. */
  bool *finnish_wanted = calloc(n + 1, sizeof *finnish_wanted);
  if (!finnish_wanted) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  bool fin = false, wish = false;
  for (size_t j = n; j-- > 0;) {
    if (j + 1 < n && sentence_between(a, text, j, j + 1)) fin = wish = false;
    const kt_token *u = tok(a, j);
    fin |= is(u, "suomeksi") || is(u, "finnish") || is(u, "finska");
    wish |= fin && (starts(u, "halu") || starts(u, "want") || starts(u, "vill")) &&
            !(j > 0 && kt__token_negates(tok(a, j - 1)));
    finnish_wanted[j] = wish;
  }
  for (size_t i = 0; i < n && !rc; i++) {
    const kt_token *t = tok(a, i);
    if (kt__token_negates(t)) {
      for (size_t j = i + 1; j < n && j <= i + 4 && !clause_break(a, text, j); j++)
        if (starts(tok(a, j), "tarv")) {
          break; /* "ei tarvetta suomen kurssille": no need, not no Finnish */
        } else if (finnish_word(tok(a, j))) {
          /* "ei puhu suomea kovin hyvin" is weak Finnish, not none. */
          bool degree = false;
          for (size_t k = j + 1; k < n && k <= j + 2 && !clause_break(a, text, k); k++)
            degree |= is_any(tok(a, k), degree_words);
          if (degree) {
            set->basic_finnish = 1;
            rc = add_signal(res, KT_SIGNAL_LANGUAGE, "finnish_basic",
                            kt__msg(set->lang, KT__M_BASIC_FINNISH), a, i, j);
            break;
          }
          set->no_finnish = 1;
          rc = add_signal(res, KT_SIGNAL_LANGUAGE, "no_finnish",
                          kt__msg(set->lang, KT__M_NO_FINNISH), a, i, j);
          break;
        }
    } else if (finnish_word(t) && !set->no_finnish) {
      /* "suomi 0", "suomen kieli nolla", "finnish 0": none. */
      for (size_t j = i + 1; j < n && j <= i + 2 && !clause_break(a, text, j); j++)
        if (is_any(tok(a, j), (const char *const[]){"0", "nolla", "a0", "zero", "none", NULL})) {
          set->no_finnish = 1;
          rc = add_signal(res, KT_SIGNAL_LANGUAGE, "no_finnish",
                          kt__msg(set->lang, KT__M_NO_FINNISH), a, i, j);
          break;
        }
    }
    if (!rc && !kt__token_negates(t) && is_any(t, little) && !set->no_finnish) {
      for (size_t j = i > 3 ? i - 3 : 0; j < n && j <= i + 3; j++)
        if (j != i && finnish_word(tok(a, j)) && !clause_break(a, text, j > i ? j : i)) {
          set->basic_finnish = 1;
          rc = add_signal(res, KT_SIGNAL_LANGUAGE, "finnish_basic",
                          kt__msg(set->lang, KT__M_BASIC_FINNISH), a, j < i ? j : i, j < i ? i : j);
          break;
        }
    }
    if (rej[i]) continue;
    /* A firm of the client's, past included: "37v yrittäjä", "oma
     * toiminimi", "my business failed". */
    if (!set->founder)
      for (const char *const *f =
               (const char *const[]){"yrittäj", "yrity", "toiminim", "företag", "business",
                                     "entrepreneur", "freelanc", "y-tunnus", NULL};
           *f && !set->founder; f++)
        set->founder = strstr(t->surface, *f) != NULL;
    /* Come from a place ("Syyriasta 2016 tullut", "pakeni Afganistanista"):
     * a place name in the elative with a verb of arriving or a year. */
    unsigned m = kt__analysis_morph(a, i);
    if (!set->migrated && (m & KT__MORPH_PLACE) && (m & KT__MORPH_SOURCE) &&
        !is_any(t, in_finland) && !is_any(t, finnish_towns)) {
      for (size_t j = i > 3 ? i - 3 : 0; j < n && j <= i + 3 && !set->migrated; j++) {
        const kt_token *u = tok(a, j);
        if (j == i || (j > i ? clause_break(a, text, j) : clause_break(a, text, i))) continue;
        set->migrated = (u->surface[0] >= '1' && u->surface[0] <= '2' && strlen(u->surface) == 4) ||
                        kt__token_starts_any(u, arrive) ||
                        kt__token_starts_any(u, (const char *const[]){"pake", "pakol", NULL});
      }
    }
    if (!set->migrated && (is_any(t, in_finland) && strcmp(t->surface, "suomi"))) {
      for (size_t j = i > 2 ? i - 2 : 0; j < n && j <= i + 3 && !set->migrated; j++) {
        const kt_token *u = tok(a, j);
        if (j == i || (j > i ? clause_break(a, text, j) : clause_break(a, text, i))) continue;
        set->migrated =
            number(u, NULL) > 0 ||
            (u->surface[0] >= '1' && u->surface[0] <= '2' && strlen(u->surface) == 4) ||
            is_any(u, (const char *const[]){"vuotta", "vuosi", "kuukautta", "years", "år", NULL}) ||
            kt__token_starts_any(u, arrive);
      }
    }
    /* An English CV or workplace ("englanninkielisen CV:n", "englanninkieliseen
     * työpaikkaan") asks for a document or a job in English, not a service. */
    static const char *const things[] = {
        "cv",       "ansioluettel", "hakemu", "työhakemu",    "profiil",
        "linkedin", "työpaik",      "yrity",  "työympäristö", NULL};
    bool thing = i + 1 < n && kt__token_starts_any(tok(a, i + 1), things);
    /* ... and English offered but Finnish wanted later in the sentence
     * ("englanninkielisiä palveluja on tarjottu, mutta hän haluaa asioida
     * suomeksi") is no wish for English. */
    thing |= i + 1 < n && !sentence_between(a, text, i, i + 1) && finnish_wanted[i + 1];
    if (!thing && (is(t, "englanniksi") || is(t, "englanninkielinen") ||
                   starts(t, "englanninkiel") || starts(t, "english-speak") ||
                   (is(t, "in") && i + 1 < n && is(tok(a, i + 1), "english")))) {
      set->lang_en = 1;
      if (only_near(a, text, i, 4, 2)) set->lang_only = "en";
      rc = add_signal(res, KT_SIGNAL_LANGUAGE, "en", kt__msg(set->lang, KT__M_WANTS_EN), a, i, i);
    } else if (is(t, "ruotsiksi") || is(t, "ruotsinkielinen") || starts(t, "ruotsinkiel") ||
               starts(t, "svenskspråkig") ||
               (is(t, "på") && i + 1 < n && is(tok(a, i + 1), "svenska"))) {
      set->lang_sv = 1;
      if (only_near(a, text, i, 4, 2)) set->lang_only = "sv";
      rc = add_signal(res, KT_SIGNAL_LANGUAGE, "sv", kt__msg(set->lang, KT__M_WANTS_SV), a, i, i);
    }
  }
  free(finnish_wanted);
  /* A need written in English or Swedish: the client is served in it. */
  static const char *const en[] = {"the", "and",   "is",    "to",    "for",     "with", "he", "she",
                                   "has", "wants", "needs", "would", "looking", "of",   NULL};
  static const char *const sv[] = {"och", "är",   "att", "för",     "med",  "han", "hon",
                                   "som", "vill", "har", "behöver", "inte", "på",  NULL};
  size_t ne = 0, ns = 0;
  for (size_t i = 0; i < n; i++) {
    ne += is_any(tok(a, i), en);
    ns += is_any(tok(a, i), sv);
  }
  if (!rc && ne >= 3 && ne > ns && !set->lang_en) {
    set->lang_en = 1;
    rc = add_signal(res, KT_SIGNAL_LANGUAGE, "en", kt__msg(set->lang, KT__M_TEXT_EN), a, 0, n - 1);
  } else if (!rc && ns >= 3 && ns > ne && !set->lang_sv) {
    set->lang_sv = 1;
    rc = add_signal(res, KT_SIGNAL_LANGUAGE, "sv", kt__msg(set->lang, KT__M_TEXT_SV), a, 0, n - 1);
  }
  return rc;
}

/* The municipalities of the catalogue's employment areas, each by its
 * base form, demonym and Swedish name. */
static const struct {
  const char *forms[5]; /* NULL-terminated */
  const char *name;
} municipalities[] = {
    {{"espoo", "espoolainen", "esbo", NULL}, "Espoo"},
    {{"vantaa", "vantaalainen", "vanda", NULL}, "Vantaa"},
    {{"kauniainen", "kauniaislainen", "grankulla", NULL}, "Kauniainen"},
    {{"kerava", "keravalainen", "kervo", NULL}, "Kerava"},
    {{"helsinki", "helsinkiläinen", "helsingfors", "helsingissä", NULL}, "Helsinki"},
};

bool kt__signals_municipality(const char *base) {
  for (size_t m = 0; m < sizeof municipalities / sizeof *municipalities; m++)
    if (!strcmp(base, municipalities[m].forms[0])) return true;
  return false;
}

/* Is a verb or noun of moving home within the few words before token @p i,
 * or right after it ("Espooseen muuttamassa")? */
static bool moving_near(const kt_analysis *a, size_t i) {
  static const char *const move[] = {"muutta", "muutti", "muutto", "muuton",
                                     "moving", "move",   "flytt",  NULL};
  size_t n = kt_analysis_count(a);
  for (size_t k = i > 5 ? i - 5 : 0; k <= i + 1 && k < n; k++)
    if (k != i && kt__token_starts_any(tok(a, k), move)) return true;
  return false;
}

/* Municipality of residence: "asuu Espoossa", "vantaalainen", "bor i Esbo". */
static int read_municipality(const kt_analysis *a, const char *text, const bool *rej,
                             kt__sigset *set, kt_results *res) {
  static const char *const live[] = {"asua", "asuu", "bor", "lives", "live", "living", NULL};
  size_t n = kt_analysis_count(a), best = (size_t)-1, besti = 0;
  int bestscore = -1;
  for (size_t i = 0; i < n; i++) {
    if (rej[i]) continue;
    for (size_t m = 0; m < sizeof municipalities / sizeof *municipalities; m++) {
      if (!is_any(tok(a, i), municipalities[m].forms)) continue;
      int score = 1 + (i > 0 && is_any(tok(a, i - 1), live)) * 2 +
                  (i > 1 && is_any(tok(a, i - 2), live)) * 2;
      if (starts(tok(a, i), municipalities[m].forms[1]))
        score += 2; /* the demonym says it outright */
      /* A place denied ("ei Helsinkiin eikä Vantaalle asti") is not home. */
      if (i > 0 &&
          ((kt__analysis_morph(a, i - 1) & KT__MORPH_NEGV) || kt__token_eika(tok(a, i - 1)) ||
           is_any(tok(a, i - 1), (const char *const[]){"inte", "not", NULL})))
        score = 0;
      /* A former home ("asui aiemmin Espoossa", "ennen Vantaalla") is not
       * where the client lives now. */
      for (size_t k = i > 2 ? i - 2 : 0; k < i; k++)
        if (is_any(tok(a, k), (const char *const[]){"aiemmin", "aikaisemmin", "ennen", "previously",
                                                    "tidigare", NULL}) ||
            (is_any(tok(a, k), live) && (kt__analysis_morph(a, k) & KT__MORPH_PAST)))
          score = 0;
      /* A move ("muuttaa ensi kuussa Helsingistä Espooseen", "moving to
       * Vantaa", "flyttar till Esbo"): the place moved to is the client's
       * home to be, and the place left is not. */
      if (score > 0 && moving_near(a, i)) {
        unsigned m = kt__analysis_morph(a, i);
        if (m & KT__MORPH_TARGET ||
            (i > 0 && is_any(tok(a, i - 1), (const char *const[]){"to", "till", NULL})))
          score += 4;
        else if (m & KT__MORPH_SOURCE ||
                 (i > 0 && is_any(tok(a, i - 1), (const char *const[]){"from", "från", NULL})))
          score = 0;
      }
      if (score > 0 && score > bestscore) {
        bestscore = score;
        best = m;
        besti = i;
      }
    }
  }
  if (best == (size_t)-1) return KT_OK;
  set->municipality = municipalities[best].forms[0];
  /* "Vain Espoossa tai koko maassa saatavat palvelut", "only in Vantaa":
   * the note asks for services of that place only. */
  for (size_t i = 0; i < n && !set->area_only; i++) {
    if (rej[i] || !is_any(tok(a, i), municipalities[best].forms)) continue;
    set->area_only = only_near(a, text, i, 3, 0);
  }
  char label[64];
  snprintf(label, sizeof label, kt__msg(set->lang, KT__M_MUNICIPALITY), municipalities[best].name);
  return add_signal(res, KT_SIGNAL_MUNICIPALITY, municipalities[best].name, label, a, besti, besti);
}

/* The words that name a target group (base forms; English and Swedish as
 * written), for a note that asks only for services made for one. */
static const struct {
  const char *word, *group;
} group_words[] = {
    {"nainen", "naiset"},
    {"kvinna", "naiset"},
    {"kvinnor", "naiset"},
    {"women", "naiset"},
    {"vanhempi", "vanhemmat"},
    {"lapsiperhe", "vanhemmat"},
    {"föräldrar", "vanhemmat"},
    {"parents", "vanhemmat"},
    {"maahanmuuttaja", "maahanmuuttajat"},
    {"invandrare", "maahanmuuttajat"},
    {"immigrants", "maahanmuuttajat"},
    {"nuori", "nuoret"},
    {"ikääntynyt", "ikaantyneet"},
    {"ikääntyvä", "ikaantyneet"},
    {"osatyökykyinen", "osatyokykyiset"},
    {"korkeakoulutettu", "korkeakoulutetut"},
    {"yrittäjä", "yrittajiksi_aikovat"},
    {"rikostaustainen", "rikostaustaiset"},
    {"päihdekuntoutuja", "paihdekuntoutujat"},
    {"vammainen", "vammaiset"},
    {"lomautettu", "lomautetut"},
    {"asunnoton", "asunnottomat"},
    {"opiskelija", "opiskelijat"},
    {"pitkäaikaistyötön", "pitkaaikaistyottomat"},
    {"työnantaja", "tyonantajat"},
};

static const char *group_word(const kt_token *t) {
  for (size_t g = 0; g < sizeof group_words / sizeof *group_words; g++)
    if (is(t, group_words[g].word)) return group_words[g].group;
  return NULL;
}

int kt__signals_read_group_only(const kt_analysis *a, const char *text, const bool *rej,
                                const char *const *concept_group, kt__sigset *set,
                                kt_results *res) {
  static const char *const for_words[] = {"for", "för", "till", "åt", NULL};
  static const char *const relatives[] = {"joka",   "jotka",  "jonka",  "joiden", "joita", "joihin",
                                          "joissa", "joista", "joille", "joilla", "jolle", "jossa",
                                          "johon",  "which",  "that",   "who",    "som",   NULL};
  size_t n = kt_analysis_count(a);
  for (size_t i = 0; i < n; i++) {
    if (rej[i] || !kt__token_only(tok(a, i))) continue;
    /* The clause on from "vain" and its relative clause ("vain palvelut,
     * jotka ..."), up to a negation ("vain palvelut, jotka eivät ole
     * nuorille"): where a word in the allative ("naisille",
     * "pitkään työttöminä olleille"), or after "for", names a group. */
    for (size_t j = i + 1; j < n && j <= i + 14 && !sentence_between(a, text, j - 1, j); j++) {
      const kt_token *t = tok(a, j);
      if (kt__token_negates(t) || (kt__analysis_morph(a, j) & KT__MORPH_NEGV) ||
          (clause_break(a, text, j) && !is_any(t, relatives)))
        break;
      size_t l = strlen(t->surface);
      bool allative = l > 3 && (!strcmp(t->surface + l - 3, "lle"));
      bool after_for = is_any(tok(a, j - 1), for_words);
      if (!allative && !after_for) continue;
      /* The group is named at the word or just before it ("pitkään
       * työttöminä olleille"). */
      for (size_t k = j + 1; k-- > (j > i + 3 ? j - 3 : i + 1);) {
        const char *g = group_word(tok(a, k));
        if (!g && concept_group) g = concept_group[k];
        if (!g || !strcmp(g, "kaikki")) continue;
        set->group_only = g;
        return kt__signals_add_group(set, res, g, a, k, j);
      }
    }
  }
  return KT_OK;
}

/* The client is an employer: the note opens with the word ("Työnantaja:",
 * "Työnantaja-asiakas", "Employer asks", "Arbetsgivare"), or an employer
 * calls or asks ("työnantaja soittaa", "työnantaja kysyy"). Services for
 * employers are then the client's group. */
static int read_employer(const kt_analysis *a, const bool *rej, kt__sigset *set, kt_results *res) {
  static const char *const employer[] = {"työnantaja",   "työnantaja-asiakas", "employer",
                                         "arbetsgivare", "arbetsgivaren",      NULL};
  static const char *const asks[] = {"soittaa", "soitti", "kysyy",  "kysyi",  "asks",
                                     "called",  "frågar", "ringer", "ringde", NULL};
  size_t n = kt_analysis_count(a);
  for (size_t i = 0; i < n; i++) {
    if (rej[i] || !is_any(tok(a, i), employer)) continue;
    bool first = true;
    for (size_t j = 0; j < i && first; j++)
      first = tok(a, j)->stopword;
    bool calls = i + 1 < n && is_any(tok(a, i + 1), asks);
    /* "Työnantaja meni konkurssiin", "työnantaja ei maksanut": the client's
     * employer, told of in the past or denied, is not the one asking. */
    bool told = kt__employer_told(a, i);
    if ((first && !told) || calls) {
      set->employer_asks = 1;
      return kt__signals_add_group(set, res, "tyonantajat", a, i, i);
    }
  }
  /* A note whose first eight words name a firm or its owner, and that
   * speaks of hiring ("Pieni rakennusfirma palkkaisi ...", "Pienen
   * lounasravintolan omistaja soittaa. Haluaisi palkata ..."): the firm is
   * the one asking. Not the client's own firm ("omasta firmasta", "mun
   * firma") nor an employer who would hire the client ("pomo ois valmis
   * ottaa mut"); needing something ("tarvitsee") is no hiring. */
  static const char *const firm[] = {"firma",   "yrity",    "yhtiö",   "omistaja", "company",
                                     "startup", "start-up", "företag", NULL};
  static const char *const own[] = {"oma", "mun", "minun", "mut", "minut", "mig", "my", NULL};
  static const char *const hire[] = {"palkata", "palkkaisi", "hire",       "hiring",
                                     "recruit", "anställa",  "rekrytoida", NULL};
  bool opens = false, hires = false;
  for (size_t i = 0; i < n && i < 8; i++) {
    for (size_t f = 0; firm[f] && !opens; f++)
      opens = strstr(tok(a, i)->surface, firm[f]) != NULL;
  }
  for (size_t i = 0; opens && i < n && !hires; i++) {
    if (is_any(tok(a, i), own)) return KT_OK;
    /* "palkkaa" is a wage as often as hiring ("ei oo maksanut palkkaa"). */
    hires = !rej[i] && is_any(tok(a, i), hire) && strcmp(tok(a, i)->surface, "palkkaa");
    /* Taking someone on: "haluis ottaa oppisopimuksella kokin", "ottaisi
     * töihin harjoittelijan". */
    static const char *const take[] = {"ottaa", "ottaisi", "ottais", "take", "ta", NULL};
    static const char *const as[] = {"oppisopim", "töihin",  "harjoittelij",
                                     "apprentic", "lärling", NULL};
    /* Not "ottaa selvää" (find out), "ottaa yhteyttä" (contact). */
    static const char *const idiom[] = {"selvää", "selvä", "yhteyttä", "vastaan", "osaa", NULL};
    bool taking =
        !rej[i] && is_any(tok(a, i), take) && !(i + 1 < n && is_any(tok(a, i + 1), idiom));
    for (size_t j = i + 1; !hires && taking && j < n && j <= i + 3; j++)
      hires = kt__token_starts_any(tok(a, j), as);
  }
  if (opens && hires) set->employer_asks = 1;
  return KT_OK;
}

/* The client a note opens on, when it names a man: the words for the client
 * among the first ones ("Mies 48v", "38v irakilainen mies", "Poika 19 v"),
 * and no word for a woman among them ("Nainen 34v, mies vankilassa" is
 * hers). Not "he", which is also the Finnish "they". */
#define GENDER_WORDS 6
static void read_gender(const kt_analysis *a, kt__sigset *set) {
  /* As written, in the nominative: "tuli miehen perässä" is a woman's, and
   * "Ex-mies" or "entinen mies" is her former husband. No "isä" or "dad":
   * "Asiakkaan isä kuoli". */
  static const char *const men[] = {"mies", "äijä", "jätkä", "poika", "yksinhuoltajaisä",
                                    "man",  "guy",  "pojke", "kille", "mannen",
                                    NULL};
  static const char *const women[] = {"nainen",  "tyttö", "mimmi",  "äiti",   "yksinhuoltajaäiti",
                                      "woman",   "mum",   "mom",    "mother", "she",
                                      "girl",    "hon",   "kvinna", "flicka", "mamma",
                                      "kvinnan", NULL};
  static const char *const former[] = {"ex", "entinen", "exä", "former", NULL};
  bool man = false, woman = false;
  for (size_t i = 0; i < kt_analysis_count(a) && i < GENDER_WORDS; i++) {
    const char *s = tok(a, i)->surface;
    bool was = false;
    for (size_t k = 0; former[k] && i > 0; k++)
      was |= !strcmp(tok(a, i - 1)->surface, former[k]);
    for (size_t k = 0; men[k] && !was; k++)
      man |= !strcmp(s, men[k]);
    for (size_t k = 0; women[k]; k++)
      woman |= !strcmp(s, women[k]);
  }
  set->male = man && !woman;
}

/* A child named in the note and not denied ("ei lapsia"): "kahden lapsen
 * äiti", "lapsi 1v kotona", "odottaa vauvaa", "kotona kolmevuotiaan kanssa"
 * (with a child of that age). Not a child's word in the essive ("lapsena",
 * the client's own childhood), and not "poika", which is often the client
 * ("poika 19v"). */
static void read_child(const kt_analysis *a, const bool *rej, kt__sigset *set) {
  static const char *const child[] = {
      "lapsi",    "tytär",    "vauva",  "taapero", "lapsiperhe", "esikoululainen",
      "child",    "children", "kids",   "kid",     "baby",       "toddler",
      "daughter", "barn",     "barnen", "bebis",   "dotter",     NULL};
  size_t n = kt_analysis_count(a);
  for (size_t i = 0; i < n && !set->child; i++) {
    const kt_token *t = tok(a, i);
    if (rej[i]) continue;
    if (is_any(t, child) && !(kt__analysis_morph(a, i) & KT__MORPH_ESSIVE)) set->child = 1;
    size_t len = strlen(t->surface);
    if (len > 8 && !strcmp(t->surface + len - 8, "vuotiaan") && i + 1 < n &&
        kt__token_is(tok(a, i + 1), "kanssa"))
      set->child = 1;
  }
}

/* A Finland-Swede: "svenskspråkig", "finlandssvensk", "suomenruotsalainen"
 * where the note opens on the client ("Svenskspråkig kvinna, 52"; not "gift
 * med en finlandssvensk man"), or the mother tongue named Swedish in its
 * sentence ("äidinkieli on ruotsi", "modersmålet är svenska"). Not with a
 * word of an immigrant in the note ("invandrare"). */
static void read_native_swedish(const kt_analysis *a, const char *text, kt__sigset *set) {
  static const char *const native[] = {"svenskspråkig", "finlandssvensk", "suomenruotsalai", NULL};
  static const char *const tongue[] = {"äidinkie", "modersmål", NULL};
  static const char *const swedish[] = {"ruotsi", "svenska", "ruotsinkielinen", NULL};
  static const char *const migrant[] = {"invandr", "maahanmuutt", "flykting", "pakolai", NULL};
  size_t n = kt_analysis_count(a);
  bool native_word = false;
  for (size_t i = 0; i < n; i++) {
    const kt_token *t = tok(a, i);
    if (kt__token_starts_any(t, migrant)) return;
    native_word |= i < 4 && kt__token_starts_any(t, native);
    if (kt__token_starts_any(t, tongue))
      for (size_t j = i + 1; j < n && j <= i + 3 && !sentence_between(a, text, i, j); j++)
        native_word |= is_any(tok(a, j), swedish);
  }
  set->native_swedish = native_word;
}

/* A note that asks for services available nationwide alone ("Vain
 * palvelut, jotka ovat saatavilla koko Suomessa", "haluaa vain
 * valtakunnallisia palveluja": a client about to move away). Not when a
 * municipality is asked for beside ("Vain Espoossa tai koko Suomessa":
 * area_only). */
static int read_national_only(const kt_analysis *a, const char *text, const bool *rej,
                              kt__sigset *set, kt_results *res) {
  size_t n = kt_analysis_count(a);
  static const char *const whole[] = {"suomi", "maa", NULL};
  for (size_t i = 0; i < n && !set->area_only && !set->national_only; i++) {
    const kt_token *t = tok(a, i);
    bool national = starts(t, "valtakunnalli") || starts(t, "nationwide") ||
                    (is(t, "koko") && i + 1 < n && is_any(tok(a, i + 1), whole));
    if (rej[i] || !national || !only_near(a, text, i, 6, 0)) continue;
    /* "vain palvelut, jotka saa Keravalla tai valtakunnallisesti": the
     * client's municipality or nationwide ones, as "Vain Espoossa tai koko
     * Suomessa" */
    bool home = false;
    for (size_t k = i > 6 ? i - 6 : 0; k < i && set->municipality; k++)
      for (size_t m = 0; m < sizeof municipalities / sizeof *municipalities && !home; m++)
        home = municipalities[m].forms[0] == set->municipality &&
               is_any(tok(a, k), municipalities[m].forms) && !sentence_between(a, text, k, i);
    if (home) {
      set->area_only = 1;
      break;
    }
    set->national_only = 1;
    int rc = add_signal(res, KT_SIGNAL_MUNICIPALITY, "koko Suomi",
                        kt__msg(set->lang, KT__M_NATIONAL_ONLY), a, i, i);
    if (rc) return rc;
  }
  return KT_OK;
}

/* ---- ways of delivery ----------------------------------------------------- */

static const struct {
  unsigned way;
  const char *code; /* the catalogue's `delivery` code */
  int msg;
} ways[] = {{KT__WAY_FACE, "kasvokkain", KT__M_WAY_FACE},
            {KT__WAY_REMOTE, "etä", KT__M_WAY_REMOTE},
            {KT__WAY_WEB, "verkko", KT__M_WAY_WEB},
            {KT__WAY_PHONE, "puhelin", KT__M_WAY_PHONE}};

/* The way of delivery word @p i names (KT__WAY_*), or 0: by the surface's
 * beginning, so "peruspuhelin" or "älypuhelin" (a phone owned) name none,
 * nor "verkosto" (a network) or "etäisyys" (a distance). */
unsigned kt__signals_way_word(const kt_analysis *a, size_t i) {
  const kt_token *t = tok(a, i);
  static const char *const face[] = {"kasvokkai",    "kasvotuste", "lähitapaami", "lähiopetu",
                                     "face-to-face", "ansikte",    NULL};
  static const char *const remote[] = {"video", "remote", "distans", NULL};
  static const char *const web[] = {
      "verkossa",  "verkkoa",  "verkko", "netissä",    "netti",     "chat",
      "online",    "internet", "nätet",  "viesteillä", "viestitse", "kirjallisesti",
      "sähköpost", "e-post",   "email",  "e-mail",     NULL};
  static const char *const phone[] = {"puhelim",   "puhelin", "puhelu", "phone",
                                      "telephone", "telefon", NULL};
  /* Work, a sale, a game or a scam done that way, or a phone typed into
   * ("vastasi vain kirjoittamalla puhelimeen"), is no way of a service. */
  static const char *const other[] = {"etätyö",      "etätöi",     "puhelinmyy", "puhelimeen",
                                      "puhelinhuij", "nettikasin", "nettipel",   "verkkopel",
                                      "verkkokaup",  "nettikaup",  NULL};
  if (kt__token_starts_any(t, other)) return 0;
  if (kt__token_starts_any(t, face)) return KT__WAY_FACE;
  /* "in person", "face to face" */
  if ((is(t, "person") && i > 0 && is(tok(a, i - 1), "in")) ||
      (is(t, "face") && i + 2 < kt_analysis_count(a) && is(tok(a, i + 1), "to") &&
       is(tok(a, i + 2), "face")))
    return KT__WAY_FACE;
  if ((starts(t, "etä") && !starts(t, "etäis")) || kt__token_starts_any(t, remote))
    return KT__WAY_REMOTE;
  if (kt__token_starts_any(t, web)) return KT__WAY_WEB;
  if (kt__token_starts_any(t, phone)) return KT__WAY_PHONE;
  return 0;
}

static void ask_way(kt__sigset *set, size_t *at, unsigned way, size_t i) {
  for (size_t w = 0; w < sizeof ways / sizeof *ways; w++)
    if (way == ways[w].way && !(set->delivery_only & way)) at[w] = i;
  set->delivery_only |= way;
}

/* A note that asks for services of some ways of delivery alone ("vain
 * etänä tai puhelimessa", "vain palveluja, joita voi käyttää chatissa,
 * viesteillä tai verkossa", "kokonaan verkossa", "online only"): the ways
 * named after "only" in its sentence, up to a negation ("vain kasvokkain,
 * ei puhelimessa") or a "but"; or right before it ("online only"). A way
 * the note refuses counts for none; "ei puhelin-, chat- eikä
 * verkkopalveluja, vain kasvokkain" asks for face to face alone. */
static int read_delivery_only(const kt_analysis *a, const char *text, const bool *rej,
                              kt__sigset *set, kt_results *res) {
  size_t n = kt_analysis_count(a);
  static const char *const whole[] = {"kokonaan", "täysin", "entirely", "fully", NULL};
  static const char *const but[] = {"mutta", "but", "men", NULL};
  size_t at[sizeof ways / sizeof *ways] = {0}; /* a word of each way asked for */
  for (size_t i = 0; i < n; i++) {
    const kt_token *t = tok(a, i);
    bool only = kt__token_only(t), all = is_any(t, whole);
    if (!only && !all) continue;
    size_t last = all ? i + 1 : i + 8;
    for (size_t j = i + 1; j < n && j <= last && !sentence_between(a, text, i, j); j++) {
      const kt_token *u = tok(a, j);
      if (kt__token_negates(u) || is_any(u, but)) break;
      unsigned way = rej[j] ? 0 : kt__signals_way_word(a, j);
      ask_way(set, at, way, j);
      if (way && last < j + 3) last = j + 3; /* a list of ways goes on */
    }
    /* "online only", "by phone only": the way right before, no comma between
     * (English: "vain" comes first, "nettikasinolla vain vähän") */
    if (is(t, "only") && i > 0 && !comma_before(a, text, i) && !rej[i - 1])
      ask_way(set, at, kt__signals_way_word(a, i - 1), i - 1);
  }
  for (size_t w = 0; w < sizeof ways / sizeof *ways; w++) {
    if (!(set->delivery_only & ways[w].way)) continue;
    char label[96];
    snprintf(label, sizeof label, kt__msg(set->lang, KT__M_DELIVERY_ONLY),
             kt__msg(set->lang, ways[w].msg));
    int rc = add_signal(res, KT_SIGNAL_DELIVERY, ways[w].code, label, a, at[w], at[w]);
    if (rc) return rc;
  }
  return KT_OK;
}

/* ---- provider types --------------------------------------------------------- */

static const struct {
  const char *code; /* the catalogue's `provider.type` */
  int msg;
  const char *const *words; /* surface beginnings */
} providers[] = {
    {"kaupunki", KT__M_PROV_CITY, (const char *const[]){"kaupungin", "kunnan", "city", NULL}},
    {"kela", KT__M_PROV_KELA, (const char *const[]){"kela", NULL}},
    {"valtio", KT__M_PROV_STATE, (const char *const[]){"valtion", "state", NULL}},
    {"jarjesto", KT__M_PROV_NGO,
     (const char *const[]){"järjestö", "yhdistys", "yhdistyst", "säätiö", "ngo", NULL}},
    {"seurakunta", KT__M_PROV_CHURCH, (const char *const[]){"seurakun", "parish", NULL}},
    {"oppilaitos", KT__M_PROV_SCHOOL, (const char *const[]){"oppilaito", NULL}},
    {"yritys", KT__M_PROV_FIRM,
     (const char *const[]){"yritysten", "yksityis", "firmojen", "private", NULL}}};

/* A note that asks for services of some providers alone ("vain kaupungin
 * omat palvelut", "Vain Kelan järjestämät tai maksamat palvelut ja
 * etuudet", "vain yksityisten yritysten tarjoamia palveluja"): the
 * providers named after "only" in its sentence, up to a negation ("...: ei
 * järjestöjä, yrityksiä eikä Kelaa"), with a word of a service or of
 * dealing with one there ("palvelut", "etuudet", "asioida"), so "saa vain
 * Kelan yleistukea" is no such. A provider after "other than" is one the
 * note leaves out ("vain muiden kuin kaupungin järjestämät palvelut"). */
static int read_provider_only(const kt_analysis *a, const char *text, const bool *rej,
                              kt__sigset *set, kt_results *res) {
  size_t n = kt_analysis_count(a);
  static const char *const service[] = {"palvelu", "etuu", "service", "tjänst", "asioi", NULL};
  size_t at[sizeof providers / sizeof *providers] = {0};
  for (size_t i = 0; i < n; i++) {
    if (!kt__token_only(tok(a, i))) continue;
    unsigned asked = 0, other = 0;
    bool about_services = false;
    for (size_t k = i > 3 ? i - 3 : 0; k < i; k++)
      about_services |=
          kt__token_starts_any(tok(a, k), service) && !sentence_between(a, text, k, i);
    for (size_t j = i + 1; j < n && j <= i + 8 && !sentence_between(a, text, i, j); j++) {
      const kt_token *u = tok(a, j);
      if (kt__token_negates(u) || kt__token_eika(u)) break;
      about_services |= kt__token_starts_any(u, service);
      bool than = is_any(tok(a, j - 1), (const char *const[]){"kuin", "than", "än", NULL});
      for (size_t p = 0; p < sizeof providers / sizeof *providers && !rej[j]; p++)
        if (kt__token_starts_any(u, providers[p].words) && !((asked | other) & 1u << p))
          *(than ? &other : &asked) |= 1u << p, at[p] = j;
    }
    if (about_services) set->provider_only |= asked, set->provider_not |= other;
  }
  for (size_t p = 0; p < sizeof providers / sizeof *providers; p++) {
    bool left_out = set->provider_not & 1u << p;
    if (!left_out && !(set->provider_only & 1u << p)) continue;
    char label[96], value[32];
    snprintf(label, sizeof label,
             kt__msg(set->lang, left_out ? KT__M_PROVIDER_NOT : KT__M_PROVIDER_ONLY),
             kt__msg(set->lang, providers[p].msg));
    snprintf(value, sizeof value, "%s%s", left_out ? "ei_" : "", providers[p].code);
    int rc = add_signal(res, KT_SIGNAL_PROVIDER, value, label, a, at[p], at[p]);
    if (rc) return rc;
  }
  return KT_OK;
}

/* A note that asks for a service free of charge ("maksuton koulutus",
 * "pitää olla ilmainen", "for free", "gratis"), or for free ones alone
 * when "only" or "wholly" is right before ("vain täysin maksuttomat
 * palvelut", "Haluaa vain maksuttomia palveluja"). Not the verb "ilmaista"
 * (to express: "ilmaisee itseään hyvin"), nor a free thing refused. */
static int read_free(const kt_analysis *a, const char *text, const bool *rej, kt__sigset *set,
                     kt_results *res) {
  size_t n = kt_analysis_count(a), at = 0;
  static const char *const free_words[] = {"maksuton", "ilmainen", "gratis", NULL};
  static const char *const free_starts[] = {"kostnadsfri", "avgiftsfri", NULL};
  static const char *const things[] = {"course",   "courses", "help",        "service", "services",
                                       "training", "therapy", "counselling", "advice",  NULL};
  static const char *const whole[] = {"kokonaan", "täysin", "entirely", "completely", "helt", NULL};
  for (size_t i = 0; i < n; i++) {
    const kt_token *t = tok(a, i);
    if (rej[i]) continue;
    bool free = is_any(t, free_words) || kt__token_starts_any(t, free_starts) ||
                (is(t, "free") &&
                 ((i > 0 && is(tok(a, i - 1), "for")) ||
                  (i + 1 < n && (is(tok(a, i + 1), "of") || is_any(tok(a, i + 1), things)))));
    if (!free) continue;
    int level = 1;
    for (size_t k = i > 2 ? i - 2 : 0; k < i; k++)
      if ((kt__token_only(tok(a, k)) || is_any(tok(a, k), whole)) &&
          !sentence_between(a, text, k, i))
        level = 2;
    if (level > set->free_wished) set->free_wished = level, at = i;
  }
  if (!set->free_wished) return KT_OK;
  bool only = set->free_wished == 2;
  return add_signal(res, KT_SIGNAL_FEE, only ? "vain_maksuton" : "maksuton",
                    kt__msg(set->lang, only ? KT__M_FREE_ONLY : KT__M_FREE), a, at, at);
}

int kt__signals_read(const kt_analysis *a, const char *text, const bool *rejected, int lang,
                     kt__sigset *set, kt_results *res) {
  memset(set, 0, sizeof *set);
  set->lang = lang;
  set->age_lo = set->age_hi = -1;
  if (!kt_analysis_count(a)) return KT_OK;
  int rc = read_age(a, text, rejected, set, res);
  /* An age band is a target group too. */
  if (!rc && set->age_lo >= 0 && set->age_hi <= 29)
    rc = kt__signals_add_group(set, res, "nuoret", a, set->age_first, set->age_last);
  else if (!rc && set->age_lo >= 55)
    rc = kt__signals_add_group(set, res, "ikaantyneet", a, set->age_first, set->age_last);
  if (!rc) rc = read_unemployment(a, text, rejected, set, res);
  if (!rc) rc = read_language(a, text, rejected, set, res);
  if (!rc) rc = read_municipality(a, text, rejected, set, res);
  if (!rc) rc = read_national_only(a, text, rejected, set, res);
  if (!rc) rc = read_employer(a, rejected, set, res);
  if (!rc) rc = read_delivery_only(a, text, rejected, set, res);
  if (!rc) rc = read_free(a, text, rejected, set, res);
  if (!rc) rc = read_provider_only(a, text, rejected, set, res);
  if (!rc) read_gender(a, set);
  if (!rc) read_child(a, rejected, set);
  read_native_swedish(a, text, set);
  return rc;
}

/* ---- effects on a service ------------------------------------------------ */

bool kt__in_list(const char *list, const char *item) {
  size_t l = strlen(item);
  for (const char *p = list; p && *p;) {
    const char *c = strchr(p, ',');
    size_t n = c ? (size_t)(c - p) : strlen(p);
    if (n == l && !strncmp(p, item, l)) return true;
    p = c ? c + 1 : NULL;
  }
  return false;
}

/* Is every item of the comma-separated @p list in @p set? */
static bool all_in(const char *list, const char *const *set) {
  for (const char *p = list; p && *p;) {
    const char *c = strchr(p, ',');
    size_t n = c ? (size_t)(c - p) : strlen(p);
    bool found = false;
    for (size_t i = 0; set[i] && !found; i++)
      found = strlen(set[i]) == n && !strncmp(p, set[i], n);
    if (!found) return false;
    p = c ? c + 1 : NULL;
  }
  return true;
}

typedef struct effects {
  kt__arena *arena;
  kt_effect *out;
  size_t n, max;
  double factor;
} effects;

static void effect(effects *e, double factor, const char *signal, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void effect(effects *e, double factor, const char *signal, const char *fmt, ...) {
  e->factor *= factor;
  if (e->n == e->max) return;
  char reason[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(reason, sizeof reason, fmt, ap);
  va_end(ap);
  kt_effect *x = &e->out[e->n];
  x->signal = kt__arena_strdup(e->arena, signal);
  x->reason = kt__arena_strdup(e->arena, reason);
  x->factor = factor;
  if (x->signal && x->reason) e->n++;
}

/* Append @p item to the comma-separated list in @p buf (@p size bytes). */
static void append_item(char *buf, size_t size, const char *item) {
  size_t len = strlen(buf);
  snprintf(buf + len, size - len, "%s%s", len ? ", " : "", item);
}

/* An effect whose signal is @p fmt ("asiointi vain: %s") of the items
 * asked for, @p items. */
static void effect_of_list(effects *e, double factor, const char *fmt, const char *items,
                           const char *reason) {
  char label[224];
  snprintf(label, sizeof label, fmt, items);
  effect(e, factor, label, "%s", reason);
}

/* Effect strengths are in the ranking table (ranking.h): a demotion for
 * ineligibility is strong (the service is not for this client), a boost for
 * fit is mild (it only orders services the need text already matched). */
size_t kt__signals_apply(const kt__sigset *set, const kt__doc *f, const kt__ranking *rank,
                         kt__arena *arena, kt_effect *out, size_t max, double *factor) {
  const double DEMOTE_ELIGIBILITY = rank->demote_eligibility,
               DEMOTE_LANGUAGE = rank->demote_language, DEMOTE_AREA = rank->demote_area,
               BOOST_FIT = rank->boost_fit;
  effects e = {arena, out, 0, max, 1.0};
  const int L = set->lang;
  const char *groups = f->f[KT__D_GROUPS], *langs = f->f[KT__D_LANGS], *munis = f->f[KT__D_MUNIS];
  static const char *const levels[] = {"", "A1", "A2", "B1", "B2", "C1", "C2"};
  char sig[64];
  if (set->age_lo >= 0) {
    if (set->age_lo == set->age_hi)
      snprintf(sig, sizeof sig, kt__msg(L, KT__M_AGE), set->age_lo);
    else if (set->age_hi >= 99)
      snprintf(sig, sizeof sig, kt__msg(L, KT__M_AGE_OVER), set->age_lo - 1);
    else
      snprintf(sig, sizeof sig, kt__msg(L, KT__M_AGE_UNDER), set->age_hi + 1);
    if (f->age_min >= 0 && set->age_hi < f->age_min)
      effect(&e, DEMOTE_ELIGIBILITY, sig, kt__msg(L, KT__M_R_AGE_MIN), f->age_min);
    else if (f->age_max >= 0 && set->age_lo > f->age_max)
      effect(&e, DEMOTE_ELIGIBILITY, sig, kt__msg(L, KT__M_R_AGE_MAX), f->age_max);
    else if (f->age_max >= 0 && f->age_max <= 35)
      effect(&e, BOOST_FIT, sig, kt__msg(L, KT__M_R_AGE_FITS_MAX), f->age_max);
    else if (f->age_min >= 50)
      effect(&e, BOOST_FIT, sig, kt__msg(L, KT__M_R_AGE_FITS_MIN), f->age_min);
  }
  if ((set->no_finnish || set->basic_finnish) && f->finnish_level >= 3 && f->finnish_level <= 6) {
    bool other =
        (set->lang_en && kt__in_list(langs, "en")) || (set->lang_sv && kt__in_list(langs, "sv"));
    if (!other)
      effect(&e, DEMOTE_LANGUAGE,
             kt__msg(L, set->no_finnish ? KT__M_NO_FINNISH : KT__M_BASIC_FINNISH),
             kt__msg(L, KT__M_R_NEEDS_FINNISH), levels[f->finnish_level]);
  }
  if (set->lang_en && kt__in_list(langs, "en"))
    effect(&e, BOOST_FIT, kt__msg(L, KT__M_WANTS_EN), "%s", kt__msg(L, KT__M_R_HAS_EN));
  /* A note that asks for services in one language only ("Asioi vain
   * ruotsiksi"): a service not given in it is closed to the client, as one
   * of another municipality to a note that asks for its own only. */
  if (set->lang_only && !kt__in_list(langs, set->lang_only)) {
    bool sv = !strcmp(set->lang_only, "sv");
    effect(&e, rank->demote_lang_only, kt__msg(L, sv ? KT__M_WANTS_SV : KT__M_WANTS_EN), "%s",
           kt__msg(L, sv ? KT__M_R_NO_SV : KT__M_R_NO_EN));
  }
  /* ... and so for a note that asks for some ways of delivery alone: a
   * service given none of them is closed to the client. "Remotely" is any
   * way but face to face; "online" takes a remote meeting too (the
   * catalogue codes a chat so: "koulutus-ja-uraneuvonta-chat"). A service
   * whose ways the catalogue does not give is not judged. */
  const char *deliv = f->f[KT__D_DELIVERY];
  if (set->delivery_only && deliv && *deliv) {
    unsigned ok = 0;
    if (set->delivery_only & KT__WAY_FACE) ok |= KT__WAY_FACE;
    if (set->delivery_only & KT__WAY_REMOTE) ok |= KT__WAY_REMOTE | KT__WAY_WEB | KT__WAY_PHONE;
    if (set->delivery_only & KT__WAY_WEB) ok |= KT__WAY_WEB | KT__WAY_REMOTE;
    if (set->delivery_only & KT__WAY_PHONE) ok |= KT__WAY_PHONE;
    bool given = false;
    for (size_t w = 0; w < sizeof ways / sizeof *ways; w++)
      given |= (ok & ways[w].way) && kt__in_list(deliv, ways[w].code);
    if (!given) { /* the label only for a service it closes */
      char asked[160] = "";
      for (size_t w = 0; w < sizeof ways / sizeof *ways; w++)
        if (set->delivery_only & ways[w].way)
          append_item(asked, sizeof asked, kt__msg(L, ways[w].msg));
      effect_of_list(&e, rank->demote_delivery_only, kt__msg(L, KT__M_DELIVERY_ONLY), asked,
                     kt__msg(L, KT__M_R_NO_DELIVERY));
    }
  }
  /* ... and for some providers alone: another's service is closed. */
  const char *ptype = f->f[KT__D_PTYPE];
  for (size_t p = 0; set->provider_not && ptype && p < sizeof providers / sizeof *providers; p++)
    if (set->provider_not & 1u << p && !strcmp(ptype, providers[p].code)) {
      effect_of_list(&e, rank->demote_provider_only, kt__msg(L, KT__M_PROVIDER_NOT),
                     kt__msg(L, providers[p].msg), kt__msg(L, KT__M_R_OTHER_PROVIDER));
    }
  if (set->provider_only && ptype && *ptype) {
    bool given = false;
    for (size_t p = 0; p < sizeof providers / sizeof *providers; p++)
      given |= (set->provider_only & 1u << p) && !strcmp(ptype, providers[p].code);
    if (!given) {
      char asked[160] = "";
      for (size_t p = 0; p < sizeof providers / sizeof *providers; p++)
        if (set->provider_only & 1u << p)
          append_item(asked, sizeof asked, kt__msg(L, providers[p].msg));
      effect_of_list(&e, rank->demote_provider_only, kt__msg(L, KT__M_PROVIDER_ONLY), asked,
                     kt__msg(L, KT__M_R_OTHER_PROVIDER));
    }
  }
  /* A service the client pays for is closed to one who asks for free ones
   * ("pitää olla maksuton": a psychotherapy with its own share); one free
   * for some clients or in part ("osittain": JOTPA's courses, the health
   * station) to one who asks for free ones alone. */
  const char *fee = f->f[KT__D_FEE];
  if (set->free_wished && fee && !strcmp(fee, "maksullinen"))
    effect(&e, rank->demote_paid, kt__msg(L, set->free_wished == 2 ? KT__M_FREE_ONLY : KT__M_FREE),
           "%s", kt__msg(L, KT__M_R_FEE_PAID));
  else if (set->free_wished == 2 && fee && !strcmp(fee, "osittain"))
    effect(&e, rank->demote_paid, kt__msg(L, KT__M_FREE_ONLY), "%s", kt__msg(L, KT__M_R_FEE_PART));
  if (set->lang_sv && kt__in_list(langs, "sv"))
    effect(&e, BOOST_FIT, kt__msg(L, KT__M_WANTS_SV), "%s", kt__msg(L, KT__M_R_HAS_SV));
  /* A service given only in Swedish is for a client the note shows to be
   * served in Swedish (Prakticum for a Finnish note on vocational school). */
  else if (kt__in_list(langs, "sv") && !kt__in_list(langs, "fi") &&
           !(set->lang_en && kt__in_list(langs, "en")))
    effect(&e, DEMOTE_LANGUAGE, kt__msg(L, KT__M_NO_SWEDISH), "%s", kt__msg(L, KT__M_R_SV_ONLY));
  size_t boosts = 0;
  for (size_t i = 0; i < set->ngroups && boosts < 2; i++)
    if (kt__in_list(groups, set->groups[i])) {
      const char *label = kt__target_group_label(L, set->groups[i]);
      snprintf(sig, sizeof sig, kt__msg(L, KT__M_GROUP), label);
      effect(&e, BOOST_FIT, sig, kt__msg(L, KT__M_R_FOR_GROUP), label);
      boosts++;
    }
  /* A service made for immigrants (an integration service, or immigrants
   * its only group) is not for a client the note gives no sign of being
   * one: no immigrant's need (past included: "muutti Suomeen 2015"), no
   * weak Finnish, not written in English. "kotiäitinä 8 vuotta" does not
   * ask for the Finnish course for mothers at home. */
  const char *cat = f->f[KT__D_CAT];
  /* ... or named for them ("Yrittäjyysneuvonta maahanmuuttajille"), whatever
   * its other groups. */
  const char *name = f->f[KT__D_NAME];
  /* (Immigrant women are immigrants too: Monika-Naiset.) */
  static const char *const migrant_women[] = {"maahanmuuttajat", "naiset", NULL};
  bool for_migrants =
      (cat && !strcmp(cat, "kotoutuminen")) ||
      (groups && kt__in_list(groups, "maahanmuuttajat") && all_in(groups, migrant_women)) ||
      (name && (strstr(name, "maahanmuutta") || strstr(name, "maahan muutta")));
  bool migrant = set->migrated || set->no_finnish || set->basic_finnish || set->lang_en ||
                 kt__signals_signalled(set, "maahanmuuttajat");
  if (for_migrants && !migrant && rank->demote_migrant_only < 1.0)
    effect(&e, rank->demote_migrant_only, kt__msg(L, KT__M_TARGET_GROUP), "%s",
           kt__msg(L, KT__M_R_MIGRANT_ONLY));
  /* So for a service only for people recovering from substance use or
   * with a criminal record (Sininauha, Krits, AA): a note without a sign of
   * either ("Ei päihdetaustaa eikä rikosrekisteriä") asks for no such. */
  if (groups && *groups && rank->demote_problem_group_only < 1.0 &&
      all_in(groups, problem_groups) && !set->problem_past &&
      !kt__signals_signalled(set, "paihdekuntoutujat") &&
      !kt__signals_signalled(set, "rikostaustaiset"))
    effect(&e, rank->demote_problem_group_only, kt__msg(L, KT__M_TARGET_GROUP), "%s",
           kt__msg(L, KT__M_R_PROBLEM_GROUP_ONLY));
  /* A service for women only (women its group and no parents' or others'
   * group beyond immigrants and the long-term unemployed: Naisten Linja,
   * Monika-Naiset) is not for a man ("Mies 48v, vaimo lyönyt": a man who
   * meets violence has services of his own). */
  static const char *const women_groups[] = {"naiset", "maahanmuuttajat", "pitkaaikaistyottomat",
                                             NULL};
  if (set->male && groups && kt__in_list(groups, "naiset") && all_in(groups, women_groups) &&
      rank->demote_women_only < 1.0)
    effect(&e, rank->demote_women_only, kt__msg(L, KT__M_TARGET_GROUP), "%s",
           kt__msg(L, KT__M_R_WOMEN_ONLY));
  /* So for a service only for entrepreneurs and those starting out
   * ("Yrittäjän talousapu"): a note about debts gives no sign of a firm. */
  if (groups && !strcmp(groups, "yrittajiksi_aikovat") &&
      !kt__signals_signalled(set, "yrittajiksi_aikovat") && !set->founder &&
      rank->demote_founder_only < 1.0)
    effect(&e, rank->demote_founder_only, kt__msg(L, KT__M_TARGET_GROUP), "%s",
           kt__msg(L, KT__M_R_FOUNDER_ONLY));
  /* So for a service only for parents (their one group, immigrant parents
   * beside: a family café, a playground's family activities, a day-care
   * place for the job search): a note that names no child and no parent's
   * need asks for none (a man alone at home with a bad back, "haluaisi
   * päiviin rytmiä ja seuraa", had had the family café first). */
  static const char *const parent_groups[] = {"vanhemmat", "maahanmuuttajat", NULL};
  if (groups && kt__in_list(groups, "vanhemmat") && all_in(groups, parent_groups) &&
      !kt__signals_signalled(set, "vanhemmat") && !set->child && rank->demote_parents_only < 1.0)
    effect(&e, rank->demote_parents_only, kt__msg(L, KT__M_TARGET_GROUP), "%s",
           kt__msg(L, KT__M_R_PARENTS_ONLY));
  /* A service for jobseekers, when the client is an employer ("Pienen
   * ravintolan omistaja soittaa. Haluaisi palkata ..."): the employer's
   * services come first; the jobseeker's stay findable for the person to be
   * hired. */
  if (set->employer_asks && !kt__in_list(groups, "tyonantajat") &&
      !(cat && !strcmp(cat, "tyonantajat")) && rank->demote_jobseeker_only < 1.0)
    effect(&e, rank->demote_jobseeker_only, kt__msg(L, KT__M_TARGET_GROUP), "%s",
           kt__msg(L, KT__M_R_EMPLOYER_ASKS));
  /* Training for a client who refuses to study ("ei halua enää kouluun"):
   * it stays findable, below what the client does want. */
  if (set->refuses_study && ((cat && !strcmp(cat, "koulutus")) || study_service(f)) &&
      rank->demote_refused_study < 1.0)
    effect(&e, rank->demote_refused_study, kt__msg(L, KT__M_REFUSES_STUDY), "%s",
           kt__msg(L, KT__M_R_TRAINING));
  /* Services for founding a firm, for a client who refuses to be an
   * entrepreneur again ("ei missään nimessä enää yrittäjäksi"). */
  if (set->refuses_founding && cat && !strcmp(cat, "yrittajyys") &&
      rank->demote_refused_study < 1.0)
    effect(&e, rank->demote_refused_study, kt__msg(L, KT__M_REFUSES_FOUNDING), "%s",
           kt__msg(L, KT__M_R_FOUNDING));
  /* A service only for the young (at most 29) is not for a client whose
   * note gives no age and no sign of youth (the young target group, which
   * school, study or youth words signal): "vuokrarästejä, pelkää häätöä"
   * does not ask for youth social work. */
  bool young = set->age_lo >= 0 || kt__signals_signalled(set, "nuoret");
  if (!young && f->age_max >= 0 && f->age_max <= 29 && rank->demote_youth_only < 1.0)
    effect(&e, rank->demote_youth_only, kt__msg(L, KT__M_AGE_UNKNOWN),
           kt__msg(L, KT__M_R_YOUTH_ONLY), f->age_max);
  if (set->municipality && !kt__in_list(munis, "koko suomi") && munis && *munis &&
      !kt__in_list(munis, set->municipality)) {
    char m[96], name[64];
    snprintf(name, sizeof name, "%c%s", set->municipality[0] - 32, set->municipality + 1);
    snprintf(m, sizeof m, kt__msg(L, KT__M_MUNICIPALITY), name);
    effect(&e, set->area_only || set->national_only ? rank->demote_area_only : DEMOTE_AREA, m,
           kt__msg(L, KT__M_R_ONLY_IN), munis);
  }
  /* A note that asks for services across Finland alone: one of a few
   * municipalities, the client's own included, is closed. */
  else if (set->national_only && munis && *munis && !kt__in_list(munis, "koko suomi"))
    effect(&e, rank->demote_area_only, kt__msg(L, KT__M_NATIONAL_ONLY), kt__msg(L, KT__M_R_ONLY_IN),
           munis);
  /* A service of the client's own municipality and not nationwide ("Espoon
   * työllisyysalue" for an Espoo client, "Vantaan ja Keravan työllisyysalue"
   * for a Kerava one), where few are: made for where the client lives. Where
   * most services are the municipality's (Helsinki in the bundled catalogue),
   * it tells nothing. */
  else if (set->municipality && set->own_area_rare && munis && *munis &&
           !kt__in_list(munis, "koko suomi") && kt__in_list(munis, set->municipality)) {
    char m[96], name[64];
    snprintf(name, sizeof name, "%c%s", set->municipality[0] - 32, set->municipality + 1);
    snprintf(m, sizeof m, kt__msg(L, KT__M_MUNICIPALITY), name);
    effect(&e, BOOST_FIT, m, kt__msg(L, KT__M_R_ONLY_IN), munis);
  }
  /* The note asks only for services made for one group ("Vain palvelut,
   * jotka on tarkoitettu nimenomaan ikääntyneille"): one for everyone, or
   * for another group, stays findable below those made for it. */
  if (set->group_only && !kt__in_list(groups, set->group_only) && rank->demote_group_only < 1.0) {
    const char *label = kt__target_group_label(L, set->group_only);
    snprintf(sig, sizeof sig, kt__msg(L, KT__M_GROUP), label);
    effect(&e, rank->demote_group_only, sig, kt__msg(L, KT__M_R_NOT_FOR_GROUP), label);
  }
  *factor = e.factor;
  return e.n;
}

/* ---- the counsellor's corrections ----------------------------------------- */

static const char *const kind_names[] = {NULL,           "age",          "language",
                                         "target_group", "unemployment", "municipality",
                                         "delivery",     "provider",     "fee"};
/* Drop listed signals of @p kind (all of them for a NULL @p value). */
static void drop_signals(kt_results *res, int kind, const char *value) {
  size_t w = 0;
  for (size_t i = 0; i < res->nsignals; i++) {
    const kt_signal *s = &res->signals[i];
    if (s->kind == kind && (!value || !strcmp(s->value, value))) continue;
    res->signals[w++] = *s;
  }
  res->nsignals = w;
}

/* List a signal the counsellor set: no span in the text. */
static int add_set_signal(const kt__sigset *set, kt_results *res, int kind, const char *value,
                          const char *label) {
  drop_signals(res, kind, value);
  char full[200];
  snprintf(full, sizeof full, "%s%s", label, kt__msg(set->lang, KT__M_SET_BY));
  if (res->nsignals % 16 == 0) {
    kt_signal *ns = kt__arena_alloc(&res->arena, (res->nsignals + 16) * sizeof *ns);
    if (!ns) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    if (res->nsignals) memcpy(ns, res->signals, res->nsignals * sizeof *ns);
    res->signals = ns;
  }
  kt_signal *s = &res->signals[res->nsignals];
  s->kind = kind;
  s->value = kt__arena_strdup(&res->arena, value);
  s->label = kt__arena_strdup(&res->arena, full);
  s->span.start = s->span.end = 0;
  if (!s->value || !s->label) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  res->nsignals++;
  return KT_OK;
}

static void drop_group(kt__sigset *set, kt_results *res, const char *group) {
  size_t w = 0;
  for (size_t i = 0; i < set->ngroups; i++)
    if (group && strcmp(set->groups[i], group)) set->groups[w++] = set->groups[i];
  set->ngroups = w;
  drop_signals(res, KT_SIGNAL_TARGET_GROUP, group);
}

static int add_set_group(kt__sigset *set, kt_results *res, const char *group) {
  if (!kt__target_group_known(group))
    return kt__err(KT_EINVAL, "unknown target group '%.64s'", group);
  if (!kt__signals_signalled(set, group) && set->ngroups < sizeof set->groups / sizeof *set->groups)
    set->groups[set->ngroups++] = group;
  char label[160];
  snprintf(label, sizeof label, kt__msg(set->lang, KT__M_GROUP),
           kt__target_group_label(set->lang, group));
  return add_set_signal(set, res, KT_SIGNAL_TARGET_GROUP, group, label);
}

/* Forget the age read, with the age band's target group read from the same words. */
static void drop_age(kt__sigset *set, kt_results *res) {
  kt_span spans[8];
  size_t n = 0;
  for (size_t i = 0; i < res->nsignals && n < 8; i++)
    if (res->signals[i].kind == KT_SIGNAL_AGE && res->signals[i].span.end > 0)
      spans[n++] = res->signals[i].span;
  for (size_t k = 0; k < res->nsignals;) {
    const kt_signal *g = &res->signals[k];
    bool band = false;
    for (size_t j = 0; j < n && g->kind == KT_SIGNAL_TARGET_GROUP; j++)
      band |= g->span.start == spans[j].start && g->span.end == spans[j].end;
    if (band)
      drop_group(set, res, g->value); /* the list shrinks: look at k again */
    else
      k++;
  }
  set->age_lo = set->age_hi = -1;
  drop_signals(res, KT_SIGNAL_AGE, NULL);
}

static int language_bit(kt__sigset *set, const char *v, int **bit, const char **label) {
  if (!strcmp(v, "no_finnish"))
    *bit = &set->no_finnish, *label = kt__msg(set->lang, KT__M_NO_FINNISH);
  else if (!strcmp(v, "finnish_basic"))
    *bit = &set->basic_finnish, *label = kt__msg(set->lang, KT__M_BASIC_FINNISH);
  else if (!strcmp(v, "en"))
    *bit = &set->lang_en, *label = kt__msg(set->lang, KT__M_WANTS_EN);
  else if (!strcmp(v, "sv"))
    *bit = &set->lang_sv, *label = kt__msg(set->lang, KT__M_WANTS_SV);
  else
    return kt__err(KT_EINVAL, "unknown language signal '%.32s'", v);
  return KT_OK;
}

static int remove_one(kt__sigset *set, kt_results *res, const char *item) {
  const char *colon = item ? strchr(item, ':') : NULL;
  if (!colon)
    return kt__err(KT_EINVAL, "a removed signal is \"kind:value\", not '%.64s'",
                   item ? item : "(null)");
  int kind = 0;
  for (int k = 1; k <= KT_SIGNAL_FEE; k++)
    if (strlen(kind_names[k]) == (size_t)(colon - item) &&
        !strncmp(item, kind_names[k], (size_t)(colon - item)))
      kind = k;
  const char *value = !strcmp(colon + 1, "*") ? NULL : colon + 1;
  int *bit;
  const char *label;
  switch (kind) {
  case KT_SIGNAL_AGE: drop_age(set, res); break;
  case KT_SIGNAL_UNEMPLOYMENT:
    set->long_unemployed = 0;
    drop_signals(res, kind, NULL);
    break;
  case KT_SIGNAL_MUNICIPALITY:
    set->municipality = NULL;
    set->national_only = 0;
    drop_signals(res, kind, NULL);
    break;
  case KT_SIGNAL_TARGET_GROUP: drop_group(set, res, value); break;
  case KT_SIGNAL_DELIVERY:
    for (size_t w = 0; w < sizeof ways / sizeof *ways; w++)
      if (!value || !strcmp(value, ways[w].code)) set->delivery_only &= ~ways[w].way;
    drop_signals(res, kind, value);
    break;
  case KT_SIGNAL_LANGUAGE:
    if (!value) {
      set->no_finnish = set->basic_finnish = set->lang_en = set->lang_sv = 0;
    } else {
      if (language_bit(set, value, &bit, &label)) return KT_EINVAL;
      *bit = 0;
    }
    drop_signals(res, kind, value);
    break;
  case KT_SIGNAL_PROVIDER:
    for (size_t p = 0; p < sizeof providers / sizeof *providers; p++)
      if (!value || !strcmp(value, providers[p].code))
        set->provider_only &= ~(1u << p);
      else if (!strncmp(value, "ei_", 3) && !strcmp(value + 3, providers[p].code))
        set->provider_not &= ~(1u << p);
    if (!value) set->provider_not = 0;
    drop_signals(res, kind, value);
    break;
  case KT_SIGNAL_FEE:
    set->free_wished = 0;
    drop_signals(res, kind, NULL);
    break;
  default: return kt__err(KT_EINVAL, "unknown signal kind in '%.64s'", item);
  }
  return KT_OK;
}

int kt__signals_correct(kt__sigset *set, kt_results *res, const kt_search_options *o) {
  const kt_strlist *rm = &o->signals_removed, *add = &o->client_groups;
  if ((rm->count && !rm->items) || (add->count && !add->items))
    return kt__err(KT_EINVAL, "kt_search_options: a correction list has no items");
  int rc = KT_OK;
  for (size_t i = 0; i < rm->count && !rc; i++)
    rc = remove_one(set, res, rm->items[i]);
  if (!rc && o->client_age) {
    char *end;
    long age = strtol(o->client_age, &end, 10);
    if (!*o->client_age || *end || age < 0 || age > 120)
      return kt__err(KT_EINVAL, "client_age must be a whole number from 0 to 120, not '%.16s'",
                     o->client_age);
    drop_age(set, res);
    set->age_lo = set->age_hi = (int)age;
    char value[8], label[32];
    snprintf(value, sizeof value, "%ld", age);
    snprintf(label, sizeof label, kt__msg(set->lang, KT__M_AGE), (int)age);
    rc = add_set_signal(set, res, KT_SIGNAL_AGE, value, label);
    if (!rc && age <= 29)
      rc = add_set_group(set, res, "nuoret");
    else if (!rc && age >= 55)
      rc = add_set_group(set, res, "ikaantyneet");
  }
  if (!rc && o->client_language) {
    int *bit;
    const char *label;
    if (language_bit(set, o->client_language, &bit, &label)) return KT_EINVAL;
    set->no_finnish = set->basic_finnish = set->lang_en = set->lang_sv = 0;
    drop_signals(res, KT_SIGNAL_LANGUAGE, NULL);
    *bit = 1;
    rc = add_set_signal(set, res, KT_SIGNAL_LANGUAGE, o->client_language, label);
  }
  if (!rc && o->client_municipality) {
    const char *m = o->client_municipality;
    if (!*m || strlen(m) > 100 || !kt__utf8_valid(m, strlen(m), NULL))
      return kt__err(KT_EINVAL, "client_municipality must be a name of 1-100 bytes of UTF-8");
    char *folded = kt__casefold(m);
    set->municipality = folded ? kt__arena_strdup(&res->arena, folded) : NULL;
    free(folded);
    if (!set->municipality) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    drop_signals(res, KT_SIGNAL_MUNICIPALITY, NULL);
    char label[160];
    snprintf(label, sizeof label, kt__msg(set->lang, KT__M_MUNICIPALITY), m);
    rc = add_set_signal(set, res, KT_SIGNAL_MUNICIPALITY, m, label);
  }
  for (size_t i = 0; i < add->count && !rc; i++)
    rc = add_set_group(set, res, add->items[i] ? add->items[i] : "");
  return rc;
}
