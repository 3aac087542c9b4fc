"""Where an answer goes: the placement rules of data/coach.toml turned into edits of the
original text (the end time into the summary, a task into the measures list, a vague phrase
replaced by the answer)."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from typing import Any

from ..models import Block, Document, Finding, Section
from .edits import Editor
from .plan import Item

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_ARTICLE = re.compile(r"(?<![\w-])(?:an?|the|some|A|An|The|Some)\s+$")
_ITEM_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")

Change = tuple[int, int, str]  # (start, end, new text) in the original's offsets


class Placer:
    """Turns answers into edits of one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.source.text
        self.lines = doc.source.lines
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.editor = Editor(self.text)

    # positions
    def offset(self, line: int, column: int) -> int:
        line = max(1, min(line, len(self.lines)))
        return min(self.starts[line - 1] + column - 1, self.starts[line] - 1)

    def line_end(self, line: int) -> int:
        return self.starts[line - 1] + len(self.lines[line - 1])

    def context(self, item: Item, radius: int = 2) -> tuple[int, int]:
        """The lines (first, last) to show around an item."""
        f = item.finding
        return max(1, f.line - radius), min(len(self.lines), f.end_line + radius)

    # what an answer would change
    def proposal(self, item: Item, answer: str | list[str], raw: bool = False) -> list[Change]:
        """The edits an answer makes; `raw`: the answer is the final text (an LLM rewrite),
        which replaces the whole sentence or item, or is added as it is."""
        mode, spec = item.mode, dict(item.spec)
        if raw:
            spec["template"] = "$answer"
            mode = "item" if mode == "replace" else mode
        answers = [a for a in ([answer] if isinstance(answer, str) else answer) if a.strip()]
        if not answers:
            return []
        f = item.finding
        if mode == "replace" and f.quote:
            return [self._replacement(f, answers[0])]
        if mode == "item" and f.quote:
            start, end = self.unit(f)
            return [(start, end, _fill("$answer", answers[0], sentence=self._in_prose(f)))]
        if mode == "suffix":
            label = str(spec.get("label", "owner"))
            value = " ".join(answers[0].split()).rstrip(".")
            at = [self.line_end(b.end_line) for b in self._task_blocks(spec)]
            return [(a, a, f" ({label}: {value})") for a in at]
        return self._addition(mode, spec, answers)

    def _replacement(self, f: Finding, answer: str) -> Change:
        """The quoted words replaced by the answer."""
        start, end = self.offset(f.line, f.column), self.offset(f.end_line, f.end_column)
        article = _ARTICLE.search(self.text, max(0, start - 6), start)
        if article is not None:  # "a glitch" -> "an expired certificate", not "a an …"
            start = article.start()
        new = answer.strip()
        if start == self._sentence_start(start) and new[:1].islower():
            new = new[0].upper() + new[1:]
        return (start, end, new)

    def _addition(self, mode: str, spec: Mapping[str, Any], answers: list[str]) -> list[Change]:
        """New text: a section, list items or a sentence in the section the rules name."""
        template = str(spec.get("template", "$answer"))
        if mode == "section":
            return [self._new_section(spec, answers)]
        section = self._section(spec)
        if section is None:  # nowhere to put it yet: a new section
            return [self._new_section(spec, answers)]
        if mode == "item":
            return [self._item(section, _fill(template, a, sentence=False)) for a in answers]
        if mode == "sentence":
            return [self._sentence(section, " ".join(_fill(template, a) for a in answers))]
        return []

    def apply(self, changes: Iterable[Change]) -> bool:
        ok = True
        for start, end, new in changes:
            if start == end:
                self.editor.insert(start, new)
            else:
                ok = self.editor.replace(start, end, new) and ok
        return ok

    def result(self) -> str:
        return self.editor.text()

    def describe(self, item: Item) -> str:
        """Where an answer to this item goes, in one line."""
        f, spec, mode = item.finding, item.spec, item.mode
        if mode == "replace" and f.quote:
            return f"Your answer replaces “{f.quote}”."
        if mode == "item" and f.quote:
            start, end = self.unit(f)
            return f"Your answer replaces “{self.text[start:end].strip()}”."
        if mode == "suffix":
            return f"Your answer is added to each task as “({spec.get('label', 'owner')}: …)”."
        if mode in ("sentence", "item", "section"):
            section = None if mode == "section" else self._section(spec)
            where = f"“{section.title}”" if section is not None and section.title else None
            where = where or f"a new section “{spec.get('title', 'Notes')}”"
            shape = str(spec.get("template", "$answer")).replace("$answer", "…")
            return f"Your answer is added to {where}" + (f" as “{shape}”." if shape != "…" else ".")
        return "pmreview cannot place this one for you: fix it in the document by hand."

    def unit(self, f: Finding) -> tuple[int, int]:
        """The list item, or else the sentence, that holds a finding's words."""
        block = next(
            (b for b in self.doc.blocks if b.line <= f.line <= b.end_line and b.kind != "heading"),
            None,
        )
        start, end = self.offset(f.line, f.column), self.offset(f.end_line, f.end_column)
        if block is not None and block.kind == "item":
            raw = self.lines[block.line - 1]
            m = _ITEM_START.match(raw)
            return (
                self.starts[block.line - 1] + (m.end() if m else 0),
                self.line_end(block.end_line),
            )
        s = self._sentence_start(start)
        m = _SENTENCE_END.search(self.text, end)
        limit = self.line_end(f.end_line)
        return (s, min(m.start() + 1, limit) if m else limit)

    # where things go
    def _section(self, spec: Mapping[str, Any]) -> Section | None:
        for kind in spec.get("where", []):
            found = self.doc.of_kind(kind)
            if found:
                return found[0]
        return None

    def _task_blocks(self, spec: Mapping[str, Any]) -> list[Block]:
        kinds = set(spec.get("where", ["measures", "action_items"]))
        return [
            b
            for s in self.doc.sections
            if s.kinds & kinds
            for b in s.blocks
            if b.kind in ("item", "row") and not b.text.lstrip().startswith("|--")
        ]

    def _sentence(self, section: Section, sentence: str) -> Change:
        blocks = [b for b in section.blocks if b.kind != "heading"]
        if not blocks:
            at = self.line_end(section.line) if section.line else 0
            return (at, at, f"\n\n{sentence}")
        last = blocks[-1]
        at = self.line_end(last.end_line)
        if last.kind == "paragraph":
            return (at, at, f" {sentence}")
        return (at, at, f"\n\n{sentence}")

    def _item(self, section: Section, text: str) -> Change:
        items = [b for b in section.blocks if b.kind == "item"]
        if not items:
            start, end, new = self._sentence(section, f"- {text}")
            return (start, end, new.replace(" - ", "\n\n- ", 1) if new.startswith(" ") else new)
        last = items[-1]
        raw = self.lines[last.line - 1]
        m = _ITEM_START.match(raw)
        prefix = m.group(0) if m else "- "
        at = self.line_end(last.end_line)
        return (at, at, f"\n{prefix}{text}")

    def _new_section(self, spec: Mapping[str, Any], answers: list[str]) -> Change:
        title = str(spec.get("title", "Notes"))
        atx = [s.level for s in self.doc.sections if s.style in ("atx", "setext")]
        heading = f"{'#' * max(2, min(atx))} {title}" if atx else f"{title}:"
        if spec.get("items") or len(answers) > 1:
            body = "\n".join(f"- {_fill('$answer', a)}" for a in answers)
        else:
            body = _fill(str(spec.get("template", "$answer")), answers[0])
        if spec.get("top"):
            first = self.doc.sections[0] if self.doc.sections else None
            if first is not None and first.line and first.level == 1 and first.style == "atx":
                at = self.line_end(first.line)
                return (at, at, f"\n\n{heading}\n\n{body}")
            return (0, 0, f"{heading}\n\n{body}\n\n")
        at = len(self.text.rstrip("\n"))
        return (at, at, f"\n\n{heading}\n\n{body}")

    def _in_prose(self, f: Finding) -> bool:
        """Whether a finding's words are in a paragraph (not a list item or table row)."""
        return not any(
            b.line <= f.line <= b.end_line and b.kind in ("item", "row") for b in self.doc.blocks
        )

    def _sentence_start(self, at: int) -> int:
        line_start = self.text.rfind("\n", 0, at) + 1
        head = self.text[line_start:at]
        ends = [m.end() for m in _SENTENCE_END.finditer(head)]
        start = line_start + (ends[-1] if ends else 0)
        prefix = _ITEM_START.match(self.text, line_start)
        if prefix and start < prefix.end():
            start = prefix.end()
        while start < at and self.text[start] == " ":
            start += 1
        return start


def _fill(template: str, answer: str, sentence: bool = True) -> str:
    """The template with the answer in it: a repeated leading word said once, no double
    full stop, and a bare answer made a sentence."""
    answer = " ".join(answer.split())
    if template.strip() == "$answer":
        answer = answer[:1].upper() + answer[1:]
        return answer if not sentence or answer[-1:] in ".!?" else answer + "."
    before = template.split("$answer", 1)[0].split()
    if before and answer.split(" ", 1)[0].lower() == before[-1].lower():
        answer = answer.split(" ", 1)[1] if " " in answer else ""
    if template.rstrip().endswith("."):
        answer = answer.rstrip(".")
    return string.Template(template).safe_substitute(answer=answer)
