/*
 * text.c — the Unicode layer of text analysis, on ICU: cleans the text
 * (drops soft hyphens, zero-width and control characters), segments words by
 * ICU's word-break rules, normalises each word to NFC and case-folds it.
 * Byte offsets into the caller's text are kept for highlighting.
 */
#include "text.h"
#include "internal.h"

#include <pthread.h>

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/* Characters that must vanish without splitting a word: soft hyphen,
 * zero-width space/joiners, word joiner, BOM, and the invisible bidi
 * controls that text copied from right-to-left pages carries (LRM/RLM/ALM,
 * embeddings, overrides, isolates): inside a word they would hide it. */
static bool is_dropped(UChar32 c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool kt__text_dropped(int32_t c) { return is_dropped(c); }

static int wl_push(kt__wordlist *wl, kt__word w) {
  if (wl->count == wl->size) {
    size_t ns = wl->size ? wl->size * 2 : 32;
    kt__word *p = realloc(wl->items, ns * sizeof *p);
    if (!p) return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    wl->items = p;
    wl->size = ns;
  }
  wl->items[wl->count++] = w;
  return KT_OK;
}

void kt__wordlist_free(kt__wordlist *wl) {
  free(wl->texts);
  free(wl->items);
  memset(wl, 0, sizeof *wl);
}

/* UTF-16 -> newly allocated UTF-8. */
static char *to_utf8(const UChar *u, int32_t n) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t need = 0;
  u_strToUTF8(NULL, 0, &need, u, n, &st);
  if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) return NULL;
  char *s = malloc((size_t)need + 1);
  if (!s) return NULL;
  st = U_ZERO_ERROR;
  u_strToUTF8(s, need + 1, NULL, u, n, &st);
  if (U_FAILURE(st)) {
    free(s);
    return NULL;
  }
  return s;
}

/* NFC-normalise @p u[0..n) into a new UTF-16 buffer; *outlen receives its length. */
static UChar *nfc(const UChar *u, int32_t n, int32_t *outlen) {
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2 *norm = unorm2_getNFCInstance(&st);
  if (U_FAILURE(st)) return NULL;
  int32_t cap = n * 3 + 8;
  UChar *o = malloc((size_t)cap * sizeof *o);
  if (!o) return NULL;
  *outlen = unorm2_normalize(norm, u, n, o, cap, &st);
  if (U_FAILURE(st)) {
    free(o);
    return NULL;
  }
  return o;
}

static UChar *fold(const UChar *u, int32_t n, int32_t *outlen) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t cap = n * 3 + 8;
  UChar *o = malloc((size_t)cap * sizeof *o);
  if (!o) return NULL;
  *outlen = u_strFoldCase(o, cap, u, n, U_FOLD_CASE_DEFAULT, &st);
  if (U_FAILURE(st)) {
    free(o);
    return NULL;
  }
  return o;
}

char *kt__casefold(const char *s) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = 0;
  u_strFromUTF8(NULL, 0, &n, s, -1, &st);
  if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) return NULL;
  UChar *u = malloc(((size_t)n + 1) * sizeof *u);
  if (!u) return NULL;
  st = U_ZERO_ERROR;
  u_strFromUTF8(u, n + 1, NULL, s, -1, &st);
  char *r = NULL;
  if (U_SUCCESS(st)) {
    int32_t fl = 0, nl = 0;
    UChar *nf = nfc(u, n, &nl);
    UChar *f = nf ? fold(nf, nl, &fl) : NULL;
    if (f) r = to_utf8(f, fl);
    free(f);
    free(nf);
  }
  free(u);
  return r;
}

/* Opening a word break iterator loads its rules (tens of microseconds), so
 * each thread keeps one and only resets its text; it is closed when the
 * thread ends. */
static pthread_key_t breaker_key;
static pthread_once_t breaker_once = PTHREAD_ONCE_INIT;

static void close_breaker(void *bi) { ubrk_close(bi); }
static void make_breaker_key(void) { pthread_key_create(&breaker_key, close_breaker); }

static UBreakIterator *thread_breaker(UErrorCode *st) {
  pthread_once(&breaker_once, make_breaker_key);
  UBreakIterator *bi = pthread_getspecific(breaker_key);
  if (!bi && (bi = ubrk_open(UBRK_WORD, "fi", NULL, 0, st)) && !U_FAILURE(*st))
    pthread_setspecific(breaker_key, bi);
  return bi;
}

/* A word of ASCII and Latin-1 letters (U+00C0-U+00FF but U+00DF, ß, which
 * folds to two letters), digits and ASCII punctuation, as nearly every word
 * of the catalogue and of a note is: it is NFC already, folds one unit to one
 * unit, and its UTF-8 is written here, without ICU's normaliser, folding and
 * conversion (a third of the analysis of a text). Sets the word's numeric
 * and all_caps flags and appends its folded UTF-8 and a NUL to @p texts;
 * false (nothing written) for any other word, which ICU then handles. */
static bool latin_word(const UChar *w, int32_t n, kt__word *out, kt__buf *texts) {
  for (int32_t k = 0; k < n; k++)
    if ((w[k] >= 0x80 && w[k] < 0xC0) || w[k] == 0xDF || w[k] > 0xFF) return false;
  if (kt__buf_reserve(texts, (size_t)n * 2 + 1)) return false;
  char *p = texts->data + texts->len;
  int letters = 0, upper = 0;
  bool numeric = false;
  for (int32_t k = 0; k < n; k++) {
    unsigned c = w[k];
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        letters++, upper++;
        c += 0x20;
      } else if (c >= 'a' && c <= 'z') {
        letters++;
      } else if (c >= '0' && c <= '9') {
        numeric = true;
      }
      *p++ = (char)c;
    } else {
      if (c != 0xD7 && c != 0xF7) letters++; /* × and ÷ are symbols */
      if (c <= 0xDE && c != 0xD7) {
        upper++;
        c += 0x20;
      }
      *p++ = (char)(0xC0 | (c >> 6));
      *p++ = (char)(0x80 | (c & 0x3F));
    }
  }
  *p++ = '\0';
  texts->len = (size_t)(p - texts->data);
  out->numeric = numeric;
  out->all_caps = letters >= 2 && upper == letters;
  return true;
}

int kt__text_words(const char *text, size_t len, kt__wordlist *out) {
  memset(out, 0, sizeof *out);
  if (len > INT32_MAX / 4) return kt__err(KT_ETOOBIG, "text of %zu bytes is too long", len);
  /* Clean into UTF-16, remembering each unit's byte offset in the input. */
  UChar *u = malloc((len + 1) * sizeof *u);
  int32_t *off = malloc((len + 2) * sizeof *off);
  if (!u || !off) {
    free(u);
    free(off);
    return kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  }
  int32_t n = 0, i = 0, ilen = (int32_t)len;
  while (i < ilen) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(text, i, ilen, c);
    if (c < 0) c = 0xFFFD; /* caller validated; defensive */
    if (is_dropped(c)) continue;
    if (u_charType(c) == U_CONTROL_CHAR || c == 0) c = ' ';
    if (U_IS_BMP(c)) {
      off[n] = at;
      u[n++] = (UChar)c;
    } else {
      off[n] = at;
      u[n++] = U16_LEAD(c);
      off[n] = at;
      u[n++] = U16_TRAIL(c);
    }
  }
  off[n] = ilen;

  UErrorCode st = U_ZERO_ERROR;
  UBreakIterator *bi = thread_breaker(&st);
  if (!U_FAILURE(st) && bi) ubrk_setText(bi, u, n, &st);
  if (U_FAILURE(st) || !bi) {
    free(u);
    free(off);
    return kt__err(KT_EINTERNAL, "ICU word break iterator: %s", u_errorName(st));
  }
  /* Each word is normalised and folded in buffers of its own size class:
   * a word is short, and most are NFC already (checked, not copied). The
   * folded UTF-8 texts go one after the other into one block; a word's
   * text pointer is its offset until the block stops growing. */
  const UNormalizer2 *norm = unorm2_getNFCInstance(&st);
  if (U_FAILURE(st)) {
    free(u);
    free(off);
    return kt__err(KT_EINTERNAL, "ICU NFC normaliser: %s", u_errorName(st));
  }
  kt__buf texts;
  kt__buf_init(&texts, SIZE_MAX / 4); /* bounded by the text: folding can lengthen a word */
  int rc = kt__buf_reserve(&texts, len + 16);
  int32_t start = ubrk_first(bi);
  for (int32_t end = ubrk_next(bi); !rc && end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
    if (ubrk_getRuleStatus(bi) < UBRK_WORD_NONE_LIMIT) continue;
    int32_t wl = end - start, nl = wl, fl = 0;
    kt__word w = {0};
    w.start = (size_t)off[start];
    w.end = (size_t)off[end];
    /* The joined flag: the first part of a hyphenated compound (a hyphen,
     * then a letter). */
    w.joined = end + 1 < n && (u[end] == '-' || u[end] == 0x2010 || u[end] == 0x2011) &&
               u_isalpha(u[end + 1]);
    w.head = out->count && out->items[out->count - 1].joined &&
             out->items[out->count - 1].end + 1 == w.start;
    size_t at = texts.len;
    if (latin_word(u + start, wl, &w, &texts)) {
      w.text = (char *)(uintptr_t)at; /* an offset until the block is complete */
      if ((rc = wl_push(out, w))) break;
      continue;
    }
    UChar nbuf[128], fbuf[384], *nf = u + start, *f = fbuf, *nheap = NULL, *fheap = NULL;
    UErrorCode e = U_ZERO_ERROR;
    if (!unorm2_isNormalized(norm, nf, wl, &e) || U_FAILURE(e)) {
      if ((size_t)wl * 3 + 8 > sizeof nbuf / sizeof *nbuf) {
        nf = nheap = nfc(u + start, wl, &nl);
      } else {
        e = U_ZERO_ERROR;
        nf = nbuf;
        nl = unorm2_normalize(norm, u + start, wl, nbuf, (int32_t)(sizeof nbuf / sizeof *nbuf), &e);
        if (U_FAILURE(e)) nf = NULL;
      }
    }
    if (nf) {
      e = U_ZERO_ERROR;
      if ((size_t)nl * 3 + 8 > sizeof fbuf / sizeof *fbuf)
        f = fheap = fold(nf, nl, &fl);
      else {
        fl = u_strFoldCase(fbuf, (int32_t)(sizeof fbuf / sizeof *fbuf), nf, nl, U_FOLD_CASE_DEFAULT,
                           &e);
        if (U_FAILURE(e)) f = NULL;
      }
    }
    int letters = 0, upper = 0;
    for (int32_t k = 0; nf && k < nl;) {
      UChar32 c;
      U16_NEXT(nf, k, nl, c);
      if (u_isdigit(c)) w.numeric = true;
      if (u_isalpha(c)) {
        letters++;
        if (u_isUUppercase(c)) upper++;
      }
    }
    w.all_caps = letters >= 2 && upper == letters;
    /* The folded text's UTF-8 takes at most 3 bytes per UTF-16 unit. */
    if (!nf || !f) {
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    } else if (!(rc = kt__buf_reserve(&texts, (size_t)fl * 3 + 1))) {
      int32_t ul = 0;
      e = U_ZERO_ERROR;
      u_strToUTF8(texts.data + at, (int32_t)(texts.size - at), &ul, f, fl, &e);
      if (U_FAILURE(e)) rc = kt__err(KT_EINTERNAL, "ICU UTF-8 conversion: %s", u_errorName(e));
      texts.len = at + (size_t)ul + 1;
      texts.data[at + (size_t)ul] = '\0';
      w.text = (char *)(uintptr_t)at; /* an offset until the block is complete */
    }
    free(nheap);
    free(fheap);
    if (rc || (rc = wl_push(out, w))) break;
  }
  if (!rc && out->count) {
    out->texts = texts.data;
    for (size_t k = 0; k < out->count; k++)
      out->items[k].text = texts.data + (uintptr_t)out->items[k].text;
  } else {
    kt__buf_free(&texts);
  }
  ubrk_setText(bi, NULL, 0, &st); /* drop the pointer to u */
  free(u);
  free(off);
  if (rc) kt__wordlist_free(out);
  return rc;
}
