/*
 * gen_catalog.c — a deterministic generator of large synthetic catalogues for
 * scale benchmarks: `kt_gen_catalog SRC_CATALOG OUT_DIR N [SEED]`.
 *
 * Each synthetic service takes the structure of one real service (round
 * robin) and recombines real text: its name, summary and description come
 * from three different real services chosen by a fixed pseudo-random
 * sequence, so the vocabulary and text lengths stay realistic and every file
 * passes the catalogue's validation. Same inputs and seed, same output.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmpstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* xorshift64*: small, deterministic, good enough for picking sources. */
static unsigned long long rng_state;
static unsigned long long rnd(void) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 2685821657736338717ULL;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s SRC_CATALOG OUT_DIR N [SEED]\n", argv[0]);
    return 2;
  }
  const char *src = argv[1], *out = argv[2];
  long n = strtol(argv[3], NULL, 10);
  rng_state = argc > 4 ? strtoull(argv[4], NULL, 10) : 20261123ULL;
  if (n <= 0 || rng_state == 0) {
    fprintf(stderr, "N and SEED must be positive\n");
    return 2;
  }

  char path[4096];
  snprintf(path, sizeof path, "%s/services", src);
  DIR *d = opendir(path);
  if (!d) {
    perror(path);
    return 1;
  }
  char **names = NULL;
  size_t nn = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l > 5 && !strcmp(e->d_name + l - 5, ".json")) {
      names = realloc(names, (nn + 1) * sizeof *names);
      names[nn++] = strdup(e->d_name);
    }
  }
  closedir(d);
  qsort(names, nn, sizeof *names, cmpstr); /* directory order is not deterministic */
  json_t **svc = calloc(nn, sizeof *svc);
  for (size_t i = 0; i < nn; i++) {
    snprintf(path, sizeof path, "%s/services/%s", src, names[i]);
    json_error_t je;
    if (!(svc[i] = json_load_file(path, 0, &je))) {
      fprintf(stderr, "%s:%d: %s\n", path, je.line, je.text);
      return 1;
    }
  }
  snprintf(path, sizeof path, "%s/services", out);
  mkdir(out, 0755);
  if (mkdir(path, 0755) != 0 && access(path, F_OK) != 0) {
    perror(path);
    return 1;
  }

  for (long k = 0; k < n; k++) {
    json_t *base = svc[k % (long)nn];
    json_t *s = json_deep_copy(base);
    const char *fields[] = {"name", "summary", "description", "keywords"};
    for (size_t f = 0; f < 4; f++) {
      json_t *from = svc[rnd() % nn];
      json_object_set(s, fields[f], json_object_get(from, fields[f]));
    }
    /* The copied name/summary may lack languages the base lists: keep the
     * languages consistent with the texts by using the name donor's. */
    json_t *lang = json_array();
    json_array_append_new(lang, json_string("fi"));
    json_t *nm = json_object_get(s, "name"), *sm = json_object_get(s, "summary");
    if (json_object_get(nm, "sv") && json_object_get(sm, "sv"))
      json_array_append_new(lang, json_string("sv"));
    if (json_object_get(nm, "en") && json_object_get(sm, "en"))
      json_array_append_new(lang, json_string("en"));
    json_object_set_new(s, "languages", lang);
    char id[160];
    snprintf(id, sizeof id, "%s-s%06ld", json_string_value(json_object_get(base, "id")), k);
    json_object_set_new(s, "id", json_string(id));
    json_object_set_new(s, "related", json_array());
    snprintf(path, sizeof path, "%s/services/%s.json", out, id);
    if (json_dump_file(s, path, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0) {
      perror(path);
      return 1;
    }
    json_decref(s);
  }
  for (size_t i = 0; i < nn; i++) {
    json_decref(svc[i]);
    free(names[i]);
  }
  free(svc);
  free(names);
  fprintf(stderr, "wrote %ld synthetic services to %s/services\n", n, out);
  return 0;
}
