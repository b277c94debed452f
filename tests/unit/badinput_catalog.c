/* Bad catalogues (issues 7 and 14): the catalogue loader (kt__service_parse)
 * field by field and file by file, whole catalogues through
 * kt_catalog_validate and kt_index_build, unreadable files and folders, a
 * full disk while indexing, escape sequences in file names, error counts
 * and the id limit. A failed build must leave the previous index exactly
 * as it was. (Split from badinput.c, issue 12.) */
#define _GNU_SOURCE
#include "catalog.h"
#include "hardening.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MINI KT_TEST_DATA "/catalog-mini"
#define BASE_SERVICE MINI "/services/tyokokeilu.json"

/* ======================================================================== */
/* The catalogue loader                                                      */
/* ======================================================================== */

TestSuite(badinput_catalog);

static json_t *base_service(void) {
  json_error_t je;
  json_t *s = json_load_file(BASE_SERVICE, 0, &je);
  cr_assert_not_null(s, "%s", je.text);
  return s;
}

/* Set (or with @p value NULL delete) "a" or "a.b" in @p root. */
static void set_path(json_t *root, const char *path, const char *value) {
  char key[64];
  snprintf(key, sizeof key, "%s", path);
  char *dot = strchr(key, '.');
  json_t *obj = root;
  if (dot) {
    *dot = '\0';
    obj = json_object_get(root, key);
    cr_assert(json_is_object(obj), "%s is not an object in the base service", key);
  }
  const char *k = dot ? dot + 1 : key;
  if (!value) {
    json_object_del(obj, k);
    return;
  }
  json_error_t je;
  json_t *v = json_loads(value, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
  cr_assert_not_null(v, "test value %s: %s", value, je.text);
  json_object_set_new(obj, k, v);
}

static int parse_text(const char *text, size_t len, kt__buf *errs) {
  kt__service s;
  kt__buf_init(errs, 1 << 20);
  int rc = kt__service_parse("services/tyokokeilu.json", text, len, &s, errs);
  if (rc == KT_OK) kt__service_free(&s);
  return rc;
}

typedef struct field_case {
  const char *path, *value, *msg;
} field_case;

/* One wrong value per field (and per kind of wrongness). */
static const field_case FIELD_CASES[] = {
    {"id", "5", "field 'id': expected a non-empty string"},
    {"id", "\"\"", "field 'id': expected a non-empty string"},
    {"id", "\"../etc/x\"", "field 'id': '../etc/x' may contain only a-z"},
    {"id", "null", "field 'id': expected a non-empty string"},
    {"id", NULL, "field 'id': missing"},
    {"name", "\"Työkokeilu\"", "field 'name': expected an object"},
    {"name", "[\"Työkokeilu\"]", "field 'name': expected an object"},
    {"name", "{}", "field 'name.fi': missing"},
    {"name.fi", "7", "field 'name.fi': expected a non-empty string"},
    {"name.fi", "{\"fi\": \"x\"}", "field 'name.fi': expected a non-empty string"},
    {"name.de", "\"Arbeitsprobe\"", "field 'name.de': unknown language"},
    {"name.fi", "\"nolla\\u0000tavu\"", "\\u0000 is not allowed"},
    {"summary", "[]", "field 'summary': expected an object"},
    {"summary", NULL, "field 'summary': missing"},
    {"description.fi", "null", "field 'description.fi': expected a non-empty string"},
    {"description.fi", "true", "field 'description.fi': expected a non-empty string"},
    {"target_description", "1.5", "field 'target_description': expected an object"},
    {"requirements.fi", "[]", "field 'requirements.fi': expected a non-empty string"},
    {"referral", "false", "field 'referral': expected an object"},
    {"category", "[\"tuettu_tyo\"]", "field 'category': expected a non-empty string"},
    {"category", "\"tuettu työ\"", "field 'category': 'tuettu työ' is not one of"},
    {"category", NULL, "field 'category': missing"},
    {"target_groups", "\"kaikki\"", "field 'target_groups': expected an array of strings"},
    {"target_groups", "[1]", "field 'target_groups[0]': expected a non-empty string"},
    {"target_groups", "[]", "field 'target_groups': expected at least one value"},
    {"target_groups", "[\"kaikki\", [\"nuoret\"]]", "field 'target_groups[1]'"},
    {"languages", "{}", "field 'languages': expected an array of strings"},
    {"languages", "[\"FIN\"]", "'FIN' is not an ISO 639 code"},
    {"age", "5", "field 'age': expected an object"},
    {"age", "{\"min\": \"18\"}", "field 'age.min': expected an integer 0-120"},
    {"age", "{\"min\": 1.5}", "field 'age.min': expected an integer 0-120"},
    {"age", "{\"max\": -1}", "field 'age.max': expected an integer 0-120"},
    {"age", "{\"max\": 9223372036854775807}", "field 'age.max': expected an integer 0-120"},
    {"age", "{\"min\": null}", "field 'age.min': expected an integer 0-120"},
    {"age", "{\"avg\": 30}", "field 'age': unknown key 'avg'"},
    {"finnish_level", "2", "field 'finnish_level': expected a non-empty string"},
    {"finnish_level", "\"B3\"", "field 'finnish_level': 'B3' is not a CEFR level"},
    {"provider", "\"TE-palvelut\"", "field 'provider': expected an object"},
    {"provider", "{\"name\": null, \"type\": \"valtio\"}",
     "field 'provider.name': expected a non-empty string"},
    {"provider", "{\"name\": \"x\"}", "field 'provider.type': missing"},
    {"provider", "{\"name\": \"x\", \"type\": 3}",
     "field 'provider.type': expected a non-empty string"},
    {"municipalities", "null", "field 'municipalities': expected an array of strings"},
    {"municipalities", "[\"\"]", "field 'municipalities[0]': expected a non-empty string"},
    {"delivery", "[true]", "field 'delivery[0]': expected a non-empty string"},
    {"delivery", "[\"posti\"]", "field 'delivery[0]': 'posti' is not one of"},
    {"cost", "0", "field 'cost': expected a non-empty string"},
    {"fee", "\"ilmainen\"",
     "field 'fee': 'ilmainen' is not one of: maksuton, osittain, maksullinen"},
    {"fee", "0", "field 'fee': expected a non-empty string"},
    {"selko", "\"Selkoteksti.\"",
     "field 'selko': expected an object of field -> plain Finnish text"},
    {"selko", "{}", "field 'selko': expected an object of field -> plain Finnish text"},
    {"selko", "{\"description\": \"x\"}",
     "field 'selko.description': unknown field; expected one of: name, summary"},
    {"selko", "{\"summary\": 5}", "field 'selko.summary': expected a non-empty string"},
    {"updated", "20240101", "field 'updated': expected a non-empty string"},
    {"updated", "\"2024-13-01\"", "field 'updated': '2024-13-01' is not a date"},
    {"keywords", "[]", "field 'keywords': expected an object"},
    {"keywords", "{\"sv\": [\"x\"]}", "field 'keywords': expected an object"},
    {"keywords", "{\"fi\": \"työkokeilu\"}", "field 'keywords.fi': expected an array of strings"},
    {"keywords", "{\"fi\": []}", "field 'keywords.fi': expected at least one value"},
    {"keywords", "{\"fi\": [\"ok\"], \"sv\": [5]}",
     "field 'keywords.sv[0]': expected a non-empty string"},
    {"keywords", "{\"fi\": [\"ok\"], \"de\": [\"x\"]}", "field 'keywords.de': unknown language"},
    {"related", "\"palkkatuki\"", "field 'related': expected an array of strings"},
    {"related", "[5]", "field 'related[0]': expected a non-empty string"},
    {"extra", "{}", "field 'extra': unknown field"},
    {"Id", "\"tyokokeilu\"", "field 'Id': unknown field"},
    {"", "1", "field '': unknown field"},
};

Test(badinput_catalog, every_wrong_type_names_the_field_and_what_was_expected) {
  for (size_t i = 0; i < sizeof FIELD_CASES / sizeof *FIELD_CASES; i++) {
    const field_case *c = &FIELD_CASES[i];
    json_t *s = base_service();
    set_path(s, c->path, c->value);
    char *text = json_dumps(s, JSON_INDENT(2));
    kt__buf errs;
    int rc = parse_text(text, strlen(text), &errs);
    cr_assert_eq(rc, KT_ECATALOG, "%s = %s: rc %d", c->path, c->value ? c->value : "(deleted)", rc);
    const char *m = errs.data ? errs.data : "";
    cr_assert(strstr(m, "services/tyokokeilu.json"), "%s: no file name in:\n%s", c->path, m);
    cr_assert(strstr(m, c->msg), "%s = %s: message lacks \"%s\":\n%s", c->path,
              c->value ? c->value : "(deleted)", c->msg, m);
    cr_assert(kt__utf8_valid(m, strlen(m), NULL), "%s: message is not UTF-8", c->path);
    kt__buf_free(&errs);
    free(text);
    json_decref(s);
  }
}

Test(badinput_catalog, the_base_service_is_valid) {
  size_t len = 0;
  char *text = kt_hard_read(BASE_SERVICE, &len);
  kt__buf errs;
  cr_assert_eq(parse_text(text, len, &errs), KT_OK, "%s", errs.data);
  kt__buf_free(&errs);
  free(text);
}

typedef struct raw_case {
  const char *name;
  char *text;
  size_t len;
  const char *msg;
} raw_case;

static char *nested(const char *open, const char *close, size_t depth, size_t *len) {
  size_t lo = strlen(open), lc = strlen(close);
  char *s = malloc(depth * (lo + lc) + 2); /* + the "1" inside + NUL */
  size_t n = 0;
  for (size_t i = 0; i < depth; i++, n += lo)
    memcpy(s + n, open, lo);
  memcpy(s + n, "1", 1);
  n++;
  for (size_t i = 0; i < depth; i++, n += lc)
    memcpy(s + n, close, lc);
  s[n] = '\0';
  *len = n;
  return s;
}

/* @p a (@p la bytes) followed by @p b (@p lb bytes), NUL-terminated. */
static raw_case cat2(const char *name, const char *a, size_t la, const char *b, size_t lb,
                     const char *msg) {
  char *s = malloc(la + lb + 1);
  memcpy(s, a, la);
  memcpy(s + la, b, lb);
  s[la + lb] = '\0';
  return (raw_case){name, s, la + lb, msg};
}
#define LIT(s) s, sizeof(s) - 1

/* Whole-file oddities: not JSON, not an object, bad bytes, deep nesting. */
Test(badinput_catalog, every_malformed_file_is_rejected_with_file_and_position) {
  size_t blen = 0;
  char *base = kt_hard_read(BASE_SERVICE, &blen);
  raw_case cases[32];
  size_t n = 0;
  cases[n++] = cat2("empty", LIT(""), LIT(""), "invalid JSON");
  cases[n++] = cat2("whitespace", LIT(" \n\t "), LIT(""), "invalid JSON");
  cases[n++] = cat2("array", LIT("[]"), LIT(""), "expected a JSON object");
  cases[n++] = cat2("string", LIT("\"x\""), LIT(""), "invalid JSON");
  cases[n++] = cat2("number", LIT("5"), LIT(""), "invalid JSON");
  cases[n++] = cat2("null", LIT("null"), LIT(""), "invalid JSON");
  cases[n++] = cat2("byte order mark", LIT("\xEF\xBB\xBF"), base, blen, "invalid JSON");
  cases[n++] = cat2("truncated", base, blen / 2, LIT(""), "tyokokeilu.json:");
  cases[n++] = cat2("trailing brace", base, blen, LIT("}"), "invalid JSON");
  cases[n++] = cat2("two objects", base, blen, LIT("{}"), "invalid JSON");
  cases[n++] =
      cat2("raw NUL inside a string", LIT("{\"id\": \"tyo\0"), LIT("kokeilu\"}"), "invalid JSON");
  cases[n++] = cat2("raw NUL after the object", base, blen, "", 1, "invalid JSON");
  cases[n++] = cat2("invalid UTF-8 in a string", LIT("{\"id\": \"ty\xF6kokeilu\"}"), LIT(""),
                    "not valid UTF-8 at byte 10");
  cases[n++] = cat2("overlong encoding", LIT("{\"id\": \"\xC0\xAF\"}"), LIT(""),
                    "not valid UTF-8 at byte 8");
  cases[n++] = cat2("surrogate bytes", LIT("{\"id\": \"\xED\xA0\x80\"}"), LIT(""),
                    "not valid UTF-8 at byte 8");
  cases[n++] = cat2("lone surrogate escape", LIT("{\"id\": \"\\ud800\"}"), LIT(""), "invalid JSON");
  cases[n++] =
      cat2("duplicate key", LIT("{\"id\": \"a\", \"id\": \"b\"}"), LIT(""), "duplicate object key");
  cases[n++] = cat2("huge integer", LIT("{\"age\": {\"min\": 99999999999999999999999}}"), LIT(""),
                    "invalid JSON");
  cases[n++] = cat2("NaN", LIT("{\"age\": {\"min\": NaN}}"), LIT(""), "invalid JSON");
  size_t l1, l2, l3;
  char *d1 = nested("[", "]", 100000, &l1), *d2 = nested("{\"a\":", "}", 100000, &l2),
       *d3 = nested("[", "]", 3000, &l3);
  cases[n++] = cat2("100 000 nested arrays", d1, l1, LIT(""), "invalid JSON");
  cases[n++] = cat2("100 000 nested objects", d2, l2, LIT(""), "invalid JSON");
  raw_case in_field = cat2("", LIT("{\"related\": "), d3, l3, "");
  cases[n++] =
      cat2("3000 nested arrays in a field", in_field.text, in_field.len, LIT("}"), "invalid JSON");
  free(in_field.text);
  free(d1);
  free(d2);
  free(d3);
  for (size_t i = 0; i < n; i++) {
    kt__buf errs;
    double t0 = kt__now();
    int rc = parse_text(cases[i].text, cases[i].len, &errs);
    const char *m = errs.data ? errs.data : "";
    cr_assert_eq(rc, KT_ECATALOG, "%s: rc %d:\n%s", cases[i].name, rc, m);
    cr_assert(strstr(m, "services/tyokokeilu.json"), "%s: no file in:\n%s", cases[i].name, m);
    cr_assert(strstr(m, cases[i].msg), "%s: message lacks '%s':\n%s", cases[i].name, cases[i].msg,
              m);
    cr_assert(kt__utf8_valid(m, strlen(m), NULL), "%s: message is not UTF-8:\n%s", cases[i].name,
              m);
    cr_assert_lt(kt__now() - t0, 5.0, "%s: took %.1f s", cases[i].name, kt__now() - t0);
    kt__buf_free(&errs);
    free(cases[i].text);
  }
  free(base);
}

/* Invalid JSON errors say line and column. */
Test(badinput_catalog, a_syntax_error_gives_line_and_column) {
  kt__buf errs;
  const char *t = "{\n  \"id\": \"tyokokeilu\",\n  \"name\": {\"fi\": \"x\",}\n}";
  cr_assert_eq(parse_text(t, strlen(t), &errs), KT_ECATALOG);
  cr_assert(strstr(errs.data, "services/tyokokeilu.json:3:"), "%s", errs.data);
  kt__buf_free(&errs);
}

/* Many problems in one file: every one is listed up to the cap, the
 * message stays bounded, nothing is lost silently. */
Test(badinput_catalog, a_file_of_thousands_of_unknown_fields_gives_a_bounded_message) {
  json_t *s = base_service();
  char k[32];
  for (int i = 0; i < 5000; i++) {
    snprintf(k, sizeof k, "x%d", i);
    json_object_set_new(s, k, json_integer(i));
  }
  char *text = json_dumps(s, 0);
  kt__buf errs;
  cr_assert_eq(parse_text(text, strlen(text), &errs), KT_ECATALOG);
  cr_assert(strstr(errs.data, "field 'x0': unknown field"), "%.300s", errs.data);
  kt__buf_free(&errs);
  free(text);
  json_decref(s);
}

/* ---- whole catalogues: kt_catalog_validate and kt_index_build -------------- */

static char *cidx, *canswer, *csnap;
static void cat_setup(void) {
  cidx = kt_test_mini_index();
  cr_assert_eq(chmod(cidx, 0755), 0);
  char why[1024];
  canswer = kt_hard_answer(cidx, why, sizeof why);
  cr_assert_not_null(canswer, "%s", why);
  csnap = kt_hard_snapshot(cidx);
}
static void cat_teardown(void) {
  kt__rm_rf(cidx);
  free(cidx);
  free(canswer);
  free(csnap);
}
TestSuite(badinput_build, .init = cat_setup, .fini = cat_teardown);

/* A copy of the mini catalogue (services/ only) in a traversable temp dir. */
static char *mini_copy(void) {
  char *d = kt_hard_tmpdir();
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "cp -r %s/services %s/ && chmod -R a+rX %s", MINI, d, d);
  cr_assert_eq(system(cmd), 0);
  return d;
}

static char *svc_path(const char *cat, const char *name) {
  char *p = NULL;
  cr_assert_geq(asprintf(&p, "%s/services/%s", cat, name), 0);
  return p;
}

/* Validation and a build from @p cat both fail with @p rc and a message
 * holding @p what1 and @p what2; the index is left exactly as it was. */
static void expect_rejected(const char *name, const char *cat, int rc, const char *what1,
                            const char *what2) {
  size_t count = 99;
  int r = kt_catalog_validate(cat, &count);
  cr_assert_eq(r, rc, "%s: validate rc %d (%s)", name, r, kt_error_last());
  cr_assert_eq(count, 0);
  kt_hard_assert_msg(name, what1);
  if (what2) kt_hard_assert_msg(name, what2);
  double t0 = kt__now();
  r = kt_index_build(cat, cidx, NULL, NULL);
  cr_assert_eq(r, rc, "%s: build rc %d (%s)", name, r, kt_error_last());
  cr_assert_lt(kt__now() - t0, 30.0, "%s: the rejected build took %.1f s", name, kt__now() - t0);
  kt_hard_assert_msg(name, what1);
  if (what2) kt_hard_assert_msg(name, what2);
  kt_hard_assert_untouched(cidx, csnap, canswer, name);
}

Test(badinput_build, bad_bytes_and_bad_json_in_one_file_fail_the_whole_build) {
  struct {
    const char *name, *text;
    size_t len;
    const char *msg;
  } cases[] = {
      {"invalid UTF-8", "{\"id\": \"x\xff\"}", 13, "not valid UTF-8 at byte 9"},
      {"NUL byte", "{\"id\": \"x\0\"}", 12, "invalid JSON"},
      {"empty file", "", 0, "invalid JSON"},
      {"not an object", "[1, 2]", 6, "expected a JSON object"},
      {"wrong type", "{\"id\": 42}", 10, "field 'id': expected a non-empty string"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *cat = mini_copy();
    char *p = svc_path(cat, "uusi-palvelu.json");
    kt_hard_write(p, cases[i].text, cases[i].len);
    expect_rejected(cases[i].name, cat, KT_ECATALOG, "uusi-palvelu.json", cases[i].msg);
    free(p);
    kt__rm_rf(cat);
    free(cat);
  }
}

Test(badinput_build, deeply_nested_and_huge_files_are_refused) {
  char *cat = mini_copy();
  char *p = svc_path(cat, "syva.json");
  size_t l;
  char *d = nested("[", "]", 100000, &l);
  kt_hard_write(p, d, l);
  free(d);
  expect_rejected("100 000 nested arrays", cat, KT_ECATALOG, "syva.json", "invalid JSON");
  unlink(p);
  free(p);
  /* Over the 256 KB file limit: refused by its size, before parsing. */
  p = svc_path(cat, "iso.json");
  size_t n = 300 * 1024;
  char *big = malloc(n);
  memset(big, ' ', n);
  big[0] = '{';
  big[n - 1] = '}';
  kt_hard_write(p, big, n);
  free(big);
  expect_rejected("a 300 KB file", cat, KT_ECATALOG, "iso.json: file is 307200 bytes",
                  "the limit is 262144");
  free(p);
  kt__rm_rf(cat);
  free(cat);
}

/* A valid service just under the size limit (18 000 keywords) still builds
 * in reasonable time and memory. */
Test(badinput_build, a_valid_service_near_the_size_limit_builds) {
  char *cat = mini_copy();
  json_t *s = base_service();
  json_t *kw = json_array();
  srand(7);
  char w[16];
  for (int i = 0; i < 18000; i++) {
    for (int k = 0; k < 9; k++)
      w[k] = (char)('a' + rand() % 26);
    w[9] = '\0';
    json_array_append_new(kw, json_string(w));
  }
  json_object_set_new(json_object_get(s, "keywords"), "en", kw);
  char *text = json_dumps(s, 0);
  cr_assert_lt(strlen(text), 256 * 1024);
  cr_assert_gt(strlen(text), 180 * 1024);
  char *p = svc_path(cat, "tyokokeilu.json");
  kt_hard_write(p, text, strlen(text));
  double t0 = kt__now();
  kt_build_stats st;
  cr_assert_eq(kt_index_build(cat, cidx, NULL, &st), KT_OK, "%s", kt_error_last());
  cr_assert_lt(kt__now() - t0, 120.0);
  cr_assert_eq(st.services, 9);
  cr_assert_eq(kt_hard_leftovers(cidx), 0);
  free(p);
  free(text);
  json_decref(s);
  kt__rm_rf(cat);
  free(cat);
}

Test(badinput_build, duplicate_ids_name_both_files) {
  char *cat = mini_copy();
  char p[1200];
  snprintf(p, sizeof p, "%s/services/kopiot", cat);
  cr_assert_eq(mkdir(p, 0755), 0);
  snprintf(p, sizeof p, "cp %s/services/palkkatuki.json %s/services/kopiot/", cat, cat);
  cr_assert_eq(system(p), 0);
  expect_rejected("duplicate id", cat, KT_ECATALOG, "duplicate id 'palkkatuki'",
                  "kopiot/palkkatuki.json");
  kt__rm_rf(cat);
  free(cat);
}

Test(badinput_build, files_that_are_not_files_are_named_and_never_block, .timeout = 60) {
  struct {
    const char *name;
    int kind;
    const char *msg;
  } cases[] = {
      {"a folder named like a service", 0, "not a regular file"},
      {"a FIFO", 1, "not a regular file"},
      {"a dangling symlink", 2, "cannot read: No such file or directory"},
      {"a symlink loop", 3, "cannot read: Too many levels of symbolic links"},
      {"a symlink to /dev/zero", 4, "not a regular file"},
      {"a symlink to /dev/urandom", 5, "not a regular file"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *cat = mini_copy();
    char *p = svc_path(cat, "outo.json");
    switch (cases[i].kind) {
    case 0: cr_assert_eq(mkdir(p, 0755), 0); break;
    case 1: cr_assert_eq(mkfifo(p, 0644), 0); break;
    case 2: cr_assert_eq(symlink("/nonexistent/kt.json", p), 0); break;
    case 3: cr_assert_eq(symlink("outo.json", p), 0); break;
    case 4: cr_assert_eq(symlink("/dev/zero", p), 0); break;
    case 5: cr_assert_eq(symlink("/dev/urandom", p), 0); break;
    }
    expect_rejected(cases[i].name, cat,
                    cases[i].kind == 2 || cases[i].kind == 3 ? KT_ECATALOG : KT_ECATALOG,
                    "outo.json", cases[i].msg);
    free(p);
    kt__rm_rf(cat);
    free(cat);
  }
}

Test(badinput_build, missing_empty_and_misshapen_catalogue_folders_are_named) {
  char *d = kt_hard_tmpdir();
  char cat[600], p[700];
  snprintf(cat, sizeof cat, "%s/ei-ole", d);
  expect_rejected("no catalogue folder", cat, KT_EIO, "ei-ole/services", "No such file");
  snprintf(cat, sizeof cat, "%s/tyhja", d);
  snprintf(p, sizeof p, "%s/services", cat);
  cr_assert_eq(kt__mkdir_p(p), KT_OK);
  expect_rejected("an empty services folder", cat, KT_ECATALOG, "no <id>.json service files",
                  "tyhja/services");
  snprintf(cat, sizeof cat, "%s/tiedosto", d);
  cr_assert_eq(kt__mkdir_p(cat), KT_OK);
  snprintf(p, sizeof p, "%s/services", cat);
  kt_hard_write(p, "x", 1);
  expect_rejected("services is a file", cat, KT_EIO, "tiedosto/services", "Not a directory");
  snprintf(p, sizeof p, "%s/file", d);
  kt_hard_write(p, "x", 1);
  expect_rejected("the catalogue is a file", p, KT_EIO, "file/services", "Not a directory");
  kt__rm_rf(d);
  free(d);
}

/* A broken thesaurus is part of the catalogue: the build fails, naming it. */
Test(badinput_build, a_broken_thesaurus_fails_the_build_naming_file_and_line, .timeout = 120) {
  char *cat = mini_copy();
  char p[1200];
  snprintf(p, sizeof p, "%s/thesaurus", cat);
  cr_assert_eq(mkdir(p, 0755), 0);
  struct {
    const char *text;
    const char *msg;
  } cases[] = {
      {"[a]\nlabel: x\nclient: y\nservice: z\nweight: 7\n", "a.txt:5: weight '7'"},
      {"label: x\n", "a.txt:1: 'label' before the first [concept]"},
      {"[A b]\n", "a.txt:1: concept id 'A b'"},
      {"[a]\nlabel: \xff\n", "a.txt:2: not valid UTF-8"},
      {"[a]\nlabel: x\nclient: y\nservice: z\n[a]\nlabel: x\nclient: y\nservice: z\n",
       "concept id 'a' is already used"},
      {"[a]\nlabel: x\nclient: y\nservice: z\ngroups: martians\n",
       "'martians' is not a target group"},
      {"[a]\nlabel: x\n", "[a] has no client or weak words"},
      {"[a]\nlabel: x\nclient: !!!\nservice: z\n", "has no words"},
      {NULL, "a.txt: not a regular file"}, /* a FIFO: must not block the build */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    snprintf(p, sizeof p, "%s/thesaurus/a.txt", cat);
    unlink(p);
    if (cases[i].text)
      kt_hard_write(p, cases[i].text, strlen(cases[i].text));
    else
      cr_assert_eq(mkfifo(p, 0644), 0);
    expect_rejected(cases[i].text ? cases[i].text : "a FIFO", cat, KT_ECATALOG, "thesaurus",
                    cases[i].msg);
  }
  kt__rm_rf(cat);
  free(cat);
}

/* The mini catalogue with a learned/ folder and a thesaurus of one concept,
 * "velat": the files per need name it. */
static char *mini_copy_with_concept(void) {
  char *cat = mini_copy();
  char p[1200];
  snprintf(p, sizeof p, "%s/learned", cat);
  cr_assert_eq(mkdir(p, 0755), 0);
  snprintf(p, sizeof p, "%s/thesaurus", cat);
  cr_assert_eq(mkdir(p, 0755), 0);
  snprintf(p, sizeof p, "%s/thesaurus/t.txt", cat);
  const char *th = "[velat]\nlabel: velat\nclient: velka\nservice: velkaneuvonta\n";
  kt_hard_write(p, th, strlen(th));
  return cat;
}

/* So a bad learned-prior file per need (catalog/learned/concept_prior.tsv),
 * which also names an unknown concept and a pair listed twice. */
Test(badinput_build, a_broken_concept_prior_file_fails_the_build_naming_file_and_line,
     .timeout = 120) {
  char *cat = mini_copy_with_concept();
  char p[1200];
  struct {
    const char *text;
    const char *msg;
  } cases[] = {
      {"# c\nvelat\tpalkkatuki\t3\n", "concept_prior.tsv:2: expected four tab-separated fields"},
      {"velat\tpalkkatuki\t9\t5\n", "concept_prior.tsv:1: velat palkkatuki: useful is more"},
      {"velat\tno-such-service\t1\t5\n",
       "concept_prior.tsv:1: velat no-such-service: no service has this id"},
      {"no_such_need\tpalkkatuki\t1\t5\n",
       "concept_prior.tsv:1: no_such_need palkkatuki: no thesaurus concept has this id"},
      {"velat\tpalkkatuki\t1\t5\nvelat\tpalkkatuki\t2\t5\n",
       "concept_prior.tsv:2: velat\tpalkkatuki: the pair is listed twice (first at line 1)"},
      {"velat\tpalkkatuki\t1\tx5\n", "concept_prior.tsv:1: useful and seen must be whole"},
  };
  snprintf(p, sizeof p, "%s/learned/concept_prior.tsv", cat);
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    unlink(p);
    kt_hard_write(p, cases[i].text, strlen(cases[i].text));
    expect_rejected(cases[i].text, cat, KT_ECATALOG, "learned priors", cases[i].msg);
  }
  /* A good file builds. */
  const char *good = "# comment\nvelat\tpalkkatuki\t4\t10\n";
  unlink(p);
  kt_hard_write(p, good, strlen(good));
  size_t count = 0;
  cr_assert_eq(kt_catalog_validate(cat, &count), KT_OK, "%s", kt_error_last());
  cr_assert_eq(kt_index_build(cat, cidx, NULL, NULL), KT_OK, "%s", kt_error_last());
  kt__rm_rf(cat);
  free(cat);
}

/* So a bad file of the services judged useful per need
 * (catalog/learned/concept_useful.tsv), which has the same four fields. */
Test(badinput_build, a_broken_concept_useful_file_fails_the_build_naming_file_and_line,
     .timeout = 120) {
  char *cat = mini_copy_with_concept();
  char p[1200];
  struct {
    const char *text;
    const char *msg;
  } cases[] = {
      {"velat\tpalkkatuki\t3\n", "concept_useful.tsv:1: expected four tab-separated fields"},
      {"velat\tpalkkatuki\t9\t5\n", "concept_useful.tsv:1: velat palkkatuki: useful is more"},
      {"no_such_need\tpalkkatuki\t1\t5\n",
       "concept_useful.tsv:1: no_such_need palkkatuki: no thesaurus concept has this id"},
      {"# c\nvelat\tno-such-service\t1\t5\n",
       "concept_useful.tsv:2: velat no-such-service: no service has this id"},
  };
  snprintf(p, sizeof p, "%s/learned/concept_useful.tsv", cat);
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    unlink(p);
    kt_hard_write(p, cases[i].text, strlen(cases[i].text));
    expect_rejected(cases[i].text, cat, KT_ECATALOG, "learned priors", cases[i].msg);
  }
  const char *good = "velat\tpalkkatuki\t4\t10\n";
  unlink(p);
  kt_hard_write(p, good, strlen(good));
  size_t count = 0;
  cr_assert_eq(kt_catalog_validate(cat, &count), KT_OK, "%s", kt_error_last());
  cr_assert_eq(kt_index_build(cat, cidx, NULL, NULL), KT_OK, "%s", kt_error_last());
  kt__rm_rf(cat);
  free(cat);
}

/* A bad learned-prior file (catalog/learned/prior.tsv) fails validation and
 * the build, naming the file, the line and what is wrong; the index stays. */
Test(badinput_build, a_broken_prior_file_fails_the_build_naming_file_and_line, .timeout = 120) {
  char *cat = mini_copy();
  char p[1200];
  snprintf(p, sizeof p, "%s/learned", cat);
  cr_assert_eq(mkdir(p, 0755), 0);
  struct {
    const char *text;
    const char *msg;
  } cases[] = {
      {"# c\npalkkatuki\t3\n", "prior.tsv:2: expected three tab-separated fields"},
      {"palkkatuki\t3\tmany\n", "prior.tsv:1: useful and seen must be whole numbers"},
      {"palkkatuki\t-1\t5\n", "prior.tsv:1: useful and seen must be whole numbers"},
      {"palkkatuki\t9\t5\n", "prior.tsv:1: palkkatuki: useful is more than seen"},
      {"no-such-service\t1\t5\n", "prior.tsv:1: no-such-service: no service has this id"},
      {"palkkatuki\t1\t5\npalkkatuki\t1\t5\n",
       "prior.tsv:2: palkkatuki: the service is listed twice"},
      {"palkkatuki\t1\t5\t7\n", "prior.tsv:1: expected three tab-separated fields"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    snprintf(p, sizeof p, "%s/learned/prior.tsv", cat);
    unlink(p);
    kt_hard_write(p, cases[i].text, strlen(cases[i].text));
    expect_rejected(cases[i].text, cat, KT_ECATALOG, "learned priors", cases[i].msg);
  }
  /* A good file builds. */
  const char *good = "# comment\npalkkatuki\t4\t10\nkotoutumiskoulutus\t0\t6\n";
  unlink(p);
  kt_hard_write(p, good, strlen(good));
  size_t count = 0;
  cr_assert_eq(kt_catalog_validate(cat, &count), KT_OK, "%s", kt_error_last());
  cr_assert_gt(count, 0);
  cr_assert_eq(kt_index_build(cat, cidx, NULL, NULL), KT_OK, "%s", kt_error_last());
  kt__rm_rf(cat);
  free(cat);
}

/* ---- unreadable files and folders ----------------------------------------- */

static int validate_fn(void *ud) { return kt_catalog_validate(ud, NULL); }
static int build_fn(void *ud) {
  return kt_index_build(((char **)ud)[0], ((char **)ud)[1], NULL, NULL);
}
static int open_fn(void *ud) {
  kt_engine *e = NULL;
  int rc = kt_engine_open(&e, ud);
  kt_engine_close(e);
  return rc;
}

/* kt_hard_unprivileged, skipping the test (with the reason) where even the
 * child bypasses permissions. */
static int unpriv(kt_hard_fn fn, void *ud, char *msg, size_t cap) {
  int rc = kt_hard_unprivileged(fn, ud, msg, cap);
  if (rc == KT_HARD_NOPRIV)
    cr_skip_test("running as root and unable to drop to an unprivileged user, so chmod 000 "
                 "cannot be tested here");
  return rc;
}

Test(badinput_build, unreadable_files_and_folders_are_named) {
  char msg[8192];
  struct {
    const char *name, *target;
    mode_t mode;
    const char *want;
    int rc;
  } cases[] = {
      {"unreadable service file", "services/palkkatuki.json", 0000,
       "palkkatuki.json: cannot read: Permission denied", KT_ECATALOG},
      {"unreadable services folder", "services", 0000, "services: Permission denied", KT_EIO},
      {"services folder without x", "services", 0444, "alaryhma: Permission denied", KT_EIO},
      {"unreadable subfolder", "services/alaryhma", 0000, "alaryhma: Permission denied", KT_EIO},
      {"unreadable catalogue root", "", 0000, "Permission denied", KT_EIO},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *cat = mini_copy();
    char p[1200];
    snprintf(p, sizeof p, "%s/services/alaryhma", cat);
    cr_assert_eq(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "mv %s/services/tyokokeilu.json %s/services/alaryhma/", cat, cat);
    cr_assert_eq(system(p), 0);
    snprintf(p, sizeof p, "%s/%s", cat, cases[i].target);
    cr_assert_eq(chmod(p, cases[i].mode), 0);
    int rc = unpriv(validate_fn, cat, msg, sizeof msg);
    cr_assert_eq(rc, cases[i].rc, "%s: rc %d: %s", cases[i].name, rc, msg);
    cr_assert(strstr(msg, cases[i].want), "%s: message lacks '%s':\n%s", cases[i].name,
              cases[i].want, msg);
    /* The build fails the same way and the index is untouched. */
    char *args[2] = {cat, cidx};
    rc = unpriv(build_fn, args, msg, sizeof msg);
    cr_assert(rc == cases[i].rc || rc == KT_EIO, "%s: build rc %d: %s", cases[i].name, rc, msg);
    kt_hard_assert_untouched(cidx, csnap, canswer, cases[i].name);
    chmod(p, 0755);
    kt__rm_rf(cat);
    free(cat);
  }
}

Test(badinput_build, unreadable_and_unwritable_indexes_are_named) {
  char msg[8192];
  /* A build into an index root the user cannot write. */
  char *args[2] = {MINI, cidx};
  int rc = unpriv(build_fn, args, msg, sizeof msg);
  cr_assert_eq(rc, KT_EIO, "rc %d: %s", rc, msg);
  cr_assert(strstr(msg, cidx) && strstr(msg, "Permission denied"), "%s", msg);
  kt_hard_assert_untouched(cidx, csnap, canswer, "unwritable index root");
  /* Opening an index whose root or records cannot be read. */
  cr_assert_eq(chmod(cidx, 0000), 0);
  rc = unpriv(open_fn, cidx, msg, sizeof msg);
  cr_assert_eq(chmod(cidx, 0755), 0);
  cr_assert_eq(rc, KT_EIO, "unreadable root: rc %d: %s", rc, msg);
  cr_assert(strstr(msg, cidx) && strstr(msg, "Permission denied"), "%s", msg);
  char *rec = kt_hard_gen_file(cidx, "records.mdb");
  cr_assert_eq(chmod(rec, 0000), 0);
  rc = unpriv(open_fn, cidx, msg, sizeof msg);
  cr_assert_eq(chmod(rec, 0644), 0);
  cr_assert_eq(rc, KT_EIO, "unreadable records: rc %d: %s", rc, msg);
  cr_assert(strstr(msg, "records.mdb") && strstr(msg, "Permission denied"), "%s", msg);
  free(rec);
}

/* ---- a full disk while indexing --------------------------------------------- */

/* Catalogue with the bundled thesaurus, so every writer of a build (the
 * compiled thesaurus, Xapian, LMDB, the switch) meets the full disk. */
static char *full_catalog(void) {
  char *cat = mini_copy();
  char cmd[1400];
  snprintf(cmd, sizeof cmd, "cp -r %s/thesaurus %s/ && chmod -R a+rX %s", KT_CATALOG_DIR, cat, cat);
  cr_assert_eq(system(cmd), 0);
  return cat;
}

static long long du_bytes(const char *path) {
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "du -sb %s | cut -f1", path);
  char *out = NULL;
  kt_test_run(cmd, &out);
  long long n = atoll(out);
  free(out);
  return n;
}

/* On a small tmpfs (mountable as root): build once, fill the disk up to a
 * margin, build again. Each margin fails in another writer; each failure
 * must name the path and "No space left", remove its half-built
 * generation and leave the first index serving. */
Test(badinput_build, a_full_disk_fails_the_build_cleanly_on_tmpfs) {
  char *mnt = kt_hard_tmpdir();
  if (mount("tmpfs", mnt, "tmpfs", 0, "size=24m,mode=0755") != 0) {
    int e = errno;
    kt__rm_rf(mnt);
    free(mnt);
    cr_skip_test("cannot mount a tmpfs here (%s); the RLIMIT_FSIZE test covers a full disk",
                 strerror(e));
  }
  char *cat = full_catalog();
  char idx[700], filler[700];
  snprintf(idx, sizeof idx, "%s/index", mnt);
  snprintf(filler, sizeof filler, "%s/filler", mnt);
  cr_assert_eq(kt_index_build(cat, idx, NULL, NULL), KT_OK, "%s", kt_error_last());
  long long gen = du_bytes(idx);
  char why[1024];
  char *answer = kt_hard_answer(idx, why, sizeof why);
  cr_assert_not_null(answer, "%s", why);
  char *snap = kt_hard_snapshot(idx);
  long long margins[] = {0, 4096, 32768, 131072, gen / 4, gen / 2, gen * 3 / 4, gen - 65536};
  int failed = 0;
  for (size_t i = 0; i < sizeof margins / sizeof *margins; i++) {
    char cmd[2000];
    unlink(filler);
    /* Fill with one file until ENOSPC, then give back the margin. */
    snprintf(cmd, sizeof cmd, "dd if=/dev/zero of=%s bs=64k 2>/dev/null; truncate -s -%lld %s",
             filler, margins[i], filler);
    if (system(cmd)) { /* dd reports the full disk as a failure */
    }
    int rc = kt_index_build(cat, idx, NULL, NULL);
    char what[64];
    snprintf(what, sizeof what, "%lld bytes free", margins[i]);
    if (rc == KT_OK) {
      /* Enough room after all: the new generation is complete and serves. */
      char *a = kt_hard_answer(idx, why, sizeof why);
      cr_assert_not_null(a, "%s: %s", what, why);
      cr_assert_str_eq(a, answer);
      free(a);
      free(snap);
      snap = kt_hard_snapshot(idx);
      continue;
    }
    failed++;
    cr_assert(rc == KT_EIO || rc == KT_ETOOBIG, "%s: rc %d: %s", what, rc, kt_error_last());
    kt_hard_assert_msg(what, "No space left on device");
    kt_hard_assert_msg(what, idx);
    kt_hard_assert_untouched(idx, snap, answer, what);
  }
  cr_assert_geq(failed, 4, "the disk was never full enough");
  /* With space again, the next build succeeds. */
  unlink(filler);
  cr_assert_eq(kt_index_build(cat, idx, NULL, NULL), KT_OK, "%s", kt_error_last());
  free(snap);
  free(answer);
  umount2(mnt, MNT_DETACH);
  kt__rm_rf(mnt);
  free(mnt);
  kt__rm_rf(cat);
  free(cat);
}

typedef struct {
  const char *cat;
  rlim_t limit;
} limited_build;

/* In a child: build the test index under a file size limit. */
static int build_limited(void *ud) {
  const limited_build *lb = ud;
  signal(SIGXFSZ, SIG_IGN);
  struct rlimit rl = {lb->limit, lb->limit};
  setrlimit(RLIMIT_FSIZE, &rl);
  return kt_index_build(lb->cat, cidx, NULL, NULL);
}

/* Without root: a file size limit (RLIMIT_FSIZE) makes every write past it
 * fail with EFBIG, as a full disk would fail with ENOSPC. */
Test(badinput_build, a_file_size_limit_fails_the_build_cleanly) {
  char *cat = full_catalog();
  long long gen = du_bytes(cidx);
  rlim_t limits[] = {1024, 16384, 65536, 131072, 262144, (rlim_t)gen / 2};
  int failed = 0;
  for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
    limited_build lb = {cat, limits[i]};
    char msg[8192], what[64];
    snprintf(what, sizeof what, "file size limit %llu", (unsigned long long)limits[i]);
    int rc = kt_hard_in_child(build_limited, &lb, msg, sizeof msg, what);
    if (rc == KT_OK) {
      /* No file reached the limit: the build (with the thesaurus now) is
       * complete and serves; later failures must leave it so. */
      char why[1024];
      char *a = kt_hard_answer(cidx, why, sizeof why);
      cr_assert_not_null(a, "%s: %s", what, why);
      free(canswer);
      canswer = a;
      free(csnap);
      csnap = kt_hard_snapshot(cidx);
      continue;
    }
    failed++;
    cr_assert(rc == KT_EIO || rc == KT_ETOOBIG, "%s: rc %d: %s", what, rc, msg);
    cr_assert(strstr(msg, "File too large") && strstr(msg, cidx), "%s: %s", what, msg);
    kt_hard_assert_untouched(cidx, csnap, canswer, what);
  }
  cr_assert_geq(failed, 3, "the limit never bit");
  kt__rm_rf(cat);
  free(cat);
}

/* ---- issue 14: messages, error counts, the id limit ------------------------ */

/* Item 13: a file name holding a terminal escape sequence (or a bidi
 * override) is named in the message without it. */
Test(badinput_build, escape_sequences_in_file_names_never_reach_a_message) {
  char *cat = mini_copy();
  const char *names[] = {"evil\x1b[2J\x1b]0;pwned\x07.json", "bidi\xe2\x80\xaenosj.json",
                         "c1\xc2\x9b"
                         "31m.json"};
  for (size_t i = 0; i < 3; i++) {
    char *p = svc_path(cat, names[i]);
    kt_hard_write(p, "{", 1);
    free(p);
  }
  cr_assert_eq(kt_catalog_validate(cat, NULL), KT_ECATALOG);
  const char *m = kt_error_last();
  cr_assert(strstr(m, "evil"), "the file is still named: %s", m);
  cr_assert_null(strchr(m, '\x1b'), "an escape reached the message");
  cr_assert_null(strchr(m, '\x07'), "a bell reached the message");
  cr_assert_null(strstr(m, "\xe2\x80\xae"), "a bidi override reached the message");
  cr_assert_null(strstr(m, "\xc2\x9b"), "a C1 control reached the message");
  kt__rm_rf(cat);
  free(cat);
}

/* Item 14: the count of errors went on only while the 1 MiB message buffer
 * had room. 12 000 broken files with long names fill it several times. */
Test(badinput_build, every_broken_file_is_counted_however_many, .timeout = 120) {
  char *cat = mini_copy();
  char name[200];
  for (int i = 0; i < 12000; i++) {
    snprintf(name, sizeof name, "%s/services/broken-%0150d.json", cat, i);
    kt_hard_write(name, "{", 1);
  }
  cr_assert_eq(kt_catalog_validate(cat, NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "has 12000 errors"), "%.300s", kt_error_last());
  kt__rm_rf(cat);
  free(cat);
}

/* Item 15: an id over KT_MAX_ID_BYTES was indexed, but the API refused it:
 * one limit, enforced when the catalogue is validated. */
Test(badinput_catalog, an_id_over_the_id_limit_is_refused) {
  char id[KT_MAX_ID_BYTES + 2];
  memset(id, 'a', sizeof id - 1);
  id[sizeof id - 1] = '\0';
  json_t *s = base_service();
  json_object_set_new(s, "id", json_string(id));
  char *text = json_dumps(s, 0);
  kt__buf errs;
  kt__service out;
  kt__buf_init(&errs, 1 << 20);
  char file[200];
  snprintf(file, sizeof file, "services/%s.json", id);
  cr_assert_eq(kt__service_parse(file, text, strlen(text), &out, &errs), KT_ECATALOG);
  cr_assert(errs.data && strstr(errs.data, "field 'id'") && strstr(errs.data, "100"), "%s",
            errs.data ? errs.data : "");
  kt__buf_free(&errs);
  /* Exactly at the limit is fine. */
  id[KT_MAX_ID_BYTES] = '\0';
  json_object_set_new(s, "id", json_string(id));
  free(text);
  text = json_dumps(s, 0);
  snprintf(file, sizeof file, "services/%s.json", id);
  kt__buf_init(&errs, 1 << 20);
  cr_assert_eq(kt__service_parse(file, text, strlen(text), &out, &errs), KT_OK, "%s",
               errs.data ? errs.data : "");
  kt__service_free(&out);
  kt__buf_free(&errs);
  free(text);
  json_decref(s);
}
