"""The resolution's facts: its section and the sentence that says what was changed (the fix,
not the cause told before it), or with no resolution section a fix told elsewhere."""

from __future__ import annotations

import re

from ..models import Block, Document
from ..parse.titles import normalise_title
from ..parse.views import sections_of
from ..text.borrowed import own_blocks, own_sentences
from ..text.gates import gated
from ..text.lexicon import lexicon
from ..text.prefilter import SPACE_RUN, Lazy, run_end
from . import semantics as sem
from .causes import NOT_CAUSE, part_of, story_blocks
from .record import Part, place
from .semantics import Evidence


def resolution(doc: Document) -> Part:
    """The resolution section; with none, the fix is looked for in the root-cause section.
    A status update titled "Resolved" ("Status: Resolved") tells that it ended, not how: it
    is the resolution only when no other section is."""
    found = sections_of(doc, "resolution")
    secs = [s for s in found if not _STATUS.compiled.fullmatch(normalise_title(s.title))]
    secs = secs or found
    # a part that is only the fix ("To fix it I:" under "Root cause and resolution") first
    told = sorted(secs, key=lambda s: s.has("root_cause"))
    blocks = part_of([b for s in told for b in s.blocks], "resolution", "root_cause")
    # a status update ("Resolved: this incident has been resolved") tells no fix: it is looked
    # for where the write-up tells it
    status = all(_STATUS.compiled.fullmatch(normalise_title(s.title)) for s in secs)
    detail = _fix_detail(blocks) if blocks else None
    return {
        "present": place(secs[0]) if secs else None,
        "detail": detail or (_fix_anywhere(doc) if not blocks or status else None),
    }


_STATUS = Lazy(r"(?:(?:incident )?status )?(?:resolved|fixed|mitigated|recovered|closed)")


def _fix_detail(blocks: list[Block]) -> Evidence | None:
    """The fix says what concrete thing was changed ("replaced the failing disk", "the issue
    was solved by killing the backup process"). What rule PM103 calls vague does not count:
    "it was fixed" naming nothing, "adjusted the settings" anywhere (unless a value is given
    or the change was a rollback to a known state). Where the section tells the cause first
    and then the fix ("To fix it I:", "What we did:", "We fixed it by…"), the fix is looked
    for from there on first: the cause's "I copied an example config" changed nothing."""
    blocks = own_blocks(blocks)
    vetoed = any(sem.fix_veto("document").search(b.lower) for b in blocks)
    told = [(b, s, e) for b in blocks for s, e in own_sentences(b)]
    start = next(
        (
            i
            for i, (b, s, e) in enumerate(told)
            if _FIX_INTRO.compiled.search(b.lower[s:e].lstrip())
        ),
        0,
    )
    return _fix_sentence(told[start:], vetoed) or _fix_sentence(told[:start], vetoed)


# where the fix begins in a section that tells the cause first
_FIX_INTRO = Lazy(
    r"\b(?:to (?:fix|resolve|solve|mitigate|recover)\b|(?:we|i) (?:fixed|resolved|solved|mitigated)"
    r"|(?:fixed|resolved|solved|mitigated) (?:it|this|the \w+) by\b|what (?:we|i) did\b"
    r"|the (?:fix|solution|remediation) (?:was|is|included)\b|steps taken\b|actions taken\b)"
    r"|^[\s*_>+•-]*(?:resolution|solution|fix|remediation|mitigation|recovery)(?: \w+){0,2}[\s*_]*:"
)


def _fix_sentence(told: list[tuple[Block, int, int]], vetoed: bool) -> Evidence | None:
    """The first of the sentences that names a change made (not one that tells the cause)."""
    for b, s, e in told:
        # in a combined "Root cause and resolution" the cause's "was set to port 5000 by
        # default", "leading to an increase" say what went wrong, not what was changed
        low = b.lower[s:e]
        # an aside in brackets may tell why ("(switched off because load tests looked fine)")
        plain = _ASIDE.sub(" ", low) if "(" in low else low
        if (
            not _TELLS_CAUSE.compiled.search(plain)
            and not _NO_HELP.compiled.search(low)
            and _names_change(b.text[s:e], low, vetoed)
        ):
            return sem.evidence(b, s, e)
    return None


_ASIDE = re.compile(r"\([^()]*\)")
_TELLS_CAUSE = Lazy(
    r"\b(?:lead(?:s|ing)? to|led to|result(?:ed|ing)? in|caus(?:ed|ing)|because|due to|by default"
    r"|lacked|was (?:not|never) \w+ed|did(?:n[\'’]t| not)|(?<!as )failed(?! ?over)"
    r"|rais(?:ed|ing|es) (?:an? |the )?(?:error|exception|alarm|alert|warning))\b"
)


def _names_change(sentence: str, low: str, vetoed: bool) -> bool:
    """Whether the sentence names a change made to a named thing. Changes left unnamed
    ("running some certbot commands", "restarting things") name nothing, whatever tool
    they mention."""
    if _UNNAMED_CHANGE.compiled.search(low):
        sentence = _UNNAMED_CHANGE.compiled.sub(" ", low)
        low = sentence
    terms = sem.specific_terms(sentence)
    if (
        vetoed
        and not any(sem._NUMERIC.search(t) for t in terms)
        and not _ROLLBACK.compiled.search(low)
    ):
        return False  # "adjusted the settings" somewhere, and no value given here
    veto = sem.fix_veto("sentence").search(low)
    # a named file, setting or version outweighs the vague words around it; a rollback to a
    # known state is a fix of its own beside a vague "increased the memory limit"
    changes = [
        m
        for m in sem.CONCRETE_CHANGE.finditer(sentence)
        if (terms or not _inside(m, veto) or _ROLLBACK.compiled.match(low, m.start()))
        and not _NOT_CHOSEN.compiled.search(low, max(0, m.start() - 40), m.start())
    ]
    part = lexicon("system_part").search(_ANY_SERVER.sub(" ", low)) or _PARTS.compiled.search(low)
    return bool(changes) and bool(terms or part)


# "some certbot commands", "a few tweaks to the config", "restarting things"
_UNNAMED_CHANGE = Lazy(
    r"\b(?:some|a few|various|several|a couple of)(?: [\w-]+)? (?:commands?|changes|tweaks|fixes"
    r"|steps|things|stuff)\b(?: (?:to|on|in) (?:the |our )?[\w-]+)?|\b[a-z]+ing things\b"
)


# a change weighed and not made: "better to fix it properly than to simply revert the change"
_NOT_CHOSEN = Lazy(r"\b(?:than|instead of|rather than)(?: to)?(?: simply| just)? ")
# parts of a data store that a fix rebuilds or moves ("rebuilt the affected shards")
_PARTS = Lazy(r"\b(?:shards?|replicas?|volumes?|partitions?)\b")


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
    an attempt that failed are no fix; nor is a change made as part of planned work ("the
    primary was replaced as part of a scheduled upgrade"), which is how incidents start. The
    timeline's entries that report a change ("`maxmemory` raised to 16 GB") come first."""
    story = story_blocks(doc)
    told = {id(b) for b in story}
    done = [b for s in doc.sections if s.kinds & NOT_CAUSE for b in s.blocks]
    timeline = [b for s in sections_of(doc, "timeline") for b in s.blocks]
    return _fix_in_entries(timeline) or _fix_told(own_blocks(story + done), told)


def _fix_told(blocks: list[Block], told: set[int]) -> Evidence | None:
    """The first sentence that says it was resolved (in the story, `told`) or reports a
    change made, not as part of planned work, and names the change."""
    for b in gated(blocks, lexicon("resolved"), _MADE.compiled):  # one of them is needed
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if (
                (id(b) in told and _says_resolved(low) or _made(low, b.text[s:e]))
                and not _PLANNED.compiled.search(low)
                and not _NO_HELP.compiled.search(low)
                and _names_change(b.text[s:e], low, False)
            ):
                return sem.evidence(b, s, e)
    return None


_PLANNED = Lazy(
    r"\bas part of\b|\b(?:scheduled|routine|planned) (?:\w+ )?(?:upgrade|maintenance|change)"
)


def _fix_in_entries(blocks: list[Block]) -> Evidence | None:
    """A timeline entry that reports a change made to a named thing ("14:28 `maxmemory`
    raised to 16 GB on cache-2", "PAT revoked"), in an entry that does not say it did not
    help ("rolled back. No improvement.") nor tells what went wrong."""
    # _MADE_ENTRY is matched in parts of str.lower() (the entry's head cut)
    for b in gated(own_blocks(blocks), _MADE_ENTRY.compiled, unicode_lower=True):
        if _NO_EFFECT.compiled.search(b.lower):
            continue
        for s, e in own_sentences(b):
            text = _ENTRY_HEAD.sub("", b.text[s:e])
            low = text.lower()
            m = _MADE_ENTRY.compiled.match(low)
            if (
                m
                and _DONE_TO.compiled.match(low[m.end() :].lstrip())
                and not _UNDONE.compiled.search(low)
                and not _TELLS_CAUSE.compiled.search(low)
                and _names_change(text, low, False)
            ):
                return sem.evidence(b, s, e)
    return None


# the change told of the thing it was made to ("`maxmemory` raised to 16 GB", "PAT revoked."),
# not what something did ("the job removed 40% of the hosts", "causing increased latency")
_DONE_TO = Lazy(r"(?:$|[.,;:(]|(?:to|on|in|from|via|with|by|and|for|at|across)\b)")


# an entry's time, date and table cells before its event
_ENTRY_HEAD = re.compile(
    r"^[\s|*_>-]*(?:\d{4}-\d\d-\d\d\s*)?"
    r"(?:\d{1,2}:\d\d(?::\d\d)?(?:\s*[\u2013-]\s*\d{1,2}:\d\d)?\s*(?:[aApP]\.?[mM]\.?)?"
    r"(?:\s*[A-Z]{2,5}(?=\s*[|:\u2013\u2014-]))?)?[\s|*_:\u2013\u2014-]*"
)
_NO_EFFECT = Lazy(r"\bno (?:improvement|change|effect)\b|\bdid(?:n['’]t| not) (?:help|work|fix)\b")


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
    r"|re-?enabled|corrected|saniti[sz]ed|renewed|regenerated|reissued|switched back|purged"
    r"|re-?created|flushed|truncated)"
)
_MADE = Lazy(
    r"\b(?:has|have|had|was|were) (?:been )?(?:\w+ly )?" + _FIX_VERB + r"\b"
    r"|^\W*(?:we )?(?:\w+ly )?" + _FIX_VERB + r"\b"
)
# the event of an entry (its time stripped): a subject of a few words and the change made
_MADE_ENTRY = Lazy(r"^(?:\S+\s+){1,6}?(?:was |were |been )?" + _FIX_VERB + r"\b")
_NEGATED = Lazy(r"\b(?:not|no|never)\s+$|\bun$")  # "not recoverable"
# it did not help: "rolled back the release but the issue persists", "made things worse"
_NO_HELP = Lazy(
    r"\bbut (?:the )?(?:\w+ )?(?:issue|problem|errors?|outage|incident) (?:still )?"
    r"(?:persist|continu|remain)|\bmade (?:things|it|matters|the \w+) worse\b"
)
# a hypothesis, a plan, or an attempt that did not work is no fix (a failure after several
# attempts is found from the last: each attempt reads no further than the next)
_TRIED = r"\b(?:attempt(?:ed|ing)?|tr(?:ied|ying))\b"
_UNDONE = Lazy(
    r"\b(?:would|could|might|will|should|may|plan(?:s|ned)? to|going to)\b"
    rf"|{_TRIED}(?:(?!{_TRIED})[^.;])*?"  # what follows an attempt, up to the next attempt
    r"\b(?:but|fail|did ?n[o']?t|unsuccessful|corrupt|delayed|error)"
)
