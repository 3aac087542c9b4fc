"""The share of users an incident affected, as the summary states it."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Block
from ..text.borrowed import own_sentences
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from .semantics import Evidence
from .share_everyone import (
    KIND,
    MET_FAILURE,
    anyone_failed,
    counted_vaguely,
    evidence,
    nobody_could,
)

# every alternative opens at a word boundary: tested once a character, not once an alternative
_SHARE = re.compile(
    r"\b(?:\d{1,3}(?:\.\d+)?\s?%|\d{1,3}(?:\.\d+)?\s?per ?cent\b"
    # a share in words: "seven percent", "twenty-five per cent", "nine out of ten"
    r"|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|fifteen)\s(?:per ?cent\b|(?:in|out of)(?: every)? (?:ten|twenty|a hundred|\d+)\b)"
    r"|(?:one|two|three|a|1|2|3)[ -](?:in|out of)[ -]\w+\b"
    r"|(?<!and a )(?:half|a third|a quarter|two[- ]thirds|three[- ]quarters|one[- ]third"
    # never part of a longer word: "a third-party system", "a half-hour"
    r"|a fifth|a tenth)\b(?![-‐]\w)"
    r"(?!\s+(?:an?\s+)?(?:second|minute|hour|day|week|month|year)s?\b)(?: of)?"
    # a count against a total, either in millions or thousands: "1.1 million of the 3.4 million"
    r"|(?<![\d,.])\d[\d,]*+(?:\.\d+)?(?:\s?(?:million|thousand|billion|k)\b)?\s+(?:out\s+)?of\s+"
    r"(?:the\s+|our\s+|its\s+)?(?:total\s+)?(?:[~≈]|(?:about|around|roughly|approximately|some)\s)?"
    r"\d[\d,]*(?:\.\d+)?(?:\s?(?:million|thousand|billion|k)\b)?"
    r"|(?:all|every(?!\s+(?:other|second|third|fourth|fifth|tenth)\b|\s+\d)|100 ?%|entire|whole"
    r"|each)\b"
    # "all 14 of our beta testers", "all five members", "all 4 of us", "every single user"
    r"(?:\s+(?:of|the|our|its|their|active|registered|affected|single|\w+'s|\d[\d,]*+|(?:two|three|four|five"
    r"|six|seven|eight|nine|ten|twelve|twenty)\b))*\s+"
    r"(?:us\b|(?:\w+\s+)?(?:users?|customers?|clients?|subscribers?|visitors?|members?|players?"
    r"|testers?|employees?|staff|colleagues|teammates"
    r"|merchants?|accounts?|guests?|viewers?|passengers?|riders?|drivers?"
    r"|requests?|traffic|students?|learners?|tenants?|shoppers?|patients?"
    r"|veterans?|farmers?|residents?|citizens?|participants?|applicants?|patrons?|donors?"
    r"|user ?base|customer ?base))"
    # "down for everyone" ("everyone who tried", "everyone visiting": see _anyone_failed)
    r"|(?:for|to)\s+(?:everyone|everybody)\b(?!\s+(?:who\b|\w+ing\b)))",
    re.IGNORECASE,
)
_SHARE_WHO = Lazy(
    r"\b(?:users?|customers?|clients?|subscribers?|visitors?|members?|players?|merchants?|accounts?|requests?"
    r"|traffic|students?|learners?|tenants?|shoppers?|people|calls|transactions|sessions|logins|queries|orders"
    r"|user ?base|customer ?base|readers|buyers|employees|staff|guests?|viewers?|listeners?"
    r"|testers?|colleagues|teammates"
    r"|veterans?|farmers?|residents?|citizens?|participants?|applicants?|patrons?|donors?"
    r"|riders?|passengers?|drivers?|sellers?|developers?|organi[sz]ations?|households?"
    # what customers own or buy: "8% of workspaces", "22% of checkouts" (a part of the attempts
    # is a share of the load: see _LOAD)
    r"|workspaces?|projects?|teams?|companies|businesses|stores?|shops?|attempts|payments"
    r"|purchases|checkouts|bookings"
    # customers that are organisations named by their trade: "212 of our 1,950 clinics"
    r"|clinics|hospitals|pharmacies|schools|universities|colleges|restaurants|cafes|hotels|gyms"
    r"|offices|agencies|dealerships|franchisees|venues|salons|farms|libraries|charities"
    # what stands for a customer's client: "4,100 of our ~9,800 active API tokens"
    r"|(?:api )?tokens|api keys|devices|integrations|\w*holders"
    # the devices customers own or rent, named by their kind: "9,200 of the 150,000
    # thermostats in service", "4% of doorbell cameras" (not our servers, nodes or pods)
    r"|thermostats|cameras|doorbells|routers|modems|(?:smart ?)?phones|handsets|tablets"
    r"|watches|wearables|speakers|consoles|set-top boxes|(?:card |payment |pos )?terminals"
    r"|kiosks|printers|(?:smart |electricity |gas |water )?meters|vehicles|cars|scooters|e-?bikes"
    # what a browser asks for: "half of page loads" is a share of the load
    r"|page ?(?:loads|views)|hits|everyone|everybody)\b",
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


def _share_of_load(text: str, start: int, end: int) -> str | None:
    """Whether the share `text[start:end]` is of the requests, queries or traffic: "part"
    ("about 50% of requests failed", "half of all requests"), a share of the load, not of the
    users, since a client retries and one user sends many; "whole" when all of it failed
    ("100% of requests failed", "every request timed out"), which tells that every user was
    affected; None for a share of something else. All of it on its path ("every request fell
    through to MySQL") is a part: it tells no failure."""
    share, after = text[start:end], text[end:]
    who = _SHARE_WHO.compiled.search(share + " " + " ".join(after.split()[:6]))
    if not (who and _LOAD.compiled.fullmatch(who.group(0))):
        return None
    if _WHOLE.compiled.search(share) and not _PART_OF.compiled.search(text, 0, start):
        return "whole" if _FAILED.compiled.search(text) else "part"
    return "part"


_WHOLE = Lazy(r"\b(?:all|every|entire|whole|each)\b|\b100 ?%|\b100 percent\b", re.IGNORECASE)
# "55% of all traffic", "half of all requests": the "all" is the whole a part is taken of
_PART_OF = Lazy(r"(?:%|\bpercent|\bhalf|\bthird|\bquarter|\d)[*_]*\sof\s$", re.IGNORECASE)
# (a number in brackets is a port: "all traffic except HTTPS (443)")
_FAILED = Lazy(
    r"\b(?:fail|errors?\b|(?<!\()[45]\d\d\b(?!\))|timed? ?out|affected|impacted|unable|denied"
    r"|rejected|refused|dropped|lost\b|missing|slow)",
    re.IGNORECASE,
)
# a count of people restated as a share in brackets: "164,000 of you (71%)", "3,100 users (12%)"
_RESTATED = Lazy(
    r"(?<![\w,.])\d[\d,.]*+\s*+(?:k\s+)?(?:of (?:you|them|our \w+)"
    r"|(?:\w++\s+)?(?:users|customers|players|visitors|members|subscribers|accounts|merchants|students|drivers|shoppers))\s*+\($",
    re.IGNORECASE,
)
_LOAD = Lazy(r"requests?|traffic|calls|queries|attempts|page ?(?:loads|views)|hits", re.IGNORECASE)


def affected_share(blocks: list[Block]) -> Evidence | None:
    """The first share of users stated ("38% of users", "one in ten customers", "all
    merchants"), not a business metric ("a 25% drop in traffic"); else everyone of a group
    that met the failure ("anyone who tried to register got an error"), or all of the load
    failing ("every request got a 502"), unless the summary counts the people hit with a word
    of size ("most of our testers were affected"): then it was not all of them, and how many
    it was is not said."""
    share, whole = _stated_share(blocks)
    if share:
        return share
    inferred = whole or anyone_failed(blocks) or nobody_could(blocks)
    return None if inferred is None or counted_vaguely(blocks) else inferred


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
    struck = _STRUCK.compiled.search(text, max(start, m.start() - 30), m.start())
    if struck:  # "affecting all students", "it hit every customer": they met it, unless it
        # is what might have been ("this could have affected all users")
        return (
            _MAY.compiled.search(text, max(start, struck.start() - 20), struck.start()) is not None
        )
    return bool(
        _OF_AFFECTED.compiled.search(m.group(0))
        or _WHO_FAILED.compiled.match(text, m.end())
        or KIND.compiled.search(sentence)
        or _TOLD_TO.compiled.search(sentence)
        or not (_FAILED.compiled.search(sentence) or MET_FAILURE.compiled.search(sentence))
        and not _DOWN.compiled.search(sentence)
    )


_TOTAL = Lazy(r"(?:(?:for|to)\s+)?(?:all|every|entire|whole|each)", re.IGNORECASE)
# all of those the failure met, named by it: "every client that failed to log in retried",
# "all users who were affected got a credit" (a count of the affected, not their share)
_WHO_FAILED = Lazy(
    r"\s(?:that|who|which)\s++(?:had\s++)?(?:failed|errored|timed out|were affected"
    r"|was affected|were impacted|was impacted|(?:hit|saw|got)\s++(?:an?\s++|the\s++)?errors?)\b",
    re.IGNORECASE,
)
# the share is what the failure struck: "…, affecting all students attempting to log in"
_STRUCK = Lazy(r"\b(?:affect(?:ed|ing|s)?|impact(?:ed|ing|s)?|hit(?:ting|s)?)\s+$", re.IGNORECASE)
_MAY = Lazy(r"\b(?:could|would|might|may|can|will|should)\s+(?:have\s+|be\s+)?$", re.I)
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


def _stated_share(blocks: list[Block]) -> tuple[Evidence | None, Evidence | None]:
    """The first share of users, and all of the load failing ("100% of queries failed")."""
    whole: Evidence | None = None
    for b in blocks:
        found = list(_SHARE.finditer(b.text))
        own = own_sentences(b) if found else []
        starts = [s for s, _ in own]
        for m in found:
            at = bisect_right(starts, m.start()) - 1  # the sentence that holds the match
            if at < 0 or m.start() >= own[at][1]:
                continue  # in a question or a quoted log line
            if _not_told(b.text, m, *own[at]):
                continue
            lo = max(0, m.start() - 30)
            if _ROUTED.compiled.search(b.text, lo, m.start()):
                continue  # where traffic was sent, not who was affected
            if _METRIC.compiled.search(b.text, lo, m.start()):
                continue  # "the database CPU sat at 100%"
            load = _share_of_load(b.text[lo : m.end() + 60], m.start() - lo, m.end() - lo)
            if load == "whole":
                whole = whole or evidence(b, m.start(), m.end())
            if load:
                continue
            if _RESTATED.compiled.search(b.text, lo, m.start()) or _restated_count(
                b.text, m, *own[at]
            ):
                return evidence(b, m.start(), m.end()), whole
            if _of_users(b.text, m, *own[at]):
                return evidence(b, *_counted(b.text, m, found, own[at])), whole
    return None, whole


def _counted(
    text: str, m: re.Match[str], found: list[re.Match[str]], sentence: tuple[int, int]
) -> tuple[int, int]:
    """Where a share of users stands: a count or percentage later in the same sentence rather
    than a totality that only scopes it ("All tenants in eu-west-1: 1,812 of 4,430 (40.9%)")."""
    if not _TOTAL.compiled.match(m.group(0)):
        return m.start(), m.end()
    for later in found:
        if not m.end() <= later.start() < sentence[1] or _TOTAL.compiled.match(later.group(0)):
            continue
        lo = max(0, later.start() - 30)
        if _METRIC.compiled.search(text, lo, later.start()) or _share_of_load(
            text[lo : later.end() + 60], later.start() - lo, later.end() - lo
        ):
            continue
        if _of_users(text, later, *sentence):
            return later.start(), later.end()
    return m.start(), m.end()


def _restated_count(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether the share `m` restates, in brackets, a count of the people its sentence names:
    "Of the 3.1 million players who tried, about 1.9 million (61%) never got in"."""
    if not _COUNT_BRACKET.compiled.search(text, max(start, m.start() - 25), m.start()):
        return False
    whole = _OF_THE_WHOLE.compiled.search(text, start, m.start())
    who = whole["who"].split() if whole else []
    if any(_SHARE_WHO.compiled.fullmatch(w) and not _LOAD.compiled.fullmatch(w) for w in who):
        return True  # "Of the 35,390 accounts that sent requests, 18,406 (52%) got errors"
    return (
        bool(_SHARE_WHO.compiled.search(text, start, end))
        and _LOAD.compiled.search(text[start:end]) is None
    )


# the whole the count is of, named first: "Of the 3.1 million players", "Out of our 900 users"
_OF_THE_WHOLE = Lazy(
    r"\b(?:out )?of (?:the|our|its|all) (?:~|about |around |roughly )?\d[\d,.]*+"
    r"(?:\s?(?:million|thousand|k)\b)? (?P<who>[\w-]+(?: \w+)?)",
    re.IGNORECASE,
)


_COUNT_BRACKET = Lazy(
    r"(?<![\d,.])\d[\d,]*+(?:\.\d+)?(?:\s?(?:million|thousand|billion|k)\b)?\s*+"
    r"\((?:about |around |roughly |~)?$",
    re.IGNORECASE,
)


def _of_users(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether the share `m` is of users, who are named in its own sentence text[start:end]
    ("(about 4%). Any user …" is a share of something else)."""
    if _SHARE_WHO.compiled.search(m.group(0)) or m.group(0).lower().endswith(" us"):
        return True  # the share names them: "all visitors got a 500 Internal Server Error"
    after = re.split(r"[;:—]", text[m.end() : min(m.end() + 60, end)], maxsplit=1)[0]
    around = text[max(start, m.start() - 40) : min(m.end() + 60, end)]
    near = m.group(0) + " " + " ".join(after.split()[:6])
    if _SHARE_WHO.compiled.search(near) and not _NOT_SHARE.compiled.search(
        " ".join(after.split()[:4])
    ):
        return True
    return bool(
        re.search(r"\baffect|\bimpact", around, re.IGNORECASE)
        and _SHARE_WHO.compiled.search(around)
        and not _NOT_SHARE.compiled.search(near)
    )
