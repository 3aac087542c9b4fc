"""The HTML report's document view: every line, each finding's words in a <mark> (overlapping
findings split into segments), and the findings explained beside the line they start on."""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..models import Finding, Source, slug

SEV_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Numbered:
    n: int  # the finding's number in the page, 1-based
    f: Finding


def _tip(items: list[Numbered]) -> str:
    return "\n".join(f"[{i.n}] {i.f.rule} {i.f.name}: {i.f.message}" for i in items)


def _spans(source: Source, items: list[Numbered]) -> list[tuple[int, int, Numbered]]:
    """(start, end, finding) offsets into the text for findings about quoted words."""
    starts = [0]
    for line in source.lines:
        starts.append(starts[-1] + len(line) + 1)
    size = len(source.text)

    def offset(line: int, column: int) -> int:
        if line < 1:
            return 0
        if line > len(source.lines):
            return size
        return min(starts[line - 1] + max(column, 1) - 1, starts[line] - 1)

    out = []
    for i in items:
        if not i.f.quote:
            continue
        a, b = offset(i.f.line, i.f.column), offset(i.f.end_line, i.f.end_column)
        if b > a:
            out.append((a, b, i))
    return out


def _line_html(text: str, base: int, spans: list[tuple[int, int, Numbered]], doc_id: str) -> str:
    """One line: marks over the findings' words, a numbered link after each finding's end."""
    here = [s for s in spans if s[0] < base + len(text) + 1 and s[1] > base]
    if not here:
        return html.escape(text)
    cuts = sorted({0, len(text)} | {min(max(p - base, 0), len(text)) for s in here for p in s[:2]})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s[2] for s in here if s[0] <= base + a and base + b <= s[1]]
        piece = html.escape(text[a:b])
        if active and piece:
            worst = max(active, key=lambda i: SEV_RANK[i.f.severity]).f.severity
            out.append(f'<mark class="{worst}" title="{html.escape(_tip(active))}">{piece}</mark>')
        else:
            out.append(piece)
        for s in here:  # the references of the findings that end here
            if s[1] == base + b or (b == len(text) and s[1] > base + b and s[1] <= base + b + 1):
                out.append(_ref(s[2], doc_id))
    return "".join(out)


def _ref(i: Numbered, doc_id: str) -> str:
    return (
        f'<a class="ref {i.f.severity}" href="#{doc_id}-f{i.n}" '
        f'title="{html.escape(_tip([i]))}">{i.n}</a>'
    )


def note(i: Numbered, doc_id: str) -> str:
    """A finding explained: number, rule, message and the question to ask; how to fix it
    opens on a click (a <details>, so it works without script)."""
    f = i.f
    name = "" if f.name == slug(f.rule) else f.name
    tail = '<span class="more">how to fix ▸</span>' if f.suggestion else ""
    head = (
        f'<span class="note-head"><a class="ref {f.severity}" href="#{doc_id}-L{f.line}">{i.n}</a>'
        f'<span class="rule">{html.escape(f.rule)}</span>'
        f'<span class="name">{html.escape(name)}</span>'
        f'<span class="sev">{f.severity}{" · LLM" if f.source == "llm" else ""}</span></span>'
        f'<span class="msg">{html.escape(f.message)}{"" if f.question else tail}</span>'
        + (f'<span class="question">{html.escape(f.question)}{tail}</span>' if f.question else "")
    )
    attrs = f'class="note {f.severity}" id="{doc_id}-f{i.n}"'
    if not f.suggestion:
        return f"<div {attrs}>{head}</div>"
    return (
        f"<details {attrs}><summary>{head}</summary>"
        f'<p class="fix">{html.escape(f.suggestion)}</p></details>'
    )


def missing(i: Numbered, doc_id: str) -> str:
    """A failed check, beside the line it concerns: one line, explained in the checklist."""
    f = i.f
    return (
        f'<div class="note compact {f.severity}" id="{doc_id}-f{i.n}">'
        f'<a class="ref {f.severity}" href="#{doc_id}-c-{html.escape(f.rule)}">{i.n}</a>'
        f'<span class="rule">{html.escape(f.rule)}</span> {html.escape(f.message)}</div>'
    )


def document_view(source: Source, items: list[Numbered], doc_id: str, checks: set[str]) -> str:
    """The document as rows: line number, text with marks, notes for the findings there (a
    failed check, about something missing, is one line: the checklist explains it)."""
    spans = sorted(_spans(source, items), key=lambda s: s[0])
    active: list[tuple[int, int, Numbered]] = []
    nxt = 0
    by_line: dict[int, list[Numbered]] = {}
    for i in items:
        by_line.setdefault(min(max(i.f.line, 1), max(len(source.lines), 1)), []).append(i)

    def explain(i: Numbered) -> str:
        return missing(i, doc_id) if not i.f.quote and i.f.rule in checks else note(i, doc_id)

    rows: list[str] = []
    base = 0
    for n, line in enumerate(source.lines, start=1):
        end = base + len(line)
        while nxt < len(spans) and spans[nxt][0] <= end:  # spans that start by this line's end
            active.append(spans[nxt])
            nxt += 1
        active = [s for s in active if s[1] > base]
        notes = by_line.get(n, [])
        flags = [i for i in notes if not i.f.quote]
        cls = "row" + (" flagged" if flags else "") + (" noted" if notes else "")
        rows.append(
            f'<div class="{cls}" id="{doc_id}-L{n}">'
            f'<a class="no" href="#{doc_id}-L{n}">{n}</a>'
            f'<div class="tx">{_line_html(line, base, active, doc_id)}'
            + "".join(_ref(i, doc_id) for i in flags)
            + "</div>"
            f'<div class="notes">{"".join(explain(i) for i in notes)}</div></div>'
        )
        base += len(line) + 1
    return '<div class="source">' + "".join(rows) + "</div>"
