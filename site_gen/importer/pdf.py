"""PDF attachments with a text layer to lines, with page furniture removed and paragraphs re-joined.

PDFium gives one line per printed line. A notice's page header (the publisher's name), footer and
page numbers (- 3 -, 第3页 共5页) repeat on every page and are removed and reported; a paragraph
wrapped over printed lines, also across a page break, is joined again. A scan has no text layer
and no OCR is attempted: the clerk is told so.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..notice import grammar
from .reading import Furniture, SourceError, SourceText, read_bytes

MAX_PDF_BYTES = 50_000_000
MAX_PAGES = 300
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$"
)
SENTENCE_END = tuple("。！？；：:;!?”」』）)")
EDGE = 2  # lines at the top and at the bottom of a page where headers, footers and numbers sit


def pdf_source(path: Path) -> SourceText:
    lines, furniture = strip_furniture(page_lines(path))
    if not lines:  # no text at all, or only page numbers stamped on scanned pages
        raise SourceError(
            f"{path}: 这是扫描件，没有文字层，无法导入 this PDF has no text layer (it is a scan or made of images) and cannot be read without "
            "OCR, which site-gen does not do; import the original Word or text file instead, or type the notice"
        )
    return SourceText(join_wrapped(lines), furniture)


def page_lines(path: Path) -> list[list[str]]:
    """The printed lines of each page, from PDFium's text layer.

    PDFium (pypdfium2) reads a 100-page CJK PDF in about a second where pypdf took 26 s and
    pdfminer.six 36 s (pdfplumber, on pdfminer, 48 s): pypdf re-reads the large CJK fonts' maps on
    every page. It also keeps the printed line order of table rows, as pypdf does.
    """
    import pypdfium2 as pdfium

    raw = read_bytes(path, MAX_PDF_BYTES)
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise SourceError(
                f"{path}: PDF 有密码保护 the PDF is protected by a password; save an unprotected copy and import it"
            ) from exc
        raise SourceError(
            f"{path}: PDF 文件已损坏或不完整 not a readable PDF (damaged or cut short: {exc}); "
            "download the attachment again, or import the original Word file"
        ) from exc
    try:
        if len(document) > MAX_PAGES:
            raise SourceError(f"{path}: 页数过多 {len(document)} pages is more than a notice ({MAX_PAGES} at most)")
        return [printed_lines(document[index]) for index in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise SourceError(
            f"{path}: PDF 文件已损坏或不完整 not a readable PDF (a page cannot be read: {exc}); "
            "download the attachment again, or import the original Word file"
        ) from exc
    finally:
        document.close()


PDFIUM_MARKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # soft hyphens and markers PDFium adds


def printed_lines(page) -> list[str]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
        page.close()
    text = PDFIUM_MARKS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [line.strip() for line in text.split("\n")]


def strip_furniture(pages: list[list[str]]) -> tuple[list[str], list[Furniture]]:
    """Body lines of every page in order; page numbers and lines repeated at the page edges removed."""
    pages = [[line for line in page if line] for page in pages]
    repeated = repeated_edges(pages)
    lines: list[str] = []
    furniture: list[Furniture] = []
    number = 0
    for page_number, page in enumerate(pages, start=1):
        for index, line in enumerate(page):
            number += 1
            at_edge = index < EDGE or index >= len(page) - EDGE
            if at_edge and PAGE_NUMBER.match(line):
                furniture.append(Furniture(number, line, "page number", page_number))
            elif at_edge and shape(line) in repeated:
                furniture.append(Furniture(number, line, "page header or footer", page_number))
            else:
                lines.append(line)
    return lines, furniture


def shape(line: str) -> str:
    """A line with its digits blanked: '第3页' and '第4页' have one shape."""
    return re.sub(r"\d+", "#", line)


def repeated_edges(pages: list[list[str]]) -> set[str]:
    """Shapes found at the top or bottom of at least half the pages (two pages at least)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({shape(line) for line in page[:EDGE] + page[-EDGE:]})
    return {line for line, count in seen.items() if count >= max(2, (len(pages) + 1) // 2)}


def join_wrapped(lines: list[str]) -> list[str]:
    """Join a paragraph wrapped over printed lines: a full-width line that ends mid-sentence continues."""
    if not lines:
        return lines
    full = sorted(len(line) for line in lines)[int(len(lines) * 0.9)]  # the width of a full printed line
    joined = [lines[0]]
    for line in lines[1:]:
        previous = joined[-1]
        continues = (
            len(previous) >= 0.8 * full
            and not previous.endswith(SENTENCE_END)
            and grammar.level_of(line) is None
            and not grammar.SHI.match(line)
            and not grammar.date_value(line)
        )
        if continues:
            joined[-1] = previous + line  # Chinese text: no space at the join (nor inside an e-mail)
        else:
            joined.append(line)
    return joined
