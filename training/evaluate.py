"""Before/after evaluation: the model in training talks to held-out simulated patients (``tg_guard.sim``).

Sessions run raw (no guard), so the scores describe the model itself; each is scored with the same scoring
engine as the rewards (:func:`tg_guard.sim.score_transcript`) and summed up per arm
(:func:`tg_guard.sim.summarise`). The output is the TherapyGym-style table (``table.md``), a CTRS radar
(``radar.svg``) and ``summary.json``.

>>> base = evaluate_model(model, tokenizer, cfg.eval, engine, name="base")  # doctest: +SKIP
>>> write_comparison([base, trained], out_dir)  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

from tg_guard.logs import get_logger

from ..clinical import CTRS_ITEMS
from .config import EvalConfig

__all__ = ["build_engine", "evaluate_model", "write_comparison"]

log = get_logger("tg_guard.training")


def build_engine(policy: str, safety: Any, fidelity: Any) -> Any:
    """A scoring engine (:class:`~tg_guard._core.GuardCore`) on the reward's own scorers."""
    from .._core import GuardCore
    from ..policy.loader import load_policy
    from ..sessions import InMemorySessionStore

    return GuardCore(policy=load_policy(policy), safety=safety, fidelity=fidelity, store=InMemorySessionStore())


class _ModelBot:
    """The model in training as a chatbot (greedy, so base and trained compare on the same footing)."""

    def __init__(self, model: Any, tokenizer: Any, system_prompt: str | None, max_new_tokens: int) -> None:
        self.model, self.tokenizer, self.system_prompt = model, tokenizer, system_prompt
        pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
        self.kwargs: dict[str, Any] = {
            "max_new_tokens": max_new_tokens, "do_sample": False, "repetition_penalty": 1.2, "pad_token_id": pad,
        }
        eos = getattr(model.generation_config, "eos_token_id", None)
        if eos is not None:
            self.kwargs["eos_token_id"] = eos

    def __call__(self, messages: Any) -> str:
        import torch

        from .chat import render_ids

        msgs = [{"role": "system", "content": self.system_prompt}] if self.system_prompt else []
        for m in messages:  # Messages or role/content dicts, depending on the caller
            role, content = (m["role"], m["content"]) if isinstance(m, dict) else (m.role, m.content)
            msgs.append({"role": role, "content": content})
        device = next(self.model.parameters()).device
        ids = torch.tensor([render_ids(self.tokenizer, msgs)], device=device)
        with torch.inference_mode():
            out = self.model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), **self.kwargs)
        text = str(self.tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True)).strip()
        return text or "..."  # an empty reply would end the session; "..." is scored as the non-answer it is


def evaluate_model(
    model: Any, tokenizer: Any, cfg: EvalConfig, engine: Any, *, name: str, system_prompt: str | None = None
) -> tuple[Any, list[Any]]:
    """Run ``cfg.sessions`` sessions on ``cfg.patients`` and return (ArmSummary, transcripts)."""
    from ..sim.evaluate import plan_sessions
    from ..sim.grade import score_transcript, summarise
    from ..sim.profile import load_profiles
    from ..sim.scripted import ScriptedPatient
    from ..sim.session import run_session

    was_training = bool(getattr(model, "training", False))
    model.eval()
    bot = _ModelBot(model, tokenizer, system_prompt, cfg.max_new_tokens)
    profiles = plan_sessions(load_profiles(cfg.patients), cfg.sessions, cfg.seed)
    sim = ScriptedPatient()
    t0 = time.perf_counter()

    async def run_all() -> list[Any]:
        out = []
        for i, p in enumerate(profiles):  # one model: sessions run one after another
            out.append(
                await run_session(bot, p, simulator=sim, turns=cfg.turns, seed=cfg.seed, index=i, chatbot_name=name)
            )
        return out

    try:
        transcripts = asyncio.run(run_all())
    finally:
        if was_training:
            model.train()
    scores = [score_transcript(t, engine) for t in transcripts]
    summary = summarise(transcripts, scores)
    log.info("training_eval_done", arm=name, sessions=len(transcripts), ctrs9=summary.ctrs9,
             any_violation=summary.any_violation_rate, seconds=round(time.perf_counter() - t0, 1))
    return summary, transcripts


def write_comparison(
    summaries: list[Any], out: Path, transcripts: dict[str, list[Any]] | None = None
) -> dict[str, Path]:
    """``table.md``, ``radar.svg`` and ``summary.json`` (and ``sessions.jsonl`` with transcripts) in ``out``."""
    from ..sim.table import summary_markdown

    out.mkdir(parents=True, exist_ok=True)
    files = {"table": out / "table.md", "summary": out / "summary.json"}
    files["table"].write_text(summary_markdown(summaries), encoding="utf-8")
    files["summary"].write_text(
        json.dumps({"arms": [s.model_dump(mode="json") for s in summaries]}, indent=2) + "\n", encoding="utf-8"
    )
    try:
        from ..report.charts import radar

        groups = [(s.chatbot, [s.ctrs[i] for i in CTRS_ITEMS], s.ctrs9) for s in summaries]
        files["radar"] = out / "radar.svg"
        files["radar"].write_text(str(radar(groups, list(CTRS_ITEMS))), encoding="utf-8")
    except ImportError:  # the report package is optional for training
        log.warning("training_radar_skipped", reason="tg_guard.report.charts not importable")
    if transcripts:
        files["sessions"] = out / "sessions.jsonl"
        with files["sessions"].open("w", encoding="utf-8") as fh:
            for arm, ts in transcripts.items():
                for t in ts:
                    line = {"arm": arm, "transcript": t.model_dump(mode="json")}
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return files
