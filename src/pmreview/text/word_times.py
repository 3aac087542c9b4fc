"""Clock times written in words: "ten past eight", "twelve minutes past two in the morning",
"twenty-five minutes to five", "a quarter to nine", "half past one", "eleven o'clock"."""

from __future__ import annotations

import re

from .prefilter import Lazy

_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
HOUR_WORD = rf"(?:{'|'.join(_HOURS)}|twelve)"
_TEENS = ("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen")
_COUNTS = {w: n for n, w in enumerate((*_HOURS, *_TEENS, "nineteen"), start=1)}
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# the usual minutes before "past" or "to" ("ten past", "a quarter to", "twenty-five past")
_MINUTES = {"five": 5, "ten": 10, "quarter": 15, "twenty": 20, "twenty-five": 25, "half": 30}
# any count of minutes, said with the word "minutes" ("twelve minutes past", "twenty-three
# minutes to"): without it "two to three" is a range of numbers
_COUNT = rf"(?:twenty(?:[- ]{_UNIT})?|{'|'.join(sorted(_COUNTS, key=len, reverse=True))})"
WORDS_TIME = (
    r"(?:(?:(?:a\s+)?(?P<min>five|ten|twenty(?:[- ]five)?|quarter|half)"
    rf"|(?P<count>{_COUNT})\s+minutes?)\s+(?P<rel>past|to|after)\s+(?P<hour>{HOUR_WORD})"
    rf"|(?P<hour2>{HOUR_WORD})\s+o[’']clock)"
    r"(?:\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)"
    r"|(?P<ampm>[ap])\.?\s?m\b\.?))?"
)
# what may not follow a time in words: a count ("ten to twelve people", "five past incidents")
NOT_AFTER = r"(?!\s+(?!(?:this|was|has|is|as)\b)(?:\w+s|people|percent|per|of)\b)"
# a timeline entry that opens with a time in words ("- Twenty to three: …", "Half past two —")
_HEAD = Lazy(
    rf"(?:(?:at|around|about|approximately|by)\s+)?(?P<time>{WORDS_TIME})\b"
    r"(?=\s*+(?:[:–—-]|,\s))",
    re.I,
)


def minutes_of(m: re.Match[str]) -> int:
    """The minutes past or to the hour of a time in words (WORDS_TIME's match)."""
    if m["min"]:
        return _MINUTES[m["min"].lower().replace(" ", "-")]
    if not m["count"]:
        return 0
    words = re.split(r"[- ]", m["count"].lower())
    return sum(20 if w == "twenty" else _COUNTS[w] for w in words)


def clock_of(m: re.Match[str]) -> tuple[int, int]:
    """The hour (0-23) and minute of a time in words (WORDS_TIME's match)."""
    word = (m["hour"] or m["hour2"]).lower()
    hour = 12 if word == "twelve" else 1 + _HOURS.index(word)
    minute = minutes_of(m)
    if m["rel"] and m["rel"].lower() == "to":
        hour, minute = (hour - 2) % 12 + 1, 60 - minute
    later = m["part"] and m["part"].lower() != "morning" or m["night"] and hour > 6
    if later or (m["ampm"] or "").lower() == "p":
        hour = hour % 12 + 12
    elif (m["ampm"] or "").lower() == "a" or m["part"]:
        hour %= 12
    return hour, minute


def said_of_day(m: re.Match[str]) -> bool:
    """Whether the time says its part of the day ("in the morning", "pm")."""
    return bool(m["part"] or m["night"] or m["ampm"])


def words_head(text: str) -> re.Match[str] | None:
    """The time in words an entry opens with, before a colon, a dash or a comma."""
    if " " not in text:
        return None
    return _HEAD.compiled.match(text)
