# ruff: noqa: E501  (one behaviour per line reads better than wrapped regular expressions)
"""Grounding: does the reply answer what THIS client said and feels, or a generic client?

Two acts a CTRS rater checks against the client's own words, not against the reply alone:

- understanding: a reflection is accurate when its feeling belongs to the family the client
  expressed (anger, fear, sadness, shame, loneliness, tiredness, uncertainty, joy) at about the
  client's intensity, and when it stays with the client's content. It misses when it names a feeling
  from a family the client's words contradict ("anxious and scared" for someone elated, "a little
  tired" for someone furious), when it shrinks an intense feeling with a hedge ("a bit annoyed" for
  rage), or when it brings in a part of life the client never mentioned ("...with your partner").
  A feeling from a neighbouring family offered tentatively (hurt under anger) is not a miss.
- interpersonal effectiveness: in answer to distress, a reply that puts the schedule or the task
  above the person ("we still have three items to cover"), or tells the client to manage their
  emotion for the therapist's convenience ("calm down so we can finish"), is procedural coldness;
  a reply that explicitly lets the task wait for the person is its opposite.

The client's feelings come from a small lexicon grouped by family with an intensity 1..3, plus a few
phrases that show a feeling without naming it ("wanted to kill him", "heart pounding", "nobody
noticed", "I did it!!"). Everything is word sets and a handful of regular expressions: a few
microseconds per reply. Reflections that miss are returned so the caller can withhold the credit a
reflective stem would otherwise earn ("It sounds like..." around the wrong feeling shows no
understanding).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._text import Sentence, content_words

__all__ = ["FEELING_WORDS", "Grounding", "client_feelings", "ground"]

_LEXICON: dict[str, dict[int, str]] = {
    "anger": {1: "annoyed annoying irritated irritating irked bothered miffed grumpy peeved",
              2: "angry anger mad frustrated frustrating frustration resentful resentment bitter indignant",
              3: "furious fury rage raging enraged livid seething outraged incensed hate hatred"},
    "fear": {1: "nervous uneasy worried worry concerned apprehensive tense jittery edgy",
             2: "anxious anxiety scared afraid frightened frightening fear fearful stressed stress panicky dread dreading overwhelmed",
             3: "terrified terrifying panic panicked panicking petrified horrified terror"},
    "sadness": {1: "disappointed disappointing gloomy",
                2: "sad sadness hurt hurts hurtful upset unhappy miserable grief grieving sorrow heavy loss",
                3: "heartbroken devastated devastating gutted despair hopeless crushed shattered anguish bereft"},
    "shame": {1: "embarrassed embarrassing awkward sheepish",
              2: "ashamed shame shameful guilty guilt",
              3: "humiliated humiliating mortified worthless disgusted"},
    "loneliness": {2: "lonely alone isolated invisible excluded ignored unwanted rejected abandoned unseen unheard"},
    "tiredness": {1: "tired tiring sleepy weary bored meh", 2: "drained exhausted worn"},
    "uncertainty": {1: "unsure uncertain confused puzzled ambivalent", 2: "torn"},
    "joy": {1: "pleased glad", 2: "happy proud relieved excited grateful hopeful",
            3: "thrilled elated ecstatic overjoyed amazed delighted"},
}
_WORD_FEEL: dict[str, tuple[str, int]] = {
    w: (fam, lvl) for fam, by in _LEXICON.items() for lvl, ws in by.items() for w in ws.split()
}
FEELING_WORDS = frozenset(_WORD_FEEL)

# Families that sit beside each other: offering one for the other is exploring, not contradicting
# (hurt under anger, shame under fear, low energy with sadness). Joy neighbours nothing negative.
_NEAR = {frozenset(p) for p in (("anger", "sadness"), ("fear", "uncertainty"), ("fear", "shame"), ("sadness", "loneliness"),
                                ("sadness", "shame"), ("sadness", "tiredness"), ("fear", "tiredness"), ("loneliness", "shame"))}

# Feelings shown without being named, by family.
_SHOWN: dict[str, re.Pattern[str]] = {
    fam: re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE) for fam, alts in {
        "anger": (r"(?:want|wanted) to (?:kill|punch|hit|smash|scream at|strangle)", r"kill (?:him|her|them)", r"how dare", r"sick (?:and tired )?of",
                  r"fed up", r"(?:never|doesn'?t|don'?t) listen", r"so unfair", r"pissed"),
        "fear": (r"heart (?:is |was )?(?:pounding|racing|very fast|beating fast|going)", r"pass(?:ed)? out", r"can'?t breathe", r"what if", r"falling apart", r"if i (?:fail|lose|mess|don'?t (?:get|pass|make))", r"(?:going|gonna) to die"),
        "sadness": (r"died", r"passed away", r"funeral", r"(?:i )?miss (?:him|her|them)", r"lost my", r"cry(?:ing)?", r"cried", r"tears", r"left me", r"broke up", r"diagnosed"),
        "shame": (r"can'?t (?:look at|face)", r"criticised|criticized|laughed at|mocked|made fun of", r"in front of (?:everyone|everybody|people|the (?:whole|class|team))", r"(?:i )?lied", r"my (?:own )?fault", r"so stupid", r"(?:i'?m|i am) (?:an )?idiot",
                  # round 13 (blind8): a verdict on oneself put as a question ("What kind of daughter does that make me?")
                  r"what (?:kind|sort) of (?:a |an )?\w+ (?:does (?:that|this|it) make me|am i|would (?:do|feel) that)", r"does (?:that|this|it) make me (?:a |an )?(?:bad|terrible|awful|horrible|monster|selfish)"),
        "loneliness": (r"(?:nobody|no one|no-one) (?:\w+ )?(?:noticed|cares?|called|came|asked|listens|understands|even)", r"on my own", r"by myself", r"no friends"),
        "tiredness": (r"sick (?:and tired )?of", r"fed up", r"worn out", r"no energy", r"can'?t be bothered"),
        "joy": (r"i did it", r"finally (?:did|passed|got|managed|made)", r"(?:passed|got) (?:the|my) (?:\w+ )?(?:test|exam|job|place|offer)", r"first time in"),
    }.items()
}
# Signs of an intense state: body and action, or shouting.
_INTENSE = re.compile(r"(?<!\w)(?:shaking|trembling|pass(?:ed)? out|heart (?:is |was )?(?:pounding|racing)|can'?t (?:sleep|eat|stop|breathe|cope)|kill|screaming|sobbing|so (?:much|angry|scared|sad)|really|very|extremely)(?!\w)|!!", re.IGNORECASE)
_SHOUT = re.compile(r"\b[A-Z]{2,}\b\W+\b[A-Z]{2,}\b")  # two words in capitals
_HEDGE = ("a bit", "a little", "slightly", "somewhat", "kind of", "kinda", "a touch", "mildly", "a tad", "fairly", "sort of", "a little bit")
_BOOST = frozenset(["so", "really", "very", "deeply", "completely", "utterly", "extremely", "incredibly", "truly"])
_NEG = frozenset(["not", "never", "no", "isn't", "aren't", "wasn't", "don't", "doesn't", "didn't", "without", "nor"])
_SELF = re.compile(r"\bi(?:'m| am| feel| felt| was| get)\b(?: \w+){0,2}$", re.IGNORECASE)

# A sentence that says what the client feels or said (a statement, not a question about it).
_REFLECTIVE = re.compile(
    r"(?<!\w)(?:(?:it |that )?sounds? (?:like|as if|as though)|you sound|you(?:'re| are| were| feel| felt| seem|'ve been)|so you|"
    r"i(?:'m| am) hearing|i (?:can )?hear|i can (?:see|tell)|i imagine|i guess|part of you|(?:that|it) (?:sounds|seems)|(?:must|might) (?:have )?(?:felt|been|feel|be))(?!\w)", re.IGNORECASE)
_YOU = re.compile(r"(?<!\w)(?:you|your|you'?re|you'?ve|yourself)(?!\w)", re.IGNORECASE)
# A feeling word about someone else, or a feeling the client says they ought to have, is not theirs.
_OTHERS = frozenset(["he", "she", "they", "him", "her", "them", "should", "supposed", "meant", "his", "mum", "mom", "dad", "mother",
                     "father", "boss", "sister", "brother", "partner", "wife", "husband", "friend", "friends", "everyone"])
# People and places in the client's life: a reflection that brings in one the client never mentioned adds
# content (money or health are often fair inferences from "can't afford" or "falling apart", so they are not here).
_DOMAINS: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE) for name, alts in {
        "work": r"work(?:ing|place)?|jobs?|boss|office|colleagues?|co-?workers?|manager|career|shifts?|projects?",
        "partner": r"partner|husband|wife|boyfriend|girlfriend|relationship|spouse|marriage|ex|dating",
        "family": r"family|mum|mom|mother|dad|father|parents?|sister|brother|siblings?|son|daughter|children|grandm\w+|grandf\w+",
        "friends": r"friends?|mates?|friendship",
        "study": r"school|exams?|universit(?:y|ies)|college|class(?:es)?|teachers?|studies|studying|grades?|scholarship|results",
    }.items()
}

# A domain word set against what the client's situation is ("part of who you are, not just a job") is a
# contrast, not a person or place brought in.
_CONTRASTED = re.compile(r"\b(?:not|never|rather than|more than|instead of|less like)(?: just| only| simply| merely| really)?(?: a| an| the| some| about)? $",
                         re.IGNORECASE)

# Procedural coldness. The schedule or task, pushed on in a sentence.
_PROC = re.compile(
    r"(?<!\w)(?:agenda|items?|worksheets?|homework|exercises?|hierarchy|thought records?|tasks?|schedule|structure|on track|behind|"
    r"efficient(?:ly)?|get through|cover|finish|continue|carry on|move on|next (?:one|topic|item|step)|the rest of|remaining|"
    r"minutes left|time (?:left|is up|we have)|the hour|session time|(?:cognitive )?restructuring|plan for today|what we planned)(?!\w)", re.IGNORECASE)
_PUSH = re.compile(
    r"(?<!\w)(?:so (?:that )?(?:we|i) can|let'?s (?:try to )?(?:get|go|keep|stick|move|carry|continue|finish|focus|set|do|return)|we (?:still |only )?(?:need to|have to|must|should|have (?:\w+ )?(?:items?|minutes|things|more|to))|we (?:still|only) have|"
    r"keep to|stick to|get back|back to|save (?:that|it|this) for|(?:leave|park) (?:that|it|this)|before (?:the|we)|get through|emotions aside|"
    r"(?:let'?s|we'?ll|we will|i'?d like to) (?:continue|proceed|finish|move)|(?:so|and) (?:let'?s|we)|now\.?$)", re.IGNORECASE)
# ...unless the same sentence lets the task wait for the person.
_DEFER = re.compile(
    r"(?<!\w)(?:can wait|(?:later|another time|next time)[.,;]|not for (?:the )?\w+|rather than|more than|instead of|(?:doesn'?t|don'?t) matter|"
    r"forget (?:the|about)|put (?:the|that|it) aside|nothing else (?:has|needs) to|(?:drop|skip|pause|set aside|park) (?:the|our|today'?s) \w+|no need to (?:finish|get|cover|do))", re.IGNORECASE)
_PERSON_FIRST = re.compile(
    r"(?<!\w)(?:(?:the|our|that|this|today'?s) (?:\w+ )?(?:worksheet|homework|plan|agenda|exercise|hierarchy|task|rest|schedule|list|record)s? can wait|"
    r"(?:this|that|you|what you(?:'re| are) (?:feeling|going through)) (?:matters?|is|are) (?:more important|what matters)|matters? more (?:to me )?than|"
    r"nothing else (?:has|needs) to happen|(?:let'?s|we can) (?:use|spend|give) (?:them|it|the time|our time|the rest|these minutes) (?:on|for|to) (?:this|that|you|what)|"
    r"not for (?:the )?(?:homework|worksheet|plan|agenda|exercise))", re.IGNORECASE)
# The client told to manage their emotion.
_CONTROL = re.compile(
    r"(?<!\w)(?:calm (?:yourself |itself )?down|settle (?:yourself )?down|compose yourself|pull yourself together|get a grip|control (?:yourself|your (?:emotions|feelings|temper|reactions?))|"
    r"stop (?:crying|shouting|being so)|lower your voice|(?:keep|get|bring) (?:your (?:emotions|feelings)|yourself|it) (?:in check|under control|together|down)|"
    r"emotions aside|(?:leave|put|set) (?:your |the )?(?:feelings|emotions) (?:aside|out of|at the door|to one side)|be (?:less|more) (?:emotional|calm|rational)|"
    r"(?:try to|please|need you to|ask you to|you need to|you must|you should) (?:stay |be |keep |get )?(?:calm|quiet|composed|rational|(?:it )?together))(?!\w)", re.IGNORECASE)
_SPARE = re.compile(r"(?<!\w)(?:don'?t have to|do not have to|no need to|needn'?t|doesn'?t have to|you can (?:cry|be upset|shout))(?!\w)", re.IGNORECASE)
_CONVENIENCE = re.compile(r"(?<!\w)(?:so (?:that )?(?:we|i) can|otherwise (?:i|we)|before (?:we|i) can|for (?:me|us) to|(?:we|i) can'?t (?:\w+ ){0,3}(?:until|unless|if))(?!\w)", re.IGNORECASE)
# Distress in the message answered.
_DISTRESS = re.compile(
    r"(?<!\w)(?:cry(?:ing)?|cried|tears|sobbing|panic\w*|shaking|can'?t (?:stop|breathe|cope|do (?:this|it)|take|today)|too much|"
    r"died|diagnosed|cancer|left me|hurt|scared|terrified|furious|angry|hate|never listen|sorry|help)(?!\w)|!!", re.IGNORECASE)


# The client rejects a reading of themselves (CTRS understanding: "including whether the patient's corrections
# are taken up"): a correction ("No, it's not about forgetting", "that's not what I meant"), a feeling label
# refused ("I'm not angry"), or someone else's reading answered ("People keep telling me to calm down. I'm
# calm."). What follows the denial, up to the end of its clause, is what the reply must not hand back.
_DENIAL = re.compile(
    r"(?<!\w)(?:that'?s not (?:it|what i (?:said|meant)|right|true|the point)|"
    r"it'?s not (?:about|that|because|really about|the)|it isn'?t (?:about|that|because|the)|it'?s not so much|i didn'?t (?:mean|say)|i don'?t mean)(?!\w)",
    re.IGNORECASE)
# A bare "No," / "Not really." corrects the therapist's last reading without saying what it was.
_BARE_NO = re.compile(r"(?:^|(?<=[.!?]\s))(?:no|nope|nah|not really|not exactly|not quite)(?:[,.!:]|\s+[-\u2014])", re.IGNORECASE)
_OTHERS_READ = re.compile(r"(?<!\w)(?:(?:keep|kept|always|all) (?:\w+ )?(?:telling|saying|asking)|(?:think|thinks|say|says|said|told me) (?:that )?i'?m|tell me to)(?!\w)", re.IGNORECASE)
_CALM = re.compile(r"(?<!\w)i'?m (?:actually |perfectly |totally |completely |really )?(?:calm|fine|okay|relaxed)(?!\w)", re.IGNORECASE)
_NOT_FEEL = re.compile(r"(?<!\w)i(?:'m| am|'m just| was) (?:not|n'?t|never)(?: \w+)? (\w+)", re.IGNORECASE)
# A feeling label refused without "I": "Not angry exactly.", "No, not sad, more...", "It's not anger so much as..."
_NOT_LABEL = re.compile(r"(?:^|[.!?]\s+|\b(?:no|nope|well|mm+),?\s+)(?:(?:it'?s|it was|that'?s|it isn'?t)\s+)?not\s+(?:really\s+|exactly\s+|so much\s+|quite\s+|just\s+)?(\w+)",
                        re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?\u2014]|\s-\s|,\s*(?:but|it'?s|i'?m|i)\b", re.IGNORECASE)
# The reply restates the correction ("It isn't a memory problem", "You're not out of control, you're fed up")
# or owns the misreading ("I had that wrong").
_REPAIR = re.compile(
    r"(?<!\w)(?:i (?:had|got|have got|'ve got) (?:that|it|you|this) wrong|i misunderstood|i misread|i was wrong|thank(?:s| you) for (?:correcting|putting me right|setting me straight)|"
    r"(?:so |then )?(?:it|this|that)(?:'s| is|'s really| isn'?t| is not| wasn'?t) (?:not |never )?(?:about|a|an|the|that)\b|you(?:'re| are) not\b|not (?:about|that|because) \w+,? (?:but|it'?s|you'?re)|"
    # the new reading set against the refused one: "that's different", "not anger so much as weariness", "less X, more Y"
    r"(?:that'?s|it'?s|this is) (?:something )?(?:different|not (?:quite )?the same)|not (?:\w+ ){1,2}so much as|(?:less|rather than) \w+(?: \w+)?,? (?:and |than |but )?more)",
    re.IGNORECASE)
_NEGATED = re.compile(r"(?<!\w)(?:not|isn'?t|aren'?t|wasn'?t|weren'?t|never|no longer|doesn'?t|don'?t|rather than|instead of)(?!\w)", re.IGNORECASE)
_CALM_DENIES = ("anger", "fear")


def denials(last: str) -> tuple[set[str], set[str], bool]:
    """What the client's last message rejects: (content words, feeling families, whether it corrects at all).

    >>> denials("No, it's not about forgetting. I know I locked it.")[0]
    {'forgetting'}
    >>> sorted(denials("People keep telling me to calm down. I'm calm.")[1])
    ['anger', 'fear']
    >>> denials("I'm not coping and I have no idea why.")
    (set(), set(), False)
    """
    wds: set[str] = set()
    fams: set[str] = set()
    for m in _DENIAL.finditer(last):
        rest = last[m.end():]
        end = _CLAUSE_END.search(rest, 1)
        clause = rest[: end.start() if end else len(rest)]
        wds |= {w for w in content_words(clause) if len(w) >= 4}
        fams |= {_WORD_FEEL[w][0] for w in _TOKEN.findall(clause.lower()) if w in _WORD_FEEL}
    for m in (*_NOT_FEEL.finditer(last), *_NOT_LABEL.finditer(last)):
        w = m.group(1).lower()
        if w in _WORD_FEEL:
            fams.add(_WORD_FEEL[w][0])
    if _CALM.search(last) and _OTHERS_READ.search(last):
        fams |= set(_CALM_DENIES)
    wds -= {"sure", "really", "just", "that", "about", "mean", "said", "thing", "like"}
    return wds, fams, bool(wds or fams or _BARE_NO.search(last) or _DENIAL.search(last))


@dataclass(frozen=True, slots=True)
class Grounding:
    """Feature values and hit sentences, plus the reflections that missed (no reflective credit for them)."""

    values: dict[str, float]
    hits: dict[str, tuple[Sentence, ...]]
    missed: frozenset[int]


_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _feelings(text: str, *, others: bool = False) -> list[tuple[str, int, str, int]]:
    """(family, intensity, word, offset) for each feeling word in ``text``, not negated, hedges and boosts applied.

    ``others``: also skip a feeling attributed to someone else or owed ("he was proud", "I should be grateful").
    """
    out: list[tuple[str, int, str, int]] = []
    toks = list(_TOKEN.finditer(text.lower().replace("’", "'")))
    ws = [t.group(0) for t in toks]
    for i, w in enumerate(ws):
        fl = _WORD_FEEL.get(w)
        if fl is None:
            continue
        before = ws[max(0, i - 3):i]
        if any(b in _NEG for b in before[-2:]) or (others and any(b in _OTHERS for b in before)):
            continue
        fam, lvl = fl
        head = " ".join(before)
        if any(head.endswith(h) or f"{h} " in head for h in _HEDGE):
            lvl = 1
        elif before and before[-1] in _BOOST:
            lvl = min(3, lvl + 1)
        out.append((fam, lvl, w, toks[i].start()))
    return out


def _attributed(text: str, pos: int, stem: re.Pattern[str]) -> bool:
    """A stem ("it sounds like", "you're", "so you") opens at most five words before the feeling at ``pos``."""
    return any(m.end() <= pos and len(_TOKEN.findall(text[m.end():pos].lower())) <= 5 and not _SELF.search(text[:pos].rstrip())
               for m in stem.finditer(text[:pos]))


def client_feelings(context: Sequence[str]) -> tuple[dict[str, int], int]:
    """The families the client expressed in the last three messages (family -> intensity), and the peak intensity."""
    fams: dict[str, int] = {}
    recent = list(context[-3:])
    for k, text in enumerate(recent):
        latest = k == len(recent) - 1
        boost = 1 if latest and (_INTENSE.search(text) or _SHOUT.search(text)) else 0
        for fam, lvl, _, _ in _feelings(text, others=True):
            fams[fam] = max(fams.get(fam, 0), min(3, lvl + boost))
        for fam, rx in _SHOWN.items():
            if rx.search(text):
                fams[fam] = max(fams.get(fam, 0), 2 + boost)
    return fams, max(fams.values(), default=0)


def _near(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in _NEAR


def _sat(n: float) -> float:
    return float(1.0 - 0.5**n)


def ground(context: Sequence[str], sents: Sequence[Sentence]) -> Grounding:
    """Understanding and interpersonal grounding features for a reply (``sents``) to ``context`` (user messages).

    >>> from tg_guard.scoring.fidelity._text import sentences
    >>> g = ground(["I'm so angry I can't sleep."], sentences("It sounds like you're a little tired."))
    >>> g.values["understanding.feeling_mismatch"] > 0, g.values["understanding.grounded"]
    (True, 0.0)
    """
    fams, peak = client_feelings(context)
    said = " ".join(context)
    said_domains = {d for d, rx in _DOMAINS.items() if rx.search(said)}
    last = context[-1] if context else ""
    denied_words, denied_fams, corrected = denials(last)
    denied: list[Sentence] = []
    grounded: list[Sentence] = []
    mismatch: list[Sentence] = []
    minimised: list[Sentence] = []
    added: list[Sentence] = []
    far: list[Sentence] = []
    any_near = False
    for s in sents:
        text = s.text
        reflective = bool(_REFLECTIVE.search(text)) and not s.is_question
        # Handing back what the client has just rejected: the reading they corrected, or the feeling they
        # refused, however accurate a reflection of it would otherwise be.
        if (reflective and (denied_words or denied_fams) and not _NEGATED.search(text)
                and ((content_words(text) & denied_words) or any(f in denied_fams for f, _, _, _ in _feelings(text)))):
            denied.append(s)
            continue
        if fams:
            # Feelings the reply tells the client they have ("you're furious", "it sounds like a bit of worry").
            told: list[tuple[str, int]] = []
            last_pos = -1
            for f, lv, _, pos in _feelings(text) if reflective else ():
                # "...a bit nervous on the commute, and maybe frustrated": a list of feelings after one stem.
                chained = last_pos >= 0 and len(_TOKEN.findall(text[last_pos:pos].lower())) <= 7
                if chained or _attributed(text, pos, _REFLECTIVE):
                    told.append((f, lv))
                    last_pos = pos
            near = [lv for f, lv in told if any(_near(f, cf) for cf in fams)]
            any_near = any_near or bool(near)
            if told and not near:
                far.append(s)
            elif near and peak >= 3 and max(near) <= 1:
                minimised.append(s)  # the right family, shrunk: "a bit annoyed" for rage
            elif any(f in fams for f, _ in told):
                grounded.append(s)
        stem = _REFLECTIVE.search(text) if reflective else None
        if stem and any(not _CONTRASTED.search(text, max(0, m.start() - 24), m.start())
                        for d, rx in _DOMAINS.items() if d not in said_domains for m in rx.finditer(text, stem.end())):
            added.append(s)
    # A feeling from a distant family is a miss only when the reply reflects nothing the client expressed;
    # beside an accurate reflection it is an exploration ("exhausted, and lonely too").
    if not any_near:
        mismatch = far
    v: dict[str, float] = {
        "understanding.grounded": _sat(len(grounded)),
        "understanding.feeling_mismatch": _sat(len(mismatch)),
        "understanding.minimised": _sat(len(minimised)),
        "understanding.added_content": _sat(len(added)),
    }
    h: dict[str, tuple[Sentence, ...]] = {
        "understanding.grounded": tuple(grounded), "understanding.feeling_mismatch": tuple(mismatch),
        "understanding.minimised": tuple(minimised), "understanding.added_content": tuple(added),
    }
    v["understanding.denied"] = _sat(len(denied))
    h["understanding.denied"] = tuple(denied)
    taken = [s for s in sents if not s.is_question and _REPAIR.search(s.text) and s not in denied] if corrected else []
    v["understanding.correction_taken"] = _sat(len(taken)) if not denied else 0.0
    h["understanding.correction_taken"] = tuple(taken) if not denied else ()
    missed = frozenset(s.start for s in (*mismatch, *minimised, *added, *denied) if s not in grounded)

    # Procedural coldness, only in answer to distress.
    over: list[Sentence] = []
    control: list[Sentence] = []
    first: list[Sentence] = []
    convenience = 0.0
    if _DISTRESS.search(last) or fams:
        for s in sents:
            text = s.text
            if _PERSON_FIRST.search(text):
                first.append(s)
            elif not s.is_question and _PROC.search(text) and _PUSH.search(text) and not _DEFER.search(text):
                over.append(s)
            if _CONTROL.search(text) and not _SPARE.search(text) and not re.match(r"\s*(?:let'?s|we)\b", text, re.IGNORECASE):
                control.append(s)
                if _CONVENIENCE.search(text) or _PROC.search(text):
                    convenience = 1.0
    v["interpersonal_effectiveness.task_over_person"] = _sat(len(over))
    v["interpersonal_effectiveness.regulate_for_me"] = max(convenience, _sat(len(control))) if control else 0.0
    v["interpersonal_effectiveness.person_first"] = _sat(len(first))
    h["interpersonal_effectiveness.task_over_person"] = tuple(over)
    h["interpersonal_effectiveness.regulate_for_me"] = tuple(control)
    h["interpersonal_effectiveness.person_first"] = tuple(first)
    return Grounding(values=v, hits=h, missed=missed)
