/*
 * schema.c — the one table of what an index holds (schema.h): fields,
 * prefixes and weights, vocabularies, and kt_schema_json() which gives them
 * to the API's users (GET /api/schema, the counsellor's page).
 */
#include "schema.h"

#include "internal.h"

#include <jansson.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof *(a))

const kt__field kt__fields[KT__NFIELDS] = {
#define KT__X(id, name, wdf) {KT_FIELD_##id, name, wdf},
    KT__FIELDS(KT__X)
#undef KT__X
};
/* Bit order is table order: kt__fields[i].bit == 1u << i. */
#define KT__X(id, name, wdf) _Static_assert(KT_FIELD_##id == 1u << KT__F_##id, #id);
KT__FIELDS(KT__X)
#undef KT__X

const char *kt_field_name(unsigned bit) {
  for (size_t i = 0; i < KT__NFIELDS; i++)
    if (kt__fields[i].bit == bit) return kt__fields[i].name;
  return "unknown";
}

static const char *const CATEGORIES[] = {
    "tyonhaku",   "koulutus",        "kotoutuminen",    "tuettu_tyo",  "tyokyky", "nuoret",
    "yrittajyys", "talous_asuminen", "arki_osallisuus", "tyonantajat", "ohjaus"};
/* Target groups: id, then its words in Finnish, Swedish and English
 * (KT__LANG_* order). The Finnish words are indexed as the service's target
 * text (indexer/index.c); explanations name a group in the language they
 * are asked in (messages.h, signals.c, feedback.c). */
#define TARGET_GROUP_ROWS(X)                                                                       \
  X("kaikki", "kaikki", "alla", "everyone")                                                        \
  X("maahanmuuttajat", "maahanmuuttajat", "invandrare", "immigrants")                              \
  X("nuoret", "nuoret", "unga", "young people")                                                    \
  X("pitkaaikaistyottomat", "pitkäaikaistyöttömät", "långtidsarbetslösa", "long-term unemployed")  \
  X("osatyokykyiset", "osatyökykyiset", "partiellt arbetsföra", "people partially able to work")   \
  X("korkeakoulutetut", "korkeakoulutetut", "högskoleutbildade", "university graduates")           \
  X("yrittajiksi_aikovat", "yrittäjiksi aikovat", "blivande företagare", "aspiring entrepreneurs") \
  X("ikaantyneet", "ikääntyneet", "äldre", "older jobseekers")                                     \
  X("tyonantajat", "työnantajat", "arbetsgivare", "employers")                                     \
  X("paihdekuntoutujat", "päihdekuntoutujat", "personer i missbruksrehabilitering",                \
    "people in substance-abuse recovery")                                                          \
  X("vanhemmat", "vanhemmat", "föräldrar", "parents")                                              \
  X("vammaiset", "vammaiset", "personer med funktionsnedsättning", "people with disabilities")     \
  X("naiset", "naiset", "kvinnor", "women")                                                        \
  X("lomautetut", "lomautetut", "permitterade", "laid-off workers")                                \
  X("asunnottomat", "asunnottomat", "bostadslösa", "homeless people")                              \
  X("rikostaustaiset", "rikostaustaiset", "personer med brottsbakgrund",                           \
    "people with a criminal record")                                                               \
  X("opiskelijat", "opiskelijat", "studerande", "students")
#define ID(id, fi, sv, en) id,
#define FI(id, fi, sv, en) fi,
#define SV(id, fi, sv, en) sv,
#define EN(id, fi, sv, en) en,
static const char *const TARGET_GROUPS[] = {TARGET_GROUP_ROWS(ID)};
static const char *const TARGET_GROUPS_FI[] = {TARGET_GROUP_ROWS(FI)};
static const char *const TARGET_GROUPS_SV[] = {TARGET_GROUP_ROWS(SV)};
static const char *const TARGET_GROUPS_EN[] = {TARGET_GROUP_ROWS(EN)};
#undef ID
#undef FI
#undef SV
#undef EN
static const char *const PROVIDER_TYPES[] = {"kaupunki", "valtio", "jarjesto",   "oppilaitos",
                                             "kela",     "yritys", "seurakunta", "hyvinvointialue"};
static const char *const DELIVERY[] = {"kasvokkain", "etä", "verkko", "puhelin"};
static const char *const LEVELS[] = {"A1", "A2", "B1", "B2", "C1", "C2"};
static const char *const FEES[] = {"maksuton", "osittain", "maksullinen"};
static const char *const STATUSES[] = {"active", "composite", "ended", "seasonal"};
/* How a client gets in. itse = the client contacts the service or signs up
 * directly; ohjaus = a counsellor or other professional refers, books or
 * decides; lahete = a referral (lähete) from a doctor or other professional
 * is needed; hakemus = the client (or employer) files an application (a
 * benefit claim, a study application). */
static const char *const APPLY_ROUTES[] = {"itse", "ohjaus", "lahete", "hakemus"};
/* What a service publishes; at least one of these. */
static const char *const CONTACT_KEYS[] = {"web", "phone", "email", "address"};
/* The client's language as the counsellor corrects it (signals.c). */
static const char *const CLIENT_LANGUAGES[] = {"no_finnish", "finnish_basic", "en", "sv"};

const kt__vocab kt__vocabs[KT__NVOCABS] = {
    [KT__V_CATEGORY] = {"category", CATEGORIES, N(CATEGORIES), {NULL}},
    [KT__V_TARGET_GROUP] = {"target_group",
                            TARGET_GROUPS,
                            N(TARGET_GROUPS),
                            {TARGET_GROUPS_FI, TARGET_GROUPS_SV, TARGET_GROUPS_EN}},
    [KT__V_PROVIDER_TYPE] = {"provider_type", PROVIDER_TYPES, N(PROVIDER_TYPES), {NULL}},
    [KT__V_DELIVERY] = {"delivery", DELIVERY, N(DELIVERY), {NULL}},
    [KT__V_FINNISH_LEVEL] = {"finnish_level", LEVELS, N(LEVELS), {NULL}},
    [KT__V_FEE] = {"fee", FEES, N(FEES), {NULL}},
    [KT__V_STATUS] = {"status", STATUSES, N(STATUSES), {NULL}},
    [KT__V_APPLY_ROUTE] = {"apply_route", APPLY_ROUTES, N(APPLY_ROUTES), {NULL}},
    [KT__V_CONTACT_KEY] = {"contact_key", CONTACT_KEYS, N(CONTACT_KEYS), {NULL}},
    [KT__V_CLIENT_LANGUAGE] = {"client_language", CLIENT_LANGUAGES, N(CLIENT_LANGUAGES), {NULL}},
};

int kt__vocab_index(int v, const char *id) {
  const kt__vocab *vb = &kt__vocabs[v];
  for (size_t i = 0; id && i < vb->n; i++)
    if (!strcmp(vb->ids[i], id)) return (int)i;
  return -1;
}

bool kt__vocab_has(int v, const char *id) { return kt__vocab_index(v, id) >= 0; }

bool kt__target_group_known(const char *id) { return kt__vocab_has(KT__V_TARGET_GROUP, id); }

const char *kt__vocab_label(int v, int lang, const char *id) {
  if (lang < 0 || lang >= KT__NLANGS) lang = KT__LANG_FI;
  int i = kt__vocab_index(v, id);
  const char *const *words = kt__vocabs[v].label[lang];
  return i >= 0 && words ? words[i] : id ? id : "";
}

const char *kt__target_group_label(int lang, const char *id) {
  return kt__vocab_label(KT__V_TARGET_GROUP, lang, id);
}

int kt__lang_parse(const char *lang) {
  if (!lang || !strcmp(lang, "fi")) return KT__LANG_FI;
  if (!strcmp(lang, "sv")) return KT__LANG_SV;
  if (!strcmp(lang, "en")) return KT__LANG_EN;
  return -1;
}

const char *kt__lang_code(int lang) {
  static const char *const codes[KT__NLANGS] = {"fi", "sv", "en"};
  return lang >= 0 && lang < KT__NLANGS ? codes[lang] : "fi";
}

int kt_schema_json(char **json_out) {
  kt__err_clear();
  if (!json_out) return kt__err(KT_EINVAL, "kt_schema_json: NULL argument");
  *json_out = NULL;
  json_t *doc = json_object(), *fields = json_array(), *vocabs = json_object(),
         *limits = json_object();
  bool ok = doc != NULL;
  if (doc) { /* each set steals its value, also when it fails */
    ok &= !json_object_set_new(doc, "fields", fields);
    ok &= !json_object_set_new(doc, "vocabularies", vocabs);
    ok &= !json_object_set_new(doc, "limits", limits);
  } else {
    json_decref(fields);
    json_decref(vocabs);
    json_decref(limits);
  }
  for (size_t i = 0; ok && i < KT__NFIELDS; i++) {
    json_t *f = json_pack("{s:s, s:i, s:i}", "name", kt__fields[i].name, "bit",
                          (json_int_t)kt__fields[i].bit, "weight", (json_int_t)kt__fields[i].wdf);
    ok = f && !json_array_append_new(fields, f);
  }
  for (size_t v = 0; ok && v < KT__NVOCABS; v++) {
    const kt__vocab *vb = &kt__vocabs[v];
    json_t *list = json_array();
    ok = list && !json_object_set_new(vocabs, vb->name, list);
    for (size_t i = 0; ok && i < vb->n; i++) {
      json_t *c = json_pack("{s:s}", "id", vb->ids[i]);
      ok = c && !json_array_append_new(list, c);
      for (int l = 0; ok && l < KT__NLANGS; l++)
        if (vb->label[l])
          ok = !json_object_set_new(c, kt__lang_code(l), json_string(vb->label[l][i]));
    }
  }
  ok = ok && !json_object_set_new(limits, "filter_values", json_integer(KT_MAX_FILTER_VALUES)) &&
       !json_object_set_new(limits, "query_bytes", json_integer(KT_MAX_QUERY_BYTES)) &&
       !json_object_set_new(limits, "id_bytes", json_integer(KT_MAX_ID_BYTES));
  char *s = ok ? json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
  json_decref(doc);
  if (!s) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  *json_out = s;
  return KT_OK;
}
