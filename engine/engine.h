/*
 * engine.h — the engine handle's layout, shared by engine.c and search.c.
 */
#ifndef KT_ENGINE_H
#define KT_ENGINE_H

#include "internal.h"
#include "xapian_shim.h"

/* One open index generation. */
typedef struct kt__gen {
  char *name;          /* generation directory name */
  ktx_db *db;
  kt__store *store;
  char built_at[32];
  size_t services;
} kt__gen;

struct kt_engine {
  char *root;          /* index root */
  kt__gen gen;
  kt_analyzer *an;
};

#endif
