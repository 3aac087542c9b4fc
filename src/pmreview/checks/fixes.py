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
from ..text.prefilter import Lazy
from ..text.task_parts import is_done
from ..text.tasks import tasks_by_list
from . import semantics as sem
from .causes import NOT_CAUSE, part_of, story_blocks
from .changes import FIX_VERB, GUESSED, PLANNED, TELLS_CAUSE, TO_FIND, UNDONE, names_change
from .fix_commands import fix_in_code
from .fix_entries import ENTRY_HEAD, NO_EFFECT, NOT_DONE, fix_in_entries
from .record import Part, shown_place
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
    # a section that is the fix and the measures ("Remediation and prevention") tells the fix
    # in what it reports done; its open tasks are the measures
    planned = _open_tasks(doc)
    blocks = [b for b in blocks if id(b) not in planned]
    # a status update ("Resolved: this incident has been resolved") tells no fix: it is looked
    # for where the write-up tells it
    status = all(_STATUS.compiled.fullmatch(normalise_title(s.title)) for s in secs)
    detail = _fix_detail(blocks) if blocks else None
    if blocks and not detail and not status:
        # a section that tells the fix only in general ("a fix was deployed") leaves the
        # change to the timeline's entries, which the check reads too; "the settings were
        # adjusted" in either still asks for a value
        entries = _timeline(doc)
        vetoed = any(sem.fix_veto("document").search(b.lower) for b in blocks + entries)
        detail = fix_in_entries(entries, vetoed)
    return {
        "present": shown_place(doc, secs, "resolution") if secs else None,
        # the commands run, in a fence, where no sentence tells the fix
        "detail": detail
        or (_fix_anywhere(doc) if not blocks or status else None)
        or fix_in_code(doc, secs),
    }


def _open_tasks(doc: Document) -> set[int]:
    """The ids of the tasks still to do in sections that are also the resolution."""
    return {
        id(t.block)
        for sec, tasks in tasks_by_list(doc)
        if sec.has("resolution")
        for t in tasks
        if not is_done(t)
    }


def _timeline(doc: Document) -> list[Block]:
    return [b for s in sections_of(doc, "timeline") for b in s.blocks]


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
    after, before = told[start:], told[:start]
    found = _fix_sentence(after, vetoed, True) or _fix_sentence(after, vetoed, False)
    if found:
        return found
    found = _fix_sentence(before, vetoed, True) or _fix_sentence(before, vetoed, False)
    # a change told before "We fixed it by …" is the cause's: the sentence that says it is
    # the fix, and names what it changed, shows it
    return _intro(told[start]) if found and start and _intro(told[start]) else found


def _intro(said: tuple[Block, int, int]) -> Evidence | None:
    """The sentence that opens the fix ("We fixed it by setting `X` in `.env`"), when it names
    a specific thing and is no promise."""
    b, s, e = said
    if sem.specific_terms(b.text[s:e]) and not _PROMISED.compiled.search(b.lower[s:e]):
        return sem.evidence(b, s, e)
    return None


# a promise for the future, not a change made: "We will not switch suppliers again until…"
_PROMISED = Lazy(
    r"^\W*(?:we|i|they|the team)\s+(?:will|shall|won['’]t|are going to|plan to|intend to)\b"
)


# where the fix begins in a section that tells the cause first
_FIX_INTRO = Lazy(
    r"\b(?:to (?:fix|resolve|solve|mitigate|recover)\b|(?:we|i) (?:fixed|resolved|solved|mitigated)"
    r"|(?:fixed|resolved|solved|mitigated) (?:it|this|the \w+) by\b|what (?:we|i) did\b"
    r"|the (?:fix|solution|remediation) (?:was|is|included)\b|steps taken\b|actions taken\b)"
    r"|^[\s*_>+•-]*(?:resolution|solution|fix|remediation|mitigation|recovery)(?: \w+){0,2}[\s*_]*:"
)


def _fix_sentence(
    told: list[tuple[Block, int, int]], vetoed: bool, strict: bool
) -> Evidence | None:
    """The first of the sentences that names a change made (not one that tells the cause;
    if `strict`, not a promise either: "We will not switch suppliers again until…"); a change
    made besides the fix ("we also bound the port to 127.0.0.1", "as a precaution") or to find
    or watch the fault ("added alerts on the queue") only when no other is told."""
    extra: Evidence | None = None
    for b, s, e in told:
        # in a combined "Root cause and resolution" the cause's "was set to port 5000 by
        # default", "leading to an increase" say what went wrong, not what was changed
        low = b.lower[s:e]
        # an aside in brackets may tell why ("(switched off because load tests looked fine)")
        plain = _ASIDE.sub(" ", low) if "(" in low else low
        if (
            not TELLS_CAUSE.compiled.search(plain)
            and not _NO_HELP.compiled.search(low)
            and not (strict and _PROMISED.compiled.search(low))
            and not PLANNED.compiled.search(low)  # the change that started it
            and not GUESSED.compiled.search(low)
            and names_change(b.text[s:e], low, vetoed)
        ):
            # nor one made to find or watch the fault ("deployed a ping scan client to
            # pinpoint the peers", "monitoring and alerts were added")
            if not _BESIDES.compiled.search(low) and not TO_FIND.compiled.search(low):
                return sem.evidence(b, s, e)
            extra = extra or sem.evidence(b, s, e)
    return extra


# a change made besides the fix: "we also changed…", "as a precaution", "additionally"
_BESIDES = Lazy(
    r"\b(?:we|i|they|the team) also\b|\balso (?:changed|added|moved|bound|set|removed|disabled"
    r"|restricted|rotated|upgraded)\b|\bas a precaution|\bprecautionary\b|\badditionally\b"
    r"|\bin addition\b|\bfor good measure\b|\bto be safe\b"
)


_ASIDE = re.compile(r"\([^()]*\)")


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
    blocks = own_blocks(story + done)
    entry = fix_in_entries(_timeline(doc))
    if entry and not TO_FIND.compiled.search(entry["quote"].lower()):
        return entry
    # an entry made to find or watch the fault gives way to a fix told elsewhere
    return (
        _fix_said(blocks)
        or _fix_told(blocks, told, True)
        or _fix_told(blocks, told, False)
        or entry
    )


def _fix_said(blocks: list[Block]) -> Evidence | None:
    """A sentence that says it is the fix ("we mitigated the issue by rolling back the
    configuration change", "to fix it we reverted …") and names the change: it outranks a
    change told earlier, which is often the cause ("the change was applied through a key
    that …")."""
    for b in gated(blocks, _FIX_INTRO.compiled):
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if (
                _FIX_INTRO.compiled.search(low)
                and not UNDONE.compiled.search(low)
                and not _NO_HELP.compiled.search(low)
                and names_change(b.text[s:e], low, False)
            ):
                return sem.evidence(b, s, e)
    return None


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
                and not _NO_HELP.compiled.search(low)
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
    return bool(m and not UNDONE.compiled.search(low, 0, m.end()) and sem.specific_terms(sentence))


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
# it did not help: "rolled back the release but the issue persists", "made things worse"
_NO_HELP = Lazy(
    r"\bbut (?:the )?(?:\w+ )?(?:issue|problem|errors?|outage|incident) (?:still )?"
    r"(?:persist|continu|remain)|\bmade (?:things|it|matters|the \w+) worse\b"
    r"|\bdid(?:n['’]?t| not) (?:reduce|lower|improve|change|help|fix|resolve)\b"
)
