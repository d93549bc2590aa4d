"""Embedded safety detection: conversation-level crisis risk and reply violations, with no torch.

The default path is a rules layer (``risk.py``, ``lexicon.py`` and one module per violation family)
plus a small learned layer (``learned.py``, weights in ``model.npz``; see ``MODEL_CARD.md``), mixed
per label as chosen by grouped cross-validation on the training data (``calibration.json``).

>>> from tg_guard.scoring.safety import build_embedded_safety
>>> scorer = build_embedded_safety()
>>> scorer.name
'embedded'
"""

from __future__ import annotations

from .scorer import EmbeddedSafetyScorer, build_embedded_safety

__all__ = ["EmbeddedSafetyScorer", "build_embedded_safety"]
