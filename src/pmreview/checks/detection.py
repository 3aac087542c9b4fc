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
from .semantics import Evidence
from .told_to import ALARM_BEFORE, PERSON_BEFORE, denied

# the lexicon's words that name a tool, a check or a message rather than a detection
_WEAK = Lazy(
    r"^(?:monitor\w*|health ?check\w*|uptime\w*|received|emails?|tweets?|observ\w*|notif\w*"
    r"|grafana|datadog|prometheus|sentry|nagios|pingdom|pagerduty|opsgenie)$"
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
    r"|\b(?:users?|customers?|clients?|students?|visitors?|someone|classmates?|friends?"
    r"|callers?)\b[^.;]{0,40}?\b(?:send|tell|tweet|report|complain)\b"
    # the reports as they began: "customers began calling us", "users started reporting"
    r"|\b(?:users?|customers?|clients?|students?|visitors?|someone|classmates?|friends?"
    r"|callers?)\b[^.;]{0,40}?\b(?:calling|telling|reporting|complaining|posting|messaging"
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
# the responders telling the outside: "sent an update to customers", "posted a notice"
_OUTWARD = Lazy(
    r"\b(?:an? |the )?(?:status )?(?:updates?|announcements?|notices?|newsletters?)\b"
    r"|\bto (?:all |our |the |affected )?(?:customers|users|clients|subscribers)\b"
)
# the document itself ("for reasons unrelated to this report"): no report of the incident
_ITSELF = Lazy(r"\b(?:this|the present) (?:report|post(?:-?mortem)?|document|write-?up)\b")


def detection(entries: list[Block]) -> Evidence | None:
    """The sentence that states the detection most plainly (`_plainness`), the first of the
    plainest; None when no sentence tells one or names a tool or a message."""
    best: tuple[int, Evidence] | None = None
    told = (_TOLD_BY.compiled, _DETECTED.compiled, lexicon("detection"))
    for b in gated(own_blocks(entries), *told):  # a strength above 0 needs one of them
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            strength = _strength(low)
            if not strength:
                continue
            rank = _plainness(low, strength)
            if rank == 2:
                continue  # a responder handing the issue on tells the escalation, not this
            if rank == 0:
                return sem.evidence(b, s, e)
            if best is None or rank < best[0]:
                best = (rank, sem.evidence(b, s, e))
    return best[1] if best else None


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
    if _HANDED_ON.compiled.search(low) and not alarm:
        return 2
    plain = _TOLD_BY.compiled.search(low) or _DETECTED.compiled.search(low)
    if alarm or plain or _NOTICED.compiled.search(low):
        return 0
    found = list(lexicon("detection").finditer(low))
    if all(_PAGED.compiled.match(m.group(0)) for m in found):
        # an alarm that pages ("`queue-depth-high` pages the on-call") tells the detection; a
        # responder paging another ("Paged Ngozi", "Jonas pages the DBA on-call") does not
        by_alarm = any(ALARM_BEFORE.compiled.search(low, 0, m.start()) for m in found)
        return 0 if by_alarm else 2
    return 1 if all(_as_often_failure(low, m) for m in found) else 0


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
    r"(?! logs?\b| history\b| rules?\b| thresholds?\b)[^.;]{0,60}?"
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
    r"|tagged(?! (?:me|us)\b))\b"
)


def _strength(low: str) -> int:
    """2 for a detection told, 1 for a tool or a message named, 0 for none."""
    if _ITSELF.compiled.search(low):
        return 0
    told_by = _TOLD_BY.compiled.search(low)
    if told_by and (
        _OUTWARD.compiled.search(low, told_by.start())
        or _STOPPED.compiled.match(low, told_by.end())
    ):
        told_by = None  # the responders telling the outside; "customer reports stop"
    alarm = _ALARM.compiled.search(low)
    for told in (told_by, _DETECTED.compiled.search(low), alarm):
        if told and not _denied(low, told.start()) and not _silent(low, told):
            return 2
    found = [
        m
        for m in lexicon("detection").finditer(low)
        if not _denied(low, m.start()) and not _not_noticing(low, m) and not _silent(low, m)
    ]
    if any(not _WEAK.compiled.match(m.group(0)) for m in found):
        return 2
    return 1 if found else 0


# watching the recovery after the fix: "incident resolved, monitoring continues"
_WATCHING = Lazy(r"\bmonitor\w*\s+continu|\b(?:continu\w*|keep|keeps|kept) (?:to )?monitor")


# matched where a report word ends: "reports stop", "complaints ceased"
_STOPPED = Lazy(
    r"\s(?:(?:have|has|had) (?:now )?|(?:are|were) )?"
    r"(?:stop|stopped|stops|ceased?|end(?:ed|s)?|dropped off|died down)\b"
)


# a check reporting the recovery: "UptimeRobot reports UP", "the probe reported healthy"
_BACK_UP = Lazy(r"\s(?:up|ok|okay|healthy|green|recovered|back|normal|resolved)\b")


# a scheduled job that runs ("the backup cron fires at 13:00"): the trigger, not an alert
_JOB_BEFORE = Lazy(
    r"\b(?:cron|crontab|jobs?|backups?|scripts?|tasks?|timers?|batch|migrations?|schedulers?"
    r"|deploys?|deployments?)\b[^.;]{0,20}$"
)


def _not_noticing(low: str, m: re.Match[str]) -> bool:
    """A word of the detection lexicon that tells no detection here: a page by a person or a
    team, a job that fires, "noticeably" slow, or the watching of a recovery."""
    word = m.group(0)
    if word.startswith("report") and (
        _STOPPED.compiled.match(low, m.end()) or _BACK_UP.compiled.match(low, m.end())
    ):
        return True  # "customer reports stop": the end of the impact, not its detection
    if word.startswith("pages"):
        return PERSON_BEFORE.compiled.search(low, max(0, m.start() - 40), m.start()) is not None
    if word.startswith("fir"):
        return _JOB_BEFORE.compiled.search(low, max(0, m.start() - 40), m.start()) is not None
    if word.startswith("notic") and low.startswith("noticeabl", m.start()):
        return True
    return _WATCHING.compiled.search(low, max(0, m.start() - 20), m.end() + 20) is not None


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
    # a check that came back clean: "checks of peer status and alarms showed no errors"
    r"|\b(?:show(?:ed|s)?|found|gave|returned|raised) (?:no|zero|nothing)\b"
    r"|\bbelow (?:the |its |our )?(?:[\w-]+ )?(?:alert(?:ing)? |paging )threshold\b"
)


def _silent(low: str, m: re.Match[str]) -> bool:
    """A word of the detection lexicon in a clause that says the alarm stayed silent: not
    how the issue was noticed."""
    end = low.find(". ", m.end())
    end = len(low) if end < 0 else end
    return _SILENT.compiled.search(low, max(0, m.start() - 60), min(end, m.end() + 100)) is not None


def _denied(low: str, at: int) -> bool:
    """A detection denied just before `at`: "Nobody noticed"; not "did not notice until
    someone showed me", which tells when it was noticed."""
    return denied(low, at) and _UNTIL.search(low, max(0, at - 48), at) is None


_UNTIL = re.compile(r"\b(?:until|till)\b")
