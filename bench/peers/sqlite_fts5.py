#!/usr/bin/python3
"""SQLite FTS5 peer baseline for Kohtaanto (Debian python3's sqlite3 module).

Usage: sqlite_fts5.py --catalog CAT.jsonl --queries Q.tsv [-k 10]
                      [--tag sqlite_fts5] [--times FILE] [--warmup 1]

Configuration (the stock FTS5 set-up a developer would reach for):
  - in-memory database, one FTS5 table with columns
    name, keywords, summary, description, target, conditions (+ id UNINDEXED);
  - tokenizer 'unicode61 remove_diacritics 2' (Unicode word splitting, case
    folding, diacritics removed, so ä/ö match a/o); no stemming, no stop words;
  - query: the need text split into words (Unicode \\w runs), each word
    double-quoted (so nothing is read as FTS5 syntax) and joined with OR;
  - ranking: bm25(table, 3, 2, 2, 1, 1, 1), i.e. name 3, keywords 2,
    summary 2, description/target/conditions 1 (FTS5's bm25 uses k1 = 1.2,
    b = 0.75); ties in id order.  FTS5's bm25() is "lower is better", so the
    run reports its negation as the score.

Timing covers tokenizing the query, building the MATCH expression, running
the SQL and fetching the top K rows (see peerlib.run_timed).
"""
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

# Indexed columns, in table order, with their bm25() weights.
COLUMNS = (("name", 3.0), ("keywords", 2.0), ("summary", 2.0),
           ("description", 1.0), ("target", 1.0), ("conditions", 1.0))
WORD = re.compile(r"\w+")


def build(docs):
    db = sqlite3.connect(":memory:")
    cols = ", ".join(c for c, _ in COLUMNS)
    db.execute("CREATE VIRTUAL TABLE svc USING fts5(%s, id UNINDEXED, "
               "tokenize = 'unicode61 remove_diacritics 2')" % cols)
    db.executemany("INSERT INTO svc(%s, id) VALUES (%s)" % (cols, ", ".join("?" * (len(COLUMNS) + 1))),
                   [tuple(d.get(c, "") for c, _ in COLUMNS) + (d["id"],) for d in docs])
    db.commit()
    return db


def match_expr(text):
    """OR of the text's words, each quoted as an FTS5 string."""
    words = WORD.findall(text)
    return " OR ".join('"%s"' % w.replace('"', '""') for w in words)


def main():
    args = peerlib.parse_args(__doc__.splitlines()[0], "sqlite_fts5")
    db = build(peerlib.read_catalog(args.catalog))
    weights = ", ".join("%g" % w for _, w in COLUMNS)
    sql = ("SELECT id, bm25(svc, %s) AS s FROM svc WHERE svc MATCH ? "
           "ORDER BY s, id LIMIT ?" % weights)

    def search(text):
        expr = match_expr(text)
        if not expr:
            return []
        return [(docid, -s) for docid, s in db.execute(sql, (expr, args.k))]

    peerlib.main_loop(args, search)


if __name__ == "__main__":
    main()
