"""The judge client: structured calls over any OpenAI-compatible server, n samples with the median,
retries with backoff, timeouts, a concurrency limit, a content-hash cache, and usage.

>>> judge = Judge(model="gpt-4o-mini", n=3, price_in_per_mtok=0.15, price_out_per_mtok=0.6)  # doctest: +SKIP
>>> judge.judge_reply(messages, "You should double your dose.")["medication_advice"].flagged  # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import statistics
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from tg_guard.logs import get_logger

from ...clinical import CTRS_ITEMS, VIOLATIONS, CTRSItem
from ...errors import ConfigError, ScorerError
from ...models import Evidence, Fidelity, ItemScore, Message, RiskAssessment, Violation
from .calibrate import Calibration
from .rubric import RUBRIC_VERSION, fidelity_prompt, safety_prompt
from .schema import FidelityJudgement, JudgeParseError, SafetyJudgement, fidelity_schema, parse_judgement, safety_schema
from .usage import record_usage

__all__ = ["Judge", "JudgeConfig"]

log = get_logger("tg_guard.judge")
M = TypeVar("M", bound=BaseModel)
Structured = Literal["auto", "json_schema", "json_object", "none"]


@dataclass(frozen=True)
class JudgeConfig:
    """Settings of a judge. Every field can come from a policy's scorer options."""

    model: str
    base_url: str | None = None  # None: OPENAI_BASE_URL, else OpenAI
    api_key_env: str = "OPENAI_API_KEY"  # the key is read from here, never stored in a policy
    n: int = 1  # samples per judgement; their median is the result
    temperature: float = 0.0
    timeout_s: float = 30.0  # per request
    max_retries: int = 3  # per sample: 429, 5xx, timeouts, connection errors and unparseable answers
    backoff_s: float = 0.5  # first wait; doubles each retry, with jitter; Retry-After wins when sent
    max_backoff_s: float = 8.0
    max_concurrency: int = 4  # requests in flight at once, across threads
    structured: Structured = "auto"  # auto: json_schema, falling back to json_object, then plain text
    cache_size: int = 10_000
    cache_dir: str | None = None  # also keep judgements on disk, one JSON file per content hash
    price_in_per_mtok: float = 0.0  # USD per million prompt tokens, for the cost in audit usage
    price_out_per_mtok: float = 0.0
    seed: int | None = None
    calibration: str | None = None  # a file from `tg-guard calibrate`, applied to CTRS ratings

    def __post_init__(self) -> None:
        if not self.model:
            raise ConfigError("judge needs a model, e.g. judge: {model: gpt-4o-mini}")
        if self.n < 1 or self.max_concurrency < 1:
            raise ConfigError("judge n and max_concurrency must be at least 1")
        if self.max_retries < 0 or self.timeout_s <= 0 or self.backoff_s < 0:
            raise ConfigError("judge max_retries >= 0, timeout_s > 0 and backoff_s >= 0 are required")
        if self.n > 1 and self.temperature == 0.0:
            log.warning("judge_samples_identical", n=self.n, hint="n > 1 at temperature 0 repeats one answer")


class Judge:
    """Rates replies (violations) and sessions (CTRS) with one structured call per sample."""

    def __init__(self, config: JudgeConfig | None = None, *, client: Any = None, **options: Any) -> None:
        self.config = config or JudgeConfig(**options)
        self.backend = f"judge:{self.config.model}"
        self._client = client
        self._sem = threading.BoundedSemaphore(self.config.max_concurrency)
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._structured: Structured = "json_schema" if self.config.structured == "auto" else self.config.structured
        self._pool = ThreadPoolExecutor(max_workers=self.config.max_concurrency, thread_name_prefix="tg-guard-judge")
        self.calibration = Calibration.load(self.config.calibration) if self.config.calibration else None

    @property
    def client(self) -> Any:
        if self._client is None:
            from openai import OpenAI

            cfg = self.config
            base_url = cfg.base_url or os.environ.get("OPENAI_BASE_URL")
            key = os.environ.get(cfg.api_key_env)
            if key is None and base_url is None:
                raise ConfigError(f"the judge needs an API key in {cfg.api_key_env}, or a base_url")
            self._client = OpenAI(api_key=key or "not-needed", base_url=base_url, timeout=cfg.timeout_s, max_retries=0)
        return self._client

    # -- public -------------------------------------------------------------------------------------
    def judge_reply(
        self,
        messages: Sequence[Message],
        reply: str,
        risk: RiskAssessment | None = None,
        labels: Sequence[str] = VIOLATIONS,
    ) -> dict[str, Violation]:
        """A :class:`Violation` per label: the median score of ``n`` samples, evidence located in ``reply``."""
        labels = list(labels)
        prompt = safety_prompt(messages, reply, risk, labels)
        samples = self._samples(prompt, SafetyJudgement, labels, safety_schema(labels), "safety")
        out: dict[str, Violation] = {}
        for name in labels:
            score = float(statistics.median(s.violations[name].score for s in samples))
            quotes = [s.violations[name].evidence for s in samples if s.violations[name].score >= 0.5]
            out[name] = Violation(
                flagged=score >= 0.5, score=score, evidence=_locate(quotes, reply, len(messages)), backend=self.backend
            )
        return out

    def judge_fidelity(self, messages: Sequence[Message], items: Sequence[CTRSItem] = CTRS_ITEMS) -> Fidelity:
        """CTRS ratings for the session: per item the median of ``n`` samples, calibrated when configured."""
        items = list(items)
        prompt = fidelity_prompt(messages, items)
        samples = self._samples(prompt, FidelityJudgement, items, fidelity_schema(items), "fidelity")
        scored: dict[CTRSItem, ItemScore] = {}
        for item in CTRS_ITEMS:
            if item not in items:
                scored[item] = ItemScore(rating=0, score=0.0)
                continue
            rating = float(statistics.median(s.items[item].rating for s in samples))
            if self.calibration is not None:
                rating = self.calibration.apply(item, rating)
            scored[item] = ItemScore.from_score(min(max(rating / 6.0, 0.0), 1.0))
        return Fidelity.from_items(scored, backend=self.backend)

    def close(self) -> None:
        self._pool.shutdown(wait=False)

    # -- sampling -----------------------------------------------------------------------------------
    def _samples(
        self, prompt: list[dict[str, str]], model: type[M], required: Sequence[str], schema: dict[str, Any], kind: str
    ) -> list[M]:
        n = self.config.n
        if n == 1:
            return [self._sample(prompt, model, required, schema, kind, 0)]
        futures = [self._pool.submit(self._sample, prompt, model, required, schema, kind, i) for i in range(n)]
        return [f.result() for f in futures]

    def _key(self, prompt: list[dict[str, str]], kind: str, index: int) -> str:
        cfg = self.config
        blob = json.dumps([RUBRIC_VERSION, cfg.model, cfg.temperature, cfg.seed, kind, index, prompt], sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _sample(
        self,
        prompt: list[dict[str, str]],
        model: type[M],
        required: Sequence[str],
        schema: dict[str, Any],
        kind: str,
        index: int,
    ) -> M:
        key = self._key(prompt, kind, index)
        cached = self._cache_get(key)
        if cached is not None:
            try:
                parsed = parse_judgement(cached, model, required)
                record_usage(model=self.config.model, cached=True)
                return parsed
            except JudgeParseError:
                pass
        cfg = self.config
        last: BaseException | None = None
        for attempt in range(cfg.max_retries + 1):
            wait = None
            try:
                text = self._call(prompt, schema, kind)
                parsed = parse_judgement(text, model, required)
                self._cache_put(key, text)
                return parsed
            except JudgeParseError as exc:
                last = exc
                record_usage(model=cfg.model, error=True, call=False)  # the call itself was counted
                log.warning("judge_unparseable", attempt=attempt, kind=kind)
            except Exception as exc:
                record_usage(model=cfg.model, error=True)
                if not _retryable(exc):
                    raise ScorerError(
                        f"judge call failed: {type(exc).__name__}: {str(exc)[:200]}", stage="judge"
                    ) from exc
                last, wait = exc, _retry_after(exc)
                log.warning("judge_retry", attempt=attempt, error=type(exc).__name__)
            if attempt < cfg.max_retries:
                backoff = min(cfg.backoff_s * 2**attempt, cfg.max_backoff_s) * (0.5 + random.random() / 2)
                time.sleep(min(wait, cfg.max_backoff_s) if wait is not None else backoff)
        raise ScorerError(
            f"judge gave no valid answer after {cfg.max_retries + 1} tries: {type(last).__name__}: {str(last)[:200]}",
            stage="judge",
        ) from last

    def _call(self, prompt: list[dict[str, str]], schema: dict[str, Any], kind: str) -> str | None:
        from openai import BadRequestError

        cfg = self.config
        req: dict[str, Any] = {"model": cfg.model, "messages": prompt, "temperature": cfg.temperature}
        if cfg.seed is not None:
            req["seed"] = cfg.seed
        while True:
            mode = self._structured
            if mode == "json_schema":
                req["response_format"] = {
                    "type": "json_schema",
                    "json_schema": {"name": f"tg_guard_{kind}", "schema": schema, "strict": True},
                }
            elif mode == "json_object":
                req["response_format"] = {"type": "json_object"}
            else:
                req.pop("response_format", None)
            try:
                with self._sem:
                    resp = self.client.chat.completions.create(**req)
                break
            except BadRequestError:
                # Servers without structured output answer 400: step down once per mode, remember it.
                if cfg.structured != "auto" or mode == "none":
                    raise
                self._structured = "json_object" if mode == "json_schema" else "none"
                log.info("judge_structured_fallback", to=self._structured)
        usage = getattr(resp, "usage", None)
        p_tok = int(getattr(usage, "prompt_tokens", 0) or 0)
        c_tok = int(getattr(usage, "completion_tokens", 0) or 0)
        cost = (p_tok * cfg.price_in_per_mtok + c_tok * cfg.price_out_per_mtok) / 1e6
        record_usage(model=cfg.model, prompt_tokens=p_tok, completion_tokens=c_tok, cost_usd=cost)
        choices = getattr(resp, "choices", None)
        if not choices:
            return None
        content = choices[0].message.content
        return content if isinstance(content, str) else None

    # -- cache --------------------------------------------------------------------------------------
    def _cache_get(self, key: str) -> str | None:
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        if self.config.cache_dir:
            path = Path(self.config.cache_dir) / f"{key}.json"
            if path.exists():
                text: str = json.loads(path.read_text("utf-8"))["text"]
                self._remember(key, text)
                return text
        return None

    def _cache_put(self, key: str, text: str | None) -> None:
        if text is None:
            return
        self._remember(key, text)
        if self.config.cache_dir:
            folder = Path(self.config.cache_dir)
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{key}.tmp"
            tmp.write_text(json.dumps({"text": text, "config": asdict(self.config) | {"cache_dir": None}}), "utf-8")
            tmp.replace(folder / f"{key}.json")

    def _remember(self, key: str, text: str) -> None:
        with self._cache_lock:
            self._cache[key] = text
            self._cache.move_to_end(key)
            while len(self._cache) > self.config.cache_size:
                self._cache.popitem(last=False)


def _retryable(exc: BaseException) -> bool:
    import openai

    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return isinstance(exc, openai.APIConnectionError | openai.APITimeoutError | json.JSONDecodeError | TimeoutError)


def _retry_after(exc: BaseException) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _locate(quotes: Sequence[str], reply: str, index: int) -> tuple[Evidence, ...]:
    """Judge quotes as spans of the reply; quotes the reply does not contain are dropped."""
    out: list[Evidence] = []
    for q in dict.fromkeys(q.strip() for q in quotes if q and q.strip()):
        pos = reply.find(q)
        if pos >= 0:
            out.append(Evidence(message=index, start=pos, end=pos + len(q), text=q))
    return tuple(out)
