/*
 * api.c — the HTTP JSON API as a client sees it: one `kohtaanto serve` on a
 * free loopback port over the mini catalogue (tests/data/catalog-mini),
 * started before the tests and shared by them. Status codes, JSON shapes,
 * every kind of rejected input, limits, identity-code removal and what the
 * access log may contain.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <criterion/criterion.h>
#include <kohtaanto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static kth_server srv;
static char *index_dir;

/* Criterion runs each test in a fresh worker process (it re-executes this
 * binary), so the server started by main() is passed on in the environment. */
static void attach(void) {
  const char *port = getenv("KTH_PORT"), *log = getenv("KTH_LOG"), *index = getenv("KTH_INDEX");
  cr_assert(port && log && index, "started through main()");
  srv.port = atoi(port);
  snprintf(srv.log, sizeof srv.log, "%s", log);
  index_dir = (char *)index;
}
TestSuite(api, .init = attach);

/* ---- helpers ---------------------------------------------------------------- */

static json_t *call(const char *method, const char *path, const char *body, int expect) {
  int st;
  json_t *doc = kth_json(srv.port, method, path, body, &st);
  cr_assert_eq(st, expect, "%s %s: status %d, expected %d", method, path, st, expect);
  cr_assert_not_null(doc, "%s %s: the body is not JSON", method, path);
  return doc;
}

/* An error response: the status, and exactly {"error":{"code","message"}}. */
static void expect_error(const char *method, const char *path, const char *body, int status,
                         const char *code) {
  kth_resp r;
  int st = kth_call(srv.port, method, path, body, body ? strlen(body) : 0, &r);
  cr_assert_eq(st, status, "%s %s %.80s: status %d, expected %d; body %s", method, path,
               body ? body : "", st, status, r.body ? r.body : "");
  const char *ct = kth_header(&r, "Content-Type");
  cr_assert(ct && !strncmp(ct, "application/json", 16), "error content type %s", ct ? ct : "-");
  json_t *doc = json_loadb(r.body, r.body_len, 0, NULL);
  cr_assert_not_null(doc, "error body is not JSON: %s", r.body);
  cr_assert_eq(json_object_size(doc), 1);
  json_t *e = json_object_get(doc, "error");
  cr_assert(json_is_object(e) && json_object_size(e) == 2, "error shape: %s", r.body);
  cr_assert_str_eq(json_string_value(json_object_get(e, "code")), code, "body %s", r.body);
  cr_assert(json_string_length(json_object_get(e, "message")) > 0);
  json_decref(doc);
  kth_resp_free(&r);
}

static const char *str(json_t *o, const char *key) {
  return json_string_value(json_object_get(o, key));
}

static json_t *results_of(json_t *doc) {
  json_t *r = json_object_get(doc, "results");
  cr_assert(json_is_array(r), "results is an array");
  return r;
}

/* ---- health, version, page -------------------------------------------------- */

Test(api, healthz_reports_the_open_index) {
  json_t *d = call("GET", "/healthz", NULL, 200);
  cr_assert_str_eq(str(d, "status"), "ok");
  json_t *ix = json_object_get(d, "index");
  cr_assert_eq(json_integer_value(json_object_get(ix, "services")), 9);
  cr_assert(!strncmp(str(ix, "generation"), "gen-", 4));
  json_decref(d);
}

Test(api, version_has_engine_version_generation_and_build_time) {
  json_t *d = call("GET", "/api/version", NULL, 200);
  cr_assert_str_eq(str(d, "version"), KT_VERSION_STRING);
  cr_assert_str_eq(str(d, "engine"), kt_version());
  json_t *ix = json_object_get(d, "index");
  cr_assert(!strncmp(str(ix, "generation"), "gen-", 4));
  const char *built = str(ix, "built_at");
  cr_assert(built && strlen(built) == 20 && built[10] == 'T' && built[19] == 'Z', "built_at %s",
            built ? built : "-");
  json_decref(d);
}

Test(api, page_is_served_with_a_strict_content_policy) {
  kth_resp r;
  cr_assert_eq(kth_call(srv.port, "GET", "/", NULL, 0, &r), 200);
  cr_assert(!strncmp(kth_header(&r, "Content-Type"), "text/html", 9));
  const char *csp = kth_header(&r, "Content-Security-Policy");
  cr_assert(csp && strstr(csp, "default-src 'none'") && strstr(csp, "script-src 'self'"));
  cr_assert(strstr(r.body, "<textarea id=\"need\""));
  cr_assert(strstr(r.body, "/app.js"));
  kth_resp_free(&r);
  cr_assert_eq(kth_call(srv.port, "GET", "/app.js", NULL, 0, &r), 200);
  cr_assert(!strncmp(kth_header(&r, "Content-Type"), "text/javascript", 15));
  cr_assert(!strstr(r.body, "http://") && !strstr(r.body, "https://"), "no external URLs");
  kth_resp_free(&r);
  cr_assert_eq(kth_call(srv.port, "GET", "/app.css", NULL, 0, &r), 200);
  cr_assert(!strstr(r.body, "url(http"), "no external fonts or images");
  kth_resp_free(&r);
}

Test(api, head_answers_without_a_body) {
  kth_resp r;
  const char *req = "HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  cr_assert_eq(kth_raw(srv.port, req, strlen(req), &r, 5000), 200);
  cr_assert_eq(r.body_len, 0);
  kth_resp_free(&r);
}

/* ---- search ------------------------------------------------------------------- */

Test(api, post_search_returns_ranked_results_with_matches) {
  json_t *d = call("POST", "/api/search",
                   "{\"text\": \"palkkatuella töihin\", \"limit\": 5, \"explain\": true}", 200);
  cr_assert(json_is_integer(json_object_get(d, "matches")));
  cr_assert(json_integer_value(json_object_get(d, "matches")) >= 1);
  cr_assert(json_is_array(json_object_get(d, "signals")));
  cr_assert(json_is_array(json_object_get(d, "needs")));
  cr_assert_eq(json_integer_value(json_object_get(d, "redacted")), 0);
  json_t *rs = results_of(d);
  cr_assert(json_array_size(rs) >= 1 && json_array_size(rs) <= 5);
  double last = 1e300;
  size_t i;
  json_t *x;
  json_array_foreach(rs, i, x) {
    cr_assert_eq(json_integer_value(json_object_get(x, "rank")), (json_int_t)i + 1);
    cr_assert(str(x, "id") && str(x, "name") && str(x, "category"));
    double score = json_number_value(json_object_get(x, "score"));
    cr_assert(score <= last, "ranked by score");
    last = score;
    cr_assert(json_is_array(json_object_get(x, "highlights")));
    cr_assert(json_is_array(json_object_get(x, "effects")));
  }
  json_t *top = json_array_get(rs, 0);
  cr_assert_str_eq(str(top, "id"), "palkkatuki");
  json_t *m = json_array_get(json_object_get(top, "matches"), 0);
  cr_assert_not_null(m, "the top result says which words matched");
  cr_assert(str(m, "word") && str(m, "term"));
  cr_assert(json_array_size(json_object_get(m, "fields")) >= 1);
  cr_assert(json_is_real(json_object_get(m, "weight")), "explain gives each word's share");
  json_decref(d);
}

Test(api, without_explain_the_shares_are_left_out) {
  json_t *d = call("POST", "/api/search", "{\"text\": \"palkkatuella töihin\"}", 200);
  json_t *m = json_array_get(json_object_get(json_array_get(results_of(d), 0), "matches"), 0);
  cr_assert_not_null(m);
  cr_assert_not_null(json_object_get(m, "word"));
  cr_assert_null(json_object_get(m, "weight"));
  json_decref(d);
}

Test(api, get_search_equals_post_search) {
  json_t *a = call("GET", "/api/search?q=velat+kasassa%2C+ulosotto&limit=3", NULL, 200);
  json_t *b =
      call("POST", "/api/search", "{\"text\": \"velat kasassa, ulosotto\", \"limit\": 3}", 200);
  json_t *ra = results_of(a), *rb = results_of(b);
  cr_assert_eq(json_array_size(ra), json_array_size(rb));
  cr_assert(json_array_size(ra) >= 1);
  for (size_t i = 0; i < json_array_size(ra); i++)
    cr_assert_str_eq(str(json_array_get(ra, i), "id"), str(json_array_get(rb, i), "id"));
  json_decref(a);
  json_decref(b);
}

Test(api, limit_caps_the_results) {
  json_t *d = call("POST", "/api/search", "{\"text\": \"työ\", \"limit\": 2}", 200);
  cr_assert_leq(json_array_size(results_of(d)), 2);
  json_decref(d);
}

Test(api, filters_keep_only_matching_services) {
  json_t *d = call(
      "POST", "/api/search",
      "{\"text\": \"työ kokeilu palkka\", \"filters\": {\"category\": [\"tuettu_tyo\"]}}", 200);
  json_t *rs = results_of(d);
  cr_assert(json_array_size(rs) >= 1);
  for (size_t i = 0; i < json_array_size(rs); i++)
    cr_assert_str_eq(str(json_array_get(rs, i), "category"), "tuettu_tyo");
  json_decref(d);
  /* Repeated and comma-separated query parameters give several values. */
  d = call("GET", "/api/search?q=ty%C3%B6&category=tuettu_tyo,tyonhaku&language=sv&language=en",
           NULL, 200);
  rs = results_of(d);
  cr_assert(json_array_size(rs) >= 1);
  for (size_t i = 0; i < json_array_size(rs); i++) {
    const char *c = str(json_array_get(rs, i), "category");
    cr_assert(!strcmp(c, "tuettu_tyo") || !strcmp(c, "tyonhaku"), "category %s", c);
  }
  json_decref(d);
}

Test(api, group_by_need_is_accepted) {
  json_t *d = call("POST", "/api/search",
                   "{\"text\": \"velat kasassa ja haluaa töihin\", \"group_by_need\": true}", 200);
  cr_assert(json_is_array(json_object_get(d, "needs")));
  json_decref(d);
}

Test(api, empty_need_gives_no_results) {
  json_t *d = call("POST", "/api/search", "{\"text\": \"   \"}", 200);
  cr_assert_eq(json_array_size(results_of(d)), 0);
  json_decref(d);
}

/* ---- rejected input ----------------------------------------------------------- */

Test(api, malformed_json_is_rejected) {
  expect_error("POST", "/api/search", "{\"text\": ", 400, "bad_json");
  expect_error("POST", "/api/search", "", 400, "bad_json");
  expect_error("POST", "/api/search", "{\"text\": \"a\"} trailing", 400, "bad_json");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"text\": \"b\"}", 400, "bad_json");
}

Test(api, wrong_types_are_rejected) {
  expect_error("POST", "/api/search", "[\"text\"]", 400, "wrong_type");
  expect_error("POST", "/api/search", "{\"text\": 5}", 400, "wrong_type");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"limit\": \"5\"}", 400, "wrong_type");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"limit\": 2.5}", 400, "wrong_type");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"explain\": 1}", 400, "wrong_type");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"filters\": []}", 400, "wrong_type");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"filters\": {\"category\": \"nuoret\"}}",
               400, "wrong_type");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"filters\": {\"category\": [1]}}", 400,
               "wrong_type");
  expect_error("GET", "/api/search?q=a&limit=five", NULL, 400, "wrong_type");
  expect_error("GET", "/api/search?q=a&explain=maybe", NULL, 400, "wrong_type");
}

Test(api, unknown_fields_and_filters_are_rejected) {
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"lmit\": 5}", 400, "unknown_field");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"filters\": {\"city\": [\"Espoo\"]}}",
               400, "unknown_filter");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"filters\": {\"category\": [\"nope\"]}}",
               400, "unknown_filter");
  expect_error("POST", "/api/search",
               "{\"text\": \"a\", \"filters\": {\"target_group\": [\"nuoret\", \"aliens\"]}}", 400,
               "unknown_filter");
  expect_error("GET", "/api/search?q=a&sort=name", NULL, 400, "unknown_field");
  expect_error("GET", "/api/search?q=a&language=xx", NULL, 400, "unknown_filter");
  expect_error("GET", "/api/services?foo=1", NULL, 400, "unknown_field");
  expect_error("GET", "/api/services?category=nope", NULL, 400, "unknown_filter");
}

Test(api, missing_or_invalid_values_are_rejected) {
  expect_error("POST", "/api/search", "{\"limit\": 3}", 400, "missing_field");
  expect_error("GET", "/api/search?limit=3", NULL, 400, "missing_field");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"limit\": 0}", 400, "invalid_value");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"limit\": 101}", 400, "invalid_value");
  expect_error("GET", "/api/search?q=a&limit=-1", NULL, 400, "invalid_value");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"filters\": {\"municipality\": [\"\"]}}",
               400, "invalid_value");
  expect_error("GET", "/api/search?q=a&q=b", NULL, 400, "invalid_value");
}

Test(api, invalid_utf8_is_rejected) {
  expect_error("POST", "/api/search", "{\"text\": \"caf\xc3\"}", 400, "invalid_utf8");
  expect_error("POST", "/api/search", "{\"text\": \"\xed\xa0\x80\"}", 400, "invalid_utf8");
  expect_error("POST", "/api/search", "{\"text\": \"a\\u0000b\"}", 400, "invalid_utf8");
  expect_error("GET", "/api/search?q=%FF%FE", NULL, 400, "invalid_utf8");
  expect_error("GET", "/api/search?q=a%00b", NULL, 400, "invalid_utf8");
  expect_error("GET", "/api/search?q=a&municipality=%C3", NULL, 400, "invalid_utf8");
}

Test(api, oversize_need_text_is_rejected) {
  size_t n = KT_MAX_QUERY_BYTES + 1;
  char *body = malloc(n + 32);
  int k = sprintf(body, "{\"text\": \"");
  memset(body + k, 'a', n);
  strcpy(body + k + n, "\"}");
  expect_error("POST", "/api/search", body, 413, "too_large");
  /* Exactly at the limit is fine. */
  strcpy(body + k + n - 1, "\"}");
  int st;
  json_t *d = kth_json(srv.port, "POST", "/api/search", body, &st);
  cr_assert_eq(st, 200);
  json_decref(d);
  /* The same through the query string. */
  char *url = malloc(n + 32);
  k = sprintf(url, "/api/search?q=");
  memset(url + k, 'b', n);
  url[k + n] = '\0';
  expect_error("GET", url, NULL, 413, "too_large");
  free(url);
  free(body);
}

Test(api, oversize_body_is_refused_before_it_is_read) {
  /* Announced too large: answered at once, without the body. */
  const char *req = "POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    "Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n";
  kth_resp r;
  cr_assert_eq(kth_raw(srv.port, req, strlen(req), &r, 5000), 413);
  cr_assert(strstr(r.body, "\"too_large\""));
  kth_resp_free(&r);
}

Test(api, oversize_chunked_body_is_rejected) {
  size_t chunk = 64 * 1024, chunks = 10; /* 640 KiB, over the 512 KiB cap */
  size_t cap = chunks * (chunk + 16) + 256;
  char *req = malloc(cap);
  size_t n =
      (size_t)sprintf(req, "POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                           "Transfer-Encoding: chunked\r\n\r\n");
  for (size_t i = 0; i < chunks; i++) {
    n += (size_t)sprintf(req + n, "%zx\r\n", chunk);
    memset(req + n, ' ', chunk);
    n += chunk;
    n += (size_t)sprintf(req + n, "\r\n");
  }
  n += (size_t)sprintf(req + n, "0\r\n\r\n");
  kth_resp r;
  cr_assert_eq(kth_raw(srv.port, req, n, &r, 10000), 413);
  kth_resp_free(&r);
  free(req);
}

Test(api, wrong_methods_and_paths) {
  expect_error("DELETE", "/api/search", NULL, 405, "method_not_allowed");
  expect_error("POST", "/healthz", NULL, 405, "method_not_allowed");
  expect_error("PUT", "/api/services/palkkatuki", NULL, 405, "method_not_allowed");
  kth_resp r;
  kth_call(srv.port, "DELETE", "/api/search", NULL, 0, &r);
  cr_assert_str_eq(kth_header(&r, "Allow"), "GET, HEAD, POST");
  kth_resp_free(&r);
  expect_error("GET", "/api/nothing", NULL, 404, "not_found");
  expect_error("GET", "/api/services/", NULL, 404, "not_found");
  expect_error("GET", "/api/services/..%2F..%2Fetc%2Fpasswd", NULL, 404, "not_found");
  expect_error("GET", "/api/services/ei-ole", NULL, 404, "not_found");
}

Test(api, garbage_does_not_hurt_the_server) {
  kth_resp r;
  const char *junk[] = {"\x01\x02\x03\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
                        "POST /api/search HTTP/1.1\r\nContent-Length: -5\r\n\r\n"};
  for (size_t i = 0; i < sizeof junk / sizeof *junk; i++) {
    kth_raw(srv.port, junk[i], strlen(junk[i]), &r, 2000);
    kth_resp_free(&r);
  }
  json_t *d = call("GET", "/healthz", NULL, 200);
  json_decref(d);
}

/* ---- services ------------------------------------------------------------------- */

static json_int_t facet_count(json_t *doc, const char *facet, const char *value) {
  size_t i;
  json_t *e;
  json_array_foreach(json_object_get(json_object_get(doc, "facets"), facet), i, e) {
    if (!strcmp(str(e, "value"), value)) return json_integer_value(json_object_get(e, "count"));
  }
  return -1;
}

Test(api, services_lists_the_catalogue_with_facets) {
  json_t *d = call("GET", "/api/services", NULL, 200);
  cr_assert_eq(json_integer_value(json_object_get(d, "total")), 9);
  cr_assert_eq(json_integer_value(json_object_get(d, "count")), 9);
  json_t *list = json_object_get(d, "services");
  cr_assert_eq(json_array_size(list), 9);
  json_t *s = json_array_get(list, 0);
  cr_assert(str(s, "id") && json_is_object(json_object_get(s, "name")) && str(s, "category"));
  cr_assert_null(json_object_get(s, "description"), "the list leaves the long texts out");
  cr_assert_eq(facet_count(d, "category", "tuettu_tyo"), 2);
  cr_assert_eq(facet_count(d, "category", "tyonhaku"), 2);
  cr_assert_eq(facet_count(d, "language", "sv"), 4);
  cr_assert_eq(facet_count(d, "target_group", "nuoret"), 2);
  /* National services count for every municipality. */
  cr_assert_eq(facet_count(d, "municipality", "Espoo"), 3);
  cr_assert_eq(facet_count(d, "municipality", "koko Suomi"), 2);
  json_decref(d);
}

Test(api, services_filters_and_counts_ignore_their_own_facet) {
  json_t *d = call("GET", "/api/services?category=tuettu_tyo", NULL, 200);
  cr_assert_eq(json_integer_value(json_object_get(d, "count")), 2);
  cr_assert_eq(json_integer_value(json_object_get(d, "total")), 9);
  json_t *list = json_object_get(d, "services");
  for (size_t i = 0; i < json_array_size(list); i++)
    cr_assert_str_eq(str(json_array_get(list, i), "category"), "tuettu_tyo");
  /* Other categories keep their counts, so a second one can be added... */
  cr_assert_eq(facet_count(d, "category", "tyonhaku"), 2);
  /* ... while other facets count only within the filter. */
  cr_assert_eq(facet_count(d, "language", "sv"), 2);
  cr_assert_eq(facet_count(d, "target_group", "nuoret"), 0);
  json_decref(d);
  d = call("GET", "/api/services?category=tuettu_tyo&category=tyonhaku&language=sv", NULL, 200);
  cr_assert_eq(json_integer_value(json_object_get(d, "count")), 3);
  json_decref(d);
  d = call("GET", "/api/services?municipality=Espoo", NULL, 200);
  cr_assert_eq(json_integer_value(json_object_get(d, "count")), 3);
  json_decref(d);
}

Test(api, a_service_record_by_id) {
  json_t *d = call("GET", "/api/services/palkkatuki", NULL, 200);
  cr_assert_str_eq(str(d, "id"), "palkkatuki");
  cr_assert(str(json_object_get(d, "description"), "fi"));
  /* How to reach and start the service is passed through as stored. */
  cr_assert_str_eq(str(d, "status"), "active");
  cr_assert(str(json_object_get(d, "contact"), "web"));
  cr_assert_gt(json_array_size(json_object_get(json_object_get(d, "apply"), "routes")), 0);
  json_decref(d);
}

/* ---- privacy ---------------------------------------------------------------------- */

Test(api, identity_codes_are_removed_before_searching) {
  /* 131052-308T is valid (check character T); 131052-308U is not. */
  json_t *d =
      call("POST", "/api/search", "{\"text\": \"palkkatuki 131052-308T ja 010101A123N\"}", 200);
  cr_assert_eq(json_integer_value(json_object_get(d, "redacted")), 2);
  json_t *rs = results_of(d);
  for (size_t i = 0; i < json_array_size(rs); i++) {
    json_t *ms = json_object_get(json_array_get(rs, i), "matches");
    for (size_t k = 0; k < json_array_size(ms); k++)
      cr_assert(!strstr(str(json_array_get(ms, k), "word"), "131052"), "the code is not searched");
  }
  json_decref(d);
  d = call("POST", "/api/search", "{\"text\": \"palkkatuki 131052-308U\"}", 200);
  cr_assert_eq(json_integer_value(json_object_get(d, "redacted")), 0);
  json_decref(d);
  d = call("GET", "/api/search?q=palkkatuki+131052-308T", NULL, 200);
  cr_assert_eq(json_integer_value(json_object_get(d, "redacted")), 1);
  json_decref(d);
}

Test(api, access_log_has_no_need_text_or_query_string) {
  const char *secret = "salainenasiakassana";
  char body[256], path[256];
  snprintf(body, sizeof body, "{\"text\": \"%s 131052-308T\"}", secret);
  json_decref(call("POST", "/api/search", body, 200));
  snprintf(path, sizeof path, "/api/search?q=%s+toinen", secret);
  json_decref(call("GET", path, NULL, 200));
  snprintf(path, sizeof path, "/%s", secret);
  expect_error("GET", path, NULL, 404, "not_found");
  /* The line is written after the response: wait for the last one. */
  char *log = kth_wait_log(&srv, " GET (other) 404 ", 1, 10000);
  cr_assert(strstr(log, " POST /api/search 200 "), "log:\n%s", log);
  cr_assert(strstr(log, " GET /api/search 200 "), "log:\n%s", log);
  cr_assert(strstr(log, " GET (other) 404 "), "log:\n%s", log);
  cr_assert_null(strstr(log, secret), "the need text is not logged");
  cr_assert_null(strstr(log, "131052"), "nor the identity code");
  cr_assert_null(strstr(log, "?q="), "nor a query string");
  free(log);
}

/* ---- limits --------------------------------------------------------------------- */

Test(api, connections_over_the_limit_do_not_keep_requests_waiting) {
  kth_server small;
  cr_assert(kth_start(&small, index_dir, "--threads 1 --max-connections 2 --timeout 2"));
  int a = kth_connect(small.port), b = kth_connect(small.port);
  cr_assert(a >= 0 && b >= 0);
  kth_resp r;
  /* A third connection is answered at once, not left in a queue behind two
   * that send nothing (it used to get no answer until they timed out). */
  const char *req = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  int st = kth_raw(small.port, req, strlen(req), &r, 5000);
  cr_assert_eq(st, 200, "third connection answered with %d", st);
  kth_resp_free(&r);
  /* ... idle ones are closed after the timeout ... */
  char c;
  struct timeval tv = {5, 0};
  setsockopt(a, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  cr_assert_eq(recv(a, &c, 1, 0), 0, "an idle connection is closed by the server");
  close(a);
  close(b);
  /* ... and then requests are served again (once the server has seen the
   * two closes). */
  for (int i = 0; i < 50 && st != 200; i++) {
    st = kth_raw(small.port, req, strlen(req), &r, 5000);
    kth_resp_free(&r);
    if (st != 200) usleep(100 * 1000);
  }
  cr_assert_eq(st, 200);
  cr_assert_eq(kth_stop(&small), 0, "stops cleanly on SIGTERM");
}

Test(api, serve_refuses_bad_options_and_a_missing_index) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "'%s' serve --port 70000 2>/dev/null", KT_CLI_BIN);
  int st = system(cmd);
  cr_assert_eq(WEXITSTATUS(st), 2);
  snprintf(cmd, sizeof cmd, "'%s' serve --index /nonexistent/kt-index --port 0 2>/dev/null",
           KT_CLI_BIN);
  st = system(cmd);
  cr_assert_eq(WEXITSTATUS(st), 4);
}

/* The server is started once, before the tests (each runs in its own
 * process and inherits it), and stopped after them. */
/* ---- feedback ------------------------------------------------------------ */

Test(api, feedback_is_stored_and_lifts_the_service) {
  json_t *res = call("POST", "/api/search", "{\"text\": \"tyonhaku\", \"limit\": 20}", 200);
  json_t *first = json_array_get(results_of(res), 0);
  cr_assert_not_null(first, "the mini catalogue answers a job search");
  char id[128];
  snprintf(id, sizeof id, "%s", str(first, "id"));
  json_decref(res);
  char body[512];
  snprintf(
      body, sizeof body,
      "{\"text\": \"Pekka 010190-123M tyonhaku\", \"service\": \"%s\", \"kind\": \"referred\"}",
      id);
  json_t *doc = call("POST", "/api/feedback", body, 201);
  cr_assert(json_is_true(json_object_get(doc, "stored")));
  cr_assert_geq(json_integer_value(json_object_get(doc, "events")), 1);
  cr_assert_eq(json_integer_value(json_object_get(doc, "redacted")), 1);
  json_decref(doc);
  doc = call("GET", "/api/feedback/stats", NULL, 200);
  cr_assert(json_is_array(json_object_get(doc, "services")));
  cr_assert(json_is_array(json_object_get(doc, "never_referred")));
  json_decref(doc);
  /* Errors: unknown service, kind, field; a reason on a positive mark. */
  expect_error("POST", "/api/feedback",
               "{\"text\": \"x\", \"service\": \"no-such\", \"kind\": \"useful\"}", 400,
               "unknown_service");
  /* Only ids of the index: not a metadata key, not empty (issue 14 item 8). */
  expect_error("POST", "/api/feedback",
               "{\"text\": \"x\", \"service\": \"#format\", \"kind\": \"useful\"}", 400,
               "invalid_value");
  expect_error("POST", "/api/feedback",
               "{\"text\": \"x\", \"service\": \"\", \"kind\": \"useful\"}", 400, "invalid_value");
  expect_error("POST", "/api/feedback",
               "{\"text\": \"x\", \"service\": \"no-such\", \"kind\": \"loved\"}", 400,
               "invalid_value");
  expect_error("POST", "/api/feedback", "{\"text\": \"x\", \"kind\": \"useful\"}", 400,
               "missing_field");
  expect_error("POST", "/api/feedback", "{\"text\": \"x\", \"who\": 1}", 400, "unknown_field");
  snprintf(body, sizeof body,
           "{\"text\": \"x\", \"service\": \"%s\", \"kind\": \"useful\", \"reason\": \"area\"}",
           id);
  expect_error("POST", "/api/feedback", body, 400, "invalid_value");
  expect_error("GET", "/api/feedback", NULL, 405, "method_not_allowed");
  /* The access log shows the path only. */
  char *log = kth_log(&srv);
  cr_assert_null(strstr(log, "Pekka"), "the need text reached the log");
  free(log);
}

int main(int argc, char *argv[]) {
  index_dir = kth_tmpdir();
  char idx[512];
  snprintf(idx, sizeof idx, "%s/index", index_dir);
  if (kth_index(KT_TEST_DATA "/catalog-mini", idx)) {
    fprintf(stderr, "api: cannot build the test index\n");
    return 1;
  }
  free(index_dir);
  index_dir = strdup(idx);
  char extra[1024];
  snprintf(extra, sizeof extra, "--threads 2 --access-log --feedback %.900s-feedback", index_dir);
  if (!kth_start(&srv, index_dir, extra)) {
    char *log = kth_log(&srv);
    fprintf(stderr, "api: the server did not start:\n%s\n", log);
    free(log);
    return 1;
  }
  char port[16];
  snprintf(port, sizeof port, "%d", srv.port);
  setenv("KTH_PORT", port, 1);
  setenv("KTH_LOG", srv.log, 1);
  setenv("KTH_INDEX", index_dir, 1);
  struct criterion_test_set *tests = criterion_initialize();
  int result = 0;
  if (criterion_handle_args(argc, argv, true)) result = !criterion_run_all_tests(tests);
  criterion_finalize(tests);
  int st = kth_stop(&srv);
  if (st != 0) {
    fprintf(stderr, "api: the server exited with %d\n", st);
    result = 1;
  }
  char fbdir[1024];
  snprintf(fbdir, sizeof fbdir, "%s-feedback", index_dir);
  kth_rm_rf(fbdir);
  char *root = strdup(index_dir);
  *strrchr(root, '/') = '\0';
  kth_rm_rf(root);
  free(root);
  free(index_dir);
  return result;
}

/* ---- GET/POST /api/suggest ---------------------------------------------------- */

static bool has_suggestion(json_t *doc, const char *kind, const char *id, const char *text) {
  size_t i;
  json_t *s;
  json_array_foreach(json_object_get(doc, "suggestions"), i, s) {
    if (strcmp(json_string_value(json_object_get(s, "kind")), kind)) continue;
    if (id &&
        (!json_object_get(s, "id") || strcmp(json_string_value(json_object_get(s, "id")), id)))
      continue;
    if (text && strcmp(json_string_value(json_object_get(s, "text")), text)) continue;
    return true;
  }
  return false;
}

Test(api, suggest_finds_services_by_prefix_and_with_a_typo) {
  json_t *doc = call("GET", "/api/suggest?q=palk", NULL, 200);
  cr_assert(has_suggestion(doc, "service", "palkkatuki", "Palkkatuki"));
  json_decref(doc);
  /* a letter missing, umlauts left out */
  doc = call("GET", "/api/suggest?q=palkatuki", NULL, 200);
  cr_assert(has_suggestion(doc, "service", "palkkatuki", NULL));
  json_decref(doc);
  doc = call("GET", "/api/suggest?q=tyokok", NULL, 200);
  cr_assert(has_suggestion(doc, "service", "tyokokeilu", "Työkokeilu"));
  json_decref(doc);
}

Test(api, suggest_finds_providers_and_speaks_the_asked_language) {
  json_t *doc = call("GET", "/api/suggest?q=perho", NULL, 200);
  cr_assert(has_suggestion(doc, "provider", NULL, "Perho Liiketalousopisto"));
  json_decref(doc);
  doc = call("POST", "/api/suggest", "{\"text\": \"velk\", \"lang\": \"sv\"}", 200);
  cr_assert(
      has_suggestion(doc, "service", "talous-ja-velkaneuvonta", "Ekonomi- och skuldrådgivning"));
  json_decref(doc);
  /* no Swedish name: the Finnish one, saying so */
  doc = call("GET", "/api/suggest?q=perho&lang=sv&limit=1", NULL, 200);
  cr_assert_eq(json_array_size(json_object_get(doc, "suggestions")), 1);
  json_decref(doc);
  doc = call("GET", "/api/suggest?q=kokki&lang=sv", NULL, 200);
  json_t *first = json_array_get(json_object_get(doc, "suggestions"), 0);
  cr_assert_str_eq(json_string_value(json_object_get(first, "lang")), "fi");
  json_decref(doc);
}

/* Under 2 letters: no suggestions, and no array to sort (a NULL one was
 * passed to qsort, which UBSan aborts the server on). */
Test(api, suggest_gives_nothing_for_one_letter) {
  json_t *doc = call("GET", "/api/suggest?q=a", NULL, 200);
  cr_assert_eq(json_array_size(json_object_get(doc, "suggestions")), 0);
  json_decref(doc);
  doc = call("POST", "/api/suggest", "{\"text\": \"\"}", 200);
  cr_assert_eq(json_array_size(json_object_get(doc, "suggestions")), 0);
  json_decref(doc);
}

Test(api, suggest_rejects_bad_requests) {
  expect_error("GET", "/api/suggest", NULL, 400, "missing_field");
  expect_error("GET", "/api/suggest?q=ab&lang=de", NULL, 400, "invalid_value");
  expect_error("GET", "/api/suggest?q=ab&limit=0", NULL, 400, "invalid_value");
  expect_error("GET", "/api/suggest?q=ab&x=1", NULL, 400, "unknown_field");
  expect_error("POST", "/api/suggest", "{\"q\": \"ab\"}", 400, "unknown_field");
  expect_error("POST", "/api/suggest", "{\"text\": 3}", 400, "wrong_type");
  char path[400];
  snprintf(path, sizeof path, "/api/suggest?q=%0250d", 0);
  expect_error("GET", path, NULL, 413, "too_large");
  expect_error("DELETE", "/api/suggest?q=ab", NULL, 405, "method_not_allowed");
  /* One parser reads search and suggest requests: the same value is the same
   * error in both, and what one endpoint does not take is unknown to it. */
  expect_error("GET", "/api/suggest?q=ab&limit=x", NULL, 400, "wrong_type");
  expect_error("GET", "/api/search?q=ab&limit=x", NULL, 400, "wrong_type");
  expect_error("GET", "/api/suggest?q=ab&limit=51", NULL, 400, "invalid_value");
  expect_error("GET", "/api/suggest?q=ab&category=koulutus", NULL, 400, "unknown_field");
  /* Search takes lang too (the language of its explanations), checked alike. */
  expect_error("GET", "/api/search?q=ab&lang=de", NULL, 400, "invalid_value");
  expect_error("GET", "/api/suggest?q=ab&q=cd", NULL, 400, "invalid_value");
  expect_error("GET", "/api/search?q=ab&q=cd", NULL, 400, "invalid_value");
  expect_error("POST", "/api/suggest", "{\"text\": \"ab\", \"filters\": {}}", 400, "unknown_field");
  expect_error("POST", "/api/suggest", "{\"text\": \"ab\", \"lang\": 1}", 400, "wrong_type");
  expect_error("POST", "/api/search", "{\"text\": \"ab\", \"lang\": \"de\"}", 400, "invalid_value");
}

Test(api, search_takes_the_counsellors_corrections) {
  json_t *doc =
      call("POST", "/api/search",
           "{\"text\": \"22v, velat kasassa\", \"corrections\": {\"removed\": [\"age:22\"], "
           "\"municipality\": \"Espoo\", \"age\": 30, \"target_groups\": [\"maahanmuuttajat\"]}}",
           200);
  size_t i;
  json_t *s;
  bool age = false, muni = false, group = false;
  json_array_foreach(json_object_get(doc, "signals"), i, s) {
    const char *kind = json_string_value(json_object_get(s, "kind"));
    const char *value = json_string_value(json_object_get(s, "value"));
    const char *label = json_string_value(json_object_get(s, "label"));
    cr_assert(strstr(label, "(asiantuntija)"), "every signal was set by the counsellor: %s", label);
    age |= !strcmp(kind, "age") && !strcmp(value, "30");
    muni |= !strcmp(kind, "municipality") && !strcmp(value, "Espoo");
    group |= !strcmp(kind, "target_group") && !strcmp(value, "maahanmuuttajat");
  }
  cr_assert(age && muni && group);
  json_decref(doc);
  expect_error("POST", "/api/search", "{\"text\": \"x\", \"corrections\": {\"age\": \"old\"}}", 400,
               "invalid_value");
  expect_error("POST", "/api/search", "{\"text\": \"x\", \"corrections\": {\"mood\": 1}}", 400,
               "unknown_field");
  expect_error("POST", "/api/search",
               "{\"text\": \"x\", \"corrections\": {\"removed\": [\"mood:x\"]}}", 400,
               "invalid_input");
}

/* The page reads its code lists from the library's schema table. */
Test(api, the_schema_is_served_as_the_library_gives_it) {
  json_t *doc = call("GET", "/api/schema", NULL, 200);
  char *lib = NULL;
  cr_assert_eq(kt_schema_json(&lib), KT_OK, "%s", kt_error_last());
  json_t *want = json_loads(lib, 0, NULL);
  kt_free(lib);
  cr_assert(json_equal(doc, want), "GET /api/schema differs from kt_schema_json()");
  json_t *groups = json_object_get(json_object_get(doc, "vocabularies"), "target_group");
  cr_assert_gt(json_array_size(groups), 10);
  cr_assert_str_eq(json_string_value(json_object_get(json_array_get(groups, 0), "id")), "kaikki");
  cr_assert_eq(json_integer_value(json_object_get(json_object_get(doc, "limits"), "filter_values")),
               KT_MAX_FILTER_VALUES);
  json_decref(want);
  json_decref(doc);
  expect_error("POST", "/api/schema", "{}", 405, "method_not_allowed");
}

Test(api, concepts_are_listed_with_their_labels) {
  json_t *doc = call("GET", "/api/concepts", NULL, 200);
  /* The mini catalogue has no thesaurus of its own: an empty list. The
   * browser test reads the bundled one's Swedish labels. */
  json_t *list = json_object_get(doc, "concepts");
  cr_assert(json_is_array(list));
  size_t i;
  json_t *c;
  json_array_foreach(list, i, c) {
    cr_assert(json_string_length(json_object_get(c, "id")) > 0);
    cr_assert(json_string_length(json_object_get(json_object_get(c, "label"), "fi")) > 0);
  }
  json_decref(doc);
  expect_error("POST", "/api/concepts", "{}", 405, "method_not_allowed");
}

Test(api, search_counts_every_match_per_filter_value_and_takes_the_new_filters) {
  /* Counts with a limit of 2 are the counts over every match. */
  json_t *few = call("POST", "/api/search",
                     "{\"text\": \"työ kokeilu palkka etä\", \"limit\": 2, \"counts\": true, "
                     "\"filters\": {\"fee\": [\"maksuton\"]}}",
                     200);
  json_t *all = call("POST", "/api/search",
                     "{\"text\": \"työ kokeilu palkka etä\", \"limit\": 100, "
                     "\"filters\": {\"fee\": [\"maksuton\"]}}",
                     200);
  json_t *facets = json_object_get(few, "facets");
  cr_assert(json_is_object(facets), "facets with counts");
  cr_assert_null(json_object_get(all, "facets"), "and only then");
  size_t n = json_array_size(results_of(all));
  cr_assert_gt(n, 2);
  cr_assert_eq(json_integer_value(json_object_get(few, "matches")), (json_int_t)n);
  size_t i;
  json_t *v;
  size_t summed = 0;
  json_array_foreach(json_object_get(facets, "category"), i, v) {
    const char *value = str(v, "value");
    json_int_t want = 0;
    size_t k;
    json_t *r;
    json_array_foreach(results_of(all), k, r) want += !strcmp(str(r, "category"), value);
    cr_assert_eq(json_integer_value(json_object_get(v, "count")), want, "category %s", value);
    summed += (size_t)want;
  }
  cr_assert_eq(summed, n, "every match is counted under its category");
  /* The fee filter's own counts ignore it: the service without a fee is not
   * there, and no other fee value is either, but maksuton counts what the
   * other filters let through. */
  json_array_foreach(json_object_get(facets, "fee"), i, v)
      cr_assert_str_eq(str(v, "value"), "maksuton");
  json_decref(few);
  json_decref(all);

  /* GET takes the same, and a closed vocabulary refuses what it does not know. */
  json_t *d = call("GET", "/api/search?q=ty%C3%B6&delivery=verkko&age=30&finnish_level=A2&counts=1",
                   NULL, 200);
  cr_assert(json_is_object(json_object_get(d, "facets")));
  json_decref(d);
  expect_error("GET", "/api/search?q=a&delivery=posti", NULL, 400, "unknown_filter");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"filters\": {\"fee\": [\"ilmainen\"]}}",
               400, "unknown_filter");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"filters\": {\"age\": [\"30\", \"40\"]}}",
               400, "invalid_value");
  expect_error("GET", "/api/services?finnish_level=D1", NULL, 400, "unknown_filter");
  expect_error("POST", "/api/search", "{\"text\": \"a\", \"lang\": \"de\"}", 400, "invalid_value");
  /* The listing takes the new filters too. */
  d = call("GET", "/api/services?delivery=verkko", NULL, 200);
  json_array_foreach(json_object_get(d, "services"), i, v) {
    size_t k;
    json_t *x;
    bool online = false;
    json_array_foreach(json_object_get(v, "delivery"), k, x) online |=
        !strcmp(json_string_value(x), "verkko");
    cr_assert(online, "%s is delivered online", str(v, "id"));
  }
  json_decref(d);
}

Test(api, search_explains_in_the_language_asked) {
  json_t *d = call("POST", "/api/search",
                   "{\"text\": \"22v, velat kasassa\", \"lang\": \"sv\", "
                   "\"corrections\": {\"municipality\": \"Espoo\"}}",
                   200);
  cr_assert_str_eq(str(d, "lang"), "sv");
  size_t i;
  json_t *s;
  bool age = false, muni = false;
  json_array_foreach(json_object_get(d, "signals"), i, s) {
    if (!strcmp(str(s, "kind"), "age")) {
      cr_assert_str_eq(str(s, "label"), "ålder 22 år");
      cr_assert(json_is_false(json_object_get(s, "corrected")));
      age = true;
    }
    if (!strcmp(str(s, "kind"), "municipality")) {
      cr_assert_str_eq(str(s, "label"), "hemkommun Espoo (handläggaren)");
      cr_assert(json_is_true(json_object_get(s, "corrected")));
      muni = true;
    }
  }
  cr_assert(age && muni);
  json_decref(d);
}
