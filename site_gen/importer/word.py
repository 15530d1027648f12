"""Word .docx files to lines, refusing what would exhaust memory before python-docx sees it.

A .docx is a zip of XML parts. The zip's directory states every part's inflated size, so a
zip bomb (1.5 MB that inflates to 1.5 GB) is refused from the directory alone; Word never
writes a DTD, so a part declaring entities (a "billion laughs" bomb) is refused too.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..base.cli_text import note
from ..notice.grammar import level_of
from .reading import TABLE, SourceError, SourceText, read_bytes
from .word_numbering import Numbering, W

ITEM_LEVEL = 2  # the 1. level: where a Word list's first level sits when its number reads like no other

MAX_DOCX_BYTES = 50_000_000  # the file itself, pictures included
MAX_INFLATED_BYTES = 200_000_000  # all parts inflated; a 300-page report with photos is well under this
MAX_XML_BYTES = 30_000_000  # the XML parts inflated; a long notice's document.xml is 1-2 MB
SAVE_AS = note("source-save-as")


def docx_source(path: Path) -> SourceText:
    """The document in order: one line per paragraph, with Word's own numbering written out, and one line
    per table (a Markdown table once written); heading styles and list levels give the lines' levels."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    check_package(path)
    try:
        document = docx.Document(str(path))
        return read_document(document)
    except (PackageNotFoundError, LxmlError, zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError) as exc:
        raise SourceError(path, "source-docx-damaged", detail=exc, save_as=SAVE_AS) from exc


def read_document(document) -> SourceText:
    from docx.table import Table

    numbering = Numbering.of(numbering_element(document))
    styles = Styles.of(document.styles.element)
    lines: list[str] = []
    depths: dict[int, int] = {}  # line -> heading depth (Heading 1 = 1), from the style or its outline level
    list_levels: dict[int, int] = {}  # line -> list level (ilvl) of a numbered paragraph
    for block in body_blocks(document):
        if isinstance(block, Table):
            lines.append(table_line(block))
            continue
        chain = styles.chain(block._p)
        number, ilvl = paragraph_number(block, chain, numbering)
        text = block.text
        lines.append(number + text if number and text.strip() else text)
        depth = heading_depth(block, chain)
        if depth is not None and text.strip():
            depths[len(lines)] = depth
        elif number and text.strip():
            list_levels[len(lines)] = ilvl
    return SourceText(lines, levels=structure_levels(lines, depths, list_levels), unit="paragraph")


def body_blocks(document):
    """The body's paragraphs and tables in order, as Document.iter_inner_content() gives them, in linear time:
    python-docx 1.2's iter_inner_content() took 0.8 s on 7,000 paragraphs and 8.7 s on 14,000."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document._body
    for element in document.element.body.iterchildren(f"{W}p", f"{W}tbl"):
        yield Paragraph(element, body) if element.tag == f"{W}p" else Table(element, body)


def structure_levels(lines: list[str], depths: dict[int, int], list_levels: dict[int, int]) -> dict[int, int]:
    """The numbering level (0 = 一、 … 3 = (1)) of each heading or list paragraph whose text has no number.

    A number in the text (typed, or Word's written out) says its level itself. Heading depths count
    from the shallowest one used below the first line (a Heading 1 title does not push the rest down);
    a numbered list item whose number reads like no notice level sits at 1. and below.
    """
    unnumbered = {line: depth for line, depth in depths.items() if level_of(lines[line - 1]) is None}
    below_title = [depth for line, depth in unnumbered.items() if line > first_line(lines)] or [1]
    top = min(below_title)
    levels = {line: min(3, max(0, depth - top)) for line, depth in unnumbered.items()}
    for line, ilvl in list_levels.items():
        if level_of(lines[line - 1]) is None:
            levels[line] = min(3, ITEM_LEVEL + ilvl)
    return levels


def first_line(lines: list[str]) -> int:
    return next((number for number, line in enumerate(lines, start=1) if line.strip()), 0)


def numbering_element(document):
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):  # a document with no numbering part
        return None


@dataclass(frozen=True)
class Style:
    name: str
    pPr: object  # its w:pPr element, or None


@dataclass
class Styles:
    """styles.xml read once: python-docx's paragraph.style scans every style per call (26 s on a 1 MB document)."""

    by_id: dict[str, tuple[Style, str]]  # styleId -> (style, the id it is based on)
    default: str  # the default paragraph style's id
    chains: dict[str, list[Style]]

    @classmethod
    def of(cls, element) -> Styles:
        by_id, default = {}, ""
        for style in element.iter(f"{W}style"):
            if style.get(f"{W}type", "paragraph") != "paragraph":
                continue
            style_id = style.get(f"{W}styleId", "")
            name = style.find(f"{W}name")
            based = style.find(f"{W}basedOn")
            by_id[style_id] = (
                Style(name.get(f"{W}val", "") if name is not None else "", style.find(f"{W}pPr")),
                based.get(f"{W}val", "") if based is not None else "",
            )
            if style.get(f"{W}default") in ("1", "true"):
                default = style_id
        return cls(by_id, default, {})

    def chain(self, p) -> list[Style]:
        """The paragraph's style and the styles it is based on (a clerk's 正文标题 based on Heading 2)."""
        pPr = p.find(f"{W}pPr")
        own = pPr.find(f"{W}pStyle") if pPr is not None else None
        style_id = own.get(f"{W}val", "") if own is not None else self.default
        if style_id not in self.chains:
            chain: list[Style] = []
            current = style_id
            while current in self.by_id and len(chain) < 10:
                style, current = self.by_id[current]
                chain.append(style)
            self.chains[style_id] = chain
        return self.chains[style_id]


def paragraph_number(paragraph, chain: list[Style], numbering: Numbering) -> tuple[str, int]:
    """Word's number for this paragraph ("" when it has none) and its list level."""
    found = numbering_properties(paragraph, chain)
    if found is None:
        return "", 0
    num_id, ilvl = found
    return numbering.render(num_id, ilvl), ilvl


def numbering_properties(paragraph, chain: list[Style]) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph's own w:numPr, else from its style's (List Number), None without."""
    num_id, ilvl = None, None
    for pPr in [paragraph._p.pPr] + [style.pPr for style in chain]:
        numPr = pPr.find(f"{W}numPr") if pPr is not None else None
        if numPr is None:
            continue
        if num_id is None and numPr.find(f"{W}numId") is not None:
            num_id = numPr.find(f"{W}numId").get(f"{W}val")
        if ilvl is None and numPr.find(f"{W}ilvl") is not None:
            ilvl = int(numPr.find(f"{W}ilvl").get(f"{W}val", "0"))
    if num_id is None or num_id == "0":  # numId 0: numbering switched off for this paragraph
        return None
    return num_id, ilvl or 0


HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


def heading_depth(paragraph, chain: list[Style]) -> int | None:
    """1 for Heading 1 / 标题 1 or outline level 0 (the paragraph's own, else its style's), … None for body text."""
    own = paragraph._p.pPr
    elements = [own] if own is not None else []
    for style in chain:
        match = HEADING_NAME.match(style.name)
        if match:
            return int(match.group(1))
        if style.pPr is not None:
            elements.append(style.pPr)
    for pPr in elements:
        outline = pPr.find(f"{W}outlineLvl")
        if outline is not None and outline.get(f"{W}val", "9").isdigit() and int(outline.get(f"{W}val")) < 9:
            return int(outline.get(f"{W}val")) + 1
    return None


def table_line(table) -> str:
    """A table as one line: TABLE, then rows of cells separated by tabs (merged cells counted once)."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        rows.append("\t".join(cells))
    return TABLE + "\n".join(rows)


def check_package(path: Path) -> None:
    """Refuse a truncated zip, a zip bomb and entity declarations before any part is parsed."""
    import io

    raw = read_bytes(path, MAX_DOCX_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            parts = package.infolist()
            inflated = sum(part.file_size for part in parts)
            xml = [part for part in parts if part.filename.endswith((".xml", ".rels"))]
            if inflated > MAX_INFLATED_BYTES or sum(part.file_size for part in xml) > MAX_XML_BYTES:
                size, most = f"{inflated / 1e6:,.0f}", f"{MAX_INFLATED_BYTES / 1e6:.0f}"
                raise SourceError(path, "source-docx-bomb", size=size, most=most, save_as=SAVE_AS)
            for part in xml:
                with package.open(part) as stream:
                    head = stream.read(65536)  # the prolog, where a DTD would be
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise SourceError(path, "source-docx-entities", part=part.filename, save_as=SAVE_AS)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        if isinstance(exc, SourceError):
            raise
        raise SourceError(path, "source-docx-cut", detail=exc, save_as=SAVE_AS) from exc
