/*
 * query.h — the need read into a weighted query (query.c).
 */
#ifndef KT_QUERY_H
#define KT_QUERY_H

#include "search_state.h"

/* Add @p term at weight @p w (from need word @p word; of concept @p concept
 * or -1; of term kind @p kind, 0 for expansions); a term already in the
 * query keeps the larger weight. At most MAX_QUERY_TERMS terms. */
int kt__query_add(query *qs, const char *term, double w, size_t word, int concept, int kind);
/* Read the need of @p text (its arguments and length checked by the
 * caller) with @p opts: analysis, the reading of its clauses, the needs
 * (concepts) and signals found, the counsellor's corrections, and the
 * weighted query they make. Fills @p x (zeroed by the caller), which
 * kt__query_free() frees, also after a failure. */
int kt__query_read_need(ctx *x, kt_engine *e, const char *text, size_t len,
                        const kt_search_options *opts);
/* The word that speaks for found concept @p f: the one with the strongest
 * role among the words that found it (goal, situation, background, aside). */
size_t kt__query_found_word(const ctx *x, const kt__found *f);
/* Is found concept @p f an inability as the thesaurus writes it, its
 * negation first and its verb next ("ei lähde kotoa", "ei jaksa nousta
 * sängystä")? The inability is then the need, though the reading marks its
 * words as a refusal's. */
bool kt__query_inability(const ctx *x, const kt__found *f);
/* Free what kt__query_read_need() put in @p x. */
void kt__query_free(ctx *x);

#endif
