/*
 * oom.c — the error contract on allocation failures (issue 12): a search
 * that runs out of memory at its n-th allocation returns KT_ENOMEM with a
 * message of its own, never a stale one from an earlier error. malloc,
 * calloc and realloc are interposed (glibc's __libc_* underneath) and fail
 * once a countdown reaches zero; not under AddressSanitizer, whose own
 * allocator cannot be interposed.
 */
#define _GNU_SOURCE
#include "engine.h"
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#if !defined(__SANITIZE_ADDRESS__)
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static _Thread_local long countdown = -1; /* -1: never fail */
static _Thread_local long failed;

static int fail_now(void) {
  if (countdown < 0) return 0;
  if (countdown-- == 0) {
    failed++;
    return 1;
  }
  return 0;
}
void *malloc(size_t n) { return fail_now() ? NULL : __libc_malloc(n); }
void *calloc(size_t a, size_t b) { return fail_now() ? NULL : __libc_calloc(a, b); }
void *realloc(void *p, size_t n) { return fail_now() ? NULL : __libc_realloc(p, n); }

Test(oom, every_allocation_failure_of_a_search_sets_its_message) {
  char *idx = kt_test_mini_index();
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  const char *note = "ei ole velkoja, haluaa kokeilla työtä ravintolassa, 24v";
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  kt_results *r = NULL;
  /* Warm: the analysis cache and the documents are read once. */
  cr_assert_eq(kt_search(e, note, strlen(note), &o, &r), KT_OK, "%s", kt_error_last());
  kt_results_free(r);
  size_t enomem = 0;
  for (long n = 0; n < 400; n++) {
    kt__err(KT_EIO, "stale message from before");
    r = NULL;
    failed = 0;
    countdown = n;
    int rc = kt_search(e, note, strlen(note), &o, &r);
    countdown = -1;
    if (rc == KT_OK) {
      kt_results_free(r);
      if (!failed) break; /* the search needs fewer than n allocations: all tried */
      continue;           /* a failure the search could do without */
    }
    cr_assert_eq(rc, KT_ENOMEM, "allocation %ld: %s (%s)", n, kt_strerror(rc), kt_error_last());
    cr_assert_null(strstr(kt_error_last(), "stale"), "allocation %ld left a stale message", n);
    cr_assert(strlen(kt_error_last()) > 0, "allocation %ld set no message", n);
    enomem++;
  }
  cr_assert_gt(enomem, 10, "the countdown should reach the search's own allocations");
  kt_engine_close(e);
  kt__rm_rf(idx);
  free(idx);
}
#else
Test(oom, not_under_address_sanitizer) {}
#endif
