/*
 * browse.h — the catalogue as a list (browse.c): what the engine's
 * generation keeps of it.
 */
#ifndef KT_BROWSE_H
#define KT_BROWSE_H

#include "internal.h"
#include "kohtaanto.h"
#include "xapian_shim.h"

#include <stdbool.h>
#include <stddef.h>

/* The parsed records and facet values of one generation, built by the first
 * kt_services_json() on it and kept in kt__gen.browse. */
typedef struct kt__browse kt__browse;
/* Free @p b; NULL is a no-op. */
void kt__browse_free(kt__browse *b);

/* Whether a search with @p opts filters and counts over every service it
 * matched (KT_SEARCH_COUNTS, or a filter of the closed vocabularies, which
 * the index has no terms for) instead of through Xapian's filter terms. */
bool kt__browse_wide(const kt_search_options *opts);
/* Filter the unfiltered @p hits of such a search (best first) by every
 * filter of @p opts, keeping at most @p keep in order; *matches is how many
 * passed. With @p facets, the filter counts as JSON (kt_results_facets_json)
 * in @p arena. KT_EINVAL/KT_ETOOBIG for a bad filter value. The listing it
 * reads is the generation's (kt__gen.browse), as kt_services_json()'s. */
int kt__browse_hits(kt_engine *e, const kt_search_options *opts, ktx_hit *hits, size_t *nhits,
                    size_t keep, size_t *matches, kt__arena *arena, const char **facets);

#endif
