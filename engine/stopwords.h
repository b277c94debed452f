/*
 * stopwords.h — the Finnish stopword list (stopwords.c).
 */
#ifndef KT_STOPWORDS_H
#define KT_STOPWORDS_H

#include <stdbool.h>

bool kt__is_stopword(const char *folded);

#endif
