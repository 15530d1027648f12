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

from ..notice.config import SiteConfig
from ..notice.series import Series, match
from ..notice.summary import Summary, summarize
from .convert import ImportResult
from .said import Said


@dataclasses.dataclass(frozen=True)
class SiteSeries:
    """The site's series by their front-matter value, and the summaries of their notices by source."""

    series: dict[str, Series]
    summaries: dict[str, Summary]

    def find(self, wanted: str) -> Series | None:
        """A series by its front-matter value or its id (the name of its page: series/<id>.html)."""
        return next((one for name, one in self.series.items() if wanted in (name, one.id)), None)

    def known(self) -> str:
        """Every series as the clerk may name it: "value (id)", for the message when the one asked for is unknown."""
        return "、".join(f"{name} ({one.id})" for name, one in self.series.items()) or "-"


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
    note = Said(
        f"作为系列“{one.title}”的第 {last + 1} 份通报：与上一份（{previous.source}，{previous.date.isoformat()}）"
        f"对照，{len(followed)} 个问题接续以前的问题，{len(fresh)} 个是新问题",
        f"the notice {last + 1} of the series “{one.title}”: against the previous one ({previous.source}, "
        f"{previous.date.isoformat()}), {len(followed)} problem(s) follow on earlier ones, {len(fresh)} are new",
    )
    doubts = []
    if dropped:
        titles = "；".join(dropped)
        doubts.append(
            Said(
                f"上一份通报中未完成的 {len(dropped)} 个问题本台账没有列出：{titles}。请核对（问题的写法要与上一份一致才能对上）",
                f"{len(dropped)} problem(s) not done in the previous notice are not in this ledger: {titles}. Check "
                "them (a problem is matched by its wording, as in the previous notice)",
            )
        )
    if new.date <= previous.date:
        doubts.append(
            Said(
                f"台账的日期 {new.date.isoformat()} 不晚于上一份通报的 {previous.date.isoformat()}：请核对填报日期",
                f"the ledger's date {new.date.isoformat()} is not after the previous notice's "
                f"{previous.date.isoformat()}: check 填报日期",
            )
        )
    return dataclasses.replace(result, notes=[*result.notes, note], warnings=[*result.warnings, *doubts])
