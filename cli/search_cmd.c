/*
 * search_cmd.c — `kohtaanto search`, `show` and `analyze`: the counsellor's
 * view of the engine. One output layer (jansson) serves --json and the
 * readable text; the need text itself is never written anywhere but the
 * engine call.
 */
#define _GNU_SOURCE
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILTER_VALUES 64

typedef struct search_args {
  const char *index, *catalog, *queries, *format;
  size_t limit;
  int json, explain;
  const char *cat[MAX_FILTER_VALUES], *grp[MAX_FILTER_VALUES], *lang[MAX_FILTER_VALUES],
      *mun[MAX_FILTER_VALUES];
  size_t ncat, ngrp, nlang, nmun;
  const char *deliv[MAX_FILTER_VALUES], *ptype[MAX_FILTER_VALUES], *fee[MAX_FILTER_VALUES];
  size_t ndeliv, nptype, nfee;
  const char *finnish_level, *age; /* the client's, or NULL */
  const char *explain_lang;        /* language of the explanations, or NULL */
  int counts;                      /* print the filter counts */
  unsigned flags;
  const char *feedback; /* feedback store folder, or NULL for the default */
  int no_feedback;
} search_args;

/* Finnish field names for the counsellor's view. */
static const char *field_fi(unsigned bit) {
  switch (bit) {
  case KT_FIELD_NAME: return "nimi";
  case KT_FIELD_SUMMARY: return "tiivistelmä";
  case KT_FIELD_DESCRIPTION: return "kuvaus";
  case KT_FIELD_KEYWORDS: return "avainsanat";
  case KT_FIELD_TARGET: return "kohderyhmä";
  case KT_FIELD_CONDITIONS: return "ehdot";
  case KT_FIELD_PROVIDER: return "järjestäjä";
  default: return "?";
  }
}

/* The snippet with its matched words marked: bold on a terminal, else *word*. */
static void print_snippet(const kt_result *x, int tty) {
  const char *on = tty ? "\033[1m" : "*", *off = tty ? "\033[0m" : "*";
  size_t pos = 0, len = strlen(x->snippet);
  printf("    ");
  for (size_t k = 0; k < x->highlight_count; k++) {
    const kt_span *h = &x->highlights[k];
    if (h->start < pos || h->end > len) continue;
    printf("%.*s%s%.*s%s", (int)(h->start - pos), x->snippet + pos, on, (int)(h->end - h->start),
           x->snippet + h->start, off);
    pos = h->end;
  }
  printf("%s\n", x->snippet + pos);
}

static void print_text(const kt_results *r, int explain) {
  size_t n = kt_results_count(r);
  int tty = isatty(STDOUT_FILENO);
  if (kt_results_signal_count(r)) {
    printf("Tilanne:");
    for (size_t i = 0; i < kt_results_signal_count(r); i++)
      printf("%s %s", i ? "," : "", kt_results_signal(r, i)->label);
    printf("\n");
  }
  /* Needs, then what the note names only of the past or of another
   * person: context the counsellor sees was read, not a need. */
  for (int bg = 0; bg < 2; bg++) {
    size_t shown = 0;
    for (size_t i = 0; i < kt_results_need_count(r); i++) {
      const kt_need *nd = kt_results_need(r, i);
      if ((nd->role == KT_ROLE_BACKGROUND) != bg) continue;
      printf("%s %s (\"%s\")", shown++ ? "," : bg ? "Taustaa:" : "Tarpeet:", nd->label, nd->word);
    }
    if (shown) printf("\n");
  }
  if (n == 0) {
    printf("Ei osumia. (No matching services.)\n");
    return;
  }
  int last_need = -2;
  for (size_t i = 0; i < n; i++) {
    const kt_result *x = kt_results_get(r, i);
    if (x->need != last_need && kt_results_need_count(r) && explain) {
      printf("  — %s —\n", x->need >= 0 ? kt_results_need(r, (size_t)x->need)->label : "muut");
      last_need = x->need;
    }
    printf("%2zu. %s  [%s]  %.3f\n", i + 1, x->name, x->id, x->score);
    if (x->match_count) {
      printf("    osui: ");
      for (size_t k = 0; k < x->match_count; k++) {
        const kt_match *m = &x->matches[k];
        printf("%s%s", k ? ", " : "", m->word);
        if (m->concept) printf(" → %s", m->concept);
        if (m->role != KT_ROLE_SITUATION) printf(" [%s]", kt_role_label(m->role));
        if (explain) {
          printf(" (%s; ", m->term);
          int first = 1;
          for (unsigned b = 1; b <= KT_FIELD_PROVIDER; b <<= 1)
            if (m->fields & b) {
              printf("%s%s", first ? "" : ", ", field_fi(b));
              first = 0;
            }
          printf("; %.0f %%)", m->weight * 100);
        }
      }
      printf("\n");
    }
    for (size_t k = 0; k < x->effect_count; k++)
      printf("    %s %s: %s\n", x->effects[k].factor >= 1 ? "+" : "−", x->effects[k].signal,
             x->effects[k].reason);
    if (x->weak) printf("    ! %s\n", x->weak);
    if (x->snippet && explain) print_snippet(x, tty);
  }
}

/* The feedback store the search ranks with, when one exists. */
static kt_feedback *search_fb;

static int open_engine(search_args *a, kt_engine **e) {
  int rc = kt_engine_open(e, a->index);
  if (rc == KT_ENOINDEX) {
    int x = kt_cli_build_default(a->catalog, a->index, 1);
    if (x) return x;
    rc = kt_engine_open(e, a->index);
  }
  if (rc) return kt_cli_fail("open index", rc);
  /* Counsellors' referrals lift services referred for similar needs. */
  struct stat st;
  const char *fbdir = a->feedback ? a->feedback : kt_cli_default_feedback();
  if (!a->no_feedback && stat(fbdir, &st) == 0 && S_ISDIR(st.st_mode)) {
    if ((rc = kt_feedback_open(&search_fb, fbdir, 0))) {
      kt_engine_close(*e);
      *e = NULL;
      return kt_cli_fail("open feedback store", rc);
    }
    kt_engine_set_feedback(*e, search_fb);
  }
  return KT_EXIT_OK;
}

static void close_engine(kt_engine *e) {
  kt_engine_close(e);
  kt_feedback_close(search_fb);
  search_fb = NULL;
}

static void fill_opts(const search_args *a, kt_search_options *o) {
  o->limit = a->limit;
  o->categories = (kt_strlist){a->cat, a->ncat};
  o->target_groups = (kt_strlist){a->grp, a->ngrp};
  o->languages = (kt_strlist){a->lang, a->nlang};
  o->municipalities = (kt_strlist){a->mun, a->nmun};
  o->delivery = (kt_strlist){a->deliv, a->ndeliv};
  o->provider_types = (kt_strlist){a->ptype, a->nptype};
  o->fees = (kt_strlist){a->fee, a->nfee};
  o->finnish_level = a->finnish_level;
  o->age = a->age;
  o->lang = a->explain_lang;
  o->flags = a->flags | (a->counts ? KT_SEARCH_COUNTS : 0);
}

/* The filter counts of a search (--counts), one line per filter. */
static void print_counts(const kt_results *r) {
  char *js = NULL;
  if (kt_results_facets_json(r, &js)) return;
  json_t *doc = json_loads(js, 0, NULL);
  kt_free(js);
  const char *name;
  json_t *vals;
  printf("Rajaukset (osumia):\n");
  json_object_foreach(doc, name, vals) {
    if (!json_array_size(vals)) continue;
    printf("  %s:", name);
    size_t i;
    json_t *v;
    json_array_foreach(vals, i, v)
        printf("%s %s %lld", i ? "," : "", json_string_value(json_object_get(v, "value")),
               (long long)json_integer_value(json_object_get(v, "count")));
    printf("\n");
  }
  json_decref(doc);
}

/* Category, target group and language values must exist in the index, as
 * over HTTP (a typo would silently match nothing); any municipality may be
 * asked for, since national services match them all. */
static int check_filters(kt_engine *e, const search_args *a) {
  static const char *const names[] = {"category", "target_group", "language"}; /* facets */
  static const char *const flags[] = {"category", "group", "lang"};            /* options */
  const char *const *vals[] = {a->cat, a->grp, a->lang};
  const size_t counts[] = {a->ncat, a->ngrp, a->nlang};
  /* Values of the closed vocabularies and scales (--delivery, --provider-type,
   * --fee, --finnish-level, --age) are the engine's to check: with those
   * filters alone, it refuses only what it does not know. */
  if (a->ndeliv || a->nptype || a->nfee || a->finnish_level || a->age) {
    kt_search_options o = KT_SEARCH_OPTIONS_INIT;
    o.delivery = (kt_strlist){a->deliv, a->ndeliv};
    o.provider_types = (kt_strlist){a->ptype, a->nptype};
    o.fees = (kt_strlist){a->fee, a->nfee};
    o.finnish_level = a->finnish_level;
    o.age = a->age;
    kt_results *r = NULL;
    int rc = kt_search(e, "", 0, &o, &r);
    kt_results_free(r);
    if (rc == KT_EINVAL) {
      fprintf(stderr, "kohtaanto search: %s\n", kt_error_last());
      return KT_EXIT_USAGE;
    }
    if (rc) return kt_cli_fail("search", rc);
  }
  if (!a->ncat && !a->ngrp && !a->nlang) return KT_EXIT_OK;
  /* The engine's own checks first (invalid UTF-8 is bad input, exit 3). */
  kt_browse_filter o = KT_BROWSE_FILTER_INIT;
  o.categories = (kt_strlist){a->cat, a->ncat};
  o.target_groups = (kt_strlist){a->grp, a->ngrp};
  o.languages = (kt_strlist){a->lang, a->nlang};
  o.municipalities = (kt_strlist){a->mun, a->nmun};
  o.delivery = (kt_strlist){a->deliv, a->ndeliv};
  o.provider_types = (kt_strlist){a->ptype, a->nptype};
  o.fees = (kt_strlist){a->fee, a->nfee};
  o.finnish_level = a->finnish_level;
  o.age = a->age;
  char *js = NULL;
  int rc = kt_services_json(e, &o, &js);
  kt_free(js);
  if (rc) return kt_cli_fail("search", rc);
  js = NULL;
  rc = kt_services_json(e, NULL, &js);
  if (rc) return kt_cli_fail("list the index's filter values", rc);
  json_t *doc = json_loads(js, 0, NULL);
  kt_free(js);
  int x = KT_EXIT_OK;
  for (size_t f = 0; f < 3 && !x; f++) {
    json_t *known = json_object_get(json_object_get(doc, "facets"), names[f]);
    for (size_t i = 0; i < counts[f] && !x && known; i++) {
      bool found = false;
      size_t k;
      json_t *v;
      json_array_foreach(known, k, v) {
        const char *s = json_string_value(json_object_get(v, "value"));
        if (s && !strcasecmp(s, vals[f][i])) found = true;
      }
      if (!found) {
        fprintf(stderr,
                "kohtaanto search: unknown --%s '%s' (`kohtaanto serve` lists the values "
                "at /api/services)\n",
                flags[f], kt_cli_shown(vals[f][i]));
        x = KT_EXIT_USAGE;
      }
    }
  }
  json_decref(doc);
  return x;
}

/* A TREC query id: non-empty, no spaces or control characters (they would
 * shift the run's columns), at most 100 bytes. */
static bool valid_qid(const char *q) {
  size_t n = strlen(q);
  if (!n || n > 100) return false;
  for (const unsigned char *p = (const unsigned char *)q; *p; p++)
    if (*p <= ' ' || *p == 0x7F) return false;
  return true;
}

/* Batch mode: each line "qid<TAB>text"; TREC run to stdout. */
static int run_batch(kt_engine *e, const search_args *a) {
  FILE *f = strcmp(a->queries, "-") ? fopen(a->queries, "r") : stdin;
  if (!f) {
    fprintf(stderr, "kohtaanto: cannot open queries file %s\n", kt_cli_shown(a->queries));
    return KT_EXIT_INPUT;
  }
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  fill_opts(a, &o);
  o.flags |= KT_SEARCH_NO_EXPLAIN; /* a TREC run has no use for explanations */
  char *line = NULL, **qids = NULL;
  size_t cap = 0, lineno = 0, nqids = 0, qcap = 0;
  ssize_t n;
  int rc = KT_EXIT_OK;
  errno = 0;
  while ((n = getline(&line, &cap, f)) > 0) {
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (n == 0 || line[0] == '#') continue;
    char *tab = strchr(line, '\t');
    if (!tab) {
      fprintf(stderr, "kohtaanto: %s:%zu: expected qid<TAB>text\n", kt_cli_shown(a->queries),
              lineno);
      rc = KT_EXIT_INPUT;
      break;
    }
    *tab = '\0';
    if (!valid_qid(line)) {
      fprintf(stderr,
              "kohtaanto: %s:%zu: the query id must be 1-100 bytes without spaces or "
              "control characters\n",
              kt_cli_shown(a->queries), lineno);
      rc = KT_EXIT_INPUT;
      break;
    }
    bool dup = false;
    for (size_t i = 0; i < nqids && !dup; i++)
      dup = !strcmp(qids[i], line);
    if (dup) {
      fprintf(stderr, "kohtaanto: %s:%zu: query id '%s' is given twice\n", kt_cli_shown(a->queries),
              lineno, line);
      rc = KT_EXIT_INPUT;
      break;
    }
    if (nqids == qcap) {
      char **nq = realloc(qids, (qcap = qcap ? qcap * 2 : 64) * sizeof *nq);
      if (!nq) {
        rc = kt_cli_fail("read queries", KT_ENOMEM);
        break;
      }
      qids = nq;
    }
    if (!(qids[nqids] = strdup(line))) {
      rc = kt_cli_fail("read queries", KT_ENOMEM);
      break;
    }
    nqids++;
    kt_results *r = NULL;
    int s = kt_search(e, tab + 1, strlen(tab + 1), &o, &r);
    if (s) {
      fprintf(stderr, "kohtaanto: %s:%zu: %s: %s\n", kt_cli_shown(a->queries), lineno,
              kt_strerror(s), kt_error_last());
      rc = kt_cli_exit_code(s);
      break;
    }
    for (size_t i = 0; i < kt_results_count(r); i++) {
      const kt_result *x = kt_results_get(r, i);
      printf("%s Q0 %s %zu %.6f kohtaanto\n", line, x->id, i + 1, x->score);
    }
    kt_results_free(r);
  }
  /* A folder, or a read error, is not an empty query file. */
  if (rc == KT_EXIT_OK && ferror(f)) {
    fprintf(stderr, "kohtaanto: cannot read queries file %s: %s\n", kt_cli_shown(a->queries),
            strerror(errno));
    rc = KT_EXIT_INPUT;
  }
  free(line);
  for (size_t i = 0; i < nqids; i++)
    free(qids[i]);
  free(qids);
  if (f != stdin) fclose(f);
  return rc;
}

static void search_usage(FILE *f) {
  fputs("usage: kohtaanto search [options] [TEXT...]\n"
        "       kohtaanto search --queries FILE --format trec [-n N]\n"
        "  TEXT               the client's need; read from stdin when absent\n"
        "  -n, --limit N      number of results (default 10)\n"
        "  --json             JSON output for programs\n"
        "  --explain          show the matched base forms, fields and weights\n"
        "  --category C       only services of category C (repeatable)\n"
        "  --group G          only services for target group G (repeatable)\n"
        "  --lang L           only services given in language L (repeatable)\n"
        "  --municipality M   only services available in M (repeatable)\n"
        "  --delivery D       only services delivered so: kasvokkain, etä, verkko, puhelin\n"
        "                     (repeatable)\n"
        "  --provider-type T  only services of provider type T, e.g. kaupunki, jarjesto\n"
        "                     (repeatable)\n"
        "  --fee F            only services whose fee is F: maksuton, osittain, maksullinen\n"
        "                     (repeatable)\n"
        "  --finnish-level L  the client's Finnish (A1-C2): leave out services that need more\n"
        "  --age N            the client's age: leave out services whose age limits exclude it\n"
        "  --counts           also count the matched services per filter value\n"
        "  --explain-lang L   explanations in fi, sv or en (default fi)\n"
        "  --index DIR        index root (default: $KOHTAANTO_INDEX or "
        "~/.local/share/kohtaanto/index)\n"
        "  --catalog DIR      catalogue to build from when no index exists\n"
        "  --queries FILE     batch mode: lines qid<TAB>text, TREC run on stdout\n"
        "  --by-need          group the results under the needs found in the text\n"
        "  --diverse          spread the top results over the needs found in the text\n"
        "  --feedback DIR     rank with this feedback store (default: $KOHTAANTO_FEEDBACK or\n"
        "                     ~/.local/share/kohtaanto/feedback, when it exists)\n"
        "  --no-feedback      ignore counsellors' feedback\n"
        "  --config NAME      an ablation configuration of `kohtaanto eval` (see its --help)\n"
        "Filter values of the bundled catalogue are listed in `man kohtaanto`; an unknown\n"
        "value is refused. Rankings use the feedback store when it exists.\n",
        f);
}

static int add_val(const char **arr, size_t *n, const char *v, const char *what) {
  if (*n == MAX_FILTER_VALUES) {
    fprintf(stderr, "kohtaanto search: at most %d %s values\n", MAX_FILTER_VALUES, what);
    return -1;
  }
  arr[(*n)++] = v;
  return 0;
}

int kt_cli_search(int argc, char **argv) {
  search_args a;
  memset(&a, 0, sizeof a);
  a.index = kt_cli_default_index();
  a.catalog = kt_cli_default_catalog();
  a.limit = 10;
  enum {
    O_JSON = 256,
    O_EXPLAIN,
    O_CAT,
    O_GRP,
    O_LANG,
    O_MUN,
    O_INDEX,
    O_CATALOG,
    O_QUERIES,
    O_FORMAT,
    O_NOCOMP,
    O_NOUML,
    O_BYNEED,
    O_CONFIG,
    O_DIVERSE,
    O_FEEDBACK,
    O_NOFEEDBACK,
    O_DELIV,
    O_PTYPE,
    O_FEE,
    O_LEVEL,
    O_AGE,
    O_COUNTS,
    O_ELANG
  };
  static const struct option lo[] = {{"limit", required_argument, 0, 'n'},
                                     {"json", no_argument, 0, O_JSON},
                                     {"explain", no_argument, 0, O_EXPLAIN},
                                     {"category", required_argument, 0, O_CAT},
                                     {"group", required_argument, 0, O_GRP},
                                     {"lang", required_argument, 0, O_LANG},
                                     {"municipality", required_argument, 0, O_MUN},
                                     {"index", required_argument, 0, O_INDEX},
                                     {"catalog", required_argument, 0, O_CATALOG},
                                     {"queries", required_argument, 0, O_QUERIES},
                                     {"format", required_argument, 0, O_FORMAT},
                                     {"no-compounds", no_argument, 0, O_NOCOMP},
                                     {"no-umlaut-fix", no_argument, 0, O_NOUML},
                                     {"by-need", no_argument, 0, O_BYNEED},
                                     {"diverse", no_argument, 0, O_DIVERSE},
                                     {"feedback", required_argument, 0, O_FEEDBACK},
                                     {"no-feedback", no_argument, 0, O_NOFEEDBACK},
                                     {"delivery", required_argument, 0, O_DELIV},
                                     {"provider-type", required_argument, 0, O_PTYPE},
                                     {"fee", required_argument, 0, O_FEE},
                                     {"finnish-level", required_argument, 0, O_LEVEL},
                                     {"age", required_argument, 0, O_AGE},
                                     {"counts", no_argument, 0, O_COUNTS},
                                     {"explain-lang", required_argument, 0, O_ELANG},
                                     {"config", required_argument, 0, O_CONFIG},
                                     {"help", no_argument, 0, 'h'},
                                     {0, 0, 0, 0}};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "+n:h", lo, NULL)) != -1) {
    char *end;
    switch (c) {
    case 'n':
      a.limit = strtoul(optarg, &end, 10);
      if (*end || a.limit == 0 || a.limit > 1000) {
        fprintf(stderr, "kohtaanto search: -n wants a number 1-1000, not '%s'\n", optarg);
        return KT_EXIT_USAGE;
      }
      break;
    case O_JSON: a.json = 1; break;
    case O_EXPLAIN: a.explain = 1; break;
    case O_CAT:
      if (add_val(a.cat, &a.ncat, optarg, "--category")) return KT_EXIT_USAGE;
      break;
    case O_GRP:
      if (add_val(a.grp, &a.ngrp, optarg, "--group")) return KT_EXIT_USAGE;
      break;
    case O_LANG:
      if (add_val(a.lang, &a.nlang, optarg, "--lang")) return KT_EXIT_USAGE;
      break;
    case O_MUN:
      if (add_val(a.mun, &a.nmun, optarg, "--municipality")) return KT_EXIT_USAGE;
      break;
    case O_DELIV:
      if (add_val(a.deliv, &a.ndeliv, optarg, "--delivery")) return KT_EXIT_USAGE;
      break;
    case O_PTYPE:
      if (add_val(a.ptype, &a.nptype, optarg, "--provider-type")) return KT_EXIT_USAGE;
      break;
    case O_FEE:
      if (add_val(a.fee, &a.nfee, optarg, "--fee")) return KT_EXIT_USAGE;
      break;
    case O_LEVEL: a.finnish_level = optarg; break;
    case O_AGE: a.age = optarg; break;
    case O_COUNTS: a.counts = 1; break;
    case O_ELANG:
      if (strcmp(optarg, "fi") && strcmp(optarg, "sv") && strcmp(optarg, "en")) {
        fprintf(stderr, "kohtaanto search: --explain-lang wants fi, sv or en, not '%s'\n",
                kt_cli_shown(optarg));
        return KT_EXIT_USAGE;
      }
      a.explain_lang = optarg;
      break;
    case O_INDEX: a.index = optarg; break;
    case O_CATALOG: a.catalog = optarg; break;
    case O_QUERIES: a.queries = optarg; break;
    case O_FORMAT: a.format = optarg; break;
    case O_NOCOMP: a.flags |= KT_SEARCH_NO_COMPOUNDS; break;
    case O_NOUML: a.flags |= KT_SEARCH_NO_UMLAUT_FIX; break;
    case O_BYNEED: a.flags |= KT_SEARCH_GROUP_BY_NEED; break;
    case O_DIVERSE: a.flags |= KT_SEARCH_DIVERSIFY; break;
    case O_FEEDBACK: a.feedback = optarg; break;
    case O_NOFEEDBACK: a.no_feedback = 1; break;
    case O_CONFIG: {
      const kt_cli_config *cf = kt_cli_config_find(optarg);
      if (!cf) {
        fprintf(stderr, "kohtaanto search: unknown --config '%s' (see kohtaanto eval --help)\n",
                optarg);
        return KT_EXIT_USAGE;
      }
      a.flags |= cf->flags;
      break;
    }
    case 'h': search_usage(stdout); return KT_EXIT_OK;
    default: search_usage(stderr); return KT_EXIT_USAGE;
    }
  }
  if (a.format && strcmp(a.format, "trec")) {
    fprintf(stderr, "kohtaanto search: unknown --format '%s' (only trec)\n", a.format);
    return KT_EXIT_USAGE;
  }
  if (a.queries && optind < argc) {
    fprintf(stderr, "kohtaanto search: give either --queries or TEXT, not both\n");
    return KT_EXIT_USAGE;
  }
  /* Options end at the text: an option written after it ("kohtaanto search
   * 'teksti' --explain") would be searched as words of the need. Refused,
   * unless "--" said that what follows is text. */
  bool text_marked = optind > 1 && !strcmp(argv[optind - 1], "--");
  for (int i = optind; i < argc && !text_marked; i++) {
    const char *w = argv[i];
    bool opt = !strcmp(w, "-n") || !strcmp(w, "-h");
    for (size_t k = 0; lo[k].name && !opt && w[0] == '-' && w[1] == '-'; k++) {
      size_t l = strlen(lo[k].name);
      opt = !strncmp(w + 2, lo[k].name, l) && (w[2 + l] == '\0' || w[2 + l] == '=');
    }
    if (opt) {
      fprintf(stderr,
              "kohtaanto search: option '%s' comes after the need text; put options before the "
              "text (or -- before a text that starts with '-')\n",
              w);
      return KT_EXIT_USAGE;
    }
  }

  kt_engine *e = NULL;
  int x = open_engine(&a, &e);
  if (x) return x;
  if ((x = check_filters(e, &a))) {
    close_engine(e);
    return x;
  }
  if (a.queries) {
    x = run_batch(e, &a);
    close_engine(e);
    return x;
  }

  char *text = NULL;
  size_t len = 0;
  if (optind < argc) {
    text = kt_cli_join_args(argc, argv, optind);
    if (!text) {
      close_engine(e);
      return KT_EXIT_FAILURE;
    }
    len = strlen(text);
  } else {
    int too_big = 0;
    text = kt_cli_read_stdin(KT_MAX_QUERY_BYTES, &len, &too_big);
    if (!text) {
      close_engine(e);
      return KT_EXIT_FAILURE;
    }
    if (too_big) {
      fprintf(stderr, "kohtaanto: search: need text on stdin is over the limit of %d bytes\n",
              KT_MAX_QUERY_BYTES);
      free(text);
      close_engine(e);
      return KT_EXIT_INPUT;
    }
  }
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  fill_opts(&a, &o);
  kt_results *r = NULL;
  int rc = kt_search(e, text, len, &o, &r);
  free(text);
  if (rc) {
    close_engine(e);
    return kt_cli_fail("search", rc);
  }
  if (a.json) {
    kt_index_info info;
    kt_engine_info(e, &info);
    char *js = NULL;
    rc = kt_results_json(r, &js);
    json_t *doc = rc ? NULL : json_loads(js, 0, NULL);
    kt_free(js);
    if (!doc) {
      kt_results_free(r);
      close_engine(e);
      return kt_cli_fail("search", rc ? rc : KT_ENOMEM);
    }
    json_object_set_new(
        doc, "index",
        json_pack("{s:s, s:s}", "generation", info.generation, "built_at", info.built_at));
    char *s = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (s) puts(s);
    free(s);
    json_decref(doc);
  } else {
    print_text(r, a.explain);
    if (a.counts) print_counts(r);
  }
  kt_results_free(r);
  close_engine(e);
  return KT_EXIT_OK;
}

int kt_cli_show(int argc, char **argv) {
  const char *index = kt_cli_default_index();
  int c;
  static const struct option lo[] = {
      {"index", required_argument, 0, 'i'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
    if (c == 'i')
      index = optarg;
    else {
      fputs("usage: kohtaanto show [--index DIR] ID\n", c == 'h' ? stdout : stderr);
      return c == 'h' ? KT_EXIT_OK : KT_EXIT_USAGE;
    }
  }
  if (optind != argc - 1) {
    fputs("usage: kohtaanto show [--index DIR] ID\n", stderr);
    return KT_EXIT_USAGE;
  }
  kt_engine *e = NULL;
  int rc = kt_engine_open(&e, index);
  if (rc) return kt_cli_fail("open index", rc);
  char *json = NULL;
  rc = kt_service_get(e, argv[optind], &json, NULL);
  if (!rc) puts(json);
  kt_free(json);
  kt_engine_close(e);
  return rc ? kt_cli_fail("show", rc) : KT_EXIT_OK;
}

static const char *kind_name(int k) {
  switch (k) {
  case KT_TERM_LEMMA: return "lemma";
  case KT_TERM_PART: return "part";
  case KT_TERM_STEM: return "stem";
  case KT_TERM_FIXED: return "restored"; /* umlauts or a spoken form */
  case KT_TERM_TYPO: return "typo-fixed";
  default: return "?";
  }
}

int kt_cli_analyze(int argc, char **argv) {
  if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    puts("usage: kohtaanto analyze [TEXT...]   (TEXT on stdin when absent)");
    return KT_EXIT_OK;
  }
  /* No options: a word starting with '-' is a mistaken option (--index X
   * was analysed as text); `--` lets a text start with '-'. */
  int first = 1;
  if (argc > 1 && !strcmp(argv[1], "--")) {
    first = 2;
  } else if (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
    fprintf(stderr,
            "kohtaanto analyze: unknown option '%s' (analyze takes none; put -- before a "
            "text that starts with '-')\n",
            argv[1]);
    return KT_EXIT_USAGE;
  }
  char *text;
  size_t len = 0;
  if (argc > first) {
    text = kt_cli_join_args(argc, argv, first);
    len = text ? strlen(text) : 0;
  } else {
    int too_big = 0;
    text = kt_cli_read_stdin(KT_MAX_QUERY_BYTES, &len, &too_big);
    if (too_big) {
      free(text);
      fprintf(stderr,
              "kohtaanto analyze: the text on stdin is over %d bytes; the limit is %d bytes\n",
              KT_MAX_QUERY_BYTES, KT_MAX_QUERY_BYTES);
      return KT_EXIT_INPUT;
    }
  }
  if (!text) return KT_EXIT_FAILURE;
  kt_analyzer *an = NULL;
  kt_analysis *a = NULL;
  int rc = kt_analyzer_open(&an);
  if (!rc) rc = kt_analyze(an, text, len, &a);
  free(text);
  if (rc) {
    kt_analyzer_close(an);
    return kt_cli_fail("analyze", rc);
  }
  for (size_t i = 0; i < kt_analysis_count(a); i++) {
    const kt_token *t = kt_analysis_get(a, i);
    printf("%s%s", t->surface, t->stopword ? " (stop)" : "");
    for (size_t k = 0; k < t->term_count; k++)
      printf("%s%s:%s", k ? " " : "\t", kind_name(t->terms[k].kind), t->terms[k].text);
    printf("\n");
  }
  kt_analysis_free(a);
  kt_analyzer_close(an);
  return KT_EXIT_OK;
}
