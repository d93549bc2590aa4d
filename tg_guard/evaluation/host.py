"""The machine a figure was measured on: recorded beside every ``eval-detectors`` result.

The learned layers run int8 ONNX files on onnxruntime, whose int8 kernels depend on the CPU: with VNNI (AVX-512 VNNI
or AVX-VNNI) the products are exact; without it, on AVX2, pairs of 8-bit products are added in 16 bits and can
saturate. The same code and files then give slightly different scores, and a verdict near its threshold can move
(EVALUATION.md "Round 27": the reply test split's mean F1 was 0.805 on an Intel host with VNNI and 0.816 on an AMD
host without). A figure is only comparable with one measured on the same kind of CPU.
"""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["host_info", "int8_kernels"]

_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8", "asimd", "asimddp", "i8mm")


def _cpuinfo() -> dict[str, str]:
    """The first processor's fields of ``/proc/cpuinfo`` (empty where there is none)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    info: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            if info:
                break
            continue
        key, _, value = line.partition(":")
        info.setdefault(key.strip(), value.strip())
    return info


def int8_kernels(flags: set[str], machine: str) -> str:
    """Which int8 arithmetic onnxruntime's CPU kernels use here: ``"vnni"``, ``"avx2"`` (16-bit pair sums, which 8-bit
    weights can saturate), ``"arm-dot"`` (Arm dot-product instructions), or ``"other"``."""
    if flags & {"avx512_vnni", "avx_vnni", "amx_int8"}:
        return "vnni"
    if "avx2" in flags:
        return "avx2"
    if machine.lower() in ("aarch64", "arm64") and flags & {"asimddp", "i8mm"}:
        return "arm-dot"
    return "other"


def host_info() -> dict[str, Any]:
    """The CPU model (and x86 family/model), its int8-relevant flags, the int8 arithmetic that follows, and the
    runtime's versions."""
    info = _cpuinfo()
    flags = set((info.get("flags") or info.get("Features") or "").split())
    machine = platform.machine()
    try:
        ort: str | None = metadata.version("onnxruntime")
    except metadata.PackageNotFoundError:
        ort = None
    return {
        "cpu": info.get("model name") or info.get("CPU part") or platform.processor() or machine,
        "cpu_family_model": (f"{info['cpu family']}/{info['model']}" if "cpu family" in info and "model" in info
                             else None),
        "machine": machine,
        "cpu_flags": sorted(flags & set(_FLAGS)),
        "int8_kernels": int8_kernels(flags, machine),
        "onnxruntime": ort,
        "python": platform.python_version(),
    }
