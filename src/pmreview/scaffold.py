"""`pmreview init`: a postmortem template for a profile, to be filled in and reviewed.

Templates are Markdown files with guidance in HTML comments (which pmreview and Markdown
viewers skip) and `[insert …]` / `XX:XX` placeholders where the content goes, so reviewing an
unfilled template reports exactly what is left to fill (PM801 and the missing elements).
A custom profile names its template with `"x-template": "relative/path.md"`.
"""

from __future__ import annotations

import json
from pathlib import Path

from .checks.profile import builtin_profiles
from .errors import UsageError

DEFAULT_NAME = "postmortem.md"


def template(profile: str) -> str:
    """The template text of a built-in profile (by name) or of a profile file with
    `x-template`."""
    if profile in builtin_profiles():
        path = Path(__file__).resolve().parent / "templates" / f"{profile}.md"
    else:
        path = _custom(profile)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the template: {exc.__class__.__name__}") from None


def _custom(profile: str) -> Path:
    from .checks.profile import load

    load(profile)  # a clear error for an unknown profile or a broken file
    schema = json.loads(Path(profile).read_text(encoding="utf-8"))
    name = schema.get("x-template")
    if not isinstance(name, str) or not name:
        raise UsageError(
            f'profile {profile!r} has no template: add "x-template": "path/to/template.md" '
            f"to it (relative to the profile), or use --profile {' or '.join(builtin_profiles())}"
        )
    return (Path(profile).parent / name).resolve()


def target(path: str | None) -> Path:
    """Where to write: PATH, PATH/postmortem.md for a folder, ./postmortem.md by default."""
    out = Path(path or DEFAULT_NAME)
    return out / DEFAULT_NAME if out.is_dir() else out


def write(path: str | None, profile: str, force: bool = False) -> Path:
    """Write the template; refuse to overwrite an existing file unless `force`."""
    text = template(profile)
    out = target(path)
    if out.exists() and not force:
        raise UsageError(f"{out} already exists; pass --force to overwrite it")
    if not out.parent.is_dir():
        raise UsageError(f"{out.parent}: no such folder")
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{out}: cannot write: {exc.strerror or exc}") from None
    return out
