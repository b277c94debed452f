/*
 * shards.c — scale-out on Xapian's remote backend: an index written as
 * shards, served by two xapian-tcpsrv processes on loopback and searched as
 * one database, answers exactly as the single index does (same services in
 * the same order, same scores, same explanations); a shard set of another
 * generation is refused; local shards open without any configuration.
 */
#define _GNU_SOURCE
#include "engine.h"
#include "helpers.h"

#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <math.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *QUERIES[] = {
    "velat kasassa ja ulosotto, 24v",
    "masentunut, ei jaksa, haluaisi kokeilla töitä",
    "ei puhu suomea, etsii töitä ravintola-alalla",
    "starttiraha",
    "needs debt counselling",
};

static char *build(size_t shards) {
  char *dir = kt_test_tmpdir();
  kt_build_options o = KT_BUILD_OPTIONS_INIT;
  o.shards = shards;
  cr_assert_eq(kt_index_build(KT_CATALOG_DIR, dir, &o, NULL), KT_OK, "%s", kt_error_last());
  return dir;
}

static char *current(const char *root) {
  char *gen = NULL;
  if (kt__index_current(root, &gen) != KT_OK || !gen) return strdup("/nonexistent/none");
  return gen;
}

/* A free loopback port (bound and released; good enough for a test). */
static unsigned free_port(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  cr_assert_eq(bind(s, (struct sockaddr *)&a, sizeof a), 0);
  socklen_t l = sizeof a;
  getsockname(s, (struct sockaddr *)&a, &l);
  close(s);
  return ntohs(a.sin_port);
}

static bool port_open(unsigned port) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_port = htons((uint16_t)port),
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  bool ok = connect(s, (struct sockaddr *)&a, sizeof a) == 0;
  close(s);
  return ok;
}

static pid_t serve(const char *path, unsigned port) {
  pid_t pid = fork();
  if (pid == 0) {
    /* Its own process group: on SIGTERM xapian-tcpsrv signals its whole group. */
    setpgid(0, 0);
    char p[16];
    snprintf(p, sizeof p, "%u", port);
    /* Quiet: the readiness probe makes it print a broken-pipe message. */
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
    execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", p, path,
           (char *)NULL);
    _exit(127);
  }
  for (int i = 0; i < 100 && !port_open(port); i++)
    usleep(50000);
  cr_assert(port_open(port), "xapian-tcpsrv did not start on port %u", port);
  return pid;
}

static void compare(kt_engine *a, kt_engine *b) {
  for (size_t q = 0; q < sizeof QUERIES / sizeof *QUERIES; q++) {
    kt_results *x = kt_test_search(a, QUERIES[q], NULL), *y = kt_test_search(b, QUERIES[q], NULL);
    cr_assert_eq(kt_results_count(x), kt_results_count(y), "'%s'", QUERIES[q]);
    for (size_t i = 0; i < kt_results_count(x); i++) {
      const kt_result *rx = kt_results_get(x, i), *ry = kt_results_get(y, i);
      cr_assert_str_eq(rx->id, ry->id, "'%s' rank %zu", QUERIES[q], i);
      cr_assert(fabs(rx->score - ry->score) < 1e-9 * fabs(rx->score), "'%s' %s: %.12f vs %.12f",
                QUERIES[q], rx->id, rx->score, ry->score);
      cr_assert_eq(rx->match_count, ry->match_count);
      for (size_t k = 0; k < rx->match_count; k++) {
        cr_assert_str_eq(rx->matches[k].term, ry->matches[k].term);
        cr_assert_eq(rx->matches[k].fields, ry->matches[k].fields);
      }
      cr_assert_eq(!rx->snippet, !ry->snippet);
      if (rx->snippet) cr_assert_str_eq(rx->snippet, ry->snippet);
    }
    kt_results_free(x);
    kt_results_free(y);
  }
}

Test(shards, remote_shards_answer_as_the_single_index) {
  if (system("command -v xapian-tcpsrv >/dev/null 2>&1") != 0)
    cr_skip_test("xapian-tcpsrv is not installed (Debian xapian-tools)");
  char *single = build(0), *sharded = build(2);
  char *gen = current(sharded);
  char p0[1024], p1[1024], conf[1024], genname[256];
  snprintf(genname, sizeof genname, "%s", strrchr(gen, '/') + 1);
  snprintf(p0, sizeof p0, "%s/shards/0", gen);
  snprintf(p1, sizeof p1, "%s/shards/1", gen);
  unsigned port0 = free_port(), port1 = free_port();
  while (port1 == port0)
    port1 = free_port();
  pid_t s0 = serve(p0, port0), s1 = serve(p1, port1);
  snprintf(conf, sizeof conf, "%s/shards.conf", sharded);
  FILE *f = fopen(conf, "w");
  fprintf(f, "# two shards on loopback\ngeneration %s\nremote 127.0.0.1 %u\nremote 127.0.0.1 %u\n",
          genname, port0, port1);
  fclose(f);
  kt_engine *one = NULL, *remote = NULL;
  cr_assert_eq(kt_engine_open(&one, single), KT_OK);
  int rc = kt_engine_open(&remote, sharded);
  cr_assert_eq(rc, KT_OK, "%s", kt_error_last());
  compare(one, remote);
  kt_engine_close(remote);
  /* Shards of another generation are refused, with a message that says so. */
  f = fopen(conf, "w");
  fprintf(f, "generation gen-19700101T000000.000000Z-1\nremote 127.0.0.1 %u\nremote 127.0.0.1 %u\n",
          port0, port1);
  fclose(f);
  cr_assert_eq(kt_engine_open(&remote, sharded), KT_ECORRUPT);
  cr_assert(strstr(kt_error_last(), "generation"), "%s", kt_error_last());
  kill(s0, SIGTERM);
  kill(s1, SIGTERM);
  waitpid(s0, NULL, 0);
  waitpid(s1, NULL, 0);
  /* A shard that does not answer is an error, not a crash. */
  f = fopen(conf, "w");
  fprintf(f, "remote 127.0.0.1 %u\n", port0);
  fclose(f);
  rc = kt_engine_open(&remote, sharded);
  cr_assert(rc != KT_OK, "opened a shard nobody serves");
  kt_engine_close(one);
  free(gen);
}

/* A database that stops answering is an error, never a silent 0: a term
 * frequency of 0 would pass for a rare word and change every score. */
Test(shards, a_shard_that_stops_answering_is_an_error_not_a_zero) {
  if (system("command -v xapian-tcpsrv >/dev/null 2>&1") != 0)
    cr_skip_test("xapian-tcpsrv is not installed (Debian xapian-tools)");
  char *sharded = build(2);
  char *gen = current(sharded);
  char p0[1024], p1[1024], conf[1024];
  snprintf(p0, sizeof p0, "%s/shards/0", gen);
  snprintf(p1, sizeof p1, "%s/shards/1", gen);
  unsigned port0 = free_port(), port1 = free_port();
  while (port1 == port0)
    port1 = free_port();
  pid_t s0 = serve(p0, port0), s1 = serve(p1, port1);
  snprintf(conf, sizeof conf, "%s/shards.conf", sharded);
  FILE *f = fopen(conf, "w");
  fprintf(f, "remote 127.0.0.1 %u\nremote 127.0.0.1 %u\n", port0, port1);
  fclose(f);
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, sharded), KT_OK, "%s", kt_error_last());
  size_t df = 0;
  cr_assert_eq(kt__gen_termfreq(&e->gen, "velka", &df), KT_OK, "%s", kt_error_last());
  cr_assert_gt(df, 0, "the catalogue has services about debt");
  kill(s0, SIGTERM);
  kill(s1, SIGTERM);
  waitpid(s0, NULL, 0);
  waitpid(s1, NULL, 0);
  df = 99;
  int rc = kt__gen_termfreq(&e->gen, "ulosotto", &df);
  cr_assert_neq(rc, KT_OK, "a term frequency from shards nobody serves");
  cr_assert_eq(df, 0);
  cr_assert_neq(kt_error_last()[0], '\0', "no message for the failure");
  rc = ktx_db_termfreq(e->gen.db, "työkokeilu", &df);
  cr_assert_neq(rc, KT_OK, "the shim's term frequency hid the failure");
  kt_results *r = NULL;
  cr_assert_neq(kt_search(e, "velat ja ulosotto", strlen("velat ja ulosotto"), NULL, &r), KT_OK);
  cr_assert_null(r);
  kt_engine_close(e);
  free(gen);
}

Test(shards, local_shards_open_without_configuration) {
  char *single = build(0), *sharded = build(3);
  kt_engine *one = NULL, *local = NULL;
  cr_assert_eq(kt_engine_open(&one, single), KT_OK);
  cr_assert_eq(kt_engine_open(&local, sharded), KT_OK, "%s", kt_error_last());
  compare(one, local);
  kt_engine_close(one);
  kt_engine_close(local);
}

Test(shards, a_bad_shard_set_file_is_reported_by_line) {
  char *sharded = build(2);
  char conf[1024];
  snprintf(conf, sizeof conf, "%s/shards.conf", sharded);
  FILE *f = fopen(conf, "w");
  fprintf(f, "remote 127.0.0.1\n");
  fclose(f);
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, sharded), KT_EINVAL);
  cr_assert(strstr(kt_error_last(), "shards.conf:1"), "%s", kt_error_last());
}

/* Issue 17: the baseline term spaces of `eval` live in an evaluation index
 * of their own (KT_BUILD_EVAL_TERMS), so the production index carries none
 * of them and ranks exactly the same with or without it. */
Test(shards, the_eval_terms_live_beside_the_index_and_change_no_ranking) {
  char *plain = build(0), *dir = kt_test_tmpdir();
  kt_build_options o = KT_BUILD_OPTIONS_INIT;
  o.flags = KT_BUILD_EVAL_TERMS;
  cr_assert_eq(kt_index_build(KT_CATALOG_DIR, dir, &o, NULL), KT_OK, "%s", kt_error_last());
  kt_engine *a, *b;
  cr_assert_eq(kt_engine_open(&a, plain), KT_OK, "%s", kt_error_last());
  cr_assert_eq(kt_engine_open(&b, dir), KT_OK, "%s", kt_error_last());
  /* No baseline term in either production database; the evaluation one has them. */
  size_t df = 1;
  cr_assert_eq(ktx_db_termfreq(a->gen.db, "Yvelka", &df), KT_OK);
  cr_assert_eq(df, 0);
  df = 1;
  cr_assert_eq(ktx_db_termfreq(b->gen.db, "Yvelka", &df), KT_OK);
  cr_assert_eq(df, 0);
  cr_assert_null(a->gen.eval_db);
  cr_assert_not_null(b->gen.eval_db);
  cr_assert_eq(ktx_db_termfreq(b->gen.eval_db, "Yvelka", &df), KT_OK);
  cr_assert_gt(df, 0);
  for (size_t q = 0; q < sizeof QUERIES / sizeof *QUERIES; q++) {
    kt_results *ra = NULL, *rb = NULL;
    cr_assert_eq(kt_search(a, QUERIES[q], strlen(QUERIES[q]), NULL, &ra), KT_OK);
    cr_assert_eq(kt_search(b, QUERIES[q], strlen(QUERIES[q]), NULL, &rb), KT_OK);
    cr_assert_eq(kt_results_count(ra), kt_results_count(rb), "%s", QUERIES[q]);
    for (size_t i = 0; i < kt_results_count(ra); i++) {
      cr_assert_str_eq(kt_results_get(ra, i)->id, kt_results_get(rb, i)->id, "%s #%zu", QUERIES[q],
                       i);
      cr_assert_float_eq(kt_results_get(ra, i)->score, kt_results_get(rb, i)->score, 1e-9);
    }
    kt_results_free(ra);
    kt_results_free(rb);
  }
  /* The baseline configurations search the evaluation index, and refuse an
   * index built without it with a message that says how to get one. */
  kt_search_options so = KT_SEARCH_OPTIONS_INIT;
  so.flags = KT_SEARCH_MODE_SURFACE;
  kt_results *r = NULL;
  cr_assert_eq(kt_search(b, "velka", 5, &so, &r), KT_OK, "%s", kt_error_last());
  cr_assert_gt(kt_results_count(r), 0);
  kt_results_free(r);
  r = NULL;
  cr_assert_eq(kt_search(a, "velka", 5, &so, &r), KT_EINVAL);
  cr_assert_null(r);
  cr_assert(strstr(kt_error_last(), "--eval-terms"), "%s", kt_error_last());
  /* An unknown build flag is refused. */
  o.flags = 1u << 7;
  cr_assert_eq(kt_index_build(KT_CATALOG_DIR, dir, &o, NULL), KT_EINVAL);
  kt_engine_close(a);
  kt_engine_close(b);
  kt__rm_rf(plain);
  kt__rm_rf(dir);
  free(plain);
  free(dir);
}
