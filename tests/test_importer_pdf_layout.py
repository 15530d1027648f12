"""site_gen/importer/pdf_layout.py: table rows and headings read from where a PDF's characters are printed.

Lines are made by hand here (text, size, the span each run of text covers), as PDFium reports them; the
PDFs printed by Chromium are in test_importer_pdf.py.
"""

from __future__ import annotations

import pytest

from site_gen.importer import import_file
from site_gen.importer.pdf_layout import Cell, Printed, heading_levels, with_tables
from site_gen.importer.reading import TABLE
from site_gen.importer.sources import read_source
from tests.importer_support import pdf_of, site_config


def row(*cells: tuple[float, float, str], size: float = 14.0) -> Printed:
    """A printed line of runs, each (left, right, text)."""
    return Printed(" ".join(text for _, _, text in cells), size, False, tuple(Cell(*cell) for cell in cells))


def line(text: str, size: float = 14.0, bold: bool = False) -> Printed:
    return Printed(text, size, bold)


HEADER = row((38, 69, "序号"), (94, 124, "问题"), (231, 294, "完成情况"))  # 问题 centred over its column
ROWS = [
    row((39, 45, "1"), (77, 140, "制度修订"), (232, 278, "已完成")),
    row((38, 45, "2"), (77, 139, "人员培训"), (231, 294, "正在推进")),
]


def test_rows_whose_cells_align_in_columns_are_one_table_where_they_stand():
    lines = [line("整改台账如下。"), HEADER, *ROWS, line("每月开展一次专题培训。")]
    out = with_tables(lines)
    assert [item.text for item in out] == [
        "整改台账如下。",
        TABLE + "序号\t问题\t完成情况\n1\t制度修订\t已完成\n2\t人员培训\t正在推进",
        "每月开展一次专题培训。",
    ]


def test_an_empty_cell_stays_empty_in_its_column():
    rows = [HEADER, ROWS[0], row((39, 45, "3"), (231, 279, "已完成"))]
    assert with_tables(rows)[0].text == TABLE + "序号\t问题\t完成情况\n1\t制度修订\t已完成\n3\t\t已完成"


def test_lines_with_a_space_whose_runs_do_not_line_up_stay_lines():
    lines = [
        row((34, 210, "联系电话：0573-5550000"), (216, 400, "传真：0573-5550001。")),
        row((34, 190, "通信地址：示例市滨江路8号"), (196, 330, "邮编：314000。")),
    ]
    assert with_tables(lines) == lines


def test_text_wrapped_at_its_spaces_is_no_table():
    """Pieces of one width (a reviewer list), or a footer wrapped over two lines: one space between pieces on every
    line, however well the pieces happen to line up (positions as PDFium reports them for a printed seed)."""
    reviewers = [
        row((34, 41, "-"), (47, 95, "一审:"), (101, 149, "郑明建")),
        row((34, 41, "-"), (47, 95, "二审:"), (101, 134, "张芳")),
        row((34, 41, "-"), (47, 95, "三审:"), (101, 149, "周忠巨")),
    ]
    footer = [
        row((34.3, 64.7, "地图"), (70.6, 164.2, "系统管理入口"), (171.6, 404.4, "网站技术支持电话:027-60896105"),
            (409.9, 574.2, "地址:鄂州市鄂城区凤凰"), size=21.3),
        row((34.2, 162.7, "街道办明塘路70号"), (168.1, 235.1, "点击总量:"), (242.9, 243.7, "|"), size=21.3),
    ]  # fmt: skip
    assert with_tables(reviewers) == reviewers and with_tables(footer) == footer


def test_a_line_that_bridges_the_columns_ends_the_table():
    prose = row((34, 300, "以上措施已于"), (306, 560, "2025年6月前全部完成，下一步将持续巩固。"))
    out = with_tables([HEADER, *ROWS, prose])
    assert out[0].text.startswith(TABLE) and out[0].text.count("\n") == 2 and out[1] == prose


def test_one_row_is_no_table():
    assert with_tables([HEADER, line("正文。")]) == [HEADER, line("正文。")]


def test_a_heading_takes_the_level_numbered_headings_of_its_size_have():
    lines = [
        line("示例局关于巡察整改进展情况的通报", 22),
        line("正文第一段，说明巡察和反馈的情况。" * 3),
        line("一、巡察反馈问题整改情况", 18),
        line("关于青年干部培养不足的问题", 16),  # no number: the size below 一、's
        line("整改进度：整改完成"),
        line("下一步工作打算", 18),  # no number, the size of 一、
        line("持续巩固整改成果。" * 4),
    ]
    assert heading_levels(lines) == {1: 0, 4: 1, 6: 0}


def test_without_numbered_headings_levels_count_from_the_largest_size_below_the_title():
    lines = [
        line("示例局关于巡察整改进展情况的通报", 22),
        line("正文第一段。" * 8),
        line("巡察反馈问题整改情况", 18),
        line("关于青年干部培养不足的问题", 16),
        line("整改进度：整改完成" * 3),
    ]
    assert heading_levels(lines) == {1: 0, 3: 0, 4: 1}


def test_a_paragraph_set_large_or_small_print_is_no_heading():
    lines = [
        line("正文。" * 30),
        line("特别提示：" + "本段文字以较大字号排印，用于强调，但它是一段完整的正文而不是标题。" * 3, 18),
        line("注：本表数据截至2025年11月。", 10),
    ]
    assert heading_levels(lines) == {}


@pytest.fixture(scope="module")
def config():
    return site_config()


def test_headings_in_a_bold_font_at_the_body_size_are_the_issues(tmp_path, config):
    """A PDF whose font names say Bold (Song-Bold), as Word's export writes them: the issues carry no number
    and are set bold at the body's size, below a numbered part heading set larger."""
    page = [
        ("示例县林业局党组关于巡察整改进展情况的通报", 16),
        "县委第三巡察组于2025年3月至5月对局党组开展巡察，6月反馈了意见，现将整改情况通报如下。",
        ("一、巡察反馈问题整改情况", 14, "bold"),
        ("关于护林员管理不规范的问题", 12, "bold"),
        "整改进度：整改完成",
        "重新核定护林员名单。",
        ("关于林地审批把关不严的问题", 12, "bold"),
        "整改进度：正在整改",
        "逐宗复核审批档案。",
        "中共示例县林业局党组",
        "2025年10月8日",
    ]
    path = pdf_of([page], tmp_path / "bold.pdf")
    assert read_source(path).levels == {1: 0, 4: 1, 7: 1}
    result = import_file(path, config)
    assert [(issue.title, issue.status.value) for issue in result.notice.issues] == [
        ("关于护林员管理不规范的问题", "done"),
        ("关于林地审批把关不严的问题", "in_progress"),
    ]
    assert [section.title for section in result.notice.sections] == ["一、巡察反馈问题整改情况"]
    assert result.front["date"] == "2025-10-08"


def test_a_table_broken_by_a_page_is_one_table_its_repeated_header_once():
    from site_gen.importer.pdf_layout import across_pages

    one = with_tables([line("整改台账如下。"), HEADER, ROWS[0]])
    two = with_tables([HEADER, ROWS[1], line("以上。")])
    assert [item.text for item in across_pages([one, two])] == [
        "整改台账如下。",
        TABLE + "序号\t问题\t完成情况\n1\t制度修订\t已完成\n2\t人员培训\t正在推进",
        "以上。",
    ]
    other = with_tables([row((34, 60, "项目"), (100, 130, "数量")), row((34, 90, "巡查次数"), (100, 110, "12"))])
    assert len(across_pages([one, other])) == 3  # two columns, not three: another table
