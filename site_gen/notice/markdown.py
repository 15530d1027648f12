"""The one Markdown parser configuration, shared by every command.

CommonMark plus tables and strikethrough; no linkify or typographer (they
cost parse time and change what the clerk wrote). Raw HTML is escaped unless
the site opts in, and markdown-it's link validation already refuses
javascript:, vbscript:, file: and non-image data: URLs.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt


@cache
def parser(allow_html: bool = False) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": allow_html})
    md.enable(["table", "strikethrough"])
    return md
