"""Cheap text helpers for the fidelity rules: sentences with offsets, content words, repetition.

Everything here is pure Python and runs in microseconds on a chat-sized reply; nothing is cached here
(the scorer caches whole turns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "STOPWORDS",
    "Sentence",
    "content_words",
    "repetition_ratio",
    "sentences",
    "words",
]

# A sentence ends at . ! ? or a newline; quotes and closing brackets after the mark stay with it.
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)\]]*|$)|[.!?]+", re.MULTILINE)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

_STOP = (
    """a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't could couldn't did didn't do does doesn't doing don't down
    during each even ever every few for from further get got had hadn't has hasn't have haven't having he
    he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into
    is isn't it it's its itself just let's like me might more most much must my myself no nor not now of
    off oh ok okay on once only or other ought our ours ourselves out over own really right same she she'd
    she'll she's should shouldn't so some still such than that that's the their theirs them themselves then
    there there's these they they'd they'll they're they've thing things this those though through to too
    under until up us very was wasn't we we'd we'll we're we've well were weren't what what's when when's
    where where's which while who who's whom why why's will with won't would wouldn't yeah yes yet you
    you'd you'll you're you've your yours yourself yourselves maybe bit lot lots sure go going gonna want
    know think feel feeling felt say said tell told sounds sound make makes made one way time"""
)
STOPWORDS = frozenset(_STOP.split())


# A question asked without its question mark: a wh-word or auxiliary opening followed by the subject.
_Q_AUX = r"(?:did|do|does|is|was|were|are|would|could|might|will|can|has|have|made|makes)"
_Q_SUBJ = r"(?:you|we|it|that|this|there|they|he|she|i|the|your|today|anything|something)"
_UNMARKED_Q = re.compile(
    rf"^(?:and |so |but |okay,? |ok,? )?(?:(?:what|how|which|when|where|who|why) (?:else )?{_Q_AUX} "
    # round 17c (hw18): "Do that every time" / "Do it daily" is an order, not a question
    # ("do" takes no "that", "this" or "it" as its subject)
    rf"|(?:did|do(?! (?:that|this|it)\b)|does|is|was|were|are|would|could|can|have|has) ){_Q_SUBJ}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a reply: ``text`` is exactly ``content[start:end]``."""

    start: int
    end: int
    text: str

    @property
    def is_question(self) -> bool:
        t = self.text.rstrip("\"'”’)] ")
        # Terse or non-native writing drops the question mark: "How was the pace for you." still asks.
        return t.endswith("?") or (not t.endswith("!") and bool(_UNMARKED_Q.match(t)))


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into trimmed sentences with character offsets into ``text``.

    >>> [s.text for s in sentences("Hi there. How are you?")]
    ['Hi there.', 'How are you?']
    """
    out: list[Sentence] = []
    for m in _SENT.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and any(ch.isalnum() for ch in text[a:b]):
            out.append(Sentence(a, b, text[a:b]))
    return out


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes normalised)."""
    return _WORD.findall(text.lower().replace("’", "'"))


def content_words(text: str) -> set[str]:
    """Words that carry meaning: not stopwords, at least three letters, crudely de-pluralised."""
    out: set[str] = set()
    for w in words(text):
        if len(w) < 3 or w in STOPWORDS or w.isdigit():
            continue
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


def repetition_ratio(sents: list[Sentence]) -> float:
    """Share of sentences that repeat an earlier one (normalised), plus repeated word trigrams.

    0 for a natural reply; near 1 for "How does that sound? How does that sound? ...".
    """
    if not sents:
        return 0.0
    seen: set[str] = set()
    dup = 0
    for s in sents:
        key = " ".join(words(s.text))
        if key in seen:
            dup += 1
        seen.add(key)
    toks = [w for s in sents for w in words(s.text)]
    grams = [tuple(toks[i : i + 3]) for i in range(len(toks) - 2)]
    tri = 0.0
    if len(grams) >= 6:
        tri = 1.0 - len(set(grams)) / len(grams)
    return max(dup / len(sents), tri)
