"""site_gen/importer/structure.py: which numbering level holds the issues, sub-problems, status lines.

Expected outlines were written by hand from reading each source.
"""

from __future__ import annotations

import dataclasses

import pytest

from site_gen.importer.boilerplate import strip_chrome
from site_gen.importer.metadata import take_signature, take_title
from site_gen.importer.structure import outline, outline_as_text
from tests.importer_support import FIXTURES, SEED_000, SEED_001, SEED_002, body, needs_seeds, read_lines, site_config


@pytest.fixture(scope="module")
def config():
    return site_config()


def outline_of(path, config, drop=lambda text: False):
    lines = strip_chrome(read_lines(path))[0]
    lines = take_signature(take_title(lines)[1])[2]
    return outline([(n, text) for n, text in lines if not drop(text)], config)


@needs_seeds
def test_seed_000_issues_are_the_numbered_items_and_subs_the_parenthesised_ones(config):
    tree = outline_of(SEED_000, config)
    assert [part.title[:3] for part in tree.parts] == ["(一)", "(三)", "(四)"]
    assert [issue.title.split(".")[0] for issue in tree.issues] == ["1", "2", "3", "7", "8", "9"]
    assert [len(issue.subs) for issue in tree.issues] == [2, 4, 3, 4, 0, 0]  # 13 + items 8 and 9 = 15 leaves
    assert all(not issue.status and not any(sub.status for sub in issue.subs) for issue in tree.issues)
    wrapped = tree.issues[2].subs[0]
    assert wrapped.title == "(1)关于理论学习中心组学习不扎实,没有严格落实补学制度的问题。"
    assert wrapped.lines[0].startswith("建立学习提醒制度。")
    assert tree.issues[4].title == "8.关于组织生活不严肃的问题。" and tree.issues[4].lines[0].startswith("一是")


@needs_seeds
def test_seed_000_reports_the_skipped_numbers_without_filling_them(config):
    notes = outline_of(SEED_000, config).notes
    assert any("3 to 7" in note.in_language("en") for note in notes) and any(
        "section numbers jump from 1 to 3" in note.in_language("en") for note in notes
    )


@needs_seeds
def test_seed_001_text_parts_issues_numbered_across_sections_and_status_blocks(config):
    tree = outline_of(SEED_001, config)
    with_issues = [part for part in tree.parts if part.issues]
    assert [part.title[:3] for part in with_issues] == ["(一)", "(二)", "(三)"]
    assert [len(part.issues) for part in with_issues] == [9, 4, 5]
    assert [part.title[:2] for part in tree.parts if not part.issues] == ["一、", "二、", "三、", "四、"]
    labels = [len(issue.subs) or 1 for issue in tree.issues]
    assert labels == [3, 1, 1, 4, 1, 3, 1, 3, 1, 1, 1, 5, 3, 1, 1, 1, 1, 1] and sum(labels) == 33
    six = tree.issues[5]  # 一是 and 三是 share one paragraph and one label; 二是, 四是 follow
    assert [sub.title[:2] for sub in six.subs] == ["一是", "二是", "四是"]
    assert [sub.status for sub in six.subs] == [
        "整改情况:整改完成",
        "整改情况:视同完成,持续整改",
        "整改情况:视同完成,持续整改",
    ]
    assert tree.issues[8].status == "整改情况:视同完成,持续整改;需持续整改"


@needs_seeds
def test_seed_002_is_read_as_text_parts():
    tree = outline_as_text(strip_chrome(read_lines(SEED_002))[0])
    assert [part.title for part in tree.parts] == ["一、工作情况", "二、存在的问题:", "三、下一步工作打划"]
    assert tree.issues == [] and len(tree.parts[0].lines) == 6


def test_issues_at_the_parenthesised_level_with_numbered_measures(config):
    tree = outline_of(FIXTURES / "paren_issues.txt", config)
    assert [part.title for part in tree.parts if part.issues] == [
        "二、贯彻落实上级决策部署方面",
        "三、全面从严治党方面",
    ]
    assert [issue.title[:3] for issue in tree.issues] == ["（一）", "（二）", "（一）", "（二）"]
    assert [issue.status.split("：")[1] for issue in tree.issues[:3]] == [
        "整改完成",
        "需持续整改。",
        "阶段性完成并需长期坚持",
    ]
    assert tree.issues[3].status == ""
    assert tree.issues[0].lines == ["1.建立审计整改台账，逐项销号。", "2.对12个单位开展整改回头看。"]
    overall, plans = tree.parts[0], tree.parts[-1]  # 1. steps of 总体情况 and (一) of 下一步 are not issues
    assert overall.lines[1:] == ["1.成立整改工作领导小组。", "2.每月调度整改进度。"]
    assert plans.issues == [] and plans.lines[:2] == ["（一）持续巩固整改成果。", "（二）健全长效机制。"]


def test_without_status_lines_the_problem_headings_decide_the_level(config):
    tree = outline_of(FIXTURES / "paren_issues.txt", config, drop=lambda text: text.startswith("整改情况"))
    assert [issue.title[:3] for issue in tree.issues] == ["（一）", "（二）", "（一）", "（二）"]


def test_fullwidth_numbering_restarting_numbers_wrapped_heading_and_measures_label(config):
    tree = outline_of(FIXTURES / "fullwidth.txt", config)
    assert [[issue.title[:2] for issue in part.issues] for part in tree.parts] == [["１．", "２．"], ["１．", "２．"]]
    assert tree.issues[3].title == "２．关于年轻干部选拔任用不充分的问题。"
    assert tree.issues[0].status == "整改进度：整改完成。"
    assert tree.issues[1].status == "" and tree.issues[1].lines[0].startswith("整改情况：已对全县42个供水站")


def test_status_per_shi_block_and_shared_label(config):
    tree = outline(
        body(
            "（一）作风方面",
            "1.关于会风不实的问题。一是会议多。",
            "整改情况：整改完成",
            "主要做法和成效：精简会议。",
            "二是文件长。三是材料多。",
            "整改情况：视同完成，持续整改",
            "主要做法及成效：压缩篇幅。",
        ),
        config,
    )
    issue = tree.issues[0]
    assert issue.title == "1.关于会风不实的问题。"
    assert [(sub.title, sub.status) for sub in issue.subs] == [
        ("一是会议多。", "整改情况：整改完成"),
        ("二是文件长。", "整改情况：视同完成，持续整改"),
    ]
    assert issue.subs[1].lines == ["三是材料多。", "主要做法及成效：压缩篇幅。"]


def test_a_line_that_fits_no_rule_stays_where_it_stood(config):
    tree = outline(body("开头说明。", "1.关于甲的问题。", "主要做法：另行研究。", "附：说明"), config)
    assert tree.intro == ["开头说明。"]
    assert tree.issues[0].status == "" and tree.issues[0].lines == ["主要做法：另行研究。", "附：说明"]


def test_an_unknown_wording_is_the_issues_status_as_the_notice_words_it(config):
    tree = outline(
        body("1.关于甲的问题。", "整改情况：整改到位。", "附：说明", "2.关于乙的问题。", "整改情况：整改完成"), config
    )
    assert [(issue.status, issue.lines) for issue in tree.issues] == [
        ("整改情况：整改到位。", ["附：说明"]),
        ("整改情况：整改完成", []),
    ]
    assert any(
        "第 2 行“整改情况：整改到位。”不是本站已知的整改状态写法，已照原文写作状态行" in note.in_language("zh")
        for note in tree.notes
    )


def test_an_unknown_wording_after_the_status_line_stays_text(config):
    tree = outline(body("1.关于甲的问题。", "整改情况：整改完成", "整改情况：已建台账。"), config)
    assert tree.issues[0].status == "整改情况：整改完成" and tree.issues[0].lines == ["整改情况：已建台账。"]
    assert any(
        "第 3 行“整改情况：已建台账。”不是已知的整改状态写法，按正文保留" in note.in_language("zh")
        for note in tree.notes
    )


def test_when_sub_problems_carry_statuses_the_issues_own_label_stays_visible_as_text(config):
    tree = outline(
        body(
            "1.关于甲的问题。",
            "整改情况：整改完成",
            "(1)关于甲一的问题。",
            "整改情况：正在整改",
            "(2)关于甲二的问题。",
        ),
        config,
    )
    issue = tree.issues[0]
    assert issue.status == "" and issue.lines == ["原文另标：整改情况：整改完成"]
    assert [(sub.title, sub.status) for sub in issue.subs] == [
        ("(1)关于甲一的问题。", "整改情况：正在整改"),
        ("(2)关于甲二的问题。", ""),
    ]


def test_status_lines_after_numbered_measures_belong_to_the_problem_above(config):
    tree = outline(
        body(
            "一、政治建设方面",
            "（一）关于学习制度落实不严的问题。",
            "1.修订学习制度。",
            "2.建立学习台账。",
            "整改情况：整改完成",
            "（二）关于调研不深入的问题。",
            "1.制定调研计划。",
            "整改情况：正在整改",
        ),
        config,
    )
    assert [(issue.title, issue.status) for issue in tree.issues] == [
        ("（一）关于学习制度落实不严的问题。", "整改情况：整改完成"),
        ("（二）关于调研不深入的问题。", "整改情况：正在整改"),
    ]
    assert tree.issues[0].lines == ["1.修订学习制度。", "2.建立学习台账。"]


def test_status_labels_are_the_sites_status_keys(config):
    lines = body("1.关于甲的问题。", "完成情况：整改完成")
    assert outline(lines, config).issues[0].status == ""  # not a key of the sample site: stays text
    custom = dataclasses.replace(config, status_keys=(*config.status_keys, "完成情况"))
    assert outline(lines, custom).issues[0].status == "完成情况：整改完成"


# Twins of the seed tests on the project's own fixtures: the same behaviours, expected outlines read by hand.


def test_fixture_issues_are_the_numbered_items_and_subs_the_parenthesised_ones(config):
    tree = outline_of(FIXTURES / "no_status_subs.txt", config)
    assert [part.title[:3] for part in tree.parts] == ["(一)", "(三)"]
    assert [issue.title.split(".")[0] for issue in tree.issues] == ["1", "2", "3", "6", "7"]
    assert [len(issue.subs) for issue in tree.issues] == [2, 2, 2, 0, 2]
    assert all(not issue.status and not any(sub.status for sub in issue.subs) for issue in tree.issues)
    wrapped = tree.issues[2].subs[0]
    assert wrapped.title == "(1)关于统计开放日活动长期未开展的问题。"
    assert wrapped.lines[0].startswith("今年9月举办首个统计开放日")
    assert tree.issues[3].title == "6.关于党员发展工作不规范的问题。" and tree.issues[3].lines[0].startswith("一是")


def test_fixture_reports_the_skipped_numbers_without_filling_them(config):
    notes = outline_of(FIXTURES / "no_status_subs.txt", config).notes
    assert any("3 to 6" in note.in_language("en") for note in notes) and any(
        "section numbers jump from 1 to 3" in note.in_language("en") for note in notes
    )


def test_fixture_text_parts_issues_numbered_across_sections_and_status_blocks(config):
    tree = outline_of(FIXTURES / "status_blocks.txt", config)
    with_issues = [part for part in tree.parts if part.issues]
    assert [part.title[:3] for part in with_issues] == ["(一)", "(二)", "(三)"]
    assert [len(part.issues) for part in with_issues] == [2, 1, 1]
    assert [part.title[:2] for part in tree.parts if not part.issues] == ["一、", "二、", "三、"]
    labels = [len(issue.subs) or 1 for issue in tree.issues]
    assert labels == [2, 1, 2, 1]
    first = tree.issues[0]  # 二是 and 三是 share one paragraph and one label
    assert [sub.title for sub in first.subs] == ["一是宣传渠道单一。", "二是解读材料更新慢。"]
    assert [sub.status for sub in first.subs] == ["整改情况:整改完成", "整改情况:视同完成,持续整改"]
    assert tree.issues[1].status == "整改情况:视同完成,持续整改;需持续整改"


def test_fixture_that_is_not_a_notice_is_read_as_text_parts():
    tree = outline_as_text(strip_chrome(read_lines(FIXTURES / "not_a_notice.txt"))[0])
    assert [part.title for part in tree.parts] == ["一、工作情况", "二、存在的问题:", "三、下一步工作打算"]
    assert tree.issues == [] and len(tree.parts[0].lines) == 2


def test_the_organisations_own_measures_are_not_problems(config):
    tree = outline_of(FIXTURES / "measures_then_problems.txt", config)
    assert [issue.title for issue in tree.issues] == [
        "（一）统计数据质量核查不严的问题。",
        "（二）问题：统计执法检查覆盖面不够。",
    ]
    general = tree.parts[0]
    assert general.title == "一、整改工作开展情况" and general.issues == []
    assert general.lines[0].startswith("（一）加强组织领导。")  # its 一是/二是 and 1. 2. stay text
    assert "“二、整改落实情况”（标题说明是反馈的问题" in tree.decision.in_language("zh")
    assert "“一、整改工作开展情况”、“三、下一步工作打算” 按正文导入" in tree.decision.in_language("zh")


def test_a_notice_without_a_problem_part_gets_no_invented_problems(config):
    tree = outline_of(FIXTURES / "no_problem_part.txt", config)
    assert tree.issues == []
    assert [part.title for part in tree.parts] == ["一、总体部署", "二、主体责任落实情况", "三、下一步工作打算"]
    assert tree.parts[1].lines == ["1.主要负责人亲自抓、负总责。", "2.班子成员按分工抓好分管领域整改。"]
    assert "没有找到问题部分" in tree.decision.in_language("zh") and "--problems-in" in tree.decision.in_language("en")


def test_problems_in_overrides_the_decision(config):
    tree = outline_of(FIXTURES / "no_problem_part.txt", config)
    lines = strip_chrome(read_lines(FIXTURES / "no_problem_part.txt"))[0]
    lines = take_signature(take_title(lines)[1])[2]
    chosen = outline(lines, config, problems_in="二、")
    assert [issue.title for issue in chosen.issues] == [
        "1.主要负责人亲自抓、负总责。",
        "2.班子成员按分工抓好分管领域整改。",
    ]
    assert "--problems-in" in chosen.decision.in_language("en") and tree.issues == []
    nowhere = outline(lines, config, problems_in="五、")
    assert nowhere.issues == [] and "没有标题含“五、”" in nowhere.decision.in_language("zh")


def test_problems_phrased_as_shortcomings_are_problems(config):
    tree = outline(
        body(
            "一、存在问题整改情况", "1.存在制度执行不到位情况。", "已修订制度。", "2.问题：台账不全。", "已补齐台账。"
        ),
        config,
    )
    assert [issue.title for issue in tree.issues] == ["1.存在制度执行不到位情况。", "2.问题：台账不全。"]


def test_per_issue_lines_are_kept_with_their_issue_in_any_order(config):
    tree = outline(
        body(
            "（一）作风方面",
            "1.关于会风不实的问题。",
            "整改时限：2024年6月底",
            "整改情况：整改完成",
            "责任单位：局办公室",
            "精简会议。",
            "完成时间：2024年5月",
        ),
        config,
    )
    (issue,) = tree.issues
    assert issue.status == "整改情况：整改完成"
    assert issue.fields == ["整改时限：2024年6月底", "责任单位：局办公室", "完成时间：2024年5月"]
    assert issue.lines == ["精简会议。"]


def test_per_issue_lines_go_to_the_shi_block_they_stand_next_to(config):
    tree = outline(
        body(
            "（一）作风方面",
            "1.关于会风不实的问题。一是会议多。",
            "整改时限：2024年6月底",
            "整改情况：整改完成",
            "精简会议。",
            "二是文件长。",
            "整改情况：正在整改",
            "责任人：李某",
            "压缩篇幅。",
        ),
        config,
    )
    first, second = tree.issues[0].subs
    assert (first.title, first.fields, first.lines) == ("一是会议多。", ["整改时限：2024年6月底"], ["精简会议。"])
    assert (second.title, second.fields, second.lines) == ("二是文件长。", ["责任人：李某"], ["压缩篇幅。"])


def test_an_unreadable_date_or_a_second_line_of_one_kind_stays_visible_as_text(config):
    tree = outline(
        body(
            "（一）作风方面",
            "1.关于会风不实的问题。",
            "整改情况：正在整改",
            "整改时限：下个月",
            "责任单位：甲科",
            "牵头单位：乙科",
        ),
        config,
    )
    (issue,) = tree.issues
    assert issue.fields == ["责任单位：甲科"]
    assert issue.lines == ["整改时限：下个月", "原文另标：牵头单位：乙科"]
    assert any(
        "第 4 行“整改时限：下个月”的日期无法识别" in note.in_language("zh") and "2024年6月底" in note.in_language("zh")
        for note in tree.notes
    )


# The same line, read by check under an issue heading and found by import in pasted text, gets one verdict.
AGREEMENT_LINES = [
    "整改时限：2024年6月底",
    "**整改时限：**2024年6月底",
    "完成时限:6月底",
    "时限：2024.6",
    "整改时限：2024年底",
    "整改时限：长期坚持",
    "整改时限：下个月",
    "整改时限：2024年13月",
    "完成时间：长期坚持",
    "销号时间：2024-05-20",
    "责任单位：县住建局",
    "牵头单位：县住建局（牵头）、县财政局",
    "责任部门：" + "各科室按照分工逐项落实整改措施并建立台账，每月向党组报告一次进展情况，确保整改到位。",
    "责任人：张某某",
    "Deadline: 2024-06-30",
    "Responsible person: A. Smith",
    "要求明确整改时限：6月底前",
]


@pytest.mark.parametrize("line", AGREEMENT_LINES)
def test_import_and_check_give_a_per_issue_line_the_same_verdict(line, config):
    from site_gen.notice.reader import parse_notice

    checked, problems = parse_notice(
        f"---\ntitle: t\norganization: o\ndate: 2025-01-02\n---\n\n### 1. 关于甲的问题\n整改进度：正在整改\n{line}\n",
        "content/x.md",
        config,
        "x",
    )
    issue = checked.issues[0]
    check_takes_it = not any(p.severity == "error" for p in problems) and any(
        (issue.deadline, issue.long_term, issue.responsible, issue.responsible_person, issue.completed_on)
    )
    tree = outline(body("（一）方面", "1.关于甲的问题。", "整改情况：正在整改", line), config)
    import_keeps_it = tree.issues[0].fields == [line]
    assert import_keeps_it == check_takes_it
    assert import_keeps_it or line in tree.issues[0].lines  # nothing lost either way
