"""Document -> facts record: the JSON that a profile (JSON Schema) validates.

The record holds what pmreview found, never a verdict: which sections exist, the summary's
times and share of users, the timeline's entries, the measures' tasks, and for each semantic
element the sentence that shows it (or null). `schemas/facts.schema.json` documents it.
"""

from __future__ import annotations

import re
from typing import Any

from . import semantics as sem
from .models import Block, Document, Section, TimeRef
from .semantics import Evidence, find_sentence, lexicon
from .times import DURATION_RE, ZONE_RE, has_date, time_matches
from .views import (
    lines_of,
    measure_blocks,
    measure_items,
    sections_of,
    summary_blocks,
    summary_sections,
    summary_times,
)

_END_AFTER = re.compile(
    r"^[^.\n]{0,40}?\b(?:was|were|got|been|is)?\s*(?:fully\s+)?"
    r"(?:restored|resolved|recovered|back (?:up|online|to normal)"
    r"|fixed|mitigated|up and running|operational)\b",
    re.IGNORECASE,
)
_RANGE_END = re.compile(
    r"(?:\b(?:to|until|till|through|thru|and|end|ended|ending|end(?:ed)? at"
    r"|restored|resolved|recovered|fixed"
    r"|mitigated|back (?:up|online)|back to normal|lasted until|concluded|came back|returned)\b"
    r"|[-–—]|\bby)"
    r"[^.\n]{0,40}$",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"(?:\b\d{1,3}(?:\.\d+)?\s?%|\b\d{1,3}(?:\.\d+)?\s?percent\b"
    r"|\b(?:one|two|three|a|1|2|3)[ -](?:in|out of)[ -]\w+\b"
    r"|\b(?:half|a third|a quarter|two[- ]thirds|three[- ]quarters|one[- ]third"
    r"|a fifth|a tenth)\b(?: of)?"
    r"|\b\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+|our\s+|its\s+)?(?:total\s+)?\d[\d,]*"
    r"|\b(?:all|every|100 ?%|entire|each)\b"
    r"(?:\s+(?:of|the|our|its|their|active|registered|affected|\w+'s))*\s+"
    r"(?:\w+\s+)?(?:users?|customers?|clients?|subscribers?|visitors?|members?|players?"
    r"|merchants?|accounts?"
    r"|requests?|traffic|students?|learners?|tenants?|shoppers?|patients?"
    r"|user ?base|customer ?base))",
    re.IGNORECASE,
)
_SHARE_WHO = re.compile(
    r"\b(?:users?|customers?|clients?|subscribers?|visitors?|members?|players?|merchants?|accounts?|requests?"
    r"|traffic|students?|learners?|tenants?|shoppers?|people|calls|transactions|sessions|logins|queries|orders"
    r"|user ?base|customer ?base|readers|buyers|employees|staff)\b",
    re.IGNORECASE,
)
_NOT_SHARE = re.compile(
    r"\b(?:drop|increase|decrease|rise|fall|reduction|spike|growth|surge|cpu|memory|disk|load|utili[sz]ation"
    r"|revenue|sales|confusion|server|uptime|capacity|battery)\b",
    re.IGNORECASE,
)


def _ev(block: Block, start: int, end: int) -> Evidence:
    line, col = block.position(start)
    return {"quote": block.text[start:end], "line": line, "column": col}


def _time_fact(t: TimeRef) -> dict[str, Any]:
    return {"text": t.raw, "line": t.line, "column": t.column, "timezone": t.tz}


def _instants(times: list[TimeRef], blocks: list[Block]) -> list[TimeRef]:
    """Times, minus the ones that restate the previous one in another zone: "01:00 (22:00 GMT)"."""
    text = {
        n: line
        for b in blocks
        for n, line in zip(range(b.line, b.end_line + 1), b.text.split("\n"), strict=False)
    }
    out: list[TimeRef] = []
    for t in times:
        if out and out[-1].line == t.line:
            between = text.get(t.line, "")[out[-1].column - 1 + len(out[-1].raw) : t.column - 1]
            if re.fullmatch(r"[^()\n]{0,20}\(\s*|\s*/\s*|\s*(?:or|aka|i\.e\.)\s*", between):
                continue
        out.append(t)
    return out


def _end_time(times: list[TimeRef], blocks: list[Block]) -> TimeRef | None:
    text = {
        n: line
        for b in blocks
        for n, line in zip(range(b.line, b.end_line + 1), b.text.split("\n"), strict=False)
    }
    for t in times[1:] if len(times) > 1 else times:
        before = text.get(t.line, "")[: t.column - 1]
        if _RANGE_END.search(before[-50:]):
            return t
    for t in times:
        after = text.get(t.line, "")[t.column - 1 + len(t.raw) :]
        if _END_AFTER.search(after):
            return t
    return None


def _share(blocks: list[Block]) -> Evidence | None:
    for b in blocks:
        for m in _SHARE.finditer(b.text):
            after = b.text[m.end() : m.end() + 60]
            around = b.text[max(0, m.start() - 40) : m.end() + 60]
            near = m.group(0) + " " + " ".join(after.split()[:6])
            if _SHARE_WHO.search(near) and not _NOT_SHARE.search(" ".join(after.split()[:4])):
                return _ev(b, m.start(), m.end())
            if (
                re.search(r"\baffect|\bimpact", around, re.IGNORECASE)
                and _SHARE_WHO.search(around)
                and (not _NOT_SHARE.search(near))
            ):
                return _ev(b, m.start(), m.end())
    return None


def _summary(doc: Document) -> dict[str, Any]:
    secs = summary_sections(doc)
    blocks = [b for b in summary_blocks(doc) if b.kind != "heading" or b.text.strip()]
    text = "\n".join(b.text for b in blocks)
    titled = any(s.has("summary") for s in secs)
    present = bool(secs) and (
        titled and sem.words(text) >= 1 or sem.words(text) >= 8 and _tells_incident(text)
    )
    if not present:
        return {"present": None}
    times = summary_times(doc)
    instants = _instants(times, blocks)
    end = _end_time(instants, blocks)
    zoned = next((t for t in times if t.tz), None)
    duration = next((m for b in blocks for m in [DURATION_RE.search(b.text)] if m), None)
    dur_block = next((b for b in blocks if DURATION_RE.search(b.text)), None)
    start = instants[0] if instants and (end is None or instants[0] is not end) else None
    hedge = lexicon("hedge")
    impact = find_sentence(blocks, lexicon("symptom"), also=lexicon("component"), unless=hedge)
    if impact is None:
        impact = find_sentence(blocks, lexicon("symptom"), unless=hedge, cased=_PROPER)
    return {
        "present": {"line": secs[0].line or blocks[0].line, "title": secs[0].title},
        "start_time": _time_fact(start) if start else None,
        "end_time": _time_fact(end) if end else None,
        "duration": (
            _ev(dur_block, duration.start(), duration.end())
            if duration and dur_block
            else {"quote": "", "line": end.line, "column": end.column}
            if start and end
            else None
        ),
        "timezone": (
            _time_fact(zoned)
            if zoned
            else {
                "text": doc.zone_statement,
                "line": None,
                "column": None,
                "timezone": doc.zone_statement,
            }
            if doc.zone_statement and times
            else None
        ),
        "impact": impact,
        "affected_share": _share(blocks),
        "root_cause": _summary_cause(doc, blocks),
    }


_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z0-9]+(?:[ -][A-Z][A-Za-z0-9]+)*")
_INCIDENT = re.compile(
    r"\b(?:outage|incident|down\b|downtime|errors?|fail|crash|unavailab|disrupt|issue|problem"
    r"|impact|affected|users|customers|leak|breach|compromis|expos|vulnerab|exploit|malicious"
    r"|unauthori[sz]ed|attack|degrad|broke|stuck|slow)",
    re.IGNORECASE,
)


def _tells_incident(text: str) -> bool:
    """Opening text that tells an incident: its words, and when (a date or time)."""
    found = len(_INCIDENT.findall(text))
    if found != 1:
        return found >= 2
    return has_date(text) or next(time_matches(text), None) is not None


def _summary_cause(doc: Document, blocks: list[Block]) -> Evidence | None:
    cause_secs = [s for s in summary_sections(doc) if s.has("root_cause")]
    cands = [b for s in cause_secs for b in s.blocks] or blocks
    pattern = lexicon("cause") if not cause_secs else re.compile(r"\w{3,}")
    vague = lexicon("vague_cause")
    for b in cands:
        for s, e in sem.sentences(b):
            sentence = b.lower[s:e]
            m = pattern.search(sentence)
            if not m or sem.words(sentence) < 4:
                continue
            after = sentence[m.start() :]
            spans = sem.sentences(b)
            i = spans.index((s, e))
            nxt = b.text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
            if (
                sem.specific_terms(after)
                or not vague.search(after)
                or _names_thing(after, vague)
                or sem.specific_terms(nxt)
            ):  # "a firewall issue. The backup denied port 80."
                return sem.evidence(b, s, e)
    return None


def _names_thing(text: str, vague: re.Pattern[str]) -> bool:
    """A cause that names a component beyond its vague noun ("a misconfigured load balancer")."""
    rest = vague.sub(" ", text)
    return bool(
        re.search(
            r"\bmisconfigur|\bconfiguration\b|\bexpired\b|\bfull\b|\bleak|\bcorrupt|\bmissing\b"
            r"|\btypo\b|\bdeleted\b|\boverload",
            rest,
            re.IGNORECASE,
        )
    )


def _timeline(doc: Document) -> dict[str, Any]:
    secs = sections_of(doc, "timeline")
    blocks = [b for s in secs for b in s.blocks]
    times = [t for t in doc.times if t.line in lines_of(blocks)]
    present = bool(secs and times)
    zones = [e.time.tz for e in doc.timeline if e.time is not None]  # one per timed entry
    entries = []
    for e in doc.timeline:
        first, _, rest = e.block.text.partition("\n")
        entries.append(
            {
                "line": e.line,
                "text": first.strip()[:120],
                "list_item": e.is_item,
                "time": e.time.raw if e.time else None,
                "timezone": e.time.tz if e.time else None,
                "sentences": len(sem.sentences(Block("paragraph", e.line, e.line, e.block.text))),
                "single": not any(_starts_timed(line) for line in rest.split("\n"))
                if rest
                else True,
            }
        )
    whole = [b for s in doc.sections for b in s.blocks]
    return {
        "present": {"line": secs[0].line, "title": secs[0].title} if present else None,
        "timezone": (
            {"text": doc.zone_statement}
            if doc.zone_statement
            else {"text": zones[0]}
            if zones and all(zones)
            else None
        ),
        "entries": entries if present else [],
        "detection": find_sentence(blocks, lexicon("detection")) if present else None,
        "actions": (
            find_sentence(blocks, lexicon("investigate"), also=lexicon("system_part"))
            or find_sentence(blocks, lexicon("investigate"), also=sem.SPECIFIC)
            if present
            else None
        ),
        "misleading": _misleading(doc, whole),
        "escalation": _escalation(whole, doc.sections),
        "resolution": _timeline_resolution(blocks, times) if present else None,
    }


_PASSIVE_ESCALATION = re.compile(
    r"\b(?:team|support|on-?call|engineers?|lead|manager|admin\w*|dba|sre|devops|ops)\s+"
    r"(?:was\s+|were\s+|got\s+)?(?:paged|notified|alerted|escalated|called|contacted|informed"
    r"|summoned|looped in)\b"
)
# "customers reached out to support", "a community member notified the team": a report, not
# an escalation by the responders
_REPORTER = re.compile(
    r"\b(?:customers?|users?|clients?|community members?|someone|a reader|visitors?)\b"
    r"[^.;]{0,30}$"
)
_ESCALATION_LABEL = re.compile(r"^[\s>*+-]*(?:\d+[.)]\s*)?[*_]*escalat\w*[*_]*\s*:?[*_]*\s*:?\s*$")


def _escalation(blocks: list[Block], secs: list[Section]) -> Evidence | None:
    """An escalation verb followed, in the same sentence, by a team or person to whom; or, in
    an Escalation section or under an "Escalation:" label, a team or person named."""
    verb, target = lexicon("escalation_verb"), lexicon("escalation_target")
    excluded = lexicon("escalation_excluded")
    for b in blocks:
        for s, e in sem.sentences(b):
            text = b.lower[s:e]
            if excluded.search(text):
                continue
            for m in verb.finditer(text):
                if _REPORTER.search(text[max(0, m.start() - 40) : m.start()]):
                    continue
                if target.search(text, m.end(), m.end() + 80) or _PASSIVE_ESCALATION.search(text):
                    return sem.evidence(b, s, e)
    labelled = [b for sec in secs if sec.has("escalation") for b in sec.blocks]
    label_depth: int | None = None
    for b in blocks:
        if b.kind == "item" and _ESCALATION_LABEL.match(b.lower.split("\n", 1)[0]):
            label_depth = b.depth
        elif label_depth is not None and b.kind == "item" and b.depth > label_depth:
            labelled.append(b)
        else:
            label_depth = None
    return find_sentence(labelled, target, unless=excluded)


def _starts_timed(line: str) -> bool:
    from .times import leading_time

    return leading_time(line) is not None


def _misleading(doc: Document, whole: list[Block]) -> Evidence | None:
    secs = sections_of(doc, "misleading")
    found = find_sentence(
        [b for s in secs for b in s.blocks],
        re.compile(r"\w{4,}"),
        unless=re.compile(r"^\W*(?:none|n/?a|nothing)\b", re.IGNORECASE),
    )
    labelled = [b for b in whole if _MISLEADING_LABEL.match(b.lower)]
    timeline = [b for s in sections_of(doc, "timeline") for b in s.blocks]
    return (
        found
        or find_sentence(labelled, re.compile(r":\W*\w{4,}"), unless=_NONE)
        or find_sentence(whole, lexicon("misleading"))
        or _theory_then_wrong(whole)
        # in the timeline, an assumption about the cause that was acted on
        or find_sentence(timeline, re.compile(r"\bassum(?:ed|ing|ption)\b"), also=_ABOUT_CAUSE)
    )


_MISLEADING_LABEL = re.compile(
    r"^[\s>*+-]*(?:\d+[.)]\s*)?[*_]*(?:misleading|red herring|dead end)[^:\n]{0,40}:"
)
_NONE = re.compile(r":\W*(?:none|n/?a|nothing)\b")
_ABOUT_CAUSE = re.compile(r"\bcaus|\bdue to\b|\brelated to\b|\bproblem with\b|\bissue with\b")


def _theory_then_wrong(blocks: list[Block]) -> Evidence | None:
    """A theory ("we assumed…", "suspecting…") that the same or the next sentence says was
    wrong ("but no issues were found", "however…"). A suspicion that was right is no path."""
    theory, wrong = lexicon("suspicion"), lexicon("wrongness")
    for b in blocks:
        spans = sem.sentences(b)
        for i, (s, e) in enumerate(spans):
            if not theory.search(b.lower[s:e]):
                continue
            nxt = b.lower[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
            if wrong.search(b.lower[s:e]) or wrong.search(nxt):
                return sem.evidence(b, s, e)
    return None


def _events(blocks: list[Block], times: list[TimeRef]) -> list[tuple[Block, int, str]]:
    """Timeline lines grouped into events: a timed line and the untimed lines after it."""
    timed = {t.line for t in times}
    events: list[tuple[Block, int, str]] = []
    for b in blocks:
        for n, line in enumerate(b.text.split("\n"), b.line):
            if n in timed or not events:
                events.append((b, n, line))
            else:
                eb, en, etext = events[-1]
                events[-1] = (eb, en, etext + "\n" + line)
    return [e for e in events if e[1] in timed]


_BROAD_CHANGE = re.compile(
    r"\b(?:adjust|optimi[sz]|tun(?:ed|ing)|redirect|reconfigur|correct|deploy|implement|appl(?:y|ied)"
    r"|fix(?:ed)? (?:the|by)|updat)",
    re.IGNORECASE,
)


def _timeline_resolution(blocks: list[Block], times: list[TimeRef]) -> Evidence | None:
    """A timed event that says the incident was resolved, and how (there or in the two before)."""
    resolved, change, part = lexicon("resolved"), lexicon("change_verb"), lexicon("system_part")
    events = _events(blocks, times)

    def how(text: str) -> bool:
        low = text.lower()
        return bool(
            (change.search(low) or _BROAD_CHANGE.search(low))
            and part.search(low)
            or sem.specific_terms(text)
        )

    for i in range(len(events) - 1, -1, -1):
        b, n, text = events[i]
        if resolved.search(text.lower()) and (
            how(text) or any(how(e[2]) for e in events[max(0, i - 2) : i])
        ):
            start = sum(len(x) + 1 for x in b.text.split("\n")[: n - b.line])
            first = text.split("\n", 1)[0]
            return sem.evidence(b, start, start + len(first))
    return None


def _cause_detail(blocks: list[Block]) -> Evidence | None:
    """The root cause names something concrete (a file, setting, value, technology) and is not
    just "a misconfiguration": two concrete terms, or one with no vague cause beside it."""
    text = "\n".join(b.text for b in blocks)
    terms = sem.specific_terms(text)
    if sem.words(text) < 8 or not terms:
        return None
    if len(terms) < 2 and sem.VAGUE_CAUSE.search(text) and sem.words(text) < 40:
        return None
    for b in blocks:
        for s, e in sem.sentences(b):
            if sem.specific_terms(b.text[s:e]):
                return sem.evidence(b, s, e)
    return None


def _fix_detail(blocks: list[Block]) -> Evidence | None:
    """The fix says what concrete thing was changed ("replaced the failing disk", "renamed
    the .phpp file"). What rule PM103 calls vague does not count: "it was fixed" in its own
    sentence, "adjusted the settings" anywhere (unless a value is given)."""
    vetoed = any(sem.fix_veto("document").search(b.lower) for b in blocks)
    part = lexicon("system_part")
    for b in blocks:
        for s, e in sem.sentences(b):
            sentence = b.text[s:e]
            terms = sem.specific_terms(sentence)
            if vetoed and not any(sem._NUMERIC.search(t) for t in terms):
                continue  # "adjusted the settings" somewhere, and no value given here
            if sem.fix_veto("sentence").search(b.lower[s:e]) and not terms:
                continue  # "it was fixed", naming nothing
            if sem.CONCRETE_CHANGE.search(sentence) and (terms or part.search(b.lower[s:e])):
                return sem.evidence(b, s, e)
    return None


def _root_cause(doc: Document) -> dict[str, Any]:
    secs = sections_of(doc, "root_cause")
    blocks = [b for s in secs for b in s.blocks]
    return {
        "present": {"line": secs[0].line, "title": secs[0].title} if secs else None,
        "detail": _cause_detail(blocks) if secs else None,
    }


def _resolution(doc: Document) -> dict[str, Any]:
    secs = sections_of(doc, "resolution")
    blocks = [b for s in secs for b in s.blocks]
    if not blocks:
        blocks = [b for s in sections_of(doc, "root_cause") for b in s.blocks]
    return {
        "present": {"line": secs[0].line, "title": secs[0].title} if secs else None,
        "detail": _fix_detail(blocks),
    }


def _measures(doc: Document) -> dict[str, Any]:
    secs = sections_of(doc, "measures", "action_items")
    blocks = measure_blocks(doc)
    tasks = []
    for b in measure_items(doc):
        text = re.sub(
            r"^\s*(?:[-*+•●]|\d+[.)]|\|)?\s*(?:\[[ xX]\]\s*)?", "", b.text.split("\n")[0]
        ).strip()
        if sem.words(text) >= 2:
            tasks.append(
                {
                    "line": b.line,
                    "text": text[:160],
                    "owner": _owner(b.text),
                    "ticket": _ticket(b.text),
                    "due": _due(b.text),
                }
            )
    text = "\n".join(b.text for b in blocks)
    return {
        "present": {"line": secs[0].line, "title": secs[0].title} if secs else None,
        "improvements": (
            find_sentence(blocks, re.compile(r"\b\w{4,}\b")) if sem.words(text) >= 6 else None
        ),
        "tasks": tasks,
    }


_OWNER = re.compile(
    r"\b(?:owner|assignee|assigned to|owned by|responsible)\s*[:=-]?\s*@?[\w .-]+|@[\w-]{2,}"
    r"|\((?:[A-Z][a-z]+|[\w-]+ team|on-?call|sre|dba|ops)\)",
    re.IGNORECASE,
)
_TICKET = re.compile(
    # a JIRA key is upper case ("OPS-123"; "db-1" is a host)
    r"(?-i:\b[A-Z][A-Z0-9]+-\d+\b)|(?<![\w/])#\d+\b|\bhttps?://\S+|\b(?:bug|ticket|issue)\s*[:#]?\s*\d+",
    re.IGNORECASE,
)
_DUE = re.compile(
    r"\b(?:due|by|before|deadline|eta|target)\b\s*[:=-]?\s*"
    r"(?:Q[1-4]|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}|end of"
    r"|next|(?:mon|tue|wed|thu|fri|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


_ACTION_TYPES = {
    "mitigate",
    "prevent",
    "process",
    "repair",
    "detect",
    "other",
    "done",
    "todo",
    "open",
    "closed",
    "high",
    "medium",
    "low",
    "p0",
    "p1",
    "p2",
    "p3",
    "yes",
    "no",
    "n/a",
}


def _owner(text: str) -> str | None:
    m = _OWNER.search(text)
    if m:
        return m.group(0).strip()
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    if len(cells) >= 3:  # a table row: a one-word cell after the task is the owner column
        for cell in cells[1:]:
            if (
                re.fullmatch(r"@?[A-Za-z][\w.-]{1,30}", cell)
                and cell.lower() not in _ACTION_TYPES
                and not _TICKET.fullmatch(cell)
            ):
                return cell
    return None


def _ticket(text: str) -> str | None:
    m = _TICKET.search(text)
    return m.group(0) if m else None


def _due(text: str) -> str | None:
    m = _DUE.search(text)
    return m.group(0) if m else None


def extract(doc: Document) -> dict[str, Any]:
    """The facts record of a document (see schemas/facts.schema.json)."""
    present: dict[str, dict[str, Any]] = {}
    for sec in doc.sections:
        for kind in sorted(sec.kinds):
            present.setdefault(kind, {"line": sec.line, "title": sec.title})
    summary = _summary(doc)
    if summary["present"] is None:
        summary = {
            k: None
            for k in (
                "present",
                "start_time",
                "end_time",
                "duration",
                "timezone",
                "impact",
                "affected_share",
                "root_cause",
            )
        }
    timeline = _timeline(doc)
    return {
        "sections": present,
        "summary": summary,
        "timeline": timeline,
        "root_cause": _root_cause(doc),
        "resolution": _resolution(doc),
        "measures": _measures(doc),
        "zone_statement": doc.zone_statement,
        "lines": len(doc.source.lines),
    }


__all__ = ["extract", "ZONE_RE", "lines_of"]
