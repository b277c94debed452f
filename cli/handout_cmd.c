/*
 * handout_cmd.c — `kohtaanto handout ID... [--lang L] [--format text|html]`:
 * the client's take-home sheet of the chosen services, in the client's
 * language (fi, sv, en, or plain Finnish: fi-x-selko) as plain text or a
 * printable HTML page. Each
 * service gives its name, provider, summary, how to apply and contact
 * details (the catalogue's `apply` and `contact` when present, else its
 * referral text), languages, delivery, area and cost. A text the catalogue
 * has only in Finnish is printed in Finnish with a marker; in plain Finnish,
 * a field the catalogue has no `selko` text for is printed in standard
 * Finnish with the marker "ei selkokielellä" (names stay as they are). No need text,
 * score or anything else about the client goes on it: the command never
 * sees any. Uses only the public API (kt_service_get) and Jansson.
 */
#include "cli.h"

#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Languages of the sheet; L_SELKO is plain Finnish (selkosuomi), from the
 * catalogue's `selko` texts, tagged fi-x-selko (a private-use BCP 47 tag). */
enum { L_FI, L_SV, L_EN, L_SELKO, NLANG };
static const char *const lang_codes[NLANG] = {"fi", "sv", "en", "fi-x-selko"};
/* Catalogue labels (delivery, languages, contact keys) have no plain
 * version of their own: plain Finnish uses the Finnish ones. */
#define LABEL_LANG(lang) ((lang) == L_SELKO ? L_FI : (lang))

/* The sheet's words, per language. */
typedef struct words {
  const char *title, *intro, *provider, *apply, *contact, *languages, *delivery, *area, *cost, *age,
      *finnish_marker, *status, *from, *to, *years;
} words;
static const words W[NLANG] = {
    {"Palvelut sinulle", "Nämä palvelut valitsimme yhdessä. Ota yhteyttä suoraan palveluun.",
     "Järjestäjä", "Näin haet", "Yhteystiedot", "Kielet", "Toteutus", "Alue", "Hinta", "Ikä", "",
     "Tila", "vähintään", "enintään", "v"},
    {"Tjänster för dig", "Vi valde de här tjänsterna tillsammans. Kontakta tjänsten direkt.",
     "Anordnare", "Så här söker du", "Kontaktuppgifter", "Språk", "Genomförande", "Område",
     "Kostnad", "Ålder", "på finska", "Status", "minst", "högst", "år"},
    {"Services for you", "We chose these services together. Contact the service directly.",
     "Provider", "How to apply", "Contact", "Languages", "How it is given", "Area", "Cost", "Age",
     "in Finnish", "Status", "at least", "at most", "years"},
    {"Palvelut sinulle", "Valitsimme nämä palvelut yhdessä. Ota yhteys palveluun.",
     "Kuka järjestää", "Näin pääset mukaan", "Yhteystiedot", "Kielet", "Miten palvelu toimii",
     "Missä", "Hinta", "Ikä", "ei selkokielellä", "Tila", "vähintään", "enintään", "vuotta"},
};

/* Catalogue ids with their labels [fi, sv, en]. */
typedef struct label {
  const char *id, *l[NLANG];
} label;
static const label delivery_labels[] = {
    {"kasvokkain", {"kasvokkain", "på plats", "face to face"}},
    {"etä", {"etänä", "på distans", "remote"}},
    {"verkko", {"verkossa", "på nätet", "online"}},
    {"puhelin", {"puhelimessa", "per telefon", "by phone"}},
};
static const label language_labels[] = {
    {"fi", {"suomi", "finska", "Finnish"}},      {"sv", {"ruotsi", "svenska", "Swedish"}},
    {"en", {"englanti", "engelska", "English"}}, {"ru", {"venäjä", "ryska", "Russian"}},
    {"ar", {"arabia", "arabiska", "Arabic"}},    {"so", {"somali", "somaliska", "Somali"}},
    {"et", {"viro", "estniska", "Estonian"}},    {"fa", {"persia", "persiska", "Persian"}},
    {"fr", {"ranska", "franska", "French"}},     {"es", {"espanja", "spanska", "Spanish"}},
    {"de", {"saksa", "tyska", "German"}},        {"tr", {"turkki", "turkiska", "Turkish"}},
    {"zh", {"kiina", "kinesiska", "Chinese"}},   {"uk", {"ukraina", "ukrainska", "Ukrainian"}},
};
/* Keys a `contact` or `apply` object may have, with their labels. */
static const label contact_labels[] = {
    {"phone", {"Puhelin", "Telefon", "Phone"}},
    {"email", {"Sähköposti", "E-post", "Email"}},
    {"web", {"Verkossa", "Webb", "Web"}},
    {"url", {"Verkossa", "Webb", "Web"}},
    {"address", {"Osoite", "Adress", "Address"}},
    {"place", {"Paikka", "Plats", "Place"}},
    {"hours", {"Aukiolo", "Öppettider", "Opening hours"}},
    {"how", {"Näin haet", "Så här söker du", "How to apply"}},
    {"text", {"", "", ""}},
    {"deadline", {"Haku päättyy", "Ansökan senast", "Apply by"}},
    {"starts", {"Alkaa", "Börjar", "Starts"}},
};

static const char *label_of(const label *t, size_t n, const char *id, int lang) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(t[i].id, id)) return t[i].l[LABEL_LANG(lang)];
  return NULL;
}
#define LABEL(t, id, lang) label_of(t, sizeof t / sizeof *t, id, lang)

/* ---- output: text or HTML, one writer for both ---------------------------- */

typedef struct out {
  FILE *f;
  bool html;
  int lang;
} out;

static void put(const out *o, const char *s) {
  if (!o->html) {
    fputs(s, o->f);
    return;
  }
  for (; *s; s++) {
    switch (*s) {
    case '<': fputs("&lt;", o->f); break;
    case '>': fputs("&gt;", o->f); break;
    case '&': fputs("&amp;", o->f); break;
    case '"': fputs("&quot;", o->f); break;
    default: fputc(*s, o->f);
    }
  }
}

/* A text in the sheet's language, or (standard) Finnish with the marker. */
static void put_text(const out *o, const char *s, bool finnish) {
  bool marked = finnish && o->lang != L_FI;
  if (o->html && marked) fputs("<span lang=\"fi\">", o->f);
  put(o, s);
  if (o->html && marked) fputs("</span>", o->f);
  if (marked) {
    fputs(o->html ? " <small class=\"fallback\">(" : " (", o->f);
    put(o, W[o->lang].finnish_marker);
    fputs(o->html ? ")</small>" : ")", o->f);
  }
}

/* The text of a {fi, sv?, en?} object in the sheet's language. */
static const char *ml(const json_t *v, int lang, bool *finnish) {
  const char *s = json_string_value(json_object_get(v, lang_codes[lang]));
  *finnish = false;
  if (s && *s) return s;
  *finnish = true;
  return json_string_value(json_object_get(v, "fi"));
}

static void field_open(const out *o, const char *name) {
  if (o->html) {
    fputs("<dt>", o->f);
    put(o, name);
    fputs("</dt><dd>", o->f);
  } else {
    fprintf(o->f, "   %s: ", name);
  }
}
static void field_close(const out *o) { fputs(o->html ? "</dd>\n" : "\n", o->f); }

/* A value of `contact` or `apply`: a string, a {fi, sv, en} text, an array
 * of values, or an object of labelled values (phone, email, web, ...). */
static void put_value(const out *o, const json_t *v, int depth) {
  bool finnish;
  if (json_is_string(v)) {
    const char *s = json_string_value(v);
    bool link = o->html && (!strncmp(s, "https://", 8) || !strncmp(s, "http://", 7));
    if (link) {
      fputs("<a href=\"", o->f);
      put(o, s);
      fputs("\">", o->f);
    }
    /* Free text in a plain string is the catalogue's Finnish. */
    put_text(o, s, false);
    if (link) fputs("</a>", o->f);
  } else if (json_is_object(v) && json_object_get(v, "fi") &&
             json_is_string(json_object_get(v, "fi"))) {
    const char *s = ml(v, o->lang, &finnish);
    if (s) put_text(o, s, finnish);
    /* a text in languages, perhaps with its link: {fi, sv, url} */
    if (json_is_string(json_object_get(v, "url"))) {
      put(o, " ");
      put_value(o, json_object_get(v, "url"), depth + 1);
    }
  } else if (json_is_array(v) && depth < 3) {
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
      if (i) fputs(o->html ? "<br>" : "; ", o->f);
      put_value(o, e, depth + 1);
    }
  } else if (json_is_object(v) && depth < 3) {
    const char *k;
    json_t *e;
    bool first = true;
    json_object_foreach((json_t *)v, k, e) {
      if (!first) fputs(o->html ? "<br>" : "; ", o->f);
      first = false;
      const char *name = LABEL(contact_labels, k, o->lang);
      if (!name) name = k;
      if (*name) {
        put(o, name);
        put(o, ": ");
      }
      put_value(o, e, depth + 1);
    }
  } else if (json_is_integer(v)) {
    fprintf(o->f, "%lld", (long long)json_integer_value(v));
  }
}

static bool present(const json_t *v) {
  return v && !json_is_null(v) && !(json_is_string(v) && !*json_string_value(v)) &&
         !(json_is_array(v) && !json_array_size(v)) && !(json_is_object(v) && !json_object_size(v));
}

static void put_list(const out *o, const char *name, const json_t *arr, const label *t, size_t nt) {
  if (!json_array_size(arr)) return;
  field_open(o, name);
  size_t i;
  json_t *e;
  json_array_foreach(arr, i, e) {
    const char *id = json_string_value(e);
    if (!id) continue;
    const char *l = t ? label_of(t, nt, id, o->lang) : NULL;
    if (i) put(o, ", ");
    put(o, l ? l : id);
  }
  field_close(o);
}

/* Field @p field of the record in the sheet's language: for plain Finnish its
 * `selko` text, else the standard Finnish (*finnish set). NULL if absent. */
static const char *field_text(const json_t *rec, const char *field, int lang, bool *finnish) {
  if (lang != L_SELKO) return ml(json_object_get(rec, field), lang, finnish);
  const char *s = json_string_value(json_object_get(json_object_get(rec, "selko"), field));
  *finnish = !s;
  return s ? s : json_string_value(json_object_get(json_object_get(rec, field), "fi"));
}

static void put_service(const out *o, const json_t *rec, size_t n) {
  bool finnish;
  const char *name = field_text(rec, "name", o->lang, &finnish);
  /* A name is a name: its standard form is not marked on a plain-Finnish sheet. */
  if (o->lang == L_SELKO) finnish = false;
  const char *id = json_string_value(json_object_get(rec, "id"));
  if (o->html) {
    fprintf(o->f, "<section class=\"service\" data-id=\"%s\">\n<h2>", id ? id : "");
    fprintf(o->f, "%zu. ", n);
    put_text(o, name ? name : "", finnish);
    fputs("</h2>\n", o->f);
  } else {
    fprintf(o->f, "%zu. ", n);
    put_text(o, name ? name : "", finnish);
    fputs("\n", o->f);
  }
  const char *prov = json_string_value(json_object_get(json_object_get(rec, "provider"), "name"));
  const char *summary = field_text(rec, "summary", o->lang, &finnish);
  if (o->html) {
    if (summary) {
      fputs("<p class=\"summary\">", o->f);
      put_text(o, summary, finnish);
      fputs("</p>\n", o->f);
    }
    fputs("<dl>\n", o->f);
  } else if (summary) {
    fputs("   ", o->f);
    put_text(o, summary, finnish);
    fputs("\n", o->f);
  }
  if (prov) {
    field_open(o, W[o->lang].provider);
    put(o, prov);
    field_close(o);
  }
  const json_t *status = json_object_get(rec, "status");
  if (present(status) &&
      !(json_is_string(status) && !strcmp(json_string_value(status), "active"))) {
    field_open(o, W[o->lang].status);
    put_value(o, status, 0);
    field_close(o);
  }
  /* How to apply: the words are the catalogue's `referral` (plain on a
   * plain-Finnish sheet when there is a `selko` text), then what `apply`
   * adds: its text and the address where one starts. */
  const json_t *apply = json_object_get(rec, "apply");
  const char *how = field_text(rec, "referral", o->lang, &finnish);
  const json_t *more = json_object_get(apply, "text"), *url = json_object_get(apply, "url");
  if (how || present(more) || json_is_string(url)) {
    field_open(o, W[o->lang].apply);
    if (how) put_text(o, how, finnish);
    if (present(more)) {
      if (how) put(o, " ");
      put_value(o, more, 1);
    }
    if (json_is_string(url)) {
      put(o, " ");
      put_value(o, url, 1);
    }
    field_close(o);
  }
  const json_t *contact = json_object_get(rec, "contact");
  if (present(contact)) {
    field_open(o, W[o->lang].contact);
    put_value(o, contact, 0);
    field_close(o);
  }
  put_list(o, W[o->lang].languages, json_object_get(rec, "languages"), language_labels,
           sizeof language_labels / sizeof *language_labels);
  put_list(o, W[o->lang].delivery, json_object_get(rec, "delivery"), delivery_labels,
           sizeof delivery_labels / sizeof *delivery_labels);
  put_list(o, W[o->lang].area, json_object_get(rec, "municipalities"), NULL, 0);
  const json_t *age = json_object_get(rec, "age");
  json_t *amin = json_object_get(age, "min"), *amax = json_object_get(age, "max");
  if (json_is_integer(amin) || json_is_integer(amax)) {
    field_open(o, W[o->lang].age);
    if (json_is_integer(amin))
      fprintf(o->f, "%s %lld %s", W[o->lang].from, (long long)json_integer_value(amin),
              W[o->lang].years);
    if (json_is_integer(amin) && json_is_integer(amax)) put(o, ", ");
    if (json_is_integer(amax))
      fprintf(o->f, "%s %lld %s", W[o->lang].to, (long long)json_integer_value(amax),
              W[o->lang].years);
    field_close(o);
  }
  const json_t *cost = json_object_get(rec, "cost");
  if (present(cost)) {
    field_open(o, W[o->lang].cost);
    if (json_is_string(cost))
      put_text(o, json_string_value(cost), true); /* a plain string is Finnish */
    else
      put_value(o, cost, 0);
    field_close(o);
  }
  fputs(o->html ? "</dl>\n</section>\n" : "\n", o->f);
}

static const char *const html_head =
    "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n"
    "<style>\n"
    "body{font-family:system-ui,\"Noto Sans\",\"DejaVu "
    "Sans\",sans-serif;color:#111;max-width:46rem;"
    "margin:1.5rem auto;padding:0 1rem;line-height:1.45}\n"
    "h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin:0 0 .3rem}\n"
    ".service{border-top:1px solid #999;padding:.8rem 0;break-inside:avoid}\n"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0}"
    "dt{font-weight:600}dd{margin:0}\n"
    ".fallback{color:#555}a{color:#0b4f8a}\n"
    "@media print{body{margin:0;max-width:none}a{color:#000}}\n"
    "</style>\n</head>\n<body>\n";

int kt_cli_handout(int argc, char **argv) {
  static const char usage[] =
      "usage: kohtaanto handout [--index DIR] [--lang fi|sv|en|fi-x-selko] [--format text|html] "
      "ID...\n"
      "  The client's take-home sheet of the chosen services: how to apply and\n"
      "  contact details in the client's language (Finnish where the catalogue\n"
      "  has nothing else, marked as such). fi-x-selko (or selko) is plain\n"
      "  Finnish, from the catalogue's selko texts where it has them.\n";
  const char *index = kt_cli_default_index();
  int lang = L_FI;
  bool html = false;
  static const struct option lo[] = {{"index", required_argument, 0, 'i'},
                                     {"lang", required_argument, 0, 'l'},
                                     {"format", required_argument, 0, 'f'},
                                     {"help", no_argument, 0, 'h'},
                                     {0, 0, 0, 0}};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
    if (c == 'i') {
      index = optarg;
    } else if (c == 'l') {
      for (lang = 0; lang < NLANG && strcmp(optarg, lang_codes[lang]); lang++)
        ;
      if (!strcmp(optarg, "selko")) lang = L_SELKO;
      if (lang == NLANG) {
        fprintf(stderr, "kohtaanto handout: --lang must be fi, sv, en or fi-x-selko, not '%s'\n",
                optarg);
        return KT_EXIT_USAGE;
      }
    } else if (c == 'f') {
      if (strcmp(optarg, "text") && strcmp(optarg, "html")) {
        fprintf(stderr, "kohtaanto handout: --format must be text or html, not '%s'\n", optarg);
        return KT_EXIT_USAGE;
      }
      html = !strcmp(optarg, "html");
    } else {
      fputs(usage, c == 'h' ? stdout : stderr);
      return c == 'h' ? KT_EXIT_OK : KT_EXIT_USAGE;
    }
  }
  if (optind >= argc) {
    fputs(usage, stderr);
    return KT_EXIT_USAGE;
  }
  kt_engine *e = NULL;
  int rc = kt_engine_open(&e, index);
  if (rc) return kt_cli_fail("open index", rc);
  /* Read every record first, so a wrong id prints nothing but the error. */
  size_t n = (size_t)(argc - optind);
  json_t **recs = calloc(n, sizeof *recs);
  if (!recs) {
    kt_engine_close(e);
    return kt_cli_fail("handout", KT_ENOMEM);
  }
  for (size_t i = 0; i < n && !rc; i++) {
    char *json = NULL;
    rc = kt_service_get(e, argv[optind + (int)i], &json, NULL);
    if (!rc && !(recs[i] = json_loads(json, 0, NULL))) rc = KT_ECORRUPT;
    kt_free(json);
    if (rc)
      fprintf(stderr, "kohtaanto handout: service '%s': %s\n", argv[optind + (int)i],
              kt_strerror(rc));
  }
  kt_engine_close(e);
  if (!rc) {
    out o = {stdout, html, lang};
    if (html) {
      fprintf(stdout, html_head, lang_codes[lang], W[lang].title);
      fputs("<h1>", stdout);
      put(&o, W[lang].title);
      fputs("</h1>\n<p>", stdout);
      put(&o, W[lang].intro);
      fputs("</p>\n", stdout);
    } else {
      printf("%s\n%s\n\n", W[lang].title, W[lang].intro);
    }
    for (size_t i = 0; i < n; i++)
      put_service(&o, recs[i], i + 1);
    if (html) fputs("</body>\n</html>\n", stdout);
  }
  for (size_t i = 0; i < n; i++)
    json_decref(recs[i]);
  free(recs);
  return rc ? kt_cli_exit_code(rc) : KT_EXIT_OK;
}
