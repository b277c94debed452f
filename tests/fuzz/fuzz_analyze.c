/* fuzz_analyze.c — text analysis: any bytes through kt_analyze(). The
 * invariants: invalid UTF-8 (and only that, within the limit) is KT_EINVAL;
 * words lie inside the text, in order, on character boundaries; every
 * surface and term is non-empty valid UTF-8. */
#include "fuzz.h"

#include <string.h>

static kt_analyzer *an;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  if (kt_analyzer_open(&an) != KT_OK) {
    fprintf(stderr, "fuzz_analyze: %s\n", kt_error_last());
    exit(1);
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  kt_analysis *a = NULL;
  int rc = kt_analyze(an, text, size, &a);
  int valid = kt__utf8_valid(text, size, NULL);
  if (size > KT_MAX_QUERY_BYTES) {
    KT_FUZZ_CHECK(rc == KT_ETOOBIG, "rc %d over the limit", rc);
    return 0;
  }
  KT_FUZZ_CHECK(valid ? rc == KT_OK : rc == KT_EINVAL, "rc %d for %s UTF-8: %s", rc,
                valid ? "valid" : "invalid", kt_error_last());
  if (rc) return 0;
  size_t prev_end = 0;
  for (size_t i = 0; i < kt_analysis_count(a); i++) {
    const kt_token *t = kt_analysis_get(a, i);
    KT_FUZZ_CHECK(t->start < t->end && t->end <= size && t->start >= prev_end,
                  "token %zu at [%zu,%zu) after %zu in %zu bytes", i, t->start, t->end, prev_end,
                  size);
    KT_FUZZ_CHECK(kt__utf8_valid(text + t->start, t->end - t->start, NULL),
                  "token %zu cuts a character", i);
    KT_FUZZ_CHECK(kt_fuzz_utf8(t->surface) && *t->surface, "token %zu surface", i);
    for (size_t k = 0; k < t->term_count; k++)
      KT_FUZZ_CHECK(kt_fuzz_utf8(t->terms[k].text) && *t->terms[k].text &&
                        t->terms[k].kind >= KT_TERM_LEMMA && t->terms[k].kind <= KT_TERM_TYPO,
                    "token %zu term %zu", i, k);
    prev_end = t->end;
  }
  kt_analysis_free(a);
  return 0;
}
