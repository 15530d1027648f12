"""site-gen import of ledgers (整改台账): layouts agencies use, every cell accounted for, bad files refused clearly."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from site_gen.commands.cli import main
from site_gen.importer.ledger import import_ledger
from site_gen.importer.reading import SourceError
from site_gen.importer.report import report
from site_gen.notice.config import SiteConfig, load_config
from site_gen.notice.model import Status
from tests.ledger_support import convert, layout_ledger


@pytest.fixture
def config(tmp_path) -> SiteConfig:
    return SiteConfig(tmp_path)


def issues_of(result):
    return [(i.title, i.status, i.deadline, i.responsible, i.responsible_person) for i in result.notice.issues]


def test_a_ledger_with_title_sections_merged_problem_subtotal_and_footer(tmp_path, config):
    [result] = import_ledger(layout_ledger(tmp_path / "台账.xlsx"), config)
    notice = result.notice
    assert notice is not None and not [d for d in result.diagnostics if d.severity.value == "error"]
    assert notice.organization == "中共某某县水利局党组" and notice.date == dt.date(2025, 6, 30)
    assert [s.title for s in notice.sections] == ["一、落实主体责任方面", "二、作风建设方面"]
    assert issues_of(result) == [
        ("1. 关于台账不全的问题", Status.DONE, dt.date(2025, 3, 31), "办公室", "张三"),
        ("2. 关于制度不健全的问题", Status.IN_PROGRESS, dt.date(2025, 6, 30), "法规科", "李四"),
        ("3. 关于会议过多的问题", Status.IN_PROGRESS, dt.date(2025, 6, 30), "办公室", "王五"),  # 45838: Excel serial
    ]
    second = notice.issues[1].body_html
    assert "修订制度" in second and "开展培训" in second and "完成一次培训" in second  # both measure rows, one issue
    assert notice.contact.phones == ("0571-88001234",)
    kinds = {removed.kind for removed in result.removed}
    assert kinds == {"subtotal row", "below the table (contact taken)"}
    assert any("非空单元格" in note.in_language("zh") and "个未写入" in note.in_language("zh") for note in result.notes)
    said = report(result, "content/l.md")
    assert "    第 10 行 [小计行]: Sheet1!A10：合计 3项" in said and "问题部分: 整改台账：每行一个问题\n" in said
    assert "[表格下方（联系方式已取出）]" in said and "a ledger" not in said and "row" not in said  # no English
    english = report(result, "content/l.md", "en")
    assert (
        "    line 10 [subtotal row]: Sheet1!A10：合计 3项" in english
        and "problem part: a ledger: one row per" in english
    )


def test_a_two_row_header_a_section_column_merged_down_and_an_unknown_column_kept(tmp_path, config):
    path = tmp_path / "two-rows.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("台账")
    sheet.merge_range("A1:A2", "所属方面")
    sheet.merge_range("B1:B2", "问题描述")
    sheet.merge_range("C1:E1", "整改情况")
    sheet.write_row(1, 2, ["整改措施", "完成时限", "完成情况"])
    sheet.merge_range("F1:F2", "督办意见")
    sheet.merge_range("A3:A4", "党的建设方面")
    sheet.write_row(2, 1, ["关于支部活动少的问题", "制定计划", "长期坚持", "整改完成", "已督办"])
    sheet.write_row(3, 1, ["关于党费收缴不及时的问题", "补缴党费", "2025.5", "整改完成", ""])
    book.close()
    [result] = import_ledger(path, config)
    notice = result.notice
    assert [s.title for s in notice.sections] == ["党的建设方面"]
    first, second = notice.issues
    assert first.long_term and first.deadline is None and second.deadline == dt.date(2025, 5, 31)
    assert "督办意见：已督办" in first.body_html  # no cell dropped: an unknown column stays in the text


def test_sheets_of_one_unit_are_sections_and_sheets_of_two_units_are_two_notices(tmp_path, config):
    path = tmp_path / "sheets.xlsx"
    book = xlsxwriter.Workbook(str(path))
    for name, unit in (("组织建设", "中共甲局党组"), ("作风建设", "中共甲局党组"), ("乙局", "中共乙局党组")):
        sheet = book.add_worksheet(name)
        sheet.write("A1", f"填报单位：{unit}")
        sheet.write_row(1, 0, ["序号", "问题", "整改状态"])
        sheet.write_row(2, 0, [1, f"关于{name}的问题", "整改完成"])
    book.close()
    first, second = import_ledger(path, config)
    assert first.notice.organization == "中共甲局党组" and second.notice.organization == "中共乙局党组"
    assert [s.title for s in first.notice.sections] == ["组织建设", "作风建设"]
    assert first.slug != second.slug
    [only] = import_ledger(path, config, sheet_name="乙局")
    assert only.notice.organization == "中共乙局党组"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_as_excel_wps_and_libreoffice_save_it(tmp_path, config, encoding):
    text = "序号,问题,整改时限,是否完成,完成情况\r\n1,关于公示不及时的问题,2024年底,是,已公示\r\n2,关于档案缺失的问题,2025-03-31,否,正在补齐\r\n"
    path = tmp_path / "台账.csv"
    path.write_bytes(text.encode(encoding))
    [result] = import_ledger(path, config)
    first, second = result.notice.issues
    assert (first.status, first.deadline) == (Status.DONE, dt.date(2024, 12, 31))
    assert (second.status, second.deadline) == (Status.IN_PROGRESS, dt.date(2025, 3, 31))


def test_a_formula_is_read_by_its_cached_value(tmp_path, config):
    path = tmp_path / "formula.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["序号", "问题", "整改状态"])
    sheet.write_formula(1, 0, "=ROW()-1", None, 1)
    sheet.write_row(1, 1, ["关于报表迟报的问题"])
    sheet.write_formula(1, 2, '="整改"&"完成"', None, "整改完成")
    book.close()
    [result] = import_ledger(path, config)
    assert [(i.number, i.status) for i in result.notice.issues] == [("1", Status.DONE)]


def test_a_sites_own_column_header_is_read(tmp_path):
    (tmp_path / "site.yaml").write_text("ledger_columns:\n  problem: [问题简述]\n", encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert problems == [] or all(d.code == "base-url-missing" for d in problems)
    path = tmp_path / "own.csv"
    path.write_text("问题简述,整改状态\n关于值班脱岗的问题,整改完成\n", encoding="utf-8")
    [result] = import_ledger(path, config)
    assert [i.title for i in result.notice.issues] == ["1. 关于值班脱岗的问题"]


@pytest.mark.slow
@pytest.mark.parametrize("to", ["xls", "ods"])
def test_xls_and_ods_saved_by_libreoffice_import_the_same(tmp_path, config, to):
    original = layout_ledger(tmp_path / "台账.xlsx")
    converted = convert(original, to)
    [expected] = import_ledger(original, config)
    [result] = import_ledger(converted, config)
    assert issues_of(result) == issues_of(expected)


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _zip_bomb(size: int) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * size)
    return stream.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("corrupt.xlsx", b"PK\x03\x04 not really a zip", "损坏"),
        ("renamed.xlsx", b"this is a text file\n", "不是"),
        (
            "locked.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600,
            "密码",
        ),
        ("no-header.csv", "姓名,年龄\n张三,30\n".encode(), "表头"),
        ("page.html.xls", b"<html><body><p>no table here</p></body></html>", "没有表格"),
    ],
)
def test_bad_workbooks_are_a_clear_message_naming_the_file(tmp_path, config, name, data, says):
    with pytest.raises(SourceError) as caught:
        import_ledger(_bad(tmp_path, name, data), config)
    assert name in str(caught.value) and says in str(caught.value)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, config):
    """By its sheet's ratio: 20 MB of one byte, a thousand times its compressed size."""
    with pytest.raises(SourceError, match="sheet1.xml 解压后有 20 MB，是压缩后的 [0-9]+ 倍"):
        import_ledger(_bad(tmp_path, "bomb.xlsx", _zip_bomb(20_000_000)), config)


@pytest.mark.slow  # compressing 300 MB takes seconds
def test_a_workbook_too_big_unpacked_is_refused_before_it_is_unpacked(tmp_path, config):
    with pytest.raises(SourceError, match="表格解压后有 300 MB，超过可导入的 268 MB"):
        import_ledger(_bad(tmp_path, "big.xlsx", _zip_bomb(300_000_000)), config)


def test_an_html_table_saved_as_xls_is_read_as_a_ledger(tmp_path, config):
    html = "<table><tr><th>序号</th><th>问题</th><th>整改状态</th></tr><tr><td>1</td><td>关于巡查不到位的问题</td><td>整改完成</td></tr></table>"
    [result] = import_ledger(_bad(tmp_path, "old-system.xls", html.encode("gb18030")), config)
    assert [(i.title, i.status) for i in result.notice.issues] == [("1. 关于巡查不到位的问题", Status.DONE)]


def test_a_giant_cell_is_left_out_and_named_by_sheet_and_cell(tmp_path, config):
    path = tmp_path / "big-cell.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, ["问题", "整改措施"])
    sheet.write_row(1, 0, ["关于一个问题", "很" * 30_000])
    book.close()
    [result] = import_ledger(path, config)
    assert any("Sheet1!B2" in removed.text for removed in result.removed)
    assert "很很很" not in result.markdown


def test_the_cli_imports_a_ledger_and_check_accepts_what_it_wrote(tmp_path, capsys):
    site = tmp_path / "site"
    assert main(["new", "site", str(site)]) == 0
    layout_ledger(tmp_path / "台账.xlsx")
    assert main(["import", "--site", str(site), str(tmp_path / "台账.xlsx")]) == 0
    written = site / "content" / "taizhang.md"
    assert written.is_file() or any(site.joinpath("content").glob("*.md"))
    capsys.readouterr()
    assert main(["check", "--site", str(site)]) in (0,)
    assert main(["import", "--site", str(site), str(_bad(tmp_path, "bad.xlsx", b"PK\x03\x04 broken"))]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_the_example_ledger_in_docs_is_the_one_the_tests_make_and_imports_cleanly(tmp_path, config):
    """docs/examples/整改台账示例.xlsx is made by our code (tests/ledger_support.py), not copied from anywhere."""
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "整改台账示例.xlsx"
    assert example.read_bytes() == layout_ledger(tmp_path / "again.xlsx").read_bytes()
    [result] = import_ledger(example, config)
    assert len(result.notice.issues) == 3
