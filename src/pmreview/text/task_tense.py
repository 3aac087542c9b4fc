"""A list told in the past tense: "Re-enabled alerting on the relays", "Migrated the Asia node
to a larger server". When every item of a list opens with a past form and one of them reads
plainly as work done, the others are done too: an author does not mix reports and plans in
one list without saying so ("Improved monitoring of …" alone may name a wish)."""

from __future__ import annotations

from .verb_forms import WORD, done_past, marked_open, past_of, reported_done, verbs


def _opening(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)][:14]


def _past_opening(words: list[str]) -> bool:
    """The item opens with a past form that is no base form ("re-enabled", "migrated")."""
    return (
        bool(words)
        and words[0].endswith("ed")
        and words[0] not in verbs()
        and bool(past_of(words[0]))
    )


def told_done(items: list[tuple[str, str]]) -> bool:
    """Whether a list of (raw text, words) items is a report of work done: two or more items,
    none marked open, each opening with a past form, one of them plainly done."""
    if len(items) < 2 or any(marked_open(raw, []) for raw, _ in items):
        return False
    openings = [_opening(text) for _, text in items]
    if not all(_past_opening(w) for w in openings):
        return False
    return any(
        done_past(w) or reported_done(text) for w, (_, text) in zip(openings, items, strict=True)
    )
