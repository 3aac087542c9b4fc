"""The things a text names by a proper name, which the technology list of
semantics.specific_terms cannot know: an identifier with its number ("EIP-6110", "ERC-20",
"PR #1616", "CVE-2024-3094") and a name the text gives a capital letter inside its sentences
at least twice ("…the Galaxy handlers… restarted Galaxy"; "Sepolia's deposit contract …
on Sepolia"). A capital at a sentence's start, a day, a month, a time zone or a word of a
title ("Root Cause", "Our Hosting Provider" once) or a word the text also writes in lower case
("Process" in a heading, "process" in the text) names nothing."""

from __future__ import annotations

import re
from collections import Counter

from ..text.prefilter import Lazy

# an identifier and its number: "EIP-6110", "ERC-20", "PR #1616", "CVE-2024-3094"
_NUMBERED = re.compile(r"\b[A-Z]{2,8}-\d{2,5}(?:-\d+)?\b|\b(?:PR|MR|issue|pull request) #\d+\b")
# a capitalised word inside a sentence: after a lower-case word, a comma or a bracket
_INSIDE = re.compile(r"(?<=[a-z0-9,;(’'] )([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:['’]s)?\b")
_NOT_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "i",
        "the",
        "a",
        "an",
        "we",
        "our",
        "this",
        "that",
        "it",
        "he",
        "she",
        "they",
        "team",
        "root",
        "cause",
        "resolution",
        "summary",
        "impact",
        "timeline",
        "update",
        "note",
    ]
)


def proper_names(text: str) -> frozenset[str]:
    """The identifiers with a number and the names given a capital inside sentences twice."""
    found = {m.group(0).lower() for m in _NUMBERED.finditer(text)}
    inside = Counter(
        m.group(1) for m in _INSIDE.finditer(text) if m.group(1).lower() not in _NOT_NAMES
    )
    # a name is never written in lower case in the same text ("Issue" in a title is the word)
    found |= {
        w.lower() for w, n in inside.items() if n >= 2 and not re.search(rf"\b{w.lower()}\b", text)
    }
    return frozenset(found)


def named_in(sentence: str, names: frozenset[str]) -> bool:
    """Whether the sentence names one of `names` (found in its section)."""
    low = sentence.lower()
    return any(re.search(rf"\b{re.escape(n)}\b", low) for n in names)


# a link, read as the words it shows: "[PR #1616](https://…)" names PR #1616
_LINK = re.compile(r"!?\[([^[\]\n]*+)\]\([^()\n]*+\)")
# a version: "v2.4.1", "3.1.x"
_VERSION = re.compile(r"\bv?\d+\.\d+(?:\.(?:\d+|x))+\b")


def named_things(sentence: str) -> frozenset[str]:
    """What one sentence names by a number: an identifier with its number or a version, the
    words of links included ("fixed in [PR #1616](…)"). (A name with a capital inside it,
    "DeFi", "PyPI", named the actors of causes and notices as often as what was changed.)"""
    shown = _LINK.sub(lambda m: m.group(1), sentence)
    found = {m.group(0).lower() for m in _NUMBERED.finditer(shown)}
    found |= {m.group(0).lower() for m in _VERSION.finditer(shown)}
    return frozenset(found | quoted_names(shown))


def quoted_names(sentence: str) -> frozenset[str]:
    """The short names a sentence puts in quotes, as it would in a code span: "rebooted
    'mailhost'", "the 'worker processes' setting", "the proper \".config\" extension"; not
    scare quotes around a vague word ("we 'fixed' it", "some 'magic'") nor a quoted remark."""
    return frozenset(
        name
        for m in _QUOTED.finditer(sentence)
        if (name := m.group(1).lower()) and not _SCARE.compiled.fullmatch(name)
    )


# one to three words (or a file name) in straight or curly quotes, not an apostrophe ("it's")
_QUOTED = re.compile(
    r"(?<![\w'\u2019])['\"\u2018\u201c]([.\w][\w./-]*(?: [\w./-]+){0,2})['\"\u2019\u201d](?![\w])"
)
# the words a writer puts in scare quotes: the trouble, the fix, a feeling
_SCARE = Lazy(
    r"(?:(?:the|a|an|some|our) )?(?:fix(?:ed|es)?|fixing|resolved|solved|solution|magic|issue"
    r"|problem|bug|glitch|error|thing|stuff|hack|quick fix|workaround|broken|working|good"
    r"|bad|fine|ok|okay|done|clean|right|wrong|simple|smart|clever|feature|improvements?)"
)


def tagged(sentence: str) -> bool:
    """A thing named by its asset tag: "fuse F3", "PDU-B2", "breaker CB-12", "web-03"; not a
    quarter, a severity or a priority ("Q3", "SEV2", "P1"), nor in a step taken besides the
    fix ("then rebooted lb-01 just in case")."""
    if _PRECAUTION.compiled.search(sentence.lower()):
        return False  # "then rebooted lb-01 just in case": a step besides the fix
    return any(not _NOT_TAG.fullmatch(m.group(0)) for m in _TAG.finditer(sentence))


_PRECAUTION = Lazy(
    r"\bjust in case\b|\bto be (?:safe|sure)\b|\bas a precaution|\bprecautionary\b"
    r"|\bfor good measure\b"
)


_TAG = re.compile(r"\b(?:[A-Z]{1,6}-?[A-Z]?\d{1,4}[a-z]?|[a-z]{2,8}-\d{1,4})\b")
_NOT_TAG = re.compile(r"Q[1-4]|SEV-?\d|P[0-5]|H[12]|FY\d+|v\d+|[A-Z]{1,4}\d+[smhd]")
