#!/usr/bin/env python3
"""List the clauses of development notes that find nothing when searched alone.

    bench/clauses.py [--kohtaanto build/kohtaanto] [--sets dev,dev2,...] [--traps]

Every note of the development sets (the default: the sets bench/learn-prior.py learns from,
the development sets and the held-out sets already scored) is cut into clauses at sentence
ends, semicolons and commas; each distinct clause of two words or more is searched alone
(`kohtaanto search --queries`, a fresh index of the bundled catalogue, no feedback) and the
clauses with no result are printed, one per line, after a count.

Most of them find nothing rightly: a denial (*ei velkoja*), a fact said to be fine (*talous
ok*), an age or an origin. The others are misreadings that a whole note can hide, because
another clause finds something: *Asuntoa ei ole* (a lack told before its negation), *kurssi
töiden ohessa* (*ohessa* read as *ohi*, "over"). Read the list; nothing here is a score.
With --traps the trap sets' notes are cut too. A held-out set that has not been scored must
never be listed: its notes are not to be read.
"""
import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUERIES = os.path.join(HERE, 'queries')


def default_sets():
    """The sets bench/learn-prior.py learns from: one list of what is spent."""
    spec = importlib.util.spec_from_file_location('learn_prior', os.path.join(HERE, 'learn-prior.py'))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return list(mod.DEFAULT_SETS)


def clauses(text):
    for part in re.split(r'(?<=[.!?;])\s+|,\s+', text):
        part = part.strip()
        if len(part.split()) >= 2:
            yield part


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--kohtaanto', default=os.path.join(ROOT, 'build', 'kohtaanto'))
    ap.add_argument('--sets', help='comma-separated query sets (default: the spent ones)')
    ap.add_argument('--traps', action='store_true', help="also the sets' trap notes")
    args = ap.parse_args()
    sets = args.sets.split(',') if args.sets else default_sets()
    if args.traps:
        sets += [s + '-trap' if s.startswith('heldout') else 'trap-' + s for s in sets
                 if os.path.exists(os.path.join(QUERIES, (s + '-trap' if s.startswith('heldout')
                                                          else 'trap-' + s) + '.tsv'))]
    seen, order = set(), []
    for s in sets:
        path = os.path.join(QUERIES, s + '.tsv')
        if not os.path.exists(path):
            sys.exit(f'clauses.py: no query set {path}')
        for line in open(path, encoding='utf-8'):
            if line.startswith('#') or '\t' not in line:
                continue
            for c in clauses(line.rstrip('\n').split('\t', 1)[1]):
                if c not in seen:
                    seen.add(c)
                    order.append(c)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, KOHTAANTO_CATALOG=os.path.join(ROOT, 'catalog'))
        index = os.path.join(tmp, 'index')
        subprocess.run([args.kohtaanto, 'index', '--index', index], env=env, check=True,
                       capture_output=True)
        queries = os.path.join(tmp, 'clauses.tsv')
        with open(queries, 'w', encoding='utf-8') as f:
            for i, c in enumerate(order):
                f.write(f'c{i}\t{c}\n')
        run = subprocess.run([args.kohtaanto, 'search', '--no-feedback', '--index', index,
                              '--queries', queries, '--format', 'trec', '-n', '1'],
                             env=env, check=True, capture_output=True, text=True).stdout
    found = {line.split()[0] for line in run.splitlines() if line.strip()}
    empty = [c for i, c in enumerate(order) if f'c{i}' not in found]
    print(f'{len(empty)} of {len(order)} distinct clauses of {len(sets)} sets find nothing alone')
    for c in empty:
        print(c)


if __name__ == '__main__':
    main()
