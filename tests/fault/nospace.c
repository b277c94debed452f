/*
 * nospace.c — a full disk for the fault tests, without root and without a
 * file system of its own: preloaded with LD_PRELOAD, it makes every regular
 * file under KT_NOSPACE_DIR behave as on a disk with no free block left.
 *
 *   - a write (write, pwrite, writev, pwritev and their 64-bit forms) that
 *     would end past the file's current size fails with ENOSPC, writing
 *     nothing; a write inside the file succeeds (rewriting allocated bytes
 *     needs no new block on ext4, xfs or tmpfs — not so on copy-on-write
 *     file systems, which this does not model);
 *   - fallocate and posix_fallocate reaching past the file's end fail with
 *     ENOSPC (punching a hole, which frees blocks, works);
 *   - creating files and folders, renaming and removing work (a full disk
 *     usually still has inodes), but a new file cannot be written to.
 *
 * Writes through a shared writable mapping cannot be seen here; LMDB
 * writes its data file with pwrite/pwritev unless MDB_WRITEMAP is set,
 * which Kohtaanto does not set.
 *
 *   KT_NOSPACE_DIR=DIR   the full disk (a path prefix; unset or empty: no effect)
 *   KT_NOSPACE_LOG=FILE  append "op path offset length" for each refused write
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define REAL(ret, name, ...)                                                                       \
  static ret (*real_##name)(__VA_ARGS__);                                                          \
  if (!real_##name) real_##name = (ret(*)(__VA_ARGS__))dlsym(RTLD_NEXT, #name)

/* Is @p fd a regular file on the full disk? Its path goes to @p path. */
static int on_full_disk(int fd, char *path, size_t cap, off_t *size) {
  const char *dir = getenv("KT_NOSPACE_DIR");
  if (!dir || !*dir) return 0;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  char link[64];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, cap - 1);
  if (n <= 0) return 0;
  path[n] = '\0';
  size_t dl = strlen(dir);
  if (strncmp(path, dir, dl) || (path[dl] != '/' && path[dl] != '\0')) return 0;
  *size = st.st_size;
  return 1;
}

/* Would writing @p len bytes at @p off to @p fd need a new block? Logs and
 * sets errno if so. */
static int refused(const char *op, int fd, off_t off, size_t len) {
  char path[1024];
  off_t size = 0;
  if (!len || !on_full_disk(fd, path, sizeof path, &size)) return 0;
  if (off >= 0 && (off_t)(off + (off_t)len) <= size) return 0;
  const char *log = getenv("KT_NOSPACE_LOG");
  if (log && *log) {
    FILE *f = fopen(log, "a");
    if (f) {
      fprintf(f, "%s %s %lld %zu\n", op, path, (long long)off, len);
      fclose(f);
    }
  }
  errno = ENOSPC;
  return 1;
}

static size_t iov_len(const struct iovec *iov, int n) {
  size_t len = 0;
  for (int i = 0; i < n; i++)
    len += iov[i].iov_len;
  return len;
}

/* The position a write() or writev() would start at (the end with O_APPEND). */
static off_t position(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0 && (fl & O_APPEND)) {
    struct stat st;
    return fstat(fd, &st) == 0 ? st.st_size : -1;
  }
  return lseek(fd, 0, SEEK_CUR);
}

ssize_t write(int fd, const void *buf, size_t len) {
  REAL(ssize_t, write, int, const void *, size_t);
  if (refused("write", fd, position(fd), len)) return -1;
  return real_write(fd, buf, len);
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off) {
  REAL(ssize_t, pwrite, int, const void *, size_t, off_t);
  if (refused("pwrite", fd, off, len)) return -1;
  return real_pwrite(fd, buf, len, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t len, off64_t off) {
  REAL(ssize_t, pwrite64, int, const void *, size_t, off64_t);
  if (refused("pwrite64", fd, (off_t)off, len)) return -1;
  return real_pwrite64(fd, buf, len, off);
}

ssize_t writev(int fd, const struct iovec *iov, int n) {
  REAL(ssize_t, writev, int, const struct iovec *, int);
  if (refused("writev", fd, position(fd), iov_len(iov, n))) return -1;
  return real_writev(fd, iov, n);
}

ssize_t pwritev(int fd, const struct iovec *iov, int n, off_t off) {
  REAL(ssize_t, pwritev, int, const struct iovec *, int, off_t);
  if (refused("pwritev", fd, off, iov_len(iov, n))) return -1;
  return real_pwritev(fd, iov, n, off);
}

ssize_t pwritev64(int fd, const struct iovec *iov, int n, off64_t off) {
  REAL(ssize_t, pwritev64, int, const struct iovec *, int, off64_t);
  if (refused("pwritev64", fd, (off_t)off, iov_len(iov, n))) return -1;
  return real_pwritev64(fd, iov, n, off);
}

ssize_t pwritev2(int fd, const struct iovec *iov, int n, off_t off, int flags) {
  REAL(ssize_t, pwritev2, int, const struct iovec *, int, off_t, int);
  if (refused("pwritev2", fd, off < 0 ? position(fd) : off, iov_len(iov, n))) return -1;
  return real_pwritev2(fd, iov, n, off, flags);
}

int fallocate(int fd, int mode, off_t off, off_t len) {
  REAL(int, fallocate, int, int, off_t, off_t);
  if (!(mode & FALLOC_FL_PUNCH_HOLE) && refused("fallocate", fd, off, (size_t)len)) return -1;
  return real_fallocate(fd, mode, off, len);
}

int fallocate64(int fd, int mode, off64_t off, off64_t len) {
  REAL(int, fallocate64, int, int, off64_t, off64_t);
  if (!(mode & FALLOC_FL_PUNCH_HOLE) && refused("fallocate64", fd, (off_t)off, (size_t)len))
    return -1;
  return real_fallocate64(fd, mode, off, len);
}

/* posix_fallocate returns the error instead of setting errno. */
int posix_fallocate(int fd, off_t off, off_t len) {
  REAL(int, posix_fallocate, int, off_t, off_t);
  if (refused("posix_fallocate", fd, off, (size_t)len)) return ENOSPC;
  return real_posix_fallocate(fd, off, len);
}

int posix_fallocate64(int fd, off64_t off, off64_t len) {
  REAL(int, posix_fallocate64, int, off64_t, off64_t);
  if (refused("posix_fallocate64", fd, (off_t)off, (size_t)len)) return ENOSPC;
  return real_posix_fallocate64(fd, off, len);
}
