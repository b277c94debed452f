/* Index build + search round trip over the mini catalogue (engine/index.c,
 * engine/search.c, engine/engine.c): ranking, explanations, filters, records,
 * and the atomic switch between index generations. */
#define _GNU_SOURCE
#include "catalog.h"
#include "helpers.h"
#include "xapian_shim.h"

#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static char *idx;
static kt_engine *eng;
static void setup(void) {
  idx = kt_test_mini_index();
  cr_assert_eq(kt_engine_open(&eng, idx), KT_OK, "%s", kt_error_last());
}
static void teardown(void) {
  kt_engine_close(eng);
  kt__rm_rf(idx);
  free(idx);
}
TestSuite(index, .init = setup, .fini = teardown);

Test(index, inflected_need_words_find_the_service_first) {
  kt_results *r = kt_test_search(eng, "Asiakas voisi päästä töihin palkkatuella", NULL);
  cr_assert_gt(kt_results_count(r), 0);
  cr_assert_str_eq(kt_results_get(r, 0)->id, "palkkatuki");
  kt_results_free(r);
}

Test(index, umlautless_need_finds_the_service) {
  kt_results *r = kt_test_search(eng, "tyokokeilu", NULL);
  cr_assert_gt(kt_results_count(r), 0);
  cr_assert_str_eq(kt_results_get(r, 0)->id, "tyokokeilu");
  kt_results_free(r);
}

Test(index, debts_need_finds_debt_advice_first) {
  kt_results *r =
      kt_test_search(eng, "Velkoja kertynyt, velat ulosotossa ja talous sekaisin", NULL);
  cr_assert_gt(kt_results_count(r), 0);
  cr_assert_str_eq(kt_results_get(r, 0)->id, "talous-ja-velkaneuvonta");
  kt_results_free(r);
}

Test(index, explanation_names_the_need_word_its_base_form_and_fields) {
  kt_results *r = kt_test_search(eng, "palkkatuella", NULL);
  const kt_result *x = kt_results_get(r, 0);
  cr_assert_not_null(x);
  cr_assert_str_eq(x->id, "palkkatuki");
  cr_assert_geq(x->match_count, 1);
  cr_assert_str_eq(x->matches[0].word, "palkkatuella");
  cr_assert_str_eq(x->matches[0].term, "palkkatuki");
  cr_assert(x->matches[0].fields & KT_FIELD_NAME, "fields %x lack name", x->matches[0].fields);
  cr_assert_float_eq(x->matches[0].weight, 1.0, 1e-9);
  kt_results_free(r);
}

Test(index, scores_strictly_decrease_and_limit_is_honoured) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 4;
  kt_results *r = kt_test_search(eng, "työ koulutus kurssi tuki palvelu", &o);
  cr_assert_eq(kt_results_count(r), 4);
  for (size_t i = 1; i < kt_results_count(r); i++)
    cr_assert_lt(kt_results_get(r, i)->score, kt_results_get(r, i - 1)->score);
  cr_assert_geq(kt_results_matches(r), 4);
  kt_results_free(r);
}

Test(index, stopword_only_need_gives_no_results) {
  kt_results *r = kt_test_search(eng, "ja tai mutta kun se on", NULL);
  cr_assert_eq(kt_results_count(r), 0);
  kt_results_free(r);
}

static void assert_all(kt_results *r, const char *const *allowed, size_t n) {
  cr_assert_gt(kt_results_count(r), 0, "filter left no results");
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const char *id = kt_results_get(r, i)->id;
    bool ok = false;
    for (size_t k = 0; k < n; k++)
      ok |= !strcmp(id, allowed[k]);
    cr_assert(ok, "%s should have been filtered out", id);
  }
}

Test(index, category_filter) {
  const char *cats[] = {"tuettu_tyo"};
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.categories = (kt_strlist){cats, 1};
  kt_results *r = kt_test_search(eng, "työ tuki kokeilu valmennus", &o);
  const char *allowed[] = {"palkkatuki", "tyokokeilu"};
  assert_all(r, allowed, 2);
  kt_results_free(r);
}

Test(index, language_filter) {
  const char *l[] = {"sv"};
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.languages = (kt_strlist){l, 1};
  kt_results *r = kt_test_search(eng, "työnhaku jobbsökning valmennus tuki velka", &o);
  const char *allowed[] = {"palkkatuki", "tyokokeilu", "talous-ja-velkaneuvonta",
                           "tyonhakuvalmennus-ruotsiksi"};
  assert_all(r, allowed, 4);
  kt_results_free(r);
}

Test(index, municipality_filter_keeps_nationwide_services) {
  const char *m[] = {"Espoo"};
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.municipalities = (kt_strlist){m, 1};
  kt_results *r = kt_test_search(eng, "suomen kieli koulutus velka kuntoutus työ", &o);
  const char *allowed[] = {"kotoutumiskoulutus", "talous-ja-velkaneuvonta", "kela-taito-kuntoutus"};
  assert_all(r, allowed, 3);
  kt_results_free(r);
}

Test(index, target_group_filter) {
  const char *g[] = {"nuoret"};
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.target_groups = (kt_strlist){g, 1};
  kt_results *r = kt_test_search(eng, "työpaja ravintola kokki koulutus", &o);
  const char *allowed[] = {"nuorten-tyopajat-stadin-ao", "ravintola-kokki-perho"};
  assert_all(r, allowed, 2);
  kt_results_free(r);
}

Test(index, full_record_by_id) {
  char *json = NULL;
  size_t len = 0;
  cr_assert_eq(kt_service_get(eng, "palkkatuki", &json, &len), KT_OK);
  cr_assert(strstr(json, "\"id\": \"palkkatuki\""));
  cr_assert(strstr(json, "\"description\""));
  cr_assert_eq(strlen(json), len);
  kt_free(json);
  cr_assert_eq(kt_service_get(eng, "ei-tallaista", &json, NULL), KT_ENOTFOUND);
  cr_assert_null(json);
  cr_assert_eq(kt_service_get(eng, "#built_at", &json, NULL), KT_ENOTFOUND);
}

Test(index, info_reports_generation_and_size) {
  kt_index_info info;
  cr_assert_eq(kt_engine_info(eng, &info), KT_OK);
  cr_assert_eq(info.services, 9);
  cr_assert(!strncmp(info.generation, "gen-", 4));
  cr_assert_eq(strlen(info.built_at), 20); /* 2026-11-23T02:01:00Z */
}

/* ---- generations and the atomic switch ----------------------------------- */

Test(index, failed_build_leaves_the_previous_index_serving) {
  kt_index_info before;
  kt_engine_info(eng, &before);
  char *gen = strdup(before.generation);
  cr_assert_eq(kt_index_build(KT_TEST_DATA "/catalog-bad/short-description", idx, NULL, NULL),
               KT_ECATALOG);
  kt_engine *e2;
  cr_assert_eq(kt_engine_open(&e2, idx), KT_OK);
  kt_index_info after;
  kt_engine_info(e2, &after);
  cr_assert_str_eq(after.generation, gen);
  kt_results *r = kt_test_search(e2, "palkkatuki", NULL);
  cr_assert_str_eq(kt_results_get(r, 0)->id, "palkkatuki");
  kt_results_free(r);
  kt_engine_close(e2);
  free(gen);
}

Test(index, leftovers_of_a_killed_build_are_ignored_then_removed) {
  char p[600];
  snprintf(p, sizeof p, "%s/.build-99999/xapian", idx);
  cr_assert_eq(kt__mkdir_p(p), KT_OK);
  snprintf(p, sizeof p, "%s/.build-99999/xapian/iamglass.glass", idx);
  FILE *f = fopen(p, "w");
  fputs("half-written", f);
  fclose(f);
  kt_engine *e2;
  cr_assert_eq(kt_engine_open(&e2, idx), KT_OK, "%s", kt_error_last());
  kt_engine_close(e2);
  cr_assert_eq(kt_index_build(KT_TEST_DATA "/catalog-mini", idx, NULL, NULL), KT_OK);
  snprintf(p, sizeof p, "%s/.build-99999", idx);
  cr_assert_neq(access(p, F_OK), 0, "leftover build folder was not removed");
}

Test(index, a_second_concurrent_build_is_refused) {
  char p[600];
  snprintf(p, sizeof p, "%s/.lock", idx);
  int fd = open(p, O_RDWR);
  cr_assert_geq(fd, 0);
  cr_assert_eq(flock(fd, LOCK_EX), 0); /* another "indexer" holds the lock */
  cr_assert_eq(kt_index_build(KT_TEST_DATA "/catalog-mini", idx, NULL, NULL), KT_ELOCKED);
  cr_assert(strstr(kt_error_last(), "being built"), "%s", kt_error_last());
  close(fd);
}

Test(index, open_reader_keeps_answering_and_refresh_switches) {
  kt_index_info i1;
  kt_engine_info(eng, &i1);
  char *g1 = strdup(i1.generation);
  cr_assert_eq(kt_index_build(KT_TEST_DATA "/catalog-mini", idx, NULL, NULL), KT_OK);
  /* The engine opened before the switch still answers from its generation. */
  kt_results *r = kt_test_search(eng, "palkkatuki", NULL);
  cr_assert_str_eq(kt_results_get(r, 0)->id, "palkkatuki");
  kt_results_free(r);
  int changed = 0;
  cr_assert_eq(kt_engine_refresh(eng, &changed), KT_OK);
  cr_assert_eq(changed, 1);
  kt_index_info i2;
  kt_engine_info(eng, &i2);
  cr_assert_str_neq(i2.generation, g1);
  cr_assert_eq(kt_engine_refresh(eng, &changed), KT_OK);
  cr_assert_eq(changed, 0);
  free(g1);
}

Test(index, old_generations_are_pruned) {
  for (int i = 0; i < 3; i++)
    cr_assert_eq(kt_index_build(KT_TEST_DATA "/catalog-mini", idx, NULL, NULL), KT_OK);
  char cmd[700];
  snprintf(cmd, sizeof cmd, "ls -d %s/gen-* | wc -l", idx);
  char *out;
  kt_test_run(cmd, &out);
  cr_assert_eq(atoi(out), 2, "generations kept: %s", out);
  free(out);
}

/* The services in file-name order, as the scan hands them (ids, ended). */
typedef struct order {
  char *id[1024];
  bool ended[1024];
  size_t n;
} order;
static int collect(kt__service *s, size_t i, size_t n, void *ud) {
  (void)i;
  (void)n;
  order *o = ud;
  cr_assert_lt(o->n, 1024);
  o->ended[o->n] = s->ended;
  o->id[o->n++] = strdup(s->id);
  return KT_OK;
}

/* Analysis runs in parallel workers over a ring of 64 jobs; the documents
 * must still be written in catalogue order, each with its own service's
 * data, past many turns of the ring (the bundled catalogue). */
Test(index, documents_follow_the_catalogue_order_past_the_job_ring) {
  order o = {.n = 0};
  cr_assert_eq(kt__catalog_scan(KT_CATALOG_DIR, collect, &o, NULL), KT_OK, "%s", kt_error_last());
  cr_assert_gt(o.n, 3 * 64, "the catalogue is too small to wrap the ring");
  char *dir = kt_test_tmpdir();
  cr_assert_eq(kt_index_build(KT_CATALOG_DIR, dir, NULL, NULL), KT_OK, "%s", kt_error_last());
  char *cur = kt__path_join(dir, "current"), *xdir = kt__path_join(cur, "xapian");
  ktx_db *db = NULL;
  cr_assert_eq(ktx_db_open(&db, xdir), KT_OK, "%s", kt_error_last());
  unsigned docid = 0, last = 0;
  for (size_t i = 0; i < o.n; i++) {
    if (o.ended[i]) continue;
    char *data = NULL;
    cr_assert_eq(ktx_db_get_data(db, ++docid, &data), KT_OK, "%s", kt_error_last());
    size_t l = strlen(o.id[i]);
    cr_assert(!strncmp(data, o.id[i], l) && data[l] == '\t',
              "document %u is not %s (file order %zu): %.40s", docid, o.id[i], i, data);
    free(data);
  }
  cr_assert_eq(ktx_db_lastdocid(db, &last), KT_OK);
  cr_assert_eq(last, docid, "%u documents for %u indexed services", last, docid);
  ktx_db_close(db);
  for (size_t i = 0; i < o.n; i++)
    free(o.id[i]);
  free(cur);
  free(xdir);
  kt__rm_rf(dir);
}
