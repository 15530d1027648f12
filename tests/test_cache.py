"""The build cache: unchanged notices are neither parsed nor rendered again, and it never changes the output."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2

from site_gen.base import addresses
from site_gen.commands import build
from site_gen.commands.build import build_site
from site_gen.notice import reader
from site_gen.pages import render
from tests.corpus import generate


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def counting(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *a, **k: calls.append(1) or real(*a, **k))
    return calls


def break_date(notice: Path) -> str:
    """The notice made wrong (a date that is no date: an error), and its text as it was."""
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("date: 20", "date: 第", 1), encoding="utf-8")
    return text


def cached_pages(site: Path) -> set[str]:
    """The keys of the pages kept in the cache (a page and its data record each)."""
    folder = next(p for p in (site / ".site-gen-cache").iterdir() if p.is_dir()) / "kept"
    kept = sorted(p.name for p in folder.glob("*"))
    keys = {name.partition(".")[0] for name in kept}
    assert kept == sorted(f"{key}.{n}" for key in keys for n in ("0", "1", "sums"))  # with their digests
    return keys


def test_cached_build_equals_clean_build(tmp_path, monkeypatch):
    generate(tmp_path / "site", 12, seed=5, kb=3)
    notice = sorted((tmp_path / "site" / "content").rglob("*.md"))[4]
    text = break_date(notice)
    assert not build_site(tmp_path / "site", tmp_path / "first", search=False).ok  # fills the cache: 11 pages
    notice.write_text(text, encoding="utf-8")
    rendered = counting(monkeypatch, render, "render_notice")
    assert build_site(tmp_path / "site", tmp_path / "cached", search=False).ok
    assert len(rendered) == 1  # the fixed notice: the 11 others' pages came from the cache
    assert build_site(tmp_path / "site", tmp_path / "clean", search=False, use_cache=False).ok
    assert tree(tmp_path / "cached") == tree(tmp_path / "clean")


def test_a_successful_build_caches_no_page(tmp_path):
    """Its pages are in output/, linked from there by the next build: a second copy would only cost time."""
    generate(tmp_path / "site", 5, seed=5, kb=2)
    assert build_site(tmp_path / "site", tmp_path / "out", search=False).ok
    assert cached_pages(tmp_path / "site") == set()


def test_unchanged_notices_are_not_parsed_or_rendered_again(tmp_path, monkeypatch):
    generate(tmp_path / "site", 12, seed=5, kb=3)
    assert build_site(tmp_path / "site", tmp_path / "out", search=False).ok
    parsed = counting(monkeypatch, reader, "parse_notice")
    rendered = counting(monkeypatch, render, "render_notice")
    assert build_site(tmp_path / "site", tmp_path / "out", search=False).ok
    assert (parsed, rendered) == ([], [])
    notice = sorted((tmp_path / "site" / "content").rglob("*.md"))[3]
    notice.write_text(notice.read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    assert build_site(tmp_path / "site", tmp_path / "out", search=False).ok
    assert (len(parsed), len(rendered)) == (1, 1)


def own_template(site: Path, name: str, old: str, new: str) -> None:
    """The theme's template `name` copied into the site's templates/, with one edit."""
    templates = site / "templates"
    templates.mkdir(exist_ok=True)
    text = (Path(build.__file__).resolve().parents[2] / "templates" / name).read_text(encoding="utf-8")
    assert old in text
    (templates / name).write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_template_edit_makes_pages_again_and_nothing_else(tmp_path, monkeypatch):
    """Editing the theme (here the notice page's) is not a cold build: no notice is read into the build state
    again, no search shard is indexed again, no data record or ledger is written again; every page is made again
    with the edit, and the result is a clean build's (issue #28)."""
    from site_gen.engine import search
    from site_gen.engine import site as engine_site

    generate(tmp_path / "site", 6, seed=5, kb=3)
    out = tmp_path / "out"
    assert build_site(tmp_path / "site", out).ok
    before = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    own_template(tmp_path / "site", "notice.html", '<article class="notice"', '<article data-mine class="notice"')
    rendered = counting(monkeypatch, render, "render_notice")
    read = counting(monkeypatch, engine_site, "read_record")
    indexed = counting(monkeypatch, search, "run_pagefind")
    assert build_site(tmp_path / "site", out).ok
    assert (len(rendered), read, indexed) == (6, [], [])
    pages = sorted((out / "notices").rglob("*.html"))
    assert len(pages) == 6 and all("data-mine" in page.read_text(encoding="utf-8") for page in pages)
    after = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    kept = [path for path in before if not path.endswith(".html") and after.get(path) == before[path]]
    assert any(path.endswith(".json") for path in kept) and any(path.endswith(".xlsx") for path in kept)
    assert any(path.startswith(addresses.SEARCH_FOLDER + "/") for path in kept)
    assert build_site(tmp_path / "site", tmp_path / "clean", use_cache=False).ok
    pages_of = lambda files: {k: v for k, v in files.items() if not k.startswith(addresses.SEARCH_FOLDER)}  # noqa: E731
    assert pages_of(tree(out)) == pages_of(tree(tmp_path / "clean"))  # Pagefind's own bytes vary run to run (#638)


def test_a_card_template_edit_reads_every_notice_again(tmp_path, monkeypatch):
    """A notice's cards are rendered when it is read and kept in the build state: editing the card's template
    starts a fresh cache, and every list shows the edit."""
    from site_gen.engine import site as engine_site

    generate(tmp_path / "site", 6, seed=5, kb=3)
    out = tmp_path / "out"
    assert build_site(tmp_path / "site", out, search=False).ok
    own_template(tmp_path / "site", "_notice_card.html", '<li class="notice-card"', '<li data-mine class="notice-card"')
    read = counting(monkeypatch, engine_site, "read_record")
    assert build_site(tmp_path / "site", out, search=False).ok
    assert len(read) == 6
    assert (out / "index.html").read_text(encoding="utf-8").count("data-mine") == 6
    assert build_site(tmp_path / "site", tmp_path / "clean", search=False, use_cache=False).ok
    assert tree(out) == tree(tmp_path / "clean")


def test_a_stylesheet_edit_makes_the_404_page_again(tmp_path):
    """The 404 page carries the stylesheet in it; the stylesheet is copied, not a template: the page's key holds
    it (its key was a constant, right only while every theme file named the whole cache)."""
    generate(tmp_path / "site", 3, seed=5, kb=2)
    out = tmp_path / "out"
    assert build_site(tmp_path / "site", out, search=False).ok
    assets = tmp_path / "site" / "templates" / "assets"
    assets.mkdir(parents=True)
    css = (Path(build.__file__).resolve().parents[2] / "templates" / "assets" / "site.css").read_text(encoding="utf-8")
    (assets / "site.css").write_text(css + "\n.mine { color: black; }\n", encoding="utf-8")
    assert build_site(tmp_path / "site", out, search=False).ok
    assert ".mine" in (out / "404.html").read_text(encoding="utf-8")
    assert build_site(tmp_path / "site", tmp_path / "clean", search=False, use_cache=False).ok
    assert tree(out) == tree(tmp_path / "clean")


def stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_incremental_build_equals_clean_build(tmp_path):
    site, out = tmp_path / "site", tmp_path / "out"
    generate(site, 12, seed=7, kb=3)
    assert build_site(site, out, search=False).ok
    notices = sorted((site / "content").rglob("*.md"))
    notices[2].write_text(notices[2].read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    notices[5].unlink()  # a notice withdrawn: its page and data must go
    shutil.copy(notices[0], notices[0].with_name("added.md"))
    added = notices[0].with_name("added.md")
    added.write_text(added.read_text(encoding="utf-8").replace("organization: ", "organization: 新", 1), "utf-8")
    result = build_site(site, out, search=False)
    assert result.ok and 0 < result.written < 40
    assert build_site(site, tmp_path / "clean", search=False, use_cache=False).ok
    assert tree(out) == tree(tmp_path / "clean")


def test_incremental_build_of_a_registry_site_equals_clean_build(tmp_path):
    """The organisation pages show per-issue data and the registry: their keys must change when those do."""
    site, out = tmp_path / "site", tmp_path / "out"
    shutil.copytree(Path(__file__).parent / "fixtures" / "registry", site)
    assert build_site(site, out, search=False).ok
    water, justice = site / "content" / "2025" / "水务局.md", site / "content" / "2025" / "司法局.md"
    water.write_text(water.read_text(encoding="utf-8").replace("正在整改", "整改完成"), encoding="utf-8")
    text = justice.read_text(encoding="utf-8").replace("organization: 县司法局", "organization: 水务局党组")
    justice.write_text(text, encoding="utf-8")  # now a notice of the water bureau, by its alias
    assert build_site(site, out, search=False).ok
    assert build_site(site, tmp_path / "clean", search=False, use_cache=False).ok
    assert tree(out) == tree(tmp_path / "clean")
    page = (out / "organizations" / "shuiwu.html").read_text(encoding="utf-8")
    assert "小型水库" not in page and "调解员队伍老化" in page  # closed here; open in the notice it gained
    assert not (out / "organizations" / "zhonggongshilixiansifajudangzu.html").exists()


def test_unchanged_files_are_not_written_again(tmp_path):
    site, out = tmp_path / "site", tmp_path / "out"
    generate(site, 12, seed=5, kb=3)
    assert build_site(site, out, search=False).ok
    before = stamps(out)
    result = build_site(site, out, search=False)
    assert result.ok and result.written == 0 and stamps(out) == before
    notice = sorted((site / "content").rglob("*.md"))[3]
    notice.write_text(notice.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    assert build_site(site, out, search=False).ok
    after = stamps(out)
    rewritten = sorted(path for path in after if after[path] != before.get(path))
    slug = notice.relative_to(site / "content").with_suffix("").as_posix()
    # the body changed, not its title, summary or statuses: no listing shows it, so only its page and the open data
    # (notices.json and the ledgers carry the measures: its own ledger, its organisation's and the site's)
    pages = [path for path in rewritten if "ledger" not in path]
    assert pages == sorted([f"notices/{slug}.html", f"notices/{slug}.json", "notices.json"]), rewritten
    ledgers = [path for path in rewritten if "ledger" in path]
    own = [f"notices/{slug}.ledger.csv", f"notices/{slug}.ledger.xlsx"]
    assert ledgers[:4] == ["ledger.csv", "ledger.xlsx", *own] and len(ledgers) == 6, rewritten
    assert ledgers[4].startswith("organizations/") and ledgers[4].rsplit(".", 2)[0] == ledgers[5].rsplit(".", 2)[0]


def test_a_file_removed_from_output_by_hand_comes_back(tmp_path):
    site, out = tmp_path / "site", tmp_path / "out"
    generate(site, 6, seed=5, kb=3)
    assert build_site(site, out, search=False).ok
    page = next((out / "notices").rglob("*.html"))
    expected = page.read_bytes()
    page.unlink()
    assert build_site(site, out, search=False).ok
    assert page.read_bytes() == expected


def test_search_is_added_to_an_output_built_without_it(tmp_path):
    site, out = tmp_path / "site", tmp_path / "out"
    generate(site, 4, seed=5, kb=2)
    assert build_site(site, out, search=False).ok
    assert not (out / "pagefind").exists()
    assert build_site(site, out, search=True).ok  # nothing changed in the notices, but the index was asked for
    shards = sorted(p.name for p in (out / "pagefind").iterdir() if p.is_dir())
    assert shards and all(name.isdigit() for name in shards)
    (site / "static").mkdir()
    (site / "static" / "notice.txt").write_text("公告", encoding="utf-8")
    assert build_site(site, out, search=True).ok  # a static file alone: the index stays
    assert sorted(p.name for p in (out / "pagefind").iterdir() if p.is_dir()) == shards
    assert (out / "notice.txt").read_text(encoding="utf-8") == "公告"


def test_the_cache_keeps_pages_from_a_failed_build_to_the_next_successful_one(tmp_path):
    site, out = tmp_path / "site", tmp_path / "out"
    generate(site, 5, seed=5, kb=2)
    notices = sorted((site / "content").rglob("*.md"))
    text = break_date(notices[0])
    assert not build_site(site, out, search=False).ok
    assert len(cached_pages(site)) == 4  # the pages the failed build made, for the build after the fix
    notices[1].write_text(notices[1].read_text(encoding="utf-8") + "\n补充。\n", encoding="utf-8")
    assert not build_site(site, out, search=False).ok  # still broken: the edited notice's new page is kept too
    assert len(cached_pages(site)) == 5
    notices[0].write_text(text, encoding="utf-8")
    assert build_site(site, out, search=False).ok
    assert cached_pages(site) == set()  # committed: output/ holds them all


def test_compiled_templates_are_kept_and_reused(tmp_path, monkeypatch):
    site, out = tmp_path / "site", tmp_path / "out"
    generate(site, 3, seed=5, kb=2)
    assert build_site(site, out, search=False).ok
    folder = next(p for p in (site / ".site-gen-cache").iterdir() if p.is_dir()) / "templates"
    assert len(list(folder.glob("__jinja2_*.cache"))) >= 5  # notice, index, base, macros, listings...
    compiled = []
    original = jinja2.Environment.compile

    def compiling(self, *args, **kwargs):
        compiled.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compiling)
    notice = sorted((site / "content").rglob("*.md"))[0]
    notice.write_text(notice.read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    assert build_site(site, out, search=False).ok
    assert compiled == []  # every template came from the cache
    assert "改" in (out / "index.html").read_text(encoding="utf-8")


def test_a_digest_is_of_its_parts_and_their_boundaries():
    from site_gen.engine.cache import digest

    assert digest("通报", "a") == digest("通报".encode(), "a") == digest("通报", b"a")  # text and bytes alike
    assert digest("ab", "c") != digest("a", "bc") and digest("a") != digest("a", "")
    assert digest() != digest("")


def test_kept_files_are_links_or_else_copies_and_read_back_whole_or_not_at_all(tmp_path, monkeypatch):
    from site_gen.engine.cache import BuildCache, text_digest

    cache = BuildCache(tmp_path / "site")
    page, data = tmp_path / "page.html", tmp_path / "data.json"
    page.write_text("<h1>通报</h1>", encoding="utf-8")
    data.write_text('{"标题": "通报"}', encoding="utf-8")
    sums = (text_digest("<h1>通报</h1>"), text_digest('{"标题": "通报"}'))
    assert cache.keep_files("page-1", (page, data), sums)
    assert (cache.kept / "page-1.0").stat().st_ino == page.stat().st_ino  # linked: nothing copied
    assert cache.kept_texts("page-1", 2) == ("<h1>通报</h1>", '{"标题": "通报"}')

    def cross_device(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr("os.link", cross_device)
    assert cache.keep_files("page-2", (page, data), sums)
    assert (cache.kept / "page-2.0").stat().st_ino != page.stat().st_ino
    assert cache.kept_texts("page-2", 2) == ("<h1>通报</h1>", '{"标题": "通报"}')
    (cache.kept / "page-2.1").unlink()  # a build killed between the two
    assert cache.kept_texts("page-2", 2) is None
    assert not [p for p in cache.kept.iterdir() if p.name.startswith(".")]  # no copy left half-way


def test_a_notice_touched_but_unchanged_is_read_once_and_output_left_alone(tmp_path, monkeypatch):
    """A checkout or a save without edits changes a file's stamp, not its text: the build reads it, finds output/
    already right, and notes the new stamp, so the builds after it take the no-change path again."""
    site, out = tmp_path / "site", tmp_path / "out"
    generate(site, 6, seed=5, kb=2)
    assert build_site(site, out, search=False).ok
    written = stamps(out)
    notice = sorted((site / "content").rglob("*.md"))[2]
    notice.write_bytes(notice.read_bytes())  # same text, new change time
    parsed = counting(monkeypatch, reader, "parse_notice")
    first = build_site(site, out, search=False)
    assert first.ok and first.written == 0 and len(parsed) == 1
    assert build_site(site, out, search=False).ok
    assert len(parsed) == 1  # not read again: the stamp was noted
    assert stamps(out) == written
