"""A timeline copied out of a word processor or a PDF keeps its Symbol or Wingdings bullet
(U+F0B7, U+F0A7) and hard-wraps long entries: each bulleted line is an entry, a timed entry runs
on over the unbulleted lines under it, and the checks quote the entry that decides them, not the
first line of the list. An untimed bulleted line does not swallow the line after it. Examples
written for these tests."""

from __future__ import annotations

import pytest

from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text


def _doc(bullet: str) -> str:
    entries = [
        "09:00 UTC: Alerts on 502 errors from the checkout service, raised by\nthe uptime probe.",
        "09:05 UTC: Incident escalated to the payments on-call engineer.",
        "09:20 UTC: Rolled back checkout to release 7.4.1 so that sessions\nare kept in Redis.",
        "09:30 UTC: Error rate back to normal.",
    ]
    return (
        "# Checkout outage\n\n## Summary\n\nCheckout failed from 09:00 to 09:30 UTC.\n\n"
        "Timeline:\n" + "\n".join(f"{bullet} {e}" for e in entries) + "\n"
    )


@pytest.mark.parametrize("bullet", ["\uf0b7", "\uf0a7", "•"])
def test_each_symbol_bulleted_line_is_an_entry(bullet: str) -> None:
    found = timeline(parse(from_text(_doc(bullet))))
    assert found["escalation"] is not None and found["escalation"]["line"] == 10
    assert found["resolution"] is not None and found["resolution"]["line"] == 11
    assert "release 7.4.1" in found["resolution"]["quote"]


def test_an_untimed_bulleted_line_keeps_the_line_under_it_apart() -> None:
    from pmreview.parse.blocks import _bullet_end

    lines = ("\uf0b7 The site was down.", "It came back later.")
    assert _bullet_end(lines, 0, 2) == 1
    lines = ("\uf0b7 10:00 UTC: The site was", "down.", "\uf0b7 10:05 UTC: Back.")
    assert _bullet_end(lines, 0, 3) == 2
