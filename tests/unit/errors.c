/*
 * errors.c — the error contract of the public API (kohtaanto.h,
 * kt_error_last): every call that returns a status clears the last message
 * on entry, so a call that succeeds after a failed one leaves "" and never
 * shows the earlier failure; destructors leave the message of a failure for
 * the clean-up after it.
 */
#define _GNU_SOURCE
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A failure that sets a message naming a path no successful call names. */
static void fail_first(void) {
  kt_engine *e = NULL;
  cr_assert_neq(kt_engine_open(&e, "/nonexistent/kt-stale-error"), KT_OK);
  cr_assert(strstr(kt_error_last(), "kt-stale-error"), "%s", kt_error_last());
}

#define CLEARS(call)                                                                               \
  do {                                                                                             \
    fail_first();                                                                                  \
    int rc_ = (call);                                                                              \
    cr_assert_eq(rc_, KT_OK, "%s: %s", #call, kt_error_last());                                    \
    cr_assert_str_eq(kt_error_last(), "", "%s left the earlier failure's message", #call);         \
  } while (0)

Test(errors, a_successful_call_after_a_failed_one_leaves_no_message) {
  char *idx = kt_test_mini_index();
  const char *cat = KT_TEST_DATA "/catalog-mini";
  size_t n = 0;
  CLEARS(kt_catalog_validate(cat, &n));

  kt_analyzer *an = NULL;
  CLEARS(kt_analyzer_open(&an));
  kt_analysis *a = NULL;
  CLEARS(kt_analyze(an, "työkokeilu", strlen("työkokeilu"), &a));
  kt_analysis_free(a);
  kt_analyzer_close(an);

  kt_engine *e = NULL;
  CLEARS(kt_engine_open(&e, idx));
  int changed = 0;
  CLEARS(kt_engine_refresh(e, &changed));
  kt_index_info info;
  CLEARS(kt_engine_info(e, &info));
  CLEARS(kt_engine_set_feedback(e, NULL));
  kt_results *r = NULL;
  CLEARS(kt_search(e, "velat", strlen("velat"), NULL, &r));
  char *json = NULL;
  CLEARS(kt_results_json(r, &json));
  kt_free(json);
  kt_results_free(r);
  const kt_result *first = NULL;
  CLEARS(kt_search(e, "työ", strlen("työ"), NULL, &r));
  cr_assert(kt_results_count(r) > 0);
  first = kt_results_get(r, 0);
  char *rec = NULL;
  CLEARS(kt_service_get(e, first->id, &rec, NULL));
  kt_free(rec);
  kt_results_free(r);
  CLEARS(kt_services_json(e, NULL, &json));
  kt_free(json);
  kt_engine_close(e);
  CLEARS(kt_index_verify(idx));
}

Test(errors, a_destructor_keeps_the_message_of_the_failure_before_it) {
  fail_first();
  kt_engine_close(NULL);
  kt_results_free(NULL);
  kt_analyzer_close(NULL);
  kt_free(NULL);
  cr_assert(strstr(kt_error_last(), "kt-stale-error"), "%s", kt_error_last());
}
