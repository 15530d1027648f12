"""site_gen/importer/audit.py: an audit report's problem list matched with the rectifications that follow it."""

from __future__ import annotations

import pytest

from site_gen.importer import import_file
from site_gen.importer.audit import match_audit_lists
from site_gen.importer.structure import outline
from tests.importer_support import FIXTURES, body, site_config


@pytest.fixture(scope="module")
def config():
    return site_config()


def test_the_listed_problems_take_their_rectification(config):
    result = import_file(FIXTURES / "audit_report.txt", config)
    issues = result.notice.issues
    assert [issue.title for issue in issues] == [
        "（一）农村供水工程补助资金拨付滞后。",
        "（二）部分工程未按规定办理竣工验收即投入使用。",
        "（三）固定资产登记不及时，账实不符。",
    ]
    assert [issue.status.value for issue in issues] == ["done", "in_progress", "done"]
    assert "补登资产68项" in issues[2].body_html and "关于固定资产账实不符的整改情况" in issues[2].body_html
    assert [(r.line, r.kind) for r in result.removed] == [(3, "problem list heading (merged)")]
    assert any("按编号一一对应，已合并为 3 个问题" in note.in_language("zh") for note in result.notes)
    assert "问题清单" in result.decision.in_language("zh")


def test_a_list_read_as_issues_is_matched_too_and_its_text_kept(config):
    tree = outline(
        body(
            "一、审计发现的问题",
            "1.关于预算执行率偏低的问题。",
            "涉及资金120万元。",
            "2.关于往来款长期挂账的问题。",
            "二、整改落实情况",
            "1.预算执行整改。",
            "整改情况：整改完成",
            "2.往来款清理。",
            "整改情况：正在整改",
        ),
        config,
    )
    notes, merged = match_audit_lists(tree)
    assert [issue.title for issue in tree.issues] == ["1.关于预算执行率偏低的问题。", "2.关于往来款长期挂账的问题。"]
    assert tree.issues[0].lines == ["涉及资金120万元。", "1.预算执行整改。"]
    assert [issue.status for issue in tree.issues] == ["整改情况：整改完成", "整改情况：正在整改"]
    assert [line.text for line in merged] == ["一、审计发现的问题"] and notes


def test_lists_of_different_lengths_are_left_as_they_are_with_a_note(config):
    lines = body(
        "一、审计查出的问题", "（一）甲。", "（二）乙。", "二、整改情况", "（一）关于甲的整改。", "整改进度：整改完成"
    )
    tree = outline(lines, config)
    before = [issue.title for issue in tree.issues]
    notes, merged = match_audit_lists(tree)
    assert [issue.title for issue in tree.issues] == before and merged == []
    assert "数目不同，未合并" in notes[0].in_language("zh")


def test_an_ordinary_notice_is_not_touched(config):
    tree = outline(body("一、反馈问题整改情况", "1.关于甲的问题。", "整改情况：整改完成"), config)
    assert match_audit_lists(tree) == ([], []) and tree.issues[0].title == "1.关于甲的问题。"
