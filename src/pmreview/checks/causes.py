"""The root cause's and the resolution's facts: their sections and the sentence that gives
detail (the concrete thing that failed, the concrete thing changed)."""

from __future__ import annotations

import re

from ..models import Block, Document
from ..parse.views import sections_of
from ..text.borrowed import own_blocks, own_sentences
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
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
    """The fix says what concrete thing was changed ("replaced the failing disk", "the issue
    was solved by killing the backup process"). What rule PM103 calls vague does not count:
    "it was fixed" naming nothing, "adjusted the settings" anywhere (unless a value is given
    or the change was a rollback to a known state)."""
    blocks = own_blocks(blocks)
    vetoed = any(sem.fix_veto("document").search(b.lower) for b in blocks)
    for b in blocks:
        for s, e in own_sentences(b):
            if _names_change(b.text[s:e], b.lower[s:e], vetoed):
                return sem.evidence(b, s, e)
    return None


def _names_change(sentence: str, low: str, vetoed: bool) -> bool:
    terms = sem.specific_terms(sentence)
    if (
        vetoed
        and not any(sem._NUMERIC.search(t) for t in terms)
        and not _ROLLBACK.compiled.search(low)
    ):
        return False  # "adjusted the settings" somewhere, and no value given here
    veto = sem.fix_veto("sentence").search(low)
    # a named file, setting or version outweighs the vague words around it
    changes = [m for m in sem.CONCRETE_CHANGE.finditer(sentence) if terms or not _inside(m, veto)]
    return bool(changes) and bool(terms or lexicon("system_part").search(low))


def _inside(m: re.Match[str], veto: re.Match[str] | None) -> bool:
    """A change word the vague phrase spoils: within it ("raised the memory limit", no value)
    or beside it ("we whipped it back into shape and restarted…"), but not the change that
    says how it was fixed ("the issue was solved by killing the backup process")."""
    if veto is None:
        return False
    return not (m.start() >= veto.end() and _HOW.compiled.match(m.string, veto.end()))


_HOW = Lazy(r"\s*,?\s*(?:by|through|via|with|after)\b", re.IGNORECASE)


_ROLLBACK = Lazy(
    r"\b(?:roll(?:ed|ing)? ?back|revert(?:ed|ing)?|restor\w* (?:\w+ ){0,3}(?:previous|last|earlier"
    r"|prior|original|known))"
)


def _fix_anywhere(doc: Document) -> Evidence | None:
    """With no resolution section, a fix told elsewhere (in a root-cause section, the
    timeline, the story): a sentence that says the incident was resolved or fixed and names
    the change (a cause's own "after a data migration" is no fix)."""
    resolved = lexicon("resolved")
    for b in _story_blocks(doc):
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if resolved.search(low) and _names_change(b.text[s:e], low, False):
                return sem.evidence(b, s, e)
    return None


def _story_blocks(doc: Document) -> list[Block]:
    """The document's own account: no measures, no quoted text."""
    return [
        b
        for s in doc.sections
        if not s.kinds & _NOT_CAUSE
        for b in s.blocks
        if not b.text.lstrip().startswith(">")
    ]


def _mechanism(blocks: list[Block]) -> Evidence | None:
    """A sentence that names the parts involved and how one broke the other ("the backup
    process ran on the web server and used most of its CPU"): two things of the system, a
    mechanism word, and no vague cause ("a misconfiguration", "a glitch")."""
    things = (lexicon("system_part"), lexicon("component"))
    for b in blocks:
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if (
                sem.words(low) < 8
                or sem.VAGUE_CAUSE.search(low)
                or not lexicon("mechanism").search(low)
            ):
                continue
            named = {m.group(0) for p in things for m in p.finditer(low)}
            if len(named | sem.specific_terms(b.text[s:e])) >= 2:
                return sem.evidence(b, s, e)
    return None


def _cause_anywhere(doc: Document) -> Evidence | None:
    """With no root-cause section, a cause explained elsewhere (under "Resolution", "Details",
    in the story): a sentence giving a cause with a concrete thing named, not a vague one."""
    for b in _story_blocks(doc):
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if (
                lexicon("cause").search(low)
                and sem.words(low) >= 8
                and not sem.VAGUE_CAUSE.search(low)
                and sem.specific_terms(b.text[s:e])
            ):
                return sem.evidence(b, s, e)
    return None


_NOT_CAUSE = frozenset({"measures", "action_items", "lessons"})


def root_cause(doc: Document) -> Part:
    secs = sections_of(doc, "root_cause")
    blocks = [b for s in secs for b in s.blocks]
    return {
        "present": place(secs[0]) if secs else None,
        "detail": (_cause_detail(blocks) or _mechanism(blocks)) if secs else _cause_anywhere(doc),
    }


def resolution(doc: Document) -> Part:
    """The resolution section; with none, the fix is looked for in the root-cause section."""
    secs = sections_of(doc, "resolution")
    blocks = [b for s in secs for b in s.blocks]
    return {
        "present": place(secs[0]) if secs else None,
        "detail": _fix_detail(blocks) if blocks else _fix_anywhere(doc),
    }
