/* Tests of the catalogue loader and validation (engine/catalog.c), and of the
 * bundled catalogue against its outline (catalog/outline.csv). */
#define _GNU_SOURCE
#include "catalog.h"
#include "helpers.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

TestSuite(catalog);

/* Each folder under tests/data/catalog-bad holds a broken catalogue and an
 * `expect` file: lines that must all appear in the error message. */
Test(catalog, every_broken_catalogue_fails_naming_file_and_field) {
  DIR *d = opendir(KT_TEST_DATA "/catalog-bad");
  cr_assert_not_null(d);
  struct dirent *e;
  int cases = 0;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char dir[512], exp[600];
    snprintf(dir, sizeof dir, "%s/catalog-bad/%s", KT_TEST_DATA, e->d_name);
    snprintf(exp, sizeof exp, "%s/expect", dir);
    size_t n = 99;
    int rc = kt_catalog_validate(dir, &n);
    cr_expect_eq(rc, KT_ECATALOG, "case %s: rc %d", e->d_name, rc);
    cr_expect_eq(n, 0);
    const char *msg = kt_error_last();
    FILE *f = fopen(exp, "r");
    cr_assert_not_null(f, "case %s has no expect file", e->d_name);
    char line[512];
    while (fgets(line, sizeof line, f)) {
      line[strcspn(line, "\n")] = '\0';
      if (!*line) continue;
      cr_expect(strstr(msg, line), "case %s: message lacks '%s':\n%s", e->d_name, line, msg);
    }
    fclose(f);
    cases++;
  }
  closedir(d);
  cr_assert_geq(cases, 21);
}

Test(catalog, a_failed_validation_builds_nothing) {
  char *idx = kt_test_tmpdir();
  int rc = kt_index_build(KT_TEST_DATA "/catalog-bad/missing-summary", idx, NULL, NULL);
  cr_assert_eq(rc, KT_ECATALOG);
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_ENOINDEX);
  free(idx);
}

Test(catalog, a_missing_folder_is_an_io_error_naming_it) {
  cr_assert_eq(kt_catalog_validate("/nonexistent/kt-catalog", NULL), KT_EIO);
  cr_assert(strstr(kt_error_last(), "/nonexistent/kt-catalog/services"), "%s", kt_error_last());
}

Test(catalog, the_mini_catalogue_is_valid) {
  size_t n = 0;
  cr_assert_eq(kt_catalog_validate(KT_TEST_DATA "/catalog-mini", &n), KT_OK, "%s", kt_error_last());
  cr_assert_eq(n, 9);
}

/* ---- status, contact, apply ---------------------------------------------- */

Test(catalog, an_ended_service_needs_no_contact_and_may_keep_its_defunct_provider) {
  size_t n = 0;
  cr_assert_eq(kt_catalog_validate(KT_TEST_DATA "/catalog-status", &n), KT_OK, "%s",
               kt_error_last());
  cr_assert_eq(n, 3);
}

Test(catalog, defunct_organisations_are_recognised_at_word_starts_only) {
  cr_assert_not_null(kt__defunct_provider("Uudenmaan ELY-keskus"));
  cr_assert_not_null(kt__defunct_provider("TE-palvelut / EURES-verkosto"));
  cr_assert_not_null(kt__defunct_provider("Helsingin kuntakokeilu"));
  cr_assert_not_null(kt__defunct_provider("Valvira / hyväksytyt testaajat"));
  cr_assert_null(kt__defunct_provider("Helsingin kaupunki / Työllisyyspalvelut"));
  cr_assert_null(kt__defunct_provider("KEHA-keskus"));
  cr_assert_null(kt__defunct_provider("KOTE-palvelut"));
  cr_assert_null(kt__defunct_provider("Lupa- ja valvontavirasto"));
  cr_assert_null(kt__defunct_provider(NULL));
}

Test(catalog, one_record_is_checked_as_the_loader_checks_it) {
  char *json = NULL;
  size_t len = 0;
  FILE *f = fopen(KT_TEST_DATA "/catalog-mini/services/tyokokeilu.json", "r");
  cr_assert_not_null(f);
  cr_assert_gt(getdelim(&json, &len, '\0', f), 0);
  fclose(f);
  cr_assert_eq(kt_service_check(json, strlen(json), "services/tyokokeilu.json"), KT_OK, "%s",
               kt_error_last());
  cr_assert_eq(kt_service_check(json, strlen(json), "services/toinen.json"), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "services/toinen.json: field 'id'"), "%s", kt_error_last());
  char *p = strstr(json, "\"contact\"");
  cr_assert_not_null(p);
  memcpy(p, "\"kontakt\"", 9);
  cr_assert_eq(kt_service_check(json, strlen(json), "x.json"), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "field 'contact': missing"), "%s", kt_error_last());
  cr_assert_eq(kt_service_check(NULL, 0, "x.json"), KT_EINVAL);
  free(json);
}

/* An ended service keeps its record (show, GET /api/services/{id}) but no
 * search ranks it and the browse list leaves it out, even when the need
 * text names it. */
Test(catalog, an_ended_service_is_kept_but_never_ranked_or_listed) {
  char *idx = kt_test_tmpdir();
  cr_assert_eq(kt_index_build(KT_TEST_DATA "/catalog-status", idx, NULL, NULL), KT_OK, "%s",
               kt_error_last());
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  kt_results *r =
      kt_test_search(e, "työnhakuvalmennus: cv, työhaastattelu ja piilotyöpaikat", NULL);
  cr_assert_geq(kt_test_rank(r, "tyonhakuvalmennus"), 0, "the active twin is found");
  cr_assert_eq(kt_test_rank(r, "tyonhakuvalmennus-hanke"), -1, "the ended service is ranked");
  kt_results_free(r);
  char *json = NULL;
  cr_assert_eq(kt_service_get(e, "tyonhakuvalmennus-hanke", &json, NULL), KT_OK);
  cr_assert(strstr(json, "\"status\": \"ended\""), "%s", json);
  kt_free(json);
  json = NULL;
  cr_assert_eq(kt_services_json(e, NULL, &json), KT_OK, "%s", kt_error_last());
  cr_assert(strstr(json, "\"tyonhakuvalmennus\""), "%s", json);
  cr_assert_null(strstr(json, "tyonhakuvalmennus-hanke"), "%s", json);
  kt_free(json);
  kt_engine_close(e);
  kt__rm_rf(idx);
  free(idx);
}

Test(catalog, contact_and_apply_are_passed_through_in_the_record) {
  char *idx = kt_test_mini_index();
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  char *json = NULL;
  cr_assert_eq(kt_service_get(e, "tyokokeilu", &json, NULL), KT_OK);
  json_t *rec = json_loads(json, 0, NULL);
  cr_assert_not_null(rec);
  cr_assert_str_eq(json_string_value(json_object_get(rec, "status")), "active");
  cr_assert_not_null(json_string_value(json_object_get(json_object_get(rec, "contact"), "web")));
  cr_assert_gt(json_array_size(json_object_get(json_object_get(rec, "apply"), "routes")), 0);
  json_decref(rec);
  kt_free(json);
  kt_engine_close(e);
  kt__rm_rf(idx);
  free(idx);
}

/* ---- the schema table ------------------------------------------------------ */

/* A mini catalogue record with @p field set to @p value (a string, or a
 * one-string array when @p array), checked by the loader. */
static int check_with(const char *field, const char *value, bool array) {
  json_error_t err;
  json_t *rec =
      json_load_file(KT_TEST_DATA "/catalog-mini/services/kotoutumiskoulutus.json", 0, &err);
  cr_assert_not_null(rec, "%s", err.text);
  json_t *v = array ? json_pack("[s]", value) : json_string(value);
  json_object_set_new(rec, field, v);
  char *text = json_dumps(rec, 0);
  int rc = kt_service_check(text, strlen(text), "services/kotoutumiskoulutus.json");
  free(text);
  json_decref(rec);
  return rc;
}

/* The loader validates by the same table kt_schema_json() publishes (and
 * the page reads): every code listed is accepted, any other refused. */
Test(catalog, the_loader_accepts_exactly_the_codes_the_schema_lists) {
  char *s = NULL;
  cr_assert_eq(kt_schema_json(&s), KT_OK, "%s", kt_error_last());
  json_t *doc = json_loads(s, 0, NULL);
  kt_free(s);
  cr_assert_not_null(doc);
  static const struct {
    const char *vocab, *field;
    bool array;
  } checked[] = {
      {"category", "category", false},
      {"target_group", "target_groups", true},
      {"delivery", "delivery", true},
      {"finnish_level", "finnish_level", false},
  };
  for (size_t k = 0; k < sizeof checked / sizeof *checked; k++) {
    json_t *codes = json_object_get(json_object_get(doc, "vocabularies"), checked[k].vocab);
    cr_assert_gt(json_array_size(codes), 0, "%s", checked[k].vocab);
    size_t i;
    json_t *c;
    json_array_foreach(codes, i, c) {
      const char *id = json_string_value(json_object_get(c, "id"));
      cr_assert_eq(check_with(checked[k].field, id, checked[k].array), KT_OK, "%s '%s': %s",
                   checked[k].field, id, kt_error_last());
    }
    cr_assert_eq(check_with(checked[k].field, "ei_listalla", checked[k].array), KT_ECATALOG,
                 "%s accepted a code the schema does not list", checked[k].field);
  }
  json_decref(doc);
}

/* Every client language the schema lists is a correction the engine takes. */
Test(catalog, the_schema_client_languages_are_corrections_the_engine_takes) {
  char *s = NULL;
  cr_assert_eq(kt_schema_json(&s), KT_OK, "%s", kt_error_last());
  json_t *doc = json_loads(s, 0, NULL);
  kt_free(s);
  char *idx = kt_test_mini_index();
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  json_t *codes = json_object_get(json_object_get(doc, "vocabularies"), "client_language");
  cr_assert_gt(json_array_size(codes), 0);
  size_t i;
  json_t *c;
  json_array_foreach(codes, i, c) {
    kt_search_options o = KT_SEARCH_OPTIONS_INIT;
    o.client_language = json_string_value(json_object_get(c, "id"));
    kt_results *r = NULL;
    cr_assert_eq(kt_search(e, "työ", strlen("työ"), &o, &r), KT_OK, "%s: %s", o.client_language,
                 kt_error_last());
    kt_results_free(r);
  }
  kt_engine_close(e);
  kt__rm_rf(idx);
  free(idx);
  json_decref(doc);
}

/* ---- the bundled catalogue ------------------------------------------------ */

Test(catalog, the_bundled_catalogue_is_valid) {
  size_t n = 0;
  int rc = kt_catalog_validate(KT_CATALOG_DIR, &n);
  cr_assert_eq(rc, KT_OK, "%s", kt_error_last());
  cr_assert_geq(n, 250);
}

/* Split a CSV line (with "quoted, fields") into at most @p max fields. */
static int csv_split(char *line, char **f, int max) {
  int n = 0;
  char *p = line;
  while (n < max && *p) {
    if (*p == '"') {
      char *o = ++p;
      f[n++] = o;
      while (*p && !(*p == '"' && p[1] != '"')) {
        if (*p == '"') p++;
        *o++ = *p++;
      }
      if (*p == '"') p++;
      *o = '\0';
      if (*p == ',') p++;
    } else {
      f[n++] = p;
      while (*p && *p != ',')
        p++;
      if (*p == ',') *p++ = '\0';
    }
  }
  return n;
}

Test(catalog, every_outline_service_exists_with_its_outline_facts) {
  FILE *f = fopen(KT_CATALOG_DIR "/outline.csv", "r");
  cr_assert_not_null(f);
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  int rows = 0;
  getline(&line, &cap, f); /* header */
  while ((len = getline(&line, &cap, f)) > 0) {
    line[strcspn(line, "\r\n")] = '\0';
    char *c[8];
    if (csv_split(line, c, 8) < 7) continue;
    rows++;
    char path[512];
    snprintf(path, sizeof path, "%s/services/%s.json", KT_CATALOG_DIR, c[0]);
    json_error_t je;
    json_t *s = json_load_file(path, 0, &je);
    cr_expect_not_null(s, "outline id %s has no catalogue entry (%s)", c[0], je.text);
    if (!s) continue;
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(s, "name"), "fi")), c[1],
                     "%s: name.fi", c[0]);
    cr_expect_str_eq(json_string_value(json_object_get(s, "category")), c[2], "%s: category", c[0]);
    json_t *p = json_object_get(s, "provider");
    cr_expect_str_eq(json_string_value(json_object_get(p, "name")), c[4], "%s: provider", c[0]);
    cr_expect_str_eq(json_string_value(json_object_get(p, "type")), c[5], "%s: provider type",
                     c[0]);
    /* target groups: the outline's ;-list, in order */
    json_t *tg = json_object_get(s, "target_groups");
    char groups[512] = "";
    for (size_t i = 0; i < json_array_size(tg); i++) {
      if (i) strcat(groups, ";");
      strncat(groups, json_string_value(json_array_get(tg, i)), 100);
    }
    cr_expect_str_eq(groups, c[3], "%s: target_groups", c[0]);
    json_decref(s);
  }
  free(line);
  fclose(f);
  cr_assert_geq(rows, 250);
}
