"""The HTML report's timeline: the document's timed events on a time axis, as inline SVG."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..models import DocumentReview, TimelineEntry
from ..text.lexicon import lexicon

WIDTH, LEFT, RIGHT = 1000, 24, 24
FLAG_Y, GRID_Y, AXIS_Y, LANE_Y, LANE_H = 16, 40, 52, 84, 38
CHAR_W = 6.3  # average width of a 11.5px sans-serif character, for laying labels out
LABEL_CHARS = 38
MAX_LANES = 8  # beyond this, an event is a dot with a tooltip: the page stays readable


@dataclass(frozen=True)
class Event:
    minutes: int  # since midnight of the first day of the timeline
    time: str  # as written
    text: str  # what happened, on one line
    line: int
    kind: str = ""  # "detection", "resolution" or ""
    zone: str | None = None
    unordered: bool = False  # earlier than the entry before it


def _entries(d: DocumentReview) -> tuple[list[TimelineEntry], str | None]:
    """The document's timeline entries, and its document-wide timezone ("All times in UTC"),
    from the Document the review keeps."""
    doc = d.document
    if doc is None:
        return [], None
    return doc.timeline, doc.zone_statement


_MARKUP = re.compile(r"[*_`|]+")
_LEAD = re.compile(r"^\s*(?:[-*+•>]|\d+[.)])?\s*")
_SEP = re.compile(r"^[\s\-–—:,.;|]+")  # noqa: RUF001


def _what(entry: TimelineEntry) -> str:
    b, t = entry.block, entry.time
    text = b.text
    if t is not None and t.line == b.line:
        at = t.column - b.column
        if text[at : at + len(t.raw)] == t.raw:
            rest = text[at + len(t.raw) :]
            if t.tz:  # "10:00 UTC", "10:00 (UTC)"
                rest = re.sub(rf"^\s*\(?{re.escape(t.tz)}\)?", "", rest, flags=re.I)
            text = text[:at] + " " + rest
    text = _MARKUP.sub(" ", " ".join(text.split()))
    return " ".join(_SEP.sub("", _LEAD.sub("", text)).split())


def _marked(d: DocumentReview, entries: list[TimelineEntry], check: str, last: bool) -> int | None:
    """The line of the entry that shows detection (or resolution): the check's own evidence
    line when it has one (LLM verdicts do), else the first (last) entry whose words say so.
    Nothing when the check failed."""
    c = d.checks.get(check)
    if c is not None and c.status == "fail":
        return None
    if c is not None and c.status == "pass" and c.line:
        for e in entries:
            if e.block.line <= c.line <= e.block.end_line:
                return e.line
    words = lexicon("resolved", "recovered") if last else lexicon("detection")
    hits = [e.line for e in entries if e.time is not None and words.search(e.block.lower)]
    return (hits[-1] if last else hits[0]) if hits else None


def events(d: DocumentReview) -> tuple[list[Event], int]:
    """The timed events in document order, and how many entries have no clock time."""
    entries, zone = _entries(d)
    detected = _marked(d, entries, "timeline.detection", last=False)
    resolved = _marked(d, entries, "timeline.resolution", last=True)
    out: list[Event] = []
    first_day: date | None = None
    day, previous = 0, None
    for e in entries:
        t = e.time
        if t is None or t.minutes is None:
            continue
        if t.date:
            try:
                this = date.fromisoformat(t.date)
            except ValueError:
                this = None
            if this is not None:
                first_day = first_day or this
                day = (this - first_day).days
        elif previous is not None and t.minutes < previous - 12 * 60:
            day += 1  # past midnight
        previous = t.minutes
        at = day * 1440 + t.minutes
        kind = "detection" if e.line == detected else "resolution" if e.line == resolved else ""
        unordered = bool(out) and at < out[-1].minutes
        out.append(Event(at, t.raw, _what(e), e.line, kind, t.tz or zone, unordered))
    return out, sum(e.time is None for e in entries)


def _clock(minutes: int) -> str:
    day, m = divmod(minutes, 1440)
    return f"{m // 60:02d}:{m % 60:02d}" + (f" +{day}d" if day else "")


def duration(minutes: int) -> str:
    h, m = divmod(abs(minutes), 60)
    return " ".join(p for p in (f"{h} h" if h else "", f"{m} min" if m or not h else "") if p)


def _grid(lo: int, hi: int) -> int:
    span = hi - lo
    for step in (5, 10, 15, 30, 60, 120, 180, 360, 720, 1440):
        if span / step <= 10:
            return step
    return 1440 * max(1, span // (1440 * 10))


def svg(evs: list[Event], doc_id: str) -> str:
    """The axis: hour grid, a dot per event (labels laid out in lanes below), the detection
    and resolution flags and the span between them."""
    lo, hi = min(e.minutes for e in evs), max(e.minutes for e in evs)
    if hi == lo:
        lo, hi = lo - 30, hi + 30
    scale = (WIDTH - LEFT - RIGHT) / (hi - lo)

    def x(m: int) -> float:
        return round(LEFT + (m - lo) * scale, 1)

    parts: list[str] = []
    step = _grid(lo, hi)
    for m in range(-(-lo // step) * step, hi + 1, step):
        parts.append(
            f'<line class="grid" x1="{x(m)}" y1="{GRID_Y + 4}" x2="{x(m)}" y2="{AXIS_Y + 6}"/>'
            f'<text class="gridlabel" x="{x(m)}" y="{GRID_Y}">{_clock(m)}</text>'
        )
    parts.append(
        f'<line class="axis" x1="{LEFT}" y1="{AXIS_Y}" x2="{WIDTH - RIGHT}" y2="{AXIS_Y}"/>'
    )
    parts.append(_span(evs, x))
    lanes: list[float] = []
    for e in evs:
        parts.append(_event(e, x(e.minutes), lanes, doc_id))
    parts.append(_flags(evs, x))
    height = LANE_Y + max(1, len(lanes)) * LANE_H
    label = f"Timeline of {len(evs)} timed event{'' if len(evs) == 1 else 's'}"
    return (
        f'<svg class="axis-svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{label}">{"".join(parts)}</svg>'
    )


def _span(evs: list[Event], x: Callable[[int], float]) -> str:
    """A band on the axis from detection to resolution."""
    flagged = {e.kind: e for e in evs if e.kind}
    if "detection" not in flagged or "resolution" not in flagged:
        return ""
    a, b = flagged["detection"], flagged["resolution"]
    return (
        f'<rect class="span" x="{min(x(a.minutes), x(b.minutes))}" y="{AXIS_Y - 5}" '
        f'width="{abs(x(b.minutes) - x(a.minutes))}" height="10" rx="5">'
        f"<title>{duration(b.minutes - a.minutes)} from detection to resolution</title></rect>"
    )


def _flags(evs: list[Event], x: Callable[[int], float]) -> str:
    """A flag above the axis at detection and at resolution."""
    out = []
    flagged = {e.kind: e for e in evs if e.kind}
    for kind, word in (("detection", "detected"), ("resolution", "resolved")):
        if kind in flagged:
            e = flagged[kind]
            anchor = "end" if x(e.minutes) > WIDTH * 0.8 else "start"
            out.append(
                f'<g class="flag {kind}"><path d="M{x(e.minutes)} {AXIS_Y - 7} l-5 -8 h10 z"/>'
                f'<text x="{x(e.minutes)}" y="{FLAG_Y}" text-anchor="{anchor}">'
                f"{word} {html.escape(e.time)}</text></g>"
            )
    return "".join(out)


def _event(e: Event, cx: float, lanes: list[float], doc_id: str) -> str:
    """One event: its dot on the axis, a leader down to its label in the first free lane."""
    stamp = e.time + (" ⚠ out of order" if e.unordered else "")
    short = e.text if len(e.text) <= LABEL_CHARS else e.text[: LABEL_CHARS - 1].rstrip() + "…"
    width = max(len(stamp), len(short)) * CHAR_W + 10
    anchor = "start" if cx + width <= WIDTH else "end"
    left = cx if anchor == "start" else cx - width
    lane = next((n for n, end in enumerate(lanes) if end < left - 6), None)
    if lane is None and len(lanes) < MAX_LANES:
        lanes.append(0.0)
        lane = len(lanes) - 1
    cls = " ".join(c for c in ("event", e.kind, "unordered" if e.unordered else "") if c)
    note = " (earlier than the entry before it)" if e.unordered else ""
    head = (
        f'<a href="#{doc_id}-L{e.line}"><g class="{cls}">'
        f"<title>{html.escape(e.time)} (line {e.line}){note}: {html.escape(e.text)}</title>"
    )
    dot = f'<circle cx="{cx}" cy="{AXIS_Y}" r="5.5"/>'
    if lane is None:  # no room for its label
        return f"{head}{dot}</g></a>"
    lanes[lane] = left + width
    y = LANE_Y + lane * LANE_H
    dx = 4 if anchor == "start" else -4
    return (
        head + f'<line class="leader" x1="{cx}" y1="{AXIS_Y}" x2="{cx}" y2="{y + 14}"/>{dot}'
        f'<text class="time" x="{cx + dx}" y="{y}" text-anchor="{anchor}">'
        f"{html.escape(stamp)}</text>"
        f'<text class="what" x="{cx + dx}" y="{y + 15}" text-anchor="{anchor}">'
        f"{html.escape(short)}</text></g></a>"
    )
