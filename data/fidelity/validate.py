"""Validate the hand-written CTRS fidelity data (turns, sessions, pairs).

Usage: python data/fidelity/validate.py [--stats]
Exits non-zero on any error; prints warnings for pairs whose lengths differ by more than 30%.
"""
import json, sys, collections, os

ITEMS = ["agenda", "feedback", "understanding", "interpersonal_effectiveness", "collaboration", "pacing",
         "guided_discovery", "focus_on_key_cognitions", "strategy_for_change",
         "application_of_cbt_techniques", "homework"]
SPLITS = {"train", "dev", "test"}
HERE = os.path.dirname(os.path.abspath(__file__))
errors, warnings = [], []


def load(name):
    out = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                errors.append(f"{name}:{n}: bad JSON: {e}")
    return out


def check_msgs(where, msgs, last_role=None, alternate=True):
    if not isinstance(msgs, list) or not msgs:
        errors.append(f"{where}: empty message list"); return
    for i, m in enumerate(msgs):
        if set(m) != {"role", "content"} or m["role"] not in ("user", "assistant"):
            errors.append(f"{where}: message {i} malformed")
        elif not m["content"].strip():
            errors.append(f"{where}: message {i} empty")
        if alternate and i and m["role"] == msgs[i - 1]["role"]:
            errors.append(f"{where}: roles do not alternate at {i}")
    if last_role and msgs[-1]["role"] != last_role:
        errors.append(f"{where}: must end with {last_role}")


def check_ratings(where, r):
    if not isinstance(r, dict) or set(r) != set(ITEMS):
        errors.append(f"{where}: ratings keys wrong: {sorted(set(r) ^ set(ITEMS)) if isinstance(r, dict) else r}")
        return
    for k, v in r.items():
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 6:
            errors.append(f"{where}: {k}={v!r} out of 0..6")


def group_split(name, recs):
    seen = {}
    for r in recs:
        if r["split"] not in SPLITS:
            errors.append(f"{name} {r['id']}: bad split {r['split']}")
        if seen.setdefault(r["group"], r["split"]) != r["split"]:
            errors.append(f"{name}: group {r['group']} spans splits")


def main():
    turns, sessions, pairs = load("turns.jsonl"), load("sessions.jsonl"), load("pairs.jsonl")
    ids = collections.Counter(r["id"] for r in turns + sessions + pairs)
    errors.extend(f"duplicate id {i}" for i, c in ids.items() if c > 1)

    for t in turns:
        w = f"turns {t['id']}"
        if set(t) != {"id", "group", "context", "reply", "ratings", "split", "note"}:
            errors.append(f"{w}: keys {sorted(t)}")
        check_msgs(w, t["context"], last_role="user")
        if not t["reply"].strip():
            errors.append(f"{w}: empty reply")
        check_ratings(w, t["ratings"])
    group_split("turns", turns)

    for s in sessions:
        w = f"sessions {s['id']}"
        m = s["messages"]
        check_msgs(w, m, last_role="assistant")
        if m and m[0]["role"] != "user":
            errors.append(f"{w}: must start with user")
        if not 10 <= len(m) <= 14:
            errors.append(f"{w}: {len(m)} messages (want 10-14)")
        check_ratings(w, s["ratings"])
    group_split("sessions", sessions)
    for it in ITEMS:
        vals = {s["ratings"][it] for s in sessions}
        if len(vals) < 5 or 0 not in vals and 1 not in vals or 6 not in vals and 5 not in vals:
            warnings.append(f"sessions: narrow spread on {it}: {sorted(vals)}")

    per_item_split = collections.Counter()
    for p in pairs:
        w = f"pairs {p['id']}"
        if p["item"] not in ITEMS:
            errors.append(f"{w}: unknown item {p['item']}")
        check_msgs(w, p["context"], last_role="user", alternate=True)
        if p["better"].strip() == p["worse"].strip():
            errors.append(f"{w}: better == worse")
        a, b = len(p["better"]), len(p["worse"])
        if max(a, b) / max(1, min(a, b)) > 1.3:
            warnings.append(f"{w} ({p['item']}): lengths {a} vs {b}")
        per_item_split[(p["item"], p["split"])] += 1
    group_split("pairs", pairs)
    for it in ITEMS:
        n = sum(per_item_split[(it, s)] for s in SPLITS)
        if n < 24:
            errors.append(f"pairs: only {n} for {it}")
        for s in SPLITS:
            if not per_item_split[(it, s)]:
                errors.append(f"pairs: {it} missing from {s}")

    if len(turns) < 320: errors.append(f"only {len(turns)} turns")
    if len(sessions) < 48: errors.append(f"only {len(sessions)} sessions")

    for w in warnings: print("WARN", w)
    for e in errors: print("ERROR", e)
    print(f"turns={len(turns)} sessions={len(sessions)} pairs={len(pairs)} errors={len(errors)} warnings={len(warnings)}")
    if "--stats" in sys.argv:
        for name, recs in (("turns", turns), ("sessions", sessions), ("pairs", pairs)):
            print(name, dict(collections.Counter(r["split"] for r in recs)))
        for name, recs in (("turns", turns), ("sessions", sessions)):
            print(f"\n{name} rating distribution (counts of 0..6):")
            for it in ITEMS:
                c = collections.Counter(r["ratings"][it] for r in recs)
                mean = sum(r["ratings"][it] for r in recs) / max(1, len(recs))
                print(f"  {it:32s} " + " ".join(f"{c[v]:3d}" for v in range(7)) + f"   mean {mean:.2f}")
        print("\npairs per item x split:")
        for it in ITEMS:
            print(f"  {it:32s} " + " ".join(f"{s}={per_item_split[(it, s)]}" for s in ("train", "dev", "test")))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
