/* Faults (issue 7): `kohtaanto index` killed at every file operation of a
 * build and of the switch (tests/fault/killat.c, preloaded) and at random
 * moments; two indexers at once; readers that keep answering while new
 * generations are switched in and old ones deleted under them.
 * After every fault the index root must still open and answer the same
 * query with the same JSON, byte for byte. */
#define _GNU_SOURCE
#include "hardening.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MINI KT_TEST_DATA "/catalog-mini"

static char *idx, *answer, *scratch;
static void setup(void) {
  idx = kt_test_mini_index();
  scratch = kt_test_tmpdir();
  char why[1024];
  answer = kt_hard_answer(idx, why, sizeof why);
  cr_assert_not_null(answer, "%s", why);
}
static void teardown(void) {
  kt__rm_rf(idx);
  kt__rm_rf(scratch);
  free(idx);
  free(scratch);
  free(answer);
}
TestSuite(faults, .init = setup, .fini = teardown);

typedef struct fault {
  long at;         /* operation to act at (1-based), 0 = none */
  int after;       /* act after the operation instead of before it */
  int stop;        /* SIGSTOP instead of SIGKILL */
  const char *log; /* file to list the operations in */
} fault;

/* Start `kohtaanto index` on the mini catalogue with the fault injector;
 * its stderr goes to @p errfile (or nowhere). */
static pid_t spawn_index(const fault *f, const char *errfile) {
  fflush(NULL);
  pid_t pid = fork();
  cr_assert_geq(pid, 0);
  if (pid) return pid;
  char num[32];
  snprintf(num, sizeof num, "%ld", f ? f->at : 0);
  setenv("LD_PRELOAD", KT_KILLAT_LIB, 1);
  /* Sanitizer builds: the injector is preloaded ahead of the runtime. */
  const char *asan = getenv("ASAN_OPTIONS");
  char opts[1024];
  snprintf(opts, sizeof opts, "%s%sverify_asan_link_order=0", asan ? asan : "", asan ? ":" : "");
  setenv("ASAN_OPTIONS", opts, 1);
  setenv("KT_FAULT_AT", num, 1);
  setenv("KT_FAULT_WHEN", f && f->after ? "after" : "before", 1);
  setenv("KT_FAULT_ACTION", f && f->stop ? "stop" : "kill", 1);
  if (f && f->log)
    setenv("KT_FAULT_LOG", f->log, 1);
  else
    unsetenv("KT_FAULT_LOG");
  FILE *o = freopen(errfile ? errfile : "/dev/null", "w", stderr);
  if (!o || !freopen("/dev/null", "w", stdout)) _exit(120);
  execl(KT_CLI_BIN, "kohtaanto", "index", "--catalog", MINI, "--index", idx, (char *)NULL);
  _exit(121);
}

static int wait_status(pid_t pid) {
  int st;
  cr_assert_eq(waitpid(pid, &st, 0), pid);
  return st;
}

/* After a fault: `current` names a complete generation that answers exactly
 * as before. Returns 1 if `current` moved from @p before. */
static int assert_serving(const char *what, const char *before) {
  const char *cur = kt_hard_current(idx);
  cr_assert(!strncmp(cur, "gen-", 4), "%s: current is '%s'", what, cur);
  int moved = strcmp(cur, before) != 0;
  char why[1024];
  char *a = kt_hard_answer(idx, why, sizeof why);
  cr_assert_not_null(a, "%s: the index no longer answers: %s", what, why);
  cr_assert_str_eq(a, answer, "%s: the index answers differently", what);
  free(a);
  return moved;
}

/* Remove what killed builds left (the next build would do it first, adding
 * operations and so shifting the injector's count). */
static void clear_leftovers(void) {
  char cmd[800];
  snprintf(cmd, sizeof cmd, "rm -rf %s/.build-* %s/current.tmp-*", idx, idx);
  cr_assert_eq(system(cmd), 0);
}

static size_t count_lines(const char *path) {
  char *s = kt_hard_read(path, NULL);
  size_t n = 0;
  for (char *p = s; p && *p; p++)
    n += *p == '\n';
  free(s);
  return n;
}

Test(faults, killed_at_every_file_operation_of_a_build_and_its_switch) {
  char log[700];
  snprintf(log, sizeof log, "%s/ops.log", scratch);
  /* Two generations first, so the listed build also prunes one. */
  int st = wait_status(spawn_index(NULL, NULL));
  cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  fault dry = {0, 0, 0, log};
  st = wait_status(spawn_index(&dry, NULL));
  cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the build without faults failed (%d)", st);
  size_t nops = count_lines(log);
  char *ops = kt_hard_read(log, NULL);
  cr_assert(strstr(ops, " symlink ") && strstr(ops, "/current"), "no switch seen:\n%s", ops);
  cr_assert_geq(nops, 6, "too few operations seen:\n%s", ops);
  free(ops);
  int killed = 0, kept = 0, moved = 0;
  for (long at = 1; at <= (long)nops; at++) {
    for (int after = 0; after < 2; after++) {
      char before[512], what[128];
      snprintf(before, sizeof before, "%s", kt_hard_current(idx));
      snprintf(what, sizeof what, "killed %s operation %ld of %zu", after ? "after" : "before", at,
               nops);
      clear_leftovers();
      fault f = {at, after, 0, NULL};
      st = wait_status(spawn_index(&f, NULL));
      if (WIFEXITED(st)) {
        /* This build did fewer operations (less to prune): it finished. */
        cr_assert_eq(WEXITSTATUS(st), 0, "%s: exit %d", what, WEXITSTATUS(st));
      } else {
        cr_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "%s: status %d", what, st);
        killed++;
      }
      if (assert_serving(what, before))
        moved++;
      else
        kept++;
    }
  }
  cr_assert_geq(killed, (int)nops, "the injector did not kill");
  cr_assert_gt(kept, 0, "no kill left the previous generation current");
  cr_assert_gt(moved, 0, "no kill came after the switch");
  /* The next build clears what the killed ones left. */
  st = wait_status(spawn_index(NULL, NULL));
  cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  cr_assert_eq(kt_hard_leftovers(idx), 0, "leftovers remain: %s", kt_hard_snapshot(idx));
  char cmd[700];
  snprintf(cmd, sizeof cmd, "ls -d %s/gen-* | wc -l", idx);
  char *out;
  kt_test_run(cmd, &out);
  cr_assert_leq(atoi(out), 2, "generations kept: %s", out);
  free(out);
}

Test(faults, killed_at_random_moments_of_a_build) {
  /* How long one build takes here (sanitizers make it several times slower). */
  double t0 = kt__now();
  int st = wait_status(spawn_index(NULL, NULL));
  cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  double took = kt__now() - t0;
  unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
  srand(seed);
  int killed = 0;
  for (int i = 0; i < 20; i++) {
    char before[512], what[128];
    snprintf(before, sizeof before, "%s", kt_hard_current(idx));
    double delay = took * 1.2 * (double)rand() / RAND_MAX;
    snprintf(what, sizeof what, "killed %.3f s into a %.3f s build (seed %u)", delay, took, seed);
    pid_t pid = spawn_index(NULL, NULL);
    struct timespec ts = {(time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9)};
    nanosleep(&ts, NULL);
    kill(pid, SIGKILL);
    st = wait_status(pid);
    killed += WIFSIGNALED(st);
    cr_assert(WIFSIGNALED(st) || (WIFEXITED(st) && WEXITSTATUS(st) == 0), "%s: status %d", what,
              st);
    assert_serving(what, before);
  }
  cr_assert_gt(killed, 5, "almost every build finished before its kill");
}

/* One indexer is held (stopped) in the middle of its build, holding the
 * lock: a second indexer, the CLI or the library, is refused with
 * "being built" and the holder's pid; readers meanwhile answer as before. */
Test(faults, a_second_indexer_is_refused_while_one_builds) {
  char before[512];
  snprintf(before, sizeof before, "%s", kt_hard_current(idx));
  fault hold = {1, 0, 1, NULL};
  pid_t a = spawn_index(&hold, NULL);
  int st;
  cr_assert_eq(waitpid(a, &st, WUNTRACED), a);
  cr_assert(WIFSTOPPED(st), "the first indexer did not stop (%d)", st);

  char err[700];
  snprintf(err, sizeof err, "%s/b.err", scratch);
  st = wait_status(spawn_index(NULL, err));
  char *msg = kt_hard_read(err, NULL);
  cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 5, "second indexer: status %d: %s", st, msg);
  char want[64];
  snprintf(want, sizeof want, "is being built by another process (pid %d)", (int)a);
  cr_assert(strstr(msg, want) && strstr(msg, idx), "second indexer said:\n%s", msg);
  free(msg);
  cr_assert_eq(kt_index_build(MINI, idx, NULL, NULL), KT_ELOCKED);
  cr_assert(strstr(kt_error_last(), want), "%s", kt_error_last());
  assert_serving("while a build is held", before);
  cr_assert_str_eq(kt_hard_current(idx), before);

  kill(a, SIGCONT);
  st = wait_status(a);
  cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the held indexer failed (%d)", st);
  cr_assert(assert_serving("after the held build", before), "the held build did not switch");
  /* The lock is free again. */
  cr_assert_eq(kt_index_build(MINI, idx, NULL, NULL), KT_OK, "%s", kt_error_last());
}

Test(faults, two_indexers_started_together_never_both_fail_or_mix) {
  int refused = 0;
  for (int round = 0; round < 6; round++) {
    char e1[700], e2[700], before[512];
    snprintf(e1, sizeof e1, "%s/1.err", scratch);
    snprintf(e2, sizeof e2, "%s/2.err", scratch);
    snprintf(before, sizeof before, "%s", kt_hard_current(idx));
    pid_t p1 = spawn_index(NULL, e1), p2 = spawn_index(NULL, e2);
    int s1 = wait_status(p1), s2 = wait_status(p2);
    cr_assert(WIFEXITED(s1) && WIFEXITED(s2), "an indexer crashed (%d, %d)", s1, s2);
    int x1 = WEXITSTATUS(s1), x2 = WEXITSTATUS(s2);
    cr_assert((x1 == 0 && (x2 == 0 || x2 == 5)) || (x1 == 5 && x2 == 0),
              "round %d: exits %d and %d", round, x1, x2);
    if (x1 == 5 || x2 == 5) {
      refused++;
      char *m = kt_hard_read(x1 == 5 ? e1 : e2, NULL);
      cr_assert(strstr(m, "is being built by another process"), "%s", m);
      free(m);
    }
    cr_assert(assert_serving("after two indexers", before));
    cr_assert_eq(kt_hard_leftovers(idx), 0);
  }
  cr_log_info("two indexers: %d of 6 rounds overlapped (one refused)", refused);
}

/* ---- readers across switches ------------------------------------------------ */

static char *search_json(kt_engine *e) {
  kt_results *r = NULL;
  int rc = kt_search(e, KT_HARD_QUERY, strlen(KT_HARD_QUERY), NULL, &r);
  cr_assert_eq(rc, KT_OK, "search: %s", kt_error_last());
  char *json = NULL;
  cr_assert_eq(kt_results_json(r, &json), KT_OK);
  kt_results_free(r);
  return json;
}

/* The reader's generation is deleted (keep_generations = 1) while it is
 * open: it keeps answering from the files it holds, then refreshes. */
Test(faults, a_reader_keeps_answering_after_its_generation_is_deleted) {
  kt_engine *e;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  kt_index_info info;
  kt_engine_info(e, &info);
  char old[256], p[800];
  snprintf(old, sizeof old, "%s", info.generation);
  kt_build_options o = KT_BUILD_OPTIONS_INIT;
  o.keep_generations = 1;
  cr_assert_eq(kt_index_build(MINI, idx, &o, NULL), KT_OK, "%s", kt_error_last());
  snprintf(p, sizeof p, "%s/%s", idx, old);
  cr_assert_neq(access(p, F_OK), 0, "the old generation was not deleted");
  char *j = search_json(e);
  cr_assert_str_eq(j, answer, "the reader of a deleted generation answers differently");
  free(j);
  char *rec = NULL;
  cr_assert_eq(kt_service_get(e, "palkkatuki", &rec, NULL), KT_OK, "%s", kt_error_last());
  kt_free(rec);
  int changed = 0;
  cr_assert_eq(kt_engine_refresh(e, &changed), KT_OK, "%s", kt_error_last());
  cr_assert_eq(changed, 1);
  j = search_json(e);
  cr_assert_str_eq(j, answer);
  free(j);
  kt_engine_close(e);
}

/* A child process rebuilds the index again and again while this process
 * searches without pause on two engines: one refreshing after every search,
 * one never. No search fails and every answer is the same. */
Test(faults, readers_answer_throughout_repeated_switches) {
  kt_engine *fresh, *stale;
  cr_assert_eq(kt_engine_open(&fresh, idx), KT_OK, "%s", kt_error_last());
  cr_assert_eq(kt_engine_open(&stale, idx), KT_OK, "%s", kt_error_last());
  fflush(NULL);
  pid_t child = fork();
  cr_assert_geq(child, 0);
  if (child == 0) {
    for (int i = 0; i < 6; i++)
      if (kt_index_build(MINI, idx, NULL, NULL) != KT_OK) _exit(1);
    _exit(0);
  }
  int switches = 0, searches = 0, st = 0;
  while (waitpid(child, &st, WNOHANG) == 0) {
    char *a = search_json(fresh), *b = search_json(stale);
    cr_assert_str_eq(a, answer, "the refreshing reader answered differently");
    cr_assert_str_eq(b, answer, "the stale reader answered differently");
    free(a);
    free(b);
    int changed = 0;
    cr_assert_eq(kt_engine_refresh(fresh, &changed), KT_OK, "refresh: %s", kt_error_last());
    switches += changed;
    searches++;
  }
  cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the rebuilding child failed (%d)", st);
  cr_assert_geq(switches, 1, "the reader never saw a switch (%d searches)", searches);
  /* The stale reader's generation is long pruned; it still answers. */
  char *b = search_json(stale);
  cr_assert_str_eq(b, answer);
  free(b);
  kt_engine_close(fresh);
  kt_engine_close(stale);
}
