/**
 * @file kohtaanto.h
 * @brief Kohtaanto: rank a city's employment and social services against a
 *        counsellor's free-text description of a client's need.
 *
 * This header is the whole public contract of libkohtaanto. It is pure C
 * (C11 or later), contains no C++ or Xapian types, and can be compiled alone
 * with `-std=c11 -pedantic -Werror`.
 *
 * ## Conventions
 * - All text parameters and results are UTF-8. Lengths are in bytes.
 * - Functions return 0 (KT_OK) on success and a negative `KT_E*` code on
 *   failure. `kt_strerror()` names a code; `kt_error_last()` gives the
 *   detailed, thread-local message of the last failure on the calling thread.
 *   Callers branch on the code, never on the message.
 * - Objects returned through a `T **out` parameter belong to the caller and
 *   are released with the matching `_close`/`_free` function. Every
 *   destructor accepts NULL.
 * - Pointers returned by accessors (`const char *`) are borrowed: each
 *   function says how long they stay valid.
 *
 * ## Threads
 * No handle may be used by two threads at once. Open one `kt_engine` per
 * thread (the Xapian and Voikko handles inside are not thread-safe); distinct
 * handles may be used concurrently, also on the same index. `kt_error_last()`
 * is per thread. `kt_index_build()` may run in another process or thread
 * while engines serve searches: readers never see a half-built index.
 *
 * ## Privacy
 * The library never logs or stores the need text passed to `kt_search()`.
 */
#ifndef KOHTAANTO_H
#define KOHTAANTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Export the API from the shared library (built with hidden visibility). */
#if defined(KT_BUILDING_SHARED) && defined(__GNUC__)
#pragma GCC visibility push(default)
#define KT__VISIBILITY_PUSHED
#endif

/** Version of this header, as a number MMmmpp and as a string. */
#define KT_VERSION_MAJOR 0
#define KT_VERSION_MINOR 3
#define KT_VERSION_PATCH 0
#define KT_VERSION_NUMBER (KT_VERSION_MAJOR * 10000 + KT_VERSION_MINOR * 100 + KT_VERSION_PATCH)
#define KT_VERSION_STRING "0.3.0"

/** @return the library's version number (compare with KT_VERSION_NUMBER). */
int kt_version_number(void);
/** @return the library's version string; static storage, never freed. */
const char *kt_version(void);

/** @name Status codes */
/**@{*/
#define KT_OK 0
#define KT_EINVAL (-1)     /**< invalid argument (NULL, bad option, bad UTF-8) */
#define KT_ENOMEM (-2)     /**< out of memory */
#define KT_ENOTFOUND (-3)  /**< no such service id */
#define KT_ENOINDEX (-4)   /**< no index at the given location */
#define KT_ECORRUPT (-5)   /**< index or store is damaged or of another version */
#define KT_ECATALOG (-6)   /**< catalogue failed validation (message lists why) */
#define KT_EIO (-7)        /**< file system error (message names the path) */
#define KT_ELOCKED (-8)    /**< another process is building the index */
#define KT_ETOOBIG (-9)    /**< input over a documented limit */
#define KT_EANALYZER (-10) /**< text analysis could not start (e.g. no voikko-fi) */
#define KT_EINTERNAL (-11) /**< unexpected error inside a dependency */
/**@}*/

/** @return a short English name of @p code; static storage. */
const char *kt_strerror(int code);

/**
 * @return the detailed message of the last failure on this thread, or "" if
 * none. Valid until the next library call on this thread.
 *
 * Every call that returns a status code clears the message on entry, so
 * after it returns KT_OK the message is "" and after a failure it is that
 * failure's. Destructors (kt_*_close, kt_*_free), accessors that return a
 * count or a pointer, kt_strerror() and kt_error_last() leave it as it is,
 * so the message of a failure survives the clean-up after it.
 */
const char *kt_error_last(void);

/** Largest need text kt_search() accepts, in bytes. */
#define KT_MAX_QUERY_BYTES (64 * 1024)
/** Longest service id, in bytes: the catalogue refuses longer ids and the
 * API and feedback refuse them as input. */
#define KT_MAX_ID_BYTES 100
/** Most values one filter (categories, target groups, languages,
 *  municipalities) may hold, in kt_search() and kt_services_json() alike;
 *  more is KT_ETOOBIG. */
#define KT_MAX_FILTER_VALUES 64

/* ------------------------------------------------------------------------ */
/** @name Index building */
/**@{*/

/** Progress callback: @p done of @p total services indexed. */
typedef void (*kt_progress_fn)(size_t done, size_t total, void *userdata);

#define KT_BUILD_OPTIONS_VERSION 3
/** Options of kt_index_build(). Initialise with KT_BUILD_OPTIONS_INIT. */
typedef struct kt_build_options {
  unsigned version;        /**< KT_BUILD_OPTIONS_VERSION */
  kt_progress_fn progress; /**< optional, called from the building thread */
  void *userdata;          /**< passed to @ref progress */
  size_t keep_generations; /**< old index generations kept for open readers (0 = default 2) */
  /** Split the Xapian index into this many shards (0 or 1 = one index), to
   *  be served by xapian-tcpsrv and searched as one (see docs/shards.md).
   *  Since version 2. */
  size_t shards;
  /** KT_BUILD_* bits. Since version 3. */
  unsigned flags;
} kt_build_options;
#define KT_BUILD_OPTIONS_INIT                                                                      \
  { KT_BUILD_OPTIONS_VERSION, NULL, NULL, 0, 0, 0 }
/** Also write the evaluation index: the baseline term spaces (surface forms,
 *  Snowball stems) that only the `surface` and `snowball` configurations of
 *  `kohtaanto eval` search (KT_SEARCH_MODE_SURFACE, KT_SEARCH_MODE_SNOWBALL).
 *  They live in a database of their own, so the production index, and its
 *  ranking, is the same with or without them. */
#define KT_BUILD_EVAL_TERMS (1u << 0)
#define KT_BUILD_KNOWN_FLAGS KT_BUILD_EVAL_TERMS
/** Most shards an index may be split into. */
#define KT_MAX_SHARDS 64

/** What kt_index_build() did. */
typedef struct kt_build_stats {
  size_t services;     /**< services indexed */
  size_t terms;        /**< distinct terms in the new index */
  double seconds;      /**< wall-clock build time */
  char generation[64]; /**< name of the new generation directory */
} kt_build_stats;

/**
 * Validate the catalogue in @p catalog_dir (its `services/` folder of
 * `<id>.json` files) and build a new index generation under @p index_dir,
 * then switch `index_dir/current` to it atomically.
 *
 * If validation fails nothing is written and the previous index keeps
 * serving. If the process is killed at any point the previous index stays
 * current. Only one build per @p index_dir runs at a time.
 *
 * @param[in]  catalog_dir catalogue folder (holds `services/`)
 * @param[in]  index_dir   index root; created if missing
 * @param[in]  opts        options or NULL for defaults
 * @param[out] stats       filled on success; may be NULL
 * @return KT_OK; KT_ECATALOG (message lists each file, field and what was
 *         expected); KT_ELOCKED; KT_EIO; KT_ENOMEM; KT_EANALYZER; KT_EINTERNAL.
 */
int kt_index_build(const char *catalog_dir, const char *index_dir, const kt_build_options *opts,
                   kt_build_stats *stats);

/**
 * Validate a catalogue without building anything.
 * @param[in]  catalog_dir catalogue folder (holds `services/`)
 * @param[out] count       number of valid services; may be NULL
 * @return KT_OK or KT_ECATALOG / KT_EIO with the reasons in kt_error_last().
 */
int kt_catalog_validate(const char *catalog_dir, size_t *count);

/**
 * Warnings about the thesaurus of @p catalog_dir that do not make it
 * invalid: one-word triggers marked to match as a compound part ('*') that
 * the catalogue uses as a part of many words, where a part match would find
 * the concept in all of them. One warning per line ("file:line: [id]: …").
 * @param[out] warnings NUL-terminated, "" when there is nothing to say; free
 *             with kt_free()
 * @return KT_OK; KT_ECATALOG / KT_EIO if the catalogue cannot be read.
 */
int kt_thesaurus_lint(const char *catalog_dir, char **warnings);

/**
 * Validate one service record as the catalogue loader does (format in
 * catalog/README.md), except for the checks across files (related ids exist,
 * ids are unique). For tools that write catalogue entries, such as
 * `kohtaanto import ptv`, to check an entry before writing it.
 * @param[in] json  UTF-8 JSON text of the record (need not be NUL-terminated)
 * @param[in] len   its length in bytes
 * @param[in] name  file name the messages use, e.g. "services/x.json"; the
 *                  id must match it when it ends in ".json"
 * @return KT_OK; KT_ECATALOG with each problem ("file: field 'x': ...") in
 *         kt_error_last(); KT_EINVAL for a NULL argument; KT_ENOMEM.
 */
int kt_service_check(const char *json, size_t len, const char *name);

/**
 * Check the current generation of an index fully before trusting it: every
 * file against the SHA-256 manifest its build wrote (`MANIFEST.sha256`),
 * the record store's meta pages, and Xapian's own consistency check.
 * kt_index_build() does this before it publishes a generation, and
 * kt_engine_refresh() before it switches to one; kt_engine_open() checks the
 * manifest and the meta pages only.
 * @param[in]  index_dir  index root given to kt_index_build()
 * @return KT_OK; KT_ENOINDEX; KT_ECORRUPT naming the damaged file (a
 *         generation without a manifest too); KT_EIO; KT_ENOMEM; KT_EINVAL.
 */
int kt_index_verify(const char *index_dir);
/**@}*/

/* ------------------------------------------------------------------------ */
/** @name Engine */
/**@{*/

/** An open index with its analyser. One per thread. */
typedef struct kt_engine kt_engine;

/**
 * Open the current generation of the index rooted at @p index_dir.
 * @param[out] out        the engine; close with kt_engine_close()
 * @param[in]  index_dir  index root given to kt_index_build()
 * @return KT_OK; KT_ENOINDEX if there is no index; KT_ECORRUPT; KT_EANALYZER;
 *         KT_ENOMEM; KT_EINVAL.
 */
int kt_engine_open(kt_engine **out, const char *index_dir);

/**
 * Open generation @p generation of the index rooted at @p index_dir instead
 * of the one `current` names, checked fully as kt_engine_refresh() checks a
 * generation it switches to (manifest, meta pages, Xapian's check). For a
 * process with several engines whose `current` was switched to a generation
 * they refused: a new engine starts from the one the others serve.
 * kt_engine_refresh() then follows `current` as usual.
 * @param[out] out         the engine; close with kt_engine_close()
 * @param[in]  index_dir   index root given to kt_index_build()
 * @param[in]  generation  a generation directory name, as kt_index_info's
 *                         `generation` gives it ("gen-...")
 * @return as kt_engine_open(); KT_ENOINDEX if there is no such generation
 *         (pruned); KT_EINVAL for a name that is not a generation's.
 */
int kt_engine_open_generation(kt_engine **out, const char *index_dir, const char *generation);

/** Close an engine. NULL is a no-op. Results it produced stay valid. */
void kt_engine_close(kt_engine *engine);

/**
 * Switch to the newest index generation if `current` has moved since the
 * engine opened it. Searches already returned stay valid.
 * @param[out] changed set to 1 if a new generation was opened; may be NULL
 * @return KT_OK or an open error (the engine then keeps the old generation).
 */
int kt_engine_refresh(kt_engine *engine, int *changed);

/** Facts about the open index. Strings stay valid until close/refresh. */
typedef struct kt_index_info {
  const char *generation; /**< generation directory name */
  const char *built_at;   /**< ISO 8601 UTC build time */
  size_t services;        /**< services in the index */
} kt_index_info;

/** Fill @p out with facts about the engine's open index. */
int kt_engine_info(const kt_engine *engine, kt_index_info *out);
/**@}*/

/* ------------------------------------------------------------------------ */
/** @name Search */
/**@{*/

/** Fields of a service that a need word can match (bit flags). */
enum kt_field {
  KT_FIELD_NAME = 1u << 0,
  KT_FIELD_SUMMARY = 1u << 1,
  KT_FIELD_DESCRIPTION = 1u << 2,
  KT_FIELD_KEYWORDS = 1u << 3,
  KT_FIELD_TARGET = 1u << 4,     /**< target description and target groups */
  KT_FIELD_CONDITIONS = 1u << 5, /**< requirements and referral */
  KT_FIELD_PROVIDER = 1u << 6
};
/** @return the field's English name ("name", "summary", ...); static storage. */
const char *kt_field_name(unsigned field_bit);

/** A list of strings: a filter matches a service having any of them. */
typedef struct kt_strlist {
  const char *const *items; /**< UTF-8 strings, borrowed for the call */
  size_t count;
} kt_strlist;

#define KT_SEARCH_OPTIONS_VERSION 3
/**
 * Options of kt_search(). Initialise with KT_SEARCH_OPTIONS_INIT.
 * Filters of different kinds are ANDed; values within one filter are ORed.
 * Version 1 callers (without the corrections) and version 2 callers
 * (without the filters and language of version 3) are still accepted.
 */
typedef struct kt_search_options {
  unsigned version;          /**< KT_SEARCH_OPTIONS_VERSION */
  size_t limit;              /**< results wanted; 0 = 10; capped at 1000 */
  kt_strlist categories;     /**< e.g. "tyonhaku" */
  kt_strlist target_groups;  /**< e.g. "nuoret" */
  kt_strlist languages;      /**< service languages, e.g. "sv" */
  kt_strlist municipalities; /**< e.g. "Helsinki"; "koko Suomi" services always match */
  unsigned flags;            /**< KT_SEARCH_* analysis switches, for evaluation */
  /** @name The counsellor's corrections of the need signals (since version 2)
   * Applied after the signals are read from the text: a removed signal acts
   * on nothing, a set one replaces what was read. Signals set here are
   * listed (kt_results_signal()) with " (asiantuntija)" after their label
   * and an empty span. Unknown kinds, values or target groups: KT_EINVAL. */
  /**@{*/
  /** Read signals to ignore, each "kind:value" as the signal's kind name and
   *  value in kt_results_json() ("age:22", "target_group:nuoret",
   *  "unemployment:long"); "kind:*" ignores every signal of that kind. */
  kt_strlist signals_removed;
  const char *client_age;          /**< "24" (0-120), or NULL for as read */
  const char *client_municipality; /**< e.g. "Espoo", or NULL for as read */
  /** "no_finnish", "finnish_basic", "en" or "sv", or NULL for as read */
  const char *client_language;
  kt_strlist client_groups; /**< target groups to add, e.g. "maahanmuuttajat" */
  /**@}*/
  /** @name Filters of the catalogue's closed vocabularies (since version 3)
   * A value outside the vocabulary (catalog/README.md) is KT_EINVAL. */
  /**@{*/
  kt_strlist delivery;       /**< "kasvokkain", "etä", "verkko", "puhelin" */
  kt_strlist provider_types; /**< provider.type, e.g. "kaupunki", "jarjesto" */
  kt_strlist fees;           /**< fee: "maksuton", "osittain", "maksullinen" */
  /** The client's Finnish, a CEFR level "A1".."C2": services that need a
   *  higher level are left out (those that name none stay). NULL: no filter. */
  const char *finnish_level;
  /** The client's age, "0".."120": services whose age limits leave it out
   *  are left out. NULL: no filter. (client_age corrects a signal instead,
   *  which ranks but never removes.) */
  const char *age;
  /**@}*/
  /** Language of the explanations (since version 3): "fi" (or NULL), "sv"
   *  or "en". Signal labels, effects, concept labels of matches and needs
   *  are given in it; a concept label the thesaurus lacks in it stays
   *  Finnish (kt_match.concept_lang, kt_need.label_lang say so). Names,
   *  summaries and snippets stay Finnish. Other values: KT_EINVAL. */
  const char *lang;
} kt_search_options;
#define KT_SEARCH_OPTIONS_INIT                                                                     \
  {                                                                                                \
    KT_SEARCH_OPTIONS_VERSION, 10, {NULL, 0}, {NULL, 0}, {NULL, 0}, {NULL, 0}, 0, {NULL, 0}, NULL, \
        NULL, NULL, {NULL, 0}, {NULL, 0}, {NULL, 0}, {NULL, 0}, NULL, NULL, NULL                   \
  }

/** @name kt_search_options.flags (ablations; 0 = the full analysis) */
/**@{*/
#define KT_SEARCH_NO_COMPOUNDS (1u << 0)  /**< query without compound parts */
#define KT_SEARCH_NO_UMLAUT_FIX (1u << 1) /**< no umlaut restoration */
/** Baseline: match exact (case-folded) word forms only, no stemming. */
#define KT_SEARCH_MODE_SURFACE (1u << 2)
/** Baseline: match Snowball Finnish stems only, no Voikko. */
#define KT_SEARCH_MODE_SNOWBALL (1u << 3)
#define KT_SEARCH_NO_THESAURUS (1u << 4) /**< no concept expansion (needs still found) */
#define KT_SEARCH_NO_SIGNALS (1u << 5)   /**< no boosts/demotions from need signals */
/* (1u << 6) is unused: spreading over needs is the behaviour flag KT_SEARCH_DIVERSIFY. */
#define KT_SEARCH_NO_TYPO_FIX (1u << 7) /**< no spelling suggestions beyond umlauts */
/* (1u << 8) is unused: Swedish/English Snowball stems were measured and
 * dropped (English needs fell from 0.61 to 0.55 nDCG@10 on the dev set). */
#define KT_SEARCH_NO_SNIPPETS (1u << 9) /**< skip snippets (faster, for batch runs) */
/** Ranking only: no per-result matches, snippets or need assignment (for
 *  batch runs and for timing the ranking beside other engines). */
#define KT_SEARCH_NO_EXPLAIN (1u << 10)
/** Behaviour, not an ablation: order results in groups, one per need found
 *  (see kt_results_need()); within a group by score. */
#define KT_SEARCH_GROUP_BY_NEED (1u << 16)
/** Behaviour: when the text has several needs, spread the top results over
 *  them (each further result of a need already shown counts 0.85x). Off by
 *  default: on the dev set it cost 0.7 pt nDCG@10 on long notes, whose
 *  judgments favour the strongest matches over coverage. */
#define KT_SEARCH_DIVERSIFY (1u << 17)
/** Pseudo-relevance feedback: the top results' best terms join the query and
 *  it runs again. Off by default (see bench/README.md for its measurement). */
#define KT_SEARCH_PRF (1u << 18)
/** Behaviour: count, over every service the search matched (not only the
 *  results held), how many have each filter value: kt_results_facets_json()
 *  and "facets" in kt_results_json(). A filter's counts ignore that
 *  filter's own values (what choosing another value would give); the other
 *  filters apply. With it, kt_results_matches() is exact. */
#define KT_SEARCH_COUNTS (1u << 19)
/** Ablation: ignore the attached feedback store. */
#define KT_SEARCH_NO_FEEDBACK (1u << 11)
/** Ablation: read the note as one clause of the present, without denied
 *  facts or generic words (refused wishes and capacities still count). */
#define KT_SEARCH_NO_READING (1u << 12)
/** Every flag above; kt_search() refuses any other bit with KT_EINVAL. The
 *  ablation switches (NO_*, MODE_*) are experimental: they exist to measure
 *  each part of the analysis, and may change between releases. */
#define KT_SEARCH_KNOWN_FLAGS                                                                      \
  (KT_SEARCH_NO_COMPOUNDS | KT_SEARCH_NO_UMLAUT_FIX | KT_SEARCH_MODE_SURFACE |                     \
   KT_SEARCH_MODE_SNOWBALL | KT_SEARCH_NO_THESAURUS | KT_SEARCH_NO_SIGNALS |                       \
   KT_SEARCH_NO_TYPO_FIX | KT_SEARCH_NO_SNIPPETS | KT_SEARCH_NO_EXPLAIN |                          \
   KT_SEARCH_GROUP_BY_NEED | KT_SEARCH_DIVERSIFY | KT_SEARCH_PRF | KT_SEARCH_NO_FEEDBACK |         \
   KT_SEARCH_NO_READING | KT_SEARCH_COUNTS)
/**@}*/

/** The ranked results of one search. */
typedef struct kt_results kt_results;

/**
 * Rank the services of the open index against the need text @p text.
 *
 * @param[in]  engine the engine
 * @param[in]  text   need text, UTF-8, not necessarily NUL-terminated
 * @param[in]  len    length of @p text in bytes (at most KT_MAX_QUERY_BYTES)
 * @param[in]  opts   options or NULL for defaults
 * @param[out] out    the results; free with kt_results_free()
 * @return KT_OK (possibly with zero results); KT_EINVAL for invalid UTF-8 or
 *         an unknown option version; KT_ETOOBIG; KT_ENOMEM; KT_ECORRUPT;
 *         KT_EINTERNAL.
 */
int kt_search(kt_engine *engine, const char *text, size_t len, const kt_search_options *opts,
              kt_results **out);

/** Free results. NULL is a no-op. */
void kt_results_free(kt_results *results);

/** @return number of results held (at most the limit). */
size_t kt_results_count(const kt_results *results);

/** @return estimated number of matching services in the whole index
 *  (exact with KT_SEARCH_COUNTS or a filter of version 3). */
size_t kt_results_matches(const kt_results *results);

/**
 * The filter counts of a search made with KT_SEARCH_COUNTS, as one JSON
 * object: `{"category": [{"value", "count"}], "target_group", "language",
 * "municipality", "delivery", "provider_type", "fee", "finnish_level",
 * "age"}`. Each count is of the services the search matched (every one, not
 * only the results held) that pass the other filters and would pass this
 * one with that value alone. A value is listed when its count is above 0 or
 * it is a value of the filter; by count, then value. "finnish_level" lists
 * the six CEFR levels in order, each counting the services open to a client
 * of that level; "age" lists the age filter's value alone (none without
 * one). "koko Suomi" services count for every municipality.
 * @param[out] json_out NUL-terminated UTF-8; free with kt_free()
 * @return KT_OK; KT_EINVAL (NULL argument, or a search without
 *         KT_SEARCH_COUNTS); KT_ENOMEM.
 */
int kt_results_facets_json(const kt_results *results, char **json_out);

/** One matched need word of a result, for the explanation. */
typedef struct kt_match {
  const char *word; /**< the word as written in the need text */
  const char *term; /**< the analysed form that matched (lemma, part, stem) */
  unsigned fields;  /**< KT_FIELD_* bits where it matched */
  double weight;    /**< its share of the score, 0..1 */
  /** Label of the thesaurus concept (in the search's language, see
   *  @ref concept_lang) when the match came through it
   *  (the need word found the concept, the concept's service word matched);
   *  NULL for a direct match. */
  const char *concept;
  /** The role in the note of the words that matched: KT_ROLE_SITUATION (the
   *  current situation or problem), KT_ROLE_BACKGROUND (the client's past,
   *  weighed less) or KT_ROLE_GOAL (a wish or plan). */
  int role;
  /** Language of @ref concept: the search's language, or "fi" where the
   *  thesaurus has no label in it; NULL for a direct match. */
  const char *concept_lang;
} kt_match;

/** Roles of a note's words (kt_match.role). */
enum {
  KT_ROLE_SITUATION = 0,  /**< the current situation or problem */
  KT_ROLE_BACKGROUND = 1, /**< the client's past: former work or training */
  KT_ROLE_GOAL = 2        /**< a wish, plan or interest */
};
/** Finnish label of a role ("tilanne", "tausta", "tavoite"); "" if unknown. */
const char *kt_role_label(int role);

/** A byte range [start, end) in a string. */
typedef struct kt_span {
  size_t start, end;
} kt_span;

/** A need signal's effect on one result. */
typedef struct kt_effect {
  const char *signal; /**< the signal, in the search's language (e.g. "ikä 19 v") */
  const char *reason; /**< why it boosts or demotes, in the search's language */
  double factor;      /**< score multiplier: > 1 boosts, < 1 demotes */
} kt_effect;

/** One ranked service. Borrowed from its kt_results; valid until freed. */
typedef struct kt_result {
  const char *id;          /**< service id */
  const char *name;        /**< Finnish name */
  const char *category;    /**< category id */
  const char *provider;    /**< provider name */
  const char *summary;     /**< Finnish summary (NULL with KT_SEARCH_NO_EXPLAIN) */
  double score;            /**< relevance score; higher is better, distinct per rank */
  size_t match_count;      /**< entries in @ref matches */
  const kt_match *matches; /**< the need words that matched, strongest first */
  /** A passage of the service's Finnish text around the matched words, or
   *  NULL (KT_SEARCH_NO_SNIPPETS, or nothing matched in running text). */
  const char *snippet;
  size_t highlight_count;
  const kt_span *highlights; /**< matched words in @ref snippet, in order */
  size_t effect_count;
  const kt_effect *effects; /**< need signals that boosted or demoted it */
  int need;                 /**< index of its need (kt_results_need()), or -1 */
  /** NULL, or why the result is a weak match (Finnish, "heikko osuma: vain
   *  yhdyssanan osia"): every word that matched it is weak — a compound part,
   *  a word of the client's past, a generic word or only a target group —
   *  and its score is under a third of the top result's. Shown to the
   *  counsellor, not dropped. Always NULL with KT_SEARCH_NO_EXPLAIN. */
  const char *weak;
} kt_result;

/**
 * @return the result at @p rank (0-based), or NULL if out of range. Valid
 * until kt_results_free().
 */
const kt_result *kt_results_get(const kt_results *results, size_t rank);

/** Kinds of need signals read from the need text. */
enum kt_signal_kind {
  KT_SIGNAL_AGE = 1,      /**< value: age in years ("24") or "<30", ">55" */
  KT_SIGNAL_LANGUAGE,     /**< value: "no_finnish", "finnish_basic", "en", "sv" */
  KT_SIGNAL_TARGET_GROUP, /**< value: a target group id (from a concept or phrase) */
  KT_SIGNAL_UNEMPLOYMENT, /**< value: "long" (a year or more) */
  KT_SIGNAL_MUNICIPALITY, /**< value: municipality name ("Espoo") */
  KT_SIGNAL_DELIVERY,     /**< value: a way of delivery the note asks for alone ("vain
                           * puhelimitse"): "kasvokkain", "etä", "verkko" or "puhelin" */
  KT_SIGNAL_PROVIDER,     /**< value: a provider type the note asks for alone ("vain kaupungin
                           * omat palvelut"): "kaupunki", "kela", "valtio", "jarjesto",
                           * "oppilaitos", "seurakunta" or "yritys"; "ei_" before one the
                           * note leaves out ("vain muiden kuin kaupungin palvelut") */
  KT_SIGNAL_FEE           /**< value: "maksuton", a service free of charge asked for
                           * ("maksuton kurssi"), or "vain_maksuton", free ones alone ("vain
                           * täysin maksuttomat palvelut") */
};

/** A need signal found in the need text. */
typedef struct kt_signal {
  int kind;          /**< enum kt_signal_kind */
  const char *value; /**< machine value, see kt_signal_kind */
  const char *label; /**< for people, in the search's language ("ikä 24 v", "age 24") */
  kt_span span;      /**< where it was read in the need text */
} kt_signal;

/** @return number of need signals found in the need text. */
size_t kt_results_signal_count(const kt_results *results);
/** @return signal @p i, or NULL. */
const kt_signal *kt_results_signal(const kt_results *results, size_t i);

/** A need found in the need text: a thesaurus concept. */
typedef struct kt_need {
  const char *id;         /**< concept id */
  const char *label;      /**< label in the search's language ("velat ja talousvaikeudet") */
  const char *word;       /**< the need text's words that found it */
  size_t result_count;    /**< results whose main need this is */
  const size_t *results;  /**< their ranks (0-based), best first */
  const char *label_lang; /**< language of @ref label: the search's, or "fi" as a fallback */
  /** The role in the note of the words that found it: KT_ROLE_SITUATION or
   *  KT_ROLE_GOAL for a need; KT_ROLE_BACKGROUND for a concept the note names
   *  only of the client's past or of another person ("vapaaehtoisena
   *  ruoka-avussa"), which is context, not a need, and weighs less. */
  int role;
} kt_need;

/** @return number of needs found in the need text. */
size_t kt_results_need_count(const kt_results *results);
/** @return need @p i, or NULL. */
const kt_need *kt_results_need(const kt_results *results, size_t i);

/**
 * Serialise results as the JSON the CLI (`--json`) and the HTTP API return:
 * `{"matches": N, "results": [{rank, id, name, category, provider, summary,
 * score, matches: [{word, term, fields, weight, concept?}], snippet,
 * highlights: [[start, end], ...], effects: [{signal, reason, factor}],
 * need}], "signals": [...], "needs": [...]}`. Offsets are byte offsets.
 * @param[out] json_out NUL-terminated UTF-8; free with kt_free()
 * @return KT_OK; KT_ENOMEM; KT_EINVAL.
 */
int kt_results_json(const kt_results *results, char **json_out);
/**@}*/

/* ------------------------------------------------------------------------ */
/** @name Service records */
/**@{*/

/**
 * Fetch the full record of service @p id as a JSON object (the catalogue
 * format, see catalog/README.md).
 * @param[out] json_out NUL-terminated UTF-8 JSON; free with kt_free()
 * @param[out] len_out  its length in bytes; may be NULL
 * @return KT_OK; KT_ENOTFOUND; KT_ECORRUPT; KT_ENOMEM; KT_EINVAL.
 */
int kt_service_get(kt_engine *engine, const char *id, char **json_out, size_t *len_out);

/** Free memory the library handed to the caller. NULL is a no-op. */
void kt_free(void *p);
/**@}*/

/* ------------------------------------------------------------------------ */
/** @name Text analysis (the analysis used for indexing and queries) */
/**@{*/

/** A Finnish text analyser. One per thread. */
typedef struct kt_analyzer kt_analyzer;

/** Open an analyser (loads Voikko's Finnish dictionary). */
int kt_analyzer_open(kt_analyzer **out);
/** Close an analyser. NULL is a no-op. */
void kt_analyzer_close(kt_analyzer *an);

/** Kinds of analysed terms. */
enum kt_term_kind {
  KT_TERM_LEMMA = 1, /**< Voikko base form (every analysis of an ambiguous word) */
  KT_TERM_PART = 2,  /**< compound part or sub-compound */
  KT_TERM_STEM = 3,  /**< Snowball stem of a word Voikko does not know */
  KT_TERM_FIXED = 4, /**< base form after restoring a spelling: missing umlauts, a spoken form */
  KT_TERM_TYPO = 5   /**< base form of a close spelling suggestion (1-2 letters off) */
};

/** A term of one analysed word. */
typedef struct kt_term {
  const char *text; /**< the term */
  int kind;         /**< enum kt_term_kind */
} kt_term;

/** One word of an analysed text. */
typedef struct kt_token {
  const char *surface; /**< the word, case-folded and normalised */
  size_t start, end;   /**< byte offsets in the input text */
  int stopword;        /**< 1 if it carries no meaning for search */
  size_t term_count;
  const kt_term *terms;
} kt_token;

/** An analysed text. */
typedef struct kt_analysis kt_analysis;

/**
 * Analyse @p text into words and terms.
 * @param[out] out the analysis; free with kt_analysis_free()
 * @return KT_OK; KT_EINVAL (invalid UTF-8); KT_ETOOBIG; KT_ENOMEM.
 */
int kt_analyze(kt_analyzer *an, const char *text, size_t len, kt_analysis **out);
/** Free an analysis. NULL is a no-op. */
void kt_analysis_free(kt_analysis *a);
/** @return number of words. */
size_t kt_analysis_count(const kt_analysis *a);
/** @return word @p i, or NULL; valid until kt_analysis_free(). */
const kt_token *kt_analysis_get(const kt_analysis *a, size_t i);
/**@}*/

/* ------------------------------------------------------------------------ */
/** @name Browsing and privacy (used by the HTTP server) */
/**@{*/

#define KT_BROWSE_FILTER_VERSION 2
/**
 * Which services kt_services_json() lists. Initialise with
 * KT_BROWSE_FILTER_INIT. Filters of different kinds are ANDed; values
 * within one filter are ORed; each holds at most KT_MAX_FILTER_VALUES values.
 * The filters mean what kt_search_options' filters of the same names mean.
 */
typedef struct kt_browse_filter {
  unsigned version;          /**< KT_BROWSE_FILTER_VERSION (1 or 2) */
  kt_strlist categories;     /**< e.g. "tyonhaku" */
  kt_strlist target_groups;  /**< e.g. "nuoret" */
  kt_strlist languages;      /**< service languages, e.g. "sv" */
  kt_strlist municipalities; /**< e.g. "Helsinki"; "koko Suomi" services always match */
  /** @name Filters of the catalogue's closed vocabularies (since version 2)
   * A value outside the vocabulary (catalog/README.md) is KT_EINVAL. */
  /**@{*/
  kt_strlist delivery;       /**< "kasvokkain", "etä", "verkko", "puhelin" */
  kt_strlist provider_types; /**< provider.type, e.g. "kaupunki", "jarjesto" */
  kt_strlist fees;           /**< fee: "maksuton", "osittain", "maksullinen" */
  /** The client's Finnish, a CEFR level "A1".."C2": services that need a
   *  higher level are left out (those that name none stay). NULL: no filter. */
  const char *finnish_level;
  /** The client's age, "0".."120": services whose age limits leave it out
   *  are left out. NULL: no filter. */
  const char *age;
  /**@}*/
} kt_browse_filter;
#define KT_BROWSE_FILTER_INIT                                                                      \
  {                                                                                                \
    KT_BROWSE_FILTER_VERSION, {NULL, 0}, {NULL, 0}, {NULL, 0}, {NULL, 0}, {NULL, 0}, {NULL, 0},    \
        {NULL, 0}, NULL, NULL                                                                      \
  }

/**
 * List the services of the open index that pass @p filters, with facet
 * counts, as one JSON object:
 * `{"total": N, "count": M, "services": [{id, name: {fi, sv?, en?},
 * summary: {...}, category, target_groups, languages, municipalities,
 * provider: {name, type}, delivery, status?, contact?, apply?, fee?,
 * finnish_level?, age?}], "facets": {"category": [{"value", "count"}],
 * "target_group", "language", "municipality", "delivery", "provider_type",
 * "fee", "finnish_level", "age"}}` ("finnish_level" and "age" as in
 * kt_results_facets_json()).
 *
 * `total` counts every service in the index, `count` those listed. Services
 * are listed by Finnish name. Filters match as in kt_search() (kinds ANDed,
 * values ORed, case-insensitive; "koko Suomi" services match every
 * municipality). A facet's counts ignore that facet's own filter, so
 * `count` of a value is how many services the listing would have with that
 * value as the facet's only filter; every value in the index appears, with
 * 0 if nothing would match. A value outside a closed vocabulary (delivery,
 * provider_types, fees, finnish_level, age) is KT_EINVAL.
 *
 * The parsed records are kept with the engine's index generation (a
 * generation never changes), so later calls only count and serialise; they
 * are freed when the engine moves to another generation or is closed. A
 * search's filter counts (KT_SEARCH_COUNTS) read the same records.
 *
 * @param[in]  engine   the engine
 * @param[in]  filter   filter or NULL for all services
 * @param[out] json_out NUL-terminated UTF-8; free with kt_free()
 * @return KT_OK; KT_EINVAL (bad filter value or version);
 *         KT_ETOOBIG (over KT_MAX_FILTER_VALUES values in a filter); KT_ECORRUPT;
 *         KT_ENOMEM.
 */
int kt_services_json(kt_engine *engine, const kt_browse_filter *filter, char **json_out);

/**
 * What an index holds and the codes it knows, as one JSON object, from the
 * library's one schema table:
 * `{"fields": [{"name", "bit", "weight"}], "vocabularies": {"category":
 * [{"id"}], "target_group": [{"id", "fi", "sv", "en"}], "provider_type",
 * "delivery", "finnish_level", "fee", "status", "apply_route",
 * "contact_key", "client_language"}, "limits": {"filter_values",
 * "query_bytes", "id_bytes"}}`. Codes are listed in their documented order;
 * "fi", "sv" and "en" are a code's words in Finnish, Swedish and English,
 * as explanations name it (kt_search_options.lang). It needs no index: it
 * describes what this library writes and accepts.
 *
 * @param[out] json_out NUL-terminated UTF-8; free with kt_free()
 * @return KT_OK; KT_EINVAL; KT_ENOMEM.
 */
int kt_schema_json(char **json_out);

/**
 * Suggest service names, provider names and thesaurus concepts for a text
 * being typed, as one JSON object: `{"suggestions": [{"kind": "service" |
 * "concept" | "provider", "text", "lang", "id"?}]}`, best first.
 *
 * Every word of @p text must begin a word of the suggestion (case and
 * ä/ö/å ignored, so "tyokok" finds "Työkokeilu"), lie inside one (compound
 * parts, for words of 4+ letters), or be a letter off (for words of 5+
 * letters; two for words of 8+ letters: "palkatuki" finds "Palkkatuki").
 * Service names and concept labels match in Finnish, Swedish and English;
 * `text` is in @p lang when the item has it, else in Finnish, and `lang`
 * says which. `id` is the service's or concept's id (none for a provider).
 * Texts under 2 letters give no suggestions. The text is neither logged nor
 * kept.
 *
 * @param[in]  engine   the engine
 * @param[in]  text     UTF-8 text typed so far (not necessarily NUL-terminated)
 * @param[in]  len      its length in bytes, at most 200
 * @param[in]  lang     "fi", "sv" or "en"; NULL or "" for "fi"
 * @param[in]  limit    suggestions wanted; 0 = 8; at most 50
 * @param[out] json_out NUL-terminated UTF-8; free with kt_free()
 * @return KT_OK; KT_EINVAL (NULL argument, invalid UTF-8, unknown language);
 *         KT_ETOOBIG (text over 200 bytes); KT_ECORRUPT; KT_ENOMEM.
 */
int kt_suggest_json(kt_engine *engine, const char *text, size_t len, const char *lang, size_t limit,
                    char **json_out);

/**
 * List the thesaurus concepts of the open index with their labels, as one
 * JSON object: `{"concepts": [{"id", "label": {"fi", "sv"?, "en"?}}]}`.
 * Needs and matches in search results name a concept by its id and Finnish
 * label; this gives its Swedish and English labels where the thesaurus has
 * them. An index without a thesaurus gives an empty list.
 * @param[out] json_out NUL-terminated UTF-8; free with kt_free()
 * @return KT_OK; KT_EINVAL (NULL argument); KT_ENOMEM.
 */
int kt_concepts_json(kt_engine *engine, char **json_out);

/**
 * Blank out Finnish personal identity codes (henkilötunnus, `DDMMYYCNNNT`)
 * in @p text, in place: each valid code's 11 bytes become spaces, so the
 * length and every other byte offset stay the same. A code is valid when
 * its date exists, its century sign is `+`, `-`, `A`–`F` or `U`–`Y` and its
 * check character matches (letters in either case); it must not be part of
 * a longer run of digits or letters. The text is read as analysis reads it
 * and more: soft hyphens, zero-width and bidi control characters inside a
 * code are ignored, every dash (hyphen, non-breaking hyphen, en dash, minus
 * sign) counts as '-', digits and letters of any width as ASCII, spaces
 * inside the code and a missing separator are allowed; the whole spelling
 * is blanked, byte for byte. Call it on a need text before passing the text
 * anywhere, since kt_search() does not do it. Should memory run out, the
 * whole text is blanked (and 1 returned).
 *
 * @param[in,out] text UTF-8 text (not necessarily NUL-terminated); NULL is
 *                     allowed when @p len is 0
 * @param[in]     len  its length in bytes
 * @return the number of codes blanked out.
 */
size_t kt_redact_hetu(char *text, size_t len);
/**@}*/

/* ------------------------------------------------------------------------ */
/** @name Feedback: learning from referrals
 *
 * Counsellors mark results as referred (ohjattu), useful, or not suitable
 * with a reason. The store keeps, per mark, only the service id, the kind,
 * the reason, the time and the need's *features*: the thesaurus concepts
 * found in the text ("c:talous_velat"), the base forms of its words that are
 * catalogue vocabulary ("w:ulosotto") and its target-group signals
 * ("g:nuoret"). The need text itself, numbers, capitalised names and any word
 * the catalogue does not use are never stored. Searches of an engine with a
 * store attached give a bounded lift to services referred for similar needs
 * (at most x1.3, and never above a service the text names), and demote a
 * service marked not suitable for a target group three times or more for
 * that group. Events older than the retention period are dropped. A store
 * is an LMDB folder of its own, so it survives index rebuilds; a removed
 * service's events are kept but unused. One kt_feedback may be shared by
 * threads; open a folder only once per process.
 */
/**@{*/
typedef struct kt_feedback kt_feedback;

enum kt_feedback_kind {
  KT_FEEDBACK_REFERRED = 1,    /**< the client was referred (ohjattu) */
  KT_FEEDBACK_USEFUL = 2,      /**< useful, not referred */
  KT_FEEDBACK_NOT_SUITABLE = 3 /**< not suitable; give a reason */
};

enum kt_feedback_reason {
  KT_REASON_NONE = 0,
  KT_REASON_TARGET_GROUP = 1, /**< wrong target group */
  KT_REASON_NOT_ELIGIBLE = 2, /**< the client is not eligible */
  KT_REASON_AREA = 3,         /**< wrong area */
  KT_REASON_UNCLEAR = 4,      /**< description unclear */
  KT_REASON_NO_MATCH = 5,     /**< does not match the need */
  KT_REASON_OTHER = 6
};

/** @return "referred", "useful", "not_suitable" (or NULL); and back (0 if unknown). */
const char *kt_feedback_kind_name(int kind);
int kt_feedback_kind_parse(const char *name);
/** @return "target_group", "not_eligible", "area", "unclear", "no_match", "other",
 *  "" for none (or NULL); and back (-1 if unknown). */
const char *kt_feedback_reason_name(int reason);
int kt_feedback_reason_parse(const char *name);

/** The default retention of feedback events, in days. */
#define KT_FEEDBACK_RETENTION_DAYS 365

/**
 * Open (creating if needed) the feedback store in folder @p dir. Events
 * older than @p retention_days (0 = KT_FEEDBACK_RETENTION_DAYS) are left out
 * of counts and ranking; opening deletes nothing (kt_feedback_expire() does).
 * A handle follows what other handles and processes write to the store.
 * @return KT_OK; KT_EIO; KT_ECORRUPT; KT_ENOMEM; KT_EINVAL.
 */
int kt_feedback_open(kt_feedback **out, const char *dir, unsigned retention_days);
/** Close a store. NULL is a no-op. Engines using it must be detached first. */
void kt_feedback_close(kt_feedback *fb);

/**
 * Record one mark for service @p service_id on the need text @p text. The
 * text is analysed with @p engine (its index defines the vocabulary) and
 * only its features are stored. Durable when it returns.
 * @return KT_OK; KT_EINVAL (unknown kind or reason, a reason on a positive
 *         mark, invalid UTF-8, an id that cannot be a service's: empty,
 *         over KT_MAX_ID_BYTES or a metadata key starting with '#');
 *         KT_ENOTFOUND (no such service in the index);
 *         KT_ETOOBIG; KT_EIO (also when the store's file cannot grow to
 *         keep the room a wipe needs on a full disk: the mark is refused,
 *         so that a wipe, kt_feedback_expire() with 0 days, keeps the
 *         room it needs).
 */
int kt_feedback_add(kt_feedback *fb, kt_engine *engine, const char *text, size_t len,
                    const char *service_id, int kind, int reason);

/** Remove events older than @p older_than_days (0 = every event: a wipe).
 *  @param[out] removed how many were removed; may be NULL. */
int kt_feedback_expire(kt_feedback *fb, unsigned older_than_days, size_t *removed);

/** @return number of events in the store. */
size_t kt_feedback_count(kt_feedback *fb);

#define KT_EXPORT_CSV 1
#define KT_EXPORT_JSON 2
/**
 * Aggregate statistics for service managers: per service of @p engine's
 * index, its referred / useful / not-suitable counts, the needs (concepts)
 * it was referred for most, and the services never referred.
 * @param[out] out NUL-terminated CSV or JSON; free with kt_free()
 */
int kt_feedback_export(kt_feedback *fb, kt_engine *engine, int format, char **out);

/** Use @p fb in this engine's searches (NULL detaches). The store must
 *  outlive the attachment. */
int kt_engine_set_feedback(kt_engine *engine, kt_feedback *fb);

/**
 * @name Ranking parameters (experimental: for evaluation and tuning)
 * Every constant that decides ranking is a named row of one table (the
 * engine's engine/ranking.h); an engine starts with the defaults. These
 * calls exist for `kohtaanto eval --set/--tune`; a production caller should
 * not need them, and names may change between releases.
 */
/**@{*/
/**
 * Set ranking parameter @p name of @p engine to @p value.
 * @return KT_OK; KT_EINVAL for an unknown name or a value outside its range
 *         (the message names both).
 */
int kt_engine_set_param(kt_engine *engine, const char *name, double value);
/**
 * The @p i-th ranking parameter: its name (static storage), and its default
 * and the range a tuner may try through the out-parameters (each may be NULL).
 * @return NULL when @p i is past the last parameter.
 */
const char *kt_ranking_param(size_t i, double *def, double *lo, double *hi);
/**@}*/
/**@}*/

#ifdef KT__VISIBILITY_PUSHED
#pragma GCC visibility pop
#undef KT__VISIBILITY_PUSHED
#endif

#ifdef __cplusplus
}
#endif
#endif /* KOHTAANTO_H */
