"""Timezones: which words are zones, and their offsets (both from the one table data/zones.toml)."""

from __future__ import annotations

import re

from ..resources import load_toml
from .prefilter import Lazy

_TABLE = load_toml("zones.toml")
OFFSETS: dict[str, int] = _TABLE["abbreviations"]  # abbreviation -> minutes east of UTC
_PLACES: dict[str, int] = _TABLE["places"]  # "Nairobi" (time) -> minutes east of UTC
_NAMED_OFFSETS: list[tuple[str, int]] = sorted(
    [*_TABLE["named"].items(), *((k.lower(), v) for k, v in _PLACES.items())],
    key=lambda kv: len(kv[0]),
    reverse=True,
)
_SEASONAL: list[str] = _TABLE["seasonal_places"]["names"]  # "UK" (time): no fixed offset
_PLACE = "|".join(sorted((re.escape(k) for k in [*_PLACES, *_SEASONAL]), key=len, reverse=True))

_ABBR = "|".join(sorted(OFFSETS, key=len, reverse=True))
_NAMED = (
    r"(?:Greenwich Mean|Coordinated Universal|(?:Pacific|Eastern|Central|Mountain)"
    r"(?: Standard| Daylight)?|(?:West|East|Central|South) Africa(?:n)?(?: Standard)?|"
    r"(?:Central|Eastern|Western) European(?: Summer| Standard)?|British Summer|"
    r"India(?:n)? Standard|Japan Standard)\s+Time"
    r"|(?:US[ /])?(?:Eastern|Pacific|Central|Mountain)(?= *(?:\)|$|[.,;:\n-]))"
    rf"|(?:{_PLACE})(?: local)? [Tt]ime\b"
)
_IANA = r"(?:Africa|America|Asia|Europe|Australia|Pacific|Atlantic|Indian)/[A-Z](?:[A-Za-z]|_++)+"


def _zone(guard: str) -> str:
    """The zone pattern; `guard` stands before the abbreviations."""
    return (
        rf"(?:(?:UTC|GMT)\s?[+\-−]\s?\d{{1,2}}(?::?\d{{2}})?|{guard}(?:{_ABBR})(?![\w])"
        rf"|{_NAMED}|{_IANA}|[+\-]\d{{2}}:?\d{{2}}(?!\d))"
    )


ZONE = _zone(r"(?<![\w])")
# ZONE as it matches at the start of a string, where nothing stands before an abbreviation:
# `re.compile(ZONE_AT_START).match(text, pos)` is `re.compile(ZONE).match(text[pos:])`
# without copying the text.
ZONE_AT_START = _zone("")
ZONE_RE = re.compile(ZONE)
# How far back a zone that ends at some place can start. The offsets and abbreviations are
# at most BOUNDED_ZONE characters long; the named and IANA zones, whose white space and
# names have no bound, hold only letters, "_", "/" and white space (never OUTSIDE_LONG_ZONE).
BOUNDED_ZONE = 16 + max(map(len, OFFSETS))
OUTSIDE_LONG_ZONE = re.compile(r"[^A-Za-z_/\s]")
_OFFSET = Lazy(r"^(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$")


def zone_offset(tz: str | None) -> int | None:
    """Minutes east of UTC for a zone as written ("WAT", "UTC+1", "GMT +03:00", "Pacific
    Time"), or None (an IANA name, whose offset depends on the date)."""
    if not tz:
        return None
    key = tz.strip().upper()
    if key in OFFSETS:
        return OFFSETS[key]
    m = _OFFSET.compiled.match(key)
    if m:
        sign = -1 if m.group(1) in "-−" else 1
        return sign * (int(m.group(2)) * 60 + int(m.group(3) or 0))
    low = " ".join(tz.lower().split())
    return next((v for k, v in _NAMED_OFFSETS if low.startswith(k)), None)


def loose_zone_after(text: str, end: int) -> re.Match[str] | None:
    """A zone after a time that ends at `end`, written in a way ZONE alone does not read:
    "1432Z" (Zulu, against the time), a US region before a word that is no name ("11:40 a.m.
    Pacific on Thursday", not "10:00 Central Station" or "Pacific Northwest"), or the zone
    that closes a bracket of words ("22:35 (Paris time, CEST)", "10:00 (local / UTC+2)")."""
    lead = _LEAD.match(text, end)
    assert lead is not None  # every part of the pattern is optional
    found = _ZULU.match(text, end) or _REGION.compiled.match(text, lead.end())
    if found:
        return found
    gloss = _GLOSS.match(text, end)
    zone = ZONE_RE.match(text, gloss.end()) if gloss else None
    return zone if zone and text[zone.end() :].lstrip().startswith(")") else None


_LEAD = re.compile(r"\s?\(?\s?")
_ZULU = re.compile(r"Z(?![\w])")
_REGION = Lazy(
    r"(?:US[ /])?(?:Eastern|Pacific|Central|Mountain)\b(?![ \t]*+[A-Z0-9/-])"
    r"(?![ \t]++(?:regions?|areas?|zones?|districts?|lines?|offices?|branch\w*|sites?|data)\b)"
)
_GLOSS = re.compile(r"\s?\([^()\d\n]{1,30}?[,;/=]\s*+")


# "All times in PDT", "(All in Greenwich Mean Time)", "times are UTC", "Timeline (UTC)".
# Compiled when first needed: most text has no zone after its "time" or "all".
ZONE_STATEMENT = Lazy(
    rf"(?i:\btimes?\b[^.\n\d]{{0,40}}?|\ball\b[^.\n\d]{{0,12}}?\bin\b\s*+|\btimeline\b[^.\n\d]{{0,20}}?"
    rf"|time ?zone[*_]*+:?[*_]*+\s*+)\(?\s*+(?P<tz>{ZONE})"
)

_STATEMENT_START = re.compile("time|all")  # ZONE_STATEMENT's matches start with one


def search_zone_statement(text: str) -> re.Match[str] | None:
    """`ZONE_STATEMENT.compiled.search(text)`, about four times faster.

    The pattern is case-insensitive and opens with alternatives, so `re` tries it at every
    character; here it is tried only where the lower-cased text has "time" or "all", and a
    zone (ZONE_RE) starts there or later, as the statement's own zone must. Text with "İ" or
    "ı" (which re.I matches to i, str.lower does not; "İ" also lower-cases to two
    characters, which would shift the offsets) is searched as before."""
    if "\u0130" in text or "\u0131" in text:
        return ZONE_STATEMENT.compiled.search(text)
    zone_at = -1  # where the first zone at or after the last place looked from starts
    for start in _STATEMENT_START.finditer(text.lower()):
        if zone_at < start.start():
            zone = ZONE_RE.search(text, start.start())
            if zone is None:
                return None
            zone_at = zone.start()
        m = ZONE_STATEMENT.compiled.match(text, start.start())
        if m is not None:
            return m
    return None
