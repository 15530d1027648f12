"""Problems found in a site, as values with a location, a stable code and parameters.

Every reader and validator returns Diagnostics instead of raising, so one run
reports every mistake in every file at once, in the form editors understand:
``content/2024/notice.md:12:5: error: unknown status "完成了一半"``. The words are
not stored: they are made from the code and parameters in the site's language
(site_gen/messages.py), so a reworded message is reworded in both languages.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Diagnostic(NamedTuple):
    """One problem. A tuple: a big site's build state keeps thousands, loaded on every build (a tuple loads four
    times faster than a frozen dataclass); they sort by file, line, column."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    params: tuple[tuple[str, str], ...] = ()
    language: str = "en"  # the words it is shown in: not part of its identity

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Diagnostic) and self[:6] == other[:6]

    def __ne__(self, other: object) -> bool:  # a tuple's own != would compare the language too
        return not self == other

    def __hash__(self) -> int:
        return hash(self[:6])

    @property
    def message(self) -> str:
        from .messages import render  # here: a rebuild with nothing to say never loads the tables

        return render(self.code, dict(self.params), self.language)[0]

    @property
    def hint(self) -> str:
        from .messages import render

        return render(self.code, dict(self.params), self.language)[1]

    @property
    def excerpt(self) -> tuple[str, ...]:
        """The offending line and a caret under its column (a YAML error), or nothing: as Jinja and compilers
        show a syntax error. The caret counts a Chinese character as two columns, as terminals show it."""
        params = dict(self.params)
        if "source_line" not in params:
            return ()
        line, column = params["source_line"], int(params.get("caret") or 1)
        width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line[: column - 1])
        return line, " " * width + "^"

    def in_language(self, language: str) -> Diagnostic:
        """The same diagnostic worded for a site in that language (Chinese for zh sites)."""
        return self._replace(language=language)

    def format(self, language: str | None = None) -> str:
        shown = self.in_language(language) if language else self
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.severity}: {shown.message}"
        if self.excerpt:
            text += "\n    " + "\n    ".join(self.excerpt)
        if shown.hint:
            text += f"\n    {'修改建议' if shown.language == 'zh' else 'hint'}: {shown.hint}"
        return text

    def as_json(self) -> dict[str, object]:
        """One problem for editors and pipelines (site-gen check --format json)."""
        return {
            "file": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


def _diagnostic(severity: Severity, path: str, line: int, code: str, column: int, params: dict) -> Diagnostic:
    return Diagnostic(path, line, column, severity, code, tuple((k, str(v)) for k, v in params.items()))


def error(path: str, line: int, code: str, /, column: int = 1, **params: object) -> Diagnostic:
    return _diagnostic(Severity.ERROR, path, line, code, column, params)


def warning(path: str, line: int, code: str, /, column: int = 1, **params: object) -> Diagnostic:
    return _diagnostic(Severity.WARNING, path, line, code, column, params)


def unknown_name(
    path: str, line: int, code: str, name: object, known: Iterable[str], severity: Severity = Severity.WARNING
) -> Diagnostic:
    """An unknown field or setting, with the closest known name as a "did you mean"."""
    known = list(known)
    close = difflib.get_close_matches(str(name), known, n=1)
    params = {"name": name, "suggestion": close[0] if close else "", "known": ", ".join(known)}
    return _diagnostic(severity, path, line, code, 1, params)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def format_report(diagnostics: Iterable[Diagnostic], language: str = "en") -> str:
    """All diagnostics grouped per file, then a summary line."""
    ordered = sorted(d.in_language(language) for d in diagnostics)
    lines: list[str] = []
    current = None
    for diagnostic in ordered:
        if diagnostic.path != current:
            if current is not None:
                lines.append("")
            current = diagnostic.path
        lines.append(diagnostic.format())
    errors = sum(d.severity is Severity.ERROR for d in ordered)
    warnings = len(ordered) - errors
    files = len({d.path for d in ordered})
    from .cli_text import say  # here: a build with nothing to report never loads the tables

    lines.append(say("report-summary", language, errors=errors, warnings=warnings, files=files))
    return "\n".join(lines)
