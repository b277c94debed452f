/*
 * thesaurus.h — the domain thesaurus: concepts, their entries and expansion
 * terms. engine/thesaurus.c loads the compiled form and finds concepts in a
 * text; indexer/thesaurus_compile.c writes the compiled form (both read the
 * format limits and the negation word below).
 */
#ifndef KT_THESAURUS_H
#define KT_THESAURUS_H

#include "internal.h"

/* Words of one entry, and match terms of one word, in the compiled form. */
#define KT__THES_MAX_ENTRY_WORDS 6
#define KT__THES_MAX_WORD_TERMS 12

/* Negative verb forms all match the entry word "ei": @p s, or "ei" for one
 * of them. The returned text is @p s or static. */
const char *kt__thesaurus_neg_norm(const char *s);

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
  bool negated_drop;   /* `negated: drop`: a problem a denied mention rules out ("ei velkoja");
                        * otherwise a denied mention is a lack, which is the need ("ei tutkintoa") */
  bool first;          /* `first: yes`: a need of now that comes before the note's request
                        * (rerank.c defer_request) */
  bool first_narrowed; /* `first: narrowed`: a problem of now that comes first when the client
                        * asks for one thing only ("pyytää vain trukkikorttia") */
  bool past_need;      /* `past: need`: told in the client's past, it is a need of now (a return
                        * from family leave, a release from prison): query.c */
  bool past_childhood; /* `past: childhood`: told of the client's childhood ("diagnoosi
                        * lapsena"), it is a need of now (a developmental condition): query.c */
  bool other_need;     /* `other: need`: told of another person, it is the client's need (a
                        * spouse's move for work: the client followed): query.c */
  bool wish_need;      /* `now: wish`: a need only as a wish; told as the situation of a
                        * note that wishes for something else, it is the client's
                        * background (gig work done now, a steady job wanted): query.c */
  int age_lo, age_hi; /* `age: LO-HI`: a client of that age has this need though no word names it */
  int history;        /* `history: YEARS`, -1 without: a working life that long, with one of */
  const char *municipality; /* `municipality:` (case-folded), NULL without: with `with:`, a
                             * client of it who has one of those needs has this one */
  const char *const *with;  /* `with:` these concepts found as a need of now, finds this one */
  size_t nwith;
  const char *const *rules_out; /* `rules_out:` service ids this need of now rules out */
  size_t nrules_out;
  const char *const *unless; /* `unless:` concepts that, found too, keep those services in */
  size_t nunless;
  const char *const *needed_by; /* `needed_by:` service ids for a client with this need (or
                                 * one of its groups) alone: rerank.c kt__rerank_need_unmet */
  size_t nneeded_by;
} kt__concept;

/* Parse and validate the thesaurus files (*.txt) in @p dir, analyse their
 * entries and write the compiled form to @p out_path. A missing @p dir is
 * not an error (no thesaurus). Errors name file, line and what is wrong.
 * (The build half, indexer/thesaurus_compile.c.) */
int kt__thesaurus_compile(kt_analyzer *an, const char *dir, const char *out_path,
                          size_t *concepts_out);
/* The concept ids of the thesaurus files in @p dir, as the compiler reads
 * them, sorted (*@p ids_out malloc'ed, each id too; none when @p dir does
 * not exist). Problems in the files are left to kt__thesaurus_compile(). */
int kt__thesaurus_ids(const char *dir, char ***ids_out, size_t *n_out);
/* Load a compiled thesaurus; *out = NULL if @p path does not exist. */
int kt__thesaurus_load(const char *path, kt__thesaurus **out);
void kt__thesaurus_free(kt__thesaurus *t);
size_t kt__thesaurus_count(const kt__thesaurus *t);
/* The concepts whose `needed_by:` lists service @p service: their indices
 * in @p out (at most @p max), in index order; the number of them. */
size_t kt__thesaurus_needed(const kt__thesaurus *t, const char *service, size_t *out, size_t max);
const kt__concept *kt__thesaurus_concept(const kt__thesaurus *t, size_t i);
/* The index of the concept with id @p id, SIZE_MAX when there is none. */
size_t kt__thesaurus_index_of(const kt__thesaurus *t, const char *id);

/* A concept found in an analysed text. */
typedef struct kt__found {
  size_t concept;
  size_t first, last; /* token range of the entry that found it */
  bool by_service; /* found by a service word: the text already speaks the catalogue's language */
  size_t told_first, told_last;   /* the first mention, where a later one in the present now
                                   * speaks for it ("puoliso kuollut ..., suru"); else first, last */
  size_t again_first, again_last; /* the last later mention at other words; SIZE_MAX if none */
} kt__found;
/* Find concepts in @p a. @p skip[i] marks tokens that must not find anything
 * (in a rejected scope: "ei halua koulutukseen"); @p denied[i] (may be NULL)
 * marks tokens under a negation, which are never a weak word's context; @p clause[i] is token i's
 * clause (reading.c), or NULL to read the text as one clause: weak entries
 * need a context word in the same or a neighbouring clause, and a rule's
 * words must all be in one clause or the next. At most one kt__found per concept (its
 * first occurrence). @p unmet (may be NULL) gets its concept + 1 at each
 * one-word weak entry that found nothing for want of its context: an
 * ambiguous word that is no need here ("asuu vuokralla"); 0 elsewhere is
 * left as it was. Returns the count written to @p out. */
size_t kt__thesaurus_find(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                          const bool *denied, const size_t *clause, kt__found *out, size_t max,
                          size_t *unmet);
/* The concepts that refused words name (@p skip marks every other word):
 * as kt__thesaurus_find, but a weak word needs no context there. "ei enää
 * yrittäjäksi" refuses becoming an entrepreneur though "yrittäjäksi" alone
 * finds it only beside a wish. */
size_t kt__thesaurus_find_refused(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                                  const size_t *clause, kt__found *out, size_t max);

#endif
