/*
 * internal.h — what every module of the library shares: the error message
 * (error.c) and the small utilities of util.c (capped buffers, strings,
 * paths, the results arena). Each module's own interface is in the header
 * beside it (analyze.h, engine.h, ...). Not installed; tests reach these
 * through the internal static library `kohtaanto_internal`.
 */
#ifndef KT_INTERNAL_H
#define KT_INTERNAL_H

#include "kohtaanto.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* ---- error.c ---------------------------------------------------------- */
/* Set the thread-local message and return @p code, so callers can write
 * `return kt__err(KT_EIO, "cannot open %s", path);`. */
int kt__err(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append a line to the thread-local message (for lists of errors). */
void kt__err_clear(void);

/* ---- util.c ----------------------------------------------------------- */
/* Growable byte buffer with a hard cap; `kt__buf_*` return KT_ENOMEM or
 * KT_ETOOBIG when growing past `cap`. */
typedef struct kt__buf {
  char *data;
  size_t len, size, cap;
} kt__buf;
void kt__buf_init(kt__buf *b, size_t cap);
int kt__buf_add(kt__buf *b, const char *s, size_t n);
/* Room for @p extra more bytes (and a NUL) at data + len, without using it. */
int kt__buf_reserve(kt__buf *b, size_t extra);
int kt__buf_adds(kt__buf *b, const char *s);
int kt__buf_printf(kt__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void kt__buf_free(kt__buf *b);
/* FNV-1a over @p n bytes (the hash of the analysis cache and of a
 * document's terms while it is indexed). */
uint64_t kt__fnv1a(const char *s, size_t n);
char *kt__strdup(const char *s);
char *kt__strndup(const char *s, size_t n);
/* Drop a character cut in half at the end of @p s (a string cut short at a
 * byte count), so what is left stays valid UTF-8. */
void kt__utf8_trim_cut(char *s);
bool kt__utf8_valid(const char *s, size_t n, size_t *bad_offset);
double kt__now(void);
/* Join two path parts into a newly allocated string. */
char *kt__path_join(const char *a, const char *b);
int kt__mkdir_p(const char *path);
int kt__rm_rf(const char *path);

/* Bump allocator for results: many small allocations freed together. */
typedef struct kt__arena_chunk kt__arena_chunk;
typedef struct kt__arena {
  kt__arena_chunk *head;
} kt__arena;
/* Zeroed, 16-byte aligned memory that lives until kt__arena_free(); NULL on
 * allocation failure. */
void *kt__arena_alloc(kt__arena *a, size_t n);
char *kt__arena_strndup(kt__arena *a, const char *s, size_t n);
char *kt__arena_strdup(kt__arena *a, const char *s);
void kt__arena_free(kt__arena *a);

/* qsort()/bsearch() order of C strings held by pointer. */
static inline int kt__cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

#endif
