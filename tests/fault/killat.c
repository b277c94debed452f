/*
 * killat.c — a fault injector for the fault tests (tests/unit/faults.c),
 * preloaded into `kohtaanto index` with LD_PRELOAD. It counts the file
 * operations that make a build durable and visible — rename, symlink,
 * unlink, rmdir, fsync, fdatasync, from Kohtaanto, Xapian and LMDB alike —
 * and at the Nth one kills (or stops) the process, before or after the
 * operation. So a test can stop a build at every step of writing a
 * generation and of switching `current` to it, deterministically.
 *
 *   KT_FAULT_AT=N                 act at the Nth operation (1-based); 0/unset: never
 *   KT_FAULT_WHEN=before|after    (default before)
 *   KT_FAULT_ACTION=kill|stop     SIGKILL (default), or SIGSTOP and go on when continued
 *   KT_FAULT_LOG=FILE             append "N op path" per operation
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static atomic_long counter;

/* Count one operation; act if it is the chosen one and @p after matches. */
static long step(const char *op, const char *path, long n, int after) {
  if (!after) {
    n = atomic_fetch_add(&counter, 1) + 1;
    const char *log = getenv("KT_FAULT_LOG");
    if (log && *log) {
      int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
      if (fd >= 0) {
        char line[1200];
        int k = snprintf(line, sizeof line, "%ld %s %s\n", n, op, path ? path : "-");
        if (write(fd, line, (size_t)(k < (int)sizeof line ? k : (int)sizeof line - 1)) < 0) {
        }
        close(fd);
      }
    }
  }
  const char *at = getenv("KT_FAULT_AT"), *when = getenv("KT_FAULT_WHEN");
  int want_after = when && !strcmp(when, "after");
  if (at && atol(at) == n && want_after == after) {
    const char *action = getenv("KT_FAULT_ACTION");
    raise(action && !strcmp(action, "stop") ? SIGSTOP : SIGKILL);
  }
  return n;
}

#define REAL(ret, name, ...)                                                                       \
  static ret (*real_##name)(__VA_ARGS__);                                                          \
  if (!real_##name) real_##name = (ret(*)(__VA_ARGS__))dlsym(RTLD_NEXT, #name)

static const char *fd_path(int fd, char *buf, size_t cap) {
  char link[64];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, buf, cap - 1);
  buf[n > 0 ? n : 0] = '\0';
  return buf;
}

int rename(const char *from, const char *to) {
  REAL(int, rename, const char *, const char *);
  long n = step("rename", to, 0, 0);
  int r = real_rename(from, to);
  step("rename", to, n, 1);
  return r;
}

int renameat(int a, const char *from, int b, const char *to) {
  REAL(int, renameat, int, const char *, int, const char *);
  long n = step("renameat", to, 0, 0);
  int r = real_renameat(a, from, b, to);
  step("renameat", to, n, 1);
  return r;
}

int symlink(const char *target, const char *path) {
  REAL(int, symlink, const char *, const char *);
  long n = step("symlink", path, 0, 0);
  int r = real_symlink(target, path);
  step("symlink", path, n, 1);
  return r;
}

int unlink(const char *path) {
  REAL(int, unlink, const char *);
  long n = step("unlink", path, 0, 0);
  int r = real_unlink(path);
  step("unlink", path, n, 1);
  return r;
}

int rmdir(const char *path) {
  REAL(int, rmdir, const char *);
  long n = step("rmdir", path, 0, 0);
  int r = real_rmdir(path);
  step("rmdir", path, n, 1);
  return r;
}

int fsync(int fd) {
  REAL(int, fsync, int);
  char p[1024];
  long n = step("fsync", fd_path(fd, p, sizeof p), 0, 0);
  int r = real_fsync(fd);
  step("fsync", p, n, 1);
  return r;
}

int fdatasync(int fd) {
  REAL(int, fdatasync, int);
  char p[1024];
  long n = step("fdatasync", fd_path(fd, p, sizeof p), 0, 0);
  int r = real_fdatasync(fd);
  step("fdatasync", p, n, 1);
  return r;
}
