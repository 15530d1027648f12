"""Shared fixtures: a real headless Chromium (Debian's), and small local HTTP servers.

Browser tests never skip: if Chromium is missing, they fail and say how to install it
(tests/install.sh does it on a fresh machine as root).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import sys
import threading
from pathlib import Path

import pytest

# Machines here set PYTHONDONTWRITEBYTECODE=1: each run compiled every test module's rewritten asserts again
# (6 s of collection) and each site-gen subprocess its modules. Python's caches change no behaviour.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "_artifacts"


def pytest_configure(config):
    config.addinivalue_line("markers", "seeds: reads the real seed documents in ../shared/seeds beside the repository")
    config.addinivalue_line(
        "markers",
        "browser: drives headless Chromium (set on every test that uses the browser fixture, by hand on "
        "those that print a PDF through it)",
    )
    config.addinivalue_line(
        "markers",
        "slow: the kill harness, long fuzzing, the HTML checker, mypy, LibreOffice, racing builds, the wheel: CI runs them",
    )


def pytest_collection_modifyitems(config, items):
    """Every test that uses the browser fixture, directly or through another, is marked browser: never by hand."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def pytest_runtest_setup(item):
    """A test marked seeds needs ../shared/seeds: skipped with the reason on a plain clone, a failure when CI=true."""
    if item.get_closest_marker("seeds") is None:
        return
    from tests.importer_support import ALL_SEEDS, SEEDS

    missing = [seed.name for seed in ALL_SEEDS if not seed.is_file()]
    if not missing:
        return
    reason = f"the seed documents are not at {SEEDS} (shared/seeds beside the repository; missing {', '.join(missing)})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: CI=true requires them", pytrace=False)
    pytest.skip(f"{reason}; tests/fixtures/import/ covers the same behaviours; set CI=true to require them")


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: run `bash tests/install.sh` (as root it installs Debian's chromium)")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def wait_until(page, condition: str, seconds: float = 15) -> None:
    """Poll a JavaScript condition: page.wait_for_function compiles its predicate with eval inside the page, which
    every page's Content-Security-Policy rightly refuses; page.evaluate is the browser's own, outside the policy."""
    import time

    deadline = time.monotonic() + seconds
    while not page.evaluate(condition):
        assert time.monotonic() < deadline, f"still not true after {seconds} s: {condition}"
        page.wait_for_timeout(100)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def static_server():
    """Serve a folder over http://127.0.0.1:PORT/; returns a function folder -> base URL."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample site built once per test session, plus the preview error page, for browser audits."""
    from site_gen.base.diagnostics import error
    from site_gen.commands.build import build_site
    from site_gen.notice.config import load_config
    from site_gen.pages.render import environment

    out = tmp_path_factory.mktemp("built") / "output"
    result = build_site(REPO, out)
    assert result.ok, [d.format() for d in result.diagnostics]
    config, _ = load_config(REPO)
    unknown = {"value": "还没想好", "suggestion": "尚未开始", "allowed": "整改完成, 正在整改, 尚未开始"}
    yaml_slip = {"problem": "mapping values are not allowed here", "cause": "colon-in-value"}
    yaml_slip |= {"source_line": "title: 关于: 某某的通报", "caret": "10", "fix": 'title: "关于: 某某的通报"'}
    errors = [
        error("content/2025/example.md", 2, "front-matter-yaml", column=10, **yaml_slip),  # its line and caret shown
        error("content/2025/example.md", 12, "status-unknown", column=6, **unknown),
    ]
    errors = [found.in_language(config.language) for found in errors]
    html = (
        environment(config).get_template("error.html").render(page_path="index.html", root="", errors=errors, report="")
    )
    (out / "preview-error.html").write_text(html, encoding="utf-8")
    return out


def html_pages(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


@pytest.fixture
def site(tmp_path) -> Path:
    """A scratch copy of the sample site, free to edit."""
    copy = tmp_path / "site"
    shutil.copytree(REPO / "content", copy / "content")
    shutil.copy(REPO / "site.yaml", copy / "site.yaml")
    return copy
