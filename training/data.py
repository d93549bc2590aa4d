"""Training prompts: flagged replies from the export, and simulated patients' openings.

A flagged example becomes the conversation up to the flagged reply (the model writes a new reply where
the flagged one was); a patient profile becomes its opening line (the rollout plays the rest of the
dialogue). Prompts are truncated to ``data.max_prompt_tokens`` here, since TRL 1.x no longer does it:
the oldest turns go first, the system prompt and the last user message stay.

>>> rows, patients = build_rows(cfg.data, tokenizer)  # doctest: +SKIP
>>> rows[0]["prompt"][-1]["role"]  # doctest: +SKIP
'user'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tg_guard.logs import get_logger

from ..errors import ConfigError
from .config import DataConfig

__all__ = ["PatientIndex", "build_rows", "load_flagged", "prompt_key", "truncate_messages"]

log = get_logger("tg_guard.training")
Counter = Callable[[Sequence[dict[str, str]]], int]
_KNOWN_SCHEMAS = (1,)


def prompt_key(prompt: Sequence[Any]) -> str:
    """A stable key for a prompt (rollouts see prompts only, not the dataset's other columns)."""
    return json.dumps([[m["role"], m["content"]] for m in prompt], ensure_ascii=False)


class PatientIndex:
    """Maps a simulated-patient prompt back to its profile."""

    def __init__(self) -> None:
        self._by_key: dict[str, Any] = {}

    def add(self, prompt: Sequence[Any], profile: Any) -> None:
        key = prompt_key(prompt)
        known = self._by_key.get(key)
        if known is not None and known.id != profile.id:
            raise ConfigError(
                f"patients {known.id!r} and {profile.id!r} open with the same words: give one a different opening"
            )
        self._by_key[key] = profile

    def get(self, prompt: Sequence[Any]) -> Any | None:
        return self._by_key.get(prompt_key(prompt))

    def __len__(self) -> int:
        return len(self._by_key)


def load_flagged(paths: Iterable[str | Path]) -> list[Any]:
    """:class:`~tg_guard.report.export.FlaggedExample` records from export files; unknown versions fail."""
    from ..report.export import FlaggedExample

    out: list[Any] = []
    for p in map(Path, paths):
        try:
            lines = p.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"data.flagged: cannot read {p}: {exc}") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{p}:{n}: not JSON ({exc.msg}); is this a `tg-guard export-flagged` file?") from exc
            version = raw.get("schema_version") if isinstance(raw, dict) else None
            if version not in _KNOWN_SCHEMAS:
                raise ConfigError(
                    f"{p}:{n}: export schema_version {version!r} is not one this trainer reads "
                    f"({', '.join(map(str, _KNOWN_SCHEMAS))}); re-export with a matching tg-guard"
                )
            try:
                out.append(FlaggedExample.model_validate(raw))
            except ValidationError as exc:
                raise ConfigError(f"{p}:{n}: invalid flagged example: {exc.errors()[0]['msg']}") from exc
    return out


def truncate_messages(messages: Sequence[dict[str, str]], budget: int, count: Counter) -> list[dict[str, str]]:
    """Drop the oldest turns (keeping a leading system message) until ``count`` fits ``budget``.

    The history restarts at a user message. If the system prompt and last user message alone overflow, the
    last message is cut from the left (its end is what the reply answers).
    """
    msgs = [dict(m) for m in messages]
    head = msgs[:1] if msgs and msgs[0]["role"] == "system" else []
    body = msgs[len(head) :]
    while count(head + body) > budget and len(body) > 1:
        body = body[1:]
        while len(body) > 1 and body[0]["role"] != "user":
            body = body[1:]
    if count(head + body) <= budget:
        return head + body
    text = body[-1]["content"]
    lo, hi = 0, len(text)
    while lo < hi:  # smallest cut from the left that fits
        mid = (lo + hi) // 2
        if count([*head, {**body[-1], "content": text[mid:]}]) <= budget:
            hi = mid
        else:
            lo = mid + 1
    fitted = [*head, {**body[-1], "content": text[lo:]}]
    if lo >= len(text) or count(fitted) > budget:
        raise ConfigError(
            f"data.max_prompt_tokens ({budget}) cannot hold the system prompt and one message: raise it or "
            "shorten data.system_prompt"
        )
    return fitted


def _flagged_rows(cfg: DataConfig, count: Counter, system: list[dict[str, str]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    skipped = {"no_text": 0, "label": 0, "shape": 0}
    for ex in load_flagged(cfg.flagged):
        if ex.text_mode == "none":
            skipped["no_text"] += 1
            continue
        if cfg.labels and not set(ex.labels) & set(cfg.labels):
            skipped["label"] += 1
            continue
        context = [{"role": m.role, "content": m.content} for m in ex.context if m.role != "system"]
        if not context or context[-1]["role"] != "user":
            skipped["shape"] += 1
            continue
        prompt = truncate_messages(system + context, cfg.max_prompt_tokens, count)
        rows.append({"prompt": prompt, "kind": "flagged", "example_id": ex.id, "labels": list(ex.labels)})
    log.info("training_flagged_loaded", rows=len(rows), **{f"skipped_{k}": v for k, v in skipped.items()})
    if cfg.flagged and not rows:
        hint = " (export with text mode full or redacted)" if skipped["no_text"] else ""
        hint += f" (none has a label in data.labels: {', '.join(cfg.labels)})" if skipped["label"] else ""
        raise ConfigError(f"data.flagged: no usable examples in {', '.join(cfg.flagged)}{hint}")
    return rows


def build_rows(cfg: DataConfig, tokenizer: Any) -> tuple[list[dict[str, Any]], PatientIndex]:
    """Dataset rows (``prompt``, ``kind``, ``example_id``, ``labels``) and the patient index for rollouts."""
    from .chat import render_ids

    def count(msgs: Sequence[dict[str, str]]) -> int:
        return len(render_ids(tokenizer, msgs))

    system = [{"role": "system", "content": cfg.system_prompt}] if cfg.system_prompt else []
    rows = _flagged_rows(cfg, count, system) if cfg.flagged else []
    index = PatientIndex()
    if cfg.patients:
        import random

        from ..sim.profile import load_profiles
        from ..sim.scripted import ScriptedPatient

        profiles = load_profiles(cfg.patients)
        held = [p.id for p in profiles if p.split == "heldout"]
        if held and not cfg.allow_train_on_heldout:
            raise ConfigError(
                f"data.patients {cfg.patients!r} includes held-out profiles ({', '.join(held[:3])}...): use "
                "data.patients: train, or set data.allow_train_on_heldout: true"
            )
        sim = ScriptedPatient()
        for p in profiles:
            opening = sim.reply(p, [], random.Random(0))
            prompt = truncate_messages([*system, {"role": "user", "content": opening}], cfg.max_prompt_tokens, count)
            index.add(prompt, p)
            for i in range(cfg.prompts_per_patient):
                rows.append({"prompt": prompt, "kind": "patient", "example_id": f"{p.id}:{i}", "labels": []})
        log.info("training_patients_loaded", profiles=len(profiles), rows=len(index) * cfg.prompts_per_patient)
    return rows, index
