"""timeline.resolution by family (examples written for these tests).

1. The recovery told as what a monitor or the requests show: "the uptime monitor reports UP",
   "every request succeeding", "30 reloads, zero 502s", "`pip install` verified clean", "the
   page loads over https again". Near misses that stay failures: an error that "shows up in
   the logs", "no errors in the nginx log" found while investigating, "the page loads slowly".
2. The time of an entry given by the entry it belongs to: a nested bullet under a timed bullet
   ("- 14:10" over "  - restarted nginx; site back up"), a sentence continuing a timed
   paragraph. A top-level bullet with no time of its own stays untimed.
3. Times written in words or as offsets: "around twenty to twelve:", "T+1 h 05 min —", "ten
   minutes later:". A line that only starts with a word like "Then" is not a time."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def found(body: str) -> str | None:
    got = timeline(doc_of(f"# Outage\n\n## Timeline\n\n{body}\n"))["resolution"]
    return None if got is None else str(got["quote"])


# a change that says how, but is not by itself the end of the incident
_RAN = "Added `timeout server 60s` to haproxy.cfg on lb-1."


def timed(*entries: str) -> str:
    return "\n".join(f"- 1{i}:00 UTC - {x}" for i, x in enumerate(entries))


@pytest.mark.parametrize(
    "last",
    [
        "All checks passing; the uptime monitor reports UP.",
        "Every request succeeding from the load balancer.",
        "Pingdom shows the site as up.",
        "Forty reloads in a row, zero 502s.",
        "`apt update` verified clean on two fresh machines.",
        "No more 504s after that.",
        "The shop page loads over https on phone and laptop.",
        "Postgres starts fine on the old data directory.",
    ],
)
def test_a_recovery_told_as_what_is_seen(last: str) -> None:
    body = timed("Checkout returns 502.", _RAN, last)
    got = found(body)
    assert got is not None and "timeout server" in got


@pytest.mark.parametrize(
    "last",
    [
        "The same 502 shows up in the nginx log on web-2.",
        "No errors in the nginx log on web-2, so not the backend.",
        "The page loads slowly and then times out.",
        "The monitor reports up to 40% failed checks.",
        "Every request failing with 502.",
    ],
)
def test_a_look_is_not_a_recovery(last: str) -> None:
    body = timed("Checkout returns 502.", _RAN, last)
    assert found(body) is None


@pytest.mark.parametrize(
    ("fix", "quote"),
    [
        ("Ran `sudo ufw allow 443/tcp` on lb-1.", "ufw allow"),
        ("`docker compose restart web` on the VM.", "docker compose restart"),
        ("Executed `systemctl reload haproxy` on lb-1.", "systemctl reload"),
    ],
)
def test_a_fix_told_as_the_command_run(fix: str, quote: str) -> None:
    got = found(timed("Checkout returns 502.", fix, "Every request succeeding."))
    assert got is not None and quote in got


@pytest.mark.parametrize(
    "look", ["Ran `sudo ufw status` on lb-1.", "`docker compose ps` shows web restarting."]
)
def test_a_command_that_only_looks_is_no_fix(look: str) -> None:
    assert found(timed("Checkout returns 502.", "Paged Ana.", look)) is None


def test_a_nested_bullet_is_told_at_its_parents_time() -> None:
    body = (
        "- 14:02 UTC\n"
        "    - checkout returns 502\n"
        "- 14:40 UTC\n"
        "    - raised `proxy_read_timeout` to 60s on lb-1 and reloaded haproxy\n"
        "        - checkout working again"
    )
    got = found(body)
    assert got is not None and "proxy_read_timeout" in got


def test_a_sentence_continuing_a_timed_paragraph_is_told_at_its_time() -> None:
    body = (
        "1/ 21:02 checkout returns 502 for everyone.\n\n"
        "2/ 21:40 the pool is exhausted on db-1.\n"
        "`systemctl restart pgbouncer` and the site is back up."
    )
    got = found(body)
    assert got is not None and "pgbouncer" in got


def test_an_untimed_top_level_bullet_stays_untimed() -> None:
    body = "- 14:02 UTC checkout returns 502\n- Restarted pgbouncer on db-1; site back up."
    assert found(body) is None


@pytest.mark.parametrize(
    "when",
    ["Around twenty to twelve:", "**T+1 h 05 min** —", "Ten minutes later:", "Just after eleven:"],
)
def test_a_time_told_in_words(when: str) -> None:
    body = (
        "- A quarter past nine: checkout returns 502.\n"
        "- Half past ten: found the pool exhausted on db-1.\n"
        f"- {when} restarted pgbouncer on db-1 and the site is back up."
    )
    got = found(body)
    assert got is not None and "pgbouncer" in got


def test_words_that_are_not_a_time() -> None:
    body = (
        "- 09:15 checkout returns 502.\n"
        "- Then: found the pool exhausted on db-1.\n"
        "- After that: restarted pgbouncer on db-1 and the site is back up."
    )
    assert found(body) is None


def test_a_sentence_further_along_prose_is_not_dated_by_an_earlier_time() -> None:
    body = (
        "The site went down at 08:00 GMT and we were alerted ten minutes later. We looked at "
        "nginx first. We revived the server and fixed the firewall rule. The team worked hard "
        "to resolve the issue."
    )
    assert found(body) is None


@pytest.mark.parametrize(
    "before",
    [
        "Asked our mentor in the cohort channel; he said check `ufw`.",
        "Pinged Sam, who suggested to look at the `haproxy` backend.",
    ],
)
def test_advice_asked_for_is_not_how_it_was_fixed(before: str) -> None:
    body = timed("Checkout returns 502.", before, "Found the problem.", "Fixed it!!")
    assert found(body) is None


def test_a_config_test_that_passes_is_not_a_recovery() -> None:
    body = timed("Checkout returns 502.", "Ran `nginx -t`: says syntax ok. Still hangs.")
    assert found(body) is None
