"""Chatbot adapters (installed as ``tg_guard.adapters``)."""
