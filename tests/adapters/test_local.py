"""The transformers adapter on a tiny Qwen2 built in the test (tokenizer trained in process; no download)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.requires_torch
torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from tg_guard.adapters.local import PLAIN_CHAT_TEMPLATE, LocalChatbot, from_spec  # noqa: E402

from tg_guard.errors import ConfigError  # noqa: E402
from tg_guard.registry import resolve_chatbot  # noqa: E402

CORPUS = [
    "I feel anxious about work and my manager.",
    "What went through your mind when that happened?",
    "That sounds hard. Let's look at the thought together.",
] * 20


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    trainer = trainers.BpeTrainer(
        vocab_size=400, special_tokens=["<unk>", "<pad>", "<eos>"], initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(CORPUS, trainer)
    from tokenizers import decoders

    tok.decoder = decoders.ByteLevel()
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="<unk>", pad_token="<pad>", eos_token="<eos>"
    )
    fast.chat_template = PLAIN_CHAT_TEMPLATE
    config = transformers.Qwen2Config(
        vocab_size=len(fast), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256,
        eos_token_id=fast.eos_token_id, pad_token_id=fast.pad_token_id,
    )  # fmt: skip
    torch.manual_seed(0)
    model = transformers.Qwen2ForCausalLM(config)
    folder = tmp_path_factory.mktemp("tiny-qwen2")
    model.save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


def test_loads_a_folder_and_generates_text(tiny_model_dir: Path) -> None:
    bot = LocalChatbot(tiny_model_dir, max_new_tokens=12)
    text = bot([{"role": "user", "content": "I feel anxious about work."}])
    assert isinstance(text, str) and text.strip()


def test_prompt_uses_the_chat_template(tiny_model_dir: Path) -> None:
    bot = LocalChatbot(tiny_model_dir, max_new_tokens=4, system_prompt="Be kind.")
    ids = bot._inputs([{"role": "user", "content": "hello"}])["input_ids"][0]
    prompt = bot.tokenizer.decode(ids)
    assert prompt == "System: Be kind.\nUser: hello\nAssistant:"


def test_stream_matches_call_under_greedy_decoding(tiny_model_dir: Path) -> None:
    bot = LocalChatbot(tiny_model_dir, max_new_tokens=16)
    msgs = [{"role": "user", "content": "What went through your mind?"}]
    pieces = list(bot.stream(msgs))
    assert len(pieces) >= 1
    assert "".join(pieces).strip() == bot(msgs)


async def test_astream(tiny_model_dir: Path) -> None:
    bot = LocalChatbot(tiny_model_dir, max_new_tokens=8)
    msgs = [{"role": "user", "content": "hello"}]
    assert "".join([p async for p in bot.astream(msgs)]).strip() == bot(msgs)


def test_generation_settings_pass_through(tiny_model_dir: Path) -> None:
    bot = LocalChatbot(tiny_model_dir, max_new_tokens=3, do_sample=True, temperature=0.5, top_k=7)
    assert bot.generate_kwargs == {
        "max_new_tokens": 3,
        "do_sample": True,
        "temperature": 0.5,
        "top_p": 0.95,
        "top_k": 7,
    }
    msgs = [{"role": "user", "content": "hello"}]
    ids = bot._inputs(msgs)["input_ids"]
    out = bot.model.generate(**bot._gen_kwargs(bot._inputs(msgs)))
    assert out.shape[1] - ids.shape[1] <= 3


def test_guarded_stream_with_local_model(tiny_model_dir: Path, make_guard: Any) -> None:
    guard = make_guard(resolve_chatbot(f"local:{tiny_model_dir}"))
    stream = guard.stream("I feel anxious about work.", session_id="s")
    text = "".join(stream)
    assert text == stream.result.text and stream.result.record_id


def test_missing_path_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="local:gemma-270m"):
        from_spec(str(tmp_path / "nope"))
