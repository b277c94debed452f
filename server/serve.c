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
#include <time.h>
#include <unistd.h>

enum { EXIT_USAGE = 2, EXIT_NOINDEX = 4, EXIT_FAIL = 6 };

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
        "  --max-connections N    open connections at most (default 256)\n"
        "  --timeout SECONDS      close connections idle this long (default 30)\n"
        "  --refresh SECONDS      how often workers look for a new index (default 1)\n"
        "  --access-log           log one line per request on stderr: method, path,\n"
        "                         status, duration, sizes (never query strings or bodies)\n"
        "  --feedback DIR         counsellors' feedback store (default: as for\n"
        "                         `kohtaanto feedback`); POST /api/feedback writes to it\n"
        "  --no-feedback          no feedback store: ranking ignores feedback and\n"
        "                         POST /api/feedback answers 503\n"
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

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls) {
  (void)version;
  const kts_config *cfg = cls;
  kts_request *r = *con_cls;
  if (!r) {
    if (!(r = calloc(1, sizeof *r))) return MHD_NO;
    *con_cls = r;
    r->t0 = kts_now();
    snprintf(r->method, sizeof r->method, "%s", method);
    kts_log_path(url, r->log_path, sizeof r->log_path);
    /* Refuse an announced oversize body before reading any of it. */
    const char *cl =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (cl && strtoull(cl, NULL, 10) > KTS_BODY_CAP) {
      r->too_big = true;
      return kts_route(c, r, cfg, url, method);
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
  if (r->status) return MHD_YES; /* answered already (early 413) */
  return kts_route(c, r, cfg, url, method);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
  (void)c;
  const kts_config *cfg = cls;
  kts_request *r = *con_cls;
  if (!r) return;
  *con_cls = NULL;
  if (cfg->access_log) {
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
  return MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_NO_LISTEN_SOCKET |
                              MHD_USE_ITC | MHD_USE_ERROR_LOG,
                          0, NULL, NULL, on_request, cfg, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log,
                          NULL, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)5,
                          MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(512 * 1024),
                          MHD_OPTION_NOTIFY_COMPLETED, on_completed, cfg, MHD_OPTION_END);
}

/* ---- the command ----------------------------------------------------------- */

int kt_serve_main(int argc, char **argv, const char *default_index,
                  const char *default_feedback) {
  kts_config cfg = {default_index, 1.0, false, NULL};
  const char *feedback_dir = default_feedback;
  const char *bind = "127.0.0.1";
  long port = 8080, threads = sysconf(_SC_NPROCESSORS_ONLN), maxconn = 256, timeout = 30;
  if (threads < 1) threads = 1;
  if (threads > 64) threads = 64;
  enum { O_INDEX = 1, O_BIND, O_PORT, O_THREADS, O_MAXCONN, O_TIMEOUT, O_REFRESH, O_LOG, O_HELP,
         O_FEEDBACK, O_NOFEEDBACK };
  static const struct option opts[] = {{"index", required_argument, NULL, O_INDEX},
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

  /* Fail now, not on the first request, if there is no usable index. */
  kt_engine *e;
  int rc = kt_engine_open(&e, cfg.index_dir);
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
  size_t services = info.services;
  kt_engine_close(e);
  if (feedback_dir && (rc = kt_feedback_open(&cfg.feedback, feedback_dir, 0))) {
    fprintf(stderr, "kohtaanto serve: cannot open the feedback store %s: %s: %s\n", feedback_dir,
            kt_strerror(rc), kt_error_last());
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

  if (kts_worker_init()) {
    freeaddrinfo(ai);
    fprintf(stderr, "kohtaanto serve: cannot create thread-local storage\n");
    return EXIT_FAIL;
  }
  unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
  if (ai->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
  struct MHD_Daemon *d = MHD_start_daemon(
      flags, (uint16_t)port, NULL, NULL, on_request, &cfg, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log,
      NULL, MHD_OPTION_SOCK_ADDR, ai->ai_addr, MHD_OPTION_THREAD_POOL_SIZE,
      (unsigned)(threads > 1 ? threads : 0), MHD_OPTION_CONNECTION_LIMIT, (unsigned)maxconn,
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

  int sig = 0;
  sigwait(&sigs, &sig);
  fprintf(stderr, "kohtaanto serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
  MHD_stop_daemon(d); /* joins the workers; their engines close with them */
  kt_feedback_close(cfg.feedback);
  return 0;
}
