/*
 * docterms.h — a service's terms as its explanation needs them, prepared at
 * index time (issue 17): for every analysis term of the document, the fields
 * it occurs in, and for the words of the Finnish summary and description
 * (the snippet texts), their byte offsets and which terms each carries.
 *
 * An explained search used to read the fields of each result from field-
 * prefixed postings (one per term and field) and to analyse the description
 * again for its snippet; both now come from this one value per document.
 *
 * Stored in the record store under KT__DOCTERMS_KEY + the service id,
 * little-endian:
 *   u16 nwords[2]                       words of the summary, of the description
 *   (nwords[0] + nwords[1]) x (u32 start, u32 end)   byte offsets in their text
 *   u32 nterms, then per term, sorted by strcmp:
 *     u8 len, len bytes, u8 fields (KT_FIELD_* bits), u16 npos,
 *     npos x u16 word     (summary words 0.., description words from nwords[0])
 * A word's position is listed under its non-part terms only: a compound part
 * ("työ" of "työntekijä") marks no word in a snippet.
 */
#ifndef KT_DOCTERMS_H
#define KT_DOCTERMS_H

#include "internal.h"

#include <stddef.h>

/* Record-store key prefix: '#' keys are metadata, never listed as services. */
#define KT__DOCTERMS_KEY "#t:"

/* Most words of one snippet text that carry positions. */
#define KT__DOCTERMS_MAX_WORDS 4096

/* ---- building (index.c) ---- */
typedef struct kt__dtbuild kt__dtbuild;
int kt__dtbuild_new(kt__dtbuild **out);
void kt__dtbuild_free(kt__dtbuild *b);
/* Start a new document. */
void kt__dtbuild_reset(kt__dtbuild *b);
/* @p term occurs in field @p field_bit with weight @p wdf (the field's); @p word is its word's
 * index in the snippet text being added (kt__dtbuild_text), or -1. */
int kt__dtbuild_term(kt__dtbuild *b, const char *term, unsigned field_bit, int word, unsigned wdf);
/* The next words are of snippet text @p which (0 summary, 1 description):
 * their offsets, in order. Returns the index the next word gets, or -1 when
 * the text is full. */
int kt__dtbuild_word(kt__dtbuild *b, int which, size_t start, size_t end);
/* Encode the document's value (malloc'ed into *out, *len bytes). */
int kt__dtbuild_encode(kt__dtbuild *b, char **out, size_t *len);
/* After kt__dtbuild_encode: each distinct term once, in strcmp order, with
 * the sum of its occurrences' wdf (the document's terms for Xapian: one
 * insertion per term, not per occurrence). Stops at @p fn's first error. */
int kt__dtbuild_each(const kt__dtbuild *b, int (*fn)(const char *term, unsigned wdf, void *ud),
                     void *ud);

/* ---- reading (explain.c, snippet.c) ---- */
typedef struct kt__docterms {
  size_t nwords[2];
  const unsigned char *offsets; /* (start, end) pairs, u32 LE */
  size_t nterms;
  const unsigned char **term; /* per term: its record (u8 len, bytes, ...) */
  char *blob;                 /* owned */
} kt__docterms;
/* Decode @p blob (taken over: freed with the result, or on failure). */
int kt__docterms_decode(char *blob, size_t len, kt__docterms **out);
void kt__docterms_free(kt__docterms *d);
/* The text of the document's term @p i (< nterms, strcmp order): *@p len
 * bytes, not NUL-terminated. */
const char *kt__docterms_term(const kt__docterms *d, size_t i, size_t *len);
/* Fields (KT_FIELD_* bits) of @p term in the document; 0 if absent. */
unsigned kt__docterms_fields(const kt__docterms *d, const char *term);
/* The fields of each of @p n terms, into @p out[i] for @p terms[i] (0 if
 * absent), in one walk: @p order lists the indices of @p terms sorted by
 * strcmp(), as the document's terms are (a note's hundreds of terms against a
 * service's hundreds: one merge instead of a binary search per term). */
void kt__docterms_fields_all(const kt__docterms *d, const char *const *terms, const size_t *order,
                             size_t n, unsigned *out);
/* Mark in @p hit (one int per word of text @p which, preset to -1) the words
 * carrying terms[i] with i, the lowest i when several. */
void kt__docterms_hits(const kt__docterms *d, int which, const char *const *terms, size_t nterms,
                       int *hit);
/* Byte offsets of word @p i of text @p which. */
void kt__docterms_word(const kt__docterms *d, int which, size_t i, size_t *start, size_t *end);

#endif
