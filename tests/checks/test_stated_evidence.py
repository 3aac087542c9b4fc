"""A pass quotes the sentence that states its element, not one that only shares a keyword
with it: the cause told as the cause, the impact as what people met, the responders' acts
after the detection, the fix made (not a promise, a change nobody made or one that changed
nothing), and the change that ended the impact (not the aftermath). Examples written for these
tests."""

from __future__ import annotations

from pmreview.pipeline import Options, review_text


def _passes(text: str) -> dict[str, str]:
    checks = review_text(text, Options(offline=True)).checks
    return {cid: c.evidence for cid, c in checks.items() if c.status == "pass"}


def _doc(summary: str, timeline: str = "", cause: str = "", fix: str = "") -> str:
    parts = ["# Postmortem: quiz site outage\n", "## Summary\n", summary]
    if timeline:
        parts += ["## Timeline (all times UTC)\n", timeline]
    if cause:
        parts += ["## Root cause\n", cause]
    if fix:
        parts += ["## Resolution\n", fix]
    parts += ["## Action items\n", "- Add a disk alert on db-1.\n- Rotate the quiz logs daily.\n"]
    return "\n".join(parts)


def test_the_cause_told_as_the_cause_outranks_a_because_about_a_decision() -> None:
    summary = (
        "On 4 April from 10:00 to 10:40 UTC the Quizly API returned 500 errors to all users."
        " Because the exported grades could also be read in this state, we treat them as"
        " leaked. The root cause was a cron job that filled `/var/lib/mysql` with binlogs.\n"
    )
    assert _passes(_doc(summary))["summary.root_cause"].startswith("The root cause was a cron")


def test_the_trigger_outranks_a_because_in_the_impact() -> None:
    summary = (
        "From 09:00 to 09:50 UTC every learner's quiz submission on Quizly was delayed, and"
        " because the scores lagged, 40 certificates were issued late. The trigger was a"
        " change to `worker_concurrency` that set it to 1 on the grading queue.\n"
    )
    assert _passes(_doc(summary))["summary.root_cause"].startswith("The trigger was")


def test_a_hedge_inside_a_quoted_warning_does_not_hide_the_impact() -> None:
    summary = (
        "From 07:00 to 09:10 UTC every visitor of `quiz.example.dev` got the browser warning"
        ' "This connection might not be private" and could not log in. Certbot had been failing for'
        " a week because port 80 was closed on the `edge-2` proxy.\n"
    )
    assert _passes(_doc(summary))["summary.impact"].startswith("From 07:00")


def test_what_people_met_outranks_a_mechanism_that_names_a_part() -> None:
    summary = (
        "On 2 May from 18:00 to 18:45 UTC, students of Quizly could not open their exams and"
        " saw error Q-17. A cache change made every exam request miss, and the origin servers"
        " saturated and returned 503 errors.\n"
    )
    assert _passes(_doc(summary))["summary.impact"].startswith("On 2 May")


def test_someone_learning_of_the_outage_is_not_the_action() -> None:
    timeline = (
        "- 06:10 – The uptime monitor e-mails the team that the site is down.\n"
        "- 07:30 – Ada sees the monitor e-mail and confirms the site is down from her phone.\n"
        "- 07:45 – Ada checks `systemctl status mysql` on db-1: the service has failed.\n"
        "- 07:55 – Ada deletes old dumps in /var/backups and starts MySQL; the site is back.\n"
    )
    found = _passes(
        _doc("The quiz site was down for all users from 06:05 to 07:55 UTC.\n", timeline)
    )
    assert "systemctl status mysql" in found["timeline.actions"]


def test_the_fix_opened_by_we_fixed_it_by_outranks_the_change_that_caused_it() -> None:
    cause = (
        "The API read its cache host from `CACHE_HOST` in `.env`. PR #12 renamed the cache"
        " service to `kv` and nobody updated the file. We fixed it by setting `CACHE_HOST=kv`"
        " in `.env` and recreating the api container.\n"
    )
    text = _doc("The Quizly API returned 502 to all users from 10:00 to 10:30 UTC.\n").replace(
        "## Action items", "## Root cause and resolution\n\n" + cause + "\n## Action items"
    )
    assert _passes(text)["resolution.detail"].startswith("We fixed it by setting")


def test_a_promise_is_not_the_fix() -> None:
    fix = (
        "On 3 May we moved the quiz e-mails back to the old provider. We will not switch"
        " providers again until we have tested the new one on every mail domain.\n"
    )
    found = _passes(
        _doc("Quiz codes did not arrive for all users from 09:00 to 11:00 UTC.\n", fix=fix)
    )
    assert found["resolution.detail"].startswith("On 3 May we moved")


def _story(text: str) -> str:
    return (
        "# What happened to our quiz database\n\n## The story\n\n"
        + text
        + ("\n## Lessons\n\n- Make the replica read-only.\n- Alert on replication lag.\n")
    )


def test_a_change_nobody_made_is_not_the_fix() -> None:
    text = _story(
        "On 3 March from 10:00 to 14:00 UTC the replica on db-2 stopped replicating. A seed"
        " script wrote rows into the replica. Nobody had set the replica `read_only`, so"
        " MySQL accepted them. The replica was restored from a fresh dump, and `read_only`"
        " was set in `/etc/mysql/my.cnf` on db-2.\n"
    )
    assert "Nobody" not in _passes(text).get("resolution.detail", "")


def test_a_change_that_made_no_difference_is_not_the_fix() -> None:
    text = _story(
        "On 3 March from 10:00 to 11:30 UTC logins to the quiz app failed. The `quiz-api`"
        " release was rolled back to 2.4.1 first. When that made no difference we read the"
        " auth logs. The expired `auth.pem` certificate"
        " was replaced on both auth servers at 11:20.\n"
    )
    assert "rolled back" not in _passes(text).get("resolution.detail", "")


def test_what_was_done_after_the_service_came_back_is_not_the_resolution() -> None:
    timeline = (
        "- 13:00 – Card payments start failing on pay-api.\n"
        "- 13:20 – The key on hsm-a was patched; pay-api pointed back to hsm-a.\n"
        "- 13:25 – Decline rate back to normal. Service restored.\n"
        "- 14:00 – Customer e-mails sent; the app banner removed.\n"
        "- 15:00 – Incident closed.\n"
    )
    found = _passes(_doc("Card payments failed for all users from 13:00 to 13:25 UTC.\n", timeline))
    assert "hsm-a was patched" in found["timeline.resolution"]


def test_a_part_that_came_up_is_the_outcome_not_the_change() -> None:
    timeline = (
        "- 03:00 – The quiz site returns 500: the disk of db-1 is full.\n"
        "- 03:15 – Kemi deleted the dumps older than 7 days in /var/backups.\n"
        "- 03:22 – MySQL started successfully, crash recovery runs.\n"
        "- 03:40 – Crash recovery finished; the site returns 200 again.\n"
    )
    found = _passes(
        _doc("The quiz site was down for all users from 03:00 to 03:40 UTC.\n", timeline)
    )
    assert "deleted the dumps" in found["timeline.resolution"]


def test_the_opening_text_shows_the_summary_not_the_cause_section_after_it() -> None:
    text = (
        "# Sorry: our bake-sale shop went down\n\n*Posted by Ines Duarte, treasurer of the Hill"
        " Street School Parents' Association*\n\nDear parents,\n\nOn Friday evening our online"
        " bake-sale shop stopped taking orders for three hours.\n\n## Why did it break?\n\n"
        "Our shop runs on a small hosting plan that allows only ten visitors at once, and the"
        " outage came when the school newsletter went out.\n"
    )
    found = review_text(text, Options(offline=True)).checks["summary.present"]
    assert found.status == "pass" and found.evidence.startswith("On Friday evening")


def test_the_document_title_does_not_show_a_section_another_title_names() -> None:
    text = (
        _doc("The `todo-api` returned 503 to all users from 09:00 to 10:00 UTC.\n")
        .replace("# Postmortem: quiz site outage", "# Incident report: `todo-api` pods crashing")
        .replace("## Action items", "## What we'll do differently")
    )
    assert _passes(text)["measures.present"] == "What we'll do differently"


def test_what_will_be_done_outranks_an_excuse_in_prose_measures() -> None:
    text = _doc("The club website was down for all users from 19:00 to 22:00 UTC.\n").replace(
        "## Action items\n\n- Add a disk alert on db-1.\n- Rotate the quiz logs daily.\n",
        "## What we're changing\n\nWe are a tiny club run by volunteers and never expected"
        " this much traffic. We will keep the larger hosting plan until the season ends.\n",
    )
    assert _passes(text)["measures.improvements"].startswith("We will keep")


def test_a_hand_over_that_did_not_happen_is_not_the_escalation() -> None:
    timeline = (
        "- 13:40 – Card payments to the bank start failing.\n"
        "- 13:49 – The payment success alert pages the Payments on-call engineer.\n"
        "- 14:30 – The certificate on gw-1 was renewed; payments recover.\n"
    )
    cause = (
        "Our router treats a handshake failure as final, so payments that could have been"
        " sent to the Backup Bank team failed instead.\n"
    )
    found = _passes(
        _doc("Card payments failed for all users from 13:40 to 14:30 UTC.\n", timeline, cause)
    )
    assert "pages the Payments on-call" in found["timeline.escalation"]


def test_a_failure_nobody_noticed_is_not_the_detection() -> None:
    timeline = (
        "- 8pm shop gets slow, didnt notice\n"
        "- 8:20pm a customer e-mails us that checkout is broken\n"
        "- 8:40pm restarted php-fpm on web-1, shop back\n"
    )
    found = _passes(_doc("The shop was down for all users from 8pm to 8:40pm UTC.\n", timeline))
    assert "e-mails us" in found["timeline.detection"]


def test_calls_coming_in_are_the_detection_before_a_diagnosis() -> None:
    timeline = (
        "- 09:00 – The help desk starts getting calls from parents who receive no codes.\n"
        "- 11:00 – The provider's delivery reports show most messages were rejected.\n"
        "- 14:00 – Texts moved back to the old provider; codes arrive again.\n"
    )
    found = _passes(_doc("Sign-in codes failed for all users from 09:00 to 14:00 UTC.\n", timeline))
    assert "getting calls from parents" in found["timeline.detection"]


def test_a_fix_entry_after_a_check_that_looked_normal_is_the_resolution() -> None:
    timeline = (
        "- 10:00 – Product pages show no listings.\n"
        "- 10:45 – Database logs reviewed, normal operation confirmed.\n"
        "- 11:00 – The faulty change in `listing.py` is identified.\n"
        "- 11:30 – A hotfix to `listing.py` was deployed, restoring the listings.\n"
    )
    found = _passes(
        _doc("Listings were missing for all users from 10:00 to 11:30 UTC.\n", timeline)
    )
    assert "hotfix" in found["timeline.resolution"]


def test_an_alert_received_and_acted_on_is_an_action() -> None:
    timeline = (
        "- 02:15 – The login error alert fires in PagerDuty.\n"
        "- 02:20 – The on-call engineer received the alert and began investigating the api logs.\n"
        "- 02:45 – We suspected the auth provider.\n"
        "- 03:10 – Restarted `api-gw` on node-2; logins work again.\n"
    )
    found = _passes(_doc("Logins failed for all users from 02:15 to 03:10 UTC.\n", timeline))
    assert "began investigating the api logs" in found["timeline.actions"]


def test_a_cause_that_points_back_is_not_the_cause_stated() -> None:
    summary = (
        "At 01:38 UTC the quiz.example.dev site went down because the disk of web-1 was full."
        " Grading jobs were failing since 00:55 UTC due to the same reason.\n"
    )
    assert _passes(_doc(summary))["summary.root_cause"].startswith("At 01:38")
