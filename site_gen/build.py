"""The pipeline: load config, read every notice, validate the site, render, write atomically.

Every notice is read before any page is written, so the index and the data
files never see half a site, and a single mistake stops the build before
anything published is touched.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from .cache import BuildCache, digest
from .config import SiteConfig, load_config
from .diagnostics import Diagnostic, error, has_errors
from .export import notice_json, notices_json
from .feeds import atom_feed, robots, sitemap
from .listings import FOLDERS, groups, site_progress
from .model import Notice
from .parallel import inherited, ordered_map
from .reader import read_site
from .render import environment, render_card, render_index, render_notice, render_page, theme_dir
from .search import index_site
from .strings import ui_strings
from .validate import validate_site
from .writer import StagedOutput

OUTPUT_MARKER = "notices.json"  # every output folder we write has it; we never replace a folder without it


@dataclass
class SiteLoad:
    """A site read and validated: what build, check and serve all start from."""

    config: SiteConfig
    notices: list[Notice]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)

    def published(self, drafts: bool) -> list[Notice]:
        return [n for n in self.notices if drafts or not n.draft]


@dataclass
class BuildResult:
    load: SiteLoad
    pages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.load.ok


def load_site(site_dir: Path, cache: BuildCache | None = None) -> SiteLoad:
    config, found = load_config(site_dir)
    notices, notice_problems = read_site(config, cache=cache)
    found += notice_problems
    found += validate_site(notices, config)
    return SiteLoad(config, notices, found)


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
    cache = open_cache(site_dir) if use_cache else None
    load = load_site(site_dir, cache)
    result = BuildResult(load)
    problem = output_folder_problem(site_dir, out_dir)
    if problem:
        load.diagnostics.append(problem)
    if not load.ok:
        return result
    staged = StagedOutput(out_dir)
    try:
        result.pages = write_site(staged, load.config, load.published(drafts), progress, cache)
        if search:
            index_site(staged.path)
        staged.commit()
    finally:
        staged.discard()
    return result


def open_cache(site_dir: Path) -> BuildCache | None:
    """The build cache, or none when the site folder is read-only (the build is then just slower)."""
    try:
        return BuildCache(site_dir)
    except OSError:
        return None


def write_site(
    staged: StagedOutput,
    config: SiteConfig,
    notices: list[Notice],
    progress: Callable[[int, int], None] = lambda done, total: None,
    cache: BuildCache | None = None,
) -> list[str]:
    """Every page and data file of the site; returns the public pages (for the sitemap)."""
    env = environment(config)
    t = ui_strings(config.language)
    pages: list[str] = []

    def page(path: str, html: str) -> None:
        staged.write_text(path, html)
        pages.append(path)

    page("index.html", render_index(env, notices))
    attachments = [publish_attachments(staged, config, notice) for notice in notices]
    shared = {"env": env, "notices": notices, "attachments": attachments, "cache": cache}
    rendered = ordered_map(_render_shared, range(len(notices)), shared)
    for done, (notice, html) in enumerate(zip(notices, rendered, strict=True), start=1):
        page(notice.url, html)
        staged.write_text(notice.data_url, notice_json(notice, measures=True) + "\n")
        progress(done, len(notices))
    listed = {notice.slug: render_card(env, notice, "../") for notice in notices}  # once, for every listing page
    for kind, title in (("organization", t.by_organization), ("year", t.by_year), ("tag", t.by_tag)):
        kind_groups = groups(notices, kind)
        if not kind_groups:
            continue
        folder = FOLDERS[kind]
        page(
            f"{folder}/index.html",
            render_page(env, "groups.html", f"{folder}/index.html", groups=kind_groups, kind_title=title),
        )
        for group in kind_groups:
            feed_url = group.url.removesuffix(".html") + ".xml" if kind == "organization" else ""
            cards = [Markup(listed[notice.slug]) for notice in group.notices]
            page(
                group.url,
                render_page(
                    env, "group.html", group.url, group=group, kind_title=title, feed_url=feed_url, cards=cards
                ),
            )
            if feed_url:
                staged.write_text(
                    feed_url,
                    atom_feed(config, list(group.notices), feed_url, f"{config.title}：{group.name}", group.url),
                )
    page(
        "dashboard.html",
        render_page(
            env,
            "dashboard.html",
            "dashboard.html",
            total=site_progress(notices),
            organizations=groups(notices, "organization"),
            years=groups(notices, "year"),
        ),
    )
    page("search.html", render_page(env, "search.html", "search.html"))
    # a 404 page is served at any depth, so it carries its own styles; with base_url its links are absolute
    css = (theme_dir() / "assets" / "site.css").read_text(encoding="utf-8")
    staged.write_text(
        "404.html",
        env.get_template("404.html").render(page_path="404.html", root=config.base_url, inline_css=Markup(css)),
    )
    staged.write_text("feed.xml", atom_feed(config, notices, "feed.xml", config.title, "index.html"))
    staged.write_text("robots.txt", robots(config))
    if config.base_url:
        dates = {notice.url: notice.date.isoformat() for notice in notices}
        staged.write_text("sitemap.xml", sitemap(config, pages, dates))
    staged.write_text(OUTPUT_MARKER, notices_json(config, notices))
    copy_tree(theme_dir() / "assets", staged, "assets")
    site_assets = config.root / "templates" / "assets"
    if site_assets.is_dir() and site_assets.resolve() != (theme_dir() / "assets").resolve():
        copy_tree(site_assets, staged, "assets")
    copy_tree(config.root / "static", staged, "")
    return pages


def _render_shared(index: int) -> str:
    """One notice page, in whichever process renders it; from the cache when its inputs did not change."""
    notice, attachments, cache = inherited("notices")[index], inherited("attachments")[index], inherited("cache")
    key = f"p-{notice.digest}-{digest(repr(attachments))[:16]}" if cache is not None and notice.digest else ""
    html = cache.load(key) if key else None
    if html is None:
        html = render_notice(inherited("env"), notice, attachments)
        if key:
            cache.store(key, html)
    return html


def publish_attachments(staged: StagedOutput, config: SiteConfig, notice: Notice) -> tuple[dict, ...]:
    """Copy a notice's files next to its page; return what the page shows of each (link, type, size)."""
    folder = (config.root / notice.source).parent
    page_folder = posixpath.dirname(notice.url)
    published = []
    for attachment in notice.attachments:
        source = folder / attachment.path
        staged.copy_file(source, posixpath.normpath(posixpath.join(page_folder, attachment.path)))
        published.append(
            {
                "href": attachment.path,
                "title": attachment.title,
                "kind": (source.suffix.lstrip(".") or "file").upper(),
                "size": human_size(source.stat().st_size),
            }
        )
    return tuple(published)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def copy_tree(source: Path, staged: StagedOutput, prefix: str) -> None:
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
            staged.copy_file(path, f"{prefix}/{relative}" if prefix else relative)


def output_folder_problem(site_dir: Path, out_dir: Path) -> Diagnostic | None:
    """Refuse an output folder whose replacement would destroy the site or someone's files."""
    site, out = site_dir.resolve(), out_dir.resolve()
    if (
        out == site
        or out in site.parents
        or site in out.parents
        and out.relative_to(site).parts[0] in ("content", "templates", "static")
    ):
        return error(
            str(out_dir),
            0,
            "the output folder would overwrite the site's own files",
            "choose another --out, e.g. output/",
        )
    if out.is_dir() and any(out.iterdir()) and not (out / OUTPUT_MARKER).is_file():
        return error(
            str(out_dir),
            0,
            "the output folder is not empty and was not made by site-gen",
            "build into a new or empty folder; site-gen replaces the whole folder on every build",
        )
    return None
