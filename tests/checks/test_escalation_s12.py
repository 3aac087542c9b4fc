"""Escalations as real write-ups word them (session 12): a mail sent to a named head of a
unit, a team named by its initials ("escalated to QA Staff"), help asked of a named person,
a named mailing list told; and the near misses: the incident escalated to "team members" or
"the team" (the object "the issue" before them names nobody), a community member on a
public chat pinging a maintainer (a user report in a channel), a list or a head left
unnamed (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import timeline_quote


def escalation(entry: str) -> str | None:
    return timeline_quote("escalation", "the alert fired", entry)


@pytest.mark.parametrize(
    "entry",
    [
        # a named head of a unit, mailed or sent to
        "Mail sent to the R&D head and the Network Ops head to flag a Sev1.",
        "E-mail sent to the data-centre head asking for a maintenance window.",
        "We emailed the department head of Payments about the outage.",
        "Escalated to the IT head, Kojo Boateng.",
        # a team named by its initials
        "Issue escalated to KPL Staff, asking for help with the proxy.",
        "Escalated the ticket to QA Staff.",
        "We escalated it to the NOC.",
        # help asked of a named person or team
        "Requested assistance from Efua Mensah on the platform team.",
        "Sought help from Tomas Berg, who owns the load balancer.",
        "Asked for help from the networking team.",
        "Requesting support from Amaka, our DBA.",
        # a named mailing list told
        "@rkim notified the infra-dev mailing list",
        "Ines mailed the storage-users mailing list about the rollback.",
        "We informed the kube-announce mailing list.",
    ],
)
def test_an_escalation_as_real_writeups_word_it(entry: str) -> None:
    assert escalation(entry) == f"- 10:15 UTC - {entry}"


@pytest.mark.parametrize(
    "entry",
    [
        # the team unnamed, past an object that names what was escalated
        "Escalated the issue to team members for assistance, but no fix came.",
        "Escalated the problem to the team.",
        "Escalated the incident to my team.",
        "Escalated the matter to other team members.",
        "We escalated it to the whole team.",
        # a community member on a public chat: a user report in a channel
        "@quietfox on Discord pings @dana to tell her the site is down.",
        "A user on Twitter pinged @ops_lead about failing logins.",
        "@lan_p on the forum notifies @mira that downloads fail.",
        # a list or a head left unnamed; a head that is no person
        "We notified the mailing list.",
        "Requests were sent to the head node of the cluster.",
        # a wish or a rule, not a page made
        "Ideally, the bot would ping Discord directly.",
        "We should notify the Storage team earlier next time.",
        "The runbook says we must escalate to Lerato.",
        # help asked of nobody named
        "Requested assistance from colleagues.",
        "Sought help online.",
        "Asked for help from other engineers.",
    ],
)
def test_no_escalation_in_their_near_misses(entry: str) -> None:
    assert escalation(entry) is None
