"""Every page type audited in a real browser: axe-core (WCAG 2.1 AA), keyboard, zoom, narrow screens, print.

Pages are discovered from the built output, so a new page type is audited without touching this file.
Screenshots land in tests/_artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, html_pages

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STATES = {
    "default": None,
    "large-text": ("data-size", "large"),
    "extra-large-text": ("data-size", "xlarge"),
    "high-contrast": ("data-contrast", "high"),
}


@pytest.fixture(scope="module")
def site_url(built_site, static_server):
    return static_server(built_site)


@pytest.fixture(scope="module")
def page(browser):
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `bash tests/install.sh` (npm install in tests/)")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def audit(page, tags: list[str] = WCAG_TAGS) -> list[dict]:
    page.evaluate(
        AXE.read_text(encoding="utf-8") + "\n;0"
    )  # not add_script_tag: an inline script, which the CSP refuses
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


def pages_of(built_site: Path) -> list[str]:
    return html_pages(built_site)


def test_every_page_type_passes_axe_in_every_reader_state(page, site_url, built_site):
    assert len(pages_of(built_site)) >= 6  # index, four notices, the preview error page (and any newer pages)
    series_pages = {"series/shierjiequweidisanlunxuncha-qusifaju.html", "open-problems.html"}
    assert series_pages <= set(pages_of(built_site))  # the series page and the open problems are audited too
    failures = {}
    for relative in pages_of(built_site):
        for state, attribute in STATES.items():
            page.goto(site_url + relative)
            if attribute:
                page.evaluate("([name, value]) => document.documentElement.setAttribute(name, value)", list(attribute))
            violations = audit(page)
            if violations:
                failures[f"{relative} [{state}]"] = violations
    assert failures == {}


def test_reader_settings_work_and_are_remembered(page, site_url):
    page.goto(site_url + "index.html")
    base = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    page.click("button[data-size=large]")
    large = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    assert large >= base * 1.2
    assert page.get_attribute("button[data-size=large]", "aria-pressed") == "true"
    page.click("button[data-contrast]")
    page.goto(site_url + "notices/2025/linjiang-sifaju.html")  # another page: the choice is remembered
    assert page.evaluate("() => document.documentElement.dataset.size") == "large"
    assert page.evaluate("() => document.documentElement.dataset.contrast") == "high"
    page.click("button[data-size=medium]")
    page.click("button[data-contrast]")


def test_default_size_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "notices/2025/linjiang-sifaju.html")
    assert not page.is_visible("[data-reader-tools]")  # no dead buttons without JavaScript
    assert page.is_visible("text=整改进展概况")
    context.close()


def test_keyboard_skip_link_and_visible_focus(page, site_url):
    page.goto(site_url + "notices/2025/linjiang-sifaju.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => ({text: document.activeElement.textContent, cls: document.activeElement.className})")
    assert focused == {"text": "跳到正文", "cls": "skip-link"}
    box = page.locator(".skip-link").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0  # on screen when focused
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_headings_form_an_outline(page, site_url, built_site):
    for relative in pages_of(built_site):
        page.goto(site_url + relative)
        levels = page.evaluate("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
        assert levels and levels[0] == 1 and levels.count(1) == 1, relative
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (relative, levels)


def test_badges_are_announced_with_their_status(page, site_url):
    page.goto(site_url + "notices/2025/linjiang-sifaju.html")
    names = page.evaluate(
        "() => [...document.querySelectorAll('article.issue .issue__status .badge')].map(b => b.innerText.trim())"
    )
    assert names[0] == "整改状态：整改完成" or names[0].endswith("整改完成")
    texts = page.evaluate("() => [...document.querySelectorAll('article.issue .badge')].map(b => b.textContent)")
    assert all(t.startswith("整改状态：") for t in texts)


STATUS_TEXT = ".badge, .issue__wording, .progress__text, .summary__note, .units__count, .legend__item dd"
MEASURE_STATUS = """selector => {
  const body = parseFloat(getComputedStyle(document.body).fontSize);
  const luminance = rgb => {
    const [r, g, b] = rgb.match(/[\\d.]+/g).slice(0, 3).map(v => v / 255)
      .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") return bg;
    }
    return "rgb(255, 255, 255)";
  };
  return [...document.querySelectorAll(selector)].filter(el => el.offsetParent).map(el => {
    const s = getComputedStyle(el);
    const [a, b] = [luminance(s.color), luminance(background(el))];
    return {
      what: el.className + " " + el.textContent.trim().slice(0, 12), size: parseFloat(s.fontSize), body,
      contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
      shape: [s.borderTopStyle, s.borderTopWidth, s.borderTopLeftRadius].join(" "),
    };
  });
}"""


@pytest.mark.parametrize("state", list(STATES))
def test_status_is_as_large_as_the_text_around_it_and_readable_in_every_state(page, site_url, state):
    """Badges, 原文 wordings and counts: body size in 大 and 特大, at most one step (1px) under it otherwise;
    each badge's own text against its own background at WCAG AA (4.5:1) in every state."""
    for relative in ("notices/2025/linjiang-sifaju.html", "organizations/quwei.html", "dashboard.html", "index.html"):
        page.goto(site_url + relative)
        if STATES[state]:
            page.evaluate("([name, value]) => document.documentElement.setAttribute(name, value)", list(STATES[state]))
        found = page.evaluate(MEASURE_STATUS, STATUS_TEXT)
        assert found, relative
        smallest = 0 if state in ("large-text", "extra-large-text") else 1
        too_small = [f for f in found if f["size"] < f["body"] - smallest - 0.01]
        assert too_small == [], (relative, state, too_small[:3])
        faint = [f for f in found if f["what"].startswith("badge ") and f["contrast"] < 4.5]
        assert faint == [], (relative, state, faint[:3])


def test_in_high_contrast_each_status_has_its_own_badge_shape(page, site_url):
    page.goto(site_url + "dashboard.html")  # the totals table shows one badge per status found on the site
    page.evaluate("() => document.documentElement.setAttribute('data-contrast', 'high')")
    found = page.evaluate(MEASURE_STATUS, "tbody .badge")
    shapes = {f["what"].split()[1]: f["shape"] for f in found}
    assert len(shapes) >= 5, shapes
    assert len(set(shapes.values())) == len(shapes), shapes  # no two statuses drawn alike
    assert all(f["contrast"] >= 7 for f in found)


@pytest.mark.parametrize("width", [320, 390, 640])
def test_no_horizontal_scrolling_on_narrow_screens_or_at_200_percent_zoom(browser, site_url, built_site, width):
    """640 CSS px is what a 1280 px window shows at 200% zoom."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for relative in pages_of(built_site):
        page.goto(site_url + relative)
        overflow = page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
        assert overflow <= 0, (relative, width, overflow)
    context.close()


def test_screenshots_and_print_for_people_to_look_at(browser, site_url, built_site):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for relative in pages_of(built_site):
            page.goto(site_url + relative)
            name = relative.replace("/", "_").removesuffix(".html")
            page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        context.close()
    page = browser.new_page()
    page.goto(site_url + "notices/2025/linjiang-sifaju.html")
    page.emulate_media(media="print")
    assert not page.is_visible(".site-header") and not page.is_visible(".reader-tools")
    link = page.evaluate(
        "() => { const a = document.querySelector('.contact a[href^=mailto]'); return [a.href, a.textContent] }"
    )
    assert link[0] == "mailto:" + link[1]  # the address printed is the link's own: no "(mailto:…)" repeated after it
    assert page.is_visible(".print-masthead") and page.is_visible(".print-source")
    pdf = page.pdf(format="A4", print_background=True)
    (folder / "notice-print.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2
    page.close()


def search_states(page, url: str):
    """The search page in every reader state, after its UI has loaded; yields the state's name."""
    for state, attribute in STATES.items():
        page.goto(url)
        page.wait_for_selector("#search input.pagefind-ui__search-input")
        if attribute:
            page.evaluate("([name, value]) => document.documentElement.setAttribute(name, value)", list(attribute))
        yield state


def test_search_page_passes_axe_best_practices_too_before_and_after_a_query(page, site_url):
    """Pagefind's UI is inserted by script: audited once it is there, then with results shown."""
    failures = {}
    for state in search_states(page, site_url + "search.html"):
        violations = audit(page, WCAG_TAGS + ["best-practice"])
        if violations:
            failures[f"loaded [{state}]"] = violations
    names = page.evaluate("() => [...document.querySelector('#search input').labels].map(l => l.textContent)")
    assert names == ["搜索整改通报"]  # a real label, not only the title attribute
    for state in search_states(page, site_url + "search.html?q=" + "公务用车"):
        page.wait_for_selector(".pagefind-ui__result")
        violations = audit(page, WCAG_TAGS + ["best-practice"])
        if violations:
            failures[f"results [{state}]"] = violations
    assert failures == {}


SERIES_PAGES = (
    "series/shierjiequweidisanlunxuncha-qusifaju.html",
    "open-problems.html",
    "notices/2025/linjiang-sifaju-2.html",  # a notice with history and neighbours
    "organizations/sifaju.html",
    "dashboard.html",
)


def test_the_series_pages_pass_axe_best_practices_too_in_every_reader_state(page, site_url):
    failures = {}
    for relative in SERIES_PAGES:
        for state, attribute in STATES.items():
            page.goto(site_url + relative)
            if attribute:
                page.evaluate("([name, value]) => document.documentElement.setAttribute(name, value)", list(attribute))
            violations = audit(page, WCAG_TAGS + ["best-practice"])
            if violations:
                failures[f"{relative} [{state}]"] = violations
    assert failures == {}


def test_the_series_table_has_headers_and_scrolls_in_its_own_box_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site_url + SERIES_PAGES[0])
    box = page.evaluate(
        """() => { const s = document.querySelector('.table-scroll'); const t = s.querySelector('table');
        return [s.clientWidth, t.scrollWidth, getComputedStyle(s).overflowX, document.scrollingElement.scrollWidth]; }"""
    )
    assert box[1] > box[0] and box[2] == "auto" and box[3] <= 390  # the table scrolls, the page does not
    headers = page.evaluate(
        "() => [document.querySelectorAll('thead th[scope=col]').length, document.querySelectorAll('tbody th[scope=row]').length]"
    )
    assert headers == [4, 7]  # 问题 + three notices; seven problems
    statuses = page.evaluate(
        "() => [...document.querySelectorAll('td[data-status] .badge__label')].map(b => b.textContent)"
    )
    assert statuses and all(statuses)  # each cell says its status in words, not colour alone
    context.close()
