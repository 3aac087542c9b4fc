"""The first sign of a failure, as a timeline tells it, and what looks like one but is not.

A first sign: a monitoring tool's own message that tells the failure ("Pingdom e-mail: 'shop
is DOWN'", "our Datadog monitor on the 5xx rate goes over 5% and e-mails me", a "Triggered |
New Relic | error rate 9%" row), a report opened by someone outside the responders ("Issue
#812 opened by a user", "ticket filed by a customer"), someone calling support or a service
desk ("a clinic calls support", "the ward nurse rings the Service Desk"). Not one: the
recovery told by the same words ("Pingdom reports UP", "the monitor recovers", "test logins
succeed"), or a responder using a tool ("checked Grafana", "added a Datadog monitor")."""

from __future__ import annotations

import re

from ..text.prefilter import Lazy
from .told_to import PERSON_BEFORE, denied

# a tool that watches the service, named as the sender of what arrived
_TOOL = (
    r"(?:monitor\w*|alert\w*|alarm\w*|uptime\w*|pingdom|statuscake|datadog|grafana|prometheus"
    r"|new relic|sentry|nagios|zabbix|icinga|pagerduty|opsgenie|cloudwatch|health ?checks?"
    r"|status ?checks?|synthetic\w*|probes?|canar(?:y|ies))"
)
# the failure told, not ended: "is DOWN", "returns 503", "5xx rate goes over 5%", "error rate
# 9% (threshold 2%)", "fails"
_FAILING = (
    r"(?:\b(?:is|are|went|goes|reports?|marks?) down\b|\b[45]\d\d\b|\b[45]xx\b|\berrors?\b"
    r"|\bfail(?:s|ed|ing|ures?)?\b|\btim(?:ed|es|ing) ?out\b|\btimeouts?\b|\bunreachable\b"
    r"|\b(?:goes|went|is|was|climbs?|climbed|rises?|rose) (?:over|above)\b|\bexceed\w*"
    r"|\bthreshold\b|\bbreach\w*|\bcritical\b)"
)
_FAILING_RE = re.compile(_FAILING)
TOOL = Lazy(rf"\b{_TOOL}\b")
TOOL_TOLD = Lazy(rf"\b{_TOOL}\b[^.;]{{0,80}}?{_FAILING}")
# a responder using or building the tool, before it: "checked Grafana", "added a monitor"
_RESPONDER_USES = Lazy(
    r"\b(?:check(?:s|ed|ing)?|look(?:s|ed|ing)?|open(?:s|ed|ing)?|add(?:s|ed|ing)?|creat\w*"
    r"|set(?:s|ting)? up|configur\w*|install\w*|enabl\w*|review\w*|inspect\w*|quer(?:y|ies|ied)"
    r"|search\w*|wr(?:ote|ites)|buil[dt]\w*|confirm\w*|watch\w*|verif\w*)\b[^.;]{0,30}$"
)
# an ended failure: "last 502", "no more 5xx", "no further errors", "errors stop"
_ENDED = Lazy(r"\b(?:last|no more|no further|no new|zero|no|without)\s+(?:\S+\s+)?$")
# a report opened by someone outside ("by a user", "by @ana"), a call to support or a desk
REPORTED = Lazy(
    r"\b(?:issues?|tickets?|bugs?|bug reports?|reports?|cases?|complaints?)\b[^.;:]{0,30}?"
    r"\b(?:opened|filed|raised|logged|submitted|created|lodged) by "
    r"(?:a|an|one|two|three|several|some|\d+|@[\w-]+)\b"
    # a call to the desk where people report faults: "a clinic calls support", "the charge
    # nurse calls the Service Desk", "the porter rings the facilities helpdesk"
    r"|(?<!\bwe )(?<!\bi )\b(?:calls|called|rings|rang|phones|phoned|e-?mails|e-?mailed"
    r"|contacts|contacted|messages|messaged) (?:our |the )?(?:it |ict )?"
    r"(?:support\b(?! (?:to|for)\b)|(?:[\w-]+ )?(?:service ?desk|help ?desk)|switchboard|noc)\b"
)
# the service back: "reports UP", "is back up", "the monitor recovers", "logins succeed",
# "back to normal", "complaints have stopped"
_RECOVERED = Lazy(
    r"\b(?:reports?|reported|marks?|marked|is|are|was|were|back|comes?|came) (?:back )?"
    r"(?:up|online|green|healthy)\b(?! to\b)"
    r"|(?<!never )(?<!not )\brecover(?:s|ed)\b|\bsucceed(?:s|ed|ing)?\b|\bback to normal\b"
    r"|\b(?:reports?|complaints?|errors?|alerts?|alarms?) (?:have |had )?"
    r"(?:stopped|ceased|cleared)\b"
    # "the display was restored and normal monitoring resumed"
    r"|\b(?:was|were|is|are|been) (?:fully )?restored\b"
    r"|\b(?:service|services|operations?|monitoring|processing|trading|traffic)"
    r" (?:has |have |had )?resumed\b"
)

# a success told of a part only: "only 40% of payments succeed", "some logins succeed"
# an alarm nobody saw or heeded: "Nobody read it", "it went unnoticed", "I ignore it"
UNSEEN = Lazy(
    r"\b(?:nobody|no one|no-one|none of us) (?:read|saw|sees|noticed|looked at|opened|acted on"
    r"|checked)\b|\b(?:went|goes|remained|stayed) unnoticed\b|\bunread\b|\bignored\b"
    # the alarm dismissed: "i ignore it bc it flapped last week", "we ignored the page"
    r"|\bignor(?:e|es|ing) (?:it|them|the (?:alert|alarm|e-?mail|page|notification|text)s?)\b"
)
# what a telling said: nothing ("the peers showed no errors", "users reported no problems")
SAID_NOTHING = Lazy(r" (?:no|zero|nothing)\b")
_PARTIAL = Lazy(r"\b(?:only|half|some|few|intermittent\w*|still)\b|%")


def tool_told(low: str) -> re.Match[str] | None:
    """A monitoring tool's message that tells the failure, not a responder using the tool nor
    a failure ended ("no more 5xx")."""
    for m in TOOL_TOLD.compiled.finditer(low):
        if silent(low, m) or _RESPONDER_USES.compiled.search(
            low, max(0, m.start() - 40), m.start()
        ):
            continue
        failing = _FAILING_RE.search(low, m.start(), m.end())
        at = failing.start() if failing else m.start()
        if not _ENDED.compiled.search(low, max(0, at - 20), at):
            return m
    return None


def first_sign(low: str) -> re.Match[str] | None:
    """A first sign told: a tool's message telling the failure, a report opened by someone
    outside, a call to support."""
    return REPORTED.compiled.search(low) or tool_told(low)


def recovered(low: str) -> bool:
    """A sentence that tells the service back and no failure still going on ("Last 502 in the
    log and Pingdom reports UP": the 502 is over)."""
    if not _RECOVERED.compiled.search(low) or _PARTIAL.compiled.search(low):
        return False
    return not any(
        not _ENDED.compiled.search(low, max(0, m.start() - 20), m.start())
        for m in _FAILING_RE.finditer(low)
    )


# an alarm that said nothing: "the disk monitor did not fire", "the alarm had been
# suppressed", "below the 10-point alert threshold, so no page", "goes to a mailbox that is
# not monitored overnight"
_SILENT = Lazy(
    r"\b(?:did(?:n['’]t| not)|does(?:n['’]t| not)|never|failed to|could(?:n['’]t| not)) "
    r"(?:fire[sd]?|trigger(?:ed|s)?|alert(?:ed|s)?|page[sd]?|go off|went off|notif(?:y|ied|ies)"
    r"|ring|rang|detect(?:ed|s)?|catch(?:es)?|caught)\b"
    r"|\b(?:was|were|had been|has been|is|are) (?:\w+ )?(?:muted|suppressed|silenced|snoozed"
    r"|not (?:monitored|watched|read)|unmonitored)\b"
    r"|\bno (?:alerts?|alarms?|pages?|notifications?) (?:was |were )?(?:raised|fired|sent|went)"
    r"|\bso no (?:alerts?|alarms?|pages?|notifications?)\b"
    r"|\bbelow (?:the |its |our )?(?:[\w-]+ )?(?:alert(?:ing)? |paging )threshold\b"
    # a check that saw nothing: "alarms showed no errors", "the tests found no failures"
    r"|\b(?:show(?:s|ed|n)?|found|finds|returned|returns|gave|gives|raised) (?:no|zero|nothing)\b"
)


def silent(low: str, m: re.Match[str]) -> bool:
    """A word of the detection lexicon in a clause that says the alarm stayed silent: not
    how the issue was noticed."""
    end = low.find(". ", m.end())
    end = len(low) if end < 0 else end
    return _SILENT.compiled.search(low, max(0, m.start() - 60), min(end, m.end() + 100)) is not None


# watching the recovery after the fix: "incident resolved, monitoring continues"
_WATCHING = Lazy(r"\bmonitor\w*\s+continu|\b(?:continu\w*|keep|keeps|kept) (?:to )?monitor")


# matched where a report word ends: "reports stop", "complaints ceased"
STOPPED = Lazy(
    r"\s(?:(?:have|has|had) (?:now )?|(?:are|were) )?"
    r"(?:stop|stopped|stops|ceased?|end(?:ed|s)?|dropped off|died down)\b"
)
# matched where a report word ends: a check reporting the recovery ("UptimeRobot reports UP",
# "the probe reported healthy")
_BACK_UP = Lazy(r"\s(?:up|ok|okay|healthy|green|recovered|back|normal|resolved)\b")


# a scheduled job that runs ("the backup cron fires at 13:00"): the trigger, not an alert
_JOB_BEFORE = Lazy(
    r"\b(?:cron|crontab|jobs?|backups?|scripts?|tasks?|timers?|batch|migrations?|schedulers?"
    r"|deploys?|deployments?)\b[^.;]{0,20}$"
)


def not_noticing(low: str, m: re.Match[str]) -> bool:
    """A word of the detection lexicon that tells no detection here: a page by a person or a
    team, a job that fires, "noticeably" slow, or the watching of a recovery."""
    word = m.group(0)
    if word.startswith("report") and (
        STOPPED.compiled.match(low, m.end()) or _BACK_UP.compiled.match(low, m.end())
    ):
        return True  # "customer reports stop": the end of the impact, not its detection
    if word.startswith("pages"):
        return PERSON_BEFORE.compiled.search(low, max(0, m.start() - 40), m.start()) is not None
    if word.startswith("fir"):
        return _JOB_BEFORE.compiled.search(low, max(0, m.start() - 40), m.start()) is not None
    if word.startswith("notic") and low.startswith("noticeabl", m.start()):
        return True
    return _WATCHING.compiled.search(low, max(0, m.start() - 20), m.end() + 20) is not None


def denied_here(low: str, at: int) -> bool:
    """A detection denied just before `at`: "Nobody noticed"; not "did not notice until
    someone showed me", which tells when it was noticed."""
    return denied(low, at) and _UNTIL.search(low, max(0, at - 48), at) is None


_UNTIL = re.compile(r"\b(?:until|till)\b")
