/*
 * need_features.c — the need's features as feedback stores them and ranks
 * with them: its concepts, its target-group signals and its words that are
 * catalogue vocabulary, leaving out names and refused words. Read as a
 * search reads the need (query.c), without ranking.
 */
#define _GNU_SOURCE
#include "need_features.h"

#include "query.h"
#include "search_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does token @p i look like a name: capitalised inside a sentence (not an
 * abbreviation in capitals)? Names never become feedback features. */
static bool name_like(const kt_analysis *a, const char *text, size_t i) {
  const kt_token *t = kt_analysis_get(a, i);
  const unsigned char *p = (const unsigned char *)text + t->start;
  bool upper = (p[0] >= 'A' && p[0] <= 'Z') ||
               (p[0] == 0xC3 && (p[1] == 0x84 || p[1] == 0x96 || p[1] == 0x85));
  if (!upper) return false;
  size_t caps = 0, letters = 0;
  for (size_t b = t->start; b < t->end; b++) {
    unsigned char c = (unsigned char)text[b];
    if (c >= 'a' && c <= 'z') letters++;
    if (c >= 'A' && c <= 'Z') caps++, letters++;
  }
  if (letters >= 2 && caps == letters) return false; /* TE, KELA */
  if (i == 0) return false;
  const kt_token *prev = kt_analysis_get(a, i - 1);
  for (size_t b = prev->end; b < t->start; b++)
    if (strchr(".!?\n:;", text[b])) return false; /* starts a sentence */
  return true;
}

static int add_feature(char ***f, size_t *n, size_t *cap, const char *prefix, const char *v) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 32;
    char **nf = realloc(*f, nc * sizeof *nf);
    if (!nf) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    *f = nf;
    *cap = nc;
  }
  size_t l = strlen(prefix) + strlen(v) + 1;
  char *s = malloc(l);
  if (!s) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  snprintf(s, l, "%s%s", prefix, v);
  (*f)[(*n)++] = s;
  return KT_OK;
}

void kt__features_free(char **f, size_t n) {
  for (size_t i = 0; f && i < n; i++)
    free(f[i]);
  free(f);
}

/* The need's features (see kt__need_features), sorted and unique. */
int kt__need_features_of(const ctx *x, char ***out, size_t *nout) {
  const bool *rejected = x->rejected;
  const kt__sigset *set = &x->set;
  char **f = NULL;
  size_t n = 0, cap = 0;
  int rc = KT_OK;
  for (size_t k = 0; k < x->nfound && !rc; k++)
    rc = add_feature(&f, &n, &cap,
                     "c:", kt__thesaurus_concept(x->e->gen.thes, x->found[k].concept)->id);
  for (size_t g = 0; g < set->ngroups && !rc; g++)
    rc = add_feature(&f, &n, &cap, "g:", set->groups[g]);
  for (size_t i = 0; i < kt_analysis_count(x->an) && !rc; i++) {
    const kt_token *t = kt_analysis_get(x->an, i);
    if (t->stopword || rejected[i] || name_like(x->an, x->text, i)) continue;
    for (size_t k = 0; k < t->term_count && !rc; k++) {
      int kind = t->terms[k].kind;
      if (kind != KT_TERM_LEMMA && kind != KT_TERM_FIXED && kind != KT_TERM_TYPO) continue;
      /* Catalogue vocabulary only: a word no service uses is not kept. */
      size_t df = 0;
      if ((rc = kt__gen_termfreq(&x->e->gen, t->terms[k].text, &df))) break;
      if (df == 0) continue;
      rc = add_feature(&f, &n, &cap, "w:", t->terms[k].text);
    }
  }
  if (rc) {
    kt__features_free(f, n);
    return rc;
  }
  if (n) qsort(f, n, sizeof *f, kt__cmp_str); /* f is NULL when there are none */
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    if (w && !strcmp(f[w - 1], f[i]))
      free(f[i]);
    else
      f[w++] = f[i];
  }
  *out = f;
  *nout = w;
  return KT_OK;
}

int kt__need_features(kt_engine *e, const char *text, size_t len, char ***out, size_t *n) {
  *out = NULL;
  *n = 0;
  kt__err_clear();
  if (!e || (!text && len)) return kt__err(KT_EINVAL, "kt_search: NULL argument");
  if (len > KT_MAX_QUERY_BYTES)
    return kt__err(KT_ETOOBIG, "need text is %zu bytes; the limit is %d bytes", len,
                   KT_MAX_QUERY_BYTES);
  /* The need as a search with the default options reads it. */
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 1;
  o.flags = KT_SEARCH_NO_FEEDBACK;
  ctx x;
  memset(&x, 0, sizeof x);
  int rc = kt__query_read_need(&x, e, text, len, &o);
  if (!rc) rc = kt__need_features_of(&x, out, n);
  kt__query_free(&x);
  return rc;
}
