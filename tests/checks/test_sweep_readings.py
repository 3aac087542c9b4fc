"""Readings an organisation's author would expect (examples written for these tests): a
timeline told as paragraphs that open with a bold time ends with the fix and an entry saying
the metrics were "back to baseline"; the measures' evidence is an item that says what to
improve, not a bare name listed under a lesson or an item that only refers back; a hedge
finding does not claim that the hedged words tell the cause; an outage that "followed" a named
change states its cause."""

from __future__ import annotations

from _support import doc_of

from pmreview.checks.fixes import resolution as fix
from pmreview.checks.measures import measures
from pmreview.checks.summary import summary
from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.rules import registry
from pmreview.source import from_text

BOLD_TIMES = """# Search latency incident

Between 10:05 and 10:31 CET search requests in the EU region timed out for 14% of users.

## Sequence of events

**10:05 CET** — A cache settings change lowered the TTL of the ranking cache to one second.

**10:09 CET** — The latency alert for the EU search cluster fired.

**10:21 CET** — We halted the deploy and started rolling the cache settings back to release 7.1.

**10:31 CET** — Query latency was back to baseline on all shards.
"""


def test_a_bold_timed_paragraph_that_halts_and_rolls_back_is_the_fix() -> None:
    doc = doc_of(BOLD_TIMES)
    ended = timeline(doc)["resolution"]
    assert ended is not None and "We halted the deploy" in ended["quote"]
    found = fix(doc)["detail"]
    assert found is not None and "release 7.1" in found["quote"]


def test_back_to_baseline_without_a_fix_before_it_is_no_resolution() -> None:
    body = (
        "# Outage\n\n## Timeline\n\n- 10:05 CET - Query latency rose on all shards.\n"
        "- 10:09 CET - The latency alert fired.\n- 10:31 CET - Latency was back to baseline.\n"
    )
    assert timeline(doc_of(body))["resolution"] is None


NAMES_AND_DONE = """# Disclosure incident

## Lessons learned

In this case, we decided to tell partners before the release and to patch quickly.

We told these partner projects before the release:

- Northwind
- Fabrikam

Action point: create a mailing list for security announcements to partner projects.
- This has been done.
"""


def test_improvements_quote_the_measure_marked_in_prose_not_a_name_or_a_reference() -> None:
    found = measures(doc_of(NAMES_AND_DONE))["improvements"]
    assert found is not None and found["quote"].startswith("Action point: create a mailing list")


def test_a_hedge_on_a_count_is_not_called_a_cause() -> None:
    text = (
        "# Invoice incident\n\n## Where we got lucky\n\n"
        "It appears that only a handful of invoices were sent twice.\n"
    )
    rule = registry()["PM101"]
    hits = list(rule.check(parse(from_text(text)), rule.resolve({})))
    assert len(hits) == 1 and hits[0].quote.startswith("It appears that")
    assert "cause" not in hits[0].message


def _summary_cause(text: str) -> str | None:
    found = summary(doc_of(f"# Checkout outage\n\n## Summary\n\n{text}\n"))["root_cause"]
    return found["quote"] if found else None


def test_an_outage_that_followed_a_named_change_states_its_cause() -> None:
    text = (
        "Between 10:00 and 10:45 UTC checkout failed for 30% of customers. The outage followed "
        "a routine certificate rotation, after which two of the four payment gateways still "
        "presented the old certificate."
    )
    quote = _summary_cause(text)
    assert quote is not None and quote.startswith("The outage followed a routine certificate")


def test_an_outage_that_followed_no_change_states_no_cause() -> None:
    text = (
        "Between 10:00 and 10:45 UTC checkout failed for 30% of customers. The outage followed "
        "a quiet weekend with little traffic."
    )
    assert _summary_cause(text) is None


def _fix_quote(story: str) -> str | None:
    text = (
        "# Blog outage\n\nThe blog was down for 3 hours on 4 June.\n\n"
        f"## What I found\n\nThe database ran out of memory and stopped.\n\n## Next\n\n{story}\n"
    )
    found = fix(doc_of(text))["detail"]
    return found["quote"] if found else None


def test_a_resource_bumped_to_a_value_is_the_fix_told_outside_a_resolution_section() -> None:
    quote = _fix_quote("After this incident, I've bumped the server's RAM from 512 MB to 1 GB.")
    assert quote is not None and "bumped the server's RAM" in quote


def test_a_bump_still_planned_is_no_fix() -> None:
    planned = "After this incident, I will bump the server's RAM from 512 MB to 1 GB."
    assert _fix_quote(planned) is None


def _impact(text: str) -> str | None:
    found = summary(doc_of(f"# Token leak\n\n## Summary\n\n{text}\n"))["impact"]
    return found["quote"] if found else None


def test_what_a_fix_now_prevents_is_no_impact() -> None:
    text = (
        "On 3 May a researcher reported that a deploy key of our Buildbot was public. "
        "Within an hour the key was revoked, and the Acme/web repository was updated so "
        "non-members cannot push to `main`."
    )
    assert _impact(text) is None


def test_users_who_cannot_do_something_after_a_change_is_an_impact() -> None:
    text = "On 3 May the Acme login page was changed, so customers could not sign in for an hour."
    assert _impact(text) is not None


TABLE_TIMELINE = """# Missing reports

## Timeline

| Time | Event |
|---|---|
| 02:30 | The nightly export job does not start. |
| 06:05 | Support reports empty dashboards for the Lyon office. |
| 06:20 | {fix} |
| 07:40 | Dashboards confirmed complete for all offices. Incident closed. |
"""


def test_a_job_run_by_hand_before_the_recovery_says_how_it_ended() -> None:
    doc = doc_of(TABLE_TIMELINE.format(fix="Nightly export triggered manually for Lyon."))
    found = timeline(doc)["resolution"]
    assert found is not None and "triggered manually" in found["quote"]


def test_a_recovery_after_an_entry_that_changes_nothing_is_no_resolution() -> None:
    doc = doc_of(TABLE_TIMELINE.format(fix="The team looks at the dashboards."))
    assert timeline(doc)["resolution"] is None
