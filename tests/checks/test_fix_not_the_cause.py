"""The fix's pass quotes the change made to end the incident, not the cause told before it:
a change told in the past perfect is the story before the incident ("the variable I had
deleted", "the service, which had been upgraded the weekend before"), a command quoted as
what a thing held or ran is no change made ("the crontab had `certbot renew --quiet`"), a
change denied is none ("nothing was renewed"); a thing put back is a change made ("added
`REDIS_URL=…` back to the .env file") (examples written for these tests)."""

from __future__ import annotations

import pytest

from pmreview.checks.fixes import resolution
from pmreview.parse import parse
from pmreview.source import from_text


def _fix(body: str, title: str = "Root cause and resolution") -> str | None:
    text = f"# Notes API outage\n\n## Summary\n\nThe notes API failed.\n\n## {title}\n\n{body}\n"
    found = resolution(parse(from_text(text)))["detail"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    "cause",
    [
        "It all came down to one setting, REDIS_URL, that I had removed from the .env file.",
        "The login service, which had been upgraded to 4.2 the weekend before, looked guilty.",
        "The A record still pointed to the droplet we'd deleted after the move.",
        "Nobody noticed that Kojo had changed `max_connections` in postgresql.conf on Friday.",
    ],
)
def test_a_change_in_the_past_perfect_is_the_cause(cause: str) -> None:
    quote = _fix(
        f"{cause}\n\nI put `REDIS_URL=redis://cache:6379` back in /srv/notes/.env and"
        " restarted the api container."
    )
    assert quote is not None and quote.startswith("I put")


@pytest.mark.parametrize(
    "held",
    [
        "The crontab of the deploy user had `0 4 * * * certbot renew --quiet`.",
        "The upload route called `sharp(buf).resize(800)` on the whole file.",
        "Our unit file still said `ExecStartPre=/usr/bin/apt upgrade -y`.",
    ],
)
def test_a_command_quoted_as_what_a_thing_held_is_no_change(held: str) -> None:
    quote = _fix(f"{held}\n\nWe moved the job to root's crontab and reloaded nginx on lb-01.")
    assert quote is not None and quote.startswith("We moved")


def test_a_change_denied_is_none() -> None:
    quote = _fix(
        "Without root, certbot could not write to /etc/letsencrypt, so nothing was renewed.\n\n"
        "I moved the job to root's crontab with a `--deploy-hook` that reloads HAProxy."
    )
    assert quote is not None and quote.startswith("I moved")


@pytest.mark.parametrize(
    "fix",
    [
        "I ran `systemctl restart nginx` on web-01 after fixing the upstream port.",
        "By 10:40 we had rolled back `notes-api` to 2.3.1 on both nodes.",
        "Mercy deleted the AAAA record for api.notes.dev in the DNS panel.",
        "The incident was resolved by rolling back to `notes-api:2.3.1`.",
    ],
)
def test_a_fix_stays(fix: str) -> None:
    quote = _fix(f"The cause was a stale AAAA record for api.notes.dev.\n\n{fix}")
    assert quote is not None and quote == fix


def test_a_thing_put_back_is_the_fix_told_in_a_story() -> None:
    text = (
        "# Notes outage\n\nOn Friday the notes API returned 502 for everyone. It all came down"
        " to one variable, REDIS_URL, that I had deleted from the .env file.\n\n## Friday night\n\n"
        "I cleaned up the .env file and went to dinner. When I came back nothing worked. I"
        " added `REDIS_URL=redis://cache:6379` back to /srv/notes/.env and restarted the api"
        " container.\n"
    )
    found = resolution(parse(from_text(text)))["detail"]
    assert found is not None and found["quote"].startswith("I added")
