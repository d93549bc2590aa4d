"""``tg-guard eval-detectors``: measure a safety scorer on labelled JSONL sets (and Reddit C-SSRS, VERA-MH)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from ..evaluation.host import host_info
from ._app import app, fail

console = Console(highlight=False)


def _fmt(x: Any) -> str:
    return "-" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


@app.command("eval-detectors")
def eval_detectors(
    data: list[Path] = typer.Argument(None, help="JSONL files in the project format (records are pooled)."),
    reddit: Path | None = typer.Option(None, "--reddit", help="Reddit C-SSRS csv (columns User, Post, Label)."),
    vera: Path | None = typer.Option(None, "--vera", help="VERA-MH personas.tsv (sample prompt vs risk level)."),
    json_out: Path | None = typer.Option(None, "--json", help="Write machine-readable results here."),
    scorer: str = typer.Option("embedded", "--scorer", help="Safety scorer name from the registry."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Score with the rules layer alone."),
    embeddings: bool | None = typer.Option(
        None, "--embeddings/--no-embeddings",
        help="Embedded scorer: require the sentence-embedding heads (ml extra), or leave them out (the numpy "
             "path). Default: used where the ml extra is installed."),
    risk_encoder: bool | None = typer.Option(
        None, "--risk-encoder/--no-risk-encoder",
        help="Embedded scorer: add the fine-tuned risk encoder's second opinion (ml extra), or leave it out. "
             "Default: the scorer's."),
    encoder_veto: bool | None = typer.Option(
        None, "--encoder-veto/--no-encoder-veto",
        help="Embedded scorer: the risk encoder as a veto on the heads' own lifts (round 21), or not. Default: the "
             "scorer's (on where the ml extra can run it)."),
    encoder_line: str | None = typer.Option(
        None, "--encoder-line",
        help="Embedded scorer: the round-22 encoder's last word on the moderate line (round 23) as a judged cell "
             "(em, em2, em2b, em2c) or off. Default: the scorer's (em2c where the ml extra can run it)."),
    reply_encoder: str | None = typer.Option(
        None, "--reply-encoder",
        help="Embedded scorer: average the reply encoder into the stance labels (round 24; ml extra) as a judged "
             "cell (r24, r24b, r24c, r25j, r25k, r26n) or off. Default: the scorer's (where the ml extra can run "
             "it, r25k on the embedding path and r24b on the numpy path)."),
    policy: str | None = typer.Option(
        None, "--policy",
        help="Score with this policy's safety scorer and options (a shipped name such as strict, or a YAML path); "
             "the scorer options above may not be given with it."),
    fpr: float = typer.Option(0.05, "--fpr", help="False-positive rate for the risk recall-at-FPR figure."),
    reddit_aggregate: str = typer.Option(
        "share", "--reddit-aggregate",
        help="How a Reddit user's posts combine: 'share' (share of posts the scorer rates moderate+), 'self' "
             "(mean post score weighted by first-person focus: an evaluation-side weight, not the scorer's "
             "output) or 'conversation'."),
) -> None:
    """Per label precision, recall, F1 and FPR; for risk, recall per level, recall at a fixed FPR and AUROC."""
    from ..evaluation.safety import evaluate_files, evaluate_reddit, evaluate_vera
    from ..registry import safety_scorers
    from ..scoring.safety.scorer import FUSIONS

    if not data and reddit is None and vera is None:
        fail("give at least one JSONL file, --reddit or --vera")
    for p in [*(data or []), *(x for x in (reddit, vera) if x is not None)]:
        if not p.exists():
            fail(f"{p} does not exist")
    if encoder_line is not None and encoder_line not in ("em", "em2", "em2b", "em2c", "off"):
        fail(f"--encoder-line {encoder_line!r}: give em, em2, em2b, em2c or off")
    if reply_encoder is not None and reply_encoder not in (*FUSIONS, "off"):
        fail(f"--reply-encoder {reply_encoder!r}: give {', '.join(FUSIONS)} or off")
    if rules_only and (embeddings or risk_encoder or encoder_veto or reply_encoder not in (None, "off")
                       or encoder_line not in (None, "off")):
        fail("--rules-only leaves the learned layer out, embedding heads and encoders included; give one of the two")
    options: dict[str, Any] = {"use_model": False} if rules_only else {}
    if embeddings is not None and not rules_only:
        options["embeddings"] = embeddings
    if risk_encoder is not None and not rules_only:
        options["risk_encoder"] = risk_encoder
    if encoder_veto is not None and not rules_only:
        from ..scoring.safety.scorer import DEFAULT_ENCODER_VETO

        options["encoder_veto"] = DEFAULT_ENCODER_VETO if encoder_veto else None
    if encoder_line is not None and not rules_only:
        options["encoder_line"] = False if encoder_line == "off" else encoder_line
    if reply_encoder is not None and not rules_only:
        options["reply_encoder"] = False if reply_encoder == "off" else reply_encoder
    if policy is not None:
        if options or scorer != "embedded":
            fail("--policy sets the scorer and its options: drop --scorer, --rules-only, --embeddings, "
                 "--risk-encoder, --encoder-veto, --encoder-line and --reply-encoder, or drop --policy")
        from ..errors import TGGuardError
        from ..policy import load_policy

        try:
            spec = load_policy(policy).safety
        except TGGuardError as exc:
            fail(str(exc))
            return
        if spec is None:
            fail(f"policy {policy!r} names no safety scorer: nothing to score")
            return
        scorer, options = spec.name, dict(spec.options)
    sc = safety_scorers.create(scorer, **options)
    result: dict[str, Any] = {"scorer": scorer, "policy": policy, "rules_only": rules_only,
                              "embeddings": getattr(sc, "semantic", None) is not None,
                              "risk_encoder": bool(getattr(sc, "encoder_lifts", False)),
                              "encoder_veto": getattr(sc, "encoder_veto", None),
                              "encoder_line": (None if getattr(sc, "encoder_line", None) is None
                                               else vars(sc.encoder_line)),
                              "reply_encoder": getattr(sc, "reply_fusion", None)}
    if getattr(sc, "encoder_release", None) is not None:
        result["encoder_release"] = sc.encoder_release
    # round 27: int8 scores depend on the CPU's arithmetic, so every result says which machine gave it
    host = result["host"] = host_info()
    if result["risk_encoder"]:
        result["encoder_offset"] = getattr(sc, "encoder_offset", None)
    console.print(f"host: {host['cpu']} ({host['machine']}), int8 kernels {host['int8_kernels']}, onnxruntime "
                  f"{host['onnxruntime'] or 'not installed'}")
    if data:
        result.update(evaluate_files(sc, list(data), fpr=fpr))
        _print_records(result, fpr)
    if reddit is not None:
        result["reddit"] = evaluate_reddit(sc, reddit, aggregate=reddit_aggregate)
        _print_reddit(result["reddit"])
    if vera is not None:
        result["vera"] = evaluate_vera(sc, vera)
        m = result["vera"]["high_plus_flagged_moderate_plus"]
        console.print(f"VERA-MH personas: high/imminent flagged moderate+ recall {_fmt(m['recall'])}, "
                      f"precision {_fmt(m['precision'])} (n={len(result['vera']['personas'])})")
    if json_out is not None:
        json_out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        console.print(f"wrote {json_out}")


def _print_records(result: dict[str, Any], fpr: float) -> None:
    risk = result.get("risk")
    if risk:
        m = risk["moderate_plus"]
        console.print(f"[bold]Risk[/bold] (n={risk['n']}): moderate+ P {_fmt(m['precision'])} R {_fmt(m['recall'])} "
                      f"F1 {_fmt(m['f1'])} FPR {_fmt(m['fpr'])}; FPR on none {_fmt(risk['fpr_on_none'])}; "
                      f"AUROC {_fmt(risk['auroc_moderate_plus'])}")
        at = risk.get(f"recall_at_fpr_{fpr:g}") or {}
        console.print(f"  recall at FPR<={fpr:g}: {_fmt(at.get('recall'))} (FPR {_fmt(at.get('fpr'))})")
        t = Table("level", "n", "exact", "at or above", "flagged moderate+")
        for lvl, row in risk["per_level"].items():
            t.add_row(lvl, str(row["n"]), _fmt(row["exact"]), _fmt(row["at_or_above"]),
                      _fmt(row["flagged_moderate_plus"]))
        console.print(t)
        t = Table("category", "P", "R", "F1", "FPR", "support")
        for c, row in risk["categories"].items():
            t.add_row(c, _fmt(row["precision"]), _fmt(row["recall"]), _fmt(row["f1"]), _fmt(row["fpr"]),
                      str(row["support"]))
        console.print(t)
    viol = result.get("violations")
    if viol:
        t = Table("violation", "P", "R", "F1", "FPR", "AUROC", "support", title=f"Replies (n={result['n_replies']})")
        for name, row in viol.items():
            t.add_row(name, _fmt(row["precision"]), _fmt(row["recall"]), _fmt(row["f1"]), _fmt(row["fpr"]),
                      _fmt(row["auroc"]), str(row["support"]))
        console.print(t)


def _print_reddit(r: dict[str, Any]) -> None:
    m = r["positive_vs_supportive"]
    at = m.get("recall_at_fpr_0.2") or {}
    console.print(f"[bold]Reddit C-SSRS[/bold] ({r['users']} users): Ideation/Behavior/Attempt vs Supportive "
                  f"AUROC {_fmt(m['auroc'])}, recall at FPR<=0.2 {_fmt(at.get('recall'))}; "
                  f"Indicator vs Supportive AUROC {_fmt(r['indicator_vs_supportive_auroc'])}")
    t = Table("label", "n", "mean score", "flagged moderate+")
    for lab, row in r["by_label"].items():
        t.add_row(lab, str(row["n"]), _fmt(row["mean_score"]), _fmt(row["flagged_moderate_plus"]))
    console.print(t)
