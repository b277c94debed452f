/*
 * ranking.c — the ranking's behaviours on the bundled catalogue, pinned with
 * concrete need texts: thesaurus bridging, need signals and their effects,
 * negated wishes, typos, Swedish/English needs, explanations, snippets,
 * grouping by need and spreading over needs. Asserts behaviour, not metric
 * values.
 */
#define _GNU_SOURCE
#include "engine.h"
#include "fixture.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static kt_results *search_flags(kt_engine *e, const char *text, unsigned flags) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.flags = flags;
  return kt_test_search(e, text, &o);
}

static const kt_signal *find_signal(const kt_results *r, int kind, const char *value) {
  for (size_t i = 0; i < kt_results_signal_count(r); i++) {
    const kt_signal *s = kt_results_signal(r, i);
    if (s->kind == kind && (!value || !strcmp(s->value, value))) return s;
  }
  return NULL;
}

static const kt_effect *demotion(const kt_result *x) {
  for (size_t k = 0; k < x->effect_count; k++)
    if (x->effects[k].factor < 1) return &x->effects[k];
  return NULL;
}

static const kt_result *result(const kt_results *r, const char *id) {
  int k = kt_test_rank(r, id);
  return k >= 0 ? kt_results_get(r, (size_t)k) : NULL;
}

Test(ranking, thesaurus_bridges_client_words_to_service_words) {
  kt_engine *e = kt_fixture_engine();
  const char *text = "velat kasassa, ulosotto ja laskut rästissä";
  kt_results *with = search_flags(e, text, 0);
  kt_results *without = search_flags(e, text, KT_SEARCH_NO_THESAURUS);
  int rw = kt_test_rank(with, "talous-ja-velkaneuvonta");
  int ro = kt_test_rank(without, "talous-ja-velkaneuvonta");
  cr_assert(rw >= 0 && rw < 3, "velkaneuvonta at %d with the thesaurus", rw);
  cr_assert(ro < 0 || ro >= rw, "the thesaurus did not help: %d -> %d", ro, rw);
  /* The explanation names the concept the client words found. */
  const kt_result *x = kt_results_get(with, (size_t)rw);
  bool concept = false;
  for (size_t k = 0; k < x->match_count; k++)
  concept |= x->matches[k].concept != NULL;
  cr_assert(concept, "no match came through a concept");
  cr_assert(kt_results_need_count(with) > 0);
  kt_results_free(with);
  kt_results_free(without);
  kt_engine_close(e);
}

Test(ranking, an_expansion_never_outranks_an_exact_name_match) {
  kt_engine *e = kt_fixture_engine();
  /* "starttiraha" is a service's name; the thesaurus also expands it. */
  kt_results *r = search_flags(e, "starttiraha", 0);
  cr_assert_eq(kt_test_rank(r, "starttiraha"), 0, "first was %s",
               kt_results_count(r) ? kt_results_get(r, 0)->id : "-");
  kt_results_free(r);
  kt_engine_close(e);
}

Test(ranking, age_signal_demotes_services_the_client_is_too_young_for) {
  kt_engine *e = kt_fixture_engine();
  const char *need = "19-vuotias, työnhakuvalmennus ja palkkatuki kiinnostaa";
  kt_search_options deep = KT_SEARCH_OPTIONS_INIT;
  deep.limit = 100; /* far enough down to see where the 55+ service went */
  kt_results *r = kt_test_search(e, need, &deep);
  const kt_signal *s = find_signal(r, KT_SIGNAL_AGE, "19");
  cr_assert_not_null(s, "no age signal");
  cr_assert_eq(s->span.start, 0);
  const kt_result *first = kt_results_get(r, 0);
  cr_assert_not_null(first);
  cr_assert(strcmp(first->id, "tyonhakuvalmennus-55-plus") &&
                strcmp(first->id, "tyollistamistuki-55"),
            "a 55+ service is first for a 19-year-old");
  const kt_result *old = result(r, "tyonhakuvalmennus-55-plus");
  cr_assert_not_null(old, "the 55+ service is not among 100 results");
  const kt_effect *d = demotion(old);
  cr_assert_not_null(d, "the 55+ service shows no demotion");
  cr_assert(strstr(d->reason, "55"), "reason: %s", d->reason);
  /* ... and it ranks lower than it would without the age signal. */
  deep.flags = KT_SEARCH_NO_SIGNALS;
  kt_results *plain = kt_test_search(e, need, &deep);
  cr_assert_gt(kt_test_rank(r, "tyonhakuvalmennus-55-plus"),
               kt_test_rank(plain, "tyonhakuvalmennus-55-plus"), "the demotion moved nothing");
  kt_results_free(plain);
  kt_results_free(r);
  /* A 58-year-old: the same service is not demoted. */
  r = search_flags(e, "58v työnhakuvalmennus", 0);
  cr_assert_not_null(find_signal(r, KT_SIGNAL_AGE, "58"));
  old = result(r, "tyonhakuvalmennus-55-plus");
  cr_assert_not_null(old);
  cr_assert_null(demotion(old));
  kt_results_free(r);
  kt_engine_close(e);
}

Test(ranking, no_finnish_demotes_services_that_require_b1) {
  kt_engine *e = kt_fixture_engine();
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 100;
  kt_results *r = kt_test_search(e, "ei puhu suomea, haluaa työnhakuvalmennukseen", &o);
  cr_assert_not_null(find_signal(r, KT_SIGNAL_LANGUAGE, "no_finnish"));
  const kt_result *b1 = result(r, "tyonhakuvalmennus"); /* needs B1 */
  cr_assert_not_null(b1);
  const kt_effect *d = demotion(b1);
  cr_assert_not_null(d);
  cr_assert(strstr(d->reason, "B1"), "reason: %s", d->reason);
  cr_assert_neq(kt_test_rank(r, "tyonhakuvalmennus"), 0,
                "a B1 service is first for a client with no Finnish");
  kt_results_free(r);
  kt_engine_close(e);
}

Test(ranking, negated_wish_does_not_count_as_the_wish) {
  kt_engine *e = kt_fixture_engine();
  kt_results *neg = search_flags(e, "ei halua oppisopimukseen, haluaa töihin heti", 0);
  kt_results *pos = search_flags(e, "haluaa oppisopimukseen", 0);
  /* The wish finds the apprenticeship concept; its negation does not. */
  bool pos_found = false, neg_found = false;
  for (size_t i = 0; i < kt_results_need_count(pos); i++)
    pos_found |= strstr(kt_results_need(pos, i)->id, "oppisopimus") != NULL;
  for (size_t i = 0; i < kt_results_need_count(neg); i++)
    neg_found |= strstr(kt_results_need(neg, i)->id, "oppisopimus") != NULL;
  cr_assert(pos_found, "'haluaa oppisopimukseen' found no apprenticeship need");
  cr_assert_not(neg_found, "'ei halua oppisopimukseen' found an apprenticeship need");
  /* And the negated word matches nothing. */
  for (size_t i = 0; i < kt_results_count(neg); i++) {
    const kt_result *x = kt_results_get(neg, i);
    for (size_t k = 0; k < x->match_count; k++)
      cr_assert_null(strstr(x->matches[k].word, "oppisopimukseen"), "%s matched the negated word",
                     x->id);
  }
  cr_assert_neq(kt_test_rank(pos, "oppisopimuskoulutus"), -1, "the wish did not find the service");
  kt_results_free(neg);
  kt_results_free(pos);
  kt_engine_close(e);
}

Test(ranking, no_finnish_is_not_read_as_speaking_finnish) {
  kt_engine *e = kt_fixture_engine();
  kt_results *r = search_flags(e, "ei puhu suomea", 0);
  cr_assert_not_null(find_signal(r, KT_SIGNAL_LANGUAGE, "no_finnish"));
  cr_assert_not_null(find_signal(r, KT_SIGNAL_TARGET_GROUP, "maahanmuuttajat"),
                     "no Finnish did not signal an immigrant background");
  /* The first result is one made for immigrants (boosted for that group). */
  const kt_result *first = kt_results_get(r, 0);
  cr_assert_not_null(first);
  bool for_immigrants = false;
  for (size_t k = 0; k < first->effect_count; k++)
    for_immigrants |=
        first->effects[k].factor > 1 && strstr(first->effects[k].reason, "maahanmuuttaj");
  cr_assert(for_immigrants, "first was %s", first->id);
  kt_results_free(r);
  kt_engine_close(e);
}

Test(ranking, municipality_signal_demotes_services_of_other_cities) {
  kt_engine *e = kt_fixture_engine();
  kt_results *r = search_flags(e, "asuu Espoossa, etsii työnhakuvalmennusta", 0);
  const kt_signal *s = find_signal(r, KT_SIGNAL_MUNICIPALITY, "Espoo");
  cr_assert_not_null(s);
  const kt_result *hki = result(r, "tyonhakuvalmennus"); /* Helsinki only */
  cr_assert_not_null(hki);
  cr_assert_not_null(demotion(hki));
  kt_results_free(r);
  kt_engine_close(e);
}

Test(ranking, long_unemployment_boosts_services_for_the_long_term_unemployed) {
  kt_engine *e = kt_fixture_engine();
  kt_results *r = search_flags(e, "ollut työttömänä 3 vuotta, tarvitsee tukea työllistymiseen", 0);
  cr_assert_not_null(find_signal(r, KT_SIGNAL_UNEMPLOYMENT, "long"));
  bool boosted = false;
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->effect_count; k++)
      boosted |= x->effects[k].factor > 1 && strstr(x->effects[k].reason, "pitkäaikaistyöttöm");
  }
  cr_assert(boosted, "no result was boosted for long unemployment");
  kt_results_free(r);
  /* Eight months is not long-term. */
  r = search_flags(e, "ollut työttömänä 8 kk", 0);
  cr_assert_null(find_signal(r, KT_SIGNAL_UNEMPLOYMENT, "long"));
  kt_results_free(r);
  kt_engine_close(e);
}

Test(ranking, typo_in_a_long_word_matches_without_correcting_valid_words) {
  kt_engine *e = kt_fixture_engine();
  kt_analyzer *an = NULL;
  cr_assert_eq(kt_analyzer_open(&an), KT_OK);
  cr_assert(kt_test_has_term(an, "kuntoutuksesa", "kuntoutus", KT_TERM_TYPO));
  /* A valid inflected word keeps its own analysis: no suggestion. */
  cr_assert(kt_test_has_term(an, "kuntoutusta", "kuntoutus", KT_TERM_LEMMA));
  cr_assert_not(kt_test_has_term(an, "kuntoutusta", "kuntoutus", KT_TERM_TYPO));
  kt_analyzer_close(an);
  kt_results *with = search_flags(e, "ammatillinen kuntoutuksesa", 0);
  kt_results *without = search_flags(e, "ammatillinen kuntoutuksesa", KT_SEARCH_NO_TYPO_FIX);
  /* The misspelt word itself (not a concept it found) matches "kuntoutus". */
  bool typo = false;
  for (size_t i = 0; i < kt_results_count(with); i++) {
    const kt_result *x = kt_results_get(with, i);
    for (size_t k = 0; k < x->match_count; k++)
    typo |= !x->matches[k].concept && !strcmp(x->matches[k].word, "kuntoutuksesa") &&
            !strcmp(x->matches[k].term, "kuntoutus");
  }
  cr_assert(typo, "the misspelt word matched nothing");
  for (size_t i = 0; i < kt_results_count(without); i++) {
    const kt_result *x = kt_results_get(without, i);
    for (size_t k = 0; k < x->match_count; k++)
      cr_assert(x->matches[k].concept || strcmp(x->matches[k].term, "kuntoutus"),
                "kuntoutus matched directly without typo correction");
  }
  kt_results_free(with);
  kt_results_free(without);
  kt_engine_close(e);
}

Test(ranking, swedish_and_english_needs_find_the_service) {
  kt_engine *e = kt_fixture_engine();
  const char *texts[] = {"needs debt counselling, bills unpaid and debt collection",
                         "behöver skuldrådgivning, obetalda räkningar och skulder"};
  for (size_t i = 0; i < 2; i++) {
    kt_results *r = search_flags(e, texts[i], 0);
    int k = kt_test_rank(r, "talous-ja-velkaneuvonta");
    cr_assert(k >= 0 && k < 5, "'%s': velkaneuvonta at %d", texts[i], k);
    kt_results_free(r);
  }
  kt_engine_close(e);
}

Test(ranking, snippet_marks_the_matched_words) {
  kt_engine *e = kt_fixture_engine();
  kt_results *r = search_flags(e, "velkaneuvonta ulosotto", 0);
  const kt_result *x = kt_results_get(r, 0);
  cr_assert_not_null(x);
  cr_assert_not_null(x->snippet);
  cr_assert_gt(x->highlight_count, 0);
  size_t len = strlen(x->snippet);
  for (size_t k = 0; k < x->highlight_count; k++) {
    const kt_span *h = &x->highlights[k];
    cr_assert(h->start < h->end && h->end <= len);
    if (k)
      cr_assert_geq(h->start, x->highlights[k - 1].end, "highlights overlap or are out of order");
  }
  bool found = false;
  for (size_t k = 0; k < x->highlight_count; k++) {
    char word[128];
    size_t n = x->highlights[k].end - x->highlights[k].start;
    snprintf(word, sizeof word, "%.*s", (int)n, x->snippet + x->highlights[k].start);
    found |= strstr(word, "velka") || strstr(word, "Velka") || strstr(word, "ulosot") ||
             strstr(word, "Ulosot");
  }
  cr_assert(found, "no highlight is a matched word in: %s", x->snippet);
  /* Snippets are skipped on request. */
  kt_results *q = search_flags(e, "velkaneuvonta ulosotto", KT_SEARCH_NO_SNIPPETS);
  cr_assert_null(kt_results_get(q, 0)->snippet);
  kt_results_free(q);
  kt_results_free(r);
  kt_engine_close(e);
}

static const char *NOTE =
    "45v, ollut pitkään työttömänä, velat kasassa ja ulosotossa, masentunut ja ei jaksa "
    "aamuisin, asunto on vaarassa koska vuokrat rästissä, haluaisi silti kokeilla töitä "
    "kaupan alalla";

Test(ranking, results_can_be_grouped_by_need) {
  kt_engine *e = kt_fixture_engine();
  kt_results *r = search_flags(e, NOTE, KT_SEARCH_GROUP_BY_NEED);
  cr_assert_geq(kt_results_need_count(r), 2, "the note has several needs");
  /* Each need's results are contiguous, and every need lists its ranks. */
  for (size_t i = 0; i < kt_results_count(r); i++) {
    int n = kt_results_get(r, i)->need;
    for (size_t j = i + 2; n >= 0 && j < kt_results_count(r); j++)
      if (kt_results_get(r, j)->need == n)
        cr_assert_eq(kt_results_get(r, j - 1)->need, n, "need %d is split at rank %zu", n, j);
  }
  for (size_t k = 0; k < kt_results_need_count(r); k++) {
    const kt_need *nd = kt_results_need(r, k);
    for (size_t i = 0; i < nd->result_count; i++)
      cr_assert_eq(kt_results_get(r, nd->results[i])->need, (int)k);
  }
  kt_results_free(r);
  kt_engine_close(e);
}

static size_t distinct_needs(const kt_results *r, size_t top) {
  int seen[64];
  size_t n = 0;
  for (size_t i = 0; i < top && i < kt_results_count(r); i++) {
    int need = kt_results_get(r, i)->need;
    bool dup = need < 0;
    for (size_t k = 0; k < n && !dup; k++)
      dup = seen[k] == need;
    if (!dup && n < 64) seen[n++] = need;
  }
  return n;
}

Test(ranking, spreading_covers_more_needs_of_a_long_note) {
  kt_engine *e = kt_fixture_engine();
  /* Plain order gives the top 5 to two needs; spreading lets a third in. */
  const char *note = "masentunut, ei jaksa, ahdistus, uupumus, mielenterveys ja velat kasassa";
  kt_results *plain = search_flags(e, note, 0);
  kt_results *spread = search_flags(e, note, KT_SEARCH_DIVERSIFY);
  cr_assert_gt(distinct_needs(spread, 5), distinct_needs(plain, 5),
               "spreading covered no more needs (%zu)", distinct_needs(plain, 5));
  kt_results_free(plain);
  kt_results_free(spread);
  kt_engine_close(e);
}

Test(ranking, json_carries_explanations_signals_and_needs) {
  kt_engine *e = kt_fixture_engine();
  kt_results *r = search_flags(e, NOTE, 0);
  char *js = NULL;
  cr_assert_eq(kt_results_json(r, &js), KT_OK);
  json_error_t err;
  json_t *doc = json_loads(js, 0, &err);
  cr_assert_not_null(doc, "%s", err.text);
  json_t *res = json_object_get(doc, "results");
  cr_assert(json_is_array(res) && json_array_size(res) == kt_results_count(r));
  json_t *first = json_array_get(res, 0);
  const char *keys[] = {"rank",    "id",      "name",       "provider", "summary", "score",
                        "matches", "snippet", "highlights", "effects",  "need"};
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
    cr_assert(json_object_get(first, keys[k]) != NULL, "result has no '%s'", keys[k]);
  cr_assert_eq(json_array_size(json_object_get(doc, "signals")), kt_results_signal_count(r));
  cr_assert_eq(json_array_size(json_object_get(doc, "needs")), kt_results_need_count(r));
  json_decref(doc);
  kt_free(js);
  kt_results_free(r);
  kt_engine_close(e);
}

Test(ranking, an_invalid_thesaurus_is_reported_by_file_and_line) {
  char *dir = kt_test_tmpdir();
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "cp -r %s/catalog-mini/services %s/ && mkdir %s/thesaurus && "
           "printf '[velat]\\nlabel: velat\\nclient: velka\\nservice: velkaneuvonta\\nweight: 3\\n"
           "[velat]\\nlabel: x\\nclient: a\\nservice: b\\ngroups: nobody\\n' > %s/thesaurus/t.txt",
           KT_TEST_DATA, dir, dir, dir);
  cr_assert_eq(system(cmd), 0);
  size_t n = 0;
  cr_assert_eq(kt_catalog_validate(dir, &n), KT_ECATALOG);
  const char *m = kt_error_last();
  cr_assert(strstr(m, "t.txt:5") && strstr(m, "weight"), "%s", m);
  cr_assert(strstr(m, "already used"), "%s", m);
  cr_assert(strstr(m, "nobody"), "%s", m);
  /* The build refuses it too, and nothing is published. */
  char *idx = kt_test_tmpdir();
  cr_assert_eq(kt_index_build(dir, idx, NULL, NULL), KT_ECATALOG);
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_ENOINDEX);
  free(idx);
  free(dir);
}

/* The matcher (issue 17): MaxScore skips the weakest terms' postings once it
 * holds the top k, and must still return exactly what Xapian's own matcher
 * returns: the same services in the same order with the same scores, with
 * and without filters, at every depth. 300 weighted queries of 3 to 40 terms
 * drawn from words common and rare in the catalogue, so that pruning starts
 * early in most of them (the top 1 or 5 of 40 terms). */
Test(ranking, maxscore_returns_exactly_what_xapians_matcher_returns) {
  static const char *const words[] = {
      "työ",         "koulutus",    "nuori",    "maahanmuuttaja", "velka",     "asunto",
      "terveys",     "kieli",       "suomi",    "yrittäjä",       "palkka",    "tuki",
      "ohjaus",      "neuvonta",    "kela",     "mielenterveys",  "päihde",    "työtön",
      "ala",         "hakija",      "kaupunki", "palvelu",        "asiakas",   "oppisopimus",
      "lähihoitaja", "starttiraha", "eläke",    "kuntoutus",      "vamma",     "perhe",
      "lapsi",       "ruotsi",      "englanti", "digi",           "tietokone", "rakennus",
      "siivous",     "ravintola",   "kokki",    "kuljettaja",     "trukki",    "valmennus",
      "työkokeilu",  "palkkatuki",  "yritys",   "työnantaja",     "opiskelu",  "tutkinto",
      "aikuinen",    "helsinki",    "espoo",    "vantaa",         "verkko",    "ilmainen"};
  const size_t nwords = sizeof words / sizeof *words;
  char *cur = kt__path_join(kt_fixture_index(), "current"), *xdir = kt__path_join(cur, "xapian");
  ktx_db *db = NULL;
  cr_assert_eq(ktx_db_open(&db, xdir), KT_OK, "%s", kt_error_last());
  const char *koulutus[] = {"koulutus", "nuoret"}, *helsinki[] = {"helsinki", "koko suomi"};
  ktx_filter filters[2] = {{KT__PREFIX_CATEGORY, koulutus, 2},
                           {KT__PREFIX_MUNICIPALITY, helsinki, 2}};
  unsigned long long seed = 20261204;
  size_t candidates = 0, scored = 0, compared = 0;
  for (int q = 0; q < 300; q++) {
    ktx_qterm t[40];
    size_t n = 3 + (size_t)(q % 38);
    for (size_t i = 0; i < n; i++) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      t[i].term = words[(seed >> 33) % nwords];
      t[i].weight = 0.1 + (double)((seed >> 20) % 1000) / 1000.0;
    }
    /* Duplicates would weigh twice in Xapian (wqf): keep each word once. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
      bool dup = false;
      for (size_t j = 0; j < m; j++)
        dup = dup || !strcmp(t[j].term, t[i].term);
      if (!dup) t[m++] = t[i];
    }
    size_t limit = (size_t[]){1, 5, 10, 40}[q % 4], nf = (size_t)(q / 4 % 3);
    ktx_params ms = {1.0, 0.5, 0.5, 0}, xp = {1.0, 0.5, 0.5, 1};
    ktx_hit *a = NULL, *b = NULL;
    size_t na = 0, nb = 0, ma = 0, mb = 0;
    cr_assert_eq(ktx_db_search(db, t, m, filters, nf, &ms, limit, &a, &na, &ma), KT_OK, "%s",
                 kt_error_last());
    size_t c = 0, s = 0;
    ktx_last_search_stats(&c, &s);
    candidates += c;
    scored += s;
    cr_assert_eq(ktx_db_search(db, t, m, filters, nf, &xp, limit, &b, &nb, &mb), KT_OK, "%s",
                 kt_error_last());
    cr_assert_eq(na, nb, "query %d (%zu terms, top %zu, %zu filters): %zu results, Xapian %zu", q,
                 m, limit, nf, na, nb);
    for (size_t i = 0; i < na; i++) {
      cr_assert_eq(a[i].docid, b[i].docid, "query %d rank %zu: document %u, Xapian %u", q, i + 1,
                   a[i].docid, b[i].docid);
      cr_assert_float_eq(a[i].score, b[i].score, 1e-9 * b[i].score,
                         "query %d rank %zu: %.12f vs %.12f", q, i + 1, a[i].score, b[i].score);
    }
    cr_assert_gt(ma, 0, "query %d: a match estimate", q);
    (void)mb;
    compared++;
    ktx_hits_free(a, na);
    ktx_hits_free(b, nb);
  }
  cr_assert_eq(compared, 300);
  /* MaxScore ran, and its bound dropped documents before scoring them in full. */
  cr_assert_gt(candidates, 0, "MaxScore did not run");
  cr_assert_lt(scored, candidates * 9 / 10, "%zu of %zu candidates scored in full: no pruning",
               scored, candidates);
  ktx_db_close(db);
  free(cur);
  free(xdir);
}

/* The docid of service @p id in the engine's current generation. */
static unsigned docid_of(kt_engine *e, const char *id) {
  char term[128];
  snprintf(term, sizeof term, KT__PREFIX_ID "%s", id);
  unsigned d = 0;
  size_t n = 0;
  cr_assert_eq(ktx_db_postings(e->gen.db, term, &d, 1, &n), KT_OK);
  cr_assert_eq(n, 1, "no document for %s", id);
  return d;
}

/* Pseudo-relevance feedback (opt-in) expands from the terms prepared at
 * index time, the index keeping no termlists: it offers plain terms, each
 * held by one of the top documents, and the search with it answers. */
Test(ranking, feedback_expansion_comes_from_the_top_documents) {
  kt_engine *e = kt_fixture_engine();
  const char *need = "palkkatuki pienelle yritykselle";
  kt_results *r = kt_test_search(e, need, NULL);
  cr_assert_geq(kt_results_count(r), 3);
  unsigned ids[3];
  for (size_t i = 0; i < 3; i++)
    ids[i] = docid_of(e, kt_results_get(r, i)->id);
  char **terms = NULL;
  size_t n = 0;
  cr_assert_eq(kt__prf_expand(e, ids, 3, 10, &terms, &n), KT_OK, "%s", kt_error_last());
  cr_assert(n >= 5 && n <= 10, "%zu expansion terms", n);
  for (size_t i = 0; i < n; i++) {
    cr_assert(!(terms[i][0] >= 'A' && terms[i][0] <= 'Z'), "a prefixed term: %s", terms[i]);
    bool held = false;
    for (size_t k = 0; k < 3 && !held; k++) {
      unsigned wdf = 0, len = 0;
      const char *t = terms[i];
      cr_assert_eq(ktx_db_doc_wdf(e->gen.db, ids[k], &t, 1, &wdf, &len), KT_OK);
      held = wdf > 0;
    }
    cr_assert(held, "'%s' is in none of the top documents", terms[i]);
    free(terms[i]);
  }
  free(terms);
  kt_results *p = search_flags(e, need, KT_SEARCH_PRF);
  cr_assert_geq(kt_results_count(p), 3);
  kt_results_free(p);
  kt_results_free(r);
  kt_engine_close(e);
}

/* Learned priors (catalog/learned/prior.tsv): the first five results stay
 * as ranked; below them, a service's score is scaled by how often it was
 * judged useful, shown as an effect. So two services keep their order when
 * the one above has the larger factor, and at least one pair swaps. */
static double prior_factor(const kt_result *r) {
  for (size_t k = 0; k < r->effect_count; k++)
    if (!strcmp(r->effects[k].signal, "aiemmat arviot")) return r->effects[k].factor;
  return 1.0;
}

Test(ranking, learned_priors_reorder_only_below_the_top_five) {
  kt_engine *e = kt_fixture_engine();
  const char *need = "24v nainen, lukio käyty, ollut kaupan kassalla, nyt työtön ja haluaisi "
                     "opiskelemaan jotain, ei tiedä mitä";
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 30;
  cr_assert_eq(kt_engine_set_param(e, "prior_weight", 0.0), KT_OK);
  kt_results *off = kt_test_search(e, need, &o);
  cr_assert_eq(kt_engine_set_param(e, "prior_weight", 2.0), KT_OK);
  kt_results *on = kt_test_search(e, need, &o);
  size_t n = kt_results_count(on);
  cr_assert_eq(n, kt_results_count(off));
  cr_assert_gt(n, 10);
  for (size_t i = 0; i < 5; i++) {
    cr_assert_str_eq(kt_results_get(on, i)->id, kt_results_get(off, i)->id, "rank %zu moved",
                     i + 1);
    cr_assert_eq(prior_factor(kt_results_get(on, i)), 1.0, "a prior at rank %zu", i + 1);
  }
  size_t swaps = 0, effects = 0;
  for (size_t i = 5; i < n; i++) {
    const kt_result *a = kt_results_get(on, i);
    effects += prior_factor(a) != 1.0;
    for (size_t j = 5; j < n; j++) {
      const kt_result *b = kt_results_get(on, j);
      int ra = kt_test_rank(off, a->id), rb = kt_test_rank(off, b->id);
      if (ra < 0 || rb < 0 || ra >= 30 || rb >= 30) continue;
      if (ra < rb && prior_factor(a) >= prior_factor(b))
        cr_assert_lt(i, j, "%s (x%.2f) fell below %s (x%.2f)", a->id, prior_factor(a), b->id,
                     prior_factor(b));
      swaps += ra < rb && j < i;
    }
  }
  cr_assert_gt(effects, 0, "no result below the fifth shows a learned prior");
  cr_assert_gt(swaps, 0, "the priors changed no order");
  kt_results_free(on);
  kt_results_free(off);
  kt_engine_close(e);
}

/* The priors per need (catalog/learned/concept_prior.tsv): below the top
 * five, a service's factor also weighs its share with a need the note was
 * found to have, and the effect names that need; with the weight 0 only the
 * service's own share counts. */
static const kt_effect *prior_effect(const kt_result *r) {
  for (size_t k = 0; k < r->effect_count; k++)
    if (!strcmp(r->effects[k].signal, "aiemmat arviot")) return &r->effects[k];
  return NULL;
}

Test(ranking, learned_priors_per_need_weigh_a_needs_share) {
  kt_engine *e = kt_fixture_engine();
  const char *need = "45v mies, irtisanottiin varastolta, velkoja ulosotossa ja vuokra rästissä, "
                     "haluaa uuteen työhön";
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 30;
  cr_assert_eq(kt_engine_set_param(e, "concept_prior_weight", 0.0), KT_OK);
  kt_results *off = kt_test_search(e, need, &o);
  cr_assert_eq(kt_engine_set_param(e, "concept_prior_weight", 3.0), KT_OK);
  kt_results *on = kt_test_search(e, need, &o);
  for (size_t i = 0; i < 5; i++)
    cr_assert_str_eq(kt_results_get(on, i)->id, kt_results_get(off, i)->id, "rank %zu moved",
                     i + 1);
  size_t named = 0, changed = 0;
  for (size_t i = 5; i < kt_results_count(on); i++) {
    const kt_result *a = kt_results_get(on, i);
    const kt_effect *ea = prior_effect(a);
    if (!ea || !strstr(ea->reason, "tarpeen »")) continue;
    named++;
    /* The need named is one the note was found to have. */
    bool found = false;
    for (size_t k = 0; k < kt_results_need_count(on); k++) {
      char want[300];
      snprintf(want, sizeof want, "»%s«", kt_results_need(on, k)->label);
      found |= strstr(ea->reason, want) != NULL;
    }
    cr_assert(found, "%s: %s names no need of the note", a->id, ea->reason);
    for (size_t j = 0; j < kt_results_count(off); j++) {
      const kt_result *b = kt_results_get(off, j);
      const kt_effect *eb = prior_effect(b);
      if (strcmp(b->id, a->id) || !eb) continue;
      cr_assert_null(strstr(eb->reason, "tarpeen »"), "weight 0 names a need: %s", eb->reason);
      changed += eb->factor != ea->factor;
    }
  }
  cr_assert_gt(named, 0, "no result below the fifth weighs a need's share");
  cr_assert_gt(changed, 0, "the share with a need changed no factor");
  kt_results_free(on);
  kt_results_free(off);
  kt_engine_close(e);
}

/* A need's most useful service (catalog/learned/concept_useful.tsv): when
 * the first ten lack it, it is suggested at rank 9, the explanation naming
 * the need of the note and its count; the first eight stay as ranked. Off
 * with suggest_share above 1, and in a search with filters. */
static const kt_effect *suggest_effect(const kt_result *r) {
  for (size_t k = 0; k < r->effect_count; k++)
    if (!strcmp(r->effects[k].signal, "ehdotus aiemmista arvioista")) return &r->effects[k];
  return NULL;
}

Test(ranking, a_needs_most_useful_service_is_suggested_at_rank_nine) {
  kt_engine *e = kt_fixture_engine();
  const char *need = "38v nainen, masennus ja uupumus, sairauslomalla puoli vuotta, haluaa "
                     "pikkuhiljaa takaisin töihin";
  cr_assert_eq(kt_engine_set_param(e, "suggest_share", 1.1), KT_OK);
  kt_results *off = kt_test_search(e, need, NULL);
  cr_assert_eq(kt_engine_set_param(e, "suggest_share", 0.4), KT_OK);
  kt_results *on = kt_test_search(e, need, NULL);
  cr_assert_geq(kt_results_count(on), 10);
  const kt_result *s = kt_results_get(on, 8);
  const kt_effect *ef = suggest_effect(s);
  cr_assert_not_null(ef, "rank 9 (%s) is no suggestion", s->id);
  int was = kt_test_rank(off, s->id);
  cr_assert(was < 0 || was >= 10, "%s was in the first ten already", s->id);
  bool named = false;
  for (size_t k = 0; k < kt_results_need_count(on); k++) {
    char want[300];
    snprintf(want, sizeof want, "tarpeen »%s« kanssa", kt_results_need(on, k)->label);
    named |= strstr(ef->reason, want) != NULL;
  }
  cr_assert(named, "%s names no need of the note", ef->reason);
  for (size_t i = 0; i < 8; i++)
    cr_assert_str_eq(kt_results_get(on, i)->id, kt_results_get(off, i)->id, "rank %zu moved",
                     i + 1);
  for (size_t i = 0; i < kt_results_count(on); i++)
    cr_assert(i == 8 || !suggest_effect(kt_results_get(on, i)), "a second suggestion");
  /* With a filter nothing is suggested. */
  const char *cats[] = {"tyokyky", "sosiaali", "terveys", "tyonhaku", "koulutus"};
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.categories = (kt_strlist){cats, 5};
  kt_results *f = kt_test_search(e, need, &o);
  for (size_t i = 0; i < kt_results_count(f); i++)
    cr_assert_null(suggest_effect(kt_results_get(f, i)), "a suggestion under a filter");
  kt_results_free(f);
  kt_results_free(on);
  kt_results_free(off);
  kt_engine_close(e);
}
