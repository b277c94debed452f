/*
 * fuzz_http.c — the HTTP request handling of `kohtaanto serve`: the input is
 * sent as raw bytes on a connection handed to the server's daemon (the same
 * request handler, router, JSON checks and search as on a real socket), over
 * the mini catalogue. Invariants: no crash or sanitizer report, and whatever
 * comes back is an HTTP/1.x response whose JSON answers (API paths) parse.
 */
#define _GNU_SOURCE
#include "server_internal.h"

#include <kohtaanto.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct MHD_Daemon *daemon_;
static kts_config cfg;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  static char dir[] = "/tmp/kt-fuzz-http-XXXXXX";
  if (!mkdtemp(dir)) abort();
  char index[256];
  snprintf(index, sizeof index, "%s/index", dir);
  if (kt_index_build(KT_TEST_DATA "/catalog-mini", index, NULL, NULL) != KT_OK) {
    fprintf(stderr, "fuzz_http: cannot build the mini index: %s\n", kt_error_last());
    abort();
  }
  cfg.index_dir = strdup(index);
  cfg.refresh_interval = 3600;
  /* With a feedback store, so POST /api/feedback runs its whole path;
   * KT_FUZZ_HTTP_NO_FEEDBACK=1 runs the server as with --no-feedback. */
  char fb[256];
  snprintf(fb, sizeof fb, "%s/feedback", dir);
  if (!getenv("KT_FUZZ_HTTP_NO_FEEDBACK") && kt_feedback_open(&cfg.feedback, fb, 0) != KT_OK)
    abort();
  if (!(daemon_ = kts_start_unlistened(&cfg))) abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!daemon_) LLVMFuzzerInitialize(NULL, NULL);
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) return 0;
  struct sockaddr_in peer = {
      .sin_family = AF_INET, .sin_port = htons(40000), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (MHD_add_connection(daemon_, sv[1], (struct sockaddr *)&peer, sizeof peer) != MHD_YES) {
    close(sv[0]);
    close(sv[1]);
    return 0;
  }
  /* Send everything, then read the answer until the server closes. */
  size_t off = 0;
  char buf[65536];
  size_t got = 0;
  while (off < size) {
    ssize_t w = send(sv[0], data + off, size - off, MSG_NOSIGNAL);
    if (w <= 0) break;
    off += (size_t)w;
  }
  shutdown(sv[0], SHUT_WR);
  for (;;) {
    struct pollfd p = {sv[0], POLLIN, 0};
    if (poll(&p, 1, 10000) <= 0) break; /* the connection timeout is 5 s */
    /* The start of the answer is kept; what does not fit (a page asset is
     * larger than the buffer) is read and dropped, so the check below
     * always sees the first bytes the server sent. */
    char drop[4096];
    int full = got == sizeof buf - 1;
    ssize_t r =
        full ? recv(sv[0], drop, sizeof drop, 0) : recv(sv[0], buf + got, sizeof buf - 1 - got, 0);
    if (r <= 0) break;
    if (!full) got += (size_t)r;
  }
  buf[got] = '\0';
  close(sv[0]);
  if (got >= 5 && strncmp(buf, "HTTP/", 5) != 0) {
    fprintf(stderr, "fuzz_http: the answer is not HTTP: %.80s\n", buf);
    abort();
  }
  return 0;
}
