import json, glob, sys
from tg_guard.evaluation.safety import load_jsonl
from tg_guard.scoring.safety import build_embedded_safety
s = build_embedded_safety(embeddings=False, reply_encoder=False)
out = {}
files = [f for f in sorted(glob.glob('/work/main/data/safety_replies/*.jsonl') + glob.glob('/work/main/data/safety_risk/*.jsonl'))
         if not any(x in f for x in ('test', 'holdout'))]
for f in files:
    for r in load_jsonl(f):
        if r.messages[-1].role != 'assistant':
            continue
        ctx, reply = r.messages[:-1], r.messages[-1].content
        risk = s.assess_risk(ctx)
        v = s.check_reply(ctx, reply, risk)['harmful_content']
        gold = (r.violations or {}).get('harmful_content')
        out[f.split('/')[-1] + ':' + r.id] = [v.flagged, gold]
json.dump(out, open(sys.argv[1], 'w'))
print(len(out))
