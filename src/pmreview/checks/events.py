"""The timeline read event by event: its lines grouped into events (a line and the lines
that continue it), and the events that show the actions taken and the resolution."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..models import Block
from ..parse.timeline import has_time
from ..text.borrowed import own_blocks, own_sentences
from ..text.entry_times import leading_time
from ..text.gates import gated
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from ..text.sentences import sentences
from . import semantics as sem
from .semantics import Evidence

MARKER = Lazy(r"^\s*(?:[-*+•●]|\d+[.)])\s+")


class Event(NamedTuple):
    """A line of the timeline and the lines that continue it; `timed` when it has a time."""

    block: Block
    line: int
    text: str
    timed: bool
    column: int = 1  # where the event starts on its line


def events(blocks: list[Block], timed: set[int], headed: frozenset[int]) -> list[Event]:
    """Timeline lines grouped into events: a line and the lines that continue it, and whether
    it is timed (on the `timed` lines, or the first line of a block under a heading that is a
    time, `headed`: "### 16:50" over "Site fully back."). An untimed list item
    ("- **Resolution:** …") or an untimed sentence starting a line of prose is an event of its
    own: it can say how, not when. A paragraph of prose that tells times inside its lines
    ("… engineers began investigating. At 10:41 AM, they found …") is read sentence by
    sentence instead."""
    found: list[Event] = []
    for b in blocks:
        if _told_in_prose(b, timed):
            told = _sentence_events(b, timed)
            if told and b.line in headed:  # its first sentence is told at the heading's time
                told[0] = told[0]._replace(timed=True)
            found.extend(told)
            continue
        prev = ""
        for n, line in enumerate(b.text.split("\n"), b.line):
            if n in timed or n == b.line or _starts_event(line, prev):
                found.append(Event(b, n, line, n in timed or n in headed))
            else:
                found[-1] = found[-1]._replace(text=found[-1].text + "\n" + line)
            prev = line
    return found


def _told_in_prose(b: Block, timed: set[int]) -> bool:
    """A paragraph whose timed lines do not start with their time: wrapped prose."""
    lines = enumerate(b.text.split("\n"), b.line)
    return b.kind == "paragraph" and any(n in timed and leading_time(x) is None for n, x in lines)


def _sentence_events(b: Block, timed: set[int]) -> list[Event]:
    """The sentences of a paragraph of prose as events; timed when a time is written in them."""
    out: list[Event] = []
    for s, e in (c for span in sentences(b) for c in _clauses(b.text, *span)):
        s += len(b.text[s:e]) - len(b.text[s:e].lstrip())
        line, column = b.position(s)
        text = b.text[s:e]
        on_timed = any(n in timed for n in range(line, line + text.count("\n") + 1))
        out.append(Event(b, line, text, on_timed and has_time(text), column))
    return out


# a clause of a run-on sentence that starts at a new time: "…, then at about 15:40 a friend
# texted me …", "…; at 16:55 it came back": each is an event of its own
_TIMED_CLAUSE = Lazy(
    r"[,;]\s+(?=(?:(?:and|then|but|so)\s+){0,2}(?:(?:at|around|about|by|until|after)\s+){0,2}"
    r"(?:\d{1,2}[:.h]\d{2}|\d{1,2}\s*[ap]\.?m\b))",
    re.IGNORECASE,
)


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The sentence text[s:e] cut before each clause that starts at a new time."""
    cuts = [m.end() for m in _TIMED_CLAUSE.compiled.finditer(text, s, e)]
    starts = [s, *cuts]
    return list(zip(starts, [*cuts, e], strict=True))


def _starts_event(line: str, prev: str) -> bool:
    """An untimed line that is not the continuation of the line before: a list item of its
    own (not nested under it), or a new sentence after one that ended."""
    if MARKER.compiled.match(line):
        return not line[:1].isspace()
    if prev.rstrip().endswith(_HARD_BREAKS):
        return True  # "…<br />": the author broke the line on purpose
    return bool(prev.rstrip().endswith((".", "!", ":")) and line[:1].isupper())


_HARD_BREAKS = ("<br>", "<br/>", "<br />", "\\")


# the things responders act on beyond the lexicon's system parts
THING = Lazy(
    r"\b(?:firmware|replicas?|shards?|tokens?|credentials?|keys?|secrets?|passwords?|runners?"
    r"|volumes?|instances?|hosts?|vms?|machines?|routers?|switch(?:es)?|backups?|accounts?"
    r"|packages?|dependenc\w+|librar\w+|drivers?|kernel|jobs?|workers?|daemons?|agents?"
    r"|prox(?:y|ies)|gateways?|rules?|flags?|quotas?|limits?|capacity|domains?|sites?"
    r"|website|system|dns records?|load|buffers?|partitions?|tables?|sessions?)\b"
)
# the words that say it recovered, which are not how ("restored", "fixed", "back to normal");
# "rolled back", "reverted", "patched" stay: they say what was done
OUTCOME = Lazy(
    r"\b(?:resolv\w*|restor\w*|recover\w*|fix(?:ed)?|back (?:up|online|to normal)|normal\w*"
    r"|operational|stable|stabili[sz]\w*|mitigat\w*|solved|working)\b"
)


def entry_block(event: Event) -> Block:
    """An event of the timeline as a block of its own, so that a sentence (and its quote)
    never runs from one entry into the next when the entries end without a full stop."""
    b, n, text, _, column = event
    if column == 1 and n == b.line:
        column = b.column
    return Block(b.kind, n, n + text.count("\n"), text, column, b.depth, b.marker)


def actions(entries: list[Block], since: tuple[int, int] = (0, 0)) -> Evidence | None:
    """What was investigated or acted on: an investigation or a change, and a part of the
    system or something specific it was done to (a vague cause such as "a configuration
    error" names no part: "identified the cause as a configuration error" is no action).
    The responders act once the issue is known: a sentence after the detection's start
    `since` (its line and column: in prose, "I found out at 7:55 when…" is the detection, and
    what follows on its line the actions) is preferred to the failure or an attacker's moves
    told before it, and a plan ("we are changing our process…") is no action taken. An entry
    that names the part after its verb ("checked the nginx logs") is preferred to one that
    names it only in the symptom ("API failures rose; began investigating")."""
    acts = (
        *(lexicon("investigate"), lexicon("suspicion")),
        *(_LOOKED.compiled, _ACTED.compiled, _RESTORED.compiled),
    )
    found = [
        (b, s, e)
        for b in gated(own_blocks(entries), *acts)  # _acts needs one of them (see _ACTED)
        for s, e in own_sentences(b)
        if _acts_on(b, s, e) and not _PLANNED.compiled.search(b.lower[s:e])
    ]
    later = [f for f in found if f[0].position(f[1]) > since]
    for group in (later, found):
        # someone learning of the failure ("Joy sees the alert e-mail and confirms the site is
        # down") is the detection, told before the responders act: their acts come first
        acting = [f for f in group if not _only_learns(f[0].lower[f[1] : f[2]])]
        for told in (acting, group):
            after = next((f for f in told if _acts_on(*f, after_verb=True)), None)
            chosen = after or (told[0] if told else None)
            if chosen:
                return sem.evidence(*chosen)
    return None


def _only_learns(low: str) -> bool:
    """Someone learns of the failure and does nothing to a part of the system after it
    ("received an alert and began investigating the API gateway logs" acts); the issue handed
    on ("escalated to Sipho, since cache-01 runs on his droplet") or others asking about it
    ("classmates started asking in Slack if the API was down"), which tell the escalation and
    the reports, not what the responders did."""
    if _NOT_AN_ACT.compiled.search(low):
        return True
    learns = _LEARNS.compiled.search(low)
    if learns is None:
        return False
    tail = low[learns.end() :]
    at = _acts(tail)
    return at is None or not lexicon("system_part").search(tail, at)


# someone learns of the failure: a person sees or gets an alert, a user tells the team
_LEARNS = Lazy(
    r"\b(?:sees?|saw|gets?|got|receives?|received|reads?) (?:the |an? |our |its )?(?:[\w-]+ ){0,2}?"
    r"(?:alerts?|alarms?|pages?|e-?mails?|notifications?|messages?|texts?|tickets?|reports?)\b"
    r"|\b(?:tells?|told|informs?|informed|notif(?:ies|ied)|warns?|warned|messages?|messaged"
    r"|texts?|texted|pings?|pinged) (?:us|me|the team|the on-?call)\b|\bnotic(?:es|ed)\b"
)


# the issue handed on at the entry's head, or people outside asking or reporting
_NOT_AN_ACT = Lazy(
    r"^[\s|*_>-]*+(?:\d{1,2}[:h.]\d\d(?::\d\d)?\s*+(?:[ap]\.?m\.?)?\s*+(?:[a-z]{2,5}\b)?)?"
    r"[\s|*_:\u2013\u2014-]*+(?:[\w-]+ ){0,3}?(?:escalat(?:ed|es|ing)|paged|pages|looped in"
    r"|handed (?:it |this )?(?:over|off)|notified|notifies|informed|informs)\b"
    r"|\b(?:classmates?|users?|customers?|people|friends?|students?|visitors?|clients?)"
    r" (?:\w+ )?(?:asking|reporting|complaining|posting|messaging|tweeting)\b"
)
# a plan or advice, not an action taken: "we are changing our process", "we recommend…"
_PLANNED = Lazy(
    r"\b(?:will|shall|(?:we|they) are (?:now |also )?\w+ing|we[’']re \w+ing|plan(?:s|ned|ning)? to"
    r"|going to|intend\w* to|recommend\w*|should)\b"
)


def _acts_on(b: Block, s: int, e: int, after_verb: bool = False) -> bool:
    """A sentence that acts on a named part (after its first action verb, if `after_verb`)."""
    low = sem.VAGUE_CAUSE.sub(_blank, b.lower[s:e])
    at = _acts(low)
    if at is None:
        return False
    tail = low[at:] if after_verb else low
    return bool(
        lexicon("system_part").search(tail)
        or THING.compiled.search(tail)
        or _OUTSIDE.compiled.search(tail)
        or sem.specific_terms(b.text[s:e][at if after_verb else 0 :])
    )


def _acts(low: str) -> int | None:
    """Where a sentence investigates, assumes ("we thought it was the load balancer": the spec
    welcomes assumptions) or changes something (a responder's change, not the words that say
    it recovered: "the app was restored"); None when it does none of these."""
    found = [
        m.start()
        for p in (
            *(lexicon("investigate"), lexicon("suspicion")),
            *(_LOOKED.compiled, _ACTED.compiled, _RESTORED.compiled),
        )
        if (m := p.search(OUTCOME.compiled.sub(_blank, low) if p is _ACTED.compiled else low))
    ]
    return min(found) if found else None


def _blank(m: re.Match[str]) -> str:
    """Spaces in place of the match (offsets still hold)."""
    return " " * len(m.group(0))


# a thing put back by someone, read before OUTCOME's words are blanked: "restores the
# previous version of the flag", "restored the database from the snapshot" (not "service
# was restored", "restoring the server's power", "restores access for all users")
_RESTORED = Lazy(
    r"\brestor(?:e|es|ed|ing) (?:the|a|an|its|our|their) (?:[\w'’-]+ ){0,3}?(?:versions?"
    r"|config\w*|databases?|db|backups?|snapshots?|files?|flags?|rules?|settings?|records?"
    r"|tables?|keys?|certificates?|images?|builds?|releases?|data|dumps?)\b"
)
# a dependency outside, investigated: "suspects our payment provider", "checks the vendor's
# status page"
_OUTSIDE = Lazy(r"\b(?:providers?|vendors?|status page)\b")
# how people write an investigation beyond the lexicon's verbs
_LOOKED = Lazy(r"\b(?:d(?:ove|ug|ig|igging) into|revealed|showed|pointed to|narrowed)\b")
# what responders do to a system (searched with OUTCOME's words blanked: a run of three
# spaces or more, which joins no two words into one of its anchors, such as "failed over");
# "updated", "created", "published" also tell the incident,
# and "increased" is a change only with its object ("increased the pool", not "increased
# API failures")
_ACTED = Lazy(
    r"\b(?:correct(?:ed|s|ing)|reconfigur\w*|(?:increas\w*|raised) (?:the|a|an|its|our)\b"
    r"|replac(?:ed|es|ing)|disabl\w*"
    r"|enabl\w*|scaled|flush\w*|purg(?:e|ed|es|ing)|cleared|block(?:ed|s|ing)|kill\w*|failed over"
    # as terse entries tell a change: "scale `api` from 4 to 12 pods", "`flag_x` set to 10%"
    r"|scal(?:e|es|ing) (?:up|out|down|the|`)|set (?:back )?to"
    r"|restart\w*|reboot\w*|redeploy\w*|rebuil\w*|rerout\w*|revok\w*|rotat\w*|destroy\w*"
    # slowing or holding something back: "took action to slow the rate", "throttled the jobs"
    r"|throttl\w*|slow(?:ed|ing)? (?:down |the\b)|limit(?:ed|ing) (?:the|its)\b|paus(?:ed|ing)"
    r"|took action|return(?:ed|ing) [\w -]{0,40}\bto service"
    # a line of config taken out or put back, a config applied again: "commented out
    # `limit_req` and reloaded Nginx" (not "reloaded the page")
    r"|comment(?:ed|ing)? out|uncomment\w*|revert(?:ed|ing)|rolled back|rolling back"
    r"|reload(?:ed|ing)\b(?! (?:the |my |a )?(?:page|browser|site|website|tab)\b))\b"
)
