/*
 * harness.h — for the server tests: build an index with the `kohtaanto`
 * command, run `kohtaanto serve` on a free loopback port, and talk HTTP/1.1
 * to it over plain sockets (no client library), so malformed and oversize
 * requests can be sent as well as good ones.
 */
#ifndef KT_TEST_SERVER_HARNESS_H
#define KT_TEST_SERVER_HARNESS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct kth_server {
  pid_t pid;
  int port;
  char log[256]; /* the server's stderr */
} kth_server;

/* A new temporary directory (malloc'd path). */
char *kth_tmpdir(void);
/* Remove a directory tree. */
void kth_rm_rf(const char *path);
/* `kohtaanto index --catalog @p catalog --index @p index`; returns its exit code. */
int kth_index(const char *catalog, const char *index);
/* Start `kohtaanto serve --index @p index --port 0 @p extra`; waits until it
 * listens. Returns false if it did not start (the log says why). */
bool kth_start(kth_server *s, const char *index, const char *extra);
/* SIGTERM and wait; returns the exit status (-1 if killed by a signal). */
int kth_stop(kth_server *s);
/* The server's stderr so far (malloc'd). */
char *kth_log(const kth_server *s);
/* The server's stderr once @p needle occurs in it @p times times, or when
 * @p timeout_ms have passed (malloc'd either way; the caller asserts). For
 * lines written after a response was sent (the access log). */
char *kth_wait_log(const kth_server *s, const char *needle, int times, int timeout_ms);

typedef struct kth_resp {
  int status; /* 0 if no response came */
  char *head; /* status line and headers */
  char *body;
  size_t body_len;
} kth_resp;
void kth_resp_free(kth_resp *r);
/* Value of header @p name (case-insensitive) in a static buffer, or NULL. */
const char *kth_header(const kth_resp *r, const char *name);

/* Send @p raw bytes as they are and read the response until the server
 * closes the connection or @p timeout_ms passes. */
int kth_raw(int port, const char *raw, size_t len, kth_resp *out, int timeout_ms);
/* METHOD path with an optional body (Content-Length, JSON content type,
 * Connection: close). Returns the status, 0 on no response. */
int kth_call(int port, const char *method, const char *path, const char *body, size_t len,
             kth_resp *out);
/* kth_call and parse the body as JSON (NULL if it is not). */
json_t *kth_json(int port, const char *method, const char *path, const char *body, int *status);
/* Open a TCP connection to the server (fd), -1 on failure. */
int kth_connect(int port);

#endif
