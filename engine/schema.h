/*
 * schema.h — what an index holds (schema.c): the fields with their term
 * prefixes, and the catalogue's vocabularies, read by indexing, search,
 * browsing and validation alike.
 */
#ifndef KT_SCHEMA_H
#define KT_SCHEMA_H

#include "kohtaanto.h"

#include <stdbool.h>

#define KT__NFIELDS 7
/* Term prefix of each field, in KT_FIELD_* bit order. */
extern const char *const kt__field_prefixes[KT__NFIELDS];

/* Baseline term spaces, indexed beside the analysed terms so evaluation can
 * compare analyses on one index: "Y" + surface form, "Z" + Snowball stem. */
#define KT__PREFIX_SURFACE "Y"
#define KT__PREFIX_SNOWBALL "Z"
/* A service's target group as a ranked term ("Gnuoret"), beside the
 * boolean filter term "XG" + group. */
#define KT__PREFIX_GROUP "G"

/* Finnish words for a target group id ("ikaantyneet" -> "ikääntyneet"), or
 * @p id itself for an unknown one. The returned text is static or @p id. */
const char *kt__target_group_label(const char *id);
/* Is @p id one of the catalogue's target group ids? */
bool kt__target_group_known(const char *id);
/* The catalogue's target group ids, in their documented order. */
extern const char *const kt__target_groups[];
extern const size_t kt__ntarget_groups;

#endif
