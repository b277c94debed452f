/* Bad input at the library's text entry points (issue 7): kt_analyze,
 * kt_search and kt_service_get with odd, invalid, oversize and NULL input.
 * Each case ends in a clear status and message — never a crash or a hang.
 * (Split from badinput.c, issue 12; the other parts: badinput_index.c,
 * badinput_catalog.c, badinput_cli.c.) */
#define _GNU_SOURCE
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
/* Text entry points: kt_analyze and kt_search                               */
/* ======================================================================== */

typedef struct text_case {
  const char *name;
  const char *text;
  size_t len;
  int rc;          /* expected status */
  const char *msg; /* part of the message, for failures */
} text_case;

#define T(name, s, rc, msg)                                                                        \
  { name, s, sizeof(s) - 1, rc, msg }
static const text_case TEXTS[] = {
    T("empty", "", KT_OK, NULL),
    T("only spaces and newlines", " \n\t\r  \n", KT_OK, NULL),
    T("only punctuation", "!!! ??? ... ,,, --- ;;; ::: ((( ))) \"\" '' «»", KT_OK, NULL),
    T("only emoji",
      "\xF0\x9F\x98\x80\xF0\x9F\x8E\x89\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xE2\x9D\xA4\xEF\xB8\x8F",
      KT_OK, NULL),
    T("emoji ZWJ family",
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", KT_OK, NULL),
    T("Arabic (RTL)",
      "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
      "\xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85",
      KT_OK, NULL),
    T("Hebrew with RTL marks",
      "\xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x80\x8E \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D",
      KT_OK, NULL),
    T("bidi overrides around Finnish",
      "\xE2\x80\xAE"
      "palkkatuki\xE2\x80\xAC ty\xC3\xB6",
      KT_OK, NULL),
    T("combining marks only", "\xCC\x81\xCC\x81\xCC\x81\xCC\x88\xCC\x88", KT_OK, NULL),
    T("soft hyphens and zero-width",
      "palk\xC2\xAD"
      "ka\xE2\x80\x8B"
      "tuki",
      KT_OK, NULL),
    T("control characters", "\x01\x02\x1b[31mvelat\x1b[0m\x7f", KT_OK, NULL),
    T("NUL bytes inside", "velat\0ulosotto\0\0", KT_OK, NULL),
    T("only NUL bytes", "\0\0\0\0", KT_OK, NULL),
    T("noncharacters and private use", "\xEF\xBF\xBE\xEF\xB7\x90\xEE\x80\x80 ty\xC3\xB6", KT_OK,
      NULL),
    T("invalid byte 0xff", "ty\xC3\xB6 \xFF", KT_EINVAL, "byte offset 5"),
    T("lone continuation byte", "\x80 velat", KT_EINVAL, "byte offset 0"),
    T("truncated sequence at the end", "velat \xC3", KT_EINVAL, "byte offset 6"),
    T("truncated 4-byte sequence", "a\xF0\x9F\x98", KT_EINVAL, "byte offset 1"),
    T("overlong slash", "\xC0\xAF", KT_EINVAL, "not valid UTF-8"),
    T("overlong NUL", "ok \xC0\x80", KT_EINVAL, "byte offset 3"),
    T("UTF-16 surrogate", "\xED\xA0\x80", KT_EINVAL, "not valid UTF-8"),
    T("above U+10FFFF", "\xF4\x90\x80\x80", KT_EINVAL, "not valid UTF-8"),
    T("Latin-1 text", "ty\xF6tt\xF6m\xE4", KT_EINVAL, "byte offset 2"),
    T("UTF-16LE text", "v\0e\0l\0a\0t\0\xFF\xFE", KT_EINVAL, "not valid UTF-8"),
};
#undef T

static kt_analyzer *an;
static void an_setup(void) { cr_assert_eq(kt_analyzer_open(&an), KT_OK, "%s", kt_error_last()); }
static void an_teardown(void) { kt_analyzer_close(an); }

TestSuite(badinput_text, .init = an_setup, .fini = an_teardown);

Test(badinput_text, analyze_gives_a_clear_answer_for_every_odd_text) {
  for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
    const text_case *c = &TEXTS[i];
    kt_analysis *a = (kt_analysis *)1;
    int rc = kt_analyze(an, c->text, c->len, &a);
    cr_assert_eq(rc, c->rc, "%s: rc %d (%s)", c->name, rc, kt_error_last());
    if (rc) {
      cr_assert_null(a, "%s: out not cleared on failure", c->name);
      kt_hard_assert_msg(c->name, c->msg);
      continue;
    }
    /* Every token's offsets lie inside the text and on character bounds. */
    for (size_t k = 0; k < kt_analysis_count(a); k++) {
      const kt_token *t = kt_analysis_get(a, k);
      cr_assert(t->start <= t->end && t->end <= c->len, "%s: token %zu at [%zu,%zu)", c->name, k,
                t->start, t->end);
      cr_assert(kt__utf8_valid(c->text + t->start, t->end - t->start, NULL), "%s: token %zu",
                c->name, k);
      cr_assert(kt__utf8_valid(t->surface, strlen(t->surface), NULL));
    }
    kt_analysis_free(a);
  }
}

Test(badinput_text, analyze_takes_null_text_of_length_zero_and_refuses_null_with_a_length) {
  kt_analysis *a = NULL;
  cr_assert_eq(kt_analyze(an, NULL, 0, &a), KT_OK, "%s", kt_error_last());
  cr_assert_eq(kt_analysis_count(a), 0);
  kt_analysis_free(a);
  cr_assert_eq(kt_analyze(an, NULL, 5, &a), KT_EINVAL);
  kt_hard_assert_msg("NULL text", "NULL");
  cr_assert_eq(kt_analyze(NULL, "x", 1, &a), KT_EINVAL);
  cr_assert_eq(kt_analyze(an, "x", 1, NULL), KT_EINVAL);
}

Test(badinput_text, analyze_limit_is_exact_and_a_10mb_text_is_refused_without_reading_it) {
  size_t n = 10u << 20;
  char *big = malloc(n);
  memset(big, 'a', n);
  for (size_t i = 7; i < n; i += 8)
    big[i] = ' ';
  kt_analysis *a = NULL;
  cr_assert_eq(kt_analyze(an, big, KT_MAX_QUERY_BYTES + 1, &a), KT_ETOOBIG);
  kt_hard_assert_msg("limit + 1", "65537 bytes; the limit is 65536");
  double t0 = kt__now();
  cr_assert_eq(kt_analyze(an, big, n, &a), KT_ETOOBIG);
  cr_assert_lt(kt__now() - t0, 0.5, "a refused text should cost nothing");
  kt_hard_assert_msg("10 MB", "10485760 bytes");
  /* Exactly at the limit it is analysed (8192 words, one distinct). */
  cr_assert_eq(kt_analyze(an, big, KT_MAX_QUERY_BYTES, &a), KT_OK, "%s", kt_error_last());
  cr_assert_eq(kt_analysis_count(a), KT_MAX_QUERY_BYTES / 8);
  kt_analysis_free(a);
  free(big);
}

/* Texts at the limit that are hard for the analyser: one 64 KB word, 64 KB
 * of one combining mark, 21 000 CJK characters. Each must finish quickly. */
Test(badinput_text, worst_case_texts_at_the_limit_finish) {
  char *s = malloc(KT_MAX_QUERY_BYTES + 4);
  struct {
    const char *name;
    const char *unit;
    size_t ulen;
    double secs;
  } cases[] = {
      {"one 64 KB word", "a", 1, 20},
      {"a word and 32 000 combining acutes", "\xCC\x81", 2, 20},
      {"CJK without spaces", "\xE4\xB8\x80", 3, 20},
      {"64 KB of one Finnish word", "velkoja ", 8, 20},
      {"64 KB of hyphens", "-", 1, 20},
      {"64 KB of digits", "1234567 ", 8, 20},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t n = 0;
    s[n++] = 'a';
    while (n + cases[i].ulen <= KT_MAX_QUERY_BYTES) {
      memcpy(s + n, cases[i].unit, cases[i].ulen);
      n += cases[i].ulen;
    }
    kt_analysis *a = NULL;
    double t0 = kt__now();
    cr_assert_eq(kt_analyze(an, s, n, &a), KT_OK, "%s: %s", cases[i].name, kt_error_last());
    cr_assert_lt(kt__now() - t0, cases[i].secs, "%s took %.1f s", cases[i].name, kt__now() - t0);
    kt_analysis_free(a);
  }
  free(s);
}

/* ---- kt_search ------------------------------------------------------------ */

static char *sidx;
static kt_engine *seng;
static void search_setup(void) {
  sidx = kt_test_mini_index();
  cr_assert_eq(kt_engine_open(&seng, sidx), KT_OK, "%s", kt_error_last());
}
static void search_teardown(void) {
  kt_engine_close(seng);
  kt__rm_rf(sidx);
  free(sidx);
}
TestSuite(badinput_search, .init = search_setup, .fini = search_teardown);

/* Results of an odd text are well formed: valid UTF-8 JSON, spans inside. */
static void assert_results_sane(const char *what, const kt_results *r) {
  char *json = NULL;
  cr_assert_eq(kt_results_json(r, &json), KT_OK, "%s: json: %s", what, kt_error_last());
  cr_assert(kt__utf8_valid(json, strlen(json), NULL), "%s: JSON is not UTF-8", what);
  json_error_t je;
  json_t *doc = json_loads(json, 0, &je);
  cr_assert_not_null(doc, "%s: kt_results_json is not JSON: %s", what, je.text);
  json_decref(doc);
  kt_free(json);
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    size_t sl = x->snippet ? strlen(x->snippet) : 0;
    for (size_t k = 0; k < x->highlight_count; k++)
      cr_assert(x->highlights[k].start < x->highlights[k].end && x->highlights[k].end <= sl,
                "%s: highlight outside the snippet", what);
  }
  for (size_t i = 0; i < kt_results_signal_count(r); i++) {
    const kt_signal *sg = kt_results_signal(r, i);
    cr_assert_leq(sg->span.start, sg->span.end, "%s: signal span", what);
  }
}

Test(badinput_search, search_gives_a_clear_answer_for_every_odd_text) {
  for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
    const text_case *c = &TEXTS[i];
    kt_results *r = (kt_results *)1;
    int rc = kt_search(seng, c->text, c->len, NULL, &r);
    cr_assert_eq(rc, c->rc, "%s: rc %d (%s)", c->name, rc, kt_error_last());
    if (rc) {
      cr_assert_null(r, "%s: out not cleared on failure", c->name);
      kt_hard_assert_msg(c->name, c->msg);
      continue;
    }
    assert_results_sane(c->name, r);
    kt_results_free(r);
  }
}

Test(badinput_search, text_of_no_words_finds_nothing_and_words_behind_marks_are_found) {
  kt_results *r =
      kt_test_search(seng, "\xF0\x9F\x98\x80 !!! \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", NULL);
  cr_assert_eq(kt_results_count(r), 0);
  kt_results_free(r);
  r = kt_test_search(seng,
                     "\xE2\x80\xAEpalk\xC2\xAD"
                     "katuki\xE2\x80\xAC",
                     NULL);
  cr_assert_gt(kt_results_count(r), 0);
  cr_assert_str_eq(kt_results_get(r, 0)->id, "palkkatuki");
  kt_results_free(r);
}

Test(badinput_search, the_length_limit_is_exact) {
  char *s = malloc(KT_MAX_QUERY_BYTES + 1);
  for (size_t i = 0; i <= KT_MAX_QUERY_BYTES; i++)
    s[i] = "velat   "[i % 8];
  kt_results *r = NULL;
  cr_assert_eq(kt_search(seng, s, KT_MAX_QUERY_BYTES + 1, NULL, &r), KT_ETOOBIG);
  kt_hard_assert_msg("limit + 1", "65537 bytes; the limit is 65536");
  cr_assert_null(r);
  cr_assert_eq(kt_search(seng, s, KT_MAX_QUERY_BYTES, NULL, &r), KT_OK, "%s", kt_error_last());
  assert_results_sane("at the limit", r);
  kt_results_free(r);
  free(s);
}

Test(badinput_search, null_and_odd_arguments_are_einval) {
  kt_results *r = NULL;
  cr_assert_eq(kt_search(seng, NULL, 0, NULL, &r), KT_OK, "%s", kt_error_last());
  cr_assert_eq(kt_results_count(r), 0);
  kt_results_free(r);
  cr_assert_eq(kt_search(seng, NULL, 3, NULL, &r), KT_EINVAL);
  cr_assert_eq(kt_search(seng, "x", 1, NULL, NULL), KT_EINVAL);
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.categories = (kt_strlist){NULL, 2};
  cr_assert_eq(kt_search(seng, "työ", 4, &o, &r), KT_EINVAL);
  kt_hard_assert_msg("NULL filter items", "NULL");
  const char *nul[] = {NULL};
  o.categories = (kt_strlist){nul, 1};
  cr_assert_eq(kt_search(seng, "työ", 4, &o, &r), KT_EINVAL);
  const char *many[200];
  for (size_t i = 0; i < 200; i++)
    many[i] = "x";
  o.categories = (kt_strlist){many, 200};
  cr_assert_eq(kt_search(seng, "työ", 4, &o, &r), KT_ETOOBIG);
  kt_hard_assert_msg("200 filter values", "limit is 64");
  /* An absurd limit is capped, not trusted. */
  o = (kt_search_options)KT_SEARCH_OPTIONS_INIT;
  o.limit = (size_t)-1;
  cr_assert_eq(kt_search(seng, "työ", 4, &o, &r), KT_OK, "%s", kt_error_last());
  cr_assert_leq(kt_results_count(r), 1000);
  kt_results_free(r);
  /* Unknown flag bits are refused, naming them, rather than misread. */
  o.limit = 5;
  o.flags = 0xffffffffu;
  cr_assert_eq(kt_search(seng, "palkkatuki", 10, &o, &r), KT_EINVAL);
  kt_hard_assert_msg("all flag bits", "unknown bits");
}

/* ---- kt_service_get ------------------------------------------------------- */

Test(badinput_search, service_ids_that_are_not_ids_are_refused_clearly) {
  char *json = (char *)1;
  struct {
    const char *id;
    int rc;
    const char *msg;
  } cases[] = {
      {"", KT_ENOTFOUND, "no service with id ''"},
      {"#format", KT_ENOTFOUND, "no service"},
      {"#services", KT_ENOTFOUND, "no service"},
      {"palkkatuki\xFF", KT_EINVAL, "not valid UTF-8"},
      {"\xC0\xAF", KT_EINVAL, "not valid UTF-8"},
      {"../../etc/passwd", KT_ENOTFOUND, "no service with id '../../etc/passwd'"},
      {"PALKKATUKI", KT_ENOTFOUND, "no service"},
      {"palkkatuki ", KT_ENOTFOUND, "no service"},
      {"\xF0\x9F\x98\x80", KT_ENOTFOUND, "no service"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    int rc = kt_service_get(seng, cases[i].id, &json, NULL);
    cr_assert_eq(rc, cases[i].rc, "id '%s': rc %d (%s)", cases[i].id, rc, kt_error_last());
    cr_assert_null(json);
    kt_hard_assert_msg(cases[i].id, cases[i].msg);
  }
  char *longid = malloc(1 << 20);
  memset(longid, 'a', (1 << 20) - 1);
  longid[(1 << 20) - 1] = '\0';
  cr_assert_eq(kt_service_get(seng, longid, &json, NULL), KT_ENOTFOUND);
  cr_assert_lt(strlen(kt_error_last()), 1024, "a long id is not echoed whole");
  free(longid);
  cr_assert_eq(kt_service_get(seng, NULL, &json, NULL), KT_EINVAL);
  cr_assert_eq(kt_service_get(seng, "palkkatuki", NULL, NULL), KT_EINVAL);
}
