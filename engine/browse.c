/*
 * browse.c — the catalogue as a list: every service of the open index that
 * passes the filters, with facet counts per category, target group,
 * language and municipality, as one JSON document (kt_services_json). It
 * reads the full records from the record store, so it needs no query and
 * does not touch Xapian; the HTTP server's browse view and its filter
 * counts are built on it. A generation never changes once built, so the
 * parsed records are kept with the engine's generation (kt__gen.browse) and
 * later calls only count and serialise; they go with the generation.
 */
#include "browse.h"
#include "engine.h"
#include "text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { F_CATEGORY, F_GROUP, F_LANGUAGE, F_MUNI, NFACETS };
static const char *const facet_names[NFACETS] = {"category", "target_group", "language",
                                                 "municipality"};
/* Record field holding each facet's values. */
static const char *const facet_fields[NFACETS] = {"category", "target_groups", "languages",
                                                  "municipalities"};
#define NATIONAL "koko suomi" /* case-folded; matches every municipality filter */

/* The distinct values of one facet, as first spelled in the catalogue. */
typedef struct facet_value {
  char *folded;
  const char *spelling; /* borrowed from a record */
  size_t count;
} facet_value;
typedef struct facet {
  facet_value *v;
  size_t n, size;
} facet;

typedef struct svc {
  json_t *rec;
  char *sortkey;         /* folded Finnish name */
  size_t *vals[NFACETS]; /* indices into the facet's values */
  size_t nvals[NFACETS];
  bool national;
} svc;

typedef struct kt__browse {
  svc *s;
  size_t n, size;
  facet facets[NFACETS];
} browse;

static int facet_index(facet *f, const char *spelling, size_t *out) {
  /* Most values repeat with the same spelling ("fi", "Helsinki"): find
   * those without case folding, which costs an ICU call. */
  for (size_t i = 0; i < f->n; i++)
    if (!strcmp(f->v[i].spelling, spelling)) {
      *out = i;
      return KT_OK;
    }
  char *folded = kt__casefold(spelling);
  if (!folded) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t i = 0; i < f->n; i++)
    if (!strcmp(f->v[i].folded, folded)) {
      free(folded);
      *out = i;
      return KT_OK;
    }
  if (f->n == f->size) {
    size_t size = f->size ? f->size * 2 : 16;
    facet_value *v = realloc(f->v, size * sizeof *v);
    if (!v) {
      free(folded);
      return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
    f->v = v;
    f->size = size;
  }
  f->v[f->n] = (facet_value){folded, spelling, 0};
  *out = f->n++;
  return KT_OK;
}

/* One record from the store: parse it and note its facet values. */
static int add_record(const char *key, size_t klen, const char *val, size_t vlen, void *ud) {
  browse *b = ud;
  json_error_t jerr;
  json_t *rec = json_loadb(val, vlen, 0, &jerr);
  if (!json_is_object(rec)) {
    json_decref(rec);
    return kt__err(KT_ECORRUPT, "record '%.*s' in the store is not a JSON object",
                   (int)(klen > 200 ? 200 : klen), key);
  }
  /* An ended service is no longer on offer: not listed (its record stays
   * readable by id). */
  const char *status = json_string_value(json_object_get(rec, "status"));
  if (status && !strcmp(status, "ended")) {
    json_decref(rec);
    return KT_OK;
  }
  if (b->n == b->size) {
    size_t size = b->size ? b->size * 2 : 256;
    svc *s = realloc(b->s, size * sizeof *s);
    if (!s) {
      json_decref(rec);
      return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
    b->s = s;
    b->size = size;
  }
  svc *s = &b->s[b->n++];
  memset(s, 0, sizeof *s);
  s->rec = rec;
  const char *name = json_string_value(json_object_get(json_object_get(rec, "name"), "fi"));
  s->sortkey = kt__casefold(name ? name : "");
  if (!s->sortkey) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (int f = 0; f < NFACETS; f++) {
    json_t *field = json_object_get(rec, facet_fields[f]);
    json_t *one[1] = {field};
    json_t **items = one;
    size_t count = json_is_string(field) ? 1 : 0;
    if (json_is_array(field)) {
      count = json_array_size(field);
      items = NULL;
    }
    s->vals[f] = calloc(count + 1, sizeof *s->vals[f]);
    if (!s->vals[f]) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    for (size_t i = 0; i < count; i++) {
      const char *v = json_string_value(items ? items[i] : json_array_get(field, i));
      if (!v) continue;
      int rc = facet_index(&b->facets[f], v, &s->vals[f][s->nvals[f]]);
      if (rc) return rc;
      if (f == F_MUNI && !strcmp(b->facets[f].v[s->vals[f][s->nvals[f]]].folded, NATIONAL))
        s->national = true;
      s->nvals[f]++;
    }
  }
  return KT_OK;
}

/* A filter as facet value indices; a value not in the index matches nothing. */
typedef struct filter {
  bool on;
  bool *want; /* per facet value */
} filter;

static int make_filter(const facet *f, const kt_strlist *l, const char *what, filter *out) {
  out->on = false;
  out->want = calloc(f->n + 1, sizeof *out->want);
  if (!out->want) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  if (!l->count) return KT_OK;
  if (!l->items) return kt__err(KT_EINVAL, "filter %s: items is NULL", what);
  if (l->count > KT_MAX_FILTER_VALUES)
    return kt__err(KT_ETOOBIG, "filter %s has %zu values; the limit is %d", what, l->count,
                   KT_MAX_FILTER_VALUES);
  out->on = true;
  for (size_t i = 0; i < l->count; i++) {
    const char *v = l->items[i];
    if (!v || strlen(v) > 200 || !kt__utf8_valid(v, strlen(v), NULL))
      return kt__err(KT_EINVAL, "filter %s: value %zu is not valid UTF-8 text of at most 200 bytes",
                     what, i);
    char *folded = kt__casefold(v);
    if (!folded) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    for (size_t k = 0; k < f->n; k++)
      if (!strcmp(f->v[k].folded, folded)) out->want[k] = true;
    free(folded);
  }
  return KT_OK;
}

static bool passes(const svc *s, int f, const filter *flt) {
  if (!flt->on) return true;
  if (f == F_MUNI && s->national) return true;
  for (size_t i = 0; i < s->nvals[f]; i++)
    if (flt->want[s->vals[f][i]]) return true;
  return false;
}

static int cmp_svc(const void *a, const void *b) {
  const svc *x = *(const svc *const *)a, *y = *(const svc *const *)b;
  int c = strcmp(x->sortkey, y->sortkey);
  return c ? c
           : strcmp(json_string_value(json_object_get(x->rec, "id")),
                    json_string_value(json_object_get(y->rec, "id")));
}

static int cmp_value(const void *a, const void *b) {
  const facet_value *x = a, *y = b;
  if (x->count != y->count) return x->count < y->count ? 1 : -1;
  return strcmp(x->folded, y->folded);
}

/* The listing's view of a record: what a result list needs, not the texts. */
static json_t *summary_json(json_t *rec) {
  static const char *const keep[] = {
      "id",       "name",     "summary", "category", "target_groups", "languages", "municipalities",
      "provider", "delivery", "status",  "contact",  "apply"};
  json_t *o = json_object();
  if (!o) return NULL;
  for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
    json_t *v = json_object_get(rec, keep[i]);
    if (v && json_object_set(o, keep[i], v)) {
      json_decref(o);
      return NULL;
    }
  }
  return o;
}

static json_t *build_json(const browse *b, const filter *flt) {
  json_t *doc = json_object(), *list = json_array(), *facets = json_object();
  svc **listed = calloc(b->n + 1, sizeof *listed);
  /* This call's counts, in copies of the facet values (the cached ones keep
   * their order: the services refer to them by index). */
  facet_value *counts[NFACETS] = {NULL};
  size_t nlisted = 0;
  if (!doc || !list || !facets || !listed) goto fail;
  for (int f = 0; f < NFACETS; f++) {
    if (!(counts[f] = calloc(b->facets[f].n + 1, sizeof *counts[f]))) goto fail;
    for (size_t k = 0; k < b->facets[f].n; k++)
      counts[f][k] = b->facets[f].v[k], counts[f][k].count = 0;
  }
  for (size_t i = 0; i < b->n; i++) {
    svc *s = &b->s[i];
    bool ok[NFACETS];
    size_t failed = 0;
    for (int f = 0; f < NFACETS; f++)
      failed += !(ok[f] = passes(s, f, &flt[f]));
    if (!failed) listed[nlisted++] = s;
    /* Facet f counts the services passing every other facet's filter. */
    for (int f = 0; f < NFACETS; f++) {
      if (failed > 1 || (failed == 1 && ok[f])) continue;
      if (f == F_MUNI && s->national) {
        for (size_t k = 0; k < b->facets[f].n; k++)
          counts[f][k].count++;
        continue;
      }
      for (size_t k = 0; k < s->nvals[f]; k++)
        counts[f][s->vals[f][k]].count++;
    }
  }
  qsort(listed, nlisted, sizeof *listed, cmp_svc);
  for (size_t i = 0; i < nlisted; i++)
    if (json_array_append_new(list, summary_json(listed[i]->rec))) goto fail;
  for (int f = 0; f < NFACETS; f++) {
    size_t n = b->facets[f].n;
    qsort(counts[f], n, sizeof *counts[f], cmp_value);
    json_t *arr = json_array();
    if (!arr || json_object_set_new(facets, facet_names[f], arr)) goto fail;
    for (size_t k = 0; k < n; k++)
      if (json_array_append_new(arr, json_pack("{s:s, s:I}", "value", counts[f][k].spelling,
                                               "count", (json_int_t)counts[f][k].count)))
        goto fail;
  }
  /* Every set_new runs, so doc owns (or has freed) list and facets after. */
  int bad = json_object_set_new(doc, "total", json_integer((json_int_t)b->n));
  bad |= json_object_set_new(doc, "count", json_integer((json_int_t)nlisted));
  bad |= json_object_set_new(doc, "services", list);
  bad |= json_object_set_new(doc, "facets", facets);
  list = facets = NULL;
  if (bad) goto fail;
  free(listed);
  for (int f = 0; f < NFACETS; f++)
    free(counts[f]);
  return doc;
fail:
  free(listed);
  for (int f = 0; f < NFACETS; f++)
    free(counts[f]);
  json_decref(list);
  json_decref(facets);
  json_decref(doc);
  return NULL;
}

static void browse_free(browse *b) {
  if (!b) return;
  for (int f = 0; f < NFACETS; f++) {
    for (size_t k = 0; k < b->facets[f].n; k++)
      free(b->facets[f].v[k].folded);
    free(b->facets[f].v);
  }
  for (size_t i = 0; i < b->n; i++) {
    json_decref(b->s[i].rec);
    free(b->s[i].sortkey);
    for (int f = 0; f < NFACETS; f++)
      free(b->s[i].vals[f]);
  }
  free(b->s);
  free(b);
}

void kt__browse_free(kt__browse *b) { browse_free(b); }

/* The parsed records of the engine's generation: kept with the generation
 * after the first call. */
static int load(kt_engine *e, browse **out) {
  if (e->gen.browse) {
    *out = e->gen.browse;
    return KT_OK;
  }
  browse *b = calloc(1, sizeof *b);
  if (!b) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  int rc = kt__store_each(e->gen.store, add_record, b);
  if (rc) {
    browse_free(b);
    return rc;
  }
  e->gen.browse = b;
  *out = b;
  return KT_OK;
}

int kt_services_json(kt_engine *e, const kt_browse_filter *opts, char **json_out) {
  kt__err_clear();
  if (!e || !json_out) return kt__err(KT_EINVAL, "kt_services_json: NULL argument");
  *json_out = NULL;
  kt_browse_filter all = KT_BROWSE_FILTER_INIT;
  if (!opts) opts = &all;
  if (opts->version < 1 || opts->version > KT_BROWSE_FILTER_VERSION)
    return kt__err(KT_EINVAL, "kt_browse_filter.version is %u; expected 1 to %d", opts->version,
                   KT_BROWSE_FILTER_VERSION);
  filter flt[NFACETS];
  memset(flt, 0, sizeof flt);
  const kt_strlist *lists[NFACETS] = {&opts->categories, &opts->target_groups, &opts->languages,
                                      &opts->municipalities};
  static const char *const what[NFACETS] = {"categories", "target_groups", "languages",
                                            "municipalities"};
  browse *b = NULL;
  int rc = load(e, &b);
  for (int f = 0; f < NFACETS && !rc; f++)
    rc = make_filter(&b->facets[f], lists[f], what[f], &flt[f]);
  if (!rc) {
    json_t *doc = build_json(b, flt);
    char *s = doc ? json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
    json_decref(doc);
    if (s)
      *json_out = s;
    else
      rc = kt__err(KT_ENOMEM, "cannot serialise the service list");
  }
  for (int f = 0; f < NFACETS; f++)
    free(flt[f].want);
  return rc;
}
