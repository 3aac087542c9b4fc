"""root_cause.detail quotes what happened: not the plan that was meant to run, not what would
have been, not what kept working (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.causes import root_cause


def _quote(section: str) -> str:
    found = root_cause(doc_of(f"# Login outage\n\n## Root cause\n\n{section}\n"))["detail"]
    assert found is not None
    return str(found["quote"])


@pytest.mark.parametrize(
    ("section", "quoted"),
    [
        (
            "The plan was a background job, `acct-migrator`, that would move every account"
            " over a week. The job shipped disabled in `prod.yaml`, so each login ran the"
            " migration itself and the `accounts` table locks timed out.",
            "The job shipped disabled",
        ),
        (
            "With a healthy `pgbouncer`, the pool would only have needed 200 connections."
            " The `pgbouncer` pool size was cut to 20 in `pgbouncer.ini`, so logins queued"
            " and timed out.",
            "pool size was cut to 20",
        ),
        (
            "The `/health` page kept working because `nginx` serves it itself. The"
            " `proxy_pass` in `/etc/nginx/sites-enabled/app` pointed at port 5001, so every"
            " other request failed with 502.",
            "`proxy_pass`",
        ),
    ],
)
def test_the_quote_is_what_happened(section: str, quoted: str) -> None:
    assert quoted in _quote(section)
