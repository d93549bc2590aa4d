"""What the learned layer reads: user text with the cue spans the rules set aside marked.

See :func:`model_view`. Used identically by ``train.py`` and the scorer, so the learned heads never see
text at inference in a form they were not trained on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ._regex import compile_fast
from .learned import normalise
from .lexicon import NEGATION_EXCEPTIONS, A
from .lexicon_meds import medication_spans, medication_vetoed
from .risk import Hit, clarifies, scan_with_drops

__all__ = ["MASK_KINDS", "QUOTE_ELLIPSIS", "QUOTE_MARK", "VIEW_KINDS", "conversation_view", "mask_idioms", "model_view",
           "quote_spans",
           "quote_view"]

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
def model_view(text: str, kinds: tuple[str, ...] = MASK_KINDS, *, ordinary_meds: bool = True) -> str:
    """The text the learned layer reads: cue spans the rules know are not the user's current risk, marked.

    An n-gram model reads "hurt myself" in "i hurt myself at the gym" and "suicidal" in "i'm not suicidal"
    as risk; the rules know better (an accident or an idiom, a negation, someone else's words, a past
    resolved episode, an ordinary reading such as "the last time I lend him money"). Each such span is replaced
    by a marker token (``qqneg``, ``qqother``, ``qqpast``, ``qqbenign``;
    idioms and accidents by a comma), so the model learns from what is left plus the fact that a cue was
    set aside. ``kinds`` picks which (written to ``calibration.json`` by ``train.py``, chosen by CV), and
    the same view is used in training and at inference. ``ordinary_meds=False`` keeps an ordinary medication
    question visible (``conversation_view`` passes it in a conversation with current risk content).
    """
    hits, dropped = scan_with_drops(text)
    spans = [(s, e, k) for s, e, k in dropped if k in kinds]
    if not ordinary_meds:
        meds = set(medication_spans(text))
        spans = [sp for sp in spans if sp[2] != "benign" or (sp[0], sp[1]) not in meds]
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




def _current_cue(text: str) -> bool:
    """Whether ``text`` holds a current rule cue other than a medicine named inside its own ordinary medication
    question ("the children's paracetamol at the dose on the box" is that question, not a means)."""
    hits = [h for h in scan_with_drops(text)[0] if not h.past]
    if not hits:
        return False
    spans = medication_spans(text)
    return any(h.kind != "method" or not any(s <= h.start and h.end <= e for s, e in spans) for h in hits)


def conversation_view(users: Sequence[str], kinds: tuple[str, ...] = MASK_KINDS) -> list[str]:
    """:func:`model_view` of each user message, and with ``"clarified"`` in ``kinds`` the messages a later one
    corrects as misread ("think im finally ending it tonight" ... "my twitch stream lol, sorry that sounded
    dark") replaced by a marker, exactly where the rules tracker voids their cues (``risk.clarifies``).
    """
    # An ordinary medication question reads as such only in a conversation with no current risk cue and no
    # means-seeking or crisis wording (lexicon_meds.medication_vetoed) in any message: after "i want to die" or
    # "how long does paracetamol take to... never mind", "can i take sertraline with alcohol" stays visible.
    meds = not any(medication_vetoed(u) or _current_cue(u) for u in users)
    out = [model_view(u, kinds, ordinary_meds=meds) for u in users]
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


# -- the reply's view: the client's own words, quoted back -------------------------------------------------

#: what a reply's quotation of the client's own words is replaced by (:func:`quote_view`): a marker token
#: for the n-gram heads, an ellipsis for the sentence encoder (which reads a marker as a word)
QUOTE_MARK = " qqquote "
QUOTE_ELLIPSIS = " ... "
# A quoted span: double or curly quotes, or single quotes that open after a non-word and close before one
# (so "don't" and "the kids' toys" open nothing).
_QUOTED = re.compile(
    r'"([^"\n]{1,300})"|“([^”\n]{1,300})”|‘([^’\n]{1,300})’(?!\w)'
    r"|(?<![\w'’])'(?=\w)([^'\n]{0,300}?(?:\w'\w[^'\n]{0,300}?)*)(?<=[\w.!?,])'(?![\w'’])"
)
# A reflection that attributes the words that follow to the client ("you said you feel useless", "when you
# say nobody cares", "it sounds like you feel useless"); what follows is masked only as far as it is the
# client's own words (_own_run).
_LEAD = re.compile(
    rf"\byou (?:just |also |even |once )?(?:said|mentioned|told me|wrote|described(?: yourself as)?|called yourself"
    rf"|keep saying|kept saying|are saying|were saying|put it)|\b(?:when|what|if|as) you (?:say|said)"
    rf"|\byou{A}re saying|\byou{A}ve (?:said|mentioned|described)"
    rf"|\bthe (?:word|words|phrase|thought|belief|idea|voice|story)(?: that)?"
    # a paraphrased reflection ("so it sounds like you need to fix this", "what I'm hearing is you feel useless"):
    # the same echo as "you said", so a directive or self-criticism in it is the client's, not the reply's
    rf"|\b(?:it )?sounds (?:like|as if|as though)|\bwhat I{A}m hearing is|\bI{A}m hearing(?: that)?",
    re.I,
)
_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
# Pronouns swap in a reflection ("i" -> "you"), and function words say nothing about whose words these are.
_FUNCTION_WORDS = """
    i im ive id ill me my mine myself you youre youve youd youll your yours yourself we us our he she they them
    him her his hers their it its a an the and or of to in on at for with about from by as that this these those
    is am are was were be been being do does did dont doesnt didnt have has had having will would can could
    should shall may might must not no just so really very too all some any such what when than then there here
"""
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
_CLAUSE_STOP = re.compile(r"[.!?;:\n()\[\]—–]|\s-\s")


def _key(word: str) -> str:
    w = normalise(word)
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


@lru_cache(maxsize=4096)
def _own_words(text: str) -> frozenset[str]:
    return frozenset(k for k in map(_key, _WORD_RE.findall(text)) if k not in _FUNCTION)


def _quote_is_theirs(inner: str, theirs: frozenset[str]) -> bool:
    """Every content word of the quote is the client's (one in five may differ: a trimmed or tidied echo)."""
    words = [k for k in map(_key, _WORD_RE.findall(inner)) if k not in _FUNCTION]
    missing = sum(w not in theirs for w in words)
    return bool(words) and missing < len(words) and missing <= len(words) // 5


def _own_run(reply: str, start: int, theirs: frozenset[str]) -> int:
    """Where the client's own words that follow a reflection's lead end: the longest run of their content
    words and function words within the clause, ending on a content word of theirs (``start`` if none). An
    "and", "or" or a comma continues it only before another word of theirs (a list: "tired, sad and empty"),
    so "you said you're lazy, and you are" stops at "lazy"."""
    stop = _CLAUSE_STOP.search(reply, start)
    limit = stop.start() if stop else len(reply)
    words = list(_WORD_RE.finditer(reply, start, limit))
    end = start
    for i, m in enumerate(words):
        k = _key(m.group())
        nxt = _key(words[i + 1].group()) if i + 1 < len(words) else ""
        joins = nxt in theirs and nxt not in _FUNCTION
        if k in ("and", "or") and not joins:
            break
        if k in theirs:
            end = m.end()
        elif k not in _FUNCTION:
            break
        if "," in reply[m.end() : words[i + 1].start() if i + 1 < len(words) else limit] and not joins:
            break
    return end


def quote_spans(reply: str, users: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where the reply quotes or reflects back the client's own words (:func:`quote_view`), sorted, possibly
    overlapping. Cached: one turn asks three times (the embedding's prefetch, the reply heads, the rules)."""
    return _quote_spans(reply, tuple(users))


@lru_cache(maxsize=1024)
def _quote_spans(reply: str, users: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    if not users:
        return ()
    theirs = frozenset().union(*(_own_words(u) for u in users))
    if not theirs:
        return ()
    spans = []
    for m in _QUOTED.finditer(reply):
        inner = next(g for g in m.groups() if g is not None)
        if _quote_is_theirs(inner, theirs):
            spans.append((m.start(), m.end()))
    for m in _LEAD.finditer(reply):
        end = _own_run(reply, m.end(), theirs)
        if end > m.end():
            spans.append((m.end(), end))
    return tuple(sorted(spans))


def quote_view(reply: str, users: Sequence[str], mark: str = QUOTE_MARK) -> str:
    """The reply with the client's own words it quotes or reflects back replaced by ``mark`` (``qqquote``).

    Quoting the client ('You said: "I feel like a failure at work"', 'when you say nobody would notice')
    is good practice, but an n-gram head reads "failure" in it as the reply's own judgement. A quoted span
    whose content words are the client's (from any earlier user message, pronouns aside), and the client's
    words that follow a reflection's lead ("you said", "when you say", "the thought"), are marked, so the
    reply heads learn from what the reply itself says plus the fact that it quoted. A judgement around the
    quote stays visible ('You said "I'm lazy" and honestly you are'). Used identically in training and
    inference (``train.examples``, ``scorer.reply_probs``), as :func:`model_view` is for user text.
    """
    spans = quote_spans(reply, users)
    if not spans:
        return reply
    out, last = [], 0
    for s, e in spans:
        if s < last:
            last = max(last, e)
            continue
        out += [reply[last:s], mark]
        last = e
    out.append(reply[last:])
    return "".join(out)
