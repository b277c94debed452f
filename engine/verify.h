/*
 * verify.h — the integrity of an index generation (verify.c): a SHA-256
 * manifest written when the generation is built, and the checks made before
 * a generation is trusted (its manifest, LMDB's meta pages, Xapian's own
 * consistency check).
 */
#ifndef KT_VERIFY_H
#define KT_VERIFY_H

#include <stdbool.h>

/* Name of the manifest inside a generation folder. Its lines are those of
 * sha256sum(1), "<64 hex>  <path relative to the generation>", so
 * `sha256sum -c MANIFEST.sha256` inside the folder checks it too. */
#define KT__MANIFEST "MANIFEST.sha256"

/* Hash every file of the generation folder @p gen_dir (lock files excepted)
 * and write its manifest (durably). KT_OK; KT_EIO; KT_ENOMEM. */
int kt__manifest_write(const char *gen_dir);

/* Check the generation folder @p gen_dir: every file in its manifest is
 * there with the same SHA-256, and the record store's meta pages are sane;
 * with @p deep, also Xapian's consistency check of its local database(s).
 * KT_OK; KT_ECORRUPT naming the file (a missing manifest included); KT_EIO;
 * KT_ENOMEM. */
int kt__gen_verify(const char *gen_dir, bool deep);

/* Xapian's consistency check of the generation's databases (its shards and
 * the evaluation index included), without the manifest: what a build runs
 * on what it has just written, while it hashes the files for the manifest.
 * KT_OK; KT_ECORRUPT; KT_ENOMEM. */
int kt__gen_check_tables(const char *gen_dir);

#endif
