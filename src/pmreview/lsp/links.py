"""Where an id is documented: its heading's anchor in docs/rules.md.

The anchors are read from the document `pmreview explain --all --format markdown` writes (the
text of docs/rules.md), slugged as GitHub slugs headings, so they cannot drift from the page.
A check's anchor depends on its profile: `timeline.present` has a section in each profile.
"""

from __future__ import annotations

import re
from functools import cache

from ..render.sarif_format import INFORMATION_URI

DOCS_URL = f"{INFORMATION_URI}docs/rules.md"
_HEADING = re.compile(r"^(#{1,6}) +(.+?) *$", re.M)
_PROFILE = re.compile(r"Required elements of profile `(.+)`")
_TOPIC = re.compile(r"(\S+) `[^`]+`")


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading (before numbering repeats): lower case, punctuation
    other than - and _ dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


@cache
def anchors() -> dict[tuple[str, str], str]:
    """(profile name, id) for checks and ("", id) for rules -> the anchor of its section."""
    from ..explain import document

    seen: dict[str, int] = {}
    out: dict[tuple[str, str], str] = {}
    group = ""
    for m in _HEADING.finditer(document()):
        level, title = len(m.group(1)), m.group(2)
        slug = github_slug(title)
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        anchor = f"{slug}-{n}" if n else slug
        if level == 2:
            profile = _PROFILE.fullmatch(title)
            group = profile.group(1) if profile else ""
        elif level == 3 and (topic := _TOPIC.fullmatch(title)):
            out[(group, topic.group(1))] = anchor
    return out


def href(rule: str, profile: str, base: str = DOCS_URL) -> str | None:
    """The address of the rule's or check's documentation; None for an id that has no
    section there (a check of a custom profile)."""
    anchor = anchors().get((profile, rule)) or anchors().get(("", rule))
    return f"{base}#{anchor}" if anchor else None
