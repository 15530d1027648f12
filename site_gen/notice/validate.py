"""Checks that need a whole notice or the whole site, run after every file is read.

Per-field and per-line problems are found by the reader; this adds what only
shows when the parts are put together: duplicate ids and slugs, unreachable
contacts, issues with no status.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from html import unescape
from pathlib import Path, PurePosixPath

from ..base import addresses
from ..base.diagnostics import Diagnostic, error, warning
from . import numbering
from .config import SiteConfig
from .grammar import SECTION_COUNT, issue_count_claim
from .model import Attachment, Issue, Notice
from .summary import NoticeLike

_TAGS = re.compile(r"<[^>]+>")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def notice_problems(notice: Notice, config: SiteConfig | None) -> list[Diagnostic]:
    """Everything that can be checked within one notice (the preview keeps these per file)."""
    found = validate_notice(notice)
    if config is not None:
        found += attachment_problems(notice, config)
    return found


def slug_problems(notices: Sequence[NoticeLike]) -> list[Diagnostic]:
    """Two notices at one address: the one check that needs every notice at once."""
    found = []
    by_slug: dict[str, list[NoticeLike]] = defaultdict(list)
    for notice in notices:
        by_slug[notice.slug].append(notice)
    for slug, same in by_slug.items():
        for notice in same[1:]:
            found.append(error(notice.source, 1, "slug-duplicate", slug=slug, other=same[0].source))
    return found


def validate_notice(notice: Notice) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for section in notice.sections:
        if section.title and not section.issues and not section.intro_html:
            found.append(warning(notice.source, section.line, "section-empty", title=section.title))
        for issue in section.issues:
            for item_id, line in [(issue.id, issue.line)] + [(sub.id, sub.line) for sub in issue.sub_problems]:
                if item_id in seen:
                    found.append(error(notice.source, line, "issue-id-duplicate", id=item_id, first_line=seen[item_id]))
                seen.setdefault(item_id, line)
    found += unstated_warnings(notice)
    found += prose_count_warnings(notice)
    found += link_problems(notice)
    if not notice.contact.is_reachable:
        found.append(error(notice.source, 1, "contact-unreachable"))
    return found


def unstated_warnings(notice: Notice) -> list[Diagnostic]:
    """Issues with no status: one warning for a notice that states none (many real ones), else one each."""
    missing = [issue for issue in notice.issues if not _states_status(issue)]
    if not missing:
        return []
    if len(missing) == len(notice.issues):
        return [warning(notice.source, 1, "notice-unstated", count=len(missing))]
    return [warning(notice.source, issue.line, "issue-unstated", title=issue.title) for issue in missing]


def _states_status(issue: Issue) -> bool:
    if issue.sub_problems:
        return all(sub.status_line for sub in issue.sub_problems)
    return issue.status_line is not None


def prose_count_warnings(notice: Notice) -> list[Diagnostic]:
    """The opening paragraph's "17 项具体问题" / "六个方面" against what the notice lists.

    Only the opening text is read: counts inside measures are usually about something else
    (a review of case files, say), and real notices get their own totals wrong often enough.
    """
    text = unescape(_TAGS.sub("", notice.intro_html))
    found = []
    claim = issue_count_claim(text)
    if claim is not None and claim[1] != len(notice.issues):
        found.append(warning(notice.source, 1, "count-issues", stated=claim[0], listed=len(notice.issues)))
    sections = sum(1 for section in notice.sections if section.issues)
    for match in SECTION_COUNT.finditer(text):
        stated = numbering.parse_number(match.group(1))
        if stated is not None and stated != sections:
            found.append(warning(notice.source, 1, "count-sections", stated=match.group(0), listed=sections))
    return found


def link_problems(notice: Notice) -> list[Diagnostic]:
    """Links inside the notice must lead to one of its own anchors or files published with it."""
    found = []
    written = [PurePosixPath(a.path).as_posix() for a in notice.attachments]
    attachments = {*written, *map(addresses.ascii_file_path, written)}  # links to them lead to the ASCII address
    anchors = notice.anchors
    for link in notice.links:
        href = link.href
        if not href or _SCHEME.match(href) or href.startswith("//"):
            continue
        target, _, fragment = href.partition("#")
        if not target:
            if fragment and fragment not in anchors:
                found.append(error(notice.source, link.line, "link-anchor", fragment=fragment))
        elif PurePosixPath(target).as_posix() not in attachments:
            found.append(error(notice.source, link.line, "link-unpublished", target=target))
    return found


def attachment_problems(notice: Notice, config: SiteConfig) -> list[Diagnostic]:
    """Each attachment is a file inside the notice's own folder, named by a relative path.

    Never an address (javascript:, https:, //host), never ../ or an absolute path, never a
    symbolic link out, never a notice's own .md file (a draft would be published through it).
    """
    found = []
    folder = (config.root / notice.source).parent
    published: dict[str, tuple[Path, Attachment]] = {}  # address -> the first file listed there
    for attachment in notice.attachments:
        code, params = _attachment_problem(attachment.path, folder, config)
        if not code:
            code, params = _address_problem(attachment, notice.slug, folder, published)
        if code:
            found.append(error(notice.source, attachment.line or 1, code, column=1, path=attachment.path, **params))
    return found


def _address_problem(
    attachment: Attachment, slug: str, folder: Path, published: dict[str, tuple[Path, Attachment]]
) -> tuple[str, dict[str, str]]:
    """One file listed twice (x.pdf and ./x.pdf), or two files whose ASCII addresses are one (测评表.pdf and
    侧评表.pdf are both cepingbiao.pdf): at the second one's line."""
    try:
        address = addresses.attachment(slug, attachment.path)
    except addresses.UnsafeAddress:
        return "attachment-outside", {}
    file = (folder / attachment.path).resolve()
    if address not in published:
        published[address] = (file, attachment)
        return "", {}
    first_file, first = published[address]
    if first_file == file:
        return "attachment-duplicate", {"first_line": str(first.line)}
    return "attachment-address-shared", {"address": address, "other": first.path, "first_line": str(first.line)}


def _attachment_problem(written: str, folder: Path, config: SiteConfig) -> tuple[str, dict[str, str]]:
    relative = PurePosixPath(written)
    if _SCHEME.match(written) or written.startswith(("//", "\\")) or "\\" in written or ":" in written:
        return "attachment-scheme", {}
    path = folder / Path(*relative.parts) if relative.parts else folder
    if relative.is_absolute() or ".." in relative.parts or not path.resolve().is_relative_to(folder.resolve()):
        return "attachment-outside", {}
    if relative.suffix.lower() == ".md":
        return "attachment-notice", {}
    if not path.is_file():
        return "attachment-missing", {"expected": path.relative_to(config.root).as_posix()}
    return "", {}
