"""Repository paths against glob patterns, with `**` as in `PurePath.full_match` (3.13).

- `**` as a whole segment matches zero or more whole segments: `**/a.md` matches `a.md` and
  `x/y/a.md`; at the end, one or more: `docs/**` matches every file under `docs/`;
- `*` matches any run of characters within one segment, `?` one character, `[abc]`,
  `[a-z]` and `[!abc]` one character of a class; `**` inside a segment is a `*`;
- the whole path must match, and case counts (as in a workflow's `paths:` filter, so that
  the filter and the globs agree).

One implementation on every Python (3.10 has no `full_match`); the tests compare it with
`full_match` where that exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

DEFAULT_GLOBS = (
    "**/postmortem*.md",
    "**/postmortems/**/*.md",
    "**/*post-mortem*.md",
    "**/incident*.md",
)


def _segment(seg: str) -> str:
    out, i = [], 0
    while i < len(seg):
        c = seg[i]
        if c == "*":
            while i + 1 < len(seg) and seg[i + 1] == "*":
                i += 1
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end, cls = _class(seg, i)
            if cls is None:
                out.append(re.escape(c))
            else:
                out.append(cls)
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def _class(seg: str, start: int) -> tuple[int, str | None]:
    """The character class opening at `start`: (index of its `]`, regex), or (start, None)
    when it is not closed (then `[` is a literal). As `fnmatch` translates classes: `!`
    negates, a `]` first is a member, ranges running backwards are dropped; it never
    matches a `/`."""
    n, i = len(seg), start + 1
    j = i + (i < n and seg[i] == "!")
    j += j < n and seg[j] == "]"
    j = seg.find("]", j)
    if j < 0:
        return start, None
    if "-" not in seg[i:j]:
        chunks = [seg[i:j]]
    else:
        chunks = []
        k = i + 2 if seg[i] == "!" else i + 1
        while (k := seg.find("-", k, j)) >= 0:
            chunks.append(seg[i:k])
            i, k = k + 1, k + 3
        if seg[i:j]:
            chunks.append(seg[i:j])
        else:
            chunks[-1] += "-"
        for k in range(len(chunks) - 1, 0, -1):  # a backwards range is no range
            if chunks[k - 1][-1] > chunks[k][0]:
                chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                del chunks[k]
    stuff = "-".join(re.sub(r"([-\\\[\]&~|^])", r"\\\1", c) for c in chunks)
    if not stuff:
        return j, "(?!)"
    if stuff.startswith("!"):
        return j, "[^/]" if stuff == "!" else f"[^/{stuff[1:]}]"
    return j, f"(?!/)[{stuff}]"


@lru_cache(maxsize=256)
def compile_glob(pattern: str) -> re.Pattern[str]:
    parts: list[str] = []
    for part in pattern.strip().removeprefix("./").split("/"):
        if part and not (part == "**" and parts and parts[-1] == "**"):
            parts.append(part)
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        after_globstar = i > 0 and parts[i - 1] == "**"  # which ends with its own "/"
        if part == "**" and not last:
            out.append("(?:[^/]+/)*" if i == 0 else "/(?:[^/]+/)*")
        elif part == "**":
            out.append("[^/]+(?:/[^/]+)*" if i == 0 else "(?:/[^/]+)+")
        else:
            out.append(("/" if i > 0 and not after_globstar else "") + _segment(part))
    return re.compile("".join(out), re.DOTALL)


def matches(path: str, pattern: str) -> bool:
    """Whether the repository path `path` (slash-separated) matches `pattern` as a whole."""
    return compile_glob(pattern).fullmatch(path) is not None


def matches_any(path: str, patterns: Iterable[str]) -> bool:
    return any(matches(path, p) for p in patterns)
