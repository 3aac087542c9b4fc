"""The word lists of data/lexicon.toml ("detection", "resolved", "cause"…) as lower-case
alternations: what the semantic detectors and the HTML timeline axis look for in a sentence.
Each is gated (text/phrases.py): a search compiles only the words the text can match."""

from __future__ import annotations

from functools import cache

from ..resources import load_toml
from .phrases import Alternation
from .prefilter import lower_case


@cache
def lexicon(*names: str) -> Alternation:
    """The lists `names` as one alternation: `lexicon("resolved", "recovered")` is any word that
    says the incident is over, in either list."""
    table = load_toml("lexicon.toml")
    return Alternation(
        [p for name in names for p in lower_case(table[name], f"lexicon.toml:{name}")]
    )
