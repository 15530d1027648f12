"""What list pages keep of a notice: plain data, and only the issues an organisation's page lists as open."""

from __future__ import annotations

from pathlib import Path

from site_gen.notice.config import SiteConfig
from site_gen.notice.model import Status
from site_gen.notice.reader import parse_notice
from site_gen.notice.summary import OpenIssue, summarize

NOTICE = """\
---
title: 通报
organization: 中共示例局党组
date: 2025-01-01
---
### 1. 甲问题
整改进度：整改完成

### 2. 乙问题
整改进度：正在整改

### 3. 丙问题
整改进度：视同完成

### 4. 丁问题

### 5. 戊问题

#### 一是子问题
整改进度：整改完成

#### 二是子问题
整改进度：阶段性完成
"""


def test_open_issues_are_those_stated_as_not_completed():
    notice, _ = parse_notice(NOTICE, "content/x.md", SiteConfig(root=Path(".")), "x")
    summary = summarize(notice)
    assert summary.open_issues == (
        OpenIssue("i2", "2. 乙问题", Status.IN_PROGRESS),
        OpenIssue("i5", "5. 戊问题", Status.PHASE_DONE),  # its least advanced part
    )  # 4. states nothing: not claimed open


def test_a_notice_with_everything_done_has_no_open_issues():
    text = NOTICE.replace("正在整改", "整改完成").replace("阶段性完成", "整改完成")
    notice, _ = parse_notice(text, "content/x.md", SiteConfig(root=Path(".")), "x")
    assert summarize(notice).open_issues == ()
