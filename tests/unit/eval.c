/* eval tests: `kohtaanto eval --notin` counts trap hits (issue #13, item 8) on
 * a tiny fixture of queries, judgments, must-not services and TREC runs; no
 * index is needed, since only runs are scored. */
#define _GNU_SOURCE
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

static char *dir;
static void put(const char *name, const char *text) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  cr_assert_not_null(f, "cannot write %s", path);
  fputs(text, f);
  fclose(f);
}

static void setup(void) {
  dir = kt_test_tmpdir();
  put("q.tsv", "q1\tei ole velkoja\nq2\tasuu vuokralla\nq3\ttykkää pelata\nq4\tnainen 40v\n");
  put("q.types", "q1\tnegation\nq2\tcontext\nq3\tcontext\nq4\tcontext\n");
  put("q.qrels", "q1 0 good1 2\nq2 0 good2 2\nq3 0 good3 2\nq4 0 good4 2\n");
  /* 6 must-not services on 4 notes (q1's debt listed twice counts once; q4's
   * never appears in any run). */
  put("q.notin", "# comment "
                 "line\nq1\tdebt\nq1\tgamble\nq2\thomeless\nq3\tgamble\n\nq4\tviolence\nq1\tdistres"
                 "s\nq1\tdebt\n");
  /* Run a: q1 must-nots at ranks 1 and 5 (two hits) and 6 (outside the top
   * 5, no hit); q2 one at rank 3; q3 clean; q4 not answered at all.
   * -> 3 hits, 2 of 4 notes. */
  put("a.run",
      "q1 Q0 debt 1 10 a\nq1 Q0 good1 2 9 a\nq1 Q0 x1 3 8 a\nq1 Q0 x2 4 7 a\nq1 Q0 gamble 5 6 a\n"
      "q1 Q0 distress 6 5 a\n"
      "q2 Q0 good2 1 10 a\nq2 Q0 x1 2 9 a\nq2 Q0 homeless 3 8 a\n"
      "q3 Q0 good3 1 10 a\nq3 Q0 debt 2 9 a\n");
  /* Run b: nothing of q's own must-not list in the top 5 (a must-not service
   * of another note does not count) -> 0 hits. */
  put("b.run", "q1 Q0 good1 1 10 b\nq1 Q0 homeless 2 9 b\nq2 Q0 debt 1 10 b\nq3 Q0 x 1 10 b\n");
}
static void teardown(void) {
  kt__rm_rf(dir);
  free(dir);
}
TestSuite(eval, .init = setup, .fini = teardown);

static int eval(char **out, const char *extra) {
  char cmd[8192];
  snprintf(cmd, sizeof cmd,
           "cd %s && %s eval --queries q.tsv --qrels q.qrels --types q.types --run a=a.run "
           "--run b=b.run %s 2>&1",
           dir, KT_CLI_BIN, extra);
  return kt_test_run(cmd, out);
}

/* The line of system @p name in the main table (starts with the name). */
static const char *line_of(const char *out, const char *name) {
  size_t len = strlen(name);
  for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
    if (!strncmp(p, name, len) && p[len] == ' ') return p;
  return NULL;
}

/* The last two whitespace-separated fields of the line at @p p. */
static void last_two(const char *p, char *x, char *y) {
  char line[512], *tok, *save = NULL;
  size_t len = strcspn(p, "\n");
  snprintf(line, sizeof line, "%.*s", (int)len, p);
  *x = *y = '\0';
  for (tok = strtok_r(line, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
    strcpy(x, y);
    snprintf(y, 32, "%s", tok);
  }
}

Test(eval, notin_counts_must_not_services_in_the_top_5) {
  char *out;
  cr_assert_eq(eval(&out, "--notin q.notin"), 0, "%s", out);
  cr_assert(strstr(out, "trap set: 6 must-not services on 4 notes"), "%s", out);
  const char *a = line_of(out, "a"), *b = line_of(out, "b");
  cr_assert(a && b, "%s", out);
  /* traps@5 and trap% are the last two columns of the system's line. */
  char hits[32], share[32];
  last_two(a, hits, share);
  cr_assert(!strcmp(hits, "3") && !strcmp(share, "50.0%"), "run a: 3 hits on 50%% of notes:\n%s",
            out);
  last_two(b, hits, share);
  cr_assert(!strcmp(hits, "0") && !strcmp(share, "0.0%"), "run b: no hits:\n%s", out);
  /* By type: negation q1 has 2 hits on 1 note, context 1 hit on 1 of 3 notes. */
  cr_assert(strstr(out, "negation(1)"), "%s", out);
  const char *bytype = strstr(out, "trap hits@5 (sum) / notes with a hit, by query type");
  cr_assert_not_null(bytype, "%s", out);
  const char *ta = line_of(bytype, "a");
  char neg[32] = "", ctx[32] = "";
  cr_assert(ta && sscanf(ta, "%*s %31s %31s", neg, ctx) == 2, "%s", bytype);
  cr_assert(!strcmp(neg, "2/1") && !strcmp(ctx, "1/1"), "per type for a:\n%s", bytype);
  /* The fewest-peer comparison names b. */
  cr_assert(strstr(out, "peer with the fewest (b: 0, 0.0% of notes)"), "%s", out);
  free(out);
}

Test(eval, without_notin_no_trap_columns) {
  char *out;
  cr_assert_eq(eval(&out, ""), 0, "%s", out);
  cr_assert_null(strstr(out, "traps@5"), "%s", out);
  cr_assert_null(strstr(out, "trap set"), "%s", out);
  free(out);
}

Test(eval, notin_line_for_an_unknown_query_is_an_input_error) {
  put("bad.notin", "q1\tdebt\nq9\tdebt\n");
  char *out;
  int rc = eval(&out, "--notin bad.notin");
  cr_assert_neq(rc, 0, "%s", out);
  cr_assert(strstr(out, "bad.notin:2:"), "%s", out);
  free(out);
}
