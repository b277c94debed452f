/*
 * engine.c — the engine handle: opens the current index generation (Xapian
 * database + LMDB record store) with its analyser, follows index switches on
 * refresh, and serves full service records.
 */
#define _GNU_SOURCE
#include "engine.h"
#include "browse.h"
#include "docterms.h"
#include "thesaurus.h"
#include "verify.h"

#include <errno.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Per-generation document frequencies: long notes ask for hundreds of
 * terms, each a B-tree lookup in Xapian; the answers never change. */
#define DF_CACHE_MAX 200000
struct kt__dfcache {
  struct hsearch_data table;
  char **keys;
  size_t *vals;
  size_t n;
};

static void dfcache_free(struct kt__dfcache *c) {
  if (!c) return;
  hdestroy_r(&c->table);
  for (size_t i = 0; i < c->n; i++)
    free(c->keys[i]);
  free(c->keys);
  free(c->vals);
  free(c);
}

int kt__gen_termfreq(kt__gen *g, const char *term, size_t *out) {
  *out = 0;
  if (!g->df) {
    struct kt__dfcache *c = calloc(1, sizeof *c);
    if (c && (c->keys = malloc(DF_CACHE_MAX * sizeof *c->keys)) &&
        (c->vals = malloc(DF_CACHE_MAX * sizeof *c->vals)) &&
        hcreate_r(DF_CACHE_MAX * 5 / 4, &c->table)) {
      g->df = c;
    } else if (c) {
      free(c->keys);
      free(c->vals);
      free(c);
    }
  }
  struct kt__dfcache *c = g->df;
  if (c) {
    ENTRY q = {.key = (char *)term, .data = NULL}, *hit = NULL;
    if (hsearch_r(q, FIND, &hit, &c->table) && hit) {
      *out = *(size_t *)hit->data;
      return KT_OK;
    }
  }
  size_t df = 0;
  int rc = ktx_db_termfreq(g->db, term, &df);
  if (rc) return rc;
  if (c && c->n < DF_CACHE_MAX) {
    char *k = strdup(term);
    ENTRY q = {.key = k, .data = &c->vals[c->n]}, *hit = NULL;
    if (k && hsearch_r(q, ENTER, &hit, &c->table)) {
      c->keys[c->n] = k;
      c->vals[c->n++] = df;
    } else {
      free(k);
    }
  }
  *out = df;
  return KT_OK;
}

static void gen_close(kt__gen *g) {
  dfcache_free(g->df);
  for (size_t i = 0; g->docs && i < g->ndocs; i++)
    if (g->docs[i]) {
      for (size_t k = 0; k < g->docs[i]->n_name_words; k++)
        free(g->docs[i]->name_words[k]);
      free(g->docs[i]->name_words);
      free(g->docs[i]->name_qualifier);
      free(g->docs[i]->summary);
      free(g->docs[i]->description);
      free(g->docs[i]->requirements);
      for (size_t k = 0; k < g->docs[i]->nrelated; k++)
        free(g->docs[i]->related[k]);
      free(g->docs[i]->related);
      kt__docterms_free(g->docs[i]->terms);
      free(g->docs[i]->buf);
      free(g->docs[i]->cpriors);
      free(g->docs[i]);
    }
  free(g->docs);
  kt__thesaurus_free(g->thes);
  kt__browse_free(g->browse);
  ktx_db_close(g->db);
  ktx_db_close(g->eval_db);
  kt__store_close(g->store);
  free(g->name);
  memset(g, 0, sizeof *g);
}

/* A shard set file (index root/shards.conf): which Xapian shards hold the
 * current generation's documents (docs/shards.md):
 *   generation gen-...        optional: refuse to open another generation
 *   remote HOST PORT          a shard served by xapian-tcpsrv
 *   local PATH                a shard on this machine
 * in the order the shards were written. */
static int open_shard_conf(kt__gen *g, const char *conf, FILE *f) {
  ktx_shard sh[KT_MAX_SHARDS];
  char *owned[KT_MAX_SHARDS];
  size_t n = 0, lineno = 0;
  char line[1024];
  int rc = KT_OK;
  while (!rc && fgets(line, sizeof line, f)) {
    lineno++;
    char *p = line + strspn(line, " \t");
    p[strcspn(p, "\r\n")] = '\0';
    if (!*p || *p == '#') continue;
    char kw[32], a[900], b[32];
    int k = sscanf(p, "%31s %899s %31s", kw, a, b);
    if (k == 2 && !strcmp(kw, "generation")) {
      if (strcmp(a, g->name))
        rc = kt__err(KT_ECORRUPT,
                     "%s:%zu: the shards hold generation %s but the index is at %s; "
                     "deploy the shards of %s or update %s",
                     conf, lineno, a, g->name, g->name, conf);
      continue;
    }
    if (n == KT_MAX_SHARDS) {
      rc = kt__err(KT_EINVAL, "%s: more than %d shards", conf, KT_MAX_SHARDS);
      break;
    }
    char *end = NULL;
    unsigned long port = k == 3 ? strtoul(b, &end, 10) : 0;
    if (k == 3 && !strcmp(kw, "remote") && end && !*end && port > 0 && port < 65536) {
      owned[n] = kt__strdup(a);
      sh[n] = (ktx_shard){NULL, owned[n], (unsigned)port};
    } else if (k == 2 && !strcmp(kw, "local")) {
      owned[n] = kt__strdup(a);
      sh[n] = (ktx_shard){owned[n], NULL, 0};
    } else {
      rc = kt__err(KT_EINVAL,
                   "%s:%zu: expected 'remote HOST PORT', 'local PATH' or "
                   "'generation NAME', not '%s'",
                   conf, lineno, p);
      break;
    }
    if (!owned[n]) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    n++;
  }
  if (!rc && n == 0) rc = kt__err(KT_EINVAL, "%s lists no shards", conf);
  if (!rc) rc = ktx_db_open_shards(&g->db, sh, n);
  if (rc == KT_ENOINDEX || rc == KT_EIO) rc = kt__err(rc, "%s: %s", conf, kt_error_last());
  for (size_t i = 0; i < n; i++)
    free(owned[i]);
  return rc;
}

/* The generation's Xapian part: shards named in root/shards.conf, else its
 * own single index (gen/xapian) or local shards (gen/shards/0..). */
static int open_xapian(kt__gen *g, const char *root, const char *gen) {
  char *conf = kt__path_join(root, "shards.conf");
  if (!conf) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  FILE *f = fopen(conf, "r");
  if (f) {
    int rc = open_shard_conf(g, conf, f);
    fclose(f);
    free(conf);
    return rc;
  }
  free(conf);
  char *x = kt__path_join(gen, "xapian"), *sdir = kt__path_join(gen, "shards");
  int rc = x && sdir ? KT_OK : KT_ENOMEM;
  struct stat st;
  if (!rc && stat(x, &st) == 0) {
    rc = ktx_db_open(&g->db, x);
  } else if (!rc) {
    ktx_shard sh[KT_MAX_SHARDS];
    char *paths[KT_MAX_SHARDS];
    size_t n = 0;
    for (; n < KT_MAX_SHARDS; n++) {
      char name[16];
      snprintf(name, sizeof name, "%zu", n);
      paths[n] = kt__path_join(sdir, name);
      if (!paths[n] || stat(paths[n], &st) != 0) break;
      sh[n] = (ktx_shard){paths[n], NULL, 0};
    }
    rc = n ? ktx_db_open_shards(&g->db, sh, n)
           : kt__err(KT_ENOINDEX, "%s has neither xapian/ nor shards/", gen);
    for (size_t i = 0; i <= n && i < KT_MAX_SHARDS; i++)
      free(paths[i]);
  }
  free(x);
  free(sdir);
  return rc;
}

/* Open the current generation of @p root. Its checksums are checked first
 * (and with @p deep, Xapian's consistency check too): a damaged generation is
 * refused before LMDB or Xapian read a page of it. */
/* Open generation @p name under @p root, or the one `current` names when
 * @p name is NULL; @p deep adds Xapian's check to the manifest's. */
static int gen_open(kt__gen *g, const char *root, const char *name, bool deep) {
  memset(g, 0, sizeof *g);
  char *path = NULL;
  int rc = KT_OK;
  if (!name)
    rc = kt__index_current(root, &path);
  else if (!(path = kt__path_join(root, name)))
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  if (rc) return rc;
  struct stat nst;
  if (name && stat(path, &nst) != 0) {
    rc = kt__err(errno == ENOENT ? KT_ENOINDEX : KT_EIO, "index generation %s: %s", path,
                 strerror(errno));
    free(path);
    return rc;
  }
  struct stat gst;
  if (stat(path, &gst) != 0) {
    /* A dangling `current`: as before, an incomplete generation. */
  } else if ((rc = kt__gen_verify(path, deep))) {
    free(path);
    return rc;
  }
  char *r = kt__path_join(path, "records.mdb"), *t = kt__path_join(path, "thesaurus.tsv");
  const char *slash = strrchr(path, '/');
  g->name = kt__strdup(slash ? slash + 1 : path);
  if (!r || !t || !g->name) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  if (!rc) rc = kt__store_open(&g->store, r);
  if (!rc) rc = open_xapian(g, root, path);
  if (!rc) {
    char *ev = kt__path_join(path, KT__EVAL_DIR);
    struct stat est;
    if (!ev)
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    else if (stat(ev, &est) == 0)
      rc = ktx_db_open(&g->eval_db, ev);
    free(ev);
  }
  if (!rc) rc = kt__thesaurus_load(t, &g->thes);
  if (rc == KT_ENOINDEX)
    kt__err(KT_ECORRUPT, "index generation %s is incomplete (%s)", path, kt_error_last());
  if (rc == KT_ENOINDEX) rc = KT_ECORRUPT;
  if (!rc) {
    char *f = NULL;
    if (kt__store_get(g->store, "#format", &f, NULL) != KT_OK || strcmp(f, KT__INDEX_FORMAT))
      rc = kt__err(KT_ECORRUPT,
                   "index generation %s has format %s; this engine reads format %s: rebuild it "
                   "with `kohtaanto index`",
                   path, f ? f : "1", KT__INDEX_FORMAT);
    free(f);
  }
  if (!rc) {
    char *v = NULL;
    if (kt__store_get(g->store, "#built_at", &v, NULL) == KT_OK)
      snprintf(g->built_at, sizeof g->built_at, "%s", v);
    free(v);
    v = NULL;
    unsigned long long pu = 0, ps = 0;
    g->prior_base = -1;
    if (kt__store_get(g->store, KT__PRIOR_KEY, &v, NULL) == KT_OK &&
        sscanf(v, "%llu %llu", &pu, &ps) == 2 && ps > 0)
      g->prior_base = (double)pu / (double)ps;
    free(v);
    v = NULL;
    g->concept_priors =
        g->prior_base >= 0 && kt__store_get(g->store, KT__CONCEPT_PRIOR_KEY, &v, NULL) == KT_OK;
    free(v);
    v = NULL;
    g->concept_useful = kt__store_get(g->store, KT__CONCEPT_USEFUL_KEY, &v, NULL) == KT_OK;
    free(v);
    kt__err_clear();
    unsigned last = 0;
    if (!(rc = ktx_db_doccount(g->db, &g->services)) && !(rc = ktx_db_lastdocid(g->db, &last))) {
      g->ndocs = (size_t)last + 1;
      if (!(g->docs = calloc(g->ndocs, sizeof *g->docs)))
        rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
  }
  free(r);
  free(t);
  free(path);
  if (rc) gen_close(g);
  return rc;
}

static int cmp_cprior(const void *a, const void *b) {
  const kt__cprior *x = a, *y = b;
  return (x->concept > y->concept) - (x->concept < y->concept);
}

const kt__cprior *kt__doc_concept_prior(const kt__doc *d, size_t concept) {
  if (!d->ncpriors) return NULL;
  kt__cprior k = {.concept = concept};
  return bsearch(&k, d->cpriors, d->ncpriors, sizeof *d->cpriors, cmp_cprior);
}

/* Read @p d's priors per need ("concept useful seen;..."); a concept the
 * thesaurus does not have is skipped (the index checked them at build). */
static int doc_cpriors(kt__gen *g, kt__doc *d) {
  char key[300], *v = NULL;
  snprintf(key, sizeof key, KT__CONCEPT_PRIOR_KEY "%s", d->f[KT__D_ID]);
  int rc = kt__store_get(g->store, key, &v, NULL);
  if (rc == KT_ENOTFOUND) {
    kt__err_clear();
    return KT_OK;
  }
  if (rc) return rc;
  size_t cap = 1;
  for (const char *p = v; *p; p++)
    cap += *p == ';';
  if (!(d->cpriors = calloc(cap, sizeof *d->cpriors))) {
    free(v);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  char *save = NULL;
  for (char *t = strtok_r(v, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
    char id[256];
    unsigned u, s;
    if (sscanf(t, "%255s %u %u", id, &u, &s) != 3) continue;
    size_t c = kt__thesaurus_index_of(g->thes, id);
    if (c != SIZE_MAX) d->cpriors[d->ncpriors++] = (kt__cprior){c, u, s};
  }
  free(v);
  qsort(d->cpriors, d->ncpriors, sizeof *d->cpriors, cmp_cprior);
  return KT_OK;
}

int kt__gen_doc(kt__gen *g, unsigned docid, kt__doc **out) {
  if (docid >= g->ndocs) return kt__err(KT_ECORRUPT, "document %u is outside the index", docid);
  if (g->docs[docid]) {
    *out = g->docs[docid];
    return KT_OK;
  }
  kt__doc *d = calloc(1, sizeof *d);
  if (!d) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  int rc = ktx_db_get_data(g->db, docid, &d->buf);
  if (rc) {
    free(d);
    return rc;
  }
  size_t n = 0;
  char *p = d->buf;
  d->f[n++] = p;
  for (; *p && n < KT__D_NFIELDS; p++)
    if (*p == '\t') {
      *p = '\0';
      d->f[n++] = p + 1;
    }
  if (n != KT__D_NFIELDS) {
    free(d->buf);
    free(d);
    return kt__err(KT_ECORRUPT, "index document %u has malformed data", docid);
  }
  d->age_min = atoi(d->f[KT__D_AGEMIN]);
  d->age_max = atoi(d->f[KT__D_AGEMAX]);
  const char *l = d->f[KT__D_FINLEVEL];
  d->finnish_level = (l[0] == 'A' || l[0] == 'B' || l[0] == 'C') && l[1] >= '1' && l[1] <= '2'
                         ? (l[0] - 'A') * 2 + (l[1] - '0')
                         : 0;
  if (g->prior_base >= 0) {
    char key[300], *v = NULL;
    snprintf(key, sizeof key, KT__PRIOR_KEY "%s", d->f[KT__D_ID]);
    rc = kt__store_get(g->store, key, &v, NULL);
    if (rc == KT_OK && sscanf(v, "%u %u", &d->prior_useful, &d->prior_seen) != 2)
      d->prior_useful = d->prior_seen = 0;
    free(v);
    if (rc == KT_ENOTFOUND) kt__err_clear();
    if (rc && rc != KT_ENOTFOUND) {
      free(d->buf);
      free(d);
      return rc;
    }
  }
  if (g->concept_priors && (rc = doc_cpriors(g, d))) {
    free(d->buf);
    free(d);
    return rc;
  }
  g->docs[docid] = d;
  *out = d;
  return KT_OK;
}

/* kt_engine_open() and kt_engine_open_generation(): @p generation NULL for
 * the one `current` names. */
static int engine_open(kt_engine **out, const char *index_dir, const char *generation) {
  kt_engine *e = calloc(1, sizeof *e);
  if (e) e->rank = kt__ranking_defaults;
  if (!e) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  e->root = kt__strdup(index_dir);
  int rc = e->root ? gen_open(&e->gen, index_dir, generation, generation != NULL) : KT_ENOMEM;
  if (!rc) rc = kt_analyzer_open(&e->an);
  if (rc) {
    kt_engine_close(e);
    return rc;
  }
  *out = e;
  return KT_OK;
}

int kt_engine_open(kt_engine **out, const char *index_dir) {
  kt__err_clear();
  if (!out || !index_dir) return kt__err(KT_EINVAL, "kt_engine_open: NULL argument");
  *out = NULL;
  return engine_open(out, index_dir, NULL);
}

int kt_engine_open_generation(kt_engine **out, const char *index_dir, const char *generation) {
  kt__err_clear();
  if (!out || !index_dir || !generation)
    return kt__err(KT_EINVAL, "kt_engine_open_generation: NULL argument");
  *out = NULL;
  /* A directory of the root, named as builds name generations. */
  if (strncmp(generation, "gen-", 4) || strchr(generation, '/') || strlen(generation) > 200)
    return kt__err(KT_EINVAL, "'%.200s' is not an index generation (gen-..., no '/')", generation);
  return engine_open(out, index_dir, generation);
}

void kt_engine_close(kt_engine *e) {
  if (!e) return;
  gen_close(&e->gen);
  kt_analyzer_close(e->an);
  free(e->refused);
  free(e->root);
  free(e);
}

int kt_engine_refresh(kt_engine *e, int *changed) {
  kt__err_clear();
  if (changed) *changed = 0;
  if (!e) return kt__err(KT_EINVAL, "kt_engine_refresh: NULL engine");
  char *path = NULL;
  int rc = kt__index_current(e->root, &path);
  if (rc) return rc;
  const char *slash = strrchr(path, '/');
  bool same = e->gen.name && !strcmp(slash ? slash + 1 : path, e->gen.name);
  if (same) {
    free(path);
    return KT_OK;
  }
  kt__gen g;
  /* A switch is where a damaged generation would replace a good one: check
   * it fully (once: a refused generation is refused again without a check). */
  if (e->refused && !strcmp(e->refused, slash ? slash + 1 : path)) {
    rc = kt__err(e->refused_rc, "%s", e->refused_msg);
    free(path);
    return rc;
  }
  if ((rc = gen_open(&g, e->root, NULL, true))) {
    if (rc != KT_ECORRUPT) {
      free(path);
      return rc; /* perhaps transient: tried again next time */
    }
    free(e->refused);
    e->refused = kt__strdup(slash ? slash + 1 : path);
    e->refused_rc = rc;
    snprintf(e->refused_msg, sizeof e->refused_msg, "%s", kt_error_last());
    free(path);
    return rc; /* keep serving the old one */
  }
  free(path);
  gen_close(&e->gen);
  e->gen = g;
  if (changed) *changed = 1;
  return KT_OK;
}

int kt_engine_info(const kt_engine *e, kt_index_info *out) {
  kt__err_clear();
  if (!e || !out) return kt__err(KT_EINVAL, "kt_engine_info: NULL argument");
  out->generation = e->gen.name;
  out->built_at = e->gen.built_at;
  out->services = e->gen.services;
  return KT_OK;
}

int kt_service_get(kt_engine *e, const char *id, char **json_out, size_t *len_out) {
  kt__err_clear();
  if (!e || !id || !json_out) return kt__err(KT_EINVAL, "kt_service_get: NULL argument");
  *json_out = NULL;
  size_t bad = 0;
  if (!kt__utf8_valid(id, strlen(id), &bad))
    return kt__err(KT_EINVAL, "service id is not valid UTF-8 (byte offset %zu)", bad);
  if (!*id || id[0] == '#' || strlen(id) > 200)
    return kt__err(KT_ENOTFOUND, "no service with id '%.200s'", id);
  int rc = kt__store_get(e->gen.store, id, json_out, len_out);
  if (rc == KT_ENOTFOUND) return kt__err(KT_ENOTFOUND, "no service with id '%s'", id);
  return rc;
}
int kt__index_current(const char *index_dir, char **gen_path) {
  *gen_path = NULL;
  char *cur = kt__path_join(index_dir, "current");
  if (!cur) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  char target[512];
  ssize_t n = readlink(cur, target, sizeof target - 1);
  int e = errno;
  free(cur);
  /* Only a missing `current` means "no index": a damaged one (a plain file,
   * EINVAL) or an unreadable root must not send the CLI off to build over it. */
  if (n < 0 && (e == ENOENT || e == ENOTDIR))
    return kt__err(KT_ENOINDEX, "no index at %s (%s); build one with `kohtaanto index`", index_dir,
                   strerror(e));
  if (n < 0 && e == EINVAL)
    return kt__err(KT_ECORRUPT, "index %s: 'current' is not a symbolic link to a generation",
                   index_dir);
  if (n < 0) return kt__err(KT_EIO, "cannot read index %s/current: %s", index_dir, strerror(e));
  target[n] = '\0';
  if (strchr(target, '/'))
    return kt__err(KT_ECORRUPT, "index %s: 'current' points outside the index", index_dir);
  if (strncmp(target, "gen-", 4))
    return kt__err(KT_ECORRUPT, "index %s: 'current' points to '%s', not a generation", index_dir,
                   target);
  *gen_path = kt__path_join(index_dir, target);
  return *gen_path ? KT_OK : KT_ENOMEM;
}
