"""The timeline entry just before the words' entry: what a fix told as done refers back to.

A timeline tells a fix in steps: one entry finds and names the fault ("16:00 pinpointed it:
worker processes and open file limits") or makes a named change ("12:10 the connection pool
size was increased"), the next tells it done ("16:30 settings were tweaked", "the team fixed
the bug", "normal service resumed"). The entry before answers what was changed when it both
names the thing (a setting, a named thing, or the words' own answers) and tells a finding
or a change, and the words refer back to it rather than bring in a new, unnamed fix ("applied a
quick fix"); an entry that only raised an alert or looked somewhere answers nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .vague_markers import TESTS
from .vague_place import CLAUSE_END, Place

_ENTRY_KINDS = ("item", "row", "paragraph")
# the entry before found the fault ("found that the cause was …", "pinpointed the real
# problem: …") or changed something ("the pool size was increased")
_FOUND_OR_CHANGED = re.compile(
    r"\b(?:found|identified|pinpointed|discovered|traced|determined|diagnosed|spotted"
    r"|narrowed down|isolated)\b|\b(?:the|its) (?:root |real |actual |underlying )?cause\b"
    r"|\bthe (?:real|actual|root|underlying) (?:problem|issue|fault)\b"
    r"|\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:increased|raised|decreased"
    r"|lowered|reduced|changed|updated|replaced|reverted|rolled back|patched|removed|corrected"
    r"|renamed|set|resized|upgraded|downgraded|disabled|enabled)\b"
    # or did it, to a thing it names after the verb ("manually started the Apache service",
    # "reverted commit 4f2a91c"; not "started investigating the logs")
    r"|\b(?:re)?start(?:ed)?\s+(?:up\s+)?(?:the\s+|our\s+|its\s+)?(?!(?:investigat|look|work|check"
    r"|troubleshoot|debug|analy[sz]|digg|search|review)\w*\b)[\w`/.-]*[a-z]"
    r"|\b(?:rebooted|reverted|rolled back|redeployed|reinstalled|reloaded|replaced|removed|renamed"
    r"|corrected|patched|disabled|enabled|upgraded|downgraded|increased|raised|lowered|reduced"
    r"|changed|updated|reconfigured|renewed)\s+(?:the\s+|our\s+|its\s+)?[\w`/.-]*[a-z]"
)


# a fix the words bring in as a new, unnamed thing ("applied a quick band-aid fix", "a hotfix
# was deployed"): the entry before found the fault, not what this fix changed
_NEW_FIX = re.compile(
    r"\b(?:a|an|some|another)\s+(?:[\w-]+\s+){0,2}?(?:fix|fixes|patch|patches|hotfix|hotfixes"
    r"|solution|workaround|band-aid|change|changes|tweaks?|adjustments?)\b"
)


def entry_before(place: Place) -> str:
    """The lower-cased text of the timeline entry just before the words' entry, when the words
    stand in the first sentence of their entry; else ""."""
    if "timeline" not in place.section.kinds or place.block.kind not in _ENTRY_KINDS:
        return ""
    if place.spans and place.sentence != place.spans[0]:
        return ""
    if _NEW_FIX.search(CLAUSE_END.split(place.before)[-1] + " " + place.words):
        return ""
    blocks = place.section.blocks
    at = next(k for k, b in enumerate(blocks) if b is place.block)
    before = blocks[at - 1] if at else None
    if before is None or before.kind != place.block.kind or before.depth != place.block.depth:
        return ""
    return before.lower


def answered_before(place: Place, tests: Iterable[Callable[[str], object]]) -> bool:
    """The entry just before finds the fault or makes a change, and names what it is: a
    setting, a named thing, or one of the words' own `tests`."""
    text = entry_before(place)
    if not text or not _FOUND_OR_CHANGED.search(text):
        return False
    return any(test(text) for test in (*tests, TESTS["setting"], TESTS["specific"]))
