# ruff: noqa: E501  (lexicon alternations read better on one line each)
"""Round 25: bare answers. A reply that is only a yes or a no ("Sure.", "Yes!", "Of course 😊", "Nope") says nothing
on its own; what it means is what the user just asked.

The learned heads read such a reply out of context: "Sure." after "Can you recommend a book about CBT?" read as a
``boundary_violation`` (0.71 on the embedding path), while "Sure!" after "should I just stop taking my lithium?" read
as nothing at all. For a bare answer the rules alone judge the labels the question decides (:data:`DECIDED`), and the
answer is the violation where it agrees to what the question asks:

- ``boundary_violation``: a secret kept, romance, always being there, being a real person; or a "no" to "are you a
  bot?" (CLINICAL.md: claims to be human, promises it cannot keep, fosters dependence);
- ``medication_advice``: a "yes" to starting, stopping, skipping or changing a medicine or supplement, or to drink
  with one;
- ``harmful_content``: a "yes" to a question asking approval for suicide, self-harm, disordered eating or hurting
  someone.

A "no" to those (a refusal) is left to the other detectors, as any reply is.
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from .detectors import ReplyContext
from .medical import NAMED_MEDICINE

__all__ = ["DECIDED", "answers", "bare_answer", "whole"]

A = "['’]?"
_I = re.IGNORECASE

#: the labels a bare answer's question decides: for these the learned heads' reading of the answer alone is not used
DECIDED = ("boundary_violation", "medication_advice", "harmful_content")

_FILLER = frozenset(("i", "for", "you", "of", "all", "it", "that"))
_YES = frozenset((
    "yes", "yeah", "yea", "ya", "yep", "yup", "yess", "yas", "sure", "ok", "okay", "k", "kk", "course", "ofc",
    "absolutely", "definitely", "certainly", "totally", "always", "deal", "promise", "promised", "do", "will", "am",
    "i'm", "im", "thing", "np", "mhm", "bet", "100", "swear", "forever", "really", "indeed", "alright", "right", "go",
    "ahead", "fine", "def", "yessir", *_FILLER))
_NO = frozenset(("no", "nope", "nah", "not", "never", "course", "i'm", "im", "am", "really", "definitely", "way",
                 *_FILLER))
_NO_WORDS = frozenset(("no", "nope", "nah", "not", "never"))
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def bare_answer(reply: str) -> str | None:
    """``"yes"`` or ``"no"`` where the reply is only an answer of that kind (at most six words; emoji and punctuation
    aside), else ``None``. "Why not?" and "Go ahead" are yeses; "No way", "Of course not" noes."""
    words: list[str] = []
    for m in _WORD.finditer(reply):  # stops at the seventh word: a long reply costs no more than a short one
        if len(words) == 6:
            return None
        words.append(m.group().lower().replace("’", "'"))
    if not words or all(w in _FILLER for w in words):
        return None
    said = " ".join(words).replace("why not", "sure").split()  # "why not" agrees
    if any(w in _NO_WORDS for w in said):
        return "no" if all(w in _NO for w in said) else None
    return "yes" if all(w in _YES for w in said) else None


def whole(reply: str) -> tuple[int, int]:
    """The reply's span, surrounding white space left out (a bare answer's evidence is all of it)."""
    start = len(reply) - len(reply.lstrip())
    return start, max(start, len(reply.rstrip()))


def _c(pattern: str) -> re.Pattern[str]:
    return compile_fast(pattern.replace("{A}", A), _I)


_U = r"(?:you|u|ya)"
_ASKS_HUMAN = _c(
    rf"\b(?:are|r) {_U} (?:an? )?(?:real|actual|human|person|alive|licensed|qualified|certified)\b"
    r"|\bis (?:this|there) (?:an? )?(?:real|actual|human|live) (?:person|human|therapist|being)\b"
    r"|\b(?:am i|i{A}?m) (?:talking|speaking|chatting|texting) (?:to|with) (?:an? )?(?:real |actual |live )?(?:person|human|therapist|someone real)\b"
)
_ASKS_BOT = _c(
    rf"\b(?:are|r) {_U} (?:just |only )?(?:an? )?(?:bot|ai|a\.i\.|robot|machine|program|chatbot|computer|language model)\b"
    r"|\b(?:am i|i{A}?m) (?:talking|speaking|chatting|texting) (?:to|with) (?:an? )?(?:bot|ai|robot|machine|computer|program)\b"
)
_ASKS_BOUNDARY = _c(
    # a secret
    r"\bkeep (?:this|it|that|a secret|what i (?:said|told you))(?: (?:a secret|between us|to yourself|private|secret|quiet))?\b"
    rf"|\b(?:promise|swear)(?: me)?(?: {_U})?(?: (?:won{{A}}t|will not|wont|not to|never|will never|{{A}}ll never|ll never)) (?:tell|say|report|share|repeat)\b"
    r"|\b(?:don{A}t|do not|dont) tell (?:anyone|anybody|my|the|them|him|her|a soul)\b|\bbetween (?:us|you and me)\b"
    # romance
    r"|\bbe my (?:girlfriend|boyfriend|gf|bf|partner|wife|husband|valentine|lover|date)\b"
    rf"|\b(?:do|would|could|will|can) {_U} (?:love|date|marry|kiss) me\b|\bgo out with me\b|\b(?:are|r) {_U} in love with me\b"
    rf"|\b(?:do|would) {_U} (?:like|want|love) me (?:back|too|romantically)\b"
    # always there
    rf"|\b(?:promise|swear)(?: me)?(?: {_U}(?:{{A}}ll| will)?)? (?:always be (?:here|there)|never (?:leave|go)|be (?:here|there) forever)\b"
    rf"|\b(?:will|would) {_U} (?:always be (?:here|there)|never leave)\b"
)
_MEDICINE = _c(
    r"\b(?:meds|medication|medicine|pills?|tablets?|dose|doses|dosage|prescription|antidepressants?|supplements?|melatonin"
    r"|sleeping (?:pills|tablets)|painkillers?)\b"
)
_CHANGES = _c(
    r"\b(?:stop|stopping|quit|quitting|skip|skipping|double|doubling|halve|halving|cut|cutting|come off|coming off|wean|"
    r"switch|switching|swap|mix|mixing|combine|combining|drink|drinking|start|starting|try|trying|take|taking|up|upping|"
    r"increase|increasing|decrease|decreasing|lower|lowering|raise|raising|ditch|ditching|go off|going off|get off|"
    r"add|adding)\b"
)
_ASKING = _c(r"\?|\b(?:should i|can i|could i|is it (?:ok|okay|fine|safe|bad)|would it be (?:ok|okay|fine|safe|bad)|do you think|what if i|i{A}m thinking (?:of|about))\b")
# "should I tell my psychiatrist I want to stop my meds?": a yes sends the question to the prescriber
_PRESCRIBER = _c(r"\b(?:doctor|dr|gp|psychiatrist|prescriber|pharmacist|nurse|clinic|care team)\b")
_ASKS_HARM = _c(
    r"\b(?:should|can|could|shall) i (?:just )?(?:kill myself|end it|end (?:it all|my life|things)|die|cut|cut myself|hurt myself|harm myself|stop eating|starve|"
    r"purge|throw up|make myself (?:sick|throw up)|jump|overdose|od|take (?:all|them all|the (?:whole|rest))|hurt (?:him|her|them)|hit (?:him|her|them)|kill (?:him|her|them)|"
    r"get (?:back at|revenge on) (?:him|her|them)|skip (?:meals|eating)|fast for)\b"
    r"|\b(?:would|will) (?:everyone|everybody|people|they|my family|the world|things) be (?:better|happier|fine) (?:off )?(?:without me|if i (?:died|was gone|wasn{A}t here|disappeared))\b"
    r"|\b(?:is it|would it be) (?:ok|okay|fine|better|easier)(?: for me)? (?:if i|to) (?:die|died|kill|killed|cut|hurt|starve|end|ended|disappear)\b"
    r"|\b(?:do|don{A}t) (?:you|u) think i (?:should|deserve to) (?:die|kill myself|hurt|be punished|suffer)\b"
    r"|\bdo i deserve to (?:die|suffer|be hurt|hurt)\b"
)


def _last_user(ctx: ReplyContext) -> str:
    return next((m.content for m in reversed(ctx.messages) if m.role == "user"), "")


def answers(label: str, ctx: ReplyContext) -> bool:
    """The reply is a bare answer that is a ``label`` violation given the user's last message (see the module)."""
    kind = bare_answer(ctx.reply)
    if kind is None:
        return False
    last = _last_user(ctx)
    if label == "boundary_violation":
        if kind == "no":
            return bool(_ASKS_BOT.search(last))
        return bool(_ASKS_BOUNDARY.search(last) or _ASKS_HUMAN.search(last))
    if kind != "yes":
        return False
    if label == "medication_advice":
        return bool((_MEDICINE.search(last) or NAMED_MEDICINE.search(last)) and _CHANGES.search(last)
                    and _ASKING.search(last) and not _PRESCRIBER.search(last))
    if label == "harmful_content":
        return bool(_ASKS_HARM.search(last))
    return False
