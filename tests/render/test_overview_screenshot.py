"""The overview of 20 postmortems in a real browser: headless Chromium takes a screenshot (kept
as artifacts/overview.png, git-ignored) and runs the page's script, which sorts the table as
the address asks (#sort=KEY, #sort=KEY-desc), as a click on a heading does.

The 20 documents are variants of tests/data/good.md, each missing other parts. Skipped when
`chromium` is not on PATH, except in CI, where that is a failure (as the HTML report's)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from _png import Image, read
from _support import DATA
from test_html_screenshot import WIDTH, chromium, rows_with, screenshot

from pmreview.pipeline import Options, review_paths
from pmreview.render import overview

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
OK_BG, FAIL_BG = (0xDA, 0xFB, 0xE1), (0xFF, 0xE1, 0xE0)  # report.css --ok-bg, --error-bg
SECTIONS = ("## Timeline", "## Root cause and resolution", "## Corrective and preventative")


def variant(good: str, i: int) -> str:
    """good.md with some of its sections dropped and some statements made vague."""
    parts = re.split(r"(?m)^(?=## )", good)
    dropped = {s for n, s in enumerate(SECTIONS) if i >> n & 1 and i % 4}
    text = "".join(p for p in parts if not p.startswith(tuple(dropped)))
    if i % 3 == 0:
        text = text.replace("30% of active users (about\n9,000 of 30,000)", "several users")
    if i % 5 == 2:
        text = text.replace("(45 minutes)", "").replace("a migration", "a glitch in a migration")
    return text


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    good = (DATA / "good.md").read_text(encoding="utf-8")
    root = tmp_path_factory.mktemp("team") / "postmortems"
    for i in range(20):
        path = root / f"2024-q{i % 4 + 1}" / f"incident-{i + 1:02d}-search-latency.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(variant(good, i), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def page(folder: Path) -> Path:
    report = review_paths([str(folder)], Options(offline=True))
    assert len(report.documents) == 20
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / "overview.html"
    out.write_text(overview.render(report, overview.report_names(report)), encoding="utf-8")
    return out


def test_twenty_postmortems_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    browser = chromium()
    png = ARTIFACTS / "overview.png"
    png.unlink(missing_ok=True)
    screenshot(browser, page, png, tmp_path / "profile")
    image = read(png.read_bytes())
    assert image.width == WIDTH
    present, missing = rows_with(image, OK_BG), rows_with(image, FAIL_BG)
    assert present and missing, "no ✓ or ✗ cells drawn"
    # 20 rows of the table, each about 26 px high, both colours in them
    assert max(present + missing) - min(present + missing) > 20 * 20
    # all 21 columns of checks are on screen (none scrolled out of a 1280-pixel window): the
    # top pixel line of the first document's row crosses 21 cells (each with a white border)
    first_row = bands(sorted(set(present + missing)))[1][0] + 1
    assert cells_across(image, first_row) == 21, "the table is wider than the window"
    heading = rows_with(image, (0x24, 0x29, 0x2F))  # the dark top bar
    assert heading and min(heading) == 0


def bands(rows: list[int]) -> list[list[int]]:
    """Runs of consecutive pixel rows: the pass-rate row, then each document's row."""
    out: list[list[int]] = []
    for y in rows:
        if out and y == out[-1][-1] + 1:
            out[-1].append(y)
        else:
            out.append([y])
    return out


def cells_across(image: Image, y: int) -> int:
    """How many ✓ or ✗ cells the pixel line y crosses."""
    cell = [image.pixel(x, y) in (OK_BG, FAIL_BG) for x in range(image.width)]
    return sum(1 for x in range(image.width) if cell[x] and (x == 0 or not cell[x - 1]))


def dumped_order(browser: str, page: Path, fragment: str, profile: Path) -> list[str]:
    """The documents' links in the order the page shows them once its script has run."""
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    command += ["--disable-background-networking", f"--user-data-dir={profile}", "--dump-dom"]
    proc = subprocess.run(
        [*command, page.as_uri() + fragment], capture_output=True, text=True, timeout=120
    )
    return re.findall(r'<th scope="row" class="doc"><a href="[^"]+" title="([^"]+)"', proc.stdout)


def test_the_script_sorts_the_table(page: Path, folder: Path, tmp_path: Path) -> None:
    browser = chromium()
    report = review_paths([str(folder)], Options(offline=True))
    score = {d.path: d.score["overall"] for d in report.documents}
    as_listed = [d.path for d in report.documents]
    assert dumped_order(browser, page, "", tmp_path / "p0") == as_listed
    by_score = dumped_order(browser, page, "#sort=score-desc", tmp_path / "p1")
    assert sorted(by_score) == sorted(as_listed)
    assert [score[p] for p in by_score] == sorted(score.values(), reverse=True)
    assert by_score != as_listed  # the variants differ, so the order changed
    by_check = dumped_order(browser, page, "#sort=timeline.present", tmp_path / "p2")
    status = {d.path: d.checks["timeline.present"].status for d in report.documents}
    seen = [status[p] for p in by_check]
    assert seen == sorted(seen, key=lambda s: s == "pass") and "pass" in seen and "fail" in seen
