"""The timeline entries and their times, every time written in the blocks, the stated zone."""

from __future__ import annotations

import re

from ..models import Block, Section, Source, TimelineEntry, TimeRef
from ..text.times import find_times, leading_time, search_zone_statement

_CODE_SPAN = re.compile(r"`[^`\n]*`")
_DIGIT = re.compile(r"\d")


def timeline_entries(sections: list[Section]) -> list[TimelineEntry]:
    secs = [s for s in sections if s.has("timeline")]
    if not secs:
        secs = [s for s in sections if _looks_like_timeline(s)]
        for s in secs:
            s.kinds = s.kinds | {"timeline"}
    entries: list[TimelineEntry] = []
    for sec in secs:
        items = [b for b in sec.blocks if b.kind == "item"]
        top = min((b.depth for b in items), default=0)
        timed_top = [b for b in items if b.depth == top and _entry_time(b)]
        use_depth = (
            top
            if timed_top or not items
            else min((b.depth for b in items if _entry_time(b)), default=top)
        )
        for b in sec.blocks:
            if b.kind == "item" and b.depth == use_depth:
                entries.append(TimelineEntry(b, _entry_time(b), True))
            elif b.kind in ("paragraph", "row"):
                for n, text in enumerate(b.text.split("\n")):
                    cells = _strip_cells(text)
                    t = leading_time(cells)
                    if t is not None:
                        line_block = Block(b.kind, b.line + n, b.line + n, text)
                        at = _at(t, b.line + n, text, len(text) - len(cells))
                        entries.append(TimelineEntry(line_block, at, False))
    return entries


def _strip_cells(text: str) -> str:
    return text.lstrip(" |")


_ITEM_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")


def _entry_time(b: Block) -> TimeRef | None:
    first = b.text.split("\n", 1)[0]
    body = _ITEM_MARKER.sub("", first)
    t = leading_time(body)
    return _at(t, b.line, first, len(first) - len(body)) if t else None


def _at(t: TimeRef | None, line: int, text: str, shift: int = 0) -> TimeRef | None:
    if t is None:
        return None
    return TimeRef(t.raw, line, t.column + shift, t.hour, t.minute, t.tz, t.date, t.clock)


def _looks_like_timeline(sec: Section) -> bool:
    if sec.style == "opening" and not sec.blocks:
        return False
    items = [b for b in sec.blocks if b.kind in ("item", "row")]
    timed = [b for b in items if _entry_time(b) or leading_time(_strip_cells(b.text))]
    return len(timed) >= 3 and len(timed) >= 0.6 * max(len(items), 1)


def times_in(blocks: list[Block]) -> list[TimeRef]:
    out: list[TimeRef] = []
    for b in blocks:
        if not _DIGIT.search(b.text):
            continue  # every time holds a digit (most blocks have none)
        for n, text in enumerate(b.text.split("\n")):
            clean = _CODE_SPAN.sub(_spaces, text) if "`" in text else text
            col = b.column if n == 0 else 1
            out.extend(find_times(clean, b.line + n, col))
    return out


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def zone_statement(source: Source, sections: list[Section]) -> str | None:
    """A document-wide zone: "All times in PDT", "Timeline (UTC)" (in code spans: no)."""
    for sec in sections:
        m = search_zone_statement(sec.title) if sec.has("timeline") else None
        if m:
            return m.group("tz")
    text = "\n\n".join(b.text for sec in sections for b in sec.blocks)
    m = search_zone_statement(_CODE_SPAN.sub("", text))
    return m.group("tz") if m else None


def find_times_in(text: str) -> list[TimeRef]:
    return [t for n, line in enumerate(text.split("\n")) for t in find_times(line, n + 1)]
