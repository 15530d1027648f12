"""A lean .xlsx writer for ledgers: one sheet of text and date cells, with what a ledger's reader needs.

A build writes a ledger for every notice, series, organisation and the site: at 5,000 notices, a general writer's
10-30 ms per workbook (xlsxwriter's) would add minutes to a first build. A ledger needs little of Office Open XML:
one sheet, a header row (bold, shaded, frozen, with an autofilter), inline strings, wrapped text, real date cells
and column widths. So this module writes those fixed parts itself, in about a millisecond per notice. The bytes
depend on the rows alone: fixed document properties, fixed zip time stamps and attributes, the parts in one order.

A site's ledger holds every notice's rows, and one notice's edit must not make it again from every record. So
rows are written as self-contained pieces of the sheet (`pack`): no shared-strings table (a cell holds its own
text, t="inlineStr") and no cell references (ECMA-376 makes `r` on <row> and <c> optional: a row follows the one
before, a cell the one before it), deflated on their own. A workbook is then the pieces joined: their deflate data
concatenated (each ends on a byte boundary, none is final) and their CRC-32s combined by arithmetic, so the rows
of unchanged notices are neither written nor compressed again. Excel, LibreOffice, openpyxl and calamine read it.

Cells are `str` (text, wrapped) or `datetime.date` (a date serial shown as yyyy-mm-dd).
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (the 1900 system, its phantom 29 February included)
_STAMP = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest: no build time inside the file
_HEADER, _TEXT, _DATE = 1, 2, 3  # the cell styles (cellXfs) below
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# XML 1.0 cannot hold these: Excel writes them as _xHHHH_, and a literal "_xHHHH_" has its "_" written so
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")

_CONTENT_TYPES = (
    _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    _XML + f'<Relationships xmlns="{_PACKAGE}">'
    f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{_PACKAGE}/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_RELS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_BOOK_RELS = (
    _XML + f'<Relationships xmlns="{_PACKAGE}">'
    f'<Relationship Id="rId1" Type="{_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_APP = (
    _XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>site-gen</Application></Properties>"
)
_STYLES = (  # 0 the default, 1 the header (bold, shaded, wrapped), 2 wrapped text, 3 a date; all aligned to the top
    _XML + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">'
    '<alignment vertical="top"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)

Cell = str | dt.date


class Packed(NamedTuple):
    """A piece of a zip entry, deflated on its own, that joins with others into one entry (`joined`)."""

    data: bytes  # raw deflate ending on a byte boundary (a sync flush), no final block: pieces concatenate
    crc: int  # CRC-32 of the piece's own bytes
    size: int  # its bytes before deflating
    shift: int  # x^(8 * size) modulo the CRC-32 polynomial: what a CRC before the piece is multiplied by (joined)


def pack(text: str) -> Packed:
    """Text (rows of a sheet, from sheet_rows) as a piece of a zip entry: deflated once, joined many times."""
    data = text.encode("utf-8")
    deflate = zlib.compressobj(1, zlib.DEFLATED, -15)  # the fastest level: 10% larger than 6, in half the time
    packed = deflate.compress(data) + deflate.flush(zlib.Z_SYNC_FLUSH)
    # x^(8n): the CRC register after n zero bytes from x^0, as zlib computes it (in C: 0.01 ms for a notice's rows)
    shift = ~zlib.crc32(bytes(len(data)), 0x7FFFFFFF) & 0xFFFFFFFF
    return Packed(packed, zlib.crc32(data), len(data), shift)


def sheet_rows(rows: Iterable[Sequence[Cell]], style: int = 2) -> str:
    """Rows as <row> elements without references (each follows the one before: see the module's docstring), so
    they can go anywhere in a sheet: an empty cell before a filled one is written <c/>, trailing ones not at all."""
    out = []
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, dt.date):
                cells.append(f'<c s="{_DATE}"><v>{(value - _EPOCH).days}</v></c>')
            elif value:
                cells.append(f'<c s="{style}" t="inlineStr"><is>{_t(value)}</is></c>')
            else:
                cells.append("<c/>")
        while cells and cells[-1] == "<c/>":
            cells.pop()
        out.append(f"<row>{''.join(cells)}</row>")
    return "".join(out)


def workbook(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], sheet: str, title: str, widths: Sequence[float]
) -> bytes:
    """The .xlsx of one sheet: `headers` as a frozen, filtered first row, then `rows`; `widths` in characters."""
    return joined_workbook(headers, [pack(sheet_rows(rows))], len(rows), sheet, title, widths)


def joined_workbook(
    headers: Sequence[str], pieces: Sequence[Packed], count: int, sheet: str, title: str, widths: Sequence[float]
) -> bytes:
    """The .xlsx of one sheet whose rows are `pieces` (pack(sheet_rows(...))) in order, `count` rows in all: only
    the header, the column widths and the ranges are written here, the rows are joined as they were deflated."""
    letter = column_letters(len(headers) - 1) if headers else "A"
    last = f"{letter}{count + 1}"
    cols = "".join(
        f'<col min="{c}" max="{c}" width="{width:g}" customWidth="1"/>' for c, width in enumerate(widths, start=1)
    )
    head = (
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/>{f"<cols>{cols}</cols>" if cols else ""}'
        f"<sheetData>{sheet_rows([headers], _HEADER)}"
    )
    tail = (
        f'</sheetData><autoFilter ref="A1:{last}"/>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    )
    quoted = "'" + sheet.replace("'", "''") + "'"  # the filter's range, as Excel names it: 'Sheet'!$A$1:$N$9
    filtered = f"{quoted}!$A$1:${letter}${count + 1}"
    book_xml = (
        f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><bookViews><workbookView/></bookViews>'
        f'<sheets><sheet name="{_text(sheet)}" sheetId="1" r:id="rId1"/></sheets>'
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{_text(filtered)}</definedName></definedNames></workbook>"
    )
    core = (
        f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_text(title)}</dc:title><dc:creator>site-gen</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )
    parts = (
        ("[Content_Types].xml", _fixed(_CONTENT_TYPES)),
        ("_rels/.rels", _fixed(_ROOT_RELS)),
        ("docProps/app.xml", _fixed(_APP)),
        ("docProps/core.xml", joined([], tail=core)),
        ("xl/workbook.xml", joined([], tail=book_xml)),
        ("xl/_rels/workbook.xml.rels", _fixed(_BOOK_RELS)),
        ("xl/styles.xml", _fixed(_STYLES)),
        ("xl/worksheets/sheet1.xml", joined(pieces, head, tail)),
    )
    return _zip(parts)


def joined(pieces: Sequence[Packed], head: str = "", tail: str = "") -> Packed:
    """`head`, the pieces and `tail` as one finished deflate stream: the pieces' data as it is, their CRCs combined
    (crc(A + B) = crc(A) * x^(8 * len(B)) + crc(B), zlib's crc32_combine), not computed again from their bytes.
    The head and the tail, a few hundred bytes each, are stored blocks (not worth a compressor's setup, 0.06 ms
    each); the tail's block is the final one, and the CRC runs on over their bytes."""
    first, last = head.encode("utf-8"), tail.encode("utf-8")
    crc = zlib.crc32(first)
    for piece in pieces:
        crc = _crc_times(crc, piece.shift) ^ piece.crc
    data = b"".join([_stored(first, final=False), *(piece.data for piece in pieces), _stored(last, final=True)])
    return Packed(data, zlib.crc32(last, crc), len(first) + sum(piece.size for piece in pieces) + len(last), 0)


def _stored(data: bytes, final: bool) -> bytes:
    """Bytes as deflate's stored blocks (RFC 1951 3.2.4): a header byte, the length and its complement, the bytes."""
    blocks = [data[start : start + 0xFFFF] for start in range(0, len(data), 0xFFFF)] or [b""]
    out = []
    for index, block in enumerate(blocks):
        last = final and index == len(blocks) - 1
        out.append(struct.pack("<BHH", 1 if last else 0, len(block), len(block) ^ 0xFFFF) + block)
    return b"".join(out)


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: a column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _t(text: str) -> str:
    """A string's <t>: spaces at either end kept (xml:space), as Excel writes it."""
    escaped = _text(text)
    if text[:1].isspace() or text[-1:].isspace():
        return f'<t xml:space="preserve">{escaped}</t>'
    return f"<t>{escaped}</t>"


def _text(text: str) -> str:
    if _UNSAFE.search(text):
        text = _UNSAFE.sub(lambda m: "_x005F_" if m[0] == "_" else f"_x{ord(m[0]):04X}_", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _zip(parts: Sequence[tuple[str, Packed]]) -> bytes:
    """A zip of the deflated parts, every entry with the same fixed time stamp and attributes (zipfile's would
    say the machine's system). Written by hand: the fixed parts are deflated once per process, not per ledger."""
    local, central = bytearray(), bytearray()
    for name, entry in parts:
        header = name.encode("ascii")
        fields = (20, 0, 8, 0, 33, entry.crc, len(entry.data), entry.size, len(header))  # deflate, 1980-01-01
        central += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIH", *fields)
        central += struct.pack("<HHHHII", 0, 0, 0, 0, 0, len(local)) + header
        local += struct.pack("<I", 0x04034B50) + struct.pack("<HHHHHIIIH", *fields) + b"\0\0" + header + entry.data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(local), 0)
    return bytes(local + central + end)


@cache
def _fixed(text: str) -> Packed:
    """A part that is the same in every workbook, deflated once per process."""
    data = text.encode("utf-8")
    return Packed(zlib.compress(data, 9, wbits=-15), zlib.crc32(data), len(data), 0)


# --- CRC-32 arithmetic (zlib's crc32_combine): polynomials over GF(2), bit-reflected as the CRC holds them ---

_POLY = 0xEDB88320


def _crc_times(a: int, b: int) -> int:
    """a(x) * b(x) modulo the CRC-32 polynomial (zlib's multmodp)."""
    product, bit = 0, 1 << 31
    while a:
        if a & bit:
            product ^= b
            a ^= bit
        bit >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1
    return product
