"""YAML or TOML front matter, blanked out before the Markdown is parsed."""

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
