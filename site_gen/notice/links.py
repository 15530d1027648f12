"""Links written in a notice: collected for checking, and script links refused.

markdown-it already refuses to turn ``javascript:``, ``vbscript:``, ``file:`` or
``data:`` targets into links, so they can never reach a page as markup; the
clerk still deserves to be told, at the link's own line, that the link was dropped,
also when the scheme is hidden behind character references (``&#106;avascript:``).
"""

from __future__ import annotations

import re
from html import unescape

from markdown_it.token import Token

from ..base.diagnostics import Diagnostic, error
from .model import Link

UNSAFE_SCHEME = re.compile(r"(?i)(?:\]\(\s*<?|<|href\s*=\s*[\"']?)\s*(javascript|vbscript|data)\s*:")
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
