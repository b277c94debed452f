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
                                   now - 400LL * 86400), KT_OK, "%s", kt_error_last());
  cr_assert_eq(kt__feedback_add_at(fb, e, "velat", 5, "kotoutumiskoulutus", KT_FEEDBACK_USEFUL, 0, now),
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
