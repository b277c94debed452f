/* Bad input everywhere it enters (issue 7): the library's text entry points
 * (kt_analyze, kt_search, kt_service_get), opening missing and damaged
 * indexes, the catalogue loader (kt__service_parse, kt_catalog_validate,
 * kt_index_build), unreadable files and folders, a full disk while indexing,
 * and the same through the `kohtaanto` command. Each case must end in a
 * clear error naming what was wrong and where — never a crash or a hang —
 * and a failed build must leave the previous index exactly as it was. */
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

/* Every message the library gives must itself be valid UTF-8 (it ends up in
 * JSON error bodies and terminals). */
static void assert_msg(const char *what, const char *want) {
  const char *m = kt_error_last();
  cr_assert(kt__utf8_valid(m, strlen(m), NULL), "%s: the message is not valid UTF-8: %s", what, m);
  if (want) cr_assert(strstr(m, want), "%s: message lacks '%s':\n%s", what, want, m);
}

/* ======================================================================== */
/* Text entry points: kt_analyze and kt_search                               */
/* ======================================================================== */

typedef struct text_case {
  const char *name;
  const char *text;
  size_t len;
  int rc;             /* expected status */
  const char *msg;    /* part of the message, for failures */
} text_case;

#define T(name, s, rc, msg) {name, s, sizeof(s) - 1, rc, msg}
static const text_case TEXTS[] = {
    T("empty", "", KT_OK, NULL),
    T("only spaces and newlines", " \n\t\r  \n", KT_OK, NULL),
    T("only punctuation", "!!! ??? ... ,,, --- ;;; ::: ((( ))) \"\" '' «»", KT_OK, NULL),
    T("only emoji", "\xF0\x9F\x98\x80\xF0\x9F\x8E\x89\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xE2\x9D\xA4\xEF\xB8\x8F", KT_OK, NULL),
    T("emoji ZWJ family", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", KT_OK, NULL),
    T("Arabic (RTL)", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85", KT_OK, NULL),
    T("Hebrew with RTL marks", "\xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x80\x8E \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D", KT_OK, NULL),
    T("bidi overrides around Finnish", "\xE2\x80\xAE" "palkkatuki\xE2\x80\xAC ty\xC3\xB6", KT_OK, NULL),
    T("combining marks only", "\xCC\x81\xCC\x81\xCC\x81\xCC\x88\xCC\x88", KT_OK, NULL),
    T("soft hyphens and zero-width", "palk\xC2\xAD" "ka\xE2\x80\x8B" "tuki", KT_OK, NULL),
    T("control characters", "\x01\x02\x1b[31mvelat\x1b[0m\x7f", KT_OK, NULL),
    T("NUL bytes inside", "velat\0ulosotto\0\0", KT_OK, NULL),
    T("only NUL bytes", "\0\0\0\0", KT_OK, NULL),
    T("noncharacters and private use", "\xEF\xBF\xBE\xEF\xB7\x90\xEE\x80\x80 ty\xC3\xB6", KT_OK, NULL),
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
static void an_setup(void) {
  cr_assert_eq(kt_analyzer_open(&an), KT_OK, "%s", kt_error_last());
}
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
      assert_msg(c->name, c->msg);
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
  assert_msg("NULL text", "NULL");
  cr_assert_eq(kt_analyze(NULL, "x", 1, &a), KT_EINVAL);
  cr_assert_eq(kt_analyze(an, "x", 1, NULL), KT_EINVAL);
}

Test(badinput_text, analyze_limit_is_exact_and_a_10mb_text_is_refused_without_reading_it) {
  size_t n = 10u << 20;
  char *big = malloc(n);
  memset(big, 'a', n);
  for (size_t i = 7; i < n; i += 8) big[i] = ' ';
  kt_analysis *a = NULL;
  cr_assert_eq(kt_analyze(an, big, KT_MAX_QUERY_BYTES + 1, &a), KT_ETOOBIG);
  assert_msg("limit + 1", "65537 bytes; the limit is 65536");
  double t0 = kt__now();
  cr_assert_eq(kt_analyze(an, big, n, &a), KT_ETOOBIG);
  cr_assert_lt(kt__now() - t0, 0.5, "a refused text should cost nothing");
  assert_msg("10 MB", "10485760 bytes");
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
  struct { const char *name; const char *unit; size_t ulen; double secs; } cases[] = {
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
      assert_msg(c->name, c->msg);
      continue;
    }
    assert_results_sane(c->name, r);
    kt_results_free(r);
  }
}

Test(badinput_search, text_of_no_words_finds_nothing_and_words_behind_marks_are_found) {
  kt_results *r = kt_test_search(seng, "\xF0\x9F\x98\x80 !!! \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", NULL);
  cr_assert_eq(kt_results_count(r), 0);
  kt_results_free(r);
  r = kt_test_search(seng, "\xE2\x80\xAEpalk\xC2\xAD" "katuki\xE2\x80\xAC", NULL);
  cr_assert_gt(kt_results_count(r), 0);
  cr_assert_str_eq(kt_results_get(r, 0)->id, "palkkatuki");
  kt_results_free(r);
}

Test(badinput_search, the_length_limit_is_exact) {
  char *s = malloc(KT_MAX_QUERY_BYTES + 1);
  for (size_t i = 0; i <= KT_MAX_QUERY_BYTES; i++) s[i] = "velat   "[i % 8];
  kt_results *r = NULL;
  cr_assert_eq(kt_search(seng, s, KT_MAX_QUERY_BYTES + 1, NULL, &r), KT_ETOOBIG);
  assert_msg("limit + 1", "65537 bytes; the limit is 65536");
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
  assert_msg("NULL filter items", "NULL");
  const char *nul[] = {NULL};
  o.categories = (kt_strlist){nul, 1};
  cr_assert_eq(kt_search(seng, "työ", 4, &o, &r), KT_EINVAL);
  const char *many[200];
  for (size_t i = 0; i < 200; i++) many[i] = "x";
  o.categories = (kt_strlist){many, 200};
  cr_assert_eq(kt_search(seng, "työ", 4, &o, &r), KT_ETOOBIG);
  assert_msg("200 filter values", "limit is 64");
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
  assert_msg("all flag bits", "unknown bits");
}

/* ---- kt_service_get ------------------------------------------------------- */

Test(badinput_search, service_ids_that_are_not_ids_are_refused_clearly) {
  char *json = (char *)1;
  struct { const char *id; int rc; const char *msg; } cases[] = {
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
    assert_msg(cases[i].id, cases[i].msg);
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

/* ======================================================================== */
/* Missing and damaged indexes                                               */
/* ======================================================================== */

TestSuite(badinput_index);

static char *copy_index(const char *from) {
  char *to = kt_hard_tmpdir();
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "cp -a %s/. %s/", from, to);
  cr_assert_eq(system(cmd), 0);
  return to;
}

static char *gen_file(const char *idx, const char *name) {
  char *p = NULL;
  cr_assert_geq(asprintf(&p, "%s/%s/%s", idx, kt_hard_current(idx), name), 0);
  return p;
}

/* Open and search a damaged index: either a clear error naming the index, or
 * (damage Xapian does not notice) an answer; never a crash. */
static void open_damaged(const char *what, const char *idx, int want_open_rc, const char *msg) {
  kt_engine *e = NULL;
  int rc = kt_engine_open(&e, idx);
  if (want_open_rc != KT_OK) {
    cr_assert_eq(rc, want_open_rc, "%s: rc %d (%s)", what, rc, kt_error_last());
    cr_assert_null(e);
    assert_msg(what, idx);
    if (msg) assert_msg(what, msg);
    return;
  }
  if (rc) {
    cr_assert(rc == KT_ECORRUPT || rc == KT_ENOINDEX || rc == KT_EIO, "%s: rc %d (%s)", what, rc,
              kt_error_last());
    assert_msg(what, NULL);
    return;
  }
  kt_results *r = NULL;
  rc = kt_search(e, KT_HARD_QUERY, strlen(KT_HARD_QUERY), NULL, &r);
  if (rc) {
    cr_assert(rc == KT_ECORRUPT || rc == KT_EIO || rc == KT_EINTERNAL, "%s: search rc %d (%s)",
              what, rc, kt_error_last());
    assert_msg(what, NULL);
  }
  kt_results_free(r);
  char *json = NULL;
  rc = kt_service_get(e, "palkkatuki", &json, NULL);
  cr_assert(rc == KT_OK || rc == KT_ECORRUPT || rc == KT_EIO || rc == KT_ENOTFOUND,
            "%s: get rc %d", what, rc);
  kt_free(json);
  kt_engine_close(e);
}

Test(badinput_index, a_root_that_is_no_index_is_named) {
  char *d = kt_hard_tmpdir();
  open_damaged("empty folder", d, KT_ENOINDEX, "no index at");
  char p[600];
  snprintf(p, sizeof p, "%s/file", d);
  kt_hard_write(p, "x", 1);
  open_damaged("a file as the index root", p, KT_ENOINDEX, "no index at");
  /* `current` that is a plain file, dangling, or leads outside the root. */
  snprintf(p, sizeof p, "%s/current", d);
  kt_hard_write(p, "gen-x", 5);
  open_damaged("current is a file", d, KT_ECORRUPT, "not a symbolic link");
  unlink(p);
  cr_assert_eq(symlink("gen-gone", p), 0);
  open_damaged("current dangles", d, KT_ECORRUPT, "gen-gone");
  unlink(p);
  cr_assert_eq(symlink("../elsewhere", p), 0);
  open_damaged("current leads outside", d, KT_ECORRUPT, "outside");
  unlink(p);
  cr_assert_eq(symlink(".", p), 0);
  open_damaged("current is the root itself", d, KT_ECORRUPT, "not a generation");
  unlink(p);
  cr_assert_eq(symlink("current", p), 0);
  open_damaged("current points at itself", d, KT_ECORRUPT, "not a generation");
  kt__rm_rf(d);
  free(d);
}

Test(badinput_index, missing_parts_of_a_generation_are_named) {
  char *good = kt_test_mini_index();
  const char *parts[] = {"records.mdb", "xapian"};
  for (size_t i = 0; i < 2; i++) {
    char *idx = copy_index(good);
    char *p = gen_file(idx, parts[i]);
    kt__rm_rf(p);
    open_damaged(parts[i], idx, KT_ECORRUPT, "incomplete");
    free(p);
    kt__rm_rf(idx);
    free(idx);
  }
  kt__rm_rf(good);
  free(good);
}

Test(badinput_index, a_truncated_record_store_is_ecorrupt_not_a_crash) {
  char *good = kt_test_mini_index();
  char *gp = gen_file(good, "records.mdb");
  struct stat st;
  cr_assert_eq(stat(gp, &st), 0);
  off_t sizes[] = {0, 100, 4096, 8192 + 17, st.st_size / 2, st.st_size - 4096};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    char *idx = copy_index(good);
    char *p = gen_file(idx, "records.mdb");
    cr_assert_eq(truncate(p, sizes[i]), 0);
    char what[64];
    snprintf(what, sizeof what, "records.mdb cut to %lld bytes", (long long)sizes[i]);
    open_damaged(what, idx, KT_ECORRUPT, "records.mdb");
    free(p);
    kt__rm_rf(idx);
    free(idx);
  }
  free(gp);
  kt__rm_rf(good);
  free(good);
}

Test(badinput_index, damaged_xapian_tables_are_an_error_or_an_answer_never_a_crash) {
  char *good = kt_test_mini_index();
  char *xd = gen_file(good, "xapian");
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "ls %s", xd);
  char *ls = NULL;
  kt_test_run(cmd, &ls);
  unsigned seed = (unsigned)time(NULL);
  srand(seed);
  int cases = 0;
  for (char *name = strtok(ls, "\n"); name; name = strtok(NULL, "\n")) {
    for (int how = 0; how < 4; how++) {
      char *idx = copy_index(good);
      char *x = gen_file(idx, "xapian");
      char p[1400];
      snprintf(p, sizeof p, "%s/%s", x, name);
      struct stat st;
      cr_assert_eq(stat(p, &st), 0);
      char what[256];
      if (how == 0) {
        cr_assert_eq(truncate(p, 0), 0);
        snprintf(what, sizeof what, "%s emptied", name);
      } else if (how == 1) {
        cr_assert_eq(truncate(p, st.st_size / 2), 0);
        snprintf(what, sizeof what, "%s cut in half", name);
      } else {
        /* Overwrite a run of bytes with noise (seed printed for a rerun). */
        size_t len = 0;
        char *b = kt_hard_read(p, &len);
        size_t at = len ? (size_t)rand() % len : 0, run = 1 + (size_t)rand() % 64;
        for (size_t k = at; k < len && k < at + run; k++) b[k] = (char)rand();
        kt_hard_write(p, b, len);
        free(b);
        snprintf(what, sizeof what, "%s noise at %zu (seed %u)", name, at, seed);
      }
      open_damaged(what, idx, KT_OK, NULL);
      cases++;
      free(x);
      kt__rm_rf(idx);
      free(idx);
    }
  }
  cr_assert_geq(cases, 8);
  free(ls);
  free(xd);
  kt__rm_rf(good);
  free(good);
}

Test(badinput_index, a_damaged_compiled_thesaurus_is_ecorrupt_naming_the_line) {
  char *good = kt_test_mini_index();
  const char *bad[] = {"garbage\n", "C\tonly-two\n", "E\tbefore-any-concept\n",
                       "X\tterm\n", "C\ta\t0.5\tl\t\t\t\nQ\tunknown\n"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char *idx = copy_index(good);
    char *p = gen_file(idx, "thesaurus.tsv");
    kt_hard_write(p, bad[i], strlen(bad[i]));
    open_damaged(bad[i], idx, KT_ECORRUPT, "thesaurus.tsv:");
    free(p);
    kt__rm_rf(idx);
    free(idx);
  }
  kt__rm_rf(good);
  free(good);
}

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
    {"provider", "{\"name\": null, \"type\": \"valtio\"}", "field 'provider.name': expected a non-empty string"},
    {"provider", "{\"name\": \"x\"}", "field 'provider.type': missing"},
    {"provider", "{\"name\": \"x\", \"type\": 3}", "field 'provider.type': expected a non-empty string"},
    {"municipalities", "null", "field 'municipalities': expected an array of strings"},
    {"municipalities", "[\"\"]", "field 'municipalities[0]': expected a non-empty string"},
    {"delivery", "[true]", "field 'delivery[0]': expected a non-empty string"},
    {"delivery", "[\"posti\"]", "field 'delivery[0]': 'posti' is not one of"},
    {"cost", "0", "field 'cost': expected a non-empty string"},
    {"fee", "\"ilmainen\"", "field 'fee': 'ilmainen' is not one of: maksuton, osittain, maksullinen"},
    {"fee", "0", "field 'fee': expected a non-empty string"},
    {"selko", "\"Selkoteksti.\"", "field 'selko': expected an object of field -> plain Finnish text"},
    {"selko", "{}", "field 'selko': expected an object of field -> plain Finnish text"},
    {"selko", "{\"description\": \"x\"}", "field 'selko.description': unknown field; expected one of: name, summary"},
    {"selko", "{\"summary\": 5}", "field 'selko.summary': expected a non-empty string"},
    {"updated", "20240101", "field 'updated': expected a non-empty string"},
    {"updated", "\"2024-13-01\"", "field 'updated': '2024-13-01' is not a date"},
    {"keywords", "[]", "field 'keywords': expected an object"},
    {"keywords", "{\"sv\": [\"x\"]}", "field 'keywords': expected an object"},
    {"keywords", "{\"fi\": \"työkokeilu\"}", "field 'keywords.fi': expected an array of strings"},
    {"keywords", "{\"fi\": []}", "field 'keywords.fi': expected at least one value"},
    {"keywords", "{\"fi\": [\"ok\"], \"sv\": [5]}", "field 'keywords.sv[0]': expected a non-empty string"},
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
  for (size_t i = 0; i < depth; i++, n += lo) memcpy(s + n, open, lo);
  memcpy(s + n, "1", 1);
  n++;
  for (size_t i = 0; i < depth; i++, n += lc) memcpy(s + n, close, lc);
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
  cases[n++] = cat2("raw NUL inside a string", LIT("{\"id\": \"tyo\0"), LIT("kokeilu\"}"),
                    "invalid JSON");
  cases[n++] = cat2("raw NUL after the object", base, blen, "", 1, "invalid JSON");
  cases[n++] = cat2("invalid UTF-8 in a string", LIT("{\"id\": \"ty\xF6kokeilu\"}"), LIT(""),
                    "not valid UTF-8 at byte 10");
  cases[n++] = cat2("overlong encoding", LIT("{\"id\": \"\xC0\xAF\"}"), LIT(""),
                    "not valid UTF-8 at byte 8");
  cases[n++] = cat2("surrogate bytes", LIT("{\"id\": \"\xED\xA0\x80\"}"), LIT(""),
                    "not valid UTF-8 at byte 8");
  cases[n++] = cat2("lone surrogate escape", LIT("{\"id\": \"\\ud800\"}"), LIT(""), "invalid JSON");
  cases[n++] = cat2("duplicate key", LIT("{\"id\": \"a\", \"id\": \"b\"}"), LIT(""),
                    "duplicate object key");
  cases[n++] = cat2("huge integer", LIT("{\"age\": {\"min\": 99999999999999999999999}}"), LIT(""),
                    "invalid JSON");
  cases[n++] = cat2("NaN", LIT("{\"age\": {\"min\": NaN}}"), LIT(""), "invalid JSON");
  size_t l1, l2, l3;
  char *d1 = nested("[", "]", 100000, &l1), *d2 = nested("{\"a\":", "}", 100000, &l2),
       *d3 = nested("[", "]", 3000, &l3);
  cases[n++] = cat2("100 000 nested arrays", d1, l1, LIT(""), "invalid JSON");
  cases[n++] = cat2("100 000 nested objects", d2, l2, LIT(""), "invalid JSON");
  raw_case in_field = cat2("", LIT("{\"related\": "), d3, l3, "");
  cases[n++] = cat2("3000 nested arrays in a field", in_field.text, in_field.len, LIT("}"),
                    "invalid JSON");
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
    cr_assert(strstr(m, cases[i].msg), "%s: message lacks '%s':\n%s", cases[i].name,
              cases[i].msg, m);
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
  assert_msg(name, what1);
  if (what2) assert_msg(name, what2);
  double t0 = kt__now();
  r = kt_index_build(cat, cidx, NULL, NULL);
  cr_assert_eq(r, rc, "%s: build rc %d (%s)", name, r, kt_error_last());
  cr_assert_lt(kt__now() - t0, 30.0, "%s: the rejected build took %.1f s", name, kt__now() - t0);
  assert_msg(name, what1);
  if (what2) assert_msg(name, what2);
  kt_hard_assert_untouched(cidx, csnap, canswer, name);
}

Test(badinput_build, bad_bytes_and_bad_json_in_one_file_fail_the_whole_build) {
  struct { const char *name, *text; size_t len; const char *msg; } cases[] = {
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
    for (int k = 0; k < 9; k++) w[k] = (char)('a' + rand() % 26);
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
  struct { const char *name; int kind; const char *msg; } cases[] = {
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
    expect_rejected(cases[i].name, cat, cases[i].kind == 2 || cases[i].kind == 3 ? KT_ECATALOG
                                                                                 : KT_ECATALOG,
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
  struct { const char *text; const char *msg; } cases[] = {
      {"[a]\nlabel: x\nclient: y\nservice: z\nweight: 7\n", "a.txt:5: weight '7'"},
      {"label: x\n", "a.txt:1: 'label' before the first [concept]"},
      {"[A b]\n", "a.txt:1: concept id 'A b'"},
      {"[a]\nlabel: \xff\n", "a.txt:2: not valid UTF-8"},
      {"[a]\nlabel: x\nclient: y\nservice: z\n[a]\nlabel: x\nclient: y\nservice: z\n",
       "concept id 'a' is already used"},
      {"[a]\nlabel: x\nclient: y\nservice: z\ngroups: martians\n", "'martians' is not a target group"},
      {"[a]\nlabel: x\n", "[a] has no client or weak words"},
      {"[a]\nlabel: x\nclient: !!!\nservice: z\n", "has no words"},
      {NULL, "a.txt: not a regular file"}, /* a FIFO: must not block the build */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    snprintf(p, sizeof p, "%s/thesaurus/a.txt", cat);
    unlink(p);
    if (cases[i].text) kt_hard_write(p, cases[i].text, strlen(cases[i].text));
    else cr_assert_eq(mkfifo(p, 0644), 0);
    expect_rejected(cases[i].text ? cases[i].text : "a FIFO", cat, KT_ECATALOG, "thesaurus",
                    cases[i].msg);
  }
  kt__rm_rf(cat);
  free(cat);
}

/* ---- unreadable files and folders ----------------------------------------- */

static int validate_fn(void *ud) { return kt_catalog_validate(ud, NULL); }
static int build_fn(void *ud) { return kt_index_build(((char **)ud)[0], ((char **)ud)[1], NULL, NULL); }
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
  struct { const char *name, *target; mode_t mode; const char *want; int rc; } cases[] = {
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
  char *rec = gen_file(cidx, "records.mdb");
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
    if (system(cmd)) { /* dd reports the full disk as a failure */ }
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
    assert_msg(what, "No space left on device");
    assert_msg(what, idx);
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

/* Without root: a file size limit (RLIMIT_FSIZE) makes every write past it
 * fail with EFBIG, as a full disk would fail with ENOSPC. */
Test(badinput_build, a_file_size_limit_fails_the_build_cleanly) {
  char *cat = full_catalog();
  long long gen = du_bytes(cidx);
  rlim_t limits[] = {1024, 16384, 65536, 131072, 262144, (rlim_t)gen / 2};
  int failed = 0;
  for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
    int p[2];
    cr_assert_eq(pipe(p), 0);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
      close(p[0]);
      signal(SIGXFSZ, SIG_IGN);
      struct rlimit rl = {limits[i], limits[i]};
      setrlimit(RLIMIT_FSIZE, &rl);
      int rc = kt_index_build(cat, cidx, NULL, NULL);
      char buf[8192];
      int n = snprintf(buf, sizeof buf, "%d\n%s", rc, kt_error_last());
      if (write(p[1], buf, (size_t)n) < 0) _exit(2);
      _exit(0);
    }
    close(p[1]);
    char buf[8192];
    size_t n = 0;
    ssize_t k;
    while ((k = read(p[0], buf + n, sizeof buf - 1 - n)) > 0) n += (size_t)k;
    buf[n] = '\0';
    close(p[0]);
    int st;
    waitpid(pid, &st, 0);
    cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "limit %llu: the build crashed (%d)",
              (unsigned long long)limits[i], st);
    char what[64];
    snprintf(what, sizeof what, "file size limit %llu", (unsigned long long)limits[i]);
    int rc = atoi(buf);
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
    cr_assert(rc == KT_EIO || rc == KT_ETOOBIG, "%s: rc %d: %s", what, rc, buf);
    cr_assert(strstr(buf, "File too large") && strstr(buf, cidx), "%s: %s", what, buf);
    kt_hard_assert_untouched(cidx, csnap, canswer, what);
  }
  cr_assert_geq(failed, 3, "the limit never bit");
  kt__rm_rf(cat);
  free(cat);
}

/* ======================================================================== */
/* The `kohtaanto` command                                                   */
/* ======================================================================== */

static char *xidx, *xdir;
static void cli_setup(void) {
  xidx = kt_test_mini_index();
  xdir = kt_hard_tmpdir();
}
static void cli_teardown(void) {
  kt__rm_rf(xidx);
  kt__rm_rf(xdir);
  free(xidx);
  free(xdir);
}
TestSuite(badinput_cli, .init = cli_setup, .fini = cli_teardown);

/* A stdin file for a CLI case. */
static const char *stdin_file(const char *name, const void *data, size_t len) {
  static char p[8][700];
  static int slot;
  char *path = p[slot++ % 8];
  snprintf(path, 700, "%s/%s", xdir, name);
  kt_hard_write(path, data, len);
  return path;
}

/* Exit code @p code, no crash, stderr naming what was wrong. */
static void expect_cli(const char *what, int got, int code, const char *err, const char *want) {
  cr_assert_neq(got, 124, "%s: timed out", what);
  cr_assert_lt(got, 128, "%s: killed by signal %d", what, got - 128);
  cr_assert_eq(got, code, "%s: exit %d, wanted %d; stderr:\n%s", what, got, code, err);
  if (want) cr_assert(strstr(err, want), "%s: stderr lacks '%s':\n%s", what, want, err);
  cr_assert(!strstr(err, "AddressSanitizer") && !strstr(err, "runtime error"), "%s:\n%s", what,
            err);
}

Test(badinput_cli, search_texts_on_stdin) {
  struct { const char *name; const char *text; size_t len; int code; const char *want, *out; } c[] = {
      {"empty stdin", "", 0, 0, NULL, "Ei osumia"},
      {"punctuation", "?!... ,,, ---", 13, 0, NULL, "Ei osumia"},
      {"emoji", "\xF0\x9F\x98\x80\xF0\x9F\x8E\x89", 8, 0, NULL, "Ei osumia"},
      {"Arabic", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", 10, 0, NULL, "Ei osumia"},
      {"NUL bytes", "velat\0ulosotto\0", 15, 0, NULL, "[talous-ja-velkaneuvonta]"},
      {"invalid UTF-8", "velat \xFF ulosotto", 16, 3, "not valid UTF-8 (byte offset 6)", NULL},
      {"Latin-1", "ty\xF6tt\xF6m\xE4", 8, 3, "not valid UTF-8 (byte offset 2)", NULL},
  };
  for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
    char *out, *err;
    int x = kt_hard_cli(stdin_file("in", c[i].text, c[i].len), &out, &err, "search --index %s",
                        xidx);
    expect_cli(c[i].name, x, c[i].code, err, c[i].want);
    if (c[i].out) cr_assert(strstr(out, c[i].out), "%s: stdout:\n%s", c[i].name, out);
    free(out);
    free(err);
  }
}

Test(badinput_cli, a_10mb_need_on_stdin_and_an_overlong_argument_are_refused) {
  size_t n = 10u << 20;
  char *big = malloc(n);
  for (size_t i = 0; i < n; i++) big[i] = "velat ja "[i % 9];
  const char *in = stdin_file("big", big, n);
  char *err;
  double t0 = kt__now();
  int x = kt_hard_cli(in, NULL, &err, "search --index %s", xidx);
  expect_cli("10 MB on stdin", x, 3, err, "over the limit of 65536 bytes");
  cr_assert_lt(kt__now() - t0, 30.0);
  free(err);
  x = kt_hard_cli(in, NULL, &err, "search --json --index %s", xidx);
  expect_cli("10 MB on stdin, --json", x, 3, err, "65536");
  free(err);
  x = kt_hard_cli(in, NULL, &err, "analyze");
  expect_cli("10 MB to analyze", x, 3, err, "the limit is 65536 bytes");
  free(err);
  /* Exactly at the limit on stdin: searched. */
  in = stdin_file("limit", big, KT_MAX_QUERY_BYTES);
  x = kt_hard_cli(in, NULL, &err, "search --index %s -n 3", xidx);
  expect_cli("64 KB on stdin", x, 0, err, NULL);
  free(err);
  /* An argument of 100 000 bytes (under the kernel's 128 KB per argument). */
  big[100000] = '\0';
  char *out;
  x = kt_hard_cli(NULL, &out, &err, "search --index %s '%s'", xidx, big);
  expect_cli("100 KB argument", x, 3, err, "need text is 100000 bytes; the limit is 65536");
  free(out);
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "analyze '%s'", big);
  expect_cli("100 KB to analyze", x, 3, err, "100000 bytes");
  free(err);
  free(big);
}

Test(badinput_cli, search_arguments) {
  char *err;
  int x = kt_hard_cli(NULL, NULL, &err, "search --index %s \"$(printf 'ty\\303\\266 \\300\\257')\"",
                      xidx);
  expect_cli("overlong encoding in an argument", x, 3, err, "byte offset 5");
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s ''", xidx);
  expect_cli("an empty argument", x, 0, err, NULL);
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s --category \"$(printf '\\377')\" työ", xidx);
  expect_cli("invalid UTF-8 filter", x, 3, err, "filter");
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s -n 0 työ", xidx);
  expect_cli("-n 0", x, 2, err, "-n wants a number 1-1000");
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s -n 99999999999999999999999 työ", xidx);
  expect_cli("-n huge", x, 2, err, "-n wants a number");
  free(err);
}

Test(badinput_cli, batch_queries_with_bad_lines_name_file_and_line) {
  char q[800];
  snprintf(q, sizeof q, "%s/q.tsv", xdir);
  kt_hard_write(q, "q1\tpalkkatuki\nq2\tty\xF6\n", 21);
  char *err;
  int x = kt_hard_cli(NULL, NULL, &err, "search --index %s --queries %s --format trec", xidx, q);
  expect_cli("invalid UTF-8 query line", x, 3, err, "q.tsv:2:");
  free(err);
  kt_hard_write(q, "q1 palkkatuki\n", 14);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s --queries %s --format trec", xidx, q);
  expect_cli("no tab", x, 3, err, "q.tsv:1: expected qid<TAB>text");
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s --queries %s/ei-ole.tsv", xidx, xdir);
  expect_cli("missing queries file", x, 3, err, "ei-ole.tsv");
  free(err);
}

Test(badinput_cli, missing_damaged_and_unusable_indexes) {
  char *err;
  char p[800];
  /* No index and a broken catalogue to build one from: the catalogue's error. */
  int x = kt_hard_cli(NULL, NULL, &err, "search --index %s/uusi --catalog %s/catalog-bad/bad-age työ",
                      xdir, KT_TEST_DATA);
  expect_cli("search building from a bad catalogue", x, 3, err, "field 'age': min 30 is above max 20");
  free(err);
  snprintf(p, sizeof p, "%s/uusi", xdir);
  cr_assert_eq(kt_hard_leftovers(p), 0);
  x = kt_hard_cli(NULL, NULL, &err, "show --index %s/ei-ole palkkatuki", xdir);
  expect_cli("show without an index", x, 4, err, "ei-ole");
  free(err);
  /* A generation with its record store cut short. */
  char *rec = gen_file(xidx, "records.mdb");
  cr_assert_eq(truncate(rec, 4096), 0);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s työ", xidx);
  expect_cli("truncated records", x, 6, err, "records.mdb");
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "show --index %s palkkatuki", xidx);
  expect_cli("show on truncated records", x, 6, err, "records.mdb");
  free(err);
  free(rec);
  /* `current` that is not a link. */
  snprintf(p, sizeof p, "%s/current", xidx);
  unlink(p);
  kt_hard_write(p, "x", 1);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s työ", xidx);
  expect_cli("current is a file", x, 6, err, "not a symbolic link");
  free(err);
}

Test(badinput_cli, show_and_analyze_odd_arguments) {
  char *err, *out;
  int x = kt_hard_cli(NULL, NULL, &err, "show --index %s \"$(printf 'palkka\\377')\"", xidx);
  expect_cli("invalid UTF-8 id", x, 3, err, "not valid UTF-8");
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "show --index %s ''", xidx);
  expect_cli("empty id", x, 6, err, "no service with id ''");
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "show --index %s", xidx);
  expect_cli("no id", x, 2, err, "usage");
  free(err);
  x = kt_hard_cli(NULL, &out, &err, "analyze ''");
  expect_cli("analyze nothing", x, 0, err, NULL);
  cr_assert_str_eq(out, "");
  free(out);
  free(err);
  x = kt_hard_cli(stdin_file("a", "a\0b\xF0\x9F\x98\x80", 7), &out, &err, "analyze");
  expect_cli("analyze NUL and emoji", x, 0, err, NULL);
  free(out);
  free(err);
  x = kt_hard_cli(stdin_file("b", "\xE2\x82", 2), NULL, &err, "analyze");
  expect_cli("analyze a truncated character", x, 3, err, "byte offset 0");
  free(err);
}

Test(badinput_cli, index_from_bad_catalogues_leaves_the_index_alone) {
  char *snap = kt_hard_snapshot(xidx), *err;
  char why[1024];
  char *answer = kt_hard_answer(xidx, why, sizeof why);
  cr_assert_not_null(answer, "%s", why);
  const char *cases[] = {"invalid-json", "invalid-utf8", "duplicate-id", "wrong-type-name"};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    int x = kt_hard_cli(NULL, NULL, &err, "index --catalog %s/catalog-bad/%s --index %s",
                        KT_TEST_DATA, cases[i], xidx);
    expect_cli(cases[i], x, 3, err, "tyokokeilu.json");
    free(err);
    kt_hard_assert_untouched(xidx, snap, answer, cases[i]);
  }
  int x = kt_hard_cli(NULL, NULL, &err, "index --catalog %s/ei-ole --index %s", xdir, xidx);
  expect_cli("missing catalogue", x, 6, err, "ei-ole/services");
  free(err);
  kt_hard_assert_untouched(xidx, snap, answer, "missing catalogue");
  char p[800];
  snprintf(p, sizeof p, "%s/tiedosto", xdir);
  kt_hard_write(p, "x", 1);
  x = kt_hard_cli(NULL, NULL, &err, "index --catalog %s --index %s/sisalla", MINI, p);
  expect_cli("index root under a file", x, 6, err, "tiedosto");
  free(err);
  free(snap);
  free(answer);
}

/* ---- issue 14: messages, error counts, the id limit ------------------------ */

/* Item 13: a file name holding a terminal escape sequence (or a bidi
 * override) is named in the message without it. */
Test(badinput_build, escape_sequences_in_file_names_never_reach_a_message) {
  char *cat = mini_copy();
  const char *names[] = {"evil\x1b[2J\x1b]0;pwned\x07.json", "bidi\xe2\x80\xaenosj.json",
                         "c1\xc2\x9b" "31m.json"};
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
