"""Contact details the author signs with (PM601 and PM602 pass them over): a signature block,
the writer's name, title and organisation with the address and number they give on purpose,
after a closing ("Warm regards,") or an invitation to write ("contact me directly", "call me
on …", the block then standing below the invitation), and the byline of the document
("Written by: Ruairi Byrne <ruairi.byrne@tidewater.dev>"; not "Author: …", which also heads a
commit quoted in the story).

A block is a signature only when it is short (a few short lines, no list items), names a title
("Customer Care Manager", "Head of Infrastructure", "Support Lead") and an organisation (after
the title, "Manager, Kestrel Freight", a legal form, or the address at a domain of its own), and
gives no personal channel (a free-mail address, WhatsApp, a "personal mobile"). An escalation
roster, a customer's details in the story or a call in the timeline are no signature."""

from __future__ import annotations

import re

from ..models import Document
from .privacy_roles import FREEMAIL

_CLOSING = re.compile(
    r"^\s*+(?:(?:(?:kind|warm|warmest|best|with(?:\s++(?:kind|best))?)\s++)?regards"
    r"|best(?:\s++wishes)?|sincerely(?:\s++yours)?|yours(?:\s++(?:sincerely|faithfully|truly))?"
    r"|(?:many\s++)?thanks|thank\s++you|cheers|respectfully|with\s++(?:our\s++)?apologies"
    r"|on\s++behalf\s++of\b[^.,\n]{0,60}+(?=,)|--|—)[,.!]?[ \t]*+$",
    re.I,
)
_INVITED = re.compile(
    r"\b(?:(?:please\s+)?contact\b|get\s+in\s+touch|reach\s+(?:me|us|out)|write\s+to"
    r"|(?:call|ring|e-?mail|text|phone)\s+(?:me|us)\b|questions?\s+(?:about|on|regarding|or)"
    r"|enquiries|inquiries)",
    re.I,
)
# a title as a signature writes it: "Customer Support Lead", "Director of Engineering", "CTO"
_TITLE = re.compile(
    r"\b(?:Head|Director|Chief|Officer|President|VP|Manager|Counsel|Spokesperson|Liaison"
    r"|Coordinator|Secretary|Lead|Leader|Engineer|Founder|Co-founder|Partner|Principal"
    r"|Administrator|Architect|Specialist|Analyst|Commander|Owner|CEO|CTO|COO|CIO|CISO|CFO)\b"
)
# the organisation after the title ("Manager, Kestrel Freight", "Lead at Tusk", "Head | Acme")
_TITLE_ORG = re.compile(rf"{_TITLE.pattern}[^,|·\n]{{0,40}}?(?:,|\bat\b|\||·|[—–])\s*+[A-Z]")
_LEGAL_FORM = re.compile(
    r"\b(?:Ltd|Limited|GmbH|Inc|LLC|LLP|plc|PLC|AG|SA|BV|NV|Pty|Corp|Corporation|AB|AS|ASA"
    r"|Oy|SpA|SAS|KK)\b"
)
_NAME = re.compile(r"^\s*+[A-Z][\w'’.-]++(?:\s++[A-Z][\w'’.-]++){1,3}\s*+(?:$|[,|·(—–])")
_PERSONAL = re.compile(
    r"\b(?:whats\s?app|signal|telegram|personal|private|home|my\s+(?:own\s+)?(?:mobile|cell))\b",
    re.I,
)
_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_LOCAL = re.compile(r"(?<![\w.+-])([\w.+-]++)@[\w-]++\.")
_CONTACT = re.compile(r"@[\w-]+\.|\d(?:\D{0,3}\d){6}")
_LIST = re.compile(r"^\s*(?:[-*+•]\s|[>#|]|\d+[.)]\s)")
_BYLINE = re.compile(
    r"^\s*(?:\*\*|__)?(?:(?:Created|Written|Prepared|Authored|Compiled|Posted|Published)\s+by"
    r")\b\s*(?:\*\*|__)?\s*:?",
    re.I,
)
_OPENING = 8  # the lines of a document's opening, where its byline stands
_REACH = 12  # lines above a signature where its invitation may stand


def signed(doc: Document, line: int) -> bool:
    """Whether the contact detail on `line` is the author's signature or byline."""
    lines = doc.source.lines
    if line <= _OPENING and _BYLINE.match(lines[line - 1]) and _DOMAIN.search(lines[line - 1]):
        return not _personal([lines[line - 1]])
    top, bottom = _paragraph(lines, line)
    if _signature(list(lines[top - 1 : bottom])) and _closed(lines, top):
        return True
    if not _INVITED.search(lines[line - 1]) or _personal([lines[line - 1]]):
        return False
    return _invites_signer(lines, line, bottom)


def _invites_signer(lines: tuple[str, ...], line: int, bottom: int) -> bool:
    """Whether an invitation on `line` gives the signer's own contact: the signature stands
    right below it, or further down (within a few paragraphs) under a name that the address
    on the line spells ("contact me directly at grace.mwende@…" … "Grace Mwende")."""
    local = {p for d in _LOCAL.findall(lines[line - 1]) for p in re.split(r"[._+-]", d.lower())}
    n = bottom + 1
    while n <= min(len(lines), bottom + _REACH):
        if not lines[n - 1].strip():
            n += 1
            continue
        top, end = _paragraph(lines, n)
        block = list(lines[top - 1 : end])
        if _signature(block):
            near = top - bottom <= 3
            return near or any(_spells(t, local) for t in block if _NAME.match(t))
        n = end + 1
    return False


def _spells(name_line: str, local: set[str]) -> bool:
    """Whether the words of an address's local part include the first or last word of a name."""
    words = re.findall(r"[A-Za-z'’-]+", name_line.split(",")[0].split("|")[0])
    return len(words) >= 2 and bool({words[0].lower(), words[-1].lower()} & local)


def _paragraph(lines: tuple[str, ...], line: int) -> tuple[int, int]:
    """The first and last line of the run of non-blank lines holding `line`."""
    top, bottom = line, line
    while top > 1 and lines[top - 2].strip():
        top -= 1
    while bottom < len(lines) and lines[bottom].strip():
        bottom += 1
    return top, bottom


def _signature(block: list[str]) -> bool:
    """Whether a run of lines is a signature block: short, a name, a title and an
    organisation, no personal channel."""
    body = block[1:] if block and _CLOSING.match(block[0]) else block
    if not body or len(body) > 7 or any(len(t) > 120 or _LIST.match(t) for t in body):
        return False
    if not any(_NAME.match(t) for t in body) or not any(_TITLE.search(t) for t in body):
        return False
    if sum(bool(_TITLE.search(t) and _CONTACT.search(t)) for t in body) > 1:
        return False  # a roster: a title and a contact on each line, one person per line
    business = any(not FREEMAIL.compiled.match(d) for t in body for d in _DOMAIN.findall(t))
    organised = any(_TITLE_ORG.search(t) or _LEGAL_FORM.search(t) for t in body)
    return (business or organised) and not _personal(body)


def _personal(block: list[str]) -> bool:
    return any(
        _PERSONAL.search(t) or any(FREEMAIL.compiled.match(d) for d in _DOMAIN.findall(t))
        for t in block
    )


def _closed(lines: tuple[str, ...], top: int) -> bool:
    """Whether a block is signed off: it opens with a closing, or a closing stands right above
    it, or an invitation to write stands within a few lines above it."""
    if _CLOSING.match(lines[top - 1]):
        return True
    above = [t for t in lines[max(0, top - 1 - 3) : top - 1] if t.strip()]
    if above and _CLOSING.match(above[-1]):
        return True
    return any(_INVITED.search(t) for t in lines[max(0, top - 1 - _REACH) : top - 1])
