"""Open data from the same model as the pages, and the table that documents it.

notices.json lists every published notice with its metadata, issues (their measures as plain text),
attachments, corrections, canonical statuses and counts; notices/<slug>.json beside each page adds the
measures as HTML. DATA_FIELDS declares every key of both, once: the records below are checked against it
(tests/test_open_data.py) and the public 数据说明 page (data.html) is rendered from it, so the page cannot
drift from the data. Text is UTF-8 as it is (no \\u escapes), keys in a fixed order: the same bytes every build.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .. import __version__
from ..notice.config import SiteConfig
from ..notice.model import (
    Contact,
    Correction,
    Disclosure,
    Inspection,
    Issue,
    Notice,
    Progress,
    Section,
    Status,
    StatusLine,
    SubProblem,
)
from ..notice.series import Series

SCHEMA_VERSION = 3  # 2: measures as text, attachments, corrections, updated, license; 3: series, disclosure


@dataclass(frozen=True)
class DataField:
    """One key of the open data: its JSON type and what it means, in both languages."""

    name: str
    type: str  # as JSON names it: string, integer, number, boolean, array, object; "|null" when it may be null
    zh: str
    en: str
    fields: tuple[DataField, ...] = ()  # of an object, or of each item of an array
    detail_only: bool = False  # in notices/<slug>.json only


def _f(name: str, kind: str, zh: str, en: str, *fields: DataField, detail_only: bool = False) -> DataField:
    return DataField(name, kind, zh, en, fields, detail_only)


_STATUS = "规范状态：done、done_ongoing、deemed_done、phase_done、in_progress、not_started、unstated"
_STATUS_EN = "canonical status: done, done_ongoing, deemed_done, phase_done, in_progress, not_started, unstated"
_MEASURES = (
    _f(
        "measures",
        "string",
        "整改措施与成效，纯文本，段落之间换行",
        "measures taken and results, plain text, one line per block",
    ),
    _f("measures_html", "string", "整改措施与成效，HTML", "the same measures as HTML", detail_only=True),
)
_LINES = (  # the per-issue lines under its heading (schema.BODY_FIELDS): null when the notice states none
    _f(
        "deadline",
        "string|null",
        "整改时限，YYYY-MM-DD（长期坚持时为 null）",
        "deadline, YYYY-MM-DD (null when long-term)",
    ),
    _f("long_term", "boolean", "是否长期坚持（无截止日期）", "long-term: no deadline"),
    _f("responsible", "string|null", "责任单位", "responsible unit"),
    _f("responsible_person", "string|null", "责任人", "responsible person"),
    _f("completed_on", "string|null", "完成（销号）时间，YYYY-MM-DD", "completed on, YYYY-MM-DD"),
)
SUB_PROBLEM_FIELDS = (
    _f("id", "string", "页面锚点，如 s1-5-1", "anchor on the notice page, e.g. s1-5-1"),
    _f("title", "string", "具体问题标题", "the sub-problem's title"),
    _f("status", "string", _STATUS, _STATUS_EN),
    _f("wording", "string|null", "通报原文的状态写法", "the status as the notice words it"),
    *_LINES,
    *_MEASURES,
)
ISSUE_FIELDS = (
    _f("id", "string", "页面锚点，如 s1-2；链接为 url#id", "anchor on the notice page: link to url#id"),
    _f("number", "string", "问题序号，如 2", "the issue's number as written"),
    _f("title", "string", "问题标题", "the issue's title"),
    _f("status", "string", _STATUS + "（有具体问题时取其中最靠后的状态）", _STATUS_EN + " (the weakest of its parts)"),
    _f("wording", "string|null", "通报原文的状态写法", "the status as the notice words it"),
    *_LINES,
    _f(
        "sub_problems",
        "array",
        "具体问题（一是、二是……），各有状态",
        "its parts (一是, 二是…), each with a status",
        *SUB_PROBLEM_FIELDS,
    ),
    *_MEASURES,
)
NOTICE_FIELDS = (
    _f("slug", "string", "通报地址名", "the notice's address name"),
    _f("url", "string", "通报页面地址（相对网站根）", "the notice page, relative to the site root"),
    _f("data", "string", "本条通报完整数据的地址（含 HTML 措施）", "this notice's full record (with HTML measures)"),
    _f("title", "string", "标题", "title"),
    _f("organization", "string", "发布单位全称", "publishing organisation, full name"),
    _f("date", "string", "发布日期，YYYY-MM-DD", "publication date, YYYY-MM-DD"),
    _f(
        "updated",
        "string",
        "最后更新日期：最近一次更正，否则为发布日期",
        "last change: the latest correction, else date",
    ),
    _f("lang", "string|null", "通报语言（与网站不同时）", "the notice's language, when not the site's"),
    _f("summary", "string|null", "摘要", "summary"),
    _f(
        "series",
        "string|null",
        "所属通报系列（同一单位同一轮巡察的各次通报）；各问题的历次状态见 series.json",
        "the notice series it belongs to (one inspection round of one organisation); histories in series.json",
    ),
    _f("tags", "array", "标签（字符串）", "tags (strings)"),
    _f("draft", "boolean", "是否草稿（已发布数据中恒为 false）", "a draft (false in published data)"),
    _f(
        "inspection",
        "object|null",
        "巡察情况",
        "the inspection",
        _f("group", "string|null", "巡察组", "inspection group"),
        _f("round", "string|null", "巡察轮次", "inspection round"),
        _f("from", "string|null", "巡察开始日期", "first day"),
        _f("to", "string|null", "巡察结束日期", "last day"),
        _f("feedback", "string|null", "反馈日期", "day findings were handed over"),
    ),
    _f(
        "contact",
        "object",
        "联系方式",
        "how to reach the publisher",
        _f("phones", "array", "电话", "telephone numbers"),
        _f("emails", "array", "电子邮箱", "e-mail addresses"),
        _f("address", "string|null", "通信地址", "postal address"),
        _f("other", "array", "其他渠道", "other ways"),
    ),
    _f(
        "progress",
        "object",
        "整改进展统计",
        "progress counts",
        _f("total", "integer", "问题总数", "number of issues"),
        _f("counts", "object", "各规范状态的问题数", "issues per canonical status"),
        _f(
            "completed",
            "integer",
            "已完成数（整改完成、完成并长期坚持、视同完成）",
            "completed (done, done_ongoing, deemed_done)",
        ),
        _f(
            "completion_rate",
            "number|null",
            "完成率，0 到 1；均未标明状态时为 null",
            "completed / total, 0 to 1; null if none stated",
        ),
    ),
    _f(
        "disclosure",
        "object|null",
        "政府信息公开目录信息（原网页有时）",
        "the government-disclosure catalogue entry, when the page had one",
        _f("index", "string|null", "索引号", "index number"),
        _f("number", "string|null", "文号", "document number"),
        _f("subject", "string|null", "主题分类", "subject"),
        _f("publisher", "string|null", "发布机构", "publishing body"),
        _f("written", "string|null", "成文日期，YYYY-MM-DD", "date written, YYYY-MM-DD"),
        _f("method", "string|null", "公开方式", "how it is disclosed"),
    ),
    _f(
        "attachments",
        "array",
        "附件",
        "attached files",
        _f("title", "string", "附件名称", "link text"),
        _f("url", "string", "附件地址（相对网站根）", "the file, relative to the site root"),
        _f("size", "integer", "文件大小（字节）", "size in bytes"),
        _f("type", "string", "文件类型（扩展名，如 PDF）", "file type (its extension, e.g. PDF)"),
    ),
    _f(
        "corrections",
        "array",
        "更正记录，最新的在前",
        "corrections, newest first",
        _f("date", "string", "更正日期，YYYY-MM-DD", "date of the correction"),
        _f("note", "string", "更正说明", "what was corrected"),
    ),
    _f(
        "sections",
        "array",
        "方面（无方面的通报为一个无标题的方面）",
        "sections (one untitled section when the notice has none)",
        _f("id", "string|null", "页面锚点", "anchor on the page"),
        _f("title", "string|null", "方面标题", "section title"),
        _f("issues", "array", "问题", "issues", *ISSUE_FIELDS),
    ),
)
DATA_FIELDS = (
    _f("generator", "string", "生成程序及版本", "the program that wrote the file"),
    _f(
        "schema_version",
        "integer",
        "数据格式版本；字段有不兼容的变化时加一",
        "format version, raised on incompatible change",
    ),
    _f("license", "string", "数据许可（site.yaml 的 license）", "licence of the data (site.yaml's license)"),
    _f("documentation", "string", "本说明页的地址", "this description's address"),
    _f(
        "site",
        "object",
        "网站",
        "the site",
        _f("title", "string", "网站名称", "site name"),
        _f("base_url", "string|null", "网站地址", "the site's address"),
        _f("language", "string", "网站语言", "site language"),
    ),
    _f("notices", "array", "全部已发布通报，最新的在前", "every published notice, newest first", *NOTICE_FIELDS),
)


class AttachedData(NamedTuple):
    """An attached file as the build found it: its link text, address from the site root, bytes and type."""

    title: str
    url: str
    size: int
    type: str


def notices_json(config: SiteConfig, records: Iterable[bytes], documentation: str) -> bytes:
    """The whole document, as UTF-8, from the notices' records as notice_json encoded them (the build state
    keeps them encoded: a big site's file is tens of megabytes, joined here without decoding)."""
    header = {
        "generator": f"site-gen {__version__}",  # first: build.made_by_site_gen knows our output folders by it
        "schema_version": SCHEMA_VERSION,
        "license": config.license,
        "documentation": config.base_url + documentation if config.base_url else documentation,
        "site": {"title": config.title, "base_url": config.base_url or None, "language": config.language},
    }
    return encode(header)[:-1].encode() + b',"notices":[' + b",".join(records) + b"]}\n"


def notice_json(notice: Notice, attachments: Sequence[AttachedData] = (), measures: bool = False) -> str:
    return encode(notice_record(notice, attachments, measures))


def encode(value) -> str:
    # compact: the C encoder is ~10x faster than indent=2 on a big site; pretty-print with `python -m json.tool`
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def notice_record(notice: Notice, attachments: Sequence[AttachedData] = (), measures: bool = False) -> dict:
    """attachments: each file's title, url, size and type, as the build found them (site.attachment_records)."""
    inspection = notice.inspection
    return {
        "slug": notice.slug,
        "url": notice.url,
        "data": notice.data_url,
        "title": notice.title,
        "organization": notice.organization,
        "date": notice.date.isoformat(),
        "updated": notice.updated.isoformat(),
        "lang": notice.lang or None,
        "summary": notice.summary or None,
        "tags": list(notice.tags),
        "series": notice.series or None,
        "draft": notice.draft,
        "inspection": None
        if inspection is None
        else {
            "group": inspection.group or None,
            "round": inspection.round or None,
            "from": _iso(inspection.start),
            "to": _iso(inspection.end),
            "feedback": _iso(inspection.feedback),
        },
        "disclosure": disclosure_record(notice.disclosure),
        "contact": contact_record(notice.contact),
        "progress": progress_record(notice.progress),
        "attachments": [a._asdict() for a in attachments],
        "corrections": [{"date": c.date.isoformat(), "note": c.note} for c in notice.corrections],
        "sections": [
            {
                "id": section.id or None,
                "title": section.title or None,
                "issues": [issue_record(issue, measures) for issue in section.issues],
            }
            for section in notice.sections
        ],
    }


def disclosure_record(disclosure: Disclosure | None) -> dict | None:
    """The original's 政府信息公开 metadata: index, number, subject, publisher, written, method (None: not kept)."""
    if disclosure is None:
        return None
    return {
        "index": disclosure.index or None,
        "number": disclosure.number or None,
        "subject": disclosure.subject or None,
        "publisher": disclosure.publisher or None,
        "written": _iso(disclosure.written),
        "method": disclosure.method or None,
    }


def series_json(config: SiteConfig, records: Iterable[str]) -> str:
    """series.json: every series with its notices and each problem's history (docs/series.md), from each series'
    record as series_json_record encoded it (kept with the series: an edit encodes its own series only)."""
    header = {
        "generator": f"site-gen {__version__}",
        "site": {"title": config.title, "base_url": config.base_url or None, "language": config.language},
    }
    return encode(header)[:-1] + ',"series":[' + ",".join(records) + "]}\n"


def series_json_record(one: Series) -> str:
    return encode(series_record(one))


def series_record(one: Series) -> dict:
    return {
        "id": one.id,
        "title": one.title,
        "url": one.url,
        "notices": [{"url": stop.url, "date": stop.date.isoformat()} for stop in one.notices],
        "issues": [
            {
                "title": thread.title,
                "deadline": _iso(thread.deadline),
                "long_term": thread.long_term,
                "responsible": thread.responsible,
                "regressed": thread.regressed,
                "history": [
                    {
                        "notice": one.notices[entry.notice].url,
                        "date": one.notices[entry.notice].date.isoformat(),
                        "status": entry.status.value,
                        "overdue": entry.overdue,
                    }
                    for entry in thread.entries
                ],
            }
            for thread in one.threads
        ],
    }


def progress_record(progress: Progress) -> dict:
    return {
        "total": progress.total,
        "counts": {status.value: count for status, count in progress.counts},
        "completed": progress.completed,
        "completion_rate": None if progress.completion_rate is None else round(progress.completion_rate, 4),
    }


def contact_record(contact: Contact) -> dict:
    return {
        "phones": list(contact.phones),
        "emails": list(contact.emails),
        "address": contact.address or None,
        "other": list(contact.other),
    }


def issue_record(issue: Issue, measures: bool) -> dict:
    record = {
        "id": issue.id,
        "number": issue.number,
        "title": issue.title,
        "status": issue.status.value,
        "wording": issue.wording or None,
        **issue_lines_record(issue),
        "sub_problems": [sub_problem_record(sub, measures) for sub in issue.sub_problems],
        "measures": plain_text(issue.body_html),
    }
    if measures:
        record["measures_html"] = issue.body_html
    return record


def sub_problem_record(sub: SubProblem, measures: bool) -> dict:
    record = {
        "id": sub.id,
        "title": sub.title,
        "status": sub.status.value,
        "wording": sub.status_line.wording if sub.status_line else None,
        **issue_lines_record(sub),
        "measures": plain_text(sub.body_html),
    }
    if measures:
        record["measures_html"] = sub.body_html
    return record


def issue_lines_record(item: Issue | SubProblem) -> dict:
    """What the per-issue lines under its heading state (整改时限, 责任单位, 责任人, 完成时间); null when unstated."""
    return {
        "deadline": _iso(item.deadline),
        "long_term": item.long_term,
        "responsible": item.responsible,
        "responsible_person": item.responsible_person,
        "completed_on": _iso(item.completed_on),
    }


_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|tr|pre|div)>|<br\s*/?>|</t[dh]>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINES = re.compile(r"[ \t]*\n\s*")


def plain_text(markup: str) -> str:
    """HTML measures as text a spreadsheet or a reporter can quote: one line per paragraph or list item,
    tags dropped, entities decoded (&amp; -> &)."""
    text = _BLOCK_END.sub(lambda m: "\t" if m.group().lower() in ("</td>", "</th>") else "\n", markup)
    return _BLANK_LINES.sub("\n", html.unescape(_TAG.sub("", text))).strip()


def field_rows(language: str, fields: Sequence[DataField] = DATA_FIELDS, prefix: str = "") -> list[tuple]:
    """The 数据说明 page's table: each key's path (notices[].sections[].issues[].measures), type, meaning and
    whether only a notice's own record has it."""
    rows: list[tuple] = []
    for spec in fields:
        path = prefix + spec.name
        rows.append((path, spec.type, spec.zh if language == "zh" else spec.en, spec.detail_only))
        inner = path + ("[]." if spec.type.startswith("array") else ".")
        rows += field_rows(language, spec.fields, inner)
    return rows


def example_record(language: str) -> str:
    """A made-up notice's entry in notices.json, pretty-printed, for the 数据说明 page: made by notice_record
    itself, so the example has exactly the keys the data has."""
    zh = language == "zh"
    status = StatusLine("整改完成" if zh else "Completed", Status.DONE, 9)
    sub = SubProblem(
        id="s1-1-1",
        title="一是制度修订滞后" if zh else "Rules revised late",
        status_line=status,
        body_html="<p>修订制度 2 项。</p>" if zh else "<p>Two rules revised.</p>",
        line=10,
    )
    issue = Issue(
        id="s1-1",
        number="1",
        title="1. 关于某某制度执行不到位的问题" if zh else "1. Rules not applied",
        status_line=None,
        body_html="<p>按月通报执行情况。</p>" if zh else "<p>Reported monthly.</p>",
        line=8,
        sub_problems=(sub,),
    )
    notice = Notice(
        source="content/2025/example.md",
        slug="2025/example",
        title="关于巡察整改进展情况的通报" if zh else "Rectification progress",
        organization="中共某某局党组" if zh else "Example Bureau",
        date=dt.date(2025, 4, 2),
        contact=Contact(phones=("0000-1234567",), emails=("example@example.gov.cn",)),
        inspection=Inspection("区委第一巡察组" if zh else "Group 1", "", dt.date(2024, 9, 2), dt.date(2024, 11, 15)),
        sections=(
            Section(id="s1", title="（一）某某方面" if zh else "Section one", intro_html="", line=7, issues=(issue,)),
        ),
        corrections=(
            Correction(dt.date(2025, 5, 6), "更正第 1 项问题的整改状态" if zh else "Status of issue 1 corrected"),
        ),
        disclosure=Disclosure(
            "000000-2025-00001", "某党组〔2025〕1号", "综合政务", "某某局", dt.date(2025, 4, 1), "主动公开"
        ),
    )
    attached = AttachedData("满意度测评表" if zh else "Survey", "notices/2025/files/survey.pdf", 48213, "PDF")
    return json.dumps(notice_record(notice, (attached,)), ensure_ascii=False, indent=2)


def documented(fields: Sequence[DataField], detail: bool) -> dict[str, dict]:
    """The key tree DATA_FIELDS declares for notices.json (detail False) or a notice's record (True)."""
    return {f.name: documented(f.fields, detail) for f in fields if detail or not f.detail_only}


def _iso(value) -> str | None:
    return value.isoformat() if value else None
