# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round 21: an everyday injury told in the words of self-harm, read as the accident it is.

"cut my finger on a tin can lol", "Sliced my thumb open dicing onions, blood everywhere", "smashed a glass and cut my
palm, might need stitches": an injury with an ordinary occasion named beside it (a tin, a glass that broke, the
vegetables being chopped, a fall, a pet). :func:`accident_spans` finds the stretch from the injury to its occasion; the
tracker sets it aside like an idiom: no cue inside it counts, and the learned heads and the opt-in risk encoder, which
read the rules' view (:mod:`.view`), read a comma there.

The occasion must be the occasion, not the instrument: "cut my arm with a knife" and "used glass" stay self-harm, and
"on a tin", "while chopping", "smashed a glass and" do not name a tool chosen for the injury. A sentence that says the
injury was meant ("on purpose", "deliberately", "wanted to", urges, a relapse), denies or wishes for an accident, or
tells a cover story ("told mum I cut it chopping veg") has no accident span (:data:`MEANT`).
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from ._text import sentence_of
from .lexicon import A

__all__ = ["ACCIDENT_OCCASION", "DONE_BY_OTHER", "MEANT", "accident_spans"]

# the injury done to the speaker's own body
_INJURY = (r"(?:cut|cuts|cutting|sliced|slicing|slashed|nicked|nicking|gashed|stabbed|jabbed|scratched|grazed|split|ripped|tore|"
           r"burn(?:ed|t|s|ing)?|scald(?:ed|ing)?|singed|blister(?:ed)?|smashed|bashed|whacked|banged|hit|caught|trapped|shut) "
           r"(?:(?:the )?(?:tip|top|side|end|back|skin) (?:of|off) )?(?:myself|my (?:\w+ )?\w+)")
# an ordinary object or task the injury happened on or during (never a tool taken up for it: no "with")
_OBJECT = (r"(?:tin|tins|can|cans|tin can|can lid|tin lid|lid|broken glass|glass|glasses|wine glass|mug|plate|bowl|bottle|jar|mirror|window|"
           r"mandoline|grater|peeler|can opener|tin opener|food processor|blender|onions?|veg|vegetables?|carrots?|potato(?:es)?|bagel|avocado|"
           r"bread|meat|chicken|pumpkin|squash|oven|oven door|hob|stove|grill|pan|frying pan|saucepan|kettle|toaster|iron|straighteners|"
           r"curling (?:iron|wand)|baking tray|oven tray|tray|hot oil|steam|boiling water|nail|nails|screw|drill|saw|hammer|stanley knife|"
           r"box cutter|box|boxes|parcel|package|paper|cardboard|fence|barbed wire|thorns?|brambles?|rose ?bush(?:es)?|hedge|shed|"
           r"garden|car door|door|drawer|cupboard|bike|skateboard|scooter|ladder|stairs|steps|pavement|kerb|curb|ice|pitch|court|"
           r"trampoline|treadmill|rock|rocks|climbing wall|sink|dishes|dishwasher|washing up)")
_TASK = (r"(?:cooking|chopping|slicing|dicing|peeling|grating|carving (?:the|a) (?:\w+ )?(?:turkey|chicken|joint|roast|pumpkin)|baking|"
         r"shaving|gardening|pruning|weeding|diy|woodwork|opening|unpacking|making|doing|fixing|building|putting up|assembling|"
         r"clearing up|cleaning up|picking up|washing up|tidying|climbing|cycling|skating|skateboarding|playing|training|at (?:work|the gym|practice))")
_DET = r"(?:(?:a|an|the|my|some|this|that|his|her|our|their|mum{A}?s|mom{A}?s|dad{A}?s) )?(?:\w+ )?"
# "the knife slipped", "smashed a glass", "fell off my bike", "the cat scratched me"
_EVENT = (r"(?:(?:the |my )?(?:knife|blade|peeler|mandoline|grater|saw|drill|can opener|tin opener|lid|glass|tin) (?:slipped|slips|caught|broke|shattered)"
          rf"|(?:smashed|dropped|broke|knocked over|knocked|shattered) {_DET}(?:glass|mug|plate|bowl|bottle|jar|mirror|window|vase)"
          r"|(?:was|were|while|when|i was|i{A}?m|im) (?:\w+ )?(?:chopping|slicing|dicing|peeling|grating|cooking|opening|shaving|gardening|pruning|fixing|unpacking|climbing|cycling|skating)"
          r"|fell (?:off|over|down|from|on)|tripped|slipped (?:on|over|off)|came off (?:my|the) (?:bike|scooter|skateboard|horse)"
          r"|(?:the|my|our|a|his|her) (?:dog|cat|puppy|kitten|hamster|rabbit|parrot|horse|pony|guinea pig) (?:bit|scratched|nipped|clawed))")
_PET = r"(?:the|my|our|a|his|her) (?:dog|cat|puppy|kitten|hamster|rabbit|parrot|horse|pony|guinea pig) (?:bit|scratched|nipped|clawed) (?:me|my \w+)"
# what the injury did, told in the same sentence ("blood everywhere", "might need stitches", "pretty deep")
_BLEED_TAIL = r"(?:[^.!?\n]{0,50}?\b(?:blood\w*|bleed\w*|bled|stitches|plaster|a&e|deep|deeply|badly|gaping)\b(?: \w+){0,2})?"
ACCIDENT_OCCASION: re.Pattern[str] = compile_fast(
    (rf"\b{_INJURY}\b[^.!?\n]{{0,40}}?\b(?:(?:on|off|in|from|opening|under) {_DET}{_OBJECT}|{_TASK}(?: {_DET}{_OBJECT})?)\b{_BLEED_TAIL}"
     rf"|\b{_PET}\b{_BLEED_TAIL}"
     rf"|\b{_EVENT}\b[^.!?\n]{{0,40}}?\b(?:{_INJURY}|(?:bit|scratched|nipped) me|(?:blood|bleeding|bled)\b){_BLEED_TAIL}").replace("{A}", A),
    re.IGNORECASE,
)
# the injury was meant, an accident denied or wished for, or the accident is a cover story
MEANT: re.Pattern[str] = compile_fast(
    r"\b(?:on purpose|deliberately|intentionally|purposely|purposefully|urges?|relaps\w*|slipped up"
    r"|(?:(?:wanted|want|meant|needed) to|made myself) (?:\w+ )?(?:hurt|cut|burn|bleed|feel|see|punish|do it|die)"
    r"|(?:wasn{A}?t|was not|isn{A}?t|is not|not|never|no) (?:an? |really |exactly |by )?accident\w*|wish\w* (?:\w+ ){0,4}(?:accident\w*|deeper|worse|died|dead)"
    r"|pretend\w*|cover story|excuse|lied|lie to|lying to|lie about|made (?:it )?look|make (?:it )?look|pass\w* (?:it )?off"
    r"|(?:told|tell|telling|said|say|saying|claimed|claim) (?:\w+ ){0,3}?(?:that )?(?:it was|it{A}s|its|i(?:{A}d| had)?) "
    r"|felt (?:good|calm|calmer)|(?:felt|feel|such a) (?:relief|relieved|release))\b".replace("{A}", A),
    re.IGNORECASE,
)


# someone else did it ("he smashed a glass and cut my arm", "she threw the kettle at me"): abuse, never an accident;
# or the tool is named (below)
DONE_BY_OTHER: re.Pattern[str] = compile_fast(
    r"\b(?:he|she|they|(?:my|our|her|his) (?:\w+ )?(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|dad|mum|mom|father|mother|"
    r"step-?dad|step-?mum|step-?mom|brother|sister|ex|uncle|aunt|son|daughter|flatmate|roommate|boss))\b(?: \w+){0,3} "
    r"(?:threw|throws|pushed|pushes|shoved|hit|hits|smashed|slammed|grabbed|cut|burn\w*|attacked|kicked|punched|made me|held|pinned|swung)\b"
    r"|\bat me\b|\bon purpose\b"
    # a cutting tool named as what the injury was done with ("cut my arm with a knife while everyone was cooking")
    r"|\bwith (?:(?:a|an|the|my|some|his|her|this|that|a new|a sharp) )?(?:\w+ )?(?:knife|knives|blade|blades|razor|razors|sharpener|"
    r"scissors|compass|lighter|needle|pin|shard|scalpel|box cutter|stanley knife)\b",
    re.IGNORECASE,
)


def accident_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that tell an everyday injury with its occasion, in sentences that do not say it was meant."""
    out: list[tuple[int, int]] = []
    for m in ACCIDENT_OCCASION.finditer(text):
        ss, se = sentence_of(text, m.start(), m.end())
        if MEANT.search(text, ss, se) is None and DONE_BY_OTHER.search(text, ss, se) is None:
            out.append((m.start(), m.end()))
    return out

