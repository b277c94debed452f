/* helpers.c — shared test fixtures. */
#define _GNU_SOURCE
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

char *kt_test_tmpdir(void) {
  char tmpl[] = "/tmp/kt-test-XXXXXX";
  char *d = mkdtemp(tmpl);
  cr_assert_not_null(d, "mkdtemp failed");
  return strdup(d);
}

char *kt_test_mini_index(void) {
  char *dir = kt_test_tmpdir();
  kt_build_stats st;
  int rc = kt_index_build(KT_TEST_DATA "/catalog-mini", dir, NULL, &st);
  cr_assert_eq(rc, KT_OK, "building the mini index failed: %s", kt_error_last());
  return dir;
}

int kt_test_rank(const kt_results *r, const char *id) {
  for (size_t i = 0; i < kt_results_count(r); i++)
    if (!strcmp(kt_results_get(r, i)->id, id)) return (int)i;
  return -1;
}

kt_results *kt_test_search(kt_engine *e, const char *text, const kt_search_options *o) {
  kt_results *r = NULL;
  int rc = kt_search(e, text, strlen(text), o, &r);
  cr_assert_eq(rc, KT_OK, "search failed: %s", kt_error_last());
  return r;
}

bool kt_test_has_term(kt_analyzer *an, const char *text, const char *term, int kind) {
  kt_analysis *a = NULL;
  cr_assert_eq(kt_analyze(an, text, strlen(text), &a), KT_OK, "%s", kt_error_last());
  bool found = false;
  for (size_t i = 0; i < kt_analysis_count(a) && !found; i++) {
    const kt_token *t = kt_analysis_get(a, i);
    for (size_t k = 0; k < t->term_count; k++)
      if (!strcmp(t->terms[k].text, term) && (kind <= 0 || t->terms[k].kind == kind)) found = true;
  }
  kt_analysis_free(a);
  return found;
}

int kt_test_run(const char *cmd, char **out) {
  FILE *p = popen(cmd, "r");
  cr_assert_not_null(p, "popen %s", cmd);
  size_t cap = 1 << 16, len = 0, n;
  char *b = malloc(cap + 1);
  while ((n = fread(b + len, 1, cap - len, p)) > 0) {
    len += n;
    if (len == cap) {
      cap *= 2;
      b = realloc(b, cap + 1);
    }
  }
  b[len] = '\0';
  int st = pclose(p);
  if (out)
    *out = b;
  else
    free(b);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}
