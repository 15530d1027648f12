"""Atom feeds (RFC 4287), sitemap.xml and robots.txt: what journalists and search engines subscribe to.

Ids are derived from the site and the notice's slug, so they never change between
builds; `updated` comes from notice dates (a notice's latest correction, else its publication), never the clock, so output stays reproducible.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..base.addresses import relative_root
from ..notice.config import SiteConfig
from ..notice.summary import NoticeLike

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def address(config: SiteConfig, url: str, from_path: str) -> str:
    """Absolute with base_url; otherwise relative to the file that contains it."""
    return config.base_url + url if config.base_url else relative_root(from_path) + url


def stable_id(config: SiteConfig, key: str) -> str:
    import uuid  # here, as ElementTree below: a rebuild with nothing to do never makes a feed

    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'site-gen:{config.title}:{key}')}"


FEED_ENTRIES = 100  # a reader wants what is new; the whole record is in notices.json


def atom_feed(
    config: SiteConfig,
    notices: Sequence[NoticeLike],
    feed_path: str,
    title: str,
    page_url: str,
    changes: Mapping[str, Mapping[str, int]] | None = None,
) -> str:
    """The newest FEED_ENTRIES notices, newest first (notices come sorted so); `changes`: what changed in a notice
    of a series since the previous one, by its source."""
    import xml.etree.ElementTree as ET  # here: a rebuild with nothing to do never loads it

    notices = notices[:FEED_ENTRIES]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "zh-CN" if config.language == "zh" else "en"})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = stable_id(config, feed_path)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = timestamp(max((n.updated for n in notices), default=None))
    ET.SubElement(
        feed,
        f"{{{ATOM}}}link",
        {"rel": "self", "type": "application/atom+xml", "href": address(config, feed_path, feed_path)},
    )
    ET.SubElement(
        feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": address(config, page_url, feed_path)}
    )
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = config.footer.host or config.title
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "site-gen"
    for notice in notices:
        feed.append(entry(config, notice, feed_path, (changes or {}).get(notice.source, {})))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def entry(config: SiteConfig, notice: NoticeLike, feed_path: str, changed: Mapping[str, int]) -> ET.Element:
    import xml.etree.ElementTree as ET

    from .render import progress_text

    element = ET.Element(f"{{{ATOM}}}entry")
    ET.SubElement(element, f"{{{ATOM}}}id").text = stable_id(config, notice.slug)
    ET.SubElement(element, f"{{{ATOM}}}title").text = notice.title
    ET.SubElement(element, f"{{{ATOM}}}updated").text = timestamp(notice.updated)  # a correction is news too
    ET.SubElement(element, f"{{{ATOM}}}published").text = timestamp(notice.date)
    ET.SubElement(
        element,
        f"{{{ATOM}}}link",
        {"rel": "alternate", "type": "text/html", "href": address(config, notice.url, feed_path)},
    )
    author = ET.SubElement(element, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = notice.organization
    parts = (change_text(changed, config.language), notice.summary, progress_text(notice.progress, config.language))
    summary = " ".join(part for part in parts if part)
    ET.SubElement(element, f"{{{ATOM}}}summary").text = summary
    for tag in notice.tags:
        ET.SubElement(element, f"{{{ATOM}}}category", {"term": tag})
    return element


CHANGE_ORDER = ("new_done", "closed_late", "overdue", "regressed")


def change_text(changed: Mapping[str, int], language: str) -> str:
    """What changed since the previous notice of the series: 3 项问题新完成，1 项逾期 (empty when nothing did)."""
    from .theme_text import CHANGE_WORDS

    words = CHANGE_WORDS[language]
    parts = [(kind, changed[kind]) for kind in CHANGE_ORDER if changed.get(kind)]
    if not parts:
        return ""
    if language == "zh":
        return "，".join(f"{n} 项{'问题' if i == 0 else ''}{words[kind]}" for i, (kind, n) in enumerate(parts)) + "。"
    return "Since the previous notice: " + ", ".join(f"{n} {words[kind]}" for kind, n in parts) + "."


def timestamp(date: dt.date | None) -> str:
    return f"{date.isoformat()}T00:00:00Z" if date else "1970-01-01T00:00:00Z"


def sitemap(config: SiteConfig, pages: list[str], dates: dict[str, str]) -> str:
    """Every public page, absolute (a sitemap needs base_url).

    Written as text: it names every page of the site, and ElementTree took ~12 µs a page.
    """
    entries = []
    for page in sorted(pages):
        lastmod = f"\n    <lastmod>{dates[page]}</lastmod>" if page in dates else ""
        entries.append(
            f"  <url>\n    <loc>{html.escape(config.base_url + page, quote=False)}</loc>{lastmod}\n  </url>\n"
        )
    return f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="{SITEMAP}">\n{"".join(entries)}</urlset>\n'


def robots(config: SiteConfig) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if config.base_url:
        lines.append(f"Sitemap: {config.base_url}sitemap.xml")
    return "\n".join(lines) + "\n"
