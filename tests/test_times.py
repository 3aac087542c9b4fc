"""Times and zones: the fast paths in text/times.py find exactly what the plain regex calls
they replace find; the zone table (data/zones.toml) gives both the zones and their offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmreview.text.dates import _after_time
from pmreview.text.entry_times import leading_time
from pmreview.text.times import (
    DATE_RE,
    TIME_RE,
    _zone_ending,
    find_times,
    time_matches,
    without_dates_and_times,
    zone_after,
)
from pmreview.text.zones import (
    OFFSETS,
    ZONE,
    ZONE_AT_START,
    ZONE_STATEMENT,
    search_zone_statement,
    zone_offset,
)

PIECES = st.sampled_from(
    [
        "10:30",
        "1:15 PM",
        "3pm",
        "12.30 a.m.",
        "0300hrs",
        "1400 UTC",
        "2024-03-05T10:00Z",
        "2024-03-05 10:00:00+01:00",
        "10h30",
        "24:00",
        "99:99",
        "123",
        "1.2.3",
        "٣:٤٥",  # Arabic-Indic digits are \d too
        ":",
        ".",
        "/",
        ",",
        " ",
        "\t",
        "(",
        ")",
        "UTC",
        "GMT+1",
        " (UTC+05:30)",
        " in GMT",
        "Pacific Time",
        "Eastern",
        "US Eastern",
        "10:00UTC",
        "on ",
        "_",
        "America/New_York",
        "All times in ",
        "all in ",
        "ALL TIMES ARE ",
        "Timeline (",
        "timeline ",
        "time zone: ",
        "TimeZone ",
        "runtime",
        "small",
        "tİme",
        "tıme",
        "İ",
        "ı",
        "\u212a",
        "x",
        "T",
        "the",
        "\n",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=25).map("".join)
FAST = settings(
    max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@FAST
@given(TEXTS)
def test_time_matches_is_finditer(text: str) -> None:
    fast = [(m.span(), m.groupdict()) for m in time_matches(text)]
    assert fast == [(m.span(), m.groupdict()) for m in TIME_RE.finditer(text)]


def test_time_matches_finds_an_iso_time_inside_a_run_of_digits() -> None:
    text = "x12024-03-05 10:00, 1.2024-03-05T10:00Z 7:3 12:34:56 9:30pm"
    fast = [m.group(0) for m in time_matches(text)]
    assert fast == [m.group(0) for m in TIME_RE.finditer(text)]
    assert fast == ["2024-03-05 10:00", "2024-03-05T10:00Z", "12:34:56", "9:30pm"]


DATE_PIECES = st.sampled_from(
    [
        "March 5",
        "MAR 5th, 2024",
        "5 of june",
        "Monday, Jan 3",
        "\u017fep 4",
        "SEPT. 30",
        "2024-03-05",
    ]
    + ["12/05/2024", "1.2.24", "Sunday ", "\u017f", "\u212a", "nov", "3rd", " ", ", ", "\n"]
)
DATED = st.lists(st.one_of(PIECES, DATE_PIECES, st.text(max_size=3)), max_size=20).map("".join)


@FAST
@given(DATED)
def test_without_dates_and_times_is_the_two_subs(text: str) -> None:
    plain = TIME_RE.sub(" ", DATE_RE.sub(" ", text))
    assert without_dates_and_times.__wrapped__(text) == plain


@FAST
@given(TEXTS)
def test_search_zone_statement_is_search(text: str) -> None:
    fast, plain = search_zone_statement(text), ZONE_STATEMENT.compiled.search(text)
    assert (fast and (fast.span(), fast.group("tz"))) == (
        plain and (plain.span(), plain.group("tz"))
    )


# What text/times.py and text/dates.py find with ZONE_RE instead of compiling ZONE into these.
_AFTER = re.compile(rf"\s?\(?\s?(?:in\s+)?(?P<tz>{ZONE})")
_BEFORE = re.compile(rf"(?P<tz>{ZONE})\s?$")
_GAP = r"[\s,)*_]"


@FAST
@given(TEXTS, st.data())
def test_zones_around_a_place_are_the_whole_patterns_matches(
    text: str, data: st.DataObject
) -> None:
    end = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, end))
    after, plain = zone_after(text, end), _AFTER.match(text, end)
    assert (after and after.span()) == (plain and plain.span("tz"))
    before = _BEFORE.search(text, lo, end)
    assert _zone_ending(text, lo, end) == (before and before.span("tz"))
    rest = text[end:]  # a zone right at the start of the copy needs no boundary before it
    zone = ZONE if re.match(_GAP, rest) else ZONE_AT_START
    copy = re.compile(rf"{_GAP}*(?:\(?{zone}\)?)?{_GAP}*(?:on\s+)?").match(rest)
    assert copy is not None and _after_time(text, end) == end + copy.end()


def test_every_abbreviation_starts_with_a_capital() -> None:
    """Where a zone can start ([A-Z+-]) is what text/times.py, text/dates.py and
    rules/timeline_zone.py rely on."""
    assert all("A" <= a[0] <= "Z" for a in OFFSETS)


def test_zone_statement_in_any_case_and_with_dotless_i() -> None:
    assert search_zone_statement("ALL TIMES IN PDT.") is not None
    m = search_zone_statement("Note: tıme zone: UTC")  # re.I matches ı to i
    assert m is not None and m.group("tz") == "UTC"
    assert search_zone_statement("the runtime was slow") is None


@pytest.mark.parametrize(
    ("written", "minutes"),
    [
        ("PT", -480),
        ("ET", -300),
        ("CT", -360),
        ("MT", -420),
        ("PDT", -420),
        ("Pacific Time", -480),
        ("Pacific Daylight Time", -420),
        ("US Eastern", -300),
        ("Central European Summer Time", 120),
        ("Central Africa Time", 120),
        ("UTC+5:30", 330),
        ("GMT -03:00", -180),
        ("America/New_York", None),  # its offset depends on the date
        ("local time", None),
    ],
)
def test_zone_offsets(written: str, minutes: int | None) -> None:
    assert zone_offset(written) == minutes


def test_every_zone_of_the_table_is_recognised_in_text() -> None:
    for abbreviation in OFFSETS:
        found = list(find_times(f"at 10:30 {abbreviation} the alert fired"))
        assert [t.tz for t in found] == [abbreviation]


@pytest.mark.parametrize(
    ("entry", "raw", "minutes", "tz"),
    [
        ("- 15.25 PST - the alert fired", "15.25", 925, "PST"),
        ("* 09.40 – the deploy was rolled back", "09.40", 580, None),
        ("- 2.14 - the release went out", None, None, None),  # a version, no zone, no time
        ("- 15.25 percent of requests failed", None, None, None),
    ],
)
def test_an_entry_may_start_with_a_time_written_with_a_dot(
    entry: str, raw: str | None, minutes: int | None, tz: str | None
) -> None:
    t = leading_time(entry)
    assert (t and (t.raw, t.minutes, t.tz)) == (raw and (raw, minutes, tz))


@pytest.mark.parametrize(
    ("entry", "raw"),
    [
        ("- **Tuesday, 10:15 AM WAT** — the job was restarted", "10:15 AM"),
        ("- Thu 09:40 - alert fired", "09:40"),
        ("- Friday, 3 May 2024, 18:05 - rollback done", "18:05"),
        ("- **Friday evening** — a user noticed", None),  # a day with no clock time
        ("- Saturated 10:00 queues", None),  # not a weekday
    ],
)
def test_an_entry_may_start_with_a_weekday_and_a_time(entry: str, raw: str | None) -> None:
    t = leading_time(entry)
    assert (t.raw if t else None) == raw


def test_a_range_of_two_times_may_end_at_an_approximate_time() -> None:
    """A range "from 09:40 to ~12:52" is one as "from 09:40 to about 12:52" is: the summary
    that says it says how long; two times told apart are not."""
    from pmreview.rules.vague_document import _lasts

    assert _lasts("from 09:40 to ~12:52") and _lasts("13:30 wat until around 15:15 wat")
    assert not _lasts("paged at 09:40, closed the ticket at 12:52")


@pytest.mark.parametrize(
    ("text", "hour", "zone"),
    [
        ("11:26-am-GMT until 12:45-pm-GMT", 11, "GMT"),
        ("from 9:15-pm-WAT the api failed", 21, "WAT"),
        ("10:30-UTC - the alert fired", 10, "UTC"),
        ("at 10:30-pm the site fell over", 22, None),
    ],
)
def test_a_time_tied_to_its_meridiem_and_zone_by_hyphens(
    text: str, hour: int, zone: str | None
) -> None:
    t = next(find_times(text))
    assert (t.hour, t.tz) == (hour, zone)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("10:00-10:40 UTC the api failed", None),  # the range's end holds the zone
        ("10:30-Deploy started", None),
        ("10:30 - PM team paged", None),
        ("2024-05-01T10:30:00-05:00 logged", "-05:00"),
    ],
)
def test_a_hyphen_after_a_time_that_ties_no_zone(text: str, zone: str | None) -> None:
    t = next(find_times(text))
    assert t.tz == zone and t.hour == 10
