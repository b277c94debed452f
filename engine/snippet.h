/*
 * snippet.h — the passage of a description with the matched words (snippet.c).
 */
#ifndef KT_SNIPPET_H
#define KT_SNIPPET_H

#include "internal.h"

struct kt__docterms;
/* Pick the passage of @p text (snippet text @p which of the service: 0 its
 * Finnish summary, 1 its description) with most of the @p nterms matched
 * terms, from its words prepared at index time, and mark the words that
 * carry them. */
int kt__snippet(const char *text, const struct kt__docterms *dt, int which,
                const char *const *terms, size_t nterms, kt__arena *arena, const char **snippet,
                kt_span **spans, size_t *nspans);

#endif
