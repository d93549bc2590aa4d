# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round-3 cue frames: the clinician-recognised risk statements that carry no crisis keyword.

Written from clinical frames (lethality and means inquiries, finality, "end it" in the first person,
ambivalence about safety), not from any one dataset's sentences. :data:`FRAME_CUES` extends the tracker's
cues; :data:`FRAME_CONTEXT_DROPS` names, per cue, the sentence contexts that make it an idiom ("end it
with him", "end the call", "the lethal dose for a dog").

Kinds: ``lethality`` and ``finality`` are high on their own; ``end_it`` is ideation (moderate);
``ambivalent`` is low alone and raises an existing ideation level by one (:mod:`.risk`).
"""

from __future__ import annotations

import re

from .lexicon import PILLS, Cue, _c

__all__ = ["FRAME_CONTEXT_DROPS", "FRAME_CUES"]

_FALL = r"(?:fall|falls|jump|jumps|crash|car crash|collision|wreck|overdose|od|drop)"
_AMOUNT = r"(?:\d+ ?(?:mph|kmh|km/?h|kph|miles an hour|feet|ft|foot|metres?|meters?|m|stor(?:ey|y|ies|eys)|floors?|mg|grams?|g|pills|tablets)|(?:\w+ )?(?:stor(?:ey|y|ies|eys)|floors?) (?:up|high|building)|that (?:high|fast|speed|height)|full speed|the (?:\w+ )?(?:floor|roof|bridge))"
_MANY = rf"(?:{PILLS}|(?:sleeping |of (?:my|these|the|those) )(?:\w+ )?(?:pills|tablets|meds)|floors|stor(?:ey|ie)s|feet|metres|meters|mg)"

FRAME_CUES: tuple[Cue, ...] = (
    # (i) lethality and means inquiries: the survival odds of a fall, crash or overdose at a speed, height or
    # dose; how many of something it takes; a lethal dose; how long dying takes; a painless way.
    Cue("lethality_inquiry", "lethality", "suicide", _c(
        rf"(?:surviv(?:e|ing|al|able)|surviving) (?:a |an |the )?(?:\w+ )?{_FALL}[^.?!\n]{{0,40}}{_AMOUNT}",
        rf"(?:odds|chances?|likel(?:y|ihood)|how common|survival rate|probability)[^.?!\n]{{0,30}}(?:surviv\w*|dying|die|being killed)[^.?!\n]{{0,40}}{_AMOUNT}",
        rf"(?:fall|falling|jump|jumping|drop) (?:from|off) (?:\w+ ){{0,3}}{_AMOUNT}[^.?!\n]{{0,30}}(?:kill|fatal|surviv\w*|die|lethal|enough)",
        r"how (?:high|far|tall|fast) (?:would|do|does|did) (?:you|i|one|a person|someone|it) (?:\w+ )?(?:need|have|has) to (?:be|fall|jump|go|drive)[^.?!\n]{0,30}(?:to die|to not survive|to be fatal|fatal|lethal|kill|not surviv\w*|for sure|guaranteed)",
        rf"how many {_MANY} (?:would|does|will|do|did) (?:it take|i need|you need|someone need|a person need|kill|be (?:lethal|fatal|deadly|too many|enough))",
        rf"how many {_MANY} (?:to|until|before) (?:die|dying|kill|be fatal|overdose|od|not wake up|stop (?:your|my) heart)",
        r"(?:lethal|fatal|deadly|toxic|killing) (?:dose|amount|quantity|level)s? (?:of|for) (?:\w+ )?(?:an? )?(?:adult|person|human|someone|me|my \w+|" + PILLS + ")",
        r"how long (?:does|would|will|did) it take (?:for )?(?:a person |someone |you |me |somebody )?to (?:die|bleed out|suffocate|drown|pass out and die|stop breathing)",
        r"(?:painless(?:est)?|quickest|fastest) (?:way|ways|method|methods) (?:to|of) (?:die|dying|go|end it|end things|kill (?:yourself|myself|oneself)|not wake up)",
        r"what (?:would|does) (?:it )?(?:take|kill) (?:a person|someone|a human|an adult) (?:faster|quickest|quickly)",
    ), self_only=False),  # asked impersonally ("could a person survive..."); someone else's question is a context drop
    # (ii) finality and intent: not being here for long, wanting no rescue, a last time, nothing mattering after tonight.
    Cue("finality", "finality", "suicide", _c(
        r"(?:won{A}t|will not|wont|not going to|isn{A}t going to|ain{A}t gonna|won{A}t have to) (?:be )?(?:around|here|alive|dealing with (?:this|it|any of (?:this|it))|a (?:problem|burden|bother|worry)|anyone{A}s (?:problem|burden)|put(?:ting)? up with (?:this|it|me)|in (?:your|their|anyone{A}s) way|suffering) (?:much|for (?:much|very)?) ?(?:longer|long)(?! (?:tonight|today|this (?:evening|afternoon|morning)|at (?:work|the|this)|in (?:the|this)))",
        r"(?:won{A}t|will not|wont) (?:be|have to be) (?:around|here|alive) (?:by|after|past) (?:tomorrow|tonight|monday|the weekend|next week|the end of (?:the|this) (?:week|month))",
        r"(?:don{A}t|do not|dont) (?:want|need) (?:anyone|anybody|you|them|people|someone|my (?:\w+ )?) (?:to )?(?:stop|stopping|save|saving|talk(?:ing)? me out of) (?:me|it|this)(?! (?:from (?!doing it)|going|applying|leaving|quitting|moving|buying|booking|eating|enjoying|trying))",
        r"this (?:is|will be) the last time (?:you{A}ll|you will|anyone (?:will|{A}ll)|i{A}ll|i will|they{A}ll) (?:hear from me|see me|have to (?:deal|worry)|talk to (?:you|anyone)|be (?:a (?:problem|burden)|bothering))",
        r"after (?:tonight|today|this weekend),? (?:it|none of (?:this|it)|any of (?:this|it)) (?:won{A}t|will not|wont|isn{A}t going to|is not going to) (?:even )?matter(?: (?:anymore|any more))?",
        r"after (?:tonight|today|this weekend),? (?:nothing|none of (?:this|it)) (?:will|is going to) matter",
        r"nothing (?:will|is going to) matter after (?:tonight|today|this weekend)",
    ), self_only=False, negatable=False),  # the frames carry their own negation ("won't be around")
    # (iii) "end it" and its family in the first person, conditionals included ("would be easy to end it").
    Cue("end_it", "ideation", "suicide", _c(
        r"(?:easy|easier|simple|simpler|tempting|better|best) (?:just )?to (?:just )?(?:end (?:it|it all|things|everything)|be done with (?:it all|everything|life))(?! (?:with|between|there|early|here,? (?:and|then)))",
        r"(?:i|i{A}d|id|i{A}ll|ill|i could|i would|i might|i can|i may|i will|i should|part of me wants to|i want to|i just want to|i kinda want to|thought of how i{A}?d) (?:just )?(?:could |would |might |can |should )?(?:just )?(?:end (?:it|things|everything|all of (?:it|this))|make (?:it|everything|all of it) stop (?:for good|forever|permanently)|be done with (?:it all|everything|life|all of it)(?: for good)?)(?! (?:with|between|there|early|on a|off|here,? (?:and|then)))",
        r"(?:end|ending) things (?:for good|forever|permanently)",
        r"make (?:it|everything|the pain|all of (?:it|this)) stop (?:for good|forever|permanently)",
    )),
    # (iv) ambivalence about safety: cannot guarantee it, it could change, not now but.
    Cue("ambivalent_safety", "ambivalent", "suicide", _c(
        r"(?:can{A}t|cannot|cant|can not|couldn{A}t) (?:really )?(?:guarantee anything|(?:guarantee|promise|say for sure|swear) (?:(?:that )?i{A}?(?:ll| will|m going to| am going to) (?:be|stay|keep) (?:safe|ok|okay|alive|fine|myself safe)|(?:that )?i (?:won{A}t|will not|wont|wouldn{A}t)|my (?:own )?safety|i{A}?ll (?:still )?be (?:here|around)|(?:to )?(?:stay|be|keep) (?:safe|myself safe)))",
        r"(?:not|won{A}t|wont|never) (?:going to|gonna|planning to|planning on) (?:do|doing) (?:anything|it|something)(?: (?:right )?(?:now|tonight|today|yet))?,? but (?:that|it|this|things) (?:could|might|may|can) change",
        r"(?:i{A}m|im|i am|i feel) (?:safe|ok|okay|fine|alright) (?:for now|right now|now|tonight)?,? but (?:that|it|this) (?:could|might|may|can) change",
        r"(?:not|no(?:thing)?) (?:now|tonight|today|yet),? but (?:maybe |probably )?(?:soon|one day|someday|later|eventually|who knows|not forever|i{A}m not sure for how long|i don{A}t know for how long)",
        r"safe for now,? but|safe for (?:now|tonight)(?:,| but| i think| i guess| maybe)|(?:for now|at least for now),? (?:anyway|i guess|i think)",
    ), negatable=False),
    # (v) passive statements that the older cues miss in their everyday wording.
    Cue("passive_frames", "passive", "suicide", _c(
        r"(?:can{A}t|cannot|cant|can not) keep (?:doing this|living like this|going like this|on like this)(?! (?:job|shift|course|diet|commute|project|class|work|every|for|to|at|with))",
        r"(?:no one|nobody|noone|not one person) (?:would|will|wud|is going to|would even|will even|would really|would ever) (?:even )?(?:notice|care|miss me|realise|realize)(?: at all)? (?:if|when) i (?:was|were|am|{A}m|wasn{A}t|weren{A}t|disappeared|vanished|left for good|died|stopped existing|gone|didn{A}t wake up)",
    )),
)

# Sentences in which an "end it" phrase is about something else: a relationship, a call, a meeting, a game.
_END_IT_IDIOM = re.compile(
    r"\b(?:with (?:him|her|them|my (?:bf|gf|boyfriend|girlfriend|partner|ex|husband|wife))|relationship|breakup|break up|broke up|dating|"
    r"marriage|divorce|engagement|friendship|call|meeting|conversation|chat|game|season|series|show|book|chapter|story|novel|film|movie|"
    r"subscription|contract|lease|membership|tenancy|job|career|argument|fight|feud|debate|streak|sentence|essay|paragraph|speech|"
    r"project|semester|thesis|exam|diet|fast)\b",
    re.IGNORECASE,
)
# A lethal-dose or survival question about an animal, a fictional character or coursework is not the user's risk.
_LETHALITY_IDIOM = re.compile(
    r"\b(?:dog|dogs|cat|cats|puppy|kitten|pet|horse|rat|rats|mice|character|novel|story|plot|book|screenplay|script|game|"
    r"exam|essay|assignment|homework|coursework|pharmacology|toxicology|lecture|nursing school|med school|physics|"
    r"crash test|safety rating|insurance)\b",
    re.IGNORECASE,
)
# "After tonight it won't matter" about an exam, a game or a deadline.
_FINALITY_IDIOM = re.compile(
    r"\b(?:exams?|test|quiz|game|match|final|interview|deadline|presentation|party|flight|shift|results|election|vote|"
    r"contract|concert|trip|holiday|vacation|wedding|move|lease|audition|recital|tournament)\b",
    re.IGNORECASE,
)
FRAME_CONTEXT_DROPS: dict[str, re.Pattern[str]] = {
    "finality": _FINALITY_IDIOM,
    "end_it": _END_IT_IDIOM,
    "lethality_inquiry": _LETHALITY_IDIOM,
    # "I'm on the bridge" in a commute is a place, not an attempt under way.
    "in_progress": re.compile(r"\b(?:traffic|stuck (?:in|on)|running late|commut\w*|on my way|roadworks)\b", re.I),
}
