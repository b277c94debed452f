/* harness.c — see harness.h. */
#define _GNU_SOURCE
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

char *kth_tmpdir(void) {
  char tmpl[] = "/tmp/kt-srvtest-XXXXXX";
  char *d = mkdtemp(tmpl);
  return d ? strdup(d) : NULL;
}

void kth_rm_rf(const char *path) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
  if (system(cmd)) { /* best effort */
  }
}

int kth_index(const char *catalog, const char *index) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "'%s' index --catalog '%s' --index '%s' >/dev/null 2>&1", KT_CLI_BIN,
           catalog, index);
  int st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

char *kth_log(const kth_server *s) {
  FILE *f = fopen(s->log, "r");
  if (!f) return strdup("");
  size_t cap = 1 << 16, len = 0, n;
  char *b = malloc(cap + 1);
  while ((n = fread(b + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) b = realloc(b, (cap *= 2) + 1);
  }
  b[len] = '\0';
  fclose(f);
  return b;
}

static int occurrences(const char *hay, const char *needle) {
  int n = 0;
  for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
    n++;
  return n;
}

char *kth_wait_log(const kth_server *s, const char *needle, int times, int timeout_ms) {
  char *log = kth_log(s);
  for (int waited = 0; occurrences(log, needle) < times && waited < timeout_ms; waited += 20) {
    free(log);
    usleep(20 * 1000);
    log = kth_log(s);
  }
  return log;
}

bool kth_start(kth_server *s, const char *index, const char *extra) {
  memset(s, 0, sizeof *s);
  snprintf(s->log, sizeof s->log, "/tmp/kt-srvtest-log-%d-%ld", (int)getpid(), (long)random());
  char cmd[4096];
  /* No feedback store unless a test asks for one (not the user's default). */
  bool fb = extra && strstr(extra, "--feedback");
  snprintf(cmd, sizeof cmd, "exec '%s' serve --index '%s' --port 0 %s %s 2>'%s'", KT_CLI_BIN, index,
           extra ? extra : "", fb ? "" : "--no-feedback", s->log);
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
    _exit(127);
  }
  s->pid = pid;
  for (int i = 0; i < 200; i++) { /* up to 20 s */
    char *log = kth_log(s);
    const char *p = strstr(log, "listening on http://127.0.0.1:");
    if (p) {
      s->port = atoi(p + strlen("listening on http://127.0.0.1:"));
      free(log);
      return s->port > 0;
    }
    free(log);
    int st;
    if (waitpid(pid, &st, WNOHANG) == pid) {
      s->pid = 0;
      return false;
    }
    usleep(100 * 1000);
  }
  return false;
}

int kth_stop(kth_server *s) {
  if (!s->pid) return -1;
  kill(s->pid, SIGTERM);
  int st = 0;
  waitpid(s->pid, &st, 0);
  s->pid = 0;
  unlink(s->log);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void kth_resp_free(kth_resp *r) {
  free(r->head);
  free(r->body);
  memset(r, 0, sizeof *r);
}

const char *kth_header(const kth_resp *r, const char *name) {
  static char val[1024];
  if (!r->head) return NULL;
  size_t n = strlen(name);
  for (const char *line = strstr(r->head, "\r\n"); line; line = strstr(line, "\r\n")) {
    line += 2;
    if (!strncasecmp(line, name, n) && line[n] == ':') {
      const char *v = line + n + 1;
      while (*v == ' ')
        v++;
      const char *end = strstr(v, "\r\n");
      size_t len = end ? (size_t)(end - v) : strlen(v);
      if (len >= sizeof val) len = sizeof val - 1;
      memcpy(val, v, len);
      val[len] = '\0';
      return val;
    }
  }
  return NULL;
}

int kth_connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&a, sizeof a)) {
    close(fd);
    return -1;
  }
  return fd;
}

int kth_raw(int port, const char *raw, size_t len, kth_resp *out, int timeout_ms) {
  memset(out, 0, sizeof *out);
  int fd = kth_connect(port);
  if (fd < 0) return 0;
  size_t sent = 0;
  while (sent < len) {
    ssize_t n = send(fd, raw + sent, len - sent, MSG_NOSIGNAL);
    if (n <= 0) break; /* the server may answer and close early */
    sent += (size_t)n;
  }
  size_t cap = 1 << 16, got = 0;
  char *buf = malloc(cap + 1);
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (;;) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long left =
        timeout_ms - ((now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000);
    if (left <= 0) break;
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, (int)left) <= 0) break;
    if (got == cap) buf = realloc(buf, (cap *= 2) + 1);
    ssize_t n = recv(fd, buf + got, cap - got, 0);
    if (n <= 0) break;
    got += (size_t)n;
  }
  close(fd);
  buf[got] = '\0';
  char *sep = strstr(buf, "\r\n\r\n");
  if (strncmp(buf, "HTTP/1.", 7) || !sep) {
    free(buf);
    return 0;
  }
  out->status = atoi(buf + 9);
  out->head = strndup(buf, (size_t)(sep - buf) + 2);
  out->body_len = got - (size_t)(sep + 4 - buf);
  out->body = malloc(out->body_len + 1);
  memcpy(out->body, sep + 4, out->body_len);
  out->body[out->body_len] = '\0';
  free(buf);
  return out->status;
}

int kth_call(int port, const char *method, const char *path, const char *body, size_t len,
             kth_resp *out) {
  size_t cap = len + 1024 + strlen(path);
  char *req = malloc(cap);
  int n = snprintf(req, cap,
                   "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                   "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                   method, path, body ? len : 0);
  if (body) memcpy(req + n, body, len);
  int st = kth_raw(port, req, (size_t)n + (body ? len : 0), out, 20000);
  free(req);
  return st;
}

json_t *kth_json(int port, const char *method, const char *path, const char *body, int *status) {
  kth_resp r;
  *status = kth_call(port, method, path, body, body ? strlen(body) : 0, &r);
  json_t *doc = r.body ? json_loadb(r.body, r.body_len, 0, NULL) : NULL;
  kth_resp_free(&r);
  return doc;
}
