/*
 * query.c — the need read from the text into one weighted OR query (steps
 * 1 and 2 of search.c, and the signals of its step 4): the reading of its
 * clauses, its needs (thesaurus concepts) and signals, and its terms (each
 * kept once, at its best weight), weighed by their kind and by the word's
 * role in the note (ranking.h). Every search starts here, and so do the
 * need's feedback features (need_features.c).
 */
#define _GNU_SOURCE
#include "query.h"

#include "analyze.h"
#include "messages.h"
#include "schema.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The slot of @p term in @p qs's table: its own, or the empty one where it
 * would go. */
static size_t term_slot(const query *qs, const char *term) {
  size_t mask = qs->nslots - 1, k = (size_t)kt__fnv1a(term, strlen(term)) & mask;
  while (qs->slots[k] && strcmp(qs->q[qs->slots[k] - 1].term, term))
    k = (k + 1) & mask;
  return k;
}

static int grow_slots(query *qs) {
  size_t n = qs->nslots ? qs->nslots * 2 : 256;
  unsigned *old = qs->slots;
  if (!(qs->slots = calloc(n, sizeof *qs->slots))) {
    qs->slots = old;
    return kt__err(KT_ENOMEM, "cannot allocate the query");
  }
  qs->nslots = n;
  for (size_t i = 0; i < qs->n; i++)
    qs->slots[term_slot(qs, qs->q[i].term)] = (unsigned)(i + 1);
  free(old);
  return KT_OK;
}

int kt__query_add(query *qs, const char *term, double w, size_t word, int concept, int kind) {
  if ((qs->n + 1) * 2 > qs->nslots) {
    int rc = grow_slots(qs);
    if (rc) return rc;
  }
  size_t k = term_slot(qs, term);
  if (qs->slots[k]) {
    qterm *q = &qs->q[qs->slots[k] - 1];
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
  qs->slots[k] = (unsigned)qs->n;
  return KT_OK;
}

/* Is token @p i the client's trade named beside the age: a noun in the
 * nominative, alone in a clause without a verb (but for its genitive and a
 * bracketed degree), in the clause of the age or the one after it? */
static bool own_trade(const ctx *x, size_t i) {
  size_t n = kt_analysis_count(x->an);
  if (i >= n || x->set.age_first >= n) return false;
  unsigned m = kt__analysis_morph(x->an, i);
  if (!(m & KT__MORPH_NOUN) || !(m & KT__MORPH_NOMINATIVE) || (m & KT__MORPH_VERB)) return false;
  /* A trade, not a state of life that ends like one ("yksinhuoltaja"). */
  static const char *const states[] = {"yksinhuoltaja",
                                       "omaishoitaja",
                                       "maahanmuuttaja",
                                       "turvapaikanhakija",
                                       "kuntoutuja",
                                       "mielenterveyskuntoutuja",
                                       "päihdekuntoutuja",
                                       "työnhakija",
                                       "kotiäiti",
                                       "eläkeläinen",
                                       NULL};
  const kt_token *ti = kt_analysis_get(x->an, i);
  if (!kt__token_trade(ti) || kt__token_is_any(ti, states)) return false;
  size_t ca = x->rd.clause[x->set.age_first], c = x->rd.clause[i];
  if (c != ca && c != ca + 1) return false;
  if (c == ca && i < x->set.age_first) return false;
  size_t s = kt__reading_clause_start(&x->rd, i), e = kt__reading_clause_end(&x->rd, i);
  for (size_t j = s; j < e; j++) {
    if (j == i || x->rd.paren[j] || (j >= x->set.age_first && j <= x->set.age_last)) continue;
    const kt_token *t = kt_analysis_get(x->an, j);
    unsigned mj = kt__analysis_morph(x->an, j);
    if (t->stopword || x->rd.generic[j]) continue;
    if ((mj & KT__MORPH_GENITIVE) && j < i) continue; /* "pankin yritysrahoittaja" */
    return false;
  }
  return true;
}

/* The first need of now (the situation or a goal) found in the note that is
 * one of concept @p cp's `with:` concepts, or NULL. */
static const kt__found *found_with(const ctx *x, const kt__concept *cp) {
  for (size_t k = 0; k < x->nfound; k++) {
    int r = x->rd.role[kt__query_found_word(x, &x->found[k])];
    if (r != KT__ROLE_SITUATION && r != KT__ROLE_GOAL) continue;
    const char *id = kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept)->id;
    for (size_t w = 0; w < cp->nwith; w++)
      if (!strcmp(id, cp->with[w])) return &x->found[k];
  }
  return NULL;
}

/* The word that speaks for a found concept: the one with the strongest role
 * among the words that found it. A rule can span clauses ("ollu kuntsarissa
 * vuoden, nyt haluis oikeisiin hommiin palkalla" finds the pay subsidy with
 * its goal words), and the goal among them is what the concept is for: goal,
 * then situation, then background, then aside. Its role is the concept's,
 * and its expansions are its terms. */
size_t kt__query_found_word(const ctx *x, const kt__found *f) {
  static const int rank[] = {
      [KT__ROLE_SITUATION] = 2, [KT__ROLE_BACKGROUND] = 1, [KT__ROLE_GOAL] = 3,
      [KT__ROLE_REFUSED] = 0,   [KT__ROLE_NEGATED] = 0,    [KT__ROLE_ASIDE] = 0};
  size_t best = f->first;
  for (size_t i = f->first + 1; i <= f->last; i++) {
    const kt_token *t = kt_analysis_get(x->an, i);
    int r = x->rd.role[i];
    if (!t->stopword && !x->rd.generic[i] && r <= KT__ROLE_ASIDE &&
        rank[r] > rank[x->rd.role[best]])
      best = i;
  }
  return best;
}

bool kt__query_inability(const ctx *x, const kt__found *f) {
  return kt__token_negates(kt_analysis_get(x->an, f->first)) && f->last > f->first &&
         x->rd.negator[f->first + 1] == f->first &&
         (kt__analysis_morph(x->an, f->first + 1) & KT__MORPH_VERB);
}

/* Was @p f found with its negation after the noun ("Asuntoa ei ole" is the
 * entry "ei ole asuntoa", thesaurus.c)? Then it is a lack as written, as
 * the entry is. */
static bool holds_negation(const ctx *x, const kt__found *f) {
  for (size_t w = f->first + 1; w <= f->last; w++)
    if (kt__token_negates(kt_analysis_get(x->an, w))) return true;
  return false;
}

/* Is token @p i denied plainly, of now: the negation right before it with
 * no verb between ("ei ADHD:ta", "itsellä ei velkoja"), in a clause of the
 * present? Not "ei ole maksettu" (a problem told with a verb) nor "aiemmin
 * ei mielenterveysongelmia" (the past, which the present may contradict). */
static bool plain_denial(const ctx *x, size_t i) {
  size_t neg = x->rd.negator[i];
  int cr = x->rd.clause_role[i];
  if (neg >= i || cr == KT__ROLE_BACKGROUND || cr == KT__ROLE_ASIDE) return false;
  for (size_t j = neg + 1; j < i; j++)
    if (!kt_analysis_get(x->an, j)->stopword || (kt__analysis_morph(x->an, j) & KT__MORPH_VERB))
      return false;
  /* ... nor a verb after it in the scope: "eikä ylitöitä makseta". */
  for (size_t j = i + 1;
       j < kt_analysis_count(x->an) && x->rd.negator[j] == neg && x->rd.role[j] == KT__ROLE_NEGATED;
       j++)
    if (kt__analysis_morph(x->an, j) & KT__MORPH_VERB) return false;
  return true;
}

/* The negation that opens the denial token @p i is in: "ei perhevapaita eikä
 * kotihoitoa" is one denial, "eikä" going on with the one before it. */
static size_t denial_root(const ctx *x, size_t i) {
  size_t m = x->rd.negator[i];
  while (m > 0 && m < i && kt__token_eika(kt_analysis_get(x->an, m)) &&
         x->rd.role[m - 1] == KT__ROLE_NEGATED && x->rd.negator[m - 1] < m - 1)
    i = m - 1, m = x->rd.negator[i];
  return m;
}

/* Marks in @p denied every word of the denial that word @p w is under (its
 * root negation and what "eikä" adds to it). */
static void deny_denial(const ctx *x, bool *denied, size_t w) {
  size_t root = denial_root(x, w);
  for (size_t i = 0; i < kt_analysis_count(x->an); i++)
    if (x->rd.role[i] == KT__ROLE_NEGATED && denial_root(x, i) == root) denied[i] = true;
}

/* Does the catalogue use @p term (a base form)? For compounds written apart. */
static bool in_catalogue(void *gen, const char *term) {
  size_t df = 0;
  return !kt__gen_termfreq(gen, term, &df) && df > 0;
}

/* A need word's weight by its role in the note (ranking.h). */
static double role_weight(const kt__ranking *rk, int role) {
  switch (role) {
  case KT__ROLE_BACKGROUND: return rk->role_background;
  case KT__ROLE_ASIDE: return rk->role_aside;
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

/* Verbs of asking: a note that asks for something wishes for it. Not the
 * request verbs of rerank.c's ask_verbs ("pyytää", "pyysi"), which a note
 * also uses for what another person asked ("mies pyysi rahaa"): measured,
 * they change what the work of now reads as. */
static const char *const asking[] = {"kysy", "tiedustel", "ask", "fråga", "undra", NULL};

/* Does word @p i wish or ask: a word of the goal, or a verb of asking
 * ("kysyy", "asks", "frågar")? */
static bool wishes_at(const ctx *x, size_t i) {
  return x->rd.role[i] == KT__ROLE_GOAL || kt__token_starts_any(kt_analysis_get(x->an, i), asking);
}

/* Does the sentence around word @p at wish or ask for something? */
static bool wished_in_sentence(const ctx *x, size_t at) {
  size_t n = kt_analysis_count(x->an), lo = at, hi = at;
  while (lo > 0 && !kt__reading_sentence_end_after(x->an, x->text, lo - 1))
    lo--;
  while (hi + 1 < n && !kt__reading_sentence_end_after(x->an, x->text, hi))
    hi++;
  for (size_t i = lo; i <= hi; i++)
    if (wishes_at(x, i)) return true;
  return false;
}

/* A refusal wins over other mentions of what it refuses: "ollut myyjänä
 * 8v, ei halua enää myyntityöhön" names the field being left twice, so the
 * concept the refused words find is dropped where the past or the situation
 * finds it too, and those words go silent. A goal that finds it keeps it
 * ("ei halua myyjäksi vaan asiakaspalveluun"). */
static int refusals_win(ctx *x, const kt__thesaurus *th, size_t ntok) {
  bool *skip = malloc((ntok + 1) * sizeof *skip), any = false;
  if (!skip) return kt__err(KT_ENOMEM, "cannot allocate the reading");
  for (size_t i = 0; i < ntok; i++)
    any |= !(skip[i] = x->rd.role[i] != KT__ROLE_REFUSED || !x->rd.unwanted[i]);
  kt__found rf[MAX_FOUND];
  size_t nr = 0, kept = 0;
  if (any) nr = kt__thesaurus_find_refused(th, x->an, skip, x->rd.clause, rf, MAX_FOUND);
  free(skip);
  for (size_t k = 0; k < x->nfound; k++) {
    kt__found *f = &x->found[k];
    bool refused = false;
    /* Found inside a refusal: an entry that starts with a negation ("ei
     * oleskelulupaa") is tried at any "ei" and must end in the refusal. */
    for (size_t r = 0; r < nr && !refused; r++) {
      refused = rf[r].concept == f->concept && x->rd.unwanted[rf[r].last];
    }
    /* ... unless the entry is the refusal as written, its negation first
     * and its verb next ("ei lähde kotoa", "ei pysty lähtemään kotoa"):
     * the inability is the need. */
    if (refused && kt__query_inability(x, f)) refused = false;
    if (refused && x->rd.clause_role[f->first] != KT__ROLE_GOAL) {
      for (size_t i = f->first; i <= f->last; i++)
        x->rd.role[i] = KT__ROLE_REFUSED;
      /* ... and so does its later mention outside a goal ("on ohjattu
       * vartijaksi tai järjestyksenvalvojaksi, mutta turvallisuusala ei
       * kiinnosta"). */
      if (f->again_first != SIZE_MAX && x->rd.clause_role[f->again_first] != KT__ROLE_GOAL &&
          x->rd.role[f->again_first] != KT__ROLE_NEGATED)
        for (size_t i = f->again_first; i <= f->again_last && i < ntok; i++)
          x->rd.role[i] = KT__ROLE_REFUSED;
      continue;
    }
    x->found[kept++] = *f;
  }
  x->nfound = kept;
  return KT_OK;
}

int kt__query_read_need(ctx *x, kt_engine *e, const char *text, size_t len,
                        const kt_search_options *opts) {
  const kt__ranking *rk = &e->rank;
  x->e = e;
  x->text = text ? text : "";
  x->flags = opts->flags;
  x->baseline = opts->flags & (KT_SEARCH_MODE_SURFACE | KT_SEARCH_MODE_SNOWBALL);
  if (x->baseline && !e->gen.eval_db)
    return kt__err(KT_EINVAL,
                   "index generation %s has no evaluation index (the surface and snowball "
                   "configurations): rebuild it with `kohtaanto index --eval-terms`",
                   e->gen.name);
  if ((x->lang = kt__lang_parse(opts->lang)) < 0)
    return kt__err(KT_EINVAL, "kt_search_options.lang is '%.16s'; expected fi, sv or en",
                   opts->lang);
  int rc = kt_analyze(e->an, x->text, len, &x->an);
  if (rc) return rc;
  if (!x->baseline && (rc = kt__analysis_join_split(e->an, x->an, x->text, in_catalogue, &e->gen)))
    return rc;
  x->signals = !x->baseline && !(opts->flags & KT_SEARCH_NO_SIGNALS);

  size_t ntok = kt_analysis_count(x->an);
  x->rejected = calloc(ntok + 1, sizeof *x->rejected);
  x->token_need = malloc((ntok + 1) * sizeof *x->token_need);
  /* Read only below q.n, each entry as it is added: not cleared. */
  x->q.q = malloc(MAX_QUERY_TERMS * sizeof *x->q.q);
  x->res = calloc(1, sizeof *x->res);
  if (!x->rejected || !x->token_need || !x->q.q || !x->res)
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  x->res->lang = kt__lang_code(x->lang);
  for (size_t i = 0; i < ntok; i++)
    x->token_need[i] = -1;
  if (!x->baseline && (rc = kt__reading_read(x->an, x->text, len, &x->rd))) return rc;
  if (!x->baseline && (opts->flags & KT_SEARCH_NO_READING))
    for (size_t i = 0; i < ntok; i++) {
      if (x->rd.role[i] != KT__ROLE_REFUSED)
        x->rd.role[i] = x->rd.clause_role[i] = KT__ROLE_SITUATION;
      x->rd.generic[i] = false;
    }

  bool no_typos = (opts->flags & KT_SEARCH_NO_TYPO_FIX) || mostly_foreign(x->an);

  /* Needs: thesaurus concepts found by words that are not refused. A
   * denied mention ("ei ole velkoja") rules out a problem concept (`negated:
   * drop`) with its words; any other denied mention is a lack, and a lack is
   * the need ("ei tutkintoa", "ei rytmiä"): its words count. An entry that
   * starts at the negation ("ei puhu suomea") is the need as written. A
   * generic word alone finds nothing. */
  if (!x->baseline) {
    for (size_t i = 0; i < ntok; i++)
      x->rejected[i] = x->rd.role[i] == KT__ROLE_REFUSED;
    bool *denied = calloc(ntok + 1, sizeof *denied);
    size_t *unmet = calloc(ntok + 1, sizeof *unmet);
    /* Concepts the note denies plainly ("ei rahapelejä"). */
    bool *concept_denied =
        calloc(e->gen.thes ? kt__thesaurus_count(e->gen.thes) + 1 : 1, sizeof *concept_denied);
    if (!denied || !unmet || !concept_denied) {
      free(denied);
      free(unmet);
      free(concept_denied);
      return kt__err(KT_ENOMEM, "cannot allocate the reading");
    }
    if (e->gen.thes) {
      /* A word under a negation is no weak word's context ("ei ole velkoja,
       * pelaa jalkapalloa" is not gambling); denied is then reused below. */
      for (size_t i = 0; i < ntok; i++)
        denied[i] = x->rd.role[i] == KT__ROLE_NEGATED;
      /* A parenthetical aside splits no clause (without the memory, as
       * before). */
      size_t *flat = kt__reading_aside_clauses(x->an, x->text, &x->rd);
      size_t nf = kt__thesaurus_find(e->gen.thes, x->an, x->rejected, denied,
                                     flat ? flat : x->rd.clause, x->found, MAX_FOUND, unmet),
             kept = 0;
      free(flat);
      memset(denied, 0, (ntok + 1) * sizeof *denied);
      for (size_t k = 0; k < nf; k++) {
        kt__found *f = &x->found[k];
        const kt__concept *c = kt__thesaurus_concept(e->gen.thes, f->concept);
        if (f->first == f->last && x->rd.generic[f->first]) continue;
        /* A phrase that opens with the verb the negation governs ("ei kuulu
         * kassaan": the scope starts after "kuulu") is denied as a whole. */
        bool verb_denied = f->first > 0 && f->first < f->last &&
                           x->rd.clause[f->first - 1] == x->rd.clause[f->first] &&
                           kt__token_negates(kt_analysis_get(x->an, f->first - 1)) &&
                           (kt__analysis_morph(x->an, f->first) & KT__MORPH_VERB);
        if ((x->rd.role[f->first] == KT__ROLE_NEGATED || verb_denied) && c->negated_drop &&
            !holds_negation(x, f)) {
          concept_denied[f->concept] = true;
          /* The whole denial goes: "ei väkivaltaa kotona" says nothing
           * about being at home. */
          deny_denial(x, denied, f->first);
          continue;
        }
        x->found[kept++] = *f;
      }
      x->nfound = kept;
      /* A problem denied anywhere rules it out where the note also names it
       * ("esimies epäili ADHD:ta, mutta tutkimukset: ei ADHD:ta"; "soitti
       * velallisille ... itsellä ei velkoja"): the denial is the client's
       * own word on it. Only one mention of a concept is found above, so
       * the denials are read again on their own. */
      bool *other = malloc((ntok + 1) * sizeof *other), anyneg = false;
      if (!other) {
        free(denied);
        free(unmet);
        free(concept_denied);
        return kt__err(KT_ENOMEM, "cannot allocate the reading");
      }
      for (size_t i = 0; i < ntok; i++)
        anyneg |= !(other[i] = x->rd.role[i] != KT__ROLE_NEGATED);
      if (anyneg) {
        kt__found df[MAX_FOUND];
        size_t nd =
            kt__thesaurus_find(e->gen.thes, x->an, other, NULL, x->rd.clause, df, MAX_FOUND, NULL);
        /* A denial of a problem named elsewhere stays a denial, though it
         * does not silence the other mention: in "sairaanhoitaja
         * päihdepoliklinikalla. Hän ei itse käytä alkoholia" the alcohol
         * is no evidence of a need. */
        for (size_t d = 0; d < nd; d++) {
          if (x->rd.role[df[d].first] == KT__ROLE_NEGATED && !holds_negation(x, &df[d]) &&
              kt__thesaurus_concept(e->gen.thes, df[d].concept)->negated_drop)
            deny_denial(x, denied, df[d].first);
        }
        kept = 0;
        for (size_t k = 0; k < x->nfound; k++) {
          kt__found *f = &x->found[k];
          size_t d = 0;
          while (d < nd && !(df[d].concept == f->concept && df[d].first > f->last &&
                             kt__thesaurus_concept(e->gen.thes, f->concept)->negated_drop &&
                             x->rd.role[kt__query_found_word(x, f)] != KT__ROLE_GOAL &&
                             plain_denial(x, df[d].first)))
            d++;
          if (d < nd) {
            concept_denied[f->concept] = true;
            for (size_t i = 0; i < ntok; i++)
              if (x->rd.role[i] == KT__ROLE_NEGATED &&
                  x->rd.negator[i] == x->rd.negator[df[d].first])
                denied[i] = true;
            /* The earlier mention goes silent with it. */
            for (size_t i = f->first; i <= f->last; i++) {
              x->rd.role[i] = KT__ROLE_NEGATED;
              x->rd.negator[i] = x->rd.negator[df[d].first];
              denied[i] = true;
            }
            continue;
          }
          x->found[kept++] = *f;
        }
        x->nfound = kept;
      }
      free(other);
      /* A concept first found in the past or of another person may be found
       * again in the present ("puoliso on kuollut ..., suru vie voimat"):
       * that mention speaks for it. */
      for (size_t k = 0; k < x->nfound; k++) {
        kt__found *f = &x->found[k];
        if (f->again_first == SIZE_MAX) continue;
        int r = x->rd.role[kt__query_found_word(x, f)];
        if (r != KT__ROLE_BACKGROUND && r != KT__ROLE_ASIDE) continue;
        kt__found later = *f;
        later.first = f->again_first;
        later.last = f->again_last;
        int rl = x->rd.role[kt__query_found_word(x, &later)];
        if ((rl == KT__ROLE_SITUATION || rl == KT__ROLE_GOAL) &&
            !(later.first == later.last && x->rd.generic[later.first]))
          f->first = later.first, f->last = later.last;
      }
    }
    size_t kept = 0;
    for (size_t k = 0; k < x->nfound; k++)
      if (!denied[x->found[k].first]) x->found[kept++] = x->found[k];
    x->nfound = kept;
    if (e->gen.thes && (rc = refusals_win(x, e->gen.thes, ntok))) {
      free(denied);
      free(unmet);
      free(concept_denied);
      return rc;
    }
    for (size_t i = 0; i < ntok; i++) {
      if (x->rd.role[i] == KT__ROLE_NEGATED && !denied[i]) x->rd.role[i] = x->rd.clause_role[i];
      x->rejected[i] = kt__role_silent(x->rd.role[i]);
    }
    /* A weak word without its context, beside a goal ("on Kelan asiakas,
     * haluaa kokiksi"), found no need and says no more than a generic word
     * does. Without a goal it may be all the note says, and keeps its
     * weight (measured: dev nDCG@10 -0.0016 without this condition). */
    for (size_t k = 0; k < x->nfound; k++)
      for (size_t i = x->found[k].first; i <= x->found[k].last; i++)
        unmet[i] = false;
    bool goal = false;
    for (size_t i = 0; i < ntok; i++)
      goal |= x->rd.role[i] == KT__ROLE_GOAL && !x->rd.generic[i];
    if (goal)
      for (size_t i = 0; i < ntok; i++)
        if (unmet[i] && x->rd.role[i] != KT__ROLE_GOAL) x->rd.generic[i] = true;
    /* So is one whose concept the note denies ("pelaa paljon, mutta ei
     * rahapelejä"): the game is a pastime, with or without a goal. */
    for (size_t i = 0; i < ntok; i++)
      if (unmet[i] && concept_denied[unmet[i] - 1]) x->rd.generic[i] = true;
    free(denied);
    free(unmet);
    free(concept_denied);
  }

  x->set.lang = x->lang;
  x->set.age_lo = x->set.age_hi = -1;
  if (x->signals && (rc = kt__signals_read(x->an, x->text, x->rejected, x->lang, &x->set, x->res)))
    return rc;
  /* A refused wish to study (reading.c): training services wait (signals.c). */
  if (!x->baseline) x->set.refuses_study = x->rd.refuses_study;
  if (!x->baseline) x->set.refuses_founding = x->rd.refuses_founding;
  /* The client's age is a fact of now, wherever the note says it: "mä oon
   * 24 ja tehny ruokalähettinä" states the age in a clause of the past, and
   * the needs of a 24-year-old are not history. */
  if (x->set.age_lo >= 0 && !x->baseline)
    for (size_t i = x->set.age_first; i <= x->set.age_last && i < ntok; i++)
      if (x->rd.role[i] == KT__ROLE_BACKGROUND) x->rd.role[i] = KT__ROLE_SITUATION;
  /* A concept made for an age range ("ikääntynyt työnhakija", 55-68) is not
   * the need of a client whose stated age is outside it: "45v, hoitaa
   * iäkästä äitiään" speaks of the mother's age. */
  if (x->signals && e->gen.thes && x->set.age_lo >= 0) {
    size_t kept = 0;
    for (size_t k = 0; k < x->nfound; k++) {
      const kt__concept *cp = kt__thesaurus_concept(e->gen.thes, x->found[k].concept);
      if (cp->age_lo >= 0 && (x->set.age_hi < cp->age_lo || x->set.age_lo > cp->age_hi)) continue;
      x->found[kept++] = x->found[k];
    }
    x->nfound = kept;
  }
  /* Needs implied by the client's age (`age:` in the thesaurus): a
   * 17-year-old without a study place is under compulsory education though
   * no word says so. With `with:`, the age and one of those needs of now
   * (a 24-year-old with depression: Kela's vocational rehabilitation for the
   * young), and the concept speaks through that need's words. */
  if (x->signals && e->gen.thes && x->set.age_lo >= 0) {
    for (size_t c = 0; c < kt__thesaurus_count(e->gen.thes) && x->nfound < MAX_FOUND; c++) {
      const kt__concept *cp = kt__thesaurus_concept(e->gen.thes, c);
      if (cp->age_lo < 0 || x->set.age_lo < cp->age_lo || x->set.age_hi > cp->age_hi) continue;
      bool have = false;
      for (size_t k = 0; k < x->nfound && !have; k++)
      have = x->found[k].concept == c;
      if (have) continue;
      if (cp->nwith) {
        const kt__found *with = found_with(x, cp);
        if (with) {
          kt__found f = *with;
          f.concept = c;
          f.by_service = false;
          x->found[x->nfound++] = f;
        }
        continue;
      }
      x->found[x->nfound++] = (kt__found){.concept = c,
                                          .first = x->set.age_first,
                                          .last = x->set.age_last,
                                          .told_first = x->set.age_first,
                                          .told_last = x->set.age_last,
                                          .again_first = SIZE_MAX,
                                          .again_last = SIZE_MAX};
    }
  }
  /* Needs implied by where the client lives (`municipality:` and `with:`):
   * an Espoo jobseeker has the Espoo employment area though the note names
   * only the job search. */
  if (x->signals && e->gen.thes && x->set.municipality) {
    for (size_t c = 0; c < kt__thesaurus_count(e->gen.thes) && x->nfound < MAX_FOUND; c++) {
      const kt__concept *cp = kt__thesaurus_concept(e->gen.thes, c);
      if (!cp->municipality || !kt__in_list(cp->municipality, x->set.municipality)) continue;
      bool have = false;
      for (size_t k = 0; k < x->nfound && !have; k++)
      have = x->found[k].concept == c;
      const kt__found *with = have ? NULL : found_with(x, cp);
      if (!with) continue;
      kt__found f = *with;
      f.concept = c;
      f.by_service = false;
      x->found[x->nfound++] = f;
    }
  }
  /* Needs implied by a working life (`history:` and `with:` in the
   * thesaurus): a long career and a health limit of now make the pension
   * company's rehabilitation the need, though no word names it. The concept
   * speaks through the limit's words. */
  if (x->signals && e->gen.thes) {
    int years = -1;
    for (size_t c = 0; c < kt__thesaurus_count(e->gen.thes) && x->nfound < MAX_FOUND; c++) {
      const kt__concept *cp = kt__thesaurus_concept(e->gen.thes, c);
      if (cp->history < 0) continue;
      bool have = false;
      for (size_t k = 0; k < x->nfound && !have; k++)
      have = x->found[k].concept == c;
      const kt__found *with = have ? NULL : found_with(x, cp);
      if (!with) continue;
      if (years < 0)
        years =
            kt__reading_work_years(x->an, &x->rd, x->set.age_lo >= 0 ? x->set.age_first : SIZE_MAX,
                                   x->set.age_lo >= 0 ? x->set.age_last : SIZE_MAX);
      if (years < cp->history) continue;
      kt__found f = *with;
      f.concept = c;
      f.by_service = false;
      x->found[x->nfound++] = f;
    }
  }
  /* The client's own trade, named beside the age ("40v mies, lakimies (OTM)",
   * "36v nainen, toimintaterapeutti;"), is who the client is, not a need: a
   * concept of another kind it finds (legal aid, therapy) is the client's
   * background. The concepts of a field of work (tyonhaku_*) keep their
   * role: the trade held is often the work sought. */
  if (x->signals && e->gen.thes && x->set.age_lo >= 0)
    for (size_t k = 0; k < x->nfound; k++) {
      const kt__found *f = &x->found[k];
      if (f->first != f->last || !own_trade(x, f->first)) continue;
      if (!strncmp(kt__thesaurus_concept(e->gen.thes, f->concept)->id, "tyonhaku_", 9)) continue;
      if (x->rd.role[f->first] == KT__ROLE_SITUATION) x->rd.role[f->first] = KT__ROLE_BACKGROUND;
    }
  /* A need whose past is the need (`past: need`): "ollut kotona lasten kanssa
   * viisi vuotta" is the return from family leave, "vapautui vankilasta" the
   * release; the words that found it are of now. Likewise a need told of
   * another person (`other: need`): "puoliso tuli tänne töihin" is the
   * client who followed. Not a past dated long ago: "kävi 2020 perhevapaalta
   * työelämään -valmennuksen ja oli sen jälkeen viisi vuotta pankissa". */
  if (x->signals && e->gen.thes)
    for (size_t k = 0; k < x->nfound; k++) {
      const kt__concept *c = kt__thesaurus_concept(e->gen.thes, x->found[k].concept);
      if (!c->past_need && !c->past_childhood && !c->other_need) continue;
      for (size_t i = x->found[k].first; i <= x->found[k].last && i < ntok; i++)
        if ((c->past_need && x->rd.role[i] == KT__ROLE_BACKGROUND && !x->rd.long_ago[i]) ||
            (c->past_childhood && x->rd.role[i] == KT__ROLE_BACKGROUND &&
             kt__reading_childhood_clause(x->an, &x->rd, i)) ||
            (c->other_need && x->rd.role[i] == KT__ROLE_ASIDE))
          x->rd.role[i] = KT__ROLE_SITUATION;
    }
  /* A need only as a wish (`now: wish`): told as the situation while the
   * note wishes or asks for something else ("tekee siivouskeikkoja, haluaa
   * oman alan töihin"), it is what the client does now, not what they ask
   * for. A note that wishes for nothing (a list of keywords, "keikkatyökin
   * käy") keeps it, and so does a mention in a sentence that wishes or asks
   * ("haluis äkkii töihi, vaik keikkaa aluks", "kysyy mist keikkoi
   * löytyy"). */
  bool only_wished = false; /* found one; then read the note's wishes */
  for (size_t k = 0; x->signals && e->gen.thes && k < x->nfound && !only_wished; k++)
    only_wished = kt__thesaurus_concept(e->gen.thes, x->found[k].concept)->wish_need;
  if (only_wished) {
    bool wish = false;
    for (size_t i = 0; i < ntok && !wish; i++)
      wish = wishes_at(x, i);
    for (size_t k = 0; wish && k < x->nfound; k++) {
      const kt__found *f = &x->found[k];
      if (!kt__thesaurus_concept(e->gen.thes, f->concept)->wish_need) continue;
      if (wished_in_sentence(x, f->first) || (f->again_first != SIZE_MAX && f->again_first < ntok &&
                                              wished_in_sentence(x, f->again_first)))
        continue;
      for (size_t i = f->first; i <= f->last && i < ntok; i++)
        if (x->rd.role[i] == KT__ROLE_SITUATION) x->rd.role[i] = KT__ROLE_BACKGROUND;
    }
  }
  /* The words an age was read from stay in the query: "-vuotias" matches
   * the age limits written in services' conditions (measured: +0.9 pt nDCG). */

  /* 1. The need's own words, weighed by their role in the note. */
  for (size_t i = 0; i < ntok && !rc; i++) {
    const kt_token *t = kt_analysis_get(x->an, i);
    if (t->stopword || x->rejected[i]) continue;
    if (x->baseline) {
      char term[256], stem[240];
      if (opts->flags & KT_SEARCH_MODE_SURFACE) {
        snprintf(term, sizeof term, KT__PREFIX_SURFACE "%s", t->surface);
      } else {
        if ((rc = kt__analyzer_stem(e->an, t->surface, stem, sizeof stem))) break;
        snprintf(term, sizeof term, KT__PREFIX_SNOWBALL "%s", stem);
      }
      rc = kt__query_add(&x->q, term, 1.0, i, -1, KT_TERM_LEMMA);
      continue;
    }
    if (!(opts->flags & KT_SEARCH_NO_READING) && kt__null_token(t)) continue;
    double role = role_weight(rk, x->rd.role[i]) * (x->rd.generic[i] ? rk->generic_word : 1.0);
    /* A foreign word (a stem, no Finnish reading) that found a concept
     * speaks through the concept's catalogue words: on its own, "office"
     * matches any English text that says "office". */
    bool found_concept = false;
    for (size_t k = 0; k < x->nfound && !found_concept; k++)
      found_concept = x->found[k].first <= i && i <= x->found[k].last;
    for (size_t k = 0; k < t->term_count && !rc; k++) {
      int kind = t->terms[k].kind;
      if (kind == KT_TERM_PART && (opts->flags & KT_SEARCH_NO_COMPOUNDS)) continue;
      /* A generic part says nothing: "putkimies" is no "mies". */
      if (kind == KT_TERM_PART && kt__generic_term(t->terms[k].text)) continue;
      if (kind == KT_TERM_FIXED && (opts->flags & KT_SEARCH_NO_UMLAUT_FIX)) continue;
      if (kind == KT_TERM_TYPO && no_typos) continue;
      double w = term_weight(rk, kind) * role;
      if (kind == KT_TERM_STEM && found_concept) w *= rk->foreign_found;
      rc = kt__query_add(&x->q, t->terms[k].text, w, i, -1, kind);
    }
  }
  if (rc) return rc;

  /* 2. Needs: the concepts' expansions, at the role of the words that found them. */
  if (!x->baseline && e->gen.thes) {
    for (size_t k = 0; k < x->nfound && !rc; k++) {
      const kt__concept *c = kt__thesaurus_concept(e->gen.thes, x->found[k].concept);
      for (size_t i = x->found[k].first; i <= x->found[k].last; i++)
        if (x->token_need[i] < 0) x->token_need[i] = (int)k;
      size_t by = kt__query_found_word(x, &x->found[k]);
      int r = x->rd.role[by];
      double role = r == KT__ROLE_BACKGROUND ? rk->role_background_concept : role_weight(rk, r);
      if (!(opts->flags & KT_SEARCH_NO_THESAURUS))
        for (size_t j = 0; j < c->nexp && !rc; j++) {
          double w = c->exp[j].weight * rk->expansion_scale *
                     (x->found[k].by_service ? rk->service_word_expansion : 1.0);
          if (w < rk->min_expansion_weight) continue;
          rc = kt__query_add(&x->q, c->exp[j].term, w * role, by, (int)x->found[k].concept, 0);
        }
    }
  }
  if (rc) return rc;
  /* A concept of the client's past ("ollut kassalla") says nothing about
   * which groups the client belongs to now, except that one who migrated
   * ("muutti Suomeen 2015") still has. */
  if (x->signals) {
    /* A Finland-Swede whose Finnish is weak has not migrated: the
     * immigrants' group of a concept is no group of theirs unless the note
     * tells of a move from abroad ("Syyriasta 2016 tullut"). */
    bool finland_swede = x->set.native_swedish && !x->set.migrated;
    for (size_t k = 0; k < x->nfound && !rc; k++) {
      const kt__concept *c = kt__thesaurus_concept(e->gen.thes, x->found[k].concept);
      for (size_t g = 0; g < c->ngroups; g++) {
        x->set.migrated |= !strcmp(c->groups[g], "maahanmuuttajat") && !finland_swede;
        /* ... and so has one who used substances or served a sentence. */
        x->set.problem_past |= kt__signals_problem_group(c->groups[g]);
      }
      int r = x->rd.role[kt__query_found_word(x, &x->found[k])];
      if (r == KT__ROLE_BACKGROUND || r == KT__ROLE_ASIDE) continue;
      for (size_t g = 0; g < c->ngroups && !rc; g++)
        /* Another person's sentence or substance use is theirs: a partner
         * in prison opens the services that serve prisoners' relatives
         * (Krits), but the client is not one with a criminal record. */
        if ((!finland_swede || strcmp(c->groups[g], "maahanmuuttajat")) &&
            !(c->other_need && kt__signals_problem_group(c->groups[g])))
          rc = kt__signals_add_group(&x->set, x->res, c->groups[g], x->an, x->found[k].first,
                                     x->found[k].last);
    }
    /* A note that asks only for services made for one group ("Vain
     * palvelut, jotka on tarkoitettu nimenomaan pitkään työttöminä
     * olleille"): the group by its word or by the one group of a concept
     * found there. */
    size_t ntok = kt_analysis_count(x->an);
    const char **cgroup = rc ? NULL : calloc(ntok + 1, sizeof *cgroup);
    if (!rc && !cgroup) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    for (size_t k = 0; !rc && k < x->nfound; k++) {
      const kt__concept *c = kt__thesaurus_concept(e->gen.thes, x->found[k].concept);
      for (size_t i = x->found[k].first; c->ngroups == 1 && i <= x->found[k].last && i < ntok; i++)
        cgroup[i] = c->groups[0];
    }
    if (!rc) rc = kt__signals_read_group_only(x->an, x->text, x->rejected, cgroup, &x->set, x->res);
    free(cgroup);
    if (!rc) rc = kt__signals_correct(&x->set, x->res, opts); /* the counsellor's corrections */
    if (rc) return rc;
    /* Is a service of the client's municipality only rare in this index (under
     * a quarter of the services are available there)? The municipality as
     * the counsellor corrected it. */
    if (x->set.municipality) {
      char term[128];
      size_t df = 0;
      snprintf(term, sizeof term, KT__PREFIX_MUNICIPALITY "%s", x->set.municipality);
      if ((rc = kt__gen_termfreq(&e->gen, term, &df))) return rc;
      x->set.own_area_rare = df * 4 < e->gen.services;
    }
  }

  /* Needs that retrieve: the target groups the note signals (age, long
   * unemployment, language, a concept's groups) join the query, so services
   * made for such a client are candidates even when no word matches them. */
  if (x->signals && rk->group_retrieval > 0)
    for (size_t g = 0; g < x->set.ngroups && !rc; g++) {
      char term[128];
      snprintf(term, sizeof term, KT__PREFIX_GROUP "%s", x->set.groups[g]);
      rc = kt__query_add(&x->q, term, rk->group_retrieval, 0, -1, 0);
    }
  return rc;
}

void kt__query_free(ctx *x) {
  for (size_t i = 0; x->q.q && i < x->q.n; i++)
    free(x->q.q[i].term);
  free(x->q.q);
  free(x->q.slots);
  free(x->rejected);
  free(x->token_need);
  kt_results_free(x->res);
  kt__reading_free(&x->rd);
  kt_analysis_free(x->an);
}
