/* Tests of `kohtaanto import ptv` (cli/import_cmd.c): PTV open API service
 * JSON (tests/data/ptv, written for these tests) becomes catalogue entries
 * that validate, index and are found by a search; what cannot be mapped is
 * reported; invalid or unpublished services are not written. */
#define _GNU_SOURCE
#include "helpers.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define PTV KT_TEST_DATA "/ptv"

static char *cat;
static void setup(void) {
  cat = kt_test_tmpdir();
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "cp -r %s/catalog-mini/services %s/", KT_TEST_DATA, cat);
  cr_assert_eq(system(cmd), 0);
}
static void teardown(void) {
  kt__rm_rf(cat);
  free(cat);
}
TestSuite(import, .init = setup, .fini = teardown);

static int import(char **out, const char *files) {
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "%s import ptv --catalog %s %s 2>&1", KT_CLI_BIN, cat, files);
  return kt_test_run(cmd, out);
}

static bool exists(const char *id) {
  char p[1024];
  snprintf(p, sizeof p, "%s/services/%s.json", cat, id);
  struct stat st;
  return stat(p, &st) == 0;
}

Test(import, one_service_becomes_a_valid_entry_and_the_unmapped_is_reported) {
  char *out;
  cr_assert_eq(import(&out, PTV "/service.json"), 0, "%s", out);
  cr_assert(strstr(out, "wrote "), "%s", out);
  cr_assert(strstr(out, "not mapped: target group 'Viranomaiset' KR3"), "%s", out);
  cr_assert(strstr(out, "serviceChannels (1)"), "%s", out);
  cr_assert(strstr(out, "assumed: "), "%s", out);
  free(out);
  cr_assert(exists("nuorten-pyorakorjaamo"));
  size_t n = 0;
  cr_assert_eq(kt_catalog_validate(cat, &n), KT_OK, "%s", kt_error_last());
  cr_assert_eq(n, 10);
  char p[1024];
  snprintf(p, sizeof p, "%s/services/nuorten-pyorakorjaamo.json", cat);
  json_t *e = json_load_file(p, 0, NULL);
  cr_assert_not_null(e);
  cr_assert_str_eq(json_string_value(json_object_get(e, "category")), "nuoret");
  /* The parent group "Kansalaiset" gives way to the specific one. */
  cr_assert_eq(json_array_size(json_object_get(e, "target_groups")), 1);
  cr_assert_str_eq(json_string_value(json_array_get(json_object_get(e, "target_groups"), 0)),
                   "nuoret");
  cr_assert_str_eq(json_string_value(json_array_get(json_object_get(e, "municipalities"), 0)),
                   "Helsinki");
  cr_assert_str_eq(json_string_value(json_object_get(e, "cost")), "Maksuton.");
  cr_assert_str_eq(json_string_value(json_object_get(e, "fee")), "maksuton");
  cr_assert_str_eq(json_string_value(json_object_get(json_object_get(e, "source"), "ptv")),
                   "0b6f1c2e-4d3a-4e5f-9a8b-7c6d5e4f3a21");
  json_decref(e);
}

/* The documented round trip: PTV export -> import -> index -> search. */
Test(import, an_imported_service_is_found_by_a_search) {
  char *out;
  cr_assert_eq(import(&out, PTV "/service.json"), 0, "%s", out);
  free(out);
  char *idx = kt_test_tmpdir();
  cr_assert_eq(kt_index_build(cat, idx, NULL, NULL), KT_OK, "%s", kt_error_last());
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  kt_results *r =
      kt_test_search(e, "nuori korjaisi mielellään polkupyöriä, ei opiskelupaikkaa", NULL);
  cr_assert_eq(kt_test_rank(r, "nuorten-pyorakorjaamo"), 0, "rank %d",
               kt_test_rank(r, "nuorten-pyorakorjaamo"));
  kt_results_free(r);
  kt_engine_close(e);
  kt__rm_rf(idx);
  free(idx);
}

Test(import, arrays_and_list_pages_are_read_and_bad_services_are_skipped_with_reasons) {
  char *out;
  int rc = import(&out, PTV "/services-array.json " PTV "/list-page.json");
  cr_assert_eq(rc, 3, "rc %d: %s", rc, out);
  cr_assert(strstr(out, "skipped: publishingStatus is Draft, not Published"), "%s", out);
  cr_assert(strstr(out, "field 'description.fi': has 3 words; expected 80-250"), "%s", out);
  cr_assert(strstr(out, "skipped: only an id and a name (a list page without details)"), "%s", out);
  cr_assert(strstr(out, "not mapped: language sv (PTV has no name and summary in it)"), "%s", out);
  cr_assert(strstr(out, "2 services written, 3 skipped"), "%s", out);
  free(out);
  cr_assert(exists("etuusneuvonta-puhelimessa-tyottomalle"));
  cr_assert(exists("nuorten-pyorakorjaamo"));
  cr_assert(!exists("lyhyesti-kuvattu-palvelu"));
  cr_assert(!exists("luonnos"));
  cr_assert_eq(kt_catalog_validate(cat, NULL), KT_OK, "%s", kt_error_last());
}

Test(import, a_second_import_updates_the_same_file_and_never_overwrites_another_service) {
  char *out, cmd[2048];
  /* Another service already holds the id the name would give. */
  snprintf(cmd, sizeof cmd,
           "sed 's/\"id\": \"tyokokeilu\"/\"id\": \"nuorten-pyorakorjaamo\"/' "
           "%s/services/tyokokeilu.json > %s/services/nuorten-pyorakorjaamo.json",
           cat, cat);
  cr_assert_eq(system(cmd), 0);
  cr_assert_eq(import(&out, PTV "/service.json"), 0, "%s", out);
  free(out);
  cr_assert(exists("nuorten-pyorakorjaamo-2"));
  cr_assert_eq(import(&out, PTV "/service.json"), 0, "%s", out);
  cr_assert(strstr(out, "nuorten-pyorakorjaamo-2.json"), "%s", out);
  free(out);
  cr_assert(!exists("nuorten-pyorakorjaamo-3"));
  snprintf(cmd, sizeof cmd,
           "grep -q '\"id\": \"nuorten-pyorakorjaamo\"' %s/services/nuorten-pyorakorjaamo.json && "
           "grep -q Työkokeilu %s/services/nuorten-pyorakorjaamo.json",
           cat, cat);
  cr_assert_eq(system(cmd), 0, "the other service's file was overwritten");
}

Test(import, usage_errors_and_unreadable_files) {
  char *out, cmd[2048];
  snprintf(cmd, sizeof cmd, "%s import csv x.json 2>&1", KT_CLI_BIN);
  cr_assert_eq(kt_test_run(cmd, &out), 2, "%s", out);
  free(out);
  char bad[1024];
  snprintf(bad, sizeof bad, "%s/broken.json", cat);
  FILE *f = fopen(bad, "w");
  cr_assert_not_null(f);
  fputs("{\"serviceNames\": [", f);
  fclose(f);
  cr_assert_eq(import(&out, bad), 3, "%s", out);
  cr_assert(strstr(out, "invalid JSON"), "%s", out);
  free(out);
  cr_assert_eq(import(&out, "/nonexistent/ptv.json"), 3, "%s", out);
  cr_assert(strstr(out, "cannot read /nonexistent/ptv.json"), "%s", out);
  free(out);
  snprintf(cmd, sizeof cmd, "%s import ptv --catalog /nonexistent/cat %s/service.json 2>&1",
           KT_CLI_BIN, PTV);
  cr_assert_eq(kt_test_run(cmd, &out), 3, "%s", out);
  cr_assert(strstr(out, "is not a catalogue folder"), "%s", out);
  free(out);
}
