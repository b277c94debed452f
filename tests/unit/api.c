/* Error paths of the public API and of the Xapian shim's exception mapping. */
#define _GNU_SOURCE
#include "helpers.h"
#include "xapian_shim.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

TestSuite(api);

Test(api, version_matches_header) {
  cr_assert_eq(kt_version_number(), KT_VERSION_NUMBER);
  cr_assert_str_eq(kt_version(), KT_VERSION_STRING);
}

Test(api, every_code_has_a_name) {
  for (int c = KT_EINTERNAL; c <= KT_OK; c++)
    cr_assert_str_neq(kt_strerror(c), "unknown error");
  cr_assert_str_eq(kt_strerror(-999), "unknown error");
}

Test(api, destructors_accept_null) {
  kt_engine_close(NULL);
  kt_results_free(NULL);
  kt_analyzer_close(NULL);
  kt_analysis_free(NULL);
  kt_free(NULL);
}

Test(api, null_arguments_are_einval) {
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(NULL, "/tmp"), KT_EINVAL);
  cr_assert_eq(kt_engine_open(&e, NULL), KT_EINVAL);
  cr_assert_eq(kt_search(NULL, "x", 1, NULL, NULL), KT_EINVAL);
  cr_assert_eq(kt_index_build(NULL, "/tmp/x", NULL, NULL), KT_EINVAL);
  cr_assert_eq(kt_service_get(NULL, "x", NULL, NULL), KT_EINVAL);
}

Test(api, missing_index_is_enoindex_naming_the_folder) {
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, "/nonexistent/kt-index"), KT_ENOINDEX);
  cr_assert_null(e);
  cr_assert(strstr(kt_error_last(), "/nonexistent/kt-index"), "%s", kt_error_last());
}

Test(api, damaged_generation_is_ecorrupt) {
  char *d = kt_test_tmpdir();
  char p[600];
  snprintf(p, sizeof p, "%s/gen-x/xapian", d);
  kt__mkdir_p(p);
  snprintf(p, sizeof p, "%s/gen-x/records.mdb", d);
  FILE *f = fopen(p, "w");
  fputs("this is not an LMDB file, just some bytes that are long enough to look like a header", f);
  fclose(f);
  snprintf(p, sizeof p, "%s/current", d);
  cr_assert_eq(symlink("gen-x", p), 0);
  kt_engine *e = NULL;
  int rc = kt_engine_open(&e, d);
  cr_assert_eq(rc, KT_ECORRUPT, "rc %d: %s", rc, kt_error_last());
  kt__rm_rf(d);
  free(d);
}

Test(api, search_rejects_bad_input_clearly) {
  char *idx = kt_test_mini_index();
  kt_engine *e;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK);
  kt_results *r = NULL;
  cr_assert_eq(kt_search(e, "työ\xff", 5, NULL, &r), KT_EINVAL);
  cr_assert_null(r);
  cr_assert(strstr(kt_error_last(), "UTF-8"), "%s", kt_error_last());

  size_t n = 10u << 20; /* a 10 MB need text */
  char *big = malloc(n);
  memset(big, 'a', n);
  cr_assert_eq(kt_search(e, big, n, NULL, &r), KT_ETOOBIG);
  cr_assert(strstr(kt_error_last(), "limit"), "%s", kt_error_last());
  free(big);

  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.version = 99;
  cr_assert_eq(kt_search(e, "työ", 4, &o, &r), KT_EINVAL);
  cr_assert(strstr(kt_error_last(), "version"), "%s", kt_error_last());

  o = (kt_search_options)KT_SEARCH_OPTIONS_INIT;
  const char *bad[] = {"\xff"};
  o.categories = (kt_strlist){bad, 1};
  cr_assert_eq(kt_search(e, "työ", 4, &o, &r), KT_EINVAL);

  /* NUL bytes inside the text are treated as spaces, not as the end. */
  cr_assert_eq(kt_search(e, "x\0palkkatuki", 12, NULL, &r), KT_OK);
  cr_assert_str_eq(kt_results_get(r, 0)->id, "palkkatuki");
  kt_results_free(r);
  kt_engine_close(e);
  kt__rm_rf(idx);
  free(idx);
}

/* ---- the C++ firewall: each exception maps to its code ------------------- */

Test(api, shim_maps_missing_database_to_enoindex) {
  ktx_db *db = NULL;
  cr_assert_eq(ktx_db_open(&db, "/nonexistent/kt-xapian"), KT_ENOINDEX);
  cr_assert_null(db);
}

Test(api, shim_maps_garbage_database_to_ecorrupt_or_enoindex) {
  char *d = kt_test_tmpdir();
  char p[600];
  snprintf(p, sizeof p, "%s/iamglass", d);
  FILE *f = fopen(p, "w");
  fputs("garbage", f);
  fclose(f);
  ktx_db *db = NULL;
  int rc = ktx_db_open(&db, d);
  cr_assert(rc == KT_ECORRUPT || rc == KT_ENOINDEX, "rc %d: %s", rc, kt_error_last());
  kt__rm_rf(d);
  free(d);
}

Test(api, shim_maps_lock_error_to_elocked) {
  char *d = kt_test_tmpdir();
  ktx_writer *w1 = NULL, *w2 = NULL;
  cr_assert_eq(ktx_writer_open(&w1, d), KT_OK, "%s", kt_error_last());
  cr_assert_eq(ktx_writer_open(&w2, d), KT_ELOCKED, "%s", kt_error_last());
  ktx_writer_free(w1);
  kt__rm_rf(d);
  free(d);
}

Test(api, shim_maps_invalid_argument_to_einval) {
  ktx_doc *doc = NULL;
  cr_assert_eq(ktx_doc_new(&doc), KT_OK);
  /* Xapian rejects empty terms with InvalidArgumentError. */
  cr_assert_eq(ktx_doc_add_term(doc, "", 1), KT_EINVAL, "%s", kt_error_last());
  ktx_doc_free(doc);
}

/* Issue 12: the flags word is checked; nothing private travels in it. */
Test(api, unknown_search_flags_are_einval) {
  char *idx = kt_test_mini_index();
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  kt_results *r = NULL;
  o.flags = 1u << 31;
  cr_assert_eq(kt_search(e, "velat", 5, &o, &r), KT_EINVAL);
  cr_assert(strstr(kt_error_last(), "unknown bits 0x80000000"), "%s", kt_error_last());
  o.flags = 1u << 6;
  cr_assert_eq(kt_search(e, "velat", 5, &o, &r), KT_EINVAL);
  o.flags = KT_SEARCH_KNOWN_FLAGS & ~(unsigned)(KT_SEARCH_MODE_SURFACE | KT_SEARCH_MODE_SNOWBALL);
  cr_assert_eq(kt_search(e, "velat", 5, &o, &r), KT_OK, "%s", kt_error_last());
  kt_results_free(r);
  kt_engine_close(e);
}

Test(api, ranking_parameters_are_named_and_checked) {
  char *idx = kt_test_mini_index();
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  double def, lo, hi;
  const char *name = kt_ranking_param(0, &def, &lo, &hi);
  cr_assert_not_null(name);
  cr_assert(lo <= def && def <= hi);
  cr_assert_eq(kt_engine_set_param(e, name, def), KT_OK);
  cr_assert_eq(kt_engine_set_param(e, name, hi + 1), KT_EINVAL);
  cr_assert(strstr(kt_error_last(), name), "%s", kt_error_last());
  cr_assert_eq(kt_engine_set_param(e, "no_such_param", 1), KT_EINVAL);
  cr_assert(strstr(kt_error_last(), "no_such_param"), "%s", kt_error_last());
  size_t n = 0;
  while (kt_ranking_param(n, NULL, NULL, NULL))
    n++;
  cr_assert_gt(n, 10);
  cr_assert_null(kt_ranking_param(n, NULL, NULL, NULL));
  kt_engine_close(e);
}

static const kt_signal *find_signal(const kt_results *r, int kind) {
  for (size_t i = 0; i < kt_results_signal_count(r); i++)
    if (kt_results_signal(r, i)->kind == kind) return kt_results_signal(r, i);
  return NULL;
}

Test(api, the_counsellor_corrects_the_signals_read) {
  char *idx = kt_test_mini_index();
  kt_engine *e;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK);
  static const char need[] = "22v, asuu Espoossa, velat kasassa";
  kt_results *r = NULL;
  cr_assert_eq(kt_search(e, need, strlen(need), NULL, &r), KT_OK);
  cr_assert_not_null(find_signal(r, KT_SIGNAL_AGE));
  cr_assert_not_null(find_signal(r, KT_SIGNAL_MUNICIPALITY));
  kt_results_free(r);

  /* A removed age goes with the age band read from it; a set municipality
   * replaces the one read, and says who set it. */
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  const char *removed[] = {"age:22"};
  o.signals_removed = (kt_strlist){removed, 1};
  o.client_municipality = "Helsinki";
  o.client_language = "no_finnish";
  cr_assert_eq(kt_search(e, need, strlen(need), &o, &r), KT_OK, "%s", kt_error_last());
  cr_assert_null(find_signal(r, KT_SIGNAL_AGE));
  cr_assert_null(find_signal(r, KT_SIGNAL_TARGET_GROUP), "the age band 'nuoret' is gone too");
  const kt_signal *m = find_signal(r, KT_SIGNAL_MUNICIPALITY);
  cr_assert_str_eq(m->value, "Helsinki");
  cr_assert_str_eq(m->label, "asuinkunta Helsinki (asiantuntija)");
  cr_assert_eq(m->span.end, 0, "set, not read from the text");
  cr_assert_str_eq(find_signal(r, KT_SIGNAL_LANGUAGE)->value, "no_finnish");
  kt_results_free(r);

  /* A set age brings its band. */
  o = (kt_search_options)KT_SEARCH_OPTIONS_INIT;
  o.client_age = "60";
  cr_assert_eq(kt_search(e, need, strlen(need), &o, &r), KT_OK);
  cr_assert_str_eq(find_signal(r, KT_SIGNAL_AGE)->value, "60");
  cr_assert_str_eq(find_signal(r, KT_SIGNAL_TARGET_GROUP)->value, "ikaantyneet");
  kt_results_free(r);

  /* Unknown kinds, values and groups are errors. */
  const char *bad[] = {"mood:happy"};
  o = (kt_search_options)KT_SEARCH_OPTIONS_INIT;
  o.signals_removed = (kt_strlist){bad, 1};
  cr_assert_eq(kt_search(e, need, strlen(need), &o, &r), KT_EINVAL);
  o = (kt_search_options)KT_SEARCH_OPTIONS_INIT;
  o.client_age = "old";
  cr_assert_eq(kt_search(e, need, strlen(need), &o, &r), KT_EINVAL);
  const char *nogroup[] = {"nope"};
  o = (kt_search_options)KT_SEARCH_OPTIONS_INIT;
  o.client_groups = (kt_strlist){nogroup, 1};
  cr_assert_eq(kt_search(e, need, strlen(need), &o, &r), KT_EINVAL);

  /* A version 1 caller (no corrections in its struct) still searches. */
  o = (kt_search_options)KT_SEARCH_OPTIONS_INIT;
  o.version = 1;
  o.client_age = "not read: past a version 1 struct";
  cr_assert_eq(kt_search(e, need, strlen(need), &o, &r), KT_OK);
  cr_assert_str_eq(find_signal(r, KT_SIGNAL_AGE)->value, "22");
  kt_results_free(r);
  kt_engine_close(e);
  kt__rm_rf(idx);
  free(idx);
}
