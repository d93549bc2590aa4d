# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Risk cues of the user side: what a phrase indicates, and the phrases that only look like one.

Each :class:`Cue` is a compiled pattern with a *kind* (what it says about risk) and the category it
belongs to. The tracker in :mod:`.risk` combines kinds across the whole conversation (ideation in one
message and a method in the next is a plan), so a cue here only says what one phrase means on its own.
Patterns tolerate common typos, slang, coded words and non-native phrasing ("i want die").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ...clinical import RiskCategory
from ._regex import compile_fast

__all__ = [
    "ANNIVERSARY",
    "ANNIVERSARY_VETO",
    "CUES",
    "CURRENT",
    "GUN",
    "IDIOMS",
    "NEGATION_EXCEPTIONS",
    "NEGATORS",
    "PAST",
    "Cue",
    "Kind",
]

Kind = Literal[
    "passive",  # hopelessness, burden, wish to disappear: low
    "ideation",  # active suicidal ideation: moderate
    "method",  # a means (pills, rope, bridge): raises ideation to high, never counts alone
    "plan",  # a plan or decided method: high
    "prep",  # preparatory acts (notes, giving things away, goodbyes): high
    "intent",  # stated intent to act: high, imminent with a timeline
    "timeline",  # when: raises intent or a plan to imminent
    "attempt",  # a recent attempt: high
    "in_progress",  # an attempt under way: imminent
    "nssi",  # recent non-suicidal self-harm: moderate
    "nssi_urge",  # an urge to self-harm with no recent act: low
    "nssi_severe",  # self-harm that escalates or needs medical care (stitches, a gaping wound): high
    "coded",  # coded self-directed terms (kms, sewerslide, ctb): at least low, even as a joke
    "abuse",  # being abused or unsafe: moderate
    "abuse_severe",  # threats to life, strangulation: high
    "unsafe",  # abused or controlled with no acute danger (documents or a pension held, locked in, hit at home): low
    "impairment",  # days of not eating, sleeping or functioning: moderate
    "violence",  # wish or plan to hurt others: moderate
    "intrusive",  # unwanted intrusive harm thoughts, or a short spell of impairment: low
    "lethality",  # asking about lethality or means (survival odds, lethal dose, how many it takes): high
    "finality",  # finality or wanting no rescue ("won't be around much longer", "don't want anyone to stop me"): high
    "ambivalent",  # ambivalence about safety ("can't guarantee anything"): low alone, raises ideation by one
]

A = "['’]?"  # an optional apostrophe, straight or curly: "dont", "don't", "don’t"
SELF = r"(?:my ?self|my ?sel|mysef|myslef|meself|mself|my own self)(?!\w)"
ME_I = rf"(?:i{A}m|i am|im|i)"
#: Medicines by name, the ones most asked about in a therapy chat (antidepressants, mood stabilisers, antipsychotics,
#: sedatives, stimulants, painkillers, a few everyday ones): shared by the overdose cues (lexicon_extra) and the
#: ordinary medication questions (lexicon_meds), which add their own forms around it.
DRUG_NAMES = (
    r"(?:paracetamol|acetaminophen|tylenol|ibuprofen|nurofen|advil|aspirin|naproxen|co-?codamol|codeine"
    r"|tramadol|morphine|oxy\w*|opioids?|sertraline|zoloft|citalopram|escitalopram|lexapro|cipralex"
    r"|fluoxetine|prozac|paroxetine|paxil|seroxat|venlafaxine|effexor|duloxetine|cymbalta|mirtazapine"
    r"|bupropion|wellbutrin|vortioxetine|trazodone|amitriptyline|nortriptyline|lithium|lamotrigine"
    r"|valproate|quetiapine|seroquel|olanzapine|aripiprazole|abilify|risperidone|propranolol|pregabalin"
    r"|gabapentin|diazepam|valium|lorazepam|clonazepam|xanax|alprazolam|benzos?|zopiclone|zolpidem"
    r"|melatonin|methylphenidate|ritalin|concerta|adderall|elvanse|vyvanse|lisdexamfetamine|atomoxetine"
    r"|levothyroxine|thyroxine|metformin|warfarin|omeprazole|insulin)"
)
# A firearm by any of its everyday names (the round-14 gun cues in lexicon_disclosures and lexicon_plans share it).
GUN = r"(?:revolver|gun|pistol|handgun|rifle|shotgun|firearm)"
PILLS = r"(?:pills?|meds|medications?|tablets?|tylenol|paracetamol|acetaminophen|advil|ibuprofen|sleeping pills|xanax|benzos?|insulin|oxy(?:codone|s)?|opioids?|antidepressants?)"
KIN = (
    r"(?:dad|father|mom|mum|mother|step ?dad|step ?father|step ?mom|step ?mum|husband|wife|boyfriend|bf|"
    r"girlfriend|gf|partner|ex|brother|sister|uncle|aunt|grandpa|grandfather|coach|teacher|boss|"
    r"roommate|fianc[ée]e?|parents?|family)"
)
ABUSER = rf"(?:he|she|they|(?:my )?{KIN}|his|her|(?:the )?(?:staff|carer|nurse|son|daughter|landlord|employer))"


@dataclass(frozen=True, slots=True)
class Cue:
    """One phrase family: ``self_only`` cues are dropped when a third person is the subject."""

    name: str
    kind: Kind
    category: RiskCategory
    pattern: re.Pattern[str]
    self_only: bool = True
    negatable: bool = True


def _c(*parts: str) -> re.Pattern[str]:
    # Plain (non-f) strings may still carry the {A} apostrophe placeholder.
    body = "|".join(parts).replace("{A}", A)
    return compile_fast(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)


#: Round 13c: an act word right after an urge noun is the urge ("the urge to hurt myself", "tempted to cut my arm"):
#: ``nssi_urge`` reads it (low); ``nssi`` (a recent act, moderate) does not. "I want/need to hurt myself" keeps both.
_NOT_AFTER_URGE = r"(?<!urge to )(?<!urges to )(?<!tempted to )(?<!craving to )(?<!itch to )"
_SUI = r"(?:su+[i1!y]c+[i1!]d(?:e|al)|sui?c?id(?:e|al)|suicde|sucide|suicidal|s\*icide|su\*cide|sui\*ide|s\*\*cide)"

CUES: tuple[Cue, ...] = (
    # -- suicidal ideation ---------------------------------------------------------------------------
    Cue("kill_self", "ideation", "suicide", _c(
        rf"k+i+l+(?:l+|s)?(?:ing|ed|in)? ?{SELF}",
        r"(?:end|ending|ended|take|taking|took) (?:my|me|own) (?:own )?(?:life|self)",
        rf"(?:off|offing|unalive|unaliving|delete|deleting|yeet|yeeting) {SELF}",
        rf"(?:hang|hanging|drown|drowning|shoot|shooting|poison|poisoning|gas|gassing|stab|stabbing|suffocate|starve|starving|electrocute|overdose) {SELF}",
        r"(?:jump|jumping) (?:off|from|in front of) (?:a|the|my) (?:\w+ )?(?:bridge|roof|building|cliff|balcony|car park|multistor\w*|train|bus|lorry|truck)",
        r"walk(?:ing)? (?:in|into) (?:the )?(?:sea|river|lake|traffic|water)|stones in my (?:coat|pocket)",
        r"end(?:ing)? it all", r"end(?:ing)? (?:every|some)thing (?:for good|forever|now)",
        r"(?:wanna|want to|want|going to|gonna|ready to|just|decided to|might|about to|should just) end it(?! with)",
        r"(?:end|ending) my (?:own )?(?:life|existence)",
        r"not (?:be )?(?:alive|here|around) (?:much longer|for (?:much )?longer|by (?:tomorrow|next week|monday))",
    ), self_only=False),
    Cue("suicidal", "ideation", "suicide", _c(
        rf"(?:i{A}m|i am|im|been|feel(?:ing|s)?|felt|get(?:ting)?|got|so|very|really|kinda|super|pretty|extremely|more|getting|being|am|was) "
        rf"(?:really |so |very |pretty |kinda |super |a (?:bit|little) |more |quite |extremely |actively |passively )?{_SUI}",
        rf"{_SUI} (?:thoughts?|ideation|feelings?|urges?|again|tendenc(?:y|ies)|idea)",
        rf"(?:thoughts?|thinking|thought|think|urges?|idea|ideas|considering|consider|contemplating|fantasi[sz]ing) "
        rf"(?:of|about|abt|on)? ?(?:{_SUI}|killing {SELF}|ending (?:it|my life|things|everything)|not (?:being )?(?:here|alive) anymore)",
        rf"commit(?:ting)? {_SUI}", r"suicide ?(?:is|seems) (?:the|my) (?:answer|only|way)",
        rf"(?:think|thinking|thought|thoughts|wondering) (?:\w+ ){{0,3}}(?:about|of) (?:ending it|ending things|ending (?:my|it all)|taking my (?:own )?life|killing {SELF}|not waking up on purpose|doing it)",
        r"(?:the )?only way out", r"want(?:ed)? to let go", r"think (?:about|of) (?:how i{A}?d do it|die|dying) (?:every|all the)",
        r"(?:think|thinking|thought) about how i{A}?d do it",
    )),
    Cue("coded", "coded", "suicide", _c(
        r"kms|kmys|kmss|k m s", r"unalive|unaliving", r"ctb|catch(?:ing)? the bus", r"toaster bath", r"kys",
        r"sewer ?slide|sewerslide|su1c1de", r"alt\s*\+?\s*f4 (?:irl|my life|myself)", r"log(?:ging)? off (?:permanently|for good|forever)",
        r"rope ?maxx?ing|(?:gonna|wanna|going to) rope", r"(?:want|wanna|ready) to (?:go|leave) (?:home|to sleep) for good",
        # round 12b: a way of dying named by its manner ("I think it's the quietest way to go")
        r"(?:the )?(?:quietest|easiest|quickest|simplest|most peaceful|least painful|cleanest|kindest) way (?:to go|out)\b(?! of (?:town|the city|here|the (?:car park|building|station)))",
    )),
    Cue("want_die", "ideation", "suicide", _c(
        r"(?:want|wants|wanted|wanna|wish|wishing|ready|decided|need|needs|trying) (?:to )?(?:just )?(?:die|d1e|dye|be dead|not be alive)(?! (?:of|from|laughing|inside))",
        r"(?:want|wanna|wish) (?:to )?(?:die|be dead) (?:so bad|already|rn|right now)",
        r"i am want (?:to )?die|me want (?:to )?die|i want die|i wish die|i want to dead",
        rf"(?:don{A}t|dont|do not|no|not) (?:want|wanna|wish|like) (?:to )?(?:live|be alive|keep living|go on living|exist) (?:anymore|any more|no more|now)",
        rf"(?:don{A}t|dont|do not|no longer|not) (?:want|wanna) (?:to )?(?:live|be alive|keep living|go on living)(?! (?:with|in|like|there|here))",
        r"better off dead", r"(?:rather|sooner) be dead(?! than)", r"should(?:n{A}t)? (?:just )?(?:die|be dead)(?! (?:of|from))",
        r"wish (?:i|id|i{A}d) (?:was|were|had) (?:died|dead)", r"wish i could die",
    )),
    Cue("passive", "passive", "suicide", _c(
        r"wish (?:i|id|i{A}d) (?:was|were|had been) never born", r"(?:be )?fine if i (?:just )?(?:didn{A}t|never|did not) wake up", r"m[üu]de vom leben", rf"(?:don{A}t|dont|do not) (?:want|wanna) to wake up",
        rf"(?:hope|wish|want|wanting|wanna)(?: to)?(?: i| i{A}d)? (?:don{A}t|never|not|wouldn{A}t)? ?wake up(?! early| on time| in time| before)",
        r"(?:go to|fall) sleep (?:and|n) (?:never|not) wake up", r"sleep forever",
        r"(?:want|wanna|wish i could|want to just) (?:disappear|vanish|stop existing|not exist|cease to exist|fade away)",
        rf"(?:wish|want) (?:i|to) (?:didn{A}t|did not|wouldn{A}t|not) exist",
        r"better off without me", r"(?:everyone|they|people|my family|the world) (?:would be|is|are|will be|{A}d be) better (?:off )?without me",
        rf"(?:i{A}m|i am|im|feel like|feel) (?:a|such a|just a|the) (?:burden|waste of (?:space|air|oxygen))",
        r"burden (?:to|on|for) (?:everyone|everybody|my family|them|you|people|my (?:kids|parents|wife|husband))",
        r"nothing (?:left )?to live for", r"no (?:reason|point) (?:to|in|for) (?:live|living|going on|being alive|keep going|anything)",
        rf"what{A}?s the point (?:of|in) (?:living|life|anything|going on|it all|being alive|trying)",
        rf"(?:can{A}t|cant|cannot|can not) (?:do this|take (?:it|this)|go on|keep going|keep doing this|handle (?:it|this)|live like this)"
        r" ?(?:any ?more|no more|much longer)",
        r"(?:can{A}t|cant|cannot) go on", r"tired of (?:living|life|being alive|existing|everything|trying)",
        r"sick of (?:living|being alive|existing)",
        r"no one (?:would|will|wud) (?:miss|notice|care)(?: me)?(?: if)", r"nobody (?:would|will) (?:miss|notice|care)(?: me)?(?: if)",
        r"(?:totally |completely |so |feel |feeling )hopeless", r"hopeless(?:ness)?", r"dead inside",
        rf"(?:i{A}m|im|i am) done (?:with (?:life|everything|it all|living)|trying)",
        r"(?:life|living) (?:is|feels) (?:pointless|meaningless|not worth (?:it|living))", r"not worth living",
        r"(?:give|giving|gave) up on (?:life|everything|living)",
        r"(?:won{A}t|wouldn{A}t) (?:be )?(?:around|here) (?:much longer|for long|next year)",
    )),
    # -- plans, means, preparation, intent ---------------------------------------------------------
    Cue("method", "method", "suicide", _c(
        PILLS, r"overdos\w*|o\.d\.?|od(?:['’]d|ing)?", r"rope|noose|hang(?:ing)?", r"gun|firearm|pistol|rifle|shotgun|bullets?",
        r"bridge|rooftop|roof|ledge|cliff|tall building|train tracks?|railway|in front of a (?:train|car|bus|truck)",
        r"jump(?:ing)? (?:off|from|in front)", r"razor|blades?|knife|knives", r"bleach|antifreeze|poison",
        r"carbon monoxide|exhaust|car in the garage", r"slit(?:ting)? my wrists?|wrists?", r"drown(?:ing)?",
        r"lethal dose|how many \w+ (?:would|does it|to) (?:it )?(?:take|kill)",
        r"bottle|stash|packet|pack|crossbow|sea|river|motorway|junction \d+|car park|multistor\w*|cord|belt|ligature|hose|charcoal|chemicals?|the stuff",
    ), self_only=False, negatable=False),
    Cue("plan", "plan", "suicide", _c(
        r"(?:have|got|made|making|has|working on|came up with) a plan", r"(?:my|the) plan is",
        rf"know (?:exactly )?(?:how|when|where) (?:i{A}d|i would|i{A}ll|i will|i{A}m going to|i{A}m gonna|to) (?:do it|end it|go)",
        r"(?:picked|chosen|chose|set|decided on) (?:a|the) (?:date|day|time|spot|place|method|way)",
        r"(?:planned|planning|plotted) (?:it|how|my death|to do it|my suicide|the whole thing)",
        r"figured out (?:how|the way|a way) (?:to do it|i{A}d do it|to end it)",
        r"(?:stockpil\w*|hoard\w*|sav(?:ed|ing) up|collect(?:ed|ing)|been saving) (?:my |all my |the |up )?" + PILLS,
        r"(?:bought|buying|got|ordered|have|has) (?:a|the|my) (?:gun|rope|noose|pistol|rifle)(?! (?:license|licence|safety|permit|cabinet|club))",
        r"(?:looked|looking|searched|searching|googled|googling|researched|researching) (?:up )?(?:how to|ways to|methods|how many|lethal|painless)",
        r"(?:most )?painless (?:way|method)s?(?! (?:to|of|for) (?!(?:die|dying|go|going|end|kill|do it|not wake)\b))", r"(?:how|ways) to (?:die|kill myself|end it)",
        r"(?:collecting|gathering|saving|saved|hoarding|stockpiling|stashing|stashed|hiding|hid|hidden) (?:up )?(?:about |like |around )?(?:\d+ |thirty |twenty |enough |some |all )?(?:of )?(?:my |her |his |mum{A}s |mom{A}s |the )?(?:\w+ )?(?:pills|tablets|meds|medication|medicines?|painkillers|pain medication|insulin|diazepam|sleeping pills)",
        r"(?:pills|tablets|meds|medication|medicines) (?:saved|hidden|stashed|ready|out on)", r"(?:got|have) enough (?:now|pills|tablets|meds)",
        r"how (?:much|many) (?:of )?(?:my )?(?:\w+ ){0,3}(?:it would|would it|would) (?:take|kill)"
        r"(?! (?:to|for) (?:\w+ ){0,2}(?:get rid of|help|fix|ease|cure|treat|work|kick in|feel better|sleep|calm|headaches?|pain|"
        r"cold|flu|fever|cramps|migraines?|toothache|hangover|symptoms)\b)",
        r"(?:bought|got|ordered|buying) (?:a |some )?(?:hose|rope|noose|gun|machete|knife|blade|charcoal|helium)",
        r"(?:looked|looking|been looking) (?:at|into|up) (?:the )?(?:tallest|high|highest) (?:buildings?|bridges?|places)|roof access",
        r"(?:know|knows) where (?:my |his |her )?(?:\w+ )?keeps (?:his |her |the )?(?:gun|pills|tablets|rifle)",
        rf"gun{A}?s? (?:is )?in the (?:drawer|safe|house|car|cupboard)|hidden a knife|(?:a|the) (?:bat|knife|gun) in (?:the|my) car",
        r"(?:chosen|chose|picked|set) (?:a |the )?(?:date|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
        r"(?:driven|drove|driving) (?:at|into) (?:it|the (?:barrier|wall|tree|bend))|pull(?:ed)? off at the last",
        # rehearsing is a plan, not when what is rehearsed is speech, a task or a worry (round 12)
        r"rehears\w+(?! (?:\w+ ){0,3}?(?:to-?do|list|speech|lines|script|presentation|talk|pitch|interview|answers?|questions?"
        r"|conversations?|arguments?|what (?:to|i{A}?ll|i{A}?d|i|he|she|they) (?:say|tell|said)|where (?:he|she|they) can (?:put|stick|shove)"
        r"|funeral|worst|disaster|excuses?|replies|reply|comebacks?|email|message|text|apology|song|play|dance|band|choir)\b)",
        r"(?:made|have|got|wrote) a list of (?:the )?(?:people|names)", r"take (?:him|her|them) with me",
        r"(?:thought|worked) (?:through|out) (?:exactly )?(?:how|what|the)|know what i{A}?d do|(?:worked out|checked) the (?:tide|train) times?",
        r"(?:watching|watched|reading|read) (?:\w+ ){0,2}(?:about )?how (?:people|to) (?:do it|die|end it)|(?:lurking|looking) on (?:those |the )?(?:forums|sites)",
        r"ordered the stuff|(?:a )?(?:stash|supply) of|know it{A}?s enough|(?:been )?counting them|(?:got|have) everything i need",
        r"googl\w* (?:how|what|which)|(?:how many|which ones?) (?:of )?(?:my |the )?(?:\w+ )?(?:would|will) (?:be enough|work faster|work)|(?:the )?(?:pills|tablets|meds) (?:in front of me|here with me|ready)|bought (?:a |some )?rope",
        r"(?:tell|told) you my plan|my plan",
    ), self_only=False, negatable=True),
    Cue("prep", "prep", "suicide", _c(
        r"giv(?:e|ing|en|ven) away (?:my|all my|all of my|some of my|most of my)? ?(?:stuff|things|belongings|possessions|clothes|games|cat|dog|pets?|books|collection|guitar|savings)",
        r"(?:wrote|writing|written|left|leave|finished|drafted) (?:a|my|the) (?:suicide )?(?:note|letter)s?(?! (?:for|to) (?:school|class|work|my teacher))",
        r"(?:wrote|writing|written) (?:letters|goodbye letters|notes) (?:to|for) (?:everyone|my family|my kids|people)",
        r"(?:said|saying|say) (?:my )?goodbyes?(?: to (?:everyone|my family|people|you all))", r"final goodbye|last goodbye",
        # round 13b: "I've said my goodbyes (to Margaret at church)"; an ordinary farewell in the message drops it
        rf"(?:i{A}ve|i have|i{A}d|i) (?:already )?said (?:all )?my goodbyes",
        r"this is (?:my )?(?:goodbye|farewell)", r"getting my affairs in order|put(?:ting)? my affairs in order",
        r"(?:updated|wrote|writing|made) (?:my|a) will", rf"when i{A}m (?:gone|dead|not around)",
        r"(?:take|taking) care of my (?:cat|dog|kids|pets?) (?:for me|when|after)", r"after i{A}?m gone",
        r"won{A}t need (?:it|them|my \w+) (?:anymore|any more|where i{A}m going)",
        r"(?:written|wrote|writing|left) (?:\w+ ){0,3}(?:notes?|letters?|cards?) (?:to|for) (?:my |each of |the |both )?(?:kids|children|family|sister|brother|mum|mom|wife|husband|partner|parents|everyone|daughter|son)",
        r"left instructions|everything{A}?s (?:paid|sorted|arranged)|the one (?:who|to) finds? me|nobody has to (?:deal|clean)",
        r"(?:to )?say (?:my )?goodbyes?|saying goodbye|wanted to say (?:thank you|thanks) (?:before|for everything)",
        r"(?:re-?homed|rehoming|found a home for) (?:my |the )?(?:cat|dog|pets?)",
        r"(?:scheduled|drafted|wrote|writing|written) (?:my |an? )?(?:last|final|goodbye) (?:post|message|emails?|letters?)|scheduled emails",
    ), self_only=False),
    Cue("intent", "intent", "suicide", _c(
        rf"(?:i{A}m|im|i am) (?:going to|gonna|about to|ready to|finally going to) (?:do it|end it|go through with it|kill {SELF}|end my life)",
        rf"(?:i{A}ve|ive|i have) (?:decided|made up my mind)(?: to (?:do it|end it|die|kill {SELF})| i{A}m (?:doing|going))",
        r"(?:going to|gonna) go through with it", rf"i{A}ll do it (?:tonight|tomorrow|soon|this weekend)",
        r"tonight{A}?s the night", r"no one can stop me", r"nothing (?:will|can) stop me",
        r"this (?:is|will be) my last (?:message|night|day|post)",
        rf"(?:i{A}ve |i have |i )?decided\b|tonight i (?:decide|do it|go)|(?:nobody|no one) (?:will|can|is going to) stop me|don{A}t (?:bother|try) (?:trying )?(?:to )?(?:stop|find)",
        rf"(?:gonna|going to|will|i{A}ll|i am going to) (?:unalive|hang|jump|drown|overdose|od|take (?:all|them|the (?:pills|tablets)|my \w+{A}?s? (?:pills|tablets)))",
        r"it is goodbye|it{A}s goodbye",
    ), self_only=False),
    Cue("timeline", "timeline", "suicide", _c(
        r"after school|in a bit|before (?:morning|the morning|dawn)|when (?:the )?(?:weather turns|kids are asleep|(?:my )?children sleep|it{A}s dark)",
        r"today|tonight|tmrw|tomorrow|tmr|this weekend|(?:in|within) (?:an|a few|a couple|\d+|one|two) (?:hours?|minutes?|mins?)",
        r"(?:on|this|next|by) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)",
        # round 18 (acts18): a bare weekday as the act's date ("gonna ctb saturday", "i'll do it friday")
        r"(?:gonna|going to|planning to|plan to|i{A}ll|will) (?:ctb|kms|do it|end it|go through with it|unalive (?:myself|me)|off myself|kill myself|try again) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
        r"after (?:everyone|they|my (?:parents|family|wife|husband|kids|roommate|mom|dad)) (?:goes?|go|is|are|fall|falls|leave|leaves)",
        r"when (?:everyone|they){A}?(?:re| are| is)? (?:asleep|gone|out)", r"right now|rn|soon",
    ), self_only=False, negatable=False),
    Cue("in_progress", "in_progress", "suicide", _c(
        r"(?:just |already )?(?:took|swallowed|downed|ate|taken|have taken|i took) (?:all|a bunch|the whole|every|[4-9]|[1-9]\d+|a lot|a handful|too many|a bottle|half a bottle|all of|like (?:[4-9]|[1-9]\d+)|twenty|thirty|fifty) (?:of )?(?:my |the |those |these |them )?(?:pills|meds|tablets|bottle)?",
        r"pills are (?:kicking in|working)", rf"(?:i{A}m|im|i am) (?:on|at|standing on|sitting on) (?:the|a) (?:bridge|roof|edge|ledge|tracks)",
        r"(?:noose|rope) is (?:ready|tied|up)", r"(?:gun|pistol) is (?:loaded|in my hand)|loaded (?:the|my) gun",
        rf"(?:i{A}m|im) doing it (?:now|tonight|rn)", r"goodbye (?:everyone|forever|world|cruel world)",
        r"(?:took|taken) an overdose", r"(?:started|starting) the car in the garage",
        r"(?:took|taken|swallowed|downed|had) (?:the whole|a whole|all (?:of )?(?:my|the|them|those)|a (?:load|lot|bunch|handful|pack|packet|box|bottle) of|(?:like |about )?(?:[4-9]|[1-9]\d+)|everything in the)\b[^.!?\n]{0,25}?(?:pills|tablets|meds|medication|medicine|bottle|pack|packet|paracetamol|ibuprofen|insulin|cupboard|sleeping)",
        r"took (?:the|a) (?:whole|entire) (?:bottle|pack|packet|box)",
        rf"(?:i{A}m|im|i am) (?:on|at|sitting on|standing on|standing at|up on) (?:the|a|my) (?:\w+ )?(?:bridge|roof|edge|ledge|tracks|railing|balcony|cliff|platform edge)",
        r"(?:standing|sitting) on (?:the |a )?(?:\w+ )?(?:tracks|ledge|railing|bridge|edge)", r"(?:feet|legs) (?:dangling |hanging )?over the (?:side|edge)",
        # round 18 (acts18): the user's body at the edge of a drop or a track now ("standing at the edge of the platform",
        # "sitting right on the edge of the roof"); a present participle only, so a past visit ("was/been standing"), a
        # rehearsal told after it, or a view is not read
        r"(?<!was )(?<!were )(?<!been )(?<!we're )(?<!we’re )(?<!we are )(?:standing|sitting|perched|(?:i{A}?m|im|i am) (?:stood|sat)) (?:right |just )?(?:at|on) the (?:very )?edge of (?:the |a |this )?(?:\w+ )?(?:platform|roof|rooftop|bridge|car park|multi-?stor\w*|building|tracks)(?! (?:terrace|garden|bar|party|pool|top bar))", r"train (?:is )?due in",
        r"(?:engine|car) (?:is )?running|taped the gaps|turned the gas (?:on|fire on)|gas (?:is )?on and",
        # round 29: not a burden likened to one ("the mortgage is a noose around my neck", "like a rope around my neck";
        # "there is a rope around my neck" stays)
        r"(?<!like a )(?<!like an )(?<!(?<=\w)(?<!there) is a )(?<!been a )(?<!(?<=\w)(?<!there) was a )(?<!\w as a )(?<!become a )"
        r"(?<!became a )"
        r"(?:noose|rope|cord|ligature|belt) (?:is )?(?:ready|tied|up|set up|around my neck)", r"(?:going to|gonna) try again",
        rf"won{A}t be waking up|see you on the other side",
        r"(?:swallowed|taken|took) (?:most|half|all|the rest) of (?:a|the|my) (?:packet|bottle|box|pills|tablets|meds)",
        rf"(?:taken|took|swallowed) the (?:tablets|pills|meds|medication) i{A}?d been (?:saving|keeping|collecting)",
    ), self_only=False),
    Cue("attempt", "attempt", "suicide", _c(
        rf"(?:tried|try|trying|attempted|attempt) (?:to )?(?:kill {SELF}|{_SUI}|end (?:it|my life|things)|hang {SELF}|overdose|od)",
        rf"{_SUI} attempt", r"(?:i )?overdosed", r"(?:i )?od['’]d|i odd?ed", r"(?:ended up|woke up|was) in (?:the )?(?:hospital|er|icu|psych ward) (?:after|because|for)",
        # discharged after one's own overdose or attempt (round 12): "got discharged on Tuesday after the overdose"
        r"(?:discharged|released|sent home|home from (?:the )?(?:hospital|a&e|er|ward))[^.!?\n]{0,40}(?:after|following) (?:the|my|an|a) (?:overdose|od|attempt|suicide attempt)",
        r"(?:after|following|since) my (?:overdose|od|suicide attempt|attempt)\b",
    ), self_only=True),
    # -- self-harm -------------------------------------------------------------------------------------
    Cue("nssi", "nssi", "self_harm", _c(
        rf"{_NOT_AFTER_URGE}(?:cut|cuts|cutting|burn|burning|burned|burnt|hurt|hurting|harm|harming|harmed|hit|hitting|scratch|scratching|punch|punching|bite|biting|carve|carving|carved) "
        rf"(?:{SELF}|my (?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?))(?! (?:at|in|while|playing|lifting|skiing|running|by accident|cooking|shaving))",
        rf"{_NOT_AFTER_URGE}self[- ]?harm\w*|self[- ]?injur\w*|selfharm\w*|s/h|\bsh\b(?= (?:again|urges?|scars?))",
        r"(?:relapsed|relapse)(?: on| with| into)? (?:cutting|sh|self[- ]?harm)", r"(?:fresh|new|deep|bleeding) (?:cuts|scars|wounds)",
        r"(?:started|start|been) cutting(?: again)?", r"i cut (?:again|agian|agin|agen|againn)|cut again last night", r"razor blades?",
        r"(?:doing|did|done|do) the thing with the (?:razor|blade|blades|lighter|compass|sharpener)",
        r"(?:hide|hiding|cover|covering) (?:the |my )?(?:cuts|scars|marks)",
        r"(?:cutting|cuts?|burning|burns?) (?:every|each) (?:night|day)|deeper each time|(?:stitches|a&e|er) (?:\w+ ){0,3}after cutting",
        r"(?:pressing|pressed|held|holding|put|putting) (?:a |my |the )?(?:lit )?(?:cigarette|lighter|hot \w+|blade|knife) (?:to|on|against) (?:my|the back of my)",
        r"(?:hit|hitting|bang|banging|punch|punching) my (?:head|fists?) (?:against|on|into) (?:the )?(?:wall|floor|door)",
        r"(?:keep|kept) cutting|cut (?:again|last night|yesterday)|(?:my |the )?cuts (?:from|are|have)",
        # round 18 (acts18): "i cut" with no object, dated recently ("i cut last week", "cut on sunday", "i cut this
        # morning"): the bare verb is the act (an object would follow it: "cut class last week", "cut the grass")
        r"i (?:(?:just|finally|also) )?cut (?:(?:again )?(?:this (?:morning|afternoon|evening|week)|last (?:week|weekend|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the other (?:day|night)|(?:a )?(?:few|couple(?: of)?|two|three|\d) (?:days|nights) ago|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|over the weekend))",
        rf"{_NOT_AFTER_URGE}(?:punched|slapped|scratched|bit|burnt|burned|cut|hit|hurt|bruised|starved) {SELF}(?! (?:at|in|while|playing|lifting|skiing|running|by accident|cooking|shaving|on (?:a|the)))", r"fresh (?:lines|cuts|ones)|barcode|cut (?:way |much |a lot )?deeper",
    )),
    Cue("nssi_urge", "nssi_urge", "self_harm", _c(
        rf"(?:urge|urges|want|wanna|need|needed|craving|itch|thinking about|thought about|tempted) to (?:cut|hurt {SELF}|sh|self[- ]?harm|burn {SELF}|bleed|scratch|hit {SELF})(?! down| back| out| ties| off| class| corners| my hair| it out| in)",
        rf"(?:thinking|thought) about (?:cutting|burning|hurting|harming|scratching) {SELF}",
        rf"(?:want|wanna) to (?:hurt|harm) {SELF}",
        r"(?:sitting|sat) (?:\w+ ){0,4}with (?:the|a|my) (?:blade|razor)",
    )),
    # -- abuse and safety ------------------------------------------------------------------------------
    Cue("abuse", "abuse", "abuse", _c(
        rf"{ABUSER} (?:hits|hit|beats|beat|slaps|slapped|punches|punched|kicks|kicked|pushed|shoved|threw|throws|hurts|slammed|grabbed|grabs|burned|bit|spits on) (?:me|my)",
        rf"{ABUSER} (?:rapes|raped|touches|touched|molested|molests|forced himself|forced herself|forces|forced) (?:me|on me|my)",
        rf"{ABUSER} (?:locks|locked|keeps|kept) me (?:in|out|inside|locked)",
        rf"{ABUSER} (?:won{A}t|doesn{A}t|wont|never) let(?:s)? me (?:leave|see my|have my phone|go out|eat|sleep|talk to)",
        rf"{ABUSER} (?:takes|took|controls|control) (?:all )?(?:my (?:phone|money|keys|passport|paycheck|car)|everything i)(?! at \d| at (?:night|bedtime)| every night| after \d| for the night)",
        r"(?:i{A}m|im|i am|i get|got|was|been|being|getting) (?!hit by (?:a|the) (?:car|van|bus|bike|ball|truck|lorry|cyclist|taxi))(?:hit|beaten|beat up|abused|raped|molested|assaulted|slapped|punched|kicked|hurt|groped) (?:by|at home|again|every)",
        rf"(?:not|don{A}t feel|never feel|dont feel|do not feel|isn{A}t|is not) safe (?:at home|with (?:him|her|them|my \w+)|in my (?:house|home|own home)|to go home|there)",
        rf"(?:scared|afraid|terrified|frightened) (?:to go home|of what (?:he|she){A}?(?:ll| will| might) do|he{A}ll|she{A}ll|for my life)",
        r"(?:abusive|abuses me|abused me|abusing me|domestic violence|domestic abuse|sexually (?:abused|assaulted)|sexual abuse)",
        r"forced me (?:to|into)|makes me (?:do things|have sex)|made me (?:have sex|do things i)",
        r"bruises? (?:from|he|she|on my)|left (?:a |me with )?(?:bruises|marks)",
        r"(?:yells|screams|shouts) at me (?:and|then) (?:hits|throws|breaks)",
        r"(?:split|busted|broke|broken|cracked|bruised) my (?:lip|ribs?|arm|nose|wrist|jaw|eye|tooth|teeth)", r"pinned me (?:to|against|down)",
        r"(?:hit|hits|slapped|punched) me (?:across|in|on)", r"(?:took|takes|taken|has) my (?:bank card|card|pension|passport|benefits)",
        r"money (?:has been |keeps )?(?:going )?missing", rf"(?:he|she){A}?ll (?:hurt|kill|take) (?:them|the kids|me|us)",
        r"accidents happen", r"make sure i (?:never|can{A}t) leave", r"(?:afraid|scared|terrified) to (?:ring|go home|tell|leave|speak)",
        r"(?:gets?|got|gotten) (?:his|her) (?:gun|knife) out", rf"(?:he|she){A}?s (?:done|did) this before",
        r"(?:controls|control|controlling) (?:all )?(?:the|my) (?:money|finances)|throws? (?:stuff|things) at me|cut my (?:arm|hand|face) with|(?:keeps|kept) (?:showing|turning) up (?:at|outside)|waiting (?:in|at|outside) my",
        r"send (?:them|it|the pics|the photos) to my (?:family|parents|friends)|calls? me (?:stupid|worthless|useless|ugly|fat|a whore)|if i tell anyone|no me deja|(?:won{A}t|doesn{A}t) let me (?:leave|go|see|have)",
        r"takes? my passport|(?:does|did) it anyway|(?:shoved|pushed) me|reads my (?:texts|messages|phone)|threatens? to (?:hurt|kill) (?:me|my)|broke my tooth|(?:comes|came) into my room at night",
        r"(?:touches|touched|touching) me|makes me stay after|(?:keeps|kept|keep) asking (?:me )?for nudes",
        r"breaking things|hiding in (?:the |my )?(?:bathroom|closet|wardrobe|cupboard|bedroom)|hitting the door",
        rf"(?:hit|hits|hitting|beat|beats) me with|said (?:he|she) (?:will|would|{A}ll|{A}d) (?:kill|hurt) me|(?:he|she) will kill me",
    )),
    Cue("abuse_severe", "abuse_severe", "abuse", _c(
        rf"{ABUSER} (?:choked|chokes|strangled|strangles|tried to kill|threatened to kill|threatens to kill|said (?:he|she){A}?(?:d| would) kill) me",
        rf"(?:will|would|gonna|going to|{A}ll|{A}d) kill me if i (?:leave|left|tell|told|call|called|report|go to the police|try to leave|ever leave)",
        r"(?:afraid|scared|fear(?:ing)?) for my life", r"(?:choked|strangled) me",
        rf"{ABUSER} (?:has|had|got|pulled|pointed) (?:a )?(?:gun|knife) (?:at|on) me",
        r"(?:hitting|attacking|beating|strangling|hurting) (?:me|my (?:mom|mum|mother|sister|brother)) (?:right )?now",
        r"(?:outside|at) my (?:front )?door (?:right now )?(?:banging|shouting|trying)", r"breaking in|door is (?:starting to )?give",
    ), self_only=False),
    # -- functional impairment -----------------------------------------------------------------------
    Cue("impairment", "impairment", "functional_impairment", _c(
        rf"(?:haven{A}t|have not|havent|hasn{A}t|not|didn{A}t|barely|can{A}t|cant|cannot|couldn{A}t|unable to|stopped|not been able to|not able to|been unable to|don{A}t|dont) "
        rf"(?:really |even |properly )?(?:eaten|eat|eating|ate|slept|sleep|sleeping|showered|shower|showering|bathed|left (?:my|the) (?:bed|room|house|apartment|flat)|"
        rf"gotten out of bed|get out of bed|got out of bed|gone (?:to|into) (?:work|school|class)|go (?:to|into) (?:work|school|class)|went to (?:work|school)|worked|"
        rf"functioned|function|functioning|brush(?:ed)? my teeth|take care of (?:myself|my kids|the kids)|taken care of myself|fed (?:myself|my kids)|"
        rf"had (?:anything|a meal|food)|had more than|kept (?:food|anything) down|"
        rf"(?:eaten|slept|eat|sleep) (?:in|for|since) (?:days|a week|\d+))"
        rf"(?=[^.!?\n]{{0,40}}(?:(?:in|for|since|over|the (?:past|last)) (?:like |about |almost |nearly |over )?(?:days|a week|weeks|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple(?: of)?) (?:days|nights|weeks|months)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week|the weekend)|all week|in ages|anymore|any more|at all))",
        r"(?:\d+|two|three|four|five|six|several|a few|a couple(?: of)?) (?:days|nights|weeks) (?:without|with no) (?:eating|food|sleep|sleeping|a meal|showering|leaving)",
        r"(?:stuck|lying|laying|stayed|staying) in bed (?:for|all) (?:days|week|\d+ days|a week|the whole week)",
        r"(?:lost|losing) (?:my job|\d+ ?(?:lbs?|pounds|kg)) because i (?:couldn{A}t|can{A}t|stopped)",
        r"missed (?:work|school|class(?:es)?) (?:all week|for (?:days|a week|\d+ days)|every day)",
        rf"(?:\d+|two|three|four|five|six|seven|several|a few) (?:days|weeks|nights)[^.!?\n]{{0,25}}(?:not|no|without|haven{A}t|didn{A}t|barely) (?:eat|eating|eaten|sleep|sleeping|food|slept|ate|shower)",
        rf"(?:haven{A}t|have not|not) (?:changed my clothes|cooked|been out|washed|left the (?:house|flat))[^.!?\n]{{0,30}}(?:days|week|weeks|at all)",
        r"(?:can{A}t|cant|cannot) (?:eat|sleep)[, ]+(?:(?:and|or) )?(?:can{A}t|cant|cannot) (?:sleep|eat|work)|been awake (?:basically |for )?(?:\d+|two|three|four|five) days|no food for (?:\d+|two|three|four|five|several) days",
        r"(?:barely|haven{A}t|hardly) (?:eaten|slept) (?:in|for) (?:a week|days|\d+ days)|can{A}t sleep more than an hour|(?:lie|lying) on the sofa all day|haven{A}t been able to (?:eat|sleep|get (?:myself )?(?:up|out of bed)|get the kids)",
        rf"unable to function|(?:not|haven{A}t) attended work|(?:i )?don{A}t (?:eat|sleep) (?:\w+ )?(?:days|weeks)",
        # "can't stop eating at night" is overeating, "stopped eating meat" a diet, "stopped eating dinner with me" company
        r"(?:decided to |i{A}ve )?(?<!n't )(?<!n’t )(?<!nt )(?<!cannot )stop(?:ped)? eating(?! (?:meat|dairy|sugar|gluten|carbs|junk|crisps|chocolate|sweets|out|late|(?:dinner|lunch|breakfast|meals?|tea) (?:with|together)))",
    ), negatable=False),
    # -- harm to others ------------------------------------------------------------------------------
    Cue("violence", "violence", "harm_to_others", _c(
        r"(?:want|wanna|going|gonna|thinking about|thoughts (?:of|about)|urges? to|fantasi[sz]e about|fantasi[sz]ing about|plan(?:ning)? to|"
        r"might|could really|dream about|feel like|i{A}ll|i will) (?:to )?(?:hurt|kill|killing|stab|stabbing|shoot|shooting|strangle|harm|harming|beat up|attack|poison|smother|drown|run over) "
        r"(?:him|her|them|my (?:\w+)|someone|somebody|people|everyone|the (?:baby|kids?|guy|girl|teacher|boss|people)|that (?:guy|girl|bitch|man|woman)|this (?:guy|girl))"
        r"(?! (?:for (?:eating|taking|being|using|not|leaving|forgetting)|lol|lmao|haha|if (?:he|she|they) (?:eats|takes|touches|forgets)))",
        r"(?:shoot|shooting) up (?:the|my|a) (?:school|office|work|class|place|mall)",
        r"(?:bring|bringing|take|taking) (?:a|my|his|dad{A}s|my dad{A}s) (?:gun|knife|rifle) to (?:school|work|class)",
        r"make (?:them|him|her|everyone) suffer", r"(?:i will|i{A}ll|going to|gonna) finish (?:him|her|them)",
        r"(?:wanting|want|wanted) to (?:hurt|hit|kill|stab) (?:him|her|them)", r"(?:i{A}m |i am )?outside (?:his|her|their) (?:house|door|work|flat) (?:now )?with",
        r"(?:putting|put) a pillow over (?:her|his) face",
        r"(?:smash|bash|kick|punch|cave) (?:his|her|their) (?:face|head|teeth) in|(?:go|going) over there with (?:the|a|my) (?:bat|knife|gun|hammer)|imagine (?:running (?:him|her|them) over|hurting|killing|stabbing)",
        r"hit a (?:man|guy|woman|stranger|someone|kid|bloke)|(?:got|have) (?:his|her) (?:home )?address|(?:keep )?picturing (?:bringing|hurting|hitting|stabbing|shooting)",
        rf"(?:i will|i{A}ll) use (?:it|if)|(?:taken|took|grabbed) a knife|(?:keep|kept) (?:it|a knife) in my (?:bag|handbag|pocket)", r"(?:intrusive )?thoughts (?:of|about) (?:hurting|harming|killing) (?:my|the) (?:baby|child|kids?|son|daughter)",
    )),
    # Round 13c: payback without a wish to hurt anyone ("make him pay", "make her regret it", "key his car", "slash his
    # tyres"): low (DATA_CARD: an endorsed wish to *hurt* someone is moderate; revenge on property or standing is not).
    Cue("payback", "intrusive", "harm_to_others", _c(
        r"make (?:them|him|her|everyone) (?:pay|regret)",
        r"(?:key|keying|keyed|scratch|scratching|smash|smashing|slash|slashing|slashed|let down|letting down|egg|egging)"
        r" (?:up )?(?:his|her|their|the) (?:\w+ )?(?:car|tyres|tires|windows?|windscreen|van|bike|paintwork)",
    )),
)

# Figures of speech that use crisis words: a cue inside one of these spans is ignored.
IDIOMS: re.Pattern[str] = _c(
    r"(?:\w+ )?(?:is|are|was|were|{A}s|{A}re|been|keeps?) (?:literally |actually |absolutely |slowly )?(?:killing|kills|killed) me",
    r"killing me(?! ?self)", r"dying (?:to|for|of|laughing)", r"(?:died|dead|die|dying|death) (?:of|from|laughing|with) (?:laughter|laughing|embarrassment|boredom|cringe|shame|jealousy|envy|the heat|happiness)",
    r"to die for(?! (?:real|good|sure|now)\b)", r"(?:shoot|shoots|shooting|shot) (?:myself|yourself|ourselves|himself|herself|themselves|me|us) in the (?:foot|feet)", r"(?:kill|killing|killed) (?:time|it|the vibe|the mood|the game|a few hours|the lights?|the engine|a bottle|the process|my buzz)",
    r"bored to death", r"(?:scared|worried|frightened|sick|love|loved|tired) (?:me )?to death", rf"(?:i{A}m|im|i am) (?:literally )?(?:dead|deceased|dying)(?: 💀| lol| lmao| 😂| haha|\s*💀)",
    r"dead (?:tired|serious|wrong|last|end|on my feet|set|center|heat|weight|beat)", r"deadline|dead ?lines?|drop dead gorgeous",
    r"(?:just )?(?:kill|shoot) me now", r"(?:i{A}d|i would|id) rather (?:die|be dead) than", r"over my dead body",
    rf"(?:my|his|her) (?:mom|mum|dad|mother|father|parents|boss|teacher|coach|wife|husband|girlfriend|boyfriend|sister|brother) (?:is going to|will|is gonna|{A}s gonna|{A}ll|would|{A}d|is gonna literally) (?:literally )?kill me(?! if i (?:leave|tell|call|report|try))",
    r"(?:phone|battery|car|laptop|plants?|battery is|charger|wifi|tv|printer|computer)(?: is| are| was)? (?:dead|dying|died)",
    r"suicide (?:squad|mission|run|doors?|prevention|hotline|awareness|rates?|statistics|bomber)", r"killer (?:app|workout|deal|party|headache)",
    r"(?:overdos\w*|od{A}?d|od{A}?ing) on (?:coffee|caffeine|sugar|netflix|tv|chocolate|candy|carbs|pizza|anime|work|memes|tiktok|haribo|sweets|snacks|crisps|junk food|cake|biscuits|energy drinks)",
    r"bridge (?:the gap|the divide|over)|burn(?:ed|t)? (?:my|the) (?:toast|dinner|food|bridges?|tongue|hand on|fingers on)",
    r"cut (?:my|the) (?:hair|bangs|nails|finger (?:while|cooking|chopping))|cut myself (?:shaving|cooking|on (?:a|the) (?:paper|can|glass|knife while))",
    r"(?:hurt|hurting) my (?:back|knee|ankle|shoulder|neck|wrist (?:at|playing|lifting)|feelings)",
    r"dying (?:battery|phone|plants?)", r"(?:could|gonna|going to|will|i{A}ll|i{A}m gonna|i{A}m going to) kill (?:him|her|them|my \w+) (?:for|lol|lmao|haha|if (?:he|she|they) (?:eats|takes|touches|forgets|uses|borrows|doesn))",
    r"i could (?:just )?die(?: of| happy)", r"die (?:a little )?inside", r"(?:a|the) (?:rope|gun|knife) (?:course|show|emoji|skills?|store|drawer)",
    r"jump (?:rope|off (?:the )?(?:diving board|dock|high dive)|in (?:the )?(?:pool|lake|shower))", r"(?:pills?|meds) (?:for|help|helps|helped) (?:my )?(?:sleep|anxiety|allergies|headaches?|blood pressure|adhd)",
    r"kill (?:two birds|the pain(?:killers?)?)|painkillers?|killer (?:instinct|smile)", r"(?:a )?(?:hanging|hang) (?:out|up|on|in there|with|around|a (?:picture|painting|shelf))",
    r"(?:sleep|sleeping|slept) (?:forever|like the dead)(?: after| this weekend| on (?:saturday|sunday))",
    r"(?:killed|kill|killing|died|die|dying) (?:myself )?(?:\w+ ){0,4}(?:\d+ times|in (?:the )?game|on (?:the|that|this) (?:same )?(?:level|boss|ledge|jump|map))",
    r"(?:essay|research|paper|article|study|studies|thesis|lecture|documentary|book|story|fanfic|searches|searched|websites?|videos?|posts?|module|course|training|awareness) (?:\w+ ){0,5}(?:on|about|of) (?:non-suicidal )?(?:self[- ]?harm\w*|self[- ]?injur\w*|suicid\w*)",
    r"ask(?:ed|s|ing)? (?:me )?(?:whether|if) i (?:ever |had |have |was |am |{A}ve |{A}m )?(?:\w+ ){0,3}(?:about )?(?:ending my life|killing myself|suicid\w*|self[- ]?harm\w*|hurting myself|wanting to die)",
    r"(?:unalived?|killed|kill) (?:the |a |that )?(?:shopkeeper|boss|npc|dragon|enemy|zombies?|character|villain)",
    r"(?:kill|kills|killed|killing) myself (?:laughing|at the gym|at work|working|studying|training|revising|over (?:this|that|it))",
    r"end(?:ing|ed)? (?:it|things) (?:with|between) (?:my|him|her|them|us|you)",
    # round 12: "die my hair" (dye), "he's dead to me", "I'd kill for a week off"
    r"(?:want(?:ed)? to |wanna |going to |gonna |will |to )?die (?:my|her|his|your|their|the) (?:hair|roots|beard|eyebrows|fringe|tips)",
    rf"(?:is|are|was|were|{A}s|{A}re|now|basically|honestly|officially|totally) (?:\w+ )?dead to (?:me|us)",
    rf"(?:i{A}d|id|i would|would) (?:literally |honestly )?kill for (?:a|an|one|some|the|just|\d+)(?! (?:\w+ )?(?:pain|hurt\w*|suffering|thoughts|voices|noise|feeling) to (?:stop|end|go away))", r"bungee\w*(?: \w+){0,4} (?:bridge|crane|tower)|bungee\w*",
    rf"(?:want to die|kill myself|i{A}m dead|dying)[.!,]?\s*\(?(?:not literally|jk|lol)",
    r"(?:researching|research(?:ing)? into|studying|teach\w*|volunteer\w*|work(?:ing)? with|mentor\w*|supporting) (?:\w+ ){0,4}(?:self[- ]?harm\w*|suicid\w*|domestic (?:violence|abuse))",
    r"(?:a|the|my|this) (?:\w+ ){0,3}(?:domestic (?:violence|abuse)|self[- ]?harm|suicide) (?:case|cases|client|clients|research|training|module|hearing|caseload)",
    r"(?:disclosed|disclosing) (?:her |his |their )?self[- ]?harm", r"(?:characters?|clients?|patients?|teens|students|kids) (?:who )?self[- ]?harms?",
    # accidents and sport injuries: the words of self-harm about something that happened to the body
    r"(?:hurt|injured|cut|burned|burnt|scratched|bruised|pulled|strained|sprained|twisted|knocked) (?:myself|my \w+)(?: \w+){0,2} "
    r"(?:at the gym|lifting|(?:playing|at) (?:football|rugby|soccer|basketball|tennis|hockey|netball|practice|training)|while (?:cooking|shaving|chopping|running|lifting|playing|training|climbing|skiing|working out|cleaning)|"
    r"cooking|shaving|chopping|by accident|on (?:a|the) (?:trampoline|treadmill|bike|stairs|ice|pitch|court))",
    r"accidentally (?:cut|hurt|burned|burnt|stabbed|scratched|injured) (?:myself|my \w+)",
    r"(?:overdid|over ?did) it at the gym",
    # round 17 (sfa17): drinking after a loss ("gonna drown my sorrows at the pub"): an idiom, not a method
    # (not "X will be the death of me": masking it raised the n-gram heads on a long conversation they read as none)
    r"drown(?:ing|ed|s)? (?:my|our|his|her|their|your|me|the|some) (?:own )?sorrows",
    # taking medication as prescribed: a means only in a suicidal context, not in adherence
    r"(?:took|take|taking|have taken|started taking|been taking|remembered to take|forgot to take|forgot) my (?:meds|medication|medicine|pills|tablets|antidepressants?|dose|prescription|inhaler)"
    r"(?: \w+){0,3}? (?:this morning|today|tonight|as prescribed|like (?:my|the) (?:doctor|gp|psychiatrist|nurse) (?:said|told me|prescribed|asked)|on time|every (?:day|morning|night|evening)|with (?:breakfast|food|dinner|lunch)|again)",
)

# A negator among the few words before a cue negates it, unless it starts one of these phrases.
NEGATORS: frozenset[str] = frozenset({
    "not", "never", "no", "don't", "dont", "do", "didn't", "didnt", "won't", "wont", "wouldn't", "wouldnt", "isn't",
    "aren't", "wasn't", "nor", "without", "cannot", "stopped", "quit", "zero", "hardly",
})
NEGATION_EXCEPTIONS: re.Pattern[str] = compile_fast(
    rf"(?:not|don{A}t|dont) (?:sure|know|understand|get|think i can|care|even know|gonna lie|going to lie|lie)"
    rf"|(?:can{A}t|cannot|can not|couldn{A}t|cant) (?:stop|help|shake|get rid|escape|keep|quit|get (?:it|this|these) out)"
    rf"|no (?:one|body|longer|more|matter|point|reason|better|worse|different|idea)|nobody|not (?:only|just)|never (?:mind|felt|been this)",
    re.IGNORECASE,
)

# A cue in a sentence with one of these is a past episode, unless the sentence also says it is current.
PAST: re.Pattern[str] = _c(
    r"used to", r"years? ago", r"(?:\d+|a few|a couple of|several|many|two|three|four|five|six|ten) (?:years|yrs|months) ago",
    r"when i was (?:younger|little|a kid|a teen|a teenager|in (?:high school|middle school|college|school|uni)|\d+|[a-z]+teen)",
    r"in (?:high school|middle school|college|uni|my teens|my twenties|my 20s|\d{4})", r"back in (?:the day|\d{4}|high school|college|school)",
    r"as a (?:teen|teenager|kid|child)", r"(?:long|a long) time ago", r"in the past", r"(?:clean|sober|free) (?:for|since)",
    rf"haven{A}t (?:cut|self[- ]?harmed|done (?:that|it)|had (?:those|these|any) (?:thoughts|urges)|felt (?:that|like that)) (?:in|for|since)",
    r"(?:recovered|recovery|got (?:help|better|through it)|made it through|survived it|came out the other side)",
    r"(?:my|that) (?:old|past) (?:self|life)", r"once,? (?:long|years)", r"decades? ago", r"way back",
    # round 12: a childhood or an age named in words ("when I was growing up", "an overdose at nineteen")
    r"(?:when i was )?growing up", r"at (?:the age of |age )?(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)",
)
# Round 12: a recovery anniversary ("six years free from self-harm today", "5 years clean from cutting", "five years
# ago this month I tried"): the episode is past even though "today" or "this month" is in the sentence, unless the
# sentence also says it is back (a relapse, urges, "again"; ANNIVERSARY_VETO).
ANNIVERSARY: re.Pattern[str] = _c(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty) (?:full )?(?:years?|yrs|months) "
    r"(?:(?:ago )?(?:this (?:month|week)|today)|clean|free|sober|no|without|since (?:i|my) last)",
)
ANNIVERSARY_VETO: re.Pattern[str] = _c(
    r"again", r"relaps\w*", r"urges?", r"(?:came|coming|are|is) back", r"slipped", r"thinking about (?:it|doing it)",
    r"want(?:ed)? to (?:do it|cut|die)",
    r"after (?:\w+ )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty) (?:full )?(?:years?|yrs|months?|weeks?|days?)",
    r"(?:broke|broken|lost|ended|reset) (?:my |the )?(?:streak|record|run)", r"until|till|til",
)
CURRENT: re.Pattern[str] = _c(
    r"again", r"relaps\w*", r"lately", r"recently", r"these days", r"this (?:week|month|morning|year)", r"last (?:night|week|weekend)",
    r"yesterday", r"today", r"tonight", r"still", r"started (?:\w+ )?again", r"back to", r"coming back", r"came back",
    r"right now", r"rn", r"currently", r"anymore", r"thinking about it", r"now i", r"since then i{A}?ve been",
    # round 12b: a recent date beside an old one ("I thought I'd left this behind in my twenties, but two weeks ago I
    # burned my arm"): the card's recent act keeps its own floor
    r"(?:a|one|two|three|four|five|six|\d) (?:days?|weeks?) ago", r"(?:a|one|two|three|four|five|six|\d) (?:days?|weeks?) back",
    r"last (?:month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
)
