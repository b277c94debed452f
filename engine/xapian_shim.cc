/*
 * xapian_shim.cc — the thin C++ shim over Xapian (the only C++ in Kohtaanto).
 * Each extern "C" function catches every exception at the boundary:
 * specific Xapian errors first, then std::bad_alloc, then anything else, and
 * copies the message into the library's thread-local error buffer.
 */
#include "xapian_shim.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

extern "C" {
#include "internal.h"
}

struct ktx_writer {
  /* One database, or the shards documents are dealt to in turn: document i
   * goes to shard i % n as its (i / n + 1)th document, so the shards opened
   * together number every document as the single database would. */
  std::vector<Xapian::WritableDatabase> dbs;
  std::vector<std::string> paths;
  size_t next = 0;
};
struct ktx_doc {
  Xapian::Document doc;
};
struct ktx_db {
  Xapian::Database db;
  bool remote = false; /* a shard is served by xapian-tcpsrv: Xapian's own matcher */
};

namespace {

int map_exception(const char *where) {
  try {
    throw;
  } catch (const Xapian::DatabaseLockError &e) {
    return kt__err(KT_ELOCKED, "%s: index is locked: %s", where, e.get_msg().c_str());
  } catch (const Xapian::DatabaseVersionError &e) {
    return kt__err(KT_ECORRUPT, "%s: index format not supported: %s", where, e.get_msg().c_str());
  } catch (const Xapian::DatabaseCorruptError &e) {
    return kt__err(KT_ECORRUPT, "%s: index is corrupt: %s", where, e.get_msg().c_str());
  } catch (const Xapian::DatabaseNotFoundError &e) {
    return kt__err(KT_ENOINDEX, "%s: no index: %s", where, e.get_msg().c_str());
  } catch (const Xapian::DatabaseOpeningError &e) {
    return kt__err(KT_ENOINDEX, "%s: cannot open index: %s", where, e.get_msg().c_str());
  } catch (const Xapian::DatabaseError &e) {
    /* The system's reason ("No space left on device") is kept apart. */
    const char *why = e.get_error_string();
    return kt__err(KT_EIO, "%s: index I/O: %s%s%s", where, e.get_msg().c_str(), why ? ": " : "",
                   why ? why : "");
  } catch (const Xapian::InvalidArgumentError &e) {
    return kt__err(KT_EINVAL, "%s: %s", where, e.get_msg().c_str());
  } catch (const Xapian::Error &e) {
    return kt__err(KT_EINTERNAL, "%s: Xapian %s: %s", where, e.get_type(), e.get_msg().c_str());
  } catch (const std::bad_alloc &) {
    return kt__err(KT_ENOMEM, "%s: out of memory", where);
  } catch (const std::exception &e) {
    return kt__err(KT_EINTERNAL, "%s: %s", where, e.what());
  } catch (...) {
    return kt__err(KT_EINTERNAL, "%s: unknown exception", where);
  }
}

} // namespace

#define KTX_TRY try {
#define KTX_CATCH(where)                                                                           \
  }                                                                                                \
  catch (...) {                                                                                    \
    return map_exception(where);                                                                   \
  }

extern "C" {

int ktx_writer_open_shards(ktx_writer **out, const char *const *paths, size_t n) {
  *out = nullptr;
  KTX_TRY
  auto *w = new ktx_writer;
  try {
    for (size_t i = 0; i < n; i++) {
      /* No fsync at each commit: the generation is new and not yet
       * current, so a crash loses nothing; kt__manifest_write() flushes
       * every file before the generation is published. No termlists
       * in a single database: nothing reads them (explanations and
       * pseudo-relevance feedback use the terms prepared at index time,
       * docterms.h), and building them (zlib included) took an eighth of
       * the writer thread's time. Shards keep them: xapian-tcpsrv reads a
       * document's termlist to send its data. */
      w->dbs.emplace_back(paths[i], Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC |
                                        (n == 1 ? Xapian::DB_NO_TERMLIST : 0));
      w->paths.emplace_back(paths[i]);
    }
  } catch (...) {
    delete w;
    throw;
  }
  *out = w;
  return KT_OK;
  KTX_CATCH("create index")
}

int ktx_writer_open(ktx_writer **out, const char *path) {
  return ktx_writer_open_shards(out, &path, 1);
}

/* Documents a database takes between commits. Xapian keeps each term's new
 * postings in a std::map until it flushes (every 10 000 documents by
 * default), and walking those maps was half of the writer thread's time:
 * at 10 000 services, 1 000 took the build from 16.6 to 13.0 s (27.5 to
 * 19.2 s of CPU) and its peak memory from 327 to 195 MB; 500 and 2 000
 * were slower. The index is the same. */
#define KTX_DOCS_PER_COMMIT 1000

int ktx_writer_add(ktx_writer *w, ktx_doc *d) {
  KTX_TRY
  size_t i = w->next++ % w->dbs.size();
  w->dbs[i].add_document(d->doc);
  if (w->next % (KTX_DOCS_PER_COMMIT * w->dbs.size()) == 0)
    for (auto &db : w->dbs)
      db.commit();
  return KT_OK;
  KTX_CATCH("add document")
}

int ktx_writer_commit(ktx_writer *w, size_t *nterms) {
  KTX_TRY
  for (auto &db : w->dbs)
    db.commit();
  for (auto &db : w->dbs)
    db.close();
  if (nterms) {
    Xapian::Database all;
    for (const auto &p : w->paths)
      all.add_database(Xapian::Database(p));
    size_t n = 0;
    for (auto t = all.allterms_begin(); t != all.allterms_end(); ++t)
      n++;
    *nterms = n;
  }
  return KT_OK;
  KTX_CATCH("commit index")
}

void ktx_writer_free(ktx_writer *w) {
  if (!w) return;
  /* Close each database here, where its errors can be caught: a destructor
   * that throws (a failed implicit commit on a full disk) terminates. */
  for (auto &db : w->dbs) {
    try {
      db.close();
    } catch (...) {
    }
  }
  try {
    delete w;
  } catch (...) {
  }
}

int ktx_doc_new(ktx_doc **out) {
  *out = nullptr;
  KTX_TRY
  *out = new ktx_doc();
  return KT_OK;
  KTX_CATCH("new document")
}

int ktx_doc_add_term(ktx_doc *d, const char *term, unsigned wdf) {
  KTX_TRY
  if (std::strlen(term) > 240) return KT_OK; /* Xapian's term length limit */
  d->doc.add_term(term, wdf);
  return KT_OK;
  KTX_CATCH("add term")
}

int ktx_doc_add_boolean(ktx_doc *d, const char *term) {
  KTX_TRY
  if (std::strlen(term) > 240) return kt__err(KT_EINVAL, "filter value too long: %.40s...", term);
  d->doc.add_boolean_term(term);
  return KT_OK;
  KTX_CATCH("add filter term")
}

int ktx_doc_set_value(ktx_doc *d, unsigned slot, const char *val, size_t len) {
  KTX_TRY
  d->doc.add_value(slot, std::string(val, len));
  return KT_OK;
  KTX_CATCH("set value")
}

int ktx_doc_set_data(ktx_doc *d, const char *data, size_t len) {
  KTX_TRY
  d->doc.set_data(std::string(data, len));
  return KT_OK;
  KTX_CATCH("set data")
}

void ktx_doc_free(ktx_doc *d) { delete d; }

int ktx_db_open(ktx_db **out, const char *path) {
  *out = nullptr;
  KTX_TRY
  *out = new ktx_db{Xapian::Database(path), false};
  return KT_OK;
  KTX_CATCH("open index")
}

int ktx_db_open_shards(ktx_db **out, const ktx_shard *shards, size_t n) {
  *out = nullptr;
  KTX_TRY
  Xapian::Database all;
  bool remote = false;
  for (size_t i = 0; i < n; i++) {
    if (shards[i].host) {
      all.add_database(Xapian::Remote::open(shards[i].host, shards[i].port, 10000, 10000));
      remote = true;
    } else {
      all.add_database(Xapian::Database(shards[i].path));
    }
  }
  *out = new ktx_db{all, remote};
  return KT_OK;
  KTX_CATCH("open index shards")
}

#if defined(__SANITIZE_ADDRESS__)
/* libxapian 1.4's Database::check() deletes a table checker through its
 * base class (440 bytes allocated, 432 deleted), which AddressSanitizer
 * reports as new-delete-type-mismatch inside libxapian; our own C++ is this
 * one file. The sanitizer build (KT_SANITIZE) turns that one report off;
 * ASAN_OPTIONS still overrides it. */
extern "C" __attribute__((visibility("default"), used)) const char *__asan_default_options() {
  return "new_delete_type_mismatch=0";
}
#endif

int ktx_db_check(const char *path) {
  try {
    size_t errors = Xapian::Database::check(std::string(path), 0, nullptr);
    if (errors)
      return kt__err(KT_ECORRUPT, "index %s is damaged: Xapian's check found %zu error%s", path,
                     errors, errors == 1 ? "" : "s");
    return KT_OK;
  } catch (...) {
    char where[512];
    snprintf(where, sizeof where, "check of %s", path);
    int rc = map_exception(where);
    /* Whatever Xapian throws while checking (an EOF in a table, a bad block)
     * is damage, not an I/O fault of the reader. */
    if (rc == KT_ENOMEM) return rc;
    std::string msg = kt_error_last();
    return kt__err(KT_ECORRUPT, "%s", msg.c_str());
  }
}

void ktx_db_close(ktx_db *db) {
  try {
    delete db;
  } catch (...) {
  }
}

int ktx_db_doccount(ktx_db *db, size_t *out) {
  *out = 0;
  KTX_TRY
  *out = db->db.get_doccount();
  return KT_OK;
  KTX_CATCH("document count")
}

int ktx_db_termfreq(ktx_db *db, const char *term, size_t *out) {
  *out = 0;
  KTX_TRY
  *out = db->db.get_termfreq(term);
  return KT_OK;
  KTX_CATCH("term frequency")
}

int ktx_db_postings(ktx_db *db, const char *term, unsigned *docids, size_t max, size_t *n) {
  return ktx_db_postings_wdf(db, term, docids, nullptr, nullptr, max, n);
}

int ktx_db_postings_wdf(ktx_db *db, const char *term, unsigned *docids, unsigned *wdf,
                        unsigned *doclen, size_t max, size_t *n) {
  *n = 0;
  KTX_TRY
  for (Xapian::PostingIterator it = db->db.postlist_begin(term), end = db->db.postlist_end(term);
       it != end && *n < max; ++it) {
    docids[*n] = *it;
    if (wdf) wdf[*n] = it.get_wdf();
    if (doclen) doclen[*n] = it.get_doclength();
    (*n)++;
  }
  return KT_OK;
  KTX_CATCH("postings")
}

int ktx_db_doc_wdf(ktx_db *db, unsigned docid, const char *const *terms, size_t n, unsigned *wdf,
                   unsigned *doclen) {
  KTX_TRY
  *doclen = db->db.get_doclength(docid);
  /* Each term's postings, skipped to the document: a seek per term, where
   * decoding a long document's termlist costs more. */
  for (size_t i = 0; i < n; i++) {
    wdf[i] = 0;
    Xapian::PostingIterator it = db->db.postlist_begin(terms[i]),
                            end = db->db.postlist_end(terms[i]);
    if (it == end) continue;
    it.skip_to(docid);
    if (it != end && *it == docid) wdf[i] = it.get_wdf();
  }
  return KT_OK;
  KTX_CATCH("explain")
}

int ktx_db_avglength(ktx_db *db, double *out) {
  *out = 0;
  KTX_TRY
  *out = db->db.get_avlength();
  return KT_OK;
  KTX_CATCH("average document length")
}

} // extern "C"

/* The matcher is C++ (it returns a std::vector): outside the C linkage. */
namespace {

/* One query term's postings, with Xapian's BM25 weight for it. */
struct Cursor {
  Xapian::PostingIterator it, end;
  Xapian::docid cur = 0; /* 0: exhausted */
  double tw = 0;         /* termweight: idf x scale x (k1 + 1), as BM25Weight::init */
  double ub = 0;         /* the largest part it can add (BM25Weight::get_maxpart) */
  void next() {
    ++it;
    cur = it == end ? 0 : *it;
  }
  void seek(Xapian::docid d) {
    if (cur && cur < d) {
      it.skip_to(d);
      cur = it == end ? 0 : *it;
    }
  }
};

/* What the calling thread's last MaxScore search did (ktx_last_search_stats). */
thread_local size_t last_candidates, last_scored;

struct Ranked {
  double score;
  Xapian::docid did;
};
/* Better first: higher score, then lower document id (as Xapian's ASCENDING). */
inline bool better(const Ranked &a, const Ranked &b) {
  return a.score > b.score || (a.score == b.score && a.did < b.did);
}

/* Top @p k documents of the weighted OR of @p terms within @p filters, scored
 * exactly as Xapian's BM25Weight(k1, 0, 1, b, min_normlen) scores them, by
 * MaxScore (Turtle and Flood 1995): terms sorted by their largest part; once
 * k documents are held, the weakest terms whose parts together cannot lift a
 * document past the k-th score only score the documents the others bring,
 * and a document is dropped as soon as what remains cannot lift it. A long
 * note's common words then cost a seek per surviving document instead of a
 * pass over their postings. Returns the top k, best first. */
std::vector<Ranked> maxscore(Xapian::Database &db, const ktx_qterm *terms, size_t nterms,
                             const ktx_filter *filters, size_t nfilters, const ktx_params *p,
                             size_t k, double *estimate) {
  const double N = db.get_doccount();
  const double avlen = db.get_avlength();
  const double len_factor = avlen != 0 ? 1.0 / avlen : 0.0;
  const double dl_lb = db.get_doclength_lower_bound();
  const double lenpart = p->k1 * (1 - p->b);
  std::vector<Cursor> cs;
  cs.reserve(nterms);
  double none = 1.0; /* share of documents matching no term, if independent */
  for (size_t i = 0; i < nterms; i++) {
    std::string t(terms[i].term);
    Xapian::doccount tf = db.get_termfreq(t);
    if (terms[i].weight < 0)
      throw Xapian::InvalidArgumentError("a query term's weight must be at least 0");
    if (!tf) continue;
    none *= 1.0 - tf / N;
    double tw = (N - tf + 0.5) / (tf + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    Cursor c;
    c.tw = std::log(tw) * terms[i].weight * (p->k1 + 1);
    double wdf_max = db.get_wdf_upper_bound(t);
    double normlen_lb = std::max(std::max(wdf_max, dl_lb) * len_factor, p->min_normlen);
    c.ub = c.tw * (wdf_max / (p->k1 * (normlen_lb * p->b + (1 - p->b)) + wdf_max));
    c.it = db.postlist_begin(t);
    c.end = db.postlist_end(t);
    c.cur = c.it == c.end ? 0 : *c.it;
    cs.push_back(std::move(c));
  }
  /* Each filter: a document has one of its terms. */
  std::vector<std::vector<Cursor>> fs(nfilters);
  double pass = 1.0;
  for (size_t f = 0; f < nfilters; f++) {
    double share = 0;
    for (size_t i = 0; i < filters[f].count; i++) {
      std::string t = std::string(filters[f].prefix) + filters[f].values[i];
      Cursor c;
      c.it = db.postlist_begin(t);
      c.end = db.postlist_end(t);
      c.cur = c.it == c.end ? 0 : *c.it;
      if (c.cur) fs[f].push_back(std::move(c));
      share += db.get_termfreq(t) / N;
    }
    pass *= std::min(1.0, share);
  }
  *estimate = N * (1.0 - none) * pass;
  std::sort(cs.begin(), cs.end(), [](const Cursor &a, const Cursor &b) { return a.ub < b.ub; });
  const size_t n = cs.size();
  /* cum[i]: the most the terms 0..i can add together. */
  std::vector<double> cum(n);
  for (size_t i = 0; i < n; i++)
    cum[i] = cs[i].ub + (i ? cum[i - 1] : 0);
  std::vector<Ranked> top; /* a min-heap on better(): the k-th best at the front */
  auto worse_first = [](const Ranked &a, const Ranked &b) { return better(a, b); };
  double theta = -1;         /* the k-th score once k are held */
  size_t pivot = 0;          /* terms below it only score; at and above it they bring documents */
  const double slack = 1e-9; /* summation order differs from Xapian's by rounding */
  /* Where each cursor stands (0: exhausted), in one array: the next document
   * is the least among the cursors that bring documents (index >= pivot). */
  std::vector<Xapian::docid> cur(n);
  for (size_t i = 0; i < n; i++)
    cur[i] = cs[i].cur;
  last_candidates = last_scored = 0;
  for (;;) {
    Xapian::docid d = ~Xapian::docid(0);
    for (size_t i = pivot; i < n; i++)
      if (cur[i] && cur[i] < d) d = cur[i];
    if (d == ~Xapian::docid(0)) break;
    last_candidates++;
    double len = 0;
    bool have_len = false;
    double score = 0;
    for (size_t i = pivot; i < n; i++) {
      if (cur[i] != d) continue;
      if (!have_len) {
        len = cs[i].it.get_doclength();
        have_len = true;
      }
      double wdf = cs[i].it.get_wdf();
      double normlen = std::max(len * len_factor, p->min_normlen);
      score += cs[i].tw * (wdf / (p->k1 * normlen * p->b + lenpart + wdf));
      cs[i].next();
      cur[i] = cs[i].cur;
    }
    if (pivot && score + cum[pivot - 1] * (1 + slack) <= theta) continue;
    bool ok = true;
    for (auto &alts : fs) {
      bool any = false;
      for (auto &c : alts) {
        c.seek(d);
        if (c.cur == d) any = true;
      }
      if (!any) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    last_scored++;
    for (size_t i = pivot; i-- > 0;) {
      if (score + cum[i] * (1 + slack) <= theta) break;
      cs[i].seek(d);
      cur[i] = cs[i].cur;
      if (cur[i] != d) continue;
      if (!have_len) {
        len = cs[i].it.get_doclength();
        have_len = true;
      }
      double wdf = cs[i].it.get_wdf();
      double normlen = std::max(len * len_factor, p->min_normlen);
      score += cs[i].tw * (wdf / (p->k1 * normlen * p->b + lenpart + wdf));
    }
    Ranked r{score, d};
    if (top.size() < k) {
      top.push_back(r);
      std::push_heap(top.begin(), top.end(), worse_first);
    } else if (better(r, top.front())) {
      std::pop_heap(top.begin(), top.end(), worse_first);
      top.back() = r;
      std::push_heap(top.begin(), top.end(), worse_first);
    } else {
      continue;
    }
    if (top.size() == k) {
      theta = top.front().score;
      while (pivot < n && cum[pivot] * (1 + slack) < theta)
        pivot++;
    }
  }
  std::sort(top.begin(), top.end(), better);
  return top;
}

} // namespace

extern "C" {

int ktx_db_search(ktx_db *db, const ktx_qterm *terms, size_t nterms, const ktx_filter *filters,
                  size_t nfilters, const ktx_params *p, size_t limit, ktx_hit **hits, size_t *nhits,
                  size_t *matches) {
  *hits = nullptr;
  *nhits = 0;
  if (matches) *matches = 0;
  last_candidates = last_scored = 0;
  KTX_TRY
  if (!p->xapian_matcher && !db->remote && limit && limit < db->db.get_doccount()) {
    double estimate = 0;
    std::vector<Ranked> top =
        maxscore(db->db, terms, nterms, filters, nfilters, p, limit, &estimate);
    ktx_hit *h = static_cast<ktx_hit *>(std::calloc(top.size() ? top.size() : 1, sizeof *h));
    if (!h) throw std::bad_alloc();
    for (size_t i = 0; i < top.size(); i++) {
      h[i].docid = top[i].did;
      h[i].score = top[i].score;
    }
    *hits = h;
    *nhits = top.size();
    if (matches) *matches = static_cast<size_t>(estimate + 0.5);
    return KT_OK;
  }
  std::vector<Xapian::Query> subs;
  subs.reserve(nterms);
  for (size_t i = 0; i < nterms; i++)
    subs.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(terms[i].term),
                      terms[i].weight);
  Xapian::Query q(Xapian::Query::OP_OR, subs.begin(), subs.end());
  for (size_t f = 0; f < nfilters; f++) {
    std::vector<Xapian::Query> alts;
    for (size_t i = 0; i < filters[f].count; i++)
      alts.emplace_back(std::string(filters[f].prefix) + filters[f].values[i]);
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(Xapian::Query::OP_OR, alts.begin(), alts.end()));
  }
  Xapian::Enquire enq(db->db);
  enq.set_query(q);
  enq.set_weighting_scheme(Xapian::BM25Weight(p->k1, 0, 1, p->b, p->min_normlen));
  /* Ties broken by document id, so rankings are deterministic. */
  enq.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet ms = enq.get_mset(0, limit);
  if (matches) *matches = ms.get_matches_estimated();
  ktx_hit *h = static_cast<ktx_hit *>(std::calloc(ms.size() ? ms.size() : 1, sizeof *h));
  if (!h) throw std::bad_alloc();
  size_t n = 0;
  try {
    for (auto it = ms.begin(); it != ms.end(); ++it, ++n) {
      h[n].docid = *it;
      h[n].score = it.get_weight();
    }
  } catch (...) {
    ktx_hits_free(h, n);
    throw;
  }
  *hits = h;
  *nhits = n;
  return KT_OK;
  KTX_CATCH("search")
}

int ktx_db_get_data(ktx_db *db, unsigned docid, char **out) {
  *out = nullptr;
  KTX_TRY
  std::string data = db->db.get_document(docid).get_data();
  char *c = static_cast<char *>(std::malloc(data.size() + 1));
  if (!c) throw std::bad_alloc();
  std::memcpy(c, data.data(), data.size());
  c[data.size()] = '\0';
  *out = c;
  return KT_OK;
  KTX_CATCH("document data")
}

int ktx_db_lastdocid(ktx_db *db, unsigned *out) {
  *out = 0;
  KTX_TRY
  *out = db->db.get_lastdocid();
  return KT_OK;
  KTX_CATCH("last document id")
}

void ktx_last_search_stats(size_t *candidates, size_t *scored) {
  *candidates = last_candidates;
  *scored = last_scored;
}

void ktx_hits_free(ktx_hit *hits, size_t n) {
  (void)n;
  std::free(hits);
}

} // extern "C"
