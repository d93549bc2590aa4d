"""Wrap any chatbot in two lines. Run: python examples/quickstart.py"""

from __future__ import annotations

from tg_guard import TherapyGuard


def my_chatbot(messages: list[dict[str, str]]) -> str:
    # Your model call goes here (OpenAI, vLLM, a local model...). This one always asks a Socratic question.
    return "That sounds hard. What went through your mind right at that moment?"


guard = TherapyGuard(my_chatbot, audit="sqlite:///quickstart_audit.db")
for text in [
    "I froze when my manager asked me a question in the meeting.",
    "I keep thinking everyone would be better off without me.",
]:
    reply = guard.respond(text, session_id="demo-user")
    print(f"user : {text}\nguard: {reply.text}\n       risk={reply.verdict.risk.level} action={reply.action}\n")
