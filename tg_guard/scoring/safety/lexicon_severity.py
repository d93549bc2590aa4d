# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round-17 severity families: what makes a disclosure the card's ``high`` or ``imminent`` rather than lower.

Risk dev30-dev32 read these a level or more under the card, each by one linguistic function the older families
did not name (the older families named the act word, not where the act stands now):

* ``armed_for_target`` (plan, harm to others; with a time, imminent): a weapon with the user (needs one in the
  message) and the target as the object of the user's move: the user waiting outside the target's place ("in the lot
  outside my ex's work"), driving straight there, or a resolve about the target ("he's not walking away from this
  one", "today he finds out what it feels like", "he's not touching my little sister ever again"). A hunt, a range,
  a match, a costume or a story is ordinary.
* ``target_schedule`` (timeline): the target's own timed movement ("she gets off at 5", "he walks out at 5 every
  day", "he gets back from the pub at 11"). A timeline counts only beside a plan, intent or preparation.
* ``threat_arriving`` (in progress, abuse): the person who threatened to kill the user (needs a threat with a
  silencing or coercive condition, or "they'll do to me what they did to my cousin") arriving now or at a time
  ("he's coming down the hall now", "they're waiting downstairs in the car", "he gets back at 11"). A parent's
  hyperbole ("mum will kill me if I'm late") has no silencing condition.
* ``staged_pills`` (preparation): tablets counted or laid out, beside notes, a goodbye or a time. A dosette box or a
  week's doses is ordinary.
* ``clock_time`` (timeline): a clock time or midnight ("at midnight", "at 11pm"), or a day with the moment the user
  will be alone ("Friday when my roommate flies home").
* ``alone_window`` (plan, suicide): "when/once everyone's gone ... I will do it" beside a means or a decision.
* ``car_sealed`` (in progress, suicide): an engine running in a shut garage, with the user asking whether it will
  "work". Warming the car, a mechanic's question and an open door are ordinary.
* ``injury_infected`` (severe self-harm, high): a self-inflicted burn or cut showing infection (gone yellow or green,
  smells, oozes, red streaks) or gaping (needs care). A blister alone is an ordinary burn's (moderate); kitchen and
  sunburn, tattoos and piercings are ordinary readings.
* ``nssi_relief`` (self-harm, moderate): a body part burned or cut with a lighter or blade, with the relief it gave
  ("felt better for like an hour"). Cooking, candles and accidents are ordinary.
* ``coded_active`` (ideation, moderate): a coded suicide word ("ctb", "kms") thought about actively or often.
* ``documents_held`` (abuse, moderate): an employer (learner English "Maam keep my passport") holding documents.
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from .lexicon import A, Cue, _c

__all__ = ["SEV_CONTEXT_DROPS", "SEV_CONTEXT_NEEDS", "SEV_CUES"]

_WEAPON = (r"\b(?:machete|knuckle ?duster|knife|knives|(?:baseball |cricket )?bat|crowbar|hammer|gun|pistol|revolver|rifle"
           r"|shotgun|air rifle|taser|axe|blade)\b")
_TARGET = r"(?:his|her|their|my ex{A}?s?|the \w+{A}s|(?:my )?(?:ex|stepdad|step-?dad|boss|landlord|neighbou?r){A}s)"
_PLACES = r"(?:work|office|house|place|flat|school|gym|job|workplace|shop|building|door|front door|home)"
_ARMED = (
    # waiting outside the target's place: "im in the lot outside my ex's work", "parked outside his office"
    rf"(?:i{A}?m|im|i am|sat|sitting|parked|waiting|stood|standing)(?: \w+){{0,5}}? outside {_TARGET}(?: \w+)? {_PLACES}"
    # driving there now: "im driving straight there", "i'm going straight round"
    rf"|(?:i{A}?m|im|i am)(?: \w+)? (?:driving|going|heading|walking) (?:straight|right) (?:there|over|round|to (?:his|hers|theirs|her place|his place))"
    # a resolve about the target: "he's not walking away from this one", "today he finds out what it feels like"
    rf"|(?:he|she|they){A}?(?:s|re| is| are)? (?:not|n{A}?t|never) (?:walking|getting|going to (?:walk|get)|gonna (?:walk|get)) away (?:from (?:this|it)|with (?:this|it))"
    rf"|(?:he|she|they) (?:finds?|will find|{A}ll find|is gonna find|is going to find) out what it (?:feels|felt) like"
    rf"|(?:he|she|they){A}?(?:s|re| is| are)? (?:not|n{A}?t|never) (?:touching|hurting|laying a (?:finger|hand) on) (?:\w+ ){{1,3}}?(?:ever )?again"
    rf"|i (?:need|have|want|got) to do it before (?:\w+ ){{1,3}}?(?:gets?|comes?) (?:home|back|in)"
)
_SCHEDULE = (r"(?:he|she|they) (?:gets? off|walks? out|finishes|finish|clocks? off|leaves?|comes? out|gets? (?:home|back)|comes? (?:home|back))"
             r"(?: (?:from|of) (?:the |work|his |her )?\w*)? (?:at|around|about|by) (?:\d{1,2}(?::\d\d)?(?: ?[ap]m)?|midnight)\b(?:(?: every| each) (?:day|night))?")
_ARMED_DROP = (r"\b(?:(?:go|going|went|gone|out|been) hunting|hunting (?:trip|season|licen[cs]e|party|lodge|dog)|deer|range|shooting club|clay|target practice|camp\w*|fishing|cricket|baseball|softball|rounders|match|training"
               r"|practice|game|costume|cosplay|prop|halloween|story|novel|chapter|character|film|movie|scene|script|fiction|dream|dreamt"
               r"|dnd|d&d|campaign|joke|joking|kidding|lol|lmao|haha|surprise party|birthday|present|pick (?:him|her|them) up|lift)\b|😂|🤣")

# -- a credible threat to kill the user, and its maker arriving ---------------------------------------------------
_THREAT = (
    rf"^(?=[\s\S]*?(?:\b(?:kill|murder|do|finish|end) (?:me|us)(?: in| off)?\b|\b(?:do|did) to me what (?:they|he|she) did to\b))"
    rf"(?=[\s\S]*?\b(?:if|unless|when) (?:i|we|i{A}?m|im|i am)(?: \w+)?(?: \w+)? (?:tell|told|telling|ring|call|phone|report|go to|leave|run|escape|refuse|say no|complain|(?:not|n{A}?t) (?:on|get on|go|come|marry|do))\b"
    rf"|[\s\S]*?\b(?:do|did) to me what (?:they|he|she) did to\b)")
_ARRIVING = (
    rf"(?:he|she|they){A}?(?:s|re| is| are) (?:coming|walking|heading) (?:up|down|along|back up|back down) the (?:hall|hallway|stairs|landing|corridor|drive|path)"
    rf"|(?:he|she|they){A}?(?:s|re| is| are) (?:waiting|sat|sitting|parked) (?:downstairs|outside|at the door|in the car|out front)(?: in the car)?"
    rf"|(?:he|she|they){A}?(?:s|re| is| are) (?:banging|hammering|kicking) (?:on|at) the (?:bedroom |bathroom |front )?door"
    rf"|(?:he|she|they){A}?(?:s|re| is| are) (?:coming|on (?:his|her|their|the) way) (?:back |home |up |round )?(?:now|right now|rn)"
    rf"|(?:he|she|they) (?:gets?|comes?) (?:back|home|in)(?: from (?:the )?\w+)? (?:at|around|about|by) (?:\d{{1,2}}(?::\d\d)?(?: ?[ap]m)?|midnight)\b"
)
_THREAT_DROP = (r"\b(?:story|novel|chapter|character|film|movie|scene|script|fiction|game|dream|joke|joking|kidding|lol|lmao|haha"
                r"|late|grounded|curfew|tattoo|phone bill|exam|grades|report card|scratch\w* the car|dent\w*|crash\w* the car)\b|😂|🤣")

# -- tablets counted out beside notes or a time ---------------------------------------------------------------------
_STAGED_PILLS = (r"(?:pills|tablets|meds|capsules)(?: are| all| r)? (?:all )?(?:counted|laid|lined|set|sorted|popped) (?:out|up)"
                 r"|(?:counted|laid|lined|popped) (?:out |up )?(?:all )?(?:the |my |all (?:the|my) )?(?:\w+ )?(?:pills|tablets|meds|capsules)(?: out| up)?")
_STAGED_NEED = (rf"\b(?:notes?|letters?|goodbye|gg|tonight|midnight|bye everyone|everyone|it was (?:mid|fun|nice)|last (?:night|time|message)"
                rf"|alt\+?f4|ctrl\+?alt|unaliv\w*|kms|ctb|for good|when (?:everyone|they){A}?(?:s|re| is| are) asleep)\b")
_STAGED_DROP = (r"\b(?:dosette|organi[sz]er|pill box|pillbox|blister pack|for the week|this week|weekly|morning|evening|breakfast|carer|nurse|pharmac\w*"
                r"|chemist|vitamins?|supplements?|mum{A}?s|dad{A}?s|nan{A}?s|gran{A}?s|grandma{A}?s|the dog|the cat|vet|prescription review|inventory)\b").replace("{A}", A)

# -- a time on the clock, or a day with the moment alone ------------------------------------------------------------
_CLOCK = (r"at (?:midnight|\d{1,2}(?::\d\d)? ?(?:am|pm|o{A}?clock)|\d{1,2}:\d\d)"
          r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow) (?:night )?(?:when|once|after) (?:my|the|everyone|every1|they|he|she|mum|mom|dad)\b")

# -- "when everyone's gone I will do it" -----------------------------------------------------------------------------
_ALONE = (rf"(?:when|once|after|as soon as) (?:my (?:\w+ )?\w+|everyone|every1|they|he|she|mum|mom|dad|the house)(?:{A}s| is| are| has| have)?"
          rf" (?:fly|flies|flew|fly home|goes|go|gone|leave|leaves|left|out|away|asleep|in bed|at work|gone out)(?: \w+){{0,3}}?,? i (?:will|{A}ll|am going to|{A}m going to|{A}m gonna|am gonna|can) do it\b")
_ALONE_NEED = (rf"\b(?:pills|tablets|sleeping|rope|belt|blade|razor|gun|i have decided|i{A}ve decided|decided|made up my mind|mind is made up"
               rf"|please (?:do not|don{A}t) (?:try to )?(?:change|stop)|kill myself|end (?:it|my life))\b")
_ALONE_DROP = (r"\b(?:party|homework|revision|revise|clean\w*|tidy\w*|bake|cook\w*|surprise|present|gift|decorat\w*|paint\w*|practice|practise"
               r"|video|stream|game|movie|story|novel|workout|exercise|tattoo|dye|haircut|the washing|laundry|vacuum\w*|hoover\w*|deep clean)\b")

# -- an engine running in a shut garage, asked whether it will work ------------------------------------------------------
_SEALED = (rf"(?:garage|garage door|door|doors)(?:{A}s| is| are)? (?:all )?(?:shut|closed|sealed|taped)[^.!?\n]{{0,40}}?(?:running|on|idling|ticking over)"
           rf"|(?:running|idling|ticking over|engine on|engine{A}?s on)[^.!?\n]{{0,40}}?(?:garage|garage door|door|doors)(?:{A}s| is| are)? (?:all )?(?:shut|closed|sealed|taped)")
_SEALED_NEED = (rf"\b(?:(?:going to|gonna|will it|would it|does it|did it|is it going to|it{A}?ll|it will) (?:\w+ )?work|how long (?:will|does|would|until|till)"
                rf"|carbon monoxide|fumes|exhaust|hose|enough co|co poisoning|fall asleep|not wake up)\b")
_SEALED_DROP = (r"\b(?:warm(?:ing)? (?:it |the car |her |him )?up|defrost\w*|ice|icy|frost\w*|mechanic|battery|jump ?start|alarm|extractor|fan|open(?:ed)?"
                r"|detector|safety|dangerous\?|is (?:it|that) safe|rev\w*|oil|mot|service|story|novel|character|film|movie|scene)\b")

# -- self-injury that needs care ---------------------------------------------------------------------------------------
_INFECTED = (rf"(?:went (?:\w+ )?(?:yellow|green|black|white)|gone (?:\w+ )?(?:yellow|green|black)|(?:yellow|green) (?:around|round) the edges"
             rf"|smells? (?:weird|bad|funny|off|rotten|gross)|oozing|pus|weeping|red streaks?|hot to (?:the )?touch|infected|gaping|won{A}?t close|wont close)")
_SELF_INJURY = (r"\b(?:burn(?:ed|t)? myself|burning myself|cut myself|cutting myself|self[- ]?harm\w*|sh wound|(?:burn(?:ed|t)?|cut|carved|scratched) (?:my|into my) (?:\w+ )?(?:arm|arms|forearm|wrist|wrists|leg|legs|thigh|thighs|stomach|hip|hips|skin)"
                r"|with (?:the|a|my) (?:lighter|blade|razor|compass|cigarette) again)\b")
_INJURY_DROP = (r"\b(?:kitchen|cook\w*|oven|stove|hob|pan|baking|tray|iron(?:ing)?|kettle|sunburn\w*|sun|tattoo\w*|piercing|accident\w*|by accident|slipped"
                r"|work|candle|bonfire|fireworks?|sparkler|bbq|barbecue|motorbike|exhaust|wax|hair ?straighteners?|curling|chemical|bleach|story|character)\b")

# -- a self-inflicted burn or cut with the relief it gave -------------------------------------------------------------------
_NSSI_BODY = (r"(?:burn(?:ed|t)|cut|carved|scratched|scald(?:ed)?|pressed (?:a|the|my) (?:\w+ )?(?:lighter|cigarette|lighter) (?:into|onto|on)) (?:my|into my) (?:\w+ )?"
              r"(?:forearm|forearms|arm|arms|wrist|wrists|thigh|thighs|leg|legs|stomach|hip|hips|skin|ankle|ankles)(?: with (?:a|the|my) (?:\w+ )?(?:lighter|cigarette|match|blade|razor|compass|scissors|pencil sharpener blade))?")
_RELIEF = (r"\b(?:felt (?:\w+ )?(?:better|calmer|good|relief|relieved|lighter|numb)|it helped|helped (?:a bit|for)|calm(?:ed)? me (?:down)?|the release|release"
           r"|deserved it|on purpose|again|punish\w* myself|made it stop|needed to feel)\b")

# -- ctb/kms thought about actively ------------------------------------------------------------------------------------
_CODED_ACTIVE = r"(?:thinking|thinkin|thought|think|thinks|obsessing) (?:about|of|abt|bout) (?:ctb|kms|k\.m\.s|unaliv\w*|sewerslide|sewer slide|catching the bus)"
_ACTIVE_NEED = r"\b(?:actively|seriously|a lot|lately|constantly|every day|everyday|every night|all the time|more and more|properly|for real|not (?:just )?(?:vibes|joking|a joke|kidding))\b"
_ACTIVE_DROP = r"\b(?:lol|lmao|haha|jk|meme|joke|song|lyrics|bus pass|bus stop|timetable)\b|😂|🤣|💀"

# -- documents held by an employer -------------------------------------------------------------------------------------
_DOCS = (rf"(?:ma{A}?am|maam|madam|mam|sir|boss|employer|agency|agent|the family|my sponsor|sponsor|kafeel|owner|manager)"
         rf" (?:still |always |also )?(?:keep|keeps|kept|keeping|take|took|takes|taken|hold|holds|holding|has|have|had|hide|hid|hides|lock|locked) (?:my|our|all my) (?:passports?|documents|papers|id|id card|visa|residence card|iqama)\b")
_DOCS_DROP = r"\b(?:safe ?keeping|safe place|for me while|renew\w*|visa application|embassy appointment|photocop\w*|scan(?:ned)?|check(?:ed)? it|gave (?:it|them) back)\b"

# -- on the edge of a height with the legs over (added at the round-17 merge) ------------------------------------------
# "sitting on the parapet with my legs over the side": an act under way at a height, whatever the message before said
# the user was up there for (an adversarial set's "checking the satellite dish" cover). A pier, a boat, a pool or a
# harbour wall is where people sit with their legs over for fun.
_LEDGE = (r"(?:sitting|sat|sit|standing|stood|stand|perched|crouch\w*)\b[^.!?\n]{0,30}?\b(?:on|at|over) (?:the|a|this) "
          r"(?:parapet|ledge|railings?|rail|guard ?rail|edge of the (?:roof|building|bridge|car ?park|cliff|platform|balcony)|wall of the bridge|bridge wall)\b"
          r"[^.!?\n]{0,50}?\b(?:legs?|feet) (?:over|dangling|hanging)\b")
_LEDGE_DROP = (r"\b(?:pier|jetty|dock|boat|pool|beach|harbou?r|fishing|swim\w*|kayak|canoe|paddl\w*|sea ?wall|river ?bank|canal"
               r"|picnic|ice ?cream|sunset|photo\w*|selfie|holiday|story|novel|film|game)\b")

SEV_CUES: tuple[Cue, ...] = (
    Cue("armed_for_target", "plan", "harm_to_others", _c(_ARMED), self_only=False),
    Cue("target_schedule", "timeline", "harm_to_others", _c(_SCHEDULE), self_only=False, negatable=False),
    Cue("threat_arriving", "in_progress", "abuse", _c(_ARRIVING), self_only=False, negatable=False),
    Cue("staged_pills", "prep", "suicide", _c(_STAGED_PILLS), self_only=False),
    Cue("clock_time", "timeline", "suicide", _c(_CLOCK), self_only=False, negatable=False),
    Cue("alone_window", "plan", "suicide", _c(_ALONE), self_only=False),
    Cue("car_sealed", "in_progress", "suicide", _c(_SEALED), self_only=False),
    Cue("injury_infected", "nssi_severe", "self_harm", _c(_INFECTED), self_only=False, negatable=False),
    Cue("nssi_relief", "nssi", "self_harm", _c(_NSSI_BODY)),
    Cue("coded_active", "ideation", "suicide", _c(_CODED_ACTIVE)),
    Cue("documents_held", "abuse", "abuse", _c(_DOCS), self_only=False),
    Cue("ledge_legs_over", "in_progress", "suicide", _c(_LEDGE)),
)

_W = re.I
SEV_CONTEXT_NEEDS: dict[str, re.Pattern[str]] = {
    "armed_for_target": compile_fast(_WEAPON, _W),
    "target_schedule": compile_fast(_WEAPON + r"|\b(?:kill|do) (?:me|us)\b", _W),
    "threat_arriving": compile_fast(_THREAT.replace("{A}", A), _W),
    "staged_pills": compile_fast(_STAGED_NEED.replace("{A}", A), _W),
    "alone_window": compile_fast(_ALONE_NEED.replace("{A}", A), _W),
    "car_sealed": compile_fast(_SEALED_NEED.replace("{A}", A), _W),
    "injury_infected": compile_fast(_SELF_INJURY, _W),
    "nssi_relief": compile_fast(_RELIEF, _W),
    "coded_active": compile_fast(_ACTIVE_NEED, _W),
}
SEV_CONTEXT_DROPS: dict[str, re.Pattern[str]] = {
    "armed_for_target": compile_fast(_ARMED_DROP, _W),
    "target_schedule": compile_fast(_ARMED_DROP, _W),
    "threat_arriving": compile_fast(_THREAT_DROP, _W),
    "staged_pills": compile_fast(_STAGED_DROP, _W),
    "clock_time": compile_fast(r"\b(?:story|novel|chapter|character|film|movie|scene|script|fiction)\b", _W),
    "alone_window": compile_fast(_ALONE_DROP, _W),
    "car_sealed": compile_fast(_SEALED_DROP, _W),
    "injury_infected": compile_fast(_INJURY_DROP, _W),
    "nssi_relief": compile_fast(_INJURY_DROP, _W),
    "coded_active": compile_fast(_ACTIVE_DROP, _W),
    "documents_held": compile_fast(_DOCS_DROP, _W),
    "ledge_legs_over": compile_fast(_LEDGE_DROP, _W),
}
