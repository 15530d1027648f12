"""The columns of a rectification ledger (整改台账): what each is called, by agencies and by our own exports.

One table serves the ledger importer (a header -> what the column holds) and the ledger export (what the column
holds -> its header), so a ledger site-gen writes is one it reads back. A site adds its own wordings in site.yaml
(`ledger_columns:`); a built-in wording cannot move to another column.
"""

from __future__ import annotations

import re
import unicodedata

# What a column holds, in export order. Problem-level first, then the notice-level ones an export repeats on
# every row, then the two that site-gen computes (read back, they are left out: the build computes them again).
ROLES = (
    "section",
    "number",
    "problem",
    "status",
    "deadline",
    "responsible",
    "person",
    "completed",
    "measures",
    "progress",
    "organization",
    "notice",
    "date",
    "overdue",
    "link",
)
COMPUTED = ("overdue", "link")

WORDINGS: dict[str, tuple[str, ...]] = {  # the first is the header an export writes
    "section": ("所属方面", "问题类别", "类别", "方面"),
    "number": ("序号", "编号"),
    "problem": ("问题", "存在问题", "问题描述", "反馈问题", "问题清单", "具体问题", "问题表现"),
    "status": ("整改状态", "整改进度", "是否完成", "完成状态"),
    "deadline": ("整改时限", "完成时限", "时限要求"),
    "responsible": ("责任单位", "牵头单位", "责任部门", "配合单位"),
    "person": ("责任人", "责任领导"),
    "completed": ("完成时间", "销号时间"),
    "measures": ("整改措施", "整改举措"),
    "progress": ("整改情况", "进展情况", "完成情况", "整改成效", "整改进展", "整改进展情况"),
    "organization": ("发布单位", "填报单位"),
    "notice": ("通报", "通报标题"),
    "date": ("通报日期", "填报日期"),
    "overdue": ("是否逾期",),
    "link": ("链接", "网址"),
}
ENGLISH = {
    "section": "Section",
    "number": "No.",
    "problem": "Problem",
    "status": "Status",
    "deadline": "Deadline",
    "responsible": "Responsible unit",
    "person": "Responsible person",
    "completed": "Completed on",
    "measures": "Measures",
    "progress": "Progress",
    "organization": "Organisation",
    "notice": "Notice",
    "date": "Notice date",
    "overdue": "Overdue",
    "link": "Link",
}
_NOTE = re.compile(r"[（(][^）)]*[）)]")  # 整改时限（年月日） -> 整改时限
_SPACE = re.compile(r"\s+")


def normalize_header(text: str) -> str:
    """A header as compared: width folded, spaces, line breaks and a bracketed note taken out."""
    return _SPACE.sub("", _NOTE.sub("", unicodedata.normalize("NFKC", text))).rstrip(":：").lower()


def header_table(extra: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """Normalised header -> role: the built-in wordings, each language's export headers, and the site's own."""
    table = {normalize_header(ENGLISH[role]): role for role in ROLES}
    for role, wordings in (extra or {}).items():
        table.update({normalize_header(w): role for w in wordings})
    for role, wordings in WORDINGS.items():  # last: a built-in wording cannot move
        table.update({normalize_header(w): role for w in wordings})
    return table


def column_role(header: str, table: dict[str, str]) -> str | None:
    """What a column holds, from its header: the wording itself, else the longest wording it starts with."""
    key = normalize_header(header)
    if not key:
        return None
    if key in table:
        return table[key]
    starts = [w for w in table if len(w) >= 2 and key.startswith(w)]
    return table[max(starts, key=len)] if starts else None


def export_header(role: str, language: str) -> str:
    return WORDINGS[role][0] if language == "zh" else ENGLISH[role]
