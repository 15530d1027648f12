"""Notices grouped the ways readers look for them: by organisation, year and tag, and site-wide totals.

Pure functions over the model: the pages, the dashboard and the feeds all use
the same groups, so every total on the site adds up to the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..base import addresses
from ..notice.model import DISPLAY_ORDER, Progress
from ..notice.organizations import Organization, Registry
from ..notice.series import Series
from ..notice.summary import NoticeLike, OpenIssue, Summary

PAGE_SIZE = 50  # notices per listing page: a phone loads fifty cards, not the whole province


@dataclass(frozen=True)
class Group:
    """A set of notices shown on one listing page, newest first, with their combined progress."""

    kind: str  # "organization", "year" or "tag"
    name: str
    url: str
    notices: tuple[NoticeLike, ...]

    @cached_property  # the groups page, the dashboard and the group page all ask
    def progress(self) -> Progress:
        return site_progress(self.notices)


def groups(notices: Sequence[NoticeLike], kind: str, book: addresses.GroupAddresses) -> list[Group]:
    """Notices grouped by one key; years newest first, other groups by name."""
    by_key: dict[str, list[NoticeLike]] = defaultdict(list)
    for notice in notices:
        for key in keys_of(notice, kind):
            by_key[key].append(notice)
    names = sorted(by_key, reverse=(kind == "year"))
    return [Group(kind, name, book.page(kind, name), tuple(by_key[name])) for name in names]


def organization_groups(
    notices: Sequence[NoticeLike], registry: Registry, book: addresses.GroupAddresses
) -> list[Group]:
    """The organisations with notices, and the registered ones they are units of (a county's page lists its units
    even when the county publishes nothing itself), by name."""
    found = {group.name: group for group in groups(notices, "organization", book)}
    for name in list(found):
        parent = _parent_of(registry, name)
        while parent and parent not in found:
            found[parent] = Group("organization", parent, book.page("organization", parent), ())
            parent = _parent_of(registry, parent)
    return [found[name] for name in sorted(found)]


def _parent_of(registry: Registry, name: str) -> str:
    registered = registry.find(name)
    return registered.parent if registered else ""


@dataclass(frozen=True)
class OrganizationView:
    """What an organisation's page shows besides its notices: all plain data, so it is also the page's key."""

    registered: Organization | None  # its registry entry: the contact shown comes from there
    parent: tuple[str, str] | None  # name, address
    units: tuple[tuple[str, str, int], ...]  # name, address, number of notices
    notices: tuple[NoticeLike, ...] = field(repr=False)
    series: tuple[tuple[str, str, int, int], ...] = ()  # its series: name, address, notices, open problems

    @cached_property  # made only when the page is: a big site's preview declares every page on each save
    def open_problems(self) -> tuple[tuple[str, str, dt.date, tuple[OpenIssue, ...]], ...]:
        """Per notice with open issues: its title, address, date and those issues."""
        return tuple(
            (notice.title, notice.url, notice.date, notice.open_issues)  # a series' issue names its own notice
            for notice in self.notices
            if isinstance(notice, Summary) and notice.open_issues  # lists are made of summaries
        )

    @property
    def open_count(self) -> int:
        return sum(len(issues) for *_, issues in self.open_problems)


def organization_view(
    group: Group, registry: Registry, pages: dict[str, Group], series: Mapping[str, Series] | None = None
) -> OrganizationView:
    """The organisation's registry entry, its parent and units that have pages, its notices (for open problems)
    and the series its notices belong to."""
    registered = registry.find(group.name)
    parent = pages.get(registered.parent) if registered and registered.parent else None
    units = tuple((u.name, u.url, len(u.notices)) for org in registry.units(group.name) if (u := pages.get(org.name)))
    sources = {notice.source for notice in group.notices}
    own = tuple(
        (one.title, one.url, len(one.notices), len(one.open_issues))
        for one in (series or {}).values()
        if any(stop.source in sources for stop in one.notices)
    )
    return OrganizationView(registered, (parent.name, parent.url) if parent else None, units, group.notices, own)


def keys_of(notice: NoticeLike, kind: str) -> tuple[str, ...]:
    if kind == "organization":
        return (notice.organization,)
    if kind == "year":
        return (str(notice.date.year),)
    return notice.tags


def site_progress(notices: Sequence[NoticeLike]) -> Progress:
    """The notices' counts added up column by column, in C: a big site sums ~100,000 counts per build."""
    sums = map(sum, zip(*(notice.progress.row for notice in notices), strict=True))
    tally = dict(zip(DISPLAY_ORDER, sums, strict=False))  # no notices: no columns
    return Progress.from_counts(tally, sum(notice.progress.total for notice in notices))


@dataclass(frozen=True)
class Page:
    """One page of a long list: its notices, where it is, and how to reach the others."""

    number: int  # from 1
    count: int
    first_url: str  # page 1: index.html, organizations/某局.html
    notices: tuple[NoticeLike, ...]

    @property
    def url(self) -> str:
        return self.url_of(self.number)

    def url_of(self, number: int) -> str:
        return addresses.list_page(self.first_url, number)

    @property
    def numbers(self) -> list[int | None]:
        """Page numbers to show: the first, the last and two either side of this one; None marks a gap."""
        shown = sorted({1, self.count, *range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)})
        result: list[int | None] = []
        for number in shown:
            if result and number - (result[-1] or 0) > 1:
                result.append(None)
            result.append(number)
        return result


def paginate(notices: Sequence[NoticeLike], first_url: str) -> list[Page]:
    """The notices in pages of PAGE_SIZE; an empty list is one empty page."""
    chunks = [tuple(notices[i : i + PAGE_SIZE]) for i in range(0, len(notices), PAGE_SIZE)] or [()]
    return [Page(number, len(chunks), first_url, chunk) for number, chunk in enumerate(chunks, start=1)]
