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

from ._regex import SOURCES, compile_fast
from .lexicon import PILLS, A, Cue, _c
from .lexicon_extra import _DRUG

__all__ = ["BENIGN_READINGS", "CASE_FINE", "CASE_OWN", "CASE_SAFE", "FRAME_CONTEXT_DROPS", "FRAME_CUES", "MESSAGE_CONTEXT_DROPS", "MESSAGE_CONTEXT_NEEDS", "ORDINARY_IMPAIRMENT", "PRO_WORDS"]

_FALL = r"(?:fall|falls|jump|jumps|crash|car crash|collision|wreck|overdose|od|drop)"
_AMOUNT = r"(?:\d+ ?(?:mph|kmh|km/?h|kph|miles an hour|feet|ft|foot|metres?|meters?|m|stor(?:ey|y|ies|eys)|floors?|mg|grams?|g|pills|tablets)|(?:\w+ )?(?:stor(?:ey|y|ies|eys)|floors?) (?:up|high|building)|that (?:high|fast|speed|height)|full speed|the (?:\w+ )?(?:floor|roof|bridge))"
_MANY = rf"(?:{PILLS}|(?:sleeping |of (?:my|these|the|those) )(?:\w+ )?(?:pills|tablets|meds)|floors|stor(?:ey|ie)s|feet|metres|meters|mg|(?:of (?:my|these|the|those) (?:\w+ )?)?{_DRUG}s?)"
# An ordinary purpose after "would it take" ("...to get rid of this headache", "...to kick in"): a dose question, not a means one.
_DOSE_PURPOSE = (r"(?! (?:to|for|before) (?:\w+ ){0,3}(?:get rid of|help|helps|stop (?:the|this|my) (?:pain|ache|headache)|fix|ease|cure|"
                 r"treat|work|kick in|feel (?:better|anything|a difference)|sleep|calm|notice|see (?:a|any) (?:difference|effect)|"
                 r"headaches?|pain|cold|flu|fever|cramps|migraines?|toothache|hangover|allergies|symptoms|"
                 r"a day|per day|daily|each day|every day|a week|twice|once|in the morning|at night|with food|for my (?!death)|flight|trip|surgery|appointment|bed|bedtime|meals?|breakfast|lunch|dinner|work)\b)")

FRAME_CUES: tuple[Cue, ...] = (
    # (i) lethality and means inquiries: the survival odds of a fall, crash or overdose at a speed, height or
    # dose; how many of something it takes; a lethal dose; how long dying takes; a painless way.
    Cue("lethality_inquiry", "lethality", "suicide", _c(
        rf"(?:surviv(?:e|ing|al|able)|surviving) (?:a |an |the )?(?:\w+ )?{_FALL}[^.?!\n]{{0,40}}{_AMOUNT}",
        rf"(?:odds|chances?|likel(?:y|ihood)|how common|survival rate|probability)[^.?!\n]{{0,30}}(?:surviv\w*|dying|die|being killed)[^.?!\n]{{0,40}}{_AMOUNT}",
        rf"(?:fall|falling|jump|jumping|drop) (?:from|off) (?:\w+ ){{0,3}}{_AMOUNT}[^.?!\n]{{0,30}}(?:kill|fatal|surviv\w*|die|lethal|enough)",
        r"how (?:high|far|tall|fast) (?:would|do|does|did) (?:you|i|one|a person|someone|it) (?:\w+ )?(?:need|have|has) to (?:be|fall|jump|go|drive)[^.?!\n]{0,30}(?:to die|to not survive|to be fatal|fatal|lethal|kill|not surviv\w*|for sure|guaranteed)",
        rf"how many {_MANY} (?:would|does|will|do|did) (?:it take{_DOSE_PURPOSE}|i need{_DOSE_PURPOSE}|you need{_DOSE_PURPOSE}|someone need|a person need|kill|be (?:lethal|fatal|deadly|too many|enough))",
        # how much of a drug is lethal, would kill, or would it take to die ("how much sertraline is a lethal dose")
        rf"how (?:much|many) (?:of )?(?:my |these |the |those |your )?(?:\w+ )?{_DRUG}s? (?:is|are|would be|counts as|makes|does it take to make) (?:a |an |the )?(?:lethal|fatal|deadly|overdose|od|too much to survive)",
        rf"how (?:much|many) (?:of )?(?:my |these |the |those |your )?(?:\w+ )?{_DRUG}s? (?:would|will|does|do|could|can) (?:it take to |i need to |you need to )?(?:kill (?:me|you|a person|someone|an adult)|die|overdose|od|not wake up|stop (?:my|your|a) heart)",
        rf"how (?:much|many) (?:of )?(?:my |these |the |those |your )?(?:\w+ )?{_DRUG}s? (?:to|until|before) (?:i |you |someone |a person )?(?:die|dying|kill (?:me|you|a person|someone)|be fatal|overdose|od|not wake up|stop (?:my|your) heart)",
        rf"how many {_MANY} (?:to|until|before) (?:i |you |someone |a person )?(?:die|dying|kill|be fatal|overdose|od|not wake up|stop (?:your|my) heart)",
        # how many can be taken in one go ("how many of my sertraline can i take in one go"): a count of means, where
        # "at once" alone is also a dose question and stays out
        rf"how many {_MANY} (?:can|could|should|would|do) (?:i|you|a person|someone|one) (?:\w+ )?(?:take|swallow|have|down) (?:\w+ )?(?:in one go|all at once|in one sitting|in one hit)",
        r"(?:lethal|fatal|deadly|toxic|killing) (?:dose|amount|quantity|level)s? (?:of|for) (?:\w+ )?(?:an? )?(?:adult|person|human|someone|me|my \w+|" + PILLS + ")",
        rf"(?:lethal|fatal|deadly) (?:dose|amount|quantity)s? (?:of|for) (?:my |your |the )?(?:\w+ )?{_DRUG}",
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
    # (v b) not wanting to exist, or to be here or around any more: a passive wish to disappear (low). "here" and
    # "around" need "anymore" and lose the reading beside a place or an activity (``_PLACE_IDIOM``).
    # round 13c: an ending wished for as relief, in the "easier/better if I ..." frame ("it'd be easier if i just died",
    # "things would be simpler if I wasn't here"): passive (low); "easier if I just left" is no wish to die
    Cue("passive_easier", "passive", "suicide", _c(
        r"(?:be|{A}d be|was|is) (?:so much |much |a lot |way )?(?:easier|simpler|better|a relief)(?: for (?:everyone|everybody|them|all of us))?"
        rf" if i (?:just |simply )?(?:died|was dead|were dead|wasn{A}t (?:here|around|alive)|weren{A}t (?:here|around|alive)"
        rf"|didn{A}t wake up|never woke up|stopped existing|didn{A}t exist|wasn{A}t born)",
    )),
    Cue("passive_exist", "passive", "suicide", _c(
        rf"(?:don{A}t|dont|do not) (?:really |even |just |honestly )?(?:want|wanna) (?:to )?(?:exist|be alive)(?! (?:on paper|(?:in|on) (?:a|the|this|that|my|your|their) (?:\w+ )?(?:group|chat|server|app|system|database|list|register|records?|internet|site|website|platform|spreadsheet)))",
    )),
    Cue("passive_here", "passive", "suicide", _c(
        rf"(?:don{A}t|dont|do not) (?:really |even |just |honestly )?(?:want|wanna) (?:to )?be (?:here|around|on this (?:earth|planet)|in this world)(?: (?:any ?more|no more|much longer|for much longer|any longer))",
    )),
    # (vi) a denial the same message takes back: "I'm not going to kill myself. But I think about it most days"
    # (the negated statement is set aside; what follows it is current ideation). Needs the denial in the message.
    Cue("denial_but_thinks", "ideation", "suicide", _c(
        r"(?:but|though|yet|still|and) i (?:do |still |really )?(?:think|thought) about (?:it|dying|death|killing myself|ending it|suicide|not being here|not existing)"
        r"(?: \w+){0,3}? (?:constantly|all the time|every (?:single )?(?:day|night|hour)|most (?:days|nights)|daily|nightly|a lot|a great deal|non-?stop|so much|way too much)",
    ), negatable=False),
    # (vii) a coded term the message says is meant: "not joking this time, i want to kms" (alone it is low).
    Cue("coded_meant", "ideation", "suicide", _c(r"kms|kmys|unalive myself|ctb"), negatable=False),
)

# Sentences in which an "end it" phrase is about something else: a relationship, a call, a meeting, a game.
_END_IT_IDIOM = compile_fast(
    r"\b(?:with (?:him|her|them|my (?:bf|gf|boyfriend|girlfriend|partner|ex|husband|wife))|relationship|breakup|break up|broke up|dating|"
    r"marriage|divorce|engagement|friendship|call|meeting|conversation|chat|game|season|series|show|book|chapter|story|novel|film|movie|"
    r"subscription|contract|lease|membership|tenancy|job|career|argument|fight|feud|debate|streak|sentence|essay|paragraph|speech|"
    r"project|semester|thesis|exam|diet|fast)\b",
    re.IGNORECASE,
)
# A lethal-dose or survival question about an animal, a fictional character or coursework is not the user's risk.
_LETHALITY_IDIOM = compile_fast(
    r"\b(?:dog|dogs|cat|cats|puppy|kitten|pet|horse|rat|rats|mice|character|novel|story|plot|book|screenplay|script|game|"
    r"exam|essay|assignment|homework|coursework|pharmacology|toxicology|lecture|nursing school|med school|physics|"
    r"crash test|safety rating|insurance)\b",
    re.IGNORECASE,
)
# "After tonight it won't matter" about an exam, a game or a deadline.
_FINALITY_IDIOM = compile_fast(
    r"\b(?:exams?|test|quiz|game|match|final|interview|deadline|presentation|party|flight|shift|results|election|vote|"
    r"contract|concert|trip|holiday|vacation|wedding|move|lease|audition|recital|tournament)\b",
    re.IGNORECASE,
)
# "I don't want to be here anymore" about a job, a party, a class or a town: a place or an activity, not life.
_PLACE_IDIOM = compile_fast(
    r"\b(?:job|work|workplace|office|shift|boss|company|party|club|bar|pub|wedding|concert|event|meeting|class|lesson|"
    r"lecture|school|college|uni|university|course|team|band|group chat|server|relationship|marriage|house|flat|"
    r"apartment|town|city|country|village|neighbou?rhood|area|place|hospital|ward|hotel|airport|queue|line|"
    r"traffic|restaurant|shop|store|gym|church|trip|holiday|vacation|camp|dorm|room|waiting)\b",
    re.IGNORECASE,
)
_DISCIPLINE = compile_fast(
    r"^(?![^\n]*\b(?:hit|hits|hurt|hurts|slap\w*|lock\w*|scared|afraid|terrified|won{A}?t let me (?:see|leave|go|eat)|bruis\w*"
    r"|threat\w*|kick\w* me out)\b)[^\n]*\b(?:my )?(?:mom|mum|mam|dad|parents?|step-?dad|step-?mum|step-?mom)\b[^.!?\n]{0,20}"
    r"\b(?:took|takes|taken|has taken|confiscated|confiscates) (?:away )?my (?:phone|laptop|xbox|ps[45]|playstation|switch|ipad"
    r"|tablet|console|games?|computer|pc)\b[^.!?\n]{0,60}\b(?:for (?:a|the|one|two|three|\d+) (?:days?|nights?|weeks?|weekends?"
    r"|months?)|because|cos|coz|bc|till|until|as (?:a )?punishment|grounded)".replace("{A}", A), re.I)
FRAME_CONTEXT_DROPS: dict[str, re.Pattern[str]] = {
    "passive_here": _PLACE_IDIOM,
    "finality": _FINALITY_IDIOM,
    "end_it": _END_IT_IDIOM,
    "lethality_inquiry": _LETHALITY_IDIOM,
    # "I'm on the bridge" in a commute is a place, not an attempt under way.
    # round 25: a hold in a grappling sport ("at judo he got his belt around my neck and I tapped"); not "wrestling
    # with" thoughts
    "in_progress": compile_fast(r"\b(?:traffic|stuck (?:in|on)|running late|commut\w*|on my way|roadworks"
                                r"|jiu[- ]?jitsu|judo|bjj|mma|wrestling(?! with)|sparring|grappl\w*|choke ?(?:drill|hold)s?)\b",
                                re.I),
    # Round 12: a parent confiscating a phone or console as a punishment (for a week, because of a grade) is
    # ordinary discipline (DATA_CARD: none), not coercive control; not where the sentence has fear or force.
    "abuse": _DISCIPLINE,
    "coercion": _DISCIPLINE,
}

# Round 6: benign readings of wordings the learned layer confuses with risk, for the model's view only
# (:func:`.view.model_view`, kind ``"benign"``); no rule cue fires on them. Each entry is a phrase family,
# a context the whole message must have (or None) and a context that vetoes the reading (or None).
_EVENT = (r"(?:concert|gig|party|festival|game|match|show|wedding|trip|holiday|vacation|class|gym|practice|rehearsal|"
          r"audition|interview|date|prom|dance|club|pub|bar|uni|university|college|school|work|office|meeting|"
          r"conference|tournament|race|marathon|movie|cinema|theatre|theater|museum|dreams?|goals?|hobby|course|degree|"
          r"job|career|tattoo|piercing|haircut|hair|car|house|flat|abroad|gap year|band|team|church|mosque|temple|"
          r"friends|fun|volunteering|shopping|sale|dinner|lunch|brunch|breakfast|restaurant|pizza|cake|dessert|"
          r"coffee|exam|application|project|business|album|song|stream|channel|recipe|football|rugby|tennis|golf|"
          r"yoga|climbing|hike|camping|parade|pride|march|protest|reunion|open day|sleepover|beach)")
_ORDINARY_ACT = (r"(?:lend|lent|lending|loan|borrow\w*|help(?:ing)?|cover(?:ing)?|pay(?:ing)?|paid|buy(?:ing)?|bought|"
                 r"cook(?:ing)?|clean(?:ing)? (?:up|after)|drive|driving|drove|babysit\w*|trust|believe|give (?:him|her|them|anyone) "
                 r"(?:money|a lift|a ride|a chance|cash)|do (?:him|her|them|anyone|you) (?:a )?favou?rs?|order(?:ing)?|"
                 r"shop(?:ping)? (?:there|at)|fly(?:ing)? with|book(?:ing)?|invit(?:e|ing)|wait(?:ing)? (?:for|around|up)|"
                 r"answer(?:ing)? (?:his|her|their|the)|pick(?:ing)? (?:him|her|them) up|sign(?:ing)? up|volunteer\w*|"
                 r"work(?:ing)? (?:late|overtime|a double|weekends|for free)|stay(?:ing)? late|agree\w*|"
                 r"let (?:him|her|them) (?:borrow|stay|use|drive)|(?:go|went|eat|ate) (?:to |at )?(?:that|this) "
                 r"(?:restaurant|shop|place|bar|club|gym|salon|hairdresser|dentist|takeaway)|dye|cut my (?:own )?hair|"
                 r"bet(?:ting)?|gambl\w*|play(?:ing)? (?:poker|cards|that game|with them|for)|host(?:ing)?|sub(?:bing)? (?:him|her|them))")
_TEXT_THING = compile_fast(
    r"\b(?:text|message|email|letter|post|thread|draft|chapter|scene|episode|story|book|novel|poem|song|video|script|"
    r"essay|paragraph|sentence|plot|ending|reader|readers|word count|edit|series|season|show|film|movie|call|chat|"
    r"meeting|conversation|relationship|with (?:him|her|them)|date|game|set|speech|talk|lecture|stream)\b", re.I)
_BUILDING = (r"(?:building|tower|office|block|hotel|skyscraper|bridge|apartment|flat|flats|car park|parking garage|"
             r"garage|mall|hospital|school|stadium|library|church|cathedral|plaza|centre|center|complex|warehouse|"
             r"campus|headquarters|hq|house|lighthouse|ferris wheel|ride|rollercoaster|mountain|hill|peak)")
_FLOOR_NO = r"(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|ground|upper|lower|bottom)"
# A benign height or travel phrase loses its benign reading in a message that talks of falling, dying or jumping.
_HEIGHT_VETO = compile_fast(r"\b(?:jump\w*|fall|falling|fell|die|dying|dead|kill\w*|suicid\w*|surviv\w*|end it|end things|"
                          r"edge|ledge|lethal|fatal|done with|goodbye|over the side|look(?:ing)? down)\b", re.I)
_TRAVEL = compile_fast(r"\b(?:toll|traffic|drive|driving|car|bike|cycl\w+|commut\w*|route|closed|open|works|ferry|bus|map|"
                     r"sat ?nav|directions|minutes|miles|km|ticket|station|late|work|office|move|moving|flat|rent|lift|"
                     r"elevator|stairs|view|desk|job|hotel|room|neighbou?rs|visit\w*|holiday|trip|tour|school|uni)\b", re.I)
_SCHEDULE = compile_fast(r"\b(?:shift|work|class|lecture|school|flight|train|bus|meeting|party|exam|trip|holiday|signal|battery|"
                       r"wifi|bed|sleep|early start|starts at|start at|kids|dinner|gym|plans|visiting|out)\b", re.I)
# A video game in the message: "killed myself" or "I died" there is a death in the game (a grenade at one's own
# feet, a fall in a map), not the user's act. Vetoed by a wish or intent about real life.
_GAME = compile_fast(
    r"\b(?:game|gaming|gamer|level|boss|map|lobby|squad|teammates?|respawn\w*|spawn\w*|nade|grenade|final circle|"
    r"ranked|match|round|loadout|headshot|fortnite|minecraft|warzone|apex|valorant|elden ring|dark souls|"
    r"cod|pubg|roblox|hardcore mode|speedrun\w*|controller|console|xbox|ps[45]|playstation|switch|steam|"
    r"twitch|stream\w*|clutch|noob|lag|gg)\b", re.I)
_REAL_WISH = compile_fast(
    rf"\b(?:irl|in real life|for real|(?:want|wanna|wish|going|gonna|plan\w*) (?:\w+ )?(?:to )?(?:die|kill|end)|"
    rf"(?:i{A}m|im|i am) (?:not )?(?:joking|kidding))\b", re.I)
# "When I'm on the balcony I sometimes ...", "every time I'm on a bridge": a place the user is in habitually or
# hypothetically, not an act under way. The span stops before the place, so the place still counts as a means.
# Vetoed by a time or intent that makes it now.
_NOW_OR_INTENT = compile_fast(
    rf"\b(?:right now|rn|now|tonight|today|going to|gonna|i{A}ll|i will|this time|(?:want|wanna|plan\w*) to (?:jump|do it|end))\b",
    re.I)
# An ordinary plan or sign-off with a time word ("talk tmrw", "wish me luck on Monday", "interview is tomorrow at 10",
# "logging off for the weekend", "my bus is here"): the time word is the plan's, not a crisis timeline, and
# the sign-off is not a goodbye note. Vetoed by crisis words anywhere in the message.
_WHEN = (r"(?:tmrw|tmr|tomorrow|tonight|today|later|soon|next week|this weekend|the weekend|in the morning|"
         r"(?:on |this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)")
_PLAN_EVENT = (r"(?:interview|exam|test|meeting|appointment|appt|shift|class|lecture|seminar|presentation|match|game|flight|"
               r"doctor['’]?s|doctors|dentist|gp|party|wedding|date|gig|concert|deadline|viva|audition|trial|hearing|"
               r"practice|training|rehearsal|review|call|session|first day|driving test|surgery|op|scan)")
_PLAN_VETO = compile_fast(
    rf"\b(?:kill\w*|die|dying|dead|suicid\w*|end (?:it|things|my life)|overdose|od|pills|tablets|rope|bridge|cliff|jump\w*|"
    rf"goodbye|farewell|not coming back|won{A}?t be back|won{A}?t need|last time|no point|hopeless|better off|"
    rf"burden|note|letters?|give away|gave away|forgive me|sorry for everything|hurt myself|cut\w*|wak(?:e|ing) up|forever|for good)\b", re.I)
_CRISIS_VETO = compile_fast(
    rf"\b(?:kill\w*|die|dying|dead|suicid\w*|end (?:it|things|my life)|overdose|od|all (?:of )?(?:my|the) (?:pills|tablets)|"
    rf"whole (?:box|bottle|pack|packet)|goodbye|farewell|not coming back|won{A}?t be (?:back|here|around)|won{A}?t need|no point|"
    rf"hopeless|better off|burden|forgive me|sorry for everything|hurt myself|can{A}?t (?:do this|go on|take))\b", re.I)
_ILLNESS = compile_fast(r"\b(?:migraine|headache|head ache|cold|flu|covid|period|cramps?|toothache|tooth|back|fever|sinus|"
                        r"hangover|hungover|injury|sprain\w*|pain|sore|ache|aching|dentist|surgery|op)\b", re.I)
# Each entry: words one of which the lower-cased message must contain (a cheap gate), the phrase family, a context
# the whole message must have (or None) and a context that vetoes the reading (or None).
BENIGN_READINGS: tuple[tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    # medicine for an illness taking effect ("company while the tablets kick in" on a migraine day)
    (("kick", "to work", "working"), compile_fast(
        r"(?:while|until|till|til|wait(?:ing)? for|before) (?:the |my |these )?(?:\w+ )?(?:tablets|pills|painkillers|meds|paracetamol|"
        r"ibuprofen|medicine|medication|co-?codamol|triptans?) (?:to )?(?:kick(?:s|ing)? in|work|start(?:s)? working)", re.I),
     _ILLNESS, _CRISIS_VETO),
    # thanks at the end of an ordinary stretch of help ("thank you for everything this week, you really helped me ...")
    (("for everything",), compile_fast(
        r"thank(?:s| you)(?: so much| again)? for everything (?:this (?:week|month|term|year)|today|tonight|so far|lately)"
        r"(?:,? you (?:really )?helped)?", re.I), None, _CRISIS_VETO),
    # ordinary plans and sign-offs with a time word ("talk tmrw", "wish me luck on Monday", "exam is tomorrow at 9")
    (("talk", "speak", "chat", "see ", "catch", "text", "luck", "tmrw", "tomorrow", "day", "weekend", "logging", "bus", "train",
      "bed", "bye for now"),
     compile_fast(
        rf"(?:talk|speak|chat|text|catch|see)(?: (?:to|with))? (?:you|u|ya|y{A}?all)?\s?(?:again )?(?:tmrw|tmr|tomorrow|later|soon|"
        rf"next week|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?: maybe| then| x+| ok)?"
        rf"|wish me luck\b[^.!?\n]{{0,40}}?{_WHEN}|{_WHEN}[^.!?\n]{{0,20}}?wish me luck"
        rf"|{_PLAN_EVENT}(?: \w+){{0,3}} (?:is |{A}s |was )?(?:on |at |for |this )?{_WHEN}(?: at \d+(?::\d+)?(?: ?[ap]m)?)?"
        rf"|{_WHEN} at \d+(?::\d+)?(?: ?[ap]m)?(?:,? (?:with|for|in|at) \w+)?"
        rf"|(?:logging|logging out|signing|heading) off (?:for (?:the|a) (?:weekend|night|day|bit|while|holidays?)|now)"
        rf"|(?:my |the )(?:bus|train|tram|lift|ride|taxi|uber|mum|mom|dad) (?:is|{A}s) (?:here|outside|coming)"
        rf"|(?:off to|heading to|going to|time for) (?:bed|sleep)(?:,? (?:bye for now|night|nite|goodnight|nighty night|gn))?|bye for now",
        re.I), None, _PLAN_VETO),
    # "(don't want anyone to) stop me from going to the concert": an event or activity, not a rescue.
    (("stop", "keep", "prevent", "hold", "talk"), compile_fast(
        rf"(?:(?:don{A}t|do not|dont|won{A}t|wont|never) (?:want|need|let) (?:anyone|anybody|you|them|people|him|her|my \w+) (?:to )?)?"
        rf"(?:stop|stopping|keep|keeping|prevent(?:ing)?|hold(?:ing)? me back from|talk(?:ing)? me out of)(?: me)?(?: from)? "
        rf"(?:going|getting|doing|having|seeing|attending|playing|enjoying|buying|trying|applying|moving|quitting|booking|"
        rf"eating|studying|travel+ing|visiting|joining|signing up for|wearing|dating|dancing|singing|running|cycling|"
        rf"swimming|chasing|following|pursuing|posting|dyeing|taking (?:the|a|this|that|my)|starting|finishing|"
        rf"living my (?:best )?life)\b[^.!?,;\n]{{0,30}}?\b{_EVENT}\b", re.I), None, None),
    # "this is the last time I lend him money": an ordinary act one will not repeat.
    (("last time",), compile_fast(rf"(?:the |my )?(?:very )?last time (?:i{A}m |i am |i{A}ll |i will |i |we |i{A}m ever |i ever |ever )?(?:ever )?"
                rf"{_ORDINARY_ACT}\b(?: \w+){{0,3}}", re.I), None, None),
    # "I'd end it there": a text, story, call or relationship cut at a point.
    (("end ",), compile_fast(rf"(?:i{A}?d|id|i would|i{A}?ll|i will|i could|i{A}?m going to|i{A}?m gonna|we could|we should|let{A}?s|should|"
                rf"just|i might|might|i{A}?d just|should i|shud i|shall i|i) (?:just )?end (?:it|things|the \w+) (?:there|here|right there|right here|"
                rf"early|on a cliffhanger|at (?:that|this|chapter|the|\d+)|after (?:the|that|this|chapter|\d+))", re.I),
     _TEXT_THING, None),
    # "won't be around much longer tonight": away for a while because of a shift, a class, a trip or bedtime.
    (("around", "here", "online", "about", "free", "chatting", " on"), compile_fast(rf"(?:won{A}t|will not|wont|not going to|can{A}t|cant) (?:be )?(?:around|here|online|on here|about|free|chatting|on) "
                rf"(?:(?:for )?(?:much|very)? ?(?:longer|long) )?(?:tonight|today|this (?:evening|afternoon|morning|week|weekend)|"
                rf"after (?:\d|nine|ten|eleven|midnight)|till|until)", re.I), _SCHEDULE, _HEIGHT_VETO),
    # Factual questions about buildings, floors and heights; floors in a move, a job or a visit.
    (("floor", "how "), compile_fast(rf"how (?:many|tall|high|big|old|far up) (?:floors |storeys |stories |levels |metres |meters |feet |ft |lifts |elevators |flats |rooms |offices )?"
                rf"(?:does|do|is|are|was|were|has|have|did) (?:the|that|this|your|our|their|a|an|his|her|my) "
                rf"(?:(?:new|old|big|main|local|tallest|highest) )*(?:\w+ )?{_BUILDING}\b(?: \w+){{0,3}}?(?: have| got| go| stand| reach)?",
                re.I), None, _HEIGHT_VETO),
    (("floor",), compile_fast(r"(?:what|which) floor (?:is|are|was|were|do|does|did|am|should|will)\b[^.?!\n]{0,40}", re.I), None, _HEIGHT_VETO),
    (("floor",), compile_fast(rf"(?:on|up on|to|from) the {_FLOOR_NO} floor(?: of (?:a|the|an|our|my) (?:\w+ )?{_BUILDING})?", re.I),
     _TRAVEL, _HEIGHT_VETO),
    (("bridge",), compile_fast(r"(?:cross|crossing|crossed|drive over|drove over|driving over|cycle over|cycling over|walk over|walked over|"
                r"toll (?:on|for)|traffic on|queue (?:on|for)|closure of|roadworks on|built|building|opening of) (?:the )?(?:\w+ )?bridge",
                re.I), _TRAVEL, _HEIGHT_VETO),
    (("train", "bus", "tram", "ferry", "coach", "flight", "tube"), compile_fast(r"(?:train|bus|tram|ferry|coach|flight|tube) (?:to|from) (?:the )?\w+|"
                r"(?:catch|catching|caught|missed|miss|get|getting|book|booked|booking) (?:the|a|an|my) (?:\w+ )?(?:train|bus|tram|ferry|flight|coach|tube)",
                re.I), None, _HEIGHT_VETO),
    (("killed", "died"), compile_fast(r"\b(?:killed (?:myself|me)|(?:i|we|just|then|and) died|got killed)\b", re.I),
     _GAME, _REAL_WISH),
    (("when", "every time", "each time", "if "), compile_fast(
        rf"\b(?:when|whenever|every time|each time|if) (?:i{A}m|im|i am|i{A}m (?:out|up)|i stand|i sit|i go out) "
        rf"(?:on|at|onto|out on|up on|standing on|sitting on)(?= (?:the|a|my|our) (?:\w+ )?"
        rf"(?:balcony|bridge|roof|rooftop|edge|ledge|platform|cliff|railing|top floor))", re.I), None, _NOW_OR_INTENT),
)

# Round 6 cue families whose reading depends on the whole message: a context the message must have, and
# one that makes the wording ordinary (visiting a grave, faith about someday, a commute, rehoming for a move).
_DECEASED = (r"\b(?:died|dead|passed(?: away| on)?|lost (?:her|him|them|my)|gone|funeral|grave|heaven|angels?|rip|"
             r"since (?:she|he|they) (?:went|left)|miss(?:ing)? (?:her|him|them|you)|late|ashes|cancer|anniversary|"
             r"done|tired|ready|giving up|give up|can{A}t do this|no point|want to die|don{A}t want to be here)\b|🕊|👼|🪦").replace("{A}", A)
_RESOLVE = (r"\b(?:i{A}?m done|done|decided|it{A}s time|this is it|no going back|goodbye|bye|sorry|love you|forgive me|"
            r"tell (?:my|them|her|him|everyone)|can{A}t do this|can{A}t anymore|not scared|ready|for good|last time|"
            r"won{A}t be|it ends|enough|finished|over now|nobody will|at peace|no more|"
            r"(?:not|never|won{A}t|will not|don{A}t|dont|do not) (?:think )?(?:i{A}?m |im |i{A}?ll |ill )?(?:be )?(?:going|coming|go|come|getting|get) (?:back )?home|"
            r"this time i won{A}t)\b").replace("{A}", A)
_FAREWELL_FRAME = (r"\b(?:forever|for good|keep (?:him|her|them)|look after (?:him|her|them) for me|won{A}t need|"
                   r"(?:don{A}t|do not|won{A}t|will not|not) (?:expect to |going to )?need (?:it|them|any of (?:it|them))|thank(?:ed|ing)? (?:her|him|them|everyone|you) for everything|"
                   r"for everything|calm|at peace|peaceful|ready|goodbye|said bye|last (?:walk|cuddle|hug)|remember me|"
                   r"it{A}s time|sorted|in order|won{A}t be (?:here|around)|better off|wanted (?:her|him|them) to have)\b").replace("{A}", A)
# Grooming needs both age markers: the user a minor (an age, a school year, "mature for my age") and the other
# person an adult (an age of 18 or more, "older guy", a coach or teacher). Peers asking for photos are not grooming.
_MINOR = (r"\b(?:(?:i{A}?m|im|i am|i just turned|i turned) (?:only |just )?(?:1[0-7]|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
          r"|(?:1[0-7]) ?(?:yo|y/o|years? old|yrs? old)|(?:year|yr) (?:[7-9]|1[0-3])|grade (?:[5-9]|1[0-2])|(?:middle|high|secondary) school"
          r"|mature for my age|(?:mature|grown up|grown-up|old) for (?:a )?(?:1[0-7]|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?! ?(?:mins?|minutes|hours|days|weeks|miles|km|pounds|quid|percent|%)))\b").replace("{A}", A)
_ADULT = (r"\b(?:(?:he|she|they|guy|man|woman|bloke|dude|lad)(?: \w+){0,5}?(?:{A}s| is| are) (?:like |about |nearly |almost )?(?:1[89]|[2-6]\d)(?! ?(?:mins?|minutes|hours|days|weeks|miles|km|pounds|quid|percent|%))|(?:1[89]|[2-6]\d) ?(?:yo|y/o|years? old|yrs? old)"
          # sev17: an age given in apposition ("guy from a discord server, 24, keeps asking")
          r"|(?:guy|man|woman|bloke|dude|lad)\b[^.!?\n,]{0,40}, ?(?:1[89]|[2-6]\d)(?= ?,)"
          r"|older (?:guy|man|woman|lad|dude|boy)|grown (?:man|woman|adult)|an adult|(?:a|this|some) (?:man|woman)"
          r"|my (?:\w+ )?(?:coach|teacher|tutor|youth leader|instructor|friend{A}?s (?:dad|mum|mom|brother)))\b").replace("{A}", A)
_AGE_GAP = rf"^(?=[\s\S]*?{_MINOR})(?=[\s\S]*?{_ADULT})"
MESSAGE_CONTEXT_NEEDS: dict[str, re.Pattern[str]] = {
    "grooming": compile_fast(_AGE_GAP, re.I),
    "recurrence": compile_fast(
        r"\b(?:tried (?:to|last|before|once|twice|in)|tried\.|attempt\w*|overdos\w*|od{A}?d|hospitali[sz]ed|woke up in (?:the )?hospital|a&e|"
        r"psych ward|sectioned|icu|took (?:\w+ ){0,2}(?:pills|tablets)|last time i (?:tried|did it|nearly)|survived)\b".replace("{A}", A), re.I),
    "reunion": compile_fast(_DECEASED, re.I),
    "coded_place": compile_fast(_RESOLVE, re.I),
    "place_plan": compile_fast(_RESOLVE, re.I),
    "farewell_giving": compile_fast(_FAREWELL_FRAME, re.I),
    "denial_but_thinks": compile_fast(
        r"\b(?:not|never|won{A}t|wouldn{A}t|not gonna) (?:\w+ ){0,2}?(?:kill myself|end my life|end it|act on it|do anything|do it|suicidal)\b"
        .replace("{A}", A), re.I),
    "coded_meant": compile_fast(
        r"\b(?:not (?:even )?joking|no(?:t a)? joke|not the meme|i mean it|every (?:single )?day|every night"
        r"|all i think about|i{A}?m (?:so |just so )?done|not kidding)\b".replace("{A}", A), re.I),
}
MESSAGE_CONTEXT_DROPS: dict[str, re.Pattern[str]] = {
    # a fear of death, or someone else's, is not a wish
    "denial_but_thinks": compile_fast(r"\b(?:afraid of|scared of|terrified of|fear of|frightened of) (?:dying|death|it)\b|\bthe opposite\b", re.I),
    "coded_meant": compile_fast(r"\b(?:lol|lmao|haha|jk|one more time)\b|😂|🤣|💀|😭", re.I),
    # photos for an ordinary purpose (a school, team, passport or listing), or the user reporting it as a story
    "recurrence": compile_fast(r"\b(?:in a good way|excited|happy again|in love|hopeful|better than)\b", re.I),
    "grooming": compile_fast(r"\b(?:yearbook|passport|team photo|school photo|for (?:the|a) (?:listing|ad|website|newsletter|portfolio)|"
                           r"in (?:the|a) (?:book|film|movie|show|game|story|news)|my character)\b", re.I),
    "reunion": compile_fast(
        r"\b(?:visit(?:ing|ed)? (?:\w+ ){0,2}grave|cemetery|graveyard|memorial|flowers (?:for|on)|one day|someday|some day|"
        r"when my time comes|when it.?s my time|when i.?m old|god.?s time|faith|church|pray\w*|believe (?:i.?ll|we.?ll)|"
        r"comfort\w*|after a long life|flight|landing|airport|coming home|back from|deployment|tour|holiday|trip|"
        r"visiting hours|weekend|christmas|birthday|half term|custody|contact (?:day|visit))\b", re.I),
    "coded_place": compile_fast(
        r"\b(?:train to|to (?:work|school|uni|college|the office|town|the city)|ticket|delayed|cancel+ed|late for|running late|"
        r"commut\w*|meeting|shift|pick(?:ing)? (?:him|her|them|you|up)|meet(?:ing)? (?:her|him|them|you|my|up)|fixing|repair\w*|"
        r"gutter|tiles|roofer|aerial|antenna|solar|satellite|leak|party|drinks|bar|terrace|garden|sunset|sunrise|view|"
        r"photos?|pics|selfie|picnic|barbecue|bbq|fishing|hike|hiking|walk(?:ing)? the dog|concert|festival|fireworks|"
        r"stargazing|smok\w*|vap\w*|signal|wifi|reception|see you|text you|call you|home soon|on my way home|job|bye for now)\b", re.I),
    "farewell_giving": compile_fast(
        r"\b(?:moving|move|moved|allerg\w*|landlord|tenancy|lease|new baby|pregnan\w*|afford|vet|while i.?m (?:away|in hospital)|"
        r"for the (?:week|weekend|fortnight|holiday|summer)|pet ?sit\w*|kennels?|cattery|boarding|holiday|vacation|trip|"
        r"travel\w*|emigrat\w+|work hours|long hours|new job|rescue|shelter|adopt\w*|litter|kittens|puppies|breeder|sold|"
        r"selling|declutter\w*|charity|outgrew|outgrown|grew out of|upgrade\w*|birthday|christmas|present|gift|lend|lent|"
        r"borrow\w*|swap\w*|downsiz\w*|care home|retir\w*|new (?:flat|house|home|place|baby)|allow\w* pets|no pets|pet policy)\b", re.I),
}
# A place for later: the same leisure, repair and travel contexts, but a shift or a job is only the time anchor.
MESSAGE_CONTEXT_DROPS["place_plan"] = compile_fast(
    r"\b(?:train to|ticket|delayed|cancel+ed|running late|pick(?:ing)? (?:him|her|them|you|up)|meet(?:ing)? (?:her|him|them|you|my|up)|"
    r"fixing|repair\w*|gutter|tiles|roofer|aerial|antenna|solar|satellite|leak|party|drinks|bar|terrace|garden|sunset|"
    r"sunrise|view|photos?|pics|selfie|picnic|barbecue|bbq|fishing|hike|hiking|walk(?:ing)? the dog|concert|festival|"
    r"fireworks|stargazing|see you|text you|call you|bye for now)\b", re.I)
# Round 14b: a pet given "a new home" (lexicon_plans) has the same ordinary reasons as giving one away (a move, allergies).
# "a new home" is the cue's own wording here, so a new flat or house counts but not a new home.
MESSAGE_CONTEXT_DROPS["pet_new_home"] = compile_fast(
    SOURCES[MESSAGE_CONTEXT_DROPS["farewell_giving"]].replace("new (?:flat|house|home|place|baby)", "new (?:flat|house|place|baby)"),
    re.I)

# Round 13 families. Each reads the whole message (MESSAGE_CONTEXT_NEEDS and _DROPS, keyed by the cue's name).
# Self-harm context: the act named in the message, so a kitchen cut that gapes or bleeds is not read as self-harm.
_SH_CONTEXT = (r"\b(?:cut|cuts|cutting|self[- ]?harm\w*|sh|razor|blade|blades|burn|burns|burning|straighteners|scratch\w*"
               r"|went (?:too|to) deep|did it|doing it|the thing)\b")
# a cover story ("I told them it was a kitchen accident") is no accident
# round 18 (acts18): also a cover story told with "I" as its subject ("told the ED i fell on glass", "said i'd slipped")
_COVER_STORY = (r"(?![\s\S]*\b(?:(?:told (?:them|him|her|everyone|people|the \w+|my \w+)|said|say|pretend\w*|lied|made out|make out) (?:\w+ ){0,3}(?:it was|it{A}s|its) "
                r"|(?:told|tell|telling|said|say|saying|lied to|lie to) (?:\w+ ){0,3}?(?:that )?i(?:{A}d| had)? (?:\w+ )?(?:fell|slipped|tripped|caught it|cut it on|did it on)\b))").replace("{A}", A)
_ACCIDENT = (r"^" + _COVER_STORY + r"[\s\S]*?\b(?:cooking|in the kitchen|kitchen accident|knife slipped|slipped|chopping|slicing|dicing|bagel|mandoline|tin lid|glass broke|broken glass"
             r"|fell|tripped|gardening|diy|work ?shop|shaving|accident(?:ally)?|by accident)\b")
# The user says the "someone" of a hypothetical is themself ("asking for me", "the someone is me").
_FOR_ME = (r"\b(?:(?:i{A}m |im |i am )?asking for (?:me|myself)|(?:the|this) (?:someone|person|friend) (?:is|was|being) me"
           r"|by (?:someone|a friend|a person) i mean me|(?:i{A}m|im|i am) (?:really )?talking about me"
           r"|asking for a friend\W{0,3}(?:the friend is me|it{A}s me|(?:who is|who{A}s) me))\b").replace("{A}", A)
_FICTION = (r"\b(?:novel|story|stories|character|script|screenplay|film|movie|episode|podcast|true[- ]crime|book club|essay"
            r"|assignment|lecture|course|exam question|documentary|article|the news|game|dnd|d&d|campaign)\b")
# A threat to kill with the abuser's return home as its time, said to the user ("when he gets home tonight he's going
# to kill me", "'you're dead when I get home'"), where the message is serious (DATA_CARD: "due back tonight having
# threatened to kill" is imminent); "mum's going to kill me when she gets home, I broke the vase" is an idiom.
_SERIOUS_THREAT = (r"\b(?:nobody will find|no one will find|solicitor|divorce|restraining order|police|before|done (?:stuff|this|it)"
                   r"|broke my|hit me|hurt me|strangl\w*|choked|scared|afraid|terrified|shaking|hiding|kids|baby|never like that"
                   r"|means it|mean it|can{A}?t think)\b").replace("{A}", A)
_IDIOM_THREAT = r"\b(?:lol|lmao|haha|vase|grounded|curfew|homework|report card|the car|dent|scratch(?:ed)? (?:the|his|her)|late)\b|😂|🤣|😅"
ROUND13_CUES: tuple[Cue, ...] = (
    # Self-harm that escalates ("deeper every time", "I need more for it to work") or needs medical care ("needed
    # stitches", "gaping", "superglued it", "I can see a yellowish layer"): high (DATA_CARD).
    Cue("nssi_severe", "nssi_severe", "self_harm", _c(
        r"deeper (?:every|each) time|(?:getting|gets|got|going) (?:\w+ )?(?:deeper|worse|further) (?:every|each) time",
        r"(?:keep |kept )?(?:need|needing|needed) (?:it )?(?:more|deeper|to go (?:deeper|further)) (?:for it|to feel|before it|each time|every time)",
        r"(?:stop|keep|kept) going (?:further|deeper)",
        # round 13c: escalation told as a trend of the act itself ("the cutting is getting deeper again", "my burns have
        # been getting worse"); before, a calorie-restriction cue beside it carried such a record to moderate
        r"(?:the |my )?(?:cutting|cuts|burning|burns|self[- ]?harm(?:ing)?) (?:is|are|{A}s|has been|have been|keeps?) (?:getting|going) (?:a (?:lot|bit) )?(?:deeper|worse)",
        r"(?:needed|needs|need|needing|probably needed|should(?:{A}ve| have) had|might need|would need) (?:\w+ )?stitch(?:es|ing)",
        r"gaping|super ?glue[ds]?|steri[- ]?strip\w*|butterfly (?:stitch|strip|closure)\w*",
        r"(?:wouldn{A}?t|won{A}?t|doesn{A}?t|didn{A}?t|isn{A}?t going to) close(?! (?:the|my|it down))",
        r"close (?:it|the wound|the cut) (?:up )?(?:myself|at home|on my own)",
        r"(?:see|seeing) (?:a |the )?(?:\w+ )?(?:yellow\w*|white|fatty) (?:layer|stuff|tissue|bit)",
    ), negatable=False),
    # Bleeding that will not stop, a towel soaked through, in a self-harm message: an act under way (imminent).
    Cue("bleeding_now", "in_progress", "self_harm", _c(
        r"soak(?:ing|ed|s)? (?:right )?through (?:the |a |my |another )?(?:towel|bandage|tissues?|cloth|t-?shirt|sock|plaster|dressing)",
        r"(?:won{A}?t|wont|doesn{A}?t|isn{A}?t|is not|not) (?:stop(?:ping)?|slow(?:ing)?(?: down)?) bleeding",
        r"(?:can{A}?t|cannot|cant) (?:get (?:it|the bleeding) to )?stop (?:the )?bleeding",
    ), self_only=False, negatable=False),
    # An abuser breaking in now: kicking or banging at the door, glass going, "trying to get in" (imminent).
    Cue("break_in_now", "in_progress", "abuse", _c(
        r"(?:he|she|they|my (?:\w+ )?\w+)(?:{A}s| is| are|{A}re|s)? (?:\w+ )?(?:trying to (?:get|break|force (?:his|her|their) way) in"
        r"|(?:kicking|banging|pounding|hammering|smashing|booting|bashing) (?:on |at |in )?(?:the |my )?(?:\w+ )?(?:door|window))",
        r"(?:hear|hearing) (?:him|her|them) (?:kicking|banging|smashing|breaking|trying)",
        r"(?:hear|hearing) (?:the )?glass (?:go|going|break|breaking|smash\w*)",
    ), self_only=False, negatable=False),
    Cue("threat_due_back", "in_progress", "abuse", _c(
        r"(?:kill (?:me|us)|(?:you{A}?re|i{A}?m|we{A}?re) (?:so )?dead)[^.!?\n]{0,40}?(?:when|once|after|as soon as) (?:he|she|they|i) (?:gets?|comes?|is|am) (?:home|back|in)",
        r"(?:when|once|as soon as) (?:he|she|they) (?:gets?|comes?) (?:home|back|in)(?: \w+){0,3},? (?:he|she|they)(?:{A}s| is| are|{A}ll| will)? (?:going to |gonna )?kill me",
    ), self_only=False, negatable=False),
    # Strangulation phrased without "choked" ("grabbed me by the neck", "squeezed my throat"): high at any time.
    Cue("strangled", "abuse_severe", "abuse", _c(
        r"(?:grabbed|grabs|held|holds|had|took|squeezed|pinned|lifted) me (?:up )?(?:\w+ )?by (?:the|my) (?:neck|throat)",
        r"(?:squeezed|squeezing|squeezes|grabbed|grabs|gripped|crushed) my (?:neck|throat)",
        r"(?:put|puts|putting|had|wrapped) (?:his|her|their|both) hands (?:around|round|on) my (?:neck|throat)",
    ), self_only=False, negatable=False),
    # A hypothetical the user says is about themself ("if someone's husband put his hands round her neck... I'm
    # asking for me"): the third person's injury is the user's. Needs _FOR_ME in the message.
    Cue("framed_strangled", "abuse_severe", "abuse", _c(
        r"(?:hands?|arms?) (?:around|round|on) (?:her|his|their|someone{A}?s) (?:neck|throat)",
        r"(?:choked|strangled|choking|strangling) (?:her|him|them|someone)",
        r"grabbed (?:her|him|them) by the (?:neck|throat)",
    ), self_only=False, negatable=False),
    # A method question in the third person or "hypothetically" ("hypothetically, how would someone strangle
    # themselves", "how would a person hang themself, asking for me"): method research (high) unless a story.
    Cue("framed_method", "lethality", "suicide", _c(
        r"how (?:would|could|do|does|can|might) (?:someone|somebody|a person|one|you|people|a guy|a girl) (?:\w+ ){0,2}?"
        r"(?:strangle|hang|suffocate|kill|overdose|od|drown|poison|gas|electrocute|shoot|stab|unalive) (?:themselves|themself|himself|herself|yourself|oneself)",
        r"how (?:would|could|do|does|can|might) (?:someone|somebody|a person|one|you|people) (?:\w+ ){0,2}?(?:end (?:their|his|her|your) (?:own )?life|not wake up)",
    ), self_only=False, negatable=False),
)
MESSAGE_CONTEXT_NEEDS.update({
    "nssi_severe": compile_fast(_SH_CONTEXT, re.I),
    "bleeding_now": compile_fast(_SH_CONTEXT, re.I),
    "break_in_now": compile_fast(
        r"\b(?:what (?:do|should|can) i do|help|scared|terrified|hiding|locked (?:myself )?in|restraining order|police|999|911"
        r"|kill me|hurt me|make me pay|baby|kids|bathroom|under the bed)\b", re.I),
    "threat_due_back": compile_fast(_SERIOUS_THREAT, re.I),
    "framed_strangled": compile_fast(_FOR_ME, re.I),
    "framed_method": compile_fast(rf"{_FOR_ME}|\bhypothetical(?:ly)?\b", re.I),
})
MESSAGE_CONTEXT_DROPS.update({
    "nssi_severe": compile_fast(_ACCIDENT, re.I),
    "bleeding_now": compile_fast(_ACCIDENT, re.I),
    "break_in_now": compile_fast(
        r"\b(?:forgot (?:his|her|their) keys|lost (?:his|her|their) keys|locked (?:him|her|them)sel(?:f|ves) out|delivery|postman"
        r"|courier|the wind|dog|cat|puppy|kitten|lol|haha|toddler|to be let in)\b", re.I),
    "threat_due_back": compile_fast(_IDIOM_THREAT, re.I),
    "framed_strangled": compile_fast(_FICTION, re.I),
    "framed_method": compile_fast(_FICTION, re.I),
})
FRAME_CUES = (*FRAME_CUES, *ROUND13_CUES)

# Round 13b families (whole-message needs and drops as above; a cue with a drop and no need reads any message).
# Heavy bleeding that will not stop (the older in_progress wordings, moved here): an act under way (imminent) unless
# the message names an ordinary source of the bleeding (an accident, a shaving nick, a nosebleed, a period, a tooth
# out, a piercing, blood thinners) and no deliberate act; a cover story ("told them it was shaving") is no source.
_ORDINARY_BLEED = (_ACCIDENT[:-3] + r"|nose ?bleeds?|(?:my|his|her|the) nose|period|periods|menstrua\w*|time of the month"
                   r"|tampons?|heavy flow|gums?|tooth|teeth|wisdom|extraction|dentist|paper ?cut|nick(?:ed)?|graze[ds]?"
                   r"|bit (?:my|his|her) (?:lip|tongue)|(?:dog|cat) (?:bit|bite|scratch\w*)|piercing|tattoo"
                   r"|after (?:my |the |his |her )?(?:op|operation|surgery|procedure|biopsy|smear)|blood thinners?|warfarin"
                   r"|ha?emophilia)\b")
_DELIBERATE = r"\b(?:self[- ]?harm\w*|on purpose|deliberately|relaps\w*|urges?|to feel (?:it|something)|wanted to (?:hurt|die|feel))\b"
# Coercive control (DATA_CARD abuse moderate: "an established pattern of coercive control or financial exploitation
# that leaves the user afraid or trapped"): the partner controls the money, the receipts, an allowance, the user's
# location; with fear of what they would do in the message. Without the fear it is the older low cues' business.
_CONTROL_FEAR = (r"\b(?:scared|afraid|terrified|frightened|petrified) (?:of (?:what|how) (?:he|she|they|comes)\b|of (?:him|her)\b"
                 r"|to (?:leave|tell (?:him|her)|ask|say no|push back))|walk(?:ing)? on eggshells|(?:feel|i{A}m|im|i am) trapped\b"
                 ).replace("{A}", A)
# The user too helpless to get up while others take over the care of their dependants (DATA_CARD: "~a week or more
# unable to ... look after children: moderate"): "my eldest has been making cereal for the little ones", "the kids
# have been living on toast because I can't get up". Needs the user's own "can't get up / can't move".
_CANT_GET_UP = (r"\bi(?:{A}ve| have)?(?: \w+)? (?:can{A}?t|cannot|couldn{A}?t|not been able to|haven{A}?t been able to|been unable to)"
                r"(?: even| physically)? (?:get (?:myself )?(?:up|out of bed)|move|function)\b|\bi just lie (?:there|in bed)\b").replace("{A}", A)
_LAID_UP = (r"\b(?:flu|covid|cold|bug|virus|fever|temperature|food poisoning|norovirus|tonsillitis|chest infection|surgery"
            r"|operation|op|broken (?:leg|ankle|hip|foot)|slipped disc|sprain\w*|crutches|in a cast|chemo\w*|pneumonia)\b")
ROUND13B_CUES: tuple[Cue, ...] = (
    Cue("bleeding_heavy", "in_progress", "suicide", _c(
        r"cut (?:too|really) deep", rf"(?:can{A}t|cant) stop (?:the )?bleeding", r"bleeding (?:a lot|everywhere|out|so much)",
        rf"won{A}t stop bleeding", r"(?:i{A}m|im|i am) (?:cutting|bleeding) (?:rn|right now|now)",
        r"(?:it{A}s|its) (?:pouring|pooring|gushing)(?! (?:down|with|outside|rain|it down|here|again))",
        r"bleeding (?:isn{A}t|is not|isnt|won{A}t|wont) (?:slowing|stopping|stop)",
    ), self_only=False),
    Cue("coercive_control", "abuse", "abuse", _c(
        r"(?:controls?|controlling|in charge of) (?:all|every penny) (?:of )?(?:the |our |my )?(?:money|finances|bank accounts?)",
        r"(?:show|shows|showing|account for|check(?:s|ing)?|goes through) (?:him |her |them )?(?:the |every |all (?:the |my )?)?receipts?",
        r"(?:gives?|giving|gave) me (?:an? )?(?:\w+ )?(?:allowance|cash|pocket money|housekeeping)",
        r"(?:has|have|tracks?|tracking|checks?|checking|shares?) my (?:location|whereabouts)",
        r"(?:ask|asking|beg|begging) (?:him|her|them) for (?:bus fare|money|cash|the card)",
        rf"(?:don{A}t|do not|no longer) have (?:a|my) (?:own )?(?:bank card|bank account|card) (?:anymore|any more)",
    ), self_only=False, negatable=False),
    Cue("care_handed_over", "impairment", "functional_impairment", _c(
        r"(?:eldest|oldest|partner|husband|wife|sister|brother|mum|mom|dad|neighbou?r|son|daughter|\d+ ?(?:year old|yo))\b[^.!?\n]{0,20}?"
        rf"(?:{A}s| has| have)? been (?:doing everything|feeding|looking after|making|cooking|walking|taking|getting|doing the school run)"
        r"\b[^.!?\n]{0,40}?\b(?:kids|children|little ones|them|the baby|school|breakfast|dinner|tea|cereal)\b",
        rf"(?:kids|children|little ones)(?:{A}ve| have)? been (?:eating|living on|having) (?:\w+ ){{0,3}}?(?:cereal|toast|crisps|biscuits|takeaways?|nothing)\b",
    ), self_only=False, negatable=False),
)
MESSAGE_CONTEXT_DROPS.update({
    "bleeding_heavy": compile_fast(rf"^(?![\s\S]*{_DELIBERATE}){_ORDINARY_BLEED}", re.I),
    "coercive_control": compile_fast(_FICTION, re.I),
    "care_handed_over": compile_fast(_LAID_UP, re.I),
})
MESSAGE_CONTEXT_NEEDS.update({
    "coercive_control": compile_fast(_CONTROL_FEAR, re.I),
    "care_handed_over": compile_fast(_CANT_GET_UP, re.I),
})
FRAME_CUES = (*FRAME_CUES, *ROUND13B_CUES)

# Round 17 (fp17): impairment told by counting (DATA_CARD, functional impairment: ">=3 days of ... no sleep" and "~a
# week or more unable to work" are moderate, "a couple of sick days" low, "1-2 bad nights" none). Each reads the
# whole message: the nights counted need a word of sleep in it ("night 4 with basically nothing. not even dozing"),
# and a shift rota, a newborn's feeds, travel, fasting, revision or a festival, or an illness that keeps one off
# work, is an ordinary reason for the count (the hard negatives the card names).
_N3 = r"(?:[3-9]|1\d|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NTH3 = r"(?:[3-9](?:rd|th)|1\d(?:th)?|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_NO_SLEEP = (r"(?:basically |literally |practically |pretty much |almost |next to |virtually |more or less |just about )?"
             r"(?:nothing|no sleep|zero(?: sleep)?|0 sleep|none|no real sleep|no proper sleep|not a wink)(?! (?:to|on|in|left|planned|much|else))")
_DAY = r"(?:mon|tue|tues|wed|wednes|weds|thu|thur|thurs|fri|sat|satur|sun)(?:day)?"
_SLEEP_WORD = r"\b(?:sleep\w*|slept|dozing|doze|dozed|nap\w*|kip|shut ?eye|insomnia|awake|a wink|bed|drift off|nod off)\b"
_ORDINARY_NIGHTS = (r"\b(?:night ?shifts?|shifts?|on nights|nights on|rota|on call|newborn|new ?born|baby|babies|colic\w*|feeds?|feeding"
                    r"|teething|jet ?lag\w*|time ?zones?|flight|flew|red[- ]eye|festival|camping|tent|ramadan|fasting|iftar|suhoor"
                    r"|exams?|revision|deadline|crunch|all[- ]nighters?|hackathon|gaming|stream\w*|party|rave|puppy|wedding|heatwave)\b|"
                    + _LAID_UP)
#: Round 28: an ordinary reason for days of not eating, sleeping, washing or getting up: the counted nights' reasons and
#: being laid up, plus a fast, a cleanse or diet, a strike, bed rest, a break or a cast, remote work, a trip.
ORDINARY_IMPAIRMENT: re.Pattern[str] = compile_fast(
    _ORDINARY_NIGHTS + r"|\b(?:lent|cleanse|detox|juice|diet\w*|keto|carbs?|calories|strike|bed ?rest|broke|broken|cast|wisdom teeth"
    r"|remote|wfh|working from home|holiday|trip|hike|hiking|expedition|retreat|silent retreat|surgeon|hospital|midwife|pregnan\w*"
    r"|finals|cramming|revising|glastonbury|steroid\w*|bread|pasta|meat|sugar|dairy|gluten|junk food|takeaways?|restaurants?"
    r"|hangover|hungover|stomach bug|sickness bug|been sick|being sick|throwing up|vomit\w*|(?:been|was|fallen|falling) ill"
    r"|infection|migraine)\b", re.I)
ROUND17_CUES: tuple[Cue, ...] = (
    Cue("nights_counted", "impairment", "functional_impairment", _c(
        rf"night (?:number )?{_N3}(?: now| in a row| running| straight)?,? (?:with|of|on) {_NO_SLEEP}",
        rf"{_NTH3} night(?: now| in a row| running| straight)?,? (?:with|of|on) {_NO_SLEEP}",
        rf"{_N3} nights?(?: now| in a row| running| straight)?,? (?:with|of|on) {_NO_SLEEP}",
        rf"(?:awake|up) (?:all night )?(?:for )?{_N3} nights (?:straight|running|in a row)",
    ), self_only=True, negatable=False),
    # three or four days off sick: low ("called in sick mon tue and wed")
    Cue("sick_days_counted", "intrusive", "functional_impairment", _c(
        rf"(?:called|rang|phoned) in sick (?:on |for )?{_DAY}(?:,? (?:and |& |n )?{_DAY}){{2,}}",
        r"(?:called|rang|phoned) in sick (?:for )?(?:three|four|3|4) days",
        r"(?:three|four|3|4) sick days (?:in a row|this week|running)",
        r"off sick (?:for )?(?:three|four|3|4) days",
    ), self_only=True, negatable=False),
    # a week or more off sick: moderate ("called in sick all week", "off sick for two weeks")
    Cue("sick_week", "impairment", "functional_impairment", _c(
        r"(?:called|rang|phoned) in sick (?:all|the whole|every day(?: of)? (?:this|last|the)) week",
        r"(?:called|rang|phoned) in sick (?:for )?(?:a week|(?:five|six|seven|eight|nine|ten|[5-9]|1\d) days|(?:two|three|four|[2-4]) weeks)",
        r"off sick (?:for )?(?:a week|over a week|(?:two|three|four|[2-4]) weeks|(?:five|six|seven|eight|nine|ten|[5-9]|1\d) days)",
    ), self_only=True, negatable=False),
    # a young child's meals and minding reduced to the minimum for days ("my 4 year old has been on cereal and cartoons
    # for a week"): care failing, like ``care_handed_over``, needs the user's own word that they cannot do more
    Cue("care_minimum", "impairment", "functional_impairment", _c(
        rf"(?:\d+ ?(?:year old|yr old|yo)|kids|children|little ones|toddler|son|daughter|boy|girl)(?:{A}s|{A}ve| has| have)? been"
        r" (?:on|living on|eating|having|surviving on) (?:\w+ ){0,2}?(?:cereal|toast|crisps|biscuits|takeaways?|nothing|dry \w+)"
        r"(?: and (?:cartoons|telly|tv|the ipad|ipad|screens|youtube|the tablet))?[^.!?\n]{0,20}?(?:for|all) (?:about |over |nearly )?"
        r"(?:a week|week|days|(?:\d+|two|three|four|five|six|several|a few) (?:days|weeks))",
    ), self_only=False, negatable=False),
)
MESSAGE_CONTEXT_NEEDS.update({
    "nights_counted": compile_fast(_SLEEP_WORD, re.I),
    "care_minimum": compile_fast(
        _CANT_GET_UP + rf"|\bonly thing (?:that )?i (?:can )?(?:manage|do)\b|\ball i (?:can )?manage\b"
        rf"|\b(?:can{A}?t|cannot|haven{A}?t) (?:\w+ )?(?:get to|face|manage|had) (?:a |the )?(?:shower|wash|bath)\b"
        rf"|\b(?:haven{A}?t|have not|not) (?:eaten|slept|showered|washed)\b|\bnot coping\b".replace("{A}", A), re.I),
})
MESSAGE_CONTEXT_DROPS.update({
    "nights_counted": compile_fast(_ORDINARY_NIGHTS, re.I),
    "sick_days_counted": compile_fast(_LAID_UP, re.I),
    "sick_week": compile_fast(_LAID_UP, re.I),
    "care_minimum": compile_fast(_LAID_UP, re.I),
})
FRAME_CUES = (*FRAME_CUES, *ROUND17_CUES)

# Round 17 (fp17): a professional recounting a case ("had a pt in tonight, 40ish paracetamol ... she's on the ward now
# and stable. this isn't about me btw"; "attended a bridge call ... talked him back over, he's with the mental health
# team now. I'm fine, it's the job"). DATA_CARD: professional talk about someone else is none. Three parts, all needed:
# the work's own words (two distinct ones), the person in the case named as now cared for or safe, and the user's
# own word that they are fine. A bare "I'm fine" is a classic deflection, so it only counts inside such a frame.
PRO_WORDS = compile_fast(
    r"\b(?:pts?|patients?|triage\w*|resus|the ward|on the ward|ward round|a ?& ?e|icu|itu|hdu|obs|nac|n-acetylcysteine"
    r"|call ?outs?|call-outs?|(?:attended|went to|got|had|took) (?:a|an|the) (?:\w+ ){0,2}(?:call|job|shout|incident|scene)"
    r"|on scene|our crew|the crew|crewmate|sergeant|sarge|debrief\w*|handover|shift|night shift|nights|on nights|rota"
    r"|brought in|conveyed|sectioned|(?:mental health|crisis|mh|liaison|psych) team|psych liaison|the unit|caseload"
    r"|(?:the|my|this) job|paramedics?|ambulance|the station|custody)\b", re.I)
# The person in the case now cared for or safe: "she's on the ward now and stable", "he's with the mental health team".
CASE_SAFE = compile_fast(
    r"\b(?:he|she|they|pt|patient|the (?:man|woman|lad|girl|guy|kid|lady|gentleman|chap))(?:{A}s|{A}re| is| are| was| were)?"
    r" (?:now |safe |all |doing )?(?:\w+ )?(?:stable|admitted|medically fit|being (?:looked after|seen|assessed)"
    r"|on the ward|in (?:resus|icu|itu|hdu|hospital|a bed)|with (?:the )?(?:mental health|crisis|mh|liaison|psych) team"
    r"|going to (?:be|pull through|make it)|out of danger|pulled through)\b"
    r"|\b(?:levels|obs) (?:are |were )?(?:coming down|settling|normal|fine|stable)\b"
    r"|\btalked (?:him|her|them) (?:back|down|round|off)\b".replace("{A}", A), re.I)
CASE_FINE = compile_fast(
    r"\b(?:this|it|that) (?:isn{A}?t|is not|{A}s not|s not|wasn{A}?t|was not) (?:about|for) me\b"
    r"|\bnot about me\b"
    r"|\b(?:i{A}?m|i am|im|i feel) (?:\w+ )?(?:fine|ok|okay|alright|all right|good|safe)\b(?!\W{0,3}(?:but|though|except|really)\b)"
    r"|\b(?:it{A}?s|its|it is|that{A}?s|thats|comes with|all part of|part of) (?:just )?the job\b".replace("{A}", A), re.I)
# What makes the case the user's own after all: a shared feeling, a wish to be in the patient's place, means kept.
CASE_OWN = compile_fast(
    r"\b(?:me too|same here|i (?:kinda |kind of |sort of |honestly )?(?:get it|get why|understand why|feel (?:like )?that"
    r"|feel the same|do too|have too|envy|envied|was jealous|am jealous)"
    r"|doing the same|(?:could|should|wish it|wish that) (?:have )?(?:been|be) me|wish(?:ed)? (?:i|it) (?:was|were|had been)"
    r"|(?:saved|saving|stockpil\w*|stash\w*|hoard\w*|pocket\w*|squirrel\w*) (?:\w+ ){0,3}(?:up|away|home|for me|for myself)"
    r"|(?:taking|took|take|bringing|brought) (?:\w+ ){0,3}home from (?:the )?(?:ward|work|unit|cupboard|trolley)"
    r"|for myself|my own (?:stash|supply|plan))\b", re.I)
