"""`site-gen serve`: a live preview that rebuilds what an edit affects and never dies on a typo.

The preview keeps the site's model in memory and re-reads only the files the watcher
reports. It writes to its own folder (``.preview/``), so drafts and the live-reload
script, which the server injects into pages as it sends them, never reach ``output/``.
When the site has errors every page shows them, and the next good save brings the
real pages back.

A save rewrites the edited notice's page at once: its cost does not depend on the size
of the site. The pages that list every notice (home list, group pages, dashboard, feeds)
are brought up to date by the same code as a build, when the browser next asks for one of
them, and so are the pages of the other notices of its series (they show it); notices.json,
series.json and the sitemap, tens of megabytes on a big site, only when asked for.
"""

from __future__ import annotations

import dataclasses
import errno
import ipaddress
import logging
import os
import socket
import sys
import time
from functools import partial
from pathlib import Path

from ..base import addresses
from ..base.cli_text import locale_language, say
from ..base.diagnostics import Diagnostic, Severity, format_report
from ..base.layout import CONFIG_FILE, PREVIEW, SOURCES, SiteLayout
from ..base.theme import theme_dir
from ..engine.lock import output_lock
from ..engine.outputs import Output, asset_sources, notice_addresses
from ..engine.site import Site, making_problem
from ..engine.staging import LiveOutput, StagedOutput, replace_file
from ..notice.config import load_config
from ..pages.render import environment
from .build import busy_note, stage

PREVIEW_FOLDER = PREVIEW
WATCHED = (*SOURCES, CONFIG_FILE)


class Preview:
    """The previewed site: the engine's model in memory, its declared outputs in the preview folder."""

    def __init__(self, site_dir: Path, out_dir: Path, drafts: bool = True, log=print):
        self.site_dir, self.out_dir = Path(os.path.abspath(site_dir)), Path(os.path.abspath(out_dir))
        self.drafts, self.log = drafts, log
        self.written: dict[str, str] = {}  # every file in the preview folder, with the key it was made with
        self.lists_stale = False  # an edit since the list pages were written
        self.deferred: dict[str, Output] = {}  # site-wide files not written until asked for
        self.stale_mates: set[str] = set()  # notices of an edited notice's series: their pages written when asked for
        self.diagnostics: list[Diagnostic] = []
        self.showing_errors = False

    # --- whole site ---------------------------------------------------------

    def build_all(self) -> None:
        """Read everything again (start, site.yaml or template change) and write every page."""
        self.site = Site.open(self.site_dir, self.drafts)
        with output_lock(self.out_dir, waiting=lambda: self.log(busy_note(self.site_dir, self.out_dir).format())):
            staged = StagedOutput(self.out_dir)  # with the lock: a second preview of this site waits its turn
            try:
                made = self.site.load({}, staged, {})
                if self.has_errors():
                    return self.write_error_pages()
                declared = self.site.declared()
                stage(staged, declared, {}, set(made), self.site)
                if self.has_errors():
                    return self.write_error_pages()
                staged.commit()
            finally:
                staged.discard()
        self.written = {path: output.key for path, output in declared.items()}
        self.showing_errors, self.lists_stale, self.deferred, self.stale_mates = False, False, {}, set()

    # --- one edit -----------------------------------------------------------

    def on_change(self, changed: list[Path]) -> list[Path]:
        """Called by the watcher with the files an edit touched: rebuild what they affect; return them."""
        started = time.perf_counter()
        changed = sorted({Path(os.path.abspath(p)) for p in changed})
        content = SiteLayout(self.site_dir).content
        if any(not p.is_relative_to(content) for p in changed):
            self.build_all()  # a template, a static file or site.yaml
        else:
            touched_by = {p: sources_touched(self.site, p) for p in changed}
            changed = [p for p in changed if touched_by[p]]  # not an editor's temporary file
            if not changed:
                return []
            self.publish(sorted(set().union(*touched_by.values())))
        words = partial(say, language=self.site.config.language)
        names = ", ".join(p.relative_to(self.site_dir).as_posix() for p in changed[:3])
        if len(changed) > 3:
            names = words("serve-and-more", names=names, more=len(changed) - 3)
        outcome = words("serve-errors-shown", count=self.error_count) if self.showing_errors else words("serve-rebuilt")
        elapsed = f"{(time.perf_counter() - started) * 1000:.0f}"
        self.log(words("serve-changed", time=time.strftime("%H:%M:%S"), names=names, outcome=outcome, ms=elapsed))
        return changed

    def publish(self, sources: list[str]) -> None:
        """Read the touched files again and write their notices' files at once; the lists when next asked for."""
        before = {s: self.site.records[s] for s in sources if s in self.site.records}
        mates = self.series_mates(sources)  # their pages show these notices: before the edit
        self.site.update(sources)
        if self.has_errors():
            return self.write_error_pages()
        if self.showing_errors:
            return self.build_all()
        kept = self.write_or_show(sources)
        if kept is None:
            return None
        self.stale_mates |= (mates | self.series_mates(sources)) - set(sources)  # like the lists: when asked for
        folder = LiveOutput(self.out_dir)
        for record in before.values():  # deleted, renamed or hidden: its old files go
            for path in notice_addresses(record) if record.readable else ():
                if path not in kept:
                    folder.remove(path)
                    self.written.pop(path, None)
        self.lists_stale = True

    def series_mates(self, sources: list[str]) -> set[str]:
        """The other notices of these notices' series, whose pages show them (neighbours, history)."""
        names = {r.series for s in sources if (r := self.site.records.get(s)) is not None and r.series}
        return {s for s, r in self.site.records.items() if r.series in names} if names else set()

    def write_or_show(self, sources: list[str]) -> set[str] | None:
        """write_notices(), or the error pages when a page cannot be made (a mistake in an override template)."""
        try:
            return self.write_notices(sources)
        except Exception as problem:  # noqa: BLE001 - a mistake in an override template is the clerk's
            found = making_problem(problem, self.site.config.root)
            if found is None:
                raise
            self.site.make_problems.append(found)
            self.write_error_pages()
            return None

    def write_notices(self, sources: list[str]) -> set[str]:
        """The files of these notices whose keys changed (by the build's keys, its series' included); returns
        every file they have now."""
        folder, kept = LiveOutput(self.out_dir), set()
        for source in sources:
            record = self.site.records.get(source)
            if record is None or not self.site.is_published(record):
                continue
            for output in self.site.notice_files(record):
                kept.add(output.path)
                if self.written.get(output.path) != output.key:
                    folder.put(output)
                    self.written[output.path] = output.key
        return kept

    def has_errors(self) -> bool:
        self.diagnostics = self.site.diagnostics() if self.site.has_errors() else []
        return bool(self.diagnostics)

    @property
    def error_count(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    # --- what the browser asks for ------------------------------------------

    def prepare(self, path: str) -> None:
        """Before the server sends a file: the list pages brought up to date, a deferred file written."""
        if path == "" or path.endswith("/"):
            path += "index.html"
        if self.lists_stale and not self.showing_errors and not path.startswith(("notices/", "assets/")):
            self.write_lists()
        if self.stale_mates and not self.showing_errors and path.startswith("notices/"):
            self.write_mate(path)
        output = self.deferred.pop(path, None)
        if output is not None:
            LiveOutput(self.out_dir).put(output)
            self.written[path] = output.key

    def write_mate(self, path: str) -> None:
        """The page of a notice whose series mate was edited, brought up to date when asked for (by the build's keys:
        written only if what it shows of its series changed)."""
        for source in sorted(self.stale_mates):
            record = self.site.records.get(source)
            if record is not None and record.readable and path in notice_addresses(record):
                self.stale_mates.discard(source)
                self.write_or_show([source])

    def write_lists(self) -> None:
        """Every declared file whose key changed, by the build's own declarations; a file no longer declared goes."""
        folder = LiveOutput(self.out_dir)
        declared = self.site.declared()
        if self.has_errors():  # two files at one address: found only when every output is declared
            return self.write_error_pages()
        for path, output in declared.items():
            if self.written.get(path) == output.key:
                continue
            if output.site_wide:
                self.deferred[path] = output
                continue
            folder.put(output)
            self.written[path] = output.key
        for gone in self.written.keys() - declared.keys():
            folder.remove(gone)
            del self.written[gone]
            self.deferred.pop(gone, None)
        self.lists_stale, self.stale_mates = False, set()  # the mates' pages are declared files too

    def write_error_pages(self) -> None:
        """Every page the browser may have open shows the problems, so none keeps a stale version."""
        language = self.site.config.language
        errors = sorted(d.in_language(language) for d in self.diagnostics if d.severity is Severity.ERROR)
        html = error_page(self.site, errors)
        pages = {p for p in self.out_dir.rglob("*.html")} if self.out_dir.is_dir() else set()
        pages |= {self.out_dir / "index.html"}
        pages |= {self.out_dir / addresses.notice_page(r.slug) for r in self.site.records.values() if r.readable}
        for page in pages:
            root = "../" * (len(page.relative_to(self.out_dir).parts) - 1)
            html_here = html.replace('href="assets/', f'href="{root}assets/').replace(
                'src="assets/', f'src="{root}assets/'
            )
            replace_file(page, html_here.encode("utf-8"))
        for address, source in asset_sources(self.site.config).items():  # the site's own site.css, if it has one
            if address.startswith(addresses.ASSETS + "/"):
                replace_file(self.out_dir / address, Path(source).read_bytes())
        self.showing_errors, self.written = True, {}


def sources_touched(site: Site, path: Path) -> set[str]:
    """The notice files a change to this path under content/ touches.

    A notice itself; every notice under a folder created, moved or deleted; every notice that attaches
    the file (its page shows the file's size and links to the copy). Anything else, such as the temporary
    file an editor or `sed -i` writes next to the notice while saving, touches none.
    """
    root = site.config.root
    relative = path.relative_to(root).as_posix()
    if path.suffix == ".md":
        return {relative}
    records = site.records
    touched = {s for s in records if s.startswith(relative + "/")}
    if path.is_dir():
        touched |= {p.relative_to(root).as_posix() for p in path.rglob("*.md")}
    for source, record in records.items():
        if any(attached.source == str(path) for attached in record.attachments):
            touched.add(source)
    return touched


def error_page(site: Site, errors: list[Diagnostic]) -> str:
    """The problems as a page; in the default theme when the site's own templates are what is broken."""
    try:
        template = site.env.get_template("error.html")
        return template.render(page_path="index.html", root="", errors=errors, report="")
    except Exception:  # noqa: BLE001 - the override templates may be the very thing that is broken
        plain = environment(dataclasses.replace(site.config, root=theme_dir().parent / "no-site"))
        return plain.get_template("error.html").render(page_path="index.html", root="", errors=errors, report="")


# --- the server ---------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """Every address the name stands for, IPv4 or IPv6 (``::1``), is this machine's own."""
    try:
        found = socket.getaddrinfo(host.strip("[]"), None, type=socket.SOCK_STREAM)
        return bool(found) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in found)
    except (OSError, ValueError):
        return False


def port_problem(host: str, port: int, language: str = "en") -> str:
    try:
        family, _, _, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
    except OSError as exc:
        return say("serve-cannot-listen", language, host=host, port=port, reason=exc.strerror)
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return say("serve-port-taken", language, port=port, next=port + 1)
            return say("serve-cannot-listen", language, host=host, port=port, reason=exc.strerror)
    return ""


def preview_url(host: str, port: int) -> str:
    """http://host:port/, an IPv6 address in brackets (http://[::1]:8000/)."""
    bare = host.strip("[]")
    return f"http://[{bare}]:{port}/" if ":" in bare else f"http://{host}:{port}/"


LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


def allowed_hosts(host: str) -> set[str] | None:
    """The Host: names the preview answers: loopback names only, unless --host opened it to a network.

    A web page elsewhere can make a browser send requests to 127.0.0.1 under its own name (DNS
    rebinding); refusing names other than loopback keeps drafts from being read that way.
    """
    return LOOPBACK_NAMES | {host} if is_loopback(host) else None


def file_handler(preview: Preview, hosts: set[str] | None = None, language: str = "en"):
    """livereload's file server, which first lets the preview bring the asked-for file up to date."""
    from livereload.handlers import StaticFileHandler

    class PreviewFiles(StaticFileHandler):
        async def get(self, path: str, include_body: bool = True) -> None:
            if hosts is not None and self.request.host_name not in hosts:
                self.set_status(403)
                self.finish(say("serve-wrong-host", language) + "\n")
                return
            preview.prepare(path)
            await super().get(path, include_body)

    return PreviewFiles


# livereload's own snippet is an inline script, which the pages' Content-Security-Policy refuses: the pages get
# a script from the preview itself instead, which loads livereload.js for the host and port the page came from
LIVE_START = "/livereload-start.js"
LIVE_START_TAG = f'<script src="{LIVE_START}"></script>'.encode()
LIVE_START_JS = b"""(function () {
  var port = location.port || (location.protocol === "https:" ? "443" : "80");
  var script = document.createElement("script");
  script.src = "/livereload.js?host=" + location.hostname + "&port=" + port;
  document.head.appendChild(script);
})();
"""


def preview_server(preview: Preview, watcher, hosts: set[str] | None, language: str = "en"):
    """livereload's server with our pieces: the file handler, the script tag above, a same-origin websocket.

    livereload's websocket answers any Origin, so any web page open in the browser could listen to
    the preview; ours answers only a page of the preview itself, under a name the preview answers.
    Nor does it tell the page which file was saved: a reload is all the page needs. livereload's
    /forcereload (a GET any page could send) is left out.
    """
    from livereload import Server
    from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
    from livereload.server import LiveScriptInjector
    from tornado import web

    class SameOriginReload(LiveReloadHandler):
        def prepare(self) -> None:  # before the upgrade: asked under another name is DNS rebinding
            if hosts is not None and self.request.host_name not in hosts:
                self.set_status(403)
                self.finish()

        def check_origin(self, origin: str) -> bool:  # tornado asks only when the origin is not the page's host
            return same_origin(origin, self.request.host)

    class LiveStart(web.RequestHandler):
        def get(self) -> None:
            self.set_header("Content-Type", "application/javascript; charset=utf-8")
            self.finish(LIVE_START_JS)

    class InjectStart(LiveScriptInjector):
        script = LIVE_START_TAG

    class PreviewServer(Server):
        def application(self, port, host, liveport=None, debug=None, live_css=True):
            LiveReloadHandler.watcher = self.watcher
            LiveReloadHandler.live_css = live_css
            handlers = [
                (r"/livereload", SameOriginReload),
                (r"/livereload\.js", LiveReloadJSHandler),
                (LIVE_START.replace(".", r"\."), LiveStart),
                *self.get_web_handlers(LIVE_START_TAG),
            ]
            web.Application(handlers=handlers, transforms=[InjectStart]).listen(port, address=host.strip("[]"))

    server = PreviewServer(watcher=watcher)
    server.SFH = file_handler(preview, hosts, language)
    return server


def same_origin(origin: str, host: str) -> bool:
    """A websocket's Origin header is the preview's own address (scheme http, the very host and port asked)."""
    from urllib.parse import urlsplit

    parts = urlsplit(origin)
    return parts.scheme == "http" and parts.netloc.lower() == host.lower()


def serve(site_dir: Path, host: str, port: int, drafts: bool, open_browser: bool) -> int:
    from livereload.handlers import LiveReloadHandler

    from .watch import ChangeWatcher

    # livereload drops any change made within 3 s of the previous reload; a clerk saving twice must not lose one
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0

    language = load_config(site_dir)[0].language if site_dir.is_dir() else locale_language()
    words = partial(say, language=language)
    if not site_dir.is_dir():
        print(words("serve-no-site", site=site_dir), file=sys.stderr)
        return 1
    problem = port_problem(host, port, language)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    preview = Preview(site_dir, site_dir / PREVIEW_FOLDER, drafts=drafts)
    preview.build_all()
    if preview.showing_errors:
        print(format_report(preview.diagnostics, preview.site.config.language), file=sys.stderr)
    server = preview_server(
        preview, ChangeWatcher(site_dir, WATCHED, preview.on_change, language), allowed_hosts(host), language
    )
    server._setup_logging = lambda: None  # our one line per rebuild instead of livereload's chatter
    logging.getLogger("livereload").setLevel(logging.WARNING)
    logging.getLogger("tornado.access").setLevel(logging.ERROR)  # not a "404 GET /favicon.ico" line per page view
    url = preview_url(host, port)
    if not is_loopback(host):
        print(words("serve-open-to-network", host=host), file=sys.stderr)
    shown = words("serve-drafts-shown" if drafts else "serve-drafts-hidden")
    print(words("serve-previewing", site=site_dir.resolve(), url=url, drafts=shown), flush=True)
    if open_browser:  # our URL, not livereload's (which has no brackets for an IPv6 address)
        import threading
        import webbrowser

        threading.Timer(1, webbrowser.open, [url]).start()
    try:
        server.serve(host=host, port=port, root=str(preview.out_dir), open_url_delay=None, restart_delay=0)
    except KeyboardInterrupt:
        pass
    print(words("stopped"), flush=True)
    return 0
