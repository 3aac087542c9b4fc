"""Opening text and what it tells: a paragraph that tells the incident (with a date, a time,
or a day named beside the failure), one that says something, one about the write-up itself,
an e-mail's header lines. parse/views.py reads the summary with these."""

from __future__ import annotations

import re

from ..models import Block
from ..text.sentences import sentences
from ..text.times import WEEKDAY, has_date
from .timeline import has_time


def says_something(block: Block) -> bool:
    """A paragraph or item of eight words or more (links and tags aside), not all of it
    about the write-up itself ("This write-up is long, because…")."""
    if block.kind not in ("paragraph", "item"):
        return False
    told = [block.lower[s:e] for s, e in sentences(block)]
    return _word_count(_without_links(block.text)) >= 8 and not all(about_write_up(told))


def _without_links(text: str) -> str:
    """The text with its links and tags blanked out."""
    return _LINK_OR_TAG.sub(" ", text)


def _word_count(text: str) -> int:
    """The words of two letters or more."""
    return len(_WORD.findall(text))


_LINK_OR_TAG = re.compile(r"\S+://\S+|<[^>]*>")
_WORD = re.compile(r"[A-Za-z]{2,}")


def about_write_up(told: list[str]) -> list[bool]:
    """For each of a paragraph's sentences (lower case), whether it is about the write-up,
    not the incident: "This post explains…", "We publish these…", and a next sentence that
    goes on about it ("It is longer than usual, because…")."""
    out: list[bool] = []
    for t in told:
        out.append(bool(ABOUT_WRITE_UP.search(t)) or bool(out and out[-1] and _GOES_ON.match(t)))
    return out


ABOUT_WRITE_UP = re.compile(
    r"\b(?:this|these|our) (?:post|write-?up|report|postmortem|post-mortem|document|page"
    r"|article|summary)s?\b|\bwe publish\b|\bwrit(?:e|ing) (?:this|it) up\b"
    # the purpose of the account: "we want to say sorry, and to explain honestly what happened"
    r"|\b(?:to|will|we'll) explain (?:\w+ )?(?:what happened|what went wrong|why it)\b"
)
# a courtesy line: the writer's apology, thanks or understanding, not a fact of the incident
# ("We sincerely apologise for…", "We understand how important… is to your business",
# "Please accept our apologies", "Thank you for your patience")
COURTESY = re.compile(
    r"^\W*(?:(?:we|i)\s+(?:\w+ly\s+|would like to\s+|want to\s+|wish to\s+)?(?:apologi[sz]e"
    r"|(?:are|am) (?:\w+ )?sorry|regret|understand how|know how|recogni[sz]e how|appreciate"
    r"|thank)|(?:please )?accept our\b|our (?:\w+ )?apologies\b|thank you\b|(?:we|i) say sorry)"
)
# a block of e-mail header lines ("From: …", "**To:** All Staff", "Date: Fri, 14 Nov 2025 …")
_MAIL_HEADER = re.compile(
    r"^(?:[*_]*+(?:from|to|cc|bcc|subject|date|sent|reply-to)[ \t]*[*_]*+:[^\n]*(?:\n|$))+$",
    re.IGNORECASE,
)
_GOES_ON = re.compile(r"\W*(?:it|this|that|they|these)\b")


def mail_header(text: str) -> bool:
    """Whether a block is an e-mail's From/To/Date lines: when it was sent, not the incident;
    one of them names who sent it, to whom or about what ("Date: 4 May" alone is a fact)."""
    return _MAIL_HEADER.match(text) is not None and _ADDRESSED.search(text) is not None


_ADDRESSED = re.compile(r"^[*_]*+(?:from|to|cc|bcc|subject|reply-to)\b", re.I | re.M)


def tells(block: Block) -> bool:
    if block.kind == "item":
        return True
    if mail_header(block.text):
        return False  # an e-mail's From/To/Date lines: when it was sent, not the incident
    words = _without_links(block.text)
    return _word_count(words) >= 12 and (
        has_date(words) or has_time(words) or _day_and_failure(words)
    )


def _day_and_failure(words: str) -> bool:
    """A day named as a letter or a post says it, with the failure told beside it ("On Monday
    morning … many of you could not check in"); not a teaser ("Last Tuesday, some of you
    opened the app and watched it close")."""
    return _DAY_SAID.search(words) is not None and _FAILURE.search(words) is not None


_FAILURE = re.compile(
    r"\b(?:could(?:n[’']t| not)|unable|fail\w*|errors?|down|outage|unavailable|disrupt\w*"
    r"|crash\w*|broke\w*|stopped|delay\w*|cancel\w*)\b",
    re.IGNORECASE,
)
# a day named as a letter or a post says it: "On Monday morning", "yesterday", "last night"
_DAY_SAID = re.compile(
    rf"\b(?:on|last|this|since|until) {WEEKDAY}\b"
    r"|\b(?:yesterday|last night)\b",
    re.IGNORECASE,
)
