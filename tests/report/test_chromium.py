"""The report in a real headless Chromium: it renders, the charts are on screen, the script runs, no errors."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pytest

from tg_guard.report import AuditSummary

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

pytestmark = [
    pytest.mark.requires_chromium,
    pytest.mark.skipif(CHROMIUM is None, reason="needs /usr/bin/chromium (Debian package chromium)"),
]


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
        f"--user-data-dir={tmp / 'profile'}", "--enable-logging=stderr", "--v=0", *args,
    ]  # fmt: skip
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)


def _png_pixels(path: Path) -> tuple[int, int, np.ndarray]:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes) into rows of pixel bytes."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, width * channels + 1)
    out = np.zeros((height, width * channels), dtype=np.uint8)
    prev = np.zeros(width * channels, dtype=np.uint8)
    for y in range(height):
        f, line = raw[y, 0], raw[y, 1:].copy()
        if f == 1:  # sub: a running sum along the row, per channel (uint8 wraps mod 256)
            line = np.cumsum(line.reshape(width, channels), axis=0, dtype=np.uint8).reshape(-1)
        elif f == 2:  # up
            line = line + prev
        elif f in (3, 4):  # average, paeth: sequential along the row
            cur, up = line.tolist(), prev.tolist()
            for i in range(len(cur)):
                a = cur[i - channels] if i >= channels else 0
                b = up[i]
                if f == 3:
                    cur[i] = (cur[i] + (a + b) // 2) & 255
                else:
                    c = up[i - channels] if i >= channels else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    cur[i] = (cur[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            line = np.array(cur, dtype=np.uint8)
        out[y] = line
        prev = line
    return width, channels, out.reshape(height, width, channels)[:, :, :3]


def _count_colour(px: np.ndarray, rgb: tuple[int, int, int], tol: int = 12) -> int:
    diff = np.abs(px.astype(np.int16) - np.array(rgb, dtype=np.int16))
    return int(np.all(diff <= tol, axis=2).sum())


def test_screenshot_shows_the_charts(golden_report: tuple[AuditSummary, Path, Path, Path], tmp_path: Path) -> None:
    html = golden_report[1]
    shot = tmp_path / "report.png"
    res = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2600", html.as_uri())
    assert shot.exists(), res.stderr[-2000:]
    width, _, px = _png_pixels(shot)
    assert width == 1280
    white = _count_colour(px, (255, 255, 255), tol=3)
    assert white < 0.97 * px.shape[0] * px.shape[1]  # not a blank page
    # The radar's polygons are filled at 12% opacity: over white, #0072B2 (bot-a) and #D55E00 (bot-b) give
    # tints that nothing else on the page uses, so these pixels can only come from the drawn radar.
    assert _count_colour(px, (224, 238, 246), tol=4) > 200
    assert _count_colour(px, (250, 236, 224), tol=4) > 200
    # the bars and the timeline draw the series colours solid
    assert _count_colour(px, (0x00, 0x72, 0xB2), tol=20) > 2000
    assert _count_colour(px, (0xD5, 0x5E, 0x00), tol=20) > 2000
    assert "CONSOLE" not in res.stderr and "Uncaught" not in res.stderr, res.stderr[-2000:]


def test_dom_after_script_sorted_by_url_hash(
    golden_report: tuple[AuditSummary, Path, Path, Path], tmp_path: Path
) -> None:
    html = golden_report[1]
    # sort the session table by its "replies" column (index 3), largest first
    res = _chromium(tmp_path, "--dump-dom", html.as_uri() + "#sort=session-table:3:desc")
    dom = res.stdout
    assert 'data-js="ready"' in dom, res.stderr[-2000:]
    assert 'id="ctrs-radar"' in dom and 'id="violation-timeline"' in dom
    body = dom.split('id="session-table"', 1)[1].split("</table>", 1)[0]
    turns = [int(x) for x in re.findall(r'data-key="session_rows\.\d+\.turns"[^>]*>(\d+)<', body)]
    assert turns == sorted(turns, reverse=True) and turns[0] == 3
    assert 'aria-sort="descending"' in body
    assert "CONSOLE" not in res.stderr and "Uncaught" not in res.stderr, res.stderr[-2000:]


def test_prints_to_pdf(golden_report: tuple[AuditSummary, Path, Path, Path], tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    res = _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", golden_report[1].as_uri())
    assert pdf.exists(), res.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert 2 <= pages <= 12  # the whole report, on a sensible number of pages (print CSS expands the tables)
