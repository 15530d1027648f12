"""The address book: every path is ASCII, whatever language the clerk named things in."""

from __future__ import annotations

from site_gen import addresses
from site_gen.config import load_config


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
    load_config(registered)
    assert addresses.group_page("organization", "中共示例县水务局党组") == "organizations/shuiwu.html"
    assert addresses.group_feed("organization", "中共示例县水务局党组") == "organizations/shuiwu.xml"
    assert addresses.group_page("tag", "中共示例县水务局党组") == "tags/zhonggongshilixianshuiwujudangzu.html"
    load_config(plain)  # another site: its names are its own
    assert addresses.group_page("organization", "中共示例县水务局党组") == (
        "organizations/zhonggongshilixianshuiwujudangzu.html"
    )
