/*
 * rerank.c — re-ranking of the retrieved candidates (steps 4 and 5 of
 * search.c): signals re-score them, a service the need names by its name is
 * lifted, no single loose word may carry most of a score (bounded
 * evidence), the client's past yields to the goal, the feedback store's
 * referrals lift, and results may be spread over the needs.
 */
#define _GNU_SOURCE
#include "rerank.h"

#include "analyze.h"
#include "docterms.h"
#include "explain.h"
#include "feedback.h"
#include "messages.h"
#include "query.h"
#include "schema.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A loose word (neither a concept's nor in the service's name) is "rare"
 * when at most this share of services use it: only such a word can carry
 * most of a score alone, so only its candidates are checked (ranking.h,
 * evidence_cap). */
#define RARE_SHARE 0.02
#define MAX_WORD_QTERMS 48 /* a word's own query terms (analyze.c's MAX_TERMS) */

/* The name's content words with their base forms, read once per document. */
static int read_name(kt_analyzer *an, kt__doc *d) {
  if (d->name_read) return KT_OK;
  kt_analysis *a = NULL;
  const char *name = d->f[KT__D_NAME];
  int rc = kt_analyze(an, name, strlen(name), &a);
  if (rc) return rc;
  size_t n = kt_analysis_count(a);
  d->name_words = calloc(n ? n : 1, sizeof *d->name_words);
  d->name_qualifier = calloc(n ? n : 1, sizeof *d->name_qualifier);
  int depth = 0; /* inside the name's parentheses */
  size_t at = 0;
  for (size_t i = 0; d->name_words && d->name_qualifier && i < n && !rc; i++) {
    const kt_token *t = kt_analysis_get(a, i);
    for (; at < t->start; at++)
      depth += name[at] == '(' ? 1 : name[at] == ')' && depth > 0 ? -1 : 0;
    if (t->stopword || !t->term_count) continue;
    /* A level or an abbreviation in parentheses ("Työelämän suomi (B1)",
     * "... ammatillinen kuntoutus (TEAK)") qualifies the name: a note names
     * the service without it. Not a word in parentheses: every word of
     * "Ansiopäiväraha (työttömyyskassat)" optional gave the allowance's name
     * to every note that tells of it (2880 notes: nDCG@10 -0.001), nor a
     * subtitle after a dash (+0.0001, one trap hit more). */
    bool code = false;
    for (size_t b = t->start; b < t->end && !code; b++)
      code = isdigit((unsigned char)name[b]);
    if (!code) {
      code = true;
      for (size_t b = t->start; b < t->end && code; b++)
        code = !islower((unsigned char)name[b]) && (unsigned char)name[b] < 0x80;
    }
    d->name_qualifier[d->n_name_words] = depth > 0 && code;
    kt__buf b;
    kt__buf_init(&b, 4096);
    rc = kt__buf_adds(&b, " ");
    /* The head of a hyphenated name ("Helsinki-lisä") is a part only. */
    bool head = kt__analysis_head(a, i);
    for (size_t k = 0; k < t->term_count && !rc; k++)
      if (t->terms[k].kind != KT_TERM_PART || head)
        rc = kt__buf_printf(&b, "%s ", t->terms[k].text);
    if (!rc)
      d->name_words[d->n_name_words++] = b.data;
    else
      kt__buf_free(&b);
  }
  kt_analysis_free(a);
  if (!d->name_words || !d->name_qualifier)
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  d->name_read = true;
  return rc;
}

/* Is one of the base forms of name word @p word (" form form ") in @p words
 * (sorted)? *@p place tells whether one of them is a municipality's name. */
static bool name_word_in(const char *word, const char *const *words, size_t nwords, bool *place) {
  char term[256];
  bool hit = false;
  *place = false;
  for (const char *p = word + 1; *p && !hit;) {
    const char *sp = strchr(p, ' ');
    size_t l = (size_t)(sp - p);
    if (l && l < sizeof term) {
      memcpy(term, p, l);
      term[l] = '\0';
      *place |= kt__signals_municipality(term);
      const char *key = term;
      hit = bsearch(&key, words, nwords, sizeof *words, kt__cmp_str) != NULL;
    }
    p = sp + 1;
  }
  return hit;
}

/* Does the need text name the service: is every content word of its name,
 * but a level or an abbreviation in parentheses (name_qualifier), among the
 * text's own words (by base form)? @p direct is sorted. */
static bool names_service(const kt__doc *d, const char *const *direct, size_t ndirect) {
  bool place, any = false;
  for (size_t w = 0; w < d->n_name_words; w++) {
    if (d->name_qualifier[w]) continue;
    if (!name_word_in(d->name_words[w], direct, ndirect, &place)) return false;
    any = true;
  }
  return any;
}

/* Do @p words (sorted base forms) name the service: every content word of
 * its name but a municipality among them? The words a note refuses ("ei
 * Ohjaamoa, nuorten työpajoja eikä nuorten urapalveluja"), or its past
 * ("järjesti kaupungin rekrytointitapahtumat"). */
static bool named_by(const kt__doc *d, const char *const *words, size_t nwords) {
  if (!d->n_name_words || !nwords) return false;
  size_t named = 0;
  for (size_t w = 0; w < d->n_name_words; w++) {
    bool place, hit = name_word_in(d->name_words[w], words, nwords, &place);
    if (place) continue;
    if (!hit) return false;
    named++;
  }
  return named > 0;
}

/* Is @p term (a base form) one of the forms of a word of the service's name? */
static bool name_has(const kt__doc *d, const char *term) {
  char key[256];
  if ((size_t)snprintf(key, sizeof key, " %s ", term) >= sizeof key) return false;
  for (size_t w = 0; w < d->n_name_words; w++)
    if (strstr(d->name_words[w], key)) return true;
  return false;
}

/* Is every content word of a keyword note (@p ncontent of them, at most
 * two) a word of the service's name, by a base form: "sairauspäiväraha" of
 * "Kelan sairauspäiväraha ja osasairauspäiväraha"? */
static bool keyword_in_name(const ctx *x, const kt__doc *d, size_t ncontent) {
  if (!ncontent || ncontent > 2 || !d->n_name_words) return false;
  for (size_t i = 0, n = kt_analysis_count(x->an); i < n; i++) {
    const kt_token *t = kt_analysis_get(x->an, i);
    if (t->stopword || !t->term_count) continue;
    bool in = false;
    for (size_t k = 0; k < t->term_count && !in; k++)
      in = t->terms[k].kind != KT_TERM_PART && name_has(d, t->terms[k].text);
    if (!in) return false;
  }
  return true;
}

/* Is token @p i in a clause with a verb in the past ("järjesti", "oli
 * työvalmentajana")? A clause read as background without one ("uus pomo
 * vaatii sähkötyöturvallisuuskortin") names nothing the client has used. */
static bool told_in_past(const ctx *x, size_t i) {
  size_t s = kt__reading_clause_start(&x->rd, i), e = kt__reading_clause_end(&x->rd, s);
  for (size_t j = s; j < e; j++) {
    unsigned m = kt__analysis_morph(x->an, j);
    if ((m & KT__MORPH_PAST) && (m & KT__MORPH_VERB)) return true;
  }
  return false;
}

/* Point candidate @p c at its cached document. */
static int load_cand(kt__gen *g, cand *c) {
  kt__doc *d = NULL;
  int rc = kt__gen_doc(g, c->hit->docid, &d);
  if (rc) return rc;
  c->f = d->f;
  c->doc = d;
  c->need = -1;
  return KT_OK;
}

/* Refused by the client (reading.c kt__reading_refused), not asked about. */
static bool refused_word(const ctx *x, size_t i) { return kt__reading_refused(x->an, &x->rd, i); }

/* A word of the client's past, told with a verb in the past. */
static bool past_word(const ctx *x, size_t i) {
  return x->rd.role[i] == KT__ROLE_BACKGROUND && !x->rd.generic[i] && told_in_past(x, i);
}

/* The base forms of the note's words that @p keep, sorted (malloc'ed; NULL
 * when out of memory); *@p n gets their count. None in a baseline search. */
static const char **word_forms(const ctx *x, bool (*keep)(const ctx *, size_t), size_t *n) {
  size_t ntok = kt_analysis_count(x->an);
  const char **out = calloc(ntok * 8 + 1, sizeof *out);
  *n = 0;
  for (size_t i = 0; out && !x->baseline && x->rd.role && i < ntok; i++) {
    if (!keep(x, i)) continue;
    const kt_token *t = kt_analysis_get(x->an, i);
    for (size_t k = 0; k < t->term_count && k < 8; k++)
      if (t->terms[k].kind == KT_TERM_LEMMA || t->terms[k].kind == KT_TERM_FIXED ||
          t->terms[k].kind == KT_TERM_STEM)
        out[(*n)++] = t->terms[k].text;
  }
  if (out) qsort(out, *n, sizeof *out, kt__cmp_str);
  return out;
}

/* The note's content words that have a base form: those a service's name
 * is matched against (names_service, keyword_in_name, kt__rerank_ask_named). */
static size_t named_words(const ctx *x) {
  size_t n = 0;
  for (size_t i = 0; i < kt_analysis_count(x->an); i++)
    n += !kt_analysis_get(x->an, i)->stopword && kt_analysis_get(x->an, i)->term_count > 0;
  return n;
}

int kt__rerank_score(ctx *x, cand *cs, ktx_hit *hits, size_t nhits) {
  kt_engine *e = x->e;
  const kt__ranking *rk = &e->rank;
  int rc = KT_OK;
  /* The need's own base forms (no parts, no expansions), sorted, to
   * recognise a text that names a service. */
  const char **direct = calloc(x->q.n + 1, sizeof *direct);
  size_t ndirect = 0;
  if (!direct) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t i = 0; i < x->q.n; i++) {
    int kind = x->q.q[i].kind;
    /* Another person's matter names no service for the client ("vaimo sai
     * juuri starttirahan"). */
    size_t w = x->q.q[i].word;
    if (!x->baseline && w < kt_analysis_count(x->an) && x->rd.role &&
        (x->rd.role[w] == KT__ROLE_ASIDE || x->rd.role[w] == KT__ROLE_BACKGROUND))
      continue;
    /* ... and the head of a hyphenated word ("Helsinki-lisä": "lisä"). */
    bool head = kind == KT_TERM_PART && w < kt_analysis_count(x->an) &&
                kt__analysis_head(x->an, w) && !strchr(x->q.q[i].term, ' ');
    if (x->q.q[i].concept < 0 &&
        (kind == KT_TERM_LEMMA || kind == KT_TERM_FIXED || kind == KT_TERM_STEM || head))
      direct[ndirect++] = x->q.q[i].term;
  }
  qsort(direct, ndirect, sizeof *direct, kt__cmp_str);
  /* The words of what the client refuses ("ei halua nuorten palveluihin: ei
   * Ohjaamoa ...") and of the client's past ("järjesti lomajärjestölle
   * tuettuja lomia"), by base form. */
  size_t nrefused = 0, npast = 0;
  const char **refused = word_forms(x, refused_word, &nrefused);
  const char **past = word_forms(x, past_word, &npast);
  if (!refused || !past) {
    free(direct);
    free(refused);
    free(past);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }

  size_t ncontent = named_words(x);

  /* Signals re-score the candidates; a service the text names is lifted. */
  for (size_t h = 0; h < nhits && !rc; h++) {
    cs[h].hit = &hits[h];
    cs[h].score = hits[h].score;
    if ((rc = load_cand(&e->gen, &cs[h]))) break;
    if (!x->baseline) {
      if ((rc = read_name(e->an, cs[h].doc))) break;
      if (rk->demote_refused_named < 1.0 && named_by(cs[h].doc, refused, nrefused)) {
        cs[h].score *= rk->demote_refused_named;
        cs[h].effects[cs[h].neffects++] =
            (kt_effect){kt__msg(x->lang, KT__M_REFUSED_NAMED),
                        kt__msg(x->lang, KT__M_R_REFUSED_NAMED), rk->demote_refused_named};
      } else if (rk->demote_past_named < 1.0 && named_by(cs[h].doc, past, npast) &&
                 !names_service(cs[h].doc, direct, ndirect)) {
        /* Named only in the client's past: a service the client worked in
         * or has used, not one to refer to. */
        cs[h].score *= rk->demote_past_named;
        cs[h].effects[cs[h].neffects++] =
            (kt_effect){kt__msg(x->lang, KT__M_BACKGROUND), kt__msg(x->lang, KT__M_R_PAST_NAMED),
                        rk->demote_past_named};
      } else if (names_service(cs[h].doc, direct, ndirect)) {
        cs[h].score *= rk->name_boost;
        cs[h].named = true;
        cs[h].named_score = cs[h].score;
        cs[h].name_effect = cs[h].neffects;
        cs[h].effects[cs[h].neffects++] = (kt_effect){
            kt__msg(x->lang, KT__M_NAME), kt__msg(x->lang, KT__M_R_NAMES), rk->name_boost};
      } else if (rk->part_name_boost > 1.0 && keyword_in_name(x, cs[h].doc, ncontent)) {
        cs[h].score *= rk->part_name_boost;
        cs[h].name_holds = true;
        cs[h].effects[cs[h].neffects++] = (kt_effect){
            kt__msg(x->lang, KT__M_NAME), kt__msg(x->lang, KT__M_R_NAMES), rk->part_name_boost};
      }
    }
    if (x->signals) {
      double factor = 1.0;
      cs[h].neffects +=
          kt__signals_apply(&x->set, cs[h].doc, rk, &x->res->arena, cs[h].effects + cs[h].neffects,
                            MAX_EFFECTS - cs[h].neffects, &factor);
      cs[h].score *= factor;
    }
  }
  /* A note that is a service's name and nothing else ("Työmarkkinatori")
   * asks for that service: it leads, above one its concept's expansion
   * lifts ("Duunitori"). */
  double top = 0;
  for (size_t h = 0; h < nhits && !rc; h++)
    if (cs[h].score > top) top = cs[h].score;
  for (size_t h = 0; h < nhits && !rc && ncontent; h++)
    if (cs[h].named && cs[h].doc->n_name_words == ncontent && cs[h].score < top) {
      double was = cs[h].score;
      cs[h].score = top * (1 + 1e-6);
      for (size_t k = 0; k < cs[h].neffects; k++)
        if (cs[h].effects[k].signal == kt__msg(x->lang, KT__M_NAME))
          cs[h].effects[k].factor *= cs[h].score / was;
    }
  free(direct);
  free(refused);
  free(past);
  return rc;
}

int kt__rerank_cmp(const void *a, const void *b) {
  double x = ((const cand *)a)->score, y = ((const cand *)b)->score;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* Greedy spread over needs: each pick's score is discounted by how many
 * results of the same need are already above it. */
int kt__rerank_diversify(ctx *x, cand *cs, size_t nc) {
  size_t depth = nc < KT_RANK_DIVERSIFY_DEPTH ? nc : KT_RANK_DIVERSIFY_DEPTH;
  int rc = KT_OK;
  for (size_t i = 0; i < depth && !rc; i++)
    if (!(rc = kt__explain_masks(x, &cs[i]))) cs[i].need = kt__explain_main_need(x, &cs[i]);
  if (rc) return rc;
  size_t *taken = calloc(x->nfound + 1, sizeof *taken);
  if (!taken) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t pos = 0; pos < depth; pos++) {
    size_t best = pos;
    double bs = -1;
    for (size_t i = pos; i < depth; i++) {
      /* By the note's own evidence: the learned priors order only what
       * follows the first results, and lift nothing into them here either. */
      double own = cs[i].prior > 0 ? cs[i].score / cs[i].prior : cs[i].score;
      double s =
          own * (cs[i].need >= 0 ? pow(KT_RANK_DIVERSIFY_DECAY, (double)taken[cs[i].need]) : 1.0);
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

/* The note's words that are not stopwords. */
static size_t content_words(const ctx *x) {
  size_t n = 0;
  for (size_t i = 0; i < kt_analysis_count(x->an); i++)
    n += !kt_analysis_get(x->an, i)->stopword;
  return n;
}

int kt__rerank_bound_evidence(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->evidence_cap >= 1.0) return KT_OK;
  if (content_words(x) < 3) return KT_OK; /* a one- or two-word need is all loose words */
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
    if (t->concept >= 0 || !t->kind || t->kind == KT_TERM_PART) continue;
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
    /* A word that found a concept is exempt where the service is about that
     * concept (holds one of its specific expansion terms, used by at most
     * RARE_SHARE of the services), not where it only shares the word
     * ("sydäninfarkti" in a first-aid course that says "sairaus"). */
    int need = x->token_need[word[h] - 1];
    if (need >= 0) {
      const char *et[MAX_WORD_QTERMS];
      unsigned ewdf[MAX_WORD_QTERMS];
      size_t ne = 0;
      for (size_t i = 0; !rc && i < x->q.n && ne < MAX_WORD_QTERMS; i++) {
        size_t edf = 0;
        if (x->q.q[i].concept != (int)x->found[need].concept) continue;
        if ((rc = kt__gen_termfreq(&x->e->gen, x->q.q[i].term, &edf))) break;
        if (edf && edf <= max_df) et[ne++] = x->q.q[i].term;
      }
      if (rc) break;
      if ((rc = ktx_db_doc_wdf(db, cs[h].hit->docid, et, ne, ewdf, &dl))) break;
      bool about = false;
      for (size_t k = 0; k < ne && !about; k++)
        about = ewdf[k] > 0;
      if (about) {
        part[h] = 0;
        continue;
      }
    }
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
      snprintf(reason, sizeof reason, kt__msg(x->lang, KT__M_R_ONE_WORD), share * 100);
      c->effects[c->neffects++] = (kt_effect){kt__msg(x->lang, KT__M_ONE_WORD),
                                              kt__arena_strdup(&x->res->arena, reason), f};
    }
  }
  free(part);
  free(word);
  free(post);
  return rc;
}

/* The docid of the service @p id, or 0 when the index has none. */
static int docid_of(ktx_db *db, const char *id, unsigned *docid) {
  char term[300];
  snprintf(term, sizeof term, KT__PREFIX_ID "%s", id);
  size_t n = 0;
  *docid = 0;
  return ktx_db_postings(db, term, docid, 1, &n);
}

/* Is the note a topic (fewer than KT_RANK_TOPIC_WORDS words), not a
 * client's situation? */
static bool topic_note(const ctx *x) { return kt_analysis_count(x->an) < KT_RANK_TOPIC_WORDS; }

/* Read service @p id, which retrieval did not find, as candidate *@p c with
 * hit *@p hit; c->doc stays NULL when the index has no such service. */
static int read_unretrieved(kt__gen *g, const char *id, ktx_hit *hit, cand *c) {
  unsigned docid = 0;
  *c = (cand){0};
  int rc = docid_of(g->db, id, &docid);
  if (rc || !docid) return rc;
  *hit = (ktx_hit){docid, 0};
  c->hit = hit;
  return load_cand(g, c);
}

/* Do the note's signals speak against the service (an age, a language)? */
static bool signals_against(ctx *x, const kt__doc *d, const kt__ranking *rk) {
  double factor = 1.0;
  if (x->signals) kt__signals_apply(&x->set, d, rk, &x->res->arena, NULL, 0, &factor);
  return factor < 1.0;
}

int kt__rerank_suggest(ctx *x, cand *cs, size_t *nc, ktx_hit *extra, bool filtered,
                       const kt__ranking *rk) {
  kt__gen *g = &x->e->gen;
  if (!g->concept_useful || rk->suggest_share > 1 || filtered || !x->rd.role || !g->thes)
    return KT_OK;
  size_t top = *nc < 10 ? *nc : 10;
  char best_id[256] = "";
  unsigned bu = 0, bn = 0;
  double best = 0;
  const kt__concept *bc = NULL;
  for (size_t k = 0; k < x->nfound; k++) {
    if (kt__role_public(x->rd.role[kt__query_found_word(x, &x->found[k])]) == KT_ROLE_BACKGROUND)
      continue;
    const kt__concept *c = kt__thesaurus_concept(g->thes, x->found[k].concept);
    char key[300], *v = NULL;
    snprintf(key, sizeof key, KT__CONCEPT_USEFUL_KEY "%s", c->id);
    int rc = kt__store_get(g->store, key, &v, NULL);
    if (rc == KT_ENOTFOUND) {
      kt__err_clear();
      continue;
    }
    if (rc) return rc;
    char *save = NULL;
    for (char *t = strtok_r(v, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
      char id[256];
      unsigned u, n;
      if (sscanf(t, "%255s %u %u", id, &u, &n) != 3 || n < KT_RANK_SUGGEST_MIN_NOTES) continue;
      double share = (double)u / n;
      if (share < rk->suggest_share || share <= best) continue;
      bool shown = false;
      for (size_t h = 0; h < top && !shown; h++)
        shown = !strcmp(cs[h].f[KT__D_ID], id);
      if (shown) continue;
      snprintf(best_id, sizeof best_id, "%s", id);
      best = share, bu = u, bn = n, bc = c;
    }
    free(v);
  }
  if (!bc) return KT_OK;
  /* Further down the list, or not retrieved: then read it as a candidate. */
  size_t from = *nc;
  for (size_t h = top; h < *nc && from == *nc; h++)
    if (!strcmp(cs[h].f[KT__D_ID], best_id)) from = h;
  cand c;
  if (from < *nc) {
    c = cs[from];
  } else {
    int rc = read_unretrieved(g, best_id, extra, &c);
    if (rc || !c.doc) return rc;
  }
  /* Not where the note's signals speak against it. */
  if (signals_against(x, c.doc, rk)) return KT_OK;
  if (from < *nc) {
    memmove(&cs[from], &cs[from + 1], (*nc - from - 1) * sizeof *cs);
    (*nc)--;
  }
  size_t at = KT_RANK_SUGGEST_AT - 1 < *nc ? KT_RANK_SUGGEST_AT - 1 : *nc;
  c.score = at < *nc ? cs[at].score : (at ? cs[at - 1].score : 0);
  c.suggested = true;
  if (c.neffects < MAX_EFFECTS && !(x->flags & KT_SEARCH_NO_EXPLAIN)) {
    const char *code = NULL, *label = kt__explain_concept_label(bc, x->lang, &code);
    char *why = kt__arena_alloc(&x->res->arena, 256);
    if (!why) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    snprintf(why, 256, kt__msg(x->lang, KT__M_R_SUGGEST), bu, bn, label);
    c.effects[c.neffects++] = (kt_effect){kt__msg(x->lang, KT__M_SUGGEST), why, 1.0};
  }
  memmove(&cs[at + 1], &cs[at], (*nc - at) * sizeof *cs);
  cs[at] = c;
  (*nc)++;
  return KT_OK;
}

int kt__rerank_related(ctx *x, cand *cs, size_t *nc, ktx_hit *extra, bool filtered,
                       const kt__ranking *rk) {
  if (rk->related_share <= 0 || filtered || !*nc || !(cs[0].named || cs[0].name_holds) ||
      !x->rd.role || !topic_note(x))
    return KT_OK;
  kt__gen *g = &x->e->gen;
  int rc = kt__explain_texts(x->e, cs[0].doc, cs[0].f[KT__D_ID]);
  if (rc) return rc;
  double top = cs[0].score;
  const kt__doc *named = cs[0].doc;
  size_t nextra = 0;
  for (size_t j = 0; j < KT_RANK_RELATED_MAX && j < named->nrelated; j++) {
    const char *id = named->related[j];
    /* In the catalogue's order, each a little below the one before. */
    double floor = top * rk->related_share * (1.0 - 0.01 * (double)j);
    if (!strcmp(id, cs[0].f[KT__D_ID])) continue; /* itself */
    size_t h = 1;
    while (h < *nc && strcmp(cs[h].f[KT__D_ID], id))
      h++;
    /* Not retrieved: read it as a candidate, unless the note's signals speak
     * against it (an age, a language). A retrieved one is lifted as it is:
     * asking its signals too changed 28 of 2880 notes, nDCG@10 -0.00006. */
    if (h == *nc) {
      if ((rc = read_unretrieved(g, id, &extra[nextra], &cs[h]))) return rc;
      if (!cs[h].doc || signals_against(x, cs[h].doc, rk)) continue;
      nextra++;
      (*nc)++;
    }
    /* Moved up before the first result that scores under the floor; the
     * rest keep their order (the priors ordered them below the top few). */
    size_t at = 1;
    while (at < h && cs[at].score >= floor)
      at++;
    if (at == h) continue;
    cand c = cs[h];
    c.score = floor;
    c.related = true;
    if (c.neffects < MAX_EFFECTS && !(x->flags & KT_SEARCH_NO_EXPLAIN)) {
      char *why = kt__arena_alloc(&x->res->arena, 512);
      if (!why) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      snprintf(why, 512, kt__msg(x->lang, KT__M_R_RELATED), cs[0].f[KT__D_NAME]);
      c.effects[c.neffects++] = (kt_effect){kt__msg(x->lang, KT__M_RELATED), why, 1.0};
    }
    memmove(&cs[at + 1], &cs[at], (h - at) * sizeof *cs);
    cs[at] = c;
  }
  return KT_OK;
}

/* Does candidate @p c hold a term with evidence of a need: a concept's
 * expansion, or a word of the note that is not generic? A target group term
 * (no word of the note) and a generic word are none. */
static bool founded(const ctx *x, const cand *c) {
  if (c->named || c->suggested || c->related) return true;
  for (size_t i = 0; i < x->q.n; i++) {
    const qterm *t = &x->q.q[i];
    if (!c->masks[i] || (t->concept < 0 && !t->kind)) continue;
    if (t->concept >= 0 || !x->rd.role || !x->rd.generic[t->word]) return true;
  }
  return false;
}

int kt__rerank_drop_unfounded(ctx *x, cand *cs, size_t *nc, size_t limit) {
  if (!x->rd.role || content_words(x) < 3) return KT_OK;
  /* Only a query with a generic word or a group term can find a service
   * without evidence: otherwise no candidate's fields need reading. */
  bool weak = false;
  for (size_t i = 0; i < x->q.n && !weak; i++) {
    const qterm *t = &x->q.q[i];
    weak = (t->concept < 0 && !t->kind) || (t->concept < 0 && x->rd.generic[t->word]);
  }
  if (!weak) return KT_OK;
  size_t kept = 0;
  for (size_t h = 0; h < *nc && kept < limit; h++) {
    int rc = kt__explain_masks(x, &cs[h]);
    if (rc) return rc;
    if (!founded(x, &cs[h])) continue;
    if (h != kept) { /* in order: the founded ones keep their ranks */
      cand c = cs[h];
      memmove(&cs[kept + 1], &cs[kept], (h - kept) * sizeof *cs);
      cs[kept] = c;
    }
    kept++;
  }
  if (kept < limit) *nc = kept;
  return KT_OK;
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

/* The idf of every query term (x->idf), as the explanation's shares use. */
static int query_idf(ctx *x) {
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
  return KT_OK;
}

int kt__rerank_demote_past(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->demote_past >= 1.0 || !goal_and_past(x)) return KT_OK;
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  int src = query_idf(x);
  if (src) return src;
  for (size_t h = 0; h < depth; h++) {
    cand *c = &cs[h];
    int rc = kt__explain_masks(x, c);
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
      char reason[128];
      snprintf(reason, sizeof reason, kt__msg(x->lang, KT__M_R_PAST_FIELD), past / total * 100);
      c->effects[c->neffects++] =
          (kt_effect){kt__msg(x->lang, KT__M_BACKGROUND), kt__arena_strdup(&x->res->arena, reason),
                      rk->demote_past};
    }
  }
  return KT_OK;
}

/* Cues that the client holds a trade: a degree finished, experience,
 * training received (surface beginnings). "valmis" also means ready
 * ("valmis töihin"), so it counts only next to the field's words: "valmis
 * lähihoitaja", "logistiikka-amis valmis". */
static const char *const qualified_cues[] = {"valmistu",   "kokemu",    "koulutettu", "pätevyy",
                                             "experience", "qualified", "erfaren",    NULL};

/* Experience gained abroad is no Finnish qualification ("hitsaus kokemusta
 * kotimaasta"), nor is a field the note says the client lacks papers for. */
static const char *const abroad[] = {"kotimaa", "ulkomai", "abroad", "utomlands", NULL};
static const char *const papers[] = {"pätevyy", "tutkin", "todistu", "papere", "kortti", NULL};

static const char *const degree_words[] = {"tutkin", "amis", "examen", "degree", NULL};

/* Is found concept @p f a trade the client holds? */
static bool qualified_in(const ctx *x, const kt__found *f) {
  size_t n = kt_analysis_count(x->an), cl = x->rd.clause[f->first];
  /* Going on in the trade ("haluaa jatkaa kokkina", "jatkaisi
   * siivoojana"): the goal is work in a trade the client has. */
  if (kt__analysis_morph(x->an, f->last) & KT__MORPH_ESSIVE)
    for (size_t i = 0; i < f->first && i < n; i++)
      if (x->rd.clause[i] == cl &&
          kt__token_starts_any(kt_analysis_get(x->an, i),
                               (const char *const[]){"jatka", "jatkais", NULL}))
        return true;
  if (x->rd.clause_role[f->first] == KT__ROLE_GOAL) return false;
  for (size_t i = 0; i < n; i++) {
    const kt_token *t = kt_analysis_get(x->an, i);
    if (x->rd.clause[i] == cl && kt__token_starts_any(t, abroad)) return false;
    if (x->rd.role[i] == KT__ROLE_NEGATED && kt__token_starts_any(t, papers)) return false;
  }
  /* Years in a role held ("vartijana 7v", "siivoojana 15 vuotta"). */
  bool years = false, role = false;
  for (size_t i = 0; i < n; i++) {
    if (x->rd.clause[i] != cl) continue;
    const kt_token *t = kt_analysis_get(x->an, i);
    role |= !t->stopword && (kt__analysis_morph(x->an, i) & KT__MORPH_ESSIVE);
    years |= kt__token_years(x->an, i) > 0;
  }
  if (years && role && x->rd.clause_role[f->first] != KT__ROLE_GOAL) return true;
  /* The client named by a trade beside the age: "38v IT-tukihenkilö",
   * "kirjanpitäjä 50v", "Sairaanhoitaja 52v". */
  if (x->signals && x->set.age_lo >= 0 && x->set.age_first < n) {
    size_t a0 = x->set.age_first, a1 = x->set.age_last;
    bool beside = f->first == a1 + 1 || f->last + 1 == a0;
    /* ... or after the client and where from, in the note's opening words:
     * "61v nainen, siivooja", "33v mies Bangladeshista, siivooja". */
    static const char *const clients[] = {"mies", "nainen", "man",  "kvinna", "woman",
                                          "äijä", "mimmi",  "jäbä", NULL};
    for (size_t i = a1 + 1, k = 0; !beside && a0 <= 1 && i < n && i < f->first && k < 2; i++, k++)
      if (kt__token_is_any(kt_analysis_get(x->an, i), clients) ||
          (kt__analysis_morph(x->an, i) & KT__MORPH_PLACE))
        beside = i + 1 == f->first;
      else
        break;
    unsigned m = kt__analysis_morph(x->an, f->last);
    if (beside && (m & KT__MORPH_NOUN) && (m & KT__MORPH_NOMINATIVE) && !(m & KT__MORPH_VERB) &&
        x->rd.role[f->last] != KT__ROLE_NEGATED && kt__token_trade(kt_analysis_get(x->an, f->last)))
      return true;
  }
  /* A degree said to be held: "lähihoitajan tutkinto on jo", "amis on". */
  bool degree = false, has = false, neg = false;
  for (size_t i = 0; i < n; i++) {
    if (x->rd.clause[i] != cl) continue;
    const kt_token *t = kt_analysis_get(x->an, i);
    degree |= kt__token_starts_any(t, degree_words);
    has |= kt__token_is_any(t, (const char *const[]){"on", "jo", "löytyy", "har", "has", NULL});
    neg |= kt__token_negates(t) || x->rd.role[i] == KT__ROLE_NEGATED;
  }
  if (degree && has && !neg) return true;
  /* A degree named as the client's, in the nominative ("logistiikan
   * perustutkinto ja trukkikortti"), unless it is lacking or unfinished. */
  bool named = false, lacking = false;
  for (size_t i = 0; i < n; i++) {
    if (x->rd.clause[i] != cl) continue;
    const kt_token *t = kt_analysis_get(x->an, i);
    named |= (kt__token_starts_any(t, degree_words) || strstr(t->surface, "tutkinto")) &&
             (kt__analysis_morph(x->an, i) & KT__MORPH_NOMINATIVE);
    lacking |= kt__token_starts_any(t, (const char *const[]){"ilman", "puuttu", "kesken", "keskeyt",
                                                             "suorittamat", "without", "missing",
                                                             "utan", NULL});
  }
  /* Only in a note that tells (a verb somewhere): a list of keywords names
   * what it asks for ("yrittäjän ammattitutkinto oppisopimuksella"). */
  bool tells = false;
  for (size_t i = 0; i < n && named && !tells; i++) {
    unsigned m = kt__analysis_morph(x->an, i);
    tells = (m & KT__MORPH_VERB) && !(m & KT__MORPH_NOUN);
  }
  if (named && tells && !lacking && !neg) return true;
  for (size_t i = 0; i < n; i++) {
    if (x->rd.clause[i] != cl) continue;
    const kt_token *t = kt_analysis_get(x->an, i);
    /* A cue that is the concept's own word is no trade held: "lasketaanko
     * kokemus mukaan" asks for experience to be recognised. */
    if (kt__token_starts_any(t, qualified_cues) && (i < f->first || i > f->last)) return true;
    if (strcmp(t->surface, "valmis")) continue;
    if (i > f->last && i <= f->last + 2) return true; /* "amis valmis", "logistiikka-amis valmis" */
    if (i + 1 == f->first) { /* "valmis lähihoitaja": the field in its base form */
      const kt_token *field = kt_analysis_get(x->an, f->first);
      for (size_t k = 0; k < field->term_count; k++)
        if (field->terms[k].kind == KT_TERM_LEMMA && !strcmp(field->terms[k].text, field->surface))
          return true;
    }
  }
  return false;
}

/* The idf of a term in at most about 5 % of the services. */
#define QUALIFIED_SPECIFIC_IDF 3.0

int kt__rerank_demote_qualified(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->demote_qualified >= 1.0 || !x->nfound) return KT_OK;
  bool held[MAX_FOUND] = {false}, any = false;
  /* "kirvesmies, osaaminen kunnossa": the trade named outside the goal is
   * held when the note says the client's skills are in order. */
  for (size_t k = 0; k < x->nfound; k++) {
    /* Where it was first told, if a later mention now speaks for it. */
    kt__found told = x->found[k];
    told.first = told.told_first;
    told.last = told.told_last;
    any |= held[k] = qualified_in(x, &x->found[k]) ||
                     (told.first != x->found[k].first && qualified_in(x, &told)) ||
                     (x->rd.skills_fine && x->rd.clause_role[x->found[k].first] != KT__ROLE_GOAL &&
                      x->rd.role[x->found[k].first] != KT__ROLE_REFUSED);
  }
  /* The concepts the goal finds, read once for both rules below, and only
   * when one of them can use them: a trade of the past not held, or a goal
   * that asks for study (finding needs is the costliest step). */
  kt__found gf[MAX_FOUND];
  size_t ng = 0;
  bool use = any && x->rd.wants_study;
  for (size_t k = 0; k < x->nfound && !use; k++)
    use = !held[k] && x->rd.role[kt__query_found_word(x, &x->found[k])] == KT__ROLE_BACKGROUND;
  if (x->e->gen.thes && use) {
    size_t n = kt_analysis_count(x->an);
    bool *skip = calloc(n + 1, sizeof *skip);
    if (!skip) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    for (size_t i = 0; i < n; i++)
      skip[i] = x->rd.role[i] != KT__ROLE_GOAL;
    ng = kt__thesaurus_find(x->e->gen.thes, x->an, skip, NULL, x->rd.clause, gf, MAX_FOUND, NULL);
    free(skip);
  }
  /* A trade of the past left for another named as the goal ("hitsaaja 9
   * vuotta ..., haluaa IT-tukeen", "Myyjänä kymmenen vuotta; haluaa
   * vartijaksi"): its training is what the client has, not what the note
   * asks. The goal must find a concept of its own. */
  for (size_t k = 0; k < x->nfound && ng; k++) {
    if (held[k] || x->rd.role[kt__query_found_word(x, &x->found[k])] != KT__ROLE_BACKGROUND)
      continue;
    bool also_goal = false;
    for (size_t g = 0; g < ng && !also_goal; g++)
    also_goal = gf[g].concept == x->found[k].concept;
    any |= held[k] = !also_goal;
  }
  /* A goal that asks for study keeps training in the field the goal names
   * ("valmis lähihoitaja, haluaa opiskella erikoistumaan kotihoitoon"), not
   * in the one held and left ("haluaa opiskella sairaanhoitajaksi,
   * lähihoitajan tutkinto on jo"). */
  if (any && x->rd.wants_study) {
    any = false;
    for (size_t k = 0; k < x->nfound; k++) {
      for (size_t g = 0; g < ng && held[k]; g++)
      held[k] = gf[g].concept != x->found[k].concept;
      any |= held[k];
    }
  }
  if (!any) return KT_OK;
  int src = query_idf(x);
  if (src) return src;
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  for (size_t h = 0; h < depth; h++) {
    cand *c = &cs[h];
    const char *cat = c->f[KT__D_CAT];
    if (!cat || strcmp(cat, "koulutus")) continue;
    int rc = kt__explain_masks(x, c);
    if (rc) return rc;
    double trade = 0, total = 0, asked = 0;
    /* A specific service word of the trade matched, not only the note's
     * word or a word every training has ("perustutkinto"). */
    bool about = false;
    for (size_t i = 0; i < x->q.n; i++) {
      const qterm *t = &x->q.q[i];
      if (!c->masks[i] || (t->concept < 0 && !t->kind)) continue;
      double s = x->idf[i] * t->weight;
      total += s;
      bool of_trade = false;
      for (size_t k = 0; k < x->nfound && !of_trade; k++)
        if (held[k] && ((t->concept >= 0 && (size_t)t->concept == x->found[k].concept) ||
                        (t->word >= x->found[k].first && t->word <= x->found[k].last))) {
          about |= t->concept >= 0 && x->idf[i] >= QUALIFIED_SPECIFIC_IDF;
          trade += s;
          of_trade = true;
        }
      /* What the note asks for by a specific word of its own that names the
       * service ("varastotyöntekijä ... pyytää trukkikorttia"): the training
       * is the request, not the trade. (A goal of study has had its say
       * above.) */
      if (!of_trade && !x->rd.wants_study && t->concept < 0 && t->word < kt_analysis_count(x->an) &&
          x->idf[i] >= QUALIFIED_SPECIFIC_IDF && (c->masks[i] & KT_FIELD_NAME) &&
          (x->rd.role[t->word] == KT__ROLE_GOAL || x->rd.role[t->word] == KT__ROLE_SITUATION))
        asked += s;
    }
    if (!about || total <= 0 || trade / total <= rk->qualified_share || asked >= trade) continue;
    c->score *= rk->demote_qualified;
    if (c->neffects < MAX_EFFECTS)
      c->effects[c->neffects++] =
          (kt_effect){kt__msg(x->lang, KT__M_QUALIFIED), kt__msg(x->lang, KT__M_R_QUALIFIED),
                      rk->demote_qualified};
  }
  return KT_OK;
}

void kt__rerank_demote_held(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->demote_held >= 1.0 || !x->rd.held) return;
  /* The words that name a held card, read once: the card's own base form
   * ("trukkikortti") for any service, and for a course also the trade the
   * card is of ("vartijakortti": "Vartijan peruskoulutus"). */
  static const char *const card_heads[] = {"kortti", "passi", "lupa", NULL};
  enum { MAX_HELD = 16 };
  const char *word[MAX_HELD];
  bool course_only[MAX_HELD];
  size_t nw = 0, n = kt_analysis_count(x->an);
  for (size_t i = 0; i < n; i++) {
    if (!x->rd.held[i]) continue;
    const kt_token *t = kt_analysis_get(x->an, i);
    for (size_t k = 0; k < t->term_count && nw < MAX_HELD; k++) {
      const char *w = t->terms[k].text;
      bool part = t->terms[k].kind == KT_TERM_PART;
      bool head = false;
      for (size_t c = 0; card_heads[c] && !head; c++)
        head = !strcmp(w, card_heads[c]);
      if (part && (head || kt__generic_term(w))) continue;
      word[nw] = w;
      course_only[nw++] = part;
    }
  }
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  for (size_t h = 0; nw && h < depth; h++) {
    if (!cs[h].doc->name_read) continue;
    const char *cat = cs[h].f[KT__D_CAT];
    bool course = cat && !strcmp(cat, "koulutus"), names = false;
    for (size_t w = 0; w < nw && !names; w++)
      names = (course || !course_only[w]) && in_name(cs[h].doc, word[w]);
    if (!names) continue;
    cs[h].score *= rk->demote_held;
    if (cs[h].neffects < MAX_EFFECTS)
      cs[h].effects[cs[h].neffects++] = (kt_effect){
          kt__msg(x->lang, KT__M_HELD), kt__msg(x->lang, KT__M_R_HELD), rk->demote_held};
  }
}

/* Does @p text (@p len bytes, one sentence) hold a word starting with @p
 * term's stem (its first letters, enough for inflection: "ajokortti" in
 * "B-ajokortin") that no word next to it denies ("ajokorttia ei tarvita",
 * "ilman lähetettä", "ei edellytä ajokorttia")? */
static bool has_stem(const char *text, size_t len, const char *term) {
  /* Enough for inflection and gradation: "liitto" in "liitossa", "jäsenyys" in
   * "jäsenyyttä"; a word of five bytes or more also inside a compound ("kassa"
   * in "työttömyyskassan"). */
  size_t tl = strlen(term), stem = tl >= 8 ? tl - 3 : tl > 5 ? tl - 2 : tl > 4 ? 4 : tl;
  bool inside = tl >= 5;
  static const char *const denials[] = {"ei", "eikä", "ilman", "eivät", NULL};
  for (size_t b = 0; b + stem <= len; b++) {
    if ((b > 0 && !inside && !strchr(" -(/,\"", text[b - 1])) || strncasecmp(text + b, term, stem))
      continue;
    /* the words around it: two before, one after */
    size_t from = b, to = b;
    for (int w = 0; from > 0 && w < 3;)
      w += text[--from] == ' ';
    while (to < len && text[to] != ' ')
      to++;
    if (to < len) to++;
    while (to < len && text[to] != ' ' && text[to] != ',')
      to++;
    bool denied = false;
    for (size_t k = 0; denials[k] && !denied; k++) {
      size_t dl = strlen(denials[k]);
      for (size_t q = from; q + dl <= to && !denied; q++)
        denied = (q == 0 || text[q - 1] == ' ') && !strncasecmp(text + q, denials[k], dl) &&
                 (q + dl == len || strchr(" ,.", text[q + dl]));
    }
    if (!denied) return true;
  }
  return false;
}

/* Does @p req (a service's Finnish requirements) ask, in its first sentence
 * (the main requirement: "Jäsenyys liitossa.", "Voimassa oleva B-ajokortti,
 * ..."; a later one tells more: "Ansiopäivärahaan oikeutettu saa ensin
 * kassan päivärahaa"), for every word of a phrase: each word's base forms in
 * @p terms, @p per[w] of them for word w, @p nw words? */
static bool requires_phrase(const char *req, const char *const *terms, const size_t *per,
                            size_t nw) {
  size_t len = strcspn(req, ".;");
  bool all = len > 0;
  const char *const *t = terms;
  for (size_t w = 0; w < nw && all; t += per[w], w++) {
    bool any = false;
    for (size_t k = 0; k < per[w] && !any; k++)
      any = has_stem(req, len, t[k]);
    all = any;
  }
  return all;
}

int kt__rerank_demote_required(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->demote_required >= 1.0 || !x->rd.required) return KT_OK;
  size_t ntok = kt_analysis_count(x->an);
  /* Each phrase's words, each by its base forms (not compound parts:
   * "ajokortti" rules out "ajokortti", not every "kortti"), read once. */
  enum { MAX_PHRASES = 32, MAX_WORDS = 16, MAX_TERMS = 64 };
  const char *terms[MAX_PHRASES][MAX_TERMS];
  size_t per[MAX_PHRASES][MAX_WORDS], nw[MAX_PHRASES] = {0}, nt[MAX_PHRASES] = {0}, np = 0;
  for (size_t i = 0; i < ntok; i++) {
    unsigned short p = x->rd.required[i];
    if (!p || p > MAX_PHRASES) continue;
    size_t q = p - 1;
    if (p > np) np = p;
    if (nw[q] >= MAX_WORDS) continue;
    const kt_token *t = kt_analysis_get(x->an, i);
    size_t before = nt[q];
    for (size_t k = 0; k < t->term_count && nt[q] < MAX_TERMS; k++)
      if (t->terms[k].kind != KT_TERM_PART && strlen(t->terms[k].text) >= 4 &&
          !kt__generic_term(t->terms[k].text))
        terms[q][nt[q]++] = t->terms[k].text;
    /* A hyphen's head ("B-ajokorttia") has its base form as its first part. */
    if (nt[q] == before && nt[q] < MAX_TERMS && t->term_count && t->terms[0].kind == KT_TERM_PART &&
        strlen(t->terms[0].text) >= 4 && !kt__generic_term(t->terms[0].text))
      terms[q][nt[q]++] = t->terms[0].text;
    if (nt[q] > before) per[q][nw[q]++] = nt[q] - before;
  }
  if (!np) return KT_OK;
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  for (size_t h = 0; h < depth; h++) {
    kt__doc *d = cs[h].doc;
    if (!d) continue;
    int rc = kt__explain_texts(x->e, d, cs[h].f[KT__D_ID]);
    if (rc) return rc;
    bool requires = false, lacks = false;
    for (size_t q = 0; q < np && !requires; q++) {
      requires = nw[q] && requires_phrase(d->requirements, terms[q], per[q], nw[q]);
      lacks = requires && q >= x->rd.required_limits;
    }
    if (!requires) continue;
    cs[h].score *= rk->demote_required;
    if (cs[h].neffects < MAX_EFFECTS)
      cs[h].effects[cs[h].neffects++] = (kt_effect){
          kt__msg(x->lang, lacks ? KT__M_LACKS : KT__M_REQUIRES),
          kt__msg(x->lang, lacks ? KT__M_R_LACKS : KT__M_R_REQUIRES), rk->demote_required};
  }
  return KT_OK;
}

/* Is found concept @p k one that comes first, found as a need of now (the
 * situation or the goal, not the past, another person's matter or a denial)?
 * Where the client asks for one thing only (@p narrowed: "Pyytää vain
 * trukkikorttia"), a problem of now marked `first: narrowed` (debts,
 * gambling, substance use, no home) told outside the asking clauses (@p
 * asked) comes first as well: the counsellor's "vain" sets the request
 * against the rest. */
bool kt__rerank_may_come_first(const ctx *x, size_t k) {
  const kt__concept *c = kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept);
  /* Named by a service word ("hoitosuhde psykiatrian polilla"), the need
   * already has its care. */
  if (!c || x->found[k].by_service || !(c->first || c->first_narrowed)) return false;
  int r = x->rd.role[kt__query_found_word(x, &x->found[k])];
  /* An inability found as written ("ei jaksa nousta sängystä") is the need
   * of now though its words are a refusal's. */
  if (r == KT__ROLE_REFUSED && kt__query_inability(x, &x->found[k])) return true;
  return r == KT__ROLE_SITUATION || r == KT__ROLE_GOAL;
}

static bool first_need(const ctx *x, size_t k, bool narrowed, const bool *asked) {
  if (!kt__rerank_may_come_first(x, k)) return false;
  const kt__concept *c = kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept);
  size_t w = kt__query_found_word(x, &x->found[k]);
  bool in_ask = x->rd.clause[w] < x->rd.nclauses && asked[x->rd.clause[w]];
  return c->first || (narrowed && !in_ask);
}

/* Is @p term one of concept @p concept's expansions? A term two found needs
 * share ("kriisipuhelin" of a grief and of a fresh loss) is the query's once,
 * credited to the first of them. */
static bool expands_to(const ctx *x, size_t concept, const char *term) {
  const kt__concept *c = kt__thesaurus_concept(x->e->gen.thes, concept);
  for (size_t j = 0; c && j < c->nexp; j++)
    if (!strcmp(c->exp[j].term, term)) return true;
  return false;
}

/* The least share of a service's evidence from a need that comes first for
 * it to serve that need (not one word of the need's vocabulary in passing). */
#define FIRST_SHARE 0.25

/* Verbs of asking for something (surface beginnings). */
static const char *const ask_verbs[] = {"kysy",  "pyytä",  "pyysi",   "tiedustel", "asks",
                                        "asked", "frågar", "frågade", NULL};

/* Is token @p w part of the note's request: a goal word, or a word of a
 * clause that asks (@p asked, per clause), not refused, denied or another's? */
static bool requested(const ctx *x, const bool *asked, size_t w) {
  int r = x->rd.role[w];
  return r == KT__ROLE_GOAL || (r == KT__ROLE_SITUATION && asked[x->rd.clause[w]]);
}

int kt__rerank_defer_request(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->demote_deferred >= 1.0 || !x->rd.role || !x->e->gen.thes) return KT_OK;
  /* Most notes find no need that may come first: nothing to read then. */
  bool any_first = false;
  for (size_t k = 0; k < x->nfound && !any_first; k++) {
    const kt__concept *c = kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept);
    any_first = c && (c->first || c->first_narrowed);
  }
  if (!any_first) return KT_OK;
  /* The request: the goal's words, and a clause that asks for something
   * ("Kysyy vain tietokonekurssia", "pyytää apua varastotyön hakemiseen");
   * narrowed when "only" follows the asking verb. */
  size_t ntok = kt_analysis_count(x->an);
  bool *asked = calloc(x->rd.nclauses + 1, sizeof *asked), narrowed = false;
  if (!asked) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t i = 0; i < ntok; i++)
    if (x->rd.clause[i] < x->rd.nclauses &&
        kt__token_starts_any(kt_analysis_get(x->an, i), ask_verbs)) {
      asked[x->rd.clause[i]] = true;
      /* "Only" after the asking verb: the client's request, narrower than the note. */
      narrowed |= i + 1 < ntok && kt__token_only(kt_analysis_get(x->an, i + 1));
    }
  /* The first needs of now, by thesaurus index, and the words that found them. */
  enum { MAX_FIRST = 8 };
  size_t first[MAX_FIRST], nfirst = 0;
  const char *label = NULL;
  for (size_t k = 0; k < x->nfound && nfirst < MAX_FIRST; k++)
    if (first_need(x, k, narrowed, asked)) {
      first[nfirst++] = k;
      const char *lc = NULL;
      if (!label)
        label = kt__explain_concept_label(
            kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept), x->lang, &lc);
    }
  if (!nfirst) {
    free(asked);
    return KT_OK;
  }
  bool goal = false;
  for (size_t i = 0; i < x->q.n && !goal; i++) {
    const qterm *t = &x->q.q[i];
    goal = !(t->concept < 0 && !t->kind) && !x->rd.generic[t->word] && requested(x, asked, t->word);
  }
  /* Without a request nothing is deferred, but the first need's best
   * service still leads ("Puoliso kuoli äkillisesti kuukausi sitten. ...
   * lomautettu"). */
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  /* Per candidate: its request share when it is deferred, else -1; and
   * whose that share is (the request's, the age's or both: its message). */
  double *share = calloc(depth ? depth : 1, sizeof *share), best_first = 0;
  int *whose = calloc(depth ? depth : 1, sizeof *whose);
  /* Per query term, once: is it one of the first needs' catalogue words? By
   * those words: a word of the note inside a need's entry ("unohti kaksi
   * sovittua tapaamista") may match anything. */
  bool *of_first = calloc(x->q.n + 1, sizeof *of_first);
  for (size_t i = 0; of_first && i < x->q.n; i++) {
    const qterm *t = &x->q.q[i];
    for (size_t j = 0; j < nfirst && t->concept >= 0 && !of_first[i]; j++)
    of_first[i] = (size_t)t->concept == x->found[first[j]].concept ||
                  expands_to(x, x->found[first[j]].concept, t->term);
  }
  /* ... and is it a need the age alone implies (`age:` without `with:`)? A
   * widower of 58 in grief is no client for the over-55s' services now: they
   * wait like the request does. */
  bool *by_age = calloc(x->q.n + 1, sizeof *by_age);
  for (size_t i = 0; by_age && i < x->q.n; i++) {
    const qterm *t = &x->q.q[i];
    const kt__concept *cp =
        t->concept >= 0 ? kt__thesaurus_concept(x->e->gen.thes, (size_t)t->concept) : NULL;
    by_age[i] = cp && cp->age_lo >= 0 && !cp->nwith && !of_first[i];
  }
  int rc = share && of_first && by_age && whose ? query_idf(x)
                                                : kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  /* The first candidates are read for the request and the first need; when
   * none of them serves the first need, the need's own best service is
   * looked for further down (a health check for a client whose hearing
   * fails and who asks only for phone sales work). */
  size_t deep = nc;
  for (size_t h = 0; h < nc && !rc && (h < depth || best_first <= 0); h++) {
    cand *c = &cs[h];
    if (h < depth) share[h] = -1;
    if ((rc = kt__explain_masks(x, c))) break;
    double request = 0, total = 0, firsts = 0, aged = 0;
    for (size_t i = 0; i < x->q.n; i++) {
      const qterm *t = &x->q.q[i];
      if (!c->masks[i] || (t->concept < 0 && !t->kind)) continue;
      double s = x->idf[i] * t->weight;
      total += s;
      bool req = goal && requested(x, asked, t->word);
      if (req) request += s;
      if (of_first[i]) firsts += s;
      if (by_age[i] && !req) aged += s;
    }
    bool serves_first = total > 0 && firsts / total >= FIRST_SHARE;
    if (h >= depth) {
      if (serves_first && (deep == nc || c->score > cs[deep].score)) deep = h;
      continue;
    }
    if (serves_first && c->score > best_first) best_first = c->score;
    /* The request and the age wait together: a widower of 57 asking for job
     * coaching gets the over-55s' coaching by both, each under the share. A
     * request the note marks as the only one defers from a smaller share. */
    double rs = narrowed ? rk->narrowed_share : rk->request_share;
    if (!serves_first && total > 0 && (request + aged) / total > rs) {
      bool by_request = request / total > rs;
      bool by_aged = !by_request && aged / total > rs;
      share[h] = (by_request ? request : by_aged ? aged : request + aged) / total;
      whose[h] = by_request ? KT__M_R_FIRST : by_aged ? KT__M_R_FIRST_AGE : KT__M_R_FIRST_BOTH;
    }
  }
  if (deep < nc) best_first = cs[deep].score;
  /* The first need's best service leads. */
  if (best_first > 0) {
    double top = 0;
    size_t bi = deep < nc ? deep : nc;
    for (size_t h = 0; h < depth; h++) {
      if (cs[h].score > top) top = cs[h].score;
      if (deep == nc && cs[h].score == best_first) bi = h;
    }
    if (bi < nc && top > best_first) cs[bi].score = best_first = top * (1 + 1e-6);
  }
  /* A deferred service goes below the first need's best one. */
  for (size_t h = 0; h < depth && !rc; h++) {
    cand *c = &cs[h];
    if (share[h] < 0) continue;
    double was = c->score;
    c->score *= narrowed ? rk->demote_narrowed : rk->demote_deferred;
    if (best_first > 0 && c->score >= best_first) c->score = best_first * (1 - 1e-6);
    if (c->neffects < MAX_EFFECTS) {
      char reason[256];
      snprintf(reason, sizeof reason, kt__msg(x->lang, whose[h]), share[h] * 100, label);
      c->effects[c->neffects++] = (kt_effect){
          kt__msg(x->lang, KT__M_FIRST), kt__arena_strdup(&x->res->arena, reason), c->score / was};
    }
  }
  free(whose);
  free(by_age);
  free(of_first);
  free(share);
  free(asked);
  return rc;
}

void kt__rerank_rules_out(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->demote_ruled_out >= 1.0 || !x->rd.role || !x->e->gen.thes) return;
  /* A few words name a topic, not the client's situation ("yleistuki",
   * "työttömyysturva opiskelun aikana"). */
  if (topic_note(x)) return;
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  for (size_t k = 0; k < x->nfound; k++) {
    const kt__concept *c = kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept);
    /* A fact of the client's now: not the past, another's, a wish or a denial. */
    if (!c || !c->nrules_out ||
        x->rd.role[kt__query_found_word(x, &x->found[k])] != KT__ROLE_SITUATION)
      continue;
    /* ... unless a need found too keeps them in ("kassan jäsen" rules out
     * yleistuki, "ansiopäiväraha päättyi" keeps it). Not another's. */
    bool kept = false;
    for (size_t u = 0; u < c->nunless && !kept; u++) {
      size_t keeper = kt__thesaurus_index_of(x->e->gen.thes, c->unless[u]);
      for (size_t j = 0; j < x->nfound && !kept; j++)
      kept = x->found[j].concept == keeper &&
             x->rd.role[kt__query_found_word(x, &x->found[j])] != KT__ROLE_ASIDE;
    }
    if (kept) continue;
    const char *lc = NULL, *label = kt__explain_concept_label(c, x->lang, &lc);
    for (size_t h = 0; h < depth; h++)
      for (size_t r = 0; r < c->nrules_out; r++) {
        if (strcmp(cs[h].f[KT__D_ID], c->rules_out[r])) continue;
        cs[h].score *= rk->demote_ruled_out;
        if (cs[h].neffects < MAX_EFFECTS) {
          char reason[256];
          snprintf(reason, sizeof reason, kt__msg(x->lang, KT__M_R_RULED_OUT), label);
          cs[h].effects[cs[h].neffects++] =
              (kt_effect){kt__msg(x->lang, KT__M_RULED_OUT),
                          kt__arena_strdup(&x->res->arena, reason), rk->demote_ruled_out};
        }
      }
  }
}

/* Is concept @p c (index @p ci) a need the note shows: found, not denied,
 * refused or another person's, or one of its target groups signalled? */
static bool need_shown(const ctx *x, const kt__concept *c, size_t ci) {
  for (size_t k = 0; k < x->nfound; k++) {
    if ((size_t)x->found[k].concept != ci) continue;
    int r = x->rd.role[kt__query_found_word(x, &x->found[k])];
    if (r != KT__ROLE_REFUSED && r != KT__ROLE_NEGATED && r != KT__ROLE_ASIDE) return true;
  }
  for (size_t g = 0; g < c->ngroups; g++)
    if (kt__signals_signalled(&x->set, c->groups[g])) return true;
  return false;
}

void kt__rerank_need_unmet(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  const kt__thesaurus *th = x->e->gen.thes;
  if (rk->demote_need_unmet >= 1.0 || !x->rd.role || !th) return;
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  for (size_t h = 0; h < depth; h++) {
    if (cs[h].named) continue;
    size_t needed[16], nn = kt__thesaurus_needed(th, cs[h].f[KT__D_ID], needed, 16);
    bool shown = false;
    for (size_t m = 0; m < nn && !shown; m++)
      shown = need_shown(x, kt__thesaurus_concept(th, needed[m]), needed[m]);
    if (!nn || shown) continue;
    cs[h].score *= rk->demote_need_unmet;
    if (cs[h].neffects >= MAX_EFFECTS || (x->flags & KT_SEARCH_NO_EXPLAIN)) continue;
    char labels[192] = "", reason[320];
    for (size_t m = 0; m < nn; m++) {
      const char *lc = NULL,
                 *label =
                     kt__explain_concept_label(kt__thesaurus_concept(th, needed[m]), x->lang, &lc);
      size_t len = strlen(labels);
      snprintf(labels + len, sizeof labels - len, "%s%s", len ? " / " : "", label);
    }
    snprintf(reason, sizeof reason, kt__msg(x->lang, KT__M_R_NEED_UNMET), labels);
    const char *why = kt__arena_strdup(&x->res->arena, reason);
    if (why)
      cs[h].effects[cs[h].neffects++] =
          (kt_effect){kt__msg(x->lang, KT__M_NEED_UNMET), why, rk->demote_need_unmet};
  }
}

/* A short note that names a service asks about it (name_boost_short): the
 * name lifts it more than in a long note, which names a service among the
 * client's facts. Not a service that the note's signals or rules demoted
 * on the whole since its name lifted it (a paid course when only free ones
 * are asked, a union's service for one outside the union): what rules a
 * service out still wins over the asking. */
void kt__rerank_ask_named(const ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  if (rk->name_boost_short <= rk->name_boost || rk->name_boost <= 0 ||
      named_words(x) >= KT_RANK_SHORT_WORDS)
    return;
  for (size_t h = 0; h < nc; h++) {
    if (!cs[h].named || cs[h].score < cs[h].named_score) continue;
    cs[h].score *= rk->name_boost_short / rk->name_boost;
    cs[h].effects[cs[h].name_effect].factor = rk->name_boost_short;
  }
}

void kt__rerank_feedback(ctx *x, cand *cs, size_t nc, const char *const *feat, size_t nfeat) {
  kt_engine *e = x->e;
  /* Learned from referrals: a bounded lift that never carries a service
   * past one the need text names. */
  double best_named = 0;
  for (size_t h = 0; h < nc; h++)
    if (cs[h].named && cs[h].score > best_named) best_named = cs[h].score;
  for (size_t h = 0; h < nc; h++) {
    double f = kt__feedback_factor(e->fb, feat, nfeat, cs[h].f[KT__D_ID], x->lang, &x->res->arena,
                                   cs[h].effects, MAX_EFFECTS, &cs[h].neffects);
    double lifted = cs[h].score * f;
    if (f > 1 && !cs[h].named && best_named > 0 && lifted >= best_named)
      lifted = cs[h].score < best_named ? best_named * (1 - 1e-9) : cs[h].score;
    cs[h].score = lifted;
  }
}

int kt__rerank_prior(ctx *x, cand *cs, size_t nc, const kt__ranking *rk) {
  double base = x->e->gen.prior_base;
  if (base < 0 || rk->prior_weight <= 0 || nc <= KT_RANK_PRIOR_KEEP) return KT_OK;
  size_t depth = nc < KT_RANK_RERANK_DEPTH ? nc : KT_RANK_RERANK_DEPTH;
  /* The top of the list is what the note asks for; the rest is ordered by
   * the evidence and by how often such a suggestion was judged useful. A
   * service seen rarely keeps near the base rate (smoothed). */
  for (size_t h = KT_RANK_PRIOR_KEEP; h < depth; h++) {
    const kt__doc *d = cs[h].doc;
    if (!d || !d->prior_seen) continue;
    double share =
        (d->prior_useful + KT_RANK_PRIOR_SMOOTH * base) / (d->prior_seen + KT_RANK_PRIOR_SMOOTH);
    double f = 1.0 + rk->prior_weight * (share - base);
    /* ... and with the needs of now the note was found to have: the best
     * share among them, smoothed toward the service's own. */
    const kt__concept *bc = NULL;
    unsigned bu = 0, bs = 0;
    double best = 0;
    for (size_t k = 0;
         x->e->gen.concept_priors && x->rd.role && rk->concept_prior_weight > 0 && k < x->nfound;
         k++) {
      if (kt__role_public(x->rd.role[kt__query_found_word(x, &x->found[k])]) == KT_ROLE_BACKGROUND)
        continue;
      const kt__cprior *cp = kt__doc_concept_prior(d, x->found[k].concept);
      if (!cp || !cp->seen) continue;
      double v = (cp->useful + KT_RANK_CONCEPT_PRIOR_SMOOTH * share) /
                 (cp->seen + KT_RANK_CONCEPT_PRIOR_SMOOTH);
      if (!bc || v > best) {
        bc = kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept);
        best = v;
        bu = cp->useful;
        bs = cp->seen;
      }
    }
    if (bc) f *= 1.0 + rk->concept_prior_weight * (best - share);
    if (f <= 0) f = 0.01;
    cs[h].score *= f;
    cs[h].prior = f;
    if (cs[h].neffects < MAX_EFFECTS && !(x->flags & KT_SEARCH_NO_EXPLAIN)) {
      char *why = kt__arena_alloc(&x->res->arena, 256);
      if (!why) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      int w = snprintf(why, 256, kt__msg(x->lang, KT__M_R_PRIOR), d->prior_useful, d->prior_seen);
      if (bc && w > 0 && w < 256) {
        const char *code = NULL, *label = kt__explain_concept_label(bc, x->lang, &code);
        snprintf(why + w, 256 - (size_t)w, kt__msg(x->lang, KT__M_R_PRIOR_NEED), label, bu, bs);
      }
      cs[h].effects[cs[h].neffects++] = (kt_effect){kt__msg(x->lang, KT__M_PRIOR), why, f};
    }
  }
  qsort(cs + KT_RANK_PRIOR_KEEP, depth - KT_RANK_PRIOR_KEEP, sizeof *cs, kt__rerank_cmp);
  return KT_OK;
}
