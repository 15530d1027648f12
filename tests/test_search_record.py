"""A notice's search record is made from the model: what its page's indexed part shows, weighted and escaped as
Pagefind reads a page, with the page's hidden meta and filters."""

from __future__ import annotations

import shutil

from site_gen.notice.config import load_config
from site_gen.notice.reader import read_notice
from site_gen.pages.search_record import encoded, html_text, search_record
from tests.conftest import REPO

NOTICE = """---
title: 中共测试区交通局党组关于巡察整改进展情况的通报
organization: 中共测试区交通局党组
date: 2025-04-10
contact:
  phones: ["0571-8800 1234"]
---

全区开展了&quot;回头看&quot;，见下表。

## （一）安全生产方面

### 1. 关于桥梁护栏 <锈蚀> 未及时更换的问题

整改进度：已完成

责任单位：区交通局养护科

全区 **12 座**桥梁的护栏已全部更换。

- 一是建立台账
- 二是定期巡查
"""


def record_of(tmp_path, text: str = NOTICE) -> dict:
    site = tmp_path / "site"
    (site / "content" / "2025").mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    (site / "content" / "2025" / "jiaotongju.md").write_text(text, encoding="utf-8")
    config, _ = load_config(site)
    notice, problems = read_notice(site / "content" / "2025" / "jiaotongju.md", config)
    assert notice is not None, problems
    return search_record(notice, config)


def test_the_record_has_the_pages_url_meta_and_filters(tmp_path):
    record = record_of(tmp_path)
    assert record["url"] == "/notices/2025/jiaotongju.html"
    assert record["language"] == "zh-cn"
    assert record["meta"] == {
        "title": "中共测试区交通局党组关于巡察整改进展情况的通报",
        "date": "2025年4月10日",
        "organization": "中共测试区交通局党组",
        "progress": "完成率 100%，1 项问题：整改完成 1",
    }
    assert record["filters"] == {"发布单位": ["中共测试区交通局党组"], "发布年份": ["2025"], "整改状态": ["整改完成"]}


def test_the_content_is_the_indexed_text_in_page_order_with_headings_weighted(tmp_path):
    content = record_of(tmp_path)["content"]
    title = content.index("___PAGEFIND_AUTO_WEIGHT___7 中共测试区交通局党组关于巡察整改进展情况的通报")
    section = content.index("___PAGEFIND_AUTO_WEIGHT___6 （一）安全生产方面")
    issue = content.index(
        "___PAGEFIND_AUTO_WEIGHT___5 1. 关于桥梁护栏 &lt;锈蚀&gt; 未及时更换的问题"
    )  # escaped as in the page
    status = content.index("整改状态：整改完成 原文：已完成")
    measure = content.index("全区 12 座桥梁的护栏已全部更换。")  # the bold's tags dropped, its words kept
    assert title < section < issue < status < measure
    assert "责任单位 区交通局养护科" in content
    assert "一是建立台账. 二是定期巡查." in content  # each list item its own block, ended as Pagefind ends one
    assert "中共测试区交通局党组 2025年4月10日." in content  # the signature ends the page
    assert "0571" not in content  # the contact block is not indexed, as on the page (data-pagefind-ignore)


def test_no_markup_reaches_meta_or_filters(tmp_path):
    text = NOTICE.replace("organization: 中共测试区交通局党组", 'organization: "交通局<img src=x onerror=alert(1)>"')
    record = record_of(tmp_path, text)
    values = [*record["meta"].values(), *(v for vs in record["filters"].values() for v in vs)]
    assert any("交通局＜img" in value for value in values)
    assert [value for value in values if set(value) & set("<>&")] == []
    assert "<img" not in record["content"]


def test_the_record_bytes_are_canonical(tmp_path):
    record = record_of(tmp_path)
    assert encoded(record) == encoded(dict(reversed(record.items())))


def test_html_text_keeps_words_and_entities_and_drops_scripts():
    html = '<p>第一段<em>强调</em>。</p><script>var x = "秘密";</script><table><tr><td>甲</td><td>乙</td></tr></table>'
    text = " ".join(html_text(html).split())
    assert text == "第一段强调。 甲. 乙."
    assert html_text("<p>A &amp; B</p>").strip() == "A &amp; B."
