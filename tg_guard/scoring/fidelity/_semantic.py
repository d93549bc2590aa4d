# ruff: noqa: E501  (one behaviour per line reads better than wrapped regular expressions)
"""Function-level features: what a reply DOES, built from parts, not from memorised phrases.

The cue families in ``_cues`` match whole phrasings. These features instead recognise a clinical act
from the parts any phrasing of it must contain, so new wordings still count:

- homework set: a future time anchor ("between now and Thursday", "before we meet", "on two evenings")
  + a concrete activity ("jot down", "call", "walk", "rate") + the patient addressed ("could you",
  "let's", "your experiment"); a link back to the next session ("bring it", "we'll look at it") adds
  to it; a time anchor with only a vague intention ("keep it in mind this week") counts against it.
- homework reviewed: the patient reports on a task and the reply takes it up rather than moving on.
- agenda: a plan for this session's time ("shall we use today to look at..., then...") proposed to the
  patient, not a close ("let's leave it there for today").
- pacing: slowing down, summarising, structuring time, parking a tangent or choosing one thing, versus
  a barrage of fixes or a run of fact questions about a side story.
- understanding: a reflective stem carrying a feeling word, a feeling the patient did not name
  themselves (the implied one) offered tentatively, versus a reflection whose feeling tone contradicts
  the patient's (cheering a painful message) or generic normalising.
- strategy for change: a formulation link (what keeps the problem going) plus a concrete proposal to
  change or test it, versus lifestyle tips.
- question kinds: questions about thoughts and meanings versus questions about facts and side details.

Every feature is 0..1 and saturating; ``SEMANTIC`` gives each item's features with their prior weight.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ...clinical import CTRSItem
from ._grounding import ground
from ._text import Sentence, content_words, words

__all__ = ["ATTITUDE", "CLOSING", "SEMANTIC", "UNCOMMITTED", "attitude_only", "semantic_features"]


def _rx(*alts: str) -> re.Pattern[str]:
    body = "|".join(f"(?:{a})" for a in alts).replace("'", "['’]")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


_NUM = r"(?:a|one|two|three|four|five|six|seven|ten|fifteen|twenty|thirty|\d+)"
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day'?s?"
_UNIT = r"(?:days?|nights?|evenings?|mornings?|times?|minutes?|mins?|hours?|weeks?|calls?|visits?|texts?|emails?|entries|notes?)"

# -- homework -----------------------------------------------------------------------------------------
_ANCHOR = _rx(
    r"this (?:coming )?(?:week|weekend|month)", r"(?:the |this )?(?:coming|next few|next couple of) (?:days|week|evenings)",
    r"between (?:now and|sessions|our sessions|today and)", rf"before (?:we (?:next )?(?:meet|speak|talk)|our next|next (?:time|session|week)|you come back|your (?:visit|trip|next)|the (?:next|party|meeting|wedding|visit|interview)|{_DAY}|bed)",
    r"until (?:we (?:next )?(?:meet|speak)|next (?:time|session|week)|our next|then)", r"(?:each|every) (?:day|morning|evening|night|time)",
    rf"(?:on |by )?{_DAY}", r"tomorrow", r"tonight", r"over the (?:next|coming|weekend)", r"in the coming",
    r"while you'?re away", r"when you'?re back", rf"{_NUM} (?:days|nights|evenings|mornings|times) (?:this|before|a|per|until|next)",
    rf"on {_NUM} (?:days|nights|evenings|mornings)", r"(?:once|twice|three times) (?:a|per|before|this|daily)", r"daily", r"after (?:lunch|work|dinner|school)",
    rf"at {_NUM}(?: ?[ap]m)?", r"(?:at |say |around |by )?\d{1,2}[.:][0-5]\d(?: ?[ap]m)?", r"for the next", r"next time (?:you|it|the|that)", r"(?:the )?next (?:time|session|appointment|week)",
    # anchored to an event or a routine rather than a date: "when the thought hits", "after her lunchtime feed",
    # "on your days off"
    r"(?:when|whenever|each time|every time|the moment) (?:the|that|this|a|an|your) (?:\S+ ){0,3}(?:thoughts?|urges?|feelings?|worry|worries|doubts?|panic|craving|voice|anxiety|dread|memory) (?:hits?|comes?(?: back| up)?|pops? up|shows? up|starts?|arrives?|kicks? in|appears?|strikes?|turns? up|grabs?|flares?(?: up)?|takes? (?:hold|over)|creeps? in)",
    r"after (?:her|his|the|your|each|every) (?:\w+ )?(?:feeds?|naps?|shifts?|meals?|class(?:es)?|lunch|work|dinner|breakfast|school(?: run)?|run)",
    r"on (?:your|the) (?:days? off|rest days?|weekends?|days you)",
    # round 13 (blind7/8): the task's own event as its time ("Before you ring, write your prediction", "afterwards,
    # write what happened", "so we can compare afterwards", "on a day you choose")
    r"(?:^\W*|[,;:\u2014] )before you (?:ring|call|phone|text|go|send|start|leave|speak|meet|walk|open|knock|ask)\b(?=[^?]*$)", r"(?:and |then )?afterwards,? (?:write|note|jot|rate|record|compare|tell|check)",
    r"(?:compare|check|look at (?:it|them)|go over (?:it|them)|write (?:it|that) down)(?: \w+){0,2} afterwards", r"on (?:a|the) days? (?:you|that suits?|that works?)",
)
_ACTIVITY = _rx(
    r"writ(?:e|es|ing)(?: down)?", r"jot(?:s|ting)?", r"not(?:e|es|ing)(?: down)?", r"record(?:s|ing)?", r"log(?:ging)?", r"track(?:ing)?",
    r"rat(?:e|es|ing)", r"re-?rate", r"scor(?:e|ing)", r"tick", r"count(?:ing)?", r"timer", r"photo", r"notebook", r"calendar",
    r"fill(?: in| out)?", r"try(?: it)?(?: out)?", r"practi[sc]e", r"call", r"ring", r"phone", r"text", r"send", r"open(?:ing)?", r"walk",
    r"go (?:to|for|out|back)", r"visit", r"read", r"bring", r"schedule", r"put (?:it|them|two|one) in", r"pick(?! (?:up|things up))", r"set (?:a|an|up)",
    r"spend", r"stay", r"sit", r"lock", r"answer", r"say no", r"ask", r"(?:one|a|two) (?:small |tiny |little )?requests?", r"notepad", r"keep (?:a|the list|going|it going)", r"do (?:it|one|the|this|that)",
    r"repeat", r"test", r"compare", r"list", r"stand", r"ride", r"join", r"eat", r"meet up", r"delay", r"wait", r"experiment",
    r"diary", r"log", r"worksheet", r"sheet", r"card", r"walk", r"visits?", r"slot",
    r"tie it to", r"make it (?:smaller|tiny|one)", r"notice (?:when|what|the|your|how|one|a|each|every|any|two|three)", r"gather", r"rehearse", r"drop",
    # round 13 (blind7): a proposal put as a hypothesis, its verb in the past ("What if this week you tried one block,
    # and noted...", "suppose you went to the café once")
    r"(?:what if|suppose|supposing|imagine if|how would it be if|how about if),? (?:[\w,]+ ){0,5}(?:you|we) (?:\w+ed|went|wrote|spoke|rang|kept|took|made|sent|did|gave|sat|met|read|began|"
    r"spent|put|told|left|got|brought|chose|set)",
)
_ADDRESS = _rx(
    r"could you", r"would you", r"can you", r"will you", r"shall we", r"let'?s", r"how about", r"what if,? (?:[\w,]+ ){0,5}you", r"are you up for",
    r"would you be (?:up for|willing)", r"your (?:task|experiment|homework|assignment|job)", r"you (?:could|might|can)", r"i'?d like you to",
    r"something to (?:practise|practice|try|do|take away)", r"(?:agree|plan|pick|set) (?:on )?(?:something|one thing|a task)",
    r"here'?s (?:a|an|the|my|one|what)(?: \w+)? (?:proposal|plan|idea|suggestion|task|challenge|experiment|to try)", r"i (?:would )?(?:suggest|propose)",
    r"the (?:plan|task|idea|experiment) (?:is|would be|for|until|between|this)", r"your (?:mission|challenge|plan)", r"make (?:it|that|this) your",
    r"(?:the|a|one) (?:next |first )?step (?:this|before|for)", r"you'?d", r"willing to",
    # a joint proposal or a question that leaves the choice to the patient ("Could we agree an experiment...",
    # "What about ten minutes...", "Which one could you manage...")
    r"(?:could|can|might|should) we", r"what about", r"would it help (?:to|if)", r"would it be (?:worth|worthwhile|useful|helpful)", r"(?:which|what) (?:one )?(?:could|would|can) you",
)
# Naming the task is not doing one: "your homework this week is to..." needs a concrete act in the sentence
# or a neighbour ("Your task this week: ring the bank on Monday").
_META_TASK = _rx(r"tasks?", r"assignments?", r"homework", r"exercises?", r"missions?", r"challenges?")
# A state of mind as the goal ("think more positively", "believe in yourself", "be more confident") is an
# attitude, not a task: nothing to do, nowhere and no time to do it, nothing to bring back.
ATTITUDE = _rx(
    r"(?:think|feel|be|stay|become|get|keep) (?:more |less |a bit more |a lot more |much more )?(?:positive(?:ly)?|confident|calm(?:er)?|relaxed|happ(?:y|ier)|optimistic|grateful|motivated|hopeful|kinder to yourself)",
    r"believe in yourself", r"(?:love|accept|trust|forgive|value) yourself(?: more)?", r"stop (?:worrying|overthinking|stressing|doubting)", r"(?:have|keep) faith",
)


def attitude_only(text: str) -> bool:
    """A sentence whose only goal is a state of mind, with no concrete act in it."""
    return bool(ATTITUDE.search(text)) and not _ACTIVITY.search(text)


# An imperative that opens a sentence addresses the patient ("Rate it at the door", "Bring the notebook").
_IMPERATIVE_START = re.compile(
    r"\s*(?:(?:and|then|so|just|now|also|ok|okay|afterwards|after that),? )*(?:write|jot|note|record|log|track|rate|score|tick|count|fill|practi[sc]e|call|ring|"
    r"phone|text|send|open|walk|visit|bring|schedule|pick|set|spend|sit|answer|repeat|test|compare|list|"
    r"stand|join|delay|wait|snap|hand|choose|notice|catch|gather|check|keep a|put a)\b", re.IGNORECASE)
# Optional, hypothetical or declined: "only if you feel like it", "maybe at some point", "let's not set anything".
# A sentence like this sets no task and proposes no plan, whatever activity or time it mentions.
UNCOMMITTED = _UNCOMMITTED = _rx(
    r"if you (?:ever|feel like|fancy|get (?:a|the) chance|happen to)", r"only if", r"(?:at )?some point", r"some ?day", r"(?<!on )one day,? (?:you|we|it|soon)",
    r"someday", r"sometime(?!s)", r"in the future", r"whenever (?:it feels|you feel|you'?re ready)", r"(?:when|if) you feel (?:ready|like|up to)",
    r"no (?:need|pressure|obligation|rush|mission|homework|task|plan)", r"(?:don'?t|do not|won'?t|wouldn'?t) (?:have|need) to",
    r"(?:don'?t|do not) (?:think we|need a|want to (?:set|give|pile))", r"not (?:this time|yet|for now|this week)", r"(?:let'?s|we) (?:not|won'?t|shouldn'?t) (?:set|do|try|plan|bother|worry)",
    r"(?:forget|drop|skip) (?:about )?(?:the |that |this )?(?:homework|task|diary|log|plan|experiment|it)", r"nothing (?:this|for|to do)",
    r"(?:could|might) maybe", r"in theory", r"(?:entirely |completely |totally )?optional", r"if that'?s something", r"(?<!whether )or not(?=\s*(?:[.,;:!?]|$|(?:do|try|bother|go)\b))", r"whatever (?:suits|feels|works)",
    # round 13 (blind7): left to how the moment feels ("call her if it feels right"), or put off ("try again another time")
    r"if (?:it|that|this) (?:feels|seems) (?:right|ok|okay|good|doable|possible)", r"if you'?re (?:up to|in the mood)", r"(?:try|do it|call|ring|go) again (?:some|another|some other) (?:time|day)",
)
_LINK = _rx(
    r"bring (?:it|them|the \w+|your \w+|those|that)", r"we'?ll (?:look|go|review|compare|check|see|talk|use)", r"we can (?:look|go|review|compare)",
    r"(?:when|once|after) we (?:next )?(?:meet|speak|see each other)", r"next (?:time|session|week|appointment)", r"go through (?:them|it|your|what)",
    r"tell me (?:about it|how it went|whether|what)", r"compare notes", r"when you'?re back", r"look at (?:it|them|both) together",
)
_VAGUE = _rx(
    r"keep (?:\w+ ){0,3}in mind", r"keep (?:thinking|noticing|trying|an eye)", r"think about", r"see how (?:it|you|the week|things)",
    r"be (?:kind|gentle|patient) (?:to|with)", r"(?<!the )rest(?! of)", r"relax", r"try to be", r"look after", r"take care", r"whenever (?:it|you)(?! (?:notice|catch|spot|see|find|feel (?:the|that|an?)|get (?:the|that|an?)|start|reach))",
    r"when you feel (?:ready|like)", r"no pressure", r"only if you", r"good luck", r"enjoy", r"don'?t (?:think|worry) about",
    r"try to (?:\w+ ){0,5}(?:more|less|better)",
    # round 13 (blind8): waiting for an occasion instead of making one ("see if any chances come up")
    r"see (?:if|whether|what) (?:any|anything|something)(?: \w+){0,2} (?:comes?|turns?|crops?|pops?) up", r"try to (?:stay|be|feel|think|remember)", r"(?:positive|good|right) (?:mindset|attitude|outlook)",
    r"bright side", r"or something", r"as (?:much|best|often) as you can", r"when(?:ever)? you can", r"if you can",
    # round 17 (hw16): a target with no measure, only a direction ("a bit more aware", "bring the checking down a bit
    # overall", "check so much", "in general"): nothing to count, so nothing to bring back
    r"(?:a )?(?:bit|little) (?:more|less) (?:\w+ )?(?:aware|mindful|careful|often)", r"(?:down|up|back) a (?:bit|little)(?: overall)?", r"(?:a bit|a little|generally) overall",
    r"(?:check|worry|think|do|use|eat|drink|spend) (?:\w+ )?(?:so|too) much(?=[.,;]| and| overall)", r"in general(?=[.,;]| and)", r"more aware",
    ATTITUDE.pattern,
)
# round 13 (blind8): the larger round numbers count too ("at say ninety minutes")
_QTY = re.compile(rf"(?<!\w)(?:(?:{_NUM}|forty|fifty|sixty|ninety)[- ](?:{_UNIT})|(?:once|twice)|(?:{_NUM}|each|every) (?:day|morning|evening|night)|\d+ ?[ap]m|\d{1,2}[.:][0-5]\d|{_DAY})(?!\w)", re.IGNORECASE)
_TASK_REPORT = _rx(
    r"i (?:did|tried|went|filled|finished|managed|kept|completed|used|made|wrote|didn'?t (?:do|manage|get|try)|forgot|couldn'?t (?:do|manage))",
    r"like we (?:planned|agreed|said)", r"(?:the|my|that) (?:homework|experiment|diary|log|sheet|record|exercise|practice|task|worksheet)",
    r"i'?ve been (?:doing|trying|keeping|practi[sc]ing|using|filling|writing)", r"i (?:only |just )?(?:managed|got (?:round|to)|brought|kept|practi[sc]ed|wrote|noted|tracked|rated|skipped|missed)",
    r"(?:here'?s|here is|i'?ve got) (?:my|the)", r"last (?:week|time)'?s", r"(?:the|my) (?:walks?|calls?|notes|entries|card|list|slot|plan|ratings|scores|timer)",
    r"(?:it|that) (?:went|didn'?t (?:go|work|help))", r"(?:once|twice|\w+ times|on \w+ days)\b", r"since (?:last|our last) (?:session|week|time)",
    # "didnt do it", "we did the worry time": the report without a first-person "I" or an apostrophe
    r"did ?n'?t (?:do|manage|get (?:round|to)|try|go)", r"did not (?:do|manage|try)", r"we (?:did|tried|set|agreed|planned) (?:the|that|it|a)",
    # round 14c (blind11): the report without a subject ("did one. skipped the other.")
    r"(?:^|[.!;,]\s*)(?:did|done|skipped|missed|managed|finished|forgot) (?:one|two|three|both|half|most|none|the other|the first|the second|all of them|it|\d+)\b",
)
# The therapist brings back the last task without being asked ("Before anything else, how did last week's
# experiment go?"): a reference to a task already set, in a sentence that asks about it.
_PRIOR_TASK = _rx(
    r"last (?:week|time|session)'?s? (?:task|experiment|homework|diary|log|plan|exercise|practice|sheet|assignment)",
    r"the (?:task|experiment|homework|diary|log|plan|exercise|practice|sheet|assignment|walks?|calls?) (?:we|you) (?:set|planned|agreed|chose|picked|tried)",
    r"you (?:were going to|planned to|agreed to|said you'?d|set out to) (?:try|do|keep|test|go|call|write|note|track)",
    r"(?:since|from) (?:last|our last) (?:time|session|week),? (?:you|we)", r"(?:start|begin) (?:by|with) (?:looking at|reviewing|going over|checking)",
)
_REVIEW = _rx(
    r"how did (?:it|that|the \w+|they|you get on) go", r"how (?:did|was) it", r"go(?:ing)? (?:through|over) (?:it|them|what|that)", r"look(?:ing)? at (?:it|them|what|how)",
    r"(?:look at|go (?:through|over)|talk (?:me )?through|pick) (?:one|some|each|a few|both|any|a couple|the first|the last) of (?:them|those|these|it|your|the)",
    r"what (?:did you|happened|got in the way|made (?:it|the)|surprised|stood out)", r"what (?:actually )?happened", r"(?:which|what) (?:entries|activities|days|parts)",
    r"let'?s (?:understand|see|look|go)", r"(?:shrink|change|adjust) it", r"(?:make|keep) it (?:smaller|simpler|tiny)", r"thank(?:s| you) for (?:doing|trying|bringing|telling)",
    r"what does that tell you", r"how much do you believe", r"plenty to learn from",
    r"walk me through", r"let'?s unpack", r"unpack (?:it|that|the)", r"what (?:stood out|stopped you|helped|was (?:hardest|easiest|different))", r"(?:did|was) (?:anything|it) (?:surprise|different|harder|easier)",
    r"(?:tweak|adjust|change|shrink) (?:it|the \w+)", r"how (?:many|often) (?:did|times)", r"(?:compare|compared) (?:the|your|what)",
    r"how did (?:the |your |that )?(?:\w+ ){1,3}go", r"(?:which|what) (?:entry|entries|day|days|bit|part|page|pattern|one) (?:\w+ ){0,3}(?:first|most|stand|jump|surprise|shift|change|should|did|was)",
    r"what made (?:\w+ ){0,3}(?:different|harder|easier|possible)", r"(?:a |an )?(?:smaller|easier|shorter) (?:step|version|task|goal|one)", r"tell me about (?:one|a|the) (?:day|time|moment|entry)",
    # round 14: what stopped the task, and a resized step for it ("What got between you and the first visit? We might
    # need a smaller first step")
    r"what (?:got|came|stood|gets|comes) (?:between you and|in (?:the|your) way)", r"what (?:stopped|kept|held) you (?:back|from)",
    r"(?:a |an )?(?:smaller|easier|shorter|gentler) (?:\w+ )?(?:step|version|task|goal)",
)
# The patient says how a set task went (done, partly done or not done), not just any past event.
_TASK_N = r"(?:homework|diary|log|sheet|worksheet|records?|exercise|practice|task|experiment|walks?|walking|slot|worry time|breathing|card|list|thing|assignment)"
_OUTCOME = _rx(
    rf"(?:did|tried|filled(?: in)?|finished|managed|kept|completed|wrote|brought|practi[sc]ed|tracked|rated|skipped|missed|forgot|done)(?: \w+){{0,3}} {_TASK_N}",
    rf"(?:did ?n'?t|did not|not|never|couldn'?t|could not) do(?:ing)?(?: \w+){{0,3}} {_TASK_N}",
    rf"(?:the|my|that) (?:\w+ )?{_TASK_N} (?:went|was|worked|helped|didn'?t)", r"(?:did ?n'?t|did not|couldn'?t|could not|forgot to|never) do (?:it|them|any)",
    rf"here'?s (?:my|the) (?:\w+ )?{_TASK_N}",
    # a practice reported with how often it was done ("practised the tape, five nights")
    r"(?:did|tried|kept|practi[sc]ed|managed|filled|wrote|walked|counted|logged|tracked|rated|used|listened)\b[^.?!]{0,60}?(?:\d+|one|two|three|four|five|six|seven|every|most) (?:days?|nights?|times?|mornings?|evenings?)",
    # round 14 (blind9): the report hedged ("I didn't really do the thought diary", "never actually got round to the gym
    # plan"): an adverb between the negation and the act, a modifier before the task's name
    rf"(?:did ?n'?t|did not|never|couldn'?t|could not|wasn'?t able to)(?: (?:really|actually|quite|even|properly|exactly|fully|totally|manage to))* (?:(?:get|got) (?:round|around) to|do|manage|try|start|finish|keep up)(?: \w+){{0,3}} (?:{_TASK_N}|plan)",
)
# A task set by decree: no say for the patient in what, when or whether ("You will call her on Saturday.
# That is your task, no discussion.").
_DECREE = _rx(
    r"you (?:must|will have to|have got to)", r"no (?:excuses|discussion|arguments?|negotiation|buts)", r"non-?negotiable",
    r"i'?m (?:setting|giving|assigning) (?:you|that|this)", r"(?:that|this) is your (?:task|homework|assignment)(?=[,.;!]| no| and)",
    r"i expect you to", r"your (?:task|homework|assignment|job) (?:this week|for (?:the|this|next) week|until next (?:week|time|session)) is",
    r"please (?:complete|do|make sure you|remember to|ensure)\b", r"you will (?:call|do|write|go|keep|fill|complete|text|walk|practi[sc]e|record|read|spend)",
    # round 12 (blind5): "You'll keep an anger log every evening... without missing a day"
    r"you'?ll (?:call|do|write|keep|fill|complete|text|practi[sc]e|record|log|track|bring)\b", r"without (?:missing|skipping|fail)\b(?: a| any| one)?",
    # round 13 (blind7/8): "no exceptions", "make sure you don't skip any"
    r"no exceptions?",
    # a polite imperative is still an order when the only question after it asks for a yes ("please open the door every day...
    # Can you manage that?")
    r"please (?:open|go|sit|write|keep|fill|call|ring|text|practi[sc]e|record|log|track|bring|spend|walk|read|try)\b", r"make sure you (?:don'?t|do not|never) (?:skip|miss|stop|forget)", r"(?:don'?t|do not) (?:skip|miss) (?:any|a single|one)",
)
# A question that only asks for compliance ("Is that clear?", "Understood?", "Okay?") gives the patient no say.
_COMPLY_Q = _rx(r"(?:is )?(?:that|this|it|everything) (?:clear|understood)", r"understood", r"clear", r"got (?:it|that)", r"ok(?:ay)?", r"right", r"alright", r"yes",
                r"sound (?:good|ok|okay|alright|all right)", r"(?:is that|that) (?:ok|okay|alright|all right)", r"deal", r"agreed",
                # round 13 (blind7/8): "Can you do that?", "Can you manage that?" after a decree ask only for a yes
                r"(?:can|will|could) you (?:do|manage|handle|stick to|commit to) (?:that|this|it)")
# A question asked as a statement ("I'm curious which situation you picked"): it asks all the same.
_INDIRECT_Q = _rx(r"i'?m (?:curious|wondering|interested) (?:about |to (?:hear|know) )?(?:which|what|how|whether|if|about|why|where|when)",
                  r"i wonder (?:which|what|how|whether|if|why)", r"tell me (?:which|what|how|whether|about|more about)", r"i'?d (?:love|like) to (?:hear|know|see) (?:which|what|how|whether|about|more)")
_AGREE_Q = _rx(r"suit", r"work for you", r"doable", r"realistic", r"manageable", r"(?:which|what) (?:days?|times?|evenings?|mornings?)", r"fit (?:in|into)")
_RECORD = _rx(r"writ(?:e|ing)", r"jot", r"note (?:down|how|what|the|your|when)", r"record", r"log", r"track", r"rat(?:e|ing)", r"score", r"tick", r"diary")
_MOVE_ON = _rx(r"(?:let'?s )?move on",
               # round 17c (hw18): "whether something else got in the way" asks after a cause; it changes no subject
               r"something else(?! (?:\w+ ){0,2}(?:in the way|going on|happening|behind|stopping))", r"anyway", r"not (?:worry|dwell) (?:about|on)", r"let'?s not (?:worry|dwell)", r"look at (?:it|them) later", r"forget (?:about )?it",
               r"come back to (?:it|that|this|them)(?: \w+)? (?:another|some|later|next)", r"another (?:day|time)\b",
               # round 14b (blind10): the report put off to a maybe-later ("we can maybe look at the records later on if there's time")
               r"(?:look at|get to|go over|go through|talk about|come back to|cover) (?:\w+ ){0,3}later(?: on)?", r"if (?:there'?s|we have) (?:any )?time (?:left|at the end|later)",
               # round 14c (blind11): a missed part excused and passed over ("It's okay that you skipped the second; weeks get busy")
               r"(?:it'?s|that'?s) (?:ok(?:ay)?|fine|alright|all right|no problem|no big deal) (?:that )?you (?:skipped|missed|didn'?t|forgot|couldn'?t)",
               # round 17 (hw16): the reported difficulty waved off ("The other columns take practice, so don't worry about them for now")
               r"(?:don'?t|do not|no need to) (?:worry|bother) (?:about|with) (?:it|them|that|those|these)(?: for now| yet)?")

# -- agenda -------------------------------------------------------------------------------------------
# Setting the agenda = proposing how THIS session's time is used: a reference to the session's time, a
# plan for it (what to look at, work on, spend it on, put first) and a proposal or question to the patient
# ("Shall we use today to look at that certainty, and leave a bit of time to plan your revision week?").
# An order for the items ("first...then", "leave time for") makes it a structured agenda. A close ("let's
# leave it there for today") is the end of a session, not its plan.
_SESSION_TIME = _rx(
    r"today", r"(?:this|today'?s|our|the) (?:session|hour)", r"our time(?! next)", r"the time (?:we have|today|left|together)",
    r"(?:rest|most|part|start|beginning|first half|second half|bulk|main part) of (?:the|our|this|today'?s) (?:session|hour|time)",
    r"the (?:next|first|last) (?:\d+|five|ten|fifteen|twenty|thirty|few) minutes",
)
_PLAN_VERB = _rx(
    r"look(?:ing)? (?:at|into)", r"work(?:ing)? (?:on|through)", r"focus(?:ing)? (?:on|in)", r"spen[dt]", r"spending", r"use", r"using", r"cover(?:ing)?",
    r"talk(?:ing)? (?:about|through)", r"go(?:ing)? (?:through|over)", r"start(?:ing)? (?:with|by|on)", r"put (?:\w+ ){0,4}(?:first|at the (?:top|centre|center|heart))",
    r"(?:at the )?(?:centre|center|top|heart) (?:of|for)", r"leave (?:a bit of |some |a little |a few minutes |enough )?time", r"plan(?:ning)?", r"get to",
    r"make (?:\w+ ){0,3}(?:the|our) (?:focus|priority|main)", r"give (?:\w+ ){0,3}(?:the )?(?:most|bulk|main|first)",
)
_PROPOSE = _rx(
    r"shall we", r"could we", r"can we", r"should we", r"how about", r"would it be (?:all right|ok|okay|alright|helpful|useful)", r"let'?s", r"let us",
    r"i'?d (?:suggest|like|propose)", r"i suggest", r"we could", r"we might", r"(?:what|which) (?:would|do|should) you", r"would you (?:like|want|rather)",
)
_ORDER = _rx(r"then", r"first", r"after (?:that|which)", r"and (?:leave|keep|save) (?:\w+ ){0,3}time", r"at the end", r"before we finish")
CLOSING = _rx(
    r"(?:leave it|stop|end|finish|wrap (?:it |things )?up|call it|pause)(?: \w+){0,2} (?:for|there for|here for) today",
    r"that'?s (?:it|all|enough|where we'?ll stop) for today", r"(?:see you|until|till) next (?:time|week)",
)

# -- pacing -------------------------------------------------------------------------------------------
_SLOW = _rx(
    r"slow(?:ing)? (?:us |things |it )?down", r"pause", r"step by step", r"one (?:step|thing|thread|piece|bit) at a time", r"(?:one|each) at a time",
    r"no (?:need to )?(?:rush|hurry)", r"(?:not|don'?t|didn'?t) (?:want to )?(?:rush|hurry|jump|skip)", r"rather (?:we )?(?:not|didn'?t) (?:rush|jump)",
    r"before we (?:move|think|jump|look|go|decide|dive|get|try|plan|start|talk)", r"stay with (?:that|this|it)", r"catch our breath",
    r"(?:for|take) a (?:moment|minute|few minutes|second)", r"take it slowly", r"at your (?:own )?pace", r"take (?:this|it) (?:slowly|gently)",
    r"(?:first|start),? (?:with )?(?:could|can|let'?s|what)", r"once we'?ve (?:looked|understood|heard)",
)
_SUMMARY = _rx(
    r"(?:let me|can i|i'?ll|shall i) (?:sum(?:marise|marize)?(?: up)?|recap|check where)", r"sum (?:up|that up)", r"so far",
    r"we'?ve (?:covered|talked about|looked at|got through|been through)", r"where we are", r"to recap", r"(?:so )?to summari[sz]e",
)
_TIME = _rx(
    rf"{_NUM} minutes", r"minutes? (?:left|to go)", r"halfway", r"(?:near|towards|at) the end", r"check the time", r"time (?:left|we have|is nearly)",
    r"most of (?:our|the) (?:time|session)", r"(?:rest|end) of (?:our|the|today'?s) (?:time|session)", r"(?:our|the) time",
    r"first thing next time", r"(?:leave|save|keep) (?:\w+ )?(?:minutes|time)",
)
_PARK = _rx(
    r"park", r"make a note", r"come back to", r"return to", r"turn to", r"go back to", r"if (?:there'?s|we have) time", r"at the end",
    r"leave (?:the rest|that|it|those) (?:for|until)", r"save (?:it|that) for", r"put (?:it|that) (?:aside|on hold)", r"hold (?:that|it) (?:for|until)",
    r"what can wait", r"the others? (?:later|next)",
    # round 15 (blind12): "let's note it for later", "keep that for another time"
    r"(?:note|keep|save|hold|put|leave|flag) (?:it|that|this|them) (?:down )?(?:for|until) (?:later|another time|the end|next time)", r"for later\b",
)
_PRIORITY = _rx(
    r"(?:pick|choose|take|start with) (?:just )?(?:one|two|the one|a single)", r"one or two", r"all at once", r"in one go", r"everywhere at once",
    r"(?:which|what) (?:one )?(?:is|feels|seems) (?:pressing|most|heaviest|on top|biggest|hardest)", r"what'?s on top", r"one thread",
    r"rather than (?:try(?:ing)? to )?(?:untangle|fix|solve|sort|cover|plan)",
    # round 14b (blind10): the threads named and one chosen, with a reason ("three threads there... I suggest we start
    # with the moment you snapped, since it's freshest, then...")
    r"(?:two|three|four|several|a few|a couple of) (?:threads|strands|things|parts|pieces|issues|topics|knots) (?:there|here|in (?:that|this|what you(?:'ve)? (?:said|told me|described))|going on|tangled)",
    r"(?:start|begin) with (?:\w+ ){0,5}\w+,? (?:since|because|as) (?:it'?s|that'?s|it is|it was|that was|it feels)",
)
_TANGENT_Q = re.compile(
    r"^(?:oh,? |and |so |actually,? )?(?:which|where|who|what kind|what sort|how long|how many|how often|did (?:you|they|he|she|your)|"
    r"was (?:it|she|he|there)|were (?:you|they|there)|is (?:she|he|it) usually|"
    # round 14b (blind10): side details of the situation itself ("Is it a merger or more of a takeover?", "What sector are
    # you in, and how big is the other firm?")
    r"is it (?:a|an) \w+(?: \w+)? or (?:more |rather |just )?(?:of )?(?:a|an)\b|what (?:sector|industry|field|line of work|company|brand|model|make|size)\b|how (?:big|large|old)\b|what did (?:you|they) (?:eat|wear|watch|have|do at|go for|think of it all))",
    re.IGNORECASE,
)
# Questions about the work itself ("Which days would suit you?") are not side details.
_PLAN_Q = _rx(r"suit", r"work for", r"fit", r"realistic", r"doable", r"manageable", r"prefer", r"like to", r"want to", r"first", r"start",
              r"feel", r"felt", r"help", r"try", r"agree", r"days?", r"times?")
_ENUM = re.compile(r"^(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth|fifth|next|last(?:ly)?|finally)\b[.)]?|\d+[.)]?|[-*\u2022])\s*",
                   re.IGNORECASE)
_TELL_ALL = _rx(r"tell me (?:more|everything|all)(?: about)?", r"i want to hear (?:the rest|everything|all)", r"what'?s (?:his|her|their) \w+ like")

# "What do you think?" and "could you think about when..." ask for an opinion or a plan, not a thought.
_OPINION_Q = _rx(r"what do you think\s*\?", r"what do you think (?:of|about) (?:the|this|that|my) (?:plan|idea|suggestion)",
                 # round 14b (blind10): a solution asked for ("What do you think would help you feel better?")
                 r"what do you think (?:would|might|could|will|can) (?:help|make|work|change|improve|fix|cheer|lift|ease|calm|settle|soothe|boost|get you)", r"what do you think you (?:could|should|can|might|need to) (?:do|try|change)",
                 r"think about (?:when|how|whether|which|what to|where)")

# -- understanding ------------------------------------------------------------------------------------
_FEELINGS = frozenset(["hurt", "hurts", "hurtful", "stung", "stings", "sting", "guilt", "guilty", "ashamed", "shame", "shameful", "afraid", "scared", "frightened", "frightening", "fear", "fears", "fearful", "lonely", "alone", "isolated", "isolating", "invisible", "left-out", "angry", "anger", "furious", "frustrated", "frustrating", "frustration", "maddening", "sad", "sadness", "grief", "grieving", "loss", "helpless", "hopeless", "trapped", "stuck", "torn", "worried", "worry", "anxious", "anxiety", "dread", "dreading", "embarrassed", "embarrassing", "humiliated", "humiliating", "rejected", "overwhelmed", "overwhelming", "exhausted", "exhausting", "drained", "draining", "tired", "weary", "unsettled", "unsettling", "devastated", "devastating", "heartbroken", "disappointed", "disappointing", "disappointment", "resentful", "resentment", "betrayed", "jealous", "envious", "numb", "flat", "panicky", "terrified", "confused", "uncomfortable", "unsafe", "powerless", "worthless", "useless", "failure", "crushed", "gutted", "raw", "painful", "pain", "upset", "distressed", "distressing", "deflated", "deflating", "discouraged", "discouraging", "dismissed", "unheard", "unseen", "unwanted", "unwelcome", "burden", "pressure", "pressured", "cornered", "relief", "relieved", "disheartened", "insecure", "inadequate", "defeated", "bitter", "regret", "regretful", "sorrow", "heavy", "heaviness", "cringing", "nervous", "tense", "shaky",
    "abandoned", "neglected", "ignored", "unloved", "unimportant", "excluded", "missing", "lost", "mourning", "homesick", "scary",
    # round 13 (blind7/8): loss and futility named in other words ("losing a piece of him", "feel a bit pointless")
    "losing", "pointless", "unneeded"])
_POSITIVE = frozenset(["happy", "happier", "excited", "exciting", "exhilarating", "lovely", "wonderful", "fantastic", "amazing", "brilliant", "great", "nice", "glad", "proud", "joyful", "joy", "delighted", "healthy", "positive", "congratulations", "celebrate", "celebrating", "secure", "fine", "grateful", "lucky", "adventure", "fun", "enjoy", "enjoyed"])
_REFLECT = _rx(
    r"it sounds (?:like|as if|as though)", r"that sounds", r"you sound", r"so you", r"you'?re (?:saying|telling me|carrying|making|left|feeling|being)",
    r"i(?:'m| am) hearing", r"i can hear", r"i hear", r"i wonder (?:if|whether)", r"i imagine", r"i guess", r"part of you", r"as if", r"as though",
    r"maybe (?:there'?s|it'?s|you)", r"perhaps", r"it seems", r"you (?:held|took|had|have|were|felt|feel|did|didn'?t|kept|carried)",
    r"(?:being|feeling) (?:told|left|called|the only)", r"(?:that|this) (?:must|might|may) (?:hurt|feel|have|be)", r"like (?:your|you|what|it|being)",
    # round 13 (blind7): what the experience does to the client, said tentatively or as a must ("That must sting",
    # "That must make the exercises feel pointless", "maybe it also feeds a worry that your English...", "you've lost")
    r"(?:that|this|it) (?:must|might|may|would) (?:\w+ ){0,4}(?:feel|hurt|sting|stung)", r"(?:maybe|perhaps) (?:\w+ ){0,6}(?:you|your|you'?re)",
    r"you'?ve (?:lost(?! nothing)|been|had|felt|carried)",
    # round 14c (blind11): a reading offered as a wondering ("makes me wonder whether you're not quite sure she does")
    r"(?:makes?|made|leaves?|left) me (?:\w+ )?wonder(?:ing)? (?:if|whether|about)",
    # round 15 (blind12): the situation itself read as a feeling ("sitting alone in the garage sounds more like hurt than anger")
    r"sounds? (?:a lot |much |rather |a bit |a little )?(?:more |less )?like",
)
_TENTATIVE = _rx(r"maybe", r"perhaps", r"i wonder", r"me wonder", r"i imagine", r"i guess", r"might", r"as if", r"as though", r"sounds (?:\w+ )?like", r"seems", r"a bit", r"part of you", r"is that (?:close|right)")
# Round 13 (blind7/8): a general truth about the condition in place of this client's experience ("Caregiving can be
# exhausting", "Recovery can be slow", "it's only natural to miss him", "as often as we'd like", "there's no right way to
# feel"). Counted as generic only in a statement with no "you" and no tentative reading in it, and not when "that" or
# "it" (the client's own situation) is what "can be hard": the rater hears a leaflet, not a reflection.
_GENERAL_TRUTH = _rx(
    r"(?<!\bthat )(?<!\bthis )(?<!\bit )can (?:often |sometimes |really |also )?(?:be|feel|take|seem) (?:very |really |so |quite |incredibly |a bit )?(?:slow|hard|tough|difficult|exhausting|draining|tiring|"
    r"frustrating|lonely|isolating|overwhelming|a lot|painful|stressful|confusing|challenging|upsetting|a long time|time)",
    r"(?:only |perfectly |completely |very |so |quite )?natural (?:to|that|for|when)", r"as (?:often |much )?as (?:we'?d|we would|one would|anyone would) (?:like|want|hope)",
    r"no (?:right|wrong|correct) (?:or wrong )?way to (?:feel|grieve|react|cope|respond|be)",
    # round 14c (blind11): a role's hardship stated for everyone ("Being a father is hard", "Parenting is tough")
    r"^\W*(?:being an? \w+|parenting|raising (?:kids|children)|caring for \w+|life) (?:is|can be) (?:so |really |very |often )?(?:hard|tough|difficult|a lot)\b",
)
_YOU2 = re.compile(r"(?<!\w)(?:you|your|you'?re|you'?ve|yourself)(?!\w)", re.IGNORECASE)
_GENERIC = _rx(
    r"(?:really |very |completely |so )?(?:common|normal)", r"lots of (?:people|\w+s)", r"many people", r"everyone", r"every (?:parent|\w+) ",
    r"i'?m sure", r"probably", r"(?:will|'ll) (?:come around|settle|get easier|be fine|work out)", r"happens to (?:everyone|all of us)",
    r"don'?t be (?:too )?hard on", r"in no time", r"try not to", r"at least",
)

# Round 11 (blind3). Understanding at depth: a reflection of what the experience means to the client (about
# them, their worth or role, why they keep it hidden), CTRS 6, over a stock formula of empathy ("it's
# understandable", "that's a really difficult position") on a surface mood, CTRS 4.
_MEANING = _rx(
    r"(?:says|said|means|meant|proves|proved|shows|showed) (?:something |a lot |anything |nothing )?(?:about|that) you",
    r"what (?:it|that|this) (?:says|means|said|meant) about you", r"about (?:you|yourself) as an? \w+",
    r"(?:you|you'?ve|you have) (?:feel|felt|fear|believe|worry|worried|think|thought) (?:that )?you(?:'?re| are|'?ve| have| can'?t| should| must| aren'?t| were| don'?t| let| failed)",
    r"feel(?:s|ing)? (?:that )?you(?:'?ve| have)? (?:let|failed|disappointed)", r"(?:as if|as though) you(?:'?re| are| were|'?ve| have| should| must| can'?t)",
    r"so (?:they|he|she|people|nobody|no one) (?:won'?t|wouldn'?t|don'?t|doesn'?t|can'?t) (?:worry|think|see|feel|know|find out)",
    # round 12 (blind5): the experience set against who the client wants to be ("that isn't the dad you want to be")
    r"(?:the|a|an) (?:kind of |sort of )?(?:\w+ )?you (?:want|wanted|hope|hoped|try|tried|are trying|were trying|mean|meant|used) to be",
    r"(?:the|what) (?:kind|sort) of (?:\w+ )?you (?:are|were|want to be|think you are)",
    # round 14c (blind11): the unsaid doubt behind the client's own words ("wonder whether you're not quite sure she
    # does"), the deeper reason set beside the surface one ("not only because of him, but because ... you saw your
    # father in yourself"), and what the client does not want to become or pass on
    r"wonder(?:ing)? (?:if|whether) (?:\w+ ){0,3}you(?:'re| are)? (?:not )?(?:quite |really |fully |entirely )?(?:sure|convinced|believe|trust|find|doubt)",
    r"not (?:only|just) because (?:of )?[^,.;]{1,40},? but (?:also )?because",
    r"what you (?:don'?t|do not|never) want(?:ed)? to (?:be|become|pass on|hand on|repeat|turn into)",
    # round 15 (blind12): someone's verdict on the client feared true ("wondering whether he's right about you"), and the
    # event read as a verdict on them ("it landed as 'ordinary', and ordinary maybe feels close to failing for you")
    r"(?:he|she|they|it|someone|people|\w+)(?:'s| is| was| are| were| might be| could be| may be) (?:\w+ )?(?:right|correct) about you", r"(?:landed|lands|registered|came across|comes across) (?:to you |for you |with you )?as\b",
    r"(?:feels?|felt) (?:close to|like|as bad as) (?:\w+ ){0,2}(?:failing|failure|failed|worthless|useless|nothing|a joke|not good enough)\b",
)
# Round 12 (blind5). A reflection offered and then checked with the client ("Have I got that right?", "Is that
# close?"): CTRS understanding 6 tests its reading of the client instead of asserting it.
_CHECK_READING = _rx(
    r"(?:have|did) i (?:got|get|understood|understand|read|heard|hear) (?:that|it|this|you|what you)(?: \w+)? (?:right|correctly|properly)",
    r"(?:is|was) (?:that|this|it) (?:close|near|nearer|closer|about right|anywhere near|near the mark|on the mark|more like it)(?: (?:it|to it|the mark))?", r"am i (?:close|near|right|reading|hearing|getting)",
    r"(?:does|did) (?:that|this|it|any of (?:that|this)) (?:fit|ring true|sound right|feel right|match)", r"(?:is|was) that (?:right|how it (?:is|was|feels|felt))",
    r"(?:or )?(?:have|did) i (?:got|get|read) (?:that|it) wrong", r"tell me if (?:i'?ve|i have|i'?m) (?:got|read|missed|misread|wrong)",
)
_SURFACE = frozenset(["tired", "exhausted", "exhausting", "drained", "draining", "weary", "overwhelmed", "overwhelming",
                      "stressed", "stressful", "pressure", "pressured", "busy"])
_STOCK = _rx(
    r"(?:it'?s|that'?s|this is|it is|that is|which is|which'?s) (?:completely |totally |perfectly |very |so |really |entirely )?understandable",
    # round 15 (blind12): the same formula with the mood as its subject ("Being fed up with it all is understandable")
    r"^\W*(?:being|feeling|getting) (?:\w+ ){1,5}(?:is|would be) (?:completely |totally |perfectly |very |so |really |entirely )?understandable",
    r"(?:that'?s|this is|it'?s|that is|that must be|what) (?:a |such a )?(?:really |very |so |incredibly |truly )?(?:difficult|hard|tough|challenging|stressful) (?:position|situation|time|place|spot)",
)
# Techniques: the therapist fills in the technique's answers (the evidence, the balanced thought, the odds)
# instead of drawing them from the patient (CTRS 3: "done mechanically, supplying the answers"), versus
# each step put to the patient as a question about their own material (CTRS 6).
_SUPPLIED = _rx(
    r"(?:a |the |your )?(?:more )?(?:balanced|alternative|helpful|realistic|rational|kinder) (?:thought|view|belief|conclusion) (?:could|would|might|is|should) be",
    r"evidence (?:for|against)(?: it| that)?:", r"(?:the )?worst(?:[- ]case| that could happen)? (?:isn'?t|is not|is unlikely|won'?t|probably won'?t|is very unlikely)",
    r"(?:isn'?t|is not|aren'?t|are not|it'?s not) (?:very |that |all that |really |terribly )?(?:likely|probable)",
    r"(?:rarely|never|not|seldom) (?:as|that) bad as", r"so the (?:answer|evidence|truth) (?:is|shows|says)",
    r"the evidence (?:shows|says|suggests|is clear)", r"(?:in reality|realistically|the reality is),? (?:it|they|he|she|you|things)",
    # the verdict on the evidence, and the other side filled in for the patient
    r"(?:so |and )?the evidence (?:for|against)? ?(?:\w+ ){0,3}(?:is|looks|seems) (?:much |far |a lot |way )?(?:stronger|weaker|clear|overwhelming)",
    r"(?:he|she|they|it|people|that|this) (?:was|were|is|are|'re|'s) (?:probably|most likely|likely|almost certainly|surely) (?:just )?",
    r"(?:so |which means )?(?:they|he|she|people|you|it) (?:obviously|clearly|definitely) (?:don'?t|doesn'?t|didn'?t|aren'?t|isn'?t|wasn'?t|can'?t|do|does|are|is|were)\b",
    r"(?:try |just )?(?:saying|say|telling|tell|reminding|remind|repeat(?:ing)?) (?:yourself|to yourself) [\x27\"\u201c\u2018]", r"(?:try |just )?(?:saying|say|repeat(?:ing)?) [\x27\"\u201c\u2018][^\x27\"\u201d\u2019]{2,60}[\x27\"\u201d\u2019] to yourself",
    # round 12 (blind5): the verdict in other words ("the evidence doesn't really support it", "pretty strong evidence
    # that he cares"), the record's columns filled in by the therapist ("Thought: 'I'm in trouble.' Balanced thought:
    # ..."), and the script or the outcome handed over ("Here's something you could say: '...'", "you'll be fine")
    r"(?:the )?evidence (?:really )?(?:doesn'?t|does not|don'?t|can'?t|won'?t) (?:really |quite |actually )?(?:support|back(?: up)?|fit|add up|point)",
    r"(?:pretty |very |quite |really |fairly )?(?:strong|good|clear|solid|compelling) evidence (?:that|of)\b",
    r"here'?s (?:something|what|a line|a script|how) you (?:could|can|might|should) (?:say|put it|tell)", r"(?:just|simply) say (?:it|that|this|something like)",
    r"you'?ll be (?:fine|okay|ok|alright|all right|great)\b",
    # round 14c (blind11): the record's line scripted for the patient ("for the balanced thought, you could write: '...'"),
    # the verdict on the odds ("the worst case is rarely as likely as it feels") and a plan handed over ready-made
    # ("Here's a suggested schedule: Monday a walk, Tuesday...")
    r"you (?:could|can|might|should) (?:write|put|say|jot)(?: down)?:?(?=\s?[\x27\"\u201c\u2018])",
    r"(?:is|are) (?:rarely|seldom|hardly ever|almost never) (?:as|that) (?:likely|bad|probable)",
    r"here'?s (?:a|an|your|the) (?:suggested |sample |ready-made |simple |weekly )?(?:schedule|timetable|plan|routine|rota)\b",
    # round 15 (blind12): the therapist's own question answered for the patient with a quoted candidate ("What would a more
    # balanced thought be? Maybe something like 'this is a fear, not a prediction'.")
    r"^\W*(?:(?:so|and|well|okay|ok|or),? )?(?:maybe|perhaps|possibly|probably)?,? ?(?:something|a thought|one|a line) (?:a bit |a little )?like:?(?=\s?[\x27\"\u201c\u2018])",
    r"(?:could|might|would|can) be something like:?(?=\s?[\x27\"\u201c\u2018])",
)
_STEP = _rx(
    r"worst", r"best case", r"most likely", r"realistic(?:ally)?", r"evidence", r"supports?", r"(?:doesn'?t|don'?t|not) (?:quite )?fit",
    r"column", r"0 (?:to|-) ?(?:10|100)", r"out of (?:10|100|ten)", r"believe", r"cope", r"another way", r"alternative",
    r"what would (?:actually |really )?happen", r"how likely", r"against (?:it|that|the)", r"(?:a|your) friend", r"on the other (?:side|hand)",
    # double standard: the patient's verdict tried on someone else in the same place
    r"what would you (?:actually |really )?(?:say|tell|think|want to say)(?: back)?(?: to)? (?:him|her|them|someone|anyone|a friend|your \w+)", r"(?:different|harder|kinder) (?:from|than|to) what you (?:say|tell)",
    r"would you (?:say|judge|blame|think) (?:that )?(?:of |about )?(?:him|her|them|someone|a friend|your \w+)",
    r"out of (?:a |one )?hundred", r"how strongly",
    # round 12b (blind6): a share of the outcome put to the client (the responsibility pie, unnamed or named)
    r"how (?:big|much|large) (?:a |of a )?(?:slice|share|piece|part|portion|chunk)", r"what (?:share|percentage|proportion|slice)",
    # round 14c (blind11): evidence drawn from the patient's own past occasions ("on the other nights she wouldn't
    # settle, how did those nights end?"), the feared outcome followed step by step with the patient's coping ("what
    # happens first, and then next? ... at each step, who could help?"), and the patient's verdict tried the other way
    # round ("say he rang you ... would you wonder why he'd bothered?")
    r"how did (?:th(?:ose|at|e other)|the (?:last|other|previous)|other|previous) (?:\w+ ){0,3}(?:end|go|turn out|work out|finish)",
    r"what (?:turned out|has turned out) to be", r"what happens (?:first|next|then|after that)", r"at each (?:step|stage|point)",
    r"who (?:could|might|would) help", r"would you (?:wonder|think|mind|assume|decide) (?:why |that |whether |if )?(?:he|she|they|someone|a friend|your \w+)\b",
)
# Round 15 (blind12): the feared event supposed and the patient's coping asked for, step by step (decatastrophising
# unnamed: "Let's say you did feel chest pain alone. What would you do in the first minute? Who could you call?"). The
# coping questions count only beside the supposition: "What would you do first on Monday?" alone is planning.
_SUPPOSE = _rx(r"(?:let'?s say|suppose|imagine|say) (?:for a (?:moment|minute) )?(?:that )?(?:you|it|the worst|that|he|she|they) (?:really |actually )?(?:did|does|had|were|was|happened|came true|went wrong|got|felt|lost|failed)",
               r"if (?:it|that|the worst|this) (?:really |actually )?(?:did|does|happened|came true|went wrong)")
_COPE_Q = _rx(r"what would you (?:actually |really )?do (?:first|next|then|in the first|right then|at that point)",
              r"who (?:could|would|might|can) you (?:call|ring|phone|text|turn to|ask|reach)",
              r"how (?:quickly|soon|fast) (?:could|would|might|can) (?:help|someone|anyone|they|an ambulance)", r"how would you (?:get through|handle|manage|cope)")
# ...and a record's columns filled in by the therapist ("Thought: 'I'm in trouble.' Feeling: anxiety, 80. Balanced
# thought: she may just..."), unless what fills them is the client's own material.
_COLUMN = re.compile(r"^\W*(?:so,? |okay,? |ok,? )?(?:(?:automatic|hot|balanced|alternative|helpful|realistic|rational|new) )?"
                     r"(?:thought|feeling|emotion|mood|alternative|outcome|re-?rating|conclusion|response)s?(?: \w+)?:\s*\S", re.IGNORECASE)
# Round 12 (blind5): a step put to the patient as a request rather than a question ("tell me what went through your
# mind and how strongly, out of a hundred").
_ASK_REQ = _rx(r"let'?s (?:fill in|fill out|complete|work out|find|walk (?:\w+ )?through|follow (?:it|that|this) through)", r"tell me", r"walk me through", r"talk me through", r"i'?d like to hear", r"let'?s (?:hear|get)", r"give me", r"put (?:a|your) number on")
_REQ_STEP = _rx(r"out of (?:10|100|ten|a hundred|one hundred)", r"0 (?:to|-) ?(?:10|100)", r"how strongly", r"evidence", r"supports?", r"believe", r"column", r"alternative",
                # round 15 (blind12): "let's walk through it and see what would actually happen"
                r"what would (?:actually |really )?happen")
# Homework chosen by the patient from options laid out ("One option is... Another is... Which feels more useful?").
_CHOICE_Q = _rx(
    r"which (?:one|of (?:these|those|them|the two)|feels|would|sounds|seems|do you|could you|appeals)",
    r"which (?:\w+ ){1,2}(?:would|could|feels|seems) (?:(?:feel|be|seem) )?(?:\w+ )?(?:easiest|least|most|best|safest|simplest|hardest)", r"or (?:is there )?(?:something|anything) else",
    r"would you rather", r"(?:where|when) would (?:it|that|this) (?:fit|work|suit)", r"what (?:would|feels|sounds|seems) (?:most |more )?(?:doable|realistic|manageable)",
    r"what would you (?:prefer|rather|choose|pick|like to try)", r"(?:do you|would you) prefer", r"your (?:choice|call|pick)",
)
# Round 12 (blind5): the task's shape handed to the patient as a statement ("Phone notes or paper, daily or just the big
# ones: you decide what's realistic.").
_HAND_OVER = _rx(r"you (?:decide|choose|pick|get to (?:decide|choose|pick))(?! to| up)", r"(?:it'?s|that'?s) (?:entirely |completely |totally )?(?:up to you|your (?:call|choice))",
                 r"(?:whichever|whatever) (?:suits|fits|works for) you (?:best|better)?")
# Focus: a list of cognitive-model terms is jargon, not a cognition found ("the automatic thoughts, core beliefs,
# schemas and distortions involved").
_JARGON = re.compile(
    r"(?<!\w)(?:automatic thoughts?|core beliefs?|intermediate beliefs?|underlying assumptions?|assumptions|schemas?|schemata|"
    r"cognitive distortions?|thinking errors?|distortions|catastrophi[sz]ing|mind[- ]reading|labell?ing|all[- ]or[- ]nothing|"
    r"overgenerali[sz]\w*|personali[sz]ation|fortune[- ]telling|should statements|key cognitions|negative cognitions|cognitive triad|"
    r"rules for living|conditional beliefs?|maladaptive \w+)(?!\w)", re.IGNORECASE)
# Guided discovery: a closed question that carries its answer ("Has anyone ever actually said so, even once?").
_CLOSED = re.compile(r"^\s*(?:\w+,\s*)?(?:has|have|had|did|does|do|is|are|was|were|would|could|can|will|haven'?t|didn'?t|isn'?t)\b", re.IGNORECASE)
_PRESS = re.compile(r"(?<!\w)(?:ever|even once|once|actually|really|at all|one single|any real|for certain|for sure)(?!\w)", re.IGNORECASE)
# Feedback: an offer to change how the work is done if part of it is not working for the patient.
_ADAPT_OFFER = _rx(
    r"(?:we|i) (?:can|could|'?ll|will) (?:change|adapt|adjust|tweak|rethink|swap|drop|alter) (?:how|what|the way|it|that|this|things|the)",
    r"(?:we|i) (?:can|could) (?:do|try) (?:it|this|things) (?:differently|another way|a different way)",
    r"(?:doesn'?t|does not|don'?t|do not) (?:have|need) to (?:look|be done|go|feel) like",
    # resizing or slowing what was proposed, in answer to how it sits with the patient
    r"(?:we|i) (?:can|could|'?ll|will) (?:make|keep) (?:it|this|that|the \w+) (?:\w+ )?(?:smaller|shorter|easier|simpler|gentler|lighter|more manageable|less)",
    r"(?:we|i) (?:can|could|'?ll|will) (?:scale|dial|tone|slow|pare) (?:it|this|that|things) (?:back|down)",
    # round 14b (blind10): "we could do a much lighter version today", "or we can simply talk it through"
    r"(?:we|i) (?:can|could|'?ll|will) (?:do|try|use) (?:a|an) (?:much |far |a lot )?(?:lighter|shorter|simpler|gentler|smaller|easier|quicker|briefer|softer) (?:version|form|take|one)",
)
# Feedback at the moment it matters: the patient answers a proposal with a bare, flat assent ("sure", "ok",
# "I guess"), and the reply asks what that assent really means to them instead of taking it at face value.
_ASSENT = re.compile(r"^\W*(?:sure|ok(?:ay)?|k|fine|yeah|yep|yes|alright|all right|i guess(?: so)?|guess so|whatever|maybe|if you say so|i suppose(?: so)?|sounds? (?:ok|okay|fine|good))\W*$", re.IGNORECASE)
# ...or a hedged one ("I guess you're right.", "I suppose I could try it."): agreement that is not yet owned.
_HEDGED_ASSENT = re.compile(r"^\W*(?:i guess|i suppose|i mean,? (?:sure|yes|yeah|ok)|maybe|if you say so|sure,? (?:i guess|whatever|if)|ok(?:ay)?,? i guess|yeah,? i (?:guess|suppose)|whatever)\b", re.IGNORECASE)
_VIEW_PROBE = _rx(r"honest(?:ly)?", r"really", r"actually", r"(?:mean|means) (?:for|to) you", r"feel(?:ing)? about", r"sits? with you", r"up for",
                  r"(?:sure|ready|keen|willing|confident|comfortable)", r"on a scale", r"any (?:doubts|hesitation|worries|reservations)", r"part of you")

# -- strategy for change ------------------------------------------------------------------------------
_FORMULATION = _rx(
    r"keeps? (?:the \w+ |it |you |that |things )(?:going|alive|strong|stuck)", r"(?:may|might|can) (?:also )?keep (?:the \w+|it|you)",
    r"never (?:learn|find out|get (?:a|the) chance|get to see)", r"stops? you (?:finding|learning|seeing)", r"untested", r"follows? from (?:that|this|what)",
    r"(?:is|are) what (?:drives|keeps|feeds)", r"(?:drives|feeds|maintains) the", r"(?:quick|brief|short-term|instant) relief", r"relief,? but",
    r"works the other way", r"safety (?:net|behaviou?r)", r"(?:teach|teaches|tell|tells) your (?:mind|brain|body)", r"protects? you from",
    r"the more you \w+,? the more", r"so (?:the|that|your) (?:belief|fear|thought|avoid\w*|checking|worry\w*|prediction)", r"comes? first and",
    r"(?:has|have) become the place", r"(?:calms|settles|soothes) you (?:briefly|for a moment)", r"(?:in|for) the (?:short|long) (?:run|term)",
    # what keeps it going, in other words: a loop, a consequence that feeds the cause, a belief never put to the test
    r"keep(?:s|ing)? (?:\w+ ){1,3}(?:going|alive|strong|stuck|fresh|at full strength)", r"(?:feeds?|fuels?|deepens?|strengthens?) (?:the|your|it|that|into)",
    r"(?:so|and|which means|means) (?:that )?you never (?:get to )?(?:find out|discover|learn|check|see|test|get the chance)",
    r"never (?:gets?|got) (?:checked|tested|a chance|the chance)", r"(?:spares?|protects?|stops?) you (?:from )?(?:the|finding|learning|being|seeing|ever)",
    r"(?:calms?|relieves?|settles?|soothes?|switches?) (?:\w+ ){0,3}(?:briefly|for a moment|quickly|fast)", r"brings? (?:the \w+ )?down (?:fast|quickly)",
    r"(?:but|yet) (?:it |that |this )?(?:also )?(?:keeps|leaves|means|tells|teaches)", r"which (?:then )?(?:feeds|keeps|leads to|leaves you|makes (?:it|the \w+|you|things) (?:\w+ )?(?:harder|worse|more|less))",
    r"that'?s how (?:\w+ )?(?:\w+ )?(?:works|tends to work)", r"(?:vicious )?(?:circle|cycle|loop)", r"(?:seems|feels) like proof", r"(?:is|are) (?:what|how) (?:keeps|drives|makes)",
    r"(?:the|that|this|your) (?:\w+ ){0,2}(?:belief|fear|thought|prediction) (?:drives|pushes|makes|leads|keeps|means)",
)
_PROPOSAL = _rx(
    r"(?:could|shall|can|might) we (?:plan|try|test|build|set up|start|look for|pick|make)", r"what if (?:we|you)", r"how about (?:we|you|a)",
    r"one (?:way (?:forward|in|through|to (?:test|try|work|start|tackle))|approach|plan|step|option|thing we could)", r"(?:a|an|one) (?:plan|approach|step|experiment|way forward) (?:could|that|would|is)",
    r"let'?s (?:test|try|plan|build|see (?:what|whether|if|how))", r"put (?:it|that|this) to the test", r"(?:an )?experiment", r"(?:go|stay) for (?:just )?(?:the first|\w+ (?:minutes|hour))",
    r"see (?:whether|what happens|if)", r"compare (?:it|that|them|what)", r"build (?:up|a ladder)", r"graded", r"gradual(?:ly)?", r"first step",
    r"wait \w+ minutes", r"(?:do|doing|bring|bringing|leave|leaving|make|making|say|saying|send|sending)\w* (?:\w+ ){0,4}on purpose", r"ladder", r"(?:find|learn|see) (?:out )?what (?:actually|really)", r"what (?:actually|really) happen",
    r"(?:bring on|drop|turn down|say no to|go without|without your)", r"a (?:small|tiny|first) step",
    r"let'?s (?:try|test|plan|build|gather|practise|practice|rehearse|flip|experiment)", r"a plan (?:from|that follows|could be|would be)",
    r"(?:shall|could|can) we (?:\w+ )?(?:pick|try|test|plan|build|rehearse|practise|practice|start|work)", r"what if we", r"(?:one|an) approach",
    r"(?:could|would) you (?:be willing to )?(?:try|test)", r"the plan:", r"i (?:would )?(?:propose|suggest) (?:we|reducing|a|that|starting)",
    r"graded steps", r"(?:moving|move) (?:on|up) (?:only )?(?:when|once)", r"(?:not(?:e|es|ed|ing|ice|iced|icing)|record\w*|track\w*|rat(?:e|es|ing)|count\w*) (?:\w+ ){0,4}(?:before and after|actually)",
    r"(?:would|are) you (?:be )?(?:up for|willing to|interested in)", r"what if (?:this week |today |next time )?(?:we|you)", r"plan (?:something|one thing|a step|a small)",
)
_TIPS = _rx(
    r"mindfulness", r"meditat\w*", r"yoga", r"(?:chamomile|calming|herbal) tea", r"warm bath", r"lavender", r"(?:calming|relaxing) (?:music|playlist)",
    r"podcast", r"app", r"affirmations?", r"self-care", r"positive (?:mindset|thinking|people)", r"stay positive", r"be (?:kind|gentle|patient)",
    r"hobby", r"hobbies", r"fresh air", r"good night'?s sleep", r"(?:get|plenty of|enough) sleep", r"cut (?:down on|back on) (?:caffeine|coffee)",
    r"deep breath(?:ing|s)?", r"relax", r"date night", r"grammar checker", r"to-do list", r"reward yourself", r"set boundaries", r"take (?:your|some) time",
    r"(?:listen to|trust) your body", r"don'?t push yourself", r"try not to (?:think|worry|dwell)", r"skip the", r"drink water",
    # round 14b (blind10): wind-down tips in place of a plan that tests the fear ("set some boundaries", "something
    # relaxing, like a bath", "a digital detox")
    r"set (?:some |clear |firm |healthy |better )?boundar(?:y|ies)", r"(?:something|anything) relaxing", r"(?:a|hot|warm|long|nice) bath", r"(?:digital|screen|social media|phone) (?:detox|break|curfew)",
)

# -- homework fit and collaboration (round 8) -----------------------------------------------------
# A task measured by its dose ("ten minutes, twice this week", "three notes by Monday") is concrete even
# when its verb is generic ("which one could you manage for ten minutes before Friday?").
_DOSE = _rx(rf"(?:for|about|just) {_NUM} (?:minutes?|mins?|hours?)", rf"{_NUM} (?:times|notes|entries|lines|calls|texts|walks|goes|moments|visits)",
            r"once|twice")
# A generic wellbeing tip (sleep, baths, music, a friend, keeping busy) is no CBT homework unless it is
# about the patient's own material: CTRS homework follows from the session's work.
_WELLBEING = _rx(
    r"early night", r"(?:more|enough|extra) (?:sleep|rest)", r"caffeine", r"(?:a |the )?bath", r"cup of tea", r"warm drink",
    r"(?:gentle|soothing|calm) music", r"time (?:just )?for yourself", r"something nice", r"treat yourself", r"keep (?:yourself )?busy",
    r"daylight", r"(?:reach out to|see|call) (?:a|some) friends?", r"pamper", r"me-?time", r"wind(?:ing)? down", r"get(?:ting)? (?:outside|out more)",
)
_UNITS_W = frozenset(["week", "weekend", "day", "days", "night", "nights", "evening", "evenings", "morning", "mornings", "minute", "minutes",
                      "hour", "hours", "time", "times", "try", "next", "last"])
_GENERIC_W = frozenset([
    "week", "weekend", "day", "days", "night", "nights", "evening", "evenings", "morning", "mornings", "minute", "minutes", "hour", "hours",
    "today", "tomorrow", "tonight", "next", "last", "session", "try", "trying", "help", "helps", "good", "little", "small", "something",
    "anything", "nothing", "everything", "people", "person", "able", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "first", "start", "better", "bad", "worse",
])
# The patient says the task does not fit their life: it cannot be done where, when or how it was set.
_BARRIER = _rx(
    r"can'?t", r"cannot", r"couldn'?t", r"won'?t (?:work|happen|be able)", r"(?:doesn'?t|does not|isn'?t going to|is not going to) work", r"not (?:possible|realistic|doable)",
    r"(?:no|zero|hardly any|barely any|little) (?:time|energy|break|breaks|chance|space|privacy|way)", r"too (?:tired|busy|much|hard|far|anxious|scared|exhausted|early|late)", r"shattered", r"(?:don'?t|do not) see how",
    r"(?:didn'?t|did not|never) (?:manage|get (?:round|a chance)|have time)", r"impossible", r"by the time i", r"(?:is|'s) (?:its own|a) nightmare",
)
_TASK_TALK = _rx(
    _TASK_N, r"writ(?:e|ing)(?: \w+)? down", r"write", r"writing", r"thought records?", r"keep(?:ing)? a", r"i (?:said|agreed) i'?d", r"the (?:whole )?[\w-]+ (?:idea|thing|plan)",
    r"(?:morning|evening|daily) \w+", r"go(?:ing)? (?:to|there)", r"sit(?:ting)? there",
)
# Fitting the task to that obstacle (CTRS: homework tailored to the patient, difficulties anticipated):
# a changed time, place, form or size, or the patient asked what would fit.
_ADAPT = _rx(
    r"adapt", r"adjust", r"tweak", r"rethink", r"re-?plan", r"reshape", r"rework", r"shrink", r"work around", r"instead",
    r"fits? (?:it |this |that )?(?:to|around|into|in with|with) (?:your|her|his|their|the)", r"fits? your", r"(?:make|keep) it (?:smaller|shorter|easier|simpler|tiny|lighter|doable|private)",
    r"(?:a |an )?(?:smaller|shorter|easier|lighter|simpler|different|private) (?:version|step|task|goal|one|time|place|way|form)",
    r"(?:another|other|a different|somewhere|some other) (?:place|time|way|day|spot|form)", r"somewhere (?:else|(?:she|he|they|nobody|no one) (?:can'?t|won'?t|doesn'?t))",
    r"if (?:even )?(?:that|this|it)'?s (?:still )?too (?:much|big|hard)", r"what would make it (?:easier|possible|doable|work)", r"what (?:could|would|might) (?:work|fit)",
    r"(?:which|what) (?:one|place|time|version) (?:could|would|can) you (?:manage|do|face|fit)", r"not the other way round", r"(?:on|in) your days? off",
    r"(?:move|shift|swap|switch) (?:it|this|that|them|the \w+) (?:to|into|until|over to|somewhere)",
    r"(?:not|n'?t) (?:add|give you|pile on|set) (?:a |an |any(?:thing)? )?(?:big|long|heavy|more|extra|huge)", r"(?:change|swap|switch) (?:the )?(?:time|place|day|slot|setting)",
    # round 12 (blind5): a smaller fallback for a bad day ("even if it's just a shorter walk", "your plan B")
    rf"(?:smaller|shorter|easier|lighter|simpler|quicker|mini) {_TASK_N}", r"plan b", r"back-?up plan", r"fall-?back",
)
# Re-imposing the task over the patient's obstacle: "the morning walks really are the best option though",
# "keep the diary anyway", "let's keep the same task", "push through".
_PERSIST = _rx(
    r"though", r"anyway", r"regardless", r"no matter", r"all the same", r"nonetheless", r"nevertheless", r"even so", r"i still think",
    r"(?:keep|stick (?:to|with)) the same", r"stick (?:to|with) (?:it|the plan|the task)", r"push (?:yourself )?through", r"try your (?:best|hardest)", r"same (?:task|plan|time)",
    r"(?:really|still) (?:are|is) (?:the best|important|essential|a good)",
)
# "We can move on soon. Just one thing first": a move deferred until the task has been looked at.
# CBT homework setting anticipates what could stop the task ("What's likely to get in the way?", "What
# might stop you on a bad day?"), asked about the task being planned, not the week gone by.
_TROUBLESHOOT = _rx(
    r"(?:what|who|anything)(?:'s| is| might| could| would| will)? (?:\w+ ){0,2}(?:get in the way|derail|stop you|trip you up|make it (?:hard|harder|difficult)|get between you)",
    r"(?:if|when) (?:something|anything|it|that) (?:gets in the way|goes wrong|doesn'?t happen|falls through)", r"(?:what|how) (?:would|could|will|might) (?:help you|make it more likely|remind you)",
    r"(?:plan|back-?up|fallback) (?:for|if) (?:a bad|the|when|it)", r"what (?:are|is) the (?:obstacles?|barriers?|risks?)",
    # round 12 (blind5): a fallback planned for each obstacle ("what would your plan B be?")
    r"plan b", r"back-?up plan", r"fall-?back",
    # round 17 (hw16): what the patient could do at the hard moment ("What could you do with your hands then, so you don't
    # grab it back?", "how would you handle that?")
    r"what (?:could|would|will|might|can) you do (?:\w+ ){0,5}(?:then|instead|at that point|in that moment|when (?:that|it) (?:happens|comes|peaks|hits))",
    r"how (?:could|would|will|might|can) you (?:handle|deal with|cope with|get through|ride out|manage) (?:that|it|this|those|the (?:urge|moment|doubt|panic|bit))",
    # round 17b (hw17): what to say to oneself at the hard moment ("What could you say to yourself right then?")
    r"what (?:could|would|will|might|can) you (?:say|tell|remind) (?:to )?yourself",
)
# Round 17b (hw17): the obstacle anticipated as a statement, not a question ("Let's think about what might get in the way",
# "It's worth planning for the moment you'll most want to get off early", "it's worth deciding now who else could do 10pm").
_ANTICIPATE = _rx(
    r"(?:let'?s|worth|we (?:should|could|can)|i'?d like (?:us )?to) (?:\w+ )?(?:think(?:ing)?|talk(?:ing)?|plan(?:ning)?|decid(?:e|ing)|work(?:ing)?)(?: \w+){0,2} (?:about |through |for |out |now )?(?:what (?:might|could|would|will|may) (?:get in the way|go wrong|stop you|happen if|trip)|the (?:moment|point|bit|time|day|night)s? (?:you'?ll|you will|when|that)|who else|(?:a |the )?(?:bad|hard|difficult|worst) (?:day|night|moment|bit)s?|what you'?ll do (?:if|when))",
    r"(?:the )?(?:hardest|trickiest|toughest|most difficult) (?:bit|part|moment|time) (?:will|is going to|might|may) (?:likely |probably )?be",
    # a plan for the likely hitch ("let's plan for it: if he doesn't pick up, you send a short text")
    r"(?:let'?s|we (?:could|can|should)|worth) plan(?:ning)? for (?:it|that|this|the \w+)\b",
    r"if (?:he|she|they|it|you|that|the \w+) (?:doesn'?t|don'?t|won'?t|can'?t|isn'?t|aren'?t|gets? (?:too|in the way))\b[^.?!]{0,40},\s*(?:then )?(?:you|we)\b",
)
# Round 15 (hw15): the size of the task. CBT homework starts small enough to succeed ("a tiny first step", "just two
# sentences, then stop", "once, for twenty minutes"); a task sized for a good week ("every day for an hour", "a full
# chapter by Sunday", "your whole old routine") sets the patient up to fail, however concrete its time and record.
_SMALL = _rx(
    r"(?:tiny|small|little|first|baby|single|modest|gentle) (?:first )?(?:step|version|start|experiment|dose|piece|chunk|bit)", r"start (?:small|with (?:just )?one|slowly|gently)",
    r"(?:just|only) (?:one|once|two|a couple of|a few|a single|the one)\b", r"(?:keep|make) (?:it|this|that) (?:small|short|brief|manageable|doable|light|easy)",
    r"then stop\b", r"(?:nothing|no) more than", r"(?:that'?s|that is) (?:all|it)\b", r"(?:at|for) most\b",
    rf"(?:just|only) (?:{_NUM}) (?:minutes?|mins?|lines?|sentences?|words?|entries|pages?)",
)
_OVERSIZED = _rx(
    r"(?:every|each) (?:single )?(?:day|night|evening|morning)(?:,? (?:\w+ ){0,4})? for (?:an|one|two|three|four|\d+|a full|a whole|at least an?) (?:hours?|full)",
    r"(?:an|one|two|three|four|\d+) hours? (?:a|each|every|per) (?:day|night|evening)", r"every single (?:day|night|evening|morning)",
    r"(?:a|the) (?:full|whole|entire) (?:chapter|routine|house|day|list|essay|report|backlog|wardrobe|garden|book)", r"all of (?:them|it|the \w+) (?:by|before|this)",
    r"at least (?:an|one|two|three|\d+) (?:hours?|chapters?|full)", r"(?:your|the) (?:full|whole|entire|old) (?:\w+ )?routine", r"as (?:much|many|long) as (?:you|possible)",
    r"(?:several|many|multiple) (?:hours|times a day)",
)
# Round 15 (hw15): the patient asked to put the task's purpose in their own words ("In your own words, what could this
# tell us?", "What do you think we'd learn from it?"): the rationale checked, not just stated.
_WHY_CHECK = _rx(
    r"in your own words", r"what (?:do you think|might|could|would|will) (?:this|it|that|the \w+|doing (?:it|this|that))(?: \w+){0,2} (?:tell|show|teach) (?:us|you)",
    r"what (?:do you think )?(?:we|you)(?:'d| would| might| could| will) (?:learn|find out|discover)", r"(?:does|do) (?:the |it|that|this)(?: \w+){0,2} (?:make sense|click)(?: to you)? (?:why|what for)",
    r"why (?:do you think|might) (?:we|i)(?:'d| would| am| are)? (?:suggest|try|do|pick|chose|choose)", r"how (?:does|do|would|might) (?:this|it|that)(?: task| step| experiment)? (?:connect|link|fit|relate) (?:to|with|in with)",
    r"what(?:'s| is) the (?:point|aim|idea) of (?:it|this|that|doing)(?: \w+){0,3}(?:,? (?:do you think|for you|in your view))",
    # round 17 (hw16): the patient's grasp of the reason asked for ("What's your understanding of it so far?")
    r"(?:what'?s|what is|how is|tell me) your (?:own )?(?:understanding|sense|take|reading) of (?:it|this|that|why|the (?:reason|point|idea))",
    r"(?:why|what for) (?:do you think )?(?:we'?d|we would|we might|it'?s worth|it would help)",
    # round 17b (hw17): the reason held against the patient's own experience ("Does that match what happens when you
    # check?", "How does that reasoning land with you?", "what do you think the letter is for?")
    r"(?:does|do|would) (?:that|this|it)(?: \w+){0,2} (?:match|fit(?: with)?|ring true (?:for|with)|square with|sound like) (?:what|how|your|you)",
    r"how (?:does|do|would) (?:that|this|the|my) (?:reasoning|reason|idea|explanation|rationale|thinking)(?: \w+){0,2} (?:land|sit|sound|fit)",
    r"what do you (?:think|imagine|reckon) (?:the|this|that|it|doing) (?:\w+ ){0,2}(?:is|would be|might be) (?:for|about)\b",
)
# Round 17 (hw16): the task's time or place left open ("fit it in somewhere this week, whenever suits you"): nothing
# fixed, so nothing is planned for (CTRS: when and where agreed).
_OPEN_TIME = _rx(
    r"whenever (?:it )?(?:suits|works|you like|you want|you can|you get|you have|you remember)", r"(?:fit|squeeze) (?:it|this|that|them) in(?: \w+){0,2} (?:somewhere|whenever|when(?:ever)? you)",
    r"somewhere (?:this|in the|over the|during the) (?:week|day|days)",
    # round 17b (hw17): the moment left to arrive by itself ("whenever the moment feels right", "when a moment feels natural"),
    # and a day explicitly not fixed ("no need to tie it to a certain day")
    r"when(?:ever)? (?:the |a |it )?(?:moment|time|chance|mood|opportunity)?(?: \w+)? ?(?:feels?|seems?|is|comes?|arises?) (?:\w+ )?(?:right|natural|ready|okay|ok|good)",
    r"when(?:ever)? you (?:feel|are|'re) (?:like it|ready|up to it|in the mood)",
    r"(?:no need|don'?t need|not need) to (?:tie|fix|set|pin|plan|decide|choose)(?: \w+){0,3} (?:to )?(?:a|any|the|one) (?:certain|particular|specific|set|fixed)? ?(?:day|time|date|slot)", r"(?:at )?(?:any|some) (?:time|point) (?:this|in the|over the|that suits)", r"whatever time (?:suits|works)", r"(?:note|record|write|list|log|jot|keep)(?: \w+){0,4} somewhere(?=\s*[.!?,]|$)",
)
# Round 17 (hw16): a general wellbeing practice, or a reason that is about wellbeing in general ("a relaxation recording
# each night... good for bringing general stress down", "three things you're grateful for... a good habit"): a task, but
# not one that follows from this session's work unless the reply ties it to that work.
_GENERIC_PRACTICE = _rx(
    r"relaxation (?:recording|track|audio|tape|app|exercise|cd|video|script)s?", r"(?:grateful|gratitude|thankful)", r"(?:meditation|mindfulness|wellbeing|well-being|sleep) (?:app|track|recording|video)s?",
    r"self-?care", r"(?:positive )?affirmations?", r"(?:a|your) (?:general )?(?:journal|journalling|journaling)\b(?! (?:the|each|every) (?:thought|time|urge|moment))",
    r"good (?:habit|routine) to", r"(?:lift|boost|improve) (?:your |the )?(?:mood|wellbeing|well-being|spirits)", r"general (?:stress|tension|wellbeing|well-being|mood|health)",
    r"(?:bring|bringing|get|getting) (?:\w+ )?stress (?:levels )?down", r"(?:good|great) for (?:your )?(?:stress|wellbeing|well-being|mental health|mood|health)",
)
# ... and the tie: this session's work named ("the thought we've been chasing today", "carry that on this week") or the
# patient's own words quoted ("against 'I am nothing'").
_SESSION_WORK = _rx(
    r"(?:we'?ve|we have) been (?:\w+ ){0,2}(?:chasing|working|looking|talking|exploring|unpicking|tracking|testing|catching)", r"today (?:we|you)(?: \w+){0,2} (?:began|started|found|saw|spotted|noticed|worked|looked|caught)",
    r"(?:carry|follow|take) (?:that|this|it|the work|today'?s \w+) (?:on|forward|further|through)", r"what we (?:found|saw|spotted|worked out|noticed|did) (?:today|just now|earlier|here)",
    r"(?:the|that|this) (?:thought|belief|pattern|idea|prediction) we (?:found|caught|spotted|named|looked at|worked on)",
)
# The patient commits to a task just planned ("Yeah. I'll do it.", "OK, I'll try it"): the reply may now plan for it.
_COMMIT = _rx(r"i'?ll (?:do|try|give) (?:it|that|this|them)", r"i will(?: do it| try)?", r"i can do (?:that|it)", r"(?:ok|okay|yeah|yes|fine),? (?:i'?ll|let'?s) (?:do|try)")
_DEFER = _rx(r"soon", r"in a (?:minute|moment|bit|sec(?:ond)?)", r"shortly", r"after (?:this|that)", r"first", r"before we do",
             # round 17b (hw17): "Before we move on, what did you expect...?" looks at the task first
             r"before (?:we|you) (?:move on|go on|set|plan|pick|choose|start|do|talk about)")

# -- round 17b (hw17): homework by function ------------------------------------------------------------
# The patient sets the task's parameters: its size ("What amount would feel like a stretch but not overwhelming?", "Is
# five too many?"), its day or place ("which day, which room", "Which days might work?"), how it is kept ("tell me how
# you'd keep track of it"); or the therapist says the when and where are to be settled now, with the patient.
_SHAPE = _rx(
    r"(?:what|how) (?:amount|much|many|long|often|big)(?: \w+){0,5} (?:would|could|might|will|does|do|feels?|seems?|sounds?) (?:\w+ ){0,2}(?:a stretch|doable|realistic|manageable|right|possible|feel|be|work|suit|fit)",
    r"(?:is|are|would|will) (?:\w+ ){0,3}too (?:many|much|big|long|often|hard|soon)\b",
    r"(?:which|what) (?:days?|evenings?|mornings?|nights?|times?|rooms?|places?|slots?|hours?)(?: \w+){0,3} (?:would|could|might|will|works?|suits?|fits?|feels?|is|are|do you)",
    r"how (?:would|could|will|might) you (?:like to )?(?:keep track|track|record|remember|note|log|keep a note)",
    r"(?:pick|choose) (?:whichever|whatever|the one|one) (?:you'?d|you would|you'?ll|you will|you can|feels)",
    r"(?:settle|fix|pin down|decide|choose|pick|agree)(?: on)? (?:the |a )?(?:when and where|where and when|which day|what day|the day|a day|the time|a time|exactly when)",
    r"(?:which|what) (?:day|days|time)(?:,| and| or) (?:which|what) (?:room|place|time)",
)
# The patient's report of a task done or tried, taken up for what it taught: the prediction held against what happened, what
# they make of it, how much they believe it now (CTRS: homework reviewed for its learning, not praised and passed).
_LEARN = _rx(
    r"what (?:do|did) you make of", r"what (?:do|did|does) (?:that|this|it|the \w+) (?:tell|show|teach)", r"what did you (?:learn|notice|discover|find out|take from)",
    r"what (?:did|had) you (?:expect|predict|fear|imagine)", r"what you (?:expected|predicted|feared|imagined)", r"how much do you (?:still |now )?believe",
    r"(?:gap|difference) between (?:what|how)", r"(?:expected|predicted|feared) (?:\w+ ){0,6}(?:and|versus|vs|but) (?:what|how) (?:actually )?(?:happened|went)",
    r"what (?:actually )?happened (?:instead|in the end|in the)",
)
# Part of the task not done ("five nights out of seven", "the two I missed", "I didn't", "only once").
_MISS = _rx(
    r"(?:didn'?t|did not|couldn'?t|could not|never|forgot|wasn'?t able)", r"missed", r"skipped", r"\w+ (?:out of|of the) (?:\w+)\b", r"only (?:once|twice|did|managed|one|two)",
    r"(?:dropped|fell) (?:off|apart|through)", r"gave up",
)
# ... looked at for what got in the way, or waved off ("Missing a couple is completely normal", "Let's not dwell on it").
_MISS_Q = _rx(
    r"what (?:happened|was (?:happening|going on|different)|went (?:on|through your mind)|got in the way|stopped|made|happened on|kept)", r"what (?:was|went) through your (?:mind|head)",
    r"what (?:do you think )?(?:made|stopped|kept|got)", r"(?:understand|look at) (?:\w+ ){0,2}(?:before|first)",
)
# Round 17c (hw18): an agreed task broken rather than skipped ("I know we agreed I'd stop googling. I did it anyway."):
# the agreement named, and the act done all the same.
_AGREED_REF = _rx(r"(?:we|i) (?:agreed|said|promised|decided)", r"i (?:was )?(?:supposed|meant) to", r"(?:like|as) (?:we|you) (?:agreed|said|planned)")
_BROKE = _rx(r"anyway", r"all the same", r"regardless", r"again", r"(?:gave|give) in", r"caved", r"slipped")
# ... and the miss met with the agreement pressed, not looked at: compliance asked for ("Can you commit to doing it
# properly this time?", "Can you promise me that?"), the agreement restated as a rebuke ("We did agree on it, though"),
# stricter effort urged. CTRS: a task not done is explored for what got in the way, not policed.
_POLICE = _rx(
    r"(?:can|could|will|would) you (?:\w+ )?(?:commit|promise|guarantee|make sure|make it a priority|be stricter|try harder|stick (?:to|with) it)",
    r"promise me", r"(?:be|get) (?:a (?:bit|lot) )?(?:stricter|firmer|tougher|harder|more (?:disciplined|committed|strict)) (?:with|on) yourself",
    r"make (?:it|this|that) (?:a |your )?(?:\w+ )?priority", r"we (?:did|had|have) (?:\w+ )?agreed?(?: on)? (?:it|this|that|to)\b", r"(?:only|really) works if",
    r"properly this time", r"(?:no|not) (?:more )?excuses", r"(?:like|as) you (?:promised|said you would)",
)
# Round 17c (hw18): a question that only asks for a yes to a task already decided ("Does that make sense?", "Can you
# give that a go?"): no say in what, when or how.
_YES_Q = _rx(r"(?:does|do) (?:that|this|it|all that) (?:make sense|sound (?:clear|ok|okay|good|alright|all right))", r"(?:can|could|will|would) you (?:give (?:that|it|this) a (?:go|try|shot)|do that for me|manage (?:it|that|this))",
             r"(?:are you )?(?:ok|okay|alright|all right|happy) with (?:that|this)", r"(?:is )?that (?:alright|all right|ok|okay|fine)", r"ready")
# Round 17c (hw18): the task put as an offer the patient may decline ("if you're willing", "if you're up for it", "you could",
# "how about", "would you be up for"): proposed, not assigned.
_OFFERED = _rx(r"if you'?re (?:willing|up for it|open to (?:it|that|trying)|game|happy to)", r"if you (?:want|fancy|like)(?: to)?(?= |[.,;!?]|$)", r"(?:we|you) (?:could|might)",
                 r"(?:could|would) you(?! (?:do|manage) (?:that|this|it)\b)", r"will you (?:be )?(?:willing|up for|try|consider)", r"how about", r"what about", r"what if", r"would it (?:help|be worth)",
                 r"(?:an|one|a small|a little) (?:idea|suggestion|option)", r"(?:see|tell me) (?:if|whether) (?:that|this|it) (?:fits|works|suits)")
# Round 17c (hw18): the patient asks for the task: setting one is then an answer, not an imposition.
_ASKED_TASK = _rx(r"what (?:can|could|should|do|would) i (?:actually |even )?do", r"what am i (?:supposed|meant|going) to do", r"what'?s the (?:homework|task|plan|assignment|next step)",
                  r"tell me what (?:to|i should) do", r"what (?:should|do) i (?:try|practi[sc]e|work on)")
# Round 17c (hw18): the patient's own view of the reason asked for, after it is given ("The thinking is that... How does that
# sit with you?", "My thinking is... From your side, does it actually stop the freezing?").
_REASON_S = _rx(r"the (?:thinking|idea|reason|point|aim|logic|rationale|theory) (?:is|behind|here)", r"my (?:thinking|reasoning|guess|hunch) is", r"(?:that'?s )?why (?:we|i)(?:'d| would)? (?:suggest|try|do)")
_VIEW_Q = _rx(r"how (?:does|do|would) (?:that|this|it) (?:sit|land|sound|seem|feel|strike you)(?: \w+){0,2}(?: (?:with|to|for) you)?", r"from your (?:side|end|point of view|experience|perspective)",
              r"in your (?:experience|view)", r"what do you make of (?:that|this|it)", r"does (?:that|this|it) (?:ring true|fit|match)")
_NORMALISE = _rx(
    r"(?:completely|totally|perfectly|very|really|quite) (?:normal|common|understandable|fine)", r"these things happen", r"(?:happens|happen) to (?:everyone|all of us|the best)",
    r"(?:let'?s |we (?:don'?t|won'?t) )?(?:not )?(?:dwell|worry) (?:on|about) (?:it|that|them|those|the)", r"no (?:big )?deal", r"never mind", r"(?:it'?s|that'?s) (?:ok(?:ay)?|fine|alright|all right)\b",
)

# The patient as the expert on their own life: their knowledge, view or idea credited and built on.
_EXPERT = _rx(
    r"you(?:'re| are) the (?:one|expert|person) (?:who|living|that|on|with)", r"you know (?:\S+ ){0,3}best",
    r"you know (?:\S+ ){0,10}?(?:far |much |a lot |so much )?(?:better|more) than (?:i|me|anyone|we|most)",
    r"you know (?:\w+ ){1,3}and i (?:don'?t|do not)", r"(?:your|you) (?:own )?(?:read|sense|take|knowledge|experience|judgement|judgment|instinct) (?:of|on|about|is|counts|matters)",
    r"your own idea", r"(?:set (?:it|this) up|do it|build it|shape it|run it) your way", r"(?:work|start|build|go) from (?:there|that|what you|your)", r"build on (?:that|what you|your)",
    r"(?:build|work|start) from what you", r"(?:from|on) what you (?:want|said|know|noticed|found|described)",
    # round 12b (blind6): "... but you'd know better", "you know which one rings truer"
    r"you(?:'d|'ll| would| will) know (?:\w+ )?(?:better|best)", r"you know which (?:\w+ ){0,3}(?:truer|closer|more|fits|right)",
    # round 14c (blind11): the patient as judge of fit ("but it has to fit you and your kids", "let's look at what you
    # think might help")
    r"(?:has|needs|have|ought|got) to (?:fit|suit|work for) you\b", r"what you (?:think|reckon|feel) (?:might|would|could) (?:help|work|fit)",
)
# A check that the patient agrees before moving on (not a token "sound good?").
_CHECK_AGREE = _rx(
    r"does (?:that|this|it|the \w+|any of (?:that|this)|what i said) (?:\w+ ){0,3}(?:feel|sound|seem|sit|fit|ring) (?:right|true|fair|accurate)",
    r"(?:feels?|sounds?|seems?|sits?) (?:right|true) (?:to|for) you", r"(?:does|do) (?:part|any part|some|any) of it (?:not )?(?:fit|sit|feel)",
    r"(?:which|what) (?:part|bit) (?:doesn'?t|does not|isn'?t|is not) (?:sit|fit|feel|ring)", r"(?:do|would) you agree", r"is that (?:right|fair|how you see it)",
    r"(?:rather than|instead of) (?:just )?(?:assume|assuming|guess|guessing)", r"agree on it", r"are we (?:agreed|on the same page)",
    r"before we (?:go|move|plan|decide|build|carry)(?: \w+){0,4},? (?:does|is|can|could|shall|do)",
    # an open door to disagree with what the therapist leans towards
    r"(?:tell me|let me know|say so|say|stop me|shout|pull me up) if (?:that|this|it|i'?m|i am|you'?d|you would|you (?:don'?t|disagree|see it))",
    r"(?:if|unless) (?:that|this|it) (?:doesn'?t|does not|isn'?t|is not) (?:\w+ ){0,3}(?:right|fit|sit|work)(?: for you)?,? (?:tell|say|let)",
    r"(?:i'?m happy|happy|glad) to be (?:told|corrected|overruled)", r"you can (?:overrule|veto|say no to) (?:me|that|it)",
)
# The therapist's or a general view pushed against what the patient said: a concession marker ("but",
# "though", "still") carrying authority ("research shows", "the model works", "the best option", "at
# risk", "I'd really like us to stick with").
_CONTRA = _rx(r"but", r"though", r"however", r"still", r"anyway", r"even so", r"nevertheless", r"all the same")
_PUSH = _rx(
    r"research", r"studies", r"evidence", r"(?:the|this) model", r"in cbt", r"(?:most|many|nearly all|all) (?:people|clients|carers|patients)", r"nearly everyone", r"for everyone",
    r"works? for", r"the most effective", r"(?:is|are) (?:the )?(?:best|right|only)", r"tends? to work", r"(?:a )?classic", r"really (?:is|are|do|does|matters?)", r"(?:is|are) the real",
    r"(?:is|are) (?:really |so |very )?(?:important|essential|crucial)", r"you can'?t", r"at (?:high |real )?risk", r"i'?d (?:really )?like us to", r"i (?:still )?think (?:it'?s|we|you|the)",
    r"i'?d rather we", r"let'?s (?:stick|keep)", r"we should", r"you (?:should|need to|must)", r"in every",
)
# The therapist settles the course: "we'll start with lifts", "what we'll do is this", "I'll plan it for you".
_DECIDE = _rx(
    r"(?:we'?ll|we will|i'?ll|i will) (?:start|begin|do|go|work|keep|stick|focus|take|use|move|carry)", r"what we'?ll do", r"(?:here'?s|this is) what we'?ll",
    r"(?:the|my) (?:best|right) (?:next )?(?:step|thing|plan|option|approach|course) (?:is|would be|here)", r"let'?s (?:stick (?:to|with)|keep (?:to|going|with|the)|carry on|continue)",
    r"(?:is|'s) still the right", r"i'?ll (?:plan|prepare|set|sort|map|work) (?:\w+ ){0,3}(?:for you|out)", r"today we'?ll", r"i think (?:it'?s )?best (?:we|to|that)",
    # one option picked, the other shelved, with no view asked
    r"let'?s (?:go with|go for|settle on|pick|choose) ", r"let'?s (?:do|take|tackle) (?:the )?\w+,? then\b",
    # round 12b (blind6): one item put first by the therapist ("Let's take 'I'm lazy' first, because...")
    r"let'?s (?:take|start with|begin with|tackle|do|look at) (?:[\x27\"\u2018\u201c][^\x27\"\u2019\u201d]{1,40}[\x27\"\u2019\u201d]|(?:the |that |this )?\w+) first\b",
    r"(?:we'?ll|we will) (?:come back to|leave|park|save|shelve) (?:the |that |this )?\w+ (?:\w+ )?(?:for )?(?:another time|later|next time|for now)",
)
_TOGETHER = _rx(r"together")
# The patient brings their own proposal ("maybe I could write it down?", "can we talk about my sister
# today?", "I'm thinking of trying medication"). CTRS collaboration: the therapist takes it up and shapes
# it with them, rather than swapping in their own plan ("I think breathing would work better. Let's do
# that instead.") or ruling on it ("it's too early", "I'd rather you didn't").
_CLIENT_IDEA = _rx(
    r"maybe (?:i|we) (?:could|should|can)", r"(?:could|can|shall) we", r"(?:i|we) could (?:try|do|talk|start|work|write|ask|look)",
    r"i (?:thought|was thinking|think) (?:maybe )?(?:i|we) (?:could|should|might)", r"what (?:if|about) (?:i|we)", r"i(?:'m| am) (?:thinking|considering) (?:of|about)",
    r"i (?:want|would like|'d like) to (?:try|stop|start|do|work|focus|talk|tell|change|go)", r"(?:is it|am i) ready",
)
_ACCEPT = _rx(
    r"(?:let'?s|we can|we could|happy to) (?:do|try|give|start with) (?:that|it|this|yours)", r"(?:good|great|nice|useful|helpful) (?:idea|thought|plan|instinct)",
    r"(?:your|you'?ve got an?) (?:own )?idea", r"build on (?:it|that|this|your)", r"worth (?:trying|taking seriously|exploring|a try)", r"(?:make|making) room for",
    r"(?:that'?s|it'?s) (?:a )?(?:clear|good|great|reasonable|fair) (?:aim|goal|plan|idea|question|thing to)",
    # a bare "Sure." / "Of course." / "Great." agrees and builds nothing: no credit on its own
    r"good that you(?:'re| are)? (?:ask|rais|bring|suggest)\w*",
)
_REPLACE = _rx(
    r"instead", r"i think (?:\w+ ){0,5}(?:better|best)", r"(?:it'?s|is|be) better (?:to|if|for)", r"(?:work|works) better", r"i'?d rather (?:you|we)",
    r"(?:too|not) (?:early|soon|risky|ready)", r"(?:can|will) wait", r"stick (?:to|with) (?:the|our|my|that)", r"i'?ll (?:let you know|decide|tell you) when",
)
_OFFER = _rx(r"(?:we|you) (?:could|might)", r"would you", r"if you'?d (?:like|prefer|rather)", r"or (?:we|you)")
# "Sure, whatever you want": handed back with no partner in it (the ``abdicate`` cue family), not taken up.
_PASSIVE = _rx(r"whatever you (?:want|like|prefer|say)", r"(?:i don'?t|doesn'?t) mind", r"happy either way")
# A question that presupposes its answer ("Don't you think...?", "You'd agree, right?") asks for assent,
# not for the patient's view; it earns no collaboration however many question marks it carries.
_LEADING = _rx(
    r"don'?t you (?:think|agree|feel|see|want)", r"wouldn'?t (?:it|that|you) (?:be|agree|say|feel)", r"(?:you'?d|you would|you) agree(?: with (?:that|me))?,? (?:right|surely|yes)",
    r"(?:surely|obviously) (?:you|that|it|this)", r"isn'?t (?:it|that) (?:obvious|clear|true|better|best)", r"can'?t you see", r",? (?:right|yes|surely)\?",
    r"you (?:can|must) see (?:that|how)",
)
_TOKEN_Q = _rx(r"sound (?:good|ok|okay|alright|all right)", r"(?:is that|that) (?:ok|okay|alright|all right)", r"does that make sense", r"got it", r"happy with that", r"deal")
_OPEN_VIEW_Q = _rx(
    r"(?:what|how) do you (?:think|make|see|feel|reckon)", r"would you (?:rather|prefer|like|want)", r"(?:which|what) (?:\w+ ){0,3}(?:would|do|could) you (?:prefer|pick|choose|want|like|rather)",
    r"what would (?:you|feel|be)", r"which (?:feels|seems|one|would)", r"(?:does|do|is) (?:that|this|it|any) (?:\w+ ){0,3}(?:feel|sound|seem|fit|sit)", r"you decide", r"your (?:call|choice)",
    r"what (?:do|would) you (?:want|hope|need)", r"(?:what|how) would you",
)

# -- round 14: feedback by function ---------------------------------------------------------------------
# CTRS feedback asks how the patient is taking the therapy itself, so its question has an object that is the
# therapist's own conduct: what was just said, suggested or asked, the session, its pace or approach ("What did
# you make of that explanation?", "How is this conversation sitting with you so far?", "I may have jumped ahead
# just then. Was that too soon?"). A question about the problem itself ("How is your brother these days?") names
# none of it, and a stock "does that make sense?" asks for a yes, not a reaction.
_SELF_REF = _rx(
    r"what i(?:'?ve| have)? (?:just |only )?(?:said|suggested|proposed|explained|asked|described|offered|laid out|put to you|did|meant)",
    r"(?:what|everything|all|the things?) (?:we(?:'?ve| have)?) (?:just )?(?:covered|talked about|worked out|went through|gone through|done|did|looked at|discussed)",
    r"(?:my|that|this|the|those|these) (?:last |little )?(?:explanation|suggestion|proposal|summary|questions|question|questioning|reflection|reading|interpretation|description|idea i)",
    r"(?:the way|how) (?:we(?:'re| are| have been|'ve been)|i(?:'m| am|'ve been| have been)) (?:\w+ ){0,2}(?:going|doing|working|approaching|handling|tackling|talking|taking)",
    r"(?:this|our|today'?s) (?:session|conversation|chat|work(?! \w+ing)|approach|pace|exercise|worksheet|method|format|way of working)",
    r"the (?:session|pace|pacing|format|approach|exercise|worksheet) (?:so far|today|we|i)",
    r"i(?:'ve| have| may have| might have| may'?ve| might'?ve)? (?:just )?(?:thrown|jumped|pushed|rushed|steered|raced|charged|gone on|moved (?:\w+ )?too|moved on|got ahead|gone (?:\w+ )?too|went (?:\w+ )?too|been talking|talked a lot|done (?:most|all) of the talking|asked (?:a lot|lots|so many|too many))",
    r"(?:spend|spending|use|using) (?:the|our) time", r"so far today", r"from where you sit", r"in here",
    # round 14b (blind10): a standing invitation about what the therapist suggests or asks from here on
    r"(?:anything|something|whatever) i (?:suggest|propose|ask|say|bring up)\b",
    # round 14c (blind11): the therapist's rewording itself ("does that version sit better?")
    r"(?:that|this|my) (?:new |other |second |last )?(?:version|wording|phrasing|way of putting it)",
    # round 15 (blind12): the therapist's own conduct ("whether anything I did got in the way") and the way the work was
    # just done ("going through it that way, in that much detail")
    r"(?:anything|something|whatever) i (?:did|said|asked|suggested|pushed)\b",
    r"(?:going|doing|talking|working|taking) (?:it |this |that )?(?:through )?(?:it |this |that )?(?:that|this) way\b", r"in that much detail",
)
_REACT_ASK = _rx(
    r"how (?:are|were|is|was|has|have) (?:you|it|that|this|things|they) (?:\w+ ){0,3}(?:finding|found|landing|landed|sitting|going down|gone down|coming across|come across|feeling for you|been for you)",
    r"(?:sitting|sit|sits|sat|land|lands|landing|landed|go down|going down|come across|coming across) (?:with|for) you",
    r"what (?:did|do) you make of", r"(?:your|any) (?:honest |gut )?(?:reaction|response|view|take) (?:on|to|of|about)",
    r"(?:off|on) the mark", r"(?:working|work|useful|helpful|unhelpful|right) (?:for|to) you", r"(?:the )?(?:most )?(?:useful|helpful) (?:thing|use|way)",
    r"too (?:much|fast|quick|soon|early|slow|probing|personal|heavy|technical|abstract|pushy|many)", r"(?:a bit|rather) (?:much|fast|quick|soon|pushy|heavy)",
    r"(?:would|do) you (?:rather|prefer)", r"(?:is|was) (?:this|that|it) what you (?:wanted|needed|came (?:in )?for|hoped)",
    r"(?:didn'?t|did not|doesn'?t|does not|isn'?t|wasn'?t) (?:quite )?(?:help|work|fit|sit|land|want)",
    r"(?:did|does|is|was|has) (?:\w+ ){0,3}(?:help(?:ed|ing)?|miss(?:ed)?|(?:get|got) (?:it|that|anything) wrong)",
    r"any of (?:it|that|this) (?:\w+ ){0,2}(?:wrong|off|miss|jar|grate|bother)",
    r"(?:sit|sits|land|lands|fit|fits|feel|feels) (?:any |a (?:bit|little) )?better", r"(?:something|anything) (?:still )?off\b",
    # round 15 (blind12): the patient's felt reaction to hearing the therapist ("how it felt hearing my suggestion just now",
    # "what it was like to hear that")
    r"how (?:did )?(?:it|that|this) (?:felt|feel|was|were) (?:\w+ )?(?:to hear|hearing|being told|for you)",
    r"what (?:it|that|this) was like (?:to hear|hearing|being told|for you)", r"what was (?:it|that) like (?:to hear|hearing|being told)",
    r"(?:got|get|gets|getting) in the way",
)
# Inviting correction of the therapist's own reading: "correct me if I've misread this", "how close is that?",
# "where did I get it wrong?". Asked of the reading, not of the patient's belief.
_CORRECT_ME = _rx(
    r"(?:correct|stop|tell|pull) me (?:up )?(?:if|where|when) (?:i'?ve|i have|i'?m|i am|that'?s|this is|i)\b(?: \w+){0,3}",
    r"how (?:close|near|far off|accurate|fair) (?:is|was|am i|does) (?:that|this|i|it)", r"(?:where|what) (?:did|have) i (?:get|got|miss|gotten) (?:\w+ )?wrong",
    r"(?:put|set) me (?:right|straight)", r"if i'?ve (?:got|read|heard|understood) (?:\w+ ){0,3}wrong",
)
# Teach-back: the patient asked to put what was worked out into their own words, so the therapist can see what
# came across (not the patient's thought put into words).
_TEACH_BACK = _rx(
    r"(?:in|into) your own words", r"(?:say|tell|explain|sum|summari[sz]e|put) (?:\w+ ){0,4}(?:back to me|it up for me|up what (?:we|you'?re taking))",
    r"what (?:are|will) you (?:taking|take) (?:away|from)", r"(?:check|see|know) (?:that |whether |if )?i (?:explained|made|put|got across)",
)
# The patient's own verdict on the therapy ("the worksheet thing felt a bit like school", "these questions aren't
# helping", "you lost me there"). Taking it up means changing the way of working, not defending it.
_CRITIQUE = _rx(
    r"(?:the|this|that|your|these|those|all the) (?:\w+ )?(?:worksheets?|exercises?|questions?|homework|diary|approach|sessions?|techniques?|ideas?|suggestions?|thing|stuff|plan|talking|method|forms?|scales?|ratings?|numbers|tasks?)(?: \w+){0,3} (?:felt|feels?|is|was|are|were|seems?|seemed|sounds?|sounded) (?:\w+ ){0,3}(?:like (?:school|a test|an exam|homework|work|a lecture)|pointless|useless|silly|patroni[sz]ing|forced|fake|awkward|confusing|childish|boring|weird|cheesy|rigid|too|not|a waste|over my head|a lot)",
    r"i (?:don'?t|didn'?t|do not|did not) (?:really )?(?:get|understand|follow|see the point of) (?:it|that|this|what you|the|why)", r"you(?:'re| are) not (?:really )?(?:listening|getting it|hearing me)",
    r"you (?:lost|confused) me", r"(?:not|isn'?t|aren'?t|wasn'?t) (?:really |very )?help(?:ing|ful)", r"(?:that|this|it) (?:felt|feels) (?:a bit |quite |really )?(?:like (?:school|a lecture)|preachy|rushed|too much)",
    # round 14b (blind10): the patient's reading of the therapist's stance ("it feels a bit like you're saying I'm being
    # silly", "you make it sound like it's my fault", "are you saying I'm overreacting?")
    r"(?:feels?|felt|sounds?|sounded|seems?|seemed) (?:a (?:bit|little) |kind of |sort of |almost )?(?:like |as if |as though )you(?:'re| are|'ve| have)? (?:\w+ )?(?:saying|telling|calling|judging|blaming|implying|lecturing|think(?:ing)?|thought|don'?t|didn'?t|not)\b",
    r"you make (?:it|me|this) (?:sound|feel|seem) (?:like|as if)", r"are you saying (?:that )?(?:i|it'?s|this is)\b",
    # round 14c (blind11): the therapist's words read as blame ("being told the fear 'keeps going' makes it sound like it's
    # my fault"), and losing the thread of what the therapist says ("I keep losing track of what you're saying")
    r"(?:being told|hearing|what you (?:said|say)|the way you (?:put|said|say) it|when you say)[^.?!]{0,50}makes? (?:it|me|this) (?:sound|feel|seem) (?:like|as if|as though)",
    r"(?:losing|lose|lost) (?:track|the thread) of (?:what you|you|this|where we)", r"(?:can'?t|cannot|couldn'?t) (?:keep up|follow) (?:with )?(?:you|what you|this)",
)
_CHANGE_COURSE = _rx(
    r"instead", r"differently", r"(?:another|a different|other) (?:way|route|angle|approach|tack)", r"(?:drop|ditch|shelve|skip|park|leave) (?:the|that|this|those|these) (?:\w+ )?(?:worksheet|exercise|questions?|forms?|scales?|numbers|ratings?|diary|technique|format|writing|idea)",
    r"(?:slow|slower|simpler|plainer|shorter|lighter|gentler)", r"without (?:the|any) (?:\w+ )?(?:forms?|worksheets?|numbers|ratings|jargon|writing)", r"(?:switch|change) (?:tack|approach|how we)",
    r"(?:put|say|explain) it (?:another|a different|more simply)", r"step back",
    # round 14b (blind10): the therapist's line set aside for what the patient is in ("stay with how scary it's been
    # first, and come back to the searching only when it feels useful")
    r"stay with (?:\w+ ){1,6}(?:first|for now|for a (?:bit|while|moment))", r"come back to (?:\w+ ){0,4}(?:later|only when|when (?:it|you)|if (?:it|you))",
    # round 14c (blind11): the way of talking changed for the patient ("let me put it differently", "I'll keep things
    # short, one thing at a time", "let's make this easier")
    r"(?:keep|make) (?:things|it|this|them) (?:short|brief|simple|easier|lighter)", r"one (?:thing|step|question) at a time",
)


# -- round 10: homework review depth, next-session agenda, reassurance, flustered self-focus -------------
# Talk about the week gone by ("Has anything come up this week?", "How was your week?") sets no task,
# whatever time anchor or activity word it carries.
PAST_FRAME = _rx(
    r"(?:has|have|had) (?:anything|something|much|a lot|there been|things?|it|that|life|the week) (?:\w+ ){0,2}(?:come up|happened|changed|been|gone|felt|stood out)",
    r"(?:how|what) (?:was|were|did|has|have) (?:\w+ ){0,3}(?:this|last|the|your) (?:past |last )?(?:week|weekend|few days|days)",
    r"(?:has|have|had|did|was|were) (?:\w+ ){0,4}(?:this past|the past|last|over the past) (?:week|weekend|few days|days|month)",
    r"you'?ve been (?:wanting|meaning|hoping|thinking|waiting)", r"since (?:we|our) last (?:met|spoke|session|talked)",
    # round 14 (blind9): the same look back, contracted ("What's been on your mind this week?", "How's the week been?")
    r"(?:how|what)(?:'s| has) (?:\w+ ){0,4}been (?:\w+ ){0,4}(?:this|last|the|your) (?:past |last )?(?:week|weekend|few days|days|month)",
    r"how'?s (?:the|your) (?:week|weekend|few days)(?: \w+){0,2} (?:been|gone|going)",
)
# Thanks or praise for doing the task is a token of review; the review itself looks at what happened.
_TOKEN_REVIEW = _rx(r"thank(?:s| you) for (?:doing|trying|bringing|telling|giving)", r"well done", r"(?:great|good|nice|brilliant) (?:work|job|effort|stuff)",
                    r"(?:that'?s|it'?s) (?:great|good|brilliant|lovely|amazing) to hear", r"giving it a (?:go|try)")
# A fresh agenda opened after a report ("Now, what would you like to focus on today?", "Has anything else come
# up?"): the report is set aside for a new topic.
_NEW_TOPIC = _rx(
    r"what (?:would|do|shall|should) (?:you|we) (?:like to |want to )?(?:focus on|talk about|work on|cover|look at|bring|start with) (?:today|this session|now)",
    r"what(?:'s| is) on your mind (?:today|this week)", r"(?:anything|something) (?:else )?(?:come up|on your mind|you'?d like to (?:talk|bring))",
    r"what (?:would|do) you (?:like|want) to (?:talk about|focus on|work on|bring)",
)
# Next session's agenda sketched at the close: the next meeting named, its items put in order.
_NEXT_SESSION = _rx(r"next (?:week'?s |time'?s )?(?:session|time|week|appointment|meeting)", r"when we (?:next )?(?:meet|speak|see each other)(?: next)?",
                    r"(?:our|the) next (?:one|session|meeting)", r"(?:start|open|begin) (?:next time|next week)")
_SEQ = re.compile(r"\s*(?:(?:and|so) )?(?:first(?:ly)?|then|after that|second(?:ly)?|next(?! (?:time|week|session))|last(?:ly)?|finally|to start|to begin)\b,?\s*", re.IGNORECASE)
# The client judges themselves ("I feel like a bad daughter", "I'm useless"); reassurance that simply
# contradicts it ("You are not a bad daughter", "don't be so hard on yourself") answers the verdict instead
# of reflecting what it means to them.
_JUDGE = r"(?:bad|terrible|awful|horrible|useless|stupid|failure|idiot|selfish|weak|lazy|worthless|pathetic|loser|mess|burden|fraud|disappointment|hopeless|rubbish|crap|incompetent|monster|coward)"
_SELF_JUDGE = _rx(rf"i(?:'m| am| feel| felt| was| must be| must'?ve been)(?: like| such| so| a| an| just| being| the| total| complete| real| kind of| terrible| really)* (?:\w+ )?{_JUDGE}",
                  rf"(?:what|such) a {_JUDGE}", r"i'?m (?:no good|not good enough|the worst)", rf"(?:makes|made) me (?:a|feel (?:like )?a) (?:\w+ )?{_JUDGE}")
_CONTRADICT = _rx(
    rf"you(?:'re| are)(?: really| certainly| definitely| absolutely)? (?:not|no|never)(?: a| an| being)?(?: \w+)? {_JUDGE}", rf"you(?:'re| are) (?:not|no) (?:\w+ )?{_JUDGE}",
    r"(?:of course|surely) (?:you'?re|you are) not", r"(?:that'?s|it'?s|that is) (?:just |simply |so |absolutely )?(?:not true|untrue|nonsense|not the case)",
    r"don'?t (?:be (?:so |too )?(?:hard on|harsh (?:on|with)|silly|daft)|think (?:like that|that way|that about)|say (?:that|things like that))",
    r"you (?:shouldn'?t|mustn'?t) (?:feel|think|say|blame)", r"(?:please )?(?:stop|quit) (?:beating yourself up|blaming yourself|saying that)",
)
# Flustered self-focus: hesitation, apologies piled up, the therapist's own discomfort and helplessness
# put in the foreground ("Oh gosh, um, I'm so sorry, I feel really bad, I don't know what to say").
_FILLER = re.compile(r"(?<!\w)(?:um+|uh+|erm+|er|ah+m*|oh (?:gosh|god|dear|no|my)|gosh|eek|yikes|whoops|oops)(?!\w)", re.IGNORECASE)
_TRAIL = re.compile(r"\.\.\.|…")
_SORRY = re.compile(r"(?<!\w)(?:sorry|apologi[sz]e|apologies)(?!\w)", re.IGNORECASE)
_SELF_DISTRESS = _rx(
    r"i feel (?:really |so |very |terribly |awfully |a bit )?(?:bad|awful|terrible|guilty|useless|helpless|stupid|nervous|out of my depth)",
    r"i (?:honestly |really |just )*(?:don'?t|do not) know what (?:to say|to do|i'?m doing|i should say)", r"i don'?t want to (?:get (?:it|this|that) wrong|mess (?:this|it) up|say the wrong)",
    r"i'?m (?:not sure|unsure) (?:i|if i|whether i) (?:can|could|should|am)", r"i'?m (?:so |really |a bit )?(?:nervous|flustered|panicking|out of my depth)", r"(?:i'?m )?(?:so |really )?useless,? (?:sorry|i know)",
    r"i wish i (?:knew|could) what to", r"my (?:bad|fault),? (?:sorry|i)",
)
# Diffidence about the therapist's own approach: "I'm not totally sure", "I could be wrong", "maybe we shouldn't?",
# "I don't know." Counted only when two or more pile up: one hedge is honest tentativeness, a run of them is a
# therapist who shows no confidence (CTRS interpersonal effectiveness 6: warm, genuine AND confident).
_DOUBT = _rx(
    r"i'?m not (?:\w+ )?(?:sure|certain|convinced)(?! (?:what|how|whether|if) you)", r"i(?:'m| am) (?:unsure|uncertain)", r"i (?:honestly |really |just )?(?:don'?t|do not) know(?= *[.,!?;:\u2014-]| *$| if (?:it|this|that|we)| whether (?:it|this|that|we))",
    r"i (?:could|might|may) (?:well )?be wrong(?! about (?:what|how) you)", r"maybe (?:we|i|you) (?:shouldn'?t|should not)", r"i'?d hate to (?:make|get|do|mess)", r"i (?:think|guess),? (?:but|maybe|i)",
    r"(?:^|[,.] )i mean,", r"who knows", r"(?:it )?(?:usually|sometimes|might) (?:helps?|works?)(?: people)?,? i (?:think|guess|hope)",
    # round 12 (blind5): apologising for who the therapist is, and a promise of effort in place of a stance,
    # in answer to a challenge ("I apologise if I'm not what you expected. I'll try my best...")
    r"(?:i )?(?:apologi[sz]e|(?:i'?m )?sorry) if (?:i'?m|i am|i'?ve|i have|i|this|that|it|my)\b", r"i'?ll (?:try|do) my (?:very )?(?:best|hardest)(?! to (?:keep|make|get|find|explain))",
    r"(?:if|that) i'?m not what you (?:expected|wanted|hoped|need|were expecting)",
    # round 13 (blind8): the therapist's own hedging with a doubtful client ("that's totally fair, I guess.", "I hope it
    # might help a little bit? Maybe?"): a stance given up as soon as it is taken
    r"(?<=, )i guess(?=\s*[.!?,]|$)", r"^\W*maybe\W*$",
    # round 14c (blind11): the therapist's standing given up under challenge ("I'm not an expert on pain, and maybe I've
    # got this all wrong", "it might help a little, maybe")
    r"i'?m not (?:an|the|much of an?|really an?) expert", r"maybe i'?(?:ve| have) (?:got|read|understood|done) (?:this|it|that|everything) (?:all )?wrong",
    r"(?:help|work) (?:a (?:little|bit|tiny bit)),? maybe", r"i (?:just )?hope (?:it|this|that|therapy|talking) (?:might|may|could|will) (?:\w+ )?(?:help|work)",
)

# Round 12b (blind6): diffidence in answer to a challenge also shows as hoping rather than proposing ("hopefully something
# helps?"), conceding the approach in advance ("maybe it won't suit everyone"), apologising for taking the client's time
# and handing the judgement back wholesale ("whatever you think is best"). Still only counted two or more at a time.
_DOUBT_12B = _rx(
    r"hopefully (?:something|it|this|that|one of them|one)\b[^.?!]{0,25}(?:helps?|works?|sticks?|clicks?)",
    r"maybe (?:it|this|cbt|therapy|talking) (?:won'?t|doesn'?t|wouldn'?t|isn'?t|just isn'?t) (?:\w+ )?(?:suit|work|help|for)",
    r"whatever you think(?:'s| is)? (?:best|right)", r"(?:i )?(?:really )?(?:don'?t|do not) want to waste your time",
)
# Round 12b (blind6): warmth aimed at nobody in particular. Cheerleading: superlative praise and promised good outcomes
# ("fantastic! ... you're doing amazingly ... you'll be back out there in no time, I just know it"); glossing: the
# client's difficulty brushed past ("don't worry about Monday", "it's all part of the process", "Anyway, how has the
# rest of your week been?"). One "brilliant" or one "I'm sure" is ordinary speech; two or more such markers are a reply
# that cheers instead of attending (CTRS interpersonal effectiveness 2-3: warmth that is generic or patronising).
_CHEER = _rx(
    r"fantastic", r"amazing(?:ly)?", r"brilliant", r"wonderful", r"incredible", r"awesome", r"superstar", r"(?:so |really |very )?proud of you",
    r"what an? (?:\w+ )?(?:achievement|star|champion|result)", r"well done you", r"you(?:'re| are) (?:doing )?(?:so |really )?(?:great|amazing(?:ly)?|brilliant(?:ly)?|wonderful(?:ly)?|incredible)",
    r"i (?:just |simply )?know (?:it|you(?:'ll| will| can))", r"i'?m (?:so |completely |totally |absolutely )?(?:sure|certain) (?:you|it|things|that|everything)", r"(?<=, )i'?m (?:so |quite )?sure(?=[,.!])",
    r"in no time", r"you'?ll be (?:back|fine|great|okay|ok|alright|all right)\b", r"(?:it|things|everything)(?: will|'ll) (?:all )?(?:get (?:easier|better)|be (?:fine|okay|ok|alright)|work out)",
    r"every (?:little )?(?:step|bit) (?:forward )?counts",
    # round 13 (blind8): good news cheered and an easier future promised ("That's great news... Next time will feel easier")
    r"great news",
    # round 14b (blind10): stock praise stacked ("That's great that you went! ... you should be proud"): the client told how
    # to feel about a step instead of the step being looked at with them. "Well done" alone stays ordinary praise.
    r"you should (?:be|feel) (?:so |really |very |really very )?proud(?: of yourself)?", r"(?:that'?s|it'?s) (?:so |really )?(?:great|wonderful|fantastic|brilliant|awesome) (?:that )?you\b",
    r"(?:next time|it|things|the next one)(?: will|'ll) (?:feel |get |be )(?:so much |much |a lot |even )?(?:easier|better)", r"(?:keep|stay|be) (?:that |a |so )?positive", r"(?:be|stay) strong", r"you'?ve got this", r"(?:beautiful|lovely|wonderful) self",
)
_GLOSS = _rx(
    r"don'?t (?:you )?(?:worry|fret|stress) (?:about|over) (?:it|that|this|the|monday|\w+day|\w+)", r"^anyway\b", r"(?:it'?s|that'?s|this is) (?:all )?(?:just )?part of the (?:process|journey)",
    r"everyone has (?:off|bad|those|hard) days", r"(?:it )?happens to (?:everyone|all of us|the best of us)", r"no need to (?:worry|dwell|think about|feel)",
    r"(?:let'?s|we) (?:not|won'?t) dwell", r"(?:look on|focus on|see) the bright side", r"^at least (?:you|it)\b",
)
# Round 12b (blind6): talk about people in general in place of this person ("Crying is a normal emotional response",
# "Many people experience similar feelings", "Cultural differences ... are common"): correct, but it speaks to nobody
# (CTRS interpersonal effectiveness 2: professional but impersonal). Only when the sentence takes up at most one word of
# what the client said.
_PEOPLE = _rx(
    r"(?:is|are) (?:a |an )?(?:very |really |so |extremely |quite |perfectly |completely )?(?:common|normal|natural|typical|valid)\b(?! for you)",
    r"(?:many|most|lots of|a lot of|plenty of) (?:people|clients|parents|adults|students|patients)", r"people (?:often|usually|commonly|generally|tend to|in your)",
    r"it(?:'s| is) (?:important|natural|normal|common|healthy) (?:to|for (?:us|people|everyone|anyone))", r"everyone (?:feels|experiences|has|goes through|struggles)",
    r"(?:our|one'?s) emotions",
)
# Round 12b (blind6): a technique described instead of used. What it is called, what it means, that it "can help
# people", that "it has columns for...", an offer to describe it or to learn more "next time": the client's own
# material never enters it (CTRS techniques 1-2: named or explained, not applied). Positive technique cues in such a
# sentence earn nothing (``_features``).
_EXPLAIN = _rx(
    r"(?:is|are|was|that'?s|it'?s|this'?s) called\b", r"what we call", r"(?:a|an|one) (?:\w+ )?(?:technique|tool|skill|method|exercise|approach) called\b", r"(?:it|this|that) (?:means|involves) (?:looking|writing|noticing|testing|asking|taking|checking|examining|weighing|listing)",
    r"(?:is|are) (?:a|one|another) (?:really )?(?:useful |good |great |common |core |simple |helpful |powerful )?(?:way|technique|tool|skill|method|exercise|approach)s? (?:of|to|for|in|that|where|called)\b",
    r"(?:they'?re|they are|it'?s|it is) (?:a |one )?(?:way|ways) (?:of|to)\b", r"(?:can|could|may|might|will|often) help (?:people|someone|anyone|many)", r"helps? people",
    r"works? (?:well )?(?:with|for) (?:all sorts|many|most|lots|a lot|different|any)", r"one of the (?:core|main|key|basic|central|most \w+) (?:skills|tools|techniques|ideas|parts|methods)",
    r"(?:it|this|that|they) (?:has|have) (?:\w+ )?columns? for", r"(?:often|usually|generally) more (?:convincing|useful|effective|powerful) than",
    r"have you (?:ever )?(?:come across|heard of|heard about|used) (?:them|it|this|that|these|those|a|an|the)", r"(?:learn|learning|read|reading) (?:a bit )?(?:more )?about (?:it|them|this|that)",
    r"(?:learning|to learn) more", r"i (?:can|could) (?:describe|explain|outline|send you|show you how) (?:the|how|it|them|what)", r"(?:give it a go|try (?:it|one)) (?:next time|sometime|at some point)",
    r"cbt has (?:lots|many|a lot|plenty)", r"(?:a|the) (?:good|great|useful|helpful) way of easing",
    # round 14c (blind11): the technique named as fitting and its result foretold, never done ("a classic case for the
    # double standard technique", "if you applied it here, you'd probably see it differently", "a useful technique to
    # keep in mind"; "once you've answered those, the fear usually shrinks")
    r"(?:a |the )?(?:classic|textbook|perfect|typical) (?:case|example|candidate|situation) for",
    r"if you (?:applied|used|tried|did|were to (?:apply|use|try)) (?:the |a |an |this |that )?(?:\w+ ){0,2}(?:technique|tool|method|exercise|double standard|thought record|pie chart|downward arrow|approach)",
    r"(?:useful|handy|good|great|helpful) (?:technique|tool|skill|trick|thing) to (?:keep in mind|remember|have|know|carry)",
    r"(?:the )?(?:fear|worry|anxiety|panic|feeling) (?:usually|often|generally|tends to) (?:shrinks?|fades?|drops?|goes down|eases?|settles?)",
)
# Round 12b (blind6): the talk brought back to the work after a pleasant tangent ("how was the worry while you were away,
# since that's what we've been working on?"): the focus is held without dropping the client (CTRS pacing 5-6).
_YOU = re.compile(r"(?<!\w)(?:you|your|you'?re|yourself)(?!\w)", re.IGNORECASE)
_STEER = _rx(
    r"(?:what|that'?s what|the (?:\w+ )?(?:thing|things|work|problem|goal)s?(?: that)?) we'?(?:ve| have)? been (?:working on|looking at|focusing on|practi[sc]ing|tackling)",
    r"(?:bring|brings|bringing|get|take|steer) (?:us|it|things|this) back to", r"(?:link|tie|connect)s? (?:it |this |that )?(?:back )?(?:in )?(?:to|with) (?:what|the \w+) we",
    r"(?:what|the \w+) (?:you|we) came (?:here )?(?:for|to work on)",
    # round 15 (blind12): the thread of the work picked up again ("For now I'd like to stay with ...", "Where had we got to?")
    r"where (?:had|were) (?:we|you) (?:got|gotten|reached|up)(?: to)?", r"where (?:have|did) we (?:get|got|gotten|leave|left|reach)(?: to)?", r"for now,? (?:i'?d like (?:us )?to |let'?s |we'?ll |i want (?:us )?to )?(?:stay|stick|keep going|carry on) with",
)
# Round 15 (blind12): the patient's own marker that what follows is a side topic ("oh btw my flatmate...", "also did i tell u
# about the new amp??"). A reply that then chases it (side-detail questions, "tell me about the amp") follows the tangent,
# whatever slowness or "we can come back to the work afterwards" it announces.
_SIDE_TOPIC = _rx(r"by the way", r"btw", r"(?:oh|also|and),? did i (?:tell|mention)", r"did i (?:tell|mention) (?:you|u|ya)\b", r"random(?:ly)?,? but",
                  r"off[- ]topic", r"unrelated,? but", r"(?:oh|also),? (?:and )?guess what")
_TELL_ABOUT = _rx(r"tell me (?:more |all |everything )?about", r"i want to hear (?:more )?about", r"what'?s (?:it|the \w+) like")

# -- question kinds -----------------------------------------------------------------------------------
# Round 14c (blind11): thoughts asked about in general ("what kinds of thoughts come up around jealousy in general?")
# touch on thinking (CTRS focus 3), they do not pin down the thought in the moment the patient described.
_IN_GENERAL = _rx(r"in general", r"generally", r"(?:kinds?|sorts?|types?) of (?:thoughts?|things)", r"(?:thoughts?|things) (?:in general|overall)")
_COG = _rx(
    r"mind", r"thought", r"thoughts", r"think", r"thinking", r"tell(?:ing)? yourself", r"mean", r"meant", r"say about", r"says about",
    r"afraid", r"imagine", r"picture", r"predict(?:ing|ed)?", r"expect", r"believe", r"worst", r"jump to", r"fear", r"assume",
)

SEMANTIC: Final[dict[CTRSItem, tuple[tuple[str, float], ...]]] = {
    "agenda": (("session_plan", 1.0), ("next_plan", 1.0)),
    "feedback": (("offer_adapt", 0.8), ("checks_assent", 1.0), ("asks_about_session", 1.0), ("invites_correction", 0.9),
                 ("teach_back", 1.0), ("acts_on_feedback", 1.0)),
    "understanding": (("reflect_feeling", 0.8), ("implied_feeling", 1.0), ("valence_mismatch", -1.2), ("generic", -0.6),
                      ("grounded", 0.8), ("feeling_mismatch", -1.2), ("minimised", -1.0), ("added_content", -0.8),
                      ("contradicts", -1.0), ("meaning", 1.0), ("stock", -1.0), ("denied", -1.2), ("correction_taken", 0.8),
                      ("checks_reading", 0.8)),
    "interpersonal_effectiveness": (("valence_mismatch", -0.4), ("task_over_person", -1.2), ("regulate_for_me", -1.2),
                                    ("person_first", 0.8), ("flustered", -1.2), ("cheerleading", -1.2), ("impersonal", -0.8)),
    "collaboration": (("client_expert", 0.9), ("check_agreement", 0.8), ("override", -1.0), ("decides", -0.8),
                      ("takes_up", 0.9), ("leading", -0.8)),
    "pacing": (("slow", 1.0), ("summarise", 0.9), ("time_structure", 0.7), ("park", 0.9), ("prioritise", 0.9),
               ("fix_barrage", -1.2), ("tangent", -1.0), ("steer_back", 0.9)),
    "guided_discovery": (("closed_leading", -0.8),),
    "focus_on_key_cognitions": (("thought_question", 1.0), ("fact_questions", -0.8), ("jargon", -1.0)),
    "strategy_for_change": (("formulation", 0.8), ("proposal", 0.9), ("formulated_plan", 1.0), ("tips", -1.0)),
    "application_of_cbt_techniques": (("supplies", -1.0), ("elicits_steps", 0.8), ("explains", -1.0)),
    "homework": (("task_set", 1.2), ("task_specific", 0.6), ("task_linked", 0.6), ("reviewed", 1.2), ("vague", -0.8),
                 ("moved_on", -0.8), ("imposed", -1.0),
                 ("adapted", 1.0), ("obstacle_ignored", -1.0), ("off_topic", -0.6), ("choice", 0.8), ("troubleshoot", 1.0),
                 ("small", 0.5), ("oversized", -0.9), ("rationale_check", 0.6),
                 ("review_skipped", -0.8), ("from_material", 0.5), ("generic_task", -0.8), ("unfixed", -0.6),
                 ("shaped", 0.8), ("anticipated", 0.8), ("learning", 0.8), ("miss_explored", 0.8), ("miss_glossed", -0.8),
                 ("miss_pressed", -0.8), ("assigned", -0.5)),
}


def _sat(n: float) -> float:
    return float(1.0 - 0.5**n)


def _hits(rx: re.Pattern[str], sents: Sequence[Sentence]) -> list[Sentence]:
    return [s for s in sents if rx.search(s.text)]


def _imperative(text: str) -> bool:
    """An instruction opens the sentence or a clause, possibly after a time phrase ("Each evening, note...")."""
    for clause in re.split(r"[:;]\s*", text):
        if _IMPERATIVE_START.match(clause):
            return True
        head, sep, rest = clause.partition(",")
        if sep and len(head) <= 60 and _ANCHOR.search(head) and _IMPERATIVE_START.match(rest):
            return True
    return False


def _agreed(s: Sentence) -> bool:
    """A question that agrees the practicalities with the patient ("Does Wednesday still suit you?")."""
    return s.is_question and bool(_AGREE_Q.search(s.text))


def _own_column(text: str, said: set[str]) -> bool:
    """A record's column filled with the client's own words ("Thought: 'she doesn't even like me'") records their material."""
    m = _COLUMN.search(text)
    if not m:
        return False
    ws = words(text[m.end() - 1:])
    # round 12b (blind6): half is enough ("Feeling: upset, useless." for "I cried and felt useless")
    return bool(ws) and sum(w in said for w in ws) >= 0.5 * len(ws)


def semantic_features(context: Sequence[str], sents: Sequence[Sentence]) -> tuple[dict[str, float], dict[str, tuple[Sentence, ...]]]:
    """Features named ``"<item>.<name>"`` and the sentences behind each, for ``SEMANTIC``."""
    v: dict[str, float] = {}
    h: dict[str, tuple[Sentence, ...]] = {}
    last = context[-1] if context else ""
    txt = [s.text for s in sents]

    # Homework: parts may sit in one sentence or two neighbouring ones ("Shall we make it your task this
    # week? On Wednesday, set a timer...").
    anchor = [bool(_ANCHOR.search(t)) and not PAST_FRAME.search(t) for t in txt]
    concrete = [bool(_ACTIVITY.search(t)) for t in txt]
    act = [concrete[i] or bool(_DOSE.search(t)) or (bool(_META_TASK.search(t)) and any(concrete[max(0, i - 1) : i + 2]))
           for i, t in enumerate(txt)]
    unc = [bool(_UNCOMMITTED.search(t)) for t in txt]
    # A vague word beside a concrete amount ("then something you enjoy, at 6pm") does not undo the task.
    vag = [bool(_VAGUE.search(t)) and not _QTY.search(t) for t in txt]
    # A bare imperative is advice ("Take the phone at 9pm every night.") unless the reply also asks for a
    # record, links back to the next session or checks it with the patient.
    followed = (any(s.is_question for s in sents) or bool(_RECORD.search(" ".join(txt)))
                or any(m.group(0).lower() != "next time" for m in _LINK.finditer(" ".join(txt))))
    addr = [not unc[i] and not vag[i] and (bool(_ADDRESS.search(t)) or (followed and _imperative(t)) or (i + 1 < len(sents) and _agreed(sents[i + 1]))
                                           or bool(re.match(r"\s*(?:on |each |every |before |between |this |over |while |tomorrow|for (?:this|the next|the coming) (?:week|few days|days)\s*:)", t, re.I)))
            for i, t in enumerate(txt)]
    task: list[Sentence] = []
    for i in range(len(sents)):
        win = range(max(0, i - 1), min(len(sents), i + 2))
        if act[i] and not unc[i] and not vag[i] and any(anchor[j] for j in win) and any(addr[j] for j in win):
            task.append(sents[i])
    # A wellbeing tip about nothing the patient said ("an early night and less coffee" for fear of speaking
    # in meetings) is advice, not homework that follows from the work.
    said = content_words(" ".join(context)) - _GENERIC_W
    # Tips come in bundles ("a warm drink, gentle music or a meditation app"); one "notes app" is not one.
    off = [s for j, s in enumerate(sents) if (_WELLBEING.search(s.text) or _TIPS.search(s.text))
           and not ((content_words(s.text) - _GENERIC_W) & said) and (s in task or any(anchor[max(0, j - 1) : j + 2]))]
    if len(_WELLBEING.findall(" ".join(s.text for s in off))) + len(_TIPS.findall(" ".join(s.text for s in off))) < 2:
        off = []
    task = [s for s in task if s not in off]
    v["homework.off_topic"] = _sat(len(off)) if off and not task else 0.0
    h["homework.off_topic"] = tuple(off)
    v["homework.task_set"] = _sat(min(2, len(task)))
    h["homework.task_set"] = tuple(task)
    spec = [s for s in task if _QTY.search(s.text)]
    v["homework.task_specific"] = 1.0 if spec else 0.0
    h["homework.task_specific"] = tuple(spec)
    linked = _hits(_LINK, sents) if task else []
    v["homework.task_linked"] = 1.0 if linked else 0.0
    h["homework.task_linked"] = tuple(linked)
    # A terse last message ("yeah.", "ok") carries on from the one before it.
    prev = context[-2] if len(context) > 1 and len(words(last)) <= 4 else ""
    reported = bool(_TASK_REPORT.search(last) or (prev and _TASK_REPORT.search(prev)))
    recalled = [s for i, s in enumerate(sents) if _PRIOR_TASK.search(s.text)
                and any(t.is_question or _REVIEW.search(t.text) for t in sents[i : i + 2])]
    told_outcome = any(_OUTCOME.search(m) and "?" not in m for m in (last, prev) if m)
    reported = reported or told_outcome
    # Round 17 (hw16): a look "next time" at the new batch ("we'll have a look at them next time") is a link, not a review now.
    reviewed = [s for i, s in enumerate(sents) if _REVIEW.search(s.text) and not ((s in task or anchor[i]) and _LINK.search(s.text))] if reported else []
    if reported:
        # A question about what the patient reported ("and what made Sunday different?") takes it up. Round 17 (hw16): a
        # question that proposes the new task ("Could you give that a go on the nights you're parked up?") does not.
        told = content_words(last + " " + prev) - _UNITS_W
        reviewed += [s for s in sents if (s.is_question or _INDIRECT_Q.search(s.text)) and s not in reviewed
                     and content_words(s.text) & told and not _MOVE_ON.search(s.text)
                     and not (s in task or (_ADDRESS.search(s.text) and any(t in task for t in sents[max(0, sents.index(s) - 1) : sents.index(s) + 1])))]
    reviewed = reviewed + [s for s in recalled if s not in reviewed]
    # Round 17b (hw17) / 17c (hw18): part of the task missed, or an agreed task broken ("I know we agreed... I did it anyway"),
    # and the miss looked at for what got in the way. Looking at the miss of a task reported is reviewing it: it counts as a review
    # (not a weekend that "didn't do much", which reports no task).
    did = reported or bool(re.search(r"\b(?:i|we) (?:did|actually|finally|tried|asked|went|said|made|kept|managed)\b", last, re.I))
    lapse = bool(_AGREED_REF.search(last) and _BROKE.search(last))
    missed = (bool(_MISS.search(last)) and (did or bool(re.search(r"\bi (?:didn'?t|did not|couldn'?t|could not)\b", last, re.I)))) or lapse
    miss_q = [s for s in sents if (s.is_question or _INDIRECT_Q.search(s.text)) and _MISS_Q.search(s.text) and not _MOVE_ON.search(s.text)] if missed else []
    miss_q += [s for s in sents if missed and _MISS_Q.search(s.text) and re.search(r"\b(?:understand|look at)\b", s.text, re.I) and s not in miss_q]
    reviewed += [s for s in miss_q if s not in reviewed] if reported or lapse else []
    # Thanks and praise alone are a token: a review asks or looks at what happened. A token followed by a
    # fresh agenda ("Now, what would you like to focus on today?") sets the report aside.
    token = bool(reviewed) and all(_TOKEN_REVIEW.search(s.text) and not s.is_question and not _INDIRECT_Q.search(s.text) for s in reviewed)
    if token:
        reviewed = []
    moved = [s for s in _hits(_MOVE_ON, sents) if not _DEFER.search(s.text)] if reported or recalled else []
    if (reported or recalled) and not reviewed:
        moved += [s for s in _hits(_NEW_TOPIC, sents) if s not in moved]
    # A vague intention in place of a task ("keep noticing this week"). Round 14 (blind9): a question that takes up the
    # reported task ("was it time, or something about the diary itself?") reviews it; its "or something" is no vague task.
    vague = [s for i, s in enumerate(sents) if (anchor[i] or act[i]) and (_VAGUE.search(s.text) or unc[i]) and s not in task
             and s not in reviewed]
    v["homework.vague"] = 0.0 if task else _sat(len(vague))
    h["homework.vague"] = ()
    v["homework.reviewed"] = _sat(min(2, len(reviewed))) if not moved else 0.25 * _sat(len(reviewed))
    h["homework.reviewed"] = tuple(reviewed)
    v["homework.moved_on"] = 1.0 if moved else 0.0
    h["homework.moved_on"] = ()
    # Praise, a new task or a change of subject in answer to a report, with nothing of it looked at.
    # Taking up the specifics of what was done ("Twenty minutes alone in the café...") is engagement.
    engaged = len(content_words(" ".join(txt)) & content_words(last + " " + prev)) >= 2
    v["homework.unreviewed"] = 1.0 if (told_outcome or token) and not reviewed and not engaged else 0.0
    # Round 17 (hw16): last week's task reported, and a new one set over it with nothing of the report looked at (what was
    # in the log, what happened on the day it was missed): CTRS reviews before it sets.
    v["homework.review_skipped"] = 1.0 if reported and task and not reviewed and not recalled else 0.0
    h["homework.review_skipped"] = ()
    if v["homework.unreviewed"]:
        # "Keep going with it" on top of a report nobody looked at builds on nothing: half a task.
        v["homework.task_set"] *= 0.5
        v["homework.task_linked"] *= 0.5
    h["homework.unreviewed"] = ()
    planned = task or any(act[i] and anchor[i] for i in range(len(sents)))
    asks = any(s.is_question and not _COMPLY_Q.fullmatch(s.text.strip().rstrip("?!. ").strip()) for s in sents)
    decree = _hits(_DECREE, sents) if planned and not asks else []
    v["homework.imposed"] = 1.0 if decree else 0.0
    h["homework.imposed"] = tuple(decree)
    if decree:
        # A task by decree is assigned, not agreed (CTRS 2-3 at best): half the credit of setting it.
        for k in ("homework.task_set", "homework.task_specific", "homework.task_linked"):
            v[k] *= 0.5
    # The patient chooses the task from options laid out, or is asked what they would try (CTRS 6: agreed).
    # Round 17 (hw16): the patient's knowledge of their own life credited for the task's shape ("You'd know far better than
    # me who could be asked") hands it over too.
    # Round 17c (hw18): a task named with its dose but no day yet ("Whichever you pick, the task would be to touch it and
    # then wait thirty minutes") is a task under discussion: options for it handed to the patient are a choice.
    named_task = any(act[i] and not unc[i] and _QTY.search(t) and _META_TASK.search(t) for i, t in enumerate(txt))
    # Round 17c (hw18): "We'll build from there" is the step after the task, not the patient's knowledge credited.
    chosen = [s for s in sents if (s.is_question and _CHOICE_Q.search(s.text)) or ((_HAND_OVER.search(s.text) or (task and _EXPERT.search(s.text) and not re.search(r"\bfrom there\b", s.text, re.I)))
                                                                                   and not _PASSIVE.search(s.text) and not _UNCOMMITTED.search(s.text))] \
        if planned or _TASK_TALK.search(last) or named_task else []
    v["homework.choice"] = 1.0 if chosen else 0.0
    h["homework.choice"] = tuple(chosen)
    taskish = bool(planned or task or _TASK_TALK.search(last) or any(anchor) or _COMMIT.search(last) or _TASK_TALK.search(" ".join(txt)))
    trouble = [s for s in sents if s.is_question and _TROUBLESHOOT.search(s.text) and not PAST_FRAME.search(s.text)] if taskish else []
    v["homework.troubleshoot"] = _sat(len(trouble))
    h["homework.troubleshoot"] = tuple(trouble)
    # Round 15 (hw15): the task kept small, or sized beyond a week's reach; the rationale checked with the patient. A
    # size asked about ("would an hour a day be too much?") or put aside ("not an hour every day") is not the task set.
    sized = [s for i, s in enumerate(sents) if (act[i] or anchor[i]) and not s.is_question] if planned else []
    small = [s for s in sized if _SMALL.search(s.text) and not _OVERSIZED.search(s.text)]
    big = [s for s in sized if _OVERSIZED.search(s.text)
           and not re.search(r"\b(?:not|rather than|instead of|no need|don'?t|won'?t)\b", s.text, re.I)]
    v["homework.small"] = 1.0 if small and not big else 0.0
    h["homework.small"] = tuple(small) if not big else ()
    v["homework.oversized"] = 1.0 if big else 0.0
    h["homework.oversized"] = tuple(big)
    # Round 17 (hw16): "say in your own words why..." stated, then asked ("What's your understanding so far?"), checks it too.
    # Round 17b (hw17): a task under discussion counts as well as one planned here: the patient questioning it ("Touch the bin lid
    # and then not wash? That sounds disgusting"), a dose named ("ten minutes with one album"), the reason stated ("The aim is...").
    under_talk = bool(taskish or any(_QTY.search(t) for t in txt) or _CLIENT_IDEA.search(last) or _ACTIVITY.search(last)
                      or re.search(r"\bthe (?:aim|idea|point|reason|purpose|goal) (?:is|of)\b", " ".join(txt), re.I))
    why = [s for i, s in enumerate(sents) if _WHY_CHECK.search(s.text) and (s.is_question or _INDIRECT_Q.search(s.text) or any(t.is_question for t in sents[i + 1 : i + 3]))] if planned or under_talk else []
    # Round 17c (hw18): the reason given in the reply, then the patient's own view of it asked ("How does that sit with you?").
    why += [s for i, s in enumerate(sents) if s.is_question and _VIEW_Q.search(s.text) and s not in why
            and any(_REASON_S.search(t.text) for t in sents[max(0, i - 3) : i])] if planned or under_talk else []
    v["homework.rationale_check"] = 1.0 if why else 0.0
    h["homework.rationale_check"] = tuple(why)
    # Round 17 (hw16): the task follows from this session's material (CTRS: homework arises from the session): the task
    # sentence shares the patient's own content words, quotes their words, or names the work done today. A general
    # wellbeing practice not tied to that work is a task of the wrong kind; a task whose time is left open is not fixed.
    region = sorted({j for s in task for i in [sents.index(s)] for j in range(max(0, i - 1), min(len(sents), i + 2))})
    rtxt = [sents[j].text for j in region]
    quoted = [t for t in rtxt for q in re.findall(r"['\u2018\u201c\"]([^'\u2019\u201d\"]{4,80})['\u2019\u201d\"]", t) if (content_words(q) - _GENERIC_W) & said]
    work = [t for t in rtxt if _SESSION_WORK.search(t)]
    tied = bool(quoted or work)
    v["homework.from_material"] = 1.0 if task and tied else 0.0
    h["homework.from_material"] = tuple(quoted_s for quoted_s in sents if quoted_s.text in quoted or quoted_s.text in work)
    generic = [sents[j] for j in region if _GENERIC_PRACTICE.search(sents[j].text)] if task and not tied else []
    v["homework.generic_task"] = 1.0 if generic else 0.0
    h["homework.generic_task"] = tuple(generic)
    open_t = [sents[j] for j in region if _OPEN_TIME.search(sents[j].text)] if task else []
    open_t += [s for i, s in enumerate(sents) if (act[i] or anchor[i]) and _OPEN_TIME.search(s.text) and s not in open_t] if planned else []
    v["homework.unfixed"] = 1.0 if open_t else 0.0
    h["homework.unfixed"] = tuple(open_t)
    # Round 17b (hw17): the patient shapes the task (its size, day, place or record asked of them, or the when and where
    # settled with them now), next to a task in the reply or under talk of one.
    near_act = [any(act[j] or anchor[j] for j in range(max(0, i - 1), min(len(sents), i + 2))) for i in range(len(sents))]
    shaped = [s for i, s in enumerate(sents) if _SHAPE.search(s.text) and not unc[i] and not PAST_FRAME.search(s.text)
              and (near_act[i] or _TASK_TALK.search(last) or _COMMIT.search(last) or _CLIENT_IDEA.search(last) or _ACTIVITY.search(last)
                   or any(_QTY.search(t) for t in txt))] if under_talk else []
    v["homework.shaped"] = 1.0 if shaped else 0.0
    h["homework.shaped"] = tuple(shaped)
    # ... obstacles anticipated in a statement ("Let's think about what might get in the way"), beside the task.
    ant = [s for s in sents if _ANTICIPATE.search(s.text) and not PAST_FRAME.search(s.text) and s not in trouble] if taskish else []
    v["homework.anticipated"] = 1.0 if (ant or trouble) else 0.0
    h["homework.anticipated"] = tuple(ant)
    # ... a task reported and looked at for what it taught (prediction against outcome, what the patient makes of it).
    learn = [s for s in sents if _LEARN.search(s.text) and (s.is_question or _INDIRECT_Q.search(s.text) or _REVIEW.search(s.text))] if did else []
    v["homework.learning"] = 1.0 if learn else 0.0
    h["homework.learning"] = tuple(learn)
    # ... part of it missed: the miss looked at for what got in the way, or waved off with nothing asked about it (computed
    # above, with the review).
    v["homework.miss_explored"] = 1.0 if miss_q else 0.0
    h["homework.miss_explored"] = tuple(miss_q)
    gloss = [s for s in sents if _NORMALISE.search(s.text) and not s.is_question] if missed and not miss_q else []
    v["homework.miss_glossed"] = 1.0 if gloss else 0.0
    h["homework.miss_glossed"] = tuple(gloss)
    # Round 17c (hw18): ... or the agreement pressed on the patient instead (a promise asked for, "we did agree", stricter effort).
    press = [s for s in sents if _POLICE.search(s.text)] if missed and not miss_q else []
    v["homework.miss_pressed"] = 1.0 if press else 0.0
    h["homework.miss_pressed"] = tuple(press)
    # The patient says the task does not fit their life ("I'm on the ward twelve hours", "she reads
    # everything"). Fitting it to that obstacle is skilled homework; setting the same task again over it
    # ("keep the diary anyway", "the walks really are the best option though") is imposing it.
    recent = list(context[-3:])
    obstacle = (any(_BARRIER.search(m) for m in recent[-2:])
                and any(_TASK_TALK.search(m) or _TASK_REPORT.search(m) for m in recent))
    # The patient's life leaves no room ("zero time between the baby and work") and the reply sets a task
    # in answer: CTRS credits one sized to that, not a full task set "even so".
    constrained = obstacle or (bool(_BARRIER.search(last)) and bool(planned)) or bool(trouble)
    adapted = [s for i, s in enumerate(sents) if _ADAPT.search(s.text) and not unc[i]] if constrained else []
    v["homework.adapted"] = _sat(min(2, len(adapted)))
    h["homework.adapted"] = tuple(adapted)
    pushed = [s for s in sents if _PERSIST.search(s.text) and (obstacle or s in task)] if constrained and not adapted else []
    v["homework.obstacle_ignored"] = 1.0 if pushed else 0.0
    h["homework.obstacle_ignored"] = tuple(pushed)
    if pushed:
        for k in ("homework.task_set", "homework.task_specific", "homework.task_linked"):
            v[k] *= 0.5
    # Round 17c (hw18): a task ASSIGNED rather than agreed: set complete in the reply while the patient has neither proposed nor
    # agreed it, and nothing in the reply gives them a say in it: no open question (only "Does that make sense?", "Can you
    # manage that?" or none), no choice, no part of it for them to shape, no check of the reason, no obstacle asked about.
    # A decree is already counted (imposed); this is the polite form of the same thing, so it weighs less.
    users_said = " ".join(context)
    # The patient proposed it (in any message), or answered with the task's own parts ("Order and look at the barista. Maybe
    # Tuesday and Thursday."), or said yes to it.
    patient_agreed = bool(_COMMIT.search(users_said) or _CLIENT_IDEA.search(users_said) or (_ACTIVITY.search(last) and _QTY.search(last) and re.search(r"\b(?:maybe|perhaps|i could|i can|i'?ll|i'?d|i will|how about|what if)\b", last, re.I))
                          or re.search(r"\bi (?:could|can|might|'?ll|will) (?:give (?:it|that|this) a (?:go|try|shot)|try (?:it|that|this))", users_said, re.I)
                          # ... or asked for the task ("What's the homework?", "Just tell me what to do"), or agreed to it before ("I said I'd try")
                          or _ASKED_TASK.search(last) or re.search(r"\bi (?:said|agreed|promised) (?:i'?d|i would|to)\b", users_said, re.I)
                          or re.match(r"\W*(?:yes|yeah|yep|ok(?:ay)?|sure|sounds (?:good|fine|ok)|fine|alright|deal|i can do that|let'?s do it)\b", last, re.I))
    open_q = [s for s in sents if (s.is_question or _INDIRECT_Q.search(s.text)) and not _COMPLY_Q.fullmatch(s.text.strip().rstrip("?!. ").strip())
              and not _YES_Q.search(s.text) and not _LEADING.search(s.text)]
    offered = any(_OFFERED.search(t) for t in txt)
    assigned = [s for s in task] if (task and not decree and not patient_agreed and not offered and not open_q and not chosen and not shaped
                                    and not why and not trouble and not ant and not adapted) else []
    v["homework.assigned"] = 1.0 if assigned else 0.0
    if assigned:
        # Assigned, not agreed: the task counts for less (as for a decree), and the penalty itself is milder than imposed's.
        for k in ("homework.task_set", "homework.task_specific", "homework.task_linked"):
            v[k] *= 0.5
    h["homework.assigned"] = tuple(assigned)

    # Collaboration: the patient as the expert on their life, agreement checked before moving on, versus
    # the therapist's or a general view pushed against theirs, or the course settled with no invitation.
    expert = _hits(_EXPERT, sents)
    v["collaboration.client_expert"] = _sat(len(expert))
    h["collaboration.client_expert"] = tuple(expert)
    check = _hits(_CHECK_AGREE, sents)
    v["collaboration.check_agreement"] = _sat(len(check))
    h["collaboration.check_agreement"] = tuple(check)
    over = [s for s in sents if _CONTRA.search(s.text) and _PUSH.search(s.text) and not _EXPERT.search(s.text)]
    # The patient's own proposal taken up, or replaced by the therapist's / ruled on.
    idea = bool(_CLIENT_IDEA.search(last))
    # "...or we could do them out loud instead?" offers an option; it replaces nothing.
    replaced = [s for s in sents if idea and _REPLACE.search(s.text) and not _ACCEPT.search(s.text) and s not in over
                and not s.is_question and not _OFFER.search(s.text)]
    over += replaced
    taken = [s for s in sents if _ACCEPT.search(s.text) and not _REPLACE.search(s.text) and not _PASSIVE.search(s.text)] if idea and not replaced else []
    v["collaboration.takes_up"] = _sat(len(taken))
    h["collaboration.takes_up"] = tuple(taken)
    leading = [s for s in sents if _LEADING.search(s.text)]
    v["collaboration.leading"] = _sat(len(leading))
    h["collaboration.leading"] = tuple(leading)
    v["collaboration.override"] = _sat(len(over))
    h["collaboration.override"] = tuple(over)
    invited = bool(expert or check) or any(s.is_question and _OPEN_VIEW_Q.search(s.text) and not _TOKEN_Q.search(s.text) for s in sents)
    # "We'll go through your notes together next week" plans a shared review; it settles nothing over the patient.
    decided = [] if invited else [s for s in _hits(_DECIDE, sents) if not _LINK.search(s.text) and not _TOGETHER.search(s.text)]
    v["collaboration.decides"] = _sat(len(decided))
    h["collaboration.decides"] = tuple(decided)

    # Agenda: a proposal for how this session's time is used, ordered when it names a sequence.
    plan = [s for s in sents if _SESSION_TIME.search(s.text) and _PLAN_VERB.search(s.text)
            and (s.is_question or _PROPOSE.search(s.text)) and not CLOSING.search(s.text)]
    ordered = bool(plan) and any(_ORDER.search(s.text) for s in plan)
    v["agenda.session_plan"] = _sat(min(2, len(plan) + ordered))
    h["agenda.session_plan"] = tuple(plan)
    # Next session's agenda drafted at a close: the next meeting named and two or more items put in order
    # ("First, how the practice went. Then the driving test..."), not "we'll see what comes up next time".
    # The items are topics in sentences of their own; "then the party, then the wedding" inside one
    # instruction is a task list, and "First, write..." is an instruction.
    nxt = _hits(_NEXT_SESSION, sents)
    steps = 0
    for t in txt:
        m = _SEQ.match(t)
        if m and not _IMPERATIVE_START.match(t[m.end():]) and not re.match(r"(?:try|go|do|make|take|aim)\b", t[m.end():], re.I):
            steps += 1
    v["agenda.next_plan"] = _sat(min(2, steps - 1)) if nxt and steps >= 2 and not plan else 0.0
    h["agenda.next_plan"] = tuple(nxt) if v["agenda.next_plan"] else ()

    # Pacing acts.
    for name, rx in (("slow", _SLOW), ("summarise", _SUMMARY), ("time_structure", _TIME), ("park", _PARK), ("prioritise", _PRIORITY)):
        hs = _hits(rx, sents)
        v[f"pacing.{name}"] = _sat(len(hs))
        h[f"pacing.{name}"] = tuple(hs)
    # A barrage: three or more fixes in a row (imperative clauses or comma-separated actions) with no
    # question about the patient's experience.
    fixes = 0
    for t in txt:
        # round 12 (blind5): a numbered list ("one, email your landlord today; two, update your CV...") is the same
        # barrage: the enumerator is dropped before the action is read
        parts = [_ENUM.sub("", p.strip()) for p in re.split(r",|;|:|\band\b|\bthen\b", t) if p.strip()]
        fixes += sum(1 for p in parts if re.match(r"(?:try |just |also |maybe )?(?:[a-z]+)\b", p, re.I)
                     and re.match(r"(?:try|just|also|maybe|get|make|set|cut|avoid|go|take|do|join|ask|hire|delete|unfollow|plan|start|"
                                  r"update|book|read|apply|write|call|text|tidy|switch|drink|exercise|sleep|eat|use|download|block|"
                                  r"delegate|say|leave|carry|park|tell|reward|track|journal|watch|listen|keep|stay|"
                                  r"email|e-mail|check|sign|contact|phone|ring|pay|sort|register|send|cancel|clean|research|fill)\b", p, re.I))
    thought_q = [s for s in sents if s.is_question and _COG.search(s.text) and not _OPINION_Q.search(s.text)
                 and not _IN_GENERAL.search(s.text)]
    v["pacing.fix_barrage"] = min(1.0, max(0.0, (fixes - 2) / 3.0)) if not thought_q else 0.0
    # Slowness announced over a barrage of four or more fixes is a claim the reply contradicts: its pacing acts earn
    # nothing (``_features`` withholds the pacing cue families of the reply through these hits).
    h["pacing.fix_barrage"] = tuple(sents) if v["pacing.fix_barrage"] >= 0.6 else ()
    if h["pacing.fix_barrage"]:
        for k in ("pacing.slow", "pacing.time_structure", "pacing.summarise", "pacing.park", "pacing.prioritise"):
            v[k] = 0.0
    qs = [s for s in sents if s.is_question]
    fact = [s for s in qs if _TANGENT_Q.match(s.text) and not _COG.search(s.text) and not _PLAN_Q.search(s.text) and not _STEER.search(s.text)]
    tell = _hits(_TELL_ALL, sents)
    side = bool(_SIDE_TOPIC.search(last))
    if side:
        # the side topic raised by the patient, asked about in its own words
        side_w = content_words(last)
        tell += [s for s in sents if s not in tell and s not in fact and content_words(s.text) & side_w
                 and (_TELL_ABOUT.search(s.text) or (s.is_question and not _COG.search(s.text) and not _PLAN_Q.search(s.text)
                                                     and not _STEER.search(s.text)))]
    v["pacing.tangent"] = min(1.0, (len(fact) + len(tell)) / 3.0)
    # the chase voids the reply's pacing claims (``_features`` withholds the positive pacing families of these sentences)
    chased = side and bool(fact or tell)
    h["pacing.tangent"] = tuple(sents) if chased else ()
    if chased:
        for k in ("pacing.slow", "pacing.time_structure", "pacing.summarise", "pacing.park", "pacing.prioritise"):
            v[k] = 0.0
    steer = _hits(_STEER, sents)
    v["pacing.steer_back"] = 0.0 if chased else _sat(len(steer))
    h["pacing.steer_back"] = tuple(steer)
    v["focus_on_key_cognitions.thought_question"] = _sat(len(thought_q))
    h["focus_on_key_cognitions.thought_question"] = tuple(thought_q)
    v["focus_on_key_cognitions.fact_questions"] = min(1.0, len(fact) / 2.0)
    h["focus_on_key_cognitions.fact_questions"] = ()

    # Understanding: feelings in reflective sentences, and feelings the patient did not name.
    ctx_words = {w for c in context[-3:] for w in words(c)}
    # Grounding against what the client said (``_grounding``): a reflection of the wrong feeling, a shrunk
    # one or one that adds content earns no reflective credit. ``understanding.missed`` is not a feature:
    # ``_features.extract`` uses it to withhold the cue-family credit of those sentences too.
    g = ground(context, sents)
    v.update(g.values)
    h.update(g.hits)
    h["understanding.missed"] = tuple(s for s in sents if s.start in g.missed)
    refl, implied, mismatch = [], [], []
    ctx_neg = sum(1 for w in words(last) if w in _FEELINGS) + (1 if re.search(r"\b(?:no[t']|never|nobody|can'?t|didn'?t|only|again|without|cried|died|lost)\b", last, re.I) else 0)
    ctx_pos = sum(1 for w in words(last) if w in _POSITIVE) + (1 if re.search(r"\b(?:got|passed|finally|better|won)\b", last, re.I) else 0)
    for s in sents:
        ws = words(s.text)
        feel = [w for w in ws if w in _FEELINGS]
        if feel and _REFLECT.search(s.text) and s.start not in g.missed:
            refl.append(s)
            # a surface label for the state the client describes ("tired and overwhelmed" for night feeds) is
            # not a feeling they left unsaid
            if any(w not in ctx_words and w not in _SURFACE for w in feel) and _TENTATIVE.search(s.text):
                implied.append(s)
        if ctx_neg > ctx_pos and any(w in _POSITIVE for w in ws) and not s.is_question:
            mismatch.append(s)
    v["understanding.reflect_feeling"] = _sat(len(refl))
    h["understanding.reflect_feeling"] = tuple(refl)
    v["understanding.implied_feeling"] = _sat(len(implied))
    h["understanding.implied_feeling"] = tuple(implied)
    v["understanding.valence_mismatch"] = _sat(len(mismatch))
    v["interpersonal_effectiveness.valence_mismatch"] = v["understanding.valence_mismatch"]
    h["understanding.valence_mismatch"] = h["interpersonal_effectiveness.valence_mismatch"] = ()
    general = [s for s in sents if _GENERIC.search(s.text) or (not s.is_question and _GENERAL_TRUTH.search(s.text) and not _YOU2.search(s.text)
                                                                 and not _TENTATIVE.search(s.text))]
    v["understanding.generic"] = _sat(len(general))
    h["understanding.generic"] = ()
    judged = any(_SELF_JUDGE.search(m) for m in context[-3:])
    contra = [s for s in sents if _CONTRADICT.search(s.text) and not s.is_question] if judged else []
    v["understanding.contradicts"] = _sat(len(contra))
    h["understanding.contradicts"] = tuple(contra)

    # Interpersonal: flustered self-focus (two or more signs: fillers, repeated apology, own distress).
    fill = sum(len(_FILLER.findall(t)) for t in txt)
    trail = sum(len(_TRAIL.findall(t)) for t in txt)
    sorry = [s for s in sents if _SORRY.search(s.text)]
    selfd = _hits(_SELF_DISTRESS, sents)
    n_sorry = sum(len(_SORRY.findall(t)) for t in txt)
    n_doubt = sum(len(_DOUBT.findall(t)) + len(_DOUBT_12B.findall(t)) for t in txt)
    doubt = n_doubt if n_doubt >= 2 else 0
    signs = min(fill + trail, 3) + max(0, n_sorry - 1) + len(selfd) + doubt
    fl = signs >= 2 and bool(selfd or fill or doubt)
    if doubt:
        selfd = [*selfd, *(s for s in sents if (_DOUBT.search(s.text) or _DOUBT_12B.search(s.text)) and s not in selfd)]
    v["interpersonal_effectiveness.flustered"] = _sat(signs / 2) if fl else 0.0
    # Apologies in a flustered reply are the therapist's discomfort, not warmth (``_features`` withholds them).
    h["interpersonal_effectiveness.flustered"] = tuple(dict.fromkeys([*selfd, *sorry])) if fl else ()
    # Round 12b (blind6): cheerleading and glossing (two or more markers), and talk about people in general that takes
    # up at most one word of what the client said. ``_features`` withholds the warmth of cheerleading sentences.
    n_cheer = sum(len(_CHEER.findall(t)) + len(_GLOSS.findall(t)) for t in txt)
    cheer = [s for s in sents if _CHEER.search(s.text) or _GLOSS.search(s.text)] if n_cheer >= 2 else []
    v["interpersonal_effectiveness.cheerleading"] = _sat(n_cheer / 2) if cheer else 0.0
    h["interpersonal_effectiveness.cheerleading"] = tuple(cheer)
    said3 = content_words(" ".join(context[-3:]))
    # "You're not stupid, most people find them fiddly" speaks to the client; only talk that addresses nobody counts.
    imp = [s for s in sents if not s.is_question and _PEOPLE.search(s.text) and len(content_words(s.text) & said3) <= 1
           and not _YOU.search(s.text)]
    v["interpersonal_effectiveness.impersonal"] = _sat(len(imp))
    h["interpersonal_effectiveness.impersonal"] = tuple(imp)

    # Strategy: a link to what keeps the problem going, and a concrete proposal; both together is a plan
    # that follows from the formulation.
    form = _hits(_FORMULATION, sents)
    prop = [s for i, s in enumerate(sents) if _PROPOSAL.search(s.text) and not unc[i] and not _VAGUE.search(s.text)]
    v["strategy_for_change.formulation"] = _sat(len(form))
    h["strategy_for_change.formulation"] = tuple(form)
    v["strategy_for_change.proposal"] = _sat(len(prop))
    h["strategy_for_change.proposal"] = tuple(prop)
    v["strategy_for_change.formulated_plan"] = 1.0 if form and prop else 0.0
    h["strategy_for_change.formulated_plan"] = tuple(prop) if form else ()
    v["strategy_for_change.tips"] = _sat(len(_TIPS.findall(" ".join(txt))) / 1.5)
    h["strategy_for_change.tips"] = ()

    # Understanding at depth (meaning about the client) vs a stock empathy formula on a surface mood.
    meaning = [s for s in sents if not s.is_question and _MEANING.search(s.text)]
    v["understanding.meaning"] = _sat(len(meaning))
    h["understanding.meaning"] = tuple(meaning)
    # A check of the reading, after a reflection that is not itself a miss (the wrong feeling checked is still wrong).
    # The check must follow the reading it checks, and that reading must not itself be a miss.
    read = {s.start for s in sents if not s.is_question and s.start not in g.missed and (_REFLECT.search(s.text) or _MEANING.search(s.text))
            and not _PROPOSE.search(s.text)}
    checks = [s for i, s in enumerate(sents) if i and s.is_question and _CHECK_READING.search(s.text) and sents[i - 1].start in read]
    v["understanding.checks_reading"] = 1.0 if checks else 0.0
    h["understanding.checks_reading"] = tuple(checks[:1])
    stock = [] if meaning else _hits(_STOCK, sents)
    v["understanding.stock"] = _sat(len(stock)) * 2 if stock else 0.0
    v["understanding.stock"] = min(1.0, v["understanding.stock"])
    h["understanding.stock"] = tuple(stock)
    # Techniques: answers supplied vs steps put to the patient as questions.
    said_all = content_words(" ".join(context[-3:]))
    # Listing back the patient's own evidence ("two bits of evidence for: Sam's yawn and the quiet Saturday")
    # records their material; an answer is supplied when its content is the therapist's, not theirs.
    said_w = {w for c in context[-3:] for w in words(c)}
    supplied = [s for s in sents if not s.is_question and (_SUPPLIED.search(s.text) or _COLUMN.search(s.text))
                and not (len(content_words(s.text) & said_all) >= 2 and re.search(r"evidence (?:for|against)(?: it| that)?:", s.text, re.I))
                and not _own_column(s.text, said_w)]
    v["application_of_cbt_techniques.supplies"] = _sat(len(supplied))
    h["application_of_cbt_techniques.supplies"] = tuple(supplied)
    supposed = any(_SUPPOSE.search(t) for t in txt)
    steps_q = [s for s in sents if ((s.is_question and (_STEP.search(s.text) or (supposed and _COPE_Q.search(s.text))))
                                    or (_ASK_REQ.search(s.text) and _REQ_STEP.search(s.text)))
               and s not in supplied]
    v["application_of_cbt_techniques.elicits_steps"] = _sat(len(steps_q))
    h["application_of_cbt_techniques.elicits_steps"] = tuple(steps_q)
    # Round 12b (blind6): the technique described, not applied (a step put to the client is not an explanation).
    explained = [s for s in sents if _EXPLAIN.search(s.text) and s not in steps_q]
    v["application_of_cbt_techniques.explains"] = _sat(len(explained))
    h["application_of_cbt_techniques.explains"] = tuple(explained)
    # Focus: three or more cognitive-model terms in one sentence, not asked about the patient's own thought.
    jargon = [s for s in sents if len(_JARGON.findall(s.text)) >= 3 and not s.is_question]
    v["focus_on_key_cognitions.jargon"] = 1.0 if jargon else 0.0
    h["focus_on_key_cognitions.jargon"] = tuple(jargon)
    # Guided discovery: a closed question pressed with two or more of "ever / actually / even once / really".
    closed = [s for s in sents if s.is_question and _CLOSED.match(s.text) and len(_PRESS.findall(s.text)) >= 2]
    v["guided_discovery.closed_leading"] = _sat(len(closed))
    h["guided_discovery.closed_leading"] = tuple(closed)
    # Feedback: an offer to change the way of working, in a reply that asks the patient about it.
    offer = [s for s in sents if _ADAPT_OFFER.search(s.text)] if any(q.is_question for q in sents) else []
    flat = bool(_ASSENT.match(last.strip()) or (_HEDGED_ASSENT.match(last.strip()) and len(words(last)) <= 14)) if last else False
    probe = [s for s in sents if s.is_question and _VIEW_PROBE.search(s.text) and not _TOKEN_Q.search(s.text)] if flat else []
    v["feedback.checks_assent"] = _sat(len(probe))
    h["feedback.checks_assent"] = tuple(probe)
    v["feedback.offer_adapt"] = _sat(len(offer))
    h["feedback.offer_adapt"] = tuple(offer)
    v.update(_feedback_acts(last, sents, h))
    return v, h


def _rote(s: Sentence) -> bool:
    """A stock yes/no check ("Does that make sense?", "Sound good?"): it asks for assent, not a reaction."""
    return bool(_TOKEN_Q.search(s.text) or _COMPLY_Q.fullmatch(s.text.strip().rstrip("?!. ").strip()))


def _asks(s: Sentence) -> bool:
    """A question, or an invitation put as a statement ("Tell me if...", "I'd like to hear how...")."""
    # round 15 (blind12): the invitation may follow a short frame ("Before we move on, I'd like to hear how...")
    return s.is_question or bool(re.match(r"\W*(?:[^,.;:?!]{1,30}, )?(?:(?:and|but|so|also),? )?(?:please |do |just )?(?:tell|let) me|"
                                          r"\W*(?:[^,.;:?!]{1,30}, )?i'?d (?:love|like|really like) to (?:hear|know)", s.text, re.I))


def _feedback_acts(last: str, sents: Sequence[Sentence], h: dict[str, tuple[Sentence, ...]]) -> dict[str, float]:
    """Round 14: feedback recognised by what the reply asks about. The patient's reaction to the therapy itself (its
    object named in the sentence or the one before it), an invitation to correct the therapist's reading, a
    teach-back, or the way of working changed after the patient criticised it. Stock yes/no checks earn none."""
    v: dict[str, float] = {}
    about = [s for i, s in enumerate(sents) if _asks(s) and not _rote(s) and _REACT_ASK.search(s.text)
             and (_SELF_REF.search(s.text) or (i and _SELF_REF.search(sents[i - 1].text) and not sents[i - 1].is_question))]
    correct = [s for s in sents if _CORRECT_ME.search(s.text) and not _rote(s)]
    teach = [s for s in sents if _TEACH_BACK.search(s.text) and (_asks(s) or re.search(r"\b(?:could|would|can) you\b", s.text, re.I))]
    acted: list[Sentence] = []
    if _CRITIQUE.search(last):
        acted = [s for s in sents if _CHANGE_COURSE.search(s.text) and not _PERSIST.search(s.text)]
        if any(_PERSIST.search(s.text) for s in sents):
            acted = []
    for name, hs in (("asks_about_session", about), ("invites_correction", correct), ("teach_back", teach), ("acts_on_feedback", acted)):
        v[f"feedback.{name}"] = _sat(min(2, len(hs)))
        h[f"feedback.{name}"] = tuple(hs)
    return v
