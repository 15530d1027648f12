"""Checks that need a whole notice or the whole site, run after every file is read.

Per-field and per-line problems are found by the reader; this adds what only
shows when the parts are put together: duplicate ids and slugs, unreachable
contacts, issues with no status.
"""

from __future__ import annotations

from collections import defaultdict

from .diagnostics import Diagnostic, error, warning
from .model import Issue, Notice


def validate_site(notices: list[Notice]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    by_slug: dict[str, list[Notice]] = defaultdict(list)
    for notice in notices:
        by_slug[notice.slug].append(notice)
        found += validate_notice(notice)
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
