"""markdown-it tokens -> blocks in document order; headings and section-opening lines marked."""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..models import Block
from .titles import Mark, section_mark


@cache
def markdown() -> MarkdownIt:
    # block structure only: inline markup is never rendered, so its parsing is skipped
    md = MarkdownIt("commonmark").enable("table")
    md.core.ruler.disable(["inline", "text_join"], ignoreInvalid=True)
    return md


def _raw(lines: tuple[str, ...], start: int, end: int) -> str:
    return "\n".join(lines[start:end])


def token_blocks(tokens: list[Token], lines: tuple[str, ...]) -> list[tuple[Block, Mark | None]]:
    """Blocks in document order; headings and section-opening lines carry a Mark."""
    out: list[tuple[Block, Mark | None]] = []
    depth = -1
    quote = 0
    item_open: tuple[int, str] | None = None
    in_thead = False
    for i, tok in enumerate(tokens):
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote -= 1
        elif t == "thead_open":
            in_thead = True
        elif t == "thead_close":
            in_thead = False
        elif t == "list_item_open" and tok.map:
            marker = tok.markup if t and tok.info == "" else f"{tok.info}{tok.markup}"
            item_open = (tok.map[0], marker)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or nxt.type != "paragraph_open":
                end = tok.map[0] + 1
                out.append(
                    (
                        Block(
                            "item",
                            tok.map[0] + 1,
                            end,
                            _raw(lines, tok.map[0], end),
                            depth=depth,
                            marker=marker,
                        ),
                        None,
                    )
                )
                item_open = None
        elif t == "heading_open" and tok.map:
            title = tokens[i + 1].content if i + 1 < len(tokens) else ""
            s, e = tok.map
            style = "setext" if tok.markup in ("=", "-") else "atx"
            block = Block("heading", s + 1, e, _raw(lines, s, e))
            col = max(lines[s].find(title.strip()[:10]) + 1, 1) if title.strip() else 1
            out.append((block, Mark(title, style, int(tok.tag[1]), s + 1, col, False)))
        elif t == "html_block" and tok.map and not quote and depth < 0:
            out.extend(_html_heading(lines, *tok.map))
        elif t == "code_block" and tok.map and not quote:
            out.extend(_indented(lines, *tok.map))
        elif t == "tr_open" and tok.map and not in_thead:
            s, e = tok.map
            out.append((Block("row", s + 1, e, _raw(lines, s, e)), None))
        elif t == "paragraph_open" and tok.map:
            s, e = tok.map
            if item_open is not None:
                start, marker = item_open
                cut = _lazy_title(lines, s + 1, e)
                out.append(
                    (
                        Block(
                            "item",
                            start + 1,
                            cut,
                            _raw(lines, start, cut),
                            depth=depth,
                            marker=marker,
                        ),
                        None,
                    )
                )
                out.extend(_split_paragraph(lines, cut, e) if cut < e else [])
                item_open = None
            elif quote:
                out.append((Block("paragraph", s + 1, e, _raw(lines, s, e)), None))
            else:
                out.extend(_split_paragraph(lines, s, e))
    return out


_HTML_HEADING = re.compile(r"^\s{0,3}<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_HTML_P = re.compile(r"^\s{0,3}<p\b", re.IGNORECASE)


def _html_heading(lines: tuple[str, ...], s: int, e: int) -> list[tuple[Block, Mark | None]]:
    """`<h3>Timeline</h3>` is a heading too. CommonMark runs an HTML block on to the next blank
    line, so the Markdown written right under it is parsed on its own."""
    m = _HTML_HEADING.match(lines[s])
    if m is None:  # an HTML paragraph is prose all the same ("<p class="lead">Between …")
        return (
            [(Block("paragraph", s + 1, e, _raw(lines, s, e)), None)]
            if _HTML_P.match(lines[s])
            else []
        )
    title = _TAG.sub("", m.group(2)).strip()
    out: list[tuple[Block, Mark | None]] = [
        (
            Block("heading", s + 1, s + 1, lines[s]),
            Mark(title, "atx", int(m.group(1)), s + 1, max(lines[s].find(title) + 1, 1), False),
        )
    ]
    rest = lines[s + 1 : e]
    if rest:
        for block, mark in token_blocks(markdown().parse("\n".join(rest)), rest):
            block.line += s + 1
            block.end_line += s + 1
            if mark is not None:
                mark.line += s + 1
            out.append((block, mark))
    return out


_UNICODE_BULLET = re.compile(r"^(?:\s|&nbsp;|\u00a0)*[•●▪◦‣■□➢➤►✓✔❖]\s*")
_INDENTED_ITEM = re.compile(r"^\s*(?:[-*+•●]|\d+[.)])\s+")


def _indented(lines: tuple[str, ...], s: int, e: int) -> list[tuple[Block, Mark | None]]:
    """An indented code block: in postmortems almost always prose or a list indented by
    accident, so its lines are read as list items (with a marker) or one-line paragraphs."""
    out: list[tuple[Block, Mark | None]] = []
    for n in range(s, e):
        if lines[n].strip():
            kind = "item" if _INDENTED_ITEM.match(lines[n]) else "paragraph"
            out.append((Block(kind, n + 1, n + 1, lines[n]), None))  # type: ignore[arg-type]
    return out


def _lazy_title(lines: tuple[str, ...], s: int, e: int) -> int:
    """Where a list item's paragraph meets a section title written at the margin under it
    ("- the last fact\nTimeline:" with no blank line): Markdown runs the title into the item,
    its author meant a new section. The item ends there (e when it does not)."""
    for n in range(s, e):
        if lines[n][:1].strip() and section_mark(lines[n], n + 1, alone=False):
            return n
    return e


def _split_paragraph(lines: tuple[str, ...], s: int, e: int) -> list[tuple[Block, Mark | None]]:
    """A paragraph, cut where a line opens a section (`**Timeline**`, `Impact:`, `Cause: …`)."""
    out: list[tuple[Block, Mark | None]] = []
    start = s
    for n in range(s, e):
        if _UNICODE_BULLET.match(lines[n]):
            # "• item" lines with hard breaks render as separate bulleted lines
            if n > start:
                out.append((Block("paragraph", start + 1, n, _raw(lines, start, n)), None))
            out.append((Block("item", n + 1, n + 1, lines[n], marker="•"), None))
            start = n + 1
            continue
        mark = section_mark(lines[n], n + 1, alone=(e - s == 1))
        if mark is None:
            continue
        if n > start:
            out.append((Block("paragraph", start + 1, n, _raw(lines, start, n)), None))
        # an inline label ("Root cause: the disk…") keeps its line as the section's body
        out.append((Block("heading", n + 1, n + 1, lines[n]), mark))
        start = n if mark.inline else n + 1
    if start < e:
        out.append((Block("paragraph", start + 1, e, _raw(lines, start, e)), None))
    return out
