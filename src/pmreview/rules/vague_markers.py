"""The marker words of data/vague.toml's `[context]` table, and the answers they give to the
question of a vague phrase (rules/vague_context.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..checks.semantics import specific_terms
from ..resources import load_toml
from ..text.phrases import Alternation
from ..text.prefilter import lower_case
from ..text.sentences import without_tags
from ..text.times import without_dates_and_times


@cache
def markers() -> dict[str, Alternation]:
    """The `[context]` markers, each tried only where the anchors of its patterns occur (a
    sentence lacks those of most readings, which then cost no compiling)."""
    table = load_toml("vague.toml")["context"]
    return {
        name: Alternation(lower_case(pats, f"vague.toml context.{name}"))
        for name, pats in table.items()
    }


def _has_specific(text: str) -> bool:
    return bool(specific_terms(text))


def marked(name: str) -> Callable[[str], bool]:
    """A test for the `[context]` markers `name`, on text whose clock times and dates are
    taken out (a time is no count, no value and no setting)."""

    def test(text: str) -> bool:
        return markers()[name].search(without_dates_and_times(text)) is not None

    return test


# a share of people or requests ("for 80% of users", "half of the readers") counts who, not how
# long
_HALF = re.compile(r"\bhalf\b")


def _gives_length(text: str) -> bool:
    """A number that may be how long: not one of a share of people or requests."""
    text = without_dates_and_times(text)
    unshared = _HALF.sub(" ", markers()["share"].sub(" ", text))
    return markers()["quantity"].search(unshared) is not None


TESTS = {
    "specific": _has_specific,
    "quantity": marked("quantity"),
    "length": _gives_length,
    "magnitude": marked("magnitude"),
    "setting": marked("setting"),
    "parameter": marked("parameter"),
    "finding": marked("finding"),
    "value": marked("value"),
    "share": marked("share"),
    "change": marked("change"),
    "new_value": marked("new_value"),
    "examined": marked("examined"),
    "spelled_out": marked("spelled_out"),
    "named": marked("named"),
    "detector": marked("detector"),
}


def answers_share(text: str) -> bool:
    """Whether lower-cased `text` says how many of the users or requests were hit."""
    return TESTS["share"](text)


# the tool a measure is to use, named ("an uptime monitor such as Uptime Kuma", "alerts through
# PagerDuty"): it can be set up and shown to work; read as written, a name is capitalised
_PRODUCT = re.compile(
    r"\b(?:such as|like|using|via|through|with)\s+\[?"
    r"(?!(?:I|A|An|The|This|We|Our|All)\b)[A-Z][\w.-]{2,}"
)


def names_product(written: str) -> bool:
    """The measure names the tool or service it is to use; "some service such as X" leaves
    the choice open."""
    text = without_tags(written, " ")
    found = _PRODUCT.search(text)
    return found is not None and not re.search(r"\bsome\b", text[: found.start()], re.I)
