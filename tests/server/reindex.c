/*
 * reindex.c — zero-downtime index switches: `kohtaanto index` rebuilds the
 * index several times while client threads keep searching, listing and
 * fetching; no request may fail, and after the last switch every worker
 * serves the new generation (a service only it has, and its name in
 * /api/version) within seconds.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <criterion/criterion.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static kth_server srv;
static atomic_int stop, ok, failed;
static char first_failure[512];
static pthread_mutex_t failure_lock = PTHREAD_MUTEX_INITIALIZER;

static void note_failure(const char *what, int status, const char *body) {
  atomic_fetch_add(&failed, 1);
  pthread_mutex_lock(&failure_lock);
  if (!first_failure[0])
    snprintf(first_failure, sizeof first_failure, "%s: status %d: %.300s", what, status,
             body ? body : "(no response)");
  pthread_mutex_unlock(&failure_lock);
}

static void *client(void *arg) {
  (void)arg;
  static const char *search = "{\"text\": \"palkkatuella töihin, velat kasassa\", \"limit\": 5}";
  while (!atomic_load(&stop)) {
    kth_resp r;
    int st = kth_call(srv.port, "POST", "/api/search", search, strlen(search), &r);
    if (st == 200 && strstr(r.body, "\"id\":\"palkkatuki\""))
      atomic_fetch_add(&ok, 1);
    else
      note_failure("POST /api/search", st, r.body);
    kth_resp_free(&r);
    st = kth_call(srv.port, "GET", "/api/services/palkkatuki", NULL, 0, &r);
    if (st == 200)
      atomic_fetch_add(&ok, 1);
    else
      note_failure("GET /api/services/palkkatuki", st, r.body);
    kth_resp_free(&r);
    st = kth_call(srv.port, "GET", "/api/services?category=tuettu_tyo", NULL, 0, &r);
    if (st == 200)
      atomic_fetch_add(&ok, 1);
    else
      note_failure("GET /api/services", st, r.body);
    kth_resp_free(&r);
  }
  return NULL;
}

static void sh(const char *fmt, const char *a, const char *b) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, fmt, a, b);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
}

/* The generation `current` points at. */
static void current_generation(const char *index, char *out, size_t size) {
  char link[PATH_MAX], target[PATH_MAX];
  snprintf(link, sizeof link, "%s/current", index);
  ssize_t n = readlink(link, target, sizeof target - 1);
  cr_assert(n > 0, "readlink %s", link);
  target[n] = '\0';
  const char *slash = strrchr(target, '/');
  snprintf(out, size, "%s", slash ? slash + 1 : target);
}

Test(reindex, searches_never_fail_while_the_index_switches, .timeout = 120) {
  char *root = kth_tmpdir();
  char a[512], b[512], index[512];
  snprintf(a, sizeof a, "%s/catalog-a", root);
  snprintf(b, sizeof b, "%s/catalog-b", root);
  snprintf(index, sizeof index, "%s/index", root);
  /* Catalogue B is A plus one service, so a switch can be seen. */
  sh("cp -r '%s' '%s'", KT_TEST_DATA "/catalog-mini", a);
  sh("cp -r '%s' '%s'", a, b);
  char src[600], dst[600];
  snprintf(src, sizeof src, "%s/services/palkkatuki.json", b);
  snprintf(dst, sizeof dst, "%s/services/palkkatuki-kopio.json", b);
  sh("sed 's/\"id\": \"palkkatuki\"/\"id\": \"palkkatuki-kopio\"/' '%s' > '%s'", src, dst);

  cr_assert_eq(kth_index(a, index), 0);
  cr_assert(kth_start(&srv, index, "--threads 2 --refresh 0.2"), "the server starts");

  enum { NCLIENTS = 3 };
  pthread_t th[NCLIENTS];
  for (int i = 0; i < NCLIENTS; i++)
    pthread_create(&th[i], NULL, client, NULL);
  /* Between rebuilds, and after the last, the clients make at least 12
   * requests (so every switch happens under load and is searched after). */
  const char *order[] = {b, a, b, a, b};
  for (size_t i = 0; i <= sizeof order / sizeof *order; i++) {
    int before = atomic_load(&ok) + atomic_load(&failed);
    for (int w = 0; w < 1000 && atomic_load(&ok) + atomic_load(&failed) < before + 12; w++)
      usleep(10 * 1000);
    cr_assert_geq(atomic_load(&ok) + atomic_load(&failed), before + 12,
                  "the clients made no requests for 10 s");
    if (i < sizeof order / sizeof *order)
      cr_assert_eq(kth_index(order[i], index), 0, "rebuild %zu", i);
  }
  atomic_store(&stop, 1);
  for (int i = 0; i < NCLIENTS; i++)
    pthread_join(th[i], NULL);
  cr_assert_eq(atomic_load(&failed), 0, "%d of %d requests failed; first: %s", atomic_load(&failed),
               atomic_load(&failed) + atomic_load(&ok), first_failure);
  cr_assert_gt(atomic_load(&ok), 30, "only %d requests were made", atomic_load(&ok));

  /* Every worker serves the last generation (catalogue B) within seconds. */
  char gen[PATH_MAX];
  current_generation(index, gen, sizeof gen);
  /* Within seconds: ten answers in a row from it (both workers refreshed). */
  int in_row = 0;
  for (int i = 0; i < 500 && in_row < 10; i++) {
    int st;
    json_t *v = kth_json(srv.port, "GET", "/api/version", NULL, &st);
    const char *g = json_string_value(json_object_get(json_object_get(v, "index"), "generation"));
    in_row = st == 200 && g && !strcmp(g, gen) ? in_row + 1 : 0;
    json_decref(v);
    if (in_row < 10) usleep(20 * 1000);
  }
  cr_assert_eq(in_row, 10, "the workers do not serve the current generation %s", gen);
  for (int i = 0; i < 20; i++) {
    int st;
    json_t *v = kth_json(srv.port, "GET", "/api/version", NULL, &st);
    cr_assert_eq(st, 200);
    const char *g = json_string_value(json_object_get(json_object_get(v, "index"), "generation"));
    cr_assert_str_eq(g, gen, "request %d was served from %s, not the current %s", i, g, gen);
    json_decref(v);
    json_decref(kth_json(srv.port, "GET", "/api/services/palkkatuki-kopio", NULL, &st));
    cr_assert_eq(st, 200, "the new service is served");
    json_t *list = kth_json(srv.port, "GET", "/api/services", NULL, &st);
    cr_assert_eq(json_integer_value(json_object_get(list, "total")), 10, "and listed");
    json_decref(list);
  }
  char *log = kth_log(&srv);
  cr_assert_null(strstr(log, "refresh failed"), "log:\n%s", log);
  free(log);
  cr_assert_eq(kth_stop(&srv), 0);
  kth_rm_rf(root);
  free(root);
}
