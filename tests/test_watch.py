"""The preview's watcher: when the system refuses to watch the site, the clerk is told in the site's language."""

from __future__ import annotations

import threading

import pytest

from site_gen.commands import watch


class Loop:
    """IOLoop.current() as start() uses it: nothing is ever handed to it here, the watch fails first."""

    @staticmethod
    def current():
        return Loop()

    def add_callback(self, callback):
        raise AssertionError("no change can be reported by a watch that never started")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh", "预览：无法监视 {site} 中的改动，修改后不会自动重新生成：inotify watch limit reached"),
        ("en", "serve: cannot watch {site} for changes: inotify watch limit reached"),
    ],
    ids=["zh", "en"],
)
def test_a_watch_the_system_refuses_is_said_in_the_sites_language(tmp_path, monkeypatch, capsys, language, expected):
    def refused(*_):
        raise OSError("inotify watch limit reached")

    monkeypatch.setattr(watch, "site_changes", refused)
    monkeypatch.setattr(watch, "IOLoop", Loop)
    watcher = watch.ChangeWatcher(tmp_path, ("content",), lambda paths: None, language)
    assert watcher.start(lambda: None)
    for thread in threading.enumerate():
        if thread.name == "site-gen-watch":
            thread.join(timeout=10)
    assert capsys.readouterr().err.strip() == expected.format(site=tmp_path.resolve())
