/*
 * docterms.c — a service's terms prepared at index time for its explanation
 * (the fields each term occurs in, the snippet words each marks); the format
 * is in docterms.h.
 */
#define _GNU_SOURCE /* qsort_r */
#include "docterms.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A distinct term of the document being built: its text in the arena, the
 * fields it occurs in, its summed wdf and the words it marks (a chain of
 * position nodes, in ascending order). */
typedef struct dterm {
  uint32_t text; /* offset in the arena */
  uint32_t wdf;
  uint32_t first, last; /* position nodes, NO_NODE when none */
  uint16_t npos;
  unsigned char len, fields;
} dterm;

typedef struct pos_node {
  uint32_t next;
  uint16_t word; /* as numbered by kt__dtbuild_word (< 2 * KT__DOCTERMS_MAX_WORDS) */
} pos_node;

#define NO_NODE UINT32_MAX

/* Occurrences are merged into their distinct term as they come, through a
 * hash table of the document's terms: a document has some 1 500
 * occurrences of some 300 terms, and sorting the occurrences (with a
 * malloc each) was a sixth of the analysis thread's time. */
struct kt__dtbuild {
  dterm *t;
  size_t n, cap;
  uint32_t *slot; /* 1 + index into t, 0 empty; nslots a power of two */
  size_t nslots;
  pos_node *pos;
  size_t npos, poscap;
  kt__buf arena;    /* the terms' texts, NUL-terminated */
  uint32_t *order;  /* after encode: the terms in strcmp order */
  uint32_t *off[2]; /* per text: start, end pairs */
  size_t nwords[2];
};

int kt__dtbuild_new(kt__dtbuild **out) {
  *out = calloc(1, sizeof **out);
  if (!*out) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  (*out)->off[0] = malloc(2 * KT__DOCTERMS_MAX_WORDS * sizeof(uint32_t));
  (*out)->off[1] = malloc(2 * KT__DOCTERMS_MAX_WORDS * sizeof(uint32_t));
  kt__buf_init(&(*out)->arena, UINT32_MAX); /* term offsets are 32-bit */
  (*out)->nslots = 1024;
  (*out)->slot = calloc((*out)->nslots, sizeof(uint32_t));
  if (!(*out)->off[0] || !(*out)->off[1] || !(*out)->slot) {
    kt__dtbuild_free(*out);
    *out = NULL;
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  return KT_OK;
}

void kt__dtbuild_reset(kt__dtbuild *b) {
  memset(b->slot, 0, b->nslots * sizeof *b->slot);
  b->n = 0;
  b->npos = 0;
  b->arena.len = 0;
  b->nwords[0] = b->nwords[1] = 0;
}

void kt__dtbuild_free(kt__dtbuild *b) {
  if (!b) return;
  free(b->t);
  free(b->slot);
  free(b->pos);
  kt__buf_free(&b->arena);
  free(b->order);
  free(b->off[0]);
  free(b->off[1]);
  free(b);
}

static const char *text_of(const kt__dtbuild *b, const dterm *t) { return b->arena.data + t->text; }

/* Double the hash table (kept under half full). */
static int grow_slots(kt__dtbuild *b) {
  size_t n = b->nslots * 2;
  uint32_t *s = calloc(n, sizeof *s);
  if (!s) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t i = 0; i < b->n; i++) {
    size_t k = (size_t)kt__fnv1a(text_of(b, &b->t[i]), b->t[i].len) & (n - 1);
    while (s[k])
      k = (k + 1) & (n - 1);
    s[k] = (uint32_t)i + 1;
  }
  free(b->slot);
  b->slot = s;
  b->nslots = n;
  return KT_OK;
}

static int add_pos(kt__dtbuild *b, dterm *t, unsigned word) {
  /* Words come in ascending order; a repeat of the last is one position. */
  if (t->last != NO_NODE && b->pos[t->last].word >= word) {
    if (b->pos[t->last].word == word) return KT_OK;
    for (uint32_t k = t->first; k != NO_NODE; k = b->pos[k].next)
      if (b->pos[k].word == word) return KT_OK;
  }
  if (b->npos == b->poscap) {
    size_t cap = b->poscap ? b->poscap * 2 : 2048;
    pos_node *p = cap < NO_NODE ? realloc(b->pos, cap * sizeof *p) : NULL;
    if (!p) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    b->pos = p;
    b->poscap = cap;
  }
  uint32_t k = (uint32_t)b->npos++;
  b->pos[k].word = (uint16_t)word;
  b->pos[k].next = NO_NODE;
  if (t->last == NO_NODE) {
    t->first = t->last = k;
  } else if (b->pos[t->last].word < word) {
    b->pos[t->last].next = k;
    t->last = k;
  } else { /* out of order (never from the indexer): insert in place */
    uint32_t *link = &t->first;
    while (*link != NO_NODE && b->pos[*link].word < word)
      link = &b->pos[*link].next;
    b->pos[k].next = *link;
    *link = k;
  }
  t->npos++;
  return KT_OK;
}

int kt__dtbuild_term(kt__dtbuild *b, const char *term, unsigned field_bit, int word, unsigned wdf) {
  size_t len = strlen(term);
  if (len == 0 || len > 255) return KT_OK; /* no analysis term is this long */
  if (2 * (b->n + 1) > b->nslots) {
    int rc = grow_slots(b);
    if (rc) return rc;
  }
  size_t k = (size_t)kt__fnv1a(term, len) & (b->nslots - 1);
  dterm *t = NULL;
  for (; b->slot[k]; k = (k + 1) & (b->nslots - 1)) {
    dterm *c = &b->t[b->slot[k] - 1];
    if (c->len == len && !memcmp(text_of(b, c), term, len)) {
      t = c;
      break;
    }
  }
  if (!t) {
    if (b->n == b->cap) {
      size_t cap = b->cap ? b->cap * 2 : 512;
      dterm *nt = realloc(b->t, cap * sizeof *nt);
      if (!nt) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      b->t = nt;
      b->cap = cap;
    }
    size_t at = b->arena.len;
    int rc = kt__buf_add(&b->arena, term, len + 1); /* with its NUL */
    if (rc)
      return rc == KT_ENOMEM ? rc : kt__err(rc, "%s: a document's terms exceed 4 GiB", __func__);
    t = &b->t[b->n];
    *t =
        (dterm){.text = (uint32_t)at, .first = NO_NODE, .last = NO_NODE, .len = (unsigned char)len};
    b->slot[k] = (uint32_t)++b->n;
  }
  t->fields |= (unsigned char)field_bit;
  t->wdf += wdf;
  return word < 0 ? KT_OK : add_pos(b, t, (unsigned)word);
}

int kt__dtbuild_word(kt__dtbuild *b, int which, size_t start, size_t end) {
  if (b->nwords[which] == KT__DOCTERMS_MAX_WORDS || end > UINT32_MAX) return -1;
  size_t i = b->nwords[which]++;
  b->off[which][2 * i] = (uint32_t)start;
  b->off[which][2 * i + 1] = (uint32_t)end;
  /* Description words follow the summary's in one numbering. */
  return (int)(which ? KT__DOCTERMS_MAX_WORDS + i : i);
}

static int cmp_dterm(const void *x, const void *y, void *b) {
  const kt__dtbuild *d = b;
  return strcmp(text_of(d, &d->t[*(const uint32_t *)x]), text_of(d, &d->t[*(const uint32_t *)y]));
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
  uint32_t *order = realloc(b->order, (b->n ? b->n : 1) * sizeof *order);
  if (!order) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  b->order = order;
  for (size_t i = 0; i < b->n; i++)
    order[i] = (uint32_t)i;
  qsort_r(order, b->n, sizeof *order, cmp_dterm, b);
  size_t cap = 4 + 8 * (b->nwords[0] + b->nwords[1]) + 4 + b->n * (1 + 255 + 1 + 2) + 2 * b->npos;
  unsigned char *p = malloc(cap), *q = p;
  if (!p) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  put16(q, (unsigned)b->nwords[0]);
  put16(q + 2, (unsigned)b->nwords[1]);
  q += 4;
  for (int t = 0; t < 2; t++)
    for (size_t i = 0; i < 2 * b->nwords[t]; i++, q += 4)
      put32(q, b->off[t][i]);
  put32(q, (uint32_t)b->n);
  q += 4;
  for (size_t i = 0; i < b->n; i++) {
    const dterm *t = &b->t[order[i]];
    *q++ = t->len;
    memcpy(q, text_of(b, t), t->len);
    q += t->len;
    *q++ = t->fields;
    put16(q, t->npos);
    q += 2;
    for (uint32_t k = t->first; k != NO_NODE; k = b->pos[k].next, q += 2)
      put16(q, stored_word(b, b->pos[k].word));
  }
  *out = (char *)p;
  *len = (size_t)(q - p);
  return KT_OK;
}

int kt__dtbuild_each(const kt__dtbuild *b, int (*fn)(const char *term, unsigned wdf, void *ud),
                     void *ud) {
  int rc = KT_OK;
  for (size_t i = 0; i < b->n && !rc; i++) {
    const dterm *t = &b->t[b->order[i]];
    rc = fn(text_of(b, t), t->wdf, ud);
  }
  return rc;
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

const char *kt__docterms_term(const kt__docterms *d, size_t i, size_t *len) {
  *len = d->term[i][0];
  return (const char *)d->term[i] + 1;
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
