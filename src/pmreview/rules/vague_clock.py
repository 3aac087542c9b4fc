"""What answers a vague time (PM102's time entries in data/vague.toml): the clock around it.

"for a while", "shortly after" or "last week" ask when, or for how long. The question is
answered where the words stand on the clock already: in a timeline entry stamped with a time,
whose neighbours give the span ("14:31 — spent a while diffing the config" before "14:44 —
…"); for words of sequence, in a sentence that gives the clock time they follow ("at 14:52
the metadata service stopped, and shortly after that …"); and, for a day told only relative
to now ("last week"), in a document that names the incident's day itself, where such a day
dates something else (an earlier problem) or repeats the day given; for words of length ("spent
a good while"), in a sentence that gives the length itself ("a good while (about 40
minutes)"), where a version number or a count beside them would answer nothing. A length whose
sentence gives its two ends on the clock ("took a while (14:40–15:05)") is answered. A part of the
day in a sentence that tells no past event is a rule or a schedule, no time of the incident.
"""

from __future__ import annotations

import re

from ..models import Document, per_document
from ..parse.views import summary_sections
from ..text.durations import durations_in, of_other_thing
from ..text.joins import range_join
from ..text.prefilter import Lazy
from ..text.times import TIME_RE, has_date
from .vague_place import BRACKETED, Place


def timed(place: Place) -> bool:
    """The words stand in a timeline entry (a list item, a row or a line that opens with its
    clock time) stamped with a clock time: the timeline's times bound how long it took. In
    a paragraph of prose under the timeline, only the words' own sentence counts: the times
    of the sentences around them place other steps."""
    if "timeline" not in place.section.kinds:
        return False
    text = place.block.text
    if place.block.kind in ("item", "row"):
        return TIME_RE.search(text) is not None
    start = text.rfind("\n", 0, place.span[0]) + 1
    end = text.find("\n", place.span[1])
    end = len(text) if end < 0 else end
    stamp = TIME_RE.search(text[start:end])
    if stamp is not None and _STAMP_LEAD.fullmatch(text[start : start + stamp.start()]):
        return True
    s, e = place.sentence  # the sentence, as far as it stands on the words' line
    return TIME_RE.search(text[max(s, start) : min(e, end)]) is not None


# what may stand before an entry's time stamp on its line: markup, a date, a weekday
# ("- **Mon 2024-03-04 10:50** — …"), no words ("Alerts fired at 07:40" is prose)
_STAMP_LEAD = re.compile(
    r"(?:[\W\d_]|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)[a-z]*\b)*",
    re.IGNORECASE,
)


def clocked(place: Place) -> bool:
    """The words' sentence gives a clock time: words of sequence ("shortly after") follow
    an event placed on the clock. In a timeline, only their own entry counts: "shortly
    after" standing for an entry's time places it nowhere."""
    if "timeline" in place.section.kinds:
        return timed(place)
    return TIME_RE.search(place.block.text[slice(*place.sentence)]) is not None


def lengthed(place: Place) -> bool:
    """The words' sentence gives the length they leave open ("spent a long time on the
    replica, 40 minutes in all"), or an aside right after them does ("a long time (about 40
    minutes)", "it was ages before anyone looked: 52 minutes"); not the length of something
    else ("got the code hours later, after it had expired (codes last 15 minutes)")."""
    told = BRACKETED.sub(" ", place.around("sentence"))  # an aside tells of other things
    if lasts(told):
        return True
    rest = place.block.text[place.span[1] : place.sentence[1]]
    asides = [_ASIDE.match(rest.lstrip())]
    colon = _ELABORATION.search(rest)  # "…: 52 minutes after the alert"
    asides += [_ASIDE.match(rest, colon.start())] if colon else []
    return any(a is not None and durations_in(a.group(1)) for a in asides)


# an aside that opens right after the words (or a colon or a dash that elaborates the
# sentence) and gives a length within its first five words
_ASIDE = re.compile(r"[(:,—–-]\s*+((?:[\w-]++\s++){0,4}[\w-]++)")
_ELABORATION = re.compile(r"(?:(?<=\s)[—–-]|:)(?=\s)")


def pinned(place: Place) -> bool:
    """A clock time follows the words in their own clause ("back later that evening, at
    19:42", "around noon (12:04 by the logs)"): the part of the day is said, and then the
    time."""
    text = place.block.text
    after = text[place.span[1] : min(place.sentence[1], place.span[1] + 40)]
    return TIME_RE.search(_NEXT_CLAUSE.split(after, maxsplit=1)[0]) is not None


# where the words' clause ends and another event is told ("… later that evening, and at 21:00
# we …")
_NEXT_CLAUSE = re.compile(r"[.;]|\b(?:and|but|then|until|till|when|after|before)\b", re.I)


def other_length(place: Place) -> bool:
    """The words are the length of something other than the outage: what is kept and for
    how long ("the cache keeps entries for a few hours"), a window, an interval, a timeout."""
    s, e = place.span
    s += 4 if place.block.lower.startswith("for ", s) else 0
    return of_other_thing(place.block.text, s, e)


# a past tense: the sentence tells what happened
_PAST = re.compile(
    r"\b(?:was|were|had|did|could|been|went|came|took|got|saw|broke|fell|ran|began|found|sent"
    r"|hit|left|kept|lost|spent|stood|sat|woke|knew|thought|told|rang|wrote|said|made|gave"
    r"|brought|caught|felt|heard|meant|paid|put|read|set|shut|stuck|drove|rose|grew|threw"
    r"|\w{2,}ed)\b",
    re.IGNORECASE,
)
# a rule's or a schedule's present tense ("are frozen", "runs", "must stay")
_STANDING = re.compile(
    r"\b(?:is|are|stays?|remains?|runs?|must|should|will|can|may)\b", re.IGNORECASE
)


def tells_past(text: str) -> bool:
    """The text holds a verb in the past tense: it tells what happened."""
    return _PAST.search(text) is not None


def timeless(place: Place) -> bool:
    """The words' sentence tells a rule or a schedule in the present tense and no past event
    ("deploys are frozen from Friday evening to Monday morning"): no time of the incident."""
    sentence = place.block.text[slice(*place.sentence)]
    return _STANDING.search(sentence) is not None and _PAST.search(sentence) is None


def spanned(place: Place) -> bool:
    """The words' sentence gives a range of two clock times ("it took a while to drain the
    queue (14:40–15:05)"): how long is on the clock."""
    return ranges(place.block.text[slice(*place.sentence)])


def lasts(text: str) -> bool:
    """The text gives a length of the incident: a duration that is not the length of
    something else (a window, a timeout, what is kept and for how long)."""
    return any(not of_other_thing(text, s, e) for s, e, _ in durations_in(text))


def ranges(text: str) -> bool:
    """The text joins two clock times as a range ("14:40–15:05", "from 10:05 to 11:40")."""
    times = list(TIME_RE.finditer(text))
    pairs = zip(times, times[1:], strict=False)
    return any(range_join().match(text[a.end() : b.start()]) for a, b in pairs)


# a day of the week names the day ("on Thursday at 4:20pm"), as a date does
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def dated(place: Place) -> bool:
    """The document names the incident's day (a date or a day of the week) in its summary
    or its timeline."""
    return place.doc is not None and _dates_incident(place.doc)


@per_document
def _dates_incident(doc: Document) -> bool:
    told = [s for s in doc.sections if "timeline" in s.kinds] + summary_sections(doc)
    return any(has_date(b.text) or _WEEKDAY.search(b.text) for s in told for b in s.blocks)


def follow_up(place: Place) -> bool:
    """A time of day beside a later day told outside the words ("around midday the next
    day, we …"), not an extent of the incident ("until the following morning", "between late
    evening and the next morning")."""
    if _TIME_WORDS.compiled.search(place.words) is None or _SPAN.match(place.words):
        return False
    s, e = place.sentence
    outside = place.block.lower[s : place.span[0]] + " " + place.block.lower[place.span[1] : e]
    return _NEXT_DAY.compiled.search(outside) is not None


_SPAN = re.compile(r"(?:until|till|between|from|through)\b")

# a day after the incident's ("the next morning", "the following week", "afterwards")
_NEXT_DAY = Lazy(
    r"\b(?:the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night|week|\w+day)"
    r"|afterwards|after\s+the\s+(?:incident|outage))\b"
)
# words that tell a time of day ("around midday", "in the evening")
_TIME_WORDS = Lazy(r"\b(?:lunch\s?time|noon|midday|dinner\s?time|evening|afternoon|morning)\b")
