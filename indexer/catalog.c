/*
 * catalog.c — loads and validates the service catalogue: one JSON object per
 * service in `<catalog>/services/<id>.json` (format in catalog/README.md).
 *
 * Every problem is reported with the file, the field and what was expected;
 * all files are checked so a service manager sees every error at once, and a
 * single error fails the whole load (nothing is half-indexed).
 */
#define _GNU_SOURCE
#include "catalog.h"
#include "analyze.h"
#include "thesaurus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE_BYTES (256 * 1024)
#define MAX_SERVICES 1000000
#define MAX_ERRORS_LISTED 40

/* `fee` (KT__V_FEE): what the client pays for the service itself. maksuton =
 * free (extras outside the service, such as a meal, may cost); osittain =
 * free only for some clients, on some routes or in part; maksullinen = the
 * client pays. */
/* `selko`: plain Finnish (selkosuomi) versions of these text fields. */
static const char *const SELKO_FIELDS[] = {"name", "summary", "referral"};
static const char *const FIELDS[] = {
    "id",       "name",           "summary",  "description",  "target_description",
    "category", "target_groups",  "age",      "languages",    "finnish_level",
    "provider", "municipalities", "delivery", "requirements", "referral",
    "cost",     "keywords",       "related",  "updated",      "status",
    "contact",  "apply",          "reviewed", "source",       "fee",
    "selko"};
/* The closed code lists (categories, target groups, provider types,
 * delivery, levels, fees, statuses, apply routes, contact keys) are the
 * schema's vocabularies (engine/schema.c). */
static const char *const APPLY_KEYS[] = {"routes", "text", "url"};

/* Organisations that no longer exist, with what replaced them: a service
 * that is still offered (status other than `ended`) may not name one as its
 * provider. A pattern matches at the start of a word of provider.name, case
 * as written. Documented in catalog/README.md ("Defunct organisations"). */
static const struct defunct {
  const char *pattern, *why;
} DEFUNCT[] = {
    {"TE-toimisto", "the TE offices closed at the end of 2024; since 2025 employment services are "
                    "the municipality's (Helsinki: Helsingin kaupunki / Työllisyyspalvelut)"},
    {"TE-palvelut", "the TE services (TE offices) closed at the end of 2024; since 2025 employment "
                    "services are the municipality's (Helsinki: Helsingin kaupunki / "
                    "Työllisyyspalvelut)"},
    {"kuntakokeilu", "the municipal employment trials ended at the end of 2024"},
    {"ELY-keskus", "the ELY centres ceased at the end of 2025 (training procurement moved to the "
                   "employment areas in 2025, other tasks to the Elinvoimakeskus or the Lupa- ja "
                   "valvontavirasto in 2026)"},
    {"Valvira", "Valvira ceased at the start of 2026 (merged into the Lupa- ja valvontavirasto)"},
    {"aluehallintovirasto", "the regional state administrative agencies ceased at the end of 2025 "
                            "(merged into the Lupa- ja valvontavirasto)"},
    {"Aluehallintovirasto", "the regional state administrative agencies ceased at the end of 2025 "
                            "(merged into the Lupa- ja valvontavirasto)"},
};
#define N(a) (sizeof(a) / sizeof *(a))
/* A vocabulary of the schema as the list and count the checks take. */
#define VOCAB(v) kt__vocabs[v].ids, kt__vocabs[v].n

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(s, list[i])) return true;
  return false;
}

static char *join_list(const char *const *list, size_t n) {
  kt__buf b;
  kt__buf_init(&b, 4096);
  for (size_t i = 0; i < n; i++) {
    if (i) kt__buf_adds(&b, ", ");
    kt__buf_adds(&b, list[i]);
  }
  return b.data;
}

typedef struct ctx {
  const char *file;
  kt__buf *errors;
  size_t nerr;
  const char *prefix; /* of nested field names ("keywords.") */
} ctx;

/* Cut an incomplete UTF-8 sequence off the end of @p s: a message cut at a
 * byte limit must stay valid UTF-8 (it ends up in JSON and terminals). */
static void trim_partial_utf8(char *s) {
  size_t i = strlen(s), k = 0;
  while (i > 0 && k < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
    i--, k++;
  if (i == 0) return;
  unsigned char c = (unsigned char)s[i - 1];
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (c >= 0xC0 && k + 1 < need) s[i - 1] = '\0';
}

/* Replace each byte that is not part of valid UTF-8 with '?': jansson's
 * error text quotes the input byte by byte ("invalid escape near '"\\<byte>'"). */
static void sanitize_utf8(char *s) {
  size_t n = strlen(s), off = 0, bad = 0;
  while (off < n && !kt__utf8_valid(s + off, n - off, &bad)) {
    s[off + bad] = '?';
    off += bad + 1;
  }
}

__attribute__((format(printf, 3, 4))) static void bad(ctx *c, const char *field, const char *fmt,
                                                      ...) {
  c->nerr++;
  if (!c->errors) return;
  kt__buf_printf(c->errors, "%s: field '%s%s': ", c->file, c->prefix ? c->prefix : "", field);
  va_list ap;
  va_start(ap, fmt);
  char tmp[512];
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  trim_partial_utf8(tmp);
  kt__buf_adds(c->errors, tmp);
  kt__buf_adds(c->errors, "\n");
}

static size_t count_words(const char *s) {
  size_t n = 0;
  bool in = false;
  for (; *s; s++) {
    bool sp = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

static const char *text_ok(ctx *c, const char *field, json_t *v) {
  if (!json_is_string(v) || json_string_length(v) == 0) {
    bad(c, field, "expected a non-empty string");
    return NULL;
  }
  const char *s = json_string_value(v);
  if (strlen(s) != json_string_length(v)) {
    bad(c, field, "contains a NUL character");
    return NULL;
  }
  if (json_string_length(v) > KT_MAX_QUERY_BYTES) {
    bad(c, field, "is %zu bytes; the limit is %d", json_string_length(v), KT_MAX_QUERY_BYTES);
    return NULL;
  }
  return s;
}

/* {fi: "...", sv?: "...", en?: "..."} */
static void ml_text(ctx *c, json_t *root, const char *field, kt__ml *out, bool required) {
  json_t *o = json_object_get(root, field);
  memset(out, 0, sizeof *out);
  if (!o) {
    if (required) bad(c, field, "missing; expected an object {\"fi\": \"...\"}");
    return;
  }
  if (!json_is_object(o)) {
    bad(c, field, "expected an object of language code -> text, like {\"fi\": \"...\"}");
    return;
  }
  const char *k;
  json_t *v;
  char fname[96];
  json_object_foreach(o, k, v) {
    snprintf(fname, sizeof fname, "%s.%s", field, k);
    trim_partial_utf8(fname); /* an unknown key may be long */
    if (strcmp(k, "fi") && strcmp(k, "sv") && strcmp(k, "en")) {
      bad(c, fname, "unknown language; expected fi, sv or en");
      continue;
    }
    const char *s = text_ok(c, fname, v);
    if (!strcmp(k, "fi"))
      out->fi = s;
    else if (!strcmp(k, "sv"))
      out->sv = s;
    else
      out->en = s;
  }
  if (!json_object_get(o, "fi")) {
    snprintf(fname, sizeof fname, "%s.fi", field);
    bad(c, fname, "missing; the Finnish text is required");
  }
}

/* `selko`: {name?, summary?, referral?}, each a plain-Finnish
 * text of at least one character. */
static void check_selko(ctx *c, json_t *o) {
  if (!json_is_object(o) || !json_object_size(o)) {
    bad(c, "selko",
        "expected an object of field -> plain Finnish text, like {\"summary\": \"...\"}");
    return;
  }
  const char *k;
  json_t *v;
  char fname[96];
  json_object_foreach(o, k, v) {
    snprintf(fname, sizeof fname, "selko.%s", k);
    trim_partial_utf8(fname);
    if (!in_list(k, SELKO_FIELDS, N(SELKO_FIELDS))) {
      char *l = join_list(SELKO_FIELDS, N(SELKO_FIELDS));
      bad(c, fname, "unknown field; expected one of: %s", l ? l : "");
      free(l);
      continue;
    }
    const char *s = text_ok(c, fname, v);
    if (s && !*s) bad(c, fname, "is empty");
  }
}

/* Array of strings, each from @p allowed if given. */
static const char **str_array(ctx *c, json_t *root, const char *field, size_t *n,
                              const char *const *allowed, size_t nallowed, bool required,
                              bool nonempty) {
  *n = 0;
  json_t *a = json_object_get(root, field);
  if (!a) {
    if (required) bad(c, field, "missing; expected an array of strings");
    return NULL;
  }
  if (!json_is_array(a)) {
    bad(c, field, "expected an array of strings");
    return NULL;
  }
  if (nonempty && json_array_size(a) == 0) {
    bad(c, field, "expected at least one value");
    return NULL;
  }
  const char **out = calloc(json_array_size(a) + 1, sizeof *out);
  if (!out) return NULL;
  size_t i;
  json_t *v;
  char fname[96];
  json_array_foreach(a, i, v) {
    snprintf(fname, sizeof fname, "%s[%zu]", field, i);
    const char *s = text_ok(c, fname, v);
    if (!s) continue;
    if (allowed && !in_list(s, allowed, nallowed)) {
      char *l = join_list(allowed, nallowed);
      bad(c, fname, "'%s' is not one of: %s", s, l ? l : "");
      free(l);
      continue;
    }
    out[(*n)++] = s;
  }
  return out;
}

static bool is_date(const char *s) {
  if (strlen(s) != 10) return false;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) {
      if (s[i] != '-') return false;
    } else if (s[i] < '0' || s[i] > '9')
      return false;
  }
  int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static bool is_lang_code(const char *s) {
  size_t l = strlen(s);
  if (l < 2 || l > 3) return false;
  for (size_t i = 0; i < l; i++)
    if (s[i] < 'a' || s[i] > 'z') return false;
  return true;
}

static int count_sentences(const char *s) {
  int n = 0;
  bool in = false;
  for (const char *p = s; *p; p++) {
    if (*p == '.' || *p == '!' || *p == '?') {
      if (in && (p[1] == ' ' || p[1] == '\0' || p[1] == '\n')) {
        n++;
        in = false;
      }
    } else if (*p != ' ' && *p != '\n') {
      in = true;
    }
  }
  return n + (in ? 1 : 0);
}

/* An absolute http(s) address without spaces: a counsellor copies it. */
static bool is_url(const char *s) {
  size_t skip = !strncmp(s, "https://", 8) ? 8 : !strncmp(s, "http://", 7) ? 7 : 0;
  if (!skip || !s[skip] || s[skip] == '/') return false;
  for (const char *p = s; *p; p++)
    if ((unsigned char)*p <= ' ') return false;
  return true;
}

static bool is_email(const char *s) {
  const char *at = strchr(s, '@');
  if (!at || at == s || strchr(at + 1, '@') || !strchr(at + 1, '.')) return false;
  for (const char *p = s; *p; p++)
    if ((unsigned char)*p <= ' ') return false;
  return at[1] != '.' && s[strlen(s) - 1] != '.';
}

/* Digits with the usual separators ("09 310 12345", "+358 29 ..."), at
 * least 3 digits (short service numbers such as 112 exist). */
static bool is_phone(const char *s) {
  int digits = 0;
  for (const char *p = s; *p; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (!strchr(" +-()", *p))
      return false;
  }
  return digits >= 3;
}

/* Does @p name contain @p pattern at the start of a word? */
static bool names_word(const char *name, const char *pattern) {
  for (const char *p = strstr(name, pattern); p; p = strstr(p + 1, pattern)) {
    unsigned char before = p == name ? ' ' : (unsigned char)p[-1];
    /* ASCII letters and digits join words; so do UTF-8 bytes (ä, ö). */
    bool joined = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
                  (before >= '0' && before <= '9') || before >= 0x80;
    if (!joined) return true;
  }
  return false;
}

const char *kt__defunct_provider(const char *name) {
  if (!name) return NULL;
  for (size_t i = 0; i < N(DEFUNCT); i++)
    if (names_word(name, DEFUNCT[i].pattern)) return DEFUNCT[i].why;
  return NULL;
}

/* contact: {web?, phone?, email?, address?}, at least one. */
static void check_contact(ctx *c, json_t *v) {
  if (!json_is_object(v)) {
    bad(c, "contact", "expected an object {\"web\"?, \"phone\"?, \"email\"?, \"address\"?}");
    return;
  }
  const char *k;
  json_t *x;
  char fname[96];
  size_t n = 0;
  json_object_foreach(v, k, x) {
    snprintf(fname, sizeof fname, "contact.%s", k);
    trim_partial_utf8(fname);
    if (!in_list(k, VOCAB(KT__V_CONTACT_KEY))) {
      char *l = join_list(VOCAB(KT__V_CONTACT_KEY));
      bad(c, fname, "unknown key; expected one of: %s", l ? l : "");
      free(l);
      continue;
    }
    const char *s = text_ok(c, fname, x);
    if (!s) continue;
    n++;
    if (!strcmp(k, "web") && !is_url(s))
      bad(c, fname, "'%s' is not an address like https://www.hel.fi", s);
    else if (!strcmp(k, "email") && !is_email(s))
      bad(c, fname, "'%s' is not an e-mail address", s);
    else if (!strcmp(k, "phone") && !is_phone(s))
      bad(c, fname, "'%s' is not a phone number (digits, spaces, + - ( ))", s);
  }
  if (n == 0 && !json_object_size(v))
    bad(c, "contact", "is empty; expected at least one of web, phone, email, address");
}

/* A PTV identifier: a GUID, 8-4-4-4-12 hex digits. */
static bool is_guid(const char *s) {
  if (strlen(s) != 36) return false;
  for (int i = 0; i < 36; i++) {
    char ch = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (ch != '-') return false;
    } else if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')))
      return false;
  }
  return true;
}

/* source: where an imported entry came from, {ptv: "<GUID>"}. */
static void check_source(ctx *c, json_t *v) {
  if (!json_is_object(v) || json_object_size(v) == 0) {
    bad(c, "source", "expected an object {\"ptv\": \"<PTV service id>\"}");
    return;
  }
  const char *k;
  json_t *x;
  json_object_foreach(v, k, x) {
    if (strcmp(k, "ptv")) {
      char fname[96];
      snprintf(fname, sizeof fname, "source.%s", k);
      trim_partial_utf8(fname);
      bad(c, fname, "unknown key; expected ptv");
      continue;
    }
    const char *id = text_ok(c, "source.ptv", x);
    if (id && !is_guid(id)) bad(c, "source.ptv", "'%s' is not a PTV id (a GUID)", id);
  }
}

/* apply: {routes: [..], text: {fi, sv?, en?}, url?}. */
static void check_apply(ctx *c, json_t *v) {
  if (!json_is_object(v)) {
    bad(c, "apply", "expected an object {\"routes\": [...], \"text\": {\"fi\": \"...\"}}");
    return;
  }
  const char *k;
  json_t *x;
  json_object_foreach(v, k, x) {
    if (!in_list(k, APPLY_KEYS, N(APPLY_KEYS))) {
      char fname[96];
      snprintf(fname, sizeof fname, "apply.%s", k);
      trim_partial_utf8(fname);
      bad(c, fname, "unknown key; expected routes, text or url");
    }
  }
  size_t n = 0;
  c->prefix = "apply.";
  free(str_array(c, v, "routes", &n, VOCAB(KT__V_APPLY_ROUTE), true, true));
  kt__ml text;
  ml_text(c, v, "text", &text, false); /* the words are in `referral`; this adds to them */
  c->prefix = NULL;
  json_t *url = json_object_get(v, "url");
  const char *u = url ? text_ok(c, "apply.url", url) : NULL;
  if (u && !is_url(u)) bad(c, "apply.url", "'%s' is not an address like https://www.kela.fi", u);
}

void kt__service_free(kt__service *s) {
  if (!s) return;
  free(s->file);
  free(s->target_groups);
  free(s->languages);
  free(s->municipalities);
  free(s->delivery);
  free(s->keywords);
  free(s->json);
  if (s->root) json_decref((json_t *)s->root);
  memset(s, 0, sizeof *s);
}

int kt__service_parse(const char *file, const char *json, size_t len, kt__service *out,
                      kt__buf *errors) {
  memset(out, 0, sizeof *out);
  out->age_min = out->age_max = -1;
  ctx c = {file, errors, 0, NULL};
  size_t badoff = 0;
  if (!kt__utf8_valid(json, len, &badoff)) {
    bad(&c, "(file)", "not valid UTF-8 at byte %zu", badoff);
    return KT_ECATALOG;
  }
  json_error_t je;
  json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
  if (!root) {
    c.nerr++;
    sanitize_utf8(je.text); /* jansson quotes and cuts the input bytewise */
    if (errors)
      kt__buf_printf(errors, "%s:%d:%d: invalid JSON: %s\n", file, je.line, je.column, je.text);
    return KT_ECATALOG;
  }
  if (!json_is_object(root)) {
    bad(&c, "(file)", "expected a JSON object");
    json_decref(root);
    return KT_ECATALOG;
  }
  out->root = root;
  out->file = kt__strdup(file);

  const char *k;
  json_t *v;
  json_object_foreach(root, k, v) {
    if (!in_list(k, FIELDS, N(FIELDS))) {
      char *l = join_list(FIELDS, N(FIELDS));
      bad(&c, k, "unknown field; expected one of: %s", l ? l : "");
      free(l);
    }
  }

  v = json_object_get(root, "id");
  out->id = v ? text_ok(&c, "id", v) : NULL;
  if (!v) bad(&c, "id", "missing; expected the service id (the file name without .json)");
  if (out->id && (!*out->id || strlen(out->id) > KT_MAX_ID_BYTES)) {
    /* One limit for ids: what the API and feedback accept (KT_MAX_ID_BYTES). */
    bad(&c, "id", "is %zu bytes; an id is 1 to %d of a-z, 0-9 and '-'", strlen(out->id),
        KT_MAX_ID_BYTES);
    out->id = NULL;
  }
  if (out->id) {
    for (const char *p = out->id; *p; p++)
      if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) {
        bad(&c, "id", "'%s' may contain only a-z, 0-9 and '-'", out->id);
        out->id = NULL;
        break;
      }
  }
  if (out->id) {
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t bl = strlen(base);
    if (bl > 5 && !strcmp(base + bl - 5, ".json") &&
        (strlen(out->id) != bl - 5 || strncmp(base, out->id, bl - 5)))
      bad(&c, "id", "'%s' does not match the file name %s", out->id, base);
  }

  ml_text(&c, root, "name", &out->name, true);
  ml_text(&c, root, "summary", &out->summary, true);
  ml_text(&c, root, "description", &out->description, true);
  ml_text(&c, root, "target_description", &out->target_description, true);
  ml_text(&c, root, "requirements", &out->requirements, true);
  ml_text(&c, root, "referral", &out->referral, true);
  if (out->summary.fi) {
    int ns = count_sentences(out->summary.fi);
    if (ns < 1 || ns > 2) bad(&c, "summary.fi", "has %d sentences; expected 1-2", ns);
  }
  if (out->description.fi) {
    size_t nw = count_words(out->description.fi);
    if (nw < 80 || nw > 250) bad(&c, "description.fi", "has %zu words; expected 80-250", nw);
  }

  v = json_object_get(root, "category");
  if (!v)
    bad(&c, "category", "missing");
  else if ((out->category = text_ok(&c, "category", v)) &&
           !in_list(out->category, VOCAB(KT__V_CATEGORY))) {
    char *l = join_list(VOCAB(KT__V_CATEGORY));
    bad(&c, "category", "'%s' is not one of: %s", out->category, l ? l : "");
    free(l);
  }
  out->target_groups = str_array(&c, root, "target_groups", &out->n_target_groups,
                                 VOCAB(KT__V_TARGET_GROUP), true, true);
  out->languages = str_array(&c, root, "languages", &out->n_languages, NULL, 0, true, true);
  for (size_t i = 0; i < out->n_languages; i++)
    if (!is_lang_code(out->languages[i]))
      bad(&c, "languages", "'%s' is not an ISO 639 code like fi, sv, en", out->languages[i]);
  out->municipalities =
      str_array(&c, root, "municipalities", &out->n_municipalities, NULL, 0, true, true);
  out->delivery =
      str_array(&c, root, "delivery", &out->n_delivery, VOCAB(KT__V_DELIVERY), true, true);
  size_t nrel = 0;
  free(str_array(&c, root, "related", &nrel, NULL, 0, false, false));

  v = json_object_get(root, "age");
  if (v) {
    if (!json_is_object(v))
      bad(&c, "age", "expected an object {\"min\"?: int, \"max\"?: int}");
    else {
      json_t *age = v;
      json_object_foreach(age, k, v) {
        bool is_min = !strcmp(k, "min");
        if (!is_min && strcmp(k, "max")) {
          bad(&c, "age", "unknown key '%s'; expected min or max", k);
          continue;
        }
        if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 120) {
          bad(&c, is_min ? "age.min" : "age.max", "expected an integer 0-120");
          continue;
        }
        if (is_min)
          out->age_min = (int)json_integer_value(v);
        else
          out->age_max = (int)json_integer_value(v);
      }
      if (out->age_min >= 0 && out->age_max >= 0 && out->age_min > out->age_max)
        bad(&c, "age", "min %d is above max %d", out->age_min, out->age_max);
    }
  }
  v = json_object_get(root, "finnish_level");
  if (v && (out->finnish_level = text_ok(&c, "finnish_level", v)) &&
      !in_list(out->finnish_level, VOCAB(KT__V_FINNISH_LEVEL)))
    bad(&c, "finnish_level", "'%s' is not a CEFR level A1, A2, B1, B2, C1 or C2",
        out->finnish_level);

  v = json_object_get(root, "provider");
  if (!v || !json_is_object(v))
    bad(&c, "provider", "expected an object {\"name\": ..., \"type\": ...}");
  else {
    json_t *pn = json_object_get(v, "name"), *pt = json_object_get(v, "type");
    out->provider_name = pn ? text_ok(&c, "provider.name", pn) : NULL;
    if (!pn) bad(&c, "provider.name", "missing");
    out->provider_type = pt ? text_ok(&c, "provider.type", pt) : NULL;
    if (!pt)
      bad(&c, "provider.type", "missing");
    else if (out->provider_type && !in_list(out->provider_type, VOCAB(KT__V_PROVIDER_TYPE))) {
      char *l = join_list(VOCAB(KT__V_PROVIDER_TYPE));
      bad(&c, "provider.type", "'%s' is not one of: %s", out->provider_type, l ? l : "");
      free(l);
    }
  }
  v = json_object_get(root, "cost");
  if (!v)
    bad(&c, "cost", "missing; expected a string such as \"Maksuton.\"");
  else
    out->cost = text_ok(&c, "cost", v);
  v = json_object_get(root, "fee");
  if (v && (out->fee = text_ok(&c, "fee", v)) && !in_list(out->fee, VOCAB(KT__V_FEE))) {
    char *l = join_list(VOCAB(KT__V_FEE));
    bad(&c, "fee", "'%s' is not one of: %s", out->fee, l ? l : "");
    free(l);
  }
  v = json_object_get(root, "selko");
  if (v) check_selko(&c, v);
  v = json_object_get(root, "updated");
  if (!v)
    bad(&c, "updated", "missing; expected a date YYYY-MM-DD");
  else {
    const char *d = text_ok(&c, "updated", v);
    if (d && !is_date(d)) bad(&c, "updated", "'%s' is not a date YYYY-MM-DD", d);
  }
  v = json_object_get(root, "reviewed");
  if (v) {
    const char *d = text_ok(&c, "reviewed", v);
    if (d && !is_date(d)) bad(&c, "reviewed", "'%s' is not a date YYYY-MM-DD", d);
  }
  out->status = "active";
  v = json_object_get(root, "status");
  if (v && (out->status = text_ok(&c, "status", v)) && !in_list(out->status, VOCAB(KT__V_STATUS))) {
    char *l = join_list(VOCAB(KT__V_STATUS));
    bad(&c, "status", "'%s' is not one of: %s", out->status, l ? l : "");
    free(l);
  }
  out->ended = out->status && !strcmp(out->status, "ended");
  v = json_object_get(root, "contact");
  if (v)
    check_contact(&c, v);
  else if (!out->ended)
    bad(&c, "contact",
        "missing; a service on offer needs at least its provider's web site "
        "{\"web\": \"https://...\"}");
  v = json_object_get(root, "apply");
  if (v)
    check_apply(&c, v);
  else if (!out->ended)
    bad(&c, "apply",
        "missing; a service on offer says how to start: "
        "{\"routes\": [\"itse\"]} (routes: itse, ohjaus, lahete, hakemus)");
  v = json_object_get(root, "source");
  if (v) check_source(&c, v);
  /* An ended service may keep its historical provider; one on offer may not
   * send a client to an organisation that no longer exists. */
  const char *why = out->ended ? NULL : kt__defunct_provider(out->provider_name);
  if (why)
    bad(&c, "provider.name", "'%s' names a defunct organisation: %s", out->provider_name, why);

  /* keywords: {fi: [...], sv?: [...], en?: [...]} flattened for indexing. */
  v = json_object_get(root, "keywords");
  if (!v || !json_is_object(v) || !json_object_get(v, "fi"))
    bad(&c, "keywords", "expected an object with at least {\"fi\": [\"...\"]}");
  else {
    size_t total = 0;
    json_t *kwo = v;
    json_object_foreach(kwo, k, v) total += json_is_array(v) ? json_array_size(v) : 0;
    out->keywords = calloc(total + 1, sizeof *out->keywords);
    json_t *kw = json_object_get(root, "keywords");
    json_object_foreach(kw, k, v) {
      char fname[64];
      snprintf(fname, sizeof fname, "keywords.%s", k);
      trim_partial_utf8(fname);
      if (strcmp(k, "fi") && strcmp(k, "sv") && strcmp(k, "en")) {
        bad(&c, fname, "unknown language; expected fi, sv or en");
        continue;
      }
      size_t n = 0;
      c.prefix = "keywords.";
      const char **l = str_array(&c, kw, k, &n, NULL, 0, true, !strcmp(k, "fi"));
      c.prefix = NULL;
      for (size_t i = 0; i < n && out->keywords; i++)
        out->keywords[out->n_keywords++] = l[i];
      free(l);
    }
  }
  /* A service given in Swedish or English must be findable in it. */
  for (size_t i = 0; i < out->n_languages; i++) {
    const char *l = out->languages[i];
    if (!strcmp(l, "sv") && (!out->name.sv || !out->summary.sv))
      bad(&c, "languages", "lists sv, so name.sv and summary.sv are required");
    if (!strcmp(l, "en") && (!out->name.en || !out->summary.en))
      bad(&c, "languages", "lists en, so name.en and summary.en are required");
  }
  if (c.nerr) {
    kt__service_free(out);
    return KT_ECATALOG;
  }
  out->json = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  if (!out->json) {
    kt__service_free(out);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  return KT_OK;
}

static int cmpstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_file(const char *path, char **out, size_t *len, kt__buf *errors, size_t *nerr) {
  *out = NULL;
  /* O_NONBLOCK: a FIFO named like a service must not block the load; it is
   * refused below as not a regular file. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
  if (!f) {
    (*nerr)++;
    kt__buf_printf(errors, "%s: cannot read: %s\n", path, strerror(errno));
    if (fd >= 0) close(fd);
    return KT_EIO;
  }
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
    (*nerr)++;
    kt__buf_printf(errors, "%s: not a regular file\n", path);
    fclose(f);
    return KT_EIO;
  }
  if (st.st_size > MAX_FILE_BYTES) {
    (*nerr)++;
    kt__buf_printf(errors, "%s: file is %lld bytes; the limit is %d\n", path, (long long)st.st_size,
                   MAX_FILE_BYTES);
    fclose(f);
    return KT_ETOOBIG;
  }
  char *b = malloc((size_t)st.st_size + 1);
  if (!b) {
    fclose(f);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  size_t n = fread(b, 1, (size_t)st.st_size, f);
  bool err = ferror(f);
  fclose(f);
  if (err) {
    (*nerr)++;
    kt__buf_printf(errors, "%s: read error\n", path);
    free(b);
    return KT_EIO;
  }
  b[n] = '\0';
  *out = b;
  *len = n;
  return KT_OK;
}

static void finish_errors(kt__buf *errors, size_t nerr, const char *dir) {
  /* Keep the message readable: list the first errors, count the rest. */
  const char *p = errors->data ? errors->data : "";
  char more[64] = "";
  if (nerr > MAX_ERRORS_LISTED) {
    size_t lines = 0;
    for (size_t i = 0; p[i]; i++)
      if (p[i] == '\n' && ++lines == MAX_ERRORS_LISTED) {
        errors->data[i + 1] = '\0';
        break;
      }
    snprintf(more, sizeof more, "... and %zu more\n", nerr - MAX_ERRORS_LISTED);
  }
  kt__err(KT_ECATALOG, "catalogue %s has %zu error%s:\n%s%s", dir, nerr, nerr == 1 ? "" : "s", p,
          more);
}

/* Collect "<id>.json" names under @p dir, and one level of subfolders
 * ("tyonhaku/<id>.json"), so a service manager may group files by folder. */
static int list_json(const char *base, const char *sub, DIR *d, char ***names, size_t *nn,
                     size_t *capp, int depth) {
  size_t cap = *capp;
  struct dirent *e;
  int rc = KT_OK;
  while (!rc && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    size_t l = strlen(e->d_name);
    char *rel = sub ? kt__path_join(sub, e->d_name) : strdup(e->d_name);
    if (!rel) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    if (l > 5 && !strcmp(e->d_name + l - 5, ".json")) {
      if (*nn == MAX_SERVICES) {
        free(rel);
        return KT_ETOOBIG;
      }
      if (*nn == cap) {
        cap = cap ? cap * 2 : 256;
        char **p = realloc(*names, cap * sizeof *p);
        if (!p) {
          free(rel);
          return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
        }
        *names = p;
        *capp = cap;
      }
      (*names)[(*nn)++] = rel;
      continue;
    }
    if (depth == 0) {
      char *full = kt__path_join(base, rel);
      struct stat st;
      DIR *sd = NULL;
      /* A subfolder that cannot be read would drop its services silently. */
      if (!full)
        rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      else if (stat(full, &st) != 0) {
        if (errno != ENOENT)
          rc = kt__err(KT_EIO, "cannot read catalogue entry %s: %s", full, strerror(errno));
      } else if (S_ISDIR(st.st_mode) && !(sd = opendir(full)))
        rc = kt__err(KT_EIO, "cannot open catalogue folder %s: %s", full, strerror(errno));
      if (sd) {
        rc = list_json(base, rel, sd, names, nn, capp, 1);
        cap = *capp;
        closedir(sd);
      }
      free(full);
    }
    free(rel);
  }
  return rc;
}

/* What pass 1 keeps of a service: its id, file and related ids. */
typedef struct svc_ref {
  char *id, *file;
  char **related;
  size_t nrelated;
} svc_ref;

static int cmpref(const void *a, const void *b) {
  return strcmp(((const svc_ref *)a)->id, ((const svc_ref *)b)->id);
}

static void refs_free(svc_ref *refs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(refs[i].id);
    free(refs[i].file);
    for (size_t k = 0; k < refs[i].nrelated; k++)
      free(refs[i].related[k]);
    free(refs[i].related);
  }
  free(refs);
}

static int ref_of(const kt__service *s, svc_ref *r) {
  memset(r, 0, sizeof *r);
  json_t *rel = json_object_get((json_t *)s->root, "related");
  r->id = kt__strdup(s->id);
  r->file = kt__strdup(s->file);
  r->related = calloc(json_array_size(rel) + 1, sizeof *r->related);
  if (!r->id || !r->file || !r->related) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  size_t k;
  json_t *v;
  json_array_foreach(rel, k, v) {
    if (!(r->related[r->nrelated] = kt__strdup(json_string_value(v))))
      return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    r->nrelated++;
  }
  return KT_OK;
}

/* Read and parse one file; errors go to @p errors (counted in @p nerr). */
static int load_one(const char *sdir, const char *name, kt__service *s, size_t *bytes,
                    kt__buf *errors, size_t *nerr) {
  char *path = kt__path_join(sdir, name);
  if (!path) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  char *buf = NULL;
  size_t len = 0;
  int r = read_file(path, &buf, &len, errors, nerr);
  if (!r) {
    size_t before = errors->len, lines = 0;
    r = kt__service_parse(path, buf, len, s, errors);
    if (r != KT_OK && r != KT_ENOMEM) {
      for (size_t k = before; k < errors->len; k++)
        lines += errors->data[k] == '\n';
      /* Once the message buffer is full nothing more is written to it, but
       * the file is still wrong: it counts (at least once). */
      *nerr += lines ? lines : 1;
    }
    if (bytes) *bytes += len;
  }
  free(buf);
  free(path);
  return r;
}

/* The catalogue's service files under @p dir/services, sorted: *sdir_out
 * (the folder) and *names_out (relative paths), both the caller's to free
 * (names_free). The message names the folder on failure. */
static void names_free(char **names, size_t nn) {
  for (size_t i = 0; i < nn; i++)
    free(names[i]);
  free(names);
}

static int list_services(const char *dir, char **sdir_out, char ***names_out, size_t *nn_out) {
  *sdir_out = NULL;
  *names_out = NULL;
  *nn_out = 0;
  char *sdir = kt__path_join(dir, "services");
  if (!sdir) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  DIR *d = opendir(sdir);
  if (!d) {
    int e = errno;
    int rc = kt__err(KT_EIO, "cannot open catalogue folder %s: %s", sdir, strerror(e));
    free(sdir);
    return rc;
  }
  char **names = NULL;
  size_t nn = 0, cap = 0;
  int rc = list_json(sdir, NULL, d, &names, &nn, &cap, 0);
  closedir(d);
  if (rc) {
    names_free(names, nn);
    rc = rc == KT_ETOOBIG
             ? kt__err(rc, "catalogue %s has more than %d services", sdir, MAX_SERVICES)
         : rc == KT_ENOMEM ? kt__err(rc, "out of memory listing %s", sdir)
                           : rc; /* KT_EIO, message set */
    free(sdir);
    return rc;
  }
  if (nn) qsort(names, nn, sizeof *names, cmpstr); /* names is NULL when there are none */
  *sdir_out = sdir;
  *names_out = names;
  *nn_out = nn;
  return KT_OK;
}

int kt__catalog_bytes(const char *dir, size_t *bytes) {
  *bytes = 0;
  char *sdir, **names;
  size_t nn;
  int rc = list_services(dir, &sdir, &names, &nn);
  if (rc) return rc;
  for (size_t i = 0; i < nn; i++) {
    char *path = kt__path_join(sdir, names[i]);
    struct stat st;
    if (path && stat(path, &st) == 0) *bytes += (size_t)st.st_size;
    free(path);
  }
  names_free(names, nn);
  free(sdir);
  return KT_OK;
}

int kt__catalog_scan(const char *dir, kt__service_fn fn, void *ud, kt__scan_stats *stats) {
  if (stats) memset(stats, 0, sizeof *stats);
  if (!dir) return kt__err(KT_EINVAL, "catalogue directory is NULL");
  char *sdir, **names;
  size_t nn;
  int rc = list_services(dir, &sdir, &names, &nn);
  if (rc) return rc;

  /* One pass: validate every file, keeping only ids and related ids, so a
   * catalogue of any size is checked in the memory of one service; while
   * every file so far is valid, hand each service to @p fn (the indexer),
   * so a build parses each file once. The first invalid file stops the
   * handing, not the checking: every error is reported, and the caller
   * discards what @p fn built (kt_index_build publishes nothing). */
  kt__buf errors;
  kt__buf_init(&errors, 1 << 20);
  size_t nerr = 0, nrefs = 0, bytes = 0;
  svc_ref *refs = calloc(nn ? nn : 1, sizeof *refs);
  if (!refs) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t i = 0; i < nn && !rc; i++) {
    kt__service s;
    int r = load_one(sdir, names[i], &s, &bytes, &errors, &nerr);
    if (r == KT_ENOMEM) rc = r;
    if (r == KT_OK) {
      rc = ref_of(&s, &refs[nrefs++]);
      if (!rc && fn && nerr == 0) rc = fn(&s, i, nn, ud);
      kt__service_free(&s);
    }
  }
  if (!rc && nn == 0) {
    nerr++;
    kt__buf_printf(&errors, "%s: no <id>.json service files\n", sdir);
  }
  if (!rc) {
    qsort(refs, nrefs, sizeof *refs, cmpref);
    for (size_t i = 1; i < nrefs; i++)
      if (!strcmp(refs[i].id, refs[i - 1].id)) {
        nerr++;
        kt__buf_printf(&errors, "%s: field 'id': duplicate id '%s' (also in %s)\n", refs[i].file,
                       refs[i].id, refs[i - 1].file);
      }
    /* Every related id must exist. */
    for (size_t i = 0; i < nrefs; i++)
      for (size_t k = 0; k < refs[i].nrelated; k++) {
        svc_ref key = {.id = refs[i].related[k]};
        if (!bsearch(&key, refs, nrefs, sizeof key, cmpref)) {
          nerr++;
          kt__buf_printf(&errors, "%s: field 'related[%zu]': no service with id '%s'\n",
                         refs[i].file, k, key.id);
        }
      }
  }
  refs_free(refs, nrefs);
  if (!rc && nerr) {
    finish_errors(&errors, nerr, dir);
    rc = KT_ECATALOG;
  }
  if (rc == KT_ENOMEM) kt__err(KT_ENOMEM, "out of memory loading %s", sdir);
  if (!rc && stats) {
    stats->services = nn;
    stats->bytes = bytes;
  }
  names_free(names, nn);
  kt__buf_free(&errors);
  free(sdir);
  return rc;
}

/* ---- learned priors ------------------------------------------------------ */

#define MAX_PRIOR_LINE 256

static bool all_digits_n(const char *s, size_t n) {
  if (n == 0 || n > 9) return false;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

static int cmpstr_p(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The thesaurus's concept ids, sorted, for checking concept_prior.tsv; none
 * when there is no thesaurus. */
static int list_concepts(const char *dir, char ***out, size_t *nout) {
  char *tdir = kt__path_join(dir, "thesaurus");
  if (!tdir) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  int rc = kt__thesaurus_ids(tdir, out, nout);
  free(tdir);
  return rc;
}

/* A line's key ("id" or "concept<TAB>id") and where it stood, for the check
 * that no key is listed twice. */
typedef struct prior_key {
  char *key;
  size_t line;
} prior_key;

static int cmp_prior_key(const void *a, const void *b) {
  const prior_key *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Read one learned-prior file, @p rel under @p dir: lines "id<TAB>useful<TAB>seen",
 * or with @p by_concept "concept<TAB>id<TAB>useful<TAB>seen". Every line is
 * checked before any is handed to @p fn / @p cfn. */
static int read_priors(const char *dir, const char *rel, bool by_concept, kt__prior_fn fn,
                       kt__concept_prior_fn cfn, void *ud, size_t *n) {
  *n = 0;
  char *path = kt__path_join(dir, rel);
  if (!path) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  FILE *f = fopen(path, "r");
  if (!f) {
    int rc = errno == ENOENT ? KT_OK : kt__err(KT_EIO, "cannot read %s: %s", path, strerror(errno));
    free(path);
    return rc;
  }
  /* The service ids, from the file names, sorted for lookup. */
  char *sdir = NULL, **names = NULL, **concepts = NULL;
  size_t nn = 0, nconcepts = 0;
  int rc = list_services(dir, &sdir, &names, &nn);
  free(sdir);
  if (!rc && by_concept) rc = list_concepts(dir, &concepts, &nconcepts);
  if (rc) {
    names_free(names, nn);
    fclose(f);
    free(path);
    return rc;
  }
  for (size_t i = 0; i < nn; i++) {
    char *slash = strrchr(names[i], '/'), *base = slash ? slash + 1 : names[i];
    memmove(names[i], base, strlen(base) + 1);
    names[i][strlen(names[i]) - 5] = '\0'; /* ".json" */
  }
  qsort(names, nn, sizeof *names, cmpstr_p);
  prior_key *keys = NULL;
  size_t nkeys = 0, capkeys = 0;
  kt__buf errors;
  kt__buf_init(&errors, 1 << 16);
  size_t nerr = 0, lineno = 0;
  char line[MAX_PRIOR_LINE + 2];
  const char *fields = by_concept ? "expected four tab-separated fields: concept id, service id, "
                                    "useful, seen"
                                  : "expected three tab-separated fields: service id, useful, seen";
  /* Two passes: check every line, then hand them on only if all are good. */
  for (int pass = 0; pass < 2 && !rc && (pass == 0 || nerr == 0); pass++) {
    rewind(f);
    lineno = 0;
    while (!rc && fgets(line, sizeof line, f)) {
      lineno++;
      size_t len = strlen(line);
      if (len > MAX_PRIOR_LINE) {
        if (!pass && nerr++ < MAX_ERRORS_LISTED)
          kt__buf_printf(&errors, "%s:%zu: line longer than %d bytes\n", path, lineno,
                         MAX_PRIOR_LINE);
        int c;
        while ((c = fgetc(f)) != EOF && c != '\n') {
        }
        continue;
      }
      while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if (!len || line[0] == '#') continue;
      /* The key's fields, then useful and seen. */
      char *concept = NULL, *id = line, *t1 = strchr(line, '\t');
      if (by_concept && t1) {
        concept = line;
        *t1 = '\0';
        id = t1 + 1;
        t1 = strchr(id, '\t');
      }
      char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
      const char *why = NULL;
      if (!t1 || !t2 || strchr(t2 + 1, '\t'))
        why = fields;
      else if (!all_digits_n(t1 + 1, (size_t)(t2 - t1 - 1)) ||
               !all_digits_n(t2 + 1, strlen(t2 + 1)))
        why = "useful and seen must be whole numbers of 1 to 9 digits";
      if (why) {
        if (!pass && nerr++ < MAX_ERRORS_LISTED)
          kt__buf_printf(&errors, "%s:%zu: %s\n", path, lineno, why);
        continue;
      }
      *t1 = *t2 = '\0';
      unsigned useful = (unsigned)strtoul(t1 + 1, NULL, 10),
               seen = (unsigned)strtoul(t2 + 1, NULL, 10);
      const char *cp = concept;
      if (useful > seen)
        why = "useful is more than seen";
      else if (!bsearch(&id, names, nn, sizeof *names, cmpstr_p))
        why = "no service has this id";
      else if (concept && !bsearch(&cp, concepts, nconcepts, sizeof *concepts, cmpstr_p))
        why = "no thesaurus concept has this id";
      if (!why && pass == 0) {
        if (nkeys == capkeys) {
          prior_key *m = realloc(keys, (capkeys = capkeys ? 2 * capkeys : 512) * sizeof *keys);
          if (!m) {
            rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
            break;
          }
          keys = m;
        }
        size_t kl = strlen(id) + (concept ? strlen(concept) + 1 : 0) + 1;
        char *k = malloc(kl);
        if (k) snprintf(k, kl, "%s%s%s", concept ? concept : "", concept ? "\t" : "", id);
        if (!k) {
          rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
          break;
        }
        keys[nkeys++] = (prior_key){k, lineno};
      }
      if (!why && pass == 1) {
        if (cfn)
          rc = cfn(concept, id, useful, seen, ud);
        else if (fn)
          rc = fn(id, useful, seen, ud);
        if (!rc) (*n)++;
      }
      if (why && !pass && nerr++ < MAX_ERRORS_LISTED)
        kt__buf_printf(&errors, "%s:%zu: %s%s%s: %s\n", path, lineno, concept ? concept : "",
                       concept ? " " : "", id, why);
    }
    if (!rc && ferror(f)) rc = kt__err(KT_EIO, "cannot read %s: %s", path, strerror(errno));
    /* A key listed twice, named at its later line. */
    if (!rc && pass == 0 && nkeys > 1) {
      qsort(keys, nkeys, sizeof *keys, cmp_prior_key);
      for (size_t k = 1; k < nkeys; k++)
        if (!strcmp(keys[k].key, keys[k - 1].key) && nerr++ < MAX_ERRORS_LISTED)
          kt__buf_printf(&errors, "%s:%zu: %s: %s listed twice (first at line %zu)\n", path,
                         keys[k].line, keys[k].key, by_concept ? "the pair is" : "the service is",
                         keys[k - 1].line);
    }
  }
  if (!rc && nerr)
    rc = kt__err(KT_ECATALOG, "learned priors %s have %zu error%s:\n%s", path, nerr,
                 nerr == 1 ? "" : "s", errors.data ? errors.data : "");
  for (size_t k = 0; k < nkeys; k++)
    free(keys[k].key);
  free(keys);
  kt__buf_free(&errors);
  names_free(names, nn);
  names_free(concepts, nconcepts);
  fclose(f);
  free(path);
  return rc;
}

int kt__catalog_priors(const char *dir, kt__prior_fn fn, void *ud, size_t *n) {
  return read_priors(dir, "learned/prior.tsv", false, fn, NULL, ud, n);
}

int kt__catalog_concept_priors(const char *dir, kt__concept_prior_fn fn, void *ud, size_t *n) {
  return read_priors(dir, "learned/concept_prior.tsv", true, NULL, fn, ud, n);
}

int kt__catalog_concept_useful(const char *dir, kt__concept_prior_fn fn, void *ud, size_t *n) {
  return read_priors(dir, "learned/concept_useful.tsv", true, NULL, fn, ud, n);
}

int kt_catalog_validate(const char *catalog_dir, size_t *count) {
  kt__err_clear();
  kt__scan_stats st;
  int rc = kt__catalog_scan(catalog_dir, NULL, NULL, &st);
  if (count) *count = 0;
  if (rc) return rc;
  /* The thesaurus is part of the catalogue: check it the way a build does. */
  kt_analyzer *an = NULL;
  char *tdir = kt__path_join(catalog_dir, "thesaurus");
  if (!tdir) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  if (!(rc = kt_analyzer_open(&an))) {
    kt__analyzer_set_fix_umlauts(an, false);
    rc = kt__thesaurus_compile(an, tdir, "/dev/null", NULL);
  }
  kt_analyzer_close(an);
  free(tdir);
  size_t np = 0;
  if (!rc) rc = kt__catalog_priors(catalog_dir, NULL, NULL, &np);
  if (!rc) rc = kt__catalog_concept_priors(catalog_dir, NULL, NULL, &np);
  if (!rc) rc = kt__catalog_concept_useful(catalog_dir, NULL, NULL, &np);
  if (!rc && count) *count = st.services;
  return rc;
}

int kt_service_check(const char *json, size_t len, const char *name) {
  kt__err_clear();
  if (!json || !name) return kt__err(KT_EINVAL, "kt_service_check: NULL argument");
  kt__buf errors;
  kt__buf_init(&errors, 1 << 20);
  kt__service s;
  int rc = kt__service_parse(name, json, len, &s, &errors);
  if (rc == KT_OK)
    kt__service_free(&s);
  else if (rc == KT_ENOMEM)
    kt__err(rc, "out of memory checking %s", name);
  else {
    if (errors.len && errors.data[errors.len - 1] == '\n') errors.data[--errors.len] = '\0';
    kt__err(rc, "%s", errors.data ? errors.data : name);
  }
  kt__buf_free(&errors);
  return rc;
}
