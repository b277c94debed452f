/*
 * reply.c — how the server answers: JSON bodies with the API's headers,
 * errors as {"error":{"code","message"}} with their HTTP status, the
 * embedded page assets with a strict content security policy, and the
 * mapping from library status codes to HTTP statuses.
 */
#define _GNU_SOURCE
#include "server_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The page loads nothing from elsewhere and runs no inline code. */
#define PAGE_CSP                                                                                   \
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "                \
  "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

static enum MHD_Result queue(struct MHD_Connection *c, kts_request *r, unsigned status,
                             struct MHD_Response *resp, const char *type, size_t len) {
  if (!resp) return MHD_NO;
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
  r->status = status;
  r->out_bytes = len;
  enum MHD_Result ret = MHD_queue_response(c, status, resp);
  MHD_destroy_response(resp);
  return ret;
}

enum MHD_Result kts_reply_json(struct MHD_Connection *c, kts_request *r, unsigned status,
                               char *body, size_t len, void (*free_fn)(void *)) {
  struct MHD_Response *resp =
      free_fn ? MHD_create_response_from_buffer_with_free_callback(len, body, free_fn)
              : MHD_create_response_from_buffer(len, body, MHD_RESPMEM_PERSISTENT);
  if (!resp && free_fn) free_fn(body);
  if (resp) MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  return queue(c, r, status, resp, "application/json; charset=utf-8", len);
}

enum MHD_Result kts_reply_error(struct MHD_Connection *c, kts_request *r, unsigned status,
                                const char *code, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  /* A message may quote a value from the request cut at a byte limit;
   * keep the JSON valid UTF-8 whatever was cut. */
  size_t n = strlen(msg);
  while (n && !kts_utf8_valid(msg, n))
    msg[--n] = '\0';
  json_t *doc = json_pack("{s:{s:s, s:s}}", "error", "code", code, "message", msg);
  char *s = doc ? json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
  json_decref(doc);
  if (!s) {
    static char oom[] = "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}";
    return kts_reply_json(c, r, MHD_HTTP_INTERNAL_SERVER_ERROR, oom, sizeof oom - 1, NULL);
  }
  return kts_reply_json(c, r, status, s, strlen(s), free);
}

enum MHD_Result kts_reply_method(struct MHD_Connection *c, kts_request *r, const char *allow) {
  char msg[128];
  snprintf(msg, sizeof msg, "this path accepts %s", allow);
  json_t *doc = json_pack("{s:{s:s, s:s}}", "error", "code", "method_not_allowed", "message", msg);
  char *s = doc ? json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
  json_decref(doc);
  if (!s) return MHD_NO;
  size_t len = strlen(s);
  struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(len, s, free);
  if (!resp) {
    free(s);
    return MHD_NO;
  }
  MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, allow);
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  return queue(c, r, MHD_HTTP_METHOD_NOT_ALLOWED, resp, "application/json; charset=utf-8", len);
}

enum MHD_Result kts_reply_unauthorized(struct MHD_Connection *c, kts_request *r) {
  static char body[] = "{\"error\":{\"code\":\"unauthorized\",\"message\":\"this needs a token: "
                       "Authorization: Bearer TOKEN (see `serve --token-file`)\"}}";
  struct MHD_Response *resp =
      MHD_create_response_from_buffer(sizeof body - 1, body, MHD_RESPMEM_PERSISTENT);
  if (!resp) return MHD_NO;
  MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"kohtaanto\"");
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  return queue(c, r, MHD_HTTP_UNAUTHORIZED, resp, "application/json; charset=utf-8",
               sizeof body - 1);
}

enum MHD_Result kts_reply_rate_limited(struct MHD_Connection *c, kts_request *r, double wait,
                                       unsigned per_minute) {
  char msg[160], *s = NULL, after[24];
  snprintf(msg, sizeof msg,
           "more than %u feedback marks a minute from this address; try again "
           "in %.0f s",
           per_minute, wait < 1 ? 1.0 : wait + 0.5);
  json_t *doc = json_pack("{s:{s:s, s:s}}", "error", "code", "rate_limited", "message", msg);
  s = doc ? json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
  json_decref(doc);
  if (!s) return MHD_NO;
  size_t len = strlen(s);
  struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(len, s, free);
  if (!resp) {
    free(s);
    return MHD_NO;
  }
  snprintf(after, sizeof after, "%.0f", wait < 1 ? 1.0 : wait + 0.5);
  MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, after);
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  return queue(c, r, MHD_HTTP_TOO_MANY_REQUESTS, resp, "application/json; charset=utf-8", len);
}

enum MHD_Result kts_reply_asset(struct MHD_Connection *c, kts_request *r, const kts_asset *a) {
  struct MHD_Response *resp =
      MHD_create_response_from_buffer(a->len, (void *)a->data, MHD_RESPMEM_PERSISTENT);
  if (!resp) return MHD_NO;
  MHD_add_response_header(resp, "Content-Security-Policy", PAGE_CSP);
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
  return queue(c, r, MHD_HTTP_OK, resp, a->content_type, a->len);
}

const kts_asset *kts_asset_find(const char *path) {
  for (size_t i = 0; i < kts_asset_count; i++)
    if (!strcmp(kts_assets[i].path, path)) return &kts_assets[i];
  return NULL;
}

unsigned kts_status_of(int kt_code, const char **code) {
  switch (kt_code) {
  /* Every value of a request is checked here before the library sees it:
   * the library refusing one then is the data's fault (the index gave it
   * something it cannot read), not the client's. Handlers whose input only
   * the library can judge (the counsellor's corrections, a feedback mark)
   * answer its KT_EINVAL with 400 themselves, before they come here. */
  case KT_EINVAL: *code = "data_error"; return MHD_HTTP_INTERNAL_SERVER_ERROR;
  case KT_ETOOBIG: *code = "too_large"; return MHD_HTTP_CONTENT_TOO_LARGE;
  case KT_ENOTFOUND: *code = "not_found"; return MHD_HTTP_NOT_FOUND;
  case KT_ENOINDEX: *code = "no_index"; return MHD_HTTP_SERVICE_UNAVAILABLE;
  case KT_EANALYZER: *code = "unavailable"; return MHD_HTTP_SERVICE_UNAVAILABLE;
  case KT_ENOMEM: *code = "unavailable"; return MHD_HTTP_SERVICE_UNAVAILABLE;
  /* Data errors are the server's, never the client's: their own codes. */
  case KT_ECORRUPT: *code = "index_damaged"; return MHD_HTTP_INTERNAL_SERVER_ERROR;
  case KT_EIO: *code = "io_error"; return MHD_HTTP_INTERNAL_SERVER_ERROR;
  default: *code = "internal"; return MHD_HTTP_INTERNAL_SERVER_ERROR;
  }
}

bool kts_utf8_valid(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t k;
    unsigned min;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      k = 1;
      min = 0x80;
      c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      k = 2;
      min = 0x800;
      c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      k = 3;
      min = 0x10000;
      c &= 0x07;
    } else
      return false;
    if (n - i <= k) return false;
    for (size_t j = 1; j <= k; j++) {
      if ((s[i + j] & 0xC0) != 0x80) return false;
      c = (c << 6) | (s[i + j] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    i += k + 1;
  }
  return true;
}
