/*
 * rerank.h — re-ranking the candidates of a search (rerank.c).
 */
#ifndef KT_RERANK_H
#define KT_RERANK_H

#include "search_state.h"

/* Candidates @p cs from the retrieved @p hits, scored: signals re-score
 * them, and a service the need text names is lifted. */
int kt__rerank_score(ctx *x, cand *cs, ktx_hit *hits, size_t nhits);
/* Bounded evidence: no loose rare word may carry more than
 * rk->evidence_cap of a candidate's score (rerank.c says how). */
int kt__rerank_bound_evidence(ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* In a note with a goal and a past, demote the services whose evidence is
 * mostly the client's past (rk->demote_past). */
int kt__rerank_demote_past(ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* Training for a field the client is already qualified in ("valmis
 * lähihoitaja, hakee paikkaa", "20v kokemus kiinteistöhuollosta"), unless
 * the goal asks for study: scaled by rk->demote_qualified. */
int kt__rerank_demote_qualified(ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* A course whose name is a card or licence the note says the client holds
 * ("trukkikortti voimassa" and "Trukinkuljettajan koulutus (trukkikortti)")
 * is scaled by rk->demote_held: the client needs work, not the card again. */
void kt__rerank_demote_held(ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* A service whose requirements (KT_FIELD_CONDITIONS) name a word the note
 * says a service must not require (kt__reading.required: "Vain palvelut,
 * jotka eivät edellytä B-ajokorttia") is scaled by rk->demote_required. */
int kt__rerank_demote_required(ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* May found concept @p k come first: marked `first` (or `first: narrowed`),
 * found as a need of now (the situation or the goal), not named by a service
 * word? (Whether a `narrowed` one does depends on the request: defer_request.) */
bool kt__rerank_may_come_first(const ctx *x, size_t k);
/* A need that comes first: in a note whose situation finds a concept marked
 * `first` (a need of now, not denied, not another person's), a service
 * that only the note's request finds — more than rk->request_share of its
 * evidence from goal words, none from the first need — is scaled by
 * rk->demote_deferred ("kysyy ohjelmointikurssia" beside a death three
 * weeks ago) and kept below the first need's best service, which leads.
 * Where the request is marked as the only one ("kysyy vain ..."), from
 * rk->narrowed_share of the evidence and by rk->demote_narrowed. */
int kt__rerank_defer_request(ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* A need of now whose thesaurus concept rules services out (`rules_out`:
 * a full-time student and yleistuki, a residence permit granted and the
 * asylum seeker's services) scales those services by rk->demote_ruled_out. */
void kt__rerank_rules_out(ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* A service that the thesaurus gives as needing a need (`needed_by`:
 * written from its requirements) is scaled by rk->demote_need_unmet when
 * the note finds none of the concepts that list it, other than denied or
 * another person's, and signals none of their target groups; not when the
 * note names the service. */
void kt__rerank_need_unmet(ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* A short note (under KT_RANK_SHORT_WORDS content words) asks about the
 * service it names: its name lifts it by rk->name_boost_short instead of
 * rk->name_boost, unless signals or rules demoted it since. */
void kt__rerank_ask_named(const ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* Learned from referrals: the feedback store's bounded lift of the need's
 * features @p feat, never past a service the need text names. */
void kt__rerank_feedback(ctx *x, cand *cs, size_t nc, const char *const *feat, size_t nfeat);
/* Learned priors (catalog/learned/prior.tsv): below the first
 * KT_RANK_PRIOR_KEEP of sorted @p cs, each candidate's score is scaled by
 * 1 + rk->prior_weight x (its smoothed share judged useful - the base
 * rate), and that part is sorted again. */
int kt__rerank_prior(ctx *x, cand *cs, size_t nc, const kt__ranking *rk);
/* A need's most useful service: of the services judged useful in at least
 * rk->suggest_share of the development notes with a need of now the note
 * has (catalog/learned/concept_useful.tsv), the one with the largest share
 * that the first ten of sorted @p cs lack is put at rank KT_RANK_SUGGEST_AT,
 * taken from further down or, not retrieved, added in *@p extra (@p cs has
 * room for *nc + 1). Not in a search with filters (@p filtered), nor for a
 * service the note's signals speak against. */
int kt__rerank_suggest(ctx *x, cand *cs, size_t *nc, ktx_hit *extra, bool filtered,
                       const kt__ranking *rk);
/* A note of a topic (fewer than KT_RANK_TOPIC_WORDS words) that names a
 * service (sorted @p cs, its first one named, or its name holding every word
 * of the note) asks about that service: the services its catalogue entry lists as
 * related (at most KT_RANK_RELATED_MAX) score at least rk->related_share of
 * its score, read as candidates when not retrieved (their hits in @p extra,
 * room for KT_RANK_RELATED_MAX; @p cs has that room after *@p nc), unless
 * the note's signals speak against one so read. Not with a filter. */
int kt__rerank_related(ctx *x, cand *cs, size_t *nc, ktx_hit *extra, bool filtered,
                       const kt__ranking *rk);
/* A result found only by generic words ("nainen", "vuotta") or a target
 * group the note signals is no result: of sorted @p cs, the first @p limit
 * founded ones are moved to the front and *nc is cut after them, so the
 * unfounded never show. Notes of fewer than three content words are all
 * loose words and keep everything. */
int kt__rerank_drop_unfounded(ctx *x, cand *cs, size_t *nc, size_t limit);
/* qsort() order of candidates: by score, highest first. */
int kt__rerank_cmp(const void *a, const void *b);
/* Spread the top candidates over the needs (KT_SEARCH_DIVERSIFY). */
int kt__rerank_diversify(ctx *x, cand *cs, size_t nc);

#endif
