"""``EmbeddedSafetyScorer``: the risk tracker, nine reply detectors, the learned layer and calibration.

>>> from tg_guard.models import Message
>>> scorer = build_embedded_safety()
>>> msgs = [Message(role="user", content="i have the pills ready, tonight")]
>>> scorer.assess_risk(msgs).level in ("high", "imminent")
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np

from tg_guard.logs import get_logger

from ...clinical import RISK_CATEGORIES, RISK_LEVELS, VIOLATIONS, RiskCategory, risk_rank
from ...errors import ConfigError
from ...models import Evidence, Message, RiskAssessment, Violation
from ..embedding import Embedder, embeddings_available, shared_embedder
from ._regex import read_gates
from ._text import evidence
from .answers import DECIDED, bare_answer
from .boundary import boundary_violation, reply_view
from .calibration import DEFAULT_CALIBRATION, Calibration
from .combine import combine_level, each_alone_margins, ge2_threshold, missed_score, risk_strength, sigmoid
from .conduct import GENTLE_CHALLENGE, judgmental, unsupported_assumption
from .detectors import Finding, ReplyContext
from .encoder import RiskEncoder, encoder_available, runtime_installed, shared_risk_encoder
from .encoder_build import release_weights
from .harmful import harm_view, harmful_content
from .learned import DEFAULT_PATH, NgramModel
from .medical import (
    NAMED_MEDICINE,
    RECREATIONAL,
    drink_with_shared_medicine,
    harm_apart_from_medicine,
    medical_speculation,
    medication_advice,
)
from .missed import (
    CONCEAL,
    accommodates_abuser,
    acknowledges_only,
    addresses_abuse,
    addresses_crisis,
    addresses_impairment,
    hollow_reassurance,
    ignores_abuse,
    ignores_impairment,
    impairment_in_words,
    missed_abuse,
    missed_crisis,
    missed_functional_impairment,
    rules_has,
)
from .reply_encoder import FUSED, ReplyEncoder, reply_encoder_available, shared_reply_encoder
from .risk import (
    RiskTracker,
    aimed_at_other,
    despair_trace,
    misreading_corrected,
    ordinary_sign_off,
    others_impairment_only,
    payback_only,
    reads_accident,
    resisted_urge_only,
    rule_cue,
    states_ideation,
    states_own_safety,
)
from .semantic import SemanticHeads, average_logits
from .view import QUOTE_ELLIPSIS, conversation_view, model_view, quote_view

__all__ = ["DEFAULT_ENCODER_LINE", "DEFAULT_FUSION", "DEFAULT_FUSION_NUMPY", "DETECTORS", "ENCODER_LINES", "FUSIONS",
           "EmbeddedSafetyScorer", "EncoderLine", "build_embedded_safety", "lift_blocked", "relevance"]

log = get_logger(__name__)

DETECTORS: dict[str, Callable[[ReplyContext], Finding]] = {
    "medication_advice": medication_advice,
    "medical_speculation": medical_speculation,
    "missed_crisis": missed_crisis,
    "missed_abuse": missed_abuse,
    "missed_functional_impairment": missed_functional_impairment,
    "harmful_content": harmful_content,
    "judgmental": judgmental,
    "unsupported_assumption": unsupported_assumption,
    "boundary_violation": boundary_violation,
}
_BANDS = {0: (0.0, 0.25), 1: (0.25, 0.5), 2: (0.5, 0.7), 3: (0.7, 0.88), 4: (0.88, 1.0)}
#: A reply already flagged for one of these reads as "a bad reply" to the judgmental heads, which then fire on
#: its tone; there ``judgmental`` needs this score to stand on its own (see :func:`explain_away_judgmental`).
_EXPLAINS_JUDGMENTAL = ("medication_advice", "medical_speculation", "harmful_content", "unsupported_assumption",
                        "boundary_violation")
JUDGMENTAL_ALONE = 0.9
#: round 21 (EV): how far below its threshold the risk encoder must read a conversation to veto the heads' own lift
#: (chosen on dev39-dev55 by bench/exp_encoder_agree.py veto, judged on dev56-dev58)
DEFAULT_ENCODER_VETO = 3.0


def _finite(name: str, value: Any, requirement: str = "a finite number") -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(f"{name} must be {requirement}, got {value!r}")
    return float(value)


@dataclass(frozen=True)
class EncoderLine:
    """Round 23: a shipped risk encoder has the last word on the moderate line, and may veto high and imminent.

    Applied after every other step of the risk level, never after a credible answer to a safety check:

    - **lift:** below moderate, where the learned heads' ``risk_ge2`` logit is within ``heads_gate`` of its threshold
      (so ordinary turns never wait for the encoder), the encoder reading the conversation more than ``lift`` above
      its threshold makes it moderate;
    - **veto:** exactly moderate (whichever step set it, the rules' own included), the encoder reading it more than
      ``veto`` below its threshold makes it low; ``high_veto`` (``None``: never) does the same for high and imminent;
    - neither veto where the conversation's categories (the scorer's or the rules') include one of ``keep``;
    - with ``keep_ideation``, neither veto where a user message states current ideation itself (the rules' own
      ``ideation`` cue, :func:`.risk.states_ideation`);
    - with ``respect_vetoes``, no lift where the scorer's own vetoes cap every lift at low (:func:`lift_blocked`: the
      user says the risk is not their own, a resisted urge or payback only, a corrected misreading, an accident).

    :data:`ENCODER_LINES` names the judged cells, ``"em"``, ``"em2"``, ``"em2b"`` and ``"em2c"`` (bench/results/
    round23-2026-11-27/PREREGISTERED.md; chosen with ``bench/exp_stack.py``); the field defaults are EM2c's, the
    default where the ``ml`` extra can run the round-22 encoder.
    """

    release: str = "round22"
    lift: float = 2.0
    veto: float = 1.5
    high_veto: float | None = 3.5
    heads_gate: float = 2.0
    keep: tuple[str, ...] = ("abuse", "harm_to_others", "functional_impairment")
    respect_vetoes: bool = True
    keep_ideation: bool = True

    def __post_init__(self) -> None:
        # every field checked here, for a direct construction and a policy's mapping (parse) alike; keep in one fixed
        # order, so equal settings compare equal and report alike
        try:
            release_weights(self.release)
        except ConfigError as exc:
            raise ConfigError(f"encoder_line release: {exc}") from None
        numbers = {n: _finite(f"encoder_line {n}", getattr(self, n)) for n in ("lift", "veto", "heads_gate")}
        if self.high_veto is not None:
            numbers["high_veto"] = _finite("encoder_line high_veto", self.high_veto)
        if min(numbers["veto"], numbers["heads_gate"], numbers.get("high_veto", 0.0)) < 0:
            raise ConfigError("encoder_line veto, high_veto and heads_gate must be 0 or more (logit units below a "
                              f"threshold), got veto={self.veto}, high_veto={self.high_veto}, "
                              f"heads_gate={self.heads_gate}")
        for name in ("respect_vetoes", "keep_ideation"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"encoder_line {name} must be true or false, got {getattr(self, name)!r}")
        keep = self.keep
        if isinstance(keep, str) or not isinstance(keep, Sequence) or any(c not in RISK_CATEGORIES for c in keep):
            raise ConfigError(f"encoder_line keep must be a list of risk categories ({', '.join(RISK_CATEGORIES)}), "
                              f"got {keep!r}")
        for name, v in numbers.items():
            object.__setattr__(self, name, v)
        object.__setattr__(self, "keep", tuple(c for c in RISK_CATEGORIES if c in keep))

    @classmethod
    def parse(cls, value: Any) -> EncoderLine | None:
        """A policy's ``encoder_line``: a name of :data:`ENCODER_LINES`, ``true`` (:data:`DEFAULT_ENCODER_LINE`),
        ``false``/``null`` (off), or a mapping of the fields (the rest as the default's), each checked."""
        if value is None or value is False:
            return None
        if value is True:
            return ENCODER_LINES[DEFAULT_ENCODER_LINE]
        if isinstance(value, str):
            if value not in ENCODER_LINES:
                where = " (\"auto\" is the scorer's option, not a setting)" if value == "auto" else ""
                raise ConfigError(f"encoder_line {value!r} is not a judged setting{where}: use one of "
                                  f"{sorted(ENCODER_LINES)}, \"auto\", true, false or a mapping of its fields")
            return ENCODER_LINES[value]
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise ConfigError(f"encoder_line must be one of {sorted(ENCODER_LINES)}, true, false, null or a mapping of "
                              f"{', '.join(_LINE_FIELDS)}, got {value!r}")
        unknown = sorted(set(value) - set(_LINE_FIELDS))
        if unknown:
            raise ConfigError(f"encoder_line has no option {unknown[0]!r}: use {', '.join(_LINE_FIELDS)}")
        return cls(**value)


#: the judged cell the scorer uses by default (``encoder_line="auto"``) where the round-22 encoder can run
DEFAULT_ENCODER_LINE = "em2c"
_LINE_FIELDS = ("release", "lift", "veto", "high_veto", "heads_gate", "keep", "respect_vetoes", "keep_ideation")


@dataclass(frozen=True, slots=True)
class _Cell:
    """How a judged cell averages the reply encoder in (:meth:`EmbeddedSafetyScorer.check_reply`)."""

    #: R24: averaged after the card's resolution steps (every other cell: before them, so they still decide last)
    after_steps: bool = False
    #: the fused labels whose own rules flag (score >= 0.5) the encoder may not lower (None: every fused label)
    rules_stand: frozenset[str] | None = None
    #: whether judgmental is averaged in at all
    judgmental: bool = True
    #: only the labels the scorer flagged before the encoder explain a learned judgmental away
    own_explainers: bool = False


#: the judged ways to average the reply encoder in (``reply_encoder``): round 24's R24 after the resolution steps; R24b
#: before them, never clearing a violation the rules flag on their own; R24c as R24b, where only harmful_content's
#: rules flag stands (bench/results/round24-2026-11-27); round 25's R25j: R24b with ``judgmental`` left to the scorer;
#: R25k: R24b where only what the scorer flagged before the encoder explains ``judgmental`` away
#: (bench/results/round25-2026-11-27); round 26's R26n: R25k with ``judgmental`` left to the scorer, so it is the
#: encoder-off verdict (bench/results/round26-2026-11-28)
_CELLS: dict[str, _Cell] = {
    "r24": _Cell(after_steps=True),
    "r24b": _Cell(),
    "r24c": _Cell(rules_stand=frozenset({"harmful_content"})),
    "r25j": _Cell(judgmental=False),
    "r25k": _Cell(own_explainers=True),
    "r26n": _Cell(judgmental=False, own_explainers=True),
}
FUSIONS = tuple(_CELLS)
#: the one ``reply_encoder=True`` and ``"auto"`` use on the embedding path (round 25: R25k-e, judged on that path)
DEFAULT_FUSION = "r25k"
#: ... and on the numpy path (``embeddings=False``), where R25k failed its judge
DEFAULT_FUSION_NUMPY = "r24b"


def _reply_fusion(asked: bool | str | None, embeddings: bool = True) -> str | None:
    """The fusion ``reply_encoder`` names (``True``/``"auto"``: :data:`DEFAULT_FUSION` on the embedding path,
    :data:`DEFAULT_FUSION_NUMPY` on the numpy path), or say what to give."""
    if asked is None or asked is False:
        return None
    if asked is True or asked == "auto":
        return DEFAULT_FUSION if embeddings else DEFAULT_FUSION_NUMPY
    if isinstance(asked, str) and asked in FUSIONS:
        return asked
    raise ConfigError(f"reply_encoder must be true, false, null, 'auto' or one of {list(FUSIONS)}, got {asked!r}")


#: the judged cells of round 23: EM (the moderate line only; failed its judge on false alarms), EM2 (passed its judge,
#: failed the clinical case tables), EM2b (EM2 within them) and EM2c (EM2b that never vetoes a stated ideation)
ENCODER_LINES: dict[str, EncoderLine] = {
    "em": EncoderLine(lift=0.0, veto=2.0, high_veto=None, heads_gate=3.0, keep=(), respect_vetoes=False),
    "em2": EncoderLine(lift=2.0, veto=2.0, high_veto=3.0, heads_gate=3.0, keep=("abuse", "harm_to_others"),
                       respect_vetoes=False),
    "em2b": EncoderLine(keep_ideation=False),
    "em2c": EncoderLine(),
}


class EmbeddedSafetyScorer:
    """Crisis risk over the conversation and violations of a reply, with no network and no torch.

    ``use_model=False`` gives the rules alone (fully explainable); ``model_path`` and
    ``calibration_path`` point at other trained files; ``max_lift`` caps how many levels the learned
    layer may add to the rules' level (default: the calibration's, chosen by CV on exact-level accuracy).

    ``embeddings``: whether to average the n-gram heads with the sentence-embedding heads (:mod:`.semantic`:
    one all-MiniLM-L6-v2 embedding per new user message and one per reply). They catch more crises and
    violations phrased unlike the training data, at about 11 ms a turn and 180 MB here (int8 ONNX on
    onnxruntime, no torch at run time; EVALUATION.md "Round 8" to "Round 10", BENCHMARKS.md). ``None`` (the
    default) uses them where the ``ml`` extra is installed, so a plain ``pip install tg-guard`` stays
    numpy-only (about 4 ms a turn); ``False`` keeps
    the numpy path; ``True`` requires them and raises :class:`ConfigError` where they cannot be used. Each
    path uses the blends and thresholds CV chose for it (``calibration`` holds the one in use; the
    embedding path's is the file's ``embedding`` section).

    ``risk_encoder``: whether the fine-tuned encoder (:mod:`.encoder`) may lift a conversation the rest leaves below
    moderate to moderate, before the vetoes and never past a credible answer to a safety check. It reads the whole
    conversation in one pass of up to 256 tokens, on a background thread beside the rules. ``None`` uses it where the
    ``ml`` extra can run it (either path); ``True`` requires it; ``False`` (the default) leaves it out.
    ``encoder_offset`` raises the encoder's threshold by that much (logit units); ``encoder_heads_margin`` (round 21;
    ``None``: off) lets it lift only where the learned heads' ``risk_ge2`` logit is within that margin of its own
    threshold. Both need ``risk_encoder``. ``encoder_veto`` (round 21) loads the encoder as a veto: where the learned
    heads alone take a conversation to moderate or above (the rules below moderate) and the encoder reads it at least
    that far below its threshold, the level is capped at low. It runs only on those turns, with or without
    ``risk_encoder``. ``"auto"`` (the default) is :data:`DEFAULT_ENCODER_VETO` where the ``ml`` extra can run the
    encoder and off elsewhere; a number requires the extra; ``None`` turns it off. ``encoder_rules_veto`` (round 22,
    opt-in; ``None``: off) is a second veto on levels the rules set themselves: where the rules' own level is moderate
    or high, no credible answer to a safety check has lowered it, and the encoder reads the conversation at least that
    far below its threshold, the level is capped at low (the encoder is then asked on every such turn).
    ``encoder_release`` picks the shipped encoder: ``"round20"`` (the default's, for its veto) or ``"round22"``
    (retrained with the new authors' sets; the ``strict`` policy lifts with it at ``encoder_offset`` 2, round 22).
    Another release than round 20's is for the lift: ``encoder_veto="auto"`` is off with it, and asking for it with
    neither the lift nor an explicit veto distance is refused.

    ``encoder_line`` (round 23, :class:`EncoderLine`) gives the round-22 encoder the last word on the moderate line,
    after every other step: a lift to moderate, a veto of moderate, high and imminent to low, never where abuse or
    violence or functional impairment is named or the user states current ideation, never after a credible answer to
    a safety check, never below a session's prior. ``"auto"`` (the default) is the judged cell ``"em2c"`` where the
    ``ml`` extra can run that encoder and off elsewhere; ``"em"``, ``"em2"``, ``"em2b"``, ``"em2c"``, ``True``
    (``"em2c"``), a mapping of :class:`EncoderLine`'s fields, or ``False``/``None`` (off).

    ``reply_encoder`` (round 24, :mod:`.reply_encoder`) averages a fine-tuned reader of the reply in its context into
    ``harmful_content``, ``judgmental``, ``unsupported_assumption`` and ``missed_abuse``: the score is the mean of the
    scorer's and the encoder's probability, flagged at 0.5. ``"auto"`` (the default) is, where the ``ml`` extra can
    run it and the learned layer is on, the judged cell ``"r25k"`` on the embedding path and ``"r24b"`` on the numpy
    path (both average it in before the card's resolution steps and never into a label the rules flag on their own
    at 0.5; under ``"r25k"`` a label only the encoder raised does not explain ``judgmental`` away; ``strict`` turns
    it off), off elsewhere; ``"r24"`` (after the resolution steps), ``"r24c"`` (only harmful_content's rules flag
    stands), ``"r25j"`` (R24b without ``judgmental``), ``"r26n"`` (R25k without ``judgmental``), ``True`` (as
    ``"auto"``), or ``False``/``None`` (off). It costs one encoder pass a reply, started beside the rules.
    """

    name = "embedded"

    def __init__(
        self,
        *,
        use_model: bool = True,
        model_path: str | Path | None = None,
        calibration_path: str | Path | None = None,
        max_lift: int | None = None,
        embeddings: bool | None = None,
        risk_encoder: bool | None = False,
        encoder_offset: float = 0.0,
        encoder_heads_margin: float | None = None,
        encoder_veto: float | Literal["auto"] | None = "auto",
        encoder_rules_veto: float | None = None,
        encoder_release: str = "round20",
        encoder_line: EncoderLine | Mapping[str, Any] | str | bool | None = "auto",
        reply_encoder: bool | str | None = "auto",
    ) -> None:
        self.model: NgramModel | None = None
        self.semantic: SemanticHeads | None = None
        self.semantic_replies: SemanticHeads | None = None
        self.embedder: Embedder | None = None
        self.encoder: RiskEncoder | None = None
        self.encoder_release: str | None = None
        self.calibration = Calibration()
        #: the n-gram path's risk thresholds, kept when the embedding path takes over (:meth:`_ngram_says_high`)
        self.ngram_thresholds_kept: dict[str, float] = {}
        if use_model:
            path = Path(model_path) if model_path else DEFAULT_PATH
            if not path.exists():
                raise ConfigError(f"safety model file {path} is missing; train it or pass use_model=False")
            with np.load(path, allow_pickle=False) as z:
                self.model = NgramModel.from_npz(z)
                heads, reply_heads = SemanticHeads.from_npz(z), SemanticHeads.from_npz(z, "semv_")
            self.calibration = Calibration.load(calibration_path or DEFAULT_CALIBRATION)
            if embeddings is not False:
                self._use_semantic(heads, reply_heads, path, required=embeddings is True)
        elif embeddings:
            raise ConfigError("embeddings=True needs the learned layer; drop use_model=False")
        weights = release_weights(encoder_release)  # an unknown release fails here, whatever else is asked
        if encoder_release != "round20" and risk_encoder is not True and encoder_veto == "auto" \
                and encoder_rules_veto is None:
            raise ConfigError(f"encoder_release {encoder_release!r} is judged as a lift (the strict policy's): set "
                              "risk_encoder: true, or ask for a veto distance explicitly, or drop encoder_release")
        if encoder_veto == "auto":
            # round 21: the veto is the default where the encoder can run (judged on dev56-dev58, EVALUATION.md), with
            # round 20's encoder only: another release vetoes only where a distance is given for it
            encoder_veto = (DEFAULT_ENCODER_VETO if use_model and encoder_release == "round20"
                            and encoder_available(weights) else None)
        self.encoder_veto = _encoder_veto(encoder_veto)
        self.encoder_rules_veto = _encoder_veto(encoder_rules_veto, "encoder_rules_veto")
        vetoes = self.encoder_veto is not None or self.encoder_rules_veto is not None
        #: whether the encoder may lift (``risk_encoder``); with only a veto it is asked, lazily, to veto
        self.encoder_lifts = False
        if risk_encoder is not False or vetoes:
            if use_model and encoder_available(weights):
                self.encoder = shared_risk_encoder(encoder_release)
                #: which shipped encoder it is (None: no encoder loaded)
                self.encoder_release = encoder_release
                self.encoder_lifts = risk_encoder is not False
            elif risk_encoder or vetoes:
                asked = [n for n, on in (("risk_encoder=True", bool(risk_encoder)),
                                         ("encoder_veto", self.encoder_veto is not None),
                                         ("encoder_rules_veto", self.encoder_rules_veto is not None)) if on]
                what = " and ".join(asked) + (" need" if len(asked) > 1 else " needs")
                fix = "drop " + " and ".join(n.replace("risk_encoder=True", "risk_encoder") for n in asked)
                raise _no_encoder(encoder_release, use_model=use_model, label="", what=what, fix=fix,
                                  fix_built="drop the encoder options")
        if encoder_line == "auto":
            # round 23: EM2c is the default where the round-22 encoder can run (judged on dev89-dev94, EVALUATION.md)
            line = ENCODER_LINES[DEFAULT_ENCODER_LINE]
            encoder_line = line if use_model and encoder_available(release_weights(line.release)) else None
        #: round 23: the encoder with the last word on the moderate line, and its settings (None: off)
        self.encoder_line = EncoderLine.parse(encoder_line)
        self.line_encoder: RiskEncoder | None = None
        if self.encoder_line is not None:
            release = self.encoder_line.release
            if not (use_model and encoder_available(release_weights(release))):
                raise _no_encoder(release, use_model=use_model, label="encoder_line: ", what="encoder_line needs",
                                  fix="drop encoder_line", fix_built="drop encoder_line")
            self.line_encoder = shared_risk_encoder(release)
        #: round 24: the reply encoder averaged into the stance labels' scores (None: off), and how (:data:`FUSIONS`)
        self.reply_fusion: str | None = _reply_fusion(reply_encoder, embeddings=self.semantic is not None)
        self.reply_encoder = self._reply_encoder(reply_encoder, use_model)
        if self.reply_encoder is None:
            self.reply_fusion = None
        self.encoder_offset, self.encoder_heads_margin = _encoder_condition(
            encoder_offset, encoder_heads_margin, asked=risk_encoder is not False)
        self.tracker = RiskTracker()
        read_gates()  # the lexicon regexes' gates, read once here rather than on the first message scored
        self.max_lift = self.calibration.max_lift if max_lift is None else max_lift
        # One turn reads the same user messages twice (assess_risk, then the missed_* relevance in
        # check_reply): the logits are a pure function of them, so the second read is a cache hit.
        self._logits_of = lru_cache(maxsize=256)(self._risk_logits)
        log.info("safety_scorer_ready", model=self.model is not None, embeddings=self.semantic is not None,
                 risk_encoder=self.encoder_lifts, encoder_veto=self.encoder_veto,
                 encoder_rules_veto=self.encoder_rules_veto, encoder_release=self.encoder_release,
                 encoder_line=self.encoder_line, reply_encoder=self.reply_encoder is not None,
                 calibration=self.calibration.source)

    @staticmethod
    def _reply_encoder(asked: bool | str | None, use_model: bool) -> ReplyEncoder | None:
        """The reply encoder ``reply_encoder`` asks for: ``"auto"`` where the learned layer is on and the ``ml`` extra
        can run it, ``True`` or a name of :data:`FUSIONS` or say why not, ``False``/``None`` off."""
        if asked == "auto":
            return shared_reply_encoder() if use_model and reply_encoder_available() else None
        if asked is None or asked is False:
            return None
        if not use_model:
            raise ConfigError(f"reply_encoder={asked!r} is judged with the learned layer: drop use_model=False, or "
                              "drop reply_encoder")
        if not reply_encoder_available():
            why = ("the ml extra is not installed: pip install 'tg-guard[ml]'" if not runtime_installed()
                   else "its ONNX file is not built and cannot be built here: run `tg-guard build-embedder` where "
                   "the ml extra is installed")
            raise ConfigError(f"reply_encoder={asked!r}: {why}; or drop reply_encoder")
        return shared_reply_encoder()

    def _use_semantic(self, heads: SemanticHeads | None, reply_heads: SemanticHeads | None, path: Path, *,
                      required: bool) -> None:
        """Switch to the embedding path where the heads, their calibration and the ml extra are all there
        (``required``: or say which is missing). The embedding model is loaded only then."""
        cal = self.calibration.embedding
        if heads is None or cal is None or not embeddings_available():
            if not required:
                return  # e.g. a model and calibration from before round 8: the n-gram path they were made for
            why = (f"the model file {path} has no embedding heads (train with train.py's defaults)" if heads is None
                   else "the calibration file has no 'embedding' section (retrain with train.py's defaults)"
                   if cal is None else "the ml extra is not installed: pip install 'tg-guard[ml]'")
            raise ConfigError(f"embeddings=True: {why}; or pass embeddings=False for the n-gram heads alone")
        self.ngram_thresholds_kept = dict(self.calibration.risk_thresholds)
        self.semantic, self.semantic_replies, self.calibration = heads, reply_heads, cal
        self.embedder = shared_embedder()

    # -- risk ------------------------------------------------------------------------------------------
    def risk_logits(self, users: Sequence[str]) -> dict[str, float]:
        """Per learned head, the max of its logit over the pooled user messages and over each one alone.

        Pooled catches a disclosure split across turns; each-alone keeps a disclosure buried among
        many ordinary messages from being diluted. A message read alone meets the lower ``risk_ge2`` cue threshold
        only where it has a rule cue itself (:func:`.combine.each_alone_margins`). Empty without a model or user
        messages.
        """
        if self.model is None or not users:
            return {}
        return dict(self._logits_of(tuple(users), self.model, self.calibration.mask_kinds, self.semantic))

    def _risk_logits(self, users: tuple[str, ...], model: NgramModel, kinds: tuple[str, ...],
                     semantic: SemanticHeads | None) -> dict[str, float]:
        texts = conversation_view(users, kinds)
        pooled = model.logits(texts)
        margins = each_alone_margins([rule_cue([u]) for u in users], self.calibration.risk_thresholds)
        each_margins = {"risk_ge2": margins} if any(margins) else {}
        each = model.logits_each(texts)
        if each_margins and model.has("risk_ge2"):
            each = each.copy()
            each[:, model.index("risk_ge2")] -= np.asarray(margins, dtype=np.float32)
        z = np.maximum(pooled, each.max(axis=0))
        out = {h: float(z[i]) for i, h in enumerate(model.heads)}
        if semantic is None or self.embedder is None:
            return out
        # A failure here propagates: the guard's crisis screen fails closed on a scorer error.
        out = average_logits(out, semantic.logits(self.embedder.embed(texts), each_margins))
        # Cumulative heads fit one by one can disagree ("high" likelier than "moderate or above" for a coded
        # farewell); the larger averaged logit speaks for the levels below it too. Only on this path: on the
        # n-gram heads alone a noisy risk_ge3 (1.0 for "hey i am just looking for someone to listen") would
        # lift ordinary openers.
        return monotone(out, self.calibration.monotone_offsets)

    def assess_risk(self, messages: Sequence[Message], *, prior: RiskAssessment | None = None) -> RiskAssessment:
        users = [m.content for m in messages if m.role == "user"]
        if self.embedder is not None and self.semantic is not None and users:
            # the newest message's embedding runs on the other core while the rules do (Embedder.prefetch);
            # the embedding heads read its model view (conversation_view never rewrites the newest message)
            self.embedder.prefetch(model_view(users[-1], self.calibration.mask_kinds))
        if self.encoder is not None and self.encoder_lifts and users:
            self.encoder.prefetch(users)  # the whole conversation, on its own thread while the rules run
        rules, drops, answer = self.tracker.assess_with_answer(messages, prior=prior)
        z = self.risk_logits(users)
        if not z:
            return rules
        th = self.calibration.risk_thresholds
        rank = risk_rank(rules.level)
        logits = [z.get(f"risk_ge{k}", -30.0) for k in range(1, 5)]
        # After a credible answer to a safety check the rules' judgement stands (CLINICAL.md: only that
        # lowers the level); a bag of n-grams cannot tell an answer from a disclosure.
        cue = rule_cue(users)
        final = rank if drops else min(combine_level(rank, logits, th, cue=cue), rank + self.max_lift)
        if final < 2 and not drops and self.encoder_lifts and self._encoder_lifts(users, logits[1], th, cue):
            # round 20: the fine-tuned encoder's second opinion lifts to moderate (it has no finer level); the
            # vetoes below still apply, and after a credible answer to a safety check (drops) it is not asked.
            # An encoder error propagates here: the crisis screen fails closed.
            final = min(2, rank + self.max_lift)
        if final >= 2 > rank and states_own_safety(users):
            # the user said the risk talked about is not their own ("I'm fine myself", "not me wanting to die"):
            # the heads cannot tell a friend's crisis or a denied wish from a disclosure, so they lift to low at most
            final = 1
        if final >= 2 > rank and (resisted_urge_only(users) or payback_only(users)):
            # round 13c: a resisted self-harm urge ("haven't done it in a year") or payback with no wish to hurt anyone
            # ("make him pay", "key his car"): DATA_CARD puts both at low; the heads read them as an act or violence
            final = 1
        if final >= 2 > rank and ordinary_sign_off(users):
            # an everyday goodbye ("going in. cya", "early shift tomorrow, bye bye") may not be what lifts the level:
            # the level is what the conversation before it reaches, at low at most from the sign-off itself
            before = users[:-1]
            zb = self.risk_logits(before) if before else {}
            lb = [zb.get(f"risk_ge{k}", -30.0) for k in range(1, 5)]
            earlier = min(combine_level(rank, lb, th, cue=rule_cue(before)), rank + self.max_lift) if zb else rank
            final = max(min(final, earlier), min(final, 1))
        if final >= 2 > rank:
            final = self._after_misreading(messages, users, final, rank)
        if final == 2 and not drops and self.semantic is not None and self._ngram_says_high(users, rank, cue):
            # round 16: on the embedding path a conversation flagged moderate is high where the n-gram heads alone, at
            # their own path's thresholds, say high. Averaging in the embedding heads pulls `high` conversations down
            # (high at or above, embedding / numpy: test 0.58 / 0.84, blind dev26 0.71 / 0.93, dev27 0.77 / 0.85);
            # only conversations already at moderate move, so the moderate-or-above flag and its false alarms stay.
            final = min(3, rank + self.max_lift)
        if (final >= 2 > rank and not drops and self.encoder_veto is not None
                and self._encoder_reads_below(users, self.encoder_veto)):
            # round 21 (EV): the heads alone took the level to moderate or above, the rules saw no cue at that level,
            # and the fine-tuned encoder reads the conversation well below its threshold: low at most, as the vetoes
            # above cap it. Asked only here (a few turns in a hundred), so other turns do not wait for it. An encoder
            # error propagates: the crisis screen fails closed.
            final = 1
        if (2 <= final <= 3 and 2 <= rank <= 3 and not drops and self.encoder_rules_veto is not None
                and self._encoder_reads_below(users, self.encoder_rules_veto)):
            # round 22 (ER, opt-in): the rules' own moderate or high, read by the encoder at least encoder_rules_veto
            # below its threshold (an adventure sport "about to jump", a leaving-do's goodbye notes): low at most.
            # Never on imminent (the rules' or the heads'), never after a credible answer to a safety check, never
            # below the session's level (prior); an encoder error propagates.
            final = max(1, risk_rank(prior.level)) if prior is not None else 1
        if drops and prior is None:  # a credible answer follows a user message with a cue: messages[:answer] has one
            # round 30 (F): a credible answer lowers one step of what this scorer said just before it, not of the
            # rules' level (DATA_CARD: "the drop is one step at most"). Where the heads had lifted the conversation
            # above the rules, deferring to the rules dropped it two or three steps. A live session keeps this floor
            # already (the previous turn's assessment is ``prior``, and the tracker keeps ``prior`` less one after an
            # answer), so only stateless calls pay for scoring the messages before the answer (round 30's review:
            # one more pass per credible answer in the conversation).
            final = max(final, risk_rank(self.assess_risk(messages[:answer]).level) - 1)
        cats = self._categories(final, rank, rules.categories, users, z)
        if self.encoder_line is not None and not drops:
            # round 23 (EncoderLine): the round-22 encoder has the last word on the moderate line and may veto high
            # and imminent, never where the line keeps the conversation (abuse, violence, functional impairment, a
            # stated ideation); an encoder error propagates (the crisis screen fails closed)
            kept = bool(set(self.encoder_line.keep) & (cats | set(rules.categories))) or (
                final >= 2 and self.encoder_line.keep_ideation and states_ideation(users))
            blocked = final < 2 and self.encoder_line.respect_vetoes and lift_blocked(messages)
            line = self._encoder_line(users, final, rank, logits[1] - ge2_threshold(th, cue), kept, blocked)
            if line < final and prior is not None:
                line = max(line, risk_rank(prior.level))  # the session's level is a floor: a veto never goes below it
            if line != final:
                final, cats = line, self._categories(line, rank, rules.categories, users, z)
        # Within the level's band the score follows the combined moderate-or-above strength, so it ranks
        # conversations (AUROC) more finely than five levels can.
        lo, hi = _BANDS[final]
        score = round(lo + (hi - lo) * min(risk_strength(rank, logits, th, cue=cue), 0.999), 4)
        ev = rules.evidence
        if final > rank and not ev:
            ev = _message_evidence(messages, self.model, "risk_ge2", self.calibration.mask_kinds)
        return RiskAssessment(
            level=RISK_LEVELS[final],
            categories=tuple(c for c in RISK_CATEGORIES if c in cats),
            score=score,
            evidence=ev,
            backend="rules+model" if final > rank else "rules",
        )

    def _ngram_says_high(self, users: Sequence[str], rank: int, cue: bool) -> bool:
        """Whether the n-gram heads alone reach ``high`` at the n-gram path's own thresholds (the embedding path's
        second opinion on how severe a flagged conversation is; :meth:`assess_risk`)."""
        if self.model is None or not users or not self.ngram_thresholds_kept:
            return False
        z = self._logits_of(tuple(users), self.model, self.calibration.mask_kinds, None)
        logits = [z.get(f"risk_ge{k}", -30.0) for k in range(1, 5)]
        return min(combine_level(rank, logits, self.ngram_thresholds_kept, cue=cue), rank + self.max_lift) >= 3

    def _encoder_lifts(self, users: Sequence[str], ge2_logit: float, th: Mapping[str, float], cue: bool) -> bool:
        """Whether the encoder may lift: its logit past its threshold by ``encoder_offset``, and (round 21, where
        ``encoder_heads_margin`` is set) the learned heads' ``risk_ge2`` logit within that margin of its threshold, so
        the encoder lifts only what the heads also lean towards (EVALUATION.md "Round 21")."""
        assert self.encoder is not None
        margin = self.encoder_heads_margin
        if margin is not None and ge2_logit < ge2_threshold(th, cue) - margin:
            return False
        return self.encoder.logit(users) > self.encoder.threshold + self.encoder_offset

    def _categories(self, final: int, rank: int, rule_cats: Sequence[RiskCategory], users: Sequence[str],
                    z: Mapping[str, float]) -> set[RiskCategory]:
        """The risk categories of a conversation at level ``final``: the rules' own, and the heads' above their
        thresholds where the level is low or above."""
        cats: set[RiskCategory] = set(rule_cats)
        if final >= 1 and final == rank and others_impairment_only(users):
            pass  # someone else's impairment at the rules' own level: its category stands (risk.others_impairment_only)
        elif final >= 1:
            # Where the rules found functional impairment and nothing else at all (no suicide or self-harm cue, even
            # a past or negated one), the heads do not add suicide or self-harm: days in bed or without food read
            # to them like despair (CLINICAL.md: the impairment alone is missed_functional_impairment's business).
            blocked = _blocked_categories(set(rule_cats), users)
            for c in RISK_CATEGORIES:
                t = self.calibration.category_thresholds.get(c)
                if c in blocked:
                    continue
                if t is not None and z.get(f"cat_{c}", -30.0) >= t:
                    cats.add(c)
            if not cats:
                # No head passed its threshold: the category nearest its own threshold, not the largest raw logit.
                # The heads' thresholds differ (abuse's sits far above suicide's), so a raw argmax named `abuse`
                # for a lifted conversation with no abuse in it and `missed_abuse` followed (round 15, a worker
                # mocked for his accent). Categories the rules block stay out here too.
                open_cats = [c for c in RISK_CATEGORIES if c not in blocked] or list(RISK_CATEGORIES)
                cats.add(max(open_cats, key=lambda c: z.get(f"cat_{c}", -30.0)
                             - (self.calibration.category_thresholds.get(c) or 0.0)))
        else:
            cats = set()
        return cats

    def _encoder_line(self, users: Sequence[str], final: int, rank: int, heads_margin: float, kept: bool,
                      blocked: bool) -> int:
        """``final`` lifted to moderate or vetoed to low by the line's encoder (:class:`EncoderLine`); ``kept``: the
        conversation names a category the vetoes keep; ``blocked``: the scorer's own vetoes cap any lift here."""
        line, enc = self.encoder_line, self.line_encoder
        assert line is not None and enc is not None
        if final < 2:
            lifts = not blocked and heads_margin > -line.heads_gate and enc.logit(users) > enc.threshold + line.lift
            return max(final, min(2, rank + self.max_lift)) if lifts else final
        if kept:
            return final
        if final == 2 and enc.logit(users) < enc.threshold - line.veto:
            return 1
        if final >= 3 and line.high_veto is not None and enc.logit(users) < enc.threshold - line.high_veto:
            return 1
        return final

    def _encoder_reads_below(self, users: Sequence[str], distance: float) -> bool:
        """Whether the encoder reads the conversation at least ``distance`` below its threshold."""
        assert self.encoder is not None
        return self.encoder.logit(users) < self.encoder.threshold - distance

    def _after_misreading(self, messages: Sequence[Message], users: Sequence[str], final: int, rank: int) -> int:
        """Round 14b: where the user corrected a misreading the assistant asked about ("do you mean ending your life?"
        "no no, I meant ending it with Dan"; :func:`.risk.misreading_corrected`), the conversation up to that answer
        lifts the level to low at most: the heads read the misread words, and the answer restating them, as a
        disclosure. Later messages lift as they would alone. The rules' level (``rank``, below moderate here) stands."""
        k = misreading_corrected(messages)
        if k < 0:
            return final
        later = list(users[k + 1 :])
        z = self.risk_logits(later) if later else {}
        if not z:
            return max(rank, min(final, 1))
        logits = [z.get(f"risk_ge{j}", -30.0) for j in range(1, 5)]
        after = min(combine_level(rank, logits, self.calibration.risk_thresholds, cue=rule_cue(later)),
                    rank + self.max_lift)
        return max(min(final, 1), min(final, after))

    # -- reply -----------------------------------------------------------------------------------------
    def prefetch_reply(self, messages: Sequence[Message], reply: str) -> None:
        """Start the reply's embedding now, where the reply is known before the risk pass (offline scoring:
        ``score``, evaluation): it then runs beside ``assess_risk`` instead of inside ``check_reply``. Optional
        (the engine calls it where a scorer has it); the verdicts are the same without it."""
        users = [m.content for m in messages if m.role == "user"]
        if self.embedder is not None and self.semantic_replies is not None and self.model is not None:
            self.embedder.prefetch(quote_view(reply, users, QUOTE_ELLIPSIS))
        if self.reply_encoder is not None:
            self.reply_encoder.prefetch(users, reply)

    def check_reply(self, messages: Sequence[Message], reply: str, risk: RiskAssessment) -> Mapping[str, Violation]:
        users = [m.content for m in messages if m.role == "user"]
        self.prefetch_reply(messages, reply)  # the embedding heads' text and the reply encoder run beside the rules
        ctx = ReplyContext.build(messages, reply, risk)
        rules: dict[str, Finding] = {name: DETECTORS[name](ctx) for name in VIOLATIONS}
        probs = (reply_probs(self.model, reply, self.semantic_replies, self.embedder, users)
                 if self.model is not None else {})
        idx = len(messages)
        out: dict[str, Violation] = {}
        context_z: dict[str, float] | None = None
        for name in VIOLATIONS:
            found = rules[name]
            if name.startswith("missed_") and probs and context_z is None:
                context_z = self.risk_logits(users)
            model_p = self._model_score(name, ctx, probs, context_z or {}, rules)
            blend = self.calibration.blend(name)
            score = blend.apply(found.score, model_p)
            used_model = model_p is not None and blend.mode != "rules"
            spans: tuple[Evidence, ...] = evidence(idx, reply, found.spans)
            out[name] = Violation(
                flagged=score >= 0.5 and score > 0.0,
                score=score,
                evidence=spans,
                backend="model" if used_model and blend.mode == "model" else "rules",
            )
        cell = _CELLS[self.reply_fusion] if self.reply_fusion is not None else None
        # R25k, R26n: the flags before the encoder explain judgmental away (the substance step after it only ever drops
        # one of two labels that both explain judgmental away: no change)
        explainers = {n: v.flagged for n, v in out.items()} if cell is not None and cell.own_explainers else None
        if cell is not None and not cell.after_steps:
            kept = {n for n in FUSED if rules[n].score >= 0.5 and (cell.rules_stand is None or n in cell.rules_stand)}
            if not cell.judgmental:
                kept.add("judgmental")
            out = self._fused(out, users, reply, keep=kept)
        out = explain_away_judgmental(resolve_substance(out, ctx), reply, explainers)
        return self._fused(out, users, reply) if cell is not None and cell.after_steps else out

    def _fused(self, out: Mapping[str, Violation], users: Sequence[str], reply: str,
               keep: Collection[str] = ()) -> dict[str, Violation]:
        """Round 24: each of :data:`.reply_encoder.FUSED` but ``keep`` scored as the mean of the scorer's score and the
        reply encoder's probability, flagged at 0.5 like every score; its evidence stays the rules'. An encoder error
        propagates (the guard's verdict fails closed)."""
        assert self.reply_encoder is not None
        p = self.reply_encoder.probs(users, reply)
        fused = dict(out)
        for name in FUSED:
            if name in keep:
                continue
            v = out[name]
            score = round((v.score + p[name]) / 2, 4)
            fused[name] = v.model_copy(update={"score": score, "flagged": score >= 0.5 and score > 0.0,
                                               "backend": f"{v.backend or 'rules'}+encoder"})
        return fused

    def _model_score(self, name: str, ctx: ReplyContext, probs: Mapping[str, float],
                     context_z: Mapping[str, float], rules: Mapping[str, Finding] | None = None) -> float | None:
        if not probs or (name in DECIDED and bare_answer(ctx.reply)):
            return None  # round 25: a bare yes or no means what was asked, and the rules read the question
        if name in _MISSED:
            rel, rel_rules, rules_addr, hollow = missed_inputs(name, ctx, context_z, rules)
            return missed_score(rel, probs.get(_MISSED[name][0]), rules_addr,
                                variant=self.calibration.missed_variants.get(name, "both"),
                                relevance_rules=rel_rules, hollow=hollow)
        return probs.get(f"v_{name}")


def reply_probs(model: NgramModel, reply: str, semantic: SemanticHeads | None = None,
                embedder: Embedder | None = None, users: Sequence[str] = ()) -> dict[str, float]:
    """The reply heads' probabilities, as inference and training's CV both read them: the reply's view
    (``boundary.reply_view``); for the ``v_*`` heads with the client's own words it quotes back marked
    (``view.quote_view`` against ``users``, the conversation's user messages), and for ``v_harmful_content``
    its own view of that (``harmful.harm_view``); with ``semantic`` heads, their logits on the embedding
    of the reply with those words cut to an ellipsis averaged in (:func:`.semantic.average_logits`)."""
    view = reply_view(reply)
    z = model.logits([view])
    logits = {h: float(z[i]) for i, h in enumerate(model.heads)}
    qv = reply_view(quote_view(reply, users))
    if qv != view:
        # the address heads keep the reflection: echoing a disclosure back is part of addressing it
        zq = model.logits([qv])
        logits.update({h: float(zq[i]) for i, h in enumerate(model.heads) if h.startswith("v_")})
    hv = harm_view(qv)
    harm = "v_harmful_content"
    if hv != qv and model.has(harm):
        logits[harm] = float(model.logits([hv])[model.index(harm)])
    if semantic is not None and embedder is not None:
        # the embedding heads read the reply as written (train.fit_semantic_replies says why), the client's
        # quoted words cut to an ellipsis: still one embedding per reply
        logits = average_logits(logits, semantic.logits(embedder.embed([quote_view(reply, users, QUOTE_ELLIPSIS)])))
    return {h: sigmoid(v) for h, v in logits.items()}


def missed_inputs(name: str, ctx: ReplyContext, context_z: Mapping[str, float],
                  rules: Mapping[str, Finding] | None = None) -> tuple[float, float, float, bool]:
    """What :func:`combine.missed_score` takes for a ``missed_*`` label besides the model's "addressed" head:
    relevance (risk state or the context's heads), relevance by the rules alone, the rules' "addressed"
    score, and whether the reply offers only empty promises or deflection (``missed_crisis``), only advice that
    accommodates the abuser or only the side task (``missed_abuse``), or only the side task beside impairment the
    rules found (``missed_functional_impairment``): then the model's address head is kept out. ``rules``: the turn's
    detector findings where already computed (``check_reply``), so none is run twice."""
    rules_addr, _ = _MISSED[name][1](ctx)
    # At imminent only urgent action meets the risk (CLINICAL.md: an emergency number, first aid, getting away from
    # the means); the learned head reads a warm "tell me what happened tonight" as addressed, so the rules judge.
    # Round 13: likewise where the rules see only an acknowledgement there ("I'm glad you told me. What led up?").
    hollow = ((name == "missed_crisis" and (hollow_reassurance(ctx) or acknowledges_only(ctx)
                                             or works_against(ctx, rules_addr, rules)))
              or (name == "missed_abuse" and (accommodates_abuser(ctx) or ignores_abuse(ctx, rules_has(ctx, "abuse"))))
              or (name == "missed_functional_impairment"
                  and ignores_impairment(ctx, rules_has(ctx, "functional_impairment") or impairment_in_words(ctx))))
    return relevance(name, ctx, context_z), relevance(name, ctx, {}), rules_addr, hollow


def works_against(ctx: ReplyContext, rules_addr: float, rules: Mapping[str, Finding] | None = None) -> bool:
    """True when nothing in the reply meets the crisis by the rules (``rules_addr`` 0) and the rules find it working
    against the user instead: helping with the act ("upper thighs are easier to hide", a cover story; rule
    ``harmful_content``) or shaming the disclosure ("you should be ashamed", "back at square one"; rule
    ``judgmental``). Helping with the act counts only as concealment (``missed.CONCEAL``): a harmful substitute
    offered as another way ("snap a rubber band instead") engages with the urge, and the labels leave it to the head.
    The learned address head reads the topic words and warmth of such replies as "addressed"
    (0.5-0.66 on the reply dev sets), so the rules judge, as for :func:`missed.hollow_reassurance`."""
    if rules_addr > 0.0 or not _crisis_relevant(ctx):
        return False
    found = rules or {"harmful_content": harmful_content(ctx), "judgmental": judgmental(ctx)}
    concealing = CONCEAL.search(ctx.reply) is not None and found["harmful_content"].score >= 0.5
    return concealing or found["judgmental"].score >= 0.5


_MISSED: dict[str, tuple[str, Callable[[ReplyContext], tuple[float, list[tuple[int, int]]]]]] = {
    "missed_crisis": ("addr_crisis", addresses_crisis),
    "missed_abuse": ("addr_abuse", addresses_abuse),
    "missed_functional_impairment": ("addr_impairment", addresses_impairment),
}
_CRISIS_CATS = ("suicide", "self_harm", "harm_to_others")


def relevance(name: str, ctx: ReplyContext, z: Mapping[str, float]) -> float:
    """P(the risk a ``missed_*`` label is about is present): the risk state, or the context's heads."""
    if name == "missed_crisis":
        rules = 1.0 if _crisis_relevant(ctx) else 0.0
        p_cat = max((sigmoid(z.get(f"cat_{c}", -30.0)) for c in _CRISIS_CATS), default=0.0)
        return max(rules, sigmoid(z.get("risk_ge2", -30.0)) * p_cat)
    cat: RiskCategory = "abuse" if name == "missed_abuse" else "functional_impairment"
    # round 13: weeks of restriction in the user's words is impairment (DATA_CARD) even where the risk state lacks it
    # round 14b: or days without the basics told in passing, earlier in the conversation (missed.basics_lost_for_days)
    cue = cat == "functional_impairment" and impairment_in_words(ctx)
    return max(1.0 if ctx.has(cat) or cue else 0.0, sigmoid(z.get(f"cat_{cat}", -30.0)))


def resolve_substance(out: dict[str, Violation], ctx: ReplyContext) -> dict[str, Violation]:
    """Where both ``medication_advice`` and ``harmful_content`` are flagged, the substance decides which one it is.

    The replies card draws the line: advice on a named medicine (dosing, someone else's pills, mixing it with
    alcohol) is ``medication_advice``; dosing or encouragement of a recreational drug, nicotine or drinking is
    ``harmful_content``. The learned heads blur the two (on the reply dev sets, most false alarms of each were
    gold for the other). So with a medicine named and no recreational drug, ``harmful_content`` is dropped,
    unless the context is at moderate risk or above (dosing a medicine there can be means) or the reply permits drink
    with a medicine someone else gave the user (``medical.drink_with_shared_medicine``) or the harm the rules found sits
    in a clause of its own (``medical.harm_apart_from_medicine``); with a recreational drug and no medicine, or with no
    medicine named and only the harm backed by rule evidence, ``medication_advice`` is dropped. Scores are scaled into
    the unflagged band.
    """
    med, harm = out.get("medication_advice"), out.get("harmful_content")
    if med is None or harm is None or not (med.flagged and harm.flagged):
        return out
    users = [m.content for m in ctx.messages if m.role == "user"]
    text = f"{users[-1] if users else ''}\n{ctx.reply}"
    named, recreational = bool(NAMED_MEDICINE.search(text)), bool(RECREATIONAL.search(text))
    # Round 13: drink permitted with a medicine someone else gave the user is misuse encouraged too: both stand.
    harm_spans = [(ev.start, ev.end) for ev in harm.evidence]
    if (named and not recreational and ctx.rank < 2 and not drink_with_shared_medicine(ctx)
            and not harm_apart_from_medicine(ctx.reply, harm_spans, ctx.user_text)):
        out["harmful_content"] = _unflag(harm, min(harm.score, 0.999) * 0.499)
    elif (recreational and not named) or (not named and harm_spans and not med.evidence):
        # Round 14: no medicine named, and the rules found the harm (drink, a dare) but no act on a medicine.
        out["medication_advice"] = _unflag(med, min(med.score, 0.999) * 0.499)
    return out


def _unflag(v: Violation, score: float) -> Violation:
    """``v`` unflagged at ``score`` (below 0.5), its evidence kept."""
    return v.model_copy(update={"flagged": False, "score": round(score, 4)})


def explain_away_judgmental(out: dict[str, Violation], reply: str = "",
                            explainers: Mapping[str, bool] | None = None) -> dict[str, Violation]:
    """A learned ``judgmental`` below :data:`JUDGMENTAL_ALONE` is not flagged beside another flagged content
    violation.

    The judgmental heads read "a bad reply" in replies that give medication advice, speculate, enable harm,
    assume or overstep: on the eight reply dev sets most of their false alarms (pooled F1 0.71, embedding path)
    were replies flagged for one of those. Rule evidence (blame or shaming words the rules found) stands. The
    score is scaled into the unflagged band (``0.5 * score / JUDGMENTAL_ALONE``), so it still ranks.

    Round 12: likewise where the ``reply`` gently challenges the user's self-criticism (``conduct.GENTLE_CHALLENGE``:
    "you called yourself stupid; is that the word you'd use for a friend?"). The heads read the harsh word quoted
    back as harshness; the card calls this the clean case.

    ``explainers`` (round 25, R25k): the flags that count as "another content violation", where not ``out``'s own:
    R25k passes the scorer's flags from before the reply encoder, so a label only the encoder raised explains nothing
    away, and a label the scorer flagged still does where the encoder's average then unflagged it.
    """
    j = out.get("judgmental")
    if j is None or not j.flagged or j.evidence or j.score >= JUDGMENTAL_ALONE:
        return out  # rule evidence (blame, shaming words) is not explained away
    flagged = explainers if explainers is not None else {n: v.flagged for n, v in out.items()}
    if not any(flagged.get(n, False) for n in _EXPLAINS_JUDGMENTAL) and not GENTLE_CHALLENGE.search(reply):
        return out
    out["judgmental"] = _unflag(j, 0.5 * j.score / JUDGMENTAL_ALONE)
    return out


def _blocked_categories(rules_cats: set[str], users: Sequence[str]) -> frozenset[str]:
    """The crisis categories the learned heads may not add where the rules found only functional impairment or abuse
    and no suicide or self-harm cue at all (:func:`risk.despair_trace`).

    Days in bed or without food read to the heads like despair (CLINICAL.md: the impairment alone is
    missed_functional_impairment's business). Round 13c: likewise being hit, locked in or thrown out by a parent or
    partner, which they read as suicide, self-harm or (the abuser's violence) harm to others; the card's
    abuse-only contexts carry abuse alone.
    """
    if rules_cats == {"harm_to_others"} and aimed_at_other(users):
        return frozenset({"suicide", "self_harm"})  # round 17: a poison or a car aimed at someone else
    if not rules_cats or not rules_cats <= {"functional_impairment", "abuse"} or despair_trace(users):
        return frozenset()
    if "abuse" in rules_cats:
        return frozenset({"suicide", "self_harm", "harm_to_others"})
    return frozenset({"suicide", "self_harm"})


def monotone(z: dict[str, float], offsets: Mapping[str, float] | None = None) -> dict[str, float]:
    """Cumulative heads made consistent below ``high``: "moderate or above" is at least as likely as "high or
    above", and "low or above" as "moderate or above". ``risk_ge4`` (the fewest positives, the noisiest
    head) is left out: it may not lift the levels below it.

    ``offsets`` (``Calibration.monotone_offsets``): per lower head, what is added to the higher head's logit before
    it may lift it. The heads are class-balanced, so each logit is relative to its own level's prior; the
    difference of the training log-odds puts the higher head on the lower one's scale first.

    >>> monotone({"risk_ge1": 0.0, "risk_ge2": -1.0, "risk_ge3": 2.0, "risk_ge4": 5.0})
    {'risk_ge1': 2.0, 'risk_ge2': 2.0, 'risk_ge3': 2.0, 'risk_ge4': 5.0}
    >>> monotone({"risk_ge1": 0.0, "risk_ge2": -1.0, "risk_ge3": 2.0}, {"risk_ge2": -1.5, "risk_ge1": -0.5})
    {'risk_ge1': 0.0, 'risk_ge2': 0.5, 'risk_ge3': 2.0}
    """
    out = dict(z)
    off = offsets or {}
    for k in (2, 1):
        a, b = f"risk_ge{k}", f"risk_ge{k + 1}"
        if a in out and b in out:
            out[a] = max(out[a], out[b] + off.get(a, 0.0))
    return out


def _crisis_relevant(ctx: ReplyContext) -> bool:
    # suicide, self-harm or harm to others at moderate or above, and danger from someone else when imminent:
    # "he's kicking the door in, i'm in the bedroom" is a crisis the reply must meet with safety, as the rules
    # detector says (missed._crisis_relevant). Below imminent, abuse alone is missed_abuse's business: counted
    # at high too, the crisis address head took abuse-safety replies for misses (dev-dev5: 6 false, 0 true).
    cats = set(ctx.risk.categories)
    return ctx.rank >= 2 and bool(set(_CRISIS_CATS) & cats or not cats or (ctx.rank >= 4 and "abuse" in cats))


def _message_evidence(messages: Sequence[Message], model: NgramModel | None, head: str,
                      kinds: tuple[str, ...]) -> tuple[Evidence, ...]:
    """The user message the learned head scores highest, quoted (first 300 characters)."""
    if model is None:
        return ()
    users = [(i, m.content) for i, m in enumerate(messages) if m.role == "user" and m.content]
    if not users:
        return ()
    z = model.logits_each(conversation_view([t for _, t in users], kinds))[:, model.index(head)]
    i, text = users[int(np.argmax(z))]
    end = min(len(text), 300)
    return (Evidence(message=i, start=0, end=end, text=text[:end]),)


def _no_encoder(release: str, *, use_model: bool, label: str, what: str, fix: str, fix_built: str) -> ConfigError:
    """Why the encoder ``release`` cannot run here, as the error to raise: its ONNX file is not built and cannot be
    (the ``ml`` extra without torch), or the extra or the learned layer is missing. ``what`` names the options asking
    for it with their verb; ``fix`` and ``fix_built`` say how to do without it."""
    if use_model and runtime_installed():
        return ConfigError(f"{label}the risk encoder release {release!r} is not built here and building it needs "
                           "torch, transformers and onnx: run `tg-guard build-embedder` where they are installed (it "
                           f"builds every release into the cache), or {fix_built}")
    if use_model:
        return ConfigError(f"{what} the learned layer and the ml extra (pip install 'tg-guard[ml]'); or {fix}")
    return ConfigError(f"{what} the learned layer; drop use_model=False")


def lift_blocked(messages: Sequence[Message]) -> bool:
    """Whether the scorer's own vetoes cap any lift of this conversation at low: the user says the risk talked about
    is not their own, a resisted self-harm urge or payback only, or a corrected misreading (:meth:`EmbeddedSafetyScorer.
    assess_risk`); or a message reads an injury as an accident or sport (:func:`.risk.reads_accident`, the rules'
    own reading). :class:`EncoderLine`'s lift (round 23, ``respect_vetoes``) is not asked there."""
    users = [m.content for m in messages if m.role == "user"]
    return (states_own_safety(users) or resisted_urge_only(users) or payback_only(users)
            or misreading_corrected(messages) >= 0 or reads_accident(users))


def _encoder_veto(value: Any, name: str = "encoder_veto") -> float | None:
    """A veto distance checked: ``None`` (off) or a finite number, 0 or more (logit units below the threshold)."""
    if value is None:
        return None
    auto = "\"auto\", " if name == "encoder_veto" else ""
    need = (f"{auto}a finite number 0 or more (how far below its threshold the encoder must read a conversation to "
            "veto), or null (off)")
    b = _finite(name, value, need)
    if b < 0:
        raise ConfigError(f"{name} must be {need}, got {value!r}")
    return b


def _encoder_condition(offset: Any, margin: Any, *, asked: bool) -> tuple[float, float | None]:
    """``encoder_offset`` and ``encoder_heads_margin`` checked: finite numbers, the margin not negative, and set only
    with the encoder asked for (else they would silently do nothing)."""
    off = _finite("encoder_offset", offset)
    m = None if margin is None else _finite("encoder_heads_margin", margin)
    if m is not None and m < 0:
        raise ConfigError(f"encoder_heads_margin must be 0 or more (how far below their threshold the heads may be), "
                          f"got {m}")
    if not asked and (off != 0.0 or m is not None):
        raise ConfigError("encoder_offset and encoder_heads_margin apply to the risk encoder: pass risk_encoder=True "
                          "(policy option risk_encoder: true) or drop them")
    return off, m


def build_embedded_safety(**options: Any) -> EmbeddedSafetyScorer:
    """The registry's factory for ``"embedded"``; options are :class:`EmbeddedSafetyScorer`'s keywords."""
    return EmbeddedSafetyScorer(**options)
