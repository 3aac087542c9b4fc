"""A task's owner, ticket and due date as written: in the item ("owner: Dana", "@dana",
"OPS-123", a link to a tracker, "due 3 May", "Q3") or in a table's Owner, Ticket and Due
columns. Read once per document for the facts record's tasks and rules PM503 and PM504."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Block, Document, per_document
from .runs import RunSearch
from .task_owners import written_owner
from .tasks import field_line
from .times import DATE_RE, MONTHS
from .verb_forms import action_words

# a JIRA key is upper case ("OPS-123"; "db-1" is a host); a link's target read once for each
# run of an unclosed "](" (its [^)\s]+ reads the run from every one); "bug  : 12" read once
_JIRA_OR_NUMBER = (
    r"(?-i:\b[A-Z][A-Z0-9]+-\d+\b)|(?<![\w/])#\d+\b|\bhttps?://\S+"
    r"|(?<![\w./-])[\w.-]++/[\w.-]++#\d+\b"  # a repository's issue or pull request: "acme/api#812"
)
# "bug 12", "issue #4"; a vendor's or a change system's case by its number ("case 01922741",
# "support case no. 4411", "change request 20931"; not "in case 300 …"), or a ServiceNow key
_BUG_NUMBER = (
    r"\b(?:bug|ticket|issue)\s*+[:#]?\s*+\d+"
    r"|(?<!\bin )\b(?:case|(?:change|service|support) request|rma|pr|cr|sr)"
    r"\s*+(?:no\.|number|#|:)?\s*+\d{3,}\b"
    r"|(?-i:\b(?:INC|CHG|PRB|RITM|REQ|CS)\d{5,}\b)"
)
_TICKET = RunSearch(
    rest=re.compile(rf"{_JIRA_OR_NUMBER}|(?<![^)\s])\]\([^)\s]++\)|{_BUG_NUMBER}", re.I),
    runs=((re.compile(r"\]\((?<=[^)\s]\]\()"), re.compile(r"\]\([^)\s]*")),),
    alternative=re.compile(rf"{_JIRA_OR_NUMBER}|\]\([^)\s]+\)|{_BUG_NUMBER}", re.I),
)
# A day or month after "by", "before", "until" is a whole word ("before Monday", "by Nov 3";
# not "before monitoring", "by marking"), and a digit opens a date, not an amount or a time
# of day ("by 15 May", "by 11/15", "by 2025"; not "by 50%", "by 2x", "by 03:30 UTC").
_WEEKDAY = r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?"
_BY_DATE = (
    rf"(?:the\s+)?end of|next|{_WEEKDAY}\b|(?:mid-?|early\s+|late\s+)?{MONTHS}\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?{MONTHS}\b|[/-]\d)|(?:19|20)\d\d\b(?![:%.,]\d)"
)
_DUE = re.compile(
    r"\b(?:due(?!\s+to\b)|deadline|eta|by end of|target date)\b[^,;()|\n]{0,30}"
    r"|\bQ[1-4]\b(?:\s+\d{4})?"
    rf"|\b(?:by|before|until)\s+(?:{_BY_DATE})[\w ,/-]{{0,20}}"
    # a span of days to months, not of minutes ("within two weeks"; not "alert within 2 minutes")
    r"|\b(?:in|within)\s+(?:\d+|a|one|two|three|four|six|a couple of)\s+(?:days?|weeks?|months?)\b"
    # a target written as such: "(target: end of May)", "Target — June 30", "timeline: 2 weeks"
    r"|\b(?:target|timeline|timeframe)\s*[:—–]\s*[^,;()|\n]{2,30}"
    r"|\b(?:this|next|current) sprint\b|\bsprint\b"
    # now is the date: "(ASAP)", "effective immediately", "by EOD", "this week"
    r"|\b(?:asap|eo[dwmq]|(?:effective\s+)?immediately|right away)\b"
    r"|\b(?:this|next) (?:week|month|quarter)\b"
    # a calendar week, a half or a fiscal year: "(week 14)", "CW 9", "H2 2025", "FY26 Q1"
    r"|\b(?:(?:calendar\s)?week|wk|cw|kw)\s?#?\d{1,2}\b(?!\s*(?:days?|weeks?|%))"
    r"|\bh[12]\s?(?:fy\s?)?(?:20)?\d\d\b|\bfy\s?(?:20)?\d\d\b"
    # the end of a period as a date: "(end of the month)", "before the end of the quarter";
    # not "at the end of each week", a schedule
    rf"|\b(?:end|middle|start)\s+of\s+(?:the\s+)?(?:(?:this|next|current)\s+)?"
    rf"(?:week|month|quarter|year|sprint|{MONTHS})\b"
    # today, as a due date: "…, today, not later", "(tomorrow)", "by tonight"; not "the check
    # we run today with …"
    r"|(?:[,(–—]\s*+|\b(?:by|before|until|from)\s+)(?:today|tonight|tomorrow)\b(?!['’])"
    r"|\b(?:today|tonight|tomorrow)\s*+(?=[,;)]|\.?\s*$)"
    # the release that delivers it: "shipping in patch 7.0.3", "in the next release"
    r"|\b(?:ships?|shipping|lands?|landing|released?|targeted|scheduled|planned)\s++(?:in|with"
    r"|for)\s++(?:the\s++)?(?:(?:next|upcoming)\s++(?:release|patch|version)\b"
    r"|(?:(?:patch|release|version)\s*+)?v?\d+(?:\.\d+)+)",
    re.I,
)
# A due date given as a named day or season of the calendar: "before Black Friday", "by
# Christmas", "ahead of the holiday season", "in time for the code freeze", "before the next
# release" (one milestone; "before a release" is a standing order, not a date).
_DUE_EVENT = re.compile(
    r"\b(?i:by|before|ahead of|in time for|prior to)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w'’]+\s+){0,2}(?:Day|Friday|Monday|Eve|Week|Sale|Sales|Festival)\b"
    r"|(?:Christmas|Xmas|Thanksgiving|Easter|Diwali|Hanukkah|Ramadan|Eid|New Year)\b"
    r"|(?i:(?:next|upcoming|coming)\s+)?(?i:holiday season|holidays|peak season|peak sale"
    r"|code freeze|change freeze|(?:year|quarter|month)[- ]end)\b"
    r"|(?i:next|upcoming)\s+(?i:release|launch|deploy window|maintenance window)\b)"
)
_DIGIT = re.compile(r"\d")
_EMPTY_CELL = ("", "tbd", "?", "n/a", "none")
# One-word cells of a table with no header the reader knows that are not a name.
_NOT_NAMES = frozenset(
    [
        "mitigate",
        "prevent",
        "process",
        "repair",
        "detect",
        "other",
        "done",
        "todo",
        "open",
        "closed",
        "high",
        "medium",
        "low",
        "p0",
        "p1",
        "p2",
        "p3",
        "yes",
        "no",
        "n/a",
        "tbd",
        "none",
    ]
)


@dataclass(frozen=True, eq=False, repr=False)
class Assignment:
    """Who does a task, where it is tracked and by when, as written (None: not said)."""

    owner: str | None
    ticket: str | None
    due: str | None


def assignment(doc: Document, block: Block) -> Assignment:
    """The owner, ticket and due date of a task (a list item or table row of the measures)."""
    memo = _assignments(doc)
    found = memo.get(block.line)
    if found is None:
        found = memo[block.line] = _read(doc, block)
    return found


@per_document  # the facts record, PM503 and PM504 ask about the same tasks
def _assignments(doc: Document) -> dict[int, Assignment]:
    return {}  # by the task's line


def _read(doc: Document, block: Block) -> Assignment:
    cells = _columns(doc, block) if block.kind == "row" else {}
    text = block.text + _field_lines(doc, block) if block.kind == "item" else block.text
    return Assignment(
        cells.get("owner") or _owner(doc, text, block.kind == "row" and "owner" not in cells),
        cells.get("ticket") or _ticket(text),
        cells.get("due") or _first(_DUE, text) or _first(_DUE_EVENT, text) or _date(text),
    )


def _field_lines(doc: Document, block: Block) -> str:
    """The task's fields written as its sub-items ("  - Owner: Dana", "  - Due: 3 May"), on
    the lines right below it that are indented deeper, as text to read with it."""
    lines = doc.source.lines
    indent = block.column - 1
    out = []
    for n in range(block.end_line, min(len(lines), block.end_line + 8)):
        line = lines[n]
        if not line.strip() or len(line) - len(line.lstrip()) <= indent:
            break
        if field_line(line.strip()):
            out.append(line.strip())
    return "".join(f"\n{f}" for f in out)


def _first(pattern: re.Pattern[str] | RunSearch, text: str) -> str | None:
    m = pattern.search(text)
    return m.group(0).strip() if m else None


def _ticket(text: str) -> str | None:
    """A ticket key or number, or a link to a tracker; a link to anything else (a tool, a
    page of docs, the service itself in a `curl` command) tracks nothing."""
    pos = 0
    while (m := _TICKET.search(text, pos)) is not None:
        found = m.group(0).strip()
        if not _LINK.match(found) or _TRACKER.search(found):
            return found
        pos = m.end()
    return None


_LINK = re.compile(r"https?://|\]\(", re.I)
_TRACKER = re.compile(
    r"(?i:/(?:issues|pulls?|merge_requests|browse|tickets?|bugs?|show_bug\.cgi|work_?items?"
    r"|tasks?|cards?)\b|jira|linear\.app|trello\.com|asana\.com|youtrack|redmine|bugzilla)"
    r"|\b[A-Z][A-Z0-9]+-\d+\b"
)


def _date(text: str) -> str | None:
    m = DATE_RE.search(text) if _DIGIT.search(text) else None  # every date holds a digit
    return m.group(0) if m else None


def _owner(doc: Document, text: str, guess_cell: bool) -> str | None:
    found = written_owner(doc, text)
    if found or not guess_cell:
        return found
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    for cell in cells[1:]:  # a table the reader has no header for: a one-word cell is a name
        if (
            re.fullmatch(r"@?[A-Za-z][\w.-]{1,30}", cell)
            and cell.lower() not in _NOT_NAMES
            and not _TICKET.rest.fullmatch(cell)  # at a text's start no run has begun
        ):
            return cell
    return None


def _columns(doc: Document, row: Block) -> dict[str, str | None]:
    """The row's cells under the header cells the reader knows ("Owner", "Due", "Ticket"):
    the filled cell, or None when the column is there but empty ("TBD", "-")."""
    header = _header(doc, row)
    cells = row.text.strip().strip("|").split("|")
    out: dict[str, str | None] = {}
    for i, name in enumerate(header):
        kind = _header_kind(name)
        if kind is None or out.get(kind):
            continue
        value = cells[i].strip(" -–") if i < len(cells) else ""
        out[kind] = cells[i].strip() if value.lower() not in _EMPTY_CELL else None
    return out


def _header_kind(name: str) -> str | None:
    for kind in ("owner", "due", "ticket"):
        if name in action_words(f"{kind}_headers"):
            return kind
    return None


def _header(doc: Document, row: Block) -> list[str]:
    """The header cells of the table a row belongs to."""
    n = row.line - 1
    while n > 0 and "|" in doc.source.lines[n - 1]:
        n -= 1
    cells = doc.source.lines[n].strip().strip("|").split("|")
    return [c.strip(" *_").lower() for c in cells]


def written_ticket(text: str) -> str | None:
    """A ticket the text names (a key, a number, a link to a tracker), or None."""
    return _ticket(text)
