"""The HTML report of seed 000 in a real browser: headless Chromium takes a screenshot, kept as
a test artefact (artifacts/seed000.png, git-ignored), and its pixels show the highlighted
phrases and the timeline axis.

Skipped when `chromium` is not on PATH, except in CI (env CI set), where that is a failure:
CI installs it (Debian: `apt-get install -y chromium`)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from _png import Image, read
from _support import REPO

from pmreview.models import Report
from pmreview.render import render

ARTIFACTS = REPO / "artifacts"
WIDTH, HEIGHT = 1280, 2000
# colours of report.css: a highlighted phrase (warning), the detection flag of the axis
MARK_WARNING = (0xFF, 0xF2, 0xC2)
DETECTION = (0xBC, 0x4C, 0x00)
AXIS = (0x6E, 0x77, 0x81)


def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not on PATH; CI must install it (apt-get install -y chromium)")
        pytest.skip("chromium is not on PATH (apt-get install -y chromium); CI runs this test")
    return path


def screenshot(browser: str, page: Path, png: Path, profile: Path) -> None:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--screenshot={png}",
        f"--window-size={WIDTH},{HEIGHT}",
        page.as_uri(),
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert png.is_file(), f"no screenshot (exit {proc.returncode}): {proc.stderr[-2000:]}"


def rows_with(image: Image, colour: tuple[int, int, int]) -> list[int]:
    """The rows where this exact colour (flat CSS colours render exactly) covers 8+ pixels."""
    pixel = bytes(colour) + (b"\xff" if image.channels == 4 else b"")
    return [y for y, row in enumerate(image.rows) if row.count(pixel) >= 8]


def test_the_seed_000_report_in_headless_chromium(seed_report: Report, tmp_path: Path) -> None:
    browser = chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    page, png = ARTIFACTS / "seed000.html", ARTIFACTS / "seed000.png"
    page.write_text(render(seed_report, "html"), encoding="utf-8")
    png.unlink(missing_ok=True)
    screenshot(browser, page, png, tmp_path / "profile")

    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000, f"a {len(data)}-byte screenshot is blank or nearly so"
    image = read(data)
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    colours = {image.pixel(x, y) for y in range(0, HEIGHT, 50) for x in range(0, WIDTH, 16)}
    assert len(colours) > 20, "the screenshot is (nearly) a single colour"
    # the timeline axis is drawn, with its detection flag, near the top of the page
    axis = rows_with(image, AXIS)
    assert axis and min(axis) < 800, "no timeline axis in the screenshot"
    assert [y for y in rows_with(image, DETECTION) if y < 800], "no detection marker"
    # highlighted phrases, below the timeline
    marks = [y for y in rows_with(image, MARK_WARNING) if y > min(axis)]
    assert len(marks) >= 10, "no highlighted phrases in the screenshot"
