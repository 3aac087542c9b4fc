"""Timezones: which words are zones, and their offsets (both from the one table data/zones.toml)."""

from __future__ import annotations

import re

from ..resources import load_toml
from .prefilter import Lazy

_TABLE = load_toml("zones.toml")
OFFSETS: dict[str, int] = _TABLE["abbreviations"]  # abbreviation -> minutes east of UTC
_NAMED_OFFSETS: list[tuple[str, int]] = sorted(
    _TABLE["named"].items(), key=lambda kv: len(kv[0]), reverse=True
)

_ABBR = "|".join(sorted(OFFSETS, key=len, reverse=True))
_NAMED = (
    r"(?:Greenwich Mean|Coordinated Universal|(?:Pacific|Eastern|Central|Mountain)"
    r"(?: Standard| Daylight)?|(?:West|East|Central|South) Africa(?:n)?(?: Standard)?|"
    r"(?:Central|Eastern|Western) European(?: Summer| Standard)?|British Summer|"
    r"India(?:n)? Standard|Japan Standard)\s+Time"
    r"|(?:US[ /])?(?:Eastern|Pacific|Central|Mountain)(?= *(?:\)|$|[.,;:\n-]))"
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
