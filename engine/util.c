/*
 * util.c — small helpers: capped buffers, UTF-8 validation, paths, time.
 */
#define _GNU_SOURCE
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void kt__buf_init(kt__buf *b, size_t cap) {
  b->data = NULL;
  b->len = b->size = 0;
  b->cap = cap;
}

int kt__buf_reserve(kt__buf *b, size_t extra) {
  if (extra > b->cap || b->len > b->cap - extra) return KT_ETOOBIG;
  size_t need = b->len + extra + 1;
  if (need <= b->size) return KT_OK;
  size_t ns = b->size ? b->size : 64;
  while (ns < need)
    ns *= 2;
  char *p = realloc(b->data, ns);
  if (!p) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  b->data = p;
  b->size = ns;
  return KT_OK;
}

int kt__buf_add(kt__buf *b, const char *s, size_t n) {
  int rc = kt__buf_reserve(b, n);
  if (rc) return rc;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
  return KT_OK;
}

uint64_t kt__fnv1a(const char *s, size_t n) {
  uint64_t h = 14695981039346656037u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

int kt__buf_adds(kt__buf *b, const char *s) { return kt__buf_add(b, s, strlen(s)); }

int kt__buf_printf(kt__buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return KT_EINVAL;
  int rc = kt__buf_reserve(b, (size_t)n);
  if (rc) return rc;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return KT_OK;
}

void kt__buf_free(kt__buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->size = 0;
}

char *kt__strdup(const char *s) { return s ? strdup(s) : NULL; }
char *kt__strndup(const char *s, size_t n) { return strndup(s, n); }

/* Strict UTF-8 validation (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
void kt__utf8_trim_cut(char *s) {
  size_t i = strlen(s), k = 0;
  while (i > 0 && k < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
    i--, k++;
  unsigned char c = i ? (unsigned char)s[i - 1] : 0;
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (c >= 0xC0 && k + 1 < need) s[i - 1] = '\0';
}

bool kt__utf8_valid(const char *str, size_t n, size_t *bad_offset) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t len;
    unsigned cp;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else
      goto bad;
    if (i + len > n) goto bad;
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) goto bad;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      goto bad;
    i += len;
  }
  return true;
bad:
  if (bad_offset) *bad_offset = i;
  return false;
}

double kt__now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

char *kt__path_join(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *p = malloc(la + lb + 2);
  if (!p) return NULL;
  memcpy(p, a, la);
  size_t o = la;
  if (la && a[la - 1] != '/') p[o++] = '/';
  memcpy(p + o, b, lb + 1);
  return p;
}

int kt__mkdir_p(const char *path) {
  char *p = strdup(path);
  if (!p) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (char *s = p + 1; *s; s++) {
    if (*s != '/') continue;
    *s = '\0';
    if (mkdir(p, 0755) != 0 && errno != EEXIST) {
      int e = errno;
      kt__err(KT_EIO, "cannot create directory %s: %s", p, strerror(e));
      free(p);
      return KT_EIO;
    }
    *s = '/';
  }
  int rc = KT_OK;
  if (mkdir(p, 0755) != 0 && errno != EEXIST)
    rc = kt__err(KT_EIO, "cannot create directory %s: %s", p, strerror(errno));
  free(p);
  return rc;
}

int kt__rm_rf(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return errno == ENOENT ? KT_OK : KT_EIO;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    if (!d) return KT_EIO;
    struct dirent *e;
    int rc = KT_OK;
    while ((e = readdir(d))) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      char *c = kt__path_join(path, e->d_name);
      if (!c) {
        rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
        break;
      }
      int r = kt__rm_rf(c);
      if (r) rc = r;
      free(c);
    }
    closedir(d);
    if (rmdir(path) != 0 && rc == KT_OK) rc = KT_EIO;
    return rc;
  }
  return unlink(path) == 0 ? KT_OK : KT_EIO;
}

void kt_free(void *p) { free(p); }

/* ---- arena ------------------------------------------------------------- */
struct kt__arena_chunk {
  kt__arena_chunk *next;
  size_t used, size;
  _Alignas(16) unsigned char mem[];
};

void *kt__arena_alloc(kt__arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  kt__arena_chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    size_t size = n > 16384 ? n : 16384;
    c = malloc(sizeof *c + size);
    if (!c) return NULL;
    c->next = a->head;
    c->used = 0;
    c->size = size;
    a->head = c;
  }
  void *p = c->mem + c->used;
  c->used += n;
  memset(p, 0, n);
  return p;
}

char *kt__arena_strndup(kt__arena *a, const char *s, size_t n) {
  char *d = kt__arena_alloc(a, n + 1);
  if (!d) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *kt__arena_strdup(kt__arena *a, const char *s) {
  return s ? kt__arena_strndup(a, s, strlen(s)) : NULL;
}

void kt__arena_free(kt__arena *a) {
  kt__arena_chunk *c = a->head;
  while (c) {
    kt__arena_chunk *n = c->next;
    free(c);
    c = n;
  }
  a->head = NULL;
}
