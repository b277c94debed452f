/*
 * signals.h — need signals (signals.c): what a note says of the client (age,
 * language, unemployment, municipality, target groups) and its effect on a service.
 */
#ifndef KT_SIGNALS_H
#define KT_SIGNALS_H

#include "engine.h"
#include "ranking.h"
#include "results.h"

/* Ways of delivery, as the catalogue's `delivery` codes. */
enum { KT__WAY_FACE = 1, KT__WAY_REMOTE = 2, KT__WAY_WEB = 4, KT__WAY_PHONE = 8 };
/* The way of delivery (KT__WAY_*) that word @p i of @p a names, or 0: by
 * the surface's beginning ("puhelimitse", "verkossa", "etänä"), not a phone
 * owned ("älypuhelin") nor work done so ("etätyö"). */
unsigned kt__signals_way_word(const kt_analysis *a, size_t i);

typedef struct kt__sigset {
  int age_lo, age_hi;         /* client's age range; -1 unknown */
  size_t age_first, age_last; /* tokens it was read from ("19 -vuotias") */
  int no_finnish, basic_finnish, lang_en, lang_sv;
  int long_unemployed;
  const char *municipality; /* case-folded name, or NULL */
  int area_only;            /* the note asks for services there only ("vain Espoossa") */
  int national_only;        /* ... for nationwide ones alone ("vain koko Suomessa saatavat") */
  const char *lang_only;    /* "en" or "sv": the note asks for services in that language only
                             * ("Asioi vain ruotsiksi", "only services in English") */
  unsigned delivery_only;   /* ways of delivery the note asks for alone, KT__WAY_* bits ("vain
                             * puhelimitse tai chatissa", "only face to face") */
  unsigned provider_only;   /* provider types the note asks for alone, bits of the order of
                             * signals.c's providers[] ("vain kaupungin omat palvelut") */
  unsigned provider_not;    /* ... and those it leaves out ("vain muiden kuin kaupungin
                             * järjestämät palvelut") */
  int free_wished;          /* 1: the note asks for a service free of charge ("maksuton kurssi",
                             * "pitää olla ilmainen"); 2: for free ones alone ("vain täysin
                             * maksuttomat palvelut") */
  const char *group_only;   /* the note asks only for services made for this target group ("Vain
                             * palvelut, jotka on tarkoitettu nimenomaan ikääntyneille") */
  int own_area_rare;      /* few services are the municipality's (Espoo, not Helsinki): one that is
                           * made for the client's home (query.c sets it from the index) */
  const char *groups[32]; /* target groups signalled */
  size_t ngroups;
  int migrated;         /* a concept of the note, past included, is an immigrant's need */
  int native_swedish;   /* the client is a Finland-Swede ("svenskspråkig", "suomenruotsalainen",
                         * "äidinkieli on ruotsi"): a concept's immigrants' group is not theirs
                         * (query.c) */
  int problem_past;     /* ... or one of substance use or a criminal record */
  int refuses_study;    /* the note refuses study or training ("ei halua enää kouluun") */
  int refuses_founding; /* the note refuses a firm of the client's own ("ei enää yrittäjäksi") */
  int founder;       /* the note names a firm of the client's, past included ("37v yrittäjä") */
  int child;         /* the note names a child of the client's, not denied ("kahden lapsen
                      * äiti", "lapsi 1v kotona", "kotona kolmevuotiaan kanssa") */
  int male;          /* the note opens on a man as the client ("Mies 48v", "38v mies", "Single
                      * dad"), and names no woman there */
  int employer_asks; /* the one asking is an employer ("Työnantaja soittaa", "Pieni firma
                      * palkkaisi ..."), not a jobseeker asking about employers */
  int lang;          /* KT__LANG_* of the labels and effects (messages.h) */
} kt__sigset;

/* Is @p base (a base form) the name of a municipality of the catalogue's
 * employment areas ("helsinki", "espoo")? */
bool kt__signals_municipality(const char *base);

/* Is target group @p group among the signalled ones? */
bool kt__signals_signalled(const kt__sigset *set, const char *group);
/* Is @p group one of a problem lived through (substance use, a criminal
 * record), whose services are only for those who show it? */
bool kt__signals_problem_group(const char *group);

/* Is @p item one of the comma-separated @p list ("espoo,vantaa")? */
bool kt__in_list(const char *list, const char *item);
/* Read the need signals of @p a into @p set and, with their labels and
 * spans, into @p res (arena-allocated). */
int kt__signals_read(const kt_analysis *a, const char *text, const bool *rejected, int lang,
                     kt__sigset *set, kt_results *res);
/* Add target group @p group (a concept's or a reading's) to the signals. */
int kt__signals_add_group(kt__sigset *set, kt_results *res, const char *group, const kt_analysis *a,
                          size_t first, size_t last);
/* Read a note that asks only for services made for one target group ("Vain
 * palvelut, jotka on tarkoitettu nimenomaan ikääntyneille", "only services
 * for women"): the group is named after "vain" (only) in its sentence, by a
 * group's word or by a concept found there (@p concept_group: per token, the
 * one group of a concept found at it, or NULL). Sets set->group_only and
 * signals the group. */
int kt__signals_read_group_only(const kt_analysis *a, const char *text, const bool *rejected,
                                const char *const *concept_group, kt__sigset *set, kt_results *res);
/* Apply the counsellor's corrections of @p opts (signals_removed, client_*)
 * to @p set and the listed signals; KT_EINVAL for an unknown kind or value. */
int kt__signals_correct(kt__sigset *set, kt_results *res, const kt_search_options *opts);
/* Effects of @p set on a service: fills up to @p max effects (arena strings),
 * returns the count; *factor is their product (with @p max 0, and @p out
 * NULL, only the factor). */
size_t kt__signals_apply(const kt__sigset *set, const kt__doc *d, const kt__ranking *rank,
                         kt__arena *arena, kt_effect *out, size_t max, double *factor);

#endif
