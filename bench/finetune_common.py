"""What the fine-tuning experiments share, with no dependency beyond numpy (the device script imports it there).

`bench/exp_finetune_risk.py` (CPU, beside the shipped scorer), `bench/device/finetune_gpu.py` (the lent GPU) and
`bench/exp_finetune_fusion.py` read conversations the same way and report the same figure.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: the encoder's input: at most 256 tokens; past that, the first 64 and the last 190 (plus [CLS] and [SEP])
MAX_LEN, HEAD = 256, 64


def encode(tok: Any, texts: list[str]) -> list[list[int]]:
    """Token ids of each text, cut as :data:`MAX_LEN` and :data:`HEAD` say (a disclosure may sit at either end)."""
    out = []
    for t in texts:
        ids = tok(t, add_special_tokens=False)["input_ids"]
        if len(ids) > MAX_LEN - 2:
            ids = ids[:HEAD] + ids[-(MAX_LEN - 2 - HEAD):]
        out.append([tok.cls_token_id, *ids, tok.sep_token_id])
    return out


def none_threshold(none_scores: np.ndarray, fpr: float) -> float:
    """The score above which at most ``fpr`` of the `none` conversations lie."""
    s = np.sort(np.asarray(none_scores, dtype=np.float64))[::-1]
    k = int(np.floor(fpr * len(s)))
    return float(s[k]) if k < len(s) else float("-inf")


def recall_at(scores: np.ndarray, ranks: np.ndarray, fpr: float) -> float:
    """Recall on moderate+ at the threshold that flags at most ``fpr`` of the `none` conversations (FPR on `none`
    only, where ``tg_guard.evaluation.safety.recall_at_fpr`` counts every negative, `low` included)."""
    return float((scores[ranks >= 2] > none_threshold(scores[ranks == 0], fpr)).mean())
