/* fuzz_search.c — the query path: kt_search() over the mini index
 * (tests/data/catalog-mini, built once into a temp dir). The first two bytes
 * choose options (ablation and behaviour flags, limit, filters); the rest is
 * the need text. Invariants: only KT_OK, KT_EINVAL (invalid UTF-8) or
 * KT_ETOOBIG; results serialise to valid JSON in valid UTF-8; highlights
 * lie inside their snippet and signal spans inside the text; without
 * grouping, scores do not increase with rank. */
#define _GNU_SOURCE
#include "fuzz.h"

#include <jansson.h>
#include <string.h>

static kt_engine *eng;
static char root[64];

static void cleanup(void) {
  kt_engine_close(eng);
  kt__rm_rf(root);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  snprintf(root, sizeof root, "/tmp/kt-fuzz-search-XXXXXX");
  kt_build_options bo = KT_BUILD_OPTIONS_INIT;
  bo.flags = KT_BUILD_EVAL_TERMS; /* the surface and snowball flags search it */
  if (!mkdtemp(root) || kt_index_build(KT_TEST_DATA "/catalog-mini", root, &bo, NULL) != KT_OK ||
      kt_engine_open(&eng, root) != KT_OK) {
    fprintf(stderr, "fuzz_search: cannot build the mini index: %s\n", kt_error_last());
    exit(1);
  }
  atexit(cleanup);
  return 0;
}

static const unsigned FLAGS[8] = {KT_SEARCH_NO_COMPOUNDS,
                                  KT_SEARCH_NO_UMLAUT_FIX,
                                  KT_SEARCH_MODE_SURFACE,
                                  KT_SEARCH_MODE_SNOWBALL,
                                  KT_SEARCH_NO_THESAURUS | KT_SEARCH_NO_SIGNALS,
                                  KT_SEARCH_NO_EXPLAIN,
                                  KT_SEARCH_GROUP_BY_NEED,
                                  KT_SEARCH_DIVERSIFY};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  for (int b = 0; b < 8; b++)
    if (data[0] & (1u << b)) o.flags |= FLAGS[b];
  if (data[1] & 0x40) o.flags |= KT_SEARCH_PRF;
  o.limit = (size_t)(data[1] & 0x0f) * 7;
  static const char *cat[] = {"tuettu_tyo"}, *lang[] = {"sv"}, *mun[] = {"Espoo"},
                    *grp[] = {"nuoret", "kaikki"};
  if (data[1] & 0x10) o.categories = (kt_strlist){cat, 1};
  if (data[1] & 0x20) o.languages = (kt_strlist){lang, 1};
  if (data[1] & 0x80) {
    o.municipalities = (kt_strlist){mun, 1};
    o.target_groups = (kt_strlist){grp, 2};
  }
  const char *text = (const char *)data + 2;
  size_t len = size - 2;
  kt_results *r = NULL;
  int rc = kt_search(eng, text, len, &o, &r);
  if (len > KT_MAX_QUERY_BYTES) {
    KT_FUZZ_CHECK(rc == KT_ETOOBIG, "rc %d over the limit", rc);
    return 0;
  }
  int valid = kt__utf8_valid(text, len, NULL);
  KT_FUZZ_CHECK(valid ? rc == KT_OK : rc == KT_EINVAL, "rc %d: %s", rc, kt_error_last());
  if (rc) return 0;
  size_t n = kt_results_count(r);
  size_t limit = o.limit ? o.limit : 10;
  KT_FUZZ_CHECK(n <= limit, "%zu results for limit %zu", n, limit);
  for (size_t i = 0; i < n; i++) {
    const kt_result *x = kt_results_get(r, i);
    KT_FUZZ_CHECK(x && x->id && x->name, "result %zu", i);
    size_t sl = x->snippet ? strlen(x->snippet) : 0;
    for (size_t k = 0; k < x->highlight_count; k++)
      KT_FUZZ_CHECK(x->highlights[k].start < x->highlights[k].end && x->highlights[k].end <= sl,
                    "result %zu highlight %zu [%zu,%zu) in %zu", i, k, x->highlights[k].start,
                    x->highlights[k].end, sl);
    for (size_t k = 0; k < x->match_count; k++)
      KT_FUZZ_CHECK(kt_fuzz_utf8(x->matches[k].word) && kt_fuzz_utf8(x->matches[k].term),
                    "result %zu match %zu", i, k);
    if (i && !(o.flags & KT_SEARCH_GROUP_BY_NEED))
      KT_FUZZ_CHECK(x->score <= kt_results_get(r, i - 1)->score, "scores rise at rank %zu", i);
  }
  for (size_t i = 0; i < kt_results_signal_count(r); i++) {
    const kt_signal *s = kt_results_signal(r, i);
    KT_FUZZ_CHECK(s->span.start <= s->span.end && s->span.end <= len, "signal %zu span", i);
  }
  char *json = NULL;
  KT_FUZZ_CHECK(kt_results_json(r, &json) == KT_OK, "json: %s", kt_error_last());
  KT_FUZZ_CHECK(kt_fuzz_utf8(json), "results JSON is not UTF-8");
  json_t *doc = json_loads(json, 0, NULL);
  KT_FUZZ_CHECK(doc != NULL, "results JSON does not parse");
  json_decref(doc);
  kt_free(json);
  kt_results_free(r);
  return 0;
}
