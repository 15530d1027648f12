"""The slips clerks really make: each caught, located, with the exact fix, in the clerk's own text."""

from __future__ import annotations

from pathlib import Path

from site_gen.commands.build import load_site
from site_gen.commands.cli import main
from site_gen.notice import slips
from site_gen.notice.model import Status
from tests.cli_support import site_gen

SITE_YAML = "base_url: https://xczg.linjiang.example.cn/\ncontact:\n  phones: [0571-8800 1234]\n"
HEAD = """\
---
title: 中共临江区农业农村局党组关于巡察整改进展情况的通报
organization: 中共临江区农业农村局党组
date: 2025-04-02
{extra}---

"""


def site(tmp_path: Path, body: str, extra: str = "", site_yaml: str = SITE_YAML) -> Path:
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "site.yaml").write_text(site_yaml, encoding="utf-8")
    (tmp_path / "content" / "a.md").write_text(HEAD.format(extra=extra) + body, encoding="utf-8")
    return tmp_path


def shown(folder: Path, code: str, language: str = "zh") -> list[str]:
    return [d.in_language(language).format() for d in load_site(folder).diagnostics if d.code == code]


THREE_ISSUES_ONE_SLIPPED = """\
## （一）落实主体责任方面

### 1. 关于农村集体“三资”管理不规范的问题
整改进度：整改完成

完成清产核资。

### 2. 关于惠农补贴发放审核不严的问题
整改进度：整改完成

###3. 关于项目资金拨付滞后的问题
整改进度：正在整改

已拨付部分资金。
"""


def test_a_heading_without_a_space_is_an_error_with_the_fixed_line(tmp_path):
    folder = site(tmp_path, THREE_ISSUES_ONE_SLIPPED)
    assert shown(folder, "heading-no-space") == [
        "content/a.md:17:1: error: “###3. 关于项目资金拨付滞后的问题”被当作正文，不是标题：# 号后面要有一个空格\n"
        "    修改建议: 请改成：### 3. 关于项目资金拨付滞后的问题（如果这行本来就是正文，请把开头的 # 写成 \\#）"
    ]
    assert "a heading needs a space after its #" in shown(folder, "heading-no-space", "en")[0]


def test_the_fixed_heading_gives_the_third_issue_and_its_status(tmp_path):
    fixed = THREE_ISSUES_ONE_SLIPPED.replace("###3.", "### 3.")
    folder = site(tmp_path, fixed)
    (notice,) = load_site(folder).notices
    assert notice.progress.total == 3 and notice.progress.count(Status.IN_PROGRESS) == 1  # not 2 issues at 100 %
    assert shown(folder, "heading-no-space") == []


def test_a_full_width_space_or_full_width_hashes_are_slips_too(tmp_path):
    body = "### 1. 关于甲的问题\n整改进度：整改完成\n\n###　2. 关于乙的问题\n整改进度：整改完成\n\n＃＃＃ 3. 关于丙的问题\n"
    folder = site(tmp_path, body)
    fixes = [line.split("请改成：")[1].split("（")[0] for line in shown(folder, "heading-no-space")]
    assert fixes == ["### 2. 关于乙的问题", "### 3. 关于丙的问题"]


def test_an_escaped_hash_and_a_real_heading_are_not_slips(tmp_path):
    folder = site(tmp_path, "### 1. 关于甲的问题\n整改进度：整改完成\n\n\\#1 号文件已印发。\n\n#### 一是台账\n")
    assert shown(folder, "heading-no-space") == []


def test_a_status_line_outside_any_issue_is_located(tmp_path):
    body = "整改进度：整改完成\n\n## 下一步工作\n\n继续巩固。\n整改情况：正在整改\n"
    folder = site(tmp_path, body)
    assert shown(folder, "status-outside-issue") == [
        "content/a.md:7:1: warning: “整改进度：整改完成”是一行整改状态，但它不在任何问题标题之下，不计入任何问题\n"
        "    修改建议: 请在它上面补上问题标题（### 1. 关于……的问题），或删除这一行",
        "content/a.md:12:1: warning: “整改情况：正在整改”是一行整改状态，但它不在任何问题标题之下，不计入任何问题\n"
        "    修改建议: 请在它上面补上问题标题（### 1. 关于……的问题），或删除这一行",
    ]


def test_prose_after_a_status_label_is_not_a_status_line(tmp_path):
    folder = site(
        tmp_path, "整改情况：各项工作正在有序推进，取得阶段性成效。\n\n### 1. 关于甲的问题\n整改进度：整改完成\n"
    )
    assert shown(folder, "status-outside-issue") == []


def test_summary_numbers_are_checked_against_the_computed_ones(tmp_path):
    body = "### 1. 关于甲的问题\n整改进度：整改完成\n\n### 2. 关于乙的问题\n整改进度：正在整改\n"
    folder = site(tmp_path, body, extra="summary: 反馈的 3 项问题中已完成整改 3 项。\n")
    problems = [d.in_language("zh").format() for d in load_site(folder).diagnostics if d.code.startswith("summary-")]
    assert sorted(problems) == [
        "content/a.md:5:1: warning: 摘要写的是“3 项问题”，但实际列出了 2 个问题\n"
        "    修改建议: 请改正 summary: 中的数字，或核对是否漏写了问题标题",
        "content/a.md:5:1: warning: 摘要写的是“已完成整改 3 项”，但写明已完成的问题有 1 个\n"
        "    修改建议: 请改正 summary: 中的数字（已完成＝整改完成、完成并长期坚持、视同完成），或核对各问题的整改状态",
    ]


def test_a_summary_that_agrees_says_nothing(tmp_path):
    body = "### 1. 关于甲的问题\n整改进度：整改完成\n\n### 2. 关于乙的问题\n整改进度：正在整改\n"
    folder = site(tmp_path, body, extra="summary: 2 项问题中 1 项已完成整改，其余正在推进。\n")
    assert [d for d in load_site(folder).diagnostics if d.code.startswith("summary-")] == []


def test_the_new_sites_example_contact_is_named_until_replaced(tmp_path):
    folder = tmp_path / "demo"
    assert main(["new", "site", str(folder)]) == 0
    values = [d.params for d in load_site(folder).diagnostics if d.code == "starter-placeholder"]
    assert [dict(p)["value"] for p in values] == ["0000-1234567", "xczg@example.gov.cn", "（请改成实际地址）"]
    yaml_path = folder / "site.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    text = text.replace("0000-1234567]", "0571-8800 1234]").replace("xczg@example.gov.cn]", "xczg@linjiang.example.cn]")
    yaml_path.write_text(text.replace("（请改成实际地址）", ""), encoding="utf-8")
    assert shown(folder, "starter-placeholder") == []


def test_starter_placeholders_fail_check_and_build_under_strict(tmp_path):
    folder = tmp_path / "demo"
    assert main(["new", "site", str(folder)]) == 0
    body = "### 1. 关于甲的问题\n整改进度：整改完成\n"
    (folder / "content" / "a.md").write_text(HEAD.format(extra="") + body, encoding="utf-8")
    plain = site_gen("check", "--site", str(folder))
    strict = site_gen("check", "--strict", "--site", str(folder))
    assert plain.returncode == 0 and "“xczg@example.gov.cn”是新建网站时填的示例内容" in plain.stderr
    assert strict.returncode == 1
    built = site_gen("build", "--strict", "--site", str(folder))
    assert built.returncode == 1 and not (folder / "output").exists()


def test_a_placeholder_in_a_published_notice_is_named_but_not_in_a_comment_or_a_draft(tmp_path):
    extra = "contact:\n  emails: [nyj@example.gov.cn]\n# contact: 0000-1234567\n"
    folder = site(tmp_path, "### 1. 关于甲的问题\n整改进度：整改完成\n", extra=extra)
    assert [d.line for d in load_site(folder).diagnostics if d.code == "starter-placeholder"] == [6]
    folder = site(tmp_path, "### 1. 关于甲的问题\n整改进度：整改完成\n", extra=extra + "draft: true\n")
    assert shown(folder, "starter-placeholder") == []


def test_a_skeleton_set_to_draft_false_is_stopped_at_its_first_placeholder_lines(tmp_path, capsys):
    folder = site(tmp_path, "")
    (folder / "content" / "a.md").unlink()
    assert main(["new", "notice", "2025/nongyeju", "--site", str(folder), "--org", "中共临江区农业农村局党组"]) == 0
    path = folder / "content" / "2025" / "nongyeju.md"
    assert shown(folder, "skeleton-placeholder") == []  # a draft: fine as written
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    problems = shown(folder, "skeleton-placeholder")
    assert problems and all(": error: 这份通报不是草稿，却还留着新建通报时待替换的文字" in p for p in problems)
    assert any("### 1. 关于……的问题" in p for p in problems) and any("（整改措施和成效。）" in p for p in problems)


def test_every_skeleton_placeholder_is_in_the_skeleton_new_notice_writes():
    from site_gen.commands.new_notice import SKELETON

    for language, placeholders in slips.SKELETON_PLACEHOLDERS.items():
        assert all(placeholder in SKELETON[language] for placeholder in placeholders), language
