/*
 * store_lmdb.c — the record store: full service records (canonical JSON)
 * and index metadata, keyed by string, in one LMDB file per index
 * generation. A generation is written once by the indexer and then only
 * read, so readers open it read-only.
 */
#include "internal.h"

#include <errno.h>
#include <lmdb.h>
#include <stdlib.h>
#include <string.h>

struct kt__store {
  MDB_env *env;
  MDB_dbi dbi;
  MDB_txn *wtxn; /* open write transaction while building */
};

static int lmdb_err(int rc, const char *what, const char *path) {
  int code = (rc == MDB_INVALID || rc == MDB_CORRUPTED || rc == MDB_VERSION_MISMATCH)
                 ? KT_ECORRUPT
             : rc == ENOMEM ? KT_ENOMEM
             : rc == MDB_MAP_FULL ? KT_ETOOBIG
                                  : KT_EIO;
  return kt__err(code, "record store %s: %s: %s", path ? path : "", what, mdb_strerror(rc));
}

static int open_env(kt__store **out, const char *path, size_t map, unsigned flags) {
  *out = NULL;
  kt__store *s = calloc(1, sizeof *s);
  if (!s) return KT_ENOMEM;
  int rc = mdb_env_create(&s->env);
  if (rc) { free(s); return lmdb_err(rc, "create", path); }
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

int kt__store_open(kt__store **out, const char *path) {
  kt__store *s;
  int rc = open_env(&s, path, 0, MDB_RDONLY | MDB_NOLOCK); /* immutable once built */
  if (rc) return rc;
  MDB_txn *t;
  rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &t);
  if (!rc) rc = mdb_dbi_open(t, NULL, 0, &s->dbi);
  if (!rc) rc = mdb_txn_commit(t);
  else if (t) mdb_txn_abort(t);
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
  return rc ? lmdb_err(rc, "put", key) : KT_OK;
}

int kt__store_checkpoint(kt__store *s) {
  if (!s->wtxn) return kt__err(KT_EINVAL, "record store is read-only");
  int rc = mdb_txn_commit(s->wtxn);
  s->wtxn = NULL;
  if (!rc) rc = mdb_txn_begin(s->env, NULL, 0, &s->wtxn);
  return rc ? lmdb_err(rc, "checkpoint", NULL) : KT_OK;
}

int kt__store_commit(kt__store *s) {
  if (!s->wtxn) return KT_OK;
  int rc = mdb_txn_commit(s->wtxn);
  s->wtxn = NULL;
  if (!rc) rc = mdb_env_sync(s->env, 1);
  return rc ? lmdb_err(rc, "commit", NULL) : KT_OK;
}

int kt__store_get(kt__store *s, const char *key, char **val, size_t *len) {
  *val = NULL;
  MDB_txn *t;
  int rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &t);
  if (rc) return lmdb_err(rc, "begin read", NULL);
  MDB_val k = {strlen(key), (void *)key}, v;
  rc = mdb_get(t, s->dbi, &k, &v);
  if (rc == MDB_NOTFOUND) {
    mdb_txn_abort(t);
    return kt__err(KT_ENOTFOUND, "no record '%s'", key);
  }
  if (rc) { mdb_txn_abort(t); return lmdb_err(rc, "get", key); }
  char *c = malloc(v.mv_size + 1);
  if (c) {
    memcpy(c, v.mv_data, v.mv_size);
    c[v.mv_size] = '\0';
    if (len) *len = v.mv_size;
  }
  mdb_txn_abort(t);
  if (!c) return KT_ENOMEM;
  *val = c;
  return KT_OK;
}

int kt__store_each(kt__store *s, kt__store_each_fn fn, void *ud) {
  MDB_txn *t;
  int rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, &t);
  if (rc) return lmdb_err(rc, "begin read", NULL);
  MDB_cursor *c;
  rc = mdb_cursor_open(t, s->dbi, &c);
  if (rc) {
    mdb_txn_abort(t);
    return lmdb_err(rc, "cursor", NULL);
  }
  MDB_val k, v;
  int ret = KT_OK;
  for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); !rc; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
    if (k.mv_size && ((const char *)k.mv_data)[0] == '#') continue; /* metadata */
    if ((ret = fn(k.mv_data, k.mv_size, v.mv_data, v.mv_size, ud))) break;
  }
  if (!ret && rc != MDB_NOTFOUND) ret = lmdb_err(rc, "iterate", NULL);
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
