"""Where the default theme lives: its own module so that finding it does not load Jinja."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # site_gen/


def theme_dir() -> Path:
    """The default theme: inside the installed package, or the repository's templates/."""
    packaged = _PACKAGE / "theme"
    return packaged if packaged.is_dir() else _PACKAGE.parent / "templates"
