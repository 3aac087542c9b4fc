"""The timeline's facts: its entries and their form, and the sentences that show detection,
actions, a misleading path, an escalation and the resolution."""

from __future__ import annotations

import re

from ..models import Block, Document, Section, TimeRef
from ..parse.timeline import zone_words
from ..parse.views import lines_of, sections_of
from ..text.borrowed import is_block_quote, own_blocks, own_sentences
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from ..text.sentences import sentences
from ..text.times import leading_date_only, leading_time
from . import semantics as sem
from .record import Entry, Timeline, Zone, place, time_fact
from .semantics import Evidence, find_sentence


def timeline(doc: Document) -> Timeline:
    """The timeline's facts; `present` needs a timeline section with a time in it.
    `misleading` and `escalation` look at the whole document."""
    secs = sections_of(doc, "timeline")
    blocks = [b for s in secs for b in s.blocks]
    lines = lines_of(blocks)
    times = [t for t in doc.times if t.line in lines]
    present = bool(secs and (times or _dated(blocks)))
    events = _events(blocks, {t.line for t in times})
    entries = [_entry_block(e) for e in events]
    whole = _whole(doc, events, entries)
    return {
        "present": place(secs[0]) if present else None,
        "timezone": _zone(doc),
        "entries": [_entry(e.line, e.is_item, e.time, e.block.text) for e in doc.timeline]
        if present
        else [],
        "detection": find_sentence(entries, lexicon("detection"), unless=_ITSELF.compiled)
        if present
        else None,
        "actions": _actions(entries) if present else None,
        "misleading": _misleading(doc, whole),
        "escalation": _escalation(whole, doc.sections),
        "resolution": _timeline_resolution(blocks, times) if present else None,
    }


def _whole(
    doc: Document, events: list[tuple[Block, int, str, bool]], entries: list[Block]
) -> list[Block]:
    """The document's own blocks (no quoted text: a chat log, a tweet, a status page), the
    timeline's split into its entries."""
    split: dict[int, list[Block]] = {}
    for event, entry in zip(events, entries, strict=True):
        split.setdefault(id(event[0]), []).append(entry)
    own = [b for s in doc.sections for b in s.blocks if not is_block_quote(b)]
    return [x for b in own for x in split.get(id(b), [b])]


# the document itself ("for reasons unrelated to this report"): no report of the incident
_ITSELF = Lazy(r"\b(?:this|the present) (?:report|post(?:-?mortem)?|document|write-?up)\b")


def _dated(blocks: list[Block]) -> bool:
    """Events written with a date and no clock time ("- 15/08 - the issue was detected…",
    a table of dates): still a timeline, if not a well-formed one."""
    marker, day_month = _MARKER.compiled, _DAY_MONTH.compiled
    lines = [marker.sub("", line) for b in blocks for line in b.text.split("\n")]
    return any(leading_date_only(x) or day_month.match(x) for x in lines)


_MARKER = Lazy(r"^\s*(?:[-*+•●]|\d+[.)])\s+")
_DAY_MONTH = Lazy(r"^[\s*_|]*\d{1,2}/\d{1,2}\b(?!/)")  # "15/08 - …", no year


def _zone(doc: Document) -> Zone | None:
    """The document's zone statement, else the zone every timed entry is written in (the
    first entry's time and zone)."""
    words = zone_words(doc.source, doc.sections) if doc.zone_statement else None
    if words is not None:
        return {
            "text": words.text,
            "line": words.line,
            "column": words.column,
            "timezone": words.tz,
        }
    times = [e.time for e in doc.timeline if e.time is not None]  # one per timed entry
    if not times or not all(t.tz for t in times):
        return None
    first = time_fact(doc, times[0])
    return {**first, "timezone": times[0].tz or ""}


def _entry(line: int, is_item: bool, time: TimeRef | None, text: str) -> Entry:
    first, _, rest = text.partition("\n")
    return {
        "line": line,
        "text": first.strip()[:120],
        "list_item": is_item,
        "time": time.raw if time else None,
        "timezone": time.tz if time else None,
        "sentences": len(sentences(Block("paragraph", line, line, _REMARK.sub("", text)))),
        "single": not any(leading_time(x) is not None for x in rest.split("\n")) if rest else True,
    }


# a remark in parentheses closing an entry ("… (**outage starts**)") is no sentence of its own
_REMARK = re.compile(r"\s*\([^()\n]{1,40}\)\s*$")


def _entry_block(event: tuple[Block, int, str, bool]) -> Block:
    """An event of the timeline as a block of its own, so that a sentence (and its quote)
    never runs from one entry into the next when the entries end without a full stop."""
    b, n, text, _ = event
    column = b.column if n == b.line else 1
    return Block(b.kind, n, n + text.count("\n"), text, column, b.depth, b.marker)


def _actions(entries: list[Block]) -> Evidence | None:
    """What was investigated or acted on: an investigation or a change, and a part of the
    system or something specific it was done to (a vague cause such as "a configuration
    error" names no part: "identified the cause as a configuration error" is no action).
    An entry that names the part after its verb ("checked the nginx logs") is preferred to
    one that names it only in the symptom ("API failures rose; began investigating")."""
    found = [
        (b, s, e) for b in own_blocks(entries) for s, e in own_sentences(b) if _acts_on(b, s, e)
    ]
    after = next((f for f in found if _acts_on(*f, after_verb=True)), None)
    chosen = after or (found[0] if found else None)
    return sem.evidence(*chosen) if chosen else None


def _acts_on(b: Block, s: int, e: int, after_verb: bool = False) -> bool:
    """A sentence that acts on a named part (after its first action verb, if `after_verb`)."""
    low = sem.VAGUE_CAUSE.sub(_blank, b.lower[s:e])
    at = _acts(low)
    if at is None:
        return False
    tail = low[at:] if after_verb else low
    return bool(
        lexicon("system_part").search(tail)
        or sem.specific_terms(b.text[s:e][at if after_verb else 0 :])
    )


def _acts(low: str) -> int | None:
    """Where a sentence investigates or changes something (a responder's change, not the
    words that say it recovered: "the app was restored"); None when it does neither."""
    found = [
        m.start()
        for p in (lexicon("investigate"), _LOOKED.compiled, _ACTED.compiled)
        if (m := p.search(lexicon("resolved").sub(_blank, low) if p is _ACTED.compiled else low))
    ]
    return min(found) if found else None


def _blank(m: re.Match[str]) -> str:
    """Spaces in place of the match (offsets still hold)."""
    return " " * len(m.group(0))


# how people write an investigation beyond the lexicon's verbs
_LOOKED = Lazy(r"\b(?:d(?:ove|ug|ig|igging) into|revealed|showed|pointed to|narrowed)\b")
# what responders do to a system; "updated", "created", "published" also tell the incident,
# and "increased" is a change only with its object ("increased the pool", not "increased
# API failures")
_ACTED = Lazy(
    r"\b(?:correct(?:ed|s|ing)|reconfigur\w*|(?:increas\w*|raised) (?:the|a|an|its|our)\b"
    r"|replac(?:ed|es|ing)|disabl\w*"
    r"|enabl\w*|scaled|flush\w*|cleared|block(?:ed|s|ing)|kill\w*|failed over"
    r"|restart\w*|reboot\w*|redeploy\w*|rebuil\w*|rerout\w*|revok\w*|rotat\w*|destroy\w*)\b"
)


_PASSIVE_ESCALATION = Lazy(
    r"\b(?:teams?|support|on-?call|engineers?|lead|manager|admin\w*|dba|sre|devops|ops|heroes"
    r"|experts?|specialists?)\s+(?:was\s+|were\s+|got\s+)?(?:paged|notified|alerted|escalated"
    r"|called|contacted|informed|summoned|engaged|(?:looped|brought|pulled|called) in)\b"
    # whoever "got paged" or "was paged" is the one the incident went to
    r"|\b(?:got|was|were|been)\s+paged\b"
)
# a person named after the verb ("contacts [Mark], who has the access", "pinged @dana")
_NAMED = Lazy(r"^\W{0,3}(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?|[A-Za-z][\w-]*\])(?!\w)")
_NOT_NAMES = frozenset(
    {"The", "This", "That", "It", "We", "They", "Our", "Their", "All", "Everyone"}
)
# "customers reached out to support", "a community member notified the team": a report, not
# an escalation by the responders
_REPORTER = Lazy(
    r"\b(?:customers?|users?|clients?|community members?|someone|a reader|visitors?)\b"
    r"[^.;]{0,30}$"
)
_ESCALATION_LABEL = re.compile(r"^[\s>*+-]*(?:\d+[.)]\s*)?[*_]*escalat\w*[*_]*\s*:?[*_]*\s*:?\s*$")


def _escalation(blocks: list[Block], secs: list[Section]) -> Evidence | None:
    """An escalation verb followed, in the same sentence, by a team or person to whom; or, in
    an Escalation section or under an "Escalation:" label, a team or person named."""
    verb, target = lexicon("escalation_verb"), lexicon("escalation_target")
    excluded = lexicon("escalation_excluded")
    for b in own_blocks(blocks):
        for s, e in own_sentences(b):
            text = b.lower[s:e]
            if excluded.search(text):
                continue
            for m in verb.finditer(text):
                if _REPORTER.compiled.search(text[max(0, m.start() - 40) : m.start()]):
                    continue
                if (
                    any(
                        _named_team(text, t, m.end())
                        for t in target.finditer(text, m.end(), m.end() + 80)
                    )
                    or any(
                        _named_team(text, t) for t in _PASSIVE_ESCALATION.compiled.finditer(text)
                    )
                    or _names_person(b.text[s + m.end() : e])
                ):
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


def _named_team(text: str, m: re.Match[str], since: int = 0) -> bool:
    """Whether a team the incident went to is named: "the payments team", "the database
    on-call", not "the team", "my team" or "alerted teams" (a "team" with nothing but a
    determiner before it, since the escalation verb at `since`), nor one that did the telling
    ("was informed by the provider")."""
    if since and _BY.compiled.search(text, since, m.start()):
        return False  # "we were informed by the provider": who told us, not whom we told
    if not m.group(0).startswith("team"):
        return True
    before = _FILLER.compiled.sub(" ", text[since : m.start()])
    return (
        bool(before.strip()) if since else _DETERMINER.compiled.search(text, 0, m.start()) is None
    )


_BY = Lazy(r"\bby\b")
_DETERMINER = Lazy(r"(?:^|\b(?:the|my|our|a|an|his|her|their|your|whole|entire|same))\W*$")
_FILLER = Lazy(
    r"\b(?:to|with|in|of|on|for|and|the|my|our|a|an|his|her|their|your|whole|entire|same|all"
    r"|relevant|other|respective|appropriate|responsible|it|them|us)\b|\W"
)


def _names_person(after: str) -> bool:
    """The words after an escalation verb start with a person's name ("contacted Priya")."""
    m = _NAMED.compiled.match(after)
    return m is not None and m.group(0).strip(" [(").split()[0] not in _NOT_NAMES


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
        or find_sentence(labelled, re.compile(r":[\W_]*\w{4,}"), unless=_NONE)
        or find_sentence(whole, lexicon("misleading"), unless=_PURPOSE.compiled)
        or _theory_then_wrong(whole)
        # in the timeline, an assumption about the cause that was acted on
        or find_sentence(timeline, re.compile(r"\bassum(?:ed|ing|ption)\b"), also=_ABOUT_CAUSE)
    )


_MISLEADING_LABEL = re.compile(
    r"^[\s>*+-]*(?:\d+[.)]\s*)?[*_]*(?:misleading|red herring|dead end)[^:\n]{0,40}:"
)
_NONE = re.compile(r":[\W_]*(?:none|n/?a|nothing)\b")  # "__Misleading:__ none"
# a measure's purpose ("to prevent jobs acting on the wrong cluster") is no account of a path
_PURPOSE = Lazy(r"^\W*to (?:prevent|avoid|stop|ensure)\b")
_ABOUT_CAUSE = re.compile(r"\bcaus|\bdue to\b|\brelated to\b|\bproblem with\b|\bissue with\b")


def _theory_then_wrong(blocks: list[Block]) -> Evidence | None:
    """A theory ("we assumed…", "suspecting…", "thinking it might be…") that the same or the
    next sentence says was wrong ("but no issues were found", "however…"). A suspicion that
    was right ("as suspected, the log showed…") is no path."""
    wrong = lexicon("wrongness")
    for b in own_blocks(blocks):
        spans = own_sentences(b)
        for i, (s, e) in enumerate(spans):
            if not _theory(b.lower[s:e]):
                continue
            nxt = b.lower[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
            if wrong.search(b.lower[s:e]) or wrong.search(nxt):
                return sem.evidence(b, s, e)
    return None


def _theory(low: str) -> bool:
    """Whether a sentence holds a theory about the cause: a suspicion word (or "thinking it
    might be…", "written off as…") that is not negated ("weren't considered"), not confirmed
    ("as suspected"), not an intention ("I thought I would…") and not an action weighed
    ("considered hiring…")."""
    found = list(lexicon("suspicion").finditer(low)) + list(_THEORY.compiled.finditer(low))
    return any(
        not _NOT_THEORY_BEFORE.compiled.search(low, 0, m.start())
        and not _NOT_THEORY_AFTER.compiled.match(low, m.end())
        for m in found
    )


_THEORY = Lazy(
    r"\bthinking (?:that|it)\b|\bwritten off as\b|\bchalked up to\b"
    r"|\b(?:our|the) (?:first|initial|working) (?:guess|theory|hypothesis|suspicion)\b"
)
_NOT_THEORY_BEFORE = Lazy(r"(?:\bas\s+|n[o\'’]t\s+|\bnever\s+|\bnot\s+been\s+)$")
# "I thought I would…" (an intention), "considered hiring…" (an action weighed)
_NOT_THEORY_AFTER = Lazy(r"\s+(?:i|we)(?:\s+would|\s+should|\'d)\b|(?<=considered)\s+\w+ing\b")


def _events(blocks: list[Block], timed: set[int]) -> list[tuple[Block, int, str, bool]]:
    """Timeline lines grouped into events: a line and the lines that continue it, and whether
    it is timed (on the `timed` lines). An untimed list item ("- **Resolution:** …") or an
    untimed sentence starting a line of prose is an event of its own: it can say how, not when."""
    events: list[tuple[Block, int, str, bool]] = []
    for b in blocks:
        prev = ""
        for n, line in enumerate(b.text.split("\n"), b.line):
            if n in timed or n == b.line or _starts_event(line, prev):
                events.append((b, n, line, n in timed))
            else:
                eb, en, etext, et = events[-1]
                events[-1] = (eb, en, etext + "\n" + line, et)
            prev = line
    return events


def _starts_event(line: str, prev: str) -> bool:
    """An untimed line that is not the continuation of the line before: a list item of its
    own (not nested under it), or a new sentence after one that ended."""
    if _MARKER.compiled.match(line):
        return not line[:1].isspace()
    if prev.rstrip().endswith(_HARD_BREAKS):
        return True  # "…<br />": the author broke the line on purpose
    return bool(prev.rstrip().endswith((".", "!", ":")) and line[:1].isupper())


_HARD_BREAKS = ("<br>", "<br/>", "<br />", "\\")


_BROAD_CHANGE = re.compile(
    r"\b(?:adjust|optimi[sz]|tun(?:ed|ing)|redirect|reconfigur|correct|deploy|implement|appl(?:y|ied)"
    r"|fix(?:ed)? (?:the|by)|updat|destroy|migrat|complet\w* the migration|rerout)",
    re.IGNORECASE,
)
# an announcement of the fix (to a mailing list, a status page) is not the fix
_ANNOUNCED = Lazy(
    r"\b(?:mailing list|status ?page|announc\w*|tweet\w*|blog post|(?:is|are|was|were) notified"
    r"|communicat\w*|informed|updated the status)\b"
)
# a recovery told without the lexicon's words: "is once again merging", "the site is working"
_RECOVERED = Lazy(r"\bonce again\b|\b(?:is|are|was|were) (?:now )?working\b|\bas usual\b")


def _how(text: str) -> bool:
    """An event that says what was changed: a change to a part of the system, or something
    specific. The words that say it recovered ("restored", "fixed") are not how, and neither
    is what PM103 calls vague ("a fix was deployed")."""
    terms = sem.specific_terms(text)
    low = lexicon("resolved").sub(" ", sem.fix_veto("sentence").sub(" ", text.lower()))
    changed = (
        lexicon("change_verb").search(low)
        or _BROAD_CHANGE.search(low)
        or sem.CONCRETE_CHANGE.search(low)
    )
    return bool(changed and lexicon("system_part").search(low) or terms)


def _fix_event(text: str) -> bool:
    """An event that is itself the fix: a change made to something specific ("token for
    `svc-bot` destroyed", "rolled back orders-api to 4.1.3")."""
    low = text.lower()
    return bool(sem.specific_terms(text) and _FIX_DONE.compiled.search(low))


_FIX_DONE = Lazy(
    r"\b(?:destroyed|revoked|rolled back|reverted|killed|replaced|disabled|removed|restarted"
    r"|redeployed|completes? the migration|migrated|upgraded|downgraded|patched)\b"
)


def _timeline_resolution(blocks: list[Block], times: list[TimeRef]) -> Evidence | None:
    """A timed event that says the incident was resolved, and how (there or in the two events
    before); or, among the last three timed events, one that is itself the fix."""
    resolved = lexicon("resolved")
    events = _events(blocks, {t.line for t in times})
    found = None
    for i in range(len(events) - 1, -1, -1):
        text = events[i][2]
        low = text.lower()
        told = resolved.search(low) or _RECOVERED.compiled.search(low)
        if (
            events[i][3]
            and told
            and not _ANNOUNCED.compiled.search(low)
            and any(_how(e[2]) for e in events[max(0, i - 2) : i + 1])
        ):
            found = events[i]
            break
    timed = [e for e in events if e[3]]
    if found is None:
        found = next((e for e in reversed(timed[-3:]) if _fix_event(e[2])), None)
    if found is None:
        return None
    b, n, text, _ = found
    start = sum(len(x) + 1 for x in b.text.split("\n")[: n - b.line])
    return sem.evidence(b, start, start + len(text.split("\n", 1)[0]))
