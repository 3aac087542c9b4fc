"""summary.impact, session 14 (examples written for these tests): a noun that says only what
kind of thing was down ("our website", "the company's website", "the web service", "the
server", "our web-based application", a bold label's "Site") names nothing, as "the service"
does not (spec); the same noun with a word or a name that says which one still names it
("the booking website", "the Inkwell web app", "shop.example.tech"), and "the web app", "the
web server" say what part it is."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _impact(text: str) -> bool:
    return summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["impact"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "From 09:10 to 09:40 UTC our website was down and every visitor got a 502 error.",
        "On 4 June the company's website returned errors to all users for twenty minutes.",
        "Impact: the primary web service was completely down, so users saw errors.",
        "Impact: our web-based application was unavailable and users saw error pages.",
        "Our online platform was slow for two hours; users saw timeouts.",
        "The server stopped responding at 10:00 UTC and users could not reach the site.",
        "__Description__ Site intermittently down, users saw errors",
    ],
)
def test_a_kind_of_thing_names_nothing(text: str) -> None:
    assert not _impact(text)


@pytest.mark.parametrize(
    "text",
    [
        "From 09:10 to 09:40 UTC the booking website was down and visitors got a 502 error.",
        "On 4 June the Inkwell web app returned errors to all users for twenty minutes.",
        "shop.example.tech was unavailable and users saw error pages for an hour.",
        "The payments api went down at 14:00 UTC and customers could not pay.",
        "- Service Affected: Ledgerly web application\n- Users met timeouts and failed logins.",
        "Nginx on the web server crashed at 10:00 UTC and users could not load any page.",
        "The database server was overloaded and users saw slow page loads.",
        "The web server went down at 14:00 UTC and customers could not load any page.",
    ],
)
def test_a_thing_said_which_still_names_it(text: str) -> None:
    assert _impact(text)


def test_the_evidence_is_not_where_the_outage_came_from() -> None:
    text = (
        "Impact: users could not open the site. This outage stemmed from a firewall issue on "
        "one of the servers. The backup node of the Orderly api was refusing port 80, so the "
        "api returned errors."
    )
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["impact"]
    assert found is not None and "stemmed" not in str(found["quote"])
