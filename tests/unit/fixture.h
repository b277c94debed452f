/* fixture.h — the bundled catalogue's index shared by a suite's tests
 * (ranking, feedback, notes, filters). A suite linked with fixture.c builds
 * it once, in the runner before the test processes start (its
 * ReportHook(PRE_ALL)), finds it in the test processes through the
 * environment, and removes it after the last test (ReportHook(POST_ALL)).
 * Building it per test would take most of a suite's time. */
#ifndef KT_TEST_FIXTURE_H
#define KT_TEST_FIXTURE_H
#include "helpers.h"

/* The shared index's root folder (asserts it was built). */
const char *kt_fixture_index(void);
/* Open the shared index (asserts); close with kt_engine_close(). */
kt_engine *kt_fixture_engine(void);
#endif
