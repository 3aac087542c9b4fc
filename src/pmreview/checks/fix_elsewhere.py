"""A fix told outside a resolution section (checks/fixes.py): in the story, the root cause,
the timeline's entries, or as a change already made among the measures; and the words shared
with the resolution section's reading: where the fix begins, and a change that did not help."""

from __future__ import annotations

from ..models import Block, Document
from ..parse.views import sections_of
from ..text.borrowed import own_blocks, own_sentences
from ..text.gates import gated
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from . import semantics as sem
from .causes import story_blocks
from .changes import FIX_VERB, TO_FIND, names_change
from .fix_entries import ENTRY_HEAD, NO_EFFECT, NOT_DONE, fix_in_entries
from .not_made import GUESSED, PLANNED, UNDONE
from .parts import NOT_CAUSE
from .proper_names import named_things, tagged
from .semantics import Evidence

# where the fix begins in a section that tells the cause first
FIX_INTRO = Lazy(
    r"\b(?:to (?:fix|resolve|solve|mitigate|recover|correct|repair|remedy|restore)\b"
    r"|(?:we|i) (?:fixed|resolved|solved|mitigated)"
    r"|(?:fixed|resolved|solved|mitigated) (?:it|this|the \w+) by\b|what (?:we|i) did\b"
    r"|\b(?:was|were|has been|have been) (?:\w+ly )?(?:fixed|resolved|solved|mitigated) by\b"
    # "The fix involved replacing…", "the solution consisted of…"
    r"|the (?:fix|solution|remediation) (?:was|is|included|involved|consisted|entailed)\b"
    r"|steps taken\b|actions taken\b)"
    r"|^[\s*_>+•-]*(?:resolution|solution|fix|remediation|mitigation|recovery)(?: \w+){0,2}[\s*_]*:"
)
# it did not help: "rolled back the release but the issue persists", "made things worse"
NO_HELP = Lazy(
    r"\bbut (?:the )?(?:\w+ )?(?:issue|problem|errors?|outage|incident) (?:still )?"
    r"(?:persist|continu|remain)|\bmade (?:things|it|matters|the \w+) worse\b"
    r"|\bdid(?:n['’]?t| not) (?:reduce|lower|improve|change|help|fix|resolve)\b"
)


def timeline_blocks(doc: Document) -> list[Block]:
    return [b for s in sections_of(doc, "timeline") for b in s.blocks]


def fix_anywhere(doc: Document) -> Evidence | None:
    """With no resolution section, a fix told elsewhere (in a root-cause section, the
    timeline, the story, or as a change already made among the measures): a sentence that
    says the incident was resolved or fixed and names the change, or that reports a change
    made ("the leaked token was revoked", "the vulnerable action has been removed") to a named
    thing. A cause's own "after a data migration", a hypothesis ("would be rolled back") and
    an attempt that failed are no fix; nor is a change made as part of planned work ("the
    primary was replaced as part of a scheduled upgrade"), which is how incidents start. The
    timeline's entries that report a change ("`maxmemory` raised to 16 GB") come first."""
    story, done = _told_and_done(doc)
    told = {id(b) for b in story}
    blocks = own_blocks(story + done)
    entry = fix_in_entries(timeline_blocks(doc))
    if entry and not TO_FIND.compiled.search(entry["quote"].lower()):
        return entry
    # an entry made to find or watch the fault gives way to a fix told elsewhere
    return (
        _fix_said(blocks, {id(b) for b in done})
        or _fix_told(blocks, told, True)
        or _fix_told(blocks, told, False)
        or entry
    )


def _told_and_done(doc: Document) -> tuple[list[Block], list[Block]]:
    """The document's own account, and the blocks of its measures."""
    return story_blocks(doc), [b for s in doc.sections if s.kinds & NOT_CAUSE for b in s.blocks]


def fix_said_anywhere(doc: Document) -> Evidence | None:
    """Where the resolution section tells the fix only in general, a sentence elsewhere that
    says it is the fix and names the change ("To correct the error the typo was changed using
    a Puppet script", told among the measures)."""
    story, done = _told_and_done(doc)
    return _fix_said(own_blocks(story + done), {id(b) for b in done})


def _fix_said(blocks: list[Block], planned: set[int]) -> Evidence | None:
    """A sentence that says it is the fix ("we mitigated the issue by rolling back the
    configuration change", "to fix it we reverted …") and names the change: it outranks a
    change told earlier, which is often the cause ("the change was applied through a key
    that …"). Among the measures (blocks in `planned`) only a change told as made ("To
    correct the error, the typo was changed…"), not work to do ("we need to upgrade…")."""
    for b in gated(blocks, FIX_INTRO.compiled):
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if (
                FIX_INTRO.compiled.search(low)
                and not UNDONE.compiled.search(low)
                and not NO_HELP.compiled.search(low)
                and (id(b) not in planned or _TOLD_DONE.compiled.search(low))
                and names_change(b.text[s:e], low, False)
            ):
                return sem.evidence(b, s, e)
    return None


# a change told as made (past tense, no duty or wish before it): "was changed", "we reverted",
# "the fix involved"
_TOLD_DONE = Lazy(
    r"^(?!.*\b(?:need(?:s|ed)? to|must|have to|has to|want to|ought to|aim to)\b)"
    r".*\b(?:was|were|has been|have been|had been|[a-z]{3,}ed)\b"
)


def _fix_told(blocks: list[Block], told: set[int], strict: bool) -> Evidence | None:
    """The first sentence that says it was resolved (in the story, `told`) or reports a
    change made, not as part of planned work nor as a guess or a decision ("decides to revert
    …"), and names the change; not one the next sentence says did not help ("I restarted
    nginx. It did not fix things."). If `strict`, not a change nobody made ("Nobody had set
    the replica to read-only") nor one it or the next sentence says made no difference."""
    over = lexicon("resolved", "recovered")
    for b in gated(blocks, over, _MADE.compiled):  # one of them is needed
        spans = own_sentences(b)
        for i, (s, e) in enumerate(spans):
            low = b.lower[s:e]
            after = b.lower[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
            if (
                (id(b) in told and _says_resolved(low) or _made(low, b.text[s:e]))
                and not PLANNED.compiled.search(low)
                and not GUESSED.compiled.search(low)
                and not NOT_DONE.compiled.search(ENTRY_HEAD.sub("", low))  # "decides to revert"
                and not NO_HELP.compiled.search(low)
                and not NO_EFFECT.compiled.search(after)
                and not (strict and _not_the_fix(low, after))
                and names_change(b.text[s:e], low, False)
            ):
                return sem.evidence(b, s, e)
    return None


def _says_resolved(low: str) -> bool:
    """A sentence that says the incident was resolved ("not recoverable" does not; nor does a
    hypothesis or an attempt that failed)."""
    if UNDONE.compiled.search(low):
        return False
    return any(
        not _NEGATED.compiled.search(low, 0, m.start())
        for m in lexicon("resolved", "recovered").finditer(low)
    )


def _made(low: str, sentence: str) -> bool:
    """A change reported as made, to a named thing: "has been disabled", "we revoked" (and
    not planned or tried before it: "will be removed"; a purpose after it is fine)."""
    m = _MADE.compiled.search(low)
    if m is None or UNDONE.compiled.search(low, 0, m.end()):
        return False
    # named as names_change reads it: a technology, a quoted or numbered name, an asset tag
    return bool(sem.specific_terms(sentence) or named_things(sentence) or tagged(sentence))


def _not_the_fix(low: str, after: str) -> bool:
    """A change nobody made ("Nobody had set the replica to read-only"), or one the sentence
    or the next says made no difference ("rolled back … without effect")."""
    m = _MADE.compiled.search(low)
    return bool(
        m is not None
        and _NOT_MADE.compiled.search(low[: m.start()])
        or NO_EFFECT.compiled.search(low)
        or _NO_DIFFERENCE.compiled.search(low + " " + after)
    )


# a change nobody made: "Nobody had set the replica to read-only", "it was never disabled"
_NOT_MADE = Lazy(r"\b(?:nobody|no one|never|not)\b(?:\W+\w+){0,2}\W*$")
# it changed nothing: "When that made no difference…", "rolled back without effect"
_NO_DIFFERENCE = Lazy(
    r"\bmade no difference\b|\bdid(?:n['’]t| not) make (?:a|any) difference\b"
    r"|\bwithout (?:any )?(?:effect|improvement|success)\b"
    r"|\b(?:has|have|had)(?:n['’]t| not) (?:yet )?(?:improved|changed|helped)\b"
)


_MADE = Lazy(
    r"\b(?:has|have|had|was|were|(?<=['’])ve) (?:been )?(?:(?:\w+ly|then|also|now|later) )?"
    + FIX_VERB
    + r"\b"
    # at the sentence's start, after a thread's number or the time it was done ("5/ At 11:31am
    # we redeployed the gateway…")
    r"|^\W*(?:\d+/ ?)?(?:(?:at|by|around) \d{1,2}(?:[:.]\d\d)?(?: ?[ap]\.?m\.?)?"
    r"(?: [a-z]{2,4})?,? )?(?:we |i )?(?:\w+ly )?" + FIX_VERB + r"\b"
)
_NEGATED = Lazy(r"\b(?:not|no|never)\s+$|\bun$")  # "not recoverable"
