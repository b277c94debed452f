/*
 * status.c — kts_status_of(), the one table from library status codes to
 * HTTP statuses and error codes every handler answers a library failure
 * with: data errors (a damaged index, I/O, the library refusing a value
 * the server had already checked) are 5xx with codes of their own, never
 * the client's 400; what the client can fix is 4xx (issue 14).
 */
#include "server_internal.h"

#include <criterion/criterion.h>
#include <string.h>

static void expect(int kt, unsigned status, const char *code) {
  const char *got = NULL;
  unsigned st = kts_status_of(kt, &got);
  cr_assert_eq(st, status, "%s: HTTP %u, not %u", kt_strerror(kt), st, status);
  cr_assert_str_eq(got, code, "%s", kt_strerror(kt));
}

Test(status, data_errors_are_server_errors_with_their_own_codes) {
  expect(KT_EINVAL, 500, "data_error"); /* checked input refused: the data's fault */
  expect(KT_ECORRUPT, 500, "index_damaged");
  expect(KT_EIO, 500, "io_error");
  expect(KT_ECATALOG, 500, "internal");
}

Test(status, what_the_client_or_the_moment_can_fix_is_not_a_500) {
  expect(KT_ETOOBIG, 413, "too_large");
  expect(KT_ENOTFOUND, 404, "not_found");
  expect(KT_ENOINDEX, 503, "no_index");
  expect(KT_ENOMEM, 503, "unavailable");
  expect(KT_EANALYZER, 503, "unavailable");
}

Test(status, no_library_code_is_a_bad_request) {
  for (int kt = -1; kt >= -40; kt--) {
    const char *code = NULL;
    cr_assert_neq(kts_status_of(kt, &code), 400, "%d (%s) is answered 400 %s", kt, kt_strerror(kt),
                  code);
  }
}
