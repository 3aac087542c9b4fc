"""Whether a share is of the users or of the load (requests, queries, traffic), and the words
that name who or what a share is of."""

from __future__ import annotations

import re

from ..text.prefilter import Lazy

SHARE_WHO = Lazy(
    r"\b(?:users?|customers?|clients?|subscribers?|visitors?|members?|players?|merchants?|accounts?|requests?"
    r"|traffic|students?|learners?|tenants?|shoppers?|people|calls|transactions|sessions|logins|queries|orders"
    r"|user ?base|customer ?base|readers|buyers|employees|staff|guests?|viewers?|listeners?"
    r"|testers?|colleagues|teammates"
    r"|riders?|passengers?|drivers?|sellers?|developers?|organi[sz]ations?|households?"
    # what customers own or buy: "8% of workspaces", "22% of checkouts" (a part of the attempts
    # is a share of the load: see LOAD)
    r"|workspaces?|projects?|teams?|companies|businesses|stores?|shops?|attempts|payments"
    r"|purchases|checkouts|bookings"
    # what stands for a customer's client: "4,100 of our ~9,800 active API tokens"
    r"|(?:api )?tokens|api keys|devices|integrations|\w*holders"
    # what a browser asks for: "half of page loads" is a share of the load
    r"|page ?(?:loads|views)|hits|everyone|everybody)\b",
    re.IGNORECASE,
)


def share_of_load(text: str, start: int, end: int) -> str | None:
    """Whether the share `text[start:end]` is of the requests, queries or traffic: "part"
    ("about 50% of requests failed", "half of all requests"), a share of the load, not of the
    users, since a client retries and one user sends many; "whole" when all of it failed
    ("100% of requests failed", "every request timed out"), which tells that every user was
    affected; None for a share of something else. All of it on its path ("every request fell
    through to MySQL") is a part: it tells no failure."""
    share, after = text[start:end], text[end:]
    who = SHARE_WHO.compiled.search(share + " " + " ".join(after.split()[:6]))
    if not (who and LOAD.compiled.fullmatch(who.group(0))):
        return None
    if WHOLE.compiled.search(share) and not _PART_OF.compiled.search(text, 0, start):
        return "whole" if FAILED.compiled.search(text) else "part"
    return "part"


WHOLE = Lazy(r"\b(?:all|every|entire|each)\b|\b100 ?%|\b100 percent\b", re.IGNORECASE)
# "55% of all traffic", "half of all requests": the "all" is the whole a part is taken of
_PART_OF = Lazy(r"(?:%|\bpercent|\bhalf|\bthird|\bquarter|\d)[*_]*\sof\s$", re.IGNORECASE)
# (a number in brackets is a port: "all traffic except HTTPS (443)")
FAILED = Lazy(
    r"\b(?:fail|errors?\b|(?<!\()[45]\d\d\b(?!\))|timed? ?out|affected|impacted|unable|denied"
    r"|rejected|refused|dropped|lost\b|missing|slow)",
    re.IGNORECASE,
)
LOAD = Lazy(r"requests?|traffic|calls|queries|attempts|page ?(?:loads|views)|hits", re.IGNORECASE)
