"""site_gen/importer/disclosure.py: the 政府信息公开 metadata block in the layouts saved pages produce."""

from __future__ import annotations

import datetime as dt

import pytest

from site_gen.importer import import_file
from site_gen.importer.disclosure import take_disclosure
from tests.importer_support import FIXTURES, site_config

TITLE = "示例县交通运输局关于县委第二轮巡察整改进展情况的通报"
BODY = ["根据县委统一部署，县委巡察组对我局开展了巡察。"]

LAYOUTS = {
    "table rows": [
        "索引号： 0001-2025-07 主题分类： 交通",
        "发布机构： 示例县交通运输局 成文日期： 2025-02-11",
        f"标题： {TITLE}",
    ],
    "bullets": [
        "• 索引号：0001-2025-07",
        "• 发布机构：示例县交通运输局",
        "- 成文日期：2025年2月11日",
        f"- 标题：{TITLE}",
    ],
    "label above value": [
        "信息索引号",
        "0001-2025-07",
        "",
        "发布机构",
        "示例县交通运输局",
        "成文日期",
        "2025-02-11",
        "标题",
        TITLE,
    ],
    "spaced labels": [
        "索 引 号：0001-2025-07",
        "发 布 机 构：示例县交通运输局",
        "成 文 日 期：2025-02-11",
        f"标　　题：{TITLE}",
    ],
    "ascii colons": ["索引号:0001-2025-07", "发布机构:示例县交通运输局", "成文日期:2025.2.11", f"文件名称:{TITLE}"],
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_title_publisher_and_date(layout):
    lines = ["当前位置：首页", *LAYOUTS[layout], *BODY]
    rest, found = take_disclosure(lines)
    assert (found.title, found.publisher, found.date) == (TITLE, "示例县交通运输局", dt.date(2025, 2, 11))
    assert [line for line in rest if line] == ["当前位置：首页", *BODY]  # the block leaves the text
    assert found.lines == [i for i, line in enumerate(lines, start=1) if line and line not in rest[i - 1 : i]]


def test_empty_values_are_kept_empty_and_do_not_swallow_the_next_label():
    rest, found = take_disclosure(["文号：", "效力状态", "发布机构：示例局", "公开方式：主动公开", *BODY])
    assert found.fields == {"文号": "", "效力状态": "", "发布机构": "示例局", "公开方式": "主动公开"}
    assert [line for line in rest if line] == BODY


def test_a_publication_line_alone_is_not_a_block_and_a_lone_label_in_the_text_stays():
    lines = ["来源：县交通运输局 发布时间：2025-02-12", "标题党现象要警惕。", *BODY]
    rest, found = take_disclosure(lines)
    assert rest == lines and not found.fields


def test_the_notice_takes_the_blocks_title_publisher_and_date(tmp_path):
    config = site_config()
    source = tmp_path / "page.txt"
    source.write_text(
        "\n".join(["字号：大 中 小", *LAYOUTS["bullets"], "一、反馈问题整改情况", *BODY]), encoding="utf-8"
    )
    result = import_file(source, config)
    assert (result.notice.title, result.notice.organization) == (TITLE, "示例县交通运输局")
    assert result.notice.date == dt.date(2025, 2, 11)  # no signature: 成文日期
    assert [r.kind for r in result.removed].count("disclosure metadata") == 4
    body = result.markdown.split("\n---\n", 1)[1]
    assert "0001-2025-07" not in body  # out of the text, kept under disclosure:
    assert result.front["disclosure"]["index"] == "0001-2025-07"


def test_a_full_name_in_the_title_wins_over_the_short_publisher():
    result = import_file(FIXTURES / "disclosure_lines.txt", site_config())
    assert result.disclosure.publisher == "示例县文化广电旅游体育局"
    assert result.notice.organization == "示例县文化广电旅游体育局党组"  # the title's full name
    assert result.notice.title == "示例县文化广电旅游体育局党组关于县委第七轮巡察整改进展情况的通报"


def test_a_saved_page_with_a_metadata_table_repeated_title_and_toolbars():
    result = import_file(FIXTURES / "disclosure_table.html", site_config())
    notice = result.notice
    assert notice.title == "示例市林业局关于市委第三轮巡察整改进展情况的通报"
    assert notice.organization == "示例市林业局" and notice.date == dt.date(2025, 3, 18)
    kinds = [r.kind for r in result.removed]
    assert kinds.count("disclosure metadata") == 4 and kinds.count("repeated title") == 1
    assert {"toolbar", "links", "publication line", "site footer"} <= set(kinds)
    body = result.markdown.split("\n---\n", 1)[1]
    for chrome in ["005123-2025-00017", "关怀版", "色调调节", "浏览量", "微博", "首页"]:
        assert chrome not in body, chrome
    assert result.notice.disclosure.index == "005123-2025-00017"  # the index number is kept, as a field
    assert result.markdown.count("示例市林业局关于市委第三轮巡察整改进展情况的通报") == 1  # the title field only


def test_the_title_the_metadata_names_is_found_below_a_section_heading(tmp_path):
    source = tmp_path / "page.txt"
    source.write_text("\n".join(["通知公告", *LAYOUTS["table rows"], TITLE, *BODY]), encoding="utf-8")
    result = import_file(source, site_config())
    assert result.notice.title == TITLE  # not 通知公告 joined to it
    assert "通知公告" in result.markdown  # kept as text: only chrome the importer knows is removed
