"""What the learned layer reads: user text with the cue spans the rules set aside marked.

See :func:`model_view`. Used identically by ``train.py`` and the scorer, so the learned heads never see
text at inference in a form they were not trained on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ._regex import compile_fast
from .lexicon import NEGATION_EXCEPTIONS, A
from .risk import Hit, clarifies, scan_with_drops

__all__ = ["MASK_KINDS", "VIEW_KINDS", "conversation_view", "mask_idioms", "model_view"]

# A crisis word right after a negator, whether or not a cue matched ("i'm not suicidal", "never cut").
_NEGATED_WORD = compile_fast(
    rf"\b(?:not|never|no|don{A}t|dont|won{A}t|wont|wouldn{A}t|isn{A}t|aren{A}t|wasn{A}t|didn{A}t)\s+(?:\w+\s+){{0,2}}?"
    r"(?:suicidal|suicide|kill(?:ing)? myself|hurt(?:ing)? myself|harm(?:ing)? myself|self[- ]?harm\w*|die|dying"
    r"|end(?:ing)? (?:it|my life)|cut(?:ting)?(?: myself)?|overdos\w*)\b",
    re.I,
)
# A crisis word whose subject is someone else ("he thinks about killing himself", "she took her own life",
# "my brother is suicidal"): no rule cue may match these, and an n-gram model reads "killing" as risk.
_OTHER_WORD = compile_fast(
    r"\b(?:(?:kill|hurt|harm|cut|starv|hang)\w* (?:him|her|them)sel(?:f|ves)"
    r"|(?:take|took|taken|taking|end|ended|ending|takes|ends) (?:his|her|their) (?:own )?(?:life|lives)"
    r"|(?:he|she|they)(?:\s+(?:is|was|were|are|has been|had been|seems|seemed|sounded|sounds|feels|felt)|'s|’s|'re|’re)"
    r" (?:\w+ ){0,2}?(?:suicidal|self[- ]?harming)"
    r"|(?:he|she|they) (?:(?!(?:i|im|i'm|me|my)\b)\w+ ){0,3}?(?:wants?|wanted|wanting) to"
    r" (?:die|kill (?:him|her|them)sel(?:f|ves)))\b",
    re.I,
)
#: Every kind the view knows; ``MASK_KINDS`` is the default (``train.py --mask``), chosen by grouped CV.
VIEW_KINDS: tuple[str, ...] = ("idiom", "negated", "other", "past", "other_words", "clarified", "benign")
MASK_KINDS: tuple[str, ...] = VIEW_KINDS  # grouped CV: "other_words", "clarified" and "benign" cost no recall
_MARK = {"idiom": " , ", "negated": " qqneg ", "other": " qqother ", "past": " qqpast ", "other_words": " qqother ",
         "benign": " qqbenign "}
_CLARIFIED = " qqclar "
# Current cues of these kinds in a message keep its ordinary readings visible to the model.
_GRAVE = frozenset({"prep", "intent", "plan", "in_progress", "finality", "attempt", "lethality"})


@lru_cache(maxsize=8192)
def model_view(text: str, kinds: tuple[str, ...] = MASK_KINDS) -> str:
    """The text the learned layer reads: cue spans the rules know are not the user's current risk, marked.

    An n-gram model reads "hurt myself" in "i hurt myself at the gym" and "suicidal" in "i'm not suicidal"
    as risk; the rules know better (an accident or an idiom, a negation, someone else's words, a past
    resolved episode, an ordinary reading such as "the last time I lend him money"). Each such span is replaced
    by a marker token (``qqneg``, ``qqother``, ``qqpast``, ``qqbenign``;
    idioms and accidents by a comma), so the model learns from what is left plus the fact that a cue was
    set aside. ``kinds`` picks which (written to ``calibration.json`` by ``train.py``, chosen by CV), and
    the same view is used in training and at inference.
    """
    hits, dropped = scan_with_drops(text)
    spans = [(s, e, k) for s, e, k in dropped if k in kinds]
    if "benign" in kinds and any(not h.past and h.kind in _GRAVE for h in hits):
        # a cover story ("it's cos my mum's allergic ... when i'm gone") is not an ordinary reading
        spans = [sp for sp in spans if sp[2] != "benign"]
    if "negated" in kinds:
        for m in _NEGATED_WORD.finditer(text):
            if not NEGATION_EXCEPTIONS.match(text[m.start() :]):
                spans.append((m.start(), m.end(), "negated"))
    if "past" in kinds:
        spans.extend((h.start, h.end, "past") for h in hits if h.past)
    if "other_words" in kinds:
        spans.extend((m.start(), m.end(), "other_words") for m in _OTHER_WORD.finditer(text))
    if not spans:
        return text
    out, last = [], 0
    for s, e, k in sorted(spans):
        if s < last:  # overlapping spans: the earlier one already covers this one's start
            if e > last:
                last = e
            continue
        out.append(text[last:s])
        out.append(_MARK[k])
        last = e
    out.append(text[last:])
    return "".join(out)


def mask_idioms(text: str) -> str:
    """The text with only figures of speech ("this commute is killing me") blanked out (the old view)."""
    return model_view(text, ("idiom",))




def conversation_view(users: Sequence[str], kinds: tuple[str, ...] = MASK_KINDS) -> list[str]:
    """:func:`model_view` of each user message, and with ``"clarified"`` in ``kinds`` the messages a later one
    corrects as misread ("think im finally ending it tonight" ... "my twitch stream lol, sorry that sounded
    dark") replaced by a marker, exactly where the rules tracker voids their cues (``risk.clarifies``).
    """
    out = [model_view(u, kinds) for u in users]
    if "clarified" not in kinds or len(users) < 2:
        return out
    seen: list[tuple[int, Hit]] = []
    for i, text in enumerate(users):
        hits = scan_with_drops(text)[0]
        if seen and not any(not h.past for h in hits) and clarifies(text, seen):
            last = seen[-1][0]
            out[last] = _CLARIFIED
            seen = [(j, h) for j, h in seen if j != last]
        seen.extend((i, h) for h in hits)
    return out
