"""Source files to lines of text: .txt (UTF-8 or GB18030), saved .html pages, .docx Word files."""

from __future__ import annotations

import re
from pathlib import Path

SUPPORTED = (".txt", ".html", ".htm", ".docx")
LINK = "\x01"  # brackets a web page's link text in its lines: boilerplate removes lines that are only links


class SourceError(ValueError):
    """A source that cannot be read, with a message a clerk can act on."""


def read_lines(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    if suffix not in SUPPORTED:
        raise SourceError(
            f"{path}: cannot import {suffix or 'files without an extension'}; "
            "save the notice as .txt, .html or .docx first"
        )
    if suffix == ".docx":
        return docx_lines(path)
    text = decode(path.read_bytes(), path)
    if suffix in (".html", ".htm"):
        return html_lines(text)
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def decode(raw: bytes, path: Path) -> str:
    for codec in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    raise SourceError(f"{path}: the text is neither UTF-8 nor GB18030; open it in an editor and save it as UTF-8")


def docx_lines(path: Path) -> list[str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise SourceError(
            f"{path}: not a readable Word .docx file ({exc}); an old .doc must be saved as .docx first"
        ) from exc
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:  # contact details are sometimes laid out in a table
        for row in table.rows:
            lines.append("  ".join(cell.text.strip() for cell in row.cells))
    return lines


_BLOCKS = (
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "section",
    "article",
    "table",
    "header",
    "footer",
    "dd",
    "dt",
    "blockquote",
    "pre",
)


def html_lines(text: str) -> list[str]:
    """Visible text of a saved page, one line per block element; scripts and styles dropped.

    Link text is bracketed with LINK so that navigation (a line of links and nothing else)
    can be told from the article; boilerplate.strip_chrome removes the brackets.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for hidden in soup(["script", "style", "noscript", "template", "head"]):
        hidden.decompose()
    for link in soup.find_all("a"):  # menus, 上一篇/下一篇, related articles: lines made of links only
        link.insert_before(LINK)
        link.insert_after(LINK)
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = soup.get_text().split("\n")
    return [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in lines]
