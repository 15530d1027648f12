"""`site-gen serve`: a live preview that rebuilds what an edit affects and never dies on a typo.

The preview keeps the site's model in memory and re-reads only the files the watcher
reports. It writes to its own folder (``.preview/``), so drafts and the live-reload
script, which the server injects into pages as it sends them, never reach ``output/``.
When the site has errors every page shows them, and the next good save brings the
real pages back.

A save rewrites the edited notice's page at once: its cost does not depend on the size
of the site. The pages that list every notice (home list, group pages, dashboard, feeds)
are brought up to date by the same code as a build, when the browser next asks for one of
them; notices.json and the sitemap, tens of megabytes on a big site, only when asked for.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import shutil
import socket
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from .build import OUTPUT_MARKER, Outputs, copy_assets
from .config import CONFIG_FILE, load_config
from .diagnostics import Diagnostic, Severity, format_report, has_errors
from .listed import Listed, listed
from .model import Notice
from .pages import attachment_cards, notice_data, write_listings, write_notice
from .parallel import inherited, ordered_map
from .reader import newest_first, read_notice
from .render import environment, render_notice
from .theme import theme_dir
from .validate import notice_problems, slug_problems
from .writer import LiveOutput, StagedOutput, replace_file

PREVIEW_FOLDER = ".preview"
WATCHED = ("content", "templates", "static", CONFIG_FILE)
ON_REQUEST = ("sitemap.xml", OUTPUT_MARKER)  # O(N) files nobody previews: written when the browser asks for them


class DeferredOutputs(Outputs):
    """Outputs whose big files are kept as a recipe until asked for."""

    def __init__(self, folder: LiveOutput, previous: dict):
        super().__init__(folder, previous)
        self.deferred: dict[str, Callable[[], str]] = {}

    def text(self, path: str, key: str, produce: Callable[[], str]) -> None:
        if path in ON_REQUEST:
            if self.changed(path, key):
                self.deferred[path] = produce
        else:
            super().text(path, key, produce)


def read_for_preview(path: Path, config, env, drafts: bool) -> tuple[Notice | None, list[Diagnostic], Listed | None]:
    """A notice, its problems, and what list pages show of it (None when it is a draft and drafts are hidden)."""
    notice, problems = read_notice(path, config)
    if notice is None:
        return None, problems, None
    problems = problems + notice_problems(notice, config)
    if notice.draft and not drafts:
        return None, problems, None
    return notice, problems, listed(env, notice)


def _read_shared(path: Path):
    return read_for_preview(path, inherited("config"), inherited("env"), inherited("drafts"))


def _render_shared(index: int) -> tuple[str, str]:
    """A notice's page and data record, rendered in a worker from the notices it inherited."""
    notice = inherited("notices")[index]
    return render_notice(inherited("env"), notice, attachment_cards(inherited("config"), notice)), notice_data(notice)


class Preview:
    """The previewed site: its model in memory, its pages in the preview folder."""

    def __init__(self, site_dir: Path, out_dir: Path, drafts: bool = True, log=print):
        self.site_dir, self.out_dir = Path(os.path.abspath(site_dir)), Path(os.path.abspath(out_dir))
        self.drafts, self.log = drafts, log
        self.notices: dict[Path, Notice] = {}  # those previewed (drafts too, unless --no-drafts)
        self.listed: dict[Path, Listed] = {}  # what list pages show of each
        self.problems: dict[Path, list[Diagnostic]] = {}  # files with any
        self.erring: set[Path] = set()  # files with an error
        self.by_slug: dict[str, set[Path]] = defaultdict(set)
        self.clashing: set[str] = set()  # slugs of more than one notice
        self.listing_keys: dict[str, str] = {}  # the list pages in the preview folder, with what they were made of
        self.listings_stale = False  # an edit since they were written
        self.deferred: dict[str, Callable[[], str]] = {}  # files of ON_REQUEST not yet written
        self.diagnostics: list[Diagnostic] = []
        self.showing_errors = False

    # --- whole site ---------------------------------------------------------

    def build_all(self) -> None:
        """Read everything again (start, site.yaml or template change) and write every page."""
        self.config, self.config_problems = load_config(self.site_dir)
        self.env = environment(self.config)
        self.notices, self.listed, self.problems, self.erring = {}, {}, {}, set()
        self.by_slug, self.clashing = defaultdict(set), set()
        content = self.config.content_dir
        paths = sorted(content.rglob("*.md")) if content.is_dir() else []
        shared = {"config": self.config, "env": self.env, "drafts": self.drafts}
        for path, read in zip(paths, ordered_map(_read_shared, paths, shared), strict=True):  # every core
            self.keep(path, *read)
        self.publish(changed=None)

    # --- one edit -----------------------------------------------------------

    def on_change(self, changed: list[Path]) -> list[Path]:
        """Called by the watcher with the files an edit touched: rebuild what they affect; return them."""
        started = time.perf_counter()
        changed = sorted({Path(os.path.abspath(p)) for p in changed})
        content = self.site_dir / "content"
        if any(not p.is_relative_to(content) for p in changed):
            self.build_all()  # a template, a static file or site.yaml
        else:
            touched_by = {p: self.notices_touched(p) for p in changed}
            changed = [p for p in changed if touched_by[p]]  # not an editor's temporary file
            if not changed:
                return []
            touched = sorted(set().union(*touched_by.values()))
            before = {p: self.notices[p] for p in touched if p in self.notices}
            for path in touched:
                self.read(path)
            self.publish(changed=touched, before=before)
        names = ", ".join(p.relative_to(self.site_dir).as_posix() for p in changed[:3])
        more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
        outcome = f"{self.error_count} error(s), shown in the browser" if self.showing_errors else "rebuilt"
        self.log(
            f"[{time.strftime('%H:%M:%S')}] {names}{more} changed: {outcome} "
            f"in {(time.perf_counter() - started) * 1000:.0f} ms"
        )
        return changed

    def notices_touched(self, path: Path) -> set[Path]:
        """The notice files a change to this path under content/ touches.

        A notice itself; every notice under a folder created, moved or deleted; every notice that attaches
        the file (its page shows the file's size and links to the copy). Anything else, such as the temporary
        file an editor or `sed -i` writes next to the notice while saving, touches none.
        """
        if path.suffix == ".md":
            return {path}
        known = set(self.notices) | set(self.problems)
        touched = {p for p in known if p.is_relative_to(path)} | (set(path.rglob("*.md")) if path.is_dir() else set())
        for source, notice in self.notices.items():
            if any(Path(os.path.normpath(source.parent / a.path)) == path for a in notice.attachments):
                touched.add(source)
        return touched

    def read(self, path: Path) -> None:
        """Read one notice (or forget a deleted one) and keep what is derived from it alone."""
        old = self.notices.pop(path, None)
        if old is not None:
            self.by_slug[old.slug].discard(path)
            if len(self.by_slug[old.slug]) < 2:
                self.clashing.discard(old.slug)
        self.listed.pop(path, None)
        self.problems.pop(path, None)
        self.erring.discard(path)
        if path.is_file():
            self.keep(path, *read_for_preview(path, self.config, self.env, self.drafts))

    def keep(self, path: Path, notice: Notice | None, problems: list[Diagnostic], item: Listed | None) -> None:
        if problems:
            self.problems[path] = problems
        if has_errors(problems):
            self.erring.add(path)
        if notice is not None and item is not None:
            self.notices[path], self.listed[path] = notice, item
            self.by_slug[notice.slug].add(path)
            if len(self.by_slug[notice.slug]) > 1:
                self.clashing.add(notice.slug)

    # --- writing ------------------------------------------------------------

    @property
    def error_count(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    def ordered(self) -> list[Notice]:
        return sorted(self.notices.values(), key=newest_first)

    def publish(self, changed: list[Path] | None, before: dict[Path, Notice] | None = None) -> None:
        """Write the pages of the changed notices, or every page when changed is None or errors come or go."""
        if self.erring or self.clashing or has_errors(self.config_problems):  # kept up to date per file: O(1)
            clashes = sorted(path for slug in self.clashing for path in self.by_slug[slug])  # as a build orders them
            file_problems = [d for problems in self.problems.values() for d in problems]
            self.diagnostics = (
                self.config_problems
                + file_problems
                + slug_problems(sorted((self.notices[p] for p in clashes), key=newest_first))
            )
            self.write_error_pages()
            return
        self.diagnostics = []
        if changed is None or self.showing_errors:
            self.write_everything()
            return
        folder = LiveOutput(self.out_dir)
        written = Outputs(folder, None)
        for path in changed:
            if path in self.notices:
                write_notice(written, self.env, self.config, self.notices[path])
        for old in (before or {}).values():  # deleted, renamed or hidden: its old address goes
            for url in (old.url, old.data_url):
                if url not in written.keys:
                    folder.remove(url)
        self.listings_stale = True

    def prepare(self, path: str) -> None:
        """Before the server sends a file: the list pages brought up to date, a deferred file written."""
        if path == "" or path.endswith("/"):
            path += "index.html"
        if self.listings_stale and not self.showing_errors and not path.startswith(("notices/", "assets/")):
            self.write_listings()
        produce = self.deferred.pop(path, None)
        if produce is not None:
            replace_file(self.out_dir / path, produce().encode("utf-8"))

    def write_listings(self) -> None:
        """Every list page whose notices changed, by the build's own rules; a page no longer listed goes."""
        site = DeferredOutputs(LiveOutput(self.out_dir), self.listing_keys)
        self.list_pages_into(site)
        for gone in self.listing_keys.keys() - site.keys.keys():
            site.staged.remove(gone)
            self.deferred.pop(gone, None)
        self.deferred.update(site.deferred)
        self.listing_keys, self.listings_stale = site.keys, False

    def list_pages_into(self, site: Outputs) -> None:
        write_listings(site, self.config, sorted(self.listed.values(), key=newest_first), env=self.env)

    def write_everything(self) -> None:
        """Every page into a new folder swapped in at once; notice pages rendered on every core."""
        staged = StagedOutput(self.out_dir)
        try:
            notices = self.ordered()
            pages = Outputs(staged, None)
            shared = {"notices": notices, "env": self.env, "config": self.config}
            rendered = ordered_map(_render_shared, range(len(notices)), shared)
            for notice, (html, data) in zip(notices, rendered, strict=True):
                write_notice(pages, self.env, self.config, notice, made=(html, data))
            copy_assets(pages, self.config)
            listings = Outputs(staged, None)
            self.list_pages_into(listings)
            staged.commit()
        finally:
            staged.discard()
        self.showing_errors = False
        self.listing_keys, self.listings_stale, self.deferred = listings.keys, False, {}

    def write_error_pages(self) -> None:
        """Every page the browser may have open shows the problems, so none keeps a stale version."""
        errors = sorted(d.in_language(self.config.language) for d in self.diagnostics if d.severity is Severity.ERROR)
        html = self.env.get_template("error.html").render(page_path="index.html", root="", errors=errors, report="")
        pages = {p for p in self.out_dir.rglob("*.html")} if self.out_dir.is_dir() else set()
        pages |= {self.out_dir / "index.html"} | {self.out_dir / n.url for n in self.notices.values()}
        for page in pages:
            root = "../" * (len(page.relative_to(self.out_dir).parts) - 1)
            replace_file(page, html.replace('href="assets/', f'href="{root}assets/').encode("utf-8"))
        shutil.copytree(theme_dir() / "assets", self.out_dir / "assets", dirs_exist_ok=True)
        self.showing_errors = True


# --- the server ---------------------------------------------------------------


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        return False


def port_problem(host: str, port: int) -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} is already in use; choose another with --port {port + 1}"
            return f"cannot listen on {host}:{port}: {exc.strerror}"
    return ""


def file_handler(preview: Preview):
    """livereload's file server, which first lets the preview bring the asked-for file up to date."""
    from livereload.handlers import StaticFileHandler

    class PreviewFiles(StaticFileHandler):
        async def get(self, path: str, include_body: bool = True) -> None:
            preview.prepare(path)
            await super().get(path, include_body)

    return PreviewFiles


def serve(site_dir: Path, host: str, port: int, drafts: bool, open_browser: bool) -> int:
    from livereload import Server
    from livereload.handlers import LiveReloadHandler

    from .watch import ChangeWatcher

    # livereload drops any change made within 3 s of the previous reload; a clerk saving twice must not lose one
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0

    problem = port_problem(host, port)
    if problem:
        print(f"serve: {problem}", file=sys.stderr)
        return 1
    preview = Preview(site_dir, site_dir / PREVIEW_FOLDER, drafts=drafts)
    preview.build_all()
    if preview.showing_errors:
        print(format_report(preview.diagnostics, preview.config.language), file=sys.stderr)
    server = Server(watcher=ChangeWatcher(site_dir, WATCHED, preview.on_change))
    server.SFH = file_handler(preview)
    server._setup_logging = lambda: None  # our one line per rebuild instead of livereload's chatter
    logging.getLogger("livereload").setLevel(logging.WARNING)
    logging.getLogger("tornado.access").setLevel(logging.ERROR)  # not a "404 GET /favicon.ico" line per page view
    url = f"http://{host}:{port}/"
    if not is_loopback(host):
        print(
            f"warning: serving on {host}: anyone who can reach this machine can see the preview, drafts included",
            file=sys.stderr,
        )
    print(
        f"previewing {site_dir.resolve()} at {url} ({'drafts shown' if drafts else 'drafts hidden'}); Ctrl-C to stop",
        flush=True,
    )
    try:
        server.serve(
            host=host, port=port, root=str(preview.out_dir), open_url_delay=1 if open_browser else None, restart_delay=0
        )
    except KeyboardInterrupt:
        pass
    print("stopped", flush=True)
    return 0
