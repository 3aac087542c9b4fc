"""The inline directives (`<!-- pmreview-disable PM301 -->`) a source holds, by line."""

from __future__ import annotations

import re

from ..models import Source

DIRECTIVE_RE = re.compile(
    r"<!--\s*pmreview-(disable-next-line|disable-file|disable|enable)\b\s*([^>]*?)\s*-->"
)


def read_directives(source: Source) -> list[tuple[int, str, tuple[str, ...]]]:
    found: list[tuple[int, str, tuple[str, ...]]] = []
    if "<!--" not in source.text:
        return found  # every directive is an HTML comment
    for n, line in enumerate(source.lines, 1):
        for m in DIRECTIVE_RE.finditer(line):
            ids = tuple(x for x in re.split(r"[\s,]+", m.group(2)) if x)
            found.append((n, m.group(1), ids))
    return found
