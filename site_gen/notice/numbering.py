"""Chinese document numbering: 一、 (一) 1. (1) 一是, in ASCII or full-width forms.

Used to derive stable ids from headings (section (三), issue 7 -> ``s3-7``) and
by the importer to recognise the hierarchy of a pasted notice.
"""

from __future__ import annotations

import re

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGITS = "零一二三四五六七八九"
CHINESE_NUMBER = "[一二三四五六七八九十百零〇两]+"

# Each pattern captures the number at the start of a heading or line.
PATTERNS = {
    "chinese_comma": re.compile(rf"^\s*({CHINESE_NUMBER})\s*[、,，.．]"),  # 一、
    "chinese_paren": re.compile(rf"^\s*[(（]\s*({CHINESE_NUMBER})\s*[)）]"),  # (一)
    "arabic_dot": re.compile(r"^\s*([0-9０-９]+)\s*(?:[.．、]|,|，)(?![0-9０-９])"),  # 1. 1、 １．
    "arabic_paren": re.compile(r"^\s*[(（]\s*([0-9０-９]+)\s*[)）]"),  # (1)
    "chinese_shi": re.compile(rf"^\s*({CHINESE_NUMBER})是"),  # 一是
}


def chinese_to_int(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零三 -> 103; None if it is not a number."""
    text = text.replace("两", "二").replace("〇", "零")
    if not text or any(ch not in _DIGITS + "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS.index(ch)
    return total + current


def parse_number(text: str) -> int | None:
    text = text.translate(FULLWIDTH_DIGITS)
    if text.isdigit():  # a run of thousands of digits is no count (and past 4,300 digits int() refuses it)
        return int(text) if len(text) <= 9 else None
    return chinese_to_int(text)


def leading_number(title: str) -> int | None:
    """The number a heading starts with, in any of the usual forms."""
    for pattern in PATTERNS.values():
        match = pattern.match(title)
        if match:
            return parse_number(match.group(1))
    return None


def without_number(title: str) -> str:
    """A heading without the number it starts with: 1. 关于…的问题 -> 关于…的问题, (一)… -> …"""
    for pattern in PATTERNS.values():
        match = pattern.match(title)
        if match:
            return title[match.end() :].strip()
    return title.strip()
