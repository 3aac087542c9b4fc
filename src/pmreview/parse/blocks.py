"""markdown-it tokens -> blocks in document order; headings and section-opening lines marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..models import Block
from ..text.entry_times import leading_time
from .code import indented, timed_fence
from .html_blocks import html_block
from .titles import Mark, callout_mark, section_mark, title_case


@cache
def markdown() -> MarkdownIt:
    # block structure only: inline markup is never rendered, so its parsing is skipped
    md = MarkdownIt("commonmark").enable("table")
    # a deep ladder of nested items ("5 whys", each answer indented under its question) must
    # not end the document: past this depth markdown-it drops every line that follows
    md.options["maxNesting"] = 400
    md.core.ruler.disable(["inline", "text_join"], ignoreInvalid=True)
    return md


def _raw(lines: tuple[str, ...], start: int, end: int) -> str:
    return "\n".join(lines[start:end])


def token_blocks(tokens: list[Token], lines: tuple[str, ...]) -> list[tuple[Block, Mark | None]]:
    """Blocks in document order; headings and section-opening lines carry a Mark."""
    walk = _Walk(tokens, lines)
    for i, tok in enumerate(tokens):
        if not walk.nest(tok.type) and tok.map:
            walk.block(i, tok, *tok.map)
    return walk.out


_NESTING = {
    "bullet_list_open": ("depth", 1),
    "ordered_list_open": ("depth", 1),
    "bullet_list_close": ("depth", -1),
    "ordered_list_close": ("depth", -1),
    "blockquote_open": ("quote", 1),
    "blockquote_close": ("quote", -1),
    "thead_open": ("thead", 1),
    "thead_close": ("thead", -1),
}


@dataclass
class _Walk:
    """The token loop's state: how deep in lists and quotes, in a table's head or not, the
    list item whose first paragraph is still to come; the blocks so far."""

    tokens: list[Token]
    lines: tuple[str, ...]
    out: list[tuple[Block, Mark | None]] = field(default_factory=list)
    depth: int = -1
    quote: int = 0
    thead: int = 0
    item: tuple[int, str] | None = None  # an open list item: its first line and marker
    titled: int = -1  # the line of a numbered title ("1. Description"), read as a heading

    def nest(self, kind: str) -> bool:
        """Count a list, quote or table head opening or closing (False: not one of those)."""
        if kind not in _NESTING:
            return False
        name, step = _NESTING[kind]
        setattr(self, name, getattr(self, name) + step)
        return True

    def block(self, i: int, tok: Token, s: int, e: int) -> None:
        """The blocks a token opens (lines s to e, from 0, e excluded)."""
        t = tok.type
        if t == "list_item_open":
            self._item(i, tok, s)
        elif t == "heading_open":
            self._heading(i, tok, s, e)
        elif t == "html_block" and not self.quote and self.depth < 0:
            self.out.extend(html_block(self.lines, s, e, _reparsed))
        elif t == "code_block" and not self.quote:
            self.out.extend(indented(self.lines, s, e))
        elif t == "fence" and not self.quote and self.depth < 0:
            fence = timed_fence(self.lines, s, e, tok.markup)
            self.out.extend([(fence, None)] if fence else [])
        elif t == "tr_open" and not self.thead:
            self.out.append((Block("row", s + 1, e, _raw(self.lines, s, e)), None))
        elif t == "paragraph_open":
            self._paragraph(s, e)

    def _item(self, i: int, tok: Token, s: int) -> None:
        """A list item opens; one with no paragraph (empty, or a nested list first) is a
        block of its first line at once."""
        marker = tok.markup if tok.info == "" else f"{tok.info}{tok.markup}"
        mark = _numbered_title(self.tokens, i, self.lines[s], s + 1) if self.depth == 0 else None
        if mark is not None:
            self.out.append((Block("heading", s + 1, s + 1, self.lines[s]), mark))
            self.titled = s
            return
        self.item = (s, marker)
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if nxt is None or nxt.type != "paragraph_open":
            self._close_item(s + 1)

    def _close_item(self, end: int) -> None:
        assert self.item is not None
        start, marker = self.item
        block = Block(
            "item", start + 1, end, _raw(self.lines, start, end), depth=self.depth, marker=marker
        )
        self.out.append((block, None))
        self.item = None

    def _heading(self, i: int, tok: Token, s: int, e: int) -> None:
        title = self.tokens[i + 1].content if i + 1 < len(self.tokens) else ""
        style = "setext" if tok.markup in ("=", "-") else "atx"
        block = Block("heading", s + 1, e, _raw(self.lines, s, e))
        col = max(self.lines[s].find(title.strip()[:10]) + 1, 1) if title.strip() else 1
        self.out.append((block, Mark(title, style, int(tok.tag[1]), s + 1, col, False)))

    def _paragraph(self, s: int, e: int) -> None:
        """A paragraph: the body of an open list item (up to a section title at the margin),
        one block in a quote, or cut where its lines open sections."""
        if s == self.titled:
            return
        if self.item is not None:
            cut = _lazy_title(self.lines, s + 1, e)
            self._close_item(cut)
            self.out.extend(_split_paragraph(self.lines, cut, e) if cut < e else [])
        elif self.quote:
            block = Block("paragraph", s + 1, e, _raw(self.lines, s, e))
            mark = callout_mark(self.lines[s], s + 1)
            head = Block("heading", s + 1, s + 1, self.lines[s])
            self.out.extend([(head, mark), (block, None)] if mark else [(block, None)])
        else:
            self.out.extend(_split_paragraph(self.lines, s, e))


def _reparsed(rest: tuple[str, ...]) -> list[tuple[Block, Mark | None]]:
    """Lines that an HTML block ran on with, read as the Markdown they are."""
    return token_blocks(markdown().parse("\n".join(rest)), rest)


def _numbered_title(tokens: list[Token], i: int, line: str, lineno: int) -> Mark | None:
    """A numbered list of one item, on one line, that is only a short title naming a kind
    ("1. Description", "4. Cause"): reports exported from word processors number their
    sections so, and Markdown reads each as a list of its own."""
    para = tokens[i + 1].map if i + 1 < len(tokens) else None
    alone = [t.type for t in tokens[i - 1 : i + 6]] == _ONE_ITEM
    if not (alone or _restarts_under(tokens, i)) or not para or para[1] - para[0] != 1:
        return None
    m = _NUMBER.match(line)
    title = line[m.end() :].rstrip() if m else ""
    # a longer one in Title Case ("5. Corrective and Preventative Measures"), not a task
    # ("1. Fix the root cause of the retries")
    words = len(title.split())
    short = 0 < words <= 3 or (words <= 6 and title_case(title))
    mark = section_mark(title, lineno, alone=True) if short else None
    if m is None or mark is None or mark.style != "bare":
        return None
    return Mark(mark.title, "bare", 8, lineno, m.end() + 1, False)


def _restarts_under(tokens: list[Token], i: int) -> bool:
    """The first item of a numbered list whose next item counts again from a number no higher
    ("5. Corrective Actions" over "1. Lower the alerts", "2. …"): converted reports number
    their sections and the list under one alike, and Markdown runs the two into one list."""
    if i == 0 or tokens[i - 1].type != "ordered_list_open" or not tokens[i].info.isdigit():
        return False
    level = tokens[i].level
    for tok in tokens[i + 1 :]:
        if tok.level < level:
            return False
        if tok.type == "list_item_open" and tok.level == level:
            return tok.info.isdigit() and int(tok.info) <= int(tokens[i].info)
    return False


_ONE_ITEM = [
    "ordered_list_open",
    "list_item_open",
    "paragraph_open",
    "inline",
    "paragraph_close",
    "list_item_close",
    "ordered_list_close",
]
_NUMBER = re.compile(r"^\s*+\d{1,2}[.)]\s+")
# \s has U+00A0; U+F0B7, U+F0A7 and U+F0D8 are the Symbol and Wingdings bullets that a list
# copied out of a word processor or a PDF keeps ("\uf0b7 14:00 GMT: Issue detected")
_UNICODE_BULLET = re.compile(r"^(?:\s|&nbsp;)*+[•●▪◦‣■□➢➤►✓✔❖∙⁃\uf0b7\uf0a7\uf0d8]\s*")


def _lazy_title(lines: tuple[str, ...], s: int, e: int) -> int:
    """Where a list item's paragraph meets a section title written at the margin under it
    ("- the last fact\nTimeline:" with no blank line): Markdown runs the title into the item,
    its author meant a new section. The item ends there (e when it does not)."""
    for n in range(s, e):
        if lines[n][:1].strip() and section_mark(lines[n], n + 1, alone=False):
            return n
    return e


def _bullet_end(lines: tuple[str, ...], n: int, e: int) -> int:
    """Where the bulleted line n ends: a timed entry's text runs on over the lines after it
    that are not bulleted and open no section, its text wrapped ("\uf0b7 15:20 GMT: changes
    made to the load balancer to\nspread traffic across all servers."); other lines end there."""
    end = n + 1
    if leading_time(_UNICODE_BULLET.sub("", lines[n])) is None:
        return end
    while (
        end < e
        and not _UNICODE_BULLET.match(lines[end])
        and section_mark(lines[end], end + 1, alone=False) is None
    ):
        end += 1
    return end


def _split_paragraph(lines: tuple[str, ...], s: int, e: int) -> list[tuple[Block, Mark | None]]:
    """A paragraph, cut where a line opens a section (`**Timeline**`, `Impact:`, `Cause: …`)."""
    out: list[tuple[Block, Mark | None]] = []
    start = s
    for n in range(s, e):
        if n < start:
            continue  # a line that continues the bulleted line above it
        if _UNICODE_BULLET.match(lines[n]):
            # "• item" lines with hard breaks render as separate bulleted lines
            if n > start:
                out.append((Block("paragraph", start + 1, n, _raw(lines, start, n)), None))
            end = _bullet_end(lines, n, e)
            out.append((Block("item", n + 1, end, _raw(lines, n, end), marker="•"), None))
            start = end
            continue
        head = n == s and e - s > 1 and lines[n + 1].lstrip()[:1].isupper()
        mark = section_mark(lines[n], n + 1, alone=(e - s == 1), head=head)
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
