"""The pages of a build: notices read and rendered by workers, listing pages, feeds and data from the listed notices.

Kept apart from build.py, which imports it only when something must be rendered:
a rebuild with nothing to do never loads Jinja or markdown-it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from .build import OUTPUT_MARKER, Known, Outputs, stamp
from .cache import digest
from .config import SiteConfig
from .export import notice_json, notices_json
from .feeds import FEED_ENTRIES, atom_feed, robots, sitemap
from .listed import Listed, listed
from .listings import FOLDERS, groups, paginate, site_progress
from .model import Notice
from .parallel import inherited, ordered_map
from .reader import newest_first, read_notice
from .render import environment, render_index, render_notice, render_page
from .strings import ui_strings
from .theme import theme_dir
from .validate import notice_problems

# --- notices: read, checked and written by workers -------------------------------------------------


def write_notices(staged, config, drafts, sources, paths, known, listed_before, previous, progress, cache) -> Outputs:
    """Read the notices that changed and write the pages that changed, in worker processes; the rest is kept."""
    site = Outputs(staged, previous["keys"] if previous else None)
    jobs = []
    for index, entry in enumerate(known):
        if entry is None or (entry.slug and (drafts or not entry.draft) and needs_writing(entry, site)):
            jobs.append(index)
    shared = {
        "config": config,
        "env": environment(config, compiled_templates(cache)),
        "staged": staged,
        "previous": site.previous,
        "drafts": drafts,
        "cache": cache,
        "paths": paths,
        "known": known,
    }
    done_jobs = dict(zip(jobs, ordered_map(_notice_shared, jobs, shared), strict=True))
    for index, (source, entry) in enumerate(zip(sources, known, strict=True)):
        item = None
        if index in done_jobs:
            read, item, keys, written = done_jobs[index]
            site.keys.update(keys)
            site.written += written
            entry = read or entry
        elif entry.slug and (drafts or not entry.draft):
            site.keys.update(entry.outputs)
        if item is None and entry.slug:
            item = Listed.from_row(listed_before[source])
            site.listed_rows[source] = listed_before[source]
        elif item is not None:
            site.listed_rows[source] = item.row()
        if item is not None:
            site.notices.append(item)
        site.known[source] = entry
        progress(index + 1, len(sources))
    site.notices.sort(key=newest_first)
    site.notice_count = sum(1 for n in site.notices if drafts or not n.draft)
    return site


def needs_writing(entry: Known, site: Outputs) -> bool:
    return site.previous is None or any(site.previous.get(path) != key for path, key in entry.outputs.items())


def _notice_shared(index: int) -> tuple[Known | None, Listed | None, dict[str, str], list[str]]:
    """One notice, in whichever process handles it: read if its file changed, written if its page did.

    Returns what was read (None when the cached entry held), its listing, its files' keys and the files written.
    """
    config, env, path = inherited("config"), inherited("env"), Path(inherited("paths")[index])
    entry, notice, item = inherited("known")[index], None, None
    read = None
    if entry is None:
        notice, read, item = read_entry(path, config, env)
        entry = read
    if not entry.slug or (entry.draft and not inherited("drafts")):
        return read, item, {}, []
    out = Outputs(inherited("staged"), inherited("previous"))
    for source, _, target in entry.attachments:
        out.copy(Path(source), target)
    keys = entry.outputs
    url, data_url = f"notices/{entry.slug}.html", f"notices/{entry.slug}.json"
    if any([out.changed(url, keys[url]), out.changed(data_url, keys[data_url])]):
        html, data = page_and_data(keys[url], notice, path, config, env)
        out.staged.write_text(url, html)
        out.staged.write_text(data_url, data)
        out.written += [url, data_url]
    return read, item, out.keys, out.written


def read_entry(path: Path, config: SiteConfig, env) -> tuple[Notice | None, Known, Listed | None]:
    """Read and check one notice file; what the cache keeps of it."""
    when = stamp(path)  # before reading: an edit while reading makes the next build read it again
    notice, problems = read_notice(path, config)
    if notice is None:
        return None, Known(when, "", "", False, tuple(problems), ()), None
    problems = problems + notice_problems(notice, config)
    folder, page_folder = path.parent, posixpath.dirname(notice.url)
    attachments = tuple(
        (str(folder / a.path), stamp(folder / a.path), posixpath.normpath(posixpath.join(page_folder, a.path)))
        for a in notice.attachments
    )
    entry = Known(when, notice.digest, notice.slug, notice.draft, tuple(problems), attachments)
    return notice, entry, listed(env, notice)


def page_and_data(key: str, notice: Notice | None, path: Path, config: SiteConfig, env) -> tuple[str, str]:
    """A notice's page and full data record: from the cache, or rendered (reading the notice if need be)."""
    cache = inherited("cache")
    kept = cache.load(key) if cache is not None else None
    if kept is not None:
        return kept
    if notice is None:
        notice, _ = read_notice(path, config)
    made = (render_notice(env, notice, attachment_cards(config, notice)), notice_data(notice))
    if cache is not None:
        cache.store(key, made)
    return made


def attachment_cards(config: SiteConfig, notice: Notice) -> tuple[dict, ...]:
    """What the page shows of each attached file: link, type, size."""
    folder = (config.root / notice.source).parent
    return tuple(
        {
            "href": attachment.path,
            "title": attachment.title,
            "kind": ((folder / attachment.path).suffix.lstrip(".") or "file").upper(),
            "size": human_size((folder / attachment.path).stat().st_size),
        }
        for attachment in notice.attachments
    )


# --- listing pages, feeds and data from the listed notices ----------------------------------------


def compiled_templates(cache) -> Path | None:
    """Where compiled templates are kept: in the build cache, whose folder is keyed by the templates."""
    if cache is None:
        return None
    folder = cache.folder / "templates"
    folder.mkdir(exist_ok=True)
    return folder


def write_listings(site: Outputs, config: SiteConfig, notices: list[Listed], cache=None, env=None) -> list[str]:
    """The home page, group pages, dashboard, feeds and data files; returns every public page (for the sitemap).

    Each file's key is made of the notices it shows, so an edit rewrites the pages listing that notice only.
    """
    env = env or environment(config, compiled_templates(cache))
    t = ui_strings(config.language)
    everything = digest(*(n.listing for n in notices))
    pages = [n.url for n in notices]

    def page(path: str, key: str, produce: Callable[[], str]) -> None:
        site.text(path, key, produce)
        pages.append(path)

    organizations, years = groups(notices, "organization"), groups(notices, "year")
    filters = digest(*(g.name for g in organizations), "|", *(g.name for g in years))  # the index's links to groups
    for listed_page in paginate(notices, "index.html"):
        cards = [n.card if listed_page.number == 1 else n.card_below for n in listed_page.notices]
        page(
            listed_page.url,
            digest(
                "index",
                filters,
                str(listed_page.number),
                str(listed_page.count),
                *(n.listing for n in listed_page.notices),
            ),
            lambda listed_page=listed_page, cards=cards: render_index(env, listed_page, cards, organizations, years),
        )
    for kind_groups, title in (
        (organizations, t.by_organization),
        (years, t.by_year),
        (groups(notices, "tag"), t.by_tag),
    ):
        write_kind(site, page, env, config, kind_groups, title)
    page(
        "dashboard.html",  # totals only: an edit that changes no status leaves it as it is
        digest(repr(site_progress(notices)), *map(summary_key, organizations), *map(summary_key, years)),
        lambda: render_page(
            env,
            "dashboard.html",
            "dashboard.html",
            total=site_progress(notices),
            organizations=organizations,
            years=years,
        ),
    )
    page("search.html", "fixed", lambda: render_page(env, "search.html", "search.html"))
    site.text("404.html", "fixed", lambda: not_found_page(env, config))
    newest = digest(*(n.listing for n in notices[:FEED_ENTRIES]))
    site.text("feed.xml", "feed-" + newest, lambda: atom_feed(config, notices, "feed.xml", config.title, "index.html"))
    site.text("robots.txt", "fixed", lambda: robots(config))
    if config.base_url:
        site.text(
            "sitemap.xml",
            digest(*pages, everything),  # pages come in the same order for the same notices
            lambda: sitemap(config, pages, {notice.url: notice.date.isoformat() for notice in notices}),
        )
    site.text(OUTPUT_MARKER, "data-" + everything, lambda: notices_json(config, notices, [n.record for n in notices]))
    return pages


def summary_key(group) -> str:
    """What a group's entry on the groups page and the dashboard shows: its name, size and progress."""
    return digest(group.kind, group.name, str(len(group.notices)), repr(group.progress))


def write_kind(site: Outputs, page, env, config: SiteConfig, kind_groups: list, title: str) -> None:
    """The list of an organisation's (year's, tag's) groups, and the pages of each."""
    if not kind_groups:
        return
    path = f"{FOLDERS[kind_groups[0].kind]}/index.html"
    page(
        path,
        digest(*map(summary_key, kind_groups)),
        lambda: render_page(env, "groups.html", path, groups=kind_groups, kind_title=title),
    )
    for group in kind_groups:
        write_group(site, page, env, config, group, title)


def write_group(site: Outputs, page, env, config: SiteConfig, group, title: str) -> None:
    """One organisation's, year's or tag's pages (and an organisation's feed)."""
    feed_url = group.url.removesuffix(".html") + ".xml" if group.kind == "organization" else ""
    summary = summary_key(group)
    for listed_page in paginate(group.notices, group.url):
        cards = Markup("".join(notice.card_below for notice in listed_page.notices))
        page(
            listed_page.url,
            digest(summary, str(listed_page.number), str(listed_page.count), *(n.listing for n in listed_page.notices)),
            lambda listed_page=listed_page, cards=cards: render_page(
                env,
                "group.html",
                listed_page.url,
                group=group,
                page=listed_page,
                kind_title=title,
                feed_url=feed_url,
                cards=cards,
            ),
        )
    if feed_url:
        site.text(
            feed_url,
            "feed-" + digest(group.name, *(n.listing for n in group.notices[:FEED_ENTRIES])),
            lambda: atom_feed(config, list(group.notices), feed_url, f"{config.title}：{group.name}", group.url),
        )


def not_found_page(env, config: SiteConfig) -> str:
    """Served at any depth, so it carries its own styles; with base_url its links are absolute."""
    css = (theme_dir() / "assets" / "site.css").read_text(encoding="utf-8")
    return env.get_template("404.html").render(page_path="404.html", root=config.base_url, inline_css=Markup(css))


def write_notice(site: Outputs, env, config: SiteConfig, notice: Notice, made: tuple[str, str] | None = None) -> None:
    """One notice in memory: its page, data record and attached files (the preview's writes).

    `made`: its page and data record, when rendered already (in a worker).
    """
    page_folder = posixpath.dirname(notice.url)
    for attachment in notice.attachments:
        source = (config.root / notice.source).parent / attachment.path
        site.copy(source, posixpath.normpath(posixpath.join(page_folder, attachment.path)))
    html, data = made or (render_notice(env, notice, attachment_cards(config, notice)), notice_data(notice))
    site.text(notice.url, "page-" + notice.digest, lambda: html)
    site.text(notice.data_url, "data-" + notice.digest, lambda: data)


def notice_data(notice: Notice) -> str:
    """notices/<slug>.json: the notice's record with its measures."""
    return notice_json(notice, measures=True) + "\n"


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
