/*
 * store_lmdb.c — the record store: full service records (canonical JSON)
 * and index metadata, keyed by string, in one LMDB file per index
 * generation. A generation is written once by the indexer and then only
 * read, so readers open it read-only.
 */
#define _GNU_SOURCE
#include "store_lmdb.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

struct kt__store {
  MDB_env *env;
  MDB_dbi dbi;
  MDB_txn *wtxn; /* open write transaction while building */
};

/* LMDB reports a short write as a bare EIO; name the likely cause (a full
 * disk, a file size limit) so the message says what to fix. */
static const char *cause(int rc, const char *path) {
  struct statvfs vs;
  struct rlimit rl;
  struct stat st;
  if (rc == EIO && path && statvfs(path, &vs) == 0 && (vs.f_bavail == 0 || vs.f_bfree == 0))
    return strerror(ENOSPC);
  if (rc == EIO && path && getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
      stat(path, &st) == 0 && (rlim_t)st.st_size >= rl.rlim_cur)
    return strerror(EFBIG);
  return mdb_strerror(rc);
}

static int lmdb_err(int rc, const char *what, const char *path) {
  int code = (rc == MDB_INVALID || rc == MDB_CORRUPTED || rc == MDB_VERSION_MISMATCH) ? KT_ECORRUPT
             : rc == ENOMEM                                                           ? KT_ENOMEM
             : rc == MDB_MAP_FULL                                                     ? KT_ETOOBIG
                                                                                      : KT_EIO;
  return kt__err(code, "record store %s: %s: %s", path ? path : "", what, cause(rc, path));
}

/* The store's file, for messages. */
static const char *store_path(const kt__store *s) {
  const char *p = NULL;
  return s && s->env && mdb_env_get_path(s->env, &p) == 0 ? p : NULL;
}

static int open_env(kt__store **out, const char *path, size_t map, unsigned flags) {
  *out = NULL;
  kt__store *s = calloc(1, sizeof *s);
  if (!s) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  int rc = mdb_env_create(&s->env);
  if (rc) {
    free(s);
    return lmdb_err(rc, "create", path);
  }
  if (map) mdb_env_set_mapsize(s->env, map);
  rc = mdb_env_open(s->env, path, flags | MDB_NOSUBDIR, 0644);
  if (rc) {
    mdb_env_close(s->env);
    free(s);
    return rc == ENOENT ? kt__err(KT_ENOINDEX, "no record store at %s", path)
                        : lmdb_err(rc, "open", path);
  }
  *out = s;
  return KT_OK;
}

int kt__store_create(kt__store **out, const char *path, size_t map_bytes) {
  kt__store *s;
  int rc = open_env(&s, path, map_bytes, 0);
  if (rc) return rc;
  rc = mdb_txn_begin(s->env, NULL, 0, &s->wtxn);
  if (!rc) rc = mdb_dbi_open(s->wtxn, NULL, 0, &s->dbi);
  if (rc) {
    if (s->wtxn) mdb_txn_abort(s->wtxn);
    mdb_env_close(s->env);
    free(s);
    return lmdb_err(rc, "begin write", path);
  }
  *out = s;
  return KT_OK;
}

/* LMDB's on-disk meta page (lmdb 0.9, mdb.c: MDB_page header, MDB_meta,
 * MDB_db), read by offset so that nothing of LMDB's private layout is
 * needed beyond what its file format fixes. */
#define META_PAGEHDR 16        /* mp_pgno, mp_pad, mp_flags, mp_lower, mp_upper */
#define META_P_META 0x08       /* mp_flags of a meta page */
#define META_MAGIC 0xBEEFC0DEu /* MDB_MAGIC */
#define META_VERSION 1u        /* MDB_DATA_VERSION */
#define META_DB_SIZE 48        /* MDB_db: pad, flags, depth, 3 page counts, entries, root */
#define META_P_INVALID UINT64_MAX

static uint64_t rd64(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}
static uint32_t rd32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}
static uint16_t rd16(const unsigned char *p) {
  uint16_t v;
  memcpy(&v, p, 2);
  return v;
}

/* Check one meta page @p pg (of a file of @p size bytes, pages of @p psize).
 * Returns NULL if sane, else what is wrong. */
static const char *meta_problem(const unsigned char *pg, uint64_t size, uint32_t psize,
                                uint64_t *txnid) {
  if (!(rd16(pg + 10) & META_P_META)) return "not a meta page";
  const unsigned char *m = pg + META_PAGEHDR;
  if (rd32(m) != META_MAGIC) return "wrong magic number";
  if (rd32(m + 4) != META_VERSION) return "unknown format version";
  uint64_t last = rd64(m + 24 + 2 * META_DB_SIZE);
  *txnid = rd64(m + 24 + 2 * META_DB_SIZE + 8);
  if (last < 1 || (last + 1) > size / psize) return "its last page lies beyond the end of the file";
  for (int db = 0; db < 2; db++) {
    const unsigned char *d = m + 24 + db * META_DB_SIZE;
    uint16_t depth = rd16(d + 6);
    uint64_t root = rd64(d + 40);
    /* LMDB asserts root > 1 (the meta pages) and follows it blindly. */
    if (root == META_P_INVALID ? depth != 0 : (root < 2 || root > last || depth == 0 || depth > 32))
      return db ? "the database's root page is out of range"
                : "the free list's root is out of range";
  }
  return NULL;
}

/* LMDB trusts its two meta pages: a damaged one makes it assert (abort the
 * process) or follow a root page anywhere. Read and check both before
 * LMDB sees the file. */
static int check_meta(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? kt__err(KT_ENOINDEX, "no record store at %s", path) : KT_OK;
  struct stat st;
  unsigned char head[META_PAGEHDR + 24 + 2 * META_DB_SIZE + 16];
  unsigned char *pages = NULL;
  const char *bad = NULL;
  uint32_t psize = 0;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return KT_OK; /* LMDB's own open reports it */
  }
  if (pread(fd, head, sizeof head, 0) != (ssize_t)sizeof head) {
    bad = "shorter than its meta pages";
  } else {
    psize = rd32(head + META_PAGEHDR + 24); /* mm_psize is mm_dbs[0].md_pad */
    if (psize < 512 || psize > 65536 || (psize & (psize - 1)))
      bad = "its page size is not a power of two from 512 to 65536";
    else if ((uint64_t)st.st_size < 2ull * psize)
      bad = "shorter than its meta pages";
  }
  if (!bad && !(pages = malloc(2 * (size_t)psize))) {
    close(fd);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  if (!bad && pread(fd, pages, 2 * (size_t)psize, 0) != (ssize_t)(2 * (size_t)psize))
    bad = "shorter than its meta pages";
  close(fd);
  uint64_t t0 = 0, t1 = 0;
  const char *b0 = bad ? bad : meta_problem(pages, (uint64_t)st.st_size, psize, &t0);
  const char *b1 = bad ? bad : meta_problem(pages + psize, (uint64_t)st.st_size, psize, &t1);
  free(pages);
  if (b0 || b1)
    return kt__err(KT_ECORRUPT, "record store %s is damaged: meta page %d: %s", path, b0 ? 0 : 1,
                   b0 ? b0 : b1);
  return KT_OK;
}

int kt__store_open(kt__store **out, const char *path) {
  int mrc = check_meta(path);
  if (mrc) return mrc;
  /* LMDB maps the file and trusts its pages: a read past the end of a file
   * cut short would fault (SIGBUS). Refuse such a file before and after
   * opening it (its last page must lie inside it). */
  struct stat st;
  long page = sysconf(_SC_PAGESIZE);
  bool sized = stat(path, &st) == 0 && S_ISREG(st.st_mode);
  if (sized && st.st_size < 2 * page)
    return kt__err(KT_ECORRUPT, "record store %s is damaged: %lld bytes, less than its header",
                   path, (long long)st.st_size);
  kt__store *s;
  int rc = open_env(&s, path, 0, MDB_RDONLY | MDB_NOLOCK); /* immutable once built */
  if (rc) return rc;
  MDB_envinfo info;
  MDB_stat ms;
  if (sized && !mdb_env_info(s->env, &info) && !mdb_env_stat(s->env, &ms) &&
      ((unsigned long long)info.me_last_pgno + 1) * ms.ms_psize > (unsigned long long)st.st_size) {
    mdb_env_close(s->env);
    free(s);
    return kt__err(KT_ECORRUPT, "record store %s is truncated: %lld bytes, its pages need %llu",
                   path, (long long)st.st_size,
                   ((unsigned long long)info.me_last_pgno + 1) * ms.ms_psize);
  }
  MDB_txn *t;
  rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &t);
  if (!rc) rc = mdb_dbi_open(t, NULL, 0, &s->dbi);
  if (!rc)
    rc = mdb_txn_commit(t);
  else if (t)
    mdb_txn_abort(t);
  if (rc) {
    mdb_env_close(s->env);
    free(s);
    return lmdb_err(rc, "open database", path);
  }
  *out = s;
  return KT_OK;
}

int kt__store_put(kt__store *s, const char *key, const char *val, size_t len) {
  if (!s->wtxn) return kt__err(KT_EINVAL, "record store is read-only");
  MDB_val k = {strlen(key), (void *)key}, v = {len, (void *)val};
  int rc = mdb_put(s->wtxn, s->dbi, &k, &v, 0);
  if (rc) {
    char what[96];
    snprintf(what, sizeof what, "put '%.64s'", key);
    return lmdb_err(rc, what, store_path(s));
  }
  return KT_OK;
}

int kt__store_checkpoint(kt__store *s) {
  if (!s->wtxn) return kt__err(KT_EINVAL, "record store is read-only");
  int rc = mdb_txn_commit(s->wtxn);
  s->wtxn = NULL;
  if (!rc) rc = mdb_txn_begin(s->env, NULL, 0, &s->wtxn);
  return rc ? lmdb_err(rc, "checkpoint", store_path(s)) : KT_OK;
}

int kt__store_commit(kt__store *s) {
  if (!s->wtxn) return KT_OK;
  int rc = mdb_txn_commit(s->wtxn);
  s->wtxn = NULL;
  if (!rc) rc = mdb_env_sync(s->env, 1);
  return rc ? lmdb_err(rc, "commit", store_path(s)) : KT_OK;
}

int kt__store_get(kt__store *s, const char *key, char **val, size_t *len) {
  *val = NULL;
  MDB_txn *t;
  int rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &t);
  if (rc) return lmdb_err(rc, "begin read", store_path(s));
  MDB_val k = {strlen(key), (void *)key}, v;
  rc = mdb_get(t, s->dbi, &k, &v);
  if (rc == MDB_NOTFOUND) {
    mdb_txn_abort(t);
    return kt__err(KT_ENOTFOUND, "no record '%s'", key);
  }
  if (rc) {
    mdb_txn_abort(t);
    return lmdb_err(rc, "get", store_path(s));
  }
  char *c = malloc(v.mv_size + 1);
  if (c) {
    memcpy(c, v.mv_data, v.mv_size);
    c[v.mv_size] = '\0';
    if (len) *len = v.mv_size;
  }
  mdb_txn_abort(t);
  if (!c) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  *val = c;
  return KT_OK;
}

int kt__store_each(kt__store *s, kt__store_each_fn fn, void *ud) {
  MDB_txn *t;
  int rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &t);
  if (rc) return lmdb_err(rc, "begin read", store_path(s));
  MDB_cursor *c;
  rc = mdb_cursor_open(t, s->dbi, &c);
  if (rc) {
    mdb_txn_abort(t);
    return lmdb_err(rc, "cursor", store_path(s));
  }
  MDB_val k, v;
  int ret = KT_OK;
  for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); !rc; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
    if (k.mv_size && ((const char *)k.mv_data)[0] == '#') continue; /* metadata */
    if ((ret = fn(k.mv_data, k.mv_size, v.mv_data, v.mv_size, ud))) break;
  }
  if (!ret && rc != MDB_NOTFOUND) ret = lmdb_err(rc, "iterate", store_path(s));
  mdb_cursor_close(c);
  mdb_txn_abort(t);
  return ret;
}

void kt__store_close(kt__store *s) {
  if (!s) return;
  if (s->wtxn) mdb_txn_abort(s->wtxn);
  mdb_env_close(s->env);
  free(s);
}
