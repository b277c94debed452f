/*
 * browse.c — kt_services_json() called directly: the listing, filters and
 * facet counts over the mini catalogue, and its argument errors.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <jansson.h>
#include <kohtaanto.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char root[] = "/tmp/kt-browse-XXXXXX";
static kt_engine *engine;

static void setup(void) {
  cr_assert_not_null(mkdtemp(root));
  char index[600];
  snprintf(index, sizeof index, "%s/index", root);
  cr_assert_eq(kt_index_build(KT_TEST_DATA "/catalog-mini", index, NULL, NULL), KT_OK, "%s",
               kt_error_last());
  cr_assert_eq(kt_engine_open(&engine, index), KT_OK, "%s", kt_error_last());
}
static void teardown(void) {
  kt_engine_close(engine);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system(cmd)) { /* best effort */
  }
}
TestSuite(browse, .init = setup, .fini = teardown);

static json_t *list(const kt_browse_filter *o) {
  char *s = NULL;
  cr_assert_eq(kt_services_json(engine, o, &s), KT_OK, "%s", kt_error_last());
  json_t *doc = json_loads(s, 0, NULL);
  cr_assert_not_null(doc, "valid JSON");
  kt_free(s);
  return doc;
}

static json_int_t count_of(json_t *doc, const char *facet, const char *value) {
  size_t i;
  json_t *e;
  json_array_foreach(json_object_get(json_object_get(doc, "facets"), facet), i, e) {
    if (!strcmp(json_string_value(json_object_get(e, "value")), value))
      return json_integer_value(json_object_get(e, "count"));
  }
  return -1;
}

Test(browse, lists_every_service_by_finnish_name) {
  json_t *d = list(NULL);
  json_t *s = json_object_get(d, "services");
  cr_assert_eq(json_array_size(s), 9);
  cr_assert_eq(json_integer_value(json_object_get(d, "total")), 9);
  const char *prev = "";
  for (size_t i = 0; i < json_array_size(s); i++) {
    const char *name =
        json_string_value(json_object_get(json_object_get(json_array_get(s, i), "name"), "fi"));
    cr_assert(strcasecmp(prev, name) <= 0 || strcmp(prev, "") == 0, "%s before %s", prev, name);
    prev = name;
  }
  json_decref(d);
}

Test(browse, filters_match_case_insensitively_and_national_services_match_any_municipality) {
  const char *m[] = {"espoo"};
  kt_browse_filter o = KT_BROWSE_FILTER_INIT;
  o.municipalities = (kt_strlist){m, 1};
  json_t *d = list(&o);
  cr_assert_eq(json_integer_value(json_object_get(d, "count")), 3);
  json_decref(d);
  const char *c[] = {"TUETTU_TYO"}, *l[] = {"en"};
  kt_browse_filter o2 = KT_BROWSE_FILTER_INIT;
  o2.categories = (kt_strlist){c, 1};
  o2.languages = (kt_strlist){l, 1};
  d = list(&o2);
  cr_assert_eq(json_integer_value(json_object_get(d, "count")), 2);
  /* A facet's counts ignore its own filter but apply the others. */
  cr_assert_eq(count_of(d, "category", "tuettu_tyo"), 2);
  cr_assert_eq(count_of(d, "category", "tyonhaku"), 0);
  cr_assert_eq(count_of(d, "language", "fi"), 2);
  json_decref(d);
}

Test(browse, an_unknown_value_matches_nothing) {
  const char *c[] = {"ei-ole"};
  kt_browse_filter o = KT_BROWSE_FILTER_INIT;
  o.categories = (kt_strlist){c, 1};
  json_t *d = list(&o);
  cr_assert_eq(json_integer_value(json_object_get(d, "count")), 0);
  cr_assert_eq(json_array_size(json_object_get(d, "services")), 0);
  json_decref(d);
}

Test(browse, bad_arguments_are_errors) {
  char *s = NULL;
  cr_assert_eq(kt_services_json(NULL, NULL, &s), KT_EINVAL);
  cr_assert_eq(kt_services_json(engine, NULL, NULL), KT_EINVAL);
  kt_browse_filter o = KT_BROWSE_FILTER_INIT;
  o.version = 99;
  cr_assert_eq(kt_services_json(engine, &o, &s), KT_EINVAL);
  cr_assert_null(s);
  const char *bad[] = {"caf\xc3"};
  kt_browse_filter o2 = KT_BROWSE_FILTER_INIT;
  o2.categories = (kt_strlist){bad, 1};
  cr_assert_eq(kt_services_json(engine, &o2, &s), KT_EINVAL);
  kt_browse_filter o3 = KT_BROWSE_FILTER_INIT;
  o3.languages = (kt_strlist){NULL, 1};
  cr_assert_eq(kt_services_json(engine, &o3, &s), KT_EINVAL);
  /* One limit for filters, in browsing as in search. */
  const char *many[KT_MAX_FILTER_VALUES + 1];
  for (int i = 0; i < KT_MAX_FILTER_VALUES + 1; i++)
    many[i] = "fi";
  kt_browse_filter o4 = KT_BROWSE_FILTER_INIT;
  o4.languages = (kt_strlist){many, KT_MAX_FILTER_VALUES};
  cr_assert_eq(kt_services_json(engine, &o4, &s), KT_OK, "%s", kt_error_last());
  kt_free(s);
  s = NULL;
  o4.languages = (kt_strlist){many, KT_MAX_FILTER_VALUES + 1};
  cr_assert_eq(kt_services_json(engine, &o4, &s), KT_ETOOBIG);
  kt_search_options so = KT_SEARCH_OPTIONS_INIT;
  so.languages = (kt_strlist){many, KT_MAX_FILTER_VALUES + 1};
  kt_results *r = NULL;
  cr_assert_eq(kt_search(engine, "työ", strlen("työ"), &so, &r), KT_ETOOBIG);
}

/* The parsed records belong to the engine's generation: closing the engine
 * frees them (they once stayed with the calling thread until it ended). */
static void *list_once(void *index) {
  kt_engine *e = NULL;
  char *s = NULL;
  if (kt_engine_open(&e, index) == KT_OK && kt_services_json(e, NULL, &s) == KT_OK) kt_free(s);
  kt_engine_close(e);
  return NULL;
}

Test(browse, closing_the_engine_frees_its_listing) {
#if defined(__SANITIZE_ADDRESS__)
  cr_skip_test("the sanitizer's allocator is not seen by mallinfo2()");
#endif
  char index[600];
  snprintf(index, sizeof index, "%s/index", root);
  /* Libraries' one-time state (ICU's case folding data, Voikko's) is set up
   * in a thread that ends, taking any per-thread state with it. */
  pthread_t t;
  cr_assert_eq(pthread_create(&t, NULL, list_once, index), 0);
  pthread_join(t, NULL);
  size_t before = mallinfo2().uordblks;
  list_once(index);
  size_t after = mallinfo2().uordblks;
  cr_assert_lt(after, before + 4096, "%zu bytes still held after kt_engine_close", after - before);
}
