"""`site-gen build`: the site loaded by the engine, every declared output staged, the whole put in place at once.

One question decides what is written: which declared outputs have a key other than the one
of the file output/ holds as the last committed build wrote it? Those are made; the others
are linked from output/ into the staged folder. Nothing is published until every notice
has been read and checked and every page made: one mistake discards the staged folder and
output/ is left exactly as it was. The build state is saved only after the commit.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..base import addresses, pinyin
from ..base.diagnostics import Diagnostic, error, has_errors
from ..base.parallel import MIN_ITEMS, inherited, ordered_map
from ..engine.cache import BuildCache
from ..engine.outputs import Output, asset_outputs, notice_keys
from ..engine.site import Site, making_problem, prepare_workers
from ..engine.staging import StagedOutput
from ..engine.state import BuildState, Committed, file_stamp
from ..notice.config import SiteConfig
from ..notice.summary import Summary

SEARCH = addresses.SEARCH_FOLDER


@dataclass
class BuildResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    page_count: int = 0  # pages for readers (as in the sitemap)
    written: int = 0  # files made this time (the rest were unchanged)
    notice_count: int = 0  # notices published
    language: str = "zh"

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


@dataclass
class SiteLoad:
    """A site read and checked, nothing written: what `check` and the importer report."""

    config: SiteConfig
    notices: list[Summary]  # every notice that could be read, drafts too, newest first
    diagnostics: list[Diagnostic]


def load_site(site_dir: Path) -> SiteLoad:
    site = Site.open(site_dir, drafts=True)
    try:
        if site_dir.is_dir():
            site.load({})
            from ..pages.render import check_templates  # here: a rebuild with nothing to do never loads Jinja

            site.make_problems += check_templates(site.env, site.config.root)
        return SiteLoad(site.config, site.published().summaries, site.diagnostics())
    finally:
        pinyin.stop()


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
    problem = output_folder_problem(site_dir, out_dir)
    cache = open_cache(site_dir) if use_cache and problem is None else None
    site = Site.open(site_dir, drafts, cache)
    result = BuildResult(language=site.config.language)
    state = BuildState.load(cache, out_dir, drafts)
    site.lists.stored = lambda part: state.part(cache, part)
    if problem:
        result.diagnostics = [*site.config_problems, problem]
        return result
    addresses.remember_slugs(state.group_slugs)
    staged = StagedOutput(out_dir)
    try:
        intact, file_count = state.survey(out_dir)
        made = site.load(state.sources, staged, intact, progress)
        if (not search or searchable(state, intact)) and nothing_changed(site, state, made, intact, file_count):
            result.diagnostics = site.file_diagnostics()  # series warnings: said by check and by a build that declares
            result.notice_count = sum(1 for record in site.records.values() if site.is_published(record))
            result.page_count = state.public_pages
            return result  # no input changed and output/ is as committed: not touched
        declared = site.declared() if not site.has_errors() else {}
        result.diagnostics = site.diagnostics()
        result.notice_count = len(site.published().summaries)
        if result.ok:
            result.page_count = sum(1 for output in declared.values() if output.in_sitemap)
            if (not search or searchable(state, intact)) and unchanged(declared, intact, state, file_count):
                if site.read_anew:  # touched, not changed (a checkout, a save without edits): note the new stamps,
                    save_state(site, state, out_dir, state.outputs, state.public_pages)  # or each build reads them
                return result  # output/ already holds this site: not touched
            result.written = len(made) + stage(staged, declared, intact, set(made), site)
            result.diagnostics += site.make_problems or publish(site, staged, declared, state, intact, search)
        if not result.ok:
            keep_rendered(site, staged, set(made))
    finally:
        staged.discard()
        pinyin.stop()
    return result


def publish(
    site: Site,
    staged: StagedOutput,
    declared: dict[str, Output],
    state: BuildState,
    intact: dict[str, str],
    search: bool,
) -> list[Diagnostic]:
    """The staged site indexed for search and put in place; then, and only then, the build state saved."""
    out_dir, cache = staged.out_dir, site.cache
    if search:
        problem = index(staged, declared, site.published().summaries, state, intact)
        if problem:
            return [problem]
    committed = committed_files(staged.path, declared, state, intact)
    staged.commit()
    save_state(site, state, out_dir, committed, sum(1 for output in declared.values() if output.in_sitemap))
    if cache is not None:
        cache.drop_pages()
    return []


def save_state(site: Site, state: BuildState, out_dir: Path, committed: dict[str, Committed], pages: int) -> None:
    """What each content file held, with what out_dir holds as committed (never more: see docs/failures.md)."""
    new_state = BuildState(dict(site.records), committed, addresses.known_slugs(), pages, state.parts)
    new_state.save(site.cache, out_dir, site.drafts, {"summaries": site.summaries, "memos": site.memos})


def keep_rendered(site: Site, staged: StagedOutput, made: set[str]) -> None:
    """A failed build's notice pages kept in the cache (linked, not copied), so the build after the fix need not
    render them again; the first build that succeeds drops them.

    A build that succeeds keeps none: its pages are in output/, where the next build links them from, and
    writing each a second time cost a first build of 5,000 notices 3 s of file creation."""
    if site.cache is None:
        return
    for record in site.records.values():
        page, data = list(notice_keys(record))[:2]
        if page in made and data in made:
            try:
                site.cache.keep_files(record.page_key, (staged.target(page), staged.target(data)))
            except OSError:  # a full disk: the next build renders them again, as a first build would
                return


def stage(staged: StagedOutput, declared: dict[str, Output], intact: dict[str, str], made: set[str], site: Site) -> int:
    """Every declared output into the staged folder: made when its key changed (on every core when there are
    many: a first build's list pages), else linked; returns how many were made."""
    staged.link([path for path, output in declared.items() if path not in made and intact.get(path) == output.key])
    to_make = [output for path, output in declared.items() if path not in made and intact.get(path) != output.key]
    if len(to_make) >= MIN_ITEMS:
        from ..engine.list_outputs import TEMPLATES

        prepare_workers(site, TEMPLATES)
    shared = {"outputs": to_make, "into": staged, "root": site.config.root}
    site.make_problems += [found for found in ordered_map(_make_job, range(len(to_make)), shared) if found]
    return len(to_make)


def _make_job(index: int) -> Diagnostic | None:
    """One declared output made into the staged folder, in whichever process handles it."""
    try:
        inherited("into").put(inherited("outputs")[index])
    except Exception as problem:  # noqa: BLE001 - a mistake in an override template is the clerk's
        found = making_problem(problem, inherited("root"))
        if found is None:
            raise
        return found
    return None


def nothing_changed(site: Site, state: BuildState, made: list[str], intact: dict[str, str], file_count: int) -> bool:
    """No input of the last committed build changed and output/ is as it committed it: every declared output
    would have its committed key (outputs are made from the records, the settings, the templates and site-gen's
    code, and the cache folder is keyed by the last three), so nothing needs declaring."""
    if made or site.read_anew or site.records.keys() != state.sources.keys() or site.has_file_errors():
        return False
    if len(intact) != len(state.outputs) or file_count != len(intact):
        return False
    assets = {output.path: output.key for output in asset_outputs(site.config)}  # static/ is not in the cache key
    copied = {path for path, committed in state.outputs.items() if committed.key.startswith("file-")}
    attached = {a.address for r in site.records.values() if site.is_published(r) for a in r.attachments}
    return copied == attached | assets.keys() and all(intact.get(path) == key for path, key in assets.items())


def unchanged(declared: dict[str, Output], intact: dict[str, str], state: BuildState, file_count: int) -> bool:
    """output/ holds exactly the declared files with their keys, as committed, and nothing else."""
    if len(intact) != len(state.outputs):
        return False  # a committed file was changed, deleted or is missing
    published = {path for path in intact if not path.startswith(SEARCH + "/")}
    if published != declared.keys() or any(intact[path] != output.key for path, output in declared.items()):
        return False
    return file_count == len(intact)  # no file added by hand


def searchable(state: BuildState, intact: dict[str, str]) -> bool:
    """The search index of the last build is in output/ as it was written."""
    committed = [path for path in state.outputs if path.startswith(SEARCH + "/")]
    return bool(committed) and all(path in intact for path in committed)


def index(
    staged: StagedOutput,
    declared: dict[str, Output],
    summaries: list[Summary],
    state: BuildState,
    intact: dict[str, str],
) -> Diagnostic | None:
    """The search index into the staged site: years whose pages are as published keep their bundle."""
    pages_changed = any(
        path.startswith("notices/") and path.endswith(".html") and intact.get(path) != output.key
        for path, output in declared.items()
    ) or len([p for p in intact if p.startswith("notices/")]) != len([p for p in declared if p.startswith("notices/")])
    from ..engine.search import SearchIndexError, index_site  # here: a rebuild with nothing to do never loads it

    previous = staged.out_dir if searchable(state, intact) else None
    try:
        if previous is not None and not pages_changed:
            staged.link([path for path in intact if path.startswith(SEARCH + "/")])
        else:
            index_site(staged.path, search_shards(summaries), previous=previous)
    except (SearchIndexError, OSError) as problem:
        return error(SEARCH, 0, "search-index-failed", detail=str(problem))
    return None


def search_shards(summaries: list[Summary]) -> dict[str, list[str]]:
    """The search index is split by year: an edit re-indexes one year, and memory is one year's worth."""
    shards: dict[str, list[str]] = {}
    for summary in summaries:
        shards.setdefault(str(summary.date.year), []).append(summary.url)
    return shards


def committed_files(
    folder: Path, declared: dict[str, Output], state: BuildState, intact: dict[str, str]
) -> dict[str, Committed]:
    """Every file of the staged site with its key and stamp: what the build state records once it is in place.

    A linked file is the committed one (a hard link keeps its stamp); the others are stat'ed as written."""
    found: dict[str, Committed] = {}
    for path, output in declared.items():
        if intact.get(path) == output.key:
            found[path] = state.outputs[path]
        else:
            found[path] = Committed(output.key, file_stamp(os.stat(os.path.join(folder, path))))
    for parent, _, files in os.walk(folder / SEARCH):
        prefix = os.path.relpath(parent, folder).replace(os.sep, "/") + "/"
        for name in files:
            found[prefix + name] = Committed("search", file_stamp(os.stat(os.path.join(parent, name))))
    return found


def open_cache(site_dir: Path) -> BuildCache | None:
    """The build cache, or none when the site folder is read-only (the build is then just slower)."""
    try:
        return BuildCache(site_dir)
    except OSError:
        return None


def output_folder_problem(site_dir: Path, out_dir: Path) -> Diagnostic | None:
    """Refuse an output folder whose replacement would destroy the site or someone's files."""
    if not site_dir.is_dir():
        return error(str(site_dir), 0, "site-missing")
    site, out = site_dir.resolve(), out_dir.resolve()
    if out.exists() and not out.is_dir():
        return error(str(out_dir), 0, "output-is-file")
    if (
        out == site
        or out in site.parents
        or site in out.parents
        and out.relative_to(site).parts[0] in ("content", "templates", "static", ".site-gen-cache")
    ):
        return error(str(out_dir), 0, "output-overwrites-site")
    if out.is_dir() and any(out.iterdir()) and not made_by_site_gen(out):
        return error(str(out_dir), 0, "output-not-site-gen")
    return None


def made_by_site_gen(folder: Path) -> bool:
    """Its notices.json is one site-gen wrote (a file of that name alone proves nothing)."""
    try:
        with open(folder / addresses.OUTPUT_MARKER, encoding="utf-8") as handle:
            start = handle.read(200)
    except (OSError, UnicodeDecodeError):
        return False
    return start.startswith('{"generator":"site-gen ')
