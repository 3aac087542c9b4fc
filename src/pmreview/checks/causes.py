"""The root cause's and the resolution's facts: their sections and the sentence that gives
detail (the concrete thing that failed, the concrete thing changed)."""

from __future__ import annotations

from ..models import Block, Document
from ..parse.views import sections_of
from ..text.borrowed import own_blocks, own_sentences
from ..text.lexicon import lexicon
from . import semantics as sem
from .record import Part, place
from .semantics import Evidence


def _cause_detail(blocks: list[Block]) -> Evidence | None:
    """The root cause names something concrete (a file, setting, value, technology) and is not
    just "a misconfiguration": two concrete terms, or one with no vague cause beside it."""
    blocks = own_blocks(blocks)
    text = "\n".join(b.text for b in blocks)
    terms = sem.specific_terms(text)
    if sem.words(text) < 8 or not terms:
        return None
    if len(terms) < 2 and sem.VAGUE_CAUSE.search(text) and sem.words(text) < 40:
        return None
    for b in blocks:
        for s, e in own_sentences(b):
            if sem.specific_terms(b.text[s:e]):
                return sem.evidence(b, s, e)
    return None


def _fix_detail(blocks: list[Block]) -> Evidence | None:
    """The fix says what concrete thing was changed ("replaced the failing disk", "renamed
    the .phpp file"). What rule PM103 calls vague does not count: "it was fixed" in its own
    sentence, "adjusted the settings" anywhere (unless a value is given)."""
    blocks = own_blocks(blocks)
    vetoed = any(sem.fix_veto("document").search(b.lower) for b in blocks)
    part = lexicon("system_part")
    for b in blocks:
        for s, e in own_sentences(b):
            sentence = b.text[s:e]
            terms = sem.specific_terms(sentence)
            if vetoed and not any(sem._NUMERIC.search(t) for t in terms):
                continue  # "adjusted the settings" somewhere, and no value given here
            if sem.fix_veto("sentence").search(b.lower[s:e]) and not terms:
                continue  # "it was fixed", naming nothing
            if sem.CONCRETE_CHANGE.search(sentence) and (terms or part.search(b.lower[s:e])):
                return sem.evidence(b, s, e)
    return None


def root_cause(doc: Document) -> Part:
    secs = sections_of(doc, "root_cause")
    blocks = [b for s in secs for b in s.blocks]
    return {
        "present": place(secs[0]) if secs else None,
        "detail": _cause_detail(blocks) if secs else None,
    }


def resolution(doc: Document) -> Part:
    """The resolution section; with none, the fix is looked for in the root-cause section."""
    secs = sections_of(doc, "resolution")
    blocks = [b for s in secs for b in s.blocks]
    if not blocks:
        blocks = [b for s in sections_of(doc, "root_cause") for b in s.blocks]
    return {
        "present": place(secs[0]) if secs else None,
        "detail": _fix_detail(blocks),
    }
