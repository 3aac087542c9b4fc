"""A root cause told as a mechanism: the parts of the system named and how one broke another,
in one sentence or as a chain over a few (read by checks/causes.py where no sentence of the
root cause names a concrete thing, and in the story below a TL;DR)."""

from __future__ import annotations

import re

from ..models import Block
from ..text.borrowed import own_sentences
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from . import semantics as sem
from .judged import (
    carries_forward,
    concrete,
    judged_only,
    names_no_thing,
    told_as_fix,
    told_with,
)
from .semantics import Evidence
from .theories import told_as_theory

# what was meant or would have been, not what happened; what kept working
NOT_WHAT_HAPPENED = Lazy(
    r"\b(?:would(?:n['’]t| not)? (?:only )?(?:have|be)|the (?:\w+ )?plan (?:was|is)"
    r"|kept working|still work(?:ed|s))\b"
)

# the investigation, not the cause: "I spent most of the evening on nginx", "we wasted two
# hours on the logs", "I didn't even think about the firewall"
THE_HUNT = Lazy(
    r"\b(?:i|we) (?:spent|wasted|lost) (?:[\w-]+ ){0,3}?(?:time|hours?|minutes?|days?|morning"
    r"|afternoon|evening|night)\b|\b(?:i|we) did(?:n['’]t| not) (?:even )?think (?:about|of)\b"
)


def motive(low: str) -> bool:
    """Why the writer did something, told of people on both sides of "because" ("I had added a
    backup cron job because we had just learned about backups", "we lost the afternoon because
    I was sure it was the certificate"): nothing failing is told before it, nor after it but
    as a belief."""
    m = _MOTIVE.compiled.match(low)
    if not m or FAILED.compiled.search(m["act"]) or lexicon("mechanism").search(m["act"]):
        return False
    after = low[m.start("who") :]
    return bool(_BELIEF.compiled.match(after) or not lexicon("mechanism").search(after))


# a person did something (after a lead-in: "At 02:58, we …") because a person thought or wanted
_MOTIVE = Lazy(
    r"^\W*(?:[^,.;]{1,40},\s*)?(?:i|we)\b(?P<act>[^,;]*?),? because "
    r"(?P<who>i|we|my|our|the team|they|he|she)\b"
)
# what a person believed, not what failed: "because I was sure the certificate was broken"
_BELIEF = Lazy(
    r"(?:i|we|they|he|she) (?:was|were) (?:sure|convinced|certain)\b"
    r"|(?:i|we|they|he|she) (?:thought|believed|assumed)\b"
)
# how one thing broke another: "…, so certbot couldn't bind port 80", "was caused by"
FAILED = Lazy(
    r"\b(?:caus|because\b|due to\b|led to\b|lead(?:s|ing)? to\b|result(?:ed|ing)? in\b"
    r"|,\s*so\b|\bso (?:that )?\w+ (?:could|can|would|did)\b|could ?n[o'’]?t\b|unable\b"
    r"|fail(?:ed|s|ing)?\b|crash|overwhelm"
    r"|exhaust|filled|ran out\b"
    # a value past its width: "the offset wrapped around", "the counter overflowed"
    r"|wrap(?:ped|s)? (?:around|past)\b|overflow(?:ed|s)?\b)"
)


def judged(text: str) -> bool:
    """A cause told only as a judgement (checks/judged.py), or as a vague cause ("a
    misconfiguration in the load balancer settings") with nothing concrete beside it."""
    return judged_only(text) or (names_no_thing(text) and vague_cause(text) and not concrete(text))


def vague_cause(text: str) -> bool:
    """A vague cause ("a misconfiguration", "some problem", "a glitch"), unless every one is a
    misconfiguration placed on a named part and followed by what it did ("a misconfigured
    firewall rule that was blocking incoming traffic", "the cache server was misconfigured to
    expire keys after one second, causing a flood of reads")."""
    found = list(sem.VAGUE_CAUSE.finditer(text))
    return bool(found) and not all(_misconfigured_part(text.lower(), m) for m in found)


def _misconfigured_part(low: str, m: re.Match[str]) -> bool:
    """A misconfiguration placed on a setting of a part ("a firewall rule", "the database
    replication settings", "the cache TTL"), not on a whole part ("the load balancer settings",
    "the application server"), or on a concrete term, and what it did after it in the
    sentence."""
    if not low.startswith("mis", m.start()):
        return False
    subject = _SUBJECT.compiled.search(low, 0, m.start())
    placed = _PLACED.compiled.match(low, _WORD.match(low, m.end()).end())  # type: ignore[union-attr]
    parts = [x.group(1) for x in (subject, placed) if x]
    # a product's name ("the Nginx server settings") names the whole part, not a setting
    if not any(concrete(p) or _SETTING.compiled.search(p) for p in parts):
        return False
    rest = low[placed.end() if placed else m.end() :]
    rest = rest[: min((rest.find(c) for c in ".;\n" if c in rest), default=len(rest))]
    return bool(lexicon("mechanism").search(rest) or FAILED.compiled.search(rest))


_WORD = re.compile(r"\w*")
# what a setting is, as against a whole part: a rule, a record, a limit, the replication
_SETTING = Lazy(
    r"\b(?:rules?|records?|factors?|limits?|timeouts?|ttls?|thresholds?|polic(?:y|ies)|flags?"
    r"|values?|ports?|routes?|routing|keys?|certificates?|quotas?|schedules?|headers?|paths?"
    r"|permissions?|variables?|parameters?|(?:health )?checks?|acls?|replication|retention"
    r"|cach(?:e|ing)|dns|pool|heap|memory)\b"
)
# the part a misconfiguration is placed on: "the cache server was misconfigured", "a
# misconfigured firewall rule", "a misconfiguration in the load balancer health checks"
_SUBJECT = Lazy(
    r"\b(?:the|a|an|our|its|their|this)\s+((?:[\w.`-]+\s+){1,4}?)"
    r"(?:was|were|is|are|had been|has been|got)\s+$"
)
_PLACED = Lazy(
    r"(?<!\s)\s++(?:(?:in|of|on|for|with|within)\s++)?(?:(?:the|a|an|our|its|their)\s++)?"
    r"((?:(?!(?:that|which|who|was|were|is|are|to|and|so|causing|leading|led|caused)\b)"
    r"[\w.`'’-]++\s*+){1,5})"
)


def mechanism(blocks: list[Block]) -> Evidence | None:
    """A sentence that names the parts involved and how one broke the other ("the backup
    process ran on the web server and used most of its CPU"): two things of the system, a
    mechanism word, and no vague cause ("a misconfiguration", "a glitch")."""
    for b in blocks:
        spans = own_sentences(b)
        for n, (s, e) in enumerate(spans):
            low = b.lower[s:e]
            if (
                sem.words(low) < 8
                or told_as_theory(low)
                or NOT_WHAT_HAPPENED.compiled.search(low)
                or THE_HUNT.compiled.search(low)
                or motive(low)
                or vague_cause(low)
                or sem.GENERIC_DEFECT.search(low)  # "a minor bug in the code"
                or not lexicon("mechanism").search(low)
                or (_UNNAMED.compiled.search(low) and not sem.specific_terms(b.text[s:e]))
                # "the load balancer was not distributing traffic correctly"
                or told_with(b, spans, n, judged)
                or told_as_fix(low)
            ):
                continue
            if len(named(low) | sem.specific_terms(b.text[s:e])) >= 2:
                return sem.evidence(b, s, e)
    return None


# "something in the update changed the settings": the part that broke is left unnamed
_UNNAMED = Lazy(
    r"\b(?:something|somehow|some (?:\w+ )?(?:settings?|configuration|change|files?|thing))\b"
    # a cause in words that name no thing: "recent updates and changes", "a combination of
    # factors", "a lack of understanding of the settings"
    r"|\b(?:recent|various|several|multiple|certain|other) (?:\w+ )?(?:updates|changes"
    r"|factors|issues|problems|errors)\b|\b(?:updates|changes) and (?:changes|updates)\b"
    r"|\ba combination of\b|\black of (?:\w+ )?(?:understanding|knowledge|experience|familiarity"
    r"|awareness|expertise)\b"
)


def chain(blocks: list[Block]) -> Evidence | None:
    """A root cause told as a chain over consecutive sentences of one paragraph ("A config
    change set an invalid address for the auth servers. This exposed a bug in the auth
    library, which blocked every worker thread."): together they name three things of the
    system and say how one broke the next. The evidence is the sentence that carries the
    mechanism, and is no vague cause itself ("a misconfiguration caused errors")."""
    for b in blocks:
        spans = own_sentences(b)
        for i in range(len(spans)):
            window = spans[i : i + _CHAIN]
            text = b.text[window[0][0] : window[-1][1]]
            low = text.lower()
            if sem.words(low) < 20 or len(named(low) | sem.specific_terms(text)) < 3:
                continue
            # "a misconfiguration in the load balancer. This led to…": the sentence a chain
            # opening with "This…" carries forward is read with it
            if i and carries_forward(b.lower[window[0][0] : window[0][1]]):
                text = b.text[spans[i - 1][0] : window[-1][1]]
            if judged(text):  # judged() holds only of text with nothing concrete
                continue
            for k, (s, e) in enumerate(window, i):
                one = b.lower[s:e]
                if (
                    lexicon("mechanism").search(one)
                    and named(one)
                    and not NOT_WHAT_HAPPENED.compiled.search(one)
                    and not THE_HUNT.compiled.search(one)
                    and not vague_cause(one)
                    and not sem.GENERIC_DEFECT.search(one)
                    and not told_as_fix(one)
                    and not told_with(b, spans, k, judged)
                    and not (_UNNAMED.compiled.search(one) and not sem.specific_terms(b.text[s:e]))
                ):
                    return sem.evidence(b, s, e)
    return None


_CHAIN = 3  # sentences a told chain may span


def named(low: str) -> set[str]:
    """The parts of the system a lower-cased text names (data/lexicon.toml), the words of one
    noun phrase as one part: "the database server", "an API endpoint", "the login queue" name
    one thing each, not two, while "the load balancer sent traffic to one server" names three."""
    things = (lexicon("system_part"), lexicon("component"))
    spans = sorted((m.start(), m.end()) for p in things for m in p.finditer(low))
    parts: list[tuple[int, int]] = []
    for start, end in spans:
        if parts and (start <= parts[-1][1] or _JOINED.fullmatch(low, parts[-1][1], start)):
            parts[-1] = (parts[-1][0], max(end, parts[-1][1]))
        else:
            parts.append((start, end))
    return {low[s:e] for s, e in parts}


# what lies between two words of one noun phrase: a space or a hyphen ("api endpoint", "db-server")
_JOINED = re.compile(r"[ \t-]")
