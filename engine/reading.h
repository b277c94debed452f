/*
 * reading.h — how a note is read before it is searched: clauses, each
 * word's role in the client's story, and which words carry no need.
 */
#ifndef KT_READING_H
#define KT_READING_H

#include "analyze.h"
#include "internal.h"

#include <stdbool.h>
#include <stddef.h>

/* The role of a word in a note. The public kt_match.role uses the same
 * values (KT_ROLE_* in kohtaanto.h). */
enum {
  KT__ROLE_SITUATION = 0,  /* the current situation or problem (the default) */
  KT__ROLE_BACKGROUND = 1, /* the client's past: former work, training ("ollut kassalla") */
  KT__ROLE_GOAL = 2,       /* a wish, plan or interest ("haluaa lähihoitajaksi") */
  KT__ROLE_REFUSED = 3,    /* a negated wish or capacity ("ei halua koulutukseen", "ei kestä
                            * raskasta työtä", "ei pysty keittiötyöhön") */
  KT__ROLE_NEGATED = 4,    /* after a negated noun ("ei ole velkoja", "ei tutkintoa"): a denied
                            * problem or a lack, as the concept found there says */
  KT__ROLE_ASIDE = 5,      /* context that is no need of the client's: another person's
                            * situation ("asiakkaan poika on vankilassa"), a hobby held
                            * ("vapaa-ajalla pelaa jalkapalloa"); public as background */
};

typedef struct kt__reading {
  unsigned char *role;        /* per token: KT__ROLE_* */
  unsigned char *clause_role; /* per token: its clause's role, before negations */
  size_t *clause;             /* per token: its clause, counted from 0 */
  bool *generic;              /* per token: a generic word ("asiakas", "mies", "vuotta") */
  size_t *negator;            /* per token in a negated span: the token that negates it */
  bool *unwanted; /* per token: refused by a wish or a need denied ("ei halua myyntityöhön",
                   * "ei tarvitse tulkkia"), not by a capacity ("ei voi nostaa") */
  bool *held;     /* per token: a card or licence the client holds ("trukkikortti voimassa") */
  bool *paren;    /* per token: inside parentheses ("keskeytti armeijan 2019 (C-paperit)") */
  bool *long_ago; /* per token: in a clause dated long ago ("kävi valmennuksen 2020", "kymmenen
                   * vuotta sitten"), whose past leads to no need of now */
  unsigned short *required;       /* per token: what a service must not require ("Vain palvelut,
                                   * jotka eivät edellytä B-ajokorttia"), numbered by phrase from 1
                                   * ("fyysistä kuntoa" 1, "fyysistä työkykyä" 2); a service whose
                                   * requirements name a phrase is demoted (rerank.c) */
  unsigned short required_limits; /* phrases up to this one are such limits; those after it,
                                   * holdings the note says the client lacks ("ei
                                   * korkeakoulututkintoa") */
  size_t count, nclauses;
  bool change;           /* the note says the client wants to change fields ("alanvaihto") */
  bool skills_fine;      /* the note says the client's skills are in order ("osaaminen kunnossa") */
  bool wants_study;      /* a goal word names study ("haluaa opiskella", "kouluttautua") */
  bool refuses_founding; /* a refused span names founding a firm ("ei halua enää yrittäjäksi",
                          * "eikä starttirahaa") */
  bool refuses_study;    /* a refused span names study ("ei halua enää kouluun"), not only a
                          * kind of it ("ei halua pitkää koulutusta") */
} kt__reading;

/* Is token @p i refused by the client: by a negation ("ei halua", "ei
 * Ohjaamoa"), by passing over what was offered ("… on tarjottu, mutta hän
 * haluaa …") or by having had enough ("keittiötyö saa jäädä"); not asked
 * about ("voiko hän kieltäytyä kuntouttavasta työtoiminnasta")? */
bool kt__reading_refused(const kt_analysis *a, const kt__reading *r, size_t i);

/* The first token of the clause that holds token @p i, and the token after
 * the clause that starts at token @p s. */
size_t kt__reading_clause_start(const kt__reading *r, size_t i);
size_t kt__reading_clause_end(const kt__reading *r, size_t s);

/* The clauses of @p r with a parenthetical aside splitting none: its words
 * and the word after it count in the clause before it, unless a comma or a
 * stop follows it ("ei oo maksanut asiakkaalle (34v, kantasuomalainen)
 * palkkaa" is one clause). Monotonic as r->clause; malloc'd (NULL: no
 * memory). For the finding of needs (query.c). */
size_t *kt__reading_aside_clauses(const kt_analysis *a, const char *text, const kt__reading *r);

/* Read @p a (the analysis of @p text, @p len bytes): clauses split at punctuation and at
 * clause conjunctions, each clause's role from Voikko's grammar (past tense,
 * past participle, conditional) and cue words (aiemmin, koulutukseltaan,
 * haluaa, kiinnostaa, nyt), and the scopes of negations. Fills @p out,
 * which the caller frees with kt__reading_free(). KT_ENOMEM on failure. */
int kt__reading_read(const kt_analysis *a, const char *text, size_t len, kt__reading *out);
void kt__reading_free(kt__reading *r);

/* The years token @p i and the next one state ("22 vuotta", "7v", "5 år",
 * "20 years"), or 0. */
int kt__token_years(const kt_analysis *a, size_t i);
/* Does token @p i open a cause, a genitive and its postposition
 * ("masennuksen takia", "aivovamman jälkeen")? */
bool kt__cause_at(const kt_analysis *a, size_t i);

/* Is token @p i the client's employer told of ("työnantaja vähensi tunnit",
 * "pomo ei maksanut", "my employer cut my hours"): an employer word followed
 * by a verb in the past or a negation? Such an employer is not the one asking. */
bool kt__employer_told(const kt_analysis *a, size_t i);

/* The longest working life the note tells of, in years: a span of years in
 * a clause that speaks of work (a role in the essive, "tehnyt", "työhistoria",
 * "alalla"), not of unemployment, sick leave, home, study or living
 * somewhere ("asunut Suomessa 10 vuotta"); 0 if none. A number in
 * [@p skip_first, @p skip_last] (the client's age) is not one. */
int kt__reading_work_years(const kt_analysis *a, const kt__reading *r, size_t skip_first,
                           size_t skip_last);

/* Token tests shared by the readers of a note (reading.c, signals.c): does
 * @p t have @p w as its surface or a base form (compound parts do not
 * count); one of @p ws (NULL-terminated); a surface starting with one of
 * @p ps? */
bool kt__token_is_strings(const kt_token *t, const char *w);
static inline bool kt__token_is(const kt_token *t, const char *w) {
  /* The signature first (analyze.h): every token comes from an analysis. */
  return t && (((const kt__tok *)t)->sig & kt__sig_bit(w)) && kt__token_is_strings(t, w);
}
/* Is @p term (a base form) one of the generic words (asiakas, mies, vuosi,
 * numbers) that never name a need? */
bool kt__generic_term(const char *term);
/* Is every base form of @p t a word that names only the client or a span of
 * time (asiakas, mies, nainen, vuosi)? Such a word carries no evidence. */
bool kt__null_token(const kt_token *t);
bool kt__token_is_any(const kt_token *t, const char *const *ws);
bool kt__token_starts_any(const kt_token *t, const char *const *ps);

/* Is @p t a word that limits what a note asks for ("vain", "ainoastaan",
 * "only", "endast")? */
bool kt__token_only(const kt_token *t);
/* Does a sentence end between tokens @p i and @p i + 1: ".", "!", "?" or a
 * line break, but not the period of an abbreviation ("esim.")? */
bool kt__reading_sentence_end_after(const kt_analysis *a, const char *text, size_t i);
/* Does the clause of token @p i tell of the client's childhood or school
 * years ("lapsena", "ala-asteella", "in childhood")? */
bool kt__reading_childhood_clause(const kt_analysis *a, const kt__reading *r, size_t i);
/* Is @p s (a surface or a base form) a negation word ("ei", "inte", "not")? */
bool kt__negation_text(const char *s);
/* Is @p t a negation word (Finnish, Swedish or English: "ei", "inte", "not")? */
bool kt__token_negates(const kt_token *t);
/* Is @p t "eikä" (and not), typed with or without its umlaut? */
bool kt__token_eika(const kt_token *t);

/* The public role (KT_ROLE_*) of an internal one: another person's
 * situation or a hobby shows as background, a silent word as the situation. */
static inline int kt__role_public(int role) {
  return role == KT__ROLE_GOAL                                   ? KT_ROLE_GOAL
         : role == KT__ROLE_BACKGROUND || role == KT__ROLE_ASIDE ? KT_ROLE_BACKGROUND
                                                                 : KT_ROLE_SITUATION;
}

/* Is @p role one whose words never search (a refused wish, a negated fact)? */
static inline bool kt__role_silent(int role) {
  return role == KT__ROLE_REFUSED || role == KT__ROLE_NEGATED;
}

/* Does @p t name a trade by an agent noun ("siivooja", "kirjanpitäjä",
 * "IT-tukihenkilö"), not a student's or a jobseeker's role? */
bool kt__token_trade(const kt_token *t);

#endif
