/*
 * signals.c — need signals and their effects, on fixtures of their own (no
 * index, no catalogue): what is read from a text (age, long unemployment,
 * language, municipality), what a refusal hides, and how a service's
 * eligibility turns into a boost or a demotion. Snippets too: the passage
 * with most of the matched words, marked.
 */
#define _GNU_SOURCE
#include "signals.h"
#include "analyze.h"
#include "docterms.h"
#include "engine.h"
#include "helpers.h"
#include "ranking.h"
#include "snippet.h"
#include "text.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static kt_analyzer *an;

static void setup(void) { cr_assert_eq(kt_analyzer_open(&an), KT_OK, "%s", kt_error_last()); }
static void teardown(void) { kt_analyzer_close(an); }

TestSuite(signals, .init = setup, .fini = teardown);
TestSuite(snippet, .init = setup, .fini = teardown);

/* Read the signals of @p text (nothing refused unless @p refuse_from >= 0:
 * tokens from that index on are refused). */
static kt__sigset read_text(const char *text, int refuse_from) {
  kt_analysis *a = NULL;
  cr_assert_eq(kt_analyze(an, text, strlen(text), &a), KT_OK);
  size_t n = kt_analysis_count(a);
  bool *rej = calloc(n + 1, sizeof *rej);
  for (size_t i = 0; refuse_from >= 0 && i < n; i++)
    rej[i] = (int)i >= refuse_from;
  kt_results *res = calloc(1, sizeof *res);
  kt__sigset set;
  cr_assert_eq(kt__signals_read(a, text, rej, 0, &set, res), KT_OK);
  kt_results_free(res);
  free(rej);
  kt_analysis_free(a);
  return set;
}

Test(signals, ages_in_the_ways_notes_write_them) {
  cr_assert_eq(read_text("24v, etsii töitä", -1).age_lo, 24);
  cr_assert_eq(read_text("hän on 31-vuotias", -1).age_lo, 31);
  cr_assert_eq(read_text("ikä 45", -1).age_lo, 45);
  kt__sigset s = read_text("alle 25 vuotias nuori", -1);
  cr_assert_eq(s.age_hi, 24);
  s = read_text("yli 55 vuotta vanha", -1);
  cr_assert_eq(s.age_lo, 56);
  cr_assert_eq(read_text("asunnossa 3 huonetta", -1).age_lo, -1, "a number is not an age");
  /* A bare number after the word for the client. */
  cr_assert_eq(read_text("Mies 35, vankilasta vapautunut", -1).age_lo, 35);
  cr_assert_eq(read_text("Asiakas on 60 ja jäi juuri työttömäksi", -1).age_lo, 60);
  cr_assert_eq(read_text("asiakas on 30 000 euroa velkaa", -1).age_lo, -1);
  cr_assert_eq(read_text("asiakas 20 vuotta siivoojana", -1).age_lo, -1);
  /* The client's own "I am" and a bare number. */
  cr_assert_eq(read_text("mä oon 24 ja tehny ruokalähettinä", -1).age_lo, 24);
  cr_assert_eq(read_text("olen 52 ja työtön", -1).age_lo, 52);
  cr_assert_eq(read_text("I'm 45, Finnish citizen", -1).age_lo, 45);
  cr_assert_eq(read_text("mä oon 30 000 velkaa", -1).age_lo, -1, "a sum");
  cr_assert_eq(read_text("oon 2 vuotta ollu työtön", -1).age_lo, -1, "a length of time");
  /* English years are an age only when old; Swedish år not after "i". */
  cr_assert_eq(read_text("I'm 45, grew up in Canada. Worked 15 years in IT.", -1).age_lo, 45);
  cr_assert_eq(read_text("worked 15 years in IT", -1).age_lo, -1);
  cr_assert_eq(read_text("45 years old, worked 15 years", -1).age_lo, 45);
  cr_assert_eq(read_text("jobbade i 15 år som lagerchef, 50 år", -1).age_lo, 50);
  cr_assert_eq(read_text("Kvinna 33 år från Kenya", -1).age_lo, 33);
  /* "she is", "hon är" and the Swedish and English age words. */
  cr_assert_eq(read_text("Hon är 19, har hoppat av gymnasiet", -1).age_lo, 19);
  cr_assert_eq(read_text("He is 19 and dropped out", -1).age_lo, 19);
  cr_assert_eq(read_text("19-årig kvinna från Vasa", -1).age_lo, 19);
  cr_assert_eq(read_text("a 34-year-old chef", -1).age_lo, 34);
  cr_assert_eq(read_text("My son is 16 and has no school place", -1).age_lo, 16);
  cr_assert_eq(read_text("Vår son är 15 och går i nian", -1).age_lo, 15);
  cr_assert_eq(read_text("the rent is 900 a month", -1).age_lo, -1, "not a person");
  /* A bare number set apart at the very start. */
  cr_assert_eq(read_text("Vietnamese, 27, came as exchange student", -1).age_lo, 27);
  cr_assert_eq(read_text("Asiakas, 2 lasta", -1).age_lo, -1);
  /* A glued length of time is no age; the age comes later. */
  cr_assert_eq(read_text("siivoojana 15v, selkä ei kestä. 55v.", -1).age_lo, 55);
  cr_assert_eq(read_text("15v kokemus kiinteistöhuollosta, 48v", -1).age_lo, 48);
  cr_assert_eq(read_text("tuli Suomeen 20v sitten, nyt 41v", -1).age_lo, 41);
  /* After a trade, a number is the years in it when an age follows. */
  cr_assert_eq(read_text("hitsari 20v, nyt 41v ja haluu alanvaihdon", -1).age_lo, 41);
  cr_assert_eq(read_text("bussikuski 20v, vuorotyö riitti, 56v", -1).age_lo, 56);
  cr_assert_eq(read_text("17v poika, äiti 45v mukana", -1).age_lo, 17);
  cr_assert_eq(read_text("Äiti 38v hakee osa-aikatyötä", -1).age_lo, 38);
  /* Years in a place: "Suomessa 15v" is no age of 15. */
  cr_assert_eq(read_text("Irakilainen, Suomessa 15v, puhuu sujuvaa suomea", -1).age_lo, -1);
  cr_assert_eq(read_text("asuu Espoossa, 45v, hakee töitä", -1).age_lo, 45, "control: a comma");
  /* Years been something ("ollut 25v kotiäiti") are no age; after a comma
   * a number is no trade's years ("Lapset jo aikuisia, 52v nainen"). */
  cr_assert_eq(read_text("Lapset jo aikuisia, 52v nainen, ollut 25v kotiäiti", -1).age_lo, 52);
  cr_assert_eq(read_text("ollu 15v myyjänä eikä jaksa enää", -1).age_lo, -1);
  cr_assert_eq(read_text("tyttären (15v) kesätyö hoidettu, äiti 44v", -1).age_lo, 44,
               "a parenthesis still tells of the one before");
  /* An age at some time is no age of now (the essive), and a spoken word
   * for the client comes before an age as "mies" does. */
  cr_assert_eq(read_text("Mies 46v, poika kuoli keväällä 17-vuotiaana", -1).age_lo, 46);
  cr_assert_eq(read_text("muutti Suomeen 16-vuotiaana, käy nyt aikuislukiota", -1).age_lo, -1);
  cr_assert_eq(read_text("äijä 46v, vaimo 44v ja kolme lasta", -1).age_lo, 46);
  cr_assert_eq(read_text("mimmi 34v, miesystävä 38v", -1).age_lo, 34);
}

Test(signals, an_age_band_is_a_target_group) {
  kt__sigset s = read_text("19v", -1);
  bool young = false;
  for (size_t i = 0; i < s.ngroups; i++)
    young |= !strcmp(s.groups[i], "nuoret");
  cr_assert(young);
  s = read_text("58v", -1);
  bool older = false;
  for (size_t i = 0; i < s.ngroups; i++)
    older |= !strcmp(s.groups[i], "ikaantyneet");
  cr_assert(older);
}

static bool has_group(const char *text, const char *g) {
  kt__sigset s = read_text(text, -1);
  for (size_t i = 0; i < s.ngroups; i++)
    if (!strcmp(s.groups[i], g)) return true;
  return false;
}

Test(signals, an_employer_client_is_the_employers_group) {
  cr_assert(has_group("Työnantaja: siivousyritys, tarvitsee uusia siivoojia", "tyonantajat"));
  cr_assert(has_group("Työnantaja soittaa: pieni remonttifirma haluis palkata", "tyonantajat"));
  cr_assert(has_group("Employer asks about hiring support", "tyonantajat"));
  cr_assert_not(has_group("entinen työnantaja ei maksanut palkkoja", "tyonantajat"),
                "a jobseeker's employer");
}

Test(signals, long_unemployment_needs_a_length) {
  cr_assert(read_text("työttömänä 3 vuotta", -1).long_unemployed);
  cr_assert(read_text("pitkäaikaistyötön", -1).long_unemployed);
  cr_assert(read_text("ollut vuosia työttömänä", -1).long_unemployed);
  cr_assert_not(read_text("työtön, etsii töitä", -1).long_unemployed, "no length, no signal");
  /* A length in the next sentence is about something else. */
  cr_assert_not(read_text("jäi juuri työttömäksi. Eläkkeeseen muutama vuosi.", -1).long_unemployed);
  cr_assert(read_text("jäi työttömäksi 3. vuosi sitten", -1).long_unemployed,
            "an ordinal's period ends no sentence");
}

Test(signals, language_situation) {
  cr_assert(read_text("ei puhu suomea", -1).no_finnish);
  cr_assert(read_text("suomi vielä heikko", -1).basic_finnish);
  /* Not fluent is weak, not none. */
  kt__sigset notfluent = read_text("ei puhu suomea kovin hyvin", -1);
  cr_assert(notfluent.basic_finnish && !notfluent.no_finnish);
  cr_assert(read_text("ei puhu suomea", -1).no_finnish, "control");
  cr_assert_not(read_text("ei tarvetta suomen kurssille, puhuu sujuvaa suomea", -1).no_finnish,
                "no need of a course is no lack of Finnish");
  /* A level of none: "suomi 0", "suomen kieli nolla". */
  cr_assert(read_text("insinööri, suomi 0, englanti hyvä", -1).no_finnish);
  cr_assert(read_text("suomen kieli nolla", -1).no_finnish);
  cr_assert_not(read_text("suomessa 10 vuotta, suomi hyvä", -1).no_finnish, "control");
  cr_assert(read_text("haluaa palvelun ruotsiksi", -1).lang_sv);
  cr_assert(read_text("He wants work and needs help with the CV", -1).lang_en,
            "a note written in English");
  /* An English CV is a document in English, not a service in it. */
  cr_assert_not(read_text("tarvitsee apua englanninkielisen CV:n tekemiseen", -1).lang_en);
  cr_assert(read_text("tarvitsee englanninkielistä neuvontaa", -1).lang_en, "control");
}

Test(signals, time_in_finland_is_a_sign_of_migration) {
  cr_assert(read_text("ollu suomes kolme vuotta, etsii töitä", -1).migrated);
  cr_assert(read_text("muutti Suomeen 2019", -1).migrated);
  cr_assert(read_text("moved to Finland last year", -1).migrated);
  cr_assert_not(read_text("asuu Helsingissä, etsii töitä", -1).migrated);
  cr_assert_not(read_text("haluaa suomen kielen kurssille", -1).migrated,
                "the language is not the country");
  /* Spoken: "suomi on iha hukassa" is weak Finnish. */
  cr_assert(read_text("suomi on iha hukassa", -1).basic_finnish);
}

Test(signals, municipality_of_residence) {
  cr_assert_str_eq(read_text("asuu Espoossa", -1).municipality, "espoo");
  cr_assert_str_eq(read_text("vantaalainen", -1).municipality, "vantaa");
  cr_assert_null(read_text("etsii töitä", -1).municipality);
  cr_assert_str_eq(
      read_text("Keravalainen 27v, ei Helsinkiin eikä Vantaalle asti", -1).municipality, "kerava",
      "a denied place is not home");
  cr_assert_null(read_text("haluaa töihin, ei Helsinkiin", -1).municipality, "denied");
  /* A former home is not where the client lives. */
  cr_assert_str_eq(read_text("asui aiemmin Espoossa, nyt Helsingissä", -1).municipality,
                   "helsinki");
  cr_assert_null(read_text("asui ennen Vantaalla", -1).municipality);
  /* A move: the place moved to is the home to be, the place left is not. */
  cr_assert_str_eq(read_text("muuttaa ensi kuussa Helsingistä Espooseen", -1).municipality,
                   "espoo");
  cr_assert_str_eq(read_text("asuu Helsingissä, muuttaa Vantaalle", -1).municipality, "vantaa");
  cr_assert_str_eq(read_text("muutti Espoosta Helsinkiin", -1).municipality, "helsinki");
  cr_assert_str_eq(read_text("moving from Helsinki to Espoo", -1).municipality, "espoo");
  cr_assert_str_eq(read_text("asuu Helsingissä, haluaa töihin Espooseen", -1).municipality,
                   "helsinki", "work sought elsewhere is no move");
}

Test(signals, refused_words_are_not_read) {
  /* "ei halua ... 24v" is odd, but a refused span must never be read. */
  cr_assert_eq(read_text("etsii töitä 24v", 2).age_lo, -1);
  cr_assert_eq(read_text("etsii töitä 24v", -1).age_lo, 24);
}

/* A service's document data as signals read it. */
static kt__doc doc(int age_min, int age_max, int finnish, const char *groups, const char *langs,
                   const char *munis) {
  kt__doc d;
  memset(&d, 0, sizeof d);
  d.age_min = age_min;
  d.age_max = age_max;
  d.finnish_level = finnish;
  d.f[KT__D_GROUPS] = groups;
  d.f[KT__D_LANGS] = langs;
  d.f[KT__D_MUNIS] = munis;
  return d;
}

static double factor_of(const char *text, kt__doc d) {
  kt__sigset s = read_text(text, -1);
  kt__arena ar = {0};
  kt_effect ef[8];
  double f = 0;
  kt__signals_apply(&s, &d, &kt__ranking_defaults, &ar, ef, 8, &f);
  kt__arena_free(&ar);
  return f;
}

Test(signals, eligibility_demotes_and_fit_boosts) {
  const kt__ranking *r = &kt__ranking_defaults;
  /* Too old for a youth service. */
  cr_assert_float_eq(factor_of("45v", doc(16, 29, 0, "nuoret", "fi", "helsinki")),
                     r->demote_eligibility, 1e-9);
  /* Young client, youth service: a boost for the age and one for the group. */
  cr_assert_float_eq(factor_of("22v", doc(16, 29, 0, "nuoret", "fi", "helsinki")),
                     r->boost_fit * r->boost_fit, 1e-9);
  /* No Finnish, a service that needs B1 Finnish and is given only in Finnish. */
  cr_assert_float_eq(factor_of("ei puhu suomea", doc(-1, -1, 3, "kaikki", "fi", "koko suomi")),
                     r->demote_language, 1e-9);
  /* Lives in Espoo; the service is for Helsinki residents only. */
  cr_assert_float_eq(factor_of("asuu Espoossa", doc(-1, -1, 0, "kaikki", "fi", "helsinki")),
                     r->demote_area, 1e-9);
  cr_assert_float_eq(factor_of("asuu Espoossa", doc(-1, -1, 0, "kaikki", "fi", "koko suomi")), 1.0,
                     1e-9);
}

/* A service of the client's own municipality only is made for the client's
 * home where few are (Espoo); where most are (own_area_rare 0) it tells
 * nothing. */
Test(signals, a_service_of_a_rare_home_municipality_fits) {
  const kt__ranking *r = &kt__ranking_defaults;
  kt__doc d = doc(-1, -1, 0, "kaikki", "fi", "espoo");
  kt__sigset s = read_text("asuu Espoossa, etsii töitä", -1);
  kt__arena ar = {0};
  kt_effect ef[8];
  double f = 0;
  s.own_area_rare = 1;
  kt__signals_apply(&s, &d, r, &ar, ef, 8, &f);
  cr_assert_float_eq(f, r->boost_fit, 1e-9);
  s.own_area_rare = 0;
  kt__signals_apply(&s, &d, r, &ar, ef, 8, &f);
  cr_assert_float_eq(f, 1.0, 1e-9);
  kt__arena_free(&ar);
}

Test(signals, a_service_for_immigrants_needs_a_sign_of_one) {
  const kt__ranking *r = &kt__ranking_defaults;
  kt__doc d = doc(-1, -1, 0, "maahanmuuttajat", "fi", "koko suomi");
  cr_assert_float_eq(factor_of("kotiäiti, haluaa töihin", d), r->demote_migrant_only, 1e-9);
  cr_assert_float_eq(factor_of("suomi heikko, haluaa töihin", d), 1.0, 1e-9);
  cr_assert_float_eq(factor_of("muutti Suomeen 2019, haluaa töihin", d), 1.0, 1e-9);
  cr_assert_float_eq(factor_of("She wants to find work", d), 1.0, 1e-9);
  /* A service for everyone, immigrants among them, is not one. */
  cr_assert_float_eq(factor_of("kotiäiti, haluaa töihin",
                               doc(-1, -1, 0, "kaikki,maahanmuuttajat", "fi", "koko suomi")),
                     1.0, 1e-9);
}

/* The description's words and terms as the indexer prepares them
 * (engine/index.c, docterms.h): every word numbered, its non-part terms
 * marking it. */
static kt__docterms *prepare(const char *text) {
  kt__dtbuild *b = NULL;
  cr_assert_eq(kt__dtbuild_new(&b), KT_OK);
  kt__wordlist wl;
  cr_assert_eq(kt__text_words(text, strlen(text), &wl), KT_OK);
  for (size_t i = 0; i < wl.count; i++) {
    int word = kt__dtbuild_word(b, 1, wl.items[i].start, wl.items[i].end);
    kt__wordan wa;
    cr_assert_eq(kt__analyze_word(an, &wl.items[i], &wa), KT_OK);
    for (size_t t = 0; !wa.stop && t < wa.count; t++)
      cr_assert_eq(kt__dtbuild_term(b, wa.terms[t].text, KT_FIELD_DESCRIPTION,
                                    wa.terms[t].kind == KT_TERM_PART ? -1 : word, 1),
                   KT_OK);
  }
  kt__wordlist_free(&wl);
  char *blob = NULL;
  size_t len = 0;
  cr_assert_eq(kt__dtbuild_encode(b, &blob, &len), KT_OK);
  kt__dtbuild_free(b);
  kt__docterms *d = NULL;
  cr_assert_eq(kt__docterms_decode(blob, len, &d), KT_OK);
  return d;
}

/* The fields of many terms at once, by one merge, are each term's own:
 * absent terms, repeats, terms before the first and after the last. */
Test(snippet, fields_of_many_terms_in_one_walk_are_each_terms_own) {
  kt__docterms *dt =
      prepare("Velkaneuvonta auttaa, kun velat ovat kasassa ja ulosotto vie palkan.");
  const char *terms[] = {"ulosotto", "aaa", "velka", "zzz", "velka", "trukki", "palkka", "auttaa"};
  size_t n = sizeof terms / sizeof *terms, order[8] = {1, 7, 6, 5, 0, 2, 4, 3};
  /* order: the indices sorted by strcmp (aaa, auttaa, palkka, trukki, ulosotto, velka x2, zzz). */
  for (size_t i = 1; i < n; i++)
    cr_assert_leq(strcmp(terms[order[i - 1]], terms[order[i]]), 0);
  unsigned out[8];
  memset(out, 0xff, sizeof out);
  kt__docterms_fields_all(dt, terms, order, n, out);
  for (size_t i = 0; i < n; i++)
    cr_assert_eq(out[i], kt__docterms_fields(dt, terms[i]), "%s", terms[i]);
  cr_assert_eq(out[0], KT_FIELD_DESCRIPTION);
  cr_assert_eq(out[4], KT_FIELD_DESCRIPTION, "a repeated term");
  cr_assert_eq(out[1], 0);
  kt__docterms_free(dt);
}

Test(snippet, the_passage_with_the_matched_words_is_marked) {
  const char *text = "Ensimmäinen lause ei kerro mitään. Velkaneuvonta auttaa, kun velat ovat "
                     "kasassa ja ulosotto vie palkan. Viimeinen lause on muuta.";
  const char *terms[] = {"velka", "ulosotto"};
  kt__arena ar = {0};
  const char *snip = NULL;
  kt_span *spans = NULL;
  size_t n = 0;
  kt__docterms *dt = prepare(text);
  cr_assert_eq(kt__docterms_fields(dt, "ulosotto"), KT_FIELD_DESCRIPTION);
  cr_assert_eq(kt__docterms_fields(dt, "trukki"), 0);
  cr_assert_eq(kt__snippet(text, dt, 1, terms, 2, &ar, &snip, &spans, &n), KT_OK);
  cr_assert_not_null(snip);
  cr_assert(strstr(snip, "ulosotto"), "%s", snip);
  cr_assert_geq(n, 2, "the matched words are marked");
  bool ulos = false;
  for (size_t i = 0; i < n; i++) {
    cr_assert_lt(spans[i].start, spans[i].end);
    cr_assert_leq(spans[i].end, strlen(snip));
    ulos |= !strncmp(snip + spans[i].start, "ulosotto", spans[i].end - spans[i].start);
  }
  cr_assert(ulos, "ulosotto is one of the marked words");
  kt__docterms_free(dt);
  kt__arena_free(&ar);
}

Test(snippet, no_matched_word_no_snippet) {
  kt__arena ar = {0};
  const char *snip = "x";
  kt_span *spans = NULL;
  size_t n = 0;
  const char *terms[] = {"trukki"};
  kt__docterms *dt = prepare("Velkaneuvonta auttaa.");
  cr_assert_eq(kt__snippet("Velkaneuvonta auttaa.", dt, 1, terms, 1, &ar, &snip, &spans, &n),
               KT_OK);
  cr_assert_null(snip);
  cr_assert_eq(n, 0);
  kt__docterms_free(dt);
  kt__arena_free(&ar);
}

/* A birthday told: "täytti viime viikolla 30", "täyttää 18 ensi kuussa". */
Test(signals, a_birthday_is_an_age) {
  cr_assert_eq(read_text("Asiakas täytti viime viikolla 30. Käy Ohjaamossa.", -1).age_lo, 30);
  cr_assert_eq(read_text("Täyttää 18 ensi kuussa ja muuttaa pois lastenkodista", -1).age_lo, 18);
  cr_assert_eq(read_text("täytti hakemuksen 3 kertaa", -1).age_lo, -1, "a count, not an age");
}

/* The target group a note asks for only, or NULL. */
static const char *group_only(const char *text) {
  kt_analysis *a = NULL;
  cr_assert_eq(kt_analyze(an, text, strlen(text), &a), KT_OK);
  size_t n = kt_analysis_count(a);
  bool *rej = calloc(n + 1, sizeof *rej);
  kt_results *res = calloc(1, sizeof *res);
  kt__sigset set;
  cr_assert_eq(kt__signals_read(a, text, rej, 0, &set, res), KT_OK);
  cr_assert_eq(kt__signals_read_group_only(a, text, rej, NULL, &set, res), KT_OK);
  kt_results_free(res);
  free(rej);
  kt_analysis_free(a);
  return set.group_only;
}

/* "Vain palvelut, jotka on tarkoitettu nimenomaan ikääntyneille": the note
 * asks only for services made for a group, named after "only" in the
 * allative or after "for"; a service for everyone is then demoted, one for
 * the group is not. */
Test(signals, a_note_asking_only_for_a_groups_services) {
  const char *g = group_only("Vain palvelut, jotka on tarkoitettu nimenomaan ikääntyneille.");
  cr_assert(g && !strcmp(g, "ikaantyneet"), "%s", g ? g : "(none)");
  g = group_only("Haluaa töihin. Endast tjänster för kvinnor.");
  cr_assert(g && !strcmp(g, "naiset"), "%s", g ? g : "(none)");
  cr_assert_null(group_only("Haluaa palveluja, jotka on tarkoitettu ikääntyneille."),
                 "control: no 'only'");
  cr_assert_null(group_only("Oli töissä vain nuorena, nyt haluaa nuorille suunnattuun palveluun."),
                 "'vain' of another clause");
  cr_assert_null(group_only("Vain palvelut, jotka eivät ole nuorille."), "negated");
  cr_assert_null(group_only("Vain palvelut, joihin puoliso voi osallistua."), "no group");

  const kt__ranking *r = &kt__ranking_defaults;
  kt_analysis *a = NULL;
  const char *text = "Vain palvelut, jotka on tarkoitettu naisille.";
  cr_assert_eq(kt_analyze(an, text, strlen(text), &a), KT_OK);
  bool rej[16] = {0};
  kt_results *res = calloc(1, sizeof *res);
  kt__sigset s;
  cr_assert_eq(kt__signals_read(a, text, rej, 0, &s, res), KT_OK);
  cr_assert_eq(kt__signals_read_group_only(a, text, rej, NULL, &s, res), KT_OK);
  kt__arena ar = {0};
  kt_effect ef[8];
  double all = 0, women = 0;
  kt__doc d = doc(-1, -1, 0, "kaikki", "fi", "helsinki");
  kt__signals_apply(&s, &d, r, &ar, ef, 8, &all);
  d = doc(-1, -1, 0, "naiset", "fi", "helsinki");
  kt__signals_apply(&s, &d, r, &ar, ef, 8, &women);
  cr_assert_float_eq(all, r->demote_group_only, 1e-9, "a service for everyone: %.3f", all);
  cr_assert_geq(women, 1.0, "a service for women: %.3f", women);
  kt__arena_free(&ar);
  kt_results_free(res);
  kt_analysis_free(a);
}
