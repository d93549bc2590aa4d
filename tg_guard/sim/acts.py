"""What the therapist just did, in a few explainable rules: the scripted patient reacts to these acts.

Each act is a small set of regular expressions over the therapist's last message; :func:`detect_acts`
returns the acts found and, for each, the phrase that matched, so a surprising reaction can be traced
to the words that caused it. The rules are deliberately simple: they decide how a *simulated* patient
answers, not how a therapist is scored (that is :mod:`tg_guard.scoring.fidelity`).

>>> sorted(detect_acts("What went through your mind when she said that?").acts)
['asks_thought', 'open_question', 'question']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ACT_PATTERNS", "Acts", "asks_about", "detect_acts"]


def _rx(*alts: str) -> re.Pattern[str]:
    body = "|".join(f"(?:{a})" for a in alts).replace("'", "['’]")
    return re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)


ACT_PATTERNS: dict[str, re.Pattern[str]] = {
    # Eliciting automatic thoughts: the core Socratic move of CBT.
    "asks_thought": _rx(
        r"what (?:went|was going|goes|is going|runs|ran) through your (?:mind|head)",
        r"what (?:were|are) you (?:thinking|telling yourself|saying to yourself)",
        r"what (?:did|do) you (?:tell|say to) yourself",
        r"what thoughts?\b",
        r"what (?:was|is) the thought",
        r"what (?:did|does) (?:your|that) (?:mind|inner voice|critic)",
        r"what (?:was|is) in your head",
        r"what did you (?:think|make of it|assume)",
        r"what do you (?:think|predict) (?:will|would) happen",
    ),
    # The downward arrow: from a thought to the belief beneath it.
    "probes_meaning": _rx(
        r"what (?:would|does|did|might) (?:that|this|it) (?:mean|say) (?:about|for|to) you",
        r"what (?:would|does) (?:that|it) mean(?: if)?",
        r"if that (?:were|was) true,? what",
        r"what'?s the worst (?:part|that could)",
        r"what does (?:that|it) say about",
        r"what (?:rule|belief) ",
        r"what do you believe about yourself",
    ),
    "examines_evidence": _rx(
        r"what'?s the evidence",
        r"evidence (?:for|against|that)",
        r"how (?:do|did) you know",
        r"what makes you (?:think|sure|so sure)",
        r"is there (?:another|a different|any other) (?:way|explanation|view)",
        r"what would you (?:tell|say to) a friend",
        r"how (?:likely|true) (?:is|does)",
        r"(?:times|moments) when (?:that|it) (?:wasn'?t|didn'?t|hasn'?t)",
        r"look at (?:that|the) thought",
        r"thought record",
        r"(?:for|against) (?:that|the|this) thought",
        r"another way (?:to|of) (?:see|look)",
    ),
    "asks_emotion": _rx(
        r"how (?:did|do|does|are|were) (?:that|this|it|you) (?:make you )?feel",
        r"what (?:did|do) you feel",
        r"what (?:emotions?|feelings?)",
        r"how are you feeling",
        r"how (?:upset|anxious|sad|angry) ",
    ),
    "asks_behaviour": _rx(
        r"what did you do",
        r"what do you (?:usually |tend to )?do (?:when|then|after)",
        r"how did you (?:react|respond|cope)",
        r"what happened (?:next|then|after)",
        r"what have you (?:tried|been doing)",
        r"how do you (?:cope|deal|handle)",
    ),
    # Asking directly about suicide, self-harm or safety.
    "asks_safety": _rx(
        r"suicid\w*",
        r"kill(?:ing)? yourself",
        r"end(?:ing)? your (?:own )?life",
        r"take your (?:own )?life",
        r"(?:hurt|hurting|harm|harming) yourself",
        r"self-?harm",
        r"are you (?:feeling )?safe",
        r"safe (?:right now|tonight|at the moment|where you are)",
        r"thoughts? (?:of|about) (?:dying|death|not (?:being|wanting))",
        r"(?:wish|wishing) (?:you were|to be) dead",
        r"not (?:wanting|want) to (?:be here|live|wake up)",
        r"a plan to",
        r"thoughts? of ending",
    ),
    "asks_reasons": _rx(
        r"what (?:keeps|has kept|is keeping) you (?:going|here|safe)",
        r"reasons? (?:to|for) (?:live|living|stay)",
        r"what (?:matters|gets you through)",
    ),
    "sets_agenda": _rx(
        r"agenda",
        r"what would you like to (?:focus|work|talk) on",
        r"(?:focus|work) on today",
        r"what (?:should|shall) we (?:focus|work|start)",
        r"for today'?s session",
        r"what do you want to get out of",
    ),
    "assigns_homework": _rx(
        r"homework",
        r"between (?:now and|sessions)",
        r"before (?:we (?:meet|talk)|next (?:time|session))",
        r"this (?:coming )?week,? (?:could|would|you might|try)",
        r"(?:try|practi[cs]e) (?:it|this|that) (?:this week|each day|daily)",
        r"over the (?:next|coming) (?:few days|week)",
    ),
    "asks_feedback": _rx(
        r"how (?:is|was) (?:this|that|today|the session) (?:for you|landing|going)",
        r"how does (?:that|this) (?:sit|land|sound)",
        r"does (?:that|this) (?:make sense|fit|feel right|seem)",
        r"did i (?:get|understand)",
        r"have i (?:got|understood)",
        r"anything i (?:missed|got wrong)",
        r"what are you taking away",
    ),
    "validates": _rx(
        r"(?:that|it) (?:sounds|must (?:be|have been)|seems) (?:\w+ )?"
        r"(?:hard|painful|exhausting|tough|lonely|scary|awful|heavy|overwhelming|frightening|difficult)",
        r"makes (?:a lot of |complete |total )?sense",
        r"i can (?:hear|see|imagine) (?:how|why|that)",
        r"(?:thank you|thanks) for (?:telling|sharing|trusting)",
        r"i'?m (?:so |really )?(?:sorry|glad you)",
        r"it sounds like",
        r"understandable",
    ),
    "lectures": _rx(
        r"you (?:should|must|need to|have to|ought to)\b",
        r"it'?s (?:important|essential|crucial) (?:to|that)",
        r"make sure (?:you|to)",
        r"remember (?:that|to)",
        r"the key is",
        r"studies show",
        r"research shows",
        r"(?:simply|just) (?:try|stop|do|go|get|relax|breathe)",
        r"(?:try|start) to (?:think|be|stay|focus)",
    ),
    "reassures": _rx(
        r"everything (?:will|is going to) be (?:ok|okay|fine|alright|all right)",
        r"don'?t worry",
        r"(?:it'?ll|it will|things will) (?:all )?(?:be|get) (?:ok|okay|fine|better|alright)",
        r"stay positive",
        r"you'?ve got this",
        r"look on the bright side",
        r"(?:think|be) positive",
        r"you'?re (?:stronger|doing great)",
        r"i'?m sure (?:it|you|things)",
    ),
    "changes_subject": _rx(
        r"(?:anyway|moving on|on another note|let'?s (?:talk about|switch to|move on))",
        r"changing the subject",
    ),
}

_OPEN = re.compile(
    r"(?:^|[.!?]\s+|,\s*)(?:so,?\s+)?(?:what|how|why|when|where|which|who|tell me|could you (?:tell|say|describe|walk)"
    r"|can you (?:tell|say|describe|walk)|would you (?:tell|say|describe)|describe|walk me through|i'?m curious)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Acts:
    """The acts found in one therapist message, with the phrase that matched each."""

    acts: frozenset[str]
    evidence: dict[str, str] = field(default_factory=dict)

    def __contains__(self, act: object) -> bool:
        return act in self.acts


def _questions(text: str) -> list[str]:
    # A question is the sentence that ends in "?"; "tell me ..." requests count as questions too.
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    return [p for p in parts if p.endswith("?") or re.match(r"(?:tell me|walk me through|describe)\b", p, re.I)]


def detect_acts(text: str) -> Acts:
    """The acts in a therapist message. ``lectures`` only counts when the message asks nothing."""
    found: dict[str, str] = {}
    questions = _questions(text)
    if questions:
        found["question"] = questions[0]
        opens = [q for q in questions if _OPEN.search(q)]
        if opens:
            found["open_question"] = opens[0]
    for name, rx in ACT_PATTERNS.items():
        # Question-type acts must sit in a question; the rest may appear anywhere in the message.
        scope = " ".join(questions) if name.startswith("asks_") or name in ("probes_meaning",) else text
        m = rx.search(scope)
        if m:
            found[name] = m.group(0)
    if "lectures" in found and "question" in found:
        del found["lectures"]
    return Acts(frozenset(found), found)


def asks_about(text: str, keywords: tuple[str, ...]) -> tuple[bool, bool]:
    """``(asked, asked_well)``: whether a question mentions one of ``keywords``, and whether it is open."""
    for q in _questions(text):
        low = q.lower()
        if any(re.search(rf"(?<!\w){re.escape(k)}", low) for k in keywords):
            return True, bool(_OPEN.search(q))
    return False, False
