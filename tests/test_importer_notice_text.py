"""site_gen/importer/notice_text.py: the notice text, read back by the site's own reader."""

from __future__ import annotations

import pytest

from site_gen.importer.notice_text import write_notice
from site_gen.importer.structure import Block, Outline, Part
from tests.importer_support import site_config

FRONT = {"title": "示例通报", "organization": "示例局", "date": "2024-12-20"}


@pytest.fixture(scope="module")
def config():
    return site_config()


def write(tree, config):
    return write_notice(FRONT, tree, "content/x.md", config, "x")


def test_repeated_section_and_issue_numbers_get_explicit_ids(config):
    tree = Outline(
        parts=[
            Part("（一）政策落实", 1, issues=[Block("1.关于甲的问题。", 2, status="整改进度：整改完成")]),
            Part(
                "（一）会风文风",
                3,
                issues=[Block("1.关于乙的问题。", 4), Block("1.关于丙的问题。", 5, status="整改进度：正在整改")],
            ),
        ]
    )
    markdown, notice, diagnostics = write(tree, config)
    assert "## （一）会风文风 {#s1b}" in markdown and "### 1.关于丙的问题。 {#s1b-1b}" in markdown
    assert [d for d in diagnostics if d.severity == "error"] == []
    assert [issue.id for issue in notice.issues] == ["s1-1", "s1b-1", "s1b-1b"]
    assert [issue.status.value for issue in notice.issues] == ["done", "unstated", "in_progress"]


def test_without_repeats_no_explicit_id_is_written(config):
    tree = Outline(parts=[Part("（一）甲", 1, issues=[Block("1.关于甲的问题。", 2), Block("2.关于乙的问题。", 3)])])
    markdown, notice, _ = write(tree, config)
    assert "{#" not in markdown and [issue.id for issue in notice.issues] == ["s1-1", "s1-2"]


def test_text_that_looks_like_markdown_stays_text(config):
    tree = Outline(intro=["1.成立领导小组。", "# 不是标题", "*不是强调*，<b>不是标签</b>", "- 不是列表"])
    markdown, notice, _ = write(tree, config)
    assert notice.sections == () or all(not s.issues for s in notice.sections)
    for text in ["1.成立领导小组。", "# 不是标题", "*不是强调*", "&lt;b&gt;不是标签", "- 不是列表"]:
        assert text in notice.intro_html, text
    assert "<ol" not in notice.intro_html and "<h1" not in notice.intro_html and "<em>" not in notice.intro_html


def test_issues_before_any_heading_go_in_an_untitled_section(config):
    tree = Outline(intro=["开头。"], parts=[Part("", 2, issues=[Block("1.关于甲的问题。", 2, lines=["措施。"])])])
    markdown, notice, diagnostics = write(tree, config)
    assert "\n## " not in markdown
    assert [d for d in diagnostics if d.severity == "error"] == []
    assert [(s.title, [i.title for i in s.issues]) for s in notice.sections] == [("", ["1.关于甲的问题。"])]


def test_sub_problems_with_their_own_statuses_give_the_issue_the_least_advanced(config):
    issue = Block(
        "4.关于乙的问题。",
        1,
        subs=[Block("一是甲。", 2, status="整改情况:整改完成"), Block("二是乙。", 3, status="整改情况:需持续整改")],
    )
    markdown, notice, _ = write(Outline(parts=[Part("（一）甲", 1, issues=[issue])]), config)
    assert "#### 一是甲。\n整改情况:整改完成" in markdown
    assert notice.issues[0].status.value == "in_progress"


def test_an_unknown_wording_is_written_as_the_notice_words_it_and_check_reports_it(config):
    issue = Block("1.关于甲的问题。", 1, status="整改情况：整改到位。", lines=["主要做法：建立台账。"])
    markdown, notice, diagnostics = write(Outline(parts=[Part("（一）甲", 1, issues=[issue])]), config)
    assert "\n整改情况：整改到位。\n" in markdown and "&#" not in markdown  # plain text the clerk can edit
    (unknown,) = [d for d in diagnostics if d.code == "status-unknown"]
    assert dict(unknown.params)["value"] == "整改到位。" and "statuses:" in unknown.in_language("en").format("en")


def test_a_bare_label_first_under_a_heading_joins_the_text_it_introduces(config):
    issue = Block(
        "1.关于甲的问题。",
        1,
        lines=["整改情况：", "已对全县四十二个供水站逐一核查，建立了台账并明确了责任人和完成时限。"],
    )
    markdown, notice, diagnostics = write(Outline(parts=[Part("（一）甲", 1, issues=[issue])]), config)
    assert not [d for d in diagnostics if d.severity == "error"] and "&#" not in markdown
    assert notice.issues[0].status.value == "unstated"
    assert "整改情况：已对全县" in notice.issues[0].body_html


def test_twenty_seven_issues_all_numbered_1_get_ids_without_running_out(config):
    tree = Outline(parts=[Part("一、方面", 1, issues=[Block(f"1.关于第{n}件事的问题。", n + 1) for n in range(27)])])
    markdown, notice, diagnostics = write(tree, config)
    ids = [issue.id for issue in notice.issues]
    assert len(ids) == 27 and len(set(ids)) == 27
    assert ids[:3] == ["s1-1", "s1-1b", "s1-1c"] and ids[-1] == "s1-1zb"  # after z: zb
    assert not [d for d in diagnostics if d.severity == "error"]


def test_per_issue_lines_are_written_next_to_the_status_and_read_back(config):
    issue = Block(
        "1.关于甲的问题。",
        2,
        status="整改进度：正在整改",
        fields=["整改时限：2025年6月底", "责任单位：示例局办公室"],
        lines=["措施。"],
    )
    markdown, notice, diagnostics = write(Outline(parts=[Part("（一）甲", 1, issues=[issue])]), config)
    assert "整改进度：正在整改\n整改时限：2025年6月底\n责任单位：示例局办公室\n\n措施。" in markdown
    assert [d for d in diagnostics if d.severity == "error"] == []
    (read,) = notice.issues
    assert (read.deadline.isoformat(), read.responsible) == ("2025-06-30", "示例局办公室")
    assert "措施" in read.body_html and "整改时限" not in read.body_html


def test_a_labelled_text_line_first_under_a_heading_stays_text(config):
    issue = Block("1.关于甲的问题。", 2, status="整改进度：正在整改", lines=["整改时限：下个月", "措施。"])
    markdown, notice, diagnostics = write(Outline(parts=[Part("（一）甲", 1, issues=[issue])]), config)
    assert [d for d in diagnostics if d.severity == "error"] == []  # not read as a date line: no body-date error
    assert "整改时限：下个月" in notice.issues[0].body_html and notice.issues[0].deadline is None
