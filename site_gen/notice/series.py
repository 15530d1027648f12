"""Notice series: the notices of one inspection round of one organisation, and each problem followed across them.

Pure functions over summaries. A series is every published notice with the same `series:` value, ordered by date.
An issue of a later notice is the same problem as one of an earlier notice when it has the same explicit
`{#id}`, else the same title once its numbering, whitespace and the width of its punctuation are set aside:
later notices renumber their open items (1. 2. 3. again), so numbers alone never match.

Overdue is judged from notice dates only (a deadline before the date of the notice that states the issue not
done), never from the day of the build: the same notices always make the same pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from ..base import addresses
from ..base.diagnostics import Diagnostic, warning
from . import numbering
from .model import Progress, Status
from .summary import OpenIssue, Summary, Tracked

_NUMBERING = [re.compile(p.pattern + r"\s*") for p in numbering.PATTERNS.values()]
_SPACE = re.compile(r"\s+")
_NO_WORDS = re.compile(r"[\W\d_]*")  # digits and punctuation alone: a number, never a title


def without_numbering(title: str) -> str:
    """A title as the series page shows it: its numbering differs from notice to notice."""
    text = title.strip()
    for _ in range(3):
        for pattern in _NUMBERING:
            text = pattern.sub("", text, count=1) if pattern.match(text) else text
    return text or title


@lru_cache(maxsize=1 << 16)  # a site's titles, matched by every series computed and by check's warnings
def title_key(title: str) -> str:
    """A title as matched across notices: no numbering, no whitespace, punctuation of one width ("" for none)."""
    text = unicodedata.normalize("NFKC", title).strip()
    for _ in range(3):  # "1.（一）" or "（一）1." : at most a few numberings in front
        for pattern in _NUMBERING:
            text = pattern.sub("", text, count=1) if pattern.match(text) else text
    text = _SPACE.sub("", text)
    return "" if _NO_WORDS.fullmatch(text) else text


class Stop(NamedTuple):  # a tuple: the build state keeps every series (tens of thousands of these)
    """One notice of a series: what its pages and the others' show of it."""

    source: str
    url: str
    title: str
    date: dt.date
    organization: str


class Entry(NamedTuple):  # a tuple: the build state keeps every series (tens of thousands of these)
    """An issue as one notice of its series reports it."""

    notice: int  # index in Series.notices
    id: str  # its anchor in that notice
    title: str
    status: Status
    line: int
    overdue: bool  # a deadline before this notice's date and not done

    @property
    def done(self) -> bool:
        return self.status.is_completed


class Thread(NamedTuple):  # a tuple: the build state keeps every series (tens of thousands of these)
    """One problem followed across a series: its entries, oldest first, and what it was last said to be."""

    entries: tuple[Entry, ...]
    deadline: dt.date | None
    long_term: bool
    responsible: str | None
    completed_on: dt.date | None
    last_notice: int  # index of the series' latest notice

    @property
    def latest(self) -> Entry:
        return self.entries[-1]

    @property
    def title(self) -> str:
        """As the latest notice reporting it writes it, without its numbering."""
        return without_numbering(self.latest.title)

    @property
    def not_reported(self) -> bool:
        """Missing from the series' latest notice: shown with its last stated status, never assumed done."""
        return self.latest.notice != self.last_notice

    @property
    def dropped(self) -> bool:
        """No longer reported while last said not done: a promise gone quiet. A problem closed and then left out
        is the normal case (已完成的事项不再逐项列出), not counted here."""
        return self.not_reported and self.latest.status is not Status.UNSTATED and not self.latest.done

    @property
    def regressed(self) -> bool:
        """Once said done, later said not done."""
        return any(a.done and not b.done for a, b in zip(self.entries, self.entries[1:], strict=False))

    @property
    def overdue(self) -> bool:
        return self.latest.overdue

    @property
    def closed_late(self) -> bool:
        """Done, but after its deadline: by its completion date, else by a notice that found it overdue."""
        if not self.latest.done or self.deadline is None:
            return False
        if self.completed_on is not None:
            return self.completed_on > self.deadline
        return any(entry.overdue for entry in self.entries)

    def at(self, notice: int) -> Entry | None:
        return next((entry for entry in self.entries if entry.notice == notice), None)

    def change(self, notice: int) -> str:
        """What changed in this notice since the previous one reporting it: new_done, closed_late, overdue,
        regressed, or ""."""
        position = next(i for i, entry in enumerate(self.entries) if entry.notice == notice)
        entry, before = self.entries[position], self.entries[position - 1] if position else None
        if before is not None and before.done and not entry.done:
            return "regressed"
        if entry.overdue:
            return "overdue"
        if before is not None and entry.done and not before.done:
            late = self.deadline is not None and (
                (self.completed_on or dt.date.min) > self.deadline or any(e.overdue for e in self.entries[:position])
            )
            return "closed_late" if late else "new_done"
        return ""


@dataclass(frozen=True)
class Series:
    """A series: its notices by date and its problems, in the order they first appear."""

    title: str  # the front-matter value
    notices: tuple[Stop, ...]
    threads: tuple[Thread, ...]

    @property
    def id(self) -> str:
        return addresses.series_slug(self.title)

    @property
    def url(self) -> str:
        return addresses.series_page(self.title)

    @property
    def organization(self) -> str:
        return self.notices[-1].organization

    def index_of(self, source: str) -> int:
        return next(i for i, stop in enumerate(self.notices) if stop.source == source)

    @cached_property
    def progress(self) -> Progress:
        """Each problem counted once, at its latest stated status."""
        tally = Counter(thread.latest.status for thread in self.threads)
        return Progress.from_counts(tally, len(self.threads))

    @cached_property
    def open_issues(self) -> tuple[OpenIssue, ...]:
        """The problems not done as of the latest notice reporting each (not stated: not claimed open)."""
        return tuple(
            OpenIssue(
                t.latest.id,
                t.title,
                t.latest.status,
                self.notices[t.latest.notice].url,
                t.deadline,
                t.overdue,
                t.not_reported,
            )
            for t in self.threads
            if t.latest.status is not Status.UNSTATED and not t.latest.done
        )

    def count(self, what: str) -> int:
        return self.tally[what] if what in self.tally else sum(1 for thread in self.threads if getattr(thread, what))

    @cached_property
    def tally(self) -> dict[str, int]:
        """How many of its problems are overdue, regressed, closed late, dropped while open (the dashboard's)."""
        return {
            what: sum(1 for thread in self.threads if getattr(thread, what))
            for what in ("overdue", "regressed", "closed_late", "dropped")
        }

    @property
    def open_days(self) -> int:
        """Days from the first notice to the latest: how long the open problems have been open at least."""
        return (self.notices[-1].date - self.notices[0].date).days

    def changes(self, notice: int) -> Counter[str]:
        """How many problems of this notice changed in each way since the previous notice."""
        return Counter(change for _, at, *_values, change in self._said if change and at == notice)

    @cached_property
    def _said(self) -> list[tuple[int, int, str, str, bool, str]]:
        """Every entry as plain values: (thread, notice, id, status, overdue, change since the previous one)."""
        return [
            (number, e.notice, e.id, e.status.value, e.overdue, thread.change(e.notice))
            for number, thread in enumerate(self.threads)
            for e in thread.entries
        ]

    @cached_property
    def key(self) -> str:
        """A digest of everything the series is (its page and series.json show nothing else): plain values, as
        a repr of the dataclasses would say them, at a fraction of the cost."""
        plain = (
            self.title,
            tuple(_stop_values(stop) for stop in self.notices),
            tuple(
                (
                    tuple((e.notice, e.id, e.title, e.status.value, e.line, e.overdue) for e in t.entries),
                    t.deadline,
                    t.long_term,
                    t.responsible,
                    t.completed_on,
                    t.last_notice,
                )
                for t in self.threads
            ),
        )
        return _digest(plain)

    @cached_property
    def view_keys(self) -> tuple[str, ...]:
        """For each notice, a digest of its notice_view: the series' title and address, its position, the notices
        up to the next one (its neighbours, and those its issues' history cells name), and each of its issues'
        history (anchor, then per earlier entry: notice, anchor, status, overdue, change)."""
        stops = [_stop_values(stop) for stop in self.notices]
        cells: dict[int, list[tuple[int, str, str, bool, str]]] = defaultdict(list)
        for number, notice, id, status, overdue, change in self._said:
            cells[number].append((notice, id, status, overdue, change))
        keys = []
        for index in range(len(self.notices)):
            history = tuple(
                (entry[1], tuple(c for c in said if c[0] <= index))
                for said in cells.values()
                if (entry := next((c for c in said if c[0] == index), None))
            )
            keys.append(_digest((self.title, self.url, index, len(stops), tuple(stops[: index + 2]), history)))
        return tuple(keys)


def _stop_values(stop: Stop) -> tuple[str, str, str, str, str]:
    return (stop.source, stop.url, stop.title, stop.date.isoformat(), stop.organization)


def _digest(plain: object) -> str:
    """Plain values (strings, numbers, dates, tuples) as a digest: their repr is exact and quick."""
    return hashlib.sha256(repr(plain).encode("utf-8")).hexdigest()


def series_of(summaries: Iterable[Summary]) -> dict[str, Series]:
    """Every series of these notices, by its front-matter value."""
    by_name: dict[str, list[Summary]] = defaultdict(list)
    for summary in summaries:
        if summary.series:
            by_name[summary.series].append(summary)
    return {name: one_series(name, members) for name, members in sorted(by_name.items())}


def one_series(name: str, members: list[Summary]) -> Series:
    return followed(name, members)[0]


def followed(name: str, members: list[Summary]) -> tuple[Series, list[Diagnostic]]:
    """One series and check's warnings about it, from one matching of its issues."""
    ordered = sorted(members, key=lambda s: (s.date, s.slug))
    stops = tuple(Stop(s.source, s.url, s.title, s.date, s.organization) for s in ordered)
    threads, matching = match(ordered)
    series = Series(name, stops, tuple(_thread_parts(stops, parts) for parts in threads))
    return series, _series_problems(name, ordered, (threads, matching))


def match(ordered: list[Summary]) -> tuple[list[list[tuple[int, Tracked]]], list[Diagnostic]]:
    """The issues of the notices (oldest first) grouped into problems, and the matching's problems: an issue
    whose every match an earlier issue of this notice took. Explicit ids match first, then titles; two like
    titles in one notice are two problems, matched in their order."""
    threads: list[list[tuple[int, Tracked]]] = []
    by_key: dict[tuple[str, str], list[int]] = {}
    problems: list[Diagnostic] = []
    for position, summary in enumerate(ordered):
        taken: dict[int, Tracked] = {}
        for issue in summary.tracked:
            keys = _keys(issue)
            candidates = list(dict.fromkeys(t for key in keys for t in by_key.get(key, ())))
            found = next((t for t in candidates if t not in taken), None)
            if found is None and any(threads[t][0][0] < position for t in candidates):
                other = taken[candidates[0]].title
                problems.append(
                    warning(summary.source, issue.line, "series-issue-matched-twice", title=issue.title, other=other)
                )
            if found is None:
                found = len(threads)
                threads.append([])
            taken[found] = issue
            threads[found].append((position, issue))
            for key in keys:
                if found not in by_key.setdefault(key, []):
                    by_key[key].append(found)
    return threads, problems


def _keys(issue: Tracked) -> list[tuple[str, str]]:
    keys = [("id", issue.id)] if issue.explicit else []
    title = title_key(issue.title)
    return keys + ([("title", title)] if title else [])


def _thread_parts(stops: tuple[Stop, ...], parts: list[tuple[int, Tracked]]) -> Thread:
    entries = tuple(
        Entry(position, issue.id, issue.title, issue.status, issue.line, is_overdue(issue, stops[position].date))
        for position, issue in parts
    )
    last = parts[-1][1]
    deadline = next((issue.deadline for _, issue in reversed(parts) if issue.deadline), None)
    long_term = last.long_term
    responsible = next((issue.responsible for _, issue in reversed(parts) if issue.responsible), None)
    completed = next((issue.completed_on for _, issue in reversed(parts) if issue.completed_on), None)
    return Thread(entries, deadline, long_term, responsible, completed, len(stops) - 1)


def is_overdue(issue: Tracked, day: dt.date) -> bool:
    """Not done as of the notice's date with its deadline before it; a long-term item never is."""
    if issue.long_term or issue.deadline is None or issue.status.is_completed:
        return False
    return issue.deadline < day


def problems(summaries: Iterable[Summary]) -> list[Diagnostic]:
    """check's warnings about series: located at the issue's line (or the notice's first line)."""
    by_name: dict[str, list[Summary]] = defaultdict(list)
    for summary in summaries:
        if summary.series:
            by_name[summary.series].append(summary)
    found: list[Diagnostic] = []
    for name, members in sorted(by_name.items()):
        found += one_series_problems(name, members)
    return found


def one_series_problems(name: str, members: list[Summary]) -> list[Diagnostic]:
    """check's warnings about one series (see problems())."""
    return _series_problems(name, sorted(members, key=lambda s: (s.date, s.slug)))


def _series_problems(
    name: str, ordered: list[Summary], matched: tuple[list[list[tuple[int, Tracked]]], list[Diagnostic]] | None = None
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    first = ordered[0]
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if earlier.date == later.date:
            found.append(warning(later.source, 1, "series-same-date", series=name, other=earlier.source))
    for summary in ordered[1:]:
        if summary.organization != first.organization:
            found.append(
                warning(
                    summary.source,
                    1,
                    "series-organizations-differ",
                    series=name,
                    organization=summary.organization,
                    other=first.organization,
                    source=first.source,
                )
            )
    threads, matching = matched or match(ordered)
    found += matching
    for parts in threads:
        nexts = [position for position, _ in parts[1:]] + [len(ordered)]
        for (position, issue), after in zip(parts, nexts, strict=True):
            if after > position + 1 and position + 1 < len(ordered) and not issue.status.is_completed:
                missing = ordered[position + 1]
                found.append(
                    warning(
                        ordered[position].source,
                        issue.line,
                        "series-issue-not-reported",
                        title=issue.title,
                        later=missing.source,
                    )
                )
    return found


def counted(summaries: list[Summary], series: dict[str, Series]) -> list[Summary]:
    """The summaries as totals count them: a series' latest notice carries the state of all its problems (each
    once, at its latest status), its earlier notices none. Notices outside any series count as they are."""
    import dataclasses

    latest = {s.notices[-1].source: s for s in series.values()}
    empty = Progress((), 0)
    found = []
    for summary in summaries:
        if not summary.series:
            found.append(summary)
        elif summary.source in latest:
            one = latest[summary.source]
            found.append(dataclasses.replace(summary, progress=one.progress, open_issues=one.open_issues))
        else:
            found.append(dataclasses.replace(summary, progress=empty, open_issues=()))
    return found


@dataclass(frozen=True)
class Cell:
    """One notice's word on an issue, as a history shows it: all plain data, so its repr is part of a page's key."""

    notice: Stop
    id: str  # the issue's anchor in that notice
    status: Status
    overdue: bool
    change: str  # new_done, closed_late, overdue, regressed or ""


@dataclass(frozen=True)
class NoticeView:
    """What a notice's page shows of its series: the series, its neighbours, and each issue's history up to it."""

    title: str
    url: str
    position: int  # from 1
    count: int
    previous: Stop | None
    next: Stop | None
    history: tuple[tuple[str, tuple[Cell, ...]], ...]  # by the issue's id in this notice

    def of(self, issue_id: str) -> tuple[Cell, ...]:
        return next((cells for found, cells in self.history if found == issue_id), ())


def notice_view(series: Series, source: str) -> NoticeView:
    """The series as one of its notices shows it: nothing of the notices after it but the next one's link."""
    index = series.index_of(source)
    history = []
    for thread in series.threads:
        entry = thread.at(index)
        if entry is None:
            continue
        cells = tuple(
            Cell(series.notices[e.notice], e.id, e.status, e.overdue, thread.change(e.notice))
            for e in thread.entries
            if e.notice <= index
        )
        history.append((entry.id, cells))
    return NoticeView(
        series.title,
        series.url,
        index + 1,
        len(series.notices),
        series.notices[index - 1] if index else None,
        series.notices[index + 1] if index + 1 < len(series.notices) else None,
        tuple(history),
    )
