/*
 * stopwords.c — words that carry no meaning for matching a need to a service:
 * Finnish function words (after the Snowball Finnish stop list, checked on
 * both surface forms and Voikko base forms), and the commonest Swedish and
 * English function words (after the Snowball Swedish and English stop lists). Wish verbs (haluta,
 * tarvita) are here as well: every need text wants and needs something. Negation words are here
 * too; need signals (which read negations) work on the raw words, not on this list. The
 * relative pronoun's plural forms are here as written ("joissa", "joista"): Voikko also reads
 * them as a river's (joki), which had carried a tenth of a result ("palveluja, joissa").
 */
#include "stopwords.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const stopwords[] = {
    "a",         "able",     "about",   "after",       "again",     "aikana",   "alla",
    "alle",      "allt",     "already", "also",        "an",        "and",      "andra",
    "any",       "anything", "are",     "as",          "at",        "att",      "av",
    "bara",      "be",       "been",    "before",      "behöver",   "blev",     "bli",
    "blir",      "blivit",   "both",    "but",         "by",        "can",      "could",
    "currently", "de",       "dem",     "den",         "denna",     "deras",    "dess",
    "dessa",     "det",      "detta",   "did",         "dig",       "din",      "dina",
    "ditt",      "do",       "does",    "du",          "during",    "där",      "då",
    "each",      "efter",    "ei",      "eikä",        "eivät",     "ej",       "eli",
    "eller",     "emme",     "en",      "enemmän",     "ennen",     "er",       "era",
    "ert",       "esim",     "et",      "ett",         "ette",      "ettei",    "että",
    "ever",      "few",      "for",     "fortfarande", "from",      "från",     "får",
    "för",       "get",      "gets",    "getting",     "ha",        "had",      "hade",
    "haluta",    "han",      "hans",    "har",         "has",       "have",     "he",
    "heidän",    "heille",   "heillä",  "heissä",      "heistä",    "heitä",    "help",
    "henne",     "hennes",   "her",     "here",        "him",       "his",      "hjälp",
    "hon",       "honom",    "how",     "hur",         "hyvin",     "hän",      "hänelle",
    "hänellä",   "hänen",    "hänessä", "hänestä",     "häntä",     "här",      "i",
    "icke",      "if",       "ihan",    "ilman",       "in",        "inga",     "ingen",
    "inget",     "inom",     "inte",    "into",        "is",        "it",       "itse",
    "ja",        "jag",      "jne",     "jo",          "joiden",    "joihin",   "joilla",
    "joille",    "joilta",   "joissa",  "joista",      "joita",     "joka",     "jokin",
    "joku",      "jonka",    "jos",     "jota",        "joten",     "jotka",    "jotta",
    "ju",        "just",     "jälkeen", "kaikkea",     "kaikki",    "kan",      "kanske",
    "kanssa",    "kautta",   "keep",    "keeps",       "ken",       "kept",     "know",
    "knows",     "koska",    "kuin",    "kuitenkin",   "kuka",      "kukaan",   "kumpi",
    "kumpikaan", "kun",      "kunde",   "kunna",       "like",      "lite",     "longer",
    "lot",       "lots",     "luo",     "luokse",      "luona",     "luota",    "längre",
    "man",       "maybe",    "me",      "med",         "meidän",    "meille",   "meillä",
    "meissä",    "meistä",   "meitä",   "mellan",      "men",       "mer",      "mig",
    "mihin",     "miksi",    "mikä",    "mikään",      "millainen", "milloin",  "min",
    "mina",      "minua",    "minulla", "minulle",     "minun",     "minussa",  "minusta",
    "minä",      "missä",    "mistä",   "miten",       "mitt",      "mitä",     "mm",
    "more",      "most",     "mot",     "muiden",      "muita",     "mukaan",   "mutta",
    "muu",       "muut",     "my",      "mycket",      "myös",      "ne",       "need",
    "needs",     "ni",       "niiden",  "niihin",      "niille",    "niillä",   "niin",
    "niissä",    "niistä",   "niitä",   "no",          "noiden",    "noin",     "noita",
    "not",       "now",      "nu",      "nuo",         "nyt",       "näiden",   "näihin",
    "näille",    "näillä",   "näissä",  "näistä",      "näitä",     "nämä",     "när",
    "någon",     "något",    "några",   "och",         "också",     "of",       "ole",
    "olemme",    "olen",     "olet",    "olette",      "oli",       "olin",     "olisi",
    "olivat",    "olla",     "ollaan",  "olleet",      "ollut",     "oltu",     "om",
    "oma",       "on",       "only",    "or",          "oss",       "other",    "our",
    "out",       "ovat",     "over",    "paljon",      "pitäisi",   "pitää",    "på",
    "really",    "redan",    "saa",     "saada",       "same",      "samma",    "se",
    "sedan",     "see",      "sekä",    "sen",         "she",       "should",   "sig",
    "siihen",    "siinä",    "siis",    "siitä",       "sille",     "sillä",    "sin",
    "sina",      "since",    "sinua",   "sinulla",     "sinulle",   "sinun",    "sinussa",
    "sinusta",   "sinä",     "sitten",  "sitä",        "själv",     "ska",      "skulle",
    "so",        "som",      "some",    "something",   "still",     "such",     "så",
    "sådan",     "sådana",   "sådant",  "tahansa",     "tai",       "takaisin", "takia",
    "tarvita",   "te",       "teidän",  "teille",      "teillä",    "teissä",   "teistä",
    "teitä",     "than",     "that",    "the",         "their",     "them",     "then",
    "there",     "these",    "they",    "thing",       "things",    "this",     "those",
    "till",      "tms",      "to",      "toinen",      "toiset",    "too",      "tosi",
    "try",       "trying",   "tulee",   "tulla",       "tuo",       "tuohon",   "tuolla",
    "tuolle",    "tuon",     "tuossa",  "tuosta",      "tuota",     "tähän",    "tälle",
    "tällä",     "tämä",     "tämän",   "tässä",       "tästä",     "tätä",     "under",
    "until",     "upp",      "ut",      "utan",        "vaan",      "vad",      "vaikka",
    "vain",      "var",      "vara",    "varför",      "varit",     "varje",    "vars",
    "vart",      "vem",      "very",    "vet",         "veta",      "vi",       "vid",
    "vielä",     "vilka",    "vilken",  "vilket",      "vill",      "voi",      "voida",
    "voisi",     "vuoksi",   "vähän",   "väldigt",     "vår",       "våra",     "vårt",
    "want",      "wants",    "was",     "way",         "we",        "were",     "what",
    "when",      "where",    "whether", "which",       "while",     "who",      "will",
    "with",      "would",    "yli",     "ym",          "you",       "your",     "än",
    "är",        "åt",       "över"};

bool kt__is_stopword(const char *folded) {
  return bsearch(&folded, stopwords, sizeof stopwords / sizeof *stopwords, sizeof *stopwords,
                 kt__cmp_str) != NULL;
}
