"""Privacy rules: personal contact details, addresses and secrets that should not be published."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..models import Block, Document, Hit
from ..text.prefilter import Lazy, may_match
from . import Rule
from ._text import blocks, hit_at

_EMAIL = re.compile(  # also used by llm/redact.py
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
_FREEMAIL = Lazy(
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
_PHONES: tuple[tuple[Lazy, tuple[str, ...], bool], ...] = (
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

_IPV4 = Lazy(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}"
    r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w-]|\.\d)(?P<cidr>/\d{1,2})?"
)
_IPV6 = Lazy(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:.])")
# a piece every match of each has: "1.2" in an IPv4 address, ":0db8:" or "::" in an IPv6 one
_IP_HINTS = ((_IPV4, re.compile(r"\d\.\d")), (_IPV6, re.compile(r":[0-9A-Fa-f]{0,4}:")))
_VERSION_CUE = Lazy(r"(?i:\b(?:version|ver\.?|release|build|firmware|kernel|v|rev)\s*)$")
_DOC_NETS = [
    ipaddress.ip_network(n)
    for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
]

# (what, pattern, strings one of which every match contains, whether to test them in
# lower-cased text: see text.prefilter.may_match)
_SECRETS: tuple[tuple[str, Lazy, tuple[str, ...], bool], ...] = (
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


def _in_url(block: Block, start: int, end: int) -> bool:
    return any(m.start() <= start and end <= m.end() for m in _URL.compiled.finditer(block.text))


def _personal(local: str, domain: str, tld: str) -> bool:
    if _SAFE_DOMAIN.compiled.search(domain):
        return False
    if len(tld) != 2 and tld.lower() not in _TLDS:
        return False  # "postgresql@14-main.service" is a systemd unit, not an address
    return bool(_FREEMAIL.compiled.match(domain)) or not _ROLE.compiled.search(local)


def check_email(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    if "@" not in doc.source.text:  # blocks are lines of the source
        return
    for _, b in blocks(doc):
        if "@" not in b.text:
            continue
        seen: set[int] = set()
        for m in _EMAIL.finditer(b.text):
            local = m.group(0).split("@", 1)[0]
            line = b.position(m.start())[0]
            if b.text[max(0, m.start() - 7) : m.start()].lower() == "mailto:" and line in seen:
                continue
            if not _personal(local, m.group("domain"), m.group("tld")):
                continue
            seen.add(line)
            free = _FREEMAIL.compiled.match(m.group("domain"))
            kind = "a personal mailbox" if free else "a person's address"
            yield hit_at(
                b,
                m.start(),
                m.end(),
                f"This e-mail address looks like {kind}; a postmortem is shared widely and should "
                "not publish how to reach an individual.",
                question="Could a team or role address (oncall@, support@) be given instead?",
                suggestion="TODO: replace the address with a team alias or remove it.",
            )


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


# a phone number has 8 digits or more, at most 3 characters apart (opening with \d lets re
# skip ahead to the digits; "(?:\d\D{0,3}){8}" was tried at every character)
_EIGHT_DIGITS = re.compile(r"\d(?:\D{0,3}\d){7}")


def check_phone(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    for _, b in blocks(doc):
        if not _EIGHT_DIGITS.search(b.text):
            continue
        taken: list[tuple[int, int]] = []
        for pattern, needs, caseless in _PHONES:
            if not may_match(needs, caseless, b.text, b.lower):
                continue
            for m in pattern.compiled.finditer(b.text):
                s, e = (m.start("num"), m.end("num")) if "num" in m.groupdict() else m.span()
                raw = b.text[s:e]
                if not 8 <= _digits(raw) <= 15 or "\n" in raw or "  " in raw:
                    continue
                if _in_url(b, s, e) or any(s < te and ts < e for ts, te in taken):
                    continue
                taken.append((s, e))
                yield hit_at(
                    b,
                    s,
                    e,
                    "This looks like a phone number; publishing it exposes a person to calls "
                    "and spam long after the incident.",
                    question="Is this a personal number? Could a team channel be given instead?",
                    suggestion="TODO: remove the phone number or replace it with the on-call "
                    "alias or support channel.",
                )


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _reportable(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if addr.is_loopback or addr.is_unspecified or addr.is_multicast:
        return False
    return str(addr) != "255.255.255.255" and not any(addr in n for n in _DOC_NETS)


def check_ip(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    for _, b in blocks(doc):
        for pattern, hint in _IP_HINTS:
            if not hint.search(b.text):  # much faster than the pattern, and most text fails
                continue
            for m in pattern.compiled.finditer(b.text):
                raw = m.group(0).split("/", 1)[0]
                addr = _ip(raw)
                if (
                    addr is None
                    or not _reportable(addr)
                    or _VERSION_CUE.compiled.search(b.text[max(0, m.start() - 12) : m.start()])
                ):
                    continue
                if pattern is _IPV4 and m.group("cidr") and m.group("cidr") != "/32":
                    continue  # a network range, not a host
                where = "an internal" if addr.is_private else "a public"
                yield hit_at(
                    b,
                    m.start(),
                    m.start() + len(raw),
                    f"This is {where} IP address; published, it maps your network or points at "
                    "a user or host.",
                    question="Does the reader need the exact address, or would a host role do?",
                    suggestion='TODO: replace the address with a role ("db-primary") or a '
                    "documentation address such as 192.0.2.10.",
                )


def _secret_value(m: re.Match[str]) -> bool:
    if "value" not in m.groupdict() or m.group("value") is None:
        return True
    value = m.group("value").strip("\"'")
    if _PLACEHOLDER.compiled.match(value) or len(set(value)) < 3:
        return False
    # "password: reset by the admin" is prose, not a password
    return not (m.groupdict().get("sep") == ":" and re.fullmatch(r"[a-z]+", value))


def check_secret(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    source = doc.source.text
    # blocks are lines of the source: a string no line holds, no block holds
    wanted = [x for x in _SECRETS if may_match(x[2], x[3], source, doc.lower)]
    if not wanted:
        return
    for _, b in blocks(doc):
        taken: list[tuple[int, int]] = []
        for what, pattern, needs, caseless in wanted:
            if not may_match(needs, caseless, b.text, b.lower):
                continue
            for m in pattern.compiled.finditer(b.text):
                if not _secret_value(m) or any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append(m.span())
                end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip(".,")))
                yield hit_at(
                    b,
                    m.start(),
                    end,
                    f"This looks like {what}. Anyone who reads the postmortem can use it; "
                    "treat it as leaked.",
                    question="Has this credential been revoked and rotated?",
                    suggestion="TODO: remove the secret from the document (and its history), "
                    'rotate it, and write "<redacted>" in its place.',
                )


RULES: list[Rule] = [
    Rule(
        id="PM601",
        name="personal-email",
        category="privacy",
        severity="warning",
        summary="The document publishes a person's e-mail address.",
        what="Finds e-mail addresses at webmail providers (gmail.com, yahoo.com, …) and "
        "addresses of individuals at other domains. Role and list addresses (support@, "
        "security@, etcd-dev@) and example.com addresses are not reported.",
        why="Postmortems are shared widely and kept for years; a personal address in one "
        "invites spam and contact the person never agreed to. Contact points should be "
        "team aliases that outlive staff changes.",
        example="For questions, write to jane.okafor.dev@gmail.com.",
        instead="For questions, write to payments-oncall@company.example.",
        cites=("gdpr",),
        check=check_email,
    ),
    Rule(
        id="PM602",
        name="phone-number",
        category="privacy",
        severity="warning",
        summary="The document publishes a phone number.",
        what="Finds international numbers (+44 20 7946 0958, +2348012345678), North American "
        'numbers ((555) 555-0100, 555-555-0100) and local numbers after "phone" or '
        '"call". Times, dates, versions, durations, ports and numbers inside links are '
        "not reported.",
        why="A phone number in a published document exposes a person to calls long after the "
        "incident; escalation paths belong in the on-call tool, not in the postmortem.",
        example="Call the on-call engineer on +2348012345678.",
        instead="Page the on-call engineer through the payments rotation in PagerDuty.",
        cites=("gdpr",),
        check=check_phone,
    ),
    Rule(
        id="PM603",
        name="ip-address",
        category="privacy",
        severity="info",
        summary="The document contains an IP address.",
        what="Finds IPv4 and IPv6 host addresses, private or public. Loopback (127.0.0.1), "
        "0.0.0.0, documentation ranges (192.0.2.0/24, 2001:db8::/32), network ranges "
        '(10.0.0.0/8) and version numbers ("version 1.2.3.4") are not reported.',
        why="Internal addresses map your network for an attacker; public ones may identify a "
        "user or a customer. A host's role says as much to the reader.",
        example="The health check to 10.20.4.17 timed out.",
        instead="The health check to db-primary (in the private subnet) timed out.",
        cites=("gdpr",),
        check=check_ip,
    ),
    Rule(
        id="PM604",
        name="secret-token",
        category="privacy",
        severity="error",
        summary="The document contains a credential: a key, token or password.",
        what="Finds AWS access keys (AKIA…), GitHub tokens (ghp_…), Slack tokens (xox…), "
        "Google and Stripe keys, JSON Web Tokens, bearer tokens, private-key headers, "
        "passwords in URLs and `password=…`, `api_key: …` assignments. Placeholders "
        "(`<token>`, `$TOKEN`, `***`) are not reported.",
        why="A credential in a document is a leaked credential: postmortems are copied into "
        "wikis, tickets and e-mails. It must be revoked and rotated, not just deleted.",
        example="We called the API with Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        instead="We called the API with Authorization: Bearer <redacted> (token since rotated).",
        cites=("owasp-secrets",),
        check=check_secret,
    ),
]
