# ruff: noqa: E501  (pattern tables read better one alternation per line than wrapped mid-regex)
"""Ordinary medication-information questions: an interaction, a side effect, a missed dose, timing, adherence.

"Can I take ibuprofen with sertraline?", "is it safe to stop the pill mid-pack?", "I forgot last night's dose,
should I double up?" carry no rule cue, but an n-gram or embedding head reads "pill", "take" and a drug name
as the means vocabulary of an overdose. :func:`medication_spans` finds the sentence of such a question so the
learned layer's view marks it ``qqbenign`` (``risk.scan_with_drops`` adds it as a "benign" drop).

Means-seeking wording is never an ordinary reading, so anywhere in the message it vetoes the reading: how
many or how much (too much, the maximum), a lethal or fatal amount, an overdose, dying or not waking up,
whether it would hurt, saving pills up or keeping them "in case", the whole pack, taking them all at once,
a large count of tablets, and crisis words (hopeless, can't go on, end it). ``view.conversation_view`` also
drops the reading in a conversation with any current risk cue.
"""

from __future__ import annotations

import re

from ._regex import compile_fast
from ._text import sentence_of
from .lexicon import DRUG_NAMES, A

__all__ = ["MEDICATION_GATE", "MEDICATION_VETO", "medication_spans", "medication_vetoed"]

# A medicine: generic words, common classes and the drugs most asked about in a therapy chat.
_DRUG = (
    r"(?:meds|medications?|medicines?|tablets?|pills?|capsules?|doses?|dosage|prescriptions?|antidepressants?|ssris?|snris?"
    r"|antibiotics?|antihistamines?|painkillers?|pain ?killers?|inhalers?|the pill|(?:contraceptive|birth control|mini) pill"
    r"|beta[- ]?blockers?|statins?|antacids?|gaviscon|st\.? john{A}?s wort|hrt|vitamins?|supplements?|iron tablets?|"
    + DRUG_NAMES + ")"
).replace("{A}", A)
#: a cheap gate: the lower-cased message holds one of these before any pattern runs
MEDICATION_GATE: tuple[str, ...] = (
    "med", "tablet", "pill", "capsule", "dose", "dosage", "prescri", "ssri", "snri", "anti", "killer", "inhaler",
    "line", "ine", "pam", "lone", "zac", "oft", "pro", "ibu", "para", "aspirin", "codamol", "codeine", "lithium",
    "melatonin", "hrt", "vitamin", "supplement", "statin", "ritalin", "adderall", "vyvanse", "elvanse", "concerta",
    "lexapro", "effexor", "cymbalta", "wellbutrin", "abilify", "seroquel", "nurofen", "advil", "tylenol", "warfarin",
    "blocker", "gaviscon", "wort", "iron", "tramadol", "morphine", "oxy", "opioid", "valium", "xanax", "alprazolam",
    "zolpidem", "benzo", "insulin", "naproxen", "paxil", "bupropion", "valproate", "metformin", "warfarin", "omeprazole",
)
_ALCOHOL = r"(?:alcohol|a drink|drinks|drinking|booze|wine|beer|a pint|pints|a glass|spirits|vodka|gin|caffeine|coffee|grapefruit)"
# The question or report around the medicine: taking two things together, a drink on it, whether it is safe,
# a side effect, a missed or late dose, timing and food, a switch or a stop the doctor knows of, adherence.
_QUESTION_FRAME = compile_fast(
    rf"\b(?:can|could|should|may|do|does|is it (?:ok|okay|fine|safe|alright|bad|normal|dangerous|a problem)(?: (?:for me|if i))?"
    rf"|am i (?:ok|okay|allowed|able)|is there (?:a|any) (?:problem|issue|interaction)|will it be (?:ok|okay|fine|safe)"
    rf"|anyone know (?:if|whether)|wondering (?:if|whether)|not sure (?:if|whether)|how (?:soon|long) (?:after|before))\b"
    rf"[^.?!\n]{{0,80}}?\b(?:take|taking|have|having|drink|drinking|mix|mixing|combine|combining|stop|stopping|skip|skipping"
    rf"|come off|coming off|switch|switching|start|starting|split|crush|halve|cut (?:it|them|the \w+) in half|double up|drive|driving"
    rf"|give (?:her|him|them|my \w+|the \w+))\b"
    rf"|\b(?:with|and|alongside|on top of|while (?:on|taking)|whilst (?:on|taking)|when (?:on|taking)|on)\b[^.?!\n]{{0,40}}?(?:together|at the same time|interact\w*)"
    rf"|\binteract\w*\b|\bcontra-?indicat\w*"
    rf"|\b(?:take|taking) (?:it|them|my \w+|the \w+) (?:in the (?:morning|evening)|at (?:night|bedtime|breakfast|\d)|with (?:food|a meal|milk|water)"
    rf"|on an empty stomach|before (?:bed|food|breakfast)|after (?:food|meals|breakfast|dinner))"
    rf"|\b{_ALCOHOL}\b[^.?!\n]{{0,30}}\b(?:on|with|while on|whilst on)\b"
    rf"|\b(?:on|with|taking)\b[^.?!\n]{{0,30}}\b{_ALCOHOL}\b",
    re.I,
)
# A report of ordinary use: a side effect, a missed or late dose, a dose the doctor changed, a pill box.
_REPORT_FRAME = compile_fast(
    rf"\bside[- ]?effects?\b|\b(?:make|makes|making|made|is making|it{A}?s making) me (?:\w+ )?(?:nauseous|nauseated|sick|sleepy|drowsy|dizzy|tired"
    rf"|groggy|jittery|shaky|sweaty|foggy|hungry|restless|constipated|thirsty)\b"
    rf"|\b(?:missed|miss|forgot|forgotten|skipped|late with|late taking|didn{A}?t take|did not take|haven{A}?t taken)"
    rf" (?:to take )?(?:a|my|one|this morning{A}?s|last night{A}?s|yesterday{A}?s|today{A}?s|the|an?) ?(?:\w+ )?(?:dose|tablet|pill|capsule|meds|medication|injection)\b"
    rf"|\b(?:haven{A}?t|have not|not) missed a (?:single )?dose|\bpill ?(?:box|organi[sz]er|reminder|dispenser)\b|\bdosette\b"
    rf"|\b(?:dose|dosage) (?:was |is |got |has been |being )?(?:increased|raised|upped|lowered|reduced|changed|adjusted|titrated)"
    rf"|\b(?:as prescribed|as directed|my (?:gp|doctor|psychiatrist|pharmacist|nurse|prescriber) (?:said|says|told|suggested|recommended|switched|put me on|prescribed))\b"
    # the label's own dose: "the children's paracetamol at the dose on the box" (round 12)
    rf"|\bat the (?:dose|amount) (?:on|in) the (?:box|packet|pack|label|leaflet|bottle|instructions)\b|\bat the (?:recommended|usual|normal|prescribed) dose\b",
    re.I,
)
# A question: a question mark, or a sentence that opens as one ("can i have a few drinks on my antibiotics").
_QUESTION = compile_fast(
    r"\?|^\W*(?:(?:so|ok|okay|hi|hey|also|and|quick question|random question|sorry)\W+)?(?:can|could|should|shall|may|is|are|am|do|does|did|will"
    r"|would|how|what|when|which|any|anyone|anybody|wondering|i(?: was|{A}?m|{A}?ve been| am) wondering|not sure|i{A}?m not sure)\b"
    .replace("{A}", A),
    re.I,
)
_DRUG_RE = compile_fast(rf"\b{_DRUG}\b", re.I)
#: means-seeking or crisis wording anywhere in the message: no ordinary reading then
MEDICATION_VETO = compile_fast(
    rf"\b(?:how (?:many|much)|too (?:many|much)|max(?:imum)?|upper limit|limit|lethal|fatal|deadly|toxic|overdos\w*|od|o\.d|"
    rf"kill\w*|die|dying|dead|death|not wake|never wake|wouldn{A}?t wake|won{A}?t wake|(?:want|wanna) to wake|stop (?:my|your) heart|"
    rf"(?:would|will|does|did) it hurt|painless|painful way|in case|just in case|stockpil\w*|hoard\w*|stash\w*|sav(?:e|ed|ing) (?:up|them|some|my)|"
    rf"collect\w*|never ?mind|forget (?:it|i asked)|swallow\w*|downed|gulped|most of (?:a|the|my)|half (?:of )?(?:a|the|my) (?:box|bottle|pack|packet|strip)|"
    rf"(?:got|have|bought|buying|get) (?:the|enough|some|more) (?:pills|tablets|meds)|(?:pills|tablets) and the|and the (?:pills|tablets)|"
    rf"(?:two|three|four|five|several|a few|\d+) (?:boxes|packets|packs|bottles|strips)|walk in|find me|tonight{A}?s the night|"
    rf"keep(?:ing)? (?:them|some) (?:back|aside|spare)|spare ones?|enough|all (?:of )?(?:them|my|the|at once)|at once|in one go|"
    rf"whole (?:box|bottle|pack|packet|strip|lot)|the rest of (?:the|my)|entire (?:box|bottle|pack|packet)|handful|a (?:bunch|load|lot) of|"
    rf"liver (?:damage|failure)|end (?:it|things|my life)|suicid\w*|self[- ]?harm|harm myself|hurt myself|hopeless|no point|"
    rf"can{A}?t (?:go on|do this|take (?:it|this) anymore|cope)|want to disappear|better off|goodbye|burden|"
    rf"(?:[5-9]|[1-9]\d+|twenty|thirty|forty|fifty|a hundred)(?: or (?:so|more))? (?!(?:mg|mcg|g|ml|milligrams?|micrograms?)\b)"
    rf"(?:of (?:my|the|them|these|those) )?(?:\w+ )?{_DRUG})\b"
    rf"|[💀⚰🪦]",
    re.I,
)


# An ordinary dose question: how many or how much one may take *a day*, *in 24 hours*, *for a toothache*. Its "how
# many" is then the label's question, not a count of means; any other veto word still vetoes.
_ORDINARY_DOSE = compile_fast(
    r"\bhow (?:many|much)\b[^.?!\n]{0,60}?\b(?:can|could|should|may|do|am i (?:allowed|meant|supposed) to)\b[^.?!\n]{0,25}?"
    r"\b(?:take|have|give)\b[^.?!\n]{0,50}?(?:\b(?:a|per|each|every) day\b|\bdaily\b|\bin (?:a|one|24|twenty[- ]four) (?:day|hours?)\b"
    r"|\bin 24 ?(?:h|hrs?)\b|\bevery (?:\w+ )?hours\b|\bfor (?:a|my|the|her|his|their) (?:bad |sore |\w+ )?(?:toothache|tooth|headache|migraine"
    r"|period|period pain|cramps|back|back pain|fever|temperature|cold|flu|sore throat|knee|ankle|injury|sprain|hangover|arthritis)\b)",
    re.I,
)


def medication_vetoed(text: str) -> bool:
    """Whether a veto word reads the message as means-seeking: any, outside an ordinary dose question's
    "how many / how much"."""
    vetoes = list(MEDICATION_VETO.finditer(text))
    if not vetoes:
        return False
    ordinary = [m.span() for m in _ORDINARY_DOSE.finditer(text)]
    return any(not (v.group(0).lower().startswith("how") and any(s <= v.start() < e for s, e in ordinary))
               for v in vetoes)


def medication_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` that ask or tell about ordinary medication use (none if a veto matches)."""
    low = text.lower()
    if not any(w in low for w in MEDICATION_GATE) or medication_vetoed(text):
        return []
    out: list[tuple[int, int]] = []
    found = [(m, True) for m in _QUESTION_FRAME.finditer(text)] + [(m, False) for m in _REPORT_FRAME.finditer(text)]
    for m, question in sorted(found, key=lambda x: x[0].start()):
        s, e = sentence_of(text, m.start(), m.end())
        if out and s < out[-1][1]:
            continue
        if _DRUG_RE.search(text, s, e) is None:
            continue
        if question and not _QUESTION.search(text[s : e + 2]):  # the sentence ends before its "?"
            continue
        out.append((s, e))
    return out
