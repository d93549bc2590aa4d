# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Round-4 cue families: acts, means and coercion described without the usual crisis words.

Written from clinical categories (CLINICAL.md), each family general rather than one sentence: stockpiling
and keeping a means, rehearsal at a height, being at a height now, self-harm by other means (swallowing
objects, head-banging, burning, purging), life-sustaining treatment stopped to die, coercive control and
sexual coercion, physical abuse acts with an object or a push, violence the user did or is arming for,
days without any sleep in learner English. :data:`ACT_CUES` extends the tracker's cues.
"""

from __future__ import annotations

from .lexicon import _SUI, ABUSER, PILLS, A, Cue, _c

__all__ = ["ACT_CUES"]

_WEAPON = r"(?:machete|knuckle ?duster|knife|knives|bat|bats|baseball bat|crowbar|hammer|gun|pistol|revolver|rifle|shotgun|air rifle|taser)"
_LOVED = (r"(?:her|him|them|my (?:late |beautiful |baby |little |lovely |sweet )?(?:mum|mom|mam|mother|dad|father|da|papa|mama|"
          r"wife|husband|partner|son|daughter|baby|boy|girl|brother|sister|twin|nan|nana|gran|granny|grandma|grandad|"
          r"grandpa|grandmother|grandfather|best friend|friend|fianc[eé]e?|bf|gf|boyfriend|girlfriend|dog|cat|angel)|mum|mom|dad|mam)")
_PLACE = (r"(?:station|platform|(?:train |railway )?tracks|railway|level crossing|roof|rooftop|bridge|cliffs?|cliff ?top|"
          r"top floor|top of (?:the|a) (?:\w+ )?(?:car park|multi-?stor(?:e)?y|building|tower|cliff|block)|multi-?stor(?:e)?y|"
          r"car park roof|overpass|pier|quarry|viaduct)")
_PET = (r"(?:dog|cat|rabbit|bunny|hamster|guinea pigs?|budgie|parrot|bird|fish|tortoise|turtle|snake|lizard|gecko|horse|pony|"
        r"kitten|puppy|pets?|rats?|ferret)")
_HEIGHT = r"(?:bridge|brige|roof|rooftop|ledge|edge|cliff|cliff edge|top floor|multi-?storey|car park roof|overpass|tracks|railway line|platform edge)"

# Who may touch the user unwanted, beside the family and carers ABUSER names.
TOUCHER = (r"(?:my|the|a|this|that|some|one) (?:\w+ )?(?:boss|manager|supervisor|teacher|coach|tutor|colleague|"
           r"co-?worker|guy|man|bloke|lad|landlord|neighbou?r|stranger|driver|customer|client|priest|doctor|instructor)")

ACT_CUES: tuple[Cue, ...] = (
    # Keeping or collecting a means: accumulation, hiding, or "just in case" beside pills.
    Cue("stockpile", "prep", "suicide", _c(
        rf"(?:buying|bought|collecting|collected|saving|saved|stashing|stashed|hoarding|hiding|hid|keeping|kept|adding to) (?:up )?(?:a |an |the |my |some |extra )?(?:\w+ )?(?:packs?|box(?:es)?|strips?|bottles?|blister packs?) (?:of )?(?:\w+ )?{PILLS}?[^.!?\n]{{0,40}}(?:every time|each time|different (?:shops|chemists|pharmacies|stores)|under my (?:bed|mattress)|in my (?:drawer|sock drawer|wardrobe)|so (?:they|nobody|no one) (?:don{A}t|doesn{A}t|won{A}t|wont|dont) notice|just in case|now)",
        r"different (?:shops|chemists|pharmacies|stores) so (?:they|nobody|no one|the staff) (?:don{A}t|doesn{A}t|won{A}t|wont|dont|can{A}t) (?:notice|ask|clock)",
        r"(?:haven{A}t|have not|never) thrown (?:them|the old ones|it) (?:away|out)[^\n]{0,80}(?:adding to|saving|keep(?:ing)? them|just in case)",
        rf"(?:got|have|i{A}ve got) (?:like |about |nearly |almost )?(?:\d+|six|seven|eight|ten|twenty|loads of|a lot of) (?:packs|boxes|strips|bottles) (?:of \w+ )?(?:now|saved|hidden|stashed|under)",
        # a few put aside from each refill, towards a stash (round 12): "putting aside a few every week... a decent stash"
        r"(?:putting|put|setting|set|tucking|tucked|keep|keeping|kept|holding|hold) (?:aside|by|away|back) (?:a few|some|one|two|a couple)(?: of (?:them|mine|each))? "
        r"(?:every|each|a|from every|from each) (?:week|day|month|refill|prescription|time)[^.!?\n]{0,80}(?:stash|supply|saved up|in case|enough)",
    ), self_only=False),
    # Rehearsal: standing at a height's edge, testing whether one could, practising.
    Cue("rehearsal", "prep", "suicide", _c(
        rf"(?:stood|standing|stand|sat|sit|sitting) (?:right )?(?:at|on|by|near) the (?:very )?(?:edge|ledge|railing|{_HEIGHT})[^.!?\n]{{0,60}}(?:look(?:ing|ed)? down|for (?:about |like )?(?:an hour|half an hour|\d+ ?(?:mins?|minutes)|ages|a while|a long time|twenty minutes|ten minutes)|didn{A}t jump|testing|practi[sc]|could do it|whether i could)",
        r"(?:testing|test|tested|practi[sc]ing|practi[sc]ed|rehears(?:ing|ed|al)) (?:whether|if|how) i (?:could|can|would) (?:do it|go through|jump|actually)",
        r"(?:didn{A}t|did not|couldn{A}t) jump[^.!?\n]{0,20}(?:practi[sc]ing|this time|yet)", r"practi[sc]ing,? i guess",
        rf"(?:went|go|been|drove|walked|keep going) (?:up )?to the (?:\w+ )?{_HEIGHT}[^.!?\n]{{0,60}}(?:(?:stood|stand|standing) (?:right )?at the edge|look(?:ing|ed)? (?:down|over)|(?:to|and) (?:see|check) how high)",
        rf"(?:was|i was|been) on the (?:\w+ )?{_HEIGHT}[^.!?\n]{{0,60}}(?:told me to come down|talked me down|pulled me back|asked if i was (?:ok|okay|alright))",
    ), self_only=False),
    # At a height now, looking down, not knowing why one came.
    Cue("at_height_now", "in_progress", "suicide", _c(
        rf"(?:i{A}m|im|i am) (?:on|at|standing on|sitting on) (?:the|a) (?:\w+ )?{_HEIGHT}[^\n]{{0,60}}(?:look(?:ing)? down|keep looking|came here|want to jump|gonna jump|going to jump|how high|the water|phone{A}?s? (?:nearly |almost )?dead)",
    ), self_only=False),
    # Self-harm by other means.
    Cue("nssi_other", "nssi", "self_harm", _c(
        r"swallow(?:ed|ing|s)? (?:small things|things like|objects|batteries|two batteries|a battery|pins|needles|glass|screws|nails|coins|razor blades)",
        r"(?:bang(?:ed|ing|s)?|hit(?:ting)?|smash(?:ed|ing)?) my head (?:against|on|into) (?:the|a) (?:wall|floor|door|desk|mirror)",
        r"(?:burn(?:ed|t|ing)?|pinch(?:ed|ing)?|scratch(?:ed|ing)?)(?: and (?:burn(?:ed|t|ing)?|pinch(?:ed|ing)?|scratch(?:ed|ing)?))? (?:the (?:bits|parts) of )?my (?:skin|arms?|legs?|thighs?|stomach|wrists?|hands?)[^.!?\n]{0,40}(?:(?:with|using) (?:a |my )?(?:hair straighteners?|straighteners?|lighter|cigarette|iron|hot (?:spoon|knife))|(?:i|that i) hate|until|till|til|on purpose)",
        r"(?:cut|cutting|slashed|sliced|carved) (?:up )?my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|stomach|hip|hips)(?! (?:on|open on|when i fell|in the accident))",
        r"(?:making|made|make) myself (?:sick|throw up|vomit) (?:when|after|every|if)|purg(?:e|ed|ing) (?:after|every|when|again)",
        # round 13c: calorie restriction alone ("600 cals a day for 3 weeks") is functional impairment (lexicon_extra
        # ``impairment_days``), not self-harm: DATA_CARD gives self_harm only beside an act such as cutting or purging
    )),
    # Life-sustaining treatment stopped so as to die.
    Cue("stop_treatment", "ideation", "suicide", _c(
        r"(?:let|want|wanting|waiting for) nature (?:to )?take its course",
        r"stopped (?:taking|using) my (?:heart|blood pressure|insulin|diabetes|kidney|transplant|epilepsy|seizure|blood thinning|warfarin) (?:tablets|pills|meds|medication|injections)[^\n]{0,60}(?:on purpose|so (?:that )?i|to die|what{A}?s the point|haven{A}t told|not told|nature)",
        # round 13b: the medicine named alone, and a stop meant for good ("stopped taking my insulin on Sunday and
        # I'm not going to start again"); "stopped my insulin because the GP changed it" names no intent
        r"stopped (?:taking |using |injecting )?my (?:insulin|dialysis|warfarin|blood thinners|(?:heart|blood pressure|diabetes|kidney|transplant|epilepsy|seizure|anti-?rejection) (?:tablets|pills|meds|medication|injections))"
        rf"[^\n]{{0,60}}(?:(?:not|never) (?:going to|gonna) (?:start|take|restart) (?:it |them )?again|won{A}?t (?:be )?(?:start|restart|tak)\w* (?:it |them )?again|for good)",
    )),
    Cue("ideation_acts", "ideation", "suicide", _c(
        rf"{_SUI} (?:has|have|had) been on my mind", rf"{_SUI} (?:keeps|kept) (?:coming into|crossing) my mind",
        rf"(?:i{A}ve been|been|i keep) (?:reading|looking up|researching) (?:a lot )?(?:about )?(?:the )?(?:different )?(?:ways|methods) (?:to|of)? ?(?:do it|die|go)?",
    )),
    # Affairs put in order with farewell framing.
    Cue("prep_affairs", "prep", "suicide", _c(
        r"(?:a|one) (?:letter|note|card) for each of (?:the|my) (?:boys|girls|kids|children|grandchildren|family)",
        # letters left for the people one loves to read later, saying it was not their fault (round 12)
        r"(?:letters?|notes?|cards?) (?:to|for) (?:my|the|both my|each of my) (?:\w+ )?(?:boys|girls|kids|children|sons?|daughters?|grandchildren|family|wife|husband|partner|parents|mum|mom|dad)"
        r"(?:(?!divorc|separat|split|break ?up|mov(?:e|ing) )[^\n]){0,160}(?:(?:wasn{A}t|isn{A}t|was not|is not|wasnt|isnt) (?:their|your|his|her) fault|when (?:i{A}m|im|i am) gone|after i{A}m gone)",
        r"(?:put|putting|got|getting) (?:all )?(?:my affairs|everything) in order[^.!?\n]{0,40}(?:will|letters?|bank|passwords|funeral)",
        r"(?:sorted|put) the paperwork[^.!?\n]{0,40}for whoever",
        r"(?:all in one|in a) folder for whoever",
    ), self_only=False),
    # Coercive control, exploitation, sexual coercion.
    Cue("coercion", "abuse", "abuse", _c(
        rf"{ABUSER} (?:reads|checks|goes through|went through|monitors) (?:all )?my (?:messages|texts|phone|emails|dms)",
        rf"(?:not|isn{A}t|never|am not|i{A}m not) (?:allowed|permitted|let) (?:to )?(?:see|go out|go (?:out )?alone|leave|have|talk to|visit|call|use)",
        rf"{ABUSER} (?:does not|doesn{A}t|won{A}t|will not|never) let me (?:go out|go anywhere|leave|see|call|visit)",
        rf"{ABUSER} (?:has|keeps|took|taken|holds) my (?:phone|passport|documents|id|papers|wages|bank cards?|cards)",
        r"(?:threatens?|threatened|threatening) to (?:put me in a home|kick me out|take (?:the|my) (?:kids|children|baby)|send me back|report me|leave me with nothing|tell everyone)",
        r"(?:pressur(?:e|es|ing|ed)|push(?:es|ing)|forc(?:e|es|ing)) me (?:to|into) (?:do (?:stuff|things)|have sex|sex|send|sleep with)",
        r"(?:keeps?|kept) (?:pressuring|pushing|on at) me (?:to|about) (?:do (?:stuff|things)|sex|send)",
        r"(?:asking|asks|wants|wanted|begging) me (?:to )?send (?:him |her )?(?:pics|pictures|photos|nudes|videos)",
        r"(?:keeps?|kept|keeps on) (?:\w+ )?(?:asking|pressuring|pushing|begging|on at) (?:me )?(?:for|to send|about) (?:nudes|naked (?:pics|photos|pictures))",
        r"(?:held|holds|hold|pinned|pins) my (?:wrists|arms|hands) (?:down|behind)",
        r"(?:instead of|in place of|for) (?:the )?rent[^.!?\n]{0,40}(?:sex|sleep with|company)|skip (?:the )?rent if i",
        r"(?:comes|came|let himself|let herself) in without knocking|has a key and",
        r"(?:raises|raised|raising|shakes|shook) (?:his|her) fist",
        r"(?:i feel|feel|i am|like a|i{A}m) (?:like (?:a )?)?prisoner",
        r"(?:only|just) one meal (?:every|a) (?:two|three|\d+) days|(?:gives?|give) me only one meal",
    ), self_only=False),
    Cue("abuse_acts", "abuse", "abuse", _c(
        rf"{ABUSER} (?:pushed|shoved|threw|kicked) me (?:down|into|against|off|out)",
        r"(?:pushed|shoved|threw) me (?:down the stairs|into (?:the|a) wall|against)",
        rf"{ABUSER} (?:push|pushes|pushed|held|holds|pressed|put) my (?:hand|arm|face|head) (?:on|onto|in|into|under|against) (?:the )?(?:hot|stove|pan|oven|iron|water|wall)",
        r"(?:threw|throws|throwing|chucked) (?:a|the|his|her) (?:\w+ )?(?:mug|plate|glass|bottle|phone|chair|shoe|remote) at me",
        r"(?:told|tell|telling) the (?:hospital|doctor|nurse|a&e|school|teacher) (?:that )?i (?:tripped|fell|burn(?:ed|t)? it|walked into)",
        r"(?:squeezed|squeezing|grabbed|grabbing) my (?:throat|neck)",
    ), self_only=False),
    # Abuse without a blow (CLINICAL.md: "being abused or unsafe"): partner monitoring, financial and elder abuse,
    # withheld medication, unwanted sexual touching, threats to share intimate images, objects thrown at one's
    # head, a door being broken in. Each names the user as the one it is done to ("me", "my").
    Cue("abuse_control", "abuse", "abuse", _c(
        rf"{ABUSER} (?:checks|tracks|monitors|goes through|went through|searches|searched) (?:all )?my (?:location|whereabouts|bag|purse|wallet|bank (?:account|statements?)|receipts|browser history|car)",
        r"(?:tracks|tracking|tracked|monitors|monitoring) (?:all )?my (?:location|phone|whereabouts|every move)|(?:checks|checking) my (?:location|whereabouts) (?:all|every|constantly|the whole)",
        r"(?:takes|took|taking|keeps|kept|keeping|controls|controlling) (?:all (?:of )?|the whole of |my whole |my entire |my )(?:my )?(?:wages?|salary|pay|paycheck|pension|benefits|savings)",
        r"[\"'“‘]?(?:borrow|borrows|borrowing|borrowed)[\"'”’]? (?:money|cash|\w+ pounds|\w+ dollars) (?:from|out of) my (?:purse|wallet|account|bank|pension|savings)|(?:steals|stealing|stole|taking|takes|took) (?:money |cash )(?:from|out of) my (?:purse|wallet|account|bank|pension|savings)",
        r"(?:have|has|had) to show (?:him|her|them) (?:the )?receipts|(?:gets|got|goes|went) (?:cross|angry|mad|nasty|aggressive) (?:when|if) i ask (?:where|about|for) (?:the |my )?(?:money|card|pension|wages?)",
        r"(?:stopped|stops|won{A}t|doesn{A}t|refuses? to|not) (?:giving|give|let(?:ting)? me have) me my (?:tablets|pills|meds|medication|insulin|inhaler|heart pills)|(?:hides|hid|hiding|withholds?|withholding) my (?:tablets|pills|meds|medication|insulin|inhaler|walking frame|walker|hearing aids?|food)",
        # someone does it ("he keeps touching my thighs"), not "anxiety squeezing my chest" or "rubbing my legs"
        rf"(?:{ABUSER}|{TOUCHER})(?: \w+){{0,2}} (?:touch\w*|grop\w*|grabb?\w*|rubb?\w*|strok\w*|squeez\w*) (?:me on )?my (?:waist|legs?|thighs?|bum|butt|ass|bottom|breasts?|boobs|chest|hips?|crotch|privates)",
        r"(?:coming|comes|came|come) in(?:to)? my (?:room|bedroom|bed|bathroom) (?:at night|when i{A}?m (?:asleep|in bed|changing|in the shower)|while i{A}?m)",
        r"(?:post|posting|share|sharing|leak|leaking|send|sending|show|showing|upload|uploading|put|putting)s? (?:my|our|the|those) (?:private|intimate|naked|nude|sexy) (?:photos|pics|pictures|videos|vids|images)|(?:post|share|leak|send)(?:s|ing|ed)? my nudes",
        r"(?:threw|throws|throwing|thrown|chucked|hurled|smashed|swung)[^.!?\n]{0,40}(?:next to|beside|near|past|inches from|just missed) my (?:head|face)",
        r"(?:yells|yelled|screams|screamed|shouts|shouted) at me (?:and|then) (?:threw|hit|broke|smashed|punched)",
        rf"{ABUSER}(?:{A}s| is| was)?(?: keeps| kept| started| tried to| trying to)? (?:kick\w*|smash\w*|bash\w*|break\w*|broke) (?:(?:down|in) (?:the|my|our) (?:\w+ )?door|(?:the|my|our) (?:\w+ )?door (?:in|down))",
        r"(?:he|she|they){A}?(?:ll| will| would|{A}d) (?:hurt|kill) my \w+ if i",
    ), self_only=False),
    # Violence the user did, or is arming for.
    Cue("violence_acts", "violence", "harm_to_others", _c(
        r"(?:i )?(?:punched|glassed|stabbed|headbutted|slapped|battered|bottled) (?:a|the|some|this|that|my) (?:guy|bloke|lad|man|woman|girl|kid|girlfriend|boyfriend|wife|husband|partner|stranger)",
        r"(?:knocked|knocking) (?:a|some|this|the) (?:guy|bloke|lad|man|kid) (?:out|unconscious)|broke (?:his|her) (?:nose|jaw|ribs?)",
        r"(?:want|wanting|up for) round two", r"(?:gonna|going to|will) jump (?:him|her|them) (?:after|when|at|on)",
        r"(?:he|she|they){A}?(?:s|re| is| are)? (?:gonna|going to) (?:learn|pay for (?:it|this|that))",
        r"(?:i{A}m|im|i am|i{A}ll be|gonna be) (?:going to be )?waiting for (?:him|her|them)",
        r"next time i (?:catch|see) (?:him|her|them)[^.!?\n]{0,30}(?:she{A}ll|he{A}ll|they{A}ll|i{A}ll|see it|regret)",
        r"(?:put|putting|slip|slipping) (?:it|something|\w+) (?:in|into) (?:his|her|their) (?:tea|drink|food|coffee|dinner)",
        r"(?:wouldn{A}t|won{A}t|doesn{A}t|don{A}t) show up (?:easily )?(?:in|on) (?:a )?(?:test|tox|blood|post-mortem|autopsy)|wouldn{A}t show up easily",
        r"(?:lost my temper|snapped) and (?:hit|slapped|punched|kicked|pushed|shoved|choked|strangled)",
        r"(?:frightened|scared|afraid) of myself",
    )),
    Cue("weapon_ready", "method", "harm_to_others", _c(
        rf"(?:got|bought|buying|have|taken|took|fetched|brought|grabbed|borrowed) (?:a |my |the |an |his |her |me a |my \w+{A}?s? |my (?:old )?\w+ )?(?:old )?(?:\w+ )?{_WEAPON}(?: out)?",
        rf"{_WEAPON}{A}?s? (?:is |are )?(?:on|in) the (?:passenger seat|boot|trunk|back seat|glovebox|car)",
    ), self_only=False),
    # Days without any sleep, stated with an emphasis that there was none at all.
    Cue("impairment_total", "impairment", "functional_impairment", _c(
        r"(?:\d+|two|three|four|five|six) (?:nights?|days?) (?:i )?(?:don{A}t|do not|didn{A}t|did not|no) sleep(?: even| at all| literally|[^.!?\n]{0,15}(?:even one hour|not even|zero|\b0\b))",
        r"(?:\d+|two|three|four|five|six) nights? no sleep (?:literally|at all|not even)",
        rf"(?:for|since) (?:one|a|1|two|2) weeks? i (?:cannot|can{A}t|cant|could not|couldn{A}t) take care",
    ), negatable=False),
    # Round 7: an adult soliciting a minor (grooming). The request names the asker, not the user, so the cue is
    # not self-only; it needs an age marker (the user a minor, or the asker an adult), lexicon_frames.MESSAGE_CONTEXT_*.
    Cue("grooming", "abuse", "abuse", _c(
        r"(?:keeps?|kept|keeps on|started|always|been|is|are|has been) (?:\w+ )?asking (?:me )?(?:for|to send|to take) (?:more |some |a few |private |special )?(?:pics|pictures|photos|nudes|videos|vids|selfies|snaps)",
        r"(?:asks?|asked|wants?|wanted|begs?|begged) (?:me )?for (?:more |some |a few |private |special )?(?:pics|pictures|photos|nudes|videos|vids|selfies|snaps)",
        rf"(?:says|said|told me|tells me|keeps saying) (?:i{A}?m|im|i am) (?:really |so |very |super )?(?:mature|grown up|not like other girls|not like other boys) for my age",
        rf"(?:says|said|told me|tells me) (?:it{A}?s|its|it is|this is) (?:our|a) (?:little |special )?secret",
        r"wants? (?:me )?to (?:meet|meet up|hang out|come over)(?: with)?(?: him| her| them)? (?:in person|irl|alone|at (?:his|her) (?:place|house|flat|car))",
    ), self_only=False),
    # Round 7: the state that came before a past attempt returning now ("feel the way I did right before", "the
    # thoughts are back"); it needs a past attempt in the message (lexicon_frames.MESSAGE_CONTEXT_NEEDS).
    Cue("recurrence", "ideation", "suicide", _c(
        rf"(?:feel|feeling|feels|felt|i{A}?m feeling|getting|starting to feel|it{A}?s|its) (?:exactly |just |kind of |kinda |a lot |so much )?(?:the same(?: way)?(?: (?:as|that))?(?: i (?:did|felt))?|like i (?:did|felt)|how i (?:felt|did)|the way i (?:felt|did)) (?:\w+ ){{0,3}}?(?:(?:right |just )?before|last time|back then|that time)",
        r"(?:the|those|that|same|old|my) (?:dark )?(?:thoughts|feelings|urges|voices|plans?) (?:are|is|have|has|r) (?:been )?(?:coming |come |creeping |crept )?back",
        rf"(?:it{A}?s|its|everything{A}?s|everything is) (?:happening|starting|building up|going) (?:all )?(?:over )?again",
        r"(?:the )?(?:same|old) (?:\w+ ){0,2}(?:as|like|from) (?:back then|before|last time)[^.!?\n]{0,30}(?:again|back)",
    ), self_only=False, negatable=False),
    # Round 6 (each needs a message context and has message-level exclusions, lexicon_frames.MESSAGE_CONTEXT_*).
    # Wanting to be reunited soon with someone who died, beside a death or giving-up context.
    Cue("reunion", "finality", "suicide", _c(
        rf"(?:gonna|going to|will|i{A}ll|ill|get to|about to|want to|wanna|ready to|can{A}t wait to|cant wait to|hope to|"
        rf"i{A}?m going to|i{A}?m gonna|soon i{A}?ll) (?:finally )?(?:be with|see|hold|hug|join|be reunited with|be back with) "
        rf"{_LOVED}(?: again)? (?:soon|very soon|tonight|shortly|before long|any day now|now)",
        rf"(?:coming|on my way|heading) (?:to (?:be with|see|join) )?(?:to )?{_LOVED}(?: soon| now| tonight)",
        rf"(?:{_LOVED}|she|he|they)(?: is| are|{A}s|{A}re) (?:still )?waiting for me",
        rf"(?:see|be with|join|hold) {_LOVED}(?: again)? (?:up there|on the other side|in heaven)(?: soon| tonight| now)",
    ), self_only=False, negatable=False),
    # At a height, station or tracks now (or a train minutes away), beside resolve or farewell words.
    Cue("coded_place", "in_progress", "suicide", _c(
        rf"(?:(?<=^)|(?<=[.!?\n] )|(?<=[.!?\n])|i{A}?m |im |i am |sat |sitting |standing |stood |now |here |still )(?:at|on|by|up on|on top of) the {_PLACE}(?: roof| top| edge)?",
        r"next (?:fast |express |non-?stop(?:ping)? |freight )?train(?:'s|’s| is)? (?:due |coming |through )?in (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of) (?:minutes?|mins?)",
    ), self_only=False, negatable=False),
    # A decided place for later ("then the multi-storey. top floor. decided").
    Cue("place_plan", "prep", "suicide", _c(
        rf"then (?:to )?the {_PLACE}",
        rf"(?:going|go|went|gone|heading|head|walking|walked|walk|driving|drive|drove|get|getting) (?:up |down |back |out )?to the {_PLACE}",
    ), self_only=False, negatable=False),
    # Giving a pet or treasured things away with a farewell framing.
    Cue("farewell_giving", "prep", "suicide", _c(
        rf"(?:gave|giving|given|give|handed|handing|hand|left|leaving|took|taken|taking|dropped|dropping) (?:away |over )?(?:my |our )?(?:little |baby |old )?{_PET}(?: \w+)?(?: away| over)? to (?:my |a |the |our |her |his )?\w+",
        rf"(?:take|have|keep|look after|care for) (?:my |our )?{_PET}(?: \w+)? (?:permanently|for good|forever|from now on)",
        rf"(?:asked|told|made|begged) (?:my |a |the |our )?\w+(?: \w+)? (?:to )?(?:keep|look after|take care of|have) (?:my |our )?{_PET}(?: \w+)? (?:forever|for good|for me|from now on|permanently|after)",
        r"(?:gave|giving|given|give|handed|handing) (?:away )?(?:my |all my |most of my )?(?:favourite |favorite |best |good )?(?:jewell?ery|rings?|watch|guitar|console|xbox|ps\d|playstation|switch|games|books|clothes|records|vinyl|plants|bike|camera|laptop|art stuff|collection|hoodies?|belongings|possessions|things|stuff)(?: away)? to (?:my |a |the |her |his )?\w+",
    ), self_only=False, negatable=False),
)
