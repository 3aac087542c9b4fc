"""The moment the timeline has the service back: the outage cannot have ended before it.

"From 14:02 to 14:49 … " in a summary whose timeline says "15:02 – reload; the site loads
again" states an end the document itself contradicts, even when some other entry (an
investigation step at 14:51) happens to lie near 14:49.
"""

from __future__ import annotations

import re
from datetime import date

from ..models import Document, TimelineEntry, TimeRef
from ..text.prefilter import Lazy
from .timeline_match import gap, timeline_times
from .timeline_order import entry_dates, timed

# An entry that reports the service working again ("the site was restored", "API back
# online", "uploads work again", "error rate back to normal"); not an action on something
# else ("restored the database from the backup", "took a back up of the volume").
_BACK = Lazy(
    r"\b(?:(?:is|was|were|are|been|be|got|came|comes|come|went|now|fully|successfully)"
    r"|(?:service|site|website|traffic|access|api|app|application|systems?|everything"
    r"|operations?))\s+(?:\w+\s+)?(?:restored|recovered|back\s+(?:up|online))\b"
    r"|\b(?:back|returned) to (?:normal|baseline)\b"
    r"|\b(?:loads?|loading|works?|working|available|online|up|serving \w+) again\b",
    re.I,
)
# ...not a denial of it, nor a later confirmation of a recovery that came earlier.
_NOT_BACK = Lazy(
    r"\b(?:not|n't|no|never|still|yet|confirm\w*|verif\w*|all[- ]clear|declar\w*|stable"
    r"|monitor\w*|expect\w*|should|would|attempt\w*|tr(?:y|ied|ies))\b|n't\b",
    re.I,
)
# An entry near the stated end that may itself be the recovery, in other words: a fix applied.
_FIX = Lazy(
    r"\b(?:deploy\w*|revert\w*|roll(?:ed|ing)? ?back|rollback|restart\w*|reload\w*|fix\w*"
    r"|patch\w*|appl(?:y|ied|ies)|correct\w*|chang\w*|updat\w*|edit\w*|repair\w*|resolv\w*"
    r"|mitigat\w*|rebooted|replaced|removed|disabled|enabled|scaled|failed over|fail-?over)\b",
    re.I,
)


def recovery_after(
    doc: Document, end: TimeRef, day: date | None, tolerance: int
) -> TimelineEntry | None:
    """The timeline's first entry reporting the service back, when it comes more than
    `tolerance` minutes after the stated `end` and no entry near `end` tells of a fix or a
    recovery (then `end` may be that moment). Entries dated another day than `day` are
    passed over."""
    entries = _same_day(doc, day)
    back = next((e for e in entries if _says_back(e.block.text)), None)
    if back is None or back.time is None:
        return None
    d = gap(end, back.time)
    if d is None or d <= tolerance or _near_fix(entries, end, tolerance):
        return None
    if any(t.minutes == end.minutes for t in timeline_times(doc)):
        return None
    return back


def _says_back(text: str) -> bool:
    """Whether a clause of the entry says the service is back, and does not deny it."""
    return any(
        _BACK.compiled.search(c) and not _NOT_BACK.compiled.search(c)
        for c in re.split(r"[.;!?]\s", text)
    )


def _near_fix(entries: list[TimelineEntry], end: TimeRef, tolerance: int) -> bool:
    for e in entries:
        d = gap(end, e.time) if e.time is not None else None
        if d is not None and abs(d) <= tolerance and _FIX.compiled.search(e.block.text):
            return True
    return False


def _same_day(doc: Document, day: date | None) -> list[TimelineEntry]:
    entries = timed(doc)
    if len(entries) < 2:
        return []
    if day is None:
        return entries
    return [e for e, (d, _) in zip(entries, entry_dates(doc), strict=True) if d in (None, day)]
