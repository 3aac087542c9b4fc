"""Whether a sentence names a change made to a named thing (the fix of resolution.detail):
the change verbs, what a hypothesis, a plan or a failed attempt looks like, and what tells a
cause instead of a fix; shared by the resolution section's reading (checks/fixes.py) and the
timeline entries' (checks/fix_entries.py)."""

from __future__ import annotations

import re

from ..text.lexicon import lexicon
from ..text.prefilter import SPACE_RUN, Lazy, run_end
from . import semantics as sem
from .named_act import named_act
from .proper_names import named_things, tagged

# a sentence that tells what went wrong, not what was changed ("leading to", "by default")
TELLS_CAUSE = Lazy(
    r"\b(?:lead(?:s|ing)? to|led to|result(?:ed|ing)? in|caus(?:ed|ing)|because|due to|by default"
    # a sentence that names itself the cause: "The root cause was a deadlock resulting from an
    # incomplete schema migration"
    r"|(?:root )?cause (?:of (?:the |this )?\w+ )?(?:was|is)|result(?:ed|ing)? from"
    r"|stemm(?:ed|ing) from"
    r"|lacked|was (?:not|never) \w+ed|did(?:n[\'’]t| not)"
    # "failed" as what happened, not as the word for a broken thing ("from failed host bkk04",
    # "replaced the failed disk")
    r"|(?<!as )(?<!from )(?<!the )(?<!a )(?<!each )(?<!every )failed(?! ?over)"
    r"|rais(?:ed|ing|es) (?:an? |the )?(?:error|exception|alarm|alert|warning))\b"
)


def names_change(sentence: str, low: str, vetoed: bool) -> bool:
    """Whether the sentence names a change made to a named thing. Changes left unnamed
    ("running some certbot commands", "restarting things") name nothing, whatever tool
    they mention."""
    if _UNNAMED_CHANGE.compiled.search(low):
        sentence = _UNNAMED_CHANGE.compiled.sub(" ", low)
        low = sentence
    # and what it names by a proper name ("DockerHub", "PR #1616", a version in a link)
    terms = sem.specific_terms(sentence) | named_things(sentence)
    if _only_applied(low):
        return False
    if not terms and _GENERIC_OBJECT.compiled.search(low):
        # "I updated the config and restarted everything", "fixed it in the DNS panel": what
        # was changed is left unnamed
        low = sentence = _GENERIC_OBJECT.compiled.sub(" ", low)
    if (
        vetoed
        and not any(_IDENTIFIER.search(t) for t in terms)
        and not _ROLLBACK.compiled.search(low)
    ):
        # "adjusted the settings" somewhere, and no value given here, nor a file or name
        # that says which ("the proper '.config' extension", "`max_conns`")
        return False
    if _ROLLED_BACK_TO.compiled.search(low):
        return True  # a thing rolled back to a known state, whatever else the sentence says
    veto = sem.fix_veto("sentence").search(low)
    if not _changes(_unquoted(sentence), low, bool(terms), veto):
        # "reset `replication_factor` to 3", "fixed the typo in wp-settings.php", after a vague
        # phrase what follows it ("the bug was fixed in PR #1616 and backported to …")
        tail = sentence[veto.end() :] if veto else sentence
        return named_act(tail.lower(), bool(sem.specific_terms(tail) | named_things(tail)))
    part = lexicon("system_part").search(_ANY_SERVER.sub(" ", low)) or _PARTS.compiled.search(low)
    return bool(terms or part or tagged(sentence) or _CHANGED_FROM_TO.compiled.search(low))


# a value, or a name as a machine writes it: a file, a path, an identifier
_IDENTIFIER = re.compile(r"\d|[./_]\w")


# a rollback of a thing to a point named ("rolled back prow before the problematic PR",
# "reverted the scheduler to the last good build"): a known state, whatever the thing's name;
# not of the trouble or of "the change" ("reverted the change to fix it")
_ROLLED_BACK_TO = Lazy(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\b(?:roll(?:ed|ing) back|revert(?:ed|ing))\s+"
    r"(?!(?:it|this|that|everything|them|and|or|but|by|in|on|at|after|when|as|with)\b)"
    r"(?!(?:the |our |a )?(?:issue|problem|error|bug|change|changes|fix|mistake)\b)"
    r"(?:(?:the|our) )?[\w.-]+(?: [\w.-]+)? (?:to|before)\b"
    # the same in the passive: "the password was restored back to the value the nodes use"; not
    # a service back to normal
    r"|\b(?:was|were|been) (?:restored|reverted|rolled back|set back) (?:back )?to\b"
    r"(?! (?:normal|service|health|working|operation|full|its normal)\b)"
)


# a change told with what it was and what it became names both ("changed the list software
# from FML to Mailman", "moved the validator from bkk04 to bkk03")
_CHANGED_FROM_TO = Lazy(
    r"\b(?:changed|switched|moved|migrated|upgraded|downgraded|raised|lowered|increased"
    r"|reduced)\b[^.;]{0,60}?\bfrom (?!(?:the |a )?(?:issue|problem|outage|incident)\b)"
    r"[^.;]{1,40}?\bto\b"
)


def _changes(said: str, low: str, named: bool, veto: re.Match[str] | None) -> list[re.Match[str]]:
    """The change words of a sentence that tell a change made: a named file, setting or
    version outweighs the vague words around it; a rollback to a known state is a fix of its
    own beside a vague "increased the memory limit"."""
    return [
        m
        for m in sem.CONCRETE_CHANGE.finditer(said)
        if (named or not _inside(m, veto) or _ROLLBACK.compiled.match(low, m.start()))
        and not _NOT_CHOSEN.compiled.search(low, max(0, m.start() - 40), m.start())
        and not _A_CHANGE.compiled.match(low, max(0, m.start() - 12))
        and not _before_the_fix(low, m.start())
        and not _nothing_corrected(low, m, named)
    ]


# a change made to find or to watch the fault, not to end it: "a ping scan client was deployed
# to pinpoint the peers", "installed tcpdump to capture the traffic", "increased monitoring and
# alerts were implemented", "added a Grafana dashboard for the queue depth"
TO_FIND = Lazy(
    r"\bto (?:(?:help|try to) )?(?:pinpoint|diagnose|investigate|debug|find out|figure out|trace"
    r"|gather|collect|capture|inspect|observe|narrow down|identify)\b"
    r"|\b(?:increas|add|improv|implement|enhanc|introduc|install|set(?:ting)? up|creat)\w*"
    r" (?:(?:more|new|additional|extra|better|some|an?|the) )*(?:[\w-]+ )?"
    r"(?:monitoring|alert(?:s|ing)|logging|observability|dashboards?|tracing|metrics)\b"
    r"|\b(?:monitoring|alert(?:s|ing)|logging|observability|dashboards?|tracing|metrics)"
    r"(?: and (?:\w+ )?(?:monitoring|alert(?:s|ing)|logging|dashboards?|tracing|metrics))?"
    r" (?:was|were|has been|have been) (?:\w+ )?(?:increased|added|improved|implemented|enhanced"
    r"|introduced|installed|set up|created)\b"
)


def _unquoted(sentence: str) -> str:
    """The sentence with the words of its quoted commands blanked (the same length) where a
    word tells what a thing held or did with them ("the crontab had `certbot renew --quiet`",
    "`thumbs.js` called `sharp(buf).resize(320)`"): those verbs are no change made. A command
    run ("ran `certbot renew`", "with `--deploy-hook`"), a thing pinned ("pinned `redis` to
    7.2.4"), listed ("by hand: `git checkout v1.4`, `systemctl restart app`") or standing alone
    keeps its words."""
    if "`" not in sentence:
        return sentence
    return _CODE.sub(
        lambda m: (
            m.group(0)
            if _RUN_BEFORE.compiled.search(sentence, 0, m.start())
            else "`" + " " * (len(m.group(0)) - 2) + "`"
        ),
        sentence,
    )


def _nothing_corrected(low: str, m: re.Match[str], named: bool) -> bool:
    """A correction of the trouble itself ("the problem was corrected", "we corrected the
    issue"), or, where the sentence names nothing, of a thing named only by its kind
    ("Configuration corrected", "corrected code deployed"): no thing changed is named, as in
    "it was fixed"; "… was corrected by updating the vhost file with Puppet" says how)."""
    if not m.group().lower().startswith("correct") or _how_follows(low, m.end()):
        return False
    before = low[max(0, m.start() - 50) : m.start()]
    return bool(
        _TROUBLE_BEFORE.compiled.search(before)
        or _TROUBLE_AFTER.compiled.match(low, m.end())
        or not named
        and (_KIND_BEFORE.compiled.search(before) or _KIND_AFTER.compiled.match(low, m.end()))
    )


_TROUBLE = (
    r"(?:it|this|that|everything|all|(?:the|this|that|an?|our) (?:[\w-]+ )?(?:issues?|problems?"
    r"|bugs?|errors?|glitch(?:es)?|outages?|incidents?|mistakes?|faults?|situation)"
    # the trouble named by its kind only: "corrected (the) load balancer misconfiguration"
    r"|(?:(?:the|this|that|an?|our) )?(?:[\w-]+ ){0,2}?mis-?configurations?"
    # or a thing named by what was wrong with it: "corrected the misconfigured firewall rule"
    r"|(?:the|this|that|an?|our) (?:mis-?configured|faulty|incorrect|wrong|broken|bad|erroneous"
    r"|problematic|offending) (?:[\w-]+ ){0,2}?[\w-]+)"
)
_KIND = r"(?:config(?:uration)?s?|settings?|code|files?|things|stuff)"
_TROUBLE_BEFORE = Lazy(
    rf"\b{_TROUBLE}\s+(?:was|were|has been|have been|had been|is|are|got)\s+(?:\w+ )?$"
)
_KIND_BEFORE = Lazy(
    rf"\b{_KIND}\s+(?:(?:was|were|has been|have been|had been|is|are|got)\s+)?(?:\w+ )?$"
)
_KIND_AFTER = Lazy(rf"(?<!\s)\s++(?:(?:the|my|our|all the|all|some) )?{_KIND}\b")
_TROUBLE_AFTER = Lazy(rf"(?<!\s)\s++{_TROUBLE}\b")


def _before_the_fix(low: str, at: int) -> bool:
    """A change told as the story before the incident, in the past perfect ("the variable I
    had deleted", "which had been upgraded the weekend before"; not "by 10:40 we had rolled
    back"), or denied ("nothing was renewed", "nobody rebuilt the file")."""
    before = low[max(0, at - 30) : at]
    if _DENIED_CHANGE.compiled.search(before):
        return True
    return bool(_PERFECT.compiled.search(before)) and not _BY_THEN.compiled.search(low, 0, at)


_CODE = re.compile(r"`[^`\n]+`")
_RUN_BEFORE = Lazy(
    r"(?:^[\W\d]*|[:,;(]\s*|&&\s*|`\s+(?:and|then|&&)\s+"
    r"|\b(?:ran|run|runs|running|execut\w*|typed|issued|invoked|entered|with|pin(?:s|ned|ning)?)"
    r"\s+(?:\S+\s+){0,2})$",
    re.IGNORECASE,
)
_PERFECT = Lazy(r"(?:\bhad|['’]d)\s+(?:been\s+)?(?:(?:\w+ly|also|just|already)\s+)?$")
_BY_THEN = Lazy(
    r"\bby (?:the time|then|that (?:point|time)|\d|noon|midnight|morning|evening|lunch)"
    r"|\bonce\b|\b(?:after|when) (?:we|i|they|the team) had\b"
)
_DENIED_CHANGE = Lazy(r"\b(?:nothing|nobody|no one|never|not)\b(?:\W+\w+){0,2}\W*$")


# "some certbot commands", "a few tweaks to the config", "restarting things"
_UNNAMED_CHANGE = Lazy(
    r"\b(?:some|a few|various|several|a couple of)(?: [\w-]+)? (?:commands?|changes|tweaks|fixes"
    r"|steps|things|stuff)\b(?: (?:to|on|in) (?:the |our )?[\w-]+)?|\b[a-z]+ing things\b"
)


# a change to a thing named only by its kind: "updated the config", "restarted everything",
# "fixed it", "changed the settings" (with no file, setting, value or version in the sentence)
_GENERIC_OBJECT = Lazy(
    r"\b(?:restart\w*|reboot\w*|updat\w*|chang\w*|fix(?:ed|ing)?|tweak\w*|adjust\w*|edit\w*"
    r"|modif\w*) (?:it\b|(?:the |my |our |all the |all |some )?(?:config(?:uration)?s?|settings?"
    r"|everything|things|stuff|code|files?|servers?)\b)"
)


def _only_applied(low: str) -> bool:
    """An unnamed change and a restart that only applies it ("fixed the config and restarted
    nginx", "updated the settings and reloaded haproxy"): what was changed is left unnamed."""
    unnamed = [m for m in _GENERIC_OBJECT.compiled.finditer(low) if not _APPLY.match(m.group())]
    if not unnamed:
        return False
    rest = _GENERIC_OBJECT.compiled.sub(" ", low)
    changes = [m.group() for m in sem.CONCRETE_CHANGE.finditer(rest)]
    return all(_APPLY.match(c) for c in changes)


# what applies a change made elsewhere, or runs it again
_APPLY = re.compile(r"(?:restart|reboot|reload|re-?ran|re-?start)")
# a change weighed and not made: "better to fix it properly than to simply revert the change"
_NOT_CHOSEN = Lazy(r"\b(?:than|instead of|rather than)(?: to)?(?: simply| just)? ")
# the word for a change, named as a thing ("The change had been validated in a canary region",
# "this upgrade was tested"): no change made in this sentence
_A_CHANGE = Lazy(
    r".{0,12}?\b(?:the|a|an|this|that|each|every|any|no)\s+(?:change|upgrade|migration)s?\b"
    r"(?=\s+(?:had|has|have|was|were|is|are)\s+(?:been\s+)?(?:validated|tested|reviewed|approved"
    r"|planned|scheduled|announced|checked|verified)\b)"
)
# parts of a data store that a fix rebuilds or moves ("rebuilt the affected shards"), and the
# outside service a fix moves traffic to ("moved the text messages back to the old supplier")
_PARTS = Lazy(r"\b(?:shards?|replicas?|volumes?|partitions?|suppliers?|providers?|vendors?)\b")


# "restarted the server" names no part: which server, or what on it?
_ANY_SERVER = re.compile(
    r"\b(?:the|our|a|my|its)(?: new| old| main| other| same| backup| second| first)?"
    r"(?: (?:web|app|application|backend|frontend))? servers?\b(?! [\w-]*\d)"
    # nor does a server told as the kind of a restart or a resource ("a quick server restart",
    # "scaled up server resources"), or by its role only ("Application servers restarted")
    r"|\b(?:(?:web|app|application|backend|frontend) )?server "
    r"(?=(?:restarts?|reboots?|resources?|capacity|power)\b)"
    r"|^[^\w*]*+(?:\*\*[^*]*+\*\*[^\w*]*+)?(?:web|app|application|backend|frontend) servers?\b"
    r"(?! [\w-]*\d)"
)


def _inside(m: re.Match[str], veto: re.Match[str] | None) -> bool:
    """A change word the vague phrase spoils: within it ("raised the memory limit", no value)
    or beside it ("we whipped it back into shape and restarted…"), but not the change that
    says how it was fixed ("the issue was solved by killing the backup process")."""
    if veto is None:
        return False
    return not (m.start() >= veto.end() and _how_follows(m.string, veto.end()))


def _how_follows(text: str, end: int) -> bool:
    """Whether "by", "with"… (after a comma, spaces aside) follows `end`."""
    return _HOW.compiled.match(text, run_end(SPACE_RUN, text, end)) is not None


_HOW = Lazy(r"(?:,\s*+)?(?:by|through|via|with|after)\b", re.IGNORECASE)


_ROLLBACK = Lazy(
    r"\b(?:roll(?:ed|ing)? ?back|revert(?:ed|ing)?|restor\w* (?:\w+ ){0,3}(?:previous|last|earlier"
    r"|prior|original|known))"
)


# the changes a fix reports as made ("has been disabled", "`maxmemory` raised to 16 GB")
FIX_VERB = (
    r"(?:disabled|removed|revoked|rotated|rolled back|reverted|replaced|upgraded|downgraded"
    r"|patched|deleted|restarted|redeployed|migrated|raised|increased|restored|reinstalled"
    r"|re-?enabled|corrected|saniti[sz]ed|renewed|regenerated|reissued|switched back|purged"
    r"|re-?created|flushed|truncated|paused|capped|throttled|killed|cleared|blocked"
    r"|switched (?:back|over|off|to)|turned off|shut down|scaled (?:up|out|down|back)|set"
    # a volume grown, a resource given more ("bumped the droplet's RAM from 512 MB to 1 GB"), a job
    # run again by hand ("batch B was triggered manually")
    r"|expanded|resized|bumped(?: up)?|reloaded|re-?ran|re-?run|re-?triggered"
    r"|triggered (?:manually|by hand)"
    # a thing put back where it was taken from: "added `DATABASE_URL=…` back to the .env file"
    r"|(?:re-?added|added|put)\b(?:`[^`\n]*+`|[^.;`]){0,60}?\bback (?:in|into|to|on)\b"
    # a change told with what it was and what it became: "changed the mail software from FML
    # to Mailman"
    r"|changed\b[^.;]{0,60}?\bfrom\b[^.;]{1,40}?\bto\b)"
)
