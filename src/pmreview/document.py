"""Parse Markdown or plain text into a Document: sections, blocks and timeline, with positions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .models import Block, Document, Section, Source, TimelineEntry, TimeRef
from .resources import load_toml
from .text.times import find_times, leading_date_only, leading_time, search_zone_statement

DIRECTIVE_RE = re.compile(
    r"<!--\s*pmreview-(disable-next-line|disable-file|disable|enable)\b\s*([^>]*?)\s*-->"
)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_DIGIT = re.compile(r"\d")
_BOLD_LINE = re.compile(
    r"^\s{0,3}(?:\*\*|__)\s*\*?\s*(?P<t>[^*_\n]{1,80}?)\s*\*?\s*:?\s*(?:\*\*|__)\s*:?\s*$"
)
_LABEL_LINE = re.compile(r"^\s{0,3}[-=~]*\s*(?P<t>[A-Za-z0-9][^:\n.!?]{0,60}?)\s*[-=~]*\s*:\s*$")
_INLINE_LABEL = re.compile(
    r"^\s{0,3}(?:(?:\*\*|__)(?P<b>[^*_\n]{1,50}?)\s*:?\s*(?:\*\*|__)\s*[:\-–—]?|(?P<c>[A-Za-z][^:\n.!?*]{0,40}?):)\s+\S"
)
_EMPH = re.compile(r"[*_`#~\[\]]+")


@cache
def _md() -> MarkdownIt:
    # block structure only: inline markup is never rendered, so its parsing is skipped
    md = MarkdownIt("commonmark").enable("table")
    md.core.ruler.disable(["inline", "text_join"], ignoreInvalid=True)
    return md


@cache
def _kind_table() -> list[tuple[str, list[re.Pattern[str]], frozenset[str]]]:
    data = load_toml("sections.toml")["kinds"]
    return [
        (kind, [re.compile(p) for p in spec["patterns"]], frozenset(spec.get("excluded_by", [])))
        for kind, spec in data.items()
    ]


def normalise_title(title: str) -> str:
    t = _EMPH.sub(" ", title).lower().replace("’", "'")
    t = re.sub(r"^\s*(?:\d+(?:\.\d+)*|[ivx]+)[.)]\s+", "", t)
    t = re.sub(r"[^a-z0-9;' ]+", " ", t).replace(";", " ")
    return re.sub(r"\s+", " ", t).strip()


@lru_cache(maxsize=4096)
def kinds_of(title: str) -> frozenset[str]:
    """The canonical kinds a section title means ("Issue Summary" -> {"summary"})."""
    norm = normalise_title(title)
    if not norm:
        return frozenset()
    found = {kind for kind, pats, _ in _kind_table() if any(p.search(norm) for p in pats)}
    for kind, _, excluded_by in _kind_table():
        if kind in found and excluded_by & found:
            found.discard(kind)
    return frozenset(found)


@dataclass
class _Mark:
    title: str
    style: str
    level: int
    line: int
    column: int
    inline: bool  # the line also holds body text


def _title_case(title: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'/-]*", title)]
    small = {"a", "an", "and", "the", "of", "to", "in", "on", "for", "or", "with", "by", "vs"}
    return 0 < len(words) <= 6 and all(w[0].isupper() or w.lower() in small for w in words)


def _marker(line: str, lineno: int, alone: bool) -> _Mark | None:
    """Whether a paragraph line opens a section, and how."""
    if ":" in line or "**" in line or "__" in line:  # what the three patterns need
        mark = _marked_title(line, lineno)
        if mark is not None:
            return mark
    title = line.strip().strip("*_#: ")
    # a title on a line of its own: alone in its paragraph, or (plain text written without
    # blank lines) a Title Case line that names a kind
    if (
        0 < len(title.split()) <= 5
        and not title.endswith((".", ","))
        and kinds_of(title)
        and (alone or _title_case(title))
    ):
        return _Mark(title, "bare", 8, lineno, line.find(title) + 1, False)
    return None


def _marked_title(line: str, lineno: int) -> _Mark | None:
    """A bold title ("**Timeline**"), a label ("Impact:") or an inline label ("Cause: …")."""
    m = _BOLD_LINE.match(line)
    if m and len(m.group("t").split()) <= 10:
        return _Mark(
            m.group("t").strip(" :"), "bold", 7, lineno, line.find(m.group("t")) + 1, False
        )
    m = _LABEL_LINE.match(line)
    if m:
        title = m.group("t").strip()
        # a title, not a sentence that ends in a colon ("The only safe way would be:")
        if len(title.split()) <= 6 and (kinds_of(title) or _title_case(title)):
            return _Mark(title, "label", 8, lineno, line.find(title) + 1, False)
    m = _INLINE_LABEL.match(line)
    if m:
        title = (m.group("b") or m.group("c") or "").strip()
        if len(title.split()) <= 6 and kinds_of(title):
            return _Mark(title, "inline", 8, lineno, line.find(title) + 1, True)
    return None


def _raw(lines: tuple[str, ...], start: int, end: int) -> str:
    return "\n".join(lines[start:end])


def _blocks(tokens: list[Token], lines: tuple[str, ...]) -> list[tuple[Block, _Mark | None]]:
    """Blocks in document order; headings and section-opening lines carry a _Mark."""
    out: list[tuple[Block, _Mark | None]] = []
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
            out.append((block, _Mark(title, style, int(tok.tag[1]), s + 1, col, False)))
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
                out.append(
                    (
                        Block(
                            "item", start + 1, e, _raw(lines, start, e), depth=depth, marker=marker
                        ),
                        None,
                    )
                )
                item_open = None
            elif quote:
                out.append((Block("paragraph", s + 1, e, _raw(lines, s, e)), None))
            else:
                out.extend(_split_paragraph(lines, s, e))
    return out


_HTML_HEADING = re.compile(r"^\s{0,3}<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def _html_heading(lines: tuple[str, ...], s: int, e: int) -> list[tuple[Block, _Mark | None]]:
    """`<h3>Timeline</h3>` is a heading too. CommonMark runs an HTML block on to the next blank
    line, so the Markdown written right under it is parsed on its own."""
    m = _HTML_HEADING.match(lines[s])
    if m is None:
        return []
    title = _TAG.sub("", m.group(2)).strip()
    out: list[tuple[Block, _Mark | None]] = [
        (
            Block("heading", s + 1, s + 1, lines[s]),
            _Mark(title, "atx", int(m.group(1)), s + 1, max(lines[s].find(title) + 1, 1), False),
        )
    ]
    rest = lines[s + 1 : e]
    if rest:
        for block, mark in _blocks(_md().parse("\n".join(rest)), rest):
            block.line += s + 1
            block.end_line += s + 1
            if mark is not None:
                mark.line += s + 1
            out.append((block, mark))
    return out


_UNICODE_BULLET = re.compile(r"^(?:\s|&nbsp;|\u00a0)*[•●▪◦‣■□➢➤►✓✔❖]\s*")
_INDENTED_ITEM = re.compile(r"^\s*(?:[-*+•●]|\d+[.)])\s+")


def _indented(lines: tuple[str, ...], s: int, e: int) -> list[tuple[Block, _Mark | None]]:
    """An indented code block: in postmortems almost always prose or a list indented by
    accident, so its lines are read as list items (with a marker) or one-line paragraphs."""
    out: list[tuple[Block, _Mark | None]] = []
    for n in range(s, e):
        if lines[n].strip():
            kind = "item" if _INDENTED_ITEM.match(lines[n]) else "paragraph"
            out.append((Block(kind, n + 1, n + 1, lines[n]), None))  # type: ignore[arg-type]
    return out


def _split_paragraph(lines: tuple[str, ...], s: int, e: int) -> list[tuple[Block, _Mark | None]]:
    """A paragraph, cut where a line opens a section (`**Timeline**`, `Impact:`, `Cause: …`)."""
    out: list[tuple[Block, _Mark | None]] = []
    start = s
    for n in range(s, e):
        if _UNICODE_BULLET.match(lines[n]):
            # "• item" lines with hard breaks render as separate bulleted lines
            if n > start:
                out.append((Block("paragraph", start + 1, n, _raw(lines, start, n)), None))
            out.append((Block("item", n + 1, n + 1, lines[n], marker="•"), None))
            start = n + 1
            continue
        mark = _marker(lines[n], n + 1, alone=(e - s == 1))
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


def _sectionize(blocks: list[tuple[Block, _Mark | None]]) -> list[Section]:
    opening = Section("", frozenset(), 0, 1, "opening", 0)
    sections = [opening]
    parent: Section | None = None  # the last section with a kind, for untitled sub-sections
    for block, mark in blocks:
        if mark is None:
            sections[-1].blocks.append(block)
            continue
        kinds = kinds_of(mark.title)
        if not kinds and parent is not None and mark.level > parent.level:
            kinds = parent.kinds
        sec = Section(
            mark.title.strip(),
            kinds,
            mark.line,
            mark.column,
            mark.style,  # type: ignore[arg-type]
            mark.level,
        )
        sections.append(sec)
        if kinds_of(mark.title):
            parent = sec
        elif mark.level <= (parent.level if parent else 0):
            parent = None
    _timeline_subsections(sections)
    return [s for s in sections if s.style != "opening" or s.blocks]


def _end_lines(sections: list[Section]) -> list[Section]:
    """Each section ends where the next begins (the last one at its last block)."""
    for sec, nxt in zip(sections, [*sections[1:], None], strict=False):
        last = max((b.end_line for b in sec.blocks), default=sec.line)
        sec.end_line = (nxt.line - 1) if nxt is not None else last
    return sections


_TIMELINE_PARTS = {"detection", "escalation", "misleading", "resolution"}


def _timeline_subsections(sections: list[Section]) -> None:
    """An empty "Timeline" title followed by "Detection", "Actions taken", "Escalation"…
    parts: those parts are the timeline's sub-sections."""
    for i, sec in enumerate(sections):
        if not sec.has("timeline") or sec.blocks:
            continue
        for sub in sections[i + 1 :]:
            if (
                sub.level < sec.level
                or (sub.kinds - _TIMELINE_PARTS)
                or (sub.style in ("atx", "setext") and sub.level == sec.level)
            ):
                break
            sub.kinds = sub.kinds | {"timeline"}


def _timeline(sections: list[Section]) -> list[TimelineEntry]:
    secs = [s for s in sections if s.has("timeline")]
    if not secs:
        secs = [s for s in sections if _looks_like_timeline(s)]
        for s in secs:
            s.kinds = s.kinds | {"timeline"}
    entries: list[TimelineEntry] = []
    for sec in secs:
        items = [b for b in sec.blocks if b.kind == "item"]
        top = min((b.depth for b in items), default=0)
        timed_top = [b for b in items if b.depth == top and _entry_time(b)]
        use_depth = (
            top
            if timed_top or not items
            else min((b.depth for b in items if _entry_time(b)), default=top)
        )
        for b in sec.blocks:
            if b.kind == "item" and b.depth == use_depth:
                entries.append(TimelineEntry(b, _entry_time(b), True))
            elif b.kind in ("paragraph", "row"):
                for n, text in enumerate(b.text.split("\n")):
                    t = leading_time(_strip_cells(text))
                    if t is not None:
                        line_block = Block(b.kind, b.line + n, b.line + n, text)
                        entries.append(TimelineEntry(line_block, _at(t, b.line + n, text), False))
    return entries


def _strip_cells(text: str) -> str:
    return text.lstrip(" |")


_ITEM_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")


def _entry_time(b: Block) -> TimeRef | None:
    first = b.text.split("\n", 1)[0]
    body = _ITEM_MARKER.sub("", first)
    t = leading_time(body)
    return _at(t, b.line, first, len(first) - len(body)) if t else None


def _at(t: TimeRef | None, line: int, text: str, shift: int = 0) -> TimeRef | None:
    if t is None:
        return None
    return TimeRef(t.raw, line, t.column + shift, t.hour, t.minute, t.tz, t.date, t.clock)


def _looks_like_timeline(sec: Section) -> bool:
    if sec.style == "opening" and not sec.blocks:
        return False
    items = [b for b in sec.blocks if b.kind in ("item", "row")]
    timed = [b for b in items if _entry_time(b) or leading_time(_strip_cells(b.text))]
    return len(timed) >= 3 and len(timed) >= 0.6 * max(len(items), 1)


def _times(blocks: list[Block]) -> list[TimeRef]:
    out: list[TimeRef] = []
    for b in blocks:
        if not _DIGIT.search(b.text):
            continue  # every time holds a digit (most blocks have none)
        for n, text in enumerate(b.text.split("\n")):
            clean = _CODE_SPAN.sub(_spaces, text) if "`" in text else text
            col = b.column if n == 0 else 1
            out.extend(find_times(clean, b.line + n, col))
    return out


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _zone_statement(source: Source, sections: list[Section]) -> str | None:
    """A document-wide zone: "All times in PDT", "Timeline (UTC)" (in code spans: no)."""
    for sec in sections:
        m = search_zone_statement(sec.title) if sec.has("timeline") else None
        if m:
            return m.group("tz")
    text = "\n\n".join(b.text for sec in sections for b in sec.blocks)
    m = search_zone_statement(_CODE_SPAN.sub("", text))
    return m.group("tz") if m else None


def _directives(source: Source) -> list[tuple[int, str, tuple[str, ...]]]:
    found: list[tuple[int, str, tuple[str, ...]]] = []
    if "<!--" not in source.text:
        return found  # every directive is an HTML comment
    for n, line in enumerate(source.lines, 1):
        for m in DIRECTIVE_RE.finditer(line):
            ids = tuple(x for x in re.split(r"[\s,]+", m.group(2)) if x)
            found.append((n, m.group(1), ids))
    return found


@cache
def _paragraph_kinds() -> list[tuple[str, re.Pattern[str]]]:
    """The kinds a paragraph's words give it in a document with no section titles."""
    data = load_toml("sections.toml")["kinds"]
    return [
        (kind, re.compile("|".join(spec["paragraph_patterns"]), re.I))
        for kind, spec in data.items()
        if "paragraph_patterns" in spec
    ]


def _paragraph_sections(sections: list[Section]) -> list[Section]:
    """A document with no section titles is judged on its paragraphs: the first real paragraph
    is the summary; the others get the kinds their words say (timed ones are the timeline)."""
    if len(sections) != 1 or sections[0].style != "opening":
        return sections
    opening = sections[0]
    out = [Section("", frozenset(), 0, 1, "opening", 0)]
    summary_seen = False
    for b in opening.blocks:
        words = len(re.findall(r"[A-Za-z]{2,}", b.text))
        kinds: set[str] = set()
        if not summary_seen and words >= 15:
            kinds.add("summary")
            summary_seen = True
        elif summary_seen:
            if len(find_times_in(b.text)) >= 1:
                kinds.add("timeline")
            kinds |= {k for k, p in _paragraph_kinds() if p.search(b.text)}
        if not kinds:
            out[-1].blocks.append(b)
            continue
        out.append(Section("", frozenset(kinds), b.line, 1, "paragraph", 9, [b], b.end_line))
    return [s for s in out if s.style != "opening" or s.blocks]


def find_times_in(text: str) -> list[TimeRef]:
    return [t for n, line in enumerate(text.split("\n")) for t in find_times(line, n + 1)]


_FENCE = re.compile(r"(---|\+\+\+)[ \t]*\n")
_CLOSING = {"---": re.compile(r"\n---[ \t]*\n"), "+++": re.compile(r"\n\+\+\+[ \t]*\n")}


def _without_front_matter(text: str) -> str:
    """Front matter (YAML `---` or TOML `+++` fence lines at the top, trailing blanks allowed,
    closed within 200 lines) blanked out, line numbers kept."""
    fence = _FENCE.match(text)
    if fence is None:
        return text
    end = _CLOSING[fence.group(1)].search(text, fence.end() - 1)
    if end is None or text.count("\n", 0, end.start()) > 200:
        return text
    return "\n" * text.count("\n", 0, end.end()) + text[end.end() :]


def parse(source: Source) -> Document:
    tokens = _md().parse(_without_front_matter(source.text))
    blocks = _blocks(tokens, source.lines)
    sections = _end_lines(_paragraph_sections(_sectionize(blocks)))
    timeline = _timeline(sections)
    all_blocks = [b for s in sections for b in s.blocks]
    return Document(
        source=source,
        sections=sections,
        timeline=timeline,
        times=_times(all_blocks),
        zone_statement=_zone_statement(source, sections),
        directives=_directives(source),
    )


__all__ = ["parse", "kinds_of", "normalise_title", "leading_date_only"]
