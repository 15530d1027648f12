"""What every source reader shares: the error a clerk reads, the lines read, and a size-checked read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..base.cli_text import note


class SourceError(ValueError):
    """A source that cannot be read: the file and a coded message a clerk can act on (base/import_text.py), worded
    when it is shown; str() gives both wordings, as a note's does."""

    def __init__(self, path: Path | str, code: str, **values: object) -> None:
        self.path, self.note = path, note(code, **values)
        super().__init__(str(self))

    def in_language(self, language: str) -> str:
        return f"{self.path}: {self.note.in_language(language)}"

    def __str__(self) -> str:
        return f"{self.path}: {self.note}"


@dataclass(frozen=True)
class Furniture:
    """A line the source format added around the notice (a PDF's page header, footer or number)."""

    line: int
    text: str
    kind: str
    page: int = 0  # the PDF page it was on


TABLE = "\x02"  # starts a line that is a table: rows separated by newlines, cells by tabs


@dataclass
class SourceText:
    lines: list[str]
    furniture: list[Furniture] = field(default_factory=list)
    levels: dict[int, int] = field(default_factory=dict)  # line -> numbering level its format gives (a Word style)
    unit: str = "line"  # what a line number counts: a "line" of text, a Word "paragraph"
    article_end: int | None = None  # a web page: the last line of its article's container


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refused before reading when it is larger than any notice."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise SourceError(path, "source-too-large", size=f"{size / 1e6:.1f}", most=f"{limit / 1e6:.0f}")
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(path, "source-unreadable", reason=exc.strerror or exc) from exc
