"""What a list of action items says once for all its items (PM503, PM504): the lead-in above
it names who does them ("The platform team will carry out the following:"), a sentence beside
it names the ticket that tracks them ("detailed in OPS-631"), a sub-point belongs to its
parent item's owner, and a name the list already uses as an owner stays one when the item
opens with it and a verb ("Infra to rotate …", then "Infra check the …")."""

from __future__ import annotations

import re

from ..models import Block, Document, Section
from ..text.task_assignment import assignment, written_ticket
from ..text.verb_forms import verbs

# a team or a named person as the subject of what the list holds: "The development team will
# conduct the following actions", "Our SRE team will:", "Dana will take these on:", or an owner
# stated for all of them: "Owner of all items below: the platform team"
_NOT_NAMES = r"(?!(?:We|They|You|It|This|That|These|Those|There|Everyone|Someone)\b)"
_LIST_OWNER = re.compile(
    rf"\b(?:(?:[Tt]he|[Oo]ur)\s++(?:[\w-]++\s++){{0,3}}?team|{_NOT_NAMES}[A-Z][a-z]+"
    r"(?:\s[A-Z][a-z]+)?)\s++(?:will|shall|is\s+going\s+to|are\s+going\s+to|has\s+committed"
    r"\s+to)(?:\s++(?!be\b|not\b|never\b)[a-z]+\b[^.!?]{0,80}?)?"
    r"(?:\b(?:following|these|below)\b|:\s*$)"
    r"|\b(?i:owner|owned\s+by|assigned\s+to)\b[^.!?]{0,40}\b(?:all|every|each|these|below)\b",
)


def _around(sec: Section, block: Block) -> tuple[Block | None, Block | None, Block | None]:
    """The item's parent item, the paragraph right above its list and the one right below."""
    blocks = sec.blocks
    at = next((i for i, b in enumerate(blocks) if b is block), -1)
    if at < 0:
        return None, None, None
    parent = above = below = None
    for b in reversed(blocks[:at]):
        if b.kind == "item":
            if parent is None and b.depth < block.depth:
                parent = b
            continue
        above = b if b.kind == "paragraph" else None
        break
    for b in blocks[at + 1 :]:
        if b.kind != "item":
            below = b if b.kind == "paragraph" else None
            break
    return parent, above, below


def _section(doc: Document, block: Block) -> Section | None:
    return next((s for s in doc.sections if any(b is block for b in s.blocks)), None)


def list_owner(doc: Document, block: Block, siblings: list[Block]) -> bool:
    """The item's owner is said once for its list: by the lead-in, by its parent item, or by
    the name its list's other items give as their owner, which it opens with before a verb."""
    sec = _section(doc, block)
    if sec is None:
        return False
    parent, above, _ = _around(sec, block)
    if above is not None and _LIST_OWNER.search(above.text):
        return True
    if parent is not None and assignment(doc, parent).owner is not None:
        return True
    words = re.sub(r"^\s*(?:[-*+•]|\d+[.)])\s+", "", block.text).split()
    if len(words) < 2 or words[1].lower() not in verbs():
        return False
    return any(assignment(doc, b).owner == words[0] for b in siblings if b is not block)


def list_ticket(doc: Document, block: Block) -> bool:
    """A ticket named in the paragraph right above or right below the item's list ("The
    cleanup is detailed in OPS-631:"): it tracks the list."""
    sec = _section(doc, block)
    if sec is None:
        return False
    _, above, below = _around(sec, block)
    return any(p is not None and written_ticket(p.text) is not None for p in (above, below))
