/*
 * index.c — builds an index generation from the catalogue and switches to it
 * atomically.
 *
 * Layout of an index root:
 *   .lock                  flock()ed by the one build allowed at a time
 *   current -> gen-<stamp> symlink; replaced by rename(2), so readers see
 *                          either the old or the new generation, never a mix
 *   gen-<stamp>/xapian/    field-aware terms, filter terms and values
 *   gen-<stamp>/records.mdb  full service records and metadata (LMDB)
 *   .build-<pid>/          a build in progress; renamed when complete
 * A build killed at any point leaves `current` untouched; its leftover
 * .build-* folder is removed by the next build.
 */
#define _GNU_SOURCE
#include "analyze.h"
#include "catalog.h"
#include "engine.h"
#include "thesaurus.h"
#include "verify.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The fields' prefixes and weights: the schema table (engine/schema.h). */
typedef kt__field field_spec;
static const field_spec *const F_NAME = &kt__fields[KT__F_NAME];
static const field_spec *const F_SUMMARY = &kt__fields[KT__F_SUMMARY];
static const field_spec *const F_DESC = &kt__fields[KT__F_DESCRIPTION];
static const field_spec *const F_KEYWORDS = &kt__fields[KT__F_KEYWORDS];
static const field_spec *const F_TARGET = &kt__fields[KT__F_TARGET];
static const field_spec *const F_COND = &kt__fields[KT__F_CONDITIONS];
static const field_spec *const F_PROVIDER = &kt__fields[KT__F_PROVIDER];

static int add_text(kt_analyzer *an, ktx_doc *doc, const field_spec *f,
                    const char *text) {
  if (!text || !*text) return KT_OK;
  kt__wordlist wl;
  int rc = kt__text_words(text, strlen(text), &wl);
  if (rc) return rc;
  char term[256];
  for (size_t i = 0; i < wl.count && !rc; i++) {
    kt__wordan wa;
    rc = kt__analyze_word(an, &wl.items[i], &wa);
    if (rc || wa.stop) continue;
    /* Baseline term spaces for evaluation: exact surface form and Snowball stem. */
    snprintf(term, sizeof term, KT__PREFIX_SURFACE "%s", wl.items[i].text);
    rc = ktx_doc_add_term(doc, term, f->wdf);
    char stem[240];
    if (!rc) rc = kt__analyzer_stem(an, wl.items[i].text, stem, sizeof stem);
    if (!rc) { /* stem is unset when the stemmer failed */
      snprintf(term, sizeof term, KT__PREFIX_SNOWBALL "%s", stem);
      rc = ktx_doc_add_term(doc, term, f->wdf);
    }
    for (size_t t = 0; t < wa.count && !rc; t++) {
      rc = ktx_doc_add_term(doc, wa.terms[t].text, f->wdf);
      snprintf(term, sizeof term, "%s%s", f->prefix, wa.terms[t].text);
      if (!rc) rc = ktx_doc_add_term(doc, term, 1);
    }
  }
  kt__wordlist_free(&wl);
  return rc;
}

static int add_ml(kt_analyzer *an, ktx_doc *doc, const field_spec *f, const kt__ml *m) {
  int rc = add_text(an, doc, f, m->fi);
  if (!rc) rc = add_text(an, doc, f, m->sv);
  if (!rc) rc = add_text(an, doc, f, m->en);
  return rc;
}

static int add_bool(ktx_doc *doc, const char *prefix, const char *value) {
  char *f = kt__casefold(value);
  if (!f) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  char term[256];
  snprintf(term, sizeof term, "%s%s", prefix, f);
  free(f);
  return ktx_doc_add_boolean(doc, term);
}

/* Document data: tab-separated fields (KT__D_* in schema.h); text is
 * flattened so it holds no tabs or newlines. */
static int add_flat(kt__buf *b, const char *text) {
  int rc = KT_OK;
  for (const char *p = text ? text : ""; *p && !rc; p++)
    rc = kt__buf_add(b, *p == '\t' || *p == '\n' || *p == '\r' ? " " : p, 1);
  return rc;
}

static int add_folded_list(kt__buf *b, const char *const *items, size_t n) {
  int rc = KT_OK;
  for (size_t i = 0; i < n && !rc; i++) {
    char *f = kt__casefold(items[i]);
    if (!f) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    if (i) rc = kt__buf_adds(b, ",");
    if (!rc) rc = add_flat(b, f);
    free(f);
  }
  return rc;
}

static int index_service(kt_analyzer *an, ktx_writer *w, const kt__service *s) {
  ktx_doc *doc;
  int rc = ktx_doc_new(&doc);
  if (rc) return rc;
  kt__analyzer_trim(an); /* between documents only: term pointers stay valid within one */
  rc = add_ml(an, doc, F_NAME, &s->name);
  if (!rc) rc = add_ml(an, doc, F_SUMMARY, &s->summary);
  if (!rc) rc = add_ml(an, doc, F_DESC, &s->description);
  if (!rc) rc = add_ml(an, doc, F_TARGET, &s->target_description);
  for (size_t i = 0; !rc && i < s->n_target_groups; i++)
    rc = add_text(an, doc, F_TARGET, kt__target_group_label(s->target_groups[i]));
  if (!rc) rc = add_ml(an, doc, F_COND, &s->requirements);
  if (!rc) rc = add_ml(an, doc, F_COND, &s->referral);
  for (size_t i = 0; !rc && i < s->n_keywords; i++)
    rc = add_text(an, doc, F_KEYWORDS, s->keywords[i]);
  if (!rc) rc = add_text(an, doc, F_PROVIDER, s->provider_name);

  if (!rc) rc = add_bool(doc, KT__PREFIX_ID, s->id);
  if (!rc) rc = add_bool(doc, KT__PREFIX_CATEGORY, s->category);
  for (size_t i = 0; !rc && i < s->n_target_groups; i++) rc = add_bool(doc, KT__PREFIX_TARGET_GROUP, s->target_groups[i]);
  /* The same groups as ranked terms: a need signal (age, long unemployment,
   * language) can retrieve the services made for it (search.c). */
  for (size_t i = 0; !rc && i < s->n_target_groups; i++) {
    char term[256];
    snprintf(term, sizeof term, KT__PREFIX_GROUP "%s", s->target_groups[i]);
    rc = ktx_doc_add_term(doc, term, 1);
  }
  for (size_t i = 0; !rc && i < s->n_languages; i++) rc = add_bool(doc, KT__PREFIX_LANGUAGE, s->languages[i]);
  for (size_t i = 0; !rc && i < s->n_municipalities; i++)
    rc = add_bool(doc, KT__PREFIX_MUNICIPALITY, s->municipalities[i]);
  if (!rc) rc = ktx_doc_set_value(doc, KTX_SLOT_ID, s->id, strlen(s->id));
  if (!rc) rc = ktx_doc_set_value(doc, KTX_SLOT_CATEGORY, s->category, strlen(s->category));
  char num[16];
  if (!rc && s->age_min >= 0) {
    snprintf(num, sizeof num, "%03d", s->age_min);
    rc = ktx_doc_set_value(doc, KTX_SLOT_AGE_MIN, num, strlen(num));
  }
  if (!rc && s->age_max >= 0) {
    snprintf(num, sizeof num, "%03d", s->age_max);
    rc = ktx_doc_set_value(doc, KTX_SLOT_AGE_MAX, num, strlen(num));
  }
  if (!rc) {
    kt__buf data;
    kt__buf_init(&data, 1 << 16);
    rc = kt__buf_printf(&data, "%s\t%s\t%s\t", s->id, s->name.fi, s->category);
    if (!rc) rc = add_flat(&data, s->provider_name);
    if (!rc)
      rc = kt__buf_printf(&data, "\t%d\t%d\t%s\t", s->age_min, s->age_max,
                          s->finnish_level ? s->finnish_level : "");
    if (!rc) rc = add_folded_list(&data, s->target_groups, s->n_target_groups);
    if (!rc) rc = kt__buf_adds(&data, "\t");
    if (!rc) rc = add_folded_list(&data, s->languages, s->n_languages);
    if (!rc) rc = kt__buf_adds(&data, "\t");
    if (!rc) rc = add_folded_list(&data, s->municipalities, s->n_municipalities);
    if (!rc) rc = ktx_doc_set_data(doc, data.data, data.len);
    kt__buf_free(&data);
  }
  if (!rc) rc = ktx_writer_add(w, doc);
  ktx_doc_free(doc);
  return rc;
}

typedef struct build_ctx {
  kt_analyzer *an;
  ktx_writer *w;
  kt__store *st;
  const kt_build_options *opts;
} build_ctx;

/* Index one service and store its record (a kt__catalog_scan callback). */
static int index_one(const kt__service *s, size_t i, size_t n, void *ud) {
  build_ctx *b = ud;
  /* An ended service keeps its record (show, the service API, feedback on
   * past referrals) but gets no document: no search can rank it. */
  int rc = s->ended ? KT_OK : index_service(b->an, b->w, s);
  if (rc) {
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", kt_error_last());
    return kt__err(rc, "indexing %s: %s", s->file, msg);
  }
  if ((rc = kt__store_put(b->st, s->id, s->json, strlen(s->json)))) return rc;
  /* Bound the memory of one write transaction on large catalogues. */
  if ((i + 1) % 10000 == 0 && (rc = kt__store_checkpoint(b->st))) return rc;
  if (b->opts && b->opts->progress) b->opts->progress(i + 1, n, b->opts->userdata);
  return KT_OK;
}

static int fsync_path(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return KT_EIO;
  int r = fsync(fd);
  close(fd);
  return r == 0 ? KT_OK : KT_EIO;
}

static int cmp_name(const void *a, const void *b) {
  const char *x = *(char *const *)a, *y = *(char *const *)b;
  return strcmp(x ? x : "", y ? y : "");
}

/* Remove leftovers of killed builds and generations beyond @p keep. */
static void prune(const char *root, const char *current, size_t keep) {
  DIR *d = opendir(root);
  if (!d) return;
  char *gens[4096];
  size_t ng = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    char *p = NULL;
    if (!strncmp(e->d_name, ".build-", 7) || !strncmp(e->d_name, "current.tmp-", 12)) {
      if ((p = kt__path_join(root, e->d_name))) kt__rm_rf(p);
      free(p);
    } else if (!strncmp(e->d_name, "gen-", 4) && ng < 4096) {
      gens[ng++] = strdup(e->d_name);
    }
  }
  closedir(d);
  /* Names sort by build time; keep the newest `keep` and always current. A
   * generation named after current was published by a build killed before
   * its switch (builds are serialised by the lock): a leftover, removed, so
   * that it does not take the place of one of the generations kept. */
  // cppcheck-suppress uninitvar ; only the ng names read are sorted (none when ng is 0)
  qsort(gens, ng, sizeof *gens, cmp_name);
  if (*current && keep < ng) {
    size_t w = 0;
    for (size_t i = 0; i < ng; i++) {
      if (gens[i] && strcmp(gens[i], current) > 0) {
        char *p = kt__path_join(root, gens[i]);
        if (p) kt__rm_rf(p);
        free(p);
        free(gens[i]);
      } else {
        gens[w++] = gens[i];
      }
    }
    ng = w;
  }
  for (size_t i = 0; i < ng; i++) {
    /* i < ng - keep, not i + keep < ng: keep may be SIZE_MAX ("none"). */
    if (gens[i] && keep < ng && i < ng - keep && strcmp(gens[i], current) != 0) {
      char *p = kt__path_join(root, gens[i]);
      if (p) kt__rm_rf(p);
      free(p);
    }
    free(gens[i]);
  }
}

static int take_lock(const char *root, int *fd_out) {
  char *lp = kt__path_join(root, ".lock");
  if (!lp) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  int fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    int rc = kt__err(KT_EIO, "cannot open lock file %s: %s", lp, strerror(errno));
    free(lp);
    return rc;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char pid[32] = "";
    ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
    pid[n > 0 ? n : 0] = '\0';
    pid[strcspn(pid, "\n")] = '\0';
    int rc = kt__err(KT_ELOCKED, "index %s is being built by another process%s%s%s",
                     root, *pid ? " (pid " : "", pid, *pid ? ")" : "");
    close(fd);
    free(lp);
    return rc;
  }
  char pid[32];
  int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
  if (ftruncate(fd, 0) == 0 && pwrite(fd, pid, (size_t)n, 0) < 0) { /* best effort */ }
  free(lp);
  *fd_out = fd;
  return KT_OK;
}

int kt_index_build(const char *catalog_dir, const char *index_dir,
                   const kt_build_options *opts, kt_build_stats *stats) {
  kt__err_clear();
  if (!catalog_dir || !index_dir) return kt__err(KT_EINVAL, "kt_index_build: NULL directory");
  if (opts && (opts->version < 1 || opts->version > KT_BUILD_OPTIONS_VERSION))
    return kt__err(KT_EINVAL, "kt_build_options.version is %u; expected 1 to %d", opts->version,
                   KT_BUILD_OPTIONS_VERSION);
  size_t shards = opts && opts->version >= 2 ? opts->shards : 0;
  if (shards > KT_MAX_SHARDS)
    return kt__err(KT_EINVAL, "%zu shards asked; the limit is %d", shards, KT_MAX_SHARDS);
  double t0 = kt__now();
  int rc = kt__mkdir_p(index_dir);
  if (rc) return rc;
  int lockfd = -1;
  if ((rc = take_lock(index_dir, &lockfd))) return rc;

  kt_analyzer *an = NULL;
  ktx_writer *w = NULL;
  kt__store *st = NULL;
  char *build = NULL, *xdir = NULL, *rpath = NULL, *gen = NULL, *tmp = NULL, *cur = NULL;
  char genname[64], bname[64], tname[64];
  size_t nterms = 0;

  /* Validate the whole catalogue first (pass 1 of the scan) so a broken
   * file costs no indexing; then index file by file (pass 2). */
  kt__scan_stats scan;
  if ((rc = kt__catalog_scan(catalog_dir, NULL, NULL, &scan))) goto out_unlock;
  prune(index_dir, "", (size_t)-1); /* only removes leftovers of killed builds */

  snprintf(bname, sizeof bname, ".build-%ld", (long)getpid());
  build = kt__path_join(index_dir, bname);
  if (!build) { rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__); goto out; }
  kt__rm_rf(build);
  if ((rc = kt__mkdir_p(build))) goto out;
  xdir = kt__path_join(build, "xapian");
  rpath = kt__path_join(build, "records.mdb");
  if (!xdir || !rpath) { rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__); goto out; }
  if ((rc = kt_analyzer_open(&an))) goto out;
  kt__analyzer_set_fix_umlauts(an, false);
  {
    char *tdir = kt__path_join(catalog_dir, "thesaurus"), *tout = kt__path_join(build, "thesaurus.tsv");
    rc = tdir && tout ? kt__thesaurus_compile(an, tdir, tout, NULL) : KT_ENOMEM;
    free(tdir);
    free(tout);
    if (rc) goto out;
  }
  if (shards < 2) {
    if ((rc = ktx_writer_open(&w, xdir))) goto out;
  } else {
    /* gen/shards/0 .. n-1: the layout kt_engine_open() looks for. */
    char *sdir = kt__path_join(build, "shards"), *paths[KT_MAX_SHARDS] = {0};
    rc = sdir ? kt__mkdir_p(sdir) : KT_ENOMEM;
    for (size_t i = 0; i < shards && !rc; i++) {
      char name[24];
      snprintf(name, sizeof name, "%zu", i);
      if (!(paths[i] = kt__path_join(sdir, name))) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
    if (!rc) rc = ktx_writer_open_shards(&w, (const char *const *)paths, shards);
    for (size_t i = 0; i < shards; i++) free(paths[i]);
    free(sdir);
    if (rc) goto out;
  }
  /* Records are canonical JSON, no bigger than the files they came from. */
  if ((rc = kt__store_create(&st, rpath, scan.bytes * 2 + (16u << 20)))) goto out;
  build_ctx bc = {an, w, st, opts};
  if ((rc = kt__catalog_scan(catalog_dir, index_one, &bc, &scan))) goto out;
  /* Metadata: build time (UTC) and size. */
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  char built[32], count[32];
  strftime(built, sizeof built, "%Y-%m-%dT%H:%M:%SZ", &tm);
  snprintf(count, sizeof count, "%zu", scan.services);
  if ((rc = kt__store_put(st, "#built_at", built, strlen(built)))) goto out;
  if ((rc = kt__store_put(st, "#services", count, strlen(count)))) goto out;
  if ((rc = kt__store_put(st, "#engine", KT_VERSION_STRING, strlen(KT_VERSION_STRING)))) goto out;
  if ((rc = kt__store_put(st, "#format", KT__INDEX_FORMAT, strlen(KT__INDEX_FORMAT)))) goto out;
  if ((rc = kt__store_commit(st))) goto out;
  kt__store_close(st);
  st = NULL;
  if ((rc = ktx_writer_commit(w, &nterms))) goto out;
  ktx_writer_free(w);
  w = NULL;
  fsync_path(build);
  /* Checksums of what was written, then a full check of it read back, so a
   * generation damaged on its way to disk never becomes current. */
  if ((rc = kt__manifest_write(build))) goto out;
  if ((rc = kt__gen_verify(build, true))) goto out;

  /* Publish: rename the finished build, then swap the `current` symlink. */
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  /* Seconds and microseconds of one reading, so that names sort by publish
   * time: the build's start second with a later reading's microseconds
   * could name a later generation before an earlier one, and pruning then
   * removed the earlier one as a leftover (index test, under load). */
  gmtime_r(&ts.tv_sec, &tm);
  strftime(built, sizeof built, "%Y%m%dT%H%M%S", &tm);
  snprintf(genname, sizeof genname, "gen-%.15s.%06ldZ-%ld", built, ts.tv_nsec / 1000,
           (long)getpid());
  gen = kt__path_join(index_dir, genname);
  snprintf(tname, sizeof tname, "current.tmp-%ld", (long)getpid());
  tmp = kt__path_join(index_dir, tname);
  cur = kt__path_join(index_dir, "current");
  if (!gen || !tmp || !cur) { rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__); goto out; }
  if (rename(build, gen) != 0) {
    rc = kt__err(KT_EIO, "cannot rename %s to %s: %s", build, gen, strerror(errno));
    goto out;
  }
  fsync_path(index_dir);
  unlink(tmp);
  if (symlink(genname, tmp) != 0 || rename(tmp, cur) != 0) {
    rc = kt__err(KT_EIO, "cannot switch %s to %s: %s", cur, genname, strerror(errno));
    unlink(tmp);
    goto out;
  }
  fsync_path(index_dir);
  prune(index_dir, genname,
        opts && opts->keep_generations ? opts->keep_generations : 2);
  if (stats) {
    stats->services = scan.services;
    stats->terms = nterms;
    stats->seconds = kt__now() - t0;
    snprintf(stats->generation, sizeof stats->generation, "%s", genname);
  }

out:
  kt__store_close(st);
  ktx_writer_free(w);
  kt_analyzer_close(an);
  if (rc && build) kt__rm_rf(build);
  /* Every failure of a build names the index it was for (Xapian's and the
   * file system's messages name only a table or a block). */
  if (rc && !strstr(kt_error_last(), index_dir)) {
    char msg[4096];
    snprintf(msg, sizeof msg, "%s", kt_error_last());
    kt__err(rc, "building index %s: %s", index_dir, msg);
  }
  free(build); free(xdir); free(rpath); free(gen); free(tmp); free(cur);
out_unlock:
  flock(lockfd, LOCK_UN);
  close(lockfd);
  return rc;
}
