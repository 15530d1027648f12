"""One source file -> one site-gen notice (Markdown text) and a report of what was found and removed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..base.cli_text import Note, note
from ..base.diagnostics import Diagnostic
from ..notice.config import SiteConfig
from ..notice.grammar import issue_count_claim
from ..notice.model import Notice
from ..notice.validate import validate_notice
from . import metadata
from .article import after_signature, outside_article
from .audit import match_audit_lists
from .boilerplate import Removed, strip_chrome
from .contacts import find_contacts
from .disclosure import Disclosure, kept_fields, take_disclosure
from .notice_text import write_notice
from .sources import LINK, SourceError, read_source
from .structure import outline, outline_as_text

RECTIFICATION = re.compile(r"整改|巡察|巡视|审计")
NOT_RECTIFICATION = note("import-not-rectification")


@dataclass
class ImportResult:
    source: Path
    markdown: str
    notice: Notice | None
    diagnostics: list[Diagnostic]
    removed: list[Removed]
    notes: list[Note] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    is_rectification: bool = True
    front: dict = field(default_factory=dict)
    lines_read: int = 0  # non-blank source lines: each is in the notice or in removed
    disclosure: Disclosure = field(default_factory=Disclosure)
    decision: Note | None = None  # which part holds the problems, and why
    stem: str = ""  # the new file's name when not the source's (a ledger naming two organisations makes two)
    warnings: list[Note] = field(default_factory=list)  # what the import itself doubts (the structure)

    @property
    def slug(self) -> str:
        return slugify(self.stem or self.source.stem)


@dataclass
class Cleaned:
    """A source's notice lines, with the website's and the file format's additions taken out."""

    lines: list[str]
    body: list[tuple[int, str]]
    removed: list[Removed]
    reviewers: list[str]
    attachments: list[str]
    disclosure: Disclosure
    levels: dict[int, int] = field(default_factory=dict)  # line -> level its format gives (Word styles)
    unit: str = "line"


def clean_source(path: Path) -> Cleaned:
    """Read, take out the disclosure block, the page chrome and a PDF's page furniture; refuse an empty source."""
    source = read_source(path)
    lines, disclosure = take_disclosure(source.lines, clean=lambda text: text.replace(LINK, ""))
    body, removed, reviewers, attachments = strip_chrome(lines)
    if source.article_end is not None:  # a web page: the notice ends with its article, at its signature
        body, outside = outside_article(body, source.article_end)
        body, after = after_signature(body)
        removed += outside + after
    removed += [
        Removed(i, source.lines[i - 1].replace(LINK, "").strip(), "disclosure metadata") for i in disclosure.lines
    ]
    removed += [Removed(f.line, f.text, f.kind, page=f.page) for f in source.furniture]
    if not body:
        raise SourceError(path, "source-no-text")
    removed.sort(key=lambda r: r.line)
    return Cleaned(source.lines, body, removed, reviewers, attachments, disclosure, source.levels, source.unit)


def import_file(path: Path, config: SiteConfig, problems_in: str | None = None, series: str = "") -> ImportResult:
    """Read -> remove chrome -> metadata, contacts, outline -> write and read back with the site's reader.
    `series`: the series the notice follows up (front-matter series:), when the clerk names it."""
    source = clean_source(path)
    removed, disclosure = source.removed, source.disclosure
    title, body = choose_title(source.body, disclosure, removed)
    signed_by, signed, body = metadata.take_signature(body)
    text = "\n".join(line for _, line in body)
    is_rectification = bool(RECTIFICATION.search(title + text[:600]))
    notes: list[Note] = [] if is_rectification else [NOT_RECTIFICATION]
    found = metadata.inspection(text, title)
    organization = choose_publisher(signed_by, metadata.publisher_from_title(title), disclosure.publisher)
    title, date = settle_title_and_date(title, organization, signed, disclosure, removed, text, found, notes)
    contacts = find_contacts(body)
    levels = source.levels
    tree = outline(body, config, problems_in, levels) if is_rectification else outline_as_text(body, levels)
    notes += tree.notes
    warnings = [unheaded_warning(line, source.unit) for line in sorted(set(tree.unheaded))]
    if is_rectification:
        matched, merged_headings = match_audit_lists(tree)
        notes += matched
        removed += [Removed(line.number, line.text, "problem list heading (merged)") for line in merged_headings]
    front = front_matter(title, organization, date, found, contacts, reviewers=source.reviewers)
    if kept := kept_fields(disclosure):
        front["disclosure"] = kept
    if series:
        front["series"] = series
    slug = slugify(path.stem)
    markdown, notice, diagnostics = write_notice(front, tree, f"content/{slug}.md", config, slug, path.name)
    if notice is not None:
        diagnostics += validate_notice(notice)
        opening = "\n".join(tree.intro + [line for part in tree.parts for line in part.lines])
        notes += count_claims(opening, notice)
    lines_read = sum(1 for line in source.lines if line.replace(LINK, "").strip())
    return ImportResult(
        path,
        markdown,
        notice,
        diagnostics,
        removed,
        notes,
        source.attachments,
        is_rectification,
        front,
        lines_read=lines_read,
        disclosure=disclosure,
        decision=tree.decision,
        warnings=warnings,
    )


def unheaded_warning(line: int, unit: str) -> Note:
    """A status line with no heading of its own: the problems' titles may be missing (Word numbering lost)."""
    where = note("import-at-paragraph" if unit == "paragraph" else "import-at-line", line=line)
    return note("import-status-unheaded", where=where)


def settle_title_and_date(
    title: str,
    organization: str,
    signed: dt.date | None,
    disclosure: Disclosure,
    removed: list[Removed],
    text: str,
    found: dict,
    notes: list[Note],
) -> tuple[str, dt.date]:
    """A title and a date the notice can be published with; what was made up or inferred goes to the notes."""
    if not organization:
        notes.append(note("import-no-publisher"))
    if not title:
        title = f"{organization or '（请填写发布单位）'}关于巡察整改进展情况的通报"
        notes.append(note("import-title-made", title=title))
    date = signed or disclosure.date or unsigned_date(removed, text, found, title)
    if not signed:
        source = note("import-date-from-disclosure" if disclosure.date else "import-date-inferred")
        notes.append(note("import-date-unsigned", date=date.isoformat(), source=source))
    return title, date


def same_text(a: str, b: str) -> bool:
    return re.sub(r"\s", "", a) == re.sub(r"\s", "", b)


def choose_title(
    body: list[tuple[int, str]], disclosure: Disclosure, removed: list[Removed]
) -> tuple[str, list[tuple[int, str]]]:
    """The title line (else 标题/文件名称); a page that repeats it (page heading + article heading) counts once."""
    stated = next((i for i, (_, line) in enumerate(body[:5]) if same_text(line, disclosure.title)), None)
    if disclosure.title and stated is not None:  # the line the metadata names, even below a 通知公告 heading
        title, rest = body[stated][1], body[:stated] + body[stated + 1 :]
    else:
        title, rest = metadata.take_title(body)
        title = title or disclosure.title
    while title and rest[:3] and any(same_text(line, title) for _, line in rest[:3]):
        index = next(i for i, (_, line) in enumerate(rest[:3]) if same_text(line, title))
        removed.append(Removed(rest[index][0], rest[index][1], "repeated title"))
        rest = rest[:index] + rest[index + 1 :]
    removed.sort(key=lambda r: r.line)
    return title, rest


def choose_publisher(signed_by: str, from_title: str, disclosed: str) -> str:
    """The signature, else the title's full name (中共…党组), else 发布机构; a short form never replaces a full one."""
    if signed_by:
        return signed_by
    core = re.sub(r"^中共|党组$|党委$", "", disclosed)
    if from_title and (not disclosed or core in from_title):
        return from_title
    return disclosed or from_title


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


def count_claims(text: str, notice: Notice) -> list[Note]:
    """Totals stated outside the issues (opening, section intros), compared with what was found.

    Counts inside an issue's measures are about something else (a review of case files, say),
    so only the opening and section introductions are read. Several counts are added up
    (反馈意见9条…4条…5条 = 18).
    """
    claim = issue_count_claim(text)
    if claim is None:
        return []
    claims, stated = claim
    found = len(notice.issues)
    code = "import-counts-match" if stated == found else "import-counts-differ"
    return [note(code, claims=claims, stated=stated, found=found)]


def slugify(stem: str) -> str:
    slug = re.sub(r"[^\w\-]+", "-", stem).strip("-")
    return slug or "imported"
