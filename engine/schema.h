/*
 * schema.h — the one table of what an index holds (schema.c), after
 * notmuch's prefix_table: the text fields with their weights, the filter
 * and baseline term prefixes, the evaluation index, the value slots, the
 * document data layout, and the catalogue's vocabularies with their words
 * in Finnish, Swedish and English (explanations name codes so). Indexing
 * (indexer/), search, browse, validation (indexer/catalog.c) and, through
 * kt_schema_json() and GET /api/schema, the counsellor's page all read it.
 */
#ifndef KT_SCHEMA_H
#define KT_SCHEMA_H

#include "kohtaanto.h"

#include <stdbool.h>
#include <stddef.h>

/* ---- text fields ---------------------------------------------------------
 * X(ID, name, wdf): field KT_FIELD_<ID> (in bit order) is called <name> in
 * explanations (kt_field_name); each analysed term of its text is indexed
 * <wdf> times as the plain <term> of the combined space that ranking reads,
 * and the fields a term occurs in go to the service's prepared terms
 * (docterms.h), which explanations read: there are no field-prefixed
 * postings (index format 4). The wdf values are index-time ranking weights
 * (engine/ranking.h's header): a word in the name counts 6 times one in
 * the description. */
#define KT__FIELDS(X)                                                                              \
  X(NAME, "name", 6)                                                                               \
  X(SUMMARY, "summary", 3)                                                                         \
  X(DESCRIPTION, "description", 1)                                                                 \
  X(KEYWORDS, "keywords", 4)                                                                       \
  X(TARGET, "target", 2)                                                                           \
  X(CONDITIONS, "conditions", 1)                                                                   \
  X(PROVIDER, "provider", 1)

enum {
#define KT__X(id, name, wdf) KT__F_##id,
  KT__FIELDS(KT__X)
#undef KT__X
      KT__NFIELDS
};
typedef struct kt__field {
  unsigned bit;     /* KT_FIELD_* */
  const char *name; /* as kt_field_name() gives it */
  unsigned wdf;     /* weight in the combined terms */
} kt__field;
/* The fields, indexed by KT__F_*. */
extern const kt__field kt__fields[KT__NFIELDS];

/* ---- other terms ---------------------------------------------------------- */
/* Boolean filter terms: prefix + the case-folded value. */
#define KT__PREFIX_ID "Q"            /* the service id */
#define KT__PREFIX_CATEGORY "XC"     /* `category` */
#define KT__PREFIX_TARGET_GROUP "XG" /* each of `target_groups` */
#define KT__PREFIX_LANGUAGE "XL"     /* each of `languages` */
#define KT__PREFIX_MUNICIPALITY "XM" /* each of `municipalities` */
/* Baseline term spaces, indexed beside the analysed terms so evaluation can
 * compare analyses on one index: "Y" + surface form, "Z" + Snowball stem. */
#define KT__PREFIX_SURFACE "Y"
#define KT__PREFIX_SNOWBALL "Z"
/* The evaluation index of a generation (KT_BUILD_EVAL_TERMS): the baseline
 * term spaces above, in a Xapian database of their own beside gen/xapian,
 * with the same document ids. */
#define KT__EVAL_DIR "eval"
/* A service's target group as a ranked term ("Gnuoret"), beside the
 * boolean filter term "XG" + group. */
#define KT__PREFIX_GROUP "G"
/* Value slots: KTX_SLOT_* (xapian_shim.h), the id, category and age range. */

/* ---- document data --------------------------------------------------------
 * A document's data is these fields in this order, separated by tabs (text
 * flattened to hold no tab or newline): id, Finnish name, category,
 * provider name, age min and max (-1 when open), Finnish level ("" when
 * none), the case-folded target groups, languages, municipalities and
 * ways of delivery, each list comma-separated, the fee ("maksuton",
 * "osittain", "maksullinen" or "") and the provider's type ("kaupunki",
 * "kela", ...; "" when none). Written by indexer/index.c, read by
 * kt__gen_doc() (engine.c). */
enum {
  KT__D_ID,
  KT__D_NAME,
  KT__D_CAT,
  KT__D_PROVIDER,
  KT__D_AGEMIN,
  KT__D_AGEMAX,
  KT__D_FINLEVEL,
  KT__D_GROUPS,
  KT__D_LANGS,
  KT__D_MUNIS,
  KT__D_DELIVERY,
  KT__D_FEE,
  KT__D_PTYPE,
  KT__D_NFIELDS
};

/* ---- learned priors --------------------------------------------------------
 * Record-store keys (indexer/index.c, from catalog/learned/prior.tsv): this
 * key + a service id holds "useful seen", how often the service was judged
 * useful of the times it was in a development note's top 20; the key alone
 * holds the totals. Read by kt__gen_doc() and rerank.c. */
#define KT__PRIOR_KEY "#p:"
/* The same per need (catalog/learned/concept_prior.tsv): this key + a
 * service id holds "concept useful seen" triples separated by ';', one per
 * concept (counted over the development notes in which the concept was
 * found as a need of now); the key alone holds the number of pairs. */
#define KT__CONCEPT_PRIOR_KEY "#c:"
/* The services judged useful per need, at any rank
 * (catalog/learned/concept_useful.tsv): this key + a concept id holds
 * "service useful notes" triples separated by ';', most useful first, at
 * most KT__CONCEPT_USEFUL_KEEP; the key alone holds the number of pairs. */
#define KT__CONCEPT_USEFUL_KEY "#u:"
#define KT__CONCEPT_USEFUL_KEEP 3

/* ---- languages -------------------------------------------------------------
 * The languages of the vocabularies' words and of the engine's explanations
 * (messages.h). */
enum { KT__LANG_FI, KT__LANG_SV, KT__LANG_EN, KT__NLANGS };
/* "fi" (or NULL), "sv", "en" -> KT__LANG_*; -1 for anything else. */
int kt__lang_parse(const char *lang);
/* The code of @p lang ("fi", "sv", "en"). */
const char *kt__lang_code(int lang);

/* ---- vocabularies ---------------------------------------------------------
 * The closed code lists of the catalogue (catalog/README.md) and of the
 * counsellor's corrections. Each is named as its record field or filter. */
enum {
  KT__V_CATEGORY,        /* `category` */
  KT__V_TARGET_GROUP,    /* `target_groups` */
  KT__V_PROVIDER_TYPE,   /* `provider.type` */
  KT__V_DELIVERY,        /* `delivery` */
  KT__V_FINNISH_LEVEL,   /* `finnish_level` (CEFR) */
  KT__V_FEE,             /* `fee` */
  KT__V_STATUS,          /* `status` (absent = "active") */
  KT__V_APPLY_ROUTE,     /* `apply.routes` */
  KT__V_CONTACT_KEY,     /* the keys of `contact` */
  KT__V_CLIENT_LANGUAGE, /* kt_search_options.client_language */
  KT__NVOCABS
};
typedef struct kt__vocab {
  const char *name;       /* "category", "target_group", ... (kt_schema_json) */
  const char *const *ids; /* the codes, in their documented order */
  size_t n;
  /* The words for each code in each language (KT__LANG_*), or NULL (the
   * code is the word): the one home of a code's label. */
  const char *const *label[KT__NLANGS];
} kt__vocab;
extern const kt__vocab kt__vocabs[KT__NVOCABS];
/* Is @p id a code of vocabulary @p v (KT__V_*)? */
bool kt__vocab_has(int v, const char *id);
/* The position of @p id in vocabulary @p v (KT__V_*; CEFR levels in
 * order), or -1. Filters of a closed vocabulary refuse a value outside it. */
int kt__vocab_index(int v, const char *id);

/* The words for code @p id of vocabulary @p v (KT__V_*) in @p lang
 * (KT__LANG_*; Finnish for any other): @p id itself when the vocabulary has
 * no words or does not know it, "" for NULL. Static storage or @p id. */
const char *kt__vocab_label(int v, int lang, const char *id);
/* A target group's words in @p lang ("pitkaaikaistyottomat" ->
 * "pitkäaikaistyöttömät", "långtidsarbetslösa", "long-term unemployed"),
 * as kt__vocab_label(). */
const char *kt__target_group_label(int lang, const char *id);
/* Is @p id one of the catalogue's target group ids? */
bool kt__target_group_known(const char *id);

#endif
