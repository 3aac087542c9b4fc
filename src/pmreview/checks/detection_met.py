"""How people tell that they met the failure, read by the timeline's detection
(checks/detection.py): reported or discovered ("detected when…", "got messages from…"), a page
opened that failed ("opened the site and got a 503", "I open the app and it spins forever"),
an attempt to use the service that failed, the failure seen in one's own browser, channels
that lit up, a checking tool or a grader that failed (a call to the service desk is a first
sign, checks/first_sign.py)."""

from __future__ import annotations

from ..text.prefilter import Lazy

# the words "detected"/"discovered" follow when the cause is what was found: "Root cause
# discovered by…", "the culprit was detected by…"
NOT_THE_CAUSE = (
    r"(?<!cause )(?<!causes )(?<!culprit )(?<!cause was )(?<!causes were )(?<!culprit was )"
)
# "the issue was detected when the user…", "discovered after a customer…", "got a message
# from a friend", "opened the site and got a 503 page"
DETECTED = Lazy(
    # (the cause found, later, is no detection: "root cause discovered by deleting the route")
    r"\b" + NOT_THE_CAUSE + r"(?:detected|discovered) (?:when|after|by|via|through|while|from)\b"
    r"|\b(?:got|gets|getting|received|receives|receiving) (?:(?:an?|the|some|several|many|\d+) )?"
    r"(?:(?:first|initial) )?(?:[\w-]+ )?"
    r"(?:messages?|calls?|texts?|e-?mails?|dms?|reports?|complaints?|tickets?|screenshots?)"
    r",? from\b"
    # a page or a path opened in a browser: "opened /posts/1 in my browser and got a 500"
    # (a dot inside an address is no sentence end: "opened `http://web-01.example.tech/` in the
    # browser and got a 502")
    r"|(?:\b(?:opened|opens|visited|visits|loaded|loads|tried to (?:open|load|visit|reach|use))"
    r"|(?:(?<=\bi )|(?<=\bwe ))(?:open|visit|load))\b"
    r"(?:[^.;]|\.(?=\S)){0,60}?"
    r"(?:\b(?:site|page|app|website|url|homepage|domain|shop|store|browser)\b|\s/\w)"
    r"(?:[^.;]|\.(?=\S)){0,40}?"
    r"\b(?:(?:and|but|only to) (?:got|gets|get|saw|sees|see|hit|hits|was greeted)\b"
    # the page failing as it is opened: "opens the app and it spins forever", "loads the shop
    # and it hangs", "opened the booking page and it would not load"
    r"|(?:and|but) (?:it |the (?:page|app|site) )?(?:just )?(?:spins?|spun|hangs?|hung|fails?"
    r"|failed|times out|timed out|crashe[sd]|(?:would|will|wo|does|did)(?:n['’]t| not) load"
    r"|(?:shows?|showed) (?:an? |the )?(?:error|blank|[45]\d\d))\b)"
    # someone meeting the failure as they try to use it: "tries to SSH into web-02 and gets
    # `Connection refused`", "opens `http://todo.local`: 503"
    r"|\b(?:tries|tried|trying) to (?:ssh|log ?in|sign in|connect|deploy|push|pull|open|load|reach"
    r"|access|use|visit|pay|check ?out|book|order|buy)\b[^.;]{0,60}?\b(?:and|but) (?:gets|got"
    r"|sees|saw|hits|hit|receives|received)\b"
    r"|\b(?:opened|opens|visited|visits|loaded|loads|curls|curled) `?https?://[^\s`]++`?:? "
    r"(?:(?:and|but) (?:got|gets|saw|sees) (?:an? )?)?[45]\d\d\b"
    # the failure met in someone's own browser or phone: "the site timed out in my browser"
    r"|\b(?:timed out|timeouts?|errors?|[45]\d\d|blank|fail(?:s|ed)|hung|hangs)\b[^.;]{0,30}?"
    r"\b(?:in|on) (?:my|our|his|her|their) (?:own )?(?:browsers?|phones?|laptops?)\b"
    r"|\b(?:my|our) (?:browsers?|phones?) (?:shows?|showed|gives|gave|returns|returned|displays"
    r"|displayed)\b[^.;]{0,30}?\b(?:timeout|errors?|[45]\d\d|blank)\b"
    # the channels where people tell it: "Discord and Reddit lit up", "the support inbox filled"
    r"|\b(?:discord|reddit|twitter|slack|forums?|inbox(?:es)?|phones?|switchboard|help ?desk"
    r"|social media|mentions|channels?)\b[^.;]{0,20}?\b(?:lit up|light up|lights up|blew up"
    r"|exploded|(?:was |were )?flooded|filled up)\b"
    r"|\b(?:detection|monitoring|alerting|scanners?|alarms?|alerts?|rules?|checks?) flag(?:s|ged)\b"
    # "secret scanning detects the token", "started the build, detected that no agents were
    # allocated", "Priya sees a 502 on every save", "I woke up to 40 e-mails"
    r"|\bdetect(?:s|ed) (?:the|an?|our|its|that)\b"
    # (one word between, not a denial: "saw no errors")
    r"|\b(?:sees|saw|notices|noticed) (?:an? |the )?(?:(?!no\b|any\b|zero\b)[\w-]+ )?"
    r"(?:[45]\d\d|errors?|timeouts?|blank pages?)\b"
    r"|\b(?:woke|wake|wakes|waking) up to\b"
    # a checking tool that showed the failure: "our checker script printed 502", "the canary
    # returns errors", "the smoke test went red" (not "the canary showed no errors")
    r"|\b(?:checker|probes?|canar(?:y|ies)|smoke tests?|synthetic (?:checks?|tests?|monitor\w*)"
    r"|watchdog|curl loop|(?:status|uptime|health) ?checks?)\b[^.;]{0,60}?"
    r"(?:\b(?:print(?:s|ed)|return(?:s|ed)|show(?:s|ed)|report(?:s|ed)|log(?:s|ged)|output(?:s|ted)?"
    r"|gives|gave|got|gets)\b(?:(?!\b(?:no|zero|without|never)\b)[^.;]){0,30}?"
    r"(?:\b[45]\d\d\b|\berrors?\b|\bfail\w*|\btimeouts?\b|\bdown\b)"
    r"|\b(?:went|goes|turned|turns) red\b)"
    # the check itself failing: "my own smoke test fails: `curl …` → 502", "the checker for
    # task 3 fails", "the grader for project 4 failed"
    r"|\b(?:(?:smoke|synthetic|uptime|health) ?(?:tests?|checks?)|checkers?|(?:auto-?)?graders?)\b"
    r"(?: (?:for|of|on) [^.;:]{1,25}?)? (?:fails|failed|is failing|starts failing)\b"
    # the entry that says it is the detection: "That's how I found out."
    r"|\bthat(?:['’]s| is| was) how (?:i|we|they|the team) (?:first )?(?:found out|noticed"
    r"|learned|learnt|heard|knew)\b"
)
