"""What an import found, removed and could not decide, for the clerk to read before publishing.

Each line starts with a Chinese label (the clerk's language) followed by the English term,
so the report is readable by the clerk and greppable by whoever supports them.
"""

from __future__ import annotations

from collections import Counter

from ..base.diagnostics import Severity
from ..notice.model import Notice
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
}


def report(result: ImportResult, written_to: str, language: str = "zh") -> str:
    lines = [f"{result.source} → {written_to}"]
    lines += metadata_lines(result)
    lines += disclosure_lines(result)
    if result.notice is not None:
        lines += structure_lines(result.notice)
    if result.decision:
        lines.append(f"  问题部分 problem part: {result.decision}")
    lines += contact_lines(result.front)
    lines += removed_lines(result)
    lines += [f"  警告 warning: {warning}" for warning in result.warnings]
    lines += [f"  注意 note: {note}" for note in result.notes]
    lines += check_lines(result, language)
    return "\n".join(lines)


def metadata_lines(result: ImportResult) -> list[str]:
    front = result.front
    lines = [
        f"  标题 title: {front.get('title')}",
        f"  发布单位 organization: {front.get('organization')}   日期 date: {front.get('date')}",
    ]
    if "inspection" in front:
        lines.append("  巡察 inspection: " + " · ".join(f"{k} {v}" for k, v in front["inspection"].items()))
    if not result.is_rectification:
        lines.append(
            "  类型 kind: 不是整改进展通报，按文字段落导入 (not a rectification notice: imported as text sections)"
        )
    return lines


def disclosure_lines(result: ImportResult) -> list[str]:
    """The disclosure block's fields and which of them the notice took."""
    found = result.disclosure
    if not found.fields:
        return []
    shown = "; ".join(f"{label} {value or '（空 empty）'}" for label, value in found.fields.items())
    front = result.front
    taken = {
        "title 标题": found.title and found.title == front.get("title"),
        "organization 发布单位": found.publisher and found.publisher == front.get("organization"),
        "date 日期": found.date and found.date.isoformat() == front.get("date"),
    }
    used = [name for name, was_taken in taken.items() if was_taken]
    return [
        f"  公开信息 disclosure metadata (第 {found.lines[0]}–{found.lines[-1]} 行 lines, 已移出正文 removed): {shown}",
        f"  采用 used from it: {', '.join(used) if used else '无 nothing (the notice itself says more)'}",
    ]


def structure_lines(notice: Notice) -> list[str]:
    """Sections, issues and statuses as the site's reader sees them: the same counts check and build use."""
    with_issues = sum(1 for section in notice.sections if section.issues)
    subs = sum(len(issue.sub_problems) for issue in notice.issues)
    leaves = sum(len(issue.sub_problems) or 1 for issue in notice.issues)
    written = sum(
        bool(issue.status_line) + sum(bool(sub.status_line) for sub in issue.sub_problems) for issue in notice.issues
    )
    counts = Counter(issue.status for issue in notice.issues)
    labels = STATUS_LABELS["zh"]
    by_status = " · ".join(
        f"{labels[status]} ({status.value}) {count}"
        for status, count in sorted(counts.items(), key=lambda item: -item[0].rank)
    )
    return [
        f"  结构 structure: {len(notice.sections)} 个部分 section(s)，其中 {with_issues} 个含问题 with issues；"
        f"{len(notice.issues)} 个问题 issue(s)；{subs} 个子问题 sub-problem(s)；共 {leaves} 个最小问题 leaf problem(s)",
        f"  整改状态行 status lines found: {written}",
        f"  各问题整改状态 issues by status: {by_status or '无 none'}",
    ]


def contact_lines(front: dict) -> list[str]:
    contact = front.get("contact", {})
    found = "; ".join(f"{key} {', '.join(v) if isinstance(v, list) else v}" for key, v in contact.items())
    lines = [f"  联系方式 contact: {found or '未找到，使用网站默认 none found (site defaults apply)'}"]
    if front.get("reviewers"):
        lines.append("  审核 reviewers (kept in front-matter): " + ", ".join(front["reviewers"]))
    return lines


def removed_lines(result: ImportResult) -> list[str]:
    """Every non-blank source line is in the notice or listed here: the clerk can check nothing was lost."""
    removed_whole = sum(removed.whole for removed in result.removed)
    lines = [
        f"  原文 source: {result.lines_read} 行非空 non-blank line(s)：{result.lines_read - removed_whole} 行在通报中 "
        f"in the notice，{removed_whole} 行移除 removed"
    ]
    if result.attachments:
        lines.append(
            "  附件 attachments mentioned (kept as text; add the files under attachments:): "
            + ", ".join(result.attachments)
        )
    if result.removed:
        lines.append(f"  已移除 removed website text ({len(result.removed)}):")
        lines += [
            f"    第 {r.line} 行 line {r.line} [{KINDS_ZH.get(r.kind.split(' (')[0], r.kind)} {r.kind}]: {r.text[:100]}"
            for r in result.removed
        ]
    return lines


def check_lines(result: ImportResult, language: str) -> list[str]:
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    warnings = [d for d in result.diagnostics if d.severity is Severity.WARNING]
    lines = [f"  检查 check: {len(errors)} 个错误 error(s), {len(warnings)} 个警告 warning(s)"]
    lines += ["    " + d.in_language(language).format(language).replace("\n", "\n    ") for d in errors + warnings]
    return lines
