/*
 * browse.h — the catalogue as a list (browse.c): what the engine's
 * generation keeps of it.
 */
#ifndef KT_BROWSE_H
#define KT_BROWSE_H

/* The parsed records and facet values of one generation, built by the first
 * kt_services_json() on it and kept in kt__gen.browse. */
typedef struct kt__browse kt__browse;
/* Free @p b; NULL is a no-op. */
void kt__browse_free(kt__browse *b);

#endif
