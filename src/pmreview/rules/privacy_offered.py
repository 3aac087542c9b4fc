"""Contact details an organisation offers its readers on purpose (PM601 and PM602 pass them
over): the designated contact of a report filed with a regulator ("For questions about this
report, please contact Amina Yusuf, Director of Compliance, Ridgeway Telecom Ltd, at …"), or
the signature of a letter that invites its readers to write ("contact … me directly" above
"Jonas Weber / Head of Platform Operations, Lindqvist Payments AB / Direct line: …").

All of it must be there: an invitation to the reader, a formal title, and an organisation (a
legal form, or the address at the organisation's own domain); a personal channel (a free-mail
address, WhatsApp, a private or home number) is never offered this way, nor a colleague's
number told in passing ("our account manager, Dana (+44 …), has committed to …")."""

from __future__ import annotations

import re

from ..models import Document
from ..text.prefilter import Lazy
from .privacy_roles import FREEMAIL
from .privacy_signed import signed

_INVITED = Lazy(
    r"\b(?:(?:please\s+)?contact|get\s+in\s+touch|reach\s+(?:me|us|out)|write\s+to"
    r"|questions?\s+(?:about|on|regarding|concerning)|enquiries|inquiries)\b",
    re.I,
)
# a formal title, capitalised as a signature or a filing writes it ("Head of Regulatory
# Affairs", "Director of Compliance"); "the team lead, Ana" is no title
_TITLE = re.compile(
    r"\b(?:Head\s+of|Director|Chief|Officer|Vice\s+President|VP|Manager|Counsel|Spokesperson"
    r"|Liaison|Coordinator|Secretary)\b"
)
_LEGAL_FORM = re.compile(
    r"\b(?:Ltd|Limited|GmbH|Inc|LLC|LLP|plc|PLC|AG|SA|S\.A\.|BV|B\.V\.|NV|Pty|Corp|Corporation"
    r"|AB|ASA|Oy|SpA|S\.p\.A\.|SAS|KK)\b\.?"
)
_PERSONAL_CHANNEL = re.compile(
    r"\b(?:whats\s?app|signal|telegram|personal|private|home|my\s+(?:own\s+)?(?:mobile|cell))\b",
    re.I,
)
_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_INVITE_REACH = 6  # lines above the contact where the invitation may stand
_SIGNATURE_REACH = 3  # lines above the contact where the title and organisation may stand


def offered(doc: Document, line: int) -> bool:
    """Whether the contact detail on `line` is one the organisation offers its readers, or
    the author signs with (privacy_signed)."""
    return _designated(doc, line) or signed(doc, line)


def _designated(doc: Document, line: int) -> bool:
    lines = doc.source.lines
    text = lines[line - 1]
    if _PERSONAL_CHANNEL.search(text):
        return False
    domains = _DOMAIN.findall(text)
    if any(FREEMAIL.compiled.match(d) for d in domains):
        return False
    near = "\n".join(lines[max(0, line - 1 - _SIGNATURE_REACH) : line])
    above = "\n".join(lines[max(0, line - 1 - _INVITE_REACH) : line])
    if not _INVITED.compiled.search(above) or not _TITLE.search(near):
        return False
    return bool(domains) or _LEGAL_FORM.search(near) is not None
