/*
 * server.h — `kohtaanto serve`: the HTTP JSON API and the counsellor's
 * search page, as one entry point for the `kohtaanto` command's dispatcher
 * (cli/main.c). The server itself lives in server/ and uses the engine only
 * through include/kohtaanto.h.
 */
#ifndef KT_SERVER_H
#define KT_SERVER_H

/* Run `kohtaanto serve` with its arguments (argv[0] is "serve"). Serves
 * until SIGINT or SIGTERM. @p default_index is the index root used when no
 * --index is given. Returns a process exit code (0 ok, 2 usage error, 4 no
 * index, 6 other failure). */
int kt_serve_main(int argc, char **argv, const char *default_index, const char *default_feedback);

#endif
