"""text/runs.RunSearch scans in linear time: a long run whose inner starts fail is read once,
and a scan with many matches does not look again for inner starts it found none of (the
rewrites' matches are compared in tests/test_backtracking_rewrites.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from pmreview.checks.semantics import SPECIFIC
from pmreview.rules.privacy_runs import JWT, URLS
from pmreview.text.runs import RunSearch
from pmreview.text.sentences import _BOUNDARY
from pmreview.text.times import DATE_RE

SHORT, LONG = 4_000, 64_000  # 16 times longer: a quadratic scan is 256 times slower


def _seconds(scan: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        scan()
        best = min(best, time.process_time() - start)
    return max(best, 0.0005)


CASES: list[tuple[RunSearch, Callable[[int], str]]] = [
    (DATE_RE, lambda n: "1 " + "mon" * (n // 3)),  # inner weekdays, all failing
    (DATE_RE, lambda n: "May 3, " * (n // 7)),  # many matches, no inner start at all
    (SPECIFIC, lambda n: "a-b-" * (n // 4) + " v1 x.conf"),
    (JWT, lambda n: "eyJ-" * (n // 4)),
    (URLS, lambda n: "x+y.z-" * (n // 6) + "](a <b " + "](" * (n // 4) + "<" * (n // 2)),
    (_BOUNDARY, lambda n: "Yes" + ".!?" * (n // 3) + "x. A"),
]


@pytest.mark.parametrize(("search", "text"), CASES)
def test_a_scan_grows_linearly(search: RunSearch, text: Callable[[int], str]) -> None:
    short, long = text(SHORT), text(LONG)
    ratio = _seconds(lambda: list(search.finditer(long))) / _seconds(
        lambda: list(search.finditer(short))
    )
    assert ratio < 64, ratio  # 16 when linear


def test_a_failed_run_is_skipped_and_a_later_one_still_tried() -> None:
    text = "x-y-z.nope a-b.conf"
    assert [m.group(0) for m in SPECIFIC.finditer(text)] == ["a-b.conf"]
    m = SPECIFIC.search(text, 2)
    assert m is not None and m.group(0) == "a-b.conf"


def test_a_scan_resumed_inside_a_run_tries_the_starts_inside_it() -> None:
    # the version ends before the "-": the file name's search starts inside its run there
    assert [m.group(0) for m in SPECIFIC.finditer("1.2.3-x.conf")] == ["1.2.3", "-x.conf"]
