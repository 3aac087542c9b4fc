"""root_cause.detail and summary.root_cause by family (examples written for these tests).

- A misconfiguration placed on a named part and told with what it did ("a misconfigured
  firewall rule that was blocking incoming traffic to the web server") explains the cause; a
  misconfiguration alone, or on a named part with nothing it did, does not.
- A physical fault of a named part and what it did ("spilled coffee on a server, causing a
  short circuit") explains the cause; "a hardware problem" does not.
- A cause in words that name no thing ("a minor bug in the code", "recent updates and
  changes", "a lack of understanding of the configuration settings") is no detail.
- A sentence that says the cause is still sought ("Investigation is in progress to identify
  the root cause", "it's hard to give an exact root cause") is not the summary's cause.
"""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.causes import root_cause
from pmreview.checks.summary import summary
from pmreview.parse import parse
from pmreview.source import from_text


def _detail(text: str) -> str | None:
    found = root_cause(doc_of(f"# Outage\n\n## Root cause\n\n{text}\n"))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "The root cause was a misconfigured firewall rule that was blocking incoming"
            " traffic to the web server.",
            "blocking",
        ),
        (
            "A misconfigured replication factor on the database cluster led to an overload on"
            " the database servers.",
            "overload",
        ),
        (
            "The cause was a misconfiguration in the load balancer health checks, which marked"
            " every backend as down, so no request reached the app.",
            "marked every backend",
        ),
        (
            "The cache server was misconfigured to expire keys after one second, causing a"
            " flood of reads on the database.",
            "flood of reads",
        ),
        (
            "- A misconfigured DNS record sent the API traffic to the retired load balancer,"
            " so clients could not connect.",
            "retired load balancer",
        ),
    ],
)
def test_a_misconfigured_part_and_what_it_did_passes(text: str, quote: str) -> None:
    got = _detail(text)
    assert got is not None and quote in got


@pytest.mark.parametrize(
    "text",
    [
        "The root cause was a misconfiguration.",
        "A misconfiguration caused the outage of the whole platform for two hours.",
        "The root cause was a misconfigured firewall rule on the production network.",
        "Some configuration issue led to errors on the site for most of the afternoon.",
        "It was a misconfiguration somewhere in the system that caused the problems.",
        # placed on a whole part, not on one of its settings
        "A misconfiguration in the load balancer settings led to uneven distribution of traffic,"
        " causing server overloads.",
        "The misconfiguration in the message broker led to the wrong routing of orders.",
        "A misconfigured application server led to failed requests for every customer.",
    ],
)
def test_a_misconfiguration_without_part_or_mechanism_fails(text: str) -> None:
    assert _detail(text) is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "A team member accidentally spilled coffee on a server, causing a short circuit.",
            "coffee",
        ),
        (
            "Water from a leaking pipe reached the core switch and caused a short circuit in"
            " the rack.",
            "short circuit",
        ),
        (
            "A cooling fan in the rack stopped, so the storage server overheated and shut"
            " itself down.",
            "overheated",
        ),
    ],
)
def test_a_physical_fault_and_what_it_did_passes(text: str, quote: str) -> None:
    got = _detail(text)
    assert got is not None and quote in got


@pytest.mark.parametrize(
    "text",
    [
        "The server had a hardware problem and went down for the evening.",
        "Something physical happened to the server in the office that night.",
    ],
)
def test_a_physical_problem_unnamed_fails(text: str) -> None:
    assert _detail(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The rewards were zero for every farmer because of a minor bug in the code, which went"
        " unnoticed.",
        "The downtime was caused by a combination of factors, including server issues,"
        " database errors and configuration problems. These issues arose due to recent updates"
        " and changes made to the website's infrastructure.",
        "The root cause was identified as a lack of understanding of the system architecture"
        " and the configuration settings required to connect to the staging environment.",
        "The outage happened because of a small error in the application, which was deployed"
        " without review.",
    ],
)
def test_a_cause_in_generic_words_fails(text: str) -> None:
    assert _detail(text) is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "A bug in the retry code of the payment worker resent each request ten times, which"
            " overloaded the API.",
            "retry code",
        ),
        (
            "The 2.4 update changed the default `max_connections` to 10, so the app ran out of"
            " connections.",
            "max_connections",
        ),
        (
            "Recent changes to the nginx config removed the upstream block, so nginx answered"
            " every request with a 502.",
            "upstream block",
        ),
    ],
)
def test_a_named_bug_or_change_still_passes(text: str, quote: str) -> None:
    got = _detail(text)
    assert got is not None and quote in got


def _summary_cause(summary_text: str) -> str | None:
    text = (
        f"# CI outage\n\n## Summary\n\n{summary_text}\n\n## Timeline\n\n- 10:00 UTC alert fired\n"
    )
    found = summary(parse(from_text(text)))["root_cause"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "sought",
    [
        "Investigation is in progress to resolve the issue and identify the root cause.",
        "Without more detailed information, it's hard to give an exact root cause.",
        "We have not yet determined the root cause of the failures.",
        "The team is still working to find the underlying root cause.",
    ],
)
def test_a_cause_still_sought_is_not_the_summarys_cause(sought: str) -> None:
    got = _summary_cause(f"Builds on the CI could not get agents for two hours. {sought}")
    assert got is None or got != sought


@pytest.mark.parametrize(
    "sought",
    [
        "Investigation is in progress to identify the root cause.",
        "It's hard to give an exact root cause.",
    ],
)
def test_the_cause_beside_a_search_is_quoted(sought: str) -> None:
    told = (
        "A plugin upgrade on the CI controller caused the allocation of container agents to fail."
    )
    got = _summary_cause(f"{told} {sought}")
    assert got == told


def test_a_cause_found_is_still_the_cause() -> None:
    told = "We identified the root cause: the nightly `mysqldump` locked the orders table."
    assert _summary_cause(f"Checkout was down for an hour. {told}") == told


@pytest.mark.parametrize(
    "told",
    [
        "The failure happened due to a minor bug in the code that went unnoticed, which caused"
        " the rewards to be zero.",
        "The downtime was caused by a combination of factors, including server issues, database"
        " errors, and configuration problems.",
        "The outage was caused by a number of issues on the website after recent updates.",
        "These problems arose due to recent updates and changes made to the infrastructure.",
    ],
)
def test_a_cause_in_generic_words_is_not_the_summarys_cause(told: str) -> None:
    assert _summary_cause(f"The shop was down for an hour. {told}") is None


@pytest.mark.parametrize(
    "told",
    [
        "A bug in the code that rounds the fees, added in release 3.2, caused the rewards to be"
        " zero.",
        "The outage was caused by a combination of a full disk on db-1 and an expired TLS"
        " certificate.",
        "The outage was caused by recent changes to `nginx.conf` that removed the upstream block.",
    ],
)
def test_a_named_cause_among_them_is_the_summarys_cause(told: str) -> None:
    assert _summary_cause(f"The shop was down for an hour. {told}") == told


@pytest.mark.parametrize(
    ("told", "passes"),
    [
        (
            "The payout on FarmSwap failed due to a minor bug in the code, which went unnoticed.",
            False,
        ),
        ("The payout on FarmSwap failed due to an error in the application during the run.", False),
        (
            "The payout on FarmSwap failed due to a bug in the code that rounds fees in"
            " `payout.py`, which set every reward to zero.",
            True,
        ),
    ],
)
def test_with_no_cause_section_a_generic_defect_is_no_detail(told: str, passes: bool) -> None:
    text = f"# Payout failure\n\n## Summary\n\nRewards were not paid.\n\n## Details\n\n{told}\n"
    found = root_cause(doc_of(text))["detail"]
    assert (found is not None) is passes
