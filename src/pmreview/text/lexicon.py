"""The word lists of data/lexicon.toml ("detection", "resolved", "cause"…) as lower-case
patterns: what the semantic detectors and the HTML timeline axis look for in a sentence."""

from __future__ import annotations

import re
from functools import cache

from ..resources import load_toml
from .prefilter import lowercase_pattern


@cache
def lexicon(name: str) -> re.Pattern[str]:
    return lowercase_pattern(load_toml("lexicon.toml")[name], f"lexicon.toml:{name}")
