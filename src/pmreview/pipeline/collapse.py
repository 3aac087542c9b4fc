"""What an author reads of the findings about vague statements: the same words again and
again are one finding, and so are the vague words of one sentence or list item (the author
rewrites it once), each merged finding naming what it took in."""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Block, Document, Finding
from ..text.sentences import sentences
from ..text.times import WEEKDAY

# The findings about vague statements: the phrase rules' and the LLM reviewer's critiques.
VAGUE = "vague"


def collapse_repeats(findings: list[Finding]) -> list[Finding]:
    """The same rule on the same words again and again ("glitch" six times) is one finding, at
    the first place, naming the other lines. Runs after directives, so that a directive on
    one occurrence silences only that one."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.line, f.column)):
        key = (f.rule, _words(f.quote))
        if f.quote and key in groups:
            groups[key].append(f)
            continue
        groups[key] = [f]
        out.append(f)
    for i, f in enumerate(out):
        repeats = groups.get((f.rule, _words(f.quote)), [f])[1:] if f.quote else []
        numbers = sorted({r.line for r in repeats} - {f.line})
        if repeats:
            lines = ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "") or str(
                f.line
            )
            plural = "s" if len(numbers) > 1 else ""
            out[i] = replace(
                f, message=f"{f.message} (the same words again on line{plural} {lines})"
            )
    return out


def _words(quote: str) -> str:
    return " ".join(quote.lower().split())


def fold(findings: list[Finding], doc: Document) -> list[Finding]:
    """What an author is shown: one vague finding per sentence or list item, in the order of
    the document. No limit: past one, the findings left out would be named by their words
    alone, and read as their authors most of them said something true that no other did."""
    shown = one_per_sentence(findings, doc)
    return sorted(shown, key=lambda f: (f.line, f.column, f.rule))


def one_per_sentence(findings: list[Finding], doc: Document) -> list[Finding]:
    """Vague findings that touch the same sentence or list item ("Regularly update and patch
    servers as routine updates" flagged at "Regularly update" and at "routine updates", or a
    phrase rule and the LLM reviewer on one sentence) are one finding, at the first: the
    author rewrites that sentence once. It names the other words, with their message where it
    says something else, and takes the LLM reviewer's advice when one of them is its
    critique."""
    groups: dict[int, list[Finding]] = {}
    owner: dict[tuple[int, int], int] = {}
    for n, f in enumerate(sorted(findings, key=lambda f: (f.line, f.column))):
        places = _sentences_of(f, doc) if f.category == VAGUE and f.quote else []
        joined = sorted({owner[p] for p in places if p in owner})
        into = joined[0] if joined else n
        groups[into] = groups.get(into, []) + [f]
        if len(joined) > 1:  # the finding joins groups made apart: they become one
            for other in joined[1:]:
                groups[into] += groups.pop(other)
            for p, g in list(owner.items()):
                if g in joined:
                    owner[p] = into
        owner.update((p, into) for p in places)
    return [_merged(sorted(g, key=lambda f: (f.line, f.column)), doc) for g in groups.values()]


def _merged(group: list[Finding], doc: Document) -> Finding:
    first, others = group[0], group[1:]
    if not others:
        return first
    named = "; ".join(
        f"“{f.quote}”" + ("" if f.message == first.message else f": {f.message.rstrip('.')}")
        for f in others
    )
    advice = next((f for f in group if f.source == "llm"), first)
    end = max(group, key=lambda f: (f.end_line, f.end_column))
    return replace(
        first,
        end_line=end.end_line,
        end_column=end.end_column,
        quote=_text(doc, first, end),
        message=f"{first.message} (also in this sentence: {named})",
        question=advice.question or first.question,
        suggestion=advice.suggestion or first.suggestion,
    )


def _text(doc: Document, start: Finding, end: Finding) -> str:
    """The document's words from the start of `start` to the end of `end`."""
    lines = doc.source.lines[start.line - 1 : end.end_line]
    if len(lines) == 1:
        return lines[0][start.column - 1 : end.end_column - 1]
    return "\n".join([lines[0][start.column - 1 :], *lines[1:-1], lines[-1][: end.end_column - 1]])


def _sentences_of(f: Finding, doc: Document) -> list[tuple[int, int]]:
    """(block, sentence) places the finding's words touch: `id` of the block, and the index of
    the sentence in it; a list item or a table row of one line (one task, one timeline entry)
    is one, a longer one (entries joined by line breaks, notes under a task) has sentences."""
    block = next((b for b in doc.blocks if b.line <= f.line <= b.end_line), None)
    if block is None:
        return []
    if block.kind in ("item", "row") and block.line == block.end_line:
        return [(id(block), 0)]
    start = _offset(block, f.line, f.column)
    end = _offset(block, min(f.end_line, block.end_line), f.end_column)
    return [
        (id(block), i)
        for i, (s, e) in enumerate(statements(block))
        if s < max(end, start + 1) and start < e
    ]


# a line that opens a statement of its own in a paragraph written without full stops: it opens
# with a dash, a date or a clock time ("… restarted nginx\n14:20 traffic was back")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_STATEMENT_LINE = re.compile(
    r"\n[ \t>*_]*(?=[-–—•]\s|\d{1,2}[:h.]\d{2}\b|\d{1,2}\s*(?:am|pm)\b|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}"
    rf"|{WEEKDAY}\b)",
    re.IGNORECASE,
)


def statements(block: Block) -> list[tuple[int, int]]:
    """The spans of the block's sentences, a sentence cut where one of its lines opens with a
    dash, a date or a clock time: in a paragraph with no full stops each such line is a
    statement of its own, which the author rewrites apart."""
    spans = []
    for s, e in sentences(block):
        cuts = [m.start() for m in _STATEMENT_LINE.finditer(block.text, s, e)]
        spans += list(zip([s, *cuts], [*cuts, e], strict=True))
    return spans


def _offset(block: Block, line: int, column: int) -> int:
    """The offset into `block.text` of a 1-based (line, column) inside it."""
    if line == block.line:
        return max(column - block.column, 0)
    at = -1
    for _ in range(line - block.line):
        at = block.text.find("\n", at + 1)
    return at + column
