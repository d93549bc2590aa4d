# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round 17 (helper fa17): ordinary readings of four older act cues (``lexicon.py``'s ``in_progress`` and ``prep``).

The older cues fire on their words alone: "I'm on the roof" (an act under way, imminent), "the rope is tied"
(imminent), a bare "engine running" (the car-in-garage act, imminent) and "wrote my will" (preparation, high).
Each has an everyday reading that the same sentence gives by its function, and each entry here names that
function rather than one example's words:

- a height now with an ordinary task or outing there: a roofer at work, the aerial, gutters or tiles fixed,
  a ball or kite fetched, fireworks, stars or the sunset watched;
- a rope, strap or chain rigged for a sport, a hobby or a hung object: an aerial hoop or silks, a hammock,
  a swing, a punch bag, a plant hanger, climbing or abseiling;
- an engine running with the door or windows open, warming up or defrosting, at the mechanic's, or "running"
  as a car that works ("running fine again", "running costs");
- a will written as ordinary estate planning: by age ("at 70", "at my age"), with a solicitor, after a baby,
  a wedding, a mortgage or a diagnosis, "just in case", "everyone should".

Entries use ``lexicon_frames.BENIGN_READINGS``' format (gate words, the phrase, a context the whole message must
have or None, a veto); the tracker sets aside any cue overlapping the phrase, and the learned layer reads it as
``qqbenign`` unless a grave current cue is in the message (view.py). Each veto keeps the real disclosure: a
crisis word anywhere in the message ("to end it", "jump", "around my neck", "because I won't be here", a door
shut or the exhaust piped) leaves the cue standing.
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from .lexicon import A

__all__ = ["ORDINARY_READINGS"]

# Crisis wording common to every entry: a wish to die, an end, a farewell, hopelessness, a method or a last time.
_CRISIS = (
    r"kill\w*|suicid\w*|end (?:it|things|my life|it all|everything)|want(?:ed)? to die|wanna die|wish i (?:was|were) dead"
    r"|better off|burden|(?:no|what{A}?s the) point|pointless|hopeless|goodbye|good bye|farewell|forgive me|sorry for everything"
    r"|can{A}?t (?:do this|go on|take (?:it|this|any ?more|much more)|cope)|had enough|don{A}?t want to (?:be here|live|wake)"
    r"|won{A}?t be (?:here|around|needing|back)|not be (?:here|around)|not (?:going to|gonna) be (?:here|around)"
    r"|no reason to (?:live|stay)|nothing left|tired of (?:living|life|it all|everything)|before i go|ready to go"
    r"|overdose|pills|tablets|noose|hang (?:myself|me)|hanging myself|one last|last time|final|miss me|nobody would|no one would"
)
_VETO = compile_fast(rf"\b(?:{_CRISIS})\b".replace("{A}", A), re.I)
# A cover story told about the height or the line is the disclosure ("told the guy it was for a tent", dev y0388;
# "told my wife I was fixing the aerial").
_COVER = r"(?:told|tell|said|say) (?:\w+ ){0,3}?(?:it was|it{A}?s|i was|i{A}?m)|pretend\w*|excuse|cover story"

# A height now: on, up on or off a roof, balcony, scaffold or ladder.
_HEIGHT = r"(?:roofs?|rooftops?|balcony|scaffold(?:ing)?|ladder|flat roof)"
_AT = rf"(?:on|onto|up on|up|at|off) (?:the |a |my |our |his |her |their |next door{A}?s |the neighbou?rs?{A}? |mum{A}?s |dad{A}?s )?(?:\w+ )?{_HEIGHT}"
# What one does up there: the roof's own parts fixed or cleaned, a thing fetched, a sky watched, a trade at work.
_ROOF_TASK = (
    r"(?:aerial|antenna|(?:satellite |sky )?dish|gutters?|guttering|chimney|tiles?|slates?|shingles?|solar panels?|skylight"
    r"|velux|flashing|leaks?|leaking|moss|felt|fascias?|soffits?|downpipe|ridge|vents?|fireworks|stars|stargaz\w*|meteors?"
    r"|sunset|sunrise|eclipse|telescope|ball|frisbee|kite|drone|shuttlecock|(?:christmas|fairy|festoon) lights|decorations"
    r"|bbq|barbecue|picnic|deck ?chairs?|sunbath\w*|pigeons?|nest|wasps?|roofers?|roofing|builders?|scaffolders?|surveyor"
    r"|(?:at|for) work|on the job|the job|client{A}?s|customer{A}?s)"
)
# The real disclosure beside a height: a fall, a jump, the edge, looking down, a cover story.
_HEIGHT_VETO = compile_fast(
    r"\b(?:jump\w*|leap\w*|fall(?:ing)? off|step(?:ping)? off|throw(?:ing)? myself|look(?:ing)? (?:down|over)|how high|the drop"
    rf"|over the (?:edge|side)|edge|ledge|{_COVER})\b".replace("{A}", A), re.I)

# A line rigged for a sport, a hobby or a hung object.
_LINE = r"(?:ropes?|cords?|straps?|slings?|chains?|lines?|belts?|webbing)"
_HUNG = (
    r"(?:aerial (?:hoop|silks?|yoga|rig|sling)|lyra|hoop|silks|trapeze|hammocks?|(?:tyre |tire |rope |porch )?swings?"
    r"|punch(?:ing)? ?bags?|heavy bags?|boxing bags?|speed bags?|plant(?: hangers?)?s?|hanging (?:baskets?|plants?)|macrame"
    r"|climbing|climb|abseil\w*|rappel\w*|belay\w*|bouldering|pull-?up bar|gym rings|(?:gymnastic |olympic )?rings|tarps?|tents?"
    r"|washing line|clothes ?lines?|boats?|kayaks?|canoes?|trailers?|roof rack|pulleys?|bird ?feeders?|bunting|lanterns?"
    r"|pi[nñ]atas?|tree ?house|rope ladder|obstacle course|tug of war|bikes?|hoist|sail|flag|banner|decorations)"
)
_LINE_VETO = compile_fast(rf"\b(?:neck|my throat|chair|stool|kick(?:ed|ing)? (?:it |the \w+ )?away|step(?:ping)? off|drop"
                          rf"|{_COVER})\b".replace("{A}", A), re.I)

# An engine running where no fumes can gather, or for an ordinary reason; a car that "runs" (works).
_ENGINE = rf"(?:engine|car|motor|van)(?:{A}s| is| was)? (?:still |left )?running"
_CAR_OK = (
    r"(?:(?:garage |car |front |back |side )?doors? (?:\w+ )?(?:wide )?(?:open|up)|(?:wide )?open garage|windows? (?:\w+ )?(?:open|down)"
    r"|warm(?:ing)? (?:it |her |him |the car |the engine |the van )?up|warm up|to warm|defrost\w*|de-?ic\w*|frost|ice"
    r"|mechanic\w*|m\.?o\.?t|servic\w*|diagnostic\w*|check engine|oil|coolant|battery|jump ?start\w*|charg\w*|idling at"
    r"|at the lights|traffic|outside (?:the|a) (?:shop|school|house|station)|drive-?thru|drive-?through|school run"
    r"|drop(?:ping)? (?:\w+ )?off|pick(?:ing)? (?:\w+ )?up|heater|air ?con|a/c|driveway|on the drive|in the street|on the road)"
)
_CAR_STATE = r"(?:fine|well|smooth(?:ly)?|rough(?:ly)?|badly|great|hot|lumpy|again|perfectly|ok|okay|better|sweet|costs?|cost)"
_ENGINE_VETO = compile_fast(
    rf"\b(?:(?:doors?|shutter)(?:{A}s| is| are)? (?:\w+ )?(?:shut|closed|down|locked)|taped|tape|hose|hosepipe|exhaust|fumes|sealed|gaps"
    rf"|windows? (?:\w+ )?(?:up|shut|closed)|breath\w*|sleepy|drowsy|dizzy)\b".replace("{A}", A), re.I)

# A will as ordinary estate planning: an age, a professional, a life event, prudence.
_WILL = (rf"\b(?:updat\w*|wr[io]t\w*|written|made|mak(?:e|ing)|sort\w*|dr[ae]w\w* up|sign\w*|chang\w*|redo|redid|do(?:ing)?|did|done"
         rf"|finish\w*|get(?:ting)?|got) (?:round to |around to )?(?:doing )?(?:my|a|our|the|new|mine and \w+{A}?s) (?:new |last |living |mirror |joint )?wills?\b(?! (?:to|power)\b)")
_ESTATE = compile_fast(
    r"\b(?:at [5-9]\d|at (?:my|our|his|her) age|(?:turned|turning|now|aged?) [5-9]\d|in (?:my|our) (?:\d0s|fifties|sixties|seventies|eighties|nineties)"
    r"|\d\d(?:th|st|nd|rd)? birthday|pension\w*|retire\w*|solicitor\w*|lawyer\w*|attorney|notary|estate planning|probate"
    r"|power of attorney|lpa|executors?|trusts?|trustees?|inheritance|iht|guardians?|guardianship|godparents?|baby|newborn|born"
    r"|pregnan\w*|expecting|married|marriage|wedding|engaged|divorc\w*|mortgage|bought (?:a|our|the) (?:house|flat|home)"
    r"|new (?:house|home|flat)|moved house|grandkids|grandchildren|just in case|sensible|responsible|adult thing|grown[- ]?up thing"
    r"|everyone should|been meaning to|finally got (?:a)?round|kept putting (?:it )?off|free wills?|will[- ]writ\w*|online will"
    r"|templates?|witness\w*|diagnos\w*|surgery|operation|deploy\w*|tour|life insurance|paperwork|admin|finances|isa"
    r"|split (?:it |everything )?(?:between|equally)|peace of mind|organised|organized|house in order)\b", re.I)

# Round 17 (sfa17): a rope "up" or "ready" in a climbing message ("took my new 60m rope up to the crag", "rope's up,
# my turn to lead"): the sport's own vocabulary somewhere in the message names the reading.
_CLIMB = compile_fast(
    r"\b(?:crags?|climbing|climbers?|bouldering|belay\w*|abseil\w*|rappel\w*|carabiners?|karabiners?|quickdraws?"
    r"|top[- ]?rop\w*|multi-?pitch|(?:led|lead|leading|sent|send) (?:a|the|my|an?) (?:\w+ ){0,2}?route|via ferrata|mountaineer\w*)\b", re.I)
# A ship's bridge: the ship's own words name the place ("on the bridge of the ship", "first night watch as cadet
# officer", "the radar"). The crossing word is not a plain "boat" or "water" (the sea beside a road bridge).
_SHIP = compile_fast(
    r"\b(?:ship{A}?s?|vessels?|ferry|ferries|tanker|freighter|frigate|destroyer|cruiser|cruise ship|aircraft carrier"
    r"|submarine|trawler|container ship|navy|naval|maritime|merchant navy|coast ?guard|cadets?|helm|helmsman|radar|sonar"
    r"|(?:night|first|middle|morning|dog|anchor) watch|on watch|watch ?keeping|officer of the watch|oow|first mate|second mate"
    r"|third mate|deck officer|captain|skipper|starboard|knots|nautical|ecdis|ais|bridge of (?:the|a|my|our|this) \w+)\b"
    .replace("{A}", A), re.I)
_SHIP_VETO = compile_fast(
    r"\b(?:jump\w*|leap\w*|overboard|over the (?:side|edge|rail\w*)|rail(?:s|ing|ings)?|edge|ledge|the drop|into the (?:sea|water|waves)"
    r"|how (?:deep|cold|far down|high)|(?:cold|dark) water|let go|step(?:ping)? off|fall(?:ing)? in)\b", re.I)

ORDINARY_READINGS: tuple[tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    # a height now with an ordinary task there ("im on the roof now fixing the aerial", "up on the roof getting the ball")
    (("roof", "balcony", "scaffold", "ladder"), compile_fast(
        rf"\b{_AT}\b[^.!?\n]{{0,60}}?\b{_ROOF_TASK}\b|\b{_ROOF_TASK}\b[^.!?\n]{{0,60}}?\b{_AT}\b".replace("{A}", A), re.I),
     None, compile_fast(rf"{_VETO.pattern}|{_HEIGHT_VETO.pattern}", re.I)),
    # a line rigged for a sport, a hobby or a hung object ("rope is tied to the beam for my aerial hoop")
    (("rope", "cord", "strap", "sling", "chain", "line", "belt", "webbing"), compile_fast(
        rf"\b{_LINE}\b[^.!?\n]{{0,60}}?\b(?:for|to (?:hang|hold|hoist|lift|rig|tie|secure)|holding|holds)\b (?:up )?(?:the |my |a |an |our |his |her |their |some |the kids{A}? )?(?:\w+ ){{0,2}}?{_HUNG}\b"
        rf"|\b{_HUNG}\b[^.!?\n]{{0,40}}?\b{_LINE}\b".replace("{A}", A), re.I),
     None, compile_fast(rf"{_VETO.pattern}|{_LINE_VETO.pattern}", re.I)),
    # an engine running with the door open, warming up, at the mechanic's; a car that runs ("running fine again")
    (("running",), compile_fast(
        rf"\b{_ENGINE}\b[^\n]{{0,80}}?\b{_CAR_OK}(?!\w)|\b{_CAR_OK}\b[^\n]{{0,80}}?\b{_ENGINE}\b|\b{_ENGINE} {_CAR_STATE}\b".replace("{A}", A), re.I),
     None, compile_fast(rf"{_VETO.pattern}|{_ENGINE_VETO.pattern}", re.I)),
    # a will as ordinary estate planning ("wrote my will at 70", "finally did our wills with the solicitor")
    # (an age means an older one: a will "at 19" or "at 24", "weird" for one's age, with letters, is a farewell)
    (("will",), compile_fast(_WILL.replace("{A}", A), re.I), _ESTATE, compile_fast(
        rf"{_VETO.pattern}|\b(?:letters?|notes?|explain\w*|at peace|tidied|(?:no ?one|nobody) (?:has|needs) to|weird|strange|odd)\b", re.I)),
    # round 17 (sfa17): a climbing rope up or ready ("took my new 60m rope up to the crag", "rope's up, on belay");
    # a neck, a chair, a drop or a crisis word anywhere in the message keeps the cue
    (("rope",), compile_fast(
        rf"\b(?:\w+ )?ropes?(?:{A}s| is| was| are)? (?:up|ready|tied|set up|rigged)\b".replace("{A}", A), re.I),
     _CLIMB, compile_fast(rf"{_VETO.pattern}|{_LINE_VETO.pattern}|\b(?:beam|rafters?|loft|banister|bannister|door|wardrobe|tree|hook|knot|noose)\b", re.I)),
    # round 17 (sfa17): on a ship's bridge at work ("I am on the bridge of the ship now, first night watch as cadet
    # officer"): the ship's words name the place; a jump, the rail, the water below or a crisis word keeps the cue
    (("bridge",), compile_fast(
        rf"\b(?:on|at|up on|onto|to) the (?:ship{A}?s |vessel{A}?s |ferry{A}?s |\w+ )?bridge\b(?! (?:over|across|into)\b)".replace("{A}", A), re.I),
     _SHIP, compile_fast(rf"{_VETO.pattern}|{_SHIP_VETO.pattern}", re.I)),
    # the edge of a piece of furniture ("im sitting on the edge of my bed crying"): the act cue's "on the edge" names a
    # place one sits every day, unless a blade, a ligature, pills or a crisis word is in the message
    (("edge",), compile_fast(
        r"\b(?:sitting|sat|sit|perched|lying|lay) on the edge of (?:my|the|a|our|his|her|their|mum'?s|dad'?s) (?:\w+ )?"
        r"(?:bed|bath|bathtub|tub|sofa|couch|settee|seat|chair|desk|mattress|table|stage|pool|bunk)\b", re.I),
     None, compile_fast(rf"{_VETO.pattern}|\b(?:blades?|razors?|knife|knives|cut\w*|bleed\w*|blood|rope|belt|cord|ligature|jump\w*|guns?|pistol|rifle|shotgun|firearm|revolver|weapon|loaded|ammo|bullets?|ought to know|should know)\b", re.I)),
)
