"""Name -> factory registries, so policy files can name implementations.

>>> from tg_guard.registry import safety_scorers
>>> @safety_scorers.register("my-scorer")
... def build(**options): ...

Built-ins register lazily: their modules are imported on first ``create``, keeping ``import tg_guard``
light.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .errors import RegistryError

__all__ = ["Registry", "audit_sinks", "chatbot_specs", "fidelity_scorers", "resolve_chatbot", "safety_scorers"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Factories by name; ``lazy`` maps names to ``"module:attribute"`` imported on first use."""

    def __init__(self, kind: str, lazy: dict[str, str] | None = None) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[..., T]] = {}
        self._lazy = dict(lazy or {})
        self._lock = threading.Lock()

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        def deco(factory: Callable[..., T]) -> Callable[..., T]:
            with self._lock:
                self._factories[name] = factory
            return factory

        return deco

    def add(self, name: str, factory: Callable[..., T]) -> None:
        with self._lock:
            self._factories[name] = factory

    def names(self) -> list[str]:
        return sorted(set(self._factories) | set(self._lazy))

    def get(self, name: str) -> Callable[..., T]:
        if name not in self._factories and name in self._lazy:
            module, _, attr = self._lazy[name].partition(":")
            try:
                factory = getattr(importlib.import_module(module), attr)
            except (ImportError, AttributeError) as exc:
                from .errors import ConfigError

                raise ConfigError(
                    f"{self.kind} {name!r} could not be loaded from {module}: {exc}; is the extra it needs installed?"
                ) from exc
            with self._lock:
                self._factories.setdefault(name, factory)
        try:
            return self._factories[name]
        except KeyError:
            raise RegistryError(self.kind, name, self.names()) from None

    def create(self, name: str, **options: Any) -> T:
        return self.get(name)(**options)


safety_scorers: Registry[Any] = Registry(
    "safety scorer",
    lazy={
        "embedded": "tg_guard.scoring.safety:build_embedded_safety",
        "cascade": "tg_guard.scoring.cascade:build_cascade_safety",
    },
)
fidelity_scorers: Registry[Any] = Registry(
    "fidelity scorer",
    lazy={
        "embedded": "tg_guard.scoring.fidelity:build_embedded_fidelity",
        "cascade": "tg_guard.scoring.cascade:build_cascade_fidelity",
        "judge": "tg_guard.scoring.judge.scorers:build_judge_fidelity",
    },
)
audit_sinks: Registry[Any] = Registry("audit sink", lazy={"url": "tg_guard.audit:open_sink"})
# ``tg-guard chat --chatbot KIND:REST``: factories take the text after the colon.
chatbot_specs: Registry[Any] = Registry(
    "chatbot kind",
    lazy={
        "openai": "tg_guard.adapters.openai_compat:from_spec",
        "local": "tg_guard.adapters.local:from_spec",
    },
)


def resolve_chatbot(spec: str) -> Any:
    """A chatbot from a spec: ``openai:MODEL``, ``local:NAME_OR_PATH`` or ``python:module:attribute``."""
    kind, sep, rest = spec.partition(":")
    if not sep:
        raise RegistryError("chatbot kind", spec, [*chatbot_specs.names(), "python"])
    if kind == "python":
        module, _, attr = rest.partition(":")
        if not module or not attr:
            from .errors import ConfigError

            raise ConfigError(f"chatbot spec {spec!r}: use python:package.module:callable")
        target = getattr(importlib.import_module(module), attr)
        return target
    return chatbot_specs.create(kind, spec=rest)
