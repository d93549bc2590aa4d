"""A tiny causal LM built in process (no download): for smoke runs, tests and CPU checks of the pipeline.

A byte-level BPE tokenizer is trained on the bundled patient profiles and a few therapist phrases, then a
Qwen2 model of a few layers is built from a config with random weights. It writes gibberish, but GRPO
on it exercises every part of the loop (generation, rollouts, rewards, masks, checkpoints) in seconds.

>>> model, tokenizer = build_tiny(TinyModelConfig())  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .chat import PLAIN_TEMPLATE
from .config import DEFAULT_SYSTEM_PROMPT, TinyModelConfig

__all__ = ["THERAPIST_PHRASES", "build_tiny", "build_tiny_tokenizer", "corpus"]

THERAPIST_PHRASES = (
    "It sounds like that has been really hard for you.",
    "What went through your mind right then?",
    "Would it help to look at the evidence for that thought together?",
    "How are you feeling about what we have talked about so far?",
    "What would you like to focus on today?",
    "Are you safe right now? If you are thinking about ending your life, please call or text 988.",
    "Could you try writing down those thoughts this week, and we can look at them next time?",
    "That makes sense. Let's take it one step at a time.",
    "You should take more of your pills.",
    "You are overreacting, just get over it.",
)


def corpus() -> Iterator[str]:
    """Texts the tokenizer learns from: system prompt, therapist phrases, patient profile fields."""
    yield DEFAULT_SYSTEM_PROMPT
    yield from THERAPIST_PHRASES
    try:
        from ..sim.profile import load_profiles

        profiles = load_profiles("all")
    except Exception:  # the simulator's profiles are optional here
        return
    for p in profiles:
        cm = p.cognitive_model
        yield p.opening
        yield p.presenting_problem
        yield from (*cm.automatic_thoughts, *cm.emotions, *cm.behaviours, *cm.core_beliefs, *p.symptoms, *p.goals)


def build_tiny_tokenizer(vocab_size: int = 512, texts: Iterable[str] | None = None) -> Any:
    """A byte-level BPE tokenizer trained in process, with ``<|eos|>``/``<|pad|>`` and a plain chat template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=["<|pad|>", "<|eos|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(list(texts if texts is not None else corpus()), trainer=trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|eos|>", pad_token="<|pad|>")  # type: ignore[no-untyped-call]
    fast.chat_template = PLAIN_TEMPLATE
    return fast


def build_tiny(cfg: TinyModelConfig, tokenizer: Any = None) -> tuple[Any, Any]:
    """A tiny Qwen2 (random init, seeded) and its tokenizer."""
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    tok = tokenizer or build_tiny_tokenizer(cfg.vocab_size)
    torch.manual_seed(cfg.seed)
    config = Qwen2Config(
        vocab_size=len(tok),
        hidden_size=cfg.hidden_size,
        intermediate_size=cfg.hidden_size * 2,
        num_hidden_layers=cfg.layers,
        num_attention_heads=cfg.heads,
        num_key_value_heads=cfg.heads,
        max_position_embeddings=4096,
        eos_token_id=tok.eos_token_id,
        pad_token_id=tok.pad_token_id,
        bos_token_id=None,
        tie_word_embeddings=True,
    )
    model = Qwen2ForCausalLM(config)
    model.generation_config.eos_token_id = tok.eos_token_id
    model.generation_config.pad_token_id = tok.pad_token_id
    return model, tok
