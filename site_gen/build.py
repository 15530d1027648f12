"""The pipeline: config -> every notice read and checked, its page staged -> listing pages -> swap in.

Workers each read a notice, check it, write its page and data record into a staging
folder and hand back only what listing pages need (a Listed): memory stays flat however
big the site. Nothing is published until every notice has been read and checked; one
mistake discards the staging folder and output/ is left exactly as it was.

With the build cache a notice whose file did not change is not read again, and a file
whose inputs did not change is not written again: the staging folder then holds only
what changed, moved into output/ once the whole site has checked out.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .cache import BuildCache, digest
from .config import SiteConfig, load_config, notice_sources
from .diagnostics import Diagnostic, Severity, error, has_errors
from .search import index_site
from .theme import theme_dir
from .validate import slug_problems
from .writer import StagedOutput

OUTPUT_MARKER = "notices.json"  # every output folder we write has it; we never replace a folder without it
SEARCH_FOLDER = "pagefind/"  # written by Pagefind, not listed among the outputs


@dataclass
class SiteLoad:
    """A site read and validated: what build, check and serve all start from."""

    config: SiteConfig
    notices: list  # Notice, or Listed in a build
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)

    def published(self, drafts: bool) -> list:
        return [n for n in self.notices if drafts or not n.draft]


@dataclass
class BuildResult:
    load: SiteLoad
    pages: list[str] = field(default_factory=list)
    written: int = 0  # files written this time (the rest were unchanged)
    notice_count: int = 0  # notices published

    @property
    def ok(self) -> bool:
        return self.load.ok


def load_site(site_dir: Path) -> SiteLoad:
    """Every notice in full, checked: for check and the importer."""
    from .reader import read_site
    from .validate import validate_site

    config, found = load_config(site_dir)
    notices, notice_problems_found = read_site(config)
    found += notice_problems_found
    found += validate_site(notices, config)
    return SiteLoad(config, notices, found)


@dataclass(frozen=True)
class Known:
    """A content file as it was when last read: enough to decide, without reading it, that nothing changed."""

    stamp: tuple[int, int] | None  # modification time and size
    digest: str
    slug: str  # "" when the file could not be read as a notice
    draft: bool
    problems: tuple[Diagnostic, ...]
    attachments: tuple[tuple[str, tuple[int, int] | None, str], ...]  # source, its stamp, where it is published

    def row(self) -> tuple:
        problems = tuple((d.path, d.line, d.column, d.severity.value, d.code, d.params) for d in self.problems)
        return (self.stamp, self.digest, self.slug, self.draft, problems, self.attachments)

    @classmethod
    def from_row(cls, row: tuple) -> Known:
        stamp, digest_, slug, draft, problems, attachments = row
        found = tuple(
            Diagnostic(p, line, col, Severity(sev), code, params) for p, line, col, sev, code, params in problems
        )
        return cls(stamp, digest_, slug, draft, found, attachments)

    @cached_property  # asked twice per notice on every build
    def outputs(self) -> dict[str, str]:
        """The files this notice's page needs, each with the key of what it is made from."""
        keys = {target: "file-" + repr(when) for _, when, target in self.attachments}
        keys[f"notices/{self.slug}.html"] = "page-" + digest(self.digest, repr(self.attachments))
        keys[f"notices/{self.slug}.json"] = "data-" + self.digest
        return keys


def build_site(
    site_dir: Path,
    out_dir: Path,
    drafts: bool = False,
    search: bool = True,
    progress: Callable[[int, int], None] = lambda done, total: None,
    use_cache: bool = True,
) -> BuildResult:
    """Build the site into out_dir; on any error out_dir is left exactly as it was.

    search=False skips the search index (the benchmarks time it separately).
    """
    config, found = load_config(site_dir)
    load = SiteLoad(config, [], found)
    result = BuildResult(load)
    problem = output_folder_problem(site_dir, out_dir)
    if problem:
        found.append(problem)
    cache = open_cache(site_dir) if use_cache else None
    previous = cache.load_outputs(out_dir, drafts) if cache else None
    if previous is not None and not output_matches(out_dir, previous["keys"]):
        previous = None  # someone changed output/ by hand, or it is gone: write it all
    stored = (
        {source: Known.from_row(row) for source, row in (cache.load("files.pickle") or {}).items()} if cache else {}
    )
    sources, folder_problems = notice_sources(config)
    found += folder_problems
    paths = [os.path.join(config.root, source) for source in sources]
    known = [fresh(stored.get(source), path) for source, path in zip(sources, paths, strict=True)]
    staged = StagedOutput(out_dir)
    try:
        searched = not search or (out_dir / SEARCH_FOLDER).is_dir()  # else the index must be made: read the notices
        unchanged = previous is not None and None not in known and len(stored) == len(sources) and searched
        if unchanged:
            site = unchanged_site(staged, previous, known, found, load, drafts)  # the usual rebuild: nothing to read
        else:
            listed_before = (cache.load("listed.pickle") or {}) if cache and any(known) else {}
            known = [
                None if entry and entry.slug and s not in listed_before else entry
                for s, entry in zip(sources, known, strict=True)
            ]
            from . import pages  # only now: a rebuild with nothing to do never loads Jinja or markdown-it

            site = pages.write_notices(
                staged, config, drafts, sources, paths, known, listed_before, previous, progress, cache
            )
            found += [d for entry in site.known.values() for d in entry.problems]
            load.notices = site.notices
            found += slug_problems(site.notices)
            if cache:
                cache.store("files.pickle", {source: entry.row() for source, entry in site.known.items()})
                cache.store("listed.pickle", site.listed_rows)
        result.notice_count = site.notice_count
        if not load.ok:
            return result
        if not unchanged:
            from .pages import write_listings

            site.pages = write_listings(site, config, load.published(drafts), cache)
        copy_assets(site, config)
        result.pages, result.written = site.pages, len(site.written)
        if not site.written and previous is not None and len(site.keys) == len(previous["keys"]) and searched:
            return result  # nothing changed: output/ is not touched
        commit(staged, site, out_dir, previous, search, cache, drafts)
    finally:
        staged.discard()
    return result


def unchanged_site(staged, previous, known, found, load, drafts) -> Outputs:
    """No notice changed since the last build into this folder: its outputs are still right."""
    site = Outputs(staged, previous["keys"], previous["keys"])
    site.pages = list(previous["pages"])
    found += [d for entry in known for d in entry.problems]
    site.notice_count = sum(1 for entry in known if entry.slug and (drafts or not entry.draft))
    return site


def commit(staged, site: Outputs, out_dir: Path, previous, search: bool, cache, drafts: bool) -> None:
    """Swap the new site in (or move the changed files in), index it for search, remember what was written."""
    if cache:
        cache.forget_outputs(out_dir, drafts)
    if previous is None:
        if search:  # years whose pages are as in the current output/ keep their bundle
            index_site(staged.path, search_shards(site.notices, drafts), previous=out_dir if out_dir.is_dir() else None)
        staged.commit()
    else:
        stale = [path for path in previous["keys"] if path not in site.keys]
        staged.commit_changes(stale)
        pages = [path for path in site.written + stale if path.startswith("notices/") and path.endswith(".html")]
        if search and (pages or not (out_dir / SEARCH_FOLDER).is_dir()):
            index_site(out_dir, search_shards(site.notices, drafts))  # only the years whose pages changed
    if cache:
        cache.save_outputs(out_dir, drafts, {"keys": site.keys, "pages": site.pages})
        cache.keep_pages({key for key in site.keys.values() if key.startswith("page-")})


def search_shards(notices: list, drafts: bool) -> dict[str, list[str]]:
    """The search index is split by year: an edit re-indexes one year, and memory is one year's worth."""
    shards: dict[str, list[str]] = {}
    for notice in notices:
        if drafts or not notice.draft:
            shards.setdefault(str(notice.date.year), []).append(notice.url)
    return shards


def open_cache(site_dir: Path) -> BuildCache | None:
    """The build cache, or none when the site folder is read-only (the build is then just slower)."""
    try:
        return BuildCache(site_dir)
    except OSError:
        return None


def output_matches(out_dir: Path, previous: dict) -> bool:
    """output/ still holds exactly the files the last build wrote (search files aside)."""
    if not out_dir.is_dir():
        return False
    found = set()
    for folder, subfolders, files in os.walk(out_dir):
        relative = os.path.relpath(folder, out_dir).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        if prefix == SEARCH_FOLDER:
            subfolders.clear()
            continue
        found.update(prefix + name for name in files)
    return found == previous.keys()


class Outputs:
    """Every file of the new site with a key of everything it depends on; writes only files whose key changed."""

    def __init__(self, staged: StagedOutput, previous: dict | None, keys: dict | None = None):
        self.staged, self.previous = staged, previous
        self.keys: dict[str, str] = dict(keys or {})
        self.written: list[str] = []
        self.notices: list = []  # Listed  # the published and unpublished notices, newest first
        self.known: dict[str, Known] = {}
        self.listed_rows: dict[str, tuple] = {}  # the notices as the cache keeps them
        self.notice_count = 0
        self.pages: list[str] = []

    def changed(self, path: str, key: str) -> bool:
        self.keys[path] = key
        return self.previous is None or self.previous.get(path) != key

    def text(self, path: str, key: str, produce: Callable[[], str]) -> None:
        if self.changed(path, key):
            self.staged.write_text(path, produce())
            self.written.append(path)

    def copy(self, source: Path, path: str) -> None:
        if self.changed(path, "file-" + repr(stamp(source))):
            self.staged.copy_file(source, path)
            self.written.append(path)


def stamp(path: Path | str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


def fresh(entry: Known | None, path: str) -> Known | None:
    """The cached entry if the file and its attachments are as they were, else None."""
    if entry is None or entry.stamp != stamp(path):
        return None
    if any(stamp(source) != was for source, was, _ in entry.attachments):
        return None
    return entry


def copy_assets(site: Outputs, config: SiteConfig) -> None:
    """The theme's styles and scripts, the site's own (same names win), and static/ as it is."""
    copy_tree(theme_dir() / "assets", site, "assets")
    site_assets = config.root / "templates" / "assets"
    if site_assets.is_dir() and site_assets.resolve() != (theme_dir() / "assets").resolve():
        copy_tree(site_assets, site, "assets")
    copy_tree(config.root / "static", site, "")


def copy_tree(source: Path, site: Outputs, prefix: str) -> None:
    """Copy regular files only: a symlink could point anywhere on the machine."""
    if not source.is_dir():
        return
    for folder, subfolders, files in os.walk(source):  # symlinked folders are not entered
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_symlink():
                continue
            relative = path.relative_to(source).as_posix()
            site.copy(path, f"{prefix}/{relative}" if prefix else relative)


def output_folder_problem(site_dir: Path, out_dir: Path) -> Diagnostic | None:
    """Refuse an output folder whose replacement would destroy the site or someone's files."""
    site, out = site_dir.resolve(), out_dir.resolve()
    if (
        out == site
        or out in site.parents
        or site in out.parents
        and out.relative_to(site).parts[0] in ("content", "templates", "static")
    ):
        return error(str(out_dir), 0, "output-overwrites-site")
    if out.is_dir() and any(out.iterdir()) and not (out / OUTPUT_MARKER).is_file():
        return error(str(out_dir), 0, "output-not-site-gen")
    return None
