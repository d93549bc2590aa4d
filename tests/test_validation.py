"""Input validation at the edge."""

from __future__ import annotations

from typing import Any

import pytest

from tg_guard import InvalidInputError
from tg_guard.validation import coerce_messages


@pytest.mark.parametrize(
    ("messages", "fragment"),
    [
        ([], "empty"),  # no messages at all
        ("hello", "must be a list"),  # a bare string
        ({"role": "user", "content": "hi"}, "must be a list"),  # one message, not a list of them
        ([{"role": "user"}], "no 'content'"),  # missing content
        ([{"content": "hi"}], "no 'role'"),  # missing role
        ([{"role": "tool", "content": "x"}], "role 'tool'"),  # wrong role
        ([{"role": "user", "content": 5}], "must be a string"),  # non-string content
        ([{"role": "user", "content": "  "}], "empty or whitespace"),  # blank
        ([{"role": "user", "content": "x" * 33_000}], "over the limit"),  # huge
        ([{"role": "user", "content": b"\xff"}], "not valid UTF-8"),  # bad bytes
        ([{"role": "user", "content": "ok \ud83d"}], "lone surrogate at character 3"),  # half an emoji from JSON
        ([{"role": "user", "content": [{"type": "image_url"}]}], "non-text content part"),  # image part
        ([42], "must be an object"),  # junk element
    ],
)
def test_bad_messages_name_the_problem(messages: Any, fragment: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        coerce_messages(messages)
    assert fragment in str(info.value)


def test_accepts_models_dicts_pairs_and_text_parts() -> None:
    from tg_guard import Message

    out = coerce_messages(
        [
            Message(role="system", content="s"),
            ("user", "a"),
            {"role": "assistant", "content": [{"type": "text", "text": "b"}]},
        ]
    )
    assert [(m.role, m.content) for m in out] == [("system", "s"), ("user", "a"), ("assistant", "b")]


def test_message_count_limit() -> None:
    with pytest.raises(InvalidInputError, match="more than 3"):
        coerce_messages([{"role": "user", "content": "x"}] * 4, max_messages=3)
