"""resolution.detail by family (examples written for these tests): a change to a thing named
only by its kind ("updated the config and restarted everything", "fixed it in the hosting
panel") names nothing; a change made on a guess ("i thought X so i restarted it") is an
attempt; chat-like lower-case writing is read sentence by sentence, so the fix is quoted in
its own sentence. A change with the file, setting or value named still passes."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.fixes import resolution
from pmreview.models import Block
from pmreview.text.sentences import sentences


def _fix(text: str) -> str | None:
    found = resolution(doc_of(f"# Outage\n\n## Resolution\n\n{text}\n"))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        "I updated the config and restarted everything and it worked again.",
        "I fixed it in the hosting panel and after a while it was working again.",
        "We changed the settings on the server and the site came back.",
        "i thought php was down so i restarted it a few times, still 502.",
    ],
)
def test_a_fix_that_names_nothing_fails(text: str) -> None:
    assert _fix(text) is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "I updated the config: `fastcgi_pass` now points at `php8.2-fpm.sock` in"
            " /etc/nginx/sites-enabled/app, and restarted nginx.",
            "I updated the config",
        ),
        (
            "i thought it was the firewall so i checked ufw. it was fine. then i set `listen 80`"
            " in /etc/nginx/sites-enabled/default and reloaded nginx.",
            "then i set `listen 80`",
        ),
    ],
)
def test_a_named_change_still_passes(text: str, quote: str) -> None:
    found = _fix(text)
    assert found is not None and found.startswith(quote)


def test_lower_case_writing_is_split_into_its_sentences() -> None:
    text = "the site was down lol. later i tried again and it failed. then i gave up."
    block = Block("paragraph", 1, 1, text)
    assert [text[s:e].strip() for s, e in sentences(block)] == [
        "the site was down lol.",
        "later i tried again and it failed.",
        "then i gave up.",
    ]


def test_one_lower_case_stop_after_an_abbreviation_does_not_split() -> None:
    text = "We restarted nginx, php-fpm etc. and the site came back at 10:05 UTC."
    assert len(sentences(Block("paragraph", 1, 1, text))) == 1
