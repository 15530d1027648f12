"""What listing pages, feeds and notices.json need of a notice, kept instead of the whole notice.

A big site's build holds one of these per notice (a few kilobytes) rather than every parsed
notice with all its measures, and the build cache keeps them so an unchanged notice is not
read again. Attribute names match Notice's, so listings, feeds and cards take either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import jinja2

from .export import notice_json
from .model import Notice, Progress, Status
from .render import render_card


@dataclass(frozen=True)
class Listed:
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
    digest: str  # of the notice's file: what every page listing it depends on
    card: str  # as on the home page
    card_below: str  # as on a listing page one folder down
    record: str  # its entry in notices.json
    listing: str  # digest of all the above: what every page listing the notice depends on (a body edit is not)

    @property
    def url(self) -> str:
        return f"notices/{self.slug}.html"

    def row(self) -> tuple:
        """Plain values for the cache: a big site's rows load several times faster than its objects."""
        progress = tuple((status.value, count) for status, count in self.progress.counts), self.progress.total
        return (*(getattr(self, name) for name in ROW_FIELDS), self.date.toordinal(), progress)

    @classmethod
    def from_row(cls, row: tuple) -> Listed:
        *values, ordinal, (counts, total) = row
        progress = Progress(tuple((STATUSES[value], count) for value, count in counts), total)
        return cls(date=dt.date.fromordinal(ordinal), progress=progress, **dict(zip(ROW_FIELDS, values, strict=True)))

    @property
    def data_url(self) -> str:
        return f"notices/{self.slug}.json"


STATUSES = {status.value: status for status in Status}  # a dict lookup: Status(value) is slow in bulk
ROW_FIELDS = tuple(name for name in Listed.__dataclass_fields__ if name not in ("date", "progress"))


def listed(env: jinja2.Environment, notice: Notice) -> Listed:
    card, card_below, record = render_card(env, notice), render_card(env, notice, "../"), notice_json(notice)
    return Listed(
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
        digest=notice.digest,
        card=card,
        card_below=card_below,
        record=record,
        listing=hashlib.sha256("\0".join((card, card_below, record)).encode()).hexdigest(),
    )
