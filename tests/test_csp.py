"""Every page carries a Content-Security-Policy that lets the site's own scripts, styles and search work and nothing else.

Defence in depth (issue 23): should an escaping slip ever put markup from content into a page, the
policy keeps an inline script or handler from running. Checked in the HTML of every page and in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from site_gen.pages.render import CONTENT_SECURITY_POLICY, content_security_policy
from tests.conftest import html_pages, wait_until
from tests.htmlscan import Page

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# a listener installed before any page script: every violation the browser reports, as "directive blocked-url"
RECORD_VIOLATIONS = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));"
)
PAGE_TYPES = [
    "index.html",
    "notices/2025/linjiang-sifaju.html",
    "notices/en/linjiang-audit-office.html",
    "organizations/index.html",
    "organizations/sifaju.html",
    "years/2025.html",
    "tags/index.html",
    "tags/sifaxingzheng.html",
    "dashboard.html",
    "404.html",
    "preview-error.html",
]


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def test_the_policy_allows_only_the_site_itself():
    policy = directives(CONTENT_SECURITY_POLICY)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # Pagefind's WebAssembly, no inline script
    assert policy["style-src"] == ["'self'"]  # no <style>, no style attribute
    assert policy["base-uri"] == ["'none'"] and policy["object-src"] == ["'none'"]
    everything = [value for values in policy.values() for value in values]
    assert not [v for v in everything if "unsafe-inline" in v or "unsafe-eval" == v.strip("'") or "://" in v]
    assert not [v for v in everything if v in ("*", "http:", "https:", "blob:")]


def test_every_page_carries_the_policy_before_anything_it_governs(built_site):
    for relative in html_pages(built_site):
        if relative.startswith("pagefind/"):
            continue
        html = (built_site / relative).read_text(encoding="utf-8")
        found = CSP_META.findall(html)
        assert len(found) == 1, relative
        head = html[: html.index("</head>")]
        assert head.index("http-equiv") < min(head.find(tag) % len(head) for tag in ("<script", "<style", "<link")), (
            relative
        )
        if relative == "404.html":  # its own styles, allowed by their digest, and nothing else
            css = html[html.index("<style>") + 7 : html.index("</style>")]
            digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
            assert found[0] == content_security_policy(css) and f"'sha256-{digest}'" in found[0]
        else:
            assert found[0] == CONTENT_SECURITY_POLICY, relative


def test_no_page_has_an_inline_script_handler_or_style_attribute(built_site):
    for relative in html_pages(built_site):
        if relative.startswith("pagefind/"):
            continue
        page = Page((built_site / relative).read_text(encoding="utf-8"))
        for element in page.elements:
            assert not [name for name in element.attrs if name.startswith("on") or name == "style"], relative
            if element.tag == "script":
                assert element.attrs.get("src") and not element.text.strip(), relative
            assert not element.attrs.get("href", "").lower().startswith("javascript:"), relative
            assert not re.match(r"(?i)([a-z][a-z0-9+.-]*:)?//", element.attrs.get("src", "")), relative  # no other host


def open_page(browser, url: str):
    page = browser.new_page()
    problems: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url)
    return page, problems


@pytest.mark.parametrize("relative", PAGE_TYPES)
def test_every_page_type_loads_under_the_policy(built_site, static_server, browser, relative):
    page, problems = open_page(browser, static_server(built_site) + relative)
    page.wait_for_load_state("load")
    # the theme's styles applied (the header is coloured) and, where it is linked, its script ran
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    )
    if relative != "404.html":  # served at any depth: it carries its styles and links no script
        assert page.evaluate("document.querySelector('[data-reader-tools]').hidden") is False
    if page.query_selector(".progress__bar"):  # the bars are drawn without a style attribute
        assert page.evaluate("document.querySelector('.progress__seg').getBBox().width") > 0
    assert page.evaluate("window.__violations") == []
    assert problems == []
    page.close()


def test_search_works_under_the_policy(built_site, static_server, browser):
    page, problems = open_page(browser, static_server(built_site) + "search.html?q=派车单")
    result = page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    assert "司法局" in result.inner_text()
    wait_until(page, "document.querySelectorAll('.pagefind-ui__filter-name').length >= 3")
    page.click("summary.pagefind-ui__filter-name:has-text('发布年份')")
    page.check("input.pagefind-ui__filter-checkbox[name='发布年份'][value='2024']")  # the 司法局 notice is 2025's
    wait_until(
        page, "[...document.querySelectorAll('.pagefind-ui__result-link')].every(a => a.href.includes('/2024/'))"
    )
    assert page.evaluate("window.__violations") == []
    assert problems == []
    page.close()


SLIP = (
    '<p id="slip"><img src="x" onerror="window.__ran = \'onerror\'">'
    "<script>window.__ran = 'inline script'</script>"
    '<a id="slip-link" href="javascript:window.__ran=\'javascript: link\'">x</a>'
    "<span onmouseover=\"window.__ran = 'onmouseover'\">y</span>"
    '<img src="https://tracker.example.net/pixel.gif" alt=""></p>'
)


def with_slip(page: Path, keep_policy: bool) -> None:
    main = '<main id="main" class="container" tabindex="-1">'
    html = page.read_text(encoding="utf-8").replace(main, main + SLIP, 1)
    if not keep_policy:
        html = CSP_META.sub("", html)
    page.write_text(html, encoding="utf-8")


@pytest.mark.parametrize("relative", ["notices/2025/linjiang-sifaju.html", "search.html", "404.html"])
def test_markup_slipped_into_a_page_cannot_run(built_site, static_server, browser, tmp_path, relative):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    with_slip(site / relative, keep_policy=True)
    without = site / "without-policy.html"
    shutil.copy(site / relative, without)
    with_slip(without, keep_policy=False)
    base = static_server(site)
    page, _ = open_page(browser, base + relative)
    page.wait_for_load_state("load")
    page.dispatch_event("#slip span", "mouseover")
    page.click("#slip-link")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran") is None
    blocked = page.evaluate("window.__violations")
    assert any(v.startswith("script-src") and v.endswith("inline") for v in blocked)  # reported, not run
    assert any(v.startswith("img-src") and "tracker.example.net" in v for v in blocked)  # no other host asked
    page.close()
    # the same slip without the policy runs: the test above can fail
    page, _ = open_page(browser, base + "without-policy.html")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran") is not None
    page.close()


def test_the_hostile_site_runs_nothing_on_any_page(static_server, browser, tmp_path_factory):
    from site_gen.commands.build import build_site
    from tests.test_search import HOSTILE

    out = tmp_path_factory.mktemp("hostile-pages") / "output"
    result = build_site(HOSTILE, out)
    assert result.ok and "image-remote" in {d.code for d in result.diagnostics}  # the photo is a link, not an image
    notice = (out / "notices" / "2025" / "shuiliju.html").read_text(encoding="utf-8")
    assert '<a href="https://photos.example.net/zhamen.jpg">闸门照片</a>' in notice
    base = static_server(out)
    for relative in [p for p in html_pages(out) if not p.startswith("pagefind/")]:
        page, problems = open_page(browser, base + relative)
        page.wait_for_load_state("load")
        for element in page.query_selector_all("main b, main span, main a"):
            element.dispatch_event("mouseover")
        assert page.evaluate("window.__xss") is None, relative
        assert page.evaluate("window.__violations") == [], relative  # nothing was even attempted: all escaped
        assert problems == [], relative
        page.close()
