"""resolution.detail by family (examples written for these tests): a named thing corrected is a
change made, as "changed" or "edited" is ("The firewall rule was corrected to allow ports 80
and 443", "we corrected the A record of api.shop.test", "Corrected the typo in
`wp-config.php`"), and so is a named defect fixed in a named place ("fixed the misspelled
extension in `/etc/php/app.ini`"). Near misses: "corrected" or "fixed" with nothing named ("the
issue was corrected", "we fixed the bug", "corrected the settings", "configuration corrected"),
"correct" as an adjective ("the rule was correct all along")."""

from __future__ import annotations

import pytest

from pmreview.checks.fixes import resolution
from pmreview.parse import parse
from pmreview.source import from_text


def _fix(body: str) -> str | None:
    text = f"# Web outage\n\n## Summary\n\nThe site went down.\n\n## Resolution\n\n{body}\n"
    found = resolution(parse(from_text(text)))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "fix",
    [
        "The firewall rule was corrected to allow traffic on ports 80 and 443.",
        "We corrected the A record of api.shop.test to point at the new load balancer.",
        "Corrected the typo in `wp-config.php` and reloaded php-fpm.",
        "The billing job's rounding logic was corrected to use `Decimal` instead of floats.",
        "Resolution: the `upstream` block in nginx.conf was corrected to use port 8080.",
        "Correcting the path in /etc/nginx/sites-enabled/default brought the site back.",
        "We fixed the misspelled extension in `/etc/php/app.ini` and restarted Apache.",
        "The team fixed the typo in `settings.php` and redeployed it.",
        "Corrected the nginx configuration to listen on port 80 again.",
    ],
)
def test_a_named_thing_corrected_is_the_fix(fix: str) -> None:
    assert _fix(fix) is not None


@pytest.mark.parametrize(
    "vague",
    [
        "The issue was corrected.",
        "The problem was corrected and service was restored.",
        "We corrected it quickly and everything was fine.",
        "We fixed the bug and the site came back.",
        "The error was corrected by the team.",
        "We corrected the settings and the site came back.",
        "Corrected code deployed, restoring the site.",
        "The configuration was corrected and the site came back.",
        "Configuration corrected, and the site is up again.",
        "The firewall rule was correct all along; the site came back on its own.",
        "We corrected the issue and the site is back.",
        "Our mistake was corrected within the hour.",
        "It was fixed.",
    ],
)
def test_nothing_named_corrected_is_no_fix(vague: str) -> None:
    assert _fix(vague) is None
