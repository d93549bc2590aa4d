"""The n-gram model's feature ids, looked up word by word (round 26), are exactly those of ``featurize``."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.strategies import any_text
from tg_guard.scoring.safety.learned import NgramModel, featurize


@pytest.fixture(scope="module")
def model() -> NgramModel:
    return NgramModel.load()


def reference(model: NgramModel, text: str) -> list[int]:
    """What the ids were before the word cache: every feature of ``featurize`` looked up, deduplicated."""
    return sorted({model.vocab[f] for f in featurize(text) if f in model.vocab})


CASES = [
    "",
    "i dont want to be here anymore",  # a negation's scope: "n:" features
    "I can't, won't, and I never will... but maybe",  # a clause break ends the scope
    "soooo tired 2nite lol 😭😭",  # elongation, leet and digits, emoji as punctuation tokens
    "I’m fine. I’m FINE. i'm fine",  # curly and straight apostrophes, case: the same words again
    "Café naïve résumé",  # letters outside a-z split a word
    "a b c dd ee",  # one-letter words have no character n-grams
]


@pytest.mark.parametrize("text", CASES)
def test_ids_match_featurize(model: NgramModel, text: str) -> None:
    assert model.ids(text).tolist() == reference(model, text)


# words the vocabulary holds, with negators, clause breaks, apostrophes, digits and leet: the word cache's cases
_WORDS = st.sampled_from([
    "i", "dont", "don't", "not", "never", "want", "to", "die", "be", "here", "anymore", "but", "and", "so", ",", ".",
    "!", "?", "sleep", "pills", "tired", "soooo", "2nite", "h3lp", "kill", "myself", "work", "killing", "me", "my",
    "mum", "can't", "won't", "no", "one", "cares", "lol", "😭", "café",
]) | st.from_regex(r"[a-z'0-9]{1,14}", fullmatch=True)


@given(st.lists(st.one_of(any_text, st.lists(_WORDS, max_size=30).map(" ".join)), min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_ids_match_featurize_on_any_text(texts: list[str]) -> None:
    model = _shared()
    for t in texts:  # later texts find their words already cached
        assert model.ids(t).tolist() == reference(model, t)
    pooled = model.logits(texts)
    ids = np.array(sorted({i for t in texts for i in reference(model, t)}), dtype=np.int64)
    expected = model.bias + model.weights_t[ids].sum(axis=0) / np.float32(np.sqrt(ids.size)) if ids.size else model.bias
    np.testing.assert_allclose(pooled, expected, rtol=1e-5, atol=1e-5)


def test_word_cache_is_bounded(model: NgramModel, monkeypatch: pytest.MonkeyPatch) -> None:
    from tg_guard.scoring.safety import learned

    fresh = NgramModel(model.vocab, model.weights_t.T, model.bias, model.heads)
    monkeypatch.setattr(learned, "_WORD_CACHE", 3)
    text = "one two three four five six"
    assert fresh.ids(text).tolist() == reference(fresh, text)
    assert 0 < len(fresh._words) <= 3


def test_a_long_token_is_looked_up_but_not_kept(model: NgramModel) -> None:
    fresh = NgramModel(model.vocab, model.weights_t.T, model.bias, model.heads)
    token = "a" * 41
    text = f"see {token} here"
    assert fresh.ids(text).tolist() == reference(fresh, text)
    assert token not in fresh._words and "see" in fresh._words


_MODEL: list[NgramModel] = []


def _shared() -> NgramModel:
    if not _MODEL:
        _MODEL.append(NgramModel.load())
    return _MODEL[0]
