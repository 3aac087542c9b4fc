"""The inline directives (`<!-- pmreview-disable PM301 -->`) a source holds, by line."""

from __future__ import annotations

import re

from ..models import Source

# A directive runs to the first ">" after its name, which must close it as "-->". The pattern
# takes that run whether or not it closes (so an unclosed one is read once, not once for every
# start inside it): the caller keeps the closed ones.
_DIRECTIVE = re.compile(
    r"<!--\s*+pmreview-(disable-next-line|disable-file|disable|enable)\b([^>]*+)(>?)"
)
_IDS = re.compile(r"[\s,]+")


def read_directives(source: Source) -> list[tuple[int, str, tuple[str, ...]]]:
    found: list[tuple[int, str, tuple[str, ...]]] = []
    if "<!--" not in source.text:
        return found  # every directive is an HTML comment
    for n, line in enumerate(source.lines, 1):
        for m in _DIRECTIVE.finditer(line):
            body = m.group(2)
            if m.group(3) and body.endswith("--"):
                ids = tuple(x for x in _IDS.split(body[:-2]) if x)
                found.append((n, m.group(1), ids))
    return found
