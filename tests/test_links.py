"""Script links are refused at their own line, however they are spelled; every link keeps its own line."""

from __future__ import annotations

import pytest

from site_gen.notice.links import scan_links
from site_gen.notice.markdown import parser


def scan(body: str):
    return scan_links(parser(False).parse(body), 10, "content/a.md")


@pytest.mark.parametrize(
    "written",
    [
        "[x](javascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "<JavaScript:alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_script_links_however_spelled(written):
    links, found = scan(f"第一行\n{written}\n")
    assert [(d.line, d.code) for d in found] == [(11, "link-script")]
    assert not [link for link in links if link.href.lower().startswith(("javascript:", "data:"))]


def test_each_link_has_its_own_line():
    links, found = scan("第一行[a](#x)\n第二行\n第三行[b](files/b.pdf) [c](https://e.cn/)\n\n[d](#y)\n")
    assert found == []
    assert [(link.href, link.line) for link in links] == [
        ("#x", 10),
        ("files/b.pdf", 12),
        ("https://e.cn/", 12),
        ("#y", 14),
    ]
