"""`site-gen new site DIR`: a new site folder that builds at once.

The files are copied from site_gen/starter/<language>/ (package data, so a pip-installed site-gen has them):
a commented site.yaml, one example notice marked draft: true, an empty templates/ with a note on overriding,
and a .gitignore. Nothing is ever overwritten: a folder that already holds anything is refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..base.cli_text import say

STARTER = Path(__file__).resolve().parents[1] / "starter"
# Stored without its dot: a dotfile inside a package is easy to lose when the package is built.
RENAMED = {"gitignore": ".gitignore"}


class ScaffoldError(Exception):
    """The folder cannot take a new site; the message says why and what to do."""


def new_site(folder: Path, language: str = "zh") -> list[Path]:
    """Create the site in folder (made if missing) and return the files written."""
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(say("site-not-folder", language, dir=folder))
    if folder.is_dir() and any(folder.iterdir()):
        raise ScaffoldError(say("site-not-empty", language, dir=folder))
    source = STARTER / language
    written = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        target = folder / relative.with_name(RENAMED.get(relative.name, relative.name))
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            written.append(target)
    return written
