"""How a cause sentence names its cause: a defect placed in a named thing, a named third party
that failed, a component beyond the vague noun ("a misconfigured load balancer"), a concrete
thing after "the problem was". Read by the summary's cause (checks/summary_cause.py)."""

from __future__ import annotations

import re

from ..models import ASCII_LOWER
from ..text.phrases import Alternation
from ..text.prefilter import Lazy
from . import semantics as sem

# a named third party that failed: "our email provider (Mailvane) had an outage on their side",
# "our DNS host went down"
THIRD_PARTY_DOWN = Lazy(
    r"\b(?:our|the|an?) (?:[\w-]+ ){0,2}?(?:provider|vendor|supplier|hosting company|host|isp"
    r"|cdn|registrar|upstream|payment processor|carrier)\b[^.;]{0,40}?\b(?:had an? (?:[\w-]+ )?"
    r"(?:outage|incident|failure)|went down|was down|failed)\b"
)


def defect_in_named(sentence: str) -> bool:
    """A defect placed in a named thing: "a memory-corruption bug within the EVM", "a
    configuration error in the Flask server", "a regression in the code that proxies
    `rustfmt`". A bare "a bug in the app" needs a specific term after it (a file, a setting,
    a code name); a qualified defect may name its place by a proper noun."""
    low = sentence.translate(ASCII_LOWER)
    for m in DEFECT_IN.compiled.finditer(low):
        rest = sentence[m.end() : m.end() + 80]
        bare = _BARE.compiled.search(low, 0, m.start()) is not None and " " not in m.group(1)
        if sem.specific_terms(rest) or not bare and _NAMED_THING.compiled.search(rest):
            return True
    return False


_BARE = Lazy(r"(?:^|\b(?:an?|the|some|one|this|that|our|its|their))\W*$")
DEFECT_IN = Lazy(
    r"\b(bugs?|regressions?|vulnerabilit(?:y|ies)|flaws?|defects?|corruption|race condition"
    r"|(?:configuration|config|routing|permission|certificate|dns) (?:error|issue|problem))"
    r"\s+(?:with)?in(?:side)?\b"
)
# a proper noun among the next words ("the EVM", "our Flask server"), not the sentence start
_NAMED_THING = Lazy(r"^(?:\W*+\w++){0,4}?\W+(?:[A-Z][a-z]*[A-Z]\w*|[A-Z]{2,}\w*|[A-Z][a-z]+)\b")


# a vague defect placed in a change and what the change did: "an error in an update to our
# billing system, which requested the March payments a second time"
IN_CHANGE_WHICH = Lazy(
    r"\bin (?:an? |the |our |its )?(?:[\w-]+ ){0,3}?(?:update|upgrade|release|deploy\w*|change"
    r"|migration|script|job|config\w*)\b[^.;]{0,60}?,\s*(?:which|that|so)\b"
)


def names_part(rest: str, vague: Alternation) -> bool:
    """What "the problem was" names: a concrete thing ("the SSL certificate chain"), not a
    vague cause nor just a part ("with SSL", "the database")."""
    return not vague.search(rest) and bool(sem.specific_terms(rest))


def names_thing(text: str, vague: Alternation) -> bool:
    """A cause that names a component beyond its vague noun ("a misconfigured load balancer")."""
    rest = vague.sub(" ", text)
    return bool(
        IN_CHANGE_WHICH.compiled.search(rest)
        or re.search(
            # a configuration said to be wrong or changed, not "a problem of configuration"
            r"\bmisconfigur|\bconfiguration (?:change|file|value|setting|push|update)s?\b"
            r"|\b(?:wrong|bad|broken|incorrect|invalid|stale|old|new) configuration\b"
            r"|\bexpired\b|\bfull\b|\bleak|\bcorrupt|\bmissing\b"
            r"|\btypo\b|\bdeleted\b|\boverload",
            rest,
            re.IGNORECASE,
        )
    )
