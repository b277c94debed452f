/*
 * feedback.c — counsellors' marks on results (referred, useful, not
 * suitable), stored privately and turned into a bounded ranking signal.
 *
 * Store: an LMDB environment of its own (not in the index, so it survives
 * rebuilds). One event per mark:
 *   key   8-byte big-endian event number: one more than the last key, taken
 *         inside the write transaction (LMDB lets one writer in at a time,
 *         across processes) and written with MDB_APPEND, which refuses
 *         rather than overwrites; so two events never share a key, whatever
 *         their time or process. Stores of the earlier layout (time + pid-
 *         based sequence, 12 bytes) are renumbered when opened for writing.
 *   value "1\t<time>\t<service id>\t<kind>\t<reason>\t<feature> <feature>..."
 * Features come from kt__need_features() (need_features.c): concept ids ("c:"), catalogue-
 * vocabulary base forms ("w:") and target-group signals ("g:"); never the
 * need text. In memory, the events are aggregated per (feature, service)
 * into a sorted array, updated on each mark and rebuilt after expiry, and
 * read under a read lock by searches on any thread.
 */
#define _GNU_SOURCE
#include "feedback.h"
#include "engine.h"
#include "messages.h"
#include "need_features.h"
#include "schema.h"
#include "text.h"
#include "thesaurus.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libvoikko/voikko.h>
#include <lmdb.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_RETENTION_DAYS KT_FEEDBACK_RETENTION_DAYS
#define MAP_BYTES ((size_t)1 << 30)
/* Ranking influence: a lift of at most x(1 + LIFT_CAP), saturating with the
 * evidence; a demotion for a target group after GROUP_STRIKES marks. On the
 * dev set's held-out split (eval --feedback-split) cap 0.3 / scale 2 gave
 * nDCG@10 +0.8 pt, Recall@10 +1.1 pt; cap 0.5 / scale 1 +0.7 / +1.9 pt. */
#define LIFT_CAP (kt__ranking_defaults.feedback_lift_cap)
#define LIFT_SCALE (kt__ranking_defaults.feedback_lift_scale)
#define DROP_CAP (kt__ranking_defaults.feedback_drop_cap)
#define GROUP_STRIKES KT_RANK_FEEDBACK_GROUP_STRIKES
#define GROUP_DEMOTION (kt__ranking_defaults.feedback_group_demotion)

typedef struct agg {
  char *key;   /* "feature\tservice" */
  size_t flen; /* length of the feature part */
  unsigned referred, useful, not_suitable, not_for_group;
} agg;

struct kt_feedback {
  MDB_env *env;
  MDB_dbi dbi;
  pthread_rwlock_t lock;
  agg *aggs;
  size_t naggs, cap;
  size_t events;
  unsigned retention_days;
  size_t txnid; /* the store's last transaction the aggregates reflect */
  /* Voikko, to tell names (opened on first use; a handle is not shared
   * between threads, so the mutex). */
  pthread_mutex_t vlock;
  struct VoikkoHandle *voikko;
};

static const char *const KINDS[] = {NULL, "referred", "useful", "not_suitable"};
static const char *const REASONS[] = {"",        "target_group", "not_eligible", "area",
                                      "unclear", "no_match",     "other"};

const char *kt_feedback_kind_name(int kind) { return kind >= 1 && kind <= 3 ? KINDS[kind] : NULL; }
int kt_feedback_kind_parse(const char *name) {
  for (int i = 1; name && i <= 3; i++)
    if (!strcmp(KINDS[i], name)) return i;
  return 0;
}
const char *kt_feedback_reason_name(int reason) {
  return reason >= 0 && reason <= 6 ? REASONS[reason] : NULL;
}
int kt_feedback_reason_parse(const char *name) {
  for (int i = 0; name && i <= 6; i++)
    if (!strcmp(REASONS[i], name)) return i;
  return -1;
}

/* Why LMDB failed: LMDB reports a short write as a bare EIO; a full disk
 * or a file size limit is the likely cause, and what to fix. */
static const char *store_cause(kt_feedback *fb, int rc) {
  const char *dir = NULL;
  struct statvfs vs;
  struct rlimit rl;
  int fd;
  struct stat st;
  if (rc == EIO && fb && fb->env && !mdb_env_get_path(fb->env, &dir) && dir) {
    if (statvfs(dir, &vs) == 0 && (vs.f_bavail == 0 || vs.f_bfree == 0)) return strerror(ENOSPC);
    if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        !mdb_env_get_fd(fb->env, &fd) && fstat(fd, &st) == 0 && (rlim_t)st.st_size >= rl.rlim_cur)
      return strerror(EFBIG);
  }
  return mdb_strerror(rc);
}

static int lmdb_code(int rc) {
  return rc == MDB_MAP_FULL                           ? KT_ETOOBIG
         : (rc == MDB_INVALID || rc == MDB_CORRUPTED) ? KT_ECORRUPT
                                                      : KT_EIO;
}

/* A failure of LMDB on the open store, naming the store and the cause. */
static int store_fail(kt_feedback *fb, int rc, const char *what) {
  const char *dir = NULL;
  if (!fb || !fb->env || mdb_env_get_path(fb->env, &dir) || !dir) dir = "";
  return kt__err(lmdb_code(rc), "feedback store %s: %s: %s", dir, what, store_cause(fb, rc));
}

/* ---- aggregates ---------------------------------------------------------- */

static void aggs_clear(kt_feedback *fb) {
  for (size_t i = 0; i < fb->naggs; i++)
    free(fb->aggs[i].key);
  fb->naggs = 0;
}

/* First index whose key is >= @p key. */
static size_t lower_bound(const kt_feedback *fb, const char *key) {
  size_t lo = 0, hi = fb->naggs;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(fb->aggs[mid].key, key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static int agg_add(kt_feedback *fb, const char *feature, const char *service, int kind,
                   int reason) {
  char key[512];
  int n = snprintf(key, sizeof key, "%s\t%s", feature, service);
  if (n < 0 || (size_t)n >= sizeof key) return KT_OK; /* cannot happen with valid input */
  size_t at = lower_bound(fb, key);
  if (at == fb->naggs || strcmp(fb->aggs[at].key, key)) {
    if (fb->naggs == fb->cap) {
      size_t nc = fb->cap ? fb->cap * 2 : 1024;
      agg *na = realloc(fb->aggs, nc * sizeof *na);
      if (!na) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      fb->aggs = na;
      fb->cap = nc;
    }
    char *k = kt__strdup(key);
    if (!k) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    memmove(&fb->aggs[at + 1], &fb->aggs[at], (fb->naggs - at) * sizeof *fb->aggs);
    fb->aggs[at] = (agg){k, strlen(feature), 0, 0, 0, 0};
    fb->naggs++;
  }
  agg *a = &fb->aggs[at];
  if (kind == KT_FEEDBACK_REFERRED)
    a->referred++;
  else if (kind == KT_FEEDBACK_USEFUL)
    a->useful++;
  else if (reason == KT_REASON_TARGET_GROUP && !strncmp(feature, "g:", 2))
    a->not_for_group++;
  else
    a->not_suitable++;
  return KT_OK;
}

/* Parse one event value into its parts (in place in a copy). */
typedef struct event {
  char *buf;
  long long time;
  const char *service;
  int kind, reason;
  char *features; /* space-separated */
} event;

static int parse_event(const void *data, size_t len, event *ev) {
  memset(ev, 0, sizeof *ev);
  if (!(ev->buf = kt__strndup(data, len))) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  char *f[6];
  size_t n = 0;
  f[n++] = ev->buf;
  for (char *p = ev->buf; *p && n < 6; p++)
    if (*p == '\t') {
      *p = '\0';
      f[n++] = p + 1;
    }
  if (n != 6 || strcmp(f[0], "1")) {
    free(ev->buf);
    ev->buf = NULL;
    return kt__err(KT_ECORRUPT, "feedback store: an event has an unknown format");
  }
  ev->time = atoll(f[1]);
  ev->service = f[2];
  ev->kind = atoi(f[3]);
  ev->reason = atoi(f[4]);
  ev->features = f[5];
  return KT_OK;
}

static int agg_event(kt_feedback *fb, const event *ev) {
  char *copy = kt__strdup(ev->features), *save = NULL;
  if (!copy) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  int rc = KT_OK;
  for (char *t = strtok_r(copy, " ", &save); t && !rc; t = strtok_r(NULL, " ", &save))
    rc = agg_add(fb, t, ev->service, ev->kind, ev->reason);
  free(copy);
  return rc;
}

static long long cutoff_of(const kt_feedback *fb) {
  return (long long)time(NULL) - (long long)fb->retention_days * 86400;
}

/* Rebuild the aggregates from the stored events (caller holds the write
 * lock). Events past the retention are left out, whether or not they have
 * been deleted yet. */
static int rebuild(kt_feedback *fb) {
  aggs_clear(fb);
  fb->events = 0;
  MDB_txn *t;
  int rc = mdb_txn_begin(fb->env, NULL, MDB_RDONLY, &t);
  if (rc) return store_fail(fb, rc, "begin read");
  fb->txnid = mdb_txn_id(t);
  long long cutoff = cutoff_of(fb);
  MDB_cursor *c;
  if ((rc = mdb_cursor_open(t, fb->dbi, &c))) {
    mdb_txn_abort(t);
    return store_fail(fb, rc, "cursor");
  }
  MDB_val k, v;
  int ret = KT_OK;
  for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); !rc && !ret;
       rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
    event ev;
    if ((ret = parse_event(v.mv_data, v.mv_size, &ev))) break;
    if (ev.time >= cutoff) {
      ret = agg_event(fb, &ev);
      fb->events++;
    }
    free(ev.buf);
  }
  if (!ret && rc != MDB_NOTFOUND) ret = store_fail(fb, rc, "read");
  mdb_cursor_close(c);
  mdb_txn_abort(t);
  return ret;
}

/* ---- the store ------------------------------------------------------------ */

static void put_be(unsigned char *p, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; i--, v >>= 8)
    p[i] = (unsigned char)(v & 0xff);
}

static uint64_t get_be(const unsigned char *p, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; i++)
    v = v << 8 | p[i];
  return v;
}

/* The next event number inside write transaction @p t: one more than the
 * last key (0 in an empty store). */
static int next_key(MDB_txn *t, MDB_dbi dbi, uint64_t *out) {
  MDB_cursor *c;
  int rc = mdb_cursor_open(t, dbi, &c);
  if (rc) return rc;
  MDB_val k, v;
  rc = mdb_cursor_get(c, &k, &v, MDB_LAST);
  mdb_cursor_close(c);
  if (rc == MDB_NOTFOUND) {
    *out = 1;
    return 0;
  }
  if (rc) return rc;
  if (k.mv_size != 8) return MDB_CORRUPTED; /* migrated when opened */
  *out = get_be(k.mv_data, 8) + 1;
  return 0;
}

/* Renumber events stored under the earlier 12-byte keys (time + a pid-based
 * sequence) with event numbers, in their old order. */
static int migrate_keys(kt_feedback *fb) {
  MDB_txn *t;
  int rc = mdb_txn_begin(fb->env, NULL, 0, &t);
  if (rc) return store_fail(fb, rc, "begin write");
  MDB_cursor *c = NULL;
  MDB_val k, v;
  size_t n = 0, cap = 0;
  MDB_val *vals = NULL;
  uint64_t last = 0;
  if (!(rc = mdb_cursor_open(t, fb->dbi, &c))) {
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); !rc; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
      if (k.mv_size == 8) {
        last = get_be(k.mv_data, 8);
        continue;
      }
      if (n == cap) {
        MDB_val *nv = realloc(vals, (cap = cap ? cap * 2 : 256) * sizeof *nv);
        if (!nv) {
          rc = ENOMEM;
          break;
        }
        vals = nv;
      }
      void *copy = malloc(v.mv_size ? v.mv_size : 1);
      if (!copy) {
        rc = ENOMEM;
        break;
      }
      memcpy(copy, v.mv_data, v.mv_size);
      vals[n++] = (MDB_val){v.mv_size, copy};
      if ((rc = mdb_cursor_del(c, 0))) break;
    }
    mdb_cursor_close(c);
  }
  if (rc == MDB_NOTFOUND) rc = 0;
  for (size_t i = 0; i < n && !rc; i++) {
    unsigned char key[8];
    put_be(key, ++last, 8);
    MDB_val kk = {sizeof key, key};
    rc = mdb_put(t, fb->dbi, &kk, &vals[i], MDB_APPEND);
  }
  for (size_t i = 0; i < n; i++)
    free(vals[i].mv_data);
  free(vals);
  if (rc) {
    mdb_txn_abort(t);
    return rc == ENOMEM ? kt__err(KT_ENOMEM, "feedback store: out of memory renumbering events")
                        : store_fail(fb, rc, "renumber events");
  }
  if (!n) {
    mdb_txn_abort(t);
    return KT_OK;
  }
  return (rc = mdb_txn_commit(t)) ? store_fail(fb, rc, "commit") : KT_OK;
}

/* Follow changes other processes made to the store (a CLI `add`, `wipe`
 * or `expire` while a server runs): rebuild the aggregates when the
 * store's last transaction is not the one they reflect. Cheap otherwise
 * (LMDB reads its meta page). */
static int sync_store(kt_feedback *fb) {
  MDB_envinfo info;
  if (mdb_env_info(fb->env, &info)) return KT_OK;
  pthread_rwlock_rdlock(&fb->lock);
  bool stale = info.me_last_txnid != fb->txnid;
  pthread_rwlock_unlock(&fb->lock);
  if (!stale) return KT_OK;
  pthread_rwlock_wrlock(&fb->lock);
  int rc = KT_OK;
  if (!mdb_env_info(fb->env, &info) && info.me_last_txnid != fb->txnid) rc = rebuild(fb);
  pthread_rwlock_unlock(&fb->lock);
  return rc;
}

/* Room a wipe needs in the store's file past its last page. LMDB copies on
 * write, so even deleting takes new pages: a wipe (mdb_drop) frees every
 * page of the events without reading or copying them, but must write the
 * list of those pages (8 bytes a page, in one run of pages) into LMDB's
 * free list in the same transaction, and cannot reuse the pages it frees
 * there (the last committed state must survive a crash). Twice that list,
 * and 1 MiB for the free list's own tree. */
static off_t wipe_room(off_t used) { return ((off_t)1 << 20) + used / 256; }
/* The most one other write takes from the room: an add (an event of at
 * most 1 MiB, kt__feedback_add_at's buffer, and the tree pages above it). */
#define WRITE_ROOM ((off_t)5 << 18)

/* Keep room for a wipe in the store's file: after a write of up to
 * WRITE_ROOM, wipe_room() bytes past the last page. The file is grown
 * with posix_fallocate (allocated blocks: rewriting them later needs no
 * free disk space) and LMDB takes its new pages there. Called before every
 * write but a wipe; when the file cannot grow (a full disk), the write is
 * refused, so that marks never eat the room a wipe needs. */
static int keep_room(kt_feedback *fb) {
  MDB_envinfo info;
  MDB_stat st;
  int fd;
  struct stat fs;
  const char *dir = NULL;
  if (mdb_env_info(fb->env, &info) || mdb_env_stat(fb->env, &st) || mdb_env_get_fd(fb->env, &fd) ||
      fstat(fd, &fs) || mdb_env_get_path(fb->env, &dir))
    return kt__err(KT_EIO, "feedback store: cannot read its size: %s", strerror(errno));
  off_t used = (off_t)(info.me_last_pgno + 1) * (off_t)st.ms_psize;
  off_t need = used + wipe_room(used) + WRITE_ROOM;
  if (fs.st_size >= need) return KT_OK;
  int e = posix_fallocate(fd, 0, need + WRITE_ROOM); /* a little more: not every time */
  if (!e || fstat(fd, &fs) || fs.st_size >= need) return KT_OK;
  return kt__err(KT_EIO,
                 "feedback store %s: %s: the store keeps %lld KiB of its file free so that "
                 "a wipe works on a full disk, and cannot grow to keep it; nothing is stored "
                 "until there is room (wipe and expiry still work)",
                 dir, strerror(e), (long long)(wipe_room(used) / 1024));
}

/* Delete every event (a wipe): mdb_drop frees the pages without copying
 * them, so it needs the fewest new pages. Caller holds the write lock. */
static int delete_all(kt_feedback *fb, size_t *removed) {
  MDB_txn *t;
  int rc = mdb_txn_begin(fb->env, NULL, 0, &t);
  if (rc) return store_fail(fb, rc, "begin write");
  MDB_stat st;
  size_t n = mdb_stat(t, fb->dbi, &st) ? 0 : st.ms_entries;
  if ((rc = mdb_drop(t, fb->dbi, 0))) {
    mdb_txn_abort(t);
    return store_fail(fb, rc, "wipe");
  }
  if ((rc = mdb_txn_commit(t))) return store_fail(fb, rc, "commit");
  if (removed) *removed = n;
  return KT_OK;
}

/* Delete events older than @p cutoff (Unix time); caller holds the write lock. */
static int delete_before(kt_feedback *fb, long long cutoff, size_t *removed) {
  if (removed) *removed = 0;
  MDB_txn *t;
  int rc = mdb_txn_begin(fb->env, NULL, 0, &t);
  if (rc) return store_fail(fb, rc, "begin write");
  MDB_cursor *c;
  if ((rc = mdb_cursor_open(t, fb->dbi, &c))) {
    mdb_txn_abort(t);
    return store_fail(fb, rc, "cursor");
  }
  MDB_val k, v;
  size_t n = 0;
  /* Keys are event numbers, not times: every event's own time decides. */
  for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); !rc; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
    const char *val = v.mv_data;
    long long when = v.mv_size > 2 && val[0] == '1' && val[1] == '\t' ? atoll(val + 2) : 0;
    if (when >= cutoff) continue;
    if ((rc = mdb_cursor_del(c, 0))) break;
    n++;
  }
  mdb_cursor_close(c);
  if (rc && rc != MDB_NOTFOUND) {
    mdb_txn_abort(t);
    return store_fail(fb, rc, "delete");
  }
  if ((rc = mdb_txn_commit(t))) return store_fail(fb, rc, "commit");
  if (removed) *removed = n;
  return KT_OK;
}

int kt_feedback_open(kt_feedback **out, const char *dir, unsigned retention_days) {
  kt__err_clear();
  if (!out || !dir) return kt__err(KT_EINVAL, "kt_feedback_open: NULL argument");
  *out = NULL;
  int rc = kt__mkdir_p(dir);
  if (rc) return rc;
  kt_feedback *fb = calloc(1, sizeof *fb);
  if (!fb) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  fb->retention_days = retention_days ? retention_days : DEFAULT_RETENTION_DAYS;
  pthread_rwlock_init(&fb->lock, NULL);
  pthread_mutex_init(&fb->vlock, NULL);
  MDB_txn *t = NULL;
  int m = mdb_env_create(&fb->env);
  if (!m) m = mdb_env_set_mapsize(fb->env, MAP_BYTES);
  if (!m) m = mdb_env_open(fb->env, dir, MDB_NOTLS, 0644);
  if (!m) m = mdb_txn_begin(fb->env, NULL, 0, &t);
  if (!m) m = mdb_dbi_open(t, NULL, 0, &fb->dbi);
  if (!m) {
    m = mdb_txn_commit(t);
    t = NULL;
  }
  if (m) {
    if (t) mdb_txn_abort(t);
    rc = kt__err(lmdb_code(m), "feedback store %s: %s", dir, mdb_strerror(m));
    kt_feedback_close(fb);
    return rc;
  }
  /* Opening only reads: expired events are left out of the aggregates
   * here and deleted by kt_feedback_expire() (a server calls it
   * periodically) or by the next kt_feedback_add(). */
  rc = migrate_keys(fb);
  if (!rc) rc = rebuild(fb);
  if (rc) {
    kt_feedback_close(fb);
    return rc;
  }
  *out = fb;
  return KT_OK;
}

void kt_feedback_close(kt_feedback *fb) {
  if (!fb) return;
  aggs_clear(fb);
  free(fb->aggs);
  if (fb->env) mdb_env_close(fb->env);
  if (fb->voikko) voikkoTerminate(fb->voikko);
  pthread_mutex_destroy(&fb->vlock);
  pthread_rwlock_destroy(&fb->lock);
  free(fb);
}

size_t kt_feedback_count(kt_feedback *fb) {
  if (!fb) return 0;
  sync_store(fb);
  pthread_rwlock_rdlock(&fb->lock);
  size_t n = fb->events;
  pthread_rwlock_unlock(&fb->lock);
  return n;
}

/* ---- names are never stored ------------------------------------------------ */

/* Finnish first names and surnames that are also common words but have no
 * first-name or surname reading in Voikko (voikko-fi 2.5, Debian 12:
 * "Usko" is only the verb and the noun, "Koski" the noun and a place name,
 * "Nieminen" only a place name), lowercase. Each was checked with
 * voikkoAnalyzeWordCstr for a CLASS of etunimi or sukunimi and found
 * without one; the names themselves are common in Finland's population
 * register (first names: Usko, Into, Armas, Aarre, Voitto, Lumi, Pilvi;
 * surnames: Koski, Salo, Järvi, Rinne, Kivi, Oja, ...). A feature from
 * one of these words is dropped like one with a name reading: a name is
 * personal data, and a counsellor's "Koski" is more likely the client than
 * a rapids. Place names with no name reading (Helsinki) are kept. */
static const char *const NAMES_VOIKKO_MISSES[] = {
    /* first names */
    "aarre", "armas", "into", "lumi", "pilvi", "usko", "voitto",
    /* surnames */
    "honka", "järvi", "karhu", "kataja", "kivi", "koski", "lahti", "lampi", "nieminen", "oja",
    "paju", "raita", "rinne", "salo", "tammi", "vaara", "valo"};

static bool in_name_list(const char *folded) {
  for (size_t i = 0; i < sizeof NAMES_VOIKKO_MISSES / sizeof *NAMES_VOIKKO_MISSES; i++)
    if (!strcmp(folded, NAMES_VOIKKO_MISSES[i])) return true;
  return false;
}

/* Has @p word (a word as typed) a first-name or surname reading? Voikko
 * finds those for a capitalised word, so the word is asked capitalised,
 * wherever it stood in the text; the names Voikko misses are listed. */
static bool has_name_reading(kt_feedback *fb, const char *word) {
  char *w = kt__casefold(word);
  if (!w || !*w) {
    free(w);
    return false;
  }
  if (in_name_list(w)) {
    free(w);
    return true;
  }
  unsigned char *p = (unsigned char *)w;
  if (p[0] >= 'a' && p[0] <= 'z')
    p[0] = (unsigned char)(p[0] - 'a' + 'A');
  else if (p[0] == 0xC3 && (p[1] == 0xA4 || p[1] == 0xB6 || p[1] == 0xA5))
    p[1] -= 0x20; /* ä ö å */
  bool name = false;
  pthread_mutex_lock(&fb->vlock);
  if (!fb->voikko) {
    const char *err = NULL;
    fb->voikko = voikkoInit(&err, "fi", NULL);
  }
  struct voikko_mor_analysis **a = fb->voikko ? voikkoAnalyzeWordCstr(fb->voikko, w) : NULL;
  for (size_t i = 0; a && a[i] && !name; i++) {
    char *cls = voikko_mor_analysis_value_cstr(a[i], "CLASS");
    name = cls && (!strcmp(cls, "etunimi") || !strcmp(cls, "sukunimi"));
    voikko_free_mor_analysis_value_cstr(cls);
  }
  if (a) voikko_free_mor_analysis(a);
  pthread_mutex_unlock(&fb->vlock);
  free(w);
  return name;
}

/* Drop from @p feat every word feature ("w:...") that comes from a word of
 * @p text with a name reading ("Anna" gives w:anna and w:antaa; "Kallio",
 * w:kallio): a name is personal data, whatever its position. */
static int drop_names(kt_feedback *fb, kt_engine *e, const char *text, size_t len, char **feat,
                      size_t *nfeat) {
  kt_analysis *a = NULL;
  int rc = kt_analyze(e->an, text, len, &a);
  if (rc) return rc;
  for (size_t i = 0; i < kt_analysis_count(a); i++) {
    const kt_token *t = kt_analysis_get(a, i);
    char *surface = kt__strndup(text + t->start, t->end - t->start);
    if (!surface) {
      kt_analysis_free(a);
      return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
    bool name = has_name_reading(fb, surface);
    /* An inflected name Voikko misses ("Koskella", "Uskon"): by its base
     * forms (not by compound parts: "valokuvaaja" is no name). */
    for (size_t k = 0; k < t->term_count && !name; k++)
      name = (t->terms[k].kind == KT_TERM_LEMMA || t->terms[k].kind == KT_TERM_FIXED) &&
             in_name_list(t->terms[k].text);
    explicit_bzero(surface, strlen(surface));
    free(surface);
    if (!name) continue;
    for (size_t k = 0; k < t->term_count; k++) {
      size_t w = 0;
      for (size_t j = 0; j < *nfeat; j++) {
        if (!strncmp(feat[j], "w:", 2) && !strcmp(feat[j] + 2, t->terms[k].text))
          free(feat[j]);
        else
          feat[w++] = feat[j];
      }
      *nfeat = w;
    }
  }
  kt_analysis_free(a);
  return KT_OK;
}

int kt__feedback_add_at(kt_feedback *fb, kt_engine *e, const char *text, size_t len,
                        const char *service_id, int kind, int reason, long long when) {
  kt__err_clear();
  if (!fb || !e || !service_id || (!text && len))
    return kt__err(KT_EINVAL, "kt_feedback_add: NULL argument");
  if (kind < KT_FEEDBACK_REFERRED || kind > KT_FEEDBACK_NOT_SUITABLE)
    return kt__err(KT_EINVAL,
                   "feedback kind %d is not referred (1), useful (2) or not_suitable (3)", kind);
  if (reason < KT_REASON_NONE || reason > KT_REASON_OTHER)
    return kt__err(KT_EINVAL, "feedback reason %d is not one of 0-6", reason);
  if (kind != KT_FEEDBACK_NOT_SUITABLE && reason != KT_REASON_NONE)
    return kt__err(KT_EINVAL, "a reason is given only with not_suitable");
  /* Only a service of the open index: not a metadata key ("#format"), not
   * empty (LMDB cannot look that up), not over the id limit. */
  size_t idlen = strlen(service_id), bad = 0;
  if (!kt__utf8_valid(service_id, idlen, &bad))
    return kt__err(KT_EINVAL, "service id is not valid UTF-8 (byte offset %zu)", bad);
  if (!idlen || service_id[0] == '#' || idlen > KT_MAX_ID_BYTES)
    return kt__err(KT_EINVAL, "'%.*s' is not a service id (1-%d bytes, not starting with '#')",
                   idlen > 100 ? 100 : (int)idlen, service_id, KT_MAX_ID_BYTES);
  char *rec = NULL;
  int rc = kt__store_get(e->gen.store, service_id, &rec, NULL);
  free(rec);
  if (rc)
    return rc == KT_ENOTFOUND ? kt__err(KT_ENOTFOUND, "no service '%s' in the index", service_id)
                              : rc;

  char **feat = NULL;
  size_t nfeat = 0;
  if ((rc = kt__need_features(e, text ? text : "", len, &feat, &nfeat))) return rc;
  if ((rc = drop_names(fb, e, text ? text : "", len, feat, &nfeat))) {
    kt__features_free(feat, nfeat);
    return rc;
  }
  kt__buf b;
  kt__buf_init(&b, 1 << 20);
  rc = kt__buf_printf(&b, "1\t%lld\t%s\t%d\t%d\t", when, service_id, kind, reason);
  for (size_t i = 0; i < nfeat && !rc; i++)
    rc = kt__buf_printf(&b, "%s%s", i ? " " : "", feat[i]);
  kt__features_free(feat, nfeat);
  if (rc) {
    kt__buf_free(&b);
    return rc;
  }

  sync_store(fb); /* others' writes first, so this one is counted once */
  pthread_rwlock_wrlock(&fb->lock);
  if ((rc = keep_room(fb))) {
    pthread_rwlock_unlock(&fb->lock);
    kt__buf_free(&b);
    return rc;
  }
  unsigned char key[8];
  MDB_val k = {sizeof key, key}, v = {b.len, b.data};
  MDB_txn *t;
  uint64_t num = 0;
  int m = mdb_txn_begin(fb->env, NULL, 0, &t);
  if (!m) m = next_key(t, fb->dbi, &num);
  if (!m) {
    put_be(key, num, 8);
    m = mdb_put(t, fb->dbi, &k, &v, MDB_APPEND | MDB_NOOVERWRITE);
  }
  size_t id = m ? 0 : mdb_txn_id(t);
  if (!m)
    m = mdb_txn_commit(t);
  else
    mdb_txn_abort(t);
  if (!m && fb->txnid + 1 == id) fb->txnid = id; /* nobody else wrote in between */
  if (m) {
    rc = store_fail(fb, m, "write");
  } else {
    event ev;
    fb->events++;
    if (!(rc = parse_event(b.data, b.len, &ev))) {
      rc = agg_event(fb, &ev);
      free(ev.buf);
    }
  }
  pthread_rwlock_unlock(&fb->lock);
  kt__buf_free(&b);
  return rc;
}

int kt_feedback_add(kt_feedback *fb, kt_engine *e, const char *text, size_t len,
                    const char *service_id, int kind, int reason) {
  return kt__feedback_add_at(fb, e, text, len, service_id, kind, reason, (long long)time(NULL));
}

int kt_feedback_expire(kt_feedback *fb, unsigned older_than_days, size_t *removed) {
  kt__err_clear();
  if (!fb) return kt__err(KT_EINVAL, "kt_feedback_expire: NULL store");
  long long cutoff = older_than_days ? (long long)time(NULL) - (long long)older_than_days * 86400
                                     : (long long)INT64_MAX;
  pthread_rwlock_wrlock(&fb->lock);
  /* Expiry keeps the wipe's room when it can, but runs without it: the
   * retention is a promise, and deleting the oldest events (the first
   * keys) takes few pages. A wipe needs only the room (delete_all). */
  if (older_than_days && keep_room(fb)) kt__err_clear();
  int rc = older_than_days ? delete_before(fb, cutoff, removed) : delete_all(fb, removed);
  if (!rc) rc = rebuild(fb);
  pthread_rwlock_unlock(&fb->lock);
  return rc;
}

/* ---- ranking -------------------------------------------------------------- */

/* How specific a feature is: one that many services were marked for says
 * less about each of them. */
static double specificity(const kt_feedback *fb, const char *feature, size_t *first) {
  char key[300];
  snprintf(key, sizeof key, "%s\t", feature);
  size_t a = lower_bound(fb, key), z = a, fl = strlen(feature);
  while (z < fb->naggs && fb->aggs[z].flen == fl && !strncmp(fb->aggs[z].key, feature, fl))
    z++;
  *first = a;
  return z > a ? 1.0 / (1.0 + log((double)(z - a))) : 0.0;
}

double kt__feedback_factor(kt_feedback *fb, const char *const *features, size_t n,
                           const char *service, int lang, kt__arena *arena, kt_effect *effects,
                           size_t max_effects, size_t *neffects) {
  if (!fb || !n) return 1.0;
  sync_store(fb);
  pthread_rwlock_rdlock(&fb->lock);
  double evidence = 0;
  const char *group = NULL;
  unsigned strikes = 0;
  char key[600];
  for (size_t i = 0; i < n; i++) {
    size_t first;
    double spec = specificity(fb, features[i], &first);
    if (spec == 0) continue;
    snprintf(key, sizeof key, "%s\t%s", features[i], service);
    size_t at = lower_bound(fb, key);
    if (at == fb->naggs || strcmp(fb->aggs[at].key, key)) continue;
    const agg *a = &fb->aggs[at];
    evidence += spec * ((double)a->referred + 0.5 * a->useful - 0.5 * a->not_suitable);
    if (a->not_for_group > strikes) {
      strikes = a->not_for_group;
      group = features[i] + 2;
    }
  }
  pthread_rwlock_unlock(&fb->lock);
  double f = evidence >= 0 ? 1.0 + LIFT_CAP * (1.0 - exp(-evidence / LIFT_SCALE))
                           : 1.0 - DROP_CAP * (1.0 - exp(evidence / LIFT_SCALE));
  char reason[160];
  if (f != 1.0 && *neffects < max_effects) {
    snprintf(reason, sizeof reason, "%s", kt__msg(lang, f > 1 ? KT__M_R_FB_LIFT : KT__M_R_FB_DROP));
    effects[*neffects] =
        (kt_effect){kt__msg(lang, KT__M_FEEDBACK), kt__arena_strdup(arena, reason), f};
    if (effects[*neffects].reason) (*neffects)++;
  }
  if (strikes >= GROUP_STRIKES) {
    f *= GROUP_DEMOTION;
    if (*neffects < max_effects) {
      snprintf(reason, sizeof reason, kt__msg(lang, KT__M_R_FB_GROUP), strikes,
               kt__target_group_label(lang, group));
      effects[*neffects] = (kt_effect){kt__msg(lang, KT__M_FEEDBACK),
                                       kt__arena_strdup(arena, reason), GROUP_DEMOTION};
      if (effects[*neffects].reason) (*neffects)++;
    }
  }
  return f;
}

int kt_engine_set_feedback(kt_engine *e, kt_feedback *fb) {
  kt__err_clear();
  if (!e) return kt__err(KT_EINVAL, "kt_engine_set_feedback: NULL engine");
  e->fb = fb;
  return KT_OK;
}

/* ---- export ---------------------------------------------------------------- */

typedef struct svc_stat {
  const char *id, *name;
  unsigned referred, useful, not_suitable;
  json_t *needs; /* concept id -> count (referred + useful) */
} svc_stat;

static int cmp_stat(const void *a, const void *b) {
  return strcmp(((const svc_stat *)a)->id, ((const svc_stat *)b)->id);
}

static const char *concept_label(const kt_engine *e, const char *id) {
  for (size_t i = 0; i < kt__thesaurus_count(e->gen.thes); i++) {
    const kt__concept *c = kt__thesaurus_concept(e->gen.thes, i);
    if (!strcmp(c->id, id)) return c->label;
  }
  return id;
}

/* The @p k needs with the highest counts, as a JSON array. */
static json_t *top_needs(const kt_engine *e, json_t *needs, size_t k) {
  json_t *arr = json_array();
  for (size_t round = 0; round < k; round++) {
    const char *best = NULL;
    json_int_t bc = 0;
    const char *key;
    json_t *v;
    json_object_foreach(needs, key, v) {
      json_int_t c = json_integer_value(v);
      if (c > bc) {
        bc = c;
        best = key;
      }
    }
    if (!best) break;
    json_array_append_new(arr, json_pack("{s:s, s:s, s:I}", "concept", best, "label",
                                         concept_label(e, best), "count", bc));
    json_object_set_new(needs, best, json_integer(0));
  }
  return arr;
}

static int csv_field(kt__buf *b, const char *s) {
  int rc = kt__buf_adds(b, "\"");
  for (const char *p = s; *p && !rc; p++)
    rc = kt__buf_add(b, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
  return rc ? rc : kt__buf_adds(b, "\"");
}

int kt_feedback_export(kt_feedback *fb, kt_engine *e, int format, char **out) {
  kt__err_clear();
  if (!fb || !e || !out) return kt__err(KT_EINVAL, "kt_feedback_export: NULL argument");
  if (format != KT_EXPORT_CSV && format != KT_EXPORT_JSON)
    return kt__err(KT_EINVAL, "export format %d is not KT_EXPORT_CSV or KT_EXPORT_JSON", format);
  *out = NULL;
  /* The index's services, in id order. */
  size_t ns = 0;
  svc_stat *st = calloc(e->gen.ndocs + 1, sizeof *st);
  if (!st) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  int rc = KT_OK;
  for (unsigned d = 1; d < e->gen.ndocs && !rc; d++) {
    kt__doc *doc = NULL;
    if (kt__gen_doc(&e->gen, d, &doc) != KT_OK) continue; /* a gap in docids */
    st[ns++] = (svc_stat){doc->f[KT__D_ID], doc->f[KT__D_NAME], 0, 0, 0, json_object()};
  }
  qsort(st, ns, sizeof *st, cmp_stat);
  /* Count events per service (and per concept) straight from the store. */
  pthread_rwlock_rdlock(&fb->lock);
  MDB_txn *t;
  int m = mdb_txn_begin(fb->env, NULL, MDB_RDONLY, &t);
  MDB_cursor *c = NULL;
  if (!m) m = mdb_cursor_open(t, fb->dbi, &c);
  MDB_val k, v;
  for (int g = m ? m : mdb_cursor_get(c, &k, &v, MDB_FIRST); !g && !rc;
       g = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
    event ev;
    if ((rc = parse_event(v.mv_data, v.mv_size, &ev))) break;
    svc_stat key = {.id = ev.service};
    svc_stat *s = bsearch(&key, st, ns, sizeof *st, cmp_stat);
    if (s) { /* a removed service's events are kept but not reported */
      if (ev.kind == KT_FEEDBACK_REFERRED)
        s->referred++;
      else if (ev.kind == KT_FEEDBACK_USEFUL)
        s->useful++;
      else
        s->not_suitable++;
      char *save = NULL;
      for (char *f = strtok_r(ev.features, " ", &save); f && ev.kind != KT_FEEDBACK_NOT_SUITABLE;
           f = strtok_r(NULL, " ", &save))
        if (!strncmp(f, "c:", 2))
          json_object_set_new(
              s->needs, f + 2,
              json_integer(json_integer_value(json_object_get(s->needs, f + 2)) + 1));
    }
    free(ev.buf);
  }
  if (c) mdb_cursor_close(c);
  if (!m) mdb_txn_abort(t);
  pthread_rwlock_unlock(&fb->lock);
  if (m && !rc) rc = store_fail(fb, m, "read");

  if (!rc && format == KT_EXPORT_JSON) {
    json_t *doc = json_object(), *arr = json_array(), *never = json_array();
    for (size_t i = 0; i < ns; i++) {
      svc_stat *s = &st[i];
      if (!s->referred) json_array_append_new(never, json_string(s->id));
      if (!s->referred && !s->useful && !s->not_suitable) continue;
      json_array_append_new(arr, json_pack("{s:s, s:s, s:i, s:i, s:i, s:o}", "id", s->id, "name",
                                           s->name, "referred", s->referred, "useful", s->useful,
                                           "not_suitable", s->not_suitable, "needs",
                                           top_needs(e, s->needs, 5)));
    }
    json_object_set_new(doc, "services", arr);
    json_object_set_new(doc, "never_referred", never);
    *out = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(doc);
    if (!*out) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  } else if (!rc) {
    kt__buf b;
    kt__buf_init(&b, (size_t)1 << 30);
    rc = kt__buf_adds(&b, "service_id,name,referred,useful,not_suitable,top_needs\n");
    for (size_t i = 0; i < ns && !rc; i++) {
      svc_stat *s = &st[i];
      json_t *top = top_needs(e, s->needs, 5);
      kt__buf needs;
      kt__buf_init(&needs, 1 << 16);
      size_t j;
      json_t *x;
      json_array_foreach(top, j, x) {
        kt__buf_printf(&needs, "%s%s (%lld)", j ? "; " : "",
                       json_string_value(json_object_get(x, "label")),
                       (long long)json_integer_value(json_object_get(x, "count")));
      }
      json_decref(top);
      rc = kt__buf_adds(&b, s->id);
      if (!rc) rc = kt__buf_adds(&b, ",");
      if (!rc) rc = csv_field(&b, s->name);
      if (!rc) rc = kt__buf_printf(&b, ",%u,%u,%u,", s->referred, s->useful, s->not_suitable);
      if (!rc) rc = csv_field(&b, needs.data ? needs.data : "");
      if (!rc) rc = kt__buf_adds(&b, "\n");
      kt__buf_free(&needs);
    }
    if (!rc) {
      *out = kt__strndup(b.data, b.len);
      if (!*out) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
    kt__buf_free(&b);
  }
  for (size_t i = 0; i < ns; i++)
    json_decref(st[i].needs);
  free(st);
  return rc;
}
