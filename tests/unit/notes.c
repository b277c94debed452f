/*
 * notes.c — reading a note as a counsellor does (issue 13), on the bundled
 * catalogue: negated facts, triggers out of context, rare base forms, one
 * rare word carrying a result, the past read as the goal, implied needs.
 * Each note is written for this test (none is in a query set), and each
 * check is paired with a control that shows the behaviour is what moves
 * the result: the same note without the negation, the same parameter off.
 */
#define _GNU_SOURCE
#include "engine.h"
#include "fixture.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

static kt_engine *e;
static void setup(void) { e = kt_fixture_engine(); }
static void teardown(void) { kt_engine_close(e); }
TestSuite(notes, .init = setup, .fini = teardown);

/* Is any of @p ids (NULL-terminated) in the top @p k for @p note? */
static bool in_top(const char *note, size_t k, const char *const *ids) {
  kt_results *r = kt_test_search(e, note, NULL);
  bool hit = false;
  for (size_t i = 0; i < k && i < kt_results_count(r); i++)
    for (size_t j = 0; ids[j]; j++)
      hit |= !strcmp(kt_results_get(r, i)->id, ids[j]);
  kt_results_free(r);
  return hit;
}

static int rank_of(const char *note, const char *id) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 100; /* a rank below the first page still compares */
  kt_results *r = kt_test_search(e, note, &o);
  int k = kt_test_rank(r, id);
  kt_results_free(r);
  return k < 0 ? 1000 : k;
}

/* Does the note find a need whose label contains @p label? */
static bool finds_need(const char *note, const char *label) {
  kt_results *r = kt_test_search(e, note, NULL);
  bool hit = false;
  for (size_t i = 0; i < kt_results_need_count(r); i++)
    hit |= strstr(kt_results_need(r, i)->label, label) != NULL;
  kt_results_free(r);
  return hit;
}

static const char *const DEBT[] = {"talous-ja-velkaneuvonta", "ulosotto-neuvonta",
                                   "velkajarjestely", "takuusaatio", NULL};
static const char *const MENTAL[] = {"kela-kuntoutuspsykoterapia", "lyhytterapia-helsinki",
                                     "mielenterveystalo-nettiterapiat", "mieppi", NULL};

/* A need that comes first leads though the note asks for nothing, and its
 * catalogue words count for it though another need found shares them (a
 * fresh loss and a grief both expand to the crisis line). */
Test(notes, a_first_need_leads_without_a_request) {
  static const char *const CRISIS[] = {"mieli-kriisipuhelin", "sosiaali-ja-kriisipaivystys", NULL};
  cr_assert(in_top("Puoliso kuoli äkillisesti kaksi viikkoa sitten. Asiakas 48v, lomautettu "
                   "keväällä, tulot eivät riitä lainaan.",
                   1, CRISIS));
}

/* English to be learnt or improved for work is a language course at the
 * adult education centre. */
Test(notes, english_to_improve_is_a_language_course) {
  cr_assert(finds_need("Uusi esimies puhuu vain englantia, ja koulussa englanti jäi heikoksi.",
                       "vieraan kielen kurssi"));
  cr_assert(finds_need("Haluaa parantaa englantia työtä varten.", "vieraan kielen kurssi"));
  cr_assert_not(
      finds_need("Englanti sujuu hyvin, haluaa asiakaspalveluun.", "vieraan kielen kurssi"),
      "control");
}

/* Not concentrating in grief is no ADHD; in studies that fail, it may be. */
Test(notes, not_concentrating_needs_a_sign_of_the_trait) {
  cr_assert_not(
      finds_need("Puoliso kuoli, ei nuku, itkee paljon eikä pysty keskittymään.", "ADHD"));
  cr_assert(finds_need("Opinnot ovat jumissa, ei pysty keskittymään luentoihin.", "ADHD"),
            "control");
}

/* A child taken into care is the parent's crisis; crying all the time is
 * told of a crisis too. */
Test(notes, a_child_taken_into_care_is_a_crisis) {
  cr_assert(
      finds_need("Tytär otettiin huostaan viime viikolla, äiti on ihan rikki.", "elämänkriisi"));
  cr_assert(finds_need("Asiakas itkee koko ajan eikä saa nukuttua.", "elämänkriisi"));
  cr_assert_not(finds_need("Tytär aloitti koulun viime viikolla.", "elämänkriisi"), "control");
}

/* Alcohol that "does not taste" is drinking denied, as "ei juo" is. */
Test(notes, drink_that_does_not_taste_is_denied) {
  cr_assert_not(finds_need("60v mies, istuu kotona yksin, kaipais porukkaa. Viina ei maistu.",
                           "alkoholiongelma"));
  cr_assert(finds_need("60v mies, istuu kotona yksin, kaipais porukkaa. Viina maistuu liikaa.",
                       "alkoholiongelma"),
            "control");
}

/* Debts settled, in the past passive ("velat hoidettiin"), are fine. */
Test(notes, debts_settled_are_no_need) {
  cr_assert_not(in_top(
      "38v, tila myytiin. Tilakaupassa velat hoidettiin, talous ok. Haluaa töihin.", 5, DEBT));
  cr_assert(in_top("38v, tila myytiin. Velat jäivät hoitamatta. Haluaa töihin.", 5, DEBT),
            "control");
}

Test(notes, a_denied_problem_finds_nothing) {
  cr_assert(in_top("on velkoja ja ulosottoa, etsii varastotöitä", 5, DEBT), "control");
  cr_assert_not(in_top("ei ole velkoja eikä ulosottoa, etsii varastotöitä", 5, DEBT));
  cr_assert(in_top("masennusta, hakee siivousalalle", 6, MENTAL), "control");
  cr_assert_not(
      in_top("ei masennusta tai muita mielenterveysongelmia, hakee siivousalalle", 6, MENTAL));
}

/* A denial goes on over a comma into a list that "eikä" or "tai" closes:
 * "ei velkoja, päihteitä eikä mielenterveysongelmia" denies all three. A
 * list that "ja" closes is no such list. */
Test(notes, a_denial_goes_on_over_a_list) {
  static const char *const SUBSTANCE[] = {"paihdepoliklinikat", "psykiatria-ja-paihdekeskukset",
                                          "paihdekuntoutusjakso", NULL};
  cr_assert(finds_need("Mies 40v, velkoja, päihteitä ja mielenterveysongelmia. Haluaa "
                       "töihin varastoon.",
                       "alkoholiongelma"),
            "control");
  cr_assert_not(finds_need("Mies 40v, ei velkoja, päihteitä eikä mielenterveysongelmia. "
                           "Haluaa töihin varastoon.",
                           "alkoholiongelma"));
  cr_assert_not(in_top("Mies 40v, ei velkoja, päihteitä eikä mielenterveysongelmia. Haluaa "
                       "töihin varastoon.",
                       5, SUBSTANCE));
  cr_assert_not(finds_need("Nainen 30v, ei velkoja, päihteitä tai masennusta, haluaa kauppaan.",
                           "alkoholiongelma"));
  /* The item after "eikä" is denied by it, and the first by "ei". */
  cr_assert_not(in_top("Mies 40v, ei velkoja, päihteitä eikä mielenterveysongelmia. Haluaa "
                       "töihin varastoon.",
                       5, DEBT));
  /* A list with a verb of its own is no denied list. */
  cr_assert(finds_need("Ei velkoja, päihteet ja masennus vaivaavat. Haluaa töihin varastoon.",
                       "alkoholiongelma"),
            "control: a verb of its own");
  /* "ja" closes a list of things held, not denied. */
  cr_assert(
      finds_need("Mies 40v. Ei velkoja, masennus ja uupumus hoidossa. Haluaa töihin.", "masennus"));
}

/* A denied fact gives no sense to a weak word near it: "ei ole velkoja"
 * does not make playing ("pelaa") a gambling problem. Nor does a stated
 * debt make a hobby held ("pelaa vapaa-ajalla jalkapalloa") one. */
Test(notes, a_denied_problem_is_no_context_for_a_weak_word) {
  static const char *const GAMBLING[] = {"peliklinikka", NULL};
  cr_assert(in_top("on velkoja, pelaa paljon, haluaa varastotöihin", 5, GAMBLING), "control");
  cr_assert_not(in_top("ei ole velkoja, pelaa paljon, haluaa varastotöihin", 5, GAMBLING));
  cr_assert_not(
      in_top("on velkoja, pelaa vapaa-ajalla jalkapalloa, haluaa varastotöihin", 5, GAMBLING));
  cr_assert_not(in_top("ei ole velkoja eikä päihdeongelmia, pelaa vapaa-ajalla jalkapalloa, "
                       "haluaa töihin varastolle",
                       5, GAMBLING));
}

/* Online poker is a money game: beside quick loans it is a gambling
 * problem; with friends as a pastime it is not. */
Test(notes, poker_beside_quick_loans_is_a_gambling_problem) {
  static const char *const GAMBLING[] = {"peliklinikka", NULL};
  cr_assert(in_top("Mies 34v, bussinkuljettaja. Pelaa iltaisin nettipokeria ja on ottanut kolme "
                   "pikavippiä, vuokra myöhässä kuukauden.",
                   1, GAMBLING));
  cr_assert_not(in_top("Mies 34v, bussinkuljettaja. Harrastaa pokeria kavereiden kanssa, haluaa "
                       "iltavuoroja.",
                       5, GAMBLING));
}

/* Child support the other parent does not pay is the client's need, though
 * the note tells it of the other parent. */
Test(notes, the_other_parent_not_paying_child_support_is_the_clients_need) {
  static const char *const SINGLE_PARENTS[] = {"yhden-vanhemman-perheiden-liitto", NULL};
  cr_assert(in_top("Tyttären isä ei maksa elatusapua, ja asiakkaan rahat eivät riitä. Mistä apua?",
                   1, SINGLE_PARENTS));
  /* ... nor in the perfect tense ("ei ole maksanut"). */
  cr_assert(in_top("Pojan isä ei ole maksanut elatusapua kesän jälkeen, ja työttömyysetuus ei "
                   "riitä vuokraan.",
                   1, SINGLE_PARENTS));
  cr_assert(in_top("Kahden lapsen äiti, 36v. Elatusapu on jäänyt saamatta keväästä lähtien, ja "
                   "rahat loppuvat kesken kuun.",
                   3, SINGLE_PARENTS),
            "control: told of the client");
}

/* A Finnish course asked for in the evenings is the working client's: the
 * adult education centre's courses, not full-time integration training. */
Test(notes, an_evening_course_is_the_working_clients) {
  static const char *const EVENING[] = {"suomi-toisena-kielena-tyovaenopisto", NULL};
  cr_assert(in_top("Ukrainasta 2 vuotta sitten tullut nainen, 40v, siivoaa päivät. Haluaa suomen "
                   "kurssin iltaisin.",
                   1, EVENING));
  cr_assert_not(in_top("Ukrainasta 2 vuotta sitten tullut nainen, 40v, siivoaa päivät. Haluaa "
                       "suomen kurssin.",
                       1, EVENING),
                "control: no evening said");
}

/* "töiden ohessa" (beside work) is no "ohi" (over): the course asked for
 * stands. */
Test(notes, a_course_beside_work_is_asked_for) {
  static const char *const COURSES[] = {"helsingin-tyovaenopisto", NULL};
  cr_assert(in_top("Haluaa englannin kurssin töiden ohessa.", 1, COURSES));
}

/* One who cannot look after their own money needs a guardian before the
 * arrears that follow are handled (first: yes). */
Test(notes, guardianship_comes_before_the_arrears) {
  static const char *const GUARDIANSHIP[] = {"yleinen-edunvalvonta", NULL};
  cr_assert(in_top("Äiti kertoo, että poika 30v ei kehitysvamman takia pysty hoitamaan "
                   "raha-asioitaan, vuokrat maksamatta.",
                   1, GUARDIANSHIP));
  cr_assert_not(in_top("Poika 30v, vuokrat maksamatta.", 1, GUARDIANSHIP), "control");
}

/* A lack told with its negation after the noun ("Asuntoa ei ole",
 * "Kavereita ei ole") is the lack "ei ole asuntoa" is; a problem told so
 * ("Velkoja ei ole") is still denied. */
Test(notes, a_lack_told_before_its_negation_is_a_lack) {
  cr_assert(finds_need("Mies 29v. Asuntoa ei ole, yöpyy milloin missäkin.", "asunnottomuus"));
  cr_assert(finds_need("Mies 29v, kaupan kassa. Kavereita ei ole, ja illat menevät yksin kotona.",
                       "yksinäisyys"));
  cr_assert(finds_need("Nainen 41v. Rahaa ei ole, vuokra erääntyy.", "rahat eivät riitä"));
  cr_assert(finds_need("Nainen 38v, kotona ei ole mitään syötävää.", "ruoka-apu"));
  /* ... by a three-word entry too ("ei oo konetta"). */
  cr_assert(finds_need("Äijä 57v, hakis duunia mut konetta ei oo kotona.",
                       "työnhaun välineet puuttuvat"));
  cr_assert_not(
      finds_need("Mies 29v. Velkoja ei ole, haluaa varastotöihin.", "velat ja talousvaikeudet"));
  cr_assert(finds_need("Mies 29v. Velkoja on, haluaa varastotöihin.", "velat ja talousvaikeudet"),
            "control");
}

/* An entry that is a refusal as written, its negation first and its verb
 * next ("ei pysty lähtemään kotoa"), is the inability that is the need; a
 * need refused ("eikä päivähoitoa tarvita") stays refused. */
Test(notes, an_inability_written_as_an_entry_is_the_need) {
  cr_assert(finds_need("Mies 26v, ei pysty lähtemään kotoa, asiat hoituvat puhelimella.",
                       "kotiin jääminen ja syrjäytyminen"));
  cr_assert(
      finds_need("Nainen 31v, ei lähde kotoa juuri koskaan.", "kotiin jääminen ja syrjäytyminen"));
  cr_assert_not(
      finds_need("Nainen 46v, lapset jo aikuisia eikä päivähoitoa tarvita, haluaa töihin.",
                 "lastenhoito ja päivähoitopaikka"));
}

/* Stress told with the verb ("työnhaku stressaa") is the strain the noun
 * names; a Swedish subject after its verb ("sover hon dåligt") stands
 * between an entry's words as a filler does. */
Test(notes, stress_by_its_verb_and_a_swedish_inverted_subject) {
  cr_assert(finds_need("Mies 38v, työnhaku stressaa, yöt menee valvoessa.",
                       "uupumus ja jaksamisen ongelmat"));
  cr_assert(finds_need("Kvinna 44, sedan i våras sover hon dåligt.", "unettomuus ja univaikeudet"));
  cr_assert(finds_need("Kvinna 44, hon sover dåligt.", "unettomuus ja univaikeudet"), "control");
}

/* "asunto ok" says the housing is fine: no housing allowance. */
Test(notes, a_fact_said_to_be_fine_finds_nothing) {
  static const char *const HOUSING[] = {"yleinen-asumistuki", NULL};
  const char *ok = "34v, selkä leikattu eikä voi nostaa, haluaa kouluttautua istumatyöhön. Ei "
                   "velkoja, asunto ok.";
  const char *need = "34v, selkä leikattu eikä voi nostaa, haluaa kouluttautua istumatyöhön. Ei "
                     "velkoja, asunto liian kallis.";
  cr_assert(in_top(need, 5, HOUSING), "control");
  cr_assert_not(in_top(ok, 5, HOUSING));
}

/* A generic verb carries no result: "loppumassa" once put refugee legal
 * advice ("lupa loppumassa") first; the benefit itself comes first. */
Test(notes, a_generic_word_carries_no_result) {
  static const char *const BENEFIT[] = {"tyomarkkinatuki-peruspaivaraha", NULL};
  cr_assert(in_top("työttömyysturva loppumassa", 1, BENEFIT));
  /* "juuri" (just), "muutama", "miettii" are no words of a service: debt
   * enforcement advice once came third for this note, pension advice
   * eighth (now the services for those over 55 lead, the age being read). */
  const char *retiring = "Asiakas on 60 ja jäi juuri työttömäksi logistiikkafirmasta. "
                         "Eläkkeeseen muutama vuosi, miettii mitä kannattaa tehdä.";
  static const char *const PENSION[] = {"elakeneuvonta", NULL};
  static const char *const ENFORCEMENT[] = {"ulosotto-neuvonta", NULL};
  cr_assert(in_top(retiring, 7, PENSION));
  cr_assert_not(in_top(retiring, 5, ENFORCEMENT));
  static const char *const BLIND[] = {"nakovammaisten-liitto-tyollisyys", NULL};
  cr_assert_not(in_top("opiskelija 23v, valmistunut merkonomiksi, ei ole saanut töitä vuoteen, "
                       "masentunut olo, haluaa kuitenkin töihin",
                       10, BLIND));
}

/* A generic verb's participle keeps its own base form ("tehnyt") and is as
 * generic as the verb: a logistics degree whose target group names those who
 * have "tehnyt" warehouse work had come second for a kitchen worker. */
/* Which of two and of what kind say nothing of a need: "eikä kumpikaan ala
 * kiinnosta", "millaisia reittejä" matched the words of a course and of a
 * workshop. No result of the note matches them. */
Test(notes, which_and_what_kind_carry_no_result) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 20;
  kt_results *r = kt_test_search(e,
                                 "38v nainen, suomi A2. Ei halua siivoukseen eikä kumpikaan muu "
                                 "ala kiinnosta. Haluaa leipomoon. Kysyy, millaisia reittejä on.",
                                 &o);
  size_t n = 0;
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->match_count; k++) {
      const char *w = x->matches[k].word;
      n += !strcmp(w, "kumpikaan") || !strcmp(w, "millaisia");
    }
  }
  cr_assert(kt_results_count(r) > 0, "control: the note finds results");
  cr_assert_eq(n, 0, "%zu matches on which or what kind", n);
  kt_results_free(r);
}

Test(notes, a_generic_participle_carries_no_result) {
  static const char *const LOGISTICS[] = {"logistiikka-varastoala", NULL};
  static const char *const RECOGNITION[] = {"osaamisen-tunnistaminen-nayttotutkinto", NULL};
  const char *n = "Tehnyt vuosia keittiöapulaisen töitä ilman tutkintoa ja haluaisi todistuksen "
                  "osaamisestaan.";
  cr_assert(in_top(n, 1, RECOGNITION), "control");
  cr_assert_not(in_top(n, 3, LOGISTICS));
}

/* The employment services' customer service is where a client turns who
 * cannot attend a meeting, cannot reach their own expert or cannot register
 * online without banking IDs (its entry); customer service as a trade is
 * no such need. */
Test(notes, the_errands_of_a_jobseeker_find_the_customer_service) {
  static const char *const DESK[] = {"tyollisyyspalvelujen-asiakaspalvelu", NULL};
  cr_assert(in_top("Tapaaminen työllisyyspalveluissa osuu päällekkäin kokeen kanssa, haluaa "
                   "siirtää tapaamisen.",
                   1, DESK));
  cr_assert(in_top("Ei saa yhteyttä omaan vastuuasiantuntijaansa, puhelimeen ei vastata. "
                   "Kenelle soittaa?",
                   1, DESK));
  cr_assert(in_top("Haluaa ilmoittautua työnhakijaksi, mutta pankkitunnuksia ei ole eikä "
                   "tietokonetta.",
                   5, DESK));
  cr_assert_not(
      finds_need("38v nainen haluaa toimistoon asiakaspalveluun, kokemusta kaupasta.", "asiointi"));
}

/* A service only for the young waits for a sign of youth: an age, or the
 * young target group. */
Test(notes, youth_services_need_a_sign_of_youth) {
  static const char *const YOUTH[] = {"nuorten-sosiaalityo", "nuorisoasunnot", NULL};
  cr_assert(in_top("22v, vuokrarästejä kaksi kuukautta, pelkää häätöä, tulot pienet", 5, YOUTH),
            "control");
  cr_assert_not(in_top("vuokrarästejä kaksi kuukautta, pelkää häätöä, tulot pienet", 5, YOUTH));
}

/* "haluaa oppia lukemaan" is reading, not a meter reading (lukema) that a
 * construction course's text happens to hold. */
Test(notes, a_verb_after_a_verb_is_read_as_the_verb) {
  static const char *const BUILD[] = {"rakennusala-tyovoimakoulutus", NULL};
  cr_assert_not(in_top("mies 40v, ei lue eikä kirjoita, puhuu vähän suomea, haluaa oppia lukemaan",
                       5, BUILD));
}

/* A client who refuses to study is not offered training first; refusing
 * only long training still leaves training on offer. */
Test(notes, a_refusal_to_study_puts_training_below) {
  /* Where the job was lost from (the factory) is the past, so the welding
   * course no longer comes from it; the training for the dismissed does. */
  static const char *const WELD[] = {"muutoskoulutus", "metalli-hitsaus-koulutus", NULL};
  /* (Top 8 and 10 since "osa-aikatyötä" searches with its head; the control
   * top 10 since the priors learned from 19 sets put it 9th, against 19th
   * with the refusal, 2026-12-05.) */
  cr_assert(in_top("58-vuotias, irtisanottu tehtaalta, työttömyysturva loppuu kohta, etsii "
                   "osa-aikatyötä",
                   10, WELD),
            "control");
  cr_assert_not(in_top("58-vuotias, irtisanottu tehtaalta, työttömyysturva loppuu kohta, ei halua "
                       "enää kouluun, etsii osa-aikatyötä",
                       15, WELD));
  cr_assert(in_top("58-vuotias, irtisanottu tehtaalta, ei halua pitkää koulutusta, etsii "
                   "osa-aikatyötä",
                   8, WELD));
}

Test(notes, a_lack_is_the_need) {
  /* A denied resource is what the client lacks: the need stays. */
  cr_assert(finds_need("16-vuotias, ei opiskelupaikkaa syksyllä", "opiskelupaikan"));
  cr_assert(finds_need("hitsari, ei suomalaisia pätevyyksiä eikä tutkintoa", "tutkin") ||
            finds_need("hitsari, ei suomalaisia pätevyyksiä eikä tutkintoa", "ammat"));
}

Test(notes, a_refused_line_of_work_is_not_offered) {
  const char *const BUILD[] = {"rakennusala-tyovoimakoulutus", NULL};
  cr_assert(in_top("haluaa rakennustöihin, kiinnostaa raskas työ", 3, BUILD), "control");
  cr_assert_not(in_top("selkä ei kestä enää rakennustöitä, haluaa asiakaspalveluun", 5, BUILD));
  const char *const SERVICE[] = {"asiakaspalvelu-myynti-koulutus", NULL};
  cr_assert(in_top("haluaa asiakaspalveluun", 3, SERVICE), "control");
  cr_assert_not(in_top("haluaa rakennustöihin, asiakaspalvelu ei kiinnosta", 5, SERVICE));
}

Test(notes, rare_readings_do_not_find_services) {
  /* "kokeilla" is not cooks (kokki) and "raskaana" is not heavy work. */
  const char *const COOK[] = {"ravintola-kokki-perho", "hygieniapassi", NULL};
  cr_assert(in_top("haluaa kokiksi ravintolaan", 5, COOK), "control");
  cr_assert_not(in_top("mies 45v, haluaa kokeilla logistiikkaa", 10, COOK));
  cr_assert_not(finds_need("mies 45v, haluaa kokeilla logistiikkaa", "ravintola"));
  const char *const HEAVY[] = {"rakennusala-tyovoimakoulutus", NULL};
  cr_assert_not(in_top("puoliso raskaana, etsii töitä varastosta", 10, HEAVY));
  cr_assert(finds_need("puoliso raskaana, etsii töitä varastosta", "vanhemmuus"));
}

Test(notes, the_youngest_child_is_not_the_client) {
  /* "nuorin" names a child; it must not bring the services for young
   * people to a mother of 38 returning to work. */
  const char *const YOUTH[] = {"kaupungin-kesatyot-nuorille", "nuorten-urapalvelut",
                               "ohjaamo-helsinki", "nuorten-tyopajat-stadin-ao", NULL};
  cr_assert(in_top("nuori 20v haluaa takaisin työelämään, ei tiedä mistä aloittaa", 5, YOUTH),
            "control");
  cr_assert_not(in_top("38v, ollu kotiäitinä 6v kolmen lapsen kanssa, nuorin aloittaa eskarin "
                       "syksyllä. Haluis takas työelämään, aluks ehkä osa-aikaisesti",
                       5, YOUTH));
  cr_assert_not(
      in_top("isä 45v, vanhin poika muuttanut pois, nuorin koulussa, etsii työtä", 5, YOUTH));
}

Test(notes, one_rare_word_does_not_carry_a_result) {
  /* "valintatesti" is a word of one service (the truck-driver course's
   * entrance test); in this note it carries no need of driving. */
  const char *note = "valintatesti jännittää, etsii töitä kaupasta";
  const char *const TRUCK[] = {"kuorma-autonkuljettajan-koulutus", NULL};
  cr_assert_not(in_top(note, 5, TRUCK));
  /* Control: without the bound the one word carries it into the top 5. */
  cr_assert_eq(kt_engine_set_param(e, "evidence_cap", 1.0), KT_OK);
  cr_assert(in_top(note, 5, TRUCK), "control: unbounded, the rare word should carry it");
  /* The explanation says why it fell. */
  cr_assert_eq(kt_engine_set_param(e, "evidence_cap", 0.6), KT_OK);
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 100;
  kt_results *r = kt_test_search(e, note, &o);
  int k = kt_test_rank(r, "kuorma-autonkuljettajan-koulutus");
  cr_assert_geq(k, 0);
  const kt_result *x = kt_results_get(r, (size_t)k);
  bool said = false;
  for (size_t i = 0; i < x->effect_count; i++)
    said |= strstr(x->effects[i].signal, "yksittäinen sana") != NULL;
  cr_assert(said, "the effect should be explained");
  kt_results_free(r);
}

Test(notes, the_goal_outranks_the_past) {
  const char *note = "ollut 8 v siivoojana, nyt haluaa kouluttautua lähihoitajaksi";
  cr_assert_lt(rank_of(note, "lahihoitaja-aikuiskoulutus"),
               rank_of(note, "laitoshuoltaja-puhtausala"));
  cr_assert_eq(rank_of(note, "lahihoitaja-aikuiskoulutus"), 0);
  /* The explanation says which role the matched words had. */
  kt_results *r = kt_test_search(e, note, NULL);
  const kt_result *x = kt_results_get(r, 0);
  bool goal = false;
  for (size_t k = 0; k < x->match_count; k++)
    goal |= x->matches[k].role == KT_ROLE_GOAL;
  cr_assert(goal, "the top result's matches should be marked as the goal");
  kt_results_free(r);
  /* Control: read as the present, the past job ranks higher than it does
   * now. (The years as a cleaner also mark the trade as held: that demotion
   * is another test's, so it is off for both.) */
  cr_assert_eq(kt_engine_set_param(e, "demote_qualified", 1.0), KT_OK);
  int past = rank_of(note, "laitoshuoltaja-puhtausala");
  cr_assert_eq(kt_engine_set_param(e, "role_background", 1.0), KT_OK);
  cr_assert_eq(kt_engine_set_param(e, "role_background_concept", 1.0), KT_OK);
  int present = rank_of(note, "laitoshuoltaja-puhtausala");
  cr_assert_lt(present, past, "background weight should be what lowers the past job");
}

Test(notes, the_old_field_gives_way_to_a_vague_goal) {
  /* The cleaning degree mentions offices ("työllistyy toimistoihin"), so
   * with the past counted it outranks the office course. */
  const char *note = "ollut 12 v siivoojana, nyt haluaa toimistoon";
  cr_assert_eq(rank_of(note, "digitaidot-toimistotyo"), 0);
  cr_assert_geq(rank_of(note, "laitoshuoltaja-puhtausala"), 5);
  /* The explanation says why the old field fell. */
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 100;
  kt_results *r = kt_test_search(e, note, &o);
  int k = kt_test_rank(r, "laitoshuoltaja-puhtausala");
  cr_assert_geq(k, 0);
  const kt_result *x = kt_results_get(r, (size_t)k);
  bool said = false;
  for (size_t i = 0; i < x->effect_count; i++)
    said |= !strcmp(x->effects[i].signal, "tausta");
  cr_assert(said, "the demotion should be explained");
  kt_results_free(r);
  /* Control: without the demotions (twelve years as a cleaner is also a
   * trade held) the old field is first. */
  cr_assert_eq(kt_engine_set_param(e, "demote_past", 1.0), KT_OK);
  cr_assert_eq(kt_engine_set_param(e, "demote_qualified", 1.0), KT_OK);
  cr_assert_eq(rank_of(note, "laitoshuoltaja-puhtausala"), 0, "control");
}

Test(notes, years_in_a_job_are_the_past) {
  const char *const BUILD[] = {"rakennusala-tyovoimakoulutus", NULL};
  cr_assert_not(in_top("20 vuotta raksalla, nyt kiinnostaa it-ala", 5, BUILD));
  cr_assert(in_top("raksalla, nyt kiinnostaa it-ala", 5, BUILD), "control: the job held now");
}

Test(notes, a_career_change_puts_the_new_field_first) {
  const char *const COOK[] = {"ravintola-kokki-perho", "hygieniapassi", NULL};
  cr_assert_not(in_top("kokki, alanvaihto mielessä, toimistotyö kiinnostaa", 5, COOK));
  cr_assert(in_top("kokki, toimistotyö kiinnostaa", 5, COOK), "control: no career change");
  const char *const SALES[] = {"asiakaspalvelu-myynti-koulutus", NULL};
  cr_assert_not(in_top("myyjä, haluaa vaihtaa alaa, kiinnostaa hoitoala", 5, SALES));
  cr_assert(in_top("myyjä, kiinnostaa hoitoala", 5, SALES), "control: no career change");
}

/* The result for @p id in @p note's top 20 (NULL if absent); *r to free. */
static const kt_result *result_for(const char *note, const char *id, kt_results **r) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 20;
  *r = kt_test_search(e, note, &o);
  int k = kt_test_rank(*r, id);
  return k < 0 ? NULL : kt_results_get(*r, (size_t)k);
}

Test(notes, matches_on_compound_parts_alone_are_marked_weak) {
  /* "sähköala" shares only its part "sähkö" with the property-caretaker
   * course (and with unrelated services); the electrical safety card names
   * the field. */
  kt_results *r;
  const kt_result *x = result_for("haluaa sähköalalle", "kiinteistonhoitaja-koulutus", &r);
  cr_assert_not_null(x);
  cr_assert_not_null(x->weak, "a part-only match far below the best should be marked weak");
  cr_assert(strstr(x->weak, "yhdyssanan osia"), "%s", x->weak);
  char *json = NULL;
  cr_assert_eq(kt_results_json(r, &json), KT_OK);
  cr_assert(strstr(json, "\"weak\"") && strstr(json, "heikko osuma: vain yhdyssanan osia"), "%s",
            json);
  free(json);
  cr_assert_null(kt_results_get(r, 0)->weak, "the best result is never weak");
  int k = kt_test_rank(r, "sahkotyoturvallisuuskortti");
  cr_assert_geq(k, 0);
  cr_assert_null(kt_results_get(r, (size_t)k)->weak, "a service the field names is not weak");
  kt_results_free(r);
  /* Control: the same service matched by a whole word is not weak. */
  x = result_for("haluaa kiinteistönhoitajaksi", "kiinteistonhoitaja-koulutus", &r);
  cr_assert_not_null(x);
  cr_assert_null(x->weak);
  kt_results_free(r);
}

Test(notes, a_service_for_immigrants_needs_a_sign_of_one) {
  /* The Finnish course for parents at home lists "kotiäiti" among its
   * keywords; a mother returning to work gives no sign of needing it. */
  const char *note = "kotiäitinä 8 vuotta, haluaa takaisin töihin kauppaan";
  cr_assert_eq(rank_of(note, "perhevapaalta-tyoelamaan"), 0);
  cr_assert_gt(rank_of(note, "kotoutumiskoulutus-lastenhoidolla"), 1);
  /* With a sign of migration it stays near the top. */
  cr_assert_lt(rank_of("muutti Suomeen 2018, kotiäitinä 5 vuotta, haluaa takaisin töihin",
                       "kotoutumiskoulutus-lastenhoidolla"),
               3);
  /* Control: without the demotion it is first. */
  cr_assert_eq(kt_engine_set_param(e, "demote_migrant_only", 1.0), KT_OK);
  cr_assert_eq(rank_of(note, "kotoutumiskoulutus-lastenhoidolla"), 0, "control");
}

Test(notes, implied_needs_in_other_words) {
  /* Opening a salon is starting a business, though no word says so. */
  cr_assert(finds_need("avaisi kampaamon kotikulmille", "yrittäjäksi"));
  cr_assert_not(finds_need("kävi kampaamossa kotikulmilla", "yrittäjäksi"), "control");
  const char *const GRANT[] = {"starttiraha", NULL};
  cr_assert(in_top("avaisi kampaamon kotikulmille", 5, GRANT));
  /* An employer asking about support for hiring: the wage subsidy itself
   * (the concept's catalogue word "palkkatuki", expanded, not a trigger). */
  const char *const WAGE[] = {"palkkatuki", NULL};
  cr_assert(in_top("työnantaja kysyy mitä tukea on palkkaamiseen", 5, WAGE));
  cr_assert_not(finds_need("haluaa palkkatuella töihin", "työnantajalle"),
                "a job seeker's wage subsidy is not the employer's need");
}

Test(notes, generic_words_find_no_need) {
  cr_assert_not(finds_need("nainen, etsii töitä kaupasta", "naiset"));
  cr_assert_not(finds_need("asiakas 40 vuotta, mies", "maahanmuut"));
}

Test(notes, a_denial_of_problems_denies_the_topic) {
  const char *const HOUSING[] = {"asumisneuvonta", "nuorisoasunnot", "y-saatio", NULL};
  cr_assert_not(in_top("ei mitään ongelmia asumisessa, etsii it-tukitöitä", 5, HOUSING));
}

/* An "it-tukihenkilö" (IT support person) is a trade to train for, not a
 * volunteer support person (tukihenkilö) helping with computers. */
Test(notes, a_hyphenated_trade_is_not_its_head_word) {
  const char *note = "45-vuotias, ollut pitkään työttömänä. Haluaisi it-tukihenkilöksi, osaa "
                     "asentaa tietokoneita.";
  cr_assert_gt(rank_of(note, "digituki-helsinki"), 0, "volunteer digital help ranks first");
  cr_assert_lt(rank_of(note, "elements-of-ai"), rank_of(note, "digituki-helsinki"));
}

/* "yritys lopetti" is the client's employer closing: a job lost, not a
 * business of their own closed down or gone bankrupt; "toiminut
 * kirjanpitäjänä" is their trade (the essive), not a need for bookkeeping
 * help. With signs of their own business the same words do count. */
Test(notes, an_employers_closing_is_a_job_lost_not_a_business_closed) {
  const char *note = "Toiminut kirjanpitäjänä 30 vuotta, yritys lopetti toimintansa ja hän jäi "
                     "työttömäksi. Etsii uutta työtä taloushallinnosta.";
  cr_assert(finds_need(note, "irtisanominen"));
  cr_assert_not(finds_need(note, "yritystoiminnan loppuminen"));
  cr_assert_not(finds_need(note, "yrittäjän talousvaikeudet"));
  cr_assert_not(finds_need(note, "yritysmuoto"));
  cr_assert_not(finds_need("Firma meni konkurssiin ja hän jäi työttömäksi, etsii varastotöitä.",
                           "yrittäjän talousvaikeudet"));
  cr_assert(
      finds_need("Oma firma meni konkurssiin, yrittäjänä velkaa jäi.", "yrittäjän talousvaikeudet"),
      "control");
  cr_assert(finds_need("Tarvitsee apua oman yrityksen kirjanpitoon.", "yritysmuoto"), "control");
}

/* Sick leave in the past and work as the goal is a return to work, in
 * spoken Finnish too ("ollu sairaslomalla", "haluis takas töihin"); an
 * adverb ("heti") carries no result. */
Test(notes, sick_leave_then_work_is_a_return_to_work) {
  const char *note = "asiakas ollu pitkää sairaslomalla masennuksen takia, nyt kuntoutunut ja "
                     "haluis takas töihin mutta ei ehkä heti kokopäiväisesti, aiempi työ "
                     "toimistossa";
  cr_assert(finds_need(note, "työhön paluu"));
  static const char *const RETURN[] = {"kela-tyokykyneuvonta", "tyokykykoordinaattori", NULL};
  cr_assert(in_top(note, 1, RETURN));
  static const char *const CLEANING[] = {"laitoshuoltaja-puhtausala", NULL};
  cr_assert_not(in_top(note, 10, CLEANING), "\"aiempi\" carried a cleaning degree");
}

/* Where a client is from is no need: "kom från Somalia" (Voikko reads
 * Somalia as somali, the language) asks for no guidance in Somali; wanting
 * to learn Finnish, said in Swedish, is the Finnish course. */
Test(notes, a_country_of_origin_is_no_language_need) {
  const char *note = "Kvinna 29, kom från Somalia för fem år sedan, har tre barn, har aldrig "
                     "arbetat i Finland. Vill lära sig finska och hitta jobb inom barnomsorg.";
  cr_assert_not(finds_need(note, "omalla äidinkielellä"));
  cr_assert(finds_need(note, "suomen kurssi"));
  cr_assert(finds_need("somalinkielinen äiti, puhuu vain somalia", "omalla äidinkielellä"),
            "control");
}

/* "saada tutkinnon tunnustettua": Voikko's base form of the participle
 * (tunnustettu) is not the verb's (tunnustaa) that the catalogue's
 * "tunnustaminen" has, so the thesaurus names the participle too. */
Test(notes, a_degree_to_be_recognised_finds_recognition) {
  const char *note = "Syyrialainen mies 38 v, Suomessa 4 vuotta, suomen kieli B1. Ollut kotimaassa "
                     "sähköasentaja. Haluaisi saada tutkinnon tunnustettua ja päästä alan töihin.";
  cr_assert(finds_need(note, "tutkinnon tunnustaminen"));
  static const char *const RECOGNITION[] = {"tutkintojen-tunnustaminen", NULL};
  cr_assert(in_top(note, 3, RECOGNITION));
}

/* A service given only in Swedish waits for a sign of Swedish: Prakticum
 * (vocational school in Swedish) was second for a Finnish note on a broken
 * vocational school; for a Swedish note it stays. */
Test(notes, a_swedish_only_service_waits_for_a_sign_of_swedish) {
  static const char *const SV_ONLY[] = {"prakticum", NULL};
  cr_assert_not(in_top("Nuori 20 v, ADHD-diagnoosi, ammattikoulu kesken (sähköala). Ei ole käynyt "
                       "koulussa puoleen vuoteen.",
                       5, SV_ONLY));
  cr_assert(in_top("Ung man 20 år, yrkesskolan inom elbranschen avbruten, vill fortsätta "
                   "studera på svenska.",
                   5, SV_ONLY),
            "control");
}

/* A wish to learn Swedish is integration in Swedish beside a move in
 * Swedish words as in Finnish ("flyttade hit med sin sambo", "muutti
 * puolison luo"); alone it is no integration. */
Test(notes, a_move_in_swedish_words_makes_learning_swedish_integration) {
  const char *label = "kotoutuminen ruotsiksi";
  cr_assert(
      finds_need("Han flyttade till Helsingfors med sin sambo och vill lära sig svenska.", label));
  cr_assert(finds_need("She moved here with her husband and wants to learn Swedish.", label));
  cr_assert_not(
      finds_need("Han har bott i Helsingfors hela livet och vill lära sig svenska.", label),
      "control: no move");
}

/* No company of one's own beside invoicing is the invoicing services'
 * question, in two sentences ("I don't have a company. How can I invoice
 * them?"); without invoicing it is no such. Something to do with the hands
 * ("haluis tehä jotain käsil") is hands-on work. */
Test(notes, no_company_to_invoice_with_and_work_with_the_hands) {
  const char *label = "kevytyrittäjyys ja laskutuspalvelut";
  static const char *const INVOICING[] = {"kevytyrittajyys-laskutuspalvelut", NULL};
  const char *dancer = "I'm a dancer. Schools want to book me, but I don't have a company. How "
                       "can I invoice them?";
  cr_assert(finds_need(dancer, label));
  cr_assert(in_top(dancer, 1, INVOICING));
  cr_assert(finds_need("Tanssija, koulut haluaisi tilata tunteja mutta ei ole yritystä. Miten "
                       "voisi laskuttaa?",
                       label));
  cr_assert_not(
      finds_need("Ei ole yritystä eikä halua perustaa, hakee palkkatyötä varastoon.", label),
      "control: no invoicing");
  cr_assert(finds_need("äijä 47v, haluis tehä jotain käsil, korjaillu pyörii",
                       "käytännön työ ja kädentaidot"));
  cr_assert(finds_need("Haluaisi tehdä jotain käsillään.", "käytännön työ ja kädentaidot"));
}

/* Printing is a trade too: a wish for 3D printing or a print house is no
 * lack of a printer for the job search, which a CV to print is. */
Test(notes, printing_as_a_trade_is_no_lack_of_tools) {
  const char *label = "työnhaun välineet puuttuvat";
  cr_assert_not(finds_need("50v, graafikko, haluaisi painotaloon tai 3D-tulostukseen, kysyy "
                           "lyhyistä koulutuksista.",
                           label));
  cr_assert(finds_need("50v, haluaisi hakea töitä, mutta cv:n tulostus ei onnistu kotona.", label),
            "control: a CV to print");
  cr_assert(finds_need("50v, ei tulostinta eikä tietokonetta kotona.", label), "control");
}

/* "ei ole käynyt koulussa puoleen vuoteen" is a youth away from school,
 * not someone who never went to school (literacy training); "ei puhu
 * suomea kovin hyvin" is weak Finnish, not none; a student's "taloudellisista
 * syistä" is no dismissal. */
Test(notes, absence_from_school_weak_finnish_and_money_reasons_are_read_as_meant) {
  cr_assert_not(finds_need("Nuori 20 v, ammattikoulu kesken. Ei ole käynyt koulussa puoleen "
                           "vuoteen.",
                           "lukutaito"));
  cr_assert(finds_need("Ei ole käynyt koulua koskaan, ei osaa lukea.", "luku- ja kirjoitustaido"),
            "control");
  cr_assert_not(
      finds_need("Opiskelija 24 v, keskeyttänyt AMK:n taloudellisista syistä.", "irtisanominen"));
  cr_assert(finds_need("Irtisanottiin tehtaalta taloudellisista syistä.", "irtisanominen"),
            "control");
}

/* A word that found a concept carries no service that only shares the
 * word: "sydäninfarkti" put a first-aid course (whose text names heart
 * attacks, and "sairaus") fourth for a bus driver who may no longer drive;
 * rehabilitation about the illness still ranks on it. */
Test(notes, a_concept_word_carries_only_services_about_the_concept) {
  static const char *const FIRST_AID[] = {"ensiapu-ea1", NULL};
  cr_assert_not(in_top("Asiakas 44 v, ollut bussinkuljettajana 15 vuotta, sydäninfarkti keväällä "
                       "eikä saa enää ajaa ammattimaisesti. Miettii uutta alaa, kiinnostaa "
                       "asiakaspalvelu tai toimistotyö. Talous tiukalla.",
                       5, FIRST_AID));
  static const char *const REHAB[] = {"kela-kuntoutuskurssit", NULL};
  cr_assert(in_top("Asiakas 44 v, sydäninfarkti keväällä, ei jaksa vielä kokopäivätyötä", 3, REHAB),
            "control");
}

/* "ei ole ollut töissä 3 vuoteen" is a long break from work, not a first
 * job; "ei oo ennen ollu töissä" is one. */
Test(notes, a_break_from_work_is_no_first_job) {
  cr_assert_not(finds_need("Ei ole ollut töissä 3 vuoteen, päihdetausta, nyt raittiina.",
                           "ensimmäinen työpaikka"));
  cr_assert(finds_need("hakee kesätöitä 16v, ei oo ennen ollu töissä", "ensimmäinen työpaikka"),
            "control");
}

/* The social sector as a goal finds care and social work training. */
Test(notes, the_social_sector_is_care_work) {
  const char *note = "Nainen 42, lapset jo isoja, haluaisi kouluttautua kokonaan uudelle alalle, "
                     "kiinnostaa sosiaaliala. Ollut kaupan kassalla 20 vuotta.";
  cr_assert(finds_need(note, "hoiva- ja hoitoala"));
  static const char *const CARE[] = {"lahihoitaja-aikuiskoulutus", "hoiva-avustaja-koulutus", NULL};
  cr_assert(in_top(note, 3, CARE));
}

/* Paid work after rehabilitative work activity is the pay subsidy, a need
 * no single word names. */
Test(notes, paid_work_after_work_activity_is_the_pay_subsidy) {
  cr_assert(finds_need("ollu kuntsarissa vuoden, nyt haluis jo oikeisiin hommiin palkalla",
                       "palkkatuki"));
  cr_assert_not(finds_need("ollu kuntsarissa vuoden, haluaa jatkaa siellä", "palkkatuki"),
                "control");
}

/* English notes name a failed business and debt collectors so. */
Test(notes, an_english_failed_business_finds_the_entrepreneurs_debt_help) {
  const char *note = "Client's cleaning business failed last spring, debt collectors call daily.";
  cr_assert(finds_need(note, "yrittäjän talousvaikeudet"));
  static const char *const HELP[] = {"yrittajan-talousapu", NULL};
  cr_assert(in_top(note, 3, HELP));
}

/* No unemployment fund means the basic benefit; English rent trouble is
 * rent arrears. */
Test(notes, no_fund_is_the_basic_benefit_and_unpaid_rent_is_arrears) {
  const char *en = "lost his job in May, not a member of an unemployment fund, cannot pay the rent";
  cr_assert(finds_need(en, "yleistuki"));
  cr_assert(finds_need(en, "vuokrarästit"));
  static const char *const BASIC[] = {"tyomarkkinatuki-peruspaivaraha", NULL};
  cr_assert(in_top("jäi työttömäksi, ei kuulu työttömyyskassaan", 1, BASIC));
}

/* Compounds and phrasings the thesaurus once missed: "alkoholinkäyttö"
 * (alkoholin käyttö in one word), "mitä tutkinto vastaa Suomessa". */
Test(notes, alcohol_use_in_one_word_and_a_degrees_equivalent_are_read) {
  cr_assert(finds_need("Isän kuoleman jälkeen alkoholinkäyttö kasvanut, haluaa vähentää.",
                       "alkoholiongelma"));
  cr_assert(finds_need("Kotimaassa valmistunut ekonomiksi, haluaa selvittää mitä tutkinto vastaa "
                       "Suomessa.",
                       "tutkinnon tunnustaminen"));
}

/* A Swedish wish for subsidised work is the pay subsidy. */
Test(notes, swedish_subsidised_work_is_the_pay_subsidy) {
  cr_assert(finds_need("Nykter sedan två år, vill ha lönesubventionerat arbete inom lager.",
                       "palkkatuki"));
}

/* An employer's needs no single word names: staff for a small firm, and
 * training the unemployed for its own jobs before hiring them. */
Test(notes, an_employers_implied_needs_are_found) {
  const char *staff = "Pieni firma tarvitsisi kaksi uutta työntekijää keväällä";
  cr_assert(finds_need(staff, "työnantajan rekrytointi"));
  const char *train = "Kahvila haluaisi kouluttaa työttömiä omiin tarpeisiinsa ja palkata heidät "
                      "sitten";
  cr_assert(finds_need(train, "rekrytoiva koulutus"));
  static const char *const REKRY[] = {"rekrykoulutus", NULL};
  cr_assert(in_top(train, 1, REKRY));
}

/* An entry that starts with the negation wins its words: "ei kuulu työttömyyskassaan" is the
 * basic benefit, not also the earnings-related allowance of the fund. */
Test(notes, a_negated_entry_wins_its_words) {
  const char *note = "jäi työttömäksi, ei kuulu työttömyyskassaan";
  cr_assert(finds_need(note, "yleistuki"));
  cr_assert_not(finds_need(note, "ansiosidonnainen"));
  cr_assert(finds_need("kuuluu työttömyyskassaan, päiväraha haettu", "ansiosidonnainen"),
            "control");
}

/* A workplace's crisis is not the client's: "kriisi" alone needs a sign
 * of a personal loss nearby; "on kriisissä" is the client's. */
/* Another person's trouble and a hobby are no need of the client's: a
 * son in prison does not bring release services, a child's ADHD not ADHD
 * services, volunteering as a hobby not volunteer work. */
Test(notes, another_persons_trouble_and_a_hobby_are_no_need) {
  static const char *const PRISON[] = {"krits", "rise-vapautumisen-suunnittelu", "kris-etela-suomi",
                                       NULL};
  static const char *const ADHD[] = {"adhd-liitto", "nepsy-valmennus", NULL};
  static const char *const VOLUNTEER[] = {"vapaaehtoistyo-fi", NULL};
  cr_assert_not(
      in_top("Asiakkaan poika on vankilassa. Asiakas itse etsii siivoustyötä.", 5, PRISON));
  cr_assert(in_top("Asiakas vapautuu vankilasta ensi kuussa, etsii siivoustyötä.", 5, PRISON),
            "control: the client's own release");
  cr_assert_not(
      in_top("Lapsella on ADHD-diagnoosi. Äiti 38v hakee osa-aikatyötä kaupan alalta.", 5, ADHD));
  cr_assert(in_top("Asiakkaalla on ADHD-diagnoosi, hakee osa-aikatyötä kaupan alalta.", 5, ADHD),
            "control: the client's own diagnosis");
  cr_assert_not(
      in_top("harrastaa vapaaehtoistyötä SPR:llä, haluaa palkkatyötä logistiikasta", 5, VOLUNTEER));
  cr_assert(in_top("haluaa vapaaehtoistyötä SPR:llä", 5, VOLUNTEER), "control: a wish");
}

/* Beside a goal, a plain fact is no need: an ambiguous word without its
 * context ("Kela" without a decision or an application) weighs as a
 * generic word, and so does "asuu". */
Test(notes, a_plain_fact_beside_a_goal_is_no_need) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 100;
  kt_results *goal = kt_test_search(e, "On Kelan asiakas, haluaa kokiksi", &o),
             *none = kt_test_search(e, "On Kelan asiakas, kokki", &o);
  int in_goal = kt_test_rank(goal, "kela-perustoimeentulotuki"),
      in_none = kt_test_rank(none, "kela-perustoimeentulotuki");
  kt_results_free(goal);
  kt_results_free(none);
  cr_assert_geq(in_none, 0, "control: without a goal the lone Kela finds the benefit");
  cr_assert(in_goal < 0 || in_goal > in_none, "a goal makes the lone Kela a plain fact (%d, %d)",
            in_goal, in_none);
  const char *n = "Asiakas on kelan asiakas, asuu vuokralla, haluaa kokkikoulutukseen";
  cr_assert_eq(rank_of(n, "ravintola-kokki-perho"), 0);
  static const char *const HOUSING[] = {"yleinen-asumistuki", "asumisneuvonta", NULL};
  cr_assert_not(in_top(n, 3, HOUSING));
}

Test(notes, no_need_of_an_interpreter_is_no_language_need) {
  cr_assert(finds_need("Somaliasta kotoisin, suomi heikko, tarvitsee tulkin. Hakee töitä.",
                       "omalla äidinkielellä"),
            "control");
  cr_assert_not(finds_need("Somaliasta kotoisin, puhuu hyvää suomea, ei tarvitse tulkkia. Hakee "
                           "töitä logistiikasta.",
                           "omalla äidinkielellä"));
}

/* An entry written with a hyphen finds its inflected forms: the head of
 * "it-alalta" has only compound-part terms. */
Test(notes, a_hyphenated_entry_finds_its_inflections) {
  cr_assert(finds_need("hakee palkkatyötä it-alalle", "IT-ala"), "control: the entry's form");
  cr_assert(finds_need("hakee palkkatyötä it-alalta", "IT-ala"));
}

/* A refusal wins over the past's mention of the same field: "ollut myyjänä,
 * ei halua enää myyntityöhön" is the field being left. */
Test(notes, a_refused_field_is_not_found_in_the_past_either) {
  cr_assert(finds_need("Ollu ruokakaupassa myyjänä 8v. Kiinnostaa kirjanpito.", "kaupan ala"),
            "control: the past names the field");
  cr_assert_not(finds_need(
      "Ollu ruokakaupassa myyjänä 8v, ei halua enää myyntityöhön. Kiinnostaa kirjanpito.",
      "kaupan ala"));
  cr_assert(finds_need("Ei halua myyjäksi, haluaa asiakaspalveluun", "kaupan ala"),
            "a goal that names the field keeps it");
}

/* A client with the trade's degree or experience, seeking work in it,
 * does not need the trade's basic training; one who lacks the papers, has
 * experience only from abroad, or wants to study, does. */
Test(notes, training_waits_for_a_client_already_qualified) {
  static const char *const CARE[] = {"lahihoitaja-aikuiskoulutus", NULL};
  static const char *const WELD[] = {"metalli-hitsaus-koulutus", NULL};
  cr_assert_not(in_top("Valmis lähihoitaja, 33v, hakee vakituista paikkaa kotihoidosta.", 3, CARE));
  cr_assert(in_top("Hakee vakituista paikkaa kotihoidosta lähihoitajan töihin, 33v.", 3, CARE),
            "control");
  cr_assert(in_top("Valmis lähihoitaja, 33v, haluaa opiskella erikoistumaan kotihoitoon.", 5, CARE),
            "a wish to study keeps training");
  cr_assert(in_top("hitsaus kokemusta kotimaasta, ei suomalaisia pätevyyksiä, haluaa teollisuuteen",
                   1, WELD),
            "experience abroad is no Finnish qualification");
  /* Years in a role held are a trade; the explanation says so, and only
   * for the trade's own training. */
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 40;
  kt_results *r = kt_test_search(e, "siivoojana 15v, hakee siivoustöitä, 50v", &o);
  bool cleaning = false, welding = false;
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->effect_count; k++)
      if (x->effects[k].factor < 1 && strstr(x->effects[k].reason, "tutkinto tai kokemus")) {
        cleaning |= !strcmp(x->id, "laitoshuoltaja-puhtausala");
        welding |= !strcmp(x->id, "metalli-hitsaus-koulutus");
      }
  }
  kt_results_free(r);
  cr_assert(cleaning, "the cleaning training waits for a cleaner of 15 years");
  cr_assert_not(welding, "the welding training is no trade of the client's");
  /* Control: without the demotion the qualified nurse gets the training. */
  cr_assert_eq(kt_engine_set_param(e, "demote_qualified", 1.0), KT_OK);
  cr_assert(in_top("Valmis lähihoitaja, 33v, hakee vakituista paikkaa kotihoidosta.", 3, CARE),
            "control");
}

/* The trade in the note's opening words, after the client and where from
 * ("61v nainen, siivooja", "33v mies Bangladeshista, siivooja"), is held:
 * its training waits. Skills to update ("haluaa päivittää taitonsa") ask
 * for the training of the trade held; a CV to update does not. */
/* A cost of getting work the client has no money for: a driving school is
 * what the city's social loan covers ("työllistymiseen liittyviä kuluja"),
 * clothes for an interview, a bus ticket or glasses the supplementary
 * social assistance; a licence asked for "ilman omaa rahaa" is neither. */
Test(notes, no_money_for_a_cost_of_work_is_social_assistance) {
  static const char *const ASSISTANCE[] = {"taydentava-ehkaiseva-toimeentulotuki", NULL};
  cr_assert(finds_need("Mies 33v pääsisi varastoon töihin, mutta työnantaja vaatii B-ajokortin "
                       "eikä autokouluun ole rahaa.",
                       "sosiaalinen luototus"));
  const char *clothes = "Nainen 27v on kutsuttu työhaastatteluun, mutta rahaa ei ole siisteihin "
                        "vaatteisiin.";
  cr_assert(finds_need(clothes, "toimeentulotuki"));
  cr_assert(in_top(clothes, 5, ASSISTANCE));
  cr_assert(finds_need("Mies 40v ei pääse tapaamisiin, kun rahaa ei ole bussilippuun.",
                       "toimeentulotuki"));
  /* ... and glasses, which the entry names */
  cr_assert(finds_need("Nainen 38v, tytär tarvitsee uudet silmälasit, eikä yleistuesta jää niihin "
                       "rahaa.",
                       "toimeentulotuki"));
  cr_assert_not(finds_need("Mies 33v haluaa bussikuskiksi ja kysyy, miten ajokortin saa ilman "
                           "omaa rahaa.",
                           "sosiaalinen luototus"));
  cr_assert_not(finds_need("Nainen 27v on kutsuttu työhaastatteluun ja ostanut uudet vaatteet.",
                           "toimeentulotuki"),
                "control");
}

/* A parenthetical aside splits no clause: the wages unpaid are read across
 * "(34v, kantasuomalainen)", but not across a comma after it. */
Test(notes, an_aside_in_parentheses_splits_no_clause) {
  cr_assert(finds_need("Siivousfirma ei oo maksanut asiakkaalle (34v, kantasuomalainen) palkkaa "
                       "kahteen kuukauteen.",
                       "työsuojelu"));
  cr_assert_not(finds_need("Siivousfirma ei oo maksanut asiakkaalle (34v, kantasuomalainen), ja "
                           "hän etsii uutta työtä. Palkkaa pitäisi olla enemmän.",
                           "työsuojelu"),
                "control: the clause ends at the comma");
}

/* Support that goes on once the job has begun is the job coach's, as its
 * entry says ("tukee työn ensimmäisinä kuukausina"). */
Test(notes, support_after_the_job_starts_is_job_coaching) {
  static const char *const COACH[] = {"tyohonvalmennus-te", "ips-tyohonvalmennus",
                                      "tuetun-tyollistymisen-palvelut", NULL};
  const char *note = "Nainen 42v, ADHD, kaksi työpaikkaa päättyi koeajalla. Haluaa palveluja, "
                     "joissa tuki jatkuu myös sen jälkeen, kun työ on alkanut.";
  cr_assert(finds_need(note, "työhönvalmennus"));
  cr_assert(in_top(note, 10, COACH));
  cr_assert(finds_need("He wants support that continues after the job starts.", "työhönvalmennus"));
  cr_assert_not(finds_need("Nainen 42v, ADHD, kaksi työpaikkaa päättyi koeajalla. Haluaa "
                           "palveluja, joissa tuki on pitkäkestoista.",
                           "työhönvalmennus"),
                "control");
}

/* A job sought as a nurse or a teacher is a job the municipalities and the
 * wellbeing services counties give (Kuntarekry); training for the trade
 * beside a workplace is not, nor is learning a language beside a job. */
Test(notes, a_nurses_job_search_is_a_public_sector_one) {
  static const char *const PUBLIC[] = {"kuntarekry", NULL};
  const char *nurse = "28v nainen, valmistui sairaanhoitajaksi keväällä, mutta hakemuksiin ei ole "
                      "tullut vastauksia.";
  cr_assert(finds_need(nurse, "kunnan ja valtion"));
  cr_assert(in_top(nurse, 5, PUBLIC));
  cr_assert(finds_need("I graduated as a nurse in June and have sent many nurse applications.",
                       "kunnan ja valtion"));
  cr_assert_not(finds_need("Haluaa vanhustyöhön. Lähihoitajakoulutukseen suomi ei vielä riitä. "
                           "Toivoo oppimista suoraan työpaikalla.",
                           "kunnan ja valtion"));
  cr_assert_not(finds_need("Han behöver hitta ett jobb där svenska räcker och börja lära sig "
                           "finska.",
                           "kunnan ja valtion"));
}

/* A degree told by graduating from a university or a university of
 * applied sciences ("valmistui yliopistosta", "valmistui rakennusmestariksi
 * (amk)") is a higher education, though the past weighs less than the now;
 * a bachelor's named is one too. */
Test(notes, graduating_from_a_university_is_a_higher_education) {
  const char *uni =
      "Mies 29v, valmistui yliopistosta viime vuonna, hakemuksiin ei tule vastauksia.";
  const char *school = "Mies 29v, valmistui lukiosta viime vuonna, hakemuksiin ei tule vastauksia.";
  int with = rank_of(uni, "tyonhakuvalmennus-korkeakoulutetut");
  cr_assert_lt(with, 10, "%d", with);
  cr_assert_gt(rank_of(school, "tyonhakuvalmennus-korkeakoulutetut"), with, "control");
  cr_assert(finds_need("Kauppatieteiden kandidaatti, 27v, hakee töitä.", "korkeakoulutettu"));
  cr_assert_not(finds_need("Haluaa opiskella avoimessa amk:ssa sosionomiksi.", "korkeakoulutettu"),
                "control: the open UAS asked for");
}

/* A pregnancy asked about in a job interview is a question the
 * discrimination ban forbids: the occupational safety authority first. */
Test(notes, a_pregnancy_asked_in_an_interview_is_discrimination) {
  static const char *const SAFETY[] = {"tyosuojelun-neuvonta", NULL};
  const char *fi = "Rekrytoija kysyi haastattelussa, onko asiakas raskaana. Saako niin tehdä?";
  cr_assert(finds_need(fi, "työsuojelu"));
  cr_assert(in_top(fi, 1, SAFETY));
  cr_assert(finds_need("At the interview they asked whether I'm pregnant.", "työsuojelu"));
  cr_assert_not(finds_need("Asiakas on raskaana ja hakee osa-aikatyötä.", "työsuojelu"), "control");
}

/* A client who quit ("irtisanoutui itse") is no client dismissed: the
 * change security's entry says one's own resignation gives no right to it. */
Test(notes, a_client_who_quit_was_not_dismissed) {
  static const char *const CHANGE[] = {"muutosturva", NULL};
  const char *quit = "Mies 34v irtisanoutui itse, kun puoliso sai työn Helsingistä. "
                     "Ilmoittautui työnhakijaksi.";
  cr_assert(finds_need(quit, "oma irtisanoutuminen"));
  cr_assert_not(in_top(quit, 5, CHANGE));
  cr_assert(in_top("34v mies irtisanottiin tuotannollisista syistä Tampereella. Haluaa "
                   "asiakaspalvelutyötä Helsingistä.",
                   5, CHANGE),
            "control");
  cr_assert_not(
      finds_need("Hän ei irtisanoutunut itse, vaan hänet irtisanottiin.", "oma irtisanoutuminen"),
      "control: denied");
}

/* "A research job in industry" is the private sector, not factory work:
 * "industry" finds the factory trades only beside a word of the shop floor. */
Test(notes, industry_alone_is_no_factory_work) {
  cr_assert_not(finds_need("I'm 31 and will finish my PhD in materials science in December. "
                           "I'd like to find a research job in industry.",
                           "teollisuus"));
  cr_assert(finds_need("I'm 40 and want to work in industry, in metal production.", "teollisuus"),
            "control");
  cr_assert(finds_need("Söker jobb inom industrin, gärna på en fabrik.", "teollisuus"), "control");
}

Test(notes, a_trade_in_the_opening_words_is_held) {
  const char *const CLEANING[] = {"laitoshuoltaja-puhtausala", NULL};
  const char *const OFFICE[] = {"digitaidot-toimistotyo", NULL};
  const char *debt = "61v nainen, siivooja. Aikuinen poika hoitaa hänen pankkitunnuksillaan kaikki "
                     "maksut, ja tili on tyhjä. Vuokra on jäänyt kahdesti maksamatta.";
  const char *abroad = "33v mies Bangladeshista, siivooja. Työnantaja pitää hänen passiaan, ja "
                       "palkasta vähennetään rekrytointivelkaa.";
  cr_assert_not(in_top(debt, 5, CLEANING));
  cr_assert_not(in_top(abroad, 5, CLEANING));
  cr_assert(in_top("52v nainen, toimistosihteeri, työtön vuoden. Haluaa päivittää taitonsa ja "
                   "päästä toimistotöihin.",
                   1, OFFICE));
  cr_assert_not(in_top("52v nainen, toimistosihteeri, työtön vuoden. Haluaa päivittää CV:nsä ja "
                       "päästä toimistotöihin.",
                       5, OFFICE));
  /* Control: without the demotion the cleaner is offered the training. */
  cr_assert_eq(kt_engine_set_param(e, "demote_qualified", 1.0), KT_OK);
  cr_assert(in_top(debt, 5, CLEANING), "control");
  cr_assert(in_top(abroad, 5, CLEANING), "control");
}

/* A rule that spans clauses takes the role of its strongest word: "oli
 * kuntouttavassa työtoiminnassa, nyt haluaisi oikeisiin töihin palkalla"
 * wants the pay subsidy; the concept is the goal, not the past where the
 * rule's first word stands. */
Test(notes, a_rule_across_clauses_is_the_goal_its_words_state) {
  static const char *const PAY[] = {"palkkatuki", "palkkatukityo-helsingin-kaupunki", NULL};
  const char *n = "oli puoli vuotta kuntouttavassa työtoiminnassa, nyt haluaisi oikeisiin töihin "
                  "palkalla";
  cr_assert(in_top(n, 3, PAY));
  kt_results *r = kt_test_search(e, n, NULL);
  int k = kt_test_rank(r, "palkkatuki");
  cr_assert_geq(k, 0);
  const kt_result *x = kt_results_get(r, (size_t)k);
  bool goal = false, seen = false;
  for (size_t i = 0; i < x->match_count; i++)
    if (x->matches[i].concept && !strcmp(x->matches[i].concept, "palkkatuki")) {
      seen = true;
      goal |= x->matches[i].role == KT_ROLE_GOAL;
    }
  kt_results_free(r);
  cr_assert(seen, "the pay subsidy concept should be among the matches");
  cr_assert(goal, "the concept's role is the goal");
}

/* A boss who would hire the client, and support asked for, is the
 * employer's subsidy though neither word names it. */
Test(notes, support_for_a_boss_who_would_hire_is_the_pay_subsidy) {
  static const char *const PAY[] = {"palkkatuki", "helsinki-lisa", NULL};
  cr_assert(in_top("kysyy saako pomo tukea jos ottaa hänet töihin", 3, PAY));
  cr_assert(finds_need("kysyy saako pomo tukea jos ottaa hänet töihin", "työnantajalle"));
  cr_assert_not(finds_need("pomo ottaa hänet töihin", "työnantajalle"),
                "control: no support asked");
}

Test(notes, ptsd_and_a_health_overview_are_read) {
  cr_assert(finds_need("PTSD, hoito päättynyt, hakee töitä", "mielenterveyskuntoutus"));
  cr_assert(
      finds_need("tarvitaan kokonaiskuva terveydestä ennen työsuunnitelmaa", "työkyvyn arviointi"));
}

Test(notes, a_postposed_denial_finds_nothing) {
  cr_assert_not(in_top("Velkoja ei ole, päihteitä ei käytä. Hakee varastotöitä.", 5, DEBT));
  cr_assert(in_top("Velkoja on paljon, hakee varastotöitä.", 5, DEBT), "control");
}

Test(notes, a_workplace_and_fluent_finnish_are_no_needs) {
  static const char *const INTEGRATION[] = {"kotoutumiskoulutus", NULL};
  static const char *const ENGLISH[] = {"tyonhakuvalmennus-englanniksi", NULL};
  cr_assert_not(
      in_top("Opettaja kotoutumiskoulutuksessa, määräaikaisuus päättyi, hakee opettajan töitä.", 5,
             INTEGRATION));
  cr_assert(in_top("Tarvitsee kotoutumiskoulutusta, hakee töitä.", 5, INTEGRATION), "control");
  cr_assert_not(in_top("Virolainen, puhuu sujuvaa suomea, hakee kirjanpitäjän töitä.", 5, ENGLISH));
  cr_assert(in_top("Ei puhu suomea, englanti sujuva, hakee töitä.", 2, ENGLISH), "control");
}

Test(notes, applications_without_interviews_are_a_job_search_stuck) {
  cr_assert(finds_need("60 hakemusta kevään aikana eikä yhtään haastattelua", "ei tuota tulosta"));
}

/* A refusal to study puts a return-to-education service below too, though
 * it is filed as a youth service: its name says what it is for. */
Test(notes, a_refused_study_also_waits_for_study_services_of_other_categories) {
  static const char *const BACK[] = {"paluuvayla-koulutukseen", NULL};
  cr_assert_not(
      in_top("23v, amis kesken, ei halua takaisin kouluun, haluaa töihin varastolle.", 3, BACK));
  cr_assert(in_top("23v, amis kesken, haluaa töihin varastolle.", 3, BACK), "control");
}

Test(notes, office_work_is_a_field) {
  static const char *const OFFICE[] = {"digitaidot-toimistotyo", NULL};
  cr_assert(finds_need("kiinnostaa kirjanpito ja toimistotyö", "toimisto"));
  cr_assert(finds_need("I used to work as a nurse, now I want office work", "toimisto"));
  cr_assert(in_top("I used to work as a nurse, now I want office work", 1, OFFICE));
}

Test(notes, a_swedish_shop_job_is_retail) {
  cr_assert(finds_need("Klienten har inga skulder, vill jobba i butik.", "kaupan ala"));
  cr_assert(finds_need("Arbetslös. Vill integreras på svenska eftersom familjen talar svenska.",
                       "kotoutuminen ruotsiksi"));
}

Test(notes, no_idea_what_to_do_is_no_direction) {
  cr_assert(finds_need("ei oo mitää hajua mitä haluis tehä isona, oon 26", "suunta hukassa"));
  cr_assert_not(finds_need("haluaa tehdä töitä, oon 26", "suunta hukassa"), "control");
}

Test(notes, a_workplaces_crisis_is_not_the_clients) {
  cr_assert_not(finds_need("Työpaikalla oli kriisi ja yt:t, asiakas sai pitää työnsä mutta haluaa "
                           "vaihtaa alaa hoitoalalle.",
                           "elämänkriisi"));
  cr_assert(finds_need("Asiakas on kriisissä, puoliso kuoli äkillisesti.", "elämänkriisi"),
            "control");
}

Test(notes, a_change_of_field_that_health_forces_is_rehabilitation) {
  /* The pension company's rehabilitation entry: "alanvaihto", "selkä ei kestä". */
  const char *const TELA[] = {"tyoelakeyhtion-ammatillinen-kuntoutus", NULL};
  const char *note = "Varastotyöntekijä 15 vuotta, selkä ei kestä nostoja, lääkäri sanoo että alaa "
                     "pitää vaihtaa.";
  cr_assert(finds_need(note, "työeläkelaitoksen"));
  cr_assert(in_top(note, 5, TELA));
  cr_assert_not(finds_need("Varastotyöntekijä 15 vuotta, haluaa vaihtaa alaa, kiinnostaa IT.",
                           "työeläkelaitoksen"),
                "control: a wish to change field alone");
}

/* A doctor who no longer allows the trade's work: "ihotautilääkäri kielsi
 * jatkamasta alalla", "lääkäri ei salli enää pölyävää työtä" (umlauts
 * lost), "läkaren säger att tunga lyft inte längre går". */
Test(notes, a_doctor_who_forbids_the_trade_is_rehabilitation) {
  const char *const TELA[] = {"tyoelakeyhtion-ammatillinen-kuntoutus", NULL};
  const char *skin = "52v mies, maalari 25 vuotta. Ihotautilääkäri kielsi jatkamasta alalla "
                     "liuottimien takia, ja työsuhde päättyi.";
  cr_assert(finds_need(skin, "työeläkelaitoksen"));
  cr_assert(in_top(skin, 5, TELA));
  cr_assert(finds_need("mies 58v, kivimies 30 vuotta. laakari ei salli enaa polyavaa tyota.",
                       "työeläkelaitoksen"));
  cr_assert(finds_need("Man, 58, vaktmästare i tjugo år. Läkaren säger att tunga lyft inte längre "
                       "går.",
                       "työeläkelaitoksen"));
  cr_assert_not(finds_need("52v mies, maalari 25 vuotta. Haluaa jatkaa alalla, työsuhde päättyi.",
                           "työeläkelaitoksen"),
                "control");
}

Test(notes, a_trade_held_for_years_is_the_past) {
  /* "kotihoidon" is no state the client is in (kotona, kotiäitinä). */
  const char *const CARE[] = {"lahihoitaja-aikuiskoulutus", "hoiva-avustaja-koulutus", NULL};
  cr_assert_not(in_top("Nainen 48v, kotihoidon lähihoitaja 20 vuotta. Selkä ei kestä enää nostoja. "
                       "Kiinnostaisi toimistotyö.",
                       3, CARE));
}

Test(notes, wages_paid_off_the_books_are_a_matter_of_workers_rights) {
  cr_assert(
      finds_need("tullu Virosta, teen remppahommia mut pomo maksaa pimeenä", "työsuhdeasiat"));
  cr_assert_not(
      finds_need("tullu Virosta, teen remppahommia ja pomo maksaa hyvin", "työsuhdeasiat"),
      "control");
}

Test(notes, a_verb_of_assault_finds_the_crime_victim) {
  cr_assert(finds_need("mies pahoinpideltiin työpaikalla, pelkää palata töihin", "rikoksen uhri"));
  cr_assert_not(finds_need("mies palasi työpaikalle, pelkää asiakkaita", "rikoksen uhri"),
                "control");
}

/* An attack told in the active voice, and the panic after it: "a passenger
 * attacked me with a knife ... I panic when I think of driving". */
Test(notes, an_attack_in_the_active_voice_finds_the_crime_victim) {
  static const char *const VICTIM[] = {"rikosuhripaivystys", NULL};
  const char *note = "I'm 45 and drove city buses for nine years. In August a passenger attacked "
                     "me with a knife, and since then I can't sleep and I panic when I think of "
                     "driving. Who can help me?";
  cr_assert(finds_need(note, "rikoksen uhri"));
  cr_assert(finds_need(note, "ahdistus"));
  cr_assert(in_top(note, 5, VICTIM));
  cr_assert(finds_need("Matkustaja hyökkäsi hänen kimppuunsa veitsen kanssa, nyt ei uskalla ajaa.",
                       "rikoksen uhri"));
  cr_assert(finds_need("Asiakas puukotettiin kesällä ravintolan ovella.", "rikoksen uhri"));
  cr_assert_not(finds_need("I'm 45 and drove city buses for nine years. I think of driving "
                           "again. Who can help me?",
                           "rikoksen uhri"),
                "control");
}

Test(notes, a_students_depression_goes_to_student_health_care) {
  const char *const STUDENT[] = {"opiskeluterveydenhuolto", NULL};
  const char *note = "Man 24, studerar på yrkeshögskola men studierna har stannat upp på grund av "
                     "depression.";
  cr_assert(finds_need(note, "opiskelijan terveys"));
  cr_assert(in_top(note, 5, STUDENT));
  cr_assert_not(finds_need("26-vuotias, masennus ja opinnot keskeytyneet", "opiskelijan terveys"),
                "control: studies given up");
}

Test(notes, money_beside_a_school_to_start_is_student_financial_aid) {
  cr_assert(finds_need("tyttö 18v, ei rahaa eikä tiiä miten kela toimii, haluis ammattikouluun",
                       "opintotuki"));
  cr_assert_not(finds_need("tyttö 18v, haluis ammattikouluun syksyllä", "opintotuki"), "control");
}

Test(notes, registering_as_a_jobseeker_in_english) {
  cr_assert(finds_need("How do I register as a jobseeker and find work?", "ilmoittautuminen"));
}

Test(notes, sober_for_months_with_a_fear_of_relapse_is_recovery) {
  const char *const PEER[] = {"aa-vertaisryhmat", NULL};
  const char *note = "mulla on ollu kaljan kanssa ongelmii, nyt 2kk kuivilla. haluis takas hommiin "
                     "mut pelottaa et repsahtaa";
  cr_assert(finds_need(note, "toipuminen"));
  cr_assert(in_top(note, 3, PEER));
}

Test(notes, a_generic_compound_part_matches_nothing) {
  /* "putkimies" is no "mies", "kirvesmies" neither; "putki" still matches
     (somewhere in the matched set: its rank is not what this test is about) */
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 1000;
  kt_results *r = kt_test_search(e, "putkimies ja kirvesmies, etsii töitä", &o);
  bool putki = false;
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->match_count; k++) {
      cr_assert(strcmp(x->matches[k].term, "mies"), "%s matched by 'mies'", x->id);
      putki |= !strcmp(x->matches[k].term, "putki");
    }
  }
  cr_assert(putki, "control: the other part still matches");
  kt_results_free(r);
}

Test(notes, a_change_of_field_considered_is_career_guidance) {
  /* the career coaching entry's own keyword "alanvaihto" */
  cr_assert(finds_need("koneinsinööri, miettii alanvaihtoa, ei ole varma", "uraohjaus"));
  cr_assert_not(finds_need("koneinsinööri, etsii töitä alalta", "uraohjaus"), "control");
}

Test(notes, the_field_being_left_is_not_the_goal) {
  /* "kaupan kassalta" is where the change starts: retail training must not
   * lead a note whose goal is IT support. */
  const char *const RETAIL[] = {"asiakaspalvelu-myynti-koulutus", NULL};
  const char *const IT[] = {"ict-muuntokoulutus", NULL};
  cr_assert(in_top("haluaa töihin kaupan kassalle", 5, RETAIL), "control");
  const char *note = "34v, haluaa vaihtaa alaa kaupan kassalta IT-tukeen, ei velkoja";
  cr_assert_not(in_top(note, 5, RETAIL));
  cr_assert(in_top(note, 1, IT));
}

Test(notes, gaming_with_friends_is_a_hobby_not_a_problem) {
  const char *const SUBST[] = {"nuorten-paihdepalvelut", NULL};
  cr_assert(in_top("17v poika, pelaa liikaa konsolipelejä öisin, ei opiskelupaikkaa", 5, SUBST),
            "control: gaming at night without friends");
  const char *note = "17v poika, pelaa paljon konsolipelejä kavereiden kanssa, ei opiskelupaikkaa";
  cr_assert_not(in_top(note, 5, SUBST));
  const char *const GUIDE[] = {"oppivelvollisuuden-ohjaus", NULL};
  cr_assert(in_top(note, 1, GUIDE), "the need is a study place");
}

Test(notes, a_card_held_is_not_offered_again) {
  const char *const CARD[] = {"trukkikortti", NULL};
  const char *held = "Varastotyöntekijä 40v, trukkikortti voimassa, etsii varastotöitä Vantaalta";
  cr_assert(in_top("Varastotyöntekijä 40v, trukkikortti vanhentunut, etsii varastotöitä Vantaalta",
                   5, CARD),
            "control: a lapsed card");
  cr_assert_not(in_top(held, 5, CARD));
  /* The demotion says why; without it the warehouse words lift the course. */
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 100;
  kt_results *r = kt_test_search(e, held, &o);
  int k = kt_test_rank(r, "trukkikortti");
  cr_assert_geq(k, 0);
  const kt_result *x = kt_results_get(r, (size_t)k);
  bool said = false;
  for (size_t i = 0; i < x->effect_count; i++)
    said |= !strcmp(x->effects[i].signal, "kortti jo on");
  cr_assert(said, "the result says the card is held");
  kt_results_free(r);
  /* (The warehouse worker named beside the age also holds the trade.) */
  cr_assert_eq(kt_engine_set_param(e, "demote_held", 1.0), KT_OK);
  cr_assert_eq(kt_engine_set_param(e, "demote_qualified", 1.0), KT_OK);
  cr_assert(in_top(held, 5, CARD), "control: without the demotion");
  cr_assert_eq(kt_engine_set_param(e, "demote_held", 0.3), KT_OK);
  cr_assert_eq(kt_engine_set_param(e, "demote_qualified", 0.3), KT_OK);
}

Test(notes, mies_and_vuotta_carry_no_evidence) {
  kt_results *r =
      kt_test_search(e, "mies 45v, 20 vuotta varastolla, etsii logistiikka-alan töitä", NULL);
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->match_count; k++) {
      cr_assert(strcmp(x->matches[k].term, "mies"), "%s matched by 'mies'", x->id);
      cr_assert(strcmp(x->matches[k].term, "vuosi"), "%s matched by 'vuotta'", x->id);
    }
  }
  kt_results_free(r);
}

Test(notes, spoken_dismissal_is_a_job_lost_and_skills_in_order_need_no_course) {
  /* "tullu lähtöjä" is spoken for being let go: the dismissal services, not
   * a loose "lähtö" matching a language course's departures. */
  const char *note = "tullu lähtöjä rakennusfirmasta, 52v kirvesmies, osaaminen kunnossa, "
                     "etsii uutta työpaikkaa";
  cr_assert(finds_need(note, "irtisanominen"));
  const char *const LOST[] = {"lomautettujen-tyonhakupalvelut", "muutosneuvonta", NULL};
  cr_assert(in_top(note, 2, LOST));
  /* The carpenter's skills are in order: construction training yields. */
  const char *const BUILD[] = {"rakennusala-tyovoimakoulutus", NULL};
  cr_assert_not(in_top(note, 3, BUILD));
  /* (A trade beside the age is a trade held, too: the pair below names the
   * trade apart from the age.) */
  cr_assert_not(in_top("tullu lähtöjä rakennusfirmasta, kirvesmiehen hommista, 52v, osaaminen "
                       "kunnossa, etsii uutta työpaikkaa",
                       3, BUILD));
  cr_assert(in_top("tullu lähtöjä rakennusfirmasta, kirvesmiehen hommista, 52v, etsii uutta "
                   "työpaikkaa",
                   1, BUILD),
            "control: without the skills said to be in order");
}

Test(notes, a_course_for_the_card_of_a_trade_held_yields) {
  /* "vartijakortti voimassa": the guard's course is the card's course. */
  const char *held = "45v, vartijakortti voimassa, haluaa vartijaksi kauppakeskukseen";
  const char *wants = "45v, haluaa vartijaksi kauppakeskukseen";
  kt_results *r = kt_test_search(e, held, NULL), *c = kt_test_search(e, wants, NULL);
  int kh = kt_test_rank(r, "vartijan-peruskoulutus"),
      kc = kt_test_rank(c, "vartijan-peruskoulutus");
  cr_assert(kc >= 0 && kc < 3, "control: the course fits a would-be guard");
  cr_assert(kh < 0 ||
                kt_results_get(r, (size_t)kh)->score < 0.5 * kt_results_get(c, (size_t)kc)->score,
            "the course for a card held falls to under half its score");
  kt_results_free(r);
  kt_results_free(c);
}

Test(notes, a_filler_inside_a_phrase_and_an_ambiguous_qualification) {
  /* "vielä" inside "suomen kieli heikko" leaves the phrase as written. */
  cr_assert(
      finds_need("sairaanhoitaja, suomen kieli vielä heikko, haluaa töihin", "suomen kielen"));
  /* "ammattipätevyys" is the drivers' one only beside driving. */
  cr_assert_not(finds_need("sairaanhoitaja, ammattipätevyys Virosta", "ammattiajokortti"));
  cr_assert(finds_need("bussikuski, ammattipätevyys vanhenemassa", "ammattiajokortti"), "control");
  const char *const TRUCK[] = {"kuorma-autonkuljettajan-koulutus",
                               "bussinkuljettajan-rekrykoulutus", NULL};
  cr_assert_not(
      in_top("sairaanhoitaja, ammattipätevyys Virosta, haluaa töihin sairaalaan", 5, TRUCK));
}

Test(notes, a_sport_played_is_no_gaming_problem) {
  const char *const SUBST[] = {"nuorten-paihdepalvelut", "peliklinikka", NULL};
  cr_assert_not(
      in_top("Nuori 22v, käy salilla ja pelaa sählyä, haluaa liikunta-alalle töihin", 5, SUBST));
  cr_assert(in_top("Nuori 22v, pelaa rahapelejä joka päivä ja velkaa kertynyt", 5, SUBST),
            "control: gambling is");
}

Test(notes, a_service_named_for_immigrants_waits_for_a_sign_of_one) {
  const char *const MIG[] = {"yrittajyysneuvonta-maahanmuuttajille", NULL};
  cr_assert_not(
      in_top("Nainen 45v, haluaa perustaa oman kampaamon, kampaajan tutkinto on", 3, MIG));
  /* Arriving from a country is such a sign; moving from a Finnish town is not. */
  cr_assert(in_top("Syyriasta 2016 tullut mies haluaa perustaa oman ravintolan", 1, MIG));
  cr_assert_not(in_top("muutti Oulusta Helsinkiin, haluaa perustaa oman ravintolan", 3, MIG));
}

Test(notes, a_degree_held_is_not_offered_to_one_who_studies_further) {
  const char *const LH[] = {"lahihoitaja-aikuiskoulutus", NULL};
  const char *note = "Asiakas haluaa opiskella sairaanhoitajaksi, lähihoitajan tutkinto on jo.";
  cr_assert(in_top("Asiakas haluaa opiskella lähihoitajaksi.", 1, LH), "control");
  cr_assert_not(in_top(note, 5, LH));
  /* A profession that takes a higher-education degree: the open UAS. */
  const char *const AMK[] = {"avoin-yliopisto-amk", NULL};
  cr_assert(in_top(note, 5, AMK));
}

Test(notes, a_volunteers_place_is_context_not_a_need) {
  const char *note = "Asiakas 40v, vapaaehtoisena ruoka-avussa kirkolla viikoittain, ammatiltaan "
                     "kirvesmies, etsii rakennustöitä.";
  const char *const FOOD[] = {"hurstin-apu", "seurakuntien-diakonia", NULL};
  cr_assert_not(in_top(note, 5, FOOD));
  cr_assert(in_top("ruoka loppu kaapista, tarvitsee ruoka-apua", 5, FOOD), "control");
  kt_results *r = kt_test_search(e, note, NULL);
  bool context = false;
  for (size_t i = 0; i < kt_results_need_count(r); i++) {
    const kt_need *n = kt_results_need(r, i);
    if (strstr(n->label, "ruoka")) context = n->role == KT_ROLE_BACKGROUND;
  }
  kt_results_free(r);
  cr_assert(context, "the food aid the client volunteers in is shown as context");
  /* The JSON for frontends says so too. */
  r = kt_test_search(e, note, NULL);
  char *json = NULL;
  cr_assert_eq(kt_results_json(r, &json), KT_OK);
  cr_assert(strstr(json, "\"role\":\"background\""), "%s", json);
  free(json);
  kt_results_free(r);
  r = kt_test_search(e, "ruoka loppu kaapista, tarvitsee ruoka-apua", NULL);
  bool need = false;
  for (size_t i = 0; i < kt_results_need_count(r); i++)
    need |= strstr(kt_results_need(r, i)->label, "ruoka") &&
            kt_results_need(r, i)->role != KT_ROLE_BACKGROUND;
  kt_results_free(r);
  cr_assert(need, "control: food aid the client needs is a need");
}

Test(notes, a_function_word_is_no_stem_of_a_name) {
  /* Swedish "var" (where) is not the stem of "Varia" (a vocational school). */
  cr_assert_not(finds_need("jag vill veta var han kan få hjälp", "ammatillinen"));
  cr_assert(finds_need("söker yrkesutbildning", "ammatillinen"), "control");
}

Test(notes, a_foreign_word_speaks_through_its_concept) {
  /* "office" found the office-work concept; alone it matched the English
   * text of the prison-release service ("Community Sanctions Office"). */
  const char *note =
      "I worked as a cleaner for 5 years but my knees are bad now. I want to retrain "
      "for office work. No debts.";
  const char *const RISE[] = {"rise-vapautumisen-suunnittelu", NULL};
  cr_assert_not(in_top(note, 5, RISE));
  /* The control compares the evidence alone: the learned priors reorder
   * below the fifth by other counts. */
  cr_assert_eq(kt_engine_set_param(e, "prior_weight", 0.0), KT_OK);
  int at_half = rank_of(note, RISE[0]);
  cr_assert_eq(kt_engine_set_param(e, "foreign_found", 1.0), KT_OK);
  int at_full = rank_of(note, RISE[0]);
  cr_assert(at_full < at_half, "control: the stem at full weight lifts it (%d -> %d)", at_half,
            at_full);
  cr_assert(finds_need(note, "liikuntaelin"), "bad knees");
}

Test(notes, a_concept_named_again_in_the_present_is_a_need) {
  /* First named of the past ("puoliso on kuollut"), then of the present
   * ("suru vie voimat"): the grief is a need. */
  const char *const CRISIS[] = {"mieli-kriisipuhelin", "sosiaali-ja-kriisipaivystys", NULL};
  const char *note = "asiakkaan puoliso on kuollut puoli vuotta sitten, suru vie voimat, ei jaksa "
                     "hakea töitä";
  cr_assert(in_top(note, 2, CRISIS));
  kt_results *r = kt_test_search(e, note, NULL);
  bool need = false;
  for (size_t i = 0; i < kt_results_need_count(r); i++)
    need |= strstr(kt_results_need(r, i)->label, "suru") &&
            kt_results_need(r, i)->role != KT_ROLE_BACKGROUND;
  kt_results_free(r);
  cr_assert(need);
}

Test(notes, couch_surfing_at_a_relatives_is_homelessness) {
  cr_assert(finds_need("asiakas 33v, eronnut, asuu nyt siskon sohvalla", "asunnottomuus"));
}

Test(notes, a_concept_for_an_age_waits_for_a_client_of_that_age) {
  /* "iäkäs" names the mother's age here, not the 45-year-old client's. */
  cr_assert_not(
      finds_need("Asiakas 45v, hoitaa iäkästä äitiään kotona, haluaa osa-aikatyötä", "ikääntynyt"));
  cr_assert(
      finds_need("Asiakas 45v, hoitaa iäkästä äitiään kotona, haluaa osa-aikatyötä", "omaishoito"));
  cr_assert(finds_need("58v, tuntuu että on liian vanha työmarkkinoille", "ikääntynyt"), "control");
  /* Work in a café is restaurant work, not the family café. */
  const char *const FAM[] = {"mll-perhekahvilat", NULL};
  cr_assert_not(in_top("Asiakas asuu Kalliossa, etsii töitä kahvilasta.", 2, FAM));
}

Test(notes, a_service_only_for_entrepreneurs_waits_for_a_firm) {
  const char *const FIRM[] = {"yrittajan-talousapu", NULL};
  cr_assert_not(
      in_top("velat kasassa, ulosottomies vie kaikki kela-rahat ja vuokrakin rästissä", 5, FIRM));
  cr_assert(
      in_top("37v yrittäjä, kahvila kannattamaton, velkaa kertynyt, haluaa lopettaa yrityksen", 5,
             FIRM),
      "control: an entrepreneur in debt");
}

Test(notes, letters_left_unopened_are_debts_avoided) {
  const char *note = "kirjekuoria kasaantunu eteiseen avaamatta puol vuotta, puhelin soi "
                     "tuntemattomista numeroista eikä uskalla vastata. 39v, työtön.";
  cr_assert(finds_need(note, "velat"));
  const char *const DEBT[] = {"talous-ja-velkaneuvonta", NULL};
  cr_assert(in_top(note, 3, DEBT));
  cr_assert(finds_need("Hyresvärden säljer lägenheten och klienten måste flytta ut", "häätö"),
            "a flat sold under a tenant, in Swedish");
}

Test(notes, an_age_told_beside_the_past_is_the_client_of_now) {
  /* The age stands in a clause of the past ("tehny ruokalähettinä"), but a
   * 24-year-old is young now: the young jobseeker's need is the note's, not
   * its background, and the youth career service outranks the courier's
   * old trade. */
  const char *note = "mä oon 24 ja tehny ruokalähettinä fillarilla pari vuotta, ei oo muuta "
                     "koulua ku peruskoulu. nyt haluis jonkun ammatin";
  kt_results *r = kt_test_search(e, note, NULL);
  bool young_now = false;
  for (size_t i = 0; i < kt_results_need_count(r); i++)
    if (strstr(kt_results_need(r, i)->label, "nuori työnhakija"))
      young_now = kt_results_need(r, i)->role != KT_ROLE_BACKGROUND;
  int career = kt_test_rank(r, "nuorten-urapalvelut"),
      old = kt_test_rank(r, "logistiikka-varastoala");
  kt_results_free(r);
  cr_assert(young_now, "the age's need is of now");
  cr_assert(career >= 0 && (old < 0 || career < old), "career %d, logistics %d", career, old);
}

Test(notes, a_long_working_life_and_a_health_limit_imply_the_pension_rehabilitation) {
  /* No word names the pension company; 22 years of work and a back that
   * no longer bears physical work are its target (`history:` and `with:`). */
  const char *note = "Nainen 51 v, tehnyt siivoustyötä 22 vuotta samalla työnantajalla, mutta "
                     "selkä ei enää kestä fyysistä työtä. Sairausloma päättyi.";
  cr_assert(finds_need(note, "työeläkelaitoksen kuntoutus"));
  const char *const PENSION[] = {"tyoelakeyhtion-ammatillinen-kuntoutus", NULL};
  cr_assert(in_top(note, 6, PENSION), "rank %d", rank_of(note, PENSION[0]));
  /* Controls: two years are no established working life; years lived in
   * Finland and the age are no working life at all. */
  cr_assert_not(finds_need("Nainen 51 v, tehnyt siivoustyötä 2 vuotta, mutta selkä ei enää kestä "
                           "fyysistä työtä. Sairausloma päättyi.",
                           "työeläkelaitoksen kuntoutus"));
  cr_assert_not(finds_need("Nainen 51 v, asunut Suomessa 22 vuotta, selkä ei enää kestä fyysistä "
                           "työtä. Sairausloma päättyi.",
                           "työeläkelaitoksen kuntoutus"));
  /* Nor is a long career without a health limit. */
  cr_assert_not(finds_need("Nainen 51 v, tehnyt siivoustyötä 22 vuotta samalla työnantajalla, "
                           "haluaa toimistotöihin.",
                           "työeläkelaitoksen kuntoutus"));
}

static int need_role(const char *note, const char *label);

static bool has_effect(const char *note, size_t k, const char *reason);

/* A holding the note says the client lacks ("ei korkeakoulututkintoa"):
 * a service that requires it goes below one that does not, and says why. */
Test(notes, a_service_requiring_what_the_client_lacks_goes_down) {
  static const char *const CONVERSION[] = {"ict-muuntokoulutus", NULL};
  const char *n = "33v, haluaa ohjelmoijaksi, ei korkeakoulututkintoa, englanti hyvä.";
  cr_assert_not(in_top(n, 1, CONVERSION));
  cr_assert(has_effect(n, 3, "mitä asiakkaalla ei muistiinpanon mukaan ole"));
  cr_assert(
      in_top("33v, haluaa ohjelmoijaksi, kauppatieteiden maisteri, englanti hyvä.", 1, CONVERSION),
      "control: a degree held");
}

/* The client's own trade, named beside the age, is who the client is: the
 * need it names for others (legal aid, business finance) is background. A
 * state of life that ends like a trade stays a need. */
Test(notes, the_clients_own_trade_names_no_need) {
  /* A lawyer without a word of asking finds no legal aid at all (a weak
   * word, catalog/thesaurus/arki_osallisuus.txt); never a need of now. */
  int lawyer = need_role("40v mies, lakimies (OTM); irtisanottiin, haluaa yrityksen "
                         "sopimusjuristiksi.",
                         "oikeusapu");
  cr_assert(lawyer == -1 || lawyer == KT_ROLE_BACKGROUND, "role %d", lawyer);
  cr_assert_eq(need_role("41v mies, pankin yritysrahoittaja; irtisanottiin, haluaa "
                         "controller-tehtäviin.",
                         "yrityksen rahoitus"),
               KT_ROLE_BACKGROUND);
  cr_assert_eq(need_role("40v mies tarvitsee lakimiehen apua riita-asiaan.", "oikeusapu"),
               KT_ROLE_SITUATION, "control: a lawyer needed");
  cr_assert_eq(need_role("38v nainen, yksinhuoltaja, haluaa töihin.", "yksinhuoltajuus"),
               KT_ROLE_SITUATION, "control: a state of life");
}

/* Years at home with the children, told in the past, are the return to
 * work the note asks for (`past: need`), not the client's history. */
Test(notes, years_at_home_with_children_are_a_need_of_now) {
  const char *note = "ollut kotona lasten kanssa viisi vuotta, nyt haluaa takaisin töihin";
  cr_assert_eq(need_role(note, "perhevapaalta"), KT_ROLE_SITUATION);
  const char *const RETURN[] = {"perhevapaalta-tyoelamaan", NULL};
  cr_assert(in_top("oli kotona lasten kanssa neljä vuotta, nyt haluaa osa-aikatöihin", 1, RETURN));
  /* Control: another concept told in the past stays history. */
  cr_assert_eq(
      need_role("oli kaupan kassalla viisi vuotta, nyt haluaa lähihoitajaksi", "kaupan ala"),
      KT_ROLE_BACKGROUND);
}

/* English and Swedish notes find their needs through phrases of their own
 * (the thesaurus's English and Swedish client lines). */
Test(notes, english_and_swedish_phrases_find_needs) {
  cr_assert(finds_need("He got laid off last month and is behind on rent.", "irtisanominen"));
  cr_assert(finds_need("I have a progressive muscle disease and walk with crutches.",
                       "liikunta- ja aistivamma"));
  cr_assert(finds_need("Han har blivit uppsagd och kan inte betala hyran.", "irtisanominen"),
            "control: a phrase there before");
}

/* Where the client lives implies the employment area (`municipality:` and
 * `with:`): an Espoo or Kerava jobseeker has the area's employment services
 * though the note names only the job search. */
Test(notes, a_jobseeker_outside_helsinki_has_the_areas_employment_services) {
  static const char *const ESPOO[] = {"espoon-tyollisyysalue", NULL};
  static const char *const VANTAA[] = {"vantaan-keravan-tyollisyysalue", NULL};
  cr_assert(in_top("Espoolainen 38v, irtisanottiin kesällä, hakee töitä.", 5, ESPOO));
  cr_assert(in_top("Keravalainen 50v, työtön vuoden, hakee yleistukea ja töitä.", 3, VANTAA));
  cr_assert(
      finds_need("Espoolainen 38v, irtisanottiin kesällä, hakee töitä.", "Espoon työllisyysalue"));
  /* Controls: another municipality, and a need that is no job search. */
  cr_assert_not(finds_need("Helsinkiläinen 38v, irtisanottiin kesällä, hakee töitä.",
                           "Espoon työllisyysalue"));
  cr_assert_not(
      finds_need("Espoolainen 38v, masennus hoidossa terveysasemalla.", "Espoon työllisyysalue"));
}

/* Wages not received, told from the worker's side, find the worker's rights
 * services, in Finnish, English and Swedish. */
Test(notes, wages_not_received_find_the_workers_rights) {
  static const char *const RIGHTS[] = {"tyosuojelun-neuvonta",
                                       "ulkomaisten-tyontekijoiden-neuvonta", NULL};
  /* Fifth, not first: "palkkaa" is also "hires", and the employer's
   * recruitment still finds it (a reading the context should decide). */
  cr_assert(
      in_top("Palkkaa on jäänyt saamatta kahdelta kuukaudelta, eikä firma vastaa.", 5, RIGHTS));
  cr_assert(finds_need("The restaurant closed and the owner still owes me my salary.",
                       "ulkomaisen työntekijän työsuhdeasiat"));
  cr_assert(finds_need("Firman gick i konkurs och hon har inte fått lön för oktober.",
                       "ulkomaisen työntekijän työsuhdeasiat"));
}

/* Working-life networks missing are mentoring's need, and Finnish to be
 * improved the Finnish of working life (written from their entries). */
Test(notes, missing_networks_and_finnish_to_improve_are_needs) {
  cr_assert(finds_need("Haluaisi oman alan töitä, mutta suomalaiset verkostot puuttuvat.",
                       "työelämämentorointi"));
  cr_assert(finds_need("Haluaa parantaa suomea, jotta pääsisi oman alan töihin.",
                       "työelämän ja oman alan suomi"));
  cr_assert_not(finds_need("Haluaisi oman alan töitä.", "työelämämentorointi"), "control");
}

/* Needs told by their signs, not named: a partner's control and bruises
 * explained by a fall, forms always filled in by someone else, winning it
 * all back, money passed on abroad through one's own account. */
Test(notes, needs_told_by_their_signs_are_found) {
  cr_assert(finds_need("Puoliso tarkistaa hänen puhelimensa joka ilta, ja käsivarressa oli "
                       "mustelmia; hän sanoi kaatuneensa. Kysyy siivoustöitä.",
                       "lähisuhdeväkivalta"));
  cr_assert_not(finds_need("Tarkistaa puhelimesta työpaikkailmoitukset joka ilta. Kysyy "
                           "siivoustöitä.",
                           "lähisuhdeväkivalta"),
                "control: no partner");
  cr_assert(finds_need("Lomakkeet täyttää aina hänen veljensä, ja lasit ovat unohtuneet kotiin "
                       "aina, kun pitäisi lukea.",
                       "luku- ja kirjoitustaidon puute"));
  cr_assert(finds_need("Lainannut kavereilta ja sanoo voittavansa rahat kyllä takaisin.",
                       "rahapeliongelma"));
  cr_assert(finds_need("Otti vastaan rahasiirtoja tililleen ja lähetti ne eteenpäin ulkomaille; "
                       "pankki jäädytti tilin.",
                       "rikoksen uhri"));
}

/* Years of work are read beside a workplace in the inessive ("hotellissa 18
 * vuotta") and after trades the agent endings miss ("automekaanikko 17
 * vuotta"); years in prison or married are no working life. */
Test(notes, years_at_a_workplace_are_a_working_life) {
  const char *label = "työeläkelaitoksen kuntoutus";
  cr_assert(finds_need("Hotellissa 18 vuotta, nyt masennus ja uupumus.", label));
  cr_assert(finds_need("34v, 12 vuotta eri ravintoloissa. Masennus hoidossa.", label));
  cr_assert(finds_need("39v mies, automekaanikko 17 vuotta. Nyt liikkuu pyörätuolilla.", label));
  cr_assert(
      finds_need("Puuseppä 25 vuotta, välilevyn pullistuma eikä selkä kestä nostoja.", label));
  cr_assert_not(finds_need("Ollut vankilassa 6 vuotta, masennus hoidossa.", label));
  cr_assert_not(finds_need("Naimisissa 20 vuotta, masennus hoidossa.", label));
}

/* A whole working life ("ajoi rekkaa koko ikänsä") is a long one; a whole
 * life healthy is none. Sight no longer enough for the work is a visual
 * impairment. */
Test(notes, a_whole_working_life_and_failing_sight_are_read) {
  const char *label = "työeläkelaitoksen kuntoutus";
  cr_assert(finds_need("50v, ajanut rekkaa koko ikänsä, nyt silmät ei enää riitä ammattikorttiin.",
                       label));
  cr_assert(finds_need("50v, ajanut rekkaa koko ikänsä, nyt silmät ei enää riitä ammattikorttiin.",
                       "näkövamma"));
  cr_assert_not(finds_need("50v, on ollut koko ikänsä terve, nyt masennus.", label), "control");
}

/* An eye disease that takes sight for good, and sight worsened in other
 * words, are a visual impairment: the catalogue's "näkö heikkenee kesken
 * työuran". A denied one is none. */
Test(notes, an_eye_disease_and_worsened_sight_are_a_visual_impairment) {
  static const char *const BLIND[] = {"nakovammaisten-liitto-tyollisyys", NULL};
  const char *glaucoma = "Nainen 50v, kirjanpitäjä. Glaukooma vie näköä, ruutu ei enää erotu, "
                         "kysyy mitä tehdä.";
  cr_assert(finds_need(glaucoma, "näkövamma"));
  cr_assert(in_top(glaucoma, 1, BLIND));
  cr_assert(finds_need("Mies 44v, diabetes on heikentänyt näön niin, ettei trukin ajo enää "
                       "onnistu.",
                       "näkövamma"));
  cr_assert(finds_need("Mies 44v, trukinkuljettaja, näkö on huonontunut eikä kortti enää mene "
                       "läpi.",
                       "näkövamma"));
  cr_assert_not(finds_need("Nainen 50v, kirjanpitäjä, ei glaukoomaa eikä muita sairauksia, "
                           "haluaa vaihtaa alaa.",
                           "näkövamma"),
                "control: denied");
}

/* Kela's vocational rehabilitation serves those under 30 who need support
 * into working life: an age under 30 and a limit of now imply it though no
 * word names Kela or rehabilitation (`age:` and `with:`). */
Test(notes, a_young_age_and_a_health_limit_imply_kelas_rehabilitation) {
  const char *const TEAK[] = {"kela-teak", NULL};
  const char *note =
      "24v nainen, masennus hoidossa, lukio jäi kesken, haluaisi pikkuhiljaa töihin.";
  cr_assert(finds_need(note, "Kelan ammatillinen kuntoutus nuorelle"));
  cr_assert(in_top(note, 3, TEAK), "rank %d", rank_of(note, TEAK[0]));
  /* Controls: the age alone is no need of it, nor the limit at 45. */
  cr_assert_not(finds_need("24v nainen, lukio jäi kesken, haluaisi pikkuhiljaa töihin.",
                           "Kelan ammatillinen kuntoutus nuorelle"));
  cr_assert_not(finds_need("45v nainen, masennus hoidossa, haluaisi pikkuhiljaa töihin.",
                           "Kelan ammatillinen kuntoutus nuorelle"));
}

/* How many of the top @p k results of @p note carry an effect whose reason
 * contains @p reason? */
static size_t with_effect(const char *note, size_t k, const char *reason) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = k;
  kt_results *r = kt_test_search(e, note, &o);
  size_t with = 0;
  for (size_t i = 0; i < k && i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    bool has = false;
    for (size_t j = 0; j < x->effect_count; j++)
      has |= strstr(x->effects[j].reason, reason) != NULL;
    with += has;
  }
  kt_results_free(r);
  return with;
}

/* with_effect() with ranking parameter @p param at 1.0 (its demotion off),
 * then set back to its default: the control that a constraint's services
 * are there to be lowered. */
static size_t with_effect_undemoted(const char *note, size_t k, const char *param,
                                    const char *reason) {
  double def = -1;
  const char *name;
  for (size_t i = 0; (name = kt_ranking_param(i, &def, NULL, NULL)) && strcmp(name, param); i++)
    ;
  cr_assert_not_null(name, "no ranking parameter '%s'", param);
  cr_assert_eq(kt_engine_set_param(e, param, 1.0), KT_OK);
  size_t with = with_effect(note, k, reason);
  cr_assert_eq(kt_engine_set_param(e, param, def), KT_OK);
  return with;
}

/* Does any of them? */
static bool has_effect(const char *note, size_t k, const char *reason) {
  return with_effect(note, k, reason) > 0;
}

Test(notes, an_employer_asking_gets_the_employers_services_first) {
  /* The owner of a firm calls: the hiring subsidies and the recruitment
   * service are the need; the jobseeker's workshops and coaching, which
   * the future employee's description matches, yield. */
  const char *note = "Pienen lounasravintolan omistaja soittaa. Haluaisi palkata keittiöön "
                     "30-vuotiaan maahan muuttaneen miehen, joka on ollut työttömänä yli vuoden. "
                     "Kysyy, mitä tukia palkkaukseen on saatavilla.";
  cr_assert(finds_need(note, "palkkauksen tuet työnantajalle"), "'palkkaus + tuki*'");
  /* ... on a jobseeker's service below the employer's ones */
  cr_assert(has_effect(note, 30, "kysyjä on työnantaja"));
  const char *const EMPLOYER[] = {"helsinki-lisa", "htp-rekrytointipalvelut",
                                  "te-tyonantajapalvelut", NULL};
  kt_results *r = kt_test_search(e, note, NULL);
  bool first = false;
  for (size_t j = 0; EMPLOYER[j]; j++)
    first |= !strcmp(kt_results_get(r, 0)->id, EMPLOYER[j]);
  kt_results_free(r);
  cr_assert(first, "an employer's service first");
  /* English: the firm opens the note and hires. */
  cr_assert(has_effect("We are a small cleaning company in Vantaa and would like to hire two "
                       "unemployed jobseekers. What financial support is there?",
                       10, "an employer is asking") ||
            has_effect("We are a small cleaning company in Vantaa and would like to hire two "
                       "unemployed jobseekers. What financial support is there?",
                       10, "kysyjä on työnantaja"));
  /* Not an employer asking: a jobseeker asking about a boss who would hire
   * them, the client's former employer, a firm that did not pay wages. */
  cr_assert_not(has_effect("saako jotain tukee jos pikku lafkan pomo ois valmis ottaa mut duuniin",
                           10, "kysyjä on työnantaja"));
  cr_assert_not(has_effect("Työnantaja meni konkurssiin: asiakas 36 v ajoi kuorma-autoa yhdeksän "
                           "vuotta, hakee nyt uutta työtä",
                           10, "kysyjä on työnantaja"));
  cr_assert_not(has_effect("Siivousfirma ei oo maksanut asiakkaalle palkkaa kahteen kuukauteen, "
                           "kysyy mitä voi tehdä",
                           10, "kysyjä on työnantaja"));
}

Test(notes, everyday_words_for_a_fire_unpaid_wages_and_registering) {
  cr_assert(
      finds_need("Kerrostalopalo tuhosi asiakkaan kodin eilen, yöpyy tuttavalla", "elämänkriisi"));
  cr_assert_not(finds_need("Asiakas on ollut palomiehenä ja haluaa alanvaihtoon", "elämänkriisi"),
                "control: a firefighter's trade is no fire");
  const char *wage = "Siivousfirma ei oo maksanut palkkaa kahteen kuukauteen, vuokra rästissä";
  cr_assert(finds_need(wage, "työsuhdeasiat"));
  const char *const LABOUR[] = {"tyosuojelun-neuvonta", NULL};
  cr_assert(in_top(wage, 5, LABOUR), "rank %d", rank_of(wage, LABOUR[0]));
  cr_assert(finds_need("palas suomeen kk sitte, ei tiiä mihin pitäis ilmottautua",
                       "työttömäksi ilmoittautuminen"));
  /* A past job told with "teki" is a working life too. */
  cr_assert(finds_need("29v, selkä kipee jatkuvasti. ei pysty enää varastotyöhön jota teki 8v",
                       "työeläkelaitoksen kuntoutus"));
}

Test(notes, a_former_partners_release_is_not_the_clients_and_free_time_is_no_release) {
  const char *const RELEASE[] = {"rise-vapautumisen-suunnittelu", "krits", NULL};
  /* Time or a day-care place becoming free is no release from prison. */
  cr_assert_not(in_top("Nuorin lapsi aloitti koulun, joten asiakkaalta vapautuu aikaa. 42-v, "
                       "haluaa osa-aikatyötä kirjastosta",
                       5, RELEASE));
  cr_assert(in_top("vapautui vankilasta viime viikolla, 30v, hakee töitä", 3, RELEASE),
            "control: the client's own release");
  /* The former partner's release is the client's danger, not the client's
   * release: the fear of going home is the need. */
  const char *note = "Asiakas 34v, kaksi lasta. Ex-mies vapautui vankilasta viime viikolla, on "
                     "soitellut ja tietää missä asiakas asuu. Asiakas pelkää mennä kotiin.";
  kt_results *r = kt_test_search(e, note, NULL);
  bool release_need = false, release_context = false, violence = false;
  for (size_t i = 0; i < kt_results_need_count(r); i++) {
    const kt_need *n = kt_results_need(r, i);
    if (strstr(n->label, "vankilasta")) {
      release_need = n->role != KT_ROLE_BACKGROUND;
      release_context = n->role == KT_ROLE_BACKGROUND;
    }
    if (strstr(n->label, "lähisuhdeväkivalta")) violence = n->role != KT_ROLE_BACKGROUND;
  }
  kt_results_free(r);
  cr_assert_not(release_need);
  cr_assert(release_context, "the release is read, as the ex-partner's context");
  cr_assert(violence);
  cr_assert_not(in_top(note, 5, RELEASE));
}

Test(notes, english_words_for_exploitation_and_drinking) {
  const char *boss = "Client from Ukraine works for a cleaning company; the boss keeps his "
                     "passport and pays far below the agreed wage.";
  cr_assert(finds_need(boss, "ihmiskauppa"));
  cr_assert(finds_need(boss, "työsuhdeasiat"));
  const char *const RIGHTS[] = {"tyosuojelun-neuvonta", "ulkomaisten-tyontekijoiden-neuvonta",
                                NULL};
  cr_assert(in_top(boss, 3, RIGHTS));
  cr_assert(finds_need("British man, 42, his drinking has got out of hand since he lost his job",
                       "alkoholiongelma"));
  cr_assert_not(finds_need("British man, 42, lost his logistics job, wants work in a warehouse",
                           "alkoholiongelma"),
                "control");
}

/* A problem denied after it was suspected: the denial is the client's own
 * word on it, and wins over the earlier mention. */
Test(notes, a_problem_denied_after_a_suspicion_is_ruled_out) {
  static const char *const ADHD[] = {"nepsy-valmennus", "adhd-liitto", NULL};
  const char *suspected = "30v, esimies epäili ADHD:ta. Haluaa varastoon, trukkikortti on.";
  const char *denied = "30v, esimies epäili ADHD:ta, mutta tutkimukset tehtiin syksyllä: ei "
                       "ADHD:ta eikä oppimisvaikeutta. Haluaa varastoon, trukkikortti on.";
  cr_assert(in_top(suspected, 5, ADHD), "control: the suspicion alone");
  cr_assert_not(in_top(denied, 5, ADHD));
}

/* "Ei enää yrittäjäksi": the former sole trader wants a salaried job. */
Test(notes, a_former_trader_who_will_not_be_one_again) {
  static const char *const STARTUP[] = {"starttiraha", "yritys-helsinki", NULL};
  const char *again = "42v, piti kuusi vuotta omaa kahvilaa ja lopetti sen keväällä. Haluaa "
                      "taas yrittäjäksi.";
  const char *never = "42v, piti kuusi vuotta omaa kahvilaa ja lopetti sen keväällä. Ei enää "
                      "yrittäjäksi, haluaa palkkatyöhön kahvilaan.";
  cr_assert(in_top(again, 5, STARTUP), "control: entrepreneurship wanted");
  cr_assert_not(in_top(never, 5, STARTUP));
}

/* A service's name that is also an everyday word ("aikalisä", a time-out;
 * "teak", a wood; "sininauha", a ribbon) names no need by itself. */
Test(notes, a_name_that_is_an_everyday_word_needs_its_context) {
  cr_assert(finds_need("22v, keskeytti armeijan, haluaisi aikalisän ja suunnan elämälle",
                       "asepalveluksen"),
            "control: beside the interrupted service");
  cr_assert_not(finds_need("24v, valmentaja otti aina aikalisän kun peli karkasi, haluaa "
                           "liikunta-alalle",
                           "asepalveluksen"));
  cr_assert_not(finds_need("Puuseppä 48v, erikoistunut teak-huonekalujen entisöintiin, työtön",
                           "ammatillinen kuntoutus"));
  cr_assert(
      finds_need("48v, Kelan TEAK-selvitys menossa, selkä ei kestä", "ammatillinen kuntoutus"),
      "control: Kela's assessment");
  cr_assert_not(finds_need("29v hevostenhoitaja, tamma sai näyttelyssä sininauhan, haluaa "
                           "eläintenhoitoon",
                           "raittius"));
}

/* Compounds written apart ("palkka tuella", "puisto töihin") find what the
 * same note written together finds. */
Test(notes, compounds_written_apart_find_their_service) {
  const char *apart = "52v, ennen kaupan kassalla 10v, nyt pitkäaikais työtön. Haluis palkka "
                      "tuella kaupungille puisto töihin, ulkotyöt kiinnostaa.";
  const char *together = "52v, ennen kaupan kassalla 10v, nyt pitkäaikaistyötön. Haluis "
                         "palkkatuella kaupungille puistotöihin, ulkotyöt kiinnostaa.";
  cr_assert_leq(rank_of(together, "palkkatukityo-helsingin-kaupunki"), 3, "control");
  cr_assert_leq(rank_of(apart, "palkkatukityo-helsingin-kaupunki"), 3);
}

/* Taking someone on as an apprentice is hiring: the owner asks. */
Test(notes, an_owner_taking_on_an_apprentice_is_an_employer_asking) {
  cr_assert(has_effect("Kahvilan omistaja haluaisi ottaa oppisopimuksella leipurin, kysyy "
                       "korvauksista",
                       10, "kysyjä on työnantaja"));
  cr_assert_not(has_effect("Kahvilan omistaja lopetti ja asiakas jäi työttömäksi, haluaisi ottaa "
                           "selvää oppisopimuksesta",
                           10, "kysyjä on työnantaja"),
                "a former owner, no one taken on");
}

/* Years of work told as a trade's years, in words, or in the simple past
 * make a working life with a health limit the pension company's matter. */
Test(notes, years_of_work_in_other_words_imply_the_pension_rehabilitation) {
  const char *label = "työeläkelaitoksen kuntoutus";
  cr_assert(finds_need("47v, kirjanpitäjä 20v, irtisanottu. Diabetes heikentänyt näköä, ei pysty "
                       "lukemaan näyttöä.",
                       label));
  cr_assert(finds_need("52v, ajoi bussia kakskyt vuotta, nyt selkä ei kestä istumista", label));
  cr_assert_not(finds_need("52v, selkä ei kestä istumista", label), "control: no working life");
  cr_assert_not(finds_need("47v, kirjanpitäjä 20v, irtisanottu, haluaa uuden työn", label),
                "control: no health limit");
}

/* Studies broken off again and again, and no direction, are the career
 * psychologist's and the career coaching's matter (their entries say so). */
Test(notes, studies_broken_off_again_and_no_direction_find_career_choice) {
  cr_assert(finds_need("25v, keskeyttänyt kolme eri koulutusta, nyt kotona",
                       "ammatinvalinta ja soveltuvuus"));
  cr_assert_not(
      finds_need("25v, keskeyttänyt koulutuksen, nyt kotona", "ammatinvalinta ja soveltuvuus"),
      "control: once");
  static const char *const CAREER[] = {"uravalmennus", "ammatinvalintapsykologi",
                                       "nuorten-urapalvelut", NULL};
  cr_assert(in_top("ei oo mitään hajua mitä haluis tehä, on 27, kaverit valmistunu", 5, CAREER));
}

/* Broken-off upper-secondary studies are a sign of youth: the youth
 * services are not held back for want of an age. */
Test(notes, broken_off_vocational_school_is_a_sign_of_youth) {
  kt_results *r = kt_test_search(e, "amis jäi kesken ku ei vaan jaksanu, nyt oon vaa himas", NULL);
  bool young = false;
  for (size_t i = 0; i < kt_results_signal_count(r); i++)
    young |= !strcmp(kt_results_signal(r, i)->value, "nuoret");
  kt_results_free(r);
  cr_assert(young);
}

/* A trade of the past left for another goal: its training is what the
 * client has, not what the note asks. */
Test(notes, the_trade_left_for_another_goal_is_not_trained_again) {
  cr_assert_gt(rank_of("Lähihoitaja 27v, väsynyt vuorotyöhön hoivassa, haluaa IT-tukihenkilöksi, "
                       "harrastaa pelikoneita.",
                       "lahihoitaja-aikuiskoulutus"),
               5);
  const char *welder = "Hitsaaja 35v, tehnyt 10 v konepajoissa, kyllästynyt, haluaa ohjelmoijaksi.";
  cr_assert_gt(rank_of(welder, "metalli-hitsaus-koulutus"), 5);
  cr_assert_leq(rank_of("Hitsaaja 35v, tehnyt 10 v konepajoissa, haluaa lisäkoulutusta "
                        "hitsaukseen, esim. hitsauspätevyys.",
                        "metalli-hitsaus-koulutus"),
                5, "control: the same trade as the goal");
}

/* Another person's matter names no service for the client: the wife's
 * start-up grant is no name of a service the client needs. */
Test(notes, a_service_named_for_another_person_gets_no_name_boost) {
  cr_assert(has_effect("Asiakas 34v, kysyy starttirahasta, haluaa perustaa kampaamon", 10,
                       "mainitsee palvelun nimeltä"),
            "control: the client's own");
  cr_assert_not(has_effect("Asiakas 34v, vaimo sai juuri starttirahan ja avasi oman kampaamon. "
                           "Asiakas itse on lähihoitaja ja hakee työtä kotihoidosta.",
                           10, "mainitsee palvelun nimeltä"));
}

/* Everyday words for wanting someone to talk to, and for feeling low. */
Test(notes, someone_to_talk_to_and_feeling_low) {
  cr_assert(finds_need("40v, uupunut, haluis jonnekin juttelemaan", "keskusteluapu"));
  cr_assert(finds_need("40v, työt loppui ja masentaa", "masennus"));
  cr_assert_not(finds_need("40v, työt loppui, haluaa jutella työnhausta", "keskusteluapu"),
                "control: talking about job search");
}

/* A man hit by his wife, and an injury that stops work for weeks. */
Test(notes, a_man_hit_by_his_wife_and_a_broken_ankle) {
  cr_assert(finds_need("Mies 45v, vaimo lyönyt monta kertaa, ei uskalla mennä kotiin",
                       "lähisuhdeväkivalta"));
  cr_assert(finds_need("40v, työtön, mursi nilkan ja jalka kipsissä 6 vk, mikä etuus nyt",
                       "sairauspäiväraha"));
}

/* Spoken "et" after a verb of saying is "että", not the negation verb: the
 * wish it reports stands ("sanoo et haluis teatteriin" is a wish for the
 * theatre the client cannot afford, Kaikukortti). */
Test(notes, spoken_et_reports_a_wish_and_denies_nothing) {
  static const char *const CULTURE[] = {"kaikukortti", NULL};
  const char *note = "52v, pitkään työttömänä, sanoo et haluis joskus konserttiin tai "
                     "teatteriin mut ei oo varaa";
  cr_assert(in_top(note, 3, CULTURE));
  cr_assert(finds_need(note, "harrastukset"));
  cr_assert_not(in_top("52v, pitkään työttömänä, sanoo ettei haluaisi konserttiin tai "
                       "teatteriin vaikka olisi varaa",
                       3, CULTURE),
                "control: the wish denied");
}

/* A client who will not book times and wants to come in person needs the
 * walk-in service for the over-30s (its entry: "ajanvarauksettomasti"). */
Test(notes, coming_in_person_without_booking_finds_the_walk_in_service) {
  static const char *const WALK_IN[] = {"tyollisyyden-palvelutori", NULL};
  cr_assert(in_top("45v mies, ei tykkää varata aikoja eikä soitella, tulisi mieluummin paikan "
                   "päälle kysymään töistä",
                   3, WALK_IN));
  cr_assert(finds_need("haluaa tulla suoraan paikan päälle", "ilman ajanvarausta"));
}

/* A trade named beside the client's age ("Siivooja 45v", "38v
 * kirjanpitäjä") is the trade the client holds: its training waits (the
 * effect "alan osaaja"), as after "15 vuotta siivoojana". A student is no
 * trade, and a note without the trade gets no such effect. */
/* Has service @p id, among the first 40 results, an effect whose signal is
 * @p signal, or (with @p signal NULL) whose reason says @p reason? */
/* The factor of the first effect on service @p id whose signal is @p signal
 * (or, with @p signal NULL, whose reason holds @p reason); 0 when it has
 * none. */
static double effect_on(const char *note, const char *id, const char *signal, const char *reason) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 100; /* the effect is asked about, not the rank */
  kt_results *r = kt_test_search(e, note, &o);
  double f = 0;
  for (size_t i = 0; i < kt_results_count(r) && !f; i++) {
    const kt_result *x = kt_results_get(r, i);
    if (strcmp(x->id, id)) continue;
    for (size_t k = 0; k < x->effect_count && !f; k++)
      if (signal ? !strcmp(x->effects[k].signal, signal)
                 : strstr(x->effects[k].reason, reason) != NULL)
        f = x->effects[k].factor;
  }
  kt_results_free(r);
  return f;
}

static bool service_has(const char *note, const char *id, const char *signal, const char *reason) {
  return effect_on(note, id, signal, reason) != 0;
}

static bool service_effect(const char *note, const char *id, const char *signal) {
  return service_has(note, id, signal, NULL);
}

static bool service_reason(const char *note, const char *id, const char *reason) {
  return service_has(note, id, NULL, reason);
}

Test(notes, a_trade_beside_the_age_is_the_trade_held) {
  cr_assert(service_effect("Siivooja 45v, työtön, etsii uutta siivoustyötä",
                           "laitoshuoltaja-puhtausala", "alan osaaja"));
  cr_assert(service_effect("45v siivooja, työtön, etsii uutta työtä siivousalalta",
                           "laitoshuoltaja-puhtausala", "alan osaaja"));
  cr_assert_not(
      service_effect("45v, työtön, etsii siivoustyötä", "laitoshuoltaja-puhtausala", "alan osaaja"),
      "control: no trade named");
  cr_assert_not(service_effect("45v, haluaa siivoojaksi, etsii koulutusta siivousalalle",
                               "laitoshuoltaja-puhtausala", "alan osaaja"),
                "control: the trade as a goal");
}

/* Going on in a trade ("haluaa jatkaa kokkina") is a goal of work in a
 * trade the client has: the trade's basic training waits. */
Test(notes, going_on_in_a_trade_is_the_trade_held) {
  cr_assert(service_effect("Ravintola meni konkurssiin keväällä. Haluaa jatkaa kokkina.",
                           "ravintola-kokki-perho", "alan osaaja"));
  cr_assert_not(service_effect("Ravintola meni konkurssiin keväällä. Haluaa kokiksi.",
                               "ravintola-kokki-perho", "alan osaaja"),
                "control: a trade wished for");
}

/* Thesaurus entries of the seventh session, each from its service's entry:
 * a student's exhaustion is the students' health care's (its keywords
 * "opinnot jumissa", "yliopisto-opiskelija"); mapping the client's skills
 * is the skills assessment; one who cannot look after their money is
 * guardianship's ("ei pysty hoitamaan asioitaan"). */
Test(notes, a_students_exhaustion_skills_mapping_and_guardianship) {
  cr_assert(
      finds_need("opiskelee yliopistolla, uupunut ja opinnot jumissa", "opiskelijan terveys"));
  cr_assert_not(finds_need("ollut varastolla, uupunut", "opiskelijan terveys"), "control");
  cr_assert(
      finds_need("halutaan kartoittaa osaaminen ennen koulutusvalintaa", "osaamisen kartoitus"));
  cr_assert(finds_need("32v mies, aivovamma kolarin jälkeen, ei pysty hoitamaan raha-asioitaan",
                       "edunvalvonta"));
  static const char *const GUARD[] = {"yleinen-edunvalvonta", NULL};
  cr_assert(
      in_top("32v mies, aivovamma kolarin jälkeen, ei pysty hoitamaan raha-asioitaan", 10, GUARD));
}

/* An employer's bankruptcy is a job lost, not the client's business
 * failing: "yritys" is no sign of the client's own firm (the thesaurus
 * context had held "lafka", which is read as "yritys"). */
Test(notes, an_employers_bankruptcy_is_not_the_clients_business_failing) {
  cr_assert_not(finds_need("Työnantaja meni konkurssiin, ajoi samassa kuljetusyrityksessä",
                           "yrittäjän talousvaikeudet"));
  cr_assert(
      finds_need("Oma yritys meni konkurssiin, toiminimellä velkaa", "yrittäjän talousvaikeudet"),
      "control: the client's own firm");
}

/* "vapautui juuri" alone is no release from prison: "Lapsille vapautui
 * juuri päiväkotipaikka" (a day-care place came free). */
Test(notes, a_place_that_came_free_is_no_release_from_prison) {
  cr_assert_not(finds_need("Lapsille vapautui juuri päiväkotipaikka tammikuusta, haluaa töihin",
                           "vankilasta vapautuminen"));
  cr_assert(
      finds_need("vapautui vankilasta viime viikolla, haluaa töihin", "vankilasta vapautuminen"),
      "control");
}

/* A degree named as the client's in a note that tells ("logistiikan
 * perustutkinto ja trukkikortti") is held: its training waits. Not in a
 * list of keywords, where it is the ask, nor when it is lacking. */
Test(notes, a_degree_named_as_the_clients_is_held) {
  cr_assert(
      service_effect("Mies 31v, logistiikan perustutkinto ja trukkikortti. Haluaa varastotöihin.",
                     "logistiikka-varastoala", "alan osaaja"));
  cr_assert_not(service_effect("logistiikan perustutkinto aikuisena", "logistiikka-varastoala",
                               "alan osaaja"),
                "keywords: the degree is the ask");
  cr_assert_not(
      service_effect("Mies 31v, logistiikan perustutkinto jäi kesken. Haluaa varastotöihin.",
                     "logistiikka-varastoala", "alan osaaja"),
      "an unfinished degree is not held");
}

/* Years in a role told as the present ("Suomessa kuusi vuotta siivoojana")
 * are the trade held, as years in the past are. */
Test(notes, years_in_a_role_of_now_are_the_trade_held) {
  cr_assert(
      service_effect("40-v, Suomessa kuusi vuotta siivoojana, haluaa linja-autonkuljettajaksi.",
                     "laitoshuoltaja-puhtausala", "alan osaaja"));
  cr_assert_not(service_effect("40-v, haluaa siivoojaksi, kysyy koulutuksesta.",
                               "laitoshuoltaja-puhtausala", "alan osaaja"),
                "control: the trade as the goal");
}

/* Refusing to be an entrepreneur again demotes the services for founding a
 * firm ("ei halua yrittäjäksi"), not a refused kind ("päätoimiseksi") nor a
 * sole trader's name refused while asking how to invoice. */
Test(notes, refusing_to_found_a_firm_demotes_the_founders_services) {
  cr_assert(service_effect("40v valokuvaaja, ollut kymmenen vuotta freelancerina toiminimellä, "
                           "toiminimi nyt lopetettu. Ei halua enää yrittäjäksi, vaan "
                           "kuukausipalkkaiseen työhön.",
                           "starttiraha", "ei halua yrittäjäksi"));
  cr_assert_not(service_effect("Graafikko, ei aio ryhtyä päätoimiseksi yrittäjäksi, miten voisi "
                               "laskuttaa pari keikkaa?",
                               "kevytyrittajyys-laskutuspalvelut", "ei halua yrittäjäksi"),
                "a kind of entrepreneurship refused");
  cr_assert_not(
      service_effect("Muusikko, ei haluis perustaa toiminimee, miten voi laskuttaa keikat?",
                     "kevytyrittajyys-laskutuspalvelut", "ei halua yrittäjäksi"),
      "a sole trader's name refused");
}

/* A family leave denied is no need of returning from one, and "eikä" goes
 * on with the same denial ("ei perhevapaita eikä kotihoitoa"). */
Test(notes, a_denied_family_leave_and_its_list_find_nothing) {
  cr_assert_not(
      finds_need("36v, ei lapsia, ei perhevapaita eikä kotihoitoa, haluaa asiakaspalveluun",
                 "paluu työelämään perhevapaalta"));
  cr_assert_not(
      finds_need("36v, ei lapsia, ei perhevapaita eikä kotihoitoa, haluaa asiakaspalveluun",
                 "hoiva- ja hoitoala"),
      "eikä goes on with the denial");
  cr_assert(finds_need("36v, ollut perhevapaalla kolme vuotta, haluaa asiakaspalveluun",
                       "paluu työelämään perhevapaalta"),
            "control: a family leave had");
  cr_assert(finds_need("36v, kotihoito kiinnostaa, haluaa lähihoitajaksi", "hoiva- ja hoitoala"),
            "control: home care named as the goal");
}

/* "Raitis" alone is a trait, no recovery to support; sobriety with its
 * months or its substance is ("raittiina 8 kk": an adjective's essive is a
 * state, which a weak word may be in). */
Test(notes, sober_alone_is_a_trait_and_sober_for_months_a_recovery) {
  cr_assert_not(finds_need("46v mies, pari vuotta talonmiehenä. Raitis, ei päihteitä eikä ole "
                           "koskaan ollut päihdeongelmaa. Haluaa kiinteistönhoitajaksi.",
                           "raittius ja päihteistä toipuminen"));
  cr_assert_not(finds_need("33v, raitis aina ollut, hakee remonttitöitä.",
                           "raittius ja päihteistä toipuminen"));
  cr_assert(finds_need("50v, joi 20 vuotta, nyt ollut raittiina 8 kk, haluaa töihin.",
                       "raittius ja päihteistä toipuminen"),
            "control: months of sobriety");
  cr_assert(finds_need("34v, ennen amfetamiinia, nyt raitis 2v, haluaa töihin.",
                       "raittius ja päihteistä toipuminen"),
            "control: sober from a substance");
}

/* A firm closed without debts is no debt problem. */
Test(notes, a_firm_closed_without_debts_finds_no_debts) {
  cr_assert_not(finds_need("44 v, piti kampaamoa, yritys lopetettu ilman velkoja; nyt haluaa "
                           "palkkatyöhön hoiva-alalle.",
                           "velat ja talousvaikeudet"));
  cr_assert(finds_need("44 v, piti kampaamoa, yritys lopetettu ja jäi velkoja; nyt haluaa "
                       "palkkatyöhön hoiva-alalle.",
                       "velat ja talousvaikeudet"),
            "control: debts left");
}

/* Debts denied as left over after a business closed ("velkoja ei jäänyt")
 * are no debts, as "velkoja ei ole" are none. */
Test(notes, debts_not_left_over_are_no_debts) {
  cr_assert_not(finds_need("52v, piti pientä pesulaa 15 vuotta ja lopetti sen keväällä. Velkoja "
                           "ei jäänyt. Haluaa palkkatyöhön.",
                           "velat ja talousvaikeudet"));
  cr_assert(finds_need("52v, piti pientä pesulaa 15 vuotta ja lopetti sen keväällä. Velkoja "
                       "jäi. Haluaa palkkatyöhön.",
                       "velat ja talousvaikeudet"),
            "control: debts left over");
}

/* Sober after "ja" and a verb of its own says nothing of what came before
 * it: "vapautuu vankilasta ensi kuussa ja on raitis" is still a release
 * from prison, while "alkoholista ja huumeista raittiina" is sober of both. */
Test(notes, sober_after_a_clause_of_its_own_leaves_it_alone) {
  cr_assert(finds_need("Mies 41v vapautuu vankilasta ensi kuussa ja on raitis. Haluaa töihin.",
                       "vankilasta vapautuminen"));
  cr_assert(finds_need("Man, 38, friges från fängelset i vår och är nykter. Vill jobba.",
                       "vankilasta vapautuminen"));
  cr_assert_not(finds_need("45v, alkoholista ja huumeista raittiina 8 kk, haluaa töihin.",
                           "päihdehoito ja -kuntoutus"),
                "control: sober of a list of substances");
}

static bool signals_group(const char *note, const char *group);

/* A partner in prison is the relatives' need: Krits supports prisoners'
 * partners and children. The client has no record of their own, so the
 * group of those with one is not shown as the client's. */
Test(notes, a_partner_in_prison_is_the_relatives_need) {
  static const char *const KRITS[] = {"krits", NULL};
  const char *const note = "39v nainen, kaupan kassa. Avomies tuomittiin keväällä kolmeksi "
                           "vuodeksi vankeuteen, ja nyt hän hoitaa kolmea lasta yksin. Kysyy, "
                           "mistä saisi tukea arkeen.";
  cr_assert(finds_need(note, "vangin läheinen"));
  cr_assert(in_top(note, 3, KRITS));
  cr_assert_not(signals_group(note, "rikostaustaiset"));
  cr_assert(signals_group("Mies 41v vapautuu vankilasta ensi kuussa, etsii siivoustyötä.",
                          "rikostaustaiset"),
            "control: the client's own release");
  cr_assert_not(finds_need("39v nainen, kaupan kassa. Avomies sai keväällä sakot ylinopeudesta, ja "
                           "nyt hän hoitaa kolmea lasta yksin. Kysyy, mistä saisi tukea arkeen.",
                           "vangin läheinen"),
                "control: fines, no prison");
}

/* A weak word whose concept the note denies is a pastime, not a need:
 * "pelaa paljon, mutta ei rahapelejä" does not put the young's substance
 * and gaming services among the first five. */
Test(notes, play_beside_denied_gambling_is_a_pastime) {
  const char *const ids[] = {"nuorten-paihdepalvelut", "peliklinikka", NULL};
  cr_assert_not(in_top("24v, lopetti ammattikoulun kesken, asuu kavereiden nurkissa. Pelaa "
                       "paljon, mutta ei rahapelejä.",
                       5, ids));
  cr_assert(
      in_top("24v, lopetti ammattikoulun kesken, asuu kavereiden nurkissa. Pelaa paljon.", 5, ids),
      "control: play alone keeps its weight");
}

/* A job loss denied in the passive did not happen: "häntä ei lomautettu
 * eikä irtisanottu" finds neither a lay-off nor a dismissal. */
Test(notes, a_job_loss_denied_in_the_passive_did_not_happen) {
  const char *n = "34v, irtisanoutui itse. Häntä ei lomautettu eikä irtisanottu, lähtö oli oma "
                  "päätös. Haluaa asiakaspalvelutyötä.";
  cr_assert_not(finds_need(n, "irtisanominen"));
  cr_assert_not(finds_need(n, "lomautus"));
  cr_assert(finds_need("34v, hänet irtisanottiin, haluaa asiakaspalvelutyötä.", "irtisanominen"),
            "control");
}

/* "kirjoille" (on the books: registered) shares its base form with "kirjolla"
 * (on the spectrum): alone it is no autism spectrum. */
Test(notes, on_the_books_is_no_spectrum) {
  cr_assert_not(finds_need("45v, tehny pimeitä keikkoja raksoilla, nyt haluis kirjoille ja "
                           "oikeisiin töihin",
                           "autismikirjo"));
  cr_assert(finds_need("22v, epäillään että on kirjolla, diagnoosia ei vielä ole", "autismikirjo"),
            "control: with a word of diagnosis");
}

/* Panic attacks in Swedish are the anxiety concept's. */
Test(notes, panic_attacks_in_swedish_are_anxiety) {
  cr_assert(finds_need("Arbetslös grafiker, har fått panikattacker på bussen.", "ahdistus"));
  cr_assert_not(finds_need("Arbetslös grafiker, söker jobb på bussdepån.", "ahdistus"), "control");
}

/* A negation typed without its umlauts ("eika", "eivat") is one. */
Test(notes, a_negation_without_umlauts) {
  cr_assert(finds_need("hakenu yli 200 tyopaikkaa eika yhtaan haastattelua", "työnhaku ei tuota"));
  cr_assert_not(finds_need("hakee tyopaikkaa, eika velkoja", "velat"), "denied without umlauts");
  cr_assert_not(
      finds_need("36v, ei lapsia, ei perhevapaita eika kotihoitoa, haluaa asiakaspalveluun",
                 "hoiva- ja hoitoala"),
      "eika goes on with the denial as eikä does");
  cr_assert(finds_need("hakee tyopaikkaa, velkoja paljon", "velat"), "control");
}

/* English said fluent with Finnish ("suomi ja englanti sujuvat") is a fact:
 * the client needs no services in English; English without Finnish does. */
Test(notes, english_fluent_beside_finnish_is_no_need) {
  cr_assert_not(
      finds_need("Suomi ja englanti sujuvat, hakee asiakaspalvelutyötä.", "asioi englanniksi"));
  cr_assert_not(
      finds_need("Tradenomi, suomi ja englanti sujuvat, hakee töitä.", "asioi englanniksi"),
      "after a trade too");
  cr_assert_not(
      finds_need("Hakee asiakaspalvelutyötä. Suomi ja englanti sujuvat", "asioi englanniksi"),
      "as the last words of the note");
  cr_assert(
      finds_need("Ei puhu suomea, englanti sujuu, hakee asiakaspalvelutyötä.", "asioi englanniksi"),
      "control: English without Finnish");
}

/* A result found only by generic words ("nainen") is no result: the note
 * of a woman who wants to be a guard shows no services for women who have
 * met violence, at any rank. A word of need beside it, or a note of one or
 * two words, still finds them. */
Test(notes, a_generic_word_alone_finds_no_result) {
  const char *n = "Ei ole rikostaustaa, ei velkoja. 30v nainen haluaa vartijaksi.";
  cr_assert_eq(rank_of(n, "naisten-linja"), 1000);
  cr_assert_eq(rank_of(n, "monika-naiset"), 1000);
  cr_assert_lt(rank_of(n, "vartijan-peruskoulutus"), 2, "the need itself is still found");
  cr_assert_lt(rank_of("30v nainen, entinen puoliso uhkailee, haluaa vartijaksi", "naisten-linja"),
               10, "control: violence named");
  cr_assert_lt(rank_of("nainen", "naisten-linja"), 10, "control: a one-word search");
}

/* A former prisoner ("ex-vanki") has a criminal record: the need is found,
 * not read as another person's matter. */
Test(notes, an_ex_prisoner_has_a_criminal_record) {
  cr_assert(finds_need("mies 35v, ex-vanki, asuu tukiasunnossa, tarvii töitä", "rikostausta"));
  cr_assert_not(finds_need("mies 35v, asuu tukiasunnossa, tarvii töitä", "rikostausta"), "control");
}

/* "Vain Espoossa saatavat palvelut": a service of another municipality only
 * is demoted far more than when the note just tells where the client
 * lives. */
static double area_factor(const char *note, const char *id) {
  kt_results *r;
  const kt_result *x = result_for(note, id, &r);
  double f = -1;
  for (size_t k = 0; x && k < x->effect_count; k++)
    if (!strncmp(x->effects[k].signal, "asuinkunta", 10)) f = x->effects[k].factor;
  kt_results_free(r);
  return f;
}

Test(notes, services_of_the_municipality_only_when_the_note_asks) {
  const char *lives = "Espoolainen 38v, irtisanottiin varastolta, hakee uutta työtä.";
  const char *only = "Espoolainen 38v, irtisanottiin varastolta, hakee uutta työtä. Vain Espoossa "
                     "tai koko maassa saatavat palvelut.";
  double a = area_factor(lives, "lomautettujen-tyonhakupalvelut"),
         b = area_factor(only, "lomautettujen-tyonhakupalvelut");
  cr_assert_gt(a, 0, "no municipality effect where the client lives");
  cr_assert(b > 0 && b < a, "only there: %.2f, lives there: %.2f", b, a);
}

/* Being late or forgetful alone is no ADHD ("sai potkut kun myöhästeli");
 * with a word of concentration it is. */
Test(notes, lateness_alone_is_no_adhd) {
  cr_assert_not(
      finds_need("Sai potkut kassalta koska myöhästeli, nyt 21v, haluaa ammattiin.", "ADHD"));
  cr_assert(finds_need("21v, myöhästelee ja keskittyminen ei onnistu, haluaa ammattiin.", "ADHD"),
            "control: with concentration");
}

/* "ei sairauksia" denies illness: no service matches the illness word, as
 * none matches a debt denied. A lack ("ei tutkintoa") still searches. */
static bool word_matches(const char *note, const char *word) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 30;
  kt_results *r = kt_test_search(e, note, &o);
  bool hit = false;
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->match_count; k++)
      hit |= !strcmp(x->matches[k].word, word);
  }
  kt_results_free(r);
  return hit;
}

Test(notes, no_illness_is_no_lack_of_one) {
  cr_assert_not(
      word_matches("35v kokki, hakee ravintolatyötä. Terve, ei sairauksia.", "sairauksia"));
  cr_assert(word_matches("35v kokki, hakee ravintolatyötä. Ei tutkintoa.", "tutkintoa"),
            "control: a lack searches");
}

/* A time of day says when, not what: "valvoo yöt", "illat menee pelatessa"
 * had carried 62 % of a night-open chat's score through its opening hours. */
static double largest_share(const char *note, const char *const *words) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 30;
  kt_results *r = kt_test_search(e, note, &o);
  double most = 0;
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->match_count; k++)
      for (const char *const *w = words; *w; w++)
        if (!strcmp(x->matches[k].word, *w) && x->matches[k].weight > most)
          most = x->matches[k].weight;
  }
  kt_results_free(r);
  return most;
}

Test(notes, a_time_of_day_carries_no_result) {
  static const char *const TIMES[] = {"yöt", "illat", "päivät", "aamuisin", NULL};
  double most = largest_share("Nuori 19v valvoo yöt ja nukkuu aamuisin, illat ja päivät menee "
                              "pelatessa. Haluaisi opiskelemaan syksyllä.",
                              TIMES);
  cr_assert(most < 0.2, "a time of day carries %.0f %% of a result", 100 * most);
  static const char *const DEBT[] = {"velat", NULL};
  cr_assert(largest_share("Nuori 19v, velat kasvaa, haluaisi opiskelemaan.", DEBT) > 0.2,
            "control: a need's word carries its result");
}

/* "haluaa töihin lastenhoitoon" is work in childcare, not a day-care place
 * for the client's children; childcare for one's children still is. */
Test(notes, work_in_childcare_is_no_need_of_day_care) {
  const char *n = "Lapset jo aikuisia, 52v nainen, haluaa töihin lastenhoitoon.";
  cr_assert(finds_need(n, "päiväkoti- ja lastenhoitotyö"));
  cr_assert_not(finds_need(n, "lastenhoito ja päivähoitopaikka"));
  cr_assert(finds_need("Äiti 30v, lapset 2v ja 4v, lastenhoito ei järjesty, haluaa kurssille.",
                       "lastenhoito ja päivähoitopaikka"),
            "control: her children's care");
}

/* The head of a hyphenated word searches ("Helsinki-lisä": "lisä" had been
 * dropped as a null word), and a service whose name is such a word is
 * named by it. */
Test(notes, the_head_of_a_hyphenated_word_searches_and_names) {
  cr_assert(word_matches("Helsinki-lisä työnantajalle, miten haetaan?", "lisä"));
  cr_assert_eq(rank_of("Helsinki-lisä työnantajalle", "helsinki-lisa"), 0);
}

/* A service only for people recovering from substance use or with a
 * criminal record is demoted for a note without a sign of either, past
 * included; with one it is not. */
static bool problem_group_demoted(const char *note, const char *id) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 50;
  kt_results *r = kt_test_search(e, note, &o);
  int k = kt_test_rank(r, id);
  bool d = false;
  const kt_result *x = k < 0 ? NULL : kt_results_get(r, (size_t)k);
  for (size_t i = 0; x && i < x->effect_count; i++)
    d |= x->effects[i].reason && strstr(x->effects[i].reason, "päihteistä toipuville") &&
         x->effects[i].factor < 1;
  cr_assert(x, "%s not in the top 50 of: %s", id, note);
  kt_results_free(r);
  return d;
}

Test(notes, services_for_recovery_only_need_a_sign_of_it) {
  cr_assert(problem_group_demoted(
      "33v hakee remontti- ja kiinteistöhuoltotöitä. Ei päihdetaustaa eikä rikosrekisteriä.",
      "sininauha-oy"));
  cr_assert_not(problem_group_demoted("33v, käytti amfetamiinia vuosia, nyt puhdas, hakee "
                                      "remontti- ja kiinteistöhuoltotöitä.",
                                      "sininauha-oy"),
                "control: a past of substance use");
}

/* The role of the need whose label contains @p label: -1 if none. */
static int need_role(const char *note, const char *label) {
  kt_results *r = kt_test_search(e, note, NULL);
  int role = -1;
  for (size_t i = 0; i < kt_results_need_count(r); i++)
    if (strstr(kt_results_need(r, i)->label, label)) role = kt_results_need(r, i)->role;
  kt_results_free(r);
  return role;
}

/* The reason given for asking services in one way only ("vain verkossa,
 * koska pienet lapset kotona") is why they must be so, not a need: no
 * family service in the top 5. Told as a need of its own, the children's
 * care is one. */
Test(notes, the_reason_for_a_way_of_delivery_is_no_need) {
  static const char *const FAMILY[] = {"tuetut-lomat", "yhden-vanhemman-perheiden-liitto",
                                       "varhaiskasvatus-tyonhaun-ajaksi", "mll-perhekahvilat",
                                       NULL};
  const char *reason = "Nainen 34v, entinen kampaaja, allergia esti jatkamasta alalla. Kysyy "
                       "palveluja vain verkossa, koska pienet lapset kotona.";
  cr_assert_not(in_top(reason, 5, FAMILY));
  cr_assert_eq(need_role(reason, "vanhemmuus ja lapsiperhe"), KT_ROLE_BACKGROUND);
  cr_assert(in_top("Nainen 34v, entinen kampaaja, allergia esti jatkamasta alalla. Kysyy "
                   "palveluja vain verkossa. Pienet lapset kotona, tarvitsee hoitopaikan.",
                   1, FAMILY),
            "control: the children's care as a need");
}

/* A relative's violence or death is the client's own matter: a violent
 * father is domestic violence ("isä on väkivaltainen", the copula between
 * the words of the thesaurus phrase), a father's death last week the
 * client's grief, not a relative's matter told in passing. */
Test(notes, a_relatives_violence_or_death_is_the_clients_matter) {
  cr_assert_eq(
      need_role("19v haluaa muuttaa pois kotoa, koska isä on väkivaltainen", "lähisuhdeväkivalta"),
      KT_ROLE_SITUATION);
  cr_assert(in_top("19v haluaa muuttaa pois kotoa, koska isä on väkivaltainen", 5,
                   (const char *const[]){"turvakoti", NULL}));
  int grief = need_role("isä kuoli viime viikolla, ei jaksa tulla työkokeiluun", "suru");
  cr_assert(grief == KT_ROLE_SITUATION || grief == KT_ROLE_GOAL, "role %d", grief);
  cr_assert_eq(need_role("isä oli vuosia vankilassa, hakee varastotöitä", "vanki"),
               KT_ROLE_BACKGROUND, "control: a relative's own past stays theirs");
}

/* English "broke" is a past tense as often as no money: only "is broke",
 * "am broke", "flat broke" say the money ran out. */
Test(notes, broke_a_wrist_is_no_money_problem) {
  cr_assert_not(finds_need("He fell from a ladder and broke his wrist, needs work", "riitä"));
  cr_assert(finds_need("He is broke and cannot pay the rent", "riitä"), "control");
}

/* Safety and rights at work (from the occupational safety authority's
 * advice): a workplace without protective gear, a boss who threatens; the
 * work-safety card is a course, not a complaint. */
Test(notes, rights_at_work_find_the_safety_authority) {
  const char *const SAFETY[] = {"tyosuojelun-neuvonta", NULL};
  cr_assert(in_top("Varastossa käsitellään vaarallisia aineita ilman suojaimia", 3, SAFETY));
  cr_assert(finds_need("esihenkilö uhkailee potkuilla, mitä oikeuksia hänellä on", "työsuojelu"));
  cr_assert_not(finds_need("tarvitsee työturvallisuuskortin rakennustöihin", "työsuojelu"),
                "control: the card");
}

/* A thesaurus phrase does not run over a clause's end: "English good,
 * Finnish basic" is no good Finnish; a clause it goes on into with a
 * question word is its object ("ei tiedä, mitä haluaa"). */
Test(notes, a_phrase_stays_in_its_clause) {
  cr_assert_not(
      finds_need("Client from Pakistan, 29, cleaner. English good, Finnish basic.", "hyvä suomen"));
  cr_assert(finds_need("Client from Pakistan, 29, cleaner. Good Finnish.", "hyvä suomen"),
            "control");
  cr_assert(finds_need("19v, keskeytti opinnot, eikä tiedä, mitä haluaa.", "suunta"));
}

/* Work for the state is a public-sector job, as work for the city is. */
Test(notes, work_for_the_state_is_a_public_sector_job) {
  cr_assert(finds_need("31v maisteri, haluaa valtiolle töihin", "kunnan ja valtion"));
  cr_assert(in_top("31v maisteri, haluaa valtiolle töihin", 3,
                   (const char *const[]){"valtiolle-fi", NULL}));
}

/* A Swedish note of a dropout is read as one: the age after "hon är", the
 * dropped upper-secondary school; not the languages she speaks. */
Test(notes, a_swedish_dropout_is_read) {
  const char *note = "Hon är 19, har hoppat av gymnasiet, vill jobba med bilar. "
                     "Talar svenska och finska.";
  cr_assert(finds_need(note, "keskeytyneet opinnot"));
  cr_assert(
      in_top(note, 3, (const char *const[]){"ohjaamo-helsinki", "nuorten-urapalvelut", NULL}));
  cr_assert_not(
      in_top(note, 3, (const char *const[]){"mieli-kriisipuhelin", "naisten-linja", NULL}));
}

/* A cause inside a negated capacity: both the capacity ("ei jaksa", "ei
 * pysty hoitamaan raha-asioitaan") and the cause are needs. */
Test(notes, a_cause_inside_a_negated_capacity_is_read_too) {
  const char *note = "38v mies ei aivovamman jälkeen pysty hoitamaan raha-asioitaan";
  cr_assert(finds_need(note, "edunvalvonta"));
  cr_assert(finds_need(note, "pitkäaikaissairaus"));
  cr_assert(finds_need("ei masennuksen takia jaksa töihin", "uupumus"));
  cr_assert(finds_need("ei masennuksen takia jaksa töihin", "masennus"));
}

/* A spoken function word opens and stands in a thesaurus phrase as its
 * written form does: "ollu kotona" is "ollut kotona". */
Test(notes, a_spoken_function_word_stands_in_a_phrase) {
  const int any_role = -1;
  cr_assert_neq(need_role("ollu kotona 18 vuotta lasten kanssa, haluis töihin", "perhevapaalta"),
                any_role);
  cr_assert_neq(need_role("ollut kotona 18 vuotta lasten kanssa, haluaa töihin", "perhevapaalta"),
                any_role, "control: the written form");
}

/* Never registered as unemployed is the need to register ("koskaan" may
 * stand inside the phrase); registered already is no such need. */
Test(notes, never_registered_is_the_need_to_register) {
  cr_assert(finds_need("30v, ei ole koskaan ilmoittautunut työttömäksi, haluaa töihin",
                       "ilmoittautuminen"));
  cr_assert(in_top("30v, ei ole koskaan ilmoittautunut työttömäksi, haluaa töihin", 3,
                   (const char *const[]){"alkuhaastattelu-tyonhakukeskustelut", NULL}));
  cr_assert_not(
      finds_need("30v, ilmoittautunut työnhakijaksi, haluaa varastotöihin", "ilmoittautuminen"),
      "control: registered");
}

/* A service named only in the client's past is not named as a need: the
 * name boost is for what the note asks now. */
Test(notes, a_service_named_in_the_past_is_not_asked_for) {
  cr_assert_not(service_effect("45v, oli aiemmin työkokeilussa varastolla. Haluaa nyt kokiksi.",
                               "tyokokeilu", "palvelun nimi"));
  cr_assert(service_effect("45v, haluaa työkokeiluun varastolle.", "tyokokeilu", "palvelun nimi"),
            "control: named as the wish");
}

/* "Vain palvelut, jotka eivät edellytä B-ajokorttia": a service whose
 * requirements ask for the licence goes below; one whose requirements say
 * it is not needed ("ajokorttia ei tarvita") stays. Control: the same note
 * limited only by the city. */
Test(notes, a_requirement_the_note_rules_out_puts_the_service_below) {
  static const char *const LICENCE[] = {"taksinkuljettajan-ajolupa",
                                        "kuorma-autonkuljettajan-koulutus",
                                        "bussinkuljettajan-rekrykoulutus", NULL};
  static const char *const FORKLIFT[] = {"trukkikortti", NULL};
  const char *ruled = "27v mies, ei ajokorttia. Kiinnostaa kuljetusala ja varastotyöt. Vain "
                      "palvelut, jotka eivät edellytä B-ajokorttia.";
  const char *city = "27v mies, ei ajokorttia. Kiinnostaa kuljetusala ja varastotyöt. Vain "
                     "palvelut Helsingissä.";
  cr_assert(in_top(city, 5, LICENCE), "control: the licence services fit the field");
  cr_assert_not(in_top(ruled, 5, LICENCE));
  cr_assert(in_top(ruled, 5, FORKLIFT), "its requirements say no licence is needed");
}

/* The requirement read in a compound and through gradation ("kassassa" in
 * "Työttömyyskassan jäsenyys", "liitossa" in "Jäsenyys liitossa"), and only
 * in the requirements' first sentence: the basic benefit's "saa ensin kassan
 * päivärahaa" is no requirement of membership. */
Test(notes, a_membership_the_note_rules_out) {
  static const char *const MEMBERS[] = {"ansiopaivaraha-tyottomyyskassat",
                                        "ammattiliittojen-urapalvelut", NULL};
  static const char *const BASIC[] = {"tyomarkkinatuki-peruspaivaraha", NULL};
  const char *ruled = "45v mies irtisanottiin, ei kuulu liittoon eikä kassaan. Haluaa uuden "
                      "suunnan ja tietää, mistä rahaa tulee. Vain palvelut, jotka eivät edellytä "
                      "jäsenyyttä liitossa tai kassassa.";
  /* (Membership unknown in the control: "ei kuulu liittoon eikä kassaan"
   * rules the members' services out by itself, see
   * denied_circumstances_are_no_need.) */
  const char *city = "45v mies irtisanottiin, ei tiedä kuuluuko kassaan. Haluaa uuden suunnan "
                     "ja tietää, mistä rahaa tulee. Vain palvelut Helsingissä.";
  cr_assert(in_top(city, 5, MEMBERS), "control");
  cr_assert_not(in_top(ruled, 5, MEMBERS));
  cr_assert(service_reason(ruled, "ansiopaivaraha-tyottomyyskassat", "ettei palvelu saa"));
  cr_assert(service_reason(ruled, "ammattiliittojen-urapalvelut", "ettei palvelu saa"));
  cr_assert_not(service_reason(city, "ansiopaivaraha-tyottomyyskassat", "ettei palvelu saa"),
                "control: no requirement ruled out");
  cr_assert(in_top(ruled, 5, BASIC));
}

/* The own municipality's services fit (a boost for the home municipality)
 * whether the note says where the client lives or the counsellor sets it. */
static bool home_boost(const char *note, const char *municipality, const char *id) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 100;
  o.client_municipality = municipality;
  kt_results *r = kt_test_search(e, note, &o);
  bool boost = false;
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    if (strcmp(x->id, id)) continue;
    for (size_t k = 0; k < x->effect_count; k++)
      boost |= x->effects[k].factor > 1 && strstr(x->effects[k].signal, "asuinkunta") != NULL;
  }
  kt_results_free(r);
  return boost;
}

Test(notes, the_municipality_set_by_the_counsellor_fits_as_read) {
  const char *note = "45v, irtisanottiin varastolta, kysyy työllisyysalueen palveluista.";
  cr_assert(home_boost("Asuu Espoossa. 45v, irtisanottiin varastolta, kysyy työllisyysalueen "
                       "palveluista.",
                       NULL, "espoon-tyollisyysalue"),
            "as read");
  cr_assert(home_boost(note, "Espoo", "espoon-tyollisyysalue"), "as set");
  cr_assert(home_boost(note, "Kerava", "vantaan-keravan-tyollisyysalue"), "an area of two");
  cr_assert_not(home_boost(note, "Helsinki", "espoon-tyollisyysalue"), "not another's");
}

/* A need that comes first (`first: yes` in the thesaurus): signs of a
 * psychosis no one treats come before the course the client asks for, and
 * the care leads; without the signs, or with the deferral off, the course
 * leads. */
Test(notes, a_need_that_comes_first_leads_and_defers_the_request) {
  const char *signs = "40v nainen kertoo, että naapurit puhuvat hänestä seinien läpi ja radio "
                      "lähettää hänelle viestejä. Haluaa vartijakoulutukseen.";
  cr_assert_eq(rank_of("40v nainen haluaa vartijakoulutukseen.", "vartijan-peruskoulutus"), 0,
               "control: the course leads without the signs");
  int care = rank_of(signs, "psykiatria-ja-paihdekeskukset"),
      course = rank_of(signs, "vartijan-peruskoulutus");
  cr_assert_eq(care, 0, "care at %d, course at %d", care, course);
  cr_assert_gt(course, care);
  cr_assert_eq(kt_engine_set_param(e, "demote_deferred", 1.0), KT_OK);
  cr_assert_eq(rank_of(signs, "vartijan-peruskoulutus"), 0, "control: deferral off");
}

/* A loss of the last weeks comes first; one of years ago does not: the
 * course the client asks for leads and no crisis line is in the top 5. */
Test(notes, a_recent_loss_comes_first_an_old_one_does_not) {
  static const char *const CRISIS[] = {"mieli-kriisipuhelin", "sosiaali-ja-kriisipaivystys", NULL};
  static const char *const CODING[] = {"hive-helsinki", "ict-muuntokoulutus", NULL};
  const char *recent = "Vaimo kuoli kaksi viikkoa sitten liikenneonnettomuudessa. 45v mies haluaa "
                       "heti ohjelmointikurssille, ettei tarvitse ajatella.";
  cr_assert_eq(rank_of(recent, "mieli-kriisipuhelin"), 0);
  cr_assert(
      in_top("Vaimo kuoli kuusi vuotta sitten. 45v mies haluaa ohjelmointikurssille.", 1, CODING));
  cr_assert_not(
      in_top("Vaimo kuoli kuusi vuotta sitten. 45v mies haluaa ohjelmointikurssille.", 5, CRISIS));
}

/* Memory lapses no doctor has seen, behind a request for a course: the
 * request (what the client asks: "kysyy vain") gives way. Without the
 * lapses the course is in the top 5. */
Test(notes, symptoms_no_one_has_looked_at_defer_a_request) {
  static const char *const CARD[] = {"trukkikortti", NULL};
  cr_assert(in_top("61v mies, varastotyöntekijä. Kysyy vain trukkikorttikurssia.", 5, CARD),
            "control");
  const char *lapses = "61v mies, varastotyöntekijä. Unohtelee sovittuja tapaamisia ja eksyi "
                       "viime viikolla tutulla reitillä kotiin. Kysyy vain trukkikorttikurssia.";
  cr_assert(finds_need(lapses, "selvittämättömät oireet"));
  /* "toista" is another one here, not "repeat": no symptom. */
  cr_assert_not(
      finds_need("Pyytää vain toista iltatyötä lisätuloiksi.", "selvittämättömät oireet"));
  cr_assert_not(in_top(lapses, 5, CARD), "rank %d", rank_of(lapses, CARD[0]));
}

/* An employer who plans layoffs has the employer's restructuring need; a
 * worker laid off does not (issue 13, implied needs). */
Test(notes, an_employer_planning_layoffs_is_restructuring) {
  cr_assert(finds_need("Kahvilaketjun omistaja aikoo lomauttaa kahdeksan työntekijää kevääksi. "
                       "Mitä pitäisi tehdä?",
                       "työnantajan muutostilanne"));
  cr_assert_not(finds_need("Kahvilatyöntekijä 40v lomautettiin kevääksi, mitä nyt?",
                           "työnantajan muutostilanne"));
}

/* A situation that rules a service out (`rules_out`): a full-time student
 * is no unemployed jobseeker, so yleistuki is no answer to "voisiko hakea
 * yleistukea"; the same ask from one out of work finds it first. */
Test(notes, a_full_time_student_is_ruled_out_of_yleistuki) {
  static const char *const YLEISTUKI[] = {"tyomarkkinatuki-peruspaivaraha", NULL};
  cr_assert_eq(
      rank_of("22v nainen, työtön, rahat loppuvat. Kysyy, voisiko hakea yleistukea.", YLEISTUKI[0]),
      0, "control");
  const char *student = "22v nainen opiskelee päätoimisesti sosionomiksi ammattikorkeakoulussa, "
                        "rahat loppuvat. Kysyy, voisiko hakea yleistukea.";
  cr_assert_not(in_top(student, 5, YLEISTUKI), "rank %d", rank_of(student, YLEISTUKI[0]));
  cr_assert_eq(kt_engine_set_param(e, "demote_ruled_out", 1.0), KT_OK);
  cr_assert(in_top(student, 5, YLEISTUKI), "control: the demotion off");
}

/* A service for a client with a need the note does not show (`needed_by`):
 * the city's employment duty is for a 57-year-old whose earnings-related
 * allowance runs out, the older jobseeker's subsidy for one out of work two
 * years; a 58-year-old just dismissed has neither yet. */
Test(notes, a_service_for_a_need_the_note_does_not_show_waits) {
  static const char *const DUTY[] = {"kunnan-tyollistamisvelvoite", NULL};
  static const char *const SUBSIDY[] = {"tyollistamistuki-55", NULL};
  const char *just = "58v mies, varastoesimies, irtisanottiin lokakuussa tuotannollisista syistä "
                     "28 vuoden jälkeen. Kassan jäsen, asuu Helsingissä. Haluaa vielä töihin "
                     "ennen eläkettä.";
  cr_assert_not(in_top(just, 5, DUTY), "rank %d", rank_of(just, DUTY[0]));
  cr_assert_not(in_top(just, 5, SUBSIDY), "rank %d", rank_of(just, SUBSIDY[0]));
  cr_assert(service_effect(just, DUTY[0], "ei edellytettyä tilannetta"));
  const char *ends = "58v mies, varastoesimies, irtisanottiin tuotannollisista syistä 28 vuoden "
                     "jälkeen. Ansiopäiväraha on loppunut, asuu Helsingissä. Haluaa vielä töihin "
                     "ennen eläkettä.";
  cr_assert(in_top(ends, 3, DUTY), "rank %d", rank_of(ends, DUTY[0]));
  const char *years = "58v mies, ent. varastoesimies, työttömänä 3v. Asuu Helsingissä. Haluaa "
                      "vielä töihin ennen eläkettä.";
  cr_assert(in_top(years, 5, SUBSIDY), "rank %d", rank_of(years, SUBSIDY[0]));
  cr_assert_not(service_effect(years, SUBSIDY[0], "ei edellytettyä tilannetta"));
  cr_assert_eq(kt_engine_set_param(e, "demote_need_unmet", 1.0), KT_OK);
  cr_assert(in_top(just, 5, DUTY), "control: the demotion off");
}

/* The mobility allowance is for one who takes work far from home: a job in
 * another town and a move find it first; a question about a part-time
 * job's pay and yleistuki does not show that need, and the allowance waits. */
Test(notes, the_mobility_allowance_needs_a_job_far_away) {
  static const char *const MOBILITY[] = {"liikkumisraha", NULL};
  const char *move = "Asiakas 41v sai kokoaikaisen työpaikan Oulusta tammikuusta ja joutuu "
                     "muuttamaan. Kysyy, saako tukea muuttoon.";
  cr_assert(in_top(move, 3, MOBILITY), "rank %d", rank_of(move, MOBILITY[0]));
  cr_assert(finds_need(move, "työ toisella paikkakunnalla tai pitkä työmatka"));
  const char *pay = "Asiakas 41v on saanut tarjouksen osa-aikatyöstä kaupan kassalla ja kysyy, "
                    "miten palkka vaikuttaa yleistukeen.";
  cr_assert_not(in_top(pay, 5, MOBILITY), "rank %d", rank_of(pay, MOBILITY[0]));
  cr_assert(service_effect(pay, MOBILITY[0], "ei edellytettyä tilannetta"));
  cr_assert_not(service_effect(move, MOBILITY[0], "ei edellytettyä tilannetta"), "control");
}

/* One whose yleistuki is paid has no earnings-related allowance now: the
 * fund's allowance waits, unless the note names the fund; a note of a word
 * or two names a topic and rules nothing out ("yleistuki"). */
Test(notes, yleistuki_paid_rules_out_the_funds_allowance) {
  static const char *const FUND[] = {"ansiopaivaraha-tyottomyyskassat", NULL};
  const char *on = "35v mies tekee varastolla osa-aikatyötä 15 tuntia viikossa, ja yleistuki "
                   "maksetaan soviteltuna. Haluaisi kokoaikatyön.";
  cr_assert_not(in_top(on, 5, FUND), "rank %d", rank_of(on, FUND[0]));
  cr_assert(service_effect(on, FUND[0], "ei sovi tilanteeseen"));
  const char *member = "35v mies tekee varastolla osa-aikatyötä 15 tuntia viikossa, kassan jäsen, "
                       "ja yleistuki maksetaan soviteltuna. Haluaisi kokoaikatyön.";
  cr_assert(in_top(member, 3, FUND), "control: a member; rank %d", rank_of(member, FUND[0]));
  cr_assert(in_top("yleistuki", 3, FUND), "a topic: rank %d", rank_of("yleistuki", FUND[0]));
  cr_assert_not(service_effect("yleistuki", FUND[0], "ei sovi tilanteeseen"));
}

/* An implied need's words may stand on both sides of a clause that only
 * says the counsellor was asked ("haluaisi palkata ... ja kysyy, mitä tukia
 * on"): the employer asks for hiring subsidies. Not across a clause that
 * says more. */
Test(notes, a_rule_reaches_past_a_clause_that_only_asks) {
  cr_assert(finds_need("Pieni siivousyritys haluaisi palkata kaksi työntekijää ja kysyy, mitä "
                       "tukia on.",
                       "palkkauksen tuet työnantajalle"));
  cr_assert_not(finds_need("Pieni siivousyritys haluaisi palkata kaksi työntekijää ja muuttaa "
                           "uusiin tiloihin, joissa on tukia.",
                           "palkkauksen tuet työnantajalle"),
                "control: a clause of its own between");
}

/* A service for a problem needs the problem (`needed_by`): the students'
 * mental-wellbeing chats are for a student whose mind is strained, not for
 * one who asks for summer work and has no such problems (denied or untold). */
Test(notes, a_service_for_a_problem_needs_the_problem) {
  static const char *const NYYTI[] = {"nyyti", NULL};
  const char *none = "Opiskelija 21v, sosionomiopinnot AMK:ssa kesken, haluaa kesätöitä. Ei ole "
                     "mielenterveysongelmia.";
  cr_assert_not(in_top(none, 5, NYYTI), "rank %d", rank_of(none, NYYTI[0]));
  cr_assert(service_effect(none, NYYTI[0], "ei edellytettyä tilannetta"));
  const char *strained = "Opiskelija 21v, sosionomiopinnot AMK:ssa kesken, haluaa kesätöitä. "
                         "Ahdistaa ja mieliala on maassa.";
  cr_assert(in_top(strained, 3, NYYTI), "control: rank %d", rank_of(strained, NYYTI[0]));
  cr_assert_not(service_effect(strained, NYYTI[0], "ei edellytettyä tilannetta"));
}

/* The violence services need violence: a Syrian woman trained as a
 * pharmacist who asks for pharmacy work gets the healthcare licence first,
 * not the women's helpline, the immigrant women's federation or a shelter
 * ("nainen" and her origin are no need); a woman whose husband hits her
 * gets them first. */
Test(notes, violence_services_need_violence) {
  static const char *const VIOLENCE[] = {"naisten-linja", "monika-naiset", "turvakoti", NULL};
  static const char *const LICENCE[] = {"terveydenhuollon-patevoityminen", NULL};
  const char *work = "Nainen 36v, syyrialainen, asunut Suomessa 9 vuotta, suomi hyvä. "
                     "Koulutukseltaan farmaseutti kotimaassa. Haluaa apteekkiin töihin.";
  cr_assert_not(in_top(work, 5, VIOLENCE));
  cr_assert(in_top(work, 3, LICENCE), "rank %d", rank_of(work, LICENCE[0]));
  const char *hit = "Nainen 36v, syyrialainen, asunut Suomessa 9 vuotta. Mies lyö kotona, ja hän "
                    "pelkää. Haluaa apteekkiin töihin.";
  for (size_t i = 0; VIOLENCE[i]; i++)
    cr_assert_lt(rank_of(hit, VIOLENCE[i]), 5, "control: %s", VIOLENCE[i]);
}

/* The homeless people's own association is for one without a steady home,
 * not for every volunteer: "haluaisi tehdä vapaaehtoistyötä asukastalolla"
 * asks for volunteering. */
Test(notes, the_homeless_association_needs_a_lost_home) {
  static const char *const VVA[] = {"vva-ry", NULL};
  const char *volunteer = "Mies 50v, työtön, haluaisi tehdä vapaaehtoistyötä asukastalolla "
                          "kahtena päivänä viikossa.";
  cr_assert_not(in_top(volunteer, 5, VVA), "rank %d", rank_of(volunteer, VVA[0]));
  const char *homeless = "Mies 50v, työtön, asunnoton, nukkuu tuttavien luona, haluaisi tehdä "
                         "vapaaehtoistyötä.";
  cr_assert(in_top(homeless, 3, VVA), "control: rank %d", rank_of(homeless, VVA[0]));
}

/* A trade without an agent ending is a trade too ("Mies 34v, kokki"): the
 * cook's training waits for a cook who asks for kitchen work, not for one
 * who wants to become one. */
Test(notes, a_cook_beside_the_age_is_a_trade_held) {
  cr_assert(service_effect("Mies 34v, kokki, työtön puoli vuotta. Haluaa takaisin ravintolaan "
                           "töihin.",
                           "ravintola-kokki-perho", "alan osaaja"));
  cr_assert_not(service_effect("Mies 34v, ei ammattia, haluaa kokiksi ravintolaan.",
                               "ravintola-kokki-perho", "alan osaaja"),
                "control: the trade as a goal");
}

/* Interest is no topic: "kiinnostaa sähköala" asks for the electrical
 * trade, not for the workshops whose texts say "nuorille, joita kiinnostaa
 * media". */
Test(notes, interest_is_no_topic) {
  static const char *const MEDIA[] = {"nuorten-mediatyopaja", NULL};
  static const char *const ELECTRIC[] = {"prakticum", "stadin-ao-perustutkinnot-aikuisille", NULL};
  const char *note = "Mies 24v, armeija käyty, ei ammattia. Kiinnostaa sähköala. Asuu vanhempien "
                     "luona.";
  cr_assert_not(in_top(note, 5, MEDIA), "rank %d", rank_of(note, MEDIA[0]));
  cr_assert(in_top(note, 3, ELECTRIC));
}

/* A member of an unemployment fund gets the fund's allowance first, so
 * yleistuki is ruled out; unless the note says the allowance ended, and not
 * for one whose membership the note denies ("ei kuulu kassaan", with the
 * verb the negation governs opening the phrase). */
Test(notes, a_fund_member_is_ruled_out_of_yleistuki_unless_the_allowance_ended) {
  static const char *const YLEISTUKI[] = {"tyomarkkinatuki-peruspaivaraha", NULL};
  const char *member = "41v mies, varastotyöntekijä, irtisanottiin lokakuussa. Kassan jäsen, "
                       "asuu Helsingissä. Kysyy, mitä rahaa hän nyt saa ja saako yleistukea.";
  cr_assert_not(in_top(member, 5, YLEISTUKI), "rank %d", rank_of(member, YLEISTUKI[0]));
  const char *ended = "41v mies, varastotyöntekijä, ansiopäiväraha päättyi lokakuussa. Kassan "
                      "jäsen, asuu Helsingissä. Kysyy, mitä rahaa hän nyt saa ja saako yleistukea.";
  cr_assert(in_top(ended, 3, YLEISTUKI), "rank %d", rank_of(ended, YLEISTUKI[0]));
  const char *none = "41v mies, varastotyöntekijä, irtisanottiin lokakuussa. Kysyy, mitä rahaa "
                     "hän nyt saa ja saako yleistukea. Hän ei kuulu kassaan.";
  cr_assert(in_top(none, 3, YLEISTUKI), "rank %d", rank_of(none, YLEISTUKI[0]));
  cr_assert_eq(kt_engine_set_param(e, "demote_ruled_out", 1.0), KT_OK);
  cr_assert(in_top(member, 5, YLEISTUKI), "control: the demotion off");
}

/* Needs that come first though no word names them: the warning signs of a
 * suicide (things given away, affairs put in order, told as news), and
 * prescription drugs out of control (prescriptions run out early, the
 * doctor changed to get more). The request waits below them. */
Test(notes, warning_signs_and_prescriptions_out_of_control_come_first) {
  static const char *const CRISIS[] = {"mieli-kriisipuhelin", "sosiaali-ja-kriisipaivystys", NULL};
  static const char *const FORKLIFT[] = {"trukkikortti", NULL};
  const char *plain = "52v mies, bussinkuljettaja, työttömänä puoli vuotta. Kysyy vain "
                      "trukkikorttikurssia.";
  cr_assert_eq(rank_of(plain, FORKLIFT[0]), 0, "control");
  const char *signs = "52v mies, bussinkuljettaja, työttömänä puoli vuotta. Kertoi antaneensa "
                      "kalastusvälineensä pois ja järjestäneensä asiansa kuntoon. Kysyy vain "
                      "trukkikorttikurssia.";
  cr_assert(in_top(signs, 1, CRISIS), "forklift at %d", rank_of(signs, FORKLIFT[0]));
  static const char *const SUBSTANCE[] = {"paihdepoliklinikat", NULL};
  static const char *const GIGS[] = {"henkilostopalveluyritykset-keikkatyo", NULL};
  const char *pills = "45v nainen, siivooja. Polvileikkauksen jälkeen hänen reseptinsä loppuvat "
                      "joka kuukausi kesken, ja hän on vaihtanut lääkäriä kahdesti saadakseen "
                      "lisää kipulääkettä. Pyytää vain siivousalan keikkoja.";
  cr_assert(in_top(pills, 2, SUBSTANCE), "rank %d", rank_of(pills, SUBSTANCE[0]));
  cr_assert_neq(rank_of(pills, GIGS[0]), 0);
}

/* More needs that come first, seen rather than told: a work accident no one
 * has looked at or reported, the smell of alcohol and trembling hands at a
 * morning meeting. The gigs or the card the note asks for wait. */
Test(notes, an_untreated_accident_and_signs_of_drinking_come_first) {
  static const char *const CARE[] = {"terveysasema", "tyosuojelun-neuvonta", NULL};
  static const char *const GIGS[] = {"henkilostopalveluyritykset-keikkatyo", NULL};
  const char *plain = "38v mies, rakennusmies, keikkatöissä. Pyytää vain uusia keikkoja.";
  cr_assert_eq(rank_of(plain, GIGS[0]), 0, "control");
  const char *fall = "38v mies, rakennusmies, keikkatöissä. Putosi kuukausi sitten telineiltä "
                     "työmaalla, ja työnjohtaja käski olla ilmoittamatta. Olkapää on yhä kipeä. "
                     "Pyytää vain uusia keikkoja.";
  cr_assert(in_top(fall, 1, CARE), "gigs at %d", rank_of(fall, GIGS[0]));
  static const char *const SUBSTANCE[] = {"paihdepoliklinikat", NULL};
  const char *smell = "44v mies, varastotyöntekijä. Tapaamisessa hengitys haisi alkoholille ja "
                      "kädet vapisivat. Pyytää vain uutta trukkikorttia.";
  cr_assert(in_top(smell, 1, SUBSTANCE), "rank %d", rank_of(smell, SUBSTANCE[0]));
  /* ... and drinking told in Swedish with words between. */
  static const char *const ALCOHOL[] = {"paihdepoliklinikat", "aa-vertaisryhmat", NULL};
  const char *wine = "Svenskspråkig kvinna, 50, i Helsingfors. Hon dricker nästan en flaska vin "
                     "varje kväll och vill sluta.";
  cr_assert(in_top(wine, 2, ALCOHOL), "rank %d", rank_of(wine, ALCOHOL[0]));
}

/* Needs the note tells without the catalogue's words: a fee paid for a job
 * that never was (a fraud), a month to the first wage (basic social
 * assistance), a heart attack in speech ("sydäri"), papers for skills, a job
 * promised after the training (recruitment training). */
Test(notes, needs_told_without_the_catalogues_words) {
  static const char *const VICTIM[] = {"rikosuhripaivystys", NULL};
  const char *scam = "Asiakas maksoi 400 euroa välityspalkkiota netissä yritykselle, joka lupasi "
                     "hänelle siivoustyön Norjasta, eikä työtä ollutkaan. Mitä hän voi tehdä?";
  cr_assert(in_top(scam, 3, VICTIM), "rank %d", rank_of(scam, VICTIM[0]));
  static const char *const BASIC[] = {"kela-perustoimeentulotuki",
                                      "taydentava-ehkaiseva-toimeentulotuki", NULL};
  const char *wage = "Asiakas on saanut työpaikan ja aloittaa pian, mutta ensimmäinen palkka "
                     "tulee vasta kuun lopussa. Miten hän pärjää siihen asti?";
  cr_assert(in_top(wage, 1, BASIC), "rank %d", rank_of(wage, BASIC[0]));
  cr_assert(finds_need("äijä 58v, sai sydärin keväällä, ei saa enää nostaa raskaita",
                       "pitkäaikaissairaus"));
  static const char *const SKILLS[] = {"osaamisen-tunnistaminen-nayttotutkinto", NULL};
  const char *papers = "40v nainen on tehnyt kymmenen vuotta keittiötöitä ja haluaisi paperit "
                       "osaamisestaan.";
  cr_assert(in_top(papers, 3, SKILLS), "rank %d", rank_of(papers, SKILLS[0]));
  /* (The service's own name matches "osaamisestaan"; the need is the change.) */
  cr_assert(finds_need(papers, "osaamisen tunnistaminen"));
  static const char *const REKRY[] = {"rekrykoulutus", NULL};
  const char *promised = "30v mies, varastotyöntekijä. Vain koulutus, jonka jälkeen työpaikka on "
                         "luvattu.";
  cr_assert(in_top(promised, 1, REKRY), "rank %d", rank_of(promised, REKRY[0]));
  /* ... and a contract not renewed for a pregnancy: discrimination. */
  static const char *const SAFETY[] = {"tyosuojelun-neuvonta", NULL};
  const char *pregnant = "31v nainen, määräaikainen myyjä. Esihenkilö ilmoitti, ettei hänen "
                         "sopimustaan jatketa, koska hän on raskaana.";
  cr_assert(in_top(pregnant, 1, SAFETY), "rank %d", rank_of(pregnant, SAFETY[0]));
  /* ... how many jobs to apply for (job offers and the obligation), and a job
   * search moving to a new home municipality (the personal expert). */
  static const char *const OFFERS[] = {"tyonvalitys-tyotarjoukset", NULL};
  const char *how_many = "Asiakas kysyy, montako työpaikkaa kuukaudessa hänen täytyy hakea.";
  cr_assert(in_top(how_many, 1, OFFERS), "rank %d", rank_of(how_many, OFFERS[0]));
  static const char *const EXPERT[] = {"vastuuasiantuntija-tyollistymissuunnitelma", NULL};
  const char *moved =
      "Asiakas muutti Turusta Helsinkiin ja kysyy, miten hänen työnhakunsa siirtyy.";
  cr_assert(in_top(moved, 1, EXPERT), "rank %d", rank_of(moved, EXPERT[0]));
  /* ... and trying a field in practice before a training (a work trial). */
  static const char *const TRIAL[] = {"tyokokeilu", "tyokokeilu-helsingin-kaupunki", NULL};
  const char *try = "45v mies, bussinkuljettaja. Haluaisi kokeilla kiinteistöhuoltoa käytännössä "
                    "ennen kuin sitoutuu koulutukseen.";
  cr_assert(in_top(try, 3, TRIAL), "rank %d", rank_of(try, TRIAL[0]));
}

/* A need told by its signs or by a disease's own name: the symptoms of a
 * trauma, an illness the catalogue calls long-term without naming it, a
 * fever that keeps a jobseeker from the search (Kela: "sairastuneen
 * työnhakijan"), the wish to stop drinking in Swedish (AA's entry). And
 * furniture is what a support buys, not a need: a client who makes it has no
 * moving costs. */
Test(notes, needs_told_by_signs_and_names) {
  cr_assert(finds_need("Asiakas sairastaa Crohnin tautia ja pelkää, ettei jaksa kokoaikatyötä.",
                       "pitkäaikaissairaus"));
  cr_assert(finds_need("52v nainen käy dialyysissä kolme kertaa viikossa ja hakee osa-aikatyötä.",
                       "pitkäaikaissairaus"));
  cr_assert(finds_need("Asiakas on ollut viikon kuumeessa eikä ole päässyt valmennukseen.",
                       "sairausloma ja sairauspäiväraha"));
  cr_assert(finds_need("He has nightmares and flashbacks since he fled the war.",
                       "ahdistus, paniikki ja jännittäminen"));
  cr_assert(finds_need("Työterveyslääkäri kielsi nostot, hakee muuta työtä.",
                       "selkä- ja muut tuki- ja liikuntaelinvaivat"));
  cr_assert(finds_need("Han vill sluta dricka och hitta ett jobb.", "alkoholiongelma"));
  /* Whether a field fits, seen before applying to study, is a trial of it at
   * a school; tried in practice, a work trial. */
  cr_assert(finds_need("Miettii, sopisiko sähköala hänelle, ennen kuin hakee koulutukseen.",
                       "alan kokeilu oppilaitoksessa"));
  cr_assert(!finds_need("Haluaisi kokeilla varastotyötä käytännössä ennen kuin hakee koulutukseen.",
                        "alan kokeilu oppilaitoksessa"));
  /* Invoicing weighed against founding a firm is light entrepreneurship. */
  cr_assert(finds_need("Ei tiedä, pitäisikö perustaa firma vai voisiko laskuttaa muuten.",
                       "kevytyrittäjyys ja laskutuspalvelut"));
  /* A workshop is metalwork by itself, not as the part of any trade's. */
  cr_assert(finds_need("Haluaa töihin verstaalle.", "teollisuus ja metalliala"));
  cr_assert(!finds_need("Haluaisi perustaa pienen verhoiluverstaan.", "teollisuus ja metalliala"));
  cr_assert(
      !finds_need("Han har slutat dricka för ett år sedan och vill jobba.", "alkoholiongelma"));
  cr_assert(!finds_need("Asiakas tekee huonekaluja ja myy niitä kirpputorilla.",
                        "vuokravakuus ja muuton kulut"));
  const char *empty = "Asiakas muutti uuteen asuntoon. Asunnossa ei ole huonekaluja.";
  cr_assert(finds_need(empty, "vuokravakuus ja muuton kulut"));
  /* ... and the place where they are missing is no home missing. */
  cr_assert(!finds_need(empty, "asunnottomuus"));
  cr_assert(finds_need("Asiakkaalla ei ole asuntoa.", "asunnottomuus"));
}

/* English and Swedish words are matched by their own stems, which the
 * Finnish analysis does not give them: the first person and the infinitive
 * find the entries written in the third person ("sleeps badly", "dricker för
 * mycket"). A past keeps its tense: registered is done, not to do. */
Test(notes, english_and_swedish_words_in_any_inflection) {
  cr_assert(finds_need("I sleep badly and wake up at night.", "unettomuus ja univaikeudet"));
  cr_assert(finds_need("Hon brukar dricka för mycket på helgerna.", "alkoholiongelma"));
  cr_assert(finds_need("Hon behöver söka jobb.", "työnhaku"));
  const char *done = "He registered as a jobseeker last week and asks about courses.";
  cr_assert(!finds_need(done, "työttömäksi ilmoittautuminen ja alkuhaastattelu"));
  cr_assert(finds_need("He needs to register as a jobseeker.",
                       "työttömäksi ilmoittautuminen ja alkuhaastattelu"));
}

/* A service for women only is not for a man: a man hit at home gets the
 * shelters, not Naisten Linja or Monika-Naiset. The gender is the client's
 * as written at the start ("Mies 45v"), not a husband the note names. */
Test(notes, a_service_for_women_is_not_for_a_man) {
  static const char *const WOMEN[] = {"naisten-linja", "monika-naiset", NULL};
  const char *him = "Mies 45v, vaimo on lyönyt häntä useasti, eikä hän uskalla mennä kotiin.";
  const char *her = "Nainen 45v, mies on lyönyt häntä useasti, eikä hän uskalla mennä kotiin.";
  cr_assert(!in_top(him, 5, WOMEN), "rank %d", rank_of(him, WOMEN[0]));
  cr_assert(service_reason(him, "naisten-linja", "palvelu on naisille"));
  cr_assert(in_top(her, 5, WOMEN), "control: rank %d", rank_of(her, WOMEN[0]));
  cr_assert(!service_reason(her, "naisten-linja", "palvelu on naisille"));
  /* ... and a service for immigrant women is for immigrants. */
  cr_assert(service_reason(her, "monika-naiset", "maahanmuuttajille"));
  cr_assert(!service_reason("Nainen 45v, tuli Suomeen Syyriasta, mies on lyönyt häntä useasti.",
                            "monika-naiset", "maahanmuuttajille"),
            "control");
  const char *wife = "34v, tuli Suomeen miehen perässä, mies on lyönyt häntä.";
  cr_assert(in_top(wife, 10, WOMEN), "rank %d", rank_of(wife, WOMEN[0]));
  const char *ex = "Asiakas 34v, entinen mies on lyönyt häntä ja uhkailee.";
  cr_assert(in_top(ex, 10, WOMEN), "rank %d", rank_of(ex, WOMEN[0]));
}

/* A need the age alone implies waits, like the request, behind a need that
 * comes first: a widower of 59 a month after the death gets the crisis help
 * before the over-55s' employment subsidies, which say why they wait. */
Test(notes, needs_of_the_age_wait_behind_a_first_need) {
  static const char *const CRISIS[] = {"mieli-kriisipuhelin", "sosiaali-ja-kriisipaivystys", NULL};
  static const char *const OLDER[] = {"tyollistamistuki-55", NULL};
  const char *grief = "Mies 59v, puoliso kuoli kuukausi sitten, ei jaksa hakea töitä. Kysyy "
                      "työnhakukurssista.";
  cr_assert(in_top(grief, 1, CRISIS), "rank %d", rank_of(grief, CRISIS[0]));
  cr_assert(service_reason(grief, "tyollistamistuki-55", "asiakkaan iästä"));
  const char *plain = "Mies 59v, ollut kolme vuotta työttömänä. Kysyy työnhakukurssista.";
  cr_assert(in_top(plain, 5, OLDER), "control: rank %d", rank_of(plain, OLDER[0]));
  cr_assert(!service_reason(plain, "tyollistamistuki-55", "asiakkaan iästä"));
}

/* Needs told with words between or in another order: drinking every day,
 * little Finnish said spoken and backwards, help from the church. */
Test(notes, needs_told_in_other_orders) {
  const char *drinks = "Asiakas juo joka päivä ja myöntää itse, että pitäisi lopettaa.";
  cr_assert(finds_need(drinks, "alkoholiongelma"));
  static const char *const ALCOHOL[] = {"paihdepoliklinikat", "aa-vertaisryhmat", NULL};
  cr_assert(in_top(drinks, 2, ALCOHOL), "rank %d", rank_of(drinks, ALCOHOL[0]));
  cr_assert(!finds_need("Asiakas juo kahvia ja etsii töitä.", "alkoholiongelma"), "control");
  cr_assert(finds_need("puhuu suomee tosi vähä, tarttis kurssin", "suomen kielen taito"));
  cr_assert(finds_need("osaa suomea vielä huonosti", "suomen kielen taito"));
  cr_assert(!finds_need("puhuu suomea hyvin", "suomen kielen taito"), "control");
  const char *church = "58v, rahat ei riitä, kuuli et kirkolta sais apua";
  cr_assert(finds_need(church, "diakonia"));
  cr_assert(in_top(church, 1, (const char *const[]){"seurakuntien-diakonia", NULL}), "rank %d",
            rank_of(church, "seurakuntien-diakonia"));
}

/* Is a need whose label contains @p label found as one of now (the
 * situation or the goal, not context)? */
static bool need_of_now(const char *note, const char *label) {
  int r = need_role(note, label);
  return r == KT_ROLE_SITUATION || r == KT_ROLE_GOAL;
}

/* A need told of another person that is the client's (`other: need`): the
 * spouse came here for work, so the client is the spouse who followed. */
Test(notes, a_spouse_who_came_for_work_is_the_clients_need) {
  const char *w = "27v insinööri Intiasta, puoliso tuli tänne töihin, hakee IT-alan töitä, "
                  "englanti hyvä.";
  cr_assert(need_of_now(w, "mukana muuttanut puoliso"));
  cr_assert(in_top(w, 3, (const char *const[]){"spouse-program", NULL}), "rank %d",
            rank_of(w, "spouse-program"));
  cr_assert(!finds_need("Puoliso tuli töistä kotiin väsyneenä, hakee IT-alan töitä.",
                        "mukana muuttanut puoliso"),
            "control");
}

/* Care already arranged for the children is no need and no trade: "lapset
 * ovat jo päiväkodissa" is neither a daycare place wanted nor work at a
 * daycare; a daughter with no daycare place is the parent's need. */
Test(notes, care_arranged_for_the_children_is_no_need) {
  const char *kids = "Lapset ovat jo päiväkodissa. Haluaa toimistotyön koulutukseen.";
  cr_assert(!need_of_now(kids, "päiväkoti- ja lastenhoitotyö"));
  cr_assert(!need_of_now(kids, "lastenhoito ja päivähoitopaikka"));
  cr_assert(!need_of_now("Barnen är redan i daghem. Vill gå en utbildning i kontorsarbete.",
                         "lastenhoito ja päivähoitopaikka"));
  cr_assert(need_of_now("Han har en treåring. Dottern har ingen dagvårdsplats.",
                        "lastenhoito ja päivähoitopaikka"));
  cr_assert(need_of_now("Lapsi tarvitsee päiväkotipaikan.", "lastenhoito ja päivähoitopaikka"),
            "control");
}

/* Going abroad to work told with words between, not a refusal to move. */
Test(notes, going_abroad_to_work_with_words_between) {
  cr_assert(finds_need("24v tarjoilija, haluis lähtee Norjaan tai Ruotsiin duuniin",
                       "töihin ulkomaille"));
  cr_assert(!finds_need("Ei halua muuttaa ulkomaille, vaikka alan töitä olisi Norjassa.",
                        "töihin ulkomaille"));
  cr_assert(
      !finds_need("Lähtee kahdeksi viikoksi ulkomaille sukulaisten luo.", "töihin ulkomaille"));
}

/* A client at work full time is outside integration training (full-time,
 * with the unemployment benefit): the evening Finnish courses come first. */
Test(notes, a_client_in_full_time_work_gets_courses_beside_work) {
  static const char *const EVENING[] = {"suomi-toisena-kielena-tyovaenopisto", NULL};
  static const char *const FULL_TIME[] = {"kotoutumiskoulutus", NULL};
  const char *w = "Asiakas 36v, puhuu englantia, on kokoaikatyössä päivisin IT-firmassa. "
                  "Haluaisi suomen kurssin iltaisin, taso alkeet.";
  cr_assert(in_top(w, 1, EVENING), "rank %d", rank_of(w, EVENING[0]));
  cr_assert(!in_top(w, 5, FULL_TIME), "rank %d", rank_of(w, FULL_TIME[0]));
  cr_assert(service_reason(w, "kotoutumiskoulutus", "työssä käyvä"));
  const char *u = "Asiakas 36v, puhuu englantia, työtön. Haluaisi suomen kurssin, taso alkeet.";
  cr_assert(in_top(u, 3, FULL_TIME), "control: rank %d", rank_of(u, FULL_TIME[0]));
  cr_assert(!need_of_now("Har hjärtsvikt och orkar inte jobba heltid.", "työssä käyvä"),
            "a full-time job denied is no job held");
  /* The days at work told as days ("päivät töissä"), not as full time. */
  const char *d = "Vantaalainen 41v, päivät töissä pakkaamossa. Haluaisi suomen kurssin, taso A1.";
  cr_assert(!in_top(d, 5, FULL_TIME), "rank %d", rank_of(d, FULL_TIME[0]));
  cr_assert(!need_of_now("Hän haluaa päivätyötä ja säännölliset vuorot.", "työssä käyvä"),
            "day work wanted is no work held");
  /* The job held beside a course asked for weighs as background, but it is
   * a fact of now: it rules the full-time training out. */
  const char *c = "36v, kokoaikatyössä siivoojana päivisin, haluaisi suomen kurssin iltaisin";
  cr_assert(!in_top(c, 5, FULL_TIME), "rank %d", rank_of(c, FULL_TIME[0]));
  cr_assert(in_top(c, 3, EVENING), "rank %d", rank_of(c, EVENING[0]));
}

/* Swedish to be improved and a school tried out before applying, told with
 * words between. */
Test(notes, swedish_to_improve_and_a_school_tried_before_applying) {
  cr_assert(need_of_now("35v merkonomi haluaisi parantaa ruotsia, asiakaspalvelussa vaaditaan",
                        "ruotsin kieli työelämään"));
  cr_assert(!finds_need("35v merkonomi haluaisi töihin Ruotsiin", "ruotsin kieli työelämään"),
            "control");
  const char *visit = "Asiakas haluaisi käydä pari päivää ammattiopiston sähköalan tunneilla "
                      "ennen kuin hakee sinne opiskelemaan.";
  cr_assert(need_of_now(visit, "alan kokeilu oppilaitoksessa"));
  cr_assert(in_top(visit, 3, (const char *const[]){"koulutuskokeilu", NULL}), "rank %d",
            rank_of(visit, "koulutuskokeilu"));
}

/* An earnings-related allowance ended or never earned rules the fund's
 * allowance out: yleistuki comes first and the fund's says why. */
Test(notes, an_allowance_not_earned_is_no_allowance_to_apply_for) {
  const char *w = "Liittyi kassaan vasta 5 kk sitten ja irtisanottiin nyt, saako "
                  "ansiosidonnaista vai pelkkää yleistukea?";
  cr_assert_lt(rank_of(w, "tyomarkkinatuki-peruspaivaraha"),
               rank_of(w, "ansiopaivaraha-tyottomyyskassat"));
  cr_assert(service_reason(w, "ansiopaivaraha-tyottomyyskassat", "työssäoloehto"));
  const char *m = "Kassan jäsen 10 vuotta, irtisanottiin nyt, saako ansiosidonnaista?";
  cr_assert_eq(rank_of(m, "ansiopaivaraha-tyottomyyskassat"), 0, "control: rank %d",
               rank_of(m, "ansiopaivaraha-tyottomyyskassat"));
}

/* No unemployment fund, no fund's allowance; yleistuki named alone says
 * nothing of the fund. */
Test(notes, no_fund_no_funds_allowance) {
  const char *w = "41v mies, irtisanottiin. Ei kuulu liittoon eikä kassaan.";
  cr_assert(!in_top(w, 5, (const char *const[]){"ansiopaivaraha-tyottomyyskassat", NULL}),
            "rank %d", rank_of(w, "ansiopaivaraha-tyottomyyskassat"));
  cr_assert(service_reason(w, "ansiopaivaraha-tyottomyyskassat", "ei työttömyyskassan jäsen"));
  cr_assert(in_top(w, 3, (const char *const[]){"tyomarkkinatuki-peruspaivaraha", NULL}), "rank %d",
            rank_of(w, "tyomarkkinatuki-peruspaivaraha"));
  cr_assert(!finds_need("Jäi työttömäksi, kysyy saako hän ansiosidonnaista vai yleistukea.",
                        "ei työttömyyskassan jäsen"),
            "yleistuki named is no word of the fund");
}

/* A nurse trained somewhere named is a nurse trained abroad. */
Test(notes, a_nurse_trained_somewhere_named_was_trained_abroad) {
  const char *w = "Filippiineillä koulutettu sairaanhoitaja haluaa tietää, mitä pitää tehdä "
                  "ennen kuin pääsee töihin hoitajaksi Suomessa.";
  cr_assert(in_top(w, 1, (const char *const[]){"terveydenhuollon-patevoityminen", NULL}), "rank %d",
            rank_of(w, "terveydenhuollon-patevoityminen"));
  cr_assert(!finds_need("Sairaanhoitaja 45v, haluaa osa-aikatyötä.", "ulkomailla koulutetulle"),
            "control");
}

/* A field refused wins over its other mentions: guided towards security
 * work twice, the client is not interested in it, so neither guard's
 * training is a suggestion. */
Test(notes, a_refused_field_wins_over_its_other_mentions) {
  static const char *const SECURITY[] = {"vartijan-peruskoulutus",
                                         "jarjestyksenvalvojan-peruskoulutus", NULL};
  const char *w =
      "27v mies. Häntä on monesti ohjattu vartijaksi tai järjestyksenvalvojaksi, mutta "
      "turvallisuusala ei kiinnosta häntä lainkaan. Haluaa myyjäksi urheiluliikkeeseen.";
  cr_assert(!in_top(w, 5, SECURITY), "ranks %d %d", rank_of(w, SECURITY[0]),
            rank_of(w, SECURITY[1]));
  const char *g = "27v mies, haluaa vartijaksi tai järjestyksenvalvojaksi.";
  cr_assert(in_top(g, 2, SECURITY), "control: rank %d", rank_of(g, SECURITY[0]));
}

/* A service offered and passed over is no suggestion. */
Test(notes, what_was_offered_and_passed_over_is_no_suggestion) {
  static const char *const ICT[] = {"ict-muuntokoulutus", NULL};
  const char *w = "35v historian maisteri, hanke päättyi. Hän ei halua ohjelmoijaksi, vaikka "
                  "muuntokoulutusta on tarjottu, vaan henkilöstöhallintoon.";
  cr_assert(!in_top(w, 5, ICT), "rank %d", rank_of(w, ICT[0]));
  const char *t = "35v historian maisteri, hanke päättyi. Hänelle on tarjottu ICT-alan "
                  "muuntokoulutusta, ja hän haluaa ohjelmoijaksi.";
  cr_assert(in_top(t, 3, ICT), "control: rank %d", rank_of(t, ICT[0]));
}

/* Days alone, longing for company and for something to do. */
Test(notes, longing_for_company_and_something_to_do) {
  cr_assert(need_of_now("60v, istuu kämpillä yksin. Kaipais porukkaa.", "yksinäisyys"));
  cr_assert(!finds_need("60v, asuu yksin Helsingissä, hakee varastotöitä.", "yksinäisyys"),
            "control");
  cr_assert(need_of_now("ollu himassa kaks vuotta, ei oo mitään rytmiä, haluisin jotain "
                        "tekemistä",
                        "päivärytmi"));
}

/* The training through which the client got into a field left is no
 * suggestion. */
Test(notes, the_way_into_a_field_left_is_history) {
  const char *w = "47v nainen, linja-autonkuljettaja kuusi vuotta; pääsi alalle bussinkuljettajan "
                  "rekrykoulutuksen kautta ja sai D-kortin. Hänet irtisanottiin. Nyt hän haluaa "
                  "puutarhuriksi ulkotöihin.";
  cr_assert(!in_top(w, 5, (const char *const[]){"bussinkuljettajan-rekrykoulutus", NULL}),
            "rank %d", rank_of(w, "bussinkuljettajan-rekrykoulutus"));
  cr_assert(in_top("47v nainen, haluaa linja-autonkuljettajaksi ja kysyy bussinkuljettajan "
                   "rekrykoulutusta.",
                   3, (const char *const[]){"bussinkuljettajan-rekrykoulutus", NULL}),
            "control: the training asked for");
}

/* Work the client has had enough of is no suggestion. */
Test(notes, work_had_enough_of_is_no_suggestion) {
  const char *w = "30v nainen, kokki; teki kahdeksan vuotta ravintolakeittiöissä. Nyt hän haluaa "
                  "taloushallintoon kirjanpitäjäksi, ja keittiötyö saa jäädä.";
  cr_assert(!in_top(w, 5, (const char *const[]){"ravintola-kokki-perho", NULL}), "rank %d",
            rank_of(w, "ravintola-kokki-perho"));
  cr_assert(in_top("30v nainen haluaa kokiksi ravintolakeittiöön ja kysyy kokin koulutusta.", 3,
                   (const char *const[]){"ravintola-kokki-perho", NULL}),
            "control: the training asked for");
}

/* Substance services no longer needed: the treatment named elsewhere in the
 * note is no need. */
Test(notes, substance_services_no_longer_needed) {
  const char *w = "45v mies; joi vuosia ja kävi päihdepoliklinikalla, laitoskuntoutuksessa ja "
                  "AA-ryhmissä. Hän on ollut raittiina yhdeksän vuotta eikä tarvitse enää "
                  "päihdepalveluja. Nyt hän haluaa sosiaalialan ohjaajaksi.";
  cr_assert(!need_of_now(w, "päihdehoito ja -kuntoutus"));
  cr_assert(need_of_now("Tarvitsee päihdepalveluja, juo joka päivä.", "päihdehoito ja -kuntoutus"),
            "control");
}

/* Studies begun on a day line are full-time studies: the study grant. */
Test(notes, studies_on_a_day_line_are_full_time) {
  const char *w = "22-vuotias aloittaa elokuussa sähköalan perustutkinnon päivälinjalla ja "
                  "kysyy, millä elää, kun yleistuki loppuu opintojen alkaessa.";
  cr_assert(need_of_now(w, "päätoiminen opiskelija"));
  cr_assert(in_top(w, 3, (const char *const[]){"opintotuki", NULL}), "rank %d",
            rank_of(w, "opintotuki"));
}

/* The request and the age wait together: a widower of 57 who asks about job
 * coaching finds the over-55s' coaching by both, neither alone the most of
 * its evidence; it still waits behind the crisis help, and says why. */
Test(notes, the_request_and_the_age_wait_together) {
  static const char *const CRISIS[] = {"mieli-kriisipuhelin", "sosiaali-ja-kriisipaivystys", NULL};
  const char *w = "Mies 57v, vaimo kuoli kolme viikkoa sitten. Ei nuku, ei jaksa. Kysyy, "
                  "pitäisikö mennä työnhakuvalmennukseen.";
  cr_assert(in_top(w, 1, CRISIS), "rank %d", rank_of(w, CRISIS[0]));
  cr_assert(service_reason(w, "tyonhakuvalmennus-55-plus", "pyyntöä ja iästä"));
  const char *plain = "Mies 57v, ollut vuoden työttömänä. Kysyy, pitäisikö mennä "
                      "työnhakuvalmennukseen.";
  cr_assert(!service_reason(plain, "tyonhakuvalmennus-55-plus", "pyyntöä ja iästä"), "control");
}

/* A problem's word inside the client's trade is the trade's field: the
 * trade wanted ("velkaneuvojaksi") or its field written apart before the
 * worker ("vankilan vartija") is no debt and no release from prison. A
 * family caregiver is no trade. */
Test(notes, a_problems_word_in_the_clients_trade_is_no_problem) {
  cr_assert(
      !finds_need("Haluaa julkiselle sektorille velkaneuvojaksi.", "velat ja talousvaikeudet"));
  cr_assert(finds_need("Asiakas tarvitsee velkaneuvojan.", "velat ja talousvaikeudet"),
            "control: the counsellor one needs");
  cr_assert(
      !finds_need("Mies 50v, vankilan vartija, haluaa alanvaihtoon.", "vankilasta vapautuminen"));
  cr_assert(finds_need("Mies 30v, vapautui vankilasta, hakee töitä.", "vankilasta vapautuminen"),
            "control");
  cr_assert(finds_need("Äiti sairastui, ja asiakas ryhtyy hänen omaishoitajakseen.", "omaishoit"));
}

/* English offered but Finnish wanted is no wish for English: the services in
 * English get no lift for it. */
Test(notes, english_offered_but_finnish_wanted_is_no_wish_for_english) {
  const char *finnish = "36v nainen, suomi B2. Englanninkielisiä palveluja on tarjottu, mutta hän "
                        "haluaa asioida ja hakea töitä suomeksi. Kokki.";
  cr_assert(!service_effect(finnish, "tyonhakuvalmennus-englanniksi", "palvelu englanniksi"));
  cr_assert(service_effect("36v nainen, kokki. Haluaa asioida englanniksi.",
                           "tyonhakuvalmennus-englanniksi", "palvelu englanniksi"),
            "control");
  cr_assert(service_effect("36v nainen, kokki. Haluaa asioida englanniksi, ei halua suomeksi.",
                           "tyonhakuvalmennus-englanniksi", "palvelu englanniksi"),
            "control: Finnish refused");
}

/* A service the note refuses by its name goes down: "ei Ohjaamoa eikä
 * nuorten työpajoja"; asked about, the same services lead. */
Test(notes, a_service_refused_by_name_goes_down) {
  static const char *const REFUSED[] = {"ohjaamo-helsinki", "nuorten-tyopajat-stadin-ao", NULL};
  cr_assert(
      in_top("28v mies kysyy Ohjaamosta ja nuorten työpajoista. Haluaa kirjanpitoon.", 5, REFUSED),
      "control");
  const char *note = "28v mies ei halua nuorten palveluihin: ei Ohjaamoa eikä nuorten työpajoja. "
                     "Haluaa kirjanpitoon.";
  cr_assert_not(in_top(note, 5, REFUSED), "ohjaamo at %d", rank_of(note, REFUSED[0]));
}

/* A service named only in the client's past (a workplace, or one already
 * used) is not one to refer to: "järjesti ... tuettuja lomia" is the
 * client's old work. Asked for, the same service leads. */
Test(notes, a_service_named_only_in_the_past_goes_down) {
  static const char *const LOMAT[] = {"tuetut-lomat", NULL};
  cr_assert_eq(
      rank_of("52v mies, perhe tarvitsee lepoa, kysyy tuettuja lomia perheille.", LOMAT[0]), 0,
      "control");
  const char *past = "52v mies järjesti kymmenen vuotta lomajärjestössä tuettuja lomia perheille. "
                     "Haluaa nyt hotellin vastaanottoon.";
  cr_assert_not(in_top(past, 5, LOMAT), "rank %d", rank_of(past, LOMAT[0]));
  cr_assert_eq(kt_engine_set_param(e, "demote_past_named", 1.0), KT_OK);
  cr_assert(in_top(past, 5, LOMAT), "control: the demotion off");
}

/* Needs told with words between, from the services' entries: pay from a job
 * offered, asked about against the benefit, is the adjusted allowance; a
 * benefit claimed back is a debt; skills to be mapped in another order; a job
 * with a foreign employer and leaving for it is work abroad. */
Test(notes, needs_told_with_words_between_are_found) {
  cr_assert(need_of_now("Asiakkaalle on tarjottu kuukauden sijaisuutta päiväkodista; kuinka "
                        "palkka vaikuttaisi hänen yleistukeensa?",
                        "soviteltu päiväraha"));
  cr_assert(need_of_now("Asiakkaalta vaaditaan takaisin 1 500 euroa yleistukea, jota maksettiin "
                        "hänelle liikaa.",
                        "velat ja talousvaikeudet"));
  cr_assert(need_of_now("Hän haluaisi saada osaamisensa kartoitetuksi ennen työnhakua.",
                        "osaamisen kartoitus"));
  cr_assert(need_of_now("Hän on saanut töitä norjalaiselta rakennusfirmalta ja miettii "
                        "lähtemistä.",
                        "töihin ulkomaille"));
  cr_assert(!finds_need("Hän on norjalainen ja hakee töitä Helsingistä.", "töihin ulkomaille"),
            "control: a nationality alone");
  cr_assert(need_of_now("Hän aikoo hakea kaupungin vuokra-asuntoa Vuosaaresta.", "asunnon haku"));
  /* "oma" in the elative or inessive is a stopword, so the phrase is written
   * in those cases too. */
  cr_assert(need_of_now("Hän on kiinnostunut omasta yrityksestä, tekisi kotisiivouksia.",
                        "yrittäjäksi ryhtyminen"));
  cr_assert(!finds_need("Hän asuu vuokra-asunnossa ja hakee töitä kaupungilta.", "asunnon haku"),
            "control: a rented home and a job applied for");
  cr_assert(!finds_need("Hän haluaa varastotöihin, yleistuki riittää, palkkatoive ei ole suuri.",
                        "soviteltu päiväraha"),
            "control: the benefit and pay in separate matters");
}

/* No food at home comes before what the note asks for: the food aid
 * leads, and the gigs asked for wait below it. */
Test(notes, no_food_at_home_comes_before_the_request) {
  const char *w = "Mies 35v, jääkaappi tyhjä ja rahat loppu, pyytää vain keikkatöitä ja "
                  "trukkikorttia.";
  cr_assert(in_top(w, 1, (const char *const[]){"hurstin-apu", NULL}), "rank %d",
            rank_of(w, "hurstin-apu"));
  cr_assert(rank_of(w, "trukkikortti") > 1, "the card asked for below the food aid");
  cr_assert(in_top("Mies 35v, pyytää vain keikkatöitä ja trukkikorttia.", 1,
                   (const char *const[]){"trukkikortti", NULL}),
            "control: without the empty fridge the card leads");
}

/* A problem denied stays denied where the note names it elsewhere, in the
 * client's past work: the denied words are no evidence of a need, and the
 * client's own denial is read past "itse". */
Test(notes, a_denial_stays_where_the_problem_is_named_elsewhere) {
  const char *w = "Sairaanhoitaja päihdepoliklinikalla kuusi vuotta. Hän ei käytä alkoholia "
                  "eikä muita päihteitä. Haluaa työterveyshoitajaksi.";
  cr_assert_not(word_matches(w, "alkoholia"));
  cr_assert_not(word_matches(w, "päihteitä"));
  cr_assert_not(finds_need("Hän ei itse käytä alkoholia eikä muita päihteitä. Haluaa "
                           "työterveyshoitajaksi.",
                           "väärinkäyttö"));
  cr_assert(word_matches("Sairaanhoitaja päihdepoliklinikalla kuusi vuotta. Hän käyttää "
                         "alkoholia liikaa. Haluaa työterveyshoitajaksi.",
                         "alkoholia"),
            "control: not denied");
}

/* A compound's first part names no trade when its head is one: a site
 * secretary ("työmaasihteeri") works in an office, not on the site. */
Test(notes, a_compound_whose_head_is_a_trade_is_that_trade) {
  cr_assert_not(finds_need("Haluaa työmaasihteeriksi.", "rakennusala"));
  cr_assert(finds_need("Haluaa työmaalle töihin.", "rakennusala"), "control: the site itself");
}

/* A note that asks only for services made for the long-term unemployed
 * drops a service for parents it found by the return to work, and keeps
 * one made for the group. */
Test(notes, only_the_services_of_the_group_asked_for) {
  static const char *const PARENTS[] = {"perhevapaalta-tyoelamaan", NULL};
  static const char *const RESTART[] = {"tyonhaun-uudelleenkaynnistys", NULL};
  const char *note = "Helsinki, 52v mies, entinen bussinkuljettaja, ollut työttömänä neljä vuotta. "
                     "Haluaa takaisin työelämään.";
  char only[512];
  snprintf(only, sizeof only,
           "%s Vain palvelut, jotka on tarkoitettu nimenomaan pitkään "
           "työttöminä olleille.",
           note);
  cr_assert(in_top(note, 5, PARENTS), "control: found without the constraint");
  cr_assert_not(in_top(only, 5, PARENTS));
  cr_assert(in_top(only, 5, RESTART));
}

/* "Pyytää vain trukkikorttia": a request for one thing only waits for the
 * problems of now the note tells elsewhere (gambling, quick loans); asked
 * for without "vain", it does not. */
Test(notes, a_request_for_one_thing_only_waits_for_the_problems_of_now) {
  const char *only = "32v mies, varastotyöntekijä. Pelaa nettikasinolla öisin, ja pikavippejä "
                     "on kolme. Pyytää vain trukkikorttia.";
  const char *asks = "32v mies, varastotyöntekijä. Pelaa nettikasinolla öisin, ja pikavippejä "
                     "on kolme. Pyytää trukkikorttia.";
  int narrowed = rank_of(only, "trukkikortti"), plain = rank_of(asks, "trukkikortti");
  cr_assert_lt(plain, 5, "control: asked for plainly, the card is in the top 5 (%d)", plain);
  cr_assert_gt(narrowed, plain, "only: %d, plainly: %d", narrowed, plain);
  kt_results *r;
  const kt_result *x = result_for(only, "trukkikortti", &r);
  bool deferred = false;
  for (size_t k = 0; x && k < x->effect_count; k++)
    deferred |= x->effects[k].factor < 1.0 && strstr(x->effects[k].reason, "rahapeliongelma");
  kt_results_free(r);
  cr_assert(deferred, "the card waits for the gambling problem");
  /* The problem asked for is the request itself: debt advice leads. */
  static const char *const DEBT_ADVICE[] = {"talous-ja-velkaneuvonta", "takuusaatio", NULL};
  cr_assert(in_top("32v mies, varastotyöntekijä. Pyytää vain apua pikavippeihin.", 2, DEBT_ADVICE));
}

/* Placed in care as a child (a foster family until 18), a 19-year-old has
 * aftercare now: the past placement is a need of now. */
Test(notes, a_care_leaver_has_aftercare_now) {
  static const char *const AFTERCARE[] = {"jalkihuolto", NULL};
  cr_assert(in_top("19v nainen, asui sijaisperheessä 12-vuotiaasta 18-vuotiaaksi. Nyt omassa "
                   "yksiössä, rahat lopussa, haluaa töihin.",
                   5, AFTERCARE));
  cr_assert_not(
      in_top("19v nainen, asuu omassa yksiössä, rahat lopussa, haluaa töihin.", 5, AFTERCARE),
      "control: no placement");
}

/* A note that is a service's name and nothing else asks for that service:
 * it leads, above the job portal its concept's expansion lifts. */
Test(notes, a_services_name_alone_puts_it_first) {
  cr_assert_eq(rank_of("Työmarkkinatori", "tyomarkkinatori"), 0);
  cr_assert_eq(rank_of("Duunitori", "duunitori"), 0, "control: the other portal by its name");
}

/* An English or Swedish entry that starts with, or holds, a negation
 * ("doesn't want to live") is matched inside the refusal it makes, as the
 * Finnish "ei halua elää" is: the crisis line leads. */
Test(notes, a_wish_to_die_in_english_finds_the_crisis_line) {
  static const char *const CRISIS[] = {"mieli-kriisipuhelin", "sosiaali-ja-kriisipaivystys", NULL};
  cr_assert(in_top("Man, 45, lost his job in spring. He says he doesn't want to live anymore.", 1,
                   CRISIS));
  cr_assert_not(
      in_top("Man, 45, lost his job in spring. He says he wants to live a quiet life.", 3, CRISIS),
      "control: a wish to live");
}

/* Trembling hands are a sign of drinking only beside a word of it: an
 * illness shakes them too. */
Test(notes, trembling_hands_need_a_word_of_drinking) {
  cr_assert_not(finds_need("Mies 58v, sähköasentaja 30 vuotta. Parkinsonin tauti todettiin viime "
                           "vuonna, kädet vapisevat ja hienomotoriikka on heikentynyt. Haluaa "
                           "kevyempää työtä.",
                           "alkoholi"));
  cr_assert(finds_need("Mies 58v, sähköasentaja. Tuli tapaamiseen krapulassa, kädet vapisivat.",
                       "alkoholi"));
  cr_assert(finds_need("Mies 58v, sähköasentaja. Hengitys haisi viinalle ja kädet vapisivat.",
                       "alkoholi"));
}

/* Medicines the client cannot pay are a cost the social assistance covers
 * (its entry: "välttämättömät terveydenhuollon menot, kuten lääkkeet"). */
Test(notes, medicines_the_client_cannot_pay_are_social_assistance) {
  static const char *const ASSISTANCE[] = {"kela-perustoimeentulotuki",
                                           "taydentava-ehkaiseva-toimeentulotuki", NULL};
  const char *w = "Mies 35v, astma. Pienen palkan jälkeen hänellä ei ole varaa lääkkeisiin.";
  cr_assert(finds_need(w, "toimeentulotuki"));
  cr_assert(in_top(w, 3, ASSISTANCE));
  cr_assert_not(finds_need("Mies 35v, astma, lääkkeet auttavat hyvin. Haluaa varastotöihin.",
                           "toimeentulotuki"));
}

/* A doctor who forbids the work of the trade closes the old work by health:
 * vocational rehabilitation, not a wish to change field alone. */
Test(notes, a_doctor_forbidding_the_trades_work_is_vocational_rehabilitation) {
  static const char *const REHAB[] = {"tyoelakeyhtion-ammatillinen-kuntoutus", "kela-teak", NULL};
  const char *w = "Mies 39v, ikkunanpesijä 15 vuotta. Työterveyslääkäri kielsi työn nostimilla ja "
                  "tikkailla tasapainohäiriön takia. Haluaa vaihtaa alaa, kysyy kuka maksaa "
                  "koulutuksen.";
  cr_assert(finds_need(w, "ammatillinen kuntoutus"));
  cr_assert(in_top(w, 3, REHAB));
  cr_assert_not(finds_need("Nainen 52v. Lääkäri kielsi alkoholin, muuten terve. Haluaa kaupan "
                           "kassalle.",
                           "ammatillinen kuntoutus"));
}

/* A qualification to be recognised, told with words between ("my teaching
 * certificate recognised"), is the recognition of a foreign degree. */
Test(notes, a_qualification_recognised_with_words_between) {
  static const char *const RECOGNITION[] = {"tutkintojen-tunnustaminen", NULL};
  cr_assert(in_top("I'm 41, from Peru. I worked as a chemistry teacher for ten years. How do I "
                   "get my teaching certificate recognised in Finland?",
                   1, RECOGNITION));
}

/* A card the client has, told before "mut muuta ei", is held, not a need. */
Test(notes, a_card_held_before_spoken_but_is_no_need) {
  cr_assert_not(finds_need("nainen 30v, haluaa baarimikoksi. hygieniapassi on mut muuta ei.",
                           "hygieniapassi"));
}

/* Bar work asks for the alcohol serving licence (its entry names
 * "baarimestari", "baarityö", "bartender"). */
Test(notes, bar_work_asks_for_the_serving_licence) {
  static const char *const LICENCE[] = {"anniskelupassi", NULL};
  cr_assert(in_top("Nainen 28v, ollut kaupan kassalla. Haluaisi baarimikoksi.", 2, LICENCE));
}

/* A degree from what the client can already do, told with words between,
 * is the recognition of prior learning. */
Test(notes, a_degree_from_work_experience_is_recognition_of_prior_learning) {
  cr_assert_leq(rank_of("Nainen 45v, myyjä 20 vuotta. Haluaa saada osaamisestaan tutkinnon "
                        "nopeasti ja jatkaa myyntityössä.",
                        "osaamisen-tunnistaminen-nayttotutkinto"),
                1);
  cr_assert_eq(rank_of("Mies 40v, leipuri 15 vuotta. Haluaa suorittaa ammattitutkinnon "
                       "työkokemuksen pohjalta.",
                       "osaamisen-tunnistaminen-nayttotutkinto"),
               0);
}

/* The benefit the client lives on not lasting is a money shortage, and food
 * running out is a need of food aid. */
Test(notes, a_benefit_that_does_not_last_and_food_running_out) {
  const char *w =
      "Nainen 23v, vuokra 700e eikä yleistuki riitä mihinkään. Ruoka loppuu kesken kuun.";
  cr_assert(finds_need(w, "rahat eivät riitä"));
  cr_assert(finds_need(w, "ruoka-apu"));
}

/* Studies on the benefit told by its 2026 name, with words between:
 * self-motivated studies on unemployment benefit. */
Test(notes, studies_on_yleistuki_are_self_motivated_studies) {
  static const char *const STUDIES[] = {"omaehtoinen-opiskelu", NULL};
  const char *w = "Nainen 31v. Insinöörin tutkinnosta puuttuu kaksi kurssia, voiko ne suorittaa "
                  "yleistuella?";
  cr_assert(finds_need(w, "omaehtoinen opiskelu"));
  cr_assert(in_top(w, 2, STUDIES));
}

/* A trip abroad while on the benefit is a matter for the employment
 * services' customer service (is the job search still valid, whom to
 * tell); years lived abroad are not. */
Test(notes, a_trip_abroad_on_the_benefit_is_for_customer_service) {
  static const char *const SERVICE[] = {"tyollisyyspalvelujen-asiakaspalvelu", NULL};
  cr_assert(in_top("Asiakas aikoo lähteä kolmeksi viikoksi ulkomaille tyttärensä luo. Pitääkö "
                   "matkasta ilmoittaa jonnekin?",
                   2, SERVICE));
  cr_assert_not(finds_need("Mies 50v, asui ulkomailla kymmenen vuotta, nyt yleistuella. Haluaa "
                           "varastotöihin.",
                           "asiakaspalvelu ja asiointi"));
}

/* A holiday the client was on is no need of a supported holiday, though the
 * benefit (yleistuki, a compound of "tuki") is named beside it. */
Test(notes, a_holiday_beside_the_benefit_is_no_need_of_one) {
  cr_assert_not(finds_need("Asiakas oli lomalla Espanjassa eikä nähnyt työtarjousta ajoissa. "
                           "Menettääkö hän yleistuen?",
                           "tuettu loma"));
  cr_assert(finds_need("Yksinhuoltaja, ei ole päässyt lomalle vuosiin, tarvitsisi lepoa.",
                       "tuettu loma"));
}

/* Gig work done now is the situation (`now: wish`): the staffing firms are
 * for one who wants gigs. A note that wishes for a trade leaves them out;
 * one that wishes for gigs, or wishes for nothing, keeps them. */
Test(notes, gig_work_done_now_is_no_wish_for_gigs) {
  static const char *const STAFFING[] = {"henkilostopalveluyritykset-keikkatyo", NULL};
  const char *w = "Mies 41v, tekee siivouskeikkoja henkilöstöfirman kautta. Haluaisi "
                  "ammattikuljettajaksi, C-kortti puuttuu.";
  cr_assert_not(in_top(w, 3, STAFFING));
  cr_assert(in_top("haluu vaan jotain keikkahommia heti, rahaa tarvis nyt", 1, STAFFING));
  cr_assert(in_top("Nainen 25v. Haluaisi töihin nopeasti, vaikka keikkaa aluksi.", 1, STAFFING));
  cr_assert(in_top("keikkatyö vuokratyö", 1, STAFFING));
}

/* A field of work done now, in a note that wishes for another field, is the
 * client's background: the new field's trainings come first. Wished for
 * again, the field of now stays a need. */
Test(notes, the_field_worked_in_now_yields_to_the_field_wished_for) {
  static const char *const RETAIL[] = {"asiakaspalvelu-myynti-koulutus", NULL};
  cr_assert_not(in_top("Nainen 26v, tekee osa-aikaisesti kaupan kassalla. Haluaisi hoitoalalle "
                       "lähihoitajaksi.",
                       4, RETAIL));
  cr_assert(in_top("Nainen 26v, tekee osa-aikaisesti kaupan kassalla. Haluaa kokoaikatyötä "
                   "kaupan alalta.",
                   2, RETAIL));
}

/* A note that only asks ("kysyy") wishes for something too: the trade of
 * now told in another sentence is background. A course for the back is a
 * rehabilitation course (the entry names courses for "selkävaivoihin"). */
Test(notes, a_question_is_a_wish_beside_the_trade_of_now) {
  static const char *const WAREHOUSE[] = {"logistiikka-varastoala", NULL};
  static const char *const COURSES[] = {"kela-kuntoutuskurssit", NULL};
  const char *w = "Nainen 47v, varastotyöntekijä, selkä kipeytyy jatkuvasti ja on ollut "
                  "sairauslomalla. Kysyy, järjestääkö Kela selkäkursseja.";
  cr_assert_not(in_top(w, 3, WAREHOUSE));
  cr_assert(in_top(w, 1, COURSES));
  /* A note with no word of the goal, only a question: the retail work of
   * now is background, and the question's benefits come first. */
  static const char *const RETAIL[] = {"asiakaspalvelu-myynti-koulutus", NULL};
  cr_assert_not(in_top("Nainen 38v, kaupan kassalla osa-aikaisesti. Kysyy, miten osa-aikatyö "
                       "vaikuttaa yleistukeen.",
                       3, RETAIL));
}

/* A developmental condition told of the client's childhood (`past:
 * childhood`) is theirs now: "diagnoosi lapsena" finds the autism services.
 * Told of a job the client did (coaching others), it stays history. */
Test(notes, a_condition_diagnosed_in_childhood_is_of_now) {
  static const char *const AUTISM[] = {"autismisaatio-tyollisyyspalvelut", NULL};
  cr_assert(in_top("Mies 26v, autismikirjon diagnoosi lapsena. Valmistui artesaaniksi, töitä ei "
                   "ole löytynyt. Haluaisi töihin.",
                   3, AUTISM));
  /* This note needs the key; the next one finds ADHD as a need of now even
   * without it (its passive past is not read as history). */
  cr_assert(in_top("Nainen 30v, ADHD-diagnoosi lapsena. Ammattikoulu kesken, haluaa suorittaa "
                   "sen loppuun.",
                   5, (const char *const[]){"adhd-liitto", "nepsy-valmennus", NULL}));
  cr_assert(in_top("Nainen 30, ADHD todettiin jo ala-asteella. Ammattikoulu kesken, haluaa "
                   "suorittaa sen loppuun.",
                   5, (const char *const[]){"adhd-liitto", "nepsy-valmennus", NULL}));
  cr_assert_not(in_top("Mies 45v, ohjasi kymmenen vuotta autismikirjon nuoria työpajassa. "
                       "Haluaa nyt kiinteistöhuoltoon.",
                       5, AUTISM));
  /* A school named is no childhood: a job held there. */
  cr_assert_not(in_top("Nainen 44v, työskenteli koulussa autismikirjon oppilaiden avustajana. "
                       "Haluaa nyt kiinteistöhuoltoon.",
                       5, AUTISM));
}

/* A wish to go to work in another EU country the EURES entry names, with a
 * verb of going and words between, is work abroad; a holiday there is not. */
Test(notes, going_to_a_eu_country_to_look_for_work_is_eures) {
  static const char *const EURES[] = {"eures", NULL};
  cr_assert(in_top("Asiakas haluaisi lähteä kolmeksi kuukaudeksi Portugaliin etsimään töitä. "
                   "Voiko yleistuen ottaa mukaan?",
                   1, EURES));
  cr_assert_not(in_top("Yleistuella oleva asiakas lähtee kahdeksi viikoksi Portugaliin lomalle. "
                       "Pitääkö siitä ilmoittaa?",
                       3, EURES));
}

/* A dentist or a health centre's fee the client cannot pay is a cost basic
 * social assistance covers (the entry: "julkisen terveydenhuollon maksut"). */
Test(notes, a_dentist_the_client_cannot_pay_is_for_social_assistance) {
  static const char *const SOCIAL[] = {"kela-perustoimeentulotuki",
                                       "taydentava-ehkaiseva-toimeentulotuki", NULL};
  cr_assert(in_top("Nainen 41v, yleistuella. Hammas särkee viikkoja, hammaslääkäriin ei ole varaa.",
                   2, SOCIAL));
}

/* A phrase's function words typed without their umlauts ("ei ole ketaan
 * kenelle puhua") match the phrase as written ("ketään"). */
Test(notes, function_words_typed_without_umlauts_match_a_phrase) {
  static const char *const LONELY[] = {"helsinkimissio", NULL};
  cr_assert(in_top("nainen 61v, leski, lapset asuu ulkomailla. ei ole ketaan kenelle puhua, paivat "
                   "kuluu yksin.",
                   3, LONELY));
}

/* Work at a daycare centre is no daycare place for the client's child
 * ("vill arbeta på ett daghem"); a child who needs one is. */
Test(notes, work_at_a_daycare_is_no_daycare_place) {
  static const char *const PLACE[] = {"varhaiskasvatus-tyonhaun-ajaksi", NULL};
  cr_assert_not(in_top("Kvinna 34 i Helsingfors, arbetssökande. Vill arbeta på ett svenskspråkigt "
                       "daghem.",
                       3, PLACE));
  cr_assert(
      in_top("Father, 29, at home with a toddler, needs daycare to start a course.", 3, PLACE));
}

/* Studying told with the verb ("voiko sen opiskella aikuisena") is study
 * as an adult, as the noun is ("opiskelu aikuisena"). */
Test(notes, to_study_as_an_adult_is_adult_education) {
  static const char *const ADULT[] = {"stadin-ao-hakeutumisen-ohjaus",
                                      "stadin-ao-perustutkinnot-aikuisille", NULL};
  cr_assert(in_top("Nainen 46v, ollut kaupan kassalla 20 vuotta. Haluaisi välinehuoltajaksi ja "
                   "kysyy, voiko sen opiskella aikuisena.",
                   1, ADULT));
}

/* Money the client will not take ("ei ota opintotukea") is refused, not
 * lacking: the study grant is no need; studying on the benefit is. */
Test(notes, money_not_taken_is_refused) {
  static const char *const GRANT[] = {"opintotuki", NULL};
  const char *w = "Mies 36v, haluaa sairaanhoitajaksi, mutta ei ota opintotukea eikä lainaa "
                  "periaatteesta. Kysyy, voiko opiskella työttömyysetuudella.";
  cr_assert_not(in_top(w, 3, GRANT));
  cr_assert(in_top(w, 3, (const char *const[]){"omaehtoinen-opiskelu", NULL}));
}

/* A business plan typed as spoken ("bisnesplaaniin": Voikko knows no form
 * of it) finds the business plan by its stem; a food truck of one's own is
 * a firm of one's own. */
Test(notes, a_business_plan_typed_as_spoken_is_found) {
  static const char *const FOUNDING[] = {"yritys-helsinki", "uusyrityskeskukset-uusimaa", NULL};
  cr_assert(
      in_top("tyyppi 26v, duunannu kokkina. kysyy mist saa apuu bisnesplaaniin.", 2, FOUNDING));
}

/* English words of when and how many ("one day", "ten years") and of where
 * one lives carry no evidence: "live", "day" and "one" in its text had put
 * the electrical safety card third for a newcomer who wants kitchen work. */
Test(notes, english_words_of_when_carry_no_evidence) {
  cr_assert_not(in_top("I'm 41, from Peru. I moved to Helsinki to live with my husband. My "
                       "Finnish is A1 and I'm registered as a jobseeker. I want to work in a "
                       "kitchen here one day.",
                       6, (const char *const[]){"sahkotyoturvallisuuskortti", NULL}));
}

/* A psychologist licensed abroad is a health professional the licensing
 * entry names ("muu terveydenhuollon ammattilainen"). */
Test(notes, a_psychologist_licensed_abroad_needs_the_finnish_licence) {
  cr_assert(in_top("I'm 37 and came to Helsinki to live with my wife. I'm a licensed "
                   "psychologist from Chile with ten years of clinical work.",
                   1, (const char *const[]){"terveydenhuollon-patevoityminen", NULL}));
}

/* What the client lives on while studying is the study grant's question
 * ("millä hän elää opintojen aikana"). */
Test(notes, living_while_studying_is_the_study_grant) {
  cr_assert(in_top("Mies 26v aloittaa ammattikoulun elokuussa. Millä hän elää opintojen aikana?", 2,
                   (const char *const[]){"opintotuki", NULL}));
}

/* A worker named as an object is no role the client held: "ohjaajaa ei
 * ole nähty" in the work trial is a supervisor missed, so the trial is the
 * client's situation, not a workplace of the client's past. A supervisor
 * the client was stays so. */
Test(notes, a_worker_missed_is_no_role_held) {
  cr_assert(
      need_of_now("Asiakkaan työkokeilupaikassa ohjaajaa ei ole nähty. Mitä tehdä?", "työkokeilu"));
  cr_assert(!need_of_now("Nainen 40v, työskenteli ohjaajana työkokeilupaikassa viisi vuotta, "
                         "haluaa nyt toimistotöihin.",
                         "työkokeilu"),
            "control: a role held there");
}

/* Unpaid trial days before a hire are a question for the labour
 * authority; "onko se laillista" asks whether it is legal (laillinen), not
 * for a licence (laillistaa), which had lifted the health professionals'
 * licensing route. */
Test(notes, unpaid_trial_days_are_for_the_labour_authority) {
  const char *w = "Tuttu kahvila pyytää asiakasta tekemään kolme palkatonta koepäivää ennen kuin "
                  "palkkaa. Onko se laillista?";
  cr_assert(in_top(w, 1, (const char *const[]){"tyosuojelun-neuvonta", NULL}));
  cr_assert_not(in_top(w, 5, (const char *const[]){"terveydenhuollon-patevoityminen", NULL}));
}

/* What a job pays and what to ask (Duunitori's salary data, the unions'
 * salary advice); agreeing on a wage ("sopii palkasta") is no trial of
 * whether a field suits, which had found the work trial. */
Test(notes, salary_information_is_found_and_agreeing_is_no_trial) {
  static const char *const SALARY[] = {"duunitori", "ammattiliittojen-urapalvelut", NULL};
  cr_assert(in_top("Asiakas kysyy, mistä näkee mitä alalla maksetaan ja paljonko palkkaa voi "
                   "pyytää haastattelussa.",
                   2, SALARY));
  const char *w = "Nainen 33v sai työtarjouksen varastolta. Ennen kuin sopii palkasta, haluaa "
                  "tietää alan palkkatason.";
  cr_assert(in_top(w, 3, SALARY));
  cr_assert_not(
      in_top(w, 5, (const char *const[]){"tyokokeilu", "tyokokeilu-helsingin-kaupunki", NULL}));
}

/* Support when a new job begins is job coaching (the coach "tukee työn
 * ensimmäisinä kuukausina"), told in Finnish as the English and Swedish
 * entries already said it. */
Test(notes, support_when_a_new_job_begins_is_job_coaching) {
  static const char *const COACH[] = {"tyohonvalmennus-te", NULL};
  cr_assert(in_top("Mies 38v aloittaa ensi viikolla varastotyöt pitkän työttömyyden jälkeen. "
                   "Jännittää, ja kysyy saako tukea uuden työn alkuun.",
                   1, COACH));
  cr_assert(in_top("Nainen 50v pääsi siivoojaksi, kysyy onko tukea työn ensimmäisinä kuukausina.",
                   1, COACH));
}

/* A perfect with an adverb between states a problem as one without does
 * ("ei ole vielä maksanut pikavippejä takaisin": the quick loans unpaid,
 * not denied, which had left no result at all). Belonging denies as being
 * does: "ei ole koskaan kuulunut työttömyyskassaan" is no member, so no
 * fund's allowance; asking to join is the fund. */
Test(notes, a_perfect_with_an_adverb_states_a_problem) {
  cr_assert(in_top("Mies 40v, ei ole vielä maksanut pikavippejä takaisin.", 2, DEBT));
  const char *never = "Mies 45v irtisanottiin, ei ole koskaan kuulunut työttömyyskassaan. Kysyy "
                      "millä elää.";
  cr_assert(finds_need(never, "ei työttömyyskassan jäsen"));
  cr_assert(!finds_need(never, "ansiosidonnainen"));
  cr_assert(!finds_need(never, "työttömyyskassaan liittyminen"), "control: no wish to join");
  const char *join = "Nainen 29v, ollut kaupassa osa-aikaisena kolme vuotta, ei ole koskaan "
                     "kuulunut kassaan. Kannattaako kassaan liittyä nyt?";
  cr_assert(finds_need(join, "työttömyyskassaan liittyminen"));
  cr_assert(in_top(join, 1, (const char *const[]){"ansiopaivaraha-tyottomyyskassat", NULL}));
}

/* No fund told in the past tense, of an entrepreneur's fund, or in Swedish
 * with "med" is no member as the present is: the allowance of the fund gives
 * way to yleistuki. */
Test(notes, no_fund_in_the_past_and_in_swedish) {
  static const char *const GENERAL[] = {"tyomarkkinatuki-peruspaivaraha", NULL};
  const char *label = "ei työttömyyskassan jäsen";
  const char *owner = "57v, lopettaa toiminimen. Yrittäjän työtulo oli pieni, eikä hän kuulunut "
                      "yrittäjäkassaan. Mitä etuutta voi saada?";
  cr_assert(finds_need(owner, label));
  cr_assert(finds_need(owner, "yleistuki"));
  const char *sv = "Man 44, anmäld som arbetssökande, är inte med i a-kassan.";
  cr_assert(finds_need(sv, label));
  cr_assert(in_top(sv, 1, GENERAL));
  cr_assert_not(finds_need("Man 44, anmäld som arbetssökande, är med i a-kassan.", label),
                "control: a member");
}

/* A state one falls into, denied ("ei ole masentunut"), is denied as being
 * in it is; the perfect of another verb ("ei ole maksanut") states a
 * problem. */
Test(notes, a_state_denied_in_the_perfect_is_no_need) {
  cr_assert(!finds_need("Nainen 36v, sairaanhoitaja. Ei ole masentunut, jaksaa hyvin. Haluaa "
                        "töihin sairaalaan.",
                        "masennus"));
  cr_assert(
      !finds_need("Mies 50v, ei ole velkaantunut eikä sairastunut, hakee varastotöitä.", "velat"));
  cr_assert(finds_need("Nainen 36v on masentunut eikä jaksa hakea töitä.", "masennus"),
            "control: a state told");
}

/* A child's word in the essive is the client as a child: "Lapsena todettu
 * autismikirjo" opening a sentence is the client's own condition (it had
 * been read as a clause about a child, another person). A child's
 * condition stays the child's. */
Test(notes, as_a_child_is_the_clients_own_childhood) {
  cr_assert(need_of_now("Nainen 30v. Lapsena todettu autismikirjo. Haluaisi töihin.", "autismi"));
  cr_assert(
      !need_of_now("Nainen 44v, hakee siivoustöitä. Lapsella todettu autismikirjo.", "autismi"),
      "control: the child's condition");
}

/* A food courier's gig while on yleistuki is self-employment on a platform:
 * the side business's advice on the benefit, not the taxi licence (which
 * "ajaa" had found) nor housing allowance. */
Test(notes, a_food_courier_on_the_benefit_is_a_side_business) {
  const char *w = "Nainen 23v, yleistuella. Aikoo ajaa iltaisin ruokalähettinä, miten tulot "
                  "vaikuttavat yleistukeen?";
  cr_assert(in_top(w, 1, (const char *const[]){"sivutoiminen-yrittajyys-neuvonta", NULL}));
  cr_assert_not(in_top(w, 3, (const char *const[]){"taksinkuljettajan-ajolupa", NULL}));
}

/* "kunnolla" is properly, not fitness (kunto): a night's sleep lacking is
 * insomnia, not exercise advice; fatigue that drains the strength is
 * exhaustion. */
Test(notes, sleep_lacking_properly_is_no_exercise) {
  const char *w = "Mies 47v, ei ole nukkunut kunnolla kuukausiin. Mistä apua?";
  cr_assert_not(in_top(w, 3, (const char *const[]){"liikuntaneuvonta", NULL}));
  cr_assert(in_top(
      w, 2,
      (const char *const[]){"mielenterveystalo-nettiterapiat", "lyhytterapia-helsinki", NULL}));
  cr_assert(finds_need("Mies 47v, väsymys vie voimat. Hakee varastotöitä.", "uupumus"));
}

/* The doctor named first ("Lääkärissä hän ei ole käynyt") is health left
 * untreated as "ei ole käynyt lääkärissä" is: with the request narrowed,
 * the health check comes first. */
Test(notes, no_doctor_seen_told_doctor_first_is_health_untreated) {
  const char *w = "Mies 52v, siivooja. Selkä on särkenyt keväästä ja jalka puutuu öisin. "
                  "Lääkärissä hän ei ole käynyt. Kysyy vain siivoustöitä.";
  cr_assert(finds_need(w, "terveys hoitamatta"));
  cr_assert(
      in_top(w, 1, (const char *const[]){"tyottomien-terveystarkastus", "terveysasema", NULL}));
}

/* A refusal that closes a list governs the list's first items over the
 * comma: in "opinto-ohjausta, työpajaa tai valmentavaa koulutusta hän ei
 * tarvitse" the study guidance is refused too, not a need. */
Test(notes, a_refusal_closing_a_list_refuses_its_first_items) {
  const char *w = "Nainen 24v aloittaa lähihoitajaopinnot tammikuussa, joten opinto-ohjausta, "
                  "työpajaa tai valmentavaa koulutusta hän ei tarvitse. Haluaa joulukuuksi "
                  "keikkatöitä.";
  cr_assert(!finds_need(w, "opinto-ohjaus"));
  cr_assert(finds_need(w, "keikkatyö"), "control: the wish stays");
  cr_assert(finds_need("Nainen 24v. Opinto-ohjausta tarvitsisi, työpajaa ei. Haluaa keikkatöitä.",
                       "opinto-ohjaus"),
            "control: a clause with its own verb is no item of the refused list");
}

/* Experience counted towards a degree ("lasketaanko kokemus mukaan") is the
 * recognition of prior learning. */
Test(notes, experience_counted_is_recognition_of_prior_learning) {
  cr_assert(finds_need("Mies 35v, ollut Irakissa sähköasentajana kymmenen vuotta. Kysyy "
                       "lasketaanko kokemus mukaan, jos hakee sähköalan tutkintoon.",
                       "osaamisen tunnistaminen"));
  cr_assert(!finds_need("Mies 35v, ollut Irakissa sähköasentajana kymmenen vuotta. Laskee "
                        "päivät, hakee varastotöitä.",
                        "osaamisen tunnistaminen"),
            "control: counting days, no experience counted");
  /* The experience asked about is no trade held: the recognition entry is
   * not demoted as training in a field the client already has. */
  cr_assert(in_top("Mies 35v, ollut Irakissa sähköasentajana kymmenen vuotta. Kysyy lasketaanko "
                   "kokemus mukaan, jos hakee sähköalan tutkintoon.",
                   2, (const char *const[]){"osaamisen-tunnistaminen-nayttotutkinto", NULL}));
}

/* The employers' hiring subsidies are found by a subsidy asked for with a
 * hire, not by "tuki" as the first part of another word: a jobseeker who
 * asks what wage to ask for a support person's job (IT-tukihenkilö) is no
 * employer. */
Test(notes, a_support_persons_job_is_no_hiring_subsidy) {
  const char *w = "Asiakas kysyy, paljonko alalla maksetaan ja mitä palkkaa kannattaa pyytää, kun "
                  "hakee IT-tukihenkilön paikkaa.";
  cr_assert(!finds_need(w, "palkkauksen tuet"));
  cr_assert_not(in_top(w, 3, (const char *const[]){"helsinki-lisa", "tyollistamistuki-55", NULL}));
  cr_assert(finds_need("Kahvila haluaa palkata pitkään työttömänä olleen, mitä tukia on?",
                       "palkkauksen tuet"),
            "control: a hire and a subsidy asked for");
}

/* A condition the client suspects and asks to have assessed is a matter for
 * the health station, which examines and refers; a diagnosis already made
 * is no such need. */
Test(notes, a_suspected_condition_to_be_assessed_is_the_health_station) {
  const char *w = "Mies 34v epäilee itsellään ADHD:ta, kun keskittyminen herpaantuu töissä, ja "
                  "kysyy mistä saisi tutkimuksen.";
  cr_assert(finds_need(w, "epäillystä"));
  cr_assert(in_top(w, 4, (const char *const[]){"terveysasema", NULL}));
  cr_assert_not(finds_need("Mies 34v, ADHD todettu lapsena, lääkitys kunnossa, haluaa tukea "
                           "työnhakuun.",
                           "epäillystä"),
                "control: a diagnosis made");
}

/* "kysyy avusta" asks for help (apu), not for an assistant (avustaa) or a
 * virtue (avu): no service matches by those ("avustaa" had found legal aid's
 * counsel for a dismissed pharmacist asking for help with applications). */
Test(notes, asking_for_help_matches_no_assistant) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 1000;
  kt_results *r = kt_test_search(
      e, "Apteekki suljettiin ja hänet irtisanottiin. Kysyy avusta hakemusten tekemiseen.", &o);
  bool hakemus = false;
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->match_count; k++) {
      cr_assert(strcmp(x->matches[k].term, "avustaa") && strcmp(x->matches[k].term, "avu"),
                "%s matched by '%s'", x->id, x->matches[k].term);
      hakemus |= !strcmp(x->matches[k].term, "hakemus");
    }
  }
  cr_assert(hakemus, "control: the other words still match");
  kt_results_free(r);
}

/* Sleeping wherever one happens to be is having no home: the homeless
 * services come before the warehouse work asked for. */
Test(notes, sleeping_wherever_is_homelessness) {
  const char *w = "Mies 30v, varastotyöntekijä, sanoo nukkuvansa missä milloinkin ja lataa "
                  "puhelinta toimistolla. Kysyy vain varastotöitä.";
  cr_assert(finds_need(w, "asunnottomuus"));
  cr_assert_not(finds_need("Mies 30v, varastotyöntekijä, nukkuu huonosti. Kysyy vain varastotöitä.",
                           "asunnottomuus"),
                "control");
}

/* The factor by which the deferral of the request scaled service @p id for
 * @p note (1 if it did not). */
static double deferral_of(const char *note, const char *id) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 100;
  kt_results *r = kt_test_search(e, note, &o);
  int k = kt_test_rank(r, id);
  cr_assert(k >= 0, "%s not found", id);
  const kt_result *x = kt_results_get(r, (size_t)k);
  double f = 1;
  for (size_t i = 0; i < x->effect_count; i++)
    if (strstr(x->effects[i].reason, "ensin")) f *= x->effects[i].factor;
  kt_results_free(r);
  return f;
}

/* A request the counsellor marks as the client's only one ("Kysyy vain
 * puhelinmyynnin töitä") beside symptoms no one has looked at waits further
 * than the same request unmarked: "vain" sets it against the rest. */
Test(notes, a_request_marked_as_the_only_one_waits_further) {
  const char *base = "Mies 56v, painaja 30 vuotta. Tapaamisessa hän pyysi toistamaan kysymyksiä "
                     "ja unohteli sovittuja tapaamisia. Asuu Helsingissä. Kysyy %spuhelinmyynnin "
                     "töitä.";
  char only[512], plain[512];
  snprintf(only, sizeof only, base, "vain ");
  snprintf(plain, sizeof plain, base, "");
  double f_only = deferral_of(only, "asiakaspalvelu-myynti-koulutus");
  double f_plain = deferral_of(plain, "asiakaspalvelu-myynti-koulutus");
  cr_assert_lt(f_plain, 1.0, "control: the request waits for the first need (%g)", f_plain);
  cr_assert_lt(f_only, f_plain * 0.75, "only %g, unmarked %g", f_only, f_plain);
}

/* An only request defers a service from a smaller share of its evidence
 * than a request does: the client's work beside the request ("keikkatyöntekijä
 * varastolla ... Pyytää vain lisää keikkatyötä") no longer keeps the gig
 * agencies out of the deferral behind signs of gambling. */
Test(notes, an_only_request_defers_from_a_smaller_share) {
  const char *w = "Mies 30v, keikkatyöntekijä varastolla. Tapaamisessa hän seurasi puhelimesta "
                  "vedonlyöntikertoimia ja kertoi lainanneensa rahaa kavereilta. Pyytää vain "
                  "lisää keikkatyötä.";
  cr_assert_lt(deferral_of(w, "henkilostopalveluyritykset-keikkatyo"), 1.0);
  cr_assert_eq(kt_engine_set_param(e, "narrowed_share", 0.5), KT_OK);
  cr_assert_eq(deferral_of(w, "henkilostopalveluyritykset-keikkatyo"), 1.0,
               "control: at the request's share it is not deferred");
}

/* A panic attack told by its signs, and cancer by its treatment, are read:
 * the note names neither. */
Test(notes, panic_and_cancer_told_by_their_signs) {
  cr_assert(finds_need("Myyjä 33v on jättänyt työhaastatteluja kesken: sydän hakkaa, kädet "
                       "hikoavat ja tulee tunne, että pyörtyy.",
                       "paniikki"));
  cr_assert_not(finds_need("Myyjä 33v, sydän terve, hakee töitä kaupasta.", "paniikki"), "control");
  cr_assert(finds_need("Toimistosihteeri 52v käy tiistaisin sytostaattihoidoissa ja väsyy.",
                       "pitkäaikaissairaus"));
  cr_assert(finds_need("Toimistosihteeri 52v, solunsalpaajahoidot jatkuvat maaliskuuhun.",
                       "pitkäaikaissairaus"));
}

/* A postposition is no word of a service: "vaimonsa luo" (to his wife) had
 * matched "luo" (creates) in the municipal job board's text, more than half
 * of its score. */
Test(notes, a_postposition_carries_no_result) {
  kt_results *r = kt_test_search(e,
                                 "Mies 35v Sri Lankasta, tuli vaimonsa luo Helsinkiin kaksi "
                                 "vuotta sitten. Kotimaassa kirjanpitäjä, suomi A2. Haluaisi "
                                 "kirjanpitoon töihin.",
                                 NULL);
  size_t seen = 0;
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->match_count; k++) {
      seen++;
      cr_assert(strcmp(x->matches[k].word, "luo"), "\"luo\" matched %s", x->id);
    }
  }
  kt_results_free(r);
  cr_assert_gt(seen, 0, "control: the results have matched words");
}

/* A note that asks for services in one language only closes the others, as
 * "vain Espoossa" closes another municipality's: a warehouse logistics
 * degree given in Finnish only had led a note that asks for Swedish. */
Test(notes, services_in_one_language_only) {
  const char *only = "Mies 40v, Kokkolasta muuttanut, masentunut ja nukkuu huonosti, haluaa "
                     "keskusteluapua ja myöhemmin töihin varastoon. Palvelut vain ruotsiksi.";
  const char *wish = "Mies 40v, Kokkolasta muuttanut, masentunut ja nukkuu huonosti, haluaa "
                     "keskusteluapua ja myöhemmin töihin varastoon. Palvelut ruotsiksi.";
  cr_assert_eq(with_effect(only, 5, "palvelua saa ruotsiksi"), 5);
  cr_assert_lt(with_effect(wish, 5, "palvelua saa ruotsiksi"), 5,
               "control: a language wished for is no constraint");
  const char *en = "Man 45 from Estonia, construction worker for 20 years, back pain, wants a "
                   "forklift licence and warehouse work. Only services in English.";
  cr_assert_eq(with_effect(en, 5, "palvelua saa englanniksi"), 5);
  size_t off = with_effect_undemoted(en, 5, "demote_lang_only", "palvelua saa englanniksi");
  size_t off_sv = with_effect_undemoted(only, 5, "demote_lang_only", "palvelua saa ruotsiksi");
  cr_assert_lt(off, 5, "control: without the constraint's demotion");
  cr_assert_lt(off_sv, 5, "control: without the constraint's demotion");
}

/* The values of the note's signals of @p kind, in the order read (the
 * ways of delivery and the providers in the catalogue's order), joined by
 * commas, or "". */
static void signals_of(const char *note, int kind, char *out, size_t size) {
  kt_results *r = kt_test_search(e, note, NULL);
  out[0] = '\0';
  for (size_t i = 0; i < kt_results_signal_count(r); i++)
    if (kt_results_signal(r, i)->kind == kind)
      snprintf(out + strlen(out), size - strlen(out), "%s%s", *out ? "," : "",
               kt_results_signal(r, i)->value);
  kt_results_free(r);
}

/* Removing @p removed ("kind:value") drops the constraint it names: no
 * signal of @p kind is left, and none of the first 30 results carries an
 * effect whose reason holds @p reason, where some did before (a
 * constraint kept though its signal went would still lower them there). */
static void assert_removable(const char *note, const char *removed, int kind, const char *reason) {
  cr_assert_gt(with_effect(note, 30, reason), 0, "control: the constraint acts on '%s'", note);
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  const char *const rm[] = {removed};
  o.signals_removed.items = rm;
  o.signals_removed.count = 1;
  o.limit = 30;
  kt_results *r = kt_test_search(e, note, &o);
  for (size_t i = 0; i < kt_results_signal_count(r); i++)
    cr_assert_neq(kt_results_signal(r, i)->kind, kind, "%s", removed);
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t j = 0; j < x->effect_count; j++)
      cr_assert_null(strstr(x->effects[j].reason, reason), "%s: %s", removed, x->id);
  }
  kt_results_free(r);
}

/* A note that asks for services of some ways of delivery alone (by phone,
 * online, face to face) closes the others, as "vain ruotsiksi" closes
 * another language: a panic-stricken client who deals by phone alone had
 * a top 5 of services given face to face only. */
Test(notes, services_given_in_the_ways_asked_only) {
  const char *phone = "Nainen 33v, kirjanpitäjä. Paniikkihäiriö, ei pysty lähtemään kotoa eikä "
                      "jaksa videotapaamisia. Tarvitsee apua työnhakuun ja keskusteluapua. Vain "
                      "puhelimitse saatavat palvelut.";
  const char *face = "Mies 59v, varastomies, irtisanottu. Luottaa vain ihmisiin, jotka näkee: ei "
                     "puhelin-, chat- eikä verkkopalveluja, vain kasvokkain. Haluaa varastotöihin "
                     "ja tarvitsee apua hakemuksiin.";
  char got[64];
  signals_of(phone, KT_SIGNAL_DELIVERY, got, sizeof got);
  cr_assert_str_eq(got, "puhelin");
  /* The ways refused before "vain" are not asked for. */
  signals_of(face, KT_SIGNAL_DELIVERY, got, sizeof got);
  cr_assert_str_eq(got, "kasvokkain");
  signals_of("Asiakas 45v haluaa neuvoja velkoihin mutta vain puhelimessa tai chatissa.",
             KT_SIGNAL_DELIVERY, got, sizeof got);
  cr_assert_str_eq(got, "verkko,puhelin");
  signals_of("Client 42 needs help with rent, online only.", KT_SIGNAL_DELIVERY, got, sizeof got);
  cr_assert_str_eq(got, "verkko");
  signals_of("Kurssin pitää olla kokonaan verkossa.", KT_SIGNAL_DELIVERY, got, sizeof got);
  cr_assert_str_eq(got, "verkko");
  /* A phone owned, a negated way and a way named without "only" ask for none. */
  signals_of("Hänellä on vain vanha peruspuhelin, ei tietokonetta. Haluaa varastoon.",
             KT_SIGNAL_DELIVERY, got, sizeof got);
  cr_assert_str_eq(got, "");
  signals_of("Vain palvelut, joihin ei tarvita nettiyhteyttä. Haluaa varastoon.",
             KT_SIGNAL_DELIVERY, got, sizeof got);
  cr_assert_str_eq(got, "");
  signals_of("Soittaa puhelimella ja asioi verkossa. Haluaa varastoon.", KT_SIGNAL_DELIVERY, got,
             sizeof got);
  cr_assert_str_eq(got, "");
  /* No service of the top 5 is given in none of the ways asked ... */
  cr_assert_eq(with_effect(phone, 5, "palvelua ei saa näin"), 0);
  cr_assert_eq(with_effect(face, 5, "palvelua ei saa näin"), 0);
  /* ... which some are without the constraint's demotion. */
  size_t off = with_effect_undemoted(phone, 5, "demote_delivery_only", "palvelua ei saa näin");
  cr_assert_gt(off, 0, "control: without the constraint's demotion");
  /* The counsellor can drop the constraint. */
  assert_removable(phone, "delivery:*", KT_SIGNAL_DELIVERY, "palvelua ei saa näin");
}

/* Does the note ask for nationwide services alone (a "koko Suomi" signal)? */
static bool asks_national(const char *note) {
  kt_results *r = kt_test_search(e, note, NULL);
  bool hit = false;
  for (size_t i = 0; i < kt_results_signal_count(r); i++)
    hit |= kt_results_signal(r, i)->kind == KT_SIGNAL_MUNICIPALITY &&
           !strcmp(kt_results_signal(r, i)->value, "koko Suomi");
  kt_results_free(r);
  return hit;
}

/* A client about to move away asks for services available across Finland
 * alone: one of a few municipalities, Helsinki included, waits. */
Test(notes, services_across_finland_only) {
  const char *note = "Mies 31v, varastotyöntekijä, muuttaa Ouluun kuukauden päästä. Haluaa "
                     "trukkikortin ja apua työnhakuun. Vain palvelut, jotka ovat saatavilla koko "
                     "Suomessa.";
  cr_assert(asks_national(note));
  cr_assert(asks_national("Haluaa vain valtakunnallisia palveluja, muuttaa Tampereelle."));
  /* The client's municipality beside: that place or nationwide ones. */
  cr_assert_not(asks_national(
      "Keravalainen 37v. Vain palvelut, jotka saa Keravalla tai valtakunnallisesti."));
  cr_assert_not(asks_national("Palvelu toimii koko Suomessa. Haluaa varastoon."));
  cr_assert_eq(with_effect(note, 5, "palvelu vain kunnissa"), 0);
  size_t off = with_effect_undemoted(note, 5, "demote_area_only", "palvelu vain kunnissa");
  cr_assert_gt(off, 0, "control: without the demotion");
}

/* A note that asks for services of some providers alone (Kela's, the
 * city's own, NGOs' and parishes') closes the others'; one that leaves a
 * provider out closes its. */
Test(notes, services_of_the_providers_asked_only) {
  const char *kela = "Nainen 45v, masennus ja selkäkipu, työkyky heikentynyt, haluaa kuntoutusta. "
                     "Vain Kelan järjestämät tai maksamat palvelut ja etuudet.";
  const char *ngo = "Mies 52v, työtön kaksi vuotta, yksinäinen ja velkaa. Vain järjestöjen ja "
                    "seurakuntien palvelut – ei kaupunkia, Kelaa eikä valtiota.";
  char got[64];
  signals_of(kela, KT_SIGNAL_PROVIDER, got, sizeof got);
  cr_assert_str_eq(got, "kela");
  signals_of(ngo, KT_SIGNAL_PROVIDER, got, sizeof got);
  cr_assert_str_eq(got, "jarjesto,seurakunta");
  signals_of("Koska hän on itse kaupungin palveluksessa, vain muiden kuin kaupungin "
             "järjestämät palvelut.",
             KT_SIGNAL_PROVIDER, got, sizeof got);
  cr_assert_str_eq(got, "ei_kaupunki");
  /* A benefit received, not a provider asked for */
  signals_of("Mies 30v saa vain Kelan yleistukea, haluaa varastotöihin.", KT_SIGNAL_PROVIDER, got,
             sizeof got);
  cr_assert_str_eq(got, "");
  cr_assert_eq(with_effect(kela, 5, "palvelun tuottaja on toinen"), 0);
  cr_assert_eq(with_effect(ngo, 5, "palvelun tuottaja on toinen"), 0);
  size_t off_kela =
      with_effect_undemoted(kela, 5, "demote_provider_only", "palvelun tuottaja on toinen");
  size_t off_ngo =
      with_effect_undemoted(ngo, 5, "demote_provider_only", "palvelun tuottaja on toinen");
  cr_assert_gt(off_kela, 0, "control: without the demotion");
  cr_assert_gt(off_ngo, 0, "control: without the demotion");
  /* The counsellor can drop one. */
  assert_removable(kela, "provider:kela", KT_SIGNAL_PROVIDER, "tuottaja on toinen");
}

/* A note that asks for a service free of charge closes those the client
 * pays for (a psychotherapy with its own share had come first for "pitää
 * olla maksuton"); one that asks for free ones alone, also those free only
 * in part or for some (safety cards paid unless within a course). */
Test(notes, a_service_free_of_charge_asked) {
  const char *wish = "Mies 35v, masennus ja ahdistus, tarvitsee keskusteluapua tai terapiaa. Pitää "
                     "olla maksuton, rahaa ei ole.";
  const char *only = "Mies 40v, rakennusmies, haluaa työturvallisuuskortin, tulityökortin ja "
                     "EA1:n. Rahaa ei ole: vain täysin maksuttomat palvelut.";
  char got[32];
  signals_of(wish, KT_SIGNAL_FEE, got, sizeof got);
  cr_assert_str_eq(got, "maksuton");
  signals_of(only, KT_SIGNAL_FEE, got, sizeof got);
  cr_assert_str_eq(got, "vain_maksuton");
  signals_of("Asiakas haluaa oppia koodaamaan ilmaiseksi.", KT_SIGNAL_FEE, got, sizeof got);
  cr_assert_str_eq(got, "maksuton");
  signals_of("He wants to learn coding for free.", KT_SIGNAL_FEE, got, sizeof got);
  cr_assert_str_eq(got, "maksuton");
  /* "ilmaista" the verb (to express) asks for nothing. */
  signals_of("Kirjallisesti hän ilmaisee itseään hyvin. Haluaa toimistoon.", KT_SIGNAL_FEE, got,
             sizeof got);
  cr_assert_str_eq(got, "");
  cr_assert_eq(with_effect(wish, 5, "palvelu on maksullinen"), 0);
  cr_assert_eq(with_effect(only, 5, "maksullinen"), 0);
  size_t off_wish = with_effect_undemoted(wish, 5, "demote_paid", "palvelu on maksullinen");
  size_t off_only = with_effect_undemoted(only, 5, "demote_paid", "palvelu on osin maksullinen");
  /* A wish alone leaves a service free in part alone (no effect listed on
   * any, read where no demotion moves them out of sight). */
  size_t part_wish = with_effect_undemoted(wish, 30, "demote_paid", "palvelu on osin maksullinen");
  cr_assert_gt(off_wish, 0, "control: without the demotion");
  cr_assert_gt(off_only, 0, "control: without the demotion");
  cr_assert_eq(part_wish, 0);
  /* The counsellor can drop it. */
  assert_removable(only, "fee:*", KT_SIGNAL_FEE, "maksullinen");
}

/* Does the note signal target group @p group? */
static bool signals_group(const char *note, const char *group) {
  kt_results *r = kt_test_search(e, note, NULL);
  bool hit = false;
  for (size_t i = 0; i < kt_results_signal_count(r); i++) {
    const kt_signal *sg = kt_results_signal(r, i);
    hit |= sg->kind == KT_SIGNAL_TARGET_GROUP && !strcmp(sg->value, group);
  }
  kt_results_free(r);
  return hit;
}

/* A Finland-Swede whose Finnish is weak has not migrated: the immigrants'
 * group of the weak-Finnish concept is no group of theirs. A spouse who is
 * a Finland-Swede makes no Finland-Swede of the client. */
Test(notes, a_finland_swede_is_no_immigrant) {
  const char *swede = "Svenskspråkig man, 45, i Helsingfors. Han har jobbat som elektriker i "
                      "tjugo år men ryggen håller inte längre. Finskan är svag. Han vill omskola "
                      "sig till ett kontorsjobb.";
  const char *man = "Man, 45, i Helsingfors. Han har jobbat som elektriker i tjugo år men "
                    "ryggen håller inte längre. Finskan är svag. Han vill omskola sig till ett "
                    "kontorsjobb.";
  const char *spouse = "Man, 45, gift med en svenskspråkig kvinna, i Helsingfors. Han har jobbat "
                       "som elektriker i tjugo år men ryggen håller inte längre. Finskan är svag.";
  cr_assert_not(signals_group(swede, "maahanmuuttajat"));
  cr_assert(signals_group(man, "maahanmuuttajat"), "control: weak Finnish alone");
  cr_assert(signals_group(spouse, "maahanmuuttajat"), "control: the spouse's tongue");
  cr_assert_not(signals_group("Mies 50v, äidinkieli on ruotsi, suomi heikko. Haluaa "
                              "toimistotöihin.",
                              "maahanmuuttajat"));
  cr_assert(signals_group("Mies 50v, suomi heikko. Haluaa toimistotöihin.", "maahanmuuttajat"),
            "control: without the mother tongue");
}

/* "yhtään" (at all) stands inside a phrase without changing it: "ei tiiä
 * yhtään mitä tekis" is "ei tiedä mitä tekisi", a career direction lost. */
Test(notes, at_all_inside_a_phrase) {
  cr_assert(finds_need("kaveri 27v, kitaristi bändissä kymmenen vuotta, bändi hajos. ei tiiä "
                       "yhtään mitä tekis seuraavaks.",
                       "suunta hukassa"));
  cr_assert(finds_need("kaveri 27v, kitaristi bändissä kymmenen vuotta, bändi hajos. ei tiiä "
                       "mitä tekis seuraavaks.",
                       "suunta hukassa"),
            "control: the phrase without the word");
}

/* A person's first name is no need, where a service's acronym is spelled
 * alike: "Veli Riku" is a brother, "RIKU" the victims' support service. */
Test(notes, a_first_name_is_no_service) {
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 1000;
  kt_results *r = kt_test_search(e,
                                 "Varastonhoitaja 34v, määräaikainen päättyi. Veli Riku on "
                                 "luvannut kysyä hänelle paikkaa satamasta.",
                                 &o);
  int at = kt_test_rank(r, "rikosuhripaivystys");
  double share = 0;
  if (at >= 0) {
    const kt_result *x = kt_results_get(r, (size_t)at);
    for (size_t k = 0; k < x->match_count; k++)
      if (!strcmp(x->matches[k].word, "Riku")) share += x->matches[k].weight;
  }
  kt_results_free(r);
  cr_assert_lt(share, 0.1, "the name carries %.0f %% of the victims' service", share * 100);
  cr_assert(in_top("Asiakas haluaa soittaa RIKU:un, koska häntä uhkailtiin.", 3,
                   (const char *const[]){"rikosuhripaivystys", NULL}),
            "control: the acronym");
}

/* A need that comes first leads even when its services are far below the
 * request's many words: signs of failing hearing no one has looked at, and
 * a request for phone sales work only. */
Test(notes, a_first_need_leads_from_further_down) {
  static const char *const HEALTH[] = {"tyokykykoordinaattori", "tyottomien-terveystarkastus",
                                       "terveysasema", NULL};
  cr_assert(in_top("Mies 56v, painaja 30 vuotta meluisassa hallissa. Tapaamisessa hän pyysi "
                   "toistamaan kysymyksiä, puhui kovalla äänellä ja vastasi ohi aiheen. Kassan "
                   "jäsen, asuu Helsingissä. Kysyy vain puhelinmyynnin tai asiakaspalvelukeskuksen "
                   "töitä.",
                   1, HEALTH));
}

/* The employment clause in the city's contracts, told by what it asks of the
 * firm, by a jobseeker who heard of it. */
Test(notes, the_employment_clause_told_by_what_it_asks) {
  cr_assert(in_top("Työnhakija on lukenut, että kaupungin siivousurakoissa yritysten on "
                   "palkattava työttömiä. Miten hän voisi päästä sellaiseen työhön?",
                   1, (const char *const[]){"tyollistamisehto-hankinnoissa", NULL}));
}

/* A denied limit on work ability is no partial work ability: the
 * catalogue's own words for it ("työkyvyn rajoite", "työkykyä rajoittava")
 * find the need, and denied they drop it with their words. */
Test(notes, denied_limits_on_work_ability_find_nothing) {
  static const char *const PARTIAL[] = {"osatyokykyisten-rekrytoinnin-tuki",
                                        "tyoolosuhteiden-jarjestelytuki",
                                        "palkkatuki-osatyokykyiset", NULL};
  cr_assert(finds_need("Nainen 42v, työkyvyn rajoitteita selän takia, haluaa toimistotöihin.",
                       "osatyökykyisyys"));
  cr_assert_not(in_top("Nainen 42v, tradenomi. Hänellä ei ole työkyvyn rajoitteita. Haluaa "
                       "toimistotöihin ja kysyy avoimista paikoista.",
                       5, PARTIAL));
}

/* A partner turned violent, told in the sentence after the partner ("my
 * husband works here. He has become violent"), and a bank card taken from
 * the client are violence at home. Violence named of no partner is not. */
Test(notes, a_partner_turned_violent_in_the_next_sentence) {
  const char *label = "lähisuhdeväkivalta";
  cr_assert(finds_need("I came here because my husband works here. He has become violent and I "
                       "am afraid.",
                       label));
  cr_assert(finds_need("She is 30. Her partner takes her bank card every month.", label));
  cr_assert_not(finds_need("I worked as a security guard and dealt with violent customers. My "
                           "husband works here too.",
                           label),
                "control: violence of no partner");
}

/* Violence told as reported ("kertoo isän lyövän häntä") is violence, and
 * its services are found by what they are about: a helpline's name split
 * into words ("Naisten Linja", "Nollalinja") is no expansion of it (its
 * "linja" had put a folk high school's study lines first). */
Test(notes, violence_told_as_reported) {
  static const char *const SCHOOL[] = {"kansanopistojen-opistovuosi", NULL};
  const char *note = "16-vuotias poika tuli yksin. Kertoo isän lyövän häntä ja äidin olevan "
                     "hiljaa. Peruskoulu päättyy keväällä. Kysyy vain kesätöistä.";
  cr_assert(finds_need(note, "lähisuhdeväkivalta"));
  cr_assert_not(in_top(note, 5, SCHOOL));
  cr_assert(in_top(note, 5,
                   (const char *const[]){"turvakoti", "sosiaali-ja-kriisipaivystys",
                                         "rikosuhripaivystys", NULL}));
  /* No result is matched by "linja" through the concept. */
  kt_search_options o = KT_SEARCH_OPTIONS_INIT;
  o.limit = 40;
  kt_results *r = kt_test_search(e, note, &o);
  for (size_t i = 0; i < kt_results_count(r); i++) {
    const kt_result *x = kt_results_get(r, i);
    for (size_t k = 0; k < x->match_count; k++)
      cr_assert(!x->matches[k].concept || strcmp(x->matches[k].concept, "lähisuhdeväkivalta") ||
                    strcmp(x->matches[k].term, "linja"),
                "%s by linja", x->id);
  }
  kt_results_free(r);
}

/* A need whose past is the need (the return from family leave) is no
 * need when that past is dated long ago and work came after it. */
Test(notes, a_past_need_dated_long_ago_is_history) {
  static const char *const LEAVE[] = {"perhevapaalta-tyoelamaan", NULL};
  cr_assert_not(in_top("Nainen 40v, kävi 2019 perhevapaalta työelämään -valmennuksen ja oli sen "
                       "jälkeen kuusi vuotta vakuutusyhtiön asiakaspalvelussa. Yhtiö irtisanoi "
                       "hänet. Haluaa IT-tukihenkilöksi.",
                       5, LEAVE));
  cr_assert(in_top("Nainen 40v, kävi perhevapaalta työelämään -valmennuksen ja oli sen jälkeen "
                   "kuusi vuotta vakuutusyhtiön asiakaspalvelussa. Yhtiö irtisanoi hänet. "
                   "Haluaa IT-tukihenkilöksi.",
                   5, LEAVE),
            "control: the same past, undated");
}

/* Discrimination, for age as for any ground, is what the occupational
 * safety authority enforces (its entry: "valvoo ... syrjintäkieltoa"); a
 * Swedish "Syrien" is no form of it (syrjiä is its verb, left out). */
Test(notes, discrimination_finds_the_rights_at_work) {
  static const char *const RIGHTS[] = {"tyosuojelun-neuvonta", NULL};
  cr_assert(in_top("ikäsyrjintä", 3, RIGHTS));
  cr_assert(in_top("Asiakas kokee syrjintää työhaastatteluissa nimensä takia.", 3, RIGHTS));
  cr_assert_not(
      finds_need("Jag är 33, född i Syrien, och vill jobba som närvårdare.", "työsuojelu"));
}

/* Wages owed, by their name, are the rights at work. */
Test(notes, wages_owed_by_their_name) {
  static const char *const RIGHTS[] = {"tyosuojelun-neuvonta", NULL};
  cr_assert(in_top("palkkasaatavat", 3, RIGHTS));
  cr_assert(in_top("Asiakkaalla on maksamattomia palkkoja entiseltä työnantajalta.", 3, RIGHTS));
}

/* An inability told as the thesaurus writes it, its negation first ("ei
 * jaksa nousta sängystä"), is a need of now that may come first, though
 * its words read as a refusal: beside a request marked as the only one,
 * its care leads. */
Test(notes, an_inability_as_written_may_come_first) {
  static const char *const CARE[] = {"mielenterveystalo-nettiterapiat",
                                     "lyhytterapia-helsinki",
                                     "kela-kuntoutuspsykoterapia",
                                     "mieppi",
                                     "terveysasemat",
                                     NULL};
  cr_assert(in_top("41v mies, kokki, työtön vuoden. Ei jaksa nousta sängystä ennen puoltapäivää. "
                   "Pyytää vain apua CV:n päivittämiseen.",
                   1, CARE));
}

/* Founding a business named by its kind, and the start of a business asked
 * for, in the catalogue's words ("yrityksen aloittamiseen tarvittaviin
 * hankintoihin"), are becoming an entrepreneur. */
Test(notes, a_business_named_by_its_kind_is_founding) {
  cr_assert(finds_need("Nainen 38v. Haluaa perustaa kotiin vaatteiden korjausompelimon.",
                       "yrittäjäksi ryhtyminen"));
  cr_assert(finds_need("Nainen 38v. Kysyy, mistä saisi tukea hankintoihin ja yrityksen "
                       "aloitukseen.",
                       "yrittäjäksi ryhtyminen"));
  cr_assert_not(finds_need("Nainen 38v, ompelija ompelimossa 15 vuotta, haluaa toimistotöihin.",
                           "yrittäjäksi ryhtyminen"),
                "control: a workshop worked in");
}

/* The software field named as the goal is the IT field: the IT field is then
 * the goal, not only the trade the client's online courses tell of (it had
 * been read as a trade held and left, and the IT training demoted). */
Test(notes, the_software_field_as_the_goal_is_it) {
  cr_assert(finds_need("Haluaa ohjelmistoalalle.", "IT-ala"));
  cr_assert_neq(need_role("29v mies, filosofian maisteri, määräaikainen sopimus museossa päättyi. "
                          "Hän on tehnyt verkkokursseja ohjelmoinnista. Haluaa ohjelmistoalalle ja "
                          "kysyy muuntokoulutuksesta.",
                          "IT-ala"),
                KT_ROLE_BACKGROUND);
}

/* A keyword note whose every word is a word of a service's name asks for
 * that service, though its name says more ("Kelan sairauspäiväraha ja
 * osasairauspäiväraha"): it leads the work-ability advice that the sick
 * leave's concept finds too. */
Test(notes, a_keyword_of_a_name_asks_for_that_service) {
  static const char *const sick[] = {"kela-sairauspaivaraha", NULL};
  cr_assert(in_top("sairauspäiväraha", 1, sick));
}

/* Summer jobs told as the client's situation, in a note that wishes for
 * other work, are the client's work history (`now: wish`), not a wish for
 * summer work; asked for, they are the need. */
Test(notes, summer_jobs_behind_are_history) {
  cr_assert_eq(need_role("Helsinki, 30v mies, merkonomi; takana vain kesätöitä. Haluaa "
                         "toimistotöihin, esimerkiksi laskutukseen.",
                         "kesätyö"),
               KT_ROLE_BACKGROUND);
  cr_assert_eq(need_role("Helsinki, 17v poika etsii kesätöitä.", "kesätyö"), KT_ROLE_SITUATION,
               "control: summer work asked for");
}

/* Signs of illiteracy told, not named: letters read aloud by someone else,
 * glasses said to be forgotten, a signature in the wrong place. */
Test(notes, signs_of_illiteracy_told) {
  const char *const lit = "luku- ja kirjoitustaidon puute";
  cr_assert(finds_need("50v nainen, asunut Suomessa 20 vuotta. Pyytää aina poikaa lukemaan kirjeet "
                       "ääneen. Kysyy vain siivoustöitä.",
                       lit));
  cr_assert(finds_need("50v nainen. Sanoo unohtaneensa silmälasit, kun pitäisi lukea.", lit));
  cr_assert(finds_need("50v nainen. Allekirjoitti hakemuksen väärään kohtaan.", lit));
  cr_assert_not(
      finds_need("50v nainen. Lukee lapsille ääneen kirjoja, haluaa kirjastoon töihin.", lit),
      "control: reading aloud to children");
}

/* The electrical trade as notes write it, spoken and Swedish (*sähkäri*,
 * *elektriker*), is a trade: wished for it is the need, told of a job held
 * it is the client's history. */
Test(notes, the_electrical_trade_is_read) {
  cr_assert(finds_need("jäbä 30v, ollu varastol 10v, nyt haluis sähkäriks.", "sähköala"));
  cr_assert(finds_need("Man, 40 år, lagerarbetare. Vill bli elektriker.", "sähköala"));
  cr_assert_eq(need_role("Ollut sähkärinä 10 vuotta, selkä ei kestä, haluaa nyt toimistotöihin.",
                         "sähköala"),
               KT_ROLE_BACKGROUND);
}

/* Studying for the electrical trade is vocational education, told with the
 * trade between (*haluaa opiskella sähköasentajaksi*): the vocational
 * schools lead, not what the client's past as a warehouse worker finds. */
Test(notes, studying_for_the_electrical_trade_is_vocational_school) {
  static const char *const SCHOOL[] = {"uudenmaan-ammattiopistot", "stadin-ao-hakeutumisen-ohjaus",
                                       "stadin-ao-perustutkinnot-aikuisille", NULL};
  const char *const note = "Mies 36v, varastotyöntekijä; keräsi tilauksia ja ajoi trukkia "
                           "kahdeksan vuotta. Ei velkoja. Haluaa opiskella sähköasentajaksi.";
  cr_assert(finds_need(note, "ammatillinen koulutus"));
  cr_assert(in_top(note, 2, SCHOOL));
}

/* School for a trade asked as an adult with words between (*voiko
 * aikuisena mennä amikseen*) is studying as an adult. */
Test(notes, vocational_school_as_an_adult_with_words_between) {
  cr_assert(finds_need("mimmi 28v, kysyy voiks aikuisena mennä amikseen.", "opiskelu aikuisena"));
  cr_assert(finds_need("Kysyy, voiko aikuisena vielä hakea ammattikouluun.", "opiskelu aikuisena"));
  cr_assert_not(finds_need("Kysyy, voiko vielä hakea ammattikouluun.", "opiskelu aikuisena"),
                "control: school asked for with no word of adulthood");
}

/* A service only for parents of small children (a family café, a
 * playground's family activities) is lowered for a note that names no
 * child: a man alone at home with a bad back who wants rhythm and company
 * does not ask for a family café. A child named, even in passing or by age
 * alone, keeps it open; a child denied does not. */
Test(notes, services_for_parents_need_a_child) {
  static const char *const FAMILY[] = {"mll-perhekahvilat", "leikkipuistot-perhetoiminta", NULL};
  const char *const alone = "52v mies, varastomies; selkä kipeä ja mieli maassa, asuu yksin ja "
                            "lähinnä makaa kotona. Haluaisi päiviin rytmiä ja seuraa.";
  cr_assert(service_reason(alone, "mll-perhekahvilat", "lapsiperheille"));
  cr_assert_not(in_top(alone, 5, FAMILY));
  cr_assert(service_reason("52v mies, selkä kipeä, ei lapsia. Haluaisi päiviin rytmiä ja seuraa.",
                           "mll-perhekahvilat", "lapsiperheille"),
            "a child denied is none");
  cr_assert_not(service_reason("52v mies, selkä kipeä, lapsi 2v kotona. Haluaisi päiviin rytmiä "
                               "ja seuraa.",
                               "mll-perhekahvilat", "lapsiperheille"),
                "control: a child named");
  cr_assert_not(service_reason("Asiakas on kotona kolmevuotiaan kanssa ja kaipaa seuraa.",
                               "mll-perhekahvilat", "lapsiperheille"),
                "control: a child by age alone");
}

/* "Never" in a denial takes no room of its scope: "ei ole koskaan ollut
 * ongelmia päihteiden kanssa" denies the substances as "ei ole ollut
 * ongelmia päihteiden kanssa" does, and nothing of them is shown, not
 * even as the client's background. */
Test(notes, never_had_problems_with_substances_is_no_background) {
  cr_assert_eq(need_role("Mies 44v, entinen kokki, nyt rakennuksilla apumiehenä. Ei ole koskaan "
                         "ollut ongelmia päihteiden kanssa. Haluaa oppia hitsaamaan.",
                         "alkoholiongelma"),
               -1);
  cr_assert_eq(need_role("Mies 44v, rakennuksilla apumiehenä. Päihteiden kanssa ei ole koskaan "
                         "ollut ongelmia. Haluaa oppia hitsaamaan.",
                         "alkoholiongelma"),
               -1);
  cr_assert_neq(need_role("Mies 44v, rakennuksilla apumiehenä. On ollut ongelmia päihteiden "
                          "kanssa. Haluaa oppia hitsaamaan.",
                          "alkoholiongelma"),
                -1, "control: problems told, not denied");
}

/* Cards listed as valid, the list's first ones split off by commas
 * ("Työturvallisuuskortti, tulityökortti ja Tieturva 1 ovat voimassa"),
 * are held: their courses are no need. Tieturva is such a card though its
 * name has no "kortti". Needed, the same cards find their courses. */
Test(notes, cards_listed_as_valid_are_held) {
  static const char *const SAFETY[] = {"tyoturvallisuuskortti", NULL};
  static const char *const ROAD[] = {"tieturva-1", NULL};
  const char *const held =
      "46v mies, kattoasentaja 20 vuotta. Työturvallisuuskortti, tulityökortti "
      "ja Tieturva 1 ovat voimassa vuoteen 2029. Urakoitsija meni konkurssiin. "
      "Haluaa jatkaa kattotöissä.";
  cr_assert_not(in_top(held, 5, SAFETY));
  cr_assert_not(in_top(held, 5, ROAD));
  const char *const needed = "46v mies, kattoasentaja 20 vuotta. Tarvitsee työturvallisuuskortin, "
                             "tulityökortin ja Tieturva 1:n. Urakoitsija meni konkurssiin. Haluaa "
                             "jatkaa kattotöissä.";
  cr_assert(in_top(needed, 5, SAFETY), "control: the cards needed");
  cr_assert(in_top(needed, 5, ROAD), "control: the cards needed");
}

/* Denied circumstances: "ei ole vastavalmistunut" is no recent graduate
 * (a state, though spelled as a verb's participle), "ei harjoita
 * sivutoimista yritystoimintaa" no side business (practising denies its
 * object, as using does), and "eikä hän kuulu ammattiliittoon" rules out the
 * unions' career services, which are for members. */
Test(notes, denied_circumstances_are_no_need) {
  static const char *const UNION[] = {"ammattiliittojen-urapalvelut", NULL};
  cr_assert_not(finds_need("41v DI, valmistunut 2009, ei ole vastavalmistunut. Haluaa "
                           "asiantuntijatöihin.",
                           "vastavalmistunut"));
  cr_assert(
      finds_need("24v DI, on vastavalmistunut. Haluaa asiantuntijatöihin.", "vastavalmistunut"),
      "control: a recent graduate");
  cr_assert_not(finds_need("35v medianomi, tekee kotisivuja ystäville mutta ei harjoita "
                           "sivutoimista yritystoimintaa. Hakee graafikon töitä.",
                           "sivutoiminen yritystoiminta"));
  cr_assert(finds_need("35v medianomi, harjoittaa sivutoimista yritystoimintaa. Hakee graafikon "
                       "töitä.",
                       "sivutoiminen yritystoiminta"),
            "control: a side business");
  const char *const no_union = "41v DI, irtisanottiin, kuuluu työttömyyskassaan eikä hän kuulu "
                               "ammattiliittoon. Kysyy liiton urapalveluista.";
  cr_assert(service_reason(no_union, "ammattiliittojen-urapalvelut", "sulkee palvelun pois"));
  cr_assert_not(in_top(no_union, 3, UNION));
  cr_assert(in_top("41v DI, irtisanottiin, kuuluu työttömyyskassaan ja ammattiliittoon. Kysyy "
                   "liiton urapalveluista.",
                   3, UNION),
            "control: a member");
}

/* A list of past deeds goes on being the past after a deed that opens with
 * "ja": "oli koordinaattorina: rekrytoi ja perehdytti vapaaehtoisia,
 * julkaisi vapaaehtoistehtäviä verkossa" tells the job, and the volunteer
 * work it posted is no need of the client's. */
Test(notes, a_list_of_past_deeds_after_ja_is_the_past) {
  cr_assert_eq(need_role("39v tradenomi; oli kahdeksan vuotta vapaaehtoistyön koordinaattorina: "
                         "rekrytoi ja perehdytti vapaaehtoisia, julkaisi vapaaehtoistehtäviä "
                         "verkossa ja järjesti juhlat. Haluaa henkilöstöasiantuntijaksi.",
                         "vapaaehtoistyö"),
               KT_ROLE_BACKGROUND);
  int sought =
      need_role("39v tradenomi, työtön. Etsii vapaaehtoistehtäviä verkossa.", "vapaaehtoistyö");
  cr_assert(sought >= 0 && sought != KT_ROLE_BACKGROUND, "control: volunteering sought");
}

/* A firm of one's own told with words between ("haluis nyt oman pienen
 * kakkufirman") is becoming an entrepreneur, as "oma firma" is; a firm
 * that is not one's own is not. */
Test(notes, a_firm_of_ones_own_with_words_between) {
  cr_assert(finds_need("mimmi 33v, leipoo kakkuja kotona, haluis nyt oman pienen kakkufirman.",
                       "yrittäjäksi ryhtyminen"));
  cr_assert_not(finds_need("mimmi 33v, leipoo kakkuja kotona, haluis töihin pieneen kakkufirmaan.",
                           "yrittäjäksi ryhtyminen"),
                "control: a job in a firm");
}

/* The kitchen and the bakery named alone in English or Swedish ("work in a
 * bakery or kitchen") are restaurant and kitchen work. */
Test(notes, a_kitchen_or_bakery_named_alone_is_kitchen_work) {
  cr_assert(finds_need("I'm 52 and I want to find work in a bakery or kitchen.",
                       "ravintola- ja keittiötyö"));
  cr_assert(finds_need("Man, 40, vill jobba på ett bageri.", "ravintola- ja keittiötyö"));
  cr_assert_not(finds_need("I'm 52 and I want to find work in a warehouse or shop.",
                           "ravintola- ja keittiötyö"),
                "control: another trade");
}

/* A note of a topic that names a service asks about it: the services its
 * catalogue entry lists as related come next, and say so. A longer note
 * naming the service brings nothing by the link. */
Test(notes, a_named_service_brings_its_related_ones) {
  static const char *const FUNDS[] = {"ansiopaivaraha-tyottomyyskassat",
                                      "tyomarkkinatuki-peruspaivaraha", NULL};
  const char *topic = "miten liikkumisrahaa haetaan";
  cr_assert_eq(rank_of(topic, "liikkumisraha"), 0);
  for (size_t i = 0; FUNDS[i]; i++) {
    const char *const one[] = {FUNDS[i], NULL};
    cr_assert(in_top(topic, 4, one), "%s: rank %d", FUNDS[i], rank_of(topic, FUNDS[i]));
    cr_assert(service_effect(topic, FUNDS[i], "liittyy nimettyyn palveluun"), "%s", FUNDS[i]);
  }
  const char *note = "Mies 41v sai kokoaikaisen työn Oulusta ja kysyy liikkumisrahasta, muutto "
                     "edessä.";
  cr_assert_eq(rank_of(note, "liikkumisraha"), 0, "control: named in a longer note");
  cr_assert_not(service_effect(note, "eures", "liittyy nimettyyn palveluun"), "control");
  cr_assert_not(service_effect("pitkä työmatka", "eures", "liittyy nimettyyn palveluun"),
                "control: no service named");
  /* A name that holds every word of the note: "Kelan sairauspäiväraha ja
   * osasairauspäiväraha". */
  static const char *const HEALTH[] = {"terveysasema", NULL};
  cr_assert(in_top("osasairauspäiväraha", 5, HEALTH));
  cr_assert(service_effect("osasairauspäiväraha", "terveysasema", "liittyy nimettyyn palveluun"));
}

/* Rent months behind, told in English with the rent earlier in the
 * sentence, is rent arrears; a loan months behind is not. Keeping one's
 * home is the threat of losing it. */
Test(notes, months_behind_with_the_rent_is_rent_arrears) {
  cr_assert(finds_need("I'm 45 and on sick leave. The rent went up and we are three months "
                       "behind now.",
                       "vuokrarästit"));
  cr_assert_not(finds_need("I'm 45 and on sick leave. We are three months behind with the car "
                           "loan.",
                           "vuokrarästit"),
                "control: a loan");
  cr_assert(finds_need("My landlord wants the flat back. How do I keep my home? I'm 50.",
                       "häätö ja asunnon menettämisen uhka"));
}

/* The start-up grant is for a business not yet started: one who closed a
 * business and now wants wage work is outside it, one who plans a new
 * business is not. */
Test(notes, a_business_closed_rules_out_the_start_up_grant) {
  static const char *const GRANT[] = {"starttiraha", NULL};
  const char *wage = "Mies 50v, lopetti toiminimen keväällä, kun tilauksia ei enää tullut. "
                     "Haluaa nyt palkkatyöhön varastoon.";
  cr_assert_not(in_top(wage, 10, GRANT), "rank %d", rank_of(wage, GRANT[0]));
  cr_assert(service_effect(wage, GRANT[0], "ei sovi tilanteeseen"));
  const char *again = "Mies 50v, lopetti toiminimen keväällä, kun tilauksia ei enää tullut. "
                      "Haluaa perustaa uuden yrityksen toiselle alalle.";
  cr_assert(in_top(again, 5, GRANT), "control: a new business; rank %d", rank_of(again, GRANT[0]));
  cr_assert_not(service_effect(again, GRANT[0], "ei sovi tilanteeseen"), "control");
}

/* A level or an abbreviation in a service's name qualifies it: a note names
 * "Työelämän suomi (B1)" without the level, and Kela's TEAK without "TEAK";
 * a word of the name it lacks still leaves the name unsaid. */
Test(notes, a_name_is_said_without_its_level_or_abbreviation) {
  cr_assert(service_effect("Voiko asiakas osallistua Työelämän suomi -kurssille, vaikka hän on jo "
                           "töissä?",
                           "tyoelaman-suomi-b1", "palvelun nimi"));
  cr_assert_not(service_effect("Voiko asiakas osallistua suomen kurssille, vaikka hän on jo "
                               "töissä?",
                               "tyoelaman-suomi-b1", "palvelun nimi"),
                "control: not its name");
  cr_assert(service_effect("Asiakas kysyy, voiko hän päästä Kelan työllistymistä edistävään "
                           "ammatilliseen kuntoutukseen.",
                           "kela-teak", "palvelun nimi"));
  cr_assert_not(service_effect("Asiakas kysyy, voiko hän päästä ammatilliseen kuntoutukseen.",
                               "kela-teak", "palvelun nimi"),
                "control: a part of its name");
}

/* Holiday pay left unpaid by a former employer is wages owed: the
 * labour-protection advice, as for an unpaid wage. */
Test(notes, holiday_pay_not_paid_is_wages_owed) {
  cr_assert(finds_need("Entinen työnantaja ei ole maksanut asiakkaalle lomakorvausta, vaikka työ "
                       "loppui jo elokuussa. Mistä apua?",
                       "työsuojelu ja työntekijän oikeudet"));
  cr_assert_not(finds_need("Asiakas sai lomakorvauksen elokuussa, kun työ loppui. Vaikuttaako se "
                           "yleistukeen?",
                           "työsuojelu ja työntekijän oikeudet"),
                "control: holiday pay paid");
}

/* An integration period over rules out what needs a plan in force (the
 * integration training, the plan itself): the adult education centre's
 * Finnish courses come first. A period that ends soon rules out nothing. */
Test(notes, an_integration_period_over_rules_out_the_plans_services) {
  static const char *const COURSES[] = {"suomi-toisena-kielena-tyovaenopisto", NULL};
  const char *over = "Nainen 41v Vietnamista, kotoutumisaika on jo päättynyt mutta suomi on vasta "
                     "A2. Haluaa jatkaa suomen opiskelua.";
  cr_assert(in_top(over, 1, COURSES), "rank %d", rank_of(over, COURSES[0]));
  cr_assert(service_effect(over, "kotoutumiskoulutus", "ei sovi tilanteeseen"));
  const char *soon = "Nainen 41v Vietnamista, kotoutumisaika päättyy keväällä ja suomi on vasta "
                     "A2. Haluaa jatkaa suomen opiskelua.";
  cr_assert_not(service_effect(soon, "kotoutumiskoulutus", "ei sovi tilanteeseen"),
                "control: the period ends soon");
}

/* Never done, up to now, is a lack of now, not the past: a CV never made
 * is the need for one. Never been ("ei ole koskaan ollut työttömänä")
 * stays the past. */
Test(notes, never_done_is_a_lack_of_now) {
  cr_assert_eq(need_role("Mies 52v, ei oo ikinä tehny CV:tä eikä hakemusta. Haluaa "
                         "kiinteistöhuoltoon.",
                         "CV ja ansioluettelo"),
               KT_ROLE_SITUATION);
  cr_assert_eq(need_role("Nainen 40v, ei ole koskaan tehnyt ansioluetteloa. Haluaa toimistotöihin.",
                         "CV ja ansioluettelo"),
               KT_ROLE_SITUATION);
  cr_assert_eq(need_role("Nainen 40v, teki ansioluettelon kurssilla vuonna 2019. Haluaa "
                         "toimistotöihin.",
                         "CV ja ansioluettelo"),
               KT_ROLE_BACKGROUND, "control: done long ago");
}

/* A family that would marry the client off is violence at home: the
 * shelters come first. */
Test(notes, a_marriage_forced_by_the_family_is_violence) {
  static const char *const SHELTER[] = {"turvakoti", NULL};
  const char *forced = "Nainen 19v, lähti kotoa, kun perhe halusi naittaa hänet serkulleen. Asuu "
                       "kaverin luona ja pelkää, että perhe löytää hänet.";
  cr_assert(finds_need(forced, "lähisuhdeväkivalta"));
  cr_assert(in_top(forced, 3, SHELTER), "rank %d", rank_of(forced, SHELTER[0]));
  cr_assert_not(finds_need("Nainen 30v, naimisissa, mies töissä rakennuksilla. Haluaa kaupan "
                           "kassalle.",
                           "lähisuhdeväkivalta"),
                "control: a marriage");
}

/* A heart defect is a long-term illness, and a specialist who forbids the
 * work is a doctor who does: vocational rehabilitation. */
Test(notes, a_specialist_forbidding_the_work_is_vocational_rehabilitation) {
  const char *heart = "Mies 27v, synnynnäinen sydänvika, ja kardiologi kieltää raskaan fyysisen "
                      "työn. Haluaa istumatyöhön.";
  cr_assert(finds_need(heart, "pitkäaikaissairaus"));
  cr_assert(finds_need(heart, "ammatillinen kuntoutus"));
  cr_assert_not(finds_need("Mies 27v, kardiologi tutki hänet eikä löytänyt mitään. Haluaa "
                           "varastoon.",
                           "ammatillinen kuntoutus"),
                "control: nothing forbidden");
}

/* "Something else entirely" is a change of field, and "where are there
 * openings" asks for the job ads. */
Test(notes, something_else_entirely_and_where_the_openings_are) {
  cr_assert(finds_need("Nainen 34v, baarimikko 12 vuotta. Haluis jotain ihan muuta mut ei tiiä "
                       "mitä.",
                       "uraohjaus"));
  cr_assert_not(
      finds_need("Nainen 34v, baarimikko 12 vuotta. Haluaa jatkaa baarissa.", "uraohjaus"),
      "control: the same trade");
  cr_assert(finds_need("Mies 31v, bussikuski. Haluaa jatkaa bussikuskina ja kysyy, mistä löytyy "
                       "paikkoja.",
                       "työpaikkailmoitukset"));
  cr_assert_not(
      finds_need("Mies 31v, bussikuski. Haluaa jatkaa bussikuskina.", "työpaikkailmoitukset"),
      "control");
}

/* A short note that names a service asks about it: the name lifts it more
 * there than in a long note that names it among the client's facts. */
Test(notes, a_short_note_naming_a_service_asks_about_it) {
  double short_note = effect_on("Asiakas kysyy, voiko hän päästä työkokeiluun varastolle.",
                                "tyokokeilu", "palvelun nimi", NULL);
  double long_note = effect_on(
      "Mies 45v, varastotyöntekijä 20 vuotta Vantaalla, selkä kipeytyi keväällä ja työsuhde "
      "päättyi syksyllä. Kassan jäsen, asuu Helsingissä, ilmoittautunut työnhakijaksi. Hän "
      "haluaisi kevyempiä tehtäviä ja kysyy, voisiko hän päästä työkokeiluun varastolle.",
      "tyokokeilu", "palvelun nimi", NULL);
  cr_assert_gt(short_note, 1.0, "named: %f", short_note);
  cr_assert_gt(long_note, 1.0, "named: %f", long_note);
  cr_assert_gt(short_note, long_note, "short %f, long %f", short_note, long_note);
}

/* Studies broken off with their field between ("keskeytti automekaanikon
 * opinnot") are studies broken off: Paluuväylä. */
Test(notes, studies_broken_off_with_their_field_between) {
  static const char *const BACK[] = {"paluuvayla-koulutukseen", NULL};
  const char *off = "Mies 26v, keskeytti automekaanikon opinnot ja on tehnyt varastotöitä. "
                    "Haluaa ammatin.";
  cr_assert(finds_need(off, "keskeytyneet opinnot"));
  cr_assert(in_top(off, 5, BACK), "rank %d", rank_of(off, BACK[0]));
  cr_assert_not(finds_need("Mies 26v, suoritti automekaanikon opinnot ja on tehnyt varastotöitä. "
                           "Haluaa ammatin.",
                           "keskeytyneet opinnot"),
                "control: finished");
}

/* A sommelier's work is bar work: it asks for the alcohol serving licence. */
Test(notes, a_sommelier_needs_the_serving_licence) {
  static const char *const PASS[] = {"anniskelupassi", NULL};
  const char *wine = "Mies 40v, sommelier 12 vuotta Buenos Airesissa, muutti Helsinkiin. Haluaa "
                     "ravintolaan viinitöihin.";
  cr_assert(finds_need(wine, "anniskelupassi"));
  cr_assert(in_top(wine, 5, PASS), "rank %d", rank_of(wine, PASS[0]));
  cr_assert_not(finds_need("Mies 40v, kokki 12 vuotta Buenos Airesissa, muutti Helsinkiin. "
                           "Haluaa ravintolaan keittiöön.",
                           "anniskelupassi"),
                "control: a cook");
}

/* A firm of one's own in the essive ("omana yrityksenään"), a function word
 * read only as written, is still the wish to found one: the business
 * advice comes, not only the services of the job lost. */
Test(notes, a_trade_carried_on_as_ones_own_firm_is_entrepreneurship) {
  static const char *const FOUND[] = {"yritys-helsinki", "uusyrityskeskukset-uusimaa",
                                      "starttiraha", NULL};
  const char *own = "Nainen 50v, ompelija 20 vuotta, ompelimo lopetti ja hänet irtisanottiin. "
                    "Haluaisi jatkaa ompelutöitä omana yrityksenään.";
  cr_assert(finds_need(own, "yrittäjäksi ryhtyminen"));
  cr_assert(in_top(own, 5, FOUND), "rank %d", rank_of(own, FOUND[0]));
  cr_assert_not(finds_need("Nainen 50v, ompelija 20 vuotta, ompelimo lopetti ja hänet "
                           "irtisanottiin. Haluaisi jatkaa ompelutöitä toisessa yrityksessä.",
                           "yrittäjäksi ryhtyminen"),
                "control: another firm's work");
}

/* A phobia named by its object ("ajopelko", "lentopelko") and help asked
 * for the fear are anxiety: the short therapies come. */
Test(notes, a_phobia_by_its_object_is_anxiety) {
  const char *fear = "Mies 35v, rekkakuski, kolarin jälkeen tullut ajopelko eikä pysty enää "
                     "ajamaan. Kysyy, mistä saisi apua pelkoon.";
  cr_assert(finds_need(fear, "ahdistus"));
  cr_assert(in_top(fear, 3, MENTAL), "rank %d", rank_of(fear, "lyhytterapia-helsinki"));
  cr_assert(finds_need("Nainen 38v, lentoemäntä, lentopelko vie työn.", "ahdistus"));
}

/* An entry word Voikko does not know keeps no stem cut three letters short
 * of it: Swedish "matkö" (food queue) had been "mat" (food) with a clitic,
 * and "migraine" Migri's "migr", so a cook's past found the food aid and
 * the immigration service a long-term illness. */
Test(notes, a_stem_cut_short_finds_no_other_word) {
  cr_assert_not(finds_need("Migri hylkäsi oleskelulupahakemuksen.", "pitkäaikaissairaus"));
  cr_assert(finds_need("Migri hylkäsi oleskelulupahakemuksen.", "oleskelulupa"), "control");
  cr_assert_not(finds_need("Hon har lagat mat på ett daghem i femton år.", "ruoka-apu"));
  cr_assert(finds_need("Hon står i matkön varje vecka.", "ruoka-apu"), "control: the queue");
  cr_assert(finds_need("He has migraine attacks every week.", "pitkäaikaissairaus"),
            "control: the illness");
}

/* A lawyer is a trade as well as a need: "Juristi kotimaassa" is the
 * client's past, and finds no legal aid; one who needs a lawyer or has no
 * money for one does. A permit granted ("sai pakolaisaseman") needs the
 * integration services, not the refugee advice on permits in doubt,
 * unless the note also tells of permit matters (a family to bring). */
Test(notes, a_lawyer_by_trade_and_a_permit_granted_are_no_legal_case) {
  static const char *const ADVICE[] = {"pakolaisneuvonta", "julkinen-oikeusapu", NULL};
  const char *granted = "Mies 36v Venäjältä, sai pakolaisaseman viime keväänä ja asuu "
                        "Helsingissä. Juristi kotimaassa, suomi A1. Haluaa nopeasti suomen "
                        "kieltä ja töihin.";
  cr_assert_not(finds_need(granted, "oikeusapu"));
  cr_assert(finds_need(granted, "oleskelulupa myönnetty"));
  cr_assert_not(in_top(granted, 3, ADVICE), "legal advice at %d, %d", rank_of(granted, ADVICE[0]),
                rank_of(granted, ADVICE[1]));
  cr_assert(
      finds_need("Asiakas tarvitsisi juristin, vuokranantaja vie asian käräjille.", "oikeusapu"),
      "control: a lawyer needed");
  cr_assert(finds_need("kassa pani karenssin ja mä haluun valittaa siitä, rahaa ei oo "
                       "lakimieheen",
                       "oikeusapu"),
            "control: no money for a lawyer");
  const char *family = "Mies 36v Venäjältä, sai pakolaisaseman viime keväänä, mutta haluaisi "
                       "tuoda vaimonsa Suomeen perheenyhdistämisellä.";
  cr_assert(in_top(family, 3, ADVICE), "control: the refugee advice at %d",
            rank_of(family, ADVICE[0]));
}

/* English "did" and "had" tell the client's past ("When I arrived, I had the
 * initial assessment. I did the integration training too."): the
 * integration services are behind, not needed. "never had a job" is a lack
 * of now, as "ei ole koskaan ollut töissä" is. */
Test(notes, english_did_and_had_are_the_past_but_never_had_is_now) {
  static const char *const KOTO[] = {"kotoutumiskoulutus",
                                     "kotoutumisohjelma-tyovoiman-ulkopuolisille", NULL};
  const char *done = "I'm 41 and from Accra. When I arrived in Helsinki, I had the initial "
                     "assessment. I did the integration training too. Now my Finnish is B2 and I "
                     "have driven buses for six years, but my contract ended in November.";
  int role = need_role(done, "kotoutumiskoulutus");
  cr_assert(role == -1 || role == KT_ROLE_BACKGROUND, "role %d", role);
  cr_assert_not(in_top(done, 3, KOTO), "integration training at %d", rank_of(done, KOTO[0]));
  cr_assert_eq(need_role("I'm 30, from Somalia. I have never had a job in Finland, and now I "
                         "would like to work in a kitchen.",
                         "ensimmäinen työpaikka"),
               KT_ROLE_SITUATION, "control: never had a job");
}

/* An English word is no Swedish entry's English stem: "valid" (a permit
 * valid for two years) had found the skills demonstration through Swedish
 * "validering", whose English stem it is. */
Test(notes, an_english_valid_permit_is_no_swedish_validation) {
  cr_assert_not(finds_need("I'm 27, from China. My residence permit for looking for work is "
                           "valid for two years.",
                           "näyttötutkinto"));
  cr_assert(finds_need("Hon vill ha validering av sina kunskaper.", "näyttötutkinto"), "control");
  cr_assert(finds_need("Hon funderar på valideringen.", "näyttötutkinto"), "control: one word");
}

/* Swedish "händig" (handy) is written in two words: its stem is also that of
 * "händer" (happens), and "vad som händer sen" had found hands-on work. */
Test(notes, what_happens_next_is_no_handiwork) {
  cr_assert_not(finds_need("Svenskspråkig man, 38 år, utbränd och sjukskriven. Vet inte vad som "
                           "händer sen.",
                           "kädentaidot"));
  cr_assert(finds_need("Han är händig och vill jobba med händerna.", "kädentaidot"), "control");
  cr_assert(finds_need("19-åring, vill hellre göra något praktiskt med händerna.", "kädentaidot"),
            "control: hands in work");
}
