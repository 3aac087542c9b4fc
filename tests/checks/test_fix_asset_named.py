"""resolution.detail: a fix made to a thing named by its asset tag ("replaced fuse F3", "moved the
load from PDU-B2 to PDU-B1", "swapped breaker CB-12", "rebuilt the array on web-03") names the
thing changed, as a file or setting does; a quarter, a severity or a clock time is no name, and
"replaced some hardware" names nothing (examples written for these tests)."""

from __future__ import annotations

import pytest

from pmreview.checks.changes import names_change


@pytest.mark.parametrize(
    "fix",
    [
        "The contractor replaced fuse F3 and its holder on the control board.",
        "Moved the load from PDU-B2 to PDU-B1 and re-energised the rack.",
        "The electrician swapped breaker CB-12 for a new one.",
        "Replaced the failed disk in web-03 and rebuilt the array.",
    ],
)
def test_a_thing_named_by_its_tag_is_named(fix: str) -> None:
    assert names_change(fix, fix.lower(), False)


@pytest.mark.parametrize(
    "fix",
    [
        "We replaced the part after the SEV2 was declared.",
        "Replaced the unit in Q3.",
        "Replaced the cable during the P1 call.",
        "Cleaned up the rules, then rebooted lb-02 just in case.",
        "Tidied things up and rebooted box-3 to be safe.",
        "Replaced the board at 04:46 and it came back.",
    ],
)
def test_no_tag_no_name(fix: str) -> None:
    assert not names_change(fix, fix.lower(), False)
