#!/usr/bin/python3
"""Flatten the Kohtaanto service catalogue into one JSONL file for the peers.

Usage: export_catalog.py CATALOG_DIR OUT.jsonl

CATALOG_DIR is either the catalogue root (holding services/) or the
services/ folder itself.  Every <id>.json becomes one line of a flat JSON
object whose values are all strings, so that every peer engine indexes
exactly the same text:

    id          the service id
    name        name, all languages (fi, sv, en, then any others)
    summary     summary, all languages
    description description, all languages
    keywords    keywords, all languages, one keyword a line
    target      target_description (all languages) + target_groups
    conditions  requirements + referral (all languages)

Language variants and list items are joined with newlines.  Target-group
slugs such as "yrittajiksi_aikovat" get their underscores turned into
spaces so that every tokenizer sees separate words.  Other catalogue fields
(provider, category, municipalities, cost...) are deliberately left out.

Lines are written sorted by id, so document order (and hence tie order in
the engines) is the same for every peer.  Python standard library only.
"""
import json
import os
import sys

# Preferred language order; any other language key follows, sorted.
LANG_ORDER = ("fi", "sv", "en")


def lang_values(value):
    """Return the per-language values of a {lang: value} field in a fixed order."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, dict):
        raise ValueError("expected a {language: text} object, got %r" % (value,))
    langs = [l for l in LANG_ORDER if l in value]
    langs += sorted(l for l in value if l not in LANG_ORDER)
    return [value[l] for l in langs]


def text_of(value):
    """Flatten a multilingual text field (strings or string lists) into one string."""
    parts = []
    for v in lang_values(value):
        if isinstance(v, list):
            parts.extend(str(x) for x in v)
        else:
            parts.append(str(v))
    return "\n".join(p.strip() for p in parts if p and p.strip())


def join(*texts):
    return "\n".join(t for t in texts if t)


def flatten(svc):
    """Map one catalogue record to the flat peer document."""
    groups = "\n".join(g.replace("_", " ") for g in svc.get("target_groups", []))
    return {
        "id": svc["id"],
        "name": text_of(svc.get("name")),
        "summary": text_of(svc.get("summary")),
        "description": text_of(svc.get("description")),
        "keywords": text_of(svc.get("keywords")),
        "target": join(text_of(svc.get("target_description")), groups),
        "conditions": join(text_of(svc.get("requirements")), text_of(svc.get("referral"))),
    }


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: export_catalog.py CATALOG_DIR OUT.jsonl\n")
        return 2
    src, out = argv[1], argv[2]
    if os.path.isdir(os.path.join(src, "services")):
        src = os.path.join(src, "services")
    names = sorted(n for n in os.listdir(src) if n.endswith(".json"))
    if not names:
        sys.stderr.write("export_catalog: no *.json files in %s\n" % src)
        return 3
    docs = []
    for n in names:
        with open(os.path.join(src, n), encoding="utf-8") as f:
            svc = json.load(f)
        if svc.get("id") + ".json" != n:
            sys.stderr.write("export_catalog: %s: id %r does not match file name\n" % (n, svc.get("id")))
            return 3
        docs.append(flatten(svc))
    docs.sort(key=lambda d: d["id"])
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
