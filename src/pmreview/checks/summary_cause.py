"""The cause the summary states: a sentence more specific than "a glitch", the summary's own
before its cause section's and its Impact part's."""

from __future__ import annotations

import re
from itertools import islice

from ..models import Block, Document
from ..parse.opening import ABOUT_WRITE_UP, about_write_up
from ..parse.views import summary_sections
from ..text.borrowed import own_blocks, own_sentences
from ..text.gates import gated
from ..text.lexicon import lexicon
from ..text.phrases import Alternation
from ..text.prefilter import Lazy
from . import semantics as sem
from .cause_named import DEFECT_IN, THIRD_PARTY_DOWN, defect_in_named, names_part, names_thing
from .cause_told import (
    AFTER_CHANGE,
    CHANGE_DID,
    DAMAGED,
    DEFECT_THEN,
    FAILED_AFTER,
    LAPSED,
    MISTAKE,
    STATED,
    change_did,
    damaged,
    defect_of_named_before,
    defect_then,
    failed_after,
    lapsed,
    mistake,
    stated_as_cause,
)
from .no_cause import explains_impact, no_cause
from .semantics import Evidence, find_sentence
from .theories import told_as_theory


def summary_cause(doc: Document, blocks: list[Block]) -> Evidence | None:
    """The first sentence naming a cause more specifically than "a glitch", the summary's own
    before its cause section's (where, lacking a cause word, any sentence of four words or
    more does); or, as organisations write it, a defect placed in a named thing ("a
    regression in the code that proxies `rustfmt`") with no cause word at all; or what one
    part did to another ("the misses overwhelmed the database")."""
    secs = summary_sections(doc)
    cause = own_blocks([b for s in secs if s.has("root_cause") for b in s.blocks])
    cause += [b for b in labelled_cause(blocks) if b not in cause]
    # the summary's own words first, its Impact part last ("Due to PRs failing, the freeze
    # slipped" tells the impact's cause)
    parts = {id(b) for s in secs if s.kinds & _NOT_OWN and not s.has("summary") for b in s.blocks}
    own = [b for b in blocks if id(b) not in parts]
    told = {id(b) for b in cause}
    rest = [b for b in blocks if id(b) in parts and id(b) not in told]
    mine = {id(b) for b in own}
    return (
        # a sentence that says it tells the cause ("The root cause was…") before one where a
        # "because" explains a decision, a consequence or a symptom on the way
        _cause_sentence(own + [b for b in cause if id(b) not in mine], lexicon("cause"), STATED)
        or _cause_sentence(own, lexicon("cause"))
        or _cause_sentence(cause, lexicon("cause"))
        # in a cause section of the summary any sentence says the cause
        or _cause_sentence(cause, re.compile(r"\w{3,}"), every=False)
        or _cause_sentence(rest, lexicon("cause"))
        # the summary's own words before its Impact part's ("~128 million queries hit a
        # corrupted shard" counts the impact)
        or _broke(own)
        or _broke(rest)
    )


def labelled_cause(blocks: list[Block]) -> list[Block]:
    """The items nested under a list item that is only a cause label ("- **Root Cause:**" over
    "  - Improper configuration of MySQL replication…"): the summary's cause part, read as a
    root-cause section is."""
    out: list[Block] = []
    under: int | None = None
    for b in blocks:
        if under is not None and b.kind == "item" and b.depth > under:
            # one that names the part that failed ("MySQL replication", "the load balancer"),
            # not a story of it ("an innocent-looking deployment went rogue")
            if sem.specific_terms(b.text) or lexicon("component").search(b.lower):
                out.append(b)
            continue
        under = b.depth if b.kind == "item" and _CAUSE_LABEL.compiled.match(b.lower) else None
    return out


# a list item that is only a cause label: "- **Root Cause:**", "* Root causes:", "- Cause"
_CAUSE_LABEL = Lazy(
    r"^\s*(?:[-*+]|\d+[.)])\s+[*_]*(?:the )?(?:root |underlying |main )?causes?"
    r"(?: analysis)?[*_]*+(?::[*_]*+)?\s*$"
)


def _broke(blocks: list[Block]) -> Evidence | None:
    """A cause told by what one part did to another, with no cause word."""
    return (
        find_sentence(blocks, _BROKE.compiled, also=lexicon("system_part"), unless=ABOUT_WRITE_UP)
        # a thing named in code ("the nightly `mysqldump` … locked the tables", "the step ran
        # `ssh-action@v0.1.2` on Node 12…, so the step crashed")
        or find_sentence(blocks, _BROKE.compiled, unless=ABOUT_WRITE_UP, cased=_CODE)
        or find_sentence(blocks, _SO_FAILED.compiled, unless=ABOUT_WRITE_UP, cased=_NAMED)
    )


_CODE = re.compile(r"`[^`\n]+`")
# code, a product name in camel case ("GitHub"), or a name with a version ("Node 12")
_NAMED = re.compile(r"`[^`\n]+`|\b[A-Z][a-z]*[A-Z]\w*|\b[A-Z]\w* v?\d")
# what the cause before it made fail: "…, so the step crashed"
_SO_FAILED = Lazy(
    r",\s*so (?:the|our|every|all|its|each) (?:[\w-]+ ){0,3}?(?:crashed|failed|broke|stopped|hung"
    r"|timed out|froze|went down)\b"
)


_NOT_OWN = frozenset({"root_cause", "impact", "duration"})
# what the incident did to people or asks of them, whose cause words point at the outage, not
# at its cause: "causing stress due to deadlines", "we apologise for any inconvenience caused",
# "if you see errors due to this change, please let us know", "a frustrating experience that
# caused significant impact"
_FELT = Lazy(
    r"\b(?:inconvenien\w*|frustrat\w*|stress\w*|anxiety|distress)\b[^.;]{0,40}?"
    r"\b(?:caused|due to|because|resulted)\b"
    r"|\bcaus\w*\s+(?:\w+\s+)?(?:inconvenien\w*|frustrat\w*|stress\w*|anxiety|distress)\b"
    r"|\bplease (?:let us know|contact|reach out)\b|\blet us know\b"
)
_SPLIT_BOLD = re.compile(r"[*_]{1,3} [*_]{1,3}")


def _cause_sentence(
    blocks: list[Block],
    pattern: re.Pattern[str] | Alternation,
    stated: Lazy | None = None,
    every: bool = True,
) -> Evidence | None:
    """The first sentence naming a cause more specifically than "a glitch" (`pattern` marks
    the cause: at any of its matches if `every`, else at the first, where the pattern is any
    word), a defect placed in a named thing, or an attacker and the means; never a sentence
    about the write-up itself ("We publish these write-ups because…"). With `stated`, only a
    sentence that also matches it."""
    accepts = (
        DEFECT_THEN.compiled,
        CHANGE_DID.compiled,
        AFTER_CHANGE.compiled,
        LAPSED.compiled,
        MISTAKE.compiled,
        DAMAGED.compiled,
        FAILED_AFTER.compiled,
    )
    for b in gated(blocks, pattern, DEFECT_IN.compiled, sem.ATTACK, sem.LEAKED, *accepts):
        spans = own_sentences(b)
        meta = about_write_up([b.lower[s:e] for s, e in spans])
        for i, (s, e) in enumerate(spans):
            sentence = b.lower[s:e]
            if (
                sem.words(sentence) < 4
                or (stated is not None and not stated_as_cause(stated, sentence))
                or _EFFECT.compiled.match(sentence)
                or _FELT.compiled.search(sentence)
                or meta[i]
                or told_as_theory(sentence)
            ):
                continue
            if _names_cause(b, spans, i, pattern, every):
                return sem.evidence(b, s, e)
    return None


def _names_cause(
    b: Block,
    spans: list[tuple[int, int]],
    i: int,
    pattern: re.Pattern[str] | Alternation,
    every: bool,
) -> bool:
    """Whether sentence `i` of the block names a cause: at a cause word, told without one, or
    as a defect of the thing the sentence before named."""
    s, e = spans[i]
    # the cause words read through emphasis ("**Root** **cause**:")
    sentence = b.lower[s:e]
    sentence = _SPLIT_BOLD.sub(" ", sentence) if "* *" in sentence else sentence
    nxt = b.text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
    before = b.text[spans[i - 1][0] : spans[i - 1][1]] if i else ""
    return (
        _cause_at_word(sentence, pattern, nxt, every)
        or _cause_told(b.text[s:e], sentence)
        or defect_of_named_before(b.text[s:e], before)
    )


def _cause_at_word(
    sentence: str, pattern: re.Pattern[str] | Alternation, nxt: str, every: bool
) -> bool:
    """Whether the sentence is specific at any of its cause words ("The problem was that nginx
    could not start because something else was already using port 80" is, at its "because"),
    or only at the first unless `every`; none where a "because" explains the impact's reach."""
    found = list(pattern.finditer(sentence))
    if any(explains_impact(sentence, x) for x in found):
        return False
    usable = (m for m in found if not no_cause(sentence, m))
    return any(_specific_cause(sentence, m, nxt) for m in islice(usable, None if every else 1))


def _cause_told(text: str, sentence: str) -> bool:
    """A cause told without a cause word: a defect in a named thing, a change and what it did,
    a lapse, a mistake, an attack or a leak."""
    return bool(
        defect_in_named(text)
        or defect_then(text)
        or failed_after(text)
        or change_did(text)
        or lapsed(text)
        or mistake(text)
        or damaged(text)
        or sem.ATTACK.search(sentence)
        or sem.LEAKED.search(sentence)
        or THIRD_PARTY_DOWN.compiled.search(sentence)
    )


# a cause told by what one part did to another ("a failover emptied a cache, and the misses
# overwhelmed the database"), with no cause word
_BROKE = Lazy(
    r"\b(?:overwhelm|overload|exhaust|emptied|filled up|saturat|starv|evict|flood|corrupt|deadlock"
    # a defect written into the data by a part: "segments with truncated postings lists"
    r"|truncated (?:[\w-]+ ){0,2}?(?:lists?|files?|segments?|records?|rows?|indexes|indices|data)\b"
    # "every request fell through to MySQL", "the dump locked the tables", "the pods ran out of
    # memory", "a misread setting: the scheduler applied them as UTC"
    r"|fell through to|ran out of|maxed out"
    r"|lock(?:ed|ing) (?:the |all |every )?(?:\w+ )?(?:tables?|rows?)"
    r"|\b(?:the|its|our|their) (?:[\w-]+ ){1,2}(?:applied|treated|interpreted|read|parsed)"
    r" (?:them|it|this|these|those) as\b)"
)


def _forward(sentence: str, m: re.Match[str]) -> bool:
    """Whether the cause word points forward ("X led to Y", "X caused Y"): the cause is
    before it, the effect after."""
    return bool(_FORWARD.compiled.fullmatch(m.group(0))) and not sentence.startswith(" by", m.end())


_FORWARD = Lazy(r"led to|caused|result(?:ed|s) in")
# a sentence that only tells an effect of the cause before it ("This led to inconsistent data")
# ("It was caused by …" gives the cause)
_EFFECT = Lazy(
    r"^\W*(?:this|that|it|which|these)\s+(?:\w+\s+)?(?:led to|caused|resulted in)\b(?!\s+by\b)"
)
# what went wrong, before "led to": a defect ("a misspelled file name") or a change ("the
# 2.3 deploy")
_WENT_WRONG = Lazy(
    r"\b(?:misspel\w*|wrong|incorrect\w*|invalid|broken|faulty|outdated|stale|malformed"
    r"|bugs?|regressions?|updates?|upgrades?|changes?|deploy\w*|releases?|push(?:ed)?|migrations?"
    r"|interventions?|maintenance|rollouts?|roll-outs?)\b"
)


def _specific_cause(sentence: str, m: re.Match[str], nxt: str) -> bool:
    """A cause that names something, or a vague one the next sentence makes specific ("a
    firewall issue. The backup denied port 80."). Before "led to" the cause must name what
    went wrong ("GET requests led to 500 errors" names only the effect)."""
    vague = lexicon("vague_cause")
    if _forward(sentence, m):
        # "a minor bug in the code …, which caused" names nothing that went wrong
        before = sem.GENERIC_DEFECT.sub(" ", sentence[: m.start()])
        return bool(
            sem.specific_terms(before)
            or names_thing(before, vague)
            or _WENT_WRONG.compiled.search(before)
        )
    if _PROBLEM_WAS.compiled.match(sentence, m.start()):
        return names_part(sentence[m.end() :], vague)
    after = sentence[m.start() :]
    return bool(
        sem.specific_terms(after)
        or not vague.search(after)
        or names_thing(after, vague)
        or sem.specific_terms(nxt)
    )


# "the problem was …": what follows names the cause, or nothing
_PROBLEM_WAS = Lazy(r"the (?:\w+ )?(?:problem|issue)\b")
