"""The site model, one engine under build, check and the preview.

A Site keeps one record per content file (its summary, its problems, its attachments) and
declares every output from them. `build` loads it from the build state and writes the
declared outputs into a staged folder; the preview holds it in memory, updates it from the
watcher's changed paths and writes the same declarations into its folder. Preview == build
by construction: both read with `read_record` and write what `declared` returns.

Reading is the costly step of a big site: workers read each changed file and, while the
notice is in memory, make its page and data record if the caller asks (`make_into`), so a
parsed notice never crosses a process boundary.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import posixpath
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..base import addresses, pinyin
from ..base.diagnostics import Diagnostic, error, has_errors
from ..base.parallel import MIN_ITEMS, inherited, ordered_map
from ..notice.config import SiteConfig, load_config, notice_sources
from ..notice.model import Notice
from ..notice.series import NoticeView, Series, followed, notice_view
from ..notice.summary import Summary, newest_first, summarize
from .cache import BuildCache, text_digest, theme_signature
from .clashes import address_clash, address_clashes, host_problems, same_file, static_clash
from .outputs import Output, asset_outputs, notice_outputs, own_keys, page_key_of, themed
from .staging import Folder
from .state import AttachedFile, Memo, SourceRecord, page_key, stamp

if TYPE_CHECKING:
    import jinja2

    from ..pages.ledger import LedgerPart
    from ..pages.open_data import AttachedData
    from .list_outputs import Published


@dataclass
class Site:
    """A site's settings and one record per content file, by its name in the site (content/2025/x.md)."""

    config: SiteConfig
    config_problems: list[Diagnostic]
    drafts: bool
    cache: BuildCache | None = None
    records: dict[str, SourceRecord] = field(default_factory=dict)
    lists: ListData = field(default_factory=lambda: ListData())  # each notice's summary and memo
    make_problems: list[Diagnostic] = field(default_factory=list)  # template mistakes found while making pages
    address_problems: list[Diagnostic] = field(default_factory=list)  # files at one address, found by declared()
    just_read: dict[str, Notice | None] = field(default_factory=dict)  # by update(), for the page made next
    declared_files: dict[str, tuple[SourceRecord, str, list[Output]]] = field(default_factory=dict)
    read_anew: list[str] = field(default_factory=list)  # by the last load(): files that were not as stored
    rendered: dict[str, tuple[str, str]] = field(default_factory=dict)  # by load(): each notice's own page and
    # data record as it rendered them (their text_digest()), what a failed build may keep of it (keep_rendered)
    kept_series: dict[str, KeptSeries] = field(default_factory=dict)  # by series(): each series with the
    # notices it was computed from, so a save (a build) computes again only the series it touched
    checking: bool = False  # check: reads and reports, makes nothing (no card, unless a site's own template)
    theme: str = ""  # the templates' digest (cache.theme_signature), in the key of every page made from them
    # computed on first use, forgotten when what they are made from changes (load, update):
    compiled_env: jinja2.Environment | None = field(default=None, repr=False)  # the site's Jinja environment
    known_clashes: list[Diagnostic] | None = field(default=None, repr=False)  # notices or groups at one address
    series_by_name: dict[str, Series] | None = field(default=None, repr=False)  # every series of the published
    stored_series_loaded: bool = field(default=False, repr=False)  # the last build's series read from its state

    @classmethod
    def open(cls, site_dir: Path, drafts: bool, cache: BuildCache | None = None, base_url: str = "") -> Site:
        """The site's settings read; base_url, when given, in place of site.yaml's (build --base-url)."""
        config, problems = load_config(site_dir)
        if base_url:
            config = dataclasses.replace(config, base_url=base_url.rstrip("/") + "/")
            problems = [p for p in problems if p.code != "base-url-missing"]
        return cls(config, problems, drafts, cache, theme=theme_signature(site_dir))

    @property
    def env(self) -> jinja2.Environment:
        from ..pages import render  # here: a rebuild with nothing to do never loads Jinja (70 ms)

        if self.compiled_env is None:
            self.compiled_env = render.environment(self.config, compiled_templates(self.cache))
        return self.compiled_env

    @property
    def renders_cards(self) -> bool:
        """Whether reading a notice renders its cards: always for a build or the preview (list pages show them);
        for check only when the site overrides the card's templates, whose mistakes only rendering finds."""
        from ..pages.render import overrides_card

        return not self.checking or overrides_card(self.config)

    # --- reading ----------------------------------------------------------------------------------

    def load(
        self,
        stored: dict[str, SourceRecord],
        make_into: Folder | None = None,
        reusable: dict[str, str] | None = None,
        progress: Callable[..., None] = lambda done, total, phase="": None,
    ) -> list[str]:
        """Every content file's record: the stored one when the file is as it was, else read again.

        With make_into, the notices' own files whose key is not in `reusable` are made there on the way;
        returns those made.
        """
        sources, problems = notice_sources(self.config)
        self.config_problems += problems
        self.known_clashes = None
        self.rendered = {}
        self.series_by_name = None
        root = str(self.config.root)
        known = [stored.get(s) if s in stored and stored[s].is_current(root) else None for s in sources]
        jobs = [i for i, record in enumerate(known) if record is None or self.needs_making(record, make_into, reusable)]
        if len(jobs) >= MIN_ITEMS and not addresses.known_slugs():  # a first build: its workers name every group
            pinyin.start_shared()
        if jobs and self.renders_cards:
            prepare_workers(self, ("_notice_card.html",) if self.checking else ("notice.html", "_notice_card.html"))
        shared = {"site": self, "sources": sources, "known": known, "into": make_into, "reusable": reusable or {}}
        phase = "pages" if make_into is not None else "reading"
        if jobs:
            progress(0, len(jobs), phase)  # at once: a first build of thousands shows what it is doing from the start
        done = {}
        for count, (index, result) in enumerate(zip(jobs, ordered_map(_notice_job, jobs, shared), strict=True), 1):
            done[index] = result  # as each worker's chunk arrives: the progress shown is the work done
            progress(count, len(jobs), phase)
        self.read_anew = [sources[i] for i in jobs if known[i] is None]
        made: list[str] = []
        for index, source in enumerate(sources):
            record = known[index]
            if index in done:
                read, written, problems, slugs, rendered = done[index]
                if read is not None:
                    self.take(read)
                if rendered is not None:
                    self.rendered[source] = rendered
                made += written
                self.make_problems += problems
                addresses.remember_slugs(slugs)  # learnt by a worker: pinyin is not loaded again here
            if record is not None:
                self.records[source] = record
        return made

    def take(self, read: Read) -> None:
        """A file just read: its record, and what lists show of it."""
        self.records[read.record.source] = read.record
        self.lists.keep(read.record.source, read.summary, read.memo)

    def needs_making(self, record: SourceRecord, into: Folder | None, reusable: dict[str, str] | None) -> bool:
        if into is None or not self.is_published(record):
            return False
        reusable = reusable or {}
        return any(reusable.get(path) != key for path, key in own_keys(record, self.theme).items())

    def update(self, sources: list[str]) -> None:
        """The preview's step: read these files again, or forget those that are gone."""
        self.just_read.clear()
        self.make_problems, self.address_problems = [], []  # found again from the new content
        self.series_by_name = None
        for source in sources:
            old = addressed(self.records.pop(source, None), self.lists.forget(source))
            path = self.config.root / source
            if source.endswith(".md") and path.exists() and not path.is_dir():  # a FIFO is read as an error
                read = read_record(path, self)
                self.take(read)
                self.just_read[source] = read.notice  # its page is made next: not read twice
            if old != addressed(self.records.get(source), self.lists.summaries.get(source)):
                self.known_clashes = None

    def memo(self, source: str) -> Memo:
        """What list pages show of a notice: kept when read now, else loaded from the build state."""
        if source not in self.lists.memos:
            self.complete("memos")
        return self.lists.memos[source]

    def memos(self) -> dict[str, Memo]:
        self.complete("memos")
        return {source: self.lists.memos[source] for source, record in self.records.items() if record.readable}

    def summaries(self) -> dict[str, Summary]:
        """Every readable record's summary; a rebuild with nothing to do never loads them."""
        self.complete("summaries")
        return {source: self.lists.summaries[source] for source, record in self.records.items() if record.readable}

    def complete(self, part: str) -> None:
        """Every readable record's summary (memo): from the build state, else by reading its file again."""
        readable = [source for source, record in self.records.items() if record.readable]
        for source in self.lists.missing(part, readable):  # its shard of the state is gone or damaged
            self.take(read_record(self.config.root / source, self))

    def is_published(self, record: SourceRecord) -> bool:
        return record.readable and (self.drafts or not record.draft)

    # --- what the site is made of -------------------------------------------------------------------

    def published(self) -> Published:
        from .list_outputs import Published  # here, as in declared(): a rebuild with nothing to do never loads it

        summary_of = self.summaries()
        records = {s: r for s, r in self.records.items() if self.is_published(r)}
        summaries = sorted((summary_of[s] for s in records), key=newest_first)
        series = self.series()
        return Published(
            summaries, records, self.memo, series, {name: kept.record for name, kept in self.kept_series.items()}
        )

    def series(self) -> dict[str, Series]:
        """Every series of the published notices, computed once every file is read (again after update(), for
        the series whose notices' summaries changed)."""
        if self.series_by_name is None:
            self.kept_series = kept = self.series_members()
            self.series_by_name = {name: one.series for name, one in kept.items()}
        return self.series_by_name

    def series_members(self) -> dict[str, KeptSeries]:
        """Each series by name, computed again only when its published notices are not those (by source and file
        digest) it was computed from: as kept since the last save in the preview, or by the last build's state."""
        from ..pages.open_data import series_json_record

        if not any(r.series for r in self.records.values()):
            return {}
        if not self.kept_series and not self.stored_series_loaded:
            self.stored_series_loaded = True  # loaded once: a stored series of other notices is not used
            stored = self.lists.stored("series")
            self.kept_series = {name: one for name, one in stored.items() if isinstance(one, KeptSeries)}
        by_name: dict[str, list[str]] = defaultdict(list)
        for source, record in self.records.items():
            if record.series and self.is_published(record):
                by_name[record.series].append(source)
        found, summary_of = {}, None
        for name in sorted(by_name):
            members = tuple(sorted((source, self.records[source].digest) for source in by_name[name]))
            kept = self.kept_series.get(name)
            if kept is None or kept.members != members:
                summary_of = summary_of or self.summaries()  # once: it is every notice's (it was once per series)
                one, problems = followed(name, [summary_of[source] for source, _ in members])
                kept = KeptSeries(members, one, problems, series_json_record(one))
            found[name] = kept
        return found

    def series_view(self, record: SourceRecord) -> NoticeView | None:
        """What a notice's page shows of its series: neighbours and its issues' history (None outside one)."""
        one = self.series().get(record.series) if record.series else None
        return notice_view(one, record.source) if one is not None and self.is_published(record) else None

    def across_key(self, record: SourceRecord) -> str:
        """The part of a notice page's key that other notices decide: a digest of what it shows of them
        (Series.view_keys: one digest per notice of the series, computed once per series)."""
        one = self.series().get(record.series) if record.series else None
        if one is None or not self.is_published(record):
            return ""
        return one.view_keys[one.index_of(record.source)]

    def diagnostics(self) -> list[Diagnostic]:
        """Every problem of the site: settings, each file, notices or groups sharing an address, templates."""
        once = list(dict.fromkeys(self.make_problems))  # one override mistake breaks many pages: said once
        return self.file_diagnostics() + self.clashes() + self.address_problems + once + self.series_problems()

    def series_problems(self) -> list[Diagnostic]:
        """check's warnings about series (issues matched twice or no longer reported, dates, organisations)."""
        self.series()
        return [problem for kept in self.kept_series.values() for problem in kept.problems]

    def file_diagnostics(self) -> list[Diagnostic]:
        """The settings' and each file's problems: all there is when nothing changed since a committed build."""
        found = list(self.config_problems)
        for record in self.records.values():
            found += record.problems
        return found

    def has_file_errors(self) -> bool:
        return has_errors(self.config_problems) or any(record.has_error for record in self.records.values())

    def has_errors(self) -> bool:
        """diagnostics() has an error: asked on every save in the preview, so without listing every warning."""
        sitewide = (self.config_problems, self.clashes(), self.address_problems, self.make_problems)
        return any(map(has_errors, sitewide)) or any(record.has_error for record in self.records.values())

    def clashes(self) -> list[Diagnostic]:
        """Notices or groups at one address; kept until a file's address or group names change (update())."""
        if self.known_clashes is None:
            self.known_clashes = address_clashes(self.published().summaries, self.config.group_addresses)
        return list(self.known_clashes)

    def kept_key(self, record: SourceRecord) -> str:
        """What a failed build keeps a notice's page and data record under (build.keep_rendered): its page's key
        outside a series."""
        return page_key_of(record.page_key, self.theme)

    def notice_files(self, record: SourceRecord) -> list[Output]:
        """A notice's declared files, kept while its record is the same (the preview declares the site on each save)."""
        across = self.across_key(record)
        kept = self.declared_files.get(record.source)
        if kept is None or kept[0] is not record or kept[1] != across:
            kept = (record, across, notice_outputs(record, notice_maker(self, record), self.theme, across))
            self.declared_files[record.source] = kept
        return kept[2]

    def declared(self) -> dict[str, Output]:
        """Every output of the site by its address; files that would share one are address_problems."""
        found, self.address_problems = declare(self, self.published())
        return found


@dataclass(frozen=True)
class KeptSeries:
    """A series, check's warnings about it, and the notices it was computed from: (source, file digest) each, by
    source (a summary is its file's: the cache is keyed by the settings). Kept in the build state with the keys
    its pages were given (Series' cached digests), so an edit computes again only its own series."""

    members: tuple[tuple[str, str], ...]
    series: Series
    problems: list[Diagnostic]
    record: str  # its entry in series.json


@dataclass
class ListData:
    """What list pages show of each notice (its summary, its memo), by source: as read now, else from the build
    state's parts, loaded once when first asked for (a rebuild with nothing to do never loads them)."""

    stored: Callable[[str], dict[str, Any]] = lambda part: {}  # the build state's "summaries" or "memos"
    summaries: dict[str, Summary] = field(default_factory=dict)
    memos: dict[str, Memo] = field(default_factory=dict)
    loaded: set[str] = field(default_factory=set)

    def keep(self, source: str, summary: Summary | None, memo: Memo | None) -> None:
        self.forget(source)
        if summary is not None and memo is not None:
            self.summaries[source], self.memos[source] = summary, memo

    def forget(self, source: str) -> Summary | None:
        self.memos.pop(source, None)
        return self.summaries.pop(source, None)

    def missing(self, part: str, readable: list[str]) -> list[str]:
        """Those of the readable files whose summary (memo) is neither kept nor in the build state."""
        kept: dict[str, Any] = self.summaries if part == "summaries" else self.memos
        if part not in self.loaded:
            self.loaded.add(part)
            stored = self.stored(part)
            kept.update((source, stored[source]) for source in readable if source not in kept and source in stored)
        return [source for source in readable if source not in kept]


def prepare_workers(site: Site, templates: tuple[str, ...]) -> None:
    """What reading and making pages needs, loaded once before workers fork rather than in each of them:
    the modules, and the templates compiled (a broken override is reported where a page using it is made)."""
    from jinja2 import TemplateError

    from ..notice import reader, validate  # noqa: F401 - loaded for the workers to inherit

    try:
        for name in templates:
            site.env.get_template(name)
    except (TemplateError, OSError, UnicodeError):  # reported, located, by the page that uses the template
        pass


def declare(site: Site, published: Published) -> tuple[dict[str, Output], list[Diagnostic]]:
    """Every output of the site by its address, and the problems of files at one address (a static file may not
    take a generated page's)."""
    from .list_outputs import list_outputs, sitemap_output

    found: dict[str, Output] = {}
    owner: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for source in sorted(published.records):
        for output in site.notice_files(published.records[source]):
            if output.path in owner and owner[output.path] != source and not same_file(found[output.path], output):
                problems.append(address_clash(published.records, output.path, (owner[output.path], source)))
            found[output.path], owner[output.path] = output, source
    lists = [themed(output, site.theme) for output in list_outputs(site.config, site.env, published)]
    lists += sitemap_output(site.config, [*found.values(), *lists], published.summaries)
    for output in asset_outputs(site.config):
        if output.path not in found:
            found[output.path] = output
        else:
            problems.append(static_clash(output, site.config.root))
    for output in lists:
        if output.path in found and found[output.path].copy_of:
            problems.append(static_clash(found[output.path], site.config.root))
        found[output.path] = output
    return found, problems + host_problems(found, owner, published.records, site.config.root)


def addressed(record: SourceRecord | None, summary: Summary | None) -> tuple[object, ...] | None:
    """What decides whether a notice clashes with another: its address, group names, date and draft flag."""
    if record is None or summary is None:
        return None if record is None or not record.readable else (record.slug, record.draft)
    return (summary.slug, summary.organization, summary.tags, summary.date, summary.draft)


def notice_maker(
    site: Site,
    record: SourceRecord,
    notice: Notice | None = None,
    made: dict[int, str | bytes] | None = None,
    rows: LedgerPart | None = None,
) -> Callable[[int], str | bytes]:
    """make(part): a notice's page (0), full data record (1) or ledger (2 .xlsx, 3 .csv), each made once, from one
    reading of the file; `made` holds what was made (a read worker digests it for the pages a failed build keeps).
    `rows`: the notice's ledger rows as just read with `notice` (its memo's: not made twice).

    Without `made`, each part is let go once taken: a declared notice's outputs live as long as the build (the
    preview's, as long as the record), and holding what they made kept every page of a series site in each
    staging worker (400 MB at 5,000 notices)."""
    holds = made is not None
    made = {} if made is None else made

    def make(part: int) -> str | bytes:
        if part not in made:
            made.update(render_parts(site, record, notice, part, rows))
        return made[part] if holds else made.pop(part)

    return make


def render_parts(
    site: Site, record: SourceRecord, notice: Notice | None, part: int, rows: LedgerPart | None = None
) -> dict[int, str | bytes]:
    """A notice's page, full data record and ledger: the first two kept in the cache by key (by a build that failed:
    see build.keep_rendered), else rendered (reading it if need be). A page in a series shows its neighbours: it is
    never taken from the kept ones (kept by the file's key alone), and only the part asked for is made (its page
    with its ledger, whose sizes it shows)."""
    from ..notice import reader
    from ..pages import render

    kept = site.cache.kept_texts(site.kept_key(record), 2) if site.cache is not None and not record.series else None
    if kept is not None and part < 2:
        return {0: kept[0], 1: kept[1]}
    notice = notice or site.just_read.get(record.source)
    if (notice is None or notice.digest != record.digest) and site.cache is not None and record.series:
        notice = site.cache.parsed_notice(record.digest)  # as its read worker parsed it (keep_parsed)
    if notice is None or notice.digest != record.digest:
        rows = None  # they were made with another notice
        notice, _ = reader.read_notice(site.config.root / record.source, site.config)
        if notice is None:
            raise FileChanged(record.source)
    if record.series and part == 1:
        return {1: notice_data(site.config, notice)}
    memo = site.lists.memos.get(record.source) if rows is None and notice.digest == record.digest else None
    ledger = notice_ledger(site.config, notice, rows or (memo.ledger if memo else None))  # the preview's, a series'
    if part > 1 and (record.series or kept is not None):  # its page is made apart, or kept
        return ledger
    sizes = {f: human_size(len(ledger[part])) for part, f in enumerate(addresses.LEDGER_FORMATS, start=2)}
    view = site.series_view(record) if record.series else None
    page = render.render_notice(site.env, notice, attachment_cards(site.config, notice), view, sizes)
    if record.series:  # its ledger is made apart (parts 2 and 3, by its read worker): here only its sizes are shown
        return {0: page}
    return {0: page, 1: notice_data(site.config, notice), **ledger}


def notice_ledger(config: SiteConfig, notice: Notice, rows: LedgerPart | None = None) -> dict[int, str | bytes]:
    """Its ledger, parts 2 (.xlsx) and 3 (.csv): the rows of its notices.json entry, as its organisation's has
    (`rows` when just read: its memo's)."""
    from ..pages.ledger import csv_of, notice_part, xlsx_of
    from ..pages.open_data import notice_record

    if rows is None:
        rows = notice_part(notice_record(notice, attachment_records(config, notice)), config.base_url, config.language)
    return {2: xlsx_of([rows], config.language, notice.title), 3: csv_of([rows], config.language)}


class FileChanged(Exception):
    """A notice that was read and checked could not be read again to make its page: it changed meanwhile."""

    def __init__(self, source: str):
        super().__init__(source)
        self.source = source


def making_problem(problem: Exception, root: Path) -> Diagnostic | None:
    """A mistake met while making a page, as a diagnostic; None when it is a bug of site-gen's (raised on)."""
    from ..pages import render

    if isinstance(problem, FileChanged):
        return error(problem.source, 0, "file-changed")
    return render.template_problem(problem, root)


# read, made, problems, group slugs, and the digests of the page and data record it rendered (if it did)
Job = tuple["Read | None", list[str], list[Diagnostic], dict[str, str], "tuple[str, str] | None"]


def _notice_job(index: int) -> Job:
    """One content file, in whichever process handles it: read if it changed, its files made if asked.

    Returns the group slugs it used, so the build's own process never loads pinyin for them again, and the digests
    of what it rendered: a failed build keeps a notice's page only as these bytes (build.keep_rendered)."""
    site: Site = inherited("site")
    source, record = inherited("sources")[index], inherited("known")[index]
    read = None
    if record is None:
        read = read_record(site.config.root / source, site)
        record = read.record
    notice = read.notice if read else None
    slugs = addresses.slugs_known(read.summary.organization, *read.summary.tags) if read and read.summary else {}
    read = read._replace(notice=None) if read else None  # a parsed notice never crosses processes
    into, reusable = inherited("into"), inherited("reusable")
    if into is None or not site.is_published(record) or has_errors(record.problems):
        return read, [], [], slugs, None
    if notice is not None and record.series and site.cache is not None:  # its page is made at staging
        site.cache.keep_parsed(record.digest, notice)
    written: list[str] = []
    made: dict[int, str | bytes] = {}
    make = notice_maker(site, record, notice, made, read.memo.ledger if read and read.memo else None)
    try:
        for output in notice_outputs(record, make, site.theme, own_only=True):
            if reusable.get(output.path) != output.key:
                into.put(output)
                written.append(output.path)
    except Exception as problem:  # noqa: BLE001 - a mistake in an override template is the clerk's
        found = making_problem(problem, site.config.root)
        if found is None:
            raise
        return read, written, [found], slugs, None
    page, data = made.get(0), made.get(1)
    rendered = (text_digest(page), text_digest(data)) if isinstance(page, str) and isinstance(data, str) else None
    return read, written, [], slugs, rendered


class Read(NamedTuple):
    """A content file just read: its record, what lists show of it, and the notice (None when unreadable)."""

    record: SourceRecord
    summary: Summary | None = None
    memo: Memo | None = None
    notice: Notice | None = None


def read_record(path: Path, site: Site) -> Read:
    """Read and check one notice file: its record (with its memos for list pages), and the notice."""
    from ..notice import reader
    from ..notice.validate import notice_problems
    from ..pages import render, search_record
    from ..pages.ledger import notice_part
    from ..pages.open_data import encode, notice_record

    config = site.config
    source = path.relative_to(config.root).as_posix()
    when = stamp(path)  # before reading: an edit while reading makes the next build read it again
    if not path.is_file():  # a FIFO named x.md would block the build forever
        problem = error(source, 0, "not-regular-file")
        return Read(SourceRecord(source, when, "", (problem,), has_error=True))
    notice, problems = reader.read_notice(path, config)
    if notice is None:
        return Read(SourceRecord(source, when, "", tuple(problems), has_error=has_errors(problems)))
    problems = problems + notice_problems(notice, config)
    attachments = tuple(attached_files(path.parent, notice))
    try:
        card = card_below = ""
        if site.renders_cards:
            card, card_below = render.render_card(site.env, notice), render.render_card(site.env, notice, "../")
    except Exception as problem:  # noqa: BLE001 - a mistake in an override template is the clerk's
        found = render.template_problem(problem, config.root)
        if found is None:
            raise
        problems.append(found)
        card = card_below = ""
    entry = notice_record(notice, attachment_records(config, notice))  # its notices.json entry, and its ledger rows'
    memo = Memo(
        card.encode(),
        card_below.encode(),
        encode(entry).encode(),
        search_record.encoded(search_record.search_record(notice, config)),
        notice_part(entry, config.base_url, config.language),
    )
    summary = summarize(notice)
    record = SourceRecord(
        source,
        when,
        notice.digest,
        tuple(problems),
        slug=notice.slug,
        draft=notice.draft,
        attachments=attachments,
        list_key=list_key(memo, summary),
        data_key=hashlib.sha256(memo.record).hexdigest(),
        page_key=page_key(notice.digest, attachments),
        has_error=has_errors(problems),
        series=notice.series,
    )
    return Read(record, summary, memo, notice)


def list_key(memo: Memo, summary: Summary) -> str:
    """What a list page, feed or group page shows of a notice: its cards and its summary (title, dates,
    progress, open problems), not its measures, which only its page and the open data show."""
    return hashlib.sha256(b"\0".join((memo.card, memo.card_below, repr(summary).encode()))).hexdigest()


def attached_files(folder: Path, notice: Notice) -> list[AttachedFile]:
    """The files a notice attaches that check accepts (the others are its errors, and nothing is built): one per
    address, since one address is one file (a second at the same address is check's error too)."""
    found: dict[str, AttachedFile] = {}
    for attached in notice.attachments:
        try:
            address = addresses.attachment(notice.slug, attached.path)
        except addresses.UnsafeAddress:
            continue
        source = os.path.normpath(folder / attached.path)
        found.setdefault(address, AttachedFile(source, stamp(source), address, attached.line))
    return list(found.values())


def attachment_cards(config: SiteConfig, notice: Notice) -> tuple[dict[str, str], ...]:
    """What the page shows of each attached file: a link the build made, its type and size."""
    page_folder = posixpath.dirname(notice.url)
    return tuple(
        {
            "href": posixpath.relpath(attached.url, page_folder),
            "title": attached.title,
            "kind": attached.type,
            "size": human_size(attached.size),
        }
        for attached in attachment_records(config, notice)
    )


def attachment_records(config: SiteConfig, notice: Notice) -> tuple[AttachedData, ...]:
    """What the open data says of each attached file: its title, address from the site root, bytes and type."""
    from ..pages.open_data import AttachedData

    folder = (config.root / notice.source).parent
    found: list[AttachedData] = []
    for attached in notice.attachments:
        path = folder / attached.path
        try:
            size, address = path.stat().st_size, addresses.attachment(notice.slug, attached.path)
        except (OSError, addresses.UnsafeAddress):  # check reports it, and nothing is built
            continue
        found.append(AttachedData(attached.title, address, size, (path.suffix.lstrip(".") or "file").upper()))
    return tuple(found)


def notice_data(config: SiteConfig, notice: Notice) -> str:
    """notices/<slug>.json: the notice's record with its measures."""
    from ..pages.open_data import notice_json

    return notice_json(notice, attachment_records(config, notice), measures=True) + "\n"


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def compiled_templates(cache: BuildCache | None) -> Path | None:
    """Where compiled templates are kept: in the build cache, whose folder is keyed by the templates."""
    if cache is None:
        return None
    cache.compiled.mkdir(exist_ok=True)
    return cache.compiled
