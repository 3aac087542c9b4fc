"""What is made of the text before the Markdown is parsed: YAML or TOML front matter blanked
out, an HTML page's indentation taken away. Line numbers are kept."""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Block, Source
from ..text.times import has_date

_FENCE = re.compile(r"(---|\+\+\+)[ \t]*\n")
_CLOSING = {"---": re.compile(r"\n---[ \t]*\n"), "+++": re.compile(r"\n\+\+\+[ \t]*\n")}


def without_front_matter(text: str) -> str:
    """Front matter (YAML `---` or TOML `+++` fence lines at the top, trailing blanks allowed,
    closed within 200 lines) and an MDX page's module code at the top (`import`/`export`
    statements) blanked out, line numbers kept."""
    end = _matter_end(text)
    text = text if end is None else "\n" * text.count("\n", 0, end) + text[end:]
    end = _module_end(text)
    return text if end is None else "\n" * text.count("\n", 0, end) + text[end:]


_STATEMENT = re.compile(r"^(?:import|export)\s")


def _module_end(text: str) -> int | None:
    """Where an MDX page's module code ends: from its first line, statements that open with
    `import` or `export` (a statement's braces and brackets carry it over lines: `export const
    post = {` … `}`), blank lines between them allowed. A blog's page written so (a Next.js or
    Docusaurus post) shows the reader only the Markdown after it; its `title:` and
    `description:` keys are the page's, not sections. None when the text does not open so."""
    offset, depth, end = 0, 0, None
    for line in text.split("\n")[:200]:
        stripped = line.strip()
        if depth == 0 and stripped and _STATEMENT.match(stripped) is None:
            break
        depth = max(0, depth + _balance(line))
        offset += len(line) + 1
        if depth == 0 and stripped:
            end = offset
    return end if depth == 0 else None


def _balance(line: str) -> int:
    """How many more brackets a line opens than it closes."""
    kept = [c for c in line if c in "{([" or c in "})]"]
    return sum(1 if c in "{([" else -1 for c in kept)


def _matter_end(text: str) -> int | None:
    """Where the front matter ends (after its closing fence line), None with none."""
    fence = _FENCE.match(text)
    if fence is None:
        return None
    end = _CLOSING[fence.group(1)].search(text, fence.end() - 1)
    if end is None or text.count("\n", 0, end.start()) > 200:
        return None
    return end.end()


def matter_facts(source: Source) -> tuple[Source, list[Block]]:
    """The front matter's lines that time the incident (`incident_times`) as blocks of one
    labelled fact each, and the source with those lines written so."""
    end = _matter_end(source.text)
    facts = incident_times(source.text[:end].split("\n")) if end else {}
    if not facts:
        return source, []
    lines = tuple(facts.get(i, line) for i, line in enumerate(source.lines))
    blocks = [Block("paragraph", i + 1, i + 1, fact) for i, fact in sorted(facts.items())]
    return replace(source, text="\n".join(lines), lines=lines), blocks


def incident_times(lines: list[str]) -> dict[int, str]:
    """The lines of front matter that time the incident, by index, each written as a
    labelled fact ("resolvedWhen: 2021-05-30T02:11Z" is "Resolved when: 2021-05-30T02:11Z"):
    GitHub shows front matter as a table above the text, so they are labelled facts above
    the summary (spec/checks.md). Only when a key says when the incident ended (a status
    page's record, "resolved_at", "endTime"): else a dated key is the post's own ("date:
    2024-03-02" is when it was published)."""
    dated = {}
    for i, line in enumerate(lines):
        m = _KEY.match(line)
        if m and has_date(m["value"]) and not _ABOUT_POST.search(m["key"]):
            words = _CAMEL.sub(" ", m["key"]).replace("_", " ").replace("-", " ").lower()
            dated[i] = f"{words[:1].upper()}{words[1:]}: {m['value']}"
    if not any(_ENDED.match(label) for label in dated.values()):
        return {}
    return dated


# a key of a mapping at the top level: "resolvedWhen: 2021-…", "started_at = '…'"
_KEY = re.compile(
    r"^(?P<key>[A-Za-z][A-Za-z_-]{0,30})\s*[:=]\s*[\"']?(?P<value>[^\"'#]+?)[\"']?\s*$"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ENDED = re.compile(r"^(?:resolved|ended|end|closed|recovered|mitigated|restored|finished)\b", re.I)
# keys of the post, not the incident: "lastmod", "updated", "publishDate", "expiryDate"
_ABOUT_POST = re.compile(r"publish|update|modif|lastmod|expir|created|review|draft", re.I)


_PAGE = re.compile(r"^\s*+(?:<!doctype html\b|<html\b)", re.IGNORECASE)
_INDENT = re.compile(r"^[ \t]++", re.MULTILINE)


def html_page(text: str) -> str | None:
    """An HTML page (`<!DOCTYPE html>` or `<html>` first) with each line's indentation taken
    away, None for any other text. A page is indented as its tags nest, and Markdown reads a
    line indented four spaces as code: its `<h2>` titles and `<p>` paragraphs would be lost.
    Indentation means nothing to HTML outside `<pre>`."""
    if _PAGE.match(text) is None:
        return None
    return _INDENT.sub("", text)
