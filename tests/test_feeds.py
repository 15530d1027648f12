"""Atom feeds (RFC 4287), sitemap.xml and robots.txt of the sample site."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET

A = "{http://www.w3.org/2005/Atom}"
BASE = "https://xczg.linjiang.example.cn/"  # site.yaml


def parse(path):
    return ET.parse(path).getroot()


def check_feed(feed: ET.Element) -> list[ET.Element]:
    """The elements RFC 4287 requires of a feed and of every entry."""
    assert feed.tag == f"{A}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{A}{required}") is not None and feed.find(f"{A}{required}").text
    assert feed.find(f"{A}author/{A}name").text
    self_link = [link for link in feed.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_link) == 1 and self_link[0].get("href").startswith(BASE)
    entries = feed.findall(f"{A}entry")
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(f"{A}{required}").text
        assert entry.find(f"{A}updated").text.endswith("T00:00:00Z")
        (alternate,) = [link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
        assert alternate.get("href").startswith(BASE + "notices/")
    ids = [entry.find(f"{A}id").text for entry in entries]
    assert len(ids) == len(set(ids))
    return entries


def test_site_feed_lists_every_published_notice(built_site):
    entries = check_feed(parse(built_site / "feed.xml"))
    data = json.loads((built_site / "notices.json").read_text(encoding="utf-8"))
    assert [e.find(f"{A}link").get("href") for e in entries] == [BASE + n["url"] for n in data["notices"]]
    assert parse(built_site / "feed.xml").find(f"{A}updated").text == "2026-03-16T00:00:00Z"  # newest notice


def test_feed_ids_are_stable_across_builds(built_site, tmp_path):
    from site_gen.commands.build import build_site
    from tests.conftest import REPO

    assert build_site(REPO, tmp_path / "again").ok
    assert (tmp_path / "again" / "feed.xml").read_bytes() == (built_site / "feed.xml").read_bytes()


def test_organization_feed_has_only_its_notices(built_site):
    entries = check_feed(parse(built_site / "organizations" / "sifaju.xml"))
    assert [e.find(f"{A}title").text for e in entries] == [
        "中共临江区司法局党组关于十二届区委第三轮巡察整改进展情况的第三次通报",
        "中共临江区司法局党组关于十二届区委第三轮巡察整改进展情况的第二次通报",
        "中共临江区司法局党组关于十二届区委第三轮巡察整改进展情况的通报",
    ]
    second = entries[1].find(f"{A}summary").text  # what changed since the previous notice of its series
    assert second.startswith("1 项问题新完成，1 项逾期完成，1 项逾期，1 项反弹。")


def test_every_page_links_to_the_feed(built_site):
    html = (built_site / "notices" / "2025" / "linjiang-sifaju.html").read_text(encoding="utf-8")
    assert (
        '<link rel="alternate" type="application/atom+xml" title="云溪市临江区巡察整改公开" href="../../feed.xml">'
        in html
    )


def test_sitemap_lists_every_public_page_and_no_draft(built_site):
    urlset = parse(built_site / "sitemap.xml")
    locs = {loc.text for loc in urlset.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {
        BASE + p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*.html")
        if p.name not in ("404.html", "preview-error.html")
    }
    assert locs == pages
    assert not any("draft" in loc for loc in locs)


def test_robots_points_to_the_sitemap(built_site):
    assert (built_site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n"


def test_canonical_and_open_graph(built_site):
    html = (built_site / "notices" / "2025" / "linjiang-sifaju.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}notices/2025/linjiang-sifaju.html">' in html
    assert (
        '<meta property="og:title" content="中共临江区司法局党组关于十二届区委第三轮巡察整改进展情况的通报 - ' in html
    )
    assert '<meta property="og:description" content="区委第一巡察组反馈的 7 项问题中' in html


def test_a_feed_carries_the_newest_hundred_notices(tmp_path):
    import datetime as dt

    from site_gen.notice.config import load_config
    from site_gen.notice.reader import read_notice
    from site_gen.pages.feeds import FEED_ENTRIES, atom_feed
    from tests.conftest import REPO

    config, _ = load_config(REPO)
    notice, _ = read_notice(REPO / "content/2025/linjiang-shuiwuju.md", config)
    many = [
        dataclasses.replace(notice, slug=f"n{i}", date=notice.date - dt.timedelta(days=i))
        for i in range(FEED_ENTRIES + 20)
    ]
    root = ET.fromstring(atom_feed(config, many, "feed.xml", "t", "index.html").split("\n", 1)[1])
    entries = root.findall(f"{A}entry")
    assert len(entries) == FEED_ENTRIES == 100
    assert entries[0].find(f"{A}updated").text == f"{notice.date.isoformat()}T00:00:00Z"
