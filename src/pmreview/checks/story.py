"""The two timeline checks that look at the whole document (spec/checks.md): the escalation
(to which named team or person the incident went) and a misleading path (a wrong theory
that was followed), as people write them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Block, Document, Section
from ..parse.views import sections_of
from ..text.borrowed import own_blocks, own_sentences
from ..text.gates import gated
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from . import semantics as sem
from .cleared import refuted_further_on
from .semantics import Evidence, find_sentence
from .theories import (
    CAUSE_ASSUMPTION,
    first_focus,
    theory_then_wrong,
    time_on_theory,
    unconfirmed_theory,
)
from .told_to import asked_by_mention, present_verbs
from .whom import named_team, names_person

_PASSIVE_ESCALATION = Lazy(
    r"\b(?:teams?|support|on-?call|engineers?|lead|manager|admin\w*|dba|sre|devops|ops|heroes"
    r"|experts?|specialists?|contractors?|technicians?|electricians?"
    # an outside party told: "our hosting provider was informed", "the CDN vendor was contacted"
    r"|providers?|vendors?|registrars?|suppliers?|isps?|partners?)"
    # a remark in brackets and a second party: "HSM team (change owner) and vendor support
    # (Thales) brought onto the bridge", "the on-call and Network Operations paged"
    r"(?:\s*+\([^)]{0,40}\))?(?:\s+and\s+[\w-]+(?:\s+[\w-]+){0,2}?(?:\s*+\([^)]{0,40}\))?)?"
    r"\s+(?:was\s+|were\s+|got\s+|is\s+|are\s+)?(?:paged|notified|alerted|escalated"
    r"|called|contacted|informed|summoned|engaged|(?:looped|brought|pulled|called) in"
    r"|brought (?:onto|into|on to|to) (?:the )?(?:bridge|call|incident))\b"
    # whoever "got paged" or "was paged" is the one the incident went to
    r"|\b(?:got|was|were|been|is|are)\s+paged\b"
)
# "customers reached out to support", "a community member notified the team", "37 contacted
# merchant support" (a count of the people who did): a report, not an escalation by the
# responders; not past ", and" or ", so", where another clause has its own subject ("after
# calls from residents, and the matter was escalated to our processor")
_REPORTER = Lazy(
    r"\b(?:customers?(?! (?:service|support|success|care|operations|experience)\b)|users?|clients?"
    r"|community members?|someone|a reader|visitors?|merchants?"
    r"|subscribers?|citizens?|residents?|players?|shoppers?|passengers?|patients?)\b"
    # a count of them ("40 escalated"), not a name's number ("SEV-1, escalated to…")
    r"(?:(?!,\s*+(?:and|but|so|then)\b)[^.;]){0,30}$|(?<![\d:.,-])\d[\d,]*+(?<!,)\s$"
    # someone known by a handle on a public chat or forum: "@quietfox on Discord pings @dana"
    r"|@[\w.-]+ (?:on|from) (?:the )?(?:discord|twitter|reddit|mastodon|irc|forums?|community)\b"
    r"[^.;]{0,30}$"
)
_ESCALATION_LABEL = re.compile(
    r"^[\s>*+-]*+(?:\d+[.)]\s*+)?[*_]*+escalat\w*+[*_]*+\s*+:?[*_]*+\s*+:?\s*+$"
)


def escalation(
    blocks: list[Block], secs: list[Section], entries: Sequence[Block] = ()
) -> Evidence | None:
    """An escalation verb followed, in the same sentence, by a team or person to whom, or a
    named team that "was paged", "was engaged", told anywhere but in the measures, the
    timeline's `entries` first (where the events are told: a header's "Responders:", a
    runbook's rule or partners notified elsewhere are no event); or, in an Escalation section
    or under an "Escalation:" label, a team or person named."""
    excluded = lexicon("escalation_excluded")
    # a task among the measures, an item or a table row ("an expiry alert sent to the on-call",
    # "| Update the runbook: check saturation before engaging Edge |"), is planned, not done
    planned = {
        id(b)
        for sec in secs
        if sec.has("measures")
        for b in sec.blocks
        if b.kind in ("item", "row")
    }
    verbs = (_PASSIVE_ESCALATION.compiled, lexicon("escalation_verb"), _ENGAGED.compiled)
    told = [b for b in blocks if id(b) not in planned]
    events = {id(b) for b in entries}
    told = [b for b in told if id(b) in events] + [b for b in told if id(b) not in events]
    present = lexicon("escalation_present")  # read by _told_present
    paged: Evidence | None = None  # by an alert: a person's escalation is the better quote
    for b in gated(own_blocks(told), *verbs, present):  # _escalated needs one of them
        for s, e in own_sentences(b):
            low = b.lower[s:e]
            if excluded.search(low) or not _escalated(b, s, e):
                continue
            if _UNREAL.compiled.search(low):
                continue  # what did not happen ("could have alerted the DBA on Slack")
            if not _PAGED_BY_ALERT.compiled.search(low):
                return sem.evidence(b, s, e)
            else:
                paged = paged or sem.evidence(b, s, e)
    found = paged or _labelled_escalation(blocks, secs)
    return found or asked_by_mention(own_blocks(told))


# who escalated, told between the verb and to whom
_BY_WHOM = Lazy(r" by (?:the |our )?(?:[\w.&-]+ ){1,4}?(?=to\b)")
# a modal or a wish right before the verb: "it would ping Discord", "we should notify the DBA",
# "users can reach out to support", "please don't hesitate to reach out to our team"
_WISHED = Lazy(
    r"\b(?:would|should|could|can|may|might|must|shall|will|ideally|need(?:s|ed)? to|wants? to"
    r"|plan(?:s|ned)? to|hesitate to|free to|please)\s+(?:\w+ly\s+|also\s+|then\s+)?$"
)
# what did not happen: "transactions that could have been sent to Acquirer A failed instead"
_UNREAL = Lazy(r"\b(?:could|would|should|might)(?: not)? have (?:been )?\w+ to\b")
# the page that an alert sent ("the latency alert pages the search on-call", "`DiskFull`
# pages the on-call"): the first responder reached, told before whoever they escalated to
_PAGED_BY_ALERT = Lazy(
    r"\b(?:alert\w*|alarms?|monitor\w*|checks?|probes?|slo|pagerduty|opsgenie)\b[^.;]{0,60}?"
    r"\bpag(?:es|ed)\b|`[ \t]+pag(?:es|ed)\b"
    # the page told by the paging tool: "paged by PagerDuty", "| Notified | PagerDuty | Rafael |"
    r"|\bpaged (?:\w+ )?(?:by|via|through) (?:pagerduty|opsgenie|the alert|an? alert|the monitor)\b"
    r"|\bnotif(?:ied|ies)\b[^.;]{0,30}?\b(?:pagerduty|opsgenie)\b"
)


def _escalated(b: Block, s: int, e: int) -> bool:
    """Whether the sentence s:e of the block escalates to a named team or person."""
    text, target = b.lower[s:e], lexicon("escalation_target")
    if any(
        named_team(text, t)
        and not _IF.compiled.search(text, 0, t.start())
        and not _ACTIVE.compiled.match(text, t.end())
        and not _BY_REPORTER.compiled.match(text, t.end())
        for t in _PASSIVE_ESCALATION.compiled.finditer(text)
    ):
        return True
    for verb in (lexicon("escalation_verb"), _ENGAGED.compiled):
        for m in verb.finditer(text):
            if _REPORTER.compiled.search(text[max(0, m.start() - 40) : m.start()]):
                continue
            if _WISHED.compiled.search(text, max(0, m.start() - 40), m.start()):
                continue  # "ideally it would ping Discord": a wish, not a page made
            if m.group(0).endswith("ing") and _IF.compiled.search(text):
                continue  # "a rule notifying the on-call will be added": a plan
            if m.group(0).startswith(("told", "asked")) and not _WRITER.compiled.search(
                text, 0, m.start()
            ):
                continue  # "Aisha noticed it and told Jamal": a report to the responders
            # "escalated by Batch Operations to the Payments on-call": past who escalated
            agent = _BY_WHOM.compiled.match(text, m.end())
            end = agent.end() if agent else m.end()
            after = target.finditer(text, end, end + 80)
            if any(named_team(text, t, end) for t in after) or names_person(
                b.text[s + end : e], m.group(0)
            ):
                return True
    return _told_present(b, s, e)


def _told_present(b: Block, s: int, e: int) -> bool:
    """The sentence s:e tells, in the present, an escalation to a named team or person
    ("Marta pages the database on-call", "I call Abebe"), not by a user reporting it."""
    text, target = b.lower[s:e], lexicon("escalation_target")
    for at, end in present_verbs(b.text[s:e], text):
        if _REPORTER.compiled.search(text[max(0, at - 50) : at]):
            continue
        asked = _TELLS.compiled.search(text, 0, at)
        if asked and not _WRITER.compiled.search(text, 0, asked.start()):
            continue  # "Aisha tells Jamal": a report to the responders
        named = any(named_team(text, t, at) for t in target.finditer(text, at, end))
        if named or names_person(b.text[s + at : e], ""):
            return True
    return False


# the writer as the subject of "told" or "asked", or no subject at all ("- 07:31 - Told my
# partner Esi…", "- 07:31 UTC - Asked…"): whoever else tells someone is reporting it to the
# responders
_WRITER = Lazy(
    r"(?:^[^a-z]*(?:(?:utc|gmt|am|pm|[a-z]{1,3}t)\b[^a-z]*)?|\b(?:i|we)\s+(?:(?:then|also|\w+ly)\s+)?)$"
)
_TELLS = Lazy(r"\b(?:tells?|asks?)\s*$")
# "Support escalated quickly", "the team escalated it": the team did the escalating (to whom
# is said after the verb, if anywhere: "escalated to the DBA team" is read there), it was not
# the one escalated to
_ACTIVE = Lazy(r"(?<!\s)\s+(?:it|this|them|us|\w+ly)\b")
# told by someone who reported it: "the provider was informed by a customer"
_BY_REPORTER = Lazy(
    r"(?<!\s)\s++by (?:an? |some |several |one of (?:our|the) )?(?:customers?|users?|clients?"
    r"|visitors?|members?|someone|a reader)\b"
)
# a page that would happen, not one that did: "so that the on-call is paged when…"
_IF = Lazy(r"\b(?:if|when|whenever|so that|will|would|should|must)\b")


# how organisations say it: "the on-call engineer engaged the storage team", "opened a case
# with AWS Support", "Case opened with the vendor's support"
_ENGAGED = Lazy(
    r"\bengag(?:ed|es|ing)\b|\bopened an? (?:support )?(?:case|ticket) with\b"
    r"|\b(?:case|ticket) (?:was )?opened with\b"
)


def _labelled_escalation(blocks: list[Block], secs: list[Section]) -> Evidence | None:
    """In an Escalation section or under an "Escalation:" label, a team or person named."""
    labelled = [b for sec in secs if sec.has("escalation") for b in sec.blocks]
    label_depth: int | None = None
    for b in blocks:
        if b.kind == "item" and _ESCALATION_LABEL.match(b.lower.split("\n", 1)[0]):
            label_depth = b.depth
        elif label_depth is not None and b.kind == "item" and b.depth > label_depth:
            labelled.append(b)
        else:
            label_depth = None
    target, excluded = lexicon("escalation_target"), lexicon("escalation_excluded")
    return find_sentence(labelled, target, unless=excluded)


def misleading(doc: Document, whole: list[Block]) -> Evidence | None:
    secs = sections_of(doc, "misleading")
    found = find_sentence(
        [b for s in secs for b in s.blocks],
        re.compile(r"\w{4,}"),
        unless=re.compile(r"^\W*(?:none|n/?a|nothing)\b", re.IGNORECASE),
    )
    labelled = [b for b in whole if _MISLEADING_LABEL.match(b.lower)]
    timeline = [b for s in sections_of(doc, "timeline") for b in s.blocks]
    told = _accounts(doc, whole)
    return (
        found
        or find_sentence(labelled, re.compile(r":[\W_]*\w{4,}"), unless=_NONE)
        or find_sentence(told, lexicon("misleading"), unless=_NO_PATH.compiled)
        or theory_then_wrong(_accounts(doc, whole, fixes=True))
        or time_on_theory(_accounts(doc, whole, fixes=True))
        or refuted_further_on(_accounts(doc, whole, fixes=True))
        or find_sentence(whole, lexicon("misleading"), unless=_NO_PATH.compiled)
        # in the timeline, an assumption about the cause that was acted on
        or find_sentence(timeline, re.compile(r"\bassum(?:ed|ing|ption)\b"), also=_ABOUT_CAUSE)
        or first_focus(whole)
        # a first line of inquiry left for another, when nothing names the theory itself
        or find_sentence(told, _LEFT_FOR.compiled, unless=_NO_PATH.compiled)
        or unconfirmed_theory(timeline, _cause_text(doc))
    )


def _accounts(doc: Document, whole: list[Block], fixes: bool = False) -> list[Block]:
    """The blocks that give an account of the incident: not the measures ("- Done: their
    import was not the cause"), nor, unless `fixes`, a resolution that is not also the root
    cause ("Disabled the cache again since it was not the issue"); these tell a path only
    when nothing else does."""
    after = {
        id(b)
        for s in doc.sections
        if s.has("measures") or (not fixes and s.has("resolution") and not s.has("root_cause"))
        for b in s.blocks
    }
    return [b for b in whole if id(b) not in after]


def _cause_text(doc: Document) -> str:
    """The root-cause sections' words, lower case."""
    return " ".join(b.lower for s in sections_of(doc, "root_cause") for b in s.blocks)


_MISLEADING_LABEL = re.compile(
    r"^[\s>*+-]*+(?:\d+[.)]\s*+)?[*_]*+(?:misleading|red herring|dead end)[^:\n]{0,40}:"
)
# "__Misleading:__ none", found from the last colon before it (from each colon, up to the next)
_NONE = re.compile(r":(?:[^\w:]|_)*+(?:none|n/?a|nothing)\b")
# a measure's purpose ("to prevent jobs acting on the wrong cluster") is no account of a path
_PURPOSE = Lazy(r"^\W*to (?:prevent|avoid|stop|ensure)\b")
# …nor a first theory that held ("my first guess was the disk, and the guess was right")
_NO_PATH = Lazy(
    _PURPOSE.pattern + r"|\bas (?:suspected|expected|we thought)\b"
    r"|\b(?:theory|guess|hunch|idea|thought|instinct|suspicion|assumption|hypothesis)"
    r" (?:was|proved|turned out)(?: to be)? (?:right|correct|true|spot on)\b"
    # a comparison, not a theory: "more cunning than I had initially thought"
    r"|\bthan (?:[\w'’]+ ){0,3}?(?:thought|expected|assumed|believed|anticipated)\b"
    # a wrong assumption that was the cause: "stemmed from an incorrect assumption that…"
    + "|"
    + CAUSE_ASSUMPTION
    # a part that did something wrongly (the mechanism): "the job was mistakenly marked as done"
    + r"|\b(?:was|were|is|are|got|been) mistakenly\b"
)
# "no issues in the Apache config; the investigation moved to the PHP logs", "focus then
# shifted to the database"
_LEFT_FOR = Lazy(
    r"\b(?:investigation|focus|attention|suspicion|search|debugging|troubleshooting)"
    r" (?:then |quickly |soon )?(?:moved|shifted|turned|switched|pivoted) (?:on )?(?:to|towards)\b"
)
_ABOUT_CAUSE = re.compile(r"\bcaus|\bdue to\b|\brelated to\b|\bproblem with\b|\bissue with\b")
