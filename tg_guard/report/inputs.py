"""Reading audit inputs as streams: JSONL transcripts and audit stores, one session at a time.

Transcript lines may be in any of these shapes (extra keys are ignored):

* our session format: ``{"id": "s1", "messages": [{"role": ..., "content": ...}, ...]}``
* a plain OpenAI chat log: ``{"messages": [...], "model": "gpt-4o"}``
* an OpenAI request/response pair: ``{"request": {"model": ..., "messages": [...]},
  "response": {"created": 1718000000, "choices": [{"message": {...}}]}}``

Optional keys used when present: ``model``, ``tenant``, ``created_at`` / ``timestamp`` (ISO 8601 or epoch
seconds) on the line or on each message. A line that cannot be read is yielded as a :class:`BadLine`
with its line number; nothing is dropped silently.

>>> list(iter_transcripts(["chats.jsonl"]))  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .models import BadLine

__all__ = ["StoreFilter", "Transcript", "is_store_url", "iter_transcripts", "parse_time", "transcript_from_obj"]

_STORE_PREFIXES = ("sqlite:", "postgresql:", "postgresql+", "postgres:", "mysql")


@dataclass(slots=True)
class Transcript:
    """One conversation to score: messages as ``(role, content)`` with optional per-message times."""

    key: str
    source: str
    line: int | None
    messages: tuple[tuple[str, Any], ...]
    times: tuple[float | None, ...]
    model: str | None = None
    tenant: str | None = None
    created: float | None = None


@dataclass(frozen=True, slots=True)
class StoreFilter:
    """Filters for audit-store and transcript inputs (None: no filter)."""

    since: datetime | None = None
    until: datetime | None = None
    tenant: str | None = None
    model: str | None = None
    policy: str | None = None

    def keeps(self, t: Transcript) -> bool:
        """Whether a transcript passes (transcripts lack a policy, so ``policy`` does not apply)."""
        if self.tenant is not None and t.tenant is not None and t.tenant != self.tenant:
            return False
        if self.model is not None and t.model != self.model:
            return False
        when = t.created if t.created is not None else next((x for x in t.times if x is not None), None)
        if when is not None:
            if self.since is not None and when < self.since.timestamp():
                return False
            if self.until is not None and when >= self.until.timestamp():
                return False
        return True


def is_store_url(text: str) -> bool:
    """Whether an INPUT names an audit store rather than a transcript file."""
    return text.lower().startswith(_STORE_PREFIXES)


def parse_time(value: Any) -> float | None:
    """Epoch seconds from an ISO 8601 string or a number (naive times are taken as UTC); None if absent."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) / 1000.0 if value > 1e11 else float(value)  # milliseconds, by size
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"timestamp {value[:40]!r} is not ISO 8601 or epoch seconds") from None
    else:
        raise ValueError(f"timestamp of type {type(value).__name__}; use ISO 8601 or epoch seconds")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


def _line_time(obj: Mapping[str, Any]) -> Any:
    for key in ("created_at", "timestamp", "created"):
        if key in obj:
            return obj[key]
    return None


def transcript_from_obj(obj: Any, *, source: str, line: int | None) -> Transcript:
    """A :class:`Transcript` from one parsed JSON line; raises ValueError saying what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    model = obj.get("model")
    created = parse_time(_line_time(obj))
    if "messages" in obj:
        raw = obj["messages"]
    elif isinstance(obj.get("request"), dict) and "messages" in obj["request"]:
        req, resp = obj["request"], obj.get("response")
        raw = list(req["messages"]) if isinstance(req["messages"], list) else req["messages"]
        model = model or req.get("model")
        if isinstance(resp, dict):
            model = resp.get("model") or model
            created = created if created is not None else parse_time(resp.get("created"))
            choices = resp.get("choices") or []
            if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
                raise ValueError("response has no choices[0]")
            msg = choices[0].get("message")
            if not isinstance(msg, dict):
                raise ValueError("response.choices[0] has no message")
            if isinstance(raw, list):
                raw.append({**msg, "created": resp.get("created")})
    else:
        raise ValueError("no 'messages' (nor 'request.messages'); see tg_guard.report.inputs for the formats")
    if not isinstance(raw, list) or not raw:
        raise ValueError("'messages' must be a non-empty list")
    messages: list[tuple[str, Any]] = []
    times: list[float | None] = []
    for i, m in enumerate(raw):
        if not isinstance(m, dict):
            raise ValueError(f"message {i} is not an object")
        if "role" not in m or "content" not in m:
            raise ValueError(f"message {i} needs 'role' and 'content'")
        if m.get("role") == "tool" or (m.get("content") is None and m.get("tool_calls")):
            continue  # tool traffic is not part of the therapy dialogue
        messages.append((str(m["role"]), m["content"]))
        times.append(parse_time(_line_time(m)))
    ident = obj.get("id")
    key = str(ident) if ident is not None else f"{source}:{line}"
    tenant = obj.get("tenant")
    return Transcript(
        key=key,
        source=f"{source}:{line}" if line is not None else source,
        line=line,
        messages=tuple(messages),
        times=tuple(times),
        model=str(model) if model is not None else None,
        tenant=str(tenant) if tenant is not None else None,
        created=created,
    )


def iter_transcripts(
    paths: list[str],
    *,
    keep: StoreFilter | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[Transcript | BadLine]:
    """Transcripts from JSONL files, one line at a time (memory does not grow with the file).

    ``on_bytes`` is told how many bytes each line had (for a progress bar).
    """
    for path in paths:
        name = Path(path).name
        with open(path, "rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if on_bytes is not None:
                    on_bytes(len(raw))
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError as exc:
                    yield BadLine(source=name, line=lineno, reason=f"not valid UTF-8 (byte {exc.start})")
                    continue
                except json.JSONDecodeError as exc:
                    yield BadLine(source=name, line=lineno, reason=f"invalid JSON: {exc.msg} (column {exc.colno})")
                    continue
                try:
                    t = transcript_from_obj(obj, source=name, line=lineno)
                except (ValueError, TypeError, KeyError) as exc:
                    yield BadLine(source=name, line=lineno, reason=str(exc).splitlines()[0][:300])
                    continue
                if keep is None or keep.keeps(t):
                    yield t
