"""The machine a figure was measured on: recorded beside every ``eval-detectors`` result.

The learned layers run int8 ONNX files on onnxruntime, whose int8 kernels depend on the CPU: with VNNI (AVX-512 VNNI
or AVX-VNNI) the products are exact; without it (AVX2, or AVX-512 before VNNI) pairs of 8-bit products are added in
16 bits and can saturate. The same code and files then give slightly different scores, and a verdict near its
threshold can move (EVALUATION.md "Round 27": the reply test split's mean F1 was 0.805 on an Intel host with VNNI and
0.816 on an AMD host without). A figure is only comparable with one measured on the same kind of CPU.

The instruction sets come from numpy's own CPUID probe, which sees what the process runs on (also under an emulator,
and on macOS and Windows); ``/proc/cpuinfo`` adds the model name and, where it describes the same CPU, AVX-VNNI, which
numpy does not probe.
"""

from __future__ import annotations

import importlib
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["INT8_KERNELS", "host_info", "int8_kernels"]

#: what :func:`int8_kernels` can say
INT8_KERNELS = ("vnni", "avx512-no-vnni", "avx2", "arm-dot", "other", "unknown")
# numpy's feature names, and /proc/cpuinfo's, of the instruction sets that decide the int8 arithmetic
_NUMPY = {"AVX2": "avx2", "AVX512F": "avx512f", "AVX512VNNI": "avx512_vnni", "ASIMD": "asimd", "ASIMDDP": "asimddp"}
_PROC = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8", "asimd", "asimddp", "i8mm")


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


def _numpy_flags() -> set[str] | None:
    """The int8-relevant instruction sets numpy's CPUID probe found (in ``/proc/cpuinfo``'s names), or None."""
    for module in ("numpy._core._multiarray_umath", "numpy.core._multiarray_umath"):  # numpy 2, numpy 1
        try:
            feats: dict[str, bool] = importlib.import_module(module).__cpu_features__
        except (ImportError, AttributeError):
            continue
        return {name for key, name in _NUMPY.items() if feats.get(key)}
    return None


def _flags(info: dict[str, str]) -> set[str] | None:
    """numpy's flags, with ``/proc/cpuinfo``'s AVX-VNNI and AMX where it describes the same CPU (its AVX-512 agrees);
    ``/proc/cpuinfo``'s alone where numpy cannot say; None where neither can."""
    proc = set((info.get("flags") or info.get("Features") or "").split()) & set(_PROC)
    probed = _numpy_flags()
    if probed is None:
        return proc or None
    if proc and ("avx512f" in proc) == ("avx512f" in probed) and ("avx2" in proc) == ("avx2" in probed):
        probed |= proc & {"avx_vnni", "amx_int8", "i8mm"}
    return probed


def int8_kernels(flags: set[str] | None, machine: str) -> str:
    """Which int8 arithmetic onnxruntime's CPU kernels use here: ``"vnni"`` (exact products), ``"avx512-no-vnni"`` or
    ``"avx2"`` (16-bit pair sums, which 8-bit weights can saturate), ``"arm-dot"`` (Arm dot-product instructions),
    ``"other"``, or ``"unknown"`` where the instruction sets could not be read."""
    if flags is None:
        return "unknown"
    if flags & {"avx512_vnni", "avx_vnni", "amx_int8"}:
        return "vnni"
    if "avx512f" in flags:
        return "avx512-no-vnni"
    if "avx2" in flags:
        return "avx2"
    if machine.lower() in ("aarch64", "arm64") and flags & {"asimddp", "i8mm"}:
        return "arm-dot"
    return "other"


def host_info() -> dict[str, Any]:
    """The CPU model (and x86 family/model), its int8-relevant instruction sets, the int8 arithmetic that follows,
    and the runtime's versions."""
    info = _cpuinfo()
    flags = _flags(info)
    machine = platform.machine()
    try:
        ort: str | None = metadata.version("onnxruntime")
    except metadata.PackageNotFoundError:
        ort = None
    return {
        "cpu": info.get("model name") or platform.processor() or info.get("CPU part") or machine,
        "cpu_family_model": (f"{info['cpu family']}/{info['model']}" if "cpu family" in info and "model" in info
                             else None),
        "machine": machine,
        "cpu_flags": sorted(flags) if flags is not None else None,
        "int8_kernels": int8_kernels(flags, machine),
        "onnxruntime": ort,
        "python": platform.python_version(),
    }
