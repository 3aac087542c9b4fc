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
from .fix_entries import (
    DONE_BY,
    ENTRY_HEAD,
    IMPACT_ENDED,
    NAMED_ONLY,
    NO_EFFECT,
    NORMAL_AGAIN,
    NOT_DONE,
    failed_attempt,
)
from .semantics import Evidence

_BROAD_CHANGE = re.compile(
    r"\b(?:adjust|optimi[sz]|tun(?:ed|ing)|redirect|reconfigur|correct|deploy|implement|appl(?:y|ied)"
    r"|fix(?:ed)? (?:the|by)|updat|destroy|migrat|complet\w* the migration|rerout)",
    re.IGNORECASE,
)
# what responders do to end an incident beyond the change verbs: contain, cut off, renew
_ENDING_CHANGE = Lazy(
    r"\b(?:revok\w*|rotat(?:ed|ing)|reopen(?:ed|s)?|reimag\w*|re-imag\w*"
    r"|(?:taken|took|pulled|put) \w+ ?offline"
    r"|(?:taken|took) offline|renew\w*|suspend\w*|isolat\w*|quarantin\w*|wiped|reinstall\w*"
    r"|paused|kill\w*|block(?:ed|ing)|unblock\w*|rebuil\w*|re-?enabl\w*|re-?index\w*"
    r"|drain(?:ed|ing)|purg\w*|evict\w*|freed|cleaned up|deleted"
    r"|cancel\w*|abort\w*|re-?run\w*|terminat\w*)\b"
)
# a job the schedule missed, run by hand: a change made to the job it names ("batch B
# triggered manually", "manually ran the nightly export")
_BY_HAND = Lazy(
    r"\b(?:(?:triggered|started|kicked off|ran|run) (?:\w+ )?(?:manually|by hand)"
    r"|manually (?:triggered|started|kicked off|ran|run|re-?ran))\b"
)
# an announcement of the fix (to a mailing list, a status page) is not the fix
_ANNOUNCED = Lazy(
    r"\b(?:mailing list|status ?page|announc\w*|tweet\w*|blog post|(?:is|are|was|were) notified"
    r"|communicat\w*|informed|updated the status)\b"
)
_FIX_DONE = Lazy(
    r"\b(?:destroyed|revoked|rolled back|reverted|killed|replaced|disabled|removed|restarted"
    r"|redeployed|completes? the migration|migrated|upgraded|downgraded|patched|rotated"
    r"|reimaged|taken offline|renewed|rebuilt|reinstalled|wiped|isolated|suspended"
    r"|(?:purge|rollback|roll-?back|restart|failover|redeploy(?:ment)?|flush|reindex|migration)"
    r" (?:was |is )?(?:issued|performed|completed|done|run|ran|executed|triggered))\b"
)
# a thing set to a new value: "changed the A record to 203.0.113.7", "raised the pool to 40"
_SET_TO = Lazy(
    r"^\W*(?:\S+\s+){0,4}?(?:changed|set|raised|lowered|increased|reduced|pointed|switched)\b"
    r"[^.;]{0,60}?\bto\s+\S*\d"
)
# the same told in the present, as students write a timeline ("I roll back", "Marta restarts
# nginx", "Rebuild the index"): the responders' change only with a person before it, or none
_FIX_NOW = Lazy(
    r"\b(?:(?:roll|rolls) back|reverts?|restarts?|reloads?|rebuilds?|redeploys?|reinstalls?"
    r"|replaces?|rotates?|renews?|revokes?|patch(?:es)?|rollback)\b"
)
_RESPONDER = Lazy(r"(?:^|\b(?:i|we|they|he|she|then|and)\s+|\b[A-Z][a-z]+\s+)$")
# what a system does by itself, or what is under way: not a change made ("restarts itself in a
# loop", "reloads the bad config every minute", "the deploy is running")
_BY_ITSELF = Lazy(
    r"\bitself\b|\bin a loop\b|\bevery (?:\d+ )?(?:second|minute|hour|few)|\bover and over\b"
    r"|\b(?:is|are) (?:still )?(?:running|in progress|ongoing|under ?way)\b"
)


def _how(text: str) -> bool:
    """An event that says what was changed: a change to a part of the system, something
    specific, a job run by hand or a release withdrawn. The words that say it recovered
    ("restored", "fixed") are not how, and neither is what PM103 calls vague ("a fix was
    deployed") nor what was found or looked at ("Found `OOM` errors on cache-2", "checked the
    firewall with ufw": the specifics of a finding are no change, unless the entry goes on to
    tell one)."""
    low = ENTRY_HEAD.sub("", text).lower()
    if NAMED_ONLY.compiled.match(low):
        return False
    changed, thing = _change_parts(text)
    if _FOUND.compiled.search(low) or _LOOKED.compiled.search(low):
        # what was found is how only where the entry goes on to tell a change made
        return changed and not DONE_BY.compiled.search(low)
    return bool(
        changed
        and thing
        or sem.specific_terms(text)
        or _released(text)
        or _BY_HAND.compiled.search(low)
    )


def _change_parts(text: str) -> tuple[bool, bool]:
    """Whether the text says a change was made, and whether it names a part of the system."""
    low = sem.fix_veto("sentence").sub(" ", text.lower())
    low = OUTCOME.compiled.sub(" ", _GENERIC_CHANGE.compiled.sub(" ", low))
    by_hand = _BY_HAND.compiled.search(low)
    changed = (
        lexicon("change_verb").search(low)
        or _BROAD_CHANGE.search(low)
        or sem.CONCRETE_CHANGE.search(low)
        or _ENDING_CHANGE.compiled.search(low)
        or by_hand
    )
    thing = (
        by_hand
        or lexicon("system_part").search(low)
        or THING.compiled.search(low)
        or _TO_VERSION.compiled.search(low)
    )
    return bool(changed), bool(thing)


# a change told by the word for what it did: "Mitigation applied to the queue" says that
# something eased the impact, not what was changed
_GENERIC_CHANGE = Lazy(
    r"\b(?:(?:a|the|our) )?(?:mitigations?|workarounds?|remediations?)\s+"
    r"(?:(?:was|were|is|are|has been|have been)\s+)?(?:applied|deployed|implemented"
    r"|put in place|rolled out|made)\b"
)
# a change to a named version: "rolled back to 3.1", "upgraded to v2.4.1"
_TO_VERSION = Lazy(r"\bto\s+v?\d+(?:\.\d+)+\b")


def _fix_event(text: str) -> bool:
    """An event that is itself the fix: a change made to something specific ("token for
    `svc-bot` destroyed", "rolled back orders-api to 4.1.3", "all credentials rotated")."""
    low = text.lower()
    if _BY_ITSELF.compiled.search(low):
        return False
    done = (
        _FIX_DONE.compiled.search(low)
        or _SET_TO.compiled.search(low)
        or _ENDING_CHANGE.compiled.search(low)
        or any(
            _RESPONDER.compiled.search(text, 0, m.start()) for m in _FIX_NOW.compiled.finditer(low)
        )
    )
    thing = _change_parts(text)[1]
    return bool(done and (sem.specific_terms(text) or thing))


def resolution(evs: list[Event]) -> Evidence | None:
    """The entry that ended the impact, up to the entry that says the impact ended (a later
    follow-up is not it), else in the whole timeline; quoted at the change that ended it."""
    end = next((i for i, e in enumerate(evs) if e.timed and _ended(e.text)), None)
    how: dict[int, bool] = {}  # _how of event i, shared by both searches
    at = _resolution_in(evs[: end + 1], how) if end is not None else None
    at = _resolution_in(evs, how) if at is None else at
    if at is None:
        return None
    back = evs[_the_recovery(evs, at, how)]
    change = evs[_the_change(evs, evs.index(back))]
    start = _offset(change)
    if change.block is back.block:  # the change and the recovery, as one quote
        return sem.evidence(back.block, start, _offset(back) + len(back.text))
    return sem.evidence(change.block, start, start + len(change.text))


def _offset(ev: Event) -> int:
    """Where event `ev` starts in the text of its block."""
    lines = ev.block.text.split("\n")[: ev.line - ev.block.line]
    first = ev.block.column if ev.line == ev.block.line else 1
    return sum(len(x) + 1 for x in lines) + max(ev.column - first, 0)


def _the_recovery(evs: list[Event], i: int, how: dict[int, bool]) -> int:
    """An entry that only closes the incident or cleans up after it ("incident closed",
    "reverted the temporary firewall rule") is not the resolution when the entry before it
    says the service came back: that one is."""
    k = i - 1
    if _back(evs[i].text) or k < 0 or not _back(evs[k].text):
        return i
    return k if _resolves(evs, k, how) else i


def _the_change(evs: list[Event], i: int) -> int:
    """The entry that says how: entry i when it is itself the fix (a change that does not
    also say the service came back), else the latest fix among the two entries before it ("10:01
    changed the health check …" before "10:04 site up")."""
    text = evs[i].text
    if _fix_event(text) or _released(text) or not _back(text) and _change_entry(text):
        return i
    before = range(i - 1, max(0, i - 2) - 1, -1)
    return next((k for k in before if _change_entry(evs[k].text)), i)


# an entry that tells what was found or learnt ("Found the changelog …", "Confirmed `curl`
# returns 404"), not a change made
_FOUND = Lazy(
    r"^\s*(?:\S+\s+){0,6}?(?:(?:we|i|he|she|they)\s+)?(?:found|find|finds|noticed?|notices"
    r"|saw|sees?|identif\w+|discover\w*|reali[sz]\w*|confirm\w*|read|reads)\b"
)


# an entry that tells a look, not a change: "checked the firewall with ufw", "we looked at
# the `nginx` logs", "inspected cache-2" (not "changed the health check path")
_LOOKED = Lazy(
    r"^\s*(?:\S+\s+){0,6}?(?:(?:we|i|he|she|they)\s+)?(?:checked|looked (?:at|into)"
    r"|inspected|investigated|reviewed|examined)\b"
)


def _change_entry(text: str) -> bool:
    """An entry that is a fix, not a finding told with a change word in it nor a change that
    could not be made ("some merchants cannot be rerouted")."""
    low = text.lower()
    # before a recovery, a change says how; so does a job run by hand
    by_hand = _BY_HAND.compiled.search(text.lower())
    fix = _fix_event(text) or all(_change_parts(text)) or bool(by_hand)
    return (
        fix
        and not _FOUND.compiled.search(ENTRY_HEAD.sub("", low))
        and not _COULD_NOT.compiled.search(low)
        and not NOT_DONE.compiled.search(low)
        and not NO_EFFECT.compiled.search(low)
        and lexicon("relapse").search(low) is None  # "restarted nginx. Still down."
    )


_COULD_NOT = Lazy(r"\b(?:cannot|can ?not|can[’']t|could ?not|couldn[’']t|unable to)\b")
# a release published or withdrawn, which ends an incident as a change does: "4.1.0 yanked
# on PyPI", "patched build 2.3.4 deployed"
_RELEASED = Lazy(r"\b(?:yank\w*|unpublish\w*|deployed|patched|published|released)\b")


def _released(text: str) -> bool:
    return bool(_RELEASED.compiled.search(text.lower()) and sem.specific_terms(text))


def _back(text: str) -> bool:
    """The service came back, told as an outcome (not as an action: "reverted", "closed")."""
    low = text.lower()
    return lexicon("recovered").search(low) is not None and lexicon("relapse").search(low) is None


def _ended(text: str) -> bool:
    return IMPACT_ENDED.compiled.search(text.lower()) is not None


def _recovered(low: str) -> bool:
    """Whether an entry says the incident was resolved or service came back, and does not
    take it back ("healthy but checkout still fails", "up again, then crash again")."""
    told = lexicon("resolved", "recovered").search(low) or IMPACT_ENDED.compiled.search(low)
    told = told or NORMAL_AGAIN.compiled.search(low)
    return bool(told) and lexicon("relapse").search(low) is None


def _resolution_in(evs: list[Event], how: dict[int, bool]) -> int | None:
    """The last timed event that says the incident was resolved, and how (there or in the two
    events before); or, among the last three timed events, one that is itself the fix. The
    first timed event of a longer timeline starts the story ("18:00 release 3.2 deployed")
    and is not its end. `how` keeps _how of each event, asked for up to three times here."""
    timed = [i for i, e in enumerate(evs) if e.timed]
    after = timed[0] + 1 if len(timed) > 2 else 0
    found = next((i for i in reversed(range(after, len(evs))) if _resolves(evs, i, how)), None)
    if found is None:
        last = [i for i in timed if i >= after][-3:]
        found = next((i for i in reversed(last) if _fix_event(evs[i].text)), None)
        found = None if found is None or failed_attempt(evs[found].text) else found
    return found


_SENTENCE = re.compile(r"(?<=[.;!])\s+")


def _resolves(evs: list[Event], i: int, how: dict[int, bool]) -> bool:
    """Event i is timed, says in one of its sentences that the incident was resolved (not
    an announcement of it: "Logins reopened. Status page set to green." is resolved by its
    first), and it or one of the two before says how."""
    low = evs[i].text.lower()
    return bool(
        evs[i].timed
        and any(_recovered(s) and not _ANNOUNCED.compiled.search(s) for s in _SENTENCE.split(low))
        and not NOT_DONE.compiled.search(low)
        and any(_says_how(evs, k, how) for k in _near(evs, i))
    )


def _near(evs: list[Event], i: int) -> list[int]:
    """Event i, the two before it, and the untimed line after it, which tells its detail
    ("12:00 Issue resolution" over "- reconfigured the firewall to allow port 80")."""
    body = [i + 1] if i + 1 < len(evs) and not evs[i + 1].timed else []
    return [*range(max(0, i - 2), i + 1), *body]


def _says_how(evs: list[Event], k: int, how: dict[int, bool]) -> bool:
    if k not in how:
        how[k] = _how(evs[k].text)
    return how[k]
