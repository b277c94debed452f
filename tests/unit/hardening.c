/* hardening.c — fixtures of the bad-input and fault suites (see hardening.h). */
#define _GNU_SOURCE
#include "hardening.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <grp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

const char *kt_hard_current(const char *idx) {
  static char target[512];
  char p[1024];
  snprintf(p, sizeof p, "%s/current", idx);
  ssize_t n = readlink(p, target, sizeof target - 1);
  target[n > 0 ? n : 0] = '\0';
  return target;
}

char *kt_hard_snapshot(const char *idx) {
  kt__buf b;
  kt__buf_init(&b, 1 << 20);
  kt__buf_printf(&b, "current=%s;", kt_hard_current(idx));
  DIR *d = opendir(idx);
  cr_assert_not_null(d, "cannot list %s", idx);
  char *names[512];
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 512)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, ".lock"))
      names[n++] = strdup(e->d_name);
  closedir(d);
  qsort(names, n, sizeof *names, cmp_str);
  for (size_t i = 0; i < n; i++) {
    kt__buf_printf(&b, "%s;", names[i]);
    free(names[i]);
  }
  return b.data;
}

int kt_hard_leftovers(const char *idx) {
  DIR *d = opendir(idx);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    n += !strncmp(e->d_name, ".build-", 7) || !strncmp(e->d_name, "current.tmp-", 12);
  closedir(d);
  return n;
}

char *kt_hard_answer(const char *idx, char *why, size_t cap) {
  kt_engine *e = NULL;
  int rc = kt_engine_open(&e, idx);
  if (rc) {
    snprintf(why, cap, "open: %s: %s", kt_strerror(rc), kt_error_last());
    return NULL;
  }
  kt_results *r = NULL;
  char *json = NULL;
  rc = kt_search(e, KT_HARD_QUERY, strlen(KT_HARD_QUERY), NULL, &r);
  if (!rc) rc = kt_results_json(r, &json);
  if (rc) snprintf(why, cap, "search: %s: %s", kt_strerror(rc), kt_error_last());
  kt_results_free(r);
  kt_engine_close(e);
  return json;
}

void kt_hard_assert_untouched(const char *idx, const char *before, const char *answer,
                              const char *what) {
  char *now = kt_hard_snapshot(idx);
  cr_assert_str_eq(now, before, "%s: the index root changed:\nbefore %s\nafter  %s", what, before,
                   now);
  free(now);
  cr_assert_eq(kt_hard_leftovers(idx), 0, "%s: a half-written build was left in %s", what, idx);
  if (answer) {
    char why[1024] = "";
    char *a = kt_hard_answer(idx, why, sizeof why);
    cr_assert_not_null(a, "%s: the previous index no longer answers: %s", what, why);
    cr_assert_str_eq(a, answer, "%s: the previous index answers differently", what);
    free(a);
  }
}

char *kt_hard_read(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0, k;
  char *b = malloc(cap + 1);
  while ((k = fread(b + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) b = realloc(b, (cap *= 2) + 1);
  }
  fclose(f);
  b[n] = '\0';
  if (len) *len = n;
  return b;
}

void kt_hard_write(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f, "cannot write %s", path);
  cr_assert_eq(fwrite(data, 1, len, f), len);
  cr_assert_eq(fclose(f), 0);
}

int kt_hard_cli(const char *in, char **out, char **err, const char *fmt, ...) {
  char *args = NULL;
  va_list ap;
  va_start(ap, fmt);
  cr_assert_geq(vasprintf(&args, fmt, ap), 0);
  va_end(ap);
  char of[] = "/tmp/kt-cli-out-XXXXXX", ef[] = "/tmp/kt-cli-err-XXXXXX";
  int fo = mkstemp(of), fe = mkstemp(ef);
  cr_assert(fo >= 0 && fe >= 0);
  close(fo);
  close(fe);
  char *cmd = NULL;
  /* No default index or catalogue from the environment: each case names its own. */
  cr_assert_geq(asprintf(&cmd,
                         "HOME=/nonexistent/kt-home XDG_DATA_HOME= KOHTAANTO_INDEX= "
                         "KOHTAANTO_CATALOG= timeout -k 10 180 %s %s < %s > %s 2> %s",
                         KT_CLI_BIN, args, in ? in : "/dev/null", of, ef),
                0);
  int st = system(cmd);
  free(cmd);
  free(args);
  if (out) *out = kt_hard_read(of, NULL);
  if (err) *err = kt_hard_read(ef, NULL);
  unlink(of);
  unlink(ef);
  cr_assert(WIFEXITED(st), "the shell itself did not exit (status %d)", st);
  return WEXITSTATUS(st);
}

char *kt_hard_tmpdir(void) {
  char *d = kt_test_tmpdir();
  cr_assert_eq(chmod(d, 0755), 0);
  return d;
}

int kt_hard_in_child(kt_hard_fn fn, void *ud, char *msg, size_t cap, const char *what) {
  int p[2];
  cr_assert_eq(pipe(p), 0);
  fflush(NULL);
  pid_t pid = fork();
  cr_assert_geq(pid, 0);
  if (pid == 0) {
    close(p[0]);
    int rc = fn(ud);
    char buf[8192];
    int n = snprintf(buf, sizeof buf, "%d\n%s", rc, kt_error_last());
    if (write(p[1], buf, (size_t)(n < (int)sizeof buf ? n : (int)sizeof buf - 1)) < 0) _exit(2);
    _exit(0);
  }
  close(p[1]);
  char buf[8192];
  size_t n = 0;
  ssize_t k;
  while ((k = read(p[0], buf + n, sizeof buf - 1 - n)) > 0)
    n += (size_t)k;
  buf[n] = '\0';
  close(p[0]);
  int st;
  waitpid(pid, &st, 0);
  cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s: the child crashed (status %d)", what, st);
  char *nl = strchr(buf, '\n');
  cr_assert_not_null(nl, "%s: no answer from the child", what);
  if (msg) snprintf(msg, cap, "%s", nl + 1);
  return atoi(buf);
}

typedef struct {
  kt_hard_fn fn;
  void *ud;
} unpriv;

/* In the child: root reads and writes anything (CAP_DAC_OVERRIDE), so
 * become nobody first. */
static int run_unprivileged(void *ud) {
  unpriv *u = ud;
  if (geteuid() != 0 ||
      (setgroups(0, NULL) == 0 && setgid(65534) == 0 && setuid(65534) == 0 && geteuid() != 0))
    return u->fn(u->ud);
  return KT_HARD_NOPRIV;
}

int kt_hard_unprivileged(kt_hard_fn fn, void *ud, char *msg, size_t cap) {
  unpriv u = {fn, ud};
  int rc = kt_hard_in_child(run_unprivileged, &u, msg, cap, "the unprivileged child");
  if (rc == KT_HARD_NOPRIV) snprintf(msg, cap, "could not drop root's permissions");
  return rc;
}

void kt_hard_assert_msg(const char *what, const char *want) {
  const char *m = kt_error_last();
  cr_assert(kt__utf8_valid(m, strlen(m), NULL), "%s: the message is not valid UTF-8: %s", what, m);
  if (want) cr_assert(strstr(m, want), "%s: message lacks '%s':\n%s", what, want, m);
}

char *kt_hard_copy_index(const char *from) {
  char *to = kt_hard_tmpdir();
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "cp -a %s/. %s/", from, to);
  cr_assert_eq(system(cmd), 0);
  return to;
}

char *kt_hard_gen_file(const char *idx, const char *name) {
  char *p = NULL;
  cr_assert_geq(asprintf(&p, "%s/%s/%s", idx, kt_hard_current(idx), name), 0);
  return p;
}
