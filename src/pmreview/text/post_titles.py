"""The titles of a status page's posts: a heading that holds them ("Status updates"), a post's
status ("Resolved", "Monitoring"). The posts themselves: text/borrowed.py (`status_post`)."""

from __future__ import annotations

import re

# the status a status page gives a post ("Investigating", "Identified", "Monitoring", …)
STATUS = (
    r"(?:investigating|identified|monitoring|updated?|resolved|mitigated|recovering|verifying"
    r"|in progress|scheduled|completed)"
)
_STATUS_TITLE = re.compile(rf"^\W*{STATUS}\W*$", re.IGNORECASE)
# a section that holds the posts: "Status page updates", "Customer updates"
_POSTS_TITLE = re.compile(
    r"\bstatus(?:[- ]?page)?\s+(?:updates?|posts?|history|messages?)\b"
    r"|\b(?:public|customer)\s+updates\b"
    r"|\bupdates?\s+(?:posted|published)\b",
    re.IGNORECASE,
)
_UPDATES_TITLE = re.compile(r"^\W*+(?:incident\s++)?updates\W*+$", re.IGNORECASE)


def is_posts_title(title: str) -> bool:
    """Whether a title names a status page's posts ("Status updates", "Customer updates")."""
    return _POSTS_TITLE.search(title) is not None


def is_updates_title(title: str) -> bool:
    """Whether a title is only "Updates": a timeline of posts, some of them the author's own
    words, some set off as a status page's (by their status label next to the time)."""
    return _UPDATES_TITLE.match(title) is not None


def is_status_title(title: str) -> bool:
    """Whether a title is only a post's status ("Resolved", "Monitoring")."""
    return _STATUS_TITLE.match(title) is not None
