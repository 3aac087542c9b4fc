"""A fix told in the timeline: an entry that reports a change made to a named thing, or opens
with the change the responders made (resolution.detail reads it where no section tells the
change)."""

from __future__ import annotations

import re

from ..models import Block
from ..text.borrowed import own_blocks, own_sentences
from ..text.gates import gated
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from . import semantics as sem
from .changes import FIX_VERB, TELLS_CAUSE, TO_FIND, names_change
from .detection import detection
from .not_made import UNDONE
from .semantics import Evidence


def fix_in_entries(blocks: list[Block], vetoed: bool = False) -> Evidence | None:
    """A timeline entry that reports a change made to a named thing ("14:28 `maxmemory`
    raised to 16 GB on cache-2", "PAT revoked") or opens with the change the responders made
    ("Turned off debug logging on the 12 login servers", "I run `warm-cache.js` to refill the
    keys"), in an entry that does not say it did not help ("rolled back. No improvement.")
    nor tells what went wrong. A fix comes after the incident was noticed: the entries
    before the detection's tell the change that started it ("13:05 - the certificate was
    rotated by a scheduled job"); of the rest, the last is the fix, before one made to find or
    watch the fault ("A ping scan client was deployed to pinpoint the peers")."""
    noticed = detection(blocks)
    after = _until_ended([b for b in blocks if noticed is None or b.line > noticed["line"]])
    # the patterns are matched in parts of str.lower() (the entry's head cut)
    found = gated(
        own_blocks(after),
        _MADE_ENTRY.compiled,
        _ACTED.compiled,
        _NOUN_DONE.compiled,
        unicode_lower=True,
    )
    watch: Evidence | None = None
    for b in reversed(found):
        if NO_EFFECT.compiled.search(b.lower) or _GUESS.compiled.search(
            ENTRY_HEAD.sub("", b.lower)
        ):
            continue  # no help, or a change tried on a guess ("Assumed nginx was broken. Ran …")
        for s, e in reversed(own_sentences(b)):
            text = ENTRY_HEAD.sub("", b.text[s:e])
            low = text.lower()
            if (
                _reports_change(low)
                and not NOT_DONE.compiled.search(low)  # "decides to revert", "assumed …"
                and not UNDONE.compiled.search(low)
                and not TELLS_CAUSE.compiled.search(low)
                and names_change(text, low, vetoed)
            ):
                if not TO_FIND.compiled.search(low):
                    return sem.evidence(b, s, e)
                watch = watch or sem.evidence(b, s, e)
    return watch


# an entry that opens with a guess: what it goes on to change was tried on that guess
_GUESS = Lazy(
    r"^\W*(?:\S+\s+){0,8}?(?:assum(?:e|es|ed|ing)|thought|believ(?:e|es|ed)|suspect(?:s|ed)?)\b"
)


def _until_ended(blocks: list[Block]) -> list[Block]:
    """The entries up to the one that says the impact ended ("Incident mitigated"): what
    follows is a clean-up or a follow-up ("v2.41 redeployed, since it was not at fault")."""
    end = next((k for k, b in enumerate(blocks) if IMPACT_ENDED.compiled.search(b.lower)), None)
    return blocks if end is None else blocks[: end + 1]


def _reports_change(low: str) -> bool:
    """Whether an entry's event (its time cut) reports a change made to a thing, or opens
    with the responders' own change."""
    m = _MADE_ENTRY.compiled.match(low)
    if m and _DONE_TO.compiled.match(_ADVERB.sub("", low[m.end() :].lstrip())):
        return True
    return _ACTED.compiled.match(low) is not None or _NOUN_DONE.compiled.match(low) is not None


# the change told as a noun that was carried out: "full cache purge issued for …",
# "switchback to the primary data centre completed", "rollback to 4.2.1 starts on all nodes"
_NOUN_DONE = Lazy(
    r"^(?:\S+\s+){0,3}?(?:purge|rollback|roll-back|switch-?back|switchover|fail-?over|fail-?back"
    r"|restart|redeploy(?:ment)?|flush|re-?index|rebuild|restore|migration)"
    r"\b(?:[^.;]|\.(?=\d)){0,60}?\b(?:was |is |has been )?(?:issued|performed|completed?|done"
    r"|executed|triggered|finished|start(?:s|ed)|beg(?:an|ins))\b"
)


# "paused globally with …": the adverb says how, the thing was still acted on
_ADVERB = re.compile(r"^\w+ly\b\s*")
# an entry that opens with what the responders did, its subject left out or "I"/"we", in
# the past or, as students write a timeline, the present: "Turned off the debug logging…",
# "Put the shop in read-only mode via nginx `limit_req`…", "I restart the workers"
_ACTED = Lazy(
    r"^(?:(?:we|i)\s+)?(?:\w+ly\s+)?(?:restart|revert|roll(?:ed|s)? back|remov|delet|disabl"
    r"|kill|clear|purg|flush|replac|upgrad|downgrad|reinstall|rotat|revok|renew|turn(?:ed|s)? off"
    r"|shut(?:s)? down|switch|scal(?:e|ed|es) (?:up|out|down|back)|rais|increas|set|paus|capp?"
    r"|throttl|block|run|ran|put|redeploy|truncat|re-?enabl|migrat|halt|stopp|pin(?:s|ned)?\b"
    # a value changed by hand: "changed it to `-n 4096` with sed", "edited `nginx.conf`"
    r"|chang|edit|modif|lower|reduc|correct|fix)\w*\b"
)


# the change told of the thing it was made to ("`maxmemory` raised to 16 GB", "PAT revoked."),
# not what something did ("the job removed 40% of the hosts", "causing increased latency")
_DONE_TO = Lazy(r"(?:$|[.,;:(]|(?:to|on|in|from|via|with|by|and|for|at|across)\b)")


# an entry's time ("14:05", "14h05", "**14:05 UTC** —"), date and table cells before its event
ENTRY_HEAD = re.compile(
    r"^[\s|*_>-]*(?:\d{4}-\d\d-\d\d\s*)?"
    r"(?:\d{1,2}[:h]\d\d(?::\d\d)?(?:\s*[\u2013-]\s*\d{1,2}[:h]\d\d)?\s*(?:[aApP]\.?[mM]\.?)?"
    r"(?:\s*[A-Z]{2,5}(?=[\s*_]*[|:\u2013\u2014-]))?)?[\s|*_:\u2013\u2014-]*"
)
# the moment the incident is over: nothing after it is its resolution
IMPACT_ENDED = Lazy(
    r"\bend of (?:the )?(?:impact|outage|incident)\b"
    # "handed the incident over to Kwame" hands it on
    r"|\b(?:impact|outage|downtime|incident) (?:is |was )?(?:ended|ends|over)\b(?! to\b)"
    r"|\b(?:incident|impact) (?:was |is |has been )?(?:closed|resolved|mitigated)\b"
    r"|\bclosed the incident\b|\ball[- ]clear\b"
)
# an entry that opens with a guess, a decision or a plan: not the change that ended the
# impact ("Assumed the proxy was broken; restarted it", "The incident commander decides to
# revert", "Plan to fail over"); a guess told later in a long entry leaves its end standing
NOT_DONE = Lazy(
    r"^\W*(?:\S+\s+){0,8}?(?:assum(?:e|es|ed|ing)|thought|believ(?:e|es|ed)"
    r"|suspect(?:s|ed|ing)?|theory"
    r"|guess(?:ed)?|hypothes[ie]s"
    r"|(?:decid(?:e|es|ed)|decision|agree[sd]?|plan(?:s|ned)?|propos(?:e|es|ed)) to)\b"
)
NO_EFFECT = Lazy(r"\bno (?:improvement|change|effect)\b|\bdid(?:n['’]t| not) (?:help|work|fix)\b")
# the event of an entry (its time stripped): a subject of a few words and the change made
_MADE_ENTRY = Lazy(r"^(?:\S+\s+){1,6}?(?:was |were |been )?" + FIX_VERB + r"\b")

# what was closed reopened, or what was measured back at its usual level ("error rates back
# to baseline"): the service back
NORMAL_AGAIN = Lazy(
    r"\bre-?open(?:ed|s)\b"
    r"|\b(?:back|returned) (?:to|at|within) (?:its |their )?(?:normal|baseline)\b"
)

# a change named only as one, opening the entry: "Mitigation applied to the queue"
NAMED_ONLY = Lazy(
    r"^(?:a |the )?(?:temporary |hot ?)?(?:mitigation|fix|patch|workaround|remediation)s?"
    r" (?:was |were |has been |is )?(?:applied|deployed|implemented|put in place|rolled out)\b"
)

# a change something else made, told as found: "`upload.conf` was changed by the 08:55 deploy"
DONE_BY = Lazy(r"\b(?:was|were|had been|has been) \w+ by\b")


def failed_attempt(text: str) -> bool:
    """A change told as a theory acted on or one that did not help ("I thought the config was
    broken so I reinstalled nginx. Still the same error."): not how the incident ended."""
    low = text.lower()
    return bool(
        NOT_DONE.compiled.search(ENTRY_HEAD.sub("", low))
        or NO_EFFECT.compiled.search(low)
        or lexicon("relapse").search(low)
    )
