"""resolution.detail, the fix told as the commands run (examples written for these tests): a
fenced block of shell commands in the resolution section that change something ("sudo ufw
allow 80/tcp", "kubectl rollout undo", "sed -i … /etc/nginx/nginx.conf", output redirected into
a file) names the thing changed and the change. Near misses that still fail: a quoted log or a
config in the fence, commands that only look ("systemctl status", "nginx -t", "curl -I"), and
a change shown in the root-cause section (that is how it broke)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.fixes import resolution


def _fix(text: str, before: str = "") -> str | None:
    found = resolution(doc_of(f"# Outage\n\n{before}## Resolution\n\n{text}\n"))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("On web-01:\n\n```\nsudo ufw allow 80/tcp\n```", "sudo ufw allow 80/tcp"),
        ("```bash\n$ kubectl rollout undo deployment/api -n shop\n```", "kubectl rollout undo"),
        (
            "What I ran:\n\n```sh\nsed -i 's/768/4096/' /etc/nginx/nginx.conf\n"
            "sudo systemctl reload nginx\n```\n\nThe site came back.",
            "sed -i",
        ),
        (
            "On both nodes:\n\n~~~\nkeytool -importcert -alias ca2 -file ca2.crt -keystore"
            " trust.jks\nsystemctl restart jetty\n~~~",
            "keytool -importcert",
        ),
        (
            "```\nnginx -t\ncat fullchain.pem privkey.pem > /etc/haproxy/certs/site.pem\n```",
            "> /etc/haproxy/certs/site.pem",
        ),
    ],
)
def test_a_fix_told_as_the_commands_run(text: str, quote: str) -> None:
    got = _fix(text)
    assert got is not None and quote in got


@pytest.mark.parametrize(
    "text",
    [
        "It was fixed.\n\n```\n2024-05-01 10:02:11 ERROR connect() failed (111: refused)\n```",
        "It was fixed.\n\n```nginx\nworker_connections 768;\nkeepalive_timeout 65;\n```",
        "It was fixed.\n\n```\nsystemctl status nginx\nnginx -t\ncurl -I http://localhost\n```",
    ],
)
def test_a_fence_that_changes_nothing_is_no_fix(text: str) -> None:
    assert _fix(text) is None


def test_a_command_shown_in_the_cause_is_no_fix() -> None:
    cause = "## Root cause\n\nI hardened the box with:\n\n```\nsudo ufw enable\n```\n\n"
    assert _fix("It was fixed.", before=cause) is None


@pytest.mark.parametrize(
    "entry",
    [
        "we pinned the image to `postgres:15.7` in docker-compose.yml.",
        "Pinned `redis` to 7.2.4 in the compose file.",
        "I pin the `node` image at 20.11 in the Dockerfile.",
    ],
)
def test_a_version_pinned_in_the_timeline_is_the_fix(entry: str) -> None:
    body = f"- 00:10 UTC - db down.\n- 00:45 UTC - {entry}\n"
    found = resolution(doc_of(f"# Outage\n\n## Timeline\n\n{body}"))["detail"]
    assert found is not None and "pin" in str(found["quote"]).lower()


def test_a_pin_that_is_no_version_change_is_no_fix() -> None:
    body = "- 00:10 UTC - db down.\n- 00:45 UTC - pinned the incident channel topic.\n"
    assert resolution(doc_of(f"# Outage\n\n## Timeline\n\n{body}"))["detail"] is None
