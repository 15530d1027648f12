"""A notice's search record: what Pagefind indexes of it, made from the model, never from its page.

Pagefind used to parse every built page again to find the text of its `data-pagefind-body`; the notice's
text is data here, so the record is written straight from it and handed to Pagefind as a custom record
(engine/search.py). It holds what the page's indexed part shows, in the page's order and in the form
Pagefind's own HTML reader gives it, so ranking and excerpts are those readers had:

- the title (h1) and the section, issue and sub-problem headings weighted as Pagefind weights h1-h4 (its
  `___PAGEFIND_AUTO_WEIGHT___` marks, which its reader puts in the text it indexes and custom records keep);
- every block ended as Pagefind ends one (". " after a word character: the UI turns it into 。 after Chinese);
- text escaped as in the page (Pagefind's excerpts are HTML, and its reader keeps the page's entities);
- the meta (title, date, organization, progress) and the filters (organisation, year, status) the page's
  hidden `data-pagefind-meta` / `data-pagefind-filter` elements give, free of markup (render.search_value).

Left out, as the page's `data-pagefind-ignore` leaves them out: the details list, progress summary, contents,
series navigation, QR code, contact block and data links. Also left out: an issue's history across its series
(dates and badges of other notices), so a record is a function of its notice alone, and attachments' type and
size (a file's bytes are not words a reader searches for).
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import escape

from ..notice.config import SiteConfig
from ..notice.model import Notice, Status
from .render import format_date, format_percent, page_language, progress_text, search_value
from .theme_text import STATUS_LABELS, STRINGS

# Pagefind ends a block whose last character is one of these with "." (its SENTENCE_CHARS: \w, a Chinese character
# too, and '")$*); the last character alone is looked at: a regex anchored at the end scans the whole block
_SENTENCE_PUNCTUATION = frozenset("_'\")$*")
# the elements after which Pagefind starts a new sentence (its SENTENCE_SELECTORS, and the other blocks
# markdown-it writes: a table row, a quote, code)
_BLOCKS = frozenset(
    "h1 h2 h3 h4 h5 h6 p td th tr div ul ol li article section blockquote pre table dl dt dd hr".split()
)
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>", re.S)
_NOT_TEXT = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.S | re.I)  # raw HTML a site opted into


def search_record(notice: Notice, config: SiteConfig) -> dict[str, Any]:
    """The record Pagefind's add_custom_record takes for the notice's page (in its page's language)."""
    language = page_language(config, notice)
    t, labels = STRINGS[language], STATUS_LABELS[language]
    progress = notice.progress
    rate = ""
    if progress.completion_rate is not None:
        rate = f"{t['completion_rate']} {format_percent(progress.completion_rate)}{'，' if language == 'zh' else '; '}"
    meta = {
        "title": search_value(notice.title),
        "date": format_date(notice.date, language),
        "organization": search_value(notice.organization),
        "progress": search_value(rate + progress_text(progress, language)) if progress.total else "",
    }
    filters = {
        search_value(t["organization"]): [search_value(notice.organization)],
        search_value(t["published_year"]): [str(notice.date.year)],
    }
    statuses = [search_value(labels[status]) for status, _ in progress.counts]
    if statuses:
        filters[search_value(t["status"])] = statuses
    return {
        "url": "/" + notice.url,
        "content": " ".join(content(notice, language).split()),
        "language": "zh-cn" if language == "zh" else language.lower(),
        "meta": meta,
        "filters": filters,
    }


def encoded(record: dict[str, Any]) -> bytes:
    """A record as kept in the build state and keyed by: canonical JSON, the same bytes for the same record."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content(notice: Notice, language: str) -> str:
    """The indexed text of the page, in its order: title, corrections, introduction, sections, attachments, end."""
    t = STRINGS[language]
    colon = "：" if language == "zh" else ": "
    parts = [heading(1, notice.title)]
    for correction in notice.corrections:
        parts.append(block(f"{t['corrected_on']} {format_date(correction.date, language)}{colon}{correction.note}"))
    parts.append(html_text(notice.intro_html))
    for section in notice.sections:
        if section.title:
            parts.append(heading(2, section.title))
        parts.append(html_text(section.intro_html))
        for issue in section.issues:
            parts.append(heading(3, issue.title))
            wording = issue.wording if issue.wording and not issue.sub_problems else ""
            parts.append(status_line(issue.status, wording, language))
            parts += lines(issue, language)
            parts.append(html_text(issue.body_html))
            for sub in issue.sub_problems:
                parts.append(heading(4, sub.title))
                parts.append(status_line(sub.status, sub.status_line.wording if sub.status_line else "", language))
                parts += lines(sub, language)
                parts.append(html_text(sub.body_html))
    if notice.attachments:
        parts.append(heading(2, t["attachments"]))
        parts += [block(attached.title) for attached in notice.attachments]
    parts.append(block(f"{notice.organization} {format_date(notice.date, language)}"))
    return "".join(parts)


def status_line(status: Status, wording: str, language: str) -> str:
    """An issue's badge as the page reads (整改状态：正在整改), and the status as written, if shown."""
    t = STRINGS[language]
    colon = "：" if language == "zh" else ": "
    text = f"{t['status']}：{STATUS_LABELS[language][status]}"
    if wording:
        text += f" {t['as_written']}{colon}{wording}"
    return block(text)


def lines(item: Any, language: str) -> list[str]:
    """An issue's 时限 / 责任单位 / 责任人 / 完成时间 lines, those it states (an Issue or a SubProblem)."""
    t = STRINGS[language]
    found = []
    if item.long_term:
        found.append(f"{t['deadline']} {t['long_term']}")
    elif item.deadline:
        found.append(f"{t['deadline']} {format_date(item.deadline, language)}")
    if item.responsible:
        found.append(f"{t['responsible']} {item.responsible}")
    if item.responsible_person:
        found.append(f"{t['responsible_person']} {item.responsible_person}")
    if item.completed_on:
        found.append(f"{t['completed_on']} {format_date(item.completed_on, language)}")
    return [block(line) for line in found]


def block(text: str) -> str:
    """Model text as one block of the page: escaped as the page has it, ended as Pagefind ends a block."""
    return sentence(str(escape(text)))


def sentence(html_text: str) -> str:
    words = html_text.strip()
    if not words:
        return ""
    last = words[-1]
    return f" {words}. " if last.isalnum() or last in _SENTENCE_PUNCTUATION else f" {words} "


def heading(level: int, text: str) -> str:
    """A heading, weighted as Pagefind weights an h1 (7) to h4 (4) it reads in a page."""
    if not text.strip():
        return ""
    return f" ___PAGEFIND_AUTO_WEIGHT___{8 - level} {block(text)} ___END_PAGEFIND_WEIGHT___ "


def html_text(html: str) -> str:
    """The words of a Markdown body as rendered (markdown-it's own, well-formed output): its tags dropped, each
    block a sentence, entities kept as the page has them. No second reading of the notice: its body is held
    as this HTML, and only the tags between its words are skipped."""
    if not html:
        return ""
    html = _NOT_TEXT.sub(" ", html)
    found, current, position = [], [], 0
    for tag in _TAG.finditer(html):
        current.append(html[position : tag.start()])
        position = tag.end()
        name = (tag.group(2) or "").lower()
        if name in _BLOCKS:
            found.append(sentence("".join(current)))
            current = []
        elif name in ("br", "img", "wbr"):
            current.append(" ")
    current.append(html[position:])
    found.append(sentence("".join(current)))
    return "".join(found)
