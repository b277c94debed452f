/*
 * internal.h — declarations shared by the engine's modules. Not installed;
 * tests reach these through the internal static library `kohtaanto_internal`.
 */
#ifndef KT_INTERNAL_H
#define KT_INTERNAL_H

#include "kohtaanto.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* ---- error.c ---------------------------------------------------------- */
/* Set the thread-local message and return @p code, so callers can write
 * `return kt__err(KT_EIO, "cannot open %s", path);`. */
int kt__err(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append a line to the thread-local message (for lists of errors). */
void kt__err_clear(void);

/* ---- util.c ----------------------------------------------------------- */
/* Growable byte buffer with a hard cap; `kt__buf_*` return KT_ENOMEM or
 * KT_ETOOBIG when growing past `cap`. */
typedef struct kt__buf {
  char *data;
  size_t len, size, cap;
} kt__buf;
void kt__buf_init(kt__buf *b, size_t cap);
int kt__buf_add(kt__buf *b, const char *s, size_t n);
int kt__buf_adds(kt__buf *b, const char *s);
int kt__buf_printf(kt__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void kt__buf_free(kt__buf *b);
char *kt__strdup(const char *s);
char *kt__strndup(const char *s, size_t n);
bool kt__utf8_valid(const char *s, size_t n, size_t *bad_offset);
/* Is code point @p c one analysis drops without splitting a word (soft
 * hyphen, zero-width and bidi controls; text.c)? Redaction reads past them too. */
bool kt__text_dropped(int32_t c);
double kt__now(void);
/* Join two path parts into a newly allocated string. */
char *kt__path_join(const char *a, const char *b);
int kt__mkdir_p(const char *path);
int kt__rm_rf(const char *path);

/* Bump allocator for results: many small allocations freed together. */
typedef struct kt__arena_chunk kt__arena_chunk;
typedef struct kt__arena {
  kt__arena_chunk *head;
} kt__arena;
/* Zeroed, 16-byte aligned memory that lives until kt__arena_free(); NULL on
 * allocation failure. */
void *kt__arena_alloc(kt__arena *a, size_t n);
char *kt__arena_strndup(kt__arena *a, const char *s, size_t n);
char *kt__arena_strdup(kt__arena *a, const char *s);
void kt__arena_free(kt__arena *a);

/* ---- text.c: ICU normalisation and word segmentation ------------------- */
typedef struct kt__word {
  char *text;      /* NFC, case-folded, cleaned; owned by the list */
  char *orig;      /* NFC, cleaned, original case; owned by the list */
  size_t start, end; /* byte offsets in the input */
  bool all_caps;   /* written in capitals (TE, KELA, S2) */
  bool numeric;    /* contains a digit */
} kt__word;
typedef struct kt__wordlist {
  kt__word *items;
  size_t count, size;
} kt__wordlist;
/* Segment @p text (valid UTF-8 of @p len bytes) into words. */
int kt__text_words(const char *text, size_t len, kt__wordlist *out);
void kt__wordlist_free(kt__wordlist *wl);
/* Case-fold a UTF-8 string into a new allocation (NULL on failure). */
char *kt__casefold(const char *s);

/* ---- stopwords.c ------------------------------------------------------ */
bool kt__is_stopword(const char *folded);

/* ---- analyze.c -------------------------------------------------------- */
/* Analysis of a single (case-folded) word: a NUL-separated term list. */
struct kt_analyzer;
typedef struct kt__wordan {
  size_t count;
  kt_term *terms; /* texts point into the analyser's cache; valid until close */
  bool stop;
  unsigned morph; /* KT__MORPH_* of the readings kept */
  const unsigned char *verb; /* per term: 1 if a verb reading's base form */
} kt__wordan;
/* What Voikko's readings of a word say about its grammar (OR over the
 * readings kept), for reading a note's clauses (reading.c). */
#define KT__MORPH_VERB (1u << 0)   /* a verb (teonsana) reading */
#define KT__MORPH_PAST (1u << 1)   /* past tense or past active participle ("oli", "ollut") */
#define KT__MORPH_COND (1u << 2)   /* conditional mood ("haluaisi", "perustaisi") */
#define KT__MORPH_NEGV (1u << 3)   /* the negation verb ("ei", "en", "eivät") */
#define KT__MORPH_INF (1u << 4)    /* an A-infinitive ("kokeilla", "opiskella") */
#define KT__MORPH_WANTSV (1u << 5) /* needs a following verb ("haluaa", "voisi") */
#define KT__MORPH_NOUN (1u << 6)   /* a noun or adjective reading */
#define KT__MORPH_NAME (1u << 7)   /* every reading is a first name or surname */
/* KT__MORPH_* of token @p i of an analysis (0 when out of range). */
unsigned kt__analysis_morph(const struct kt_analysis *a, size_t i);
int kt__analyze_word(struct kt_analyzer *an, const kt__word *w,
                     kt__wordan *out);
/* The same, with corrections (umlauts, typos) only if @p fix and the
 * analyser allows them: service text shown in a snippet is written
 * correctly, so its unknown words are names, not typos. */
int kt__analyze_word_as(struct kt_analyzer *an, const kt__word *w, bool fix,
                        kt__wordan *out);
size_t kt__analyzer_cache_size(const struct kt_analyzer *an);
/* Empty the cache if it is nearly full; call between texts only, since it
 * invalidates term pointers returned by kt__analyze_word(). */
void kt__analyzer_trim(struct kt_analyzer *an);
/* Umlaut restoration ("tyokokeilu" -> työkokeilu) costs a Voikko suggestion
 * per unknown word. It is on by default (need texts are typed in a hurry) and
 * off in the indexer: catalogue text is written with its umlauts, so an
 * unknown umlaut-less word there is a foreign word, not a typo. */
void kt__analyzer_set_fix_umlauts(struct kt_analyzer *an, bool on);
/* Snowball Finnish stem of a case-folded word (for the baseline term space). */
int kt__analyzer_stem(struct kt_analyzer *an, const char *word, char *out, size_t cap);

/* Weight of a term kind against a base form (1.0): in a query, and for a
 * thesaurus concept's expansion terms. A whole-word match outweighs a
 * corrected or stemmed one, and far outweighs a compound part. */
double kt__term_weight(int kind);

/* Baseline term spaces, indexed beside the analysed terms so evaluation can
 * compare analyses on one index: "Y" + surface form, "Z" + Snowball stem. */
#define KT__PREFIX_SURFACE "Y"
#define KT__PREFIX_SNOWBALL "Z"
/* A service's target group as a ranked term ("Gnuoret"), beside the
 * boolean filter term "XG" + group. */
#define KT__PREFIX_GROUP "G"

/* ---- store_lmdb.c ----------------------------------------------------- */
typedef struct kt__store kt__store;
int kt__store_create(kt__store **out, const char *path, size_t map_bytes);
int kt__store_open(kt__store **out, const char *path);
int kt__store_put(kt__store *s, const char *key, const char *val, size_t len);
int kt__store_commit(kt__store *s);
/* Commit what is written so far and go on writing in a new transaction
 * (a build of a large catalogue; the generation is not published yet). */
int kt__store_checkpoint(kt__store *s);
/* Copy out the value of @p key (NUL-terminated); caller frees. */
int kt__store_get(kt__store *s, const char *key, char **val, size_t *len);
void kt__store_close(kt__store *s);
/* Call @p fn on every service record (metadata keys, which start with '#',
 * are skipped) in key order, with key and value borrowed for the call only
 * (not NUL-terminated). Stops at the first non-zero return and returns it. */
typedef int (*kt__store_each_fn)(const char *key, size_t klen, const char *val, size_t vlen,
                                 void *ud);
int kt__store_each(kt__store *s, kt__store_each_fn fn, void *ud);

#endif
