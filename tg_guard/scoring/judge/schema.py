"""What the judge must answer, as pydantic models, their JSON schemas, and a tolerant parser.

Servers with structured output get the JSON schema (``response_format``); the rest are parsed
tolerantly: code fences, prose around the object, trailing commas and single-letter booleans are
forgiven; a missing label is not (the sample is retried).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ...clinical import CTRSItem

__all__ = [
    "FidelityJudgement",
    "ItemJudgement",
    "JudgeParseError",
    "SafetyJudgement",
    "ViolationJudgement",
    "fidelity_schema",
    "parse_judgement",
    "safety_schema",
]

M = TypeVar("M", bound=BaseModel)


class JudgeParseError(ValueError):
    """The judge's text is not a valid judgement (after tolerant repair)."""


class ViolationJudgement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    score: float = Field(ge=0.0, le=1.0)
    evidence: str = ""

    @field_validator("score", mode="before")
    @classmethod
    def _bool_or_percent(cls, v: Any) -> Any:
        if isinstance(v, bool):
            return 1.0 if v else 0.0
        if isinstance(v, int | float) and 1.0 < v <= 100.0:
            return v / 100.0  # "85" meant 85%
        return v


class SafetyJudgement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    violations: dict[str, ViolationJudgement]


class ItemJudgement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    rating: int = Field(ge=0, le=6)
    rationale: str = ""

    @field_validator("rating", mode="before")
    @classmethod
    def _round(cls, v: Any) -> Any:
        if isinstance(v, float):
            return round(v)
        if isinstance(v, str) and v.strip().lstrip("-").replace(".", "", 1).isdigit():
            return round(float(v))
        return v


class FidelityJudgement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    items: dict[CTRSItem, ItemJudgement]


def _obj(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def safety_schema(labels: Sequence[str]) -> dict[str, Any]:
    """A strict JSON schema naming every requested label (so strict servers return all of them)."""
    one = _obj({"score": {"type": "number", "minimum": 0, "maximum": 1}, "evidence": {"type": "string"}})
    return _obj({"violations": _obj({name: one for name in labels})})


def fidelity_schema(items: Sequence[str]) -> dict[str, Any]:
    one = _obj({"rating": {"type": "integer", "minimum": 0, "maximum": 6}, "rationale": {"type": "string"}})
    return _obj({"items": _obj({item: one for item in items})})


_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.S)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _candidates(text: str) -> list[str]:
    out = [text.strip()]
    out += [m.group(1).strip() for m in _FENCE.finditer(text)]
    start, end = text.find("{"), text.rfind("}")
    if 0 <= start < end:
        out.append(text[start : end + 1])
    return out


def parse_judgement(text: str | None, model: type[M], required: Sequence[str]) -> M:
    """``text`` as ``model``; every key in ``required`` must be present. Raises :class:`JudgeParseError`."""
    if not text or not text.strip():
        raise JudgeParseError("the judge returned no text")
    last: Exception | None = None
    for cand in _candidates(text):
        for attempt in (cand, _TRAILING_COMMA.sub(r"\1", cand)):
            try:
                data = json.loads(attempt)
                parsed = model.model_validate(data)
            except (json.JSONDecodeError, ValidationError) as exc:
                last = exc
                continue
            field = next(iter(type(parsed).model_fields))
            missing = [k for k in required if k not in getattr(parsed, field)]
            if missing:
                raise JudgeParseError(f"the judgement lacks {', '.join(missing)}")
            return parsed
    raise JudgeParseError(f"the judge's answer is not valid JSON for {model.__name__}: {str(last)[:200]}")
