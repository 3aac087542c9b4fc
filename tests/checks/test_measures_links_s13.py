"""measures, session 13 (examples written for these tests): a list item that is only an
address ("- https://git.example.org/ops/issues/95") names no task and says nothing to
improve; a link's own text ("- [Add a disk alert on db-1](https://…)") or words beside the
address do."""

from __future__ import annotations

from _support import doc_of

from pmreview.checks.measures import measures


def _facts(items: str):  # type: ignore[no-untyped-def]
    return measures(doc_of(f"# Outage\n\n## Action items\n\n{items}\n"))


def test_bare_addresses_name_no_task() -> None:
    found = _facts(
        "- https://git.example.org/ops/ledger/issues/95\n"
        "- https://git.example.org/ops/ledger/issues/97\n"
        "- <https://git.example.org/ops/ledger/issues/104>\n"
    )
    assert found["tasks"] == []
    assert found["improvements"] is None


def test_a_link_with_its_own_words_is_a_task() -> None:
    found = _facts(
        "- [Add a disk alert on db-1](https://git.example.org/ops/issues/95)\n"
        "- Rotate the audit logs daily: https://git.example.org/ops/issues/97\n"
    )
    assert len(found["tasks"]) == 2
    assert found["improvements"] is not None
