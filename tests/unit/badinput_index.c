/* Missing and damaged indexes (issue 7): roots that are no index, missing
 * parts of a generation, a truncated record store, damaged Xapian tables
 * and a damaged compiled thesaurus. The result is KT_ENOINDEX only without
 * `current`, else KT_ECORRUPT naming the file, or an answer; never a crash.
 * (Split from badinput.c, issue 12.) */
#define _GNU_SOURCE
#include "hardening.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MINI KT_TEST_DATA "/catalog-mini"
#define BASE_SERVICE MINI "/services/tyokokeilu.json"

/* ======================================================================== */
/* Missing and damaged indexes                                               */
/* ======================================================================== */

TestSuite(badinput_index);

/* Open and search a damaged index: either a clear error naming the index, or
 * (damage Xapian does not notice) an answer; never a crash. */
static void open_damaged(const char *what, const char *idx, int want_open_rc, const char *msg) {
  kt_engine *e = NULL;
  int rc = kt_engine_open(&e, idx);
  if (want_open_rc != KT_OK) {
    cr_assert_eq(rc, want_open_rc, "%s: rc %d (%s)", what, rc, kt_error_last());
    cr_assert_null(e);
    kt_hard_assert_msg(what, idx);
    if (msg) kt_hard_assert_msg(what, msg);
    return;
  }
  if (rc) {
    cr_assert(rc == KT_ECORRUPT || rc == KT_ENOINDEX || rc == KT_EIO, "%s: rc %d (%s)", what, rc,
              kt_error_last());
    kt_hard_assert_msg(what, NULL);
    return;
  }
  kt_results *r = NULL;
  rc = kt_search(e, KT_HARD_QUERY, strlen(KT_HARD_QUERY), NULL, &r);
  if (rc) {
    cr_assert(rc == KT_ECORRUPT || rc == KT_EIO || rc == KT_EINTERNAL, "%s: search rc %d (%s)",
              what, rc, kt_error_last());
    kt_hard_assert_msg(what, NULL);
  }
  kt_results_free(r);
  char *json = NULL;
  rc = kt_service_get(e, "palkkatuki", &json, NULL);
  cr_assert(rc == KT_OK || rc == KT_ECORRUPT || rc == KT_EIO || rc == KT_ENOTFOUND, "%s: get rc %d",
            what, rc);
  kt_free(json);
  kt_engine_close(e);
}

Test(badinput_index, a_root_that_is_no_index_is_named) {
  char *d = kt_hard_tmpdir();
  open_damaged("empty folder", d, KT_ENOINDEX, "no index at");
  char p[600];
  snprintf(p, sizeof p, "%s/file", d);
  kt_hard_write(p, "x", 1);
  open_damaged("a file as the index root", p, KT_ENOINDEX, "no index at");
  /* `current` that is a plain file, dangling, or leads outside the root. */
  snprintf(p, sizeof p, "%s/current", d);
  kt_hard_write(p, "gen-x", 5);
  open_damaged("current is a file", d, KT_ECORRUPT, "not a symbolic link");
  unlink(p);
  cr_assert_eq(symlink("gen-gone", p), 0);
  open_damaged("current dangles", d, KT_ECORRUPT, "gen-gone");
  unlink(p);
  cr_assert_eq(symlink("../elsewhere", p), 0);
  open_damaged("current leads outside", d, KT_ECORRUPT, "outside");
  unlink(p);
  cr_assert_eq(symlink(".", p), 0);
  open_damaged("current is the root itself", d, KT_ECORRUPT, "not a generation");
  unlink(p);
  cr_assert_eq(symlink("current", p), 0);
  open_damaged("current points at itself", d, KT_ECORRUPT, "not a generation");
  kt__rm_rf(d);
  free(d);
}

Test(badinput_index, missing_parts_of_a_generation_are_named) {
  char *good = kt_test_mini_index();
  const char *parts[] = {"records.mdb", "xapian"};
  for (size_t i = 0; i < 2; i++) {
    char *idx = kt_hard_copy_index(good);
    char *p = kt_hard_gen_file(idx, parts[i]);
    kt__rm_rf(p);
    open_damaged(parts[i], idx, KT_ECORRUPT, "incomplete");
    free(p);
    kt__rm_rf(idx);
    free(idx);
  }
  kt__rm_rf(good);
  free(good);
}

Test(badinput_index, a_truncated_record_store_is_ecorrupt_not_a_crash) {
  char *good = kt_test_mini_index();
  char *gp = kt_hard_gen_file(good, "records.mdb");
  struct stat st;
  cr_assert_eq(stat(gp, &st), 0);
  off_t sizes[] = {0, 100, 4096, 8192 + 17, st.st_size / 2, st.st_size - 4096};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    char *idx = kt_hard_copy_index(good);
    char *p = kt_hard_gen_file(idx, "records.mdb");
    cr_assert_eq(truncate(p, sizes[i]), 0);
    char what[64];
    snprintf(what, sizeof what, "records.mdb cut to %lld bytes", (long long)sizes[i]);
    open_damaged(what, idx, KT_ECORRUPT, "records.mdb");
    free(p);
    kt__rm_rf(idx);
    free(idx);
  }
  free(gp);
  kt__rm_rf(good);
  free(good);
}

Test(badinput_index, damaged_xapian_tables_are_an_error_or_an_answer_never_a_crash) {
  char *good = kt_test_mini_index();
  char *xd = kt_hard_gen_file(good, "xapian");
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "ls %s", xd);
  char *ls = NULL;
  kt_test_run(cmd, &ls);
  unsigned seed = (unsigned)time(NULL);
  srand(seed);
  int cases = 0;
  for (char *name = strtok(ls, "\n"); name; name = strtok(NULL, "\n")) {
    for (int how = 0; how < 4; how++) {
      char *idx = kt_hard_copy_index(good);
      char *x = kt_hard_gen_file(idx, "xapian");
      char p[1400];
      snprintf(p, sizeof p, "%s/%s", x, name);
      struct stat st;
      cr_assert_eq(stat(p, &st), 0);
      char what[256];
      if (how == 0) {
        cr_assert_eq(truncate(p, 0), 0);
        snprintf(what, sizeof what, "%s emptied", name);
      } else if (how == 1) {
        cr_assert_eq(truncate(p, st.st_size / 2), 0);
        snprintf(what, sizeof what, "%s cut in half", name);
      } else {
        /* Overwrite a run of bytes with noise (seed printed for a rerun). */
        size_t len = 0;
        char *b = kt_hard_read(p, &len);
        size_t at = len ? (size_t)rand() % len : 0, run = 1 + (size_t)rand() % 64;
        for (size_t k = at; k < len && k < at + run; k++)
          b[k] = (char)rand();
        kt_hard_write(p, b, len);
        free(b);
        snprintf(what, sizeof what, "%s noise at %zu (seed %u)", name, at, seed);
      }
      open_damaged(what, idx, KT_OK, NULL);
      cases++;
      free(x);
      kt__rm_rf(idx);
      free(idx);
    }
  }
  cr_assert_geq(cases, 8);
  free(ls);
  free(xd);
  kt__rm_rf(good);
  free(good);
}

Test(badinput_index, a_damaged_compiled_thesaurus_is_ecorrupt_naming_the_line) {
  char *good = kt_test_mini_index();
  const char *bad[] = {"garbage\n", "C\tonly-two\n", "E\tbefore-any-concept\n", "X\tterm\n",
                       "C\ta\t0.5\tl\t\t\t\nQ\tunknown\n"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char *idx = kt_hard_copy_index(good);
    char *p = kt_hard_gen_file(idx, "thesaurus.tsv");
    kt_hard_write(p, bad[i], strlen(bad[i]));
    open_damaged(bad[i], idx, KT_ECORRUPT, "thesaurus.tsv:");
    free(p);
    kt__rm_rf(idx);
    free(idx);
  }
  kt__rm_rf(good);
  free(good);
}
