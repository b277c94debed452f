/*
 * expiry.c — a running `kohtaanto serve` deletes feedback past its retention
 * periodically, not only when it starts (issue 14 item 9). Links the
 * engine's internal library to write an event with a past time.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "engine.h"
#include "feedback.h"

/* Events in the store, expired or not (a retention of 100 000 days). */
static size_t stored(const char *dir) {
  kt_feedback *fb = NULL;
  cr_assert_eq(kt_feedback_open(&fb, dir, 100000), KT_OK, "%s", kt_error_last());
  size_t n = kt_feedback_count(fb);
  kt_feedback_close(fb);
  return n;
}

static kth_server srv;
static char *root;
static void teardown(void) {
  if (srv.pid) kth_stop(&srv); /* also when an assertion failed */
  if (root) kth_rm_rf(root);
  free(root);
}

Test(expiry, a_running_server_deletes_expired_feedback_periodically, .timeout = 60,
     .fini = teardown) {
  root = kth_tmpdir();
  char idx[600], fbdir[600], extra[800];
  snprintf(idx, sizeof idx, "%s/index", root);
  snprintf(fbdir, sizeof fbdir, "%s/fb", root);
  cr_assert_eq(kth_index(KT_TEST_DATA "/catalog-mini", idx), 0);
  snprintf(extra, sizeof extra, "--threads 1 --feedback %s --expire-every 1", fbdir);
  cr_assert(kth_start(&srv, idx, extra), "the server starts with --expire-every");
  /* While it runs, an event of 400 days ago and one of today arrive. */
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  kt_feedback *fb = NULL;
  cr_assert_eq(kt_feedback_open(&fb, fbdir, 0), KT_OK);
  long long now = (long long)time(NULL);
  cr_assert_eq(kt__feedback_add_at(fb, e, "velat", 5, "kotoutumiskoulutus", KT_FEEDBACK_USEFUL, 0,
                                   now - 400LL * 86400),
               KT_OK, "%s", kt_error_last());
  cr_assert_eq(
      kt__feedback_add_at(fb, e, "velat", 5, "kotoutumiskoulutus", KT_FEEDBACK_USEFUL, 0, now),
      KT_OK);
  kt_feedback_close(fb);
  kt_engine_close(e);
  cr_assert_eq(stored(fbdir), 2);
  /* The server deletes the old one within a few of its expiry rounds. */
  size_t n = 2;
  for (int i = 0; i < 100 && n == 2; i++) {
    n = stored(fbdir);
    if (n == 2) usleep(100 * 1000);
  }
  cr_assert_eq(n, 1, "the expired event is still stored");
  char *log = kth_log(&srv);
  cr_assert(strstr(log, "1 feedback events past 365 days deleted"), "%s", log);
  free(log);
  cr_assert_eq(kth_stop(&srv), 0);
}

/* The factor of the feedback effect ("palaute") on service @p id when the
 * server ranks @p text; 1.0 without one, 0 if @p id is not in the results. */
static double feedback_factor(int port, const char *text, const char *id) {
  char body[512];
  snprintf(body, sizeof body, "{\"text\": \"%s\", \"limit\": 50}", text);
  int status = 0;
  json_t *doc = kth_json(port, "POST", "/api/search", body, &status);
  cr_assert_eq(status, 200);
  double f = 0;
  size_t i, k;
  json_t *r, *x;
  json_array_foreach(json_object_get(doc, "results"), i, r) {
    if (strcmp(json_string_value(json_object_get(r, "id")), id)) continue;
    f = 1.0;
    json_array_foreach(json_object_get(r, "effects"), k,
                       x) if (!strcmp(json_string_value(json_object_get(x, "signal")), "palaute"))
        f = json_real_value(json_object_get(x, "factor"));
  }
  json_decref(doc);
  return f;
}

/* Poll until the feedback factor of @p id is above 1 (@p lifted) or 1, for
 * at most @p ms; returns the last factor. */
static double wait_factor(int port, const char *text, const char *id, bool lifted, int ms) {
  double f = feedback_factor(port, text, id);
  for (int waited = 0; (lifted ? f <= 1.0 : f != 1.0) && waited < ms; waited += 50) {
    usleep(50 * 1000);
    f = feedback_factor(port, text, id);
  }
  return f;
}

/* A running server sees what `kohtaanto feedback add` and `wipe` did to its
 * store (issue 14 item 9: the lift used to stay after a wipe until a
 * restart). */
Test(expiry, a_running_server_sees_the_clis_marks_and_wipe, .timeout = 90, .fini = teardown) {
  root = kth_tmpdir();
  char idx[600], fbdir[600], extra[800], cmd[2400];
  snprintf(idx, sizeof idx, "%s/index", root);
  snprintf(fbdir, sizeof fbdir, "%s/fb", root);
  cr_assert_eq(kth_index(KT_TEST_DATA "/catalog-mini", idx), 0);
  snprintf(extra, sizeof extra, "--threads 2 --feedback %s", fbdir);
  cr_assert(kth_start(&srv, idx, extra));
  const char *need = "tyonhaku";
  cr_assert_eq(feedback_factor(srv.port, need, "tyonhakuvalmennus"), 1.0, "a lift before any mark");
  for (int i = 0; i < 5; i++) {
    snprintf(cmd, sizeof cmd,
             "%s feedback add --store %s --index %s --service tyonhakuvalmennus --kind referred "
             "%s > /dev/null",
             KT_CLI_BIN, fbdir, idx, need);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
  }
  double f = wait_factor(srv.port, need, "tyonhakuvalmennus", true, 10000);
  cr_assert_gt(f, 1.0, "the server does not lift the service the CLI's marks were for");
  snprintf(cmd, sizeof cmd, "%s feedback wipe --store %s > /dev/null", KT_CLI_BIN, fbdir);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  f = wait_factor(srv.port, need, "tyonhakuvalmennus", false, 10000);
  cr_assert_eq(f, 1.0, "the lift stays after the CLI's wipe (factor %g)", f);
  cr_assert_eq(kth_stop(&srv), 0);
}
