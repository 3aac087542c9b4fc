"""The timeline's detection: the entry that says how the issue came to someone's attention.

An alarm that fired, a person who noticed, reported or posted it ("a classmate sent me a
screenshot of the error page", "our mentor posted in Slack that the site was down") tells the
detection; a word of the detection lexicon that only names a tool or a message ("a health
check", "mentor notified" after the fix) is taken only when nothing better is told, and a
detection denied ("Nobody noticed", "nothing alerted us") is none."""

from __future__ import annotations

import re

from ..models import Block
from ..text.borrowed import own_blocks, own_sentences
from ..text.gates import gated
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from . import semantics as sem
from .detection_met import DETECTED as _DETECTED
from .first_sign import (
    REPORTED,
    SAID_NOTHING,
    STOPPED,
    TOOL,
    TOOL_TOLD,
    UNSEEN,
    denied_here,
    first_sign,
    not_noticing,
    recovered,
    silent,
)
from .semantics import Evidence
from .told_to import ALARM_BEFORE

# the lexicon's words that name a tool, a check or a message rather than a detection
_WEAK = Lazy(
    r"^(?:monitor\w*|health ?check\w*|uptime\w*|received|emails?|tweets?|observ\w*|notif\w*"
    r"|grafana|datadog|prometheus|sentry|nagios|pingdom|pagerduty|opsgenie)$"
)
# someone outside the responders, then up to 40 characters of their clause
_OUTSIDERS = (
    r"\b(?:users?|customers?|clients?|students?|visitors?|someone|classmates?|friends?"
    r"|callers?)\b[^.;]{0,40}?"
)
# a person who told someone: "a classmate sent me a screenshot", "our mentor posted in Slack",
# "two users report that the page is blank"
_TOLD_BY = Lazy(
    r"\b(?:users?|customers?|clients?|students?|visitors?|readers?|players?|people|someone"
    r"|colleagues?|teammates?|classmates?|(?:class|team|room|flat|house|course|work)?mates?|friends?|mentors?|managers?"
    r"|partners?|members?|peers?|reviewers?|callers?|support|teachers?|analysts?|nurses?|agents?"
    # (a title's full stop is no sentence end: "my mentor, Mrs. Boateng, sends me…")
    r"|staff|employees?|testers?|coach(?:es)?|tutors?|lecturers?|instructors?|supervisors?"
    r"|bosses|boss|neighbou?rs?|parents?)\b(?:[^.;]|(?<=\bmr)\.|(?<=\bms)\.|(?<=\bdr)\.|(?<=\bmrs)\.){0,40}?"
    # told by them, not to them: "GitHub support is asked to purge the views"
    r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bgot )(?<!\bgets )"
    r"\b(?:post(?:ed|s)|sen(?:t|ds)|wr(?:ote|ites)|messag(?:ed|es)|told|tells|tweet(?:ed|s)"
    r"|text(?:ed|s)|dm(?:ed|s)|(?:tele)?phon(?:ed|es)|rang"
    # "asked for" is a request ("the naming my mentor asked for"), not a report
    r"|ask(?:ed|s)(?! for| to\b)|called|e-?mail(?:ed|s)|ping(?:ed|s)|shar(?:ed|es)|said|says"
    r"|mention(?:ed|s)|showed|report(?:ed|s)|complain(?:ed|s)|flag(?:ged|s))\b"
    # the base form, as a narrated or a second-language timeline writes it ("a student from
    # another class send a message", "two users report that…"), only after someone outside
    # the responders: "the support team send an update" is the responders telling
    r"|" + _OUTSIDERS + r"\b(?:send|tell|tweet|report|complain)\b"
    # the reports as they began: "customers began calling us", "users started reporting"
    r"|" + _OUTSIDERS + r"\b(?:calling|telling|reporting|complaining|posting|messaging"
    r"|tweeting|e-?mailing|writing in|asking)\b"
    # the telling told as it went on: "my teammate Brian is telling me that…", "users keep
    # messaging us"
    r"|\b(?:users?|customers?|clients?|students?|visitors?|someone|colleagues?|teammates?"
    r"|classmates?|friends?|mentors?|members?|peers?|callers?|teachers?|staff)\b[^.;]{0,40}?"
    r"\b(?:is|are|was|were|keeps?|kept|started|starts|began|begins) (?:telling|messaging"
    r"|texting|calling|reporting|complaining|asking|posting|pinging|e-?mailing|writing)\b"
    # someone who told the writer: "Farai, who runs the group, messaged me that his profile…"
    r"|(?<!\bi )(?<!\bwe )\b(?:messag(?:ed|es)|text(?:ed|s)|e-?mail(?:ed|s)|told|tells"
    r"|call(?:ed|s)|phon(?:ed|es)|rang|dm(?:ed|s)|ping(?:ed|s)|wr(?:ote|ites) to) (?:me|us)"
    r" (?:that|about|to say|saying)\b"
    # anyone but the responders asking or telling in a channel: "a finance analyst asks in
    # #data-help why…", "posts it in our WhatsApp group"
    r"|(?<!\bwe )(?<!\bi )\b(?:asks?|asked|posts?|posted|reports?|reported|flags?|flagged"
    r"|mentions?|mentioned|complains?|complained)\b(?: it| this| that)?"
    r" in (?:#[\w-]+|(?:the |our |a |his |her |their )?(?:[\w-]+ )?(?:slack|discord|teams"
    r"|whatsapp|telegram|group chat|chat|channel|forum)\b)"
)
# reports received by the people who take them: "support sees 37 calls about blank screens",
# "the help desk received a spike of tickets about failed logins" (not "the API gets 5 calls
# per second")
_RECEIVED = Lazy(
    r"\b(?:sees?|saw|receiv(?:es|ed)|gets?|got|logs|logged|fields|fielded|takes|took)"
    r" (?:\d[\d,]*|a|an|several|many|dozens of|hundreds of|a (?:spike|surge|flood|wave|rush) of)"
    r" (?:[\w-]+ ){0,2}?(?:calls?|tickets?|complaints?|reports?|e-?mails?|messages?|chats?)"
    r"(?: [\w-]+){0,4}? (?:about|from|complaining|reporting|saying|that)\b"
)
# the responders telling the outside: "sent an update to customers", "posted a notice"
_OUTWARD = Lazy(
    r"\b(?:an? |the )?(?:status )?(?:updates?|announcements?|notices?|newsletters?)\b"
    r"|\bto (?:all |our |the |affected )?(?:customers|users|clients|subscribers)\b"
)
# a change made to a tool, named only as what was changed: "after altering the healthcheck
# path", "raised the alert threshold", "added a Grafana panel"
_TOOL_CHANGED = Lazy(
    r"\b(?:alter\w*|chang\w*|updat\w*|edit\w*|adjust\w*|tun(?:e|ed|es|ing)|(?:re)?configur\w*"
    r"|add(?:s|ed|ing)?|remov\w*|disabl\w*|enabl\w*|increas\w*|lower\w*|rais\w*|point\w*)"
    r"\s+(?:the |a |an |our |its |their )?(?:[\w-]+ ){0,2}?(?:health ?checks?|monitor\w*|alert\w*"
    r"|alarms?|uptime\w*|probes?|grafana|datadog|prometheus|nagios|pingdom|sentry)"
)
# the document itself ("for reasons unrelated to this report"): no report of the incident
_ITSELF = Lazy(r"\b(?:this|the present) (?:report|post(?:-?mortem)?|document|write-?up)\b")


def detection(entries: list[Block]) -> Evidence | None:
    """The sentence that states the detection most plainly (`_plainness`), the first of the
    plainest; None when no sentence tells one or names a tool or a message. Once the issue
    has been handed on, what a responder notices is a finding of the investigation ("Kim
    notices OOMKilled pods"), ranked with the hand-over."""
    best: tuple[int, Evidence] | None = None
    handed = False
    told = (_TOLD_BY.compiled, _RECEIVED.compiled, _DETECTED.compiled, lexicon("detection"))
    for b in gated(own_blocks(entries), *told, REPORTED.compiled, TOOL_TOLD.compiled):
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            strength = _strength(low)
            if not strength:
                continue
            if _unseen(b.lower, low):
                continue
            rank = _plainness(low, strength)
            if rank == 3 and _TOOL_CHANGED.compiled.search(low):
                continue  # "targets healthy after altering the healthcheck": a change made
            if rank == 0 and handed and not _told_outright(low):
                rank = 2
            if rank == 2:
                # a responder handing the issue on tells the escalation, not how anyone came
                # to know; what the responders notice after it is their investigation
                handed = True
                continue
            if rank == 0:
                return sem.evidence(b, s, e)
            if best is None or rank < best[0]:
                best = (rank, sem.evidence(b, s, e))
    return best[1] if best else None


def _unseen(entry: str, low: str) -> bool:
    """An alarm in an entry that says nobody saw it ("Nagios sent 'DISK CRITICAL' to the team
    e-mail. Nobody read it."), where no person notices or tells."""
    return UNSEEN.compiled.search(entry) is not None and not any(
        p.search(low) for p in (_TOLD_BY.compiled, _NOTICED.compiled, REPORTED.compiled)
    )


def _told_outright(low: str) -> bool:
    """A detection told by an alarm, a label, a report or a tool's message, not only by a
    responder noticing."""
    return bool(_LABEL.compiled.search(low) or _ALARM.compiled.search(low)) or _reported(low)


def _reported(low: str) -> bool:
    """Someone outside told it, reports were received, a detection or a first sign told."""
    return bool(
        _TOLD_BY.compiled.search(low)
        or _RECEIVED.compiled.search(low)
        or _DETECTED.compiled.search(low)
        or first_sign(low)
    )


def _plainness(low: str, strength: int) -> int:
    """0 for a sentence that states a detection plainly: an alarm that went off, someone who
    noticed or told, a "Detected:" entry; 1 for one told only by a word that as often
    describes the failure itself (a ticket, "reports arrive", timeouts "firing", a message
    acknowledged); 2 for a responder handing the issue on (the escalation: "escalated to my
    partner", "posted in #ops and tagged our mentor"); 3 for a tool or a message only named."""
    if _LABEL.compiled.search(low):
        return 0
    if strength < 2:
        return 3
    alarm = _ALARM.compiled.search(low)
    if _handed_on(low) and not alarm and not TOOL.compiled.search(low):
        return 2
    if alarm or _reported(low) or _NOTICED.compiled.search(low):
        return 0
    found = list(lexicon("detection").finditer(low))
    if all(_PAGED.compiled.match(m.group(0)) for m in found):
        # an alarm that pages ("`queue-depth-high` pages the on-call") tells the detection; a
        # responder paging another ("Paged Ngozi", "Jonas pages the DBA on-call") does not
        by_alarm = any(ALARM_BEFORE.compiled.search(low, 0, m.start()) for m in found)
        return 0 if by_alarm else 2
    return 1 if all(_as_often_failure(low, m) for m in found) else 0


def _handed_on(low: str) -> bool:
    """A responder handing the issue on ("escalated to Omar", "Ravi pages the data on-call"),
    not an alarm that pages ("`queue-depth-high` pages the payments on-call") nor a hand-over
    after the first sign told before it ("a tenant calls the service desk, who pages the
    facilities on-call", "the first validator notices the halt and escalates to the core
    team": whoever noticed it handed it on)."""
    m = _HANDED_ON.compiled.search(low)
    if m is None or ALARM_BEFORE.compiled.search(low, 0, m.start()):
        return False
    before = low[: m.start()]
    return not (_reported(before) or _NOTICED.compiled.search(before))


def _as_often_failure(low: str, m: re.Match[str]) -> bool:
    """A word of the detection lexicon that as often tells the failure itself ("crash reports
    arrive", timeouts "firing", "stopped creating tickets"), not a report made ("Tolu reports
    the site will not load", "the outage is reported on GitHub by @ana")."""
    if not _AS_OFTEN_FAILURE.compiled.match(m.group(0)):
        return False
    return not (m.group(0).startswith("report") and _REPORT_MADE.compiled.match(low, m.end()))


# an alarm that went off: "the anomaly monitor fired", "an automated check … alerted our
# on-call", "Alert 'success rate < 90%' pages Checkout on-call" (not "the alert log")
_ALARM = Lazy(
    r"\b(?:alerts?|alarms?|monitors?|monitoring|probes?|checks?|checkers?|watchdogs?"
    r"|canar(?:y|ies))\b"
    r"(?! logs?\b| history\b| rules?\b| thresholds?\b)"
    # an aside in brackets read as one word: "my checker (a cron job that curls …) e-mails me"
    r"(?:\([^().;]{0,160}\)|[^.;(]){0,60}?"
    r"\b(?:fired|fires|triggered|triggers|went off|goes off|pag(?:ed|es)|alerted|alerts"
    r"|e-?mailed|e-?mails|texts|texted|raised|rang|notified|notifies|detected|detects|caught"
    # an alarm crossing its line: "the 5xx monitor goes over 5% and emails me"
    r"|(?:goes|went|go) (?:over|above|past)|crosses|crossed|breaches|breached)\b"
    # an alerting tool's log, the event's type in its own cell: "| 03:14 | Triggered | Datadog |"
    r"|\|\s*(?:triggered|fired|alerted|alarm(?: raised)?)\s*\|"
)
# the detection lexicon's words that as often tell the failure itself: "reports pile up",
# "timeouts start firing", "stops acknowledging messages", "stopped creating tickets"
_AS_OFTEN_FAILURE = Lazy(
    r"^(?:tickets?|acknowledg\w*|reports?|reported|reporting|fir(?:es|ed|ing)|e-?mails?|received)$"
)
# a page sent by a person: the escalation, unless an alarm sent it
_PAGED = Lazy(r"^(?:pag(?:ed|es|ing)\b.*|pagerduty|opsgenie)$")
# a report made, told by what follows it: "reports that…", "reports the site is down",
# "reported on GitHub by @ana", "reports of errors start arriving" (not "crash reports arrive")
_REPORT_MADE = Lazy(r"\s(?:that|the|a|an|it|errors?|\d|of|on|in|by|via|through|to)\b")
# someone noticing: "Ama noticed the 502s", "detected by the uptime check"
_NOTICED = Lazy(r"\b(?:notic(?:ed|es)|detect(?:ed|s)|spott(?:ed|s)|became aware)\b")
# an entry labelled as the detection: "09:17 — Detected: my uptime script sent me…"
_LABEL = Lazy(r"(?:^|[—–:-])\W*?(?:detected|detection|noticed|discovered)[^\w:—–]*[:—–]")
# a responder handing the issue on
_HANDED_ON = Lazy(
    r"\b(?:escalat\w*|hand(?:ed|s|ing)? (?:it |this |the \w+ )?(?:over|off)|looped in"
    r"|tagged(?! (?:me|us)\b)"
    # a responder paging the next on-call, raising the severity: "Priya pages the data on-call"
    r"|(?:raised|upgraded|bumped) to sev|pag(?:es|ed) (?:the |our )?(?:[\w-]+ ){0,3}on-?call)\b"
)


def _strength(low: str) -> int:
    """2 for a detection told, 1 for a tool or a message named, 0 for none."""
    if _ITSELF.compiled.search(low) or recovered(low):
        return 0
    told_by = _TOLD_BY.compiled.search(low)
    if told_by and (
        _OUTWARD.compiled.search(low, told_by.start()) or STOPPED.compiled.match(low, told_by.end())
    ):
        told_by = None  # the responders telling the outside; "customer reports stop"
    alarm = _ALARM.compiled.search(low)
    received = _RECEIVED.compiled.search(low)
    for told in (told_by, received, _DETECTED.compiled.search(low), first_sign(low), alarm):
        if (
            told
            and not denied_here(low, told.start())
            and not SAID_NOTHING.compiled.match(low, told.end())
            and not silent(low, told)
        ):
            return 2
    found = [
        m
        for m in lexicon("detection").finditer(low)
        if not denied_here(low, m.start()) and not not_noticing(low, m) and not silent(low, m)
    ]
    if any(not _WEAK.compiled.match(m.group(0)) for m in found):
        return 2
    return 1 if found else 0
