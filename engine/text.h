/*
 * text.h — ICU normalisation and word segmentation (text.c).
 */
#ifndef KT_TEXT_H
#define KT_TEXT_H

#include "internal.h"

#include <stdint.h>

/* Is code point @p c one analysis drops without splitting a word (soft
 * hyphen, zero-width and bidi controls; text.c)? Redaction reads past them too. */
bool kt__text_dropped(int32_t c);

/* ---- text.c: ICU normalisation and word segmentation ------------------- */
typedef struct kt__word {
  char *text;        /* NFC, case-folded, cleaned; owned by the list */
  size_t start, end; /* byte offsets in the input */
  bool all_caps;     /* written in capitals (TE, KELA, S2) */
  bool numeric;      /* contains a digit */
  bool joined;       /* joined by a hyphen to the next word ("it-tuki", "te-palvelut") */
  bool head;         /* the word after such a hyphen: the compound's head */
} kt__word;
typedef struct kt__wordlist {
  kt__word *items;
  size_t count, size;
  char *texts; /* every word's text, one block */
} kt__wordlist;
/* Segment @p text (valid UTF-8 of @p len bytes) into words. */
int kt__text_words(const char *text, size_t len, kt__wordlist *out);
void kt__wordlist_free(kt__wordlist *wl);
/* Case-fold a UTF-8 string into a new allocation (NULL on failure). */
char *kt__casefold(const char *s);

#endif
