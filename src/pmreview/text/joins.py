"""What stands between two clock times: another zone's reading of the same instant ("01:00
local time (22:00 GMT)") or the join of a range ("10:00 to 11:30")."""

from __future__ import annotations

import re
from functools import cache

from .times import DATE
from .zones import ZONE


@cache
def alternative() -> re.Pattern[str]:
    """A time and the same instant in another zone: "01:00 local time (22:00 GMT)",
    "9:00 / 08:00 UTC". (Compiled when first needed, as are the next two: they are long, and
    many documents never need them.)"""
    return re.compile(rf"^[\s*_]*+(?:local(?:\s+time)?|{ZONE})?[\s*_]*+[(/\[][\s*_]*+$", re.I)


# How every match of alternative() ends: text between two times that does not end so is no
# alternative, and most of it is tested without compiling the long pattern.
_ALTERNATIVE_END = re.compile(r"[(/\[][\s*_]*$")


def is_alternative(between: str) -> bool:
    return _ALTERNATIVE_END.search(between) is not None and bool(alternative().match(between))


_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*+"


@cache
def range_join() -> re.Pattern[str]:
    """What joins the two ends of a range: "10:00 to 11:30", "9 PM UTC on May 3 until",
    "13:30 WAT until around", "09:40 to ~", and with the writer's aside about the start in
    brackets, "~12:00 (maybe before) to 17:55", "08:10 (estimated) and" (an aside holding no
    digit: "08:10 (5 minutes after the deploy) and" is no range)."""
    return re.compile(
        rf"^[\s)\]*_,]*+(?:\(?{ZONE}\)?)?[\s)\]*_,]*+(?:\([^()\d\n]{{1,40}}\)[\s,]*+)?"
        rf"(?:on\s++(?:{_WEEKDAY},?\s++)?"
        rf"{DATE}[\s,*_]*+)?(?:to|until|till|through|thru|and|-|–|—|->|→|~)[\s*_]*+"
        rf"(?:(?:{_WEEKDAY},?\s++)?{DATE}[\s,]*+(?:at\s++)?)?[\s(*_]*+"
        r"(?:approximately\s+|about\s+|around\s+|\\?~\s*)?$",  # "\~": Markdown's escaped ~
        re.I,
    )
