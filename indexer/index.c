/*
 * index.c — builds an index generation from the catalogue and switches to it
 * atomically.
 *
 * Layout of an index root:
 *   .lock                  flock()ed by the one build allowed at a time
 *   current -> gen-<stamp> symlink; replaced by rename(2), so readers see
 *                          either the old or the new generation, never a mix
 *   gen-<stamp>/xapian/    terms (field-weighted), filter terms and values
 *   gen-<stamp>/records.mdb  full service records, each service's prepared
 *                          explanation terms (docterms.h) and metadata (LMDB)
 *   gen-<stamp>/eval/      with --eval-terms only: the baseline term spaces
 *                          of `kohtaanto eval` (Xapian, same document ids)
 *   .build-<pid>/          a build in progress; renamed when complete
 * A build killed at any point leaves `current` untouched; its leftover
 * .build-* folder is removed by the next build.
 */
#define _GNU_SOURCE
#include "analyze.h"
#include "catalog.h"
#include "docterms.h"
#include "engine.h"
#include "thesaurus.h"
#include "verify.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Each field's weight (wdf) in the document's terms: the schema table
 * (engine/schema.h). Which fields hold a term is kept with the service's
 * prepared terms (docterms.h), not as field-prefixed postings: only
 * explanations ask. */
typedef kt__field field_spec;
static const field_spec *const F_NAME = &kt__fields[KT__F_NAME];
static const field_spec *const F_SUMMARY = &kt__fields[KT__F_SUMMARY];
static const field_spec *const F_DESC = &kt__fields[KT__F_DESCRIPTION];
static const field_spec *const F_KEYWORDS = &kt__fields[KT__F_KEYWORDS];
static const field_spec *const F_TARGET = &kt__fields[KT__F_TARGET];
static const field_spec *const F_COND = &kt__fields[KT__F_CONDITIONS];
static const field_spec *const F_PROVIDER = &kt__fields[KT__F_PROVIDER];

/* The word's terms go, with their field and weight, to @p dt (the
 * explanation's prepared terms, docterms.h, from which the document's terms
 * are taken once the text is all added); the words of a snippet text
 * (@p which 0 summary, 1 description, else -1) are numbered there too. With
 * an evaluation index, the baseline term spaces (exact surface form,
 * Snowball stem) go to @p ev. */
static int add_text(kt_analyzer *an, ktx_doc *ev, kt__dtbuild *dt, int which, const field_spec *f,
                    const char *text) {
  if (!text || !*text) return KT_OK;
  kt__wordlist wl;
  int rc = kt__text_words(text, strlen(text), &wl);
  if (rc) return rc;
  char term[256];
  for (size_t i = 0; i < wl.count && !rc; i++) {
    int word = which >= 0 ? kt__dtbuild_word(dt, which, wl.items[i].start, wl.items[i].end) : -1;
    kt__wordan wa;
    rc = kt__analyze_word(an, &wl.items[i], &wa);
    if (rc || wa.stop) continue;
    if (ev) {
      snprintf(term, sizeof term, KT__PREFIX_SURFACE "%s", wl.items[i].text);
      rc = ktx_doc_add_term(ev, term, f->wdf);
      char stem[240];
      if (!rc) rc = kt__analyzer_stem(an, wl.items[i].text, stem, sizeof stem);
      if (!rc) { /* stem is unset when the stemmer failed */
        snprintf(term, sizeof term, KT__PREFIX_SNOWBALL "%s", stem);
        rc = ktx_doc_add_term(ev, term, f->wdf);
      }
    }
    /* A compound part marks no snippet word ("työ" is in every "työntekijä"). */
    for (size_t t = 0; t < wa.count && !rc; t++)
      rc = kt__dtbuild_term(dt, wa.terms[t].text, f->bit,
                            wa.terms[t].kind == KT_TERM_PART ? -1 : word, f->wdf);
  }
  kt__wordlist_free(&wl);
  return rc;
}

static int add_doc_term(const char *term, unsigned wdf, void *doc) {
  return ktx_doc_add_term(doc, term, wdf);
}

static int add_ml(kt_analyzer *an, ktx_doc *ev, kt__dtbuild *dt, bool snippet, const field_spec *f,
                  const kt__ml *m) {
  /* The snippet texts are the Finnish summary (0) and description (1). */
  int which = !snippet ? -1 : f == F_SUMMARY ? 0 : 1;
  int rc = add_text(an, ev, dt, which, f, m->fi);
  if (!rc) rc = add_text(an, ev, dt, -1, f, m->sv);
  if (!rc) rc = add_text(an, ev, dt, -1, f, m->en);
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

/* The filter terms and value slots, the same in the production and the
 * evaluation document (a filtered baseline search filters alike). */
static int add_filters(ktx_doc *doc, const kt__service *s) {
  int rc = add_bool(doc, KT__PREFIX_ID, s->id);
  if (!rc) rc = add_bool(doc, KT__PREFIX_CATEGORY, s->category);
  for (size_t i = 0; !rc && i < s->n_target_groups; i++)
    rc = add_bool(doc, KT__PREFIX_TARGET_GROUP, s->target_groups[i]);
  for (size_t i = 0; !rc && i < s->n_languages; i++)
    rc = add_bool(doc, KT__PREFIX_LANGUAGE, s->languages[i]);
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
  return rc;
}

/* One service's document, into *@p out_doc; with @p eval (an evaluation
 * index), its baseline document too, into *@p out_ev; its prepared
 * explanation terms (docterms.h), encoded, into *@p out_blob. */
static int index_service(kt_analyzer *an, bool eval, kt__dtbuild *dt, const kt__service *s,
                         ktx_doc **out_doc, ktx_doc **out_ev, char **out_blob, size_t *out_blen) {
  ktx_doc *doc, *ev = NULL;
  char *blob = NULL;
  size_t blen = 0;
  *out_doc = *out_ev = NULL;
  *out_blob = NULL;
  *out_blen = 0;
  int rc = ktx_doc_new(&doc);
  if (rc) return rc;
  if (eval && (rc = ktx_doc_new(&ev))) {
    ktx_doc_free(doc);
    return rc;
  }
  kt__analyzer_trim(an); /* between documents only: term pointers stay valid within one */
  kt__dtbuild_reset(dt);
  rc = add_ml(an, ev, dt, false, F_NAME, &s->name);
  if (!rc) rc = add_ml(an, ev, dt, true, F_SUMMARY, &s->summary);
  if (!rc) rc = add_ml(an, ev, dt, true, F_DESC, &s->description);
  if (!rc) rc = add_ml(an, ev, dt, false, F_TARGET, &s->target_description);
  for (size_t i = 0; !rc && i < s->n_target_groups; i++)
    rc = add_text(an, ev, dt, -1, F_TARGET,
                  kt__target_group_label(KT__LANG_FI, s->target_groups[i]));
  if (!rc) rc = add_ml(an, ev, dt, false, F_COND, &s->requirements);
  if (!rc) rc = add_ml(an, ev, dt, false, F_COND, &s->referral);
  for (size_t i = 0; !rc && i < s->n_keywords; i++)
    rc = add_text(an, ev, dt, -1, F_KEYWORDS, s->keywords[i]);
  if (!rc) rc = add_text(an, ev, dt, -1, F_PROVIDER, s->provider_name);
  /* The prepared terms go to the record store (the caller's), not to a
   * Xapian value: glass writes value chunks from destructors, and a full
   * disk there aborts the process. */
  if (!rc) rc = kt__dtbuild_encode(dt, &blob, &blen);
  /* The document's terms, each once with its summed wdf (from the prepared
   * terms, which hold every occurrence). */
  if (!rc) rc = kt__dtbuild_each(dt, add_doc_term, doc);

  if (!rc) rc = add_filters(doc, s);
  if (!rc && ev) rc = add_filters(ev, s);
  /* The target groups as ranked terms: a need signal (age, long
   * unemployment, language) can retrieve the services made for it (query.c). */
  for (size_t i = 0; !rc && i < s->n_target_groups; i++) {
    char term[256];
    snprintf(term, sizeof term, KT__PREFIX_GROUP "%s", s->target_groups[i]);
    rc = ktx_doc_add_term(doc, term, 1);
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
    if (!rc) rc = kt__buf_adds(&data, "\t");
    if (!rc) rc = add_folded_list(&data, s->delivery, s->n_delivery);
    if (!rc)
      rc = kt__buf_printf(&data, "\t%s\t%s", s->fee ? s->fee : "",
                          s->provider_type ? s->provider_type : "");
    if (!rc) rc = ktx_doc_set_data(doc, data.data, data.len);
    kt__buf_free(&data);
  }
  if (rc) {
    ktx_doc_free(doc);
    ktx_doc_free(ev);
    free(blob);
    return rc;
  }
  *out_doc = doc;
  *out_ev = ev;
  *out_blob = blob;
  *out_blen = blen;
  return KT_OK;
}

/* Learned priors into the record store: KT__PRIOR_KEY + id -> "useful seen". */
typedef struct prior_put {
  kt__store *st;
  unsigned long long useful, seen;
} prior_put;

static int put_prior(const char *id, unsigned useful, unsigned seen, void *ud) {
  prior_put *pp = ud;
  char key[300], v[32];
  snprintf(key, sizeof key, KT__PRIOR_KEY "%s", id);
  snprintf(v, sizeof v, "%u %u", useful, seen);
  pp->useful += useful;
  pp->seen += seen;
  return kt__store_put(pp->st, key, v, strlen(v));
}

/* Learned priors per need, gathered per service (KT__CONCEPT_PRIOR_KEY + id
 * -> "concept useful seen;..."): one record a search reads once per service. */
typedef struct cprior_line {
  char *id, *triple;
} cprior_line;
typedef struct cprior_put {
  cprior_line *v;
  size_t n, cap;
} cprior_put;

static int put_concept_prior(const char *concept, const char *id, unsigned useful, unsigned seen,
                             void *ud) {
  cprior_put *cp = ud;
  if (cp->n == cp->cap) {
    cprior_line *m = realloc(cp->v, (cp->cap = cp->cap ? 2 * cp->cap : 1024) * sizeof *m);
    if (!m) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    cp->v = m;
  }
  char t[300];
  snprintf(t, sizeof t, "%s %u %u", concept, useful, seen);
  cprior_line *l = &cp->v[cp->n];
  if (!(l->id = strdup(id)) || !(l->triple = strdup(t))) {
    free(l->id);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  cp->n++;
  return KT_OK;
}

static int cmp_cprior(const void *a, const void *b) {
  const cprior_line *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  return c ? c : strcmp(x->triple, y->triple);
}

static int store_concept_priors(kt__store *st, cprior_put *cp) {
  if (!cp->n) return KT_OK;
  qsort(cp->v, cp->n, sizeof *cp->v, cmp_cprior);
  kt__buf b;
  kt__buf_init(&b, 1 << 12);
  int rc = KT_OK;
  for (size_t i = 0; i < cp->n && !rc; i++) {
    if (b.len) kt__buf_printf(&b, ";");
    kt__buf_printf(&b, "%s", cp->v[i].triple);
    if (i + 1 == cp->n || strcmp(cp->v[i].id, cp->v[i + 1].id)) {
      char key[300];
      snprintf(key, sizeof key, KT__CONCEPT_PRIOR_KEY "%s", cp->v[i].id);
      rc = b.data ? kt__store_put(st, key, b.data, b.len)
                  : kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      b.len = 0;
      if (b.data) b.data[0] = '\0';
    }
  }
  kt__buf_free(&b);
  if (!rc) {
    char v[32];
    snprintf(v, sizeof v, "%zu", cp->n);
    rc = kt__store_put(st, KT__CONCEPT_PRIOR_KEY, v, strlen(v));
  }
  return rc;
}

/* The services judged useful per need, gathered per concept
 * (KT__CONCEPT_USEFUL_KEY + concept -> "service useful notes;...", most
 * useful first, the first KT__CONCEPT_USEFUL_KEEP). */
typedef struct cuseful_line {
  char *concept, *id;
  unsigned useful, notes;
} cuseful_line;
typedef struct cuseful_put {
  cuseful_line *v;
  size_t n, cap;
} cuseful_put;

static int put_concept_useful(const char *concept, const char *id, unsigned useful, unsigned notes,
                              void *ud) {
  cuseful_put *cu = ud;
  if (cu->n == cu->cap) {
    cuseful_line *m = realloc(cu->v, (cu->cap = cu->cap ? 2 * cu->cap : 1024) * sizeof *m);
    if (!m) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    cu->v = m;
  }
  cuseful_line *l = &cu->v[cu->n];
  *l = (cuseful_line){strdup(concept), strdup(id), useful, notes};
  if (!l->concept || !l->id) {
    free(l->concept);
    free(l->id);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  cu->n++;
  return KT_OK;
}

/* By concept, then most useful first, then by service id. */
static int cmp_cuseful(const void *a, const void *b) {
  const cuseful_line *x = a, *y = b;
  int c = strcmp(x->concept, y->concept);
  if (c) return c;
  if (x->useful != y->useful) return x->useful > y->useful ? -1 : 1;
  return strcmp(x->id, y->id);
}

static int store_concept_useful(kt__store *st, cuseful_put *cu) {
  if (!cu->n) return KT_OK;
  qsort(cu->v, cu->n, sizeof *cu->v, cmp_cuseful);
  int rc = KT_OK;
  for (size_t i = 0, j; i < cu->n && !rc; i = j) {
    char v[1024] = "";
    size_t len = 0;
    for (j = i; j < cu->n && !strcmp(cu->v[j].concept, cu->v[i].concept); j++)
      if (j - i < KT__CONCEPT_USEFUL_KEEP && len < sizeof v)
        len += (size_t)snprintf(v + len, sizeof v - len, "%s%s %u %u", len ? ";" : "", cu->v[j].id,
                                cu->v[j].useful, cu->v[j].notes);
    if (len >= sizeof v) return kt__err(KT_EINVAL, "%s: entry too long", cu->v[i].concept);
    char key[300];
    snprintf(key, sizeof key, KT__CONCEPT_USEFUL_KEY "%s", cu->v[i].concept);
    rc = kt__store_put(st, key, v, len);
  }
  if (!rc) {
    char v[32];
    snprintf(v, sizeof v, "%zu", cu->n);
    rc = kt__store_put(st, KT__CONCEPT_USEFUL_KEY, v, strlen(v));
  }
  return rc;
}

static void cuseful_free(cuseful_put *cu) {
  for (size_t i = 0; i < cu->n; i++) {
    free(cu->v[i].concept);
    free(cu->v[i].id);
  }
  free(cu->v);
}

static void cprior_free(cprior_put *cp) {
  for (size_t i = 0; i < cp->n; i++) {
    free(cp->v[i].id);
    free(cp->v[i].triple);
  }
  free(cp->v);
}

/* The Xapian writer runs in a thread of its own (issue 17): the scanning
 * thread parses, analyses and writes records while the writer inverts the
 * previous documents. Documents pass through a short queue in catalogue
 * order, so the document ids, and so the index, are the same as written by
 * one thread. Each Xapian object is used by one thread at a time; LMDB's
 * write transaction stays with the thread that began it. */
#define PIPE_CAP 1024
typedef struct writer_pipe {
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t not_empty, not_full;
  ktx_doc *doc[PIPE_CAP], *ev[PIPE_CAP];
  size_t head, count;
  bool done, started;
  int rc;         /* the writer's first failure */
  char msg[1024]; /* and its message (the error text is per thread) */
  ktx_writer *w, *ew;
} writer_pipe;

static void *writer_main(void *arg) {
  writer_pipe *p = arg;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    while (p->count == 0 && !p->done)
      pthread_cond_wait(&p->not_empty, &p->mu);
    if (p->count == 0) {
      pthread_mutex_unlock(&p->mu);
      break;
    }
    ktx_doc *doc = p->doc[p->head], *ev = p->ev[p->head];
    p->head = (p->head + 1) % PIPE_CAP;
    p->count--;
    bool failed = p->rc != KT_OK;
    pthread_cond_signal(&p->not_full);
    pthread_mutex_unlock(&p->mu);
    int rc = failed ? KT_OK : ktx_writer_add(p->w, doc);
    if (!failed && !rc && ev) rc = ktx_writer_add(p->ew, ev);
    ktx_doc_free(doc);
    ktx_doc_free(ev);
    if (rc) {
      pthread_mutex_lock(&p->mu);
      p->rc = rc;
      snprintf(p->msg, sizeof p->msg, "%s", kt_error_last());
      pthread_mutex_unlock(&p->mu);
    }
  }
  return NULL;
}

static int pipe_start(writer_pipe *p, ktx_writer *w, ktx_writer *ew) {
  memset(p, 0, sizeof *p);
  p->w = w;
  p->ew = ew;
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->not_empty, NULL);
  pthread_cond_init(&p->not_full, NULL);
  int e = pthread_create(&p->thread, NULL, writer_main, p);
  if (e) return kt__err(KT_ENOMEM, "cannot start the index writer thread: %s", strerror(e));
  p->started = true;
  return KT_OK;
}

/* Queue a document (taken over); the writer's failure, if any, is raised
 * here, in the scanning thread. */
static int pipe_push(writer_pipe *p, ktx_doc *doc, ktx_doc *ev) {
  pthread_mutex_lock(&p->mu);
  while (p->count == PIPE_CAP && p->rc == KT_OK)
    pthread_cond_wait(&p->not_full, &p->mu);
  int rc = p->rc;
  if (!rc) {
    size_t tail = (p->head + p->count) % PIPE_CAP;
    p->doc[tail] = doc;
    p->ev[tail] = ev;
    p->count++;
    pthread_cond_signal(&p->not_empty);
  }
  pthread_mutex_unlock(&p->mu);
  if (rc) {
    ktx_doc_free(doc);
    ktx_doc_free(ev);
    return kt__err(rc, "%s", p->msg);
  }
  return KT_OK;
}

/* Let the writer finish what is queued and stop; its failure, if any. */
static int pipe_finish(writer_pipe *p) {
  if (!p->started) return KT_OK;
  pthread_mutex_lock(&p->mu);
  p->done = true;
  pthread_cond_signal(&p->not_empty);
  pthread_mutex_unlock(&p->mu);
  pthread_join(p->thread, NULL);
  p->started = false;
  pthread_mutex_destroy(&p->mu);
  pthread_cond_destroy(&p->not_empty);
  pthread_cond_destroy(&p->not_full);
  return p->rc ? kt__err(p->rc, "%s", p->msg) : KT_OK;
}

/* Analysis runs in parallel workers (issue 17), each with an analyser of
 * its own (Voikko handles are per thread), while the building thread reads
 * and validates the files and writes the records. A service passes through
 * a ring of jobs in catalogue order: the building thread queues it, a
 * worker turns it into its documents and prepared terms, and the building
 * thread takes the finished jobs back in the order they were queued, so
 * the records, the document ids and so the index are the same as built by
 * one thread. LMDB's write transaction stays in the building thread. */
#define JOB_CAP 64
#define MAX_WORKERS 8
enum { JOB_EMPTY, JOB_QUEUED, JOB_DONE };
typedef struct job {
  kt__service s; /* moved out of the scan; the building thread frees it */
  size_t index, total;
  ktx_doc *doc, *ev;
  char *blob; /* prepared terms (docterms.h) */
  size_t blen;
  int state, rc;
  char msg[1024]; /* the worker's message (the error text is per thread) */
} job;

struct build_ctx;
typedef struct worker_arg {
  struct build_ctx *b;
  size_t k;
} worker_arg;

typedef struct build_ctx {
  pthread_mutex_t mu;
  pthread_cond_t work, done;
  job jobs[JOB_CAP];
  size_t pushed, taken, drained; /* sequence numbers */
  bool stop;
  size_t nworkers;
  pthread_t th[MAX_WORKERS];
  worker_arg args[MAX_WORKERS];
  kt_analyzer *an[MAX_WORKERS];
  kt__dtbuild *dt[MAX_WORKERS];
  bool eval; /* also the evaluation index */
  writer_pipe *pipe;
  kt__store *st;
  const kt_build_options *opts;
} build_ctx;

static void *worker_main(void *arg) {
  build_ctx *b = ((worker_arg *)arg)->b;
  size_t k = ((worker_arg *)arg)->k;
  pthread_mutex_lock(&b->mu);
  for (;;) {
    while (!b->stop && b->taken == b->pushed)
      pthread_cond_wait(&b->work, &b->mu);
    if (b->stop) break;
    job *j = &b->jobs[b->taken++ % JOB_CAP];
    pthread_mutex_unlock(&b->mu);
    /* An ended service keeps its record (show, the service API, feedback on
     * past referrals) but gets no document: no search can rank it. */
    j->rc = j->s.ended ? KT_OK
                       : index_service(b->an[k], b->eval, b->dt[k], &j->s, &j->doc, &j->ev,
                                       &j->blob, &j->blen);
    if (j->rc) snprintf(j->msg, sizeof j->msg, "%s", kt_error_last());
    pthread_mutex_lock(&b->mu);
    j->state = JOB_DONE;
    pthread_cond_broadcast(&b->done);
  }
  pthread_mutex_unlock(&b->mu);
  return NULL;
}

static void job_clear(job *j) {
  kt__service_free(&j->s);
  ktx_doc_free(j->doc);
  ktx_doc_free(j->ev);
  free(j->blob);
  j->doc = j->ev = NULL;
  j->blob = NULL;
  j->state = JOB_EMPTY;
}

/* Store the oldest job's record and prepared terms and queue its documents
 * for the writer; the job must be done. In the building thread, unlocked. */
static int drain_one(build_ctx *b) {
  job *j = &b->jobs[b->drained % JOB_CAP];
  int rc = j->rc;
  if (rc) {
    rc = kt__err(rc, "indexing %s: %s", j->s.file, j->msg);
  } else if (j->doc) {
    char key[KT_MAX_ID_BYTES + 8];
    snprintf(key, sizeof key, KT__DOCTERMS_KEY "%s", j->s.id);
    rc = kt__store_put(b->st, key, j->blob, j->blen);
    if (!rc) rc = pipe_push(b->pipe, j->doc, j->ev); /* takes the documents */
    j->doc = j->ev = NULL;
    if (rc) rc = kt__err(rc, "indexing %s: %s", j->s.file, kt_error_last());
  }
  if (!rc) rc = kt__store_put(b->st, j->s.id, j->s.json, strlen(j->s.json));
  /* Bound the memory of one write transaction on large catalogues. */
  if (!rc && (j->index + 1) % 10000 == 0) rc = kt__store_checkpoint(b->st);
  if (!rc && b->opts && b->opts->progress)
    b->opts->progress(j->index + 1, j->total, b->opts->userdata);
  pthread_mutex_lock(&b->mu);
  job_clear(j);
  b->drained++;
  pthread_mutex_unlock(&b->mu);
  return rc;
}

/* Drain the finished jobs in order; with @p wait_for, until that many jobs
 * have been drained (waiting for the workers). */
static int drain(build_ctx *b, size_t wait_for) {
  int rc = KT_OK;
  pthread_mutex_lock(&b->mu);
  while (!rc && b->drained < b->pushed) {
    job *j = &b->jobs[b->drained % JOB_CAP];
    if (j->state != JOB_DONE) {
      if (b->drained >= wait_for) break;
      pthread_cond_wait(&b->done, &b->mu);
      continue;
    }
    pthread_mutex_unlock(&b->mu);
    rc = drain_one(b);
    pthread_mutex_lock(&b->mu);
  }
  pthread_mutex_unlock(&b->mu);
  return rc;
}

/* Queue one service for the workers, taking it over (a kt__catalog_scan
 * callback). */
static int index_one(kt__service *s, size_t i, size_t n, void *ud) {
  build_ctx *b = ud;
  /* The slot is free once the job JOB_CAP before it has been drained. */
  int rc = drain(b, b->pushed + 1 > JOB_CAP ? b->pushed + 1 - JOB_CAP : 0);
  if (rc) return rc;
  job *j = &b->jobs[b->pushed % JOB_CAP];
  j->s = *s;
  memset(s, 0, sizeof *s); /* taken over */
  j->index = i;
  j->total = n;
  j->rc = KT_OK;
  pthread_mutex_lock(&b->mu);
  j->state = JOB_QUEUED;
  b->pushed++;
  pthread_cond_signal(&b->work);
  pthread_mutex_unlock(&b->mu);
  return KT_OK;
}

/* Analysis workers: one per core beyond the first, which the building and
 * writing threads share. On two cores one worker: each analyser caches its
 * own words, so a second repeats the first's Voikko calls, and at 10 000
 * services two took 10.6-15.2 s against one's 9.9-11.6 s. */
static size_t worker_count(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN) - 1;
  return n < 1 ? 1 : n > MAX_WORKERS ? MAX_WORKERS : (size_t)n;
}

static int workers_start(build_ctx *b) {
  b->nworkers = 0;
  pthread_mutex_init(&b->mu, NULL);
  pthread_cond_init(&b->work, NULL);
  pthread_cond_init(&b->done, NULL);
  size_t want = worker_count();
  int rc = KT_OK;
  for (size_t k = 0; k < want && !rc; k++) {
    if ((rc = kt_analyzer_open(&b->an[k]))) break;
    kt__analyzer_set_fix_umlauts(b->an[k], false);
    if ((rc = kt__dtbuild_new(&b->dt[k]))) break;
    b->args[k] = (worker_arg){b, k};
    int e = pthread_create(&b->th[k], NULL, worker_main, &b->args[k]);
    if (e) {
      rc = kt__err(KT_ENOMEM, "cannot start an analysis thread: %s", strerror(e));
      break;
    }
    b->nworkers++;
  }
  return rc;
}

/* Stop the workers (what is still queued is dropped) and free every job
 * not drained. */
static void workers_stop(build_ctx *b) {
  pthread_mutex_lock(&b->mu);
  b->stop = true;
  pthread_cond_broadcast(&b->work);
  pthread_mutex_unlock(&b->mu);
  for (size_t k = 0; k < b->nworkers; k++)
    pthread_join(b->th[k], NULL);
  for (size_t k = 0; k < MAX_WORKERS; k++) {
    kt_analyzer_close(b->an[k]);
    kt__dtbuild_free(b->dt[k]);
  }
  for (size_t i = 0; i < JOB_CAP; i++)
    job_clear(&b->jobs[i]);
  pthread_mutex_destroy(&b->mu);
  pthread_cond_destroy(&b->work);
  pthread_cond_destroy(&b->done);
}

/* Xapian's check of a finished build, in a thread of its own. */
typedef struct table_check {
  const char *gen;
  pthread_t thread;
  int rc;
  char msg[2048]; /* its message (the error text is per thread) */
} table_check;

static void *table_check_main(void *arg) {
  table_check *tc = arg;
  tc->rc = kt__gen_check_tables(tc->gen);
  if (tc->rc) snprintf(tc->msg, sizeof tc->msg, "%s", kt_error_last());
  return NULL;
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
    int rc = kt__err(KT_ELOCKED, "index %s is being built by another process%s%s%s", root,
                     *pid ? " (pid " : "", pid, *pid ? ")" : "");
    close(fd);
    free(lp);
    return rc;
  }
  char pid[32];
  int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
  if (ftruncate(fd, 0) == 0 && pwrite(fd, pid, (size_t)n, 0) < 0) { /* best effort */
  }
  free(lp);
  *fd_out = fd;
  return KT_OK;
}

int kt_index_build(const char *catalog_dir, const char *index_dir, const kt_build_options *opts,
                   kt_build_stats *stats) {
  kt__err_clear();
  if (!catalog_dir || !index_dir) return kt__err(KT_EINVAL, "kt_index_build: NULL directory");
  if (opts && (opts->version < 1 || opts->version > KT_BUILD_OPTIONS_VERSION))
    return kt__err(KT_EINVAL, "kt_build_options.version is %u; expected 1 to %d", opts->version,
                   KT_BUILD_OPTIONS_VERSION);
  size_t shards = opts && opts->version >= 2 ? opts->shards : 0;
  if (shards > KT_MAX_SHARDS)
    return kt__err(KT_EINVAL, "%zu shards asked; the limit is %d", shards, KT_MAX_SHARDS);
  unsigned flags = opts && opts->version >= 3 ? opts->flags : 0;
  if (flags & ~(unsigned)KT_BUILD_KNOWN_FLAGS)
    return kt__err(KT_EINVAL, "kt_build_options.flags has unknown bits 0x%x",
                   flags & ~(unsigned)KT_BUILD_KNOWN_FLAGS);
  double t0 = kt__now();
  int rc = kt__mkdir_p(index_dir);
  if (rc) return rc;
  int lockfd = -1;
  if ((rc = take_lock(index_dir, &lockfd))) return rc;

  kt_analyzer *an = NULL;
  ktx_writer *w = NULL, *ew = NULL;
  kt__store *st = NULL;
  char *build = NULL, *edir = NULL, *xdir = NULL, *rpath = NULL, *gen = NULL, *tmp = NULL,
       *cur = NULL;
  char genname[64], bname[64], tname[64];
  size_t nterms = 0;

  /* The catalogue is validated as it is indexed, in one pass: each file is
   * parsed once. A broken file stops the indexing (every error is still
   * reported) and the half-built generation is removed, unpublished. */
  kt__scan_stats scan;
  size_t cat_bytes = 0;
  if ((rc = kt__catalog_bytes(catalog_dir, &cat_bytes))) goto out_unlock;
  prune(index_dir, "", (size_t)-1); /* only removes leftovers of killed builds */

  snprintf(bname, sizeof bname, ".build-%ld", (long)getpid());
  build = kt__path_join(index_dir, bname);
  if (!build) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
  kt__rm_rf(build);
  if ((rc = kt__mkdir_p(build))) goto out;
  xdir = kt__path_join(build, "xapian");
  rpath = kt__path_join(build, "records.mdb");
  edir = kt__path_join(build, KT__EVAL_DIR);
  if (!xdir || !rpath || !edir) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
  if ((rc = kt_analyzer_open(&an))) goto out;
  kt__analyzer_set_fix_umlauts(an, false);
  {
    char *tdir = kt__path_join(catalog_dir, "thesaurus"),
         *tout = kt__path_join(build, "thesaurus.tsv");
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
      if (!(paths[i] = kt__path_join(sdir, name)))
        rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
    if (!rc) rc = ktx_writer_open_shards(&w, (const char *const *)paths, shards);
    for (size_t i = 0; i < shards; i++)
      free(paths[i]);
    free(sdir);
    if (rc) goto out;
  }
  if ((flags & KT_BUILD_EVAL_TERMS) && (rc = ktx_writer_open(&ew, edir))) goto out;
  /* Records are canonical JSON, no bigger than the files they came from;
   * each service's prepared terms (docterms.h) take about twice as much,
   * and LMDB rounds values of a few KiB up to whole overflow pages (3.3x
   * the catalogue on the bundled one). The map size only reserves address
   * space (no MDB_WRITEMAP): the file grows with what is written. */
  if ((rc = kt__store_create(&st, rpath, cat_bytes * 8 + (64u << 20)))) goto out;
  writer_pipe pipe;
  if ((rc = pipe_start(&pipe, w, ew))) goto out;
  build_ctx *bc = calloc(1, sizeof *bc);
  if (!bc) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  } else {
    bc->eval = ew != NULL;
    bc->pipe = &pipe;
    bc->st = st;
    bc->opts = opts;
    rc = workers_start(bc);
    if (!rc) rc = kt__catalog_scan(catalog_dir, index_one, bc, &scan);
    if (!rc) rc = drain(bc, SIZE_MAX); /* the jobs still in the ring */
    workers_stop(bc);
    free(bc);
  }
  int wrc = pipe_finish(&pipe); /* always: the writer must stop before w is freed */
  if (!rc) rc = wrc;
  if (rc) goto out;
  /* The learned priors (catalog/learned/prior.tsv), one record each, and
   * their totals: the base rate a service's own share is weighed against. */
  {
    prior_put pp = {.st = st};
    size_t np = 0;
    if ((rc = kt__catalog_priors(catalog_dir, put_prior, &pp, &np))) goto out;
    if (np) {
      char v[48];
      snprintf(v, sizeof v, "%llu %llu", pp.useful, pp.seen);
      if ((rc = kt__store_put(st, KT__PRIOR_KEY, v, strlen(v)))) goto out;
    }
    size_t nc = 0;
    cprior_put cp = {0};
    rc = kt__catalog_concept_priors(catalog_dir, put_concept_prior, &cp, &nc);
    if (!rc) rc = store_concept_priors(st, &cp);
    cprior_free(&cp);
    if (rc) goto out;
    cuseful_put cu = {0};
    rc = kt__catalog_concept_useful(catalog_dir, put_concept_useful, &cu, &nc);
    if (!rc) rc = store_concept_useful(st, &cu);
    cuseful_free(&cu);
    if (rc) goto out;
  }
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
  if (ew && (rc = ktx_writer_commit(ew, NULL))) goto out;
  ktx_writer_free(ew);
  ew = NULL;
  fsync_path(build);
  /* Checksums of what was written (each file flushed to disk first), and
   * Xapian's check of its tables read back, so that a generation with
   * inconsistent tables never becomes current. The check runs beside the
   * hashing (each reads every file once); the manifest is not read back
   * (hashing the same page cache again found nothing the first did not). */
  {
    table_check tc = {.gen = build};
    int e = pthread_create(&tc.thread, NULL, table_check_main, &tc);
    rc = kt__manifest_write(build);
    if (e) {
      tc.rc = rc ? KT_OK : kt__gen_check_tables(build);
    } else {
      pthread_join(tc.thread, NULL);
      if (tc.rc && !rc) kt__err(tc.rc, "%s", tc.msg);
    }
    if (!rc) rc = tc.rc;
    if (rc) goto out;
  }

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
  if (!gen || !tmp || !cur) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
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
  prune(index_dir, genname, opts && opts->keep_generations ? opts->keep_generations : 2);
  if (stats) {
    stats->services = scan.services;
    stats->terms = nterms;
    stats->seconds = kt__now() - t0;
    snprintf(stats->generation, sizeof stats->generation, "%s", genname);
  }

out:
  kt__store_close(st);
  ktx_writer_free(w);
  ktx_writer_free(ew);
  kt_analyzer_close(an);
  if (rc && build) kt__rm_rf(build);
  /* Every failure of a build names the index it was for (Xapian's and the
   * file system's messages name only a table or a block). */
  if (rc && !strstr(kt_error_last(), index_dir)) {
    char msg[4096];
    snprintf(msg, sizeof msg, "%s", kt_error_last());
    kt__err(rc, "building index %s: %s", index_dir, msg);
  }
  free(build);
  free(edir);
  free(xdir);
  free(rpath);
  free(gen);
  free(tmp);
  free(cur);
out_unlock:
  flock(lockfd, LOCK_UN);
  close(lockfd);
  return rc;
}
