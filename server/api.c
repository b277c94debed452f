/*
 * api.c — the HTTP JSON API: routes, request checking and the handlers of
 * /api/search, /api/suggest, /api/services, /api/services/{id}, /api/version and
 * /healthz, plus the page at /. Everything a client sends is checked here
 * once (types, UTF-8, sizes, unknown fields and filter values) before the
 * engine sees it, and identity codes are blanked out of the need text
 * first. Search responses are the library's kt_results_json(), so fields the
 * engine adds reach clients unchanged.
 */
#define _GNU_SOURCE
#include "server_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SERVICES_PREFIX "/api/services/"

enum {
  F_CATEGORY,
  F_GROUP,
  F_LANGUAGE,
  F_MUNI,
  F_DELIVERY,
  F_PTYPE,
  F_FEE,
  F_LEVEL,
  F_AGE,
  NFILTERS
};
/* Filter names in requests, and the facets of kt_services_json() they check
 * against. From F_DELIVERY on, the values are of the catalogue's closed
 * vocabularies (or scales), which the library checks; F_LEVEL and F_AGE take
 * one value. */
static const char *const filter_names[NFILTERS] = {"category",     "target_group",  "language",
                                                   "municipality", "delivery",      "provider_type",
                                                   "fee",          "finnish_level", "age"};
#define FILTER_LIST                                                                                \
  "category, target_group, language, municipality, delivery, provider_type, fee, "                 \
  "finnish_level and age"

/* The endpoints whose parameters and bodies the one parser below reads,
 * and what each takes:
 *   EP_SERVICES  GET /api/services: the filters
 *   EP_SEARCH    /api/search: q/text, limit, explain, group_by_need, counts,
 *                lang, the filters (and in a body, corrections)
 *   EP_SUGGEST   /api/suggest: q/text, lang, limit */
typedef enum { EP_SERVICES, EP_SEARCH, EP_SUGGEST } endpoint;
static const char *const param_list[] = {
    FILTER_LIST, "q, limit, explain, group_by_need, counts, lang, " FILTER_LIST,
    "q, lang and limit"};
static const char *const field_list[] = {
    "", "text, limit, filters, corrections, explain, group_by_need, counts and lang",
    "text, lang and limit"};

/* A search, suggestion or listing request, parsed and checked. */
typedef struct query {
  endpoint ep;
  size_t max_text, max_limit; /* the endpoint's limits */
  char lang[3];               /* the language of the suggestions or of the explanations */
  char *text;                 /* need text (owned, identity codes blanked out) */
  size_t len;
  size_t redacted; /* identity codes blanked out */
  size_t limit;
  bool explain, group, counts;
  const char *vals[NFILTERS][KTS_MAX_FILTER_VALUES];
  size_t nvals[NFILTERS];
  char *owned[NFILTERS * KTS_MAX_FILTER_VALUES];
  size_t nowned;
  json_t *doc; /* the parsed body, owning borrowed filter values */
  /* The counsellor's corrections of the signals read (POST /api/search). */
  const char *removed[KTS_MAX_FILTER_VALUES], *cgroups[KTS_MAX_FILTER_VALUES];
  size_t nremoved, ncgroups;
  const char *cmuni, *clang;
  char cage[8];
  /* The first problem found, if any. */
  unsigned status;
  const char *code;
  char msg[400];
} query;

static bool fail(query *q, unsigned status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool fail(query *q, unsigned status, const char *code, const char *fmt, ...) {
  if (q->status) return false;
  q->status = status;
  q->code = code;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(q->msg, sizeof q->msg, fmt, ap);
  va_end(ap);
  return false;
}

static void query_init(query *q, endpoint ep) {
  memset(q, 0, sizeof *q);
  q->ep = ep;
  q->max_text = ep == EP_SUGGEST ? KTS_MAX_SUGGEST_BYTES : KT_MAX_QUERY_BYTES;
  q->max_limit = ep == EP_SUGGEST ? 50 : KTS_MAX_LIMIT;
  q->limit = ep == EP_SUGGEST ? 8 : 10;
  memcpy(q->lang, "fi", 3);
}

static void query_free(query *q) {
  if (q->text) {
    explicit_bzero(q->text, q->len);
    free(q->text);
  }
  for (size_t i = 0; i < q->nowned; i++)
    free(q->owned[i]);
  json_decref(q->doc);
}

static enum MHD_Result reply_query_error(struct MHD_Connection *c, kts_request *r, query *q) {
  return kts_reply_error(c, r, q->status, q->code, "%s", q->msg);
}

/* ---- request values ------------------------------------------------------ */

/* Take the need text: check it, copy it and blank out identity codes before
 * anything else reads it. */
static bool set_text(query *q, const char *s, size_t n, const char *field) {
  if (q->text) return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_value", "'%s' is given twice", field);
  if (n > q->max_text)
    return fail(q, MHD_HTTP_CONTENT_TOO_LARGE, "too_large",
                "the %s is %zu bytes; the limit is %zu bytes",
                q->ep == EP_SUGGEST ? "text to suggest for" : "need text", n, q->max_text);
  if (memchr(s, '\0', n) || !kts_utf8_valid(s, n))
    return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_utf8",
                "'%s' must be UTF-8 text without NUL characters", field);
  if (!(q->text = malloc(n + 1)))
    return fail(q, MHD_HTTP_SERVICE_UNAVAILABLE, "unavailable", "out of memory");
  memcpy(q->text, s, n);
  q->text[n] = '\0';
  q->len = n;
  q->redacted = kt_redact_hetu(q->text, n);
  return true;
}

static bool add_value(query *q, int f, const char *v, size_t n, bool copy) {
  if (q->nvals[f] >= KTS_MAX_FILTER_VALUES)
    return fail(q, MHD_HTTP_CONTENT_TOO_LARGE, "too_large", "filter '%s' has more than %d values",
                filter_names[f], KTS_MAX_FILTER_VALUES);
  if (n == 0)
    return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_value", "filter '%s' has an empty value",
                filter_names[f]);
  if (f >= F_LEVEL && q->nvals[f])
    return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_value", "filter '%s' takes one value",
                filter_names[f]);
  if (n > KTS_MAX_FILTER_BYTES)
    return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_value", "a value of filter '%s' is over %d bytes",
                filter_names[f], KTS_MAX_FILTER_BYTES);
  if (memchr(v, '\0', n) || !kts_utf8_valid(v, n))
    return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_utf8",
                "values of filter '%s' must be UTF-8 text without NUL characters", filter_names[f]);
  if (copy) {
    char *s = strndup(v, n);
    if (!s) return fail(q, MHD_HTTP_SERVICE_UNAVAILABLE, "unavailable", "out of memory");
    q->owned[q->nowned++] = s;
    v = s;
  }
  q->vals[f][q->nvals[f]++] = v;
  return true;
}

static int filter_index(const char *name, size_t n) {
  for (int f = 0; f < NFILTERS; f++)
    if (strlen(filter_names[f]) == n && !memcmp(filter_names[f], name, n)) return f;
  return -1;
}

static bool parse_limit(query *q, json_int_t v) {
  if (v < 1 || (size_t)v > q->max_limit)
    return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_value",
                "'limit' must be an integer from 1 to %zu", q->max_limit);
  q->limit = (size_t)v;
  return true;
}

static bool set_lang(query *q, const char *v, size_t n) {
  if (!(n == 2 && (!memcmp(v, "fi", 2) || !memcmp(v, "sv", 2) || !memcmp(v, "en", 2))))
    return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_value", "'lang' must be fi, sv or en");
  memcpy(q->lang, v, 2);
  q->lang[2] = '\0';
  return true;
}

/* Category, target group and language values must exist in the index (a
 * typo would silently match nothing); any municipality may be asked for,
 * since national services match them all. */
static bool check_known(query *q, kts_worker *w) {
  for (int f = 0; f < F_MUNI; f++) {
    if (!q->nvals[f]) continue;
    const json_t *known = kts_worker_facet(w, filter_names[f]);
    if (!known) continue; /* cannot tell; the engine matches nothing unknown */
    for (size_t i = 0; i < q->nvals[f]; i++) {
      bool found = false;
      size_t k;
      json_t *e;
      json_array_foreach(known, k, e) {
        const char *v = json_string_value(json_object_get(e, "value"));
        if (v && !strcasecmp(v, q->vals[f][i])) {
          found = true;
          break;
        }
      }
      if (!found)
        return fail(q, MHD_HTTP_BAD_REQUEST, "unknown_filter",
                    "unknown %s '%s' (GET /api/services lists the values)", filter_names[f],
                    q->vals[f][i]);
    }
  }
  return true;
}

/* ---- query strings -------------------------------------------------------- */

static bool parse_bool_arg(query *q, const char *key, const char *v, bool *out) {
  if (!strcmp(v, "1") || !strcmp(v, "true") || !*v)
    *out = true;
  else if (!strcmp(v, "0") || !strcmp(v, "false"))
    *out = false;
  else
    return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type", "'%s' must be true or false", key);
  return true;
}

static enum MHD_Result on_arg(void *cls, enum MHD_ValueKind kind, const char *key, size_t klen,
                              const char *value, size_t vlen) {
  (void)kind;
  query *q = cls;
  bool texts = q->ep != EP_SERVICES;
  if (!value) value = "", vlen = 0;
  if (memchr(key, '\0', klen) || !kts_utf8_valid(key, klen)) {
    fail(q, MHD_HTTP_BAD_REQUEST, "invalid_utf8", "a query parameter name is not UTF-8 text");
    return MHD_NO;
  }
  int f = q->ep == EP_SUGGEST ? -1 : filter_index(key, klen);
  bool ok = true;
  if (f >= 0) {
    /* category=a&category=b and category=a,b both give two values. */
    const char *p = value, *end = value + vlen;
    while (ok) {
      const char *comma = memchr(p, ',', (size_t)(end - p));
      const char *stop = comma ? comma : end;
      ok = add_value(q, f, p, (size_t)(stop - p), true);
      if (!comma) break;
      p = comma + 1;
    }
  } else if (texts && !strcmp(key, "q")) {
    ok = set_text(q, value, vlen, "q");
  } else if (texts && !strcmp(key, "limit")) {
    char *endp;
    long long v = strtoll(value, &endp, 10);
    ok = (vlen && *endp == '\0' && value[0] != '+' && value[0] != ' ')
             ? parse_limit(q, (json_int_t)(v > KTS_MAX_LIMIT + 1 ? KTS_MAX_LIMIT + 1 : v))
             : fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type", "'limit' must be an integer");
  } else if (q->ep == EP_SEARCH && !strcmp(key, "explain")) {
    ok = parse_bool_arg(q, "explain", value, &q->explain);
  } else if (q->ep == EP_SEARCH && !strcmp(key, "group_by_need")) {
    ok = parse_bool_arg(q, "group_by_need", value, &q->group);
  } else if (q->ep == EP_SEARCH && !strcmp(key, "counts")) {
    ok = parse_bool_arg(q, "counts", value, &q->counts);
  } else if (texts && !strcmp(key, "lang")) {
    ok = set_lang(q, value, vlen);
  } else {
    ok = fail(q, MHD_HTTP_BAD_REQUEST, "unknown_field",
              "unknown query parameter '%.*s'; the parameters are %s", (int)(klen > 64 ? 64 : klen),
              key, param_list[q->ep]);
  }
  return ok ? MHD_YES : MHD_NO;
}

/* The query string of a request to q->ep. */
static bool parse_args(struct MHD_Connection *c, query *q) {
  MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, on_arg, q);
  return !q->status;
}

/* ---- JSON bodies ---------------------------------------------------------- */

static const char *type_name(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "an array";
  case JSON_STRING: return "a string";
  case JSON_INTEGER: return "an integer";
  case JSON_REAL: return "a number";
  case JSON_TRUE:
  case JSON_FALSE: return "a boolean";
  default: return "null";
  }
}

static bool parse_filters(query *q, json_t *filters) {
  if (!json_is_object(filters))
    return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type", "'filters' must be an object, not %s",
                type_name(filters));
  const char *key;
  json_t *v;
  json_object_foreach(filters, key, v) {
    int f = filter_index(key, strlen(key));
    if (f < 0)
      return fail(q, MHD_HTTP_BAD_REQUEST, "unknown_filter",
                  "unknown filter '%.64s'; filters are " FILTER_LIST, key);
    if (!json_is_array(v))
      return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type",
                  "filter '%s' must be an array of strings, not %s", key, type_name(v));
    size_t i;
    json_t *s;
    json_array_foreach(v, i, s) {
      if (!json_is_string(s))
        return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type",
                    "filter '%s' must be an array of strings; item %zu is %s", key, i,
                    type_name(s));
      if (!add_value(q, f, json_string_value(s), json_string_length(s), false)) return false;
    }
  }
  return true;
}

/* "corrections": {"removed": ["age:22", ...], "age": 24, "municipality": "Espoo",
 * "language": "no_finnish", "target_groups": ["maahanmuuttajat"]}; the
 * library checks the values. */
static bool parse_string_list(query *q, json_t *v, const char *key, const char **out, size_t *n) {
  if (!json_is_array(v))
    return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type",
                "'corrections.%s' must be an array of strings, not %s", key, type_name(v));
  if (json_array_size(v) > KTS_MAX_FILTER_VALUES)
    return fail(q, MHD_HTTP_CONTENT_TOO_LARGE, "too_large",
                "'corrections.%s' has more than %d values", key, KTS_MAX_FILTER_VALUES);
  size_t i;
  json_t *e;
  json_array_foreach(v, i, e) {
    if (!json_is_string(e) || !json_string_length(e) ||
        json_string_length(e) > KTS_MAX_FILTER_BYTES)
      return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_value",
                  "'corrections.%s' item %zu must be a string of 1-%d bytes", key, i,
                  KTS_MAX_FILTER_BYTES);
    out[(*n)++] = json_string_value(e);
  }
  return true;
}

static bool parse_corrections(query *q, json_t *c) {
  if (!json_is_object(c))
    return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type", "'corrections' must be an object, not %s",
                type_name(c));
  const char *key;
  json_t *v;
  json_object_foreach(c, key, v) {
    if (!strcmp(key, "removed")) {
      if (!parse_string_list(q, v, key, q->removed, &q->nremoved)) return false;
    } else if (!strcmp(key, "target_groups")) {
      if (!parse_string_list(q, v, key, q->cgroups, &q->ncgroups)) return false;
    } else if (!strcmp(key, "age")) {
      if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 120)
        return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_value",
                    "'corrections.age' must be an integer from 0 to 120");
      snprintf(q->cage, sizeof q->cage, "%d", (int)json_integer_value(v));
    } else if (!strcmp(key, "municipality") || !strcmp(key, "language")) {
      if (!json_is_string(v) || !json_string_length(v) ||
          json_string_length(v) > KTS_MAX_FILTER_BYTES)
        return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_value",
                    "'corrections.%s' must be a string of 1-%d bytes", key, KTS_MAX_FILTER_BYTES);
      *(key[0] == 'm' ? &q->cmuni : &q->clang) = json_string_value(v);
    } else {
      return fail(q, MHD_HTTP_BAD_REQUEST, "unknown_field",
                  "unknown field 'corrections.%.64s'; they are removed, age, municipality, "
                  "language and target_groups",
                  key);
    }
  }
  return true;
}

/* Parse the body as a JSON object into q->doc (wiping the body). */
static bool load_body(query *q, kts_request *r) {
  if (!r->len)
    return fail(q, MHD_HTTP_BAD_REQUEST, "bad_json",
                "the request body is empty; expected a "
                "JSON object such as {\"text\": \"...\"}");
  if (!kts_utf8_valid(r->body, r->len))
    return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_utf8", "the request body is not valid UTF-8");
  json_error_t err;
  q->doc = json_loadb(r->body, r->len, JSON_REJECT_DUPLICATES, &err);
  /* The body held the need text before it was redacted; it is not needed
   * any more, so do not leave it in memory. */
  explicit_bzero(r->body, r->len);
  if (!q->doc) {
    if (json_error_code(&err) == json_error_null_character)
      return fail(q, MHD_HTTP_BAD_REQUEST, "invalid_utf8", "strings must not contain \\u0000");
    return fail(q, MHD_HTTP_BAD_REQUEST, "bad_json", "malformed JSON at line %d, column %d: %s",
                err.line, err.column, err.text);
  }
  return true;
}

/* The JSON body of a request to q->ep (EP_SEARCH or EP_SUGGEST). */
static bool parse_body(query *q, kts_request *r) {
  if (!load_body(q, r)) return false;
  if (!json_is_object(q->doc))
    return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type", "the body must be a JSON object, not %s",
                type_name(q->doc));
  const char *key;
  json_t *v;
  bool search = q->ep == EP_SEARCH;
  json_object_foreach(q->doc, key, v) {
    if (!strcmp(key, "text")) {
      if (!json_is_string(v))
        return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type", "'text' must be a string, not %s",
                    type_name(v));
      if (!set_text(q, json_string_value(v), json_string_length(v), "text")) return false;
    } else if (!strcmp(key, "limit")) {
      if (!json_is_integer(v))
        return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type", "'limit' must be an integer, not %s",
                    type_name(v));
      if (!parse_limit(q, json_integer_value(v))) return false;
    } else if (!strcmp(key, "lang")) {
      if (!json_is_string(v))
        return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type", "'lang' must be a string, not %s",
                    type_name(v));
      if (!set_lang(q, json_string_value(v), json_string_length(v))) return false;
    } else if (search && !strcmp(key, "filters")) {
      if (!parse_filters(q, v)) return false;
    } else if (search && !strcmp(key, "corrections")) {
      if (!parse_corrections(q, v)) return false;
    } else if (search && (!strcmp(key, "explain") || !strcmp(key, "group_by_need") ||
                          !strcmp(key, "counts"))) {
      if (!json_is_boolean(v))
        return fail(q, MHD_HTTP_BAD_REQUEST, "wrong_type", "'%s' must be true or false, not %s",
                    key, type_name(v));
      *(key[0] == 'e' ? &q->explain : key[0] == 'g' ? &q->group : &q->counts) = json_is_true(v);
    } else {
      return fail(q, MHD_HTTP_BAD_REQUEST, "unknown_field", "unknown field '%.64s'; fields are %s",
                  key, field_list[q->ep]);
    }
  }
  return true;
}

/* ---- handlers ------------------------------------------------------------- */

/* Answer a library failure. Search failures are logged by code only: the
 * detailed message of a search is not written anywhere. */
static enum MHD_Result reply_kt(struct MHD_Connection *c, kts_request *r, int rc, const char *what,
                                bool log_detail) {
  const char *code;
  unsigned status = kts_status_of(rc, &code);
  if (status >= 500) {
    fprintf(stderr, "kohtaanto serve: %s: %s%s%s\n", what, kt_strerror(rc), log_detail ? ": " : "",
            log_detail ? kt_error_last() : "");
    return kts_reply_error(c, r, status, code, "%s: %s", what, kt_strerror(rc));
  }
  const char *detail = kt_error_last();
  return kts_reply_error(c, r, status, code, "%s", *detail ? detail : kt_strerror(rc));
}

static enum MHD_Result reply_doc_status(struct MHD_Connection *c, kts_request *r, unsigned status,
                                        json_t *doc) {
  char *s = doc ? json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
  json_decref(doc);
  if (!s)
    return kts_reply_error(c, r, MHD_HTTP_SERVICE_UNAVAILABLE, "unavailable", "out of memory");
  return kts_reply_json(c, r, status, s, strlen(s), free);
}

static enum MHD_Result reply_doc(struct MHD_Connection *c, kts_request *r, json_t *doc) {
  return reply_doc_status(c, r, MHD_HTTP_OK, doc);
}

static void fill_options(const query *q, kt_search_options *o) {
  o->categories = (kt_strlist){q->vals[F_CATEGORY], q->nvals[F_CATEGORY]};
  o->target_groups = (kt_strlist){q->vals[F_GROUP], q->nvals[F_GROUP]};
  o->languages = (kt_strlist){q->vals[F_LANGUAGE], q->nvals[F_LANGUAGE]};
  o->municipalities = (kt_strlist){q->vals[F_MUNI], q->nvals[F_MUNI]};
  o->signals_removed = (kt_strlist){q->removed, q->nremoved};
  o->client_groups = (kt_strlist){q->cgroups, q->ncgroups};
  o->client_age = q->cage[0] ? q->cage : NULL;
  o->client_municipality = q->cmuni;
  o->client_language = q->clang;
  o->delivery = (kt_strlist){q->vals[F_DELIVERY], q->nvals[F_DELIVERY]};
  o->provider_types = (kt_strlist){q->vals[F_PTYPE], q->nvals[F_PTYPE]};
  o->fees = (kt_strlist){q->vals[F_FEE], q->nvals[F_FEE]};
  o->finnish_level = q->nvals[F_LEVEL] ? q->vals[F_LEVEL][0] : NULL;
  o->age = q->nvals[F_AGE] ? q->vals[F_AGE][0] : NULL;
  o->lang = q->lang;
}

/* Values of the closed vocabularies and scales are the library's to check:
 * a search of no text with only those filters refuses what it does not know,
 * naming the filter and the values it takes. */
static bool check_closed(query *q, kts_worker *w) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT, all = KT_SEARCH_OPTIONS_INIT;
  fill_options(q, &all);
  o.delivery = all.delivery;
  o.provider_types = all.provider_types;
  o.fees = all.fees;
  o.finnish_level = all.finnish_level;
  o.age = all.age;
  if (!o.delivery.count && !o.provider_types.count && !o.fees.count && !o.finnish_level && !o.age)
    return true;
  kt_results *res = NULL;
  int rc = kt_search(w->engine, "", 0, &o, &res);
  kt_results_free(res);
  if (rc == KT_EINVAL)
    return fail(q, MHD_HTTP_BAD_REQUEST, "unknown_filter", "%s", kt_error_last());
  if (rc) return fail(q, MHD_HTTP_SERVICE_UNAVAILABLE, "unavailable", "cannot check the filters");
  return true;
}

/* The browse filter of a listing request (the same filters as a search's). */
static void fill_filter(const query *q, kt_browse_filter *o) {
  o->categories = (kt_strlist){q->vals[F_CATEGORY], q->nvals[F_CATEGORY]};
  o->target_groups = (kt_strlist){q->vals[F_GROUP], q->nvals[F_GROUP]};
  o->languages = (kt_strlist){q->vals[F_LANGUAGE], q->nvals[F_LANGUAGE]};
  o->municipalities = (kt_strlist){q->vals[F_MUNI], q->nvals[F_MUNI]};
  o->delivery = (kt_strlist){q->vals[F_DELIVERY], q->nvals[F_DELIVERY]};
  o->provider_types = (kt_strlist){q->vals[F_PTYPE], q->nvals[F_PTYPE]};
  o->fees = (kt_strlist){q->vals[F_FEE], q->nvals[F_FEE]};
  o->finnish_level = q->nvals[F_LEVEL] ? q->vals[F_LEVEL][0] : NULL;
  o->age = q->nvals[F_AGE] ? q->vals[F_AGE][0] : NULL;
}

static json_t *index_json(kts_worker *w);

/* Reply with the library's results document `json` (kt_results_json(),
 * freed here) and the request's own members, "redacted" and "index",
 * appended inside its closing brace: the same bytes as parsing the document,
 * adding them and printing it again. */
static enum MHD_Result reply_results(struct MHD_Connection *c, kts_request *r, char *json,
                                     size_t redacted, kts_worker *w) {
  size_t n = strlen(json);
  json_t *ix = index_json(w);
  char *ixs = ix ? json_dumps(ix, JSON_COMPACT) : NULL;
  json_decref(ix);
  char *s = NULL;
  size_t len = 0;
  if (n >= 2 && json[0] == '{' && json[n - 1] == '}' && (!ix || ixs)) {
    size_t cap = n + 64 + (ixs ? strlen(ixs) : 0);
    s = malloc(cap);
    if (s) {
      memcpy(s, json, n - 1);
      int k = snprintf(s + n - 1, cap - (n - 1), "%s\"redacted\":%zu%s%s}", n > 2 ? "," : "",
                       redacted, ixs ? ",\"index\":" : "", ixs ? ixs : "");
      len = n - 1 + (size_t)k;
    }
  }
  free(ixs);
  kt_free(json);
  if (!s)
    return kts_reply_error(c, r, MHD_HTTP_SERVICE_UNAVAILABLE, "unavailable", "out of memory");
  return kts_reply_json(c, r, MHD_HTTP_OK, s, len, free);
}

static enum MHD_Result search(struct MHD_Connection *c, kts_request *r, const kts_config *cfg,
                              bool post) {
  query q;
  query_init(&q, EP_SEARCH);
  enum MHD_Result ret;
  if (!(post ? parse_body(&q, r) : parse_args(c, &q))) goto bad;
  if (!q.text) {
    fail(&q, MHD_HTTP_BAD_REQUEST, "missing_field",
         post ? "the need text 'text' is missing" : "the need text parameter 'q' is missing");
    goto bad;
  }
  kts_worker *w;
  int rc = kts_worker_get(cfg, &w);
  if (rc) {
    ret = reply_kt(c, r, rc, "cannot open the index", true);
    goto out;
  }
  if (!check_known(&q, w) || !check_closed(&q, w)) goto bad;
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = q.limit;
  fill_options(&q, &o);
  if (q.group) o.flags |= KT_SEARCH_GROUP_BY_NEED;
  if (q.counts) o.flags |= KT_SEARCH_COUNTS;
  kt_results *res = NULL;
  char *json = NULL;
  rc = kt_search(w->engine, q.text, q.len, &o, &res);
  if (!rc) rc = kt_results_json(res, &json);
  kt_results_free(res);
  if (rc == KT_EINVAL &&
      (q.nremoved || q.ncgroups || o.client_age || o.client_municipality || o.client_language)) {
    /* The counsellor's corrections are checked by the engine (it knows the
     * signals): a refused one is the request's fault. */
    ret = kts_reply_error(c, r, MHD_HTTP_BAD_REQUEST, "invalid_input", "%s", kt_error_last());
    goto out;
  }
  /* Anything else the engine refuses was checked above: a data error
   * (500 data_error, kts_status_of). */
  if (rc) {
    ret = reply_kt(c, r, rc, "search failed", false);
    goto out;
  }
  if (q.explain) {
    /* The library's document as it is, with this request's members added
     * at its end: no second parse and print (about 0.7 ms of CPU for a
     * note's ten explained results, a third of the request). */
    ret = reply_results(c, r, json, q.redacted, w);
    goto out;
  }
  json_t *doc = json_loads(json, 0, NULL);
  kt_free(json);
  if (!doc) {
    ret = kts_reply_error(c, r, MHD_HTTP_INTERNAL_SERVER_ERROR, "internal",
                          "the engine's results are not valid JSON");
    goto out;
  }
  json_object_set_new(doc, "redacted", json_integer((json_int_t)q.redacted));
  /* Which index answered, as `kohtaanto search --json` and /api/version say. */
  json_t *ix = index_json(w);
  if (ix) json_object_set_new(doc, "index", ix);
  /* Without explain, say which words matched where but not their shares
   * of the score (as `kohtaanto search --json` without --explain). */
  size_t i, k;
  json_t *x, *m;
  json_array_foreach(json_object_get(doc, "results"), i, x) {
    json_array_foreach(json_object_get(x, "matches"), k, m) json_object_del(m, "weight");
  }
  ret = reply_doc(c, r, doc);
  goto out;
bad:
  ret = reply_query_error(c, r, &q);
out:
  query_free(&q);
  return ret;
}

static enum MHD_Result list_services(struct MHD_Connection *c, kts_request *r,
                                     const kts_config *cfg) {
  query q;
  query_init(&q, EP_SERVICES);
  enum MHD_Result ret;
  kts_worker *w;
  int rc;
  if (!parse_args(c, &q)) {
    ret = reply_query_error(c, r, &q);
  } else if ((rc = kts_worker_get(cfg, &w))) {
    ret = reply_kt(c, r, rc, "cannot open the index", true);
  } else if (!check_known(&q, w) || !check_closed(&q, w)) {
    ret = reply_query_error(c, r, &q);
  } else {
    kt_browse_filter o = KT_BROWSE_FILTER_INIT;
    fill_filter(&q, &o);
    char *json = NULL;
    rc = kt_services_json(w->engine, &o, &json);
    ret = rc ? reply_kt(c, r, rc, "cannot list the services", true)
             : kts_reply_json(c, r, MHD_HTTP_OK, json, strlen(json), kt_free);
  }
  query_free(&q);
  return ret;
}

static bool valid_id(const char *id) {
  size_t n = strlen(id);
  if (n == 0 || n > 100) return false;
  for (size_t i = 0; i < n; i++)
    if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
      return false;
  return true;
}

static enum MHD_Result get_service(struct MHD_Connection *c, kts_request *r, const kts_config *cfg,
                                   const char *id) {
  if (!valid_id(id))
    return kts_reply_error(c, r, MHD_HTTP_NOT_FOUND, "not_found",
                           "no such service; ids are 1-100 of a-z, 0-9 and '-'");
  kts_worker *w;
  int rc = kts_worker_get(cfg, &w);
  if (rc) return reply_kt(c, r, rc, "cannot open the index", true);
  char *json = NULL;
  size_t len = 0;
  rc = kt_service_get(w->engine, id, &json, &len);
  if (rc == KT_ENOTFOUND)
    return kts_reply_error(c, r, MHD_HTTP_NOT_FOUND, "not_found", "no service with id '%s'", id);
  if (rc) return reply_kt(c, r, rc, "cannot read the service", true);
  snprintf(r->log_path, sizeof r->log_path, "%s%s", SERVICES_PREFIX, id); /* a known id */
  return kts_reply_json(c, r, MHD_HTTP_OK, json, len, kt_free);
}

/* GET /api/concepts: the thesaurus concepts with their fi/sv/en labels. */
static enum MHD_Result concepts(struct MHD_Connection *c, kts_request *r, const kts_config *cfg) {
  kts_worker *w;
  int rc = kts_worker_get(cfg, &w);
  if (rc) return reply_kt(c, r, rc, "cannot open the index", true);
  char *json = NULL;
  rc = kt_concepts_json(w->engine, &json);
  if (rc) return reply_kt(c, r, rc, "cannot list the concepts", true);
  return kts_reply_json(c, r, MHD_HTTP_OK, json, strlen(json), kt_free);
}

/* GET /api/schema: the fields and code lists of the library's schema table
 * (the page reads its code lists from here). Needs no index. */
static enum MHD_Result schema(struct MHD_Connection *c, kts_request *r) {
  char *json = NULL;
  int rc = kt_schema_json(&json);
  if (rc) return reply_kt(c, r, rc, "cannot describe the schema", true);
  return kts_reply_json(c, r, MHD_HTTP_OK, json, strlen(json), kt_free);
}

static json_t *index_json(kts_worker *w) {
  kt_index_info info;
  if (kt_engine_info(w->engine, &info)) return NULL;
  return json_pack("{s:s, s:s, s:I}", "generation", info.generation ? info.generation : "",
                   "built_at", info.built_at ? info.built_at : "", "services",
                   (json_int_t)info.services);
}

static enum MHD_Result version(struct MHD_Connection *c, kts_request *r, const kts_config *cfg) {
  kts_worker *w;
  int rc = kts_worker_get(cfg, &w);
  if (rc) return reply_kt(c, r, rc, "cannot open the index", true);
  return reply_doc(c, r,
                   json_pack("{s:s, s:s, s:s, s:o*}", "name", "kohtaanto", "version",
                             KT_VERSION_STRING, "engine", kt_version(), "index", index_json(w)));
}

static enum MHD_Result healthz(struct MHD_Connection *c, kts_request *r, const kts_config *cfg) {
  kts_worker *w;
  int rc = kts_worker_get(cfg, &w);
  if (rc) return reply_kt(c, r, rc, "cannot open the index", true);
  return reply_doc(c, r, json_pack("{s:s, s:o*}", "status", "ok", "index", index_json(w)));
}

/* POST /api/feedback {text, service, kind, reason?}: a counsellor's mark on
 * a result. Only the need's catalogue-vocabulary features are stored
 * (kt_feedback_add); identity codes are blanked out before even that. */
static enum MHD_Result post_feedback(struct MHD_Connection *c, kts_request *r,
                                     const kts_config *cfg) {
  query q;
  query_init(&q, EP_SEARCH); /* its text is a need text */
  enum MHD_Result ret;
  const char *service = NULL, *kind = NULL, *reason = "";
  if (!cfg->feedback) {
    if (r->body) explicit_bzero(r->body, r->len); /* no body: NULL (fuzz find) */
    return kts_reply_error(c, r, MHD_HTTP_SERVICE_UNAVAILABLE, "feedback_disabled",
                           "this server keeps no feedback (started with --no-feedback)");
  }
  if (!load_body(&q, r)) goto bad;
  if (!json_is_object(q.doc)) {
    fail(&q, MHD_HTTP_BAD_REQUEST, "wrong_type", "the body must be a JSON object, not %s",
         type_name(q.doc));
    goto bad;
  }
  const char *key;
  json_t *v;
  json_object_foreach(q.doc, key, v) {
    bool is_text = !strcmp(key, "text");
    const char **dst = !strcmp(key, "service")  ? &service
                       : !strcmp(key, "kind")   ? &kind
                       : !strcmp(key, "reason") ? &reason
                                                : NULL;
    if (!is_text && !dst) {
      fail(&q, MHD_HTTP_BAD_REQUEST, "unknown_field",
           "unknown field '%.64s'; fields are text, service, kind and reason", key);
      goto bad;
    }
    if (!json_is_string(v)) {
      fail(&q, MHD_HTTP_BAD_REQUEST, "wrong_type", "'%s' must be a string, not %s", key,
           type_name(v));
      goto bad;
    }
    if (is_text) {
      if (!set_text(&q, json_string_value(v), json_string_length(v), "text")) goto bad;
    } else {
      *dst = json_string_value(v);
    }
  }
  if (!q.text || !service || !kind) {
    fail(&q, MHD_HTTP_BAD_REQUEST, "missing_field", "'%s' is missing",
         !q.text    ? "text"
         : !service ? "service"
                    : "kind");
    goto bad;
  }
  int k = kt_feedback_kind_parse(kind), why = kt_feedback_reason_parse(reason);
  if (!k || why < 0) {
    fail(&q, MHD_HTTP_BAD_REQUEST, "invalid_value",
         !k ? "'kind' must be referred, useful or not_suitable"
            : "'reason' must be target_group, not_eligible, area, unclear, no_match or other");
    goto bad;
  }
  kts_worker *w;
  int rc = kts_worker_get(cfg, &w);
  if (rc) {
    ret = reply_kt(c, r, rc, "cannot open the index", true);
    goto out;
  }
  rc = kt_feedback_add(cfg->feedback, w->engine, q.text, q.len, service, k, why);
  if (rc == KT_ENOTFOUND)
    ret = kts_reply_error(c, r, MHD_HTTP_BAD_REQUEST, "unknown_service",
                          "'service' must be the id of a service in the index, not '%.100s'",
                          service);
  else if (rc == KT_EINVAL)
    ret = kts_reply_error(c, r, MHD_HTTP_BAD_REQUEST, "invalid_value", "%s", kt_error_last());
  else if (rc)
    ret = reply_kt(c, r, rc, "cannot store the feedback", false);
  else
    ret = reply_doc_status(c, r, MHD_HTTP_CREATED,
                           json_pack("{s:b, s:I, s:I}", "stored", 1, "events",
                                     (json_int_t)kt_feedback_count(cfg->feedback), "redacted",
                                     (json_int_t)q.redacted));
  goto out;
bad:
  ret = reply_query_error(c, r, &q);
out:
  query_free(&q);
  return ret;
}

/* GET /api/feedback/stats: aggregate statistics for service managers. */
static enum MHD_Result feedback_stats(struct MHD_Connection *c, kts_request *r,
                                      const kts_config *cfg) {
  if (!cfg->feedback)
    return kts_reply_error(c, r, MHD_HTTP_SERVICE_UNAVAILABLE, "feedback_disabled",
                           "this server keeps no feedback (started with --no-feedback)");
  kts_worker *w;
  int rc = kts_worker_get(cfg, &w);
  if (rc) return reply_kt(c, r, rc, "cannot open the index", true);
  char *json = NULL;
  rc = kt_feedback_export(cfg->feedback, w->engine, KT_EXPORT_JSON, &json);
  if (rc) return reply_kt(c, r, rc, "cannot export the feedback", true);
  return kts_reply_json(c, r, MHD_HTTP_OK, json, strlen(json), kt_free);
}

/* ---- GET /api/suggest?q=&lang=&limit= and POST {text, lang, limit} ------- */

static enum MHD_Result suggest(struct MHD_Connection *c, kts_request *r, const kts_config *cfg,
                               bool post) {
  query q;
  query_init(&q, EP_SUGGEST);
  enum MHD_Result ret;
  if (!(post ? parse_body(&q, r) : parse_args(c, &q))) goto bad;
  if (!q.text) {
    fail(&q, MHD_HTTP_BAD_REQUEST, "missing_field",
         post ? "the text 'text' is missing" : "the text parameter 'q' is missing");
    goto bad;
  }
  kts_worker *w;
  int rc = kts_worker_get(cfg, &w);
  if (rc) {
    ret = reply_kt(c, r, rc, "cannot open the index", true);
    goto out;
  }
  char *json = NULL;
  rc = kt_suggest_json(w->engine, q.text, q.len, q.lang, q.limit, &json);
  ret = rc ? reply_kt(c, r, rc, "suggest failed", false)
           : kts_reply_json(c, r, MHD_HTTP_OK, json, strlen(json), kt_free);
  goto out;
bad:
  ret = reply_query_error(c, r, &q);
out:
  query_free(&q);
  return ret;
}

enum MHD_Result kts_route(struct MHD_Connection *c, kts_request *r, const kts_config *cfg,
                          const char *url, const char *method) {
  bool get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
  bool post = !strcmp(method, "POST");
  if (r->too_big)
    return kts_reply_error(c, r, MHD_HTTP_CONTENT_TOO_LARGE, "too_large",
                           "the request body is over %d bytes", KTS_BODY_CAP);
  bool writes = !strcmp(url, "/api/feedback") && post;
  bool guarded = writes || (!strcmp(url, "/api/feedback/stats") && get);
  /* A browser sends any page's form or fetch here; only JSON bodies from
   * the page itself or a configured origin are taken (no CORS preflight is
   * answered, so other origins cannot send JSON). */
  if ((post || guarded) && !kts_check_origin(cfg, c))
    return kts_reply_error(c, r, MHD_HTTP_FORBIDDEN, "forbidden_origin",
                           "requests from this origin are not accepted (see `serve --origin`)");
  if (post && !kts_check_json(c))
    return kts_reply_error(c, r, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                           "the request body must be sent as Content-Type: application/json");
  if (guarded && !kts_check_token(cfg, c)) {
    if (r->body) explicit_bzero(r->body, r->len);
    return kts_reply_unauthorized(c, r);
  }
  if (writes && cfg->feedback) {
    double wait = kts_rate_take(cfg, c);
    if (wait > 0) {
      if (r->body) explicit_bzero(r->body, r->len);
      return kts_reply_rate_limited(c, r, wait, cfg->feedback_rate);
    }
  }
  if (!strcmp(url, "/api/search")) {
    if (get || post) return search(c, r, cfg, post);
    return kts_reply_method(c, r, "GET, HEAD, POST");
  }
  if (!strcmp(url, "/api/suggest")) {
    if (get || post) return suggest(c, r, cfg, post);
    return kts_reply_method(c, r, "GET, HEAD, POST");
  }
  if (!strcmp(url, "/api/feedback")) {
    if (post) return post_feedback(c, r, cfg);
    return kts_reply_method(c, r, "POST");
  }
  if (!strcmp(url, "/api/feedback/stats")) {
    if (get) return feedback_stats(c, r, cfg);
    return kts_reply_method(c, r, "GET, HEAD");
  }
  const kts_asset *asset = kts_asset_find(url);
  bool known = asset || !strcmp(url, "/api/services") || !strcmp(url, "/api/version") ||
               !strcmp(url, "/api/concepts") || !strcmp(url, "/api/schema") ||
               !strcmp(url, "/healthz") || !strncmp(url, SERVICES_PREFIX, strlen(SERVICES_PREFIX));
  if (known && !get) return kts_reply_method(c, r, "GET, HEAD");
  if (asset) return kts_reply_asset(c, r, asset);
  if (!strcmp(url, "/api/services")) return list_services(c, r, cfg);
  if (!strncmp(url, SERVICES_PREFIX, strlen(SERVICES_PREFIX)))
    return get_service(c, r, cfg, url + strlen(SERVICES_PREFIX));
  if (!strcmp(url, "/api/version")) return version(c, r, cfg);
  if (!strcmp(url, "/api/concepts")) return concepts(c, r, cfg);
  if (!strcmp(url, "/api/schema")) return schema(c, r);
  if (!strcmp(url, "/healthz")) return healthz(c, r, cfg);
  return kts_reply_error(c, r, MHD_HTTP_NOT_FOUND, "not_found", "no such path");
}

void kts_log_path(const char *url, char *buf, size_t size) {
  /* Only paths the server knows are logged as sent: anything else could be
   * a need text typed into the address bar. */
  bool known = kts_asset_find(url) || !strcmp(url, "/api/search") || !strcmp(url, "/api/suggest") ||
               !strcmp(url, "/api/feedback") || !strcmp(url, "/api/feedback/stats") ||
               !strcmp(url, "/api/services") || !strcmp(url, "/api/version") ||
               !strcmp(url, "/api/concepts") || !strcmp(url, "/api/schema") ||
               !strcmp(url, "/healthz");
  /* A service path is logged with its id only once the id is found in the
   * index (get_service): any other id could be anything, an identity code
   * typed into the address bar included. */
  if (!known && !strncmp(url, SERVICES_PREFIX, strlen(SERVICES_PREFIX)))
    snprintf(buf, size, "%s(other)", SERVICES_PREFIX);
  else
    snprintf(buf, size, "%s", known ? url : "(other)");
}
