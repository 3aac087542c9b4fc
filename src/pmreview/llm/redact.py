"""Personal data out before anything leaves the machine, and back in the quotes that return.

E-mail addresses, phone numbers, IP addresses, credentials (in URLs, bearer and access
tokens, cloud keys, passwords, whole private-key blocks), payment card numbers and IBANs
become stable placeholders ([EMAIL_1], the same one for every occurrence of the same
address). The detection is the privacy rules' own (PM601–PM604) plus the checks of
`privacy_patterns` and `privacy_runs` that only redaction uses (key blocks, cloud keys, cards,
IBANs), run over the whole text, code included, because the whole text is what would be sent.
A placeholder keeps the line breaks of what it replaces, so the lines the model sees are the
document's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import Block, Document, Section, Source
from ..rules import privacy, privacy_patterns, privacy_runs

_KIND = {"check_phone": "PHONE", "check_ip": "IP", "check_secret": "SECRET"}
_PLACEHOLDER = re.compile(r"\[(?:EMAIL|PHONE|IP|SECRET|CARD|IBAN)_\d+\]")


@dataclass(frozen=True)
class Redaction:
    text: str
    mapping: dict[str, str]  # placeholder -> original

    def apply(self, text: str) -> str:
        """The same placeholders in a piece of the document (a finding's quote in the prompt):
        every value in it, and a value it holds only part of (a quote that begins inside a
        URL with a password, or lies inside a key block)."""
        text = self.replace(text)
        for placeholder, value in self.mapping.items():
            if text in value:
                return _token(placeholder, text)
            head, tail = _overlap(value, text), _overlap(text, value)
            if head:
                text = placeholder + text[head:]
            if tail:
                text = text[:-tail] + placeholder
        return text

    def replace(self, text: str) -> str:
        """Every value in `text` replaced by its placeholder, longest first (a value may hold
        another)."""
        for placeholder, value in sorted(self.mapping.items(), key=lambda kv: -len(kv[1])):
            text = text.replace(value, _token(placeholder, value))
        return text

    def restore(self, text: str) -> str:
        """Original values back in place of the placeholders (in quotes from the model)."""
        return _PLACEHOLDER.sub(lambda m: self.mapping.get(m.group(0), m.group(0)), text)


def _whole(source: Source) -> Document:
    block = Block("paragraph", 1, len(source.lines), source.text)
    return Document(
        source, [Section("", frozenset(), 0, 1, "opening", 0, [block])], [], [], None, []
    )


def _spans(source: Source) -> list[tuple[int, int, str]]:
    text = source.text
    spans = [(m.start(), m.end(), "EMAIL") for m in privacy_patterns.EMAIL.compiled.finditer(text)]
    doc = _whole(source)
    starts = [0]
    for line in source.lines:
        starts.append(starts[-1] + len(line) + 1)
    for check in (privacy.check_phone, privacy.check_ip, privacy.check_secret):
        for hit in check(doc, {"addresses": "all"}):  # nothing leaves that a rule could read
            s = starts[hit.line - 1] + hit.column - 1
            e = starts[hit.end_line - 1] + hit.end_column - 1
            spans.append((s, e, _KIND[check.__name__]))
    spans.extend(_redaction_only(text))
    spans.sort(key=lambda x: (x[0], -x[1]))
    out: list[tuple[int, int, str]] = []
    for s, e, kind in spans:
        if out and s < out[-1][1]:
            continue  # inside a span already taken (an e-mail inside a credential URL)
        out.append((s, e, kind))
    return out


def _redaction_only(text: str) -> Iterator[tuple[int, int, str]]:
    """What the rules do not report but no request may carry."""
    if "PRIVATE KEY" in text:
        yield from (
            (m.start(), m.end(), "SECRET")
            for m in privacy_patterns.KEY_BLOCK.compiled.finditer(text)
        )
    for m in privacy_runs.MORE_SECRETS.finditer(text):
        group = next(g for g in ("aws", "azure", "sas", "url") if m.group(g) is not None)
        yield m.start(group), m.end(group), "SECRET"
    for m in privacy_patterns.INTL_PHONE.compiled.finditer(text):
        if privacy_patterns.digits(m.group(0)) <= 15:
            yield m.start(), m.end(), "PHONE"
    for m in privacy_patterns.LOCAL_PHONE.compiled.finditer(text):
        if 8 <= privacy_patterns.digits(m.group("num")) <= 15:
            yield m.start("num"), m.end("num"), "PHONE"
    for m in privacy_patterns.CARD.compiled.finditer(text):
        if privacy_patterns.card_number(m.group(0)):
            yield m.start(), m.end(), "CARD"
    for m in privacy_patterns.IBAN.compiled.finditer(text):
        found = privacy_patterns.iban(m.group(0))
        if found:
            yield m.start(), m.start() + len(found), "IBAN"


def _overlap(left: str, right: str) -> int:
    """The length of the longest end of `left` that `right` begins with (3 characters at
    least, else 0)."""
    for k in range(min(len(left), len(right)) - 1, 2, -1):
        if right.startswith(left[-k:]):
            return k
    return 0


def _token(placeholder: str, value: str) -> str:
    """The placeholder, followed by the line breaks of the value it stands for."""
    return placeholder + "\n" * value.count("\n")


def redact(source: Source) -> Redaction:
    text = source.text
    mapping: dict[str, str] = {}
    by_value: dict[tuple[str, str], str] = {}
    counts: dict[str, int] = {}
    parts: list[str] = []
    last = 0
    for s, e, kind in _spans(source):
        value = text[s:e]
        key = (kind, value)
        if key not in by_value:
            counts[kind] = counts.get(kind, 0) + 1
            by_value[key] = f"[{kind}_{counts[kind]}]"
            mapping[by_value[key]] = value
        parts.append(text[last:s])
        parts.append(_token(by_value[key], value))
        last = e
    parts.append(text[last:])
    # the same values where no rule looked ("[+234…](tel:+234…)")
    return Redaction(Redaction("", mapping).replace("".join(parts)), mapping)


def nothing(source: Source) -> Redaction:
    """No redaction (--no-redact)."""
    return Redaction(source.text, {})
