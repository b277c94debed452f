/*
 * results.h — search results (results.c): one arena holds everything.
 */
#ifndef KT_RESULTS_H
#define KT_RESULTS_H

#include "internal.h"

/* Search results: everything lives in one arena, freed together. */
struct kt_results {
  kt__arena arena;
  kt_result *items;
  size_t count, matches;
  kt_signal *signals;
  size_t nsignals;
  kt_need *needs;
  size_t nneeds;
  const char *facets; /* filter counts as JSON (KT_SEARCH_COUNTS), or NULL */
  const char *lang;   /* language of the explanations ("fi", "sv", "en"), static */
};

#endif
