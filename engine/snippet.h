/*
 * snippet.h — the passage of a description with the matched words (snippet.c).
 */
#ifndef KT_SNIPPET_H
#define KT_SNIPPET_H

#include "internal.h"

/* Pick the passage of @p text (Finnish description) with most of the
 * @p nterms matched terms and mark the words that carry them. */
int kt__snippet(kt_analyzer *an, const char *text, const char *const *terms, size_t nterms,
                kt__arena *arena, const char **snippet, kt_span **spans, size_t *nspans);

#endif
