"""This month's ledger as the next notice of a series: `site-gen import 台账-2025-06.xlsx --series <id>`.

Agencies send the same ledger upward every month; each month's is the next notice of one series (one inspection
round of one organisation). The imported notice names the series (front-matter `series:`), takes the series'
organisation when the ledger names none, and its issues are matched to the previous notice's by the series' own
rule (notice/series.py `match`, the one the build uses), so the report says which problems follow on, which are new,
and which open problems of the previous notice this ledger no longer lists. The series page, each issue's history
and the overdue and regression marks then follow from the build, as for any notice of the series.
"""

from __future__ import annotations

import dataclasses

from ..base.cli_text import Listed, note
from ..notice.config import SiteConfig
from ..notice.series import Series, match
from ..notice.summary import Summary, summarize
from .convert import ImportResult


@dataclasses.dataclass(frozen=True)
class SiteSeries:
    """The site's series by their front-matter value, and the summaries of their notices by source."""

    series: dict[str, Series]
    summaries: dict[str, Summary]

    def find(self, wanted: str) -> Series | None:
        """A series by its front-matter value or its id (the name of its page: series/<id>.html)."""
        return next((one for name, one in self.series.items() if wanted in (name, one.id)), None)

    def known(self) -> Listed | str:
        """Every series as the clerk may name it: "value (id)", for the message when the one asked for is unknown."""
        return Listed(tuple(f"{name} ({one.id})" for name, one in self.series.items())) if self.series else "-"


def site_series(config: SiteConfig) -> SiteSeries:
    """Every series of the site's notices, drafts too (last month's notice may not be published yet), read by the
    engine that builds the site: the series are the ones its pages show."""
    from ..engine.site import Site  # here: an import without --series never reads the whole site

    site = Site.open(config.root, drafts=True)
    site.load({})
    return SiteSeries(site.series(), site.summaries())


def followed_on(result: ImportResult, one: Series, known: SiteSeries) -> ImportResult:
    """The import with the report's notes on how its issues follow the series' previous notice."""
    if result.notice is None:
        return result
    new = summarize(result.notice)
    ordered = [known.summaries[stop.source] for stop in one.notices if stop.source != new.source]
    previous = ordered[-1]
    threads, _ = match([*ordered, new])
    last, before = len(ordered), len(ordered) - 1
    followed = [parts for parts in threads if parts[-1][0] == last and len(parts) > 1]
    fresh = [parts for parts in threads if parts[-1][0] == last and len(parts) == 1]
    dropped = [
        parts[-1][1].title for parts in threads if parts[-1][0] == before and not parts[-1][1].status.is_completed
    ]
    previous_date = previous.date.isoformat()
    followed_note = note(
        "import-series-followed",
        position=last + 1,
        series=one.title,
        previous=previous.source,
        previous_date=previous_date,
        followed=len(followed),
        fresh=len(fresh),
    )
    doubts = []
    if dropped:
        doubts.append(note("import-series-dropped", count=len(dropped), titles="；".join(dropped)))
    if new.date <= previous.date:
        doubts.append(note("import-series-date-not-after", date=new.date.isoformat(), previous_date=previous_date))
    return dataclasses.replace(result, notes=[*result.notes, followed_note], warnings=[*result.warnings, *doubts])
