"""What the rest of the words' section tells, or of the whole summary when they stand in it
(rules/vague_document.py reads it for a share or a length that answers them)."""

from __future__ import annotations

from ..models import Block, Section
from ..parse.views import summary_sections
from ..text.borrowed import is_block_quote, status_post
from .vague_place import Place


def later(place: Place) -> str:
    """The lower-cased text after the words in their section, or in the whole summary when
    they stand in it; the author's own (no block quote, no status-page post). A vague
    headline is answered by the detail that follows it; a vague amount after a number is
    another claim ("75% of users could not log in. Some users lost data.")."""
    sections = summary_sections(place.doc) if place.doc else []
    if not any(s.line == place.section.line for s in sections):  # copies: at the same line
        sections = [place.section]
    opening = not place.section.kinds  # an opening is told in detail by the summary only
    sections = [s for s in sections if s.line == place.section.line or _tells_size(s, opening)]
    blocks = [(s, b) for s in sections for b in s.blocks]
    at = next((k for k, (_, b) in enumerate(blocks) if b.line == place.block.line), len(blocks))
    rest = [b.lower for s, b in blocks[at + 1 :] if own(s, b)]
    return " ".join([place.block.lower[place.span[1] :], *rest])


def _tells_size(section: Section, opening: bool = False) -> bool:
    """A part of the summary that tells how big and how long (after an opening: a summary)."""
    kinds = {"summary"} if opening else {"summary", "impact", "duration"}
    return bool(section.kinds & kinds) or not (section.kinds or opening)


def own(section: Section, block: Block) -> bool:
    """The author's own text: no block quote, no status-page post."""
    return not is_block_quote(block) and not status_post(section, block)
