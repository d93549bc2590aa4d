"""Round 24: both shipped risk encoders give the same logit, bit for bit, on one and on two intra-op threads.

    .venv/bin/python bench/exp_encoder_threads.py data/safety_risk/dev9{0..4}.jsonl

Reads every conversation's user messages from the files and compares each release's logits (round22: the default's
line; round20: its veto) between ``RiskEncoder(threads=1)`` and ``RiskEncoder(threads=2)``. Any difference would move
levels, so the default's two threads (:func:`tg_guard.scoring.safety.encoder.default_threads`) would need a judge.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tg_guard.scoring.safety.encoder import RiskEncoder
from tg_guard.scoring.safety.encoder_build import release_weights


def main(files: list[str]) -> None:
    convs = []
    for f in files:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            convs.append([m["content"] for m in r["messages"] if m["role"] == "user"])
    for rel in ("round22", "round20"):
        w = release_weights(rel)
        one = RiskEncoder(weights_path=w, meta_path=w.with_suffix(".json"), threads=1)
        two = RiskEncoder(weights_path=w, meta_path=w.with_suffix(".json"), threads=2)
        t = time.time()
        pairs = [(one.logit(c), two.logit(c)) for c in convs]
        print(f"{rel}: {len(convs)} conversations from {len(files)} files, logits differing: "
              f"{sum(x != y for x, y in pairs)}, max |diff| {max(abs(x - y) for x, y in pairs)}, "
              f"{time.time() - t:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
