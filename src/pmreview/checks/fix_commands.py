"""The fix told as the commands run: a fenced block in the resolution section whose lines are
shell commands that change something ("sudo ufw allow 80/tcp", "kubectl rollout undo
deployment/api", "sed -i … /etc/nginx/nginx.conf", output redirected into a file). The parser
keeps no block for a fence (code is not the author's account), so the lines are read from the
source; a log, a config, or commands that only look ("systemctl status", "nginx -t") are no
fix."""

from __future__ import annotations

import re

from ..models import Block, Document, Section
from . import semantics as sem
from .semantics import Evidence

_FENCE = re.compile(r"^\s*(```|~~~)")
_PROMPT = re.compile(r"^\s*(?:[$#>]\s+|\w+@[\w.-]+:\S*[$#]\s+)?")
# a command line: a word that names a program, then arguments (not "key value;" nor a log line)
_COMMAND = re.compile(r"^(?:sudo\s+)?[a-z][\w.-]*(?:\s+[^\s;{}]+)+\s*$")
_LOG = re.compile(r"^\d|^\[|^\{|\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|FATAL)\b")
# what changes something: a subcommand or flag that alters state, or output written to a file
_CHANGES = re.compile(
    r"(?:^|\s)(?:allow|deny|delete|del|rm|mv|cp|ln|chmod|chown|install|uninstall|remove|purge"
    r"|restart|reload|start|enable|disable|apply|set|scale|undo|rollback|revert|kill|pkill"
    r"|truncate|renew|import|-importcert|create|drop|alter|grant|revoke|flush|reset|patch"
    r"|upgrade|downgrade|pin|push|up|-i|--force-recreate|tee)(?=\s|$)"
    r"|\s>>?\s*\S"
)


def fix_in_code(doc: Document, secs: list[Section]) -> Evidence | None:
    """The first command line in a fence of a resolution section (not one that is also the
    root cause: a command there may be how it broke) that changes something."""
    lines = doc.source.lines
    for sec in secs:
        if sec.has("root_cause"):
            continue
        inside = False
        # up to the next section's title (a fence after the last block is not in end_line)
        end = min((s.line - 1 for s in doc.sections if s.line > sec.line), default=len(lines))
        for n in range(sec.line, end):
            text = lines[n]
            if _FENCE.match(text):
                inside = not inside
                continue
            if inside and _changes(text):
                block = Block("paragraph", n + 1, n + 1, text)
                return sem.evidence(block, 0, len(text))
    return None


def _changes(line: str) -> bool:
    command = _PROMPT.sub("", line, count=1).strip()
    return bool(_COMMAND.match(command) and not _LOG.search(command) and _CHANGES.search(command))
