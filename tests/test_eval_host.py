"""Round 27: every ``eval-detectors`` result names the machine that gave it (tg_guard/evaluation/host.py)."""

from __future__ import annotations

import pytest

from tg_guard.evaluation.host import host_info, int8_kernels


@pytest.mark.parametrize(
    ("flags", "machine", "want"),
    [
        # AVX-512 VNNI (Intel since Cascade Lake, AMD since Zen 4): exact int8 products
        ({"avx2", "avx512f", "avx512_vnni"}, "x86_64", "vnni"),
        # AVX-VNNI without AVX-512 (Alder Lake)
        ({"avx2", "avx_vnni"}, "x86_64", "vnni"),
        # AVX2 alone (Zen 2 and 3, Haswell to Skylake): 16-bit pair sums that 8-bit weights can saturate
        ({"avx2", "fma"}, "x86_64", "avx2"),
        # Arm with dot-product instructions
        ({"asimd", "asimddp"}, "aarch64", "arm-dot"),
        # neither
        ({"sse4_2"}, "x86_64", "other"),
        (set(), "riscv64", "other"),
    ],
)
def test_int8_kernels_follow_the_cpu_flags(flags: set[str], machine: str, want: str) -> None:
    assert int8_kernels(flags, machine) == want


def test_host_info_describes_this_machine() -> None:
    info = host_info()
    assert set(info) == {"cpu", "cpu_family_model", "machine", "cpu_flags", "int8_kernels", "onnxruntime", "python"}
    assert info["cpu"] and info["machine"]
    assert info["int8_kernels"] in {"vnni", "avx2", "arm-dot", "other"}
    assert set(info["cpu_flags"]) <= {"avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8", "asimd", "asimddp",
                                      "i8mm"}
    assert int8_kernels(set(info["cpu_flags"]), info["machine"]) == info["int8_kernels"]
