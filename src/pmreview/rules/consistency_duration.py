"""PM403: the outage length the summary states against the span of its start and end times."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..models import Document, Hit
from ..text.joins import range_join
from ..text.span import outage_times, stated_times, summary_span
from ..text.stated import Stated, minutes_between
from ..text.stated_durations import Duration, length_of_other_thing

# hedge words right before a stated time or length: its tolerance doubles
HEDGE = re.compile(
    r"(?:approx\w*|about|around|roughly|nearly|almost|just (?:over|under)|"
    r"over|under|~|at least|some)\s*$",
    re.I,
)


# a duration labelled as a stage of the response ("Time to detect: 12 min", "TTR: 3 h"); the
# stages that end before the outage does (detect, acknowledge, mitigate, repair …)
_STAGE = re.compile(
    r"\b(?:time[\s-]+to[\s-]+\w+|mtt\w|tt\w)\b[^.;\n]{0,30}$",
    re.I,
)
_PART = re.compile(
    r"\b(?:time[\s-]+to[\s-]+(?:detect|acknowledg|ack|respond|engag|triag|escalat|repair|mitigat"
    r"|fix|identif|diagnos)|mtt[adm]|tt[adm])",
    re.I,
)


def _comparable(doc: Document, durations: Sequence[Duration]) -> list[Duration]:
    """The stated durations the summary's start-to-end span measures. A fact sheet that labels
    a stage of the response (time to detect, to mitigate, to repair) ends some stage before
    the outage does, and which one the summary's end is cannot be told: none of its stage
    figures is compared then."""
    durations = [d for d in durations if not _told_of_other(doc, d)]
    stages = [_STAGE.search(_before(doc, d)) for d in durations]
    if not any(m and _PART.match(m.group(0)) for m in stages):
        return list(durations)
    return [d for d, m in zip(durations, stages, strict=True) if m is None]


def _told_of_other(doc: Document, d: Duration) -> bool:
    """A length cued by "for" alone whose clause tells of something other than the outage
    ("the hashtag trended for two hours", "each click spun for a minute")."""
    line = doc.source.lines[d.line - 1]
    return length_of_other_thing(line, d.column - 1, d.minutes)


def _before(doc: Document, d: Duration) -> str:
    return doc.source.lines[d.line - 1][: d.column - 1]


def _say(minutes: int) -> str:
    d, rest = divmod(minutes, 1440)
    if d:
        return f"{d} d {_say(rest)}" if rest else f"{d} d"
    h, m = divmod(minutes, 60)
    if h and m:
        return f"{h} h {m} min"
    return f"{h} h" if h else f"{m} min"


def check_duration(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    span = summary_span(doc)
    if span.start is None or span.end is None:
        return
    actual = minutes_between(span.start, span.end)
    if actual is None or actual <= 0:
        return
    durations = _comparable(doc, span.durations)
    agreed = any(_agrees(doc, d, actual, options) for d in durations)
    for d in durations:
        allowed = _allowed(doc, d, options)
        if (
            abs(actual - d.minutes) <= allowed
            or _spans_other_times(doc, (span.start, span.end), d.minutes, allowed)
            or _length_of_a_range(doc, d.minutes, allowed)
        ):
            continue
        if agreed and not 1 / _OTHER_SCALE < d.minutes / actual < _OTHER_SCALE:
            continue  # the outage's length is stated too: this is the length of something else
        s, e = span.start.time, span.end.time
        yield Hit(
            d.line,
            d.column,
            d.line,
            d.column + len(d.raw),
            f"The summary says the outage lasted {d.raw}, but from {s.raw} (line {s.line}) to "
            f"{e.raw} (line {e.line}) is {_say(actual)}.",
            quote=d.raw,
            question=f"Which is right: {d.raw}, or {s.raw} to {e.raw}?",
            suggestion="TODO: correct the duration or the start and end times so that they agree.",
        )


# A length this many times longer or shorter than the outage's, in a summary that states the
# outage's length as well, measures something else ("renewal had been failing for 30 days",
# "a median delay of 19 minutes" beside "from 09:47 to 11:09 (1 h 22 min)").
_OTHER_SCALE = 3


def _allowed(doc: Document, d: Duration, options: Mapping[str, Any]) -> int:
    """Minutes a stated duration may differ from the span (doubled after "about")."""
    hedged = bool(HEDGE.search(_before(doc, d)))
    share = options["tolerance_percent"] / 100 * (2 if hedged else 1)
    least: int = options["tolerance_minutes"]
    return max(least, int(share * d.minutes))


def _agrees(doc: Document, d: Duration, actual: int, options: Mapping[str, Any]) -> bool:
    return abs(actual - d.minutes) <= _allowed(doc, d, options)


def _spans_other_times(
    doc: Document, span: tuple[Stated, Stated], minutes: int, allowed: int
) -> bool:
    """Whether a stated duration is the span between the summary's start or end and another
    time it tells of the outage: "slow from 14:05, down from 15:20 until 16:50 … degraded for
    2 hours 45 minutes" counts from the slowdown, not a contradiction; a time of something
    else ("the status page was updated at 13:00") excuses nothing."""
    ends = {_at(span[0]), _at(span[1])}
    times = [*span, *outage_times(doc)]
    times.sort(key=_at)
    for i, a in enumerate(times):
        for b in times[i + 1 :]:
            if _at(a) == _at(b) or not ends & {_at(a), _at(b)}:
                continue
            gap = minutes_between(a, b)
            if gap is not None and abs(gap - minutes) <= allowed:
                return True
    return False


def _at(stated: Stated) -> tuple[int, int]:
    return stated.time.line, stated.time.column


def _length_of_a_range(doc: Document, minutes: int, allowed: int) -> bool:
    """Whether a stated duration is the length of a range of times the summary writes, other
    than the one read as the span: "Between 02:00 and 02:14 the job deleted the rows. From
    02:14 to 11:52 (9 hours 38 minutes) clinics could not see them" states the outage's
    length beside the job's run."""
    times = stated_times(doc)
    for a, b in zip(times, times[1:], strict=False):
        x, y = a.all[-1], b.time
        if x.line != y.line:
            continue
        between = doc.source.lines[x.line - 1][x.column - 1 + len(x.raw) : y.column - 1]
        gap = minutes_between(a, b) if range_join().match(between) else None
        if gap is not None and abs(gap - minutes) <= allowed:
            return True
    return False
