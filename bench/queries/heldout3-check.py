#!/usr/bin/env python3
"""Consistency check of the heldout3 and heldout3-trap query sets (run from anywhere)."""
import collections, filecmp, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SERVICES = os.path.join(HERE, '..', '..', 'catalog', 'services')
errors = []


def err(msg):
    errors.append(msg)


def service_ids():
    ids = set()
    for root, _dirs, files in os.walk(SERVICES):
        for f in files:
            if f.endswith('.json'):
                ids.add(f[:-5])
    return ids


def read_tsv(path, pattern):
    rows = collections.OrderedDict()
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line:
                err(f'{path}:{n}: empty line')
                continue
            parts = line.split('\t')
            if len(parts) != 2:
                err(f'{path}:{n}: expected exactly one tab, found {len(parts) - 1}')
                continue
            qid, text = parts
            if not re.fullmatch(pattern, qid):
                err(f'{path}:{n}: bad id {qid!r}')
            if qid in rows:
                err(f'{path}:{n}: duplicate id {qid}')
            if not text.strip():
                err(f'{path}:{n}: empty text')
            if '\r' in text:
                err(f'{path}:{n}: carriage return in text')
            rows[qid] = text
    return rows


def check_set(name, pattern, expected_ids, type_counts, min_j, max_j, notin=False):
    base = os.path.join(HERE, name)
    notes = read_tsv(base + '.tsv', pattern)
    types = read_tsv(base + '.types', pattern)
    ids = set(service_ids())
    if list(notes) != expected_ids:
        err(f'{name}.tsv: ids are not exactly {expected_ids[0]}..{expected_ids[-1]} in order')
    if set(types) != set(notes):
        err(f'{name}.types: ids differ from {name}.tsv')
    counts = collections.Counter(types.values())
    for t in counts:
        if t not in type_counts:
            err(f'{name}.types: unknown type {t!r}')
    for t, c in type_counts.items():
        if counts.get(t, 0) != c:
            err(f'{name}.types: type {t} has {counts.get(t, 0)} notes, expected {c}')
    judged = collections.defaultdict(dict)
    grades = collections.Counter()
    with open(base + '.qrels', encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if len(parts) != 4 or parts[1] != '0':
                err(f'{name}.qrels:{n}: not "ID 0 SERVICE GRADE": {line!r}')
                continue
            qid, _, sid, g = parts
            if qid not in notes:
                err(f'{name}.qrels:{n}: unknown note {qid}')
            if sid not in ids:
                err(f'{name}.qrels:{n}: unknown service {sid}')
            if g not in ('0', '1', '2'):
                err(f'{name}.qrels:{n}: bad grade {g}')
                continue
            if sid in judged[qid]:
                err(f'{name}.qrels:{n}: duplicate judgment {qid} {sid}')
            judged[qid][sid] = int(g)
            grades[int(g)] += 1
    for qid in notes:
        j = judged.get(qid, {})
        if 2 not in j.values():
            err(f'{name}: note {qid} has no grade-2 service')
        if not (min_j <= len(j) <= max_j):
            err(f'{name}: note {qid} has {len(j)} judged services, expected {min_j}-{max_j}')
    npairs = 0
    if notin:
        seen = set()
        per = collections.Counter()
        with open(base + '.notin', encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                parts = line.rstrip('\n').split('\t')
                if len(parts) != 2:
                    err(f'{name}.notin:{n}: expected ID<TAB>SERVICE')
                    continue
                qid, sid = parts
                if qid not in notes:
                    err(f'{name}.notin:{n}: unknown note {qid}')
                if sid not in ids:
                    err(f'{name}.notin:{n}: unknown service {sid}')
                if (qid, sid) in seen:
                    err(f'{name}.notin:{n}: duplicate pair {qid} {sid}')
                seen.add((qid, sid))
                per[qid] += 1
                if judged.get(qid, {}).get(sid) != 0:
                    err(f'{name}.notin:{n}: {qid} {sid} is not judged 0 in the qrels')
        for qid in notes:
            if not 1 <= per[qid] <= 4:
                err(f'{name}.notin: note {qid} has {per[qid]} pairs, expected 1-4')
        npairs = len(seen)
    total = sum(grades.values())
    print(f'{name}: {len(notes)} notes; types ' +
          ', '.join(f'{t} {counts.get(t, 0)}' for t in type_counts) +
          f'; judgments {total} (grade 2: {grades[2]}, grade 1: {grades[1]}, grade 0: {grades[0]})' +
          (f'; notin pairs {npairs}' if notin else ''))


check_set('heldout3', r'g\d{3}', [f'g{i:03d}' for i in range(1, 81)],
          {'keyword': 10, 'oneline': 14, 'long': 16, 'colloquial': 10, 'typo': 10,
           'sv': 6, 'en': 6, 'constraint': 8}, 3, 14)
if not filecmp.cmp(os.path.join(HERE, 'heldout3.qrels'), os.path.join(HERE, 'heldout3.qrels.orig'),
                   shallow=False):
    err('heldout3.qrels.orig differs from heldout3.qrels')
check_set('heldout3-trap', r'y\d{3}', [f'y{i:03d}' for i in range(1, 31)],
          {'negation': 5, 'context': 5, 'baseform': 5, 'rareword': 5, 'pastgoal': 5,
           'implied': 5}, 3, 14, notin=True)

if errors:
    for e in errors:
        print('ERROR:', e)
    print(f'FAILED: {len(errors)} problems')
    sys.exit(1)
print('OK')
