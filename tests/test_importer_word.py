"""site_gen/importer/word.py: Word files, and the damaged or hostile ones refused before they are parsed."""

from __future__ import annotations

import zipfile

import pytest

from site_gen.importer import word
from site_gen.importer.sources import SourceError
from tests.importer_support import docx_of, read_lines

LINES = ["中共示例局党组关于巡察整改进展情况的通报", "1.关于学习不深的问题。", "整改情况：整改完成"]


def rewritten(source, target, replace):
    """A copy of a .docx with word/document.xml replaced by replace(old_xml)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            data = original.read(item)
            out.writestr(item.filename, replace(data) if item.filename == "word/document.xml" else data)
    return target


def test_a_truncated_docx_is_a_clear_message(tmp_path):
    source = docx_of(LINES, tmp_path / "whole.docx")
    cut = tmp_path / "cut.docx"
    cut.write_bytes(source.read_bytes()[: source.stat().st_size // 2])  # the download stopped half-way
    cut_xml = rewritten(source, tmp_path / "cut_xml.docx", lambda xml: xml[: len(xml) // 2])  # a part cut short
    for damaged in (cut, cut_xml):
        with pytest.raises(SourceError, match="not a readable Word .docx file") as caught:
            read_lines(damaged)
        assert str(damaged) in str(caught.value) and "另存为" in str(caught.value)


def test_an_entity_bomb_is_refused(tmp_path):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    source = docx_of(LINES, tmp_path / "plain.docx")
    hostile = rewritten(source, tmp_path / "laughs.docx", lambda xml: bomb + xml.split(b"?>", 1)[1])
    with pytest.raises(SourceError, match="declares XML entities") as caught:
        read_lines(hostile)
    assert "word/document.xml" in str(caught.value)


def test_a_zip_bomb_is_refused_from_the_zip_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(word, "MAX_XML_BYTES", 2_000_000)  # the real budget is 30 MB: a small bomb shows the rule
    source = docx_of(LINES, tmp_path / "plain.docx")
    padded = rewritten(
        source, tmp_path / "bomb.docx", lambda xml: xml.replace(b"<w:body>", b"<w:body>" + b" " * 3_000_000)
    )
    assert padded.stat().st_size < 100_000  # inflates 30 times and more
    with pytest.raises(SourceError, match="would inflate to") as caught:
        read_lines(padded)
    assert str(padded) in str(caught.value)


# --- issue 25: Word's own numbering, heading styles and tables -------------------------------------------------------

from site_gen.importer import import_file  # noqa: E402
from site_gen.importer.word_numbering import chinese  # noqa: E402
from tests.importer_support import site_config, word_of  # noqa: E402

SIGNATURE = ["中共示例县林业局党组", "2025年12月1日"]
LEDGER = [["序号", "问题", "整改时限", "完成情况"], ["1", "护林员名单", "2025年6月", "已完成"]]


@pytest.fixture(scope="module")
def config():
    return site_config()


def issues_of(result):
    return [(issue.title, issue.status.value) for issue in result.notice.issues]


def test_list_number_paragraphs_followed_by_status_lines_are_the_issues(tmp_path, config):
    """The issue's case: List Number problems, each with its 整改进度 line, under a typed 一、 heading."""
    source = word_of(
        [
            "示例县林业局党组关于巡察整改进展情况的通报",
            "县委第三巡察组于2025年3月1日至4月30日对局党组开展巡察，5月10日反馈了意见。",
            ("heading", 1, "一、巡察反馈问题整改落实情况"),
            ("list", "关于护林员管理不规范的问题"),
            "整改进度：整改完成",
            "重新核定护林员名单。",
            ("list", "关于林地审批把关不严的问题"),
            "整改进度：视同完成",
            ("table", LEDGER),
            "审批程序已纳入制度。",
            ("list", "关于防火物资储备不足的问题"),
            "整改进度：正在整改",
            ("heading", 1, "二、下一步工作打算"),
            "持续推进整改。",
            *SIGNATURE,
        ],
        tmp_path / "list_number.docx",
    )
    result = import_file(source, config)
    assert issues_of(result) == [
        ("1.关于护林员管理不规范的问题", "done"),
        ("2.关于林地审批把关不严的问题", "deemed_done"),
        ("3.关于防火物资储备不足的问题", "in_progress"),
    ]
    assert [section.title for section in result.notice.sections] == [
        "一、巡察反馈问题整改落实情况",
        "二、下一步工作打算",
    ]
    assert result.front["date"] == "2025-12-01" and not result.warnings
    second = result.notice.issues[1]
    # the ledger stays inside the issue it belongs to, as a table, between the text around it
    assert "<table>" in second.body_html and "<th>整改时限</th>" in second.body_html
    assert "<td>护林员名单</td>" in second.body_html
    assert second.body_html.index("<table>") < second.body_html.index("审批程序已纳入制度")
    assert "| 序号 | 问题 | 整改时限 | 完成情况 |" in result.markdown
    assert result.markdown.index("| 序号") < result.markdown.index("### 3.关于防火")


def test_chinese_multi_level_numbering_from_numbering_xml(tmp_path, config):
    source = word_of(
        [
            "示例县林业局党组关于巡察整改进展情况的通报",
            ("chinese", 0, "总体情况"),
            "局党组高度重视巡察整改。",
            ("chinese", 0, "巡察反馈问题整改情况"),
            ("chinese", 1, "关于护林员管理不规范的问题"),
            "整改进度：整改完成",
            ("chinese", 1, "关于林地审批把关不严的问题"),
            "整改进度：正在整改",
            ("chinese", 0, "下一步工作打算"),
            ("chinese", 1, "巩固成果"),
            "持续推进。",
            *SIGNATURE,
        ],
        tmp_path / "chinese.docx",
    )
    result = import_file(source, config)
    assert issues_of(result) == [
        ("（一）关于护林员管理不规范的问题", "done"),
        ("（二）关于林地审批把关不严的问题", "in_progress"),
    ]
    titles = [section.title for section in result.notice.sections]
    assert titles == ["一、总体情况", "二、巡察反馈问题整改情况", "三、下一步工作打算"]
    assert "（一）巩固成果" in result.markdown  # the level below restarts under each 一、 heading


def test_heading_styles_without_numbers_give_the_structure(tmp_path, config):
    """Heading 1 / 标题 2 / an outline level: the style says the level when the text has no number."""
    source = word_of(
        [
            ("heading", 1, "示例县林业局党组关于巡察整改进展情况的通报"),
            ("heading", 2, "巡察反馈问题整改落实情况"),
            ("style", "标题 3", "护林员管理不规范的问题"),
            "整改进度：整改完成",
            ("outline", 2, "林地审批把关不严的问题"),
            "整改进度：视同完成",
            ("heading", 2, "下一步工作打算"),
            "持续推进。",
            *SIGNATURE,
        ],
        tmp_path / "styles.docx",
    )
    result = import_file(source, config)
    assert result.front["title"] == "示例县林业局党组关于巡察整改进展情况的通报"
    assert issues_of(result) == [("护林员管理不规范的问题", "done"), ("林地审批把关不严的问题", "deemed_done")]
    assert [section.title for section in result.notice.sections] == ["巡察反馈问题整改落实情况", "下一步工作打算"]


def test_status_lines_without_headings_of_their_own_are_a_located_warning(tmp_path, config):
    """Numbering typed as nothing (lost in a copy): the titles are never the section heading copied."""
    source = word_of(
        [
            "示例县林业局党组关于巡察整改进展情况的通报",
            "一、巡察反馈问题整改落实情况",
            "关于护林员管理不规范的问题",
            "整改进度：整改完成",
            "关于林地审批把关不严的问题",
            "整改进度：视同完成",
            *SIGNATURE,
        ],
        tmp_path / "lost.docx",
    )
    result = import_file(source, config)
    titles = [sub.title for issue in result.notice.issues for sub in issue.sub_problems]
    assert titles == ["关于护林员管理不规范的问题", "关于林地审批把关不严的问题"]
    assert "一、巡察反馈问题整改落实情况" not in titles
    assert len(result.warnings) == 2 and result.warnings[0].in_language("zh").startswith("第 4 段：")
    assert result.warnings[1].in_language("en").startswith("paragraph 6: this status line has no heading of its own")


def test_word_numbers_are_written_as_word_shows_them():
    assert [chinese(n) for n in (1, 10, 12, 20, 23, 100, 105, 110)] == [
        "一", "十", "十二", "二十", "二十三", "一百", "一百零五", "一百一十",
    ]  # fmt: skip
