"""The pages that list notices, declared: home pages, group pages, the dashboard, feeds, notices.json, sitemap.

Each list page's key digests the list keys of the notices it shows, so an edit rewrites the
one page per list that shows the notice (and the site-wide files that name every notice).
Loaded only when lists must be declared: a rebuild with nothing to do never imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base import addresses
from ..notice.config import SiteConfig
from ..notice.series import Series, counted
from ..notice.summary import NoticeLike, OpenIssue, Summary
from ..pages.feeds import FEED_ENTRIES, atom_feed, robots, sitemap
from ..pages.groups import (
    Group,
    OrganizationView,
    Page,
    groups,
    organization_groups,
    organization_view,
    paginate,
    site_progress,
)
from ..pages.open_data import notices_json
from ..pages.render import content_security_policy
from ..pages.theme_text import ui_strings
from .cache import digest
from .outputs import Output, asset_sources
from .state import Memo, SourceRecord

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

    from ..pages.ledger import LedgerPart

TEMPLATES = (
    "index.html",
    "group.html",
    "groups.html",
    "dashboard.html",
    "search.html",
    "data.html",
    "404.html",
)  # used below


def render_page(env: jinja2.Environment, template: str, page_path: str, **values: Any) -> str:
    """render.render_page, loaded when a page is made: a rebuild with nothing to do never loads Jinja."""
    from ..pages import render

    return render.render_page(env, template, page_path, **values)


def render_index(
    env: jinja2.Environment,
    page: Page,
    cards: list[str],
    organizations: list[Group],
    years: list[Group],
    open_count: int,
) -> str:
    from ..pages import render

    return render.render_index(env, page, cards, organizations, years, open_count)


@dataclass(frozen=True)
class Published:
    """The published notices newest first, with what list pages show of each (rendered once, when read)."""

    summaries: list[Summary]
    records: dict[str, SourceRecord]  # by source
    memo: Callable[[str], Memo]  # a notice's memo by its source
    series: dict[str, Series] = field(default_factory=dict)  # by name
    series_records: dict[str, str] = field(default_factory=dict)  # each series' entry in series.json, by name

    @cached_property
    def counted(self) -> list[Summary]:
        """The summaries as totals count them: each problem of a series once, at its latest notice's state."""
        return counted(self.summaries, self.series) if self.series else self.summaries

    def cards(self, notices: Iterable[NoticeLike], below: bool) -> Markup:
        from markupsafe import Markup  # here: a rebuild with nothing to do never loads it

        cards = (self.memo(n.source).card_below if below else self.memo(n.source).card for n in notices)
        return Markup(b"".join(cards).decode("utf-8"))

    @cached_property
    def changes(self) -> dict[str, dict[str, int]]:
        """What changed in each later notice of a series since the previous one (the feeds say it), by source."""
        return {
            stop.source: dict(sorted(one.changes(index).items()))
            for one in self.series.values()
            for index, stop in enumerate(one.notices)
            if index
        }

    @cached_property
    def series_by_source(self) -> dict[str, str]:
        """The name of each notice's series, by the notice's source."""
        return {stop.source: name for name, one in self.series.items() for stop in one.notices}

    def series_of(self, notices: Iterable[NoticeLike]) -> dict[str, Series]:
        """The series these notices belong to, in the site's order of series (by name)."""
        names = {self.series_by_source[n.source] for n in notices if n.source in self.series_by_source}
        return {name: one for name, one in self.series.items() if name in names} if names else {}

    @cached_property
    def own(self) -> dict[str, Summary]:
        """Each notice's summary as it is (counted ones carry a series' state instead)."""
        return {summary.source: summary for summary in self.summaries}

    def list_keys(self, notices: Iterable[NoticeLike]) -> list[str]:
        key = self.key_of
        return [key[n.source] for n in notices]

    @cached_property  # asked for every list page: thousands of lookups on a big site
    def key_of(self) -> dict[str, str]:
        return {source: record.list_key for source, record in self.records.items()}

    def ledger_part(self, source: str) -> LedgerPart:
        """A notice's rows in ledgers, as made when it was read (every memo has them: STATE_VERSION 10)."""
        ledger = self.memo(source).ledger
        assert ledger is not None, source  # read_record makes them; a state without them is not loaded
        return ledger


def list_outputs(config: SiteConfig, env: jinja2.Environment, published: Published) -> list[Output]:
    """Home list, group pages, dashboard, search page, feeds, robots.txt, notices.json and the sitemap."""
    notices = published.counted  # each problem of a series once, at its latest state
    book = config.group_addresses
    organizations, years = groups(notices, "organization", book), groups(notices, "year", book)
    found = list(home_pages(env, published, organizations, years))
    found += series_pages(config, env, published)
    found.append(open_problems_page(env, published, book))
    t = ui_strings(config.language)
    for kind, kind_groups, title in (
        ("organization", organization_groups(notices, config.organizations, book), t.by_organization),
        ("year", years, t.by_year),
        ("tag", groups(notices, "tag", book), t.by_tag),
    ):
        if kind_groups or kind != "tag":  # every page links to the organisations and the years, even with none
            found += group_pages(config, env, published, kind, kind_groups, title)
    found.append(dashboard(env, notices, organizations, years, published))
    found.append(
        Output(
            addresses.SEARCH_PAGE,
            "search",  # its template and site.yaml: the theme's key (outputs.themed) and the cache's
            lambda: render_page(env, "search.html", addresses.SEARCH_PAGE),
            in_sitemap=True,
        )
    )
    found.append(data_guide(config, env))
    found.append(Output(addresses.NOT_FOUND, not_found_key(config), lambda: not_found_page(env, config)))
    notices = published.summaries  # feeds and data: each notice as it is
    newest = digest(*published.list_keys(notices[:FEED_ENTRIES]), changes_key(published, notices[:FEED_ENTRIES]))
    changes = published.changes
    feed = lambda: atom_feed(config, notices, addresses.SITE_FEED, config.title, addresses.INDEX, changes)  # noqa: E731
    found.append(Output(addresses.SITE_FEED, "feed-" + newest, feed))
    found.append(Output(addresses.ROBOTS, "robots-" + config.base_url, lambda: robots(config)))
    found += ledger_outputs(config, published, addresses.INDEX, notices, config.title)
    everything = digest(*(published.records[n.source].data_key for n in notices))
    records = lambda: notices_json(  # noqa: E731
        config, (published.memo(n.source).record for n in notices), addresses.DATA_GUIDE
    )
    found.append(Output(addresses.OPEN_DATA, "data-" + everything, records, site_wide=True))
    found.append(series_data(config, published))
    return found


def ledger_outputs(
    config: SiteConfig, published: Published, page: str, notices: Iterable[NoticeLike], sheet: str
) -> list[Output]:
    """The ledger of every issue a page lists (.xlsx and .csv), joined from the notices' rows as made when each was
    read (their memos': pages/ledger.py). Its key is their records', so editing one notice rewrites its
    organisation's ledger and the site's, nothing else; and only its own rows are made again."""
    notices = list(notices)
    key = digest(
        "ledger", config.language, config.base_url, sheet, *(published.records[n.source].data_key for n in notices)
    )  # the rows are the records' (notices.json's): keyed as that file is

    def make(format: str) -> bytes:
        from ..pages.ledger import csv_of, xlsx_of

        parts = [published.ledger_part(n.source) for n in notices]
        return xlsx_of(parts, config.language, sheet) if format == "xlsx" else csv_of(parts, config.language)

    site_wide = page == addresses.INDEX  # the whole site's: the preview writes it only when asked for
    return [
        Output(addresses.ledger_of(page, f), f"ledger-{f}-{key}", partial(make, f), site_wide=site_wide)
        for f in addresses.LEDGER_FORMATS
    ]


def sitemap_output(config: SiteConfig, declared: list[Output], notices: list[Summary]) -> list[Output]:
    """sitemap.xml, with base_url only: it lists every page for readers, so it is declared after them."""
    if not config.base_url:
        return []
    pages = [output.path for output in declared if output.in_sitemap]
    key = digest(*pages, *(f"{n.url} {n.updated.isoformat()}" for n in notices))
    dates: Callable[[], dict[str, str]] = lambda: {notice.url: notice.updated.isoformat() for notice in notices}  # noqa: E731
    return [Output(addresses.SITEMAP, key, lambda: sitemap(config, pages, dates()), site_wide=True)]


def home_pages(
    env: jinja2.Environment, published: Published, organizations: list[Group], years: list[Group]
) -> Iterator[Output]:
    filters = digest(*(g.name for g in organizations), "|", *(g.name for g in years))  # the index's links to groups
    still_open = open_count(published)
    for page in paginate(published.summaries, addresses.INDEX):
        below = page.number > 1
        key = digest(
            "index", filters, str(still_open), str(page.number), str(page.count), *published.list_keys(page.notices)
        )

        def make(page: Page = page, below: bool = below) -> str:
            return render_index(env, page, [published.cards(page.notices, below)], organizations, years, still_open)

        yield Output(page.url, key, make, in_sitemap=True)


def summary_key(group: Group) -> str:
    """What a group's entry on the groups page and the dashboard shows: its name, size and progress."""
    return digest(group.kind, group.name, group.url, str(len(group.notices)), repr(group.progress))


def group_pages(
    config: SiteConfig, env: jinja2.Environment, published: Published, kind: str, kind_groups: list[Group], title: str
) -> list[Output]:
    """The list of an organisation's (year's, tag's) groups, and the pages of each (and an organisation's feed)."""
    path = addresses.group_index(kind)
    make = lambda: render_page(env, "groups.html", path, groups=kind_groups, kind_title=title)  # noqa: E731
    found = [Output(path, digest(*map(summary_key, kind_groups)), make, in_sitemap=True)]
    pages = {group.name: group for group in kind_groups}
    for group in kind_groups:
        found += one_group(config, env, published, group, title, pages)
    return found


def one_group(
    config: SiteConfig,
    env: jinja2.Environment,
    published: Published,
    group: Group,
    title: str,
    pages: dict[str, Group],
) -> list[Output]:
    """A group's pages; an organisation's first page also shows its contact, parent, units and open problems."""
    feed_url = config.group_addresses.feed(group.kind, group.name) if group.kind == "organization" else ""
    view = (
        organization_view(group, config.organizations, pages, published.series_of(group.notices))
        if group.kind == "organization"
        else None
    )
    summary, found = summary_key(group), []
    view_key = view_digest(view, published, group) if view else ""
    for page in paginate(group.notices, group.url):
        shown = view if page.number == 1 else None
        key = digest(
            summary, str(page.number), str(page.count), view_key if shown else "", *published.list_keys(page.notices)
        )

        def make(page: Page = page, shown: OrganizationView | None = shown) -> str:
            cards = published.cards(page.notices, below=True)
            values = {"group": group, "page": page, "kind_title": title, "feed_url": feed_url, "cards": cards}
            return render_page(env, "group.html", page.url, organization=shown, **values)

        found.append(Output(page.url, key, make, in_sitemap=True))
    if group.kind == "organization":
        found += ledger_outputs(config, published, group.url, group.notices, group.name)
    if feed_url:
        newest = group.notices[:FEED_ENTRIES]
        key = "feed-" + digest(group.name, feed_url, *published.list_keys(newest), changes_key(published, newest))
        feed_title = f"{config.title}：{group.name}"
        own = [published.own[n.source] for n in group.notices]
        feed = lambda: atom_feed(config, own, feed_url, feed_title, group.url, published.changes)  # noqa: E731
        found.append(Output(feed_url, key, feed))
    return found


def view_digest(view: OrganizationView, published: Published, group: Group) -> str:
    """What an organisation's page shows besides its cards: its registry entry, parent, units, and the open
    problems of all its notices (which their list keys cover: their records carry every issue's status)."""
    return digest(
        repr(view.registered),
        repr(view.parent),
        repr(view.units),
        repr(view.open_problems),
        repr(view.series),
        *published.list_keys(group.notices),
    )


def dashboard(
    env: jinja2.Environment,
    notices: list[Summary],
    organizations: list[Group],
    years: list[Group],
    published: Published,
) -> Output:
    """Totals only: an edit that changes no status leaves it as it is."""
    tracking = series_totals(published.series)
    key = digest(
        repr(site_progress(notices)), repr(tracking), *map(summary_key, organizations), *map(summary_key, years)
    )
    values = {"total": site_progress(notices), "organizations": organizations, "years": years, "tracking": tracking}
    make = lambda: render_page(env, "dashboard.html", addresses.DASHBOARD, **values)  # noqa: E731
    return Output(addresses.DASHBOARD, key, make, in_sitemap=True)


def data_guide(config: SiteConfig, env: jinja2.Environment) -> Output:
    """数据说明: the open data's fields from the one table that declares them, and an example record."""
    from ..pages.open_data import SCHEMA_VERSION, example_record, field_rows

    key = "data-guide-" + str(SCHEMA_VERSION)  # and its template (outputs.themed), site.yaml and site-gen (the cache)

    def make() -> str:
        example = example_record(config.language)
        rows = field_rows(config.language)
        values = {"fields": rows, "example": example, "schema_version": SCHEMA_VERSION}
        return render_page(env, "data.html", addresses.DATA_GUIDE, **values)

    return Output(addresses.DATA_GUIDE, key, make, in_sitemap=True)


def not_found_key(config: SiteConfig) -> str:
    """The 404 page carries the stylesheet in it: a change to site.css (copied, not in any template's key) must
    make it again."""
    return "404-" + digest(Path(asset_sources(config)[addresses.STYLESHEET]).read_bytes(), config.base_url)


def not_found_page(env: jinja2.Environment, config: SiteConfig) -> str:
    """Served at any depth, so it carries its own styles; with base_url its links are absolute."""
    css = Path(asset_sources(config)[addresses.STYLESHEET]).read_text(encoding="utf-8")
    from markupsafe import Markup

    return env.get_template("404.html").render(
        page_path="404.html", root=config.base_url, inline_css=Markup(css), csp=content_security_policy(css)
    )


# --- notice series ----------------------------------------------------------------------------------


def series_pages(config: SiteConfig, env: jinja2.Environment, published: Published) -> list[Output]:
    """One page per series: every problem in rows, one column per notice. Its key is the series itself (plain
    data: the notices' addresses, titles and dates, and every problem's entries: Series.key). And its ledger: every
    issue of its notices, oldest notice first."""
    found = []
    for one in published.series.values():
        make = lambda one=one: render_page(env, "series.html", one.url, series=one)  # noqa: E731
        found.append(Output(one.url, digest("series", one.key), make, in_sitemap=True))
        notices = [published.own[stop.source] for stop in one.notices]  # oldest first: each problem's rows in order
        found += ledger_outputs(config, published, one.url, notices, one.title)
    return found


def open_items(
    published: Published, book: addresses.GroupAddresses
) -> list[tuple[str, str, list[tuple[str, OpenIssue]]]]:
    """Every problem not done as of its latest notice (a series' once), by organisation: (name, page, items),
    each item (the address of the notice stating it, the issue): all the page shows, so also its key."""
    by_org: dict[str, list[tuple[str, OpenIssue]]] = {}
    for summary in sorted(published.counted, key=lambda s: (s.organization, -s.date.toordinal(), s.slug)):
        for issue in summary.open_issues:
            by_org.setdefault(summary.organization, []).append((issue.url or summary.url, issue))
    return [(name, book.page("organization", name), items) for name, items in by_org.items()]


def open_count(published: Published) -> int:
    return sum(len(s.open_issues) for s in published.counted)


def open_problems_page(env: jinja2.Environment, published: Published, book: addresses.GroupAddresses) -> Output:
    items = open_items(published, book)
    make = lambda: render_page(env, "open_problems.html", addresses.OPEN_PROBLEMS, groups=items)  # noqa: E731
    return Output(addresses.OPEN_PROBLEMS, digest("open", repr(items)), make, in_sitemap=True)


def series_totals(series: dict[str, Series]) -> dict[str, int]:
    """The dashboard's counts across every series: problems followed, overdue, regressed, closed late."""
    found = {"series": len(series), "issues": sum(len(one.threads) for one in series.values())}
    for what in ("overdue", "regressed", "closed_late", "dropped"):  # dropped: open-problems.html lists them
        found[what] = sum(one.tally[what] for one in series.values())
    return found


def changes_key(published: Published, notices: Iterable[NoticeLike]) -> str:
    """What the feed says changed in each notice of a series: part of the feed's key."""
    return repr([published.changes.get(n.source) for n in notices])


def series_data(config: SiteConfig, published: Published) -> Output:
    from ..pages.open_data import series_json

    key = "data-" + digest("series", *(one.key for one in published.series.values()))
    make = lambda: series_json(config, (published.series_records[name] for name in published.series))  # noqa: E731
    return Output(addresses.SERIES_DATA, key, make, site_wide=True)  # every series: written when asked for
