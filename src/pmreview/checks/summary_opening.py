"""Where an untitled summary is shown: the opening text under the document's title, past its
headers ("From:", "**Submitted to:**") and bylines, and whether that text tells an incident."""

from __future__ import annotations

import re

from ..models import Block
from ..text.durations import durations_in
from ..text.prefilter import Lazy
from ..text.times import has_date, time_matches
from . import semantics as sem
from .record import Place

_INCIDENT = Lazy(
    r"\b(?:outage|incident|down\b|downtime|errors?|fail|crash|unavailab|disrupt|issue|problem"
    r"|impact|affected|users|customers|leak|breach|compromis|expos|vulnerab|exploit|malicious"
    r"|unauthori[sz]ed|attack|degrad|broke|stuck|slow"
    # a security incident told by its act or its actor: "was cracked", "an intruder", "hacked"
    r"|intru(?:sion|der)|hack(?:ed|er)|cracked\b|break-?in\b|back-? ?door"
    # a service out of reach: "are offline", "is unreachable", "were stopped because"
    r"|offline|unreachable|inaccessible|(?:is|are|was|were|been) (?:stopped|halted)\b"
    # the outage told plainly: "our website stopped working", "stopped taking orders", "saw a
    # blank white page"
    r"|stopped \w+ing\b|not working|unable to|could(?:n[’']t| not)|fault"
    r"|blank (?:white )?page"
    r"|bad gateway|gateway time-?out|service unavailable|internal server error)",
    re.IGNORECASE,
)


# the label of a field, "Ref: …", "- **Who was affected**: …": its value alone must be a sentence
_FIELD = re.compile(r"^\W*[A-Za-z][\w ]{0,30}\W*:\s")


# a mail's, memo's or filed report's header ("Subject: …", "Re: …", "From: …", "**Submitted
# to:** the regulator"): it names the message, and the summary is the text under it
_HEADER = re.compile(
    r"^\W*(?:subject|re|fwd?|from|to|cc|date|sent|memo|(?:submitted|sent|addressed|reported)"
    r" to|(?:reporting|submitting) (?:entity|firm|organi[sz]ation)|report type|contact"
    r"|distribution|classification|(?:internal |our |incident )?(?:ref(?:erence)?|id))[\s*_]*:",
    re.IGNORECASE,
)


# who wrote or posted it: "*Posted by Grace, Chair of Trustees · 12 May*", "By the SRE team"
_BYLINE = re.compile(
    r"^\W*(?:(?:posted|written|published|prepared|authored|signed)\s+by|by)\b", re.IGNORECASE
)


def opening(blocks: list[Block], wider: list[Block]) -> Place:
    """A summary told under the document's title is its opening text, not the title: its
    first line that is a sentence about the incident (not a byline or a "Ref:" field), else
    its first sentence-long line ("Dear friends," greets), else its first line with words;
    never a header line ("Submitted to:") or a letterhead when the summary's `wider` text
    (the parts under the opening) has a line about the incident."""
    lines = _lines(blocks)
    told = (x for x in lines if _about_incident(x[1]))
    said = (
        x
        for x in lines
        if sem.words(_FIELD.sub("", x[1], count=1)) >= 8
        and not _BYLINE.match(x[1])
        and not _HEADER.match(x[1])
    )
    later = (x for x in _lines(wider) if _about_incident(x[1]))
    line, words = next(told, None) or next(said, None) or next(later, lines[0])
    return {"line": line, "title": "", "text": words[:120]}


def _lines(blocks: list[Block]) -> list[tuple[int, str]]:
    """The lines with words of `blocks` that are not headings, with their numbers."""
    text = [b for b in blocks if b.kind != "heading" and sem.words(b.text)] or blocks
    lines = [(b.line + i, t.strip()) for b in text for i, t in enumerate(b.text.split("\n"))]
    return [(n, t) for n, t in lines if t] or [(text[0].line, text[0].text)]


def _about_incident(line: str) -> bool:
    """A sentence-long line about the incident, not a header."""
    return bool(
        sem.words(_FIELD.sub("", line, count=1)) >= 8
        and _INCIDENT.compiled.search(line)
        and not _HEADER.match(line)
    )


def tells_incident(text: str) -> bool:
    """Opening text that tells an incident: its words, and when (a date, a time, a day
    named as the writer would say it: "on Tuesday", "last night") or for how long."""
    found = len(_INCIDENT.compiled.findall(text))
    if found != 1:
        return found >= 2
    return (
        has_date(text)
        or next(time_matches(text), None) is not None
        or _DAY_SAID.search(text) is not None
        or bool(durations_in(text))
    )


_DAY_SAID = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|last (?:night|week|weekend|month)"
    r"|this (?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)
