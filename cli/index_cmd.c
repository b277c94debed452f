/*
 * index_cmd.c — `kohtaanto index`: validates the catalogue and builds a new
 * index generation, switching to it atomically. Shows a progress bar when
 * stderr is a terminal and stays quiet otherwise.
 */
#define _GNU_SOURCE
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void progress_bar(size_t done, size_t total, void *ud) {
  (void)ud;
  int width = 40;
  int fill = total ? (int)((double)done / (double)total * width) : width;
  fprintf(stderr, "\r[%.*s%*s] %zu/%zu", fill, "########################################",
          width - fill, "", done, total);
  if (done == total) fputc('\n', stderr);
  fflush(stderr);
}

static int build(const char *catalog, const char *index, int progress, int quiet, size_t shards,
                 unsigned flags) {
  kt_build_options o = KT_BUILD_OPTIONS_INIT;
  o.shards = shards;
  o.flags = flags;
  if (progress && isatty(STDERR_FILENO)) o.progress = progress_bar;
  kt_build_stats st;
  int rc = kt_index_build(catalog, index, &o, &st);
  if (rc) return kt_cli_fail("index", rc);
  if (!quiet)
    fprintf(stderr, "indexed %zu services (%zu terms) from %s into %s/%s in %.2f s\n", st.services,
            st.terms, catalog, index, st.generation, st.seconds);
  if (!quiet && shards > 1)
    fprintf(stderr,
            "%zu shards in %s/%s/shards/0..%zu; serve them with xapian-tcpsrv and list "
            "them in %s/shards.conf (docs/shards.md)\n",
            shards, index, st.generation, shards - 1, index);
  return KT_EXIT_OK;
}

int kt_cli_build_default(const char *catalog, const char *index, int verbose) {
  if (verbose)
    fprintf(stderr, "kohtaanto: no index at %s; building it from the catalogue %s first\n", index,
            catalog);
  return build(catalog, index, verbose, !verbose, 0, 0);
}

static void usage(FILE *f) {
  fputs(
      "usage: kohtaanto index [--catalog DIR] [--index DIR] [--check] [--shards N] [--eval-terms]\n"
      "  --catalog DIR  catalogue folder holding services/<id>.json (default: bundled)\n"
      "  --index DIR    index root (default: $KOHTAANTO_INDEX or ~/.local/share/kohtaanto/index)\n"
      "  --check        only validate the catalogue; build nothing\n"
      "  --shards N     split the search index into N shards for xapian-tcpsrv (docs/shards.md)\n"
      "  --eval-terms   also write the evaluation index that `kohtaanto eval`'s surface and\n"
      "                 snowball configurations search (not needed to serve or search)\n",
      f);
}

int kt_cli_index(int argc, char **argv) {
  const char *catalog = kt_cli_default_catalog(), *index = kt_cli_default_index();
  int check = 0;
  size_t shards = 0;
  unsigned flags = 0;
  static const struct option lo[] = {{"catalog", required_argument, 0, 'c'},
                                     {"index", required_argument, 0, 'i'},
                                     {"check", no_argument, 0, 'k'},
                                     {"shards", required_argument, 0, 's'},
                                     {"eval-terms", no_argument, 0, 'e'},
                                     {"help", no_argument, 0, 'h'},
                                     {0, 0, 0, 0}};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "c:i:h", lo, NULL)) != -1) {
    switch (c) {
    case 'c': catalog = optarg; break;
    case 'i': index = optarg; break;
    case 'k': check = 1; break;
    case 'e': flags |= KT_BUILD_EVAL_TERMS; break;
    case 's': {
      char *end = NULL;
      unsigned long v = strtoul(optarg, &end, 10);
      if (*end || v < 1 || v > KT_MAX_SHARDS) {
        fprintf(stderr, "kohtaanto index: --shards wants a number 1-%d, not '%s'\n", KT_MAX_SHARDS,
                optarg);
        return KT_EXIT_USAGE;
      }
      shards = v;
      break;
    }
    case 'h': usage(stdout); return KT_EXIT_OK;
    default: usage(stderr); return KT_EXIT_USAGE;
    }
  }
  if (optind < argc) {
    fprintf(stderr, "kohtaanto index: unexpected argument '%s'\n", argv[optind]);
    usage(stderr);
    return KT_EXIT_USAGE;
  }
  if (check) {
    size_t n = 0;
    int rc = kt_catalog_validate(catalog, &n);
    if (rc) return kt_cli_fail("catalogue", rc);
    printf("catalogue %s: %zu services, all valid\n", catalog, n);
    char *warn = NULL;
    if ((rc = kt_thesaurus_lint(catalog, &warn))) return kt_cli_fail("thesaurus", rc);
    if (*warn) fprintf(stderr, "warnings (the catalogue is still valid):\n%s", warn);
    kt_free(warn);
    return KT_EXIT_OK;
  }
  return build(catalog, index, 1, 0, shards, flags);
}
