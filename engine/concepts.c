/*
 * concepts.c — the thesaurus concepts of the open index with their labels
 * in Finnish, Swedish and English (kt_concepts_json), so that a client can
 * show needs and explanations ("via the concept …") in its interface
 * language: search results name concepts by id and Finnish label only.
 */
#include "engine.h"
#include "thesaurus.h"

#include <jansson.h>
#include <string.h>

int kt_concepts_json(kt_engine *engine, char **json_out) {
  kt__err_clear();
  if (!engine || !json_out) return kt__err(KT_EINVAL, "kt_concepts_json: NULL argument");
  *json_out = NULL;
  const kt__thesaurus *t = engine->gen.thes;
  json_t *doc = json_object(), *arr = json_array();
  int bad = !doc || !arr;
  for (size_t i = 0; !bad && t && i < kt__thesaurus_count(t); i++) {
    const kt__concept *c = kt__thesaurus_concept(t, i);
    if (!c || !c->id || !c->label) continue;
    json_t *label = json_pack("{s:s}", "fi", c->label);
    if (label && c->label_sv) bad |= json_object_set_new(label, "sv", json_string(c->label_sv));
    if (label && c->label_en) bad |= json_object_set_new(label, "en", json_string(c->label_en));
    json_t *o = label ? json_pack("{s:s, s:o}", "id", c->id, "label", label) : NULL;
    bad |= !o || json_array_append_new(arr, o);
  }
  if (!bad) {
    bad = json_object_set_new(doc, "concepts", arr);
    arr = NULL;
  }
  char *s = bad ? NULL : json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT);
  json_decref(arr);
  json_decref(doc);
  if (!s) return kt__err(KT_ENOMEM, "cannot serialise the concepts");
  *json_out = s;
  return KT_OK;
}
