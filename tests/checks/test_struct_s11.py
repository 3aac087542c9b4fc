"""Structural readings by family (examples written for these tests).

- A totality only inferred (every request failed, nobody could log in, anyone who tried got an
  error) is no share of users when the summary itself counts the people hit with a word of
  size ("most of our testers", "a handful of classmates"): the writer says it was not all of
  them and gives no number. A stated share stays one, and a word of size about people the
  failure did not meet changes nothing.
- A share of customers that are organisations named by their trade ("212 of our 1,950
  clinics"), not of things ("11,304 of the 38,920 packages").
- Clock times written in words ("ten past eight", "a quarter past nine in the evening",
  "twenty to twelve", "eleven o'clock"), with their zone; counts and ranges of numbers in
  words are not times ("ten to twelve people", "from five to ten").
"""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _facts(text: str) -> dict[str, object]:
    return dict(summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n")))


def _share(text: str) -> str | None:
    found = _facts(text)["affected_share"]
    return None if found is None else str(found["quote"])  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "From 19:10 UTC the API answered every request with a 502, so the app could not load."
        " The people it hit were a handful of classmates testing it for us.",
        "Starting at 23:40 WAT the booking API returned HTTP 500 on every write request."
        " Many users could not sign up or save anything.",
        "Between 14:00 and 14:38 UTC nobody could register for a workshop. Most people who"
        " tried during the lunch break got a 504 error.",
        "The quiz API was down from 09:02 to 10:19 UTC and nobody could submit a quiz."
        " Most of our beta testers were affected.",
        "The shop API returned 502 on every request for the evening. A bunch of people"
        " noticed and told us in the group chat.",
        "From 16:20 EAT anyone who tried to post a job got an error page. A lot of our"
        " students saw the error instead of the list.",
        "Every request to the gateway timed out from 08:00 to 08:40 UTC; several of our"
        " merchants were unable to take payments.",
    ],
)
def test_an_inferred_totality_with_a_vague_count_of_the_people_hit_is_no_share(
    text: str,
) -> None:
    assert _share(text) is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a stated share stays one, whatever else is said of some users
        (
            "From 10:00 to 10:40 UTC all users got HTTP 500 on login. Several customers"
            " complained on social media.",
            "all users",
        ),
        (
            "From 10:00 to 10:40 UTC 38% of users could not log in. Many users retried.",
            "38%",
        ),
        # a word of size about people the failure did not meet
        (
            "From 10:00 to 10:40 UTC nobody could log in. Many users rely on the portal for"
            " their coursework.",
            "nobody could",
        ),
        # a word of size about things, not people
        (
            "From 10:00 to 10:40 UTC every request to the API failed with a 502, and many"
            " jobs were retried later.",
            "every request",
        ),
        (
            "From 10:00 to 10:40 UTC nobody could log in, and several of our engineers were paged.",
            "nobody could",
        ),
    ],
)
def test_a_share_stays_with_a_word_of_size_about_something_else(text: str, quote: str) -> None:
    assert _share(text) == quote


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "From 02:14 to 11:52 UTC, 212 of our 1,950 clinics (10.9%) could not open their"
            " patients' history.",
            "212 of our 1,950",
        ),
        (
            "Between 09:00 and 09:45 UTC 31 of our 400 schools were unable to take the register.",
            "31 of our 400",
        ),
        ("From 12:00 to 12:30 UTC 14% of restaurants could not accept orders.", "14%"),
    ],
)
def test_a_share_of_customers_named_by_their_trade(text: str, quote: str) -> None:
    assert _share(text) == quote


def test_a_count_of_things_against_a_total_is_no_share() -> None:
    text = "From 10:00 to 11:00 UTC 11,304 of the 38,920 packages on the registry failed to build."
    assert _share(text) is None


def _time(found: object) -> str | None:
    return str(found["text"]) if isinstance(found, dict) else None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "On Monday morning, from ten past eight until twenty to twelve, many of you could"
            " not sign in to the portal.",
            "ten past eight",
            "twenty to twelve",
        ),
        (
            "At about a quarter past nine in the evening (WAT) the library app stopped"
            " answering; it was back at half past eleven.",
            "a quarter past nine in the evening (WAT)",
            "half past eleven",
        ),
        (
            "The site went down at eleven o'clock and was restored at ten to one.",
            "eleven o'clock",
            "ten to one",
        ),
        (
            "Checkout failed from five past two in the afternoon until a quarter to four.",
            "five past two in the afternoon",
            "a quarter to four",
        ),
    ],
)
def test_clock_times_written_in_words(text: str, start: str, end: str) -> None:
    facts = _facts(text)
    assert (_time(facts["start_time"]) or "").startswith(start.split(" (")[0])
    assert (_time(facts["end_time"]) or "").startswith(end)


def test_a_time_in_words_carries_its_zone() -> None:
    facts = _facts(
        "At a quarter past nine in the evening (West Africa Time) the app stopped answering."
    )
    found = facts["timezone"]
    assert isinstance(found, dict) and "West Africa" in str(found["timezone"])


@pytest.mark.parametrize(
    "text",
    [
        "The API was down on Monday; ten to twelve people wrote to support.",
        "Errors went from five to ten a minute on Monday morning.",
        "We spent ten past incidents' worth of effort on Monday.",
        "Between ten and twelve users could not log in on Monday.",
        "On Monday the site went down in the evening and was back later that night.",
    ],
)
def test_numbers_in_words_that_are_not_times(text: str) -> None:
    facts = _facts(text)
    assert facts["start_time"] is None and facts["end_time"] is None


def _record(fields: str) -> dict[str, object]:
    text = (
        f"# INC-812: checkout errors\n\n{fields}\n\n## Timeline\n\n- 10:14 alert\n- 11:02 fixed\n"
    )
    return dict(summary(doc_of(text)))


@pytest.mark.parametrize(
    ("fields", "start", "end"),
    [
        (
            "Status: Resolved\nSeverity: SEV2\nCreated: 2024-05-02 10:14:05 UTC\n"
            "Resolved: 2024-05-02 11:02:40 UTC\nDescription: Card payments failing at checkout.",
            "2024-05-02 10:14:05",
            "2024-05-02 11:02:40",
        ),
        (
            "Opened: 2024-05-02 10:14 UTC\nClosed: 2024-05-02 11:02 UTC\n"
            "Summary: Card payments failing at checkout.",
            "2024-05-02 10:14",
            "2024-05-02 11:02",
        ),
        (
            "Priority: P1\nCreated at: 10:14 UTC\nResolved at: 11:02 UTC\n"
            "Description: Customers getting errors at checkout.",
            "10:14",
            "11:02",
        ),
    ],
)
def test_an_incident_record_opened_and_closed_gives_the_span(
    fields: str, start: str, end: str
) -> None:
    facts = _record(fields)
    assert (_time(facts["start_time"]) or "").startswith(start)
    assert (_time(facts["end_time"]) or "").startswith(end)
    assert facts["duration"] is not None


def test_a_write_up_created_is_not_the_start() -> None:
    facts = _record(
        "Created: 2024-05-03 09:00 UTC\nAuthor: Sam Otieno\nLast updated: 2024-05-04 16:00 UTC\n"
        "Description: Card payments failing at checkout."
    )
    assert facts["start_time"] is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("SOC pages the identity on-call (R. Haddad) and the duty lead (J. Marchetti).", 1),
        ("Escalated to J. Marchetti and R. Haddad. They joined the bridge.", 2),
        ("Handed over to K. Osei, the database on-call.", 1),
        # a letter that ends a sentence stays its end
        ("We fell back to plan B. Then we waited for the queue to drain.", 2),
        ("We switched to plan B. Alerts stopped within a minute.", 2),
    ],
)
def test_a_name_s_initial_ends_no_sentence(text: str, count: int) -> None:
    from pmreview.models import Block
    from pmreview.text.sentences import sentences

    assert len(sentences(Block("paragraph", 1, 1, text))) == count


def _format(body: str, above: str = "") -> bool:
    from pmreview.pipeline import review_text

    text = (
        "# Quiz API outage\n\n## Summary\n\nThe quiz API was down from 14:02 to 15:19 UTC for"
        f" every user.\n\n## Timeline\n\n{above}{body}\n\n## Root cause\n\nThe disk filled up.\n"
    )
    return review_text(text).checks["timeline.format"].status == "pass"


_OFFSETS = (
    "- **T+0** — First 502 in the access log.\n- **T+6 min** — Uptime alert e-mailed.\n"
    "- **T+1 h 17 min** — Last 502; the API answers again.\n"
)


@pytest.mark.parametrize(
    "above",
    [
        "All offsets are from **T+0 = 14:02 UTC**, the first 502.\n\n",
        "T0 = 14:02 UTC (first 502 in the logs).\n\n",
        "Times are given as offsets; T+0 is 14:02 UTC.\n\n",
    ],
)
def test_offsets_from_a_stated_moment_are_entry_times(above: str) -> None:
    assert _format(_OFFSETS, above)


def test_offsets_from_no_stated_moment_are_no_times() -> None:
    assert not _format(_OFFSETS)
    assert not _format(
        "- Tuesday: first 502 seen.\n- Then we rolled back.\n- Later it recovered.\n"
    )


@pytest.mark.parametrize("indent", ["  ", "    "])
def test_a_deep_ladder_of_nested_items_does_not_end_the_document(indent: str) -> None:
    from pmreview.pipeline import review_text

    steps = ("**Why did it fail?**", "Because the step above broke.")
    ladder = "".join(f"{indent * i}- {steps[i % 2]}\n" for i in range(14))
    text = (
        "# Cart errors\n\n## Summary\n\nThe cart failed from 10:00 to 10:40 UTC for all users.\n\n"
        f"## Root cause analysis (5 whys)\n\n{ladder}\n## Timeline\n\n- 10:00 UTC deploy\n"
        "- 10:40 UTC rollback\n\n## Corrective and preventative measures\n\n"
        "- Check the host list in deploy.sh against haproxy.cfg.\n"
        "- Curl /version on every backend after a deploy.\n"
    )
    checks = review_text(text).checks
    assert checks["timeline.present"].status == "pass"
    assert checks["measures.present"].status == "pass"
    assert checks["measures.tasks"].status == "pass"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Looking Ahead", "measures"),
        ("Looking forward", "measures"),
        ("The road ahead", "measures"),
        ("What comes next", "measures"),
        ("What broke", "root_cause"),
        ("**what broke** 💥", "root_cause"),
        ("What actually failed", "root_cause"),
        ("Update history", "timeline"),
        ("Status update log", "timeline"),
    ],
)
def test_section_titles_by_what_they_mean(title: str, kind: str) -> None:
    from pmreview.parse.titles import kinds_of

    assert kind in kinds_of(title)


@pytest.mark.parametrize(
    "title", ["Looking back", "What broke for users", "What broke first", "History of the service"]
)
def test_titles_that_name_none_of_those_kinds(title: str) -> None:
    from pmreview.parse.titles import kinds_of

    assert not kinds_of(title) & {"measures", "root_cause", "timeline"}


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Between 14:00 and 14:38 UTC nobody could RSVP: the button spun for a minute and"
            " then showed a 504.",
            "14:00 and 14:38 UTC",
        ),
        (
            "From 6:02 AM to 8:41 AM Eastern the app would not load; each page took 30 seconds"
            " to time out.",
            "6:02 AM to 8:41 AM Eastern",
        ),
        # a stated length near the times' gap is the outage's own estimate
        (
            "At 09:15 UTC we deployed; the DNS record failed to resolve for 10-15 minutes, and by"
            " 09:40 UTC traffic was back to normal.",
            "15 minutes",
        ),
        # a length that the two times span stays the quote
        ("Checkout was down from 10:00 to 10:45 UTC (45 minutes).", "45 minutes"),
        ("Checkout was down for about 3 hours, from 10:00 to 12:50 UTC.", "3 hours"),
    ],
)
def test_the_duration_quoted_is_the_one_the_times_span(text: str, quote: str) -> None:
    found = _facts(text)["duration"]
    assert isinstance(found, dict) and str(found["quote"]).startswith(quote.split(" UTC")[0])


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Between 02:00 and 02:14 UTC the cleanup job ran. From 02:14 to 11:52 UTC (9 hours"
            " 38 minutes), 40 of our 300 clinics could not see their history.",
            "02:14",
            "11:52",
        ),
        (
            "Start of impact: 02:14 EAT. Service fully restored: 06:52 EAT. Total duration: 4"
            " hours 38 minutes. Support took 4,812 calls between 02:14 and 12:00.",
            "02:14",
            "06:52",
        ),
        # one range, or a range the length spans, stays the span
        ("Checkout failed between 10:00 and 10:45 UTC (45 minutes).", "10:00", "10:45"),
        (
            "Checkout failed from 10:00 to 10:45 UTC. Support answered calls from 10:05 to"
            " 13:00 UTC.",
            "10:00",
            "10:45",
        ),
    ],
)
def test_the_span_is_the_range_the_stated_length_spans(text: str, start: str, end: str) -> None:
    facts = _facts(text)
    assert (_time(facts["start_time"]) or "").startswith(start)
    assert (_time(facts["end_time"]) or "").startswith(end)
