"""HTML written in a Markdown document: headings, paragraphs, lists and table rows as blocks,
and the Markdown an HTML block runs on with."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from ..models import Block
from .titles import Mark

Pair = tuple[Block, Mark | None]
# reads lines as Markdown (parse/blocks.py), for the Markdown that follows HTML with no blank line
Reparse = Callable[[tuple[str, ...]], list[Pair]]


def _raw(lines: tuple[str, ...], start: int, end: int) -> str:
    return "\n".join(lines[start:end])


_HTML_HEADING = re.compile(r"^\s{0,3}<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
# "<" up to the next ">" (a tag when something is between them); with no ">" the run to the
# end of the text, taken once and kept (a search from each "<" would read it again each time)
_TAG = re.compile(r"<[^>]*+>?")


def _untag(m: re.Match[str]) -> str:
    return "" if len(m[0]) > 2 and m[0][-1] == ">" else m[0]


_HTML_P = re.compile(r"^\s{0,3}<p\b", re.IGNORECASE)


def html_block(lines: tuple[str, ...], s: int, e: int, reparse: Reparse) -> list[Pair]:
    """`<h3>Timeline</h3>` is a heading too, wherever it stands in an HTML block (written
    with no blank line between `<p>…</p>` and `<h2>…</h2>`): each heading line opens a
    section of its own. What comes before the first heading is an HTML paragraph, prose all
    the same ("<p class="lead">Between …"), or an HTML list's items, table rows or `<div>`
    paragraphs. A first line of tags only (an image, "<p align="center"><img …></p>") with
    text right under it holds nothing to read: CommonMark runs the HTML block on over the
    Markdown below, which is read as Markdown."""
    if e - s > 1 and _tags_only(lines[s]) and not lines[s + 1].lstrip().startswith("<"):
        return _shifted(reparse(lines[s + 1 : e]), s + 1)
    heads = [n for n in range(s, e) if _HTML_HEADING.match(lines[n])]
    first = heads[0] if heads else e
    out: list[tuple[Block, Mark | None]] = []
    if first > s:
        out = (
            [(Block("paragraph", s + 1, first, _raw(lines, s, first)), None)]
            if _HTML_P.match(lines[s])
            else _html_items(lines, s, first)
        )
    for n, nxt in zip(heads, [*heads[1:], e], strict=False):
        out.extend(_one_html_heading(lines, n, nxt, reparse))
    return out


# code and scripts, whose lines are no Markdown even where no tag opens them
_VERBATIM = re.compile(r"<(?:pre|code|script|style|textarea|!--)", re.IGNORECASE)


def _tags_only(line: str) -> bool:
    """A line of tags only that holds no text to come: not code, nor a paragraph it opens
    (`<p class="intro">` above its text is an HTML paragraph)."""
    if _HTML_P.match(line) and "</p>" not in line.lower():
        return False
    return not _TAG.sub(_untag, line).strip() and not _VERBATIM.search(line)


def _one_html_heading(lines: tuple[str, ...], s: int, e: int, reparse: Reparse) -> list[Pair]:
    """A heading line and what follows it up to `e`. CommonMark runs an HTML block on to the
    next blank line, so the Markdown written right under it is parsed on its own."""
    m = _HTML_HEADING.match(lines[s])
    assert m is not None
    title = _TAG.sub(_untag, m.group(2)).strip()
    out: list[tuple[Block, Mark | None]] = [
        (
            Block("heading", s + 1, s + 1, lines[s]),
            Mark(title, "atx", int(m.group(1)), s + 1, max(lines[s].find(title) + 1, 1), False),
        )
    ]
    return out + _shifted(reparse(lines[s + 1 : e]), s + 1)


def _shifted(blocks: list[Pair], by: int) -> list[Pair]:
    """Blocks read from lines that start `by` lines into the document, at their lines."""
    for block, mark in blocks:
        block.line += by
        block.end_line += by
        if mark is not None:
            mark.line += by
    return blocks


# a line that opens a list item, a table row or a paragraph, or opens or closes a list (which
# ends the item above it)
_HTML_LI = re.compile(r"^\s*+<(li|tr|p)\b[^>]*+>?", re.IGNORECASE)
_HTML_KIND: dict[str, Literal["item", "row", "paragraph"]] = {
    "li": "item",
    "tr": "row",
    "p": "paragraph",
}
_HTML_LIST = re.compile(r"^\s*+<(/?)[ou]l\b", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"^\s*+</(?!li\b|t[dhr]\b)", re.IGNORECASE)  # "</div>": the item ended


def _html_items(lines: tuple[str, ...], s: int, e: int) -> list[tuple[Block, Mark | None]]:
    """The items of an HTML list written one `<li>` a line (or more), each as deep as the
    `<ul>`/`<ol>` tags around it, the rows of an HTML table (`<tr>`; not the head's, which
    has no `<td>`, as a Markdown table's) and the paragraphs (`<p>`) in a `<div>`; each runs
    to the next item, row, paragraph or list tag."""
    out: list[tuple[Block, Mark | None]] = []
    depth, start, at, kind = -1, -1, 0, "li"
    for n in range(s, e + 1):
        li = _HTML_LI.match(lines[n]) if n < e else None
        tag = _HTML_LIST.match(lines[n]) if n < e else None
        if start >= 0 and (li or tag or n == e or _HTML_CLOSE.match(lines[n])):
            text = _raw(lines, start, n)
            if n > start and not (kind == "tr" and "<td" not in text.lower()):  # a head row
                marker = "<li>" if kind == "li" else ""
                out.append(
                    (Block(_HTML_KIND[kind], start + 1, n, text, depth=at, marker=marker), None)
                )
            start = -1
        if tag:
            depth += -1 if tag.group(1) else 1
        elif li:  # an item whose text starts on the line below its lone <li> starts there
            start, at = n + (li.end() == len(lines[n].rstrip())), max(depth, 0)
            kind = li.group(1).lower()
    return out
