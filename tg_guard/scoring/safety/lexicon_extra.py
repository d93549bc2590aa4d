# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round-2 additions to the risk lexicon: more cue families, and the contexts that void a cue.

:data:`EXTRA_CUES` extends :data:`.lexicon.CUES` (the tracker reads both). The context patterns say when a
cue's sentence is about something else: sport, a fall or a kitchen accident (``ACCIDENT_CONTEXT``, unless
``ON_PURPOSE``), or an ordinary farewell (``ORDINARY_FAREWELL``: retiring, moving, a dying grandparent).
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from .lexicon import _SUI, ABUSER, DRUG_NAMES, A, Cue, _c

_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|christmas|new year)"

__all__ = ["ACCIDENT_CONTEXT", "EXTRA_CUES", "ON_PURPOSE", "ORDINARY_FAREWELL", "SELF_ACCIDENT", "SELF_ACCIDENT_VETO"]

_OD_QTY = r"(?:[4-9]|[1-9]\d+|ten|twelve|fifteen|twenty|thirty|forty|fifty|all|all of|a bunch of|a load of|loads of|a handful of|a lot of|the whole|a whole|the rest of|most of|half)"
# pills by form or by name (antidepressants, painkillers, sedatives, stimulants and the like)
_DRUG = (r"(?:pills?|tablets?|meds|medication|capsules|box|bottle|pack|packet|strip|antidepressants?|painkillers?|"
         r"sleeping pills|sleeping tablets|anti-?histamines?|" + DRUG_NAMES + r"|\w+(?:pam|pine|line|pram|tine|done|zole))")
_OD_EFFECT = (r"(?:floaty|drowsy|woozy|dizzy|sleepy|numb|heavy|fuzzy|spinning|can{A}?t stay awake|cant stay awake|hard to stay awake|"
              r"eyes (?:are )?closing|heart (?:is )?racing|throwing up|being sick|feel(?:ing)? (?:kinda |kind of |really |so |a bit )?(?:weird|strange|funny|off))")
# not returning, without an ordinary return ("not coming back till Sunday", "won't be back for an hour", "to this job")
_NO_RETURN = (r"(?:not coming back|never coming back|not coming home|won{A}?t be (?:coming )?back|won{A}?t be coming home|"
              r"this is goodbye|this is the last you{A}?ll hear)(?! (?:till|until|til|to|for|before|after|on|in|at|today|"
              r"tonight|tomorrow|tmrw|this|next|when|with|here|there|from|by|anytime|soon|later))")

# Cue families added from the definitions in CLINICAL.md after reviewing missed training conversations:
# acts and states phrased without the usual keywords (nails, burns, strips of tablets, threats to kill,
# research into means, affairs wound up, days without food or sleep in learner English).
EXTRA_CUES: tuple[Cue, ...] = (
    Cue("nssi_acts", "nssi", "self_harm", _c(
        r"(?:dig|digging|dug) my (?:finger)?nails into", r"(?:until|till|til) (?:it|they) (?:bleeds?|bled)",
        r"(?:the |my )burns (?:have|are|on my)|(?:new|fresh) burns?", r"(?:used|using|with) a (?:\w+ )?(?:sharpener|razor|blade)(?: blade)?",
        r"(?:years?|months?|weeks?|days?) clean (?:and|but) (?:i )?(?:just )?relapsed", r"(?:the |my )cuts on my", r"went (?:too|to) deep",
    )),
    Cue("in_progress_more", "in_progress", "suicide", _c(
        r"(?:what|the (?:pills|tablets)) i (?:swallowed|took|had) (?:about |like )?(?:an hour|half an hour|\d+ ?(?:mins?|minutes|hours?)) ago",
        r"(?:took|swallowed|taken) (?:a |the )?(?:whole )?strip", r"lit the charcoal",
    ), self_only=False),
    # An overdose already taken: a number of 4 or more, or all / a bunch / the whole box of pills or a named drug,
    # with when it was taken (ago, just, earlier, recently) or its effects (floaty, drowsy, can't stay awake).
    Cue("overdose_taken", "in_progress", "suicide", _c(
        rf"(?:just |already )?(?:took|taken|swallowed|downed|had|necked|ate)(?: like| about| around| maybe| roughly| over)? {_OD_QTY} (?:of )?(?:my |the |his |her |their )?(?:\w+{A}s )?(?:\w+ )?{_DRUG}\b(?=[^\n]{{0,60}}?\b(?:ago|earlier|just now|recently|this (?:morning|afternoon|evening)|an? (?:hour|while) back|{_OD_EFFECT}))",
        rf"(?:just|already) (?:took|taken|swallowed|downed|necked)(?: like| about| around| maybe)? {_OD_QTY} (?:of )?(?:my |the |his |her |their )?(?:\w+{A}s )?(?:\w+ )?{_DRUG}\b",
    ), self_only=False),
    # Leaving for somewhere now and not returning ("driving to Beachy Head now. not coming back"; "this is goodbye").
    Cue("leaving_for_good", "in_progress", "suicide", _c(
        rf"(?:driving|drive|heading|going|walking|leaving|off|getting in the car|on my way|taking the car|getting the train)\b[^.!?\n]{{0,40}}\b(?:now|rn|right now|tonight)\b[^\n]{{0,60}}?{_NO_RETURN}",
        rf"{_NO_RETURN}[^\n]{{0,40}}?\b(?:driving|heading|going|walking|leaving|off)\b[^.!?\n]{{0,40}}\b(?:now|rn|right now)\b",
    ), self_only=False, negatable=False),
    Cue("threat_to_life", "abuse_severe", "abuse", _c(
        r"(?:hands?) (?:around|round|on) my (?:throat|neck)", r"choked me (?:til|till|until)",
        r"(?:find|catch) me and kill me", r"kill me and then (?:himself|herself|themselves)", r"won{A}t live to see",
        r"(?:said|says|threatened|told me|shouting|screaming|shouts|yelling)[^.!?\n]{0,25}(?:he|she|they){A}?(?:ll| will| would|{A}d)? kill me",
        r"(?:said|says|threatened|told me|texted|messaged)[^.!?\n]{0,40}(?:he|she|they)(?:{A}s| is| are|{A}re)? (?:going to|gonna) kill me(?! (?:lol|haha))",
        r"(?:has|got|holding|with) (?:the|a) (?:knife|gun)[^.!?\n]{0,40}(?:kill|hurt) me", r"(?:outside|at) my (?:window|door)[^.!?\n]{0,30}restraining order|restraining order[^.!?\n]{0,40}(?:outside|here|tapping|window)",
    ), self_only=False),
    # Round 12: abuse disclosed in words the families above miss: learner English ("my husband is hit me", "he
    # don't let me go out"), documents or a pension held by someone else (the user's or a third party's: an elderly
    # patient's son "takes her pension"), being locked in, a forced-marriage threat, a door being broken down.
    # Each names someone doing it to a person; "I keep my passport in a safe" or "collects my pension for me" do not.
    # DATA_CARD: with abuse the only issue the level is low, so these are ``unsafe`` (low); a door being broken down
    # is acute danger (moderate). A blow told as history ("used to hit me", "when we were kids") is not current.
    Cue("abuse_disclosed", "unsafe", "abuse", _c(
        r"\b(?:he|she|they|husband|wife|partner|boyfriend|girlfriend|dad|father|step-?dad|step-?father|step-?mum|step-?mom|mum|mom|mother|brother|uncle|carer|son)\b(?:(?!used to|would )[^.!?\n]){0,30}?\b(?:is |are |was )?(?:hit|hits|hitting|beat|beats|beating|slap|slaps|slapping|punch|punches|punching|pinch|pinches|pinching|kick|kicks|kicking) (?:me|us)\b(?![^.!?\n]{0,40}\b(?:when (?:i|we) (?:was|were)|as (?:a )?kids?|growing up|years ago))",
        rf"{ABUSER} (?:still |always )?(?:keep|keeps|kept|took|take|takes|has|have|holds?|hid|hides) (?:my|her|his|our) (?:passports?|documents|papers|id card|visa)\b(?! photo)",
        rf"{ABUSER} (?:don{A}t|do not|dont) let me (?:go out|go anywhere|leave|see|call|visit|use)|{ABUSER} (?:won{A}t|will not|doesn{A}t) let me use (?:the|my) (?:car|phone|card|money)",
        rf"{ABUSER} (?:\w+ )?(?:takes|took|take|collects|collected|keeps|keep|spends) (?:most of |all of |half of |nearly all of )?(?:my|her|his) (?:pension|benefits|savings)\b(?! for (?:me|her|him))",
        r"(?:checks|checking|goes through|going through) (?:every|each) (?:single )?(?:receipt|penny|purchase)",
        r"(?:locks|locked|locking) (?:me|her|him|us) (?:in|inside) (?:my|her|his|their|the|our) (?:room|bedroom|house|flat|shed|cupboard|basement)",
        r"forced (?:himself|herself) (?:on|onto) me|(?:corners|cornering|cornered) me[^.!?\n]{0,40}(?:touch\w*|grop\w*|grabb?\w*|rubb?\w*)",
    ), self_only=False),
    # A forced-marriage threat: "if I don't marry him" is the condition, not a negation of the threat.
    Cue("forced_marriage", "unsafe", "abuse", _c(
        r"(?:marry (?:my|a|an|him|her|this|that|the|someone)|arranged marriage|forced marriage|shame (?:the|my|our) family)[^.!?\n]{0,80}\b(?:kill|deal with|hurt|beat|punish) me\b",
    ), self_only=False, negatable=False),
    Cue("door_broken", "abuse", "abuse", _c(
        r"(?:kicking|banging|smashing|hammering|pounding) (?:on )?(?:the|my|our) (?:front |back |bedroom |bathroom )?door[^.!?\n]{0,40}?(?:break|kick|smash) (?:it )?(?:down|in)",
    ), self_only=False),
    Cue("violence_more", "violence", "harm_to_others", _c(
        r"(?:bring|bringing|take|taking) (?:my |his |her |my \w+{A}?s? )?(?:\w+ )?(?:knife|gun|machete|bat) to (?:school|work|class)",
        r"(?:got|taken|took|brought) (?:the|my|a|his|her) (?:\w+ )?(?:machete|revolver|gun|knife|rifle|shotgun) (?:out|from|down)",
        r"(?:gonna|going to) (?:cut|stab|shoot|hurt|hit) \w+ (?:in|at|when|after)", r"(?:thoughts|fantasies) (?:of|about) (?:physically )?(?:hurting|beating|killing|stabbing|hitting) (?:him|her|them|a|my|people)",
        r"(?:i )?hit (?:my )?(?:wife|husband|partner|girlfriend|boyfriend|her face|his face)", r"slammed (?:him|her|them) (?:into|against)", r"wanted to keep going",
        r"picture (?:confronting|hurting|beating|hitting) (?:him|her|them)",
    )),
    Cue("ideation_more", "ideation", "suicide", _c(
        r"(?:think|thinking|thought) about being dead", r"(?:clock|check|log|tap) out for good", rf"{_SUI} is on my mind",
        r"want it rather than fear it", rf"com+it+(?:ing|ting)? {_SUI}", rf"(?:thinkng|thinkin|thnking|thinking|think) (?:of|about) (?:com+it+ing )?{_SUI}",
    )),
    Cue("impairment_more", "impairment", "functional_impairment", _c(
        r"(?:\d+|two|three|four|five|six) (?:nights?|days?) (?:no|without) (?:sleep|food|eating)",
        r"(?:\d+|two|three|four|five|six) (?:nights|days)(?: now)?,? i (?:don{A}t|do not|cannot|can{A}t|didn{A}t) (?:sleep|eat)",
        r"(?:\d+|two|three|four|five|six) days i (?:eat|ate) nothing", r"missed (?:all|the whole) (?:week|month) of (?:work|school|class)",
        r"missed all week", r"one meal every (?:two|three|\d+) days", r"(?:cannot|can{A}t|cant) take care (?:for|of) (?:him|her|them|my (?:baby|kids|son|daughter))",
        r"(?:can{A}t|cannot|cant) get out of bed (?:exc?ept|apart from)",
    ), negatable=False),
    # Round 12 (helper 'mfix'): days without food, sleep or basic functioning in wording the older families miss
    # (DATA_CARD: "days of not eating, sleeping, or functioning"; "restrictive eating lasting weeks"). Read at low, as
    # the card rates impairment alone (the older families' moderate is left as it was).
    Cue("impairment_days", "intrusive", "functional_impairment", _c(
        # restrictive intake kept up for weeks: "about 600 calories a day for five weeks", "under 1000 cals a day since January"
        rf"(?:(?:under|less than|below|about|around|like|maybe|only) )?(?:[1-9]\d{{2}}|(?:under|less than|below) 1,?000) ?(?:cals?|calories|kcals?)(?: a| per|/) ?day (?:for|since|over|the (?:last|past))[^.!?\n]{{0,20}}?(?:weeks?|months?|{_MONTH})",
        # a token amount a day for a week or more: "one apple a day for about three weeks", "a couple of crackers a day for the last week"
        r"(?:one|1|a|an|a couple of|two|a few|half an?) (?:\w+ )?(?:apples?|crackers?|biscuits?|slices? of toast|rice cakes?|yogh?urts?|bananas?|bites?) a day (?:for|since|over|the (?:last|past))[^.!?\n]{0,20}?(?:week|weeks|month|months)",
        # "four days now, just tea", "I do not eat four days, only tea"
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several) (?:days|nights)(?: now)?,? (?:just|only|nothing but) (?:tea|coffee|black coffee|water|juice|vodka)",
        # "haven't eaten a thing since the funeral", "haven't eaten a real meal since then", "havent eaten since, like genuinely cant"
        rf"(?:haven{A}t|have not|not) (?:really )?(?:eaten|had (?:a (?:real|proper) )?(?:meal|food))(?: a thing| anything| a (?:real|proper) meal| properly)? since(?: (?:the funeral|then|it happened|last \w+|the weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:he|she|they|my \w+) (?:died|passed|left))|(?=\s*[,.!?]))",
        # "can't sleep. can't eat. 6 days now", "Can't work. Can't get up. Nine days now."
        rf"can{A}t (?:sleep|eat|work|get up)[.,]? (?:(?:and |or )?can{A}t (?:sleep|eat|work|get up)[.,]? )+(?:for )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few|several) (?:days|weeks|nights)",
        # "off two weeks, can't do anything, can't even get dressed"
        r"(?:days|weeks?)[^.!?\n]{0,50}can{A}t even (?:get dressed|get out of bed|get up|shower|wash|eat)",
        # "5 nights now of 2hrs sleep max", "four nights on two hours' sleep"
        r"(?:\d+|two|three|four|five|six|seven|several) (?:nights|days)(?: now| straight| in a row)? (?:of|on) (?:\d|one|two|an?) ?(?:hrs?|hours?)(?:{A}s|{A})?(?: of)? sleep",
        # "stayed in bed three days straight", "been in bed for four days"
        r"(?:stayed|been|lying|laying|stuck) in bed (?:for )?(?:\d+|two|three|four|five|six|seven|several) (?:days|weeks)(?: straight| now| in a row)?(?! (?:with|from|after) (?:the |a |my )?(?:flu|covid|cold|bug|virus|fever|temperature|food poisoning|norovirus|tonsillitis|chest infection|surgery|operation|op|back|injury))",
        # "haven't eaten a proper meal or slept more than two hours in four days", "been out of bed or eaten since friday"
        rf"(?:haven{A}t|have not|not) (?:eaten|had) a (?:proper|real|hot) meal(?: or slept[^.!?\n]{{0,30}}?)? (?:in|for) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few) days",
        rf"(?:haven{A}t|have not|not) (?:really )?been out of bed(?: or eaten)?[^.!?\n]{{0,15}}?(?:in|for|since) (?:days|a week|\d+ days|(?:mon|tues|wednes|thurs|fri|satur|sun)day|last \w+)",
        # "for the last five days I've barely eaten", "not slept more than an hour or two a night since, five nights now"
        rf"(?:for )?the (?:last|past) (?:few|several|\d+|two|three|four|five|six|seven) days,? i{A}?(?:ve| have)? (?:barely|hardly|not|really not) (?:eaten|slept)",
        rf"(?:not|haven{A}t|barely) slept more than (?:an hour|(?:\d|one|two|three) hours?)[^.!?\n]{{0,40}}?(?:\d+|two|three|four|five|six|seven) (?:nights|days)",
        rf"(?:barely|hardly|haven{A}t|not) (?:eaten|slept)(?: properly)? (?:this|the) (?:past|last) (?:week|few days|\d+ days|(?:two|three|four|five|six|seven) days)",
        # "I've been restricting for weeks"
        r"restricting (?:my (?:food|eating|calories) )?(?:for|since|over) (?:about |like |the (?:last|past) )?(?:a few |few |several |a couple of )?(?:weeks|months|\d+ weeks|(?:two|three|four|five|six) weeks)",
        # "hardly any food in the house for over a week"
        r"(?:hardly|barely|no) (?:any )?food in the (?:house|flat|fridge)[^.!?\n]{0,30}(?:days|week|weeks)",
        # "haven't been able to work / open my laptop / look after my kids for two weeks" (either order)
        rf"(?:haven{A}t|have not|not) been able to (?:work|do anything|open my laptop|look after (?:myself|my kids|the kids)|leave the (?:house|flat))[^.!?\n]{{0,20}}(?:for|in|since) (?:about |over |almost )?(?:a week|(?:\d+|two|three|four|five|six|several|a few) (?:days|weeks))",
        rf"(?:for|in) (?:about |over |almost )?(?:a week|(?:\d+|two|three|four|five|six|several|a few) (?:days|weeks)),? i (?:haven{A}t|have not) been able to (?:work|do anything|open my laptop|look after (?:myself|my kids|the kids)|leave the (?:house|flat))",
    ), negatable=False),
    # Someone the user cares for going without food or getting up for a week (DATA_CARD: "chores for a child who
    # hasn't eaten in 10 days" is a miss). Not self-only; a short spell of someone else's impairment reads low.
    Cue("impairment_other", "intrusive", "functional_impairment", _c(
        rf"(?:hasn{A}t|has not|has barely|has hardly|{A}s barely|{A}s hardly|barely|hardly) (?:really )?(?:eaten|eating|(?:got|gotten) out of bed(?: or eaten)?|left (?:his|her|their) room)(?! (?:his|her|their|its|the|my) )[^.!?\n]{{0,45}}?(?:(?:in|for|since|over|the (?:past|last)|for the (?:past|last)) (?:about |almost |nearly |over |like )?(?:a week|week|days|weeks|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few) (?:days|weeks)))",
    ), self_only=False, negatable=False),
    Cue("prep_more", "prep", "suicide", _c(
        r"(?:goodbye|farewell) (?:msg|message|note|letter|post)s?", r"i (?:said|told (?:her|him|them)) i won{A}t need (?:them|it)",
        r"won{A}t need (?:any of it|them anymore|it anymore)", r"(?:clear|cleared|delete|deleted) my (?:search |browser )?history after",
        r"(?:googling|googled|reading|read|looked up|researching|research) (?:stuff )?(?:like |about )?(?:how long it takes|whether it hurts|what quantity|how much of my|how many of my)",
        r"what quantity of my (?:prescription|meds|pills|tablets)", r"(?:sent|send|gave|given|giving) (?:away )?all my savings",
    ), self_only=False),
)

# A physical-injury cue in a sentence about sport, a fall or a kitchen accident is an accident, unless the
# sentence also says it was on purpose.
ACCIDENT_CONTEXT: re.Pattern[str] = compile_fast(
    r"\b(?:jiu[- ]?jitsu|bjj|judo|karate|sparring|boxing class|mma|hockey|rugby|football|netball|in pe|during pe|tumble|tripped|slipped|"
    r"fell (?:off|down|over)|hot oil|frying|slicing|dicing|chopping|bagel|in a cast|put it in a cast|walk-in|bungee)\b",
    re.IGNORECASE,
)
# Preparation words in an ordinary farewell (retiring, moving, a dying grandparent, decluttering).
ORDINARY_FAREWELL: re.Pattern[str] = compile_fast(
    r"\b(?:retir\w+|moving (?:to|into|house|away|schools?)|downsiz\w*|one[- ]bed(?:room)?(?: flat| place| house)?|last day|leaving do|new job|declutter\w*|charity shop|marketplace|colleagues|"
    r"grandma|grandad|grandpa|nan|granny|grandson|granddaughter|seventy|eighty|ninety|funeral|hospice|"
    r"vet|put (?:our |my |the )?(?:cat|dog|pet|horse|rabbit|him|her) (?:to sleep|down)|moved (?:to|away|abroad|house)|leaving (?:party|drinks|do)|emigrat\w+|new school)\b",
    re.IGNORECASE,
)
# Round 17 (fp17): a relapse is no accident ("I slipped up and cut my arm, 3 months clean gone").
# The injury meant after all: shared by both accident readings' vetoes.
_PURPOSE = r"on purpose|deliberately|wanted to|urges?|meant to|slipped up|relaps\w*"
ON_PURPOSE: re.Pattern[str] = compile_fast(
    rf"\b(?:{_PURPOSE}|again|streak|(?:days?|weeks?|months?|years?) clean|clean (?:for|since))\b", re.IGNORECASE)
# Round 17 (fp17): a self-injury cue the same clause calls accidental ("I keep cutting myself by accident cos it's so
# dull", "keep burning myself accidentally on the oven tray", "the knife slips and I cut myself every time I chop").
# The nssi families' own look-aheads know "cut myself by accident", not "keep cutting ... by accident". Only for the
# self-harm kinds (an abuser's "by accident" is his story, not an accident). SELF_ACCIDENT_VETO: on purpose after all
# ("accidentally on purpose"), a wish or a cover story ("I wish it was an accident", "told mum it was by accident"),
# or a denial ("it wasn't an accident").
SELF_ACCIDENT: re.Pattern[str] = compile_fast(
    r"\b(?:by accident|accidentally|accidental|(?:knife|blade|peeler|grater|it|hand|tin|can|lid) (?:slips|slipped|slipping|keeps slipping)"
    r"|slips off (?:the|my)|while (?:i was |i{A}?m )?(?:chopping|slicing|dicing|peeling|grating|shaving|cooking|gardening)"
    r"|(?:so|too|really|super|stupidly|very) (?:dull|blunt)|(?:dull|blunt) (?:knife|knives|blade|blades|razor)"
    r"|on (?:the|a|my|this) (?:oven|oven tray|baking tray|grill|hob|stove|kettle|iron|straighteners|mandoline|grater|tin lid|can lid))\b"
    .replace("{A}", A), re.IGNORECASE)
SELF_ACCIDENT_VETO: re.Pattern[str] = compile_fast(
    rf"\b(?:{_PURPOSE}"
    r"|wish(?:ed|ing)? (?:\w+ ){0,3}(?:accident|accidental)"
    r"|(?:told|tell|telling|say|said|saying|pretend\w*|lie|lied|lying|claim\w*|made out|make out|cover (?:story|up)|excuse)\b"
    r"|(?:wasn{A}?t|was not|isn{A}?t|is not|not|never|no) (?:an? |by |really |exactly )?accident\w*"
    r"|(?:look|looked|looks|seem\w*|pass\w* (?:it )?off as) (?:like )?(?:an? )?accident)".replace("{A}", A), re.IGNORECASE)

