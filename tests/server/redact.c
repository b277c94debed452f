/*
 * redact.c — kt_redact_hetu(): which Finnish personal identity codes are
 * blanked out of a need text, and that nothing else is touched.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <kohtaanto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Redact a copy of @p in; return the copy (malloc'd) and the count. */
static char *redact(const char *in, size_t *count) {
  char *s = strdup(in);
  *count = kt_redact_hetu(s, strlen(s));
  return s;
}

static void expect(const char *in, const char *out, size_t n) {
  size_t count;
  char *s = redact(in, &count);
  cr_assert_eq(count, n, "'%s': %zu codes, expected %zu", in, count, n);
  cr_assert_str_eq(s, out, "'%s' became '%s'", in, s);
  free(s);
}

Test(redact, valid_codes_of_every_century_sign_are_blanked) {
  const char *valid[] = {
      "131052-308T",                /* 1900s, '-' */
      "111111U111C",                /* 1900s, the new letters U-Y */
      "311299Y999E", "150650+4564", /* 1800s */
      "010101A123N",                /* 2000s, A-F */
      "020304B7896", "290200A002C", /* 29 February 2000, a leap year */
  };
  for (size_t i = 0; i < sizeof valid / sizeof *valid; i++)
    expect(valid[i], "           ", 1);
}

Test(redact, a_wrong_check_character_is_not_a_code) {
  expect("131052-308U", "131052-308U", 0);
  expect("010101A123M", "010101A123M", 0);
  expect("150650+4565", "150650+4565", 0);
  /* Check characters never use G, I, O, Q or Z. */
  expect("131052-308O", "131052-308O", 0);
}

Test(redact, impossible_dates_and_signs_are_not_codes) {
  expect("290201A002M", "290201A002M", 0); /* 29 February 2001 */
  expect("321052-3082", "321052-3082", 0); /* day 32 (with its right check character) */
  expect("131352-3087", "131352-3087", 0); /* month 13 (with its right check character) */
  expect("131052G308T", "131052G308T", 0); /* no century sign G */
  expect("131052/308T", "131052/308T", 0);
}

Test(redact, lower_case_letters_count) {
  expect("131052-308t", "           ", 1);
  expect("010101a123n", "           ", 1);
}

Test(redact, codes_inside_text_are_blanked_and_the_rest_kept) {
  expect("asiakas 131052-308T, velkoja", "asiakas            , velkoja", 1);
  expect("(131052-308T)", "(           )", 1);
  expect("hetu:010101A123N.", "hetu:           .", 1);
  expect("131052-308T 010101A123N", "                       ", 2);
  /* Letters with umlauts around a code are not ASCII: still blanked. */
  expect("ä131052-308Tö", "ä           ö", 1);
}

Test(redact, longer_runs_are_left_alone) {
  expect("9131052-308T", "9131052-308T", 0); /* a digit before: part of a longer number */
  expect("131052-308TX", "131052-308TX", 0); /* a letter after */
  expect("131052-3087", "131052-3087", 0);   /* wrong check digit */
  expect("131052-308T1", "131052-308T1", 0);
  expect("131052-30", "131052-30", 0);
}

Test(redact, length_and_offsets_stay_the_same) {
  const char *in = "ikä 24 v, 131052-308T, työkokeilu";
  size_t count;
  char *s = redact(in, &count);
  cr_assert_eq(count, 1);
  cr_assert_eq(strlen(s), strlen(in));
  const char *p = strstr(in, "131052");
  size_t at = (size_t)(p - in);
  cr_assert(!memcmp(s, in, at));
  cr_assert(!strcmp(s + at + 11, in + at + 11));
  free(s);
}

Test(redact, only_the_given_length_is_read_and_written) {
  char buf[] = "xx 131052-308T";
  /* The code runs past len: not found, and nothing beyond len changes. */
  cr_assert_eq(kt_redact_hetu(buf, 10), 0);
  cr_assert_str_eq(buf, "xx 131052-308T");
  cr_assert_eq(kt_redact_hetu(buf, strlen(buf)), 1);
  cr_assert_eq(kt_redact_hetu(NULL, 0), 0);
  cr_assert_eq(kt_redact_hetu(buf, 0), 0);
}

/* Issue 14 item 11: every spelling of 131052-308T that analysis would read
 * as the code (data file: one spelling per line, with C escapes) is blanked
 * whole, and only it. */
static void unescape(const char *in, char *out) {
  while (*in) {
    if (in[0] == '\\' && in[1] == 'x') {
      unsigned v;
      sscanf(in + 2, "%2x", &v);
      *out++ = (char)v;
      in += 4;
    } else {
      *out++ = *in++;
    }
  }
  *out = '\0';
}

Test(redact, every_spelling_of_a_code_is_blanked_whole) {
  FILE *f = fopen(KT_TEST_DATA "/hetu-spellings.txt", "r");
  cr_assert_not_null(f, "tests/data/hetu-spellings.txt");
  char line[512], text[512];
  size_t cases = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    if (!*line || *line == '#') continue;
    unescape(line, text);
    char in[600];
    snprintf(in, sizeof in, "asiakas %s, velkoja", text);
    size_t count;
    char *s = redact(in, &count);
    cr_assert_eq(count, 1, "'%s' (%s): %zu codes", line, in, count);
    cr_assert_eq(strlen(s), strlen(in));
    cr_assert(!strncmp(s, "asiakas ", 8) && !strcmp(s + strlen(s) - 9, ", velkoja"), "%s -> %s",
              line, s);
    for (size_t i = 8; i < strlen(s) - 9; i++)
      cr_assert_eq(s[i], ' ', "'%s': byte %zu left: %s", line, i, s);
    free(s);
    cases++;
  }
  fclose(f);
  cr_assert_geq(cases, 17);
}

Test(redact, normalising_does_not_blank_what_is_not_a_code) {
  expect("131052\xe2\x80\x93"
         "3087",
         "131052\xe2\x80\x93"
         "3087",
         0); /* en dash, wrong check */
  expect("131052 30", "131052 30", 0);
  expect("1310523087", "1310523087", 0);   /* no separator, wrong check character */
  expect("9131052308T", "9131052308T", 0); /* part of a longer number */
  expect("131052-308T\xef\xbc\x91", "131052-308T\xef\xbc\x91", 0); /* a fullwidth digit after */
  expect("puh. 040 1234 567", "puh. 040 1234 567", 0);
}
