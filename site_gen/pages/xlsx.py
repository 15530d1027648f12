"""A lean .xlsx writer for ledgers: one sheet of text and date cells, with what a ledger's reader needs.

A build writes a ledger for every notice, series, organisation and the site: at 5,000 notices, a general writer's
10-30 ms per workbook (xlsxwriter's) would add minutes to a first build. A ledger needs little of Office Open XML:
one sheet, a header row (bold, shaded, frozen, with an autofilter), shared strings, wrapped text, real date cells
and column widths. So this module writes those fixed parts itself, in about a millisecond per notice. The bytes
depend on the rows alone: fixed document properties, fixed zip time stamps and attributes, the parts in one order.

Cells are `str` (a shared string, wrapped) or `datetime.date` (a date serial shown as yyyy-mm-dd).
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import zlib
from collections.abc import Sequence
from functools import cache

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
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
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
    f'<Relationship Id="rId3" Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
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


def workbook(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], sheet: str, title: str, widths: Sequence[float]
) -> bytes:
    """The .xlsx of one sheet: `headers` as a frozen, filtered first row, then `rows`; `widths` in characters."""
    strings: dict[str, int] = {}
    letters = [column_letters(c) for c in range(len(headers))]
    last = f"{letters[-1]}{len(rows) + 1}" if letters else "A1"
    sheet_rows = [_row(1, headers, letters, strings, _HEADER)]
    sheet_rows += [_row(r, row, letters, strings, _TEXT) for r, row in enumerate(rows, start=2)]
    cols = "".join(
        f'<col min="{c}" max="{c}" width="{width:g}" customWidth="1"/>' for c, width in enumerate(widths, start=1)
    )
    sheet_xml = (
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/>{f"<cols>{cols}</cols>" if cols else ""}'
        f"<sheetData>{''.join(sheet_rows)}</sheetData>"
        f'<autoFilter ref="A1:{last}"/>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    )
    quoted = "'" + sheet.replace("'", "''") + "'"  # the filter's range, as Excel names it: 'Sheet'!$A$1:$N$9
    filtered = f"{quoted}!$A$1:${letters[-1] if letters else 'A'}${len(rows) + 1}"
    book_xml = (
        f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><bookViews><workbookView/></bookViews>'
        f'<sheets><sheet name="{_text(sheet)}" sheetId="1" r:id="rId1"/></sheets>'
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{_text(filtered)}</definedName></definedNames></workbook>"
    )
    shared = "".join(f"<si>{_t(text)}</si>" for text in strings)
    count = sum(1 for row in (headers, *rows) for value in row if isinstance(value, str) and value)
    strings_xml = f'{_XML}<sst xmlns="{_MAIN}" count="{count}" uniqueCount="{len(strings)}">{shared}</sst>'
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
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _ROOT_RELS),
        ("docProps/app.xml", _APP),
        ("docProps/core.xml", core),
        ("xl/workbook.xml", book_xml),
        ("xl/_rels/workbook.xml.rels", _BOOK_RELS),
        ("xl/styles.xml", _STYLES),
        ("xl/sharedStrings.xml", strings_xml),
        ("xl/worksheets/sheet1.xml", sheet_xml),
    )
    return _zip(parts)


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: a column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _row(number: int, cells: Sequence[Cell], letters: list[str], strings: dict[str, int], style: int) -> str:
    out = []
    for letter, value in zip(letters, cells, strict=False):
        if isinstance(value, dt.date):
            out.append(f'<c r="{letter}{number}" s="{_DATE}"><v>{(value - _EPOCH).days}</v></c>')
        elif value:
            index = strings.setdefault(value, len(strings))
            out.append(f'<c r="{letter}{number}" s="{style}" t="s"><v>{index}</v></c>')
    return f'<row r="{number}">{"".join(out)}</row>'


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


def _zip(parts: Sequence[tuple[str, str]]) -> bytes:
    """A zip of the parts, deflated, every entry with the same fixed time stamp and attributes (zipfile's would
    say the machine's system). Written by hand: the fixed parts are deflated once per process, not per ledger."""
    local, central = bytearray(), bytearray()
    for name, text in parts:
        entry = _fixed(name, text) if text in _FIXED_PARTS else _deflated(name, text)
        header, crc, packed, size = entry
        fields = (20, 0, 8, 0, 33, crc, len(packed), size, len(header))  # version, flags, deflate, 1980-01-01 00:00
        central += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIH", *fields)
        central += struct.pack("<HHHHII", 0, 0, 0, 0, 0, len(local)) + header
        local += struct.pack("<I", 0x04034B50) + struct.pack("<HHHHHIIIH", *fields) + b"\0\0" + header + packed
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(local), 0)
    return bytes(local + central + end)


def _deflated(name: str, text: str) -> tuple[bytes, int, bytes, int]:
    data = text.encode("utf-8")
    packed = zlib.compress(data, 1, wbits=-15)  # the fastest level: 10% larger than 6, in half the time
    return name.encode("ascii"), zlib.crc32(data), packed, len(data)


@cache
def _fixed(name: str, text: str) -> tuple[bytes, int, bytes, int]:
    return _deflated(name, text)


_FIXED_PARTS = {_CONTENT_TYPES, _ROOT_RELS, _APP, _BOOK_RELS, _STYLES}
