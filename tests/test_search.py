"""Full-text search in Chinese, on a static host, under a sub-path, in a real browser."""

from __future__ import annotations

import shutil


def test_search_index_is_built(built_site):
    assert (built_site / "pagefind" / "pagefind-entry.json").is_file()
    assert (built_site / "pagefind" / "pagefind-ui.js").is_file()
    assert any((built_site / "pagefind" / "fragment").iterdir())


def test_chinese_word_from_a_body_finds_the_notice_under_a_sub_path(built_site, static_server, browser, tmp_path):
    portal = tmp_path / "portal"
    shutil.copytree(built_site, portal / "gov" / "xczg")
    base = static_server(portal) + "gov/xczg/"
    page = browser.new_page()
    page.goto(base + "index.html")
    page.fill("#site-search-q", "派车单")  # a word only in the body of the 司法局 notice (issue 5, measures)
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/search.html?q=*")
    result = page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    assert result.inner_text() == "中共临江区司法局党组关于十二届区委第三轮巡察整改进展情况的通报"
    href = result.get_attribute("href")
    assert href.startswith("/gov/xczg/notices/2025/linjiang-sifaju")
    marked = page.inner_text(".pagefind-ui__result-excerpt mark")  # Pagefind segments 派车单 and highlights parts
    assert marked and set(marked) <= set("派车单辆")
    page.click(".pagefind-ui__result-link")
    page.wait_for_selector("h1")
    assert "司法局" in page.inner_text("h1")
    page.close()


def test_search_filters_by_organization_year_and_status(built_site, static_server, browser):
    page = browser.new_page()
    page.goto(static_server(built_site) + "search.html?q=整改")
    # the filters appear one by one as Pagefind loads them: wait for all three, then read them
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__filter-name').length >= 3", timeout=15_000)
    names = page.eval_on_selector_all(".pagefind-ui__filter-name", "els => els.map(e => e.textContent.trim())")
    assert sorted(names) == sorted(["发布单位", "发布年份", "整改状态"])
    page.close()
