"""What the privacy rules look for: personal addresses, phone numbers, IP addresses and
secrets, as patterns with the tests that tell a person's detail from a role's or a placeholder."""

from __future__ import annotations

import ipaddress
import re

from ..models import Block, Document, Section
from ..text.prefilter import Lazy

EMAIL = Lazy(  # also used by llm/redact.py
    r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?P<domain>[A-Za-z0-9-]+"
    r"(?:\.[A-Za-z0-9-]+)*\.(?P<tld>[A-Za-z]{2,24}))(?![\w@-])"
)
_TLDS = {
    "com",
    "org",
    "net",
    "edu",
    "gov",
    "mil",
    "int",
    "io",
    "dev",
    "app",
    "co",
    "info",
    "biz",
    "ai",
    "me",
    "tech",
    "cloud",
    "xyz",
    "email",
    "online",
    "site",
    "name",
    "pro",
    "mail",
}
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
_ROLE = Lazy(
    r"^(?:support|help|helpdesk|info|contact|security|secure|admin|abuse|no-?reply|do-?not-?reply|"
    r"ops|oncall|on-call|sre|team|dev|devops|incidents?|status|postmaster|webmaster|hostmaster|"
    r"sales|billing|hello|press|media|privacy|legal|hr|jobs|careers|feedback|service|customer"
    r"[\w-]*|announce|bounty|bugs?|root|noc|soc|it|everyone|all|staff|office|enquiries|inquiries|"
    r"git|deploy|ubuntu|ec2-user|jenkins|bot|ci|build|alerts?|pagerduty|notifications?|"
    r"mailer-daemon)$"
    r"|[-_.](?:dev|devel|announce|users|team|ops|list|discuss|alerts|oncall|help|support|security)$"
    r"|^(?:dev|announce|users|team|ops|list|alerts|security)[-_.]",
    re.I,
)

# (pattern, strings one of which every match contains, whether to test them in lower-cased
# text: see text.prefilter.may_match)
PHONES: tuple[tuple[Lazy, tuple[str, ...], bool], ...] = (
    (Lazy(r"(?<![\w+=/.-])\+\d[\d\s().-]{6,18}\d(?![\w-])"), ("+",), False),
    (Lazy(r"(?<![\w.-])\(\d{3}\)\s?\d{3}[-.\s]\d{4}(?![\w-])"), ("(",), False),
    (Lazy(r"(?<![\w.:/-])\d{3}[-.]\d{3}[-.]\d{4}(?![\w.-])"), ("-", "."), False),
    (
        Lazy(
            r"(?i:\b(?:phone|tel|telephone|mobile|cell|call|whatsapp|sms)\b[^\d\n]{0,12})"
            r"(?P<num>0\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4})(?!\d)"
        ),
        ("phone", "tel", "mobile", "cell", "call", "whatsapp", "sms"),
        True,
    ),
)
_URL = Lazy(r"\b[a-z][a-z0-9+.-]*://\S+|\]\([^)\s]*\)|<[^>\s]+>|\b(?:www\.)\S+", re.I)

IPV4 = Lazy(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}"
    r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w-]|\.\d)(?P<cidr>/\d{1,2})?"
)
_IPV6 = Lazy(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:.])")
# a piece every match of each has: "1.2" in an IPv4 address, ":0db8:" or "::" in an IPv6 one
IP_HINTS = ((IPV4, re.compile(r"\d\.\d")), (_IPV6, re.compile(r":[0-9A-Fa-f]{0,4}:")))
VERSION_CUE = Lazy(r"(?i:\b(?:version|ver\.?|release|build|firmware|kernel|v|rev)\s*)$")
_DOC_NETS = [
    ipaddress.ip_network(n)
    for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
]

# (what, pattern, strings one of which every match contains, whether to test them in
# lower-cased text: see text.prefilter.may_match)
SECRETS: tuple[tuple[str, Lazy, tuple[str, ...], bool], ...] = (
    ("an AWS access key", Lazy(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), ("AKIA", "ASIA"), False),
    (
        "a GitHub token",
        Lazy(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{20,})"),
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
        False,
    ),
    ("a Slack token", Lazy(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"), ("xox",), False),
    ("a Google API key", Lazy(r"\bAIza[0-9A-Za-z_-]{35}\b"), ("AIza",), False),
    ("a Stripe secret key", Lazy(r"\b[sr]k_live_[0-9A-Za-z]{16,}"), ("k_live_",), False),
    (
        "a private key",
        Lazy(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----"),
        ("PRIVATE KEY",),
        False,
    ),
    (
        "a JSON Web Token",
        Lazy(r"\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}"),
        ("eyJ",),
        False,
    ),
    (
        "a bearer token",
        Lazy(r"\bBearer\s+(?=[\w.~+/-]*\d)(?:[\w~+/-]|\.(?=\w)){20,}=*"),
        ("Bearer",),
        False,
    ),
    (
        "a password in a URL",
        Lazy(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:(?P<value>[^\s@/]{3,})@", re.I),
        ("://",),
        False,
    ),
    (
        "a password or key",
        Lazy(
            r"(?i:\b(?:password|passwd|pwd|pass|secret|secret_?key|api_?key|apikey|access_?key|"
            r"access_?token|auth_?token|client_?secret|private_?key|token)\b)[\"']?\s*(?P<sep>[:=])"
            r"\s*[\"']?(?P<value>[^\s\"'`,;)]{4,})"
        ),
        ("pass", "pwd", "secret", "key", "token"),
        True,
    ),
)
_PLACEHOLDER = Lazy(
    r"^(?:<.*>|\$\{?\w+\}?|\{\{.*\}\}|\*+|x+|\.+|redacted|none|null|nil|"
    r"true|false|your[_-]?\w*|\[.*\]|%\w+%?|\*{3,}.*)$",
    re.I,
)


# Words that make an address the attacker's, not a person's to protect: a list of indicators of
# compromise, the source of an attack, a blocked scanner.
_HOSTILE = Lazy(
    r"(?i:indicators?\s+of\s+compromise|attack(?:ers?|ing)?\b|malicious|threat\s+actors?|"
    r"command[- ]and[- ]control|botnets?|(?:block|black|deny)-?list(?:ed)?|"
    r"phishing|spoofed|brute[- ]?forc\w*|intru(?:sion|ders?)|exfiltrat\w*|hostile|"
    r"scanners?\b)|\bIo[Cc]s?\b|\bIOCs?\b|\bC2\b"
)


def hostile(doc: Document, sec: Section, block: Block, line: int) -> bool:
    """Whether an address on `line` is named as an attacker's: by its line, its section's
    title, or the line that introduces its list or table."""
    lines = doc.source.lines
    if _HOSTILE.compiled.search(lines[line - 1]) or _HOSTILE.compiled.search(sec.title):
        return True
    if block.kind not in ("item", "row"):
        return False
    n = line - 1
    while n > 0 and (not lines[n - 1].strip() or _LIST_LINE.match(lines[n - 1])):
        n -= 1
    return n > 0 and bool(_HOSTILE.compiled.search(lines[n - 1]))


_LIST_LINE = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|\|)")


def in_url(block: Block, start: int, end: int) -> bool:
    return any(m.start() <= start and end <= m.end() for m in _URL.compiled.finditer(block.text))


def personal(local: str, domain: str, tld: str) -> bool:
    if _SAFE_DOMAIN.compiled.search(domain):
        return False
    if len(tld) != 2 and tld.lower() not in _TLDS:
        return False  # "postgresql@14-main.service" is a systemd unit, not an address
    return bool(FREEMAIL.compiled.match(domain)) or not _ROLE.compiled.search(local)


def digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


# a phone number has 8 digits or more, at most 3 characters apart (opening with \d lets re
# skip ahead to the digits; "(?:\d\D{0,3}){8}" was tried at every character)
EIGHT_DIGITS = re.compile(r"\d(?:\D{0,3}\d){7}")


def as_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def reportable(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if addr.is_loopback or addr.is_unspecified or addr.is_multicast:
        return False
    return str(addr) != "255.255.255.255" and not any(addr in n for n in _DOC_NETS)


def secret_value(m: re.Match[str]) -> bool:
    if "example" in m.group(0).lower():
        return False  # a documentation key ("AKIAIOSFODNN7EXAMPLE"), published to be copied
    if "value" not in m.groupdict() or m.group("value") is None:
        return True
    value = m.group("value").strip("\"'")
    if _PLACEHOLDER.compiled.match(value) or len(set(value)) < 3:
        return False
    # "password: reset by the admin" is prose, not a password
    return not (m.groupdict().get("sep") == ":" and re.fullmatch(r"[a-z]+", value))
