"""Turn one reply (and its context) into named features, evidence sentences and a gaming gate.

Features are bounded (0..1) and saturate: a family seen in one sentence gives 0.5, two 0.75, three
0.875, so the tenth "how does that sound?" adds almost nothing. Degenerate replies (repeated sentences,
question-mark spam, bare lists of technique names, exclamation spam) get a ``gate`` below 1 that
scales every item's strength down: a reward cannot be raised by stuffing cues.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...clinical import CTRS_ITEMS, CTRSItem
from ._cues import CUES, GENERAL_CUES, Family
from ._semantic import CLOSING, PAST_FRAME, SEMANTIC, UNCOMMITTED, attitude_only, semantic_features
from ._text import STOPWORDS, Sentence, content_words, repetition_ratio, sentences, words

__all__ = ["GENERAL_FEATURES", "ReplyFeatures", "extract", "item_feature_names"]

GENERAL_FEATURES: tuple[str, ...] = (
    "questions",       # saturating count of question sentences
    "question_share",  # share of sentences that are questions
    "echo",            # share of the user's content words that the reply takes up
    "echo_question",   # a question that takes up the user's own words
    "directives",      # saturating count of imperative sentences ("Try...", "Write...")
    "list_load",       # many actions crammed into one sentence (commas, "then")
    "we",              # first person plural: we, us, let's, together
    "you_feel",        # second person about feelings and thoughts
    "length",          # words / 80, capped at 1
)

_SKILL_ITEMS: tuple[CTRSItem, ...] = (
    "agenda", "feedback", "guided_discovery", "focus_on_key_cognitions", "strategy_for_change",
    "application_of_cbt_techniques", "homework",
)
_IMPERATIVE = re.compile(
    r"^(?:just |also |then |so |and |now,? )?(?:try|make|write|keep|use|start|do|don't|send|email|call|"
    r"practi[sc]e|remember|take|get|avoid|be|contact|ask|pick|update|list|describe|specify|record|"
    r"rate|stop|put|set|go|look|check|consider|focus|think|give|find|limit|cut|read|join|stand|"
    r"replace|plan|note|jot|fill|spend|sign|talk|tell|stay|leave)\b",
    re.IGNORECASE,
)
# Round 15 (blind12): "Don't apologise (for the length)" welcomes what the patient brought; it is reassurance, not an
# instruction to do anything, so it is no directive.
_NOT_DIRECTIVE = re.compile(
    r"^(?:just |so |and )?(?:don'?t|do not|never) (?:ever )?(?:apologi[sz]e|be sorry|say sorry)\b", re.IGNORECASE
)
_WE = re.compile(r"\b(?:we|we'?ll|we'?d|we'?re|us|let'?s|together|our)\b", re.IGNORECASE)
_YOU_FEEL = re.compile(
    r"\byou(?:'re| are| were| feel| felt|'ve been| seem)\b|\byour (?:feeling|thought|mind|sense)", re.IGNORECASE
)
_CLAUSE = re.compile(r"[:;]\s+")
_LIST_SEP = re.compile(r",|;|\bthen\b", re.IGNORECASE)
_VERBISH = re.compile(r"\b(?:let'?s|we|you|i)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReplyFeatures:
    """Everything the item models need about one reply.

    ``values`` maps feature names (``"<item>.<family>"`` and the general names) to 0..1;
    ``hits`` maps family names to the sentences they matched, for evidence.
    """

    values: dict[str, float]
    hits: dict[str, tuple[Sentence, ...]]
    gate: float
    gaming: dict[str, float]


def _sat(n: float) -> float:
    return float(1.0 - 0.5**n)


def item_feature_names(item: CTRSItem) -> tuple[str, ...]:
    """The features one item's model reads: its cue families, its function-level features, the general ones."""
    return (tuple(f"{item}.{f.name}" for f in CUES[item]) + tuple(f"{item}.{n}" for n, _ in SEMANTIC[item])
            + GENERAL_FEATURES)


_DIRECTIVE = next(f for f in CUES["collaboration"] if f.name == "directive")
_LABEL_ONLY = next(f for f in CUES["collaboration"] if f.name == "label_only")


def _uncommitted(text: str) -> bool:
    """An optional, hypothetical or declined mention ("no need to plan anything yet", "maybe at some point you
    could keep a diary"), or a state of mind as the goal ("think more positively"): nothing committed to."""
    return bool(UNCOMMITTED.search(text)) or attitude_only(text)


# Sentences whose text does something else than an item's positive cues say, so those cues do not count in
# them: a task or plan the therapist does not commit to; a close ("let's leave it there for today") sets no
# agenda; partnership words in the sentence that announces the therapist's own decision ("Let's decide
# together: I'd say the list, so let's do the list now.") share nothing.
_BLOCKS: dict[CTRSItem | None, Callable[[str], bool]] = {
    # talk about the week gone by ("has anything come up this week?") sets no task
    "homework": lambda text: _uncommitted(text) or bool(PAST_FRAME.search(text)),
    "strategy_for_change": _uncommitted,
    "agenda": lambda text: bool(CLOSING.search(text)),
    "collaboration": lambda text: bool(_DIRECTIVE.pattern.search(text)),
}


def _family_hits(fam: Family, sents: Sequence[Sentence]) -> tuple[Sentence, ...]:
    blocked = _BLOCKS.get(fam.item) if fam.sign > 0 else None
    return tuple(s for s in sents if fam.pattern.search(s.text) and not (blocked and blocked(s.text)))


def _technique_list(sents: Sequence[Sentence]) -> float:
    """How much the reply is a bare list of technique names (no patient, no action)."""
    worst = 0.0
    (fam,) = GENERAL_CUES
    for s in sents:
        n = len(fam.pattern.findall(s.text))
        if n >= 3:
            sep = len(_LIST_SEP.findall(s.text))
            worst = max(worst, min(1.0, (n - 2) / 3 + (0.3 if sep >= n - 1 else 0.0)))
    total = sum(len(fam.pattern.findall(s.text)) for s in sents)
    n_words = max(1, sum(len(words(s.text)) for s in sents))
    density = total / n_words  # one technique name every 4 words is a list, not a reply
    return min(1.0, max(worst, (density - 0.12) * 5.0))


def _synonym_pile(sents: Sequence[Sentence]) -> float:
    """One sentence made of short fragments that repeat each other's words ("slow down, slowly, take our time, no
    rush, loads of time, nice slow pace"; "thoughts, automatic thoughts, beliefs, core beliefs"): one item's cue
    vocabulary piled up, not said to anyone."""
    worst = 0.0
    for s in sents:
        frags = [f for f in re.split(r"[,;:]", s.text) if f.strip()]
        short = [f for f in frags if 1 <= len(words(f)) <= 5]
        if len(short) < 4:
            continue
        stems = [{w[:4] for w in content_words(f) if len(w) >= 4} for f in short]
        shared = sum(1 for i, a in enumerate(stems) if any(a & b for j, b in enumerate(stems) if j != i))
        if shared >= 4:
            worst = max(worst, min(1.0, (shared - 2) / 4.0))
    return worst


def _word_stuffing(text: str) -> float:
    """One content word said over and over ("Homework time! Your homework this week is homework... homework,
    homework, homework"): an item's keyword stuffed in place of doing the item. Round 13 (blind7): across the
    labelled train/dev replies no content word appears more than four times; the stuffed replies of every blind
    set repeat theirs ten to fourteen times."""
    ws = words(text)
    counts = Counter(w for w in ws if len(w) >= 4 and w not in STOPWORDS)
    if not counts:
        return 0.0
    n = counts.most_common(1)[0][1]
    if n / max(1, len(ws)) < 0.08:
        return 0.0
    return min(1.0, max(0.0, (n - 4) / 5.0))


def _gaming(text: str, sents: Sequence[Sentence]) -> dict[str, float]:
    n = max(1, len(sents))
    qs = [s for s in sents if s.is_question]
    # A question with content ("What went through your mind?") is a skill; "Okay? Clear? Good?" is noise.
    empty_q = sum(1 for s in qs if len(content_words(s.text)) <= 1 and len(words(s.text)) <= 4)
    extra_marks = max(0, text.count("?") - len(qs))
    q_spam = extra_marks / 3.0 + 0.25 * max(0, empty_q - 1) + max(0, len(qs) - 5) / 4.0
    bangs = text.count("!")
    # Telegraphic fragments ("Agenda. Homework this week. Rate it.") are cue salad, not therapy.
    mean_len = sum(len(words(s.text)) for s in sents) / n
    fragments = (5.5 - mean_len) / 3.0 if n >= 5 else 0.0
    return {
        "repetition": min(1.0, repetition_ratio(list(sents)) * 1.6),
        "question_spam": min(1.0, q_spam),
        "technique_list": _technique_list(sents),
        "exclamation_spam": min(1.0, max(0.0, (bangs - 2) / 4.0)),
        "fragments": min(1.0, max(0.0, fragments)),
        "synonym_pile": _synonym_pile(sents),
        "word_stuffing": _word_stuffing(text),
    }


def extract(context: Sequence[str], reply: str) -> ReplyFeatures:
    """Features of ``reply`` given the user messages before it (oldest first, last is the one answered).

    >>> f = extract(["I failed again."], "What went through your mind right then?")
    >>> f.values["focus_on_key_cognitions.elicit_thought"]
    0.5
    """
    sents = sentences(reply)
    values: dict[str, float] = {}
    hits: dict[str, tuple[Sentence, ...]] = {}
    sem_values, sem_hits = semantic_features(context, sents)
    # Sentences the semantic features found doing something else than an item's positive cues say: a
    # reflection of a feeling the client did not express (or shrunk, or of things they never said) shows no
    # understanding, whatever reflective stem carries it; a wellbeing tip about nothing the patient said, or
    # the same task pushed over the obstacle they just described, earns no credit as homework set.
    vetoed: dict[CTRSItem, set[int]] = {
        "understanding": {s.start for s in sem_hits.pop("understanding.missed", ())},
        "homework": {s.start for k in ("homework.off_topic", "homework.obstacle_ignored") for s in sem_hits.get(k, ())},
        # apologies in a flustered reply ("I'm so sorry, I feel really bad") show the therapist's unease, not warmth
        "interpersonal_effectiveness": {s.start for k in ("flustered", "cheerleading")
                                        for s in sem_hits.get(f"interpersonal_effectiveness.{k}", ())},
        # round 12b (blind6): a technique explained in general is not a technique used on the client's material
        "application_of_cbt_techniques": {s.start for s in sem_hits.get("application_of_cbt_techniques.explains", ())},
        # round 12b (blind6): partnership named ("we're a team ... together") shares nothing in that sentence
        "collaboration": {s.start for s in sents if _LABEL_ONLY.pattern.search(s.text)},
        # "let's slow down, no rush" over a barrage of five fixes: the pace claimed is not the pace set
        # round 15 (blind12): and over a side topic the patient raised, then chased with questions about it
        "pacing": {s.start for k in ("pacing.fix_barrage", "pacing.tangent") for s in sem_hits.get(k, ())},
    }
    for item in CTRS_ITEMS:
        veto = vetoed.get(item)
        for fam in CUES[item]:
            key = f"{item}.{fam.name}"
            h = _family_hits(fam, sents)
            if veto and fam.sign > 0:
                h = tuple(s for s in h if s.start not in veto)
            if key == "collaboration.together" and vetoed["collaboration"]:
                # round 12b (blind6): once partnership is named, a "together" stated in another sentence is the
                # same claim ("We're a team. Together we'll sort the move first."); asked, it invites
                h = tuple(s for s in h if s.is_question)
            if key == "homework.review_task" and sem_values.get("homework.unreviewed", 0.0) > 0:
                # The patient said how the task went and the reply looked at none of it: a stock
                # "next week" or "thanks for doing it" is no review.
                h = ()
            hits[key] = h
            values[key] = _sat(len(h))

    values.update(sem_values)
    hits.update(sem_hits)

    n = max(1, len(sents))
    questions = [s for s in sents if s.is_question]
    last_user = context[-1] if context else ""
    user_words = content_words(last_user)
    reply_words = content_words(reply)
    echo = len(user_words & reply_words) / len(user_words) if user_words else 0.0
    echo_q = 0.0
    if user_words and questions:
        qwords: set[str] = set()
        for s in questions:
            qwords |= content_words(s.text)
        echo_q = min(1.0, len(qwords & (user_words | content_words(" ".join(context[-3:])))) / 2.0)
    # An instruction may also follow a colon: "Work first: talk to HR."
    directives = sum(1 for s in sents for part in _CLAUSE.split(s.text)
                     if _IMPERATIVE.match(part.strip()) and not _NOT_DIRECTIVE.match(part.strip()))
    list_load = 0.0
    for s in sents:
        seps = len(_LIST_SEP.findall(s.text))
        if seps >= 2 and not _VERBISH.search(s.text):
            list_load = max(list_load, min(1.0, (seps - 1) / 3))
        elif seps >= 3:
            list_load = max(list_load, min(1.0, (seps - 2) / 3))
    n_words = len(words(reply))
    values.update(
        questions=_sat(len(questions)),
        question_share=len(questions) / n,
        echo=min(1.0, echo * 2.0),
        echo_question=echo_q,
        directives=_sat(directives),
        list_load=list_load,
        we=_sat(len(_WE.findall(reply)) / 2),
        you_feel=_sat(len(_YOU_FEEL.findall(reply))),
        length=min(1.0, n_words / 80),
    )
    gaming = _gaming(reply, sents)
    # A natural reply practises one to three skills; hitting five or more at once is stuffing (2 of 286
    # labelled train/dev replies reach five, none more).
    shown = sum(1 for item in _SKILL_ITEMS
                if any(hits[f"{item}.{f.name}"] for f in CUES[item] if f.sign > 0))
    gaming["stuffing"] = min(1.0, max(0.0, (shown - 4) / 4.0))
    worst = max(gaming.values()) if gaming else 0.0
    gate = max(0.0, 1.0 - worst)
    return ReplyFeatures(values=values, hits=hits, gate=gate, gaming=gaming)
