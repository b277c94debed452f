/* helpers.h — shared test fixtures: temporary folders, a built mini index. */
#ifndef KT_TEST_HELPERS_H
#define KT_TEST_HELPERS_H
#include "internal.h"

/* A fresh temporary directory (static buffer per call slot 0..3). */
char *kt_test_tmpdir(void);
/* Build the mini catalogue (tests/data/catalog-mini) into a new temp index. */
char *kt_test_mini_index(void);
/* Rank of service @p id in results (0-based) or -1. */
int kt_test_rank(const kt_results *r, const char *id);
/* Search helper: asserts success. */
kt_results *kt_test_search(kt_engine *e, const char *text, const kt_search_options *o);
/* Does the analysis of @p text contain @p term (of any kind, or of @p kind when > 0)? */
bool kt_test_has_term(kt_analyzer *an, const char *text, const char *term, int kind);
/* One index of the bundled catalogue shared by a suite's tests: fixture.h. */
/* Run a shell command, capture stdout into a malloc'd string; returns exit code. */
int kt_test_run(const char *cmd, char **out);
#endif
