"""Source files to lines of text: .txt (UTF-8 or GB18030), saved .html pages, .docx Word files, PDF.

This is the boundary with the outside world: every way a file can fail to be read (missing,
too large, truncated, a zip or entity bomb, an old binary format, a scan) becomes a SourceError
with a message naming the file and what to do, never a library traceback.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..notice import characters, grammar
from .reading import TABLE, Furniture, SourceError, SourceText, read_bytes

__all__ = ["TABLE", "Furniture", "SourceError", "SourceText", "read_bytes", "read_lines", "read_source"]

SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")
OLD_BINARY = (".doc", ".wps", ".et", ".xls", ".ppt")
LINK = "\x01"  # brackets a web page's link text in its lines: boilerplate removes lines that are only links
MAX_TEXT_BYTES = 5_000_000  # a notice as text is 10-100 KB; more is not a notice
MAX_HTML_BYTES = 10_000_000  # a saved page with its inline scripts and styles is well under this


def read_lines(path: Path) -> list[str]:
    return read_source(path).lines


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
        raise SourceError(f"{path}: 文件不存在 no such file")
    if suffix in OLD_BINARY:
        raise SourceError(
            f"{path}: 旧版 {suffix} 格式无法读取，请另存为 .docx：{suffix} is an old binary office format that cannot be read; open it in Word or WPS and "
            "choose 文件 > 另存为 > Word 文档 (*.docx), then import the .docx"
        )
    if suffix not in SUPPORTED:
        raise SourceError(
            f"{path}: 不支持这种文件 cannot import {suffix or 'files without an extension'}; "
            "save the notice as .txt, .html, .docx or .pdf first"
        )
    if suffix == ".docx":
        from .word import docx_source

        return docx_source(path)
    if suffix == ".pdf":
        from .pdf import pdf_source

        return pdf_source(path)
    limit = MAX_HTML_BYTES if suffix in (".html", ".htm") else MAX_TEXT_BYTES
    text = decode(read_bytes(path, limit), path)
    if suffix in (".html", ".htm"):
        return SourceText(html_lines(text))
    return SourceText(text.split("\n"))


def decode(raw: bytes, path: Path) -> str:
    encoding = grammar.detect_encoding(raw)
    if encoding is None:
        raise SourceError(
            f"{path}: 文字编码无法识别，请另存为 UTF-8 the text is neither UTF-8 nor GB18030; open it in an editor and save it as UTF-8"
        )
    return grammar.decode(raw, encoding)


BLOCKS = frozenset("p div li tr h1 h2 h3 h4 h5 h6 br section article table header footer dd dt blockquote pre".split())
SPACES = re.compile(r"[ \t\u00a0]+")
CELLS = frozenset({"td", "th"})
HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})


class _PageText(HTMLParser):
    """Visible text of a page in one pass (linear in the page's size, however deep it nests)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":
            self.hidden = 0  # a page whose <head> is never closed still shows its body
        if tag in HIDDEN:
            self.hidden += 1
        elif tag == "a":
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
        elif tag == "a":
            self.parts.append(LINK)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_lines(text: str) -> list[str]:
    """Visible text of a saved page, one line per block element; scripts, styles and <head> dropped.

    Link text is bracketed with LINK so that navigation (a line of links and nothing else)
    can be told from the article; boilerplate.strip_chrome removes the brackets.
    """
    page = _PageText()
    page.feed(text)
    page.close()
    lines = "".join(page.parts).split("\n")
    return [SPACES.sub(" ", line).strip() for line in lines]
