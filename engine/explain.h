/*
 * explain.h — the results of a search and their explanations (explain.c).
 */
#ifndef KT_EXPLAIN_H
#define KT_EXPLAIN_H

#include "search_state.h"

/* Per query term, the fields of candidate @p c that hold it (read once). */
int kt__explain_masks(ctx *x, cand *c);
/* The service's terms prepared at index time (docterms.h) into d->terms,
 * read once per generation. */
int kt__explain_docterms(kt_engine *e, kt__doc *d);
/* The Finnish summary, description and requirements of service @p id (its
 * cached document @p d), read once per generation from its record. */
int kt__explain_texts(kt_engine *e, kt__doc *d, const char *id);
/* The need candidate @p c serves most (index into x->found), or -1. */
int kt__explain_main_need(ctx *x, cand *c);
/* The public results: the first @p limit of the ranked candidates @p cs,
 * each with its explanation (matches, effects, main need, snippet, weak
 * evidence) and a score below the one above it. @p wm and @p mterms are
 * scratch of x->q.n entries. */
int kt__explain_results(ctx *x, cand *cs, size_t nc, size_t limit, wordmatch *wm,
                        const char **mterms);
/* Reorder the results into groups, one per need (KT_SEARCH_GROUP_BY_NEED). */
int kt__explain_group_by_need(kt_results *res);
/* The needs as the results see them, each with the ranks it serves. */
int kt__explain_needs(ctx *x);

/* A concept's label in language @p lang (KT__LANG_*), Finnish when it has
 * none there; *@p lang_out gets the language code of the label given. */
const char *kt__explain_concept_label(const kt__concept *c, int lang, const char **lang_out);

#endif
