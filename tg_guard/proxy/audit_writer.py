"""Group commit for the proxy's audit trail, with the same spill-and-replay durability as ``DurableSink``.

Every turn's record must be durable before its reply goes out. Written one by one, each record costs a
PostgreSQL commit under its tenant's head-row lock, so a tenant's turns queue behind each other's
commits (about 60 a second where a commit takes 15 ms). Here one writer thread per worker takes every
record waiting at that moment and appends them in one transaction (:meth:`SQLAuditStore.write_many`),
then releases all their callers. Order and chain are those of one-by-one writes.

When the database fails, the batch goes to the local spill file (fsynced, ``flock``-shared by all
workers) and the callers are released: the record is durable on local disk. Spilled records are replayed
in order, before any new batch and every ``replay_interval_s`` while idle, skipping any already stored.
Only if the spill file fails too does ``write`` raise :class:`~tg_guard.errors.AuditError`.

``durability="async"`` (PostgreSQL only) commits new batches with ``SET LOCAL synchronous_commit = off``:
the commit returns once the records are in the database server's memory, before its WAL is flushed to
disk (the WAL writer flushes within ``3 * wal_writer_delay``, 0.6 s by default). A crash of the proxy
then loses nothing; a crash of the database server or its host in that window can lose the newest
records, whose replies have already gone out. The chain stays consistent (a lost tail, not a gap), so
``verify`` cannot notice such a loss. Spilled records are always replayed with a full, synchronous commit:
the spill file is truncated only once they are on the database's disk.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import os
import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tg_guard.logs import get_logger

from ..audit.record import AuditRecord
from ..audit.spill import SpillFile
from ..errors import AuditError, ConfigError

__all__ = ["DURABILITY", "GroupCommitSink", "start_turn_timing"]

DURABILITY = ("commit", "async")

log = get_logger("tg_guard.proxy")

# The current turn's timings; the guard writes audit records from a thread that copies this context.
_turn_timing: contextvars.ContextVar[dict[str, float] | None] = contextvars.ContextVar("tg_turn_timing", default=None)


def start_turn_timing() -> dict[str, float]:
    """A fresh dict that :meth:`GroupCommitSink.write` fills (``audit_ms``) for the turn in this context."""
    timing: dict[str, float] = {}
    _turn_timing.set(timing)
    return timing


@dataclass
class _Pending:
    record: AuditRecord
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None
    # Set by ``awrite``: the waiting coroutine's loop and future, resolved from the writer thread.
    loop: asyncio.AbstractEventLoop | None = None
    future: asyncio.Future[None] | None = None

    def release(self) -> None:
        self.done.set()
        if self.loop is not None:
            with contextlib.suppress(RuntimeError):  # a closed loop: nobody is waiting any more
                self.loop.call_soon_threadsafe(self._resolve)

    def _resolve(self) -> None:
        if self.future is not None and not self.future.done():
            self.future.set_result(None)


_STOP = object()


class GroupCommitSink:
    """An audit sink for many concurrent writers: batches to ``store.write_many``, spills on failure."""

    def __init__(
        self,
        store: Any,
        spill_path: str | Path,
        *,
        max_batch: int = 256,
        replay_interval_s: float = 2.0,
        durability: str = "commit",
    ) -> None:
        if durability not in DURABILITY:
            raise ConfigError(f"audit durability {durability!r}: use 'commit' (the default) or 'async'")
        self.store = store
        self.spill = SpillFile(spill_path)
        self.max_batch = max_batch
        self.replay_interval_s = replay_interval_s
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.batches = 0
        self.records = 0
        self.durability = durability
        engine = getattr(store, "engine", None)
        # New batches commit with synchronous_commit off (``write_many(..., synchronous_commit=False)``).
        self._relax = False
        if durability == "async":
            if engine is None or engine.dialect.name != "postgresql":
                log.warning("audit_durability_async_ignored", reason="not PostgreSQL: every commit is synchronous")
            else:
                self._relax = True

    def _ensure_thread(self) -> None:
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="tg-guard-audit-writer", daemon=True)
                self._thread.start()

    def write(self, record: AuditRecord) -> None:
        """Return once ``record`` is durable (in the database, or in the spill file)."""
        t0 = time.perf_counter()
        self._ensure_thread()
        pending = _Pending(record)
        self._queue.put(pending)
        pending.done.wait()
        timing = _turn_timing.get()
        if timing is not None:
            timing["audit_ms"] = timing.get("audit_ms", 0.0) + (time.perf_counter() - t0) * 1000
        if pending.error is not None:
            raise pending.error

    async def awrite(self, record: AuditRecord) -> None:
        """``write`` for asyncio: the caller's task waits for the commit, no thread is held meanwhile."""
        t0 = time.perf_counter()
        self._ensure_thread()
        loop = asyncio.get_running_loop()
        pending = _Pending(record, loop=loop, future=loop.create_future())
        self._queue.put(pending)
        assert pending.future is not None
        await pending.future
        timing = _turn_timing.get()
        if timing is not None:
            timing["audit_ms"] = timing.get("audit_ms", 0.0) + (time.perf_counter() - t0) * 1000
        if pending.error is not None:
            raise pending.error

    # -- the writer thread --------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=self.replay_interval_s)
            except queue.Empty:
                self._idle_replay()
                continue
            if first is _STOP:
                return
            batch: list[_Pending] = [first]
            stop = False
            while len(batch) < self.max_batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is _STOP:
                    stop = True
                    break
                batch.append(item)
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[_Pending]) -> None:
        records = [p.record for p in batch]
        try:
            try:
                if self.spill.pending():
                    self.replay()  # older records first; raises while the database is still down
                if self._relax:
                    self.store.write_many(records, synchronous_commit=False)
                else:
                    self.store.write_many(records)
                self.batches += 1
                self.records += len(records)
            except Exception as exc:
                log.warning("audit_sink_failed", error=type(exc).__name__, records=len(records))
                self._spill(records)
        except BaseException as exc:  # the spill failed too: nobody may think their record is durable
            error = exc if isinstance(exc, AuditError) else AuditError(f"audit batch not durable: {exc}")
            for p in batch:
                p.error = error
        finally:
            for p in batch:
                p.release()

    def _spill(self, records: list[AuditRecord]) -> None:
        try:
            with self.spill.locked() as fh:
                fh.write("".join(r.canonical() + "\n" for r in records))
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise AuditError(
                f"{len(records)} audit record(s) could not be written to the database or to the spill file "
                f"{self.spill.path}: {exc}"
            ) from exc
        log.warning("audit_spilled", records=len(records), spill=str(self.spill.path))

    def _idle_replay(self) -> None:
        if not self.spill.pending():
            return
        try:
            n = self.replay()
            if n:
                log.info("audit_spill_replayed", records=n)
        except Exception as exc:
            log.debug("audit_replay_waiting", error=type(exc).__name__)

    def replay(self) -> int:
        """Write every spilled record (of every worker) to the store in order; raises if it is down."""
        with self.spill.locked() as fh:
            fh.seek(0)
            lines = [ln for ln in fh.read().splitlines() if ln.strip()]
            if not lines:
                return 0
            records = [AuditRecord.model_validate_json(ln) for ln in lines]
            stored = self.store.contains_many([r.record_id for r in records])
            todo = [r for r in records if r.record_id not in stored]
            for i in range(0, len(todo), 500):
                self.store.write_many(todo[i : i + 500])
            fh.seek(0)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
        log.info("audit_replayed", records=len(records))
        return len(records)

    def close(self) -> None:
        """Finish what is queued, try a last replay, and close the store."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout=30)
        try:
            if self.spill.pending():
                self.replay()
        except Exception as exc:
            log.warning("audit_replay_at_close_failed", error=type(exc).__name__)
        self.store.close()
