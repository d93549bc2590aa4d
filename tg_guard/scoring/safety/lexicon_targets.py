# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round-17 cue families: harm aimed at a named person, and captivity at home or at work.

Written from the DATA_CARD's harm-to-others and abuse levels, each family by what the user discloses rather than
by one sentence (the blind set dev29 showed all three reading ``moderate`` or below where the card says ``high``
or ``imminent``):

* ``murder_suicide``: the user will kill someone else and die with them ("taking myself out with him", "shoot her
  and then myself", "after him, me", "take the kids with me when I go"). Written twice over one pattern, as
  ``intent`` toward the other person (harm_to_others) and as suicidal ideation, so a time beside it
  ("tomorrow at school pickup") makes it imminent as any stated intent with a timeline does.
* ``vehicle_attack``: the user, in the first person and the future or the present of a decision, will drive into
  a person or their car, or run them over: a target and a weapon (``plan``, high; with a time, imminent).
* ``poison_target``: a poison or a "how long does it take to work" question, and in the same or an earlier user
  message a person it is aimed at: that person wished gone or dead, their eating or drinking habit to be exploited
  ("she'll drink anything sweet", "he wouldn't taste it"), or the substance put in their food. ``plan`` toward
  harm_to_others (high); a conversation whose only suicide cues are such means is not read as suicide
  (:func:`.risk.aimed_at_other`). Pets, pests, the car, fiction and true crime are ordinary readings.
* ``confined``: being held captive (DATA_CARD abuse ``high``): locked in a room or the house by someone else,
  food withheld as a punishment or on a condition ("no food for me all day if I make mistake", "I don't get
  dinner until I apologise"), medication withheld ("keeps my heart tablets in his car", "only hands them over when
  I've behaved"). Learner English included. A passport held, hours and pay, or being let out only on Sundays stay
  where the older families put them (low or moderate: the card's coercive control).

:data:`TARGET_CUES` extends the tracker's cues; :data:`TARGET_CONTEXT_NEEDS` and :data:`TARGET_CONTEXT_DROPS` are
message-level needs and drops in the ``lexicon_frames.MESSAGE_CONTEXT_*`` format; :data:`TARGET_CARRIED` names the
families whose need may be met in an earlier user message (their drops are then read over those messages too).
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from .lexicon import A, Cue, _c

__all__ = ["AIMED_AT_OTHER", "TARGET_CARRIED", "TARGET_CONTEXT_DROPS", "TARGET_CONTEXT_NEEDS", "TARGET_CUES"]

_ME = r"(?:my ?self|me)"
_THEM = (r"(?:him|her|them|the kids|the children|my (?:kids|children|wife|husband|ex|partner|family|boyfriend|girlfriend"
         r"|son|daughter|baby)|his new (?:\w+ )?(?:girlfriend|wife|partner)|her new (?:\w+ )?(?:boyfriend|husband|partner|bloke|fella))")
_KILL = r"(?:kill|killing|shoot|shooting|stab|stabbing|strangle|strangling|poison|poisoning|smother|smothering)"
_I_WILL = rf"(?:i{A}m|im|i am|i{A}ll|ill|i will|i{A}m going to|im going to|i am going to|i{A}m gonna|im gonna|i{A}m about to|im about to)"
_DRIVE = r"(?:drive|driving|ram|ramming|plough|ploughing|plow|plowing|crash|crashing|steer|steering|swerve|swerving|smash|smashing|mow|mowing)"
_CAR = r"(?:car|van|truck|lorry|motorbike|bike|motor|pickup|4x4|suv)"
_ABUSER_ANY = (r"(?:he|she|they|madam|ma{A}?am|sir|boss|employer|husband|wife|partner|boyfriend|girlfriend|son|daughter|"
               r"dad|father|mum|mom|mother|step-?mum|step-?mom|step-?dad|parents|uncle|aunt|family|carer|landlord|"
               r"(?:mother|father|sister|brother|son|daughter)[- ]in[- ]law|in-?laws)")
# a condition or punishment that makes food or medicine something the user must earn
_PUNISH = (rf"(?:(?:if|when|until|unless|because|cos|till) (?:i|i{A}ve|i{A}m|im)(?: \w+){{0,2}}? "
           r"(?:make (?:a |any )?mistakes?|mistake|misbehave\w*|behave\w*|been bad|was bad|am bad|be bad|answer(?:ed)? back|talk(?:ed)? back"
           r"|argue\w*|complain\w*|apologi[sz]e\w*|say sorry|said sorry|disobey\w*|broke|break|did not clean|didn{A}t clean|don{A}t clean|not clean"
           r"|finish (?:all |the |my )?(?:chores|housework|laundry|cleaning|ironing|washing|work)|do (?:all |the |my )?(?:chores|housework|laundry|cleaning|ironing)"
           r"|did (?:all |the |my )?(?:chores|housework|laundry|cleaning)|obey\w*|listen\w*|do as (?:he|she|they) says?)"
           r"|as (?:a )?(?:punishment|discipline)|(?:for|as) ['‘\"“]?(?:punishment|discipline)|to punish me)")
_FOOD = r"(?:food|dinner|tea|supper|lunch|breakfast|meals?|anything to eat|a meal|eat|to eat)"

TARGET_CUES: tuple[Cue, ...] = (
    # The user killing someone else and dying with them. Not self-only: "with the kids watching and taking myself out
    # with him" has third persons nearer than the user, and the pattern names the user as the one who dies.
    Cue("murder_suicide", "intent", "harm_to_others", _c(
        rf"(?:take|taking|took) {_ME} out (?:with|along with) (?:him|her|them|the \w+|my \w+)",
        rf"(?:take|taking|bring|bringing) {_THEM} (?:down )?with me when i (?:go|die|do it|end it|kill {_ME})(?! +(?:to|on|for|back|away|out|home|abroad|shopping|in|into|up|down|over|round|around|there|here|with|by|next|this|tomorrow|tonight|at)\b)",
        rf"{_KILL} {_THEM}(?: first)?,? (?:and )?(?:then )?(?:(?:kill|killing|shoot|shooting|do|doing|end|ending) )?{_ME}(?: too| after(?:wards)?| as well| next)?(?![\w'’-])",
        rf"after (?:him|her|them),? (?:me|{_ME}|i{A}ll do {_ME}|i do {_ME}|i{A}ll (?:kill|shoot) {_ME})",
        r"murder[- ]suicide",
    ), self_only=False),
    Cue("vehicle_attack", "plan", "harm_to_others", _c(
        rf"{_I_WILL} (?:just |actually |finally )?{_DRIVE} (?:my (?:\w+ )?{_CAR} |the {_CAR} )?(?:straight |right |head[- ]?(?:first|on) |full speed )?into (?:him|her|them|(?:his|her|their) (?:\w+ )?{_CAR}(?! park| wash| dealer\w*| showroom))(?![\w'’-])",
        rf"{_I_WILL} (?:just )?(?:run|running) (?:him|her|them|that \w+|the \w+) (?:over|down with (?:my|the) {_CAR})(?![\w'’-])",
    ), self_only=False),
    # The person a poison is for (needs a poison in this or an earlier user message: TARGET_CONTEXT_NEEDS).
    Cue("poison_target", "plan", "harm_to_others", _c(
        r"(?:i )?(?:just |really |only )?want (?:him|her|them|that (?:man|woman|bitch|bastard)) (?:gone|dead|out of the (?:way|picture)|to disappear|to stop breathing|to not wake up)(?! from)",
        rf"(?:he|she|they){A}?(?:ll| will| would|d|s| is| are)? (?:drink|drinks|eat|eats|swallow|swallows|drinking|eating) (?:anything|whatever)(?: sweet| sugary| i (?:give|make|put|pour|hand)| you (?:give|put))?",
        rf"(?:he|she|they) (?:wouldn{A}t|won{A}t|wouldnt|wont|would never|will never|never|doesn{A}t|does not|don{A}t) (?:taste|tastes|notice|notices|smell|smells|check|checks|suspect|suspects)(?: (?:it|a thing|anything|the (?:taste|difference)))?",
        r"(?:put|putting|slip|slipping|mix|mixing|add|adding|pour|pouring|stir|stirring|spike|spiking) (?:it|some|a (?:bit|little|drop|few drops|splash|capful)|\w+)(?: of it)? (?:in|into) (?:his|her|their) (?:tea|drink|food|coffee|dinner|squash|juice|wine|beer|gin|meal|lunch|breakfast|cocoa|porridge|soup|smoothie|cordial|flask)",
        r"how (?:much|many \w+) (?:\w+ ){0,3}?(?:would it take|does it take|would (?:it|you) need|to) (?:to )?kill (?:a (?:grown |full[- ]grown )?(?:person|man|woman|adult|human)|someone|somebody|him|her|an? (?:old|elderly) (?:man|woman|person|lady))",
    ), self_only=False),
    # Locked in by someone else: the user (or "us") as the object, or the user's room or the door locked from outside
    # with a third person as the subject.
    Cue("confined", "abuse_severe", "abuse", _c(
        r"(?:lock|locks|locked|locking) (?:me|us) (?:in|inside)(?: (?:my|the|our|a|his|her|their) (?:\w+ )?(?:room|bedroom|house|flat|home|shed|cupboard|basement|garage|toilet|bathroom|attic|loft))?(?![\w'’-])(?! out)",
        rf"{_ABUSER_ANY}(?: \w+){{0,2}} (?:lock|locks|locked|locking) (?:my|the|our) (?:front |back |bedroom |room )?(?:room|bedroom|door|house|flat)(?: door)?(?: (?:at night|every night|all day|all weekend|when (?:he|she|they) (?:go|goes|went) out))? (?:from (?:the )?outside|on me|with me (?:still )?inside)",
        rf"{_ABUSER_ANY}(?: \w+){{0,2}} (?:has|have|had|keeps|kept) (?:me|us) locked (?:in|up|inside)",
        rf"{_ABUSER_ANY}(?: \w+){{0,2}} (?:lock|locks|locked|locking) (?:the|my|our) (?:front )?(?:door|house|flat|room)\b[^.!?\n]{{0,30}}?(?:,|and|so) (?:i|we) (?:cannot|can{A}t|cant|can not|could not|couldn{A}t|am not able to|not able to|not allowed to) (?:go|get|leave)(?: out| outside)?(?![\w'’-])",
    ), self_only=False),
    # Food withheld as a punishment or on a condition.
    Cue("food_withheld", "abuse_severe", "abuse", _c(
        rf"(?:no|not any|never any) {_FOOD} for me\b[^.!?\n]{{0,40}}?{_PUNISH}",
        rf"(?:not|don{A}t|dont|doesn{A}t|doesnt|didn{A}t|won{A}t|wont|never|do not|does not|stopped|stop) (?:give|gives|giving|bring|brings|bringing|let|lets|letting|allow|allows) (?:me )?(?:my |any |a )?(?:have |eat |to eat )?(?:{_FOOD} |anything )?(?:\w+ ){{0,3}}?{_PUNISH}",
        rf"(?:i|me) (?:don{A}t|dont|do not|won{A}t|wont|will not|cannot|can{A}t|not|didn{A}t|never) (?:get|eat|have|allowed to eat|allowed (?:any )?(?:food|dinner))(?: any| my| a)? ?(?:{_FOOD}|anything)?(?: \w+){{0,2}}? {_PUNISH}",
        rf"(?:only|just) (?:give|gives|gave|let|lets|feed|feeds|fed) me (?:eat |have )?(?:{_FOOD} )?(?:\w+ ){{0,4}}?(?:if|when|after|once) (?:i|i{A}ve) (?:do|did|done|finish|finished|behave|behaved|been good)",
        rf"(?:if|when) (?:i|we) (?:make (?:a |any )?mistakes?|mistake|misbehave|answer back|talk back|complain|argue|disobey|break something|broke something)[, ]+(?:then )?{_ABUSER_ANY}(?: \w+)? (?:not|don{A}t|dont|doesn{A}t|doesnt|won{A}t|wont|never|do not|does not) (?:give|let|bring|feed) (?:me|us) (?:any )?(?:food|eat|dinner|meals?|anything to eat)",
        r"(?:make|makes|made|making) me (?:skip|go without|miss) (?:my )?(?:dinner|meals?|lunch|breakfast|food|tea)",
        rf"(?:said|says|say|told me) (?:i|me) (?:will not|won{A}t|wont|cannot|can{A}t|not) (?:eat|get (?:any )?(?:food|dinner))(?: again)? (?:until|unless|because|till|if)",
    ), self_only=False),
    # Medication withheld, kept from the user or handed over on conditions.
    Cue("medication_withheld", "abuse_severe", "abuse", _c(
        rf"{_ABUSER_ANY}(?: \w+){{0,2}} (?:keeps|kept|keep|hides|hid|hide|took|takes|taken|take|locked|locks|lock|withholds?|withheld|holds?) (?:away )?my (?:\w+ )?(?:tablets|pills|medication|medicine|meds|insulin(?: pens)?|inhaler)\b(?:(?!\b(?:so (?:i|they) (?:don{A}t|remember|don’t)|to help|dosette|organi[sz]er|grandkids|grandchildren|safe from)\b)[^.!?\n]){{0,80}}?\b(?:only (?:hands?|gives?|lets?)|when (?:he|she|they) (?:feels?|wants?)|until i|unless i|if i|for days|some days not|in (?:his|her|their) (?:car|room|bag)|and (?:gives|hands) (?:them|it) (?:to me )?when)",
        rf"{_ABUSER_ANY}(?: \w+){{0,2}} (?:stopped|stops|stop) (?:giving|bringing) me my (?:\w+ )?(?:tablets|pills|medication|medicine|meds|insulin)",
    ), self_only=False),
)

# The same span read as the user's own suicidal ideation (categories: both); the two cues share one compiled
# pattern, which scan_with_drops scans once.
_SELF_COPY = Cue("murder_suicide_self", "ideation", "suicide", TARGET_CUES[0].pattern, self_only=False)
TARGET_CUES = (*TARGET_CUES[:1], _SELF_COPY, *TARGET_CUES[1:])

#: Families whose need may be met by an earlier user message ("how long does antifreeze take to work" ... "my
#: husband's mother. she'll drink anything sweet").
TARGET_CARRIED = frozenset({"poison_target"})
#: The families that aim a means at someone else: with one, a conversation's suicide means words are not the user's.
AIMED_AT_OTHER = frozenset({"poison_target", "vehicle_attack"})

_POISON = (r"\b(?:antifreeze|anti-freeze|ethylene glycol|coolant|rat poison|rat bait|poison\w*|arsenic|cyanide|strychnine|thallium"
           r"|weed ?killer|paraquat|slug pellets|hemlock|oleander|foxglove|digoxin|bleach|ricin|polonium|deadly nightshade|belladonna"
           r"|how long (?:does|would|will|did) (?:it|\w+) take to (?:work|kick in|kill|act)"
           r"|(?:show up|be detected|detectable|traceable|be traced) (?:in|on) (?:a |an )?(?:tox\w*|autopsy|post-?mortem|blood test))")
TARGET_CONTEXT_NEEDS: dict[str, re.Pattern[str]] = {
    "poison_target": compile_fast(_POISON, re.I),
}
TARGET_CONTEXT_DROPS: dict[str, re.Pattern[str]] = {
    # a pet, a pest, the car's coolant, fiction and true crime: the poison is no one's
    "poison_target": compile_fast(
        r"\b(?:dogs?|cats?|puppy|kitten|pets?|vet|rats?(?! poison| bait)|mice|mouse|slugs?(?! pellets)|weeds?(?! ?killer)|pests?|wasps?|ants|radiator|engine|windscreen|top(?:ping)? up"
        r"|novel|story|character|villain|plot|chapter|book|film|movie|series|episode|podcast|documentary|true crime|murder mystery|d&d|dnd"
        r"|campaign|rpg|game|player|quest|the king|the queen|scene|script|play|fiction|writing|lol|lmao|haha|jk)\b|😂|🤣", re.I),
    # a driving lesson, an accident feared or told, a game, fiction
    "vehicle_attack": compile_fast(
        r"\b(?:by accident|accidentally|nearly|almost|lesson|instructor|tired|sleepy|dozing|game|gta|mario ?kart|forza|bumper cars?"
        r"|dodgems|go-?karts?|novel|story|character|film|movie|scene|script|fiction|lol|lmao|haha|jk|joke|joking|kidding)\b|😂|🤣", re.I),
}
_CAPTIVE_DROP = compile_fast(
    r"\b(?:escape room|lockdown drill|drill|prank|as a joke|joke|joking|lol|lmao|haha|by accident|accidentally|game|hide and seek"
    r"|novel|story|character|film|movie|scene|script|fiction|dungeon|boss fight)\b|😂|🤣", re.I)
TARGET_CONTEXT_DROPS.update({"confined": _CAPTIVE_DROP, "food_withheld": _CAPTIVE_DROP, "medication_withheld": _CAPTIVE_DROP})
