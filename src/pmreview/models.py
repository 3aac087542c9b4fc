"""The values that flow through the pipeline: immutable where they leave a stage."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, wraps
from typing import Any, Literal, TypeVar
from weakref import WeakKeyDictionary

Severity = Literal["error", "warning", "info"]
Status = Literal["pass", "fail", "skip"]
Origin = Literal["rules", "llm"]  # who decided a check or made a finding
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
# The category of every finding that reports a failed check (a missing required element).
CHECK_CATEGORY = "structure"
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def slug(check_id: str) -> str:
    """A check id's name, as findings spell it: "summary.start_time" -> "summary-start-time"."""
    return check_id.replace(".", "-").replace("_", "-")


@dataclass(frozen=True, eq=False, repr=False)
class Source:
    """A loaded document: normalised text (no BOM, LF line ends) and its lines. A Word or HTML
    file is converted to Markdown first: `text` is the Markdown, `converted_from` the kind of
    file it came from ("docx", "html"), and every line number is of that Markdown."""

    path: str
    text: str
    lines: tuple[str, ...]
    converted_from: str | None = None
    whole_bytes: int | None = None  # a file cut for review (source.reviewed_part): its size


@dataclass(frozen=True, eq=False, repr=False)
class TimeRef:
    """A clock time found in the text, with its position (1-based line and column)."""

    raw: str
    line: int
    column: int
    hour: int | None
    minute: int
    tz: str | None = None
    date: str | None = None  # ISO date when the text gave one
    clock: Literal["12h", "24h", "date"] = "24h"

    @property
    def minutes(self) -> int | None:
        return None if self.hour is None else self.hour * 60 + self.minute


@dataclass(eq=False, repr=False)  # identity: blocks are told apart by id
class Block:
    """A paragraph, list item, table row or heading: its raw lines and where they are."""

    kind: Literal["paragraph", "item", "row", "heading"]
    line: int  # 1-based first line
    end_line: int  # 1-based last line (inclusive)
    text: str  # raw source text of those lines (markup included), lines joined with "\n"
    column: int = 1  # 1-based column where `text` starts on its first line
    depth: int = 0  # list nesting depth for items
    marker: str = ""  # the list marker ("-", "*", "1.") for items
    # What the layers above work out once per block, under their own keys (a plain dict: a
    # WeakKeyDictionary keyed by the block made a weak reference at every look-up; a field,
    # not a cached_property, whose first read takes a lock on Python 3.11).
    memo: dict[str, Any] = field(default_factory=dict, init=False)

    @cached_property
    def lower(self) -> str:
        """`text` with ASCII letters lower-cased: same length, so offsets still hold. Phrase
        tables are matched against it without re.IGNORECASE, which is much slower."""
        return self.text.translate(ASCII_LOWER)

    @cached_property
    def _newlines(self) -> list[int]:
        found, at = [], self.text.find("\n")
        while at >= 0:
            found.append(at)
            at = self.text.find("\n", at + 1)
        return found

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset into `text` (by bisection: a block
        with many findings would cost their number times its length)."""
        nl = bisect_left(self._newlines, min(offset, len(self.text)))
        if nl == 0:
            return self.line, self.column + offset
        return self.line + nl, offset - self._newlines[nl - 1]


@dataclass(eq=False, repr=False)
class Section:
    """A part of the document under a title, with the kinds its title means."""

    title: str
    kinds: frozenset[str]
    line: int  # line of the title (0 for the untitled opening)
    column: int
    style: Literal[
        "atx", "setext", "bold", "label", "bare", "inline", "opening", "paragraph", "fact"
    ]
    level: int
    blocks: list[Block] = field(default_factory=list)
    end_line: int = 0  # last line that belongs to the section

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    def has(self, kind: str) -> bool:
        return kind in self.kinds


@dataclass(eq=False, repr=False)
class TimelineEntry:
    block: Block
    time: TimeRef | None
    is_item: bool

    @property
    def line(self) -> int:
        return self.block.line


@dataclass(eq=False, repr=False)  # identity: rule families memoise per document
class Document:
    source: Source
    sections: list[Section]
    timeline: list[TimelineEntry]
    times: list[TimeRef]  # every clock time outside code, quotes and comments
    zone_statement: str | None  # a document-wide "All times in PDT"
    directives: list[tuple[int, str, tuple[str, ...]]]  # (line, action, ids)

    @cached_property
    def lower(self) -> str:
        """The source text lower-cased as `Block.lower` is: once per document, for the rules
        that first ask whether the document holds a phrase at all."""
        return self.source.text.translate(ASCII_LOWER)

    def of_kind(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.has(kind)]

    @property
    def blocks(self) -> list[Block]:
        return [b for s in self.sections for b in s.blocks]


T = TypeVar("T")


_UNSET = object()


def per_document(fn: Callable[[Document], T]) -> Callable[[Document], T]:
    """`fn(doc)` worked out once per document, for what several rules ask; kept while the
    document lives."""
    memo: WeakKeyDictionary[Document, T] = WeakKeyDictionary()

    @wraps(fn)
    def once(doc: Document) -> T:
        found = memo.get(doc, _UNSET)  # one weak reference made, not two or three
        if found is _UNSET:
            found = memo[doc] = fn(doc)
        return found  # type: ignore[return-value]

    return once


@dataclass(frozen=True)
class Hit:
    """What a rule or the LLM reviewer reports: where (1-based, end exclusive) and what to tell
    the author. The engine makes it a Finding."""

    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    quote: str = ""
    question: str = ""
    suggestion: str = ""


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    quote: str = ""
    question: str = ""
    suggestion: str = ""
    source: Origin = "rules"
    section: str = ""


@dataclass(frozen=True)
class Check:
    """A verdict on a required element. A pass carries its evidence: the line and the exact
    words that made it pass (the document's text at `line`); a fail, the line it concerns if
    any, and no words."""

    id: str
    status: Status
    message: str
    line: int | None = None
    source: Origin = "rules"
    evidence: str = ""


@dataclass(frozen=True, eq=False, repr=False)
class Analysis:
    """What the deterministic stage made of one document, before anything is filtered: the
    parsed Document, the profile's verdicts and every rule's findings. The review keeps it, so
    that the LLM stage, the renderers and the coach add to it instead of parsing again."""

    document: Document
    checks: dict[str, Check]
    findings: tuple[Finding, ...]  # the rules' findings (failed checks become findings later)
    errors: tuple[tuple[str, str], ...] = ()  # (rule id, one line) per rule that failed


@dataclass(eq=False, repr=False)
class DocumentReview:
    path: str
    checks: dict[str, Check]
    findings: list[Finding]
    tasks: list[dict[str, Any]] = field(default_factory=list)
    llm: dict[str, Any] = field(default_factory=lambda: {"status": "skipped"})
    analysis: Analysis | None = field(default=None, repr=False, compare=False)  # not reported
    score: dict[str, Any] = field(default_factory=lambda: {"overall": 0, "sections": {}})
    errors: list[dict[str, str]] = field(default_factory=list)  # rules that failed on it
    # the findings before the vague ones of one sentence were folded into one
    # (pipeline.collapse): what the LLM reviewer is told and the score counts; not reported
    unfolded: list[Finding] | None = field(default=None, repr=False, compare=False)

    @property
    def document(self) -> Document | None:
        return self.analysis.document if self.analysis is not None else None

    @property
    def each_finding(self) -> list[Finding]:
        """Every finding before the vague ones of one sentence were folded into one: for a
        tool that acts on each phrase (the coach replaces its words)."""
        return self.unfolded if self.unfolded is not None else self.findings

    @property
    def source(self) -> Source | None:
        return self.analysis.document.source if self.analysis is not None else None

    @property
    def whole_bytes(self) -> int | None:
        """The size of the file when only its start was reviewed (source.reviewed_part)."""
        return self.source.whole_bytes if self.source is not None else None

    @property
    def converted_from(self) -> str | None:
        """The kind of file ("docx", "html") the reviewed Markdown was converted from, if any."""
        return self.source.converted_from if self.source is not None else None


@dataclass(eq=False, repr=False)
class Report:
    profile: str
    documents: list[DocumentReview]
    errors: list[dict[str, str]]
