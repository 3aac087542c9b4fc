"""The word lists of data/lexicon.toml ("detection", "resolved", "cause"…) as lower-case
alternations: what the semantic detectors and the HTML timeline axis look for in a sentence.
Each is gated (text/phrases.py): a search compiles only the words the text can match."""

from __future__ import annotations

from functools import cache

from ..resources import load_toml
from .phrases import Alternation
from .prefilter import lower_case


@cache
def lexicon(name: str) -> Alternation:
    return Alternation(lower_case(load_toml("lexicon.toml")[name], f"lexicon.toml:{name}"))
