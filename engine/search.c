/*
 * search.c — ranks services against a need text and explains each result.
 *
 * The need text is analysed exactly as the catalogue was (analyze.c). Each
 * meaningful word contributes its terms to one weighted OR query: base forms
 * at full weight, umlaut-restored forms and Snowball stems slightly less, and
 * compound parts well below, so a whole-word match outranks a part match.
 * Xapian ranks with BM25 over the field-weighted terms; the explanation then
 * looks up, for each top result, which need words matched in which fields.
 */
#define _GNU_SOURCE
#include "engine.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIMIT 1000
#define MAX_QUERY_TERMS 2048

/* Query-time weight of each term kind. */
static double kind_weight(int kind) {
  switch (kind) {
  case KT_TERM_LEMMA: return 1.0;
  case KT_TERM_FIXED: return 0.9;
  case KT_TERM_STEM: return 0.8;
  case KT_TERM_PART: return 0.35;
  default: return 0.0;
  }
}

typedef struct qterm {
  char *term;
  double weight;
  size_t word; /* first need word (token index) that produced it */
} qterm;

struct kt_results {
  kt_result *items;
  size_t count, matches;
  kt_match *matches_mem;
  char **strings;
  size_t nstrings;
};

static const char *keep(kt_results *r, const char *s, size_t n) {
  char *c = kt__strndup(s, n);
  if (!c) return NULL;
  r->strings[r->nstrings++] = c;
  return c;
}

void kt_results_free(kt_results *r) {
  if (!r) return;
  for (size_t i = 0; i < r->nstrings; i++) free(r->strings[i]);
  free(r->strings);
  free(r->matches_mem);
  free(r->items);
  free(r);
}

size_t kt_results_count(const kt_results *r) { return r ? r->count : 0; }
size_t kt_results_matches(const kt_results *r) { return r ? r->matches : 0; }
const kt_result *kt_results_get(const kt_results *r, size_t i) {
  return r && i < r->count ? &r->items[i] : NULL;
}

static int add_qterm(qterm *qs, size_t *n, const char *term, double w, size_t word) {
  for (size_t i = 0; i < *n; i++)
    if (!strcmp(qs[i].term, term)) {
      if (w > qs[i].weight) qs[i].weight = w;
      return KT_OK;
    }
  if (*n == MAX_QUERY_TERMS) return KT_OK; /* enough: the rest add nothing new */
  if (!(qs[*n].term = kt__strdup(term))) return KT_ENOMEM;
  qs[*n].weight = w;
  qs[*n].word = word;
  (*n)++;
  return KT_OK;
}

/* Build the filter list; values are case-folded like the indexed terms. */
typedef struct filters {
  ktx_filter f[4];
  size_t n;
  char *owned[512];
  const char *vals[4][130];
  size_t nowned;
} filters;

static int add_filter(filters *fs, const char *prefix, const kt_strlist *l,
                      const char *always, const char *what) {
  if (!l->count) return KT_OK;
  if (!l->items) return kt__err(KT_EINVAL, "filter %s: items is NULL", what);
  if (l->count > 128) return kt__err(KT_ETOOBIG, "filter %s has %zu values; the limit is 128", what, l->count);
  size_t k = fs->n, m = 0;
  for (size_t i = 0; i < l->count; i++) {
    const char *v = l->items[i];
    if (!v || !kt__utf8_valid(v, strlen(v), NULL) || strlen(v) > 200)
      return kt__err(KT_EINVAL, "filter %s: value %zu is not valid UTF-8 text of at most 200 bytes", what, i);
    char *f = kt__casefold(v);
    if (!f) return KT_ENOMEM;
    fs->owned[fs->nowned++] = f;
    fs->vals[k][m++] = f;
  }
  if (always) fs->vals[k][m++] = always;
  fs->f[k].prefix = prefix;
  fs->f[k].values = fs->vals[k];
  fs->f[k].count = m;
  fs->n++;
  return KT_OK;
}

static void filters_free(filters *fs) {
  for (size_t i = 0; i < fs->nowned; i++) free(fs->owned[i]);
}

typedef struct wordmatch {
  size_t word;
  const char *term;
  unsigned fields;
  double share, best;
} wordmatch;

static int cmp_share(const void *a, const void *b) {
  double x = ((const wordmatch *)a)->share, y = ((const wordmatch *)b)->share;
  return x < y ? 1 : x > y ? -1 : 0;
}

int kt_search(kt_engine *e, const char *text, size_t len,
              const kt_search_options *opts, kt_results **out) {
  kt__err_clear();
  if (!e || !out || (!text && len)) return kt__err(KT_EINVAL, "kt_search: NULL argument");
  *out = NULL;
  kt_search_options defaults = KT_SEARCH_OPTIONS_INIT;
  if (!opts) opts = &defaults;
  if (opts->version != KT_SEARCH_OPTIONS_VERSION)
    return kt__err(KT_EINVAL, "kt_search_options.version is %u; expected %d", opts->version,
                   KT_SEARCH_OPTIONS_VERSION);
  size_t limit = opts->limit ? opts->limit : 10;
  if (limit > MAX_LIMIT) limit = MAX_LIMIT;
  if (len > KT_MAX_QUERY_BYTES)
    return kt__err(KT_ETOOBIG, "need text is %zu bytes; the limit is %d bytes", len,
                   KT_MAX_QUERY_BYTES);

  kt_analysis *an = NULL;
  int rc = kt_analyze(e->an, text ? text : "", len, &an);
  if (rc) return rc;

  qterm *qs = calloc(MAX_QUERY_TERMS, sizeof *qs);
  kt_results *res = calloc(1, sizeof *res);
  filters fs;
  memset(&fs, 0, sizeof fs);
  ktx_hit *hits = NULL;
  size_t nq = 0, nhits = 0;
  if (!qs || !res) { rc = KT_ENOMEM; goto out; }

  for (size_t i = 0; i < kt_analysis_count(an) && !rc; i++) {
    const kt_token *t = kt_analysis_get(an, i);
    if (t->stopword) continue;
    if (opts->flags & (KT_SEARCH_MODE_SURFACE | KT_SEARCH_MODE_SNOWBALL)) {
      char term[256], stem[240];
      if (opts->flags & KT_SEARCH_MODE_SURFACE) {
        snprintf(term, sizeof term, KT__PREFIX_SURFACE "%s", t->surface);
      } else {
        if ((rc = kt__analyzer_stem(e->an, t->surface, stem, sizeof stem))) break;
        snprintf(term, sizeof term, KT__PREFIX_SNOWBALL "%s", stem);
      }
      rc = add_qterm(qs, &nq, term, 1.0, i);
      continue;
    }
    for (size_t k = 0; k < t->term_count && !rc; k++) {
      int kind = t->terms[k].kind;
      if (kind == KT_TERM_PART && (opts->flags & KT_SEARCH_NO_COMPOUNDS)) continue;
      if (kind == KT_TERM_FIXED && (opts->flags & KT_SEARCH_NO_UMLAUT_FIX)) continue;
      rc = add_qterm(qs, &nq, t->terms[k].text, kind_weight(kind), i);
    }
  }
  if (rc) goto out;

  if ((rc = add_filter(&fs, "XC", &opts->categories, NULL, "categories")) ||
      (rc = add_filter(&fs, "XG", &opts->target_groups, NULL, "target_groups")) ||
      (rc = add_filter(&fs, "XL", &opts->languages, NULL, "languages")) ||
      (rc = add_filter(&fs, "XM", &opts->municipalities, "koko suomi", "municipalities")))
    goto out;

  if (nq == 0) goto done; /* nothing meaningful to search with: no results */

  ktx_qterm *xq = calloc(nq, sizeof *xq);
  if (!xq) { rc = KT_ENOMEM; goto out; }
  for (size_t i = 0; i < nq; i++) xq[i] = (ktx_qterm){qs[i].term, qs[i].weight};
  ktx_params params = {1.2, 0.75, 0.5};
  rc = ktx_db_search(e->gen.db, xq, nq, fs.f, fs.n, &params, limit, &hits, &nhits,
                     &res->matches);
  free(xq);
  if (rc) goto out;

  /* Per-term idf, for each matched word's share of the score. */
  double ndocs = (double)ktx_db_doccount(e->gen.db);
  double *idf = calloc(nq, sizeof *idf);
  const char **terms = calloc(nq, sizeof *terms);
  unsigned *masks = calloc(nq, sizeof *masks);
  wordmatch *wm = calloc(nq, sizeof *wm);
  res->items = calloc(nhits ? nhits : 1, sizeof *res->items);
  res->strings = calloc(nhits * 3 + nq * nhits * 2 + 1, sizeof *res->strings);
  res->matches_mem = calloc(nq * nhits + 1, sizeof *res->matches_mem);
  if (!idf || !terms || !masks || !wm || !res->items || !res->strings || !res->matches_mem) {
    rc = KT_ENOMEM;
    goto expl_out;
  }
  for (size_t i = 0; i < nq; i++) {
    double df = (double)ktx_db_termfreq(e->gen.db, qs[i].term);
    idf[i] = df > 0 ? log((ndocs - df + 0.5) / (df + 0.5) + 1.0) : 0.0;
    terms[i] = qs[i].term;
  }
  size_t used = 0;
  for (size_t h = 0; h < nhits && !rc; h++) {
    kt_result *r = &res->items[h];
    const char *d = hits[h].data, *t1 = strchr(d, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    if (!t1 || !t2) { rc = kt__err(KT_ECORRUPT, "index document %u has malformed data", hits[h].docid); break; }
    r->id = keep(res, d, (size_t)(t1 - d));
    r->name = keep(res, t1 + 1, (size_t)(t2 - t1 - 1));
    r->category = keep(res, t2 + 1, strlen(t2 + 1));
    /* Scores are distinct per rank (TREC tools and users rely on it). */
    r->score = hits[h].score;
    if (h > 0 && r->score >= res->items[h - 1].score) r->score = res->items[h - 1].score - 1e-6;
    if (!r->id || !r->name || !r->category) { rc = KT_ENOMEM; break; }

    rc = ktx_db_term_fields(e->gen.db, hits[h].docid, terms, nq, kt__field_prefixes,
                            KT__NFIELDS, masks);
    if (rc) break;
    /* Merge terms per need word: fields are unioned, shares summed. */
    size_t nw = 0;
    double total = 0;
    for (size_t i = 0; i < nq; i++) {
      if (!masks[i]) continue;
      double s = idf[i] * qs[i].weight;
      total += s;
      size_t k = 0;
      while (k < nw && wm[k].word != qs[i].word) k++;
      if (k == nw) wm[nw++] = (wordmatch){qs[i].word, qs[i].term, 0, 0, -1};
      if (s > wm[k].best) { wm[k].term = qs[i].term; wm[k].best = s; }
      wm[k].fields |= masks[i];
      wm[k].share += s;
    }
    qsort(wm, nw, sizeof *wm, cmp_share);
    r->matches = res->matches_mem + used;
    for (size_t k = 0; k < nw; k++) {
      const kt_token *t = kt_analysis_get(an, wm[k].word);
      kt_match *m = &res->matches_mem[used++];
      m->word = keep(res, text + t->start, t->end - t->start);
      m->term = keep(res, wm[k].term, strlen(wm[k].term));
      m->fields = wm[k].fields;
      m->weight = total > 0 ? wm[k].share / total : 0;
      if (!m->word || !m->term) { rc = KT_ENOMEM; break; }
    }
    r->match_count = nw;
    res->count = h + 1;
  }
expl_out:
  free(idf);
  free(terms);
  free(masks);
  free(wm);
  if (rc) goto out;
done:
  *out = res;
  res = NULL;
out:
  ktx_hits_free(hits, nhits);
  filters_free(&fs);
  for (size_t i = 0; qs && i < nq; i++) free(qs[i].term);
  free(qs);
  kt_results_free(res);
  kt_analysis_free(an);
  return rc;
}
