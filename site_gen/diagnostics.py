"""Problems found in a site, as values with a location.

Every reader and validator returns Diagnostics instead of raising, so one run
reports every mistake in every file at once, in the form editors understand:
``content/2024/notice.md:12:5: error: unknown status "完成了一半"``.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str = ""

    def in_language(self, language: str) -> Diagnostic:
        """The same diagnostic worded for a site in that language (Chinese for zh sites)."""
        if language != "zh":
            return self
        from . import messages_zh

        return dataclasses.replace(self, message=messages_zh.message(self.message), hint=messages_zh.hint(self.hint))

    def format(self, language: str = "en") -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    {'修改建议' if language == 'zh' else 'hint'}: {self.hint}"
        return text


def error(path: str, line: int, message: str, hint: str = "", column: int = 1) -> Diagnostic:
    return Diagnostic(path, line, column, Severity.ERROR, message, hint)


def warning(path: str, line: int, message: str, hint: str = "", column: int = 1) -> Diagnostic:
    return Diagnostic(path, line, column, Severity.WARNING, message, hint)


def unknown_name(
    path: str, line: int, what: str, name: object, known, severity: Severity = Severity.WARNING
) -> Diagnostic:
    """An unknown field or setting, with the closest known name as a "did you mean"."""
    known = list(known)
    close = difflib.get_close_matches(str(name), known, n=1)
    hint = f"did you mean {close[0]}?" if close else "known: " + ", ".join(known)
    ignored = " is ignored" if severity is Severity.WARNING else ""
    return Diagnostic(path, line, 1, severity, f'unknown {what} "{name}"{ignored}', hint)


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
        lines.append(diagnostic.format(language))
    errors = sum(d.severity is Severity.ERROR for d in ordered)
    warnings = len(ordered) - errors
    files = len({d.path for d in ordered})
    lines.append(f"{errors} error(s), {warnings} warning(s) in {files} file(s)")
    return "\n".join(lines)
