"""Full-text search in Chinese, on a static host, under a sub-path, in a real browser."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from site_gen.engine.search import UI_FILES, SearchIndexError, index_shard, index_site, write_shard_list
from site_gen.pages.search_record import encoded
from tests.conftest import REPO, wait_until


def test_search_index_is_built(built_site):
    bundles = built_site / "pagefind"
    assert json.loads((bundles / "shards.json").read_text()) == [
        "2026",
        "2025",
        "2024",
    ]  # one bundle a year, newest first
    for year in ("2025", "2024"):
        assert (bundles / year / "pagefind-entry.json").is_file()
        assert any((bundles / year / "fragment").iterdir())
    assert (bundles / "pagefind-ui.js").is_file()
    assert (bundles / "pagefind-ui.css").is_file()


def test_chinese_word_from_a_body_finds_the_notice_under_a_sub_path(built_site, static_server, browser, tmp_path):
    portal = tmp_path / "portal"
    shutil.copytree(built_site, portal / "gov" / "xczg")
    base = static_server(portal) + "gov/xczg/"
    page = browser.new_page()
    page.goto(base + "index.html")
    page.fill("#site-search-q", "派车单")  # a word only in the body of the 司法局 notice (issue 5, measures)
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/search.html?q=*")
    # the best-ranked result's link: the UI lists every result at once and fills each as its fragment arrives, so
    # the first link to appear in the page may be a lower-ranked one's (seen once in a busy full run)
    result = page.locator(".pagefind-ui__result").first.locator(".pagefind-ui__result-link")
    result.wait_for(timeout=15_000)
    assert result.inner_text() == "中共临江区司法局党组关于十二届区委第三轮巡察整改进展情况的通报"
    href = result.get_attribute("href")
    assert href.startswith("/gov/xczg/notices/2025/linjiang-sifaju")
    marked = page.inner_text(".pagefind-ui__result-excerpt mark")  # Pagefind segments 派车单 and highlights parts
    assert marked and set(marked) <= set("派车单辆")
    result.click()
    page.wait_for_selector("h1")
    assert "司法局" in page.inner_text("h1")
    page.close()


def test_search_filters_by_organization_year_and_status(built_site, static_server, browser):
    page = browser.new_page()
    page.goto(static_server(built_site) + "search.html?q=整改")
    # the filters appear one by one as Pagefind loads them: wait for all three, then read them
    wait_until(page, "document.querySelectorAll('.pagefind-ui__filter-name').length >= 3")
    names = page.eval_on_selector_all(".pagefind-ui__filter-name", "els => els.map(e => e.textContent.trim())")
    assert sorted(names) == sorted(["发布单位", "发布年份", "整改状态"])
    page.close()


def test_each_result_answers_with_its_date_unit_and_progress_in_chinese_punctuation(built_site, static_server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(static_server(built_site) + "search.html?q=整改")
    wait_until(page, "document.querySelectorAll('.search-result__meta').length >= 3")
    results = page.eval_on_selector_all(
        ".pagefind-ui__result",
        """els => els.map(e => ({title: e.querySelector('.pagefind-ui__result-link').textContent,
                               meta: e.querySelector('.search-result__meta').textContent,
                               excerpts: [...e.querySelectorAll('.pagefind-ui__result-excerpt')].map(x => x.textContent),
                               tags: e.querySelectorAll('.pagefind-ui__result-tag').length}))""",
    )
    found = [r for r in results if r["title"].startswith("中共临江区司法局党组")]  # the sample's series: 1 to 3
    assert found
    sifaju = found[0]
    assert re.match(
        r"^\d{4}年\d{1,2}月\d{1,2}日 · 中共临江区司法局党组 · 完成率 [\d.]+%，\d+ 项问题：整改完成 \d", sifaju["meta"]
    )
    for result in results:
        assert result["tags"] == 0  # the meta is said once, above the excerpt
        for excerpt in result["excerpts"]:
            assert not re.search(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]\.(\s|$)", excerpt), excerpt
            assert "正在整改尚未开始" not in excerpt  # the hidden filter values stay out of the excerpt
    targets = page.eval_on_selector_all(
        "#search button, #search .pagefind-ui__filter-label",
        "els => els.filter(e => e.offsetParent).map(e => [e.className, e.getBoundingClientRect().height])",
    )
    assert targets and all(height >= 44 for _, height in targets), targets
    page.close()


# --- the index sharded by year: one Pagefind bundle per year, merged in the browser ---

OLD_NOTICE = """---
title: 中共测试区交通局党组关于巡察整改进展情况的通报
organization: 中共测试区交通局党组
date: 2023-04-10
---

### 1. 关于桥梁护栏锈蚀未及时更换的问题

整改进度：已完成

全区 12 座桥梁的护栏已全部更换为镀锌钢材。
"""

NEW_NOTICE = """---
title: 中共测试区卫健局党组关于巡察整改进展情况的通报
organization: 中共测试区卫健局党组
date: 2025-06-02
---

### 1. 关于基层诊所药品台账不全的问题

整改进度：正在整改

已为全区诊所配发统一的药品台账模板。
"""


def fragments(bundle: Path) -> list[dict]:
    """The pages a Pagefind bundle holds, as Pagefind stores them (gzip, a signature, then JSON)."""
    return [json.loads(gzip.decompress(f.read_bytes())[12:]) for f in sorted((bundle / "fragment").iterdir())]


def two_year_site(root: Path) -> Path:
    site = root / "site"
    (site / "content" / "2023").mkdir(parents=True)
    (site / "content" / "2025").mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    (site / "content" / "2023" / "jiaotongju.md").write_text(OLD_NOTICE, encoding="utf-8")
    (site / "content" / "2025" / "weijianju.md").write_text(NEW_NOTICE, encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def two_years(tmp_path_factory) -> Path:
    """A small site with one notice in 2023 and one in 2025, built with its search index."""
    from site_gen.commands.build import build_site

    root = tmp_path_factory.mktemp("two-years")
    out = root / "output"
    result = build_site(two_year_site(root), out)
    assert result.ok, [d.format() for d in result.diagnostics]
    return out


def test_a_site_with_notices_in_two_years_has_two_shards(two_years):
    bundles = two_years / "pagefind"
    assert (bundles / "shards.json").read_bytes() == b'["2025", "2023"]\n'
    assert sorted(p.name for p in bundles.iterdir() if p.is_dir()) == ["2023", "2025"]
    for name in UI_FILES:
        assert (bundles / name).read_bytes() == (bundles / "2025" / name).read_bytes()
    # each bundle holds exactly its year's notice, under the page's URL from the site root
    assert [f["url"] for f in fragments(bundles / "2023")] == ["/notices/2023/jiaotongju.html"]
    assert [f["url"] for f in fragments(bundles / "2025")] == ["/notices/2025/weijianju.html"]
    assert fragments(bundles / "2023")[0]["filters"]["发布年份"] == ["2023"]


def test_search_merges_the_shards_under_a_sub_path(two_years, static_server, browser, tmp_path):
    portal = tmp_path / "portal"
    shutil.copytree(two_years, portal / "gov" / "xczg")
    base = static_server(portal) + "gov/xczg/"
    page = browser.new_page()
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(base + "search.html?q=护栏")  # only in the 2023 notice: found through a merged (not primary) bundle
    result = page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    assert result.inner_text() == "中共测试区交通局党组关于巡察整改进展情况的通报"
    assert result.get_attribute("href") == "/gov/xczg/notices/2023/jiaotongju.html"
    assert page.locator(".pagefind-ui__result-link").count() == 1
    # the year filter lists both years, each from its own bundle
    wait_until(page, "document.querySelectorAll(\"input.pagefind-ui__filter-checkbox[name='发布年份']\").length >= 2")
    years = page.eval_on_selector_all(
        "input.pagefind-ui__filter-checkbox[name='发布年份']", "els => els.map(e => e.value)"
    )
    assert sorted(years) == ["2023", "2025"]
    page.fill(".pagefind-ui__search-input", "药品台账")  # and the primary bundle is searched too
    page.wait_for_selector("text=中共测试区卫健局党组关于巡察整改进展情况的通报", timeout=15_000)
    assert failed == []
    page.close()


def record(url: str, words: str, year: str = "2025") -> bytes:
    return encoded(
        {"url": url, "content": words, "language": "zh-cn", "meta": {"title": url}, "filters": {"年": [year]}}
    )


OLD = record("/notices/2023/a.html", "桥梁护栏已全部更换", "2023")
NEW = record("/notices/2025/b.html", "药品台账模板已配发")


def entry_times(out: Path) -> dict[str, int]:
    return {p.parent.name: p.stat().st_mtime_ns for p in (out / "pagefind").glob("*/pagefind-entry.json")}


def test_a_template_edit_indexes_no_shard_and_a_notice_edit_only_its_year(tmp_path):
    from site_gen.commands.build import build_site

    site, out = two_year_site(tmp_path), tmp_path / "output"
    assert build_site(site, out).ok
    before = entry_times(out)
    (site / "templates").mkdir()
    theme = (REPO / "templates" / "notice.html").read_text(encoding="utf-8")
    (site / "templates" / "notice.html").write_text(theme.replace('class="notice"', 'class="notice edited"'))
    assert build_site(site, out).ok
    assert 'class="notice edited"' in (out / "notices" / "2025" / "weijianju.html").read_text(encoding="utf-8")
    assert entry_times(out) == before  # every page made again, no shard: their records are the same
    notice = site / "content" / "2025" / "weijianju.md"
    notice.write_text(notice.read_text(encoding="utf-8").replace("模板", "模板和说明"), encoding="utf-8")
    assert build_site(site, out).ok
    after = entry_times(out)
    assert after["2023"] == before["2023"] and after["2025"] != before["2025"]
    assert "说明" in fragments(out / "pagefind" / "2025")[0]["content"]


def test_only_the_shards_whose_records_changed_are_indexed_again(tmp_path):
    out = tmp_path / "output"
    assert index_site(out, {"2023": [OLD], "2025": [NEW]}) == ["2023", "2025"]  # both at once, on two cores
    before = entry_times(out)
    assert index_site(out, {"2023": [OLD], "2025": [NEW]}) == []  # the same records: nothing to do
    changed = record("/notices/2025/b.html", "药品台账模板和说明已配发")
    assert index_site(out, {"2023": [OLD], "2025": [changed]}) == ["2025"]
    assert entry_times(out)["2023"] == before["2023"]
    assert "说明" in fragments(out / "pagefind" / "2025")[0]["content"]


def test_a_bundle_changed_by_hand_is_made_again(tmp_path):
    out = tmp_path / "output"
    index_site(out, {"2025": [NEW]})
    fragment = next((out / "pagefind" / "2025" / "fragment").iterdir())
    fragment.write_bytes(fragment.read_bytes() + b"x")  # its digest no longer the one its bundle lists
    assert index_site(out, {"2025": [NEW]}) == ["2025"]
    (out / "pagefind" / "2025" / "stray.js").write_text("alert(1)")  # nor a file the bundle did not write
    assert index_site(out, {"2025": [NEW]}) == ["2025"]
    assert not (out / "pagefind" / "2025" / "stray.js").exists()


def test_a_staged_build_takes_unchanged_shards_from_the_previous_output(tmp_path):
    published = tmp_path / "output"
    index_site(published, {"2023": [OLD], "2025": [NEW]})
    staged = tmp_path / "staged"
    changed = record("/notices/2023/a.html", "桥梁护栏已全部更换为不锈钢", "2023")
    assert index_site(staged, {"2023": [changed]}, previous=published) == ["2023"]  # 2025 has no notice any more
    assert json.loads((staged / "pagefind" / "shards.json").read_text()) == ["2023"]
    assert sorted(p.name for p in (staged / "pagefind").iterdir()) == [
        "2023",
        "pagefind-ui.css",
        "pagefind-ui.js",
        "shards.json",
    ]
    again = tmp_path / "staged-again"
    assert index_site(again, {"2023": [OLD], "2025": [NEW]}, previous=published) == []  # both linked, none indexed
    for name in ("2023", "2025"):
        assert fragments(again / "pagefind" / name) == fragments(published / "pagefind" / name)
        assert (again / "pagefind" / name / "pagefind-entry.json").stat().st_ino == (
            published / "pagefind" / name / "pagefind-entry.json"
        ).stat().st_ino  # hard links, not copies


def test_bad_shard_names_and_a_stale_unsharded_bundle(tmp_path):
    out = tmp_path / "output"
    index_site(out, {"2023": [OLD]})
    (out / "pagefind" / "pagefind-entry.json").write_text("{}")  # as left by an unsharded index
    (out / "pagefind" / "fragment").mkdir()
    assert index_site(out, {"2023": [OLD]}) == []
    assert sorted(p.name for p in (out / "pagefind").iterdir()) == [
        "2023",
        "pagefind-ui.css",
        "pagefind-ui.js",
        "shards.json",
    ]
    with pytest.raises(SearchIndexError):
        index_site(out, {"../x": [OLD]})
    with pytest.raises(SearchIndexError):
        index_shard([], tmp_path / "bundle")


def test_a_pagefind_failure_is_a_search_index_error(tmp_path):
    broken = encoded({"url": "/x.html", "content": "正文", "language": "zh-cn", "meta": {"title": 3}, "filters": {}})
    with pytest.raises(SearchIndexError, match="pagefind"):  # the service refuses a meta that is not text
        index_shard([broken], tmp_path / "bundle")


def test_index_shard_indexes_exactly_the_records_given(tmp_path):
    bundle = tmp_path / "bundle"
    index_shard([NEW], bundle)
    assert [f["url"] for f in fragments(bundle)] == ["/notices/2025/b.html"]
    assert fragments(bundle)[0]["filters"] == {"年": ["2025"]}
    assert (bundle / "pagefind-ui.js").is_file()
    assert [p for p in bundle.rglob("*") if p.is_file() and p.stat().st_size == 0] == []  # every file written whole


def test_shards_share_pagefind_processes_and_each_bundle_is_what_it_alone_gives(tmp_path, monkeypatch):
    """Three years on two cores: two Pagefind processes, not three (each costs 0.3-0.5 s to start), and every
    year's bundle holds its own records only, as if indexed alone."""
    from site_gen.engine import search

    monkeypatch.setattr(search, "workers", lambda: 2)
    shards = {
        str(year): [record(f"/notices/{year}/{n}.html", f"{year}年第{n}项台账", str(year)) for n in range(year - 2019)]
        for year in range(2020, 2023)
    }
    started = []
    real_popen = search.subprocess.Popen

    def counting(*args, **kwargs):
        started.append(args[0])
        return real_popen(*args, **kwargs)

    monkeypatch.setattr(search.subprocess, "Popen", counting)
    made = index_site(tmp_path / "site", shards)
    assert sorted(made) == sorted(shards) and len(started) == 2
    monkeypatch.setattr(search.subprocess, "Popen", real_popen)
    varying = re.compile(r"^(filter/.*|pagefind\.[^/]*\.pf_meta|pagefind-entry\.json|site-gen-shard\.txt)$")

    def stable(bundle: Path) -> dict[str, bytes]:
        files = {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
        return {name: data for name, data in files.items() if not varying.match(name)}

    for year, records in shards.items():
        index_shard(records, tmp_path / "alone" / year)
        assert stable(tmp_path / "site" / "pagefind" / year) == stable(tmp_path / "alone" / year), year


def test_the_same_records_give_the_same_fragments_and_word_index(tmp_path):
    """Pagefind's own nondeterminism, pinned: its filter index and the meta naming it vary from run to run (a
    hash map's order in Pagefind, see docs/benchmarks.md), every other file is the same bytes."""
    records = [OLD, NEW, record("/notices/2025/c.html", "公务用车台账", "2023")]
    index_shard(records, tmp_path / "one")
    index_shard(records, tmp_path / "two")
    varying = re.compile(r"^(filter/.*|pagefind\.[^/]*\.pf_meta|pagefind-entry\.json)$")

    def stable(bundle: Path) -> dict[str, bytes]:
        files = {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
        return {name: data for name, data in files.items() if not varying.match(name)}

    assert stable(tmp_path / "one") == stable(tmp_path / "two")
    assert any(name.startswith("fragment/") for name in stable(tmp_path / "one"))


def test_shard_list_is_newest_year_first_and_byte_stable(tmp_path):
    write_shard_list(tmp_path, ["2019", "other", "2025", "2023"])
    first = (tmp_path / "pagefind" / "shards.json").read_bytes()
    write_shard_list(tmp_path, ["2023", "2025", "other", "2019"])
    assert (tmp_path / "pagefind" / "shards.json").read_bytes() == first == b'["2025", "2023", "2019", "other"]\n'


def test_a_site_without_notices_still_has_the_search_ui(tmp_path):
    assert index_site(tmp_path, {}) == []
    assert (tmp_path / "pagefind" / "shards.json").read_text() == "[]\n"
    assert (tmp_path / "pagefind" / "pagefind-ui.js").is_file()
    assert (tmp_path / "pagefind" / "pagefind-ui.css").is_file()


# --- no markup from content reaches the search page (issue 23) ---

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"  # a payload in every field; each would set window.__xss
PAGEFIND_READS = ("data-pagefind-filter", "data-pagefind-meta", "data-pagefind-sort")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from site_gen.commands.build import build_site

    work = tmp_path_factory.mktemp("hostile")
    site = shutil.copytree(
        HOSTILE, work / "site", ignore=shutil.ignore_patterns(".site-gen-cache")
    )  # no cache in tests/
    out = work / "output"
    result = build_site(site, out)
    assert result.ok, [d.format() for d in result.diagnostics]
    return out


def test_every_value_given_to_pagefind_is_free_of_markup(hostile_site):
    from tests.htmlscan import Page

    given = []
    for path in sorted(hostile_site.rglob("*.html")):
        page = Page(path.read_text(encoding="utf-8"))
        for attribute in PAGEFIND_READS:
            for element in page.find_all(**{attribute.replace("-", "_"): True}):
                given += [element.attrs[attribute], element.text]
    assert any("水利局党组＜img" in value for value in given)  # the names are there, in full-width lookalikes
    assert any(value.startswith("Audit ＆ Review ＜b") for value in given)
    assert [value for value in given if set(value) & set("<>&")] == []
    stored = [f for shard in ("2025", "2024") for f in fragments(hostile_site / "pagefind" / shard)]
    values = [v for f in stored for v in [*f["meta"].values(), *(x for vs in f["filters"].values() for x in vs)]]
    assert values and [v for v in values if set(v) & set("<>&")] == []


@pytest.mark.parametrize("query", ["台账", "ledgers"])  # a notice in each year's bundle: both bundles' filters shown
def test_no_name_runs_as_code_on_the_search_page(hostile_site, static_server, browser, query):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda problem: errors.append(str(problem)))
    page.goto(static_server(hostile_site) + "search.html?q=" + query)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    wait_until(page, "document.querySelectorAll(\"input.pagefind-ui__filter-checkbox[name='发布单位']\").length >= 2")
    wait_until(page, "document.querySelectorAll('.pagefind-ui__filter-name').length >= 3")
    page.wait_for_timeout(300)  # an onerror fires after the image fails to load: give it the chance
    for label in page.query_selector_all(".pagefind-ui__filter-label"):
        label.dispatch_event("mouseover")  # the English name's payload is an onmouseover
    assert page.evaluate("window.__xss") is None
    labels = page.eval_on_selector_all(".pagefind-ui__filter-label", "els => els.map(e => e.textContent)")
    assert any(label.startswith("中共测试区水利局党组＜img src=x") for label in labels)
    assert any(label.startswith("Audit ＆ Review ＜b onmouseover") for label in labels)
    title = page.inner_text(".pagefind-ui__result-link")
    assert "<" in title or "＜" in title  # the payload is shown as text, not dropped
    assert page.evaluate("document.querySelectorAll('#search img, #search svg, #search script, #search b').length") == 0
    assert errors == []
    page.close()


# --- the records give the results Pagefind gave over the pages (issue 28) ---

TOP_QUERIES = ("整改", "专项督查", "清河县", "司法局", "工作台账")
SEARCH_TOP = """async ([base, names, query]) => {
  const pagefind = await import(base + names[0] + "/pagefind.js");
  await pagefind.options({basePath: base + names[0] + "/", baseUrl: "/"});
  for (const name of names.slice(1)) await pagefind.mergeIndex(base + name + "/", {baseUrl: "/"});
  const found = await pagefind.search(query);
  const top = await Promise.all(found.results.slice(0, 3).map((result) => result.data()));
  return top.map((data) => data.url);
}"""


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    """Thirty notices of the benchmark corpus, built with their search index from records."""
    from site_gen.commands.build import build_site
    from tests.corpus import generate

    root = tmp_path_factory.mktemp("corpus")
    generate(root / "site", 30)
    result = build_site(root / "site", root / "output")
    assert result.ok, [d.format() for d in result.diagnostics if d.severity == "error"]
    return root / "output"


def pages_reference(site: Path, into: Path) -> None:
    """What site-gen indexed before issue 28: Pagefind over each year's built pages, one bundle a year."""
    import subprocess
    import sys

    for name in json.loads((site / "pagefind" / "shards.json").read_text()):
        mirror = into.parent / f"mirror-{name}"
        for url in (f["url"] for f in fragments(site / "pagefind" / name)):
            target = mirror / url.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / url.lstrip("/"), target)
        command = [sys.executable, "-m", "pagefind", "--site", ".", "--output-path", str(into / name), "--silent"]
        subprocess.run(command, cwd=mirror, check=True, capture_output=True)


def test_records_find_the_top_results_the_pages_gave(corpus_site, static_server, browser, tmp_path):
    served = tmp_path / "served"
    shutil.copytree(corpus_site, served)
    pages_reference(corpus_site, served / "reference")
    names = json.loads((served / "pagefind" / "shards.json").read_text())
    page = browser.new_page()
    page.goto(static_server(served) + "index.html")
    for query in TOP_QUERIES:
        ours = page.evaluate(SEARCH_TOP, ["/pagefind/", names, query])
        before = page.evaluate(SEARCH_TOP, ["/reference/", names, query])
        assert ours, query
        assert ours == before, query
    page.close()
