"""site_gen/importer/report.py: what the clerk reads after an import: found, removed, undecided."""

from __future__ import annotations

import pytest

from site_gen.importer import import_file
from site_gen.importer.report import report
from tests.importer_support import FIXTURES, SEED_000, SEED_001, SEED_002, needs_seeds, site_config


@pytest.fixture(scope="module")
def config():
    return site_config()


@needs_seeds
def test_report_on_seed_001_gives_counts_statuses_contacts_and_the_footer(config):
    text = report(import_file(SEED_001, config), "content/001.md")
    assert "18 个问题" in text and "其中 3 个含问题" in text
    assert "整改状态行: 33" in text
    # least advanced per issue, from DOMAIN.md: done 10 11 16 17 18; in_progress 4 9 12 14; the rest deemed_done
    assert "整改完成 5" in text and "视同完成 9" in text and "正在整改 4" in text
    assert "电话 027-56919296; 邮箱 895724885@qq.com" in text
    assert "原文: 125 行非空：124 行在通报中，1 行移除" in text
    assert "第 125 行 [网站页脚]: ICP备案号" in text
    assert "检查: 0 个错误" in text


@needs_seeds
def test_report_on_seed_000_says_statuses_are_unstated_and_numbers_skip(config):
    text = report(import_file(SEED_000, config), "content/000.md")
    assert "6 个问题；13 个子问题；共 15 个最小问题" in text
    assert "未标明 6" in text and "整改状态行: 0" in text
    assert "审核（已存入字段区）: 一审：郑明建, 二审：张芳, 三审：周忠巨" in text
    assert "问题编号从 3 跳到 7" in text
    assert "本通报没有任何问题写明整改状态" in text  # check's own warning, in Chinese for a Chinese site


@needs_seeds
def test_report_on_seed_002_says_it_is_not_a_rectification_notice(config):
    text = report(import_file(SEED_002, config), "content/002.md")
    assert "类型: 不是整改进展通报" in text and "0 个问题" in text
    assert "原文: 20 行非空：18 行在通报中，2 行移除" in text  # 大 中 小 was glued
    assert "联系方式: 未找到" in text and "原文末尾没有落款日期" in text


def test_report_lists_the_warnings_check_will_give(config):
    text = report(import_file(FIXTURES / "paren_issues.txt", config), "content/p.md")
    assert "检查: 0 个错误, 2 个警告" in text
    assert "“（二）关于“三重一大”事项记录不完整的问题。”没有整改状态行" in text
    assert "“中共示例市审计局党组”不在 site.yaml 的单位名录" in text  # the sample site has a registry


# Twins of the seed tests on the project's own fixtures; the counts were made by reading each fixture.


def test_report_gives_counts_statuses_contacts_and_the_footer(config):
    text = report(import_file(FIXTURES / "status_blocks.txt", config), "content/b.md")
    assert "4 个问题" in text and "其中 3 个含问题" in text
    assert "整改状态行: 6" in text
    # least advanced per issue: 1 deemed_done (done + deemed_done), 2 in_progress, 3 in_progress, 4 done_ongoing
    assert "完成并长期坚持 1" in text and "视同完成 1" in text and "正在整改 2" in text
    assert "整改完成 " not in text
    assert "电话 0710-5551234; 邮箱 xczg_mzj@qq.com" in text
    assert "原文: 34 行非空：33 行在通报中，1 行移除" in text
    assert "第 34 行 [网站页脚]: ICP备案号" in text
    assert "检查: 0 个错误" in text


def test_report_says_statuses_are_unstated_and_numbers_skip(config):
    text = report(import_file(FIXTURES / "no_status_subs.txt", config), "content/s.md")
    assert "5 个问题；8 个子问题；共 9 个最小问题" in text
    assert "未标明 5" in text and "整改状态行: 0" in text
    assert "审核（已存入字段区）: 一审：王一, 二审：李二, 三审：赵三" in text
    assert "问题编号从 3 跳到 6" in text
    assert "本通报没有任何问题写明整改状态" in text


def test_report_says_a_document_is_not_a_rectification_notice(config):
    text = report(import_file(FIXTURES / "not_a_notice.txt", config), "content/n.md")
    assert "类型: 不是整改进展通报" in text and "0 个问题" in text
    assert "原文: 13 行非空：11 行在通报中，2 行移除" in text  # 大 中 小 was glued
    assert "联系方式: 未找到" in text and "原文末尾没有落款日期" in text


def test_a_chinese_report_has_no_english_and_an_english_one_no_chinese_labels(config):
    result = import_file(FIXTURES / "no_status_subs.txt", config)
    chinese = report(result, "content/s.md")
    assert "issue(s)" not in chinese and "removed" not in chinese and "(unstated)" not in chinese
    assert "(issue numbers jump" not in chinese  # notes too: one language
    english = report(result, "content/s.md", "en")
    assert "5 issue(s); 8 sub-problem(s); 9 leaf problem(s)" in english and "issues by status: Not stated 5" in english
    assert "note: issue numbers jump from 3 to 6" in english and "问题编号" not in english
    assert "warning: no issue in this notice has a status line" in english  # check's words, in English too


def test_the_reviewer_line_is_translated_once(config):
    text = report(import_file(FIXTURES / "no_status_subs.txt", config), "content/s.md")
    assert "第 28 行 [审核人（已存入 reviewers:）]: - 一审: 王一" in text
    assert "reviewer (kept as reviewers:)" not in text
    english = report(import_file(FIXTURES / "no_status_subs.txt", config), "content/s.md", "en")
    assert "line 28 [reviewer (kept as reviewers:)]: - 一审: 王一" in english


def test_a_partly_removed_line_says_what_was_kept(config):
    text = report(import_file(FIXTURES / "not_a_notice.txt", config), "content/n.md")
    assert "第 3 行 [字号切换，部分移除]: 大 中 小 —— 保留: 2024年,示例县统计局认真落实" in text


def test_report_counts_the_per_issue_lines_and_names_an_unreadable_date(config):
    text = report(import_file(FIXTURES / "issue_lines.txt", config), "content/issue_lines.md")
    assert "时限与责任行: 整改时限 4 · 责任单位 1" in text
    assert "第 13 行“整改时限：下个月”的日期无法识别" in text


def test_report_without_per_issue_lines_says_nothing_of_them(config):
    text = report(import_file(FIXTURES / "status_blocks.txt", config), "content/status_blocks.md")
    assert "时限与责任行" not in text
