"""The ``embedded`` fidelity scorer: per-turn signals, cached per reply, accumulated into session ratings.

>>> from tg_guard.models import Message
>>> scorer = EmbeddedFidelityScorer()
>>> fid = scorer.score([Message(role="user", content="I froze in the meeting."),
...                     Message(role="assistant", content="What went through your mind right then?")])
>>> 0.0 <= fid.turn_score <= 1.0 and fid.items["focus_on_key_cognitions"].turn > 0.5
True
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from ...clinical import CTRS_ITEMS, CTRSItem
from ...errors import ConfigError
from ...models import Evidence, Fidelity, ItemScore
from ._features import extract
from ._homework_head import HomeworkHead, load_head
from ._model import ModelSet, load_models, rule_models
from ._session import Calibration, rate_session
from ._signals import TurnSignals, _role_content, signals_from_features

__all__ = ["EmbeddedFidelityScorer", "build_embedded_fidelity"]

_MAX_EVIDENCE = 3


def _load_calibration(path: str | Path | None) -> Calibration:
    from ._model import _read_weights

    try:
        data = _read_weights(path)
    except ConfigError:
        return {}
    return {k: (float(v[0]), float(v[1])) for k, v in data.get("session", {}).items()}


class EmbeddedFidelityScorer:
    """Scores all 11 CTRS items on every turn in about a millisecond, with no model download.

    ``model="learned"`` (default) uses the shipped weights fitted on the train split; ``"rules"`` uses
    the hand-set priors only. ``weights`` points at another ``weights.json``. Replies are cached by
    their text and the user messages they answer, so a session's earlier turns are scored once.

    ``homework_head``: the embedding head that ranks tasks the rules already see (:mod:`._homework_head`). ``"auto"``
    (default) uses the shipped head where the ``ml`` extra can embed and the rules alone elsewhere; ``True`` requires
    it (a clear error without the extra); ``False`` turns it off; a path loads another head. ``"auto"`` with
    ``model="rules"`` stays off. Only replies the rules see a task in are embedded, through the shared embedder
    (cached: a reply the safety pass embedded costs nothing more). It moves the turn's homework strength (the item's
    ``turn``, pairwise comparisons, the reward's ``score``); session ratings accumulate the rules' homework strength,
    since it ranks two replies better without rating whole sessions better (EVALUATION.md, "Round 22").
    """

    name = "embedded"

    def __init__(
        self,
        *,
        model: Literal["learned", "rules"] = "learned",
        weights: str | Path | None = None,
        cache_size: int = 8192,
        homework_head: bool | Literal["auto"] | str | Path = "auto",
    ) -> None:
        if model not in ("learned", "rules"):
            raise ConfigError(f"fidelity model must be 'learned' or 'rules', not {model!r}")
        if cache_size < 0:
            raise ConfigError("fidelity cache_size must be >= 0")
        self.models: ModelSet = load_models(weights) if model == "learned" else rule_models()
        self.calibration: Calibration = _load_calibration(weights) if model == "learned" else {}
        self.head: HomeworkHead | None = _resolve_head(homework_head, model)
        self._embedder: Any = None
        self.backend = f"embedded:{self.models.source}" + ("+homework-head" if self.head else "")
        self._cache: OrderedDict[bytes, TurnSignals] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    # -- per turn ------------------------------------------------------------------------------------
    def turn(self, context: Sequence[Any], reply: str) -> TurnSignals:
        """Signals for ``reply`` answering ``context``; evidence indexes the reply as ``len(context)``."""
        users = [c for r, c in map(_role_content, context) if r == "user"]
        key = hashlib.blake2b(
            "\x00".join([*users[-3:], "\x01", reply, str(len(context))]).encode("utf-8", "surrogatepass"),
            digest_size=16,
        ).digest()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        sig = signals_from_features(extract(users, reply), self.models, len(context),
                                    homework_shift=self._shift_for(reply) if self.head else None)
        if self._cache_size:
            with self._lock:
                self._cache[key] = sig
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return sig

    def _shift_for(self, reply: str) -> Callable[[float], float]:
        """The head's logit move for ``reply``, embedding it only where the rules see a task (strength >= gate)."""
        head = self.head
        assert head is not None

        def embedding() -> Any:
            if self._embedder is None:
                from ..embedding import shared_embedder

                self._embedder = shared_embedder()
            return self._embedder.embed([reply])[0]

        return lambda strength: head.shift_for(strength, embedding)

    def turns(self, pairs: Iterable[tuple[Sequence[Any], str]]) -> list[TurnSignals]:
        """Batch form of :meth:`turn` (e.g. a reward over a batch of completions)."""
        return [self.turn(c, r) for c, r in pairs]

    # -- per session ---------------------------------------------------------------------------------
    def session_signals(self, messages: Sequence[Any]) -> list[tuple[int, TurnSignals]]:
        """``(message index, signals)`` for every assistant reply in ``messages``."""
        out: list[tuple[int, TurnSignals]] = []
        for i, m in enumerate(messages):
            role, content = _role_content(m)
            if role == "assistant":
                out.append((i, self.turn(messages[:i], content)))
        return out

    def score(self, messages: Sequence[Any]) -> Fidelity:
        """Session ratings for ``messages``; ``turn`` and ``turn_score`` describe its last reply."""
        sigs = self.session_signals(messages)
        strengths = [s.session_strengths() for _, s in sigs]  # the homework head moves turns, not sessions
        session = rate_session(strengths, self.calibration)
        last_is_reply = bool(sigs) and sigs[-1][0] == len(messages) - 1
        last = sigs[-1][1] if last_is_reply else None
        items: dict[CTRSItem, ItemScore] = {}
        for item in CTRS_ITEMS:
            items[item] = ItemScore.from_score(
                session[item],
                turn=last.items[item].strength if last else None,
                evidence=self._evidence(item, sigs),
            )
        return Fidelity.from_items(items, turn_score=last.score if last else None, backend=self.backend)

    @staticmethod
    def _evidence(item: CTRSItem, sigs: list[tuple[int, TurnSignals]]) -> tuple[Evidence, ...]:
        """The last reply's evidence first, then the strongest earlier reply's, up to three spans."""
        if not sigs:
            return ()
        ev = list(sigs[-1][1].items[item].evidence)
        earlier = sorted(sigs[:-1], key=lambda p: -p[1].items[item].strength)
        for _, s in earlier[:1]:
            ev.extend(s.items[item].evidence)
        return tuple(ev[:_MAX_EVIDENCE])


def _resolve_head(option: bool | str | Path, model: str) -> HomeworkHead | None:
    if option is False or (option == "auto" and model == "rules"):
        return None
    if model == "rules":
        raise ConfigError("the homework head was fitted on the learned layer's homework logit: use model='learned' "
                          "or homework_head=False")
    if option is True or option == "auto":
        from ..embedding import embeddings_available

        if embeddings_available():
            return load_head()
        if option == "auto":
            return None
        raise ConfigError("fidelity homework_head=True needs embeddings: pip install 'tg-guard[ml]' "
                          "(or homework_head=False)")
    if isinstance(option, (str, Path)):
        return load_head(option)
    raise ConfigError(f"fidelity homework_head must be 'auto', true, false or a path, not {option!r}")


def build_embedded_fidelity(**options: Any) -> EmbeddedFidelityScorer:
    """Registry factory: ``fidelity: {name: embedded, options: {model: rules}}`` in a policy file."""
    return EmbeddedFidelityScorer(**options)
