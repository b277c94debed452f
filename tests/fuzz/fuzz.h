/* fuzz.h — shared by the libFuzzer targets in tests/fuzz/. Each target is
 * one fuzz_<name>.c defining LLVMFuzzerTestOneInput; linked with libFuzzer
 * (KT_FUZZ=ON, clang) it fuzzes, linked with replay.c it replays files
 * (ctest runs the seed corpora and tests/fuzz/regressions that way). */
#ifndef KT_FUZZ_H
#define KT_FUZZ_H
#include "internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken invariant is a crash, so libFuzzer keeps the input. */
#define KT_FUZZ_CHECK(cond, ...)                                                                   \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, __LINE__, #cond);                 \
      fprintf(stderr, __VA_ARGS__);                                                                \
      fputc('\n', stderr);                                                                         \
      abort();                                                                                     \
    }                                                                                              \
  } while (0)

static inline int kt_fuzz_utf8(const char *s) { return s && kt__utf8_valid(s, strlen(s), NULL); }
#endif
