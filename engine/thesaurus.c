/*
 * thesaurus.c — the domain thesaurus: client vocabulary -> concepts ->
 * service vocabulary (format: catalog/thesaurus/README.md).
 *
 * At index time the plain-text files are validated and every entry is
 * analysed once with the catalogue's analyser; the compiled form is written
 * into the index generation (thesaurus.tsv), so it is reloaded with the
 * index and costs no analysis when an engine opens:
 *   C <id> <weight> <label> <label_sv> <label_en> <groups,comma> [<flags>]
 *                                       flags: 'D' = negated: drop; 'aLO-HI' = age rule
 *   E <word terms> [<word terms> ...]   a client entry: terms of one word
 *                                       space-separated; a leading '+' allows
 *                                       compound-part hits
 *   S <word terms> [...]                a service entry, the same way
 *   W <word terms> [...]                a weak client entry: finds the concept
 *                                       only with one of its context words in
 *                                       the same or a neighbouring clause
 *   K <word terms>                      a context word of the last concept
 *   A <word terms> [<word terms> ...]   a rule: every word somewhere in one
 *                                       clause, in any order ('+': a part may match)
 *   X <term> <weight>                   expansion term of the last concept
 * At query time each token is looked up by its surface and terms in a hash
 * of entry first words; multi-word entries then match following tokens.
 */
#define _GNU_SOURCE
#include "engine.h"

#include <ctype.h>
#include <stddef.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ENTRY_WORDS 6
#define MAX_WORD_TERMS 12

/* ---- the loaded (compiled) thesaurus ----------------------------------- */

typedef struct th_entry {
  size_t concept;
  bool service;                    /* a service word (else a client word) */
  bool weak;                       /* needs a context word nearby (`weak:`) */
  size_t nwords;
  bool allow_part;                 /* a one-word entry marked '*': compound parts hit too */
  bool part[MAX_ENTRY_WORDS];      /* a rule's words: each may match as a part */
  const char *words[MAX_ENTRY_WORDS][MAX_WORD_TERMS + 1]; /* NULL-terminated sets */
} th_entry;

typedef struct posting {
  size_t th_entry;
  size_t next; /* index + 1 of the next posting for the same key; 0 ends */
} posting;

struct kt__thesaurus {
  kt__arena arena;
  kt__concept *concepts;
  size_t nconcepts;
  th_entry *entries;
  size_t nentries;
  posting *posts;
  size_t nposts;
  th_entry *ctx;  /* context words (one word each), by concept */
  size_t nctx;
  th_entry *rules; /* `all:` rules */
  size_t nrules;
  struct hsearch_data index; /* first-word term -> posting head (index + 1) */
  bool has_index;
};

size_t kt__thesaurus_count(const kt__thesaurus *t) { return t ? t->nconcepts : 0; }
const kt__concept *kt__thesaurus_concept(const kt__thesaurus *t, size_t i) {
  return t && i < t->nconcepts ? &t->concepts[i] : NULL;
}

void kt__thesaurus_free(kt__thesaurus *t) {
  if (!t) return;
  if (t->has_index) hdestroy_r(&t->index);
  free(t->concepts);
  free(t->entries);
  free(t->posts);
  free(t->ctx);
  free(t->rules);
  kt__arena_free(&t->arena);
  free(t);
}

/* Negative verb forms all match the th_entry word "ei". */
static const char *neg_norm(const char *s) {
  static const char *const neg[] = {"ei", "en", "et", "emme", "ette", "eivät", "eikä", NULL};
  for (size_t i = 0; neg[i]; i++)
    if (!strcmp(s, neg[i])) return "ei";
  return s;
}

static int index_key(kt__thesaurus *t, const char *key, size_t e) {
  ENTRY q = {.key = (char *)key, .data = NULL}, *hit = NULL;
  posting *p = &t->posts[t->nposts];
  p->th_entry = e;
  p->next = 0;
  if (hsearch_r(q, FIND, &hit, &t->index) && hit) {
    /* Prepend; skip if this th_entry is already listed under the key. */
    for (size_t k = (size_t)(uintptr_t)hit->data; k; k = t->posts[k - 1].next)
      if (t->posts[k - 1].th_entry == e) return KT_OK;
    p->next = (size_t)(uintptr_t)hit->data;
    hit->data = (void *)(uintptr_t)(t->nposts + 1);
  } else {
    q.data = (void *)(uintptr_t)(t->nposts + 1);
    if (!hsearch_r(q, ENTER, &hit, &t->index)) return kt__err(KT_ENOMEM, "thesaurus index is full");
  }
  t->nposts++;
  return KT_OK;
}

/* Split @p line at tabs in place; returns the field count. */
static size_t split_tabs(char *line, char **f, size_t max) {
  size_t n = 0;
  f[n++] = line;
  for (char *p = line; *p && n < max; p++)
    if (*p == '\t') { *p = '\0'; f[n++] = p + 1; }
  return n;
}

int kt__thesaurus_load(const char *path, kt__thesaurus **out) {
  *out = NULL;
  FILE *fp = fopen(path, "r");
  if (!fp) {
    if (errno == ENOENT) return KT_OK;
    return kt__err(KT_EIO, "cannot read %s: %s", path, strerror(errno));
  }
  kt__thesaurus *t = calloc(1, sizeof *t);
  size_t ccap = 64, xcap = 256, nexp = 0;
  kt__expansion *exp = NULL;
  int rc = KT_OK;
  char *line = NULL;
  size_t lcap = 0, lineno = 0;
  ssize_t len;
  if (!t || !(t->concepts = calloc(ccap, sizeof *t->concepts)) ||
      !(exp = malloc(xcap * sizeof *exp))) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
  /* Expansions are collected in one array; concepts point into it after. */
  size_t *exp_start = calloc(ccap, sizeof *exp_start);
  if (!exp_start) { rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__); goto out; }
  while ((len = getline(&line, &lcap, fp)) > 0) {
    lineno++;
    if (line[len - 1] == '\n') line[--len] = '\0';
    if (!len) continue;
    char *f[MAX_ENTRY_WORDS + 8];
    size_t nf = split_tabs(line, f, MAX_ENTRY_WORDS + 8);
    if (f[0][0] == 'C' && nf >= 7) {
      if (t->nconcepts == ccap) {
        ccap *= 2;
        kt__concept *nc = realloc(t->concepts, ccap * sizeof *nc);
        size_t *ns = realloc(exp_start, ccap * sizeof *ns);
        if (nc) t->concepts = nc;
        if (ns) exp_start = ns;
        if (!nc || !ns) { rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__); break; }
      }
      kt__concept *c = &t->concepts[t->nconcepts];
      memset(c, 0, sizeof *c);
      exp_start[t->nconcepts++] = nexp;
      c->id = kt__arena_strdup(&t->arena, f[1]);
      c->weight = strtod(f[2], NULL);
      c->label = kt__arena_strdup(&t->arena, f[3]);
      c->label_sv = *f[4] ? kt__arena_strdup(&t->arena, f[4]) : NULL;
      c->label_en = *f[5] ? kt__arena_strdup(&t->arena, f[5]) : NULL;
      size_t ng = *f[6] ? 1 : 0;
      for (char *p = f[6]; *p; p++) ng += *p == ',';
      const char **g = kt__arena_alloc(&t->arena, (ng + 1) * sizeof *g);
      if (!c->id || !c->label || !g) { rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__); break; }
      char *save = NULL;
      for (char *tok = strtok_r(f[6], ",", &save); tok && c->ngroups < ng;
           tok = strtok_r(NULL, ",", &save))
        g[c->ngroups++] = kt__arena_strdup(&t->arena, tok);
      c->groups = g;
      c->negated_drop = nf >= 8 && strchr(f[7], 'D') != NULL;
      c->age_lo = c->age_hi = -1;
      const char *ag = nf >= 8 ? strchr(f[7], 'a') : NULL;
      if (ag && sscanf(ag + 1, "%d-%d", &c->age_lo, &c->age_hi) != 2) c->age_lo = c->age_hi = -1;
    } else if (strchr("ESWKA", f[0][0]) && f[0][1] == '\0' && nf >= 2 && t->nconcepts) {
      /* Entries (E, S, W) are indexed by their first word; context words (K)
       * and rules (A) are kept in their own lists. */
      th_entry **list = f[0][0] == 'K' ? &t->ctx : f[0][0] == 'A' ? &t->rules : &t->entries;
      size_t *count = f[0][0] == 'K' ? &t->nctx : f[0][0] == 'A' ? &t->nrules : &t->nentries;
      /* Room for 16, then doubled at each power of two. */
      if (*count == 0 || (*count >= 16 && !(*count & (*count - 1)))) {
        th_entry *ne = realloc(*list, (*count ? *count * 2 : 16) * sizeof *ne);
        if (!ne) { rc = kt__err(KT_ENOMEM, "cannot load the thesaurus"); break; }
        *list = ne;
      }
      th_entry *e = &(*list)[*count];
      memset(e, 0, sizeof *e);
      e->concept = t->nconcepts - 1;
      e->service = f[0][0] == 'S';
      e->weak = f[0][0] == 'W';
      e->nwords = nf - 1 > MAX_ENTRY_WORDS ? MAX_ENTRY_WORDS : nf - 1;
      for (size_t w = 0; w < e->nwords; w++) {
        char *s = f[w + 1];
        if (*s == '+') {
          e->part[w] = true;
          if (w == 0) e->allow_part = e->nwords == 1;
          s++;
        }
        size_t k = 0;
        char *save = NULL;
        for (char *tok = strtok_r(s, " ", &save); tok && k < MAX_WORD_TERMS;
             tok = strtok_r(NULL, " ", &save))
          if (!(e->words[w][k++] = kt__arena_strdup(&t->arena, tok))) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
      }
      (*count)++;
    } else if (f[0][0] == 'X' && nf >= 3 && t->nconcepts) {
      if (nexp == xcap) {
        xcap *= 2;
        kt__expansion *nx = realloc(exp, xcap * sizeof *nx);
        if (!nx) { rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__); break; }
        exp = nx;
      }
      exp[nexp].term = kt__arena_strdup(&t->arena, f[1]);
      exp[nexp].weight = strtod(f[2], NULL);
      if (!exp[nexp++].term) { rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__); break; }
    } else {
      rc = kt__err(KT_ECORRUPT, "%s:%zu: malformed compiled thesaurus line", path, lineno);
      break;
    }
  }
  if (!rc) {
    kt__expansion *all = kt__arena_alloc(&t->arena, (nexp ? nexp : 1) * sizeof *all);
    if (!all) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    else {
      memcpy(all, exp, nexp * sizeof *all);
      for (size_t i = 0; i < t->nconcepts; i++) {
        size_t end = i + 1 < t->nconcepts ? exp_start[i + 1] : nexp;
        t->concepts[i].exp = all + exp_start[i];
        t->concepts[i].nexp = end - exp_start[i];
      }
    }
  }
  free(exp_start);
  /* Index th_entry first words: every term of the first word is a key. */
  if (!rc) {
    size_t nkeys = 0;
    for (size_t i = 0; i < t->nentries; i++)
      for (size_t k = 0; t->entries[i].words[0][k]; k++) nkeys++;
    t->posts = calloc(nkeys + 1, sizeof *t->posts);
    if (!t->posts || !hcreate_r(nkeys * 2 + 64, &t->index)) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    else t->has_index = true;
    for (size_t i = 0; !rc && i < t->nentries; i++)
      for (size_t k = 0; !rc && t->entries[i].words[0][k]; k++)
        rc = index_key(t, t->entries[i].words[0][k], i);
  }
out:
  free(line);
  free(exp);
  fclose(fp);
  if (rc) { kt__thesaurus_free(t); return rc; }
  *out = t;
  return KT_OK;
}

/* ---- finding concepts in a need text ----------------------------------- */

static bool in_set(const char *const *set, const char *s) {
  for (size_t k = 0; set[k]; k++)
    if (!strcmp(set[k], s)) return true;
  return false;
}

/* Does token @p tk match an th_entry word's term set? Parts count if allowed. */
static bool token_matches(const kt_token *tk, const char *const *set, bool allow_part) {
  if (in_set(set, neg_norm(tk->surface))) return true;
  for (size_t k = 0; k < tk->term_count; k++) {
    if (tk->terms[k].kind == KT_TERM_PART && !allow_part) continue;
    if (in_set(set, tk->terms[k].text)) return true;
  }
  return false;
}

static size_t clause_of(const size_t *clause, size_t i) { return clause ? clause[i] : 0; }

/* Is one of concept @p c's context words in a clause next to (or at)
 * clause @p cl, outside @p skip? */
static bool has_context(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                        const size_t *clause, size_t c, size_t first, size_t last) {
  size_t cl = clause_of(clause, first);
  /* A concept's context words are consecutive and in concept order
   * (written after it): the first by binary search. */
  size_t k0 = 0, hi = t->nctx;
  while (k0 < hi) {
    size_t mid = k0 + (hi - k0) / 2;
    if (t->ctx[mid].concept < c) k0 = mid + 1;
    else hi = mid;
  }
  for (size_t k = k0; k < t->nctx && t->ctx[k].concept == c; k++) {
    const th_entry *x = &t->ctx[k];
    for (size_t i = 0; i < kt_analysis_count(a); i++) {
      size_t ci = clause_of(clause, i);
      /* The weak word itself is not its own context. */
      if (skip[i] || (i >= first && i <= last) || ci + 1 < cl || ci > cl + 1) continue;
      if (token_matches(kt_analysis_get(a, i), x->words[0], x->part[0])) return true;
    }
  }
  return false;
}

static void found_add(kt__found *out, size_t *n, bool *seen, size_t concept, size_t first,
                      size_t last, bool service) {
  seen[concept] = true;
  out[(*n)++] = (kt__found){concept, first, last, service};
}

static void try_entries(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                        const size_t *clause, size_t i, const char *key, kt__found *out,
                        size_t *n, size_t max, bool *seen) {
  ENTRY q = {.key = (char *)key, .data = NULL}, *hit = NULL;
  if (!hsearch_r(q, FIND, &hit, (struct hsearch_data *)&t->index) || !hit) return;
  size_t count = kt_analysis_count(a);
  for (size_t p = (size_t)(uintptr_t)hit->data; p && *n < max; p = t->posts[p - 1].next) {
    const th_entry *e = &t->entries[t->posts[p - 1].th_entry];
    if (i + e->nwords > count) continue;
    /* An entry that starts with the negation ("ei jaksa elää", "ei puhu
     * suomea") is matched as written, inside the refusal it makes. */
    bool from_neg = !strcmp(neg_norm(kt_analysis_get(a, i)->surface), "ei");
    bool ok = token_matches(kt_analysis_get(a, i), e->words[0], e->allow_part);
    for (size_t w = 1; ok && w < e->nwords; w++)
      ok = (from_neg || !skip[i + w]) && token_matches(kt_analysis_get(a, i + w), e->words[w], false);
    if (!ok) continue;
    if (e->weak && !has_context(t, a, skip, clause, e->concept, i, i + e->nwords - 1)) continue;
    if (seen[e->concept]) {
      /* Found again: at the same words, a service entry means the text
       * already uses the catalogue's word ("starttirahaa" is both); a client
       * word elsewhere means it also speaks the client's language. */
      for (size_t k = 0; k < *n; k++)
        if (out[k].concept == e->concept) {
          if (out[k].first == i) out[k].by_service |= e->service;
          else if (!e->service) out[k].by_service = false;
        }
      continue;
    }
    found_add(out, n, seen, e->concept, i, i + e->nwords - 1, e->service);
  }
}

/* `all:` rules: every word of the rule in one clause and the next one
 * ("haluaisi palkata nuoren, onko tukea"), in any order. */
static void try_rules(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                      const size_t *clause, kt__found *out, size_t *n, size_t max, bool *seen) {
  size_t count = kt_analysis_count(a);
  for (size_t r = 0; r < t->nrules && *n < max; r++) {
    const th_entry *e = &t->rules[r];
    if (seen[e->concept]) continue;
    for (size_t s = 0, end; s < count && !seen[e->concept]; s = end) {
      size_t cl = clause_of(clause, s), stop;
      for (end = s; end < count && clause_of(clause, end) == cl; end++) {}
      for (stop = end; stop < count && clause_of(clause, stop) <= cl + 1; stop++) {}
      size_t first = (size_t)-1, last = 0, w = 0;
      for (; w < e->nwords; w++) {
        size_t hit = (size_t)-1;
        for (size_t i = s; i < stop && hit == (size_t)-1; i++)
          if (!skip[i] && token_matches(kt_analysis_get(a, i), e->words[w], e->part[w])) hit = i;
        if (hit == (size_t)-1) break;
        if (hit < first) first = hit;
        if (hit > last) last = hit;
      }
      if (w == e->nwords) found_add(out, n, seen, e->concept, first, last, false);
    }
  }
}

size_t kt__thesaurus_find(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                          const size_t *clause, kt__found *out, size_t max) {
  if (!t || !t->nconcepts) return 0;
  bool *seen = calloc(t->nconcepts, sizeof *seen);
  if (!seen) return 0;
  size_t n = 0;
  for (size_t i = 0; i < kt_analysis_count(a) && n < max; i++) {
    const kt_token *tk = kt_analysis_get(a, i);
    if (skip[i] && strcmp(neg_norm(tk->surface), "ei")) continue;
    try_entries(t, a, skip, clause, i, neg_norm(tk->surface), out, &n, max, seen);
    for (size_t k = 0; k < tk->term_count && n < max; k++)
      try_entries(t, a, skip, clause, i, tk->terms[k].text, out, &n, max, seen);
  }
  try_rules(t, a, skip, clause, out, &n, max, seen);
  free(seen);
  return n;
}

/* ---- compiling the plain-text files ------------------------------------ */

typedef struct src_concept {
  char *id, *label, *label_sv, *label_en, *groups;
  bool negated_drop;
  int age_lo, age_hi;
  kt__buf client, service, weak, context, all, expand;
  double weight;
  char *file;
  size_t line;
} src_concept;

static char *trim(char *s) {
  while (isspace((unsigned char)*s)) s++;
  char *e = s + strlen(s);
  while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
  return s;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Write one word's match terms: its surface, then its base forms unless the
 * word is written in its base form (an entry written as "etsivä" means that
 * word, not the other readings it happens to have: "etsii"). */
static void write_word(FILE *out, const kt_token *tk, bool part) {
  fputc('\t', out);
  if (part) fputc('+', out);
  fputs(neg_norm(tk->surface), out);
  bool base = false;
  for (size_t i = 0; i < tk->term_count; i++)
    base |= tk->terms[i].kind == KT_TERM_LEMMA && !strcmp(tk->terms[i].text, tk->surface);
  size_t k = 0;
  for (size_t i = 0; i < tk->term_count && k < MAX_WORD_TERMS - 1 && !base; i++) {
    if (tk->terms[i].kind == KT_TERM_PART) continue;
    if (!strcmp(tk->terms[i].text, tk->surface)) continue;
    fprintf(out, " %s", tk->terms[i].text);
    k++;
  }
}

/* A trailing '*' lets a one-word entry match as a compound part
 * ("velka*" finds "ulosottovelka"); it is removed from @p ph. */
static bool take_star(char *ph) {
  size_t l = strlen(ph);
  if (!l || ph[l - 1] != '*') return false;
  ph[l - 1] = '\0';
  char *e = ph + l - 1;
  while (e > ph && isspace((unsigned char)e[-1])) *--e = '\0';
  return true;
}

/* Analyse one phrase into a line of kind @p type (E, S, W, K): per word,
 * its match terms. *empty is set when the phrase has no words; *multi when
 * it has more than one but a part match was asked for. */
static int write_entry(kt_analyzer *an, FILE *out, char *phrase, char type, bool *empty,
                       bool *bad_star) {
  bool star = take_star(phrase);
  kt_analysis *a = NULL;
  int rc = kt_analyze(an, phrase, strlen(phrase), &a);
  if (rc) return rc;
  size_t n = kt_analysis_count(a);
  *empty = n == 0;
  *bad_star = star && n != 1;
  if (n > MAX_ENTRY_WORDS) n = MAX_ENTRY_WORDS;
  if (n) fputc(type, out);
  for (size_t w = 0; w < n; w++) write_word(out, kt_analysis_get(a, w), star && n == 1);
  if (n) fputc('\n', out);
  kt_analysis_free(a);
  return KT_OK;
}

/* An `all:` rule "perustaa + liike*": each '+'-separated part is one word
 * (a '*' lets it match as a compound part). */
static int write_rule(kt_analyzer *an, FILE *out, char *rule, bool *bad) {
  *bad = false;
  char *words[MAX_ENTRY_WORDS];
  size_t nw = 0;
  char *save = NULL;
  for (char *w = strtok_r(rule, "+", &save); w; w = strtok_r(NULL, "+", &save)) {
    w = trim(w);
    if (!*w) continue;
    if (nw == MAX_ENTRY_WORDS) { *bad = true; return KT_OK; }
    words[nw++] = w;
  }
  if (nw < 2) { *bad = true; return KT_OK; }
  kt__buf line;
  kt__buf_init(&line, 1 << 16);
  int rc = kt__buf_adds(&line, "A");
  for (size_t i = 0; i < nw && !rc && !*bad; i++) {
    bool star = take_star(words[i]);
    kt_analysis *a = NULL;
    if ((rc = kt_analyze(an, words[i], strlen(words[i]), &a))) break;
    if (kt_analysis_count(a) != 1) {
      *bad = true;
    } else {
      char *buf = NULL;
      size_t blen = 0;
      FILE *mem = open_memstream(&buf, &blen);
      if (!mem) rc = kt__err(KT_ENOMEM, "cannot compile a thesaurus rule");
      else {
        write_word(mem, kt_analysis_get(a, 0), star);
        fclose(mem);
        rc = kt__buf_add(&line, buf, blen);
      }
      free(buf);
    }
    kt_analysis_free(a);
  }
  if (!rc && !*bad) fprintf(out, "%s\n", line.data);
  kt__buf_free(&line);
  return rc;
}

/* Expansion terms of the service phrases, deduplicated at their best weight. */
static int write_expansions(kt_analyzer *an, FILE *out, const src_concept *c) {
  kt__buf all;
  kt__buf_init(&all, 1 << 21);
  int brc = kt__buf_adds(&all, c->service.data ? c->service.data : "");
  if (!brc && c->expand.len) brc = kt__buf_printf(&all, ",%s", c->expand.data);
  char *list = brc ? NULL : kt__strdup(all.data ? all.data : "");
  kt__buf_free(&all);
  if (!list) return kt__err(KT_ENOMEM, "cannot compile the thesaurus");
  char *terms[512];
  double w[512];
  size_t nt = 0;
  int rc = KT_OK;
  char *save = NULL;
  for (char *ph = strtok_r(list, ",", &save); ph && !rc; ph = strtok_r(NULL, ",", &save)) {
    ph = trim(ph);
    kt_analysis *a = NULL;
    if ((rc = kt_analyze(an, ph, strlen(ph), &a))) break;
    for (size_t i = 0; i < kt_analysis_count(a); i++) {
      const kt_token *tk = kt_analysis_get(a, i);
      if (tk->stopword) continue;
      for (size_t k = 0; k < tk->term_count; k++) {
        double x = c->weight * kt__term_weight(tk->terms[k].kind);
        size_t j = 0;
        while (j < nt && strcmp(terms[j], tk->terms[k].text)) j++;
        if (j < nt) { if (x > w[j]) w[j] = x; continue; }
        if (nt == 512) continue;
        terms[nt] = kt__strdup(tk->terms[k].text);
        w[nt++] = x;
      }
    }
    kt_analysis_free(a);
  }
  for (size_t j = 0; j < nt; j++) {
    if (!rc && terms[j]) fprintf(out, "X\t%s\t%.3f\n", terms[j], w[j]);
    free(terms[j]);
  }
  free(list);
  return rc;
}

static void src_free(src_concept *c) {
  free(c->id); free(c->label); free(c->label_sv); free(c->label_en); free(c->groups);
  free(c->file);
  kt__buf_free(&c->client);
  kt__buf_free(&c->service);
  kt__buf_free(&c->weak);
  kt__buf_free(&c->context);
  kt__buf_free(&c->all);
  kt__buf_free(&c->expand);
}

static bool valid_id(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')) return false;
  return true;
}

/* Parse one file into @p cs; problems go to @p errs as "file:line: ...". */
static int parse_file(const char *path, src_concept **cs, size_t *n, size_t *cap, kt__buf *errs) {
  /* O_NONBLOCK: a FIFO named *.txt must not block the build forever. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return kt__buf_printf(errs, "%s: cannot read: %s\n", path, strerror(errno));
  struct stat st;
  FILE *fp = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "r") : NULL;
  if (!fp) {
    close(fd);
    return kt__buf_printf(errs, "%s: not a regular file\n", path);
  }
  char *line = NULL, lastkey[16] = "";
  size_t lcap = 0, lineno = 0;
  ssize_t len;
  int rc = KT_OK;
  src_concept *c = NULL;
  while (!rc && (len = getline(&line, &lcap, fp)) >= 0) {
    lineno++;
    if (!kt__utf8_valid(line, (size_t)len, NULL)) {
      rc = kt__buf_printf(errs, "%s:%zu: not valid UTF-8\n", path, lineno);
      continue;
    }
    bool cont = len > 0 && (line[0] == ' ' || line[0] == '\t');
    char *s = trim(line);
    if (!*s || *s == '#') continue;
    if (*s == '[') {
      char *e = strchr(s, ']');
      if (!e || e[1]) { rc = kt__buf_printf(errs, "%s:%zu: expected [concept_id]\n", path, lineno); continue; }
      *e = '\0';
      if (!valid_id(s + 1)) {
        rc = kt__buf_printf(errs, "%s:%zu: concept id '%s' may only have a-z, 0-9 and _\n", path, lineno, s + 1);
        continue;
      }
      if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        src_concept *ncs = realloc(*cs, *cap * sizeof *ncs);
        if (!ncs) { rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__); break; }
        *cs = ncs;
      }
      c = &(*cs)[(*n)++];
      memset(c, 0, sizeof *c);
      c->id = kt__strdup(s + 1);
      c->file = kt__strdup(path);
      c->line = lineno;
      c->weight = 0.5;
      kt__buf_init(&c->client, 1 << 20);
      kt__buf_init(&c->service, 1 << 20);
      kt__buf_init(&c->weak, 1 << 20);
      kt__buf_init(&c->context, 1 << 20);
      kt__buf_init(&c->all, 1 << 20);
      kt__buf_init(&c->expand, 1 << 20);
      c->age_lo = c->age_hi = -1;
      lastkey[0] = '\0';
      continue;
    }
    char *key = s, *val = NULL;
    if (cont && lastkey[0]) {
      key = lastkey;
      val = s;
    } else {
      char *colon = strchr(s, ':');
      if (!colon) { rc = kt__buf_printf(errs, "%s:%zu: expected 'key: value'\n", path, lineno); continue; }
      *colon = '\0';
      key = trim(s);
      val = trim(colon + 1);
      snprintf(lastkey, sizeof lastkey, "%s", key);
    }
    if (!c) { rc = kt__buf_printf(errs, "%s:%zu: '%s' before the first [concept]\n", path, lineno, key); continue; }
    if (!strcmp(key, "client") || !strcmp(key, "service") || !strcmp(key, "weak") ||
        !strcmp(key, "context") || !strcmp(key, "all") || !strcmp(key, "expand")) {
      kt__buf *b = !strcmp(key, "client")    ? &c->client
                   : !strcmp(key, "service") ? &c->service
                   : !strcmp(key, "weak")    ? &c->weak
                   : !strcmp(key, "context") ? &c->context
                   : !strcmp(key, "expand")  ? &c->expand
                                             : &c->all;
      if (b->len) rc = kt__buf_adds(b, ",");
      if (!rc) rc = kt__buf_adds(b, val);
    } else if (!strcmp(key, "label") || !strcmp(key, "label_sv") || !strcmp(key, "label_en")) {
      char **dst = key[5] == '\0' ? &c->label : key[6] == 's' ? &c->label_sv : &c->label_en;
      free(*dst);
      *dst = kt__strdup(val);
      if (strchr(val, '\t')) rc = kt__buf_printf(errs, "%s:%zu: %s has a tab\n", path, lineno, key);
    } else if (!strcmp(key, "groups")) {
      kt__buf g;
      kt__buf_init(&g, 4096);
      char *save = NULL, *v = kt__strdup(val);
      for (char *tok = v ? strtok_r(v, ",", &save) : NULL; tok; tok = strtok_r(NULL, ",", &save)) {
        tok = trim(tok);
        if (!*tok) continue;
        if (!kt__target_group_known(tok))
          rc = kt__buf_printf(errs, "%s:%zu: groups: '%s' is not a target group id (catalog/README.md)\n", path, lineno, tok);
        if (g.len) kt__buf_adds(&g, ",");
        kt__buf_adds(&g, tok);
      }
      free(v);
      free(c->groups);
      c->groups = kt__strdup(g.data ? g.data : "");
      kt__buf_free(&g);
    } else if (!strcmp(key, "negated")) {
      if (strcmp(val, "need") && strcmp(val, "drop"))
        rc = kt__buf_printf(errs, "%s:%zu: negated: '%s' must be 'need' or 'drop'\n", path, lineno, val);
      else c->negated_drop = !strcmp(val, "drop");
    } else if (!strcmp(key, "age")) {
      int lo = -1, hi = -1, used = 0;
      if (sscanf(val, "%d-%d%n", &lo, &hi, &used) != 2 || val[used] || lo < 0 || hi < lo || hi > 120)
        rc = kt__buf_printf(errs, "%s:%zu: age '%s' must be a range LO-HI of years (0-120)\n", path, lineno, val);
      else c->age_lo = lo, c->age_hi = hi;
    } else if (!strcmp(key, "weight")) {
      char *end = NULL;
      double w = strtod(val, &end);
      if (end == val || *end || w < 0.1 || w > 0.9)
        rc = kt__buf_printf(errs, "%s:%zu: weight '%s' must be a number from 0.1 to 0.9\n", path, lineno, val);
      else c->weight = w;
    } else {
      rc = kt__buf_printf(errs, "%s:%zu: unknown key '%s' (expected label, label_sv, label_en, client, service, expand, weak, context, all, age, groups, negated, weight)\n", path, lineno, key);
      lastkey[0] = '\0';
    }
  }
  free(line);
  fclose(fp);
  return rc;
}

int kt__thesaurus_compile(kt_analyzer *an, const char *dir, const char *out_path,
                          size_t *concepts_out) {
  if (concepts_out) *concepts_out = 0;
  DIR *d = opendir(dir);
  if (!d) {
    if (errno == ENOENT) return KT_OK;
    return kt__err(KT_EIO, "cannot read thesaurus folder %s: %s", dir, strerror(errno));
  }
  char *names[1024];
  size_t nn = 0;
  struct dirent *de;
  while ((de = readdir(d)) && nn < 1024) {
    size_t l = strlen(de->d_name);
    if (l > 4 && !strcmp(de->d_name + l - 4, ".txt") && de->d_name[0] != '.')
      names[nn++] = kt__strdup(de->d_name);
  }
  closedir(d);
  qsort(names, nn, sizeof *names, cmp_str);
  src_concept *cs = NULL;
  size_t n = 0, cap = 0;
  kt__buf errs;
  kt__buf_init(&errs, 1 << 16);
  int rc = KT_OK;
  for (size_t i = 0; i < nn; i++) {
    char *p = names[i] ? kt__path_join(dir, names[i]) : NULL;
    if (!p) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    else if (parse_file(p, &cs, &n, &cap, &errs) == KT_ENOMEM) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    free(p);
    free(names[i]);
  }
  /* Whole-thesaurus checks: required keys, unique ids. */
  for (size_t i = 0; !rc && i < n; i++) {
    src_concept *c = &cs[i];
    if (!c->label || !*c->label)
      kt__buf_printf(&errs, "%s:%zu: [%s] has no label\n", c->file, c->line, c->id);
    if (!c->client.len && !c->weak.len && !c->all.len && c->age_lo < 0)
      kt__buf_printf(&errs, "%s:%zu: [%s] has no client or weak words, rules or age\n", c->file, c->line, c->id);
    if (c->weak.len && !c->context.len)
      kt__buf_printf(&errs, "%s:%zu: [%s] has weak words but no context words\n", c->file, c->line, c->id);
    if (!c->service.len) kt__buf_printf(&errs, "%s:%zu: [%s] has no service words\n", c->file, c->line, c->id);
    for (size_t j = 0; j < i; j++)
      if (!strcmp(cs[j].id, c->id))
        kt__buf_printf(&errs, "%s:%zu: concept id '%s' is already used at %s:%zu\n", c->file,
                       c->line, c->id, cs[j].file, cs[j].line);
  }
  if (!rc && errs.len) {
    /* Show at most 40 problems; the first ones are what an editor fixes first. */
    size_t lines = 0, cut = 0;
    for (size_t i = 0; i < errs.len; i++)
      if (errs.data[i] == '\n' && ++lines == 40) cut = i;
    if (cut) errs.data[cut] = '\0';
    else if (errs.data[errs.len - 1] == '\n') errs.data[errs.len - 1] = '\0';
    rc = kt__err(KT_ECATALOG, "thesaurus is invalid:\n%s%s", errs.data,
                 lines > 40 ? "\n... (more problems not shown)" : "");
  }
  FILE *out = NULL;
  if (!rc && !(out = fopen(out_path, "w")))
    rc = kt__err(KT_EIO, "cannot write %s: %s", out_path, strerror(errno));
  for (size_t i = 0; !rc && i < n; i++) {
    src_concept *c = &cs[i];
    char flags[32] = "";
    if (c->negated_drop) strcat(flags, "D");
    if (c->age_lo >= 0)
      snprintf(flags + strlen(flags), sizeof flags - strlen(flags), "a%d-%d", c->age_lo, c->age_hi);
    fprintf(out, "C\t%s\t%.3f\t%s\t%s\t%s\t%s\t%s\n", c->id, c->weight, c->label,
            c->label_sv ? c->label_sv : "", c->label_en ? c->label_en : "",
            c->groups ? c->groups : "", flags);
    /* Client, weak and service entries find the concept; context words and
     * rules are written after them. */
    static const struct { char type; size_t off; const char *key; } lists[] = {
        {'E', offsetof(src_concept, client), "client"},
        {'S', offsetof(src_concept, service), "service"},
        {'W', offsetof(src_concept, weak), "weak"},
        {'K', offsetof(src_concept, context), "context"},
        {'A', offsetof(src_concept, all), "all"},
    };
    for (size_t l = 0; l < sizeof lists / sizeof *lists && !rc; l++) {
      const kt__buf *b = (const kt__buf *)((const char *)c + lists[l].off);
      char *list = kt__strdup(b->data ? b->data : "");
      if (!list) { rc = kt__err(KT_ENOMEM, "cannot compile the thesaurus"); break; }
      char *save = NULL;
      for (char *ph = strtok_r(list, ",", &save); ph && !rc; ph = strtok_r(NULL, ",", &save)) {
        ph = trim(ph);
        if (!*ph) continue;
        char shown[256];
        snprintf(shown, sizeof shown, "%s", ph);
        bool empty = false, bad = false;
        if (lists[l].type == 'A') {
          rc = write_rule(an, out, ph, &bad);
          if (!rc && bad)
            rc = kt__err(KT_ECATALOG, "%s:%zu: [%s]: all: '%s' must be 2-%d single words joined by '+'",
                         c->file, c->line, c->id, shown, MAX_ENTRY_WORDS);
          continue;
        }
        if (lists[l].type == 'K') {
          /* Only a context entry's first word would be used: one word it is. */
          kt_analysis *ka = NULL;
          if ((rc = kt_analyze(an, ph, strlen(ph), &ka))) break;
          size_t nk = kt_analysis_count(ka);
          kt_analysis_free(ka);
          if (nk > 1) {
            rc = kt__err(KT_ECATALOG, "%s:%zu: [%s]: context '%s' must be one word", c->file,
                         c->line, c->id, shown);
            break;
          }
        }
        rc = write_entry(an, out, ph, lists[l].type, &empty, &bad);
        if (!rc && empty)
          rc = kt__err(KT_ECATALOG, "%s:%zu: [%s]: %s entry '%s' has no words", c->file, c->line,
                       c->id, lists[l].key, shown);
        if (!rc && bad)
          rc = kt__err(KT_ECATALOG, "%s:%zu: [%s]: %s entry '%s': only a one-word entry may end in '*'",
                       c->file, c->line, c->id, lists[l].key, shown);
      }
      free(list);
    }
    if (!rc) rc = write_expansions(an, out, c);
  }
  if (out && fclose(out) != 0 && !rc)
    rc = kt__err(KT_EIO, "cannot write %s: %s", out_path, strerror(errno));
  if (!rc && concepts_out) *concepts_out = n;
  for (size_t i = 0; i < n; i++) src_free(&cs[i]);
  free(cs);
  kt__buf_free(&errs);
  return rc;
}

/* ---- lint: triggers that fire on too many catalogue words -------------- */

/* A part used in this many distinct catalogue words is a generic part: a
 * '*' on it fires its concept on all of them (työ*, palvelu*). */
#define LINT_COMMON_PART 12
#define LINT_EXAMPLES 4

typedef struct part_use {
  char *part;
  size_t words;                  /* distinct catalogue words holding it as a part */
  char *example[LINT_EXAMPLES];  /* a few of them */
} part_use;

typedef struct lint_ctx {
  kt_analyzer *an;
  struct hsearch_data parts;     /* part -> part_use */
  struct hsearch_data seen;      /* "part\tword" pairs counted */
  part_use **uses;
  size_t nuses, cap;
  char **keys;                   /* owned keys of `seen` */
  size_t nkeys, kcap;
} lint_ctx;

static int lint_text(lint_ctx *L, const char *text) {
  if (!text || !*text) return KT_OK;
  kt_analysis *a = NULL;
  int rc = kt_analyze(L->an, text, strlen(text), &a);
  for (size_t i = 0; !rc && i < kt_analysis_count(a); i++) {
    const kt_token *t = kt_analysis_get(a, i);
    for (size_t k = 0; !rc && k < t->term_count; k++) {
      if (t->terms[k].kind != KT_TERM_PART) continue;
      char *pair = NULL;
      if (asprintf(&pair, "%s\t%s", t->terms[k].text, t->surface) < 0)
        return kt__err(KT_ENOMEM, "cannot check the thesaurus");
      ENTRY q = {.key = pair, .data = NULL}, *hit = NULL;
      if (hsearch_r(q, FIND, &hit, &L->seen) && hit) { free(pair); continue; }
      if (L->nkeys == L->kcap) {
        L->kcap = L->kcap ? L->kcap * 2 : 1024;
        char **nk = realloc(L->keys, L->kcap * sizeof *nk);
        if (!nk) { free(pair); return kt__err(KT_ENOMEM, "cannot check the thesaurus"); }
        L->keys = nk;
      }
      L->keys[L->nkeys++] = pair;
      if (!hsearch_r(q, ENTER, &hit, &L->seen)) return kt__err(KT_ENOMEM, "thesaurus check: too many words");
      ENTRY p = {.key = (char *)t->terms[k].text, .data = NULL};
      part_use *u = NULL;
      if (hsearch_r(p, FIND, &hit, &L->parts) && hit) {
        u = hit->data;
      } else {
        if (L->nuses == L->cap) {
          L->cap = L->cap ? L->cap * 2 : 1024;
          part_use **nu = realloc(L->uses, L->cap * sizeof *nu);
          if (!nu) return kt__err(KT_ENOMEM, "cannot check the thesaurus");
          L->uses = nu;
        }
        u = calloc(1, sizeof *u);
        if (!u || !(u->part = kt__strdup(t->terms[k].text))) {
          free(u);
          return kt__err(KT_ENOMEM, "cannot check the thesaurus");
        }
        L->uses[L->nuses++] = u;
        p.key = u->part;
        p.data = u;
        if (!hsearch_r(p, ENTER, &hit, &L->parts)) return kt__err(KT_ENOMEM, "thesaurus check: too many parts");
      }
      if (u->words < LINT_EXAMPLES) u->example[u->words] = kt__strdup(t->surface);
      u->words++;
    }
  }
  kt_analysis_free(a);
  return rc;
}

static int lint_service(const kt__service *s, size_t index, size_t total, void *ud) {
  (void)index;
  (void)total;
  lint_ctx *L = ud;
  const char *texts[] = {s->name.fi, s->summary.fi, s->description.fi, s->target_description.fi,
                         s->requirements.fi};
  int rc = KT_OK;
  for (size_t i = 0; i < sizeof texts / sizeof *texts && !rc; i++) rc = lint_text(L, texts[i]);
  for (size_t i = 0; i < s->n_keywords && !rc; i++) rc = lint_text(L, s->keywords[i]);
  return rc;
}

int kt_thesaurus_lint(const char *catalog_dir, char **out) {
  kt__err_clear();
  if (!catalog_dir || !out) return kt__err(KT_EINVAL, "kt_thesaurus_lint: NULL argument");
  *out = NULL;
  lint_ctx L;
  memset(&L, 0, sizeof L);
  kt__buf w;
  kt__buf_init(&w, 1 << 20);
  src_concept *cs = NULL;
  size_t n = 0, cap = 0;
  kt__buf errs;
  kt__buf_init(&errs, 1 << 16);
  char *tdir = kt__path_join(catalog_dir, "thesaurus");
  int rc = tdir ? kt_analyzer_open(&L.an) : kt__err(KT_ENOMEM, "cannot check the thesaurus");
  if (!rc) {
    kt__analyzer_set_fix_umlauts(L.an, false);
    if (!hcreate_r(1 << 18, &L.parts) || !hcreate_r(1 << 20, &L.seen))
      rc = kt__err(KT_ENOMEM, "cannot check the thesaurus");
  }
  if (!rc) rc = kt__catalog_scan(catalog_dir, lint_service, &L, NULL);
  /* The source files, as the compiler reads them. */
  DIR *d = rc ? NULL : opendir(tdir);
  struct dirent *de;
  char *names[1024];
  size_t nn = 0;
  while (d && (de = readdir(d)) && nn < 1024) {
    size_t l = strlen(de->d_name);
    if (l > 4 && !strcmp(de->d_name + l - 4, ".txt") && de->d_name[0] != '.')
      names[nn++] = kt__strdup(de->d_name);
  }
  if (d) closedir(d);
  qsort(names, nn, sizeof *names, cmp_str);
  for (size_t i = 0; i < nn; i++) {
    char *p = !rc && names[i] ? kt__path_join(tdir, names[i]) : NULL;
    if (p) parse_file(p, &cs, &n, &cap, &errs);
    free(p);
    free(names[i]);
  }
  for (size_t i = 0; !rc && i < n; i++) {
    const src_concept *c = &cs[i];
    const kt__buf *lists[] = {&c->client, &c->service, &c->weak};
    for (size_t l = 0; l < 3 && !rc; l++) {
      char *list = kt__strdup(lists[l]->data ? lists[l]->data : "");
      char *save = NULL;
      for (char *ph = list ? strtok_r(list, ",", &save) : NULL; ph && !rc; ph = strtok_r(NULL, ",", &save)) {
        ph = trim(ph);
        if (!take_star(ph)) continue;
        kt_analysis *a = NULL;
        if ((rc = kt_analyze(L.an, ph, strlen(ph), &a))) break;
        const kt_token *t = kt_analysis_count(a) == 1 ? kt_analysis_get(a, 0) : NULL;
        size_t most = 0;
        const part_use *mu = NULL;
        for (size_t k = 0; t && k < t->term_count; k++) {
          ENTRY q = {.key = (char *)t->terms[k].text, .data = NULL}, *hit = NULL;
          if (t->terms[k].kind == KT_TERM_PART) continue;
          if (hsearch_r(q, FIND, &hit, &L.parts) && hit && ((part_use *)hit->data)->words > most) {
            mu = hit->data;
            most = mu->words;
          }
        }
        if (mu && most >= LINT_COMMON_PART) {
          kt__buf_printf(&w, "%s:%zu: [%s]: '%s*' is a part of %zu catalogue words (", c->file,
                         c->line, c->id, ph, most);
          for (size_t e = 0; e < LINT_EXAMPLES && e < most && mu->example[e]; e++)
            kt__buf_printf(&w, "%s%s", e ? ", " : "", mu->example[e]);
          kt__buf_printf(&w, "%s): as a part it finds this concept in all of them\n",
                         most > LINT_EXAMPLES ? ", …" : "");
        }
        kt_analysis_free(a);
      }
      free(list);
    }
  }
  if (!rc) {
    *out = w.data ? w.data : kt__strdup("");
    w.data = NULL;
    if (!*out) rc = kt__err(KT_ENOMEM, "cannot check the thesaurus");
  }
  kt__buf_free(&w);
  kt__buf_free(&errs);
  for (size_t i = 0; i < n; i++) src_free(&cs[i]);
  free(cs);
  for (size_t i = 0; i < L.nuses; i++) {
    free(L.uses[i]->part);
    for (size_t e = 0; e < LINT_EXAMPLES; e++) free(L.uses[i]->example[e]);
    free(L.uses[i]);
  }
  free(L.uses);
  for (size_t i = 0; i < L.nkeys; i++) free(L.keys[i]);
  free(L.keys);
  if (L.an) {
    hdestroy_r(&L.parts);
    hdestroy_r(&L.seen);
  }
  kt_analyzer_close(L.an);
  free(tdir);
  return rc;
}
