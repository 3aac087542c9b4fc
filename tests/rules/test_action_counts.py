"""PM503 and PM504 count what they ask about: the open items, saying how many others of the
list are done or standing rules, so that the count matches the list the author sees."""

from __future__ import annotations

from pmreview.parse import parse
from pmreview.rules import registry
from pmreview.source import from_text

_TEXT = """## Follow-up work
- [x] Rotate the API key of the billing worker.
- **Done:** the retry storm alert now pages the payments on-call.
- Never deploy payments-api on a Friday afternoon.
- Add a canary stage to the payments-api pipeline (owner: @rui).
- Add a dashboard of queue depth for billing-worker.
"""


def _messages(rule_id: str) -> list[str]:
    rule = registry()[rule_id]
    return [h.message for h in rule.check(parse(from_text(_TEXT)), rule.resolve({}))]


def test_owner_count_names_the_open_items_and_the_rest() -> None:
    assert _messages("PM503") == [
        '1 of the 2 open action items under "Follow-up work" has no owner '
        "(line 6; the other 3 are done or standing rules)."
    ]


def test_due_count_names_the_open_items_and_the_rest() -> None:
    assert _messages("PM504") == [
        'None of the 2 open action items under "Follow-up work" has a due date or ticket '
        "(lines 5, 6; the other 3 are done or standing rules)."
    ]
