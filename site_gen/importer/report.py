"""What an import found, removed and could not decide, for the clerk to read before publishing."""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Severity
from ..strings import STATUS_LABELS
from .convert import ImportResult


def report(result: ImportResult, written_to: str, language: str = "zh") -> str:
    front = result.front
    notice = result.notice
    lines = [f"{result.source} → {written_to}"]
    lines.append(f"  标题 title: {front.get('title')}")
    lines.append(f"  发布单位 organization: {front.get('organization')}   日期 date: {front.get('date')}")
    if "inspection" in front:
        lines.append("  巡察 inspection: " + " · ".join(f"{k} {v}" for k, v in front["inspection"].items()))
    if not result.is_rectification:
        lines.append("  类型 kind: not a rectification notice (imported as text sections)")
    if notice is not None:
        sections = [s for s in notice.sections if s.issues]
        subs = sum(len(i.sub_problems) for i in notice.issues)
        lines.append(
            f"  结构 structure: {len(notice.sections)} section(s), {len(sections)} with issues, "
            f"{len(notice.issues)} issue(s), {subs} sub-problem(s)"
        )
        counts = Counter(issue.status for issue in notice.issues)
        labels = STATUS_LABELS["zh"]
        lines.append(
            "  整改状态 statuses: "
            + (
                " · ".join(f"{labels[s]} ({s.value}) {n}" for s, n in sorted(counts.items(), key=lambda x: -x[0].rank))
                or "none"
            )
        )
    contact = front.get("contact", {})
    lines.append(
        "  联系方式 contact: "
        + (
            "; ".join(f"{k} {', '.join(v) if isinstance(v, list) else v}" for k, v in contact.items())
            or "none found (site defaults apply)"
        )
    )
    if front.get("reviewers"):
        lines.append("  审核 reviewers (kept in front-matter): " + ", ".join(front["reviewers"]))
    if result.attachments:
        lines.append(
            "  附件 attachments mentioned (kept as text; add the files under attachments:): "
            + ", ".join(result.attachments)
        )
    if result.removed:
        lines.append(f"  已移除 removed website text ({len(result.removed)} line(s)):")
        lines += [f"    line {r.line} [{r.kind}]: {r.text[:100]}" for r in result.removed]
    for note in result.notes:
        lines.append(f"  注意 note: {note}")
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    warnings = [d for d in result.diagnostics if d.severity is Severity.WARNING]
    lines.append(f"  检查 check: {len(errors)} error(s), {len(warnings)} warning(s)")
    lines += ["    " + d.in_language(language).format(language).replace("\n", "\n    ") for d in errors + warnings]
    return "\n".join(lines)
