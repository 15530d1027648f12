"""The QR code printed on a notice leads a phone to that notice's page."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image

from site_gen.pages.qrcode import qr_svg


def test_qr_on_the_page_decodes_to_the_page_url(built_site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((built_site / "notices" / "2025" / "linjiang-sifaju.html").as_uri())
    png = page.locator("svg.qr__code").screenshot()
    page.close()
    (result,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert result.text == "https://xczg.linjiang.example.cn/notices/2025/linjiang-sifaju.html"


def test_qr_is_labelled_and_deterministic():
    svg = qr_svg("https://example.cn/notices/a.html", "本页二维码")
    assert svg.count('class="qr__code"') == 1 and 'aria-label="本页二维码"' in svg
    assert svg == qr_svg("https://example.cn/notices/a.html", "本页二维码")


def test_no_qr_without_base_url(tmp_path):
    from site_gen.commands.build import build_site
    from tests.test_build import NOTICE, scratch_site

    site = scratch_site(
        tmp_path,
        {"a.md": NOTICE.format(title="T", draft="false", body="")},
        site_yaml="contact:\n  phones: ['0635-1234']\n",
    )
    assert build_site(site, site / "output").ok
    assert "qr__code" not in (site / "output" / "notices" / "a.html").read_text(encoding="utf-8")
