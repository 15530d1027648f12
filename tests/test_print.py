"""A notice printed on A4 by Chromium, read back from the PDF: what an agency files and a reader takes home.

The printout opens with the site's name and the page's address, closes with 来源 and the notice date, breaks
only where it must (a heading never ends a page) and leaves no page holding only the footer.
"""

from __future__ import annotations

import io
import re
import shutil
import unicodedata

import pypdf
import pytest

from site_gen.commands.build import build_site
from tests.conftest import ARTIFACTS, REPO

SITE_TITLE = "云溪市临江区巡察整改公开"
BASE_URL = "https://xczg.linjiang.example.cn/"


def printed(browser, url: str, name: str) -> list[str]:
    """The text of each printed page, as a reader sees it (PDF fonts give 〈⼗〉 for 十: NFKC undoes it)."""
    page = browser.new_page()
    page.goto(url)
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    folder = ARTIFACTS / "print"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.pdf").write_bytes(pdf)
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Page text without the spaces and line breaks PDF extraction puts between CJK runs."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def long_notice(issues_per_section: int = 6) -> str:
    """A notice of four sections whose measures run from one line to a long paragraph, so breaks fall anywhere."""
    lines = [
        "---",
        "title: 临江区测试局党组关于巡察整改进展情况的通报",
        "organization: 中共临江区水务局党组",
        "date: 2025-06-30",
        "---",
        "",
        "区委巡察组对测试局开展巡察，现将整改进展通报如下。",
        "",
    ]
    number = 0
    for section in "一二三四":
        lines += [f"## （{section}）第{section}方面的问题", ""]
        for _ in range(issues_per_section):
            number += 1
            measures = "建立台账，逐项销号，按月通报进展情况。" * (1 + (number * 7) % 9)
            lines += [f"### {number}. 关于第{number}项测试问题", "整改进度：正在整改", "", measures, ""]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def long_site(tmp_path_factory, built_site):
    folder = tmp_path_factory.mktemp("print-site")
    shutil.copytree(REPO / "content", folder / "content")
    shutil.copy(REPO / "site.yaml", folder / "site.yaml")
    (folder / "content" / "2025" / "long-notice.md").write_text(long_notice(), encoding="utf-8")
    result = build_site(folder, folder / "output")
    assert result.ok, [d.format() for d in result.diagnostics]
    return folder / "output"


def assert_opens_and_closes_as_filed(pages: list[str], address: str, date: str) -> None:
    first, last = flat(pages[0]), flat(pages[-1])
    assert first.startswith(SITE_TITLE + BASE_URL + address), first[:120]
    assert flat(f"来源：{SITE_TITLE}{BASE_URL}{address}{date}") in last
    assert last.endswith(flat(date)), last[-80:]


def test_a_short_notice_prints_on_two_pages_opening_and_closing_with_the_source(browser, built_site, static_server):
    address = "notices/2025/linjiang-shuiwuju.html"
    pages = printed(browser, static_server(built_site) + address, "short-notice")
    assert len(pages) <= 2, [len(p) for p in pages]
    assert_opens_and_closes_as_filed(pages, address, "2025年5月6日")
    assert "1.关于农村供水水质抽检频次不足的问题" in flat(pages[0])  # no near-empty first page
    assert "联系方式" in flat(pages[-1])  # the last page is not the footer alone
    everything = flat("".join(pages))
    assert "主办单位" not in everything and "目录" not in everything  # screen chrome stays on screen


def test_a_long_notice_breaks_only_where_it_must(browser, long_site, static_server):
    address = "notices/2025/long-notice.html"
    pages = printed(browser, static_server(long_site) + address, "long-notice")
    assert len(pages) >= 3
    assert_opens_and_closes_as_filed(pages, address, "2025年6月30日")
    assert "1.关于第1项测试问题" in flat(pages[0])
    headings = re.compile(r"^(\d+\.关于第\d+项测试问题|\([一二三四]\)第[一二三四]方面的问题|正在整改.*)$")
    for number, text in enumerate(pages[:-1], start=1):
        lines = [flat(line) for line in text.splitlines() if line.strip()]
        assert not headings.match(lines[-1]), f"page {number} ends with a heading or a badge: {lines[-1]}"
        assert len(flat(text)) > 400, f"page {number} is nearly empty"
    assert len(flat(pages[-1])) > len(flat("来源：" + SITE_TITLE + BASE_URL + address)) + 40


def test_status_prints_in_black_with_its_words(browser, built_site, static_server):
    page = browser.new_page()
    page.goto(static_server(built_site) + "notices/2025/linjiang-sifaju.html")
    page.emulate_media(media="print")
    badges = page.evaluate(
        """() => [...document.querySelectorAll('.badge')].filter(b => b.offsetParent).map(b => {
             const s = getComputedStyle(b);
             return [s.color, s.backgroundColor, s.borderTopColor, b.querySelector('.badge__label').textContent];
           })"""
    )
    assert badges and all(b[:3] == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 0)"] and b[3] for b in badges)
    segments = page.evaluate(
        "() => [...document.querySelectorAll('.progress__seg')].map(s => getComputedStyle(s).fill)"
    )
    grey = re.compile(r"rgb\((\d+), \1, \1\)")
    assert segments and all(grey.fullmatch(colour) for colour in segments), segments
    assert page.is_visible(".progress__text")  # the shares in words, beside the bar
    page.close()
