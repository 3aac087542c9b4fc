"""The summary's facts: whether there is one, its span (start, end, zone, duration), the
impact, the share of users affected and the cause it names."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..models import Block, Document, TimeRef
from ..parse.opening import ABOUT_WRITE_UP, COURTESY
from ..parse.views import summary_blocks, summary_sections
from ..text.borrowed import own_blocks
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy, Searcher
from ..text.span import Span, summary_span
from ..text.stated import minutes_between
from ..text.stated_durations import Duration
from . import semantics as sem
from .impact_named import NAME, NAMED, USERS
from .record import Place, Summary, place, time_fact
from .searchers import AnyOf, Unquoted
from .semantics import Evidence, find_sentence
from .share import affected_share
from .summary_cause import summary_cause
from .summary_opening import opening, tells_incident
from .summary_zone import summary_zone


def summary(doc: Document) -> Summary:
    """The summary's facts; all None when the document has no summary."""
    blocks = own_blocks([b for b in summary_blocks(doc) if b.kind != "heading" or b.text.strip()])
    where = _present(doc, blocks)
    if where is None:
        return _none()
    span = summary_span(doc)
    start = span.start.time if span.start else None
    end = span.end.time if span.end else None
    return {
        "present": where,
        "start_time": time_fact(doc, start) if start else None,
        "end_time": time_fact(doc, end) if end else None,
        "duration": _duration(doc, span, start, end),
        "timezone": summary_zone(doc, span),
        "impact": _not_courtesy(lambda bs: _impact(doc, bs), blocks),
        "affected_share": affected_share(blocks),
        "root_cause": _not_courtesy(lambda bs: summary_cause(doc, bs), blocks),
    }


def _not_courtesy(
    find: Callable[[list[Block]], Evidence | None], blocks: list[Block]
) -> Evidence | None:
    """What `find` quotes, looked for again without the paragraph of a courtesy line ("We
    sincerely apologise for the failure of…"): the line only when nothing else tells it."""
    found = find(blocks)
    if found is None or not COURTESY.match(found["quote"].lower()):
        return found
    return find([b for b in blocks if found["quote"] not in b.text]) or found


def _none() -> Summary:
    """The summary of a document that has none."""
    return {
        "present": None,
        "start_time": None,
        "end_time": None,
        "duration": None,
        "timezone": None,
        "impact": None,
        "affected_share": None,
        "root_cause": None,
    }


def _present(doc: Document, blocks: list[Block]) -> Place | None:
    """A titled summary with any words, or opening text that tells an incident."""
    secs = summary_sections(doc)
    text = "\n".join(b.text for b in blocks)
    titled = any(s.has("summary") for s in secs)
    words = sem.words(text)
    if not secs or not (titled and words >= 1 or words >= 8 and tells_incident(text)):
        return None
    sec = next((s for s in secs if s.has("summary")), secs[0])
    if sec.line == doc.sections[0].line:  # the document's title or untitled opening
        # its own text and the summary's parts (an Impact field), not a section titled as the
        # cause or as nothing ("Why did it break?") that the summary runs into
        told = {id(b) for s in secs if s.kinds - {"root_cause"} for b in s.blocks}
        told |= {id(b) for b in doc.sections[0].blocks}
        return opening([b for b in blocks if id(b) in told] or blocks, blocks)
    found = place(sec)
    return found if found["line"] else {**found, "line": blocks[0].line}


def _duration(
    doc: Document, span: Span, start: TimeRef | None, end: TimeRef | None
) -> Evidence | None:
    """The stated length of the outage; else, with a start and an end, the two times (from
    the start to the end when they share a line, else the end). With both times, a length
    that is a small part of theirs is some other wait ("the button spun for a minute"): the
    length that fits them, else the two times."""
    gap = minutes_between(span.start, span.end) if span.start and span.end else None
    fits = [d for d in span.durations if gap is None or _near(gap, d.minutes) or _told(doc, d)]
    if fits:
        d = fits[0]
        return {"quote": d.raw, "line": d.line, "column": d.column}
    if not (start and end):
        if span.durations:
            d = span.durations[0]
            return {"quote": d.raw, "line": d.line, "column": d.column}
        return None
    last = time_fact(doc, end)
    first = time_fact(doc, start)
    line = doc.source.lines[end.line - 1]
    quote = line[first["column"] - 1 : last["column"] - 1 + len(last["text"])]
    apart = first["line"] != last["line"] or first["column"] > last["column"]
    told = re.sub(r"\b[ap]\.m\.", "am", quote, flags=re.I)  # "11:40 a.m. Pacific": one sentence
    if apart or re.search(r"[.;!?]\s", told):  # the two ends told in different sentences
        return {"quote": last["text"], "line": last["line"], "column": last["column"]}
    return {"quote": quote, "line": end.line, "column": first["column"]}


def _told(doc: Document, d: Duration) -> bool:
    """A length said to be the outage's ("The outage lasted 2 hours", "Total duration: …"),
    kept even where the times disagree (PM403 says so)."""
    before = doc.source.lines[d.line - 1][: d.column - 1]
    return _OUTAGE_LENGTH.compiled.search(before) is not None


_OUTAGE_LENGTH = Lazy(
    r"\b(?:lasted|lasting|duration|downtime|outage|disruption|in total|total)\b[^.;]{0,30}$",
    re.IGNORECASE,
)


def _near(gap: int, minutes: int) -> bool:
    """A stated length that may be the gap between two times: within a fifth of it (or a
    quarter of an hour), not a wait within the outage ("the button spun for a minute" in 38
    minutes down) nor how long something else went on ("the hashtag trended for about two
    hours" in 2 h 39 min down)."""
    return gap <= 0 or abs(gap - minutes) <= max(15, gap // 5)


def _impact(doc: Document, blocks: list[Block]) -> Evidence | None:
    """What was down and what users saw: a symptom and a component (or a proper name), not a
    possibility ("could cause"). Said outside the summary's root-cause section if it can be:
    a cause's "the loader failed to read the new config" is the root cause's evidence."""
    cause = {id(b) for s in summary_sections(doc) if s.has("root_cause") for b in s.blocks}
    return _impact_in([b for b in blocks if id(b) not in cause]) or _impact_in(blocks)


def _impact_in(blocks: list[Block]) -> Evidence | None:
    """The first sentence that tells the impact; one that is told to give the cause ("The
    delays happened because the cluster…"), one that tells what was spared or should have
    happened ("IPv6 traffic continued to work", "traffic should have switched to the backup
    route") or a field whose label alone names a symptom ("Outage window | 05:00 – 08:25")
    only when no other sentence tells it."""
    hedge = Unquoted(_hedge())
    demoted = AnyOf(_CAUSE_LED.compiled, _SPARED.compiled, _LabelOnly())
    return _impact_said(blocks, AnyOf(hedge, demoted), demoted) or _impact_said(blocks, hedge)


def _impact_said(
    blocks: list[Block], unless: Searcher, breach_unless: Searcher | None = None
) -> Evidence | None:
    """A symptom with a component named (or a proper name), the first one that people met
    (not `unless`), or a breach told with one (not `breach_unless`: a breach is told as "may
    have been accessed" too)."""
    symptom = lexicon("symptom")
    # a symptom with the thing named, or met by people with a proper name ("viewers of
    # Streamly could not start playback"): the first of either, wherever it stands
    met = [
        find_sentence(blocks, symptom, also=NAMED, unless=unless),
        find_sentence(
            blocks, symptom, also=USERS.compiled, unless=AnyOf(unless, _PICTURE), cased=NAME
        ),
    ]
    found = min((e for e in met if e), key=lambda e: (e["line"], e["column"]), default=None)
    said = [
        find_sentence(blocks, symptom, also=USERS.compiled, unless=unless),
        find_sentence(blocks, symptom, unless=unless, cased=NAME),
    ]
    first = min((e for e in said if e), key=lambda e: (e["line"], e["column"]), default=None)
    if first is not None and not _names_a_part(blocks):
        first = None  # what users met, on nothing the summary names ("our site", "the app")
    return (
        found
        or first
        or find_sentence(blocks, _BREACH.compiled, cased=NAME, unless=breach_unless)
        or find_sentence(blocks, _BREACH.compiled, also=NAMED, unless=breach_unless)
    )


def _names_a_part(blocks: list[Block]) -> bool:
    """Whether the summary names, anywhere, the component or the product that failed."""
    return any(NAMED.search(b.text.lower()) or NAME.search(b.text) for b in blocks)


# a picture's markup ("![403 Error](https://user-images…)"): no sentence
_PICTURE = re.compile(r"^\W*!\[")
# a sentence told to give the cause of what the summary has said: "The cause: …", "The delays
# happened because …", "This was caused by …" (matched on lower-cased text)
_CAUSE_LED = Lazy(
    r"^\W*(?:the |this |that |our )?(?:(?:root|main|underlying|proximate|immediate|direct"
    r"|primary|real|actual|technical|ultimate) )?(?:cause|reason|trigger)s?\b"
    r"|\b(?:happened|occurred|arose|started|began) (?:because|due to)\b"
    r"|\b(?:was|were) (?:caused|triggered) by\b"
    # a sentence that says where the outage came from: "This outage stemmed from a firewall
    # issue", "The errors resulted from a typo in the vhost"
    r"|\b(?:stemm(?:ed|ing)|result(?:ed|ing)|originat(?:ed|ing)) from\b|\btraced (?:back )?to\b"
)
# a sentence that tells what was spared ("IPv6 traffic continued to work", "payments were not
# affected") or what should have happened ("traffic should have failed over, but …"): beside
# the impact, not the impact (matched on lower-cased text)
_SPARED = Lazy(
    r"\b(?:continued|kept|remained|stayed)\s+(?:to\s+)?(?:work|working|run|running|up|available"
    r"|online|unaffected|operational|reachable)\b"
    r"|\b(?:was|were)\s+(?:not\s+|un)(?:affected|impacted)\b"
    r"|\b(?:should|would)\s+have\s+(?:\w+\s+)?(?:switched|failed\s+over|moved|taken|caught|kicked"
    r"|routed|stopped|alerted|paged)\b|\b(?:was|were)\s+(?:supposed|meant|designed)\s+to\b"
)
# a labelled field, "| **Outage window** | 05:00 – 08:25 |", "Downtime: 2 hours": its label
# and its value
_LABELLED = re.compile(r"^\W*([a-z][\w ]{0,30}?)[\s*_]*(?:\||:)[\s*_]*(.*)$", re.DOTALL)


class _LabelOnly:
    """A field whose value tells no symptom: its label names the topic, not what users saw;
    or a field of the report's own record (who sent it, its severity, how it was detected,
    who was affected), whatever its value says ("**From:** IT <it@uni> **To:** All Staff",
    "| Severity | SEV-2 (customer-facing degradation) |")."""

    def search(self, text: str, /) -> re.Match[str] | None:
        found = _LABELLED.match(text)
        if found and (
            _RECORD_FIELD.fullmatch(found.group(1).strip())
            or not lexicon("symptom").search(found.group(2))
        ):
            return found
        return None


# the fields of a report's own record, never its impact: its sender and addressees, its
# severity or category, how and by whom the incident was detected
_RECORD_FIELD = re.compile(
    r"from|to|cc|subject|date|sent|author|authors|owner|status|severity|sev|priority|category"
    r"|classification|(?:incident )?(?:id|ref|reference|number)|(?:detected|reported|submitted"
    r"|prepared|written) (?:by|to)|detection|(?:root )?cause(?: category)?"
    # who was affected, told apart from what they met: "| Customers affected | All tenants |"
    r"|(?:customers|users|clients|tenants|accounts|people|players) affected"
)


# a security incident's impact: what was reached, and what customers' data went through
_BREACH = Lazy(
    r"\bunauthori[sz]ed (?:access|use)\b"
    r"|\bno evidence\b[^.]{0,120}\b(?:accessed|modified|exfiltrated|tampered|compromised|exposed)\b"
    r"|\b(?:data|credentials?|tokens?|secrets?|keys?|records?|information)\s+(?:was|were|had been)"
    r"\s+(?:accessed|exposed|leaked|exfiltrated|stolen)\b"
)


@cache
def _hedge() -> re.Pattern[str]:
    """An impact stated as a possibility: the lexicon's hedges and "can cause" ("a bug can
    cause a consensus error" says what might happen, not what users saw); and how the system
    behaves in general ("When a server becomes unavailable, the nodes re-mirror…"), which is
    background, not what happened; what the write-up itself describes; a template's prompt
    ("[insert what was down and what users experienced]"); and what a fix now prevents ("the
    repositories were updated so non-members cannot push"), which is no symptom."""
    return re.compile(
        lexicon("hedge").pattern
        + r"|\[(?:insert|add|enter|fill|describe|your|todo|tbd)\b"
        + r"|\bcan (?:cause|lead to|result in)\b"
        + r"|\b(?:updated|changed|configured|modified|restricted)\s+so (?:that )?[^.;]{0,80}?"
        + r"\b(?:cannot|can ?not|can['’]t|will not|won['’]t|no longer)\b|"
        + ABOUT_WRITE_UP.pattern
        + r"|^\W*(?:when|whenever|if|once)\b[^,.;]{0,80}?\b(?:is|are|becomes|fails|goes|stops"
        r"|returns|has|runs)\b"
    )
