/* hardening.h — fixtures of the bad-input, fault and integrity suites
 * (badinput_*.c, faults.c, integrity.c): index snapshots, damaged copies of
 * a good index, the CLI run with stdin and a time limit, and a
 * child process that file permissions apply to even when tests run as root. */
#ifndef KT_TEST_HARDENING_H
#define KT_TEST_HARDENING_H
#include "helpers.h"

/* What a reader can see of an index root: where `current` points, then every
 * entry beside it except `.lock`, sorted ("current=gen-..;gen-..;gen-..;").
 * Caller frees. */
char *kt_hard_snapshot(const char *idx);
/* Number of leftovers of unfinished builds (.build-*, current.tmp-*). */
int kt_hard_leftovers(const char *idx);
/* Where `current` points ("" if nowhere); static buffer. */
const char *kt_hard_current(const char *idx);
/* The JSON of a fixed search on the index (a reader's answer), or NULL with
 * the reason in @p why when the index does not open or answer. Caller frees. */
char *kt_hard_answer(const char *idx, char *why, size_t cap);
/* The query kt_hard_answer() asks. */
#define KT_HARD_QUERY "palkkatuki työkokeilu velat ja ulosotto, nuori ei koulutusta"

/* Assert the failed build left the index as it was: same snapshot, no
 * leftovers, and it still answers @p answer (when not NULL). */
void kt_hard_assert_untouched(const char *idx, const char *before, const char *answer,
                              const char *what);

/* Run `kohtaanto <args>` (a shell fragment, may hold quotes) with stdin from
 * @p in (NULL: /dev/null) under `timeout`, capturing stdout and stderr
 * (either may be NULL). Returns the exit code; 124 on a timeout, 128+N when
 * killed by signal N (a crash). */
int kt_hard_cli(const char *in, char **out, char **err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Every message the library gives must itself be valid UTF-8 (it ends up
 * in JSON error bodies and terminals); and hold @p want when not NULL. */
void kt_hard_assert_msg(const char *what, const char *want);

/* A copy of index @p from (cp -a) in a fresh kt_hard_tmpdir(), to damage
 * while @p from stays good. Caller removes (kt__rm_rf) and frees. */
char *kt_hard_copy_index(const char *from);
/* Path of @p name inside the current generation of @p idx. Caller frees. */
char *kt_hard_gen_file(const char *idx, const char *name);

/* Write @p len bytes to @p path (dirs must exist). */
void kt_hard_write(const char *path, const void *data, size_t len);
/* Read a whole file; NULL if it cannot be read. Caller frees. */
char *kt_hard_read(const char *path, size_t *len);

/* Run @p fn in a forked child (a crash there is reported as @p what's, not
 * taken for this test's); returns fn's status code and copies the child's
 * kt_error_last() into @p msg (may be NULL). */
typedef int (*kt_hard_fn)(void *ud);
int kt_hard_in_child(kt_hard_fn fn, void *ud, char *msg, size_t cap, const char *what);

/* Run @p fn in a child that file permissions apply to: as root the child
 * drops to nobody (uid/gid 65534). Returns fn's status code and copies the
 * child's kt_error_last() into @p msg; KT_HARD_NOPRIV if the child could not
 * give up root's permission bypass. Temp dirs the child must traverse need
 * mode 0755. */
#define KT_HARD_NOPRIV (-1000)
int kt_hard_unprivileged(kt_hard_fn fn, void *ud, char *msg, size_t cap);

/* A temp dir others may traverse (for kt_hard_unprivileged). Caller frees. */
char *kt_hard_tmpdir(void);
#endif
