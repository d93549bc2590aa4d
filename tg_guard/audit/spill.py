"""Durability around any audit sink: a local spill file, replayed in order when the sink returns.

``DurableSink(sink, spill_path)`` writes to ``sink``; if that raises, the record is appended to the spill
file (flushed and fsynced, under an exclusive ``flock`` so several processes can share it). Before each
later write, spilled records are replayed first, so records reach the sink in the order they were made.
Only when both the sink and the spill file fail does ``write`` raise :class:`AuditError`.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from tg_guard.logs import get_logger

from ..errors import AuditError
from ..typing import AuditSink
from .record import AuditRecord

__all__ = ["DurableSink", "JSONLAuditSink", "NullSink", "SpillFile"]

log = get_logger(__name__)


def _append_line(fh: IO[str], line: str) -> None:
    fh.write(line + "\n")
    fh.flush()
    os.fsync(fh.fileno())


class NullSink:
    """Keeps nothing. For uses that are not turns (scoring, simulations without an output folder)."""

    def write(self, record: AuditRecord) -> None:
        pass

    def close(self) -> None:
        pass


class JSONLAuditSink:
    """Appends one JSON line per record to a file, fsynced before ``write`` returns."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.path.open("a", encoding="utf-8")
        self._lock = threading.Lock()

    def write(self, record: AuditRecord) -> None:
        line = record.canonical()
        with self._lock:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX)
            try:
                _append_line(self._fh, line)
            finally:
                fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)

    def close(self) -> None:
        self._fh.close()


class SpillFile:
    """A JSONL queue on local disk shared by processes through ``flock``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.touch(exist_ok=True)

    @contextmanager
    def locked(self) -> Iterator[IO[str]]:
        with self.path.open("a+", encoding="utf-8") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield fh
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def pending(self) -> int:
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0

    def count(self) -> int:
        with self.locked() as fh:
            fh.seek(0)
            return sum(1 for line in fh if line.strip())


class DurableSink:
    """Wraps a sink with a spill file; see the module docstring."""

    def __init__(self, sink: AuditSink, spill_path: str | Path) -> None:
        self.sink = sink
        self.spill = SpillFile(spill_path)
        self._lock = threading.Lock()

    def write(self, record: AuditRecord) -> None:
        with self._lock:
            if self.spill.pending():
                try:
                    self.replay()
                except Exception:  # the sink is still down: keep order by spilling behind the others
                    self._spill(record)
                    return
            try:
                self.sink.write(record)
            except Exception as exc:
                log.warning("audit_sink_failed", error=type(exc).__name__, record_id=record.record_id)
                self._spill(record)

    def _spill(self, record: AuditRecord) -> None:
        try:
            with self.spill.locked() as fh:
                _append_line(fh, record.canonical())
        except OSError as exc:
            raise AuditError(
                f"audit record {record.record_id} could not be written to the sink or to the spill file "
                f"{self.spill.path}: {exc}"
            ) from exc
        log.warning("audit_spilled", record_id=record.record_id, spill=str(self.spill.path))

    def replay(self) -> int:
        """Write every spilled record to the sink in order; return how many. Raises if the sink fails.

        Records already in the sink (a crash between write and truncate) are skipped when the sink can
        tell (``contains``), so replay never duplicates.
        """
        done = 0
        with self.spill.locked() as fh:
            fh.seek(0)
            lines = [ln for ln in fh.read().splitlines() if ln.strip()]
            contains = getattr(self.sink, "contains", None)
            try:
                for line in lines:
                    record = AuditRecord.model_validate_json(line)
                    if contains is None or not contains(record.record_id):
                        self.sink.write(record)
                    done += 1
            finally:
                rest = lines[done:]
                fh.seek(0)
                fh.truncate()
                for line in rest:
                    fh.write(line + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        if done:
            log.info("audit_replayed", records=done)
        return done

    def close(self) -> None:
        self.sink.close()
