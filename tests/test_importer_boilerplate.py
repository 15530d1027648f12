"""site_gen/importer/boilerplate.py: website chrome is removed and listed; reviewers and attachments are kept."""

from __future__ import annotations

from site_gen.importer.boilerplate import strip_chrome
from tests.importer_support import FIXTURES, SEED_000, SEED_001, SEED_002, needs_seeds, read_lines


def test_chrome_lines_are_removed_with_their_kind_and_line_number():
    lines = [
        "您当前所在位置：首页 > 信息公开",
        "字号：大 中 小",
        "【大】【中】【小】",
        "正文第一段。",
        "扫一扫在手机打开当前页",
        "访问量：1024",
        "相关稿件",
        "ICP备案号：鲁ICP备0000号",
    ]
    body, removed, reviewers, attachments = strip_chrome(lines)
    assert body == [(4, "正文第一段。")]
    assert [(r.line, r.kind) for r in removed] == [
        (1, "breadcrumb"),
        (2, "font size"),
        (3, "font size"),
        (5, "QR code"),
        (6, "page counter"),
        (7, "related"),
        (8, "site footer"),
    ]
    assert reviewers == [] and attachments == []


def test_sentences_that_mention_chrome_words_stay():
    lines = ["考核明细等附件完善进账务。", "群众可扫码填写满意度问卷，也可来电反映。"]
    body, removed, _, _ = strip_chrome(lines)
    assert [text for _, text in body] == lines and removed == []


def test_reviewers_go_to_front_matter_and_attachments_stay_as_text():
    body, removed, reviewers, attachments = strip_chrome(["- 一审: 张三", "二审：李四", "附件：满意度测评二维码"])
    assert reviewers == ["一审：张三", "二审：李四"]
    assert [r.line for r in removed] == [1, 2]
    assert attachments == ["满意度测评二维码"] and body == [(3, "附件：满意度测评二维码")]


@needs_seeds
def test_seed_000_font_size_reviewers_and_qr_line():
    body, removed, reviewers, _ = strip_chrome(read_lines(SEED_000))
    assert [r.line for r in removed] == [2, 3, 36, 37, 38, 39]
    assert reviewers == ["一审：郑明建", "二审：张芳", "三审：周忠巨"]
    assert body[-1] == (35, "2025年4月2日")


@needs_seeds
def test_seed_001_site_footer_is_one_removed_line():
    body, removed, _, _ = strip_chrome(read_lines(SEED_001))
    assert [(r.line, r.kind) for r in removed] == [(125, "site footer")]
    assert "027-60896105" not in "".join(text for _, text in body)


@needs_seeds
def test_seed_002_font_size_glued_to_the_first_sentence_keeps_the_sentence():
    body, removed, _, _ = strip_chrome(read_lines(SEED_002))
    assert [(r.line, r.text) for r in removed] == [(2, "字号:"), (3, "大 中 小"), (20, "扫码使用手机浏览本页内容")]
    assert body[1][0] == 3 and body[1][1].startswith("2023年,东昌府区司法局坚持")


def test_a_web_pages_lines_made_only_of_links_are_navigation():
    link = "\x01"  # sources.LINK: how html_lines marks link text
    lines = [
        f"{link}首页{link} | {link}政务公开{link}",
        f"{link}上一篇：某某会议召开{link}",
        f"修订接待办法，{link}全文见此{link}。",
        f"{link}附件：满意度测评表{link}",
    ]
    body, removed, _, attachments = strip_chrome(lines)
    assert [(r.line, r.kind, r.text) for r in removed] == [
        (1, "links", "首页 | 政务公开"),
        (2, "links", "上一篇：某某会议召开"),
    ]
    assert body == [(3, "修订接待办法，全文见此。"), (4, "附件：满意度测评表")] and attachments == ["满意度测评表"]


# The same behaviours on the project's own fixtures (no seeds needed), expected values counted by hand.


def test_fixture_font_size_reviewers_and_qr_line():
    body, removed, reviewers, _ = strip_chrome(read_lines(FIXTURES / "no_status_subs.txt"))
    assert [r.line for r in removed] == [2, 3, 28, 29, 30, 31]
    assert [removed[0].kind, removed[1].kind, removed[-1].kind] == ["font size", "font size", "QR code"]
    assert reviewers == ["一审：王一", "二审：李二", "三审：赵三"]
    assert body[-1] == (27, "2024年12月20日")


def test_fixture_site_footer_is_one_removed_line():
    body, removed, _, _ = strip_chrome(read_lines(FIXTURES / "status_blocks.txt"))
    assert [(r.line, r.kind) for r in removed] == [(34, "site footer")]
    assert "0710-5550000" not in "".join(text for _, text in body)


def test_fixture_font_size_glued_to_the_first_sentence_keeps_the_sentence():
    body, removed, _, _ = strip_chrome(read_lines(FIXTURES / "not_a_notice.txt"))
    assert [(r.line, r.text) for r in removed] == [(2, "字号:"), (3, "大 中 小"), (13, "扫码使用手机浏览本页内容")]
    assert body[1][0] == 3 and body[1][1].startswith("2024年,示例县统计局认真落实")


def test_toolbars_and_breadcrumbs_in_their_usual_forms():
    chrome = {
        "关怀版 无障碍 长者模式": "toolbar",
        "字号：[ 大 ] [ 中 ] [ 小 ] 色调调节 朗读": "toolbar",
        "【打印】 【关闭】": "related",
        "收藏 分享 打印": "toolbar",
        "首页 > 政务公开 > 巡察整改": "breadcrumb",
        "首页->信息公开->通知公告": "breadcrumb",
        "首页": "breadcrumb",
        "当前位置：首页 > 通知": "breadcrumb",
        "您当前所在位置：首页": "breadcrumb",
        "政务公开 » 巡察整改 » 正文": "breadcrumb",
        "浏览量：318": "page counter",
        "阅读数：27": "page counter",
        "来源：县委巡察办 发布时间：2025-01-02 浏览量：318": "publication line",
    }
    kept = [
        "中共示例县委关于整改的通报",
        "1.关于学习不深的问题。",
        "大家要收藏好学习资料并及时分享体会。",
        "首页上公布了电话。",
    ]
    lines = [*chrome, *kept]
    body, removed, _, _ = strip_chrome(lines)
    assert {r.text: r.kind for r in removed} == chrome
    assert [text for _, text in body] == kept
