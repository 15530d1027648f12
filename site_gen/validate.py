"""Checks that need a whole notice or the whole site, run after every file is read.

Per-field and per-line problems are found by the reader; this adds what only
shows when the parts are put together: duplicate ids and slugs, unreachable
contacts, issues with no status.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html import unescape
from pathlib import Path, PurePosixPath

from . import numbering
from .config import SiteConfig
from .diagnostics import Diagnostic, error, warning
from .grammar import ISSUE_COUNT, SECTION_COUNT
from .model import Issue, Notice

_TAGS = re.compile(r"<[^>]+>")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def validate_site(notices: list[Notice], config: SiteConfig | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for notice in notices:
        found += notice_problems(notice, config)
    return found + slug_problems(notices)


def notice_problems(notice: Notice, config: SiteConfig | None) -> list[Diagnostic]:
    """Everything that can be checked within one notice (the preview keeps these per file)."""
    found = validate_notice(notice)
    if config is not None:
        found += attachment_problems(notice, config)
    return found


def slug_problems(notices: list[Notice]) -> list[Diagnostic]:
    """Two notices at one address: the one check that needs every notice at once."""
    found = []
    by_slug: dict[str, list[Notice]] = defaultdict(list)
    for notice in notices:
        by_slug[notice.slug].append(notice)
    for slug, same in by_slug.items():
        for notice in same[1:]:
            found.append(
                error(
                    notice.source,
                    1,
                    f'two notices have the same address "{slug}" (also {same[0].source})',
                    "give one of them a different slug: in its front-matter",
                )
            )
    return found


def validate_notice(notice: Notice) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for section in notice.sections:
        if section.title and not section.issues and not section.intro_html:
            found.append(
                warning(
                    notice.source,
                    section.line,
                    f'section "{section.title}" is empty',
                    "add its issues as ### headings, or remove the heading",
                )
            )
        for issue in section.issues:
            for item_id, line in [(issue.id, issue.line)] + [(sub.id, sub.line) for sub in issue.sub_problems]:
                if item_id in seen:
                    found.append(
                        error(
                            notice.source,
                            line,
                            f'issue id "{item_id}" is used twice in this notice (first at line {seen[item_id]})',
                            "number issues uniquely within a section, or give one an id "
                            "with {#my-id} at the end of its heading",
                        )
                    )
                seen.setdefault(item_id, line)
    found += unstated_warnings(notice)
    found += prose_count_warnings(notice)
    found += link_problems(notice)
    if not notice.contact.is_reachable:
        found.append(
            error(
                notice.source,
                1,
                "the notice gives the public no way to reach the publisher",
                "add contact: with phones, emails or address, or set a default contact in site.yaml",
            )
        )
    return found


def unstated_warnings(notice: Notice) -> list[Diagnostic]:
    """Issues with no status: one warning for a notice that states none (many real ones), else one each."""
    missing = [issue for issue in notice.issues if not _states_status(issue)]
    if not missing:
        return []
    if len(missing) == len(notice.issues):
        return [
            warning(
                notice.source,
                1,
                f"no issue in this notice has a status line; all {len(missing)} are shown as 未标明 (unstated)",
                "that is fine when the original notice states none; otherwise add lines such as "
                "整改进度：整改完成 under each issue heading",
            )
        ]
    return [
        warning(
            notice.source,
            issue.line,
            f'issue "{issue.title}" has no status line; it is shown as unstated',
            "add a line such as 整改进度：整改完成 right under the heading",
        )
        for issue in missing
    ]


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
    sections = sum(1 for section in notice.sections if section.issues)
    found = []
    for pattern, listed, what in ((ISSUE_COUNT, len(notice.issues), "issues"), (SECTION_COUNT, sections, "sections")):
        for match in pattern.finditer(text):
            stated = numbering.parse_number(match.group(1))
            if stated is not None and stated != listed:
                found.append(
                    warning(
                        notice.source,
                        1,
                        f'the text says "{match.group(0)}" but {listed} {what} are listed',
                        "check that no issue is missing, or correct the number",
                    )
                )
    return found


def link_problems(notice: Notice) -> list[Diagnostic]:
    """Links inside the notice must lead to one of its own anchors or files published with it."""
    found = []
    attachments = {PurePosixPath(a.path).as_posix() for a in notice.attachments}
    anchors = notice.anchors
    for link in notice.links:
        href = link.href
        if not href or _SCHEME.match(href) or href.startswith("//"):
            continue
        target, _, fragment = href.partition("#")
        if not target:
            if fragment and fragment not in anchors:
                found.append(
                    error(
                        notice.source,
                        link.line,
                        f'link to "#{fragment}" points nowhere in this notice',
                        "issue anchors look like #s1-2; check the heading numbers",
                    )
                )
        elif PurePosixPath(target).as_posix() not in attachments:
            found.append(
                error(
                    notice.source,
                    link.line,
                    f'link to "{target}" points to nothing published',
                    "list the file under attachments: in the front-matter, or link to a full address (https://…)",
                )
            )
    return found


def attachment_problems(notice: Notice, config: SiteConfig) -> list[Diagnostic]:
    """Attachment files must exist inside content/ (no ../, no absolute path, no symlink out)."""
    found = []
    folder = (config.root / notice.source).parent
    content = config.content_dir.resolve()
    for attachment in notice.attachments:
        relative = PurePosixPath(attachment.path)
        path = folder / Path(*relative.parts) if relative.parts else folder
        if relative.is_absolute() or ".." in relative.parts or not path.resolve().is_relative_to(content):
            found.append(
                error(
                    notice.source,
                    1,
                    f'attachment "{attachment.path}" is outside the content folder',
                    "put the file next to the notice (e.g. files/survey.pdf) and use that path",
                )
            )
        elif not path.is_file():
            found.append(
                error(
                    notice.source,
                    1,
                    f'attachment "{attachment.path}" does not exist',
                    f"expected it at {path.relative_to(config.root).as_posix()}",
                )
            )
    return found
