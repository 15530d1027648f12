"""Ledgers as agencies make them, written by the tests (xlsxwriter), and LibreOffice to convert them to .xls/.ods."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
import xlsxwriter

HEADER = ["序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "完成情况", "是否完成"]


def layout_ledger(path: Path) -> Path:
    """Title and 填报单位/日期 above the header, a section row, a problem merged over two measure rows, a subtotal
    row, 填表人/联系电话 below, a date cell without a date format (its serial) and one with."""
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": dt.datetime(2000, 1, 1)})  # the same bytes every time: docs/ holds a copy
    sheet = book.add_worksheet("Sheet1")
    dated = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.merge_range("A1:H1", "某某县水利局巡察整改台账")
    sheet.write("A2", "填报单位：中共某某县水利局党组  填报日期：2025年6月30日")
    sheet.write_row(2, 0, HEADER)
    sheet.merge_range("A4:H4", "一、落实主体责任方面")
    sheet.write_row(3 + 1, 0, [1, "关于台账不全的问题", "建立台账\n每月更新", "办公室", "张三"])
    sheet.write_datetime(4, 5, dt.datetime(2025, 3, 31), dated)
    sheet.write_row(4, 6, ["已完成", "是"])
    sheet.merge_range("A6:A7", 2)
    sheet.merge_range("B6:B7", "关于制度不健全的问题")
    sheet.write_row(5, 2, ["修订制度", "法规科", "李四", "2025年6月底", "正在推进", "否"])
    sheet.write_row(6, 2, ["开展培训", "法规科", "李四", "", "完成一次培训", ""])
    sheet.merge_range("A8:H8", "二、作风建设方面")
    sheet.write_row(8, 0, [3, "关于会议过多的问题", "精简会议", "办公室", "王五", 45838.0, "持续推进", "否"])
    sheet.write_row(9, 0, ["合计", "3项"])
    sheet.write_row(10, 0, ["填表人：赵六", "联系电话：0571-88001234"])
    book.close()
    return path


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.fail("LibreOffice is not installed: run `bash tests/install.sh` (it installs libreoffice-calc-nogui)")
    return path


def convert(path: Path, to: str) -> Path:
    """The same workbook saved by LibreOffice as .xls, .ods or .csv (headless, a profile of its own)."""
    return convert_all([path], to)[0]


def convert_all(paths: list[Path], to: str) -> list[Path]:
    """Workbooks of one folder saved by one LibreOffice run (it starts in seconds, converts in milliseconds)."""
    folder = paths[0].parent
    out = folder / f"converted-{to}"
    out.mkdir(exist_ok=True)
    profile = folder / "lo-profile"
    command = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to]
    subprocess.run([*command, "--outdir", str(out), *map(str, paths)], check=True, capture_output=True, timeout=300)
    return [out / f"{path.stem}.{to.split(':')[0]}" for path in paths]
