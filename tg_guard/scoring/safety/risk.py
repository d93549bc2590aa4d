"""The conversation-level risk tracker: cues per user message, combined across the whole conversation.

Why a tracker and not a per-message classifier: a disclosure is often split ("i have the pills" ...
"tonight"), retracted ("jk", "forget it") or buried in a long message, and CLINICAL.md defines the level
as the worst *unresolved* state so far. Only a credible answer to the assistant's direct safety check
lowers it, by one level per check.

>>> from tg_guard.models import Message
>>> RiskTracker().assess([Message(role="user", content="i want to die")]).level
'moderate'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ...clinical import RISK_CATEGORIES, RISK_LEVELS, RiskCategory, RiskLevel, risk_rank
from ...models import Evidence, Message, RiskAssessment
from ._regex import compile_fast
from ._text import clause_bounds, find_all, preceding_words, sentence_of
from .lexicon import (
    ANNIVERSARY,
    ANNIVERSARY_VETO,
    CUES,
    CURRENT,
    IDIOMS,
    NEGATION_EXCEPTIONS,
    NEGATORS,
    PAST,
    A,
    Cue,
    Kind,
)
from .lexicon_acts import ACT_CUES
from .lexicon_disclosures import DISCLOSURE_CUES, NO_FAREWELL_READING
from .lexicon_extra import (
    ACCIDENT_CONTEXT,
    EXTRA_CUES,
    ON_PURPOSE,
    ORDINARY_FAREWELL,
    SELF_ACCIDENT,
    SELF_ACCIDENT_VETO,
)
from .lexicon_final import FINAL_CONTEXT_DROPS, FINAL_CONTEXT_NEEDS, FINAL_CUES
from .lexicon_frames import (
    BENIGN_READINGS,
    CASE_FINE,
    CASE_OWN,
    CASE_SAFE,
    FRAME_CONTEXT_DROPS,
    FRAME_CUES,
    MESSAGE_CONTEXT_DROPS,
    MESSAGE_CONTEXT_NEEDS,
    ORDINARY_IMPAIRMENT,
    PRO_WORDS,
)
from .lexicon_meds import medication_spans
from .lexicon_methods import METHOD_CONTEXT_DROPS, METHOD_CUES, METHOD_NAMES, resolved
from .lexicon_ordinary import ORDINARY_READINGS
from .lexicon_plans import PLAN_CUES, TOPIC_READINGS
from .lexicon_severity import SEV_CONTEXT_DROPS, SEV_CONTEXT_NEEDS, SEV_CUES
from .lexicon_targets import AIMED_AT_OTHER, TARGET_CARRIED, TARGET_CONTEXT_DROPS, TARGET_CONTEXT_NEEDS, TARGET_CUES

__all__ = [
    "Hit",
    "RiskTracker",
    "aimed_at_other",
    "clarifies",
    "corrects_misreading",
    "denies_own_dark_thoughts",
    "helping_someone_else",
    "misreading_corrected",
    "ordinary_sign_off",
    "payback_only",
    "resisted_urge_only",
    "rule_cue",
    "scan_message",
    "scan_with_drops",
    "states_own_safety",
]

_FIRST = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "id", "i'll", "me", "my", "myself", "mine", "we", "us"})
_THIRD = frozenset({
    "he", "she", "they", "he's", "she's", "they're", "hes", "shes", "theyre", "him", "her", "them", "his", "their",
    "friend", "friends", "bestie", "brother", "sister", "mom", "mum", "dad", "mother", "father", "son", "daughter",
    "wife", "husband", "partner", "boyfriend", "girlfriend", "bf", "gf", "cousin", "roommate", "classmate", "someone",
    "somebody", "people", "character", "patient", "patients", "client", "clients", "kid", "kids", "child", "student",
    "coworker", "colleague", "uncle", "aunt", "grandma", "grandpa", "guy", "girl", "man", "woman", "person", "everyone",
    "teen", "teenager", "neighbor", "neighbour", "user", "op", "you", "your", "you're", "youre", "u", "ur",
    # round 16: British "my (best) mate" and housemates are third persons too ("my mate keeps picturing ...")
    "mate", "flatmate", "housemate", "pal",
    # round 17 (sfa17): a third person's contracted subject ("my sister told me she'd been thinking about ending
    # things"): "she'd" is the subject, the earlier "me" the object of "told"
    "she'd", "he'd", "they'd", "she'll", "he'll", "they'll", "they've", "hed",
})
_BASE_RANK: dict[Kind, int] = {
    "passive": 1, "coded": 1, "nssi_urge": 1, "intrusive": 1, "unsafe": 1,
    "ideation": 2, "nssi": 2, "nssi_severe": 3, "abuse": 2, "impairment": 2, "violence": 2,
    "prep": 3, "attempt": 3, "abuse_severe": 3, "intent": 3, "plan": 3, "in_progress": 4,
    "lethality": 3, "finality": 3, "ambivalent": 1,
}
# After a credible safety answer the level drops one step, but never below what a disclosed act keeps.
_FLOOR: dict[Kind, int] = {"passive": 1, "coded": 1, "ideation": 1, "nssi_urge": 1, "nssi": 2, "nssi_severe": 2,
                           "attempt": 3, "prep": 1, "lethality": 1, "finality": 1}
# Round 28 (G): days of not eating, sleeping or getting up keep moderate after a bare "no, nothing like that": it
# answers the question about suicide or self-harm, not the impairment (the read sets' authors keep such conversations
# at moderate). Not where help is arranged in the answer (someone with them, an appointment: DATA_CARD's credible
# answers), where the impairment has an ordinary reason (:data:`.lexicon_frames.ORDINARY_IMPAIRMENT`), or where it is
# over (eating again, back at work): the round's review found all three lifted by a first, unconditional floor.
_HELP_ARRANGED = compile_fast(
    rf"\b(?:(?:is|are|{A}s|{A}re) (?:here|with me|staying|coming (?:over|round))|appointment|booked|gp|doctor|therapist"
    rf"|counsell?or|nurse|crisis team|helpline|signed (?:me )?off|looking after me)\b".replace("{A}", A), re.I)
_IMPAIRMENT_OVER = compile_fast(
    rf"\b(?:eating (?:again|normally|properly|and)|back (?:at|to) (?:work|school|uni|normal)"
    rf"|(?:much |feeling |loads )?better now|(?:i{A}m|im|i am) (?:ok|okay|fine|good|alright|all right) now"
    rf"|(?:showered|washed) and (?:eaten|had)|kept (?:\w+ )?down"
    rf"|(?:i{A}ve|i have|just) (?:eaten|had) (?:a (?:proper|full|decent|real|big|hot) meal"
    rf"|(?:a )?(?:proper )?(?:dinner|lunch|breakfast|tea))"
    rf"|ate (?:all of it|a proper|a full|dinner|lunch|breakfast)|over now|recovered|sleeping (?:again|better|properly)"
    rf"|up and about)\b".replace("{A}", A), re.I)
_PARTIAL = compile_fast(
    r"\b(?:barely|more th[ae]n|hours?|little|much|properly|at least|still (?:going|working)"
    r"|(?:1|2|one|two|a couple(?: of)?) (?:days?|nights?)|last night|a day)\b",
    re.I,
)
_TOTAL = compile_fast(r"not even (?:one|an|1) hour|even one hour|at all|literally (?:0|zero|none)|\bzero\b", re.I)
# Impairment on some nights or days only ("some nights I can't sleep at all", "sometimes I don't eat all day") is
# not days of it (DATA_CARD: one bad night is a hard negative): the cue is not read as impairment.
_INTERMITTENT = compile_fast(
    r"\b(?:some|certain|the odd|other) (?:nights?|days?|mornings?|evenings?)\b|\bsometimes\b|\boccasionally\b"
    r"|\bnow and (?:then|again)\b|\bon and off\b|\bevery (?:now|so often)\b",
    re.I,
)
# Round 18 (rep18b): a total loss bounded to one night or day ("couldn't sleep at all last night", "didn't eat a
# thing yesterday") is one bad night, not days of impairment (DATA_CARD hard negative), unless the sentence gives a
# longer span.
_ONE_NIGHT = compile_fast(
    r"\b(?:last night|the night before|yesterday|today|this morning|tonight|(?:one|a single) (?:night|day))\b", re.I)
_DAYS_SPAN = compile_fast(
    r"\b(?:days|nights|weeks|months|(?:a|this|last|the whole|all) week"
    r"|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)"
    r"|again|anymore|any more|every night|most nights|in ages)\b", re.I)
# Round 13b: sleep thrown out by a flight (DATA_CARD: 1-2 bad nights are none; jet lag is a hard negative).
_TRAVEL = compile_fast(
    r"\b(?:jet ?lag\w*|time ?zones?|(?:fly|flew|flown|flight|landed|got back|came back) (?:in )?(?:from|back from)"
    r"|just landed|red[- ]eye)\b", re.I)
_UNWANTED = compile_fast(
    r"intrusive|horrif|scares? me|terrif|disgust|would never|never would|don.?t want to|won.?t actually|not going to"
    r"|obviously|ocd|sick to my stomach|makes me feel (?:awful|sick|like a monster)",
    re.I,
)
# A disavowal of the act: in the sentences after a violent thought (an intrusive thought, not intent), and beside a
# method contemplated (round 16: the means set aside, the ideation kept). "I'm not going to do anything stupid but ..."
# is no disavowal (a target watched and a machete in the van, `high`), so it is not here.
_DISAVOW = compile_fast(
    r"\b(?:i{A}?d|i would|i{A}?ll|i will|i) (?:never|not|n{A}?t) (?:ever |actually |really )?(?:do|act on|actually do"
    r"|go through with|try) (?:it|that|them|anything)\b"
    r"|\bi (?:don{A}?t|do not) (?:actually |really )?(?:want|intend|plan) to (?:do it|act on|hurt|actually|die|be dead"
    r"|crash|kill myself)\b"
    .replace("{A}", A), re.I)
# The thought is welcome after all ("they give me a sense of satisfaction", "not even sorry"): no downgrade.
_ENDORSED = compile_fast(
    r"\b(?:satisf\w*|enjoy\w*|tempting|not (?:even )?sorry|deserves? it|feels? good|dwell)\b", re.I)
# A correction of a misreading ("sorry, that sounded dark", "my twitch stream lol"): with a benign referent
# it voids the previous message's cues; a bare "jk" or "forget it" does not (CLINICAL.md: retractions stand).
_CLARIFY = compile_fast(
    r"(?:that|it|this) (?:\w+ )?(?:sounded|sounds|came out|reads|read) (?:\w+ )?"
    r"(?:dramatic|dark|bad|wrong|alarming|worse|scary|grim|morbid)"
    rf"|not like that|not in (?:a|that) (?:scary|dark|bad) way|didn{A}t mean it like that",
    re.I,
)
_REFERENT = compile_fast(r"^\W*(?:\w+[,!.]? )?(?:my|the|i mean|i meant|meaning|as in) \w+", re.I)
_CLARIFIABLE: frozenset[Kind] = frozenset({"prep", "finality", "nssi", "nssi_severe", "ideation", "method", "timeline"})
_GOODBYE = compile_fast(r"good ?bye|farewell", re.I)
_SPORT = compile_fast(r"\b(?:jiu[- ]?jitsu|bjj|judo|karate|sparring|mma|wrestling|boxing)\b", re.I)
# The user asking how to help someone else in crisis ("my dad rang saying he'll shoot himself, what do I do"):
# the disclosure is about another person. A suicide or self-harm cue whose subject is that person is set aside
# (kind "other"), and so is a third-person reflexive act that has no cue of its own; both spans are masked in
# the learned layer's view (view.py, kind "other"). The user's own cues in the same message still count.
_HELPING_OTHER = compile_fast(
    r"\b(?:what (?:do|should|can|could) i (?:do|say)|what (?:am i|are we) (?:supposed|meant) to do"
    r"|how (?:do|can|should|could) i (?:help|support|talk to|get (?:him|her|them) help|reach)"
    r"|should i (?:call|ring|phone|tell|go|drive)|who (?:do|should|can) i (?:call|ring|tell)"
    r"|how to (?:help|support) (?:him|her|them)|what to do"
    r"|what(?:['’]?s| is) the (?:right|correct|best|safest) (?:thing )?(?:to do|for me to do))\b", re.I)
_OTHER_ACT = compile_fast(
    r"\b(?:kill|kills|killing|shoot|shoots|shooting|hang|hangs|hanging|hurt|hurts|hurting|cut|cuts|cutting|harm|harms|harming|"
    r"drown|drowning|poison|poisoning|overdose|overdosing|starve|starving|end|ending|off|offing)\w* "
    r"(?:himself|herself|themselves|themself)\b"
    r"|\b(?:end|ending|take|taking|took) (?:his|her|their) (?:own )?life\b", re.I)
_OTHER_CATS = frozenset({"suicide", "self_harm"})
_VENTING = compile_fast(r"\b(?:lol|lmao|haha|jk|obviously i won.?t|i won.?t lol)\b|😂|🤣|😤|🙄", re.I)
# Round 13: a threat to kill someone that the same message turns into a question of manners ("how do I bring it up
# without being passive aggressive", "how do I set boundaries with him"): venting about a petty grievance.
_CIVIL_ASK = compile_fast(
    r"\bhow (?:do|can|should|could|would) i (?:\w+ )?(?:set (?:some |clear )?boundaries|bring (?:it|this|that) up"
    r"|raise (?:it|this|that)|say something|tell (?:him|her|them) nicely)\b"
    r"|\bwithout (?:being|sounding|coming (?:across|off) as|looking) (?:\w+ )?"
    r"(?:passive[- ]aggressive|petty|rude|mean|a nag|naggy|dramatic)\b",
    re.I)
# Round 28 (C): the accident told as what the user said, then the truth ("At A&E I said I fell down the stairs but she
# pushed me"): a cover story, so the injury beside it is not set aside as an accident. Not in play ("we were messing
# about on the trampoline lol").
_COVER_STORY = compile_fast(
    r"(?![^.!?\n]*\b(?:messing|mucking|play(?:ing|ed)?|play[- ]?fight\w*|lol|haha|joking|trampoline|game)\b)"
    r"\b(?:i (?:said|told \w+(?: \w+)?|claimed|pretended|made out|lied(?: and said)?)|(?:we|they) (?:said|told \w+))"
    r"(?: that)?\b[^.!?\n]{0,60}?\b(?:fell|tripped|slipped|walked into|accident\w*|did it (?:at|in|playing))\b"
    r"[^.!?\n]{0,40}?\bbut\b", re.I)
_SEVERITY: dict[Kind, int] = {**_BASE_RANK, "method": 2, "timeline": 1}
_STRONG_PLAN = compile_fast(r"stockpil|hoard|sav(?:ed|ing)|collect|painless|lethal|how to (?:die|kill)|ways to", re.I)
_SELF_INTENT = compile_fast(r"kill|life|die|suicid", re.I)
_VIOLENT_MEANS = compile_fast(
    r"gun|knife|knives|rifle|pistol|revolver|machete|crowbar|hammer|knuckle|\bbats?\b|shoot|stab|poison", re.I
)

# Round 29 (S): what may follow "are you safe" in a safety check: a time, a place, a person, then the question's end.
_SAFE_TAIL = (r"(?=(?:,? (?:right now|now|tonight|today|at the moment|at this moment|at home|where you are|there"
              r"|here|in the house|in your (?:flat|house|home|room)|at your (?:flat|house|place)"
              r"|with (?:him|her|them|your \w+)|for now|for tonight"
              r"|to be (?:on your own|alone|by yourself)(?: tonight)?))*"
              r"\s*(?:\?|,|\band\b|\bor\b))")
_ARE_YOU_SAFE_SRC = r"\b(?:are|r) (?:you|u) (?:(?:still|feeling|keeping|staying) )?safe" + _SAFE_TAIL
_CHECK = compile_fast(
    r"(?:suicid|kill(?:ing)? yourself|end(?:ing)? (?:your|ur) life|hurt(?:ing)? yourself|harm(?:ing)? yourself"
    r"|self[- ]?harm|not (?:being )?(?:here|alive)|want(?:ing)? to die|thoughts? of (?:dying|death)|a plan"
    r"|the means|access to|in danger|(?:are|feel|be|you're|you are|staying) safe"
    # round 29 (S): the commonest check of all, "are you safe right now?" ("are u safe at home tonight?"); not "are
    # you safe to drive?", "safe walking home?" (_ARE_YOU_SAFE)
    r"|" + _ARE_YOU_SAFE_SRC +
    # round 14b: "do you have any plan, or anything at home you've thought of using?"
    r"|(?:have|got|made) any plans?\b"
    r"(?! (?:for|this|tonight|tomorrow|at|on|with|over|to (?!(?:end|kill|take|die|hurt|harm|act)\b)))"
    r"|anything (?:at home|in the (?:house|flat)|nearby|around) (?:that )?you(?:'ve| have| could| might)?"
    r" (?:thought (?:of|about) using|use|could use))",
    re.I,
)
_SAFE_QUESTION = compile_fast(r"(?:are|feel|be|you're|you are|staying|keep yourself) safe", re.I)
_ARE_YOU_SAFE = compile_fast(_ARE_YOU_SAFE_SRC, re.I)
# ... and its alternative ("are you safe right now, or is he still there?"): a "yes" may answer either half
_OR_AFTER = compile_fast(r"\bor\b", re.I)
_DENY = compile_fast(
    r"^\W*(?:no|nope|nah|not really|no way|never|god no|of course not|definitely not)\b"
    rf"|(?:i{A}m|im|i am) not (?:suicidal|going to|gonna|thinking|planning|in danger)"
    rf"|no (?:plan|plans|intention|intent|thoughts)"
    rf"|(?:never|not ever) (?:had|made|have had) (?:a|any) (?:plan|plans)"
    rf"|(?:don{A}t|do not|didn{A}t) have (?:a|any) (?:plan|plans)"
    rf"|(?:would(?:n{A}t| never)|won{A}t|will not|wont) (?:do (?:that|it|anything)|hurt|kill|act)",
    re.I,
)
_HEDGE = compile_fast(
    rf"\b(?:idk|i don{A}t know|dont know|maybe|kind of|kinda|sort of|not sure|i guess|probably|sometimes"
    r"|whatever|yeah right|lol|lmao|haha|why do you care|does it matter|i mean|for now|not yet|not tonight"
    r"|honestly no idea)\b|🙃|🙂|😉",
    re.I,
)
_NT = frozenset({"dont", "cant", "wont", "didnt", "isnt", "wasnt", "arent", "havent", "couldnt", "wouldnt", "shouldnt"})
_BANDS: dict[int, tuple[float, float]] = {0: (0.0, 0.25), 1: (0.25, 0.5), 2: (0.5, 0.7), 3: (0.7, 0.88), 4: (0.88, 1.0)}


@dataclass(frozen=True, slots=True)
class Hit:
    """One cue found in one message; ``past`` marks an episode the sentence places in the past."""

    cue: str
    kind: Kind
    category: RiskCategory
    start: int
    end: int
    past: bool
    text: str


# Round 14: a negated thought, urge or plan noun before the cue ("I'm not having any thoughts of hurting myself", "no
# real urge to cut"), which can sit further back than the four words :func:`_negated` reads.
_NEGATED_THOUGHT = compile_fast(
    rf"(?:\b(?:not|no|never|without)|n{A}t)\b"
    r"(?: (?:having|had|have|got|get|getting|any|real|actual|active|current|serious|such)){0,3}"
    r" (?:thoughts?|urges?|plans?|intentions?|desire|wish|impulses?)"
    r"(?: \w+)? (?:of|about|to)\s*$",
    re.I)


def _negated(text: str, start: int) -> bool:
    if _NEGATED_THOUGHT.search(text[max(0, start - 60) : start]):
        return True
    words = preceding_words(text, start, 4)
    for i, w in enumerate(words):
        if w == "do" and words[i + 1 : i + 2] != ["not"]:  # emphatic "i do think about it" affirms
            continue
        if w in NEGATORS or w.endswith("n't") or w in _NT:
            phrase = " ".join(words[i:]) + " " + text[start : start + 20]
            if NEGATION_EXCEPTIONS.match(phrase):
                continue
            return True
    return False


def _third_party(text: str, start: int) -> bool:
    words = preceding_words(text, start, 8)
    if not any(w in _FIRST or w in _THIRD for w in words):
        # No subject in the clause ("... and has thought about ending it"): the sentence's nearest one.
        ss, _ = sentence_of(text, start, start)
        words = [w.lower() for w in re.findall(r"[\w'’]+", text[ss:start])][-25:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w in ("my", "our") and i > 0 and words[i - 1] in _PREPOSITIONS:
            continue  # "a woman on my team is self harming": the subject is the woman, not the user
        if w in _FIRST:
            return False
        if w in _THIRD:
            return True
    # No subject before the cue at all ("Saw fresh cuts on her wrist"): whose body it names just after it.
    return _OWNER_AFTER.match(text, start) is not None


# Round 18 (acts18): an act whose grammatical subject, right before the verb, is another person ("my roommate took a
# bunch of pills", "she swallowed the rest of the packet", "her brother is standing on the bridge"). The families that
# are not ``self_only`` (overdoses, acts under way, means) also read subjectless fragments ("took all my pills an hour
# ago"), so only a subject adjacent to the verb, with no "I" between, takes the act from the user.
_SUBJECT_NOUNS = sorted(w for w in _THIRD if w.isalpha() and w not in {
    "you", "your", "u", "ur", "him", "her", "them", "his", "their", "people", "everyone", "someone", "somebody", "user",
    "op", "character"})
_ACT_OTHER_SUBJECT = compile_fast(
    r"(?:\b(?:he|she|they)|\b(?:my|our|his|her|their) (?:\w+ )?(?:" + "|".join(_SUBJECT_NOUNS) + r")s?)"
    r"(?: (?:had|has|have|is|was|were|are)| (?:just|already|then|also|apparently))*\s+$", re.I)


_ACT_KINDS = frozenset({"in_progress", "attempt", "nssi", "nssi_severe"})


def _other_is_subject(text: str, start: int) -> bool:
    """Whether the words right before an act cue are another person as its subject (:data:`_ACT_OTHER_SUBJECT`)."""
    return _ACT_OTHER_SUBJECT.search(text[max(0, start - 60) : start]) is not None


_OWNER_AFTER = compile_fast(r"[^.!?\n]{0,25}?\b(?:on|in|across|up|down) (?:his|her|their)\b", re.I)
_PREPOSITIONS = frozenset({"on", "in", "at", "of", "from", "with", "for", "into", "about", "across", "near"})


# In an abuse cue the third person is the abuser, not the victim: "he still won't let me see my sister" is the
# user's own abuse though "he" is the nearest subject. The cue's own words name the user as its object.
_USER_OBJECT = compile_fast(
    r"\b(?:me|myself)\b|\bmy (?!(?:\w+ )?(?:friend|mate|sister|brother|mum|mom|mother|dad|father|son|daughter|kids?"
    r"|child|children|cousin|nan|gran)\b)", re.I)


def _done_to_user(cue: Cue, matched: str) -> bool:
    """Whether an abuse cue's match names the user as the one it is done to (its object "me" or "my ...")."""
    return cue.category == "abuse" and _USER_OBJECT.search(matched) is not None


# Round 13: a cue after a contrast has its own time ("haven't cut in a year but I keep thinking about killing myself"):
# a past marker before the "but" does not make it past. One way only: a past marker after it still dates the cue
# before it ("my ex was abusive but I left six years ago"). The same contrast undoes a statement of safety after it
# (:func:`states_own_safety`). Until round 17 this name was assigned twice in this module and the later pattern
# (this one) was the one every caller read at run time; one definition now, the same pattern.
_CONTRAST = compile_fast(r"\b(?:but|though|although|except|however|yet)\b", re.I)


def _is_past(text: str, start: int, end: int) -> bool:
    s, e = sentence_of(text, start, end)
    for m in _CONTRAST.finditer(text, s, start):
        s = m.end()
    sentence = text[s:e]
    if ANNIVERSARY.search(sentence) and not ANNIVERSARY_VETO.search(sentence):
        return True  # "six years free from self-harm today": the "today" is the anniversary's, not the act's
    return PAST.search(sentence) is not None and CURRENT.search(sentence) is None


# Round 12: someone else's words, quoted ("my friend texted me 'i took all my pills'", "he keeps making jokes about
# 'walking into the sea'", "hearing a 71 year old sing 'I hurt myself today'"). A quotation whose speaker, named just
# before it, is a third person is that person's: its suicide and self-harm cues are set aside (kind "other", read by
# the learned layer as qqother). Its other words stay visible: an ex's quoted "if I can't have you nobody will" is
# the user's risk. A quote the user attributes to themselves ("I texted her 'I can't do this'") stays.
_QUOTE = re.compile(
    r'"([^"\n]{1,300})"|“([^”\n]{1,300})”|‘([^’\n]{1,300})’(?!\w)'
    r"|(?<![\w'’])'(?=\w)([^'\n]{0,300}?(?:\w'\w[^'\n]{0,300}?)*)(?<=[\w.!?,])'(?![\w'’])"
)
_SPEAKER = compile_fast(
    r"\b(?:he|she|they|someone|somebody|(?:my|a|an|the|our|his|her|their|one|some|this|that) (?:\w+ ){0,3}?"
    r"(?:friend|mate|bestie|brother|sister"
    r"|mum|mom|dad|mother|father|son|daughter|cousin|partner|boyfriend|girlfriend|bf|gf|wife|husband|colleague|coworker"
    r"|co-worker|uncle|aunt|nan|gran|grandad|grandma|grandpa|kid|child|student|patient|client|roommate|flatmate|neighbou?r"
    r"|boss|manager|teacher|singer|band|rapper|character|narrator|guy|girl|man|woman|lad|\d+ year old|\w+ year old"
    # round 14: "one of my team ... said something like '...'"
    r"|team|staff|employee|report|pupil|member|tenant|resident))"
    r"\b[^.!?\n\"“‘']{0,50}?\b(?:texted|texts|messaged|messages|dm(?:ed|'d)|posted|posts|wrote|writes|said|says|sang|sings|sing"
    r"|singing|tweeted|commented|replied|jokes? about|joking about|making jokes about|keeps? saying|kept saying"
    r"|keeps? (?:joking|texting|posting)|told me|tells me"
    # round 18 (fa18): a question or a shout is someone's words too ("one lad asked 'how much would kill you, sir?'")
    r"|asked|asks|asking|shouted|shouts|yelled|yells|screamed|whispered|muttered)\b[^.!?\n\"“‘']{0,30}$",
    re.I,
)
_FIRST_SPEAKER = compile_fast(r"\b(?:i|i've|ive|i'd|i'm|im)\b[^.!?\n\"“‘']{0,20}"
                              r"\b(?:texted|messaged|posted|wrote|said|sang|told|replied)\b"
                              r"[^.!?\n\"“‘']{0,30}$", re.I)


def _reported_speech(text: str) -> list[tuple[int, int]]:
    """The spans of quotations a third person named just before them said, wrote or sang (``_SPEAKER``)."""
    if not any(q in text for q in "\"“‘'"):
        return []
    out = []
    for m in _QUOTE.finditer(text):
        before = text[max(0, m.start() - 90) : m.start()]
        if _SPEAKER.search(before) and not _FIRST_SPEAKER.search(before):
            out.append((m.start(), m.end()))
    return out


_ALL_CUES = (*CUES, *EXTRA_CUES, *FRAME_CUES, *ACT_CUES, *PLAN_CUES, *DISCLOSURE_CUES, *METHOD_CUES, *TARGET_CUES,
             *FINAL_CUES, *SEV_CUES)
# Round 17: the message-level needs and drops of the target and captivity families (lexicon_targets) and of the
# final-act families (lexicon_final: two functions per family, the second read over the whole message) beside round 6's.
_MSG_NEEDS = {**MESSAGE_CONTEXT_NEEDS, **TARGET_CONTEXT_NEEDS, **FINAL_CONTEXT_NEEDS, **SEV_CONTEXT_NEEDS}
_MSG_DROPS = {**MESSAGE_CONTEXT_DROPS, **TARGET_CONTEXT_DROPS, **FINAL_CONTEXT_DROPS, **SEV_CONTEXT_DROPS}
_SENTENCE_DROPS = {**FRAME_CONTEXT_DROPS, **METHOD_CONTEXT_DROPS}
# Round 17: the target and final-act families only add. Their ordinary readings ("course", "the car's radiator") set
# the cue aside without masking its words from the learned layer: a broad veto word would otherwise hide text the
# layer was trained to read ("I won't be needing them where I'm going. He doesn't know that, of course.").
_ADD_ONLY: frozenset[str] = frozenset(c.name for c in (*TARGET_CUES, *FINAL_CUES, *SEV_CUES))
_INJURY: frozenset[Kind] = frozenset({"nssi", "nssi_severe", "abuse", "abuse_severe", "method"})
Drop = tuple[int, int, str]  # a span the rules set aside, and why: "negated", "other", "idiom" or "benign"


def _benign_spans(text: str) -> list[Drop]:
    """Wordings with an ordinary reading the learned layer confuses with risk (lexicon_frames.BENIGN_READINGS).

    Round 17's ordinary readings of older act cues (lexicon_ordinary) come back as "ordinary": they set the rule cue
    aside but leave the words for the learned layer to read, since the veto reads one message and the truth may come
    in the next ("on the roof at work, checking the dish" ... "sitting on the parapet with my legs over the side").
    """
    out: list[Drop] = []
    low = text.lower()
    for readings, kind in ((BENIGN_READINGS, "benign"), (TOPIC_READINGS, "benign"), (ORDINARY_READINGS, "ordinary")):
        for gate, pattern, needs, veto in readings:
            if not any(w in low for w in gate):
                continue
            for m in pattern.finditer(text):
                if (needs is None or needs.search(text)) and (veto is None or not veto.search(text)):
                    out.append((m.start(), m.end(), kind))
    # an ordinary medication question ("can I take ibuprofen with sertraline?"); means-seeking wording vetoes it
    out.extend((s, e, "benign") for s, e in medication_spans(text))
    return out


@lru_cache(maxsize=8192)
def scan_with_drops(text: str) -> tuple[tuple[Hit, ...], tuple[Drop, ...]]:
    idioms = find_all(IDIOMS, text)
    benign = _benign_spans(text)
    hits: list[Hit] = []
    dropped: list[Drop] = [(s, e, "idiom") for s, e in idioms]
    helping_other = _HELPING_OTHER.search(text) is not None
    if helping_other:
        dropped.extend((m.start(), m.end(), "other") for m in _OTHER_ACT.finditer(text))
    reported = _reported_speech(text)
    found: dict[int, list[tuple[int, int]]] = {}  # one scan per pattern: a family's ideation and means copies share one
    for cue in _ALL_CUES:
        spans = found.get(id(cue.pattern))
        if spans is None:
            spans = found[id(cue.pattern)] = find_all(cue.pattern, text)
        for s, e in spans:
            if any(s < ie and is_ < e for is_, ie in idioms):
                continue
            if cue.category in _OTHER_CATS and any(rs <= s and e <= re_ for rs, re_ in reported):
                dropped.append((s, e, "other"))  # someone else's quoted words (a threat to the user still counts)
                continue
            if any(s < be and bs < e for bs, be, _ in benign):  # an ordinary reading ("end it here" in an essay)
                continue
            if cue.negatable and _negated(text, s):
                dropped.append((s, e, "negated"))
                continue
            if ((cue.self_only or (helping_other and cue.category in _OTHER_CATS)) and _third_party(text, s)
                    and not _done_to_user(cue, text[s:e])):
                dropped.append((s, e, "other"))
                continue
            if not cue.self_only and cue.kind in _ACT_KINDS and _other_is_subject(text, s):
                dropped.append((s, e, "other"))  # acts18: "my roommate took a bunch of pills" is the roommate's act
                continue
            kind = cue.kind
            needs = _MSG_NEEDS.get(cue.name)
            if needs is not None or cue.name in _MSG_DROPS:
                # round-6 families read the whole message, and have their own farewell drops (some only a drop)
                if needs is not None and not needs.search(text):
                    continue
                if _MSG_DROPS[cue.name].search(text):
                    if cue.name not in _ADD_ONLY:
                        dropped.append((s, e, "benign"))
                    continue
                hits.append(Hit(cue.name, kind, cue.category, s, e, _is_past(text, s, e), text[s:e]))
                continue
            context_drop = _SENTENCE_DROPS.get(cue.name)
            if context_drop is not None and context_drop.search(text[slice(*sentence_of(text, s, e))]):
                dropped.append((s, e, "idiom"))
                continue
            if cue.name in METHOD_NAMES:
                # Round 16: a method contemplated is ideation and its means (high). A disavowal of acting in the
                # sentence or the next sets aside the means copy only (moderate); a resolved past makes both past.
                ss, se = sentence_of(text, s, e)
                if cue.kind == "method" and _DISAVOW.search(text[ss : se + 120]):
                    continue
                past = _is_past(text, s, e) or resolved(text, (ss, se))
                hits.append(Hit(cue.name, kind, cue.category, s, e, past, text[s:e]))
                continue
            if kind in _INJURY:
                ss, se = sentence_of(text, s, e)
                near = text[max(0, ss - 160) : se] if _SPORT.search(text[max(0, ss - 160) : ss]) else text[ss:se]
                if (ACCIDENT_CONTEXT.search(near) and not ON_PURPOSE.search(text[ss:se])
                        and not _COVER_STORY.search(text[ss:se])):
                    dropped.append((s, e, "idiom"))
                    continue
                if kind in ("nssi", "nssi_severe"):
                    # round 17: the clause calls the injury accidental ("keep cutting myself by accident cos it's dull")
                    cs, ce = clause_bounds(text, s, e)
                    if SELF_ACCIDENT.search(text[cs : min(se, ce + 60)]) and not SELF_ACCIDENT_VETO.search(text[ss:se]):
                        dropped.append((s, e, "idiom"))
                        continue
            # an act with the means in hand (round 14: a gun held, a ledge) has no ordinary goodbye reading
            farewell_kind = kind in ("prep", "lethality", "finality") and cue.name not in NO_FAREWELL_READING
            goodbye = cue.name == "prep" and _GOODBYE.search(text[s:e]) is not None
            farewell_ctx = text if goodbye else text[slice(*sentence_of(text, s, e))]
            if farewell_kind and ORDINARY_FAREWELL.search(farewell_ctx):
                dropped.append((s, e, "idiom"))
                continue
            if kind in ("impairment", "violence") or cue.category == "functional_impairment":
                ss, se = sentence_of(text, s, e)
                sentence = text[ss:se]
                venting = _VENTING.search(sentence) or _CIVIL_ASK.search(text)
                if kind == "violence" and venting and not _UNWANTED.search(sentence):
                    continue
                clause = text[slice(*clause_bounds(text, s, e))]
                if cue.category == "functional_impairment" and (
                        _INTERMITTENT.search(text[ss:s]) or _TRAVEL.search(sentence)
                        or (_ONE_NIGHT.search(clause) and not _DAYS_SPAN.search(sentence))):
                    continue
                # The disavowal may follow in the next sentence ("I imagine hurting him. I'd never do it.").
                after = text[se : se + 120]
                if (kind == "impairment" and _PARTIAL.search(clause) and not _TOTAL.search(clause)) or (
                    kind == "violence" and (_UNWANTED.search(sentence) or (
                        cue.name != "violence_acts" and _DISAVOW.search(after) and not _ENDORSED.search(text)))
                ):
                    kind = "intrusive"
            hits.append(Hit(cue.name, kind, cue.category, s, e, _is_past(text, s, e), text[s:e]))
    dropped.extend(d for d in benign if d[2] != "ordinary")
    return tuple(hits), tuple(dropped)


def scan_message(text: str) -> tuple[Hit, ...]:
    """Every cue in one user message after idioms, negation and third-party subjects are removed.

    Cached by text: in a conversation only the new message is ever scanned.
    """
    return scan_with_drops(text)[0]


def rule_cue(users: Sequence[str]) -> bool:
    """Whether any user message has a current (not past) cue; the learned layer needs a higher margin without one.

    A time word alone ("tonight", "on Friday") counts. Round 9 tried leaving it out: dev2's false alarms fell,
    but on the blind dev3 a numpy-path imminent conversation was lost and, after the retrain, more `none`
    conversations were flagged (EVALUATION.md, "Round 9").
    """
    # An ``unsafe`` cue (abuse with no acute danger, low) says nothing about suicide or violence: it leaves the margin
    # as it is (round 12: "he takes most of my pension" otherwise let the heads lift a budgeting question to high).
    # Nor does a low impairment cue of round 12 (days on tea, a child not eating for a week): the heads' lower margin
    # then lifted an HR-email or recipe question to moderate with a suicide category.
    return any(not h.past and h.kind != "unsafe" and h.cue not in _LOW_IMPAIRMENT and h.cue not in _COMBINE_ONLY
               and not _everyday_time(u, h) and not dates_past_event(u, h) for u in users for h in scan_message(u))


# Round 17: timeline families that exist to combine with a plan or a means the rules find (a clock time, the target's
# schedule). Alone they say nothing, so they leave the learned layer's margin as it is: "It's dark at 3pm" or "walking
# the dog at 6am" had lowered it and let the heads lift two long conversations without risk to moderate (dev21 r010,
# dev23 r025, embedding path).
_COMBINE_ONLY = frozenset({"clock_time", "target_schedule"})


_LOW_IMPAIRMENT = frozenset({"impairment_days", "impairment_other", "sick_days_counted"})
# Round 14b: a time word in a sentence about an everyday arrangement ("up at 6:30 monday for the day shift", "curry
# tonight", "my driving test tomorrow", "the church group on Thursday"). A conversation of several turns is full of
# them, and each one lowered the learned layer's margin for the whole conversation (dev16: most of its false alarms
# had no cue but such a time word).
_EVERYDAY_TIME = compile_fast(
    r"\b(?:shifts?|rota|exams?|test|lectures?|appointment|dentist|gp|pharmacist|pharmacy"
    r"|solicitor|meeting|interview|dinner|lunch|breakfast|curry|pizza|takeaway|coffee|cinema|film|movie|party|match"
    r"|gym|practice|training|rehearsal|flight|holiday|trip|wedding|church|club|shopping|presentation|deadline"
    r"|essay|assignment|project|homework|revision|day off|lie[- ]in|nap|slideshow|email|bosses|boss fight|raid"
    r"|stream)\b",
    re.I)


# What keeps a time word a timeline there: an act or an end named in its sentence ("gonna do it after the exam").
_ACT_WORDS = compile_fast(
    r"\b(?:do(?:ing)? it|go(?:ing)? through (?:with )?it|end(?:ing)? (?:it|things|my)|for good|last|goodbye|bye|gonna"
    r"|going to|won{A}?t be|final)\b".replace("{A}", A), re.I)


def _everyday_time(text: str, hit: Hit) -> bool:
    """Whether ``hit`` is a time word whose sentence names an everyday arrangement (:data:`_EVERYDAY_TIME`) and no
    act or end (:data:`_ACT_WORDS`)."""
    if hit.kind != "timeline":
        return False
    sentence = text[slice(*sentence_of(text, hit.start, hit.end))]
    return _EVERYDAY_TIME.search(sentence) is not None and _ACT_WORDS.search(sentence) is None


# fa18: a time word that dates something already done ("the parcel arrived today", "dad died on thursday", "flew
# in on tuesday", "today i coached the team") says when a thing happened, not when one will: it is no timeline. Only
# the words that can point back ("today", a weekday with "on" or "this"); "tonight", "tomorrow", "soon", "next friday"
# and "in an hour" always point ahead. The past verb must sit beside the time word in its own clause (up to six words
# before it, or the time word opening the clause with a subject and the verb after it), and nothing in the sentence
# may look ahead or name an act (_ACT_WORDS, _AHEAD).
_BACKWARD_TIME = compile_fast(r"^(?:today|(?:on|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))$",
                              re.I)
_PAST_VERB = (r"(?:(?!(?:need|feed|seed|speed|bleed|breed|proceed|succeed|exceed|shed|bed|red|wed|led|fed)\b)"
              r"[a-z]{2,}ed"
              r"|was|were|had|did|went|came|got|gave|made|found|left|saw|sent|said|told|flew|drove|died|ran|met|spent"
              r"|brought|bought|heard|kept|lost|won|wrote|rang|began|broke|fell|held|sat|stood|woke|took|caught|taught"
              r"|threw|swam|rode|ate|drank|slept)")
# "i'm so tired today", "feeling wired today": a state read as an -ed word is present, not a thing done
_STATE_BEFORE = compile_fast(r"\b(?:am|i{A}?m|im|is|are|be|been|being|feel|feels|feeling|felt|get|getting|so|too|very"
                             r"|really|bit|little|kinda|pretty)\s+$".replace("{A}", A), re.I)
_VERB_THEN_TIME = compile_fast(rf"\b({_PAST_VERB})\b(?:\s+[\w'’-]+){{0,6}}\s+$", re.I)
_OTHER_SUBJECT_WORDS = (r"(?:(?i:he|she|they|it|(?:my|the|our|his|her|their|a|an) [\w'’-]+(?: [\w'’-]+)?"
                        r"|mum|mom|dad|nan|gran|grandad|grandma|grandpa)|[A-Z][a-z]+)")
# whose the thing done is: someone or something else's ("the safe arrived today", "Dad died on Thursday"); the user's
# own act dated today ("I did a big thing today", "found a new home for the dog today") may be the preparatory act
_OTHER_SUBJECT = compile_fast(rf"\b{_OTHER_SUBJECT_WORDS}\s+(?:\w+\s+){{0,2}}$")
# the user as a subject or object; not :data:`_FIRST`, whose possessives ("my dad died on thursday") name others
_FIRST_PERSON = compile_fast(r"\b(?:i|i{A}?ve|i{A}?d|i{A}?m|im|ive|we|me|myself)\b".replace("{A}", A), re.I)
_TIME_THEN_VERB = compile_fast(
    rf"^\W*{_OTHER_SUBJECT_WORDS}\s+(?:\w+\s+)?(?i:{_PAST_VERB})\b")
_AHEAD = compile_fast(r"\b(?:will|{A}ll|shall|gonna|going to|about to|plan(?:ning)? to|want(?:ing)? to|wanna|need to"
                      r"|have to|got to|gotta|before|until|till|by then|the day)\b|\bi{A}?ll\b|\bwe{A}?ll\b"
                      .replace("{A}", A), re.I)

# ... and a thing done to the body keeps it: the date then says the act is recent ("spilled the kettle on my hand on
# sunday", "took a few extra tablets today"), which is what a recent self-harm act is
_ON_THE_BODY = compile_fast(
    r"\b(?:myself|my (?:\w+ )?(?:hands?|arms?|wrists?|legs?|thighs?|skin|stomach|body|face|hips?|neck|head|chest)"
    r"|blood|bled|bleeding|blister\w*|burn\w*|burnt|cut|cuts|cutting|scars?|pills?|tablets?|meds|overdos\w*|hurt|injur\w*"
    r"|bruis\w*|stitches|hospital|a ?& ?e|er|ambulance|rope|noose|gun|knife|blade|razor)\b", re.I)


def dates_past_event(text: str, hit: Hit) -> bool:
    """Whether ``hit`` is a time word that dates something already done (:data:`_BACKWARD_TIME`, a past verb beside it
    in its clause, nothing looking ahead in its sentence): "the safe arrived today", "dad died on thursday"."""
    if hit.kind != "timeline" or not _BACKWARD_TIME.match(hit.text.strip()):
        return False
    ss, se = sentence_of(text, hit.start, hit.end)
    if _AHEAD.search(text[ss:se]) or _ACT_WORDS.search(text[ss:se]) or _ON_THE_BODY.search(text[ss:se]):
        return False
    if _FIRST_PERSON.search(text[ss:se]):
        return False  # the user is in the sentence: the dated thing may be their own act ("I did a big thing today")
    cs, ce = clause_bounds(text, hit.start, hit.end)
    m = _VERB_THEN_TIME.search(text[cs : hit.start])
    if m is not None:
        before = text[cs : cs + m.start(1)]
        return not _STATE_BEFORE.search(before) and _OTHER_SUBJECT.search(before) is not None
    return _TIME_THEN_VERB.match(text[hit.end : ce]) is not None


def despair_trace(users: Sequence[str]) -> bool:
    """Whether any user message holds a suicide or self-harm cue at all, past, negated or someone else's included
    (a dropped span other than an idiom or an ordinary reading): the learned category heads may then add those
    categories; without one they read days in bed or without food as despair."""
    for u in users:
        hits, drops = scan_with_drops(u)
        # a time word alone ("tonight") is no trace (round 13c: "sorry im slow tonight, dad hit me")
        if (any(h.category in ("suicide", "self_harm") and h.kind != "timeline" for h in hits)
                or any(d[2] not in ("idiom", "benign") for d in drops)):
            return True
    return False


def others_impairment_only(users: Sequence[str]) -> bool:
    """Whether the only current cues are someone else's impairment ("my son has barely eaten for a week"): the user
    is asking about a person they care for. The learned category heads read such a message as the user's own
    disclosure (a withdrawn child as abuse), so the scorer keeps the rules' category alone there."""
    hits = [h for u in users for h in scan_message(u) if not h.past and h.kind not in ("method", "timeline")]
    return bool(hits) and all(h.cue == "impairment_other" for h in hits)  # a means or a time never counts alone


# The user says in so many words that the risk under discussion is not their own: someone else's crisis they
# are helping with ("I'm fine myself", "I'm not at risk", "it's him I'm worried about", "nobody's trying to hurt
# themselves"), or a dark topic that is not a wish ("not me wanting to die", "not suicidal or anything, just
# gutted", "nervous, not unsafe"). Not a bare "I'm fine" or "I'm safe" (a minimising answer to a safety check).
_OWN_SAFETY = compile_fast(
    r"\b(?:i{A}?m|i am|im) (?:\w+ )?(?:(?:fine|ok|okay|alright|all right|safe|good) (?:myself|in myself|personally)"
    r"|not (?:at (?:any )?risk|in (?:any )?danger|unsafe|the one at risk)"
    # fa18: "I'm not in a bad place myself", "not in a dark place personally": the crisis told is someone else's
    r"|not in a (?:bad|dark) (?:place|way|headspace|spot) (?:myself|personally|like (?:him|her|them)))\b"
    r"|\bnot unsafe\b"
    r"|\b(?:it{A}?s|its|it is) (?:him|her|them|my \w+) (?:i{A}?m|i am|im)"
    r" (?:worried|scared|frightened|panicking) (?:about|for)\b"
    r"|\b(?:nobody|no ?one|no-one)(?:{A}s| is) (?:trying|going|planning|wanting) to (?:hurt|harm|kill)"
    r" (?:themselves|themself|himself|herself)\b"
    r"|\bnot (?:me )?(?:wanting|that i want|because i want|like i want) (?:to die|it|to kill myself|to end it)\b"
    r"|\bnot suicidal (?:or anything|at all|in the slightest)\b"
    # round 14: a frightening thought the user has never wished on themselves ("it's gone in a second, I've never
    # wanted to die"); not "never wanted to die as much as now" or "never wanted to die until this year"
    r"|\b(?:i{A}?ve|i have|i) never (?:once |ever |actually |really )?(?:wanted|wished|want)"
    r" to (?:die|be dead|kill myself|end my life)\b"
    r"(?! (?:as|more|so|this|like|until|till|before|but)\b)"
    # round 14b: "I'm not going anywhere, don't fret" said to reassure (not "not going anywhere in life")
    r"|\b(?:i{A}?m|i am|im) not going anywhere\W{1,4}(?:don{A}?t|do not) (?:fret|worry|panic)\b"
    r"|\b(?:don{A}?t|do not) (?:fret|worry|panic)\W{1,4}(?:i{A}?m|i am|im) not going anywhere\b".replace("{A}", A),
    re.I,
)
# What undoes that statement in the same message: a contrast after it ("not suicidal at all, but ..."): _CONTRAST.

# Round 17 (lfa17): the user denies dark thoughts of their own, in answer to a safety check or volunteered, in a long
# conversation about grief, exams, caring or a breakup ("I haven't had any dark thoughts about myself, if that's what
# you mean", "no thoughts about myself, the material is just bleak", "no no, not like that at all, I only mean the
# shame", "no dark stuff", "obvs i'm not actually stabbing anyone lol"). The heads read the heavy-feelings vocabulary
# spread over many messages, or the idiom the user disowns, as a disclosure. Not a bare "I'm fine" or "I'm not
# suicidal" (a minimising answer stays the rules' and the heads' business); not "no dark thoughts until night" or
# "never had dark thoughts before"; undone by a contrast after it in that message (_CONTRAST) and by a later
# message taking it back (_RETRACTS).
_DENIES_DARK = compile_fast(
    r"\bno (?:(?:dark|suicidal|self[- ]?harm(?:ing)?|scary) (?:thoughts|stuff|ideas)"
    r"|thoughts? (?:about|of) (?:myself|hurting myself|harming myself|killing myself|ending (?:it|my life)|suicide))\b"
    r"|\b(?:haven{A}?t|have not|hadn{A}?t|don{A}?t|do not|didn{A}?t|never) (?:had|have|get|got|having|ever had)"
    r" any (?:dark|suicidal|self[- ]?harm\w*|bad) thoughts(?: about myself| of my own| like that)?\b"
    r"|\b(?:haven{A}?t|have not|hadn{A}?t|don{A}?t|do not|didn{A}?t|never) (?:had|have|get|got|having|ever had)"
    r" any thoughts (?:of|about) (?:hurting|harming|killing) myself\b"
    r"|\b(?:not|nothing) like that at all\b"
    r"|\b(?:i )?(?:didn{A}?t|don{A}?t|did not|do not) mean (?:it )?(?:like that|that way|literally)\b"
    r"|\bnot (?:actually|really|literally|seriously) (?:going to |gonna )?(?:stab|kill|murder|hurt|strangl|poison)\w*"
    r" (?:anyone|anybody|her|him|them|my \w+)\b".replace("{A}", A),
    re.I,
)
_DENIES_DARK_NOT = compile_fast(r"\W{0,3}(?:until|till|before|except|apart from|besides|but|though|anymore)\b", re.I)
_RETRACTS = compile_fast(
    r"\b(?:i lied|lied to you"
    r"|(?:wasn{A}?t|was not|haven{A}?t been|have not been|not been) (?:being )?(?:honest|truthful)"
    r"|(?:that|it) (?:wasn{A}?t|was not|isn{A}?t|is not) (?:true|really true)|truth is|i said no but"
    r"|i said i was (?:fine|ok|okay) but)\b".replace("{A}", A),
    re.I,
)


def denies_own_dark_thoughts(users: Sequence[str]) -> bool:
    """Whether a user message denies dark thoughts of the user's own (:data:`_DENIES_DARK`), not qualified right after
    it (:data:`_DENIES_DARK_NOT`, :data:`_CONTRAST`) and not taken back in a later message (:data:`_RETRACTS`).

    A means or a time named by the user in that message or a later one undoes it ("no dark stuff." "pills lined up for
    tonight": :func:`states_own_safety` lets those kinds through for a third person's crisis), and so does a means named
    earlier, unless the denial disowns a violent act (the idiom's knife: "obvs i'm not actually stabbing anyone")."""
    def means_or_time(texts: Sequence[str], kinds: tuple[str, ...], inside: tuple[int, int] = (0, 0)) -> bool:
        # ``inside``: a span of texts[0] whose own means is part of the act disowned there ("not actually going to
        # poison her": the poison is the disowned act's, fa18)
        return any(h.kind in kinds and not (k == 0 and h.kind == "method" and inside[0] <= h.start < inside[1])
                   for k, t in enumerate(texts) for h in _own_hits([t]))

    for i, u in enumerate(users):
        for m in _DENIES_DARK.finditer(u):
            after = u[m.end() : m.end() + 80]
            if _DENIES_DARK_NOT.match(after) or _CONTRAST.search(after):
                continue
            denial = m.group(0).lower()
            disowns_act = denial.startswith("not ") and " like " not in denial  # "not actually stabbing anyone"
            if any(_RETRACTS.search(v) for v in users[i + 1 :]) or means_or_time(
                    users[i:], ("method", "timeline"), m.span() if disowns_act else (0, 0)):
                continue
            if disowns_act:
                return True  # a violent act disowned: the means it named before stays part of the idiom
            if not means_or_time(users[:i], ("method",)):
                return True
    return False


# Round 12: the user asks how to help someone else whose risk they describe ("found cuts on my son's arm, do I wake
# him?", "my friend texted that she took pills, what do I do now", "a woman on my team is self harming, what's the
# right way to handle this"). DATA_CARD: the label is the user's only, and such a conversation is none.
_HELP_QUESTION = compile_fast(
    r"\b(?:what (?:do|should|can|could) i (?:even )?(?:do|say)|what (?:am i|are we) (?:supposed|meant) to do|what to do"
    r"|how (?:do|can|should|could) i (?:help|support|talk to|handle|approach|raise|bring (?:it|this) up|check in|reach"
    r"|get (?:him|her|them) help)|(?<!how )(?<!what )(?<!where )(?:do|should) i (?:wake|tell|confront|ask|wait|call"
    r"|ring|phone|take away|go (?:in|over|round)|drive|search|check on) (?:him|her|them|my|the|his|their|a)"
    r"|is it my place"
    # round 14: how to ask the person directly, and the words for it ("how to ask him directly if he's okay")
    r"|how to (?:ask|approach|talk to|check (?:in )?on|help|support|reach) (?:him|her|them)\b"
    r"|what words (?:should|do|can|could) i use"
    r"|(?:right|best|safest) way to (?:handle|approach|bring|raise|help|check)"
    r"|what do i say to (?:him|her|them|my \w+))\b", re.I)
_THIRD_RISK = compile_fast(
    r"\b(?:(?:cuts|scars|burns|blood|marks) on (?:his|her|their|my (?:\w+ ){0,3}?\w+(?:'|’)s)"
    r"|(?:his|her|their) (?:fresh )?(?:cuts|scars)"
    r"|(?:he|she|they)(?:'s|’s|'re|’re| is| are| has been| have been| was| were) (?:\w+ )?"
    r"(?:self[- ]?harm\w*|cutting|suicidal)"
    r"|(?:is|are) (?:\w+ )?self[- ]?harm\w*"
    r"|(?:he|she|they)(?:'s|’s|'ve|’ve| has| have)? (?:just )?(?:took|taken|swallowed|downed)"
    r" (?:\w+ ){0,4}?(?:pills|tablets|overdose)"
    # round 13b: the means found among a child's things ("blades in my daughter's pencil case", "pills under his bed"),
    # and a third person's farewell sent to the user ("she sent me a photo from the bridge saying sorry for everything")
    r"|(?:found|finding|find) (?:\w+ ){0,2}?(?:blades?|razors?|pills|tablets|a rope|a noose|a ligature)"
    r" (?:in|under|inside|hidden in|among) (?:his|her|their|my (?:\w+ ){0,2}?\w+(?:'|’)s)"
    r"|(?:he|she|they|my (?:\w+ ){0,2}?\w+) (?:just )?(?:texted|messaged|sent|posted|rang|called|left)\b[^.!?\n]{0,80}?"
    r"(?:sorry for everything|saying sorry|goodbye|love you all|thanks for everything|it(?:'|’)?s been a ride"
    r"|took all|i took)"
    r"|(?:kill|hurt|harm|cut|starv|hang)\w* (?:him|her|them)sel(?:f|ves)"
    r"|(?:take|took|taken|taking|end|ended|ending) (?:his|her|their) (?:own )?li(?:fe|ves)"
    # round 14b: a third person's passive wish ("my husband keeps saying he'd be better off dead"), and a third person
    # hurt by their partner or parent ("my sister's husband pushed her last night")
    rf"|(?:he|she|they)(?:{A}d| would) (?:all )?be better off (?:dead|gone|without (?:him|her|them)sel(?:f|ves))"
    r"|(?:he|she|they) (?:keeps? saying|kept saying|says|said|told me) (?:that )?(?:he|she|they)"
    r" (?:wants?|wanted) to (?:die|be dead)"
    r"|(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|fianc\w*|stepdad|stepfather|stepmum|stepmom)"
    r" (?:\w+ ){0,2}?(?:pushed|shoved|hit|hits|slapped|punched|kicked|beat|beats|strangled|choked|threatened)"
    r" (?:her|him|them)\b)\b", re.I)
_SHARED = compile_fast(
    r"\b(?:me too|i (?:kinda |kind of |sort of )?(?:get it|feel (?:like )?that|feel the same|do too|have too)|same here"
    r"|(?:like|as) (?:him|her|them),? i)\b", re.I)


def _quoted_other_cue(text: str) -> bool:
    """Whether a suicide or self-harm cue was set aside as someone else's quoted words (``_reported_speech``)."""
    reported = _reported_speech(text)
    return bool(reported) and any(k == "other" and any(rs <= s and e <= re_ for rs, re_ in reported)
                                  for s, e, k in scan_with_drops(text)[1])


def _own_hits(users: Sequence[str]) -> Iterator[Hit]:
    """The current (not past) rule hits of the user's own in ``users``; a third person's are left out."""
    return (h for u in users for h in scan_message(u) if not h.past and not _third_party(u, h.start))


def _own_current_cue(users: Sequence[str]) -> bool:
    """Whether any user message has a current rule cue of the user's own: a third person's cue, a time word or a
    means named alone (:data:`_NEUTRAL_KINDS`) does not count."""
    return any(h.kind not in _NEUTRAL_KINDS for h in _own_hits(users))


def helping_someone_else(users: Sequence[str]) -> bool:
    """Whether the user asks how to help another person whose risk they describe (:data:`_THIRD_RISK`,
    :data:`_HELP_QUESTION`), says nothing of feeling it too (:data:`_SHARED`), and has no current rule cue of their
    own (a third person's cue, a time word or a means named does not count)."""
    third = any(_THIRD_RISK.search(u) or _quoted_other_cue(u) for u in users)
    if not third or not any(_HELP_QUESTION.search(u) for u in users):
        return False
    if any(_SHARED.search(u) for u in users):
        return False
    return not _own_current_cue(users)


def recounts_a_case(users: Sequence[str]) -> bool:
    """Round 17 (fp17): whether the user is a professional recounting someone else's crisis (patterns in
    :mod:`.lexicon_frames`: :data:`PRO_WORDS`, two distinct), the
    person in it now cared for (:data:`CASE_SAFE`), the user saying they are fine (:data:`CASE_FINE`, no contrast
    after it), with nothing of their own in it (:data:`CASE_OWN`, :data:`_SHARED`) and no current rule cue of the
    user's own (a time word or a means named does not count)."""
    text = "\n".join(users)
    if not CASE_SAFE.search(text) or CASE_OWN.search(text) or _SHARED.search(text):
        return False
    if len({m.group(0).lower() for m in PRO_WORDS.finditer(text)}) < 2:
        return False
    if not any(not _CONTRAST.search(u[m.end() : m.end() + 80]) for u in users for m in CASE_FINE.finditer(u)):
        return False
    return not _own_current_cue(users)


# fa18: a crisis the user places firmly in the past ("eight years ago I sat in the truck with my gun", "back in
# uni") and a present-tense statement that it is over for them now: the memory without the urge ("just memories, not
# the urge", "no urges now", "haven't had the thoughts since", "the urge is gone"). The heads read the old episode's
# words (a weapon, a night in the car) as a disclosure. Not a bare "I'm fine"; undone by a contrast after the
# statement (_CONTRAST), by a later retraction (_RETRACTS) and by any current cue of the user's own (states_own_safety).
_OVER_NOW = compile_fast(
    r"\b(?:just|only) (?:the )?(?:memor(?:y|ies)|remembering)\W{1,3}(?:and )?not (?:the |an? |any )?"
    r"(?:urges?|thoughts?|wish)\b"
    r"|\bno (?:urges?|(?:dark |suicidal )?thoughts|wish to die) (?:now|anymore|any more|these days|since(?: then)?)\b"
    r"|\b(?:haven{A}?t|have not|hadn{A}?t|never) (?:had|felt) (?:the |an? |any |that |those )?(?:urges?|thoughts|wish)"
    r"(?: \w+){0,3}? (?:since(?: then)?|in years|for years|again)\b"
    r"|\bthe (?:urges?|thoughts|wish) (?:(?:is|are|has|have) )?(?:been )?(?:gone|long gone|went away|stopped|left me)"
    r"(?: (?:now|since|years ago|for good|for years))?\b".replace("{A}", A),
    re.I)


def past_behind_now(users: Sequence[str]) -> bool:
    """Whether one user message dates a crisis in the past (:data:`.lexicon.PAST`) and that one or a later one says in
    the present that it is over for the user (:data:`_OVER_NOW`), with no contrast after it and no later retraction."""
    first_past = next((i for i, u in enumerate(users) if PAST.search(u)), None)
    if first_past is None:
        return False
    for i in range(first_past, len(users)):
        for m in _OVER_NOW.finditer(users[i]):
            if _CONTRAST.search(users[i][m.end() : m.end() + 80]) or _DENIES_DARK_NOT.match(users[i][m.end() :]):
                continue
            if not any(_RETRACTS.search(v) for v in users[i + 1 :]):
                return True
    return False


def states_own_safety(users: Sequence[str]) -> bool:
    """Whether a user message says the risk talked about is not the user's own (:data:`_OWN_SAFETY`), with no
    contrast after it in that message and no current rule cue of the user's own (a third person's act, a time word
    or a means named does not count).

    Round 17 (lfa17): also where the user denies dark thoughts of their own (:func:`denies_own_dark_thoughts`).

    Also true where the user asks how to help someone else at risk and shows none of their own
    (:func:`helping_someone_else`, round 12), or recounts a case met at work (:func:`recounts_a_case`, round 17).

    The scorer keeps the learned layer from lifting such a conversation to moderate or above (the rules' level
    stands): an n-gram or embedding head reads a friend's overdose, a parent's self-harm question or a
    denied wish as the user's own risk. The rules still raise the level on any first-person disclosure.
    """
    if helping_someone_else(users) or recounts_a_case(users):
        return True
    said = False
    for u in users:
        for m in _OWN_SAFETY.finditer(u):
            if not _CONTRAST.search(u[m.end() : m.end() + 80]):
                said = True
    said = said or denies_own_dark_thoughts(users) or past_behind_now(users)
    if not said:
        return False
    return not _own_current_cue(users)


# Round 12: an ordinary sign-off ("thank you!! going in. cya", "that's me done for tonight, dentist Thursday. night!",
# "I go now, tomorrow is early shift. Bye bye"): a farewell with an everyday next thing to do, and no word of an end.
_SIGN_OFF = compile_fast(
    r"\b(?:bye|bye bye|byee+|goodbye|cya|see ya|see you(?: (?:later|soon|tomorrow|next week))?"
    r"|(?<!all )(?<!every )(?<!last )(?<!at )(?<!the )(?<!one )(?<!a )(?<!per )(?:good ?)?night|nite|ttyl"
    r"|talk (?:soon|later)|signing off)\W{0,8}(?:x+|lol|haha)?\W{0,4}$"
    r"|\bthat{A}?s me done\b"
    r"|\bthanks? (?:you )?(?:so much |very much )?for (?:everything|all (?:your|the) help|the help|your help|help)\b"
    .replace("{A}", A),
    re.I)
_EVERYDAY = compile_fast(
    r"\b(?:shift|work|bed|sleep|takeaway|dinner|tea|lunch|breakfast|presentation|interview|meeting|dentist|appointment|gp"
    r"|school|class|lecture|exam|gym|train|bus|flight|board|movers?|boxes|garden|walk|shower|cook\w*|shopping"
    r"|pick(?:ing)? up"
    r"|check in|landlord|letter|email|catnip|homework|revision|game|match|film|movie|telly|tv)\b", re.I)
_END_WORDS = compile_fast(
    r"\b(?:forever|for good|last time|final|never|won{A}?t be (?:here|around|back|a problem)|not be (?:here|around)"
    r"|sorry for everything|love you all|miss me|ready to go|one last|no more|it{A}?ll (?:all )?be over|end it"
    r"|sleep for ever|everyone|take care of (?:my|the|him|her|them)|forget it|forget i said|didn{A}?t mean|never ?mind"
    r"|ignore (?:me|that|what i))\b"
    .replace("{A}", A), re.I)


# Round 13c: a self-harm urge the user says they have resisted ("haven't done it in a year", "I haven't for two months",
# "8 months clean", "I didn't"). DATA_CARD: urges with no recent act are low.
_RESISTED = compile_fast(
    r"\b(?:haven{A}?t|have not|hasn{A}?t|has not|didn{A}?t|did not)(?: \w+)?"
    r" (?:done (?:it|anything|that)|cut|harmed|hurt|acted|given in|for|in|since)\b"
    r"|\bclean (?:from|for|since)\b|\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|few|couple of)"
    r" (?:days?|weeks?|months?|years?) clean\b".replace("{A}", A),
    re.I)
_IN_HAND = compile_fast(r"blade|razor|knife|lighter", re.I)
#: kinds that say nothing of an act on their own: a time word, a means named
_NEUTRAL_KINDS = frozenset({"timeline", "method"})


def _current_crisis_hits(users: Sequence[str]) -> list[Hit]:
    """The current (not past) suicide, self-harm and harm-to-others hits of the user's own, time words and means
    named left out."""
    return [h for u in users for h in scan_message(u)
            if not h.past and h.category in ("suicide", "self_harm", "harm_to_others") and h.kind not in _NEUTRAL_KINDS]


def resisted_urge_only(users: Sequence[str]) -> bool:
    """Whether the only crisis cues are self-harm urges (no blade in hand) that the user says they have not acted on
    (:data:`_RESISTED`). The learned heads read "the urge to cut is really strong tonight" as a recent act or more;
    the DATA_CARD puts urges with no recent act at low, so the scorer lets the heads lift such a conversation to low
    at most."""
    hits = _current_crisis_hits(users)
    if not hits or any(h.kind != "nssi_urge" or _IN_HAND.search(h.text) for h in hits):
        return False
    return any(_RESISTED.search(u) for u in users)


def payback_only(users: Sequence[str]) -> bool:
    """Whether the only crisis cues are payback with no wish to hurt anyone (lexicon ``payback``: "make him pay",
    "key his car", "slash his tyres"). The heads read revenge as violence; DATA_CARD: low at most."""
    hits = _current_crisis_hits(users)
    return bool(hits) and all(h.cue == "payback" for h in hits)


def aimed_at_other(users: Sequence[str]) -> bool:
    """Round 17: whether a means in the conversation is aimed at someone else (a poison for a named person, a car to be
    driven into theirs; :data:`.lexicon_targets.AIMED_AT_OTHER`) and the user voices no suicide or self-harm cue of
    their own beside it (a means word or a time is not one): the learned heads read "how long does antifreeze take to
    work" as the user's suicide, and the card's category is harm to others."""
    hits = [h for u in users for h in scan_message(u) if not h.past]
    hits += [h for k, u in enumerate(users) for h in _carried_hits(u, users[:k]) if not h.past]
    return any(h.cue in AIMED_AT_OTHER for h in hits) and not any(
        h.category in _OTHER_CATS and h.kind not in _NEUTRAL_KINDS for h in hits)


def ordinary_sign_off(users: Sequence[str]) -> bool:
    """Whether the newest user message is an ordinary sign-off: a farewell (:data:`_SIGN_OFF`) with an everyday
    next thing to do in the conversation (:data:`_EVERYDAY`), no word of an end (:data:`_END_WORDS`)
    and no current rule cue but a time word. The scorer does not let such a message alone lift the level: an
    embedding head reads "thanks for everything ... bye" as a farewell note."""
    if not users or not _SIGN_OFF.search(users[-1]) or _END_WORDS.search(users[-1]):
        return False
    if not any(_EVERYDAY.search(u) for u in users):
        return False
    return not any(not h.past and h.kind != "timeline" for h in scan_message(users[-1]))


def clarifies(text: str, hits: Sequence[tuple[int, Hit]]) -> bool:
    """Whether ``text`` corrects a misreading of the previous message's cues (all of a clarifiable kind)."""
    last = hits[-1][0]
    kinds = {h.kind for i, h in hits if i == last}
    if not kinds <= _CLARIFIABLE:
        return False
    clarify, referent, accident, farewell = _clarify_cues(text)
    if clarify and (referent or accident or farewell):
        return True
    if kinds <= {"prep", "timeline"} and farewell:
        return True
    return kinds <= {"nssi", "method", "timeline"} and accident


def states_ideation(users: Sequence[str]) -> bool:
    """Whether a user message has a rule cue of kind ``ideation`` that :func:`scan_message` keeps and does not mark as
    past: "I've been having suicidal thoughts", "i want to die". The scan drops the idioms, negations and third-party
    subjects its lexicons know, not all: "i wanted to die last year", "i no longer want to die" and some jokes still
    count. As :class:`.scorer.EncoderLine`'s keep that errs towards keeping a level (round 23 judged it as it is)."""
    return any(h.kind == "ideation" and not h.past for u in users for h in scan_message(u))


def reads_accident(users: Sequence[str]) -> bool:
    """Whether a user message reads an injury as an accident or as sport (a kitchen knife, a fall, a sparring
    session: :data:`.lexicon_extra.ACCIDENT_CONTEXT`, or an answer that calls it an accident)."""
    return any(_clarify_cues(u)[2] for u in users)


@lru_cache(maxsize=8192)
def _clarify_cues(text: str) -> tuple[bool, bool, bool, bool]:
    """What :func:`clarifies` reads in a message: a correction, a benign referent, an accident, a farewell.

    Cached by text: every turn re-reads the earlier user messages.
    """
    accident = ACCIDENT_CONTEXT.search(text) is not None or (
        _ACCIDENT_ANSWER.search(text) is not None and SELF_ACCIDENT_VETO.search(text) is None)
    return (_CLARIFY.search(text) is not None, _REFERENT.search(text) is not None,
            accident, ORDINARY_FAREWELL.search(text) is not None)


# Round 17 (sfa17): an answer that calls the injury an accident ("yeah lol accident, brunoise on onions during service",
# "by accident! the mandoline"): the assistant asked whether it was one. SELF_ACCIDENT_VETO keeps "it wasn't an
# accident", "I told them it was an accident" and "accidentally on purpose".
_ACCIDENT_ANSWER = compile_fast(
    r"^\W*(?:(?:yeah|yes|yep|yup|yh|ya|yea|ye|god|omg|oh|ha|haha|lol|lmao|sorry|no|nah|not at all)\W+){0,4}"
    r"(?:(?:it was |it{A}?s |totally |just |an? |purely |complete(?:ly)? |genuinely )*)"
    r"(?:an? )?(?:accident(?:al|ally)?|by accident)\b"
    .replace("{A}", A), re.I)


# Round 14b: a misreading corrected in answer to the assistant's question about it ("do you mean ending your life?"
# "No no! sorry, my English. I mean finish my life in England, I go home"; "oh gosh no, that came out dramatic. I mean
# the job"; "ha, no, I can see why you'd ask! they're gratitude letters"; "NO sorry, ending it with Dan"). The answer
# opens with a denial and says what was meant instead. A bare "no" or "I'm safe" is a safety answer only (one step
# down, :func:`credible_answer`); "jk", "forget it" or "I meant nothing by it" correct nothing (CLINICAL.md).
_CRISIS_TOPIC = compile_fast(
    r"suicid|(?:end|ending|take|taking) (?:your|their|ur) (?:own )?life|kill(?:ing)? (?:yourself|themselves)"
    r"|(?:hurt|hurting|harm|harming) (?:yourself|themselves)|self[- ]?harm|not (?:being )?(?:here|around|alive)"
    r"|want(?:ing)? to die|thoughts? of (?:dying|death)", re.I)
_DENY_OPEN = compile_fast(
    r"^\W*(?:(?:oh|ha|hah|ah|god|gosh|heavens|goodness|lord|omg|wow|oops|sorry|dear|my|no)\W+){0,3}"
    r"(?:no|nope|nah|not at all)\b", re.I)
# What the user meant instead, or that the words misled; "with (?-i:Name)" keeps a capitalised name only.
_MEANT = re.compile(
    r"\bi (?:mean|meant|was (?:talking|on) about|was referring to)\b(?! (?:nothing|it|anything|that)\b)"
    rf"|\bi{A}?m (?:talking|on) about\b"
    r"|\b(?:that|it|this) (?:\w+ )?(?:came out|sounded|sounds|reads|read) (?:\w+ )?"
    r"(?:dramatic|dark|bad|wrong|alarming|worse|scary|grim|morbid|weird|off)\b"
    r"|\bsorry,? (?:for )?my english\b|\b(?:wrong|bad|poor) (?:choice of )?(?:words?|wording|phrasing)\b"
    rf"|\b(?:see|get|understand) (?:why|how) you(?:{A}d| would| might| could)? (?:ask|think|read|worry)"
    r"|\b(?:ending|end|ended|finishing|finish|done|breaking up|break up|quitting|quit) (?:it |things )?with"
    r" (?:the|my|this|him|her|them|(?-i:[A-Z][a-z]+))\b"
    # not "I'm going home": a euphemism for dying as often as a trip
    rf"|\bi{A}?m (?:moving|downsizing|relocating|retiring|emigrating)\b",
    re.I)
_I_MEAN = compile_fast(r"\bi mean\b", re.I)
# The user takes a disclosure back (DATA_CARD: "jk" / "forget it" / "never mind, I'm fine" / "ignore me" never lower
# the level): no answer to a safety check that says so is credible (round 29, :func:`credible_answer`).
_TAKES_BACK_SRC = (r"forget (?:it|i said|what i said|about it)|never ?mind|nvm|ignore (?:me|what i said|that)"
                   r"|jk|j/k|just kidding|only (?:joking|kidding)|just joking|pretend i never"
                   r"|(?:just|only) being (?:dramatic|silly|stupid)")
_TAKES_BACK = compile_fast(rf"\b(?:{_TAKES_BACK_SRC})\b", re.I)
# ... and no answer that does so corrects a misreading; nor one that waves it off ("doesn't matter", "drop it", "forget
# that"), which an answer to a safety check may say of something else ("drop it off at the pharmacy")
_RETRACT = compile_fast(rf"\b(?:{_TAKES_BACK_SRC}|forget that|ignore it|kidding|doesn{{A}}?t matter|drop it)\b"
                        .replace("{A}", A), re.I)
#: what a correction may void in the message before the question (an act stays: not an attempt or one under way)
_MISREAD: frozenset[Kind] = _CLARIFIABLE | {"passive"}
#: kinds an answer may hold about what it meant instead ("we're eloping, I've decided"; "the pills for my back")
_REFERENT_KINDS: frozenset[Kind] = frozenset({"timeline", "method", "intent", "plan"})


@lru_cache(maxsize=8192)
def _asks_meaning(text: str) -> bool:
    """Whether an assistant message asks about a crisis reading of the user's words: a direct safety check, or a
    question after naming the crisis ("people sometimes give things away when they're thinking of not being around.
    is anything like that going on for you?")."""
    return _is_check(text)[0] or ("?" in text and _CRISIS_TOPIC.search(text) is not None)


@lru_cache(maxsize=8192)
def corrects_misreading(text: str) -> bool:
    """Whether a user answer to :func:`_asks_meaning` corrects a misreading: it opens with a denial, says what was
    meant (:data:`_MEANT`), retracts nothing, hedges nothing but "I mean", and holds no cue of its own beyond a
    time, a means, or intent and plan words with no suicidal wording (they are about what was meant)."""
    if not _DENY_OPEN.search(text) or not _MEANT.search(text) or _RETRACT.search(text):
        return False
    if _HEDGE.search(_I_MEAN.sub(" ", text)):
        return False
    return not any(not h.past and (h.kind not in _REFERENT_KINDS or _SELF_INTENT.search(h.text))
                   for h in scan_message(text))


def misreading_corrected(messages: Sequence[Message]) -> int:
    """The position among the user messages of the newest answer that corrects a misreading the assistant asked
    about (:func:`corrects_misreading`), or -1. The scorer keeps the learned layer from lifting the conversation up
    to it above low: the heads read the misread words, and the correction restating them, as a disclosure."""
    found, asked, n = -1, False, 0
    for msg in messages:
        if msg.role == "assistant":
            asked = _asks_meaning(msg.content)
            continue
        if msg.role != "user":
            continue
        if asked and n > 0 and corrects_misreading(msg.content):
            found = n
        asked = False
        n += 1
    return found


@lru_cache(maxsize=8192)
def _is_check(text: str) -> tuple[bool, bool, bool]:
    """Whether an assistant message asks a direct safety question, whether it asks "do you feel safe" (an answer must
    affirm safety), and whether it asks only "are you safe (right now)?" (round 29: an answer must affirm safety with
    something specific, :func:`credible_answer`). A message that also asks about a plan or the thoughts keeps the
    plain rule ("no plan, no"); "are you safe" with an alternative ("or is he still there?") is not read as a check."""
    asked = False
    for m in _CHECK.finditer(text):
        _, right = sentence_of(text, m.start(), m.end())
        if text[right : right + 1] != "?":
            continue
        if _SAFE_QUESTION.search(text[m.start() : right]) is not None:
            return True, True, False
        if _ARE_YOU_SAFE.match(text, m.start()) is None:
            return True, False, False
        if _OR_AFTER.search(text, m.end(), right):
            continue  # "are you safe right now, or is he still there?": "no, he's still here" is no answer to read
        asked = True
    return asked, asked, asked


# Round 14b: an answer that says the thoughts go on ("I don't have a plan. it's just there.") reports no safety.
_PERSISTS = compile_fast(
    rf"\b(?:it{A}?s|it is|they{A}?re|they are) (?:just |always |still )+(?:there|with me)\b"
    rf"|\b(?:doesn{A}?t|does not|don{A}?t|do not|never) (?:really |ever )?go(?:es)? away\b"
    r"|\bstill (?:think|thinking) about (?:it|them|that)\b"
    # round 29: "no plan. its more like the thought keeps showing up when im alone at night" (dev84 r002)
    r"|\b(?:keeps?|kept) (?:showing|popping|coming|turning) (?:up|back)\b", re.I)


# Round 17 (helper fa17): a promise limited to a time or a circumstance postpones the act, it does not answer the
# check (DATA_CARD dev25: "won't do anything while the grandson's here" is postponing, `high`): "while X is here",
# "as long as mum's alive", "not this week", "not till after Christmas", "won't do anything tonight". Not "not right
# now": it answers "are you thinking about it right now?" (dev r0213).
_POSTPONED = compile_fast(
    r"\b(?:while|whilst|as long as|so long as)\b[^.!?\n]{0,40}?\b(?:here|around|about|home|staying|stopping|visiting"
    r"|with me|over|in the house|living with me|alive|still (?:here|around|alive))\b"
    r"|\b(?:not|won{A}?t|wont|will not|wouldn{A}?t|never|n{A}?t)\b[^.!?\n]{0,30}?\b(?:this (?:week|weekend|month|time)"
    r"|today|tonight|yet|for a while|(?:un)?till? (?:after|\w+ (?:is|are|has|have|goes|go|gets)\b)"
    r"|before (?:christmas|easter|the|my|his|her|their|they|he|she|we))\b"
    r"|\b(?:till|until|til) after\b|\bnot (?:till|until|til|before|while|whilst)\b".replace("{A}", A), re.I)

# ... unless the promise is for good ("not today, not ever", "not now or ever")
_FOR_GOOD = compile_fast(r"\b(?:not|or|nor|never|n{A}?t) ever\b|\bever again\b|\bfor good\b".replace("{A}", A), re.I)

# Round 29 (S): in an abuse conversation, safe because the other person is out for now ("i'm ok, he's at work", "he
# went to the pub, won't be back till late"): the danger comes home, so the answer does not resolve it (dev87 r052).
# Only where abuse is disclosed: a supportive partner "at work tomorrow" is not the danger.
_AWAY_FOR_NOW = compile_fast(
    rf"\b(?:he|she|they)(?:{A}s| is|{A}re| are| has| have)? (?:(?:still|just|now) )?(?:at work|asleep|sleeping"
    r"|at the pub|down the pub|out|gone out|gone (?:to|down) \w+|went (?:out|to|down)"
    r"|on (?:nights|a night|shift|a shift|a trip|a work trip)|away|working|not (?:home|back|here))\b"
    rf"|\b(?:he|she|they) (?:won{A}?t|wont|will not|isn{A}?t|is not|not) (?:be )?(?:back|home)"
    r" (?:till|until|til|before)\b"
    r"|\b(?:till|until|til) (?:he|she|they) (?:gets?|comes?|is|are) (?:back|home|in)\b", re.I)
# ... nor the other person's apology ("he said sorry and promised it won't happen again"), nor company that is the
# person the user named in the abuse ("my mum hits me with the belt" ... "yeah im ok my mum is here with me")
_ABUSER_SORRY = compile_fast(
    r"\b(?:he|she|they)(?:{A}s| (?:has|had|have))? (?:(?:cried|wept) and )?"
    r"(?:said (?:sorry|he{A}?s sorry|she{A}?s sorry|it won{A}?t|(?:he|she|they){A}?d never)"
    r"|apologi[sz]ed|promised|swore|is sorry|was sorry|really sorry"
    r"|feels? (?:bad|terrible|awful)|calmed down)|won{A}?t happen again|never do it again\b".replace("{A}", A), re.I)
_COUPLES = compile_fast(r"\bcouples? (?:counsell?(?:ing|or)|therapy|therapist)\b", re.I)
_WITH_ME = compile_fast(rf"\bmy (\w+)(?: \w+)? (?:is|are|{A}s) (?:here|with me|home|in the house)\b", re.I)
_KIN_WORD = compile_fast(r"\b(?:my|his|her|our) (\w+)\b", re.I)


_SAME_PERSON = {"father": "dad", "daddy": "dad", "papa": "dad", "mother": "mum", "mom": "mum", "mam": "mum",
                "mummy": "mum", "mommy": "mum", "mama": "mum", "stepfather": "stepdad", "stepmother": "stepmum",
                "stepmom": "stepmum", "boyfriend": "bf", "girlfriend": "gf", "grandmother": "gran", "grandma": "gran",
                "nan": "gran", "granny": "gran", "grandfather": "grandad", "grandpa": "grandad"}


def _person(word: str) -> str:
    w = word.lower()
    return _SAME_PERSON.get(w, w)


def company_is_abuser(answer: str, abuse_texts: frozenset[str]) -> bool:
    """Whether the company an answer names ("my mum is here with me") is a person the user named in an abuse cue
    ("my mother hits me"; "dad" and "father" are one person)."""
    named = {_person(m.group(1)) for t in abuse_texts for m in _KIN_WORD.finditer(t)}
    named |= {_person(w) for t in abuse_texts for w in re.findall(r"\w+", t)[:2]}
    return any(_person(m.group(1)) in named for m in _WITH_ME.finditer(answer))


# Round 29 (S, second review): what leaves the danger unresolved in any answer: not safe ("I don't feel safe. My
# brother is here though"), the means still at hand ("the pills I still have, in my bag", "I know where he keeps the
# key"), company that cannot help ("hes passed out drunk", "my pills are here with me", "my dog is here"), help far off
# ("an appointment in about six weeks"; not "my niece's christening next month"), "not going to call them", or a hedge
# the older list lacks ("prolly", "dunno").
_UNRESOLVED = compile_fast(
    r"\b(?:not (?:really |exactly |totally |completely |very )?safe|(?:don{A}?t|do not|never) feel safe|unsafe"
    r"|safe enough|still (?:have|got) (?:them|it|the \w+|some|a few)"
    r"|(?:they{A}?re|theyre|it{A}?s|its) (?:still )?(?:in|under) my \w+"
    r"|(?:i )?know where (?:he|she|they) keeps?|kept (?:a few|some|one|two) back"
    r"|(?:passed out|drunk|wasted|off (?:his|her|their) face)\b"
    r"|\b(?:pills|tablets|meds|rope|gun|knife|knives|blades?|razors?)\b[^.!?]{0,20}\bstill (?:have|got)\b"
    r"|(?:pills|tablets|meds|knife|rope|gun|dog|cat) (?:is|are) (?:here|with me)"
    r"|(?:appointment|referral|waiting list|assessment|see (?:a|the|my) \w+)[^.!?\n]{0,40}"
    r"(?:next month|in (?:about |like )?(?:a few|two|three|four|five|six|\d+) (?:weeks|months))"
    r"|not going to (?:call|text|ring|tell|use)"
    r"|prolly|dunno|not that it matters|(?:i )?didn{A}?t mean it|scratch that|overreact\w*|so you{A}?d stop asking)\b"
    .replace("{A}", A), re.I)
# Round 29 (S, third review): what an answer to "are you safe?" may rest on besides :data:`_SPECIFIC`: someone with
# them, or a concrete appointment; not a promise, "I can text my friend if I need to", "I've got people around me" or
# "I have a therapist" (round 30, B: nor to any other check).
_WITH_SOMEONE = compile_fast(
    r"(?:my|a) (?:\w+ )?(?:is|are) (?:here|with me|coming over(?! (?:next|in (?:a|\w+) (?:weeks?|months?)))"
    r"|staying (?:with me|over|here|tonight))"
    rf"|(?:is|are|{A}s|{A}re) (?:sitting|staying|sleeping over) (?:with me|here)"
    r"|(?:have|got) (?:an? )?(?:appointment|gp appointment|session)\b"
    r"|(?:seeing|see|meeting|speaking to|talking to) my "
    r"(?:therapist|counsell?or|gp|doctor|psychiatrist|care coordinator|key worker)"
    r" (?:tomorrow|today|tonight|on \w+|at \d)",
    re.I)
# In an abuse conversation, a partner's company is the abuser's as often as not ("my partner is here with me now, he's
# calmed down"): company counts only from someone else (a parent named in the abuse: :func:`company_is_abuser`).
_PARTNER_HERE = compile_fast(
    rf"\bmy (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|fianc[eé]e?|ex)(?: \w+)? (?:is|are|{A}s) "
    r"(?:here|with me|home|in the house)\b", re.I)


# Round 29 (S): what makes an answer to "are you safe?" specific (DATA_CARD: means removed or handed over, someone with
# them, an appointment or contact made, no plan, reasons for living); a bare "yeah im fine" is not. Round 30 (B): its
# no-intent and reasons-for-living half (_NO_INTENT) answers every check; its means half (_MEANS_GONE) only "are you
# safe?", as before: round 30's review found handovers it cannot yet tell from means kept or given back ("gave the knife
# to my brother but he gave it back yesterday", "Dad locked the rifle up. I have the key though", "my sister gave her
# pills to the pharmacy").
_NO_INTENT_SRC = (
    rf"(?:i{A}m|im|i am) not "
    r"(?:suicidal|(?:going to|gonna|planning to) (?:do|hurt|kill|act|try|end|harm|take|go through))"
    r"|\bno (?:plan|plans|intention|intent)\b(?! (?:to|of|for) (?!(?:act|do|hurt|kill|end|harm|try)\b))"
    rf"|(?:don{A}t|do not|didn{A}t) have (?:a|any) (?:plan|plans)\b"
    r"(?! (?:for|to|of) (?!(?:act|do|hurt|kill|end|harm)\b))"
    rf"|(?:would(?:n{A}t| never)|won{A}t|will not|wont) (?:do (?:that|it|anything)|hurt|kill|act)\b(?! for\b)"
    r"|\b(?:my|the) (?:\w+ )?(?:kids?|children|son|daughter|boys|girls|dog|cat|family) (?:is|are) (?:the reason|why)"
    rf" (?:i{A}m|im|i am|i{A}d|i) (?:still|staying|here|alive|hold|holding|keep|keeping|not|never|going|carry)")
_MEANS_GONE_SRC = (
    r"\b(?:gave|handed|given|passed) (?:\w+ ){0,3}(?:pills|tablets|meds|medication|blades?|razors?|rope|belt|gun"
    r"|rifle|knife|knives|keys|stash)"
    r"|\b(?:got rid of|threw (?:\w+ ){0,2}away|binned|flushed|locked (?:them|it|the \w+) (?:away|up)"
    r"|took (?:them|it|the \w+) (?:away|off me))\b")
_SPECIFIC = compile_fast(_NO_INTENT_SRC + "|" + _MEANS_GONE_SRC, re.I)
_NO_INTENT = compile_fast(_NO_INTENT_SRC, re.I)

_LEADING_NO = compile_fast(r"^\W*(?:no|nope|nah|not (?:really|sure|exactly|totally|completely|fully|very))\b"
                           r"(?! (?:plan|plans|intention|intent|thoughts)\b)", re.I)
_SAYS_SAFE = compile_fast(rf"\b(?:i{A}?m|im|i am) (?:\w+ )?(?:safe|ok|okay|fine|alright|all right)\b", re.I)


@lru_cache(maxsize=8192)
def _impairment_explained(text: str) -> bool:
    """Whether a user message gives an ordinary reason for days of impairment or says it is over. Cached by text:
    every credible answer re-reads the earlier user messages."""
    return ORDINARY_IMPAIRMENT.search(text) is not None or _IMPAIRMENT_OVER.search(text) is not None


def impairment_stands(answer: str, users: Sequence[str]) -> bool:
    """Round 28 (G): whether an impairment keeps moderate after ``answer``, a credible answer to a safety check."""
    return _HELP_ARRANGED.search(answer) is None and not any(_impairment_explained(u) for u in users)


def _answer_floor(hits: Sequence[tuple[int, Hit]], answer: str, users: Sequence[str]) -> int:
    """The level a credible answer cannot lower the conversation below: what a disclosed act keeps (:data:`_FLOOR`),
    and moderate for days of impairment the answer leaves standing (:func:`impairment_stands`)."""
    current = [h for _, h in hits if not h.past]
    floor = max((_FLOOR.get(h.kind, 0) for h in current), default=0)
    if floor < 2 and any(h.kind == "impairment" for h in current) and impairment_stands(answer, users):
        floor = 2
    return floor


@lru_cache(maxsize=8192)
def credible_answer(text: str, *, safe_question: bool, specific: bool = False,
                    abuse: frozenset[str] = frozenset()) -> bool:
    """A user answer to a safety check that credibly reports safety (no hedging, no new cue, no thought going on).
    ``specific``: the check asked only "are you safe?", so an affirmation needs something specific beside it
    (:data:`_SPECIFIC`, or someone with them, an appointment, :data:`_WITH_SOMEONE`); ``abuse``: the texts of the
    current abuse cues, where abuse is disclosed: safety while the other person is out (:data:`_AWAY_FOR_NOW`), their
    apology (:data:`_ABUSER_SORRY`) or their company (:func:`company_is_abuser`) is not credible."""
    if _HEDGE.search(text) or _PERSISTS.search(text) or (_POSTPONED.search(text) and not _FOR_GOOD.search(text)):
        return False
    # Round 29 (S): "yeah nah I'm good. forget I said anything" takes the disclosure back, it does not answer the
    # check (DATA_CARD: "jk" and "forget it" never lower the level); "the pills I still have" leaves it unresolved.
    if _TAKES_BACK.search(text) or _UNRESOLVED.search(text):
        return False
    if abuse and (_AWAY_FOR_NOW.search(text) or _ABUSER_SORRY.search(text) or company_is_abuser(text, abuse)
                  or _PARTNER_HERE.search(text) or _COUPLES.search(text)):
        return False
    # "Are you safe?" - "No, not really. My sister is here though.": a "no" to that question is not safety, whatever
    # help follows, unless the answer says it is safe ("no no, I'm fine, my sister's here"); "feel safe" keeps its rule.
    if safe_question and _LEADING_NO.match(text) and not _SAYS_SAFE.search(text):
        return False
    if any(not h.past and h.kind not in ("method", "timeline") for h in scan_message(text)):
        return False
    if specific:
        return _SPECIFIC.search(text) is not None or _WITH_SOMEONE.search(text) is not None
    # Round 30 (B): to every other check too, the answer must be specific (DATA_CARD: "a vague 'it's fine, don't worry'
    # is not credible"): someone with them, an appointment, no plan, not going to, reasons for living; not a promise,
    # "I'll call someone if it gets bad", "I have a therapist" or, to "do you feel safe?", a bare "yeah I'm fine".
    if _NO_INTENT.search(text) is not None or _WITH_SOMEONE.search(text) is not None:
        return True
    # to a question about the thoughts or a plan, a denial answers it ("no", "nope, never"); to "do you feel safe?" not
    return not safe_question and _DENY.search(text) is not None


# Round 13, context carried across messages. (a) Grooming: the age gap may be stated in an earlier message than the
# request ("he's 24 and I'm 14" ... "last night he asked for pics"): the cue's age-gap need is read over the
# conversation's user messages so far, its drops over the message itself.
# (a') Round 17: a poison asked about in one message and the person it is for named in a later one ("how long does
# antifreeze take to work" ... "she'll drink anything sweet"); its drops (a pet, a pest, fiction) are read over the
# earlier messages too, as the need is.
_CARRIED = frozenset({"grooming", *TARGET_CARRIED})
_CARRIED_CUES = tuple(cue for cue in _ALL_CUES if cue.name in _CARRIED)


def _carried_hits(text: str, before: Sequence[str]) -> list[Hit]:
    """Hits of the :data:`_CARRIED` cues in ``text`` whose message-level need is met only with the earlier user
    messages ``before`` in view (the need met in ``text`` alone is :func:`scan_with_drops`'s own case)."""
    out: list[Hit] = []
    for cue in _CARRIED_CUES:
        found = find_all(cue.pattern, text)  # the cue itself first: rare, and the joined history can be long
        if not found:
            continue
        needs = _MSG_NEEDS[cue.name]
        if needs.search(text) or _MSG_DROPS[cue.name].search(text):
            continue
        history = "\n".join((*before, text))
        if not needs.search(history) or (cue.name in TARGET_CARRIED and _MSG_DROPS[cue.name].search(history)):
            continue
        for s, e in found:
            if cue.negatable and _negated(text, s):
                continue
            out.append(Hit(cue.name, cue.kind, cue.category, s, e, _is_past(text, s, e), text[s:e]))
    return out


# (b) A yes to the assistant's direct question about suicidal thoughts ("have you had thoughts of ending your
# life?" "yeah. a lot."): the answer discloses ideation, however short. A yes taken back at once ("yeah no, nothing
# like that") is not one.
_IDEATION_Q = compile_fast(
    r"\b(?:thoughts? (?:of|about) (?:ending (?:your|ur) (?:own )?life|suicide|killing yourself"
    r"|taking your (?:own )?life"
    r"|not (?:being (?:here|alive)|wanting to (?:live|be here)))"
    r"|thinking (?:about|of) (?:suicide|ending (?:your|ur) (?:own )?life|killing yourself|taking your (?:own )?life)"
    r"|(?:feel|feeling|felt) suicidal|want(?:ing)? to (?:die|end (?:your|ur) (?:own )?life|kill yourself))\b",
    re.I)
# Round 16: a yes hedged by how often or how much ("some nights yeah", "honestly? a bit. most days", "on and off")
# is a yes too; "honestly" may stand before any of them.
_HOW_OFTEN = (r"(?:(?:some|most|a few|many|certain|other|late) (?:nights?|days?|mornings?|evenings?|times|weeks)"
              r"|at times|lately|recently|on and off|off and on|now and (?:then|again)|every (?:day|night|morning)"
              r"|more (?:than i(?:'|’)?d like|often than not)|a (?:bit|little)(?: bit)?|quite a bit|a fair bit"
              r"|more and more)")
_AFFIRM_YES = compile_fast(
    r"^\W*(?:honestly\W*|tbh\W*)?(?:yes|yeah|yep|yea|ya|yh|yup|i have|i do|sometimes|a lot|honestly,? (?:yes|yeah)"
    rf"|kind of|kinda|sort of|{_HOW_OFTEN}(?:\W*(?:yes|yeah|yep|ya|yea))?)\b"
    r"(?![\s\S]{0,25}\b(?:no|not|nothing|never|nah)\b)",
    re.I)


# (c) Round 14: a yes to the assistant's direct question about a plan or intent to end their life ("do you mean you're
# planning to end your life on Saturday?" "yeah. had it planned for weeks"): the answer discloses intent, and ideation
# with it, so a time in the conversation makes it imminent (CLINICAL.md). A yes taken back at once is not one.
_PLAN_Q = compile_fast(
    r"\b(?:(?:planning|plan|planned|going|intending|intend|decided|deciding|meaning|preparing)"
    r" to (?:end (?:your|ur) (?:own )?life"
    r"|kill yourself|take your (?:own )?life|die|attempt suicide|act on (?:it|them|those thoughts))"
    r"|(?:have|got|made|make) (?:a )?plans? (?:to|for|about) (?:ending|end|killing|kill|suicide|taking your|how))\b",
    re.I)


@lru_cache(maxsize=8192)
def _asks_plan(text: str) -> bool:
    """Whether an assistant message asks, in a question, whether the user plans or intends to end their life."""
    for m in _PLAN_Q.finditer(text):
        _, right = sentence_of(text, m.start(), m.end())
        if text[right : right + 1] == "?":
            return True
    return False


def _affirmed_plan(text: str) -> list[Hit]:
    """A yes to :func:`_asks_plan`: intent, and the ideation it implies (which puts the intent in context)."""
    m = _AFFIRM_YES.search(text)
    if m is None or _CLARIFY.search(text):
        return []
    s, e, said = m.start(), m.end(), text[m.start() : m.end()]
    return [Hit("affirmed_plan", "ideation", "suicide", s, e, False, said),
            Hit("affirmed_plan", "intent", "suicide", s, e, False, said)]


# A short check question right after the sentence naming the thoughts ("... you've been thinking about ending your
# life there. Is that what's been going through your mind?"): the question asks about them.
_CHECK_Q = compile_fast(
    r"\s*(?:is|are|was|am|have|has|does|do|did)\b[^.!?\n]{0,60}"
    r"\b(?:that|this|it|right|so|true|mind|the case)\b[^.!?\n]{0,20}\?",
    re.I)


@lru_cache(maxsize=8192)
def _asks_ideation(text: str) -> bool:
    """Whether an assistant message asks, in a question, about the user's suicidal thoughts (:data:`_IDEATION_Q`):
    in the sentence naming them, or in a short check question right after it (:data:`_CHECK_Q`)."""
    for m in _IDEATION_Q.finditer(text):
        _, right = sentence_of(text, m.start(), m.end())
        if text[right : right + 1] == "?":
            return True
        # The check-question route reads active thoughts only: a check on a statement of no thoughts ("you're not
        # thinking about ending your life. Is that right?") is not one, and a yes to passive ones ("thoughts about not
        # wanting to be here ... Has anything like that crossed your mind?") is a passive wish, low (DATA_CARD).
        if (_CHECK_Q.match(text[right + 1 : right + 120]) and " not " not in f" {m.group(0).lower()} "
                and not _negated(text, m.start())):
            return True
    return False



def _affirmed_ideation(text: str) -> list[Hit]:
    m = _AFFIRM_YES.search(text)
    if m is None:
        return []
    return [Hit("affirmed_ideation", "ideation", "suicide", m.start(), m.end(), False, text[m.start() : m.end()])]


@dataclass(slots=True)
class _State:
    hits: list[tuple[int, Hit]] = field(default_factory=list)
    rank: int = 0
    resolved_last: bool = False
    drops: int = 0
    answer: int = -1  # the index of the last credible answer to a safety check (-1: none)


def _void_misread(st: _State, message: int) -> None:
    """Round 14b: set aside the cues of ``message`` that a corrected misreading explains (:data:`_MISREAD`); an act
    or anything graver stays, and then so does every cue of that message."""
    own = [h for i, h in st.hits if i == message and not h.past]
    if not own or any(h.kind not in _MISREAD for h in own):
        return
    st.hits = [(i, h) for i, h in st.hits if i != message]
    st.rank = min(st.rank, _combine(st.hits)[0])


def _near(i: int, hits: Sequence[tuple[int, Hit]], kinds: frozenset[Kind], window: int) -> bool:
    return any(h.kind in kinds and abs(i - j) <= window for j, h in hits)


_STRONG_CONTEXT: frozenset[Kind] = frozenset(
    {"ideation", "prep", "attempt", "nssi", "nssi_severe", "coded", "nssi_urge"})
_PASSIVE: frozenset[Kind] = frozenset({"passive"})


def _combine(hits: Sequence[tuple[int, Hit]]) -> tuple[int, list[tuple[int, Hit]]]:
    """The level the current (not past) hits reach together, and the hits that carry it.

    Means, plans and stated intent are ambiguous on their own ("i have a plan for saturday", "i took
    my meds"), so they count only near a suicidal context: a strong one (ideation, preparation, an
    attempt, self-harm) within a few messages, or a passive one in the same or the next message.
    """
    current = [(i, h) for i, h in hits if not h.past]
    rank = 0
    used: list[tuple[int, Hit]] = []
    for i, h in current:
        base = _BASE_RANK.get(h.kind)
        if base is not None and h.kind not in ("plan", "intent", "in_progress"):
            rank = max(rank, base)
            used.append((i, h))

    def in_context(i: int) -> bool:
        return _near(i, current, _STRONG_CONTEXT, 6) or _near(i, current, _PASSIVE, 2)

    acting: list[tuple[int, Hit]] = []
    for i, h in current:
        own = _STRONG_PLAN if h.kind == "plan" else _SELF_INTENT
        # A plan next to a means ("i have a plan" ... "the bridge by the park") is a plan, ideation or not.
        means_near = h.kind == "plan" and _near(i, current, frozenset({"method"}), 4)
        # Round 17: a plan or stated intent aimed at another person (lexicon_targets) names its target and means itself.
        toward_other = h.category == "harm_to_others"
        if h.kind in ("plan", "intent") and (own.search(h.text) or in_context(i) or means_near or toward_other):
            acting.append((i, h))
    for i, h in current:
        if h.kind == "method" and (in_context(i) or any(abs(i - j) <= 2 for j, _ in acting)):
            acting.append((i, h))
    if acting:
        rank = max(rank, 3)
        used.extend(acting[:4])
    progress = [(i, h) for i, h in current if h.kind == "in_progress"]
    if progress:
        rank = 4
        used.extend(progress)
    # A timeline counts only beside (same or adjacent message) intent, a plan, a means or preparation.
    movers = [j for j, h in (*acting, *((i, h) for i, h in used if h.kind == "prep"))]
    if rank >= 3 and movers:
        near = [(i, h) for i, h in current if h.kind == "timeline" and any(abs(i - j) <= 2 for j in movers)]
        committed = any(h.kind in ("intent", "plan", "prep") for _, h in (*acting, *used))
        if near and committed:
            rank = 4
            used.extend(near[:1])
    # Ambivalence about safety ("can't guarantee anything") is low alone and raises ideation by one level.
    if rank in (1, 2) and any(h.kind == "ambivalent" for _, h in current) and any(
        h.kind != "ambivalent" and _BASE_RANK.get(h.kind, 0) >= 1 for _, h in used
    ):
        rank += 1
        used.extend((i, h) for i, h in current if h.kind == "ambivalent")
    if any(h.kind == "violence" for _, h in current) and any(
        _VIOLENT_MEANS.search(h.text) for _, h in current if h.kind in ("method", "plan", "violence")
    ):
        rank = max(rank, 3)
    return rank, used


class RiskTracker:
    """Combines per-message cues into the conversation's risk. Pure; the only state is a text cache.

    ``past_rank`` is the level a past, resolved episode still carries (0: none).
    """

    def __init__(self, *, past_rank: int = 0, model: Callable[[Sequence[str]], float] | None = None) -> None:
        self.past_rank = past_rank
        self.model = model

    def _scan(self, messages: Sequence[Message]) -> _State:
        st = _State()
        check: tuple[bool, bool, bool] = (False, False, False)
        asked = False
        asked_plan = False
        meaning = False
        prev_user = -1
        before: list[str] = []
        for idx, msg in enumerate(messages):
            if msg.role == "assistant":
                check = _is_check(msg.content)
                asked = _asks_ideation(msg.content)
                asked_plan = _asks_plan(msg.content)
                meaning = _asks_meaning(msg.content)
                continue
            if msg.role != "user":
                continue
            if meaning and prev_user >= 0 and corrects_misreading(msg.content):
                _void_misread(st, prev_user)
            meaning = False
            prev_user = idx
            hits = scan_message(msg.content)
            if before:
                hits = (*hits, *_carried_hits(msg.content, before))
            if asked_plan:
                hits = (*hits, *_affirmed_plan(msg.content))
            elif asked:
                hits = (*hits, *_affirmed_ideation(msg.content))
            asked = asked_plan = False
            before.append(msg.content)
            st.resolved_last = False
            if not any(not h.past for h in hits) and st.hits and clarifies(msg.content, st.hits):
                last = st.hits[-1][0]
                st.hits = [(i, h) for i, h in st.hits if i != last]
                st.rank = min(st.rank, _combine(st.hits)[0])
            credible = False
            if check[0] and st.rank > 0:
                abuse = frozenset(h.text for h in (*hits, *(h for _, h in st.hits))
                                  if h.category == "abuse" and not h.past)
                credible = credible_answer(msg.content, safe_question=check[1], specific=check[2], abuse=abuse)
            if credible:
                # Means named in a credible answer are being given up ("put the blades in the bin").
                hits = tuple(h for h in hits if h.kind not in ("method", "timeline"))
            if hits:
                st.hits.extend((idx, h) for h in hits)
                new_rank, _ = _combine(st.hits)
                if any(not h.past for h in hits):
                    st.rank = max(st.rank, new_rank)
            if credible:
                floor = _answer_floor(st.hits, msg.content, before)
                st.rank = max(st.rank - 1, min(floor, st.rank))
                st.resolved_last = True
                st.drops += 1
                st.answer = idx
            check = (False, False, False)
        return st

    def assess(self, messages: Sequence[Message], *, prior: RiskAssessment | None = None) -> RiskAssessment:
        return self.assess_with_drops(messages, prior=prior)[0]

    def assess_with_drops(
        self, messages: Sequence[Message], *, prior: RiskAssessment | None = None
    ) -> tuple[RiskAssessment, int]:
        """The assessment and how many credible safety answers lowered it (the learned layer defers to those)."""
        return self.assess_with_answer(messages, prior=prior)[:2]

    def assess_with_answer(
        self, messages: Sequence[Message], *, prior: RiskAssessment | None = None
    ) -> tuple[RiskAssessment, int, int]:
        """As :meth:`assess_with_drops`, and the index in ``messages`` of the last credible answer (-1: none)."""
        st = self._scan(messages)
        _, used = _combine(st.hits)
        rank = st.rank
        if self.past_rank and any(h.past for _, h in st.hits):
            rank = max(rank, self.past_rank)
        if prior is not None:
            floor = risk_rank(prior.level) - (1 if st.resolved_last else 0)
            rank = max(rank, floor)
        cats: set[RiskCategory] = {h.category for _, h in used if h.kind not in ("method", "timeline")}
        if rank == 0:
            cats = set()
        if prior is not None and risk_rank(prior.level) > 0 and rank > 0:
            cats |= set(prior.categories)
        if rank >= 2 and not cats:
            cats = {h.category for _, h in used} or {"suicide"}
        lo, hi = _BANDS[rank]
        distinct = len({h.cue for _, h in used})
        strength = 1.0 - 0.5 ** max(distinct, 0) if rank else 0.0
        if self.model is not None:
            users = [m.content for m in messages if m.role == "user"]
            p = self.model(users) if users else 0.0
            strength = 0.5 * strength + 0.5 * p
        score = round(lo + (hi - lo) * min(max(strength, 0.0), 0.999), 4)
        ev = _evidence(messages, used)
        level: RiskLevel = RISK_LEVELS[rank]
        return RiskAssessment(
            level=level,
            categories=tuple(c for c in RISK_CATEGORIES if c in cats),
            score=score,
            evidence=ev,
            backend="rules" if self.model is None else "rules+model",
        ), st.drops, st.answer


def _evidence(messages: Sequence[Message], used: Sequence[tuple[int, Hit]], limit: int = 6) -> tuple[Evidence, ...]:
    seen: set[tuple[int, int, int]] = set()
    ranked = sorted(used, key=lambda ih: (-_SEVERITY.get(ih[1].kind, 0), ih[0], ih[1].start))
    out: list[Evidence] = []
    for i, h in ranked:
        key = (i, h.start, h.end)
        if key in seen:
            continue
        seen.add(key)
        text = messages[i].content
        out.append(Evidence(message=i, start=h.start, end=h.end, text=text[h.start : h.end]))
        if len(out) >= limit:
            break
    return tuple(sorted(out, key=lambda e: (e.message or 0, e.start)))

