"""The lean .xlsx writer (pages/xlsx.py): what it writes reads back cell for cell, and its bytes are fixed."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib

from python_calamine import CalamineWorkbook

from site_gen.pages.xlsx import column_letters, joined, joined_workbook, pack, sheet_rows, workbook

AWKWARD = [
    "a & b < c > d \"quoted\" 'single'",
    "  spaces at both ends  ",
    "line one\nline two\n",
    "_x0041_ is how Excel escapes A: it stays as written",
    "a control character \x01 and a tab\tinside",
    "整改措施：全角标点，中文；𠀀 beyond the BMP, and 🙂",
]


def read_back(data: bytes) -> tuple[list[str], list[list[object]]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return book.sheet_names, book.get_sheet_by_index(0).to_python()


def test_awkward_text_and_dates_read_back_as_written():
    rows = [[text, dt.date(2025, 6, 30)] for text in AWKWARD]
    names, cells = read_back(workbook(["文本", "日期"], rows, "Sheet1", "t", [20, 12]))
    assert names == ["Sheet1"]
    assert cells[0] == ["文本", "日期"]
    assert [row[0] for row in cells[1:]] == AWKWARD
    assert {row[1] for row in cells[1:]} == {dt.date(2025, 6, 30)}


def test_an_empty_cell_stays_empty_and_a_sheet_name_may_hold_a_quote():
    names, cells = read_back(workbook(["a", "b", "c"], [["x", "", "z"]], "O'Brien", "t", [8, 8, 8]))
    assert names == ["O'Brien"] and cells == [["a", "b", "c"], ["x", "", "z"]]


def test_a_header_alone_is_a_workbook():
    assert read_back(workbook(["a"], [], "S", "t", [8]))[1] == [["a"]]


def test_the_sheet_is_frozen_filtered_and_sized_and_the_zip_holds_no_time():
    data = workbook(["a", "b"], [["x", dt.date(2025, 1, 1)]], "S", "标题", [9, 31.5])
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert 'state="frozen"' in sheet and '<autoFilter ref="A1:B2"/>' in sheet
    assert '<col min="2" max="2" width="31.5" customWidth="1"/>' in sheet
    assert "<v>45658</v>" in sheet  # 2025-01-01 as Excel counts days
    assert "<dc:title>标题</dc:title>" in archive.read("docProps/core.xml").decode()
    assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert data == workbook(["a", "b"], [["x", dt.date(2025, 1, 1)]], "S", "标题", [9, 31.5])


def test_columns_are_named_as_excel_names_them():
    assert [column_letters(i) for i in (0, 13, 25, 26, 701, 702)] == ["A", "N", "Z", "AA", "ZZ", "AAA"]


# --- rows written once, joined many times (a site's ledger is its notices' rows joined) ---------------------------


def sheet_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()


def test_rows_packed_apart_and_joined_are_the_workbook_of_all_of_them():
    rows = [[text, dt.date(2025, 6, 30)] for text in AWKWARD] + [["", dt.date(2024, 1, 2)], ["last", ""]]
    pieces = [pack(sheet_rows(rows[:2])), pack(sheet_rows([])), pack(sheet_rows(rows[2:7])), pack(sheet_rows(rows[7:]))]
    joined = joined_workbook(["文本", "日期"], pieces, len(rows), "Sheet1", "t", [20, 12])
    whole = workbook(["文本", "日期"], rows, "Sheet1", "t", [20, 12])
    assert zipfile.ZipFile(io.BytesIO(joined)).testzip() is None  # every entry's CRC-32 is its bytes'
    assert sheet_xml(joined) == sheet_xml(whole)
    assert read_back(joined) == read_back(whole) == (["Sheet1"], [["文本", "日期"], *rows])


def test_combined_crcs_are_zlibs_for_pieces_of_any_size():
    texts = ["", "a", "整改" * 5000, "x" * 65537, "<row/>"]
    for split in range(len(texts)):
        pieces = [pack(text) for text in texts[split:] + texts[:split]]
        data = "".join(texts[split:] + texts[:split]).encode("utf-8")
        entry = joined(pieces)
        assert (entry.crc, entry.size, zlib.decompress(entry.data, -15)) == (zlib.crc32(data), len(data), data)


def test_cells_carry_their_own_text_and_no_reference_and_openpyxl_reads_them():
    import openpyxl

    data = workbook(["a", "b", "c"], [["x", "", "z"], [dt.date(2025, 1, 1), "y", ""]], "S", "t", [8, 8, 8])
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert "sharedStrings" not in " ".join(archive.namelist()) + archive.read("[Content_Types].xml").decode()
    sheet = sheet_xml(data)
    assert ' r="' not in sheet and 't="inlineStr"' in sheet  # self-contained rows: no row numbers, no string table
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [[cell.value for cell in row] for row in book.active.iter_rows()]
    assert cells == [["a", "b", "c"], ["x", None, "z"], [dt.datetime(2025, 1, 1), "y", None]]
    assert book.active.freeze_panes == "A2" and book.active.auto_filter.ref == "A1:C3"
