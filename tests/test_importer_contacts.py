"""site_gen/importer/contacts.py: the publisher's phones, e-mails, address and other channels."""

from __future__ import annotations

from site_gen.importer.boilerplate import strip_chrome
from site_gen.importer.contacts import find_contacts
from tests.importer_support import FIXTURES, SEED_000, SEED_001, SEED_002, body, needs_seeds, read_lines


def test_phone_separators_and_area_codes():
    found = find_contacts(
        body("监督电话：0635—8888888，0635-7777777，（0530）1234567，6666666；手机13912345678；12388")
    )
    assert found.phones == ["0635-8888888", "0635-7777777", "（0530）1234567", "6666666", "13912345678", "12388"]


def test_email_followed_by_a_full_stop_and_a_label_without_colon():
    found = find_contacts(body("联系方式:电话7654321;电子邮箱abc_def@163.com。"))
    assert (found.phones, found.emails) == (["7654321"], ["abc_def@163.com"])


def test_email_split_over_two_lines():
    split_after_dot = find_contacts(body("欢迎监督。电子邮箱：shuili_jiandu@example.", "com。"))
    assert split_after_dot.emails == ["shuili_jiandu@example.com"]
    split_in_domain = find_contacts(body("来信请发邮箱：xcb@exa", "mple.gov.cn"))
    assert split_in_domain.emails == ["xcb@example.gov.cn"]


def test_a_complete_email_at_a_line_end_is_not_joined_to_the_next_line():
    found = find_contacts(body("电子邮箱：xcb@163.com", "QQ群：12345678"))
    assert found.emails == ["xcb@163.com"]


def test_address_and_a_second_offices_mailbox():
    found = find_contacts(
        body("欢迎监督。联系电话：0530-1234567；通信地址：示例县人民路1号；也可投递至县委巡察办意见箱。")
    )
    assert found.address == "示例县人民路1号"
    assert found.other == ["也可投递至县委巡察办意见箱"]


def test_numbers_far_from_the_end_are_not_contacts():
    lines = body("2023年共办理案件1234567件，联系电话统计……", *["其他段落。"] * 8)
    assert find_contacts(lines).phones == []


@needs_seeds
def test_seeds_publishers_contacts():
    def contacts_of(seed):
        return find_contacts(strip_chrome(read_lines(seed))[0])

    seed_000 = contacts_of(SEED_000)
    assert (seed_000.phones, seed_000.emails, seed_000.address) == (["8419109"], ["dcfqsfjagk@163.com"], "")
    seed_001 = contacts_of(SEED_001)  # the site footer's 027-60896105 and 明塘路70号 belong to the website
    assert (seed_001.phones, seed_001.emails, seed_001.address) == (["027-56919296"], ["895724885@qq.com"], "")
    seed_002 = contacts_of(SEED_002)
    assert (seed_002.phones, seed_002.emails, seed_002.address) == ([], [], "")


def test_fixtures_publishers_contacts():
    def contacts_of(name):
        return find_contacts(strip_chrome(read_lines(FIXTURES / name))[0])

    no_status = contacts_of("no_status_subs.txt")  # 电话7651234;电子邮箱… with no colon after the label
    assert (no_status.phones, no_status.emails, no_status.address) == (["7651234"], ["tjj_xczg@163.com"], "")
    blocks = contacts_of("status_blocks.txt")  # the site footer's 0710-5550000 and 政务路9号 belong to the website
    assert (blocks.phones, blocks.emails, blocks.address) == (["0710-5551234"], ["xczg_mzj@qq.com"], "")
    report = contacts_of("not_a_notice.txt")
    assert (report.phones, report.emails, report.address) == ([], [], "")


def test_an_email_split_across_a_blank_line_reaches_the_contacts(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>欢迎监督。电子邮箱：jiandu_ban</p><p></p><p>@example.gov.cn。</p>", encoding="utf-8")
    found = find_contacts(strip_chrome(read_lines(page))[0])
    assert found.emails == ["jiandu_ban@example.gov.cn"]


def test_phone_and_address_split_by_the_layout_are_joined():
    found = find_contacts(body("监督电话：0573-", "5551234", "通信地址：示例县文化路", "18号", "电子邮箱：a@b.cn"))
    assert found.phones == ["0573-5551234"] and found.address == "示例县文化路18号" and found.emails == ["a@b.cn"]


def test_every_address_the_notice_gives_is_kept():
    found = find_contacts(body("来信请寄：通信地址：示例县人民路1号；或县委巡察办地址：示例县府前街2号。"))
    assert found.address == "示例县人民路1号" and found.other == ["地址：示例县府前街2号"]


def test_a_sentence_after_the_contacts_is_not_joined_to_them():
    found = find_contacts(body("联系电话：0573-5551234", "特此通报。"))
    assert found.phones == ["0573-5551234"]
