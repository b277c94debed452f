/*
 * docterms.c — a service's terms prepared at index time for its explanation
 * (the fields each term occurs in, the snippet words each marks); the format
 * is in docterms.h.
 */
#include "docterms.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NO_WORD 0xFFFFu

typedef struct entry {
  char *term; /* owned */
  unsigned fields;
  unsigned word; /* NO_WORD or a word index */
} entry;

struct kt__dtbuild {
  entry *e;
  size_t n, cap;
  uint32_t *off[2]; /* per text: start, end pairs */
  size_t nwords[2];
};

int kt__dtbuild_new(kt__dtbuild **out) {
  *out = calloc(1, sizeof **out);
  if (!*out) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  (*out)->off[0] = malloc(2 * KT__DOCTERMS_MAX_WORDS * sizeof(uint32_t));
  (*out)->off[1] = malloc(2 * KT__DOCTERMS_MAX_WORDS * sizeof(uint32_t));
  if (!(*out)->off[0] || !(*out)->off[1]) {
    kt__dtbuild_free(*out);
    *out = NULL;
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  return KT_OK;
}

void kt__dtbuild_reset(kt__dtbuild *b) {
  for (size_t i = 0; i < b->n; i++)
    free(b->e[i].term);
  b->n = 0;
  b->nwords[0] = b->nwords[1] = 0;
}

void kt__dtbuild_free(kt__dtbuild *b) {
  if (!b) return;
  kt__dtbuild_reset(b);
  free(b->e);
  free(b->off[0]);
  free(b->off[1]);
  free(b);
}

int kt__dtbuild_term(kt__dtbuild *b, const char *term, unsigned field_bit, int word) {
  size_t len = strlen(term);
  if (len == 0 || len > 255) return KT_OK; /* no analysis term is this long */
  if (b->n == b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 1024;
    entry *e = realloc(b->e, cap * sizeof *e);
    if (!e) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    b->e = e;
    b->cap = cap;
  }
  entry *en = &b->e[b->n];
  /* Assigned field by field: cppcheck does not follow the ownership of a
   * pointer stored through a compound literal (a false "memleak"). */
  en->term = malloc(len + 1);
  if (!en->term) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  memcpy(en->term, term, len + 1);
  en->fields = field_bit;
  en->word = word < 0 ? NO_WORD : (unsigned)word;
  b->n++;
  return KT_OK;
}

int kt__dtbuild_word(kt__dtbuild *b, int which, size_t start, size_t end) {
  if (b->nwords[which] == KT__DOCTERMS_MAX_WORDS || end > UINT32_MAX) return -1;
  size_t i = b->nwords[which]++;
  b->off[which][2 * i] = (uint32_t)start;
  b->off[which][2 * i + 1] = (uint32_t)end;
  /* Description words follow the summary's in one numbering. */
  return (int)(which ? KT__DOCTERMS_MAX_WORDS + i : i);
}

static int cmp_entry(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->term, y->term);
  return c ? c : (x->word > y->word) - (x->word < y->word);
}

static void put16(unsigned char *p, unsigned v) {
  p[0] = (unsigned char)v;
  p[1] = (unsigned char)(v >> 8);
}
static void put32(unsigned char *p, uint32_t v) {
  for (int i = 0; i < 4; i++)
    p[i] = (unsigned char)(v >> (8 * i));
}
static unsigned get16(const unsigned char *p) { return (unsigned)p[0] | (unsigned)p[1] << 8; }
static uint32_t get32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Position numbering in the value: summary 0..n0-1, description n0... */
static unsigned stored_word(const kt__dtbuild *b, unsigned w) {
  return w >= KT__DOCTERMS_MAX_WORDS ? (unsigned)b->nwords[0] + (w - KT__DOCTERMS_MAX_WORDS) : w;
}

int kt__dtbuild_encode(kt__dtbuild *b, char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  qsort(b->e, b->n, sizeof *b->e, cmp_entry);
  /* Worst case: every entry its own term. */
  size_t cap = 4 + 8 * (b->nwords[0] + b->nwords[1]) + 4 + b->n * (1 + 255 + 1 + 2 + 2);
  unsigned char *p = malloc(cap), *q = p;
  if (!p) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  put16(q, (unsigned)b->nwords[0]);
  put16(q + 2, (unsigned)b->nwords[1]);
  q += 4;
  for (int t = 0; t < 2; t++)
    for (size_t i = 0; i < 2 * b->nwords[t]; i++, q += 4)
      put32(q, b->off[t][i]);
  unsigned char *nterms_at = q;
  q += 4;
  uint32_t nterms = 0;
  for (size_t i = 0; i < b->n;) {
    size_t j = i;
    unsigned fields = 0, npos = 0;
    for (; j < b->n && !strcmp(b->e[j].term, b->e[i].term); j++) {
      fields |= b->e[j].fields;
      if (b->e[j].word != NO_WORD && (npos == 0 || b->e[j].word != b->e[j - 1].word)) npos++;
    }
    size_t tl = strlen(b->e[i].term);
    *q++ = (unsigned char)tl;
    memcpy(q, b->e[i].term, tl);
    q += tl;
    *q++ = (unsigned char)fields;
    put16(q, npos);
    q += 2;
    unsigned last = NO_WORD;
    for (size_t k = i; k < j; k++)
      if (b->e[k].word != NO_WORD && b->e[k].word != last) {
        put16(q, stored_word(b, b->e[k].word));
        q += 2;
        last = b->e[k].word;
      }
    nterms++;
    i = j;
  }
  put32(nterms_at, nterms);
  *out = (char *)p;
  *len = (size_t)(q - p);
  return KT_OK;
}

int kt__docterms_decode(char *blob, size_t len, kt__docterms **out) {
  *out = NULL;
  const unsigned char *p = (const unsigned char *)blob, *end = p + len;
  kt__docterms *d = calloc(1, sizeof *d);
  if (!d) {
    free(blob);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  d->blob = blob;
  int rc = KT_OK;
  if (len < 8) goto bad;
  d->nwords[0] = get16(p);
  d->nwords[1] = get16(p + 2);
  p += 4;
  if ((size_t)(end - p) < 8 * (d->nwords[0] + d->nwords[1]) + 4) goto bad;
  d->offsets = p;
  p += 8 * (d->nwords[0] + d->nwords[1]);
  d->nterms = get32(p);
  p += 4;
  if (d->nterms > len) goto bad;
  d->term = malloc((d->nterms ? d->nterms : 1) * sizeof *d->term);
  if (!d->term) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto fail;
  }
  for (size_t i = 0; i < d->nterms; i++) {
    if (end - p < 1 || end - p < 1 + p[0] + 3) goto bad;
    d->term[i] = p;
    size_t npos = get16(p + 1 + p[0] + 1);
    p += 1 + p[0] + 3;
    if ((size_t)(end - p) < 2 * npos) goto bad;
    p += 2 * npos;
  }
  *out = d;
  return KT_OK;
bad:
  rc = kt__err(KT_ECORRUPT, "a document's prepared terms (value slot) are damaged");
fail:
  kt__docterms_free(d);
  return rc;
}

void kt__docterms_free(kt__docterms *d) {
  if (!d) return;
  free(d->term);
  free(d->blob);
  free(d);
}

/* Compare @p term with the term record @p r (u8 len, bytes). */
static int cmp_term(const char *term, size_t tl, const unsigned char *r) {
  size_t rl = r[0], n = tl < rl ? tl : rl;
  int c = memcmp(term, r + 1, n);
  return c ? c : (tl > rl) - (tl < rl);
}

static const unsigned char *find(const kt__docterms *d, const char *term) {
  size_t tl = strlen(term), lo = 0, hi = d->nterms;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_term(term, tl, d->term[mid]);
    if (c == 0) return d->term[mid];
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

unsigned kt__docterms_fields(const kt__docterms *d, const char *term) {
  const unsigned char *r = d ? find(d, term) : NULL;
  return r ? r[1 + r[0]] : 0;
}

void kt__docterms_fields_all(const kt__docterms *d, const char *const *terms, const size_t *order,
                             size_t n, unsigned *out) {
  for (size_t i = 0; i < n; i++)
    out[i] = 0;
  if (!d) return;
  size_t k = 0;
  for (size_t i = 0; i < n && k < d->nterms; i++) {
    const char *t = terms[order[i]];
    size_t tl = strlen(t);
    int c = 1;
    while (k < d->nterms && (c = cmp_term(t, tl, d->term[k])) > 0)
      k++;
    /* Equal terms of the query share a record: k stays on it. */
    if (k < d->nterms && c == 0) out[order[i]] = d->term[k][1 + d->term[k][0]];
  }
}

void kt__docterms_hits(const kt__docterms *d, int which, const char *const *terms, size_t nterms,
                       int *hit) {
  size_t lo = which ? d->nwords[0] : 0, n = d->nwords[which];
  for (size_t i = 0; i < nterms; i++) {
    const unsigned char *r = find(d, terms[i]);
    if (!r) continue;
    const unsigned char *pp = r + 1 + r[0] + 1;
    size_t npos = get16(pp);
    for (size_t k = 0; k < npos; k++) {
      size_t w = get16(pp + 2 + 2 * k);
      if (w >= lo && w < lo + n && hit[w - lo] < 0) hit[w - lo] = (int)i;
    }
  }
}

void kt__docterms_word(const kt__docterms *d, int which, size_t i, size_t *start, size_t *end) {
  const unsigned char *o = d->offsets + 8 * ((which ? d->nwords[0] : 0) + i);
  *start = get32(o);
  *end = get32(o + 4);
}
