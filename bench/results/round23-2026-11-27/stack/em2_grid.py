import json,itertools
from tg_guard.clinical import risk_rank as rr
from tg_guard.evaluation.level_diff import figures
rows=json.load(open('/tmp/dump_all.json'))
PROT={'abuse','harm_to_others'}
def lv(r,p,a,bm,bh):
    s=r[p]['S']; k=rr(s)
    if r['drops']: return s
    if a is not None and k<2 and r[p]['heads']>-3 and r['e22']>a: return 'moderate'
    guarded = PROT & set(r[p]['cats']) or PROT & set(r['rules_cats'])
    if bm is not None and k==2 and r['e22']<-bm and not guarded: return 'low'
    if bh is not None and k>=3 and r['e22']<-bh and not guarded: return 'low'
    return s
def cnt(p,f,rs):
    x=figures({r['id']:(r['gold'],f(r)) for r in rs}); return x['caught'],x['false_alarms'],x['high_at_or_above']
blocks={'59-70':[r for r in rows if int(r['file'][3:5])<=70],'71-76':[r for r in rows if int(r['file'][3:5])>70]}
base={(b,p):cnt(p,lambda r,p=p:r[p]['S'],rs) for b,rs in blocks.items() for p in ['numpy','embedding']}
res=[]
for a,bm,bh in itertools.product([None,0.0,0.5,1.0,1.5,2.0],[None,1.5,2.0,2.5,3.0],[None,2.5,3.0,3.5,4.0]):
    ok=True; tot=0; got={}
    for (b,p),s in base.items():
        c=cnt(p,lambda r,p=p:lv(r,p,a,bm,bh),blocks[b]); got[(b,p)]=c
        if c[0]<s[0] or c[1]>s[1] or c[2]<s[2]: ok=False
        tot+=(c[0]-s[0])+(s[1]-c[1])
    res.append((ok,tot,a,bm,bh,got))
for x in sorted([r for r in res if r[0]],key=lambda r:-r[1])[:8]: print(x[1:5], {k:v for k,v in x[5].items()})
print(base)
