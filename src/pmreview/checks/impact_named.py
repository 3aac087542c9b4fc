"""What a summary's impact names: the component that was down ("the booking site", "the
payments api", "example.tech"), a proper name as written, or the people who met the failure.
"The service", "our site" and a capitalised first word name nothing."""

from __future__ import annotations

import re

from ..text.lexicon import lexicon
from ..text.prefilter import Lazy

_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z0-9]+(?:[ -][A-Z][A-Za-z0-9]+)*")

# who met the failure: what they saw is the impact even where the thing is left unnamed
# ("most user requests returned 500 errors", "installs failed with checksum errors")
USERS = Lazy(
    r"\b(?:users?|customers?|visitors?|clients?|students?|people|anyone|everyone|members"
    r"|subscribers|players|buyers|readers|shoppers|viewers|guests|tenants|merchants|sellers"
    r"|drivers|staff|employees|agents|developers|patients|passengers"
    r"|requests|installs|logins|downloads|calls)\b"
)


# nouns that say what kind of thing was down, not which one: "the site", "our app", "the
# website", "the web service", "the server" ("the web app", "the web server" say more)
_GENERIC = re.compile(
    r"(?:web ?)?(?:sites?|services?|pages?)|app(?:lication)?s?|servers?|platform|portal"
)
# words before such a noun that still do not say which one ("our whole site", "both servers")
_NOT_WHICH = re.compile(
    r"(?:the|our|their|its|his|her|my|your|a|an|this|that|these|those|entire|whole|main|both"
    r"|all|every|each|some|many|several|multiple|affected|same|primary|public|live|production"
    r"|company|official|only|own|new|old|one|two|three|\d+|\w+['’]s"
    # kinds of a thing, not which one: "our web-based application", "the online platform"
    r"|web|web-based|online|internet|internal|critical|core|key|beloved|corporate)"
)
# a clause after it that says which one ("the app that takes orders", "the site used by…")
_WHICH_AFTER = re.compile(
    r"(?:used|for|that|which|hosting|running|serving|where|of|behind|handling|powering"
    r"|called|named)\b"
)


class _Named:
    """A component named: a technical noun ("the payments api", "redis"), or a generic one
    ("site", "app", "web server") that a modifier or a clause says which ("the booking
    site", "the app that takes orders"). "The service", "our site" name nothing."""

    def search(self, text: str, /) -> re.Match[str] | None:
        site = _DOMAIN.search(text)
        if site:
            return site
        reached = _ACCESS_TO.search(text)
        if reached and not _GENERIC.fullmatch(reached.group(1)):
            return reached
        for m in lexicon("component").finditer(text):
            if _SYMPTOM_NOUN.match(text, m.end()):
                continue  # "an internal server error" is what users saw, not a part
            which = _says_which(text[: m.start()])
            if not _GENERIC.fullmatch(m.group()) or which or _which_after(text[m.end() :]):
                return m
        return None


# what users could no longer reach ("lost access to their accounts")
_ACCESS_TO = re.compile(r"\baccess to (?:the |their |our |its |any )?([a-z][\w-]*)")
# a site named by its address ("example.tech stopped serving https"), bare or in a URL
# ("https://shop.example.tech was unusable"; not a path's "/index.html")
_DOMAIN = re.compile(
    r"(?:(?<![/@.\w-])|(?<=://))[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:com|net|org|io|tech|dev|app|co|edu|gov|info|me|ai|cloud|site|xyz)\b"
)
NAMED = _Named()
_SYMPTOM_NOUN = re.compile(r" (?:errors?|timeouts?|crash(?:es)?)\b")


def _which_after(after: str) -> bool:
    """Whether a clause right after a generic noun says which one (site "used by" sales)."""
    rest = after.lstrip(" ,")
    return rest != after and _WHICH_AFTER.match(rest) is not None


def _says_which(before: str) -> bool:
    """Whether the word right before a generic noun says which one ("booking" site)."""
    rest = before.rstrip(" ")
    word = rest.rsplit(None, 1)[-1] if rest != before and rest else ""
    if word.startswith(("*", "_")) or word.endswith(("*", "_")):
        return False  # a bold label before it: "__Description__ Site down"
    return re.fullmatch(r"[\w'’-]+", word) is not None and not _NOT_WHICH.fullmatch(word)


# capitalised words that name no part of a system: dates, clock words, zones
_NO_NAME = re.compile(
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|UTC|GMT|AM|PM|[A-Z]{2,3}T"
)


def _no_name(words: str) -> bool:
    """Capitalised words that are all clock words, zones or dates ("PM WAT", "AM UTC")."""
    return all(_NO_NAME.fullmatch(w) for w in re.split(r"[ -]", words))


def _opens(before: str) -> bool:
    """Whether a word after `before` is capitalised as the first of a sentence, an item or a
    field's value."""
    if before.rstrip(" \t").endswith(("**", "__")):
        return True  # the value after a bold label: "__Description__ Site down"
    rest = before.rstrip(" \t\n*_\"'“‘")
    return not rest or rest[-1] in ":*(.!?#>-"


_CODE_NAME = re.compile(r"`[^`\n]{2,60}`")


class _ProperName:
    """A name in code, or a proper name in the text as written: a capitalised word not at a
    sentence's, a list item's or a field's start ("- Impact: The site…"), nor a date, a clock
    word or a zone."""

    def search(self, text: str, /) -> re.Match[str] | None:
        code = _CODE_NAME.search(text)  # a name in code: "the `core-7` chain halted"
        if code:
            return code
        for m in _PROPER.finditer(text):
            opens = _opens(text[: m.start()])
            label = text[m.end() :].lstrip("*").startswith(":")
            if not (opens or label or _no_name(m.group())):
                return m
        return None


NAME = _ProperName()
