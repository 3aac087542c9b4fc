"""The timeline's facts: its entries and their form, and the sentences that show detection,
actions, a misleading path, an escalation and the resolution (checks/events.py reads the
timeline event by event; detection.py and ended.py find the entries that tell how it was
noticed and what ended the impact; story.py, told_to.py and theories.py read the whole
document)."""

from __future__ import annotations

import re

from ..models import Block, Document, Section, TimeRef
from ..parse.timeline import newest_first, zone_words
from ..parse.titles import kinds_of
from ..parse.views import lines_of, sections_of
from ..text.borrowed import is_block_quote
from ..text.entry_lead import led_time
from ..text.entry_times import leading_date_only, leading_time
from ..text.prefilter import Lazy
from ..text.sentences import sentences, told_sentences
from ..text.times import TIME_RE
from .detection import detection
from .ended import resolution
from .events import MARKER, Event, actions, entry_block, events
from .record import Entry, Timeline, Zone, shown_place, time_fact
from .story import escalation, misleading
from .timeline_other_times import timed_otherwise


def timeline(doc: Document) -> Timeline:
    """The timeline's facts; `present` needs a timeline section with a time in it (in its
    text, or as the title of a sub-section: "### 16:50").
    `misleading` and `escalation` look at the whole document."""
    secs = sections_of(doc, "timeline")
    blocks = [b for s in secs for b in s.blocks]
    lines = lines_of(blocks)
    times = [t for t in doc.times if t.line in lines]
    headed = _headed(secs)
    present = bool(
        secs and (times or headed or _dated(blocks) or _listed(secs) or _paragraphed(secs))
    )
    present = present or bool(secs and timed_otherwise(blocks))
    evs = events(blocks, {t.line for t in times} or _dated_lines(blocks), headed)
    evs = _in_time_order(doc, _posts(evs))
    entries = [entry_block(e) for e in evs]
    whole = _whole(doc, evs, entries)
    found = detection(entries)
    return {
        "present": shown_place(doc, secs, "timeline") if present else None,
        "timezone": _zone(doc),
        "entries": _entries(doc, blocks) if present else [],
        "detection": found if present else None,
        "actions": actions(entries, (found["line"], found["column"]) if found else (0, 0))
        if present
        else None,
        "misleading": misleading(doc, whole),
        "escalation": escalation(whole, doc.sections, entries),
        "resolution": resolution(_own(evs)) if present else None,
    }


def _entries(doc: Document, blocks: list[Block]) -> list[Entry]:
    """The entries, with the untimed items that group timed ones under them ("- morning",
    "- Before the fix", "- **Friday 3 May**" over "  - 10:40 pushed…"): the list's own items,
    which begin with no time (spec/checks.md: a date alone fails)."""
    titled = lines_of(_titled(doc))
    own = [e for e in doc.timeline if not titled or e.line in titled]
    found = [(e.line, _entry(e.line, e.is_item, e.time, e.block.text)) for e in own]
    found += [(b.line, _entry(b.line, True, None, b.text)) for b in _untimed_parents(doc, blocks)]
    return [entry for _, entry in sorted(found, key=lambda x: x[0])]


def _titled(doc: Document) -> list[Block]:
    """The blocks of the sections titled as the timeline and of their sub-sections; a "comms"
    list of timed posts beside a titled timeline is read for the story, but its form is not
    the timeline's."""
    out: list[Block] = []
    level: int | None = None  # the level of the last section titled as the timeline
    for s in doc.sections:
        if level is not None and s.level <= level:
            level = None
        if level is None and "timeline" in kinds_of(s.title):
            level = s.level  # the outermost: "### March 5: Testnet timeline" is one of its days
        if level is not None and s.has("timeline"):
            out += s.blocks
    return out


def _untimed_parents(doc: Document, blocks: list[Block]) -> list[Block]:
    timed = {e.line for e in doc.timeline if e.time is not None and e.is_item}
    told = {e.line for e in doc.timeline}  # an entry already, timed or not
    out: list[Block] = []
    parent: Block | None = None
    for b in blocks:
        if b.kind != "item":
            parent = None
        elif b.depth == 0:
            parent = None if b.line in told or leading_time(b.text) else b
        elif parent is not None and b.line in timed and b.depth > parent.depth:
            out.append(parent)
            parent = None
    return out


def _own(evs: list[Event]) -> list[Event]:
    """The events told in the author's words: not a status update quoted into the timeline
    (`> **Identified** — … will keep failing until the restore completes`), unless the whole
    timeline is written as a block quote."""
    own = [e for e in evs if not is_block_quote(e.block)]
    return own if any(e.timed for e in own) else evs


def _posts(evs: list[Event]) -> list[Event]:
    """A line that only says when the text above it went out (a status post's "Mar 9, 2024 -
    22:41 UTC") times that text: the text is the event told at that time."""
    out: list[Event] = []
    for e in evs:
        if e.timed and out and not out[-1].timed and _stamp_only(e.text):
            out[-1] = out[-1]._replace(timed=True)
        else:
            out.append(e)
    return out


def _stamp_only(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", TIME_RE.sub(" ", text))
    return len(words) <= 6 and all(_STAMP_WORD.fullmatch(w) for w in words)


# the words of a line that only gives a date and time: a month, a weekday, "Posted", a zone
_STAMP_WORD = re.compile(
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*"
    r"|(?i:posted|updated|published|at|on)|[A-Z]{2,5}"
)


def _in_time_order(doc: Document, evs: list[Event]) -> list[Event]:
    """The events oldest first: a timeline written newest first (a status page's history) is
    read from the bottom."""
    minutes = [e.time.minutes for e in doc.timeline if e.time and e.time.minutes is not None]
    return evs[::-1] if newest_first(minutes) else evs


def _whole(doc: Document, evs: list[Event], entries: list[Block]) -> list[Block]:
    """The document's own blocks (no quoted text: a chat log, a tweet, a status page), the
    timeline's split into its entries."""
    split: dict[int, list[Block]] = {}
    for event, entry in zip(evs, entries, strict=True):
        split.setdefault(id(event.block), []).append(entry)
    own = [b for s in doc.sections for b in s.blocks if not is_block_quote(b)]
    return [x for b in own for x in split.get(id(b), [b])]


def _headed(secs: list[Section]) -> frozenset[int]:
    """The first line of each timeline sub-section whose title is a time ("### 16:50"): its
    entry is told at that time."""
    return frozenset(s.blocks[0].line for s in secs if s.blocks and leading_time(s.title))


def _listed(secs: list[Section]) -> bool:
    """A section titled as the timeline that lists its events in order with no date or time
    ("- In the morning a user told us…", "- Then we restarted…"): a timeline, though not a
    well-formed one (timeline.format asks for the times)."""
    return any(
        s.style != "paragraph" and sum(b.kind == "item" and b.depth == 0 for b in s.blocks) >= 2
        for s in secs
    )


def _paragraphed(secs: list[Section]) -> bool:
    """A section titled as the timeline ("Timeline {WIP}") that tells its events in
    paragraphs dated by the month ("in late November…", "The first week of December…"): a
    timeline, though not a well-formed one."""
    return any(
        "timeline" in kinds_of(s.title)
        and sum(b.kind == "paragraph" for b in s.blocks) >= 2
        and any(_MONTH_SAID.search(b.text) for b in s.blocks)
        for s in secs
    )


# a month named as a writer dates an event ("late November", "on March 3", "in May"): a
# capitalised month name, "May" only after a word of time or before a day
_MONTH_SAID = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:[Ii]n|[Ee]arly|[Mm]id|[Ll]ate|[Oo]f|[Ss]ince|[Uu]ntil) May\b|\bMay \d"
)


def _dated(blocks: list[Block]) -> bool:
    """Events written with a date and no clock time ("- 15/08 - the issue was detected…",
    a table of dates): still a timeline, if not a well-formed one."""
    return bool(_dated_lines(blocks))


def _dated_lines(blocks: list[Block]) -> set[int]:
    """The lines that open with a date and no clock time: in a timeline kept by the day (no
    clock time in it), the entries' "when"."""
    marker, day_month = MARKER.compiled, _DAY_MONTH.compiled
    return {
        n
        for b in blocks
        for n, line in enumerate(b.text.split("\n"), b.line)
        if leading_date_only(x := _WEEKDAY.sub("", marker.sub("", line))) or day_month.match(x)
    }


_DAY_MONTH = Lazy(r"^[\s*_|]*\d{1,2}/\d{1,2}\b(?!/)")  # "15/08 - …", no year
# the day's name before the day of the month ("**Monday 4 March** —", "Tue 5 Mar:"), which the
# dates read only with a comma or before the month ("Tuesday, March 5")
_WEEKDAY = re.compile(
    r"^[\s*_|]*+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}+\.?,?\s++(?=\d)", re.IGNORECASE
)


def _zone(doc: Document) -> Zone | None:
    """The document's zone statement, else the zone every timed entry is written in (the
    first entry's time and zone)."""
    words = zone_words(doc.source, doc.sections) if doc.zone_statement else None
    if words is not None:
        return {
            "text": words.text,
            "line": words.line,
            "column": words.column,
            "timezone": words.tz,
        }
    times = [e.time for e in doc.timeline if e.time is not None]  # one per timed entry
    if not times or not all(t.tz for t in times):
        return None
    first = time_fact(doc, times[0])
    return {**first, "timezone": times[0].tz or ""}


def _entry(line: int, is_item: bool, time: TimeRef | None, text: str) -> Entry:
    first = text.partition("\n")[0]
    time = time or led_time(text)  # "At 11:00 AM: …", "First detected: 2023-01-11 14:22"
    return {
        "line": line,
        "text": first.strip()[:120],
        "list_item": is_item,
        "time": time.raw if time else None,
        "timezone": time.tz if time else None,
        # a numbered item's "4." is its marker, no sentence of its own
        "sentences": told_sentences(_told(text)),
        "single": not _joined_entries(text),
    }


def _joined_entries(text: str) -> bool:
    """Another entry run into this one: a later line or sentence that opens with a time
    ("10.12:30 PM UTC: …" whose number lost its space, "… began troubleshooting. - 11:00 AM:
    …")."""
    body = _told(text)
    later = [body[s:e] for s, e in sentences(Block("paragraph", 1, 1, body))][1:]
    later += body.split("\n")[1:] + [body[m.end() :] for m in _DASHED.finditer(body)]
    return any(_timed_line(_GLUED.sub("", x.lstrip(" \t-–—"))) for x in later)


# a sentence's end, then a dash before a number: where a run-in entry may begin
_DASHED = re.compile(r"[.!?]\s+[-–—]\s+(?=\d)")
# an item's number run into its time ("10.12:30 PM"): the line renders as no item
_GLUED = re.compile(r"^\d{1,3}\.(?=\d{1,2}:\d{2})")


def _told(text: str) -> str:
    """The entry's words past its marker, each code span kept as one word: what a command
    printed ("`notAfter=Jan  3 ... 2025 GMT`") ends no sentence and opens no event."""
    return _CODE_SPAN.sub(_one_word, without_remark(MARKER.compiled.sub("", text, count=1)))


_CODE_SPAN = re.compile(r"`[^`\n]++`")


def _one_word(m: re.Match[str]) -> str:
    return "`" + "x" * (len(m[0]) - 2) + "`"


def _timed_line(line: str) -> bool:
    """A line of an entry that starts a new timed event: it opens with a time of its own, not
    with a quoted value (the `notAfter` date that a command printed, in a code span)."""
    return not line.lstrip(" \t>*_").startswith(_QUOTES) and leading_time(line) is not None


_QUOTES = ("`", '"', "“")


# a remark in parentheses closing an entry ("… (**outage starts**)") is no sentence of its own
_REMARK = re.compile(r"\([^()\n]{1,40}\)\s*+$")


def without_remark(text: str) -> str:
    """`text` without such a remark and the white space before it (a search for that space
    too, from every position of a long run of it, would read the run again each time)."""
    m = _REMARK.search(text)
    return text if m is None else text[: m.start()].rstrip() + text[m.end() :]
