/*
 * ranking.c — the ranking table's defaults and access by name (ranking.h).
 */
#include "ranking.h"

#include "engine.h"

#include <string.h>

const kt__ranking kt__ranking_defaults = {
#define KT__RANK_DEFAULT(name, def, lo, hi, note) .name = (def),
    KT__RANKING_TABLE(KT__RANK_DEFAULT)
#undef KT__RANK_DEFAULT
};

static const kt__rank_param params[] = {
#define KT__RANK_ROW(name, def, lo, hi, note)                                                      \
  {#name, offsetof(kt__ranking, name), def, lo, hi, note},
    KT__RANKING_TABLE(KT__RANK_ROW)
#undef KT__RANK_ROW
};

const kt__rank_param *kt__ranking_params(size_t *n) {
  *n = sizeof params / sizeof *params;
  return params;
}

int kt__ranking_set(kt__ranking *r, const char *name, double value) {
  for (size_t i = 0; i < sizeof params / sizeof *params; i++) {
    if (strcmp(params[i].name, name)) continue;
    if (!(value >= params[i].lo && value <= params[i].hi))
      return kt__err(KT_EINVAL, "ranking parameter %s: %g is outside %g..%g", name, value,
                     params[i].lo, params[i].hi);
    /* offset is offsetof() a double member of kt__ranking (the table above). */
    // cppcheck-suppress invalidPointerCast
    *(double *)((char *)r + params[i].offset) = value;
    return KT_OK;
  }
  return kt__err(KT_EINVAL, "no ranking parameter is called '%s'", name);
}

int kt_engine_set_param(kt_engine *e, const char *name, double value) {
  kt__err_clear();
  if (!e || !name) return kt__err(KT_EINVAL, "kt_engine_set_param: NULL argument");
  return kt__ranking_set(&e->rank, name, value);
}

const char *kt_ranking_param(size_t i, double *def, double *lo, double *hi) {
  if (i >= sizeof params / sizeof *params) return NULL;
  if (def) *def = params[i].def;
  if (lo) *lo = params[i].lo;
  if (hi) *hi = params[i].hi;
  return params[i].name;
}
