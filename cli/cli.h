/*
 * cli.h — internal header shared by the `kohtaanto` command's parts. They
 * use the engine only through include/kohtaanto.h.
 */
#ifndef KT_CLI_H
#define KT_CLI_H

#include <kohtaanto.h>
#include <stddef.h>
#include <stdio.h>

/* Exit codes (documented in README.md). */
enum {
  KT_EXIT_OK = 0,
  KT_EXIT_USAGE = 2,   /* unknown option, missing argument */
  KT_EXIT_INPUT = 3,   /* bad input: invalid UTF-8, too large, invalid catalogue */
  KT_EXIT_NOINDEX = 4, /* no index and none could be built */
  KT_EXIT_LOCKED = 5,  /* another process is building the index */
  KT_EXIT_FAILURE = 6  /* I/O error, damaged index, internal error */
};

/* Exit code for a library status code. */
int kt_cli_exit_code(int status);
/* @p s as it may be shown on a terminal: control characters (C0, DEL, C1)
 * and bidi overrides replaced with '?' (a path or value from outside must
 * not move the cursor or reorder the line), cut at about 1000 bytes. In one
 * of four static buffers, reused in turn. */
const char *kt_cli_shown(const char *s);
/* From here on, everything written to stderr (by the command, the server
 * or a library) is shown with the same characters replaced as by
 * kt_cli_shown(), newlines and tabs kept. Called once, first thing. */
void kt_cli_guard_stderr(void);
/* Print "kohtaanto: <what>: <message>" to stderr and return the exit code. */
int kt_cli_fail(const char *what, int status);
/* Close a stream written to: 0, or -1 when any write failed, the last
 * flush included (a failed write may leave nothing for fclose() to flush). */
int kt_cli_close_written(FILE *f);

/* Default index root: $KOHTAANTO_INDEX, $XDG_DATA_HOME/kohtaanto/index or
 * ~/.local/share/kohtaanto/index. Returns a static buffer. */
const char *kt_cli_default_index(void);
/* Default catalogue: $KOHTAANTO_CATALOG or the bundled one. Static buffer. */
const char *kt_cli_default_catalog(void);

/* Read all of stdin up to @p cap bytes (+1 to detect overflow). Caller frees. */
char *kt_cli_read_stdin(size_t cap, size_t *len, int *too_big);

/* Join argv[from..argc) with spaces into a new string (the need text). */
char *kt_cli_join_args(int argc, char **argv, int from);

/* `kohtaanto index` (index_cmd.c). */
int kt_cli_index(int argc, char **argv);
/* Build the index quietly-ish for `search` when none exists. */
int kt_cli_build_default(const char *catalog, const char *index, int verbose);

int kt_cli_search(int argc, char **argv);
int kt_cli_show(int argc, char **argv);
int kt_cli_analyze(int argc, char **argv);
int kt_cli_eval(int argc, char **argv);
int kt_cli_feedback(int argc, char **argv);
/* `kohtaanto import ptv` (cli/import_cmd.c). */
int kt_cli_import(int argc, char **argv);
/* `kohtaanto handout` (handout_cmd.c): the client's sheet of chosen services. */
int kt_cli_handout(int argc, char **argv);
/* Default feedback store: $KOHTAANTO_FEEDBACK, $XDG_DATA_HOME/kohtaanto/feedback
 * or ~/.local/share/kohtaanto/feedback. Static buffer. */
const char *kt_cli_default_feedback(void);

/* Ranking configurations for ablations (eval --config, search --config):
 * a cumulative ladder from exact word forms to the full ranking, then the
 * full ranking minus one feature at a time. */
typedef struct kt_cli_config {
  const char *name;
  unsigned flags;
  const char *what;
  const char *params; /* ranking parameters it sets, "name=value,..." (or NULL) */
} kt_cli_config;
/* Apply a configuration's parameters to @p e (the defaults first). */
int kt_cli_config_apply(kt_engine *e, const kt_cli_config *c);
extern const kt_cli_config kt_cli_configs[];
extern const size_t kt_cli_nconfigs;
const kt_cli_config *kt_cli_config_find(const char *name);

#endif
