"""check runs every check build runs, and addresses any host keeps (issue #23's lows): files that would share an
address or replace a page, addresses differing only in case, Windows device names; a UTF-16 notice is text."""

from __future__ import annotations

import pytest

from site_gen.base import addresses
from site_gen.commands.build import build_site, load_site
from tests.test_attachment_addresses import errors, notice, site_with


def both(site, tmp_path) -> tuple[list, list]:
    return errors(load_site(site).diagnostics), errors(build_site(site, tmp_path / "out", search=False).diagnostics)


def test_check_reports_a_static_file_replacing_a_page_as_build_does(tmp_path):
    site = site_with(tmp_path, {"2025/a.md": notice("a", "x.pdf")}, {"2025/x.pdf": b"%PDF"})
    (site / "static").mkdir()
    (site / "static" / "index.html").write_text("<p>my own home page</p>", encoding="utf-8")
    checked, built = both(site, tmp_path)
    assert checked == built == [("static/index.html", 0, "static-replaces-page")]


def test_check_reports_an_attachment_at_another_notices_address_as_build_does(tmp_path):
    site = site_with(tmp_path, {"2025/a.md": notice("a", "b.json"), "2025/b.md": notice("b", "y.pdf")}, {})
    (site / "content/2025/b.json").write_text("{}", encoding="utf-8")
    (site / "content/2025/y.pdf").write_bytes(b"%PDF")
    checked, built = both(site, tmp_path)
    assert checked == built == [("content/2025/a.md", 6, "address-shared")]


def test_attachments_differing_only_in_case_are_an_error_at_the_second(tmp_path):
    files = {"2025/Report.pdf": b"%PDF one", "2025/report.pdf": b"%PDF two"}
    site = site_with(tmp_path, {"2025/a.md": notice("a", "Report.pdf", "report.pdf")}, files)
    checked, built = both(site, tmp_path)
    assert checked == built == [("content/2025/a.md", 7, "address-case")]


def test_notices_differing_only_in_case_are_an_error(tmp_path):
    files = {"2025/x.pdf": b"%PDF"}
    site = site_with(tmp_path, {"2025/Report.md": notice("a", "x.pdf"), "2025/report.md": notice("b", "x.pdf")}, files)
    checked, built = both(site, tmp_path)
    assert checked == built == [("content/2025/report.md", 1, "address-case")]  # its page and data: said once


@pytest.mark.parametrize("name", ["con", "NUL", "aux", "com1", "lpt9", "prn"])
def test_a_windows_device_name_is_an_error_at_the_attachment(tmp_path, name):
    site = site_with(tmp_path, {"2025/a.md": notice("a", f"files/{name}.pdf")}, {f"2025/files/{name}.pdf": b"%PDF"})
    checked, built = both(site, tmp_path)
    assert checked == built == [("content/2025/a.md", 6, "address-reserved")]


def test_a_notice_named_like_a_device_is_an_error(tmp_path):
    site = site_with(tmp_path, {"2025/con.md": notice("a", "x.pdf")}, {"2025/x.pdf": b"%PDF"})
    checked, built = both(site, tmp_path)
    assert checked == built == [("content/2025/con.md", 1, "address-reserved")]


def test_names_that_only_contain_a_device_name_are_fine():
    assert addresses.reserved_name("notices/2025/console.html") == ""
    assert addresses.reserved_name("notices/2025/com10.pdf") == ""
    assert addresses.reserved_name("notices/con/x.html") == "con"
    assert addresses.reserved_name("notices/2025/aux.tar.gz") == "aux"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_notepad_unicode_notice_is_told_to_be_saved_as_utf8(tmp_path, encoding):
    site = site_with(tmp_path, {"2025/a.md": notice("a", "x.pdf")}, {"2025/x.pdf": b"%PDF"})
    path = site / "content/2025/a.md"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("utf-16") if encoding == "utf-16" else b"\xfe\xff" + text.encode("utf-16-be"))
    diagnostics = load_site(site).diagnostics
    assert errors(diagnostics) == [("content/2025/a.md", 1, "file-utf16")]
    (shown,) = [d.in_language("zh") for d in diagnostics if d.severity == "error"]
    assert "UTF-8" in shown.hint
