/*
 * server_internal.h — declarations shared by the server's parts (serve.c,
 * worker.c, api.c, reply.c and the generated page.c). Not installed.
 */
#ifndef KT_SERVER_INTERNAL_H
#define KT_SERVER_INTERNAL_H

#include <kohtaanto.h>

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>

/* Largest request body accepted: a need text of KT_MAX_QUERY_BYTES with
 * every byte written as a \u escape, and room for the rest of the request. */
#define KTS_BODY_CAP (512 * 1024)
/* Values in one filter of a request. */
#define KTS_MAX_FILTER_VALUES 64
/* Longest filter value, in bytes. */
#define KTS_MAX_FILTER_BYTES 200
/* Results a search may ask for. */
#define KTS_MAX_LIMIT 100
/* Longest text GET/POST /api/suggest takes, in bytes (the library's limit). */
#define KTS_MAX_SUGGEST_BYTES 200

/* What every worker thread needs to know; read-only once serving. */
typedef struct kts_config {
  const char *index_dir;
  double refresh_interval; /* seconds between checks for a new index generation */
  bool access_log;         /* one line per request on stderr */
  kt_feedback *feedback;   /* counsellors' marks (shared by the workers), or NULL */
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
  bool too_big; /* body went over KTS_BODY_CAP; rest discarded */
} kts_request;

/* ---- serve.c ------------------------------------------------------------- */
/* Start the request handling of `kohtaanto serve` without a listening
 * socket: connections are handed in with MHD_add_connection() (the HTTP
 * fuzz target, tests/fuzz/fuzz_http.c). NULL on failure. */
struct MHD_Daemon *kts_start_unlistened(kts_config *cfg);

/* ---- worker.c: one engine per worker thread ---------------------------- */
typedef struct kts_worker {
  kt_engine *engine;
  double next_refresh; /* monotonic time of the next index check */
  json_t *facets;      /* "facets" of kt_services_json() for the open
                        * generation (known filter values), or NULL */
} kts_worker;

/* Call once before the daemon starts. */
int kts_worker_init(void);
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
