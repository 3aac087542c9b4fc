"""A root cause told only as a judgement: the fault is a word that says something was wrong
("incorrectly", "inefficient", "not adequately provisioned", "a surge in traffic", "a
misconfiguration") on parts named only by their kind ("the load balancer", "the servers", "the
database"), with no concrete thing (a file, setting, value, version, identifier, proper name)
that a reader could look up. Such a sentence names parts and a failure, as a mechanism does,
but not what went wrong with them: it fails root_cause.detail. A sentence that opens with what
the one before told ("This change caused…", "This led to…") is read with that sentence: the
cause it carries forward is the one judged."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Block
from ..text.prefilter import Lazy
from . import semantics as sem
from .proper_names import named_things

# the words that judge a fault instead of telling it: "inefficient queries", "not distributing
# traffic correctly", "a surge in traffic"; "incorrect", "wrong"… only of a thing named by its
# kind ("an incorrect configuration change"), not of what they tell was wrong ("the wrong file
# extension", "incorrect upstream addresses")
_JUDGING = Lazy(
    r"\b(?:in(?:efficient|adequate)(?:ly)?|suboptimal|sub-optimal|poorly"
    r"|(?:in(?:correct|sufficient|appropriate)|improper|faulty|wrong|bad|poor)(?:ly)? (?:\w+ )?"
    r"(?:config(?:uration)?s?|setup|settings?|changes?|deployments?|updates?|code|handling"
    r"|implementation|management|planning|provisioning|capacity|resources)"
    r"|not (?:\w+ ){0,3}?(?:correctly|properly|adequately|efficiently|sufficiently|optimally"
    r"|well)\b"
    r"|(?:surges?|spikes?|increase|influx|flood) (?:\w+ ){0,3}?(?:in|of) (?:\w+ )?(?:traffic"
    r"|load|requests|users|demand)\b)"
)
# where a surge came from: "a surge in traffic due to a product launch"
_SOURCE = Lazy(r"\b(?:due to|caused by|because of|from|after)\b")
# the vague causes that name no thing: "a misconfiguration", "a configuration error", "a glitch"
_NO_THING = Lazy(sem.NO_THING)
# a sentence that carries forward what the one before told
_ANAPHOR = Lazy(
    r"^\W*(?:this|that|these|those|it|which)\b(?:\s+(?:\w+\s+){0,2}?"
    r"(?:change|error|issue|problem|misconfiguration|mistake|surge|spike|load|setting|update))?"
)


def judged_only(text: str) -> bool:
    """Whether the text tells its fault only as a judgement on parts named by their kind (or
    by the name of their product: "the Nginx server's inadequate configuration")."""
    low = text.lower()
    return any(_judging(low, m) for m in _JUDGING.compiled.finditer(low)) and not concrete(text)


def _judging(low: str, m: re.Match[str]) -> bool:
    """A judging word, but for a surge told with its source in the same sentence."""
    if not m.group().startswith(("surge", "spike", "increase", "influx", "flood")):
        return True
    rest = low[m.end() : m.end() + 120]
    rest = rest[: min((rest.find(c) for c in ".;\n" if c in rest), default=len(rest))]
    return not _SOURCE.compiled.search(rest)


def concrete(text: str) -> bool:
    """Whether the text names a concrete thing beyond a part: a file, setting, value, version,
    identifier or proper name, or a failure of its own ("a typo", "a memory leak")."""
    low = text.lower()
    terms = {
        t
        for t in sem.specific_terms(text)
        if not _PRODUCT.compiled.fullmatch(t) or f"`{t}`" in low  # "the `nginx` user"
    }
    return bool(terms or named_things(text))


def names_no_thing(text: str) -> bool:
    """Whether the text has a vague cause that names no thing ("a misconfiguration")."""
    return bool(_NO_THING.compiled.search(text.lower()))


# a part named by its product only: it says which part, not what went wrong with it
_PRODUCT = Lazy(sem.PRODUCTS)


def told_as_fix(low: str) -> bool:
    """A sentence of a combined "Root cause and resolution" that tells the fix, not the cause:
    "The team resolved the issue by adding an index", "The real fix came when…"."""
    return bool(_FIX.compiled.search(low))


_FIX = Lazy(
    r"\b(?:resolved|fixed|solved|mitigated|addressed|remedied) (?:the |this )?(?:issue|problem"
    r"|outage|incident|error|it)\b[^.;]{0,20}?\bby\b"
    r"|\bthe (?:\w+ )?(?:resolution|fix|solution) (?:came|was (?:to|found))\b"
)


def carries_forward(low: str) -> bool:
    """Whether a sentence opens with what the one before told ("This change caused…")."""
    return bool(_ANAPHOR.compiled.match(low))


def told_with(b: Block, spans: list[tuple[int, int]], n: int, test: Callable[[str], bool]) -> bool:
    """`test` on the n-th sentence of a block, read with the sentence before it when it
    carries that one forward ("This change caused the primary node to fail")."""
    s, e = spans[n]
    if n and carries_forward(b.lower[s:e]):
        s = spans[n - 1][0]
    return test(b.text[s:e])
