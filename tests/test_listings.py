"""Organisation, year and tag pages, and the dashboard: every total adds up to notices.json."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from site_gen.base.addresses import GroupAddresses
from site_gen.notice.model import Progress
from site_gen.notice.organizations import Organization, Registry
from site_gen.notice.summary import Summary
from site_gen.pages.groups import organization_groups, organization_view
from tests.htmlscan import Page

SLUGS = {  # the registry in the sample site.yaml
    "中共临江区司法局党组": "sifaju",
    "中共临江区水务局党组": "shuiwuju",
    "中共临江区教育局党组": "jiaoyuju",
    "Linjiang District Audit Office": "audit-office",
}


def notices_json(built_site):
    return json.loads((built_site / "notices.json").read_text(encoding="utf-8"))["notices"]


def linked_notices(page: Page) -> list[str]:
    """Each notice the page links to, once (an organisation's page links to a notice from its open problems too)."""
    return sorted(
        {
            a.attrs["href"].split("notices/", 1)[1]
            for a in page.find_all("a")
            if "notices/" in a.attrs.get("href", "") and a.attrs["href"].endswith(".html")
        }
    )


def test_each_organization_page_lists_exactly_its_notices(built_site):
    by_org: dict[str, list[str]] = {}
    for notice in notices_json(built_site):
        by_org.setdefault(notice["organization"], []).append(notice["url"].removeprefix("notices/"))
    assert len(by_org) == 4
    for organization, urls in by_org.items():
        page = Page((built_site / "organizations" / f"{SLUGS[organization]}.html").read_text(encoding="utf-8"))
        assert linked_notices(page) == sorted(urls), organization


def test_year_pages(built_site):
    page = Page((built_site / "years" / "2024.html").read_text(encoding="utf-8"))
    assert linked_notices(page) == ["2024/linjiang-jiaoyuju.html"]
    years = Page((built_site / "years" / "index.html").read_text(encoding="utf-8"))
    assert [a.attrs["href"] for a in years.find_all("a") if a.attrs["href"].endswith(("2024.html", "2025.html"))] == [
        "../years/2025.html",
        "../years/2024.html",
    ]


def test_tag_pages_only_for_tags_in_use(built_site):
    assert sorted(p.name for p in (built_site / "tags").glob("*.html")) == [
        "2024-nianxuncha.html",  # ASCII addresses: any host, FTP client and zip tool keeps them
        "index.html",
        "sifaxingzheng.html",
    ]


def test_dashboard_totals_equal_the_sum_over_notices_json(built_site):
    """Notices outside any series as notices.json counts them; a series' problems once, at their latest status."""
    expected = Counter()
    for notice in notices_json(built_site):
        if not notice["series"]:
            expected.update(notice["progress"]["counts"])
    for series in json.loads((built_site / "series.json").read_text(encoding="utf-8"))["series"]:
        expected.update(issue["history"][-1]["status"] for issue in series["issues"])
    page = Page((built_site / "dashboard.html").read_text(encoding="utf-8"))
    table = page.find_all("table")[0]
    rows = [line.split() for line in table.text.strip().splitlines() if line.strip()]
    html = (built_site / "dashboard.html").read_text(encoding="utf-8")
    total = sum(expected.values())
    assert total == 18  # 4 + 3 + 4 issues in three sample notices, and the 7 problems of the sample series
    assert f'<tfoot><tr><th scope="row">合计</th><td class="num">{total}</td>' in html
    labels = {
        "done": "整改完成",
        "done_ongoing": "完成并长期坚持",
        "deemed_done": "视同完成",
        "phase_done": "阶段性完成",
        "in_progress": "正在整改",
        "not_started": "尚未开始",
        "unstated": "未标明",
    }
    for status, count in expected.items():
        assert f'{labels[status]}</span></span></th><td class="num">{count}</td>' in html, status
    assert rows


def test_index_links_to_organizations_and_years(built_site):
    page = Page((built_site / "index.html").read_text(encoding="utf-8"))
    hrefs = {a.attrs["href"] for a in page.find_all("a")}
    assert {"organizations/index.html", "years/index.html", "dashboard.html", "years/2025.html"} <= hrefs


def test_registered_parents_of_publishing_units_get_a_page_and_list_them(tmp_path):
    registry = Registry(
        (
            Organization("中共某市委"),
            Organization("中共某县委", parent="中共某市委"),
            Organization("中共某县水务局党组", parent="中共某县委", slug="shuiwu"),
            Organization("中共某县税务局党组", parent="中共某县委"),  # publishes nothing: no page
        )
    )
    notice = Summary(
        "content/a.md", "a", "通报", "中共某县水务局党组", dt.date(2025, 1, 1), "", (), False, "", Progress((), 0)
    )
    found = organization_groups([notice], registry, GroupAddresses(registry.slugs()))
    names = [(g.name, len(g.notices)) for g in found]  # by name, as groups always are
    assert names == [("中共某县委", 0), ("中共某县水务局党组", 1), ("中共某市委", 0)]
    pages = {g.name: g for g in found}
    view = organization_view(pages["中共某县委"], registry, pages)
    assert view.parent == ("中共某市委", pages["中共某市委"].url) and [u[0] for u in view.units] == [
        "中共某县水务局党组"
    ]
    assert pages["中共某县水务局党组"].url == "organizations/shuiwu.html"  # the slug its entry gives
    plain = organization_groups([notice], Registry(), GroupAddresses())  # no registry: as written
    assert [(g.name, g.url) for g in plain] == [
        ("中共某县水务局党组", "organizations/zhonggongmouxianshuiwujudangzu.html")
    ]
