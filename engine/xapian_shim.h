/*
 * xapian_shim.h — the C face of the thin C++ shim over Xapian. The only
 * place where Xapian is touched; every function catches all exceptions and
 * turns them into KT_E* codes with a message in kt_error_last().
 */
#ifndef KT_XAPIAN_SHIM_H
#define KT_XAPIAN_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ktx_writer ktx_writer;
typedef struct ktx_doc ktx_doc;
typedef struct ktx_db ktx_db;

/* Value slots. */
enum { KTX_SLOT_ID = 0, KTX_SLOT_CATEGORY = 1, KTX_SLOT_AGE_MIN = 2, KTX_SLOT_AGE_MAX = 3 };

/* Writing (index build). */
int ktx_writer_open(ktx_writer **out, const char *path);
/* A writer dealing documents to @p n shards in turn (see xapian_shim.cc). */
int ktx_writer_open_shards(ktx_writer **out, const char *const *paths, size_t n);
int ktx_writer_add(ktx_writer *w, ktx_doc *doc);
/* Commit and close; @p nterms receives the number of distinct terms. */
int ktx_writer_commit(ktx_writer *w, size_t *nterms);
void ktx_writer_free(ktx_writer *w);

int ktx_doc_new(ktx_doc **out);
int ktx_doc_add_term(ktx_doc *d, const char *term, unsigned wdf);
int ktx_doc_add_boolean(ktx_doc *d, const char *term);
int ktx_doc_set_value(ktx_doc *d, unsigned slot, const char *val, size_t len);
int ktx_doc_set_data(ktx_doc *d, const char *data, size_t len);
void ktx_doc_free(ktx_doc *d);

/* Reading. */
int ktx_db_open(ktx_db **out, const char *path);
/* One shard of a set: a local path, or a remote xapian-tcpsrv (host, port). */
typedef struct ktx_shard {
  const char *path;
  const char *host;
  unsigned port;
} ktx_shard;
/* Open shards as one database (in the order they were written). */
int ktx_db_open_shards(ktx_db **out, const ktx_shard *shards, size_t n);
void ktx_db_close(ktx_db *db);
/* Xapian's consistency check of the local database at @p path (every
 * table's blocks and the links between them). KT_OK; KT_ECORRUPT with the
 * number of errors or Xapian's message; KT_ENOINDEX; KT_EIO. */
int ktx_db_check(const char *path);
/* The number of documents, into *out. KT_OK, or a status with the message
 * set (a remote shard that does not answer is an error, never 0). */
int ktx_db_doccount(ktx_db *db, size_t *out);
/* Documents containing @p term (0 if none), into *out. KT_OK, or a status
 * with the message set: a failing database must not pass for a rare term,
 * which would change scores. */
int ktx_db_termfreq(ktx_db *db, const char *term, size_t *out);
/* The documents containing @p term, up to @p max of them, into @p docids
 * (ascending); *n gets how many were written. KT_OK, or a status with the
 * message set (a dead remote shard is an error, not an empty list). */
int ktx_db_postings(ktx_db *db, const char *term, unsigned *docids, size_t max, size_t *n);
/* The same with each document's wdf of @p term and its length (both may be
 * NULL). */
int ktx_db_postings_wdf(ktx_db *db, const char *term, unsigned *docids, unsigned *wdf,
                        unsigned *doclen, size_t max, size_t *n);
/* The wdf in document @p docid of each of @p terms (0 when absent), and
 * the document's length. */
int ktx_db_doc_wdf(ktx_db *db, unsigned docid, const char *const *terms, size_t n, unsigned *wdf,
                   unsigned *doclen);
/* Mean document length (for BM25 arithmetic outside the matcher), into
 * *out. KT_OK, or a status with the message set. */
int ktx_db_avglength(ktx_db *db, double *out);

typedef struct ktx_qterm {
  const char *term;
  double weight; /* scale factor applied to the term's BM25 weight */
} ktx_qterm;

/* A filter: documents having any of `prefix + value` as a boolean term. */
typedef struct ktx_filter {
  const char *prefix;
  const char *const *values;
  size_t count;
} ktx_filter;

typedef struct ktx_hit {
  unsigned docid;
  double score;
} ktx_hit;

typedef struct ktx_params {
  double k1, b, min_normlen;
  /* 0: the top documents by MaxScore (xapian_shim.cc), with Xapian's BM25
   * scores, whenever fewer than every document are asked for from a local
   * index; 1: always Xapian's own matcher (for tests and comparisons). */
  int xapian_matcher;
} ktx_params;

/* Rank documents for the weighted OR of @p terms, restricted by the AND of
 * @p filters. *hits is freed with ktx_hits_free(). With filters or no
 * pruning, *matches is exact only from Xapian's matcher; MaxScore gives an
 * estimate (terms taken as independent). */
int ktx_db_search(ktx_db *db, const ktx_qterm *terms, size_t nterms, const ktx_filter *filters,
                  size_t nfilters, const ktx_params *params, size_t limit, ktx_hit **hits,
                  size_t *nhits, size_t *matches);
void ktx_hits_free(ktx_hit *hits, size_t n);
/* The calling thread's last ktx_db_search(): the documents MaxScore's
 * retrieving terms brought (*candidates) and those that survived the bound and
 * were scored in full (*scored); both 0 after Xapian's own matcher. */
void ktx_last_search_stats(size_t *candidates, size_t *scored);
/* The document's data as a new NUL-terminated string (caller frees). */
int ktx_db_get_data(ktx_db *db, unsigned docid, char **out);
/* The highest document id in use (0 when empty), into *out. KT_OK, or a
 * status with the message set. */
int ktx_db_lastdocid(ktx_db *db, unsigned *out);

#ifdef __cplusplus
}
#endif
#endif
