"""resolution.detail read where authors tell the fix: a section that says only "a fix was
deployed" with the change in the timeline, timeline entries that open with the responders'
change (past or present tense), and a story whose first change did not help (examples
written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.fixes import resolution

TIMELINE = "# Upload outage\n\n## Timeline\n\n{}\n\n## Resolution\n\nA fix was deployed.\n"


@pytest.mark.parametrize(
    ("entries", "quoted"),
    [
        # the section tells no change; the timeline's entry does
        ("- 10:05 UTC - `upload.max_workers` capped to 4 via the runtime config", "capped"),
        ("- 10:05 UTC - Turned off debug logging on all 6 upload servers", "Turned off"),
        ("- 10:05 UTC - I restart `uploader` with `MAX_BODY=10m` in its env file", "restart"),
        ("- 10:05 UTC - Queue consumer paused globally with `uploadctl pause --all`", "paused"),
        # the last change is the fix; the first was the trigger
        (
            "- 09:00 UTC - `nginx.conf` set `client_max_body_size` to 1k by mistake\n"
            "- 10:05 UTC - Rolled back `nginx.conf` to the previous release on web-1",
            "Rolled back",
        ),
    ],
)
def test_a_fix_told_in_the_timeline(entries: str, quoted: str) -> None:
    found = resolution(doc_of(TIMELINE.format(entries)))["detail"]
    assert found is not None and quoted in found["quote"]


@pytest.mark.parametrize(
    "entries",
    [
        "- 10:05 UTC - Restarted `uploader` on web-1. No improvement.",
        "- 10:05 UTC - Upload errors at 40%, the team looks at the logs",
        # the same vague change in the timeline as the section's "settings were adjusted"
        "- 10:05 UTC - Cleared temp files on web-1 and the upload settings were adjusted",
        # the change that started it, before anyone noticed, is no fix
        "- 09:00 UTC - `uploader` restarted by the nightly job with `MAX_BODY=1k`\n"
        "- 09:20 UTC - the 5xx alert fires and pages the on-call\n"
        "- 10:05 UTC - uploads work again after things were looked at",
    ],
)
def test_no_fix_in_the_timeline(entries: str) -> None:
    assert resolution(doc_of(TIMELINE.format(entries)))["detail"] is None


def test_a_change_that_did_not_help_is_not_the_fix() -> None:
    text = (
        "# Site down\n\nThe site went down at noon. I restarted `nginx` on web-1 first."
        " It did not fix anything. Then I deleted the stale sessions with"
        " `find /var/lib/php/sessions -mmin +1440 -delete` and the site came back.\n"
    )
    found = resolution(doc_of(text))["detail"]
    assert found is not None and "find /var/lib" in found["quote"]


REMEDIATION = (
    "# Checkout outage\n\n## Summary\n\nCheckout failed for all users between 10:05 and "
    "10:50 UTC because the TLS certificate of db-proxy-1 had expired.\n\n## {}\n\n{}\n"
)


def test_the_fix_in_a_section_that_also_holds_the_measures_is_what_was_done() -> None:
    body = (
        "- Move every proxy certificate to cert-manager with automatic renewal.\n"
        "- Replaced the expired certificate on db-proxy-1 and reloaded `haproxy`.\n"
        "- Add an alert 14 days before any certificate expires.\n"
    )
    doc = doc_of(REMEDIATION.format("Remediation and prevention", body))
    assert any(s.has("measures") and s.has("resolution") for s in doc.sections)
    found = resolution(doc)["detail"]
    assert found is not None and "Replaced the expired certificate" in found["quote"]


@pytest.mark.parametrize("title", ["Remediation", "Mitigation and prevention"])
def test_a_remediation_that_lists_only_work_to_do_is_the_measures(title: str) -> None:
    body = (
        "- Move every proxy certificate to cert-manager with automatic renewal.\n"
        "- We will add an alert 14 days before any certificate expires.\n"
    )
    doc = doc_of(REMEDIATION.format(title, body))
    kinds = [s.kinds for s in doc.sections if s.title == title]
    assert kinds and "measures" in kinds[0] and "resolution" not in kinds[0]
    assert resolution(doc)["detail"] is None  # a plan is no fix


def test_a_remediation_that_tells_the_steps_taken_stays_the_resolution() -> None:
    body = (
        "- Replaced the expired certificate on db-proxy-1.\n"
        "- Reloaded `haproxy` on db-proxy-1 and checked the handshake with `openssl s_client`.\n"
    )
    doc = doc_of(REMEDIATION.format("Remediation", body))
    kinds = [s.kinds for s in doc.sections if s.title == "Remediation"]
    assert kinds == [frozenset({"resolution"})]


def _detail(text: str) -> str | None:
    found = resolution(doc_of(text))["detail"]
    return found["quote"] if found else None


def test_a_sentence_that_says_it_is_the_fix_outranks_a_change_told_in_the_cause() -> None:
    text = (
        "# Upload errors\n\n## Summary\n\nUploads failed for an hour.\n\n## Root cause\n\n"
        "A limit change was applied through the `upload.max_parts` key, which a parser bug "
        "read as zero.\n\n## Follow-up\n\nWe mitigated the issue by rolling back the "
        "`upload.max_parts` change on the gateway. We will add a parser test.\n"
    )
    found = _detail(text)
    assert found is not None and found.startswith("We mitigated the issue by rolling back")


def test_a_change_told_as_a_noun_carried_out_is_a_fix_entry() -> None:
    text = (
        "# Corrupt downloads\n\n## Summary\n\nDownloads were corrupt for two hours.\n\n"
        "## Timeline\n\n- 05:00 UTC: first report of corrupt archives\n"
        "- 06:40 UTC: full cache purge issued for `dl.example.org`\n"
    )
    assert _detail(text) == "- 06:40 UTC: full cache purge issued for `dl.example.org`"


def test_a_rollback_of_a_long_named_thing_back_to_a_version_is_a_fix() -> None:
    text = (
        "# DNS outage\n\n## Summary\n\nLookups failed for two hours.\n\n## Resolution\n\n"
        "We rolled the resolver package on all eight name servers back to version 2.4.1. "
        "Once that finished, lookups recovered.\n"
    )
    found = _detail(text)
    assert found is not None and found.startswith("We rolled the resolver package")


def test_a_reload_of_a_named_service_given_as_commands_is_the_fix() -> None:
    text = (
        "# Proxy outage\n\n## Summary\n\nThe proxy returned 504 for an hour.\n\n"
        "## How it was fixed\n\n1. Put `proxy_read_timeout 60s;` back in the api location.\n"
        "2. `sudo nginx -t && sudo systemctl reload nginx`.\n"
    )
    found = _detail(text)
    assert found is not None and "reload nginx" in found


def test_reloading_the_page_is_no_fix() -> None:
    text = (
        "# Proxy outage\n\n## Summary\n\nThe proxy returned 504 for an hour.\n\n"
        "## Resolution\n\nWe reloaded the page on the dashboard and it worked.\n"
    )
    assert _detail(text) is None


@pytest.mark.parametrize(
    ("entries", "quoted"),
    [
        # a decision is not the change; the change deployed after it is
        (
            "- 09:50 UTC - The incident lead decides to revert the `uploader` 3.2 release\n"
            "- 10:05 UTC - Rollback of `uploader` to 3.1.4 started on all hosts",
            "Rollback of",
        ),
        # what follows "incident mitigated" is a clean-up, not the fix
        (
            "- 10:05 UTC - Rolled back `uploader` to 3.1.4 on web-1 and web-2\n"
            "- 10:20 UTC - uploads succeed again. Incident mitigated.\n"
            "- 15:30 UTC - `uploader` 3.2 redeployed, since it was not at fault",
            "Rolled back",
        ),
        # a guess, and what was done on it, is not the fix
        (
            "- 09:40 UTC - Assumed the proxy was broken; restarted `haproxy` on lb-1\n"
            "- 10:05 UTC - Raised `client_max_body_size` to 10m in `nginx.conf` on web-1",
            "Raised",
        ),
    ],
)
def test_the_fix_is_the_change_applied_not_a_decision_a_guess_or_a_clean_up(
    entries: str, quoted: str
) -> None:
    found = resolution(doc_of(TIMELINE.format(entries)))["detail"]
    assert found is not None and found["quote"].startswith(f"- 10:05 UTC - {quoted}")
