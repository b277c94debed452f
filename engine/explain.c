/*
 * explain.c — the results of a search (step 6 of search.c) and what it
 * says about each: the need words (or concepts) that matched and in which
 * fields, the effects on its score, its main need, a snippet with the
 * matched words marked (snippet.c), weak evidence, and the needs with the
 * ranks they serve.
 */
#define _GNU_SOURCE
#include "explain.h"
#include "query.h"

#include "docterms.h"
#include "messages.h"
#include "results.h"
#include "snippet.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_share(const void *a, const void *b) {
  double x = ((const wordmatch *)a)->share, y = ((const wordmatch *)b)->share;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* A concept's label in the search's language, else Finnish (*lang_out says which). */
const char *kt__explain_concept_label(const kt__concept *c, int lang, const char **lang_out) {
  const char *l = lang == KT__LANG_SV ? c->label_sv : lang == KT__LANG_EN ? c->label_en : NULL;
  if (l && *l) {
    *lang_out = kt__lang_code(lang);
    return l;
  }
  *lang_out = "fi";
  return c->label;
}

/* The service's terms prepared at index time (docterms.h), read once per
 * generation from the record store. An index without them (built before
 * they existed) is refused by its format. */
int kt__explain_docterms(kt_engine *e, kt__doc *d) {
  if (d->terms) return KT_OK;
  char key[KT_MAX_ID_BYTES + 8], *v = NULL;
  size_t len = 0;
  snprintf(key, sizeof key, KT__DOCTERMS_KEY "%s", d->f[KT__D_ID]);
  int rc = kt__store_get(e->gen.store, key, &v, &len);
  if (rc == KT_ENOTFOUND)
    rc = kt__err(KT_ECORRUPT, "index generation %s has no prepared terms for %s", e->gen.name,
                 d->f[KT__D_ID]);
  if (!rc) rc = kt__docterms_decode(v, len, &d->terms);
  return rc;
}

/* Which fields of the candidate hold each query term (KT_FIELD_* bits). */
int kt__explain_masks(ctx *x, cand *c) {
  if (c->masks) return KT_OK;
  c->masks = kt__arena_alloc(&x->res->arena, (x->q.n ? x->q.n : 1) * sizeof *c->masks);
  if (!c->masks) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  kt__doc *d = c->doc;
  int rc = kt__explain_docterms(x->e, d);
  if (rc) return rc;
  kt__docterms_fields_all(d->terms, x->terms, x->term_order, x->q.n, c->masks);
  return KT_OK;
}

/* The need a candidate serves most: the found concept whose words (written
 * in the text or expanded) carry most of its score. */
int kt__explain_main_need(ctx *x, cand *c) {
  double best = 0;
  int need = -1;
  for (size_t k = 0; k < x->nfound; k++) {
    double s = 0;
    for (size_t i = 0; i < x->q.n; i++) {
      if (!c->masks[i]) continue;
      const qterm *t = &x->q.q[i];
      bool mine = t->concept >= 0 ? (size_t)t->concept == x->found[k].concept
                                  : x->token_need[t->word] == (int)k;
      if (mine) s += x->idf[i] * t->weight;
    }
    if (s > best) {
      best = s;
      need = (int)k;
    }
  }
  return need;
}

/* The Finnish summary and description of a service, from its record,
 * kept with its cached document data: parsing the record JSON for every
 * explained result cost more than the rest of the explanation. */
int kt__explain_texts(kt_engine *e, kt__doc *d, const char *id) {
  if (d->summary) return KT_OK;
  char *rec = NULL;
  json_t *root = NULL;
  int rc = kt__store_get(e->gen.store, id, &rec, NULL);
  if (!rc && !(root = json_loads(rec, 0, NULL)))
    rc = kt__err(KT_ECORRUPT, "record of %s is not valid JSON", id);
  free(rec);
  if (rc) return rc;
  const char *s = json_string_value(json_object_get(json_object_get(root, "summary"), "fi"));
  const char *t = json_string_value(json_object_get(json_object_get(root, "description"), "fi"));
  const char *q = json_string_value(json_object_get(json_object_get(root, "requirements"), "fi"));
  d->summary = kt__strdup(s ? s : "");
  d->description = t ? kt__strdup(t) : NULL;
  d->requirements = kt__strdup(q ? q : "");
  /* The related services' ids (the indexer checked each). */
  json_t *v, *a = json_object_get(root, "related");
  size_t i;
  bool ok = (d->related = calloc(json_array_size(a) + 1, sizeof *d->related)) != NULL;
  d->nrelated = 0;
  json_array_foreach(a, i, v) {
    const char *id = json_string_value(v);
    if (id && ok) ok = (d->related[d->nrelated++] = kt__strdup(id)) != NULL;
  }
  json_decref(root);
  if (!d->summary || (t && !d->description) || !d->requirements || !ok) {
    free(d->summary);
    free(d->description);
    free(d->requirements);
    for (size_t k = 0; d->related && k < d->nrelated; k++)
      free(d->related[k]);
    free(d->related);
    d->summary = d->description = d->requirements = NULL;
    d->related = NULL;
    d->nrelated = 0;
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  return KT_OK;
}

/* Kinds of weak evidence (kt_result.weak): a word that says little about
 * the need on its own. */
enum { WEAK_PART = 1, WEAK_PAST = 2, WEAK_GENERIC = 4, WEAK_GROUP = 8, WEAK_ASIDE = 16 };

/* Is query term @p t weak evidence? Its WEAK_* bit, or 0. An expansion of a
 * concept found outside the past is a need, so strong. */
static unsigned weak_kind(const ctx *x, const qterm *t) {
  if (t->concept < 0 && !t->kind) return WEAK_GROUP; /* a target group term */
  if (!x->rd.role) return 0;
  if (x->rd.role[t->word] == KT__ROLE_BACKGROUND) return WEAK_PAST;
  if (x->rd.role[t->word] == KT__ROLE_ASIDE) return WEAK_ASIDE;
  if (t->concept >= 0) return 0;
  if (x->rd.generic[t->word]) return WEAK_GENERIC;
  return t->kind == KT_TERM_PART ? WEAK_PART : 0;
}

static const char *weak_reason(kt__arena *ar, int lang, unsigned bits) {
  static const struct {
    unsigned bit;
    int what;
  } kinds[] = {{WEAK_PART, KT__M_WEAK_PART},
               {WEAK_PAST, KT__M_WEAK_PAST},
               {WEAK_GENERIC, KT__M_WEAK_GENERIC},
               {WEAK_GROUP, KT__M_WEAK_GROUP},
               {WEAK_ASIDE, KT__M_WEAK_ASIDE}};
  char buf[256];
  snprintf(buf, sizeof buf, "%s", kt__msg(lang, KT__M_WEAK));
  bool first = true;
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (bits & kinds[i].bit) {
      size_t l = strlen(buf);
      snprintf(buf + l, sizeof buf - l, "%s%s", first ? "" : ", ", kt__msg(lang, kinds[i].what));
      first = false;
    }
  return kt__arena_strdup(ar, buf);
}

/* Fill the public result from a candidate: matches, effects, snippet. */
static int explain(ctx *x, cand *c, kt_result *r, wordmatch *wm, const char **mterms) {
  kt__arena *ar = &x->res->arena;
  r->id = kt__arena_strdup(ar, c->f[KT__D_ID]);
  r->name = kt__arena_strdup(ar, c->f[KT__D_NAME]);
  r->category = kt__arena_strdup(ar, c->f[KT__D_CAT]);
  r->provider = kt__arena_strdup(ar, c->f[KT__D_PROVIDER]);
  r->need = -1;
  if (!r->id || !r->name || !r->category || !r->provider)
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  if (x->flags & KT_SEARCH_NO_EXPLAIN) return KT_OK;
  int rc = kt__explain_masks(x, c);
  if (rc) return rc;
  /* Summary, and the description for the snippet (read once per service). */
  if ((rc = kt__explain_texts(x->e, c->doc, r->id))) return rc;
  const char *desc = c->doc->description;
  r->summary = kt__arena_strdup(ar, c->doc->summary);
  if (!r->summary) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  /* Merge terms per need word (and concept): fields unioned, shares summed. */
  size_t nw = 0, nm = 0;
  double total = 0;
  bool strong = false;
  c->weak = 0;
  for (size_t i = 0; i < x->q.n; i++) {
    if (!c->masks[i]) continue;
    const qterm *t = &x->q.q[i];
    unsigned wk = weak_kind(x, t);
    strong |= !wk;
    c->weak |= wk;
    mterms[nm++] = t->term;
    double s = x->idf[i] * t->weight;
    total += s;
    size_t k = 0;
    while (k < nw && !(wm[k].word == t->word && wm[k].concept == t->concept))
      k++;
    if (k == nw) wm[nw++] = (wordmatch){t->word, t->concept, t->term, 0, 0, -1};
    if (s > wm[k].best) {
      wm[k].term = t->term;
      wm[k].best = s;
    }
    wm[k].fields |= c->masks[i];
    wm[k].share += s;
  }
  if (strong) c->weak = 0;
  qsort(wm, nw, sizeof *wm, cmp_share);
  /* An expansion that carries almost nothing (a concept's general service
   * word such as "helsinki") would only puzzle a counsellor: not shown. */
  size_t kept = 0;
  for (size_t k = 0; k < nw; k++)
    if (wm[k].concept < 0 || total <= 0 || wm[k].share / total >= KT_RANK_MIN_SHOWN_EXPANSION_SHARE)
      wm[kept++] = wm[k];
  nw = kept;
  kt_match *ms = kt__arena_alloc(ar, (nw ? nw : 1) * sizeof *ms);
  if (!ms) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t k = 0; k < nw; k++) {
    const kt_token *tk = kt_analysis_get(x->an, wm[k].word);
    size_t end = tk->end;
    if (wm[k].concept >= 0) /* the whole entry that found the concept */
      for (size_t f = 0; f < x->nfound; f++)
        if ((int)x->found[f].concept == wm[k].concept)
          end = kt_analysis_get(x->an, x->found[f].last)->end;
    ms[k].word = kt__arena_strndup(ar, x->text + tk->start, end - tk->start);
    ms[k].term = kt__arena_strdup(ar, wm[k].term);
    ms[k].fields = wm[k].fields;
    ms[k].weight = total > 0 ? wm[k].share / total : 0;
    ms[k].role = x->rd.role ? kt__role_public(x->rd.role[wm[k].word]) : KT_ROLE_SITUATION;
    ms[k].concept = wm[k].concept >= 0
                        ? kt__explain_concept_label(
                              kt__thesaurus_concept(x->e->gen.thes, (size_t)wm[k].concept), x->lang,
                              &ms[k].concept_lang)
                        : NULL;
    if (!ms[k].word || !ms[k].term) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  r->matches = ms;
  r->match_count = nw;
  if (c->neffects) {
    kt_effect *ef = kt__arena_alloc(ar, c->neffects * sizeof *ef);
    if (ef) {
      memcpy(ef, c->effects, c->neffects * sizeof *ef);
      r->effects = ef;
      r->effect_count = c->neffects;
    } else {
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
  }
  if (c->need < 0 && x->nfound) c->need = kt__explain_main_need(x, c);
  r->need = c->need;
  if (!rc && !(x->flags & KT_SEARCH_NO_SNIPPETS) && nm) {
    /* From the Finnish description; from the summary if the description
     * has none of the matched words. */
    kt_span *sp = NULL;
    size_t nsp = 0;
    const kt__docterms *dt = c->doc->terms;
    rc = kt__snippet(desc, dt, 1, mterms, nm, ar, &r->snippet, &sp, &nsp);
    if (!rc && !r->snippet)
      rc = kt__snippet(r->summary, dt, 0, mterms, nm, ar, &r->snippet, &sp, &nsp);
    r->highlights = sp;
    r->highlight_count = nsp;
  }
  return rc;
}

int kt__explain_results(ctx *x, cand *cs, size_t nc, size_t limit, wordmatch *wm,
                        const char **mterms) {
  int rc = KT_OK;
  size_t count = nc < limit ? nc : limit;
  x->res->items = kt__arena_alloc(&x->res->arena, (count ? count : 1) * sizeof *x->res->items);
  if (!x->res->items) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t h = 0; h < count && !rc; h++) {
    kt_result *r = &x->res->items[h];
    if ((rc = explain(x, &cs[h], r, wm, mterms))) break;
    /* Only weak words matched it, and it scores far below the best. */
    if (cs[h].weak && cs[h].score < KT_RANK_WEAK_SHARE * cs[0].score &&
        !(r->weak = weak_reason(&x->res->arena, x->lang, cs[h].weak)))
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    /* Scores are distinct and falling per rank (TREC tools and users rely on it). */
    r->score = cs[h].score;
    /* 1e-6 apart at least: TREC runs print six decimals. */
    if (h > 0 && r->score > x->res->items[h - 1].score - 1e-6)
      r->score = x->res->items[h - 1].score - 1e-6;
    x->res->count = h + 1;
  }
  return rc;
}

/* Reorder results into contiguous groups, one per need, in the order of
 * each group's best result (stable within a group); results without a need
 * come last. */
int kt__explain_group_by_need(kt_results *res) {
  size_t n = res->count;
  kt_result *sorted = malloc((n ? n : 1) * sizeof *sorted);
  bool *used = calloc(n + 1, sizeof *used);
  if (!sorted || !used) {
    free(sorted);
    free(used);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    if (used[i] || res->items[i].need < 0) continue;
    for (size_t j = i; j < n; j++)
      if (!used[j] && res->items[j].need == res->items[i].need) {
        sorted[w++] = res->items[j];
        used[j] = true;
      }
  }
  for (size_t i = 0; i < n; i++)
    if (!used[i]) sorted[w++] = res->items[i];
  memcpy(res->items, sorted, n * sizeof *sorted);
  free(sorted);
  free(used);
  return KT_OK;
}

/* Needs as the results see them: each with the ranks whose main need it is. */
int kt__explain_needs(ctx *x) {
  kt_results *res = x->res;
  if (!x->nfound) return KT_OK;
  res->needs = kt__arena_alloc(&res->arena, x->nfound * sizeof *res->needs);
  if (!res->needs) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t k = 0; k < x->nfound; k++) {
    const kt__concept *c = kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept);
    kt_need *n = &res->needs[k];
    const kt_token *a = kt_analysis_get(x->an, x->found[k].first),
                   *b = kt_analysis_get(x->an, x->found[k].last);
    n->id = c->id;
    n->label = kt__explain_concept_label(c, x->lang, &n->label_lang);
    n->role = x->rd.role ? kt__role_public(x->rd.role[kt__query_found_word(x, &x->found[k])])
                         : KT_ROLE_SITUATION;
    n->word = kt__arena_strndup(&res->arena, x->text + a->start, b->end - a->start);
    size_t *ranks = kt__arena_alloc(&res->arena, (res->count ? res->count : 1) * sizeof *ranks);
    if (!n->word || !ranks) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    for (size_t i = 0; i < res->count; i++)
      if (res->items[i].need == (int)k) ranks[n->result_count++] = i;
    n->results = ranks;
  }
  res->nneeds = x->nfound;
  return KT_OK;
}
