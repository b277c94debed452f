/*
 * filters.c — the filters of the catalogue's closed vocabularies (delivery,
 * provider type, fee, the client's Finnish level and age), the filter
 * counts of a search (KT_SEARCH_COUNTS) and the language of the
 * explanations, on the bundled catalogue. Every expectation is computed
 * from the services' own records and from searches without the feature
 * under test, so a count or filter that drifted from what the search
 * matched would fail.
 */
#define _GNU_SOURCE
#include "engine.h"
#include "fixture.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define NOTE "velat kasassa, ulosotto vie palkan, haluaisi töihin"

static kt_engine *e;
static void setup(void) { e = kt_fixture_engine(); }
static void teardown(void) { kt_engine_close(e); }
TestSuite(filters, .init = setup, .fini = teardown);

static json_t *record(const char *id) {
  char *s = NULL;
  cr_assert_eq(kt_service_get(e, id, &s, NULL), KT_OK, "%s", kt_error_last());
  json_t *r = json_loads(s, 0, NULL);
  kt_free(s);
  cr_assert_not_null(r);
  return r;
}

static bool has_value(json_t *rec, const char *facet, const char *value) {
  json_t *v = !strcmp(facet, "category")   ? json_object_get(rec, "category")
              : !strcmp(facet, "delivery") ? json_object_get(rec, "delivery")
              : !strcmp(facet, "fee")      ? json_object_get(rec, "fee")
              : !strcmp(facet, "provider_type")
                  ? json_object_get(json_object_get(rec, "provider"), "type")
                  : NULL;
  if (json_is_string(v)) return !strcmp(json_string_value(v), value);
  size_t i;
  json_t *x;
  json_array_foreach(v, i, x) if (!strcmp(json_string_value(x), value)) return true;
  return false;
}

/* Every service the search matches: a limit above the catalogue's size. */
static kt_results *all_matches(kt_search_options o) {
  o.limit = 1000;
  o.flags &= ~(unsigned)KT_SEARCH_COUNTS;
  return kt_test_search(e, NOTE, &o);
}

static json_t *facets(const kt_results *r) {
  char *s = NULL;
  cr_assert_eq(kt_results_facets_json(r, &s), KT_OK, "%s", kt_error_last());
  json_t *f = json_loads(s, 0, NULL);
  kt_free(s);
  cr_assert_not_null(f);
  return f;
}

static json_int_t count_of(json_t *f, const char *facet, const char *value) {
  size_t i;
  json_t *x;
  json_array_foreach(json_object_get(f, facet), i,
                     x) if (!strcmp(json_string_value(json_object_get(x, "value")),
                                    value)) return json_integer_value(json_object_get(x, "count"));
  return 0;
}

/* The counts of @p facet over the services of @p r, from their records. */
static void check_counts(json_t *f, const kt_results *r, const char *facet) {
  const char *values[32];
  size_t nvalues = 0;
  size_t i;
  json_t *x;
  json_array_foreach(json_object_get(f, facet), i, x) {
    cr_assert_lt(nvalues, 32);
    values[nvalues++] = json_string_value(json_object_get(x, "value"));
    cr_assert_gt(json_integer_value(json_object_get(x, "count")), 0,
                 "%s '%s' is listed with no service", facet, values[nvalues - 1]);
  }
  cr_assert_gt(nvalues, 0, "%s has values", facet);
  json_int_t want[32] = {0};
  size_t listed_total = 0;
  for (size_t k = 0; k < kt_results_count(r); k++) {
    json_t *rec = record(kt_results_get(r, k)->id);
    bool any = false;
    for (size_t v = 0; v < nvalues; v++)
      if (has_value(rec, facet, values[v])) want[v]++, any = true;
    /* A value of a matched service that the counts leave out is a miss too. */
    cr_assert(any || !strcmp(facet, "fee"), "%s of %s is counted", facet, kt_results_get(r, k)->id);
    listed_total += any;
    json_decref(rec);
  }
  for (size_t v = 0; v < nvalues; v++)
    cr_assert_eq(count_of(f, facet, values[v]), want[v], "%s '%s': %lld counted, %lld matched",
                 facet, values[v], (long long)count_of(f, facet, values[v]), (long long)want[v]);
  (void)listed_total;
}

Test(filters, counts_are_over_every_matched_service_not_the_results_held) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 3;
  o.flags = KT_SEARCH_COUNTS | KT_SEARCH_NO_FEEDBACK;
  kt_results *r = kt_test_search(e, NOTE, &o);
  kt_results *all = all_matches(o);
  cr_assert_eq(kt_results_count(r), 3);
  cr_assert_gt(kt_results_count(all), 20, "the note matches many services");
  cr_assert_eq(kt_results_matches(r), kt_results_count(all), "exact match count");
  json_t *f = facets(r);
  for (const char *const *facet =
           (const char *const[]){"category", "delivery", "provider_type", "fee", NULL};
       *facet; facet++)
    check_counts(f, all, *facet);
  /* The same counts with a different limit. */
  o.limit = 10;
  kt_results *r10 = kt_test_search(e, NOTE, &o);
  char *a = NULL, *b = NULL;
  cr_assert_eq(kt_results_facets_json(r, &a), KT_OK);
  cr_assert_eq(kt_results_facets_json(r10, &b), KT_OK);
  cr_assert_str_eq(a, b);
  kt_free(a);
  kt_free(b);
  json_decref(f);
  kt_results_free(r);
  kt_results_free(r10);
  kt_results_free(all);
}

Test(filters, a_filters_counts_ignore_its_own_values_and_keep_the_others) {
  const char *verkko[] = {"verkko"};
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.flags = KT_SEARCH_COUNTS | KT_SEARCH_NO_FEEDBACK;
  o.delivery = (kt_strlist){verkko, 1};
  kt_results *r = kt_test_search(e, NOTE, &o);
  json_t *f = facets(r);
  /* delivery: as if no delivery filter were set. */
  kt_search_options none = o;
  none.delivery = (kt_strlist){NULL, 0};
  kt_results *unfiltered = all_matches(none);
  check_counts(f, unfiltered, "delivery");
  /* the other filters: over what the delivery filter lets through. */
  kt_results *filtered = all_matches(o);
  check_counts(f, filtered, "category");
  check_counts(f, filtered, "fee");
  cr_assert_lt(kt_results_count(filtered), kt_results_count(unfiltered), "the filter removes some");
  cr_assert_eq(kt_results_matches(r), kt_results_count(filtered));
  json_decref(f);
  kt_results_free(r);
  kt_results_free(unfiltered);
  kt_results_free(filtered);
}

Test(filters, each_new_filter_keeps_only_services_that_pass_it) {
  const char *etä[] = {"etä"}, *jarjesto[] = {"jarjesto"}, *osittain[] = {"osittain"};
  kt_search_options base = KT_SEARCH_OPTIONS_INIT;
  base.flags = KT_SEARCH_NO_FEEDBACK;
  kt_results *unfiltered = all_matches(base);
  struct {
    const char *facet, *value;
    kt_search_options o;
  } cases[5];
  for (int i = 0; i < 5; i++)
    cases[i].o = base;
  cases[0].facet = "delivery", cases[0].value = "etä", cases[0].o.delivery = (kt_strlist){etä, 1};
  cases[1].facet = "provider_type", cases[1].value = "jarjesto",
  cases[1].o.provider_types = (kt_strlist){jarjesto, 1};
  cases[2].facet = "fee", cases[2].value = "osittain", cases[2].o.fees = (kt_strlist){osittain, 1};
  cases[3].facet = "finnish_level", cases[3].value = "A1", cases[3].o.finnish_level = "A1";
  cases[4].facet = "age", cases[4].value = "40", cases[4].o.age = "40";
  for (int i = 0; i < 5; i++) {
    kt_results *r = all_matches(cases[i].o);
    size_t passing = 0;
    for (size_t k = 0; k < kt_results_count(unfiltered); k++) {
      json_t *rec = record(kt_results_get(unfiltered, k)->id);
      bool pass;
      if (!strcmp(cases[i].facet, "finnish_level")) {
        const char *l = json_string_value(json_object_get(rec, "finnish_level"));
        pass = !l || !strcmp(l, "A1");
      } else if (!strcmp(cases[i].facet, "age")) {
        json_t *lo = json_object_get(json_object_get(rec, "age"), "min");
        json_t *hi = json_object_get(json_object_get(rec, "age"), "max");
        pass = (!lo || json_integer_value(lo) <= 40) && (!hi || json_integer_value(hi) >= 40);
      } else {
        pass = has_value(rec, cases[i].facet, cases[i].value);
      }
      passing += pass;
      cr_assert_eq(kt_test_rank(r, kt_results_get(unfiltered, k)->id) >= 0, pass, "%s=%s: %s",
                   cases[i].facet, cases[i].value, kt_results_get(unfiltered, k)->id);
      json_decref(rec);
    }
    cr_assert_gt(passing, 0, "%s=%s keeps some", cases[i].facet, cases[i].value);
    cr_assert_lt(passing, kt_results_count(unfiltered), "%s=%s removes some", cases[i].facet,
                 cases[i].value);
    kt_results_free(r);
  }
  kt_results_free(unfiltered);
}

Test(filters, the_finnish_level_counts_are_cumulative) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.flags = KT_SEARCH_COUNTS | KT_SEARCH_NO_FEEDBACK;
  kt_results *r = kt_test_search(e, NOTE, &o);
  json_t *f = facets(r);
  const char *levels[] = {"A1", "A2", "B1", "B2", "C1", "C2"};
  json_int_t prev = 0;
  for (int i = 0; i < 6; i++) {
    kt_search_options l = o;
    l.finnish_level = levels[i];
    kt_results *at = all_matches(l);
    cr_assert_eq(count_of(f, "finnish_level", levels[i]), (json_int_t)kt_results_count(at), "%s",
                 levels[i]);
    cr_assert_geq(count_of(f, "finnish_level", levels[i]), prev);
    prev = count_of(f, "finnish_level", levels[i]);
    kt_results_free(at);
  }
  cr_assert_eq(prev, (json_int_t)kt_results_matches(r), "C2 opens every service");
  json_decref(f);
  kt_results_free(r);
}

Test(filters, unknown_values_are_refused_naming_the_filter) {
  const char *posti[] = {"posti"}, *kunta[] = {"kunta"}, *ilmainen[] = {"ilmainen"};
  struct {
    kt_search_options o;
    const char *words;
  } cases[6];
  for (int i = 0; i < 6; i++)
    cases[i].o = (kt_search_options)KT_SEARCH_OPTIONS_INIT;
  cases[0].o.delivery = (kt_strlist){posti, 1},
  cases[0].words = "delivery: 'posti' is not one of: kasvokkain";
  cases[1].o.provider_types = (kt_strlist){kunta, 1}, cases[1].words = "provider_types: 'kunta'";
  cases[2].o.fees = (kt_strlist){ilmainen, 1},
  cases[2].words = "fees: 'ilmainen' is not one of: maksuton";
  cases[3].o.finnish_level = "D1", cases[3].words = "finnish_level: 'D1'";
  cases[4].o.age = "121", cases[4].words = "age: '121'";
  cases[5].o.lang = "de", cases[5].words = "lang is 'de'";
  for (int i = 0; i < 6; i++) {
    kt_results *r = NULL;
    cr_assert_eq(kt_search(e, NOTE, strlen(NOTE), &cases[i].o, &r), KT_EINVAL, "case %d", i);
    cr_assert_null(r);
    cr_assert(strstr(kt_error_last(), cases[i].words), "%s", kt_error_last());
    char *s = NULL;
    if (i < 5) { /* the listing refuses them too */
      kt_browse_filter bf = KT_BROWSE_FILTER_INIT;
      bf.delivery = cases[i].o.delivery;
      bf.provider_types = cases[i].o.provider_types;
      bf.fees = cases[i].o.fees;
      bf.finnish_level = cases[i].o.finnish_level;
      bf.age = cases[i].o.age;
      cr_assert_eq(kt_services_json(e, &bf, &s), KT_EINVAL, "case %d", i);
      cr_assert(strstr(kt_error_last(), cases[i].words), "%s", kt_error_last());
    }
  }
}

Test(filters, counts_only_when_asked) {
  kt_results *r = kt_test_search(e, NOTE, NULL);
  char *s = NULL;
  cr_assert_eq(kt_results_facets_json(r, &s), KT_EINVAL);
  cr_assert_null(s);
  char *js = NULL;
  cr_assert_eq(kt_results_json(r, &js), KT_OK);
  cr_assert_null(strstr(js, "\"facets\""));
  kt_free(js);
  kt_results_free(r);
}

Test(filters, a_version_2_caller_is_still_served) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.version = 2;
  /* Whatever lies past a version 2 struct must not be read: garbage there. */
  memset(&o.delivery, 0xAB, sizeof o - offsetof(kt_search_options, delivery));
  kt_results *r = NULL;
  cr_assert_eq(kt_search(e, NOTE, strlen(NOTE), &o, &r), KT_OK, "%s", kt_error_last());
  cr_assert_gt(kt_results_count(r), 0);
  kt_results_free(r);
}

/* ---- the language of the explanations ---------------------------------- */

static const kt_signal *signal_of(const kt_results *r, int kind) {
  for (size_t i = 0; i < kt_results_signal_count(r); i++)
    if (kt_results_signal(r, i)->kind == kind) return kt_results_signal(r, i);
  return NULL;
}

Test(filters, explanations_follow_the_language_asked) {
  const char *note = "22v, ei puhu suomea, velat kasassa, pitkäaikaistyötön";
  const char *langs[] = {NULL, "sv", "en"};
  const char *age[] = {"ikä 22 v", "ålder 22 år", "age 22"};
  const char *unemp[] = {"pitkäaikaistyöttömyys", "långtidsarbetslöshet", "long-term unemployment"};
  const char *debts[] = {"velat ja talousvaikeudet", "skulder", "debts"};
  const char *fits[] = {"ikä sopii", "åldern passar", "the age fits"};
  for (int l = 0; l < 3; l++) {
    kt_search_options o = KT_SEARCH_OPTIONS_INIT;
    o.flags = KT_SEARCH_NO_FEEDBACK;
    o.lang = langs[l];
    o.limit = 20;
    kt_results *r = kt_test_search(e, note, &o);
    cr_assert_str_eq(signal_of(r, KT_SIGNAL_AGE)->label, age[l]);
    cr_assert_str_eq(signal_of(r, KT_SIGNAL_UNEMPLOYMENT)->label, unemp[l]);
    bool need = false, effect = false, concept = false;
    for (size_t i = 0; i < kt_results_need_count(r); i++) {
      const kt_need *n = kt_results_need(r, i);
      if (!strcmp(n->id, "talous_velat")) {
        cr_assert_str_eq(n->label, debts[l]);
        cr_assert_str_eq(n->label_lang, langs[l] ? langs[l] : "fi");
        need = true;
      }
    }
    for (size_t k = 0; k < kt_results_count(r); k++) {
      const kt_result *x = kt_results_get(r, k);
      for (size_t j = 0; j < x->effect_count; j++)
        if (strstr(x->effects[j].reason, fits[l])) {
          cr_assert_str_eq(x->effects[j].signal, age[l]);
          effect = true;
        }
      for (size_t j = 0; j < x->match_count; j++)
        if (x->matches[j].concept && !strcmp(x->matches[j].concept, debts[l])) concept = true;
    }
    cr_assert(need && effect && concept, "lang %s: need %d, effect %d, concept %d",
              langs[l] ? langs[l] : "fi", need, effect, concept);
    kt_results_free(r);
  }
}

/* The demotions' reasons too: immigrants' services for a note with no sign
 * of one, youth services for a note with no age, training for a refusal. */
Test(filters, demotion_reasons_follow_the_language_asked) {
  const char *note = "kotiäitinä 8 vuotta, vuokrarästejä, ei halua enää kouluun, haluaa töihin";
  const char *langs[] = {NULL, "sv", "en"};
  const char *reasons[][3] = {
      {"maahanmuuttajille", "invandrare", "immigrants"},
      {"merkkiä nuoresta", "ung klient", "young client"},
      {"koulutusta", "utbildning", "training"},
  };
  for (int l = 0; l < 3; l++) {
    kt_search_options o = KT_SEARCH_OPTIONS_INIT;
    o.flags = KT_SEARCH_NO_FEEDBACK;
    o.lang = langs[l];
    o.limit = 60;
    kt_results *r = kt_test_search(e, note, &o);
    for (int k = 0; k < 3; k++) {
      bool seen = false;
      for (size_t i = 0; i < kt_results_count(r) && !seen; i++) {
        const kt_result *x = kt_results_get(r, i);
        for (size_t j = 0; j < x->effect_count; j++) {
          for (int m = 0; m < 3; m++)
            if (m != l)
              cr_assert_null(strstr(x->effects[j].reason, reasons[k][m]), "lang %d: %s", l,
                             x->effects[j].reason);
          seen |= strstr(x->effects[j].reason, reasons[k][l]) != NULL;
        }
      }
      cr_assert(seen, "lang %s: no reason with '%s'", langs[l] ? langs[l] : "fi", reasons[k][l]);
    }
    kt_results_free(r);
  }
}

/* And the reasons of the ranking's own judgments: the bound on one word's
 * share, the client's former field beside a goal, a weak match. */
static bool has_reason(const char *note, const char *lang, const char *text) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.flags = KT_SEARCH_NO_FEEDBACK;
  o.lang = lang;
  o.limit = 50; /* the judgments of lower results are told too */
  kt_results *r = kt_test_search(e, note, &o);
  bool seen = false;
  for (size_t i = 0; i < kt_results_count(r) && !seen; i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t j = 0; j < x->effect_count; j++)
      seen |= strstr(x->effects[j].reason, text) || strstr(x->effects[j].signal, text);
    seen |= x->weak && strstr(x->weak, text);
  }
  kt_results_free(r);
  return seen;
}

Test(filters, ranking_judgments_are_told_in_the_language_asked) {
  const char *langs[] = {NULL, "sv", "en"};
  const char *past = "ollut 5 v kaupan kassalla, nyt haluaa lähihoitajaksi";
  const char *word = "Toiminut kirjanpitäjänä 30 vuotta, yritys lopetti toimintansa ja hän jäi "
                     "työttömäksi. Etsii uutta työtä taloushallinnosta.";
  const char *field[] = {"aiempaa alaa", "tidigare bransch", "former field"};
  const char *weak[] = {"heikko osuma", "svag träff", "weak match"};
  const char *one[] = {"yksi sana kantaa", "ett ord bär", "one word carries"};
  for (int l = 0; l < 3; l++) {
    const char *ln = langs[l] ? langs[l] : "fi";
    cr_assert(has_reason(past, langs[l], field[l]), "%s: %s", ln, field[l]);
    cr_assert(has_reason(past, langs[l], weak[l]), "%s: %s", ln, weak[l]);
    cr_assert(has_reason(word, langs[l], one[l]), "%s: %s", ln, one[l]);
    for (int m = 0; m < 3; m++)
      if (m != l && m != 0) /* Finnish words may occur in other languages' quotes */
        cr_assert_not(has_reason(past, langs[l], field[m]) || has_reason(word, langs[l], one[m]),
                      "%s explanation has %s words", ln, langs[m]);
    if (l) cr_assert_not(has_reason(past, langs[l], field[0]), "%s: Finnish reason", ln);
  }
}

Test(filters, a_counsellors_setting_is_marked_in_the_language_asked) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.flags = KT_SEARCH_NO_FEEDBACK;
  o.lang = "en";
  o.client_municipality = "Espoo";
  kt_results *r = kt_test_search(e, NOTE, &o);
  cr_assert_str_eq(signal_of(r, KT_SIGNAL_MUNICIPALITY)->label,
                   "home municipality Espoo (counsellor)");
  char *js = NULL;
  cr_assert_eq(kt_results_json(r, &js), KT_OK);
  json_t *doc = json_loads(js, 0, NULL);
  kt_free(js);
  cr_assert_str_eq(json_string_value(json_object_get(doc, "lang")), "en");
  size_t i;
  json_t *s;
  bool seen = false;
  json_array_foreach(json_object_get(doc, "signals"), i, s) {
    if (!strcmp(json_string_value(json_object_get(s, "kind")), "municipality")) {
      cr_assert(json_is_true(json_object_get(s, "corrected")));
      seen = true;
    }
  }
  cr_assert(seen);
  json_decref(doc);
  kt_results_free(r);
}

Test(filters, counting_changes_no_ranking) {
  /* With counts the filters run over every match instead of through the
   * index's filter terms: the same services must come out in the same order. */
  const char *cats[] = {"tyonhaku", "talous_asuminen"};
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.flags = KT_SEARCH_NO_FEEDBACK;
  o.limit = 15;
  o.categories = (kt_strlist){cats, 2};
  kt_results *plain = kt_test_search(e, NOTE, &o);
  o.flags |= KT_SEARCH_COUNTS;
  kt_results *counted = kt_test_search(e, NOTE, &o);
  cr_assert_eq(kt_results_count(plain), kt_results_count(counted));
  cr_assert_gt(kt_results_count(plain), 5);
  for (size_t i = 0; i < kt_results_count(plain); i++) {
    cr_assert_str_eq(kt_results_get(plain, i)->id, kt_results_get(counted, i)->id, "rank %zu",
                     i + 1);
    cr_assert_float_eq(kt_results_get(plain, i)->score, kt_results_get(counted, i)->score, 1e-9);
  }
  kt_results_free(plain);
  kt_results_free(counted);
}

/* ---- the listing (kt_services_json) with the same filters --------------- */

/* The ids a listing with @p bf holds. */
static json_t *listed_ids(const kt_browse_filter *bf) {
  char *s = NULL;
  cr_assert_eq(kt_services_json(e, bf, &s), KT_OK, "%s", kt_error_last());
  json_t *doc = json_loads(s, 0, NULL), *ids = json_object();
  kt_free(s);
  cr_assert_not_null(doc);
  size_t i;
  json_t *x;
  json_array_foreach(json_object_get(doc, "services"), i, x)
      json_object_set_new(ids, json_string_value(json_object_get(x, "id")), json_true());
  cr_assert_eq(json_integer_value(json_object_get(doc, "count")),
               (json_int_t)json_object_size(ids));
  json_decref(doc);
  return ids;
}

Test(filters, the_listing_filters_as_a_search_does) {
  const char *verkko[] = {"verkko"}, *maksuton[] = {"maksuton"}, *jarjesto[] = {"jarjesto"};
  kt_browse_filter bfs[4];
  kt_search_options os[4];
  for (int i = 0; i < 4; i++) {
    bfs[i] = (kt_browse_filter)KT_BROWSE_FILTER_INIT;
    os[i] = (kt_search_options)KT_SEARCH_OPTIONS_INIT;
  }
  bfs[0].delivery = os[0].delivery = (kt_strlist){verkko, 1};
  bfs[1].fees = os[1].fees = (kt_strlist){maksuton, 1};
  bfs[1].provider_types = os[1].provider_types = (kt_strlist){jarjesto, 1};
  bfs[2].finnish_level = os[2].finnish_level = "A2";
  bfs[3].age = os[3].age = "17";
  kt_browse_filter none = KT_BROWSE_FILTER_INIT;
  json_t *all = listed_ids(&none);
  for (int i = 0; i < 4; i++) {
    json_t *ids = listed_ids(&bfs[i]);
    cr_assert_lt(json_object_size(ids), json_object_size(all), "case %d removes some", i);
    cr_assert_gt(json_object_size(ids), 0, "case %d keeps some", i);
    /* Every service a filtered search matches is listed with the filter,
     * and none the same search leaves out while matching it unfiltered. */
    kt_results *with = all_matches(os[i]),
               *without = all_matches((kt_search_options)KT_SEARCH_OPTIONS_INIT);
    json_t *kept = json_object();
    for (size_t k = 0; k < kt_results_count(with); k++) {
      cr_assert(json_object_get(ids, kt_results_get(with, k)->id), "case %d: %s", i,
                kt_results_get(with, k)->id);
      json_object_set_new(kept, kt_results_get(with, k)->id, json_true());
    }
    for (size_t k = 0; k < kt_results_count(without); k++) {
      const char *id = kt_results_get(without, k)->id;
      cr_assert_eq(json_object_get(ids, id) != NULL, json_object_get(kept, id) != NULL,
                   "case %d: %s", i, id);
    }
    json_decref(kept);
    kt_results_free(with);
    kt_results_free(without);
    json_decref(ids);
  }
  json_decref(all);
}

Test(filters, a_version_1_browse_filter_is_still_served) {
  kt_browse_filter o = KT_BROWSE_FILTER_INIT, none = KT_BROWSE_FILTER_INIT;
  o.version = 1;
  /* Whatever lies past a version 1 struct must not be read: garbage there. */
  memset(&o.delivery, 0xAB, sizeof o - offsetof(kt_browse_filter, delivery));
  json_t *a = listed_ids(&o), *b = listed_ids(&none);
  cr_assert(json_equal(a, b));
  json_decref(a);
  json_decref(b);
}

/* One parsed listing per index generation serves both the listing and a
 * search's filter counts. */
Test(filters, the_listing_and_the_counts_share_the_generations_records) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.flags = KT_SEARCH_COUNTS | KT_SEARCH_NO_FEEDBACK;
  kt_results *r = kt_test_search(e, NOTE, &o);
  kt_results_free(r);
  struct kt__browse *b = e->gen.browse;
  cr_assert_not_null(b, "the counts built the generation's listing");
  char *s = NULL;
  cr_assert_eq(kt_services_json(e, NULL, &s), KT_OK, "%s", kt_error_last());
  kt_free(s);
  cr_assert_eq(e->gen.browse, b, "the listing used it");
}
