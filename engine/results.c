/*
 * results.c — accessors of search results and their one JSON form, shared by
 * the CLI (--json) and the HTTP API.
 */
#include "results.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>

void kt_results_free(kt_results *r) {
  if (!r) return;
  kt__arena_free(&r->arena);
  free(r);
}

size_t kt_results_count(const kt_results *r) { return r ? r->count : 0; }
size_t kt_results_matches(const kt_results *r) { return r ? r->matches : 0; }
const kt_result *kt_results_get(const kt_results *r, size_t i) {
  return r && i < r->count ? &r->items[i] : NULL;
}
size_t kt_results_signal_count(const kt_results *r) { return r ? r->nsignals : 0; }
const kt_signal *kt_results_signal(const kt_results *r, size_t i) {
  return r && i < r->nsignals ? &r->signals[i] : NULL;
}
size_t kt_results_need_count(const kt_results *r) { return r ? r->nneeds : 0; }
const kt_need *kt_results_need(const kt_results *r, size_t i) {
  return r && i < r->nneeds ? &r->needs[i] : NULL;
}

static const char *signal_kind_name(int kind) {
  switch (kind) {
  case KT_SIGNAL_AGE: return "age";
  case KT_SIGNAL_LANGUAGE: return "language";
  case KT_SIGNAL_TARGET_GROUP: return "target_group";
  case KT_SIGNAL_UNEMPLOYMENT: return "unemployment";
  case KT_SIGNAL_MUNICIPALITY: return "municipality";
  case KT_SIGNAL_DELIVERY: return "delivery";
  case KT_SIGNAL_PROVIDER: return "provider";
  case KT_SIGNAL_FEE: return "fee";
  default: return "unknown";
  }
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* A match's or a need's role (KT_ROLE_*) as the JSON names it. */
static const char *role_name(int role) {
  return role == KT_ROLE_BACKGROUND ? "background" : role == KT_ROLE_GOAL ? "goal" : "situation";
}

static json_t *result_json(const kt_result *x, size_t rank) {
  json_t *o = json_object();
  json_object_set_new(o, "rank", json_integer((json_int_t)rank));
  json_object_set_new(o, "id", json_string(x->id));
  json_object_set_new(o, "name", json_string(x->name));
  json_object_set_new(o, "category", json_string(x->category));
  json_object_set_new(o, "provider", str_or_null(x->provider));
  json_object_set_new(o, "summary", str_or_null(x->summary));
  json_object_set_new(o, "score", json_real(x->score));
  json_t *ms = json_array();
  for (size_t k = 0; k < x->match_count; k++) {
    const kt_match *m = &x->matches[k];
    json_t *f = json_array();
    for (unsigned b = 1; b <= KT_FIELD_PROVIDER; b <<= 1)
      if (m->fields & b) json_array_append_new(f, json_string(kt_field_name(b)));
    json_t *e = json_object();
    json_object_set_new(e, "word", json_string(m->word));
    json_object_set_new(e, "term", json_string(m->term));
    json_object_set_new(e, "fields", f);
    json_object_set_new(e, "weight", json_real(m->weight));
    if (m->concept) {
      json_object_set_new(e, "concept", json_string(m->concept));
      json_object_set_new(e, "concept_lang", json_string(m->concept_lang ? m->concept_lang : "fi"));
    }
    json_object_set_new(e, "role", json_string(role_name(m->role)));
    json_array_append_new(ms, e);
  }
  json_object_set_new(o, "matches", ms);
  json_object_set_new(o, "snippet", str_or_null(x->snippet));
  json_t *hl = json_array();
  for (size_t k = 0; k < x->highlight_count; k++)
    json_array_append_new(hl, json_pack("[I, I]", (json_int_t)x->highlights[k].start,
                                        (json_int_t)x->highlights[k].end));
  json_object_set_new(o, "highlights", hl);
  json_t *ef = json_array();
  for (size_t k = 0; k < x->effect_count; k++)
    json_array_append_new(ef, json_pack("{s:s, s:s, s:f}", "signal", x->effects[k].signal, "reason",
                                        x->effects[k].reason, "factor", x->effects[k].factor));
  json_object_set_new(o, "effects", ef);
  json_object_set_new(o, "need", x->need >= 0 ? json_integer(x->need) : json_null());
  if (x->weak) json_object_set_new(o, "weak", json_string(x->weak));
  return o;
}

int kt_results_json(const kt_results *r, char **out) {
  kt__err_clear();
  if (!r || !out) return kt__err(KT_EINVAL, "kt_results_json: NULL argument");
  *out = NULL;
  json_t *doc = json_object(), *arr = json_array(), *sig = json_array(), *needs = json_array();
  json_object_set_new(doc, "matches", json_integer((json_int_t)r->matches));
  json_object_set_new(doc, "lang", json_string(r->lang ? r->lang : "fi"));
  for (size_t i = 0; i < r->count; i++)
    json_array_append_new(arr, result_json(&r->items[i], i + 1));
  json_object_set_new(doc, "results", arr);
  for (size_t i = 0; i < r->nsignals; i++) {
    const kt_signal *s = &r->signals[i];
    /* A signal the counsellor set has no span in the text. */
    bool corrected = s->span.start == 0 && s->span.end == 0;
    json_array_append_new(sig, json_pack("{s:s, s:s, s:s, s:[I, I], s:b}", "kind",
                                         signal_kind_name(s->kind), "value", s->value, "label",
                                         s->label, "span", (json_int_t)s->span.start,
                                         (json_int_t)s->span.end, "corrected", corrected));
  }
  json_object_set_new(doc, "signals", sig);
  for (size_t i = 0; i < r->nneeds; i++) {
    const kt_need *n = &r->needs[i];
    json_t *ranks = json_array();
    for (size_t k = 0; k < n->result_count; k++)
      json_array_append_new(ranks, json_integer((json_int_t)n->results[k] + 1));
    json_array_append_new(needs,
                          json_pack("{s:s, s:s, s:s, s:s, s:s, s:o}", "id", n->id, "label",
                                    n->label, "label_lang", n->label_lang ? n->label_lang : "fi",
                                    "word", n->word, "role", role_name(n->role), "ranks", ranks));
  }
  json_object_set_new(doc, "needs", needs);
  if (r->facets) {
    json_t *f = json_loads(r->facets, 0, NULL);
    if (!f || json_object_set_new(doc, "facets", f)) {
      json_decref(doc);
      return kt__err(KT_ENOMEM, "cannot serialise results");
    }
  }
  char *s = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT);
  json_decref(doc);
  if (!s) return kt__err(KT_ENOMEM, "cannot serialise results");
  *out = s;
  return KT_OK;
}

int kt_results_facets_json(const kt_results *r, char **out) {
  kt__err_clear();
  if (!r || !out) return kt__err(KT_EINVAL, "kt_results_facets_json: NULL argument");
  *out = NULL;
  if (!r->facets)
    return kt__err(KT_EINVAL,
                   "kt_results_facets_json: the search was made without KT_SEARCH_COUNTS");
  if (!(*out = kt__strdup(r->facets))) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  return KT_OK;
}
