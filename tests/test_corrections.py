"""Corrections (front-matter corrections:): read and checked, shown on the page, and dating the feeds and sitemap."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from site_gen.notice.config import SiteConfig
from site_gen.notice.reader import parse_notice
from tests.cli_support import site_gen

FRONT = """---
title: 关于巡察整改进展情况的通报
organization: 中共某某局党组
date: 2025-03-18
contact: {{phones: [0571-8800 2345]}}
{corrections}
---

### 1. 关于甲的问题
整改进度：整改完成

措施。
"""


def read(corrections: str):
    return parse_notice(FRONT.format(corrections=corrections), "content/a.md", SiteConfig(root=Path(".")), "a")


def test_corrections_are_read_newest_first_and_date_the_notice():
    notice, problems = read(
        "corrections:\n  - {date: 2025-04-02, note: 更正第1项问题的整改状态}\n  - {date: 2025年7月1日, note: 补充附件}"
    )
    assert problems == []
    assert [(c.date, c.note) for c in notice.corrections] == [
        (dt.date(2025, 7, 1), "补充附件"),
        (dt.date(2025, 4, 2), "更正第1项问题的整改状态"),
    ]
    assert notice.updated == dt.date(2025, 7, 1) and notice.date == dt.date(2025, 3, 18)


def test_a_notice_without_corrections_was_last_updated_when_published():
    notice, _ = read("")
    assert notice.corrections == () and notice.updated == notice.date


def test_a_correction_dated_before_the_notice_is_a_located_warning():
    notice, problems = read("corrections:\n  - {date: 2025-01-02, note: 改了}")
    assert notice is not None
    assert [(p.code, p.severity, p.line) for p in problems] == [("correction-before-date", "warning", 7)]
    assert "2025-01-02" in problems[0].format() and "2025-03-18" in problems[0].format()


def test_a_correction_without_its_date_or_note_is_an_error():
    _, problems = read("corrections:\n  - {note: 没有日期}\n  - {date: 2025-04-02}")
    codes = [(p.code, p.line) for p in problems]
    assert ("correction-no-date", 7) in codes
    assert ("field-missing", 8) in codes  # corrections.1.note


def test_check_reports_the_early_correction_in_both_languages(site):
    notice = site / "content" / "2025" / "linjiang-shuiwuju.md"
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("---\n\n", "corrections:\n  - {date: 2025-01-01, note: 错的日期}\n---\n\n", 1))
    result = site_gen("check", "--site", str(site))
    assert result.returncode == 0  # a warning: the build goes on
    assert "content/2025/linjiang-shuiwuju.md" in result.stdout + result.stderr
    assert "早于通报本身的发布日期" in result.stdout + result.stderr


def test_the_page_the_feed_the_sitemap_and_the_data_show_the_corrections(built_site):
    page = (built_site / "notices" / "2025" / "linjiang-sifaju.html").read_text(encoding="utf-8")
    shown = re.findall(r'<li class="corrections__item">(.*?)</li>', page)
    texts = [re.sub(r"<[^>]+>", "", item) for item in shown]
    assert texts == [
        "更正于 2025年4月10日：补充附件《巡察整改满意度测评表》",
        "更正于 2025年3月25日：更正第 6 项问题的整改时限",
    ]
    feed = (built_site / "feed.xml").read_text(encoding="utf-8")
    entry = feed[feed.index("linjiang-sifaju.html") - 600 :]
    assert "<updated>2025-04-10T00:00:00Z</updated>" in entry and "<published>2025-03-18T00:00:00Z</published>" in entry
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"linjiang-sifaju\.html</loc>\s*<lastmod>2025-04-10</lastmod>", sitemap)
    data = json.loads((built_site / "notices.json").read_text(encoding="utf-8"))
    (sifaju,) = [n for n in data["notices"] if n["slug"] == "2025/linjiang-sifaju"]
    assert sifaju["updated"] == "2025-04-10" and sifaju["corrections"][0]["date"] == "2025-04-10"
    record = json.loads((built_site / "notices" / "2025" / "linjiang-sifaju.json").read_text(encoding="utf-8"))
    assert record["corrections"] == sifaju["corrections"]
