"""Prometheus metrics: requests, actions, violations and risk levels by label, and latency histograms.

With several uvicorn workers, ``PROMETHEUS_MULTIPROC_DIR`` must name an empty folder before the workers
start (``tg-guard serve`` sets one up); each worker then writes its samples there and ``/metrics``
aggregates all of them, whichever worker answers the scrape.
"""

from __future__ import annotations

import os
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

from ..clinical import VIOLATIONS

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]

_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """The proxy's metrics on their own registry (so several apps in one process do not collide)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter("tg_guard_proxy_requests", "HTTP requests", ["route", "status"], registry=r)
        self.actions = Counter("tg_guard_proxy_actions", "guard actions taken", ["action"], registry=r)
        self.violations = Counter("tg_guard_proxy_violations", "flagged violations", ["violation"], registry=r)
        self.risk = Counter("tg_guard_proxy_risk", "turns by risk level", ["level"], registry=r)
        self.escalations = Counter("tg_guard_proxy_escalations", "escalations raised", registry=r)
        self.latency = Histogram("tg_guard_proxy_request_seconds", "request latency", ["route"], buckets=_BUCKETS_S,
                                 registry=r)  # fmt: skip
        self.guard_latency = Histogram("tg_guard_proxy_guard_seconds", "guard time per turn (scoring, decisions)",
                                       buckets=_BUCKETS_S, registry=r)  # fmt: skip
        self.upstream_latency = Histogram("tg_guard_proxy_upstream_seconds", "upstream chatbot time per turn",
                                          buckets=_BUCKETS_S, registry=r)  # fmt: skip
        self.audit_latency = Histogram("tg_guard_proxy_audit_seconds", "durable audit write per turn",
                                       buckets=_BUCKETS_S, registry=r)  # fmt: skip
        self.loop_lag = Histogram("tg_guard_proxy_event_loop_lag_seconds", "how late the worker's event loop ran a "
                                  "timer (a busy or blocked loop delays every request)", buckets=_BUCKETS_S,
                                  registry=r)  # fmt: skip
        for name in VIOLATIONS:  # every label exists from the start, so a scrape can count zeros
            self.violations.labels(violation=name)

    def observe_turn(self, verdict: Any, latency: dict[str, float]) -> None:
        self.actions.labels(action=verdict.action).inc()
        self.risk.labels(level=verdict.risk.level).inc()
        for name in verdict.flagged:
            self.violations.labels(violation=name).inc()
        if verdict.escalated:
            self.escalations.inc()
        self.guard_latency.observe(verdict.latency_ms / 1000)
        if "chatbot_ms" in latency:
            self.upstream_latency.observe(latency["chatbot_ms"] / 1000)
        if "audit_ms" in latency:
            self.audit_latency.observe(latency["audit_ms"] / 1000)

    def render(self) -> bytes:
        """The exposition text: every worker's samples in multiprocess mode, else this process's."""
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            from prometheus_client import multiprocess

            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            return bytes(generate_latest(registry))
        return bytes(generate_latest(self.registry))
