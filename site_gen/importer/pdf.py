"""PDF attachments with a text layer to lines, with page furniture removed, tables and headings found
and paragraphs re-joined.

PDFium gives one line per printed line. A notice's page header (the publisher's name), footer and
page numbers (- 3 -, 第3页 共5页) repeat on every page and are removed and reported; a table's rows
become one table line and a heading set larger than the body gets its level (pdf_layout.py, from the
characters' positions, in the same pass); a paragraph wrapped over printed lines, also across a page
break, is joined again. A scan has no text layer and no OCR is attempted: the clerk is told so.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..notice import grammar
from . import pdf_layout as layout
from .pdf_layout import Printed
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
    pages, furniture = strip_furniture(
        [layout.with_tables([line for line in page if line.text]) for page in page_lines(path)]
    )
    if not any(pages):  # no text at all, or only page numbers stamped on scanned pages
        raise SourceError(path, "source-pdf-scan")
    lines = join_wrapped(layout.across_pages(pages))
    return SourceText([line.text for line in lines], furniture, levels=layout.heading_levels(lines))


def page_lines(path: Path) -> list[list[Printed]]:
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
            raise SourceError(path, "source-pdf-password") from exc
        raise SourceError(path, "source-pdf-damaged", detail=exc) from exc
    try:
        if len(document) > MAX_PAGES:
            raise SourceError(path, "source-pdf-too-many-pages", pages=len(document), most=MAX_PAGES)
        return [printed_lines(document[index]) for index in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise SourceError(path, "source-pdf-page-unreadable", detail=exc) from exc
    finally:
        document.close()


def printed_lines(page) -> list[Printed]:
    textpage = page.get_textpage()
    try:
        return layout.page_lines(textpage)
    finally:
        textpage.close()
        page.close()


def strip_furniture(pages: list[list[Printed]]) -> tuple[list[list[Printed]], list[Furniture]]:
    """Each page's body lines; page numbers and lines repeated at the page edges removed.

    Tables are found first: a table's rows at the top or bottom of every page (`12 第12项措施 已完成`) have
    one shape with their digits blanked, as page numbers do, and are not the page's furniture."""
    pages = [[line for line in page if line.text] for page in pages]
    repeated = repeated_edges([[line.text for line in page if not line.is_table] for page in pages])
    kept: list[list[Printed]] = []
    furniture: list[Furniture] = []
    number = 0
    for page_number, page in enumerate(pages, start=1):
        kept.append([])
        for index, line in enumerate(page):
            number += 1
            at_edge = (index < EDGE or index >= len(page) - EDGE) and not line.is_table
            if at_edge and PAGE_NUMBER.match(line.text):
                furniture.append(Furniture(number, line.text, "page number", page_number))
            elif at_edge and shape(line.text) in repeated:
                furniture.append(Furniture(number, line.text, "page header or footer", page_number))
            else:
                kept[-1].append(line)
    return kept, furniture


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


def join_wrapped(lines: list[Printed]) -> list[Printed]:
    """Join a paragraph wrapped over printed lines: a full line that ends mid-sentence continues, in the same
    font size and weight (a heading set large stays apart from the body below it; a title set large and
    wrapped is joined). A line is full when it ends at the text's right margin, where the longest tenth of
    the lines end (to within 1.5 times its font size); without positions, when it is nearly as long in
    characters as the longest tenth of the body's lines, scaled by its size."""
    if not lines:
        return lines
    body = layout.body_style(lines)[0]
    widths = sorted(len(line.text) for line in lines if not line.is_table and line.style[0] == body)
    full = widths[int(len(widths) * 0.9)] if widths else 0  # the width of a full printed line of the body
    rights = sorted(line.right for line in lines if not line.is_table and line.right)
    margin = rights[int(len(rights) * 0.9)] if rights else 0.0  # where most full lines end
    joined = [lines[0]]
    for line in lines[1:]:
        previous = joined[-1]
        if previous.right and margin:
            reaches = previous.right >= margin - 1.5 * (previous.size or 12)
        else:
            reaches = len(previous.text) >= 0.8 * full * (body / previous.size if body and previous.size else 1.0)
        continues = (
            reaches
            and not previous.is_table
            and not line.is_table
            and previous.style == line.style
            and not previous.text.endswith(SENTENCE_END)
            and grammar.level_of(line.text) is None
            and not grammar.SHI.match(line.text)
            and not grammar.date_value(line.text)
        )
        if continues:  # Chinese text: no space at the join (nor inside an e-mail)
            joined[-1] = Printed(previous.text + line.text, previous.size, previous.bold, right=line.right)
        else:
            joined.append(line)
    return joined
