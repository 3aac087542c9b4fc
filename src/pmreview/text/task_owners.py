"""Who owns a task, as its text writes it: "owner: Dana", "@dana", "(Dana)", "— Dana Lee",
"— **Dana**", "[Tunde]", "(Provisioning, target Q3)", "Dana will add …", "**Dana:** add …",
"**Support (Lena Ortiz):** add …".
A table's Owner column is read in task_assignment.py."""

from __future__ import annotations

import re

from ..models import Document, per_document
from .task_fields import fielded_owner
from .verb_forms import action_words, verbs

# A status or kind in parentheses is no name: "(Ongoing)", "(optional)", "(done)".
_STATUS = (
    r"(?:ongoing|done|complete|completed|planned|pending|open|blocked|proposed|optional|stretch"
    r"|recurring|continuous|deferred|later|todo|wip|investigating|agreed|urgent|priority)"
)
# A value that names no owner yet: "owner: TBD", "(Owner - unassigned)".
_NOBODY = r"(?i:tbd|tba|unassigned|none|nobody|n/a|\?|-)(?![\w-])"
# a team by its usual acronym ("**SRE:** add …", "[QA] Add …", "SRE to add …"); not a topic
# ("**CI:** add …", "**DNS:** lower …")
_ACRONYM_TEAM = r"(?:SREs?|QA|DBAs?|NOC|SOC|IT|DevOps|SecOps|NetOps|PMO)(?![\w-])"
# An owner written in the task: "owner: Dana", "@dana", "assigned to", "(Dana)", "— Dana Lee".
_OWNER = re.compile(
    r"\b(?:owner|assignee|assigned(?= to\b|\s*[:=])(?: to)?|owned by|responsible)"
    rf"\s*+[:=-]?+\s*+(?!{_NOBODY})@?[\w .-]+"
    r"|@[\w-]{2,}"
    rf"|\((?!{_STATUS}\))(?:[A-Z][a-z]+|[\w-]+ team|on-?call|sre|dba|ops)"
    r"(?:\)|,\s*(?:by|due|before)\b)"
    rf"|\b(?:owners?|assignee|dri|lead)\s*[:=(](?!\s*+{_NOBODY})",
    re.IGNORECASE,
)
# One or two names ("Dana", "Dana Lee", "Ama, Kofi", "Dana Okafor & Lee"; not "Monday"), and
# a dash before them ("—", "–", "--")
# a name may end in an initial or a letter that stands for a person ("Dana K.", "Person B")
_NAME = (
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][a-z]+"
    r"(?: [A-Z][a-z]+| [A-Z](?:\.|\b(?![.'’-]\w)))?"
)
_NAMES = rf"(?:{_NAME}(?:(?:,| and| &) {_NAME})?|me)"
_DASH = r"(?:[—–]|--)"
# A name at the item's end, after a dash, may carry its date or, after one more dash, its
# ticket, date or status: "— Dana, by 21 March", "— me", "— Checkout — CHK-12", "– Networks –
# 28 Feb", "– Service Desk – by 3 March", "- Infra - DONE, renewed".
_DUE_FIELD = (
    r"[A-Z][A-Z0-9]+-\d+|#\d+|(?:by\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{4}-\d\d-\d\d|Q[1-4](?:\s+\d{4})?)"
    r"|(?i:done|complete|completed)\b[^—–\n]{0,40}"
)
_OWNER_NAME = re.compile(
    rf"\((?!(?i:{_STATUS})\))(?:{_NAMES}|[\w-]+ team)\)\s*(?:\.\s*)?$|"
    rf"{_DASH}\s*+{_NAMES}"
    r"(?:,\s*(?:by|due|before)\s[^—–\n]{1,30}?)?"
    rf"(?:\s*[—–]\s*+(?:{_DUE_FIELD}))?\s*(?:\.\s*)?$",
    re.M,
)
# A team as the subject of what will be done, after a condition that opens the item: "If the
# queue stalls, our payments team will page …", "When a key expires, the SRE team is to …".
_TEAM_WILL = re.compile(
    r"\b(?:our|the)\s++(?:[\w-]++\s++){0,3}?team\s++(?:will|shall|is\s+to|are\s+to)\s++"
    r"(?!be\b|not\b|never\b)[a-z]"
)
# The same name in bold or italics, or a team, or with its date in parentheses: "— **Dana**",
# "— *Dana Lee* (done 2 May)", "— Search team", "— Dana (by 3 May)".
_OWNER_MARKED = re.compile(
    r"[—–]\s*+(?:(?:\*\*|__|\*|_)[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:\*\*|__|\*|_)"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)? team|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=\s*\((?i:by|due|before"
    r"|target|eta)\b))(?:\s*\([^()\n]{1,30}\))?\s*(?:\.\s*)?$",
    re.M,
)
# A name in square brackets at the item's end: "… deploy.sh [Tunde]", "[SRE team]".
_OWNER_BRACKETED = re.compile(
    rf"\[(?!(?i:{_STATUS})\])(?:@?[A-Z][a-z]+(?: [A-Z][a-z]+)?|[\w-]+ team)\]\s*+(?:\.\s*+)?$", re.M
)
# The owner as the item's subject: "Dana is moving …", "**Ana** will add …", "Platform team to
# rotate …", "Kofi and Ama will write …", "@lee to pin …" ("X will be …" has no owner).
_OWNER_SUBJECT = re.compile(
    r"\A\s*(?:(?:[-*+•]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:(?:TODO|Action):?\s+)?(?:\*\*|__|\*|_)?"
    rf"(?P<who>@[\w-]+|{_ACRONYM_TEAM}|(?:the\s+)?[A-Z][\w-]*\s+team|[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+"
    r"|\s+[A-Z][a-z]+)?)(?:\*\*|__|\*|_)?\s+(?:(?:is|are)\s+(?!being\b|going\b)\w+ing\b"
    r"|(?:will|to|shall|['’]ll)\s+(?P<verb>[a-z]+)\b)"
)

# A team by its initials as the subject of what it will do: "ICL to subscribe to …", "PSG will
# add …" (not "DNS is failing", a state, nor "API to return 429", when the document writes
# "api" in lower case).
_INITIALS_SUBJECT = re.compile(
    r"\A\s*(?:(?:[-*+•]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__)?(?P<who>[A-Z]{2,6})(?:\*\*|__)?"
    r"\s+(?:will|to|shall)\s+(?P<verb>[a-z]+)\b"
)


# A team or person opening a parenthesis that then gives the task's date or ticket:
# "(Provisioning, target Q3 2024)", "(Dana Lee, ETA June)", "(SRE, OPS-88)", "[Platform / Q3]".
_OWNER_THEN_DUE = re.compile(
    r"[(\[](?!(?:Optional|Stretch|Priority|High|Medium|Low|Note|Open|Blocked|Pending|Planned"
    r"|Ongoing|Done)\b)(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?(?: team)?|[A-Z]{2,6})\s*[,/·|;]\s*"
    r"(?=(?i:target|eta|due|by|before|until|ahead of|in time for|Q[1-4]|next|end of)\b"
    r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d{1,2} [A-Z][a-z]{2}"
    r"|\d{4}-\d\d|[A-Z][A-Z0-9]+-\d+\b|#\d+\b)"
)
# A name as the item's label, then what to do: "**Dana:** add …", "[Dana] Add …", "(SRE team)
# Rotate …", "Dana — add …".
_WHO = rf"@[\w-]+|{_ACRONYM_TEAM}|[A-Z][\w-]*\s+team|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
_OWNER_LABEL = re.compile(
    r"\A\s*(?:(?:[-*+•]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__|\*|_)?"
    rf"(?:[\[(](?P<enclosed>{_WHO})[\])]:?|(?P<who>{_WHO})(?:\*\*|__|\*|_)?(?:\s*+:|\s++[—–-]))"
    r"(?:\*\*|__|\*|_)?\s++(?P<next>[A-Za-z]+)"
)
# A team and its person as the item's label: "**Support (Lena Ortiz):** add …", "[Ops / J.
# Park] Rotate …", "**Billing, Ana Kowalski:** add …" (the person is read as a name below).
_PERSON = r"(?:[A-Z]\.\s?[A-Z][a-z'’-]+|[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?(?:\s[A-Z]\.)?)"
# after a slash or a comma only a full name ("Ops / J. Park"; not "Monitoring/Backups")
_FULL_NAME = r"(?:[A-Z]\.\s?[A-Z][a-z'’-]+|[A-Z][a-z'’-]+\s[A-Z](?:[a-z'’-]+|\.))"
_PAIR_LABEL = re.compile(
    r"\A\s*+(?:(?:[-*+•]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__|\*|_)?[\[(]?"
    r"[A-Z][\w&-]*+(?:\s[A-Z][\w&-]*+){0,2}"
    rf"(?:\s?\((?P<a>{_PERSON})\)|\s?[/,·|]\s?(?P<b>{_FULL_NAME}))"
    r"[\])]?:?(?:\*\*|__|\*|_)?:?\s+(?P<next>[A-Za-z]+)"
)


def _pair_label(doc: Document, text: str) -> str | None:
    """The person of a label that names a team and its person, when what follows is an
    action and the person's words are no phase, priority or product."""
    m = _PAIR_LABEL.match(text)
    if m is None or m["next"].lower() not in verbs():
        return None
    who = m["a"] or m["b"]
    if any(w.lower().strip(".") in action_words("not_person_words") for w in who.split()):
        return None
    return _named(doc, who)


def _subject(doc: Document, text: str) -> str | None:
    """The person or team the item opens with as the one who will do it ("Dana will add …"),
    or names in front of it as a label ("**Dana:** add …", "[Dana] Add …", "Search team — add
    …"), unless the name is a word the document also writes in lower case, as it writes a
    tool or a thing ("Puppet will apply …" beside `puppet apply`) but not a person's name, or
    a kind of work ("Monitoring: add …", "Training: run …")."""
    m = _OWNER_SUBJECT.match(text) or _INITIALS_SUBJECT.match(text)
    if m is not None:
        verb = m["verb"]
        if verb in _NO_ACTION or (verb and verb not in verbs()):
            return None
    else:
        m = _OWNER_LABEL.match(text)
        if m is None or m["next"].lower() not in verbs():
            return None
    return _named(doc, (m["who"] or m["enclosed"]).removeprefix("the ").strip())


def _named(doc: Document, who: str) -> str | None:
    if re.fullmatch(_ACRONYM_TEAM, who):
        return who
    names = [w for w in who.split() if w not in ("and", "&")]
    first, last = names[0].lower(), names[-1].lower()
    if first in action_words("not_owners") or first in verbs():
        return None
    if who.startswith("@") or last == "team":
        return who
    if last.endswith(("ing", *action_words("np_suffixes"))):
        return None  # a kind of work, not a name
    lower = _lower_words(doc)
    return None if any(n.lower() in lower for n in names) else who


_NO_ACTION = frozenset(["be", "not", "no", "never", "also", "now", "still", "always", "only"])


@per_document  # every task of the document asks
def _lower_words(doc: Document) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z]+\b", doc.source.text))


def written_owner(doc: Document, text: str) -> str | None:
    """The owner a task's text names, or None."""
    for pattern in _WRITTEN:
        m = pattern.search(text)
        if m:
            return m.group(0).strip()
    return fielded_owner(text) or _subject(doc, text) or _pair_label(doc, text)


_WRITTEN = (_OWNER, _OWNER_NAME, _OWNER_MARKED, _OWNER_THEN_DUE, _OWNER_BRACKETED, _TEAM_WILL)
