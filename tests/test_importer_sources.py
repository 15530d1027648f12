"""site_gen/importer/sources.py: .txt in UTF-8 or GB18030, saved .html pages, .docx files; clear errors."""

from __future__ import annotations

import pytest

from site_gen.importer.sources import SourceError
from tests.importer_support import FIXTURES, docx_of, html_of, read_lines


def test_utf8_and_gb18030_text_read_the_same(tmp_path):
    text = (FIXTURES / "fullwidth.txt").read_text(encoding="utf-8")
    source = tmp_path / "gbk.txt"
    source.write_bytes(text.encode("gb18030"))
    assert read_lines(source) == read_lines(FIXTURES / "fullwidth.txt")
    assert read_lines(source)[0] == "中共示例县水利局党组关于县委第一轮巡察整改进展情况的通报"


def test_windows_line_endings_and_bom(tmp_path):
    source = tmp_path / "crlf.txt"
    source.write_bytes("\ufeff第一行\r\n第二行\r\n".encode())
    assert read_lines(source) == ["第一行", "第二行", ""]


def test_html_gives_one_line_per_block_and_drops_scripts(tmp_path):
    page = html_of(["第一段，含<b>加粗</b>。", "第二段。"], tmp_path / "page.html")
    lines = [line for line in read_lines(page) if line]
    assert lines == [
        "您当前所在位置：首页 > 通知公告",
        "第一段，含加粗。",
        "第二段。",
        "ICP备案号：示ICP备0000号 公网安备 0000号",
    ]
    assert not any("not text" in line for line in lines)


def test_html_br_splits_lines(tmp_path):
    page = tmp_path / "br.htm"
    page.write_text("<html><body><div>整改进度：整改完成<br>主要做法：建立台账。</div></body></html>", encoding="utf-8")
    assert [line for line in read_lines(page) if line] == ["整改进度：整改完成", "主要做法：建立台账。"]


def test_docx_paragraphs_and_a_table_as_one_line_of_rows_and_cells(tmp_path):
    import docx

    path = docx_of(["标题", "正文一段。"], tmp_path / "draft.docx")
    document = docx.Document(str(path))
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "联系电话"
    table.rows[0].cells[1].text = "0530-1234567"
    document.save(str(path))
    assert read_lines(path) == ["标题", "正文一段。", "\x02联系电话\t0530-1234567"]  # TABLE, then tab-separated cells


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notice.pdf", b"%PDF-1.4", "not a readable PDF"),
        ("notice.odt", b"PK", "save the notice as .txt, .html, .docx or .pdf"),
        ("old.wps", b"\xd0\xcf\x11\xe0", "old binary office format"),
        ("notice", b"text", "files without an extension"),
        ("broken.docx", b"not a zip", "not a readable Word .docx file"),
        ("latin.txt", b"\xff\xfe\x00\xd8\x00\x00", "neither UTF-8 nor GB18030"),
    ],
)
def test_unreadable_sources_name_the_file_and_what_to_do(tmp_path, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(SourceError, match=message) as caught:
        read_lines(source)
    assert str(source) in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_lines(tmp_path / "missing.txt")


def test_deeply_nested_html_is_read(tmp_path):
    """100,000 nested divs: the old tree walk never finished (quadratic); text extraction is now one pass."""
    depth = 100_000
    page = tmp_path / "deep.html"
    page.write_text("<body>" + "<div>" * depth + "<p>第一段。</p>第二段" + "</div>" * depth, encoding="utf-8")
    assert [line for line in read_lines(page) if line] == ["第一段。", "第二段"]


def test_table_cells_stay_apart_and_a_head_never_closed_still_shows_the_body(tmp_path):
    page = tmp_path / "cells.html"
    page.write_text("<head><title>x<body><table><tr><td>索引号</td><td>001</td></tr></table>", encoding="utf-8")
    assert [line for line in read_lines(page) if line] == ["索引号 001"]


def test_a_page_larger_than_any_notice_is_refused_before_reading(tmp_path, monkeypatch):
    from site_gen.importer import sources

    monkeypatch.setattr(sources, "MAX_HTML_BYTES", 1000)
    page = tmp_path / "huge.html"
    page.write_text("<p>" + "字" * 2000 + "</p>", encoding="utf-8")
    with pytest.raises(SourceError, match="more than a notice") as caught:
        read_lines(page)
    assert str(page) in str(caught.value)
