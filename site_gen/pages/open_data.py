"""Open data from the same model as the pages.

notices.json lists every published notice with its metadata, issues, canonical statuses and counts;
notices/<slug>.json beside each page adds the measures (as HTML). Keeping the measures out of the list keeps
it small enough to download, and lets a one-notice edit rewrite one small file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .. import __version__
from ..notice.config import SiteConfig
from ..notice.model import Contact, Issue, Notice, Progress, SubProblem
from ..notice.series import Series


def notices_json(config: SiteConfig, records: Iterable[bytes]) -> bytes:
    """The whole document, as UTF-8, from the notices' records as notice_json encoded them (the build state
    keeps them encoded: a big site's file is tens of megabytes, joined here without decoding)."""
    header = {
        "generator": f"site-gen {__version__}",
        "site": {"title": config.title, "base_url": config.base_url or None, "language": config.language},
    }
    return encode(header)[:-1].encode() + b',"notices":[' + b",".join(records) + b"]}\n"


def notice_json(notice: Notice, measures: bool = False) -> str:
    return encode(notice_record(notice, measures))


def encode(value) -> str:
    # compact: the C encoder is ~10x faster than indent=2 on a big site; pretty-print with `python -m json.tool`
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def notice_record(notice: Notice, measures: bool = False) -> dict:
    inspection = notice.inspection
    return {
        "slug": notice.slug,
        "url": notice.url,
        "data": notice.data_url,
        "title": notice.title,
        "organization": notice.organization,
        "date": notice.date.isoformat(),
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
        "contact": contact_record(notice.contact),
        "progress": progress_record(notice.progress),
        "sections": [
            {
                "id": section.id or None,
                "title": section.title or None,
                "issues": [issue_record(issue, measures) for issue in section.issues],
            }
            for section in notice.sections
        ],
    }


def series_json(config: SiteConfig, series: list[Series]) -> str:
    """series.json: every series with its notices and each problem's history (docs/series.md)."""
    header = {
        "generator": f"site-gen {__version__}",
        "site": {"title": config.title, "base_url": config.base_url or None, "language": config.language},
    }
    return encode({**header, "series": [series_record(one) for one in series]}) + "\n"


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


def _iso(value) -> str | None:
    return value.isoformat() if value else None
