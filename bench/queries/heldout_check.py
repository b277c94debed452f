"""Consistency checks shared by the held-out query sets' checkers (heldout3-check.py,
heldout4-check.py): ids exist, types and their counts, judgments per note, a grade 2 per
note, no duplicates, no tabs, notin pairs judged 0, the .orig copy identical.

The catalogue is read from ../../catalog/services relative to this file (the layout of
bench/queries/); set KT_CATALOG_SERVICES to check against a catalogue elsewhere.
"""
import collections, filecmp, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SERVICES = os.environ.get('KT_CATALOG_SERVICES') or os.path.join(HERE, '..', '..', 'catalog', 'services')
errors = []


def err(msg):
    errors.append(msg)


_STATUS = {}


def service_status():
    """id -> status of every service file under SERVICES (subfolders included)."""
    if not _STATUS:
        if not os.path.isdir(SERVICES):
            err(f'catalogue folder not found: {SERVICES} (set KT_CATALOG_SERVICES)')
            return _STATUS
        for root, _dirs, files in os.walk(SERVICES):
            for f in files:
                if f.endswith('.json'):
                    try:
                        with open(os.path.join(root, f), encoding='utf-8') as fh:
                            status = json.load(fh).get('status', 'active')
                    except (OSError, ValueError) as e:
                        err(f'{os.path.join(root, f)}: unreadable: {e}')
                        status = 'active'
                    _STATUS[f[:-5]] = status
    return _STATUS


def service_ids():
    return set(service_status())


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


def check_set(name, pattern, expected_ids, type_counts, min_j, max_j, notin=False,
              long_words=None, notin_max=3, ended_zero=False):
    """Check one set (NAME.tsv, .types, .qrels and with NOTIN .notin); print its counts.
    LONG_WORDS (lo, hi) bounds the words of a 'long' note; NOTIN_MAX the pairs per note;
    ENDED_ZERO requires an ended service to be graded 0."""
    base = os.path.join(HERE, name)
    notes = read_tsv(base + '.tsv', pattern)
    types = read_tsv(base + '.types', pattern)
    ids = set(service_ids())
    if list(notes) != expected_ids:
        err(f'{name}.tsv: ids are not exactly {expected_ids[0]}..{expected_ids[-1]} in order')
    if set(types) != set(notes):
        err(f'{name}.types: ids differ from {name}.tsv')
    counts = collections.Counter(types.values())
    for qid, t in types.items():
        words = len(notes.get(qid, '').split())
        if long_words and t == 'long' and not (long_words[0] <= words <= long_words[1]):
            err(f'{name}: long note {qid} has {words} words, expected {long_words[0]}-{long_words[1]}')
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
            if ended_zero and service_status().get(sid) == 'ended' and g != '0':
                err(f'{name}.qrels:{n}: {sid} has status ended but grade {g}')
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
            if not 1 <= per[qid] <= notin_max:
                err(f'{name}.notin: note {qid} has {per[qid]} pairs, expected 1-{notin_max}')
        npairs = len(seen)
    total = sum(grades.values())
    print(f'{name}: {len(notes)} notes; types ' +
          ', '.join(f'{t} {counts.get(t, 0)}' for t in type_counts) +
          f'; judgments {total} (grade 2: {grades[2]}, grade 1: {grades[1]}, grade 0: {grades[0]})' +
          (f'; notin pairs {npairs}' if notin else ''))



def check_orig(name):
    """NAME.qrels.orig, the judgments as first written, must equal NAME.qrels."""
    if not filecmp.cmp(os.path.join(HERE, name + '.qrels'), os.path.join(HERE, name + '.qrels.orig'),
                       shallow=False):
        err(f'{name}.qrels.orig differs from {name}.qrels')


def finish():
    """Print the problems found and exit 1, or print OK."""
    if errors:
        for e in errors:
            print('ERROR:', e)
        print(f'FAILED: {len(errors)} problems')
        sys.exit(1)
    print('OK')
