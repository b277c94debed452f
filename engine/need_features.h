/*
 * need_features.h — the features of a need as feedback stores them
 * (need_features.c): read as a search reads the need, without ranking.
 */
#ifndef KT_NEED_FEATURES_H
#define KT_NEED_FEATURES_H

#include "kohtaanto.h"

#include <stddef.h>

/* The need's features as feedback stores them, sorted and unique: concept
 * ids "c:<id>", target-group signals "g:<group>", and "w:<base form>" for
 * its words that are catalogue vocabulary (in the index), leaving out
 * numbers, capitalised names inside a sentence and rejected words. */
int kt__need_features(kt_engine *e, const char *text, size_t len, char ***out, size_t *n);
void kt__features_free(char **f, size_t n);

/* The features of the need a search has read into @p x (search_state.h),
 * as kt__need_features() gives them. */
struct ctx;
int kt__need_features_of(const struct ctx *x, char ***out, size_t *nout);

#endif
