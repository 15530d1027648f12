"""Links written in a notice: collected for checking, script links refused, remote images shown as links.

markdown-it already refuses to turn ``javascript:``, ``vbscript:``, ``file:`` or
``data:`` targets into links, so they can never reach a page as markup; the
clerk still deserves to be told, at the link's own line, that the link was dropped,
also when the scheme is hidden behind character references (``&#106;avascript:``).
"""

from __future__ import annotations

import re
from html import unescape

from markdown_it.token import Token

from ..base.diagnostics import Diagnostic, error, warning
from .model import Link

UNSAFE_SCHEME = re.compile(r"(?i)(?:\]\(\s*<?|<|href\s*=\s*[\"']?)\s*(javascript|vbscript|data)\s*:")
REMOTE = re.compile(r"(?i)^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)")  # a scheme or another host: not a file of the site
RAW_REMOTE = re.compile(r"(?i)\b(?:src|srcset|poster)\s*=\s*[\"']?\s*((?:https?:|ftp:)?//[^\s\"'>]*)")  # in raw HTML
_INVISIBLE = re.compile(r"[\x00-\x20]+")  # browsers ignore these inside a scheme: "java\tscript:" runs


def scan_links(tokens: list[Token], first_line: int, source: str) -> tuple[list[Link], list[Diagnostic]]:
    """Every link target in the body with its own line, and a located error for each script link."""
    links: list[Link] = []
    found: list[Diagnostic] = []
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type in ("inline", "html_block"):
            found += _script_links(token.content, line, source)
        offset = 0
        for child in token.children or ():
            if child.type in ("softbreak", "hardbreak"):
                offset += 1
            elif child.type == "link_open":
                links.append(Link(href=str(child.attrGet("href") or ""), line=line + offset))
    return links, found


def _script_links(text: str, line: int, source: str) -> list[Diagnostic]:
    if ":" not in text and "&" not in text:  # no scheme, not even behind a reference: most paragraphs
        return []
    found = []
    for number, text_line in enumerate(text.split("\n")):
        decoded = unescape(text_line)
        for match in UNSAFE_SCHEME.finditer(decoded + " " + _INVISIBLE.sub("", decoded)):
            found.append(error(source, line + number, "link-script", scheme=match.group(1).lower()))
    return _unique(found)


def _unique(found: list[Diagnostic]) -> list[Diagnostic]:
    """One error per line and scheme (a line is searched as written and with invisible characters removed)."""
    return list(dict.fromkeys(found))


def remote_images(tokens: list[Token], first_line: int, source: str) -> list[Diagnostic]:
    """Images from another host become links to them, each with a located warning.

    The README promises that no page asks another host for anything (no tracking of readers, no
    page that changes when a host does), and the pages' Content-Security-Policy would refuse the
    image anyway: the reader gets a link with the image's description instead of a broken image.
    Raw HTML (allow_html: true) is not rewritten; an image from another host in it is reported.
    """
    found: list[Diagnostic] = []
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "html_block":
            found += [warning(source, line, "image-remote", url=m.group(1)) for m in RAW_REMOTE.finditer(token.content)]
        if not token.children:
            continue
        children, inside_link, offset = [], 0, 0
        for child in token.children:
            offset += child.type in ("softbreak", "hardbreak")
            inside_link += {"link_open": 1, "link_close": -1}.get(child.type, 0)
            if child.type == "html_inline":
                found += [
                    warning(source, line + offset, "image-remote", url=m.group(1))
                    for m in RAW_REMOTE.finditer(child.content)
                ]
            src = str(child.attrGet("src") or "") if child.type == "image" else ""
            if not REMOTE.match(src) or src.strip().lower().startswith("data:"):  # data: is in the page itself
                children.append(child)
                continue
            found.append(warning(source, line + offset, "image-remote", url=src))
            children += _as_link(child, src, inside_link > 0)
        token.children = children
    return found


def _as_link(image: Token, src: str, inside_link: bool) -> list[Token]:
    """The image's description (or its address) as text, linked to the image unless already inside a link."""
    text = Token("text", "", 0, content=image.content or src)
    if inside_link:
        return [text]
    return [Token("link_open", "a", 1, attrs={"href": src}), text, Token("link_close", "a", -1)]
