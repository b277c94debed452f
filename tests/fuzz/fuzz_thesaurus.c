/* fuzz_thesaurus.c — the thesaurus parser: the input is written as one
 * thesaurus file and compiled with kt__thesaurus_compile(). Invariants:
 * OK or KT_ECATALOG (never a crash or another code); errors name the file
 * and are valid UTF-8; whatever the compiler accepts, the loader loads
 * (kt__thesaurus_load) and can search with. */
#define _GNU_SOURCE
#include "analyze.h"
#include "engine.h"
#include "fuzz.h"
#include "thesaurus.h"

#include <string.h>

static kt_analyzer *an;
static char root[64], tdir[128], tfile[160], out[160];

static void cleanup(void) {
  kt_analyzer_close(an);
  kt__rm_rf(root);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  snprintf(root, sizeof root, "/tmp/kt-fuzz-thes-XXXXXX");
  if (!mkdtemp(root) || kt_analyzer_open(&an) != KT_OK) {
    fprintf(stderr, "fuzz_thesaurus: %s\n", kt_error_last());
    exit(1);
  }
  kt__analyzer_set_fix_umlauts(an, false); /* as the indexer does */
  snprintf(tdir, sizeof tdir, "%s/thesaurus", root);
  snprintf(tfile, sizeof tfile, "%s/a.txt", tdir);
  snprintf(out, sizeof out, "%s/thesaurus.tsv", root);
  kt__mkdir_p(tdir);
  atexit(cleanup);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = fopen(tfile, "wb");
  if (!f) abort();
  fwrite(data, 1, size, f);
  fclose(f);
  size_t n = 0;
  int rc = kt__thesaurus_compile(an, tdir, out, &n);
  KT_FUZZ_CHECK(rc == KT_OK || rc == KT_ECATALOG || rc == KT_ETOOBIG, "rc %d: %s", rc,
                kt_error_last());
  if (rc) {
    KT_FUZZ_CHECK(kt_fuzz_utf8(kt_error_last()), "message is not UTF-8");
    KT_FUZZ_CHECK(rc != KT_ECATALOG || strstr(kt_error_last(), "thesaurus"),
                  "message does not name the thesaurus: %s", kt_error_last());
    return 0;
  }
  kt__thesaurus *t = NULL;
  rc = kt__thesaurus_load(out, &t);
  KT_FUZZ_CHECK(rc == KT_OK, "an accepted thesaurus does not load: %s", kt_error_last());
  KT_FUZZ_CHECK(kt__thesaurus_count(t) == n, "%zu concepts compiled, %zu loaded", n,
                kt__thesaurus_count(t));
  /* Look for its concepts in the input itself, as a need text. */
  kt_analysis *a = NULL;
  size_t len = size > 4096 ? 4096 : size;
  if (kt_analyze(an, (const char *)data, len, &a) == KT_OK) {
    size_t nt = kt_analysis_count(a);
    bool *skip = calloc(nt + 1, sizeof *skip);
    kt__found found[64];
    size_t nf = kt__thesaurus_find(t, a, skip, NULL, NULL, found, 64, NULL);
    for (size_t i = 0; i < nf; i++)
      KT_FUZZ_CHECK(found[i].concept < n && found[i].first <= found[i].last && found[i].last < nt,
                    "found %zu out of range", i);
    free(skip);
    kt_analysis_free(a);
  }
  kt__thesaurus_free(t);
  return 0;
}
