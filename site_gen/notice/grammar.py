"""The notice grammar: the written forms a rectification notice uses, in one place.

The reader (front-matter dates, status lines), check (count claims, phone and e-mail fields)
and the importer (the same shapes found inside pasted text) all take their patterns from here,
so what import recognises is what check and build accept: there is no second copy to drift.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .numbering import CHINESE_NUMBER, FULLWIDTH_DIGITS, PATTERNS, parse_number

# --- numbering hierarchy -------------------------------------------------------------------------
# 一、 > (一) > 1. > (1); 一是 lists sit inside any of them.
LEVELS = ("chinese_comma", "chinese_paren", "arabic_dot", "arabic_paren")
SHI = PATTERNS["chinese_shi"]
MAX_PART_HEADING = 80  # a 一、 line longer than this is a paragraph that starts with a number


def level_of(text: str) -> int | None:
    """The numbering level a line starts with (0 = 一、 ... 3 = (1)), or None for plain text."""
    for level, name in enumerate(LEVELS):
        if PATTERNS[name].match(text):
            return None if level == 0 and len(text) > MAX_PART_HEADING else level
    return None


def after_number(text: str, level: int) -> str:
    """The heading's words after its number: '(一)关于…' -> '关于…'."""
    match = PATTERNS[LEVELS[level]].match(text)
    return text[match.end() :].strip() if match else text.strip()


# --- labelled lines (the status line and the per-issue lines) -------------------------------------
MAX_STATUS_LENGTH = 25  # the longest real wording has 16 characters; longer text after 整改情况： is prose
MAX_FIELD_LENGTH = 40  # 责任单位：<a unit's name>; longer text after a label is prose that starts with one


def labelled_line(labels: Iterable[str]) -> re.Pattern[str]:
    """<label>：<value> (also **<label>：**<value> or **<label>**：<value> in Markdown): groups key, colon, value.

    The one rule of every line a notice introduces with a label: the status line (整改情况：整改完成) and the
    per-issue lines (整改时限：2024年6月底, 责任单位：…). It serves the reader (Markdown), the importer (plain
    text) and the importer's writer (which escapes the colon of a label that introduces prose, so it stays text).
    Longer labels are tried first, so 整改时限 is never read as 时限 after a stray prefix.
    """
    names = "|".join(re.escape(key) for key in sorted(labels, key=len, reverse=True))
    return re.compile(
        rf"^(?P<lead>\s*[*_]*\s*(?P<key>{names})\s*[*_]*\s*)(?P<colon>[:：])\s*[*_]*(?P<value>.*?)[*_]*\s*$",
        re.IGNORECASE,
    )


def status_line(keys: Iterable[str]) -> re.Pattern[str]:
    """整改情况：整改完成: the labelled-line rule with the site's status keys as its labels."""
    return labelled_line(keys)


class LineLabels:
    """The labelled-line rule for one set of labels, each naming the field it introduces.

    ``read("**整改时限：**2024年6月底")`` -> ``("deadline", match)``; None for any other line.
    """

    def __init__(self, names: dict[str, str]):
        self.names = {label.casefold(): name for label, name in names.items()}
        self.pattern = labelled_line(names)

    def read(self, text: str) -> tuple[str, re.Match[str]] | None:
        match = self.pattern.match(text)
        return (self.names[match.group("key").casefold()], match) if match else None


# --- count claims --------------------------------------------------------------------------------
# Starts where a number starts: inside a run of 30,000 digits the search does not restart at every digit
# (that made one hostile line take minutes: each start re-read the rest of the run).
NOT_AFTER_DIGIT = r"(?<![0-9０-９一二三四五六七八九十百零〇两])"
NUMBER = rf"{NOT_AFTER_DIGIT}([0-9０-９]+|{CHINESE_NUMBER})"
ISSUE_COUNT = re.compile(NUMBER + r"\s*(?:项|个|条)(?:具体)?问题")  # 17项具体问题, 十七个问题
SECTION_COUNT = re.compile(NUMBER + r"\s*个方面")  # 六个方面
COUNT_CLAIM = re.compile(  # the forms a notice states its total in; several are added up
    rf"{NOT_AFTER_DIGIT}([0-9０-９]+)\s*(?:项|个|条)(?:具体)?问题"  # 17项具体问题 (not 一个问题: words, not a count)
    rf"|{NOT_AFTER_DIGIT}({CHINESE_NUMBER})项具体问题"  # 十七项具体问题
    rf"|问题\s*{NUMBER}\s*[个项条]"  # 梳理出问题4个, 共发现问题十二个
    rf"|反馈(?:意见|问题)\s*{NUMBER}\s*[条个项]"  # 反馈意见9条, 共反馈问题5个
)


def claimed_total(match: re.Match[str]) -> int | None:
    """The number a COUNT_CLAIM match states."""
    return parse_number(next(group for group in match.groups() if group))


# --- dates ---------------------------------------------------------------------------------------
DATE_IN_TEXT = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d.])")
DATE_VALUE = re.compile(r"^\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?\s*$")
# A deadline or a closing date names a month as often as a day: 2024年6月底, 6月底, 2024年6月, 2024.6 (its last
# day), 2024年底 (31 December); 前 after it (2024年6月底前) and a closing full stop change nothing.
MONTH_VALUE = re.compile(r"^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*[底末]?$|^(\d{4})\s*[\-/.]\s*(\d{1,2})$")
YEAR_END_VALUE = re.compile(r"^(\d{4})\s*年\s*[底末]$")
LONG_TERM_VALUE = re.compile(r"^(?:长期坚持|长期|long[\s-]?term)$", re.IGNORECASE)
_DEADLINE_TAIL = re.compile(r"(?:之?前|以前)?\s*[。.；;，,]*\s*$")
# What the per-issue date lines accept, as a clerk would write them (the hint of an unreadable date).
DATE_FORMS = ("2024-06-30", "2024年6月30日", "2024年6月底", "6月底", "2024年6月", "2024年底", "2024.6")
LONG_TERM_FORMS = ("长期坚持", "长期")


def make_date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def date_value(text: str) -> dt.date | None:
    """A whole value that is one date: 2025-04-02, 2025年4月2日, ２０２５年４月２日, 2025.4.2."""
    match = DATE_VALUE.match(text.translate(FULLWIDTH_DIGITS))
    return make_date(*match.groups()) if match else None


def month_end(year, month) -> dt.date | None:
    """The last day of a month (2024, 2 -> 2024-02-29); None when there is no such month."""
    first = make_date(year, month, 1)
    if first is None:
        return None
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def due_date(text: str, year: int) -> dt.date | None:
    """A date a per-issue line names, in every form notices use; a month means its last day.

    year is the notice's own year, for a month written without one (6月底). 2024-06-30, 2024年6月30日,
    2024年6月底, 6月底, 2024年6月, 2024.6, 2024年底, each optionally followed by 前.
    """
    value = _DEADLINE_TAIL.sub("", text.translate(FULLWIDTH_DIGITS).strip())
    if match := DATE_VALUE.match(value):
        return make_date(*match.groups())
    if match := MONTH_VALUE.match(value):
        written_year, month, numeric_year, numeric_month = match.groups()
        if numeric_year:
            return month_end(numeric_year, numeric_month)
        return month_end(written_year or year, month)
    if match := YEAR_END_VALUE.match(value):
        return make_date(match.group(1), 12, 31)
    return None


def is_long_term(text: str) -> bool:
    """长期坚持 / 长期 (Long-term): an item with no end date, never overdue."""
    return bool(LONG_TERM_VALUE.match(_DEADLINE_TAIL.sub("", text.strip())))


def as_chinese_dates(text: str) -> str:
    """2024-03-27 / 2024.3.27 / 2024/3/27 -> 2024年3月27日, so one set of patterns reads both."""
    return NUMERIC_DATE.sub(lambda m: f"{m.group(1)}年{int(m.group(3))}月{int(m.group(4))}日", text)


def dates_in(text: str) -> list[dt.date]:
    """Every valid date written in the text, in either form."""
    found = (make_date(*m.groups()) for m in DATE_IN_TEXT.finditer(as_chinese_dates(text.translate(FULLWIDTH_DIGITS))))
    return [date for date in found if date]


# --- text decoding -------------------------------------------------------------------------------
CODECS = {"utf-8": "utf-8-sig", "gb18030": "gb18030", "gbk": "gb18030"}


def decode(raw: bytes, encoding: str = "utf-8") -> str:
    """Text in the given encoding (BOM dropped, CRLF and CR made LF); raises UnicodeDecodeError."""
    text = raw.decode(CODECS.get(encoding, encoding))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_encoding(raw: bytes) -> str | None:
    """utf-8 when the bytes are UTF-8, else gb18030 when they are GB18030 (older Chinese editors), else None."""
    for encoding in ("utf-8", "gb18030"):
        try:
            raw.decode(CODECS[encoding])
            return encoding
        except UnicodeDecodeError:
            continue
    return None


# --- phones and e-mail ---------------------------------------------------------------------------
PHONE_FIELD = re.compile(r"^\+?[0-9０-９(（][0-9０-９\s\-—–()（）转ext.]{4,30}$")  # a contact.phones entry
EMAIL_FIELD = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")  # a contact.emails entry
EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
PHONE_IN_TEXT = re.compile(
    r"(?<![\d\-])(?:[(（]?0\d{2,3}[)）]?[\-—－–\s]?)?\d{7,8}(?!\d)"  # 0530-1234567, 0530—1234567, 8419109
    r"|(?<!\d)1[3-9]\d{9}(?!\d)"  # mobile
    r"|(?<!\d)123(?:88|45)(?!\d)"  # 12388 discipline hotline, 12345 citizen hotline
)


def is_phone(value: str) -> bool:
    return bool(PHONE_FIELD.match(value)) and sum(ch.isdigit() for ch in value) >= 5


def is_email(value: str) -> bool:
    return bool(EMAIL_FIELD.match(value))
