"""`site-gen build`: the site loaded by the engine, every declared output staged, the whole put in place at once.

One question decides what is written: which declared outputs have a key other than the one
of the file output/ holds as the last committed build wrote it? Those are made; the others
are linked from output/ into the staged folder. Nothing is published until every notice
has been read and checked and every page made: one mistake discards the staged folder and
output/ is left exactly as it was. The build state is saved only after the commit.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base import addresses, pinyin
from ..base.diagnostics import Diagnostic, error, has_errors, warning
from ..base.layout import CACHE, SOURCES
from ..base.parallel import MIN_ITEMS, inherited, ordered_map
from ..engine import ownership
from ..engine.cache import FOLDER, BuildCache
from ..engine.lock import OutputBusy, output_lock
from ..engine.outputs import Output, asset_outputs, notice_addresses
from ..engine.site import Site, making_problem, prepare_workers
from ..engine.staging import MountPoint, StagedOutput
from ..engine.state import BuildState, Committed
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
    drafts: list[str] = field(default_factory=list)  # drafts left out, by their name in the site
    strict: bool = False  # a warning fails the build too (build --strict)

    @property
    def ok(self) -> bool:
        return not (has_errors(self.diagnostics) or (self.strict and self.diagnostics))


@dataclass
class SiteLoad:
    """A site read and checked, nothing written: what `check` and the importer report."""

    config: SiteConfig
    notices: list[Summary]  # every notice that could be read, drafts too, newest first
    diagnostics: list[Diagnostic]


def load_site(site_dir: Path, progress: Callable[..., None] = lambda done, total, phase="": None) -> SiteLoad:
    site = Site.open(site_dir, drafts=True)
    site.checking = True
    if not site_dir.is_dir():  # a typo in --site must not pass as a site with nothing wrong
        return SiteLoad(site.config, [], [error(str(site_dir), 0, "site-missing")])
    try:
        if site_dir.is_dir():
            site.load({}, progress=progress)
            from ..pages.render import check_templates  # here: a rebuild with nothing to do never loads Jinja

            site.make_problems += check_templates(site.env, site.config.root)
            site.declared()  # files that would share an address, found as build finds them (nothing is made)
        return SiteLoad(site.config, site.published().summaries, site.diagnostics())
    finally:
        pinyin.stop()


def build_site(
    site_dir: Path,
    out_dir: Path,
    drafts: bool = False,
    search: bool = True,
    progress: Callable[..., None] = lambda done, total, phase="": None,
    use_cache: bool = True,
    wait: bool = True,
    waiting: Callable[[Diagnostic], None] = lambda note: None,
    strict: bool = False,
    base_url: str = "",
) -> BuildResult:
    """Build the site into out_dir; on any error (any warning too, when strict) out_dir is left exactly as it was.

    One build at a time per output folder (engine/lock.py): another's holding it, this one waits (`waiting` is
    told once) or, with wait=False, refuses. search=False skips the search index (the benchmarks time it apart).
    base_url replaces site.yaml's (a staging copy): the build cache is keyed by site.yaml, so such a build makes
    every file without it.
    """
    problem = output_folder_problem(site_dir, out_dir)
    if problem is None:
        try:
            with output_lock(out_dir, wait, lambda: waiting(busy_note(site_dir, out_dir))):
                cached = use_cache and not base_url
                return locked_build(site_dir, out_dir, drafts, search, progress, cached, strict, base_url)
        except OutputBusy:
            problem = error(str(out_dir), 0, "output-busy")
    site = Site.open(site_dir, drafts, None, base_url)
    return BuildResult([*site.config_problems, problem], language=site.config.language, strict=strict)


def busy_note(site_dir: Path, out_dir: Path) -> Diagnostic:
    """What a build waiting for another's lock says, in the site's language."""
    language = Site.open(site_dir, drafts=False).config.language
    return warning(str(out_dir), 0, "output-busy-waiting").in_language(language)


def locked_build(
    site_dir: Path,
    out_dir: Path,
    drafts: bool,
    search: bool,
    progress: Callable[..., None],
    use_cache: bool,
    strict: bool,
    base_url: str,
) -> BuildResult:
    """build_site's work, with the output folder's lock held: from reading the build state to saving it."""
    cache, unusable = open_cache(site_dir) if use_cache else (None, [])
    site = Site.open(site_dir, drafts, cache, base_url)
    site.config_problems += unusable
    result = BuildResult(language=site.config.language, strict=strict)
    state = BuildState.load(cache, out_dir, drafts)
    site.lists.stored = lambda part: state.part(cache, part)
    owned, problem = owner_problem(out_dir, state)
    if problem:
        result.diagnostics = [*site.config_problems, problem]
        return result
    others: list[str] = []
    intact, file_count = state.survey(out_dir, others)
    carried, foreign = ownership.sorted_out(others, owned, site.config.keep)
    if foreign:  # before anything is staged: nothing of theirs is carried, published or deleted
        found = error(str(out_dir), 0, "output-unknown-files", files=ownership.named(foreign), count=len(foreign))
        result.diagnostics = [*site.config_problems, found]
        return result
    file_count -= len(carried)  # a deployment's files do not make output/ differ from what was committed
    addresses.remember_slugs(state.group_slugs)
    staged = StagedOutput(out_dir)
    try:
        made = site.load(state.sources, staged, intact, progress)
        result.drafts = sorted(s for s, r in site.records.items() if r.readable and r.draft and not drafts)
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
                    result.diagnostics += save_state(site, state, out_dir, state.outputs, state.public_pages)
                return result  # output/ already holds this site: not touched
            result.written = len(made) + stage(staged, declared, intact, set(made), site, progress)
            if search and not site.make_problems:
                progress(0, 1, "search")
            mine = Mine(owned, carried)
            result.diagnostics += site.make_problems or publish(site, staged, declared, state, intact, search, mine)
        if not result.ok:
            keep_rendered(site, staged)
    finally:
        staged.discard()
        if cache is not None:
            cache.drop_parsed()
        if staged.linked and not staged.committed:  # its links to output/'s files changed their change time
            try:
                state.restamp(cache, out_dir, drafts, intact)
            except OSError:  # the next build makes them again: slower, never wrong
                pass
        pinyin.stop()
    return result


def publish(
    site: Site,
    staged: StagedOutput,
    declared: dict[str, Output],
    state: BuildState,
    intact: dict[str, str],
    search: bool,
    mine: Mine,
) -> list[Diagnostic]:
    """The staged site indexed for search, the deployment's files carried into it and the whole put in place;
    then, and only then, the build state saved. The marker beside output/ names the files of both sites while
    they swap (a kill in between leaves none unaccounted for), then those of the new one."""
    out_dir, cache = staged.out_dir, site.cache
    if search:
        problem = index(staged, site)
        if problem:
            return [problem]
    carried = [path for path in mine.carried if path not in declared]  # a declared file is the build's
    ownership.carry(out_dir, staged.path, carried)
    names = set(declared) | set(search_files(staged.path))
    ownership.mark(out_dir, mine.owned | state.outputs.keys() | names)  # both sites' files, while they swap
    carried_too = set(mine.carried)  # a .git holds thousands of files: looked up in a set
    try:
        kept = staged.commit(ours=lambda path: path in state.outputs or path in mine.owned or path in carried_too)
    except MountPoint as problem:  # nothing was moved: output/ is as it was
        return [error(str(out_dir), 0, "output-mount-point", detail=problem.strerror or problem)]
    kept_note = [warning(str(out_dir), 0, "output-files-kept", folder=str(kept))] if kept else []
    try:
        committed = committed_files(staged.out_dir, declared)
    except OSError as problem:  # a published file deleted by hand meanwhile: published all the same
        return [state_lost(site, out_dir, problem), *kept_note]
    try:
        ownership.mark(out_dir, committed)
    except OSError:  # the site is published; the marker written before the swap still names every file of it
        pass
    unsaved = save_state(site, state, out_dir, committed, sum(1 for output in declared.values() if output.in_sitemap))
    if cache is not None and not unsaved:
        try:
            cache.drop_pages()
        except OSError:  # the cache folder deleted meanwhile: nothing left to drop
            pass
    return unsaved + kept_note


def save_state(
    site: Site, state: BuildState, out_dir: Path, committed: dict[str, Committed], pages: int
) -> list[Diagnostic]:
    """What each content file held, with what out_dir holds as committed (never more: see docs/failures.md).

    The site is published when this runs: a state that cannot be saved (the cache deleted meanwhile, a full disk)
    is a warning, never "output is unchanged"; the one left behind is removed, so the next build is a full one."""
    new_state = BuildState(dict(site.records), committed, addresses.known_slugs(), pages, state.parts, site.theme)
    try:
        parts: dict[str, Callable[[], dict[str, Any]]] = {"summaries": site.summaries, "memos": site.memos}
        new_state.save(site.cache, out_dir, site.drafts, parts, site.kept_series)
    except OSError as problem:
        return [state_lost(site, out_dir, problem)]
    return []


def search_files(folder: Path) -> list[str]:
    """The search index's files in a staged site, by their address."""
    found = []
    for parent, _, files in os.walk(folder / SEARCH):
        prefix = os.path.relpath(parent, folder).replace(os.sep, "/") + "/"
        found += [prefix + name for name in files]
    return found


@dataclass(frozen=True)
class Mine:
    """The files of output/ site-gen made (by its marker or build state), and those it carries into each new site."""

    owned: set[str]
    carried: list[str]


def state_lost(site: Site, out_dir: Path, problem: OSError) -> Diagnostic:
    """The site is published but its state could not be recorded: none is left, so the next build is a full one."""
    BuildState.forget(site.cache, out_dir, site.drafts)
    return warning(str(out_dir), 0, "state-not-saved", detail=problem.strerror or str(problem))


def keep_rendered(site: Site, staged: StagedOutput) -> None:
    """A failed build's notice pages kept in the cache (linked, not copied), so the build after the fix need not
    render them again; the first build that succeeds drops them.

    Each is kept under its record's key only as the bytes that record rendered (their digests, from load()), and
    never for a notice whose page or data address another file claims too (two notices at one address, an
    attachment or a static file named like its page): the staged file there may be the other's, and the fix
    would publish it as this notice's page for good (issue #23).

    A build that succeeds keeps none: its pages are in output/, where the next build links them from, and
    writing each a second time cost a first build of 5,000 notices 3 s of file creation."""
    if site.cache is None:
        return
    claimed = claimed_addresses(site)
    for source, digests in site.rendered.items():
        record = site.records.get(source)
        if record is None:
            continue
        page, data = notice_addresses(record)[:2]
        if claimed[page] > 1 or claimed[data] > 1:
            continue
        try:
            site.cache.keep_files(site.kept_key(record), (staged.target(page), staged.target(data)), digests)
        except OSError:  # a full disk: the next build renders them again, as a first build would
            return


def claimed_addresses(site: Site) -> Counter[str]:
    """How many files of the site would be published at each address: notices' own files and static files."""
    claimed: Counter[str] = Counter(output.path for output in asset_outputs(site.config))
    for record in site.records.values():
        if site.is_published(record):
            claimed.update(notice_addresses(record))
    return claimed


def stage(
    staged: StagedOutput,
    declared: dict[str, Output],
    intact: dict[str, str],
    made: set[str],
    site: Site,
    progress: Callable[..., None] = lambda done, total, phase="": None,
) -> int:
    """Every declared output into the staged folder: made when its key changed (on every core when there are
    many: a first build's list pages), else linked; returns how many were made."""
    staged.link([path for path, output in declared.items() if path not in made and intact.get(path) == output.key])
    to_make = [output for path, output in declared.items() if path not in made and intact.get(path) != output.key]
    if len(to_make) >= MIN_ITEMS:
        from ..engine.list_outputs import TEMPLATES

        prepare_workers(site, TEMPLATES)
    shared = {"outputs": to_make, "into": staged, "root": site.config.root}
    for count, found in enumerate(ordered_map(_make_job, range(len(to_make)), shared), 1):
        if found:
            site.make_problems.append(found)
        progress(count, len(to_make), "lists")
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
    code: the cache folder is keyed by the settings and the code, the pages' keys by the templates, whose digest
    the state keeps), so nothing needs declaring."""
    if made or site.read_anew or site.records.keys() != state.sources.keys() or site.has_file_errors():
        return False
    if state.theme != site.theme:
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


def index(staged: StagedOutput, site: Site) -> Diagnostic | None:
    """The search index into the staged site from the notices' search records: a year whose records are those
    of a bundle in output/ keeps that bundle (checked file by file), whatever else changed (a template, a page)."""
    from ..engine.search import SearchIndexError, index_site  # here: a rebuild with nothing to do never loads it

    previous = staged.out_dir if staged.out_dir.is_dir() else None
    try:
        index_site(staged.path, search_shards(site), previous=previous)
    except (SearchIndexError, OSError) as problem:
        return error(SEARCH, 0, "search-index-failed", detail=str(problem))
    return None


def search_shards(site: Site) -> dict[str, list[bytes]]:
    """The published notices' search records by year, newest first: an edit re-indexes one year."""
    shards: dict[str, list[bytes]] = {}
    for summary in site.published().summaries:
        shards.setdefault(str(summary.date.year), []).append(site.memo(summary.source).search)
    return shards


def committed_files(folder: Path, declared: dict[str, Output]) -> dict[str, Committed]:
    """Every file of the site just committed in folder (output/) with its key and stamp: what the build state
    records. Stat'ed now, once the old site is removed: its links to the files this build linked changed their
    change time, which the stamp holds so that a same-size, same-time hand edit is seen."""
    found: dict[str, Committed] = {}
    for path, output in declared.items():
        found[path] = Committed.of(output.key, os.stat(os.path.join(folder, path), follow_symlinks=False))
    for parent, _, files in os.walk(folder / SEARCH):
        prefix = os.path.relpath(parent, folder).replace(os.sep, "/") + "/"
        for name in files:
            found[prefix + name] = Committed.of("search", os.stat(os.path.join(parent, name), follow_symlinks=False))
    return found


def open_cache(site_dir: Path) -> tuple[BuildCache | None, list[Diagnostic]]:
    """The build cache; or none, with a warning, when it cannot be written (a read-only site folder, a cache left
    owned by root by a sudo build): the build is then just slower, never failed."""
    try:
        return BuildCache(site_dir), []
    except OSError as problem:
        where = os.path.relpath(problem.filename, site_dir) if isinstance(problem.filename, str) else FOLDER
        return None, [warning(where.replace(os.sep, "/"), 0, "cache-unusable", detail=problem.strerror or problem)]


def output_folder_problem(site_dir: Path, out_dir: Path) -> Diagnostic | None:
    """Refuse an output folder whose replacement would destroy the site or someone's files."""
    if not site_dir.is_dir():
        return error(str(site_dir), 0, "site-missing")
    try:
        site, out = site_dir.resolve(), out_dir.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop of links, 3.13 OSError
        return error(str(out_dir), 0, "output-link-loop")
    if out.exists() and not out.is_dir():
        return error(str(out_dir), 0, "output-is-file")
    if out.is_dir() and os.path.ismount(out):
        return error(str(out_dir), 0, "output-mount-point", detail=out)
    if (
        out == site
        or out in site.parents
        or site in out.parents
        and out.relative_to(site).parts[0] in (*SOURCES, CACHE)
    ):
        return error(str(out_dir), 0, "output-overwrites-site")
    return None


def owner_problem(out_dir: Path, state: BuildState) -> tuple[set[str], Diagnostic | None]:
    """The files of out_dir that are site-gen's; an error when it holds files and site-gen does not know it.

    Never by what the folder holds: all of it is published, so anyone can download it (ownership.py)."""
    owned = ownership.owned_files(out_dir, state.outputs)
    if owned is None and out_dir.is_dir() and any(out_dir.iterdir()):
        return set(), error(str(out_dir), 0, "output-not-site-gen", marker=str(ownership.marker_path(out_dir)))
    return owned or set(), None
