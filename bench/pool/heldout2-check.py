import os, glob, sys, collections
import os.path as _p; R=_p.dirname(_p.dirname(_p.dirname(_p.abspath(__file__))))+'/'; Q=R+'bench/queries/'
ids={os.path.basename(f)[:-5] for f in glob.glob(R+'catalog/services/**/*.json',recursive=True)}
import json
status={}
for f in glob.glob(R+'catalog/services/**/*.json',recursive=True):
    d=json.load(open(f)); status[d['id']]=d.get('status','active')
ALLOWED={'keyword','oneline','long','colloquial','typo','sv','en','constraint'}
TRAP={'negation','context','baseform','rareword','pastgoal','implied'}
err=[]
def readtsv(p, allowed, prefix):
    texts={}
    for n,l in enumerate(open(p,encoding='utf-8'),1):
        l=l.rstrip('\n'); parts=l.split('\t')
        if len(parts)!=2: err.append(f'{p}:{n}: not 2 fields'); continue
        i,t=parts
        if not i.startswith(prefix): err.append(f'{p}:{n}: bad id {i}')
        if i in texts: err.append(f'{p}: duplicate {i}')
        if '\r' in t or not t.strip(): err.append(f'{p}:{n}: bad text')
        texts[i]=t
    return texts
def readtypes(p, allowed):
    ty={}
    for l in open(p):
        i,t=l.rstrip('\n').split('\t')
        if i in ty: err.append(f'{p}: dup {i}')
        if t not in allowed: err.append(f'{p}: bad type {t}')
        ty[i]=t
    return ty
def readqrels(p):
    q=collections.defaultdict(dict)
    for n,l in enumerate(open(p),1):
        f=l.split()
        if len(f)!=4 or f[1]!='0' or f[3] not in '012': err.append(f'{p}:{n}: bad line'); continue
        if f[2] not in ids: err.append(f'{p}:{n}: unknown service {f[2]}')
        if f[2] in q[f[0]]: err.append(f'{p}:{n}: dup judgment {f[0]} {f[2]}')
        g=int(f[3])
        if g>0 and status.get(f[2])=='ended': err.append(f'{p}:{n}: ended service graded {g}')
        q[f[0]][f[2]]=g
    return q
def check(stem, allowed, prefix):
    t=readtsv(Q+stem+'.tsv',allowed,prefix); ty=readtypes(Q+stem+'.types',allowed); q=readqrels(Q+stem+'.qrels')
    if set(t)!=set(ty): err.append(f'{stem}: ids differ tsv/types')
    for i in t:
        if not any(g==2 for g in q.get(i,{}).values()): err.append(f'{stem}: {i} has no grade-2')
    for i in q:
        if i not in t: err.append(f'{stem}: qrels id {i} not in tsv')
    c=collections.Counter(ty.values())
    ng=collections.Counter(g for i in q for g in q[i].values())
    print(stem, len(t),'notes', dict(sorted(c.items())), 'judgments', sum(ng.values()), dict(sorted(ng.items())),
          'graded/note min-max', min(len(q[i]) for i in q), max(len(q[i]) for i in q))
    return t,ty,q
t,ty,q=check('heldout2',ALLOWED,'h')
if open(Q+'heldout2.qrels').read()!=open(Q+'heldout2.qrels.orig').read(): err.append('qrels.orig differs')
# word counts of long notes
for i in t:
    if ty[i]=='long':
        w=len(t[i].split())
        if not 40<=w<=150: err.append(f'{i}: long note has {w} words')
    if ty[i]=='keyword' and len(t[i].split())>3: err.append(f'{i}: keyword too long')
if os.path.exists(Q+'heldout2-trap.tsv'):
    tt,tty,tq=check('heldout2-trap',TRAP,'x')
    notin=collections.defaultdict(set)
    for l in open(Q+'heldout2-trap.notin'):
        i,s=l.rstrip('\n').split('\t')
        if s not in ids: err.append(f'notin unknown {s}')
        if i not in tt: err.append(f'notin id {i} not in trap tsv')
        if tq.get(i,{}).get(s,0)>0: err.append(f'notin {i} {s} is graded relevant')
        notin[i].add(s)
    for i in tt:
        if not notin[i]: err.append(f'trap {i} has no notin')
    print('notin lines', sum(len(v) for v in notin.values()))
print('\n'.join(err) if err else 'OK')
