/* Bad input through the `kohtaanto` command (issue 7): need texts on stdin
 * and as arguments, odd arguments, batch files with bad lines, missing,
 * damaged and unusable indexes, and `index` from bad catalogues, each with
 * its exit code and a message naming the problem. (Split from badinput.c,
 * issue 12.) */
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
  struct {
    const char *name;
    const char *text;
    size_t len;
    int code;
    const char *want, *out;
  } c[] = {
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
    int x =
        kt_hard_cli(stdin_file("in", c[i].text, c[i].len), &out, &err, "search --index %s", xidx);
    expect_cli(c[i].name, x, c[i].code, err, c[i].want);
    if (c[i].out) cr_assert(strstr(out, c[i].out), "%s: stdout:\n%s", c[i].name, out);
    free(out);
    free(err);
  }
}

Test(badinput_cli, a_10mb_need_on_stdin_and_an_overlong_argument_are_refused) {
  size_t n = 10u << 20;
  char *big = malloc(n);
  for (size_t i = 0; i < n; i++)
    big[i] = "velat ja "[i % 9];
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
  /* An option after the text would be searched as words of the need. */
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s 'velkaa paljon' --explain", xidx);
  expect_cli("an option after the text", x, 2, err, "'--explain' comes after the need text");
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s velkaa -n 3", xidx);
  expect_cli("-n after the text", x, 2, err, "'-n' comes after the need text");
  free(err);
  x = kt_hard_cli(NULL, NULL, &err, "search --index %s -- velkaa --explain", xidx);
  expect_cli("-- marks text", x, 0, err, NULL);
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
  int x =
      kt_hard_cli(NULL, NULL, &err, "search --index %s/uusi --catalog %s/catalog-bad/bad-age työ",
                  xdir, KT_TEST_DATA);
  expect_cli("search building from a bad catalogue", x, 3, err,
             "field 'age': min 30 is above max 20");
  free(err);
  snprintf(p, sizeof p, "%s/uusi", xdir);
  cr_assert_eq(kt_hard_leftovers(p), 0);
  x = kt_hard_cli(NULL, NULL, &err, "show --index %s/ei-ole palkkatuki", xdir);
  expect_cli("show without an index", x, 4, err, "ei-ole");
  free(err);
  /* A generation with its record store cut short. */
  char *rec = kt_hard_gen_file(xidx, "records.mdb");
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
