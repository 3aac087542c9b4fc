"""The semantic detectors on the way organisations write a postmortem: a root cause told as a
chain, a fix reported as made, a resolution entry that carries its own time, theories told
as "thinking it might be…" (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.causes import root_cause
from pmreview.checks.fixes import resolution
from pmreview.checks.summary import summary
from pmreview.checks.timeline import timeline
from pmreview.pipeline import Options, review_text

CHAIN = """# Login outage

## Root cause

At 09:02 a configuration change pointed the session store at a retired address for the
cache servers. Our token library then retried that address forever instead of timing out.
Every worker thread waited on it, so the api stopped answering and requests queued.
"""


def test_a_root_cause_told_as_a_chain_of_sentences() -> None:
    found = root_cause(doc_of(CHAIN))["detail"]
    assert found is not None
    assert "worker thread" in found["quote"]


def test_a_vague_chain_is_no_detail() -> None:
    text = (
        "# Outage\n\n## Root cause\n\nThere was a misconfiguration on the servers."
        " The api stopped answering. Every request queued.\n"
    )
    assert root_cause(doc_of(text))["detail"] is None


def test_root_cause_detail_is_judged_without_a_root_cause_section() -> None:
    text = (
        "# Billing outage\n\nOn 3 May billing failed for an hour. This was due to a flaw in the"
        " `invoice_batch` job, which read the retry setting as zero and dropped every"
        " failed charge.\n\n## What we are doing about it\n\n- Add a test for the retry setting\n"
        "- Alert on dropped charges\n"
    )
    checks = review_text(text, Options(offline=True)).checks
    assert checks["root_cause.present"].status == "fail"
    assert checks["root_cause.detail"].status == "pass"


THIN_WHY = """# Queue outage

## Summary

Payments were queued for two hours on 4 June.

## What happened

The nightly export job started 60 workers on the shared nodes, which used all of their memory,
so the `ledger-api` pods were evicted and payments queued.

## Why

Export job with no limits, sharing nodes with the api.
"""


def test_a_thin_root_cause_section_leaves_the_mechanism_to_the_story() -> None:
    found = root_cause(doc_of(THIN_WHY))["detail"]
    assert found is not None and "evicted" in found["quote"]
    # the summary's own words are not read for it: the story below the summary is
    assert root_cause(doc_of(THIN_WHY.replace("## What happened", "")))["detail"] is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Within the hour the leaked key had been revoked and rotated in `vault`.", True),
        ("- The broken `sync-bot` workflow has been disabled in every repository.", True),
        ("The old key would be revoked once `vault` is upgraded.", False),  # a plan
        ("We attempted to restart `sync-bot`, but it failed again.", False),  # did not work
    ],
)
def test_a_fix_reported_as_made(sentence: str, found: bool) -> None:
    text = f"# Key leak\n\nOn 2 June a deploy key leaked.\n\n## Follow-ups\n\n{sentence}\n"
    assert (resolution(doc_of(text))["detail"] is not None) is found


def test_a_cause_sentence_is_not_the_fix_in_a_combined_section() -> None:
    text = (
        "# Outage\n\n## Root cause and resolution\n\nThe app was set to port 8080 by default,"
        " leading to refused connections. I changed the `listen` line in nginx.conf to 8080"
        " and reloaded nginx.\n"
    )
    found = resolution(doc_of(text))["detail"]
    assert found is not None and found["quote"].startswith("I changed")


TL = "# Outage\n\n## Timeline\n\n{}\n"


@pytest.mark.parametrize(
    ("entries", "resolved"),
    [
        # the how comes from the entry before the recovery
        (
            "- 10:00 UTC - alert fired\n- 10:20 UTC - rolled back `orders-api` to 4.1\n"
            "- 10:30 UTC - errors back to normal",
            True,
        ),
        # an entry that is itself the fix
        ("- 10:00 UTC - alert fired\n- 10:40 UTC - deploy token for `ci-bot` revoked", True),
        # the recovery words alone say nothing of how
        ("- 10:00 UTC - alert fired\n- 10:40 UTC - the app was restored", False),
        # the resolution item carries no time of its own
        ("- 10:00 UTC - alert fired\n- **Resolution:** restarted nginx and it recovered", False),
        # an announcement of the fix is not the fix
        ("- 10:00 UTC - alert fired\n- 11:00 UTC - the status page was updated: fixed", False),
        # recovery told in the words people use, after the entry that says how
        (
            "- 20:02 - alert fired\n- 20:10 - set `MAX_CONN=200` in `/etc/app/env` on api-2 and "
            "restarted it\n- 20:14 - 50 requests in a row return 200. Incident over.",
            True,
        ),
        (
            "- 9:02 PM - alert fired\n- 9:30 PM - disabled verbose tracing on the six search "
            "nodes\n- 10:05 PM - search fully back for everyone",
            True,
        ),
        (
            "- 14:02 - alert fired\n- 14:20 - worker quota raised from 40 to 90\n"
            "- 14:35 - queue latency normal",
            True,
        ),
        (
            "- 08:02 - builds fail\n- 08:10 - pinned `setup-node` to v4 in `ci.yml`\n"
            "- 08:30 - CI green, deploys unblocked",
            True,
        ),
        # an action named as a noun ("cache purge issued"), on a named thing
        (
            "- 05:00 UTC - alert fired\n- 05:40 UTC - full cache purge issued for "
            "`static.example.org`",
            True,
        ),
        # a fix done to a part of the system the lexicon names
        ("- 9:40 PM - alert fired\n- 10:10 PM - login servers restarted one by one", True),
        # the fix told in the present tense, as the last entries
        ("- 14:02 - alert fired\n- 14:40 - Rebuild the bundle for `edge-proxy` and reload", True),
        # a job cancelled and rerun; a service said healthy after a change
        (
            "- 06:00 - report job starts\n- 06:40 - reports missing\n"
            "- 08:30 - vacuum cancelled; job rerun",
            True,
        ),
        (
            "- 23:30 - API returns 502\n- 00:40 - disk of db-1 full\n"
            "- 01:30 - moved old WAL files to cold storage\n- 02:15 - API healthy",
            True,
        ),
        # a rollback to a named version, then the work done again
        (
            "- 09:10 - bookings fail\n- 09:25 - alert fired\n- 10:05 - rolled back to 3.1\n"
            "- 10:30 - bookings saved again",
            True,
        ),
        # the first entry of a timeline starts the story, it does not end it
        (
            "- 18:00 - release 3.2 deployed to booking-api\n- 09:10 - bookings fail\n"
            "- 09:25 - alert fired",
            False,
        ),
        # "back" alone still says nothing of how
        ("- 10:00 UTC - alert fired\n- 10:40 UTC - the site was back", False),
        # capacity restored to a number, after the entry that says how
        (
            "- 10:00 UTC - alert fired\n- 10:20 UTC - began adding nodes to the index pool\n"
            "- 11:05 UTC - the pool was back to 64 nodes",
            True,
        ),
    ],
)
def test_timeline_resolution_needs_when_and_how(entries: str, resolved: bool) -> None:
    """Where resolved, the quote is the last entry (the recovery, or the fix itself) or the
    change just before the recovery, never the alert or the failure."""
    found = timeline(doc_of(TL.format(entries)))["resolution"]
    assert (found is not None) == resolved
    if found:
        quote = found["quote"]
        assert quote in entries.split("\n")[-3:] and "alert" not in quote and "fail" not in quote


@pytest.mark.parametrize(
    ("entries", "found"),
    [
        ("- 10:05 UTC - checked the nginx error log on web-2", True),
        ("- 10:05 UTC - at first we thought the load balancer was dropping traffic", True),
        ("- 10:05 UTC - drained the `db-3` node and failed over to the replica", True),
        ("- 10:05 UTC - we identified the cause as a configuration error", False),
        ("- 10:05 UTC - the app was restored", False),
    ],
)
def test_timeline_actions_name_what_was_worked_on(entries: str, found: bool) -> None:
    assert (timeline(doc_of(TL.format(entries)))["actions"] is not None) is found


def test_an_action_quote_stays_in_its_entry() -> None:
    text = TL.format("10:00 UTC: alert fired<br />\n10:05 UTC: restarted the cache nodes<br />")
    found = timeline(doc_of(text))["actions"]
    assert found is not None and found["line"] == 6


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Thinking it might be a flaky disk, I rebooted the host. That changed nothing.", True),
        ("This was written off as a network blip but was actually the cache.", True),
        ("We blamed it on the proxy until we noticed the disk was full.", True),
        ("As suspected, the logs showed the cache was full.", False),  # it was right
        ("The compiled files weren't considered when we scanned for secrets.", False),
        ("I thought I would explain how we audited the fix.", False),  # an intention
        ("To prevent jobs acting on the wrong cluster, we pinned the context.", False),
    ],
)
def test_misleading_paths_as_organisations_tell_them(sentence: str, found: bool) -> None:
    text = f"# Outage\n\n## What happened\n\n{sentence}\n"
    assert (timeline(doc_of(text))["misleading"] is not None) is found


@pytest.mark.parametrize(
    ("entry", "found"),
    [
        ("- 10:05 UTC - paged the storage team", True),
        ("- 10:05 UTC - the on-call engineer engaged the network team", True),
        ("- 10:05 UTC - the DBA team was engaged", True),
        ("- 10:05 UTC - opened a support case with AWS Support", True),
        ("- 10:05 UTC - engaged in debugging the app", False),
        ("- 10:05 UTC - pagers alerted teams", False),
        ("- 10:05 UTC - after the team was alerted we looked at the logs", False),
        ("- 10:05 UTC - we were informed of the attack by the hosting provider", False),
    ],
)
def test_an_escalation_names_whom(entry: str, found: bool) -> None:
    assert (timeline(doc_of(TL.format(entry)))["escalation"] is not None) is found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("A memory-corruption bug within the EVM split the chain for an hour.", True),
        ("We had shipped a regression in the code that proxies `rustfmt` calls.", True),
        ("A misspelled file name caused 500 errors on the blog.", True),
        ("A bug in the Shopping app stopped checkout for an hour.", False),  # names nothing
        ("GET requests on the server led to 500 errors for every visitor.", False),  # effect
        # what one part did to another, with no cause word
        ("With the cache empty, every request fell through to Postgres at once.", True),
        ("The weekly `pg_dump` job ran at noon and locked the orders table.", True),
        ("Users set quiet hours in local time, but the push service treated them as UTC.", True),
        ("The release moved the build to Node 20 and its old plugin, so the build crashed.", True),
        ("We looked at it for an hour, so the team stopped for lunch.", False),  # nothing named
        ("We treated it as a network problem for an hour.", False),  # a theory, not a cause
    ],
)
def test_the_summary_s_cause(sentence: str, found: bool) -> None:
    text = f"# Outage\n\n## Summary\n\n{sentence}\n\n## Timeline\n\n- 10:00 UTC - alert\n"
    assert (summary(doc_of(text))["root_cause"] is not None) is found


COMBINED = """# Outage

## Root cause and resolution

- **Root cause:** A glitch somewhere made the site slow.
- **Resolution:** We added the missing index on `orders.created_at` and restarted mysql.
"""


def test_a_combined_section_s_labels_say_which_part_tells_what() -> None:
    doc = doc_of(COMBINED)
    assert root_cause(doc)["detail"] is None  # the specifics belong to the fix
    fix = resolution(doc)["detail"]
    assert fix is not None and fix["line"] == 6


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # what set it off, named with no other cause word
        ("The trigger was commit 9f3e2a1, which changed the `session_ttl` default to 0.", True),
        # a defect of a named thing, then what it made happen
        (
            "The `orders-worker` queue had no dead-letter limit, so one bad message blocked it.",
            True,
        ),
        ("A new log rotation job had a wrong path (`/var/lg`), so the disk filled up.", True),
        # a change that did something to a thing, as the rubric's "a config push set …"
        ("An automatic `nginx` package upgrade replaced the site config with the default.", True),
        # passive: "It was caused by" gives the cause, it does not tell an effect
        ("It was caused by the `/var` partition filling up with core dumps.", True),
        # a root cause analysis announced is no cause
        ("We are sorry, and have included a root cause analysis further down.", False),
        ("The root cause is still under investigation by the `api` team.", False),
        # people who lacked something, and a person acting during a change, tell no cause
        ("Users of `shop-web` had no way to pay, so they left the site.", False),
        ("During the `v2` deploy we replaced the load balancer certificates.", False),
    ],
)
def test_the_summary_s_cause_without_a_lexicon_cause_word(sentence: str, found: bool) -> None:
    text = f"# Outage\n\n## Summary\n\n{sentence}\n\n## Timeline\n\n- 10:00 UTC - alert\n"
    assert (summary(doc_of(text))["root_cause"] is not None) is found


def test_a_post_titled_at_level_two_has_its_opening_as_the_summary() -> None:
    text = (
        "## Incident note: uploads failing (May 2)\n\nBetween 10:00 UTC and 11:30 UTC every "
        "upload to `files.example.dev` failed with a 500 error for all users.\n\n"
        "### What happened\n\nAt 09:58 a deploy went out. Later we found it.\n\n"
        "### Timeline\n\n- 10:00 UTC alert\n"
    )
    facts = summary(doc_of(text))
    assert facts["start_time"] is not None and facts["start_time"]["line"] == 3


@pytest.mark.parametrize(
    ("where", "zoned"),
    [
        ("## Timeline (CAT)\n\n- 09:10 alert\n", False),  # the timeline's zone, not the summary's
        ("## Timeline\n\nAll times are CAT.\n\n- 09:10 alert\n", False),
        ("All times in this document are CAT.\n\n## Timeline\n\n- 09:10 alert\n", True),
    ],
)
def test_a_zone_given_for_the_timeline_only_does_not_zone_the_summary(
    where: str, zoned: bool
) -> None:
    text = f"# Outage\n\n## Summary\n\nFrom 09:05 to 10:40 the shop returned 502 errors.\n\n{where}"
    assert (summary(doc_of(text))["timezone"] is not None) is zoned


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        ("The API was slow from 14:05 UTC. Service was fully back at 16:30 UTC.", "16:30 UTC"),
        (
            "Between **21:02 UTC on Friday, May 2** and **06:40 UTC on Saturday, May 3**, "
            "pushes were delayed.",
            "06:40 UTC",
        ),
        (
            "Between **Friday 2 May 21:50 UTC** and **Saturday 3 May 09:15 UTC**, every "
            "download failed.",
            "09:15 UTC",
        ),
    ],
)
def test_the_summary_s_end_time_as_organisations_write_it(sentence: str, end: str) -> None:
    text = f"# Outage\n\n## Summary\n\n{sentence}\n\n## Timeline\n\n- 10:00 UTC - alert\n"
    found = summary(doc_of(text))["end_time"]
    assert found is not None and found["text"] == end


def test_a_value_restated_in_brackets_is_no_outage_length() -> None:
    text = (
        "# Outage\n\nFrom 21:00 UTC to 23:30 UTC pushes were delayed for all users. The "
        "consumer's `poll.timeout.ms` is 300,000 (5 minutes).\n\n## Timeline\n\n- 21:00 UTC x\n"
    )
    found = summary(doc_of(text))["duration"]
    assert found is not None and "5 minutes" not in found["quote"]


def test_a_root_cause_analysis_is_read_with_its_sub_sections() -> None:
    text = (
        "# Outage\n\n## Root cause analysis\n\n*Published May 3*\n\n### What happened\n\n"
        "A cleanup job deleted every file in `/srv/uploads` older than a day because its "
        "`--mtime` flag was written as `+0`, so the app could not find the images.\n\n"
        "### Impact\n\nAll users saw broken images.\n"
    )
    found = root_cause(doc_of(text))["detail"]
    assert found is not None and found["quote"].startswith("A cleanup job")


def test_a_review_template_s_fault_section_is_the_root_cause() -> None:
    text = (
        "# Outage\n\n## Fault\n\nThe `billing-worker` read its queue URL from `QUEUE_URL`, "
        "which the 4.2 deploy renamed, so it polled nothing.\n"
    )
    facts = root_cause(doc_of(text))
    assert facts["present"] is not None and facts["detail"] is not None


def test_with_no_root_cause_section_the_story_below_the_summary_tells_the_cause() -> None:
    text = (
        "# Outage\n\nTL;DR: the shop was down from 10:00 to 11:00 UTC for all users.\n\n"
        "What happened:\n\nThe deploy removed the `orders` index. The cleanup failed because "
        "the database server ran out of disk space, and the app could not write any order.\n\n"
        "Timeline:\n\n- 10:00 UTC alert\n"
    )
    found = root_cause(doc_of(text))["detail"]
    assert found is not None and "ran out of disk" in found["quote"]


@pytest.mark.parametrize(
    ("fix", "detailed"),
    [
        ("Sam fixed it by running some nginx commands and restarting things.", False),
        ("We rolled the pricing config back to the March version and restarted `api`.", True),
        ("- Turned on the request queue (it was off because tests looked fine).", True),
        ("Revoking the leaked `deploy-bot` token stopped the pushes.", True),
    ],
)
def test_a_fix_names_its_change(fix: str, detailed: bool) -> None:
    found = resolution(doc_of(f"# Outage\n\n## What we changed that night\n\n{fix}\n"))["detail"]
    assert (found is not None) is detailed


def test_a_status_update_titled_resolved_leaves_the_fix_to_the_write_up() -> None:
    text = (
        "# Outage\n\n**Resolved**\nThis incident has been resolved.\n\n## Analysis\n\n"
        "We rolled back the `web` release but the issue persists.\n\n"
        "The `cdn` origin was switched back to `static-old` at 16:31 and we purged the cache.\n"
    )
    found = resolution(doc_of(text))["detail"]
    assert found is not None and found["quote"].startswith("The `cdn` origin")


def test_an_e_mail_s_header_is_not_the_summary() -> None:
    text = (
        "From: Ana Ruiz <ana@example.com>\nTo: eng@example.com\n"
        "Subject: [Postmortem] Portal outage on Monday\nDate: Tue, 4 Mar 2025 10:22:51 +0000\n\n"
        "TL;DR: the billing portal was unreachable for all customers from 09:30 to 11:50.\n\n"
        "Timeline:\n\n- 09:30 first calls\n"
    )
    facts = summary(doc_of(text))
    assert facts["timezone"] is None  # "+0000" is when the mail was sent
    assert facts["impact"] is not None and facts["impact"]["quote"].startswith("TL;DR")


def test_a_named_thing_that_lapsed_is_the_summary_s_cause() -> None:
    text = (
        "# Outage\n\nI run a small app alone. On 2 May my domain `shopnote.app` expired and "
        "the site was gone for 9 hours, from 06:10 to 15:35 CET. I'm writing this up because "
        "I promised my customers I would.\n\n## Timeline\n\n- 06:10 CET x\n"
    )
    found = summary(doc_of(text))["root_cause"]
    assert found is not None and "expired" in found["quote"]
