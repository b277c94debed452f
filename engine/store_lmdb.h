/*
 * store_lmdb.h — the record store (store_lmdb.c): full service records and a
 * generation's metadata in LMDB.
 */
#ifndef KT_STORE_LMDB_H
#define KT_STORE_LMDB_H

#include <stddef.h>

typedef struct kt__store kt__store;
int kt__store_create(kt__store **out, const char *path, size_t map_bytes);
int kt__store_open(kt__store **out, const char *path);
int kt__store_put(kt__store *s, const char *key, const char *val, size_t len);
int kt__store_commit(kt__store *s);
/* Commit what is written so far and go on writing in a new transaction
 * (a build of a large catalogue; the generation is not published yet). */
int kt__store_checkpoint(kt__store *s);
/* Copy out the value of @p key (NUL-terminated); caller frees. */
int kt__store_get(kt__store *s, const char *key, char **val, size_t *len);
void kt__store_close(kt__store *s);
/* Call @p fn on every service record (metadata keys, which start with '#',
 * are skipped) in key order, with key and value borrowed for the call only
 * (not NUL-terminated). Stops at the first non-zero return and returns it. */
typedef int (*kt__store_each_fn)(const char *key, size_t klen, const char *val, size_t vlen,
                                 void *ud);
int kt__store_each(kt__store *s, kt__store_each_fn fn, void *ud);

#endif
