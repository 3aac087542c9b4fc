"""What the privacy rules look for: e-mail addresses, phone numbers, IP addresses and secrets,
as patterns with the tests that tell a detail from a placeholder (whose mailbox an address is:
privacy_roles)."""

from __future__ import annotations

import ipaddress
import re
from bisect import bisect_right
from functools import lru_cache

from ..models import Block
from ..text.prefilter import Lazy
from ..text.runs import RunSearch
from .privacy_runs import JWT, URL_PASSWORD, URLS

EMAIL = Lazy(  # also used by llm/redact.py
    r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?P<domain>[A-Za-z0-9-]+"
    r"(?:\.[A-Za-z0-9-]+)*\.(?P<tld>[A-Za-z]{2,24}))(?![\w@-])"
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
    for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32", "3fff::/20")
    # reserved for benchmarking (RFC 2544), used in write-ups as stand-ins like the above
    + ("198.18.0.0/15",)
]
# A document that says its addresses are stand-ins ("IP addresses have been anonymised",
# "prefixes in this report were replaced with documentation ranges", "all IPs below are
# fictional"): none of them maps the writer's network.
_ADDRESSES = (
    r"(?:IPs|IPv[46]|(?:IP |IPv[46] |network )?(?:address(?:es)?|prefix(?:es)?|ranges|subnets))"
)
_STAND_IN = (
    r"(?:anonymi[sz]ed|redacted|obfuscated|masked|sanitised|sanitized|scrubbed|fictional"
    r"|fictitious|made[- ]up|documentation|placeholders?|dummy|fake)"
)
ANONYMISED = Lazy(
    rf"(?i:\b{_ADDRESSES}\b[^.!?\n]{{0,60}}?\b(?:ha(?:ve|s) been|were|was|are|is)\s+(?:all\s+)?"
    rf"(?:{_STAND_IN}\b|(?:replaced|substituted|swapped)\s+(?:\w+\s+)?(?:with|by|for)\s+"
    rf"(?:\w+\s+){{0,2}}?(?:{_STAND_IN}|reserved|example)\b)"
    rf"|\b{_STAND_IN}\s+(?:IPs|(?:IP |IPv[46] )?(?:addresses|prefixes|ranges))\b)"
)


# (what, pattern, strings one of which every match contains, whether to test them in
# lower-cased text: see text.prefilter.may_match)
SECRETS: tuple[tuple[str, Lazy | RunSearch, tuple[str, ...], bool], ...] = (
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
    ("a JSON Web Token", JWT, ("eyJ",), False),
    (
        "a bearer token",
        Lazy(r"\bBearer\s+(?=[\w.~+/-]*\d)(?:[\w~+/-]|\.(?=\w)){20,}=*"),
        ("Bearer",),
        False,
    ),
    ("a password in a URL", URL_PASSWORD, ("://",), False),
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
HOSTILE = Lazy(
    r"(?i:indicators?\s+of\s+compromise|attack(?:ers?|ing)?\b|malicious|threat\s+actors?|"
    r"command[- ]and[- ]control|botnets?|(?:block|black|deny)-?list(?:ed)?|"
    r"phishing|spoofed|brute[- ]?forc\w*|intru(?:sion|ders?)|exfiltrat\w*|hostile|"
    r"scanners?\b)|\bIo[Cc]s?\b|\bIOCs?\b|\bC2\b"
)


def in_url(block: Block, start: int, end: int) -> bool:
    """Whether block.text[start:end] lies inside a URL (the last one that starts before it: the
    URLs of a text do not overlap)."""
    starts, ends = _urls(block.text)
    at = bisect_right(starts, start)
    return at > 0 and end <= ends[at - 1]


@lru_cache(maxsize=16)
def _urls(text: str) -> tuple[list[int], list[int]]:
    """Where the URLs of `text` start and end, found once per text (not once per number)."""
    spans = [m.span() for m in URLS.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


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


# Addresses of public services everyone may name, published by their operators: DNS resolvers
# ("we pointed the host at 8.8.8.8"), the addresses a hosting service asks its users to put in
# their A records (GitHub Pages, Netlify, Vercel, Render, Firebase, GitLab Pages). They map no
# network and point at no user.
_RESOLVERS = (
    "1.1.1.1 1.0.0.1 1.1.1.2 1.0.0.2 1.1.1.3 1.0.0.3 8.8.8.8 8.8.4.4 9.9.9.9 149.112.112.112"
    " 208.67.222.222 208.67.220.220 4.2.2.1 4.2.2.2 94.140.14.14 94.140.15.15"
    " 2606:4700:4700::1111 2606:4700:4700::1001 2001:4860:4860::8888 2001:4860:4860::8844"
    " 2620:fe::fe"
)
_HOSTING = (
    "185.199.108.153 185.199.109.153 185.199.110.153 185.199.111.153 2606:50c0:8000::153"
    " 2606:50c0:8001::153 2606:50c0:8002::153 2606:50c0:8003::153 75.2.60.5 76.76.21.21"
    " 216.24.57.1 199.36.158.100 151.101.1.195 151.101.65.195 35.185.44.232"
)
# the stand-ins writers make up for "some address" (a runbook's `curl http://1.2.3.4/`)
_STAND_INS = "1.2.3.4 4.3.2.1 12.34.56.78 123.45.67.89 11.22.33.44"
_PUBLIC_SERVICES = frozenset(
    map(ipaddress.ip_address, f"{_RESOLVERS} {_HOSTING} {_STAND_INS}".split())
)
# private ranges (RFC 1918, carrier-grade NAT, IPv6 unique local): the same numbers in every
# network, naming no host to anyone outside it; reported only when a team asks (PM603's
# option `private`)
_PRIVATE_NETS = [
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
]


def private(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(addr.version == n.version and addr in n for n in _PRIVATE_NETS)


def reportable(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if addr.is_loopback or addr.is_unspecified or addr.is_multicast or addr in _PUBLIC_SERVICES:
        return False
    if (addr.version == 4 and addr.is_link_local) or addr.is_reserved:
        return False  # the same on every host (169.254.x.x); fe80:: may carry a device's MAC
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


# What the LLM stage's redaction removes beyond what the rules report (llm/redact.py): whole
# private-key blocks (the rule reports their first line), cloud keys the rules do not know,
# payment card numbers and IBANs (each checked by its check digits, so that an order number or
# an id is not taken for one).
KEY_BLOCK = Lazy(
    r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
    r"[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|(?=\n[ \t]*\n)|\Z)"
)
# an international number on one line (PHONES' first pattern may run on into the next line,
# and the rule then drops the match)
INTL_PHONE = Lazy(r"(?<![\w+=/.-])\+\d(?:[ ().-]{0,2}\d){7,14}(?![\w-])")
# a local number (a leading 0, no country code) after a word that says it is a phone number
LOCAL_PHONE = Lazy(
    r"(?i:\b(?:phone|tel|telephone|mobile|mob|cell|call|fax|whatsapp|sms)\b\.?[^\d\n+]{0,12})"
    r"(?P<num>\(?0\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4})(?![\w-])"
)
CARD = Lazy(  # written in one piece, in groups of four (4-6-5 or 4-6-4 for Amex and Diners)
    r"(?<![\w.+-])(?:\d{13,19}|\d{4}(?P<s>[ -])\d{4}(?P=s)\d{4}(?P=s)\d{4}(?:(?P=s)\d{3})?"
    r"|\d{4}(?P<t>[ -])\d{6}(?P=t)\d{4,5})(?![\w-]|[.,]\d)"
)
IBAN = Lazy(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
# the first digits of the card networks: Visa, Mastercard, American Express, Discover, JCB,
# Diners Club, UnionPay, Maestro
_CARD_PREFIX = re.compile(r"4|5[1-5]|2[2-7]|3[47]|6(?:011|5|4[4-9])|35|3[068]|62|5[06-8]|6[37]")


def luhn(number: str) -> bool:
    """Whether a string of digits passes the Luhn check of payment card numbers."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def card_number(text: str) -> bool:
    """Whether a match of CARD is a payment card number: a network's first digits and a
    valid Luhn check digit."""
    number = text.replace(" ", "").replace("-", "")
    return bool(_CARD_PREFIX.match(number)) and luhn(number)


def iban(text: str) -> str | None:
    """The longest IBAN that `text` starts with (15 to 34 characters, ISO 13616 check
    digits), groups of four included, or None."""
    groups = text.split(" ")
    for n in range(len(groups), 0, -1):
        compact = "".join(groups[:n])
        if 15 <= len(compact) <= 34 and _mod97(compact) == 1:
            return " ".join(groups[:n])
    return None


def _mod97(compact: str) -> int:
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97
