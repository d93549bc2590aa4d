"""CBT fidelity: all 11 CTRS items, per turn and per session, explainable and cheap.

>>> from tg_guard.scoring.fidelity import turn_signals
>>> sig = turn_signals([{"role": "user", "content": "I skipped the party."}],
...                    "Right before you decided not to go, what went through your mind?")
>>> sig.items["focus_on_key_cognitions"].evidence[0].text
'Right before you decided not to go, what went through your mind?'

Layers: cue families (``_cues``) -> bounded features and a gaming gate (``_features``) -> per-item
logistic models, hand-set priors re-weighted on the train split (``_model``, ``weights.json``,
``train.py``) -> session accumulation (``_session``). With the ``ml`` extra, homework's turn strength also reads the
reply's sentence embedding (``_homework_head``, ``homework_head.json``, ``train_homework.py``). No torch at run time;
see MODEL_CARD.md.
"""

from __future__ import annotations

from ._scorer import EmbeddedFidelityScorer, build_embedded_fidelity
from ._session import rate_session, session_aggregates
from ._signals import ItemSignal, TurnSignals, reward_score, turn_signals

__all__ = [
    "EmbeddedFidelityScorer",
    "ItemSignal",
    "TurnSignals",
    "build_embedded_fidelity",
    "rate_session",
    "reward_score",
    "session_aggregates",
    "turn_signals",
]
