/*
 * suggest.c — autosuggest while typing (kt_suggest_json): service names
 * (fi/sv/en), provider names and thesaurus concept labels whose words begin
 * with the typed words, tolerating a letter or two off in longer words
 * ("palkatuki" finds "Palkkatuki"). Texts are compared case-folded and with
 * ä, ö and å read as a, o and a, so "tyokokeilu" finds "Työkokeilu". The
 * candidate texts of a generation are read once per thread (as browse.c
 * does) and then only scanned: a few hundred microseconds for the bundled
 * catalogue, fast enough for every keystroke. The typed text is never
 * logged or kept.
 */
#define _GNU_SOURCE /* memmem, explicit_bzero */
#include "engine.h"
#include "text.h"
#include "thesaurus.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SG_SERVICE, SG_CONCEPT, SG_PROVIDER, SG_NKINDS };
static const char *const kind_names[SG_NKINDS] = {"service", "concept", "provider"};
static const char *const langs[3] = {"fi", "sv", "en"};

/* Longest typed text looked at, in bytes, and the most words of it. */
#define SG_MAX_QUERY 200
#define SG_MAX_QWORDS 6
#define SG_MAX_WORD 48
#define SG_MAX_LIMIT 50

typedef struct sg_item {
  int kind;
  char *id;      /* service or concept id; NULL for a provider */
  char *text[3]; /* display text per language (fi, sv, en); fi always set */
  char *fold[3]; /* the same, folded for matching */
} sg_item;

typedef struct sg_table {
  char *key; /* "<index root>/<generation>" */
  sg_item *items;
  size_t n, size;
} sg_table;

/* The ASCII letter a hurried typist writes for a Latin-1 letter (the second
 * byte of its UTF-8 form after 0xC3, lower case), or 0 to keep it. */
static char plain_letter(unsigned char second) {
  switch (second) {
  case 0xA0:
  case 0xA1:
  case 0xA2:
  case 0xA4:
  case 0xA5: return 'a'; /* à á â ä å */
  case 0xB3:
  case 0xB4:
  case 0xB6:
  case 0xB8: return 'o'; /* ó ô ö ø */
  case 0xA8:
  case 0xA9: return 'e'; /* è é */
  case 0xBC: return 'u'; /* ü */
  default: return 0;
  }
}

/* Case-fold and read ä/ö/å as a/o/a: "tyokokeilu" finds "Työkokeilu". */
static char *fold_text(const char *s) {
  char *f = kt__casefold(s);
  if (!f) return NULL;
  char *w = f;
  for (const char *r = f; *r;) {
    char plain = (unsigned char)r[0] == 0xC3 && r[1] ? plain_letter((unsigned char)r[1]) : 0;
    if (plain) {
      *w++ = plain;
      r += 2;
    } else {
      *w++ = *r++;
    }
  }
  *w = '\0';
  return f;
}

static void table_free(sg_table *t) {
  if (!t) return;
  for (size_t i = 0; i < t->n; i++) {
    free(t->items[i].id);
    for (int l = 0; l < 3; l++) {
      free(t->items[i].text[l]);
      free(t->items[i].fold[l]);
    }
  }
  free(t->items);
  free(t->key);
  free(t);
}

static sg_item *table_add(sg_table *t, int kind) {
  if (t->n == t->size) {
    size_t size = t->size ? t->size * 2 : 512;
    sg_item *v = realloc(t->items, size * sizeof *v);
    if (!v) return NULL;
    t->items = v;
    t->size = size;
  }
  sg_item *it = &t->items[t->n++];
  memset(it, 0, sizeof *it);
  it->kind = kind;
  return it;
}

static int item_text(sg_item *it, int lang, const char *s) {
  if (!s || !*s) return KT_OK;
  if (!(it->text[lang] = kt__strdup(s)) || !(it->fold[lang] = fold_text(s)))
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  return KT_OK;
}

static int add_record(const char *key, size_t klen, const char *val, size_t vlen, void *ud) {
  sg_table *t = ud;
  json_t *rec = json_loadb(val, vlen, 0, NULL);
  if (!json_is_object(rec)) {
    json_decref(rec);
    return kt__err(KT_ECORRUPT, "record '%.*s' in the store is not a JSON object",
                   (int)(klen > 200 ? 200 : klen), key);
  }
  int rc = KT_OK;
  const char *id = json_string_value(json_object_get(rec, "id"));
  json_t *name = json_object_get(rec, "name");
  const char *fi = json_string_value(json_object_get(name, "fi"));
  if (id && fi) {
    sg_item *it = table_add(t, SG_SERVICE);
    if (!it || !(it->id = kt__strdup(id))) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    for (int l = 0; l < 3 && !rc; l++)
      rc = item_text(it, l, json_string_value(json_object_get(name, langs[l])));
  }
  const char *prov = json_string_value(json_object_get(json_object_get(rec, "provider"), "name"));
  if (!rc && prov && *prov) {
    bool seen = false;
    for (size_t i = 0; i < t->n && !seen; i++)
      seen = t->items[i].kind == SG_PROVIDER && !strcmp(t->items[i].text[0], prov);
    if (!seen) {
      sg_item *it = table_add(t, SG_PROVIDER);
      rc = it ? item_text(it, 0, prov) : KT_ENOMEM;
    }
  }
  json_decref(rec);
  return rc;
}

static int add_concepts(sg_table *t, const kt__thesaurus *thes) {
  if (!thes) return KT_OK;
  for (size_t i = 0; i < kt__thesaurus_count(thes); i++) {
    const kt__concept *c = kt__thesaurus_concept(thes, i);
    if (!c || !c->label) continue;
    sg_item *it = table_add(t, SG_CONCEPT);
    if (!it || !(it->id = kt__strdup(c->id)))
      return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    const char *labels[3] = {c->label, c->label_sv, c->label_en};
    for (int l = 0; l < 3; l++) {
      int rc = item_text(it, l, labels[l]);
      if (rc) return rc;
    }
  }
  return KT_OK;
}

/* The calling thread's table of the last generation it suggested from. */
static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static int cache_ok;
static void cache_destroy(void *p) { table_free(p); }
static void cache_create(void) { cache_ok = !pthread_key_create(&cache_key, cache_destroy); }

static int load(kt_engine *e, sg_table **out) {
  char key[4096];
  snprintf(key, sizeof key, "%s/%s", e->root ? e->root : "", e->gen.name ? e->gen.name : "");
  pthread_once(&cache_once, cache_create);
  sg_table *t = cache_ok ? pthread_getspecific(cache_key) : NULL;
  if (t && !strcmp(t->key, key)) {
    *out = t;
    return KT_OK;
  }
  if (t) {
    pthread_setspecific(cache_key, NULL);
    table_free(t);
  }
  if (!(t = calloc(1, sizeof *t)) || !(t->key = kt__strdup(key))) {
    free(t);
    return kt__err(KT_ENOMEM, "out of memory reading the suggestions");
  }
  int rc = kt__store_each(e->gen.store, add_record, t);
  if (!rc) rc = add_concepts(t, e->gen.thes);
  if (!rc && (!cache_ok || pthread_setspecific(cache_key, t)))
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  if (rc) {
    table_free(t);
    return rc == KT_ENOMEM ? kt__err(KT_ENOMEM, "out of memory reading the suggestions") : rc;
  }
  *out = t;
  return KT_OK;
}

/* ---- matching ------------------------------------------------------------ */

static bool word_byte(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

typedef struct span {
  const char *s;
  size_t n;
} span;

static size_t split_words(const char *s, span *out, size_t max) {
  size_t n = 0;
  while (*s && n < max) {
    while (*s && !word_byte((unsigned char)*s))
      s++;
    const char *b = s;
    while (*s && word_byte((unsigned char)*s))
      s++;
    if (s > b) out[n++] = (span){b, (size_t)(s - b)};
  }
  return n;
}

/* Edit distance between @p q and the closest prefix of @p w (bytes). */
static unsigned prefix_distance(const span q, const span w) {
  unsigned prev[SG_MAX_WORD + 1], cur[SG_MAX_WORD + 1];
  size_t qn = q.n > SG_MAX_WORD ? SG_MAX_WORD : q.n, wn = w.n > SG_MAX_WORD ? SG_MAX_WORD : w.n;
  /* Rows over w's bytes, columns over q's: prev[i] = distance of q[0..i) to w[0..j). */
  for (size_t i = 0; i <= qn; i++)
    prev[i] = (unsigned)i;
  unsigned best = prev[qn];
  for (size_t j = 1; j <= wn; j++) {
    cur[0] = (unsigned)j;
    for (size_t i = 1; i <= qn; i++) {
      unsigned sub = prev[i - 1] + (q.s[i - 1] != w.s[j - 1]);
      unsigned del = prev[i] + 1, ins = cur[i - 1] + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    if (cur[qn] < best) best = cur[qn];
    memcpy(prev, cur, (qn + 1) * sizeof *prev);
  }
  return best;
}

/* Cost of typed word @p q against the text's words: 0 a word begins with
 * it, 1 it is inside a word (a compound's part), 2-3 a prefix a letter or
 * two off (for typed words of 5+ bytes); -1 no match. @p at is set to the matching word's position.
 */
static int word_cost(span q, const span *w, size_t nw, size_t *at) {
  int best = -1;
  for (size_t k = 0; k < nw; k++) {
    int c = -1;
    if (w[k].n >= q.n && !memcmp(w[k].s, q.s, q.n))
      c = 0;
    else if (q.n >= 4 && w[k].n > q.n && memmem(w[k].s, w[k].n, q.s, q.n))
      c = 1;
    else if (q.n >= 5) {
      unsigned d = prefix_distance(q, w[k]);
      unsigned allowed = q.n >= 8 ? 2 : 1;
      if (d <= allowed) c = 1 + (int)d;
    }
    if (c >= 0 && (best < 0 || c < best)) {
      best = c;
      *at = k;
      if (!c) break;
    }
  }
  return best;
}

/* Cost of the typed words against one folded text, or -1. */
static int text_cost(const span *q, size_t nq, const char *fold) {
  span w[64];
  size_t nw = split_words(fold, w, 64);
  int total = 0;
  for (size_t i = 0; i < nq; i++) {
    size_t at = 0;
    int c = word_cost(q[i], w, nw, &at);
    if (c < 0) return -1;
    total += 4 * c + (i == 0 && at > 0); /* a match at the text's start reads best */
  }
  return total;
}

typedef struct hit {
  const sg_item *it;
  int cost;
  int lang; /* the language of the text shown */
} hit;

static int cmp_hit(const void *a, const void *b) {
  const hit *x = a, *y = b;
  if (x->cost != y->cost) return x->cost < y->cost ? -1 : 1;
  if (x->it->kind != y->it->kind) return x->it->kind < y->it->kind ? -1 : 1;
  size_t lx = strlen(x->it->text[x->lang]), ly = strlen(y->it->text[y->lang]);
  if (lx != ly) return lx < ly ? -1 : 1;
  return strcmp(x->it->fold[x->lang], y->it->fold[y->lang]);
}

int kt_suggest_json(kt_engine *engine, const char *text, size_t len, const char *lang, size_t limit,
                    char **json_out) {
  kt__err_clear();
  if (!engine || !json_out || (!text && len))
    return kt__err(KT_EINVAL, "kt_suggest_json: NULL argument");
  *json_out = NULL;
  int want = 0;
  if (lang && *lang) {
    for (want = 0; want < 3 && strcmp(lang, langs[want]); want++)
      ;
    if (want == 3)
      return kt__err(KT_EINVAL, "kt_suggest_json: language '%.16s' is not fi, sv or en", lang);
  }
  if (limit == 0) limit = 8;
  if (limit > SG_MAX_LIMIT) limit = SG_MAX_LIMIT;
  if (len > SG_MAX_QUERY)
    return kt__err(KT_ETOOBIG, "the text to suggest for is %zu bytes; the limit is %d", len,
                   SG_MAX_QUERY);
  if (!kt__utf8_valid(text ? text : "", len, NULL) || (len && memchr(text, '\0', len)))
    return kt__err(KT_EINVAL, "the text to suggest for is not UTF-8 text");
  sg_table *t = NULL;
  int rc = load(engine, &t);
  if (rc) return rc;

  char buf[SG_MAX_QUERY + 1];
  memcpy(buf, text ? text : "", len);
  buf[len] = '\0';
  char *qf = fold_text(buf);
  explicit_bzero(buf, sizeof buf);
  if (!qf) return kt__err(KT_ENOMEM, "out of memory");
  span q[SG_MAX_QWORDS];
  size_t nq = split_words(qf, q, SG_MAX_QWORDS);
  /* One letter suggests too much to be of use. */
  size_t typed = 0;
  for (size_t i = 0; i < nq; i++)
    typed += q[i].n;

  hit *hits = typed >= 2 ? calloc(t->n + 1, sizeof *hits) : NULL;
  size_t nh = 0;
  if (typed >= 2 && !hits) {
    free(qf);
    return kt__err(KT_ENOMEM, "out of memory");
  }
  for (size_t i = 0; typed >= 2 && i < t->n; i++) {
    const sg_item *it = &t->items[i];
    int best = -1, blang = 0;
    for (int l = 0; l < 3; l++) {
      if (!it->fold[l]) continue;
      int c = text_cost(q, nq, it->fold[l]);
      /* The asked language's text wins a tie. */
      if (c >= 0 && (best < 0 || c < best || (c == best && l == want))) best = c, blang = l;
    }
    if (best < 0) continue;
    (void)blang;
    /* Shown in the asked language when the item has it, else in Finnish. */
    hits[nh++] = (hit){it, best, it->text[want] ? want : 0};
  }
  explicit_bzero(qf, strlen(qf));
  free(qf);
  if (nh) qsort(hits, nh, sizeof *hits, cmp_hit); /* hits is NULL under 2 letters */

  json_t *doc = json_object(), *arr = json_array();
  int bad = !doc || !arr;
  for (size_t i = 0; !bad && i < nh && i < limit; i++) {
    const sg_item *it = hits[i].it;
    json_t *o = json_pack("{s:s, s:s, s:s}", "kind", kind_names[it->kind], "text",
                          it->text[hits[i].lang], "lang", langs[hits[i].lang]);
    if (o && it->id) bad |= json_object_set_new(o, "id", json_string(it->id));
    bad |= !o || json_array_append_new(arr, o);
  }
  free(hits);
  if (!bad) {
    bad = json_object_set_new(doc, "suggestions", arr);
    arr = NULL;
  }
  char *s = bad ? NULL : json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT);
  json_decref(arr);
  json_decref(doc);
  if (!s) return kt__err(KT_ENOMEM, "cannot serialise the suggestions");
  *json_out = s;
  return KT_OK;
}
