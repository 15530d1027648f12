"""Title, publisher, signature date and inspection details, from where real notices put them."""

from __future__ import annotations

import datetime as dt
import re

from ..notice.grammar import DATE_IN_TEXT as DATE
from ..notice.grammar import NOT_AFTER_DIGIT, as_chinese_dates, date_value, dates_in, level_of, make_date
from ..notice.numbering import CHINESE_NUMBER

PUBLISHED = re.compile(r"^\s*(发布时间|发布日期|发文日期|成文日期)\s*[:：]")
PUBLISHER = re.compile(
    r"(党组|党委|委员会|局|厅|院|办公室|政府|中心|公司|支部|总支|学校|大学|医院|协会|社|所|站|馆|处|队)$"
)
TITLE_WORDS = re.compile(r"(通报|报告|情况|公告|公示)$")
GROUP = re.compile(r"([区县市省州旗]委(?:第[一二三四五六七八九十]+)?巡[察视]组|[区县市省]委巡[察视]办)")
ROUND = re.compile(  # starts where a number starts: a long run of 一 is read once, not from each character
    rf"({NOT_AFTER_DIGIT}(?:{CHINESE_NUMBER}届)?[区县市省州旗]委第{CHINESE_NUMBER}轮巡[察视])"
)
PERIOD = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*[至到—\-－~]\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
FEEDBACK = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日[^。]{0,40}?反馈")


def is_title(line: str) -> bool:
    """Reads like a title: short, ends in 通报/报告/情况…, no sentence inside, not a numbered heading."""
    return (
        level_of(line) is None
        and len(line) <= 90
        and bool(TITLE_WORDS.search(line.rstrip("。 ")))
        and "。" not in line[:-1]
    )


def take_title(body: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """The title is the first line when it reads like one; a title wrapped over two or three lines is joined."""
    joined = ""
    for count, (_, line) in enumerate(body[:3], start=1):
        joined += line
        if is_title(joined):
            return joined, body[count:]
        if len(line) > 40 or "。" in line:
            break
    return "", body


def published(lines: list[str]) -> dt.date | None:
    """The page's 发布时间：2024-07-12 line (removed as chrome): the date when the notice has no signature."""
    for line in lines:
        if PUBLISHED.match(line) and (match := DATE.search(as_chinese_dates(line))):
            return make_date(*match.groups())
    return None


def take_signature(body: list[tuple[int, str]]) -> tuple[str, dt.date | None, list[tuple[int, str]]]:
    """Publisher and date from the last lines (中共某某局党组 / 2025年4月2日)."""
    date = None
    organization = ""
    rest = list(body)
    if rest and (date := date_value(rest[-1][1])):
        rest.pop()
        if rest and len(rest[-1][1]) <= 40 and PUBLISHER.search(rest[-1][1]) and "。" not in rest[-1][1]:
            organization = rest.pop()[1]
    return organization, date, rest


def publisher_from_title(title: str) -> str:
    match = re.match(r"^(.{2,30}?(?:党组|党委|局|委员会|办公室|政府|院))(?:关于|\d{4}|$)", title)
    return match.group(1) if match else ""


def year_before(text: str, position: int) -> str | None:
    """'2024年9月…10月15日反馈': a date written without its year takes the last year stated before it."""
    years = re.findall(r"(\d{4})\s*年", text[:position])
    return years[-1] if years else None


def inspection(text: str, title: str) -> dict:
    """Group, round, period and feedback date from the opening paragraph (years carry over)."""
    found: dict = {}
    text = as_chinese_dates(text)
    if match := GROUP.search(text):
        found["group"] = match.group(1)
    if match := ROUND.search(title) or ROUND.search(text):
        found["round"] = match.group(1)
    if match := PERIOD.search(text):
        year, month, day, end_year, end_month, end_day = match.groups()
        found["start"] = make_date(year, month, day)
        found["end"] = make_date(end_year or year, end_month, end_day)
        found["year"] = int(end_year or year)
    if match := FEEDBACK.search(text, match.end() if match else 0):
        year = match.group(1) or found.get("year") or year_before(text, match.start())
        feedback = make_date(year, match.group(2), match.group(3)) if year else None
        if year and feedback and found.get("end") and feedback < found["end"]:  # "7月6日" after a June inspection
            feedback = make_date(int(year) + 1, match.group(2), match.group(3))
        found["feedback"] = feedback
    found.pop("year", None)
    return found


def latest_date(text: str) -> dt.date | None:
    dates = dates_in(text)
    return max(dates) if dates else None


def year_end(title: str) -> dt.date | None:
    """An annual report (2023年度…报告) with no date: the end of the year it reports on."""
    match = re.search(r"(\d{4})\s*年", title)
    return dt.date(int(match.group(1)), 12, 31) if match else None
