"""The share of users an incident affected, as the summary states it."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Block
from ..text.borrowed import own_sentences
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from .semantics import Evidence
from .share_load import FAILED, LOAD, SHARE_WHO, WHOLE, share_of_load

# every alternative opens at a word boundary: tested once a character, not once an alternative
_SHARE = re.compile(
    r"\b(?:\d{1,3}(?:\.\d+)?\s?%|\d{1,3}(?:\.\d+)?\s?percent\b"
    r"|(?:one|two|three|a|1|2|3)[ -](?:in|out of)[ -]\w+\b"
    r"|(?<!and a )(?:half|a third|a quarter|two[- ]thirds|three[- ]quarters|one[- ]third"
    # never part of a longer word: "a third-party system", "a half-hour"
    r"|a fifth|a tenth)\b(?![-‐]\w)"
    r"(?!\s+(?:an?\s+)?(?:second|minute|hour|day|week|month|year)s?\b)(?: of)?"
    # a count against a total, either in millions or thousands: "1.1 million of the 3.4 million"
    r"|(?<![\d,.])\d[\d,]*+(?:\.\d+)?(?:\s?(?:million|thousand|billion|k)\b)?\s+(?:out\s+)?of\s+"
    r"(?:the\s+|our\s+|its\s+)?(?:total\s+)?(?:[~≈]|(?:about|around|roughly|approximately|some)\s)?"
    r"\d[\d,]*(?:\.\d+)?(?:\s?(?:million|thousand|billion|k)\b)?"
    r"|(?:all|every(?!\s+(?:other|second|third|fourth|fifth|tenth)\b)|100 ?%|entire|each)\b"
    # "all 14 of our beta testers", "all five members", "all 4 of us"
    r"(?:\s+(?:of|the|our|its|their|active|registered|affected|\w+'s|\d+|(?:two|three|four|five"
    r"|six|seven|eight|nine|ten|twelve|twenty)\b))*\s+"
    r"(?:us\b|(?:\w+\s+)?(?:users?|customers?|clients?|subscribers?|visitors?|members?|players?"
    r"|testers?|employees?|staff|colleagues|teammates"
    r"|merchants?|accounts?|guests?|viewers?|passengers?|riders?|drivers?"
    r"|requests?|traffic|students?|learners?|tenants?|shoppers?|patients?"
    r"|user ?base|customer ?base))"
    # "down for everyone" ("everyone who tried", "everyone visiting": see _anyone_failed)
    r"|(?:for|to)\s+(?:everyone|everybody)\b(?!\s+(?:who\b|\w+ing\b)))",
    re.IGNORECASE,
)
_NOT_SHARE = Lazy(
    r"\b(?:drop|increase|decrease|rise|fall|reduction|spike|growth|surge|cpu|memory|disk|load|utili[sz]ation"
    r"|revenue|sales|confusion|server|uptime|capacity|battery)\b",
    re.IGNORECASE,
)


# a machine's measure just before the figure: "the database CPU sat at 100%", "disk at 95%"
_METRIC = Lazy(
    r"\b(?:cpu|memory|ram|disk|load|utili[sz]ation|capacity|battery)\b[^.;,%]{0,20}$",
    re.IGNORECASE,
)


# "sent all traffic to web-02", "routing every request through the proxy": a path, not a share
_ROUTED = Lazy(
    r"\b(?:sen[dt]s?|sending|rout(?:e|es|ed|ing)|(?:re)?direct(?:s|ed|ing)?|forward(?:s|ed|ing)?"
    r"|shift(?:s|ed|ing)?|steer(?:s|ed|ing)?|mov(?:e|es|ed|ing)|point(?:s|ed|ing)?)\s+$",
    re.IGNORECASE,
)


# a count of people restated as a share in brackets: "164,000 of you (71%)", "3,100 users (12%)"
_RESTATED = Lazy(
    r"(?<![\w,.])\d[\d,.]*+\s*+(?:k\s+)?(?:of (?:you|them|our \w+)"
    r"|(?:\w++\s+)?(?:users|customers|players|visitors|members|subscribers|accounts|merchants|students|drivers|shoppers))\s*+\($",
    re.IGNORECASE,
)


def _evidence(block: Block, start: int, end: int) -> Evidence:
    """The matched words as they stand (unlike semantics.evidence, not a whole sentence)."""
    line, col = block.position(start)
    return {"quote": block.text[start:end], "line": line, "column": col}


def affected_share(blocks: list[Block]) -> Evidence | None:
    """The first share of users stated ("38% of users", "one in ten customers", "all
    merchants"), not a business metric ("a 25% drop in traffic"); else everyone of a group
    that met the failure ("anyone who tried to register got an error")."""
    return _stated_share(blocks) or _anyone_failed(blocks) or _nobody_could(blocks)


def _nobody_could(blocks: list[Block]) -> Evidence | None:
    """Totality said as its negation: "nobody on our team could open a session", "no customer
    was able to pay", "none of our users could log in"; not "nobody noticed" or "no one could
    have known" (a failure nobody met, a hindsight)."""
    for b in blocks:
        for s, e in own_sentences(b):
            m = _NOBODY.compiled.search(b.text, s, e)
            if (
                m
                and not lexicon("hedge").search(b.text, s, m.start())
                and not (_NEARLY.compiled.search(b.text, max(s, m.start() - 14), m.start()))
            ):
                return _evidence(b, m.start(), m.end())
    return None


_NOBODY = Lazy(
    r"\b(?:nobody|no one|no-one|none of (?:us|them|(?:our|the|its) (?:\w+ )?(?=(?:users|customers"
    r"|clients|visitors|players|merchants|members|subscribers|students|testers)\b)\w+)"
    r"|no (?:users?|customers?|clients?|visitors?|players?|merchants?|members?|subscribers?"
    r"|students?))"
    r"(?: (?:on|in|from|at) (?:our|the|their) (?:\w+ )?\w+)?"
    r" (?:could(?:n[’']t)?(?! have\b)|was able|were able|managed|succeeded|got (?:in|through))\b",
    re.IGNORECASE,
)


def _anyone_failed(blocks: list[Block]) -> Evidence | None:
    """All of a group named by what they did, in a sentence that says they met the failure:
    "Anyone who tried to register got an error page", "a 504 error for anyone trying to open
    the site"; not thanks, apologies or compensation ("thanks to everyone who wrote in",
    "everyone who logged in gets 3 days free")."""
    for b in blocks:
        for s, e in own_sentences(b):
            m = _ANYONE.compiled.search(b.text, s, e)
            sentence = b.text[s:e]
            if m and _NEARLY.compiled.search(b.text, max(s, m.start() - 14), m.start()):
                continue  # "pretty much everyone who went there": not all of them
            if m and _MET_FAILURE.compiled.search(sentence) and not _KIND.compiled.search(sentence):
                return _evidence(b, m.start(), m.end())
    return None


_NEARLY = Lazy(
    r"\b(?:pretty much|almost|nearly|virtually|practically|basically|more or less)\s+$",
    re.IGNORECASE,
)
_ANYONE = Lazy(
    r"\b(?:anyone|anybody|everyone|everybody)\s+(?:who\s+\w+|trying|attempting|\w+ing)\b",
    re.IGNORECASE,
)
_MET_FAILURE = Lazy(
    r"\b(?:errors?|fail\w*|[45]\d\d|could(?:n[\'’]t| not)|unable|timed? out|was hit|were hit"
    r"|locked out|got an?|blocked"
    # "every visitor got the 'Your connection is not private' page"
    r"|got the\b[^.;]{0,60}?\b(?:page|screen|message|warning))\b",
    re.IGNORECASE,
)
# thanks, apologies and amends are said to everyone, affected or not
_KIND = Lazy(
    r"\b(?:thank|apolog|sorry|gets? (?:a )?(?:free|credit|refund)|free\b|credit|compensat)",
    re.IGNORECASE,
)


def _not_told(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether a share in the sentence text[start:end] is not one of the users affected: a
    possibility ("a crash could lead to … on all the members"), or everyone of a group in a
    sentence that does not say they met the failure ("we thank all users", "every team member
    was paged", "we e-mailed every customer", "all users could still browse") or that counts
    the affected themselves ("a credit to all affected customers")."""
    if lexicon("hedge").search(text, start, m.start()):
        return True
    if not _TOTAL.compiled.match(m.group(0)):
        return False
    sentence = text[start:end]
    return bool(
        _OF_AFFECTED.compiled.search(m.group(0))
        or _KIND.compiled.search(sentence)
        or _TOLD_TO.compiled.search(sentence)
        or not (FAILED.compiled.search(sentence) or _MET_FAILURE.compiled.search(sentence))
        and not _DOWN.compiled.search(sentence)
    )


_TOTAL = Lazy(r"(?:(?:for|to)\s+)?(?:all|every|entire|each)", re.IGNORECASE)
_OF_AFFECTED = Lazy(r"\b(?:affected|impacted)\b", re.IGNORECASE)
# what is said or given to everyone, affected or not, and everyone who was not hit
_TOLD_TO = Lazy(
    r"\b(?:notif(?:ied|ying)|e-?mail(?:ed|ing)|informed|informing|contact(?:ed|ing)|messag(?:ed|ing)"
    r"|announc(?:ed|ing)|paged|(?:rolled out|deployed|released|shipped|sent) to|could still"
    r"|still (?:could|able|work))\b",
    re.IGNORECASE,
)
_DOWN = Lazy(
    r"\b(?:down|outage|unavailable|offline|inaccessible|unreachable|broken|disrupt\w*|degraded"
    r"|cannot|can[’']t|stuck|delayed|experienc\w*|went wrong|lost access|no access|blank"
    r"|empty|incorrect|wrong|stale|expos\w*|leak\w*|compromis\w*|blocked)\b",
    re.IGNORECASE,
)


def _stated_share(blocks: list[Block]) -> Evidence | None:
    """The first share of users, in the plainest words of its sentence (`_plainest`); else
    all of the load failing ("100% of queries failed")."""
    whole: Evidence | None = None
    for b in blocks:
        found = list(_SHARE.finditer(b.text))
        own = own_sentences(b) if found else []
        starts = [s for s, _ in own]
        for k, m in enumerate(found):
            at = bisect_right(starts, m.start()) - 1  # the sentence that holds the match
            if at < 0 or m.start() >= own[at][1]:
                continue  # in a question or a quoted log line
            kind = _share_kind(b.text, m, own[at])
            whole = whole or (_evidence(b, m.start(), m.end()) if kind == "whole" else None)
            if kind == "users":
                shown = _plainest(b.text, m, found[k + 1 :], own[at])
                return _evidence(b, shown.start(), shown.end())
    return whole


def _plainest(
    text: str, m: re.Match[str], later: list[re.Match[str]], sentence: tuple[int, int]
) -> re.Match[str]:
    """A count or a percentage of users after "all" in its sentence states the share more
    plainly than the "all" it qualifies ("all tenants hosted in eu-west-1: 1,812 of 4,430")."""
    if not WHOLE.compiled.match(m.group(0)):
        return m
    counts = (x for x in later if x.start() < sentence[1] and re.search(r"\d", x.group(0)))
    return next((x for x in counts if _share_kind(text, x, sentence) == "users"), m)


def _share_kind(text: str, m: re.Match[str], sentence: tuple[int, int]) -> str | None:
    """ "users" for a share of users, "whole" for all of the load, else None (a share of the
    load, a metric, where traffic was sent, a share not told)."""
    lo = max(0, m.start() - 30)
    if _not_told(text, m, *sentence) or _ROUTED.compiled.search(text, lo, m.start()):
        return None  # where traffic was sent, not who was affected
    if _METRIC.compiled.search(text, lo, m.start()):
        return None  # "the database CPU sat at 100%"
    load = share_of_load(text[lo : m.end() + 60], m.start() - lo, m.end() - lo)
    if load:
        return "whole" if load == "whole" else None
    restated = _RESTATED.compiled.search(text, lo, m.start()) or _restated_count(text, m, *sentence)
    return "users" if restated or _of_users(text, m, *sentence) else None


def _restated_count(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether the share `m` restates, in brackets, a count of the people its sentence names:
    "Of the 3.1 million players who tried, about 1.9 million (61%) never got in"."""
    if not _COUNT_BRACKET.compiled.search(text, max(start, m.start() - 25), m.start()):
        return False
    return (
        bool(SHARE_WHO.compiled.search(text, start, end))
        and LOAD.compiled.search(text[start:end]) is None
    )


_COUNT_BRACKET = Lazy(
    r"(?<![\d,.])\d[\d,]*+(?:\.\d+)?(?:\s?(?:million|thousand|billion|k)\b)?\s*+"
    r"\((?:about |around |roughly |~)?$",
    re.IGNORECASE,
)


def _of_users(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether the share `m` is of users, who are named in its own sentence text[start:end]
    ("(about 4%). Any user …" is a share of something else)."""
    if SHARE_WHO.compiled.search(m.group(0)) or m.group(0).lower().endswith(" us"):
        return True  # the share names them: "all visitors got a 500 Internal Server Error"
    after = text[m.end() : min(m.end() + 60, end)]
    around = text[max(start, m.start() - 40) : min(m.end() + 60, end)]
    near = m.group(0) + " " + " ".join(after.split()[:6])
    if SHARE_WHO.compiled.search(near) and not _NOT_SHARE.compiled.search(
        " ".join(after.split()[:4])
    ):
        return True
    return bool(
        re.search(r"\baffect|\bimpact", around, re.IGNORECASE)
        and SHARE_WHO.compiled.search(around)
        and not _NOT_SHARE.compiled.search(near)
    )
