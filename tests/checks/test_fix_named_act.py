"""resolution.detail by family (examples written for these tests).

1. A change told with a verb other than the restarts and rollbacks ("reset", "fixed",
   "backported", "configured", "started", "cordoned", "updated", "applied"), done to a thing the
   sentence names (a code span, a file, a setting, a version, a technology, an asset): the fix
   names the thing changed and what was done to it. Near misses that fail: the same verbs with
   no thing named ("implemented load balancing across the database servers", "updated the
   configuration"), or with only the trouble as their object.
2. A correction whose object is the trouble itself, a misconfiguration ("corrected the
   misconfiguration within Apache", "identified and corrected load balancer misconfiguration"),
   names no setting, as "fixed the issue" does not; a correction of a named setting does."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.fixes import resolution


def _fix(text: str, section: str = "Resolution") -> str | None:
    found = resolution(doc_of(f"# Outage\n\n## {section}\n\n{text}\n"))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        "The issue was resolved by resetting `replication_factor` to 3 on the primary.",
        "We fixed the typo in /var/www/html/wp-settings.php and the site came back.",
        "The patch was backported to the release branch and shipped as v1.4.7.",
        "Configured ufw to allow port 80 on the web host.",
        "I started the web server again with `service apache2 start`.",
        "We cordoned the two bad nodes, `pool-a-wlmp` and `pool-a-ql6n`, so the pods moved.",
        "Updated `max_connections` in postgresql.conf from 100 to 400.",
        "Applied the 2.8.1 hotfix to every broker.",
    ],
)
def test_a_named_thing_changed_passes(text: str) -> None:
    assert _fix(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "We implemented load balancing across the database servers.",
        "The team updated the configuration and everything worked again.",
        "We meticulously corrected the misconfiguration within Apache, banishing the errors.",
        "Identified and corrected load balancer misconfiguration.",
        "The engineers fixed the issue in the application.",
        "We applied a fix and the service came back.",
    ],
)
def test_no_thing_named_fails(text: str) -> None:
    assert _fix(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The issue was resolved by re-indexing the records and updating the Kafka configuration.",
        "We fixed the settings on the cache cluster.",
        "Updated the nginx config and things settled down.",
        "Corrected the PHP code and redeploy was not needed.",
    ],
)
def test_a_thing_named_by_its_kind_fails(text: str) -> None:
    assert _fix(text) is None


def test_a_kind_with_its_file_passes() -> None:
    assert _fix("We updated `/etc/redis/redis.conf` to cap memory at 2 GB.")


@pytest.mark.parametrize(
    "text",
    [
        "The `nginx` configuration was updated.",
        "The bug in the PHP service was fixed.",
        "Once the issue was fixed, nginx recovered.",
    ],
)
def test_a_passive_change_of_a_kind_fails(text: str) -> None:
    assert _fix(text) is None


def test_a_passive_change_of_a_named_thing_passes() -> None:
    assert _fix("The typo in `wp-settings.php` was fixed and Apache reloaded its workers.")


def test_a_correction_told_with_how_shows_it() -> None:
    text = "The misconfiguration was corrected by rewriting the `ssl.conf` vhost with a Puppet run."
    assert _fix(text) == text


def test_a_value_named_beside_a_vague_fix_elsewhere_passes() -> None:
    text = (
        "* Configured haproxy to listen on port 8443 by fixing the bind line.\n"
        "* With the adjusted settings in place, traffic came back."
    )
    assert _fix(text) == "* Configured haproxy to listen on port 8443 by fixing the bind line."


@pytest.mark.parametrize(
    "text",
    [
        "The bug was fixed in [PR #412](https://example.org/pull/412) and released as v2.4.1.",
        "We backported the retry change to the [3.1.x branch](https://example.org/tree/3.1.x).",
    ],
)
def test_a_thing_named_by_a_proper_name_passes(text: str) -> None:
    assert _fix(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The bug was fixed and the [status page](https://example.org/status) updated.",
        "The GitLab outage was resolved.",
    ],
)
def test_a_proper_name_with_no_change_fails(text: str) -> None:
    assert _fix(text) is None
