"""site_gen/importer/pdf.py: notices published as PDF attachments, with a text layer or scanned."""

from __future__ import annotations

import pytest

from site_gen.importer import import_file
from site_gen.importer.sources import SourceError, read_source
from tests.importer_support import pdf_of, site_config

HEADER = "示例县人力资源和社会保障局"
PAGE_ONE = [
    HEADER,
    "中共示例县人力资源和社会保障局党组关于县委第六轮巡察整改进展情况的通报",
    "县委第二巡察组于2024年4月1日至5月20日对局党组开展巡察，6月18日反馈了巡察意见，现将整",
    "改进展情况通报如下。",
    "一、反馈问题整改情况",
    "（一）关于就业补贴发放审核把关不严的问题。",
    "整改进度：整改完成",
    "对2022年以来发放的就业补贴逐笔复核，追回不符合条件的补贴资金，并建立发放前公示和部门间",
    "- 1 -",
]
PAGE_TWO = [
    HEADER,
    "数据比对制度。",
    "（二）关于劳动保障监察案件办理超时限的问题。",
    "整改进度：正在整改",
    "梳理超时限案件，逐件明确办结时间。",
    "欢迎监督，联系电话：0573-5550000。",
    "中共示例县人力资源和社会保障局党组",
    "2024年11月20日",
    "- 2 -",
]


@pytest.fixture(scope="module")
def config():
    return site_config()


def test_page_headers_and_numbers_are_removed_and_listed(tmp_path):
    source = read_source(pdf_of([PAGE_ONE, PAGE_TWO], tmp_path / "notice.pdf"))
    assert [(f.text, f.kind, f.page) for f in source.furniture] == [
        (HEADER, "page header or footer", 1),
        ("- 1 -", "page number", 1),
        (HEADER, "page header or footer", 2),
        ("- 2 -", "page number", 2),
    ]
    assert HEADER not in source.lines and "- 2 -" not in source.lines


def test_paragraphs_are_joined_across_printed_lines_and_page_breaks(tmp_path):
    lines = read_source(pdf_of([PAGE_ONE, PAGE_TWO], tmp_path / "notice.pdf")).lines
    assert (
        "县委第二巡察组于2024年4月1日至5月20日对局党组开展巡察，6月18日反馈了巡察意见，现将整改进展情况通报如下。"
        in lines
    )
    assert any(line.endswith("并建立发放前公示和部门间数据比对制度。") for line in lines)  # across the page break
    assert "（二）关于劳动保障监察案件办理超时限的问题。" in lines and "整改进度：正在整改" in lines


def test_a_pdf_notice_imports_like_its_text(tmp_path, config):
    result = import_file(pdf_of([PAGE_ONE, PAGE_TWO], tmp_path / "notice.pdf"), config)
    notice = result.notice
    assert notice.title == PAGE_ONE[1] and notice.date.isoformat() == "2024-11-20"
    assert [issue.status.value for issue in notice.issues] == ["done", "in_progress"]
    assert [(r.kind, r.page) for r in result.removed].count(("page number", 2)) == 1
    assert result.front["contact"] == {"phones": ["0573-5550000"]}


def test_a_scanned_pdf_says_it_has_no_text(tmp_path):
    for pages in ([[], []], [["- 1 -"], ["- 2 -"]]):  # nothing, or only the page numbers a scanner stamps
        scan = pdf_of(pages, tmp_path / "scan.pdf")
        with pytest.raises(SourceError, match="no text layer") as caught:
            read_source(scan)
        assert str(scan) in str(caught.value) and "OCR" in str(caught.value)


def test_a_damaged_pdf_is_a_clear_message(tmp_path):
    whole = pdf_of([PAGE_ONE], tmp_path / "whole.pdf").read_bytes()
    for name, content in (("cut.pdf", whole[:300]), ("junk.pdf", b"%PDF-1.4\n garbage")):
        damaged = tmp_path / name
        damaged.write_bytes(content)
        with pytest.raises(SourceError, match="PDF") as caught:
            read_source(damaged)
        assert str(damaged) in str(caught.value)


PRINTED = [
    "示例市水务局党组关于市委第二轮巡察整改进展情况的通报",
    "市委第一巡察组于2025年3月1日至4月30日对市水务局党组开展巡察，5月20日反馈了意见。",
    "一、巡察反馈问题整改情况",
    "（一）关于青年干部培养不足的问题",
    "整改进度：整改完成",
    "制定青年干部培养计划，每月开展一次专题培训。",
    "（二）关于供水管网巡查不到位的问题",
    "整改进度：视同完成",
    "建立月度巡查台账。",
    "（三）关于水费减免审核不严的问题",
    "整改进度：正在整改",
    "逐户复核减免名单。",
    "二、下一步工作打算",
    "持续巩固整改成果。",
    "中共示例市水务局党组",
    "2025年12月1日",
]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Printed once for the module: Chromium takes a second or two."""
    from tests.importer_support import printed_pdf

    return printed_pdf(PRINTED, tmp_path_factory.mktemp("printed") / "printed.pdf")


def test_a_pdf_printed_by_chromium_carries_radical_code_points(printed):
    """The fixture is what the issue describes: without the mapping the headings and date are not seen."""
    from pypdf import PdfReader

    raw = PdfReader(str(printed)).pages[0].extract_text()
    assert "⼀" in raw and "⽉" in raw and "⽇" in raw


def test_a_printed_pdf_imports_every_issue_the_date_and_the_unit_as_plain_ideographs(printed, config):
    result = import_file(printed, config)
    notice = result.notice
    assert notice is not None
    assert [issue.title for issue in notice.issues] == [
        "（一）关于青年干部培养不足的问题",
        "（二）关于供水管网巡查不到位的问题",
        "（三）关于水费减免审核不严的问题",
    ]
    assert [issue.status.value for issue in notice.issues] == ["done", "deemed_done", "in_progress"]
    assert result.front["date"] == "2025-12-01"
    assert result.front["organization"] == "中共示例市水务局党组"
    assert "水务局" in notice.title and "水务局" in result.markdown
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in result.markdown)
    assert not [d for d in result.diagnostics if d.code == "text-lookalike"]


def test_a_text_layer_in_kangxi_radicals_imports_as_the_ideographs_shown(tmp_path, config):
    """Whatever the PDF library makes of a font, a text layer that states radicals is mapped before reading."""
    radical = str.maketrans({"一": "⼀", "二": "⼆", "月": "⽉", "日": "⽇", "水": "⽔", "青": "⻘"})
    lines = [line.translate(radical) for line in PRINTED]
    result = import_file(pdf_of([lines], tmp_path / "radicals.pdf"), config)
    assert [issue.status.value for issue in result.notice.issues] == ["done", "deemed_done", "in_progress"]
    assert result.front["date"] == "2025-12-01" and "水务局" in result.notice.title
    assert "（一）关于青年干部培养不足的问题" in result.markdown


def test_a_text_file_with_radicals_is_mapped_too(tmp_path, config):
    source = tmp_path / "pasted.txt"
    source.write_text("\n".join(line.replace("月", "⽉").replace("一", "⼀") for line in PRINTED), encoding="utf-8")
    result = import_file(source, config)
    assert len(result.notice.issues) == 3 and result.front["date"] == "2025-12-01"


def test_a_password_protected_pdf_is_a_clear_message(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(pdf_of([PAGE_ONE], tmp_path / "open.pdf"))).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(SourceError, match="protected by a password") as caught:
        read_source(locked)
    assert str(locked) in str(caught.value)
