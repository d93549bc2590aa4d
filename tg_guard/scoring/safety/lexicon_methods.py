# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round-16 cue families: a specific suicide method contemplated in implicit, self-directed words.

CLINICAL.md and the DATA_CARD put ideation *with a method* at high and active ideation without one at moderate.
Users often say both at once without any crisis word: "I keep thinking about just swerving into the lorry", "I
wonder if the rope in the garage would hold me", "if I stepped in front of the bus at least the pain would stop".
The older families need a keyword ("kill myself", "suicidal") for the ideation and see only a bare means word
("motorway", "rope") or nothing ("a wall", "the edge"), so such a message read ``none``.

Two families, each by linguistic function rather than by sentence:

* ``method_thought``: a self-directed contemplation frame (think about, keep picturing, wonder whether, imagine,
  "it would be so easy to", "part of me wants to") with a lethal act or a means set to act on the user
  (driving into a wall or oncoming traffic, letting go of the wheel, stepping off a height or in front of a
  train, a rope or beam holding the user, the exhaust piped into the car, a firearm at home dwelt on, the exact
  tablets and how many, water or a drop judged deep or high enough).
* ``method_relief``: the same lethal act in a conditional or "I could" frame with the relief or cover that makes
  it a wish ("... and it's done", "the pain would stop", "nobody would know it wasn't an accident").

Each family is written twice (:data:`METHOD_CUES`): once as ``ideation`` (active ideation, moderate) and once as
``method`` over the same span. The tracker combines them as it combines any ideation and a means (high), so a
timeline beside them stays high (contemplation is no stated intent), a credible safety answer lowers the level one
step as for any ideation, and a disavowal of acting ("I'd never actually do it") sets aside only the ``method``
copy (``risk._DISAVOW``, the tracker's one disavowal pattern: moderate, as the DATA_CARD rates a negation contradicted by active ideation).

Both copies are ``self_only`` (someone else's thought is theirs) and negatable ("I don't think about driving into
a wall"). :data:`METHOD_CONTEXT_DROPS` names the sentences that make the words ordinary: a near miss or a crash
told as news, driving lessons and safety training, fiction, climbing and swimming, clay shooting, a "rather ...
than" hyperbole, and the fleeting "call of the void" the DATA_CARD rates none.
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from .lexicon import GUN, PILLS, A, Cue, _c

__all__ = ["METHOD_CONTEXT_DROPS", "METHOD_CUES", "METHOD_NAMES", "resolved"]

# -- the contemplation frames -------------------------------------------------------------------------------
# A verb of thinking, picturing or wondering, dwelt on ("keep", "can't stop", "sometimes") or not.
_MUSE = (r"(?:think|thinks|thinking|thought|wonder|wonders|wondering|wondered|imagine|imagines|imagining|imagined"
         r"|picture|pictures|picturing|pictured|fantasi[sz]e|fantasi[sz]es|fantasi[sz]ing|fantasi[sz]ed|daydream|daydreams|daydreaming"
         r"|daydreamed|dream|dreams|dreaming|consider|considering|considered|contemplate|contemplating|contemplated)")
# What may sit between the frame and the act, none of it a person: "about just", "of how easy it would be to".
_LINK = (rf"(?: (?:about|of|on))?(?: (?:just|simply|actually|maybe|really|sometimes|literally|myself|me|how easy it(?:{A}d| would) be(?: to)?"
         rf"|how (?:easy|quick|simple) it (?:would be|{A}d be|is)(?: to)?|what it(?: would|{A}d) (?:be|feel) like(?: to)?))*")
# An act offered as an option: "it would be so easy to", "part of me wants to", "tempted to". A bare "I could" is
# hyperbole as often ("I could drive into a wall for that burger"): it counts only with its relief (_RELIEF_PARTS).
_OPTION = (rf"(?:it(?: would|{A}d) be (?:so |really |too )?easy to|how easy it(?: would|{A}d) be to"
           rf"|part of me wants to|(?:i{A}m |i am |i get |i feel )?(?:so |really )?tempted to|(?:it{A}?s|it is|its|so|too|really) tempting to)(?: just| simply| easily| so easily)?")

# -- the lethal acts, in any tense ("driving", "drove", "swerve") ---------------------------------------------
_HIT = (r"(?:wall|walls|tree|trees|lamp ?post|pole|pillar|pillars|supports?|bridge supports?|barrier|central reservation|concrete \w+"
        r"|lorry|lorries|truck|trucks|bus|hgv|artic|oncoming (?:traffic|cars?|lorr(?:y|ies)|trucks?|vans?|buses)|traffic|the other lane"
        r"|river|canal|reservoir|quarry|sea|cliff|ravine|embankment|ditch)")
_DRIVE = (rf"(?:driv(?:e|es|ing)|drove|driven|swerv(?:e|es|ing|ed)|steer(?:s|ing|ed)?|veer(?:s|ing|ed)?|crash(?:es|ing|ed)?|plough(?:s|ing|ed)?"
          rf"|plow(?:s|ing|ed)?|ram(?:s|ming|med)?|aim(?:s|ing|ed)?|smash(?:es|ing|ed)?|go(?:ing)?|went)"
          rf"(?: (?:the|my) (?:car|van|motorbike|bike))?(?: (?:straight|right|head ?first|full speed|flat out|at full speed))?"
          rf" (?:(?:into|at|under) (?:(?:the|a|an|some|that|this|one of (?:the|those)) )?(?:\w+ )?{_HIT}"
          rf"|off (?:the|a|that|this) (?:\w+ )?(?:bridge|edge|pier|quay|harbou?r wall|dock|cliff|cliff edge|road|top floor|ramp|embankment))\b")
# The wheel let go or turned, or not braking: a metaphor ("letting go of the wheel at work") without a road near.
_WHEEL = (r"(?:let(?:s|ting)? go of the (?:steering )?wheel|tak(?:e|ing|en) my hands off the (?:steering )?wheel"
          r"|(?:one|a) (?:hard |quick |sharp |little |small |single |sudden )?(?:turn|twist|yank|jerk|flick|pull|tug) of the (?:steering )?wheel"
          r"|(?:yank|jerk|wrench|turn|pull)(?:s|ing|ed)? the (?:steering )?wheel(?: hard)?(?: (?:left|right))?"
          r"|(?:just )?(?:not|stop|stopping|never) brak(?:e|ing))")
_ROAD = (r"(?:motorway|dual carriageway|road|bend|corner|lorry|lorries|truck|traffic|junction|roundabout|bridge|\d+ ?mph|\d+ miles an hour"
         r"|full speed|speed|driving|drive|car|van|highway|freeway|overpass|central reservation|oncoming)")
_WRAP = r"wrap(?:s|ping|ped)? (?:the|my) (?:car|van) (?:round|around) (?:a|the|some) (?:\w+ )?(?:tree|lamp ?post|pole|wall|pillar|bridge)"
_HEIGHT = (r"(?:edge|ledge|roof|rooftop|top floor|top storey|balcony|bridge|parapet|railings?|barrier|side|cliff|cliff edge|platform(?: edge)?"
           r"|car park|multi[- ]?stor(?:e)?y|viaduct|overpass|tower|block)")
_STEP = (rf"(?:(?:step|steps|stepping|stepped|jump|jumps|jumping|jumped|climb|climbs|climbing|climbed|lean|leaning|leaned|leant|fall|falling|tip|tipping|let myself fall|letting myself fall|letting go)"
         rf" (?:off|over|from) (?:the|a|that|this|my) (?:\w+ )?{_HEIGHT}\b"
         # "going over the edge" alone is the idiom for losing it ("going over the edge with stress"): a named drop only
         rf"|(?:go|going|went) (?:off|from) (?:the|a|that|this|my) (?:\w+ )?{_HEIGHT}\b"
         rf"|(?:go|going|went) over (?:the|a|that|this|my) (?:\w+ )?(?:railings?|barrier|parapet|side of (?:the|a|that) (?:\w+ )?{_HEIGHT}|edge of (?:the|a|that) (?:\w+ )?{_HEIGHT})\b"
         # bare, at the end of its clause: "thinking about stepping off", "jumping off and that's it"
         rf"|(?:step|steps|stepping|stepped|jump|jumps|jumping|jumped) (?:off|over)(?=\s*(?:[.!?,;\n]|$|and\b|then\b))"
         rf"|(?:step|steps|stepping|stepped|walk|walks|walking|walked|throw|throwing|threw|jump|jumps|jumping|jumped|lie|lying|lay|laying|fall|falling)"
         rf" (?:myself )?(?:out )?(?:in front of|under|onto|on to|down on) (?:a|the|an|that|one of the|the next) (?:[\w:.'’-]+ ){{0,2}}(?:train|bus|lorry|truck|car|tram|tube|traffic|tracks|rails|line))")
_STAND = (r"(?:stand|stands|standing|stood|wait|waits|waiting|waited|sit|sits|sitting|sat|lean|leans|leaning|leant)(?: \w+){0,2}"
          r" (?:close to|near|next to|at|by|right on|on|over)")
_EDGE_OF = r"(?:platform|train|trains|tube|tracks|station|cliff|cliffs|bridge|roof|car park|multi-?stor(?:e)?y|building|balcony|quarry|pier|viaduct|drop)"
_ABOUT_IT = rf"(?:about it|of it|about (?:stepping|jumping|falling|leaning|going)|what if|how easy it(?: would|{A}d) be)"
_LIGATURE = r"(?:rope|belt|cord|cable|beam|banister|bannister|rail|hook|pipe|ligature|scarf|dog lead|lead|door ?frame|loft hatch|tree branch|branch)"
_GAS = (r"(?:putting|put|running|run|attaching|attach|taping|tape|feeding|feed|connecting|connect)(?:s|ing)? (?:a|the) (?:\w+ )?(?:hose|hosepipe|pipe|tube)"
        r" (?:from|to|on|onto|off) (?:the|my) exhaust"
        r"|(?:a |the )?(?:\w+ )?(?:hose|hosepipe|pipe|tube)(?: \w+){0,3} (?:from|on|off|to) (?:the|my) exhaust"
        r"|(?:sit|sitting|sat|running|run|leaving|leave|left)(?: \w+){0,2} (?:in )?the (?:car|van|engine)(?: running)? in (?:the|a|our|my) (?:closed |shut |locked )?garage"
        r"|(?:the )?exhaust (?:through|into|in) the (?:car )?window")
_ACT = rf"(?:{_DRIVE}|{_WRAP}|{_STEP}|{_GAS}|{_WHEEL}(?=[^.!?\n]{{0,60}}\b{_ROAD}\b))"
_ACT_ANY = rf"(?:{_DRIVE}|{_WRAP}|{_STEP}|{_GAS}|{_WHEEL})"

# -- relief, finality or cover after the act ----------------------------------------------------------------
_RELIEF = (rf"(?:(?:the|this|my|all the|all this|all of this) (?:\w+ )?(?:pain|hurt|hurting|suffering|noise|thoughts|voices|misery|exhaustion|everything)(?: in my head)?"
           rf"|it|everything|all (?:of )?(?:this|it)|this|that)(?: would|{A}d| will|{A}ll| could| might)? (?:all )?(?:just |finally )?(?:stop|end|be over|be done|be finished|go away|go quiet)"
           rf"|(?:it{A}?s|it is|it{A}?d be|it would be|that{A}?s|and|then) (?:all )?(?:done|over|finished)\b"
           rf"|(?:no one|nobody|noone|no-one) (?:would|will|{A}d) (?:ever )?(?:know|notice|miss me|care|find out|suspect|question it)"
           rf"|(?:look|looked|looks|seem|seemed|seems|pass(?:ed)? (?:it )?off as) (?:like )?an accident"
           rf"|(?:wasn{A}?t|was not|weren{A}?t|not|isn{A}?t) an accident|(?:think|thought|say|said) it was an accident"
           rf"|no more (?:pain|hurting|of this|anything|waking up)|(?:would|{A}d|could) (?:finally )?(?:rest|be free|be at peace|get some peace|be gone)")

# -- the means dwelt on -------------------------------------------------------------------------------------
_GUN_ORDINARY = r"(?![^.!?\n]{0,60}\b(?:range|hunt\w*|season|clean\w*|club|clay\w*|pigeons?|skeet|trap shoot\w*|licen[cs]e\w*|sell\w*|insurance|rabbits|pests?|vermin|deer)\b)"
_QTY_PURPOSE = r"(?![^.!?\n]{0,40}\b(?:for (?:a |my |the |this )?(?:\w+ )?(?:headache|covid|migraine|cold|flu|period|cramps|pain|back|sleep|flight|hangover|tooth\w*|fever|allergies)|if (?:the|my) (?:pain|migraine|headache))\b)"
_WATER = r"(?:river|reservoir|lake|canal|sea|water|quarry|loch|estuary|dock|harbou?r|weir|lock|pond|flood ?water)"
_DROP = r"(?:drop|fall|bridge|building|car park|multi-?stor(?:e)?y|balcony|roof|block|tower|cliff|top floor|\w+ floor|window)"

_THOUGHT_PARTS = (
    # a frame and a lethal act: "I keep thinking about swerving into oncoming traffic", "picturing stepping off the roof"
    rf"{_MUSE}{_LINK} {_ACT}",
    # a road named first, then the wheel: "on the motorway I look at the lorries and think about letting go of the wheel"
    rf"{_ROAD}\b[^.!?\n]{{0,80}}?\b(?:i|and) (?:\w+ )?{_MUSE}{_LINK} {_WHEEL}",
    # an act offered as an option: "it would be so easy to just drive into the river", "part of me wants to let go of the wheel"
    rf"{_OPTION} {_ACT}",
    # a height or a platform looked at, and stepping off thought of: "keep looking at the top floor ... thinking about stepping off"
    rf"(?:look|looks|looking|looked|stare|stares|staring|stared) (?:up |down |over )?(?:at|over) (?:the|that|this|a) (?:\w+ ){{0,3}}?{_HEIGHT}\b[^.!?\n]{{0,60}}?{_MUSE}(?: about| of)(?: just)? (?:stepping|jumping|going|falling|leaning|tipping|letting go)(?: (?:off|over|out|forward))?\b(?! (?:the|a) (?:bus|train|kerb|curb|plane|boat|ladder|step|stage))",
    # standing at a platform's or drop's edge and thinking about it: "I stand really close to the platform edge and think about it"
    rf"{_STAND} (?:the (?:very )?(?:platform|cliff|roof|bridge|quarry) (?:edge|railings?|parapet)|the (?:very )?(?:edge|railings?|parapet) of (?:the|a) (?:\w+ )?{_EDGE_OF})\b[^.!?\n]{{0,50}}?{_MUSE}(?: \w+){{0,2}}? {_ABOUT_IT}",
    # a bare edge after the place is named: "the train comes through at 6:40, I stand really close to the edge and think about it"
    rf"{_EDGE_OF}\b[^\n]{{0,100}}?\bi (?:\w+ )?{_STAND} the (?:very )?(?:edge|yellow line|railings?|parapet)\b[^.!?\n]{{0,50}}?{_MUSE}(?: \w+){{0,2}}? {_ABOUT_IT}",
    # a rope, beam or banister judged against the user's weight: "I wonder if the rope in the garage would hold me"
    rf"(?:{_MUSE}|test|tests|testing|tested|check|checks|checking|checked)(?: \w+)? (?:if|whether|how long) (?:the|that|this|my|a|our) (?:\w+ )?{_LIGATURE}(?: (?:in|on|up in|at) (?:the|my|our) \w+)? (?:would|could|will|can|might|is strong enough to) (?:hold|take|support|bear|carry) (?:me|my weight|my body|someone my (?:size|weight))\b",
    # a firearm at home and the thought of it: "dad's shotgun is in the shed, I think about it a lot"
    rf"(?:\w+{A}s |my |the |our |his |her )?(?:old )?{GUN}(?:{A}s| is| sits| lives| stays| still| is still| is kept| gets kept)?(?: \w+){{0,2}} (?:in|under|on|at|behind|above) (?:the|my|our|his|her) \w+{_GUN_ORDINARY}[^.!?\n]{{0,40}}?(?:and |so |, )?i (?:keep |can{A}t stop |often |always |just )?(?:think|thinking|thought|look|looking|stare|staring) (?:about|of|at) (?:it|that|using it|getting it out|taking it out)\b(?! (?:for|before|at|with) (?:the )?(?:range|club|shoot|season))",
    # putting a firearm to the head thought of: "I imagine putting the barrel in my mouth"
    rf"{_MUSE}{_LINK} (?:putting|put|holding|hold|pressing|press)(?:ing)? (?:the|a|my|dad{A}s|\w+{A}s) (?:\w+ )?(?:{GUN}|barrel|muzzle) (?:in my mouth|to my (?:head|temple|chin)|under my chin|against my (?:head|temple|chest))",
    # the exact tablets and how many: "I know exactly which tablets I'd take and how many"
    rf"(?:know|knew|worked out|figured out|decided|sorted out) (?:exactly |precisely |already )?(?:which|what) (?:of (?:my|the|these|those) )?(?:[\w-]+ )?{PILLS}? ?(?:i{A}d|i would|i{A}ll|i will|i{A}d need to) (?:take|use|swallow|need)\b{_QTY_PURPOSE}[^.!?\n]{{0,30}}?\b(?:and )?how (?:many|much)",
    rf"(?:know|knew|worked out|figured out|counted) (?:exactly |precisely |already )?how (?:many|much) (?:of (?:my|these|the|them|those) )?(?:[\w-]+ )?{PILLS}? ?(?:i{A}d|i would|it(?: would|{A}d)) (?:need|take|have to take|swallow)\b{_QTY_PURPOSE}(?! (?:a|per|each|every) (?:day|night|week)| to (?:feel|sleep|work|help|get through))",
    # water or a drop judged deep or high enough: "I've been wondering how deep the river is ... deep enough I'd guess"
    rf"(?:{_MUSE}|look|looks|looking|looked|check|checks|checking|checked|googl\w+|look(?:ed|ing)? up)(?: about| at| up| into)? (?:how|if|whether) (?:deep|cold|fast|high|far down) (?:the|that|this|a) (?:\w+ ){{0,2}}?(?:{_WATER}|{_DROP})(?: \w+){{0,4}}? (?:is|was|would be|gets|goes|runs)\b[^\n]{{0,50}}?\b(?:(?:deep|high|cold|fast|far) enough\b(?!(?: \w+)? (?:to|for) (?!(?:do it|die|drown|kill|not (?:come|get|survive)|end it)\b))"
    rf"|(?:i|you|someone) (?:wouldn{A}?t|couldn{A}?t|won{A}?t|can{A}?t) (?:get out|come (?:back )?up|swim (?:back|out)|survive|climb out))",
    rf"(?:{_MUSE}|wonder(?:ing)?)(?: about)? (?:if|whether) (?:the|that|this|a) (?:\w+ ){{0,2}}?{_DROP} (?:is|would be|was) (?:high|tall|far|deep) enough\b(?![^.!?\n]{{0,3}}\b(?:to|for)\b(?! (?:do it|die|kill|not survive|end it)\b))",
)
_RELIEF_PARTS = (
    # a conditional act with its relief: "if I stepped in front of the bus tomorrow at least the pain would stop"
    rf"if i (?:just |simply |ever |actually )?{_ACT_ANY}[^.!?\n]{{0,70}}?\b(?:{_RELIEF})",
    # an option with its relief or cover: "I could wrap the car round a tree and nobody would know it wasn't an accident"
    rf"(?:{_OPTION}|i could|i{A}d|i would|i might|just|one|all it would take is|all it takes is)(?: just| simply| easily)? {_ACT_ANY}[^.!?\n]{{0,70}}?\b(?:{_RELIEF})",
    # a frame with the act and its end: "think one hard turn of the wheel and it's done"
    rf"{_MUSE}(?: that| how)? {_WHEEL}[^.!?\n]{{0,40}}?\b(?:{_RELIEF})",
)

#: Each family twice: as active ideation, and as the means it names over the same span (the tracker's
#: ideation-plus-means rule makes it high; a disavowal sets aside the means copy only). One pattern per part, not
#: one alternation per family: each part then has a literal gate of its own (``_regex.Gated``: most texts skip
#: most parts), where the family's alternation had none and cost about 0.1 ms a message; the tracker scans a
#: pattern its two copies share once (``risk.scan_with_drops``).
METHOD_CUES: tuple[Cue, ...] = tuple(
    cue
    for family, parts in (("method_thought", _THOUGHT_PARTS), ("method_relief", _RELIEF_PARTS))
    for pattern in (_c(part) for part in parts)
    for cue in (Cue(family, "ideation", "suicide", pattern), Cue(f"{family}_means", "method", "suicide", pattern))
)
METHOD_NAMES = frozenset(c.name for c in METHOD_CUES)

# -- sentences in which the words are ordinary ---------------------------------------------------------------
_ORDINARY = compile_fast(
    # a near miss, a skid or an animal: the act was avoided, not wished for
    r"\b(?:(?:nearly|almost|narrowly) (?:swerved|crashed|hit|drove|went|ran|came off|skidded|rolled|lost|fell|slipped|stepped|got)|near[- ]miss|close call"
    r"|(?:to avoid|avoid(?:ed|ing)|to miss|dodg(?:e|ed|ing)) (?:a|an|the|hitting|crashing|some) |deer|fox|badger|black ice|icy|skid\w*|aquaplan\w*|blow-?out"
    r"|brakes? (?:failed|went)|lost control|fell asleep at the wheel"
    # a road's danger discussed: "so easy to drive into the river on that bend, they need barriers"
    r"|(?:need|needs|should (?:put|have)|no) (?:\w+ )?(?:barriers?|railings?|a fence|fencing|signs?|street ?lights?)|black ?spot|dangerous (?:road|bend|junction|stretch)|in (?:the|thick) fog"
    # a crash told as news or a flashback
    r"|news|headline|article|on the radio|crash site|flashbacks?|ptsd|since the (?:accident|crash|collision)"
    # lessons, tests and safety training
    r"|driving (?:lesson|instructor|test|school)s?|my instructor|hazard perception|theory test|simulator|safety (?:course|training|briefing|video|talk|induction)"
    r"|training (?:course|day|session|video)|first aid|induction|fire drill|risk assessment|track day|go-?karts?|karting|stunt\w*|racing game|mario kart|gta|grand theft auto"
    # fiction, film and games
    r"|(?:the|a|this|that|tv|netflix) (?:show|series|film|movie|book|novel|story|episode|game|play)|(?:film|movie|novel|book|story|episode|series|show|game) (?:where|about|in which|called)"
    r"|character|protagonist|plot|scene|script|screenplay|fanfic|video game|season finale|writing (?:a|my)"
    # climbing, swimming and boats; photography; clay shooting
    r"|climb\w*|abseil\w*|boulder\w*|belay\w*|harness|hammock|rope swing|zip ?line|rigging|crossfit|pull-?ups?|aerial|silks"
    r"|trampoline|crash mat|parkour|free-?running|sky-?div\w*|parachut\w*|bungee\w*|base jump\w*|tombstoning|cliff jump\w*|comfort zone"
    r"|swim\w*|paddl\w*|kayak\w*|canoe\w*|wetsuit|fishing|boat|sail\w*|div(?:e|ing)|snorkel\w*|triathlon|surf\w*|cold water therapy"
    r"|museum|antique|heirloom|war relic"
    r"|photo\w*|camera|drone|selfies?|skyline|sunset|sunrise|(?:the|a|for the) views?|clay\w*|skeet"
    # a hyperbole about something trivial, and the fleeting "call of the void"
    r"|(?:i{A}?d|i would|id) (?:much |sooner )?rather\b[^.!?\n]{0,60}\bthan|call of the void|l{A}appel du vide|high place phenomenon"
    r"|(?:just |it )?pops? (?:into|in) my head|split second|fleeting|random thought|intrusive|ocd|unwanted thoughts?)\b".replace("{A}", A),
    re.I)
METHOD_CONTEXT_DROPS: dict[str, re.Pattern[str]] = {name: _ORDINARY for name in METHOD_NAMES}

#: A message that puts the thought behind the user ("I'm in a much better place now", "glad I didn't"): the family's
#: hits are past (DATA_CARD: a resolved past episode is none), unless the statement is negated ("I'm not feeling any
#: better now", "nothing is better now": :data:`_NOT_BEFORE`).
_RESOLVED_NOW = compile_fast(
    rf"\b(?:(?:so |much |a lot |way )?better now|in a (?:much |far |way )?(?:better|good|safe) place now|(?:so )?(?:glad|grateful|thankful) i (?:didn{A}?t|never)"
    rf"|(?:haven{A}?t|have not) (?:thought|felt) (?:like )?(?:that|this|it) (?:in|for|since))\b",
    re.I)
_NOT_BEFORE = compile_fast(rf"\b(?:not|no|nothing|never|any|n{A}?t|hardly|barely)\b[^.!?\n]{{0,12}}$", re.I)
#: A past frame in the hit's own sentence ("back then I used to think about driving into a wall"): past there only;
#: "it was worse back then" in another sentence does not make "I keep thinking about it" past.
_PAST_FRAME = compile_fast(
    r"\b(?:back then|at my (?:lowest|worst)|when i was (?:at my (?:lowest|worst)|really (?:ill|unwell|depressed)|in a bad (?:way|place)))\b",
    re.I)


def resolved(text: str, sentence: tuple[int, int]) -> bool:
    """Whether the message puts a method hit in ``sentence`` (start, end) behind the user: a resolution said and not
    negated anywhere in the message, or a past frame in that sentence."""
    for m in _RESOLVED_NOW.finditer(text):
        if not _NOT_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            return True
    return _PAST_FRAME.search(text[sentence[0] : sentence[1]]) is not None
