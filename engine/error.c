/*
 * error.c — status codes and the thread-local "last error" message.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define KT__ERRMSG_CAP 8192
static _Thread_local char errmsg[KT__ERRMSG_CAP];

int kt_version_number(void) { return KT_VERSION_NUMBER; }
const char *kt_version(void) { return KT_VERSION_STRING; }

const char *kt_strerror(int code) {
  switch (code) {
  case KT_OK: return "ok";
  case KT_EINVAL: return "invalid argument";
  case KT_ENOMEM: return "out of memory";
  case KT_ENOTFOUND: return "not found";
  case KT_ENOINDEX: return "no index";
  case KT_ECORRUPT: return "index is damaged";
  case KT_ECATALOG: return "invalid catalogue";
  case KT_EIO: return "input/output error";
  case KT_ELOCKED: return "index is being built";
  case KT_ETOOBIG: return "input too large";
  case KT_EANALYZER: return "text analyser unavailable";
  case KT_EINTERNAL: return "internal error";
  default: return "unknown error";
  }
}

const char *kt_error_last(void) { return errmsg; }

void kt__err_clear(void) { errmsg[0] = '\0'; }

/* Messages quote paths, ids and values from outside; a terminal must not
 * take any of them as commands. Control characters other than newline and
 * tab (C0, DEL, C1) and the invisible bidi overrides and isolates that
 * reorder what a terminal shows are replaced with '?', byte for byte. */
static void sanitise(char *m) {
  unsigned char *p = (unsigned char *)m;
  for (; *p; p++) {
    if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F) {
      *p = '?';
    } else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
      p[0] = p[1] = '?';
      p++;
    } else if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
                                (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))) {
      p[0] = p[1] = p[2] = '?';
      p += 2;
    }
  }
}

int kt__err(int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(errmsg, sizeof errmsg, fmt, ap);
  va_end(ap);
  /* Cut short at the cap: drop a character cut in half, so the message
   * stays valid UTF-8. */
  if (n >= (int)sizeof errmsg) kt__utf8_trim_cut(errmsg);
  sanitise(errmsg);
  return code;
}
