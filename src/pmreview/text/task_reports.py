"""How an action item reports work, for is_done (task_parts.py): in a changelog's short style
("Alert added for replica lag"), or as work agreed on or begun but not finished ("We have
agreed to add …", "The team has started reviewing …")."""

from __future__ import annotations

import re

from .verb_forms import PREPOSITIONS, past_of, verbs

# Work agreed on or begun, not finished: "has agreed to add", "have decided to move", "have
# started reviewing", "have begun work on".
COMMITTED = re.compile(
    r"\b(?:has|have|['’]ve)\s+(?:(?:already|now|just|also)\s+)?(?:agreed|decided|committed"
    r"|chosen|planned|promised|started|begun|kicked off)\s+(?:to\s+[a-z]+|[a-z]+ing\b|work\s+on)",
    re.IGNORECASE,
)


def reported_in_brief(words: list[str]) -> bool:
    """Work done, reported in the short style of a changelog: a thing and what was done to it,
    then where or to what ("Alert added for replica lag", "Vendor case opened with the drive
    maker", "Backups moved to S3"). An imperative before an object and its state ("Keep
    backups encrypted at rest", "Get started with …") is a task, not a report."""
    for k in (1, 2, 3):
        if k + 1 >= len(words) or words[k + 1] not in PREPOSITIONS - {"and"}:
            continue
        participle = words[k] not in verbs() and past_of(words[k]) is not None
        opener_free = words[0] not in _TAKES_A_STATE and (k == 1 or words[0] not in verbs())
        if participle and opener_free and not set(words[:k]) & _NOT_A_THING:
            return True
    return False


# verbs that take an object and its state ("keep X encrypted"), and words that make the
# words before a participle no thing it was done to ("we", "to be", "should be")
_TAKES_A_STATE = frozenset(["keep", "get", "stay", "remain", "make", "have", "leave", "be"])
_NOT_A_THING = frozenset(
    ["we", "i", "you", "they", "be", "is", "are", "was", "were", "will", "should", "must", "to"]
)
