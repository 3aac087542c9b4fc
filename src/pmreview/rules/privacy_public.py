"""Phone numbers that are an organisation's public line, not a person's (PM602 passes them
over): a business number by its prefix (free or non-geographic: 0800, 0300, 1-800 …), or a
number the author gives as the contact of a team, a desk or a department ("the Service Desk
on …", "our support line", "Questions … to the Digital Services Unit … or by telephone on …")."""

from __future__ import annotations

import re

from ..text.prefilter import Lazy
from .privacy_roles import FREEMAIL

# free and non-geographic business prefixes (UK 0800/0808/03xx/0845/0870, North America's
# toll-free 8xx, Australia's 1300/1800), with or without a country code
_BUSINESS = Lazy(
    r"^(?:\+44[\s.-]?(?:\(0\))?|0)(?:80[08]|3[0347]\d|84[345]|87[01])\b"
    r"|^(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]"
    r"|^(?:\+61[\s.-]?|0)?1[38]00\b"
)
# the line names the number as a team's, a desk's or a department's
_ROLE_LINE = Lazy(
    r"\b(?:help ?desk|service ?desk|help ?line|hot ?line|support (?:line|team|desk)"
    r"|customer (?:service|support|care)|switchboard|(?:contact|call) cent(?:re|er)"
    r"|enquir(?:y|ies)|inquir(?:y|ies)|department"
    r"|(?:services?|support|operations|customer) (?:unit|team|desk|office|centre|center))\b",
    re.I,
)


# an address on the line: a "support team" at a free-mail address is someone's own contact
# ("contact our Customer Support team at jo.ade@gmail.com, +234 …")
_DOMAIN = re.compile(r"@([\w.-]+)")


def public_line(number: str, line: str) -> bool:
    """Whether `number`, written on `line`, is an organisation's public line."""
    if _BUSINESS.compiled.match(number.strip("( ")):
        return True
    if not _ROLE_LINE.compiled.search(line):
        return False
    return not any(FREEMAIL.compiled.match(d) for d in _DOMAIN.findall(line))
