"""General readings of where vague words stand and what their sentence names
(rules/vague_context.py): the role of the section (one that recaps or frames the document
tells no claim of its own there) and a measure that builds a named check ("Add automated tests
for the Nginx configuration files": a task someone can pick up and finish)."""

from __future__ import annotations

import re

from ..checks.semantics import specific_terms
from .vague_markers import marked
from .vague_place import CLAUSE_END, Place

# the section kinds that tell what happened or what will be done: a section of any of them is
# the account or the plan, whatever its title says
_TOLD_KINDS = frozenset(
    {"summary", "impact", "duration", "root_cause", "trigger", "resolution", "timeline"}
    | {"detection", "escalation", "misleading", "measures", "lessons", "action_items"}
)


def recaps(place: Place) -> bool:
    """The words stand in a part that recaps or frames the document rather than tells it (a
    conclusion, closing remarks, a status update, a severity rationale: its title says so
    and it is of no kind that tells the incident or the measures): what it says again or sums
    up is judged where the document tells it, not here."""
    titled = [s for s in place.sections if s.title]
    if any(s.kinds & _TOLD_KINDS for s in place.sections) or not titled:
        return False
    return marked("recap_title")(titled[-1].title.lower())


# a measure that builds a check: a verb of building, the kind of check (at most two words of
# how it runs: "automated", "integration", "detailed"), and what it checks ("for the Nginx
# configs", "to verify the login flow"); a word of degree ("better", "more") leaves it a wish
_BUILDS_CHECK = re.compile(
    r"(?:add|adding|added|implement(?:ed|ing)?|introduc(?:e|ed|ing)|set(?:ting)? up|setup"
    r"|creat(?:e|ed|ing)|build(?:ing)?|built|writ(?:e|ing)|wrote|deploy(?:ed|ing)?"
    r"|install(?:ed|ing)?|enabl(?:e|ed|ing)|configur(?:e|ed|ing))\s+"
    r"(?:(?:automated|automatic|real-time|unit|integration|end-to-end|e2e|load|smoke|syntax"
    r"|regression|canary|health|config(?:uration)?|detailed)\s+){0,2}"
    r"(?:tests?|testing|checks?|alerts?|alerting|monitoring|monitors?|validations?|probes?"
    r"|linting)\b(?:\s+(?:and|&)\s+(?:alerts?|alerting|monitoring|tests?|testing|checks?))?"
    r"(?:\s+(?:alerts?|checks?|procedures?|jobs?))?\s+(?:specifically\s+)?"
    r"(?:for|on|of|in|covering|against|to\s+(?:verify|validate|detect|catch|check|test"
    r"|monitor|track|watch))\s+([^,.;:()\n]+)"
)


def builds_named_check(place: Place) -> bool:
    """The measure builds a check of a kind named by its words ("Add automated tests", "Implement
    monitoring") on a part it names ("for the Nginx configuration files", "for server memory and
    disk usage", "to verify the authentication flow"), and the words stand in that clause."""
    text = place.block.lower
    s, e = place.sentence
    lead = _LEAD.match(text[s:e])
    m = _BUILDS_CHECK.match(text, s + (lead.end() if lead else 0), e)
    if m is None:
        return False
    part = _NEXT_TASK.split(m.group(1), maxsplit=1)[0]  # "… for the Nginx configs and be careful"
    if place.span[0] >= m.start(1) + len(part):
        return False
    return any(len(w) > 2 and not _unnamed(w) for w in re.findall(r"[a-z][\w-]*", part))


def _unnamed(word: str) -> bool:
    """A word that names no part of the system (vague.toml [context] `unnamed_word`)."""
    return marked("unnamed_word")(word)


# the clause of a second task after the named part ("and be more careful", "and review …")
_NEXT_TASK = re.compile(r"\s(?:and|&|then)\s+(?=(?:be|make|review|improve|ensure|enhance|also)\b)")


# list marker, checkbox, emoji and a bold or colon label before the sentence's first word
_LEAD = re.compile(
    r"^[\s>#+•—–✅✔️☐-]*(?:[*]\s+)?(?:\d+[.)]\s*)?(?:\[[ xX]\]\s*)?"
    r"(?:\*\*[^*\n]{1,60}\*\*:?\s*|[a-z][\w ]{0,40}:\s+)?[*_]*\s*"
)


# the part a fault is placed in, right after the words ("a bug in the crates.io webapp", "a
# problem in the CacheKV store", "a misconfiguration of our admin-announce list in Mailgun")
_PLACED = re.compile(r"\W{0,3}(?:in|of|with|within|inside)\s+((?:\S+\s+){0,7}\S+)")


def placed_in_named(place: Place) -> bool:
    """The words place the fault in a part they name by a concrete name (a product, a file, a
    version, a name of the system's own: `specific_terms`), in their clause: where to look
    is named, not "some framework problem"."""
    text = place.block.text
    after = CLAUSE_END.split(text[place.span[1] : place.sentence[1]], maxsplit=1)[0]
    m = _PLACED.match(after)
    if m is None:
        return False
    return bool(specific_terms(m.group(1))) or _NAME.search(m.group(1)) is not None


# a name of the system's own, as written: code or bold, a dotted or hyphenated identifier
# ("crates.io", "admin-announce"), a mixed-case or capitalised name ("CacheKV", "Mailgun");
# an acronym alone ("the API", "DNS") names only an area
_NAME = re.compile(
    r"`[^`]+`|\*\*[^*]+\*\*|(?<![\w.-])[a-z0-9]++[.-][a-z][a-z0-9]*+(?:[.-][a-z0-9]++)*+"
    r"|\b[A-Za-z]*[a-z][A-Z]\w*|\b[A-Z][a-z]{2,}\b"
)
