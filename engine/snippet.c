/*
 * snippet.c — a passage of a service's text around the need's matched words,
 * with those words marked, for a counsellor to see at a glance why the
 * service came up. The words and the terms each carries were prepared at
 * index time (docterms.h), so a search analyses no service text: "velkoja"
 * in a need marks "velkaantunut" only if they share a term.
 */
#include "snippet.h"
#include "analyze.h"
#include "docterms.h"

#include <stdlib.h>
#include <string.h>

#define WINDOW 30 /* words in a snippet */

typedef struct kt__wordspan {
  size_t start, end;
} kt__wordspan;

int kt__snippet(const char *text, const kt__docterms *dt, int which, const char *const *terms,
                size_t nterms, kt__arena *arena, const char **snippet, kt_span **spans,
                size_t *nspans) {
  *snippet = NULL;
  *spans = NULL;
  *nspans = 0;
  if (!text || !*text || !nterms || !dt) return KT_OK;
  size_t n = dt->nwords[which], tlen = strlen(text);
  int rc = KT_OK;
  /* Word offsets as prepared at index time, checked against this text. */
  kt__wordspan *wl = malloc((n ? n : 1) * sizeof *wl);
  int *hit = malloc((n ? n : 1) * sizeof *hit);
  if (!wl || !hit) {
    free(wl);
    free(hit);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  for (size_t i = 0; i < n; i++) {
    kt__docterms_word(dt, which, i, &wl[i].start, &wl[i].end);
    if (wl[i].start > wl[i].end || wl[i].end > tlen) n = i; /* not this text: stop there */
    hit[i] = -1;
  }
  kt__docterms_hits(dt, which, terms, nterms, hit);
  /* Best window: most distinct matched terms, then most matched words. */
  size_t best = 0, bestd = 0, bestc = 0;
  unsigned char *seen = calloc(nterms, 1);
  for (size_t s = 0; !rc && seen && s < n; s++) {
    if (hit[s] < 0 && s > 0) continue; /* windows start at a match (or the text) */
    memset(seen, 0, nterms);
    size_t d = 0, c = 0;
    for (size_t i = s; i < n && i < s + WINDOW; i++)
      if (hit[i] >= 0) {
        c++;
        if (!seen[hit[i]]) {
          seen[hit[i]] = 1;
          d++;
        }
      }
    if (d > bestd || (d == bestd && c > bestc)) {
      best = s;
      bestd = d;
      bestc = c;
    }
  }
  free(seen);
  if (!rc && bestd > 0) {
    /* Start a few words early, at a sentence start if one is near. */
    size_t s = best;
    for (size_t back = 0; back < 8 && s > 0; back++) {
      size_t prev_end = wl[s - 1].end;
      const char *gap = text + prev_end;
      size_t glen = wl[s].start - prev_end;
      if (memchr(gap, '.', glen) || memchr(gap, '\n', glen)) break;
      s--;
    }
    size_t e = s + WINDOW < n ? s + WINDOW : n;
    size_t b0 = wl[s].start, b1 = wl[e - 1].end;
    /* End at the sentence end if it is close. */
    const char *dot = memchr(text + b1, '.', strlen(text + b1) < 80 ? strlen(text + b1) : 80);
    if (dot) b1 = (size_t)(dot - text) + 1;
    bool pre = s > 0, post = text[b1] != '\0';
    const char *ell = "…";
    size_t off = pre ? strlen(ell) : 0;
    kt__buf b;
    kt__buf_init(&b, 1 << 16);
    if (pre) rc = kt__buf_adds(&b, ell);
    if (!rc) rc = kt__buf_add(&b, text + b0, b1 - b0);
    if (!rc && post) rc = kt__buf_adds(&b, ell);
    size_t nh = 0;
    for (size_t i = s; i < e; i++)
      nh += hit[i] >= 0;
    kt_span *sp = kt__arena_alloc(arena, (nh ? nh : 1) * sizeof *sp);
    char *snip = !rc ? kt__arena_strndup(arena, b.data ? b.data : "", b.len) : NULL;
    kt__buf_free(&b);
    if (!rc && (!sp || !snip)) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    if (!rc) {
      size_t k = 0;
      for (size_t i = s; i < e; i++)
        if (hit[i] >= 0 && wl[i].end <= b1)
          sp[k++] = (kt_span){wl[i].start - b0 + off, wl[i].end - b0 + off};
      *snippet = snip;
      *spans = sp;
      *nspans = k;
    }
  }
  free(hit);
  free(wl);
  return rc;
}
