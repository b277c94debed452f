/*
 * search_state.h — the state one search shares between its parts: the
 * orchestrator (search.c), the query (query.c), re-ranking (rerank.c), the
 * explanations (explain.c) and the need's feedback features
 * (need_features.c). Private to those files.
 */
#ifndef KT_SEARCH_STATE_H
#define KT_SEARCH_STATE_H

#include "engine.h"
#include "reading.h"
#include "signals.h"
#include "thesaurus.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define MAX_QUERY_TERMS 2048
#define MAX_FOUND 64
#define MAX_EFFECTS 8

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
  /* term -> index + 1 in q (0: empty), open addressing, grown to stay at
   * most half full: a long note has hundreds of terms, a short one a few
   * dozen (a fixed table for MAX_QUERY_TERMS cost 4 % of a search to clear). */
  unsigned *slots;
  size_t nslots; /* 0 or a power of two */
} query;

/* A retrieved service being ranked. */
typedef struct cand {
  ktx_hit *hit;
  double score;
  const char *const *f; /* its document data fields (KT__D_*) */
  kt__doc *doc;         /* the generation's cached document (parts read on first use) */
  unsigned *masks;      /* per query term: fields where it matched (NULL until read) */
  int need;             /* main need (index into found), -1 */
  bool named;           /* the need text names the service */
  double named_score;   /* its score right after the name lifted it (kt__rerank_ask_named) */
  size_t name_effect;   /* the name's effect in effects[] */
  bool suggested;       /* added as a need's most useful service (rerank.c kt__rerank_suggest) */
  bool name_holds;      /* its name holds every word of a keyword note (keyword_in_name) */
  bool related;         /* lifted as related to the service the need names (kt__rerank_related) */
  double prior;         /* the learned priors' factor in score (0: none applied) */
  unsigned weak;        /* explained: WEAK_* bits when every matched word is weak, else 0 */
  kt_effect effects[MAX_EFFECTS];
  size_t neffects;
} cand;

typedef struct wordmatch {
  size_t word;
  int concept;
  const char *term;
  unsigned fields;
  double share, best;
} wordmatch;

/* Everything one search works with. */
typedef struct ctx {
  kt_engine *e;
  const char *text;
  unsigned flags;
  kt_analysis *an;
  query q;
  double *idf;
  const char **terms;
  size_t *term_order; /* indices of terms, sorted by strcmp() (explain.c masks) */
  kt__found found[MAX_FOUND];
  size_t nfound;
  int *token_need; /* per token: index into found, or -1 */
  kt__reading rd;  /* clauses and roles of the note's words (reading.c) */
  kt_results *res;
  int lang;       /* KT__LANG_* of the explanations */
  bool baseline;  /* a baseline term space (KT_SEARCH_MODE_*): words only */
  bool signals;   /* need signals read and applied */
  bool *rejected; /* per token: refused, denied or otherwise silent */
  kt__sigset set; /* the need signals, after the counsellor's corrections */
} ctx;

#endif
