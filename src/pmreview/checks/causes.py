"""The root cause's and the resolution's facts: their sections and the sentence that gives
detail (the concrete thing that failed, the concrete thing changed)."""

from __future__ import annotations

import re

from ..models import Block, Document
from ..parse.titles import kinds_of
from ..parse.views import sections_of
from ..text.borrowed import is_block_quote, own_blocks, own_sentences
from ..text.lexicon import lexicon
from ..text.prefilter import SPACE_RUN, Lazy, run_end
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
            # in a combined "Root cause and resolution" the cause's "was set to port 5000 by
            # default", "leading to an increase" say what went wrong, not what was changed
            low = b.lower[s:e]
            if not _TELLS_CAUSE.compiled.search(low) and _names_change(b.text[s:e], low, vetoed):
                return sem.evidence(b, s, e)
    return None


_TELLS_CAUSE = Lazy(
    r"\b(?:lead(?:s|ing)? to|led to|result(?:ed|ing)? in|caus(?:ed|ing)|because|due to|by default"
    r"|lacked|was (?:not|never) \w+ed)\b"
)


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
    return bool(changes) and bool(terms or lexicon("system_part").search(_ANY_SERVER.sub(" ", low)))


# "restarted the server" names no part: which server, or what on it?
_ANY_SERVER = re.compile(r"\b(?:the|our|a|my|its) (?:web )?servers?\b")


def _inside(m: re.Match[str], veto: re.Match[str] | None) -> bool:
    """A change word the vague phrase spoils: within it ("raised the memory limit", no value)
    or beside it ("we whipped it back into shape and restarted…"), but not the change that
    says how it was fixed ("the issue was solved by killing the backup process")."""
    if veto is None:
        return False
    return not (m.start() >= veto.end() and _how_follows(m.string, veto.end()))


def _how_follows(text: str, end: int) -> bool:
    """Whether "by", "with"… (after a comma, spaces aside) follows `end`."""
    return _HOW.compiled.match(text, run_end(SPACE_RUN, text, end)) is not None


_HOW = Lazy(r"(?:,\s*+)?(?:by|through|via|with|after)\b", re.IGNORECASE)


_ROLLBACK = Lazy(
    r"\b(?:roll(?:ed|ing)? ?back|revert(?:ed|ing)?|restor\w* (?:\w+ ){0,3}(?:previous|last|earlier"
    r"|prior|original|known))"
)


def _fix_anywhere(doc: Document) -> Evidence | None:
    """With no resolution section, a fix told elsewhere (in a root-cause section, the
    timeline, the story, or as a change already made among the measures): a sentence that
    says the incident was resolved or fixed and names the change, or that reports a change
    made ("the leaked token was revoked", "the vulnerable action has been removed") to a named
    thing. A cause's own "after a data migration", a hypothesis ("would be rolled back") and
    an attempt that failed are no fix."""
    story = _story_blocks(doc)
    told = {id(b) for b in story}
    done = [b for s in doc.sections if s.kinds & _NOT_CAUSE for b in s.blocks]
    for b in own_blocks(story + done):
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if (id(b) in told and _says_resolved(low) or _made(low, b.text[s:e])) and (
                _names_change(b.text[s:e], low, False)
            ):
                return sem.evidence(b, s, e)
    return None


def _says_resolved(low: str) -> bool:
    """A sentence that says the incident was resolved ("not recoverable" does not; nor does a
    hypothesis or an attempt that failed)."""
    if _UNDONE.compiled.search(low):
        return False
    return any(
        not _NEGATED.compiled.search(low, 0, m.start()) for m in lexicon("resolved").finditer(low)
    )


def _made(low: str, sentence: str) -> bool:
    """A change reported as made, to a named thing: "has been disabled", "we revoked" (and
    not planned or tried before it: "will be removed"; a purpose after it is fine)."""
    m = _MADE.compiled.search(low)
    return bool(m and not _UNDONE.compiled.search(low, 0, m.end()) and sem.specific_terms(sentence))


_FIX_VERB = (
    r"(?:disabled|removed|revoked|rotated|rolled back|reverted|replaced|upgraded|downgraded"
    r"|patched|deleted|restarted|redeployed|migrated|raised|increased|restored|reinstalled"
    r"|re-?enabled|corrected|saniti[sz]ed|renewed|regenerated|reissued)"
)
_MADE = Lazy(
    r"\b(?:has|have|had|was|were) (?:been )?(?:\w+ly )?" + _FIX_VERB + r"\b"
    r"|^\W*(?:we )?(?:\w+ly )?" + _FIX_VERB + r"\b"
)
_NEGATED = Lazy(r"\b(?:not|no|never)\s+$|\bun$")  # "not recoverable"
# a hypothesis, a plan, or an attempt that did not work is no fix (a failure after several
# attempts is found from the last: each attempt reads no further than the next)
_TRIED = r"\b(?:attempt(?:ed|ing)?|tr(?:ied|ying))\b"
_UNDONE = Lazy(
    r"\b(?:would|could|might|will|should|may|plan(?:s|ned)? to|going to)\b"
    rf"|{_TRIED}(?:(?!{_TRIED})[^.;])*?"  # what follows an attempt, up to the next attempt
    r"\b(?:but|fail|did ?n[o']?t|unsuccessful|corrupt|delayed|error)"
)


def _story_blocks(doc: Document) -> list[Block]:
    """The document's own account: no measures, no quoted text."""
    return [
        b
        for s in doc.sections
        if not s.kinds & _NOT_CAUSE
        for b in s.blocks
        if not is_block_quote(b)
    ]


def _mechanism(blocks: list[Block]) -> Evidence | None:
    """A sentence that names the parts involved and how one broke the other ("the backup
    process ran on the web server and used most of its CPU"): two things of the system, a
    mechanism word, and no vague cause ("a misconfiguration", "a glitch")."""
    for b in blocks:
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if (
                sem.words(low) < 8
                or sem.VAGUE_CAUSE.search(low)
                or not lexicon("mechanism").search(low)
                or (_UNNAMED.compiled.search(low) and not sem.specific_terms(b.text[s:e]))
            ):
                continue
            if len(_named(low) | sem.specific_terms(b.text[s:e])) >= 2:
                return sem.evidence(b, s, e)
    return None


# "something in the update changed the settings": the part that broke is left unnamed
_UNNAMED = Lazy(
    r"\b(?:something|somehow|some (?:\w+ )?(?:settings?|configuration|change|files?|thing))\b"
)


def _chain(blocks: list[Block]) -> Evidence | None:
    """A root cause told as a chain over consecutive sentences of one paragraph ("A config
    change set an invalid address for the auth servers. This exposed a bug in the auth
    library, which blocked every worker thread."): together they name three things of the
    system and say how one broke the next. The evidence is the sentence that carries the
    mechanism, and is no vague cause itself ("a misconfiguration caused errors")."""
    for b in blocks:
        spans = own_sentences(b)
        for i in range(len(spans)):
            window = spans[i : i + _CHAIN]
            text = b.text[window[0][0] : window[-1][1]]
            low = text.lower()
            if sem.words(low) < 20 or len(_named(low) | sem.specific_terms(text)) < 3:
                continue
            for s, e in window:
                one = b.lower[s:e]
                if (
                    lexicon("mechanism").search(one)
                    and _named(one)
                    and not sem.VAGUE_CAUSE.search(one)
                    and not (_UNNAMED.compiled.search(one) and not sem.specific_terms(b.text[s:e]))
                ):
                    return sem.evidence(b, s, e)
    return None


_CHAIN = 3  # sentences a told chain may span


def _named(low: str) -> set[str]:
    """The parts of the system a lower-cased text names (data/lexicon.toml)."""
    things = (lexicon("system_part"), lexicon("component"))
    return {m.group(0) for p in things for m in p.finditer(low)}


def _cause_anywhere(doc: Document) -> Evidence | None:
    """With no root-cause section, a cause explained elsewhere (under "Resolution", "Details",
    in the story): a sentence giving a cause with a concrete thing named, not a vague one."""
    for b in _story_blocks(doc):
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if (
                _gives_cause(low)
                and sem.words(low) >= 8
                and not sem.VAGUE_CAUSE.search(low)
                and sem.specific_terms(b.text[s:e])
            ):
                return sem.evidence(b, s, e)
    return None


def _gives_cause(low: str) -> bool:
    """A sentence that gives a cause: a cause word that is not in an aside in parentheses
    ("(not the core repository, due to its workflow)") and does not explain why one part was
    affected ("the registry was affected due to its reliance on the API": impact, not cause)."""
    for m in lexicon("cause").finditer(low):
        if low.count("(", 0, m.start()) > low.count(")", 0, m.start()):
            continue
        if not _AFFECTED.compiled.search(low[max(0, m.start() - 25) : m.start()]):
            return True
    return False


_AFFECTED = Lazy(r"\b(?:affected|impacted|unavailable|down)\W*$")


_NOT_CAUSE = frozenset({"measures", "action_items", "lessons"})


def root_cause(doc: Document) -> Part:
    secs = sections_of(doc, "root_cause")
    blocks = _part_of([b for s in secs for b in s.blocks], "root_cause", "resolution")
    return {
        "present": place(secs[0]) if secs else None,
        "detail": (_cause_detail(blocks) or _mechanism(blocks) or _chain(blocks))
        if secs
        else _cause_anywhere(doc),
    }


def resolution(doc: Document) -> Part:
    """The resolution section; with none, the fix is looked for in the root-cause section."""
    secs = sections_of(doc, "resolution")
    blocks = _part_of([b for s in secs for b in s.blocks], "resolution", "root_cause")
    return {
        "present": place(secs[0]) if secs else None,
        "detail": _fix_detail(blocks) if blocks else _fix_anywhere(doc),
    }


def _part_of(blocks: list[Block], kind: str, other: str) -> list[Block]:
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
