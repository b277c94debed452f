/*
 * main.c — the `kohtaanto` command: dispatches to its subcommands.
 */
#include "cli.h"
#include "server.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *f) {
  fputs("usage: kohtaanto <command> [options]\n"
        "\n"
        "commands:\n"
        "  search [TEXT]   rank the catalogue's services against a need text\n"
        "                  (TEXT as arguments or on stdin; builds the index if missing)\n"
        "  index           validate the catalogue and build the index\n"
        "  show ID         print a service's full record as JSON\n"
        "  handout ID...   the client's sheet of chosen services (--lang, --format)\n"
        "  analyze [TEXT]  show how a text is analysed (words, base forms, parts)\n"
        "  eval            ranking quality on a judged query set (nDCG, MRR, recall)\n"
        "  feedback        record counsellors' marks (referred, useful, not suitable),\n"
        "                  export statistics, expire or wipe them\n"
        "  import ptv FILE...  write catalogue entries from Suomi.fi Palvelutietovaranto\n"
        "                  (PTV) service JSON, reporting what could not be mapped\n"
        "  serve           HTTP JSON API and the counsellor's search page\n"
        "  version         print the version\n"
        "\n"
        "`kohtaanto <command> --help` describes each command's options.\n"
        "Exit codes: 0 ok, 2 usage error, 3 bad input, 4 no index, 5 index being\n"
        "built by another process, 6 other failure.\n",
        f);
}

static int run(int argc, char **argv);

/* Output that could not be written (a full disk, a closed pipe) is a
 * failure, not success. */
int main(int argc, char **argv) {
  kt_cli_guard_stderr(); /* paths and values in messages never reach a terminal raw */
  int rc = run(argc, argv);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "kohtaanto: cannot write the output: %s\n", strerror(errno));
    if (rc == KT_EXIT_OK) rc = KT_EXIT_FAILURE;
  }
  return rc;
}

static int run(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return KT_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "search")) return kt_cli_search(argc - 1, argv + 1);
  if (!strcmp(cmd, "index")) return kt_cli_index(argc - 1, argv + 1);
  if (!strcmp(cmd, "show")) return kt_cli_show(argc - 1, argv + 1);
  if (!strcmp(cmd, "handout")) return kt_cli_handout(argc - 1, argv + 1);
  if (!strcmp(cmd, "analyze")) return kt_cli_analyze(argc - 1, argv + 1);
  if (!strcmp(cmd, "eval")) return kt_cli_eval(argc - 1, argv + 1);
  if (!strcmp(cmd, "feedback")) return kt_cli_feedback(argc - 1, argv + 1);
  if (!strcmp(cmd, "import")) return kt_cli_import(argc - 1, argv + 1);
  if (!strcmp(cmd, "serve"))
    return kt_serve_main(argc - 1, argv + 1, kt_cli_default_index(), kt_cli_default_feedback());
  if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
    printf("kohtaanto %s (library %s)\n", KT_VERSION_STRING, kt_version());
    return KT_EXIT_OK;
  }
  if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    usage(stdout);
    return KT_EXIT_OK;
  }
  fprintf(stderr, "kohtaanto: unknown command '%s'\n", cmd);
  usage(stderr);
  return KT_EXIT_USAGE;
}
