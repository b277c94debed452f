/*
 * redact.c — finds Finnish personal identity codes (henkilötunnus,
 * DDMMYYCNNNT) in a need text and blanks them out before anything else
 * sees the text. A code counts only when its date exists, its century sign
 * is one of the official ones and its check character is right, so dates
 * and case numbers are left alone. The text is read through the same
 * normalisation as analysis and more (invisible characters dropped, any
 * dash, any digit, fullwidth forms, spaces inside the code, no separator
 * at all), so no spelling of a code that analysis would read as the code
 * gets past. A 10-digit number whose digits happen to form a valid code
 * without a separator (1 in 31 of those with a valid date) is blanked too.
 */
#include "internal.h"
#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* The check character is "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYNNN % 31]. */
static const char check_chars[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static char upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }

/* Century of a century sign: '+' 1800s; '-' and U–Y 1900s; A–F 2000s (the
 * letters were added in 2023). Returns 0 for anything else. */
static int century(char sign) {
  sign = upper(sign);
  if (sign == '+') return 1800;
  if (sign == '-' || (sign >= 'U' && sign <= 'Y')) return 1900;
  if (sign >= 'A' && sign <= 'F') return 2000;
  return 0;
}

static bool valid_date(int d, int m, int y) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap);
}

/* The text as the matcher sees it: one token per character that matters,
 * with the bytes it came from. Like analysis (text.c), soft hyphens,
 * zero-width and bidi control characters vanish; on top of that every
 * dash-like character (hyphen, non-breaking hyphen, en dash, minus sign...)
 * reads as '-', digits of any script (fullwidth ones) as ASCII digits,
 * fullwidth letters and plus as ASCII, and any space as ' '. */
typedef struct tok {
  char c;              /* '0'-'9', 'A'-'Z' (upper-cased), '-', '+', ' ', or '?' (anything else) */
  uint32_t start, end; /* bytes of the character in the text */
} tok;

static char classify(UChar32 c) {
  if (c < 0x80) {
    if (is_digit((char)c) || c == '-' || c == '+') return (char)c;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return upper((char)c);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? ' ' : '?';
  }
  if (u_isdigit(c)) {
    int v = u_charDigitValue(c);
    return v >= 0 && v <= 9 ? (char)('0' + v) : '?';
  }
  if (c >= 0xFF21 && c <= 0xFF3A) return (char)('A' + (c - 0xFF21)); /* fullwidth A-Z */
  if (c >= 0xFF41 && c <= 0xFF5A) return (char)('A' + (c - 0xFF41)); /* fullwidth a-z */
  if (c == 0xFF0B || c == 0xFE62) return '+';
  if (c == 0x2212 || c == 0xFE63 || c == 0xFF0D || u_charType(c) == U_DASH_PUNCTUATION) return '-';
  if (u_isUWhiteSpace(c)) return ' ';
  return '?';
}

static bool tok_alnum(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z'); }

/* Spaces allowed inside one code ("131052 - 308T", "131 052-308 T"). */
#define MAX_INNER_SPACES 4

/* Does a code start at token @p i? On success *last is its last token. */
static bool match_at(const tok *t, size_t n, size_t i, size_t *last) {
  char d[10], sign = 0, check = 0;
  size_t nd = 0, spaces = 0, k = i;
  /* DDMMYY, then a century sign or none (a separator dropped or spaced),
   * then NNN and the check character, with a few spaces anywhere inside. */
  for (; k < n; k++) {
    char c = t[k].c;
    if (c == ' ') {
      if (nd == 0 || ++spaces > MAX_INNER_SPACES) return false;
      continue;
    }
    if (nd < 6) {
      if (!is_digit(c)) return false;
      d[nd++] = c;
    } else if (nd == 6 && !sign && (c == '-' || c == '+' || (c >= 'A' && c <= 'Z'))) {
      if (!century(c)) return false;
      sign = c;
    } else if (nd < 9) {
      if (!is_digit(c)) return false;
      d[nd++] = c;
    } else {
      if (!tok_alnum(c)) return false;
      check = c;
      break;
    }
  }
  if (!check) return false;
  /* Standing alone: no letter or digit right after it. */
  if (k + 1 < n && tok_alnum(t[k + 1].c)) return false;
  int day = (d[0] - '0') * 10 + (d[1] - '0'), month = (d[2] - '0') * 10 + (d[3] - '0');
  int yy = (d[4] - '0') * 10 + (d[5] - '0');
  bool date = sign ? valid_date(day, month, century(sign) + yy)
                   : valid_date(day, month, 1900 + yy) || valid_date(day, month, 2000 + yy);
  if (!date) return false;
  unsigned long v = 0;
  for (int j = 0; j < 9; j++)
    v = v * 10 + (unsigned long)(d[j] - '0');
  if (check != check_chars[v % 31]) return false;
  *last = k;
  return true;
}

size_t kt_redact_hetu(char *text, size_t len) {
  /* Need texts are at most KT_MAX_QUERY_BYTES; ICU's macros index with int32_t. */
  if (!text || len < 10 || len > INT32_MAX) return 0;
  tok *t = malloc(len * sizeof *t); /* at most one token per byte */
  if (!t) {
    memset(text, ' ', len); /* rather nothing than a code let through */
    return 1;
  }
  size_t n = 0;
  for (int32_t i = 0; (size_t)i < len;) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(text, i, (int32_t)len, c);
    if (c < 0) c = 0xFFFD; /* not valid UTF-8: cannot be part of a code */
    if (kt__text_dropped(c)) continue;
    t[n++] = (tok){classify(c), (uint32_t)at, (uint32_t)i};
  }
  size_t found = 0;
  for (size_t i = 0; i < n; i++) {
    /* A code starts with a digit that is not part of a longer number. */
    if (!is_digit(t[i].c) || (i > 0 && is_digit(t[i - 1].c))) continue;
    size_t last;
    if (!match_at(t, n, i, &last)) continue;
    memset(text + t[i].start, ' ', t[last].end - t[i].start);
    found++;
    i = last;
  }
  free(t);
  return found;
}
