"""Offline audit reports and flagged-turn export (``tg-guard audit``, ``tg-guard export-flagged``).

Transcripts are scored by the guard's own scoring engine (one engine, four faces); audit-store records
keep the verdicts they were written with. The result is an :class:`AuditSummary` (JSON), one
self-contained HTML report, a per-turn CSV, and for retraining a JSONL of :class:`FlaggedExample`.

>>> from tg_guard.report import AuditOptions, run_audit
>>> summary = run_audit(["chats.jsonl"], AuditOptions(workers=2), html_path="report.html")  # doctest: +SKIP
"""

from __future__ import annotations

from .export import EXPORT_SCHEMA_VERSION, ExportCounts, FlaggedExample, export_flagged
from .inputs import StoreFilter
from .models import SUMMARY_SCHEMA_VERSION, AuditSummary, BadLine
from .run import AuditOptions, run_audit

__all__ = [
    "EXPORT_SCHEMA_VERSION",
    "SUMMARY_SCHEMA_VERSION",
    "AuditOptions",
    "AuditSummary",
    "BadLine",
    "ExportCounts",
    "FlaggedExample",
    "StoreFilter",
    "export_flagged",
    "run_audit",
]
