"""site_gen/importer/metadata.py: title, publisher, signature and publication dates, inspection details."""

from __future__ import annotations

import datetime as dt

from site_gen.importer import metadata
from tests.importer_support import body


def test_title_on_one_line_two_lines_or_three():
    title = "中共示例县水利局党组关于县委第一轮巡察整改进展情况的通报"
    assert metadata.take_title(body(title, "正文。"))[0] == title
    assert metadata.take_title(body("中共示例县水利局党组", "关于县委第一轮巡察", "整改进展情况的通报", "正文。")) == (
        title,
        [(4, "正文。")],
    )


def test_body_text_is_not_taken_for_a_title():
    lines = body("按照区委统一部署，区委第二巡察组对我局进行了巡察。现将整改进展情况予以通报", "一、总体情况")
    assert metadata.take_title(lines) == ("", lines)


def test_signature_publisher_and_date_at_the_end():
    lines = body("欢迎监督。", "中共示例县水利局党组", "２０２４年１１月５日")
    assert metadata.take_signature(lines) == ("中共示例县水利局党组", dt.date(2024, 11, 5), [(1, "欢迎监督。")])
    assert metadata.take_signature(body("欢迎监督。", "2024-11-05"))[1] == dt.date(2024, 11, 5)
    assert metadata.take_signature(body("欢迎监督。"))[:2] == ("", None)


def test_publication_date_from_the_page_header():
    assert metadata.published(["字号：大 中 小", "发布时间：2024-07-12 09:30 来源：司法局"]) == dt.date(2024, 7, 12)
    assert metadata.published(["发布日期：2024年7月12日"]) == dt.date(2024, 7, 12)
    assert metadata.published(["2024年7月12日"]) is None  # a bare date line is not a page header


def test_publisher_from_title():
    assert metadata.publisher_from_title("东昌府区司法局2023年度法治政府建设情况报告") == "东昌府区司法局"
    assert metadata.publisher_from_title("中共示例县水利局党组关于巡察整改进展情况的通报") == "中共示例县水利局党组"


def test_inspection_with_chinese_dates_and_years_carried_over():
    text = "2024年3月27日至6月7日,区委第二巡察组对区水利局党组开展了巡察。7月6日,区委巡察组反馈了巡察意见。"
    assert metadata.inspection(text, "中共某局党组关于十四届区委第六轮巡察整改进展情况的通报") == {
        "group": "区委第二巡察组",
        "round": "十四届区委第六轮巡察",
        "start": dt.date(2024, 3, 27),
        "end": dt.date(2024, 6, 7),
        "feedback": dt.date(2024, 7, 6),
    }


def test_inspection_with_iso_dates():
    text = "2024-03-27至2024-06-07，市委第三巡察组对市审计局党组开展了巡察，2024-07-06反馈了巡察意见。"
    found = metadata.inspection(text, "")
    assert (found["start"], found["end"], found["feedback"]) == (
        dt.date(2024, 3, 27),
        dt.date(2024, 6, 7),
        dt.date(2024, 7, 6),
    )


def test_feedback_in_the_next_year_and_without_a_period():
    across = metadata.inspection("2023年10月10日至12月10日，县委第二巡察组进行了巡察。1月11日反馈了巡察意见。", "")
    assert across["feedback"] == dt.date(2024, 1, 11)
    month_only = metadata.inspection("2024年9月，县委第一巡察组开展了巡察，10月15日反馈了巡察意见。", "")
    assert month_only == {"group": "县委第一巡察组", "feedback": dt.date(2024, 10, 15)}


def test_annual_report_date_is_the_end_of_its_year():
    assert metadata.year_end("东昌府区司法局2023年度法治政府建设情况报告") == dt.date(2023, 12, 31)


def test_a_long_run_of_chinese_numerals_is_read_once():
    """The round pattern used to restart at every 一 of a run and re-read the rest of it (300,000: minutes)."""
    assert metadata.inspection("一" * 1_000_000 + "。县委第五轮巡察", "") == {"round": "县委第五轮巡察"}
