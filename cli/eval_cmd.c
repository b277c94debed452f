/*
 * eval_cmd.c — `kohtaanto eval`: ranking quality on a judged query set.
 *
 * Scores Kohtaanto's analysis configurations (as ablations, on one index)
 * and any TREC run files of other systems with the same metrics:
 *   nDCG@k   gain 2^grade - 1, log2(rank + 1) discount, ideal from the qrels
 *   MRR@k    1 / rank of the first result with grade >= 1
 *   R@k      share of the grade >= 1 services found in the top k
 *   S@1      1 if the first result has grade >= 1
 * overall and per query type. Per-query latency of each configuration is
 * measured in-process (analysis included) and printed beside the metrics.
 * With --notin (a trap set: "qid<TAB>service_id" lines naming services that
 * must not be suggested for that note) it also counts trap hits: must-not
 * services in the top TRAP_K, summed over the notes, and the share of notes
 * with at least one (bench/README.md, "Trap set").
 */
#define _GNU_SOURCE
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_QUERIES 10000
#define MAX_SYSTEMS 32
#define MAX_TYPES 16
#define MAX_K 100
#define TRAP_K 5 /* a must-not service counts as a trap hit within this rank */

typedef struct judged {
  char id[128];
  int grade;
} judged;

typedef struct query {
  char qid[64];
  char *text;
  char type[32];
  judged *rel;
  size_t nrel, relcap;
  char (*notin)[128]; /* --notin: services that must not be in the top TRAP_K */
  size_t nnotin, notincap;
  bool train; /* --feedback-split: used as simulated referrals, not scored */
} query;

typedef struct system {
  char name[64];
  unsigned flags;              /* a Kohtaanto configuration ... */
  const kt_cli_config *config; /* ... its parameters (NULL: the defaults or --set) */
  bool feedback;               /* ... ranking with the simulated referrals */
  const char *runfile;         /* ... or a TREC run to score */
  double ext_p50, ext_p99;     /* a run's own latency (--times), or NAN */
  double *ndcg, *mrr, *recall, *s1, *ms;
  double *traps; /* must-not services in the top TRAP_K, per query */
} system_t;

#define CONFIGS kt_cli_configs
#define NCONFIGS kt_cli_nconfigs

static query *find_query(query *qs, size_t n, const char *qid) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(qs[i].qid, qid)) return &qs[i];
  return NULL;
}

static int load_queries(const char *path, query **out, size_t *n) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "kohtaanto eval: cannot open %s\n", path);
    return KT_EXIT_INPUT;
  }
  query *qs = calloc(MAX_QUERIES, sizeof *qs);
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t len;
  *n = 0;
  while ((len = getline(&line, &cap, f)) > 0) {
    lineno++;
    line[strcspn(line, "\r\n")] = '\0';
    if (!*line || *line == '#') continue;
    char *tab = strchr(line, '\t');
    if (!tab || *n == MAX_QUERIES) {
      fprintf(stderr, "kohtaanto eval: %s:%zu: expected qid<TAB>text\n", path, lineno);
      for (size_t i = 0; i < *n; i++)
        free(qs[i].text);
      free(line);
      fclose(f);
      free(qs);
      return KT_EXIT_INPUT;
    }
    *tab = '\0';
    snprintf(qs[*n].qid, sizeof qs[*n].qid, "%s", line);
    qs[*n].text = strdup(tab + 1);
    strcpy(qs[*n].type, "all");
    (*n)++;
  }
  free(line);
  fclose(f);
  *out = qs;
  return 0;
}

static int load_qrels(const char *path, query *qs, size_t n) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "kohtaanto eval: cannot open %s\n", path);
    return KT_EXIT_INPUT;
  }
  char qid[64], zero[16], id[128];
  int grade;
  while (fscanf(f, "%63s %15s %127s %d", qid, zero, id, &grade) == 4) {
    query *q = find_query(qs, n, qid);
    if (!q || grade <= 0) continue;
    if (q->nrel == q->relcap) {
      q->relcap = q->relcap ? q->relcap * 2 : 8;
      q->rel = realloc(q->rel, q->relcap * sizeof *q->rel);
    }
    snprintf(q->rel[q->nrel].id, sizeof q->rel[q->nrel].id, "%s", id);
    q->rel[q->nrel++].grade = grade;
  }
  fclose(f);
  return 0;
}

static int load_types(const char *path, query *qs, size_t n) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "kohtaanto eval: cannot open %s\n", path);
    return KT_EXIT_INPUT;
  }
  char qid[64], type[32];
  while (fscanf(f, "%63s %31s", qid, type) == 2) {
    query *q = find_query(qs, n, qid);
    if (q) snprintf(q->type, sizeof q->type, "%s", type);
  }
  fclose(f);
  return 0;
}

/* --notin FILE: "qid<TAB>service_id" per line ('#' comments and blank lines
 * skipped); a qid not in the query file is an input error, so a trap set
 * cannot silently go unscored. */
static int load_notin(const char *path, query *qs, size_t n, size_t *total) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "kohtaanto eval: cannot open %s\n", path);
    return KT_EXIT_INPUT;
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  int rc = 0;
  *total = 0;
  while (!rc && getline(&line, &cap, f) > 0) {
    lineno++;
    line[strcspn(line, "\r\n")] = '\0';
    if (!*line || *line == '#') continue;
    char *tab = strchr(line, '\t');
    query *q = NULL;
    if (tab) {
      *tab = '\0';
      q = find_query(qs, n, line);
    }
    if (!q || !tab[1] || strlen(tab + 1) >= 128) {
      fprintf(stderr, "kohtaanto eval: %s:%zu: expected qid<TAB>service_id of a query in the set\n",
              path, lineno);
      rc = KT_EXIT_INPUT;
      break;
    }
    bool dup = false;
    for (size_t j = 0; j < q->nnotin && !dup; j++)
      dup = !strcmp(q->notin[j], tab + 1);
    if (dup) continue; /* listed twice: still one must-not service */
    if (q->nnotin == q->notincap) {
      q->notincap = q->notincap ? q->notincap * 2 : 4;
      q->notin = realloc(q->notin, q->notincap * sizeof *q->notin);
    }
    snprintf(q->notin[q->nnotin++], 128, "%s", tab + 1);
    (*total)++;
  }
  free(line);
  fclose(f);
  return rc;
}

/* Trap hits of one ranked list: must-not services of @p q in its top TRAP_K. */
static double trap_hits(const query *q, char ids[][128], size_t nids) {
  size_t hits = 0;
  for (size_t i = 0; i < nids && i < TRAP_K; i++)
    for (size_t j = 0; j < q->nnotin; j++)
      if (!strcmp(ids[i], q->notin[j])) {
        hits++;
        break;
      }
  return (double)hits;
}

static int grade_of(const query *q, const char *id) {
  for (size_t i = 0; i < q->nrel; i++)
    if (!strcmp(q->rel[i].id, id)) return q->rel[i].grade;
  return 0;
}

static int cmp_desc(const void *a, const void *b) { return *(const int *)b - *(const int *)a; }

/* Score one ranked list of ids against the judgments of @p q. */
static void score(const query *q, char ids[][128], size_t nids, size_t k, double *ndcg, double *mrr,
                  double *recall, double *s1) {
  double dcg = 0, idcg = 0;
  size_t found = 0;
  *mrr = 0;
  for (size_t i = 0; i < nids && i < k; i++) {
    int g = grade_of(q, ids[i]);
    if (g > 0) {
      dcg += (pow(2, g) - 1) / log2((double)i + 2);
      found++;
      if (*mrr == 0) *mrr = 1.0 / (double)(i + 1);
    }
  }
  int grades[256];
  size_t ng = q->nrel < 256 ? q->nrel : 256;
  for (size_t i = 0; i < ng; i++)
    grades[i] = q->rel[i].grade;
  qsort(grades, ng, sizeof *grades, cmp_desc);
  for (size_t i = 0; i < ng && i < k; i++)
    idcg += (pow(2, grades[i]) - 1) / log2((double)i + 2);
  *ndcg = idcg > 0 ? dcg / idcg : 0;
  *recall = q->nrel ? (double)found / (double)q->nrel : 0;
  *s1 = nids > 0 && grade_of(q, ids[0]) > 0 ? 1 : 0;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The @p q quantile (0..1, nearest rank) of n latencies. */
static double quantile(const double *v, size_t n, double q) {
  double *t = malloc(n * sizeof *t);
  if (!t) return NAN;
  memcpy(t, v, n * sizeof *t);
  qsort(t, n, sizeof *t, cmp_double);
  double r = t[(size_t)((double)(n - 1) * q + 0.5)];
  free(t);
  return r;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int run_config(kt_engine *e, kt_feedback *fb, system_t *s, query *qs, size_t n, size_t k,
                      FILE *run) {
  kt_engine_set_feedback(e, s->feedback ? fb : NULL);
  /* A configuration's own parameters for its run; the others keep --set's. */
  if (s->config && kt_cli_config_apply(e, s->config)) return kt_cli_fail(s->name, KT_EINVAL);
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = k;
  o.flags = s->flags | KT_SEARCH_NO_EXPLAIN; /* ranking only, as the peers */
  char(*ids)[128] = calloc(k, sizeof *ids);
  for (size_t i = 0; i < n; i++) {
    kt_results *r = NULL;
    double t0 = now_ms();
    int rc = kt_search(e, qs[i].text, strlen(qs[i].text), &o, &r);
    s->ms[i] = now_ms() - t0;
    if (rc) {
      free(ids);
      return kt_cli_fail(qs[i].qid, rc);
    }
    size_t m = kt_results_count(r);
    for (size_t j = 0; j < m; j++) {
      snprintf(ids[j], 128, "%s", kt_results_get(r, j)->id);
      /* --write-runs: a TREC line, the rank as a strictly falling score */
      if (run) fprintf(run, "%s Q0 %s %zu %zu %s\n", qs[i].qid, ids[j], j + 1, m - j, s->name);
    }
    score(&qs[i], ids, m, k, &s->ndcg[i], &s->mrr[i], &s->recall[i], &s->s1[i]);
    s->traps[i] = trap_hits(&qs[i], ids, m);
    kt_results_free(r);
  }
  free(ids);
  kt_engine_set_feedback(e, NULL);
  if (s->config) kt_cli_config_apply(e, NULL);
  return 0;
}

/* --feedback-split: every other judged query becomes simulated referrals
 * (grade 2 -> referred, grade 1 -> useful) in a fresh store; only the other
 * half is scored, with and without the store. */
static int train_feedback(kt_engine *e, const char *dir, query *qs, size_t n, kt_feedback **out,
                          size_t *ntrain) {
  int rc = kt_feedback_open(out, dir, 0);
  if (rc) return kt_cli_fail("feedback store", rc);
  size_t judged = 0;
  *ntrain = 0;
  for (size_t i = 0; i < n && !rc; i++) {
    if (!qs[i].nrel) continue;
    if (judged++ % 2) continue;
    qs[i].train = true;
    (*ntrain)++;
    for (size_t j = 0; j < qs[i].nrel && !rc; j++) {
      int kind = qs[i].rel[j].grade >= 2 ? KT_FEEDBACK_REFERRED : KT_FEEDBACK_USEFUL;
      if (qs[i].rel[j].grade < 1) continue;
      rc = kt_feedback_add(*out, e, qs[i].text, strlen(qs[i].text), qs[i].rel[j].id, kind, 0);
      if (rc == KT_ENOTFOUND) rc = KT_OK; /* judged service not in this index */
    }
  }
  return rc ? kt_cli_fail("simulated referral", rc) : 0;
}

static int run_file(system_t *s, query *qs, size_t n, size_t k) {
  FILE *f = fopen(s->runfile, "r");
  if (!f) {
    fprintf(stderr, "kohtaanto eval: cannot open run %s\n", s->runfile);
    return KT_EXIT_INPUT;
  }
  /* Collect each query's ids in rank order (runs are written in rank order). */
  char(*ids)[MAX_K][128] = calloc(n, sizeof *ids);
  size_t *cnt = calloc(n, sizeof *cnt);
  char qid[64], q0[16], id[128], tag[64];
  int rank;
  double sc;
  while (fscanf(f, "%63s %15s %127s %d %lf %63s", qid, q0, id, &rank, &sc, tag) == 6) {
    for (size_t i = 0; i < n; i++)
      if (!strcmp(qs[i].qid, qid)) {
        if (cnt[i] < MAX_K) snprintf(ids[i][cnt[i]++], 128, "%s", id);
        break;
      }
  }
  fclose(f);
  for (size_t i = 0; i < n; i++) {
    score(&qs[i], ids[i], cnt[i], k, &s->ndcg[i], &s->mrr[i], &s->recall[i], &s->s1[i]);
    s->traps[i] = trap_hits(&qs[i], ids[i], cnt[i]);
    s->ms[i] = NAN;
  }
  free(ids);
  free(cnt);
  return 0;
}

static double mean_of(const double *v, const query *qs, size_t n, const char *type) {
  double sum = 0;
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (!qs[i].nrel || qs[i].train) continue;
    if (type && strcmp(qs[i].type, type)) continue;
    sum += v[i];
    m++;
  }
  return m ? sum / (double)m : 0;
}

/* ---- --tune: coordinate ascent over the ranking table ------------------ */

#define TUNE_FOLDS 5
#define TUNE_STEPS 7
#define TUNE_ROUNDS 2

/* Mean nDCG@k over the judged queries with (i % TUNE_FOLDS != fold) when
 * @p train, (== fold) otherwise; fold -1 means all queries. */
static double tune_score(kt_engine *e, query *qs, size_t n, size_t k, int fold, bool train) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = k;
  o.flags = KT_SEARCH_NO_EXPLAIN;
  char(*ids)[128] = calloc(k, sizeof *ids);
  double sum = 0;
  size_t m = 0;
  for (size_t i = 0; ids && i < n; i++) {
    if (!qs[i].nrel) continue;
    bool in = fold < 0 || ((int)(i % TUNE_FOLDS) == fold) != train;
    if (!in) continue;
    kt_results *r = NULL;
    if (kt_search(e, qs[i].text, strlen(qs[i].text), &o, &r)) continue;
    size_t c = kt_results_count(r);
    for (size_t j = 0; j < c; j++)
      snprintf(ids[j], 128, "%s", kt_results_get(r, j)->id);
    double nd, mrr, rec, s1;
    score(&qs[i], ids, c, k, &nd, &mrr, &rec, &s1);
    sum += nd;
    m++;
    kt_results_free(r);
  }
  free(ids);
  return m ? sum / (double)m : 0;
}

/* Parameters the tuner fits: the query-time rows, not feedback's (eval runs
 * without referrals) nor PRF's (off by default) nor the demotions (set by
 * what they mean; the dev set has too few ineligible cases to fit them). */
static bool tunable(const char *name) {
  return strncmp(name, "feedback_", 9) && strcmp(name, "prf_weight") && strncmp(name, "demote_", 7);
}

static void tune_fit(kt_engine *e, query *qs, size_t n, size_t k, int fold, double *best_out) {
  double best = tune_score(e, qs, n, k, fold, true);
  for (int round = 0; round < TUNE_ROUNDS; round++) {
    for (size_t p = 0;; p++) {
      double def, lo, hi;
      const char *name = kt_ranking_param(p, &def, &lo, &hi);
      if (!name) break;
      if (!tunable(name)) continue;
      double cur = best_out[p], pick = cur;
      for (int st = 0; st < TUNE_STEPS; st++) {
        double v = lo + (hi - lo) * st / (TUNE_STEPS - 1);
        if (v == cur) continue;
        kt_engine_set_param(e, name, v);
        double sc = tune_score(e, qs, n, k, fold, true);
        if (sc > best + 0.0005) {
          best = sc;
          pick = v;
        }
      }
      kt_engine_set_param(e, name, pick);
      best_out[p] = pick;
    }
  }
}

static int tune(kt_engine *e, query *qs, size_t n, size_t k) {
  size_t np = 0;
  while (kt_ranking_param(np, NULL, NULL, NULL))
    np++;
  double *def = calloc(np, sizeof *def), *v = calloc(np, sizeof *v);
  if (!def || !v) {
    free(def);
    free(v);
    return kt_cli_fail("tune", KT_ENOMEM);
  }
  for (size_t p = 0; p < np; p++)
    kt_ranking_param(p, &def[p], NULL, NULL);
  printf("coordinate ascent on nDCG@%zu, %d rounds over %d values per parameter, %d folds\n\n", k,
         TUNE_ROUNDS, TUNE_STEPS, TUNE_FOLDS);
  printf("%-6s %12s %12s %12s\n", "fold", "train tuned", "held default", "held tuned");
  double sum_def = 0, sum_tuned = 0;
  for (int f = 0; f <= TUNE_FOLDS; f++) {
    int fold = f < TUNE_FOLDS ? f : -1;
    for (size_t p = 0; p < np; p++) {
      v[p] = def[p];
      kt_engine_set_param(e, kt_ranking_param(p, NULL, NULL, NULL), def[p]);
    }
    double held_def = fold >= 0 ? tune_score(e, qs, n, k, fold, false) : 0;
    tune_fit(e, qs, n, k, fold, v);
    double train = tune_score(e, qs, n, k, fold, true);
    if (fold >= 0) {
      double held = tune_score(e, qs, n, k, fold, false);
      sum_def += held_def;
      sum_tuned += held;
      printf("%-6d %12.4f %12.4f %12.4f   ", fold, train, held_def, held);
    } else {
      printf("\nmean held-out nDCG@%zu: defaults %.4f, tuned %.4f\n", k, sum_def / TUNE_FOLDS,
             sum_tuned / TUNE_FOLDS);
      printf("%-6s %12.4f   (fit on all queries)\n", "all", train);
    }
    for (size_t p = 0; p < np; p++)
      if (v[p] != def[p]) printf(" %s=%g", kt_ranking_param(p, NULL, NULL, NULL), v[p]);
    printf("\n");
  }
  free(def);
  free(v);
  return 0;
}

/* Trap hits over the notes that have must-not services (and are scored):
 * the sum, and the share of those notes with at least one hit. */
static void traps_of(const system_t *y, const query *qs, size_t n, const char *type, double *sum,
                     double *share, size_t *notes) {
  size_t m = 0, hit = 0;
  *sum = 0;
  for (size_t i = 0; i < n; i++) {
    if (!qs[i].nnotin || qs[i].train) continue;
    if (type && strcmp(qs[i].type, type)) continue;
    *sum += y->traps[i];
    hit += y->traps[i] > 0;
    m++;
  }
  *share = m ? (double)hit / (double)m : 0;
  if (notes) *notes = m;
}

static void usage(FILE *f) {
  fputs("usage: kohtaanto eval --queries Q.tsv --qrels Q.qrels [--types Q.types]\n"
        "                      [--config NAME|all]... [--run NAME=FILE]... [-k 10] [--index DIR]\n"
        "                      [--notin Q.notin] [--write-runs DIR]\n"
        "  --config NAME  a Kohtaanto configuration (ablation); 'all' = every one:\n",
        f);
  for (size_t i = 0; i < NCONFIGS; i++)
    fprintf(f, "                   %-10s %s\n", CONFIGS[i].name, CONFIGS[i].what);
  fputs("  --feedback-split  every other judged query's judgments become simulated referrals\n"
        "                   (grade 2 referred, 1 useful); the rest are scored with and\n"
        "                   without them (+feedback). Off unless asked.\n"
        "  --run NAME=FILE  score a TREC run of another system (qid Q0 id rank score tag)\n"
        "  --times NAME=FILE  that system's latency: a line \"mean_ms p50_ms p99_ms n\"\n"
        "  -k N             cut-off (default 10)\n"
        "  --set NAME=VALUE  a ranking parameter for this run (experimental; repeatable)\n"
        "  --tune           fit the ranking parameters on these queries by coordinate ascent\n"
        "                   with 5-fold cross-validation; prints per-fold held-out nDCG@k\n"
        "                   and the values found. Development data only (dev sets, spent\n"
        "                   held-out sets), never a held-out set not yet scored.\n"
        "  --notin FILE     trap set: \"qid<TAB>service_id\" lines, services that must not be in\n"
        "                   the top 5; reports trap hits (sum over notes) and the share of\n"
        "                   notes with at least one, beside the metrics (lower is better)\n"
        "  --write-runs DIR each Kohtaanto configuration's top k as a TREC run,\n"
        "                   DIR/<configuration>.run (for pooling judgments)\n"
        "Default: --config full. Metrics: nDCG@k (gain 2^grade-1), MRR@k, Recall@k, Success@1;\n"
        "a result is relevant when its grade is >= 1. Latency: per query, in process.\n",
        f);
}

/* The per-system scores and the queries, freed on every way out. */
static void free_eval(system_t *sys, size_t ns, query *qs, size_t n) {
  for (size_t s = 0; s < ns; s++) {
    free(sys[s].ndcg);
    free(sys[s].mrr);
    free(sys[s].recall);
    free(sys[s].s1);
    free(sys[s].ms);
    free(sys[s].traps);
  }
  for (size_t i = 0; qs && i < n; i++) {
    free(qs[i].text);
    free(qs[i].rel);
    free(qs[i].notin);
  }
  free(qs);
}

int kt_cli_eval(int argc, char **argv) {
  const char *index = kt_cli_default_index(), *qpath = NULL, *rpath = NULL, *tpath = NULL;
  const char *npath = NULL, *rundir = NULL;
  size_t k = 10;
  system_t sys[MAX_SYSTEMS];
  size_t ns = 0;
  bool split = false, tuning = false;
  const char *sets[64];
  size_t nsets = 0;
  memset(sys, 0, sizeof sys);
  static const struct option lo[] = {
      {"index", required_argument, 0, 'i'},  {"queries", required_argument, 0, 'q'},
      {"qrels", required_argument, 0, 'r'},  {"types", required_argument, 0, 't'},
      {"config", required_argument, 0, 'c'}, {"run", required_argument, 0, 'R'},
      {"times", required_argument, 0, 'T'},  {"feedback-split", no_argument, 0, 'F'},
      {"set", required_argument, 0, 'S'},    {"tune", no_argument, 0, 'U'},
      {"notin", required_argument, 0, 'N'},  {"write-runs", required_argument, 0, 'W'},
      {"help", no_argument, 0, 'h'},         {0, 0, 0, 0}};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "k:h", lo, NULL)) != -1) {
    switch (c) {
    case 'i': index = optarg; break;
    case 'q': qpath = optarg; break;
    case 'r': rpath = optarg; break;
    case 't': tpath = optarg; break;
    case 'k': k = strtoul(optarg, NULL, 10); break;
    case 'c': {
      bool all = !strcmp(optarg, "all"), any = false;
      for (size_t i = 0; i < NCONFIGS; i++)
        if ((all || !strcmp(optarg, CONFIGS[i].name)) && ns < MAX_SYSTEMS) {
          snprintf(sys[ns].name, sizeof sys[ns].name, "kohtaanto:%s", CONFIGS[i].name);
          sys[ns].config = CONFIGS[i].params ? &CONFIGS[i] : NULL;
          sys[ns++].flags = CONFIGS[i].flags;
          any = true;
        }
      if (!any) {
        fprintf(stderr, "kohtaanto eval: unknown --config '%s'\n", optarg);
        usage(stderr);
        return KT_EXIT_USAGE;
      }
      break;
    }
    case 'R': {
      char *eq = strchr(optarg, '=');
      if (!eq || ns == MAX_SYSTEMS) {
        fprintf(stderr, "kohtaanto eval: --run wants NAME=FILE\n");
        return KT_EXIT_USAGE;
      }
      snprintf(sys[ns].name, sizeof sys[ns].name, "%.*s", (int)(eq - optarg), optarg);
      sys[ns].ext_p50 = sys[ns].ext_p99 = NAN;
      sys[ns++].runfile = eq + 1;
      break;
    }
    case 'T': {
      /* NAME=FILE holding "mean_ms p50_ms p99_ms n" for an earlier --run NAME */
      char *eq = strchr(optarg, '=');
      size_t s = 0;
      while (eq && s < ns && strncmp(sys[s].name, optarg, (size_t)(eq - optarg)))
        s++;
      FILE *tf = eq && s < ns ? fopen(eq + 1, "r") : NULL;
      double mean, p50, p99;
      if (!tf || fscanf(tf, "%lf %lf %lf", &mean, &p50, &p99) != 3) {
        fprintf(stderr, "kohtaanto eval: --times wants NAME=FILE after --run NAME=...\n");
        if (tf) fclose(tf);
        return KT_EXIT_USAGE;
      }
      fclose(tf);
      sys[s].ext_p50 = p50;
      sys[s].ext_p99 = p99;
      break;
    }
    case 'F': split = true; break;
    case 'U': tuning = true; break;
    case 'S': {
      char *eq = strchr(optarg, '=');
      if (!eq || nsets == 64) {
        fprintf(stderr, "kohtaanto eval: --set wants NAME=VALUE\n");
        return KT_EXIT_USAGE;
      }
      sets[nsets++] = optarg;
      break;
    }
    case 'N': npath = optarg; break;
    case 'W': rundir = optarg; break;
    case 'h': usage(stdout); return KT_EXIT_OK;
    default: usage(stderr); return KT_EXIT_USAGE;
    }
  }
  if (!qpath || !rpath || k == 0 || k > MAX_K) {
    usage(stderr);
    return KT_EXIT_USAGE;
  }
  if (ns == 0) {
    snprintf(sys[0].name, sizeof sys[0].name, "kohtaanto:full");
    sys[ns++].flags = 0;
  }
  /* Each Kohtaanto configuration is also run with the learned referrals. */
  for (size_t s = 0, n0 = ns; split && s < n0 && ns < MAX_SYSTEMS; s++) {
    if (sys[s].runfile) continue;
    char base[sizeof sys[s].name];
    memcpy(base, sys[s].name, sizeof base);
    sys[ns] = sys[s];
    snprintf(sys[ns].name, sizeof sys[ns].name, "%.40s+feedback", base);
    sys[ns++].feedback = true;
  }
  query *qs = NULL;
  size_t n = 0;
  int x = load_queries(qpath, &qs, &n);
  if (!x) x = load_qrels(rpath, qs, n);
  if (!x && tpath) x = load_types(tpath, qs, n);
  size_t nnotin = 0;
  if (!x && npath) x = load_notin(npath, qs, n, &nnotin);
  if (x) {
    for (size_t i = 0; qs && i < n; i++) {
      free(qs[i].text);
      free(qs[i].rel);
      free(qs[i].notin);
    }
    free(qs);
    return x;
  }

  kt_engine *e = NULL;
  kt_feedback *fb = NULL;
  char fbdir[] = "/tmp/kt-eval-feedback-XXXXXX";
  size_t ntrain = 0;
  if (split) {
    int rc = kt_engine_open(&e, index);
    if (rc) return kt_cli_fail("open index", rc);
    if (!mkdtemp(fbdir)) return kt_cli_fail("feedback store", KT_EIO);
    x = train_feedback(e, fbdir, qs, n, &fb, &ntrain);
    kt_engine_close(e);
    e = NULL;
  }
  for (size_t s = 0; s < ns && !x; s++) {
    system_t *y = &sys[s];
    y->ndcg = calloc(n, sizeof(double));
    y->mrr = calloc(n, sizeof(double));
    y->recall = calloc(n, sizeof(double));
    y->s1 = calloc(n, sizeof(double));
    y->ms = calloc(n, sizeof(double));
    y->traps = calloc(n, sizeof(double));
    if (y->runfile) {
      x = run_file(y, qs, n, k);
      continue;
    }
    if (!e) {
      int rc = kt_engine_open(&e, index);
      if (rc) {
        x = kt_cli_fail("open index", rc);
        break;
      }
      for (size_t j = 0; j < nsets && !rc; j++) {
        char name[64];
        const char *eq = strchr(sets[j], '=');
        snprintf(name, sizeof name, "%.*s", (int)(eq - sets[j]), sets[j]);
        char *end = NULL;
        double v = strtod(eq + 1, &end);
        rc = end == eq + 1 || *end ? KT_EINVAL : kt_engine_set_param(e, name, v);
        if (rc) {
          fprintf(stderr, "kohtaanto eval: --set %s: %s\n", sets[j],
                  rc == KT_EINVAL && *kt_error_last() ? kt_error_last() : "not a number");
          x = KT_EXIT_USAGE;
        }
      }
      if (x) break;
      /* Warm the analysis cache once, so configurations compare like with like. */
      kt_search_options o = KT_SEARCH_OPTIONS_INIT;
      for (size_t i = 0; i < n; i++) {
        kt_results *r = NULL;
        if (kt_search(e, qs[i].text, strlen(qs[i].text), &o, &r) == KT_OK) kt_results_free(r);
      }
    }
    if (tuning) {
      x = tune(e, qs, n, k);
      break;
    }
    FILE *run = NULL;
    if (rundir) {
      char path[4096];
      snprintf(path, sizeof path, "%s/%s.run", rundir, y->name + strlen("kohtaanto:"));
      if (!(run = fopen(path, "w"))) {
        fprintf(stderr, "kohtaanto eval: cannot write %s\n", path);
        x = KT_EXIT_INPUT;
        break;
      }
    }
    x = run_config(e, fb, y, qs, n, k, run);
    if (run && kt_cli_close_written(run) != 0) {
      fprintf(stderr, "kohtaanto eval: cannot write a run in %s\n", rundir);
      x = KT_EXIT_INPUT;
    }
  }
  if (tuning) {
    kt_engine_close(e);
    free_eval(sys, ns, qs, n);
    return x;
  }
  kt_engine_close(e);
  if (fb) {
    printf("feedback: %zu marks from %zu judged queries used as referrals; the other queries are "
           "scored\n",
           kt_feedback_count(fb), ntrain);
    kt_feedback_close(fb);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", fbdir);
    if (system(cmd) != 0) fprintf(stderr, "kohtaanto eval: could not remove %s\n", fbdir);
  }
  if (x) {
    free_eval(sys, ns, qs, n);
    return x;
  }

  size_t judged = 0;
  for (size_t i = 0; i < n; i++)
    judged += qs[i].nrel > 0 && !qs[i].train;
  size_t trapped = 0; /* notes with must-not services */
  for (size_t i = 0; i < n; i++)
    trapped += qs[i].nnotin > 0 && !qs[i].train;
  printf("queries: %zu (%zu judged)   cut-off k=%zu\n", n, judged, k);
  if (npath)
    printf("trap set: %zu must-not services on %zu notes; traps@%d = must-not services in the top "
           "%d,\n"
           "summed over the notes; trap%% = share of notes with at least one (lower is better)\n",
           nnotin, trapped, TRAP_K, TRAP_K);
  printf("\n%-22s %8s %8s %8s %8s %9s %9s", "system", "nDCG@k", "MRR@k", "R@k", "S@1", "ms p50",
         "ms p99");
  if (npath) printf(" %8s %7s", "traps@5", "trap%");
  printf("\n");
  for (size_t s = 0; s < ns; s++) {
    system_t *y = &sys[s];
    char p50[16] = "-", p99[16] = "-";
    if (!y->runfile) {
      snprintf(p50, sizeof p50, "%.3f", quantile(y->ms, n, 0.5));
      snprintf(p99, sizeof p99, "%.3f", quantile(y->ms, n, 0.99));
    } else if (!isnan(y->ext_p50)) {
      snprintf(p50, sizeof p50, "%.3f", y->ext_p50);
      snprintf(p99, sizeof p99, "%.3f", y->ext_p99);
    }
    printf("%-22s %8.4f %8.4f %8.4f %8.4f %9s %9s", y->name, mean_of(y->ndcg, qs, n, NULL),
           mean_of(y->mrr, qs, n, NULL), mean_of(y->recall, qs, n, NULL),
           mean_of(y->s1, qs, n, NULL), p50, p99);
    if (npath) {
      double sum, share;
      traps_of(y, qs, n, NULL, &sum, &share, NULL);
      printf(" %8.0f %6.1f%%", sum, 100 * share);
    }
    printf("\n");
  }
  /* Per query type. */
  char types[MAX_TYPES][32];
  size_t nt = 0;
  for (size_t i = 0; i < n; i++) {
    size_t t = 0;
    while (t < nt && strcmp(types[t], qs[i].type))
      t++;
    if (t == nt && nt < MAX_TYPES) snprintf(types[nt++], 32, "%s", qs[i].type);
  }
  if (nt > 1) {
    printf("\nnDCG@k / R@k by query type\n%-22s", "system");
    for (size_t t = 0; t < nt; t++) {
      size_t m = 0;
      for (size_t i = 0; i < n; i++)
        m += !strcmp(qs[i].type, types[t]) && qs[i].nrel && !qs[i].train;
      char h[48];
      snprintf(h, sizeof h, "%s(%zu)", types[t], m);
      printf(" %13s", h);
    }
    printf("\n");
    for (size_t s = 0; s < ns; s++) {
      printf("%-22s", sys[s].name);
      for (size_t t = 0; t < nt; t++)
        printf("   %.3f/%.3f", mean_of(sys[s].ndcg, qs, n, types[t]),
               mean_of(sys[s].recall, qs, n, types[t]));
      printf("\n");
    }
    if (npath) {
      printf("\ntrap hits@%d (sum) / notes with a hit, by query type\n%-22s", TRAP_K, "system");
      for (size_t t = 0; t < nt; t++) {
        double sum, share;
        size_t m;
        traps_of(&sys[0], qs, n, types[t], &sum, &share, &m);
        char h[48];
        snprintf(h, sizeof h, "%s(%zu)", types[t], m);
        printf(" %13s", h);
      }
      printf("\n");
      for (size_t s = 0; s < ns; s++) {
        printf("%-22s", sys[s].name);
        for (size_t t = 0; t < nt; t++) {
          double sum, share;
          size_t m;
          traps_of(&sys[s], qs, n, types[t], &sum, &share, &m);
          char c[48];
          snprintf(c, sizeof c, "%.0f/%.0f", sum, share * (double)m);
          printf(" %13s", c);
        }
        printf("\n");
      }
    }
  }
  /* Ratios of each Kohtaanto configuration to the best other system. */
  int best = -1;
  for (size_t s = 0; s < ns; s++)
    if (sys[s].runfile && strncmp(sys[s].name, "kohtaanto", 9) &&
        (best < 0 || mean_of(sys[s].ndcg, qs, n, NULL) > mean_of(sys[best].ndcg, qs, n, NULL)))
      best = (int)s;
  if (best >= 0) {
    double bn = mean_of(sys[best].ndcg, qs, n, NULL), br = mean_of(sys[best].recall, qs, n, NULL);
    printf("\nratios to the best peer (%s): nDCG@k, R@k, and its p50 latency / ours\n",
           sys[best].name);
    for (size_t s = 0; s < ns; s++) {
      if (sys[s].runfile) continue;
      double p50 = quantile(sys[s].ms, n, 0.5);
      printf("%-22s  nDCG x%.2f  R x%.2f", sys[s].name,
             bn > 0 ? mean_of(sys[s].ndcg, qs, n, NULL) / bn : 0,
             br > 0 ? mean_of(sys[s].recall, qs, n, NULL) / br : 0);
      if (!isnan(sys[best].ext_p50) && p50 > 0) printf("  speed x%.1f", sys[best].ext_p50 / p50);
      printf("\n");
    }
  }
  /* Trap hits against the peer with the fewest (the goal: fewer than any peer). */
  int fewest = -1;
  double fsum = 0, fshare = 0;
  for (size_t s = 0; npath && s < ns; s++) {
    double sum, share;
    traps_of(&sys[s], qs, n, NULL, &sum, &share, NULL);
    if (sys[s].runfile && strncmp(sys[s].name, "kohtaanto", 9) && (fewest < 0 || sum < fsum)) {
      fewest = (int)s;
      fsum = sum;
      fshare = share;
    }
  }
  if (fewest >= 0) {
    printf("\ntrap hits@%d against the peer with the fewest (%s: %.0f, %.1f%% of notes); ratio < 1 "
           "is fewer\n",
           TRAP_K, sys[fewest].name, fsum, 100 * fshare);
    for (size_t s = 0; s < ns; s++) {
      if (sys[s].runfile) continue;
      double sum, share;
      traps_of(&sys[s], qs, n, NULL, &sum, &share, NULL);
      printf("%-22s  traps %.0f", sys[s].name, sum);
      if (fsum > 0) printf("  x%.2f", sum / fsum);
      printf("  notes %.1f%%\n", 100 * share);
    }
  }
  free_eval(sys, ns, qs, n);
  return KT_EXIT_OK;
}
