"""To whom an escalation went, in the words after its verb (checks/story.py finds the verb): a
team named by the words before "team", "head" or "mailing list" ("the payments team", "the
DC head", "the infra-dev mailing list"; "the team" and "team members" name nobody), or a
person or team named by a capitalised name or initials ("escalated to Lerato", "to ALX
Staff", "to the NOC")."""

from __future__ import annotations

import re

from ..text.prefilter import Lazy

# a person or team named after the verb ("contacts [Mark], who has the access", "pinged
# @dana", "escalated to Infra (Jonas)", "paged my teammate Ama Owusu", "paged my study
# partner Ama", "escalated to our hosting company, Nimbus Cloud")
_NAMED = Lazy(
    # past what went, if told before "to": "escalated the ticket to QA Staff"
    r"^[^\w\"“‘]{0,3}(?:(?:it|this|the\s+[a-z]+)\s+(?=to\s))?(?P<to>to\s+)?"
    r"(?:(?:my|our|the)\s+(?:[a-z][\w-]*\s+)?(?:teammates?|colleagues?"
    r"|mentors?|friends?|classmates?|partners?|leads?|managers?|owners?|supervisors?|tutors?"
    r"|instructors?|reviewers?|buddy|buddies)\W{1,3}"
    # a person's relation, then the name: "my flatmate Kofi", "our senior dev Amaka"
    r"|(?:my|our)\s+(?:[a-z][\w-]*\s+){1,2}(?=[A-Z][a-z])"
    # any role, with the name set off after it: "our payment processor, Acme Pay"
    r"|(?:my|our|the|their)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s*[,(]\s*|the\s+(?=[A-Z]{2}))?"
    # a name, camel case too ("TrackWell"), or a bracketed placeholder ("[Mark]")
    r"(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:[ -][A-Z][a-z]+(?:[A-Z][a-z]+)*)?"
    r"|[A-Za-z][\w-]*\]"
    # a team by its initials, with or without a word after them: "ALX Staff", "the NOC"
    r"|(?<![A-Za-z])[A-Z]{2,5}(?:[ -][A-Z][a-z]+)?)(?![\w&])"
)
# initials that name no team, read title-cased: a severity ("escalated to SEV", "to HIGH"),
# a program ("asked the LLM"), a part of the system ("sent to the API")
_NOT_INITIALS = frozenset(
    {"Sev", "Severity", "Priority", "High", "Critical", "Major", "Incident", "Level"}
    | {"Ai", "Llm", "Gpt", "Api", "Sla", "Slo", "Url", "Http", "Dns", "Cpu", "Ram", "Db"}
)
_NOT_NAMES = frozenset(
    {"The", "This", "That", "It", "We", "They", "Our", "Their", "All", "Everyone"}
    # a severity, not a team: "escalated to Critical", "escalated to Sev 1"
    | {"Sev", "Severity", "Priority", "High", "Critical", "Major", "Incident", "Level"}
    # a search engine or an assistant asked, not a person brought in: "asked Google"
    | {"Google", "Bing", "Copilot", "Claude", "Gemini", "Reddit", "Stack", "Stackoverflow"}
    | _NOT_INITIALS
)


def named_team(text: str, m: re.Match[str], since: int = 0) -> bool:
    """Whether a team the incident went to is named: "the payments team", "the database
    on-call", not "the team", "my team" or "alerted teams" (a "team" with nothing but a
    determiner before it, since the escalation verb at `since`; before a passive verb, also
    "our engineers were engaged"), nor one that did the telling ("was informed by the
    provider")."""
    if since and _BY.compiled.search(text, since, m.start()):
        return False  # "we were informed by the provider": who told us, not whom we told
    if not since and _only_rank(text[: m.start()], m.group(0)):
        return False  # "senior engineers are summoned", "our on-call engineer got paged"
    if not m.group(0).startswith(_UNNAMED if not since else _UNNAMED_TOLD):
        return True
    # the target's own words: "escalated the issue to team members" names no team, its
    # object "the issue" says what went, not to whom
    own = _LAST_TO.compiled.split(text[since : m.start()])[-1]
    before = _FILLER.compiled.sub(" ", own)
    return (
        bool(before.strip()) if since else _DETERMINER.compiled.search(text, 0, m.start()) is None
    )


_BY = Lazy(r"\bby\b")
# words that name nobody by themselves: "our engineers were engaged", "the team was paged",
# "the on-call was paged" (whoever is on call: "the database on-call" says which)
_UNNAMED = ("team", "engineer", "expert", "specialist", "hero", "on-call", "on call", "oncall")
# after a verb, the targets that need words saying which: "the team", "the head", "the
# mailing list", "our on-call engineer" name nobody; "the payments team", "the DC head", "the
# infra-dev mailing list", "the database on-call" do
_UNNAMED_TOLD = ("team", "head", "mailing", "on-call", "on call", "oncall")


def _only_rank(before: str, found: str) -> bool:
    """Whether the party paged before a passive verb (`found`, from the party or from "got
    paged") is told only by words any team has: a rank or a trade ("senior engineers are
    summoned", "engineering team notified", "additional engineers were paged", "our on-call
    engineer got paged"), not a name ("the payments team", "the DBA on-call")."""
    clause = _CLAUSE.compiled.split(before)[-1]
    words = _FILLER.compiled.sub(" ", clause).split()
    if not found.startswith(_UNNAMED):
        words = words if words and _RANK_HEAD.fullmatch(words[-1]) else []
    return bool(words) and all(_RANK.fullmatch(w) or _RANK_HEAD.fullmatch(w) for w in words)


# where the words of the party paged begin: past a time, a dash, a colon, a comma
_CLAUSE = Lazy(r"[^\w\s'’-]|\s-\s|\b\d+\b")
# words any team has: a rank, a number, a trade
_RANK = re.compile(
    r"senior|junior|more|additional|extra|several|few|some|available|relevant|engineering"
    r"|technical|tech|on-?call|oncall|on|call"
)
_RANK_HEAD = re.compile(r"teams?|engineers?|experts?|specialists?|responders?|staff|on-?call")
_LAST_TO = Lazy(r"\b(?:to|with|from)\b")
_DETERMINER = Lazy(r"(?:^|\b(?:the|my|our|a|an|his|her|their|your|whole|entire|same))\W*$")
_FILLER = Lazy(
    r"\b(?:to|with|in|of|on|for|and|the|my|our|a|an|his|her|their|your|whole|entire|same|all"
    r"|relevant|other|respective|appropriate|responsible|it|them|us)\b|\W"
)


def names_person(after: str, verb: str) -> bool:
    """The words after an escalation verb start with a person's name ("contacted Priya",
    "escalated to Lerato"); after "alerted to" come what was seen ("alerted to Redis errors")."""
    m = _NAMED.compiled.match(after)
    if m is None or (m.group("to") and verb.startswith(("alert", "notif", "inform"))):
        return False
    first = m.group("name").split()[0]
    if first.isupper() and not verb:
        return False  # a verb in the present with initials: "calls Google's FCM", a program
    return first not in _NOT_NAMES and first.title() not in _NOT_INITIALS
