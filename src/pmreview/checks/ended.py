"""The timeline's resolution: the entry that ended the impact, and how it was ended.

A resolution entry is the action that ended the impact, not only the words "resolved" or
"fixed": "token for `ci-bot` revoked", "runner pool taken offline and reimaged" end an
incident as much as "rolled back; errors back to normal". A follow-up after the impact ended
(a fix deployed two days later, after "END OF IMPACT" or "incident closed") is not it."""

from __future__ import annotations

import re

from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from . import semantics as sem
from .events import OUTCOME, THING, Event
from .semantics import Evidence

# service back, told in plain words: "marked both servers UP again", "the page loads
# normally", "site fully back" (not "back to 500 errors")
_BACK = Lazy(
    r"\b(?:up|online|healthy|green|available|reachable|responsive) again\b"
    r"|\b(?:loads?|loaded|works?|worked|runs|ran|responds?|responded|behaves|behaved) normally\b"
    r"|\b(?:loads|loaded|works|worked) fine\b"
    r"|\b(?:fully|completely|all|now) back\b(?! to (?!normal))"
)
_BROAD_CHANGE = re.compile(
    r"\b(?:adjust|optimi[sz]|tun(?:ed|ing)|redirect|reconfigur|correct|deploy|implement|appl(?:y|ied)"
    r"|fix(?:ed)? (?:the|by)|updat|destroy|migrat|complet\w* the migration|rerout)",
    re.IGNORECASE,
)
# what responders do to end an incident beyond the change verbs: contain, cut off, renew
_ENDING_CHANGE = Lazy(
    r"\b(?:revok\w*|rotat(?:ed|ing)|reimag\w*|re-imag\w*|(?:taken|took|pulled|put) \w+ ?offline"
    r"|(?:taken|took) offline|renew\w*|suspend\w*|isolat\w*|quarantin\w*|wiped|reinstall\w*"
    r"|paused|kill\w*|block(?:ed|ing)|unblock\w*|rebuil\w*|re-?enabl\w*|re-?index\w*"
    r"|drain(?:ed|ing)|purg\w*|evict\w*|freed|cleaned up|deleted)\b"
)
# an announcement of the fix (to a mailing list, a status page) is not the fix
_ANNOUNCED = Lazy(
    r"\b(?:mailing list|status ?page|announc\w*|tweet\w*|blog post|(?:is|are|was|were) notified"
    r"|communicat\w*|informed|updated the status)\b"
)
# a recovery told without the lexicon's words: "is once again merging", "the site is working"
_RECOVERED = Lazy(
    r"\bonce again\b|\b(?:is|are|was|were) (?:now )?working\b|\bas usual\b"
    r"|\bend of (?:the )?(?:impact|outage|incident)\b"
    r"|\b(?:impact|outage|downtime) (?:ended|ends|over)\b"
)
# the moment the incident is over: nothing after it is its resolution
_IMPACT_ENDED = Lazy(
    r"\bend of (?:the )?(?:impact|outage)\b|\b(?:impact|outage|downtime) (?:ended|ends|over)\b"
    r"|\bincident (?:was |is )?(?:closed|resolved)\b|\bclosed the incident\b|\ball[- ]clear\b"
)
_FIX_DONE = Lazy(
    r"\b(?:destroyed|revoked|rolled back|reverted|killed|replaced|disabled|removed|restarted"
    r"|redeployed|completes? the migration|migrated|upgraded|downgraded|patched|rotated"
    r"|reimaged|taken offline|renewed|rebuilt|reinstalled|wiped|isolated|suspended)\b"
)


def _how(text: str) -> bool:
    """An event that says what was changed: a change to a part of the system, or something
    specific. The words that say it recovered ("restored", "fixed") are not how, and neither
    is what PM103 calls vague ("a fix was deployed")."""
    terms = sem.specific_terms(text)
    low = OUTCOME.compiled.sub(" ", sem.fix_veto("sentence").sub(" ", text.lower()))
    changed = (
        lexicon("change_verb").search(low)
        or _BROAD_CHANGE.search(low)
        or sem.CONCRETE_CHANGE.search(low)
        or _ENDING_CHANGE.compiled.search(low)
    )
    thing = lexicon("system_part").search(low) or THING.compiled.search(low)
    return bool(changed and thing or terms)


def _fix_event(text: str) -> bool:
    """An event that is itself the fix: a change made to something specific ("token for
    `svc-bot` destroyed", "rolled back orders-api to 4.1.3", "all credentials rotated")."""
    low = text.lower()
    done = _FIX_DONE.compiled.search(low)
    return bool(done and (sem.specific_terms(text) or THING.compiled.search(low)))


def resolution(evs: list[Event]) -> Evidence | None:
    """The entry that ended the impact, up to the entry that says the impact ended (a later
    follow-up is not it), else in the whole timeline."""
    end = next((i for i, e in enumerate(evs) if e.timed and _ended(e.text)), None)
    found = _resolution_in(evs[: end + 1]) if end is not None else None
    found = found or _resolution_in(evs)
    if found is None:
        return None
    lines = found.block.text.split("\n")[: found.line - found.block.line]
    first = found.block.column if found.line == found.block.line else 1
    start = sum(len(x) + 1 for x in lines) + max(found.column - first, 0)
    return sem.evidence(found.block, start, start + len(found.text))


def _ended(text: str) -> bool:
    return _IMPACT_ENDED.compiled.search(text.lower()) is not None


def _resolution_in(evs: list[Event]) -> Event | None:
    """The last timed event that says the incident was resolved, and how (there or in the two
    events before); or, among the last three timed events, one that is itself the fix."""
    found = next((e for i, e in reversed(list(enumerate(evs))) if _resolves(evs, i)), None)
    if found is None:
        timed = [e for e in evs if e.timed][-3:]
        found = next((e for e in reversed(timed) if _fix_event(e.text)), None)
    return found


def _resolves(evs: list[Event], i: int) -> bool:
    """Event i is timed, says the incident was resolved (not an announcement of it), and it
    or one of the two before says how."""
    low = evs[i].text.lower()
    told = lexicon("resolved").search(low) or _RECOVERED.compiled.search(low)
    told = told or _BACK.compiled.search(low)
    return bool(
        evs[i].timed
        and told
        and not _ANNOUNCED.compiled.search(low)
        and any(_how(e.text) for e in evs[max(0, i - 2) : i + 1])
    )
