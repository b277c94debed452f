/*
 * thesaurus.c — the domain thesaurus: client vocabulary -> concepts ->
 * service vocabulary (format: catalog/thesaurus/README.md).
 *
 * At index time (indexer/thesaurus_compile.c) the plain-text files are validated and every entry is
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
#include "thesaurus.h"
#include "analyze.h"
#include "reading.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <search.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the loaded (compiled) thesaurus ----------------------------------- */

typedef struct th_entry {
  size_t concept;
  bool service; /* a service word (else a client word) */
  bool weak;    /* needs a context word nearby (`weak:`) */
  size_t nwords;
  bool allow_part; /* a one-word entry marked '*': compound parts hit too */
  bool negates;    /* a word after the first is a negation ("vill inte leva"), read at load */
  bool part[KT__THES_MAX_ENTRY_WORDS]; /* a rule's words: each may match as a part */
  /* Per word, the signature bits (analyze.h) of its set: a note's word
   * whose forms have none of them cannot match it (try_entries). */
  uint64_t mask[KT__THES_MAX_ENTRY_WORDS];
  const char
      *words[KT__THES_MAX_ENTRY_WORDS][KT__THES_MAX_WORD_TERMS + 1]; /* NULL-terminated sets */
} th_entry;

typedef struct posting {
  size_t th_entry;
  size_t next; /* index + 1 of the next posting for the same key; 0 ends */
} posting;

/* A form of a rule's first word and the rule (try_rules: only the rules
 * whose first word the note has are tried). */
struct rule_key {
  const char *form;
  size_t rule;
};

static int cmp_rule_key(const void *a, const void *b) {
  const struct rule_key *x = a, *y = b;
  int c = strcmp(x->form, y->form);
  return c ? c : (x->rule > y->rule) - (x->rule < y->rule);
}

/* A service of `needed_by:` and the concept that lists it. */
struct need_pair {
  const char *service;
  size_t concept;
};

static int cmp_need_pair(const void *a, const void *b) {
  const struct need_pair *x = a, *y = b;
  int c = strcmp(x->service, y->service);
  return c ? c : (x->concept > y->concept) - (x->concept < y->concept);
}

struct kt__thesaurus {
  kt__arena arena;
  kt__concept *concepts;
  size_t nconcepts;
  th_entry *entries;
  size_t nentries;
  posting *posts;
  size_t nposts;
  th_entry *ctx; /* context words (one word each), by concept */
  size_t nctx;
  th_entry *rules; /* `all:` rules */
  size_t nrules;
  struct rule_key *rkeys; /* each form of each rule's first word, sorted by form */
  size_t nrkeys;
  struct hsearch_data index; /* first-word term -> posting head (index + 1) */
  bool has_index;
  size_t *by_id;           /* concept indices sorted by id (kt__thesaurus_index_of) */
  struct need_pair *needs; /* every `needed_by:` service with its concept, sorted by service */
  size_t nneeds;
};

size_t kt__thesaurus_count(const kt__thesaurus *t) { return t ? t->nconcepts : 0; }

size_t kt__thesaurus_needed(const kt__thesaurus *t, const char *service, size_t *out, size_t max) {
  if (!t || !t->nneeds) return 0;
  size_t lo = 0, hi = t->nneeds, n = 0;
  while (lo < hi) { /* the first pair not below the service */
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(t->needs[mid].service, service) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (; lo < t->nneeds && !strcmp(t->needs[lo].service, service); lo++)
    if (n < max) out[n++] = t->needs[lo].concept;
  return n;
}

/* qsort_r()/bsearch order of concept indices by their ids. */
static int cmp_index_id(const void *a, const void *b, void *ud) {
  const kt__concept *cs = ud;
  return strcmp(cs[*(const size_t *)a].id, cs[*(const size_t *)b].id);
}

size_t kt__thesaurus_index_of(const kt__thesaurus *t, const char *id) {
  if (!t || !t->by_id) return SIZE_MAX;
  size_t lo = 0, hi = t->nconcepts;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(t->concepts[t->by_id[mid]].id, id);
    if (!c) return t->by_id[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return SIZE_MAX;
}
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
  free(t->rkeys);
  free(t->by_id);
  free(t->needs);
  kt__arena_free(&t->arena);
  free(t);
}

const char *kt__thesaurus_neg_norm(const char *s) {
  /* With the umlauts a typed note leaves out ("eika", "eivat"). */
  static const char *const neg[] = {"ei",   "en",    "et",   "emme",  "ette", "eivät",
                                    "eikä", "ettei", "eika", "eivat", NULL};
  if (s[0] != 'e') return s; /* every form starts so: most words leave here */
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

/* Split the comma-separated ids of @p field (changed in place) into
 * *@p out (in @p arena), *@p n of them. KT_ENOMEM on failure. */
static int id_list(kt__arena *arena, char *field, const char *const **out, size_t *n) {
  size_t nw = 1;
  for (const char *p = field; *p; p++)
    nw += *p == ',';
  const char **w = kt__arena_alloc(arena, nw * sizeof *w);
  if (!w) return KT_ENOMEM;
  char *save = NULL;
  for (char *tok = strtok_r(field, ",", &save); tok && *n < nw; tok = strtok_r(NULL, ",", &save))
    if (!(w[(*n)++] = kt__arena_strdup(arena, tok))) return KT_ENOMEM;
  *out = w;
  return KT_OK;
}

/* Split @p line at tabs in place; returns the field count. */
static size_t split_tabs(char *line, char **f, size_t max) {
  size_t n = 0;
  f[n++] = line;
  for (char *p = line; *p && n < max; p++)
    if (*p == '\t') {
      *p = '\0';
      f[n++] = p + 1;
    }
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
  if (!exp_start) {
    rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    goto out;
  }
  while ((len = getline(&line, &lcap, fp)) > 0) {
    lineno++;
    if (line[len - 1] == '\n') line[--len] = '\0';
    if (!len) continue;
    char *f[KT__THES_MAX_ENTRY_WORDS + 8];
    size_t nf = split_tabs(line, f, KT__THES_MAX_ENTRY_WORDS + 8);
    if (f[0][0] == 'C' && nf >= 7) {
      if (t->nconcepts == ccap) {
        ccap *= 2;
        kt__concept *nc = realloc(t->concepts, ccap * sizeof *nc);
        size_t *ns = realloc(exp_start, ccap * sizeof *ns);
        if (nc) t->concepts = nc;
        if (ns) exp_start = ns;
        if (!nc || !ns) {
          rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
          break;
        }
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
      for (char *p = f[6]; *p; p++)
        ng += *p == ',';
      const char **g = kt__arena_alloc(&t->arena, (ng + 1) * sizeof *g);
      if (!c->id || !c->label || !g) {
        rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
        break;
      }
      char *save = NULL;
      for (char *tok = strtok_r(f[6], ",", &save); tok && c->ngroups < ng;
           tok = strtok_r(NULL, ",", &save))
        g[c->ngroups++] = kt__arena_strdup(&t->arena, tok);
      c->groups = g;
      c->negated_drop = nf >= 8 && strchr(f[7], 'D') != NULL;
      c->first = nf >= 8 && strchr(f[7], 'F') != NULL;
      c->first_narrowed = nf >= 8 && strchr(f[7], 'N') != NULL;
      c->past_need = nf >= 8 && strchr(f[7], 'P') != NULL;
      c->past_childhood = nf >= 8 && strchr(f[7], 'C') != NULL;
      c->other_need = nf >= 8 && strchr(f[7], 'O') != NULL;
      c->wish_need = nf >= 8 && strchr(f[7], 'W') != NULL;
      c->age_lo = c->age_hi = -1;
      const char *ag = nf >= 8 ? strchr(f[7], 'a') : NULL;
      if (ag && sscanf(ag + 1, "%d-%d", &c->age_lo, &c->age_hi) != 2) c->age_lo = c->age_hi = -1;
      c->history = -1;
      const char *hi = nf >= 8 ? strchr(f[7], 'h') : NULL;
      if (hi && sscanf(hi + 1, "%d", &c->history) != 1) c->history = -1;
      if ((nf >= 9 && *f[8] && id_list(&t->arena, f[8], &c->with, &c->nwith)) ||
          (nf >= 10 && *f[9] && id_list(&t->arena, f[9], &c->rules_out, &c->nrules_out)) ||
          (nf >= 11 && *f[10] && id_list(&t->arena, f[10], &c->unless, &c->nunless)) ||
          (nf >= 12 && *f[11] && !(c->municipality = kt__arena_strdup(&t->arena, f[11]))) ||
          (nf >= 13 && *f[12] && id_list(&t->arena, f[12], &c->needed_by, &c->nneeded_by))) {
        rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
        break;
      }
    } else if (strchr("ESWKA", f[0][0]) && f[0][1] == '\0' && nf >= 2 && t->nconcepts) {
      /* Entries (E, S, W) are indexed by their first word; context words (K)
       * and rules (A) are kept in their own lists. */
      th_entry **list = f[0][0] == 'K' ? &t->ctx : f[0][0] == 'A' ? &t->rules : &t->entries;
      size_t *count = f[0][0] == 'K' ? &t->nctx : f[0][0] == 'A' ? &t->nrules : &t->nentries;
      /* Room for 16, then doubled at each power of two. */
      if (*count == 0 || (*count >= 16 && !(*count & (*count - 1)))) {
        th_entry *ne = realloc(*list, (*count ? *count * 2 : 16) * sizeof *ne);
        if (!ne) {
          rc = kt__err(KT_ENOMEM, "cannot load the thesaurus");
          break;
        }
        *list = ne;
      }
      th_entry *e = &(*list)[*count];
      memset(e, 0, sizeof *e);
      e->concept = t->nconcepts - 1;
      e->service = f[0][0] == 'S';
      e->weak = f[0][0] == 'W';
      e->nwords = nf - 1 > KT__THES_MAX_ENTRY_WORDS ? KT__THES_MAX_ENTRY_WORDS : nf - 1;
      for (size_t w = 0; w < e->nwords; w++) {
        char *s = f[w + 1];
        if (*s == '+') {
          e->part[w] = true;
          if (w == 0) e->allow_part = e->nwords == 1;
          s++;
        }
        size_t k = 0;
        char *save = NULL;
        for (char *tok = strtok_r(s, " ", &save); tok && k < KT__THES_MAX_WORD_TERMS;
             tok = strtok_r(NULL, " ", &save))
          if (!(e->words[w][k++] = kt__arena_strdup(&t->arena, tok)))
            rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
          else if (w > 0)
            e->negates |= kt__negation_text(tok);
        for (size_t m = 0; m < k; m++)
          e->mask[w] |= e->words[w][m] ? kt__sig_bit(e->words[w][m]) : 0;
      }
      (*count)++;
    } else if (f[0][0] == 'X' && nf >= 3 && t->nconcepts) {
      if (nexp == xcap) {
        xcap *= 2;
        kt__expansion *nx = realloc(exp, xcap * sizeof *nx);
        if (!nx) {
          rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
          break;
        }
        exp = nx;
      }
      exp[nexp].term = kt__arena_strdup(&t->arena, f[1]);
      exp[nexp].weight = strtod(f[2], NULL);
      if (!exp[nexp++].term) {
        rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
        break;
      }
    } else {
      rc = kt__err(KT_ECORRUPT, "%s:%zu: malformed compiled thesaurus line", path, lineno);
      break;
    }
  }
  if (!rc) {
    kt__expansion *all = kt__arena_alloc(&t->arena, (nexp ? nexp : 1) * sizeof *all);
    if (!all)
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
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
      for (size_t k = 0; t->entries[i].words[0][k]; k++)
        nkeys++;
    t->posts = calloc(nkeys + 1, sizeof *t->posts);
    if (!t->posts || !hcreate_r(nkeys * 2 + 64, &t->index))
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    else
      t->has_index = true;
    for (size_t i = 0; !rc && i < t->nentries; i++)
      for (size_t k = 0; !rc && t->entries[i].words[0][k]; k++)
        rc = index_key(t, t->entries[i].words[0][k], i);
  }
  /* Index the rules by the forms of their first word. */
  if (!rc && t->nrules) {
    size_t nk = 0;
    for (size_t r = 0; r < t->nrules; r++)
      for (size_t k = 0; t->rules[r].nwords && t->rules[r].words[0][k]; k++)
        nk++;
    if (!(t->rkeys = malloc((nk ? nk : 1) * sizeof *t->rkeys))) {
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    } else {
      for (size_t r = 0; r < t->nrules; r++)
        for (size_t k = 0; t->rules[r].nwords && t->rules[r].words[0][k]; k++)
          t->rkeys[t->nrkeys++] = (struct rule_key){t->rules[r].words[0][k], r};
      qsort(t->rkeys, t->nrkeys, sizeof *t->rkeys, cmp_rule_key);
    }
  }
  if (!rc && t->nconcepts) {
    if (!(t->by_id = malloc(t->nconcepts * sizeof *t->by_id))) {
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    } else {
      for (size_t i = 0; i < t->nconcepts; i++)
        t->by_id[i] = i;
      qsort_r(t->by_id, t->nconcepts, sizeof *t->by_id, cmp_index_id, t->concepts);
    }
  }
  /* The services that need a concept, read once and sorted: every candidate
   * of every search is looked up among them (rerank.c need_unmet). */
  size_t np = 0;
  for (size_t i = 0; !rc && i < t->nconcepts; i++)
    np += t->concepts[i].nneeded_by;
  if (!rc && np) {
    if (!(t->needs = malloc(np * sizeof *t->needs))) {
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    } else {
      for (size_t i = 0; i < t->nconcepts; i++)
        for (size_t r = 0; r < t->concepts[i].nneeded_by; r++)
          t->needs[t->nneeds++] = (struct need_pair){t->concepts[i].needed_by[r], i};
      qsort(t->needs, t->nneeds, sizeof *t->needs, cmp_need_pair);
    }
  }
out:
  free(line);
  free(exp);
  fclose(fp);
  if (rc) {
    kt__thesaurus_free(t);
    return rc;
  }
  *out = t;
  return KT_OK;
}

/* ---- finding concepts in a need text ----------------------------------- */

static bool in_set(const char *const *set, const char *s) {
  for (size_t k = 0; set[k]; k++)
    if (set[k][0] == s[0] && !strcmp(set[k], s)) return true;
  return false;
}

/* Is @p typed the function word @p word typed without its umlauts
 * ("ketaan" for "ketään", "etta" for "että")? */
static bool umlauts_left_out(const char *word, const char *typed) {
  bool any = false;
  while (*word && *typed) {
    unsigned char w0 = (unsigned char)word[0], w1 = (unsigned char)word[1];
    bool left_out = w0 == 0xC3 && ((w1 == 0xA4 && *typed == 'a') || (w1 == 0xB6 && *typed == 'o'));
    if (!left_out && *word != *typed) return false;
    word += left_out ? 2 : 1;
    typed++;
    any |= left_out;
  }
  return any && !*word && !*typed;
}

/* Does token @p tk match an th_entry word's term set? Parts count if allowed. */
static bool token_matches(const kt_token *tk, const char *fx, const char *const *set,
                          bool allow_part) {
  /* A function word matches only the entry's word as written (the set's
   * first member), never a stem of it: Swedish "var" (where) is no "Varia"
   * (stem "var"); "ei" in "ei puhu suomea" is the word itself. */
  if (tk->stopword) {
    /* ... or as the spoken form is written: "ollu kotona" is "ollut kotona". */
    const char *w = kt__thesaurus_neg_norm(tk->surface);
    return set[0] && (!strcmp(set[0], w) ||
                      (set[0][0] == w[0] &&
                       (!strcmp(set[0], kt__analyze_respelled(w)) || umlauts_left_out(set[0], w))));
  }
  if (in_set(set, kt__thesaurus_neg_norm(tk->surface))) return true;
  for (size_t k = 0; k < tk->term_count; k++) {
    if (tk->terms[k].kind == KT_TERM_PART && !allow_part) continue;
    if (in_set(set, tk->terms[k].text)) return true;
  }
  for (const char *f = fx; f && *f; f += strlen(f) + 1) /* English and Swedish stems */
    if (in_set(set, f)) return true;
  return false;
}

/* Does the note's word @p i match an entry word's term set? */
static bool word_matches(const kt_analysis *a, size_t i, const char *const *set, bool allow_part) {
  return token_matches(kt_analysis_get(a, i), kt__analysis_foreign(a, i), set, allow_part);
}

static size_t clause_of(const size_t *clause, size_t i) { return clause ? clause[i] : 0; }

/* Is one of concept @p c's context words in a clause next to (or at)
 * clause @p cl, outside @p skip and outside a denial (@p denied, may be
 * NULL): "ei ole velkoja" gives "pelaa" no sense of gambling. */
static bool has_context(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                        const bool *denied, const size_t *clause, size_t c, size_t first,
                        size_t last) {
  size_t cl = clause_of(clause, first);
  /* A concept's context words are consecutive and in concept order
   * (written after it): the first by binary search. */
  size_t k0 = 0, hi = t->nctx;
  while (k0 < hi) {
    size_t mid = k0 + (hi - k0) / 2;
    if (t->ctx[mid].concept < c)
      k0 = mid + 1;
    else
      hi = mid;
  }
  for (size_t k = k0; k < t->nctx && t->ctx[k].concept == c; k++) {
    const th_entry *x = &t->ctx[k];
    for (size_t i = 0; i < kt_analysis_count(a); i++) {
      size_t ci = clause_of(clause, i);
      /* The weak word itself is not its own context. */
      if (skip[i] || (denied && denied[i]) || (i >= first && i <= last) || ci + 1 < cl ||
          ci > cl + 1)
        continue;
      if (word_matches(a, i, x->words[0], x->part[0])) return true;
    }
  }
  return false;
}

static void found_add(kt__found *out, size_t *n, bool *seen, size_t concept, size_t first,
                      size_t last, bool service) {
  seen[concept] = true;
  out[(*n)++] = (kt__found){.concept = concept,
                            .first = first,
                            .last = last,
                            .by_service = service,
                            .told_first = first,
                            .told_last = last,
                            .again_first = SIZE_MAX,
                            .again_last = SIZE_MAX};
}

/* Words that may stand inside an entry's phrase in a note without changing
 * it: degree and time adverbs. */
static const char *const filler_words[] = {"vielä", "enää", "tosi", "todella", "aika", "ihan",
                                           "kovin", "melko", "varsin", "erittäin", "still", "very",
                                           "really", "quite", "ganska", "väldigt", "fortfarande",
                                           /* and "now", "just": "ilmottautuu nyt työnhakijaks" */
                                           "nyt", "juuri", "nu",
                                           /* the subject after a Swedish verb: "sedan i
                                            * höstas sover hon dåligt" */
                                           "hon", "han", "hen",
                                           /* the copula: "isä on väkivaltainen", and
                                            * denied: "ei ole rahaa" is "ei rahaa" */
                                           "on", "ole",
                                           /* never: "ei ole koskaan ilmoittautunut" */
                                           "koskaan", "ikinä",
                                           /* at all: "ei tiiä yhtään mitä tekis" */
                                           "yhtään", NULL};

/* Is word @p i a word for the worker of a trade ("velkaneuvoja",
 * "vanginvartija", "päihdetyöntekijä"; with @p bare also "vartija")? */
static bool trade_word(const kt_analysis *a, size_t i, bool bare) {
  static const char *const heads[] = {
      "neuvoja",      "ohjaaja",    "hoitaja",        "vartija", "työntekijä",
      "asiantuntija", "valmentaja", "kouluttaja",     "tutkija", "terapeutti",
      "avustaja",     "kuraattori", "koordinaattori", NULL};
  const kt_token *tk = kt_analysis_get(a, i);
  for (size_t k = 0; k < tk->term_count; k++) {
    if (tk->terms[k].kind == KT_TERM_PART) continue;
    const char *w = tk->terms[k].text;
    if (!strcmp(w, "omaishoitaja")) return false; /* a family's care, no trade */
    size_t wl = strlen(w);
    for (size_t h = 0; heads[h]; h++) {
      size_t hl = strlen(heads[h]);
      if ((wl > hl || (bare && wl == hl)) && !strcmp(w + wl - hl, heads[h])) return true;
    }
  }
  return false;
}

/* Is word @p i the client's trade rather than a problem: a worker's word in
 * the translative, the trade wanted ("velkaneuvojaksi"), or a genitive
 * before one, the trade's field written apart ("vankilan vartija")? */
static bool trade_not_problem(const kt_analysis *a, size_t i) {
  if ((kt__analysis_morph(a, i) & KT__MORPH_GENITIVE) && i + 1 < kt_analysis_count(a) &&
      trade_word(a, i + 1, true))
    return true;
  return (kt__analysis_morph(a, i) & KT__MORPH_TRANSLATIVE) && trade_word(a, i, false);
}

/* Does word @p i negate ("ei", "eivät", and in English and Swedish "doesn't",
 * "not", "inte")? An entry may start with it ("ei jaksa elää", "doesn't want
 * to live") and is then matched inside the refusal it makes. */
static bool negation_at(const kt_analysis *a, size_t i) {
  const kt_token *t = kt_analysis_get(a, i);
  return !strcmp(kt__thesaurus_neg_norm(t->surface), "ei") || kt__token_negates(t);
}

/* The signature bits of every form of the note's word @p i that
 * token_matches compares: its surface as a negation is normalised and
 * respelled, its terms (compound parts too), its English and Swedish stems. */
static uint64_t forms_sig(const kt_analysis *a, size_t i) {
  const kt_token *tk = kt_analysis_get(a, i);
  const char *w = kt__thesaurus_neg_norm(tk->surface);
  uint64_t sig = kt__sig_bit(w) | kt__sig_bit(kt__analyze_respelled(w));
  for (size_t k = 0; k < tk->term_count; k++)
    sig |= kt__sig_bit(tk->terms[k].text);
  for (const char *f = kt__analysis_foreign(a, i); f && *f; f += strlen(f) + 1)
    sig |= kt__sig_bit(f);
  return sig;
}

static void try_entries(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                        const bool *denied, const size_t *clause, size_t i, const char *key,
                        kt__found *out, size_t *n, size_t max, bool *seen, size_t *unmet,
                        const bool *filler, const uint64_t *forms, bool weak_alone) {
  ENTRY q = {.key = (char *)key, .data = NULL}, *hit = NULL;
  if (!hsearch_r(q, FIND, &hit, (struct hsearch_data *)&t->index) || !hit) return;
  size_t count = kt_analysis_count(a);
  bool at_neg = negation_at(a, i); /* the same for every entry of the key */
  for (size_t p = (size_t)(uintptr_t)hit->data; p && *n < max; p = t->posts[p - 1].next) {
    const th_entry *e = &t->entries[t->posts[p - 1].th_entry];
    if (i + e->nwords > count) continue;
    /* An entry that starts with the negation ("ei jaksa elää", "ei puhu
     * suomea") is matched as written, inside the refusal it makes. */
    /* ... or that has one inside ("vill inte leva"). */
    bool from_neg = e->negates || at_neg;
    bool ok = (forms[i] & e->mask[0]) && word_matches(a, i, e->words[0], e->allow_part);
    /* A problem (`negated: drop`) is not the field of the client's trade. */
    if (ok && e->nwords == 1 && t->concepts[e->concept].negated_drop && trade_not_problem(a, i))
      continue;
    /* A hyphenated compound's head has only part terms ("it-alalta": it +
     * ala), and they match an entry written with the hyphen ("it-ala").
     * Up to two fillers may stand between an entry's words ("suomen kieli
     * vielä heikko" is "suomen kieli heikko"). */
    size_t j = i, fillers = 0;
    for (size_t w = 1; ok && w < e->nwords; w++) {
      for (j++;; j++, fillers++) {
        if (j >= count) {
          ok = false;
          break;
        }
        if ((from_neg || !skip[j]) && (forms[j] & e->mask[w]) &&
            word_matches(a, j, e->words[w], kt__analysis_head(a, j)))
          break;
        if (fillers >= 2 || !filler || !filler[j]) {
          ok = false;
          break;
        }
      }
    }
    /* An entry's words stand in one clause: "English good, Finnish basic"
     * is no "good Finnish"; a clause the entry goes on into with a question
     * word is its object ("ei tiedä, mitä haluaa"). */
    if (!ok) continue;
    if (clause && clause[j] != clause[i]) {
      static const char *const what[] = {"mitä",  "mikä",  "mihin", "missä", "mistä",
                                         "miten", "miksi", "kuka",  "what",  "where",
                                         "how",   "vad",   "hur",   "vart",  NULL};
      size_t k = i;
      while (k < j && clause[k] == clause[i])
        k++;
      bool object = false;
      for (size_t w = 0; what[w] && !object; w++)
        object = !strcmp(kt_analysis_get(a, k)->surface, what[w]);
      if (!object) continue;
    }
    /* A weak word without its context, or in the essive, a role the
     * client holds or held ("toiminut kirjanpitäjänä", "kokkina"): their
     * trade or a plain fact ("asuu vuokralla"), not a need. An adjective's
     * essive is a state, which its context decides ("raittiina 8 kk"). */
    unsigned im = kt__analysis_morph(a, i);
    if (e->weak && !weak_alone &&
        (!has_context(t, a, skip, denied, clause, e->concept, i, j) ||
         (e->nwords == 1 && (im & KT__MORPH_ESSIVE) && !(im & KT__MORPH_STATE)))) {
      if (unmet && e->nwords == 1) unmet[i] = e->concept + 1;
      continue;
    }
    if (seen[e->concept]) {
      /* Found again: at the same words, a service entry means the text
       * already uses the catalogue's word ("starttirahaa" is both); a client
       * word elsewhere means it also speaks the client's language. */
      for (size_t k = 0; k < *n; k++)
        if (out[k].concept == e->concept) {
          if (out[k].first == i)
            out[k].by_service |= e->service;
          else if (!e->service)
            out[k].by_service = false;
          if (i > out[k].last) out[k].again_first = i, out[k].again_last = j;
        }
      continue;
    }
    found_add(out, n, seen, e->concept, i, j, e->service);
  }
}

/* Can every word of rule @p e match some word of the note (@p terms, its
 * sorted surfaces and terms)? A necessary condition, checked first: most
 * rules name a word the note does not have. */
static bool rule_possible(const th_entry *e, const char *const *terms, size_t nterms) {
  for (size_t w = 0; w < e->nwords; w++) {
    bool any = false;
    for (size_t k = 0; e->words[w][k] && !any; k++)
      any = bsearch(&e->words[w][k], terms, nterms, sizeof *terms, kt__cmp_str) != NULL;
    if (!any) return false;
  }
  return true;
}

/* Is clause @p cl, from token @p s, no more than the counsellor's "asks"
 * ("ja kysyy", "and asks", "och undrar"): a verb of asking and stopwords? */
static bool asking_clause(const kt_analysis *a, const size_t *clause, size_t s, size_t cl) {
  static const char *const asks[] = {"kysyä",   "tiedustella", "miettiä", "asks",
                                     "wonders", "undrar",      "frågar",  NULL};
  size_t count = kt_analysis_count(a), verbs = 0;
  for (size_t i = s; i < count && clause_of(clause, i) == cl; i++) {
    const kt_token *tk = kt_analysis_get(a, i);
    bool ask = false;
    for (size_t k = 0; k < tk->term_count && !ask; k++)
      for (size_t q = 0; asks[q] && !ask; q++)
        ask = !strcmp(tk->terms[k].text, asks[q]);
    for (size_t q = 0; asks[q] && !ask; q++)
      ask = !strcmp(tk->surface, asks[q]);
    if (ask)
      verbs++;
    else if (!tk->stopword)
      return false;
  }
  return verbs > 0;
}

/* `all:` rules: every word of the rule in one clause and the next one
 * ("haluaisi palkata nuoren, onko tukea"), in any order; past a clause that
 * only says the client asks ("haluaisi palkata kaksi työntekijää ja kysyy,
 * mitä tukia on"). */
static void try_rules(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                      const size_t *clause, kt__found *out, size_t *n, size_t max, bool *seen) {
  size_t count = kt_analysis_count(a);
  /* Every form a token can match by (token_matches): its surface as a
   * negation is normalised and respelled, and its terms. */
  size_t cap = 2, nterms = 0;
  for (size_t i = 0; i < count; i++) {
    cap += 4 + kt_analysis_get(a, i)->term_count;
    for (const char *f = kt__analysis_foreign(a, i); f && *f; f += strlen(f) + 1)
      cap++; /* each English or Swedish stem too */
  }
  const char **terms = malloc(cap * sizeof *terms);
  for (size_t i = 0; terms && i < count; i++) {
    const kt_token *tk = kt_analysis_get(a, i);
    const char *w = kt__thesaurus_neg_norm(tk->surface);
    terms[nterms++] = w;
    terms[nterms++] = kt__analyze_respelled(w);
    for (size_t k = 0; k < tk->term_count; k++)
      terms[nterms++] = tk->terms[k].text;
    for (const char *f = kt__analysis_foreign(a, i); f && *f; f += strlen(f) + 1)
      terms[nterms++] = f;
  }
  if (terms) qsort(terms, nterms, sizeof *terms, kt__cmp_str);
  /* The rules whose first word the note has, by the rule index: a rule needs
   * every one of its words (rule_possible), so the others cannot match. */
  bool *cand = terms && t->rkeys ? calloc(t->nrules, sizeof *cand) : NULL;
  for (size_t i = 0; cand && i < nterms; i++) {
    if (i > 0 && !strcmp(terms[i], terms[i - 1])) continue;
    size_t lo = 0, hi = t->nrkeys;
    while (lo < hi) { /* the first key not below terms[i] */
      size_t mid = lo + (hi - lo) / 2;
      if (strcmp(t->rkeys[mid].form, terms[i]) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (; lo < t->nrkeys && !strcmp(t->rkeys[lo].form, terms[i]); lo++)
      cand[t->rkeys[lo].rule] = true;
  }
  for (size_t r = 0; r < t->nrules && *n < max; r++) {
    const th_entry *e = &t->rules[r];
    if ((cand && !cand[r]) || seen[e->concept] || (terms && !rule_possible(e, terms, nterms)))
      continue;
    for (size_t s = 0, end; s < count && !seen[e->concept]; s = end) {
      size_t cl = clause_of(clause, s), stop;
      for (end = s; end < count && clause_of(clause, end) == cl; end++) {
      }
      size_t reach = cl + 1 + (end < count && asking_clause(a, clause, end, cl + 1));
      for (stop = end; stop < count && clause_of(clause, stop) <= reach; stop++) {
      }
      size_t first = (size_t)-1, last = 0, w = 0;
      for (; w < e->nwords; w++) {
        size_t hit = (size_t)-1;
        for (size_t i = s; i < stop && hit == (size_t)-1; i++)
          /* Not the client's employer told of: "Työnantaja vähensi tunnit ...
           * Mistä tukea?" asks no hiring subsidy. */
          if (!skip[i] && word_matches(a, i, e->words[w], e->part[w]) && !kt__employer_told(a, i))
            hit = i;
        if (hit == (size_t)-1) break;
        if (hit < first) first = hit;
        if (hit > last) last = hit;
      }
      if (w == e->nwords) found_add(out, n, seen, e->concept, first, last, false);
    }
  }
  free(cand);
  free(terms);
}

static size_t find(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                   const bool *denied, const size_t *clause, kt__found *out, size_t max,
                   size_t *unmet, bool weak_alone) {
  if (!t || !t->nconcepts) return 0;
  bool *seen = calloc(t->nconcepts, sizeof *seen);
  size_t count = kt_analysis_count(a);
  bool *filler = calloc(count + 1, sizeof *filler); /* NULL: no fillers skipped */
  if (!seen) {
    free(filler);
    return 0;
  }
  for (size_t i = 0; filler && i < count; i++)
    filler[i] = kt__token_is_any(kt_analysis_get(a, i), filler_words);
  /* Each word's signature over every form token_matches compares. */
  uint64_t *forms = calloc(count + 1, sizeof *forms);
  if (!forms) {
    free(filler);
    free(seen);
    return 0;
  }
  for (size_t i = 0; i < count; i++)
    forms[i] = forms_sig(a, i);
  /* ... and a cause in the middle: "ei [masennuksen takia] jaksa". */
  for (size_t i = 0; filler && i + 1 < count; i++)
    if (kt__cause_at(a, i)) filler[i] = filler[i + 1] = true;
  size_t n = 0;
  for (size_t i = 0; i < count && n < max; i++) {
    const kt_token *tk = kt_analysis_get(a, i);
    if (skip[i] && !negation_at(a, i)) continue;
    const char *surface = kt__thesaurus_neg_norm(tk->surface);
    try_entries(t, a, skip, denied, clause, i, surface, out, &n, max, seen, unmet, filler, forms,
                weak_alone);
    const char *written = kt__analyze_respelled(surface);
    if (written != surface) /* spoken "ollu" opens "ollut kotona" */
      try_entries(t, a, skip, denied, clause, i, written, out, &n, max, seen, unmet, filler, forms,
                  weak_alone);
    for (size_t k = 0; k < tk->term_count && n < max; k++)
      try_entries(t, a, skip, denied, clause, i, tk->terms[k].text, out, &n, max, seen, unmet,
                  filler, forms, weak_alone);
    for (const char *f = kt__analysis_foreign(a, i); f && *f && n < max; f += strlen(f) + 1)
      try_entries(t, a, skip, denied, clause, i, f, out, &n, max, seen, unmet, filler, forms,
                  weak_alone);
  }
  /* An entry that starts with the negation wins its words: a concept found
   * only inside it is its word, not a need of its own ("ei kuulu
   * työttömyyskassaan" is the basic benefit, not the fund). Other long
   * entries do not ("oma firma meni konkurssiin" is also the entrepreneur's
   * bankruptcy). */
  size_t w = 0;
  for (size_t k = 0; k < n; k++) {
    bool inside = false;
    for (size_t j = 0; j < n && !inside; j++) {
      const char *head = kt__thesaurus_neg_norm(kt_analysis_get(a, out[j].first)->surface);
      /* ... but not a cause skipped inside it ("ei masennuksen takia jaksa"). */
      inside = j != k && out[j].concept != out[k].concept && out[j].first <= out[k].first &&
               out[k].last <= out[j].last && !strcmp(head, "ei") &&
               out[j].last - out[j].first > out[k].last - out[k].first &&
               !(filler && filler[out[k].first]);
    }
    if (inside)
      seen[out[k].concept] = false;
    else
      out[w++] = out[k];
  }
  n = w;
  free(filler);
  free(forms);
  /* A denial after its noun ("ammattia ei ole", "tutkintoa hänellä ei ole")
   * finds what the entry written with the negation first finds ("ei
   * ammattia"): entries "ei X" and "ei ole X", X right before "ei ole". */
  ENTRY q = {.key = (char *)"ei", .data = NULL}, *neg = NULL;
  if (hsearch_r(q, FIND, &neg, (struct hsearch_data *)&t->index) && neg) {
    static const char *const being[] = {"ole", "oo", "löydy", NULL};
    static const char *const holders[] = {"hänellä", "hänel", "mulla", "minulla", "sillä", NULL};
    for (size_t i = 1; i + 1 < count && n < max; i++) {
      if (strcmp(kt__thesaurus_neg_norm(kt_analysis_get(a, i)->surface), "ei") ||
          !kt__token_is_any(kt_analysis_get(a, i + 1), being))
        continue;
      size_t p = i - 1;
      if (p > 0 && kt__token_is_any(kt_analysis_get(a, p), holders)) p--;
      /* A place is where something is missing, not what is: "asunnossa ei
       * ole huonekaluja" lacks furniture, not a home. */
      if (kt__analysis_morph(a, p) & KT__MORPH_INESSIVE) continue;
      if (skip[p] || clause_of(clause, p) != clause_of(clause, i)) continue;
      /* ... and three-word entries "ei ole X" ("Asuntoa ei ole", "kavereita
       * ei ole" find "ei ole asuntoa", "ei ole kavereita"). */
      for (size_t k = (size_t)(uintptr_t)neg->data; k && n < max; k = t->posts[k - 1].next) {
        const th_entry *e = &t->entries[t->posts[k - 1].th_entry];
        if (e->weak || seen[e->concept]) continue;
        bool two = e->nwords == 2,
             three = e->nwords == 3 && word_matches(a, i + 1, e->words[1], false);
        if ((two || three) && word_matches(a, p, e->words[e->nwords - 1], e->allow_part))
          found_add(out, &n, seen, e->concept, p, i + 1, e->service);
      }
    }
  }
  try_rules(t, a, skip, clause, out, &n, max, seen);
  free(seen);
  return n;
}

size_t kt__thesaurus_find(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                          const bool *denied, const size_t *clause, kt__found *out, size_t max,
                          size_t *unmet) {
  return find(t, a, skip, denied, clause, out, max, unmet, false);
}

size_t kt__thesaurus_find_refused(const kt__thesaurus *t, const kt_analysis *a, const bool *skip,
                                  const size_t *clause, kt__found *out, size_t max) {
  return find(t, a, skip, NULL, clause, out, max, NULL, true);
}
