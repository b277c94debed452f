/*
 * thesaurus_compile.c — the build half of the domain thesaurus: validates
 * the plain-text files of <catalog>/thesaurus (format:
 * catalog/thesaurus/README.md), analyses every entry once with the
 * catalogue's analyser and writes the compiled form that
 * engine/thesaurus.c loads with an index generation (its line format is
 * described there). Also the lint of `kohtaanto index --check`: triggers
 * that fire on too many catalogue words.
 */
#define _GNU_SOURCE
#include "analyze.h"
#include "catalog.h"
#include "signals.h"
#include "thesaurus.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- compiling the plain-text files ------------------------------------ */

typedef struct src_concept {
  char *id, *label, *label_sv, *label_en, *groups;
  bool negated_drop;
  bool first;          /* `first: yes` */
  bool first_narrowed; /* `first: narrowed` */
  bool past_need;      /* `past: need` */
  bool past_childhood; /* `past: childhood` */
  bool wish_need;      /* `now: wish` */
  bool other_need;     /* `other: need` */
  char *municipality;  /* `municipality: NAME`, NULL without */
  int age_lo, age_hi;
  int history; /* `history: YEARS`, -1 without */
  kt__buf client, service, weak, context, all, expand, with, rules_out, unless, needed_by;
  double weight;
  char *file;
  size_t line;
} src_concept;

static char *trim(char *s) {
  while (isspace((unsigned char)*s))
    s++;
  char *e = s + strlen(s);
  while (e > s && isspace((unsigned char)e[-1]))
    *--e = '\0';
  return s;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Write one word's match terms: its surface, then its base forms unless the
 * word is written in its base form (an entry written as "etsivä" means that
 * word, not the other readings it happens to have: "etsii"). */
static void write_word(FILE *out, const kt_analysis *a, size_t word, bool part) {
  const kt_token *tk = kt_analysis_get(a, word);
  fputc('\t', out);
  if (part) fputc('+', out);
  fputs(kt__thesaurus_neg_norm(tk->surface), out);
  bool base = false;
  for (size_t i = 0; i < tk->term_count; i++)
    base |= tk->terms[i].kind == KT_TERM_LEMMA && !strcmp(tk->terms[i].text, tk->surface);
  size_t k = 0;
  for (size_t i = 0; i < tk->term_count && k < KT__THES_MAX_WORD_TERMS - 1 && !base; i++) {
    if (tk->terms[i].kind == KT_TERM_PART) continue;
    if (!strcmp(tk->terms[i].text, tk->surface)) continue;
    /* A stem cut three bytes or more short of a word Voikko does not know
     * is another word's: Snowball takes Swedish "matkö" for "mat" and a
     * clitic, "migrän" and "migraine" for Migri's "migr". Two bytes short
     * are kept: Swedish "finskan" is "finsk", as "finska" is. */
    if (tk->terms[i].kind == KT_TERM_STEM && strlen(tk->terms[i].text) + 3 <= strlen(tk->surface))
      continue;
    fprintf(out, " %s", tk->terms[i].text);
    k++;
  }
  /* An English or Swedish word also by its stems ("sleeps" -> "~e:sleep"),
   * which the note's foreign words are matched by. */
  for (const char *f = kt__analysis_foreign(a, word); f && *f && k < KT__THES_MAX_WORD_TERMS - 1;
       f += strlen(f) + 1, k++)
    fprintf(out, " %s", f);
}

/* A trailing '*' lets a one-word entry match as a compound part
 * ("velka*" finds "ulosottovelka"); it is removed from @p ph. */
static bool take_star(char *ph) {
  size_t l = strlen(ph);
  if (!l || ph[l - 1] != '*') return false;
  ph[l - 1] = '\0';
  char *e = ph + l - 1;
  while (e > ph && isspace((unsigned char)e[-1]))
    *--e = '\0';
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
  if (n > KT__THES_MAX_ENTRY_WORDS) n = KT__THES_MAX_ENTRY_WORDS;
  if (n) fputc(type, out);
  for (size_t w = 0; w < n; w++)
    write_word(out, a, w, star && n == 1);
  if (n) fputc('\n', out);
  kt_analysis_free(a);
  return KT_OK;
}

/* An `all:` rule "perustaa + liike*": each '+'-separated part is one word
 * (a '*' lets it match as a compound part). */
static int write_rule(kt_analyzer *an, FILE *out, char *rule, bool *bad) {
  *bad = false;
  char *words[KT__THES_MAX_ENTRY_WORDS];
  size_t nw = 0;
  char *save = NULL;
  for (char *w = strtok_r(rule, "+", &save); w; w = strtok_r(NULL, "+", &save)) {
    w = trim(w);
    if (!*w) continue;
    if (nw == KT__THES_MAX_ENTRY_WORDS) {
      *bad = true;
      return KT_OK;
    }
    words[nw++] = w;
  }
  if (nw < 2) {
    *bad = true;
    return KT_OK;
  }
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
      if (!mem)
        rc = kt__err(KT_ENOMEM, "cannot compile a thesaurus rule");
      else {
        write_word(mem, a, 0, star);
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
        while (j < nt && strcmp(terms[j], tk->terms[k].text))
          j++;
        if (j < nt) {
          if (x > w[j]) w[j] = x;
          continue;
        }
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

/* A comma-separated value of @p key (@p v, owned and freed here), each item
 * trimmed and checked by @p known (else an error naming it as not @p what),
 * joined by ',' into *@p out (replacing it). */
static int list_value(const char *path, size_t lineno, const char *key, char *v,
                      bool (*known)(const char *), const char *what, kt__buf *errs, char **out) {
  int rc = KT_OK;
  kt__buf b;
  kt__buf_init(&b, 256);
  char *save = NULL;
  for (char *tok = v ? strtok_r(v, ",", &save) : NULL; tok; tok = strtok_r(NULL, ",", &save)) {
    tok = trim(tok);
    if (!*tok) continue;
    if (!known(tok))
      rc = kt__buf_printf(errs, "%s:%zu: %s: '%s' is not %s\n", path, lineno, key, tok, what);
    if (b.len) kt__buf_adds(&b, ",");
    kt__buf_adds(&b, tok);
  }
  free(v);
  free(*out);
  *out = kt__strdup(b.data ? b.data : "");
  kt__buf_free(&b);
  return rc;
}

static void src_free(src_concept *c) {
  free(c->id);
  free(c->label);
  free(c->label_sv);
  free(c->label_en);
  free(c->groups);
  free(c->municipality);
  free(c->file);
  kt__buf_free(&c->client);
  kt__buf_free(&c->service);
  kt__buf_free(&c->weak);
  kt__buf_free(&c->context);
  kt__buf_free(&c->all);
  kt__buf_free(&c->expand);
  kt__buf_free(&c->with);
  kt__buf_free(&c->rules_out);
  kt__buf_free(&c->unless);
  kt__buf_free(&c->needed_by);
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
      if (!e || e[1]) {
        rc = kt__buf_printf(errs, "%s:%zu: expected [concept_id]\n", path, lineno);
        continue;
      }
      *e = '\0';
      if (!valid_id(s + 1)) {
        rc = kt__buf_printf(errs, "%s:%zu: concept id '%s' may only have a-z, 0-9 and _\n", path,
                            lineno, s + 1);
        continue;
      }
      if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        src_concept *ncs = realloc(*cs, *cap * sizeof *ncs);
        if (!ncs) {
          rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
          break;
        }
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
      kt__buf_init(&c->with, 4096);
      kt__buf_init(&c->rules_out, 4096);
      kt__buf_init(&c->unless, 4096);
      kt__buf_init(&c->needed_by, 4096);
      c->age_lo = c->age_hi = -1;
      c->history = -1;
      lastkey[0] = '\0';
      continue;
    }
    char *key = s, *val = NULL;
    if (cont && lastkey[0]) {
      key = lastkey;
      val = s;
    } else {
      char *colon = strchr(s, ':');
      if (!colon) {
        rc = kt__buf_printf(errs, "%s:%zu: expected 'key: value'\n", path, lineno);
        continue;
      }
      *colon = '\0';
      key = trim(s);
      val = trim(colon + 1);
      /* A longer key is cut short: never inside a character, as it may be
       * named in an error message. */
      if (snprintf(lastkey, sizeof lastkey, "%s", key) >= (int)sizeof lastkey)
        kt__utf8_trim_cut(lastkey);
    }
    if (!c) {
      rc = kt__buf_printf(errs, "%s:%zu: '%s' before the first [concept]\n", path, lineno, key);
      continue;
    }
    if (!strcmp(key, "client") || !strcmp(key, "service") || !strcmp(key, "weak") ||
        !strcmp(key, "context") || !strcmp(key, "all") || !strcmp(key, "expand") ||
        !strcmp(key, "with") || !strcmp(key, "rules_out") || !strcmp(key, "unless") ||
        !strcmp(key, "needed_by")) {
      kt__buf *b = !strcmp(key, "client")      ? &c->client
                   : !strcmp(key, "service")   ? &c->service
                   : !strcmp(key, "weak")      ? &c->weak
                   : !strcmp(key, "context")   ? &c->context
                   : !strcmp(key, "expand")    ? &c->expand
                   : !strcmp(key, "with")      ? &c->with
                   : !strcmp(key, "rules_out") ? &c->rules_out
                   : !strcmp(key, "unless")    ? &c->unless
                   : !strcmp(key, "needed_by") ? &c->needed_by
                                               : &c->all;
      if (b->len) rc = kt__buf_adds(b, ",");
      if (!rc) rc = kt__buf_adds(b, val);
    } else if (!strcmp(key, "label") || !strcmp(key, "label_sv") || !strcmp(key, "label_en")) {
      char **dst = key[5] == '\0' ? &c->label : key[6] == 's' ? &c->label_sv : &c->label_en;
      free(*dst);
      *dst = kt__strdup(val);
      if (strchr(val, '\t')) rc = kt__buf_printf(errs, "%s:%zu: %s has a tab\n", path, lineno, key);
    } else if (!strcmp(key, "groups")) {
      rc = list_value(path, lineno, key, kt__strdup(val), kt__target_group_known,
                      "a target group id (catalog/README.md)", errs, &c->groups);
    } else if (!strcmp(key, "negated")) {
      if (strcmp(val, "need") && strcmp(val, "drop"))
        rc = kt__buf_printf(errs, "%s:%zu: negated: '%s' must be 'need' or 'drop'\n", path, lineno,
                            val);
      else
        c->negated_drop = !strcmp(val, "drop");
    } else if (!strcmp(key, "first")) {
      if (strcmp(val, "yes") && strcmp(val, "narrowed"))
        rc = kt__buf_printf(errs, "%s:%zu: first: '%s' must be 'yes' or 'narrowed'\n", path, lineno,
                            val);
      else if (!strcmp(val, "yes"))
        c->first = true;
      else
        c->first_narrowed = true;
    } else if (!strcmp(key, "municipality")) {
      rc = list_value(path, lineno, key, kt__casefold(val), kt__signals_municipality,
                      "a municipality the notes are read for (engine/signals.c)", errs,
                      &c->municipality);
    } else if (!strcmp(key, "past")) {
      if (!strcmp(val, "need"))
        c->past_need = true;
      else if (!strcmp(val, "childhood"))
        c->past_childhood = true;
      else
        rc = kt__buf_printf(errs, "%s:%zu: past: '%s' must be 'need' or 'childhood'\n", path,
                            lineno, val);
    } else if (!strcmp(key, "now")) {
      if (strcmp(val, "wish"))
        rc = kt__buf_printf(errs, "%s:%zu: now: '%s' must be 'wish'\n", path, lineno, val);
      else
        c->wish_need = true;
    } else if (!strcmp(key, "other")) {
      if (strcmp(val, "need"))
        rc = kt__buf_printf(errs, "%s:%zu: other: '%s' must be 'need'\n", path, lineno, val);
      else
        c->other_need = true;
    } else if (!strcmp(key, "age")) {
      int lo = -1, hi = -1, used = 0;
      if (sscanf(val, "%d-%d%n", &lo, &hi, &used) != 2 || val[used] || lo < 0 || hi < lo ||
          hi > 120)
        rc = kt__buf_printf(errs, "%s:%zu: age '%s' must be a range LO-HI of years (0-120)\n", path,
                            lineno, val);
      else
        c->age_lo = lo, c->age_hi = hi;
    } else if (!strcmp(key, "history")) {
      int y = -1, used = 0;
      if (sscanf(val, "%d%n", &y, &used) != 1 || val[used] || y < 1 || y > 50)
        rc = kt__buf_printf(errs, "%s:%zu: history '%s' must be a number of years (1-50)\n", path,
                            lineno, val);
      else
        c->history = y;
    } else if (!strcmp(key, "weight")) {
      char *end = NULL;
      double w = strtod(val, &end);
      if (end == val || *end || w < 0.1 || w > 0.9)
        rc = kt__buf_printf(errs, "%s:%zu: weight '%s' must be a number from 0.1 to 0.9\n", path,
                            lineno, val);
      else
        c->weight = w;
    } else {
      rc = kt__buf_printf(
          errs,
          "%s:%zu: unknown key '%s' (expected label, label_sv, label_en, client, "
          "service, expand, weak, context, all, age, history, municipality, with, groups, negated, "
          "past, now, other, first, rules_out, unless, needed_by, weight)\n",
          path, lineno, key);
      lastkey[0] = '\0';
    }
  }
  free(line);
  fclose(fp);
  return rc;
}

/* A list of concept ids (`with`, `unless`) names only other concepts. */
static void check_concept_ids(const src_concept *cs, size_t n, size_t i, const char *key,
                              const kt__buf *ids, kt__buf *errs) {
  const src_concept *c = &cs[i];
  char *list = ids->len ? kt__strdup(ids->data) : NULL, *save = NULL;
  for (char *id = list ? strtok_r(list, ",", &save) : NULL; id; id = strtok_r(NULL, ",", &save)) {
    id = trim(id);
    bool known = false;
    for (size_t j = 0; j < n && !known; j++)
      known = j != i && !strcmp(cs[j].id, id);
    if (!known)
      kt__buf_printf(errs, "%s:%zu: [%s] %s: '%s' is not another concept's id\n", c->file, c->line,
                     c->id, key, id);
  }
  free(list);
}

/* An id list as a compiled field: the ids without spaces (NULL if out of
 * memory; the caller frees). */
static char *id_field(const kt__buf *ids) {
  char *f = kt__strdup(ids->data ? ids->data : "");
  size_t l = 0;
  for (size_t k = 0; f && f[k]; k++)
    if (!isspace((unsigned char)f[k])) f[l++] = f[k];
  if (f) f[l] = '\0';
  return f;
}

/* Parse every *.txt of @p dir, in name order, into *@p cs (*@p n of them;
 * the caller frees each with src_free() and the array); problems go to
 * @p errs. KT_OK with none and *@p missing when @p dir does not exist. */
static int parse_dir(const char *dir, src_concept **cs_out, size_t *n_out, kt__buf *errs,
                     bool *missing) {
  *cs_out = NULL;
  *n_out = 0;
  *missing = false;
  DIR *d = opendir(dir);
  if (!d) {
    *missing = errno == ENOENT;
    if (*missing) return KT_OK;
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
  // cppcheck-suppress uninitvar ; only the nn names read are sorted (none when nn is 0)
  qsort(names, nn, sizeof *names, cmp_str);
  size_t cap = 0;
  int rc = KT_OK;
  for (size_t i = 0; i < nn; i++) {
    char *p = names[i] ? kt__path_join(dir, names[i]) : NULL;
    if (!p)
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    else if (parse_file(p, cs_out, n_out, &cap, errs) == KT_ENOMEM)
      rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    free(p);
    free(names[i]);
  }
  return rc;
}

int kt__thesaurus_ids(const char *dir, char ***ids_out, size_t *n_out) {
  *ids_out = NULL;
  *n_out = 0;
  src_concept *cs = NULL;
  size_t n = 0;
  kt__buf errs;
  kt__buf_init(&errs, 1 << 12);
  bool missing;
  int rc = parse_dir(dir, &cs, &n, &errs, &missing); /* file errors are the compiler's to report */
  char **ids = n ? calloc(n, sizeof *ids) : NULL;
  if (!rc && n && !ids) rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
  for (size_t i = 0; i < n; i++) {
    if (!rc && cs[i].id) {
      if ((ids[*n_out] = kt__strdup(cs[i].id)))
        (*n_out)++;
      else
        rc = kt__err(KT_ENOMEM, "%s: out of memory", __func__);
    }
    src_free(&cs[i]);
  }
  free(cs);
  kt__buf_free(&errs);
  if (rc) {
    for (size_t i = 0; i < *n_out; i++)
      free(ids[i]);
    free(ids);
    *n_out = 0;
    return rc;
  }
  if (*n_out) qsort(ids, *n_out, sizeof *ids, cmp_str);
  *ids_out = ids;
  return KT_OK;
}

int kt__thesaurus_compile(kt_analyzer *an, const char *dir, const char *out_path,
                          size_t *concepts_out) {
  if (concepts_out) *concepts_out = 0;
  src_concept *cs = NULL;
  size_t n = 0;
  kt__buf errs;
  kt__buf_init(&errs, 1 << 16);
  bool missing;
  int rc = parse_dir(dir, &cs, &n, &errs, &missing);
  if (!rc && missing) {
    kt__buf_free(&errs);
    return KT_OK; /* no thesaurus */
  }
  /* Whole-thesaurus checks: required keys, unique ids. */
  for (size_t i = 0; !rc && i < n; i++) {
    src_concept *c = &cs[i];
    if (!c->label || !*c->label)
      kt__buf_printf(&errs, "%s:%zu: [%s] has no label\n", c->file, c->line, c->id);
    if (!c->client.len && !c->weak.len && !c->all.len && c->age_lo < 0 && c->history < 0)
      kt__buf_printf(&errs, "%s:%zu: [%s] has no client or weak words, rules, age or history\n",
                     c->file, c->line, c->id);
    if (c->weak.len && !c->context.len)
      kt__buf_printf(&errs, "%s:%zu: [%s] has weak words but no context words\n", c->file, c->line,
                     c->id);
    if (!c->service.len)
      kt__buf_printf(&errs, "%s:%zu: [%s] has no service words\n", c->file, c->line, c->id);
    if (c->history >= 0 && !c->with.len)
      kt__buf_printf(&errs, "%s:%zu: [%s] has history but no with\n", c->file, c->line, c->id);
    if (c->with.len && (c->history >= 0) + (c->age_lo >= 0) + (c->municipality != NULL) != 1)
      kt__buf_printf(&errs, "%s:%zu: [%s] has with: it needs one of history, age or municipality\n",
                     c->file, c->line, c->id);
    if (c->municipality && !c->with.len)
      kt__buf_printf(&errs, "%s:%zu: [%s] has municipality but no with\n", c->file, c->line, c->id);
    check_concept_ids(cs, n, i, "with", &c->with, &errs);
    if (c->unless.len && !c->rules_out.len)
      kt__buf_printf(&errs, "%s:%zu: [%s] has unless but no rules_out\n", c->file, c->line, c->id);
    check_concept_ids(cs, n, i, "unless", &c->unless, &errs);
    const struct {
      const char *key;
      const kt__buf *ids;
    } service_lists[] = {{"rules_out", &c->rules_out}, {"needed_by", &c->needed_by}};
    for (size_t l = 0; l < sizeof service_lists / sizeof *service_lists; l++) {
      if (!service_lists[l].ids->len) continue;
      char *list = kt__strdup(service_lists[l].ids->data), *save = NULL;
      for (char *id = list ? strtok_r(list, ",", &save) : NULL; id;
           id = strtok_r(NULL, ",", &save)) {
        id = trim(id);
        bool ok = *id != '\0';
        for (const char *p = id; *p; p++)
          ok &= (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
        if (!ok)
          kt__buf_printf(&errs, "%s:%zu: [%s] %s: '%s' is not a service id (a-z, 0-9, -)\n",
                         c->file, c->line, c->id, service_lists[l].key, id);
      }
      free(list);
    }
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
    if (cut)
      errs.data[cut] = '\0';
    else if (errs.data[errs.len - 1] == '\n')
      errs.data[errs.len - 1] = '\0';
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
    if (c->first) strcat(flags, "F");
    if (c->first_narrowed) strcat(flags, "N");
    if (c->past_need) strcat(flags, "P");
    if (c->past_childhood) strcat(flags, "C");
    if (c->other_need) strcat(flags, "O");
    if (c->wish_need) strcat(flags, "W");
    if (c->age_lo >= 0)
      snprintf(flags + strlen(flags), sizeof flags - strlen(flags), "a%d-%d", c->age_lo, c->age_hi);
    if (c->history >= 0)
      snprintf(flags + strlen(flags), sizeof flags - strlen(flags), "h%d", c->history);
    /* The `with` ids in a ninth field, the services it rules out in a
     * tenth, the concepts that keep them in in an eleventh, the municipality
     * in a twelfth, the services that need it in a thirteenth. */
    char *with = id_field(&c->with), *out_ids = id_field(&c->rules_out),
         *unless = id_field(&c->unless), *needed = id_field(&c->needed_by);
    fprintf(out, "C\t%s\t%.3f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c->id, c->weight,
            c->label, c->label_sv ? c->label_sv : "", c->label_en ? c->label_en : "",
            c->groups ? c->groups : "", flags, with ? with : "", out_ids ? out_ids : "",
            unless ? unless : "", c->municipality ? c->municipality : "", needed ? needed : "");
    free(with);
    free(out_ids);
    free(unless);
    free(needed);
    /* Client, weak and service entries find the concept; context words and
     * rules are written after them. */
    static const struct {
      char type;
      size_t off;
      const char *key;
    } lists[] = {
        {'E', offsetof(src_concept, client), "client"},
        {'S', offsetof(src_concept, service), "service"},
        {'W', offsetof(src_concept, weak), "weak"},
        {'K', offsetof(src_concept, context), "context"},
        {'A', offsetof(src_concept, all), "all"},
    };
    for (size_t l = 0; l < sizeof lists / sizeof *lists && !rc; l++) {
      const kt__buf *b = (const kt__buf *)((const char *)c + lists[l].off);
      char *list = kt__strdup(b->data ? b->data : "");
      if (!list) {
        rc = kt__err(KT_ENOMEM, "cannot compile the thesaurus");
        break;
      }
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
            rc = kt__err(KT_ECATALOG,
                         "%s:%zu: [%s]: all: '%s' must be 2-%d single words joined by '+'", c->file,
                         c->line, c->id, shown, KT__THES_MAX_ENTRY_WORDS);
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
          rc = kt__err(KT_ECATALOG,
                       "%s:%zu: [%s]: %s entry '%s': only a one-word entry may end in '*'", c->file,
                       c->line, c->id, lists[l].key, shown);
      }
      free(list);
    }
    if (!rc) rc = write_expansions(an, out, c);
  }
  /* A write that failed earlier (a full disk, a file size limit) may have
   * left nothing to flush, so fclose() alone can succeed: ask the stream. */
  if (out) {
    bool bad = fflush(out) != 0 || ferror(out);
    int e = errno;
    if (fclose(out) != 0 && !bad) bad = true, e = errno;
    if (bad && !rc) rc = kt__err(KT_EIO, "cannot write %s: %s", out_path, strerror(e ? e : EIO));
  }
  if (!rc && concepts_out) *concepts_out = n;
  for (size_t i = 0; i < n; i++)
    src_free(&cs[i]);
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
  size_t words;                 /* distinct catalogue words holding it as a part */
  char *example[LINT_EXAMPLES]; /* a few of them */
} part_use;

typedef struct lint_ctx {
  kt_analyzer *an;
  struct hsearch_data parts; /* part -> part_use */
  struct hsearch_data seen;  /* "part\tword" pairs counted */
  part_use **uses;
  size_t nuses, cap;
  char **keys; /* owned keys of `seen` */
  size_t nkeys, kcap;
  kt__buf ids; /* "\nid\nid\n": the catalogue's service ids */
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
      if (hsearch_r(q, FIND, &hit, &L->seen) && hit) {
        free(pair);
        continue;
      }
      if (L->nkeys == L->kcap) {
        L->kcap = L->kcap ? L->kcap * 2 : 1024;
        char **nk = realloc(L->keys, L->kcap * sizeof *nk);
        if (!nk) {
          free(pair);
          return kt__err(KT_ENOMEM, "cannot check the thesaurus");
        }
        L->keys = nk;
      }
      L->keys[L->nkeys++] = pair;
      if (!hsearch_r(q, ENTER, &hit, &L->seen))
        return kt__err(KT_ENOMEM, "thesaurus check: too many words");
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
        if (!hsearch_r(p, ENTER, &hit, &L->parts))
          return kt__err(KT_ENOMEM, "thesaurus check: too many parts");
      }
      if (u->words < LINT_EXAMPLES) u->example[u->words] = kt__strdup(t->surface);
      u->words++;
    }
  }
  kt_analysis_free(a);
  return rc;
}

static int lint_service(kt__service *s, size_t index, size_t total, void *ud) {
  (void)index;
  (void)total;
  lint_ctx *L = ud;
  if (s->id && kt__buf_printf(&L->ids, "%s\n", s->id))
    return kt__err(KT_ENOMEM, "cannot check the thesaurus");
  const char *texts[] = {s->name.fi, s->summary.fi, s->description.fi, s->target_description.fi,
                         s->requirements.fi};
  int rc = KT_OK;
  for (size_t i = 0; i < sizeof texts / sizeof *texts && !rc; i++)
    rc = lint_text(L, texts[i]);
  for (size_t i = 0; i < s->n_keywords && !rc; i++)
    rc = lint_text(L, s->keywords[i]);
  return rc;
}

int kt_thesaurus_lint(const char *catalog_dir, char **out) {
  kt__err_clear();
  if (!catalog_dir || !out) return kt__err(KT_EINVAL, "kt_thesaurus_lint: NULL argument");
  *out = NULL;
  lint_ctx L;
  memset(&L, 0, sizeof L);
  kt__buf_init(&L.ids, 1 << 16);
  kt__buf_adds(&L.ids, "\n");
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
  /* A word the analyser respells is read as another word: "lafka" in a
   * context list is "yritys", and finds the concept at every firm. In a
   * phrase the respelling is meant ("himassa pelaamassa"); alone (a
   * one-word entry, a context word, a rule's part) it widens the entry. */
  for (size_t i = 0; !rc && i < n; i++) {
    const src_concept *c = &cs[i];
    const kt__buf *lists[] = {&c->client, &c->weak, &c->context, &c->all};
    static const char *const list_names[] = {"client", "weak", "context", "all"};
    for (size_t l = 0; l < 4 && !rc; l++) {
      char *list = kt__strdup(lists[l]->data ? lists[l]->data : "");
      if (!list) rc = kt__err(KT_ENOMEM, "cannot check the thesaurus");
      char *save = NULL;
      for (char *ph = list ? strtok_r(list, ",", &save) : NULL; ph && !rc;
           ph = strtok_r(NULL, ",", &save)) {
        ph = trim(ph);
        if (l < 2 && strchr(ph, ' ')) continue; /* a phrase of client or weak words */
        char *wsave = NULL;
        for (char *wd = strtok_r(ph, " +", &wsave); wd; wd = strtok_r(NULL, " +", &wsave)) {
          char word[128];
          snprintf(word, sizeof word, "%s", trim(wd));
          size_t wl = strlen(word);
          if (wl && word[wl - 1] == '*') word[--wl] = '\0';
          for (char *p = word; *p; p++)
            if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
          const char *as = kt__analyze_respelled(word);
          if (as != word && strcmp(as, word))
            kt__buf_printf(&w,
                           "%s:%zu: [%s] %s: '%s' is read as '%s' (a spoken form the analyser "
                           "respells): it matches every '%s'\n",
                           c->file, c->line, c->id, list_names[l], word, as, as);
        }
      }
      free(list);
    }
  }
  for (size_t i = 0; !rc && i < n; i++) {
    const src_concept *c = &cs[i];
    const kt__buf *lists[] = {&c->client, &c->service, &c->weak};
    for (size_t l = 0; l < 3 && !rc; l++) {
      char *list = kt__strdup(lists[l]->data ? lists[l]->data : "");
      char *save = NULL;
      for (char *ph = list ? strtok_r(list, ",", &save) : NULL; ph && !rc;
           ph = strtok_r(NULL, ",", &save)) {
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
          /* The list is named: a trigger may stand in more than one. */
          static const char *const list_names[] = {"client", "service", "weak"};
          kt__buf_printf(&w, "%s:%zu: [%s] %s: '%s*' is a part of %zu catalogue words (", c->file,
                         c->line, c->id, list_names[l], ph, most);
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
  /* A service a need rules out, or one that needs it, must be in the catalogue. */
  for (size_t i = 0; !rc && i < n; i++) {
    const src_concept *c = &cs[i];
    const struct {
      const char *key;
      const kt__buf *ids;
    } lists[] = {{"rules_out", &c->rules_out}, {"needed_by", &c->needed_by}};
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
      char *list = kt__strdup(lists[l].ids->data ? lists[l].ids->data : ""), *save = NULL;
      for (char *id = list ? strtok_r(list, ",", &save) : NULL; id;
           id = strtok_r(NULL, ",", &save)) {
        char key[256];
        snprintf(key, sizeof key, "\n%s\n", trim(id));
        if (!L.ids.data || !strstr(L.ids.data, key))
          kt__buf_printf(&w, "%s:%zu: [%s] %s: '%s' is no service of the catalogue\n", c->file,
                         c->line, c->id, lists[l].key, trim(id));
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
  kt__buf_free(&L.ids);
  for (size_t i = 0; i < n; i++)
    src_free(&cs[i]);
  free(cs);
  for (size_t i = 0; i < L.nuses; i++) {
    free(L.uses[i]->part);
    for (size_t e = 0; e < LINT_EXAMPLES; e++)
      free(L.uses[i]->example[e]);
    free(L.uses[i]);
  }
  free(L.uses);
  for (size_t i = 0; i < L.nkeys; i++)
    free(L.keys[i]);
  free(L.keys);
  if (L.an) {
    hdestroy_r(&L.parts);
    hdestroy_r(&L.seen);
  }
  kt_analyzer_close(L.an);
  free(tdir);
  return rc;
}
