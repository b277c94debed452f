#!/usr/bin/env python3
"""Pooled judgments (issue #13 item 7).

  pool.py make OUT SETS...   pool the top 10 of every run in OUT/<set>/{kt,peers}/*.run;
                             a pair is judged when the set's qrels grade it (0 too) or its
                             .notin lists it (a must-not service is not relevant);
                             writes bench/pool/unjudged.tsv  (pair<TAB>service_id<TAB>query)
                             shuffled (fixed seed), and bench/pool/unjudged.key
                             (pair<TAB>set<TAB>qid<TAB>service_id), kept from the judge.
  pool.py view               the judging worksheet: unjudged.tsv grouped by need text
                             (groups G001.. in sorted text order, services in id order)
  pool.py worksheet WS.txt   WS.txt lines "G001 service:grade ..." (unlisted = 0) ->
                             bench/pool/judged.tsv (pair<TAB>grade)
  pool.py merge JUDGED.tsv   JUDGED.tsv: pair<TAB>grade (0-2) lines; appends
                             "qid 0 service grade" to bench/queries/<set>.qrels for pairs
                             it does not grade yet, after keeping the file from before any
                             pooling as <set>.qrels.orig (once). A later round (new
                             configurations) reruns make, judges only the new pairs, merges.
"""
import collections, glob, os, random, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
Q = os.path.join(ROOT, "bench/queries")
POOL = os.environ.get("KT_POOL_DIR", os.path.join(ROOT, "bench/pool"))  # KT_POOL_DIR: a round of its own
DEPTH = 10

def read_tsv(path):
    d = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#") and "\t" in line:
            k, v = line.split("\t", 1)
            d[k] = v
    return d

def judged_pairs(s):
    j = set()
    for path in (os.path.join(Q, s + ".qrels.orig"), os.path.join(Q, s + ".qrels")):
        if os.path.exists(path):
            for line in open(path):
                f = line.split()
                if len(f) == 4: j.add((f[0], f[2]))
    notin = os.path.join(Q, s + ".notin")
    if os.path.exists(notin):
        for line in open(notin):
            f = line.rstrip("\n").split("\t")
            if len(f) == 2: j.add((f[0], f[1]))
    return j

def make(out, sets):
    pairs, stats = [], []
    for s in sets:
        texts = read_tsv(os.path.join(Q, s + ".tsv"))
        judged = judged_pairs(s)
        pool = collections.defaultdict(set)
        runs = sorted(glob.glob(os.path.join(out, s, "kt", "*.run")) +
                      glob.glob(os.path.join(out, s, "peers", "*.run")))
        for run in runs:
            for line in open(run):
                f = line.split()
                if len(f) == 6 and int(f[3]) <= DEPTH and f[0] in texts:
                    pool[f[0]].add(f[2])
        size = sum(len(v) for v in pool.values())
        new = sorted((qid, sid) for qid, v in pool.items() for sid in v if (qid, sid) not in judged)
        stats.append((s, len(runs), size, size - len(new), len(new)))
        pairs += [(s, qid, sid, texts[qid]) for qid, sid in new]
    random.Random(13).shuffle(pairs)
    with open(os.path.join(POOL, "unjudged.tsv"), "w") as u, open(os.path.join(POOL, "unjudged.key"), "w") as k:
        u.write("# pair<TAB>service_id<TAB>need text: judge 0-2 from the catalogue entry alone\n")
        for i, (s, qid, sid, text) in enumerate(pairs, 1):
            u.write("p%05d\t%s\t%s\n" % (i, sid, text))
            k.write("p%05d\t%s\t%s\t%s\n" % (i, s, qid, sid))
    for s, nr, size, old, new in stats:
        print("%-10s %2d runs  pooled pairs %5d  judged already %5d  unjudged %5d" % (s, nr, size, old, new))
    print("unjudged total", len(pairs), "->", os.path.join(POOL, "unjudged.tsv"))

def groups():
    g, pairs = {}, []
    for line in open(os.path.join(POOL, "unjudged.tsv"), encoding="utf-8"):
        if line.startswith("#"): continue
        p, sid, text = line.rstrip("\n").split("\t")
        g.setdefault(text, set()).add(sid)
        pairs.append((p, sid, text))
    return {"G%03d" % i: (t, g[t]) for i, t in enumerate(sorted(g), 1)}, pairs

def view():
    gs, _ = groups()
    for k in sorted(gs):
        print("%s %s\n   %s" % (k, gs[k][0], " ".join(sorted(gs[k][1]))))

def worksheet(path):
    gs, pairs = groups()
    grades = {}
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if not f or f[0].startswith("#"): continue
        text, sids = gs[f[0]]
        for x in f[1:]:
            sid, g = x.rsplit(":", 1)
            assert sid in sids and 0 <= int(g) <= 2, (f[0], x)
            grades[(text, sid)] = int(g)
    with open(os.path.join(POOL, "judged.tsv"), "w") as o:
        o.write("# pair<TAB>grade: every pair of unjudged.tsv judged 0-2 "
                "(2 = refer here first, 1 = also useful, 0 = not relevant)\n")
        for p, sid, text in pairs:
            o.write("%s\t%d\n" % (p, grades.get((text, sid), 0)))

def merge(judged_path):
    key = {}
    for line in open(os.path.join(POOL, "unjudged.key")):
        p, s, qid, sid = line.rstrip("\n").split("\t")
        key[p] = (s, qid, sid)
    add = collections.defaultdict(list)
    for line in open(judged_path):
        line = line.strip()
        if not line or line.startswith("#"): continue
        p, g = line.split("\t")[:2]
        g = int(g)
        assert 0 <= g <= 2, line
        s, qid, sid = key[p]
        add[s].append((qid, sid, g))
    for s, rows in sorted(add.items()):
        path = os.path.join(Q, s + ".qrels")
        orig = path + ".orig"
        if not os.path.exists(orig):  # the judgments before any pooling, kept once
            with open(orig, "w") as f:
                f.write(open(path).read())
        old = open(path).read()  # earlier rounds stay; only new pairs are added
        have = {(f[0], f[2]) for f in (l.split() for l in old.splitlines()) if len(f) == 4}
        rows = [r for r in rows if (r[0], r[1]) not in have]
        with open(path, "w") as f:
            f.write(old)
            for qid, sid, g in sorted(rows):
                f.write("%s 0 %s %d\n" % (qid, sid, g))
        print("%-10s +%d judgments (%d relevant)" % (s, len(rows), sum(1 for r in rows if r[2] > 0)))

if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "make": make(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 3 and sys.argv[1] == "merge": merge(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "view": view()
    elif len(sys.argv) == 3 and sys.argv[1] == "worksheet": worksheet(sys.argv[2])
    else: sys.exit(__doc__)
