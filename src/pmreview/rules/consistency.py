"""Consistency rules: the summary and the timeline tell the same story about when."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from ..models import Document, Hit, TimeRef
from ..text.dates import parse_date
from ..text.span import summary_span
from ..text.stated import Stated
from ..text.times import DATE_RE, has_date
from . import Option, Rule
from .consistency_duration import HEDGE, check_duration
from .timeline_match import gap, in_zone, reference_entry, timeline_times
from .timeline_recovery import recovery_after
from .timeline_zone import governing_zone

# A first entry that reports the outage being noticed: it may well come after the start.
_DETECTION = re.compile(
    r"\b(?:alert\w*|alarm\w*|detect\w*|notic\w*|report\w*|complain\w*|page[ds]?|paging|"
    r"monitor\w*|flagged|spotted|observed|discovered)\b",
    re.I,
)
_DETECTION_LAG = 60  # minutes an outage may go unnoticed before the first entry


def _hit(t: TimeRef, message: str, question: str, suggestion: str) -> Hit:
    return Hit(
        t.line,
        t.column,
        t.line,
        t.column + len(t.raw),
        message,
        quote=t.raw,
        question=question,
        suggestion=suggestion,
    )


def _compare(
    doc: Document, stated: Stated | None, which: str, options: Mapping[str, Any]
) -> Iterator[Hit]:
    t = in_zone(stated, governing_zone(doc)) if stated is not None else None
    day = _day_of(doc, stated) if stated is not None else None
    entry = reference_entry(doc, t, which, day) if t is not None else None
    if t is None or entry is None or entry.time is None:
        return
    tolerance = _tolerance(doc, t, options)
    near = [gap(t, x) for x in timeline_times(doc)]
    if any(d is not None and abs(d) <= tolerance for d in near) or _written_in_timeline(doc, t):
        return
    d = gap(t, entry.time)
    if (
        which == "start"
        and d is not None
        and 0 < d <= _DETECTION_LAG
        and _DETECTION.search(entry.block.text)
    ):
        return  # the outage began unobserved and the timeline starts when it was noticed
    verb, pos = ("started", "first") if which == "start" else ("ended", "last")
    yield _hit(
        t,
        f"The summary says the outage {verb} at {t.raw} (line {t.line}), but the timeline's {pos} "
        f"entry is at {entry.time.raw} (line {entry.line}) and no entry is at {t.raw}.",
        f"Did the outage {'start' if which == 'start' else 'end'} at {t.raw} or at "
        f"{entry.time.raw}? If the timeline leaves that moment out, what happened at {t.raw}?",
        f"TODO: make the summary's {which} time and the timeline agree (correct one of them, "
        f"or add a timeline entry at {t.raw} saying what happened then).",
    )


def _tolerance(doc: Document, t: TimeRef, options: Mapping[str, Any]) -> int:
    """Minutes a timeline time may be from the stated one (doubled after "about")."""
    tolerance: int = options["tolerance_minutes"]
    line = doc.source.lines[t.line - 1]
    return tolerance * 2 if HEDGE.search(line[: t.column - 1]) else tolerance


def _before_recovery(doc: Document, stated: Stated, options: Mapping[str, Any]) -> Iterator[Hit]:
    """A stated end earlier than the timeline's first report of the service back."""
    t = in_zone(stated, governing_zone(doc))
    if t is None or _written_in_timeline(doc, t):
        return
    back = recovery_after(doc, t, _day_of(doc, stated), _tolerance(doc, t, options))
    if back is None or back.time is None:
        return
    yield _hit(
        t,
        f"The summary says the outage ended at {t.raw} (line {t.line}), but the timeline has "
        f"the service back only at {back.time.raw} (line {back.line}).",
        f"Did the outage end at {t.raw} or at {back.time.raw}? What happened at {t.raw}?",
        "TODO: make the summary's end time and the timeline agree (correct one of them, or "
        f"say in the timeline what happened at {t.raw}).",
    )


def _day_of(doc: Document, stated: Stated) -> date | None:
    """The stated time's date: written next to it, else the last date earlier in its
    sentence ("On 3 May 2024 between 14:00 and 15:10")."""
    if stated.date is not None:
        return stated.date
    t = stated.time
    clause = re.split(r"[.;!?]\s", doc.source.lines[t.line - 1][: t.column - 1])[-1]
    found = [m.group(0) for m in DATE_RE.finditer(clause)] if has_date(clause) else []
    return parse_date(found[-1]) if found else None


def _written_in_timeline(doc: Document, t: TimeRef) -> bool:
    """Whether the stated time is written word for word in the timeline, where the times
    were not read ("10.12:30 PM: Service restored", a list number run into the time)."""
    pattern = re.compile(rf"(?<![\d:]){re.escape(t.raw)}(?!\d|:\d)")
    return any(pattern.search(b.text) for sec in doc.of_kind("timeline") for b in sec.blocks)


def check_start(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    yield from _compare(doc, summary_span(doc).start, "start", options)


def check_end(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    stated = summary_span(doc).end
    found = list(_compare(doc, stated, "end", options))
    yield from found
    if not found and stated is not None:
        yield from _before_recovery(doc, stated, options)


_EDGE_TOLERANCE = Option(
    "tolerance_minutes",
    "integer",
    5,
    'How many minutes a timeline time may be from the stated one (doubled after "about").',
)

RULES: list[Rule] = [
    Rule(
        id="PM401",
        name="summary-start-mismatch",
        category="consistency",
        severity="warning",
        summary="The summary's start time differs from the timeline's first event.",
        what="Compares the time the summary gives for the start of the outage with the first "
        'entry of the timeline, in the same timezone ("01:00 local time (22:00 GMT)" is '
        "read in the timeline's zone). A first entry that is the change which set things "
        "off (a deploy, a config push) before the stated start is passed over, and so is a "
        "first entry that reports the outage being noticed within an hour after the stated "
        "start; when the summary dates the start, entries dated another day are passed "
        "over. Times that are not the outage's (a schedule such as \"supposed to run at 2 "
        "AM\", an example, a quotation, a maintenance window's range, business hours or "
        "a device's schedule \"from 06:00 to 22:00\", a change's row in a fact sheet) are "
        "not read as its "
        "start. Reports when no timeline time is within `tolerance_minutes` (default 5) of "
        "the stated start.",
        why="Executives read the summary and engineers read the timeline; when the two disagree "
        "nobody knows how long users were affected. Time to detect and time to mitigate, "
        "the figures the next incident is compared by, are computed from exactly these "
        "times.",
        example="Summary: The API was down from 01:00 to 02:10 UTC.\n"
        "Timeline:\n- 01:20 UTC: Alert fired for 5xx rate on api-gateway.",
        instead="Summary: The API was down from 01:00 to 02:10 UTC.\n"
        "Timeline:\n- 01:00 UTC: Deploy 4.2 of api-gateway started; 5xx rate rose.\n"
        "- 01:20 UTC: Alert fired for 5xx rate on api-gateway.",
        cites=("sre-book", "sre-example"),
        check=check_start,
        options=(_EDGE_TOLERANCE,),
    ),
    Rule(
        id="PM402",
        name="summary-end-mismatch",
        category="consistency",
        severity="warning",
        summary="The summary's end or restoration time differs from the timeline's last event.",
        what='Compares the time the summary gives for the end of the outage ("restored at", '
        '"from … to …") with the last entry of the timeline; trailing entries about '
        "monitoring or the postmortem itself, and entries dated after the stated end's day, "
        "are passed over. Reports when they differ by more than `tolerance_minutes` "
        "(default 5) and the stated time is not written in the timeline. Also reports a stated "
        "end earlier than the timeline's first entry that has the service back (\"15:02 – the "
        'site loads again"), unless an entry near the stated end tells of a fix.',
        why="The end time decides the stated duration and the time to recover. A timeline that "
        "ends earlier or later than the summary leaves the reader unsure when users were "
        "served again (PagerDuty's postmortem template asks for exact numbers and the "
        "key times of the impact).",
        example="Summary: … restored at 11:00 AM PT.\nTimeline:\n"
        "- 9:10 AM: Fix deployed; error rate back to normal.",
        instead="Summary: … restored at 9:10 AM PT.\nTimeline:\n"
        "- 9:10 AM: Fix deployed; error rate back to normal.",
        cites=("pagerduty", "sre-example"),
        check=check_end,
        options=(_EDGE_TOLERANCE,),
    ),
    Rule(
        id="PM403",
        name="duration-mismatch",
        category="consistency",
        severity="warning",
        summary="A duration stated in the summary does not match its start and end times.",
        what='Finds the outage length the summary states ("lasted 3 hours", "Duration: 45 '
        'minutes"; not the length of other things: "a maintenance window of 4 hours", '
        '"kept for 30 days", "every 5 minutes", "a 4-hour SLA", a timeout, "failing for the '
        "past 30 days\") and compares it with the span from the summary's start to its end "
        'time, over the days their dates span ("02:00 on Monday 3 March until 16:40 on '
        'Thursday 6 March" is 3 d 14 h 40 min). Reports a difference above 10 minutes or '
        '10% (doubled for "about", '
        '"approximately"), unless the length is the span between two other times the summary '
        'states ("slow from 14:05, down from 15:20 to 16:50, degraded for 2 h 45 min in all"), '
        "or the summary also states a length that matches and this one is more than three "
        'times longer or shorter (the length of something else: "renewal had been failing '
        'for 21 days", "a median delay of 19 minutes"); options `tolerance_minutes` and '
        "`tolerance_percent`.",
        why="Duration is the first number a reader takes from a postmortem and the one that "
        "is compared across incidents; two different figures in the same summary make "
        "both untrustworthy.",
        example="The outage lasted 3 hours, from 10:00 AM to 2:00 PM UTC.",
        instead="The outage lasted 4 hours, from 10:00 AM to 2:00 PM UTC.",
        cites=("requirements", "pagerduty"),
        check=check_duration,
        options=(
            Option(
                "tolerance_minutes",
                "integer",
                10,
                'The difference in minutes always accepted (doubled after "about").',
            ),
            Option(
                "tolerance_percent",
                "number",
                10.0,
                "The difference, in percent of the stated duration, accepted when larger "
                '(doubled after "about").',
            ),
        ),
    ),
]
