"""site_gen/importer/convert.py: one source -> one notice, on the three real seeds and small fixtures.

Expected values were written by hand from reading each document (see ../shared/DOMAIN.md), not from the importer.
Each seed test has a twin on a fixture of ours (no_status_subs, status_blocks, not_a_notice) with the same
behaviours, so a clone without ../shared/seeds still tests all of them.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_gen.importer import import_file
from site_gen.importer.sources import SourceError, read_source
from tests.importer_support import (
    FIXTURES,
    SEED_000,
    SEED_001,
    SEED_002,
    docx_of,
    html_of,
    needs_seeds,
    pdf_of,
    read_lines,
    seed_param,
    site_config,
)


@pytest.fixture(scope="module")
def config():
    return site_config()


def imported(path, config):
    result = import_file(path, config)
    assert result.notice is not None, [d.format() for d in result.diagnostics]
    assert not [d for d in result.diagnostics if d.severity == "error"], [d.format() for d in result.diagnostics]
    return result


@needs_seeds
def test_seed_000_no_status_no_top_level_and_numbering_gaps(config):
    result = imported(SEED_000, config)
    notice = result.notice
    assert notice.title == "中共东昌府区司法局党组关于十四届区委第六轮巡察整改进展情况的通报"
    assert notice.organization == "中共东昌府区司法局党组"
    assert notice.date.isoformat() == "2025-04-02"
    assert [s.id for s in notice.sections if s.issues] == ["s1", "s3", "s4"]  # (二) is missing in the source
    assert [i.id for i in notice.issues] == ["s1-1", "s1-2", "s1-3", "s3-7", "s3-8", "s4-9"]
    assert [len(i.sub_problems) for i in notice.issues] == [2, 4, 3, 4, 0, 0]  # 15 leaf problems
    assert {i.status.value for i in notice.issues} == {"unstated"}  # never guessed from prose
    wrapped = notice.issues[2].sub_problems[0].title
    assert wrapped == "(1)关于理论学习中心组学习不扎实,没有严格落实补学制度的问题。"
    two_sentences = notice.issues[0].sub_problems[1].title
    assert (
        two_sentences
        == "(2)关于在“学懂”环节有偏差,理论学习不严不实。材料撰写把关不严、质量不高,出现明显错误表述的问题。"
    )
    assert result.front["contact"] == {"phones": ["8419109"], "emails": ["dcfqsfjagk@163.com"]}
    assert result.front["inspection"] == {
        "group": "区委第二巡察组",
        "round": "十四届区委第六轮巡察",
        "from": "2024-03-27",
        "to": "2024-06-07",
        "feedback": "2024-07-06",
    }
    assert result.front["reviewers"] == ["一审：郑明建", "二审：张芳", "三审：周忠巨"]
    assert {r.kind for r in result.removed} >= {"font size", "QR code"}
    assert any("issue numbers jump from 3 to 7" in note.in_language("en") for note in result.notes)
    assert not any("17" in str(note) for note in result.notes)  # 17项具体问题 inside measures is not a notice total


EXPECTED_001 = {  # issue -> statuses of its label(s), read from the 整改情况 lines of the document
    1: ["deemed_done", "done_ongoing", "deemed_done"],
    2: ["deemed_done"],
    3: ["deemed_done"],
    4: ["done", "deemed_done", "in_progress", "done_ongoing"],
    5: ["deemed_done"],
    6: ["done", "deemed_done", "deemed_done"],
    7: ["deemed_done"],
    8: ["deemed_done", "done_ongoing", "done_ongoing"],
    9: ["in_progress"],
    10: ["done"],
    11: ["done"],
    12: ["done_ongoing", "done_ongoing", "done", "done_ongoing", "in_progress"],
    13: ["done", "deemed_done", "done"],
    14: ["in_progress"],
    15: ["deemed_done"],
    16: ["done"],
    17: ["done"],
    18: ["done"],
}
LEAST_001 = {
    1: "deemed_done",
    4: "in_progress",
    6: "deemed_done",
    8: "deemed_done",
    12: "in_progress",
    13: "deemed_done",
}


@needs_seeds
def test_seed_001_statuses_per_issue_and_per_sub_problem(config):
    result = imported(SEED_001, config)
    notice = result.notice
    assert result.front["title"] == "中共鄂城区司法局党组关于巡察整改进展情况的通报"  # made up, and said so
    assert any("no title found" in note.in_language("en") for note in result.notes)
    assert notice.date.isoformat() == "2024-07-11"
    assert len([s for s in notice.sections if s.issues]) == 3
    assert [int(i.number) for i in notice.issues] == list(range(1, 19))
    for issue in notice.issues:
        number = int(issue.number)
        expected = EXPECTED_001[number]
        if len(expected) > 1:
            assert [s.status.value for s in issue.sub_problems] == expected, number
            assert issue.status.value == LEAST_001[number]
        else:
            assert issue.sub_problems == () and issue.status.value == expected[0], number
    assert sum(len(v) for v in EXPECTED_001.values()) == 33
    assert notice.issues[8].wording == "视同完成,持续整改;需持续整改"


@needs_seeds
def test_seed_001_contact_is_the_publishers_not_the_websites(config):
    result = imported(SEED_001, config)
    assert result.front["contact"] == {"phones": ["027-56919296"], "emails": ["895724885@qq.com"]}
    assert [r.kind for r in result.removed] == ["site footer"]
    assert "027-60896105" not in result.markdown and "明塘路70号" not in result.markdown
    assert result.front["inspection"]["feedback"] == "2024-01-11"
    assert any(
        "反馈意见9条、反馈意见4条、反馈问题5条）共 18 项，与找到的 18 个问题一致" in note.in_language("zh")
        for note in result.notes
    )


@needs_seeds
def test_seed_002_is_not_a_rectification_notice(config):
    result = imported(SEED_002, config)
    assert not result.is_rectification and "not a rectification notice" in result.notes[0].in_language("en")
    assert result.notice.issues == ()
    assert [s.title for s in result.notice.sections] == ["一、工作情况", "二、存在的问题:", "三、下一步工作打划"]
    assert result.notice.organization == "东昌府区司法局"
    assert "2023年,东昌府区司法局坚持" in result.markdown  # the glued 大 中 小 was removed, the sentence kept
    assert [r.text for r in result.removed] == ["字号:", "大 中 小", "扫码使用手机浏览本页内容"]


def normalized(text: str) -> str:
    """Without spaces, heading marks, Markdown escapes, character references (&#65306; is ：), link marks."""
    return re.sub(r"[\s#\\\x01]", "", html.unescape(text))


def covered(line: str, corpus: str) -> bool:
    """The line is in the corpus whole, or in two pieces (a heading and its text; chrome glued to a sentence)."""
    if line in corpus:
        return True
    return any(line[:i] in corpus and line[i:] in corpus for i in range(1, len(line)))


def signature_date(line: str, front: dict) -> bool:
    """The signature date is kept as the notice's date: in the front-matter, written as ISO."""
    match = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", line.strip())
    return bool(match) and "{}-{:02d}-{:02d}".format(*map(int, match.groups())) == front["date"]


SOURCES = [*map(seed_param, [SEED_000, SEED_001, SEED_002]), *sorted(FIXTURES.iterdir())]
TEXT_FIXTURES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("seed", SOURCES, ids=lambda p: p.stem)
def test_every_source_line_is_kept_or_reported(seed, config):
    result = import_file(seed, config)
    corpus = normalized(result.markdown + "\n".join(r.text for r in result.removed))
    missing = []
    for number, line in enumerate(read_lines(seed), start=1):
        text = normalized(line.lstrip("- "))
        if text and not covered(text, corpus) and not signature_date(line, result.front):
            missing.append((number, line[:60]))
    assert missing == []


@pytest.mark.parametrize(
    "seed", [*map(seed_param, [SEED_000, SEED_001, SEED_002]), *TEXT_FIXTURES], ids=lambda p: p.stem
)
def test_docx_and_html_import_to_the_same_notice_as_text(seed, config, tmp_path):
    lines = read_lines(seed)
    expected = import_file(seed, config).markdown.replace(seed.name, "SOURCE")  # the origin line names the file
    from_docx = import_file(docx_of(lines, tmp_path / f"{seed.stem}.docx"), config)
    assert from_docx.markdown.replace(f"{seed.stem}.docx", "SOURCE") == expected
    from_html = import_file(html_of(lines, tmp_path / f"{seed.stem}.html"), config)
    assert from_html.markdown.replace(f"{seed.stem}.html", "SOURCE") == expected
    assert {r.kind for r in from_html.removed} >= {"breadcrumb", "site footer"}


def test_fullwidth_numbering_restarts_wrapped_heading_split_email(config):
    result = imported(FIXTURES / "fullwidth.txt", config)
    notice = result.notice
    assert [i.id for i in notice.issues] == ["s1-1", "s1-2", "s2-1", "s2-2"]  # numbering restarts per section
    assert [i.status.value for i in notice.issues] == ["done", "unstated", "in_progress", "phase_done"]
    assert "清退多收水费" in notice.issues[1].body_html  # 整改情况：<measures> is not a status
    assert notice.issues[3].title == "２．关于年轻干部选拔任用不充分的问题。"
    assert result.front["contact"]["emails"] == ["shuili_jiandu@example.com"]
    assert result.front["contact"]["phones"] == ["0530-1234567"]
    assert result.front["contact"]["address"] == "示例县人民路1号"
    assert result.front["inspection"]["feedback"] == "2024-08-02"


def test_issues_at_the_parenthesised_level_import_and_check(config):
    result = imported(FIXTURES / "paren_issues.txt", config)
    notice = result.notice
    assert notice.title == "中共示例市审计局党组关于市委第二轮巡察整改进展情况的通报"  # wrapped over two lines
    assert notice.date.isoformat() == "2023-10-10"  # no signature: the page's 发布时间
    assert any("no signature date" in note.in_language("en") for note in result.notes)
    assert [s.title for s in notice.sections if s.issues] == ["二、贯彻落实上级决策部署方面", "三、全面从严治党方面"]
    assert [i.id for i in notice.issues] == ["s2-1", "s2-2", "s3-1", "s3-2"]
    assert [i.status.value for i in notice.issues] == ["done", "in_progress", "phase_done", "unstated"]
    assert any("问题4个）共 4 项，与找到的 4 个问题一致" in note.in_language("zh") for note in result.notes)
    assert [(r.line, r.kind) for r in result.removed] == [(3, "publication line")]


def test_repeated_numbers_get_explicit_ids_and_check_cleanly(config):
    result = imported(FIXTURES / "repeated_numbers.txt", config)
    assert [i.id for i in result.notice.issues] == ["s1-1", "s1-2", "s1b-1", "s1b-1b"]
    assert [i.status.value for i in result.notice.issues] == ["done", "done", "in_progress", "done"]
    assert result.front["inspection"] == {"group": "县委第一巡察组", "feedback": "2024-10-15"}


def test_a_saved_government_page_imports_without_its_chrome(config):
    result = imported(FIXTURES / "saved_page.html", config)
    notice = result.notice
    assert notice.title == "中共示例县农业农村局党组关于县委第五轮巡察整改进展情况的通报"
    assert notice.date.isoformat() == "2024-12-02"  # the signature, not the page's 发布时间
    assert result.front["inspection"] == {
        "group": "县委第二巡察组",
        "round": "县委第五轮巡察",
        "from": "2024-04-08",
        "to": "2024-05-31",
        "feedback": "2024-07-10",
    }
    assert [s.title for s in notice.sections] == ["一、贯彻落实党的路线方针政策方面", "二、全面从严治党方面"]
    assert [i.status.value for i in notice.issues] == ["done", "deemed_done", "in_progress"]
    assert result.front["contact"] == {  # not the footer's 0530-1112222 / 政务大道1号
        "phones": ["0530-7654321"],
        "emails": ["nyj_xczg@example.cn"],
        "address": "示例县建设路8号",
    }
    kinds = [r.kind for r in result.removed]
    assert kinds.count("links") == 7 and {"breadcrumb", "publication line", "font size", "QR code"} <= set(kinds)
    for chrome in ["上一篇", "网站地图", "机构概况", "统计代码", "0530-1112222", "ICP"]:
        assert chrome not in result.markdown, chrome
    assert "修订公务接待管理办法，全文见此。" in result.markdown  # a link inside a sentence is text


# Twins of the seed tests on the project's own fixtures: the same behaviours, expected values read by hand.


def test_fixture_no_status_no_top_level_and_numbering_gaps(config):
    result = imported(FIXTURES / "no_status_subs.txt", config)
    notice = result.notice
    assert notice.title == "中共示例县统计局党组关于十五届县委第三轮巡察整改进展情况的通报"
    assert notice.organization == "中共示例县统计局党组"
    assert notice.date.isoformat() == "2024-12-20"
    assert [s.id for s in notice.sections if s.issues] == ["s1", "s3"]  # (二) is missing in the source
    assert [i.id for i in notice.issues] == ["s1-1", "s1-2", "s1-3", "s3-6", "s3-7"]
    assert [len(i.sub_problems) for i in notice.issues] == [2, 2, 2, 0, 2]
    assert {i.status.value for i in notice.issues} == {"unstated"}  # never guessed from prose
    assert notice.issues[2].sub_problems[0].title == "(1)关于统计开放日活动长期未开展的问题。"  # wrapped line
    two_sentences = notice.issues[0].sub_problems[1].title
    assert two_sentences == "(2)关于检查发现问题未跟踪。整改通知书送达不及时的问题。"
    assert result.front["contact"] == {"phones": ["7651234"], "emails": ["tjj_xczg@163.com"]}
    assert result.front["inspection"] == {
        "group": "县委第三巡察组",
        "round": "十五届县委第三轮巡察",
        "from": "2024-04-08",
        "to": "2024-06-14",
        "feedback": "2024-07-12",
    }
    assert result.front["reviewers"] == ["一审：王一", "二审：李二", "三审：赵三"]
    assert {r.kind for r in result.removed} >= {"font size", "QR code"}
    assert any("issue numbers jump from 3 to 6" in note.in_language("en") for note in result.notes)
    assert not any("17" in str(note) for note in result.notes)  # 17项具体问题 inside measures is not a notice total


EXPECTED_BLOCKS = {1: ["done", "deemed_done"], 2: ["in_progress"], 3: ["done", "in_progress"], 4: ["done_ongoing"]}
LEAST_BLOCKS = {1: "deemed_done", 3: "in_progress"}


def test_fixture_statuses_per_issue_and_per_sub_problem(config):
    result = imported(FIXTURES / "status_blocks.txt", config)
    notice = result.notice
    assert result.front["title"] == "中共示例县民政局党组关于巡察整改进展情况的通报"  # made up, and said so
    assert any("no title found" in note.in_language("en") for note in result.notes)
    assert notice.date.isoformat() == "2024-09-12"
    assert len([s for s in notice.sections if s.issues]) == 3
    assert [int(i.number) for i in notice.issues] == [1, 2, 3, 4]  # numbered across sections
    for issue in notice.issues:
        number = int(issue.number)
        expected = EXPECTED_BLOCKS[number]
        if len(expected) > 1:
            assert [s.status.value for s in issue.sub_problems] == expected, number
            assert issue.status.value == LEAST_BLOCKS[number]
        else:
            assert issue.sub_problems == () and issue.status.value == expected[0], number
    assert notice.issues[1].wording == "视同完成,持续整改;需持续整改"  # one compound label, its least part
    assert notice.issues[0].sub_problems[1].title == "二是解读材料更新慢。"  # 三是 shares 二是's paragraph and label
    assert "三是群众咨询回复不及时。" in notice.issues[0].sub_problems[1].body_html


def test_fixture_contact_is_the_publishers_not_the_websites(config):
    result = imported(FIXTURES / "status_blocks.txt", config)
    assert result.front["contact"] == {"phones": ["0710-5551234"], "emails": ["xczg_mzj@qq.com"]}
    assert [r.kind for r in result.removed] == ["site footer"]
    assert "0710-5550000" not in result.markdown and "政务路9号" not in result.markdown
    assert result.front["inspection"]["feedback"] == "2024-06-18"
    assert any(
        "反馈意见2条、反馈意见1条、反馈问题1条）共 4 项，与找到的 4 个问题一致" in note.in_language("zh")
        for note in result.notes
    )


def test_fixture_that_is_not_a_rectification_notice(config):
    result = imported(FIXTURES / "not_a_notice.txt", config)
    assert not result.is_rectification and "not a rectification notice" in result.notes[0].in_language("en")
    assert result.notice.issues == ()
    assert [s.title for s in result.notice.sections] == ["一、工作情况", "二、存在的问题:", "三、下一步工作打算"]
    assert result.notice.organization == "示例县统计局"
    assert "2024年,示例县统计局认真落实" in result.markdown  # the glued 大 中 小 was removed, the sentence kept
    assert [r.text for r in result.removed] == ["字号:", "大 中 小", "扫码使用手机浏览本页内容"]


PIECES = [
    "一、反馈问题整改情况",
    "（一）关于台账不全的问题。",
    "1.",
    "整改情况：",
    "整改情况：整改完成",
    "索引号",
    "标题：",
    "首页",
    "<div><p>",
    "</a>",
    "@",
    "0530-",
    "共反馈问题99个",
    "一是",
    "\ufeff",
    "\x00",
    "",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=30),
    suffix=st.sampled_from([".txt", ".html"]),
    problems_in=st.sampled_from([None, "二、", ""]),
)
def test_any_text_imports_or_is_refused_with_a_message(lines, suffix, problems_in, config, tmp_path):
    source = tmp_path / f"any{suffix}"
    source.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        result = import_file(source, config, problems_in)
    except SourceError as refused:
        assert str(source) in str(refused)
    else:
        assert result.markdown.startswith("---\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), kind=st.sampled_from([".docx", ".pdf"]))
def test_damaged_word_and_pdf_files_are_refused_with_a_message(data, kind, tmp_path):
    whole = tmp_path / f"whole{kind}"
    if not whole.exists():
        lines = ["中共示例局党组关于巡察整改进展情况的通报", "1.关于台账不全的问题。", "整改情况：整改完成"]
        docx_of(lines, whole) if kind == ".docx" else pdf_of([lines], whole)
    raw = bytearray(whole.read_bytes())
    for position in data.draw(st.lists(st.integers(0, len(raw) - 1), max_size=12)):
        raw[position] = data.draw(st.integers(0, 255))
    damaged = tmp_path / f"damaged{kind}"
    damaged.write_bytes(bytes(raw[: data.draw(st.integers(0, len(raw)))]))
    try:
        read_source(damaged)
    except SourceError as refused:
        assert str(damaged) in str(refused)


def test_a_stated_count_that_disagrees_with_the_problems_found_is_said(config):
    result = imported(FIXTURES / "measures_then_problems.txt", config)
    assert len(result.notice.issues) == 2  # the general part's (一)(二) and 1. 2. are measures
    assert any("反馈问题3个）共 3 项，但找到 2 个问题" in note.in_language("zh") for note in result.notes)


def test_per_issue_lines_in_pasted_text_are_kept_and_read_as_check_reads_them(config):
    result = imported(FIXTURES / "issue_lines.txt", config)
    first, second, third = result.notice.issues
    assert (first.deadline.isoformat(), first.responsible, first.completed_on.isoformat()) == (
        "2024-06-30",
        "县水务局河湖科",
        "2024-05-20",
    )
    assert (second.long_term, second.responsible_person) == (True, "李某")
    assert "整改时限：下个月" in second.body_html  # can't be read: kept as text, and the report says why
    assert any("整改时限：下个月" in note.in_language("zh") for note in result.notes)
    assert [(sub.deadline.isoformat(), sub.status.value) for sub in third.sub_problems] == [
        ("2024-12-31", "done"),
        ("2024-09-30", "in_progress"),
    ]
    assert "整改时限：2024年6月底" in result.markdown and "时限：2024.9" in result.markdown  # as written


# --- issue 25: a portal page ends at its signature; the portal's footer is never the publisher's contact -----------

PORTAL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>通报</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<div class="title"><h1>中共示例县水务局党组关于县委第四轮巡察整改进展情况的通报</h1></div>
<div class="info"><span>日期:2025-11-20</span> <span>来源:示例县水务局</span> <span>浏览量:</span></div>
<div class="share">分享:</div>
<div class="TRS_Editor">
<p>县委第三巡察组于2025年4月1日至5月30日对局党组开展巡察，6月20日反馈了巡察意见。</p>
<p>一、巡察反馈问题整改情况</p>
<p>（一）关于农村供水站管护不到位的问题</p>
<p>整改进度：整改完成</p>
<table><tr><td>项目</td><td>数量</td></tr><tr><td>供水站</td><td>42</td></tr><tr><td>管护员</td><td>84</td></tr></table>
<p>逐站明确管护责任人。</p>
<p>（二）关于水费减免审核不严的问题</p>
<p>整改进度：正在整改</p>
<p>逐户复核减免名单。</p>
<p>下一步，局党组将持续巩固整改成果。欢迎监督，联系电话：0571-5550000。</p>
<p>中共示例县水务局党组</p>
<p>2025年11月18日</p>
<p>分享：<a href="#">微信</a> <a href="#">微博</a></p>
<div class="related"><p>相关文章</p><p><a href="/a.html">示例县水务局召开整改推进会</a></p></div>
</div>
<div class="footer"><p>主办单位：示例县人民政府办公室</p><p>地址：示例县政府大院1号 邮编：000000</p>
<p>联系电话：0571-5559999</p><p>ICP备案号：示ICP备00000000号</p><p>网站标识码：0000000000</p></div>
</body></html>
"""


@pytest.fixture
def portal(tmp_path):
    path = tmp_path / "portal.html"
    path.write_text(PORTAL, encoding="utf-8")
    return path


def test_a_portal_page_ends_at_its_signature_and_keeps_its_table(portal, config):
    result = import_file(portal, config)
    notice = result.notice
    assert [(issue.title, issue.status.value) for issue in notice.issues] == [
        ("（一）关于农村供水站管护不到位的问题", "done"),
        ("（二）关于水费减免审核不严的问题", "in_progress"),
    ]
    assert result.front["date"] == "2025-11-18" and result.front["organization"] == "中共示例县水务局党组"
    assert result.front["contact"] == {"phones": ["0571-5550000"]}  # the portal's phone and address are not it
    last = notice.issues[-1].body_html
    assert "逐户复核减免名单" in last and "中共示例县水务局党组" not in last and "相关文章" not in last
    assert "<td>供水站</td>" in notice.issues[0].body_html and "| 项目 | 数量 |" in result.markdown
    for portal_text in ("政府大院", "邮编", "0571-5559999", "相关文章", "整改推进会", "分享", "浏览量", "ICP"):
        assert portal_text not in result.markdown, portal_text
    kinds = {r.text: r.kind for r in result.removed}
    assert kinds["相关文章"] == "outside the article" or kinds["相关文章"] == "after the signature"
    assert kinds["地址：示例县政府大院1号 邮编：000000"] in ("outside the article", "site footer")


def test_a_wrapped_metadata_line_keeps_nothing_in_the_body(portal, config):
    result = import_file(portal, config)
    assert {r.text: r.kind for r in result.removed if r.line < 20} == {
        "首页 政务公开": "links",
        "日期:2025-11-20 来源:示例县水务局 浏览量:": "publication line",
        "分享:": "share",
    }


def test_without_its_container_the_footer_lines_are_still_the_portals(tmp_path, config):
    """A page with no container around the article (every paragraph in <body>): the chrome rules remove them."""
    flat = PORTAL.replace('<div class="TRS_Editor">', "").replace('<div class="footer">', "<div>")
    path = tmp_path / "flat.html"
    path.write_text(flat, encoding="utf-8")
    result = import_file(path, config)
    assert result.front["contact"] == {"phones": ["0571-5550000"]}
    assert "政府大院" not in result.markdown and "相关文章" not in result.markdown
