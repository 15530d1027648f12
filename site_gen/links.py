"""Links written in a notice: collected for checking, and script links refused.

markdown-it already refuses to turn ``javascript:``, ``vbscript:``, ``file:`` or
``data:`` targets into links, so they can never reach a page as markup; the
clerk still deserves to be told, at the line, that the link was dropped.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from .diagnostics import Diagnostic, error
from .model import Link

UNSAFE_SCHEME = re.compile(r"(?i)(?:\]\(\s*<?|<|href\s*=\s*[\"']?)\s*(javascript|vbscript|data)\s*:")


def scan_links(tokens: list[Token], first_line: int, source: str) -> tuple[list[Link], list[Diagnostic]]:
    """Every link target in the body with its line, and a located error for each script link."""
    links: list[Link] = []
    found: list[Diagnostic] = []
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type in ("inline", "html_block"):
            for match in UNSAFE_SCHEME.finditer(token.content):
                found.append(
                    error(
                        source,
                        line,
                        f"a {match.group(1).lower()}: link is not allowed and was removed",
                        "link only to web pages (https://…), e-mail (mailto:…), phone (tel:…) "
                        "or files published with the notice",
                    )
                )
        for child in token.children or ():
            if child.type == "link_open":
                links.append(Link(href=str(child.attrGet("href") or ""), line=line))
    return links, found
