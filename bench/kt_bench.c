/*
 * kt_bench.c — in-process benchmark of libkohtaanto (public API only):
 *   kt_bench CATALOG INDEX_DIR QUERIES.tsv [REPEAT]
 * Builds the index (build time), then runs every query with a cold analysis
 * cache (a fresh engine, first sight of every word) and warm (the same
 * engine again), with explanations and snippets as a counsellor gets them,
 * and warm ranking only (KT_SEARCH_NO_EXPLAIN, what the peer engines do),
 * and prints per-query latency p50/p99 (analysis included), throughput and
 * the process's peak resident memory.
 */
#define _GNU_SOURCE
#include <kohtaanto.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmpd(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void report(const char *label, double *t, size_t n) {
  double sum = 0;
  for (size_t i = 0; i < n; i++)
    sum += t[i];
  qsort(t, n, sizeof *t, cmpd);
  printf("%-16s queries %6zu  mean %8.3f ms  p50 %8.3f ms  p99 %8.3f ms  %8.0f q/s\n", label, n,
         sum / (double)n, t[n / 2], t[(size_t)((double)(n - 1) * 0.99)], 1000.0 * (double)n / sum);
}

#if defined(__SANITIZE_ADDRESS__)
/* As in server/serve.c: libxapian's Database::check(), run by every build,
 * trips ASan's new-delete-type-mismatch inside libxapian. */
const char *__asan_default_options(void);
__attribute__((used)) const char *__asan_default_options(void) {
  return "new_delete_type_mismatch=0";
}
#endif

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s CATALOG INDEX_DIR QUERIES.tsv [REPEAT]\n", argv[0]);
    return 2;
  }
  int repeat = argc > 4 ? atoi(argv[4]) : 3;
  kt_build_stats st;
  int rc = kt_index_build(argv[1], argv[2], NULL, &st);
  if (rc) {
    fprintf(stderr, "build: %s\n", kt_error_last());
    return 1;
  }
  printf("index build      services %6zu  terms %8zu  %.2f s\n", st.services, st.terms, st.seconds);

  FILE *f = fopen(argv[3], "r");
  if (!f) {
    perror(argv[3]);
    return 1;
  }
  char **q = NULL;
  size_t nq = 0, cap = 0;
  char *line = NULL;
  ssize_t len;
  while ((len = getline(&line, &cap, f)) > 0) {
    line[strcspn(line, "\r\n")] = '\0';
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    q = realloc(q, (nq + 1) * sizeof *q);
    q[nq++] = strdup(tab + 1);
  }
  free(line);
  fclose(f);
  if (nq == 0) {
    fprintf(stderr, "no queries\n");
    return 1;
  }

  double *cold = malloc(nq * sizeof *cold), *warm = malloc(nq * (size_t)repeat * sizeof *warm);
  kt_engine *e;
  if ((rc = kt_engine_open(&e, argv[2]))) {
    fprintf(stderr, "open: %s\n", kt_error_last());
    return 1;
  }
  double t0 = now_ms();
  for (size_t i = 0; i < nq; i++) {
    kt_results *r;
    double a = now_ms();
    if (kt_search(e, q[i], strlen(q[i]), NULL, &r)) {
      fprintf(stderr, "%s\n", kt_error_last());
      return 1;
    }
    cold[i] = now_ms() - a;
    kt_results_free(r);
  }
  (void)t0;
  for (int k = 0; k < repeat; k++)
    for (size_t i = 0; i < nq; i++) {
      kt_results *r;
      double a = now_ms();
      if (kt_search(e, q[i], strlen(q[i]), NULL, &r)) return 1;
      warm[(size_t)k * nq + i] = now_ms() - a;
      kt_results_free(r);
    }
  /* Ranking only (no explanations or snippets): what the peers do. */
  double *rank = malloc(nq * (size_t)repeat * sizeof *rank);
  kt_search_options ro = KT_SEARCH_OPTIONS_INIT;
  ro.flags = KT_SEARCH_NO_EXPLAIN;
  for (int k = 0; k < repeat; k++)
    for (size_t i = 0; i < nq; i++) {
      kt_results *r;
      double a = now_ms();
      if (kt_search(e, q[i], strlen(q[i]), &ro, &r)) return 1;
      rank[(size_t)k * nq + i] = now_ms() - a;
      kt_results_free(r);
    }
  kt_engine_close(e);
  report("cold cache", cold, nq);
  report("warm cache", warm, nq * (size_t)repeat);
  report("warm ranking", rank, nq * (size_t)repeat);
  free(rank);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("peak memory      %.1f MiB (max RSS, build + search)\n", (double)ru.ru_maxrss / 1024.0);
  for (size_t i = 0; i < nq; i++)
    free(q[i]);
  free(q);
  free(cold);
  free(warm);
  return 0;
}
