"""A theory refuted further on than the next two sentences (timeline.misleading): its suspect
cleared by name up to five sentences later ("Thought it was DNS." … "DNS was fine."; "I was
**sure** it was the CDN." … "the CDN was never the problem"; "Suspecting the uplink…" …
"no abnormality on the uplink"), or, within the theory's own timeline entry and the entry's
sub-items, its fix shown to have changed nothing ("We decide nginx is the villain. … We
restart it. Nothing changes."). A suspect confirmed stops the search; a recovery ("fine
again") clears nothing."""

from __future__ import annotations

import re

from ..models import Block
from ..text.borrowed import own_blocks, own_sentences
from ..text.prefilter import Lazy
from . import semantics as sem
from .semantics import Evidence
from .theories import confirmed, theory_end

_AHEAD = 5  # sentences after the theory that may clear its suspect by name

# emphasis and code marks, which split the words a theory is read from ("I was **sure**")
_MARKS = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")
# a verdict that clears what its subject (the three words before it) names: "DNS was fine",
# "the tunnel looked healthy", "nginx is innocent", "Redis was never the problem", "the CDN
# wasn't the culprit"; or that names what it clears after it: "no abnormality on the uplink",
# "nothing wrong with the load balancer"
_CLEARED = Lazy(
    r"(?<=\w) (?:was|were|is|are|looked|looks|seemed|seems|came back|checked out)(?:"
    r"(?: still| all| perfectly| completely| totally| entirely)? (?:fine|healthy|ok|okay"
    r"|innocent|normal|valid|clean|green|sound)\b(?! again| now| after)"
    r"|(?:n[’']t| not| never)(?: actually| really| even| ever)? (?:the |a |an )?(?:problem"
    r"|cause|culprit|issue|villain|it|to blame|at fault|involved|related)\b)"
    r"|\b(?:no (?:abnormalit(?:y|ies)|anomal(?:y|ies)|issues?|problems?|faults?|errors?)"
    r"|nothing (?:wrong|abnormal|unusual)) (?:in|with|on|at|from) (?:the |our |their )?"
    r"(?P<u>[\w.-]+(?: [\w.-]+)?)"
)
# the theory's fix with no effect, told plainly
_NO_EFFECT = Lazy(
    r"\bnothing (?:changes|changed|happens|happened|improves|improved)\b"
    r"|\bno (?:change|improvement|difference|effect|luck)\b"
    r"|\b(?:did|does|do)(?:n[’']t| not) (?:help|change anything|fix it|work)\b|\bnot help"
)
_WORD = re.compile(r"[a-z][a-z0-9-]{2,}")
_STOP = frozenset(
    {
        *("the", "was", "were", "are", "and", "our", "its", "for", "not", "had", "has", "one"),
        *("any", "all", "but", "out", "that", "this", "those", "these", "their", "there"),
        *("they", "them", "with", "from", "into", "about", "just", "only", "some", "been"),
        *("have", "maybe", "might", "could", "would", "issue", "problem", "cause", "something"),
        *("thing", "things", "because", "which", "what", "when", "then", "whole", "time"),
    }
)
_CLAUSE_END = re.compile(r"[,;:(]| - | – | — |\bso\b|\band then\b|\bbecause\b")


def refuted_further_on(blocks: list[Block]) -> Evidence | None:
    """The first theory whose suspect a later sentence clears by name, or whose own entry
    (with its sub-items) shows its fix changing nothing."""
    told = [(b, s, e) for b in own_blocks(blocks) for s, e in own_sentences(b)]
    for i, (b, s, e) in enumerate(told):
        low = _MARKS.sub("", b.lower[s:e])
        at = theory_end(low)
        if at is None:
            continue
        rest = [_MARKS.sub("", x.lower[xs:xe]) for x, xs, xe in told[i + 1 : i + 1 + _AHEAD]]
        if _cleared(_suspects(low[at:]), rest) or _no_effect(told, i, b):
            return sem.evidence(b, s, e)
    return None


def _suspects(theory: str) -> set[str]:
    """The words of the theory's own clause: what was suspected."""
    cut = _CLAUSE_END.search(theory)
    return {w for w in _WORD.findall(theory[: cut.start() if cut else None]) if w not in _STOP}


def _cleared(suspects: set[str], rest: list[str]) -> bool:
    """Whether a sentence of `rest` clears one of the suspects, before any confirms one."""
    if not suspects:
        return False
    for low in rest:
        if confirmed(low):
            return False
        for m in _CLEARED.compiled.finditer(low):
            said = m.group("u") or " ".join(low[: m.start()].split()[-3:])
            if any(_same(w, suspects) for w in _WORD.findall(said) if w not in _STOP):
                return True
    return False


def _same(word: str, suspects: set[str]) -> bool:
    return word in suspects or (len(word) > 4 and any(w[:5] == word[:5] for w in suspects))


def _no_effect(told: list[tuple[Block, int, int]], i: int, block: Block) -> bool:
    """Whether the rest of the theory's timeline entry, or its sub-items, says that nothing
    changed, before anything confirms the theory."""
    if block.kind != "item":
        return False
    for x, xs, xe in told[i + 1 :]:
        if x is not block and (x.kind != "item" or x.depth <= block.depth):
            return False
        low = x.lower[xs:xe]
        if confirmed(low):
            return False
        if _NO_EFFECT.compiled.search(low):
            return True
    return False
