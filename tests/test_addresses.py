"""The address book: every output path in one place, ASCII, and never outside the site."""

from __future__ import annotations

import pytest

from site_gen import addresses


def test_notice_files_and_list_pages():
    assert addresses.notice_page("2025/linjiang") == "notices/2025/linjiang.html"
    assert addresses.notice_data("2025/linjiang") == "notices/2025/linjiang.json"
    assert addresses.list_page("index.html", 1) == "index.html"
    assert addresses.list_page("index.html", 3) == "pages/3.html"
    assert addresses.list_page("years/2025.html", 2) == "years/2025~2.html"


def test_group_pages_are_named_in_pinyin():
    assert (
        addresses.group_page("organization", "中共临江区司法局党组")
        == "organizations/zhonggonglinjiangqusifajudangzu.html"
    )
    assert (
        addresses.group_feed("organization", "中共临江区司法局党组")
        == "organizations/zhonggonglinjiangqusifajudangzu.xml"
    )
    assert addresses.group_page("tag", "Water supply") == "tags/water-supply.html"
    assert addresses.group_slug("重庆市") == "chongqingshi"  # phrase-aware: not zhongqing


@pytest.mark.parametrize(
    "name",
    [
        "中共临江区司法局党组",
        "2024年巡察",
        "Audit Office",
        "！！",
        "a" * 300,
        "index",
        "中共X局/党组",
        "司法局\u3000党组",
    ],
)
def test_every_group_address_is_a_short_ascii_file_name(name):
    slug = addresses.group_slug(name)
    assert slug.isascii() and 0 < len(slug) <= addresses.MAX_SLUG
    assert "/" not in slug and slug not in ("index", "pages") and not slug.startswith(("-", "."))


def test_names_that_differ_only_in_punctuation_share_a_slug_which_check_reports():
    assert addresses.group_slug("中共X局/党组") == addresses.group_slug("中共X局:党组")  # see engine.group_clashes


def test_an_attachment_is_published_beside_its_notice():
    assert addresses.attachment("2025/linjiang", "files/survey.pdf") == "notices/2025/files/survey.pdf"
    assert addresses.attachment("2025/linjiang", "./a.pdf") == "notices/2025/a.pdf"


@pytest.mark.parametrize("path", ["javascript:alert(1)", "files/a:b.pdf", "../../../etc/passwd", "/etc/passwd", ""])
def test_an_attachment_address_never_leaves_the_site_or_carries_a_scheme(path):
    with pytest.raises(addresses.UnsafeAddress):
        addresses.attachment("2025/linjiang", path)


def test_relative_root():
    assert addresses.relative_root("index.html") == ""
    assert addresses.relative_root("notices/2025/a.html") == "../../"
