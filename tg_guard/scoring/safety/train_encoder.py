"""Fine-tune the risk encoder's top layers and write ``risk_encoder.npz`` and ``risk_encoder.json``.

    .venv/bin/python -m tg_guard.scoring.safety.train_encoder [--top 3] [--epochs 2] [--out-dir DIR] [FILES...]

Needs the ``ml`` and ``train`` extras (torch, transformers); nothing is downloaded. all-MiniLM-L6-v2 comes from the
PyPI package; its embeddings and bottom ``6 - top`` layers stay frozen, so their output is computed once per
conversation and each epoch runs only the top layers (about 6 minutes on two cores for the default files). The
input is :func:`.encoder.encoder_text` cut by :func:`.encoder.token_ids`, the label moderate or above, the loss
binary cross-entropy weighted to balance the classes, AdamW with warm-up and linear decay.

A share of the training groups (``--calib``, chosen by a hash of the group) is held out of the fit. The weights are
written, exported to int8 ONNX exactly as serving builds them (:mod:`.encoder_build`), and that file scores the
held-out conversations: the threshold is the score above which ``--budget`` of their `none` conversations lie. So the
threshold belongs to the int8 model that runs, and no evaluation file is read. The JSON records it with the files,
settings, timings and the held-out AUROC. Data card: ``data/safety_risk/DATA_CARD.md``; model card:
``MODEL_CARD.md`` here, "Risk encoder".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ...clinical import risk_rank
from ...evaluation.safety import auroc
from .encoder import RiskEncoder, encoder_text, load_tokenizer, token_ids
from .encoder_build import DEFAULT_WEIGHTS, build_risk_onnx, weights_digest, write_weights
from .train import load

__all__ = ["REPLY_CONTEXT_FILES", "ROUND19_FILES", "TRAIN_FILES", "Fitted", "dedupe", "fit", "fit_options", "in_calib",
           "none_threshold"]

_R = "data/safety_risk"
#: the files round 19's retrain read: every risk training, extra and dev file up to dev38 (dev39 on are judges)
ROUND19_FILES = [f"{_R}/{n}.jsonl" for n in (
    "train", "extra_train", "extra2_train", "extra3_train", "extra4_train", "extra5_train", "extra7_train",
    "extra9_dose_train", *(f"dev{i}" for i in ["", *range(2, 39)]), "extra11_mistreatment_train",
    "extra12_longnone_train")]
_V = "data/safety_replies"
#: the reply sets' contexts, each labelled with its risk level (their replies are not read): everyday chatbot traffic,
#: 2,200 single `none` messages among them. Up to dev34 (dev35-dev37 judge the reply side; test and holdout unread).
REPLY_CONTEXT_FILES = [f"{_V}/{n}.jsonl" for n in (
    "train", "extra_train", "extra2_train", "extra3_train", "extra4_train", "extra5_train", "extra6_train",
    "extra7_abuse_train", "extra8_conduct_train", "extra10_reflections_train",
    *(f"dev{i}" for i in ["", *range(2, 35)]))]
#: the encoder's training files: round 19's, round 20's everyday contrast pairs (DATA_CARD "Extra 13") and the reply
#: sets' contexts
TRAIN_FILES = [*ROUND19_FILES, f"{_R}/extra13_everyday_train.jsonl", *REPLY_CONTEXT_FILES]


def in_calib(group: str, share: float) -> bool:
    """Whether a group is held out for the threshold (a stable hash of its name, so every run holds out the same)."""
    return int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share


def none_threshold(none_scores: np.ndarray, budget: float) -> float:
    """The score above which at most ``budget`` of the `none` scores lie."""
    s = np.sort(np.asarray(none_scores, dtype=np.float64))[::-1]
    k = int(np.floor(budget * len(s)))
    return float(s[k]) if k < len(s) else float("-inf")


@dataclass
class Fitted:
    """A fit's trained parameters (the model's names plus ``head.*``), its held-out rows and a record of the run."""

    params: dict[str, np.ndarray]
    calib_rows: list[dict[str, Any]]
    record: dict[str, Any]
    score: Any  # rows -> float logits, through the fitted torch layers (fp32; the shipped file is int8)


def fit(rows: Sequence[dict[str, Any]], *, top: int = 3, epochs: int = 2, lr: float = 1e-4, batch: int = 16,
        calib: float = 0.15, seed: int = 0, threads: int = 2, log: Any = print) -> Fitted:
    """Fine-tune the top ``top`` layers and a head on ``rows`` less the held-out groups."""
    import torch

    from ..embedding_build import load_bert

    if not 1 <= top <= 6:
        raise ValueError(f"top={top}: train between 1 and 6 of the encoder's 6 layers")
    torch.manual_seed(seed)
    rng = random.Random(seed)
    torch.set_num_threads(threads)
    tok = load_tokenizer()
    bert = load_bert()
    for p in bert.parameters():
        p.requires_grad_(False)
    cut = len(bert.encoder.layer) - top
    layers = torch.nn.ModuleList(bert.encoder.layer[cut:])
    head = torch.nn.Linear(bert.config.hidden_size, 1)
    for p in layers.parameters():
        p.requires_grad_(True)

    def bottom(ids: list[int]) -> np.ndarray:
        with torch.no_grad():
            h = bert.embeddings(input_ids=torch.tensor([ids]))
            for layer in bert.encoder.layer[:cut]:
                h = layer(h, None)
            return np.asarray(h[0].numpy(), dtype=np.float16)  # halves the cache; the top layers run in fp32

    def forward(states: list[np.ndarray]) -> torch.Tensor:
        n = max(len(s) for s in states)
        h = torch.zeros((len(states), n, bert.config.hidden_size))
        mask = torch.zeros((len(states), n))
        for r, s in enumerate(states):
            h[r, : len(s)] = torch.from_numpy(s.astype(np.float32))
            mask[r, : len(s)] = 1
        add = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min
        for layer in layers:
            h = layer(h, add)
        mf = mask.unsqueeze(-1)
        pooled = (h * mf).sum(1) / mf.sum(1).clamp(min=1.0)
        out: torch.Tensor = head(torch.nn.functional.normalize(pooled, dim=-1) * 10.0).squeeze(-1)
        return out

    def score(batch_rows: Sequence[dict[str, Any]]) -> np.ndarray:
        st = [bottom(token_ids(tok, _text(r))) for r in batch_rows]
        out = np.zeros(len(st))
        with torch.no_grad():
            order = sorted(range(len(st)), key=lambda j: len(st[j]))
            for i in range(0, len(order), 32):
                idx = order[i : i + 32]
                out[idx] = forward([st[j] for j in idx]).numpy()
        return out

    held = np.array([in_calib(r.get("group") or r["id"], calib) for r in rows])
    tr = [r for r, h in zip(rows, held, strict=True) if not h]
    if not tr or all(risk_rank(r["risk_level"]) >= 2 for r in tr) or all(risk_rank(r["risk_level"]) < 2 for r in tr):
        raise ValueError("the training rows need conversations both below and at or above moderate")
    y = np.array([float(risk_rank(r["risk_level"]) >= 2) for r in tr])
    t0 = time.time()
    states = [bottom(token_ids(tok, _text(r))) for r in tr]
    cache_s = time.time() - t0
    log(f"bottom {cut} layers over {len(tr)} conversations: {cache_s:.0f} s")
    pos_weight = torch.tensor((1 - y.mean()) / y.mean())
    params = list(layers.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * ((len(tr) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))  # warm-up, linear decay
    layers.train()
    t1 = time.time()
    for ep in range(epochs):
        # length-bucketed batches (similar lengths pad little), in random order
        order = sorted(range(len(tr)), key=lambda j: len(states[j]) + rng.random() * 8)
        chunks = [order[i : i + batch] for i in range(0, len(order), batch)]
        rng.shuffle(chunks)
        total = 0.0
        for chunk in chunks:
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                forward([states[j] for j in chunk]), torch.from_numpy(y[chunk]).float(), pos_weight=pos_weight)
            opt.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(chunk)
        log(f"epoch {ep + 1}: loss {total / len(tr):.4f}, {time.time() - t1:.0f} s")
    layers.eval()
    out = {f"encoder.layer.{cut + i}.{k}": v.detach().numpy().copy()
           for i, layer in enumerate(layers) for k, v in layer.state_dict().items()}
    out.update({f"head.{k}": v.detach().numpy().copy() for k, v in head.state_dict().items()})
    record = {"top_layers": top, "epochs": epochs, "lr": lr, "batch": batch, "seed": seed, "calib_share": calib,
              "train_conversations": len(tr), "calib_conversations": int(held.sum()),
              "cache_seconds": round(cache_s), "train_seconds": round(time.time() - t1),
              "trainable_parameters": int(sum(p.numel() for p in params))}
    return Fitted(out, [r for r, h in zip(rows, held, strict=True) if h], record, score)


def dedupe(rows: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """One row per text the encoder reads (several replies share a context), the first's label kept; and how many
    duplicates disagreed with it on moderate-or-above."""
    seen: dict[str, dict[str, Any]] = {}
    clashes = 0
    for r in rows:
        if r.get("risk_level") is None:
            continue
        t = _text(r)
        if t in seen:
            clashes += (risk_rank(seen[t]["risk_level"]) >= 2) != (risk_rank(r["risk_level"]) >= 2)
        else:
            seen[t] = r
    return list(seen.values()), clashes


def _text(row: dict[str, Any]) -> str:
    return encoder_text([m["content"] for m in row["messages"] if m["role"] == "user"])


def fit_options(ap: argparse.ArgumentParser, *, top: int = 3, epochs: int = 2) -> None:
    """The fit's and the threshold's command-line options (this module's and ``bench/exp_finetune_top.py``'s)."""
    ap.add_argument("--top", type=int, default=top, help="how many of the six layers to train, from the top")
    ap.add_argument("--epochs", type=int, default=epochs)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--calib", type=float, default=0.15, help="share of training groups held out for the threshold")
    ap.add_argument("--budget", type=float, default=0.05, help="share of held-out `none` the threshold flags")
    ap.add_argument("--threads", type=int, default=2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("files", nargs="*", default=TRAIN_FILES, help="risk JSONL files (default: TRAIN_FILES)")
    fit_options(ap)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out-dir", type=Path, default=DEFAULT_WEIGHTS.parent)
    args = ap.parse_args(argv)
    if not 0 < args.calib < 1 or not 0 <= args.budget < 1:
        ap.error("--calib must lie in (0, 1) and --budget in [0, 1)")
    rows, clashes = dedupe(load(args.files))
    fitted = fit(rows, top=args.top, epochs=args.epochs, lr=args.lr, calib=args.calib, seed=args.seed,
                 threads=args.threads)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    weights, meta = args.out_dir / "risk_encoder.npz", args.out_dir / "risk_encoder.json"
    write_weights(weights, fitted.params, {"top_layers": args.top})
    ranks = np.array([risk_rank(r["risk_level"]) for r in fitted.calib_rows])
    if not (ranks == 0).any() or not (ranks >= 2).any():
        raise SystemExit("the held-out groups have no `none` or no moderate+ conversation: raise --calib")
    with tempfile.TemporaryDirectory() as tmp:
        onnx = build_risk_onnx(Path(tmp) / "risk.onnx", weights)
        digest = weights_digest(weights)
        meta.write_text(json.dumps({"threshold": 0.0, "weights_sha256": digest}), encoding="utf-8")
        enc = RiskEncoder(weights_path=weights, meta_path=meta, onnx_path=onnx)
        s = np.array([enc.logit([m["content"] for m in r["messages"] if m["role"] == "user"])
                      for r in fitted.calib_rows])
    sel = (ranks == 0) | (ranks >= 2)
    thr = none_threshold(s[ranks == 0], args.budget)
    record = {**fitted.record, "threshold": round(thr, 6), "budget": args.budget, "weights_sha256": digest,
              "calib_none": int((ranks == 0).sum()), "calib_moderate_plus": int((ranks >= 2).sum()),
              "calib_auroc_int8": round(auroc(s[sel], (ranks >= 2)[sel]) or 0.0, 4),
              "calib_recall_int8": round(float((s[ranks >= 2] > thr).mean()), 4),
              "distinct_texts": len(rows), "label_clashes_dropped": clashes, "files": [str(f) for f in args.files]}
    meta.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(record, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
