"""The notice model: pure data shared by build, check, serve, import and the JSON export.

Nothing here reads files or renders templates, so every command sees the same
notice and the status logic is testable on its own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from ..base import addresses


class Status(StrEnum):
    """Canonical rectification states, declared from least to most advanced."""

    UNSTATED = "unstated"
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    PHASE_DONE = "phase_done"
    DEEMED_DONE = "deemed_done"
    DONE_ONGOING = "done_ongoing"
    DONE = "done"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def is_completed(self) -> bool:
        """Counted in the completion rate, as government round summaries do (完成整改 + 视同完成)."""
        return self in (Status.DEEMED_DONE, Status.DONE_ONGOING, Status.DONE)


_RANK = {status: rank for rank, status in enumerate(Status)}

# Most advanced first: the order badges, legends and counts are shown in.
DISPLAY_ORDER: tuple[Status, ...] = tuple(reversed(Status))


def least_advanced(statuses: list[Status]) -> Status:
    """The status of a group is its weakest member; an unknown member makes the group unknown."""
    return min(statuses, key=lambda status: status.rank) if statuses else Status.UNSTATED


@dataclass(frozen=True)
class StatusLine:
    """A status as written in the notice, and what it means."""

    wording: str
    status: Status
    line: int


@dataclass(frozen=True, kw_only=True)
class Commitment:
    """What a notice promises about one problem, from the per-issue lines under its heading (整改时限：, 责任单位：…):
    an issue and a sub-problem carry the same ones, so the series, the open data and the ledgers read them alike."""

    deadline: dt.date | None = None
    long_term: bool = False  # 长期坚持: no deadline, never overdue
    responsible: str | None = None
    responsible_person: str | None = None
    completed_on: dt.date | None = None


@dataclass(frozen=True)
class SubProblem(Commitment):
    """One of an issue's 一是/二是… parts that carries its own status line."""

    id: str
    title: str
    status_line: StatusLine | None
    body_html: str
    line: int

    @property
    def status(self) -> Status:
        return self.status_line.status if self.status_line else Status.UNSTATED


@dataclass(frozen=True)
class Issue(Commitment):
    """A problem found by the inspection, with what was done about it."""

    id: str
    number: str
    title: str
    status_line: StatusLine | None
    body_html: str
    line: int
    sub_problems: tuple[SubProblem, ...] = ()

    @property
    def status(self) -> Status:
        if self.sub_problems:
            return least_advanced([sub.status for sub in self.sub_problems])
        return self.status_line.status if self.status_line else Status.UNSTATED

    @property
    def wording(self) -> str:
        """The wording as published, for display next to the canonical badge."""
        if self.sub_problems:
            return ";".join(sub.status_line.wording for sub in self.sub_problems if sub.status_line)
        return self.status_line.wording if self.status_line else ""


@dataclass(frozen=True)
class Section:
    """A group of issues (方面). A notice without sections has one untitled section."""

    id: str
    title: str
    intro_html: str
    line: int
    issues: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class Contact:
    """How the public can reach the publisher."""

    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    address: str = ""
    other: tuple[str, ...] = ()
    invitation: str = ""

    @property
    def is_reachable(self) -> bool:
        return bool(self.phones or self.emails or self.address)


@dataclass(frozen=True)
class Inspection:
    """Who inspected the publisher, in which round, and when."""

    group: str = ""
    round: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    feedback: dt.date | None = None


@dataclass(frozen=True)
class Disclosure:
    """The 政府信息公开 metadata the published original carried (索引号, 文号…), kept for readers and auditors."""

    index: str = ""
    number: str = ""
    subject: str = ""
    publisher: str = ""
    written: dt.date | None = None
    method: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file published with the notice (path relative to the notice's source file)."""

    path: str
    title: str
    line: int = field(default=0, compare=False)  # where the front-matter lists it, for located errors


@dataclass(frozen=True)
class Correction:
    """A change made to the notice after it was published, as the publisher states it (更正): never silent."""

    date: dt.date
    note: str
    line: int = field(default=0, compare=False)  # where the front-matter lists it, for located warnings


@dataclass(frozen=True)
class Link:
    """A link written in a notice's body, kept so check can tell whether it leads anywhere."""

    href: str
    line: int


@dataclass(frozen=True)
class Progress:
    """Counts per status over a set of issues: computed, never typed by a clerk."""

    counts: tuple[tuple[Status, int], ...]
    total: int

    @classmethod
    def of(cls, issues: list[Issue] | tuple[Issue, ...]) -> Progress:
        tally = Counter(issue.status for issue in issues)
        counts = tuple((status, tally[status]) for status in DISPLAY_ORDER if tally[status])
        return cls(counts=counts, total=len(issues))

    @classmethod
    def from_counts(cls, tally: dict[Status, int], total: int) -> Progress:
        return cls(counts=tuple((s, tally[s]) for s in DISPLAY_ORDER if tally.get(s)), total=total)

    def count(self, status: Status) -> int:
        return dict(self.counts).get(status, 0)

    @cached_property
    def row(self) -> tuple[int, ...]:
        """The count of every status in DISPLAY_ORDER, zeros included: sites add these up column by column."""
        tally = dict(self.counts)
        return tuple(tally.get(status, 0) for status in DISPLAY_ORDER)

    @property
    def completed(self) -> int:
        return sum(n for status, n in self.counts if status.is_completed)

    @property
    def unstated(self) -> int:
        return self.count(Status.UNSTATED)

    @property
    def completion_rate(self) -> float | None:
        """Share of issues completed, or None when no issue has a stated status."""
        if self.total == 0 or self.unstated == self.total:
            return None
        return self.completed / self.total


@dataclass(frozen=True)
class Notice:
    """One rectification-progress notice (整改进展情况通报)."""

    source: str  # path relative to the site folder, with forward slashes
    slug: str
    title: str
    organization: str
    date: dt.date
    contact: Contact
    inspection: Inspection | None = None
    disclosure: Disclosure | None = None
    summary: str = ""
    tags: tuple[str, ...] = ()
    draft: bool = False
    lang: str = ""
    intro_html: str = ""
    sections: tuple[Section, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    corrections: tuple[Correction, ...] = ()  # newest first
    reviewers: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    digest: str = ""  # hash of the source file's bytes: the build cache's key
    series: str = ""  # the inspection round of one organisation it reports on, with its other notices

    @cached_property  # derived once: templates ask for it many times per page
    def issues(self) -> tuple[Issue, ...]:
        return tuple(issue for section in self.sections for issue in section.issues)

    @cached_property
    def progress(self) -> Progress:
        return Progress.of(self.issues)

    @property
    def corrected(self) -> dt.date | None:
        """The latest correction's date, if any."""
        return max((c.date for c in self.corrections), default=None)

    @property
    def updated(self) -> dt.date:
        """When the notice last changed: its latest correction, else its publication (feeds, sitemap, data)."""
        return max(self.date, self.corrected or self.date)

    @property
    def anchors(self) -> set[str]:
        """Every id a link inside the page may point to."""
        ids = {section.id for section in self.sections if section.id}
        for issue in self.issues:
            ids.add(issue.id)
            ids.update(sub.id for sub in issue.sub_problems)
        return ids

    @property
    def url(self) -> str:
        """Path of the notice page relative to the site root."""
        return addresses.notice_page(self.slug)

    @property
    def data_url(self) -> str:
        """Path of the notice's full open-data record (with measures) beside its page."""
        return addresses.notice_data(self.slug)
