"""The layout on phones and desktops, measured in a real browser: nothing cut at the right edge, tables that fit,
and the small slips a reader notices (a unit list's hanging indent, where e-mail addresses wrap, TOC badges)."""

from __future__ import annotations

import pytest

from tests.conftest import html_pages

NOTICE = "notices/2025/linjiang-sifaju.html"

CUT_AT_THE_RIGHT = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = el => {  // inside a box that scrolls or clips: that box is measured instead
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== "visible") return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll("*")]
    .filter(el => el.getClientRects().length && !el.closest(".visually-hidden") && !clipped(el))
    .filter(el => el.getBoundingClientRect().right > width + 0.5)
    .map(el => el.tagName + "." + el.className + " " + (el.textContent || "").trim().slice(0, 20));
}"""


@pytest.fixture(scope="module")
def site_url(built_site, static_server):
    return static_server(built_site)


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("size", ["medium", "large", "xlarge"])
@pytest.mark.parametrize("width", [320, 390])
def test_nothing_is_cut_at_the_right_edge_of_any_page(browser, site_url, built_site, width, size):
    """At every text size: 特大 on a 320 px phone is where a header, a table or a badge runs out of room."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = {}
    for relative in html_pages(built_site):
        page.goto(site_url + relative)
        page.evaluate("size => document.documentElement.setAttribute('data-size', size)", size)
        cut = page.evaluate(CUT_AT_THE_RIGHT)
        overflow = page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
        boxes = page.evaluate(
            "() => [...document.querySelectorAll('.table-scroll')].filter(b => b.scrollWidth > b.clientWidth)"
            ".filter(b => !b.querySelector('.series-grid'))"  # a series' grid scrolls in its box by design (#24)
            ".map(b => b.id || b.getAttribute('aria-labelledby'))"
        )
        if cut or boxes or overflow > 0:
            problems[relative] = {"cut": cut[:5], "scrolling tables": boxes, "page scrolls by": overflow}
    context.close()
    assert problems == {}


def test_dashboard_tables_become_one_card_per_row_on_a_phone(phone, site_url):
    phone.goto(site_url + "dashboard.html")
    cards = phone.evaluate(
        """() => [...document.querySelectorAll('.data-table--cards tbody tr')].map(tr => ({
             display: getComputedStyle(tr).display,
             name: tr.querySelector('th').textContent.trim(),
             cells: [...tr.querySelectorAll('td')].map(td =>
               [getComputedStyle(td, '::before').content.replace(/"/g, ''), td.textContent.trim()]),
           }))"""
    )
    headers = phone.evaluate(
        "() => [...document.querySelector('.data-table--cards thead tr').cells].slice(1).map(c => c.textContent.trim())"
    )
    assert len(cards) >= 6  # every unit and every year
    assert all(card["display"] == "grid" for card in cards)
    assert all([label for label, _ in card["cells"]] == headers for card in cards)  # each number says what it counts
    assert "完成并长期坚持" in headers


def test_a_wide_table_keeps_its_first_column_and_shows_that_it_scrolls(browser, site_url):
    context = browser.new_context(viewport={"width": 700, "height": 800})  # wider than a phone, narrower than the table
    page = context.new_page()
    page.goto(site_url + "dashboard.html")
    found = page.evaluate(
        """() => { const box = document.querySelector('.table-scroll'); const s = getComputedStyle(box);
             return [box.scrollWidth > box.clientWidth, getComputedStyle(box.querySelector('tbody th')).position,
                     s.backgroundImage.includes('gradient'), box.tabIndex] }"""
    )
    context.close()
    assert found == [True, "sticky", True, 0]


def test_a_second_line_of_units_hangs_under_the_first_unit(phone, site_url):
    phone.goto(site_url + "index.html")
    lefts = phone.evaluate(
        """() => { const row = document.querySelector('.filters__row');
             const links = [...row.querySelectorAll('a')].map(a => a.getBoundingClientRect());
             return {tops: links.map(r => Math.round(r.top)), lefts: links.map(r => Math.round(r.left)),
                     label: Math.round(row.querySelector('.filters__label').getBoundingClientRect().left)} }"""
    )
    assert len(set(lefts["tops"])) >= 2  # the units wrap at 390 px
    line_starts = {}
    for top, left in zip(lefts["tops"], lefts["lefts"], strict=True):
        line_starts.setdefault(top, left)
    assert max(line_starts.values()) - min(line_starts.values()) <= 1, line_starts  # each line starts under the first
    assert lefts["label"] < lefts["lefts"][0]


@pytest.mark.parametrize("size", ["medium", "xlarge"])
def test_e_mail_addresses_wrap_only_before_an_at_sign_or_a_dot(browser, site_url, size):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(site_url + NOTICE)
    page.evaluate("size => document.documentElement.setAttribute('data-size', size)", size)
    starts = page.evaluate(
        """() => [...document.querySelectorAll('a.email')].map(a => {
             const text = a.textContent, range = document.createRange(), starts = [];
             let top = null, offset = 0;
             for (const node of [...a.childNodes].filter(n => n.nodeType === 3)) {
               for (let i = 0; i < node.length; i++, offset++) {
                 range.setStart(node, i); range.setEnd(node, i + 1);
                 const t = Math.round(range.getBoundingClientRect().top);
                 if (top !== null && t > top + 2) starts.push(text[offset]);
                 top = t;
               }
             }
             return [text, starts];
           })"""
    )
    context.close()
    assert starts and starts[0][0] == "sfj_jiandu@linjiang.example.cn"  # copied as one address, <wbr> is not text
    if size == "xlarge":
        assert any(breaks for _, breaks in starts)  # at 150 % it has to wrap
    assert all(c in "@." for _, breaks in starts for c in breaks), starts


@pytest.mark.parametrize("width", [1280, 390])
def test_contents_badges_sit_in_one_place_for_short_and_long_titles(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + NOTICE)
    entries = page.evaluate(
        """() => [...document.querySelectorAll('.toc__issues li')].map(li => {
             const a = li.querySelector('a').getBoundingClientRect(), b = li.querySelector('.badge').getBoundingClientRect();
             return {below: b.top >= a.bottom - 2, right: Math.round(b.right), left: Math.round(b.left),
                     linkLeft: Math.round(a.left)};
           })"""
    )
    context.close()
    assert len(entries) >= 5
    if width == 1280:  # a column of its own at the right, whatever the title's length
        assert not any(e["below"] for e in entries) and len({e["right"] for e in entries}) == 1
    else:  # under the title, where the title starts
        assert all(e["below"] and e["left"] == e["linkLeft"] for e in entries)
