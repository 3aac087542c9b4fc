"""What is made of the text before the Markdown is parsed: YAML or TOML front matter blanked
out, an HTML page's indentation taken away. Line numbers are kept."""

from __future__ import annotations

import re

_FENCE = re.compile(r"(---|\+\+\+)[ \t]*\n")
_CLOSING = {"---": re.compile(r"\n---[ \t]*\n"), "+++": re.compile(r"\n\+\+\+[ \t]*\n")}


def without_front_matter(text: str) -> str:
    """Front matter (YAML `---` or TOML `+++` fence lines at the top, trailing blanks allowed,
    closed within 200 lines) blanked out, line numbers kept."""
    fence = _FENCE.match(text)
    if fence is None:
        return text
    end = _CLOSING[fence.group(1)].search(text, fence.end() - 1)
    if end is None or text.count("\n", 0, end.start()) > 200:
        return text
    return "\n" * text.count("\n", 0, end.end()) + text[end.end() :]


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
