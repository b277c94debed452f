/*
 * integrity.c — damaged index generations (issue 14, item 5): the checksum
 * manifest a build writes, the checks before a generation is opened or
 * switched to, and LMDB meta pages that would make LMDB abort. Every damaged
 * copy must be refused with KT_ECORRUPT naming the file — never a crash,
 * never an answer from damaged data.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"
#include "hardening.h"
#include "verify.h"

static char *gen_dir(const char *idx) {
  char *p = NULL;
  cr_assert_geq(asprintf(&p, "%s/%s", idx, kt_hard_current(idx)), 0);
  return p;
}

/* XOR one byte of @p path at @p off. */
static void flip(const char *path, off_t off) {
  int fd = open(path, O_RDWR);
  cr_assert_geq(fd, 0, "%s", path);
  unsigned char b;
  cr_assert_eq(pread(fd, &b, 1, off), 1);
  b ^= 0x5a;
  cr_assert_eq(pwrite(fd, &b, 1, off), 1);
  close(fd);
}

/* The files the manifest of @p idx's current generation lists. */
static size_t manifest_files(const char *idx, char files[][128], size_t max) {
  char *m = kt_hard_gen_file(idx, KT__MANIFEST);
  FILE *f = fopen(m, "r");
  cr_assert_not_null(f, "%s missing", m);
  char line[512];
  size_t n = 0;
  while (n < max && fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    snprintf(files[n++], 128, "%.127s", line + 66);
  }
  fclose(f);
  free(m);
  return n;
}

Test(integrity, a_build_writes_a_manifest_that_sha256sum_accepts) {
  char *idx = kt_test_mini_index();
  char files[64][128];
  size_t n = manifest_files(idx, files, 64);
  bool records = false, xapian = false;
  for (size_t i = 0; i < n; i++) {
    records |= !strcmp(files[i], "records.mdb");
    xapian |= !strncmp(files[i], "xapian/", 7);
    cr_assert(!strstr(files[i], "lock"), "a lock file is listed: %s", files[i]);
  }
  cr_assert(records && xapian, "the manifest lists the record store and the Xapian tables");
  char *g = gen_dir(idx), cmd[1024];
  snprintf(cmd, sizeof cmd, "cd '%s' && sha256sum --quiet -c " KT__MANIFEST, g);
  cr_assert_eq(system(cmd), 0, "sha256sum -c accepts the manifest");
  free(g);
  kt__rm_rf(idx);
  free(idx);
}

/* One flipped byte in the middle of any listed file: opening refuses it
 * and names the file; the full check does too. */
Test(integrity, a_flipped_byte_in_any_file_is_refused_naming_it) {
  char *good = kt_test_mini_index();
  char files[64][128];
  size_t n = manifest_files(good, files, 64);
  cr_assert_gt(n, 3);
  for (size_t i = 0; i < n; i++) {
    char *idx = kt_hard_copy_index(good);
    char *p = kt_hard_gen_file(idx, files[i]);
    struct stat st;
    cr_assert_eq(stat(p, &st), 0);
    if (st.st_size == 0) {
      free(p);
      kt__rm_rf(idx);
      free(idx);
      continue;
    }
    flip(p, st.st_size / 2);
    kt_engine *e = NULL;
    int rc = kt_engine_open(&e, idx);
    cr_assert_eq(rc, KT_ECORRUPT, "%s: open gave %d (%s)", files[i], rc, kt_error_last());
    cr_assert_null(e);
    cr_assert(strstr(kt_error_last(), files[i]), "%s: message: %s", files[i], kt_error_last());
    cr_assert_eq(kt_index_verify(idx), KT_ECORRUPT, "%s: kt_index_verify", files[i]);
    free(p);
    kt__rm_rf(idx);
    free(idx);
  }
  kt__rm_rf(good);
  free(good);
}

Test(integrity, a_generation_without_a_manifest_is_refused) {
  char *idx = kt_test_mini_index();
  char *m = kt_hard_gen_file(idx, KT__MANIFEST);
  cr_assert_eq(unlink(m), 0);
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_ECORRUPT);
  cr_assert(strstr(kt_error_last(), "manifest"), "%s", kt_error_last());
  free(m);
  kt__rm_rf(idx);
  free(idx);
}

/* Damage the manifest cannot see (it was rewritten after the damage):
 * Xapian's check, run by kt_index_verify() and before a switch, finds it. */
Test(integrity, damage_behind_a_rewritten_manifest_fails_xapians_check) {
  char *idx = kt_test_mini_index();
  char *p = kt_hard_gen_file(idx, "xapian/postlist.glass");
  struct stat st;
  cr_assert_eq(stat(p, &st), 0);
  cr_assert_eq(truncate(p, st.st_size / 2), 0);
  char *g = gen_dir(idx);
  cr_assert_eq(kt__manifest_write(g), KT_OK);
  cr_assert_eq(kt_index_verify(idx), KT_ECORRUPT, "%s", kt_error_last());
  cr_assert(strstr(kt_error_last(), "postlist") || strstr(kt_error_last(), "xapian"), "%s",
            kt_error_last());
  free(g);
  free(p);
  kt__rm_rf(idx);
  free(idx);
}

/* LMDB asserts `root > 1` and aborts the process on a meta page whose root
 * is a meta page; other roots send it anywhere in the map. The meta pages
 * are checked before LMDB opens the file. */
Test(integrity, lmdb_meta_pages_with_impossible_roots_are_refused_not_an_abort) {
  char *good = kt_test_mini_index();
  /* Offsets inside a meta page (after the 16-byte page header): the main
   * database's root is at 24 + 48 + 40, its depth at 24 + 48 + 6, the last
   * page at 24 + 96; the second meta page starts one page (psize) in. */
  const struct {
    const char *what;
    size_t off;
    uint64_t value;
    int width;
  } cases[] = {
      {"root 1", 16 + 24 + 48 + 40, 1, 8},
      {"root 0", 16 + 24 + 48 + 40, 0, 8},
      {"root beyond the file", 16 + 24 + 48 + 40, 1u << 30, 8},
      {"last page beyond the file", 16 + 24 + 96, 1u << 30, 8},
      {"magic", 16, 0x12345678, 4},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    for (int meta = 0; meta < 2; meta++) {
      char *idx = kt_hard_copy_index(good);
      char *p = kt_hard_gen_file(idx, "records.mdb");
      int fd = open(p, O_RDWR);
      cr_assert_geq(fd, 0);
      uint32_t psize = 0;
      cr_assert_eq(pread(fd, &psize, 4, 16 + 24), 4);
      cr_assert_eq(
          pwrite(fd, &cases[i].value, (size_t)cases[i].width, (off_t)(meta * psize + cases[i].off)),
          cases[i].width);
      close(fd);
      char *g = gen_dir(idx);
      cr_assert_eq(kt__manifest_write(g), KT_OK); /* only the meta check can see it */
      kt_engine *e = NULL;
      int rc = kt_engine_open(&e, idx);
      cr_assert_eq(rc, KT_ECORRUPT, "%s (meta %d): %d %s", cases[i].what, meta, rc,
                   kt_error_last());
      cr_assert(strstr(kt_error_last(), "records.mdb"), "%s", kt_error_last());
      free(g);
      free(p);
      kt__rm_rf(idx);
      free(idx);
    }
  }
  kt__rm_rf(good);
  free(good);
}

/* An engine asked to switch to a damaged generation keeps the one it has,
 * answers from it, and refuses the damaged one again without re-reading it. */
Test(integrity, a_refresh_to_a_damaged_generation_keeps_the_current_one) {
  char *idx = kt_test_mini_index();
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK);
  kt_index_info before;
  kt_engine_info(e, &before);
  char *old_gen = strdup(before.generation);
  kt_build_options o = KT_BUILD_OPTIONS_INIT;
  o.keep_generations = 3;
  cr_assert_eq(kt_index_build(KT_TEST_DATA "/catalog-mini", idx, &o, NULL), KT_OK, "%s",
               kt_error_last());
  char *p = kt_hard_gen_file(idx, "xapian/postlist.glass");
  struct stat st;
  cr_assert_eq(stat(p, &st), 0);
  flip(p, st.st_size / 3);
  for (int round = 0; round < 2; round++) {
    int changed = 1;
    cr_assert_eq(kt_engine_refresh(e, &changed), KT_ECORRUPT, "round %d: %s", round,
                 kt_error_last());
    cr_assert_eq(changed, 0);
    cr_assert(strstr(kt_error_last(), "postlist"), "%s", kt_error_last());
    kt_index_info now;
    kt_engine_info(e, &now);
    cr_assert_str_eq(now.generation, old_gen);
    kt_results *r = kt_test_search(e, "velat ja ulosotto", NULL);
    cr_assert_gt(kt_results_count(r), 0);
    kt_results_free(r);
  }
  kt_engine_close(e);
  free(p);
  free(old_gen);
  kt__rm_rf(idx);
  free(idx);
}
