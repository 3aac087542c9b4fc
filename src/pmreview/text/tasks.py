"""The tasks of a postmortem: list items and table rows of its measures sections.

Shared by the action-item rules; a task knows where its words start once list markers,
checkboxes, priority tags ("P1", "**HIGH**") and HTML or emphasis markup are set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Block, Document, Section, per_document
from .prefilter import Lazy
from .runs import RunSearch
from .task_tense import told_done
from .verb_forms import WORD

# a list marker and a checkbox, in brackets or drawn ("- [ ] ", "- ⬜ ", "* ☐ ")
_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+(?:(?:\[[ xX]\]|[☐⬜🔲□])\s+)?")
_OTHER_NOISE = r"&nbsp;|&#?\w+;|\*\*|__|[*_~•]"
# <[^>\n]*>|OTHER_NOISE, reading each run of [^>\n] once (a tag's [^>\n]* reads to the end of
# the line from every "<" of an unclosed run)
_NOISE = RunSearch(
    rest=re.compile(rf"(?<![^>\n])<[^>\n]*+>|{_OTHER_NOISE}"),
    runs=((re.compile(r"<(?<=[^>\n]<)"), re.compile(r"[^>\n]*")),),
    alternative=re.compile(rf"<[^>\n]*>|{_OTHER_NOISE}"),
)
_TAG = Lazy(
    r"(?:(?:P[0-4]|HIGH|MEDIUM|LOW|CRITICAL)\b|\[[^\]\n]{1,20}\](?!\()|\(#?\w{1,12}\)"
    r"|#\d+)\s*[:\-–—]?\s*"
)


@dataclass(eq=False, repr=False)
class Task:
    """A list item or table row of the measures, with the offset where its words start."""

    block: Block
    start: int  # offset into block.text
    text: str  # block.text with markup blanked out (same offsets)
    listed_done: bool = False  # under a lead-in or title that says it is done ("Completed:")

    @property
    def words(self) -> str:
        return self.text[self.start :]

    @property
    def end(self) -> int:
        """Where the task's first line (a row's first cell) ends, trailing blanks left out."""
        stop = re.compile(r"[|\n]" if self.block.kind == "row" else r"\n")
        m = stop.search(self.text, self.start)
        end = m.start() if m else len(self.text)
        return self.start + len(self.text[self.start : end].rstrip())

    def opening(self, start: int | None = None) -> tuple[int, int]:
        """Offsets of the opening words (up to five, or the first punctuation) on its line."""
        start = self.start if start is None else start
        line_end = self.text.find("\n", start)
        line_end = len(self.text) if line_end < 0 else line_end
        m = re.match(r"(?:[^,;:.!?()\n]|[:.](?=\S))*", self.text[start:line_end])
        words = list(re.finditer(r"\S+", m.group(0) if m else ""))[:5]
        end = start + (words[-1].end() if words else 1)
        return start, end


def _blank(text: str) -> str:
    return _NOISE.sub(lambda m: " " * len(m.group(0)), text)


def task_of(block: Block) -> Task | None:
    """The task a list item or table row names (None for an empty item or a group label)."""
    text = _blank(block.text)
    if block.kind == "row":
        cells = [m for m in re.finditer(r"[^|\n]+", text) if WORD.search(m.group(0))]
        if not cells:
            return None
        start = cells[0].start() + len(cells[0].group(0)) - len(cells[0].group(0).lstrip())
        return Task(block, start, text)
    m = _MARKER.match(text)
    start = m.end() if m else 0
    while True:
        lead = re.match(r"\s*", text[start:])
        start += lead.end() if lead else 0
        tag = _TAG.compiled.match(text, start)
        if not tag or tag.end() == start:
            break
        start = tag.end()
    rest = text[start:].split("\n", 1)[0].strip()
    if not WORD.search(rest) or (rest.endswith((":", ":-")) and len(rest.split()) <= 8):
        return None  # an empty item or a group label ("**Tasks:**")
    return Task(block, start, text)


@per_document  # the four action-item rules all ask
def tasks_by_list(doc: Document) -> list[tuple[Section, list[Task]]]:
    """The tasks of each measures section (lessons-only sections hold no tasks)."""
    out: list[tuple[Section, list[Task]]] = []
    for sec in doc.sections:
        if not sec.kinds & {"measures", "action_items"}:
            continue
        if "lessons" in sec.kinds and "action_items" not in sec.kinds:
            continue
        every = [b for b in sec.blocks if b.kind in ("item", "row")]
        under = [b for b in every if b.kind == "item" and b.depth]
        status = {id(b) for b in under if _status_note(b.text)}
        notes = status | {id(b) for b in under if field_line(b.text)}
        items = [b for b in every if id(b) not in notes]
        nested = {a.line for a, b in zip(items, items[1:], strict=False) if b.depth > a.depth}
        found = [t for b in items if b.line not in nested and (t := task_of(b))]
        done = _listed_done(sec) | _noted_done(every, status)
        for t in found:
            t.listed_done = id(t.block) in done
        told = [t for t in found if t.block.kind == "item" and not t.listed_done]
        if told_done([(t.block.text, t.words) for t in told]):  # a list told in the past
            for t in told:
                t.listed_done = True
        if found:
            out.append((sec, found))
    return out


# A sub-item that only remarks that the task above it is done: "(it is now)", "done now",
# "(this is already in place)", "already done", "✓ fixed"
_STATUS_NOTE = re.compile(
    r"\A(?:(?:it|this|that)(?:\s++is|['’]s)\s++(?:now|already)(?:\s++(?:done|in\s++place"
    r"|the\s++case|fixed|set\s++up|in\s++git))?|(?:(?:it|this|that)(?:\s++is|['’]s)\s++)?"
    r"(?:(?:now|already)\s++)?(?:done|fixed|completed|shipped|implemented|in\s++place)"
    r"(?:\s++(?:now|already))?)\Z"
)


def _status_note(text: str) -> bool:
    words = _MARKER.sub("", text, count=1).strip().lower()
    words = words.strip("()[]*_ .!✓✔✅").strip()
    return bool(words) and _STATUS_NOTE.fullmatch(words) is not None


def _noted_done(items: list[Block], status: set[int]) -> set[int]:
    """The ids of the items right above a status note (ids in `status`), the task it says
    is done."""
    return {
        id(a)
        for a, b in zip(items, items[1:], strict=False)
        if id(b) in status and b.depth > a.depth
    }


# a sub-item that is one field of the task above it: "Owner: Dana", "**Due:** 3 May",
# "Ticket - OPS-12", "Status: open"
_FIELD = re.compile(
    r"\A(?:owners?|assignee|assigned\s+to|dri|lead|responsible|due(?:\s+date)?|deadline|eta"
    r"|target(?:\s+date)?|ticket|jira|issue|tracking|status|priority)[*_]*\s*[:=—–-][*_]*\s*\S",
    re.I,
)


def field_line(text: str) -> bool:
    """Whether a list item is only a field of the task above it ("Owner: Dana")."""
    return _FIELD.match(_MARKER.sub("", text, count=1).lstrip(" *_")) is not None


# A lead-in or title that lists work already done: "We have already:", "Completed:",
# "Done so far", "Actions already taken:", "Corrective measures implemented", "What we've
# done"; not one that turns to what is still open ("We have already rolled back the config,
# but we still need to:").
_DONE_LEAD = re.compile(
    r"^(?:(?:we|i)(?:\s+have|['’]ve)\s+already\b"
    r"(?:(?!\b(?:but|still|yet|need|needs|remains?|however|will|must|should|to\s+do)\b)[^:]){0,60}"
    r"|(?:already\s+)?(?:done|completed?|finished|shipped|fixed|implemented)"
    r"(?:\s+(?:so\s+far|already|items?|actions?|tasks?))?"
    r"|(?:[a-z]+\s+)?(?:actions?|items?|tasks?|changes?|steps?|measures?|fixes|mitigations?"
    r"|remediations?)\s+(?:we\s+(?:have\s+)?)?"
    r"(?:already\s+)?(?:done|completed|taken|made|implemented|shipped)(?:\s+so\s+far)?"
    r"|what\s+(?:we|i)(?:\s+have|['’]ve)?\s+(?:already\s+)?(?:done|fixed|changed)"
    r"(?:\s+so\s+far)?)"
    r"\s*(?P<colon>:?)$"
)


def _listed_done(sec: Section) -> set[int]:
    """The ids of the section's items that follow a lead-in saying they are done (up to the
    next paragraph), or all of them when the section's title says so."""
    titled = _done_lead(sec.title, colon=False)
    out: set[int] = set()
    led = titled
    for b in sec.blocks:
        if b.kind in ("paragraph", "heading"):
            led = _done_lead(_blank(b.text), colon=b.kind == "paragraph")
        elif led:
            out.add(id(b))
    return out


def _done_lead(text: str, colon: bool) -> bool:
    m = _DONE_LEAD.match(" ".join(text.lower().split()).strip(" #"))
    return m is not None and (bool(m["colon"]) or not colon)
