/* replay.c — a main() for the fuzz targets without libFuzzer: runs every
 * file named on the command line (or found in a named folder) through
 * LLVMFuzzerTestOneInput once. ctest uses it to replay the seed corpora and
 * every input that once crashed a target, with the regular compiler and,
 * in KT_SANITIZE builds, under ASan + UBSan. */
#define _GNU_SOURCE
#include "fuzz.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: cannot read %s\n", path);
    return 1;
  }
  size_t cap = 1 << 16, n = 0, k;
  uint8_t *b = malloc(cap);
  while (b && (k = fread(b + n, 1, cap - n, f)) > 0)
    if ((n += k) == cap) b = realloc(b, cap *= 2);
  fclose(f);
  if (!b) return 1;
  /* A copy of exactly the input's size, so ASan sees reads past its end. */
  uint8_t *exact = malloc(n ? n : 1);
  memcpy(exact, b, n);
  free(b);
  LLVMFuzzerTestOneInput(exact, n);
  free(exact);
  return 0;
}

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  size_t inputs = 0;
  int bad = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) continue; /* e.g. no regressions yet */
    if (!S_ISDIR(st.st_mode)) {
      bad |= run_file(argv[i]);
      inputs++;
      continue;
    }
    DIR *d = opendir(argv[i]);
    if (!d) continue;
    char *names[4096];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 4096)
      if (e->d_name[0] != '.' && strcmp(e->d_name, "README.md")) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    for (size_t k = 0; k < n; k++) {
      char *p = kt__path_join(argv[i], names[k]);
      bad |= run_file(p);
      free(p);
      free(names[k]);
      inputs++;
    }
  }
  printf("replayed %zu inputs\n", inputs);
  return bad || inputs == 0;
}
