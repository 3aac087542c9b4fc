"""Placement: each check's example answer, put in by its rule in data/coach.toml, supplies
the element; an answer to a finding replaces its words (or the whole task)."""

from __future__ import annotations

from typing import Any

import pytest
from _coach_support import COACH_MD
from _coach_support import statuses as statuses_of
from _support import DATA

from pmreview.checks.profile import load as load_profile
from pmreview.coach.answers import answer_for
from pmreview.coach.placement import Placer
from pmreview.coach.plan import plan
from pmreview.pipeline import Options, review_text
from pmreview.resources import load_toml


def _table() -> dict[str, Any]:
    return dict(load_toml("coach.toml")["checks"])


BASES = {
    "bare": "# Notes\n\nSomething went wrong with the website yesterday.\n",
    "no zone": "## Summary\n\nFrom 09:05 to 09:30 the login page failed.\n",
    "vague": (DATA / "vague.md").read_text(),
    "coach": COACH_MD.read_text(),
}


@pytest.mark.parametrize("profile", ["default", "google-sre"])
def test_every_placement_rule_makes_its_check_pass_with_its_example(profile: str) -> None:
    """Each check's example answer, put in by its rule, supplies the element on a document
    where the check fails and what it needs (its `requires`) is there. (A timezone statement
    cannot give a summary without times a timezone, so not on every such document.)"""
    checks = load_profile(profile).checks
    from pmreview.scaffold import template

    bases = {**BASES, "template": template(profile)}
    tried: set[str] = set()
    for text in bases.values():
        statuses = statuses_of(text, profile)
        review = review_text(text, opts=Options(profile=profile, offline=True))
        items = {i.id: i for i in plan(review) if i.is_check}
        for cid, item in items.items():
            parent = checks[cid].get("requires")
            if item.mode == "manual" or (parent and statuses.get(parent) != "pass"):
                continue
            placer = Placer(review.document)
            assert placer.apply(placer.proposal(item, item.spec["example"]))
            if statuses_of(placer.result(), profile)[cid] == "pass":
                tried.add(cid)
    placeable = {c for c in checks if c in _table() and _table()[c].get("as") != "manual"}
    assert placeable - tried == set(), "these examples supply their element on no document"


def test_answers_by_slug_list_and_quote() -> None:
    text = "## Summary\n\nA glitch hit some customers, then several users, on checkout-api.\n"
    review = review_text(text, opts=Options(offline=True))
    items = plan(review)
    answers = {"vague-impact": {"Some Customers": "2,100 customers"}, "PM101": ["a cache bug"]}
    assert review.document is not None
    placer = Placer(review.document)
    used: dict[str, int] = {}
    for item in items:
        answer = answer_for(item, answers, used)
        if answer is not None and not item.is_check:
            placer.apply(placer.proposal(item, answer))
    assert (
        "A cache bug hit 2,100 customers, then several users, on checkout-api." in placer.result()
    )
