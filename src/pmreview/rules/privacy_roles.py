"""Whose mailbox an e-mail address is: a person's, or a role's, a team's or a list's.

A person's address names the person ("jane.okafor@", "r.osei@", "kiptoo92@"); a role address
names a function ("support@", "it-helpdesk@", "digital.services@", "webteam@"). PM601 reports
only the first kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..resources import load_toml
from ..text.prefilter import Lazy
from .privacy_patterns import EMAIL

_TLDS = frozenset(
    {"com", "org", "net", "edu", "gov", "mil", "int", "io", "dev", "app", "co", "info", "biz"}
    | {"ai", "me", "tech", "cloud", "xyz", "email", "online", "site", "name", "pro", "mail"}
)
FREEMAIL = Lazy(
    r"^(?:g(?:oogle)?mail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|"
    r"mac|proton(?:mail)?|pm|gmx|zoho|yandex|mail|qq|163)\.",
    re.I,
)
_SAFE_DOMAIN = Lazy(
    r"(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|"
    r"users\.noreply\.github\.com)$",
    re.I,
)
# A placeholder: an address made up to stand for any user, in a test row, a form, a sample
# command ("test@test.com", "john.doe@company.com", "user@yourdomain.com", "foo@bar.com"). It
# reaches nobody, or nobody the writer means.
_PLACEHOLDER_DOMAIN = Lazy(
    r"^(?:test|testing|tests|fake|dummy|sample|demo|foo|bar|baz|domain|mydomain|yourdomain|"
    r"your-?domain|yourcompany|your-?company|company|mycompany|acme|email|somewhere|someplace|"
    r"website|mysite|yoursite)\d*\.(?:com|org|net|io|co)$",
    re.I,
)
# the words a stand-in mailbox is made of, alone or joined ("test.user", "first.last",
# "your-name"); "jane.doe@" may name a person in a story, and is judged as a name ("jane.doe@
# company.com" is a stand-in by its domain)
_PLACEHOLDER_WORDS = frozenset(
    {"test", "tester", "testing", "testuser", "user", "username", "account", "example"}
    | {"someone", "somebody", "anyone", "nobody", "name", "yourname", "your"}
    | {"first", "last", "firstname", "lastname", "foo", "bar", "baz", "foobar", "asdf"}
    | {"dummy", "fake", "sample", "demo"}
)

_ROLE = Lazy(
    r"^(?:support|help|helpdesk|info|contact|security|secure|admin|abuse|no-?reply|do-?not-?reply|"
    r"ops|oncall|on-call|sre|team|dev|devops|incidents?|status|postmaster|webmaster|hostmaster|"
    r"sales|billing|hello|press|media|privacy|legal|hr|jobs|careers|feedback|service|servicedesk|"
    r"service-desk|it-?support|customer"
    r"[\w-]*|announce|bounty|bugs?|root|noc|soc|it|everyone|all|staff|office|enquiries|inquiries|"
    r"git|deploy|ubuntu|ec2-user|jenkins|bot|ci|build|alerts?|pagerduty|notifications?|"
    r"mailer-daemon)$"
    r"|[-_.](?:dev|devel|announce|users|team|ops|list|discuss|alerts|oncall|help|support|security"
    r"|all|desk|servicedesk)$"
    r"|^(?:dev|announce|users|team|ops|list|alerts|security)[-_.]",
    re.I,
)

# A free-mail local part that names a team as one of its parts ("acme.team", "shop-support"):
# a shared mailbox ("jo.dev@gmail.com" and a bare "admin@gmail.com" are someone's own), unless
# another part is a given name ("support.jane", "kofi.ops": a person's own, see _named).
_SHARED = Lazy(
    r"[-_.](?:team|crew|group|support|help|helpdesk|ops|oncall|on-call|alerts|desk|servicedesk)$"
    r"|^(?:team|support|ops|alerts)[-_.]",
    re.I,
)


def personal(local: str, domain: str, tld: str) -> bool:
    """Whether local@domain is a person's own address."""
    if _SAFE_DOMAIN.compiled.search(domain) or placeholder(local, domain):
        return False
    if len(tld) != 2 and tld.lower() not in _TLDS:
        return False  # "postgresql@14-main.service" is a systemd unit, not an address
    if FREEMAIL.compiled.match(domain):
        return not _SHARED.compiled.search(local) or _named(local)
    return not (_ROLE.compiled.search(local) or _functional(local))


# user@host as a remote login, not a mailbox: after a command that logs in or copies, its
# options between ("ssh deploy@bastion.example.net", "scp -i key admin@db1.corp.io:/tmp",
# "git clone git@github.com:org/repo"), or followed by ":" and a path
# ("ops@files.acme.io:/srv/dump")
_LOGIN_COMMANDS = frozenset(["ssh", "scp", "sftp", "rsync", "mosh", "telnet", "ftp", "clone"])
_LOGIN_AFTER = re.compile(r":(?:[~/.\w-]*/|~)")


def login(text: str, start: int, end: int) -> bool:
    """Whether the address at text[start:end] is a remote login (user@host), not a mailbox."""
    if _LOGIN_AFTER.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 80) : start]
    if before[-1:] not in (" ", "\t", "`", "'", '"'):
        return False
    words = [w.strip("`'\"").lower() for w in before.split()][-6:]
    k = len(words) - 1
    while k >= 0 and words[k] not in _LOGIN_COMMANDS:
        opt = words[k].startswith("-") or (k > 0 and words[k - 1].startswith("-"))
        if not opt:
            return False
        k -= 1
    return k >= 0 and (words[k] != "clone" or (k > 0 and words[k - 1] == "git"))


def placeholder(local: str, domain: str) -> bool:
    """Whether local@domain is made up to stand for anyone: a stand-in mailbox or domain."""
    if _PLACEHOLDER_DOMAIN.compiled.match(domain):
        return True
    parts = [p for p in re.split(r"[-_.+\d]+", local.lower()) if p]
    return bool(parts) and all(p in _PLACEHOLDER_WORDS for p in parts)


def _functional(local: str) -> bool:
    """Whether every part of the local part names a function ("it-helpdesk",
    "digital.services", "webteam"); digits aside ("noc24")."""
    parts = [p for p in re.split(r"[-_.+\d]+", local.lower()) if p]
    if len(parts) == 2 and _acronym(parts[0]) and _composed(parts[1]):
        return True  # a project's or a body's initials and a role: "raa-admin", "gsoc.team"
    return bool(parts) and all(_composed(p) for p in parts)


def _acronym(word: str) -> bool:
    """A short word of initials that is no given name ("raa", "gsoc"; not "jo", "ana")."""
    return 2 <= len(word) <= 4 and word not in _given_names()


@cache
def _composed(word: str) -> bool:
    """Whether `word` is one or more function words (data/mailboxes.toml) run together
    ("webteam" = web + team)."""
    words = _function_words()
    if word in words:
        return True
    return any(word[:n] in words and _composed(word[n:]) for n in range(2, len(word) - 1))


@cache
def _function_words() -> frozenset[str]:
    return frozenset(load_toml("mailboxes.toml")["functions"])


def _named(local: str) -> bool:
    """Whether a part of an address's local part is a common given name (data/blame.toml)."""
    return any(part in _given_names() for part in re.split(r"[-_.\d]+", local.lower()))


@cache
def _given_names() -> frozenset[str]:
    return frozenset(load_toml("blame.toml")["names"])


# A person's address in a header that code blocks quote (a commit, a mail, a trailer):
# "Author: Emeka Obi <emeka.obi.dev@gmail.com>", "Signed-off-by: Jo Ade <jo@corp.io>".
_HEADER = Lazy(
    r"^\s*(?:Author|Commit(?:ter)?|From|To|Cc|Reply-To|Signed-off-by|Co-authored-by"
    r"|Reviewed-by|Reported-by|Acked-by|Tested-by):[ \t]*[^<>\n]{1,60}<(?P<addr>[^<>\s]+)>",
    re.I,
)


def header_addresses(lines: tuple[str, ...], read: set[int]) -> Iterator[tuple[int, int, int]]:
    """(line, start, end) of each person's address in a quoted header, on the lines not in
    `read` (those the prose checks have read: code blocks are not blocks)."""
    for n, text in enumerate(lines, 1):
        if n in read or "@" not in text:
            continue
        m = _HEADER.compiled.match(text)
        email = EMAIL.compiled.fullmatch(m.group("addr")) if m is not None else None
        if m is None or email is None:
            continue
        if personal(email.group(0).split("@")[0], email["domain"], email["tld"]):
            yield n, m.start("addr"), m.end("addr")
