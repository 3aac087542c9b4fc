"""Privacy, measured: 50 items of personal data and secrets of 17 kinds planted in a postmortem
(fake values, made here, with valid check digits where the kind has them), reviewed with the
LLM on against a capturing server on 127.0.0.1. None of them may reach the server, in any
spelling (as written, or its digits without separators); the quotes, questions and rewrites
that come back with placeholders are restored to the originals in the report (the precision
of the redaction: test_redaction_precision.py)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from _llm_support import (
    Check,
    FakeLLM,
    Reply,
    Seen,
    answer,
    document_block,
    ok,
    sent_text,
)


def _b64(seed: str, n: int, alphabet: str = "") -> str:
    """`n` characters that look random, the same every run."""
    raw = b"".join(hashlib.sha256(f"{seed}{i}".encode()).digest() for i in range(n // 32 + 2))
    text = base64.b64encode(raw).decode()
    if alphabet:
        text = "".join(c for c in text if c in alphabet) * 2
    return text[:n]


_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def card(prefix: str, length: int, groups: tuple[int, ...], sep: str) -> str:
    """A Luhn-valid card number of `length` digits starting with `prefix`, written in
    `groups` joined by `sep`."""
    body = prefix + "".join(str(int(c, 16) % 10) for c in hashlib.md5(prefix.encode()).hexdigest())
    body = body[: length - 1]
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    digits = body + str((10 - total % 10) % 10)
    out, at = [], 0
    for g in groups:
        out.append(digits[at : at + g])
        at += g
    return sep.join(out)


def iban(country: str, bban: str, spaced: bool) -> str:
    """An IBAN with valid check digits (ISO 13616, mod 97)."""
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    compact = f"{country}{98 - number % 97:02d}{bban}"
    if not spaced:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def jwt(claims: dict[str, str]) -> str:
    def part(data: dict[str, str]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    signature = _b64(f"sig{claims}", 43, _ALNUM)
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.{signature}"


KEY_LINES = [_b64(f"rsa{i}", 64) for i in range(6)]
SSH_LINES = [_b64(f"ssh{i}", 70) for i in range(3)]

# kind -> the planted values (each is searched for in every request)
PLANTED: dict[str, list[str]] = {
    "email": [
        "ada.okafor@gmail.com",
        "k.mensah@outlook.com",
        "lucia.rivera@acme-payments.io",
        "payments-oncall@acme-payments.io",
        "j.tanaka+alerts@yahoo.co.jp",
    ],
    "phone (international)": [
        "+44 20 7946 0958",
        "+1 415 555 0142",
        "+49 30 12345678",
        "+2348031234567",
        "+33 6 12 34 56 78",
    ],
    "phone (local)": ["(415) 555-0187", "212-555-0164", "030 1234 5678", "07700 900461"],
    "IPv4 address": ["10.20.4.17", "172.16.4.21", "192.168.14.7", "34.117.59.81"],
    "IPv6 address": [
        "fd12:3456:789a:1::17",
        "2a00:1450:4001:81c::200e",
        "fe80::1ff:fe23:4567:890a",
    ],
    "password in a URL": ["Xq7pLm2vRtZ", "gh7Kp2LmQ9w", "pR3dis5ecretZ"],
    "bearer token": [
        "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        "3kLq9ZxV7pWm2RtY8nBc4HdJ",
        "tok_" + _b64("bearer", 28, _ALNUM),
    ],
    "JSON Web Token": [
        jwt({"sub": "u-48213", "name": "Ngozi Eze"}),
        jwt({"sub": "svc-ledger", "scope": "payments:write"}),
    ],
    "AWS key": [
        "AKIA" + _b64("akia", 16, _UPPER),
        "ASIA" + _b64("asia", 16, _UPPER),
        _b64("aws-secret", 40, _ALNUM + "/+"),
    ],
    "Google API key": ["AIza" + _b64("gcp", 35, _ALNUM + "-_")],
    "Azure key": [_b64("azure", 86, _ALNUM + "+/") + "==", _b64("sas", 43, _ALNUM) + "%3D"],
    "GitHub token": [
        "ghp_" + _b64("ghp", 36, _ALNUM),
        "github_pat_11" + _b64("pat", 80, _ALNUM + "_"),
        "gho_" + _b64("gho", 36, _ALNUM),
    ],
    "Slack token": [
        "xoxb-" + "-".join(_b64(f"xb{i}", 12, _ALNUM) for i in range(3)),
        "xoxp-" + "-".join(_b64(f"xp{i}", 12, _ALNUM) for i in range(4)),
    ],
    "Stripe key": ["sk_live_" + _b64("stripe", 24, _ALNUM)],
    "private key": ["\n".join(KEY_LINES), "\n".join(SSH_LINES)],  # each line searched for
    "payment card": [
        card("4539", 16, (4, 4, 4, 4), " "),
        card("5425", 16, (4, 4, 4, 4), "-"),
        card("3782", 15, (4, 6, 5), " "),
        card("4916", 16, (16,), ""),
    ],
    "IBAN": [
        iban("DE", "370400440532013000", spaced=True),
        iban("GB", "NWBK60161331926819", spaced=False),
        iban("FR", "20041010050500013M02606", spaced=True),
    ],
}
P = PLANTED


def planted_document() -> str:
    email, intl, local, v4, v6 = (P[k] for k in list(P)[:5])
    url, bearer, jwts, aws = (
        P["password in a URL"],
        P["bearer token"],
        P["JSON Web Token"],
        P["AWS key"],
    )
    gh, cards, ibans = P["GitHub token"], P["payment card"], P["IBAN"]
    key, ssh = P["private key"]
    azure, sas = P["Azure key"]
    storage = f"DefaultEndpointsProtocol=https;AccountName=refundlogs;AccountKey={azure};"
    export = f"https://refundlogs.blob.core.windows.net/exports?sv=2022-11-02&sp=r&sig={sas}"
    return f"""\
# Postmortem: card refunds failed after the ledger migration

## Summary

On 2025-06-12 from 09:40 to 11:15 UTC (95 minutes), 2,140 of 18,000 card refunds (11.9%)
failed with HTTP 502 from ledger-api v4.12.3. The root cause was a connection pool of 20
left at its default by the migration script (ticket PAY-4821).

## Timeline

All times UTC.

- 09:40 - The error-rate alert of ledger-api fires; on-call {email[0]} ({intl[0]}) is paged.
- 09:52 - {email[1]} reports that refunds of card {cards[0]} and {cards[1]} failed.
- 10:05 - The database host {v4[0]} (replica {v4[1]}, bastion {v4[2]}) shows 20 connections.
- 10:20 - Traffic from {v4[3]} and from {v6[0]}, {v6[1]} and {v6[2]} is drained.
- 10:31 - Escalated to {email[2]}, mobile {local[3]}, and {email[3]}; call {intl[1]}.
- 10:48 - The pool is raised to 200 on db-primary (port 5432) with version 4.12.4.
- 11:15 - Refunds succeed again; the 2,140 failed refunds are replayed by 12:30.

## Root cause

The migration script used `postgres://billing:{url[0]}@db-primary.internal:5432/orders` and
`https://deploy:{url[1]}@git.acme-payments.io/ops.git`; its cache was `redis://:{url[2]}@cache-3.internal:6379`.
The pool size of 20 was copied from the staging config, where 40 requests/s is the peak.

Calls carried `Authorization: Bearer {bearer[0]}` and the batch job `Bearer {bearer[1]}`;
the replay tool used `Bearer {bearer[2]}` and the session tokens {jwts[0]} and
{jwts[1]}.

```ini
aws_access_key_id = {aws[0]}
aws_session_key_id = {aws[1]}
aws_secret_access_key = {aws[2]}
google_maps = {P["Google API key"][0]}
storage = {storage}
export_url = {export}
GITHUB_TOKEN={gh[0]}
DEPLOY_PAT={gh[1]}
OAUTH={gh[2]}
SLACK_BOT={P["Slack token"][0]}
SLACK_USER={P["Slack token"][1]}
STRIPE_KEY={P["Stripe key"][0]}
```

```
-----BEGIN RSA PRIVATE KEY-----
{key}
-----END RSA PRIVATE KEY-----
```

-----BEGIN OPENSSH PRIVATE KEY-----
{ssh}
-----END OPENSSH PRIVATE KEY-----

## Customers affected

| customer | card | refund to |
|---|---|---|
| Ngozi Eze | {cards[2]} | {ibans[0]} |
| Tomás Ruiz | {cards[3]} | {ibans[1]} |

Refunds to {ibans[2]} were paid by hand; questions to {email[4]}, phone {intl[2]} or
{intl[3]}, or the Paris desk at {intl[4]}. The US desk: {local[0]} or {local[1]}; Berlin:
tel. {local[2]}.

## Corrective and preventative measures

- Set the ledger-api connection pool to 200 in the migration script and alert when more than
  80% of it is in use for 5 minutes (owner: payments team, PAY-4822, due 2025-07-01).
"""


def _digits_only(value: str) -> str:
    return re.sub(r"[\s().+-]", "", value)


def leaks(sent: str) -> list[str]:
    """The planted items found in `sent`, as written or (phones, cards, IBANs) without
    their separators."""
    found = []
    for kind, values in PLANTED.items():
        for value in (line for v in values for line in v.split("\n")):
            spellings = {value}
            if kind.startswith("phone") or kind in ("payment card", "IBAN"):
                spellings.add(_digits_only(value))
            found += [f"{kind}: {s}" for s in spellings if s in sent]
    return found


def test_fifty_items_of_seventeen_kinds_are_planted() -> None:
    text = planted_document()
    items = [v for values in PLANTED.values() for v in values]
    assert len(items) == 50 and len(set(items)) == 50
    assert len(PLANTED) == 17
    assert all(v in text for v in items)


PLACEHOLDER = re.compile(r"\[(?:EMAIL|PHONE|IP|SECRET|CARD|IBAN)_\d+\]")


def critic(seen: Seen) -> Reply:
    """A model that quotes, for six lines that hold placeholders, the whole line (without
    its list marker), and asks about its first placeholder."""
    lines = [re.sub(r"^ *\d+ \| ", "", x) for x in document_block(seen.messages[1]["content"])]
    wanted = [x for x in lines if PLACEHOLDER.search(x) and len(x) <= 160 and "|" in x]
    wanted += [x for x in lines if PLACEHOLDER.search(x) and len(x) <= 160 and x not in wanted]
    critiques = []
    for line in wanted[:6]:
        first = PLACEHOLDER.search(line)
        assert first is not None
        critiques.append(
            {
                "quote": line.lstrip("-| ").strip(),
                "problem": f"{first.group(0)} should not be in a shared document.",
                "question": f"Why publish {first.group(0)}?",
                "rewrite": f"Remove {first.group(0)}.",
            }
        )
    return ok(answer(critiques=critiques))


def test_no_planted_item_reaches_the_server(
    check: Check, fake_llm: FakeLLM, tmp_path: Path
) -> None:
    doc = tmp_path / "planted.md"
    text = planted_document()
    doc.write_text(text, encoding="utf-8")
    fake_llm.respond(critic)
    run = check(doc)
    assert run.llm["status"] == "ok", run.llm
    assert fake_llm.chats, "nothing was sent"
    assert leaks(sent_text(fake_llm)) == []

    # the lines the model sees are the document's lines (a key block keeps its line breaks)
    user = fake_llm.chats[0].messages[1]["content"]
    assert len(document_block(user)) == len(text.split("\n"))

    # every quote came back grounded, restored to the document's own words at their place
    assert run.llm["dropped_ungrounded"] == 0
    mine = [f for f in run.doc["findings"] if f["source"] == "llm"]
    assert len(mine) + run.llm["merged"] == 6
    lines = text.split("\n")
    for f in mine:
        assert f["line"] == f["end_line"]
        assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["quote"]
    restored = {f["quote"] for f in mine}
    for value in P["payment card"][2:] + P["IBAN"][:2]:  # the table's rows, no rule reports them
        assert any(value in q for q in restored), value
    report = json.dumps(run.report, ensure_ascii=False)
    assert not PLACEHOLDER.search(report), "a placeholder was left in the report"
    assert any(f"Why publish {v}?" in report for v in P["payment card"])
