"""The resolution's facts: its section and the sentence that says what was changed (the fix,
not the cause told before it), or with no resolution section a fix told elsewhere."""

from __future__ import annotations

import re

from ..models import Block, Document
from ..parse.titles import normalise_title
from ..parse.views import sections_of
from ..text.borrowed import own_blocks, own_sentences
from ..text.prefilter import Lazy
from ..text.task_parts import is_done
from ..text.tasks import tasks_by_list
from . import semantics as sem
from .antecedent import applies_unnamed, with_antecedent
from .changes import TELLS_CAUSE, TO_FIND, names_change
from .fix_commands import fix_in_code
from .fix_elsewhere import FIX_INTRO, NO_HELP, fix_anywhere, fix_said_anywhere, timeline_blocks
from .fix_entries import fix_in_entries
from .not_made import GUESSED, MEANT, PLANNED
from .parts import part_of
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
        entries = timeline_blocks(doc)
        vetoed = any(sem.fix_veto("document").search(b.lower) for b in blocks + entries)
        detail = fix_in_entries(entries, vetoed) or (None if vetoed else fix_said_anywhere(doc))
    return {
        "present": shown_place(doc, secs, "resolution") if secs else None,
        # the commands run, in a fence, where no sentence tells the fix
        "detail": detail
        or (fix_anywhere(doc) if not blocks or status else None)
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
        (i for i, (b, s, e) in enumerate(told) if FIX_INTRO.compiled.search(b.lower[s:e].lstrip())),
        0,
    )
    after, before = told[start:], told[:start]
    found = _fix_sentence(after, vetoed, True) or _fix_sentence(after, vetoed, False)
    if found:
        return found
    found = _fix_sentence(before, vetoed, True) or _fix_sentence(before, vetoed, False)
    if not (found and start):
        return found
    # a change told before "We fixed it by …" is the cause's: the sentence that says it is
    # the fix shows it when it names the change it made; when it says how it was fixed and
    # names no change ("The issue was resolved by correcting the misconfigured rule"), nothing
    # does (a purpose at the end, "… to restore service", tells less)
    b, s, e = told[start]
    said_how = _SAYS_HOW.compiled.search(b.lower[s:e])
    return _intro(told[start], vetoed) or (None if said_how else found)


# a sentence that says how it was fixed: "The issue was resolved by…", "To fix it, we…"
_SAYS_HOW = Lazy(
    r"\b(?:fixed|resolved|solved|mitigated|remedied) (?:\w+ ){0,2}?by\b"
    r"|^\W*to (?:fix|resolve|solve|remedy|correct) (?:it|this|the \w+)\b"
)


def _intro(said: tuple[Block, int, int], vetoed: bool) -> Evidence | None:
    """The sentence that opens the fix ("We fixed it by setting `X` in `.env`"), when it names
    a change to a specific thing (not "by correcting the misconfigured firewall rule") and is
    no promise."""
    b, s, e = said
    low = b.lower[s:e]
    if (
        sem.specific_terms(b.text[s:e])
        and names_change(b.text[s:e], low, vetoed)
        and not _PROMISED.compiled.search(low)
    ):
        return sem.evidence(b, s, e)
    return None


# a promise for the future, not a change made: "We will not switch suppliers again until…"
_PROMISED = Lazy(
    r"^\W*(?:we|i|they|the team)\s+(?:will|shall|won['’]t|are going to|plan to|intend to)\b"
)


def _fix_sentence(
    told: list[tuple[Block, int, int]], vetoed: bool, strict: bool
) -> Evidence | None:
    """The first of the sentences that names a change made (not one that tells the cause;
    if `strict`, not a promise either: "We will not switch suppliers again until…"); a change
    made besides the fix ("we also bound the port to 127.0.0.1", "as a precaution") or to find
    or watch the fault ("added alerts on the queue") only when no other is told."""
    extra: Evidence | None = None
    for n, (b, s, e) in enumerate(told):
        # in a combined "Root cause and resolution" the cause's "was set to port 5000 by
        # default", "leading to an increase" say what went wrong, not what was changed
        low = b.lower[s:e]
        # an aside in brackets may tell why ("(switched off because load tests looked fine)")
        plain = _ASIDE.sub(" ", low) if "(" in low else low
        if (
            not TELLS_CAUSE.compiled.search(plain)
            and not NO_HELP.compiled.search(low)
            and not (strict and _PROMISED.compiled.search(low))
            and not PLANNED.compiled.search(low)  # the change that started it
            and not GUESSED.compiled.search(low)
            and not MEANT.compiled.search(low)
            and names_change(said := with_antecedent(b, s, e), said.lower(), vetoed)
            and not applies_unnamed(told, n)
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
