"""Which words show each part: the fix (not the cause told before it), the summary (the opening
text, not a "What happened" story below it), the summary's share and cause, the root cause in a
document without section titles, and the measures' concrete tasks (examples written for these
tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks import extract
from pmreview.checks.causes import root_cause
from pmreview.checks.evidence import evidence
from pmreview.checks.fixes import resolution
from pmreview.checks.measures import measures
from pmreview.checks.summary import summary
from pmreview.text.durations import durations_in


def _fix(text: str) -> str:
    found = resolution(doc_of(text))["detail"]
    assert found is not None
    return found["quote"]


COMBINED = """# Mail queue outage

## Root cause and resolution

While moving the relay to a new host I added a second listener on port 2525 and disabled the
old one in `/etc/postfix/master.cf`, so nothing accepted mail on port 25 any more.

To fix it we:

1. Restored the `smtp inet` line in `/etc/postfix/master.cf`
2. Ran `sudo postfix reload`
"""


def test_the_fix_is_read_after_the_cause_in_a_combined_section() -> None:
    assert _fix(COMBINED).startswith("Restored the `smtp inet` line")


def test_a_fix_told_by_a_sentence_after_the_cause() -> None:
    text = (
        "# Outage\n\n## Root cause and resolution\n\n"
        "A teammate changed `worker_count` to 1 in `app.yaml` while profiling and the change got "
        "merged.\n\nWe fixed it by setting `worker_count` back to 8 in `app.yaml` and redeployed.\n"
    )
    assert _fix(text).startswith("We fixed it by setting")


def test_a_failure_that_names_a_restart_is_no_fix() -> None:
    text = (
        "# Outage\n\n## Root cause and resolution\n\n"
        "When the disk filled, the `gunicorn` service failed and did not restart.\n\n"
        "Resolution:\n\n- Deleted the rotated logs under `/var/log/app/` and restarted `gunicorn`\n"
    )
    assert _fix(text).startswith("- Deleted the rotated logs")


STATUS_PAGE = """# Status

**Resolved**
*Jun 2, 2025 - 11:00 UTC*

This incident has been resolved.

## Incident analysis

### Remediation

At 10:40 UTC we rolled back to the previous routing table and increased the memory limit
for the edge proxy.
"""


def test_a_resolved_status_update_gives_way_to_the_remediation_section() -> None:
    found = resolution(doc_of(STATUS_PAGE))
    assert found["present"] is not None and found["present"]["title"] == "Remediation"
    # a rollback to a known state is a fix of its own beside a vague "increased the limit"
    assert found["detail"] is not None and "rolled back" in found["detail"]["quote"]


def test_a_rebuild_and_a_pause_name_the_change() -> None:
    text = (
        "# Outage\n\n## Resolution\n\nThe damaged partitions were rebuilt from the upstream log. "
        "Compaction was paused with `dbctl compaction --pause` until the patch shipped.\n"
    )
    assert _fix(text).startswith("The damaged partitions were rebuilt")


ENTRIES = """# Queue backlog

## What happened

At 08:00 UTC the broker was replaced as part of a scheduled upgrade to `mq` 3.2, and its
replacement started with a 1 GB memory limit.

## Timeline

- 08:05 UTC - alert on queue depth fires
- 08:20 UTC - `orders-api` rolled back. No improvement.
- 08:31 UTC - `mq_memory_limit` raised to 8 GB on `mq-2`
"""


def test_with_no_resolution_section_the_fix_is_a_timeline_entry_not_the_trigger() -> None:
    found = resolution(doc_of(ENTRIES))["detail"]
    assert found is not None and "`mq_memory_limit` raised to 8 GB" in found["quote"]


BLOG = """---
title: "The 30-minute upload outage"
date: 2025-03-04
---

# The 30-minute upload outage

On Tuesday, March 4, customers of Photobarn could not upload photos for 30 minutes. During
that window about 42% of active users saw uploads fail with an error, the rest were slow.

We publish these write-ups to learn in the open. The short version: a certificate rotation
emptied the token cache, and the flood of cache misses overwhelmed the auth database.

## Background

The upload service asks the auth service for a token before every upload.

## What happened

At 10:02 UTC a rotation job replaced the signing certificate. The auth database then failed.
"""


def test_an_opening_that_tells_the_incident_is_the_summary_not_what_happened() -> None:
    facts = summary(doc_of(BLOG))
    # quoted at its first sentence (line 8), not at the title
    assert facts["present"] is not None and facts["present"]["line"] == 8
    assert facts["duration"] is not None and facts["duration"]["quote"] == "30 minutes"
    assert facts["impact"] is not None and "could not upload photos" in facts["impact"]["quote"]
    assert facts["affected_share"] is not None and facts["affected_share"]["quote"] == "42%"
    assert facts["root_cause"] is not None
    assert facts["root_cause"]["quote"].startswith("The short version")
    assert facts["start_time"] is None  # 10:02 UTC is in the story, not the summary


def test_a_remark_on_the_write_up_is_no_cause() -> None:
    text = (
        "# Search outage\n\nOn May 5 from 09:00 to 10:00 UTC search returned errors for all users."
        "\n\nThis post is long. It is long because we learned a lot.\n\n## Timeline\n\n- 09:00 x\n"
    )
    assert summary(doc_of(text))["root_cause"] is None


def test_background_on_how_the_system_works_is_no_impact() -> None:
    text = (
        "# Storage event\n\nOn June 1 an event affected volumes in one zone of the region, "
        "and some instances that use them.\n\n"
        "When a storage server becomes unavailable, the controller copies its data to healthy "
        "servers, which adds latency to the cluster.\n"
    )
    assert summary(doc_of(text))["impact"] is None


def test_a_security_incident_states_its_impact() -> None:
    text = (
        "# Security incident\n\n## Summary\n\nOn March 3, 2025, our security team found "
        "unauthorized access to one of our internal Jenkins agents. We have no evidence that "
        "customer data was accessed.\n"
    )
    assert summary(doc_of(text))["impact"] is not None


SHEET = """# Postmortem: stale dashboards

**Summary:** For 2h 10m, dashboards on Graphly showed stale data for some teams.

**Impact:** About 12% of workspaces (roughly 640 of 5,300) saw charts frozen at 07:10 UTC.

**Root cause:** The ingest worker `ingest-7` v4.1 dropped batches larger than 16 MB.
"""


def test_the_impact_fact_after_the_summary_gives_the_share() -> None:
    found = summary(doc_of(SHEET))["affected_share"]
    assert found is not None and found["quote"] == "12%"


def test_the_summary_s_cause_section_gives_its_cause_sentence_first() -> None:
    text = (
        "# Outage\n\n## Summary\n\nPayments failed for 20% of users from 10:00 to 11:00 UTC.\n\n"
        "## Root cause\n\nEvery payment passes through a fraud service that scores it. "
        "The fraud service ran out of memory because its model file doubled in size.\n"
    )
    found = summary(doc_of(text))["root_cause"]
    assert found is not None and found["quote"].startswith("The fraud service ran out")


def test_an_attacker_and_the_means_are_the_summary_s_cause() -> None:
    text = (
        "# Security incident\n\n## Summary\n\nOn May 2 an attacker used a stolen deploy key to "
        "push a modified build script to our internal tools repository.\n"
    )
    assert summary(doc_of(text))["root_cause"] is not None


def test_a_summary_section_is_not_followed_by_the_story() -> None:
    text = (
        "# Outage\n\n## Summary\n\nThe api was down on May 2.\n\n"
        "## What happened\n\nAt 10:00 UTC the api crashed because a deploy removed its config.\n"
    )
    assert summary(doc_of(text))["start_time"] is None


PROSE = """# Summary of the queue service event in the west region

This summary describes the event of April 9 in the west region and what we are changing.
The event affected the queue service and the workers that depend on it in one zone.

At 09:12 AM PDT we began a routine change to the brokers' disk quotas. An error in the
change tooling caused the new quota of 2 GB to be applied to all 40 brokers at once, so each
broker stopped accepting messages within a minute.

We are adding a limit of 4 brokers per change wave to the tooling.
"""


def test_a_prose_document_has_its_root_cause_in_the_paragraph_that_explains_it() -> None:
    found = root_cause(doc_of(PROSE))
    assert found["present"] is not None and found["present"]["line"] == 6
    assert found["detail"] is not None


def test_with_no_cause_section_the_detection_is_no_cause() -> None:
    text = (
        "# Incident\n\n## What happened\n\nThe first alert was triggered by a connection from "
        "`runner-3` to an unknown host, which our egress rules allowed.\n\n"
        "On May 1 an unknown party used a leaked token to push a workflow to `tools/ci`.\n"
    )
    found = root_cause(doc_of(text))["detail"]
    assert found is not None and found["quote"].startswith("On May 1 an unknown party")


def test_the_cause_s_detail_is_not_the_vague_sentence() -> None:
    text = (
        "# Outage\n\n## Root cause\n\nThe database ran out of connections because of some "
        "configuration issue with the pool. The `pool_size` was set to 300 in `db.yaml`.\n"
    )
    found = root_cause(doc_of(text))["detail"]
    assert found is not None and found["quote"].startswith("The `pool_size`")


MEASURES = """# Outage

## Corrective measures

We are taking steps to make this less likely.

- Review configuration changes more carefully.
- Improve monitoring.
- Add an alert on `mysql_connections` above 80% of `max_connections`.
"""


@pytest.mark.parametrize(
    ("item", "concrete"),
    [
        ("Review configuration changes more carefully.", False),
        ("Improve monitoring.", False),
        ("Add an alert on disk usage above 90% on db-1", True),
        ("Require two approvers for production deploys", True),
    ],
)
def test_a_task_is_concrete_or_a_wish(item: str, concrete: bool) -> None:
    tasks = measures(doc_of(f"# X\n\n## Action items\n\n- {item}\n- Other task here\n"))["tasks"]
    assert tasks[0]["concrete"] is concrete


def test_measures_are_shown_by_a_concrete_task_not_a_wish_or_an_intro() -> None:
    facts = extract(doc_of(MEASURES))
    improvements = facts["measures"]["improvements"]
    assert improvements is not None and "`mysql_connections`" in improvements["quote"]
    line, words = evidence(facts, ("measures", "tasks"))
    assert line == 9 and words.startswith("Add an alert")


def test_a_duration_with_a_half_after_its_unit() -> None:
    text = "down for about a day and a half."
    assert [(text[s:e], m) for s, e, m in durations_in(text)] == [("a day and a half", 2160)]


def test_a_duration_s_next_sentence_does_not_make_it_another_thing_s() -> None:
    text = "Checkout failed for 47 minutes. During that window nothing worked."
    from pmreview.text.durations import of_other_thing

    s = text.index("47")
    assert not of_other_thing(text, s, s + len("47 minutes"))


def test_a_change_weighed_and_not_made_is_no_fix() -> None:
    text = (
        "# Outage\n\n## Resolution\n\nWe decided it was better to fix the parser properly than "
        "to simply revert the `parser` change.\n\n"
        "Meanwhile we began the revert to `parser` 2.3.1.\n"
    )
    assert _fix(text).startswith("Meanwhile we began the revert")


def test_a_patched_version_run_for_a_test_is_no_fix() -> None:
    text = (
        "# Outage\n\n## Handling\n\nWe ran a full sync with a patched version of `node`.\n\n"
        "## Resolution\n\nWe started a full sync with a patched version of `node`.\n"
    )
    assert resolution(doc_of(text))["detail"] is None


def test_the_summary_s_own_cause_comes_before_its_cause_section() -> None:
    text = (
        "# Outage\n\n## Summary\n\nLogins failed from 10:00 to 11:00 UTC because the shared "
        "`pgbouncer` pool was capped at 20 connections.\n\n"
        "## Root cause\n\nEvery service connects through one pooler. The cap came from a typo.\n"
    )
    found = summary(doc_of(text))["root_cause"]
    assert found is not None and found["line"] == 5


def test_a_cause_word_in_an_aside_is_no_cause() -> None:
    text = (
        "# Outage\n\n## Summary\n\nMost services (not billing, due to its own pool) failed "
        "from 10:00 to 11:00 UTC.\n\n## Timeline\n\n- 10:00 UTC alert\n"
    )
    assert summary(doc_of(text))["root_cause"] is None


def test_a_leaked_secret_is_the_summary_s_cause() -> None:
    text = (
        "# Security disclosure\n\nOn 3 May 2024 a researcher found that a deploy token with write "
        "scope was leaked from our build logs and reported it to us.\n"
    )
    assert summary(doc_of(text))["root_cause"] is not None


def test_the_cause_s_detail_tells_how_it_failed_not_the_setting() -> None:
    text = (
        "# Outage\n\n## Root cause\n\nWe run `haproxy` in front of both web servers. Its backend "
        "had no `check` option, so it kept sending requests to `web-02` after `nginx` stopped "
        "there. This caused half the requests to fail.\n"
    )
    found = root_cause(doc_of(text))["detail"]
    assert found is not None and found["quote"].startswith("Its backend had no `check`")


def test_in_one_paragraph_the_fix_is_read_from_the_sentence_that_says_it() -> None:
    text = (
        "# Outage\n\n## Root cause and resolution\n\nThe `redis` client was outdated. It was "
        "raising an error on every reconnect. Dana fixed the issue by upgrading the client to "
        "`redis-py` 5.0.1 in `requirements.txt`.\n"
    )
    assert _fix(text).startswith("Dana fixed the issue by upgrading")


def test_a_first_theory_is_never_quoted_as_the_cause() -> None:
    text = (
        "# Login outage\n\n## Summary\n\nFrom 19:50 to 22:00 UTC players could not log in.\n"
        "Our first theory was a DDoS attack on the `auth-gw` gateway, so we tightened its rate "
        "limits.\nThe session store `sess-a` ran out of memory because each entry had grown "
        "sixfold.\n"
    )
    facts = summary(doc_of(text))
    assert facts["root_cause"] is not None
    assert facts["root_cause"]["quote"].startswith("The session store")


def _impact_of(summary_text: str) -> str | None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{summary_text}\n"))["impact"]
    return None if found is None else found["quote"]


def test_a_generic_noun_names_nothing_that_was_down() -> None:
    # "the site", "our app": which one? A date or a zone is no name either
    assert _impact_of("On Monday the site was down for two hours at 10:00 UTC.") is None
    assert _impact_of("Yesterday our app failed to start.") is None


def test_a_qualified_or_addressed_component_is_named() -> None:
    assert _impact_of("The booking site returned errors for two hours.") is not None
    assert _impact_of("The app that takes orders did not respond.") is not None
    assert _impact_of("Our storefront shop-lumen.tech stopped working.") is not None
    assert _impact_of("The ticket tool doesn't work at all since noon.") is None
    quote = _impact_of("Our Quillpad editor was not operational for a day.")
    assert quote is not None and "not operational" in quote


def test_what_users_met_is_the_impact() -> None:
    # "the service was slow" names nothing; the shoppers' failure is what they experienced,
    # on the shop the summary names (session 13: on nothing named, it fails)
    quote = _impact_of("Last night the service was slow. Shoppers could not pay on Cartly.")
    assert quote == "Shoppers could not pay on Cartly."
    assert _impact_of("Last night the service was slow. Shoppers could not pay for orders.") is None
    assert _impact_of("Cashiers in three stores saw nothing unusual.") is None


def test_a_template_prompt_is_no_impact() -> None:
    assert _impact_of("[insert what was down and what users experienced] on May 2.") is None


def test_a_noun_that_looks_like_a_verb_of_keeping_keeps_nothing() -> None:
    """'The store was unreachable for 2 hours' is the outage's length ("store" names a shop;
    "cached" describes who was fine), 'the CDN caches pages for 2 hours' is a retention."""
    from pmreview.text.durations import of_other_thing

    for text, kept in (
        ("The store was unreachable for 2 hours.", False),
        ("A few resolvers still had it cached and were fine for 2 hours.", False),
        ("Our CDN caches product pages for 2 hours.", True),
        ("The broker retains messages for 2 hours.", True),
    ):
        s = text.index("2 hours")
        assert of_other_thing(text, s, s + len("2 hours")) is kept, text
