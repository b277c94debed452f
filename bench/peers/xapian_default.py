#!/usr/bin/python3
"""Xapian "out of the box" peer baseline for Kohtaanto (Debian python3-xapian).

Usage: xapian_default.py --catalog CAT.jsonl --queries Q.tsv [-k 10]
                         [--tag xapian_default] [--times FILE]
                         [--warmup 1]

Configuration (the defaults a first-time Xapian user ends up with):
  - in-memory database, one document per service (the Python bindings of
    Xapian 1.4 spell inmemory_open() as
    WritableDatabase("", DB_BACKEND_INMEMORY));
  - indexing: TermGenerator with Stem("finnish") and its default stemming
    strategy STEM_SOME (each word indexed unstemmed and as a Z-prefixed
    stem); all fields (name, keywords, summary, description, target,
    conditions) indexed as unprefixed free text with no field weighting;
    no stop words;
  - querying: QueryParser with Stem("finnish"), stemming strategy STEM_SOME
    (words starting with a capital letter are not stemmed), default
    operator OP_OR, default parse flags (FLAG_PHRASE | FLAG_BOOLEAN |
    FLAG_LOVEHATE, so "quoted words" are phrases); a text that is a syntax
    error under them is parsed again with no flags; the database is attached;
  - weighting: BM25Weight() defaults (k1 = 1, k2 = 0, k3 = 1, b = 0.5,
    min_normlen = 0.5), which is also Xapian's default weighting scheme;
  - ties in document (= catalogue id) order.

Timing covers query parsing, Enquire set-up, get_mset and reading the top-K
ids (see peerlib.run_timed).
"""
import os
import sys

import xapian

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

FIELDS = ("name", "keywords", "summary", "description", "target", "conditions")


def build(docs):
    if hasattr(xapian, "inmemory_open"):
        db = xapian.inmemory_open()
    else:
        db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
    tg = xapian.TermGenerator()
    tg.set_stemmer(xapian.Stem("finnish"))  # stemming strategy left at STEM_SOME
    for d in docs:
        doc = xapian.Document()
        tg.set_document(doc)
        for f in FIELDS:
            tg.index_text(d.get(f, ""))
            tg.increase_termpos()  # no phrase matches across field boundaries
        doc.set_data(d["id"])
        db.add_document(doc)
    return db


def main():
    args = peerlib.parse_args(__doc__.splitlines()[0], "xapian_default")
    db = build(peerlib.read_catalog(args.catalog))

    qp = xapian.QueryParser()
    qp.set_stemmer(xapian.Stem("finnish"))
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_default_op(xapian.Query.OP_OR)
    qp.set_database(db)
    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BM25Weight())

    def search(text):
        try:
            query = qp.parse_query(text)  # default flags: PHRASE|BOOLEAN|LOVEHATE
        except xapian.QueryParserError:
            # Stray operators ("... (OR) ...") are a syntax error; do what
            # Xapian applications usually do: parse again with no flags.
            query = qp.parse_query(text, 0)
        enquire.set_query(query)
        return [(m.document.get_data().decode("utf-8"), m.weight)
                for m in enquire.get_mset(0, args.k)]

    peerlib.main_loop(args, search)


if __name__ == "__main__":
    main()
