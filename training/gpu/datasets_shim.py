"""A stand-in for ``datasets`` on a GPU host that lacks pyarrow (too large to carry: 55 MB).

``run_gpu.sh`` copies this file to ``$SHIMS/datasets/__init__.py`` and writes empty ``pyarrow`` modules.

Used only by ``training/gpu/run_gpu.sh`` when ``import pyarrow`` fails there. It gives TRL's GRPOTrainer
what it touches on the map-style path: ``Dataset.from_list``/``from_dict``, ``len``, integer indexing,
``column_names`` and ``shuffle``; the other names exist for TRL's imports only. Not part of tg-guard.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

__version__ = "0.0.0+tgguardshim"


class Dataset:
    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self._rows = [dict(r) for r in rows]

    @classmethod
    def from_list(cls, rows: Iterable[dict[str, Any]]) -> Dataset:
        return cls(rows)

    @classmethod
    def from_dict(cls, columns: dict[str, list[Any]]) -> Dataset:
        names = list(columns)
        n = len(columns[names[0]]) if names else 0
        return cls({k: columns[k][i] for k in names} for i in range(n))

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, int):
            return self._rows[key]
        if isinstance(key, str):
            return [r[key] for r in self._rows]
        if isinstance(key, slice):
            return Dataset(self._rows[key])
        return Dataset(self._rows[i] for i in key)

    def __iter__(self) -> Any:
        return iter(self._rows)

    @property
    def cache_files(self) -> list[dict[str, str]]:
        return []  # an in-memory dataset, as ``Dataset.from_list`` makes

    @property
    def column_names(self) -> list[str]:
        return list(self._rows[0]) if self._rows else []

    def shuffle(self, seed: int | None = None) -> Dataset:
        rows = list(self._rows)
        random.Random(seed).shuffle(rows)
        return Dataset(rows)

    def select(self, indices: Iterable[int]) -> Dataset:
        return Dataset(self._rows[i] for i in indices)


class IterableDataset:
    """Never instantiated here; exists for ``isinstance`` checks."""


class DatasetDict(dict):  # type: ignore[type-arg]
    pass


class IterableDatasetDict(dict):  # type: ignore[type-arg]
    pass


def concatenate_datasets(parts: list[Dataset]) -> Dataset:
    return Dataset(r for p in parts for r in p)
