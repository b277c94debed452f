/*
 * search.c — ranks services against a need text and explains each result.
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
#include "feedback.h"
#include "messages.h"
#include "need_features.h"
#include "reading.h"
#include "schema.h"
#include "signals.h"
#include "snippet.h"
#include "thesaurus.h"

#include <jansson.h>
#include <math.h>
#include <search.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIMIT 1000
#define MAX_QUERY_TERMS 2048
#define MAX_FOUND 64
#define MAX_EFFECTS 8
/* A loose word (neither a concept's nor in the service's name) is "rare"
 * when at most this share of services use it: only such a word can carry
 * most of a score alone, so only its candidates are checked (ranking.h,
 * evidence_cap). */
#define RARE_SHARE 0.02
#define MAX_WORD_QTERMS 48 /* a word's own query terms (analyze.c's MAX_TERMS) */

/* Is the text mostly words Voikko does not know (Swedish, English)? Then
 * spelling suggestions would turn foreign words into Finnish ones. */
static bool mostly_foreign(const kt_analysis *a) {
  size_t words = 0, unknown = 0;
  for (size_t i = 0; i < kt_analysis_count(a); i++) {
    const kt_token *t = kt_analysis_get(a, i);
    if (t->stopword || !t->term_count) continue;
    words++;
    bool known = false;
    for (size_t k = 0; k < t->term_count && !known; k++)
      known = t->terms[k].kind == KT_TERM_LEMMA || t->terms[k].kind == KT_TERM_FIXED;
    unknown += !known;
  }
  return words >= 3 && unknown * 2 > words;
}

typedef struct qterm {
  char *term;
  double weight;
  size_t word; /* first need word (token index) that produced it */
  int concept; /* thesaurus concept it expands, or -1 for the word itself */
  int kind;    /* KT_TERM_* of a need word's own term; 0 for expansions */
} qterm;

typedef struct query {
  qterm *q;
  size_t n;
  struct hsearch_data index; /* term -> index + 1 in q: a long note has hundreds of terms */
  bool indexed;
} query;

static int add_qterm(query *qs, const char *term, double w, size_t word, int concept, int kind) {
  if (!qs->indexed) {
    if (!hcreate_r(MAX_QUERY_TERMS * 2, &qs->index))
      return kt__err(KT_ENOMEM, "cannot allocate the query");
    qs->indexed = true;
  }
  ENTRY e = {.key = (char *)term, .data = NULL}, *hit = NULL;
  if (hsearch_r(e, FIND, &hit, &qs->index) && hit) {
    qterm *q = &qs->q[(size_t)(uintptr_t)hit->data - 1];
    if (w > q->weight) {
      q->weight = w;
      q->word = word;
      q->concept = concept;
      q->kind = kind;
    }
    return KT_OK;
  }
  if (qs->n == MAX_QUERY_TERMS) return KT_OK; /* enough: the rest add nothing new */
  char *copy = kt__strdup(term);
  if (!copy) return kt__err(KT_ENOMEM, "cannot allocate a query term");
  qs->q[qs->n++] = (qterm){copy, w, word, concept, kind};
  e.key = copy;
  e.data = (void *)(uintptr_t)qs->n;
  if (!hsearch_r(e, ENTER, &hit, &qs->index)) return kt__err(KT_ENOMEM, "query term index is full");
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

/* A retrieved service being ranked. */
typedef struct cand {
  ktx_hit *hit;
  double score;
  const char *const *f; /* its document data fields (KT__D_*) */
  kt__doc *doc;         /* the generation's cached document (parts read on first use) */
  unsigned *masks;      /* per query term: fields where it matched (NULL until read) */
  int need;             /* main need (index into found), -1 */
  bool named;           /* the need text names the service */
  unsigned weak;        /* explained: WEAK_* bits when every matched word is weak, else 0 */
  kt_effect effects[MAX_EFFECTS];
  size_t neffects;
} cand;

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The name's content words with their base forms, read once per document. */
static int read_name(kt_analyzer *an, kt__doc *d) {
  if (d->name_read) return KT_OK;
  kt_analysis *a = NULL;
  const char *name = d->f[KT__D_NAME];
  int rc = kt_analyze(an, name, strlen(name), &a);
  if (rc) return rc;
  size_t n = kt_analysis_count(a);
  d->name_words = calloc(n ? n : 1, sizeof *d->name_words);
  for (size_t i = 0; d->name_words && i < n && !rc; i++) {
    const kt_token *t = kt_analysis_get(a, i);
    if (t->stopword || !t->term_count) continue;
    kt__buf b;
    kt__buf_init(&b, 4096);
    rc = kt__buf_adds(&b, " ");
    for (size_t k = 0; k < t->term_count && !rc; k++)
      if (t->terms[k].kind != KT_TERM_PART) rc = kt__buf_printf(&b, "%s ", t->terms[k].text);
    if (!rc)
      d->name_words[d->n_name_words++] = b.data;
    else
      kt__buf_free(&b);
  }
  kt_analysis_free(a);
  if (!d->name_words) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  d->name_read = true;
  return rc;
}

/* Does the need text name the service: is every content word of its name
 * among the text's own words (by base form)? @p direct is sorted. */
static bool names_service(const kt__doc *d, const char *const *direct, size_t ndirect) {
  if (!d->n_name_words) return false;
  char term[256];
  for (size_t w = 0; w < d->n_name_words; w++) {
    bool hit = false;
    for (const char *p = d->name_words[w] + 1; *p && !hit;) {
      const char *sp = strchr(p, ' ');
      size_t l = (size_t)(sp - p);
      if (l && l < sizeof term) {
        memcpy(term, p, l);
        term[l] = '\0';
        const char *key = term;
        hit = bsearch(&key, direct, ndirect, sizeof *direct, cmp_str) != NULL;
      }
      p = sp + 1;
    }
    if (!hit) return false;
  }
  return true;
}

static int load_cand(kt__gen *g, cand *c) {
  kt__doc *d = NULL;
  int rc = kt__gen_doc(g, c->hit->docid, &d);
  if (rc) return rc;
  c->f = d->f;
  c->doc = d;
  c->need = -1;
  return KT_OK;
}

static int cmp_cand(const void *a, const void *b) {
  double x = ((const cand *)a)->score, y = ((const cand *)b)->score;
  return x < y ? 1 : x > y ? -1 : 0;
}

typedef struct wordmatch {
  size_t word;
  int concept;
  const char *term;
  unsigned fields;
  double share, best;
} wordmatch;

static int cmp_share(const void *a, const void *b) {
  double x = ((const wordmatch *)a)->share, y = ((const wordmatch *)b)->share;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* Everything one search works with. */
typedef struct ctx {
  kt_engine *e;
  const char *text;
  unsigned flags;
  kt_analysis *an;
  query q;
  double *idf;
  const char **terms;
  kt__found found[MAX_FOUND];
  size_t nfound;
  int *token_need; /* per token: index into found, or -1 */
  kt__reading rd;  /* clauses and roles of the note's words (reading.c) */
  kt_results *res;
  int lang; /* KT__LANG_* of the explanations */
} ctx;

/* A concept's label in the search's language, else Finnish (*lang_out says which). */
static const char *concept_label(const kt__concept *c, int lang, const char **lang_out) {
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
static int read_docterms(kt_engine *e, kt__doc *d) {
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
static int read_masks(ctx *x, cand *c) {
  if (c->masks) return KT_OK;
  c->masks = kt__arena_alloc(&x->res->arena, (x->q.n ? x->q.n : 1) * sizeof *c->masks);
  if (!c->masks) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  kt__doc *d = c->doc;
  int rc = read_docterms(x->e, d);
  if (rc) return rc;
  for (size_t i = 0; i < x->q.n; i++)
    c->masks[i] = kt__docterms_fields(d->terms, x->terms[i]);
  return KT_OK;
}

/* The need a candidate serves most: the found concept whose words (written
 * in the text or expanded) carry most of its score. */
static int main_need(ctx *x, cand *c) {
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

/* Greedy spread over needs: each pick's score is discounted by how many
 * results of the same need are already above it. */
static int diversify(ctx *x, cand *cs, size_t nc) {
  size_t depth = nc < KT_RANK_DIVERSIFY_DEPTH ? nc : KT_RANK_DIVERSIFY_DEPTH;
  int rc = KT_OK;
  for (size_t i = 0; i < depth && !rc; i++)
    if (!(rc = read_masks(x, &cs[i]))) cs[i].need = main_need(x, &cs[i]);
  if (rc) return rc;
  size_t *taken = calloc(x->nfound + 1, sizeof *taken);
  if (!taken) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t pos = 0; pos < depth; pos++) {
    size_t best = pos;
    double bs = -1;
    for (size_t i = pos; i < depth; i++) {
      double s = cs[i].score *
                 (cs[i].need >= 0 ? pow(KT_RANK_DIVERSIFY_DECAY, (double)taken[cs[i].need]) : 1.0);
      if (s > bs) {
        bs = s;
        best = i;
      }
    }
    cand tmp = cs[best];
    memmove(&cs[pos + 1], &cs[pos], (best - pos) * sizeof *cs);
    cs[pos] = tmp;
    if (cs[pos].need >= 0) taken[cs[pos].need]++;
  }
  free(taken);
  return KT_OK;
}

/* The Finnish summary and description of a service, from its record,
 * kept with its cached document data: parsing the record JSON for every
 * explained result cost more than the rest of the explanation. */
static int read_texts(kt_engine *e, kt__doc *d, const char *id) {
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
  d->summary = kt__strdup(s ? s : "");
  d->description = t ? kt__strdup(t) : NULL;
  json_decref(root);
  if (!d->summary || (t && !d->description)) {
    free(d->summary);
    free(d->description);
    d->summary = d->description = NULL;
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  return KT_OK;
}

/* Kinds of weak evidence (kt_result.weak): a word that says little about
 * the need on its own. */
enum { WEAK_PART = 1, WEAK_PAST = 2, WEAK_GENERIC = 4, WEAK_GROUP = 8 };

/* Is query term @p t weak evidence? Its WEAK_* bit, or 0. An expansion of a
 * concept found outside the past is a need, so strong. */
static unsigned weak_kind(const ctx *x, const qterm *t) {
  if (t->concept < 0 && !t->kind) return WEAK_GROUP; /* a target group term */
  if (!x->rd.role) return 0;
  if (x->rd.role[t->word] == KT__ROLE_BACKGROUND) return WEAK_PAST;
  if (t->concept >= 0) return 0;
  if (x->rd.generic[t->word]) return WEAK_GENERIC;
  return t->kind == KT_TERM_PART ? WEAK_PART : 0;
}

static const char *weak_reason(kt__arena *ar, unsigned bits) {
  static const struct {
    unsigned bit;
    const char *what;
  } kinds[] = {{WEAK_PART, "yhdyssanan osia"},
               {WEAK_PAST, "asiakkaan taustaa"},
               {WEAK_GENERIC, "yleissanoja"},
               {WEAK_GROUP, "kohderyhmä"}};
  char buf[160] = "heikko osuma: vain ";
  bool first = true;
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (bits & kinds[i].bit) {
      if (!first) strcat(buf, ", ");
      strcat(buf, kinds[i].what);
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
  int rc = read_masks(x, c);
  if (rc) return rc;
  /* Summary, and the description for the snippet (read once per service). */
  if ((rc = read_texts(x->e, c->doc, r->id))) return rc;
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
    ms[k].role = x->rd.role ? x->rd.role[wm[k].word] : KT_ROLE_SITUATION;
    ms[k].concept =
        wm[k].concept >= 0
            ? concept_label(kt__thesaurus_concept(x->e->gen.thes, (size_t)wm[k].concept), x->lang,
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
  if (c->need < 0 && x->nfound) c->need = main_need(x, c);
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

/* Bounded evidence: a word that neither names the service nor found a
 * concept may carry at most rk->evidence_cap of a result's score
 * ("valintatesti jännittää" must not rank the truck-driver course first
 * because its entrance test is called so). Only a rare word (used by at
 * most RARE_SHARE of the services) can dominate a score, so only the
 * candidates holding one are measured, from the word's short postings:
 * its BM25 part (query weight x idf x the wdf saturation, as Xapian's BM25
 * counts it) against the candidate's BM25 score. */
/* Is @p term a base form of a word of the service's name (read_name)? A
 * word of the name names the service: it is exempt from the bound. */
static bool in_name(const kt__doc *d, const char *term) {
  char key[260];
  snprintf(key, sizeof key, " %s ", term);
  for (size_t w = 0; w < d->n_name_words; w++)
    if (strstr(d->name_words[w], key)) return true;
  return false;
}

static int bound_evidence(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->evidence_cap >= 1.0) return KT_OK;
  size_t content = 0;
  for (size_t i = 0; i < kt_analysis_count(x->an); i++)
    content += !kt_analysis_get(x->an, i)->stopword;
  if (content < 3) return KT_OK; /* a one- or two-word need is all loose words */
  ktx_db *db = x->e->gen.db;
  size_t ndocs_n = 0;
  double avg = 0;
  int src = ktx_db_doccount(db, &ndocs_n);
  if (src || (src = ktx_db_avglength(db, &avg))) return src;
  double ndocs = (double)ndocs_n;
  size_t max_df = (size_t)(ndocs * RARE_SHARE) + 1;
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  double *part = calloc(depth + 1, sizeof *part); /* per candidate: its loose word's part */
  size_t *word = calloc(depth + 1, sizeof *word); /* ... and which word */
  unsigned *post = calloc(3 * (max_df + 1), sizeof *post);
  int rc =
      !part || !word || !post ? kt__err(KT_ENOMEM, "cannot allocate the evidence check") : KT_OK;
  unsigned *wdf = post + max_df + 1, *len = post + 2 * (max_df + 1);
  double k1 = rk->bm25_k1, b = rk->bm25_b;
  /* Candidates holding a rare loose word, found through its short postings;
   * per candidate the word is remembered (word[h] = token + 1). */
  for (size_t i = 0; !rc && i < x->q.n; i++) {
    const qterm *t = &x->q.q[i];
    /* A compound part weighs too little to carry a score alone. */
    if (t->concept >= 0 || !t->kind || t->kind == KT_TERM_PART || x->token_need[t->word] >= 0)
      continue;
    size_t df = 0, np = 0;
    if ((rc = kt__gen_termfreq(&x->e->gen, t->term, &df))) break;
    if (!df || df > max_df) continue;
    if ((rc = ktx_db_postings_wdf(db, t->term, post, wdf, len, max_df, &np))) break;
    for (size_t p = 0; p < np; p++)
      for (size_t h = 0; h < depth; h++)
        if (cs[h].hit->docid == post[p] && !in_name(cs[h].doc, t->term))
          part[h] = 1, word[h] = t->word + 1;
  }
  /* For those: the word's part of the score, all its terms (base forms,
   * parts) together, as Xapian's BM25 counts them. */
  const char *wt[MAX_WORD_QTERMS];
  double ww[MAX_WORD_QTERMS], widf[MAX_WORD_QTERMS];
  unsigned wwdf[MAX_WORD_QTERMS];
  for (size_t h = 0; !rc && h < depth; h++) {
    if (!word[h]) continue;
    size_t nw = 0;
    double bound = 0;
    for (size_t i = 0; i < x->q.n && nw < MAX_WORD_QTERMS; i++) {
      const qterm *t = &x->q.q[i];
      if (t->concept >= 0 || !t->kind || t->word + 1 != word[h]) continue;
      size_t dfn = 0;
      if ((rc = kt__gen_termfreq(&x->e->gen, t->term, &dfn))) break;
      double df = (double)dfn;
      double tw = (ndocs - df + 0.5) / (df + 0.5);
      if (tw < 2) tw = tw * 0.5 + 1; /* as Xapian's BM25Weight */
      wt[nw] = t->term;
      ww[nw] = t->weight;
      widf[nw] = log(tw);
      bound += ww[nw] * widf[nw] * (k1 + 1); /* its most, at any wdf */
      nw++;
    }
    if (rc) break;
    /* A word that could not carry the cap whatever its wdf is not read. */
    if (bound <= rk->evidence_cap * cs[h].hit->score) {
      part[h] = 0;
      continue;
    }
    unsigned dl = 0;
    if ((rc = ktx_db_doc_wdf(db, cs[h].hit->docid, wt, nw, wwdf, &dl))) break;
    double norm = avg > 0 ? (double)dl / avg : 1.0;
    if (norm < 0.5) norm = 0.5;
    double sumw = 0;
    for (size_t k = 0; k < nw; k++)
      if (wwdf[k])
        sumw += ww[k] * widf[k] * (k1 + 1) * wwdf[k] / (k1 * ((1 - b) + b * norm) + wwdf[k]);
    part[h] = sumw;
  }
  for (size_t h = 0; !rc && h < depth; h++) {
    cand *c = &cs[h];
    if (part[h] <= 0 || c->hit->score <= 0) continue;
    double share = part[h] / c->hit->score;
    if (share > 1) share = 1;
    if (share <= rk->evidence_cap) continue;
    double f = (1.0 - share) / (1.0 - rk->evidence_cap);
    if (f < 0.1) f = 0.1;
    c->score *= f;
    if (c->neffects < MAX_EFFECTS) {
      char reason[96];
      snprintf(reason, sizeof reason, "yksi sana kantaa %.0f %% osumasta", share * 100);
      c->effects[c->neffects++] =
          (kt_effect){"yksittäinen sana", kt__arena_strdup(&x->res->arena, reason), f};
    }
  }
  free(part);
  free(word);
  free(post);
  return rc;
}

/* The past as the goal's rival: in a note that states a goal, a service
 * whose evidence is mostly the client's past — the field being left, "ollut
 * 12 v siivoojana, nyt haluaa toimistoon" — is demoted (rk->demote_past)
 * below the services that fit the goal. Shares are those the explanation
 * shows (idf x query weight of the matched terms). Only a note with both a
 * goal and a past is measured. */
static bool goal_and_past(const ctx *x) {
  bool goal = false, past = false;
  for (size_t i = 0; i < x->q.n; i++) {
    const qterm *t = &x->q.q[i];
    if (t->concept < 0 && !t->kind) continue; /* a group term: no word of the note */
    int r = x->rd.role[t->word];
    goal |= r == KT__ROLE_GOAL && !x->rd.generic[t->word];
    past |= r == KT__ROLE_BACKGROUND;
  }
  return goal && past;
}

static int demote_past(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->demote_past >= 1.0 || !goal_and_past(x)) return KT_OK;
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  size_t ndocs_n = 0;
  int src = ktx_db_doccount(x->e->gen.db, &ndocs_n);
  if (src) return src;
  double ndocs = (double)ndocs_n;
  for (size_t i = 0; i < x->q.n; i++)
    if (x->idf[i] == 0) {
      size_t dfn = 0;
      if ((src = kt__gen_termfreq(&x->e->gen, x->q.q[i].term, &dfn))) return src;
      double df = (double)dfn;
      x->idf[i] = df > 0 ? log((ndocs - df + 0.5) / (df + 0.5) + 1.0) : 0.0;
    }
  for (size_t h = 0; h < depth; h++) {
    cand *c = &cs[h];
    int rc = read_masks(x, c);
    if (rc) return rc;
    double past = 0, total = 0;
    for (size_t i = 0; i < x->q.n; i++) {
      const qterm *t = &x->q.q[i];
      if (!c->masks[i] || (t->concept < 0 && !t->kind)) continue;
      double s = x->idf[i] * t->weight;
      total += s;
      if (x->rd.role[t->word] == KT__ROLE_BACKGROUND) past += s;
    }
    if (total <= 0 || past / total <= rk->past_share) continue;
    c->score *= rk->demote_past;
    if (c->neffects < MAX_EFFECTS) {
      char reason[96];
      snprintf(reason, sizeof reason, "%.0f %% osumasta on asiakkaan aiempaa alaa, tavoite on muu",
               past / total * 100);
      c->effects[c->neffects++] =
          (kt_effect){"tausta", kt__arena_strdup(&x->res->arena, reason), rk->demote_past};
    }
  }
  return KT_OK;
}

/* Needs as the results see them: each with the ranks whose main need it is. */
static int build_needs(ctx *x) {
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
    n->label = concept_label(c, x->lang, &n->label_lang);
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

/* Reorder results into contiguous groups, one per need, in the order of
 * each group's best result (stable within a group); results without a need
 * come last. */
static int group_by_need(kt_results *res) {
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

/* Does token @p i look like a name: capitalised inside a sentence (not an
 * abbreviation in capitals)? Names never become feedback features. */
static bool name_like(const kt_analysis *a, const char *text, size_t i) {
  const kt_token *t = kt_analysis_get(a, i);
  const unsigned char *p = (const unsigned char *)text + t->start;
  bool upper = (p[0] >= 'A' && p[0] <= 'Z') ||
               (p[0] == 0xC3 && (p[1] == 0x84 || p[1] == 0x96 || p[1] == 0x85));
  if (!upper) return false;
  size_t caps = 0, letters = 0;
  for (size_t b = t->start; b < t->end; b++) {
    unsigned char c = (unsigned char)text[b];
    if (c >= 'a' && c <= 'z') letters++;
    if (c >= 'A' && c <= 'Z') caps++, letters++;
  }
  if (letters >= 2 && caps == letters) return false; /* TE, KELA */
  if (i == 0) return false;
  const kt_token *prev = kt_analysis_get(a, i - 1);
  for (size_t b = prev->end; b < t->start; b++)
    if (strchr(".!?\n:;", text[b])) return false; /* starts a sentence */
  return true;
}

static int add_feature(char ***f, size_t *n, size_t *cap, const char *prefix, const char *v) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 32;
    char **nf = realloc(*f, nc * sizeof *nf);
    if (!nf) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    *f = nf;
    *cap = nc;
  }
  size_t l = strlen(prefix) + strlen(v) + 1;
  char *s = malloc(l);
  if (!s) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  snprintf(s, l, "%s%s", prefix, v);
  (*f)[(*n)++] = s;
  return KT_OK;
}

void kt__features_free(char **f, size_t n) {
  for (size_t i = 0; f && i < n; i++)
    free(f[i]);
  free(f);
}

/* The need's features (see kt__need_features), sorted and unique. */
static int need_features(ctx *x, const bool *rejected, const kt__sigset *set, char ***out,
                         size_t *nout) {
  char **f = NULL;
  size_t n = 0, cap = 0;
  int rc = KT_OK;
  for (size_t k = 0; k < x->nfound && !rc; k++)
    rc = add_feature(&f, &n, &cap,
                     "c:", kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept)->id);
  for (size_t g = 0; g < set->ngroups && !rc; g++)
    rc = add_feature(&f, &n, &cap, "g:", set->groups[g]);
  for (size_t i = 0; i < kt_analysis_count(x->an) && !rc; i++) {
    const kt_token *t = kt_analysis_get(x->an, i);
    if (t->stopword || rejected[i] || name_like(x->an, x->text, i)) continue;
    for (size_t k = 0; k < t->term_count && !rc; k++) {
      int kind = t->terms[k].kind;
      if (kind != KT_TERM_LEMMA && kind != KT_TERM_FIXED && kind != KT_TERM_TYPO) continue;
      /* Catalogue vocabulary only: a word no service uses is not kept. */
      size_t df = 0;
      if ((rc = kt__gen_termfreq(&x->e->gen, t->terms[k].text, &df))) break;
      if (df == 0) continue;
      rc = add_feature(&f, &n, &cap, "w:", t->terms[k].text);
    }
  }
  if (rc) {
    kt__features_free(f, n);
    return rc;
  }
  if (n) qsort(f, n, sizeof *f, cmp_str); /* f is NULL when there are none */
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    if (w && !strcmp(f[w - 1], f[i]))
      free(f[i]);
    else
      f[w++] = f[i];
  }
  *out = f;
  *nout = w;
  return KT_OK;
}

/* A search; with @p features_only it stops once the need's feedback
 * features are read (into *feat_out) and retrieves nothing. */
static int search_impl(kt_engine *e, const char *text, size_t len, const kt_search_options *opts,
                       bool features_only, kt_results **out, char ***feat_out, size_t *nfeat_out);

/* A need word's weight by its role in the note (ranking.h). */
static double role_weight(const kt__ranking *rk, int role) {
  switch (role) {
  case KT__ROLE_BACKGROUND: return rk->role_background;
  case KT__ROLE_GOAL: return rk->role_goal;
  default: return 1.0;
  }
}

/* A need word's term weight by its kind (ranking.h); a base form is 1. */
static double term_weight(const kt__ranking *rk, int kind) {
  switch (kind) {
  case KT_TERM_LEMMA: return 1.0;
  case KT_TERM_FIXED: return rk->term_fixed;
  case KT_TERM_STEM: return rk->term_stem;
  case KT_TERM_TYPO: return rk->term_typo;
  case KT_TERM_PART: return rk->term_part;
  default: return 0.0;
  }
}

int kt_search(kt_engine *e, const char *text, size_t len, const kt_search_options *opts,
              kt_results **out) {
  kt__err_clear();
  return search_impl(e, text, len, opts, false, out, NULL, NULL);
}

int kt__need_features(kt_engine *e, const char *text, size_t len, char ***out, size_t *n) {
  *out = NULL;
  *n = 0;
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 1;
  o.flags = KT_SEARCH_NO_FEEDBACK;
  kt_results *r = NULL;
  int rc = search_impl(e, text, len, &o, true, &r, out, n);
  kt_results_free(r);
  return rc;
}

static int search_impl(kt_engine *e, const char *text, size_t len, const kt_search_options *opts,
                       bool features_only, kt_results **out, char ***feat_out, size_t *nfeat_out) {
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
  x.e = e;
  x.text = text ? text : "";
  x.flags = opts->flags;
  bool baseline = opts->flags & (KT_SEARCH_MODE_SURFACE | KT_SEARCH_MODE_SNOWBALL);
  if (baseline && !e->gen.eval_db)
    return kt__err(KT_EINVAL,
                   "index generation %s has no evaluation index (the surface and snowball "
                   "configurations): rebuild it with `kohtaanto index --eval-terms`",
                   e->gen.name);
  if ((x.lang = kt__lang_parse(opts->lang)) < 0)
    return kt__err(KT_EINVAL, "kt_search_options.lang is '%.16s'; expected fi, sv or en",
                   opts->lang);
  int rc = kt_analyze(e->an, x.text, len, &x.an);
  if (rc) return rc;
  bool signals = !baseline && !(opts->flags & KT_SEARCH_NO_SIGNALS);

  size_t ntok = kt_analysis_count(x.an);
  bool *rejected = calloc(ntok + 1, sizeof *rejected);
  x.token_need = malloc((ntok + 1) * sizeof *x.token_need);
  x.q.q = calloc(MAX_QUERY_TERMS, sizeof *x.q.q);
  x.res = calloc(1, sizeof *x.res);
  filters fs;
  memset(&fs, 0, sizeof fs);
  ktx_hit *hits = NULL;
  char **feat = NULL; /* feedback features of the need */
  size_t nfeat = 0;
  cand *cs = NULL;
  size_t nhits = 0;
  wordmatch *wm = NULL;
  const char **mterms = NULL;
  if (!rejected || !x.token_need || !x.q.q || !x.res) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
  x.res->lang = kt__lang_code(x.lang);
  for (size_t i = 0; i < ntok; i++)
    x.token_need[i] = -1;
  const kt__ranking *rk = &e->rank;
  if (!baseline && (rc = kt__reading_read(x.an, x.text, &x.rd))) goto out;
  if (!baseline && (opts->flags & KT_SEARCH_NO_READING))
    for (size_t i = 0; i < ntok; i++) {
      if (x.rd.role[i] != KT__ROLE_REFUSED) x.rd.role[i] = x.rd.clause_role[i] = KT__ROLE_SITUATION;
      x.rd.generic[i] = false;
    }

  bool no_typos = (opts->flags & KT_SEARCH_NO_TYPO_FIX) || mostly_foreign(x.an);

  /* Needs: thesaurus concepts found by words that are not refused. A
   * denied mention ("ei ole velkoja") rules out a problem concept (`negated:
   * drop`) with its words; any other denied mention is a lack, and a lack is
   * the need ("ei tutkintoa", "ei rytmiä"): its words count. An entry that
   * starts at the negation ("ei puhu suomea") is the need as written. A
   * generic word alone finds nothing. */
  if (!baseline) {
    for (size_t i = 0; i < ntok; i++)
      rejected[i] = x.rd.role[i] == KT__ROLE_REFUSED;
    bool *denied = calloc(ntok + 1, sizeof *denied);
    if (!denied) {
      rc = kt__err(KT_ENOMEM, "cannot allocate the reading");
      goto out;
    }
    if (e->gen.thes) {
      /* A word under a negation is no weak word's context ("ei ole velkoja,
       * pelaa jalkapalloa" is not gambling); denied is then reused below. */
      for (size_t i = 0; i < ntok; i++)
        denied[i] = x.rd.role[i] == KT__ROLE_NEGATED;
      size_t nf = kt__thesaurus_find(e->gen.thes, x.an, rejected, denied, x.rd.clause, x.found,
                                     MAX_FOUND),
             kept = 0;
      memset(denied, 0, (ntok + 1) * sizeof *denied);
      for (size_t k = 0; k < nf; k++) {
        kt__found *f = &x.found[k];
        const kt__concept *c = kt__thesaurus_concept(e->gen.thes, f->concept);
        if (f->first == f->last && x.rd.generic[f->first]) continue;
        if (x.rd.role[f->first] == KT__ROLE_NEGATED && c->negated_drop) {
          /* The whole denial goes: "ei väkivaltaa kotona" says nothing
           * about being at home. */
          for (size_t i = 0; i < ntok; i++)
            if (x.rd.role[i] == KT__ROLE_NEGATED && x.rd.negator[i] == x.rd.negator[f->first])
              denied[i] = true;
          continue;
        }
        x.found[kept++] = *f;
      }
      x.nfound = kept;
    }
    size_t kept = 0;
    for (size_t k = 0; k < x.nfound; k++)
      if (!denied[x.found[k].first]) x.found[kept++] = x.found[k];
    x.nfound = kept;
    for (size_t i = 0; i < ntok; i++) {
      if (x.rd.role[i] == KT__ROLE_NEGATED && !denied[i]) x.rd.role[i] = x.rd.clause_role[i];
      rejected[i] = kt__role_silent(x.rd.role[i]);
    }
    free(denied);
  }

  kt__sigset set;
  memset(&set, 0, sizeof set);
  set.lang = x.lang;
  set.age_lo = set.age_hi = -1;
  if (signals && (rc = kt__signals_read(x.an, x.text, rejected, x.lang, &set, x.res))) goto out;
  /* Needs implied by the client's age (`age:` in the thesaurus): a
   * 17-year-old without a study place is under compulsory education though
   * no word says so. */
  if (signals && e->gen.thes && set.age_lo >= 0) {
    for (size_t c = 0; c < kt__thesaurus_count(e->gen.thes) && x.nfound < MAX_FOUND; c++) {
      const kt__concept *cp = kt__thesaurus_concept(e->gen.thes, c);
      if (cp->age_lo < 0 || set.age_lo < cp->age_lo || set.age_hi > cp->age_hi) continue;
      bool have = false;
      for (size_t k = 0; k < x.nfound && !have; k++)
      have = x.found[k].concept == c;
      if (!have) x.found[x.nfound++] = (kt__found){c, set.age_first, set.age_last, false};
    }
  }
  /* The words an age was read from stay in the query: "-vuotias" matches
   * the age limits written in services' conditions (measured: +0.9 pt nDCG). */

  /* 1. The need's own words, weighed by their role in the note. */
  for (size_t i = 0; i < ntok && !rc; i++) {
    const kt_token *t = kt_analysis_get(x.an, i);
    if (t->stopword || rejected[i]) continue;
    if (baseline) {
      char term[256], stem[240];
      if (opts->flags & KT_SEARCH_MODE_SURFACE) {
        snprintf(term, sizeof term, KT__PREFIX_SURFACE "%s", t->surface);
      } else {
        if ((rc = kt__analyzer_stem(e->an, t->surface, stem, sizeof stem))) break;
        snprintf(term, sizeof term, KT__PREFIX_SNOWBALL "%s", stem);
      }
      rc = add_qterm(&x.q, term, 1.0, i, -1, KT_TERM_LEMMA);
      continue;
    }
    double role = role_weight(rk, x.rd.role[i]) * (x.rd.generic[i] ? rk->generic_word : 1.0);
    for (size_t k = 0; k < t->term_count && !rc; k++) {
      int kind = t->terms[k].kind;
      if (kind == KT_TERM_PART && (opts->flags & KT_SEARCH_NO_COMPOUNDS)) continue;
      if (kind == KT_TERM_FIXED && (opts->flags & KT_SEARCH_NO_UMLAUT_FIX)) continue;
      if (kind == KT_TERM_TYPO && no_typos) continue;
      rc = add_qterm(&x.q, t->terms[k].text, term_weight(rk, kind) * role, i, -1, kind);
    }
  }
  if (rc) goto out;

  /* 2. Needs: the concepts' expansions, at the role of the words that found them. */
  if (!baseline && e->gen.thes) {
    for (size_t k = 0; k < x.nfound && !rc; k++) {
      const kt__concept *c = kt__thesaurus_concept(e->gen.thes, x.found[k].concept);
      for (size_t i = x.found[k].first; i <= x.found[k].last; i++)
        if (x.token_need[i] < 0) x.token_need[i] = (int)k;
      int r = x.rd.role[x.found[k].first];
      double role = r == KT__ROLE_BACKGROUND ? rk->role_background_concept : role_weight(rk, r);
      if (!(opts->flags & KT_SEARCH_NO_THESAURUS))
        for (size_t j = 0; j < c->nexp && !rc; j++) {
          double w = c->exp[j].weight * rk->expansion_scale *
                     (x.found[k].by_service ? rk->service_word_expansion : 1.0);
          if (w < rk->min_expansion_weight) continue;
          rc = add_qterm(&x.q, c->exp[j].term, w * role, x.found[k].first, (int)x.found[k].concept,
                         0);
        }
    }
  }
  if (rc) goto out;
  /* A concept of the client's past ("ollut kassalla") says nothing about
   * which groups the client belongs to now, except that one who migrated
   * ("muutti Suomeen 2015") still has. */
  if (signals) {
    for (size_t k = 0; k < x.nfound && !rc; k++) {
      const kt__concept *c = kt__thesaurus_concept(e->gen.thes, x.found[k].concept);
      for (size_t g = 0; g < c->ngroups; g++)
        set.migrated |= !strcmp(c->groups[g], "maahanmuuttajat");
      if (x.rd.role[x.found[k].first] == KT__ROLE_BACKGROUND) continue;
      for (size_t g = 0; g < c->ngroups && !rc; g++)
        rc = kt__signals_add_group(&set, x.res, c->groups[g], x.an, x.found[k].first,
                                   x.found[k].last);
    }
    if (!rc) rc = kt__signals_correct(&set, x.res, opts); /* the counsellor's corrections */
    if (rc) goto out;
  }

  /* Needs that retrieve: the target groups the note signals (age, long
   * unemployment, language, a concept's groups) join the query, so services
   * made for such a client are candidates even when no word matches them. */
  if (signals && rk->group_retrieval > 0)
    for (size_t g = 0; g < set.ngroups && !rc; g++) {
      char term[128];
      snprintf(term, sizeof term, KT__PREFIX_GROUP "%s", set.groups[g]);
      rc = add_qterm(&x.q, term, rk->group_retrieval, 0, -1, 0);
    }
  if (rc) goto out;

  /* Feedback features: for the store to learn from, or to rank with it. */
  bool use_fb = !baseline && e->fb && !(opts->flags & KT_SEARCH_NO_FEEDBACK);
  if ((feat_out || use_fb) && (rc = need_features(&x, rejected, &set, &feat, &nfeat))) goto out;
  if (features_only) goto done; /* feedback needs no ranking */

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
  ktx_qterm *xq = calloc(x.q.n, sizeof *xq);
  if (!xq) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
  size_t nxq = 0;
  if (!baseline && rk->retrieval_min_share > 0) {
    /* The largest BM25 part each term can add; the weakest are not retrieved by. */
    size_t ndocs_n = 0;
    if ((rc = ktx_db_doccount(e->gen.db, &ndocs_n))) {
      free(xq);
      goto out;
    }
    double ndocs = (double)ndocs_n, top = 0;
    double *bound = calloc(x.q.n, sizeof *bound);
    if (!bound) {
      free(xq);
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      goto out;
    }
    for (size_t i = 0; i < x.q.n; i++) {
      size_t dfn = 0;
      if ((rc = kt__gen_termfreq(&e->gen, x.q.q[i].term, &dfn))) break;
      double df = (double)dfn;
      bound[i] = df > 0 ? x.q.q[i].weight * log((ndocs - df + 0.5) / (df + 0.5) + 1.0) : 0;
      if (bound[i] > top) top = bound[i];
    }
    if (rc) {
      free(bound);
      free(xq);
      goto out;
    }
    for (size_t i = 0; i < x.q.n; i++)
      if (bound[i] >= rk->retrieval_min_share * top && bound[i] > 0)
        xq[nxq++] = (ktx_qterm){x.q.q[i].term, x.q.q[i].weight};
    free(bound);
  } else {
    for (size_t i = 0; i < x.q.n; i++)
      xq[nxq++] = (ktx_qterm){x.q.q[i].term, x.q.q[i].weight};
  }
  ktx_params params = {rk->bm25_k1, rk->bm25_b, 0.5};
  size_t depth = baseline ? limit : (limit > KT_RANK_RERANK_DEPTH ? limit : KT_RANK_RERANK_DEPTH);
  /* The baseline term spaces live in the evaluation index (same docids). */
  size_t all = 0;
  if (wide && (rc = ktx_db_doccount(e->gen.db, &all))) {
    free(xq);
    goto out;
  }
  rc = ktx_db_search(baseline ? e->gen.eval_db : e->gen.db, xq, nxq, wide ? NULL : fs.f,
                     wide ? 0 : fs.n, &params, wide ? all : depth, &hits, &nhits, &x.res->matches);
  free(xq);
  if (!rc && wide)
    rc = kt__browse_hits(e, opts, hits, &nhits, depth, &x.res->matches, &x.res->arena, facets);
  if (rc) goto out;
  /* Pseudo-relevance feedback (evaluated; off unless asked): the best terms
   * of the top results join the query at a low weight, and it runs again. */
  if (!baseline && (opts->flags & KT_SEARCH_PRF) && nhits >= KT_RANK_PRF_DOCS) {
    unsigned ids[KT_RANK_PRF_DOCS];
    for (size_t i = 0; i < KT_RANK_PRF_DOCS; i++)
      ids[i] = hits[i].docid;
    char **et = NULL;
    size_t ne = 0;
    if ((rc = ktx_db_expand(e->gen.db, ids, KT_RANK_PRF_DOCS, KT_RANK_PRF_TERMS, &et, &ne)))
      goto out;
    for (size_t i = 0; i < ne; i++) {
      if (!rc) rc = add_qterm(&x.q, et[i], rk->prf_weight, 0, -1, 0);
      free(et[i]);
    }
    free(et);
    if (rc) goto out;
    ktx_hits_free(hits, nhits);
    hits = NULL;
    nhits = 0;
    xq = calloc(x.q.n, sizeof *xq);
    if (!xq) {
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      goto out;
    }
    for (size_t i = 0; i < x.q.n; i++)
      xq[i] = (ktx_qterm){x.q.q[i].term, x.q.q[i].weight};
    rc = ktx_db_search(e->gen.db, xq, x.q.n, wide ? NULL : fs.f, wide ? 0 : fs.n, &params,
                       wide ? all : depth, &hits, &nhits, &x.res->matches);
    free(xq);
    if (!rc && wide)
      rc = kt__browse_hits(e, opts, hits, &nhits, depth, &x.res->matches, &x.res->arena, facets);
    if (rc) goto out;
  }

  size_t ndocs_n = 0;
  if ((rc = ktx_db_doccount(e->gen.db, &ndocs_n))) goto out;
  double ndocs = (double)ndocs_n;
  x.idf = calloc(x.q.n, sizeof *x.idf);
  x.terms = calloc(x.q.n, sizeof *x.terms);
  cs = calloc(nhits ? nhits : 1, sizeof *cs);
  wm = calloc(x.q.n, sizeof *wm);
  mterms = calloc(x.q.n, sizeof *mterms);
  if (!x.idf || !x.terms || !cs || !wm || !mterms) {
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
  }

  /* The need's own base forms (no parts, no expansions), sorted, to
   * recognise a text that names a service. */
  const char **direct = calloc(x.q.n + 1, sizeof *direct);
  size_t ndirect = 0;
  if (!direct) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
  for (size_t i = 0; i < x.q.n; i++) {
    int kind = x.q.q[i].kind;
    if (x.q.q[i].concept < 0 &&
        (kind == KT_TERM_LEMMA || kind == KT_TERM_FIXED || kind == KT_TERM_STEM))
      direct[ndirect++] = x.q.q[i].term;
  }
  qsort(direct, ndirect, sizeof *direct, cmp_str);

  /* 4. Signals re-score the candidates; a service the text names is lifted. */
  for (size_t h = 0; h < nhits && !rc; h++) {
    cs[h].hit = &hits[h];
    cs[h].score = hits[h].score;
    if ((rc = load_cand(&e->gen, &cs[h]))) break;
    if (!baseline) {
      if ((rc = read_name(e->an, cs[h].doc))) break;
      if (names_service(cs[h].doc, direct, ndirect)) {
        cs[h].score *= rk->name_boost;
        cs[h].named = true;
        cs[h].effects[cs[h].neffects++] = (kt_effect){
            kt__msg(x.lang, KT__M_NAME), kt__msg(x.lang, KT__M_R_NAMES), rk->name_boost};
      }
    }
    if (signals) {
      double factor = 1.0;
      cs[h].neffects +=
          kt__signals_apply(&set, cs[h].doc, rk, &x.res->arena, cs[h].effects + cs[h].neffects,
                            MAX_EFFECTS - cs[h].neffects, &factor);
      cs[h].score *= factor;
    }
  }
  free(direct);
  if (rc) goto out;
  if (!baseline && (rc = bound_evidence(&x, cs, nhits, rk))) goto out;
  if (!baseline && (rc = demote_past(&x, cs, nhits, rk))) goto out;
  /* Learned from referrals: a bounded lift that never carries a service
   * past one the need text names. */
  if (use_fb) {
    double best_named = 0;
    for (size_t h = 0; h < nhits; h++)
      if (cs[h].named && cs[h].score > best_named) best_named = cs[h].score;
    for (size_t h = 0; h < nhits; h++) {
      double f =
          kt__feedback_factor(e->fb, (const char *const *)feat, nfeat, cs[h].f[KT__D_ID], x.lang,
                              &x.res->arena, cs[h].effects, MAX_EFFECTS, &cs[h].neffects);
      double lifted = cs[h].score * f;
      if (f > 1 && !cs[h].named && best_named > 0 && lifted >= best_named)
        lifted = cs[h].score < best_named ? best_named * (1 - 1e-9) : cs[h].score;
      cs[h].score = lifted;
    }
  }
  qsort(cs, nhits, sizeof *cs, cmp_cand);

  /* 5. Spread over needs. */
  if (!baseline && x.nfound >= 2 && (opts->flags & KT_SEARCH_DIVERSIFY))
    if ((rc = diversify(&x, cs, nhits))) goto out;

  /* 6. Results and their explanations. */
  size_t count = nhits < limit ? nhits : limit;
  x.res->items = kt__arena_alloc(&x.res->arena, (count ? count : 1) * sizeof *x.res->items);
  if (!x.res->items) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
  for (size_t h = 0; h < count && !rc; h++) {
    kt_result *r = &x.res->items[h];
    if ((rc = explain(&x, &cs[h], r, wm, mterms))) break;
    /* Only weak words matched it, and it scores far below the best. */
    if (cs[h].weak && cs[h].score < KT_RANK_WEAK_SHARE * cs[0].score &&
        !(r->weak = weak_reason(&x.res->arena, cs[h].weak)))
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    /* Scores are distinct and falling per rank (TREC tools and users rely on it). */
    r->score = cs[h].score;
    /* 1e-6 apart at least: TREC runs print six decimals. */
    if (h > 0 && r->score > x.res->items[h - 1].score - 1e-6)
      r->score = x.res->items[h - 1].score - 1e-6;
    x.res->count = h + 1;
  }
  if (rc) goto out;
  if ((opts->flags & KT_SEARCH_GROUP_BY_NEED) && x.nfound && (rc = group_by_need(x.res))) goto out;

done:
  if ((rc = build_needs(&x))) goto out;
  *out = x.res;
  x.res = NULL;
out:
  if (!rc && feat_out) {
    *feat_out = feat;
    *nfeat_out = nfeat;
    feat = NULL;
    nfeat = 0;
  }
  kt__features_free(feat, nfeat);
  free(cs);
  free(wm);
  free(mterms);
  free(x.idf);
  free(x.terms);
  ktx_hits_free(hits, nhits);
  filters_free(&fs);
  for (size_t i = 0; x.q.q && i < x.q.n; i++)
    free(x.q.q[i].term);
  free(x.q.q);
  if (x.q.indexed) hdestroy_r(&x.q.index);
  free(rejected);
  free(x.token_need);
  kt_results_free(x.res);
  kt__reading_free(&x.rd);
  kt_analysis_free(x.an);
  return rc;
}
