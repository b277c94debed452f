/*
 * catalog.h — the catalogue loader and validator (catalog.c): one JSON
 * record per service under <catalog>/services, checked in full before
 * anything is indexed. Private to the indexer (and its tests).
 */
#ifndef KT_CATALOG_H
#define KT_CATALOG_H

#include "internal.h"
#include "schema.h"

/* Multilingual text: Finnish always present after validation. */
typedef struct kt__ml {
  const char *fi, *sv, *en;
} kt__ml;
typedef struct kt__service {
  char *file; /* path it came from */
  const char *id;
  kt__ml name, summary, description, target_description, requirements, referral;
  const char *category;
  const char **target_groups;
  size_t n_target_groups;
  const char **languages;
  size_t n_languages;
  const char **municipalities;
  size_t n_municipalities;
  const char **delivery;
  size_t n_delivery;
  const char **keywords;
  size_t n_keywords; /* all languages */
  const char *provider_name, *provider_type, *finnish_level, *cost;
  const char *fee;      /* "maksuton", "osittain", "maksullinen" or NULL */
  int age_min, age_max; /* -1 when absent */
  const char *status;   /* "active" (also when absent), "composite", "ended", "seasonal" */
  bool ended;           /* status "ended": kept in the records, never indexed for search */
  char *json;           /* canonical JSON of the record (owned) */
  void *root;           /* json_t* owning the strings above */
} kt__service;
/* Validate every `services/<id>.json` under @p dir (and one level of
 * subfolders), calling @p fn with each service in file-name order while
 * every file so far is valid; a failed scan tells the caller to discard what
 * @p fn built, and its thread-local message lists each problem ("file:
 * field: expected ..."). The service is freed after @p fn returns, unless
 * @p fn took it over (moved it out and zeroed *s). @p fn may be NULL
 * (validation only); a non-zero return stops the scan. */
typedef int (*kt__service_fn)(kt__service *s, size_t index, size_t total, void *ud);
typedef struct kt__scan_stats {
  size_t services;
  size_t bytes; /* of all service files */
} kt__scan_stats;
int kt__catalog_scan(const char *dir, kt__service_fn fn, void *ud, kt__scan_stats *stats);
/* Total size of the catalogue's service files (for sizing a build's store). */
int kt__catalog_bytes(const char *dir, size_t *bytes);
/* The learned usefulness of services, `<catalog>/learned/prior.tsv` (format
 * in catalog/learned/README.md): each line "id<TAB>useful<TAB>seen", how
 * often the service was judged useful of the times it was in a top 20 of
 * the development notes. Calls @p fn (may be NULL: validation only) with
 * each line once the whole file is valid. No file is no priors (KT_OK, *n
 * 0). KT_ECATALOG lists every bad line ("prior.tsv:12: ..."): a malformed
 * line, an unknown or repeated service id, useful > seen. */
typedef int (*kt__prior_fn)(const char *id, unsigned useful, unsigned seen, void *ud);
int kt__catalog_priors(const char *dir, kt__prior_fn fn, void *ud, size_t *n);
/* The same per need, `<catalog>/learned/concept_prior.tsv`: each line
 * "concept<TAB>id<TAB>useful<TAB>seen", how often the service was judged
 * useful of the times it was in a top 20 of a development note in which the
 * thesaurus concept was found as a need of now. Errors as above, and an
 * unknown concept id (the thesaurus's "[id]" sections) or a pair listed
 * twice. */
typedef int (*kt__concept_prior_fn)(const char *concept, const char *id, unsigned useful,
                                    unsigned seen, void *ud);
int kt__catalog_concept_priors(const char *dir, kt__concept_prior_fn fn, void *ud, size_t *n);
/* The services judged useful per need (catalog/learned/concept_useful.tsv,
 * "concept service useful notes"), checked as concept_prior.tsv is; no file
 * is no pairs. */
int kt__catalog_concept_useful(const char *dir, kt__concept_prior_fn fn, void *ud, size_t *n);
/* Validate one JSON text as a service record named @p file. */
int kt__service_parse(const char *file, const char *json, size_t len, kt__service *out,
                      kt__buf *errors);
void kt__service_free(kt__service *s);
/* Why @p provider_name names an organisation that no longer exists (the
 * catalogue's defunct-organisations table), or NULL if it does not. The
 * returned text is static. */
const char *kt__defunct_provider(const char *provider_name);

#endif
