"""`pmreview coach`: walk an author through what is missing and what is vague, most important
first, and put their answers into the document.

The plan is the review's own findings (a failed check or a rule's finding each), ordered by
severity, missing elements before vague words, then by line. An answer becomes an edit of the
original text: offline by the placement rules of data/coach.toml (the end time into the
summary, a task into the measures list, a vague phrase replaced); with an LLM, the model turns
the answer into a rewrite of the sentence, which the author accepts or edits. All edits are
kept in the original's coordinates, so the positions of later findings stay right.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .catalog import CHECK_CATEGORY
from .errors import UsageError
from .models import SEVERITY_RANK, Block, Document, DocumentReview, Finding, Section
from .resources import load_toml

if TYPE_CHECKING:
    from .llm import ChatClient, LLMConfig
    from .llm.redact import Redaction

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_ARTICLE = re.compile(r"(?<![\w-])(?:an?|the|some|A|An|The|Some)\s+$")
_ITEM_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")


@dataclass(frozen=True)
class Item:
    """One thing to coach: a failed check or a finding, and how an answer is placed."""

    finding: Finding
    spec: dict[str, Any]  # its entry in data/coach.toml: where and how an answer goes

    @property
    def id(self) -> str:
        return self.finding.rule

    @property
    def is_check(self) -> bool:
        return self.finding.category == CHECK_CATEGORY

    @property
    def mode(self) -> str:
        default = "manual" if self.is_check else "replace"
        return str(self.spec.get("as", default))

    @property
    def hint(self) -> str:
        if self.spec.get("example"):
            return f"e.g. {self.spec['example']}"
        return ""


@dataclass
class Edit:
    start: int
    end: int
    text: str
    seq: int


@dataclass
class Editor:
    """Edits of `original`, each in the original's offsets; replacements never overlap."""

    original: str
    edits: list[Edit] = field(default_factory=list)

    def replace(self, start: int, end: int, text: str) -> bool:
        if any(start < e.end and e.start < end for e in self.edits if e.end > e.start):
            return False  # these words were already rewritten
        self.edits.append(Edit(start, end, text, len(self.edits)))
        return True

    def insert(self, at: int, text: str) -> None:
        for e in self.edits:
            if e.start < at < e.end:
                at = e.end
        self.edits.append(Edit(at, at, text, len(self.edits)))

    def text(self) -> str:
        out, pos = [], 0
        for e in sorted(self.edits, key=lambda e: (e.start, e.end > e.start, e.seq)):
            out.append(self.original[pos : e.start])
            out.append(e.text)
            pos = max(pos, e.end)
        out.append(self.original[pos:])
        return "".join(out)


# --------------------------------------------------------------------------- the plan


def plan(review: DocumentReview) -> list[Item]:
    """What to ask about, most important first: errors before warnings before info; within
    a severity, missing elements before vague words; then in document order, and the elements
    of one place in the order of data/coach.toml (an end time before a duration)."""
    table = load_toml("coach.toml")
    items = [
        Item(f, dict(table["checks" if f.category == CHECK_CATEGORY else "rules"].get(f.rule, {})))
        for f in review.findings
    ]
    order = {cid: n for n, cid in enumerate(table.get("checks", {}))}
    items.sort(
        key=lambda i: (
            -SEVERITY_RANK[i.finding.severity],
            not i.is_check,
            i.finding.line,
            order.get(i.id, len(order)),
        )
    )
    return items


# --------------------------------------------------------------------------- placing answers


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

    # what an answer would change: (start, end, old text, new text), or None
    def proposal(
        self, item: Item, answer: str | list[str], raw: bool = False
    ) -> list[tuple[int, int, str]]:
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
            start, end = self.offset(f.line, f.column), self.offset(f.end_line, f.end_column)
            article = _ARTICLE.search(self.text, max(0, start - 6), start)
            if article is not None:  # "a glitch" -> "an expired certificate", not "a an …"
                start = article.start()
            new = answers[0].strip()
            if start == self._sentence_start(start) and new[:1].islower():
                new = new[0].upper() + new[1:]
            return [(start, end, new)]
        if mode == "item" and f.quote:
            start, end = self._unit(f)
            return [(start, end, _fill("$answer", answers[0], sentence=self._in_prose(f)))]
        if mode == "suffix":
            label = str(spec.get("label", "owner"))
            value = " ".join(answers[0].split()).rstrip(".")
            at = [self.line_end(b.end_line) for b in self._task_blocks(spec)]
            return [(a, a, f" ({label}: {value})") for a in at]
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

    def apply(self, changes: Iterable[tuple[int, int, str]]) -> bool:
        ok = True
        for start, end, new in changes:
            if start == end:
                self.editor.insert(start, new)
            else:
                ok = self.editor.replace(start, end, new) and ok
        return ok

    def result(self) -> str:
        return self.editor.text()

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

    def _sentence(self, section: Section, sentence: str) -> tuple[int, int, str]:
        blocks = [b for b in section.blocks if b.kind != "heading"]
        if not blocks:
            at = self.line_end(section.line) if section.line else 0
            return (at, at, f"\n\n{sentence}")
        last = blocks[-1]
        at = self.line_end(last.end_line)
        if last.kind == "paragraph":
            return (at, at, f" {sentence}")
        return (at, at, f"\n\n{sentence}")

    def _item(self, section: Section, text: str) -> tuple[int, int, str]:
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

    def _new_section(self, spec: Mapping[str, Any], answers: list[str]) -> tuple[int, int, str]:
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

    def _unit(self, f: Finding) -> tuple[int, int]:
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


# --------------------------------------------------------------------------- answers file


def load_answers(path: str) -> dict[str, Any]:
    """An answers file: YAML mapping a check id, rule id or slug to an answer (a string; a list
    for several findings of one rule or several tasks; or a mapping of quoted words to answers)."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the answers file: {exc.strerror or exc}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" (line {where.line + 1})" if where is not None else ""
        raise UsageError(f"{path}: not a valid YAML answers file{at}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(
            f"{path}: the answers file must map ids to answers, e.g. summary.end_time: '07:45 EAT'"
        )
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, (str, int, float)):
            value = str(value)
        elif isinstance(value, list):
            value = [str(v) for v in value]
        elif isinstance(value, dict):
            value = {str(k): str(v) for k, v in value.items()}
        else:
            raise UsageError(f"{path}: the answer to {key!r} must be text, a list or a mapping")
        out[str(key)] = value
    return out


def answer_for(
    item: Item, answers: Mapping[str, Any], used: dict[str, int]
) -> str | list[str] | None:
    """The answer the file gives this item: by id or slug; a list is taken in turn by the
    findings of one rule (a task list answers a check at once); a mapping by quoted words."""
    for key in (item.id, item.finding.name):
        if key not in answers:
            continue
        value = answers[key]
        if isinstance(value, dict):
            quote = item.finding.quote.lower()
            return next(
                (v for k, v in value.items() if k.lower() in quote or quote in k.lower()), None
            )
        if isinstance(value, list):
            if item.mode in ("item", "section") and item.is_check:
                return value
            n = used.get(key, 0)
            used[key] = n + 1
            return value[n] if n < len(value) else None
        if not item.is_check and used.get(key, 0) and item.mode != "suffix":
            return None  # one string answers the first finding of a rule only
        used[key] = used.get(key, 0) + 1
        return str(value)
    return None


# --------------------------------------------------------------------------- the LLM rewrite


@dataclass
class Rewriter:
    """Turns an author's answer into a rewrite of the passage, with one LLM request."""

    client: ChatClient
    config: LLMConfig
    doc: Document
    requests: int = 0

    @cached_property
    def redaction(self) -> Redaction:
        """The document's personal data and its placeholders, found once for all rewrites."""
        from .llm.redact import redact

        return redact(self.doc.source)

    def rewrite(self, item: Item, target: str, context: str, answer: str) -> str:
        from .llm import ChatRequest
        from .llm.prompts import load as load_prompt
        from .llm.reviewer import ask
        from .resources import load_schema

        redaction = self.redaction
        prompt = load_prompt("coach")
        system, user = prompt.render(
            issue=item.finding.message,
            question=item.finding.question or "(none)",
            target=redaction.apply(target) or "(nothing: the text is new, to be added)",
            context=redaction.apply(context),
            answer=redaction.apply(answer),
        )
        schema = load_schema("coach-rewrite.schema.json")
        request = ChatRequest(
            self.config.model,
            ({"role": "system", "content": system}, {"role": "user", "content": user}),
            {
                "type": "json_schema",
                "json_schema": {"name": "coach_rewrite", "strict": True, "schema": schema},
            },
            max_tokens=400,
        )
        data, _, requests = ask(self.client, request, "coach-rewrite.schema.json")
        self.requests += requests
        return " ".join(redaction.restore(str(data["rewrite"])).split())


def context_of(placer: Placer, item: Item, radius: int = 2) -> tuple[int, int]:
    """The lines (first, last) to show around an item."""
    f = item.finding
    return max(1, f.line - radius), min(len(placer.lines), f.end_line + radius)


def coached_path(path: str) -> Path:
    p = Path(path)
    name = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(f"{name}.coached.md")


# --------------------------------------------------------------------------- the session


@dataclass
class Outcome:
    text: str
    answered: list[str]  # ids, in the order answered
    skipped: int
    quit: bool
    llm_requests: int = 0
    notes: list[str] = field(default_factory=list)


def describe(placer: Placer, item: Item) -> str:
    """Where an answer to this item goes, in one line."""
    f, spec = item.finding, item.spec
    mode = item.mode
    if mode == "replace" and f.quote:
        return f"Your answer replaces “{f.quote}”."
    if mode == "item" and f.quote:
        start, end = placer._unit(f)
        return f"Your answer replaces “{placer.text[start:end].strip()}”."
    if mode == "suffix":
        return f"Your answer is added to each task as “({spec.get('label', 'owner')}: …)”."
    if mode in ("sentence", "item", "section"):
        section = None if mode == "section" else placer._section(spec)
        where = f"“{section.title}”" if section is not None and section.title else None
        where = where or f"a new section “{spec.get('title', 'Notes')}”"
        shape = str(spec.get("template", "$answer")).replace("$answer", "…")
        return f"Your answer is added to {where}" + (f" as “{shape}”." if shape != "…" else ".")
    return "pmreview cannot place this one for you: fix it in the document by hand."


def _show_context(placer: Placer, item: Item, emph: Callable[[str], str]) -> list[str]:
    f = item.finding
    first, last = context_of(placer, item)
    out = []
    for n in range(first, last + 1):
        line = placer.lines[n - 1]
        if f.quote and f.line == n == f.end_line and f.end_column > f.column:
            a, b = f.column - 1, f.end_column - 1
            line = line[:a] + emph(line[a:b]) + line[b:]
        marker = "›" if f.line <= n <= f.end_line else " "
        out.append(f"  {marker}{n:4d} │ {line}")
    return out


def session(
    review: DocumentReview,
    doc: Document,
    *,
    echo: Callable[[str], None],
    answers: Mapping[str, Any] | None = None,
    ask: Callable[[str], str] | None = None,
    rewriter: Rewriter | None = None,
    emph: Callable[[str], str] = lambda s: f"»{s}«",
    failing: Callable[[str], set[str]] | None = None,
) -> Outcome:
    """Coach one document: from an answers file (`answers`) or by asking (`ask`).
    `failing(text)` gives the check ids that still fail in a text: after each answer, the
    missing elements it already supplied (a start and an end give a duration) are not asked."""
    from .llm import LLMError

    items = plan(review)
    placer = Placer(doc)
    out = Outcome(doc.source.text, [], 0, False)
    used: dict[str, int] = {}
    still = {i.id for i in items if i.is_check}
    for n, item in enumerate(items, 1):
        f = item.finding
        if item.is_check and item.id not in still:
            echo(f"✓ {item.id}: present now, from your earlier answers")
            continue
        if answers is not None:
            answer: str | list[str] | None = answer_for(item, answers, used)
            if answer is None or item.mode == "manual":
                out.skipped += 1
                continue
        else:
            assert ask is not None
            where = f"line {f.line}" + (f", {f.section}" if f.section else "")
            echo("")
            echo(f"[{n}/{len(items)}] {item.id} ({f.severity}) · {where}")
            echo("\n".join(_show_context(placer, item, emph)))
            echo(f"  {f.message}")
            echo(f"  (why it matters: pmreview explain {item.id})")
            if item.mode == "manual":
                echo(f"  {describe(placer, item)}")
                if ask("  Enter to go on, q to quit: ").strip().lower() in ("q", "quit"):
                    out.quit = True
                    break
                out.skipped += 1
                continue
            if f.question:
                echo(f"  ? {f.question}")
            if item.hint:
                echo(f"    {item.hint}")
            echo(f"  {describe(placer, item)}")
            reply = ask("  Your answer (Enter: skip, q: quit): ").strip()
            if reply.lower() in ("q", "quit", ":q"):
                out.quit = True
                break
            if not reply:
                out.skipped += 1
                continue
            answer = reply
        changes = placer.proposal(item, answer)
        if not changes:
            out.skipped += 1
            continue
        if rewriter is not None and item.mode != "suffix":
            text = answer if isinstance(answer, str) else "\n".join(answer)
            target = ""
            if item.mode in ("replace", "item") and f.quote:
                a, b = placer._unit(f)
                target = placer.text[a:b]
            first, last = context_of(placer, item, radius=3)
            context = "\n".join(placer.lines[first - 1 : last])
            try:
                proposed = rewriter.rewrite(item, target, context, text)
            except LLMError as exc:
                note = f"LLM rewrite failed ({exc}); your words are used as they are"
                out.notes.append(note)
                echo(f"  {note}")
            else:
                if ask is not None:
                    echo(f"  Proposed: {proposed}")
                    choice = ask("  Enter: accept · e: edit · k: keep your words · s: skip: ")
                    choice = choice.strip().lower()
                    if choice == "s":
                        out.skipped += 1
                        continue
                    if choice == "e":
                        proposed = ask("  Your version: ").strip() or proposed
                    if choice != "k":
                        changes = placer.proposal(item, proposed, raw=True)
                else:
                    changes = placer.proposal(item, proposed, raw=True)
        if not placer.apply(changes):
            echo(f"  {item.id}: these words were already rewritten; skipped")
            out.skipped += 1
            continue
        out.answered.append(item.id)
        shown = " ".join(c[2].strip() for c in changes)
        echo(f"✓ {item.id}: {shown[:160]}")
        if failing is not None:
            still &= failing(placer.result())
    out.text = placer.result()
    if rewriter is not None:
        out.llm_requests = rewriter.requests
    return out
