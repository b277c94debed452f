/*
 * redact.c — finds Finnish personal identity codes (henkilötunnus,
 * DDMMYYCNNNT) in a need text and blanks them out before anything else
 * sees the text. A code counts only when its date exists, its century sign
 * is one of the official ones and its check character is right, so dates,
 * case numbers and phone numbers are left alone.
 */
#include "internal.h"

#include <stdbool.h>

/* The check character is "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYNNN % 31]. */
static const char check_chars[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static char upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }
static int num2(const char *p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

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

/* Is p[0..11) a valid code? */
static bool is_hetu(const char *p) {
  for (int i = 0; i < 6; i++)
    if (!is_digit(p[i])) return false;
  int c = century(p[6]);
  if (!c) return false;
  for (int i = 7; i < 10; i++)
    if (!is_digit(p[i])) return false;
  if (!valid_date(num2(p), num2(p + 2), c + num2(p + 4))) return false;
  unsigned long n = 0;
  for (int i = 0; i < 10; i++)
    if (i != 6) n = n * 10 + (unsigned long)(p[i] - '0');
  return upper(p[10]) == check_chars[n % 31];
}

size_t kt_redact_hetu(char *text, size_t len) {
  if (!text) return 0;
  size_t found = 0;
  for (size_t i = 0; i + 11 <= len; i++) {
    /* A code stands alone: no digit just before it (it would be part of a
     * longer number) and no letter or digit just after it. Bytes of
     * multi-byte UTF-8 characters are never ASCII, so scanning bytes is safe. */
    if (i > 0 && is_digit(text[i - 1])) continue;
    if (i + 11 < len && is_alnum(text[i + 11])) continue;
    if (!is_hetu(text + i)) continue;
    for (size_t k = 0; k < 11; k++)
      text[i + k] = ' ';
    found++;
    i += 10;
  }
  return found;
}
