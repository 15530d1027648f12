"""Long lists come in pages of fifty: the home list and every group page, with numbered links between them."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from site_gen.commands.build import build_site
from site_gen.pages.groups import PAGE_SIZE, paginate
from tests.corpus import generate
from tests.htmlscan import Page

COUNT = 2 * PAGE_SIZE + 20  # three pages: 50, 50, 20


def test_pages_are_numbered_from_the_list_address():
    pages = paginate(list(range(COUNT)), "index.html")
    assert [(p.url, len(p.notices)) for p in pages] == [("index.html", 50), ("pages/2.html", 50), ("pages/3.html", 20)]
    group = paginate(list(range(COUNT)), "organizations/某局.html")
    assert [p.url for p in group] == [
        "organizations/某局.html",
        "organizations/某局~2.html",
        "organizations/某局~3.html",
    ]
    assert [p.url for p in paginate([], "index.html")] == ["index.html"]


@pytest.mark.parametrize(
    "number, count, shown",
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (5, 10, [1, None, 3, 4, 5, 6, 7, None, 10]),
        (1, 10, [1, 2, 3, None, 10]),
        (10, 10, [1, None, 8, 9, 10]),
        (4, 10, [1, 2, 3, 4, 5, 6, None, 10]),
    ],
)
def test_page_links_show_the_ends_and_the_neighbours(number, count, shown):
    page = paginate(list(range(count * PAGE_SIZE)), "index.html")[number - 1]
    assert page.numbers == shown


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("long")
    generate(root / "site", COUNT, seed=11, kb=2)
    assert build_site(root / "site", root / "out", search=False).ok
    return root


def notice_links(out: Path, url: str) -> list[str]:
    """The notice pages a listing page links to, as paths from the site root (each checked to exist)."""
    page = Page((out / url).read_text(encoding="utf-8"))
    found = []
    for a in page.find_all("a"):
        href = a.attrs.get("href", "")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(url), href))
        if target.startswith("notices/") and target.endswith(".html"):
            assert (out / target).is_file(), f"{url} links to a missing page {href}"
            found.append(target)
    return found


def test_the_home_list_is_split_into_pages_that_list_every_notice_once(long_site):
    out = long_site / "out"
    listed = [notice_links(out, url) for url in ("index.html", "pages/2.html", "pages/3.html")]
    assert [len(urls) for urls in listed] == [50, 50, 20]
    every = [url for urls in listed for url in urls]
    assert sorted(every) == sorted(p.relative_to(out).as_posix() for p in (out / "notices").rglob("*.html"))
    assert not (out / "pages" / "4.html").exists()


def test_pages_link_to_each_other(long_site):
    out = long_site / "out"
    second = Page((out / "pages" / "2.html").read_text(encoding="utf-8"))
    nav = [a for a in second.find_all("a") if "pagination__" in a.attrs.get("class", "")]
    assert [(a.attrs["href"], a.text.strip()) for a in nav] == [
        ("../index.html", "‹ 上一页"),
        ("../index.html", "1"),
        ("../pages/2.html", "2"),
        ("../pages/3.html", "3"),
        ("../pages/3.html", "下一页 ›"),
    ]
    assert [a.attrs.get("aria-current") for a in nav if a.text.strip() == "2"] == ["page"]
    assert '<link rel="prev" href="../index.html">' in second.html
    assert '<link rel="next" href="../pages/3.html">' in second.html
    assert "第 2 页，共 3 页" in second.find_all("title")[0].text
    first = (out / "index.html").read_text(encoding="utf-8")
    assert '<link rel="next" href="pages/2.html">' in first and 'rel="prev"' not in first


def test_a_big_group_has_pages_too(long_site):
    out = long_site / "out"
    years = {p.stem.split("~")[0] for p in (out / "years").glob("*.html") if p.stem != "index"}
    for year in years:
        pages = sorted((out / "years").glob(f"{year}*.html"))
        counts = [len(notice_links(out, f"years/{p.name}")) for p in pages]
        assert all(count <= PAGE_SIZE for count in counts)
    total = sum(len(notice_links(out, f"years/{p.name}")) for p in (out / "years").glob("*.html") if p.stem != "index")
    assert total == COUNT


def test_an_edit_rewrites_only_the_page_that_lists_the_notice(tmp_path):
    generate(tmp_path / "site", COUNT, seed=11, kb=2)
    out = tmp_path / "out"
    assert build_site(tmp_path / "site", out, search=False).ok
    last = notice_links(out, "pages/3.html")[-1]  # the oldest notice
    before = {p: (out / p).stat().st_mtime_ns for p in ("index.html", "pages/2.html", "pages/3.html")}
    source = next((tmp_path / "site" / "content").rglob(Path(last).with_suffix(".md").name))
    source.write_text(source.read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    assert build_site(tmp_path / "site", out, search=False).ok
    after = {p: (out / p).stat().st_mtime_ns for p in before}
    assert [p for p in before if before[p] != after[p]] == ["pages/3.html"]
    assert "改" in (out / "pages" / "3.html").read_text(encoding="utf-8")
