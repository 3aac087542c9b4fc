"""The privacy patterns searched through text/runs.RunSearch, which reads each run of
characters once: in each, an alternative reads a run to its end from every start inside it
(a URL scheme's [a-z0-9+.-]*, a token's [\\w-]+, what follows an unclosed "](" or "<")."""

from __future__ import annotations

import re

from ..text.runs import RunSearch

# \beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}, searched reading each run of [\w-] once: from
# every "eyJ" after a "-" its [\w-]{10,} reads the run to its end
JWT = RunSearch(
    rest=re.compile(r"(?<![\w-])eyJ[\w-]{10,}+\.eyJ[\w-]{10,}+\.[\w-]{10,}"),
    runs=((re.compile(r"eyJ(?<=-eyJ)"), re.compile(r"[\w-]*")),),
    alternative=re.compile(r"eyJ[\w-]{10,}+\.eyJ[\w-]{10,}+\.[\w-]{10,}"),
)
# \b[a-z][a-z0-9+.-]*://[^\s:/@]+:(?P<value>[^\s@/]{3,})@ (re.I), reading each scheme-like run
# once: from every letter after a "+", "." or "-" [a-z0-9+.-]* reads the run to its end
URL_PASSWORD = RunSearch(
    rest=re.compile(
        r"(?<![a-z0-9+.-])\b[a-z][a-z0-9+.-]*+://[^\s:/@]+:(?P<value>[^\s@/]{3,})@", re.I
    ),
    runs=((re.compile(r"(?<=[+.-])[a-z]", re.I), re.compile(r"[a-z0-9+.-]*", re.I)),),
    alternative=re.compile(r"[a-z][a-z0-9+.-]*+://[^\s:/@]+:(?P<value>[^\s@/]{3,})@", re.I),
)
# the value in group `value`: cloud keys (an AWS secret access key, an Azure account or
# shared access key, an Azure SAS signature) and a URL's password after an empty user name
_CLOUD_KEYS = (
    r"(?i:aws_?secret_?access_?key|secret_?access_?key)[\"']?\s*[:=]\s*[\"']?"
    r"(?P<aws>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"
    r"|(?:AccountKey|SharedAccessKey)=(?P<azure>[A-Za-z0-9+/]{20,}={0,2})"
    r"|[?&]sig=(?P<sas>[A-Za-z0-9%+/]{20,}={0,2})"
)
_EMPTY_USER = r"[a-z][a-z0-9+.-]*+://:(?P<url>[^\s@/]{3,})@"
# searched reading each run of a scheme's characters once (see URL_PASSWORD); inside a run
# the whole pattern is matched, the cloud keys before the URL as in a search
MORE_SECRETS = RunSearch(
    rest=re.compile(rf"{_CLOUD_KEYS}|(?<![a-z0-9+.-])\b{_EMPTY_USER}"),
    runs=((re.compile(r"(?<=[+.-])[a-z]"), re.compile(r"[a-z0-9+.-]*")),),
    alternative=re.compile(rf"{_CLOUD_KEYS}|{_EMPTY_USER}"),
)
# \b[a-z][a-z0-9+.-]*://\S+|\]\([^)\s]*\)|<[^>\s]+>|\b(?:www\.)\S+ (re.I), reading each run of a
# scheme's characters, of an unclosed "](" and of an unclosed "<" once
_SCHEME_URL = r"[a-z][a-z0-9+.-]*+://\S+"
URLS = RunSearch(
    rest=re.compile(
        rf"(?<![a-z0-9+.-])\b{_SCHEME_URL}|(?<![^)\s])\]\([^)\s]*+\)|(?<![^>\s])<[^>\s]++>"
        r"|\b(?:www\.)\S+",
        re.I,
    ),
    runs=(
        (re.compile(r"(?<=[+.-])[a-z]", re.I), re.compile(r"[a-z0-9+.-]*", re.I)),
        (re.compile(r"\]\((?<=[^)\s]\]\()"), re.compile(r"\]\([^)\s]*")),
        (re.compile(r"<(?<=[^>\s]<)"), re.compile(r"<[^>\s]*")),
    ),
    alternative=re.compile(rf"\b{_SCHEME_URL}|\]\([^)\s]*\)|<[^>\s]+>|\b(?:www\.)\S+", re.I),
)
