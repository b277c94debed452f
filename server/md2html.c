/*
 * md2html.c — a build-time tool: turns the counsellor's guide (docs/opas.md)
 * into the HTML page the server embeds and serves at /opas, so the guide
 * has one source. It knows only the Markdown the guide uses: `#`/`##`/`###`
 * headings, paragraphs, `- ` lists (continuation lines indented), and
 * inline **bold**, *emphasis*, `code` and [links](url). Everything else is
 * text, HTML-escaped. usage: md2html IN.md OUT.html STYLESHEET_URL
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void esc(FILE *o, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    switch (s[i]) {
    case '&': fputs("&amp;", o); break;
    case '<': fputs("&lt;", o); break;
    case '>': fputs("&gt;", o); break;
    case '"': fputs("&quot;", o); break;
    default: fputc(s[i], o);
    }
  }
}

/* Inline markup of s[0..n). */
static void inl(FILE *o, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    const char *end;
    if (s[i] == '*' && i + 1 < n && s[i + 1] == '*' && (end = strstr(s + i + 2, "**")) &&
        (size_t)(end - s) < n) {
      fputs("<strong>", o);
      inl(o, s + i + 2, (size_t)(end - s - i - 2));
      fputs("</strong>", o);
      i = (size_t)(end - s) + 2;
    } else if (s[i] == '*' && (end = memchr(s + i + 1, '*', n - i - 1)) && end > s + i + 1) {
      fputs("<em>", o);
      inl(o, s + i + 1, (size_t)(end - s - i - 1));
      fputs("</em>", o);
      i = (size_t)(end - s) + 1;
    } else if (s[i] == '`' && (end = memchr(s + i + 1, '`', n - i - 1))) {
      fputs("<code>", o);
      esc(o, s + i + 1, (size_t)(end - s - i - 1));
      fputs("</code>", o);
      i = (size_t)(end - s) + 1;
    } else if (s[i] == '[' && (end = memchr(s + i, ']', n - i)) && (size_t)(end - s) + 1 < n &&
               end[1] == '(' && memchr(end, ')', n - (size_t)(end - s))) {
      const char *close = memchr(end, ')', n - (size_t)(end - s));
      fputs("<a href=\"", o);
      esc(o, end + 2, (size_t)(close - end - 2));
      fputs("\">", o);
      inl(o, s + i + 1, (size_t)(end - s - i - 1));
      fputs("</a>", o);
      i = (size_t)(close - s) + 1;
    } else {
      esc(o, s + i, 1);
      i++;
    }
  }
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fputs("usage: md2html IN.md OUT.html STYLESHEET_URL\n", stderr);
    return 2;
  }
  FILE *in = fopen(argv[1], "r");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  /* The guide is one page; read it whole, line by line. */
  char *lines[2048];
  size_t nlines = 0;
  char buf[8192];
  while (nlines < sizeof lines / sizeof *lines && fgets(buf, sizeof buf, in)) {
    buf[strcspn(buf, "\n")] = '\0';
    if (!(lines[nlines++] = strdup(buf))) return 1;
  }
  fclose(in);

  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
  FILE *o = fopen(tmp, "w");
  if (!o) {
    perror(tmp);
    return 1;
  }
  const char *title = "Kohtaanto";
  for (size_t i = 0; i < nlines; i++)
    if (!strncmp(lines[i], "# ", 2)) {
      title = lines[i] + 2;
      break;
    }
  fputs("<!doctype html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n<title>",
        o);
  esc(o, title, strlen(title));
  fprintf(
      o,
      "</title>\n<link rel=\"stylesheet\" href=\"%s\">\n</head>\n<body>\n<main class=\"opas\">\n"
      "<p class=\"back\"><a href=\"/\">← Palveluhaku</a></p>\n",
      argv[3]);
  /* Paragraph text or list item being gathered. */
  char para[16384];
  size_t plen = 0;
  int in_list = 0, in_item = 0;
  for (size_t i = 0; i <= nlines; i++) {
    const char *l = i < nlines ? lines[i] : "";
    int heading = l[0] == '#';
    int item = !strncmp(l, "- ", 2);
    int cont = (in_item && !strncmp(l, "  ", 2) && l[2] != ' ') ||
               (!in_item && plen && *l && !heading && !item);
    if (!cont && plen) {
      fputs(in_item ? "<li>" : "<p>", o);
      inl(o, para, plen);
      fputs(in_item ? "</li>\n" : "</p>\n", o);
      plen = 0;
    }
    if (in_list && !item && !cont) {
      fputs("</ul>\n", o);
      in_list = 0;
    }
    if (!cont) in_item = 0;
    if (heading) {
      int level = 0;
      while (l[level] == '#')
        level++;
      const char *text = l + level + (l[level] == ' ');
      fprintf(o, "<h%d>", level);
      inl(o, text, strlen(text));
      fprintf(o, "</h%d>\n", level);
      continue;
    }
    if (!*l) continue;
    if (item) {
      if (!in_list) fputs("<ul>\n", o);
      in_list = in_item = 1;
      l += 2;
    }
    const char *text = cont ? l + strspn(l, " ") : l;
    size_t n = strlen(text);
    if (plen + n + 2 > sizeof para) {
      fputs("md2html: a paragraph is too long\n", stderr);
      return 1;
    }
    if (plen) para[plen++] = ' ';
    memcpy(para + plen, text, n);
    plen += n;
  }
  fputs("</main>\n</body>\n</html>\n", o);
  for (size_t i = 0; i < nlines; i++)
    free(lines[i]);
  if (fclose(o) != 0 || rename(tmp, argv[2]) != 0) {
    perror(argv[2]);
    return 1;
  }
  return 0;
}
