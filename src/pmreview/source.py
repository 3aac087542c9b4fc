"""Load a postmortem from a file or stdin into a normalised Source."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from . import convert
from .errors import UsageError
from .models import Source

MAX_BYTES = 5 * 1024 * 1024
# A review reads at most this much of a file: five times the longest real postmortem known
# (~100 KB), and a review of that size ends within a few seconds whatever the text holds.
# Reviewing all of a larger file (parsing alone costs up to 3 s a MB) would not.
REVIEW_BYTES = 512 * 1024
MAX_CONVERTED_BYTES = 25 * 1024 * 1024  # a .docx holds its images too
SUFFIXES = (".md", ".markdown", ".txt")  # what a folder is searched for


def decode(data: bytes, path: str) -> Source:
    """Bytes to Source, or UsageError saying in one line what is wrong with them."""
    if len(data) > MAX_BYTES:
        raise UsageError(f"{path}: file is larger than 5 MB ({len(data) / 1048576:.1f} MB)")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise UsageError(f"{path}: the file is UTF-16; save it as UTF-8")
    if b"\x00" in data:
        raise UsageError(f"{path}: looks like a binary file, not a postmortem")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{path}: not valid UTF-8 (byte {exc.start}); save the file as UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UsageError(f"{path}: the file is empty")
    return Source(path=path, text=text, lines=tuple(text.split("\n")))


def from_text(text: str, path: str = "<text>") -> Source:
    """A Source from a string (for the API and the tests); no size or emptiness checks."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return Source(path=path, text=text, lines=tuple(text.split("\n")))


def reviewed_part(source: Source) -> Source:
    """The part of `source` a review reads: all of it up to REVIEW_BYTES; of a larger file,
    the lines that end within its first REVIEW_BYTES (a longer first line is cut there),
    with `whole_bytes` saying how large the file is, which every report then says."""
    size = len(source.text.encode("utf-8"))
    if size <= REVIEW_BYTES:
        return source
    head = source.text.encode("utf-8")[:REVIEW_BYTES].decode("utf-8", "ignore")
    end = head.rfind("\n")
    text = head[:end] if end > 0 else head
    return replace(source, text=text, lines=tuple(text.split("\n")), whole_bytes=size)


def load(path: str) -> Source:
    """A file (or `-`, stdin) as a Source; a .docx or HTML file is converted to Markdown."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    kind = convert.kind(path)
    data = _read(path, MAX_CONVERTED_BYTES if kind else MAX_BYTES)
    if kind is None:
        return decode(data, path)
    text = convert.to_markdown(data, kind, path)
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise UsageError(f"{path}: the converted text is larger than 5 MB")
    if not text.strip():
        raise UsageError(f"{path}: no text in the document")
    return Source(path=path, text=text, lines=tuple(text.split("\n")), converted_from=kind)


def _read(path: str, limit: int) -> bytes:
    p = Path(path)
    try:
        if p.stat().st_size > limit:
            raise UsageError(f"{path}: file is larger than {limit // 1048576} MB")
        return p.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory") from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror})") from None


def expand(paths: list[str]) -> Iterator[str]:
    """Files named directly, postmortem files found under directories, `-` for stdin.

    Directories are searched for text files only (SUFFIXES): a .docx or HTML file is reviewed
    when named, never found (a docs folder holds HTML that is no postmortem).

    A directory with no postmortem in it is an error; a missing path is yielded as is
    so that `load` reports it in the batch.
    """
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.suffix.lower() in SUFFIXES
                and f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                raise UsageError(f"{path}: no postmortems (*.md, *.markdown, *.txt) in directory")
            yield from (str(f) for f in found)
        else:
            yield path
