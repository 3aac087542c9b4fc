"""The parts of the write-up a root cause or a fix is read from: a section with the headed
sub-sections under it, and, in a combined "Root cause and resolution" section, the blocks that
tell one part and not the other (shared by checks/causes.py and checks/fixes.py)."""

from __future__ import annotations

from itertools import islice

from ..models import Block, Document, Section
from ..parse.titles import kinds_of
from ..text.prefilter import Lazy

NOT_CAUSE = frozenset({"measures", "action_items", "lessons"})
HEADINGS = ("atx", "setext")


def with_subsections(doc: Document, secs: list[Section], other: str) -> list[Section]:
    """The sections and the headed sub-sections under them ("## Root cause analysis" with its
    "### What happened" and "### Why it took so long"), but for those of the `other` part,
    the measures, the impact and the timeline."""
    out: list[Section] = []
    taken: set[int] = set()  # ids of the sections in `out` (a list search grew quadratic)
    position = {id(sec): n for n, sec in enumerate(doc.sections)}
    for s in secs:
        if id(s) in taken:
            continue  # added already as a sub-section of the one before
        out.append(s)
        taken.add(id(s))
        if s.style not in HEADINGS:
            continue
        for sub in islice(doc.sections, position[id(s)] + 1, None):  # a slice copied the rest
            if sub.style not in HEADINGS or sub.level <= s.level:
                break
            if not sub.kinds & (_NOT_SUB | {other}) and id(sub) not in taken:
                out.append(sub)
                taken.add(id(sub))
    return out


_NOT_SUB = NOT_CAUSE | {"impact", "timeline"}


def part_of(blocks: list[Block], kind: str, other: str) -> list[Block]:
    """The blocks of a combined "Root cause and resolution" section that tell `kind`: those
    under a label of the other kind ("- **Resolution:** …" for the cause) are left out."""
    out, label = [], frozenset[str]()
    for b in blocks:
        m = _LEAD_LABEL.compiled.match(b.text)
        if m or b.kind != "item" or b.depth == 0:
            label = kinds_of(m.group(1)) if m else frozenset()
        if not (other in label and kind not in label):
            out.append(b)
    return out


# a paragraph or item that opens with a label: "- **Resolution:** …", "Root cause: …"
_LEAD_LABEL = Lazy(r"^[\s>*+•-]*+(?:\d+[.)]\s*+)?[*_]*+([A-Za-z][^:*_\n]{1,40}?)[*_]*+\s*+:")
