"""`site-gen serve`: a live preview that rebuilds what an edit affects and never dies on a typo.

The preview keeps the site's model in memory and re-reads only the files that
changed. It writes to its own folder (``.preview/``), so drafts and the
live-reload script, which the server injects into pages as it sends them,
never reach ``output/``. When the site has errors every page shows them, and
the next good save brings the real pages back.
"""

from __future__ import annotations

import dataclasses
import errno
import ipaddress
import logging
import os
import shutil
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .config import CONFIG_FILE, load_config
from .diagnostics import Diagnostic, Severity, format_report, has_errors
from .export import notice_json, notices_json_bytes
from .listings import groups, paginate
from .model import Notice
from .pages import write_site
from .reader import read_notice
from .render import environment, render_card, render_index, render_notice
from .theme import theme_dir
from .validate import notice_problems, slug_problems
from .writer import StagedOutput

PREVIEW_FOLDER = ".preview"
WATCHED = ("content", "templates", "static", CONFIG_FILE)


@dataclass
class Snapshot:
    """Modification stamps of every watched file, to tell exactly what an edit touched.

    Walked with os.scandir and plain strings: on a site of thousands of notices this walk
    runs on every save, and pathlib objects made it several times slower.
    """

    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, site_dir: Path) -> Snapshot:
        stamps: dict[str, tuple[int, int]] = {}
        for name in WATCHED:
            top = os.path.join(site_dir, name)
            if os.path.isfile(top):
                stat = os.stat(top)
                stamps[top] = (stat.st_mtime_ns, stat.st_size)
            elif os.path.isdir(top):
                _stamp_tree(top, stamps)
        return cls(stamps)

    def changed_since(self, before: Snapshot) -> list[Path]:
        paths = set(self.stamps) | set(before.stamps)
        return sorted(Path(p) for p in paths if self.stamps.get(p) != before.stamps.get(p))


def _stamp_tree(folder: str, stamps: dict[str, tuple[int, int]]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _stamp_tree(entry.path, stamps)
            elif entry.is_file():
                stat = entry.stat()
                stamps[entry.path] = (stat.st_mtime_ns, stat.st_size)


class Preview:
    """The previewed site: its model in memory, its pages in the preview folder."""

    def __init__(self, site_dir: Path, out_dir: Path, drafts: bool = True, log=print):
        self.site_dir, self.out_dir, self.drafts, self.log = site_dir, out_dir, drafts, log
        self.snapshot = Snapshot()
        self.notices: dict[Path, Notice] = {}
        self.problems: dict[Path, list[Diagnostic]] = {}
        self.cards: dict[Path, str] = {}
        self.cards_below: dict[Path, str] = {}  # as on the index's later pages, one folder down
        self.index_pages: dict[str, tuple] = {}  # what each written page of the home list showed
        self.records: dict[Path, bytes] = {}  # each notice's notices.json entry, UTF-8
        self.records_changed = True  # notices.json must be written again
        self.diagnostics: list[Diagnostic] = []
        self.showing_errors = False

    # --- whole site ---------------------------------------------------------

    def build_all(self) -> None:
        """Read everything again (start, site.yaml or template change) and write every page."""
        self.snapshot = Snapshot.of(self.site_dir)
        self.config, config_problems = load_config(self.site_dir)
        self.config_problems = config_problems
        self.env = environment(self.config)
        self.notices, self.problems, self.cards, self.cards_below, self.records = {}, {}, {}, {}, {}
        self.index_pages = {}
        for path in sorted(self.config.content_dir.rglob("*.md")) if self.config.content_dir.is_dir() else []:
            self.read(path)
        self.publish(changed=None)

    # --- one edit -----------------------------------------------------------

    def on_change(self) -> list[Path]:
        """Called by the watcher: rebuild what the changed files affect; return them."""
        started = time.perf_counter()
        now = Snapshot.of(self.site_dir)
        changed = now.changed_since(self.snapshot)
        if not changed:
            return []
        content = self.site_dir / "content"
        if any(not p.is_relative_to(content) or p.suffix != ".md" for p in changed):
            self.build_all()
        else:
            self.snapshot = now
            for path in changed:
                self.read(path)
            self.publish(changed=[self.notices[p] for p in changed if p in self.notices])
        names = ", ".join(p.relative_to(self.site_dir).as_posix() for p in changed[:3])
        more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
        outcome = f"{self.error_count} error(s), shown in the browser" if self.showing_errors else "rebuilt"
        self.log(
            f"[{time.strftime('%H:%M:%S')}] {names}{more} changed: {outcome} "
            f"in {(time.perf_counter() - started) * 1000:.0f} ms"
        )
        return changed

    def read(self, path: Path) -> None:
        """Read one notice and keep everything derived from it alone: problems, index card, data record."""
        before = self.records.get(path)
        self.derive(path)
        if self.records.get(path) != before:
            self.records_changed = True

    def derive(self, path: Path) -> None:
        for kept in (self.notices, self.problems, self.cards, self.cards_below, self.records):
            kept.pop(path, None)
        if not path.is_file():
            return
        notice, problems = read_notice(path, self.config)
        if notice is not None:
            problems = problems + notice_problems(notice, self.config)
        self.problems[path] = problems
        if notice is not None and (self.drafts or not notice.draft):
            self.notices[path] = notice
            self.cards[path] = render_card(self.env, notice)
            self.cards_below[path] = render_card(self.env, notice, "../")
            self.records[path] = notice_json(notice).encode("utf-8")

    # --- writing ------------------------------------------------------------

    @property
    def error_count(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    def ordered_paths(self) -> list[Path]:
        return sorted(self.notices, key=lambda p: (-self.notices[p].date.toordinal(), self.notices[p].slug))

    def publish(self, changed: list[Notice] | None) -> None:
        """Write the pages an edit affects, or every page when changed is None or errors come or go."""
        paths = self.ordered_paths()
        notices = [self.notices[p] for p in paths]
        file_problems = [d for problems in self.problems.values() for d in problems]
        self.diagnostics = self.config_problems + file_problems + slug_problems(notices)
        if has_errors(self.diagnostics):
            self.write_error_pages(notices)
            return
        if changed is None or self.showing_errors:
            self.write_everything(notices)
            return
        for notice in changed:
            write_file(self.out_dir / notice.url, render_notice(self.env, notice))
            write_file(self.out_dir / notice.data_url, notice_json(notice, measures=True) + "\n")
        self.write_index(notices, paths)
        if self.records_changed:  # an edit to measures alone leaves the open-data list as it is
            write_file(self.out_dir / "notices.json", notices_json_bytes(self.config, [self.records[p] for p in paths]))
            self.records_changed = False

    def write_index(self, notices: list[Notice], paths: list[Path]) -> None:
        """The home list's pages whose cards changed: an edit rewrites one page of fifty, not the whole list."""
        organizations, years = groups(notices, "organization"), groups(notices, "year")
        filters = tuple(g.name for g in organizations), tuple(g.name for g in years)
        shown = {}
        for page in paginate(paths, "index.html"):
            cards = [self.cards[p] if page.number == 1 else self.cards_below[p] for p in page.notices]
            shown[page.url] = (filters, page.count, tuple(cards))
            if self.index_pages.get(page.url) != shown[page.url]:
                listed = dataclasses.replace(page, notices=tuple(self.notices[p] for p in page.notices))
                write_file(self.out_dir / page.url, render_index(self.env, listed, cards, organizations, years))
        for gone in set(self.index_pages) - set(shown):
            (self.out_dir / gone).unlink(missing_ok=True)
        self.index_pages = shown

    def write_everything(self, notices: list[Notice]) -> None:
        staged = StagedOutput(self.out_dir)
        try:
            write_site(staged, self.config, notices)
            staged.commit()
        finally:
            staged.discard()
        self.showing_errors = False
        self.index_pages = {}  # written afresh: the next edit compares against nothing
        self.records_changed = False

    def write_error_pages(self, notices: list[Notice]) -> None:
        """Every page the browser may have open shows the problems, so none keeps a stale version."""
        errors = sorted(d.in_language(self.config.language) for d in self.diagnostics if d.severity is Severity.ERROR)
        html = self.env.get_template("error.html").render(page_path="index.html", root="", errors=errors, report="")
        pages = {p for p in self.out_dir.rglob("*.html")} if self.out_dir.is_dir() else set()
        pages |= {self.out_dir / "index.html"} | {self.out_dir / n.url for n in notices}
        for page in pages:
            root = "../" * (len(page.relative_to(self.out_dir).parts) - 1)
            write_file(page, html.replace('href="assets/', f'href="{root}assets/'))
        shutil.copytree(theme_dir() / "assets", self.out_dir / "assets", dirs_exist_ok=True)
        self.showing_errors = True
        self.index_pages = {}


def write_file(path: Path, content: str | bytes) -> None:
    """Replace one preview page at once, so the browser never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    if isinstance(content, bytes):
        temporary.write_bytes(content)
    else:
        temporary.write_text(content, encoding="utf-8", newline="\n")
    os.replace(temporary, path)


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


def serve(site_dir: Path, host: str, port: int, drafts: bool, open_browser: bool) -> int:
    from livereload import Server
    from livereload.handlers import LiveReloadHandler

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
    server = Server()
    server._setup_logging = lambda: None  # our one line per rebuild instead of livereload's chatter
    logging.getLogger("livereload").setLevel(logging.WARNING)
    for name in WATCHED:
        server.watch(str(site_dir / name), preview.on_change)
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
