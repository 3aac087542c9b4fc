"""A root cause told only as a judgement ("was not distributing traffic correctly", "an
inefficient query", "not adequately provisioned", "a surge in traffic", "a misconfiguration in
the Nginx settings") on parts named by their kind or product is not detailed, nor is a sentence
"This change caused…" that carries such a cause forward, nor the fix told inside a combined
section; a cause that says what went wrong (a file, a value, a setting by name, what the part
did instead) still is (examples written for these tests)."""

from __future__ import annotations

import pytest

from pmreview.checks.causes import root_cause
from pmreview.parse import parse
from pmreview.source import from_text


def _detail(cause: str) -> object:
    text = (
        "# Outage\n\n## Summary\n\nThe shop was down for an hour.\n\n## Root cause and resolution"
        f"\n\n{cause}\n\n## Lessons\n\n- Add a test.\n"
    )
    return root_cause(parse(from_text(text)))["detail"]


@pytest.mark.parametrize(
    "cause",
    [
        "The gateway was not routing requests properly, which resulted in failed checkouts"
        " for the customers of the shop.",
        "A poorly written report query ran every minute, causing the database to lock and"
        " stop answering the web servers.",
        "Our servers were not sufficiently sized to handle the holiday spike in traffic,"
        " leading to an overload of the application.",
        "The outage came from a misconfiguration in the HAProxy server settings, which"
        " caused a bottleneck and crashed the web servers.",
        "An incorrect configuration change was made to the cache cluster setup. This change"
        " caused the primary cache node to fail, leading to errors across the cluster.",
        "A surge of users hit the checkout service during the sale. This overwhelmed the"
        " database and the web servers returned errors to every shopper.",
        "Slow queries loaded the database server heavily all day long. We resolved the issue by"
        " adding an index on `orders.created_at` and restarting the app servers.",
    ],
)
def test_a_judged_cause_is_not_detail(cause: str) -> None:
    assert _detail(cause) is None


@pytest.mark.parametrize(
    "cause",
    [
        "The load balancer sent all traffic to one backend instead of the whole pool. This"
        " caused that server to crash under the load and the site to go down.",
        "`max_connections` was set to 10 on db-1 by a config push, so the web servers could not"
        " open connections and returned errors.",
        "An inefficient query on the `orders` table scanned every row, causing the database to"
        " lock up and stop serving requests.",
        "The nginx worker_connections limit of 768 was too low for the sale traffic, so nginx"
        " refused new connections and users saw errors.",
        "A typo in wp-settings.php (.phpp instead of .php) made Apache fail to load the file and"
        " return 500 errors to every visitor.",
    ],
)
def test_a_cause_that_tells_what_went_wrong_still_is(cause: str) -> None:
    assert _detail(cause) is not None


@pytest.mark.parametrize(
    "cause",
    [
        # what was wrong is told: the wrong thing by its kind of value
        "A junior admin saved the site config with the wrong file extension, so the web server"
        " could not read it and every page failed.",
        "Incorrect upstream server addresses in the HAProxy config sent requests to retired"
        " hosts, which caused routing failures and 502 errors for users.",
        # a surge told with its source
        "A surge in traffic due to the launch newsletter filled the connection pool of db-2,"
        " so the API timed out.",
        # a backticked product names a user or a setting, not the part
        "The deploy script ran the worker as root instead of the `nginx` user, so the socket"
        " was created with the wrong owner and the web server could not open it.",
    ],
)
def test_a_judging_word_on_a_told_fault_is_still_detail(cause: str) -> None:
    assert _detail(cause) is not None
