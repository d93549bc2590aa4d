"""What the learned layer reads: user text with the cue spans the rules set aside marked.

See :func:`model_view`. Used identically by ``train.py`` and the scorer, so the learned heads never see
text at inference in a form they were not trained on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import NEGATION_EXCEPTIONS, A
from .risk import scan_with_drops

__all__ = ["MASK_KINDS", "mask_idioms", "model_view"]

# A crisis word right after a negator, whether or not a cue matched ("i'm not suicidal", "never cut").
_NEGATED_WORD = re.compile(
    rf"\b(?:not|never|no|don{A}t|dont|won{A}t|wont|wouldn{A}t|isn{A}t|aren{A}t|wasn{A}t|didn{A}t)\s+(?:\w+\s+){{0,2}}?"
    r"(?:suicidal|suicide|kill(?:ing)? myself|hurt(?:ing)? myself|harm(?:ing)? myself|self[- ]?harm\w*|die|dying"
    r"|end(?:ing)? (?:it|my life)|cut(?:ting)?(?: myself)?|overdos\w*)\b",
    re.I,
)
MASK_KINDS: tuple[str, ...] = ("idiom", "negated", "other", "past")
_MARK = {"idiom": " , ", "negated": " qqneg ", "other": " qqother ", "past": " qqpast "}


@lru_cache(maxsize=8192)
def model_view(text: str, kinds: tuple[str, ...] = MASK_KINDS) -> str:
    """The text the learned layer reads: cue spans the rules know are not the user's current risk, marked.

    An n-gram model reads "hurt myself" in "i hurt myself at the gym" and "suicidal" in "i'm not suicidal"
    as risk; the rules know better (an accident or an idiom, a negation, someone else's words, a past
    resolved episode). Each such span is replaced by a marker token (``qqneg``, ``qqother``, ``qqpast``;
    idioms and accidents by a comma), so the model learns from what is left plus the fact that a cue was
    set aside. ``kinds`` picks which (written to ``calibration.json`` by ``train.py``, chosen by CV), and
    the same view is used in training and at inference.
    """
    hits, dropped = scan_with_drops(text)
    spans = [(s, e, k) for s, e, k in dropped if k in kinds]
    if "negated" in kinds:
        for m in _NEGATED_WORD.finditer(text):
            if not NEGATION_EXCEPTIONS.match(text[m.start() :]):
                spans.append((m.start(), m.end(), "negated"))
    if "past" in kinds:
        spans.extend((h.start, h.end, "past") for h in hits if h.past)
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


