"""The tg-guard proxy: an OpenAI-compatible endpoint that screens, decides and audits every turn.

>>> from tg_guard.proxy import ProxySettings, create_app
>>> settings = ProxySettings(upstream="http://127.0.0.1:8001/v1", redis_url="redis://127.0.0.1:6379/0")
>>> app = create_app(settings)

FastAPI and the server extras are imported only when this package is.
"""

from __future__ import annotations

from .app import app_from_env, create_app
from .keys import KeyStore, MintedKey, Principal
from .settings import ProxySettings

__all__ = ["KeyStore", "MintedKey", "Principal", "ProxySettings", "app_from_env", "create_app"]
