"""The fast paths in times.py find exactly what the plain regex calls they replace find."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmreview.times import TIME_RE, ZONE_STATEMENT_RE, search_zone_statement, time_matches

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


@FAST
@given(TEXTS)
def test_search_zone_statement_is_search(text: str) -> None:
    fast, plain = search_zone_statement(text), ZONE_STATEMENT_RE.search(text)
    assert (fast and (fast.span(), fast.group("tz"))) == (
        plain and (plain.span(), plain.group("tz"))
    )


def test_zone_statement_in_any_case_and_with_dotless_i() -> None:
    assert search_zone_statement("ALL TIMES IN PDT.") is not None
    m = search_zone_statement("Note: tıme zone: UTC")  # re.I matches ı to i
    assert m is not None and m.group("tz") == "UTC"
    assert search_zone_statement("the runtime was slow") is None
