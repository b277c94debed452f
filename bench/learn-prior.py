#!/usr/bin/env python3
"""Learn the services' priors (catalog/learned/prior.tsv, concept_prior.tsv, concept_useful.tsv) from judged development notes.

    bench/learn-prior.py [--kohtaanto build/kohtaanto] [--sets dev,dev2,...] [--out-dir DIR]

The catalogue is indexed without its learned priors, and each note of each development query
set is searched (`kohtaanto search --json -n 20`): its top 20 and the needs found in it. A
service is "seen" once per note whose top 20 holds it, and "useful" when that note's judgments
grade it 1 or 2 (prior.tsv). The same is counted per need of now found in the note (a concept
whose role is the situation or the goal, not the client's past nor another person's matter):
concept_prior.tsv. Per need of now, too, every service the note's judgments grade 1 or 2, at any
rank, and the number of notes with the need: concept_useful.tsv. The engine weighs the smoothed
shares against the base rate and against the service's own share (engine/rerank.c,
kt__rerank_prior), and suggests a need's most useful service (kt__rerank_suggest); this script
writes only the counts.

Only development data: the default sets are the development sets and the held-out sets
already scored (spent). A held-out set that has not been scored must never be listed here.
Where a set has pooled judgments (<set>.qrels.pooled), they are used.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUERIES = os.path.join(HERE, 'queries')
DEFAULT_SETS = ['dev', 'dev2', 'test'] + [f'heldout{i}' for i in range(2, 46)]
DEPTH = 20
MIN_USEFUL = 2  # concept_useful.tsv lists a pair judged useful in at least this many notes


def search(kohtaanto, index, text):
    """The note's top DEPTH ids and its needs of now (concept ids)."""
    p = subprocess.run([kohtaanto, 'search', '--index', index, '-n', str(DEPTH), '--json', text],
                       check=True, capture_output=True, text=True)
    d = json.loads(p.stdout)
    needs = {n['id'] for n in d.get('needs', []) if n.get('role') != 'background'}
    return [r['id'] for r in d['results']], needs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--kohtaanto', default=os.path.join(ROOT, 'build', 'kohtaanto'))
    ap.add_argument('--catalog', default=os.path.join(ROOT, 'catalog'))
    ap.add_argument('--sets', default=','.join(DEFAULT_SETS))
    ap.add_argument('--out-dir', default=os.path.join(ROOT, 'catalog', 'learned'))
    a = ap.parse_args()
    sets = [s for s in a.sets.split(',') if s]
    seen, useful = collections.Counter(), collections.Counter()
    pair_seen, pair_useful = collections.Counter(), collections.Counter()
    # Per need, whatever the ranks: the notes with it, and each service judged useful there.
    need_notes, need_useful = collections.Counter(), collections.Counter()
    notes = 0
    with tempfile.TemporaryDirectory(prefix='kt-prior-') as tmp:
        # The catalogue without its learned priors: the ranking they are learned from.
        cat = os.path.join(tmp, 'catalog')
        shutil.copytree(a.catalog, cat, ignore=shutil.ignore_patterns('learned'))
        index = os.path.join(tmp, 'index')
        subprocess.run([a.kohtaanto, 'index', '--catalog', cat, '--index', index],
                       check=True, stdout=subprocess.DEVNULL)
        for s in sets:
            tsv = os.path.join(QUERIES, s + '.tsv')
            qrels = os.path.join(QUERIES, s + '.qrels')
            if os.path.exists(qrels + '.pooled'):
                qrels += '.pooled'
            if not os.path.exists(tsv) or not os.path.exists(qrels):
                sys.exit(f'learn-prior: no query set {s} ({tsv}, {qrels})')
            grade = collections.defaultdict(dict)
            for line in open(qrels, encoding='utf-8'):
                q, _, d, g = line.split()
                grade[q][d] = int(g)
            for line in open(tsv, encoding='utf-8'):
                if '\t' not in line:
                    continue
                q, text = line.rstrip('\n').split('\t', 1)
                if q not in grade:
                    continue
                notes += 1
                top, needs = search(a.kohtaanto, index, text)
                for c in needs:
                    need_notes[c] += 1
                    for d, g in grade[q].items():
                        need_useful[c, d] += g >= 1
                for d in top:
                    u = grade[q].get(d, 0) >= 1
                    seen[d] += 1
                    useful[d] += u
                    for c in needs:
                        pair_seen[c, d] += 1
                        pair_useful[c, d] += u
    total_seen, total_useful = sum(seen.values()), sum(useful.values())
    os.makedirs(a.out_dir, exist_ok=True)
    def head(what):
        # The catalogue reader takes lines of at most 256 bytes: the set list
        # is wrapped.
        lines, line = [], f'# From {notes} judged development notes of the sets:'
        for i, name in enumerate(sets):
            word = f' {name}' + (',' if i + 1 < len(sets) else '')
            if len(line) + len(word) > 100:
                lines.append(line)
                line = '#  '
            line += word
        lines.append(line)
        return ('\n'.join(lines) + '\n'
                f'# (pooled judgments where a set has them), {what} with no priors.\n')
    with open(os.path.join(a.out_dir, 'prior.tsv'), 'w', encoding='utf-8') as f:
        f.write('# Learned priors of the services: written by bench/learn-prior.py, do not edit.\n')
        f.write(head(f"each note's top {DEPTH}"))
        f.write(f'# Base rate: {total_useful} useful of {total_seen} seen ({total_useful / max(total_seen, 1):.3f}).\n')
        f.write('# service_id<TAB>useful<TAB>seen\n')
        for d in sorted(seen):
            f.write(f'{d}\t{useful[d]}\t{seen[d]}\n')
    with open(os.path.join(a.out_dir, 'concept_prior.tsv'), 'w', encoding='utf-8') as f:
        f.write('# Learned priors of the services per need: written by bench/learn-prior.py, do not edit.\n')
        f.write(head(f"each note's top {DEPTH}"))
        f.write('# A pair counts the notes in which the concept was found as a need of now.\n')
        f.write('# concept_id<TAB>service_id<TAB>useful<TAB>seen\n')
        for c, d in sorted(pair_seen):
            f.write(f'{c}\t{d}\t{pair_useful[c, d]}\t{pair_seen[c, d]}\n')
    with open(os.path.join(a.out_dir, 'concept_useful.tsv'), 'w', encoding='utf-8') as f:
        f.write('# The services judged useful per need: written by bench/learn-prior.py, do not edit.\n')
        f.write(head("each note's needs"))
        f.write(f'# A pair: of the notes in which the concept was found as a need of now (notes), how\n'
                f'# many judged the service useful (useful), at any rank; pairs useful in at least {MIN_USEFUL}.\n')
        f.write('# concept_id<TAB>service_id<TAB>useful<TAB>notes\n')
        for c, d in sorted(need_useful):
            if need_useful[c, d] >= MIN_USEFUL:
                f.write(f'{c}\t{d}\t{need_useful[c, d]}\t{need_notes[c]}\n')
    print(f'learn-prior: {len(seen)} services and {len(pair_seen)} need-service pairs '
          f'from {notes} notes of {len(sets)} sets -> {a.out_dir}')


if __name__ == '__main__':
    main()
