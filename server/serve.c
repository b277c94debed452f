/*
 * serve.c — `kohtaanto serve`: parses the options, checks the index, runs
 * libmicrohttpd with a thread pool (one engine per pool thread, see
 * worker.c) until SIGINT or SIGTERM, collects request bodies up to a cap
 * and writes the access log. The log has method, path, status, duration
 * and sizes only: never a query string or a body, so never a need text.
 */
#define _GNU_SOURCE
#include "server.h"
#include "server_internal.h"

#include <arpa/inet.h>
#include <getopt.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_USAGE = 2, EXIT_NOINDEX = 4, EXIT_FAIL = 6 };

#if defined(__SANITIZE_ADDRESS__)
/* The sanitizer build only: libxapian 1.4's Database::check(), which the
 * index checks run, deletes a table checker through its base class, and
 * AddressSanitizer reports it as new-delete-type-mismatch (see
 * engine/xapian_shim.cc). ASan looks for this in the executable, and every
 * executable that links this file (the `kohtaanto` command, the HTTP fuzz
 * target) uses the engine through the shared library. */
const char *__asan_default_options(void);
__attribute__((used)) const char *__asan_default_options(void) {
  return "new_delete_type_mismatch=0";
}
#endif

static void usage(FILE *f) {
  fputs("usage: kohtaanto serve [options]\n"
        "\n"
        "Serve the HTTP JSON API (/api/...) and the counsellor's search page (/).\n"
        "\n"
        "  --index DIR            index root (default: as for `kohtaanto search`)\n"
        "  --bind ADDR            address to listen on (default 127.0.0.1)\n"
        "  --port N               port (default 8080; 0 picks a free one)\n"
        "  --threads N            worker threads, each with its own engine\n"
        "                         (default: one per CPU)\n"
        "  --max-connections N    requests answered at once (default 256; more get 503);\n"
        "                         with that many connections open, idle and slow ones\n"
        "                         are closed, and past a quarter more new ones at once\n"
        "  --max-connections-per-client N\n"
        "                         connections from one client address (default 32;\n"
        "                         0: no limit, e.g. behind a reverse proxy)\n"
        "  --timeout SECONDS      close connections idle this long (default 30)\n"
        "  --request-timeout SECONDS\n"
        "                         time a client has to send a whole request, however\n"
        "                         slowly it trickles in (default 20)\n"
        "  --refresh SECONDS      how often workers look for a new index (default 1)\n"
        "  --access-log           log one line per request on stderr: method, path,\n"
        "                         status, duration, sizes (never query strings or bodies)\n"
        "  --feedback DIR         counsellors' feedback store (default: as for\n"
        "                         `kohtaanto feedback`); POST /api/feedback writes to it\n"
        "  --no-feedback          no feedback store: ranking ignores feedback and\n"
        "                         POST /api/feedback answers 503\n"
        "  --token-file FILE      bearer tokens (one per line, at least 16 characters)\n"
        "                         that POST /api/feedback and GET /api/feedback/stats\n"
        "                         require (Authorization: Bearer TOKEN)\n"
        "  --origin URL           a web origin (https://host[:port]) allowed to call the\n"
        "                         API besides the page itself; its host is accepted in\n"
        "                         Host headers (repeat for more)\n"
        "  --feedback-rate N      feedback writes per minute per client address\n"
        "                         (default 30; 0: no limit)\n"
        "  --expire-every SECONDS how often feedback past its retention is deleted\n"
        "                         (default 3600)\n"
        "\n"
        "The first line on stderr says where it listens:\n"
        "  kohtaanto serve: listening on http://127.0.0.1:8080/ ...\n"
        "SIGINT or SIGTERM stops it. See docs/api.md.\n",
        f);
}

static bool parse_num(const char *s, long lo, long hi, long *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < lo || v > hi) return false;
  *out = v;
  return true;
}

/* ---- requests ------------------------------------------------------------ */

/* Called by libmicrohttpd with the request line, before it parses the
 * query string; what it returns becomes the request's context. libmicrohttpd
 * 0.9.75 stores every query parameter in the connection's memory pool first
 * and, when the pool runs out (about 10 000 parameters), closes the
 * connection without an answer. So the parameters are counted here and, over
 * KTS_MAX_PARAMS, the query string is cut in libmicrohttpd's own buffer (the
 * URI is not used after this call except through its parsed parts) and the
 * request is answered 413. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c) {
  (void)cls;
  (void)c;
  kts_request *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->t0 = kts_now();
  const char *q = strchr(uri, '?');
  if (q) {
    r->params = 1;
    for (const char *p = q + 1; *p; p++)
      r->params += *p == '&';
    if (r->params > KTS_MAX_PARAMS) ((char *)q)[1] = '\0';
  }
  return r;
}

/* Content-Length headers that disagree, and how many Host headers (either
 * would let a front proxy and this server read different requests). */
typedef struct cl_count {
  const char *first;
  bool conflict;
  unsigned hosts;
} cl_count;

static enum MHD_Result count_length(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value) {
  (void)kind;
  cl_count *n = cls;
  if (!strcasecmp(key, MHD_HTTP_HEADER_HOST)) n->hosts++;
  if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH)) return MHD_YES;
  if (!n->first)
    n->first = value ? value : "";
  else if (strcmp(n->first, value ? value : ""))
    n->conflict = true;
  return MHD_YES;
}

/* Refusals decided from the request line and headers alone, before any
 * body is read: 0 if none. */
static unsigned early_refusal(struct MHD_Connection *c, kts_request *r, const kts_config *cfg,
                              const char **code, char *msg, size_t size) {
  cl_count n = {NULL, false, 0};
  MHD_get_connection_values(c, MHD_HEADER_KIND, count_length, &n);
  if (kts_conn_over(cfg, c)) {
    *code = "busy";
    snprintf(msg, size, "the server is answering %u requests, its limit; try again shortly",
             cfg->max_connections);
    return MHD_HTTP_SERVICE_UNAVAILABLE;
  }
  if (r->params > KTS_MAX_PARAMS) {
    *code = "too_large";
    snprintf(msg, size, "the request has %zu query parameters; the limit is %d", r->params,
             KTS_MAX_PARAMS);
    return MHD_HTTP_CONTENT_TOO_LARGE;
  }
  if (n.conflict || n.hosts > 1) {
    *code = "bad_request";
    snprintf(msg, size, "the request has %s",
             n.conflict ? "Content-Length headers with different values"
                        : "more than one Host header");
    return MHD_HTTP_BAD_REQUEST;
  }
  if (!kts_check_host(cfg, c)) {
    *code = "unknown_host";
    snprintf(msg, size, "this server does not answer for that Host (see `serve --origin`)");
    return MHD_HTTP_MISDIRECTED_REQUEST;
  }
  if (n.first && strtoull(n.first, NULL, 10) > KTS_BODY_CAP) {
    r->too_big = true;
    *code = "too_large";
    snprintf(msg, size, "the request body is over %d bytes", KTS_BODY_CAP);
    return MHD_HTTP_CONTENT_TOO_LARGE;
  }
  return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls) {
  (void)version;
  const kts_config *cfg = cls;
  kts_request *r = *con_cls;
  if (!r) {
    /* Not made by on_uri (out of memory there, or a daemon without it). */
    if (!(r = calloc(1, sizeof *r))) return MHD_NO;
    *con_cls = r;
    r->t0 = kts_now();
  }
  if (!r->started) {
    r->started = true;
    snprintf(r->method, sizeof r->method, "%s", method);
    kts_log_path(url, r->log_path, sizeof r->log_path);
    const char *code = NULL;
    char msg[200];
    unsigned status = early_refusal(c, r, cfg, &code, msg, sizeof msg);
    if (status) {
      kts_conn_begin(c);
      return kts_reply_error(c, r, status, code, "%s", msg);
    }
    return MHD_YES;
  }
  if (*upload_data_size) {
    size_t n = *upload_data_size;
    *upload_data_size = 0;
    r->in_bytes += n;
    if (r->too_big || r->len + n > KTS_BODY_CAP) {
      r->too_big = true; /* read and drop the rest, then answer 413 */
      return MHD_YES;
    }
    if (r->len + n + 1 > r->size) {
      size_t size = r->size ? r->size : 4096;
      while (size < r->len + n + 1)
        size *= 2;
      char *b = realloc(r->body, size);
      if (!b) return MHD_NO;
      r->body = b;
      r->size = size;
    }
    memcpy(r->body + r->len, upload_data, n);
    r->len += n;
    r->body[r->len] = '\0';
    return MHD_YES;
  }
  if (r->status) return MHD_YES; /* answered already (an early refusal) */
  kts_conn_begin(c);
  return kts_route(c, r, cfg, url, method);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
  const kts_config *cfg = cls;
  kts_request *r = *con_cls;
  kts_conn_end(cfg, c);
  if (!r) return;
  *con_cls = NULL;
  if (cfg->access_log && r->started) {
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    fprintf(stderr, "%s %s %s %u %.2fms in=%zu out=%zu%s\n", when, r->method, r->log_path,
            r->status, (kts_now() - r->t0) * 1000.0, r->in_bytes, r->out_bytes,
            toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
  }
  if (r->body) {
    explicit_bzero(r->body, r->len);
    free(r->body);
  }
  free(r);
}

/* libmicrohttpd's own messages are printed without their arguments: a few
 * of them can quote parts of a request, and the log must never hold any. */
static void on_mhd_log(void *cls, const char *fmt, va_list ap) {
  (void)cls;
  (void)ap;
  size_t n = strlen(fmt);
  fprintf(stderr, "kohtaanto serve: http: %.*s\n", (int)(n && fmt[n - 1] == '\n' ? n - 1 : n), fmt);
}

/* ---- a daemon without a listening socket (the HTTP fuzz target) ----------- */

struct MHD_Daemon *kts_start_unlistened(kts_config *cfg) {
  if (kts_worker_init()) return NULL;
  signal(SIGPIPE, SIG_IGN);
  return MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC | MHD_USE_ERROR_LOG,
      0, NULL, NULL, on_request, cfg, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)5, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
      (size_t)(512 * 1024), MHD_OPTION_URI_LOG_CALLBACK, on_uri, cfg, MHD_OPTION_NOTIFY_COMPLETED,
      on_completed, cfg, MHD_OPTION_END);
}

/* ---- the command ----------------------------------------------------------- */

int kt_serve_main(int argc, char **argv, const char *default_index, const char *default_feedback) {
  kts_config cfg = {.index_dir = default_index, .refresh_interval = 1.0, .feedback_rate = 30};
  const char *feedback_dir = default_feedback;
  const char *bind = "127.0.0.1";
  long port = 8080, threads = sysconf(_SC_NPROCESSORS_ONLN), maxconn = 256, timeout = 30;
  long per_client = 32, request_timeout = 20, rate = 30, expire_every = 3600;
  const char *token_file = NULL;
  char err[512];
  if (threads < 1) threads = 1;
  if (threads > 64) threads = 64;
  enum {
    O_INDEX = 1,
    O_BIND,
    O_PORT,
    O_THREADS,
    O_MAXCONN,
    O_TIMEOUT,
    O_REFRESH,
    O_LOG,
    O_HELP,
    O_FEEDBACK,
    O_NOFEEDBACK,
    O_PERCLIENT,
    O_REQTIMEOUT,
    O_TOKENS,
    O_ORIGIN,
    O_RATE,
    O_EXPIRE
  };
  static const struct option opts[] = {
      {"index", required_argument, NULL, O_INDEX},
      {"bind", required_argument, NULL, O_BIND},
      {"port", required_argument, NULL, O_PORT},
      {"threads", required_argument, NULL, O_THREADS},
      {"max-connections", required_argument, NULL, O_MAXCONN},
      {"timeout", required_argument, NULL, O_TIMEOUT},
      {"refresh", required_argument, NULL, O_REFRESH},
      {"access-log", no_argument, NULL, O_LOG},
      {"help", no_argument, NULL, O_HELP},
      {"feedback", required_argument, NULL, O_FEEDBACK},
      {"no-feedback", no_argument, NULL, O_NOFEEDBACK},
      {"max-connections-per-client", required_argument, NULL, O_PERCLIENT},
      {"request-timeout", required_argument, NULL, O_REQTIMEOUT},
      {"token-file", required_argument, NULL, O_TOKENS},
      {"origin", required_argument, NULL, O_ORIGIN},
      {"feedback-rate", required_argument, NULL, O_RATE},
      {"expire-every", required_argument, NULL, O_EXPIRE},
      {NULL, 0, NULL, 0}};
  optind = 1;
  int ch;
  while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
    bool ok = true;
    switch (ch) {
    case O_INDEX: cfg.index_dir = optarg; break;
    case O_BIND: bind = optarg; break;
    case O_PORT: ok = parse_num(optarg, 0, 65535, &port); break;
    case O_THREADS: ok = parse_num(optarg, 1, 256, &threads); break;
    case O_MAXCONN: ok = parse_num(optarg, 1, 100000, &maxconn); break;
    case O_TIMEOUT: ok = parse_num(optarg, 1, 3600, &timeout); break;
    case O_REFRESH: {
      char *end;
      cfg.refresh_interval = strtod(optarg, &end);
      ok = *optarg && !*end && cfg.refresh_interval >= 0.05 && cfg.refresh_interval <= 3600;
      break;
    }
    case O_LOG: cfg.access_log = true; break;
    case O_FEEDBACK: feedback_dir = optarg; break;
    case O_NOFEEDBACK: feedback_dir = NULL; break;
    case O_PERCLIENT: ok = parse_num(optarg, 0, 100000, &per_client); break;
    case O_REQTIMEOUT: ok = parse_num(optarg, 1, 3600, &request_timeout); break;
    case O_TOKENS: token_file = optarg; break;
    case O_RATE: ok = parse_num(optarg, 0, 100000, &rate); break;
    case O_EXPIRE: ok = parse_num(optarg, 1, 86400 * 30, &expire_every); break;
    case O_ORIGIN:
      if (kts_add_origin(&cfg, optarg, err, sizeof err)) {
        fprintf(stderr, "kohtaanto serve: --origin: %s\n", err);
        return EXIT_USAGE;
      }
      break;
    case 'h':
    case O_HELP: usage(stdout); return 0;
    default: usage(stderr); return EXIT_USAGE;
    }
    if (!ok) {
      fprintf(stderr, "kohtaanto serve: invalid value '%s' for --%s\n", optarg, opts[ch - 1].name);
      return EXIT_USAGE;
    }
  }
  if (optind < argc) {
    fprintf(stderr, "kohtaanto serve: unexpected argument '%s'\n", argv[optind]);
    usage(stderr);
    return EXIT_USAGE;
  }
  if (maxconn < threads) maxconn = threads;
  if (token_file && kts_load_tokens(&cfg, token_file, err, sizeof err)) {
    fprintf(stderr, "kohtaanto serve: --token-file: %s\n", err);
    return EXIT_USAGE;
  }
  cfg.feedback_rate = (unsigned)rate;
  cfg.max_connections = (unsigned)maxconn;
  cfg.reserve_connections = (unsigned)(maxconn / 4 + 2);
  cfg.request_timeout = (double)request_timeout;

  /* Fail now, not on the first request, if there is no usable index: its
   * checksums and Xapian's check too, since workers trust what they open. */
  kt_engine *e;
  int rc = kt_index_verify(cfg.index_dir);
  if (!rc) rc = kt_engine_open(&e, cfg.index_dir);
  if (rc) {
    fprintf(stderr, "kohtaanto serve: cannot open the index at %s: %s: %s\n", cfg.index_dir,
            kt_strerror(rc), kt_error_last());
    if (rc == KT_ENOINDEX)
      fprintf(stderr, "kohtaanto serve: build it with `kohtaanto index --index %s`\n",
              cfg.index_dir);
    return rc == KT_ENOINDEX ? EXIT_NOINDEX : EXIT_FAIL;
  }
  kt_index_info info;
  kt_engine_info(e, &info);
  char generation[128];
  snprintf(generation, sizeof generation, "%s", info.generation ? info.generation : "?");
  static kts_verified verified = {.lock = PTHREAD_MUTEX_INITIALIZER};
  cfg.verified = &verified;
  kts_verified_set(&cfg, info.generation);
  size_t services = info.services;
  kt_engine_close(e);
  if (feedback_dir && (rc = kt_feedback_open(&cfg.feedback, feedback_dir, 0)) == KT_OK)
    rc = kt_feedback_expire(cfg.feedback, KT_FEEDBACK_RETENTION_DAYS, NULL);
  if (feedback_dir && rc) {
    fprintf(stderr, "kohtaanto serve: cannot open the feedback store %s: %s: %s\n", feedback_dir,
            kt_strerror(rc), kt_error_last());
    kt_feedback_close(cfg.feedback);
    return EXIT_FAIL;
  }

  char portstr[16];
  snprintf(portstr, sizeof portstr, "%ld", port);
  struct addrinfo hints = {.ai_flags = AI_PASSIVE | AI_NUMERICSERV, .ai_socktype = SOCK_STREAM};
  struct addrinfo *ai = NULL;
  int gai = getaddrinfo(bind, portstr, &hints, &ai);
  if (gai) {
    fprintf(stderr, "kohtaanto serve: cannot use address '%s': %s\n", bind, gai_strerror(gai));
    return EXIT_USAGE;
  }

  /* Workers inherit this mask; the main thread takes the signals. */
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, NULL);
  signal(SIGPIPE, SIG_IGN);

  /* Host names it answers for: loopback's when it listens there, the
   * --bind address, and the hosts of --origin. */
  if (ai->ai_family == AF_INET)
    cfg.loopback = (ntohl(((struct sockaddr_in *)ai->ai_addr)->sin_addr.s_addr) >> 24) == 127;
  else if (ai->ai_family == AF_INET6)
    cfg.loopback = IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr);
  bool wildcard = !strcmp(bind, "0.0.0.0") || !strcmp(bind, "::") || !strcmp(bind, "[::]");
  if (!wildcard) snprintf(cfg.bind_host, sizeof cfg.bind_host, "%s", bind);
  cfg.check_host = cfg.loopback || cfg.norigins > 0;

  if (kts_worker_init() || kts_watchdog_start(&cfg)) {
    freeaddrinfo(ai);
    fprintf(stderr, "kohtaanto serve: cannot create thread-local storage\n");
    return EXIT_FAIL;
  }
  unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
  if (ai->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
  struct MHD_Daemon *d = MHD_start_daemon(
      flags, (uint16_t)port, kts_accept_policy, &cfg, on_request, &cfg, MHD_OPTION_EXTERNAL_LOGGER,
      on_mhd_log, NULL, MHD_OPTION_SOCK_ADDR, ai->ai_addr, MHD_OPTION_THREAD_POOL_SIZE,
      (unsigned)(threads > 1 ? threads : 0),
      /* libmicrohttpd 0.9.75 stops accepting at its connection limit and, with
       * a thread pool, resumes only when a connection of the same worker
       * closes: a burst then waited in the listen queue until idle
       * connections timed out (24-30 s). Its limit is set beyond ours, and
       * ours is kept by the accept policy (closes at once), 503 answers
       * and the watchdog (frees idle keep-alive connections). */
      MHD_OPTION_CONNECTION_LIMIT, (unsigned)(cfg.max_connections + cfg.reserve_connections + 64),
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)per_client, MHD_OPTION_NOTIFY_CONNECTION,
      kts_on_connection, &cfg, MHD_OPTION_URI_LOG_CALLBACK, on_uri, &cfg,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)timeout,
      /* Room for a need text of KT_MAX_QUERY_BYTES percent-encoded in a
       * GET /api/search URL, so that even that gets a JSON answer. */
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(512 * 1024), MHD_OPTION_NOTIFY_COMPLETED,
      on_completed, &cfg, MHD_OPTION_END);
  char host[INET6_ADDRSTRLEN + 2];
  if (ai->ai_family == AF_INET6) {
    char a[INET6_ADDRSTRLEN];
    inet_ntop(AF_INET6, &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr, a, sizeof a);
    snprintf(host, sizeof host, "[%s]", a);
  } else {
    inet_ntop(AF_INET, &((struct sockaddr_in *)ai->ai_addr)->sin_addr, host, sizeof host);
  }
  freeaddrinfo(ai);
  if (!d) {
    kts_watchdog_stop();
    fprintf(stderr, "kohtaanto serve: cannot listen on %s port %ld (in use, or not allowed)\n",
            host, port);
    return EXIT_FAIL;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  fprintf(stderr,
          "kohtaanto serve: listening on http://%s:%u/ (index %s, generation %s, %zu services, "
          "%ld threads, at most %ld connections)\n",
          host, di ? (unsigned)di->port : (unsigned)port, cfg.index_dir, generation, services,
          threads, maxconn);
  fflush(stderr);

  /* Expired feedback is deleted every --expire-every seconds (hourly), not
   * only when a server starts. */
  int sig = 0;
  for (;;) {
    struct timespec every = {(time_t)expire_every, 0};
    sig = sigtimedwait(&sigs, NULL, &every);
    if (sig > 0) break;
    size_t removed = 0;
    if (cfg.feedback && kt_feedback_expire(cfg.feedback, KT_FEEDBACK_RETENTION_DAYS, &removed))
      fprintf(stderr, "kohtaanto serve: feedback expiry failed: %s\n", kt_error_last());
    else if (removed)
      fprintf(stderr, "kohtaanto serve: %zu feedback events past %d days deleted\n", removed,
              KT_FEEDBACK_RETENTION_DAYS);
  }
  fprintf(stderr, "kohtaanto serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
  MHD_stop_daemon(d); /* joins the workers; their engines close with them */
  kts_watchdog_stop();
  kt_feedback_close(cfg.feedback);
  for (size_t i = 0; i < cfg.ntokens; i++) {
    explicit_bzero(cfg.tokens[i], strlen(cfg.tokens[i]));
    free(cfg.tokens[i]);
  }
  for (size_t i = 0; i < cfg.norigins; i++)
    free(cfg.origins[i]);
  return 0;
}
