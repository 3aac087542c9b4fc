"""The summary's passes quote the sentence that states the element: the impact is never a
field of the report's own record (its sender, its severity, who was affected), a sentence
that names itself the cause is the cause and not the impact, and a share shows its count
rather than the "all" it qualifies (examples written for these tests)."""

from __future__ import annotations

from pmreview.checks.summary import summary
from pmreview.parse import parse
from pmreview.source import from_text


def _fact(text: str, name: str) -> str:
    found = summary(parse(from_text(text)))[name]  # type: ignore[literal-required]
    assert found is not None
    return str(found["quote"])


def test_a_mail_header_is_not_the_impact() -> None:
    text = (
        "# Sign-in outage\n\n"
        "**From:** Campus IT <it@uni.example> **To:** All Staff\n\n"
        "## Summary\n\n"
        "From 08:40 to 11:15 UTC staff could not sign in to the library portal: it showed"
        ' "Login failed".\n'
    )
    assert "library portal" in _fact(text, "impact")


def test_a_severity_field_is_not_the_impact() -> None:
    text = (
        "# INC-88 report\n\n## Summary\n\n"
        "| Field | Value |\n|---|---|\n"
        "| Severity | SEV-2 (customer-facing degradation) |\n"
        "| Customer impact | Payments failed with a 504 on the checkout page |\n"
    )
    assert "504" in _fact(text, "impact")


def test_a_field_with_a_symptom_stays_the_impact() -> None:
    text = (
        "# INC-89 report\n\n## Summary\n\n"
        "| Field | Value |\n|---|---|\n"
        "| Impact | The `orders` API returned 503 errors to every caller |\n"
    )
    assert "503" in _fact(text, "impact")


def test_the_proximate_cause_is_the_cause() -> None:
    text = (
        "# Replica outage\n\n## Summary\n\n"
        "On 3 May the replica `db-2` stopped applying changes from the primary. Because the"
        " app reads its catalogue from the replica, shoppers saw yesterday's prices. The"
        " proximate cause was a duplicate-key error raised by a row I inserted by hand on"
        " `db-2`, which halted the replication thread.\n"
    )
    assert "proximate cause" in _fact(text, "root_cause")


def test_a_share_shows_its_count_rather_than_the_all_it_qualifies() -> None:
    text = (
        "# Region outage\n\n## Summary\n\n"
        "From 06:10 to 08:00 UTC the API returned 503 errors. All accounts hosted in"
        " the Paris region, 900 of 4,000 paying accounts, were affected.\n"
    )
    assert _fact(text, "affected_share") == "900 of 4,000"


def test_all_users_alone_stays_the_share() -> None:
    text = (
        "# Site outage\n\n## Summary\n\n"
        "From 10:00 to 10:40 UTC the shop returned 502 errors to all users.\n"
    )
    assert _fact(text, "affected_share") == "all users"


def test_a_filed_reports_header_is_not_shown_as_the_summary() -> None:
    text = (
        "# Incident report to the regulator\n\n"
        "**Reporting entity:** Example Credit Union\n"
        "**Submitted to:** National Banking Supervisor, Operational Resilience Office\n\n"
        "### 1. Particulars\n\n"
        "On 2 June from 09:10 to 11:40 CET card payments failed for 30% of our customers"
        " because a batch job locked the balances table.\n"
    )
    found = summary(parse(from_text(text)))["present"]
    assert found is not None and "card payments failed" in found["text"]


def test_an_opening_sentence_stays_the_summary() -> None:
    text = (
        "# Checkout outage\n\n"
        "**Submitted to:** the board\n\n"
        "On 2 June from 09:10 to 11:40 UTC checkout failed for every customer because the"
        " payment gateway's certificate expired.\n"
    )
    found = summary(parse(from_text(text)))["present"]
    assert found is not None and found["text"].startswith("On 2 June")
