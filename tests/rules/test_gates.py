"""The cheap tests that let rules skip a pattern never skip text the pattern matches.

Placeholder, secret and phone patterns each name strings one of which every match contains
(`text.prefilter.may_match`); the IP, phone-digit and duration patterns were rewritten to be faster.
These check the claims on text built to match often, so that a pattern edited without its
test strings fails here.
"""

from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmreview.models import ASCII_LOWER
from pmreview.rules import placeholders, privacy_patterns
from pmreview.text.durations import _PART, _PART_RE
from pmreview.text.prefilter import CASE_VARIANTS, Lazy, may_match
from pmreview.text.runs import RunSearch, finder

EXAMPLES = [
    # placeholders
    "TBD",
    "TBA",
    "TODO",
    "TODO:",
    "FIXME",
    "XXX",
    "lorem ipsum",
    "LOREM IPSUM",
    "???",
    "??:??",
    "XX:XX",
    "xx:xx",
    "HH:MM",
    "HH:MM:SS",
    "YYYY-MM-DD",
    "DD/MM/YY",
    "mm.dd.yyyy",
    "[insert name]",
    "[Your Name]",
    "[TBD]",
    "<date>",
    "<YOUR TEAM>",
    "<service here>",
    "X%",
    "XX.X %",
    "XXX minutes",
    "X users",
    # secrets
    "AKIA",
    "ASIA",
    "ABCDEFGHIJKLMNOP",
    "ghp_",
    "github_pat_",
    "xoxb-",
    "AIza",
    "sk_live_",
    "-----BEGIN RSA PRIVATE KEY-----",
    "eyJ",
    "Bearer ",
    "https://",
    "user:",
    "@",
    "password",
    "PASSWORD",
    "paſſword",
    "api_key",
    "API\u212aEY",
    "token",
    "secret",
    "pwd",
    "=",
    ": ",
    '"',
    "abcdefghij0123456789",
    "_-",
    "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7",
    # phones and addresses
    "+44 20 7946 0958",
    "+2348012345678",
    "(555) 555-0100",
    "555-555-0100",
    "phone: ",
    "Tel ",
    "call ",
    "SMS ",
    "0803 123 4567",
    "10.20.4.17",
    "192.168.0.1/32",
    "2001:db8::1",
    "fe80::1",
    "::",
    "12:30:45",
    # durations
    "2 hours",
    "an hour",
    "forty-five minutes",
    "1.5 h",
    "ſix days",
    "a day",
    # filler
    "0",
    "1",
    "9",
    ".",
    "-",
    "/",
    " ",
    "\n",
    "x",
    "X",
    "ı",
    "İ",
    "é",
    # whole matches, one per alternative a test string stands for
    "sms 0803 123 4567",
    "WhatsApp: 0803 123 4567",
    "Mobile 0803 123 4567",
    "telephone 0803-123-4567",
    "Cell 0803 123 4567",
    "passwd=abc123xyz",
    "client_secret: 'zz9yy8xx7'",
    "APIKEY=abcd1234",
    "access_token=abcd1234",
    "auth_token: q1w2e3r4",
    "Private_Key=abcd1234",
    "Secret_Key: abcd1234",
    "postgres://admin:hunter22@db",
    "Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",
    "AKIAIOSFODNN7EXAMPLE",
    "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "xoxp-1234567890-abc",
    "[fill in the cause]",
    "[link to the dashboard]",
    "<insert owner>",
    "<timezone>",
    "X% of users",
    "?? ???",
]
PIECES = st.sampled_from(EXAMPLES)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=20).map("".join)
FAST = settings(
    max_examples=500, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

GATED: list[tuple[Lazy | RunSearch | re.Pattern[str], tuple[str, ...], bool]] = [
    *((p, needs, caseless) for p, _, _, needs, caseless in placeholders._PLACEHOLDERS),
    *((p, needs, caseless) for _, p, needs, caseless in privacy_patterns.SECRETS),
    *privacy_patterns.PHONES,
]


def _compiled(p: Lazy | RunSearch | re.Pattern[str]) -> re.Pattern[str] | RunSearch:
    return p.compiled if isinstance(p, Lazy) else p


def _assert_gates_hold(text: str) -> None:
    for pattern, needs, caseless in GATED:
        if _compiled(pattern).search(text):
            for lower in (text.lower(), text.translate(ASCII_LOWER)):
                assert may_match(needs, caseless, text, lower), (pattern, text)


@pytest.mark.parametrize("text", EXAMPLES)
def test_a_pattern_matches_only_text_its_test_lets_through(text: str) -> None:
    _assert_gates_hold(text)


@FAST
@given(TEXTS)
def test_a_pattern_matches_only_text_its_test_lets_through_in_any_mix(text: str) -> None:
    _assert_gates_hold(text)


@FAST
@given(TEXTS)
def test_ip_hints_hold_in_every_address(text: str) -> None:
    for pattern, hint in privacy_patterns.IP_HINTS:
        if pattern.compiled.search(text):
            assert hint.search(text), (pattern.pattern, text)


@FAST
@given(TEXTS)
def test_rewritten_patterns_match_as_before(text: str) -> None:
    old_eight_digits = re.compile(r"(?:\d\D{0,3}){8}")
    assert bool(privacy_patterns.EIGHT_DIGITS.search(text)) == bool(old_eight_digits.search(text))
    plain = re.compile(_PART, re.I)
    assert [m.span() for m in _PART_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_case_variants_are_the_only_non_ascii_letters_re_i_matches_to_ascii_ones() -> None:
    non_ascii = "".join(map(chr, range(128, sys.maxunicode + 1)))
    found = {c for x in string.ascii_lowercase for c in re.findall("(?i)" + x, non_ascii)}
    assert found == set(CASE_VARIANTS)


def test_a_credential_spelt_with_a_case_variant_is_still_found() -> None:
    # "ſ" (long s) matches s under re.I; a test on lower-cased text alone would skip it
    text = "The config had paſſword=hunter2xyz in it."
    assert may_match(("pass",), True, text, text.lower())
    assert not may_match(("pass",), True, "no credential here", "no credential here")
    assert finder(privacy_patterns.SECRETS[-1][1]).search(text)


def test_lazy_compiles_once_on_first_use() -> None:
    lazy = Lazy(r"a+", re.I)
    assert "compiled" not in vars(lazy)
    assert lazy.compiled.findall("xAax") == ["Aa"]
    assert lazy.compiled is lazy.compiled
