"""Declared outputs: each file's key changes exactly when what it shows changes."""

from __future__ import annotations

from pathlib import Path

from site_gen.engine.site import Site

NOTICE = "content/2025/linjiang-shuiwuju.md"


def keys(site_dir: Path) -> dict[str, str]:
    site = Site.open(site_dir, drafts=False)
    site.load({})
    return {path: output.key for path, output in site.declared().items()}


def edit(site: Path, old: str, new: str) -> None:
    path = site / NOTICE
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def test_a_measures_edit_changes_its_notice_page_and_the_open_data_only(site):
    before = keys(site)
    edit(site, "夜间巡查 14 次", "夜间巡查 15 次")
    assert changed(before, keys(site)) == {
        "notices/2025/linjiang-shuiwuju.html",
        "notices/2025/linjiang-shuiwuju.json",
        "notices.json",  # it holds every issue's measures as text; no list page, feed or the sitemap shows them
        "notices/2025/linjiang-shuiwuju.ledger.xlsx",  # so do the ledgers: its own, its organisation's, the site's
        "notices/2025/linjiang-shuiwuju.ledger.csv",
        "ledger.xlsx",
        "ledger.csv",
        "organizations/shuiwuju.ledger.xlsx",
        "organizations/shuiwuju.ledger.csv",
    }


def test_a_title_edit_changes_the_pages_listing_the_notice(site):
    before = keys(site)
    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 新标题")
    assert changed(before, keys(site)) == {
        "notices/2025/linjiang-shuiwuju.html",
        "notices/2025/linjiang-shuiwuju.json",
        "index.html",
        "organizations/shuiwuju.html",  # its slug in the sample's registry
        "organizations/shuiwuju.xml",
        "years/2025.html",
        "feed.xml",
        "notices.json",
        "notices/2025/linjiang-shuiwuju.ledger.xlsx",  # the ledgers name each row's notice
        "notices/2025/linjiang-shuiwuju.ledger.csv",
        "ledger.xlsx",
        "ledger.csv",
        "organizations/shuiwuju.ledger.xlsx",
        "organizations/shuiwuju.ledger.csv",
    }


def test_a_status_edit_also_changes_the_totals(site):
    before = keys(site)
    edit(site, "整改进度：正在整改", "整改进度：整改完成")
    moved = changed(before, keys(site))
    assert {"dashboard.html", "organizations/index.html", "years/index.html", "index.html"} <= moved
    assert "organizations/shuiwuju.html" in moved  # its open problems: one fewer
    assert "notices/2025/linjiang-sifaju.html" not in moved and "search.html" not in moved


def test_a_registry_contact_edit_changes_the_organisation_page(site):
    before = keys(site)
    path = site / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("0571-8800 4567", "0571-8800 4568"), encoding="utf-8")
    assert "organizations/shuiwuju.html" in changed(before, keys(site))


def test_every_file_of_a_build_is_declared(site, tmp_path):
    from site_gen.commands.build import build_site

    assert build_site(site, tmp_path / "out", search=False).ok
    built = {p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert built == set(keys(site))


SERIES_PAGE = "series/shierjiequweidisanlunxuncha-qusifaju.html"
FIRST, SECOND, THIRD = (
    "notices/2025/linjiang-sifaju.html",
    "notices/2025/linjiang-sifaju-2.html",
    "notices/2026/linjiang-sifaju-3.html",
)


def edit_at(site: Path, relative: str, old: str, new: str) -> None:
    path = site / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_measures_edit_in_a_series_leaves_the_neighbours_pages_alone(site):
    """The neighbours show no measures: their keys are what they show of the notice, not its file."""
    before = keys(site)
    edit_at(site, "content/2025/linjiang-sifaju-2.md", "报名 27 人", "报名 28 人")
    assert changed(before, keys(site)) == {
        SECOND,
        SECOND.replace(".html", ".json"),
        "notices.json",  # it carries the measures as text
        SECOND.replace(".html", ".ledger.xlsx"),  # and so do the ledgers: its own, its series', its organisation's
        SECOND.replace(".html", ".ledger.csv"),  # and the site's
        SERIES_PAGE.replace(".html", ".ledger.xlsx"),
        SERIES_PAGE.replace(".html", ".ledger.csv"),
        "ledger.xlsx",
        "ledger.csv",
        "organizations/sifaju.ledger.xlsx",
        "organizations/sifaju.ledger.csv",
    }


def test_a_status_edit_in_a_series_changes_the_later_neighbour_the_series_page_and_the_totals(site):
    before = keys(site)
    edit_at(
        site,
        "content/2025/linjiang-sifaju-2.md",
        "整改进度：正在整改\n整改时限：2025年12月底",
        "整改进度：整改完成\n整改时限：2025年12月底",
    )
    found = changed(before, keys(site))
    assert {SECOND, THIRD, SERIES_PAGE, "series.json", "dashboard.html", "organizations/sifaju.html"} <= found
    assert FIRST not in found  # it shows nothing of the notices after it but the next one's title and date


def test_a_title_edit_in_a_series_changes_both_neighbours(site):
    before = keys(site)
    edit_at(site, "content/2025/linjiang-sifaju-2.md", "title: 中共临江区司法局党组关于", "title: 区司法局党组关于")
    assert {FIRST, SECOND, THIRD, SERIES_PAGE} <= changed(before, keys(site))
