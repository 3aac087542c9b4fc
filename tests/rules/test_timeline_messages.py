"""What PM302 and PM303 tell the author: the days and the zone as the document states them."""

from __future__ import annotations

from pmreview.parse import parse
from pmreview.rules import registry
from pmreview.source import from_text


def _messages(rule_id: str, text: str) -> list[str]:
    rule = registry()[rule_id]
    return [h.message for h in rule.check(parse(from_text(text)), rule.resolve({}))]


def test_a_zone_called_local_time_is_quoted_not_denied() -> None:
    text = "## Timeline\nTimes below are our local time.\n- 09:40 Alert fired.\n- 10:05 Fixed.\n"
    (message,) = _messages("PM303", text)
    assert 'says only "local time" (line 2), which names no zone' in message


def test_no_zone_at_all_is_said_plainly() -> None:
    (message,) = _messages("PM303", "## Timeline\n- 09:40 Alert fired.\n- 10:05 Fixed.\n")
    assert message.endswith("the document does not say which zone they are in.")


def test_the_undated_opening_entries_are_counted() -> None:
    text = (
        "## Timeline (UTC)\n- 21:10 Renewal fails.\n- 22:00 E-mail unread.\n"
        "- 2024-07-19 06:40 Browsers reject the certificate.\n- 2024-07-20 09:15 Fixed.\n"
    )
    (message,) = _messages("PM302", text)
    assert message.startswith("The timeline spans 2 days, but its first 2 entries (up to line 3)")
