"""Source files to lines of text: .txt (UTF-8 or GB18030), saved .html pages, .docx Word files, PDF.

This is the boundary with the outside world: every way a file can fail to be read (missing,
too large, truncated, a zip or entity bomb, an old binary format, a scan) becomes a SourceError
with a message naming the file and what to do, never a library traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..base.cli_text import note
from ..notice import characters, grammar
from .disclosure import LABEL
from .reading import TABLE, Furniture, SourceError, SourceText, read_bytes

__all__ = ["TABLE", "Furniture", "SourceError", "SourceText", "read_bytes", "read_source"]

SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")
OLD_BINARY = (".doc", ".wps", ".et", ".ppt")  # .xls is a ledger: importer/ledger.py reads it
LINK = "\x01"  # brackets a web page's link text in its lines: boilerplate removes lines that are only links
MAX_TEXT_BYTES = 5_000_000  # a notice as text is 10-100 KB; more is not a notice
MAX_HTML_BYTES = 10_000_000  # a saved page with its inline scripts and styles is well under this
LABEL_CELL = re.compile(rf"^{LABEL.pattern}")  # 索引号： in a cell: a disclosure table, read by disclosure.py


def read_source(path: Path) -> SourceText:
    """The source's lines of text, and the lines its format added (removed, to be reported).

    Look-alike characters (⽉ for 月, from a PDF printed with Noto CJK) are mapped before any
    structure is read: headings, dates and the unit's name are then what they look like.
    """
    source = read_formatted(path)
    source.lines = [characters.normalise(line) for line in source.lines]
    source.furniture = [
        Furniture(item.line, characters.normalise(item.text), item.kind, item.page) for item in source.furniture
    ]
    return source


def read_formatted(path: Path) -> SourceText:
    """The lines as the file's format gives them."""
    suffix = path.suffix.lower()
    if path.is_symlink() and not path.exists() or not path.is_file():
        raise SourceError(path, "source-missing")
    if suffix in OLD_BINARY:
        raise SourceError(path, "source-old-office", suffix=suffix)
    if suffix not in SUPPORTED:
        raise SourceError(path, "source-unsupported", kind=suffix or note("source-no-extension"))
    if suffix == ".docx":
        from .word import docx_source

        return docx_source(path)
    if suffix == ".pdf":
        from .pdf import pdf_source

        return pdf_source(path)
    limit = MAX_HTML_BYTES if suffix in (".html", ".htm") else MAX_TEXT_BYTES
    text = decode(read_bytes(path, limit), path)
    if suffix in (".html", ".htm"):
        return html_source(text)
    return SourceText(text.split("\n"))


def decode(raw: bytes, path: Path) -> str:
    encoding = grammar.detect_encoding(raw)
    if encoding is None:
        raise SourceError(path, "source-encoding")
    return grammar.decode(raw, encoding)


BLOCKS = frozenset("p div li tr h1 h2 h3 h4 h5 h6 br section article table header footer dd dt blockquote pre".split())
SPACES = re.compile(r"[ \t\u00a0]+")
CELLS = frozenset({"td", "th"})
HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})
CONTAINERS = frozenset({"div", "article", "section", "main", "td"})  # may hold the article's text
NOT_ARTICLE = frozenset({"header", "footer", "nav", "aside"})  # never the article, whatever they hold
MAX_CELL = 200  # a data table's cells are short; a longer cell is layout holding paragraphs


@dataclass
class _Table:
    """A <table> being read: its rows of cells, and where its text starts in the page's parts."""

    start: int
    rows: list[list[str]] = field(default_factory=list)
    cell: list[str] | None = None
    nested: bool = False  # a table inside it, or block elements in a cell: layout, not data


@dataclass
class _Element:
    tag: str
    start: int  # index in parts where the element begins
    text: int = 0  # characters of text whose nearest container is this element
    end: int | None = None


class _PageText(HTMLParser):
    """Visible text of a page in one pass (linear in the page's size, however deep it nests).

    It also measures, for every container (div, article, section, main, td), the text it holds
    directly or in its paragraphs: the one holding most is the article, the rest is the portal.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.stack: list[_Element] = []
        self.containers: list[_Element] = []
        self.excluded = 0  # inside header, footer, nav or aside
        self.tables: list[_Table] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":
            self.hidden = 0  # a page whose <head> is never closed still shows its body
        if tag in HIDDEN:
            self.hidden += 1
            return
        if tag in NOT_ARTICLE:
            self.excluded += 1
        if tag in CONTAINERS and not self.excluded:
            element = _Element(tag, len(self.parts))
            self.stack.append(element)
            self.containers.append(element)
        if tag == "table":
            if self.tables:
                self.tables[-1].nested = True
            self.tables.append(_Table(len(self.parts)))
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in CELLS and self.tables:
            self.tables[-1].cell = []
        elif tag in ("p", "div", "ul", "ol") and self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.append(" ")
        if tag == "a":
            self.parts.append(LINK)
        elif tag in BLOCKS:
            self.parts.append("\n")
        elif tag in CELLS:
            self.parts.append(" ")  # 索引号</td><td>11/2024-001: label and value stay apart

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag in NOT_ARTICLE:
            self.excluded = max(0, self.excluded - 1)
        if tag in CELLS and self.tables and (cell := self.tables[-1].cell) is not None:
            table = self.tables[-1]
            if table.rows:
                table.rows[-1].append(" ".join("".join(cell).split()))
            table.cell = None
        if tag == "a":
            self.parts.append(LINK)
        elif tag in BLOCKS:
            self.parts.append("\n")
        if tag == "table" and self.tables:
            self.close_table(self.tables.pop())
        if tag in CONTAINERS:
            for position in range(len(self.stack) - 1, -1, -1):  # the nearest open one of that tag
                if self.stack[position].tag == tag:
                    self.stack[position].end = len(self.parts)
                    del self.stack[position:]
                    break

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        self.parts.append(data)
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.append(data)
        if self.stack and not self.excluded:
            self.stack[-1].text += len(data.strip())

    def close_table(self, table: _Table) -> None:
        """A data table (rows of short cells, none a disclosure label) becomes one TABLE line."""
        rows = [row for row in table.rows if any(row)]
        data = (
            not table.nested
            and len(rows) >= 2
            and max(len(row) for row in rows) >= 2
            and all(len(cell) <= MAX_CELL for row in rows for cell in row)
            and not any(LABEL_CELL.match(cell) for row in rows for cell in row)
        )
        if data:
            cells = ["\t".join(cell.replace("\t", " ").replace(LINK, "") for cell in row) for row in rows]
            self.parts[table.start :] = ["\n", TABLE + "\v".join(cells), "\n"]
        if self.tables:
            self.tables[-1].nested = True

    def article_end(self) -> int | None:
        """The line where the container holding most of the page's text ends (None: no container)."""
        best = max(self.containers, key=lambda element: element.text, default=None)
        if best is None or best.text == 0:
            return None
        end = best.end if best.end is not None else len(self.parts)
        return "".join(self.parts[:end]).count("\n")


def html_source(text: str) -> SourceText:
    """Visible text of a saved page, one line per block element; scripts, styles and <head> dropped.

    Link text is bracketed with LINK so that navigation (a line of links and nothing else)
    can be told from the article; boilerplate.strip_chrome removes the brackets. A data table
    is one TABLE line. The line where the article's container ends is kept: what follows it is
    the portal (related articles, footer), cut once the signature is found inside the article.
    """
    page = _PageText()
    page.feed(text)
    page.close()
    lines = "".join(page.parts).split("\n")
    cleaned = [
        line.strip().replace("\v", "\n") if line.strip().startswith(TABLE) else SPACES.sub(" ", line).strip()
        for line in lines
    ]  # a table's cells are already spaced, and its tabs part them
    return SourceText(cleaned, unit="line", article_end=page.article_end())
