"""Spreadsheet files to rows of cells: .xlsx, .xls, .ods (python-calamine), .csv, and an HTML table saved as .xls.

python-calamine (Rust) reads all three workbook formats, gives formulas by their cached value, dates as dates and
merged ranges, in a fraction of openpyxl's time and memory, and reads .xls and .ods, which openpyxl cannot. The file
is recognised by its first bytes, not its name: old systems often save an HTML table or an .xls as ".xlsx". What
would exhaust memory (a zip bomb, a giant cell) is refused or left out with a message naming the file, sheet and cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..notice import grammar
from .reading import SourceError, read_bytes

MAX_UNPACKED = 256 * 1024 * 1024  # what a workbook's zip may unpack to
MAX_RATIO = 200  # a member that unpacks to more than 200 times its packed size (and over 10 MB) is a bomb
MAX_CELL = 20_000  # characters: a longer cell is left out and said so (a ledger cell is a paragraph or two)
MAX_ROWS = 200_000
MAX_FILE = 64 * 1024 * 1024  # a ledger of 100,000 rows is ~10 MB
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and an encrypted .xlsx (an OLE file holding EncryptedPackage)

Cell = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


@dataclass
class Sheet:
    """One sheet's cells, merged ranges filled with their top-left value, and the cells left out (and why)."""

    name: str
    rows: list[list[Cell]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # first row, first col, last row, last col
    left_out: list[str] = field(default_factory=list)
    shadows: set[tuple[int, int]] = field(default_factory=set)  # cells showing a merged range's value: counted once

    def cells_in(self, row: int) -> int:
        """The row's non-empty cells, a merged range counted once (at its top-left cell)."""
        return sum(
            1 for c, value in enumerate(self.rows[row]) if value not in (None, "") and (row, c) not in self.shadows
        )


def cell_name(sheet: str, row: int, column: int) -> str:
    """Sheet1!C7 (row and column from 0), as Excel names a cell."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{sheet}!{letters}{row + 1}"


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of a spreadsheet file; SourceError (naming the file) when it cannot be read."""
    raw = read_bytes(path, MAX_FILE)
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if raw.startswith(_OLE) and b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in raw:
        raise SourceError(path, "source-workbook-password")
    if raw.startswith(b"PK"):
        _refuse_bomb(path, raw)
        return _workbook(path, raw)
    if raw.startswith(_OLE):
        return _workbook(path, raw)
    if head.startswith((b"<!doctype", b"<html", b"<table", b"<?xml", b"<meta")) or b"<table" in raw[:4096].lower():
        return [_html_table(path, raw)]
    if path.suffix.lower() in (".xlsx", ".xls", ".ods", ".xlsm"):
        raise SourceError(path, "source-not-a-workbook")
    return [_csv(path, raw)]


def _refuse_bomb(path: Path, raw: bytes) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except zipfile.BadZipFile as exc:
        raise SourceError(path, "source-workbook-damaged", detail=exc) from None
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise SourceError(path, "source-workbook-bomb", size=total // 1_000_000, most=MAX_UNPACKED // 1_000_000)
    for m in members:
        if m.file_size > 10_000_000 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            size = m.file_size // 1_000_000
            raise SourceError(path, "source-workbook-ratio", part=m.filename, size=size, ratio=ratio, most=MAX_RATIO)


def _workbook(path: Path, raw: bytes) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        sheets = []
        for name in book.sheet_names:
            data = book.get_sheet_by_name(name)
            rows: list[list[Cell]] = []
            for row in data.iter_rows():
                rows.append(list(row))
                if len(rows) > MAX_ROWS:
                    raise SourceError(path, "source-sheet-too-long", sheet=name, most=MAX_ROWS)
            merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (data.merged_cell_ranges or [])]
            sheets.append(_settled(Sheet(name, rows, merged), data.start))
        return sheets
    except SourceError:
        raise
    except Exception as exc:  # noqa: BLE001 - calamine's errors (corrupt, password, unsupported) are one kind to us
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise SourceError(path, "source-workbook-locked") from None
        raise SourceError(path, "source-workbook-unreadable", detail=str(exc)[:120]) from None


def _settled(sheet: Sheet, start: tuple[int, int] | None) -> Sheet:
    """Rows padded to one width, merged ranges filled, giant cells left out (named, with the reason)."""
    first_row, first_col = start or (0, 0)
    width = max((len(row) for row in sheet.rows), default=0)
    sheet.rows = [[None if value == "" else value for value in row] + [None] * (width - len(row)) for row in sheet.rows]
    # calamine's rows begin at the sheet's first used cell; merged ranges count from A1
    sheet.merged = [(r0 - first_row, c0 - first_col, r1 - first_row, c1 - first_col) for r0, c0, r1, c1 in sheet.merged]
    for r0, c0, r1, c1 in sheet.merged:
        if 0 <= r0 < len(sheet.rows) and 0 <= c0 < width:
            value = sheet.rows[r0][c0]
            for r in range(r0, min(r1, len(sheet.rows) - 1) + 1):
                for c in range(c0, min(c1, width - 1) + 1):
                    sheet.rows[r][c] = value
                    if (r, c) != (r0, c0):
                        sheet.shadows.add((r, c))
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL:
                row[c] = None
                where = cell_name(sheet.name, r + first_row, c + first_col)
                sheet.left_out.append(f"{where}：单元格有 {len(value)} 个字符，超过 {MAX_CELL}，未导入，请核对")
    return sheet


def _csv(path: Path, raw: bytes) -> Sheet:
    encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else grammar.detect_encoding(raw) or "utf-8"
    encoding = "gb18030" if encoding == "gb18030" else encoding
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise SourceError(path, "source-csv-encoding") from None
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Cell]] = [list(row) for row in csv.reader(io.StringIO(text), dialect)]
    return _settled(Sheet(path.stem, rows), None)


def _html_table(path: Path, raw: bytes) -> Sheet:
    """An HTML table saved with an Excel name (old systems export so): its first table with the most rows."""
    from bs4 import BeautifulSoup

    encoding = grammar.detect_encoding(raw) or "utf-8"
    soup = BeautifulSoup(raw.decode(encoding, errors="replace"), "html.parser")
    tables = soup.find_all("table")
    if not tables:
        raise SourceError(path, "source-page-without-table")
    table = max(tables, key=lambda t: len(t.find_all("tr")))
    rows: list[list[Cell]] = []
    spans: dict[tuple[int, int], str] = {}  # rowspan cells carried down
    for r, tr in enumerate(table.find_all("tr")):
        row: list[Cell] = []
        c = 0
        for td in tr.find_all(["td", "th"]):
            while (r, c) in spans:
                row.append(spans.pop((r, c)))
                c += 1
            text = td.get_text("\n", strip=True)
            for _ in range(_span(td.get("colspan"))):
                row.append(text)
                for down in range(1, _span(td.get("rowspan"))):
                    spans[(r + down, c)] = text
                c += 1
        while (r, c) in spans:
            row.append(spans.pop((r, c)))
            c += 1
        rows.append(row)
    return _settled(Sheet(path.stem, rows), None)


def _span(value: object) -> int:
    """A colspan or rowspan as a count: 1 when missing or not a number, at most 100 (a hostile page's 10**9)."""
    text = str(value or "1").strip()
    return min(int(text), 100) if text.isdigit() and int(text) > 0 else 1
