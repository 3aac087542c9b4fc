"""The lengths the summary states for the outage ("lasted 2 hours", "Duration: 45m", "(1 h
15 min)"), not those of other things (a maintenance window, a retention period, a timeout)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..models import Document
from ..parse.views import summary_sections
from .borrowed import on_log_line, own_blocks
from .durations import durations_in, of_other_thing
from .prefilter import Lazy, run_end


@dataclass(frozen=True, eq=False, repr=False)
class Duration:
    """A stated length ("2 hours and 15 minutes") and where it is written."""

    minutes: int
    line: int
    column: int  # 1-based
    raw: str


@cache
def _duration_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # "for" only right before the length ("for about 2 hours", "for the next 40 minutes"):
    # "median delay for affected notifications 19 minutes" is not the outage's length
    cue = re.compile(
        r"\b(?:last(?:ed|ing)?|duration|persisted|outages? of|downtime of|down for|"
        r"spann(?:ed|ing)|total of|bounded|at (?:most|maximum))\b[^.;:]{0,30}$"
        # a length summed up after the span: "(so roughly 31 hours)", "i.e. 45 minutes"
        r"|(?P<sum>\bso|\bi\.e\.?|\bthat is|\bthat's|\bmaking it|\bperiod of)\W{0,3}"
        r"(?:about|approx\w*\.?|around|roughly|nearly|almost|just over|over|~)?\s*$"
        r"|\b(?:duration|downtime|length of (?:the )?outage)"
        r"(?:\s+(?:was|is|totall?ed|came to)\b)?\W{0,8}"
        r"(?:about|approx\w*\.?|around|~)?\s*$"
        r"|\bfor\s+(?:(?:about|approx\w*\.?|around|roughly|nearly|almost|over|under|just|"
        r"maybe|perhaps|probably|like|some|more than|less than|close to|up to|at least|"
        r"a little|a bit|well|another|a further|the next|an? (?:estimated|approximate)"
        r"|an? (?:(?:estimated|approximate) )?(?:time|period|total|duration) of)\s+|~\s*)*"
        r"(?:\d+\s*(?:-|–|to)\s*)?$",
        re.I,
    )
    after = re.compile(r"(?:long\b|of\s+(?:downtime|outage)|outage|downtime)", re.I)
    return cue, after


_SPACE_DASHES = re.compile(r"[\s-]*+")


def _length_after(text: str, end: int) -> bool:
    """Whether "long", "of downtime" or "outage" follows a duration that ends at `end`."""
    return _duration_cues()[1].match(text, run_end(_SPACE_DASHES, text, end)) is not None


def stated_durations(doc: Document) -> list[Duration]:
    """Durations the summary states as the outage's length ("lasted 2 hours", "Duration: 45m"),
    not those of other things (a maintenance window, a retention period, a timeout)."""
    cue = _duration_cues()[0]
    out: list[Duration] = []
    for sec in summary_sections(doc):
        for b in own_blocks(sec.blocks):
            for s, e, minutes in durations_in(b.text):
                if of_other_thing(b.text, s, e) or on_log_line(b.text, s):
                    continue
                ok = sec.has("duration") or _cued(cue, b.text, s, sec.has("impact"))
                ok = ok or _length_after(b.text, e) or _parenthesised(b.text, s, e)
                if ok or _recovered_in(b.text, s, e):
                    line, col = b.position(s)
                    out.append(Duration(minutes, line, col, b.text[s:e]))
    return out


def _cued(cue: re.Pattern[str], text: str, s: int, impact: bool) -> bool:
    """A length told as the outage's by the words before it: "lasted", "downtime of", or
    "for" in an Impact section or in a sentence that says what failed ("returned errors for 2
    hours", "for 47 minutes, CI jobs failed"); not the team's effort ("we investigated for
    40 minutes", "worked for 3 hours") nor another thing's ("the deploy had been running for
    2 hours")."""
    window = text[max(0, s - 40) : s]
    found = cue.search(window)
    if found is None or _EFFORT.compiled.search(window):
        return False
    if found["sum"] and _MOMENT.compiled.match(text, _end_of_length(text, s)):
        return False  # "so 5 minutes later", "that is 30 minutes after the deploy"
    if not impact and cue.search(_FOR.sub(" ", window)) is None:  # "for" is its only cue
        before = _CLAUSE_START.split(text[max(0, s - 160) : s])[-1]
        after = _CLAUSE_START.split(text[s : s + 160])[0]
        return _FAILED.compiled.search(f"{before} {after}") is not None
    return True


def _recovered_in(text: str, s: int, e: int) -> bool:
    """A length told as the time to recovery: "recovered itself in 20 minutes", "service was
    restored within 2 hours", "back online after 3 hours", "restored roughly 22 hours after
    the incident began"; not the team's effort ("we found the cause in 10 minutes") nor a
    fix's own run ("the rollback completed in 3 minutes")."""
    clause = _CLAUSE_START.split(text[max(0, s - 120) : s])[-1]
    said = _RECOVERED.compiled.search(clause)
    if said is None:
        return False
    if _recovery_length(clause[said.end() :]):
        return True
    return _SINCE_START.compiled.match(text, len(text) - len(text[e:].lstrip())) is not None


# recovery said of the outage: "recovered", "was restored", "came back", "back online"
_RECOVERED = Lazy(
    r"\b(?:recover(?:ed|s)?|(?:was|were|got|been|is|are) (?:fully )?(?:restored|resolved|"
    r"mitigated)|came back|back (?:up|online|to normal)|returned to normal)\b",
    re.I,
)
# the words right before the length: "in", "within" or "after", maybe with an approximation
_RECOVERY_WORDS = frozenset({"in", "within", "after"})
_ROUGHLY = frozenset(
    {
        "about",
        "around",
        "roughly",
        "nearly",
        "almost",
        "approximately",
        "approx.",
        "under",
        "over",
        "~",
        "just",
        "than",
        "less",
    }
)


def _recovery_length(tail: str) -> bool:
    """Whether the words after the recovery end on "in", "within" or "after" (then the length:
    "recovered itself in", "was restored within about")."""
    if len(tail) > 60 or any(c in tail for c in ".;:"):
        return False
    words = tail.lower().split()
    while words and words[-1] in _ROUGHLY:
        words.pop()
    return bool(words) and words[-1] in _RECOVERY_WORDS


# a length counted from the outage's start: "22 hours after the incident began"
_SINCE_START = Lazy(
    r"(?:after|since|from)\s+(?:the\s+)?(?:incident|outage|issue|problem|disruption|"
    r"impact|failure|degradation|halt|it)\s+(?:first\s+)?(?:began|started|begun)\b",
    re.I,
)


# a moment told by a length from another one: "5 minutes later", "30 minutes after the deploy"
_MOMENT = Lazy(r"\W{0,2}(?:later|earlier|ago|after|before|afterwards?|into)\b", re.I)


def _end_of_length(text: str, s: int) -> int:
    """Where the length that starts at `s` ends."""
    return next((e for b, e, _ in durations_in(text[s : s + 60]) if b == 0), 0) + s


_APPROX = re.compile(
    r"\b(?:about|around|roughly|approximately|approx\.|nearly|almost|just over|just under)\s*+$"
    r"|[~≈]\s*+$",
    re.I,
)
_CLAUSE_START = re.compile(r"[.;!?]\s|\n\n")
_FOR = re.compile(r"\bfor\b", re.I)
_EFFORT = Lazy(
    r"\b(?:work(?:ed|ing)|investigat\w*|debugg\w*|troubleshoot\w*|troubleshot|search(?:ed|ing)"
    r"|tried|trying|looked|looking|spent|spending|monitor(?:ed|ing)|watch(?:ed|ing)|discuss\w*"
    r"|attempted|retri(?:ed|es)|paged|waited|waiting)\b",
    re.I,
)
# what a sentence says failed, so that its "for 2 hours" is how long it was down
_FAILED = Lazy(
    r"\b(?:down|outages?|downtime|unavailable|unreachable|inaccessible|offline|fail\w*|errors?"
    # what could not be used: "the site was unusable for 3 hours", "out of service for 2 h"
    r"|unusable|inoperable|non-?functional|out of (?:action|service|order)"
    r"|broken|broke|degraded|disrupt\w*|slow\w*|delayed|stuck|impact\w*|affected|interrupt\w*"
    r"|could ?n[o'’]t|cannot|can'?t|unable|no longer|not (?:load|work|respond|reachable|available)"
    r"\w*|timed? ?out|time-?outs?|[45]\d\d|crash\w*|hung|hanging|lost|missing|stopped|blocked"
    r"|locked out|dropped|rejected|refused|went dark|dead|unresponsive|hit|froze|frozen|hang\w*"
    r"|not working|halt\w*|no(?:body| one) could|disappear\w*|vanish\w*|incomplete|incorrect"
    r"|wrong|stale|empty|blank|corrupt\w*|expos\w*|leak\w*|compromis\w*|public(?:ly)?|latenc\w*)\b",
    re.I,
)


def _parenthesised(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] stands in brackets, white space and a word of approximation aside
    ("(about 10 hours 40 minutes)"). (Found without copying the text before and after it,
    which costs the square of a block's length when the block holds many durations.)"""
    approx = _APPROX.search(text, max(0, s - 20), s)
    s = approx.start() if approx else s
    while s > 0 and text[s - 1].isspace():
        s -= 1
    while e < len(text) and text[e].isspace():
        e += 1
    return s > 0 and text[s - 1] == "(" and text.startswith(")", e)


# one attempt as the subject: "each sign-up click", "a single request", "every upload"
_ONE_ATTEMPT = Lazy(
    r"\b(?:each|every|a\s+single|one|any)\s++(?:[\w-]++\s++){0,2}?(?:requests?|clicks?|calls?"
    r"|quer(?:y|ies)|attempts?|page\s+loads?|uploads?|downloads?|transactions?|logins?|taps?"
    r"|submissions?|payments?)\b",
    re.I,
)


def length_of_other_thing(text: str, s: int, minutes: int) -> bool:
    """Whether a length cued by "for" alone is another thing's: the words before "for" in its
    clause tell of no failure ("the hashtag trended for two hours", "complaints kept coming
    for six hours"), or of one attempt's ("each click spun for a minute", "every request hung
    for 30 seconds", a few minutes at most: "every payment failed for three hours" is the
    outage); a clause that opens with "for" ("For 47 minutes, CI jobs failed") or a
    strong cue ("lasted", "downtime of") keeps it."""
    window = text[max(0, s - 40) : s]
    cue = _duration_cues()[0]
    if not _FOR.search(window) or cue.search(_FOR.sub(" ", window)) is not None:
        return False
    clause = _CLAUSE_START.split(text[max(0, s - 160) : s])[-1]
    before = clause[: max(m.start() for m in _FOR.finditer(clause))] if _FOR.search(clause) else ""
    if not re.search(r"\w", before):
        return False
    if _FAILED.compiled.search(before) is None:
        return True
    return minutes <= _ATTEMPT_MINUTES and _ONE_ATTEMPT.compiled.search(before) is not None


_ATTEMPT_MINUTES = 5
