"""Notice files into the model: structure, ids, status lines and located problems."""

import datetime as dt
from pathlib import Path

import pytest

from site_gen.notice.config import SiteConfig, load_config
from site_gen.notice.model import Status
from site_gen.notice.reader import parse_notice, read_notice

FIXTURES = Path(__file__).parent / "fixtures" / "notices"


def read(name: str, config: SiteConfig | None = None):
    config = config or SiteConfig(root=FIXTURES)
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return parse_notice(text, f"content/{name}", config, Path(name).stem)


def test_sections_issues_and_ids():
    notice, problems = read("sections.md")
    assert not [p for p in problems if p.severity == "error"]
    assert [s.title for s in notice.sections] == ["(一)第一个方面", "(三)第三个方面"]
    assert [s.id for s in notice.sections] == ["s1", "s3"]  # from the section's own number, not its position
    assert [i.id for i in notice.issues] == ["s1-1", "s1-2", "bing", "s3-7"]
    assert [i.title for i in notice.issues][0] == "1. 关于甲的问题"
    assert "开头段落" in notice.intro_html


def test_status_lines_ascii_and_fullwidth():
    notice, _ = read("sections.md")
    first, second, third, fourth = notice.issues
    assert first.status is Status.DONE
    assert second.status is Status.DEEMED_DONE
    assert second.status_line.wording == "视同完成,持续整改"
    assert "紧跟在状态行后" in second.body_html  # text on the next line is kept as measures
    assert "整改进度" not in second.body_html
    assert fourth.status is Status.UNSTATED and fourth.status_line is None


def test_sub_problems_carry_their_own_status():
    notice, _ = read("sections.md")
    bing = notice.issues[2]
    assert [sub.id for sub in bing.sub_problems] == ["bing-1", "bing-2"]
    assert [sub.status for sub in bing.sub_problems] == [Status.DONE_ONGOING, Status.IN_PROGRESS]
    assert bing.status is Status.IN_PROGRESS
    assert notice.progress.total == 4


def test_notice_without_sections_and_fullwidth_front_matter():
    notice, problems = read("flat.md")
    assert not [p for p in problems if p.severity == "error"], problems
    assert notice.title == "测试通报：不分方面"
    assert notice.date.isoformat() == "2025-05-06"
    assert [i.id for i in notice.issues] == ["i1", "i2"]
    assert [i.status for i in notice.issues] == [Status.PHASE_DONE, Status.IN_PROGRESS]


def test_unknown_status_is_located_with_a_suggestion():
    _, problems = read("unknown-status.md")
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1
    (problem,) = errors
    assert problem.path == "content/unknown-status.md"
    assert problem.line == 12
    assert "整改完了" in problem.message
    assert "did you mean" in problem.hint and "整改完" in problem.hint.split("?")[0]


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: x\norganization: y\n", "date is missing"),
        ("title: x\ndate: 2025-01-01\n", "organization is missing"),
        ("title: x\norganization: y\ndate: 2025-02-30\n", "not a valid date"),
        ("title: [x\norganization: y\n", "not valid YAML"),
        ("- a\n- b\n", "must be a list of fields"),
    ],
)
def test_front_matter_problems_are_errors(front, message):
    text = f"---\n{front}---\n\n### 1. 问题\n"
    notice, problems = parse_notice(text, "content/x.md", SiteConfig(root=FIXTURES), "x")
    assert notice is None
    assert any(message in p.message for p in problems), problems


def test_raw_html_is_escaped_by_default():
    text = "---\ntitle: x\norganization: y\ndate: 2025-01-01\n---\n\n<script>alert(1)</script>\n\n[a](javascript:alert(1))\n"
    notice, _ = parse_notice(text, "content/x.md", SiteConfig(root=FIXTURES), "x")
    assert "<script>" not in notice.intro_html and "&lt;script&gt;" in notice.intro_html
    assert 'href="javascript:' not in notice.intro_html


# --- the organisations registry and ASCII addresses ---------------------------------------------------

REGISTRY_SITE = FIXTURES.parent / "registry"  # a county's site: Chinese file names, tags and attachments


def test_a_short_name_or_alias_is_read_as_the_full_name_with_its_contact():
    config, _ = load_config(REGISTRY_SITE)
    water, problems = read_notice(REGISTRY_SITE / "content" / "2025" / "水务局.md", config)  # organization: 水务局
    assert water.organization == "中共示例县水务局党组" and problems == []
    assert water.contact.phones == ("0635-2222222",) and water.contact.address == "示例县人民路 1 号县委巡察办"
    justice, _ = read_notice(REGISTRY_SITE / "content" / "2025" / "司法局.md", config)  # organization: 县司法局
    assert justice.organization == "中共示例县司法局党组"
    assert justice.contact.phones == ("0635-1111111",) and justice.contact.address == "示例县法治路 9 号"


def test_an_organisation_the_registry_lacks_is_a_warning_with_did_you_mean():
    config, _ = load_config(REGISTRY_SITE)
    text = "---\ntitle: 通报\norganization: 中共示例县水务局党委\ndate: 2025-01-01\n---\n正文\n"
    notice, problems = parse_notice(text, "content/x.md", config, "x")
    [unknown] = [d for d in problems if d.code == "organization-unknown"]
    assert (unknown.line, unknown.severity) == (3, "warning")
    assert "did you mean 中共示例县水务局党组?" in unknown.hint
    assert notice.organization == "中共示例县水务局党委"  # kept as written: it gets a page of its own


def test_a_chinese_file_name_or_slug_becomes_a_pinyin_address():
    config, _ = load_config(REGISTRY_SITE)
    notice, _ = read_notice(REGISTRY_SITE / "content" / "2025" / "水务局.md", config)
    assert notice.slug == "2025/shuiwuju"
    text = "---\ntitle: 通报\norganization: 县委\ndate: 2025-01-01\nslug: 2025/司法局（二）\n---\n正文\n"
    notice, problems = parse_notice(text, "content/x.md", config, "x")
    assert notice.slug == "2025/sifaju-er" and not [d for d in problems if d.severity == "error"]
    notice, _ = parse_notice(text.replace("2025/司法局（二）", "2025/sifaju"), "content/x.md", config, "x")
    assert notice.slug == "2025/sifaju"  # an ASCII slug is kept exactly


def test_a_link_to_an_attachment_with_a_chinese_name_follows_it_to_its_ascii_address():
    config, _ = load_config(REGISTRY_SITE)
    notice, problems = read_notice(REGISTRY_SITE / "content" / "2025" / "水务局.md", config)
    assert not [d for d in problems if d.code.startswith("link")]
    assert 'href="fujian/manyiducepingbiao.pdf"' in notice.intro_html


# --- per-issue lines: 整改时限, 责任单位, 责任人, 完成时间 next to the status line ----------------------------------


def test_per_issue_lines_in_any_order_with_aliases_bold_and_either_colon():
    notice, problems = read("issue-lines.md")
    assert [p for p in problems if p.severity == "error"] == []
    first, second, third, fourth = notice.issues
    assert (first.deadline, first.long_term) == (dt.date(2024, 12, 31), False)
    assert (first.responsible, first.responsible_person) == ("测试局办公室", "王某某")
    assert first.completed_on == dt.date(2024, 11, 20) and first.status is Status.DONE
    assert (second.deadline, second.long_term, second.responsible) == (None, True, "测试局法规科")
    assert second.status is Status.IN_PROGRESS  # the status line after a per-issue line is still read
    assert third.deadline == dt.date(2025, 6, 30)  # 6月底: the notice's year
    assert third.responsible == "测试局财务科" and "丙的措施紧跟" in third.body_html
    assert fourth.completed_on == dt.date(2025, 1, 31)
    assert [(s.completed_on, s.deadline) for s in fourth.sub_problems] == [
        (dt.date(2024, 10, 31), None),
        (None, dt.date(2025, 12, 31)),
    ]
    for issue in notice.issues:  # the lines are data, not measures
        for label in ("时限", "责任单位", "牵头单位", "责任部门", "责任人", "完成时间", "销号时间"):
            assert label not in issue.body_html


def test_an_issue_without_these_lines_states_nothing():
    notice, _ = read("sections.md")
    issue = notice.issues[0]
    assert (issue.deadline, issue.long_term, issue.responsible, issue.responsible_person, issue.completed_on) == (
        None,
        False,
        None,
        None,
        None,
    )


def test_a_date_that_cannot_be_read_is_located_with_the_accepted_forms():
    _, problems = read("issue-lines-bad.md")
    by_code = {(p.code, p.line, p.column) for p in problems}
    assert ("body-date", 9, 6) in by_code  # 整改时限：下个月, the value at column 6
    assert ("body-field-twice", 14, 1) in by_code  # 牵头单位 after 责任单位: one unit per issue
    assert ("body-date", 15, 6) in by_code  # 长期坚持 is a deadline, not a closing date
    (unreadable,) = [p for p in problems if p.code == "body-date" and p.line == 9]
    for language in ("en", "zh"):
        shown = unreadable.format(language)
        assert "content/issue-lines-bad.md:9:6" in shown and "下个月" in shown and "整改时限" in shown
        for form in ("2024-06-30", "2024年6月底", "6月底", "2024年底", "2024.6", "长期坚持"):
            assert form in unreadable.in_language(language).hint
    (closing,) = [p for p in problems if p.code == "body-date" and p.line == 15]
    assert "2024年6月底" in closing.hint and "长期坚持" not in closing.hint


def test_an_empty_line_from_the_skeleton_states_nothing_and_is_not_shown(tmp_path):
    text = "---\ntitle: t\norganization: o\ndate: 2025-01-02\n---\n\n### 1. 问题\n整改进度：正在整改\n整改时限：\n责任单位：\n\n措施。\n"
    notice, problems = parse_notice(text, "content/x.md", SiteConfig(root=tmp_path), "x")
    assert [p for p in problems if p.severity == "error"] == []
    issue = notice.issues[0]
    assert (issue.deadline, issue.responsible) == (None, None) and "整改时限" not in issue.body_html


def test_a_label_before_prose_stays_text(tmp_path):
    long_text = "责任单位：" + "各科室按照分工逐项落实整改措施并建立台账，每月向党组报告一次进展情况，确保整改到位。"
    text = f"---\ntitle: t\norganization: o\ndate: 2025-01-02\n---\n\n### 1. 问题\n整改进度：正在整改\n{long_text}\n"
    notice, problems = parse_notice(text, "content/x.md", SiteConfig(root=tmp_path), "x")
    assert notice.issues[0].responsible is None and "各科室按照分工" in notice.issues[0].body_html


def test_the_sites_status_keys_still_name_the_status_beside_the_per_issue_lines(tmp_path):
    config = SiteConfig(root=tmp_path, status_keys=("完成情况",))
    text = "---\ntitle: t\norganization: o\ndate: 2025-01-02\n---\n\n### 1. 问题\n整改时限：2025年6月\n完成情况：整改完成\n"
    notice, problems = parse_notice(text, "content/x.md", config, "x")
    assert [p for p in problems if p.severity == "error"] == []
    issue = notice.issues[0]
    assert issue.status is Status.DONE and issue.deadline == dt.date(2025, 6, 30)


def test_a_per_issue_line_down_in_the_measures_is_text_with_a_warning(tmp_path):
    text = "---\ntitle: t\norganization: o\ndate: 2025-01-02\n---\n\n### 1. 问题\n整改进度：正在整改\n\n措施。\n\n整改时限：2025年6月底\n"
    notice, problems = parse_notice(text, "content/x.md", SiteConfig(root=tmp_path), "x")
    assert [(p.code, p.line, p.severity) for p in problems] == [("body-line-late", 12, "warning")]
    assert notice.issues[0].deadline is None and "整改时限：2025年6月底" in notice.issues[0].body_html
