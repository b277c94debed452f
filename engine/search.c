/*
 * search.c — ranks services against a need text and explains each result.
 * kt_search() runs the steps below in order over the search's parts, which
 * share search_state.h: query.c reads the need (steps 1 and 2, and the
 * signals of step 4), search.c retrieves (3), rerank.c re-ranks (4 and 5),
 * explain.c makes the results and explains them (6); need_features.c reads
 * the need's feedback features.
 *
 * 1. Query. The need text is analysed exactly as the catalogue was
 *    (analyze.c). Words in a rejected scope ("ei halua koulutukseen") are
 *    dropped. Each remaining word contributes its terms to one weighted OR
 *    query: base forms at full weight, corrected forms and stems less,
 *    compound parts well below, so a whole-word match outranks a part match.
 * 2. Needs. Thesaurus concepts found in the text (thesaurus.c) add their
 *    service words at the concept's weight (< 1, so an expansion never
 *    outweighs a word the counsellor wrote) and become the text's needs.
 * 3. Retrieval. Xapian ranks candidates with BM25 over field-weighted terms.
 * 4. Signals. Age, language, long unemployment, municipality and target
 *    groups read from the text (signals.c) boost services made for such a
 *    client and demote those the client is not eligible for.
 * 5. Diversity (KT_SEARCH_DIVERSIFY). When the text has several needs, the
 *    top results are spread over them instead of ten variants of one.
 * 6. Explanation. For each result: the need words (or concepts) that matched
 *    and in which fields, the signals' effects, its need, and a snippet with
 *    the matched words marked (snippet.c).
 */
#define _GNU_SOURCE
#include "analyze.h"
#include "browse.h"
#include "docterms.h"
#include "explain.h"
#include "need_features.h"
#include "query.h"
#include "rerank.h"
#include "schema.h"
#include "search_state.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIMIT 1000

/* Build the filter list; values are case-folded like the indexed terms. */
typedef struct filters {
  ktx_filter f[4];
  size_t n;
  char *owned[512];
  const char *vals[4][130];
  size_t nowned;
} filters;

/* ---- pseudo-relevance feedback ---------------------------------------- */

/* One term of the top documents: how many hold it (r), the sum of its
 * within-document weights, and its expansion weight. */
typedef struct prf_term {
  size_t off; /* of its NUL-terminated text in the terms' block */
  unsigned r;
  double mult, wt;
} prf_term;

static int cmp_prf_text(const void *a, const void *b, void *texts) {
  return strcmp((const char *)texts + ((const prf_term *)a)->off,
                (const char *)texts + ((const prf_term *)b)->off);
}

static int cmp_prf_wt(const void *a, const void *b, void *texts) {
  const prf_term *x = a, *y = b;
  if (x->wt != y->wt) return x->wt > y->wt ? -1 : 1;
  return cmp_prf_text(b, a, texts); /* ties: the later term first, as Xapian's ESet */
}

/* The @p k best expansion terms of documents @p ids (malloc'ed strings in
 * *@p out). Weighed as Xapian's query expansion weighs them (TradEWeight
 * with k = 1: the sum over the documents of 2 wdf / (doclen / avlen + wdf),
 * times log((r + .5)(N - n - R + r + .5) / ((n - r + .5)(R - r + .5)))),
 * but read from the terms prepared at index time (docterms.h) and their
 * postings: the index keeps no termlists (building them took an eighth of
 * the index writer's time at 100 000 services). Plain analysed terms only;
 * a term with no positive weight is not offered. */
int kt__prf_expand(kt_engine *e, const unsigned *ids, size_t nd, size_t k, char ***out,
                   size_t *nout) {
  *out = NULL;
  *nout = 0;
  size_t ndocs = 0;
  double avlen = 0;
  int rc = ktx_db_doccount(e->gen.db, &ndocs);
  if (!rc) rc = ktx_db_avglength(e->gen.db, &avlen);
  if (rc) return rc;
  kt__buf texts; /* every document's term texts, NUL-terminated */
  kt__buf_init(&texts, SIZE_MAX / 4);
  prf_term *all = NULL;
  size_t n = 0, cap = 0;
  const char **names = NULL;
  unsigned *wdf = NULL;
  for (size_t i = 0; i < nd && !rc; i++) {
    kt__doc *d = NULL;
    if ((rc = kt__gen_doc(&e->gen, ids[i], &d)) || (rc = kt__explain_docterms(e, d))) break;
    const kt__docterms *dt = d->terms;
    size_t first = n;
    prf_term *a =
        n + dt->nterms > cap ? realloc(all, (cap = (n + dt->nterms) * 2) * sizeof *a) : all;
    const char **nm = realloc(names, (dt->nterms ? dt->nterms : 1) * sizeof *nm);
    if (nm) names = nm;
    unsigned *w = realloc(wdf, (dt->nterms ? dt->nterms : 1) * sizeof *w);
    if (w) wdf = w;
    if (a) all = a;
    if (!a || !nm || !w) {
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      break;
    }
    for (size_t j = 0; j < dt->nterms && !rc; j++) {
      size_t tl = 0;
      const char *t = kt__docterms_term(dt, j, &tl);
      if (tl && t[0] >= 'A' && t[0] <= 'Z') continue; /* prefixed: not an analysed term */
      all[n++] = (prf_term){.off = texts.len, .r = 1};
      rc = kt__buf_add(&texts, t, tl);
      if (!rc) rc = kt__buf_add(&texts, "", 1);
    }
    if (rc) break;
    /* Each term's wdf in this document, from its postings. */
    size_t m = n - first;
    for (size_t j = 0; j < m; j++)
      names[j] = texts.data + all[first + j].off;
    unsigned doclen = 0;
    if ((rc = ktx_db_doc_wdf(e->gen.db, ids[i], names, m, wdf, &doclen))) break;
    for (size_t j = 0; j < m; j++) {
      double f = wdf[j] ? wdf[j] : 1;
      all[first + j].mult = avlen > 0 ? 2.0 * f / (doclen / avlen + f) : 0;
    }
  }
  /* Merge each term's documents and weigh it. */
  size_t kept = 0;
  if (!rc && n) {
    qsort_r(all, n, sizeof *all, cmp_prf_text, texts.data);
    double R = (double)nd, N = (double)ndocs;
    for (size_t j = 0; j < n && !rc;) {
      prf_term t = all[j++];
      for (; j < n && !strcmp(texts.data + all[j].off, texts.data + t.off); j++) {
        t.r++;
        t.mult += all[j].mult;
      }
      size_t tf = 0;
      if ((rc = kt__gen_termfreq(&e->gen, texts.data + t.off, &tf))) break;
      double r = t.r, nt = (double)tf;
      if (nt < r) continue; /* not in the index (too long a term) */
      double num = (r + 0.5) * (N - nt - (R - r) + 0.5), den = (nt - r + 0.5) * (R - r + 0.5);
      t.wt = num > 0 && den > 0 ? t.mult * log(num / den) : 0;
      if (t.wt > 0) all[kept++] = t;
    }
  }
  if (!rc && kept) {
    qsort_r(all, kept, sizeof *all, cmp_prf_wt, texts.data);
    size_t m = kept < k ? kept : k;
    char **o = calloc(m + 1, sizeof *o);
    bool ok = o != NULL;
    for (size_t j = 0; ok && j < m; j++)
      ok = (o[j] = kt__strdup(texts.data + all[j].off)) != NULL;
    if (ok) {
      *out = o;
      *nout = m;
    } else {
      for (size_t j = 0; o && j < m; j++) /* calloc'ed: the rest are NULL */
        free(o[j]);
      free(o);
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
  }
  free(all);
  free(names);
  free(wdf);
  kt__buf_free(&texts);
  return rc;
}

static int add_filter(filters *fs, const char *prefix, const kt_strlist *l, const char *always,
                      const char *what) {
  if (!l->count) return KT_OK;
  if (!l->items) return kt__err(KT_EINVAL, "filter %s: items is NULL", what);
  if (l->count > KT_MAX_FILTER_VALUES)
    return kt__err(KT_ETOOBIG, "filter %s has %zu values; the limit is %d", what, l->count,
                   KT_MAX_FILTER_VALUES);
  size_t k = fs->n, m = 0;
  for (size_t i = 0; i < l->count; i++) {
    const char *v = l->items[i];
    if (!v || !kt__utf8_valid(v, strlen(v), NULL) || strlen(v) > 200)
      return kt__err(KT_EINVAL, "filter %s: value %zu is not valid UTF-8 text of at most 200 bytes",
                     what, i);
    char *f = kt__casefold(v);
    if (!f) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
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
  for (size_t i = 0; i < fs->nowned; i++)
    free(fs->owned[i]);
}

/* 3. Retrieval: BM25 over the query's terms, the weakest left out
 * (ranking.h, retrieval_min_share), within the filters @p fs or, when
 * @p wide, with browse.c's filters and counts; with KT_SEARCH_PRF once more
 * with the best terms of the top results. The hits go to *hits, *nhits
 * (the caller frees them, also after a failure). */
static int retrieve(ctx *x, const kt_search_options *opts, const filters *fs, bool wide,
                    const char **facets, size_t limit, ktx_hit **hits, size_t *nhits) {
  kt_engine *e = x->e;
  const kt__ranking *rk = &e->rank;
  int rc = KT_OK;
  ktx_qterm *xq = calloc(x->q.n, sizeof *xq);
  if (!xq) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  size_t nxq = 0;
  if (!x->baseline && rk->retrieval_min_share > 0) {
    /* The largest BM25 part each term can add; the weakest are not retrieved by. */
    size_t ndocs_n = 0;
    if ((rc = ktx_db_doccount(e->gen.db, &ndocs_n))) {
      free(xq);
      return rc;
    }
    double ndocs = (double)ndocs_n, top = 0;
    double *bound = calloc(x->q.n, sizeof *bound);
    if (!bound) {
      free(xq);
      return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
    for (size_t i = 0; i < x->q.n; i++) {
      size_t dfn = 0;
      if ((rc = kt__gen_termfreq(&e->gen, x->q.q[i].term, &dfn))) break;
      double df = (double)dfn;
      bound[i] = df > 0 ? x->q.q[i].weight * log((ndocs - df + 0.5) / (df + 0.5) + 1.0) : 0;
      if (bound[i] > top) top = bound[i];
    }
    if (rc) {
      free(bound);
      free(xq);
      return rc;
    }
    for (size_t i = 0; i < x->q.n; i++)
      if (bound[i] >= rk->retrieval_min_share * top && bound[i] > 0)
        xq[nxq++] = (ktx_qterm){x->q.q[i].term, x->q.q[i].weight};
    free(bound);
  } else {
    for (size_t i = 0; i < x->q.n; i++)
      xq[nxq++] = (ktx_qterm){x->q.q[i].term, x->q.q[i].weight};
  }
  ktx_params params = {rk->bm25_k1, rk->bm25_b, 0.5, 0};
  size_t depth =
      x->baseline ? limit : (limit > KT_RANK_RERANK_DEPTH ? limit : KT_RANK_RERANK_DEPTH);
  /* A need of now that comes first (`first`) may have its own services
   * below the request's many words: they are read from further down, for
   * the first need's best one to lead (rerank.c defer_request). */
  for (size_t k = 0;
       !x->baseline && x->rd.role && e->gen.thes && k < x->nfound && depth < KT_RANK_FIRST_DEPTH;
       k++)
    if (kt__rerank_may_come_first(x, k)) depth = KT_RANK_FIRST_DEPTH;
  /* The baseline term spaces live in the evaluation index (same docids). */
  size_t all = 0;
  if (wide && (rc = ktx_db_doccount(e->gen.db, &all))) {
    free(xq);
    return rc;
  }
  rc = ktx_db_search(x->baseline ? e->gen.eval_db : e->gen.db, xq, nxq, wide ? NULL : fs->f,
                     wide ? 0 : fs->n, &params, wide ? all : depth, hits, nhits, &x->res->matches);
  free(xq);
  if (!rc && wide)
    rc = kt__browse_hits(e, opts, *hits, nhits, depth, &x->res->matches, &x->res->arena, facets);
  if (rc) return rc;
  /* Pseudo-relevance feedback (evaluated; off unless asked): the best terms
   * of the top results join the query at a low weight, and it runs again. */
  if (!x->baseline && (opts->flags & KT_SEARCH_PRF) && *nhits >= KT_RANK_PRF_DOCS) {
    unsigned ids[KT_RANK_PRF_DOCS];
    for (size_t i = 0; i < KT_RANK_PRF_DOCS; i++)
      ids[i] = (*hits)[i].docid;
    char **et = NULL;
    size_t ne = 0;
    if ((rc = kt__prf_expand(e, ids, KT_RANK_PRF_DOCS, KT_RANK_PRF_TERMS, &et, &ne))) return rc;
    for (size_t i = 0; i < ne; i++) {
      if (!rc) rc = kt__query_add(&x->q, et[i], rk->prf_weight, 0, -1, 0);
      free(et[i]);
    }
    free(et);
    if (rc) return rc;
    ktx_hits_free(*hits, *nhits);
    *hits = NULL;
    *nhits = 0;
    xq = calloc(x->q.n, sizeof *xq);
    if (!xq) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    for (size_t i = 0; i < x->q.n; i++)
      xq[i] = (ktx_qterm){x->q.q[i].term, x->q.q[i].weight};
    rc = ktx_db_search(e->gen.db, xq, x->q.n, wide ? NULL : fs->f, wide ? 0 : fs->n, &params,
                       wide ? all : depth, hits, nhits, &x->res->matches);
    free(xq);
    if (!rc && wide)
      rc = kt__browse_hits(e, opts, *hits, nhits, depth, &x->res->matches, &x->res->arena, facets);
    if (rc) return rc;
  }
  return KT_OK;
}

static int cmp_term_index(const void *a, const void *b, void *terms) {
  const char *const *t = terms;
  return strcmp(t[*(const size_t *)a], t[*(const size_t *)b]);
}

/* @p order (0..n-1) sorted by the terms it indexes. */
static void sort_terms(const char **terms, size_t *order, size_t n) {
  qsort_r(order, n, sizeof *order, cmp_term_index, terms);
}

int kt_search(kt_engine *e, const char *text, size_t len, const kt_search_options *opts,
              kt_results **out) {
  kt__err_clear();
  if (!e || !out || (!text && len)) return kt__err(KT_EINVAL, "kt_search: NULL argument");
  *out = NULL;
  kt_search_options defaults = KT_SEARCH_OPTIONS_INIT;
  if (!opts) opts = &defaults;
  /* An older caller's struct ends before the corrections (version 1) or
   * the filters and language of version 3: none of those. */
  kt_search_options v1 = KT_SEARCH_OPTIONS_INIT;
  if (opts->version == 1 || opts->version == 2) {
    memcpy(&v1, opts,
           opts->version == 1 ? offsetof(kt_search_options, signals_removed)
                              : offsetof(kt_search_options, delivery));
    v1.version = KT_SEARCH_OPTIONS_VERSION;
    opts = &v1;
  } else if (opts->version != KT_SEARCH_OPTIONS_VERSION) {
    return kt__err(KT_EINVAL, "kt_search_options.version is %u; expected 1 to %d", opts->version,
                   KT_SEARCH_OPTIONS_VERSION);
  }
  if (opts->flags & ~(unsigned)KT_SEARCH_KNOWN_FLAGS)
    return kt__err(KT_EINVAL, "kt_search_options.flags has unknown bits 0x%x",
                   opts->flags & ~(unsigned)KT_SEARCH_KNOWN_FLAGS);
  size_t limit = opts->limit ? opts->limit : 10;
  if (limit > MAX_LIMIT) limit = MAX_LIMIT;
  if (len > KT_MAX_QUERY_BYTES)
    return kt__err(KT_ETOOBIG, "need text is %zu bytes; the limit is %d bytes", len,
                   KT_MAX_QUERY_BYTES);

  ctx x;
  memset(&x, 0, sizeof x);
  filters fs;
  memset(&fs, 0, sizeof fs);
  ktx_hit *hits = NULL;
  char **feat = NULL; /* feedback features of the need */
  size_t nfeat = 0;
  cand *cs = NULL;
  size_t nhits = 0;
  wordmatch *wm = NULL;
  const char **mterms = NULL;
  const kt__ranking *rk = &e->rank;
  /* 1, 2. The need: its words, needs and signals as one weighted query. */
  int rc = kt__query_read_need(&x, e, text, len, opts);
  if (rc) goto out;

  /* Feedback features, to rank with the store's lift. */
  bool use_fb = !x.baseline && e->fb && !(opts->flags & KT_SEARCH_NO_FEEDBACK);
  if (use_fb && (rc = kt__need_features_of(&x, &feat, &nfeat))) goto out;

  if ((rc = add_filter(&fs, KT__PREFIX_CATEGORY, &opts->categories, NULL, "categories")) ||
      (rc =
           add_filter(&fs, KT__PREFIX_TARGET_GROUP, &opts->target_groups, NULL, "target_groups")) ||
      (rc = add_filter(&fs, KT__PREFIX_LANGUAGE, &opts->languages, NULL, "languages")) ||
      (rc = add_filter(&fs, KT__PREFIX_MUNICIPALITY, &opts->municipalities, "koko suomi",
                       "municipalities")))
    goto out;

  /* Filters the index has no terms for, and the filter counts, work on
   * every service the query matches (browse.c). */
  bool wide = kt__browse_wide(opts);
  const char **facets = (opts->flags & KT_SEARCH_COUNTS) ? &x.res->facets : NULL;
  if (x.q.n == 0) { /* nothing meaningful to search with: no results */
    size_t none = 0;
    if (wide) rc = kt__browse_hits(e, opts, NULL, &none, 0, &x.res->matches, &x.res->arena, facets);
    if (rc) goto out;
    goto done;
  }

  /* 3. Retrieval. */
  if ((rc = retrieve(&x, opts, &fs, wide, facets, limit, &hits, &nhits))) goto out;

  size_t ndocs_n = 0;
  if ((rc = ktx_db_doccount(e->gen.db, &ndocs_n))) goto out;
  double ndocs = (double)ndocs_n;
  x.idf = calloc(x.q.n, sizeof *x.idf);
  x.terms = calloc(x.q.n, sizeof *x.terms);
  x.term_order = calloc(x.q.n ? x.q.n : 1, sizeof *x.term_order);
  /* + a need's most useful service (kt__rerank_suggest) and a named one's
   * related services (kt__rerank_related) */
  cs = calloc(nhits + 1 + KT_RANK_RELATED_MAX, sizeof *cs);
  wm = calloc(x.q.n, sizeof *wm);
  mterms = calloc(x.q.n, sizeof *mterms);
  if (!x.idf || !x.terms || !x.term_order || !cs || !wm || !mterms) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
  /* Term statistics serve explanations and needs only; a ranking-only
   * search skips the lookups. */
  bool need_idf = !(opts->flags & KT_SEARCH_NO_EXPLAIN) || (opts->flags & KT_SEARCH_DIVERSIFY);
  for (size_t i = 0; i < x.q.n; i++) {
    size_t dfn = 0;
    if (need_idf && (rc = kt__gen_termfreq(&e->gen, x.q.q[i].term, &dfn))) goto out;
    double df = (double)dfn;
    x.idf[i] = df > 0 ? log((ndocs - df + 0.5) / (df + 0.5) + 1.0) : 0.0;
    x.terms[i] = x.q.q[i].term;
    x.term_order[i] = i;
  }
  sort_terms(x.terms, x.term_order, x.q.n);

  /* 4. Signals re-score the candidates; a service the text names is lifted;
   * no loose word carries a score alone; the past yields to the goal;
   * referrals lift (bounded). */
  if ((rc = kt__rerank_score(&x, cs, hits, nhits))) goto out;
  if (!x.baseline && (rc = kt__rerank_bound_evidence(&x, cs, nhits, rk))) goto out;
  if (!x.baseline && (rc = kt__rerank_demote_past(&x, cs, nhits, rk))) goto out;
  if (!x.baseline && (rc = kt__rerank_demote_qualified(&x, cs, nhits, rk))) goto out;
  if (!x.baseline) kt__rerank_demote_held(&x, cs, nhits, rk);
  if (!x.baseline && (rc = kt__rerank_demote_required(&x, cs, nhits, rk))) goto out;
  if (!x.baseline && (rc = kt__rerank_defer_request(&x, cs, nhits, rk))) goto out;
  if (!x.baseline) kt__rerank_rules_out(&x, cs, nhits, rk);
  if (!x.baseline) kt__rerank_need_unmet(&x, cs, nhits, rk);
  if (!x.baseline) kt__rerank_ask_named(&x, cs, nhits, rk);
  if (use_fb) kt__rerank_feedback(&x, cs, nhits, (const char *const *)feat, nfeat);
  qsort(cs, nhits, sizeof *cs, kt__rerank_cmp);
  /* Below the top few, how often a service was judged useful counts. */
  if (!x.baseline && (rc = kt__rerank_prior(&x, cs, nhits, rk))) goto out;

  /* 5. Spread over needs. */
  if (!x.baseline && x.nfound >= 2 && (opts->flags & KT_SEARCH_DIVERSIFY))
    if ((rc = kt__rerank_diversify(&x, cs, nhits))) goto out;

  /* 6. Results and their explanations; none found by generic words alone. */
  size_t nshow = nhits;
  ktx_hit extra = {0}, related[KT_RANK_RELATED_MAX] = {{0}};
  if (!x.baseline && !(opts->flags & KT_SEARCH_NO_READING) &&
      (rc = kt__rerank_related(&x, cs, &nshow, related, wide || fs.n > 0, rk)))
    goto out;
  if (!x.baseline && !(opts->flags & KT_SEARCH_NO_READING) &&
      (rc = kt__rerank_suggest(&x, cs, &nshow, &extra, wide || fs.n > 0, rk)))
    goto out;
  if (!x.baseline && !(opts->flags & KT_SEARCH_NO_READING) &&
      (rc = kt__rerank_drop_unfounded(&x, cs, &nshow, limit)))
    goto out;
  if ((rc = kt__explain_results(&x, cs, nshow, limit, wm, mterms))) goto out;
  if ((opts->flags & KT_SEARCH_GROUP_BY_NEED) && x.nfound &&
      (rc = kt__explain_group_by_need(x.res)))
    goto out;

done:
  if ((rc = kt__explain_needs(&x))) goto out;
  *out = x.res;
  x.res = NULL;
out:
  kt__features_free(feat, nfeat);
  free(cs);
  free(wm);
  free(mterms);
  free(x.idf);
  free(x.terms);
  free(x.term_order);
  ktx_hits_free(hits, nhits);
  filters_free(&fs);
  kt__query_free(&x);
  return rc;
}
