"""The summary's facts: whether there is one, its span (start, end, zone, duration), the
impact, the share of users affected and the cause it names."""

from __future__ import annotations

import re
from functools import cache

from ..models import ASCII_LOWER, Block, Document, TimeRef
from ..parse.timeline import zone_words
from ..parse.views import summary_blocks, summary_sections, summary_times
from ..text.borrowed import own_blocks, own_sentences
from ..text.lexicon import lexicon
from ..text.phrases import Alternation
from ..text.prefilter import Lazy
from ..text.span import Span, summary_span
from ..text.times import has_date, time_matches
from . import semantics as sem
from .record import Place, Summary, ZoneFact, place, time_fact
from .semantics import Evidence, find_sentence
from .share import affected_share

_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z0-9]+(?:[ -][A-Z][A-Za-z0-9]+)*")
_INCIDENT = Lazy(
    r"\b(?:outage|incident|down\b|downtime|errors?|fail|crash|unavailab|disrupt|issue|problem"
    r"|impact|affected|users|customers|leak|breach|compromis|expos|vulnerab|exploit|malicious"
    r"|unauthori[sz]ed|attack|degrad|broke|stuck|slow)",
    re.IGNORECASE,
)


def summary(doc: Document) -> Summary:
    """The summary's facts; all None when the document has no summary."""
    blocks = own_blocks([b for b in summary_blocks(doc) if b.kind != "heading" or b.text.strip()])
    where = _present(doc, blocks)
    if where is None:
        return _none()
    span = summary_span(doc)
    start = span.start.time if span.start else None
    end = span.end.time if span.end else None
    return {
        "present": where,
        "start_time": time_fact(doc, start) if start else None,
        "end_time": time_fact(doc, end) if end else None,
        "duration": _duration(doc, span, start, end),
        "timezone": _zone(doc, span),
        "impact": _impact(doc, blocks),
        "affected_share": affected_share(blocks),
        "root_cause": _summary_cause(doc, blocks),
    }


def _none() -> Summary:
    """The summary of a document that has none."""
    return {
        "present": None,
        "start_time": None,
        "end_time": None,
        "duration": None,
        "timezone": None,
        "impact": None,
        "affected_share": None,
        "root_cause": None,
    }


def _present(doc: Document, blocks: list[Block]) -> Place | None:
    """A titled summary with any words, or opening text that tells an incident."""
    secs = summary_sections(doc)
    text = "\n".join(b.text for b in blocks)
    titled = any(s.has("summary") for s in secs)
    words = sem.words(text)
    if not secs or not (titled and words >= 1 or words >= 8 and _tells_incident(text)):
        return None
    found = place(next((s for s in secs if s.has("summary")), secs[0]))  # the titled one
    return found if found["line"] else {**found, "line": blocks[0].line}


def _duration(
    doc: Document, span: Span, start: TimeRef | None, end: TimeRef | None
) -> Evidence | None:
    """The stated length of the outage; else, with a start and an end, the two times (from
    the start to the end when they share a line, else the end)."""
    if span.durations:
        d = span.durations[0]
        return {"quote": d.raw, "line": d.line, "column": d.column}
    if not (start and end):
        return None
    last = time_fact(doc, end)
    first = time_fact(doc, start)
    if first["line"] != last["line"] or first["column"] > last["column"]:
        return {"quote": last["text"], "line": last["line"], "column": last["column"]}
    line = doc.source.lines[end.line - 1]
    quote = line[first["column"] - 1 : last["column"] - 1 + len(last["text"])]
    return {"quote": quote, "line": end.line, "column": first["column"]}


def _zone(doc: Document, span: Span) -> ZoneFact | None:
    """The first summary time written with a zone, else the document's zone statement (when
    the summary has a time at all)."""
    if span.zoned:
        t = time_fact(doc, span.zoned)
        return {**t, "timezone": span.zoned.tz or ""}
    words = zone_words(doc.source, doc.sections) if summary_times(doc) else None
    if words is None:
        return None
    return {"text": words.text, "line": words.line, "column": words.column, "timezone": words.tz}


def _impact(doc: Document, blocks: list[Block]) -> Evidence | None:
    """What was down and what users saw: a symptom and a component (or a proper name), not a
    possibility ("could cause"). Said outside the summary's root-cause section if it can be:
    a cause's "the loader failed to read the new config" is the root cause's evidence."""
    cause = {id(b) for s in summary_sections(doc) if s.has("root_cause") for b in s.blocks}
    return _impact_in([b for b in blocks if id(b) not in cause]) or _impact_in(blocks)


def _impact_in(blocks: list[Block]) -> Evidence | None:
    hedge = _hedge()
    found = find_sentence(blocks, lexicon("symptom"), also=lexicon("component"), unless=hedge)
    return found or find_sentence(blocks, lexicon("symptom"), unless=hedge, cased=_PROPER)


@cache
def _hedge() -> re.Pattern[str]:
    """An impact stated as a possibility: the lexicon's hedges and "can cause" ("a bug can
    cause a consensus error" says what might happen, not what users saw)."""
    return re.compile(lexicon("hedge").pattern + r"|\bcan (?:cause|lead to|result in)\b")


def _tells_incident(text: str) -> bool:
    """Opening text that tells an incident: its words, and when (a date or time)."""
    found = len(_INCIDENT.compiled.findall(text))
    if found != 1:
        return found >= 2
    return has_date(text) or next(time_matches(text), None) is not None


def _summary_cause(doc: Document, blocks: list[Block]) -> Evidence | None:
    """The first sentence naming a cause more specifically than "a glitch" (in a cause
    section of the summary, any sentence of four words or more); or, as organisations write
    it, a defect placed in a named thing ("a regression in the code that proxies `rustfmt`",
    "a vulnerability in our `review-pr` action") with no cause word at all."""
    cause_secs = [s for s in summary_sections(doc) if s.has("root_cause")]
    cands = own_blocks([b for s in cause_secs for b in s.blocks]) or blocks
    pattern = lexicon("cause") if not cause_secs else re.compile(r"\w{3,}")
    for b in cands:
        spans = own_sentences(b)
        for i, (s, e) in enumerate(spans):
            sentence = b.lower[s:e]
            if sem.words(sentence) < 4 or _EFFECT.compiled.match(sentence):
                continue
            nxt = b.text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
            m = pattern.search(sentence)
            if m and _specific_cause(sentence, m, nxt):
                return sem.evidence(b, s, e)
            if _defect_in_named(b.text[s:e]):
                return sem.evidence(b, s, e)
    return None


def _forward(sentence: str, m: re.Match[str]) -> bool:
    """Whether the cause word points forward ("X led to Y", "X caused Y"): the cause is
    before it, the effect after."""
    return bool(_FORWARD.compiled.fullmatch(m.group(0))) and not sentence.startswith(" by", m.end())


_FORWARD = Lazy(r"led to|caused")
# a sentence that only tells an effect of the cause before it ("This led to inconsistent data")
_EFFECT = Lazy(r"^\W*(?:this|that|it|which|these)\s+(?:\w+\s+)?(?:led to|caused|resulted in)\b")
# what went wrong, before "led to": a defect ("a misspelled file name") or a change ("the
# 2.3 deploy")
_WENT_WRONG = Lazy(
    r"\b(?:misspel\w*|wrong|incorrect\w*|invalid|broken|faulty|outdated|stale|malformed"
    r"|bugs?|regressions?|updates?|upgrades?|changes?|deploy\w*|releases?|push(?:ed)?|migrations?)\b"
)


def _defect_in_named(sentence: str) -> bool:
    """A defect placed in a named thing: "a memory-corruption bug within the EVM", "a
    configuration error in the Flask server", "a regression in the code that proxies
    `rustfmt`". A bare "a bug in the app" needs a specific term after it (a file, a setting,
    a code name); a qualified defect may name its place by a proper noun."""
    low = sentence.translate(ASCII_LOWER)
    for m in _DEFECT_IN.compiled.finditer(low):
        rest = sentence[m.end() : m.end() + 80]
        bare = _BARE.compiled.search(low, 0, m.start()) is not None and " " not in m.group(1)
        if sem.specific_terms(rest) or not bare and _NAMED_THING.compiled.search(rest):
            return True
    return False


_BARE = Lazy(r"(?:^|\b(?:an?|the|some|one|this|that|our|its|their))\W*$")
_DEFECT_IN = Lazy(
    r"\b(bugs?|regressions?|vulnerabilit(?:y|ies)|flaws?|defects?|corruption|race condition"
    r"|(?:configuration|config|routing|permission|certificate|dns) (?:error|issue|problem))"
    r"\s+(?:with)?in(?:side)?\b"
)
# a proper noun among the next words ("the EVM", "our Flask server"), not the sentence start
_NAMED_THING = Lazy(r"^(?:\W*+\w++){0,4}?\W+(?:[A-Z][a-z]*[A-Z]\w*|[A-Z]{2,}\w*|[A-Z][a-z]+)\b")


def _specific_cause(sentence: str, m: re.Match[str], nxt: str) -> bool:
    """A cause that names something, or a vague one the next sentence makes specific ("a
    firewall issue. The backup denied port 80."). Before "led to" the cause must name what
    went wrong ("GET requests led to 500 errors" names only the effect)."""
    vague = lexicon("vague_cause")
    if _forward(sentence, m):
        before = sentence[: m.start()]
        return bool(
            sem.specific_terms(before)
            or _names_thing(before, vague)
            or _WENT_WRONG.compiled.search(before)
        )
    after = sentence[m.start() :]
    return bool(
        sem.specific_terms(after)
        or not vague.search(after)
        or _names_thing(after, vague)
        or sem.specific_terms(nxt)
    )


def _names_thing(text: str, vague: Alternation) -> bool:
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
