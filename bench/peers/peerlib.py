"""Shared plumbing of the Python peer baselines (standard library only).

Reading the flat catalogue and the query file, the command line, the
timing protocol and the TREC output are the same for every Python peer and
match bench/peers/lucene/KtLucene.java, so that only the engine differs.
"""
import argparse
import json
import math
import sys
import time


def parse_args(description, default_tag):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--catalog", required=True, help="flat catalogue JSONL from export_catalog.py")
    p.add_argument("--queries", required=True, help="query file, qid<TAB>text a line")
    p.add_argument("-k", "--k", type=int, default=10, help="results per query (default 10)")
    p.add_argument("--tag", default=default_tag, help="run tag in the TREC output")
    p.add_argument("--times", help="write 'mean_ms p50_ms p99_ms n' here")
    p.add_argument("--warmup", type=int, default=1, help="untimed passes over all queries (default 1)")
    a = p.parse_args()
    if a.k < 1:
        p.error("-k must be positive")
    if a.warmup < 0:
        p.error("--warmup must not be negative")
    return a


def read_catalog(path):
    """Return the flat service records, in file (= id) order."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
    return docs


def read_queries(path):
    """Return [(qid, text)] from a qid<TAB>text file; blank lines are skipped."""
    qs = []
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            qid, tab, text = line.partition("\t")
            if not tab or not qid.strip():
                sys.exit("%s:%d: expected qid<TAB>text" % (path, no))
            qs.append((qid.strip(), text))
    return qs


def run_timed(queries, search, warmup=1):
    """Run `warmup` untimed passes over all queries, then time each query
    in-process with perf_counter_ns.

    search(text) -> [(docid, score)] best first.  Returns (results, ms)
    where results[i] is the hit list of queries[i] from the timed pass.
    """
    for _ in range(warmup):
        for _, text in queries:
            search(text)
    results, ms = [], []
    for _, text in queries:
        t0 = time.perf_counter_ns()
        hits = search(text)
        ms.append((time.perf_counter_ns() - t0) / 1e6)
        results.append(hits)
    return results, ms


def percentile(sorted_ms, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_ms:
        return 0.0
    idx = math.ceil(p / 100.0 * len(sorted_ms)) - 1
    return sorted_ms[max(0, min(len(sorted_ms) - 1, idx))]


def write_times(path, ms):
    s = sorted(ms)
    mean = sum(s) / len(s) if s else 0.0
    with open(path, "w", encoding="utf-8") as f:
        f.write("%.4f %.4f %.4f %d\n" % (mean, percentile(s, 50), percentile(s, 99), len(s)))


def write_trec(out, queries, results, tag):
    """Write a TREC run.  Each hit list must already be best first with ties
    in id order; scores are printed with 9 decimals and nudged down by 1e-9
    where needed so that they strictly decrease within a query."""
    for (qid, _), hits in zip(queries, results):
        prev = None
        for rank, (docid, score) in enumerate(hits, 1):
            units = round(score * 1e9)
            if prev is not None and units >= prev:
                units = prev - 1
            prev = units
            out.write("%s Q0 %s %d %.9f %s\n" % (qid, docid, rank, units / 1e9, tag))


def main_loop(args, search):
    """Run all queries of args.queries through search() and write the outputs."""
    queries = read_queries(args.queries)
    results, ms = run_timed(queries, search, args.warmup)
    write_trec(sys.stdout, queries, results, args.tag)
    sys.stdout.flush()
    if args.times:
        write_times(args.times, ms)
