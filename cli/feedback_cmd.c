/*
 * feedback_cmd.c — `kohtaanto feedback`: counsellors' marks on results and
 * what service managers get out of them.
 *   kohtaanto feedback add --service ID --kind referred|useful|not_suitable
 *                          [--reason R] [TEXT]      (TEXT or stdin)
 *   kohtaanto feedback export [--format csv|json]
 *   kohtaanto feedback expire [--days N]            (default: the retention)
 *   kohtaanto feedback wipe
 *   kohtaanto feedback count
 * The store is $KOHTAANTO_FEEDBACK or ~/.local/share/kohtaanto/feedback.
 */
#include "cli.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f) {
  fputs("usage: kohtaanto feedback add --service ID --kind KIND [--reason R] [TEXT]\n"
        "       kohtaanto feedback export [--format csv|json]\n"
        "       kohtaanto feedback expire [--days N]\n"
        "       kohtaanto feedback wipe | count\n"
        "  KIND    referred, useful or not_suitable (the page's \"ohjattu\",\n"
        "          \"hyödyllinen\" and \"ei sovi\")\n"
        "  R       with not_suitable: target_group, not_eligible, area, unclear, no_match, other\n"
        "  TEXT    the need text the result was found with (or stdin); only its\n"
        "          catalogue-vocabulary features are stored, never the text\n"
        "  --store DIR      feedback store (default $KOHTAANTO_FEEDBACK or\n"
        "                   ~/.local/share/kohtaanto/feedback)\n"
        "  --retention N    days events are kept (default 365)\n"
        "  --index DIR      index root (for add and export)\n",
        f);
}

int kt_cli_feedback(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return KT_EXIT_USAGE;
  }
  const char *sub = argv[1];
  if (!strcmp(sub, "--help") || !strcmp(sub, "-h") || !strcmp(sub, "help")) {
    usage(stdout);
    return KT_EXIT_OK;
  }
  const char *store = kt_cli_default_feedback(), *index = kt_cli_default_index();
  const char *service = NULL, *kind = NULL, *reason = "", *format = "csv";
  unsigned retention = 0, days = 0;
  enum { O_SERVICE = 256, O_KIND, O_REASON, O_FORMAT, O_DAYS, O_STORE, O_RETENTION, O_INDEX };
  static const struct option lo[] = {{"service", required_argument, 0, O_SERVICE},
                                     {"kind", required_argument, 0, O_KIND},
                                     {"reason", required_argument, 0, O_REASON},
                                     {"format", required_argument, 0, O_FORMAT},
                                     {"days", required_argument, 0, O_DAYS},
                                     {"store", required_argument, 0, O_STORE},
                                     {"retention", required_argument, 0, O_RETENTION},
                                     {"index", required_argument, 0, O_INDEX},
                                     {"help", no_argument, 0, 'h'},
                                     {0, 0, 0, 0}};
  int c;
  optind = 2;
  while ((c = getopt_long(argc, argv, "+h", lo, NULL)) != -1) {
    char *end = NULL;
    switch (c) {
    case O_SERVICE: service = optarg; break;
    case O_KIND: kind = optarg; break;
    case O_REASON: reason = optarg; break;
    case O_FORMAT: format = optarg; break;
    case O_STORE: store = optarg; break;
    case O_INDEX: index = optarg; break;
    case O_DAYS:
    case O_RETENTION: {
      unsigned long v = strtoul(optarg, &end, 10);
      if (*end || v == 0 || v > 100000) {
        fprintf(stderr, "kohtaanto feedback: --%s wants a number of days 1-100000, not '%s'\n",
                c == O_DAYS ? "days" : "retention", optarg);
        return KT_EXIT_USAGE;
      }
      if (c == O_DAYS)
        days = (unsigned)v;
      else
        retention = (unsigned)v;
      break;
    }
    case 'h': usage(stdout); return KT_EXIT_OK;
    default: usage(stderr); return KT_EXIT_USAGE;
    }
  }
  bool is_add = !strcmp(sub, "add"), is_export = !strcmp(sub, "export");
  if (!is_add && !is_export && strcmp(sub, "expire") && strcmp(sub, "wipe") &&
      strcmp(sub, "count")) {
    fprintf(stderr, "kohtaanto feedback: unknown subcommand '%s'\n", sub);
    usage(stderr);
    return KT_EXIT_USAGE;
  }
  int k = 0, r = 0;
  if (is_add) {
    if (!service || !kind) {
      fprintf(stderr, "kohtaanto feedback add: --service and --kind are required\n");
      return KT_EXIT_USAGE;
    }
    if (!(k = kt_feedback_kind_parse(kind))) {
      fprintf(stderr,
              "kohtaanto feedback add: --kind '%s' is not referred, useful or not_suitable\n",
              kind);
      return KT_EXIT_USAGE;
    }
    if ((r = kt_feedback_reason_parse(reason)) < 0) {
      fprintf(stderr,
              "kohtaanto feedback add: --reason '%s' is not one of target_group, "
              "not_eligible, area, unclear, no_match, other\n",
              reason);
      return KT_EXIT_USAGE;
    }
  }
  if (is_export && strcmp(format, "csv") && strcmp(format, "json")) {
    fprintf(stderr, "kohtaanto feedback export: --format '%s' is not csv or json\n", format);
    return KT_EXIT_USAGE;
  }

  kt_feedback *fb = NULL;
  int rc = kt_feedback_open(&fb, store, retention);
  if (rc) return kt_cli_fail("open feedback store", rc);
  kt_engine *e = NULL;
  if ((is_add || is_export) && (rc = kt_engine_open(&e, index))) {
    kt_feedback_close(fb);
    return kt_cli_fail("open index", rc);
  }
  int exit_code = KT_EXIT_OK;
  if (is_add) {
    char *text = NULL;
    size_t len = 0;
    int too_big = 0;
    if (optind < argc) {
      text = kt_cli_join_args(argc, argv, optind);
      len = text ? strlen(text) : 0;
    } else {
      text = kt_cli_read_stdin(KT_MAX_QUERY_BYTES, &len, &too_big);
    }
    if (too_big) {
      fprintf(stderr, "kohtaanto feedback add: need text is over %d bytes\n", KT_MAX_QUERY_BYTES);
      exit_code = KT_EXIT_INPUT;
    } else if (!text) {
      exit_code = kt_cli_fail("read need text", KT_ENOMEM);
    } else if ((rc = kt_feedback_add(fb, e, text, len, service, k, r))) {
      exit_code = kt_cli_fail("add feedback", rc);
    } else {
      printf("tallennettu: %s %s (%zu merkintää)\n", service, kind, kt_feedback_count(fb));
    }
    free(text);
  } else if (is_export) {
    char *out = NULL;
    rc = kt_feedback_export(fb, e, !strcmp(format, "json") ? KT_EXPORT_JSON : KT_EXPORT_CSV, &out);
    if (rc)
      exit_code = kt_cli_fail("export", rc);
    else
      fputs(out, stdout);
    if (out && !strcmp(format, "json")) putchar('\n');
    kt_free(out);
  } else if (!strcmp(sub, "count")) {
    printf("%zu\n", kt_feedback_count(fb));
  } else {
    size_t removed = 0;
    bool wipe = !strcmp(sub, "wipe");
    rc = kt_feedback_expire(fb, wipe ? 0 : days ? days : (retention ? retention : 365), &removed);
    if (rc)
      exit_code = kt_cli_fail(wipe ? "wipe" : "expire", rc);
    else
      printf("poistettu %zu merkintää\n", removed);
  }
  kt_engine_close(e);
  kt_feedback_close(fb);
  return exit_code;
}
