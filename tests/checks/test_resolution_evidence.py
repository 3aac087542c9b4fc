"""The timeline's resolution quotes the change that ended the impact: a flag switched off,
not the finding just before it; a connection "closed" in a log line is no incident closed
(examples written for these tests)."""

from __future__ import annotations

from pmreview.checks.fixes import resolution as resolution_part
from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text

_HEAD = "# Checkout outage\n\n## Summary\n\nCheckout failed.\n\n## Timeline (UTC)\n\n"


def _resolution(entries: str) -> str | None:
    found = timeline(parse(from_text(_HEAD + entries)))["resolution"]
    return None if found is None else found["quote"]


def test_a_flag_switched_off_is_the_change_not_the_finding_before_it() -> None:
    quote = _resolution(
        "- 09:00 - Checkout errors reach 30%.\n"
        "- 09:40 - Feature-flag history shows the 08:55 change to `fast_cart`.\n"
        "- 09:45 - `fast_cart` switched OFF for all shops.\n"
        "- 09:50 - Checkout success back to normal; incident resolved.\n"
    )
    assert quote is not None and "switched OFF" in quote


def test_a_connection_closed_in_a_log_line_is_not_the_resolution() -> None:
    quote = _resolution(
        "- 14:05 - Deployed the new search page.\n"
        "- 14:13 - Checked the proxy log, saw `upstream closed connection`, thought the"
        " workers were dead.\n"
        "- 14:16 - Restarted the workers. Still 500.\n"
        "- 14:38 - Raised `max_connections` to 200 in `/etc/pg/pg.conf` and restarted"
        " postgres.\n"
        "- 14:50 - All good.\n"
    )
    assert quote is not None and "max_connections" in quote


def test_a_ticket_closed_after_the_fix_still_ends_it() -> None:
    quote = _resolution(
        "- 10:00 - Uploads fail with 413.\n"
        "- 10:20 - Raised `client_max_body_size` to 50m in `nginx.conf` and reloaded nginx.\n"
        "- 10:25 - Uploads work; ticket closed.\n"
    )
    assert quote is not None and "client_max_body_size" in quote


def _detail(resolution: str) -> str | None:
    text = _HEAD + "- 10:00 - Uploads fail.\n\n## Resolution\n\n" + resolution
    found = resolution_part(parse(from_text(text)))["detail"]
    return None if found is None else found["quote"]


def test_a_change_made_besides_the_fix_is_not_shown_as_the_fix() -> None:
    quote = _detail(
        "As a precaution we rotated the `uploads-bot` token. We raised"
        " `client_max_body_size` to 50m in `nginx.conf` and reloaded nginx.\n"
    )
    assert quote is not None and "client_max_body_size" in quote


def test_a_change_made_besides_alone_is_still_shown() -> None:
    quote = _detail("We also moved the `uploads` bucket to `eu-west-1`.\n")
    assert quote is not None and "uploads" in quote
