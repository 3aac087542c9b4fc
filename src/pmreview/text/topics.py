"""Whether an action item names a topic (a noun phrase with no verb: "Better alerts",
"Monitoring improvements", "Documentation of the failover") rather than a task (PM501).

No word list knows every verb, so a topic is read from positive signs of a noun phrase, never
from a first word missing from data/verbs.txt: an item opening with an unknown word ("Compute
…", "Load test …", "Triage …") may be an imperative and is not a topic. The signs are data
(`np_openers`, `np_suffixes`, `abstract_heads`, `finite_verbs` in data/actions.toml).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import dropwhile, takewhile

from .verb_forms import PREPOSITIONS, WORD, action_words, gerund_of, verbs

_DETERMINERS = frozenset(
    ["a", "an", "the", "our", "their", "its", "this", "these", "those", "my", "your", "all"]
    + ["every", "each", "any", "some", "it", "them"]
)
_SUBJECTS = frozenset(
    ["we", "we're", "we'll", "we've", "we'd", "i", "i'm", "i'll", "i've", "i'd", "they"]
    + ["they're", "they'll", "they've", "you", "you'll", "you're", "someone", "somebody"]
)
# where the head of a noun phrase ends: a preposition or a conjunction
_BOUNDARIES = PREPOSITIONS | frozenset(
    ["per", "before", "after", "within", "during", "when", "if", "so", "that", "which", "into"]
    + ["between", "against", "via", "using", "under", "over", "or", "until", "once"]
)
# A sentence or clause of an item ends at . ! ? ; or a dash between words.
_CLAUSE_END = re.compile(r"[.!?;](?:\s|$)|\s[—–]\s|\s-\s")


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(action_words("np_suffixes"), key=len, reverse=True))


def clauses(text: str) -> list[str]:
    """The sentences and clauses of an item, in order, empty ones left out."""
    return [c.strip() for c in _CLAUSE_END.split(text) if c and c.strip()]


def _nominal(word: str) -> bool:
    """A noun or an adjective by its ending ("improvements", "observability"), or a plural
    ("alerts", "runbooks"), that verbs.txt does not hold as a verb."""
    if word in verbs() or len(word) < 4:
        return False
    if word.endswith(_suffixes()):
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "ys"))


def _gerund_topic(first: str, rest: list[str]) -> bool:
    """ "Monitoring", "Alerting on queue depth", "Monitoring improvements": an -ing word alone,
    before a preposition, or before a head that only says something will change."""
    if not (first.endswith("ing") and (gerund_of(first) or first not in verbs())):
        return False
    nxt = rest[0] if rest else ""
    return nxt == "" or nxt in PREPOSITIONS or nxt in action_words("abstract_heads")


def noun_phrase(clause: str) -> bool:
    """Whether a clause reads as a noun phrase with no verb: it opens with a determiner or an
    adjective ("Better alerts"), a noun by its ending or a plural ("Improvements to …",
    "Alerts for …"), or an -ing topic ("Monitoring of disk"), and holds no verb of its own
    ("The drift happened when …", "Testing is part of CI" are statements)."""
    words = [w.group(0).lower().replace("’", "'") for w in WORD.finditer(clause)]
    if not words or words[0] in verbs() or words[0] in _SUBJECTS:
        return False  # "We're going to review …", "They'll audit …": a subject opens a clause
    if any(w in action_words("finite_verbs") for w in words):
        return False
    first, rest = words[0], words[1:]
    if first in action_words("np_openers") or _nominal(first) or _gerund_topic(first, rest):
        return True
    return _compound(words)


def _compound(words: list[str]) -> bool:
    """ "Status page automation", "Disk space alerting", "Pager rotation changes": two to four
    words with no determiner (an imperative's object mostly has one, or is plural: "Dockerize
    the cron jobs", "Shard tables"), ending in a noun by its ending, an -ing noun or a head that
    says only "change", before any preposition."""
    head = list(takewhile(lambda w: w not in _BOUNDARIES, words))
    if not 2 <= len(head) <= 4 or any(w in _DETERMINERS for w in head):
        return False
    last = head[-1]
    return (
        last.endswith(_suffixes())
        or (last.endswith("ing") and gerund_of(last) is not None)
        or last in action_words("abstract_heads")
    ) and last not in verbs()


def outcome_only(clause: str) -> bool:
    """Whether a noun phrase asks only for more or better of something, or for changes to it
    ("Better alerts at 5%", "Improvements to nginx.conf", "The alerting changes for db-1"):
    what it names does not make it a deliverable."""
    words = [w.group(0).lower() for w in WORD.finditer(clause)]
    words = list(dropwhile(lambda w: w in _DETERMINERS, words))
    if words and words[0] in action_words("outcome_openers"):
        return True
    head = takewhile(lambda w: w not in _BOUNDARIES, words)
    return any(w in action_words("abstract_heads") for w in head)


# Nouns that take "to" as a preposition, not as the infinitive of what they are for ("Access
# to deploy logs", "Exposure to load spikes"): after them "to" names no purpose.
_TO_NOUNS = frozenset(["access", "exposure", "attention", "commitment", "response", "move"])
# what a view or a record is for, verbs no action item opens with ("to see", "to show")
_SEEING = frozenset(["see", "show", "view", "spot", "know", "tell", "understand", "trace"])


def named_by_purpose(clause: str) -> bool:
    """Whether a noun phrase names a deliverable by what it will let someone do: its head, then
    "to" and a verb with its object ("The ability to see the backlog of events", "Audit logs
    for each job to show its run time", "A dashboard to compare replica lag"). The purpose is
    what a reader checks it against; "Improvements to deploy scripts" and "Access to deploy
    logs" name none."""
    words = [w.group(0).lower() for w in WORD.finditer(clause)]
    for i in range(1, len(words) - 2):
        verb = words[i + 1] in verbs() or words[i + 1] in _SEEING
        if words[i] == "to" and verb and words[i - 1] not in _TO_NOUNS:
            return words[i - 1] not in action_words("abstract_heads")
    return False
