/*
 * analyze.c — Finnish text analysis, used identically when indexing the
 * catalogue and when reading a need text.
 *
 * Each word segmented by text.c gets a set of terms:
 *   - every Voikko base form of the word (ambiguity is kept: "kauppiaan" is
 *     both kauppias and Kauppi);
 *   - its compound parts and sub-compounds from Voikko's WORDBASES, with
 *     derivational suffixes folded into the part they derive
 *     ("mielenterveysongelma" -> mieli, terveys, ongelma, mielenterveys,
 *     terveysongelma);
 *   - for a word Voikko does not know that was typed without umlauts, the
 *     base forms of the Voikko suggestions that differ only by umlauts
 *     ("tyokokeilu" -> työkokeilu);
 *   - otherwise its Snowball Finnish stem.
 * Analyses are cached per analyser, so a word seen before costs no Voikko
 * call. The cache is an open-addressing table of its own, emptied when
 * full: glibc's hsearch_r hashes only a key's first eight bytes, and
 * Finnish words share long beginnings ("työ...", "kuntoutus..."), so its
 * probes and string compares were 6 % of a build (issue 17).
 */
#define _GNU_SOURCE
#include "analyze.h"
#include "internal.h"
#include "stopwords.h"

#include <ctype.h>
#include <libstemmer.h>
#include <libvoikko/voikko.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SLOTS 65536 /* a power of two */
/* Emptied before an analysis when it holds more than this many words; a
 * single text (<= KT_MAX_QUERY_BYTES) adds fewer than CACHE_SLOTS - this. */
#define CACHE_TRIM 30000
#define MAX_TERMS 48
/* Unknown words per text that get umlaut and typo suggestions. */
#define SUGGEST_BUDGET 64

typedef struct cache_entry {
  char *key;
  kt__wordan an;
} cache_entry;
typedef struct cache_bucket {
  uint64_t hash; /* beside the entry: a probe reads no entry but its own */
  cache_entry *e;
} cache_bucket;

struct kt_analyzer {
  struct VoikkoHandle *voikko;
  struct sb_stemmer *stemmer;
  struct sb_stemmer *en, *sv; /* English and Swedish words' stems (kt__analysis_foreign) */
  cache_bucket *table;        /* CACHE_SLOTS slots, linear probing */
  cache_entry **entries;
  size_t n_entries;
  bool fix_umlauts; /* query side only: catalogue text is written with umlauts */
  /* Unknown words of the current text that may still get spelling
   * suggestions (each costs Voikko milliseconds): a text of thousands of
   * distinct unknown words would otherwise take seconds. */
  unsigned suggest_budget;
};

struct kt_analysis {
  kt__wordlist words;
  kt__tok *toks;   /* kt_analysis_get gives &toks[i].pub */
  unsigned *morph; /* per token: KT__MORPH_* */
  char **foreign;  /* per token: its English and Swedish stems (NULL: none at all) */
  size_t count;
};

const char *kt__analysis_foreign(const kt_analysis *a, size_t i) {
  return a && a->foreign && i < a->count ? a->foreign[i] : NULL;
}

/* Is @p tk a word Voikko has no reading of: only Snowball stems, no
 * function word, no number? */
static bool token_foreign(const kt_token *tk) {
  if (tk->stopword || !tk->term_count) return false;
  for (size_t k = 0; k < tk->term_count; k++)
    if (tk->terms[k].kind != KT_TERM_STEM) return false;
  for (const char *p = tk->surface; *p; p++)
    if (isdigit((unsigned char)*p)) return false;
  return true;
}

/* The English and Swedish stems of @p word, "~e:stem" and "~s:stem", each
 * ended by a NUL and the list by another (malloc'ed; NULL without memory).
 * Each language its own: Swedish "waiter" (-er) is no English "waiting". An
 * English past keeps its tense: "registered as a jobseeker" is done,
 * "register as a jobseeker" to do. */
static char *foreign_stems(kt_analyzer *an, const char *word) {
  struct sb_stemmer *st[2] = {an->en, an->sv};
  static const char *const tag[2] = {"~e:", "~s:"};
  size_t wl = strlen(word), n = 0;
  char *out = malloc(2 * (wl + 64) + 1);
  for (size_t k = 0; out && k < 2; k++) {
    if (k == 0 && wl > 3 && !strcmp(word + wl - 2, "ed")) continue;
    const sb_symbol *r = sb_stemmer_stem(st[k], (const sb_symbol *)word, (int)wl);
    int len = r ? sb_stemmer_length(st[k]) : 0;
    if (len <= 0 || (size_t)len > wl + 60) continue;
    memcpy(out + n, tag[k], 3);
    memcpy(out + n + 3, r, (size_t)len);
    n += (size_t)len + 3;
    out[n++] = '\0';
  }
  if (out) out[n] = '\0';
  return out;
}

/* The foreign words' stems of @p a, once per text (the thesaurus reads them
 * on every lookup). */
static int add_foreign(kt_analyzer *an, kt_analysis *a) {
  for (size_t i = 0; i < a->count; i++) {
    if (!token_foreign(&a->toks[i].pub)) continue;
    if (!a->foreign && !(a->foreign = calloc(a->count, sizeof *a->foreign)))
      return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    if (!(a->foreign[i] = foreign_stems(an, a->toks[i].pub.surface)))
      return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  return KT_OK;
}

unsigned kt__analysis_morph(const kt_analysis *a, size_t i) {
  return a && i < a->count ? a->morph[i] : 0;
}

bool kt__analysis_head(const kt_analysis *a, size_t i) {
  return a && i < a->count && a->words.items[i].head;
}

static void cache_clear(kt_analyzer *an) {
  for (size_t i = 0; i < an->n_entries; i++) {
    cache_entry *e = an->entries[i];
    free(e->key);
    free(e->an.terms); /* term texts live in the same block */
    free(e);
  }
  an->n_entries = 0;
  memset(an->table, 0, CACHE_SLOTS * sizeof *an->table);
}

/* The slot of @p key: its entry, or the empty slot where it belongs. The
 * table always keeps an empty slot, so a probe ends; below CACHE_TRIM it is
 * less than half full. */
static cache_bucket *cache_slot(kt_analyzer *an, const char *key, uint64_t h) {
  size_t i = (size_t)h & (CACHE_SLOTS - 1);
  for (;; i = (i + 1) & (CACHE_SLOTS - 1)) {
    cache_bucket *sl = &an->table[i];
    if (!sl->e || (sl->hash == h && !strcmp(sl->e->key, key))) return sl;
  }
}

int kt_analyzer_open(kt_analyzer **out) {
  kt__err_clear();
  if (!out) return kt__err(KT_EINVAL, "kt_analyzer_open: out is NULL");
  *out = NULL;
  kt_analyzer *an = calloc(1, sizeof *an);
  if (!an) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  const char *verr = NULL;
  an->voikko = voikkoInit(&verr, "fi", NULL);
  if (!an->voikko) {
    free(an);
    return kt__err(KT_EANALYZER,
                   "cannot load the Finnish Voikko dictionary (%s); install voikko-fi",
                   verr ? verr : "unknown error");
  }
  an->stemmer = sb_stemmer_new("finnish", "UTF_8");
  an->en = sb_stemmer_new("english", "UTF_8");
  an->sv = sb_stemmer_new("swedish", "UTF_8");
  an->entries = malloc(CACHE_SLOTS * sizeof *an->entries);
  an->table = calloc(CACHE_SLOTS, sizeof *an->table);
  if (!an->stemmer || !an->en || !an->sv || !an->entries || !an->table) {
    if (an->stemmer) sb_stemmer_delete(an->stemmer);
    if (an->en) sb_stemmer_delete(an->en);
    if (an->sv) sb_stemmer_delete(an->sv);
    voikkoTerminate(an->voikko);
    free(an->entries);
    free(an->table);
    free(an);
    return kt__err(KT_ENOMEM, "cannot allocate the analyser");
  }
  an->fix_umlauts = true;
  an->suggest_budget = SUGGEST_BUDGET;
  *out = an;
  return KT_OK;
}

double kt__term_weight(int kind) {
  switch (kind) {
  case KT_TERM_LEMMA: return 1.0;
  case KT_TERM_FIXED: return 0.9;
  case KT_TERM_STEM: return 0.8;
  case KT_TERM_TYPO: return 0.7;
  case KT_TERM_PART: return 0.35;
  default: return 0.0;
  }
}

int kt__analyzer_stem(kt_analyzer *an, const char *word, char *out, size_t cap) {
  const sb_symbol *st = sb_stemmer_stem(an->stemmer, (const sb_symbol *)word, (int)strlen(word));
  if (!st) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  size_t n = (size_t)sb_stemmer_length(an->stemmer);
  if (n + 1 > cap) n = cap - 1;
  memcpy(out, st, n);
  out[n] = '\0';
  return KT_OK;
}

void kt__analyzer_set_fix_umlauts(kt_analyzer *an, bool on) {
  if (an->fix_umlauts != on) cache_clear(an);
  an->fix_umlauts = on;
}

void kt_analyzer_close(kt_analyzer *an) {
  if (!an) return;
  cache_clear(an);
  free(an->table);
  free(an->entries);
  sb_stemmer_delete(an->stemmer);
  sb_stemmer_delete(an->en);
  sb_stemmer_delete(an->sv);
  voikkoTerminate(an->voikko);
  free(an);
}

size_t kt__analyzer_cache_size(const kt_analyzer *an) { return an->n_entries; }

void kt__analyzer_trim(kt_analyzer *an) {
  if (an->n_entries > CACHE_TRIM) cache_clear(an);
}

/* ---- building one word's term set -------------------------------------- */

typedef struct termset {
  char *text[MAX_TERMS];
  int kind[MAX_TERMS];
  bool verb[MAX_TERMS]; /* a base form of a verb reading */
  bool adding_verb;     /* the reading being added is a verb's */
  size_t n;
} termset;

/* Add a term as it is (already folded). */
static void ts_add_raw(termset *ts, char *f, int kind) {
  if (!f || ts->n == MAX_TERMS) {
    free(f);
    return;
  }
  bool verb = ts->adding_verb && kind != KT_TERM_PART;
  for (size_t i = 0; i < ts->n; i++)
    if (!strcmp(ts->text[i], f)) {
      /* A term that is both a lemma and a part counts as the stronger kind. */
      if (kind < ts->kind[i]) ts->kind[i] = kind;
      ts->verb[i] |= verb;
      free(f);
      return;
    }
  ts->text[ts->n] = f;
  ts->kind[ts->n] = kind;
  ts->verb[ts->n] = verb;
  ts->n++;
}

static void ts_add(termset *ts, const char *s, size_t len, int kind) {
  if (len == 0 || ts->n == MAX_TERMS) return;
  char *raw = strndup(s, len);
  char *f = raw ? kt__casefold(raw) : NULL;
  free(raw);
  if (f) ts_add_raw(ts, f, kind);
}

static void ts_free(termset *ts) {
  for (size_t i = 0; i < ts->n; i++)
    free(ts->text[i]);
  ts->n = 0;
}

/* One WORDBASES group: a compound part with its derivations folded in. */
typedef struct part {
  char surface[128];
  char base[128];
  bool derived;
} part;

static void append(char *dst, size_t cap, const char *s, size_t n) {
  size_t l = strlen(dst);
  if (l + n >= cap) return;
  memcpy(dst + l, s, n);
  dst[l + n] = '\0';
}

/* Parse "+mielen(mieli)+terve(terve)+ys(+ys)+ongelma(ongelma)" into parts. */
static size_t parse_wordbases(const char *wb, part *parts, size_t maxp) {
  size_t np = 0;
  bool open = false; /* is parts[np-1] open for appending? */
  const char *p = wb;
  while (*p) {
    if (*p == '+') p++;
    const char *s = p;
    while (*p && *p != '(' && *p != '+')
      p++;
    size_t slen = (size_t)(p - s);
    const char *b = NULL;
    size_t blen = 0;
    if (*p == '(') {
      b = ++p;
      while (*p && *p != ')')
        p++;
      blen = (size_t)(p - b);
      if (*p == ')') p++;
    }
    if (slen == 1 && s[0] == '-' && !b) {
      open = false;
      continue;
    }
    if (slen == 0 && !b) continue;
    bool deriv = b && blen > 0 && b[0] == '+';
    bool starts = (b && blen > 0 && !deriv) || !open;
    if (starts) {
      if (np == maxp) break;
      part *pt = &parts[np++];
      pt->surface[0] = pt->base[0] = '\0';
      pt->derived = false;
      append(pt->surface, sizeof pt->surface, s, slen);
      if (b && !deriv)
        append(pt->base, sizeof pt->base, b, blen);
      else
        append(pt->base, sizeof pt->base, s, slen);
      open = true;
    } else {
      part *pt = &parts[np - 1];
      append(pt->surface, sizeof pt->surface, s, slen);
      pt->derived = true;
    }
  }
  for (size_t i = 0; i < np; i++)
    if (parts[i].derived) strcpy(parts[i].base, parts[i].surface);
  return np;
}

/* Number of code points in a UTF-8 string. */
static size_t u8len(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static void add_compound_parts(termset *ts, const char *wordbases) {
  part parts[12];
  size_t np = parse_wordbases(wordbases, parts, 12);
  if (np < 2) return;
  char span[256];
  for (size_t i = 0; i < np; i++) {
    for (size_t j = i; j < np; j++) {
      if (i == 0 && j == np - 1) continue; /* the whole word is the lemma */
      span[0] = '\0';
      for (size_t k = i; k < j; k++)
        append(span, sizeof span, parts[k].surface, strlen(parts[k].surface));
      append(span, sizeof span, parts[j].base, strlen(parts[j].base));
      if (u8len(span) < 3) continue;
      char *f = kt__casefold(span);
      if (f && !kt__is_stopword(f)) ts_add(ts, f, strlen(f), KT_TERM_PART);
      free(f);
    }
  }
}

/* Which of Voikko's readings of a word to keep. Voikko lists every reading
 * as an equal; a few kinds are rare in running text and, taken as equals,
 * send a note to the wrong services:
 *   - a plural local-case noun beside an infinitive ("kokeilla": koe, kokki
 *     pl. adessive vs the verb "to try");
 *   - a compound noun spelled like a verb form ("loppumassa": loppu+massa vs
 *     "running out"), and the agent participle of the same verb ("loppuma");
 *   - a noun spelled like a verb's MA-infinitive ("oppia lukemaan": lukema,
 *     "menee oppimaan": oppimaa), which is the verb after another verb;
 *   - the potential mood ("nainen" as naida), archaic in speech;
 *   - the imperative beside a pronoun ("ei oo muuta koulua": other, not
 *     muuttaa); the same form is also the negative ("ei koe" of kokea), so
 *     it yields only to a pronoun;
 *   - a first name or surname beside a common word ("Anna" as antaa,
 *     "Kallio" as kallio).
 * A noun with the possessive of "you" beside a verb ("kokosi": your size or
 * gathered; "kuvasi": your picture or described) keeps its base form, which
 * the thesaurus may know ("tuhosi" finds tuho), but not its grammar: a note
 * speaks of the client, never to them, so the word is read as the verb.
 * A reading is dropped only when another reading of the word remains. */
typedef struct reading {
  char *base, *wb, *cls, *mood, *tense, *participle, *number, *case_, *reqv, *possessive;
} reading;

static bool eq(const char *a, const char *b) { return a && b && !strcmp(a, b); }

/* Base forms a note almost never means when Voikko also offers the common
 * one: {rare, common}. "kotiin" is home, not a hut (kota); "vapaa-aika" not
 * a fishing rod (vapa); "kokiksi" a cook, not a ship's bow (kokka); "tuli
 * Suomeen" came, not fire (tuli, which would find the hot-work card);
 * "nuorin" the youngest, not with ropes (nuora); "kelaa" is Kela, not to reel;
 * "valintaan" a choice, not valin (a rare noun whose rarity in the index made
 * it carry most of a result's score); "onko se laillista" asks whether a
 * thing is legal (laillinen), not for a verb's imperative (laillistaa: to
 * license); "avusta" is from help (apu), not a virtue (avu) nor the
 * imperative "assist!" (avustaa, which found legal aid's counsel); "takaisin" is
 * back (Voikko: takainen), not "I would guarantee" (taata, a conditional read as a wish: "maksoi
 * sen takaisin"); "tuki" is support, not "block!" (tukkia); "turvin" is by
 * the help of (turva), not snouts (turpa). */
static const char *const rare_bases[][2] = {{"kota", "koti"},
                                            {"vapa", "vapaa"},
                                            {"kokka", "kokki"},
                                            {"tuli", "tulla"},
                                            {"taus", "tausta"},
                                            {"syinen", "syy"},
                                            {"lasta", "lapsi"},
                                            {"verka", "vero"},
                                            {"laki", "lainkaan"},
                                            {"paikko", "paikka"},
                                            {"pieniä", "pieni"},
                                            {"töinen", "työ"},
                                            {"vihta", "vihdoin"},
                                            {"vihtoa", "vihdoin"},
                                            {"vasta", "vastata"},
                                            {"tora", "tori"},
                                            {"vankilapsi", "vankila"},
                                            {"sääntyö", "sääntö"},
                                            {"alus", "alku"},
                                            {"alunen", "alku"},
                                            {"alustaa", "alku"},
                                            {"nuora", "nuori"},
                                            {"kelata", "kela"},
                                            {"paikata", "paikka"},
                                            {"suomia", "suomi"},
                                            {"puhella", "puhelin"},
                                            {"valin", "valinta"},
                                            {"laillistaa", "laillinen"},
                                            {"avu", "apu"},
                                            {"avustaa", "apu"},
                                            {"taata", "takainen"},
                                            {"tukkia", "tuki"},
                                            {"turpa", "turva"}};

/* Does @p base end in @p tail after a prefix both share with @p other
 * ("vanhainkota" / "vanhainkoti" for kota/koti)? */
static bool same_stem_pair(const char *base, const char *tail, const char *other,
                           const char *other_tail) {
  size_t bl = strlen(base), tl = strlen(tail), ol = strlen(other), otl = strlen(other_tail);
  if (bl < tl || ol < otl || bl - tl != ol - otl) return false;
  return !strncmp(base, other, bl - tl) && !strcmp(base + bl - tl, tail) &&
         !strcmp(other + ol - otl, other_tail);
}

static bool rare_reading(const reading *r, const reading *all, size_t n, const char *word) {
  bool verb = false, inf = false, ma_inf = false, other_common = false, non_potential = false,
       pronoun = false;
  for (size_t i = 0; i < n; i++) {
    const reading *o = &all[i];
    if (o == r) continue;
    for (size_t k = 0; k < sizeof rare_bases / sizeof *rare_bases; k++)
      if (r->base && o->base &&
          same_stem_pair(r->base, rare_bases[k][0], o->base, rare_bases[k][1]))
        return true;
    if (eq(o->cls, "teonsana")) verb = true;
    if (eq(o->cls, "teonsana") && (eq(o->mood, "A-infinitive") || eq(o->mood, "MA-infinitive")))
      inf = true;
    if (eq(o->cls, "teonsana") && eq(o->mood, "MA-infinitive")) ma_inf = true;
    if (!eq(o->cls, "etunimi") && !eq(o->cls, "sukunimi")) other_common = true;
    if (!eq(o->mood, "potential")) non_potential = true;
    if (eq(o->cls, "asemosana")) pronoun = true;
  }
  if (eq(r->cls, "nimisana") && eq(r->number, "plural") && inf &&
      (eq(r->case_, "ulkoolento") || eq(r->case_, "ulkoeronto") || eq(r->case_, "sisaolento")))
    return true;
  if (eq(r->cls, "nimisana") && verb && r->base && !strcmp(r->base, word) && r->wb &&
      strchr(r->wb + 1, '+'))
    return true;
  if (eq(r->participle, "agent") && inf) return true;
  if (eq(r->cls, "nimisana") && ma_inf) return true;
  if (eq(r->mood, "potential") && non_potential) return true;
  if (eq(r->mood, "imperative") && pronoun) return true;
  if ((eq(r->cls, "etunimi") || eq(r->cls, "sukunimi")) && other_common) return true;
  return false;
}

static unsigned reading_morph(const reading *r) {
  unsigned m = 0;
  if (eq(r->cls, "teonsana")) m |= KT__MORPH_VERB;
  if (eq(r->cls, "kieltosana")) m |= KT__MORPH_NEGV;
  if (eq(r->cls, "nimisana") || eq(r->cls, "laatusana") || eq(r->cls, "nimisana_laatusana"))
    m |= KT__MORPH_NOUN;
  if (eq(r->tense, "past_imperfective") || eq(r->participle, "past_active") ||
      eq(r->participle, "past_passive"))
    m |= KT__MORPH_PAST;
  if (eq(r->mood, "conditional")) m |= KT__MORPH_COND;
  if (eq(r->mood, "A-infinitive")) m |= KT__MORPH_INF;
  if ((m & KT__MORPH_NOUN) && eq(r->case_, "olento")) m |= KT__MORPH_ESSIVE;
  if (eq(r->cls, "laatusana") && eq(r->case_, "olento")) m |= KT__MORPH_STATE;
  if (eq(r->cls, "paikannimi")) m |= KT__MORPH_PLACE;
  if ((m & (KT__MORPH_NOUN | KT__MORPH_PLACE)) &&
      (eq(r->case_, "sisaeronto") || eq(r->case_, "ulkoeronto")))
    m |= KT__MORPH_SOURCE;
  if ((m & (KT__MORPH_NOUN | KT__MORPH_PLACE)) &&
      (eq(r->case_, "sisatulento") || eq(r->case_, "ulkotulento")))
    m |= KT__MORPH_TARGET;
  if ((m & KT__MORPH_NOUN) && eq(r->case_, "omanto")) m |= KT__MORPH_GENITIVE;
  if ((m & KT__MORPH_NOUN) && eq(r->case_, "tulento")) m |= KT__MORPH_TRANSLATIVE;
  if ((m & KT__MORPH_NOUN) && eq(r->case_, "nimento")) m |= KT__MORPH_NOMINATIVE;
  if ((m & KT__MORPH_NOUN) && eq(r->case_, "sisaolento")) m |= KT__MORPH_INESSIVE;
  if ((m & KT__MORPH_NOUN) && eq(r->case_, "osanto")) m |= KT__MORPH_PARTITIVE;
  if (r->reqv) m |= KT__MORPH_WANTSV;
  return m;
}

#define MAX_READINGS 16
static const char *const reading_keys[] = {"BASEFORM",  "WORDBASES", "CLASS",
                                           "MOOD",      "TENSE",     "PARTICIPLE",
                                           "NUMBER",    "SIJAMUOTO", "REQUIRE_FOLLOWING_VERB",
                                           "POSSESSIVE"};

/* Add lemmas (and compound parts) of @p word, except rare readings (see
 * above); OR the kept readings' grammar into *morph if @p morph is not NULL.
 * With @p ts NULL only the grammar is read. Returns the number of readings
 * kept. */
static size_t add_voikko_m(kt_analyzer *an, termset *ts, const char *word, int lemma_kind,
                           unsigned *morph) {
  struct voikko_mor_analysis **a = voikkoAnalyzeWordCstr(an->voikko, word);
  if (!a) return 0;
  reading rs[MAX_READINGS];
  size_t n = 0;
  for (; n < MAX_READINGS && a[n]; n++) {
    char **v = (char **)&rs[n];
    for (size_t k = 0; k < sizeof reading_keys / sizeof *reading_keys; k++)
      v[k] = voikko_mor_analysis_value_cstr(a[n], reading_keys[k]);
  }
  bool names_only = n > 0, first_names = n > 0;
  for (size_t i = 0; i < n; i++) {
    if (!eq(rs[i].cls, "etunimi") && !eq(rs[i].cls, "sukunimi")) names_only = false;
    if (!eq(rs[i].cls, "etunimi")) first_names = false;
  }
  bool verb_reading = false;
  for (size_t i = 0; i < n; i++)
    verb_reading |= eq(rs[i].cls, "teonsana");
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    reading *r = &rs[i];
    if (rare_reading(r, rs, n, word)) continue;
    kept++;
    if (morph && !(eq(r->possessive, "2s") && verb_reading)) *morph |= reading_morph(r);
    if (!ts) continue;
    ts->adding_verb = eq(r->cls, "teonsana");
    if (r->base) ts_add(ts, r->base, strlen(r->base), lemma_kind);
    ts->adding_verb = false;
    if (r->wb) add_compound_parts(ts, r->wb);
  }
  if (morph && names_only) *morph |= KT__MORPH_NAME;
  if (morph && first_names) *morph |= KT__MORPH_FIRSTNAME;
  for (size_t i = 0; i < n; i++) {
    char **v = (char **)&rs[i];
    for (size_t k = 0; k < sizeof reading_keys / sizeof *reading_keys; k++)
      voikko_free_mor_analysis_value_cstr(v[k]);
  }
  voikko_free_mor_analysis(a);
  return kept;
}

/* Words a note writes that Voikko reads wrongly or not at all: spoken forms
 * ("ollu" would be corrected to "olu", beer), and words whose only reading
 * is not what a note means ("raskaana" is pregnant, not heavy). Each maps to
 * the written word analysed in its place. */
static const char *const respell[][2] = {
    {"ollu", "ollut"},
    {"jäbä", "jätkä"}, /* spoken for a man; unknown to Voikko, "fixed" to jää (ice) */
    {"uus", "uusi"},
    {"haluu", "haluaa"},
    {"kaipais", "kaipaisi"},
    {"tekis", "tekisi"},
    {"tarvii", "tarvitsee"},
    {"mist", "mistä"},
    {"yh", "yksinhuoltaja"},
    {"haluun", "haluan"},
    {"lafka", "yritys"},
    {"lafkan", "yrityksen"},
    {"lafkaan", "yritykseen"},
    {"lafkassa", "yrityksessä"},
    {"uuen", "uuden"},
    {"tehny", "tehnyt"},
    {"menny", "mennyt"},
    {"käyny", "käynyt"},
    {"tullu", "tullut"},
    {"saanu", "saanut"},
    {"mä", "minä"},
    {"sä", "sinä"},
    {"mul", "minulla"},
    {"sul", "sinulla"},
    {"oon", "olen"},
    {"oot", "olet"},
    {"oo", "ole"},
    {"himassa", "kotona"},
    {"himas", "kotona"},
    {"himaan", "kotiin"},
    {"himasta", "kotoa"},
    {"raskaana", "raskaus"},
    {"raskaaksi", "raskaus"},
    {"nää", "nämä"},
    {"noi", "nuo"},
    {"tää", "tämä"},
    {"toi", "tuo"},
    /* Spoken conditionals (a wish: "haluis takas töihin"); Voikko would
     * correct "haluis" to hauis, biceps. */
    {"haluis", "haluaisi"},
    {"haluais", "haluaisi"},
    {"haluisin", "haluaisin"},
    {"vois", "voisi"},
    {"ois", "olisi"},
    {"olis", "olisi"},
    {"pitäis", "pitäisi"},
    {"tarttis", "tarvitsisi"},
    {"tarvis", "tarvitsisi"},
    {"kiinnostais", "kiinnostaisi"},
    {"kävis", "kävisi"},
    {"menis", "menisi"},
    {"pääsis", "pääsisi"},
    {"jaksais", "jaksaisi"},
    /* "sais duunii": would get; Voikko would restore "säis" (sää, säkä). */
    {"sais", "saisi"},
    {"saisko", "saisiko"},
    {"pystyis", "pystyisi"},
    {"takas", "takaisin"},
    {"mitää", "mitään"},
    {"mut", "mutta"},
    {"ku", "kun"},
    {"kans", "kanssa"},
    {"kaa", "kanssa"},
    {"iha", "ihan"},
    {"tehä", "tehdä"},
    {"haluun", "haluan"},
    {"ilmaseks", "ilmaiseksi"},
    {"ahistaa", "ahdistaa"},
    {"ahistus", "ahdistus"},
    {"kattoo", "katsoo"},
    {"sit", "sitten"},
    /* Spoken function words and forms Voikko does not know: left alone they
     * are stems that match nothing meant ("tiiä", "ite"), and "ei tiiä" is
     * "ei tiedä" to the reading. */
    {"tiiä", "tiedä"},
    {"tiä", "tiedä"},
    {"vaa", "vaan"},
    {"mun", "minun"},
    {"mulla", "minulla"},
    {"viel", "vielä"},
    {"sitte", "sitten"},
    {"puol", "puoli"},
    {"onks", "onko"},
    {"oisko", "olisiko"},
    {"voiks", "voiko"},
    {"meneeks", "meneekö"},
    {"tarviiks", "tarvitseeko"},
    {"tarviiko", "tarvitseeko"},
    {"tarttee", "tarvitsee"},
    {"jonku", "jonkun"},
    {"ite", "itse"},
    {"ees", "edes"},
    {"kyl", "kyllä"},
    {"pitäs", "pitäisi"},
    {"mihkään", "mihinkään"},
    {"mihkää", "mihinkään"},
    {"samal", "samalla"},
    {"niist", "niistä"},
    {"sil", "sillä"},
    {"välil", "välillä"},
    {"jälkee", "jälkeen"},
    {"kämppis", "kämppäkaveri"},
    /* A bankruptcy spoken ("firma meni konkkaan"); Voikko would correct it
     * to "lonkka", a hip. */
    {"konkka", "konkurssi"},
    {"konkkaan", "konkurssiin"},
    {"konkassa", "konkurssissa"},
    {"konkan", "konkurssin"},
    /* Spoken pasts in -u ("ranne parantu", "tippu telineiltä"): without the
     * past a healed wrist reads as a wrist that hurts now. */
    {"parantu", "parantui"},
    {"tippu", "tippui"},
    {"kaatu", "kaatui"},
    {"sattu", "sattui"},
    /* "haluis kirjoille": registered as a job seeker, not kirjo (a range);
     * spoken "vähä" is vähän ("puhuu suomee vähä"). */
    {"kirjoille", "työnhakijaksi"},
    {"vähä", "vähän"},
    /* "ent. trukkikuski": the abbreviation of "entinen", a trade left. */
    {"ent", "entinen"},
};

/* The table sorted by spoken form, once per process: the thesaurus asks
 * for every function word of a note at every entry it tries. */
#define N_RESPELL (sizeof respell / sizeof *respell)
static const char *const *respell_sorted[N_RESPELL];
static pthread_once_t respell_once = PTHREAD_ONCE_INIT;

static int cmp_respell(const void *a, const void *b) {
  return strcmp((*(const char *const *const *)a)[0], (*(const char *const *const *)b)[0]);
}

static void respell_sort(void) {
  for (size_t i = 0; i < N_RESPELL; i++)
    respell_sorted[i] = respell[i];
  qsort(respell_sorted, N_RESPELL, sizeof *respell_sorted, cmp_respell);
}

static const char *respelled(const char *word) {
  pthread_once(&respell_once, respell_sort);
  const char *const key[2] = {word, NULL};
  const char *const *kp = key;
  const char *const *const *hit =
      bsearch(&kp, respell_sorted, N_RESPELL, sizeof *respell_sorted, cmp_respell);
  return hit ? (*hit)[1] : word;
}

const char *kt__analyze_respelled(const char *word) { return respelled(word); }

/* Does the text of @p word before @p end end in a vowel (UTF-8 "ä", "ö" too)? */
static bool vowel_ends(const char *word, const char *end) {
  if (end - word >= 1 && end[-1] && strchr("aeiouy", end[-1])) return true;
  return end - word >= 2 && (unsigned char)end[-2] == 0xc3 &&
         ((unsigned char)end[-1] == 0xa4 || (unsigned char)end[-1] == 0xb6);
}

/* Spoken endings a note drops, restored for a word Voikko does not know:
 * the inessive's -ssa/-ssä ("himas", "pelaamas", "suomes"), the
 * translative's -i ("kevääks", "valmiiks"), the participle's -t ("jaksanu",
 * "menny"), the adessive's and the ablative's last vowel ("häädöl",
 * "kaverilt"). Valid words never get here. */
/* The written spelling of a spoken ending, in @p v: false if none applies. */
static bool spoken_spelling(const char *word, char *v, size_t vsize) {
  size_t len = strlen(word);
  if (len < 4 || len > 60) return false;
  const char *end = word + len;
  bool back = strpbrk(word, "aou") != NULL; /* vowel harmony */
  if (end[-1] == 's' && end[-2] == 'k') snprintf(v, vsize, "%si", word);
  /* The partitive's long vowel: "tutkintoo", "nettikasinoo", "kotoo". */
  else if (end[-1] == 'o' && end[-2] == 'o' && !strchr("aeiouyäö", end[-3]))
    snprintf(v, vsize, "%.*sa", (int)(len - 1), word);
  else if (end[-1] == 's')
    snprintf(v, vsize, "%s%s", word, back ? "sa" : "sä");
  /* The adessive's and the ablative's dropped vowels: "uhkaa häädöl",
   * "töissä kassal", "kaverilt". */
  else if (end[-1] == 'l' && vowel_ends(word, end - 1))
    snprintf(v, vsize, "%s%s", word, back ? "la" : "lä");
  else if (end[-1] == 't' && end[-2] == 'l' && vowel_ends(word, end - 2))
    snprintf(v, vsize, "%s%s", word, back ? "a" : "ä");
  else if (strchr("nlrs", end[-2]) && (end[-1] == 'u' || end[-1] == 'y'))
    snprintf(v, vsize, "%st", word);
  else
    return false;
  return true;
}

/* Spoken "ee" for the written "eä"/"ea" ("pimeenä" pimeänä, "vaikeeta"
 * vaikeata, "kauheesti" kauheasti), in @p v: false if the word has no
 * "ee" after a consonant. */
static bool spoken_ea(const char *word, char *v, size_t vsize) {
  size_t len = strlen(word);
  if (len < 5 || len + 2 > vsize) return false;
  const char *p = strstr(word + 1, "ee");
  if (!p || strchr("aeiouyäö", p[-1])) return false;
  bool back = strpbrk(word, "aou") != NULL; /* vowel harmony */
  size_t at = (size_t)(p - word) + 1;
  snprintf(v, vsize, "%.*s%s%s", (int)at, word, back ? "a" : "ä", word + at + 1);
  return true;
}

/* The spoken partitive ending, written out in @p v: a long "ii" for -iA
 * ("hommii" hommia, "reittii" reittiä) and a plural's "oi"/"ui" for -oja/-uja
 * ("keikkoi" keikkoja, "juttui" juttuja); false if the word ends otherwise. */
static bool spoken_partitive(const char *word, char *v, size_t vsize) {
  size_t len = strlen(word);
  if (len < 5 || len + 3 > vsize) return false;
  const char *end = word + len;
  if (end[-1] != 'i' || strchr("aeiouyäö", end[-3])) return false;
  const char *a = strpbrk(word, "aou") ? "a" : "ä"; /* vowel harmony */
  if (end[-2] == 'i')
    snprintf(v, vsize, "%.*s%s", (int)(len - 1), word, a);
  else if (end[-2] == 'o' || end[-2] == 'u')
    snprintf(v, vsize, "%.*sj%s", (int)(len - 1), word, a);
  else
    return false;
  return true;
}

static size_t add_spoken_restored(kt_analyzer *an, termset *ts, const char *word, unsigned *morph) {
  char v[72], w[72];
  /* Spoken "ilmottautua" for "ilmoittautua", with its spoken endings
   * ("ilmottautunu"). */
  const char *p = strstr(word, "ilmott");
  if (p && strlen(word) + 2 < sizeof w) {
    snprintf(w, sizeof w, "%.*silmoitt%s", (int)(p - word), word, p + strlen("ilmott"));
    size_t n = add_voikko_m(an, ts, w, KT_TERM_FIXED, morph);
    if (!n && spoken_spelling(w, v, sizeof v)) n = add_voikko_m(an, ts, v, KT_TERM_FIXED, morph);
    if (n) return n;
  }
  /* The spoken question clitic: "saaks" saako, "pitääks" pitääkö, when
   * that is a verb of now; "kokiks" (kokiksi) is not "kokiko", a past. */
  size_t len = strlen(word);
  if (len >= 5 && len + 2 < sizeof v && !strcmp(word + len - 2, "ks")) {
    snprintf(v, sizeof v, "%.*s%s", (int)(len - 1), word, strpbrk(word, "aou") ? "o" : "ö");
    unsigned m = 0;
    if (add_voikko_m(an, NULL, v, KT_TERM_FIXED, &m) && (m & KT__MORPH_VERB) &&
        !(m & (KT__MORPH_NOUN | KT__MORPH_PAST)))
      return add_voikko_m(an, ts, v, KT_TERM_FIXED, morph);
  }
  size_t n = spoken_spelling(word, v, sizeof v) ? add_voikko_m(an, ts, v, KT_TERM_FIXED, morph) : 0;
  if (n == 0 && spoken_ea(word, v, sizeof v)) n = add_voikko_m(an, ts, v, KT_TERM_FIXED, morph);
  if (n == 0 && spoken_partitive(word, v, sizeof v))
    n = add_voikko_m(an, ts, v, KT_TERM_FIXED, morph);
  return n;
}

/* Restore umlauts a word was typed without: try every way of turning its
 * a/o letters into ä/ö (fewest changes first) and keep the spellings Voikko
 * accepts. Only words Voikko does not know get here, so valid words are never
 * "corrected". Up to MAX_UMLAUT_SLOTS letters (1023 spell checks, cached). */
#define MAX_UMLAUT_SLOTS 10
static size_t add_umlaut_fixed(kt_analyzer *an, termset *ts, const char *word, unsigned *morph) {
  size_t len = strlen(word);
  if (len > 60) return 0;
  size_t pos[MAX_UMLAUT_SLOTS], np = 0;
  for (size_t i = 0; i < len; i++)
    if (word[i] == 'a' || word[i] == 'o') {
      if (np == MAX_UMLAUT_SLOTS) return 0;
      pos[np++] = i;
    }
  if (np == 0) return 0;
  char variant[128];
  size_t found = 0;
  unsigned full = (1u << np) - 1;
  for (unsigned changes = 1; changes <= np && found == 0; changes++) {
    for (unsigned mask = 1; mask <= full; mask++) {
      if ((unsigned)__builtin_popcount(mask) != changes) continue;
      size_t o = 0;
      for (size_t i = 0, k = 0; i < len; i++) {
        if (k < np && pos[k] == i) {
          if (mask & (1u << k)) {
            variant[o++] = (char)0xC3;
            variant[o++] = word[i] == 'a' ? (char)0xA4 : (char)0xB6;
          } else {
            variant[o++] = word[i];
          }
          k++;
        } else {
          variant[o++] = word[i];
        }
      }
      variant[o] = '\0';
      if (voikkoSpellCstr(an->voikko, variant) == VOIKKO_SPELL_OK)
        found += add_voikko_m(an, ts, variant, KT_TERM_FIXED, morph);
    }
  }
  return found;
}

/* Levenshtein distance of two short byte strings (at most 63 bytes). */
static size_t edit_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b), row[64];
  if (la > 63 || lb > 63) return 99;
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

/* A word Voikko does not know, typed in a hurry ("palkkatukki",
 * "kuntoutuksesa"): the base forms of Voikko's spelling suggestions that are
 * one letter off (two in words of 10+ letters), as their own term kind so a
 * search can weigh them lower or leave them out. Valid words never get here. */
#define TYPO_MIN_BYTES 6
#define TYPO_MAX_SUGGESTIONS 3
static size_t add_typo_fixed(kt_analyzer *an, termset *ts, const char *word, unsigned *morph) {
  size_t len = strlen(word);
  if (len < TYPO_MIN_BYTES || len > 60) return 0;
  char **sugg = voikkoSuggestCstr(an->voikko, word);
  if (!sugg) return 0;
  size_t found = 0, maxd = len >= 10 ? 2 : 1;
  for (size_t i = 0; i < TYPO_MAX_SUGGESTIONS && sugg[i]; i++) {
    if (strchr(sugg[i], ' ')) continue; /* a split into two words is a different reading */
    char *f = kt__casefold(sugg[i]);
    if (f && edit_distance(word, f) <= maxd) found += add_voikko_m(an, ts, f, KT_TERM_TYPO, morph);
    free(f);
  }
  voikkoFreeCstrArray(sugg);
  return found;
}

static bool all_digits(const char *s) {
  for (; *s; s++)
    if (*s < '0' || *s > '9') return false;
  return true;
}

static void analyse_uncached(kt_analyzer *an, const kt__word *w, bool fix, termset *ts, bool *stop,
                             bool *suggested, unsigned *morph) {
  *suggested = false;
  *morph = 0;
  const char *word = respelled(w->text);
  *stop = false;
  if (all_digits(word)) {
    *stop = true;
    return;
  }
  /* The first part of a hyphenated compound is no function word: "it" in
   * "it-tukihenkilö" is IT, as "IT" in capitals is. */
  if (!w->all_caps && !w->joined && kt__is_stopword(word)) {
    /* Function words carry the grammar a note is read by ("ei", "oli",
     * "haluaisi"): their readings are kept as grammar, not as terms. */
    add_voikko_m(an, NULL, word, KT_TERM_LEMMA, morph);
    *stop = true;
    return;
  }
  /* "24-vuotias" is segmented as "24" + "vuotias", which Voikko does not
   * know alone; its typo suggestions (vuo, vuota) would be noise. */
  if (!strncmp(word, "vuotia", 6) || !strncmp(word, "-vuotia", 7)) {
    ts_add(ts, "vuotias", 7, KT_TERM_LEMMA);
    *morph = KT__MORPH_NOUN;
    return;
  }
  /* An abbreviation or name with its case ending after a colon ("YT:ssä",
   * "TE:n", "Kela:lta"; Unicode word breaks keep them one word): the
   * letters before the colon, as an abbreviation's are kept, and their
   * reading if Voikko has one. The ending would only bring typo guesses. */
  const char *colon = strchr(word, ':');
  if (colon && colon > word && colon - word < 40 && colon[1] && strlen(colon + 1) <= 5 &&
      !strpbrk(colon + 1, "0123456789:")) {
    char head[48];
    size_t hl = (size_t)(colon - word);
    memcpy(head, word, hl);
    head[hl] = '\0';
    ts_add(ts, head, hl, KT_TERM_LEMMA);
    add_voikko_m(an, ts, head, KT_TERM_LEMMA, morph);
    return;
  }
  /* Abbreviations keep their letters as a term: "TE" is not the pronoun te,
   * nor "te" in "te-palvelut". */
  bool abbrev = w->all_caps || (w->joined && kt__is_stopword(word));
  if (abbrev) ts_add(ts, word, strlen(word), KT_TERM_LEMMA);
  size_t n = w->numeric ? 0 : add_voikko_m(an, ts, word, KT_TERM_LEMMA, morph);
  if (n == 0 && !w->numeric && fix) n = add_spoken_restored(an, ts, word, morph);
  if (n == 0 && !w->numeric && fix) {
    *suggested = true;
    n = add_umlaut_fixed(an, ts, word, morph);
    /* Both at once: "lahihoitajaks" is lähihoitajaksi. */
    char v[72];
    if (n == 0 && spoken_spelling(word, v, sizeof v)) n = add_umlaut_fixed(an, ts, v, morph);
  }
  if (n == 0 && !w->numeric && !w->all_caps && fix) add_typo_fixed(an, ts, word, morph);
  if (n == 0) {
    /* An unknown word's spoken ending is written out before it is stemmed:
     * "järkkäriks" stems as "järkkäriksi" does, like "järkkäri". */
    char sv[72];
    size_t wl = strlen(word);
    bool ks = wl > 5 && !strcmp(word + wl - 2, "ks"); /* not the -s of "jobs", "arbetslös" */
    const char *src = fix && ks && spoken_spelling(word, sv, sizeof sv) ? sv : word;
    const sb_symbol *st = sb_stemmer_stem(an->stemmer, (const sb_symbol *)src, (int)strlen(src));
    if (st)
      ts_add(ts, (const char *)st, (size_t)sb_stemmer_length(an->stemmer),
             w->all_caps ? KT_TERM_LEMMA : KT_TERM_STEM);
    return;
  }
  if (abbrev) return;
  /* A word whose every reading is a function word ("olivat" -> olla). */
  bool all_stop = true;
  for (size_t i = 0; i < ts->n && all_stop; i++)
    if (ts->kind[i] != KT_TERM_PART && !kt__is_stopword(ts->text[i])) all_stop = false;
  if (all_stop) {
    *stop = true;
    ts_free(ts);
  }
  /* The head of a hyphenated compound weighs as a compound's part does:
   * an "it-tukihenkilö" is not a volunteer support person (tukihenkilö). */
  for (size_t i = 0; w->head && i < ts->n; i++)
    ts->kind[i] = KT_TERM_PART;
}

int kt__analyze_word(kt_analyzer *an, const kt__word *w, kt__wordan *out) {
  return kt__analyze_word_as(an, w, an->fix_umlauts, out);
}

int kt__analyze_word_as(kt_analyzer *an, const kt__word *w, bool fix, kt__wordan *out) {
  /* Cache key: the folded word, marked for capitals and for corrections. */
  fix = fix && an->fix_umlauts && an->suggest_budget > 0;
  size_t wl = strlen(w->text);
  char kbuf[256], *key = wl + 2 <= sizeof kbuf ? kbuf : malloc(wl + 2);
  if (!key) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  key[0] = (char)((w->all_caps ? 'C' : w->joined ? 'J' : w->head ? 'H' : 'w') - (fix ? 0 : 1));
  memcpy(key + 1, w->text, wl + 1);
  uint64_t h = kt__fnv1a(key, wl + 1);
  cache_bucket *slot = cache_slot(an, key, h);
  if (slot->e) {
    if (key != kbuf) free(key);
    *out = slot->e->an;
    return KT_OK;
  }
  if (key == kbuf && !(key = kt__strdup(kbuf)))
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  termset ts = {0};
  bool stop = false, suggested = false;
  unsigned morph = 0;
  analyse_uncached(an, w, fix, &ts, &stop, &suggested, &morph);
  if (suggested) an->suggest_budget--;

  /* One block: the kt_term array, the verb flags, then the term texts. */
  size_t bytes = ts.n * (sizeof(kt_term) + 1);
  for (size_t i = 0; i < ts.n; i++)
    bytes += strlen(ts.text[i]) + 1;
  cache_entry *e = calloc(1, sizeof *e);
  kt_term *terms = malloc(bytes ? bytes : 1);
  if (!e || !terms) {
    free(e);
    free(terms);
    free(key);
    ts_free(&ts);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  unsigned char *verbs = (unsigned char *)(terms + ts.n);
  char *strs = (char *)(verbs + ts.n);
  for (size_t i = 0; i < ts.n; i++) {
    size_t l = strlen(ts.text[i]) + 1;
    memcpy(strs, ts.text[i], l);
    terms[i].text = strs;
    terms[i].kind = ts.kind[i];
    verbs[i] = ts.verb[i];
    strs += l;
  }
  size_t nterms = ts.n;
  ts_free(&ts);
  e->key = key;
  e->an.terms = terms;
  e->an.count = nterms;
  e->an.stop = stop;
  e->an.morph = morph;
  e->an.verb = verbs;
  slot = cache_slot(an, key, h);
  if (an->n_entries >= CACHE_SLOTS - 1) {
    /* Cannot happen below CACHE_TRIM: one text adds fewer words. */
    free(e);
    free(terms);
    free(key);
    return kt__err(KT_ENOMEM, "analysis cache is full");
  }
  slot->hash = h;
  slot->e = e;
  an->entries[an->n_entries++] = e;
  *out = e->an;
  return KT_OK;
}

/* ---- whole texts ------------------------------------------------------- */

/* A hyphenated compound Voikko knows whole ("vapaa-ajalla" is vapaa-aika):
 * of its first word's base forms, the one the whole word is built of wins
 * ("vapaa", not "vapa", a fishing rod). Short first words are abbreviations
 * and stay as they are ("it-tukihenkilö", "b-lausunto"). */
static bool part_of(const kt__wordan *wa, const char *text) {
  for (size_t j = 0; j < wa->count; j++)
    if (wa->terms[j].kind == KT_TERM_PART && !strcmp(wa->terms[j].text, text)) return true;
  return false;
}

/* The signature kt__token_is reads first (analyze.h): the bits of the
 * surface and of every term that is not a compound part. Set when a word's
 * terms are final, and again whenever they change. */
static void sign(kt__tok *x) {
  const kt_token *t = &x->pub;
  x->sig = kt__sig_bit(t->surface);
  for (size_t k = 0; k < t->term_count; k++)
    if (t->terms[k].kind != KT_TERM_PART) x->sig |= kt__sig_bit(t->terms[k].text);
}

static int settle_hyphenated(kt_analyzer *an, kt_analysis *a) {
  for (size_t i = 0; i + 1 < a->count; i++) {
    const kt__word *w = &a->words.items[i], *h = &a->words.items[i + 1];
    kt_token *t = &a->toks[i].pub;
    if (!w->joined || !h->head || w->all_caps || w->numeric || h->numeric || t->stopword ||
        strlen(w->text) < 3)
      continue;
    size_t lemmas = 0, built = 0;
    for (size_t k = 0; k < t->term_count; k++)
      lemmas += t->terms[k].kind == KT_TERM_LEMMA;
    if (lemmas < 2) continue;
    char pair[128];
    int pl = snprintf(pair, sizeof pair, "%s-%s", w->text, h->text);
    if (pl < 0 || (size_t)pl >= sizeof pair) continue;
    kt__word pw = {.text = pair};
    kt__wordan wa;
    int rc = kt__analyze_word_as(an, &pw, false, &wa);
    if (rc) return rc;
    for (size_t k = 0; k < t->term_count; k++)
      built += t->terms[k].kind == KT_TERM_LEMMA && part_of(&wa, t->terms[k].text);
    if (!built) continue; /* Voikko does not know the whole word */
    kt_term *terms = (kt_term *)t->terms;
    size_t to = 0;
    for (size_t k = 0; k < t->term_count; k++)
      if (terms[k].kind != KT_TERM_LEMMA || part_of(&wa, terms[k].text)) terms[to++] = terms[k];
    t->term_count = to;
  }
  return KT_OK;
}

int kt__analysis_join_split(kt_analyzer *an, kt_analysis *a, const char *text,
                            bool (*known)(void *ctx, const char *term), void *ctx) {
  enum { MAX_JOINED = 4 };
  for (size_t i = 0; i + 1 < a->count; i++) {
    const kt__word *w = &a->words.items[i], *h = &a->words.items[i + 1];
    kt_token *t = &a->toks[i].pub, *u = &a->toks[i + 1].pub;
    if (t->stopword || u->stopword || w->numeric || h->numeric || w->all_caps || h->all_caps ||
        w->joined || w->head || h->head || strlen(w->text) < 3 || strlen(h->text) < 3)
      continue;
    bool apart = t->end < u->start;
    for (size_t b = t->end; b < u->start && apart; b++)
      apart = text[b] == ' ';
    size_t lemmas = 0, hlemmas = 0;
    for (size_t k = 0; k < t->term_count; k++)
      lemmas += t->terms[k].kind == KT_TERM_LEMMA;
    for (size_t k = 0; k < u->term_count; k++)
      hlemmas += u->terms[k].kind == KT_TERM_LEMMA;
    /* The first word: a noun in the nominative or the genitive ("kiinteistön
     * hoitaja"), or unknown ("pitkäaikais"); the second a common noun, or a
     * spoken form restored ("hoitajaks"). */
    unsigned mh = a->morph[i + 1];
    if (!apart || (lemmas && !(a->morph[i] & (KT__MORPH_NOMINATIVE | KT__MORPH_GENITIVE))) ||
        (hlemmas && !(mh & KT__MORPH_NOUN)) ||
        (mh & (KT__MORPH_VERB | KT__MORPH_PLACE | KT__MORPH_NAME)))
      continue;
    /* The first word as written and the second's base form: "palkka" +
     * "tuki" for "palkka tuella". */
    const char *joined[MAX_JOINED];
    size_t nj = 0;
    for (size_t k = 0; k < u->term_count && nj < MAX_JOINED; k++) {
      if (u->terms[k].kind != KT_TERM_LEMMA && u->terms[k].kind != KT_TERM_FIXED) continue;
      char pair[128];
      int pl = snprintf(pair, sizeof pair, "%s%s", w->text, u->terms[k].text);
      if (pl < 0 || (size_t)pl >= sizeof pair) continue;
      kt__word pw = {.text = pair};
      kt__wordan wa;
      int rc = kt__analyze_word_as(an, &pw, false, &wa);
      if (rc) return rc;
      size_t parts = 0;
      for (size_t m = 0; m < wa.count; m++)
        parts += wa.terms[m].kind == KT_TERM_PART;
      if (parts < 2) continue; /* not a compound Voikko knows */
      for (size_t m = 0; m < wa.count && nj < MAX_JOINED; m++) {
        if (wa.terms[m].kind != KT_TERM_LEMMA || (known && !known(ctx, wa.terms[m].text))) continue;
        bool dup = false;
        for (size_t d = 0; d < nj && !dup; d++)
          dup = !strcmp(joined[d], wa.terms[m].text);
        if (!dup) joined[nj++] = wa.terms[m].text; /* in the analyser's cache */
      }
    }
    if (!nj) continue;
    size_t n = u->term_count + nj, bytes = n * sizeof(kt_term);
    for (size_t k = 0; k < n; k++)
      bytes += strlen(k < u->term_count ? u->terms[k].text : joined[k - u->term_count]) + 1;
    kt_term *terms = malloc(bytes);
    if (!terms) return kt__err(KT_ENOMEM, "cannot allocate the terms of a word");
    char *strs = (char *)(terms + n);
    for (size_t k = 0; k < n; k++) {
      const char *src = k < u->term_count ? u->terms[k].text : joined[k - u->term_count];
      size_t l = strlen(src) + 1;
      memcpy(strs, src, l);
      terms[k].text = strs;
      terms[k].kind = k < u->term_count ? u->terms[k].kind : KT_TERM_FIXED;
      strs += l;
    }
    free((void *)u->terms);
    u->terms = terms;
    u->term_count = n;
    sign(&a->toks[i + 1]);
  }
  return KT_OK;
}

/* Spoken "et" is "että" ("sanoo et haluis teatteriin", "ilmotti et koko
 * porukka lomautetaan"). The negation verb's second person speaks to
 * someone: "sä et", "et sä", or a sentence that begins with it ("Et pysty
 * nostamaan"), as a client's words are quoted. Elsewhere "et" is read as
 * "että". */
static void spoken_that(kt_analysis *a, const char *text) {
  static const char *const you[] = {"sinä", "sä", "sää", "sie", "te", NULL};
  for (size_t i = 0; i < a->count; i++) {
    if (strcmp(a->toks[i].pub.surface, "et")) continue;
    bool spoken_to = true; /* at the start of the text */
    if (i > 0) {
      spoken_to = false;
      for (size_t b = a->toks[i - 1].pub.end; b < a->toks[i].pub.start && !spoken_to; b++)
        spoken_to = strchr(".!?;:\n", text[b]) != NULL;
    }
    for (size_t j = i > 2 ? i - 2 : 0; j < a->count && j <= i + 2 && !spoken_to; j++)
      for (size_t k = 0; you[k] && !spoken_to; k++)
        spoken_to = !strcmp(a->toks[j].pub.surface, you[k]);
    if (spoken_to) continue;
    a->toks[i].pub.surface = "että";
    a->morph[i] &= ~(unsigned)KT__MORPH_NEGV;
  }
}

int kt_analyze(kt_analyzer *an, const char *text, size_t len, kt_analysis **out) {
  kt__err_clear();
  if (!an || !out || (!text && len)) return kt__err(KT_EINVAL, "kt_analyze: NULL argument");
  *out = NULL;
  if (len > KT_MAX_QUERY_BYTES)
    return kt__err(KT_ETOOBIG, "text is %zu bytes; the limit is %d bytes", len, KT_MAX_QUERY_BYTES);
  size_t bad = 0;
  if (!kt__utf8_valid(text, len, &bad))
    return kt__err(KT_EINVAL, "text is not valid UTF-8 (byte offset %zu)", bad);
  kt__analyzer_trim(an);
  an->suggest_budget = SUGGEST_BUDGET;
  kt_analysis *a = calloc(1, sizeof *a);
  if (!a) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  int rc = kt__text_words(text ? text : "", len, &a->words);
  if (rc) {
    free(a);
    return rc;
  }
  a->toks = calloc(a->words.count ? a->words.count : 1, sizeof *a->toks);
  a->morph = calloc(a->words.count ? a->words.count : 1, sizeof *a->morph);
  if (!a->toks || !a->morph) {
    kt_analysis_free(a);
    return kt__err(KT_ENOMEM, "cannot allocate the analysis of a %zu-byte text", len);
  }
  for (size_t i = 0; i < a->words.count; i++) {
    kt__wordan wa;
    rc = kt__analyze_word(an, &a->words.items[i], &wa);
    if (rc) {
      kt_analysis_free(a);
      return rc;
    }
    kt_token *t = &a->toks[i].pub;
    t->surface = a->words.items[i].text;
    t->start = a->words.items[i].start;
    t->end = a->words.items[i].end;
    t->stopword = wa.stop;
    a->morph[i] = wa.morph;
    /* After a verb that takes an infinitive ("haluaa kokeilla", "voisi
     * opiskella") a word that can be a verb is the verb: its noun readings
     * and their compound parts are dropped. */
    bool verb_only = i > 0 && (a->morph[i - 1] & KT__MORPH_WANTSV) && (wa.morph & KT__MORPH_INF) &&
                     (wa.morph & KT__MORPH_NOUN);
    /* Copy the terms out of the cache: the analysis outlives cache trims. */
    size_t bytes = wa.count * sizeof(kt_term);
    for (size_t k = 0; k < wa.count; k++)
      bytes += strlen(wa.terms[k].text) + 1;
    kt_term *terms = malloc(bytes ? bytes : 1);
    if (!terms) {
      kt_analysis_free(a);
      return kt__err(KT_ENOMEM, "cannot allocate the terms of a word");
    }
    char *strs = (char *)(terms + wa.count);
    size_t kept = 0;
    for (size_t k = 0; k < wa.count; k++) {
      if (verb_only && (wa.terms[k].kind == KT_TERM_PART || !wa.verb[k])) continue;
      size_t l = strlen(wa.terms[k].text) + 1;
      memcpy(strs, wa.terms[k].text, l);
      terms[kept].text = strs;
      terms[kept].kind = wa.terms[k].kind;
      kept++;
      strs += l;
    }
    t->term_count = kept;
    t->terms = terms;
    a->count = i + 1;
  }
  a->count = a->words.count;
  spoken_that(a, text ? text : "");
  rc = settle_hyphenated(an, a);
  if (!rc) rc = add_foreign(an, a);
  if (rc) {
    kt_analysis_free(a);
    return rc;
  }
  for (size_t i = 0; i < a->count; i++)
    sign(&a->toks[i]);
  *out = a;
  return KT_OK;
}

void kt_analysis_free(kt_analysis *a) {
  if (!a) return;
  for (size_t i = 0; i < a->count; i++)
    free((void *)a->toks[i].pub.terms);
  for (size_t i = 0; a->foreign && i < a->count; i++)
    free(a->foreign[i]);
  free(a->foreign);
  kt__wordlist_free(&a->words);
  free(a->toks);
  free(a->morph);
  free(a);
}

size_t kt_analysis_count(const kt_analysis *a) { return a ? a->count : 0; }

const kt_token *kt_analysis_get(const kt_analysis *a, size_t i) {
  return a && i < a->count ? &a->toks[i].pub : NULL;
}
