/*
 * server_internal.h — declarations shared by the server's parts (serve.c,
 * worker.c, api.c, reply.c and the generated page.c). Not installed.
 */
#ifndef KT_SERVER_INTERNAL_H
#define KT_SERVER_INTERNAL_H

#include <kohtaanto.h>

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* Largest request body accepted: a need text of KT_MAX_QUERY_BYTES with
 * every byte written as a \u escape, and room for the rest of the request. */
#define KTS_BODY_CAP (512 * 1024)
/* Values in one filter of a request. */
#define KTS_MAX_FILTER_VALUES KT_MAX_FILTER_VALUES
/* Longest filter value, in bytes. */
#define KTS_MAX_FILTER_BYTES 200
/* Results a search may ask for. */
#define KTS_MAX_LIMIT 100
/* Longest text GET/POST /api/suggest takes, in bytes (the library's limit). */
#define KTS_MAX_SUGGEST_BYTES 200
/* Query parameters in one request (4 filters of KTS_MAX_FILTER_VALUES and
 * the search's own, with room to spare). */
#define KTS_MAX_PARAMS 300
/* Bearer tokens (--token-file): how many, and the shortest accepted. */
#define KTS_MAX_TOKENS 64
#define KTS_MIN_TOKEN_BYTES 16
/* Origins allowed besides the page's own (--origin). */
#define KTS_MAX_ORIGINS 16

/* The index generation the server last verified: at start, and at each
 * switch a worker made (kt_engine_refresh checks a generation fully before
 * it switches). A worker opening its engine for the first time starts from
 * it, so that it serves what the others serve even when `current` was
 * switched to a generation they refused. */
typedef struct kts_verified {
  pthread_mutex_t lock;
  char generation[128]; /* "" until known */
} kts_verified;

/* What every worker thread needs to know; read-only once serving (but the
 * verified generation, under its own lock). */
typedef struct kts_config {
  const char *index_dir;
  double refresh_interval; /* seconds between checks for a new index generation */
  bool access_log;         /* one line per request on stderr */
  kt_feedback *feedback;   /* counsellors' marks (shared by the workers), or NULL */
  /* Who may do what (guard.c). */
  char *tokens[KTS_MAX_TOKENS];   /* bearer tokens of feedback writes and statistics */
  size_t ntokens;                 /* 0: no token needed */
  char *origins[KTS_MAX_ORIGINS]; /* "https://host[:port]" allowed besides the page's own */
  size_t norigins;
  bool check_host;        /* refuse Host names the server does not answer for */
  bool loopback;          /* listening on loopback: its names are allowed hosts */
  char bind_host[64];     /* the --bind address as a Host name */
  unsigned feedback_rate; /* feedback writes per minute per client address (0: no limit) */
  /* Connections (guard.c's watchdog). */
  unsigned max_connections;     /* served at once */
  unsigned reserve_connections; /* more accepted only to be answered 503 */
  double request_timeout;       /* seconds a client has to send a whole request */
  kts_verified *verified;       /* may be NULL: workers then open `current` */
} kts_config;

/* A request in progress: MHD's per-request pointer. */
typedef struct kts_request {
  double t0; /* monotonic start time, seconds */
  char method[8];
  char log_path[96]; /* what the access log shows as the path */
  char *body;        /* request body so far (NUL-terminated) */
  size_t len, size;
  size_t in_bytes;  /* body bytes received, kept or not */
  size_t out_bytes; /* response body bytes */
  unsigned status;
  bool too_big;  /* body went over KTS_BODY_CAP; rest discarded */
  bool started;  /* the request's headers have been seen by on_request */
  size_t params; /* query parameters counted in the URI (over KTS_MAX_PARAMS: dropped) */
} kts_request;

/* ---- serve.c ------------------------------------------------------------- */
/* Start the request handling of `kohtaanto serve` without a listening
 * socket: connections are handed in with MHD_add_connection() (the HTTP
 * fuzz target, tests/fuzz/fuzz_http.c). NULL on failure. */
struct MHD_Daemon *kts_start_unlistened(kts_config *cfg);

/* ---- worker.c: one engine per worker thread ---------------------------- */
typedef struct kts_worker {
  kt_engine *engine;
  double next_refresh;    /* monotonic time of the next index check */
  json_t *facets;         /* "facets" of kt_services_json() for the open
                           * generation (known filter values), or NULL */
  char last_refusal[256]; /* the refresh failure last logged (logged once) */
} kts_worker;

/* Call once before the daemon starts. */
int kts_worker_init(void);
/* Record @p generation as the server's last verified one (no-op when
 * cfg->verified is NULL). */
void kts_verified_set(const kts_config *cfg, const char *generation);
/* The calling thread's worker, its engine opened on first use and switched
 * to a new index generation at most every refresh_interval seconds. Returns
 * a KT_* code (KT_ENOINDEX while there is no index). */
int kts_worker_get(const kts_config *cfg, kts_worker **out);
/* Known values of facet @p name ("category", ...) of the worker's index
 * generation, as the facets array of kt_services_json(); NULL on failure. */
const json_t *kts_worker_facet(kts_worker *w, const char *name);

/* ---- reply.c: responses ------------------------------------------------- */
/* Send @p body (NUL-terminated JSON of @p len bytes). @p free_fn releases
 * it once sent (e.g. free, kt_free), or NULL for static storage. */
enum MHD_Result kts_reply_json(struct MHD_Connection *c, kts_request *r, unsigned status,
                               char *body, size_t len, void (*free_fn)(void *));
/* Send {"error":{"code":@p code,"message":...}} with @p status. */
enum MHD_Result kts_reply_error(struct MHD_Connection *c, kts_request *r, unsigned status,
                                const char *code, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* 401 with WWW-Authenticate: Bearer. */
enum MHD_Result kts_reply_unauthorized(struct MHD_Connection *c, kts_request *r);
/* 429 with Retry-After (@p wait seconds). */
enum MHD_Result kts_reply_rate_limited(struct MHD_Connection *c, kts_request *r, double wait,
                                       unsigned per_minute);
/* 405 with an Allow header. */
enum MHD_Result kts_reply_method(struct MHD_Connection *c, kts_request *r, const char *allow);
struct kts_asset;
/* Send an embedded page asset. */
enum MHD_Result kts_reply_asset(struct MHD_Connection *c, kts_request *r,
                                const struct kts_asset *a);
/* HTTP status and error code for a library status code. */
unsigned kts_status_of(int kt_code, const char **code);

/* ---- api.c: routes ------------------------------------------------------ */
/* Answer a complete request. */
enum MHD_Result kts_route(struct MHD_Connection *c, kts_request *r, const kts_config *cfg,
                          const char *url, const char *method);

/* What the access log shows for @p url: the path if it is one the server
 * serves, "(other)" otherwise. */
void kts_log_path(const char *url, char *buf, size_t size);

/* ---- guard.c: origins, tokens, rate limit, the connection watchdog ---- */
/* Read bearer tokens, one per line ('#' comments); -1 with @p err set. */
int kts_load_tokens(kts_config *cfg, const char *path, char *err, size_t errsize);
/* Allow an origin ("https://host[:port]"); -1 with @p err set. */
int kts_add_origin(kts_config *cfg, const char *origin, char *err, size_t errsize);
/* Is the request's Host one the server answers for? */
bool kts_check_host(const kts_config *cfg, struct MHD_Connection *c);
/* Does the request come from the page itself or a configured origin (no
 * Origin header: not from a browser's cross-site request)? */
bool kts_check_origin(const kts_config *cfg, struct MHD_Connection *c);
/* Does the request carry one of the bearer tokens (or are none needed)? */
bool kts_check_token(const kts_config *cfg, struct MHD_Connection *c);
/* Is the request body declared as application/json? */
bool kts_check_json(struct MHD_Connection *c);
/* Take one feedback write from the client's allowance: 0 if allowed, else
 * the seconds until it would be. */
double kts_rate_take(const kts_config *cfg, struct MHD_Connection *c);
/* The watchdog thread: closes connections that have not sent a whole
 * request within request_timeout and, when max_connections are open, idle
 * keep-alive connections and then those slowest to send their request. */
int kts_watchdog_start(const kts_config *cfg);
void kts_watchdog_stop(void);
/* libmicrohttpd callbacks (cls is the kts_config). */
enum MHD_Result kts_accept_policy(void *cls, const struct sockaddr *addr, socklen_t len);
void kts_on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                       enum MHD_ConnectionNotificationCode toe);
typedef struct kts_conn kts_conn;
/* Are max_connections requests being answered already (answer 503)? */
bool kts_conn_over(const kts_config *cfg, struct MHD_Connection *c);
/* A request is complete and being answered: the watchdog leaves it alone. */
void kts_conn_begin(struct MHD_Connection *c);
/* Its answer is sent: the next request must be complete in request_timeout. */
void kts_conn_end(const kts_config *cfg, struct MHD_Connection *c);

/* ---- util ---------------------------------------------------------------- */
bool kts_utf8_valid(const char *s, size_t n);
double kts_now(void);

/* ---- page.c (generated from server/page/) ------------------------------ */
typedef struct kts_asset {
  const char *path; /* "/", "/app.js", ... */
  const char *content_type;
  const unsigned char *data;
  size_t len;
} kts_asset;
extern const kts_asset kts_assets[];
extern const size_t kts_asset_count;
/* The asset served at @p path, or NULL. */
const kts_asset *kts_asset_find(const char *path);

#endif
