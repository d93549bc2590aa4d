"""Round 29: round 28's ``risk_dump.py`` with this round's judges set aside instead of round 28's.

    cd CHECKOUT && PYTHONPATH=CHECKOUT python /work/main/bench/results/round29-2026-11-28/risk_dump.py \
        OUT.json --filter REGEX [--role user|assistant] [--split read|test|judge] [--no-embeddings]

``read`` is every file of data/safety_risk and data/safety_replies but test, holdout and the round-29 judges (risk
dev101-dev103, replies dev80-dev82); round 28's judges are read data now. Writes ``{file:id: [predicted, gold]}``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "risk_dump_round28", Path(__file__).resolve().parents[1] / "round28-2026-11-28" / "absent" / "risk_dump.py")
assert _SPEC is not None and _SPEC.loader is not None
_DUMP = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_DUMP)
_DUMP.JUDGE = {"safety_risk": ("dev101.jsonl", "dev102.jsonl", "dev103.jsonl"),
               "safety_replies": ("dev80.jsonl", "dev81.jsonl", "dev82.jsonl")}

if __name__ == "__main__":
    _DUMP.main()
