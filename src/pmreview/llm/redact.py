"""Personal data out before anything leaves the machine, and back in the quotes that return.

E-mail addresses, phone numbers, IP addresses, credentials in URLs and access tokens become
stable placeholders ([EMAIL_1], the same one for every occurrence of the same address). The
detection is the privacy rules' own (PM601–PM604), run over the whole text, code included,
because the whole text is what would be sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Block, Document, Section, Source
from ..rules import privacy, privacy_patterns

_KIND = {"check_phone": "PHONE", "check_ip": "IP", "check_secret": "SECRET"}
_PLACEHOLDER = re.compile(r"\[(?:EMAIL|PHONE|IP|SECRET)_\d+\]")


@dataclass(frozen=True)
class Redaction:
    text: str
    mapping: dict[str, str]  # placeholder -> original

    def apply(self, text: str) -> str:
        """The same placeholders in another text (the findings quoted in the prompt)."""
        for placeholder, value in self.mapping.items():
            text = text.replace(value, placeholder)
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
        for hit in check(doc, {}):
            s = starts[hit.line - 1] + hit.column - 1
            e = starts[hit.end_line - 1] + hit.end_column - 1
            spans.append((s, e, _KIND[check.__name__]))
    spans.sort(key=lambda x: (x[0], -x[1]))
    out: list[tuple[int, int, str]] = []
    for s, e, kind in spans:
        if out and s < out[-1][1]:
            continue  # inside a span already taken (an e-mail inside a credential URL)
        out.append((s, e, kind))
    return out


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
        parts.append(by_value[key])
        last = e
    parts.append(text[last:])
    redacted = "".join(parts)
    # the same values where no rule looked ("[+234…](tel:+234…)"): longest first
    for placeholder, value in sorted(mapping.items(), key=lambda kv: -len(kv[1])):
        redacted = redacted.replace(value, placeholder)
    return Redaction(redacted, mapping)


def nothing(source: Source) -> Redaction:
    """No redaction (--no-redact)."""
    return Redaction(source.text, {})
