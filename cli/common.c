/*
 * common.c — pieces every `kohtaanto` subcommand shares: default locations,
 * exit codes, error printing and reading the need text from stdin.
 */
#define _GNU_SOURCE
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int kt_cli_exit_code(int status) {
  switch (status) {
  case KT_OK: return KT_EXIT_OK;
  case KT_EINVAL:
  case KT_ETOOBIG:
  case KT_ECATALOG: return KT_EXIT_INPUT;
  case KT_ENOINDEX: return KT_EXIT_NOINDEX;
  case KT_ELOCKED: return KT_EXIT_LOCKED;
  default: return KT_EXIT_FAILURE;
  }
}

/* The character at @p p (@p n bytes left): how many bytes it has, and in
 * @p hide whether a terminal must not get it — C0 controls (but newline
 * tab and carriage return, for progress lines, when @p keep_lines), DEL, C1 controls
 * (U+0080-U+009F) and the bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069); the same rule
 * as the library's messages (engine/error.c). 0 when the bytes end inside
 * a sequence that may be one to hide. */
static size_t char_len(const unsigned char *p, size_t n, bool keep_lines, bool *hide) {
  *hide = false;
  if (p[0] < 0x20 || p[0] == 0x7F) {
    *hide = !(keep_lines && (p[0] == '\n' || p[0] == '\t' || p[0] == '\r'));
    return 1;
  }
  if (p[0] == 0xC2) {
    if (n < 2) return 0;
    *hide = p[1] >= 0x80 && p[1] <= 0x9F;
    return *hide ? 2 : 1;
  }
  if (p[0] == 0xE2) {
    if (n < 2 || ((p[1] == 0x80 || p[1] == 0x81) && n < 3)) return 0;
    *hide = (p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
            (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9);
    return *hide ? 3 : 1;
  }
  return 1;
}

const char *kt_cli_shown(const char *s) {
  static char bufs[4][1024];
  static int slot;
  char *b = bufs[slot++ % 4];
  size_t n = 0, left = strlen(s ? s : "");
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  while (left && n + 4 < sizeof bufs[0]) {
    bool hide;
    size_t k = char_len(p, left, false, &hide);
    if (!k) k = 1; /* cut short at the end of the string: nothing to hide */
    b[n++] = hide ? '?' : (char)*p;
    if (hide) {
      p += k;
      left -= k;
    } else {
      p++;
      left--;
    }
  }
  b[n] = '\0';
  return b;
}

/* The standard error stream as the command writes it: every message —
 * the CLI's, the server's (`kohtaanto serve`), the libraries' — quotes
 * paths and values from outside, so each goes to the terminal with the
 * characters kt_cli_shown() hides replaced by '?', newlines and tabs kept.
 * A sequence cut between two writes waits for the rest (carry). */
static char carry[3];
static size_t ncarry;

static void write_all(const char *b, size_t n) {
  while (n) {
    ssize_t w = write(STDERR_FILENO, b, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return; /* nowhere left to report it */
    b += w;
    n -= (size_t)w;
  }
}

static ssize_t shown_write(void *cookie, const char *buf, size_t size) {
  (void)cookie;
  char in[1024 + sizeof carry], out[1024 + sizeof carry];
  size_t done = 0;
  while (done < size) {
    size_t take = size - done < 1024 ? size - done : 1024;
    memcpy(in, carry, ncarry);
    memcpy(in + ncarry, buf + done, take);
    size_t len = ncarry + take, i = 0, o = 0;
    ncarry = 0;
    done += take;
    while (i < len) {
      bool hide;
      size_t k = char_len((const unsigned char *)in + i, len - i, true, &hide);
      if (!k) {
        if (done < size || len - i >= sizeof carry)
          k = 1; /* more follows in buf: not cut */
        else {
          memcpy(carry, in + i, len - i);
          ncarry = len - i;
          break;
        }
      }
      if (hide) {
        out[o++] = '?';
        i += k;
      } else {
        out[o++] = in[i++];
      }
    }
    write_all(out, o);
  }
  return (ssize_t)size;
}

void kt_cli_guard_stderr(void) {
  cookie_io_functions_t io = {.write = shown_write};
  FILE *f = fopencookie(NULL, "w", io);
  if (!f) return; /* the raw stream, then */
  setvbuf(f, NULL, _IOLBF, 8192);
  stderr = f;
}

int kt_cli_close_written(FILE *f) {
  bool bad = fflush(f) != 0 || ferror(f);
  bad |= fclose(f) != 0;
  return bad ? -1 : 0;
}

int kt_cli_fail(const char *what, int status) {
  const char *msg = kt_error_last();
  fprintf(stderr, "kohtaanto: %s: %s%s%s\n", what, kt_strerror(status), *msg ? ": " : "", msg);
  return kt_cli_exit_code(status);
}

/* $ENV, else $XDG_DATA_HOME/kohtaanto/SUB, else ~/.local/share/kohtaanto/SUB. */
static const char *data_dir(const char *env, const char *sub, char *buf, size_t size) {
  const char *e = getenv(env);
  if (e && *e) return e;
  const char *x = getenv("XDG_DATA_HOME");
  if (x && *x)
    snprintf(buf, size, "%s/kohtaanto/%s", x, sub);
  else {
    const char *h = getenv("HOME");
    snprintf(buf, size, "%s/.local/share/kohtaanto/%s", h && *h ? h : ".", sub);
  }
  return buf;
}

const char *kt_cli_default_index(void) {
  static char buf[4096];
  return data_dir("KOHTAANTO_INDEX", "index", buf, sizeof buf);
}

const char *kt_cli_default_feedback(void) {
  static char buf[4096];
  return data_dir("KOHTAANTO_FEEDBACK", "feedback", buf, sizeof buf);
}

/* The bundled catalogue: the source tree's for the binary in the build tree;
 * for an installed binary, the one beside it (<bindir>/../share/kohtaanto/
 * catalog), so a package unpacked anywhere finds its own; else the
 * configured data folder. */
const char *kt_cli_default_catalog(void) {
  const char *e = getenv("KOHTAANTO_CATALOG");
  if (e && *e) return e;
  static char buf[PATH_MAX];
  char exe[4096];
  struct stat st;
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0)
    return stat(KT_CATALOG_DIR_BUILD "/services", &st) == 0 ? KT_CATALOG_DIR_BUILD
                                                            : KT_CATALOG_DIR_INSTALL;
  exe[n] = '\0';
  char *slash = strrchr(exe, '/');
  if (slash) *slash = '\0';
  char *build = realpath(KT_BUILD_BIN_DIR, NULL);
  bool in_build = build && !strcmp(build, exe);
  free(build);
  if (in_build) return KT_CATALOG_DIR_BUILD;
  char rel[4096 + sizeof KT_CATALOG_DIR_REL + 1];
  snprintf(rel, sizeof rel, "%s/%s", exe, KT_CATALOG_DIR_REL);
  if (stat(rel, &st) == 0 && S_ISDIR(st.st_mode) && realpath(rel, buf)) return buf;
  return KT_CATALOG_DIR_INSTALL;
}

char *kt_cli_read_stdin(size_t cap, size_t *len, int *too_big) {
  *len = 0;
  *too_big = 0;
  size_t size = 4096;
  char *b = malloc(size + 1);
  if (!b) return NULL;
  size_t n;
  while ((n = fread(b + *len, 1, size - *len, stdin)) > 0) {
    *len += n;
    if (*len > cap) {
      *too_big = 1;
      break;
    }
    if (*len == size) {
      size *= 2;
      char *p = realloc(b, size + 1);
      if (!p) {
        free(b);
        return NULL;
      }
      b = p;
    }
  }
  b[*len] = '\0';
  return b;
}

char *kt_cli_join_args(int argc, char **argv, int from) {
  size_t total = 1;
  for (int i = from; i < argc; i++)
    total += strlen(argv[i]) + 1;
  char *text = malloc(total);
  if (!text) return NULL;
  text[0] = '\0';
  for (int i = from; i < argc; i++) {
    if (i > from) strcat(text, " ");
    strcat(text, argv[i]);
  }
  return text;
}

#define LATER (KT_SEARCH_NO_THESAURUS | KT_SEARCH_NO_SIGNALS | KT_SEARCH_NO_TYPO_FIX)
const kt_cli_config kt_cli_configs[] = {
    {"surface", KT_SEARCH_MODE_SURFACE, "exact word forms, no stemming", NULL},
    {"snowball", KT_SEARCH_MODE_SNOWBALL, "Snowball Finnish stems only", NULL},
    {"voikko", KT_SEARCH_NO_COMPOUNDS | KT_SEARCH_NO_UMLAUT_FIX | LATER, "Voikko base forms", NULL},
    {"compounds", KT_SEARCH_NO_UMLAUT_FIX | LATER, "+ compound parts", NULL},
    {"umlauts", LATER, "+ umlaut restoration", NULL},
    {"thesaurus", LATER & ~KT_SEARCH_NO_THESAURUS, "+ thesaurus expansion", NULL},
    {"signals", LATER & ~(KT_SEARCH_NO_THESAURUS | KT_SEARCH_NO_SIGNALS), "+ need signals", NULL},
    {"full", 0, "+ typo correction (the default)", NULL},
    {"-thesaurus", KT_SEARCH_NO_THESAURUS, "full without thesaurus expansion", NULL},
    {"-signals", KT_SEARCH_NO_SIGNALS, "full without need signals", NULL},
    {"+diversify", KT_SEARCH_DIVERSIFY, "full with spreading over needs (opt-in)", NULL},
    {"+prf", KT_SEARCH_PRF, "full with pseudo-relevance feedback (opt-in)", NULL},
    {"-typos", KT_SEARCH_NO_TYPO_FIX, "full without typo correction", NULL},
    {"-compounds", KT_SEARCH_NO_COMPOUNDS, "full without compound parts", NULL},
    {"-umlauts", KT_SEARCH_NO_UMLAUT_FIX, "full without umlaut restoration", NULL},
    {"-reading", KT_SEARCH_NO_READING, "full without clause roles, fact negation, generic words",
     NULL},
    {"-roles", 0, "full with the past and the goal weighed as the present",
     "role_background=1,role_background_concept=1,role_goal=1"},
    {"-evidence", 0, "full without the bound on one word's share", "evidence_cap=1"},
    {"-groupterms", 0, "full without signalled groups as query terms", "group_retrieval=0"},
    {"-priors", 0, "full without the learned priors (catalog/learned)", "prior_weight=0"},
    {"-needpriors", 0, "full without the learned priors per need (concept_prior.tsv)",
     "concept_prior_weight=0"},
    {"-suggest", 0, "full without a need's most useful service (concept_useful.tsv)",
     "suggest_share=1.1"},
};
const size_t kt_cli_nconfigs = sizeof kt_cli_configs / sizeof *kt_cli_configs;

int kt_cli_config_apply(kt_engine *e, const kt_cli_config *c) {
  double def;
  const char *name;
  for (size_t i = 0; (name = kt_ranking_param(i, &def, NULL, NULL)); i++) {
    int rc = kt_engine_set_param(e, name, def);
    if (rc) return rc;
  }
  if (!c || !c->params) return KT_OK;
  char buf[512];
  snprintf(buf, sizeof buf, "%s", c->params);
  char *save = NULL;
  for (char *kv = strtok_r(buf, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
    char *eq = strchr(kv, '=');
    if (!eq) return KT_EINVAL;
    *eq = '\0';
    int rc = kt_engine_set_param(e, kv, strtod(eq + 1, NULL));
    if (rc) return rc;
  }
  return KT_OK;
}

const kt_cli_config *kt_cli_config_find(const char *name) {
  for (size_t i = 0; i < kt_cli_nconfigs; i++)
    if (!strcmp(kt_cli_configs[i].name, name)) return &kt_cli_configs[i];
  return NULL;
}
