# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round-25 cue families: a disclosure buried in a practical request.

On the read risk dev sets (dev80-dev94) the conversations the default scored ``none`` although gold is ``high`` or
``imminent`` were mostly one shape: an everyday ask (an advert to rehome a cat, how life insurance pays out, how to
set a heating timer, what a baby should eat) with the disclosure said in passing ("I won't be around to look after
her after the end of the month", "Last night I had the belt round my neck and then the baby started crying", "I'm
going to take her morphine and mine together"). The issue asks for exactly this: a disclosure buried in a long
message still counts. Each family is a span and, where the words have ordinary readings, message-level needs and drops
(``lexicon_final``'s format, merged by ``risk``):

* ``not_around_after`` (preparation, high): the user will not be around to look after someone or something, or not
  around after a date, said while settling them (a pet, children, a partner, money): DATA_CARD's "rehoming a pet" and
  "won't need it". Moves, travel, work away, hospital stays, deployment and prison are ordinary, and so is a terminal
  illness (no suicidal indicator).
* ``someone_around``: the same of a pet rehomed, "she deserves someone who's actually gonna be around".
* ``settled_before_after`` (preparation, high): a pet or a person settled "before", not left alone "after", the event
  left unsaid ("better she's settled somewhere before, rather than left on her own after").
* ``ligature_neck`` (attempt, high): a ligature was round the user's neck ("had the belt round my neck"), an
  interrupted attempt by the card. Scarves, ties, lanyards, necklaces, costumes and stories are ordinary.
* ``meds_together`` (preparation, high; with a time, imminent): someone else's medicine and the user's own taken together
  ("take her morphine and mine together"). Collecting, returning or ordering them together is ordinary.
* ``barrier_other_side`` (preparation, high): standing or climbing on the wrong side of a barrier, railing or parapet,
  the card's rehearsal "standing at the edge". Work at height, rescues, photos, sport and fiction are ordinary.
* ``insurance_suicide`` (preparation, high): whether the user's own life insurance pays out on suicide, a method's
  aftermath researched for the family. Insurance work, study, fiction and another person's death are ordinary.
* ``injury_cover_story`` (serious abuse, high): an injury explained away to a hospital or others ("said I fell down
  the stairs but she pushed me").
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from .lexicon import A, Cue, _c

__all__ = ["BURIED_CONTEXT_DROPS", "BURIED_CONTEXT_NEEDS", "BURIED_CUES"]

_PET = r"(?:dog|dogs|cat|cats|kitten|puppy|pup|rabbit|bunny|hamster|guinea pigs?|budgie|parrot|bird|birds|fish|tortoise|horse|pony|ferret|rats?|pets?)"
_DEPENDANT = (rf"(?:{_PET}|her|him|them|the kids|my kids|the children|my children|my (?:son|daughter|wife|husband|partner|mum|mom|dad|boy|girl|baby|babies)"
              r"|(?:the|my) (?:plants|garden|house|flat|allotment|bills|accounts|money))")

# -- not around after --------------------------------------------------------------------------------------------
_NOT_AROUND = (
    # "I won't be around to look after her much longer", "won't be around after that", "won't be here by the end of the month"
    rf"(?:won{A}?t|will not|wont|not going to|am not going to|{A}m not going to|ain{A}?t gonna|not gonna) be (?:around|here)"
    rf"(?: (?:to (?:look after|take care of|care for|feed|walk|see to|watch) {_DEPENDANT}))?"
    rf"(?: (?:much|any|a lot) longer| after (?:that|then|this|the end of (?:the|this|next) (?:month|week|year)|(?:next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|the weekend))| by (?:then|the end of (?:the|this|next) (?:month|week|year)))"
)
# "she deserves someone who's actually gonna be around", of a pet rehomed (the subject is the pet: not self-only)
_SOMEONE_AROUND = (
    rf"(?:someone|somebody|some ?one|people|a family|a home|an owner) (?:who|that){A}?(?:s| is| are|re|ll| will)? (?:actually |really |definitely |properly )?(?:gonna|going to|able to) be around\b"
    # ... not someone around more, or all day ("someone who's going to be around for her all day": a family's hours)
    rf"(?! (?:for (?:her|him|them|it) )?(?:all day|more|during the day|in the day|at home|in the daytime|when)\b)"
)
# The arrangement the words come with: a pet or a dependant settled, an advert, money or papers for someone.
_SETTLING = (rf"\b(?:{_PET}|rehom\w*|re-hom\w*|new home|advert|advertis\w*|cat rescue|dog rescue|rescue centre|shelter|adopt\w*|look after|looked after|take care of|settled"
             r"|vet records|her bed|his bed|their bed|life insurance|the money|my will|savings|passwords?|bank details)\b")
_NOT_AROUND_ORDINARY = (
    r"\b(?:moving|move|moved|relocat\w*|emigrat\w+|abroad|overseas|new job|job offer|contract|posting|deploy\w*|military|army|navy|raf|tour"
    r"|holiday|vacation|trip|travel\w*|cruise|flight|gap year|backpack\w*|visa|study abroad|exchange|erasmus|uni|university|semester|term|internship"
    r"|rota|shifts?|long hours|\d+.hour (?:days|shifts)|never home|barely home|away a lot|offshore|rig|on the rigs|ship|at sea|working away|work away|away for work|conference"
    r"|hospital|operation|surgery|op|procedure|rehab|detox|treatment|chemo\w*|radiother\w*|terminal|hospice|palliative|cancer|diagnos\w*|months? to live|weeks to live|prognosis|dying"
    r"|prison|jail|sentence|court|custody|care home|nursing home|landlord|tenancy|lease|evict\w*|allerg\w*|asthma|new baby|baby{A}?s due|due date|expecting|pregnan\w*|afford\w*"
    r"|story|novel|chapter|character|film|movie|game)\b"
).replace("{A}", A)

# -- settled before, not alone after -------------------------------------------------------------------------------
_BEFORE_AFTER = (
    r"(?:settled|rehomed|re-homed|safe|sorted|looked after|with (?:them|someone|a family|people)|somewhere)(?: \w+){0,3} before,? (?:rather than|instead of|not|and not) (?:being |be )?(?:left |stuck )?(?:on (?:her|his|their|its) own|alone|by (?:her|him|them|it)sel(?:f|ves)|with no one) after\b(?=\s*[.!?,;\n]|\s*$)"
)

# -- a ligature round the neck ----------------------------------------------------------------------------------
_LIG = r"(?:belt|rope|cord|noose|cable|ligature|flex|wire|bedsheet|sheet|dressing gown cord|charger cable|charging cable|phone charger|dog lead|lead)"
_LIGATURE = (
    rf"(?:had|have|put|tied|wrapped|pulled|tightened|got|with|felt|was wearing) (?:a |the |my |his |her )?(?:\w+ )?{_LIG} (?:round|around|on|tight round|tight around) my (?:neck|throat)"
    rf"|(?:the |a |my )?{_LIG} (?:was|is|went|got) (?:already |tight |pulled tight )?(?:round|around) my (?:neck|throat)"
)
_LIGATURE_ORDINARY = (r"\b(?:lanyard|necklace|chain|pendant|scarf|tie|bow tie|costume|fancy dress|microphone|headphones|tape measure|stethoscope|camera strap"
                      r"|bjj|jiu.?jitsu|judo|wrestling|choke (?:hold|drill)|sparring|martial|photo|shoot|story|novel|chapter|character|film|movie|scene|game|play|dream|nightmare)\b")

# -- someone else's medicine and the user's own, together ------------------------------------------------------------------
_MEDS_TOGETHER = (
    rf"(?:take|taking|swallow|swallowing|have|having|down|neck) (?:all (?:of )?)?(?:her|his|their|my \w+{A}?s|mum{A}?s|mom{A}?s|dad{A}?s|nan{A}?s|gran{A}?s)"
    r" (?:\w+ )?(?:morphine|oxycodone|oxycontin|fentanyl|methadone|tramadol|codeine|co-?codamol|insulin|pills|tablets|meds|medication|medicine|sleeping (?:pills|tablets)|patches)"
    rf" (?:and|with|plus) (?:all )?(?:mine|my own|all of mine|my \w+)(?: (?:together|at once|all at once|in one go|at the same time))?\b"
)
_MEDS_ORDINARY = (r"\b(?:pick(?:ing)? up|collect\w*|order(?:ing|ed|s)? (?:her|his|their|them|it|the|a|more|new|in)\b|repeat prescription|pharmacy|chemist|pharmacist|return\w*|dispos\w*|drop (?:them )?off|bin"
                  r"|dosette|blister|pill ?box|organi[sz]\w*|sort(?:ing)? (?:out )?(?:her|his|their) (?:meds|pills)|each morning|every morning|with breakfast|with food|as prescribed|schedule|timetable)\b")

# -- the wrong side of a barrier ----------------------------------------------------------------------------------
_BARRIER = (
    r"(?:stood|stand|standing|climbed|climb|climbing|got|went|sat|sitting|stepped|step|stepping|hung|hanging) (?:out )?(?:on|over|onto|to|round|around) (?:the )?(?:wrong|other|outside|far|outer) side of (?:the |a )?(?:\w+ )?(?:barrier|railings?|rail|fence|parapet|balustrade|guard ?rail|safety (?:rail|barrier|fence|net)|wall|edge)"
)
_BARRIER_ORDINARY = (r"\b(?:climb\w* (?:wall|centre|gym)|bouldering|abseil\w*|harness|rope access|scaffold\w*|maintenance|construction|builder|roofer|window clean\w*"
                     r"|rescue\w*|fire ?fighter|firem[ae]n|police|dropped (?:my|the|a)|phone|keys|ball|frisbee|drone|kite|hat|cat|dog|kid|child|toddler|photo\w*|pics?|selfie"
                     r"|view|views|sunset|festival|gig|concert|crowd|queue|football|match|stadium|pitch|race|track|parkour|film|movie|story|novel|chapter|character|game|play)\b")

# -- life insurance and suicide -------------------------------------------------------------------------------------
_INSURANCE = (
    r"(?:life insurance|life cover|life policy|insurance policy|the policy|my policy|insurance|policy)\b[^.!?\n]{0,160}?\b(?:pay|pays|paid|paying|pay out|payout|cover|covers|covered|valid|void|count|counts|honou?r)\b[^.!?\n]{0,80}?\b(?:suicide|suicidal|kill(?:s|ed)? (?:myself|yourself|themselves|himself|herself)|tak(?:e|es|ing) (?:my|your|their|his|her) own life)"
    r"|(?:suicide|suicidal) (?:clause|exclusion|exclusions|period)"
    r"|(?:if|when|whether) it{A}?s (?:a )?suicide\b[^.!?\n]{0,80}?\b(?:pay|pays|payout|pay out|cover|covers|insurance|policy)"
)
_INSURANCE_MINE = (r"\bmy (?:own )?(?:life insurance|life cover|policy|insurance|cover|plan)\b|\bmy (?:wife|husband|partner|kids|children|family|son|daughter|girls|boys|mum|mom|parents)\b"
                   r"[^.!?\n]{0,60}\b(?:get|gets|receive|receives|is (?:looked after|provided for|ok)|are (?:looked after|provided for|ok)|the money)")
_INSURANCE_ORDINARY = (r"\b(?:i work (?:in|for|at)|as an? (?:insurance|underwriter|claims|broker|agent|adviser|advisor)|underwrit\w*|claims handler|broker|my job|my client|a client|customers?"
                       r"|essay|assignment|exam|coursework|dissertation|lecture|course|module|studying|revision|law school|novel|story|chapter|character|film|movie|podcast"
                       r"|(?:my |his |her |their )?(?:dad|father|mum|mom|mother|brother|sister|uncle|aunt|friend|cousin|grandad|grandpa|son|daughter|husband|wife|partner)(?:{A}s)? (?:died|passed|death|killed himself|killed herself|took his own life|took her own life|suicide))\b").replace("{A}", A)

# -- an injury explained away ---------------------------------------------------------------------------------------
_ABUSER_SUBJ = r"(?:he|she|they|my (?:husband|wife|partner|boyfriend|girlfriend|ex|fianc[eé]e?|dad|father|mum|mom|mother|stepdad|stepmum|son|daughter|brother|sister|carer))"
_COVER_STORY = (
    rf"(?:said|says|told (?:them|the \w+|a&e|a and e|the hospital|everyone|work|my \w+|people)|told (?:the )?(?:doctor|doctors|nurse|nurses|gp|school|teacher|police))(?: that)? (?:i|it was me who|that i) (?:fell|fall|tripped|slipped|walked into|ran into|banged|hit (?:my|it) (?:head |face )?on|did it)"
    # the act itself is read ahead, not spanned: "pushed me" alone is an idiom ("she pushed me to apply")
    rf"(?=[^.!?\n]{{0,70}}?\b(?:but|when|though|whereas|really|actually|truth is|the truth is)\b[^.!?\n]{{0,25}}?\b{_ABUSER_SUBJ} (?:\w+ )?(?:pushed|shoved|hit|threw|kicked|punched|slammed|twisted|grabbed|strangled|choked|stamped|dragged|beat)\b)"
)

BURIED_CUES: tuple[Cue, ...] = (
    # a farewell in words (finality, high): a date beside it ("after the end of the month") is no plan's time
    Cue("not_around_after", "finality", "suicide", _c(_NOT_AROUND)),
    Cue("someone_around", "finality", "suicide", _c(_SOMEONE_AROUND), self_only=False),
    Cue("settled_before_after", "finality", "suicide", _c(_BEFORE_AFTER), self_only=False),
    Cue("ligature_neck", "attempt", "suicide", _c(_LIGATURE)),
    # preparation, so a time beside it ("tonight, after she's asleep") makes it imminent, as the card's intent with a
    # plan and a timeline
    Cue("meds_together", "prep", "suicide", _c(_MEDS_TOGETHER)),
    Cue("barrier_other_side", "prep", "suicide", _c(_BARRIER)),
    Cue("insurance_suicide", "prep", "suicide", _c(_INSURANCE), self_only=False),
    Cue("injury_cover_story", "abuse_severe", "abuse", _c(_COVER_STORY), self_only=False, negatable=False),
)
BURIED_CONTEXT_NEEDS: dict[str, re.Pattern[str]] = {
    "not_around_after": compile_fast(_SETTLING, re.I),
    "someone_around": compile_fast(_SETTLING, re.I),
    "insurance_suicide": compile_fast(_INSURANCE_MINE, re.I),
}
BURIED_CONTEXT_DROPS: dict[str, re.Pattern[str]] = {
    "not_around_after": compile_fast(_NOT_AROUND_ORDINARY, re.I),
    "someone_around": compile_fast(_NOT_AROUND_ORDINARY, re.I),
    "settled_before_after": compile_fast(_NOT_AROUND_ORDINARY, re.I),
    "ligature_neck": compile_fast(_LIGATURE_ORDINARY, re.I),
    "meds_together": compile_fast(_MEDS_ORDINARY, re.I),
    "barrier_other_side": compile_fast(_BARRIER_ORDINARY, re.I),
    "insurance_suicide": compile_fast(_INSURANCE_ORDINARY, re.I),
    # the cover story names the accident it claims ("fell down the stairs"): the message-level path reads the family,
    # not the injury families' accident check, which would take the cover for the truth
    "injury_cover_story": compile_fast(r"\b(?:story|novel|chapter|character|film|movie|scene|script|game|play|episode|soap)\b", re.I),
}
