"""The address book: every output path in one place, ASCII, and never outside the site."""

from __future__ import annotations

import re

import pytest

from site_gen.base import addresses
from site_gen.notice.config import load_config

PLAIN = addresses.GroupAddresses()  # a site without an organisations registry


def test_notice_files_and_list_pages():
    assert addresses.notice_page("2025/linjiang") == "notices/2025/linjiang.html"
    assert addresses.notice_data("2025/linjiang") == "notices/2025/linjiang.json"
    assert addresses.list_page("index.html", 1) == "index.html"
    assert addresses.list_page("index.html", 3) == "pages/3.html"
    assert addresses.list_page("years/2025.html", 2) == "years/2025~2.html"


def test_group_pages_are_named_in_pinyin():
    assert PLAIN.page("organization", "中共临江区司法局党组") == "organizations/zhonggonglinjiangqusifajudangzu.html"
    assert PLAIN.feed("organization", "中共临江区司法局党组") == "organizations/zhonggonglinjiangqusifajudangzu.xml"
    assert PLAIN.page("tag", "Water supply") == "tags/water-supply.html"
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


def test_a_notice_address_is_made_ascii_folder_by_folder():
    assert addresses.ascii_slug("2025/水务局") == "2025/shuiwuju"
    assert addresses.ascii_slug("二〇二五/水务局（二）") == "erlingerwu/shuiwuju-er"
    assert addresses.ascii_slug("2025/Linjiang-SFJ_2") == "2025/Linjiang-SFJ_2"  # ASCII: exactly as written


def test_a_name_with_no_letters_to_transliterate_gets_a_stable_hash():
    assert addresses.ascii_part("（）") == addresses.ascii_part("（）") == "n-" + addresses.short_hash("（）")
    assert addresses.ascii_part("（）") != addresses.ascii_part("【】")


def test_a_very_long_chinese_name_is_cut_with_a_hash():
    long_name = "关于中共临江区司法局党组落实十二届区委第三轮巡察反馈意见整改进展情况的通报" * 2
    part = addresses.ascii_part(long_name)
    assert len(part) == addresses.MAX_SLUG and part.isascii() and part.endswith(addresses.short_hash(long_name))


def test_an_attachment_keeps_its_folder_and_extension():
    assert addresses.ascii_file_path("files/满意度测评表.pdf") == "files/manyiducepingbiao.pdf"
    assert addresses.ascii_file_path("附件/表一.DOCX") == "fujian/biaoyi.DOCX"
    assert addresses.ascii_file_path("files/survey.pdf") == "files/survey.pdf"
    assert addresses.attachment("2025/shuiwuju", "附件/测评.pdf") == "notices/2025/fujian/ceping.pdf"


def test_an_organisation_page_takes_its_registry_slug_and_only_for_the_site_loaded(tmp_path):
    registered, plain = tmp_path / "registered", tmp_path / "plain"
    registered.mkdir(), plain.mkdir()
    (registered / "site.yaml").write_text(
        "organizations:\n  - name: 中共示例县水务局党组\n    slug: shuiwu\n", encoding="utf-8"
    )
    book = load_config(registered)[0].group_addresses
    assert book.page("organization", "中共示例县水务局党组") == "organizations/shuiwu.html"
    assert book.feed("organization", "中共示例县水务局党组") == "organizations/shuiwu.xml"
    assert book.page("tag", "中共示例县水务局党组") == "tags/zhonggongshilixianshuiwujudangzu.html"
    other = load_config(plain)[0].group_addresses  # another site loaded after it: its names are its own
    assert book.page("organization", "中共示例县水务局党组") == "organizations/shuiwu.html"
    assert other.page("organization", "中共示例县水务局党组") == ("organizations/zhonggongshilixianshuiwujudangzu.html")


def test_a_notices_address_from_its_file_fits_and_an_address_written_by_hand_is_checked_by_the_same_rule():
    long_name = "2025/" + "关于整改进展情况的通报" * 6
    made = addresses.file_slug(long_name)
    assert len(made) == addresses.MAX_ADDRESS and made.startswith("2025/guanyuzhenggai")
    assert made.endswith(addresses.short_hash(long_name)) and addresses.slug_problem(made) is None
    assert addresses.file_slug("2025/shuiwuju") == "2025/shuiwuju"  # short ones as they were
    assert addresses.slug_problem("2025/" + "a" * 80) == "slug-too-long"  # written by hand: said, not shortened
    assert addresses.slug_problem("/".join("a" * 9)) == "slug-too-long" and not addresses.slug_problem(
        "/".join("a" * 8)
    )
    assert addresses.slug_problem("a b") == "slug-invalid" and addresses.slug_problem("../x") == "slug-invalid"


@pytest.mark.parametrize("name", ["ABC科技", "第1组", "Zhang San", "区委·巡察办", "index", "Pages", "__x__", "ÉCOLE"])
def test_a_registry_may_give_an_organisation_exactly_the_kind_of_slug_site_gen_makes(name):
    from site_gen.notice.organizations import Organization, _slug_problems

    made = addresses.make_group_slug(name)
    assert addresses.GROUP_SLUG.match(made) and made not in addresses.RESERVED_NAMES
    given = Organization(name=name, slug=made)
    assert _slug_problems(given, "organizations[0]", {}, "organizations.yaml", {}) == []


def spelt_addresses(template: str) -> list[str]:
    """Addresses a template writes out itself: after {{ root }}, or a whole href/src value without any {{ }}."""
    after_root = re.findall(r"\{\{\s*root\s*\}\}([A-Za-z0-9_./-]+)", template)
    literal = re.findall(r'(?:href|src|action)="(?![a-z]+:|#|\{)([^"{]+)"', template)
    return after_root + literal


def test_no_template_spells_an_address_the_address_book_has():
    from site_gen.base.theme import theme_dir

    assert spelt_addresses('<a href="{{ root }}dashboard.html">') == ["dashboard.html"]  # the scan sees one
    assert spelt_addresses('<a href="index.html">') == ["index.html"]
    assert (
        spelt_addresses('<a href="{{ root }}{{ at.home }}"><a href="#main"><a href="https://beian.miit.gov.cn/">') == []
    )
    found = {
        path.name: spelt
        for path in sorted(theme_dir().glob("*.html"))
        if (spelt := spelt_addresses(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_every_address_templates_are_given_is_a_file_the_build_publishes(built_site):
    for name, address in addresses.template_addresses().items():
        assert (built_site / address).is_file(), name
