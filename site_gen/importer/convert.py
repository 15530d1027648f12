"""One source file -> one site-gen notice (Markdown text) and a report of what was found and removed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..config import SiteConfig
from ..diagnostics import Diagnostic
from ..model import Notice
from ..reader import parse_notice
from ..validate import validate_notice
from . import metadata
from .boilerplate import Removed, strip_chrome
from .contacts import find_contacts
from .sources import read_lines
from .structure import Block, Outline, Part, outline

RECTIFICATION = re.compile(r"整改|巡察|巡视|审计")
COUNT_CLAIM = re.compile(
    r"(\d+)\s*(?:项|个|条)(?:具体)?问题|[一二三四五六七八九十]+项具体问题|反馈(?:意见|问题)\s*(\d+)\s*[条个项]"
)
_MARKDOWN_START = re.compile(r"^(\s*)([#>+\-*=]|\d+[.)])")
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<])")


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

    @property
    def slug(self) -> str:
        return slugify(self.source.stem)


def import_file(path: Path, config: SiteConfig) -> ImportResult:
    lines = read_lines(path)
    body, removed, reviewers, attachments = strip_chrome(lines)
    title, body = metadata.take_title(body)
    organization, signed, body = metadata.take_signature(body)
    text = "\n".join(line for _, line in body)
    notes: list[str] = []
    is_rectification = bool(RECTIFICATION.search(title + text[:600]))
    if not is_rectification:
        notes.append(
            "this does not look like a rectification notice (no 整改/巡察/审计 in its title or opening); "
            "imported as text sections, with no statuses"
        )
    organization = organization or metadata.publisher_from_title(title)
    if not title:
        title = f"{organization or '（请填写发布单位）'}关于巡察整改进展情况的通报"
        notes.append(f"no title line found; made one: {title} (check it)")
    date = signed or metadata.latest_date(text) or metadata.year_end(title) or dt.date(dt.date.today().year, 1, 1)
    if not signed:
        notes.append(f"no signature date found; date set to {date.isoformat()} (correct it before publishing)")
    if not organization:
        notes.append("no publisher found in the signature or title; fill in organization:")
    contacts = find_contacts(body)
    tree = outline(body, config.vocabulary) if is_rectification else outline_as_text(body, config)
    notes += tree.notes
    front = front_matter(title, organization, date, metadata.inspection(text, title), contacts, reviewers)
    markdown = render_markdown(front, tree)
    notice, diagnostics = parse_notice(markdown, f"content/{slugify(path.stem)}.md", config, slugify(path.stem))
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
    )


def outline_as_text(body, config) -> Outline:
    """A report or other document: its 一、 parts as text sections, nothing read as an issue or a status."""
    result = Outline()
    target = result.intro
    for number, text in body:
        if re.match(r"^[一二三四五六七八九十]+、", text) and len(text) <= 80:
            result.parts.append(Part(text, number))
            target = result.parts[-1].lines
        else:
            target.append(text)
    return result


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


def render_markdown(front: dict, tree: Outline) -> str:
    out = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000).strip(), "---", ""]
    out += paragraphs(tree.intro)
    for part in tree.parts:
        out += [f"## {inline(part.title)}", ""] + paragraphs(part.lines)
        for issue in part.issues:
            out += block(issue, "###")
    return "\n".join(out).rstrip() + "\n"


def block(item: Block, level: str) -> list[str]:
    lines = [f"{level} {inline(item.title)}"]
    if item.status:
        lines.append(item.status)
    lines.append("")
    lines += paragraphs(item.lines)
    for sub in item.subs:
        lines += block(sub, "####")
    return lines


def paragraphs(lines: list[str]) -> list[str]:
    out = []
    for text in lines:
        out += [escape(text), ""]
    return out


def inline(text: str) -> str:
    return _MARKDOWN_INLINE.sub(r"\\\1", text)


def escape(text: str) -> str:
    """Keep the clerk's text as text: no accidental lists, headings, emphasis or HTML."""
    text = inline(text)
    return _MARKDOWN_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def count_claims(text: str, notice: Notice) -> list[str]:
    """Totals stated outside the issues (opening, section intros), compared with what was found.

    Counts inside an issue's measures are about something else (a review of case files, say).
    """
    claims = []
    for match in COUNT_CLAIM.finditer(text):
        claims.append(match.group(0))
    if not claims:
        return []
    numbers = []
    for claim in claims:
        digits = re.findall(r"\d+", claim)
        numbers.append(int(digits[0]) if digits else None)
    found = len(notice.issues)
    if all(n is not None for n in numbers) and len(numbers) > 1:
        stated = sum(numbers)
        verdict = "match" if stated == found else f"do not match ({found} issues found)"
        return [f"stated counts {', '.join(claims)} add up to {stated}: they {verdict}"]
    return [f"stated count(s): {', '.join(claims)}; {found} issues found"]


def slugify(stem: str) -> str:
    slug = re.sub(r"[^\w\-]+", "-", stem).strip("-")
    return slug or "imported"
