"""The fine-tuning lead of `bench/exp_finetune_risk.py`, on the lent GPU: more seeds, small adapters, grouped CV.

    # here:   .venv/bin/python bench/device/finetune_export.py .ftkit
    # there:  run(command="python3 bench/device/finetune_gpu.py .ftkit $OUT/finetune.json", carry=[".ftkit"])
    #         (add --scores: the first configuration only, with its scores by id, for bench/exp_finetune_fusion.py)

Standalone (torch, transformers, peft and scikit-learn, which the device image has; tg-guard's own deps are not
needed): the texts were made here by the exporter. Each configuration trains on the `train` rows and is scored once on
the `eval` rows (risk `dev39`-`dev44`): moderate+ AUROC against `none` and recall at the threshold that leaves 5 /
10 / 20% of `none` flagged, the CPU script's definitions. Configurations are fixed here, before any run. Without a
GPU it rehearses on a slice of the rows (a check of the script; its figures mean nothing).
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from finetune_common import encode, recall_at

CONFIGS = [
    {"name": "full_s0", "lora": 0, "lr": 4e-5, "epochs": 2, "seed": 0},
    {"name": "full_s1", "lora": 0, "lr": 4e-5, "epochs": 2, "seed": 1},
    {"name": "full_s2", "lora": 0, "lr": 4e-5, "epochs": 2, "seed": 2},
    {"name": "full_3ep_s0", "lora": 0, "lr": 4e-5, "epochs": 3, "seed": 0},
    {"name": "lora8_s0", "lora": 8, "lr": 3e-4, "epochs": 2, "seed": 0},
    {"name": "lora8_s1", "lora": 8, "lr": 3e-4, "epochs": 2, "seed": 1},
    {"name": "lora16_s0", "lora": 16, "lr": 3e-4, "epochs": 2, "seed": 0},
    {"name": "lora8_4ep_s0", "lora": 8, "lr": 3e-4, "epochs": 4, "seed": 0},
]


def pad(ids, idx, dev):
    n = max(len(ids[j]) for j in idx)
    x = torch.zeros((len(idx), n), dtype=torch.long)
    m = torch.zeros((len(idx), n), dtype=torch.long)
    for r, j in enumerate(idx):
        x[r, : len(ids[j])] = torch.tensor(ids[j])
        m[r, : len(ids[j])] = 1
    return x.to(dev), m.to(dev)


def metrics(s, ranks):
    pos, sel = ranks >= 2, (ranks == 0) | (ranks >= 2)
    return {"auroc": round(float(roc_auc_score(pos[sel], s[sel])), 4),
            **{f"recall_at_{f}": round(recall_at(s, ranks, f), 4) for f in (0.05, 0.10, 0.20)}}


def train_and_score(cfg, model_dir, tr_ids, y, te_ids, dev):
    from transformers import AutoModel

    torch.manual_seed(cfg["seed"])
    rnd = random.Random(cfg["seed"])
    bert = AutoModel.from_pretrained(model_dir, torch_dtype=torch.float32)
    if cfg["lora"]:
        from peft import LoraConfig, get_peft_model

        bert = get_peft_model(bert, LoraConfig(r=cfg["lora"], lora_alpha=2 * cfg["lora"], lora_dropout=0.05,
                                               target_modules=["query", "value"]))
    bert.to(dev)
    head = torch.nn.Linear(bert.config.hidden_size, 1).to(dev)

    def forward(x, m):
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=dev == "cuda"):
            h = bert(input_ids=x, attention_mask=m).last_hidden_state
        h = h.float()
        mf = m.unsqueeze(-1).float()
        pooled = (h * mf).sum(1) / mf.sum(1).clamp(min=1.0)
        return head(torch.nn.functional.normalize(pooled, dim=-1) * 10.0).squeeze(-1)

    params = [p for p in bert.parameters() if p.requires_grad] + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=cfg["lr"], weight_decay=0.01)
    batch = 16
    steps = cfg["epochs"] * ((len(tr_ids) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    pw = torch.tensor((1 - y.mean()) / y.mean(), device=dev)
    yt = torch.tensor(y, dtype=torch.float32, device=dev)
    bert.train()
    for _ in range(cfg["epochs"]):
        order = sorted(range(len(tr_ids)), key=lambda j: len(tr_ids[j]) + rnd.random() * 8)
        chunks = [order[i : i + batch] for i in range(0, len(order), batch)]
        rnd.shuffle(chunks)
        for chunk in chunks:
            x, m = pad(tr_ids, chunk, dev)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(forward(x, m), yt[chunk], pos_weight=pw)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
    bert.eval()
    out = np.zeros(len(te_ids))
    with torch.no_grad():
        for i in range(0, len(te_ids), 64):
            idx = list(range(i, min(i + 64, len(te_ids))))
            x, m = pad(te_ids, idx, dev)
            out[idx] = forward(x, m).float().cpu().numpy()
    trainable = sum(p.numel() for p in params)
    return out, trainable


def main() -> None:
    kit, dest = Path(sys.argv[1]), Path(sys.argv[2])
    scores_only = "--scores" in sys.argv[3:]  # the first configuration's scores by id: eval, and grouped-CV out of fold
    from transformers import AutoTokenizer

    dev = "cuda" if torch.cuda.is_available() else "cpu"
    smoke = dev == "cpu"  # a rehearsal off the GPU: a slice of the rows, one configuration, a 2-fold CV
    rows = [json.loads(x) for x in (kit / "data.jsonl").read_text(encoding="utf-8").splitlines()]
    tr = [r for r in rows if r["split"] == "train"][:: 60 if smoke else 1]
    te = [r for r in rows if r["split"] == "eval"][:: 6 if smoke else 1]
    tok = AutoTokenizer.from_pretrained(kit / "model")
    tr_ids, te_ids = encode(tok, [r["text"] for r in tr]), encode(tok, [r["text"] for r in te])
    y = np.array([float(r["rank"] >= 2) for r in tr])
    te_ranks = np.array([r["rank"] for r in te])
    report = {"device": torch.cuda.get_device_name(0) if dev == "cuda" else "cpu (rehearsal)", "train": len(tr),
              "eval": len(te), "runs": {}}
    for cfg in CONFIGS[4:6] if smoke else CONFIGS[:1] if scores_only else CONFIGS:
        t0 = time.time()
        s, n = train_and_score(cfg, kit / "model", tr_ids, y, te_ids, dev)
        report["runs"][cfg["name"]] = {**cfg, "trainable": n, "seconds": round(time.time() - t0, 1),
                                       "eval": metrics(s, te_ranks)}
        if scores_only:
            report["eval_scores"] = {r["id"]: float(v) for r, v in zip(te, s, strict=True)}
        print(cfg["name"], report["runs"][cfg["name"]], flush=True)
        dest.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    # grouped 5-fold CV of the first configuration on the training rows: out-of-fold figures
    groups = sorted({r["group"] for r in tr})
    order = np.random.default_rng(0).permutation(len(groups))
    k = 2 if smoke else 5
    fold = {g: int(order[i]) % k for i, g in enumerate(groups)}
    oof = np.zeros(len(tr))
    t0 = time.time()
    for f in range(k):
        a = [i for i, r in enumerate(tr) if fold[r["group"]] != f]
        b = [i for i, r in enumerate(tr) if fold[r["group"]] == f]
        s, _ = train_and_score(CONFIGS[0], kit / "model", [tr_ids[i] for i in a], y[a], [tr_ids[i] for i in b], dev)
        oof[b] = s
    report["cv_full_s0"] = {"seconds": round(time.time() - t0, 1),
                            "oof": metrics(oof, np.array([r["rank"] for r in tr]))}
    if scores_only:
        report["oof_scores"] = [{"id": r["id"], "rank": r["rank"], "score": float(v)}
                                for r, v in zip(tr, oof, strict=True)]
    print("cv", report["cv_full_s0"], flush=True)
    dest.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
