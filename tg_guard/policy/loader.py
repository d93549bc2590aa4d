"""Load policies from YAML: by bundled name (``default``, ``strict``, ``observe``) or by path.

A policy may say ``extends: <name or path>`` (deep-merged under it) and ``include: [file, ...]`` (merged
first, relative to the including file). A policy that does not validate raises :class:`PolicyError`
naming every bad field; nothing is ever silently replaced by defaults.

>>> from tg_guard.policy import load_policy
>>> load_policy("default").id  # doctest: +SKIP
'default@1'
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import PolicyError
from .schema import Policy

__all__ = ["bundled_policy_names", "load_policy", "policy_from_dict"]

_MAX_DEPTH = 8


def bundled_policy_names() -> list[str]:
    """Names of the policies shipped inside the package (files not starting with ``_``)."""
    root = resources.files("tg_guard.policies")
    return sorted(
        p.name.removesuffix(".yaml") for p in root.iterdir() if p.name.endswith(".yaml") and not p.name.startswith("_")
    )


def load_policy(spec: str | Path | Policy) -> Policy:
    """Return a validated :class:`Policy` from a bundled name, a YAML path, or a Policy (returned as is)."""
    if isinstance(spec, Policy):
        return spec
    return _load_cached(str(spec))


@functools.lru_cache(maxsize=64)
def _load_cached(spec: str) -> Policy:
    data, source = _read_tree(spec, depth=0, base_dir=None)
    return policy_from_dict(data, source=source)


def policy_from_dict(data: dict[str, Any], *, source: str = "<dict>") -> Policy:
    """Validate a policy given as a mapping; raise :class:`PolicyError` naming each bad field."""
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}" for err in exc.errors()]
        raise PolicyError(
            f"policy {source} is invalid:\n  " + "\n  ".join(problems), source=source, errors=exc.errors()
        ) from None


def _resolve(spec: str, base_dir: Path | None) -> tuple[str, Path | None, str]:
    """Return (text, directory of the file or None for bundled, source label)."""
    path = Path(spec)
    if base_dir is not None and not path.is_absolute():
        candidate = base_dir / path
        if candidate.exists():
            path = candidate
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.is_file():
            raise PolicyError(f"policy file {path} does not exist", source=str(path))
        try:
            return path.read_text(encoding="utf-8"), path.parent, str(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise PolicyError(f"cannot read policy file {path}: {exc}", source=str(path)) from None
    res = resources.files("tg_guard.policies") / f"{spec}.yaml"
    if not res.is_file():
        raise PolicyError(
            f"no bundled policy named {spec!r}; bundled: {', '.join(bundled_policy_names())}, "
            "or give a path to a .yaml file",
            source=spec,
        )
    return res.read_text(encoding="utf-8"), None, f"{spec} (bundled)"


def _read_tree(spec: str, *, depth: int, base_dir: Path | None) -> tuple[dict[str, Any], str]:
    if depth > _MAX_DEPTH:
        raise PolicyError(f"policy {spec}: extends/include nest deeper than {_MAX_DEPTH} (a cycle?)", source=spec)
    text, here, source = _resolve(spec, base_dir)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PolicyError(f"policy {source} is not valid YAML: {exc}", source=source) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PolicyError(f"policy {source} must be a mapping at the top level", source=source)
    merged: dict[str, Any] = {}
    parent = data.pop("extends", None)
    if parent is not None:
        if not isinstance(parent, str):
            raise PolicyError(f"policy {source}: 'extends' must be a policy name or path", source=source)
        merged = _read_tree(parent, depth=depth + 1, base_dir=here)[0]
    includes = data.pop("include", []) or []
    if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
        raise PolicyError(f"policy {source}: 'include' must be a list of file names", source=source)
    for inc in includes:
        inc_spec = inc if here is not None else inc.removesuffix(".yaml")
        merged = _deep_merge(merged, _read_tree(inc_spec, depth=depth + 1, base_dir=here)[0])
    return _deep_merge(merged, data), source


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out
