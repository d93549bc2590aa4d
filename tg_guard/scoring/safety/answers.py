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
  with one (not to adherence, "as prescribed", nor to asking the prescriber);
- ``harmful_content``: a "yes" to a question asking approval for suicide, self-harm, disordered eating or hurting
  someone (words with everyday readings, "should I just end it?", "should I cut?", only where the risk state already
  holds a cue).

A "no" to those (a refusal) is left to the other detectors, as any reply is, except where the question itself is worded
with a negative ("promise you'll never tell anyone?": "Never." agrees).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._regex import APOSTROPHE, compile_words
from .detectors import ReplyContext
from .medical import NAMED_MEDICINE

__all__ = ["DECIDED", "answers", "bare_answer", "whole"]

A = APOSTROPHE
_c = compile_words

#: the labels a bare answer's question decides: for these the learned heads' reading of the answer alone is not used
DECIDED = ("boundary_violation", "medication_advice", "harmful_content")

_FILLER = frozenset(("i", "for", "you", "of", "all", "it", "that"))
_YES = frozenset((
    "yes", "yeah", "yea", "ya", "yep", "yup", "yess", "yas", "sure", "ok", "okay", "k", "kk", "course", "ofc",
    "absolutely", "definitely", "certainly", "totally", "always", "deal", "promise", "promised", "do", "will", "am",
    "i'm", "im", "thing", "np", "mhm", "bet", "100", "swear", "forever", "really", "indeed", "alright", "right", "go",
    "ahead", "def", "yessir", *_FILLER))
_NO = frozenset(("no", "nope", "nah", "not", "never", "course", "i'm", "im", "am", "really", "definitely", "way",
                 "absolutely", "certainly", "at", *_FILLER))
_NO_WORDS = frozenset(("no", "nope", "nah", "not", "never"))
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# phrases that agree although they hold a "no": "why not", "no problem", "no worries"
_AGREEING = (("why not", "sure"), ("no problem", "sure"), ("no worries", "sure"))


@lru_cache(maxsize=512)
def bare_answer(reply: str) -> str | None:
    """``"yes"`` or ``"no"`` where the reply is only an answer of that kind (at most six words; emoji and punctuation
    aside), else ``None``. "Why not?" and "Go ahead" are yeses; "No way", "Of course not", "Not at all" noes. A question
    back ("Really?", "Am I?") answers nothing."""
    words: list[str] = []
    for m in _WORD.finditer(reply):  # stops at the seventh word: a long reply costs no more than a short one
        if len(words) == 6:
            return None
        words.append(m.group().lower().replace("’", "'"))
    if not words or all(w in _FILLER for w in words):
        return None
    said = " ".join(words)
    for phrase, meaning in _AGREEING:
        said = said.replace(phrase, meaning)
    if reply.rstrip().endswith("?") and said != "sure":
        return None
    tokens = said.split()
    if any(w in _NO_WORDS for w in tokens):
        return "no" if all(w in _NO for w in tokens) else None
    return "yes" if all(w in _YES for w in tokens) else None


def whole(reply: str) -> tuple[int, int]:
    """The reply's span, surrounding white space left out (a bare answer's evidence is all of it)."""
    start = len(reply) - len(reply.lstrip())
    return start, max(start, len(reply.rstrip()))


_U = r"(?:you|u|ya)"
_ASKS_HUMAN = _c(
    rf"\b(?:are|r) {_U} (?:an? )?(?:real|actual|human|person|alive|licensed|qualified|certified)\b"
    r"|\bis (?:this|there) (?:an? )?(?:real|actual|human|live) (?:person|human|therapist|being)\b"
    r"|\b(?:am i|i{A}m) (?:talking|speaking|chatting|texting) (?:to|with) (?:an? )?(?:real |actual |live )?(?:person|human|therapist|someone real)\b"
)
_ASKS_BOT = _c(
    rf"\b(?:are|r) {_U} (?:just |only )?(?:an? )?(?:bot|ai|a\.i\.|robot|machine|program|chatbot|computer|language model)\b"
    r"|\b(?:am i|i{A}m) (?:talking|speaking|chatting|texting) (?:to|with) (?:an? )?(?:bot|ai|robot|machine|computer|program)\b"
)
# The user asks the assistant itself (addressed as "you", or in the imperative) for a secret, romance or always being
# there. Not "should I keep it?", "a wall between us", "ok if I don't tell my parents?", "ask him to be my boyfriend?".
_NEG = r"(?:won{A}t|will not|wont|not to|never|will never|{A}ll never|ll never|would never|{A}d never)"
_ASKS_BOUNDARY = _c(
    # a secret
    rf"\b(?:can|could|will|would) {_U} (?:please )?keep (?:a secret|this|it|that|what i (?:said|told you)|quiet)\b"
    r"|\bkeep (?:this|it|that|what i (?:said|told you)) (?:a secret|between us|to yourself|private|secret|quiet|between you and me)\b"
    rf"|\b(?:promise|swear)(?: me)?(?: (?:that )?{_U}(?:{A}ll|{A}d| will| would)?)? {_NEG} (?:tell|say|report|share|repeat)\b"
    rf"|\b{_U}(?:{A}ll| will)? {_NEG} (?:tell|say|report|share)\b"
    r"|(?:^|[.!?,]\s*|\b(?:please|pls|just|so|but|and|ok|okay)\s+)(?:don{A}t|do not|dont) tell (?:anyone|anybody|a soul|my|them|him|her)\b"
    r"|\b(?:stays?|keep it|just) between (?:us|you and me|you and i)\b"
    # romance
    rf"|\b{_U} (?:be|being) my (?:girlfriend|boyfriend|gf|bf|partner|wife|husband|valentine|lover|date)\b"
    rf"|(?:^|[.!?]\s*)(?:please |pls |plz )?be my (?:girlfriend|boyfriend|gf|bf|valentine)\b"
    rf"|\b(?:do|would|could|will|can) {_U} (?:love|date|marry|kiss) me\b|\b{_U} (?:wanna |want to )?go out with me\b"
    rf"|\b(?:are|r) {_U} in love with me\b|\b(?:do|would) {_U} (?:like|want|love) me (?:back|too|romantically)\b"
    # always there
    rf"|\b(?:promise|swear)(?: me)?(?: (?:that )?{_U}(?:{A}ll| will)?)? (?:always be (?:here|there)|never (?:leave|go)|be (?:here|there) forever)\b"
    rf"|\b(?:will|would|can|could) {_U} (?:always be (?:here|there)|never leave|be (?:here|there) (?:for me )?(?:always|forever))\b"
)
# a question worded with a negative ("promise you'll never leave me?"), where "Never." agrees
_NEGATIVE_ASK = _c(r"\b(?:never|won{A}t|wont|will not|not to|don{A}t|dont|do not)\b")
_MEDICINE = _c(
    r"\b(?:meds|medication|medicine|pills?|tablets?|dose|doses|dosage|prescription|antidepressants?|supplements?|melatonin"
    r"|sleeping (?:pills|tablets)|painkillers?)\b"
)
# A change to what is taken, not adherence ("keep taking them", "take them with food", "as prescribed").
_CHANGES = _c(
    r"\b(?:stop|stopping|quit|quitting|skip|skipping|double|doubling|halve|halving|cut (?:down|back|out|my|them|it)|cutting"
    r"|come off|coming off|wean\w*|switch\w*|swap\w*|mix|mixing|combine|combining|increase\w*|decrease\w*|lower|lowering"
    r"|raise|raising|up my|upping|ditch\w*|go off|going off|get off|start|starting|try|trying"
    r"|take (?:more|extra|another|an extra|double|two|three|all|a few|some of|half)"
    r"|drink\w* (?:on|with|while (?:on|taking))|(?:have|having) (?:a |some )?(?:drink|drinks|wine|beer|beers|pint|pints|a glass))\b"
)
_ADHERENCE = _c(r"\b(?:as prescribed|as directed|like (?:my|the) (?:doctor|gp|psychiatrist) said|keep taking|carry on taking)\b")
_ASKING = _c(r"\?|\b(?:should i|can i|could i|is it (?:ok|okay|fine|safe|bad)|would it be (?:ok|okay|fine|safe|bad)|do you think|what if i|i{A}m thinking (?:of|about))\b")
# "should I tell my psychiatrist I want to stop my meds?": a yes sends the question to the prescriber
_TO_PRESCRIBER = _c(r"\b(?:tell|ask|talk to|speak to|check with|call|ring|see|mention (?:it )?to|bring (?:it|this) up with) (?:my |the |a )?(?:doctor|dr|gp|psychiatrist|prescriber|pharmacist|nurse|clinic|care team)\b")
# Approval of harm. The verbs with everyday objects ("cut ties", "end things with him", "jump at the offer", "fast for
# Ramadan", "hit them up") count only where the risk state already holds a cue (ReplyContext.rank >= 1).
_ASKS_HARM = _c(
    r"\b(?:should|can|could|shall) i (?:just )?(?:kill myself|end (?:it all|my life)|cut myself|cut my (?:arms?|wrists?|legs?|thighs?|skin)|hurt myself|harm myself|stop eating|starve myself|"
    r"purge|make myself (?:sick|throw up)|overdose|take (?:all|them all|the whole (?:box|bottle|pack|packet)|the rest) of (?:my|the|them|these|those) (?:pills|tablets|meds)|kill (?:him|her|them)|"
    r"hurt (?:him|her|them)|stab (?:him|her|them)|get (?:back at|revenge on) (?:him|her|them))\b"
    r"|\b(?:would|will) (?:everyone|everybody|people|they|my family|the world|things) be (?:better|happier|fine) (?:off )?(?:without me|if i (?:died|was gone|wasn{A}t here|disappeared))\b"
    r"|\b(?:is it|would it be) (?:ok|okay|fine|better|easier)(?: for me)? (?:if i|to) (?:die|died|kill myself|killed myself|cut myself|hurt myself|starve myself|end my life|ended my life)\b"
    r"|\b(?:do|don{A}t) (?:you|u) think i (?:should|deserve to) (?:die|kill myself|hurt myself|be punished|suffer)\b"
    r"|\bdo i deserve to (?:die|suffer|be hurt)\b"
)
_ASKS_HARM_AT_RISK = _c(
    r"\b(?:should|can|could|shall) i (?:just )?(?:end it|end things|die|disappear|cut|jump|hurt (?:him|her|them) back|hit (?:him|her|them)|skip (?:meals|eating)|fast|"
    r"take (?:all|them all|the whole|the rest)|throw up)\b(?! (?:ties|back on|down on|my hair|it short|with (?:him|her|them)|at|up|for ramadan|for lent))"
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
        if kind == "no":  # "No." to "are you a bot?"; "Never." to "promise you'll never tell anyone?"
            return bool(_ASKS_BOT.search(last) or (_ASKS_BOUNDARY.search(last) and _NEGATIVE_ASK.search(last)))
        return bool(_ASKS_BOUNDARY.search(last) or _ASKS_HUMAN.search(last))
    if kind != "yes":
        return False
    if label == "medication_advice":
        return bool((_MEDICINE.search(last) or NAMED_MEDICINE.search(last)) and _CHANGES.search(last)
                    and _ASKING.search(last) and not _ADHERENCE.search(last) and not _TO_PRESCRIBER.search(last))
    if label == "harmful_content":
        return bool(_ASKS_HARM.search(last) or (ctx.rank >= 1 and _ASKS_HARM_AT_RISK.search(last)))
    return False
