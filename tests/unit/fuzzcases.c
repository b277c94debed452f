/* Regression tests for what the fuzz targets (tests/fuzz/) found. Each test
 * feeds the input that broke an invariant (kept in tests/fuzz/regressions/,
 * which ctest also replays through the target itself) and states the
 * behaviour that now holds. */
#define _GNU_SOURCE
#include "catalog.h"
#include "hardening.h"
#include "helpers.h"
#include "thesaurus.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#define REG KT_FUZZ_REGRESSIONS

TestSuite(fuzzcases);

static int parse(const char *text, size_t len, kt__buf *errs) {
  kt__service s;
  kt__buf_init(errs, 1 << 20);
  int rc = kt__service_parse("services/fuzz.json", text, len, &s, errs);
  if (rc == KT_OK) kt__service_free(&s);
  return rc;
}

/* fuzz_catalog, 1st find: a message about a long value was cut at 512 bytes
 * in the middle of an "ä", so the catalogue's error text was not UTF-8. */
Test(fuzzcases, catalogue_messages_cut_at_their_limit_stay_utf8) {
  size_t len = 0;
  char *in = kt_hard_read(REG "/catalog/truncated-message-utf8", &len);
  cr_assert_not_null(in);
  kt__buf errs;
  cr_assert_eq(parse(in, len, &errs), KT_ECATALOG);
  cr_assert(kt__utf8_valid(errs.data, errs.len, NULL), "not UTF-8:\n%s", errs.data);
  kt__buf_free(&errs);
  free(in);
  /* The same with an id of 600 two-byte letters, at every alignment. */
  for (int shift = 0; shift < 4; shift++) {
    kt__buf b;
    kt__buf_init(&b, 1 << 16);
    kt__buf_adds(&b, "{\"id\": \"");
    for (int i = 0; i < shift; i++)
      kt__buf_adds(&b, "x");
    for (int i = 0; i < 600; i++)
      kt__buf_adds(&b, i % 3 ? "\xC3\xA4" : "\xE2\x82\xAC");
    kt__buf_adds(&b, "\"}");
    cr_assert_eq(parse(b.data, b.len, &errs), KT_ECATALOG);
    cr_assert(kt__utf8_valid(errs.data, errs.len, NULL), "shift %d: not UTF-8", shift);
    cr_assert(strstr(errs.data, "field 'id'"), "%s", errs.data);
    kt__buf_free(&errs);
    kt__buf_free(&b);
  }
}

/* The same rule for the thread-local message, cut at 8 KB. */
Test(fuzzcases, the_last_error_message_cut_at_its_cap_stays_utf8) {
  char *big = malloc(3 * 5000 + 8);
  for (int shift = 0; shift < 3; shift++) {
    size_t n = 0;
    for (int i = 0; i < shift; i++)
      big[n++] = 'x';
    for (int i = 0; i < 5000; i++)
      n += (size_t)sprintf(big + n, "\xE2\x82\xAC");
    kt__err(KT_EINVAL, "%s", big);
    const char *m = kt_error_last();
    cr_assert_gt(strlen(m), 8000);
    cr_assert(kt__utf8_valid(m, strlen(m), NULL), "shift %d: the message is not UTF-8", shift);
  }
  free(big);
}

/* fuzz_catalog, 2nd find: jansson quotes the input byte by byte in its error
 * ("invalid escape near '"\<first byte of ä>'"), half a character again. */
Test(fuzzcases, json_syntax_errors_quoting_half_a_character_stay_utf8) {
  size_t len = 0;
  char *in = kt_hard_read(REG "/catalog/json-error-quotes-half-a-character", &len);
  cr_assert_not_null(in);
  kt__buf errs;
  cr_assert_eq(parse(in, len, &errs), KT_ECATALOG);
  cr_assert(strstr(errs.data, "invalid JSON"), "%s", errs.data);
  cr_assert(kt__utf8_valid(errs.data, errs.len, NULL), "not UTF-8:\n%s", errs.data);
  kt__buf_free(&errs);
  free(in);
  const char *esc = "{\"id\": \"\\\xC3\xA4\"}";
  cr_assert_eq(parse(esc, strlen(esc), &errs), KT_ECATALOG);
  cr_assert(strstr(errs.data, "services/fuzz.json:1:"), "%s", errs.data);
  cr_assert(kt__utf8_valid(errs.data, errs.len, NULL), "not UTF-8:\n%s", errs.data);
  kt__buf_free(&errs);
}

/* fuzz_catalog, 3rd find: a long unknown language key ("name.<key>") was cut
 * at the field name's 96 bytes, mid-character. */
Test(fuzzcases, long_keys_in_field_names_stay_utf8) {
  size_t len = 0;
  char *in = kt_hard_read(REG "/catalog/long-language-key-cut-in-field-name", &len);
  cr_assert_not_null(in);
  kt__buf errs;
  cr_assert_eq(parse(in, len, &errs), KT_ECATALOG);
  cr_assert(kt__utf8_valid(errs.data, errs.len, NULL), "not UTF-8:\n%s", errs.data);
  kt__buf_free(&errs);
  free(in);
  for (int shift = 0; shift < 2; shift++) {
    kt__buf b;
    kt__buf_init(&b, 1 << 16);
    kt__buf_adds(&b, shift ? "{\"keywords\": {\"x" : "{\"name\": {\"");
    for (int i = 0; i < 100; i++)
      kt__buf_adds(&b, "\xC3\xA4");
    kt__buf_adds(&b, shift ? "\": [\"a\"], \"fi\": [\"b\"]}}" : "\": \"x\", \"fi\": \"y\"}}");
    cr_assert_eq(parse(b.data, b.len, &errs), KT_ECATALOG);
    cr_assert(strstr(errs.data, "unknown language"), "%s", errs.data);
    cr_assert(kt__utf8_valid(errs.data, errs.len, NULL), "shift %d: not UTF-8:\n%s", shift,
              errs.data);
    kt__buf_free(&errs);
    kt__buf_free(&b);
  }
}

/* fuzz_thesaurus: a line continuing a key (indented) repeats the key in its
 * error; a long key was kept cut at 15 bytes, which could split "ä" and put
 * half a character in the message. */
Test(fuzzcases, a_continued_long_key_stays_utf8_in_errors) {
  char *dir = kt_test_tmpdir(), tdir[512], file[600], out[600];
  snprintf(tdir, sizeof tdir, "%s/thesaurus", dir);
  snprintf(file, sizeof file, "%s/a.txt", tdir);
  snprintf(out, sizeof out, "%s/thesaurus.tsv", dir);
  cr_assert_eq(kt__mkdir_p(tdir), KT_OK);
  kt_analyzer *an = NULL;
  cr_assert_eq(kt_analyzer_open(&an), KT_OK);
  const char *inputs[] = {REG "/thesaurus/continued-key-cut-mid-character", NULL};
  size_t len = 0;
  char *in = kt_hard_read(inputs[0], &len);
  cr_assert_not_null(in);
  for (int k = 0; k < 2; k++) {
    FILE *f = fopen(file, "wb");
    cr_assert_not_null(f);
    if (k == 0)
      fwrite(in, 1, len, f);
    else /* the same by construction: 14 ASCII bytes, then "ä", then a continuation */
      fputs("abcdefghijklmn\xC3\xA4: x\n  y\n", f);
    fclose(f);
    size_t n = 0;
    cr_assert_eq(kt__thesaurus_compile(an, tdir, out, &n), KT_ECATALOG);
    cr_assert(kt__utf8_valid(kt_error_last(), strlen(kt_error_last()), NULL), "case %d: %s", k,
              kt_error_last());
  }
  free(in);
  kt_analyzer_close(an);
  kt__rm_rf(dir);
  free(dir);
}
