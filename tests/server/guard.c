/*
 * guard.c — `kohtaanto serve` under attack and damage (issue 14): slow
 * clients, bursts over the connection limit, 10 000 query parameters, the
 * index removed or damaged while serving, forged feedback (content type,
 * origin, host, tokens, rate), what the access log may name, and conflicting
 * Content-Length headers. Each test starts its own server on the mini index.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static char *root, *index_dir;
static kth_server srv;

static void setup(void) {
  root = kth_tmpdir();
  cr_assert_not_null(root);
  cr_assert_geq(asprintf(&index_dir, "%s/index", root), 0);
  cr_assert_eq(kth_index(KT_TEST_DATA "/catalog-mini", index_dir), 0);
}

static void teardown(void) {
  if (srv.pid) kth_stop(&srv);
  kth_rm_rf(root);
  free(root);
  free(index_dir);
}

TestSuite(guard, .init = setup, .fini = teardown, .timeout = 120);

static void start(const char *extra) {
  cr_assert(kth_start(&srv, index_dir, extra), "the server starts with %s", extra);
}

/* A TCP connection to the server from loopback address 127.0.0.@p last. */
static int connect_from(int last) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  cr_assert_geq(fd, 0);
  struct sockaddr_in me = {.sin_family = AF_INET};
  me.sin_addr.s_addr = htonl(0x7f000000u | (unsigned)last);
  cr_assert_eq(bind(fd, (struct sockaddr *)&me, sizeof me), 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)srv.port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
  return fd;
}

/* Has the server closed @p fd (or answered on it) within @p ms? */
static bool closed_or_answered(int fd, int ms) {
  struct pollfd p = {fd, POLLIN, 0};
  return poll(&p, 1, ms) > 0;
}

/* Is @p fd closed by the server (EOF or reset, after any answer)? */
static bool closed_now(int fd) {
  char buf[4096];
  for (;;) {
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 0) <= 0) return false;
    ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n <= 0) return true;
  }
}

/* A request with extra header lines @p headers ("Name: value\r\n"...). */
static int request(const char *method, const char *path, const char *headers, const char *body,
                   kth_resp *out) {
  char req[8192];
  int n = snprintf(req, sizeof req,
                   "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%sContent-Length: "
                   "%zu\r\n\r\n%s",
                   method, path, headers ? headers : "", body ? strlen(body) : 0, body ? body : "");
  return kth_raw(srv.port, req, (size_t)n, out, 10000);
}

static void expect(int status, const char *code, const char *method, const char *path,
                   const char *headers, const char *body) {
  kth_resp r;
  int st = request(method, path, headers, body, &r);
  cr_assert_eq(st, status, "%s %s [%s]: %d, expected %d: %s", method, path, headers ? headers : "",
               st, status, r.body ? r.body : "");
  if (code) {
    char want[96];
    snprintf(want, sizeof want, "\"code\":\"%s\"", code);
    cr_assert(strstr(r.body, want), "%s %s: %s, expected code %s", method, path, r.body, code);
  }
  kth_resp_free(&r);
}

/* ---- 1. slow clients ---------------------------------------------------------- */

Test(guard, slow_clients_are_cut_off_and_others_are_still_served) {
  start("--threads 2 --request-timeout 2 --max-connections 16 --max-connections-per-client 4");
  enum { SLOW = 4 };
  int fd[SLOW];
  bool cut[SLOW] = {false};
  for (int i = 0; i < SLOW; i++) {
    fd[i] = connect_from(2);
    const char *line = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    cr_assert_eq(send(fd[i], line, strlen(line), MSG_NOSIGNAL), (ssize_t)strlen(line));
  }
  /* One more from the same address is over its limit: closed at once. */
  int extra = connect_from(2);
  cr_assert(closed_or_answered(extra, 5000), "a 5th connection from one address is refused");
  cr_assert(closed_now(extra));
  close(extra);
  /* Trickle a header line every 250 ms, each of which used to reset the
   * idle timeout, for up to 40 rounds (10 s, five times the request
   * timeout); meanwhile others are served. */
  int left = SLOW;
  for (int round = 0; round < 40 && left; round++) {
    for (int i = 0; i < SLOW; i++) {
      if (cut[i]) continue;
      if (closed_now(fd[i]) || send(fd[i], "X-Slow: 1\r\n", 11, MSG_NOSIGNAL) != 11) {
        cut[i] = true;
        left--;
      }
    }
    if (round % 8 == 0) {
      kth_resp r;
      cr_assert_eq(request("GET", "/healthz", NULL, NULL, &r), 200, "healthz while trickled at");
      kth_resp_free(&r);
    }
    usleep(250 * 1000);
  }
  cr_assert_eq(left, 0, "%d slow connections still open after 10 s", left);
  for (int i = 0; i < SLOW; i++)
    close(fd[i]);
}

/* ---- 2. bursts ---------------------------------------------------------------- */

Test(guard, a_burst_over_the_limit_is_answered_at_once_not_queued) {
  start("--threads 2 --max-connections 4 --max-connections-per-client 0 --request-timeout 3");
  enum { BURST = 24 };
  int fd[BURST];
  for (int i = 0; i < BURST; i++)
    fd[i] = connect_from(3);
  /* The server holds 4 idle connections and a few more to answer 503; a
   * request now is answered (503) or its connection closed at once — it
   * used to wait in the listen queue until idle connections timed out. */
  int c = connect_from(1);
  const char *req = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  cr_assert_eq(send(c, req, strlen(req), MSG_NOSIGNAL), (ssize_t)strlen(req));
  cr_assert(closed_or_answered(c, 5000), "a request over the limit waited in a queue");
  char buf[512] = "";
  ssize_t n = recv(c, buf, sizeof buf - 1, 0);
  if (n > 0) {
    buf[n] = '\0';
    cr_assert(strstr(buf, " 503 "), "answered %s", buf);
  }
  close(c);
  /* Idle connections that never send a request are cut after the request
   * timeout; then requests are served again. */
  int open = BURST;
  for (int round = 0; round < 100 && open; round++) {
    open = 0;
    for (int i = 0; i < BURST; i++)
      if (fd[i] >= 0 && closed_now(fd[i])) {
        close(fd[i]);
        fd[i] = -1;
      } else if (fd[i] >= 0) {
        open++;
      }
    if (open) usleep(100 * 1000);
  }
  cr_assert_eq(open, 0, "%d idle connections were never closed", open);
  int st = 0;
  for (int i = 0; i < 50 && st != 200; i++) {
    kth_resp r;
    st = request("GET", "/healthz", NULL, NULL, &r);
    kth_resp_free(&r);
    if (st != 200) usleep(100 * 1000);
  }
  cr_assert_eq(st, 200);
}

/* ---- 3. query parameters ------------------------------------------------------ */

Test(guard, ten_thousand_query_parameters_are_answered_413) {
  start("--threads 1");
  size_t cap = 200000;
  char *path = malloc(cap);
  size_t len = (size_t)snprintf(path, cap, "/api/services?");
  for (int i = 0; i < 10000; i++)
    len += (size_t)snprintf(path + len, cap - len, "%scategory=a%d", i ? "&" : "", i);
  char *req = NULL;
  int n = asprintf(&req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", path);
  cr_assert_gt(n, 0);
  kth_resp r;
  int st = kth_raw(srv.port, req, (size_t)n, &r, 10000);
  free(req);
  cr_assert_eq(st, 413, "10 000 parameters: %d", st);
  cr_assert(strstr(r.body, "10000 query parameters"), "%s", r.body);
  kth_resp_free(&r);
  /* Just over the limit too, and the server still serves. */
  len = (size_t)snprintf(path, cap, "/api/search?q=x");
  for (int i = 0; i < 300; i++)
    len += (size_t)snprintf(path + len, cap - len, "&explain=1");
  expect(413, "too_large", "GET", path, NULL, NULL);
  expect(200, NULL, "GET", "/healthz", NULL, NULL);
  free(path);
}

/* ---- 4. the index removed while serving ---------------------------------------- */

Test(guard, removing_the_index_gives_one_answer_on_every_worker) {
  start("--threads 2 --refresh 0.1");
  for (int i = 0; i < 8; i++)
    expect(200, NULL, "GET", "/healthz", NULL, NULL);
  kth_rm_rf(index_dir);
  /* Once a worker has noticed, every answer is 503 (none from a generation
   * a worker still holds open). */
  int st = 200;
  for (int i = 0; i < 100 && st == 200; i++) {
    kth_resp r;
    st = request("GET", "/healthz", NULL, NULL, &r);
    kth_resp_free(&r);
    usleep(50 * 1000);
  }
  cr_assert_eq(st, 503);
  /* Every worker has noticed once ten answers in a row are 503 (any 200
   * would come from a worker still holding its generation). */
  int in_row = 0;
  for (int i = 0; i < 200 && in_row < 10; i++) {
    kth_resp r;
    in_row = request("GET", "/healthz", NULL, NULL, &r) == 503 ? in_row + 1 : 0;
    kth_resp_free(&r);
    if (in_row < 10) usleep(20 * 1000);
  }
  cr_assert_eq(in_row, 10, "workers still answer 200 after the index was removed");
  for (int i = 0; i < 20; i++) {
    expect(503, "no_index", "GET", "/healthz", NULL, NULL);
    expect(503, "no_index", "POST", "/api/search", "Content-Type: application/json\r\n",
           "{\"text\": \"velat\"}");
  }
  /* An index built again is served again. */
  cr_assert_eq(kth_index(KT_TEST_DATA "/catalog-mini", index_dir), 0);
  st = 0;
  for (int i = 0; i < 100 && st != 200; i++) {
    kth_resp r;
    st = request("GET", "/healthz", NULL, NULL, &r);
    kth_resp_free(&r);
    if (st != 200) usleep(50 * 1000);
  }
  cr_assert_eq(st, 200);
}

/* ---- 5. damaged generations ------------------------------------------------------ */

static char *current_gen(void) {
  char link[1024], target[256];
  snprintf(link, sizeof link, "%s/current", index_dir);
  ssize_t n = readlink(link, target, sizeof target - 1);
  cr_assert_gt(n, 0);
  target[n] = '\0';
  return strdup(target);
}

static void flip(const char *gen, const char *file) {
  char p[1024];
  snprintf(p, sizeof p, "%s/%s/%s", index_dir, gen, file);
  int fd = open(p, O_RDWR);
  cr_assert_geq(fd, 0, "%s", p);
  struct stat st;
  fstat(fd, &st);
  unsigned char b;
  cr_assert_eq(pread(fd, &b, 1, st.st_size / 2), 1);
  b ^= 0xa5;
  cr_assert_eq(pwrite(fd, &b, 1, st.st_size / 2), 1);
  close(fd);
}

Test(guard, a_server_keeps_its_generation_when_current_switches_to_a_damaged_one) {
  /* Two workers and no request before the switch: every worker opens its
   * engine for the first time after `current` names a damaged generation,
   * and must start from the one the server verified (it used to open
   * `current` and answer 500). */
  start("--threads 2 --refresh 0.1");
  char *good = current_gen();
  /* A new generation, damaged after it was published. */
  cr_assert_eq(kth_index(KT_TEST_DATA "/catalog-mini", index_dir), 0);
  char *bad = current_gen();
  cr_assert_str_neq(bad, good);
  flip(bad, "records.mdb");
  flip(bad, "xapian/postlist.glass");
  /* Until both workers have tried the damaged generation and refused it
   * (each logs it once), and then some more, every answer is from the
   * verified one. */
  char *log = kth_log(&srv);
  for (int i = 0; i < 400; i++) {
    bool both = strstr(log, "is damaged") && strstr(strstr(log, "is damaged") + 1, "is damaged");
    if (both && i >= 20) break;
    free(log);
    int st;
    json_t *doc = kth_json(srv.port, "GET", "/healthz", NULL, &st);
    cr_assert_eq(st, 200);
    cr_assert_str_eq(
        json_string_value(json_object_get(json_object_get(doc, "index"), "generation")), good);
    json_decref(doc);
    usleep(10 * 1000);
    log = kth_log(&srv);
  }
  free(log);
  for (int i = 0; i < 20; i++) {
    int st;
    json_t *doc = kth_json(srv.port, "GET", "/healthz", NULL, &st);
    cr_assert_eq(st, 200);
    cr_assert_str_eq(
        json_string_value(json_object_get(json_object_get(doc, "index"), "generation")), good);
    json_decref(doc);
    expect(200, NULL, "POST", "/api/search", "Content-Type: application/json\r\n",
           "{\"text\": \"velat ja ulosotto\"}");
  }
  log = kth_log(&srv);
  cr_assert(strstr(log, "is damaged"), "the refusal is logged: %s", log);
  free(log);
  free(good);
  free(bad);
}

Test(guard, a_damaged_index_is_a_server_error_with_its_own_code) {
  start("--threads 1");
  /* Damaged after the server checked it at start, before its worker opened it. */
  char *gen = current_gen();
  flip(gen, "records.mdb");
  expect(500, "index_damaged", "GET", "/healthz", NULL, NULL);
  expect(500, "index_damaged", "POST", "/api/search", "Content-Type: application/json\r\n",
         "{\"text\": \"velat\"}");
  free(gen);
  /* And a server does not start on it. */
  kth_stop(&srv);
  kth_server other;
  cr_assert_not(kth_start(&other, index_dir, NULL), "started on a damaged index");
  char *log = kth_log(&other);
  cr_assert(strstr(log, "records.mdb"), "%s", log);
  free(log);
  unlink(other.log);
}

/* ---- 7. forged feedback ---------------------------------------------------------- */

#define TOKEN "k7Qp2vX9dLm4TzR8wYc1"
#define JSON "Content-Type: application/json\r\n"
#define AUTH "Authorization: Bearer " TOKEN "\r\n"
#define MARK "{\"text\": \"velat ja ulosotto\", \"service\": \"%s\", \"kind\": \"referred\"}"

static char *first_id(void) {
  int st;
  json_t *doc = kth_json(srv.port, "POST", "/api/search", "{\"text\": \"velat ja ulosotto\"}", &st);
  cr_assert_eq(st, 200);
  const char *id =
      json_string_value(json_object_get(json_array_get(json_object_get(doc, "results"), 0), "id"));
  cr_assert_not_null(id);
  char *s = strdup(id);
  json_decref(doc);
  return s;
}

Test(guard, forged_feedback_is_refused) {
  char tf[1024], extra[2048];
  snprintf(tf, sizeof tf, "%s/tokens", root);
  FILE *f = fopen(tf, "w");
  fprintf(f, "# counsellors' page\n%s\n", TOKEN);
  fclose(f);
  snprintf(extra, sizeof extra,
           "--threads 2 --feedback %s/fb --token-file %s --feedback-rate 6 "
           "--origin https://ohjaus.example.fi",
           root, tf);
  start(extra);
  char *id = first_id();
  char mark[512];
  snprintf(mark, sizeof mark, MARK, id);
  /* A form post from any page: text/plain, no token. */
  expect(415, "unsupported_media_type", "POST", "/api/feedback",
         "Content-Type: text/plain\r\n" AUTH, mark);
  expect(403, "forbidden_origin", "POST", "/api/feedback",
         JSON AUTH "Origin: https://evil.example\r\n", mark);
  expect(403, "forbidden_origin", "POST", "/api/feedback", JSON AUTH "Origin: null\r\n", mark);
  expect(403, "forbidden_origin", "POST", "/api/feedback",
         JSON AUTH "Sec-Fetch-Site: cross-site\r\n", mark);
  expect(401, "unauthorized", "POST", "/api/feedback", JSON, mark);
  expect(401, "unauthorized", "POST", "/api/feedback", JSON "Authorization: Bearer " TOKEN "x\r\n",
         mark);
  expect(401, "unauthorized", "POST", "/api/feedback", JSON "Authorization: Bearer k7Qp\r\n", mark);
  expect(401, "unauthorized", "GET", "/api/feedback/stats", NULL, NULL);
  /* DNS rebinding: a page on another name reaching the loopback server. */
  const char *rebound =
      "GET /healthz HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n";
  kth_resp r;
  cr_assert_eq(kth_raw(srv.port, rebound, strlen(rebound), &r, 5000), 421);
  kth_resp_free(&r);
  /* Two Host headers: the second one must not slip through. */
  expect(400, "bad_request", "GET", "/healthz", "Host: evil.example\r\n", NULL);
  /* The page itself (same origin), a configured origin, and a client
   * without Origin, all with the token: stored, up to the rate. */
  char self[256];
  snprintf(self, sizeof self, JSON AUTH "Origin: http://127.0.0.1\r\n");
  expect(201, NULL, "POST", "/api/feedback", self, mark);
  expect(201, NULL, "POST", "/api/feedback", JSON AUTH "Origin: https://ohjaus.example.fi\r\n",
         mark);
  expect(201, NULL, "POST", "/api/feedback", JSON AUTH, mark);
  expect(200, NULL, "GET", "/api/feedback/stats", AUTH, NULL);
  /* 6 a minute from one address: the refusals above took none of them. */
  int stored = 3, limited = 0;
  for (int i = 0; i < 10; i++) {
    kth_resp r;
    int st = request("POST", "/api/feedback", JSON AUTH, mark, &r);
    if (st == 201) stored++;
    if (st == 429) {
      limited++;
      cr_assert_not_null(kth_header(&r, "Retry-After"));
    }
    kth_resp_free(&r);
  }
  /* 6 at once, then one every 10 s: 13 attempts within a few seconds store
   * at most 8 even on a slow machine. */
  cr_assert_eq(limited + stored, 13);
  cr_assert_leq(stored, 8, "%d marks stored within seconds; the rate is 6 a minute", stored);
  cr_assert_geq(limited, 5);
  /* Searches need no token and take JSON only. */
  expect(200, NULL, "POST", "/api/search", JSON, "{\"text\": \"velat\"}");
  expect(415, "unsupported_media_type", "POST", "/api/search", "Content-Type: text/plain\r\n",
         "{\"text\": \"velat\"}");
  free(id);
}

Test(guard, bad_token_files_and_origins_are_usage_errors) {
  char cmd[2048], tf[1024];
  snprintf(tf, sizeof tf, "%s/short", root);
  FILE *f = fopen(tf, "w");
  fprintf(f, "short\n");
  fclose(f);
  const char *args[] = {"--token-file /nonexistent/tokens", "--origin ftp://x", "--origin evil"};
  for (size_t i = 0; i < 3; i++) {
    snprintf(cmd, sizeof cmd, "'%s' serve --index '%s' --port 0 %s 2>/dev/null", KT_CLI_BIN,
             index_dir, args[i]);
    int st = system(cmd);
    cr_assert_eq(WEXITSTATUS(st), 2, "%s", args[i]);
  }
  snprintf(cmd, sizeof cmd,
           "'%s' serve --index '%s' --port 0 --token-file '%s' 2>&1 | grep -q '16 characters'",
           KT_CLI_BIN, index_dir, tf);
  cr_assert_eq(system(cmd), 0, "a short token is refused naming the limit");
}

/* ---- 12. the access log ------------------------------------------------------------ */

Test(guard, the_access_log_names_only_service_ids_in_the_index) {
  start("--threads 1 --access-log");
  char *id = first_id();
  char path[256];
  snprintf(path, sizeof path, "/api/services/%s", id);
  expect(200, NULL, "GET", path, NULL, NULL);
  /* A valid identity code is a well-formed id. */
  expect(404, "not_found", "GET", "/api/services/131052-308t", NULL, NULL);
  expect(404, "not_found", "GET", "/api/services/no-such-service", NULL, NULL);
  /* The line is written after the response: wait for the last one. */
  char *log = kth_wait_log(&srv, " GET /api/services/(other) 404 ", 2, 10000);
  char line[300];
  snprintf(line, sizeof line, " GET %s 200 ", path);
  cr_assert(strstr(log, line), "a known id is logged: %s", log);
  cr_assert(strstr(log, " GET /api/services/(other) 404 "), "%s", log);
  cr_assert_null(strstr(log, "131052"), "%s", log);
  cr_assert_null(strstr(log, "no-such-service"), "%s", log);
  free(log);
  free(id);
}

/* ---- 18. Content-Length ---------------------------------------------------------------- */

Test(guard, conflicting_content_lengths_are_refused) {
  start("--threads 1");
  const char *req = "POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    "Content-Type: application/json\r\nContent-Length: 17\r\nContent-Length: 2\r\n"
                    "\r\n{\"text\": \"velat\"}";
  kth_resp r;
  int st = kth_raw(srv.port, req, strlen(req), &r, 5000);
  cr_assert_eq(st, 400, "%d %s", st, r.body ? r.body : "");
  cr_assert(strstr(r.body, "Content-Length"), "%s", r.body);
  kth_resp_free(&r);
  expect(200, NULL, "GET", "/healthz", NULL, NULL);
}

/* ---- 11. identity codes in any spelling ------------------------------------------------ */

Test(guard, identity_codes_in_other_spellings_are_removed_before_searching) {
  start("--threads 1");
  const char *bodies[] = {
      "{\"text\": \"velat 131052\\u2013308T\"}",  /* en dash */
      "{\"text\": \"velat 131052\\u00ad-308T\"}", /* soft hyphen */
      "{\"text\": \"velat 131052 308T\"}",        /* a space */
      "{\"text\": \"velat \\uff11\\uff13\\uff11\\uff10\\uff15\\uff12-\\uff13\\uff10\\uff18T\"}",
  };
  for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
    int st;
    json_t *doc = kth_json(srv.port, "POST", "/api/search", bodies[i], &st);
    cr_assert_eq(st, 200, "%s", bodies[i]);
    cr_assert_eq(json_integer_value(json_object_get(doc, "redacted")), 1, "%s", bodies[i]);
    json_decref(doc);
  }
}
