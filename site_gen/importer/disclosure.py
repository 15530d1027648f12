"""The information-disclosure metadata block (政府信息公开 索引号, 发布机构, 成文日期…) of a saved page.

Government sites put it above or below the notice in many layouts: table rows (several fields
on a line), bullets, the label on one line and its value on the next, labels spaced out
(索 引 号), ASCII or full-width colons, empty values. The block is taken out of the notice,
its title, publisher and dates are used, and every line of it is listed in the report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..notice import grammar

LABELS = (
    "信息索引号",
    "索引号",
    "主题分类",
    "信息分类",
    "组配分类",
    "体裁分类",
    "发布机构",
    "发文机关",
    "成文日期",
    "发文日期",
    "发布日期",
    "生成日期",
    "文号",
    "发文字号",
    "文件名称",
    "标题",
    "效力状态",
    "有效性",
    "公开方式",
    "公开形式",
    "公开范围",
    "公开时限",
    "关键词",
    "来源",
    "发布时间",
)
WEAK = {"来源", "发布时间", "发布日期", "关键词"}  # also on a page's publication line: alone they make no block
BULLET = r"[\s•·●▪◆\-*]*"
LABEL = re.compile(
    "(" + "|".join(r"\s*".join(label) for label in LABELS) + r")\s*(?:[:：]\s*|(?=\s)|$)"
)  # 索 引 号： / 索引号 / 索引号:
LINE_START = re.compile(rf"^{BULLET}(?={LABEL.pattern})")
TITLE_FIELDS = ("标题", "文件名称")
PUBLISHER_FIELDS = ("发布机构", "发文机关")
DATE_FIELDS = ("成文日期", "发文日期", "发布日期", "生成日期", "发布时间")
WINDOW = 30  # a block sits in the page's first or last lines


@dataclass
class Disclosure:
    fields: dict[str, str] = field(default_factory=dict)  # label (spaces removed) -> value ("" when empty)
    lines: list[int] = field(default_factory=list)  # 1-based source lines of the block

    def first(self, labels: tuple[str, ...]) -> str:
        return next((self.fields[label] for label in labels if self.fields.get(label)), "")

    @property
    def title(self) -> str:
        return self.first(TITLE_FIELDS)

    @property
    def publisher(self) -> str:
        return self.first(PUBLISHER_FIELDS)

    @property
    def date(self) -> dt.date | None:
        """成文日期 first (the date the notice was signed), then the publication dates."""
        for label in DATE_FIELDS:
            dates = grammar.dates_in(self.fields.get(label, ""))
            if dates:
                return dates[0]
        return None


KEPT = {  # the front-matter's disclosure: keys, and the labels each takes its value from (first found)
    "index": ("索引号", "信息索引号"),
    "number": ("文号", "发文字号"),
    "subject": ("主题分类", "信息分类"),
    "publisher": ("发布机构", "发文机关"),
    "written": ("成文日期",),
    "method": ("公开方式", "公开形式"),
}


def kept_fields(found: Disclosure) -> dict[str, str]:
    """What the notice keeps under disclosure: (empty values left out; 成文日期 as an ISO date, when it is one)."""
    kept = {key: found.first(labels) for key, labels in KEPT.items()}
    written = grammar.dates_in(kept["written"])
    kept["written"] = written[0].isoformat() if written else ""
    return {key: value for key, value in kept.items() if value}


def fields_of(text: str) -> list[tuple[str, str]]:
    """'索 引 号：11/2024-001 主题分类：综合' -> [('索引号', '11/2024-001'), ('主题分类', '综合')]."""
    text = re.sub(rf"^{BULLET}", "", text)
    matches = list(LABEL.finditer(text))
    found = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        found.append((re.sub(r"\s", "", match.group(1)), text[match.end() : end].strip(" \t|｜;；")))
    return found


def take_disclosure(lines: list[str], clean: Callable[[str], str] = str.strip) -> tuple[list[str], Disclosure]:
    """The lines with the block blanked out (numbers are kept), and what the block says."""
    result = Disclosure()
    lines = list(lines)
    numbers = [i for i in range(len(lines)) if i < WINDOW or i >= len(lines) - WINDOW]
    candidates = [i for i in numbers if LINE_START.match(clean(lines[i]).strip())]
    for block in blocks(candidates, lines, clean):
        labels = {label for i in block for label, _ in fields_of(clean(lines[i]).strip())}
        if len(labels) < 2 or labels <= WEAK:
            continue
        for i in block:
            read_line(i, lines, clean, result)
    for i in result.lines:
        lines[i - 1] = ""
    return lines, result


def blocks(candidates: list[int], lines: list[str], clean: Callable[[str], str]) -> list[list[int]]:
    """Runs of field lines; a label alone on its line may have its value on the next non-blank line."""
    runs: list[list[int]] = []
    for i in candidates:
        gap = [j for j in range(runs[-1][-1] + 1, i) if clean(lines[j]).strip()] if runs else None
        if runs and gap is not None and len(gap) <= 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def read_line(i: int, lines: list[str], clean: Callable[[str], str], result: Disclosure) -> None:
    found = fields_of(clean(lines[i]).strip())
    result.lines.append(i + 1)
    label, value = found[-1]
    if len(found) == 1 and not value:  # 索引号 / 11/2024-001: the value on the next non-blank line
        following = next((j for j in range(i + 1, min(i + 3, len(lines))) if clean(lines[j]).strip()), None)
        if following is not None and not LINE_START.match(clean(lines[following]).strip()):
            value = clean(lines[following]).strip()
            result.lines.append(following + 1)
    for name, text in found[:-1] + [(label, value)]:
        result.fields.setdefault(name, text)
