"""Word (.docx) and HTML documents (Confluence, Google Docs and wiki exports) as Markdown.

The conversion is the optional `convert` extra's: mammoth turns a .docx into HTML (Word's
heading styles into headings, its lists into lists), markdownify turns HTML into Markdown.
Before that, what a page shows no reader of its text (its head, scripts, styles, images) is
removed. The Markdown is what pmreview reviews, so every line number of a report is a line of
it; `pmreview convert FILE` prints it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UsageError

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

# The suffixes converted, and the kind each is recorded as (Source.converted_from).
KINDS = {".docx": "docx", ".html": "html", ".htm": "html"}
NAMES = {"docx": "Word (.docx)", "html": "HTML"}
INSTALL = "pip install 'pmreview[convert]'"
# Word's title style is the document's title: a heading, as an author means it.
STYLE_MAP = "p[style-name='Title'] => h1:fresh"
# Elements whose content is no text of the document.
UNSEEN = ("head", "script", "style", "noscript", "template", "svg", "img", "iframe", "object")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def kind(path: str) -> str | None:
    """ "docx" or "html" for a file to convert, None for a text file (or stdin)."""
    return KINDS.get(Path(path).suffix.lower()) if path != "-" else None


def note(source_kind: str, path: str) -> str:
    """What every report says of a converted document: its lines are the Markdown's."""
    return (
        f"converted from {NAMES.get(source_kind, source_kind)} to Markdown: line numbers are "
        f"of the converted text (pmreview convert {path} prints it)"
    )


def to_markdown(data: bytes, source_kind: str, path: str) -> str:
    """The Markdown of a .docx or HTML file's bytes; UsageError (one line) when the extra is
    not installed or the file cannot be read as that kind."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        raise UsageError(f"{path}: reading {NAMES[source_kind]} files needs {INSTALL}") from None
    markup = _docx_html(data, path) if source_kind == "docx" else data
    soup = BeautifulSoup(markup, "html.parser")  # bytes: the encoding is read from the page
    return _markdown(soup)


def _docx_html(data: bytes, path: str) -> str:
    try:
        import mammoth
    except ImportError:
        raise UsageError(f"{path}: reading Word (.docx) files needs {INSTALL}") from None
    no_images = mammoth.images.img_element(lambda image: {})  # never read into the page
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data), style_map=STYLE_MAP, convert_image=no_images
        )
    except Exception as exc:  # a damaged file fails in many ways, none of them documented
        reason = str(exc).strip() or type(exc).__name__
        raise UsageError(f"{path}: cannot read as a Word document ({reason})") from None
    html: str = result.value
    return html


def _markdown(soup: BeautifulSoup) -> str:
    from markdownify import ATX, MarkdownConverter

    for element in soup(UNSEEN):
        element.decompose()
    converter = MarkdownConverter(heading_style=ATX, bullets="-", escape_underscores=False)
    text = converter.convert_soup(soup).replace("\xa0", " ")
    lines = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", lines).strip("\n") + "\n"
