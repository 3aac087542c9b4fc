"""A task's owner, ticket and due date as written: in the item ("owner: Dana", "@dana",
"OPS-123", a link to a tracker, "due 3 May", "Q3") or in a table's Owner, Ticket and Due
columns. Read once per document for the facts record's tasks and rules PM503 and PM504."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Block, Document, per_document
from .runs import RunSearch
from .times import DATE_RE, MONTHS
from .verb_forms import action_words, verbs

# A status or kind in parentheses is no name: "(Ongoing)", "(optional)", "(done)".
_STATUS = (
    r"(?:ongoing|done|complete|completed|planned|pending|open|blocked|proposed|optional|stretch"
    r"|recurring|continuous|deferred|later|todo|wip|investigating|agreed|urgent|priority)"
)
# An owner written in the task: "owner: Dana", "@dana", "assigned to", "(Dana)", "— Dana Lee".
_OWNER = re.compile(
    r"\b(?:owner|assignee|assigned to|owned by|responsible)\s*[:=-]?\s*@?[\w .-]+|@[\w-]{2,}"
    rf"|\((?!{_STATUS}\))(?:[A-Z][a-z]+|[\w-]+ team|on-?call|sre|dba|ops)"
    r"(?:\)|,\s*(?:by|due|before)\b)"
    r"|\b(?:owners?|assignee|dri|lead)\s*[:=(]",
    re.IGNORECASE,
)
# A name at the item's end, after a dash, may carry its date or, after one more dash, its
# ticket: "— Dana, by 21 March", "— me", "— Checkout — CHK-12".
_OWNER_NAME = re.compile(
    rf"\((?!(?i:{_STATUS})\))(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|[\w-]+ team|me)\)\s*(?:\.\s*)?$|"
    r"[—–]\s*+(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|me)"
    r"(?:,\s*(?:by|due|before)\s[^—–\n]{1,30}?)?"
    r"(?:\s*[—–]\s*+(?:[A-Z][A-Z0-9]+-\d+|#\d+))?\s*(?:\.\s*)?$",
    re.M,
)
# The same name in bold or italics, or a team, or with its date in parentheses: "— **Dana**",
# "— *Dana Lee* (done 2 May)", "— Search team", "— Dana (by 3 May)".
_OWNER_MARKED = re.compile(
    r"[—–]\s*+(?:(?:\*\*|__|\*|_)[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:\*\*|__|\*|_)"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)? team|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=\s*\((?i:by|due|before"
    r"|target|eta)\b))(?:\s*\([^()\n]{1,30}\))?\s*(?:\.\s*)?$",
    re.M,
)
# A name in square brackets at the item's end: "… deploy.sh [Tunde]", "[SRE team]".
_OWNER_BRACKETED = re.compile(
    rf"\[(?!(?i:{_STATUS})\])(?:@?[A-Z][a-z]+(?: [A-Z][a-z]+)?|[\w-]+ team)\]\s*\.?\s*$", re.M
)
# The owner as the item's subject: "Dana is moving …", "**Ana** will add …", "Platform team to
# rotate …", "Kofi and Ama will write …", "@lee to pin …" ("X will be …" has no owner).
_OWNER_SUBJECT = re.compile(
    r"\A\s*(?:(?:[-*+•]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:(?:TODO|Action):?\s+)?(?:\*\*|__|\*|_)?"
    r"(?P<who>@[\w-]+|(?:the\s+)?[A-Z][\w-]*\s+team|[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+"
    r"|\s+[A-Z][a-z]+)?)(?:\*\*|__|\*|_)?\s+(?:(?:is|are)\s+(?!being\b|going\b)\w+ing\b"
    r"|(?:will|to|shall|['’]ll)\s+(?P<verb>[a-z]+)\b)"
)


# A team or person opening a parenthesis that then gives the task's date or ticket:
# "(Provisioning, target Q3 2024)", "(Dana Lee, ETA June)", "(SRE, OPS-88)".
_OWNER_THEN_DUE = re.compile(
    r"\((?!(?:Optional|Stretch|Priority|High|Medium|Low|Note|Open|Blocked|Pending|Planned"
    r"|Ongoing|Done)\b)(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?(?: team)?|[A-Z]{2,6})\s*,\s*"
    r"(?=(?i:target|eta|due|by|before|until|ahead of|in time for|Q[1-4]|next|end of)\b"
    r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d{1,2} [A-Z][a-z]{2}"
    r"|\d{4}-\d\d|[A-Z][A-Z0-9]+-\d+\b|#\d+\b)"
)
# a JIRA key is upper case ("OPS-123"; "db-1" is a host); a link's target read once for each
# run of an unclosed "](" (its [^)\s]+ reads the run from every one); "bug  : 12" read once
_JIRA_OR_NUMBER = (
    r"(?-i:\b[A-Z][A-Z0-9]+-\d+\b)|(?<![\w/])#\d+\b|\bhttps?://\S+"
    r"|\b[\w.-]++/[\w.-]++#\d+\b"  # a repository's issue or pull request: "acme/api#812"
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
    r"|\bin \d+ (?:days?|weeks?)\b"
    r"|\b(?:this|next|current) sprint\b|\bsprint\b"
    # now is the date: "(ASAP)", "effective immediately", "by EOD", "this week"
    r"|\b(?:asap|eo[dwmq]|(?:effective\s+)?immediately|right away)\b"
    r"|\b(?:this|next) (?:week|month|quarter)\b"
    # the release that delivers it: "shipping in patch 7.0.3", "in the next release"
    r"|\b(?:ships?|shipping|lands?|landing|released?|targeted|scheduled|planned)\s+(?:in|with"
    r"|for)\s+(?:the\s+)?(?:(?:next|upcoming)\s+(?:release|patch|version)\b"
    r"|(?:patch|release|version)?\s*v?\d+(?:\.\d+)+)",
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
    text = block.text
    return Assignment(
        cells.get("owner")
        or _owner(text, block.kind == "row" and "owner" not in cells)
        or _subject(doc, text),
        cells.get("ticket") or _ticket(text),
        cells.get("due") or _first(_DUE, text) or _first(_DUE_EVENT, text) or _date(text),
    )


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


def _owner(text: str, guess_cell: bool) -> str | None:
    found = (
        _first(_OWNER, text)
        or _first(_OWNER_NAME, text)
        or _first(_OWNER_MARKED, text)
        or _first(_OWNER_THEN_DUE, text)
        or _first(_OWNER_BRACKETED, text)
    )
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


def _subject(doc: Document, text: str) -> str | None:
    """The person or team the item opens with as the one who will do it ("Dana will add …"),
    unless the name is a word the document also writes in lower case, as it writes a tool or
    a thing ("Puppet will apply …" beside `puppet apply`) but not a person's name."""
    m = _OWNER_SUBJECT.match(text)
    if m is None or m["verb"] in _NO_ACTION or (m["verb"] and m["verb"] not in verbs()):
        return None
    who = m["who"].removeprefix("the ").strip()
    names = [w for w in who.split() if w not in ("and", "&")]
    if names[0].lower() in action_words("not_owners") or names[0].lower() in verbs():
        return None
    if who.startswith("@") or names[-1] == "team":
        return who
    lower = _lower_words(doc)
    return None if any(n.lower() in lower for n in names) else who


_NO_ACTION = frozenset(["be", "not", "no", "never", "also", "now", "still", "always", "only"])


@per_document  # every task of the document asks
def _lower_words(doc: Document) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z]+\b", doc.source.text))


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
