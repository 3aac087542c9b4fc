"""The answer `restated` of PM102's lengths (rules/vague_context.py): the length the words
leave open ("for several hours", "it took a while") is given in numbers near them, so the
words say it again in other terms and the reader has the number. Where:

- in the words' paragraph or list item, in any form the clock readings know ("from 13:48 to
  19:05 (5 h 17 min) … stuck for several hours", "for 95 min in all; … waited a long time");
- in the line or list item just before or after, where that line gives the incident's length
  itself: a field of its length ("- Duration: 2 h 10 min") or its two ends on the clock ("-
  Start 10:05, end 11:40");
- in the words' sentence, as the length of another thing the sentence gives as the reason
  for the words ("the TTL was 1800 seconds (30 minutes), so … it took a while", "because
  entries are cached for an hour, it took some time"): the wait follows from that number.

A length of something else with no such link answers nothing ("codes last 15 minutes, and it
took ages before anyone looked"), nor does one in an aside that tells a fact of its own
("(links are valid for 30 minutes)"); a bare aside is the length ("(5 h 17 min)").
"""

from __future__ import annotations

import re

from ..text.durations import durations_in
from ..text.times import TIME_RE
from .vague_clock import lasts, ranges
from .vague_place import BRACKETED, Place

# what makes a length told before the words their reason ("…, so", "…, which is why") or
# one told after them ("… because", "… since", "… as")
_SO = re.compile(r"\b(?:so|hence|therefore|which (?:is )?why|that is why|meaning)\b")
_BECAUSE = re.compile(r"\b(?:because|since|as|due to|given that)\b")
# a reason clause still open where the length stands ("Because entries are cached for")
_REASON_LEAD = re.compile(r"\b(?:because|since|given that)\b[^.;:]*$")
# a line that gives the incident's length as a field, or its two ends
_LENGTH_FIELD = re.compile(
    r"^[\s>*_•+-]*(?:total |outage |incident |overall )?(?:duration|length|downtime"
    r"|time (?:down|to (?:recover|resolve|restore|mitigate)))\b[^:\n]{0,20}:",
    re.IGNORECASE,
)
_START = re.compile(r"\b(?:start\w*|began|begin|from|first)\b", re.IGNORECASE)
_END = re.compile(r"\b(?:end\w*|until|till|to|resolved|restored|recovered|fixed)\b", re.I)


def _blank_wordy(m: re.Match[str]) -> str:
    """An aside of five words or more blanked out: a fact of its own, whose length is of
    something else."""
    text = m.group(0)
    return " " * len(text) if len(text.split()) >= 5 else text


def restated(place: Place) -> bool:
    """The length the words leave open is given in numbers in their paragraph, the line just
    before or after, or as the reason for them in their sentence."""
    return (
        _gives_length(place.paragraph)
        or any(_gives_span(line) for line in _neighbours(place))
        or _for_a_reason(place)
    )


def _gives_length(text: str) -> bool:
    text = BRACKETED.sub(_blank_wordy, text)
    return lasts(text) or _ranged(text)


def _ranged(text: str) -> bool:
    """Two clock times joined as a range, or told as a start and an end ("Start 10:05, end
    11:40")."""
    if ranges(text):
        return True
    times = list(TIME_RE.finditer(text))
    pairs = zip(times, times[1:], strict=False)
    return any(
        _START.search(text[: a.start()]) and _END.search(text[a.end() : b.start()])
        for a, b in pairs
    )


def _gives_span(line: str) -> bool:
    """A line that gives the incident's length: a length field, or its two ends."""
    if _LENGTH_FIELD.match(line) and (durations_in(line) or _ranged(line)):
        return True
    return _ranged(line) and len(TIME_RE.findall(line)) == 2


def _neighbours(place: Place) -> list[str]:
    """The line before and after the words' line in their block; for a list item, the items
    just before and after it in the section."""
    block, text = place.block, place.block.text
    if block.kind == "item":
        blocks = place.section.blocks
        i = next((k for k, b in enumerate(blocks) if b is block), -1)
        near = [blocks[k] for k in (i - 1, i + 1) if i >= 0 and 0 <= k < len(blocks)]
        return [b.text for b in near if b.kind == "item"]
    start = text.rfind("\n", 0, place.span[0])
    end = text.find("\n", place.span[1])
    before = text[: max(start, 0)].rsplit("\n", 1)[-1] if start > 0 else ""
    after = text[end + 1 :].split("\n", 1)[0] if end >= 0 else ""
    return [line for line in (before, after) if line.strip()]


def _for_a_reason(place: Place) -> bool:
    """A length in the words' sentence is the reason for them: it stands before them with a
    "so" between, in a "because" clause that opens the sentence, or after them with a
    "because" between."""
    text = place.block.lower
    s, e = place.sentence
    before, after = text[s : place.span[0]], text[place.span[1] : e]
    for ds, de, _ in durations_in(before):
        if _SO.search(before[de:]) or _REASON_LEAD.search(before[:ds]):
            return True
    return any(_BECAUSE.search(after[:ds]) for ds, _, _ in durations_in(after))
