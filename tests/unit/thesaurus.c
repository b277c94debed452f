/*
 * thesaurus.c — the thesaurus on a small fixture of its own (not the bundled
 * catalogue): compound-part triggers only where marked '*', weak words that
 * need context, `all:` rules, `negated:`, `age:`, `history:` and `with:`, the errors an editor
 * sees, and the lint that index --check prints.
 */
#define _GNU_SOURCE
#include "thesaurus.h"
#include "analyze.h"
#include "engine.h"
#include "helpers.h"
#include "reading.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const FIXTURE =
    "[velat]\n"
    "label: velat\n"
    "negated: drop\n"
    "client: velka*, pikavippi\n"
    "service: velkaneuvonta\n"
    "\n"
    "[pelit]\n"
    "label: liiallinen pelaaminen\n"
    "client: peliriippuvuus, ei jaksa lopettaa\n"
    "weak: pelata, kasino\n"
    "context: liikaa, öisin, koukussa, kasino*\n"
    "service: peliklinikka\n"
    "expand: digipeliongelma\n"
    "\n"
    "[yrittajyys]\n"
    "label: yrittäjyys\n"
    "all: perustaa + yritys*, perustaa + liike*\n"
    "service: yritysneuvonta\n"
    "\n"
    "[ammatti]\n"
    "label: ammatti puuttuu\n"
    "client: ei ammattia\n"
    "service: ammatillinen koulutus\n"
    "\n"
    "[tyonantajatuki]\n"
    "label: tuki työnantajalle\n"
    "all: työnantaja + tuki*, työnantaja + tukea, employer + support\n"
    "service: palkkatuki\n"
    "\n"
    "[oppivelvollisuus]\n"
    "label: oppivelvollisuus\n"
    "age: 16-17\n"
    "service: oppivelvollisuus\n"
    "\n"
    "[asuminen]\n"
    "label: asuminen\n"
    "client: vuokra\n"
    "service: asumisneuvonta\n"
    "\n"
    "[elakekuntoutus]\n"
    "label: työeläkekuntoutus\n"
    "history: 5\n"
    "with: velat,\n"
    "  asuminen\n"
    "service: työeläkeyhtiö\n";

static kt_analyzer *an;
static kt__thesaurus *th;

/* Write @p text as the only thesaurus file of a new folder; returns the folder. */
static char *write_thesaurus(const char *text) {
  char *dir = kt_test_tmpdir();
  char *path = NULL;
  cr_assert_geq(asprintf(&path, "%s/test.txt", dir), 0);
  FILE *f = fopen(path, "w");
  cr_assert_not_null(f);
  fputs(text, f);
  fclose(f);
  free(path);
  return dir;
}

static int compile(const char *text, kt__thesaurus **out) {
  char *dir = write_thesaurus(text), *compiled = NULL;
  cr_assert_geq(asprintf(&compiled, "%s/compiled.tsv", dir), 0);
  int rc = kt__thesaurus_compile(an, dir, compiled, NULL);
  if (!rc && out) rc = kt__thesaurus_load(compiled, out);
  free(compiled);
  free(dir);
  return rc;
}

static void setup(void) {
  cr_assert_eq(kt_analyzer_open(&an), KT_OK, "%s", kt_error_last());
  kt__analyzer_set_fix_umlauts(an, false);
  cr_assert_eq(compile(FIXTURE, &th), KT_OK, "%s", kt_error_last());
  cr_assert_not_null(th);
}

static void teardown(void) {
  kt__thesaurus_free(th);
  kt_analyzer_close(an);
}

TestSuite(thesaurus, .init = setup, .fini = teardown);

static const kt__concept *concept(const char *id) {
  for (size_t i = 0; i < kt__thesaurus_count(th); i++)
    if (!strcmp(kt__thesaurus_concept(th, i)->id, id)) return kt__thesaurus_concept(th, i);
  cr_assert_fail("no concept %s", id);
  return NULL;
}

/* Does @p text find concept @p id (clauses as the search reads them)? */
static bool finds(const char *text, const char *id) {
  kt_analysis *a = NULL;
  cr_assert_eq(kt_analyze(an, text, strlen(text), &a), KT_OK);
  kt__reading rd;
  cr_assert_eq(kt__reading_read(a, text, strlen(text), &rd), KT_OK);
  bool *skip = calloc(kt_analysis_count(a) + 1, sizeof *skip);
  kt__found found[16];
  size_t n = kt__thesaurus_find(th, a, skip, NULL, rd.clause, found, 16, NULL);
  bool hit = false;
  for (size_t k = 0; k < n; k++)
    hit |= !strcmp(kt__thesaurus_concept(th, found[k].concept)->id, id);
  free(skip);
  kt__reading_free(&rd);
  kt_analysis_free(a);
  return hit;
}

Test(thesaurus, a_compound_part_finds_only_where_marked) {
  cr_assert(finds("ulosottovelka kasvaa", "velat"), "velka* should match as a part");
  cr_assert(finds("vuokra on maksamatta", "asuminen"));
  cr_assert_not(finds("töissä vuokratyössä", "asuminen"),
                "vuokra (no '*') must not match vuokratyö");
}

Test(thesaurus, a_weak_word_needs_its_context) {
  cr_assert_not(finds("tykkää pelata kavereiden kanssa", "pelit"));
  cr_assert(finds("pelaa liikaa", "pelit"));
  cr_assert(finds("pelaa öitä myöten. On koukussa", "pelit"), "context in the next clause counts");
  cr_assert_not(finds("pelaa jalkapalloa. Käy kaupassa. Asuu yksin. Koukussa", "pelit"),
                "context three clauses away does not");
  cr_assert(finds("peliriippuvuus", "pelit"), "a client word acts alone");
  cr_assert_not(finds("kävi kasinolla", "pelit"), "a weak word is not its own context");
  cr_assert_not(finds("digipeliongelma", "pelit"), "an expand word does not find the concept");
  cr_assert(finds("ei jaksa lopettaa", "pelit"), "an entry starting with the negation");
}

Test(thesaurus, a_rule_needs_every_word_in_one_clause) {
  cr_assert(finds("perustaisi oman parturiliikkeen", "yrittajyys"));
  cr_assert(finds("haluaa yrityksen, jonka perustaa itse", "yrittajyys"),
            "a rule spans a clause and the next one");
  cr_assert_not(finds("perustaa kerhon. Käy töissä. Yritys on hyvä", "yrittajyys"),
                "not three clauses");
  cr_assert(finds("yrityksen haluaisi perustaa", "yrittajyys"), "any order");
  cr_assert_not(finds("perustaa kerhon", "yrittajyys"));
  cr_assert_not(finds("liike kiinnostaa", "yrittajyys"));
}

/* A denial after its noun finds what "ei X" finds. */
Test(thesaurus, a_denial_after_its_noun_finds_the_entry) {
  cr_assert(finds("ei ammattia, haluaa opiskella", "ammatti"), "control: as written");
  cr_assert(finds("ammattia ei ole, kysyy mistä voi opiskella", "ammatti"));
  cr_assert(finds("ammattia hänellä ei ole", "ammatti"));
  cr_assert(finds("hänellä ei ole ammattia", "ammatti"), "the copula inside: ei ole X is ei X");
  cr_assert_not(finds("ammatti on, haluaa töihin", "ammatti"));
}

/* The client's employer told of in the past is not an employer asking. */
Test(thesaurus, a_rule_skips_the_clients_employer_told_of) {
  cr_assert(finds("Työnantaja haluaisi palkata nuoren. Mistä tukea?", "tyonantajatuki"));
  cr_assert_not(
      finds("Työnantaja vähensi tunnit kymmeneen viikossa. Mistä tukea?", "tyonantajatuki"));
  cr_assert_not(finds("My employer cut my hours. What support is there?", "tyonantajatuki"));
  cr_assert(finds("An employer asks what support there is for hiring", "tyonantajatuki"));
}

Test(thesaurus, negated_and_age_keys_are_loaded) {
  cr_assert(concept("velat")->negated_drop);
  cr_assert_not(concept("asuminen")->negated_drop);
  cr_assert_eq(concept("oppivelvollisuus")->age_lo, 16);
  cr_assert_eq(concept("oppivelvollisuus")->age_hi, 17);
  cr_assert_eq(concept("velat")->age_lo, -1);
  const kt__concept *c = concept("elakekuntoutus");
  cr_assert_eq(c->history, 5);
  cr_assert_eq(c->nwith, 2);
  cr_assert_str_eq(c->with[0], "velat");
  cr_assert_str_eq(c->with[1], "asuminen", "a continued line, spaces dropped");
  cr_assert_eq(concept("velat")->history, -1);
  cr_assert_eq(concept("velat")->nwith, 0);
}

Test(thesaurus, editors_get_clear_errors) {
  cr_assert_eq(compile("[a]\nlabel: a\nweak: pelata\nservice: x\n", NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "weak words but no context"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nclient: vapaa-aika*\nservice: x\n", NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "only a one-word entry may end in '*'"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nall: perustaa\nservice: x\n", NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "single words joined by '+'"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nage: 17\nservice: x\n", NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "age '17'"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nweak: b\ncontext: koko yö\nservice: x\n", NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "context 'koko yö' must be one word"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nnegated: maybe\nclient: b\nservice: x\n", NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "'need' or 'drop'"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\npast: maybe\nclient: b\nservice: x\n", NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), ":3: past: 'maybe' must be 'need' or 'childhood'"), "%s",
            kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\npast: childhood\nclient: b\nservice: x\n", NULL), KT_OK,
               "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nother: maybe\nclient: b\nservice: x\n", NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), ":3: other: 'maybe' must be 'need'"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nother: need\nclient: b\nservice: x\n", NULL), KT_OK, "%s",
               kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nnow: maybe\nclient: b\nservice: x\n", NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), ":3: now: 'maybe' must be 'wish'"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nnow: wish\nclient: b\nservice: x\n", NULL), KT_OK, "%s",
               kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nfirst: maybe\nclient: b\nservice: x\n", NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), ":3: first: 'maybe' must be 'yes' or 'narrowed'"), "%s",
            kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nhistory: 5\nservice: x\n", NULL), KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "[a] has history but no with"), "%s", kt_error_last());
  /* `with:` goes with a history or an age, not alone. */
  cr_assert_eq(compile("[a]\nlabel: a\nclient: a\nwith: b\nservice: x\n"
                       "[b]\nlabel: b\nclient: b\nservice: y\n",
                       NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "[a] has with: it needs one of history, age or municipality"),
            "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nclient: a\nmunicipality: Tampere\nwith: b\nservice: x\n"
                       "[b]\nlabel: b\nclient: b\nservice: y\n",
                       NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "municipality: 'tampere' is not a municipality"), "%s",
            kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nclient: a\nmunicipality: Espoo\nservice: x\n", NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "[a] has municipality but no with"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nclient: a\nmunicipality: Vantaa, Kerava\nwith: b\n"
                       "service: x\n[b]\nlabel: b\nclient: b\nservice: y\n",
                       NULL),
               KT_OK, "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nage: 16-29\nwith: b\nservice: x\n"
                       "[b]\nlabel: b\nclient: b\nservice: y\n",
                       NULL),
               KT_OK, "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nhistory: viisi\nwith: b\nservice: x\n"
                       "[b]\nlabel: b\nclient: b\nservice: y\n",
                       NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "history 'viisi' must be a number of years (1-50)"), "%s",
            kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nhistory: 5\nwith: b, c\nservice: x\n"
                       "[b]\nlabel: b\nclient: b\nservice: y\n",
                       NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "[a] with: 'c' is not another concept's id"), "%s",
            kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nclient: b\nservice: x\nrules_out: Yleistuki!\n", NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "[a] rules_out: 'Yleistuki!' is not a service id"), "%s",
            kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nclient: b\nservice: x\nrules_out: y\nunless: c\n"
                       "[b]\nlabel: b\nclient: b\nservice: y\n",
                       NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "[a] unless: 'c' is not another concept's id"), "%s",
            kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nclient: b\nservice: x\nunless: b\n"
                       "[b]\nlabel: b\nclient: b\nservice: y\n",
                       NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "[a] has unless but no rules_out"), "%s", kt_error_last());
  cr_assert_eq(compile("[a]\nlabel: a\nclient: b\nservice: x\nneeded_by: Velvoite 57\n", NULL),
               KT_ECATALOG);
  cr_assert(strstr(kt_error_last(), "[a] needed_by: 'Velvoite 57' is not a service id"), "%s",
            kt_error_last());
}

/* `needed_by` reaches the loaded concept, id by id; a concept without it
 * has none. */
Test(thesaurus, needed_by_reaches_the_concept) {
  kt__thesaurus *t = NULL;
  cr_assert_eq(compile("[a]\nlabel: a\nclient: pitkäaikaistyötön\nservice: x\n"
                       "needed_by: tyollistamistuki-55, kunnan-tyollistamisvelvoite\n"
                       "[b]\nlabel: b\nclient: opiskelija\nservice: y\n",
                       &t),
               KT_OK, "%s", kt_error_last());
  const kt__concept *a = kt__thesaurus_concept(t, kt__thesaurus_index_of(t, "a")),
                    *b = kt__thesaurus_concept(t, kt__thesaurus_index_of(t, "b"));
  cr_assert_eq(a->nneeded_by, 2);
  cr_assert_str_eq(a->needed_by[0], "tyollistamistuki-55");
  cr_assert_str_eq(a->needed_by[1], "kunnan-tyollistamisvelvoite");
  cr_assert_eq(a->nrules_out, 0);
  cr_assert_eq(b->nneeded_by, 0);
  kt__thesaurus_free(t);
}

/* `rules_out` reaches the loaded concept, id by id. */
Test(thesaurus, rules_out_reaches_the_concept) {
  kt__thesaurus *t = NULL;
  cr_assert_eq(compile("[a]\nlabel: a\nclient: päätoiminen opiskelija\nservice: x\n"
                       "rules_out: yleistuki, ansiopaivaraha\n",
                       &t),
               KT_OK, "%s", kt_error_last());
  const kt__concept *c = kt__thesaurus_concept(t, kt__thesaurus_index_of(t, "a"));
  cr_assert_eq(c->nrules_out, 2);
  cr_assert_str_eq(c->rules_out[0], "yleistuki");
  cr_assert_str_eq(c->rules_out[1], "ansiopaivaraha");
  cr_assert_eq(c->nunless, 0);
  kt__thesaurus_free(t);
  /* ... and so do the concepts that keep them in (`unless`). */
  cr_assert_eq(compile("[a]\nlabel: a\nclient: kassan jäsen\nservice: x\n"
                       "rules_out: yleistuki\nunless: b, c\n"
                       "[b]\nlabel: b\nclient: ansiopäiväraha päättyi\nservice: y\n"
                       "[c]\nlabel: c\nclient: työssäoloehto ei täyty\nservice: z\n",
                       &t),
               KT_OK, "%s", kt_error_last());
  c = kt__thesaurus_concept(t, kt__thesaurus_index_of(t, "a"));
  cr_assert_eq(c->nunless, 2);
  cr_assert_str_eq(c->unless[0], "b");
  cr_assert_str_eq(c->unless[1], "c");
  kt__thesaurus_free(t);
}

/* The lint's warnings for the mini catalogue's services with a thesaurus
 * of @p text (printf escapes; caller frees with kt_free). */
static char *lint_of(const char *text) {
  char *cat = kt_test_tmpdir(), *cmd = NULL;
  cr_assert_geq(
      asprintf(&cmd,
               "mkdir -p %s/thesaurus && cp -r %s/services %s/ && printf '%s' > %s/thesaurus/t.txt",
               cat, KT_TEST_DATA "/catalog-mini", cat, text, cat),
      0);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  free(cmd);
  char *w = NULL;
  cr_assert_eq(kt_thesaurus_lint(cat, &w), KT_OK, "%s", kt_error_last());
  free(cat);
  return w;
}

Test(thesaurus, lint_names_a_star_on_a_common_part) {
  /* A catalogue of the mini services with a thesaurus marking työ* (a part
   * of many of their words) and velkaneuvonta* (a part of none). */
  char *w = lint_of("[tyo]\\nlabel: työ\\nclient: työ*, velkaneuvonta*\\nservice: työ*\\n");
  cr_assert(strstr(w, "[tyo] client: 'työ*' is a part of"), "%s", w);
  /* The same trigger in another list is named with that list. */
  cr_assert(strstr(w, "[tyo] service: 'työ*' is a part of"), "%s", w);
  cr_assert_null(strstr(w, "velkaneuvonta*"), "%s", w);
  kt_free(w);
}

/* A word the analyser respells is another word to the thesaurus: "lafka"
 * alone (here a context word) is "yritys" and matches every firm; in a
 * phrase ("lafka nurin") the respelling is meant and not named. */
Test(thesaurus, lint_names_a_respelled_word_alone) {
  char *w = lint_of("[a]\\nlabel: x\\nclient: lafka nurin\\nweak: konkurssi\\ncontext: lafka\\n"
                    "service: velkaneuvonta\\n");
  cr_assert(strstr(w, "[a] context: 'lafka' is read as 'yritys'"), "%s", w);
  cr_assert_null(strstr(w, "[a] client: 'lafka'"), "%s", w);
  kt_free(w);
}

/* Generic words never find a need alone (reading.c marks them, query.c
 * drops a one-word match at such a word): on a catalogue whose thesaurus
 * names "nainen" as a client word, with the reading switched off as the
 * control. */
Test(thesaurus, a_generic_word_alone_finds_no_need) {
  char *cat = kt_test_tmpdir(), *idx = NULL, *cmd = NULL;
  cr_assert_geq(
      asprintf(&cmd,
               "mkdir -p %s/thesaurus && cp -r %s/services %s/ && printf '%s' > %s/thesaurus/t.txt",
               cat, KT_TEST_DATA "/catalog-mini", cat,
               "[naiset]\\nlabel: naisten palvelut\\nclient: nainen\\nservice: työkokeilu\\n", cat),
      0);
  cr_assert_eq(system(cmd), 0, "%s", cmd);
  free(cmd);
  cr_assert_geq(asprintf(&idx, "%s/index", cat), 0);
  cr_assert_eq(kt_index_build(cat, idx, NULL, NULL), KT_OK, "%s", kt_error_last());
  kt_engine *e = NULL;
  cr_assert_eq(kt_engine_open(&e, idx), KT_OK, "%s", kt_error_last());
  const char *note = "nainen, etsii töitä";
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  for (int pass = 0; pass < 2; pass++) {
    o.flags = pass ? KT_SEARCH_NO_READING : 0;
    kt_results *r = NULL;
    cr_assert_eq(kt_search(e, note, strlen(note), &o, &r), KT_OK, "%s", kt_error_last());
    bool found = false;
    for (size_t i = 0; i < kt_results_need_count(r); i++)
      found |= !strcmp(kt_results_need(r, i)->label, "naisten palvelut");
    kt_results_free(r);
    if (pass)
      cr_assert(found, "control: without the reading, the word finds the concept");
    else
      cr_assert_not(found, "a generic word alone found a need");
  }
  kt_engine_close(e);
  free(idx);
  free(cat);
}

/* `first: yes` marks a need that comes before the note's request; it reaches
 * the loaded concept, and a concept without it is not one. */
Test(thesaurus, first_reaches_the_concept) {
  kt__thesaurus *t = NULL;
  cr_assert_eq(compile("[a]\nlabel: a\nfirst: yes\nclient: harhaluulo\nservice: x\n"
                       "[b]\nlabel: b\nclient: velka\nservice: y\n",
                       &t),
               KT_OK, "%s", kt_error_last());
  cr_assert(kt__thesaurus_concept(t, kt__thesaurus_index_of(t, "a"))->first);
  cr_assert_not(kt__thesaurus_concept(t, kt__thesaurus_index_of(t, "b"))->first);
  kt__thesaurus_free(t);
}

/* `first: narrowed` marks a problem that comes first only where the client
 * asks for one thing only; it is not `first: yes`. */
Test(thesaurus, first_narrowed_reaches_the_concept) {
  kt__thesaurus *t = NULL;
  cr_assert_eq(compile("[a]\nlabel: a\nfirst: narrowed\nclient: velka\nservice: x\n"
                       "[b]\nlabel: b\nfirst: yes\nclient: harhaluulo\nservice: y\n",
                       &t),
               KT_OK, "%s", kt_error_last());
  const kt__concept *a = kt__thesaurus_concept(t, kt__thesaurus_index_of(t, "a")),
                    *b = kt__thesaurus_concept(t, kt__thesaurus_index_of(t, "b"));
  cr_assert(a->first_narrowed && !a->first);
  cr_assert(b->first && !b->first_narrowed, "control");
  kt__thesaurus_free(t);
}

/* A service a need rules out must be in the catalogue: the lint names one
 * that is not. */
Test(thesaurus, lint_names_an_unknown_service_ruled_out) {
  char *w = lint_of("[a]\nlabel: x\nclient: opiskelija\nservice: velkaneuvonta\n"
                    "rules_out: palkkatuki, no-such-service\n");
  cr_assert(strstr(w, "[a] rules_out: 'no-such-service' is no service of the catalogue"), "%s", w);
  kt_free(w);
  /* ... and so must a service that needs a need. */
  w = lint_of("[a]\nlabel: x\nclient: pitkäaikaistyötön\nservice: palkkatuki\n"
              "needed_by: palkkatuki, no-such-subsidy\n");
  cr_assert(strstr(w, "[a] needed_by: 'no-such-subsidy' is no service of the catalogue"), "%s", w);
  cr_assert_null(strstr(w, "'palkkatuki'"), "%s", w);
  /* A service of the catalogue is not named. */
  cr_assert_null(strstr(w, "'palkkatuki'"), "%s", w);
  kt_free(w);
}
