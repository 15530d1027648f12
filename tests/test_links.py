"""Script links are refused at their own line, however they are spelled; every link keeps its own line;
images from another host become links, with a warning at their line."""

from __future__ import annotations

import pytest

from site_gen.notice.links import remote_images, scan_links
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


def rendered(body: str, allow_html: bool = False) -> tuple[str, list]:
    md = parser(allow_html)
    tokens = md.parse(body)
    found = remote_images(tokens, 10, "content/a.md")
    return md.renderer.render(tokens, md.options, {}), found


@pytest.mark.parametrize(
    "src",
    ["https://img.example.net/a.png", "http://img.example.net/a.png", "//img.example.net/a.png", "HTTPS://x.cn/b.jpg"],
)
def test_an_image_from_another_host_is_a_link_with_a_located_warning(src):
    html, found = rendered(f"第一行\n第二行 ![现场照片]({src}) 说明\n")
    assert "<img" not in html
    assert f'<a href="{src}">现场照片</a>' in html
    assert [(d.line, d.code, d.severity.value, dict(d.params)["url"]) for d in found] == [
        (11, "image-remote", "warning", src)
    ]


def test_an_image_without_a_description_is_linked_by_its_address_and_inside_a_link_is_text():
    html, found = rendered("![](https://x.cn/a.png)\n\n[![图](https://x.cn/b.png)](https://x.cn/)\n")
    assert '<a href="https://x.cn/a.png">https://x.cn/a.png</a>' in html
    assert '<a href="https://x.cn/">图</a>' in html and html.count("<a ") == 2  # never a link inside a link
    assert [(d.line, dict(d.params)["url"]) for d in found] == [(10, "https://x.cn/a.png"), (12, "https://x.cn/b.png")]


def test_images_of_the_site_stay_images():
    html, found = rendered("![图](files/photo.jpg) ![点](data:image/png;base64,iVBORw0KGgo=) ![根](/files/x.png)\n")
    assert html.count("<img") == 3 and found == []


def test_an_image_from_another_host_in_raw_html_is_reported():
    _, found = rendered('<p><img src="https://x.cn/a.png"></p>\n\n文字 <img src=//x.cn/b.png> 后\n', allow_html=True)
    assert [(d.line, dict(d.params)["url"]) for d in found] == [(10, "https://x.cn/a.png"), (12, "//x.cn/b.png")]
