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
from .entry_change import change_entry, ending_fix, fix_event, released, tells_how
from .events import MARKER, Event
from .fix_entries import ENTRY_HEAD, IMPACT_ENDED, NORMAL_AGAIN, NOT_DONE, failed_attempt
from .semantics import Evidence
from .told_when import told_when

# an announcement of the fix (to a mailing list, a status page) is not the fix
_ANNOUNCED = Lazy(
    r"\b(?:mailing list|status ?page|announc\w*|tweet\w*|blog post|(?:is|are|was|were) notified"
    r"|communicat\w*|informed|updated the status)\b"
)


# the incident told to the people it touched, after it ended: "customer e-mails sent",
# "customer communications issued"
_TOLD_OUT = Lazy(
    _ANNOUNCED.pattern + r"|\b(?:e-?mails?|messages?|notices?|letters?|updates?) (?:were |was )?"
    r"(?:sent|posted|issued)\b"
)


def resolution(evs: list[Event]) -> Evidence | None:
    """The entry that ended the impact, up to the entry that says the impact ended (a later
    follow-up is not it), else in the whole timeline; quoted at the change that ended it."""
    evs = told_when(evs)
    end = next((i for i, e in enumerate(evs) if e.timed and _ended(e.text)), None)
    how: dict[int, bool] = {}  # tells_how of event i, shared by both searches
    at = _resolution_in(evs[: end + 1], how) if end is not None else None
    at = _resolution_in(evs, how) if at is None else at
    if at is None:
        return None
    back = evs[_the_recovery(evs, at, how)]
    change = evs[_the_change(evs, evs.index(back))]
    if change is back and not _says_how(evs, at, how):
        # a heading that says it came back, over the nested bullet that tells the change
        nested = [
            k for k in _near(evs, at) if k > at and _nested(evs[k], back) and _says_how(evs, k, how)
        ]
        change = back = evs[nested[0]] if nested else back
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
    "reverted the temporary firewall rule") is not the resolution when an entry shortly
    before it says the service came back: that one is."""
    if _back(evs[i].text):
        return i
    # the latest of the three entries before that says it came back, past entries that only
    # announce it ("14:10 customer communications issued")
    for k in range(i - 1, max(0, i - 3) - 1, -1):
        if _back(evs[k].text):
            return k if _resolves(evs, k, how) else i
        if not _TOLD_OUT.compiled.search(evs[k].text.lower()):
            return i
    return i


def _the_change(evs: list[Event], i: int) -> int:
    """The entry that says how: entry i when it is itself the fix (a change that does not
    also say the service came back), else the latest fix among the two entries before it ("10:01
    changed the health check …" before "10:04 site up")."""
    text = evs[i].text
    if fix_event(text) or released(text) or not _back(text) and change_entry(text):
        return i
    if _opens_with_change(text):  # "corrected the DNS records, then …; the site loaded again"
        return i
    before = range(i - 1, max(0, i - 2) - 1, -1)
    return next(
        (k for k in before if change_entry(_main_clause(evs[k].text)) and not _came_up(evs[k])), i
    )


def _opens_with_change(text: str) -> bool:
    """An entry that tells the change and then the recovery it brought: the words before the
    recovery are a fix on their own."""
    m = lexicon("recovered").search(text.lower())
    told = text[: m.start()] if m else ""
    words = _WORD.findall(_CODE.sub(" ", ENTRY_HEAD.sub("", told)).lower())
    return len(words) >= 2 and change_entry(told)


_CODE = re.compile(r"`[^`\n]*`")


# a change only wished, forbidden or waited for, after the entry's own act: "asked Ana to check
# before I changed anything", "told the team not to restart anything until …"
_ASIDE = Lazy(r"\b(?:before|until|till|without|instead of|rather than|unless|not to)\b")


def _main_clause(text: str) -> str:
    """The entry up to such an aside (all of it when it has none)."""
    low = text.lower()
    cut = next(
        (
            m.start()
            for m in _ASIDE.compiled.finditer(low)
            if _WORD.search(ENTRY_HEAD.sub("", low[: m.start()]))
        ),
        len(text),
    )
    return text[:cut]


_WORD = re.compile(r"[a-z]{2,}")


def _came_up(ev: Event) -> bool:
    """A part that started or came up, told as what it did ("MySQL started successfully",
    "the replay job started"): an outcome of the fix, not the change that made it ("we
    restarted nginx", "nginx was restarted")."""
    low = ENTRY_HEAD.sub("", ev.text.lower())
    m = _CAME_UP.compiled.search(low)
    subject = re.findall(r"[\w`.-]+", low[: m.start()]) if m else []
    return bool(
        0 < len(subject) <= 4 and subject[0] not in _PEOPLE and not _PASSIVE.intersection(subject)
    )


_PEOPLE = frozenset({"we", "i", "they", "he", "she", "someone", "somebody"})
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "be", "got"})
_CAME_UP = Lazy(
    r"\b(?:(?:has |have )?(?:started|restarted)|starts|restarts|came (?:back )?up"
    r"|comes (?:back )?up|booted|boots)(?:\s+(?:successfully|again|normally|cleanly|fine))?"
    r"\s*(?:$|[.,;:(]|(?:and|at|after)\b)"
)


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
    and is not its end. `how` keeps tells_how of each event, asked for up to three times here."""
    timed = [i for i, e in enumerate(evs) if e.timed]
    after = timed[0] + 1 if len(timed) > 2 else 0
    found = next((i for i in reversed(range(after, len(evs))) if _resolves(evs, i, how)), None)
    if found is None:
        last = [i for i in timed if i >= after][-3:]
        # the last fix told; one that failed or was a guess acted on leaves the end untold
        found = next((i for i in reversed(last) if fix_event(evs[i].text)), None)
        if found is not None and (
            not ending_fix(evs[found].text) or failed_attempt(evs[found].text)
        ):
            found = None
    return found


_SENTENCE = re.compile(r"(?<=[.;!])\s+")


def _resolves(evs: list[Event], i: int, how: dict[int, bool]) -> bool:
    """Event i is timed, says in one of its sentences that the incident was resolved (not
    an announcement of it: "Logins reopened. Status page set to green." is resolved by its
    first), and it or one of the two before says how."""
    low = evs[i].text.lower()
    itself = _by_itself(low)
    return bool(
        evs[i].timed
        and (itself or any(_recovered(_before_announced(s)) for s in _SENTENCE.split(low)))
        and not NOT_DONE.compiled.search(low)
        # a part still down told in another sentence: "Mains restored. UPS-B stays shut down."
        and lexicon("relapse").search(low) is None
        and (itself or any(_says_how(evs, k, how) for k in _near(evs, i)))
    )


def _by_itself(low: str) -> bool:
    """The incident ended on its own ("Natural resolution", "recovered on their own", "errors
    subsided without intervention"): that is how it ended. Not one hoped for, waited for or
    denied ("hoped it would recover on its own", "did not recover by itself")."""
    m = _ON_ITS_OWN.compiled.search(low)
    return m is not None and not _NOT_ITSELF.compiled.search(low, 0, m.start())


_ON_ITS_OWN = Lazy(
    r"\bnatural(?:ly)?[\s*_:]+(?:resolution|recovery|resolved|recovered)\b"
    r"|\bself[- ]?(?:heal|resolv|recover)\w*"
    r"|\b(?:recover\w*|resolv\w*|clear\w*|heal\w*|stabili[sz]\w*|subsid\w*|drain\w*|caught up"
    r"|settled|returned to normal|back to normal)\b[^.;]{0,30}?"
    r"\b(?:on (?:its|their) own|by (?:itself|themselves)|naturally"
    r"|without (?:any )?(?:intervention|action|manual|human|operator))"
)
_NOT_ITSELF = Lazy(
    r"\b(?:hop\w*|expect\w*|wait\w*|whether|if|would|might|could|should|not|no|never|didn\W?t"
    r"|doesn\W?t|won\W?t)\b"
)


def _before_announced(sentence: str) -> str:
    """A sentence up to an announcement in it: "404 rate back to baseline and status page set
    to Resolved" tells the recovery before it, "Status page set to green" none."""
    m = _ANNOUNCED.compiled.search(sentence)
    return sentence if m is None else sentence[: m.start()]


def _near(evs: list[Event], i: int) -> list[int]:
    """Event i, the two before it, and the untimed lines after it up to the next timed one,
    which tell its detail ("12:00 Issue resolution" over "- reconfigured the firewall to allow
    port 80", or over "- logs read" then "- load balancer weights set back to equal")."""
    body = []
    for k in range(i + 1, min(len(evs), i + 5)):
        if evs[k].timed and not _nested(evs[k], evs[i]):
            break
        body.append(k)
    return [*range(max(0, i - 2), i + 1), *body]


def _nested(ev: Event, under: Event) -> bool:
    """A bullet nested under the bullet `under` (told at its time by told_when)."""
    return bool(MARKER.compiled.match(ev.text)) and _indent(ev.text) > _indent(under.text)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _says_how(evs: list[Event], k: int, how: dict[int, bool]) -> bool:
    if k not in how:
        how[k] = tells_how(evs[k].text)
    return how[k]
