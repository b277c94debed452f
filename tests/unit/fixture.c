/* fixture.c — the bundled catalogue's index shared by a suite's tests
 * (fixture.h). */
#define _GNU_SOURCE
#include "fixture.h"

#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where the runner put the index, for its test processes. */
#define INDEX_ENV "KT_TEST_BUNDLED_INDEX"
/* Only a folder of this name is removed. */
#define INDEX_PREFIX "/tmp/kt-shared-"

ReportHook(PRE_ALL)(struct criterion_test_set *set) {
  (void)set;
  char tmpl[] = INDEX_PREFIX "XXXXXX";
  char *dir = mkdtemp(tmpl);
  if (!dir || kt_index_build(KT_CATALOG_DIR, dir, NULL, NULL) != KT_OK) {
    fprintf(stderr, "cannot build the bundled catalogue: %s\n", kt_error_last());
    abort();
  }
  setenv(INDEX_ENV, dir, 1);
}

ReportHook(POST_ALL)(struct criterion_global_stats *stats) {
  (void)stats;
  const char *dir = getenv(INDEX_ENV);
  if (dir && !strncmp(dir, INDEX_PREFIX, strlen(INDEX_PREFIX))) kt__rm_rf(dir);
}

const char *kt_fixture_index(void) {
  const char *dir = getenv(INDEX_ENV);
  cr_assert_not_null(dir, "the shared index was not built");
  return dir;
}

kt_engine *kt_fixture_engine(void) {
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, kt_fixture_index()), KT_OK, "%s", kt_error_last());
  return e;
}
