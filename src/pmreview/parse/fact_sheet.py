"""A document laid out as a fact sheet: its top-level list items are the parts of the postmortem
(`- **Key events**`, `- **Context**:`, `- **Resolution**:`, `- **Review actions**:`), so each
such item is a section of the kind its label names (spec/checks.md)."""

from __future__ import annotations

import re

from ..models import Block
from .titles import Mark, kinds_of, normalise_title

_FACT_ITEM = re.compile(
    r"^\s*+[-*+]\s++(?:\*\*|__)\s*+(?P<t>[A-Za-z][^*_\n:]{0,50}?(?<!\s))\s*+:?+\s*+(?:\*\*|__)"
    r"\s*+:?+(?P<rest>.*)$"
)
# a label without bold ("- Root causes: haste", "- Summary: …"): a few words and a colon, no
# digits (not "- Feb 7 15:06 UTC: …"), no sentence ("- We found that: …" is read, and names no
# kind); counted only in a fact sheet, as a bold label is
_PLAIN_ITEM = re.compile(
    r"^\s*+[-*+]\s++(?P<t>[A-Z][A-Za-z/&'()-]*+(?: [A-Za-z/&'()-]++){0,3}):(?:\s++(?P<rest>.*))?$"
)
# the parts that make a list of labelled facts a whole postmortem, not a summary's details
_PARTS = frozenset({"timeline", "root_cause", "resolution", "measures", "action_items"})


def _label(block: Block) -> str | None:
    if block.kind != "item" or block.depth != 0:
        return None
    first = block.text.split("\n", 1)[0]
    m = _FACT_ITEM.match(first) or _PLAIN_ITEM.match(first)
    return m.group("t").strip() if m else None


def _is_fact_sheet(run: list[Block]) -> bool:
    """Three or more labelled top-level items naming kinds, two of them parts of a postmortem."""
    kinds = [kinds_of(t) for b in run if (t := _label(b))]
    named = [k for k in kinds if k]
    return len(named) >= 3 and len({k for ks in named for k in ks} & _PARTS) >= 2


def fact_sections(blocks: list[tuple[Block, Mark | None]]) -> list[tuple[Block, Mark | None]]:
    """The blocks, with each labelled top-level item of a fact sheet opening a section.

    Only items outside any section of a known kind qualify (under the document's title, or
    with no title at all): a Summary's `- **Impact**: …` list stays a list."""
    free = _free_items(blocks)
    if not _is_fact_sheet([blocks[i][0] for i in free]):
        return blocks
    out: list[tuple[Block, Mark | None]] = []
    in_fact = False  # inside a fact's item, until the list ends
    for i, (block, mark) in enumerate(blocks):
        title = _label(block) if i in free else None
        if title is None:
            if in_fact and mark is None and _after_the_list(block):
                out.append(_closing(block))  # notes after the sheet are no part of its last fact
            in_fact = in_fact and mark is None and not _after_the_list(block)
            out.append((block, mark))
            continue
        in_fact = True
        col = block.text.find(title) + 1
        out.append(
            (
                Block("heading", block.line, block.line, block.text.split("\n", 1)[0]),
                Mark(title, "fact", 8, block.line, col, True),
            )
        )
        out.append((Block("paragraph", block.line, block.end_line, block.text), None))
    return out


def _after_the_list(block: Block) -> bool:
    """A block outside the list: not an item, and not indented under one."""
    return block.kind != "item" and not block.text[:1].isspace()


def _closing(block: Block) -> tuple[Block, Mark]:
    """An untitled section of no kind, opened where the fact sheet's list ends."""
    return Block("heading", block.line, block.line, ""), Mark("", "fact", 8, block.line, 1, False)


def _free_items(blocks: list[tuple[Block, Mark | None]]) -> set[int]:
    """Indices of the labelled top-level items not under a titled section of a known kind."""
    free: set[int] = set()
    under_kind = False
    title = document_title(blocks)
    heading: int | None = None  # the titled section (not the document's title) above
    headings: set[int] = set()
    for i, (block, mark) in enumerate(blocks):
        if mark is not None:
            under_kind = bool(mark.kinds) and i != title
            titled = mark.style in ("atx", "setext") and i != title
            heading = i if titled else None
        elif not under_kind and (label := _label(block)) is not None:
            free.add(i)
            if heading is not None and kinds_of(label):  # "- Sender account: …" lays out nothing
                headings.add(heading)
    # labelled items spread under two or more titles of their own ("## A symphony of chaos"
    # over "- **Impact:**", "## The composer's intent" over "- **Root cause:**"): the headings
    # lay the document out, and the items are lists under them, not a fact sheet's parts;
    # facts that name no part ("Supporting information" over "- Sender account: …") count not
    return set() if len(headings) >= 2 else free


def document_title(blocks: list[tuple[Block, Mark | None]]) -> int | None:
    """The index of the document's title: a first heading of level 1, no other following,
    that names the document rather than a section (see `names_the_document`)."""
    marks = [(i, m) for i, (_, m) in enumerate(blocks) if m is not None]
    if marks and marks[0][1].style == "inline":
        return marks[0][0] if _names_by_label(blocks[marks[0][0]][0], len(marks)) else None
    if not marks or marks[0][1].style not in ("atx", "setext"):
        return None
    if any(m.level == 1 for _, m in marks[1:]):
        return None
    return marks[0][0] if names_the_document(marks[0][1].title, marks[0][1].level) else None


def _names_by_label(block: Block, marks: int) -> bool:
    """A first line "Root cause analysis: the EU-1 ticket failures" over titled sections (text
    converted from a PDF or written without headings): a label and a name, no sentence, is
    the document's title, as "# Postmortem: …" is."""
    return marks >= 3 and not block.text.rstrip().endswith((".", "!", "?", ":"))


def names_the_document(title: str, level: int) -> bool:
    """Whether a top heading is the document's title even though its words may name a kind:
    a level-1 heading longer than a section title ("Incident report: the lost uploads",
    "Summary of the … event", against "Timeline" or "Root cause analysis")."""
    return level == 1 and len(normalise_title(title).split()) > 4
