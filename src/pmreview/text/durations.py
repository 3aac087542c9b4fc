"""Lengths of time in free text: "2 hours and 15 minutes", "forty-five minutes", "1.5h"."""

from __future__ import annotations

import re

from .prefilter import Lazy
from .times import MONTHS

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_NUMBER_WORDS |= {"thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17}
_NUMBER_WORDS |= {"eighteen": 18, "nineteen": 19}
# "twenty-three", "forty five": a ten and a unit, with a hyphen or a space
_NUMBER_WORDS |= {
    f"{t}{j}{o}": v + i
    for t, v in _TENS.items()
    for i, o in enumerate(_ONES, 1)
    for j in ("-", " ")
}
_UNIT_MINUTES = {"d": 1440, "h": 60, "m": 1}
_PART = (
    r"(?P<n>(?<!\d)\d+(?:\.\d+)?|(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r"))(?P<half>\s+and\s+(?:a\s+)?half)?[\s-]*(?P<u>days?|hours?|hrs?|h|minutes?|mins?|m)"
    r"(?:(?![\w:])|(?<=\dh)(?=\d{1,2}\s?m))"  # a compact length goes on: "2h10m"
    r"(?P<half_after>\s+and\s+a\s+half\b)?"  # "a day and a half"
)
# The look-ahead (a character a number can start with) changes no match; it lets re reject
# most positions at once instead of trying every number word there (1.7 times faster).
# `(?<!\d)` changes no match either: a number that fails from the first digit of a run fails
# from every later one (what follows the run is the same), and re would find that out again
# at each digit of the run (quadratic on a long run of digits).
_FIRST = "".join(sorted({w[0] for w in _NUMBER_WORDS}))  # "aefnost"
_PART_RE = re.compile(rf"(?=[\d{_FIRST}])" + _PART, re.I)
# "1 hour 30 minutes", "1 hour, and 30 minutes", or wrapped onto the next line of a paragraph
_JOIN = re.compile(r"[ \t]*,?[ \t]*\n?[ \t]*(?:and[ \t]*\n?[ \t]*)?", re.I)


# "m" before a currency, a token or a thing counted is millions: "2.9m DAI", "134m USDC",
# "$4m in losses", "3m users" (not "45m of downtime", "after 20m the alert fired")
_MILLIONS = re.compile(
    r"[ \t]{1,3}+(?:[A-Z]{2,6}\b|(?:dollars|euros|pounds|usd|eur|gbp|tokens|coins|users|customers"
    r"|accounts|requests|rows|records|messages|events|people|in\s+(?:losses|funds|value)"
    r"|worth)\b)"
)


def durations_in(text: str) -> list[tuple[int, int, int]]:
    """(start, end, minutes) of each duration phrase; "1 hour 30 minutes" is one phrase."""
    out: list[tuple[int, int, int]] = []
    last_unit = 0
    for m in _PART_RE.finditer(text):
        n = m.group("n").lower()
        value = float(_NUMBER_WORDS[n]) if n in _NUMBER_WORDS else float(n)
        if m.group("half") or m.group("half_after"):
            value += 0.5
        unit = m.group("u").lower()
        if (
            n in ("a", "an")
            and unit in ("h", "m")
            or unit == "m"
            and _MILLIONS.match(text, m.end())
        ):
            continue
        minutes = int(value * _UNIT_MINUTES[unit[0]])
        unit_minutes = _UNIT_MINUTES[unit[0]]
        if out and last_unit > unit_minutes and _JOIN.fullmatch(text[out[-1][1] : m.start()]):
            s, _, total = out.pop()
            out.append((s, m.end(), total + minutes))
        else:
            out.append((m.start(), m.end(), minutes))
        last_unit = unit_minutes
    return out


# The length of something other than the outage: "a maintenance window of 2 hours", "logs are
# kept for 30 days", "every 5 minutes", "a 4-hour SLA", "a TTL of 10 minutes".
_OTHER_NOUN = (
    r"(?:maintenance|window|retention|retain\w*|kept|stored|sla|slo|timeouts?|time-outs?|ttl|"
    r"intervals?|backoff|back-off|cool-?down|grace(?: period)?|expiry|every|each|per)"
)
# between the other thing and its length, only linking words: "a window of about 2 hours"
_LINK = (
    r"(?:of|for|is|was|were|are|be|lasting|lasts|set|to|at|a|an|the|about|approximately|around|up)"
)
# or a span looking back from a moment, a condition's history: "failing for the last 30 days",
# "for the past two weeks", "over the previous 3 months", "had been failing silently for 30
# days" (how long a state had lasted by then, not the outage from start to end; "had been
# down for 2 hours" is the outage's); and how late things came: "a median delay of 19
# minutes", "delayed by up to 47 minutes" (not "the delay lasted 40 minutes")
_OTHER_BEFORE = Lazy(
    rf"\b{_OTHER_NOUN}(?:\s+(?:period|window|time))?(?:\s+{_LINK})*\s*$"
    r"|\b(?:the\s+)?(?:last|past|previous|preceding)\s+$"
    r"|\bhad\s+been\s+(?!(?:[\w-]+\s+){0,2}?(?:down|unavailable|offline|unreachable|out|dead)\b)"
    r"(?:[\w-]+\s+){0,3}?for\s+(?:about\s+|almost\s+|nearly\s+|over\s+"
    r"|more\s+than\s+|at\s+least\s+)?$"
    r"|\b(?:delays?|lag|latenc(?:y|ies))\b(?:\s+(?!(?:lasted|lasting|persisted|continued)\b)"
    r"[\w-]+){0,3}?[\s:*_]*(?:(?:of|by|was|were|is|at|about|around|up\s+to)\s+)*$"
    r"|\bdelayed\s+by\s+(?:up\s+to\s+|about\s+|around\s+)?$",
    re.I,
)
_OTHER_AFTER = Lazy(rf"^\W*(?:\w+\W+){{0,2}}?{_OTHER_NOUN}\b", re.I)
# what is kept, and for how long: "keeps copies for 7 days", "caches the token for an hour"
# (a verb: "the store was unreachable for 2 hours" names a shop, "our cache" a thing)
_KEPT = Lazy(
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bour\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bthis\s)"
    r"(?<!\bthat\s)(?<!\bmy\s)(?<!\bonline\s)"
    r"\b(?:keeps?|keeping|retains?|stores?|caches?|cached|holds?|archives?|archived)"
    r"(?:\s+(?!(?:was|were|is|are|been|be|stayed|remained)\b)[\w-]+){0,3}?\s+for\s+"
    r"(?:about\s+|up\s+to\s+|at\s+least\s+)?$",
    re.I,
)

# a length that runs on after the fix or the recovery: "kept serving the bad value for two
# hours after we had fixed it", "errors lingered for 20 minutes after the rollback" (the
# aftermath, not the outage from start to end)
_AFTER_FIX = Lazy(
    r"^\s*+(?:more\s+|longer\s+)?(?:after|past|beyond|following)\s+(?:(?:we|i|they|the\s+team)"
    r"\s+(?:had\s+)?(?:fix|resolv|revert|roll\w*\s+back|restor|mitigat|recover)\w*"
    r"|(?:the|our|its|their)\s+(?:[\w-]+\s+)?(?:fix|rollback|roll-back|revert|recovery"
    r"|resolution|mitigation)\w*"
    r"|(?:it|this|that|the\s+[\w-]+)\s+(?:was|had\s+been|got)\s+(?:fixed|resolved|reverted"
    r"|restored|corrected|rolled\s+back)"
    r"|(?:being\s+)?(?:fixed|resolved|reverted|restored|rolled\s+back))\b",
    re.I,
)


def of_other_thing(text: str, s: int, e: int) -> bool:
    """Whether the duration at text[s:e] is the length of something other than the outage."""
    before = re.split(r"[.;]\s", text[max(0, s - 60) : s])[-1]
    # in its own sentence only: "for 47 minutes. During that window" is the outage's length
    after = re.split(r"[.;]\s", text[e : e + 40])[0]
    return bool(
        _OTHER_BEFORE.compiled.search(before)
        or _KEPT.compiled.search(before)
        or _OTHER_AFTER.compiled.match(after)
        or _AFTER_FIX.compiled.match(after)
        or _restated(before)
    )


def _restated(before: str) -> bool:
    """A value restated in brackets: "`max.poll.interval.ms` is 300,000 (5 minutes)"."""
    head = before.rstrip()
    if not head.endswith("("):
        return False
    head = head[:-1].rstrip()
    if _CLOCK_END.search(head) or _DATE_END.compiled.search(head):
        return False  # "from 14:00 to 14:45 (45 minutes)", "… on 2 May 2024 (8 hours)"
    unit = next((u for u in _UNITS if head.lower().endswith(u)), "")
    return head[: len(head) - len(unit)].rstrip()[-1:].isdigit()


# a date that ends the words before "(": "on 2 February 2024", "March 3", "2024-02-02"
_DATE_END = Lazy(
    rf"(?:\b{MONTHS}\.?|\b\d{{1,2}}(?:st|nd|rd|th)?),?\s++(?:19|20)\d\d$"
    rf"|\b{MONTHS}\.?\s++\d{{1,2}}(?:st|nd|rd|th)?$|\b\d{{4}}-\d\d-\d\d$",
    re.I,
)
_CLOCK_END = re.compile(r"\d:\d\d\s*+(?:[ap]\.?m\.?|[A-Z]{2,5})?$", re.IGNORECASE)
_UNITS = ("milliseconds", "millisecond", "seconds", "second", "secs", "sec", "ms", "s")
