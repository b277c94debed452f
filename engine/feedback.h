/*
 * feedback.h — referral feedback (feedback.c): what the ranking and the tests
 * reach beyond the public kt_feedback_* calls.
 */
#ifndef KT_FEEDBACK_H
#define KT_FEEDBACK_H

#include "internal.h"

/* Score multiplier of @p service for a need with @p features (1.0 when the
 * store knows nothing), appending its effects. Safe from any thread. */
double kt__feedback_factor(kt_feedback *fb, const char *const *features, size_t n,
                           const char *service, int lang, kt__arena *arena, kt_effect *effects,
                           size_t max_effects, size_t *neffects);
/* kt_feedback_add() at a given time (tests of expiry). */
int kt__feedback_add_at(kt_feedback *fb, kt_engine *e, const char *text, size_t len,
                        const char *service_id, int kind, int reason, long long when);

#endif
