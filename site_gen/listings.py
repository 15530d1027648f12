"""Notices grouped the ways readers look for them: by organisation, year and tag, and site-wide totals.

Pure functions over the model: the pages, the dashboard and the feeds all use
the same groups, so every total on the site adds up to the same numbers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from . import addresses
from .model import DISPLAY_ORDER, Progress
from .summary import NoticeLike

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


def groups(notices: Sequence[NoticeLike], kind: str) -> list[Group]:
    """Notices grouped by one key; years newest first, other groups by name."""
    by_key: dict[str, list[NoticeLike]] = defaultdict(list)
    for notice in notices:
        for key in keys_of(notice, kind):
            by_key[key].append(notice)
    names = sorted(by_key, reverse=(kind == "year"))
    return [Group(kind, name, addresses.group_page(kind, name), tuple(by_key[name])) for name in names]


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
