"""The reviewer request's budget: what every request sends besides the findings and the
document stays under 2,000 tokens for each built-in profile, and the longest answer the schema
allows fits in the default max_tokens."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pmreview.checks.profile import builtin_profiles
from pmreview.checks.profile import load as load_profile
from pmreview.llm import LLMConfig
from pmreview.llm.reviewer import OVERHEAD_LIMIT, definitions, overhead, tokens
from pmreview.resources import load_schema


@pytest.mark.parametrize("profile", builtin_profiles())
def test_prompt_overhead_stays_under_the_limit(profile: str) -> None:
    cost = overhead(load_profile(profile))
    assert cost["chars"] == cost["messages"] + cost["schema"]
    assert cost["tokens"] < OVERHEAD_LIMIT, cost


def test_overhead_counts_the_definitions_it_sends() -> None:
    """Not a constant: the default profile's definitions make its requests longer."""
    default, sre = overhead(load_profile("default")), overhead(load_profile("google-sre"))
    assert default["messages"] - sre["messages"] >= len(definitions(load_profile("default"))) - 200


def _longest(schema: dict[str, Any]) -> Any:
    """The longest value `schema` allows (strings at maxLength, arrays at maxItems)."""
    if "enum" in schema:
        return max(schema["enum"], key=len)
    if schema.get("type") == "string":
        return "x" * schema.get("maxLength", 0)
    if schema.get("type") == "array":
        return [_longest(schema["items"])] * schema["maxItems"]
    return {k: _longest(v) for k, v in schema["properties"].items()}


def test_the_longest_answer_fits_in_max_tokens() -> None:
    longest = json.dumps(_longest(load_schema("llm-review.schema.json")), indent=1)
    assert len(longest) > 10_000  # ten critiques, twelve verdicts, four tasks
    assert tokens(len(longest)) < LLMConfig(base_url="", model="").max_tokens


def test_tokens_round_up() -> None:
    assert (tokens(0), tokens(1), tokens(4), tokens(5)) == (0, 1, 1, 2)
