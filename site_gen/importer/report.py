"""What an import found, removed and could not decide, for the clerk to read before publishing.

The report is in the site's language (Chinese, or English on an English site or with --lang en):
every label is a pair here, every note a Said made with both wordings where it was found.
"""

from __future__ import annotations

from ..base.diagnostics import Severity
from ..notice.model import Issue, Notice, Progress, SubProblem
from ..notice.schema import BODY_FIELDS
from ..pages.theme_text import status_tally
from .boilerplate import Removed
from .convert import ImportResult
from .said import in_language

KINDS = {  # what a removed line was: (Chinese, English)
    "breadcrumb": ("导航路径", "breadcrumb"),
    "font size": ("字号切换", "font size switcher"),
    "QR code": ("扫码提示", "QR code prompt"),
    "site footer": ("网站页脚", "site footer"),
    "page counter": ("访问量", "page counter"),
    "related": ("相关链接", "related links"),
    "publication line": ("发布信息", "publication line"),
    "share": ("分享", "share buttons"),
    "links": ("网页链接", "links"),
    "reviewer": ("审核人（已存入 reviewers:）", "reviewer (kept as reviewers:)"),
    "toolbar": ("网页工具栏", "tool bar"),
    "disclosure metadata": ("政府信息公开元数据", "disclosure metadata"),
    "repeated title": ("重复的标题", "repeated title"),
    "problem list heading (merged)": ("问题清单标题（问题已并入整改情况）", "problem list heading (merged)"),
    "page number": ("页码", "page number"),
    "page header or footer": ("页眉页脚", "page header or footer"),
    "outside the article": ("正文之外的网页内容", "outside the article"),
    "after the signature": ("落款之后的网页内容", "after the signature"),
}


def report(result: ImportResult, written_to: str, language: str = "zh") -> str:
    say = Words(language)
    lines = [f"{result.source} → {written_to}"]
    lines += metadata_lines(result, say)
    lines += disclosure_lines(result, say)
    if result.notice is not None:
        lines += structure_lines(result.notice, say)
    if result.decision:
        lines.append(f"  {say('问题部分', 'problem part')}: {in_language(result.decision, language)}")
    lines += contact_lines(result.front, say)
    lines += removed_lines(result, say)
    lines += [f"  {say('警告', 'warning')}: {in_language(warning, language)}" for warning in result.warnings]
    lines += [f"  {say('注意', 'note')}: {in_language(note, language)}" for note in result.notes]
    lines += check_lines(result, say)
    return "\n".join(lines)


class Words:
    """say(zh, en): the wording in the report's language."""

    def __init__(self, language: str) -> None:
        self.language = "en" if language == "en" else "zh"

    def __call__(self, zh: str, en: str) -> str:
        return en if self.language == "en" else zh


def metadata_lines(result: ImportResult, say: Words) -> list[str]:
    front = result.front
    lines = [
        f"  {say('标题', 'title')}: {front.get('title')}",
        f"  {say('发布单位', 'organization')}: {front.get('organization')}   {say('日期', 'date')}: {front.get('date')}",
    ]
    if "inspection" in front:
        names = {"group": ("巡察组", "group"), "round": ("轮次", "round"), "from": ("起", "from")}
        names |= {"to": ("止", "to"), "feedback": ("反馈", "feedback")}
        shown = " · ".join(f"{say(*names[k])} {v}" for k, v in front["inspection"].items())
        lines.append(f"  {say('巡察', 'inspection')}: {shown}")
    if not result.is_rectification:
        lines.append(
            "  "
            + say(
                "类型: 不是整改进展通报，按文字段落导入",
                "kind: not a rectification notice, imported as text sections",
            )
        )
    return lines


def disclosure_lines(result: ImportResult, say: Words) -> list[str]:
    """The disclosure block's fields and which of them the notice took."""
    found = result.disclosure
    if not found.fields:
        return []
    shown = "; ".join(f"{label} {value or say('（空）', '(empty)')}" for label, value in found.fields.items())
    front = result.front
    taken = {
        say("标题", "title"): found.title and found.title == front.get("title"),
        say("发布单位", "organization"): found.publisher and found.publisher == front.get("organization"),
        say("日期", "date"): found.date and found.date.isoformat() == front.get("date"),
    }
    used = [name for name, was_taken in taken.items() if was_taken]
    where = say(
        f"第 {found.lines[0]}–{found.lines[-1]} 行，已移出正文", f"lines {found.lines[0]}–{found.lines[-1]}, removed"
    )
    kept = (
        say("，索引号等存入 disclosure:", "; its 索引号 etc. kept under disclosure:")
        if result.front.get("disclosure")
        else ""
    )
    none = say("无（通报本身写得更全）", "nothing (the notice itself says more)")
    return [
        f"  {say('公开信息', 'disclosure metadata')} ({where}{kept}): {shown}",
        f"  {say('采用', 'used from it')}: {say('、', ', ').join(used) if used else none}",
    ]


def structure_lines(notice: Notice, say: Words) -> list[str]:
    """Sections, issues and statuses as the site's reader sees them: the same counts check and build use."""
    with_issues = sum(1 for section in notice.sections if section.issues)
    subs = sum(len(issue.sub_problems) for issue in notice.issues)
    leaves = sum(len(issue.sub_problems) or 1 for issue in notice.issues)
    written = sum(
        bool(issue.status_line) + sum(bool(sub.status_line) for sub in issue.sub_problems) for issue in notice.issues
    )
    by_status = status_tally(Progress.of(notice.issues), say.language)
    sections, issues = len(notice.sections), len(notice.issues)
    return [
        "  "
        + say(
            f"结构: {sections} 个部分，其中 {with_issues} 个含问题；{issues} 个问题；{subs} 个子问题；共 {leaves} 个最小问题",
            f"structure: {sections} section(s), {with_issues} with issues; {issues} issue(s); {subs} sub-problem(s); "
            f"{leaves} leaf problem(s)",
        ),
        f"  {say('整改状态行', 'status lines found')}: {written}",
        f"  {say('各问题整改状态', 'issues by status')}: {by_status or say('无', 'none')}",
    ] + per_issue_lines(notice, say)


def per_issue_lines(notice: Notice, say: Words) -> list[str]:
    """How many issues and sub-problems state each per-issue line, as the reader took them (none: no line)."""
    items: list[Issue | SubProblem] = [*notice.issues]
    items += [sub for issue in notice.issues for sub in issue.sub_problems]
    counts = {
        spec: sum(bool(getattr(item, spec.name)) or (spec.name == "deadline" and item.long_term) for item in items)
        for spec in BODY_FIELDS[1:]
    }
    chinese = say.language == "zh"
    found = " · ".join(f"{spec.label_zh if chinese else spec.label_en} {n}" for spec, n in counts.items() if n)
    return [f"  {say('时限与责任行', 'per-issue lines')}: {found}"] if found else []


CONTACT_KEYS = {"phones": ("电话", "phones"), "emails": ("邮箱", "emails"), "address": ("地址", "address")}


def contact_lines(front: dict, say: Words) -> list[str]:
    contact = front.get("contact", {})
    found = "; ".join(
        f"{say(*CONTACT_KEYS.get(key, ('其他', 'other')))} {', '.join(v) if isinstance(v, list) else v}"
        for key, v in contact.items()
    )
    none = say("未找到，使用网站默认", "none found (the site's defaults apply)")
    lines = [f"  {say('联系方式', 'contact')}: {found or none}"]
    if front.get("reviewers"):
        lines.append(
            f"  {say('审核（已存入字段区）', 'reviewers (kept in front-matter)')}: " + ", ".join(front["reviewers"])
        )
    return lines


def removed_lines(result: ImportResult, say: Words) -> list[str]:
    """Every non-blank source line is in the notice or listed here: the clerk can check nothing was lost."""
    removed_whole = sum(removed.whole for removed in result.removed)
    kept = result.lines_read - removed_whole
    lines = [
        "  "
        + say(
            f"原文: {result.lines_read} 行非空：{kept} 行在通报中，{removed_whole} 行移除",
            f"source: {result.lines_read} non-blank line(s): {kept} in the notice, {removed_whole} removed",
        )
    ]
    if result.attachments:
        lines.append(
            "  "
            + say(
                "提到的附件（按正文保留，请把文件加到 attachments:）",
                "attachments mentioned (kept as text; add the files under attachments:)",
            )
            + ": "
            + ", ".join(result.attachments)
        )
    if result.removed:
        lines.append(f"  {say('已移除', 'removed')} ({len(result.removed)}):")
        lines += [removed_line(removed, say) for removed in result.removed]
    return lines


def removed_line(removed: Removed, say: Words) -> str:
    """第 3 行 [字号切换，部分移除]: 大 中 小 —— 保留: 2023年…: a partly removed line says what stayed."""
    zh, en = KINDS.get(removed.kind, (removed.kind, removed.kind))
    kind = say(zh, en)
    if removed.page:
        kind += say(f"，第 {removed.page} 页", f", page {removed.page}")
    if not removed.whole:
        kind += say("，部分移除", ", partly removed")
    text = f"    {say(f'第 {removed.line} 行', f'line {removed.line}')} [{kind}]: {removed.text[:100]}"
    if not removed.whole:
        text += f"{say(' —— 保留', ' — kept')}: {removed.kept[:60]}"
    return text


def check_lines(result: ImportResult, say: Words) -> list[str]:
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    warnings = [d for d in result.diagnostics if d.severity is Severity.WARNING]
    lines = [
        "  "
        + say(
            f"检查: {len(errors)} 个错误, {len(warnings)} 个警告",
            f"check: {len(errors)} error(s), {len(warnings)} warning(s)",
        )
    ]
    lines += [
        "    " + d.in_language(say.language).format(say.language).replace("\n", "\n    ") for d in errors + warnings
    ]
    return lines
