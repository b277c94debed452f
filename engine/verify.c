/*
 * verify.c — the integrity of an index generation. A build hashes every
 * file it wrote (SHA-256, OpenSSL's libcrypto) into MANIFEST.sha256 before
 * the generation is published; a reader checks the manifest, and LMDB's
 * meta pages, before it trusts a generation, and a switch (a build before it
 * publishes, a server before it follows `current`) runs Xapian's own
 * consistency check as well. Neither LMDB nor Xapian's glass tables carry
 * checksums, and both trust their files: a damaged page can abort, crash or
 * silently mislead a reader.
 */
#define _GNU_SOURCE
#include "verify.h"
#include "engine.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILES 1024 /* files in one generation (a few per shard) */
#define MAX_REL 256    /* length of a path inside a generation */
#define HEX_LEN 64

/* Files that are not content: lock files of LMDB and Xapian. */
static bool skipped(const char *name) {
  size_t n = strlen(name);
  return !strcmp(name, "flintlock") || !strcmp(name, KT__MANIFEST) ||
         (n > 5 && !strcmp(name + n - 5, "-lock")) || name[0] == '.';
}

/* SHA-256 of the file @p path as 64 lowercase hex digits in @p hex; with
 * @p durable, the file is also flushed to disk (fsync). */
static int hash_file(const char *path, char hex[HEX_LEN + 1], bool durable) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return kt__err(errno == ENOENT ? KT_ECORRUPT : KT_EIO, "cannot read %s: %s", path,
                   strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return kt__err(KT_ECORRUPT, "%s is not a regular file", path);
  }
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
    EVP_MD_CTX_free(ctx);
    close(fd);
    return kt__err(KT_ENOMEM, "cannot start a SHA-256 digest");
  }
  static __thread unsigned char buf[1 << 16];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0)
    EVP_DigestUpdate(ctx, buf, (size_t)n);
  int e = errno;
  if (n >= 0 && durable && fsync(fd) != 0) {
    e = errno;
    n = -1;
  }
  close(fd);
  unsigned char md[32];
  unsigned len = 0;
  EVP_DigestFinal_ex(ctx, md, &len);
  EVP_MD_CTX_free(ctx);
  if (n < 0) return kt__err(KT_EIO, "cannot read %s: %s", path, strerror(e));
  for (unsigned i = 0; i < 32; i++)
    snprintf(hex + 2 * i, 3, "%02x", md[i]);
  return KT_OK;
}

typedef struct file_list {
  char *rel[MAX_FILES];
  size_t n;
} file_list;

static int list_files(const char *root, const char *rel, file_list *fl) {
  char *dir = *rel ? kt__path_join(root, rel) : kt__strdup(root);
  if (!dir) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  DIR *d = opendir(dir);
  if (!d) {
    int rc = kt__err(KT_EIO, "cannot read %s: %s", dir, strerror(errno));
    free(dir);
    return rc;
  }
  int rc = KT_OK;
  struct dirent *e;
  while (!rc && (e = readdir(d))) {
    if (skipped(e->d_name)) continue;
    char r[MAX_REL];
    int k = snprintf(r, sizeof r, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
    if (k < 0 || (size_t)k >= sizeof r) {
      rc = kt__err(KT_EIO, "%s/%s: path too long for the manifest", dir, e->d_name);
      break;
    }
    char *full = kt__path_join(root, r);
    struct stat st;
    if (!full)
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    else if (lstat(full, &st) != 0)
      rc = kt__err(KT_EIO, "cannot stat %s: %s", full, strerror(errno));
    else if (S_ISDIR(st.st_mode))
      rc = list_files(root, r, fl);
    else if (fl->n == MAX_FILES)
      rc = kt__err(KT_EIO, "%s: more than %d files", root, MAX_FILES);
    else if (!(fl->rel[fl->n++] = kt__strdup(r)))
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    free(full);
  }
  closedir(d);
  free(dir);
  return rc;
}

/* Re-raise the last error as @p code, prefixed with the generation. */
static int damaged(int code, const char *gen_dir) {
  char msg[2048];
  snprintf(msg, sizeof msg, "%s", kt_error_last());
  return kt__err(code, "index generation %s is damaged: %s", gen_dir, msg);
}

int kt__manifest_write(const char *gen_dir) {
  file_list fl = {.n = 0};
  int rc = list_files(gen_dir, "", &fl);
  if (!rc) qsort(fl.rel, fl.n, sizeof *fl.rel, kt__cmp_str);
  kt__buf b;
  kt__buf_init(&b, (size_t)MAX_FILES * (HEX_LEN + MAX_REL + 4));
  /* Xapian writes without fsync (xapian_shim.cc): every file, and the
   * directories holding them, reach the disk here, before the manifest that
   * vouches for them. */
  for (size_t i = 0; i < fl.n && !rc; i++) {
    char hex[HEX_LEN + 1], *full = kt__path_join(gen_dir, fl.rel[i]);
    rc = full ? hash_file(full, hex, true) : KT_ENOMEM;
    if (!rc) rc = kt__buf_printf(&b, "%s  %s\n", hex, fl.rel[i]);
    free(full);
  }
  /* ... and the directories that name them (every prefix of a path). */
  for (size_t i = 0; i < fl.n && !rc; i++)
    for (const char *sl = strchr(fl.rel[i], '/'); sl && !rc; sl = strchr(sl + 1, '/')) {
      size_t len = (size_t)(sl - fl.rel[i]);
      bool seen = false; /* the same directory as an earlier file's */
      for (size_t j = 0; j < i && !seen; j++)
        seen = !strncmp(fl.rel[j], fl.rel[i], len + 1);
      if (seen) continue;
      char rel[MAX_REL];
      snprintf(rel, sizeof rel, "%.*s", (int)len, fl.rel[i]);
      char *dir = kt__path_join(gen_dir, rel);
      int fd = dir ? open(dir, O_RDONLY | O_CLOEXEC) : -1;
      if (fd < 0 || fsync(fd) != 0)
        rc = kt__err(KT_EIO, "cannot flush %s: %s", dir ? dir : gen_dir, strerror(errno));
      if (fd >= 0) close(fd);
      free(dir);
    }
  for (size_t i = 0; i < fl.n; i++)
    free(fl.rel[i]);
  char *path = kt__path_join(gen_dir, KT__MANIFEST);
  if (!rc && !path) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  if (!rc) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    ssize_t w = fd < 0 ? -1 : write(fd, b.data ? b.data : "", b.len);
    int e = errno;
    if (fd < 0 || w != (ssize_t)b.len || fsync(fd) != 0)
      rc = kt__err(KT_EIO, "cannot write %s: %s", path, strerror(w >= 0 && fd >= 0 ? errno : e));
    if (fd >= 0) close(fd);
    /* the manifest's own name in the generation */
    int dfd = rc ? -1 : open(gen_dir, O_RDONLY | O_CLOEXEC);
    if (!rc && (dfd < 0 || fsync(dfd) != 0))
      rc = kt__err(KT_EIO, "cannot flush %s: %s", gen_dir, strerror(errno));
    if (dfd >= 0) close(dfd);
  }
  free(path);
  kt__buf_free(&b);
  return rc;
}

/* Check every line of the manifest; the record store and the Xapian
 * database must be among them (a catalogue may have no thesaurus). */
static int check_manifest(const char *gen_dir) {
  char *path = kt__path_join(gen_dir, KT__MANIFEST);
  if (!path) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  FILE *f = fopen(path, "re");
  if (!f) {
    int rc = errno == ENOENT
                 ? kt__err(KT_ECORRUPT,
                           "index generation %s has no checksum manifest (%s): it was built by an "
                           "older version or damaged; rebuild it with `kohtaanto index`",
                           gen_dir, KT__MANIFEST)
                 : kt__err(KT_EIO, "cannot read %s: %s", path, strerror(errno));
    free(path);
    return rc;
  }
  char line[HEX_LEN + MAX_REL + 8];
  size_t lineno = 0;
  bool records = false, xapian = false;
  int rc = KT_OK;
  while (!rc && fgets(line, sizeof line, f)) {
    lineno++;
    size_t n = strlen(line);
    if (n && line[n - 1] == '\n') line[--n] = '\0';
    const char *rel = line + HEX_LEN + 2;
    if (n <= HEX_LEN + 2 || strspn(line, "0123456789abcdef") != HEX_LEN || line[HEX_LEN] != ' ' ||
        line[HEX_LEN + 1] != ' ' || strstr(rel, "..") || rel[0] == '/') {
      rc = kt__err(KT_ECORRUPT, "%s:%zu: not a line of a checksum manifest", path, lineno);
      break;
    }
    char hex[HEX_LEN + 1] = "", *full = kt__path_join(gen_dir, rel);
    struct stat st;
    if (full && lstat(full, &st) != 0 && errno == ENOENT)
      rc = kt__err(KT_ECORRUPT, "index generation %s is incomplete: %s is missing", gen_dir, rel);
    else
      rc = full ? hash_file(full, hex, false) : KT_ENOMEM;
    if (!rc && memcmp(hex, line, HEX_LEN))
      rc = kt__err(KT_ECORRUPT, "index generation %s is damaged: %s does not match its checksum",
                   gen_dir, rel);
    if (rc == KT_ECORRUPT && !strstr(kt_error_last(), gen_dir)) rc = damaged(KT_ECORRUPT, gen_dir);
    free(full);
    records |= !strcmp(rel, "records.mdb");
    xapian |= !strncmp(rel, "xapian/", 7) || !strncmp(rel, "shards/", 7);
  }
  fclose(f);
  if (!rc && (!records || !xapian))
    rc = kt__err(KT_ECORRUPT, "index generation %s is damaged: %s does not list %s", gen_dir, path,
                 !records ? "records.mdb" : "the Xapian database");
  free(path);
  return rc;
}

int kt__gen_verify(const char *gen_dir, bool deep) {
  int rc = check_manifest(gen_dir);
  if (rc || !deep) return rc;
  return kt__gen_check_tables(gen_dir);
}

int kt__gen_check_tables(const char *gen_dir) {
  int rc = KT_OK;
  char *x = kt__path_join(gen_dir, "xapian");
  if (!x) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  struct stat st;
  if (stat(x, &st) == 0) {
    rc = ktx_db_check(x);
  } else {
    for (unsigned i = 0; !rc && i < KT_MAX_SHARDS; i++) {
      char rel[32];
      snprintf(rel, sizeof rel, "shards/%u", i);
      char *s = kt__path_join(gen_dir, rel);
      if (!s)
        rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      else if (stat(s, &st) != 0)
        i = KT_MAX_SHARDS;
      else
        rc = ktx_db_check(s);
      free(s);
    }
  }
  free(x);
  char *ev = rc ? NULL : kt__path_join(gen_dir, KT__EVAL_DIR);
  if (!rc && !ev) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  if (!rc && stat(ev, &st) == 0) rc = ktx_db_check(ev);
  free(ev);
  if (rc && rc != KT_ENOMEM) rc = damaged(KT_ECORRUPT, gen_dir);
  return rc;
}

int kt_index_verify(const char *index_dir) {
  kt__err_clear();
  if (!index_dir) return kt__err(KT_EINVAL, "kt_index_verify: NULL index directory");
  char *gen = NULL;
  int rc = kt__index_current(index_dir, &gen);
  if (!rc) rc = kt__gen_verify(gen, true);
  if (!rc) {
    /* The record store's meta pages, as a reader would meet them. */
    char *r = kt__path_join(gen, "records.mdb");
    kt__store *st = NULL;
    rc = r ? kt__store_open(&st, r) : KT_ENOMEM;
    if (rc == KT_ENOINDEX) rc = KT_ECORRUPT;
    kt__store_close(st);
    free(r);
  }
  free(gen);
  return rc;
}
