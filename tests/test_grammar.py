"""site_gen/grammar.py: the written forms of a notice, shared by the reader, check and the importer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_gen.notice import grammar

KEYS = ("整改进度", "整改情况", "整改状态")


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("整改情况：整改完成", "整改完成"),
        ("整改进度:正在整改。", "正在整改。"),
        ("**整改状态**：视同完成", "视同完成"),
        ("  整改情况 ： 需持续整改", "需持续整改"),
    ],
)
def test_one_status_line_pattern_reads_plain_text_and_markdown(line, value):
    match = grammar.status_line(KEYS).match(line)
    assert match and match.group("value") == value and match.group("colon") in ":："


def test_a_label_that_is_not_a_status_key_is_not_a_status_line():
    assert grammar.status_line(KEYS).match("完成情况：整改完成") is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("一、总体情况", 0),
        ("（一）关于…的问题", 1),
        ("(二)方面", 1),
        ("1.建立台账", 2),
        ("１．全角", 2),
        ("（1）细项", 3),
    ],
)
def test_numbering_levels(text, level):
    assert grammar.level_of(text) == level


def test_a_long_line_starting_with_a_chinese_number_is_a_paragraph():
    assert grammar.level_of("一、" + "这是一段很长的正文" * 10) is None
    assert grammar.SHI.match("一是建立台账") and not grammar.SHI.match("一起研究")


@pytest.mark.parametrize(
    ("text", "total"),
    [("共反馈问题12个", 12), ("梳理出问题4个", 4), ("反馈意见9条", 9), ("17项具体问题", 17), ("十七项具体问题", 17)],
)
def test_count_claims(text, total):
    match = grammar.COUNT_CLAIM.search(text)
    assert match and grammar.claimed_total(match) == total


def test_words_are_not_count_claims():
    assert grammar.COUNT_CLAIM.search("对存在的一个问题进行分析") is None
    assert grammar.issue_count_claim("共发现17个问题") == ("17个问题", 17)
    assert grammar.issue_count_claim("共发现十七个问题，反馈意见3条") == ("十七个问题、反馈意见3条", 20)


@pytest.mark.parametrize("text", ["2025年4月2日", "2025-04-02", "2025.4.2", "２０２５年４月２日", " 2025/4/2 "])
def test_date_values(text):
    assert grammar.date_value(text) == dt.date(2025, 4, 2)


def test_invalid_dates_and_dates_in_text():
    assert grammar.date_value("2025年2月30日") is None
    assert grammar.dates_in("2024年3月27日至2024-06-07，反馈于2024.7.6") == [
        dt.date(2024, 3, 27),
        dt.date(2024, 6, 7),
        dt.date(2024, 7, 6),
    ]


def test_decoding_utf8_gb18030_and_neither():
    text = "整改通报\r\n第二行"
    assert grammar.detect_encoding(text.encode("utf-8")) == "utf-8"
    assert grammar.detect_encoding(text.encode("gb18030")) == "gb18030"
    assert grammar.detect_encoding(b"\xff\xfe\x00\xd8\x00\x00") is None
    assert grammar.decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == "整改通报\n第二行"
    assert grammar.decode(text.encode("gb18030"), "gb18030") == "整改通报\n第二行"


def test_every_phone_and_email_the_importer_finds_passes_check():
    text = "电话：0635—8888888、（0530）1234567、13912345678、12388；邮箱：a.b_c@example.gov.cn。"
    phones = [p.replace("—", "-") for p in grammar.PHONE_IN_TEXT.findall(text)]
    emails = grammar.EMAIL_IN_TEXT.findall(text)
    assert phones == ["0635-8888888", "（0530）1234567", "13912345678", "12388"]
    assert all(grammar.is_phone(phone) for phone in phones)
    assert emails == ["a.b_c@example.gov.cn"] and grammar.is_email(emails[0])
    assert not grammar.is_phone("1234") and not grammar.is_email("name@host")


COUNT_TEXTS = [
    "反馈意见9条",
    "十七个问题",
    "共发现问题十二个",
    "17项具体问题",
    "反馈意见2条、1条",
    "对存在的一个问题进行分析",
]


@pytest.mark.parametrize("opening", COUNT_TEXTS)
@pytest.mark.parametrize("listed", [3, 12])
def test_a_count_claim_gets_the_same_verdict_from_import_and_check(opening, listed):
    """check warns exactly when import notes a mismatch: one rule, whichever way the text comes in."""
    from site_gen.importer.convert import count_claims
    from site_gen.notice.config import SiteConfig
    from site_gen.notice.reader import parse_notice
    from site_gen.notice.validate import prose_count_warnings

    issues = "".join(f"### {n}. 关于第{n}个问题\n整改进度：整改完成\n\n" for n in range(1, listed + 1))
    text = f"---\ntitle: 某局通报\norganization: 某局\ndate: 2025-01-02\n---\n\n{opening}。\n\n{issues}"
    notice, _ = parse_notice(text, "content/a.md", SiteConfig(Path(".")), "a")
    warned = any(d.code == "count-issues" for d in prose_count_warnings(notice))
    notes = count_claims(opening, notice)
    assert warned == any("请核对" in note.in_language("zh") for note in notes)
    assert bool(notes) == (grammar.issue_count_claim(opening) is not None)


@pytest.mark.parametrize(
    "value",
    ["0571-8800 2345", "13912345678", "12388", "(0571)88002345", "123", "电话", "0571-88-ab", "+86 571 8800 2345"],
)
def test_a_phone_gets_the_same_verdict_in_site_yaml_front_matter_and_import(value):
    """contact.phones in site.yaml and in a notice use one rule; a phone the importer takes from text passes it."""
    import tempfile

    from site_gen.importer.contacts import Contacts, take_contacts
    from site_gen.notice.config import load_config

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "site.yaml").write_text(f'contact:\n  phones: ["{value}"]\n', encoding="utf-8")
        _, problems = load_config(site)
    refused_by_site = any(d.code == "phone-invalid" for d in problems)
    notice = f'---\ntitle: t\norganization: o\ndate: 2025-01-02\ncontact:\n  phones: ["{value}"]\n---\n'
    from site_gen.notice.config import SiteConfig
    from site_gen.notice.reader import parse_notice

    _, diagnostics = parse_notice(notice, "content/a.md", SiteConfig(Path(".")), "a")
    refused_by_notice = any(d.code == "phone-invalid" for d in diagnostics)
    assert refused_by_site == refused_by_notice == (not grammar.is_phone(value))
    taken = Contacts()
    take_contacts(f"联系电话：{value}", taken)
    assert all(grammar.is_phone(phone) for phone in taken.phones)


def test_a_run_of_a_million_digits_is_searched_once_not_from_every_digit():
    """Each start inside the run used to re-read the rest of it: 30,000 digits took 30 s, a million never ended."""
    text = "共" + "1" * 1_000_000 + "项具体问题；另有十二项具体问题"
    assert [m.group(0)[-8:] for m in grammar.COUNT_CLAIM.finditer(text)] == ["111项具体问题", "十二项具体问题"]
    assert grammar.issue_count_claim(text) == ("1" * 1_000_000 + "项具体问题、十二项具体问题", 12)


# --- the per-issue lines: one labelled-line rule, every date form -------------------------------------------------
LINE_LABELS = grammar.LineLabels(
    {"整改进度": "status", "整改时限": "deadline", "时限": "deadline", "Deadline": "deadline"}
)


@pytest.mark.parametrize(
    ("line", "name", "value"),
    [
        ("整改时限：2024年6月底", "deadline", "2024年6月底"),
        ("整改时限:2024-06-30", "deadline", "2024-06-30"),  # ASCII colon
        ("**整改时限：**2024年6月底", "deadline", "2024年6月底"),  # bold label with its colon
        ("**整改时限**：2024年6月底", "deadline", "2024年6月底"),  # bold label, colon outside
        ("时限：6月底", "deadline", "6月底"),  # an alias
        ("deadline: 2024-06-30", "deadline", "2024-06-30"),  # English, any case
        ("整改进度：整改完成", "status", "整改完成"),  # the status line is one case of the rule
    ],
)
def test_one_labelled_line_rule_reads_status_and_per_issue_lines(line, name, value):
    found = LINE_LABELS.read(line)
    assert found is not None
    assert found[0] == name and found[1].group("value") == value


def test_a_label_in_the_middle_of_a_sentence_is_not_a_labelled_line():
    assert LINE_LABELS.read("要求各单位明确整改时限：6月底前完成") is None
    assert LINE_LABELS.read("完成时间：2024年6月") is None  # not one of these labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-06-30", dt.date(2024, 6, 30)),
        ("2024年6月30日", dt.date(2024, 6, 30)),
        ("2024.6.30", dt.date(2024, 6, 30)),
        ("2024年6月底", dt.date(2024, 6, 30)),  # the last day of the month
        ("2024年2月底", dt.date(2024, 2, 29)),  # a leap year's February
        ("2025年2月底", dt.date(2025, 2, 28)),
        ("6月底", dt.date(2025, 6, 30)),  # the notice's year
        ("2024年6月", dt.date(2024, 6, 30)),
        ("2024年12月", dt.date(2024, 12, 31)),
        ("2024年底", dt.date(2024, 12, 31)),
        ("2024.6", dt.date(2024, 6, 30)),
        ("2024年6月底前", dt.date(2024, 6, 30)),  # 前 changes nothing
        ("２０２４年６月底。", dt.date(2024, 6, 30)),  # full-width digits, a closing full stop
    ],
)
def test_every_date_form_notices_use(text, expected):
    assert grammar.due_date(text, 2025) == expected


@pytest.mark.parametrize("text", ["下个月", "2024.13", "2024年13月底", "2024年2月30日", "尽快", "长期坚持", ""])
def test_a_date_that_is_not_one_is_none(text):
    assert grammar.due_date(text, 2025) is None


@pytest.mark.parametrize(
    ("text", "long_term"), [("长期坚持", True), ("长期", True), ("Long-term", True), ("2024年底", False)]
)
def test_long_term_is_a_deadline_without_a_date(text, long_term):
    assert grammar.is_long_term(text) is long_term
