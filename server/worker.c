/*
 * worker.c — one engine per worker thread. Xapian and Voikko handles must
 * not be shared between threads, so each thread of the HTTP thread pool
 * opens its own kt_engine on its first request and keeps it in thread-local
 * storage until the thread ends. Between requests a worker checks, at most
 * once per refresh interval, whether `kohtaanto index` has switched the
 * index to a new generation and follows it; a request in flight always
 * finishes on the generation it started with.
 */
#define _GNU_SOURCE
#include "server_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pthread_key_t worker_key;

static void worker_free(void *p) {
  kts_worker *w = p;
  if (!w) return;
  kt_engine_close(w->engine);
  json_decref(w->facets);
  free(w);
}

int kts_worker_init(void) {
  return pthread_key_create(&worker_key, worker_free) ? KT_ENOMEM : KT_OK;
}

void kts_verified_set(const kts_config *cfg, const char *generation) {
  if (!cfg->verified || !generation) return;
  pthread_mutex_lock(&cfg->verified->lock);
  snprintf(cfg->verified->generation, sizeof cfg->verified->generation, "%s", generation);
  pthread_mutex_unlock(&cfg->verified->lock);
}

/* Open a new worker's engine: at the server's last verified generation
 * when there is one (it may differ from `current`'s after a refused
 * switch), else — none yet, or pruned since — at `current`. */
static int open_engine(const kts_config *cfg, kt_engine **out) {
  char gen[128] = "";
  if (cfg->verified) {
    pthread_mutex_lock(&cfg->verified->lock);
    snprintf(gen, sizeof gen, "%s", cfg->verified->generation);
    pthread_mutex_unlock(&cfg->verified->lock);
  }
  if (*gen && kt_engine_open_generation(out, cfg->index_dir, gen) == KT_OK) return KT_OK;
  int rc = kt_engine_open(out, cfg->index_dir);
  kt_index_info info;
  if (!rc && !kt_engine_info(*out, &info)) kts_verified_set(cfg, info.generation);
  return rc;
}

double kts_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int kts_worker_get(const kts_config *cfg, kts_worker **out) {
  *out = NULL;
  kts_worker *w = pthread_getspecific(worker_key);
  if (!w) {
    if (!(w = calloc(1, sizeof *w))) return KT_ENOMEM;
    if (pthread_setspecific(worker_key, w)) {
      free(w);
      return KT_ENOMEM;
    }
  }
  double now = kts_now();
  if (!w->engine) {
    /* Retried on every request until it works: the index may appear later. */
    int rc = open_engine(cfg, &w->engine);
    if (rc) {
      w->engine = NULL;
      return rc;
    }
    w->next_refresh = now + cfg->refresh_interval;
    kt_engine_set_feedback(w->engine, cfg->feedback);
  } else if (now >= w->next_refresh) {
    /* A readlink and a string compare unless the index really switched. */
    w->next_refresh = now + cfg->refresh_interval;
    int changed = 0;
    int rc = kt_engine_refresh(w->engine, &changed);
    if (rc == KT_ENOINDEX) {
      /* The index is gone (its root or `current` removed): every worker
       * answers 503 alike, rather than some from the generation they still
       * hold and others not at all; reopened when an index is back. */
      fprintf(stderr, "kohtaanto serve: %s; answering 503 until it is rebuilt\n", kt_error_last());
      kt_engine_close(w->engine);
      w->engine = NULL;
      json_decref(w->facets);
      w->facets = NULL;
      w->last_refusal[0] = '\0';
      return rc;
    }
    if (rc) {
      /* The engine keeps serving the generation it has; say why once per
       * generation refused, without anything from a request in the message. */
      if (strncmp(w->last_refusal, kt_error_last(), sizeof w->last_refusal - 1)) {
        snprintf(w->last_refusal, sizeof w->last_refusal, "%s", kt_error_last());
        fprintf(stderr, "kohtaanto serve: index refresh failed, serving the previous one: %s: %s\n",
                kt_strerror(rc), kt_error_last());
      }
    } else if (changed) {
      kt_index_info info;
      if (!kt_engine_info(w->engine, &info)) kts_verified_set(cfg, info.generation);
      w->last_refusal[0] = '\0';
      json_decref(w->facets);
      w->facets = NULL;
    }
  }
  *out = w;
  return KT_OK;
}

const json_t *kts_worker_facet(kts_worker *w, const char *name) {
  if (!w->facets) {
    char *s = NULL;
    if (kt_services_json(w->engine, NULL, &s)) return NULL;
    json_t *doc = json_loads(s, 0, NULL);
    kt_free(s);
    w->facets = json_incref(json_object_get(doc, "facets"));
    json_decref(doc);
    if (!w->facets) return NULL;
  }
  return json_object_get(w->facets, name);
}
