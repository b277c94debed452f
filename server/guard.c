/*
 * guard.c — what protects `kohtaanto serve` from its clients: the origins
 * and host names it answers for, the bearer tokens of feedback writes and
 * statistics, a per-client rate limit of feedback writes, and a watchdog
 * over connections that bounds the time a client may take to send a whole
 * request (slow clients) and frees idle keep-alive connections when the
 * server is full (bursts).
 */
#define _GNU_SOURCE
#include "server_internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* ---- configuration --------------------------------------------------------- */

int kts_load_tokens(kts_config *cfg, const char *path, char *err, size_t errsize) {
  FILE *f = fopen(path, "re");
  if (!f) {
    snprintf(err, errsize, "cannot read the token file %s: %s", path, strerror(errno));
    return -1;
  }
  char line[512];
  size_t lineno = 0;
  int rc = 0;
  while (!rc && fgets(line, sizeof line, f)) {
    lineno++;
    size_t n = strcspn(line, "\r\n");
    if (line[n] == '\0' && !feof(f)) {
      snprintf(err, errsize, "%s:%zu: a line is over %zu bytes", path, lineno, sizeof line - 2);
      rc = -1;
      break;
    }
    line[n] = '\0';
    char *t = line + strspn(line, " \t");
    if (!*t || *t == '#') continue;
    size_t len = strcspn(t, " \t");
    if (t[len + strspn(t + len, " \t")]) {
      snprintf(err, errsize, "%s:%zu: a token is one word per line", path, lineno);
      rc = -1;
    } else if (len < KTS_MIN_TOKEN_BYTES) {
      snprintf(err, errsize, "%s:%zu: a token must be at least %d characters", path, lineno,
               KTS_MIN_TOKEN_BYTES);
      rc = -1;
    } else if (cfg->ntokens == KTS_MAX_TOKENS) {
      snprintf(err, errsize, "%s: more than %d tokens", path, KTS_MAX_TOKENS);
      rc = -1;
    } else if (!(cfg->tokens[cfg->ntokens++] = strndup(t, len))) {
      snprintf(err, errsize, "out of memory");
      rc = -1;
    }
  }
  fclose(f);
  if (!rc && !cfg->ntokens) {
    snprintf(err, errsize, "the token file %s holds no token", path);
    rc = -1;
  }
  explicit_bzero(line, sizeof line);
  return rc;
}

/* The host part of an origin "scheme://host[:port]" or a Host header
 * "host[:port]", lower case, into @p out. False if it is malformed. */
static bool host_of(const char *s, bool origin, char *out, size_t size) {
  if (origin) {
    const char *p = strstr(s, "://");
    if (!p || (strncasecmp(s, "http://", 7) && strncasecmp(s, "https://", 8))) return false;
    s = p + 3;
  }
  size_t n;
  if (*s == '[') {
    const char *end = strchr(s, ']');
    if (!end) return false;
    n = (size_t)(end - s) + 1;
  } else {
    n = strcspn(s, ":/");
  }
  if (!n || n >= size) return false;
  for (size_t i = 0; i < n; i++)
    out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
  out[n] = '\0';
  const char *rest = s + n;
  if (*rest == ':') rest += 1 + strspn(rest + 1, "0123456789");
  return !*rest || (origin && !strcmp(rest, "/"));
}

int kts_add_origin(kts_config *cfg, const char *origin, char *err, size_t errsize) {
  char host[256];
  if (!host_of(origin, true, host, sizeof host)) {
    snprintf(err, errsize, "'%s' is not an origin such as https://palvelut.example.fi", origin);
    return -1;
  }
  if (cfg->norigins == KTS_MAX_ORIGINS) {
    snprintf(err, errsize, "more than %d origins", KTS_MAX_ORIGINS);
    return -1;
  }
  size_t n = strlen(origin);
  while (n && origin[n - 1] == '/')
    n--;
  cfg->origins[cfg->norigins++] = strndup(origin, n);
  return 0;
}

/* Host names the server answers for: the loopback names when it listens on
 * loopback, and the hosts of the configured origins. */
static bool host_allowed(const kts_config *cfg, const char *host) {
  static const char *const loopback[] = {"localhost", "127.0.0.1", "[::1]"};
  if (cfg->loopback)
    for (size_t i = 0; i < sizeof loopback / sizeof *loopback; i++)
      if (!strcmp(host, loopback[i])) return true;
  if (cfg->bind_host[0] && !strcasecmp(host, cfg->bind_host)) return true;
  for (size_t i = 0; i < cfg->norigins; i++) {
    char h[256];
    if (host_of(cfg->origins[i], true, h, sizeof h) && !strcmp(h, host)) return true;
  }
  return false;
}

bool kts_check_host(const kts_config *cfg, struct MHD_Connection *c) {
  if (!cfg->check_host) return true;
  const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
  char host[256];
  /* HTTP/1.0 without Host names no one else. */
  if (!h) return true;
  return host_of(h, false, host, sizeof host) && host_allowed(cfg, host);
}

bool kts_check_origin(const kts_config *cfg, struct MHD_Connection *c) {
  const char *o = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
  if (!o) {
    /* Browsers send Origin with every cross-site POST; a fetch metadata
     * header saying cross-site without one is refused too. */
    const char *site = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site");
    return !site || strcasecmp(site, "cross-site");
  }
  size_t n = strlen(o);
  for (size_t i = 0; i < cfg->norigins; i++)
    if (strlen(cfg->origins[i]) == n && !strncasecmp(cfg->origins[i], o, n)) return true;
  /* The page itself: same origin as the Host it was loaded from. */
  const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
  if (!h) return false;
  char oh[300], self[300];
  if (!host_of(o, true, oh, sizeof oh)) return false;
  const char *p = strstr(o, "://") + 3;
  snprintf(self, sizeof self, "%s", h);
  return !strcasecmp(p, self) && kts_check_host(cfg, c);
}

bool kts_check_token(const kts_config *cfg, struct MHD_Connection *c) {
  if (!cfg->ntokens) return true;
  const char *a = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
  if (!a || strncasecmp(a, "Bearer ", 7)) return false;
  const char *t = a + 7;
  size_t n = strlen(t);
  bool ok = false;
  /* Compare with every token, all bytes, whatever matches first. */
  for (size_t i = 0; i < cfg->ntokens; i++) {
    const char *k = cfg->tokens[i];
    size_t kn = strlen(k);
    unsigned char diff = (unsigned char)(kn != n);
    for (size_t j = 0; j < kn; j++)
      diff |= (unsigned char)(k[j] ^ (j < n ? t[j] : 0));
    ok |= diff == 0;
  }
  return ok;
}

bool kts_check_json(struct MHD_Connection *c) {
  const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
  if (!ct || strncasecmp(ct, "application/json", 16)) return false;
  return ct[16] == '\0' || ct[16] == ';' || ct[16] == ' ';
}

/* ---- per-client rate limit of feedback writes ------------------------------ */

#define RATE_SLOTS 1024

typedef struct rate_slot {
  unsigned char addr[16];
  double tokens, stamp;
  bool used;
} rate_slot;

static rate_slot rate_table[RATE_SLOTS];
static pthread_mutex_t rate_lock = PTHREAD_MUTEX_INITIALIZER;

/* The client's address as 16 bytes (IPv4 mapped into IPv6). */
static void client_addr(struct MHD_Connection *c, unsigned char out[16]) {
  memset(out, 0, 16);
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (!ci || !ci->client_addr) return;
  const struct sockaddr *sa = ci->client_addr;
  if (sa->sa_family == AF_INET) {
    out[10] = out[11] = 0xff;
    memcpy(out + 12, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
  } else if (sa->sa_family == AF_INET6) {
    memcpy(out, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, 16);
  }
}

double kts_rate_take(const kts_config *cfg, struct MHD_Connection *c) {
  if (!cfg->feedback_rate) return 0;
  unsigned char a[16];
  client_addr(c, a);
  double now = kts_now(), per_s = cfg->feedback_rate / 60.0, wait = 0;
  pthread_mutex_lock(&rate_lock);
  size_t h = 0;
  for (int i = 0; i < 16; i++)
    h = h * 131 + a[i];
  /* Open addressing over a few slots; the stalest one is reused. */
  rate_slot *s = NULL, *oldest = NULL;
  for (size_t k = 0; k < 8; k++) {
    rate_slot *x = &rate_table[(h + k) % RATE_SLOTS];
    if (x->used && !memcmp(x->addr, a, 16)) {
      s = x;
      break;
    }
    if (!oldest || !x->used || x->stamp < oldest->stamp) oldest = x;
  }
  if (!s) {
    s = oldest;
    *s = (rate_slot){.tokens = cfg->feedback_rate, .stamp = now, .used = true};
    memcpy(s->addr, a, 16);
  }
  s->tokens += (now - s->stamp) * per_s;
  if (s->tokens > cfg->feedback_rate) s->tokens = cfg->feedback_rate;
  s->stamp = now;
  if (s->tokens >= 1)
    s->tokens -= 1;
  else
    wait = (1 - s->tokens) / per_s;
  pthread_mutex_unlock(&rate_lock);
  return wait;
}

/* ---- connections: the watchdog ---------------------------------------------- */

struct kts_conn {
  int fd;
  double since;    /* when it began to wait for its (next) request */
  double deadline; /* the next request must be complete by then (0: none) */
  bool busy;       /* a request is being answered */
  bool served;     /* answered one already (an idle keep-alive connection) */
  bool cut;        /* shut down by the watchdog */
  kts_conn *prev, *next;
};

static struct {
  pthread_mutex_t lock;
  kts_conn *head;
  size_t count; /* connections open */
  size_t busy;  /* of them, with a request being answered */
  pthread_t thread;
  bool running, stop;
  pthread_cond_t wake;
  const kts_config *cfg;
} W = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, 0, false, false, PTHREAD_COND_INITIALIZER, NULL};

/* Seconds a connection may take to send its request before, on a full
 * server, it gives its place to others. */
#define SLOW_GRACE 1.0

static void cut(kts_conn *k) {
  if (k->cut) return;
  k->cut = true;
  shutdown(k->fd, SHUT_RDWR); /* libmicrohttpd sees the end and closes it */
}

static void *watchdog(void *arg) {
  (void)arg;
  pthread_mutex_lock(&W.lock);
  while (!W.stop) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 200 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) {
      ts.tv_sec++;
      ts.tv_nsec -= 1000000000;
    }
    pthread_cond_timedwait(&W.wake, &W.lock, &ts);
    double now = kts_now();
    size_t live = 0;
    kts_conn *tail = NULL;
    for (kts_conn *k = W.head; k; k = k->next) {
      live += !k->cut;
      tail = k;
    }
    for (kts_conn *k = W.head; k; k = k->next) {
      if (k->cut || k->busy) continue;
      if (k->deadline && now >= k->deadline) {
        cut(k);
        live--;
      } else if (k->served && live >= W.cfg->max_connections) {
        /* Full: idle keep-alive connections make room for new clients. */
        cut(k);
        live--;
      }
    }
    /* Still full: connections that have been sending their request for
     * over a second (a real client sends it at once), oldest first, so
     * slow clients cannot hold every place until their timeout. */
    for (kts_conn *k = tail; k && live >= W.cfg->max_connections; k = k->prev) {
      if (k->cut || k->busy || now - k->since < SLOW_GRACE) continue;
      cut(k);
      live--;
    }
  }
  pthread_mutex_unlock(&W.lock);
  return NULL;
}

int kts_watchdog_start(const kts_config *cfg) {
  W.cfg = cfg;
  W.stop = false;
  if (pthread_create(&W.thread, NULL, watchdog, NULL)) return -1;
  W.running = true;
  return 0;
}

void kts_watchdog_stop(void) {
  if (!W.running) return;
  pthread_mutex_lock(&W.lock);
  W.stop = true;
  pthread_cond_signal(&W.wake);
  pthread_mutex_unlock(&W.lock);
  pthread_join(W.thread, NULL);
  W.running = false;
}

enum MHD_Result kts_accept_policy(void *cls, const struct sockaddr *addr, socklen_t len) {
  (void)addr;
  (void)len;
  const kts_config *cfg = cls;
  pthread_mutex_lock(&W.lock);
  size_t n = W.count;
  pthread_mutex_unlock(&W.lock);
  /* Past the limit and its reserve (whose requests get a 503), a
   * connection is closed at once: never left waiting in a queue. */
  return n >= cfg->max_connections + cfg->reserve_connections ? MHD_NO : MHD_YES;
}

void kts_on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                       enum MHD_ConnectionNotificationCode toe) {
  const kts_config *cfg = cls;
  if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
    kts_conn *k = calloc(1, sizeof *k);
    if (!k) return;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    k->fd = ci ? ci->connect_fd : -1;
    pthread_mutex_lock(&W.lock);
    k->since = kts_now();
    k->deadline = cfg->request_timeout > 0 ? k->since + cfg->request_timeout : 0;
    k->next = W.head;
    if (W.head) W.head->prev = k;
    W.head = k;
    W.count++;
    pthread_mutex_unlock(&W.lock);
    *socket_context = k;
  } else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
    kts_conn *k = *socket_context;
    if (!k) return;
    /* Called before libmicrohttpd closes the socket: the watchdog never
     * touches a closed (and perhaps reused) descriptor. */
    pthread_mutex_lock(&W.lock);
    if (k->prev)
      k->prev->next = k->next;
    else
      W.head = k->next;
    if (k->next) k->next->prev = k->prev;
    W.count--;
    if (k->busy) W.busy--;
    pthread_mutex_unlock(&W.lock);
    free(k);
    *socket_context = NULL;
  }
}

static kts_conn *conn_of(struct MHD_Connection *c) {
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  return ci ? ci->socket_context : NULL;
}

bool kts_conn_over(const kts_config *cfg, struct MHD_Connection *c) {
  if (!conn_of(c)) return false; /* not watched (a daemon without the callbacks) */
  pthread_mutex_lock(&W.lock);
  bool over = W.busy >= cfg->max_connections;
  pthread_mutex_unlock(&W.lock);
  return over;
}

void kts_conn_begin(struct MHD_Connection *c) {
  kts_conn *k = conn_of(c);
  if (!k) return;
  pthread_mutex_lock(&W.lock);
  if (!k->busy) W.busy++;
  k->busy = true;
  pthread_mutex_unlock(&W.lock);
}

void kts_conn_end(const kts_config *cfg, struct MHD_Connection *c) {
  kts_conn *k = conn_of(c);
  if (!k) return;
  pthread_mutex_lock(&W.lock);
  if (k->busy) W.busy--;
  k->busy = false;
  k->served = true;
  k->since = kts_now();
  k->deadline = cfg->request_timeout > 0 ? k->since + cfg->request_timeout : 0;
  pthread_mutex_unlock(&W.lock);
}
