# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round-14 cue families: preparation and a plan told in everyday words, and topic words that are no disclosure.

Written from CLINICAL.md's levels (preparation and a plan are high; with a time, imminent; an act under way is
imminent), each family general rather than one sentence: a farewell note to a named person in the indirect-object
order ("written my sister a note"), the means counted out or already in place ("counted out all the pills", "the
rope is already in the wardrobe"), a last occasion decided ("it will be my last birthday"), a chosen place ("I've
thought it through, I know the spot" beside a height or a quarry), and tablets already taken "so it doesn't
matter". :data:`PLAN_CUES` extends the tracker's cues.

:data:`TOPIC_READINGS` are ordinary readings (``lexicon_frames.BENIGN_READINGS`` format): a crisis word used as the
topic of coursework, a podcast or statistics ("self-harm rates in teenagers", "domestic violence cases"), and an
address given to the emergency services for someone else ("calling 911, I have her address").
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from .lexicon import GUN, A, Cue, _c

__all__ = ["PLAN_CUES", "TOPIC_READINGS"]

_PERSON = (r"(?:sister|brother|mum|mom|mam|mother|dad|father|wife|husband|partner|kids|children|son|daughter|parents|family"
           r"|best friend|boyfriend|girlfriend|fianc[eé]e?|twin|nan|gran|grandma|grandad)")
# ordinary notes and letters: to a teacher or about the bins, a birthday or thank-you card
_ORDINARY_NOTE = (r"(?:birthday|thank[- ]you|thanks|christmas|xmas|get[- ]well|love|cover|sick|permission|complaint|shopping"
                  r"|sticky|post-?it|lunchbox|anniversary|valentine'?s?|mother'?s day|father'?s day)")
_NOTE_PURPOSE = (r"(?! (?:about|asking|re|reminding|to (?:say|ask|remind|remember|tell (?:her|him|them) (?:about|i(?:'|’)?ll|when))"
                 r"|for (?:school|work|the fridge|her birthday|his birthday)|saying (?:thanks|thank you|happy|congrat)|on (?:the|her|his) (?:fridge|door|desk) about))")
_HANG = r"(?:rope|noose|ligature|hose ?pipe|hose)"
_HANG_ORDINARY = r"(?:climb\w*|boat|yacht|camp\w*|tent|swing|tow\w*|washing line|dog|lead|gym|garden|van for|hammock|sail\w*|kayak|skipping)"
_OCCASION = r"(?:birthday|christmas|xmas|new year|summer|anniversary|easter)"
_PLACE = (r"(?:bridge|quarry|cliffs?|cliff ?top|viaduct|multi-?stor(?:e)?y|car park roof|rooftop|overpass|(?:railway|train) (?:line|tracks|bridge)"
          r"|tracks|level crossing)")
# Only a decision about the place itself: "I've thought it through, I know the spot", "picked the day". "Made up my mind"
# alone is ordinary near a bridge ("made up my mind to cycle over the bridge"), and so is a spot for the view.
_DECIDED = (rf"(?:(?:i{A}ve|i have|i{A}d|i) (?:thought it (?:all )?through|picked the (?:spot|place|day)|chosen the (?:spot|place|day))"
            rf"|(?:i )?know (?:the|which|exactly which|exactly the) (?:spot|edge|height|side))")
_PLACE_ORDINARY = (r"(?![^.!?\n]{0,60}\b(?:view|views|photos?|pictures?|fishing|fish|carp|parking|park up|picnic|sunset|sunrise|walk|hike|run"
                   r"|climb\w*|swim\w*|dive|bungee|abseil\w*|commute|route|traffic))")

PLAN_CUES: tuple[Cue, ...] = (
    # A farewell note to a named person in the indirect-object order: "written my sister a note", "left my kids a
    # letter each". Not an ordinary card or a note about the bins (:data:`_ORDINARY_NOTE`, :data:`_NOTE_PURPOSE`).
    Cue("note_to_person", "prep", "suicide", _c(
        rf"(?:wrote|written|writing|left|leaving|leave|finished) (?:my|our|both my|each of my) (?:\w+ )?{_PERSON} (?:a|an|the|my) (?!{_ORDINARY_NOTE}\b)(?:\w+ )?(?:note|letter)s?(?: each)?{_NOTE_PURPOSE}",
        # the letters done, in the passive: "the letters are written, so that's that" (not cover letters: "the" comes first)
        rf"(?:the|my) (?:goodbye |last |final )?letters (?:are|{A}re) (?:all )?(?:written|done|finished|sealed|signed)(?! (?:up|off|and sent))",
    )),
    # The means counted out or lined up, all of it or ready for a time: "counted out all the pills on the desk for
    # tonight". A week's doses sorted into an organiser is ordinary.
    Cue("means_counted_out", "prep", "suicide", _c(
        r"(?:counted|counting|lined|lining|laid|laying|set|setting|sorted|sorting) (?:out |up )?(?:all|every one|every last one) (?:of )?(?:the|my|them|these|those|his|her)? ?(?:\w+ )?(?:pills|tablets|meds|capsules)"
        r"(?![^.!?\n]{0,50}(?:dosette|organi[sz]er|pill ?box|for the week|weekly|each day|every day|a day|morning|breakfast|with food|into (?:the|a) (?:box|tray)))",
        r"(?:counted|counting|lined|lining|laid|laying) (?:out |up )(?:the|my|them|these|those) (?:\w+ )?(?:pills|tablets|meds|capsules)[^.!?\n]{0,40}(?:for tonight|ready|in a row|on the (?:desk|table|bed|bedside))"
        r"(?![^.!?\n]{0,30}(?:dosette|organi[sz]er|pill ?box|for the week|weekly|morning|breakfast))",
    )),
    # A means already in place: "the rope is already in the wardrobe", "the noose is tied". Climbing, boats and dog
    # leads are ordinary (:data:`_HANG_ORDINARY`).
    Cue("means_in_place", "prep", "suicide", _c(
        rf"(?:the|my|a) {_HANG}(?![^.!?\n]{{0,90}}{_HANG_ORDINARY}) (?:is|{A}s|has been) (?:already |all )?(?:ready|set up|tied|in place|up|waiting|hidden|hanging)",
        rf"(?:the|my|a) {_HANG}(?![^.!?\n]{{0,90}}{_HANG_ORDINARY}) (?:is|{A}s|has been) already (?:in|under|behind|up in|in the) (?:\w+ ){{0,2}}\w+",
    ), self_only=False),
    # A last occasion decided: "I decide it will be my last one" of a birthday, "this christmas will be my last".
    # A last birthday "in my twenties" or "at this company" is ordinary.
    Cue("last_occasion", "finality", "suicide", _c(
        rf"(?:it|this|tomorrow|today) (?:is|will be|{A}s going to be|is going to be|{A}ll be) my (?:very )?last {_OCCASION}"
        r"(?! (?:in|at|as|with|before|here|working|living|single|abroad|away|of my|under))",
        rf"(?:this|next) (?:year{A}?s? )?{_OCCASION}(?: is| will be| is going to be|{A}s going to be|{A}ll be) my (?:very )?last(?: one)?"
        r"(?! (?:in|at|as|with|before|here|working|living|single|abroad|away|of my|under))",
    )),
    # A chosen place and a mind made up: "I'll drive up to the quarry. I've thought it through, I know the spot."
    Cue("place_chosen", "prep", "suicide", _c(
        rf"{_PLACE}\b{_PLACE_ORDINARY}[^\n]{{0,80}}?{_DECIDED}{_PLACE_ORDINARY}",
        rf"{_DECIDED}{_PLACE_ORDINARY}[^\n]{{0,80}}?\b{_PLACE}{_PLACE_ORDINARY}",
    )),
    # An attempt stopped by someone arriving: "i had everything set up in my room and my flatmate knocked so i stopped",
    # "had it all ready in the garage when my brother rang". Recent suicidal behaviour (high). Everything set
    # up "for the party" is ordinary.
    Cue("interrupted_attempt", "attempt", "suicide", _c(
        rf"(?:had|got|set) (?:it |everything |it all )(?:all )?(?:set up|ready|laid out|in place|sorted)(?! for )[^.!?\n]{{0,100}}"
        rf"(?:found me|stopped me|interrupted me|so i (?:stopped|didn{A}t|couldn{A}t)|(?:didn{A}t|couldn{A}t|did not|could not) go through(?: with it)?|before i could)",
    )),
    # Others soon spared the user: "you won't have to deal with me much longer", "they won't need to worry about me for
    # long". Finality (high); someone else's quoted words are set aside as theirs (risk._reported_speech).
    Cue("spared_of_me", "finality", "suicide", _c(
        rf"(?:you|u|they|everyone|everybody|nobody|no one|people|he|she) (?:won{A}t|will not|wont|will never|{A}ll never) (?:have to|need to|ever have to) "
        rf"(?:deal with|put up with|worry about|look after|bother with|carry|cope with) me (?:much |for much )?(?:longer|for long|any ?more|soon)",
    )),
    # Tablets already taken and it no longer mattering: "I've taken the tablets already so it doesn't really matter",
    # "already took them, it won't be long now". An act under way (imminent).
    Cue("taken_no_matter", "in_progress", "suicide", _c(
        rf"(?:taken|took|swallowed|had) (?:the|my|all the|all my|them|those|these) ?(?:\w+ )?(?:pills|tablets|meds|capsules|lot)(?: already)?[^.!?\n]{{0,50}}"
        rf"(?:doesn{A}t (?:really )?matter(?! (?:now |any ?more )?(?:if|when|what|whether|how|that|to)\b)|won{A}t be long now|while it happens"
        rf"|before (?:they|it) (?:kick|take)s? (?:in|effect) (?:properly|fully)|no going back|too late now)",
    )),
    # Round 14b (risk dev15): a pet rehomed in other words ("found a lovely new home for my cat"), a firearm at home the
    # user keeps thinking about, food and water stopped in order to die, and a car running in a closed garage.
    Cue("pet_new_home", "prep", "suicide", _c(
        r"found (?:a|an) (?:\w+ ){0,2}home for (?:my |our |the )?(?:\w+ )?(?:cats?|dogs?|pets?|kitten|puppy|rabbit|budgie|parrot)",
    )),
    Cue("firearm_dwelt", "prep", "suicide", _c(
        rf"(?:keep|keeps|kept|been|can{A}t stop|cannot stop) (?:thinking|think) (?:about|of) (?:(?:the|my|our|his|her)(?: \w+{A}s)?|\w+{A}s) (?:old )?(?:\w+ )?{GUN}\b"
        r"(?![^.!?\n]{0,50}\b(?:buy\w*|sell\w*|licen[cs]e\w*|range|hunt\w*|season|clean\w*|club|competition|upgrad\w*|insurance)\b)",
    )),
    Cue("stopped_food_to_die", "prep", "suicide", _c(
        r"(?:stopped|stopping|stop|quit|given up) (?:eating and drinking|eating or drinking|drinking and eating|food and (?:water|drink)\w*)"
        r"\b[^\n]{0,140}?\b(?:fade (?:out|away)|die|dying|dead|look(?:s)? natural|slip away|end (?:it|things)|not be here|be gone)\b",
    )),
    # Round 17 (risk dev29): the engine "been going a while", and the door named before the engine ("door's down,
    # engine's been going"). A door open or up is a mechanic's or a warm-up (no door closed, no match).
    Cue("car_in_garage_on", "in_progress", "suicide", _c(
        rf"(?:in|inside) (?:the|my) (?:car|van) in (?:the|our|my) garage\b[^\n]{{0,60}}?\b(?:engine|motor)(?:{A}s| is| has)? (?:been |still )?(?:on|running|going(?! to)|idling|ticking over)"
        rf"(?=[^\n]{{0,60}}?\b(?:door|doors|shutter)(?:{A}s| is| are)? (?:\w+ )?(?:down|shut|closed|locked)\b|(?![^\n]{{0,80}}\b(?:door|shutter)(?:{A}s| is)? (?:\w+ )?(?:open|up)\b))",
        rf"(?:engine|motor)(?:{A}s| is| has)? (?:been |still )?(?:on|running|going(?! to)|idling|ticking over)[^\n]{{0,40}}?\b(?:garage )?door(?:{A}s| is) (?:down|shut|closed)",
        rf"(?:in|inside) (?:the|my) (?:car|van) in (?:the|our|my) garage\b[^\n]{{0,40}}?\b(?:garage )?door(?:{A}s| is| has been)? (?:\w+ )?(?:down|shut|closed|locked)\b[^\n]{{0,40}}?\b(?:engine|motor)(?:{A}s| is| has)? (?:been |still )?(?:on|running|going(?! to)|idling|ticking over)",
    )),
)

# Ordinary readings: entries as ``lexicon_frames.BENIGN_READINGS`` (gate words, the phrase, a needed context, a veto).
_FIRST_CRISIS = compile_fast(
    rf"\b(?:kill(?:ing)? myself|want(?:ed)? to die|(?:i{A}m|im|i am|i{A}ve been|ive been) suicidal"
    rf"|(?:i|i{A}ve|ive|i{A}m|im) (?:been |still |just )?self[- ]?harm(?:ed|ing)?|cut(?:ting)? myself|hurt(?:ing)? myself"
    rf"|(?:he|she|they|my \w+) (?:hits?|beats?|beat|hurts?|chokes?|choked|strangled|punched|kicked) me)\b",
    re.I)
_EMERGENCY = compile_fast(r"\b(?:911|999|112|000|ambulance|paramedics?|emergency services|the police|cops)\b", re.I)

TOPIC_READINGS: tuple[tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    # a crisis word as the topic of coursework, statistics or a programme: "self-harm rates in teenagers", "why is
    # strangulation a red flag in domestic violence cases", "a suicide prevention module". Vetoed by the user's own
    # crisis words anywhere in the message.
    (("self", "suicid", "violence", "abuse"), compile_fast(
        r"\b(?:self[- ]?harm(?:ing)?|suicide|domestic (?:violence|abuse)|child abuse|partner (?:violence|abuse))"
        r"(?= (?:rates?|statistics|stats|figures|data|research|studies|awareness|prevention|policy|policies|training|cases|coursework"
        r"|essay|module|lecture|campaign|documentary|podcast|law|laws|legislation|sector|trends?)\b)", re.I),
     None, _FIRST_CRISIS),
    # an address given to the emergency services for someone else: "ok calling 911 now, I have her address"
    (("address",), compile_fast(r"\b(?:got|have|has|gave them|giving them) (?:his|her|their) (?:home |full )?address\b", re.I),
     _EMERGENCY, None),
)
