/*
 * engine.h — the engine handle's layout, shared by engine.c and search.c.
 */
#ifndef KT_ENGINE_H
#define KT_ENGINE_H

#include "internal.h"
#include "ranking.h"
#include "reading.h"
#include "xapian_shim.h"

/* Version of the index layout (document data, term spaces, thesaurus). An
 * engine refuses a generation of another format: rebuild it. */
#define KT__INDEX_FORMAT "4"

/* One open index generation. */
typedef struct kt__gen {
  char *name;          /* generation directory name */
  ktx_db *db;
  ktx_db *eval_db;     /* the evaluation index (KT__EVAL_DIR), NULL if not built */
  kt__store *store;
  char built_at[32];
  size_t services;
  struct kt__thesaurus *thes; /* NULL if the generation has none */
  struct kt__doc **docs;       /* per docid: parsed document data, filled on first use */
  size_t ndocs;                /* lastdocid + 1 */
  struct kt__dfcache *df;      /* term -> document frequency, filled on first use */
} kt__gen;
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
  struct kt__docterms *terms;  /* prepared at index time (docterms.h); NULL until first explained */
} kt__doc;
/* The cached document @p docid of generation @p g (read on first use). */
int kt__gen_doc(kt__gen *g, unsigned docid, const kt__doc **out);

struct kt__thesaurus;

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
                           const char *service, int lang, kt__arena *arena, kt_effect *effects,
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
  const char *facets; /* filter counts as JSON (KT_SEARCH_COUNTS), or NULL */
  const char *lang;   /* language of the explanations ("fi", "sv", "en"), static */
};

/* ---- thesaurus.c ------------------------------------------------------- */
typedef struct kt__thesaurus kt__thesaurus;
/* One expansion term of a concept, with its query weight (< 1). */
typedef struct kt__expansion {
  const char *term;
  double weight;
} kt__expansion;
typedef struct kt__concept {
  const char *id, *label, *label_sv, *label_en;
  double weight;
  const char *const *groups;
  size_t ngroups;
  const kt__expansion *exp;
  size_t nexp;
  bool negated_drop; /* `negated: drop`: a problem a denied mention rules out ("ei velkoja");
                      * otherwise a denied mention is a lack, which is the need ("ei tutkintoa") */
  int age_lo, age_hi; /* `age: LO-HI`: a client of that age has this need though no word names it */
} kt__concept;

/* Parse and validate the thesaurus files (*.txt) in @p dir, analyse their
 * entries and write the compiled form to @p out_path. A missing @p dir is
 * not an error (no thesaurus). Errors name file, line and what is wrong. */
int kt__thesaurus_compile(kt_analyzer *an, const char *dir, const char *out_path,
                          size_t *concepts_out);
/* Load a compiled thesaurus; *out = NULL if @p path does not exist. */
int kt__thesaurus_load(const char *path, kt__thesaurus **out);
void kt__thesaurus_free(kt__thesaurus *t);
size_t kt__thesaurus_count(const kt__thesaurus *t);
const kt__concept *kt__thesaurus_concept(const kt__thesaurus *t, size_t i);

/* A concept found in an analysed text. */
typedef struct kt__found {
  size_t concept;
  size_t first, last; /* token range of the entry that found it */
  bool by_service;    /* found by a service word: the text already speaks the catalogue's language */
} kt__found;
/* Find concepts in @p a. @p skip[i] marks tokens that must not find anything
 * (in a rejected scope: "ei halua koulutukseen"); @p clause[i] is token i's
 * clause (reading.c), or NULL to read the text as one clause: weak entries
 * need a context word in the same or a neighbouring clause, and a rule's
 * words must all be in one clause or the next. At most one kt__found per concept (its
 * first occurrence). Returns the count written to @p out. */
size_t kt__thesaurus_find(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                          const size_t *clause, kt__found *out, size_t max);

/* ---- signals.c --------------------------------------------------------- */
typedef struct kt__sigset {
  int age_lo, age_hi;            /* client's age range; -1 unknown */
  size_t age_first, age_last;    /* tokens it was read from ("19 -vuotias") */
  int no_finnish, basic_finnish, lang_en, lang_sv;
  int long_unemployed;
  const char *municipality;      /* case-folded name, or NULL */
  const char *groups[32];        /* target groups signalled */
  size_t ngroups;
  int migrated;                  /* a concept of the note, past included, is an immigrant's need */
  int lang;                      /* KT__LANG_* of the labels and effects (messages.h) */
} kt__sigset;

/* Read the need signals of @p a into @p set and, with their labels and
 * spans, into @p res (arena-allocated). */
int kt__signals_read(const kt_analysis *a, const char *text, const bool *rejected, int lang,
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

/* ---- browse.c ---------------------------------------------------------- */
/* Whether a search with @p opts filters and counts over every service it
 * matched (KT_SEARCH_COUNTS, or a filter of the closed vocabularies, which
 * the index has no terms for) instead of through Xapian's filter terms. */
bool kt__browse_wide(const kt_search_options *opts);
/* Filter the unfiltered @p hits of such a search (best first) by every
 * filter of @p opts, keeping at most @p keep in order; *matches is how many
 * passed. With @p facets, the filter counts as JSON (kt_results_facets_json)
 * in @p arena. KT_EINVAL/KT_ETOOBIG for a bad filter value. */
int kt__browse_hits(kt_engine *e, const kt_search_options *opts, ktx_hit *hits, size_t *nhits,
                    size_t keep, size_t *matches, kt__arena *arena, const char **facets);

/* ---- snippet.c --------------------------------------------------------- */
struct kt__docterms;
/* Pick the passage of @p text (snippet text @p which of the service: 0 its
 * Finnish summary, 1 its description) with most of the @p nterms matched
 * terms, from its words prepared at index time, and mark the words that
 * carry them. */
int kt__snippet(const char *text, const struct kt__docterms *dt, int which,
                const char *const *terms, size_t nterms, kt__arena *arena,
                const char **snippet, kt_span **spans, size_t *nspans);

#endif
