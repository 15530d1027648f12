"""What an import found, removed and could not decide, for the clerk to read before publishing.

Every label is in the site's language, from the coded table in site_gen/base/cli_text.py; the canonical status
names ((done), (in_progress)) stay as site.yaml spells them, so whoever supports the clerk can grep for them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import partial

from ..base.cli_text import say
from ..base.diagnostics import Severity
from ..notice.model import Issue, Notice, SubProblem
from ..notice.schema import BODY_FIELDS
from ..pages.theme_text import STATUS_LABELS
from .convert import ImportResult

KINDS_ZH = {
    "breadcrumb": "导航路径",
    "font size": "字号切换",
    "QR code": "扫码提示",
    "site footer": "网站页脚",
    "page counter": "访问量",
    "related": "相关链接",
    "publication line": "发布信息",
    "share": "分享",
    "links": "网页链接",
    "reviewer (kept as reviewers:)": "审核人（已存入 reviewers:）",
    "toolbar": "网页工具栏",
    "disclosure metadata": "政府信息公开元数据",
    "repeated title": "重复的标题",
    "problem list heading (merged)": "问题清单标题（问题已并入整改情况）",
    "page number": "页码",
    "page header or footer": "页眉页脚",
}


def report(result: ImportResult, written_to: str, language: str = "zh") -> str:
    """The report in the site's language, every label from the coded table (site_gen/base/cli_text.py)."""
    words = partial(say, language=language)
    lines = [f"{result.source} → {written_to}"]
    lines += metadata_lines(result, words)
    lines += disclosure_lines(result, words)
    if result.notice is not None:
        lines += structure_lines(result.notice, words, language)
    if result.decision:
        lines.append("  " + words("report-problem-part", decision=result.decision))
    lines += contact_lines(result.front, words)
    lines += removed_lines(result, words, language)
    lines += ["  " + words("report-note", note=note) for note in result.notes]
    lines += check_lines(result, words, language)
    return "\n".join(lines)


def metadata_lines(result: ImportResult, words: Callable[..., str]) -> list[str]:
    front = result.front
    lines = [
        "  " + words("report-title", value=front.get("title")),
        "  " + words("report-organization", organization=front.get("organization"), date=front.get("date")),
    ]
    if "inspection" in front:
        parts = " · ".join(f"{k} {v}" for k, v in front["inspection"].items())
        lines.append("  " + words("report-inspection", parts=parts))
    if not result.is_rectification:
        lines.append("  " + words("report-not-rectification"))
    return lines


def disclosure_lines(result: ImportResult, words: Callable[..., str]) -> list[str]:
    """The disclosure block's fields and which of them the notice took."""
    found = result.disclosure
    if not found.fields:
        return []
    shown = "; ".join(f"{label} {value or words('report-empty')}" for label, value in found.fields.items())
    front = result.front
    taken = {
        "title": found.title and found.title == front.get("title"),
        "organization": found.publisher and found.publisher == front.get("organization"),
        "date": found.date and found.date.isoformat() == front.get("date"),
    }
    used = [name for name, was_taken in taken.items() if was_taken]
    return [
        "  " + words("report-disclosure", first=found.lines[0], last=found.lines[-1], fields=shown),
        "  " + words("report-disclosure-used", names=", ".join(used) if used else words("report-disclosure-none")),
    ]


def structure_lines(notice: Notice, words: Callable[..., str], language: str) -> list[str]:
    """Sections, issues and statuses as the site's reader sees them: the same counts check and build use."""
    with_issues = sum(1 for section in notice.sections if section.issues)
    subs = sum(len(issue.sub_problems) for issue in notice.issues)
    leaves = sum(len(issue.sub_problems) or 1 for issue in notice.issues)
    written = sum(
        bool(issue.status_line) + sum(bool(sub.status_line) for sub in issue.sub_problems) for issue in notice.issues
    )
    counts = Counter(issue.status for issue in notice.issues)
    labels = STATUS_LABELS["zh" if language == "zh" else "en"]
    by_status = " · ".join(
        f"{labels[status]} ({status.value}) {count}"
        for status, count in sorted(counts.items(), key=lambda item: -item[0].rank)
    )
    structure = words(
        "report-structure",
        sections=len(notice.sections),
        with_issues=with_issues,
        issues=len(notice.issues),
        subs=subs,
        leaves=leaves,
    )
    return [
        "  " + structure,
        "  " + words("report-status-lines", count=written),
        "  " + words("report-by-status", statuses=by_status or words("report-none")),
    ] + per_issue_lines(notice, words)


def per_issue_lines(notice: Notice, words: Callable[..., str]) -> list[str]:
    """How many issues and sub-problems state each per-issue line, as the reader took them (none: no line)."""
    items: list[Issue | SubProblem] = [*notice.issues]
    items += [sub for issue in notice.issues for sub in issue.sub_problems]
    counts = {
        spec: sum(bool(getattr(item, spec.name)) or (spec.name == "deadline" and item.long_term) for item in items)
        for spec in BODY_FIELDS[1:]
    }
    chinese = words("report-none") == "无"
    found = " · ".join(
        f"{spec.label_zh if chinese else spec.label_en} {count}" for spec, count in counts.items() if count
    )
    return ["  " + words("report-per-issue-lines", found=found)] if found else []


def contact_lines(front: dict, words: Callable[..., str]) -> list[str]:
    contact = front.get("contact", {})
    found = "; ".join(f"{key} {', '.join(v) if isinstance(v, list) else v}" for key, v in contact.items())
    lines = ["  " + words("report-contact", found=found or words("report-no-contact"))]
    if front.get("reviewers"):
        lines.append("  " + words("report-reviewers", names=", ".join(front["reviewers"])))
    return lines


def removed_lines(result: ImportResult, words: Callable[..., str], language: str) -> list[str]:
    """Every non-blank source line is in the notice or listed here: the clerk can check nothing was lost."""
    removed_whole = sum(removed.whole for removed in result.removed)
    kept = result.lines_read - removed_whole
    lines = ["  " + words("report-source", read=result.lines_read, kept=kept, removed=removed_whole)]
    if result.attachments:
        lines.append("  " + words("report-attachments", names=", ".join(result.attachments)))
    if result.removed:
        lines.append("  " + words("report-removed", count=len(result.removed)))
        lines += [
            "    " + words("report-removed-line", line=r.line, kind=kind_name(r.kind, language), text=r.text[:100])
            for r in result.removed
        ]
    return lines


def kind_name(kind: str, language: str) -> str:
    """What a removed line was, in the language (a PDF's "page number (page 3)" keeps its page)."""
    if language != "zh":
        return kind
    if kind in KINDS_ZH:
        return KINDS_ZH[kind]
    base, _, rest = kind.partition(" (")
    page = re.fullmatch(r"page (\d+)\)", rest)
    return KINDS_ZH.get(base, kind) + (f"（第 {page.group(1)} 页）" if page else "")


def check_lines(result: ImportResult, words: Callable[..., str], language: str) -> list[str]:
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    warnings = [d for d in result.diagnostics if d.severity is Severity.WARNING]
    lines = ["  " + words("report-check", errors=len(errors), warnings=len(warnings))]
    lines += ["    " + d.in_language(language).format(language).replace("\n", "\n    ") for d in errors + warnings]
    return lines
