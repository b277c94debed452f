/*
 * engine.h — the engine handle's layout, shared by engine.c and search.c.
 */
#ifndef KT_ENGINE_H
#define KT_ENGINE_H

#include "internal.h"
#include "ranking.h"
#include "reading.h"
#include "schema.h"
#include "thesaurus.h"
#include "xapian_shim.h"

/* Version of the index layout (document data, term spaces, thesaurus). An
 * engine refuses a generation of another format: rebuild it. */
#define KT__INDEX_FORMAT "3"

/* One open index generation. */
typedef struct kt__gen {
  char *name;          /* generation directory name */
  ktx_db *db;
  kt__store *store;
  char built_at[32];
  size_t services;
  struct kt__thesaurus *thes; /* NULL if the generation has none */
  struct kt__doc **docs;       /* per docid: parsed document data, filled on first use */
  size_t ndocs;                /* lastdocid + 1 */
  struct kt__dfcache *df;      /* term -> document frequency, filled on first use */
} kt__gen;
/* Resolve the current generation directory of an index root (caller frees). */
int kt__index_current(const char *index_dir, char **gen_path);

/* Documents of generation @p g holding @p term, cached per generation (a
 * generation never changes); 0 when none (or when the backend fails, as
 * ktx_db_termfreq). */
size_t kt__gen_termfreq(kt__gen *g, const char *term);

/* A service's document data, split into fields, with the features that
 * need signals act on. Cached per generation: reading it from Xapian for
 * every candidate of every search costs more than the ranking itself. */
enum { KT__D_ID, KT__D_NAME, KT__D_CAT, KT__D_PROVIDER, KT__D_AGEMIN, KT__D_AGEMAX,
       KT__D_FINLEVEL, KT__D_GROUPS, KT__D_LANGS, KT__D_MUNIS, KT__D_NFIELDS };
typedef struct kt__doc {
  char *buf;                      /* the data, tabs replaced by NULs */
  const char *f[KT__D_NFIELDS];
  int age_min, age_max, finnish_level;
  /* The name's content words, each as " term term " (its base forms), for
   * recognising a need text that names the service; NULL until first use. */
  char **name_words;
  size_t n_name_words;
  bool name_read;
  char *summary, *description; /* Finnish texts from the record; NULL until first explained */
} kt__doc;
/* The cached document @p docid of generation @p g (read on first use). */
int kt__gen_doc(kt__gen *g, unsigned docid, const kt__doc **out);

struct kt_engine {
  char *root;          /* index root */
  kt__gen gen;
  kt_analyzer *an;
  kt_feedback *fb;     /* attached feedback store, or NULL (not owned) */
  kt__ranking rank;    /* the ranking table (ranking.h); the defaults unless tuned */
  /* The last generation kt_engine_refresh() refused as damaged (its name,
   * status and message), so that it is not checked again every refresh. */
  char *refused;
  int refused_rc;
  char refused_msg[1024];
};

/* ---- features of a need (search.c), for feedback ------------------------ */
/* The need's features as feedback stores them, sorted and unique: concept
 * ids "c:<id>", target-group signals "g:<group>", and "w:<base form>" for
 * its words that are catalogue vocabulary (in the index), leaving out
 * numbers, capitalised names inside a sentence and rejected words. */
int kt__need_features(kt_engine *e, const char *text, size_t len, char ***out, size_t *n);
void kt__features_free(char **f, size_t n);

/* ---- feedback.c ---------------------------------------------------------- */
/* Score multiplier of @p service for a need with @p features (1.0 when the
 * store knows nothing), appending its effects. Safe from any thread. */
double kt__feedback_factor(kt_feedback *fb, const char *const *features, size_t n,
                           const char *service, kt__arena *arena, kt_effect *effects,
                           size_t max_effects, size_t *neffects);
/* kt_feedback_add() at a given time (tests of expiry). */
int kt__feedback_add_at(kt_feedback *fb, kt_engine *e, const char *text, size_t len,
                        const char *service_id, int kind, int reason, long long when);

/* Search results: everything lives in one arena, freed together. */
struct kt_results {
  kt__arena arena;
  kt_result *items;
  size_t count, matches;
  kt_signal *signals;
  size_t nsignals;
  kt_need *needs;
  size_t nneeds;
};

/* ---- signals.c --------------------------------------------------------- */
typedef struct kt__sigset {
  int age_lo, age_hi;            /* client's age range; -1 unknown */
  size_t age_first, age_last;    /* tokens it was read from ("19 -vuotias") */
  int no_finnish, basic_finnish, lang_en, lang_sv;
  int long_unemployed;
  const char *municipality;      /* case-folded name, or NULL */
  const char *groups[32];        /* target groups signalled */
  size_t ngroups;
} kt__sigset;

/* Read the need signals of @p a into @p set and, with their labels and
 * spans, into @p res (arena-allocated). */
int kt__signals_read(const kt_analysis *a, const char *text, const bool *rejected,
                     kt__sigset *set, kt_results *res);
/* Add target group @p group (a concept's or a reading's) to the signals. */
int kt__signals_add_group(kt__sigset *set, kt_results *res, const char *group,
                          const kt_analysis *a, size_t first, size_t last);
/* Apply the counsellor's corrections of @p opts (signals_removed, client_*)
 * to @p set and the listed signals; KT_EINVAL for an unknown kind or value. */
int kt__signals_correct(kt__sigset *set, kt_results *res, const kt_search_options *opts);
/* Effects of @p set on a service: fills up to @p max effects (arena strings),
 * returns the count; *factor is their product. */
size_t kt__signals_apply(const kt__sigset *set, const kt__doc *d, const kt__ranking *rank,
                         kt__arena *arena, kt_effect *out, size_t max, double *factor);

/* ---- snippet.c --------------------------------------------------------- */
/* Pick the passage of @p text (Finnish description) with most of the
 * @p nterms matched terms and mark the words that carry them. */
int kt__snippet(kt_analyzer *an, const char *text, const char *const *terms, size_t nterms,
                kt__arena *arena, const char **snippet, kt_span **spans, size_t *nspans);

#endif
