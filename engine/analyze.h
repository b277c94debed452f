/*
 * analyze.h — analysis of single words for the analyser (analyze.c): Voikko
 * readings, grammar bits, corrections, term weights by kind.
 */
#ifndef KT_ANALYZE_H
#define KT_ANALYZE_H

#include "internal.h"
#include "text.h"

#include <stdint.h>

/* A word of an analysis (kt_analysis_get gives &pub) with a signature of
 * its surface and of its terms that are not compound parts: one bit per
 * string, from its first two bytes. kt__token_is (reading.h) tests the bit
 * of the word it looks for before it compares any string: reading a note
 * asks it some 10^4 times, and most answers are no. */
typedef struct kt__tok {
  kt_token pub;
  uint64_t sig;
} kt__tok;
static inline uint64_t kt__sig_bit(const char *s) {
  unsigned h = s[0] ? (unsigned char)s[0] * 5u + (unsigned char)s[1] : 0;
  return (uint64_t)1 << (h & 63);
}

/* Analysis of a single (case-folded) word: a NUL-separated term list. */
struct kt_analyzer;
typedef struct kt__wordan {
  size_t count;
  kt_term *terms; /* texts point into the analyser's cache; valid until close */
  bool stop;
  unsigned morph;            /* KT__MORPH_* of the readings kept */
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
#define KT__MORPH_ESSIVE                                                                           \
  (1u << 8) /* a noun in the essive case: a role held ("kokkina", "siivoojana") */
#define KT__MORPH_SOURCE                                                                           \
  (1u << 9) /* a noun in the elative or ablative case: where from ("kassalta", "siivouksesta") */
#define KT__MORPH_GENITIVE (1u << 10) /* a noun in the genitive case ("kaupan") */
#define KT__MORPH_PLACE (1u << 11)    /* a place name (paikannimi: "Syyriasta", "Virosta") */
#define KT__MORPH_TRANSLATIVE                                                                      \
  (1u << 12) /* a noun in the translative case: what one becomes ("yrittäjäksi", "kokiksi") */
#define KT__MORPH_NOMINATIVE (1u << 13) /* a noun in the nominative ("palkka") */
#define KT__MORPH_STATE                                                                            \
  (1u << 14) /* an adjective in the essive: a state, not a role ("raittiina", "sairaana") */
#define KT__MORPH_INESSIVE                                                                         \
  (1u << 15) /* a noun in the inessive: where something is ("asunnossa", "kodissa") */
#define KT__MORPH_TARGET                                                                           \
  (1u << 16) /* a noun or place in the illative or allative: where to ("Espooseen", "Vantaalle")   \
              */
#define KT__MORPH_PARTITIVE (1u << 17) /* a noun in the partitive ("ohjaajaa", "töitä") */
#define KT__MORPH_FIRSTNAME (1u << 18) /* every reading is a first name ("Riku", "Aino") */
/* A compound written apart ("palkka tuella", "puisto töihin", "pitkäaikais
 * työtön"): where a noun in the nominative, or a word Voikko does not know,
 * is followed by a common noun with only spaces between (in @p text, the
 * analysed text), and Voikko knows the two written together as a compound,
 * the whole word's base forms that @p known accepts (NULL: all) are added
 * to the second word as corrections ("palkkatuki" to "tuella"). query.c
 * accepts the words the catalogue uses: Voikko also builds "asuntovuokra"
 * from "asunto vuokralla". */
int kt__analysis_join_split(struct kt_analyzer *an, struct kt_analysis *a, const char *text,
                            bool (*known)(void *ctx, const char *term), void *ctx);
/* The written word a spoken or misread one is analysed as ("lafka" ->
 * "yritys", "ollu" -> "ollut"), or @p word itself. */
const char *kt__analyze_respelled(const char *word);
/* KT__MORPH_* of token @p i of an analysis (0 when out of range). */
unsigned kt__analysis_morph(const struct kt_analysis *a, size_t i);
/* Is token @p i the head of a hyphenated compound ("alalta" in "it-alalta")?
 * Its base forms are then compound parts (KT_TERM_PART). */
bool kt__analysis_head(const struct kt_analysis *a, size_t i);
/* Word @p i's English and Swedish stems when Voikko has no reading of it:
 * "~e:stem" and "~s:stem" (libstemmer's english and swedish), each ended by
 * a NUL, the list by another; NULL for a Finnish word. The thesaurus matches
 * them ("I sleep badly" finds the entry "sleeps badly"); the "~" keeps them
 * from any Finnish base form, and each language from the other. */
const char *kt__analysis_foreign(const struct kt_analysis *a, size_t i);
int kt__analyze_word(struct kt_analyzer *an, const kt__word *w, kt__wordan *out);
/* The same, with corrections (umlauts, typos) only if @p fix and the
 * analyser allows them: service text shown in a snippet is written
 * correctly, so its unknown words are names, not typos. */
int kt__analyze_word_as(struct kt_analyzer *an, const kt__word *w, bool fix, kt__wordan *out);
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

#endif
