from __future__ import annotations

import pytest

from tg_guard.scoring.safety import EmbeddedSafetyScorer, build_embedded_safety


@pytest.fixture(scope="session")
def scorer() -> EmbeddedSafetyScorer:
    """The shipped default: rules + learned layer + calibration (built once; it is pure per call)."""
    return build_embedded_safety()


@pytest.fixture(scope="session")
def rules() -> EmbeddedSafetyScorer:
    """The rules layer alone, for cases that pin down rule behaviour."""
    return build_embedded_safety(use_model=False)
