/* fuzz_catalog.c — the catalogue loader: one service file's bytes through
 * kt__service_parse(). Invariants: it returns OK or KT_ECATALOG (never
 * another code), a rejected file has a message naming the file, every
 * message is valid UTF-8, and an accepted service has its required fields
 * and canonical JSON. */
#include "catalog.h"
#include "fuzz.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  kt__service s;
  kt__buf errs;
  kt__buf_init(&errs, 1 << 20);
  int rc = kt__service_parse("services/fuzz.json", (const char *)data, size, &s, &errs);
  KT_FUZZ_CHECK(rc == KT_OK || rc == KT_ECATALOG || rc == KT_ENOMEM, "rc %d", rc);
  if (rc == KT_OK) {
    KT_FUZZ_CHECK(s.id && !strcmp(s.id, "fuzz"), "id %s", s.id ? s.id : "(null)");
    KT_FUZZ_CHECK(s.name.fi && s.summary.fi && s.description.fi && s.category && s.json,
                  "a required field is missing");
    KT_FUZZ_CHECK(kt_fuzz_utf8(s.json), "canonical JSON is not UTF-8");
    kt__service_free(&s);
  } else if (rc == KT_ECATALOG) {
    KT_FUZZ_CHECK(errs.data && strstr(errs.data, "services/fuzz.json"), "no file named: %s",
                  errs.data ? errs.data : "(none)");
    KT_FUZZ_CHECK(kt_fuzz_utf8(errs.data), "message is not UTF-8: %s", errs.data);
  }
  kt__buf_free(&errs);
  return 0;
}
