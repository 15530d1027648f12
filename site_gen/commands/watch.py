"""Which site files an edit touched, as the operating system reports them, for the live preview.

livereload's own watcher polls: every 0.8 s it walks and stats every watched file, on the
server's thread. On a site of 20,000 notices that walk alone takes longer than the rebuild
it triggers, and it has to be repeated to find the one file that changed. watchfiles
(Rust, inotify/FSEvents/ReadDirectoryChanges, polling where those are missing) hands us the
changed paths instead, so the cost of an edit does not depend on the size of the site.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles
from livereload.watcher import Watcher
from tornado.ioloop import IOLoop

from ..base.cli_text import say

RELOAD_PAGE = "*"  # livereload.js reloads the page for a path that is no stylesheet or image


class SiteFilter(watchfiles.DefaultFilter):
    """Changes to the files a site is made of; not the preview's own writes, output/, the cache, editor swap files."""

    def __init__(self, site_dir: Path, watched: tuple[str, ...]):
        super().__init__()
        tops = [os.path.join(os.path.abspath(site_dir), name) for name in watched]
        self.files = set(tops)
        self.folders = tuple(top + os.sep for top in tops)

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        return (path in self.files or path.startswith(self.folders)) and super().__call__(change, path)


def site_changes(site_dir: Path, only: SiteFilter, stop: threading.Event):
    """Batches of changes: a save's events are grouped until 20 ms pass without one (watchfiles' default: 50)."""
    return watchfiles.watch(site_dir, watch_filter=only, stop_event=stop, step=20, rust_timeout=500)


class ChangeWatcher(Watcher):
    """A livereload watcher fed by watchfiles: on each batch of changes it calls on_change(paths), then reloads."""

    def __init__(
        self, site_dir: Path, watched: tuple[str, ...], on_change: Callable[[list[Path]], object], language: str = "en"
    ):
        super().__init__()
        self.site_dir, self.on_change, self.language = Path(os.path.abspath(site_dir)), on_change, language
        self.filter = SiteFilter(site_dir, watched)
        self.pending: set[Path] = set()
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.watch(str(self.site_dir))  # livereload watches the working directory when it sees no task

    def start(self, callback: Callable[[], None]) -> bool:
        """Watch in a thread; each batch is handed to the server's loop, where livereload calls examine()."""
        loop = IOLoop.current()

        def run() -> None:
            try:
                for changes in site_changes(self.site_dir, self.filter, self.stopped):
                    with self.lock:
                        self.pending.update(Path(path) for _, path in changes)
                    loop.add_callback(callback)
            except OSError as exc:  # e.g. the system's limit on watched folders: say so rather than go deaf
                line = say("serve-cannot-watch", self.language, site=self.site_dir, reason=exc)
                print(line, file=sys.stderr, flush=True)

        threading.Thread(target=run, name="site-gen-watch", daemon=True).start()
        callback()  # livereload's start-up message, queued before the watcher started
        return True  # livereload then does not start its own polling

    def examine(self) -> tuple[str | None, float | None]:
        if self._changes:  # livereload's own message at start-up
            return self._changes.pop()
        with self.lock:
            changed, self.pending = sorted(self.pending), set()
        if not changed:
            return None, None
        self.on_change(changed)
        self.filepath = RELOAD_PAGE  # sent to every open page: never the saved file's path on this machine
        return self.filepath, None
