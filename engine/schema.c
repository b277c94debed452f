/*
 * schema.c — what an index holds: the fields with their term prefixes, and
 * the catalogue's vocabularies (schema.h). One table per piece of knowledge:
 * the indexer writes by it, search and browse read by it, the catalogue
 * loader validates by it.
 */
#include "schema.h"

#include <string.h>

#define N(a) (sizeof(a) / sizeof *(a))

const char *const kt__field_prefixes[KT__NFIELDS] = {"N", "S", "D", "K", "T", "R", "P"};

const char *kt_field_name(unsigned bit) {
  switch (bit) {
  case KT_FIELD_NAME: return "name";
  case KT_FIELD_SUMMARY: return "summary";
  case KT_FIELD_DESCRIPTION: return "description";
  case KT_FIELD_KEYWORDS: return "keywords";
  case KT_FIELD_TARGET: return "target";
  case KT_FIELD_CONDITIONS: return "conditions";
  case KT_FIELD_PROVIDER: return "provider";
  default: return "unknown";
  }
}

/* Target group ids (catalogue `target_groups`) and, in the same order, their
 * Finnish words. */
const char *const kt__target_groups[] = {
    "kaikki", "maahanmuuttajat", "nuoret", "pitkaaikaistyottomat", "osatyokykyiset",
    "korkeakoulutetut", "yrittajiksi_aikovat", "ikaantyneet", "tyonantajat",
    "paihdekuntoutujat", "vanhemmat", "vammaiset", "naiset", "lomautetut",
    "asunnottomat", "rikostaustaiset", "opiskelijat"};
const size_t kt__ntarget_groups = N(kt__target_groups);
static const char *const TARGET_GROUP_FI[] = {
    "kaikki", "maahanmuuttajat", "nuoret", "pitkäaikaistyöttömät", "osatyökykyiset",
    "korkeakoulutetut", "yrittäjiksi aikovat", "ikääntyneet", "työnantajat",
    "päihdekuntoutujat", "vanhemmat", "vammaiset", "naiset", "lomautetut",
    "asunnottomat", "rikostaustaiset", "opiskelijat"};
_Static_assert(N(TARGET_GROUP_FI) == N(kt__target_groups), "a Finnish word per target group");

bool kt__target_group_known(const char *id) {
  for (size_t i = 0; i < N(kt__target_groups); i++)
    if (!strcmp(kt__target_groups[i], id)) return true;
  return false;
}

const char *kt__target_group_label(const char *id) {
  for (size_t i = 0; i < N(kt__target_groups); i++)
    if (!strcmp(kt__target_groups[i], id)) return TARGET_GROUP_FI[i];
  return id;
}
