"""The root cause's facts: its section and the sentence that gives detail (the concrete thing
that failed and how); the parts a combined "Root cause and resolution" section and the story
give both it and checks/fixes.py."""

from __future__ import annotations

from ..models import Block, Document
from ..parse.views import sections_of, summary_sections
from ..text.borrowed import is_block_quote, own_blocks, own_sentences
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from . import semantics as sem
from .judged import told_as_fix, told_with
from .mechanism import (
    FAILED,
    NOT_WHAT_HAPPENED,
    THE_HUNT,
    chain,
    judged,
    mechanism,
    motive,
    named,
    vague_cause,
)
from .parts import HEADINGS, NOT_CAUSE, part_of, with_subsections
from .proper_names import named_in, proper_names
from .record import Part, shown_place
from .semantics import Evidence
from .theories import told_as_theory


def _cause_detail(blocks: list[Block]) -> tuple[Evidence | None, Evidence | None]:
    """The root cause names something concrete (a file, setting, value, technology) and is not
    just "a misconfiguration": two concrete terms, or one with no vague cause beside it. The
    sentence that tells how it failed, else the first that names a concrete thing; second,
    when every such sentence is a theory, a plan or what would have been, the first of them,
    which a mechanism told without a cause word outranks as the evidence."""
    blocks = own_blocks(blocks)
    text = "\n".join(b.text for b in blocks)
    # a thing named by its proper name counts as one the technology list knows
    # (two things at least: "a bug in the CapCut app" names one and tells nothing of it)
    names = proper_names(text)
    terms = sem.specific_terms(text)
    if len(terms | names) >= 2:
        terms |= names
    else:
        names = frozenset()
    if sem.words(text) < 8 or not terms:
        return None, None
    if len(terms) < 2 and vague_cause(text) and sem.words(text) < 40:
        return None, None
    # the evidence names the thing and tells how it failed ("We use HAProxy for TLS" only sets
    # the scene), and is not itself the vague cause ("some configuration issue with the pool")
    # when another sentence names it
    told = _naming(blocks, names)
    if not told:
        return None, None
    # nor a first theory the account drops ("Our first guess was a bad build: …"), a plan or
    # what would have been ("The plan was a background job…", "With a working ATS, the
    # batteries would only have needed…")
    plain = [t for t in told if _what_happened(t[0].text[t[1] : t[2]])]
    how = [t for t in plain if _tells_how(t[0].lower[t[1] : t[2]])]
    first = (how or plain)[0] if plain else None
    shown = (_stated(blocks) or sem.evidence(*first)) if first else None
    return shown, sem.evidence(*told[0])


def _naming(blocks: list[Block], names: frozenset[str]) -> list[tuple[Block, int, int]]:
    """The sentences that name a concrete thing: not the hunt for it, a cause told only as a
    judgement ("the Nginx server's inadequate configuration"), or the fix told beside it."""
    return [
        (b, s, e)
        for b in blocks
        for n, (s, e) in enumerate(own_sentences(b))
        if (sem.specific_terms(b.text[s:e]) or named_in(b.text[s:e], names))
        and not THE_HUNT.compiled.search(b.lower[s:e])
        and not told_with(b, own_sentences(b), n, judged)
        and not told_as_fix(b.lower[s:e])
    ]


def _stated(blocks: list[Block]) -> Evidence | None:
    """The first sentence that tells how named parts failed ("the gateway does not fetch
    missing intermediates, so it presented an incomplete chain"), the one a reader looks for,
    before one that only names a concrete thing ("The rollback did not reduce the error
    rate"); not a gap in detection ("the test did not try a handshake, so the fault was not
    detected"), which is a factor, not the cause."""
    for b in blocks:
        spans = own_sentences(b)
        for n, (s, e) in enumerate(spans):
            low = b.lower[s:e]
            if (
                _tells_how(_PURPOSE.compiled.sub(" ", low))
                and _what_happened(b.text[s:e])
                and not _GAP.compiled.search(low)
                and not _GUESSED.compiled.search(low)
                and len(named(low) | sem.specific_terms(b.text[s:e])) >= 2
                and not told_with(b, spans, n, judged)
            ):
                return sem.evidence(b, s, e)
    return None


# why the fault went unseen: a contributing factor, not how it failed
_GAP = Lazy(
    r"\b(?:not|never) (?:detected|caught|noticed|seen|visible|spotted|flagged)\b"
    r"|\bwould have (?:caught|detected|shown)\b|\b(?:did not|didn['’]t) see\b"
    r"|\bstayed (?:green|silent|quiet)\b|\b(?:did not|didn['’]t|never) (?:alert|fire|page)\b"
)
# "so that …" tells a purpose, not how it failed; "I think" a guess
_PURPOSE = Lazy(r"\bso that\b")
_GUESSED = Lazy(r"\bi (?:think|guess|believe)\b|\bprobably\b|\bmaybe\b|\bnot sure\b")


def _what_happened(sentence: str) -> bool:
    """A sentence that tells what happened: not a vague cause, a theory, a plan or what would
    have been."""
    low = sentence.lower()
    return not (
        vague_cause(sentence)
        or told_as_theory(low)
        or NOT_WHAT_HAPPENED.compiled.search(low)
        or THE_HUNT.compiled.search(low)
    )


def _tells_how(low: str) -> bool:
    return bool(FAILED.compiled.search(low)) and not _ONLY_EFFECT.compiled.match(low)


def story_blocks(doc: Document) -> list[Block]:
    """The document's own account: no measures, no quoted text."""
    return [
        b
        for s in doc.sections
        if not s.kinds & NOT_CAUSE
        for b in s.blocks
        if not is_block_quote(b)
    ]


# a sentence that tells only what the cause before it did ("This caused all pods to hang")
_ONLY_EFFECT = Lazy(
    r"^\W*(?:this|that|it|which|these)\s+(?:\w+\s+)?(?:led to|caused|resulted in)\b"
)


def _cause_anywhere(doc: Document) -> Evidence | None:
    """With no root-cause section, a cause explained elsewhere (under "Resolution", "Details",
    in the story): a sentence giving a cause (or, in a security incident, who got in and by
    what means) with a concrete thing named, not a vague one, nor how it was detected."""
    for b in story_blocks(doc):
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if (
                (_gives_cause(low) or sem.ATTACK.search(low))
                and not motive(low)
                and not _DETECTED.compiled.search(low)
                and not told_as_theory(low)
                and sem.words(low) >= 8
                and not vague_cause(low)
                and not sem.GENERIC_DEFECT.search(low)  # "due to a minor bug in the code"
                and sem.specific_terms(b.text[s:e])
            ):
                return sem.evidence(b, s, e)
    return None


def _told_story(doc: Document) -> Evidence | None:
    """With no root-cause section, the story told below the summary ("What happened" after a
    TL;DR) read as a cause is: a sentence that names the parts and how one broke another,
    alone or as a chain ("The fake logins went straight through to the auth backend… When the
    login cluster fell over, the game servers kept re-validating sessions against it")."""
    summary = {id(s) for s in summary_sections(doc)}
    blocks = [
        b
        for s in doc.sections
        if s.has("summary") and id(s) not in summary
        for b in own_blocks(s.blocks)
    ]
    return mechanism(blocks) or chain(blocks)


# how it was noticed, not why it happened: "the first alert was triggered by a connection"
_DETECTED = Lazy(
    r"\b(?:alerts?|alarms?|pages?|monitors?|detection)\b[^.;]{0,30}\b(?:triggered|fired|raised)\b"
)


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


def root_cause(doc: Document) -> Part:
    secs = with_subsections(doc, sections_of(doc, "root_cause"), "resolution")
    blocks = part_of([b for s in secs for b in s.blocks], "root_cause", "resolution")
    # the cause proper before the factors that made it worse ("## Contributing factors")
    main = [s for s in secs if not _factors_only(s.title)]
    first = part_of([b for s in main for b in s.blocks], "root_cause", "resolution")
    return {
        "present": shown_place(doc, secs, "root_cause") if secs else None,
        # a thin root-cause section ("Why: batch job with no limits + autoscaler max too low")
        # may leave the mechanism to the story, which the check reads too
        "detail": (first and _cause_detail(first)[0]) or _detail(blocks, doc)
        if secs
        else _cause_anywhere(doc) or _told_story(doc) or _untitled_mechanism(doc),
    }


# a section of the factors around the cause, not the cause itself
_FACTORS = Lazy(r"\bcontribut\w*|\bfactors?\b|\bwhy it (?:took|lasted|spread)\b|\bmade it worse\b")


def _factors_only(title: str) -> bool:
    """A section of the factors around the cause ("Contributing factors"), not one that also
    names the root cause ("Root cause and contributing factors")."""
    low = title.lower()
    return bool(_FACTORS.compiled.search(low)) and "root" not in low


def _untitled_mechanism(doc: Document) -> Evidence | None:
    """With no root-cause section, the mechanism told under a heading the reader does not know
    ("## The dumb part", "## What I got wrong"): the parts named and how one broke another."""
    summary = {id(s) for s in summary_sections(doc)}
    unknown = [
        s
        for s in doc.sections
        if not s.kinds and s.style in HEADINGS and s.line and id(s) not in summary
    ]
    for b in own_blocks([b for s in unknown for b in s.blocks]):
        found = mechanism([b])
        if found and not _FIX_TOLD.compiled.search(str(found["quote"]).lower()):
            return found
    return None


# the responders' fix, which names parts and what changed too: "On 2 April we moved both
# schedules to UTC", "We fixed it by…"
_FIX_TOLD = Lazy(
    r"^\W*(?:(?:on|by|at|after) [^,]{1,30}?,? )?(?:we|i|they) (?:\w+ly )?(?:fixed|resolved"
    r"|restored|reverted|rolled back|restarted|moved|mitigated|recovered|repaired|removed)\b"
)


def _detail(blocks: list[Block], doc: Document) -> Evidence | None:
    """The root-cause section's detail: a sentence of it that names a concrete thing (one that
    tells how it failed first), else one that tells a mechanism, else a sentence that names a
    concrete thing but tells no more than a plan or what would have been."""
    told, only = _cause_detail(blocks)
    return told or mechanism(blocks) or chain(blocks) or only or _told_story(doc)
