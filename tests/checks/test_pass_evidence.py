"""A pass quotes the element the rubric defines, never a look-alike: the change that ended
the impact, not a fix tried on a wrong guess, a hand-over or a quoted status update
(examples written for these tests)."""

from __future__ import annotations

from pmreview.checks.causes import root_cause
from pmreview.checks.fixes import resolution
from pmreview.checks.summary import summary
from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text

_HEAD = "# Shop outage\n\n## Summary\n\nThe shop was down.\n\n## Timeline (UTC)\n\n"


def _resolution(entries: str) -> str | None:
    found = timeline(parse(from_text(_HEAD + entries)))["resolution"]
    return None if found is None else found["quote"]


def test_a_fix_tried_on_a_wrong_guess_is_not_the_resolution() -> None:
    quote = _resolution(
        "- 10:00 - Checkout returns 500 errors.\n"
        "- 10:10 - I thought Redis was full, so I flushed the `sessions` cache.\n"
        "- 10:20 - Still 500s, so I handed the incident over to Priya.\n"
        "- 10:30 - Priya reverted the `orders-api` deploy to 2.4.1.\n"
        "- 10:35 - Checkout works normally again.\n"
    )
    assert quote is not None and "reverted" in quote


def test_a_fix_told_with_its_failure_is_no_resolution() -> None:
    quote = _resolution(
        "- 10:00 - Checkout returns 500 errors.\n"
        "- 10:10 - I restarted nginx but it gave an error.\n"
        "- 10:20 - I thought the config was broken so I reinstalled nginx.\n"
    )
    assert quote is None


def test_a_name_that_resolved_to_an_address_is_dns() -> None:
    quote = _resolution(
        "- 09:00 - Deleted the old VM `web-1`; `shop.example` resolved to its dead IP.\n"
        "- 09:30 - Monitoring reports the shop unreachable.\n"
        "- 10:00 - Updated the `shop` A record to 192.0.2.80.\n"
        "- 10:30 - Lookups return the new address and the probe passes.\n"
    )
    assert quote is not None and "A record" in quote


def test_a_quoted_status_update_is_not_the_resolution() -> None:
    quote = _resolution(
        "- 10:00 - Downloads fail with 404.\n"
        "- 11:00 - Restored the deleted files from the `assets-backup` bucket.\n"
        "- 11:30 - 404 rate back to baseline and status page set to Resolved.\n"
        "- 11:35 - Review meeting booked for Friday.\n\n"
        "> 11:40 **Identified** - We stopped the job. Downloads will keep failing until the"
        " restore completes.\n"
    )
    assert quote is not None and "Restored the deleted files" in quote


def test_a_queue_still_draining_is_no_change_and_a_recovery_plan_no_recovery() -> None:
    quote = _resolution(
        "- 10:00 - Logins fail.\n"
        "- 10:30 - Ticket opened with the vendor to agree a recovery plan.\n"
        "- 11:00 - We deleted the stale `cache:*` keys and raised `maxmemory` to 8 GB.\n"
        "- 11:20 - The login queue was still draining as players came back; it cleared at"
        " 11:40 and we closed the incident.\n"
    )
    assert quote is not None and quote.startswith("- 11:00")


def test_a_comparison_is_a_look_not_the_change() -> None:
    quote = _resolution(
        "- 10:00 - Sessions fail on gw-2.\n"
        "- 10:20 - The running config is compared with the backup: the pool is missing and"
        " replaced by 10.0.0.0/22.\n"
        "- 10:40 - Pool configuration restored from backup; sessions recover to 99%.\n"
    )
    assert quote is not None and "restored from backup" in quote


def _detection(entries: str) -> str | None:
    found = timeline(parse(from_text(_HEAD + entries)))["detection"]
    return None if found is None else found["quote"]


def test_an_alarm_that_stayed_silent_is_not_the_detection() -> None:
    quote = _detection(
        "- 10:00 - The queue stops draining. The backlog alarm had been muted for the"
        " migration, so no alarm was raised.\n"
        "- 10:40 - The on-call engineer notices the red graph on the dashboard.\n"
    )
    assert quote is not None and "notices the red graph" in quote
    quote = _detection(
        "- 10:00 - Payment approvals drop to 91%, below the 5-point alert threshold, so no"
        " page.\n- 10:30 - A store owner calls the help desk: card payments are declined.\n"
    )
    assert quote is not None and "calls the help desk" in quote


def test_someone_who_sees_an_error_page_detects_it() -> None:
    quote = _detection(
        "- 22:00 - Ama, checking the shop on her phone, sees the checkout error page and"
        " posts a screenshot. The disk monitor did not fire because it was disabled.\n"
    )
    assert quote is not None and quote.startswith("- 22:00 - Ama")


def _summary_cause(text: str) -> str | None:
    found = summary(parse(from_text(text)))["root_cause"]
    return None if found is None else found["quote"]


def test_a_change_told_after_the_first_sentence_is_the_cause() -> None:
    quote = _summary_cause(
        "# Late e-mails\n\n## Summary\n\nOn 2 May from 09:00 to 10:00 UTC mail was late. A"
        " config change to the mail workers lowered `send_timeout` from 60 to 5 seconds.\n\n"
        "## Impact\n\n- 2% of messages (310 of 15,000) exhausted their retries and were"
        " dropped from the queue.\n"
    )
    assert quote is not None and "lowered `send_timeout`" in quote


def test_a_because_about_who_noticed_or_the_count_is_not_the_cause() -> None:
    quote = _summary_cause(
        "# Night outage\n\n## Summary\n\nBecause it was a holiday, almost nobody noticed the"
        " shop was down. We have no count of affected users because we keep no access logs."
        " The cause was a nightly `pg_dump` job that locked the orders table.\n"
    )
    assert quote is not None and "pg_dump" in quote


def test_a_fraction_word_inside_a_longer_word_is_no_share() -> None:
    text = (
        "# Payments down\n\n## Summary\n\nFrom 09:00 to 11:00 UTC some residents could not"
        " pay, because of a fault in a third-party system used for card payments.\n"
    )
    assert summary(parse(from_text(text)))["affected_share"] is None
    half = text.replace("some residents", "half of our users")
    found = summary(parse(from_text(half)))["affected_share"]
    assert found is not None and found["quote"].startswith("half")


def test_the_impact_is_what_users_were_refused_not_the_cause() -> None:
    text = (
        "# Card declines\n\n## Summary\n\nFrom 22:00 to 23:30 UTC, 4% of card payments routed"
        " to Eastbank were declined with code 91. The declines were generated by our"
        " `auth-gw` service, which timed out on a stale endpoint.\n"
    )
    found = summary(parse(from_text(text)))["impact"]
    assert found is not None and "were declined" in found["quote"]


def test_a_wrong_port_is_the_mechanism_not_a_misleading_path() -> None:
    text = (
        "# API down\n\n## Summary\n\nThe API was down because Gunicorn listened on the wrong"
        " port.\n\n## Timeline (UTC)\n\n- 10:00 - Alert fires.\n"
        "- 10:05 - I assumed the proxy config was broken, so I reloaded nginx. No change.\n"
        "- 10:30 - Set the bind back to port 5000; the API works again.\n"
    )
    found = timeline(parse(from_text(text)))["misleading"]
    assert found is not None and "assumed the proxy" in found["quote"]


def test_the_site_back_with_words_between_is_a_recovery() -> None:
    quote = _resolution(
        "- 08:00 - The checker reports an expired certificate.\n"
        "- 08:30 - I ran `certbot renew --dry-run` and it failed.\n"
        "- 09:00 - Renewed the certificate for `shop.example`; at 09:05 the site loaded with"
        " the padlock again.\n"
    )
    assert quote is not None and quote.startswith("- 09:00")


def _fix(text: str) -> str | None:
    found = resolution(parse(from_text(text)))["detail"]
    return None if found is None else found["quote"]


def test_the_change_that_started_it_is_not_the_fix() -> None:
    quote = _fix(
        "# Storage errors\n\n## Root cause and mitigation\n\nAs part of a planned rollout, a"
        " config update lowered the per-node connection limit from 4,096 to 512. The change"
        " had been validated in a canary region. We rolled back the node release first; the"
        " rollback did not reduce the error rate. The rollout was halted at 12:31 UTC and the"
        " previous connection limit of 4,096 was restored on all balancers.\n"
    )
    assert quote is not None and quote.startswith("The rollout was halted")


def test_a_correct_bundle_deployed_is_the_fix_before_a_runbook_updated() -> None:
    quote = _fix(
        "# Payments delayed\n\n## Remediation\n\n- Deployed the correct certificate bundle"
        " (leaf and intermediate from `chain.pem`) to both gateways.\n"
        "- Updated the rotation runbook to build the bundle with `openssl verify`.\n"
    )
    assert quote is not None and "Deployed the correct" in quote


def test_the_cause_detail_is_how_it_failed_not_why_it_went_unseen() -> None:
    text = (
        "# Payments delayed\n\n## Root cause\n\nThe runbook told the engineer to install"
        " `client.pem`, which now holds only the leaf certificate. The payments gateway does not"
        " fetch missing intermediates, so the gateway presented an incomplete chain to the bank"
        " servers.\n\nThe pre-change test checked that the certificate was unexpired, so the"
        " missing intermediate was not detected.\n"
    )
    found = root_cause(parse(from_text(text)))["detail"]
    assert found is not None and "does not fetch" in found["quote"]


def test_the_fix_in_the_timeline_is_the_last_change_not_a_pointless_one() -> None:
    quote = _fix(
        "# Failed requests\n\n## Timeline\n\n- 4:20pm - the load test reports 943 failed"
        " requests.\n- 4:31pm - raised `max_connections` to 500 in `mysqld.cnf`.\n"
        "- 4:38pm - reran the test, still ~940 failed.\n"
        "- 4:55pm - changed `worker_rlimit_nofile` to 4096 and restarted nginx.\n"
        "- 5:05pm - reran the test: 0 failed.\n"
    )
    assert quote is not None and "worker_rlimit_nofile" in quote


def test_a_share_is_of_users_told_in_its_own_sentence() -> None:
    text = (
        "# Installs failing\n\n## Summary\n\nFrom 13:00 to 15:00 UTC, downloads failed for 310"
        " of the 9,000 packages on the index (about 3%). Any user installing one of them got"
        " an error.\n"
    )
    assert summary(parse(from_text(text)))["affected_share"] is None


def test_in_prose_the_actions_follow_the_detection_on_its_line() -> None:
    text = (
        "# Expired certificate\n\n## Summary\n\nThe site was down.\n\n## Timeline\n\n"
        "I found out at 7:55 when my mentor forwarded me the `curl` email from the checker."
        " At 8:05 I restarted `haproxy` on lb-01, which changed nothing.\n"
    )
    found = timeline(parse(from_text(text)))["actions"]
    assert found is not None and "restarted `haproxy`" in found["quote"]


def test_a_change_tried_on_a_guess_is_not_the_timeline_fix() -> None:
    quote = _fix(
        "# 502s\n\n## Timeline\n\n- 2:31pm - A reviewer messaged me that the site gives 502.\n"
        "- 2:36pm - Assumed I had broken the nginx config. Ran `nginx -t` and reloaded nginx.\n"
        "- 3:25pm - Fixed the path in the `gunicorn.service` unit and restarted gunicorn.\n"
        "- 3:40pm - The reviewer confirmed the page loads.\n\n## Resolution\n\n"
        "```\nsudo systemctl restart gunicorn\n```\n"
    )
    assert quote is not None and "gunicorn.service" in quote


def test_the_cause_detail_skips_a_guess() -> None:
    text = (
        "# Site down\n\n## Root cause\n\nThe disk was full because of some logs, I think. When"
        " Apache loaded `index.php`, PHP could not parse it, so Apache returned 500.\n"
    )
    found = root_cause(parse(from_text(text)))["detail"]
    assert found is not None and found["quote"].startswith("When Apache")


def test_the_resolution_is_quoted_at_the_change_before_the_recovery() -> None:
    quote = _resolution(
        "- 10:00 - Consumers rebalance every 40 s; lag grows.\n"
        "- 10:30 - Rollback completes (`poll_interval` = 300000); lag begins to fall.\n"
        "- 11:40 - Backlog drained; incident marked resolved and status page updated.\n"
    )
    assert quote is not None and "Rollback completes" in quote


def test_saw_no_errors_is_no_detection() -> None:
    quote = _detection(
        "- 14:02 - I restarted gunicorn, saw no errors and went for lunch.\n"
        "- 14:10 - The uptime monitor e-mailed that the site is down.\n"
    )
    assert quote is not None and quote.startswith("- 14:10")


def _impact(summary_text: str) -> str | None:
    found = summary(parse(from_text("# Outage\n\n## Summary\n\n" + summary_text)))["impact"]
    return None if found is None else found["quote"]


def test_what_kept_working_is_not_the_impact() -> None:
    quote = _impact(
        "From 09:00 to 09:40 UTC, Webmail was reachable from the office, and calendar sync kept"
        " working for most people while mobile clients timed out. Mobile users of Webmail could"
        " not load their inbox.\n"
    )
    assert quote is not None and quote.startswith("Mobile users")


def test_what_should_have_happened_is_not_the_impact() -> None:
    quote = _impact(
        "At 02:10 UTC a fibre was cut. The ring should have switched traffic to the backup path,"
        " but the backup amplifier had failed. As a result 90 customer lines of FibreCo saw a"
        " complete loss of service until 03:20 UTC.\n"
    )
    assert quote is not None and quote.startswith("As a result")
