"""What list pages, feeds and notices.json need of a notice: plain data, kept instead of the whole notice.

A big site's build holds one of these per notice (a few hundred bytes) rather than every parsed
notice with all its measures, and the build state keeps them so an unchanged notice is not read
again. Attribute names match Notice's, so groups, feeds and card templates take either (a NoticeLike).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from ..base import addresses
from .model import Notice, Progress, Status


@dataclass(frozen=True)
class OpenIssue:
    """An issue its notice states is not completed yet, as its organisation's page lists it (plain data)."""

    id: str  # the anchor on the notice page
    title: str
    status: Status
    url: str = ""  # the notice whose text states it, when not the one it is listed under (a series' issue)
    deadline: dt.date | None = None
    overdue: bool = False  # its deadline passed before the date of the notice stating it
    not_reported: bool = False  # a series' later notice no longer reports it: its last stated status


@dataclass(frozen=True)
class Tracked:
    """What a notice series follows of one issue of one notice (plain data, kept with the summary)."""

    id: str  # its anchor
    explicit: bool  # the id is the clerk's own {#id}, not derived from the numbering
    title: str
    status: Status
    line: int
    deadline: dt.date | None = None
    long_term: bool = False
    responsible: str | None = None
    completed_on: dt.date | None = None


class NoticeLike(Protocol):
    """What lists, feeds, cards and the address checks read of a notice: a Notice and its Summary both have it."""

    @property
    def source(self) -> str: ...
    @property
    def slug(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def organization(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def summary(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def draft(self) -> bool: ...
    @property
    def lang(self) -> str: ...
    @property
    def progress(self) -> Progress: ...
    @property
    def updated(self) -> dt.date: ...
    @property
    def url(self) -> str: ...
    @property
    def data_url(self) -> str: ...


@dataclass(frozen=True)
class Summary:
    source: str
    slug: str
    title: str
    organization: str
    date: dt.date
    summary: str
    tags: tuple[str, ...]
    draft: bool
    lang: str
    progress: Progress
    open_issues: tuple[OpenIssue, ...] = ()
    series: str = ""
    tracked: tuple[Tracked, ...] = ()  # its issues, for its series (empty outside any)
    corrected: dt.date | None = None  # the latest correction's date

    @property
    def updated(self) -> dt.date:
        return max(self.date, self.corrected or self.date)

    @property
    def url(self) -> str:
        return addresses.notice_page(self.slug)

    @property
    def data_url(self) -> str:
        return addresses.notice_data(self.slug)


def summarize(notice: Notice) -> Summary:
    return Summary(
        source=notice.source,
        slug=notice.slug,
        title=notice.title,
        organization=notice.organization,
        date=notice.date,
        summary=notice.summary,
        tags=notice.tags,
        draft=notice.draft,
        lang=notice.lang,
        progress=notice.progress,
        open_issues=open_issues(notice),
        corrected=notice.corrected,
        series=notice.series,
        tracked=tracked_issues(notice) if notice.series else (),
    )


def tracked_issues(notice: Notice) -> tuple[Tracked, ...]:
    """Every issue as its series follows it. An id is the clerk's own when it is not the one the numbering gives
    (s2-5, i3): numbers alone never match an issue across notices, which renumber their open items."""
    found = []
    for section in notice.sections:
        for issue in section.issues:
            derived = f"{section.id}-{issue.number}" if section.id else f"i{issue.number}"
            subs = issue.sub_problems
            # an issue in parts is done when its last part is: its lines are its own, else its parts'
            deadlines = [sub.deadline for sub in subs if sub.deadline]
            completions = [sub.completed_on for sub in subs if sub.completed_on]
            found.append(
                Tracked(
                    issue.id,
                    issue.id != derived,
                    issue.title,
                    issue.status,
                    issue.line,
                    issue.deadline or (max(deadlines) if deadlines else None),
                    issue.long_term or bool(subs) and all(sub.long_term for sub in subs),
                    issue.responsible or next((sub.responsible for sub in subs if sub.responsible), None),
                    issue.completed_on or (max(completions) if completions else None),
                )
            )
    return tuple(found)


def open_issues(notice: Notice) -> tuple[OpenIssue, ...]:
    """The issues whose stated status is not a completed one; an issue with no status is not claimed open."""
    return tuple(
        OpenIssue(issue.id, issue.title, issue.status)
        for issue in notice.issues
        if issue.status is not Status.UNSTATED and not issue.status.is_completed
    )


def newest_first(notice: NoticeLike) -> tuple[int, str]:
    """The order of every list: newest first, then by address (a Notice or a Summary)."""
    return (-notice.date.toordinal(), notice.slug)
