"""Round 27: every ``eval-detectors`` result names the machine that gave it (tg_guard/evaluation/host.py)."""

from __future__ import annotations

import pytest

from tg_guard.evaluation import host
from tg_guard.evaluation.host import INT8_KERNELS, host_info, int8_kernels


@pytest.mark.parametrize(
    ("flags", "machine", "want"),
    [
        # AVX-512 VNNI (Intel since Cascade Lake, AMD since Zen 4): exact int8 products
        ({"avx2", "avx512f", "avx512_vnni"}, "x86_64", "vnni"),
        # AVX-VNNI without AVX-512 (Alder Lake)
        ({"avx2", "avx_vnni"}, "x86_64", "vnni"),
        # AVX-512 before VNNI (Skylake-SP): 16-bit pair sums, as AVX2
        ({"avx2", "avx512f"}, "x86_64", "avx512-no-vnni"),
        # AVX2 alone (Zen 2 and 3, Haswell to Skylake client): 16-bit pair sums that 8-bit weights can saturate
        ({"avx2"}, "x86_64", "avx2"),
        # Arm with dot-product instructions
        ({"asimd", "asimddp"}, "aarch64", "arm-dot"),
        # neither
        (set(), "x86_64", "other"),
        (set(), "riscv64", "other"),
        # nothing could be read: unknown, not a guess
        (None, "AMD64", "unknown"),
    ],
)
def test_int8_kernels_follow_the_instruction_sets(flags: set[str] | None, machine: str, want: str) -> None:
    assert int8_kernels(flags, machine) == want


def test_host_info_describes_this_machine() -> None:
    info = host_info()
    assert set(info) == {"cpu", "cpu_family_model", "machine", "cpu_flags", "int8_kernels", "onnxruntime", "python"}
    assert info["cpu"] and info["machine"]
    assert info["int8_kernels"] in INT8_KERNELS
    flags = None if info["cpu_flags"] is None else set(info["cpu_flags"])
    assert int8_kernels(flags, info["machine"]) == info["int8_kernels"]


def test_numpy_decides_where_proc_cpuinfo_describes_another_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under an emulator /proc/cpuinfo shows the host's CPU: numpy's probe (what the process runs on) wins, and
    /proc's AVX-VNNI is only added where the two agree on AVX-512 and AVX2."""
    host_cpu = {"flags": "fpu avx2 avx512f avx512_vnni avx_vnni"}
    monkeypatch.setattr(host, "_numpy_flags", lambda: {"avx2"})  # an emulated AVX2 CPU
    assert host._flags(host_cpu) == {"avx2"}
    monkeypatch.setattr(host, "_numpy_flags", lambda: {"avx2"})  # Alder Lake: no AVX-512 on either side
    assert host._flags({"flags": "avx2 avx_vnni"}) == {"avx2", "avx_vnni"}
    monkeypatch.setattr(host, "_numpy_flags", lambda: None)  # numpy cannot say: /proc alone, or unknown
    assert host._flags({"flags": "avx2 fma"}) == {"avx2"}
    assert host._flags({}) is None
