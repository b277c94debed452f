#!/usr/bin/env python3
"""Learn the services' priors (catalog/learned/prior.tsv) from judged development notes.

    bench/learn-prior.py [--kohtaanto build/kohtaanto] [--index DIR] [--sets dev,dev2,...]

For each development query set, `kohtaanto eval` ranks its notes with the priors switched
off (--set prior_weight=0) and writes each note's top 20. A service is "seen" once per note
whose top 20 holds it, and "useful" when that note's judgments grade it 1 or 2. The prior
the engine uses is the smoothed share useful/seen against the base rate of all services
(engine/rerank.c, kt__rerank_prior); this script writes only the counts.

Only development data: the default sets are the development sets and the held-out sets
already scored (spent). A held-out set that has not been scored must never be listed here.
Where a set has pooled judgments (<set>.qrels.pooled), they are used.
"""
import argparse
import collections
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUERIES = os.path.join(HERE, 'queries')
DEFAULT_SETS = ['dev', 'dev2', 'test'] + [f'heldout{i}' for i in range(2, 12)]
DEPTH = 20


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--kohtaanto', default=os.path.join(ROOT, 'build', 'kohtaanto'))
    ap.add_argument('--index', help='an index of the catalogue (built in a temporary folder if not given)')
    ap.add_argument('--catalog', default=os.path.join(ROOT, 'catalog'))
    ap.add_argument('--sets', default=','.join(DEFAULT_SETS))
    ap.add_argument('--out', default=os.path.join(ROOT, 'catalog', 'learned', 'prior.tsv'))
    a = ap.parse_args()
    sets = [s for s in a.sets.split(',') if s]
    seen = collections.Counter()
    useful = collections.Counter()
    notes = 0
    with tempfile.TemporaryDirectory(prefix='kt-prior-') as tmp:
        index = a.index
        if not index:
            index = os.path.join(tmp, 'index')
            subprocess.run([a.kohtaanto, 'index', '--catalog', a.catalog, '--index', index],
                           check=True, stdout=subprocess.DEVNULL)
        for s in sets:
            tsv = os.path.join(QUERIES, s + '.tsv')
            qrels = os.path.join(QUERIES, s + '.qrels')
            if os.path.exists(qrels + '.pooled'):
                qrels += '.pooled'
            if not os.path.exists(tsv) or not os.path.exists(qrels):
                sys.exit(f'learn-prior: no query set {s} ({tsv}, {qrels})')
            runs = os.path.join(tmp, s)
            os.makedirs(runs)
            subprocess.run([a.kohtaanto, 'eval', '--index', index, '--queries', tsv, '--qrels', qrels,
                            '-k', str(DEPTH), '--set', 'prior_weight=0', '--write-runs', runs],
                           check=True, stdout=subprocess.DEVNULL)
            grade = collections.defaultdict(dict)
            for line in open(qrels, encoding='utf-8'):
                q, _, d, g = line.split()
                grade[q][d] = int(g)
            top = collections.defaultdict(list)
            for line in open(os.path.join(runs, 'full.run'), encoding='utf-8'):
                q, _, d, r, _, _ = line.split()
                top[q].append((int(r), d))
            for q in grade:
                notes += 1
                for _, d in sorted(top[q])[:DEPTH]:
                    seen[d] += 1
                    useful[d] += grade[q].get(d, 0) >= 1
    total_seen, total_useful = sum(seen.values()), sum(useful.values())
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write('# Learned priors of the services: written by bench/learn-prior.py, do not edit.\n')
        f.write(f'# From {notes} judged development notes of the sets: {", ".join(sets)}\n')
        f.write(f'# (pooled judgments where a set has them), each note\'s top {DEPTH} with the priors off.\n')
        f.write(f'# Base rate: {total_useful} useful of {total_seen} seen ({total_useful / max(total_seen, 1):.3f}).\n')
        f.write('# service_id<TAB>useful<TAB>seen\n')
        for d in sorted(seen):
            f.write(f'{d}\t{useful[d]}\t{seen[d]}\n')
    print(f'learn-prior: {len(seen)} services from {notes} notes of {len(sets)} sets -> {a.out}')


if __name__ == '__main__':
    main()
