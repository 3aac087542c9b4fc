"""The owner a task names among its tracker fields in brackets, in any order: "(Amara and
Kofi, 12 March)", "(OPS-412, Lena Fischer, 3 Sept)", "(INC-77, Payments Platform)", "(Head of
Customer Operations, by 30 June)", or alone in brackets right after its date ("**By 12 May
(Infra):**"). The fields beside the name make the brackets an assignment: a name among words
that are not a ticket, a date or a status ("(see the Grafana board, Ops)") is none."""

from __future__ import annotations

import re

from .times import MONTHS

_GROUP = re.compile(r"[(\[]([^()\[\]\n]{2,160})[)\]]")
_SPLIT = re.compile(r"[,;/|·]")
# a person, people, a team or a role: capitalised words, joined by "of", "and", "&", "for",
# "the" ("Director of Digital Services", "Amara and Kofi", "Payments Platform", "Mobile team")
_WORD = r"[A-Z][\w'’.-]*"
_WHO = re.compile(
    rf"@[\w.-]{{2,}}|{_WORD}(?:\s+(?:(?:of|and|&|for|the|de|van|von)\s+)*{_WORD}){{0,4}}"
    r"(?:\s+(?:team|squad|group|on-?call))?"
)
# capitalised words that are no one: a date, a priority, a status, a stage, a pointer
_NOT_WHO = re.compile(
    rf"(?i:(?:{MONTHS}"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|q[1-4]"
    r"|high|medium|low|critical|urgent|priority|p[0-4]|sev\d?|phase|step|stage|part|round"
    r"|optional|stretch|note|see|done|shipped|completed?|fixed|closed|open|pending|planned"
    r"|ongoing|blocked|proposed|in progress|todo|tbd|tba|wip|eta|target|due|by|before|until"
    r"|next|end|owner|ticket|status|appendix|section|figure|table|page)\b)"
)
# a field that tracks the task: a ticket, a date or target, or a status with its date
_TRACKED = re.compile(
    r"\b[A-Z][A-Z0-9]+-\d+\b|#\d+\b|\b\d{4}-\d\d(?:-\d\d)?\b|\bQ[1-4]\b"
    r"|(?i:\b(?:by|due|before|until|target|eta|next|end of|from)\b)"
    r"|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"|(?i:\b(?:released|shipped|done|fixed|landed)\s+in\s+v?\d)"
)
# a date or ticket right before a bracket that holds only the owner: "By 12 May (Infra)"
_DATED_BEFORE = re.compile(
    r"(?:\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\b\d{4}-\d\d-\d\d"
    r"|\bQ[1-4](?:\s+\d{4})?|\b[A-Z][A-Z0-9]+-\d+)\s*+$"
)


def _is_who(field: str) -> bool:
    return (
        _WHO.fullmatch(field) is not None
        and not _NOT_WHO.match(field)
        and not _TRACKED.search(field)
    )


def fielded_owner(text: str) -> str | None:
    """The owner named in brackets beside the task's ticket, date or status, or alone in
    brackets right after its date."""
    for m in _GROUP.finditer(text):
        fields = [f.strip(" \t*_") for f in _SPLIT.split(m.group(1)) if f.strip(" \t*_")]
        who = [f for f in fields if _is_who(f)]
        rest = [f for f in fields if f not in who]
        if not who or len(who) > 2:
            continue
        if rest and all(_TRACKED.search(f) for f in rest):
            return who[0]
        if not rest and _DATED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            return who[0]
    return None
