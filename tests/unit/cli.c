/* CLI tests: `kohtaanto` run as a user would, checking output and exit codes. */
#define _GNU_SOURCE
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *idx, *home;
static void setup(void) {
  idx = kt_test_mini_index();
  home = kt_test_tmpdir();
}
static void teardown(void) {
  kt__rm_rf(idx);
  kt__rm_rf(home);
  free(idx);
  free(home);
}
TestSuite(cli, .init = setup, .fini = teardown);

static int run(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int run(char **out, const char *fmt, ...) {
  char args[4096], cmd[8192];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(args, sizeof args, fmt, ap);
  va_end(ap);
  snprintf(cmd, sizeof cmd, "HOME=%s XDG_DATA_HOME= KOHTAANTO_INDEX= %s %s", home, KT_CLI_BIN,
           args);
  return kt_test_run(cmd, out);
}

Test(cli, search_prints_a_ranked_list_with_matched_words) {
  char *out;
  cr_assert_eq(run(&out, "search --index %s palkkatuella töihin", idx), 0);
  cr_assert(!strncmp(out, " 1. Palkkatuki  [palkkatuki]  ", 30), "output:\n%s", out);
  cr_assert(strstr(out, "osui: palkkatuella"), "output:\n%s", out);
  free(out);
}

Test(cli, search_reads_the_need_from_stdin) {
  char *out;
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "echo 'velat ja ulosotto' | HOME=%s %s search --index %s -n 1", home,
           KT_CLI_BIN, idx);
  cr_assert_eq(kt_test_run(cmd, &out), 0);
  cr_assert(strstr(out, "[talous-ja-velkaneuvonta]"), "output:\n%s", out);
  cr_assert_null(strstr(out, " 2. "), "-n 1 printed more:\n%s", out);
  free(out);
}

Test(cli, json_output_has_results_with_explanations) {
  char *out;
  cr_assert_eq(run(&out, "search --index %s --json --explain tyokokeilu", idx), 0);
  cr_assert(strstr(out, "\"results\": ["), "%s", out);
  cr_assert(strstr(out, "\"id\": \"tyokokeilu\""), "%s", out);
  cr_assert(strstr(out, "\"term\": \"työkokeilu\""), "%s", out);
  cr_assert(strstr(out, "\"fields\": ["), "%s", out);
  cr_assert(strstr(out, "\"weight\":"), "%s", out);
  /* The need text itself is not echoed back as a field (only matched words are). */
  cr_assert_null(strstr(out, "\"text\""), "%s", out);
  cr_assert_null(strstr(out, "\"query\""), "%s", out);
  free(out);
}

Test(cli, batch_mode_writes_a_trec_run) {
  char q[600];
  snprintf(q, sizeof q, "%s/q.tsv", home);
  FILE *f = fopen(q, "w");
  fputs("q1\tpalkkatuki\nq2\tvelkaneuvonta ja ulosotto\n", f);
  fclose(f);
  char *out;
  cr_assert_eq(run(&out, "search --index %s --queries %s --format trec -n 3", idx, q), 0);
  cr_assert(!strncmp(out, "q1 Q0 palkkatuki 1 ", 19), "%s", out);
  cr_assert(strstr(out, "\nq2 Q0 "), "%s", out);
  /* scores distinct within a query, ranks 1..n */
  char id[64], qid[16], q0[4], tag[32];
  int rank, lines = 0;
  double score, prev = 1e300;
  char last[16] = "";
  for (char *l = strtok(out, "\n"); l; l = strtok(NULL, "\n")) {
    cr_assert_eq(sscanf(l, "%15s %3s %63s %d %lf %31s", qid, q0, id, &rank, &score, tag), 6, "%s",
                 l);
    cr_assert_str_eq(tag, "kohtaanto");
    if (strcmp(qid, last)) prev = 1e300;
    cr_assert_lt(score, prev, "scores not distinct: %s", l);
    prev = score;
    snprintf(last, sizeof last, "%s", qid);
    lines++;
  }
  cr_assert_geq(lines, 4);
  free(out);
}

Test(cli, exit_codes_are_distinct) {
  cr_assert_eq(run(NULL, "frobnicate 2>/dev/null"), 2);
  cr_assert_eq(run(NULL, "search --bogus 2>/dev/null"), 2);
  cr_assert_eq(run(NULL, "search --index %s $(printf 'ty\\377') 2>/dev/null", idx), 3);
  cr_assert_eq(run(NULL, "show --index /nonexistent/kt 2>/dev/null palkkatuki"), 4);
  cr_assert_eq(run(NULL, "show --index %s ei-ole 2>/dev/null", idx), 6);
  cr_assert_eq(
      run(NULL, "index --check --catalog %s/catalog-bad/bad-age 2>/dev/null", KT_TEST_DATA), 3);
}

Test(cli, errors_name_what_was_wrong) {
  char *out;
  run(&out, "index --check --catalog %s/catalog-bad/bad-age 2>&1", KT_TEST_DATA);
  cr_assert(strstr(out, "tyokokeilu.json: field 'age': min 30 is above max 20"), "%s", out);
  free(out);
}

Test(cli, search_without_an_index_builds_the_bundled_one_and_says_so) {
  char *out;
  /* Default index location under $HOME; catalogue: the mini one via env. */
  char cmd[4096];
  snprintf(cmd, sizeof cmd,
           "HOME=%s XDG_DATA_HOME= KOHTAANTO_INDEX= KOHTAANTO_CATALOG=%s/catalog-mini %s search "
           "palkkatuki 2>&1",
           home, KT_TEST_DATA, KT_CLI_BIN);
  cr_assert_eq(kt_test_run(cmd, &out), 0, "%s", out);
  cr_assert(strstr(out, "no index at"), "%s", out);
  cr_assert(strstr(out, "[palkkatuki]"), "%s", out);
  free(out);
  /* The second time it exists: nothing is rebuilt. */
  cr_assert_eq(kt_test_run(cmd, &out), 0);
  cr_assert_null(strstr(out, "no index at"), "%s", out);
  free(out);
}

Test(cli, show_prints_the_record) {
  char *out;
  cr_assert_eq(run(&out, "show --index %s palkkatuki", idx), 0);
  cr_assert(strstr(out, "\"name\""), "%s", out);
  /* How to reach and start the service travel with the record. */
  cr_assert(strstr(out, "\"status\": \"active\""), "%s", out);
  cr_assert(strstr(out, "\"contact\": {"), "%s", out);
  cr_assert(strstr(out, "\"web\": \"https://"), "%s", out);
  cr_assert(strstr(out, "\"apply\": {"), "%s", out);
  cr_assert(strstr(out, "\"routes\": ["), "%s", out);
  free(out);
}

Test(cli, handout_prints_the_services_in_the_clients_language) {
  char *out;
  cr_assert_eq(run(&out, "handout --index %s --lang sv palkkatuki tyokokeilu", idx), 0);
  cr_assert(strstr(out, "Tjänster för dig"), "%s", out);
  cr_assert(strstr(out, "1. Lönesubvention"), "%s", out);
  cr_assert(strstr(out, "2. Arbetsprövning"), "%s", out);
  /* how to apply is only in Finnish: shown, and marked */
  cr_assert(strstr(out, "Så här söker du: "), "%s", out);
  cr_assert(strstr(out, "(på finska)"), "%s", out);
  free(out);
}

Test(cli, handout_in_plain_finnish_uses_the_selko_texts_and_marks_the_rest) {
  char *out;
  cr_assert_eq(run(&out, "handout --index %s --lang fi-x-selko palkkatuki tyokokeilu", idx), 0);
  /* palkkatuki has selko texts: its summary and how to start, unmarked */
  cr_assert(strstr(out, "   Palkkatuki on rahaa, jota työnantaja voi saada, kun se palkkaa sinut. "
                        "Tuki auttaa sinua pääsemään töihin.\n"),
            "%s", out);
  cr_assert(strstr(out, "Näin pääset mukaan: Työnantaja hakee tukea Työmarkkinatorilla ennen kuin "
                        "työ alkaa.\n"),
            "%s", out);
  /* tyokokeilu has none: its standard Finnish, marked; its name as it is */
  const char *second = strstr(out, "2. Työkokeilu\n");
  cr_assert(second, "%s", out);
  cr_assert(strstr(second, "(ei selkokielellä)\n   Kuka järjestää"), "the summary is marked: %s",
            second);
  free(out);
  cr_assert_eq(run(&out, "handout --index %s --lang selko --format html palkkatuki", idx), 0);
  cr_assert(strstr(out, "<html lang=\"fi-x-selko\">"), "%s", out);
  free(out);
}

Test(cli, handout_html_is_a_page_with_escaped_text) {
  char *out;
  cr_assert_eq(run(&out, "handout --index %s --lang en --format html palkkatuki", idx), 0);
  cr_assert(strstr(out, "<html lang=\"en\">"), "%s", out);
  cr_assert(strstr(out, "<h2>1. Pay subsidy</h2>"), "%s", out);
  cr_assert(strstr(out, "<span lang=\"fi\">"), "Finnish text is marked as such: %s", out);
  cr_assert(strstr(out, "</html>"), "%s", out);
  free(out);
}

Test(cli, handout_refuses_bad_arguments) {
  cr_assert_eq(run(NULL, "handout --index %s 2>/dev/null", idx), 2);
  cr_assert_eq(run(NULL, "handout --index %s --lang de palkkatuki 2>/dev/null", idx), 2);
  cr_assert_eq(run(NULL, "handout --index %s --format pdf palkkatuki 2>/dev/null", idx), 2);
  char *out;
  cr_assert_eq(run(&out, "handout --index %s palkkatuki ei-ole 2>/dev/null", idx), 6);
  cr_assert_eq(strlen(out), 0, "nothing printed for a wrong id: %s", out);
  free(out);
}

/* Issue 14 item 16: an unknown filter value is a usage error (as over HTTP),
 * not "no matches"; `analyze` takes no options. */
Test(cli, unknown_filter_values_and_options_are_usage_errors) {
  char *out;
  cr_assert_eq(run(&out, "search --index %s --category nope velat 2>&1", idx), 2, "%s", out);
  cr_assert(strstr(out, "unknown --category 'nope'"), "%s", out);
  free(out);
  cr_assert_eq(run(&out, "search --index %s --lang klingon velat 2>&1", idx), 2, "%s", out);
  cr_assert(strstr(out, "unknown --lang 'klingon'"), "%s", out);
  free(out);
  cr_assert_eq(run(&out, "analyze --index %s velat 2>&1", idx), 2, "%s", out);
  cr_assert(strstr(out, "unknown option '--index'"), "%s", out);
  free(out);
  cr_assert_eq(run(&out, "analyze -- velat"), 0);
  cr_assert(strstr(out, "lemma:velka"), "%s", out);
  free(out);
}

/* Issue 14 item 17: batch query ids become a TREC column: empty, spaced or
 * repeated ones are refused naming the line. */
Test(cli, batch_query_ids_must_be_unique_single_words) {
  const char *files[] = {"q1\tvelat\nq1\tasunto\n", "q 1\tvelat\n", "\tvelat\n", "q\x01\tvelat\n"};
  const char *want[] = {":2: query id 'q1' is given twice", ":1: the query id", ":1: the query id",
                        ":1: the query id"};
  for (size_t i = 0; i < 4; i++) {
    char path[600], *out;
    snprintf(path, sizeof path, "%s/queries-%zu.tsv", home, i);
    FILE *f = fopen(path, "w");
    fputs(files[i], f);
    fclose(f);
    cr_assert_eq(
        run(&out, "search --index %s --queries %s --format trec 2>&1 >/dev/null", idx, path), 3,
        "case %zu: %s", i, out);
    cr_assert(strstr(out, want[i]), "case %zu: %s", i, out);
    free(out);
  }
}

/* Issue 14 item 8: the CLI stored "#format" as a service and failed with
 * exit 6 on an empty one; both are bad input (exit 3), nothing stored. */
Test(cli, feedback_for_ids_that_are_no_service_is_bad_input) {
  char *out;
  const char *ids[] = {"'#format'", "''", "'#services'"};
  for (size_t i = 0; i < 3; i++) {
    cr_assert_eq(run(&out,
                     "feedback add --store %s/fb --index %s --service %s --kind useful velat 2>&1",
                     home, idx, ids[i]),
                 3, "%s: %s", ids[i], out);
    free(out);
  }
  cr_assert_eq(run(&out, "feedback count --store %s/fb", home), 0);
  cr_assert(!strncmp(out, "0", 1), "events were stored: %s", out);
  free(out);
}

/* Issue 14 item 13: a path or value with a terminal escape sequence is shown
 * without it (the library's messages are sanitised too, see badinput). */
Test(cli, escape_sequences_in_paths_and_values_are_not_printed) {
  char *out;
  cr_assert_eq(
      run(&out,
          "search --index %s --queries \"$(printf '/nonexistent/q\\033[2J\\033]0;x\\007')\" "
          "--format trec 2>&1",
          idx),
      3, "%s", out);
  cr_assert(strstr(out, "/nonexistent/q"), "%s", out);
  cr_assert_null(strchr(out, '\033'), "an escape was printed: %s", out);
  cr_assert_null(strchr(out, '\007'), "a bell was printed: %s", out);
  free(out);
  cr_assert_eq(run(&out, "search --index %s --category \"$(printf 'x\\033[31m')\" velat 2>&1", idx),
               2, "%s", out);
  cr_assert_null(strchr(out, '\033'), "an escape was printed: %s", out);
  free(out);
}

/* Every message of every command goes through the same rule, whatever
 * prints it: `serve` and `eval` with paths that hold an escape sequence, a
 * C1 control (CSI, U+009B) and a bidi override (U+202E), each in a message
 * of its own code and in one from the library. */
static void assert_shown(const char *out, const char *what) {
  cr_assert_null(strchr(out, '\033'), "%s: an escape was printed: %s", what, out);
  cr_assert_null(strstr(out, "\xc2\x9b"), "%s: a C1 control was printed: %s", what, out);
  cr_assert_null(strstr(out, "\xe2\x80\xae"), "%s: a bidi override was printed: %s", what, out);
  cr_assert(strstr(out, "?[2J"), "%s: the path is not shown: %s", what, out);
}

Test(cli, serve_and_eval_show_paths_without_escape_sequences) {
  char *out;
  const char *bad = "\"$(printf '/dev/null/x\\033[2J\\302\\2331m\\342\\200\\256y')\"";
  cr_assert_eq(run(&out, "serve --index %s --port 0 2>&1", bad), 4, "%s", out);
  assert_shown(out, "serve --index");
  free(out);
  cr_assert_eq(run(&out, "serve --index %s --token-file %s --port 0 2>&1", idx, bad), 2, "%s", out);
  assert_shown(out, "serve --token-file");
  free(out);
  cr_assert_eq(run(&out, "serve --index %s --feedback %s/f --port 0 2>&1", idx, bad), 6, "%s", out);
  assert_shown(out, "serve --feedback");
  free(out);
  cr_assert_eq(run(&out, "eval --index %s --queries %s --qrels /dev/null 2>&1", idx, bad), 3, "%s",
               out);
  assert_shown(out, "eval --queries");
  free(out);
  char q[600];
  snprintf(q, sizeof q, "%s/q.tsv", home);
  FILE *f = fopen(q, "w");
  cr_assert_not_null(f);
  fputs("q1\tvelat kasassa\n", f);
  fclose(f);
  cr_assert_eq(run(&out, "eval --index %s --queries %s --qrels %s 2>&1", idx, q, bad), 3, "%s",
               out);
  assert_shown(out, "eval --qrels");
  free(out);
}

/* A run that cannot be written whole (a full disk: /dev/full) fails the
 * eval with a message, though nothing was left for fclose() to flush. */
Test(cli, eval_runs_that_cannot_be_written_fail) {
  char dir[600], q[600], qrels[600], full[640], *out = NULL;
  snprintf(dir, sizeof dir, "%s/runs", home);
  snprintf(q, sizeof q, "%s/q.tsv", home);
  snprintf(qrels, sizeof qrels, "%s/q.qrels", home);
  snprintf(full, sizeof full, "%s/full.run", dir);
  cr_assert_eq(mkdir(dir, 0700), 0);
  cr_assert_eq(symlink("/dev/full", full), 0);
  FILE *f = fopen(q, "w");
  cr_assert_not_null(f);
  fputs("q1\tvelat kasassa, ulosotto\n", f);
  fclose(f);
  cr_assert_not_null(f = fopen(qrels, "w"));
  fputs("q1 0 talous-ja-velkaneuvonta 2\n", f);
  fclose(f);
  cr_assert_eq(
      run(&out, "eval --index %s --queries %s --qrels %s --write-runs %s 2>&1", idx, q, qrels, dir),
      3, "%s", out);
  cr_assert(strstr(out, "cannot write a run"), "%s", out);
  free(out);
}
