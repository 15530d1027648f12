"""One source file -> one site-gen notice (Markdown text) and a report of what was found and removed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..config import SiteConfig
from ..diagnostics import Diagnostic
from ..model import Notice
from ..numbering import parse_number
from ..validate import validate_notice
from . import metadata
from .boilerplate import Removed, strip_chrome
from .contacts import find_contacts
from .sources import read_lines
from .structure import outline, outline_as_text
from .writer import write_notice

RECTIFICATION = re.compile(r"整改|巡察|巡视|审计")
COUNT_CLAIM = re.compile(
    r"(\d+)\s*(?:项|个|条)(?:具体)?问题|([一二三四五六七八九十百]+)项具体问题"  # 17项具体问题, 十七项具体问题
    r"|问题\s*(\d+)\s*[个项条]"  # 梳理出问题4个
    r"|反馈(?:意见|问题)\s*(\d+)\s*[条个项]"  # 反馈意见9条
)


NOT_RECTIFICATION = (
    "这不像整改进展通报（标题和开头没有“整改/巡察/巡视/审计”），已按普通文章导入：各部分为文字段落，不设整改状态 "
    "(not a rectification notice: imported as text sections, no statuses)"
)


@dataclass
class ImportResult:
    source: Path
    markdown: str
    notice: Notice | None
    diagnostics: list[Diagnostic]
    removed: list[Removed]
    notes: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    is_rectification: bool = True
    front: dict = field(default_factory=dict)
    contacts_found: object = None
    lines_read: int = 0  # non-blank source lines: each is in the notice or in removed

    @property
    def slug(self) -> str:
        return slugify(self.source.stem)


def import_file(path: Path, config: SiteConfig) -> ImportResult:
    """Read -> remove chrome -> metadata, contacts, outline -> write and read back with the site's reader."""
    lines = read_lines(path)
    body, removed, reviewers, attachments = strip_chrome(lines)
    title, body = metadata.take_title(body)
    organization, signed, body = metadata.take_signature(body)
    text = "\n".join(line for _, line in body)
    is_rectification = bool(RECTIFICATION.search(title + text[:600]))
    notes = [] if is_rectification else [NOT_RECTIFICATION]
    found = metadata.inspection(text, title)
    organization = organization or metadata.publisher_from_title(title)
    if not organization:
        notes.append("落款和标题中都没有找到发布单位，请填写 organization (no publisher found)")
    if not title:
        title = f"{organization or '（请填写发布单位）'}关于巡察整改进展情况的通报"
        notes.append(f"原文没有标题，已拟为“{title}”，请核对 (no title found; one was made)")
    date = signed or unsigned_date(removed, text, found, title)
    if not signed:
        notes.append(f"原文末尾没有落款日期，日期暂定为 {date.isoformat()}，发布前请核对 (no signature date)")
    contacts = find_contacts(body)
    tree = outline(body, config) if is_rectification else outline_as_text(body)
    notes += tree.notes
    front = front_matter(title, organization, date, found, contacts, reviewers)
    slug = slugify(path.stem)
    markdown, notice, diagnostics = write_notice(front, tree, f"content/{slug}.md", config, slug)
    if notice is not None:
        diagnostics += validate_notice(notice)
        opening = "\n".join(tree.intro + [line for part in tree.parts for line in part.lines])
        notes += count_claims(opening, notice)
    return ImportResult(
        path,
        markdown,
        notice,
        diagnostics,
        removed,
        notes,
        attachments,
        is_rectification,
        front,
        contacts_found=contacts,
        lines_read=sum(1 for line in lines if line.strip()),
    )


def unsigned_date(removed: list[Removed], text: str, found: dict, title: str) -> dt.date:
    """No signature: the page's 发布时间, else the latest date the text states (never before the feedback)."""
    stated = [d for d in [metadata.latest_date(text), *found.values()] if isinstance(d, dt.date)]
    return (
        metadata.published([r.text for r in removed])
        or (max(stated) if stated else None)
        or metadata.year_end(title)
        or dt.date(dt.date.today().year, 1, 1)
    )


def front_matter(title, organization, date, inspection, contacts, reviewers) -> dict:
    data: dict = {"title": title, "organization": organization or "（请填写发布单位）", "date": date.isoformat()}
    fields = {
        "group": inspection.get("group"),
        "round": inspection.get("round"),
        "from": _iso(inspection.get("start")),
        "to": _iso(inspection.get("end")),
        "feedback": _iso(inspection.get("feedback")),
    }
    if any(fields.values()):
        data["inspection"] = {k: v for k, v in fields.items() if v}
    contact = {
        "phones": contacts.phones,
        "emails": contacts.emails,
        "address": contacts.address,
        "other": contacts.other,
    }
    contact = {k: v for k, v in contact.items() if v}
    if contact:
        data["contact"] = contact
    if reviewers:
        data["reviewers"] = reviewers
    return data


def _iso(value):
    return value.isoformat() if value else None


def count_claims(text: str, notice: Notice) -> list[str]:
    """Totals stated outside the issues (opening, section intros), compared with what was found.

    Counts inside an issue's measures are about something else (a review of case files, say),
    so only the opening and section introductions are read. Several counts are added up
    (反馈意见9条…4条…5条 = 18).
    """
    matches = list(COUNT_CLAIM.finditer(text))
    if not matches:
        return []
    claims = "、".join(match.group(0) for match in matches)
    numbers = [parse_number(next(g for g in match.groups() if g)) for match in matches]
    found = len(notice.issues)
    stated = sum(n for n in numbers if n is not None)
    if stated == found:
        return [f"原文所述数目（{claims}）共 {stated} 项，与找到的 {found} 个问题一致 (stated counts match)"]
    return [
        f"原文所述数目（{claims}）共 {stated} 项，但找到 {found} 个问题，请核对 "
        f"(stated counts add up to {stated}, {found} issues found)"
    ]


def slugify(stem: str) -> str:
    slug = re.sub(r"[^\w\-]+", "-", stem).strip("-")
    return slug or "imported"
