# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round-17 cue families: a crisis told without a crisis word, read by what the sentences DO.

Short disclosures in risk dev29 named no act at all ("the belt is already on the door handle. i tested it. i just
wanted to type to someone first"; "already on the top of the one near the bus station. level 7"; "gave the good
fishing rods to my nephew ... I'll not be needing them where I'm going"). Each part is ordinary alone (a belt on a
door handle, "I tested it", the top level of a car park, thanks for the chats), so each family here is a span for
one linguistic function and a *message-level need* for a second one (``lexicon_frames.MESSAGE_CONTEXT_NEEDS``
format, merged by ``risk``), with message-level drops for the ordinary readings:

* ``staged_final`` (in progress, imminent): a means fixed in place or the user at a height now (a ligature on a
  handle, beam or banister; "already on the top (level) of"; "on the roof now"), beside a last message ("just
  wanted to type it to someone first", "wanted someone to know", "it wasn't anyone's fault", "thanks for the
  chats") or a ligature tested ("I tested it", "it holds my weight"). Climbing, hammocks, swings, boats, good news,
  views and parking are ordinary.
* ``pet_arranged`` (preparation, high; with a time, imminent) and ``things_for_after`` (finality, high): dependants
  or belongings settled with a goodbye framing: a pet arranged to go to someone, or settled "before" with nothing
  after it (an elided event); things not needed "where I'm going", letters left "for when they're wanted". Holidays, moves, allergies, care homes (unless someone
  only *thought* it meant one), a will at an old age and gifts are ordinary.
* ``survived_regret`` (attempt, high): regret that "it didn't work" beside an attempt's aftermath (home from
  hospital, the tablets taken off the user, someone checking every hour). An operation, treatment or diet that
  failed is ordinary.
* ``stash_enough`` (preparation, high): a count of tablets saved up and whether it "would be enough". Money, a
  shortage and a supply for travel are ordinary.
* ``bleeding_unstopped`` (in progress, imminent, self-harm): bleeding that will not stop after the user cut
  themself ("didn't mean to go that deep"). Kitchen, shaving and accident cuts, nosebleeds and periods are ordinary.
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from .lexicon import A, Cue, _c

__all__ = ["FINAL_CONTEXT_DROPS", "FINAL_CONTEXT_NEEDS", "FINAL_CUES"]

_PET = r"(?:dog|dogs|cat|cats|kitten|puppy|pup|rabbit|bunny|hamster|guinea pigs?|budgie|parrot|bird|birds|fish|tortoise|horse|pony|ferret|rats?|pets?)"

# -- the last-message function -------------------------------------------------------------------------------
# Telling someone before an act, explaining nobody is to blame, thanking or saying goodbye. Each alone is ordinary
# (good news told "to someone first", thanks at the end of a chat): these are needs, never cues.
_FINAL = (
    # "just wanted to type to someone first", "needed to type it to someone first", "wanted to tell someone before"
    rf"\b(?:just |only )?(?:wanted|needed|want|need|had|wanna|have|needing|wanting)(?: to)? (?:type|say|tell|write|send|text|message|get|put|talk|reach out|speak)"
    rf"(?: (?:it|this|that|these words|something))?(?: (?:to|out to|down to|with|out))? (?:someone|somebody|some ?one|anyone|anybody|a person|one person|a human|you)"
    rf"(?: (?:first|before(?:hand)?|one last time|before i go|before i do it)\b)"
    # "just wanted someone to know", "i needed somebody to know"
    rf"|\b(?:just |only )?(?:wanted|needed|want|need)(?: for)? (?:someone|somebody|anyone|anybody|one person|a person|you) to know\b"
    # "it wasn't anyone's fault", "not your fault, least of all hers"
    rf"|\b(?:it )?(?:wasn{A}?t|isn{A}?t|was not|is not|not) (?:anyone|anybody|any ?one|your|their|her|his|my \w+{A}s)(?:{A}s)? fault\b"
    # "thanks for the chats", "thank you for everything", "this is goodbye"
    rf"|\bthanks?(?: you)? for (?:the|all the|our|these) (?:chats?|talks?|conversations?|messages)\b|\bthank you for (?:everything|listening|being there)\b"
    rf"|\bthis is (?:my )?goodbye\b|\bgoodbye\b|\bnot asking for (?:anything|help)\b")

# -- a means staged, or the user at a height now ---------------------------------------------------------------
_LIG = r"(?:belt|rope|cord|noose|scarf|cable|dog lead|lead|tie|sheet|bedsheet|ligature|flex|wire)"
_ANCHOR = (r"(?:door ?handle|door|door ?frame|banisters?|bannisters?|beam|hook|rail|loft hatch|hatch|wardrobe(?: rail)?|pipe|curtain rail"
           r"|tree|branch|light fitting|stair\w*|railings?|bed ?frame|coat hook|pull[- ]up bar)")
_STAGED = (
    # "the belt is already on the door handle", "rope's tied to the beam", "the cord is round the banister"
    rf"(?:(?:the|a|my) (?:\w+ )?)?{_LIG}(?:{A}s| is| has been| was| are)? (?:already |now |all |just )?"
    rf"(?:on|round|around|over|tied (?:to|round|around|on|onto)|attached to|fixed to|hooked (?:on|over|onto)|looped (?:over|round|around|on)|up on|hanging (?:from|off)|through)"
    rf" (?:the|my|a) (?:\w+ )?{_ANCHOR}\b"
    # "tied the belt to the door handle", "put the rope over the beam"
    rf"|(?:tied|tie|tying|fixed|fixing|hooked|hooking|looped|looping|put|putting|hung|hanging|attached|attaching) (?:the|a|my) (?:\w+ )?{_LIG} (?:to|on|onto|round|around|over|from) (?:the|my|a) (?:\w+ )?{_ANCHOR}\b"
    # at a height now: "already on the top of the one near the bus station", "on the roof now", "up on level 7"
    rf"|(?:already|still|now|i{A}?m|im|i am|sat|sitting|standing|stood) (?:up )?(?:on|at) (?:the )?(?:very )?(?:top (?:of|level|floor|deck|storey)|roof|rooftop|ledge|edge of (?:the|a) (?:\w+ )?(?:roof|bridge|car ?park|building|cliff)|level (?:\d+|seven|eight|nine|ten)|(?:top|\d+(?:st|nd|rd|th)) floor)\b"
)
# A ligature tested: "I tested it", "it holds my weight", "tested the knot".
_TESTED = rf"\b(?:(?:i )?(?:tested|test|checked|tried) (?:it|the knot|the weight|that it holds|it holds|how it holds)|it (?:holds|held|takes|took|will hold|{A}ll hold) (?:my )?weight|it (?:holds|held)\b)"
# The ordinary readings of the staging: climbing, swings, hammocks, boats, tents, gym bars, building work; good news
# told to someone first; views, parking, a shift, a party; fiction.
_STAGED_ORDINARY = (
    r"\b(?:climb\w*|abseil\w*|belay\w*|harness|carabiner|hammock|swing|tyre|tire|tent|camp\w*|boat|yacht|sail\w*|kayak|canoe|tow\w*|washing line"
    r"|clothes line|gym|workout|pull[- ]?ups?|resistance band|stretch\w*|yoga|aerial (?:silk|hoop)|decorat\w*|fairy lights|bunting|christmas|xmas"
    r"|halloween|costume|diy|shelf|shelves|curtains? (?:up|fitted)|drill\w*|install\w*|builder|scaffold\w*|roofer|gutter|aerial|antenna|solar"
    r"|pregnan\w*|engaged|got the job|job offer|promotion|passed|results|good news|news first|so excited|excited|yay|proposal|propose"
    r"|view|views|sunset|sunrise|photos?|pics|selfie|fireworks|stars|stargazing|party|drinks|bar|terrace|picnic|smok\w*|vap\w*"
    r"|park(?:ed|ing)|ticket|pay machine|lift|shift|work|delivery|deliveries|signal|wifi|reception"
    r"|story|novel|chapter|character|film|movie|scene|game|play)\b")

# -- arrangements for after --------------------------------------------------------------------------------------
_PET_AFTER = (
    # a pet arranged to go to someone: "sorted for the dog to go to my brother's", "arranged for my cat to live with mum"
    rf"(?:sorted|sorting|arranged|arranging|organi[sz]ed|organi[sz]ing|set it up|made arrangements?|asked)(?: it)?(?: for| with)? (?:\w+ )?(?:for )?(?:the|my|our) (?:\w+ )?{_PET} to (?:go (?:to|and live with|and stay with)|live with|stay with|be (?:with|looked after by)|move (?:to|in with))"
    # a pet settled or rehomed "before", nothing after it: "I just want her settled with someone good before."
    rf"|(?:settled|rehomed|re-homed|safe|looked after|sorted|with someone good|in a good home)(?: (?:with|in|at) (?:\w+ ){{1,3}}?)?(?:\w+ )?before(?=\s*(?:[.!?,;\n]|$|(?:she|he|it|they){A}?s\b))"
)
_THINGS_AFTER = (
    # things given away as not needed "where I'm going": "I'll not be needing them where I'm going"
    rf"(?:won{A}?t|will not|wont|i{A}?ll not|ill not|not going to|shan{A}?t|don{A}?t|do not|not) (?:be )?need(?:ing)? (?:it|them|those|these|this|that|any of (?:it|this|them|that)|any \w+|(?:my|the) \w+(?: \w+)?) where i{A}?m (?:going|headed|heading|off to)\b"
    # letters left for an unnamed time: "letters written, in the drawer for when they're wanted"
    rf"|(?:letters?|notes?|cards?)\b[^.!?\n]{{0,80}}\bfor (?:when (?:they{A}?re|they are|it{A}?s|it is) (?:wanted|needed|time)|afterwards|after(?=\s*[.!?,;\n]|$))"
)
# The arrangements' second function: a goodbye framing, a last message, a means or a time, given away or settled
# things elsewhere in the message.
_AFTER_NEED = (
    rf"{_FINAL}|\b(?:tonight|after everyone{A}?s asleep|when everyone{A}?s (?:asleep|in bed)|rope|belt|pills|tablets|where i{A}?m (?:going|headed)"
    rf"|what{A}?s coming|before i go|when i{A}?m gone|after i{A}?m gone|sorting (?:my|all my) (?:stuff|things|affairs)(?: out)?|(?:gave|given|giving) (?:away )?(?:the|my|all my)"
    rf"|letters?|deserves? better|won{A}?t be here|not be here)\b")
_AFTER_ORDINARY = (
    r"\b(?:moving|move|moved|emigrat\w+|abroad|overseas|australia|spain|new job|allerg\w*|landlord|tenancy|lease|new baby|pregnan\w*|afford\w*"
    r"|vet|operation|surgery|while i.?m (?:away|in hospital)|for the (?:week|weekend|fortnight|holiday|summer)|pet ?sit\w*|kennels?|cattery|boarding"
    r"|holiday|vacation|trip|travel\w*|cruise|flight|deployment|festival|business|conference|wedding|honeymoon|course|uni|university|term"
    r"|birthday|christmas|present|gift|lend|lent|borrow\w*|downsiz\w*|retir\w*|will and|my will|solicitor|probate|power of attorney"
    r"|prison|sentence|rehab|detox|military|army|navy|basic training"
    # round 28: "I don't mean a care home" is the reading denied, as "meant the care home" already was
    r"|(?<!meant )(?<!meant the )(?<!mean )(?<!mean the )(?<!meant a )(?<!mean a )(?:nursing|care|retirement) home"
    r"|story|novel|chapter|character|film|movie|game)\b")

# -- an attempt's aftermath and regret that it failed --------------------------------------------------------------
_REGRET = (rf"(?:annoyed|gutted|disappointed|angry|pissed(?: off)?|upset|frustrated|sad|raging|livid|furious|sorry) (?:that )?it (?:didn{A}?t|did not|didnt|hadn{A}?t) work"
           rf"|wish(?:ed)? it (?:had |would have |would{A}ve |had{A}?ve )?work(?:ed)?\b(?! out)|(?:annoyed|gutted|disappointed|angry|upset) (?:that )?i (?:woke up|survived|am still here|{A}m still here)")
_AFTERMATH = (r"\b(?:hospital|a&e|a and e|icu|ward|overdose|od|stomach pumped|(?:wash|washed|pump|pumped|empty|emptied) (?:out )?my stomach|woke up|took (?:the|my|all the|all my) (?:\w+ )?(?:tablets|pills|meds|blades|razors|laces|belts?) (?:off|away from) me"
              r"|checking on me|check(?:s|ing)? on me every|on (?:obs|watch|suicide watch)|crisis team|psych\w*)\b")
_REGRET_ORDINARY = (r"\b(?:op|operation|surgery|procedure|treatment|ivf|chemo\w*|radiother\w*|physio\w*|injection|stent|transplant|repair|cast|plaster"
                    r"|diet|interview|exam|application|test|scan|tablets? (?:didn|did not|don|do not)|meds (?:didn|did not|don)|antidepressants?|pain ?killers"
                    r"|still in pain|the pain|recipe|app|phone|printer|plan b|plan a|date|first date)\b")

# -- a stash counted and judged enough ------------------------------------------------------------------------------
_STASH = (r"(?:got|have|had|i{A}?ve got|ive got|saved|stashed|kept|hidden|hid) (?:about |around |like |nearly |almost |over |roughly |maybe |probably )?"
          r"(?:\d{2,3}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds)(?: (?:of (?:them|these|those|my \w+)|\w+))? "
          r"(?:saved|stashed|hidden|put by|put aside|put away|stockpiled|squirrell?ed away|kept back|built up)(?: up)?").replace("{A}", A)
_STASH_NEED = rf"\b(?:(?:would|will|{A}d|{A}ll|is|be|was) (?:be )?enough\b(?! (?:for|to last|to get|until|till|if|in case|money|cash))|how (?:many|much) (?:mg|would|it takes))"
_STASH_CONTEXT = r"\b(?:prescription|pills|tablets|meds|medication|capsules|mg|doses?|amitriptyline|paracetamol|sertraline|co-?codamol|codeine|insulin|zopiclone|diazepam|sleeping)\b"
_STASH_ORDINARY = (r"(?:£|\$|€|\b(?:quid|pounds|dollars|euros|bucks|savings account|points|stamps|coins|leave|holiday|days off|hours|shortage|supply issues"
                   r"|run out|running out|trip|travel\w*|abroad|months|weeks|pharmacy (?:is )?closed|vet|dog|cat|horse|garden|seeds|plants)\b)")

# -- bleeding that will not stop after the user cut themself ---------------------------------------------------------
_BLEEDING = (rf"(?:it{A}?s|its|it is|it{A}?s still|still) (?:not|n{A}t) stop(?:ping|ped)(?: bleeding)?|(?:won{A}?t|wont|isn{A}?t|hasn{A}?t|doesn{A}?t|will not|is not|has not|not) stop(?:ping|ped)? bleeding"
             rf"|bleeding (?:won{A}?t|wont|isn{A}?t|hasn{A}?t|doesn{A}?t|will not|is not|has not) stop(?:ping|ped)?|can{A}?t (?:get (?:it|the bleeding) to )?stop(?: the)? bleeding"
             rf"|(?:soaked|soaking|bled) (?:right )?(?:through|thru)(?: the| a| my)?(?: \w+)?|(?:keeps|kept) bleeding (?:through|thru)"
             # sev17: towels soaked by count, and pressure that does not stop it ("soaked 2 towels", "wont stop even w pressure")
             rf"|(?:soaked|soaking|gone through|went through|bled through) (?:\d+|two|three|four|a couple of|several|loads of) (?:\w+ )?(?:towels|tea towels|plasters|bandages|dressings|pads)"
             rf"|(?:won{A}?t|wont|will not|doesn{A}?t|isn{A}?t|not) stop(?:ping)? (?:even )?(?:with|w|w/) (?:pressure|pressing)")
_SELF_CUT = (rf"\b(?:cut (?:my|into my) (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|stomach)|cut myself|(?:didn{A}?t|did not) mean to (?:go|cut) (?:that|so|too) deep"
             rf"|went (?:too|that|so) deep|too deep this time|self[- ]?harm\w*"
             # sev17: deeper than meant, a blade still in hand, more blood than the user's usual
             rf"|cut (?:\w+ )?(?:deeper|too deep) than i (?:meant|wanted|planned|normally do)|blade (?:still )?in (?:my )?hand|(?:bleeding|blood) (?:way |a lot |so much )?more than (?:normal|usual))\b")
_BLEEDING_ORDINARY = (r"\b(?:kitchen|cooking|chopping|slicing|knife slipped|slipped|accident\w*|by accident|fell|fall|glass|broken|smashed|tin|can|fence|nail"
                      r"|shav\w*|nose ?bleed|nose|period|tooth|teeth|dentist|gums|dog|cat|bit|bite|bike|football|rugby|work|tool|saw|stitches? (?:came|out)"
                      r"|piercing|tattoo|surgery|op|operation|wound care|patient|story|character)\b")

FINAL_CUES: tuple[Cue, ...] = (
    Cue("staged_final", "in_progress", "suicide", _c(_STAGED)),
    # a pet's future settled is preparation (with a time, imminent); things and letters left "for after" are a
    # farewell (finality, high: a past "on Sunday" beside them is no time for an act)
    Cue("pet_arranged", "prep", "suicide", _c(_PET_AFTER), self_only=False),
    Cue("things_for_after", "finality", "suicide", _c(_THINGS_AFTER), self_only=False),
    Cue("survived_regret", "attempt", "suicide", _c(_REGRET)),
    Cue("stash_enough", "prep", "suicide", _c(_STASH), self_only=False),
    Cue("bleeding_unstopped", "in_progress", "self_harm", _c(_BLEEDING), self_only=False),
)

FINAL_CONTEXT_NEEDS: dict[str, re.Pattern[str]] = {
    "staged_final": compile_fast(rf"{_FINAL}|{_TESTED}".replace("{A}", A), re.I),
    "pet_arranged": compile_fast(_AFTER_NEED, re.I),
    "things_for_after": compile_fast(_AFTER_NEED, re.I),
    "survived_regret": compile_fast(_AFTERMATH, re.I),
    "stash_enough": compile_fast(rf"^(?=[\s\S]*?{_STASH_NEED})(?=[\s\S]*?{_STASH_CONTEXT})", re.I),
    "bleeding_unstopped": compile_fast(_SELF_CUT, re.I),
}
FINAL_CONTEXT_DROPS: dict[str, re.Pattern[str]] = {
    "staged_final": compile_fast(_STAGED_ORDINARY, re.I),
    "pet_arranged": compile_fast(_AFTER_ORDINARY, re.I),
    "things_for_after": compile_fast(_AFTER_ORDINARY, re.I),
    "survived_regret": compile_fast(_REGRET_ORDINARY, re.I),
    "stash_enough": compile_fast(_STASH_ORDINARY, re.I),
    "bleeding_unstopped": compile_fast(_BLEEDING_ORDINARY, re.I),
}
