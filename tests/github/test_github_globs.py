"""The glob matcher: `**` as whole segments, `*`, `?` and classes within one segment, the whole
path, case counting; checked on a table, against a reference built on `fnmatch.fnmatchcase`
segment by segment, and against `PurePath.full_match` where Python has it (3.13+)."""

from __future__ import annotations

import fnmatch
from pathlib import PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmreview.forge.globs import DEFAULT_GLOBS, matches, matches_any
from pmreview.github.bot import select

CASES = [
    # (path, pattern, expected)
    ("postmortem.md", "**/postmortem*.md", True),
    ("docs/postmortem-2024-05.md", "**/postmortem*.md", True),
    ("docs/a/b/postmortem.md", "**/postmortem*.md", True),
    ("docs/my-postmortem.md", "**/postmortem*.md", False),
    ("docs/postmortem.md.bak", "**/postmortem*.md", False),
    ("docs/Postmortem.md", "**/postmortem*.md", False),  # case counts
    ("postmortems/q.md", "**/postmortems/**/*.md", True),
    ("ops/postmortems/2024/05/q.md", "**/postmortems/**/*.md", True),
    ("ops/postmortems.md", "**/postmortems/**/*.md", False),
    ("ops/postmortems/q.txt", "**/postmortems/**/*.md", False),
    ("ops/old-postmortems/q.md", "**/postmortems/**/*.md", False),
    ("2024-05-queue-post-mortem.md", "**/*post-mortem*.md", True),
    ("a/b/post-mortem.md", "**/*post-mortem*.md", True),
    ("incident-42.md", "**/incident*.md", True),
    ("x/incidents.md", "**/incident*.md", True),
    ("x/major-incident.md", "**/incident*.md", False),
    ("docs/a.md", "docs/*.md", True),
    ("docs/sub/a.md", "docs/*.md", False),  # * stays within a segment
    ("docs/a.md", "docs/?.md", True),
    ("docs/ab.md", "docs/?.md", False),
    ("docs/a.md", "docs/[abc].md", True),
    ("docs/d.md", "docs/[!abc].md", True),
    ("docs/a.md", "docs/[!abc].md", False),
    ("docs/a-z.md", "docs/a[-]z.md", True),
    ("docs/[x.md", "docs/[x.md", True),  # an unclosed [ is a literal
    ("docs/]a.md", "docs/[]]a.md", True),  # ] first in a class is a member
    ("docs/a.md", "./docs/a.md", True),
    ("docs", "docs/**", False),  # a final ** takes at least one segment
    ("docs/a/b.md", "docs/**", True),
    ("doc/a.md", "docs/**", False),
    ("a.md", "**", True),
    ("a/b/c.md", "**", True),
    ("a.md", "**/**/a.md", True),
    ("x/y/a.md", "**/**/a.md", True),
    ("a/b", "a/**/b", True),
    ("a/x/y/b", "a/**/b", True),
    ("ab", "a/**/b", False),
    ("a/x.md", "a/**x.md", True),  # ** inside a segment is a *
    ("a/b/x.md", "a/**x.md", False),
    ("a.b", "a.b", True),
    ("axb", "a.b", False),  # regex characters are literal
    ("a+b(1).md", "a+b(1).md", True),
    ("a/b", "a*b", False),
    ("", "**/x.md", False),
]


@pytest.mark.parametrize(("path", "pattern", "expected"), CASES)
def test_table(path: str, pattern: str, expected: bool) -> None:
    assert matches(path, pattern) is expected


@pytest.mark.skipif(not hasattr(PurePosixPath, "full_match"), reason="Python 3.13+")
def test_table_agrees_with_full_match() -> None:
    for path, pattern, expected in CASES:
        if path:
            assert PurePosixPath(path).full_match(pattern) is expected, (path, pattern)


def reference(path: list[str], pattern: list[str]) -> bool:
    """`**` takes zero or more whole segments (one or more at the end, as `full_match` does);
    any other segment is fnmatchcase'd."""
    if not pattern:
        return not path
    if pattern[0] == "**":
        least = 1 if len(pattern) == 1 else 0
        return any(reference(path[k:], pattern[1:]) for k in range(least, len(path) + 1))
    return (
        bool(path) and fnmatch.fnmatchcase(path[0], pattern[0]) and reference(path[1:], pattern[1:])
    )


# Repository paths have no "." or ".." segments.
NAME = st.text(alphabet="ab.-[]!", min_size=1, max_size=4).filter(lambda s: s not in (".", ".."))
SEGMENT = st.text(alphabet="ab.*?-[]!", min_size=1, max_size=5).filter(
    lambda s: s not in (".", "..")
)
PATTERN_SEGMENT = st.one_of(st.just("**"), SEGMENT)


@settings(max_examples=500, deadline=None)
@given(
    path=st.lists(NAME, min_size=1, max_size=4),
    pattern=st.lists(PATTERN_SEGMENT, min_size=1, max_size=4),
)
def test_agrees_with_the_reference(path: list[str], pattern: list[str]) -> None:
    assert matches("/".join(path), "/".join(pattern)) is reference(path, pattern)


def test_defaults_and_selection() -> None:
    files = [
        {"filename": "docs/postmortems/q.md", "status": "modified"},
        {"filename": "postmortem-db.md", "status": "added"},
        {"filename": "old/incident-1.md", "status": "removed"},
        {"filename": "src/app.py", "status": "modified"},
        {"filename": "docs/post-mortem-cache.md", "status": "renamed"},
        {"filename": "docs/postmortems/q.md", "status": "modified"},  # listed twice: once
        {"status": "modified"},  # no filename: ignored
    ]
    chosen = select(files, list(DEFAULT_GLOBS))
    assert chosen == ["docs/postmortems/q.md", "postmortem-db.md", "docs/post-mortem-cache.md"]
    assert not matches_any("src/app.py", DEFAULT_GLOBS)
