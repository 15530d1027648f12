"""The output runs on any static host: under a sub-path, from file://, and with no outside request."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from tests.conftest import html_pages


class References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def references(page: Path) -> list[str]:
    parser = References()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.urls


def internal(url: str) -> bool:
    return not urlparse(url).scheme and not url.startswith("#")


def test_all_internal_links_are_relative_and_resolve_from_the_file_system(built_site):
    for relative in html_pages(built_site):
        page = built_site / relative
        for url in filter(internal, references(page)):
            assert not url.startswith("/"), (relative, url)  # root-relative would break under a sub-path
            target = (page.parent / url.split("#")[0].split("?")[0]).resolve()
            assert target.is_file(), (relative, url)


def test_site_works_copied_under_a_sub_path(built_site, static_server, browser, tmp_path):
    portal = tmp_path / "portal"
    shutil.copytree(built_site, portal / "gov" / "xczg")
    base = static_server(portal) + "gov/xczg/"
    page = browser.new_page()
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for relative in html_pages(built_site):
        page.goto(base + relative)
        for url in filter(internal, references(built_site / relative)):
            absolute = urljoin(base + relative, url)
            assert page.request.get(absolute).ok, (relative, url)
    assert failed == []
    page.close()


def test_pages_open_from_file_urls(built_site, browser):
    page = browser.new_page()
    page.goto((built_site / "index.html").as_uri())
    page.click("text=中共临江区司法局党组关于十二届区委第三轮巡察整改进展情况的通报")
    page.wait_for_url("**/notices/2025/linjiang-sifaju.html")
    page.wait_for_selector(".site-header")
    assert (
        page.evaluate("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        == "rgb(18, 61, 107)"
    )  # the stylesheet loaded
    page.close()


def test_no_page_requests_any_outside_host(built_site, static_server, browser):
    base = static_server(built_site)
    context = browser.new_context()
    outside = []

    def guard(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    for relative in html_pages(built_site):
        page.goto(base + relative, wait_until="networkidle")
    context.close()
    assert outside == []


@pytest.mark.parametrize("doc", ["docs/hosting.md"])
def test_hosting_guide_exists_with_an_nginx_example(doc):
    text = (Path(__file__).resolve().parents[1] / doc).read_text(encoding="utf-8")
    assert "error_page 404" in text and "Cache-Control" in text
