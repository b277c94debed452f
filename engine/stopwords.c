/*
 * stopwords.c — words that carry no meaning for matching a need to a service:
 * Finnish function words (after the Snowball Finnish stop list, checked on
 * both surface forms and Voikko base forms), and the commonest Swedish and
 * English function words. Wish verbs (haluta, tarvita) are here as well: every need text wants
 * and needs something. Negation words are here too; need signals (which
 * read negations) work on the raw words, not on this list.
 */
#include "stopwords.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const stopwords[] = {
    "a",       "aikana",  "alle",   "an",      "and",     "are",       "as",      "at",
    "att",     "av",      "be",     "behöver", "by",      "de",        "den",     "det",
    "du",      "ei",      "eikä",   "eivät",   "eli",     "eller",     "emme",    "en",
    "enemmän", "ennen",   "esim",   "et",      "ett",     "ette",      "että",    "for",
    "from",    "från",    "för",    "haluta",  "han",     "har",       "he",      "heidän",
    "heille",  "heillä",  "heissä", "heistä",  "heitä",   "hon",       "hyvin",   "hän",
    "hänelle", "hänellä", "hänen",  "hänessä", "hänestä", "häntä",     "i",       "ihan",
    "ilman",   "in",      "inte",   "is",      "it",      "itse",      "ja",      "jag",
    "jne",     "jo",      "joiden", "joita",   "joka",    "jokin",     "joku",    "jonka",
    "jos",     "jota",    "joten",  "jotka",   "jotta",   "jälkeen",   "kaikkea", "kaikki",
    "kanssa",  "kautta",  "ken",    "koska",   "kuin",    "kuitenkin", "kuka",    "kukaan",
    "kun",     "me",      "med",    "meidän",  "meille",  "meillä",    "meissä",  "meistä",
    "meitä",   "men",     "mihin",  "miksi",   "mikä",    "mikään",    "milloin", "minua",
    "minulla", "minulle", "minun",  "minussa", "minusta", "minä",      "missä",   "mistä",
    "miten",   "mitä",    "mm",     "muiden",  "muita",   "mukaan",    "mutta",   "muu",
    "muut",    "myös",    "ne",     "needs",   "niiden",  "niihin",    "niille",  "niillä",
    "niin",    "niissä",  "niistä", "niitä",   "noiden",  "noin",      "noita",   "not",
    "nuo",     "nyt",     "näiden", "näihin",  "näille",  "näillä",    "näissä",  "näistä",
    "näitä",   "nämä",    "och",    "of",      "ole",     "olemme",    "olen",    "olet",
    "olette",  "oli",     "olin",   "olisi",   "olivat",  "olla",      "ollaan",  "olleet",
    "ollut",   "oltu",    "om",     "oma",     "on",      "or",        "ovat",    "paljon",
    "pitäisi", "pitää",   "på",     "saa",     "saada",   "se",        "sekä",    "sen",
    "she",     "siihen",  "siinä",  "siis",    "siitä",   "sille",     "sillä",   "sinua",
    "sinulla", "sinulle", "sinun",  "sinussa", "sinusta", "sinä",      "sitten",  "sitä",
    "som",     "så",      "tai",    "takia",   "tarvita", "te",        "teidän",  "teille",
    "teillä",  "teissä",  "teistä", "teitä",   "that",    "the",       "they",    "this",
    "till",    "tms",     "to",     "toinen",  "toiset",  "tosi",      "tulee",   "tulla",
    "tuo",     "tuohon",  "tuolla", "tuolle",  "tuon",    "tuossa",    "tuosta",  "tuota",
    "tähän",   "tälle",   "tällä",  "tämä",    "tämän",   "tässä",     "tästä",   "tätä",
    "vaan",    "vaikka",  "vain",   "var",     "vi",      "vielä",     "vill",    "voi",
    "voida",   "voisi",   "vuoksi", "vähän",   "wants",   "we",        "with",    "would",
    "yli",     "ym",      "you",    "är",
};

static int cmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool kt__is_stopword(const char *folded) {
  return bsearch(&folded, stopwords, sizeof stopwords / sizeof *stopwords, sizeof *stopwords,
                 cmp) != NULL;
}
