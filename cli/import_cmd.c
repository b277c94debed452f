/*
 * import_cmd.c — `kohtaanto import ptv [--catalog DIR] [--dry-run] FILE...`:
 * turns service descriptions from Suomi.fi Palvelutietovaranto (PTV, the
 * national registry of public services) into catalogue entries
 * DIR/services/<id>.json, and says what it could not map.
 *
 * Input is JSON in the shape of PTV's open API service model (V11,
 * vrk-kpa/ptv-releases: V11VmOpenApiService): one service, an array of
 * services, or a page of a list endpoint ({"itemList": [...]}). Mapping (the
 * tables below; catalog/README.md "Importing from PTV" explains it):
 *   serviceNames (type Name) -> name; AlternateName -> keywords
 *   serviceDescriptions by type: Summary/ShortDescription -> summary,
 *     Description -> description, UserInstruction/ServiceUserInstruction ->
 *     referral, ChargeTypeAdditionalInfo -> cost
 *   requirements -> requirements; languages -> languages; keywords and
 *     ontology term names -> keywords; serviceChargeType -> cost (and fee when
 *     Free or Charged)
 *   targetGroups -> target_groups, serviceClasses (then ontology terms, then
 *     the name) -> category, areas / areaType -> municipalities,
 *     organizations (Responsible first) -> provider, id -> source.ptv
 * What PTV keeps elsewhere (channels hold contact details and delivery) is
 * filled with stated assumptions, listed per service under "assumed:". Each
 * entry is checked with kt_service_check() before it is written; one that
 * fails is not written, and its problems are printed.
 */
#define _GNU_SOURCE
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_INPUT_BYTES (64u << 20) /* one PTV export file */
#define MAX_KEYWORDS 40
#define MAX_ID_BYTES 60
#define DESC_MIN_WORDS 80 /* the catalogue's limits for description.fi */
#define DESC_MAX_WORDS 250
#define NOTES_CAP 8192

/* A fragment of a PTV Finnish name (case-insensitive for ASCII) and what it
 * maps to. First match wins, so specific fragments come first. */
typedef struct map_row {
  const char *fragment, *value;
} map_row;

/* PTV target groups (Finto PTVL "KR" codes) -> catalogue target groups. */
static const map_row TARGET_GROUPS[] = {{"maahanmuut", "maahanmuuttajat"},
                                        {"nuor", "nuoret"},
                                        {"ikääntyn", "ikaantyneet"},
                                        {"ikäihmi", "ikaantyneet"},
                                        {"senior", "ikaantyneet"},
                                        {"vamma", "vammaiset"},
                                        {"toimintarajoit", "vammaiset"},
                                        {"opiskel", "opiskelijat"},
                                        {"lapsiperhe", "vanhemmat"},
                                        {"perhe", "vanhemmat"},
                                        {"yrityksen perust", "yrittajiksi_aikovat"},
                                        {"yrittäj", "yrittajiksi_aikovat"},
                                        {"työnantaj", "tyonantajat"},
                                        {"yritykset", "tyonantajat"},
                                        {"työttöm", "kaikki"},
                                        {"työnhakij", "kaikki"},
                                        {"kansalai", "kaikki"}};
/* Target group codes, used when a group has no Finnish name. */
static const map_row TARGET_CODES[] = {{"KR1", "kaikki"}, {"KR2", "tyonantajat"}};

/* PTV service classes and ontology terms -> catalogue categories. */
static const map_row CATEGORIES[] = {{"maahanmuut", "kotoutuminen"},
                                     {"kotoutu", "kotoutuminen"},
                                     {"kuntoutu", "tyokyky"},
                                     {"työkyky", "tyokyky"},
                                     {"mielenterv", "tyokyky"},
                                     {"päihde", "tyokyky"},
                                     {"terveys", "tyokyky"},
                                     {"nuorisotyö", "nuoret"},
                                     {"nuor", "nuoret"},
                                     {"yrittäj", "yrittajyys"},
                                     {"yrityksen perust", "yrittajyys"},
                                     {"rekrytoin", "tyonantajat"},
                                     {"työnantaj", "tyonantajat"},
                                     {"asumi", "talous_asuminen"},
                                     {"asunno", "talous_asuminen"},
                                     {"toimeentulo", "talous_asuminen"},
                                     {"velka", "talous_asuminen"},
                                     {"talous", "talous_asuminen"},
                                     {"sosiaaliturva", "talous_asuminen"},
                                     {"etuu", "talous_asuminen"},
                                     {"työnhaku", "tyonhaku"},
                                     {"työpaik", "tyonhaku"},
                                     {"työttöm", "tyonhaku"},
                                     {"työllisty", "tuettu_tyo"},
                                     {"koulutu", "koulutus"},
                                     {"opiskel", "koulutus"},
                                     {"opetus", "koulutus"},
                                     {"vapaa-aika", "arki_osallisuus"},
                                     {"kulttuuri", "arki_osallisuus"},
                                     {"liikunta", "arki_osallisuus"},
                                     {"järjestö", "arki_osallisuus"},
                                     {"osallisuus", "arki_osallisuus"},
                                     {"neuvonta", "ohjaus"},
                                     {"ohjaus", "ohjaus"}};

/* Provider organisation name -> provider type. */
static const map_row PROVIDER_TYPES[] = {{"hyvinvointialue", "hyvinvointialue"},
                                         {"kansaneläkelaitos", "kela"},
                                         {"kela", "kela"},
                                         {"seurakun", "seurakunta"},
                                         {"kaupunki", "kaupunki"},
                                         {"kunta", "kaupunki"},
                                         {"yliopisto", "oppilaitos"},
                                         {"korkeakoulu", "oppilaitos"},
                                         {"opisto", "oppilaitos"},
                                         {"koulu", "oppilaitos"},
                                         {" ry", "jarjesto"},
                                         {"säätiö", "jarjesto"},
                                         {"liitto", "jarjesto"},
                                         {" oyj", "yritys"},
                                         {" oy", "yritys"}};

/* Words of the service's own text -> delivery (PTV keeps channels apart). */
static const map_row DELIVERY[] = {{"verkossa", "verkko"},
                                   {"verkkoasioin", "verkko"},
                                   {"sähköise", "verkko"},
                                   {"puhelinneuvon", "puhelin"},
                                   {"puhelinpalvel", "puhelin"},
                                   {"puhelimessa", "puhelin"},
                                   {"etänä", "etä"},
                                   {"videoyhte", "etä"},
                                   {"toimipiste", "kasvokkain"},
                                   {"palvelupiste", "kasvokkain"},
                                   {"paikan päällä", "kasvokkain"},
                                   {"vastaanot", "kasvokkain"}};

/* Words of the user instruction -> apply routes. */
static const map_row ROUTES[] = {
    {"lähete", "lahete"},  {"hakemu", "hakemus"},    {"haetaan", "hakemus"}, {"hae ", "hakemus"},
    {"ohjaa", "ohjaus"},   {"ota yhteyttä", "itse"}, {"varaa", "itse"},      {"soita", "itse"},
    {"ilmoittau", "itse"}, {"tule ", "itse"}};

/* Top-level keys of a PTV service this importer reads; any other key with a
 * value is reported as not imported. */
static const char *const HANDLED[] = {"id",
                                      "type",
                                      "serviceChargeType",
                                      "serviceNames",
                                      "serviceDescriptions",
                                      "languages",
                                      "keywords",
                                      "serviceCoverageType",
                                      "areaType",
                                      "areas",
                                      "requirements",
                                      "publishingStatus",
                                      "serviceClasses",
                                      "ontologyTerms",
                                      "targetGroups",
                                      "organizations",
                                      "modified"};

#define N(a) (sizeof(a) / sizeof *(a))

/* What happened to one service, printed after it. */
typedef struct notes {
  char mapped[NOTES_CAP], unmapped[NOTES_CAP], assumed[NOTES_CAP];
} notes;

__attribute__((format(printf, 2, 3))) static void note(char *list, const char *fmt, ...) {
  size_t len = strlen(list);
  if (len + 4 >= NOTES_CAP) return;
  if (len) {
    strcpy(list + len, "; ");
    len += 2;
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(list + len, NOTES_CAP - len, fmt, ap);
  va_end(ap);
}

/* ---- reading PTV's shapes -------------------------------------------------- */

/* The value of the item of @p arr ([{language, value, type?}]) in @p lang
 * and, if @p type is given, of that type; NULL if none. */
static const char *ptv_text(json_t *arr, const char *lang, const char *type) {
  size_t i;
  json_t *it;
  json_array_foreach(arr, i, it) {
    const char *l = json_string_value(json_object_get(it, "language"));
    const char *t = json_string_value(json_object_get(it, "type"));
    const char *v = json_string_value(json_object_get(it, "value"));
    if (l && v && *v && !strcmp(l, lang) && (!type || (t && !strcmp(t, type)))) return v;
  }
  return NULL;
}

/* A description of one of two type names (PTV's open API and its database
 * spell some differently: Summary / ShortDescription). */
static const char *ptv_desc(json_t *descs, const char *lang, const char *type, const char *alt) {
  const char *v = ptv_text(descs, lang, type);
  return v ? v : alt ? ptv_text(descs, lang, alt) : NULL;
}

/* Finnish (else any) name of a Finto item {name: [{language, value}], code}. */
static const char *finto_name(json_t *item) {
  json_t *name = json_object_get(item, "name");
  if (json_is_string(name)) return json_string_value(name);
  const char *v = ptv_text(name, "fi", NULL);
  if (!v && json_array_size(name))
    v = json_string_value(json_object_get(json_array_get(name, 0), "value"));
  return v;
}

static const char *map_lookup(const map_row *rows, size_t n, const char *text) {
  if (!text) return NULL;
  for (size_t i = 0; i < n; i++)
    if (strcasestr(text, rows[i].fragment)) return rows[i].value;
  return NULL;
}

static bool array_has(json_t *arr, const char *s) {
  size_t i;
  json_t *v;
  json_array_foreach(arr, i, v) if (!strcmp(json_string_value(v), s)) return true;
  return false;
}

static void add_unique(json_t *arr, const char *s, size_t cap) {
  if (s && *s && json_array_size(arr) < cap && !array_has(arr, s))
    json_array_append_new(arr, json_string(s));
}

/* ---- text shaping ------------------------------------------------------------ */

static size_t count_words(const char *s) {
  size_t n = 0;
  bool in = false;
  for (; *s; s++) {
    bool sp = isspace((unsigned char)*s);
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

/* Byte offset just after sentence end number @p k (1-based) of @p s, or 0. */
static size_t sentence_end(const char *s, int k) {
  int n = 0;
  for (size_t i = 0; s[i]; i++)
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
        (s[i + 1] == '\0' || isspace((unsigned char)s[i + 1])) && ++n == k)
      return i + 1;
  return 0;
}

/* At most @p max words of @p s, cut after the last whole sentence that fits
 * (or after @p max words when no sentence does). Caller frees. */
static char *cut_words(const char *s, size_t max) {
  size_t words = 0, last_sentence = 0, end = strlen(s);
  bool in = false;
  for (size_t i = 0; s[i]; i++) {
    bool sp = isspace((unsigned char)s[i]);
    if (!sp && !in && ++words > max) {
      end = last_sentence ? last_sentence : i;
      break;
    }
    in = !sp;
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
        (s[i + 1] == '\0' || isspace((unsigned char)s[i + 1])))
      last_sentence = i + 1;
  }
  while (end > 0 && isspace((unsigned char)s[end - 1]))
    end--;
  return strndup(s, end);
}

/* The id a Finnish name gives: a-z, 0-9 and '-', with ä, ö, å, é folded. */
static void slug(const char *name, char *out, size_t cap) {
  static const struct {
    const char *utf8, *ascii;
  } fold[] = {{"ä", "a"}, {"Ä", "a"}, {"ö", "o"}, {"Ö", "o"}, {"å", "a"},
              {"Å", "a"}, {"é", "e"}, {"É", "e"}, {"ü", "u"}, {"Ü", "u"}};
  size_t o = 0;
  bool dash = true; /* no leading dash */
  for (const char *p = name; *p && o + 1 < cap;) {
    unsigned char c = (unsigned char)*p;
    const char *a = NULL;
    size_t adv = 1;
    if (c < 0x80) {
      if (isalnum(c)) {
        out[o++] = (char)tolower(c);
        dash = false;
      } else if (!dash) {
        out[o++] = '-';
        dash = true;
      }
      p++;
      continue;
    }
    for (size_t i = 0; i < N(fold); i++)
      if (!strncmp(p, fold[i].utf8, strlen(fold[i].utf8))) {
        a = fold[i].ascii;
        adv = strlen(fold[i].utf8);
      }
    if (!a) /* another non-ASCII character: skip its bytes */
      while (p[adv] && ((unsigned char)p[adv] & 0xC0) == 0x80)
        adv++;
    if (a) {
      out[o++] = *a;
      dash = false;
    } else if (!dash) {
      out[o++] = '-';
      dash = true;
    }
    p += adv;
  }
  while (o > 0 && out[o - 1] == '-')
    o--;
  out[o] = '\0';
}

/* ---- one service ----------------------------------------------------------- */

typedef struct import_ctx {
  const char *catalog;
  bool dry_run;
  size_t written, skipped;
  json_t *ids; /* ids written in this run -> their PTV id ("" if none) */
} import_ctx;

static json_t *ml(const char *fi, const char *sv, const char *en) {
  json_t *o = json_object();
  json_object_set_new(o, "fi", json_string(fi));
  if (sv) json_object_set_new(o, "sv", json_string(sv));
  if (en) json_object_set_new(o, "en", json_string(en));
  return o;
}

/* The PTV id stored in an existing entry, or NULL (caller frees). */
static char *existing_source(const char *path) {
  json_t *j = json_load_file(path, 0, NULL);
  const char *v = json_string_value(json_object_get(json_object_get(j, "source"), "ptv"));
  char *r = v ? strdup(v) : NULL;
  json_decref(j);
  return r;
}

/* Pick the file id: the name's slug; another service's file of that id is
 * never overwritten (a number is added), the same PTV service's is updated. */
static void choose_id(import_ctx *c, const char *base, const char *ptv_id, char *out, size_t cap) {
  for (int n = 1; n < 1000; n++) {
    if (n == 1)
      snprintf(out, cap, "%s", base);
    else
      snprintf(out, cap, "%.*s-%d", MAX_ID_BYTES, base, n);
    /* Taken in this run: by the same PTV service (given twice) or another. */
    json_t *taken = json_object_get(c->ids, out);
    if (taken) {
      if (ptv_id && !strcmp(json_string_value(taken), ptv_id)) return;
      continue;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/services/%s.json", c->catalog, out);
    struct stat st;
    if (stat(path, &st) != 0) return;
    char *src = existing_source(path);
    bool same = src && ptv_id && !strcmp(src, ptv_id);
    free(src);
    if (same) return;
  }
}

static const char *today(char *buf, size_t cap) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, cap, "%Y-%m-%d", &tm);
  return buf;
}

/* Build the catalogue entry of PTV service @p s; NULL when it cannot be one
 * (the reason in @p why). */
static json_t *map_service(json_t *s, notes *nt, char *why, size_t why_cap, char *id_out,
                           size_t id_cap, import_ctx *c) {
  const char *ptv_id = json_string_value(json_object_get(s, "id"));
  json_t *names = json_object_get(s, "serviceNames");
  json_t *descs = json_object_get(s, "serviceDescriptions");
  const char *status = json_string_value(json_object_get(s, "publishingStatus"));
  if (!json_is_array(names)) {
    snprintf(why, why_cap, "%s",
             json_object_get(s, "name")
                 ? "only an id and a name (a list page without details): fetch the service "
                   "itself (/api/v11/Service/{id}) and import that"
                 : "not a PTV service: no serviceNames");
    return NULL;
  }
  if (status && strcmp(status, "Published")) {
    snprintf(why, why_cap, "publishingStatus is %s, not Published", status);
    return NULL;
  }
  const char *name_fi = ptv_text(names, "fi", "Name");
  if (!name_fi) {
    snprintf(why, why_cap, "no Finnish name (serviceNames, type Name, language fi)");
    return NULL;
  }
  char base[MAX_ID_BYTES + 1];
  slug(name_fi, base, sizeof base);
  if (!*base) snprintf(base, sizeof base, "ptv-%.8s", ptv_id ? ptv_id : "palvelu");
  choose_id(c, base, ptv_id, id_out, id_cap);

  json_t *e = json_object();
  json_object_set_new(e, "id", json_string(id_out));
  json_object_set_new(e, "name",
                      ml(name_fi, ptv_text(names, "sv", "Name"), ptv_text(names, "en", "Name")));

  /* Summary: PTV's short description (1-2 sentences in the catalogue). */
  const char *sum[3], *desc[3], *langs[3] = {"fi", "sv", "en"};
  char *own[6] = {0};
  for (int l = 0; l < 3; l++) {
    sum[l] = ptv_desc(descs, langs[l], "Summary", "ShortDescription");
    desc[l] = ptv_desc(descs, langs[l], "Description", NULL);
    if (sum[l] && sentence_end(sum[l], 2) && sentence_end(sum[l], 2) < strlen(sum[l]) &&
        sentence_end(sum[l] + sentence_end(sum[l], 2), 1)) {
      own[l] = strndup(sum[l], sentence_end(sum[l], 2));
      sum[l] = own[l];
      note(nt->assumed, "summary.%s cut to its first two sentences", langs[l]);
    }
  }
  if (!sum[0] && desc[0]) {
    size_t end = sentence_end(desc[0], 1);
    own[0] = end ? strndup(desc[0], end) : strdup(desc[0]);
    sum[0] = own[0];
    note(nt->assumed, "summary.fi is the description's first sentence (no Summary)");
  }
  if (sum[0]) json_object_set_new(e, "summary", ml(sum[0], sum[1], sum[2]));

  /* Description: PTV's description; a short one is completed with the
   * user instruction, a long one cut at a sentence within the limit. */
  const char *instr = ptv_desc(descs, "fi", "UserInstruction", "ServiceUserInstruction");
  if (desc[0]) {
    char *d = strdup(desc[0]);
    size_t nw = count_words(d);
    if (nw < DESC_MIN_WORDS && instr) {
      char *joined = NULL;
      if (asprintf(&joined, "%s\n\n%s", d, instr) > 0) {
        free(d);
        d = joined;
        note(nt->assumed, "description.fi completed with the user instruction (%zu words alone)",
             nw);
      }
    }
    if (count_words(d) > DESC_MAX_WORDS) {
      char *cut = cut_words(d, DESC_MAX_WORDS);
      note(nt->assumed, "description.fi cut from %zu to %zu words", count_words(d),
           count_words(cut));
      free(d);
      d = cut;
    }
    own[3] = d;
    json_t *dj = ml(d, NULL, NULL);
    for (int l = 1; l < 3; l++)
      if (desc[l] && count_words(desc[l]) <= DESC_MAX_WORDS * 2)
        json_object_set_new(dj, langs[l], json_string(desc[l]));
    json_object_set_new(e, "description", dj);
  }

  /* Target groups. */
  json_t *groups = json_array(), *tgs = json_object_get(s, "targetGroups");
  size_t i;
  json_t *it;
  char tgtext[1024] = "";
  json_array_foreach(tgs, i, it) {
    const char *nm = finto_name(it), *code = json_string_value(json_object_get(it, "code"));
    const char *g = map_lookup(TARGET_GROUPS, N(TARGET_GROUPS), nm);
    if (!g && code)
      for (size_t k = 0; k < N(TARGET_CODES); k++)
        if (!strcmp(code, TARGET_CODES[k].fragment)) g = TARGET_CODES[k].value;
    if (g) {
      add_unique(groups, g, 17);
      note(nt->mapped, "target group '%s' -> %s", nm ? nm : code, g);
      if (nm) {
        size_t tl = strlen(tgtext);
        snprintf(tgtext + tl, sizeof tgtext - tl, "%s%s", tl ? ", " : "", nm);
      }
    } else {
      note(nt->unmapped, "target group '%s'%s%s", nm ? nm : "?", code ? " " : "", code ? code : "");
    }
  }
  /* PTV lists the parent "Kansalaiset" beside specific groups; the
   * catalogue's "kaikki" means no specific group. */
  if (json_array_size(groups) > 1)
    for (i = 0; i < json_array_size(groups); i++)
      if (!strcmp(json_string_value(json_array_get(groups, i)), "kaikki")) {
        json_array_remove(groups, i);
        break;
      }
  if (!json_array_size(groups)) {
    json_array_append_new(groups, json_string("kaikki"));
    note(nt->assumed, "target_groups [kaikki] (no target group mapped)");
  }

  /* Category: service classes, then ontology terms, then the name. */
  const char *cat = NULL, *cat_from = NULL;
  const char *const srcs[2] = {"serviceClasses", "ontologyTerms"};
  for (int k = 0; k < 2 && !cat; k++)
    json_array_foreach(json_object_get(s, srcs[k]), i, it) {
      const char *nm = finto_name(it);
      if ((cat = map_lookup(CATEGORIES, N(CATEGORIES), nm))) {
        cat_from = nm;
        break;
      }
    }
  if (!cat && (cat = map_lookup(CATEGORIES, N(CATEGORIES), name_fi))) cat_from = name_fi;
  if (cat)
    note(nt->mapped, "category %s from '%s'", cat, cat_from);
  else {
    cat = "ohjaus";
    note(nt->unmapped, "category: no service class, ontology term or name word maps to one");
    note(nt->assumed, "category ohjaus");
  }
  char tdesc[1100];
  snprintf(tdesc, sizeof tdesc, "%s%s%s", *tgtext ? "PTV:n kohderyhmät: " : "",
           *tgtext ? tgtext : "PTV:n kuvaus ei rajaa kohderyhmää", ".");
  json_object_set_new(e, "target_description", ml(tdesc, NULL, NULL));
  json_object_set_new(e, "category", json_string(cat));
  json_object_set_new(e, "target_groups", groups);
  json_object_set_new(e, "age", json_object());

  /* Languages. */
  json_t *languages = json_array();
  json_array_foreach(json_object_get(s, "languages"), i, it) {
    const char *l = json_string_value(it);
    if (l && strlen(l) == 2 && islower((unsigned char)l[0]) && islower((unsigned char)l[1]))
      add_unique(languages, l, 20);
    else
      note(nt->unmapped, "language '%s'", l ? l : "?");
  }
  /* The catalogue lists sv or en only when the entry can be found in it. */
  for (i = json_array_size(languages); i-- > 0;) {
    const char *l = json_string_value(json_array_get(languages, i));
    int li = !strcmp(l, "sv") ? 1 : !strcmp(l, "en") ? 2 : 0;
    if (li && (!ptv_text(names, l, "Name") || !sum[li])) {
      note(nt->unmapped, "language %s (PTV has no name and summary in it)", l);
      json_array_remove(languages, i);
    }
  }
  if (!json_array_size(languages)) {
    json_array_append_new(languages, json_string("fi"));
    note(nt->assumed, "languages [fi] (none given)");
  }
  json_object_set_new(e, "languages", languages);

  /* Provider: the responsible organisation. */
  json_t *orgs = json_object_get(s, "organizations"), *org = NULL;
  json_array_foreach(orgs, i, it) {
    const char *role = json_string_value(json_object_get(it, "roleType"));
    if (!org || (role && !strcmp(role, "Responsible"))) org = it;
    if (role && !strcmp(role, "Responsible")) break;
  }
  json_t *on = json_object_get(json_object_get(org, "organization"), "name");
  const char *oname = json_is_string(on) ? json_string_value(on) : ptv_text(on, "fi", NULL);
  if (oname) {
    const char *ptype = map_lookup(PROVIDER_TYPES, N(PROVIDER_TYPES), oname);
    if (!ptype) ptype = "valtio";
    note(nt->assumed, "provider.type %s read from the name '%s'", ptype, oname);
    json_t *p = json_object();
    json_object_set_new(p, "name", json_string(oname));
    json_object_set_new(p, "type", json_string(ptype));
    json_object_set_new(e, "provider", p);
  } else {
    note(nt->unmapped, "provider: no organization with a name");
  }

  /* Municipalities: areas, or the whole country. */
  json_t *munis = json_array();
  const char *cov = json_string_value(json_object_get(s, "serviceCoverageType"));
  const char *atype = json_string_value(json_object_get(s, "areaType"));
  if ((cov && !strcmp(cov, "Nationwide")) || (atype && !strncmp(atype, "Nationwide", 10))) {
    json_array_append_new(munis, json_string("koko Suomi"));
    note(nt->mapped, "area %s -> koko Suomi", atype ? atype : cov);
  }
  json_array_foreach(json_object_get(s, "areas"), i, it) {
    const char *type = json_string_value(json_object_get(it, "type"));
    const char *nm = finto_name(it);
    if (type && !strcmp(type, "Municipality") && nm) {
      add_unique(munis, nm, 400);
      continue;
    }
    size_t k;
    json_t *m;
    size_t before = json_array_size(munis);
    json_array_foreach(json_object_get(it, "municipalities"), k, m)
        add_unique(munis, finto_name(m), 400);
    if (json_array_size(munis) > before)
      note(nt->mapped, "area %s '%s' -> its municipalities", type ? type : "?", nm ? nm : "?");
    else
      note(nt->unmapped, "area %s '%s' (no municipality names)", type ? type : "?", nm ? nm : "?");
  }
  if (!json_array_size(munis)) {
    json_array_append_new(munis, json_string("koko Suomi"));
    note(nt->assumed, "municipalities [koko Suomi] (no area given)");
  }
  json_object_set_new(e, "municipalities", munis);

  /* Delivery: PTV keeps channels as separate records; read the description
   * (not the user instruction: calling to sign up is not a phone service). */
  json_t *delivery = json_array();
  for (size_t k = 0; desc[0] && k < N(DELIVERY); k++)
    if (strcasestr(desc[0], DELIVERY[k].fragment)) add_unique(delivery, DELIVERY[k].value, 4);
  if (!json_array_size(delivery)) json_array_append_new(delivery, json_string("kasvokkain"));
  char *dl = json_dumps(delivery, JSON_COMPACT);
  note(nt->assumed,
       "delivery %s read from the description (PTV keeps channels in separate "
       "records)",
       dl ? dl : "");
  free(dl);
  json_object_set_new(e, "delivery", delivery);

  /* Requirements, referral, cost. */
  const char *req = ptv_text(json_object_get(s, "requirements"), "fi", NULL);
  if (!req) note(nt->assumed, "requirements: none given in PTV");
  json_object_set_new(e, "requirements",
                      ml(req ? req
                             : "PTV:n kuvaus ei kerro edellytyksistä; ne kannattaa "
                               "tarkistaa palveluntuottajalta.",
                         ptv_text(json_object_get(s, "requirements"), "sv", NULL),
                         ptv_text(json_object_get(s, "requirements"), "en", NULL)));
  if (!instr) note(nt->assumed, "referral: no user instruction in PTV");
  json_object_set_new(e, "referral",
                      ml(instr ? instr
                               : "PTV:n kuvaus ei kerro, miten palveluun hakeudutaan; "
                                 "ohjeet kannattaa tarkistaa palveluntuottajalta.",
                         NULL, NULL));
  const char *charge = json_string_value(json_object_get(s, "serviceChargeType"));
  const char *charge_info = ptv_desc(descs, "fi", "ChargeTypeAdditionalInfo", NULL);
  char cost[2048];
  snprintf(cost, sizeof cost, "%s%s%s",
           charge && !strcmp(charge, "Free")      ? "Maksuton."
           : charge && !strcmp(charge, "Charged") ? "Maksullinen."
                                                  : "Maksullisuus: katso palveluntuottajan tiedot.",
           charge_info ? " " : "", charge_info ? charge_info : "");
  if (!charge || (strcmp(charge, "Free") && strcmp(charge, "Charged")))
    note(nt->assumed, "cost: serviceChargeType is %s", charge ? charge : "missing");
  json_object_set_new(e, "cost", json_string(cost));
  /* The fee filter's value, only where PTV says it outright (Other may be anything). */
  if (charge && (!strcmp(charge, "Free") || !strcmp(charge, "Charged")))
    json_object_set_new(e, "fee",
                        json_string(!strcmp(charge, "Free") ? "maksuton" : "maksullinen"));

  /* Keywords: PTV keywords, alternate names, ontology term names. */
  json_t *kw = json_object();
  for (int l = 0; l < 3; l++) {
    json_t *a = json_array();
    json_array_foreach(json_object_get(s, "keywords"), i, it) {
      const char *lg = json_string_value(json_object_get(it, "language"));
      if (lg && !strcmp(lg, langs[l]))
        add_unique(a, json_string_value(json_object_get(it, "value")), MAX_KEYWORDS);
    }
    add_unique(a, ptv_text(names, langs[l], "AlternateName"), MAX_KEYWORDS);
    json_array_foreach(json_object_get(s, "ontologyTerms"), i, it) {
      json_t *nm = json_object_get(it, "name");
      add_unique(a, json_is_array(nm) ? ptv_text(nm, langs[l], NULL) : NULL, MAX_KEYWORDS);
    }
    if (l == 0 && !json_array_size(a)) add_unique(a, name_fi, MAX_KEYWORDS);
    if (json_array_size(a))
      json_object_set_new(kw, langs[l], a);
    else
      json_decref(a);
  }
  json_object_set_new(e, "keywords", kw);
  json_object_set_new(e, "related", json_array());
  const char *mod = json_string_value(json_object_get(s, "modified"));
  char day[16];
  if (mod && strlen(mod) >= 10 && mod[4] == '-' && mod[7] == '-')
    snprintf(day, sizeof day, "%.10s", mod);
  else
    today(day, sizeof day);
  json_object_set_new(e, "updated", json_string(day));
  json_object_set_new(e, "status", json_string("active"));

  /* Contact and apply: PTV holds contact details in channel records, which
   * a service export does not include; never invent one. */
  json_t *contact = json_object();
  json_object_set_new(contact, "web", json_string("https://www.suomi.fi"));
  json_object_set_new(e, "contact", contact);
  note(nt->assumed, "contact.web https://www.suomi.fi (PTV keeps contact details in channel "
                    "records; add the provider's own site)");
  json_t *apply = json_object(), *routes = json_array();
  for (size_t k = 0; instr && k < N(ROUTES); k++)
    if (strcasestr(instr, ROUTES[k].fragment)) add_unique(routes, ROUTES[k].value, 4);
  if (!json_array_size(routes)) json_array_append_new(routes, json_string("itse"));
  char *rl = json_dumps(routes, JSON_COMPACT);
  note(nt->assumed, "apply.routes %s read from the user instruction", rl ? rl : "");
  free(rl);
  json_object_set_new(apply, "routes", routes);
  json_object_set_new(e, "apply", apply);
  if (ptv_id) {
    json_t *src = json_object();
    json_object_set_new(src, "ptv", json_string(ptv_id));
    json_object_set_new(e, "source", src);
  }

  /* What PTV gives that the catalogue has no place for. */
  const char *k;
  json_object_foreach(s, k, it) {
    bool handled = false;
    for (size_t h = 0; h < N(HANDLED); h++)
      handled = handled || !strcmp(k, HANDLED[h]);
    if (handled || json_is_null(it) || (json_is_array(it) && !json_array_size(it)) ||
        (json_is_string(it) && !*json_string_value(it)))
      continue;
    if (json_is_array(it))
      note(nt->unmapped, "%s (%zu)", k, json_array_size(it));
    else
      note(nt->unmapped, "%s", k);
  }
  for (int l = 0; l < 6; l++)
    free(own[l]);
  return e;
}

static void print_notes(const notes *nt) {
  if (*nt->mapped) printf("  mapped: %s\n", nt->mapped);
  if (*nt->unmapped) printf("  not mapped: %s\n", nt->unmapped);
  if (*nt->assumed) printf("  assumed: %s\n", nt->assumed);
}

static int write_file(const char *path, const char *text) {
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "w");
  if (!f) return -1;
  bool ok = fputs(text, f) >= 0 && fputc('\n', f) != EOF;
  ok = kt_cli_close_written(f) == 0 && ok;
  if (!ok || rename(tmp, path) != 0) {
    remove(tmp);
    return -1;
  }
  return 0;
}

static void import_one(import_ctx *c, json_t *s, const char *file, size_t index) {
  notes *nt = calloc(1, sizeof *nt);
  if (!nt) {
    c->skipped++;
    return;
  }
  char why[512] = "", id[MAX_ID_BYTES + 8] = "";
  const char *ptv_id = json_string_value(json_object_get(s, "id"));
  char label[128];
  snprintf(label, sizeof label, "%s", ptv_id ? ptv_id : "");
  if (!ptv_id) snprintf(label, sizeof label, "%s[%zu]", file, index);
  json_t *e = json_is_object(s) ? map_service(s, nt, why, sizeof why, id, sizeof id, c) : NULL;
  if (!e) {
    printf("ptv %s: skipped: %s\n", label, *why ? why : "not a JSON object");
    c->skipped++;
    free(nt);
    return;
  }
  char *text = json_dumps(e, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  char rel[MAX_ID_BYTES + 32];
  snprintf(rel, sizeof rel, "services/%s.json", id);
  int rc = text ? kt_service_check(text, strlen(text), rel) : KT_ENOMEM;
  char path[4096];
  snprintf(path, sizeof path, "%s/services/%s.json", c->catalog, id);
  if (rc) {
    printf("ptv %s: skipped: the entry it gives would not be valid:\n", label);
    const char *m = kt_error_last();
    for (const char *line = m; *line;) {
      const char *nl = strchr(line, '\n');
      int n = nl ? (int)(nl - line) : (int)strlen(line);
      printf("    %.*s\n", n, line);
      line += n + (nl ? 1 : 0);
    }
    c->skipped++;
  } else if (c->dry_run) {
    printf("ptv %s: would write %s\n%s\n", label, path, text);
    json_object_set_new(c->ids, id, json_string(ptv_id ? ptv_id : ""));
    c->written++;
  } else if (write_file(path, text) != 0) {
    printf("ptv %s: skipped: cannot write %s: %s\n", label, path, strerror(errno));
    c->skipped++;
  } else {
    printf("ptv %s: wrote %s\n", label, path);
    json_object_set_new(c->ids, id, json_string(ptv_id ? ptv_id : ""));
    c->written++;
  }
  print_notes(nt);
  free(text);
  json_decref(e);
  free(nt);
}

static int import_file(import_ctx *c, const char *file) {
  FILE *f = fopen(file, "rb");
  if (!f) {
    fprintf(stderr, "kohtaanto import: cannot read %s: %s\n", file, strerror(errno));
    return KT_EXIT_INPUT;
  }
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_INPUT_BYTES) {
    fprintf(stderr, "kohtaanto import: %s is not a regular file of at most %u bytes\n", file,
            MAX_INPUT_BYTES);
    fclose(f);
    return KT_EXIT_INPUT;
  }
  json_error_t je;
  json_t *root = json_loadf(f, JSON_REJECT_DUPLICATES, &je);
  fclose(f);
  if (!root) {
    fprintf(stderr, "kohtaanto import: %s:%d:%d: invalid JSON: %s\n", file, je.line, je.column,
            je.text);
    return KT_EXIT_INPUT;
  }
  /* One service, an array of them, or a list page {"itemList": [...]}. */
  json_t *items = json_is_array(root) ? root : json_object_get(root, "itemList");
  if (json_is_array(items)) {
    size_t i;
    json_t *s;
    json_array_foreach(items, i, s) import_one(c, s, file, i);
    if (!json_array_size(items)) printf("%s: no services\n", file);
  } else {
    import_one(c, root, file, 0);
  }
  json_decref(root);
  return KT_EXIT_OK;
}

static void usage(FILE *f) {
  fputs("usage: kohtaanto import ptv [--catalog DIR] [--dry-run] FILE...\n"
        "  Reads services in the shape of Suomi.fi Palvelutietovaranto's open API (one\n"
        "  service, an array, or a list page with \"itemList\") and writes catalogue\n"
        "  entries DIR/services/<id>.json, printing for each what was mapped, what\n"
        "  could not be and what was assumed. An entry that would not be valid is not\n"
        "  written. Then check and build: kohtaanto index --catalog DIR\n"
        "  --catalog DIR  catalogue folder (default: $KOHTAANTO_CATALOG or the bundled one)\n"
        "  --dry-run      print the entries instead of writing them\n"
        "Exit codes: 0 every service written, 3 some skipped or a file unreadable.\n",
        f);
}

int kt_cli_import(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "ptv")) {
    bool help = argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));
    if (!help) fputs("kohtaanto import: the only source is 'ptv'\n", stderr);
    usage(help ? stdout : stderr);
    return help ? KT_EXIT_OK : KT_EXIT_USAGE;
  }
  import_ctx c = {.catalog = kt_cli_default_catalog(), .ids = json_object()};
  static const struct option lo[] = {{"catalog", required_argument, 0, 'c'},
                                     {"dry-run", no_argument, 0, 'n'},
                                     {"help", no_argument, 0, 'h'},
                                     {0, 0, 0, 0}};
  optind = 1;
  int ch;
  while ((ch = getopt_long(argc - 1, argv + 1, "h", lo, NULL)) != -1) {
    if (ch == 'c')
      c.catalog = optarg;
    else if (ch == 'n')
      c.dry_run = true;
    else {
      usage(ch == 'h' ? stdout : stderr);
      json_decref(c.ids);
      return ch == 'h' ? KT_EXIT_OK : KT_EXIT_USAGE;
    }
  }
  int first = optind + 1;
  if (first >= argc) {
    usage(stderr);
    json_decref(c.ids);
    return KT_EXIT_USAGE;
  }
  char sdir[4096];
  snprintf(sdir, sizeof sdir, "%s/services", c.catalog);
  struct stat st;
  if (!c.dry_run && (stat(sdir, &st) != 0 || !S_ISDIR(st.st_mode))) {
    fprintf(stderr, "kohtaanto import: %s is not a catalogue folder (no services/ in it)\n",
            c.catalog);
    json_decref(c.ids);
    return KT_EXIT_INPUT;
  }
  int rc = KT_EXIT_OK;
  for (int i = first; i < argc; i++)
    if (import_file(&c, argv[i]) != KT_EXIT_OK) rc = KT_EXIT_INPUT;
  printf("%zu service%s %s, %zu skipped\n", c.written, c.written == 1 ? "" : "s",
         c.dry_run ? "checked" : "written", c.skipped);
  json_decref(c.ids);
  return rc == KT_EXIT_OK && c.skipped ? KT_EXIT_INPUT : rc;
}
