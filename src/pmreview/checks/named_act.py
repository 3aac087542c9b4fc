"""A fix told with a verb that changes a thing only when the thing is named: "reset
`replication_factor` to 3", "fixed the typo in wp-settings.php", "backported to … v1.4.7",
"configured ufw to allow port 80", "cordoned `pool-a-wlmp`". With nothing named ("implemented
load balancing", "updated the configuration") or with the trouble as the object ("fixed the
issue", "corrected the misconfiguration") they tell no detail."""

from __future__ import annotations

from ..text.prefilter import Lazy

# the verbs: they act on a thing, but say nothing of what unless the thing is named
_ACT = Lazy(
    r"\b(?:reset(?:ting)?|(?<!the )(?<!a )fix(?:ed|ing)|introduc(?:ed|ing)|implement(?:ed|ing)"
    r"|backport(?:ed|ing)?|appl(?:ied|ying)|updat(?:ed|ing)|re-?configur(?:ed|ing)|configur(?:ed|ing)"
    # a service started again ("started the Apache service", "started `mysqld`"), not a run of
    # work ("started a full sync with a patched build")
    r"|start(?:ed|ing) (?:(?:the|a|an) )?(?:(?=`)|(?:[\w.-]+ ){0,2}?(?:services?|daemons?|servers?"
    r"|process(?:es)?|containers?|pods?|nodes?|instances?|handlers?|workers?|vms?)\b)"
    r"|cordon(?:ed|ing)|drain(?:ed|ing)|disconnect(?:ed|ing)|re-?connect(?:ed|ing)"
    r"|re-?issu(?:ed|ing)|reindex(?:ed|ing)|rebalanc(?:ed|ing)|re-?provision(?:ed|ing)"
    r"|rewr(?:ote|itten|iting)|(?:re)?wrote|(?:re)?generat(?:ed|ing)|rate[- ]limit(?:ed|ing)"
    r"|whitelist(?:ed|ing)|allowlist(?:ed|ing)|filter(?:ed|ing)|shipp(?:ed|ing)"
    r"|deploy(?:ed|ing)|releas(?:ed|ing)|merg(?:ed|ing))\b"
)
# what the verb acts on is the trouble itself: "fixed the issue", "corrected the
# misconfiguration", "applied a fix"
_TROUBLE_OBJECT = Lazy(
    r"(?<!\s)\s++(?:it|this|that|everything"
    r"|(?:(?:the|this|that|an?|our|any|some) )?(?:[\w-]+ ){0,2}?"
    r"(?:issues?|problems?|bugs?|errors?|glitch(?:es)?|outages?|incidents?|mistakes?|faults?"
    r"|misconfigurations?|fix(?:es)?|patch(?:es)?|changes?|solutions?|workarounds?)"
    # or a thing named by its kind only: "updating the Elasticsearch configuration", "fixed
    # the data" (which setting, which records?)
    r"|(?:(?:the|our|its|their|all|some) )?(?:[\w-]+ ){0,2}?(?:config(?:uration)?s?|settings?"
    r"|data|code|files?|parameters?|options?|values?)(?! *(?:file )?[`/(]| *\w+\.\w))\b"
)

# the same, as the subject of a passive: "the configuration was updated", "the issue was fixed"
_TROUBLE_SUBJECT = Lazy(
    r"\b(?:it|this|that|everything|issues?|problems?|bugs?|errors?|glitch(?:es)?|outages?"
    r"|incidents?|mistakes?|faults?|misconfigurations?|config(?:uration)?s?|settings?|data|code"
    r"|files?|parameters?|options?|values?)\s+(?:was|were|is|are|has been|have been|had been|got)"
    r"\s+(?:\w+ly )?$"
)


def named_act(low: str, named: bool) -> bool:
    """Whether a verb of `_ACT` acts, in the sentence, on something other than the trouble,
    where the sentence names a thing (`named`)."""
    if not named:
        return False
    return any(
        not _TROUBLE_OBJECT.compiled.match(low, m.end())
        and not _TROUBLE_SUBJECT.compiled.search(low, max(0, m.start() - 40), m.start())
        for m in _ACT.compiled.finditer(low)
    )
