"""Clock times that are not the outage's own: a schedule ("the backup is supposed to run at
2 AM", "a cron job every night at 03:00"), an example ("for example a window of 00:00-01:00"),
a quotation ("Monday 00:00-01:00" as a customer wrote it) or a window for counting ("received
812 calls between 02:14 and 12:00").

The summary's start and end are read only from the other times; when a sentence cannot be
sure a time is the outage's, the time is not compared with the timeline (precision first)."""

from __future__ import annotations

import re

from .prefilter import SPACE_RUN, Lazy, run_end
from .span_cues import FAILURE
from .times import WEEKDAY

# a schedule said right before the time, not an event: "supposed to run at", "meant to start
# at", "usually runs at", "every night at", "the nightly backup job at"
_SCHEDULE = Lazy(
    r"\b(?:(?:supposed|meant|intended|planned|configured|set|scheduled|due)\s+to\s+"
    r"(?:run|start|fire|begin|happen|execute|trigger|occur|go\s+out)"
    r"|(?:usually|normally|typically|always)\s+(?:runs?|fires?|starts?|happens?|executes?)"
    r"|every\s+(?:day|night|morning|evening|week|\w+day)|daily|nightly|weekly"
    r"|each\s+(?:day|night))"
    r"(?:(?:\s+[\w-]+){0,2}?\s+(?:at|for|from|between)|\s+(?:at|for|from|between))?"
    r"\s*(?:around\s+|about\s+|approximately\s+)?$",
    re.I,
)
# an example given in the same clause: "for example", "e.g.", "such as"; it ends at a closing
# bracket or at the clause's next verb ("Errors such as HTTP 502 began at 10:05" is the outage)
_EXAMPLE = Lazy(r"\b(?:for\s+example|for\s+instance|eg|such\s+as)\W(?P<tail>[^.;:!?]*)$", re.I)
_EXAMPLE_ENDED = Lazy(
    r"\)|\b(?:\w{3,}ed|began|begun|went|ran|rose|fell|hit|broke|came|grew|took|lost|stayed"
    r"|was|were|is|are|(?:start|stop|fail|return|happen|occur|last|run|go|begin)s?)\b",
    re.I,
)
_EG = re.compile(r"\be\.\s?g\.", re.I)  # "e.g." holds no sentence end
# a planned window named before a range of times: "the maintenance window is Sunday 2:00-4:00"
# (an "impact window" or "outage window" is the outage itself)
_WINDOW = Lazy(
    r"\b(?:maintenance|scheduled|planned|change|deploy(?:ment)?|release|upgrade|patch(?:ing)?)"
    r"\s++windows?(?:\s++[\w-]++){0,4}?:?"
    rf"(?:\s++(?:every\s++)?{WEEKDAY}s?,?)?\s*+$",
    re.I,
)
# a time inside the brackets of a schedule, opening hours or a window: "the default schedule
# (20 °C from 06:00 to 22:00)", "business hours (09:00–17:00)"; not a length's brackets ("~21.5
# hours (09:45 UTC → 07:07 UTC)", "two hours (from 1 to 3 PM)": the outage's own range)
_BRACKETED_SCHEDULE = Lazy(
    r"\b(?:schedules?|(?P<hours>hours)|windows?|timetables?|rota)\s*+\([^()]*+$", re.I
)
_QUANTITY = re.compile(
    r"(?<![\w.,])(?:[~≈]?\d[\d.,½]*+\+?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|few|several|many)\s*+$",
    re.I,
)
# a range of times that recurs or is planned, named earlier in its clause: "business hours
# (08:00-18:00)", "the default schedule (20 °C from 06:00 to 22:00)", "the support rota runs
# 07:00-19:00"; the outage's own range is never called an hours, schedule or rota
_SCHEDULE_NOUN = Lazy(
    r"\b(?:schedules?|timetables?|rotas?|shifts?|opening\s++times"
    r"|(?:business|office|opening|working|support|school|trading|staffed|core|peak|off-peak"
    r"|quiet|normal|usual)\s++hours)\b(?P<gap>[^.;!?\n]{0,24})$",
    re.I,
)
# a fact sheet's row about a change, whose range is the change's ("| Related change | CHG-12 —
# schema migration, 22:00-23:30 |", "Change window: 22:00-23:30"): not the outage's row
_CHANGE_ROW = Lazy(
    r"^\s*+(?:[|*_-]\s*+)*+(?:[\w-]++\s++){0,2}?"
    r"(?:change|maintenance|deploy(?:ment)?|release|migration|upgrade|patch(?:ing)?)s?"
    r"(?:\s++(?:window|ticket|id|record|request))?[\s*_]*+[|:]",
    re.I,
)
# a window for counting, named before a range of times in its clause: "the help desk
# received 812 calls and 300 chats about it between 02:14 and 12:00", "we processed 6,870
# orders from 06:00 to 10:00" (not "14,000 requests failed between 10:00 and 12:30")
_COUNT = (
    r"\b(?:received|handled|took|answered|fielded|logged|processed|sent|placed|opened|filed"
    r"|raised|recorded|counted|got)\s++(?:(?:about|approximately|around|over|some|nearly"
    r"|roughly|more\s+than)\s++)?\d[\d,.]*+k?\s++(?:[\w-]++\s++){0,2}?"
    r"(?:calls|contacts|chats|tickets|complaints|e-?mails|messages|orders|enquiries|inquiries"
    r"|mentions|posts|tweets|reviews|texts|sms|bookings|sign-?ups|refunds)\b"
)
_COUNTED = Lazy(rf"{_COUNT}[^.;!?\n]{{0,80}}?\b(?:between|from)\s*+$", re.I)
# or after the range, in the same clause: "between 02:14 and 12:00 the help desk logged 812
# calls"
# calls"; not "from 10:00 to 11:00 checkout failed and support received 300 tickets"
_COUNTED_AFTER = Lazy(rf"\A(?P<gap>[^.;!?\n]{{0,80}}?){_COUNT}", re.I)
_RANGE_NEXT = re.compile(r"(?:-|–|—|to\b|until\b|and\b)\s*+\d")
_QUOTES = {'"': '"', "“": "”"}


def _in_quotes(text: str, start: int) -> bool:
    """Whether text[start] stands inside a pair of double quotes on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    at = start - line_start
    for opening, closing in _QUOTES.items():
        before = line[:at]
        if opening == closing:
            if before.count(opening) % 2 == 1 and opening in line[at:]:
                return True
        elif before.rfind(opening) > before.rfind(closing) and closing in line[at:]:
            return True
    return False


def _example(clause: str) -> bool:
    """Whether the clause ends inside an example: after "for example" with no closing bracket
    or verb since."""
    found = _EXAMPLE.compiled.search(clause)
    return found is not None and not _EXAMPLE_ENDED.compiled.search(found["tail"])


def _scheduled(clause: str) -> bool:
    """Whether the clause ends in a recurring range's name and a few words that tell of no
    failure ("business hours (", but not "business hours, checkout failed from")."""
    found = _SCHEDULE_NOUN.compiled.search(clause)
    return found is not None and FAILURE.compiled.search(found["gap"]) is None


def _counted(text: str, clause: str, end: int) -> bool:
    """Whether a range that starts at `end` is a window for counting, by the words before it
    or after it in its clause."""
    if _COUNTED.compiled.search(clause):
        return True
    after = _COUNTED_AFTER.compiled.match(text[end : end + 200])
    return after is not None and FAILURE.compiled.search(after["gap"]) is None


def _bracketed_schedule(clause: str) -> bool:
    """Whether the clause ends inside the brackets of a schedule or a window, not those of a
    length in hours ("lasted 3 hours (10:00-13:00)")."""
    found = _BRACKETED_SCHEDULE.compiled.search(clause)
    if found is None or not found["hours"]:
        return found is not None
    return _QUANTITY.search(clause, max(0, found.start() - 16), found.start()) is None


def not_the_outage(text: str, start: int, end: int, counting: bool = True) -> bool:
    """Whether the clock time at text[start:end] is a schedule, an example, a quotation or
    the start of a planned or recurring range ("the maintenance window is Sunday 2:00-4:00",
    "business hours (08:00-18:00)", a change's row in a fact sheet) rather than a moment of
    the outage; with `counting`, the start of a window for counting ("received 812 calls
    between 02:14 and 12:00"), which the summary's reader lets stand when it gives no other
    time."""
    before = _EG.sub("eg", text[max(0, start - 80) : start])
    clause = re.split(r"[.;!?]\s|\n\n", before)[-1]
    range_next = _RANGE_NEXT.match(text, run_end(SPACE_RUN, text, end))
    window = range_next and (
        _WINDOW.compiled.search(clause)
        or _scheduled(clause)
        or (counting and _counted(text, clause, end))
    )
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return bool(
        _SCHEDULE.compiled.search(clause)
        or _example(clause)
        or window
        or _in_quotes(text, start)
        or _bracketed_schedule(clause)
        or _CHANGE_ROW.compiled.match(line)
    )
