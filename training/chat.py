"""Chat templates and token counting shared by the data builder and the rollouts.

Every prompt is rendered by the tokenizer's chat template, so the token budget counted here is the one the
model sees. Gemma GGUF files carry no template; :data:`tg_guard.adapters.local.GEMMA_CHAT_TEMPLATE` fills in.

>>> render_ids(tokenizer, [{"role": "user", "content": "hi"}])  # doctest: +SKIP
[2, 105, ...]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["ChatMessage", "ensure_chat_template", "patient_suffix_ids", "render_ids"]

ChatMessage = Mapping[str, str]

# Same turn format as the local adapter; repeated here so training needs no adapter import on a GPU host.
GEMMA_TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}"
    "{% set role = 'model' if m['role'] == 'assistant' else 'user' %}"
    "<start_of_turn>{{ role }}\n{{ m['content'] | trim }}<end_of_turn>\n"
    "{% endfor %}{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)
PLAIN_TEMPLATE = (
    "{% for m in messages %}{{ m['role'] | capitalize }}: {{ m['content'] | trim }}{{ eos_token }}\n{% endfor %}"
    "{% if add_generation_prompt %}Assistant:{% endif %}"
)


def ensure_chat_template(tokenizer: Any, kind: str = "auto", *, model_type: str | None = None) -> str:
    """Give ``tokenizer`` a chat template (``auto`` keeps its own); returns the kind in use."""
    if kind == "auto":
        if getattr(tokenizer, "chat_template", None):
            return "own"
        kind = "gemma" if model_type and model_type.startswith("gemma") else "plain"
    tokenizer.chat_template = GEMMA_TEMPLATE if kind == "gemma" else PLAIN_TEMPLATE
    return kind


def render_ids(tokenizer: Any, messages: Sequence[ChatMessage], *, generation_prompt: bool = True) -> list[int]:
    """Token ids of ``messages`` under the chat template (with the assistant's generation prompt)."""
    ids = tokenizer.apply_chat_template(
        [dict(m) for m in messages], add_generation_prompt=generation_prompt, tokenize=True, return_dict=False
    )
    if ids and isinstance(ids[0], list):  # some processors batch a single conversation
        ids = ids[0]
    return [int(i) for i in ids]


def patient_suffix_ids(tokenizer: Any, patient_text: str, end_ids: Sequence[int]) -> list[int]:
    """The tokens between the end of a model reply and the start of the next one: the patient's turn.

    Rendered from a dummy exchange so that it matches the template exactly (the way TRL renders tool
    results). ``end_ids`` are the ids that end a model turn; the rendered prefix is trimmed after the last
    of them, so a reply that already ended its turn is not closed twice.
    """
    dummy = [{"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}]
    prefix = render_ids(tokenizer, dummy, generation_prompt=False)
    full = render_ids(tokenizer, [*dummy, {"role": "user", "content": patient_text}], generation_prompt=True)
    ends = [i for i, t in enumerate(prefix) if t in set(end_ids)]
    if ends:
        prefix = prefix[: ends[-1] + 1]
    if full[: len(prefix)] != prefix:
        raise ValueError("chat template is not prefix-stable: cannot append a patient turn to a reply")
    return full[len(prefix) :]
