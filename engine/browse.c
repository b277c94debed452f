/*
 * browse.c — the catalogue as a list: every service of the open index that
 * passes the filters, with facet counts per category, target group,
 * language, municipality, delivery, provider type, fee, Finnish level and
 * age, as one JSON document (kt_services_json). The same filters and counts
 * serve a search made with KT_SEARCH_COUNTS or a filter of the closed
 * vocabularies (kt__browse_hits), over the services it matched. It
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
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Facets of values listed in the records. */
enum { F_CATEGORY, F_GROUP, F_LANGUAGE, F_MUNI, F_DELIVERY, F_PTYPE, F_FEE, NFACETS };
/* Filters of a scale, beside them: the client's Finnish level and age. */
enum { F_LEVEL = NFACETS, F_AGE, NFILTERS };
static const char *const facet_names[NFILTERS] = {"category",     "target_group",  "language",
                                                  "municipality", "delivery",      "provider_type",
                                                  "fee",          "finnish_level", "age"};
/* Record field holding each facet's values ("provider" holds the type). */
static const char *const facet_fields[NFACETS] = {
    "category", "target_groups", "languages", "municipalities", "delivery", "provider", "fee"};
/* Facets whose values come from a closed vocabulary of the catalogue
 * (schema.h's KT__V_*): an unknown value is refused, not just matched by
 * nothing. -1: open. */
static const int facet_vocab[NFACETS] = {-1,       -1, -1, -1, KT__V_DELIVERY, KT__V_PROVIDER_TYPE,
                                         KT__V_FEE};
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
  const char *id;
  char *sortkey;         /* folded Finnish name */
  size_t *vals[NFACETS]; /* indices into the facet's values */
  size_t nvals[NFACETS];
  bool national;
  int level;            /* finnish_level as an index of the CEFR levels, -1 for none */
  int age_min, age_max; /* -1 when open */
} svc;

typedef struct kt__browse {
  svc *s;
  size_t n, size;
  svc **by_id; /* the services sorted by id, for a search's hits */
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
  s->id = json_string_value(json_object_get(rec, "id"));
  if (!s->id) return kt__err(KT_ECORRUPT, "a record in the store has no id");
  s->level = kt__vocab_index(KT__V_FINNISH_LEVEL,
                             json_string_value(json_object_get(rec, "finnish_level")));
  json_t *age = json_object_get(rec, "age");
  json_t *lo = json_object_get(age, "min"), *hi = json_object_get(age, "max");
  s->age_min = json_is_integer(lo) ? (int)json_integer_value(lo) : -1;
  s->age_max = json_is_integer(hi) ? (int)json_integer_value(hi) : -1;
  const char *name = json_string_value(json_object_get(json_object_get(rec, "name"), "fi"));
  s->sortkey = kt__casefold(name ? name : "");
  if (!s->sortkey) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (int f = 0; f < NFACETS; f++) {
    json_t *field = json_object_get(rec, facet_fields[f]);
    if (f == F_PTYPE) field = json_object_get(field, "type");
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

/* A filter as facet value indices; a value not in the index matches nothing.
 * The scale filters hold their value instead (-1: off). */
typedef struct filter {
  bool on;
  bool *want;       /* per facet value */
  int scale;        /* F_LEVEL: the level's index; F_AGE: the age */
  kt_strlist given; /* the values as given (for listing them with their counts) */
} filter;

static int make_filter(const facet *f, int vocab, const kt_strlist *l, const char *what,
                       filter *out) {
  out->on = false;
  out->given = *l;
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
    if (vocab >= 0 && kt__vocab_index(vocab, v) < 0) {
      size_t n = kt__vocabs[vocab].n;
      const char *const *known = kt__vocabs[vocab].ids;
      kt__buf list;
      kt__buf_init(&list, 1024);
      for (size_t k = 0; k < n; k++)
        kt__buf_printf(&list, "%s%s", k ? ", " : "", known[k]);
      int rc = kt__err(KT_EINVAL, "filter %s: '%.64s' is not one of: %s", what, v,
                       list.data ? list.data : "");
      kt__buf_free(&list);
      return rc;
    }
    char *folded = kt__casefold(v);
    if (!folded) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    for (size_t k = 0; k < f->n; k++)
      if (!strcmp(f->v[k].folded, folded)) out->want[k] = true;
    free(folded);
  }
  return KT_OK;
}

/* The scale filters: a CEFR level "A1".."C2" or an age "0".."120". */
static int make_scale(int which, const char *v, filter *out) {
  out->on = false;
  out->scale = -1;
  out->given = (kt_strlist){NULL, 0};
  if (!v) return KT_OK;
  if (which == F_LEVEL) {
    out->scale = kt__vocab_index(KT__V_FINNISH_LEVEL, v);
    if (out->scale < 0)
      return kt__err(KT_EINVAL,
                     "filter finnish_level: '%.16s' is not a CEFR level A1, A2, B1, "
                     "B2, C1 or C2",
                     v);
  } else {
    char *end = NULL;
    long age = strtol(v, &end, 10);
    if (!*v || *end || age < 0 || age > 120 || strlen(v) > 3)
      return kt__err(KT_EINVAL, "filter age: '%.16s' is not a whole number from 0 to 120", v);
    out->scale = (int)age;
  }
  out->on = true;
  return KT_OK;
}

static bool level_open(const svc *s, int level) { return s->level < 0 || s->level <= level; }
static bool age_open(const svc *s, int age) {
  return (s->age_min < 0 || s->age_min <= age) && (s->age_max < 0 || age <= s->age_max);
}

static bool passes(const svc *s, int f, const filter *flt) {
  if (!flt->on) return true;
  if (f == F_LEVEL) return level_open(s, flt->scale);
  if (f == F_AGE) return age_open(s, flt->scale);
  if (f == F_MUNI && s->national) return true;
  for (size_t i = 0; i < s->nvals[f]; i++)
    if (flt->want[s->vals[f][i]]) return true;
  return false;
}

static int cmp_svc(const void *a, const void *b) {
  const svc *x = *(const svc *const *)a, *y = *(const svc *const *)b;
  int c = strcmp(x->sortkey, y->sortkey);
  return c ? c : strcmp(x->id, y->id);
}

static int cmp_value(const void *a, const void *b) {
  const facet_value *x = a, *y = b;
  if (x->count != y->count) return x->count < y->count ? 1 : -1;
  return strcmp(x->folded, y->folded);
}

/* The listing's view of a record: what a result list needs, not the texts. */
static json_t *summary_json(json_t *rec) {
  static const char *const keep[] = {
      "id",        "name",           "summary",  "category",      "target_groups",
      "languages", "municipalities", "provider", "delivery",      "status",
      "contact",   "apply",          "fee",      "finnish_level", "age"};
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

/* Counts of the services @p set (those a listing or a search covers): per
 * facet value, and per level of the scale filters. */
typedef struct counts {
  facet_value *v[NFACETS]; /* copies of the facet values with this call's counts */
  size_t level[6];         /* services open to each CEFR level */
  size_t age;              /* services open to the age filter's age */
} counts;

static void counts_free(counts *c) {
  for (int f = 0; f < NFACETS; f++)
    free(c->v[f]);
}

/* Count @p set into @p c, and list in @p passed (may be NULL) those that
 * pass every filter. A facet counts the services passing every other
 * filter: what choosing one of its values instead would give. */
static int count_set(const browse *b, const filter *flt, svc *const *set, size_t n, counts *c,
                     svc **passed, size_t *npassed) {
  memset(c, 0, sizeof *c);
  if (npassed) *npassed = 0;
  for (int f = 0; f < NFACETS; f++) {
    if (!(c->v[f] = calloc(b->facets[f].n + 1, sizeof *c->v[f])))
      return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    for (size_t k = 0; k < b->facets[f].n; k++)
      c->v[f][k] = b->facets[f].v[k], c->v[f][k].count = 0;
  }
  for (size_t i = 0; i < n; i++) {
    const svc *s = set[i];
    bool ok[NFILTERS];
    size_t failed = 0;
    for (int f = 0; f < NFILTERS; f++)
      failed += !(ok[f] = passes(s, f, &flt[f]));
    if (!failed && passed) passed[(*npassed)++] = set[i];
    for (int f = 0; f < NFILTERS; f++) {
      if (failed > 1 || (failed == 1 && ok[f])) continue;
      if (f == F_LEVEL) {
        for (int l = 0; l < 6; l++)
          c->level[l] += level_open(s, l);
      } else if (f == F_AGE) {
        c->age += flt[F_AGE].on && age_open(s, flt[F_AGE].scale);
      } else if (f == F_MUNI && s->national) {
        for (size_t k = 0; k < b->facets[f].n; k++)
          c->v[f][k].count++;
      } else {
        for (size_t k = 0; k < s->nvals[f]; k++)
          c->v[f][s->vals[f][k]].count++;
      }
    }
  }
  return KT_OK;
}

static bool given(const filter *flt, const char *spelling) {
  for (size_t i = 0; i < flt->given.count; i++)
    if (flt->given.items[i] && !strcmp(flt->given.items[i], spelling)) return true;
  return false;
}

/* The counts as the "facets" object. A listing (@p search false) names every
 * value of the index, 0 or not; a search only those it matched and the
 * filter's own values. */
static json_t *facets_json(const browse *b, const filter *flt, counts *c, bool search) {
  json_t *facets = json_object();
  if (!facets) return NULL;
  for (int f = 0; f < NFILTERS; f++) {
    json_t *arr = json_array();
    if (!arr || json_object_set_new(facets, facet_names[f], arr)) goto fail;
    if (f == F_LEVEL) {
      size_t n = kt__vocabs[KT__V_FINNISH_LEVEL].n;
      const char *const *levels = kt__vocabs[KT__V_FINNISH_LEVEL].ids;
      for (size_t l = 0; l < n && l < 6; l++)
        if (json_array_append_new(
                arr, json_pack("{s:s, s:I}", "value", levels[l], "count", (json_int_t)c->level[l])))
          goto fail;
      continue;
    }
    if (f == F_AGE) {
      char v[8];
      snprintf(v, sizeof v, "%d", flt[F_AGE].scale);
      if (flt[F_AGE].on && json_array_append_new(arr, json_pack("{s:s, s:I}", "value", v, "count",
                                                                (json_int_t)c->age)))
        goto fail;
      continue;
    }
    size_t n = b->facets[f].n;
    qsort(c->v[f], n, sizeof *c->v[f], cmp_value);
    for (size_t k = 0; k < n; k++) {
      if (search && !c->v[f][k].count && !given(&flt[f], c->v[f][k].spelling)) continue;
      if (json_array_append_new(arr, json_pack("{s:s, s:I}", "value", c->v[f][k].spelling, "count",
                                               (json_int_t)c->v[f][k].count)))
        goto fail;
    }
    /* A chosen value no service has is still listed (with 0), so that a
     * page can show it as chosen. */
    for (size_t i = 0; search && i < flt[f].given.count; i++) {
      const char *v = flt[f].given.items[i];
      bool seen = false;
      for (size_t k = 0; k < n && !seen; k++)
        seen = !strcmp(c->v[f][k].spelling, v);
      if (!seen &&
          json_array_append_new(arr, json_pack("{s:s, s:I}", "value", v, "count", (json_int_t)0)))
        goto fail;
    }
  }
  return facets;
fail:
  json_decref(facets);
  return NULL;
}

static json_t *build_json(const browse *b, const filter *flt) {
  json_t *doc = json_object(), *list = json_array(), *facets = NULL;
  svc **all = calloc(b->n + 1, sizeof *all), **listed = calloc(b->n + 1, sizeof *listed);
  counts c;
  memset(&c, 0, sizeof c);
  size_t nlisted = 0;
  if (!doc || !list || !all || !listed) goto fail;
  for (size_t i = 0; i < b->n; i++)
    all[i] = &b->s[i];
  if (count_set(b, flt, all, b->n, &c, listed, &nlisted)) goto fail;
  qsort(listed, nlisted, sizeof *listed, cmp_svc);
  for (size_t i = 0; i < nlisted; i++)
    if (json_array_append_new(list, summary_json(listed[i]->rec))) goto fail;
  if (!(facets = facets_json(b, flt, &c, false))) goto fail;
  /* Every set_new runs, so doc owns (or has freed) list and facets after. */
  int bad = json_object_set_new(doc, "total", json_integer((json_int_t)b->n));
  bad |= json_object_set_new(doc, "count", json_integer((json_int_t)nlisted));
  bad |= json_object_set_new(doc, "services", list);
  bad |= json_object_set_new(doc, "facets", facets);
  list = facets = NULL;
  if (bad) goto fail;
  free(all);
  free(listed);
  counts_free(&c);
  return doc;
fail:
  free(all);
  free(listed);
  counts_free(&c);
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
  free(b->by_id);
  free(b);
}

static int cmp_id(const void *a, const void *b) {
  return strcmp((*(const svc *const *)a)->id, (*(const svc *const *)b)->id);
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
  if (!rc && !(b->by_id = calloc(b->n + 1, sizeof *b->by_id)))
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  if (!rc) {
    for (size_t i = 0; i < b->n; i++)
      b->by_id[i] = &b->s[i];
    qsort(b->by_id, b->n, sizeof *b->by_id, cmp_id);
  }
  if (rc) {
    browse_free(b);
    return rc;
  }
  e->gen.browse = b;
  *out = b;
  return KT_OK;
}

/* The browse filters of a search's @p opts (any version). */
static kt_browse_filter search_filter(const kt_search_options *opts) {
  kt_browse_filter f = KT_BROWSE_FILTER_INIT;
  f.categories = opts->categories;
  f.target_groups = opts->target_groups;
  f.languages = opts->languages;
  f.municipalities = opts->municipalities;
  if (opts->version >= 3) { /* an older caller's struct ends before the new filters */
    f.delivery = opts->delivery;
    f.provider_types = opts->provider_types;
    f.fees = opts->fees;
    f.finnish_level = opts->finnish_level;
    f.age = opts->age;
  }
  return f;
}

/* The filters of @p opts (a current kt_browse_filter) against the facets
 * of @p b. */
static int make_filters(const browse *b, const kt_browse_filter *opts, filter *flt) {
  memset(flt, 0, NFILTERS * sizeof *flt);
  const kt_strlist *lists[NFACETS] = {
      &opts->categories, &opts->target_groups,  &opts->languages, &opts->municipalities,
      &opts->delivery,   &opts->provider_types, &opts->fees};
  static const char *const what[NFACETS] = {
      "categories", "target_groups",  "languages", "municipalities",
      "delivery",   "provider_types", "fees"};
  int rc = KT_OK;
  for (int f = 0; f < NFACETS && !rc; f++)
    rc = make_filter(&b->facets[f], facet_vocab[f], lists[f], what[f], &flt[f]);
  if (!rc) rc = make_scale(F_LEVEL, opts->finnish_level, &flt[F_LEVEL]);
  if (!rc) rc = make_scale(F_AGE, opts->age, &flt[F_AGE]);
  return rc;
}

static void filters_free(filter *flt) {
  for (int f = 0; f < NFILTERS; f++)
    free(flt[f].want);
}

bool kt__browse_wide(const kt_search_options *opts) {
  if (!opts) return false;
  if (opts->version >= 3 && (opts->delivery.count || opts->provider_types.count ||
                             opts->fees.count || opts->finnish_level || opts->age))
    return true;
  return opts->flags & KT_SEARCH_COUNTS;
}

int kt__browse_hits(kt_engine *e, const kt_search_options *opts, ktx_hit *hits, size_t *nhits,
                    size_t keep, size_t *matches, kt__arena *arena, const char **facets) {
  browse *b = NULL;
  filter flt[NFILTERS];
  memset(flt, 0, sizeof flt);
  counts c;
  memset(&c, 0, sizeof c);
  svc **set = calloc(*nhits + 1, sizeof *set), **passed = calloc(*nhits + 1, sizeof *passed);
  size_t *from = calloc(*nhits + 1, sizeof *from); /* each of set's hit */
  int rc = !set || !passed || !from ? kt__err(KT_ENOMEM, "%s: out of memory", __func__) : KT_OK;
  if (!rc) rc = load(e, &b);
  kt_browse_filter bf = search_filter(opts);
  if (!rc) rc = make_filters(b, &bf, flt);
  /* The hits as services, in their order (a hit without a record, which a
   * consistent generation has not, is dropped). */
  size_t n = 0;
  for (size_t h = 0; h < *nhits && !rc; h++) {
    kt__doc *d = NULL;
    if ((rc = kt__gen_doc(&e->gen, hits[h].docid, &d))) break;
    svc key = {.id = d->f[KT__D_ID]}, *kp = &key;
    svc **found = bsearch(&kp, b->by_id, b->n, sizeof *b->by_id, cmp_id);
    if (found) set[n] = *found, from[n++] = h;
  }
  size_t npassed = 0;
  if (!rc) rc = count_set(b, flt, set, n, &c, passed, &npassed);
  if (!rc && facets) {
    json_t *doc = facets_json(b, flt, &c, true);
    char *js = doc ? json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
    json_decref(doc);
    *facets = js ? kt__arena_strdup(arena, js) : NULL;
    free(js);
    if (!*facets) rc = kt__err(KT_ENOMEM, "cannot serialise the filter counts");
  }
  if (!rc) {
    /* Keep the passing hits in their order, at most @p keep. passed[] is
     * in set order, so walk both. */
    size_t out = 0, p = 0;
    for (size_t i = 0; i < n && p < npassed; i++)
      if (set[i] == passed[p]) {
        p++;
        if (out < keep) hits[out++] = hits[from[i]];
      }
    *nhits = out;
    *matches = npassed;
  }
  counts_free(&c);
  filters_free(flt);
  free(set);
  free(passed);
  free(from);
  return rc;
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
  kt_browse_filter cur = KT_BROWSE_FILTER_INIT;
  if (opts->version < 2) { /* a version 1 caller's struct ends before the closed vocabularies */
    memcpy(&cur, opts, offsetof(kt_browse_filter, delivery));
    cur.version = KT_BROWSE_FILTER_VERSION;
    opts = &cur;
  }
  filter flt[NFILTERS];
  memset(flt, 0, sizeof flt);
  browse *b = NULL;
  int rc = load(e, &b);
  if (!rc) rc = make_filters(b, opts, flt);
  if (!rc) {
    json_t *doc = build_json(b, flt);
    char *s = doc ? json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
    json_decref(doc);
    if (s)
      *json_out = s;
    else
      rc = kt__err(KT_ENOMEM, "cannot serialise the service list");
  }
  filters_free(flt);
  return rc;
}
