"""Measuring the scorers: detector evaluation on labelled JSONL sets and external data.

The logic lives here so that the CLI (``tg-guard eval-detectors``) stays a thin shell and anyone can call
it from Python with their own scorer.
"""

from __future__ import annotations
