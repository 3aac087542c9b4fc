"""Privacy rules: personal contact details, addresses and secrets that should not be published."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import Any

from ..models import Document, Hit
from ..text.prefilter import may_match
from ..text.runs import finder
from . import Option, Rule
from ._text import blocks, hit_at
from .privacy_hostile import hostile, hostile_line
from .privacy_offered import offered
from .privacy_patterns import (
    ANONYMISED,
    EIGHT_DIGITS,
    EMAIL,
    IP_HINTS,
    IPV4,
    PHONES,
    SECRETS,
    VERSION_CUE,
    as_ip,
    digits,
    in_url,
    private,
    reportable,
    secret_value,
)
from .privacy_public import public_line
from .privacy_roles import FREEMAIL, header_addresses, login, personal


def check_email(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    if "@" not in doc.source.text:  # blocks are lines of the source
        return
    read: set[int] = set()
    for sec, b in blocks(doc):
        read.update(range(b.line, b.end_line + 1))
        if "@" not in b.text:
            continue
        seen: set[int] = set()
        for m in EMAIL.compiled.finditer(b.text):
            local = m.group(0).split("@", 1)[0]
            line = b.position(m.start())[0]
            if b.text[max(0, m.start() - 7) : m.start()].lower() == "mailto:" and line in seen:
                continue
            if login(b.text, m.start(), m.end()):
                continue
            if not personal(local, m.group("domain"), m.group("tld")) or hostile(doc, sec, b, line):
                continue
            if offered(doc, line):
                continue
            seen.add(line)
            yield hit_at(b, m.start(), m.end(), _email_message(m.group("domain")), **_EMAIL_ASK)
    for n, s, e in header_addresses(doc.source.lines, read):
        if not hostile_line(doc, n):
            raw = doc.source.lines[n - 1][s:e]
            message = _email_message(raw.rsplit("@", 1)[1])
            yield Hit(n, s + 1, n, e + 1, message, quote=raw, **_EMAIL_ASK)


_EMAIL_ASK = {
    "question": "Could a team or role address (oncall@, support@) be given instead?",
    "suggestion": "TODO: replace the address with a team alias or remove it.",
}


def _email_message(domain: str) -> str:
    kind = "a personal mailbox" if FREEMAIL.compiled.match(domain) else "a person's address"
    return (
        f"This e-mail address looks like {kind}; a postmortem is shared widely and should not "
        "publish how to reach an individual."
    )


class _Spans:
    """Spans that do not overlap, kept in order: whether a new one overlaps any of them is a
    bisection (a block of thousands of numbers made a scan of all of them quadratic)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect_left(self.starts, end)  # the last span that starts before `end`...
        return at > 0 and self.ends[at - 1] > start  # ...ends after `start`

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def check_phone(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    for sec, b in blocks(doc):
        if not EIGHT_DIGITS.search(b.text):
            continue
        taken = _Spans()
        for pattern, needs, caseless in PHONES:
            if not may_match(needs, caseless, b.text, b.lower):
                continue
            for m in pattern.compiled.finditer(b.text):
                s, e = (m.start("num"), m.end("num")) if "num" in m.groupdict() else m.span()
                raw = b.text[s:e]
                if not 8 <= digits(raw) <= 15 or "\n" in raw or "  " in raw:
                    continue
                if in_url(b, s, e) or taken.overlaps(s, e):
                    continue
                line = b.position(s)[0]
                if hostile(doc, sec, b, line) or public_line(raw, doc.source.lines[line - 1]):
                    continue
                if offered(doc, line):
                    continue
                taken.add(s, e)
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


def check_ip(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    if ANONYMISED.compiled.search(doc.source.text):
        return  # the writer says the addresses are stand-ins
    for sec, b in blocks(doc):
        for pattern, hint in IP_HINTS:
            if not hint.search(b.text):  # much faster than the pattern, and most text fails
                continue
            for m in pattern.compiled.finditer(b.text):
                raw = m.group(0).split("/", 1)[0]
                addr = as_ip(raw)
                if (
                    addr is None
                    or not reportable(addr)
                    or (options["addresses"] == "public" and private(addr))
                    or VERSION_CUE.compiled.search(b.text[max(0, m.start() - 12) : m.start()])
                ):
                    continue
                if pattern is IPV4 and m.group("cidr") and m.group("cidr") != "/32":
                    continue  # a network range, not a host
                if hostile(doc, sec, b, b.position(m.start())[0]):
                    continue  # an attacker's address, listed so that others can block it
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


def check_secret(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    source = doc.source.text
    # blocks are lines of the source: a string no line holds, no block holds
    wanted = [x for x in SECRETS if may_match(x[2], x[3], source, doc.lower)]
    if not wanted:
        return
    for _, b in blocks(doc):
        taken: list[tuple[int, int]] = []
        for what, pattern, needs, caseless in wanted:
            if not may_match(needs, caseless, b.text, b.lower):
                continue
            for m in finder(pattern).finditer(b.text):
                if not secret_value(m) or any(m.start() < e and s < m.end() for s, e in taken):
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
        "security@, etcd-dev@, a local part made of words that name a function or a team: "
        "it-helpdesk@, digital.services@, webteam@, or initials before one: raa-admin@; at a "
        "webmail provider a team's own: "
        "acme.team@, shop-support@), remote logins (user@host after ssh, scp, rsync or git "
        'clone, or before ":/path"), example.com addresses and an attacker\'s addresses (on a '
        'line, under a title or after a list intro that says "attacker", "phishing", '
        '"indicators of compromise", "malicious", "blocklist"…) are not reported. In code '
        'blocks only an address in a quoted commit or mail header is read ("Author: Jo Ade '
        "<jo.ade@gmail.com>\"). Contacts given on purpose pass: a report's designated "
        "contact, the author's signature (name, title and organisation after a closing such "
        'as "Kind regards," or an invitation: "contact me directly at …") and byline '
        '("Written by: …"), unless at a webmail address or called personal.',
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
        '"call". Times, dates, versions, durations, ports, numbers inside links and an '
        "attacker's numbers (named so as PM601 says) are not reported, nor an "
        "organisation's public line: a free or non-geographic business number (0800, 0300, "
        "1-800) or one given as a help desk's, a support line's or a department's, nor the "
        "direct line the author signs with (see PM601).",
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
        what="Finds public IPv4 and IPv6 host addresses (private ones too with the option "
        '`addresses = "all"`: 10.x, 172.16–31.x, 192.168.x, 100.64–127.x, fc00::/7). Loopback '
        "(127.0.0.1), 0.0.0.0, documentation ranges (192.0.2.0/24, 2001:db8::/32), the "
        "published addresses of public services (resolvers such as 8.8.8.8 and 1.1.1.1, the "
        "A records of GitHub Pages, Netlify or Vercel), stand-ins such as 1.2.3.4, network ranges "
        '(10.0.0.0/8), version numbers ("version 1.2.3.4") and addresses named as an '
        "attacker's (indicators of compromise, the source of an attack, a blocklist; named "
        "so on their line, in the section title or in the list's intro) are not reported.",
        why="A public address points at a host of yours, a user or a customer, long after "
        "the incident (and after the address has passed to someone else); internal ones, "
        "the same numbers in every network, say little outside it. A host's role says as "
        "much to the reader.",
        example="The health check to 34.120.4.17 timed out.",
        instead="The health check to db-primary (its public address) timed out.",
        cites=("gdpr",),
        check=check_ip,
        options=(
            Option(
                "addresses",
                "string",
                "public",
                'Which addresses to report: "public" ones, or "all" (private ones too: 10.x, '
                "192.168.x, …, which map an internal network).",
                choices=("public", "all"),
            ),
        ),
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
        "(`<token>`, `$TOKEN`, `***`) and documentation keys that say they are examples "
        "(`AKIAIOSFODNN7EXAMPLE`) are not reported.",
        why="A credential in a document is a leaked credential: postmortems are copied into "
        "wikis, tickets and e-mails. It must be revoked and rotated, not just deleted.",
        example="We called the API with Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        instead="We called the API with Authorization: Bearer <redacted> (token since rotated).",
        cites=("owasp-secrets",),
        check=check_secret,
    ),
]
