/*
 * engine.h — the engine handle (engine.c): its open index generation with
 * the per-generation caches (documents, document frequencies), and the
 * index root's `current` generation.
 */
#ifndef KT_ENGINE_H
#define KT_ENGINE_H

#include "internal.h"
#include "ranking.h"
#include "schema.h"
#include "store_lmdb.h"
#include "xapian_shim.h"

/* Version of the index layout (document data, term spaces, thesaurus). An
 * engine refuses a generation of another format: rebuild it. */
#define KT__INDEX_FORMAT "7"

/* One open index generation. */
typedef struct kt__gen {
  char *name; /* generation directory name */
  ktx_db *db;
  ktx_db *eval_db; /* the evaluation index (KT__EVAL_DIR), NULL if not built */
  kt__store *store;
  char built_at[32];
  size_t services;
  struct kt__thesaurus *thes; /* NULL if the generation has none */
  struct kt__doc **docs;      /* per docid: parsed document data, filled on first use */
  size_t ndocs;               /* lastdocid + 1 */
  struct kt__dfcache *df;     /* term -> document frequency, filled on first use */
  double prior_base;          /* learned priors' share useful over all services; -1: none */
  bool concept_priors; /* the generation has learned priors per need (KT__CONCEPT_PRIOR_KEY) */
  bool concept_useful; /* ... and the services judged useful per need (KT__CONCEPT_USEFUL_KEY) */
  struct kt__browse *browse; /* the catalogue as a list (browse.c), built on first use */
} kt__gen;
/* Resolve the current generation directory of an index root (caller frees). */
int kt__index_current(const char *index_dir, char **gen_path);

/* Documents of generation @p g holding @p term (0 when none), into *out;
 * cached per generation (a generation never changes). KT_OK, or the status
 * of a failing backend (ktx_db_termfreq), with its message; a failure is
 * not cached. */
int kt__gen_termfreq(kt__gen *g, const char *term, size_t *out);

/* A service's document data, split into its fields (KT__D_*, schema.h),
 * with the features that need signals act on. Cached per generation:
 * reading it from Xapian for every candidate of every search costs more
 * than the ranking itself. */
typedef struct kt__doc {
  char *buf; /* the data, tabs replaced by NULs */
  const char *f[KT__D_NFIELDS];
  int age_min, age_max, finnish_level;
  /* Learned prior (KT__PRIOR_KEY): judged useful and seen in development
   * notes' top 20; seen 0 when the service has no prior. */
  unsigned prior_useful, prior_seen;
  /* Learned priors per need (KT__CONCEPT_PRIOR_KEY), sorted by concept
   * (the thesaurus's index); none when the generation has none. */
  struct kt__cprior *cpriors;
  size_t ncpriors;
  /* The name's content words, each as " term term " (its base forms), for
   * recognising a need text that names the service; NULL until first use. */
  char **name_words;
  /* Per name word: a level or an abbreviation in the name's parentheses
   * ("Työelämän suomi (B1)"), not needed to name the service. */
  bool *name_qualifier;
  size_t n_name_words;
  bool name_read;
  char *summary, *description; /* Finnish texts from the record; NULL until first explained */
  char *requirements;          /* its Finnish requirements ("" if none); with the texts */
  char **related;              /* the ids of the entry's related services; with the texts */
  size_t nrelated;
  struct kt__docterms *terms; /* prepared at index time (docterms.h); NULL until first explained */
} kt__doc;
/* The cached document @p docid of generation @p g (read on first use). It
 * belongs to the generation (freed with it) and is handed out writable: its
 * parts read on first use (name_words, summary, description) are filled in
 * by the search that first needs them (an engine serves one thread). */
int kt__gen_doc(kt__gen *g, unsigned docid, kt__doc **out);

/* A service's learned prior among the notes that found one concept. */
typedef struct kt__cprior {
  size_t concept; /* index in the generation's thesaurus */
  unsigned useful, seen;
} kt__cprior;

/* The learned prior of document @p d among notes that found concept @p
 * concept (an index in the thesaurus): NULL when the pair has none. */
const kt__cprior *kt__doc_concept_prior(const kt__doc *d, size_t concept);

/* Pseudo-relevance feedback (search.c): the @p k best expansion terms of
 * documents @p ids of the current generation, best first (malloc'ed
 * strings, *@p nout of them), weighed as Xapian's query expansion weighs
 * them but from the terms prepared at index time. */
int kt__prf_expand(kt_engine *e, const unsigned *ids, size_t nd, size_t k, char ***out,
                   size_t *nout);

struct kt_engine {
  char *root; /* index root */
  kt__gen gen;
  kt_analyzer *an;
  kt_feedback *fb;  /* attached feedback store, or NULL (not owned) */
  kt__ranking rank; /* the ranking table (ranking.h); the defaults unless tuned */
  /* The last generation kt_engine_refresh() refused as damaged (its name,
   * status and message), so that it is not checked again every refresh. */
  char *refused;
  int refused_rc;
  char refused_msg[1024];
};

#endif
