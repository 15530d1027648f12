"""What an import found, removed and could not decide, for the clerk to read before publishing.

The report is in the site's language (Chinese, or English on an English site or with --lang en): every label is a
code of the command line's table (base/import_text.py), every note a Note worded here in that language.
"""

from __future__ import annotations

from functools import partial

from ..base.cli_text import Listed, note, say
from ..base.diagnostics import Severity
from ..notice.model import Issue, Notice, Progress, SubProblem
from ..notice.schema import BODY_FIELDS
from ..pages.theme_text import status_tally
from .boilerplate import Removed
from .convert import ImportResult

Words = partial[str]

KINDS = {  # what a removed line was (the kinds boilerplate, article, pdf_layout, convert and ledger name) -> its words
    "breadcrumb": "removed-breadcrumb",
    "font size": "removed-font-size",
    "QR code": "removed-qr-code",
    "site footer": "removed-site-footer",
    "page counter": "removed-page-counter",
    "related": "removed-related",
    "publication line": "removed-publication-line",
    "share": "removed-share",
    "links": "removed-links",
    "reviewer": "removed-reviewer",
    "toolbar": "removed-toolbar",
    "disclosure metadata": "removed-disclosure",
    "repeated title": "removed-repeated-title",
    "problem list heading (merged)": "removed-problem-list-heading",
    "page number": "removed-page-number",
    "page header or footer": "removed-page-furniture",
    "outside the article": "removed-outside-article",
    "after the signature": "removed-after-signature",
    "cell too long": "removed-cell-too-long",
    "below the table (contact taken)": "removed-below-table",
    "subtotal row": "removed-subtotal",
    "computed by site-gen": "removed-computed",
}
CONTACT_KEYS = {
    "phones": "report-contact-phones",
    "emails": "report-contact-emails",
    "address": "report-contact-address",
}


def report(result: ImportResult, written_to: str, language: str = "zh") -> str:
    language = "en" if language == "en" else "zh"
    words = partial(say, language=language)
    lines = [f"{result.source} → {written_to}"]
    lines += metadata_lines(result, words)
    lines += disclosure_lines(result, words)
    if result.notice is not None:
        lines += structure_lines(result.notice, words, language)
    if result.decision:
        lines.append("  " + words("report-problem-part", decision=result.decision))
    lines += contact_lines(result.front, words)
    lines += removed_lines(result, words)
    lines += ["  " + words("report-warning", warning=warning) for warning in result.warnings]
    lines += ["  " + words("report-note", note=one) for one in result.notes]
    lines += check_lines(result, words, language)
    return "\n".join(lines)


def metadata_lines(result: ImportResult, words: Words) -> list[str]:
    front = result.front
    lines = [
        "  " + words("report-title", value=front.get("title")),
        "  " + words("report-organization", organization=front.get("organization"), date=front.get("date")),
    ]
    if "inspection" in front:
        shown = " · ".join(f"{words(f'report-inspection-{key}')} {value}" for key, value in front["inspection"].items())
        lines.append("  " + words("report-inspection", parts=shown))
    if not result.is_rectification:
        lines.append("  " + words("report-not-rectification"))
    return lines


def disclosure_lines(result: ImportResult, words: Words) -> list[str]:
    """The disclosure block's fields and which of them the notice took."""
    found = result.disclosure
    if not found.fields:
        return []
    shown = "; ".join(f"{label} {value or words('report-empty')}" for label, value in found.fields.items())
    front = result.front
    taken = {
        "report-field-title": found.title and found.title == front.get("title"),
        "report-field-organization": found.publisher and found.publisher == front.get("organization"),
        "report-field-date": found.date and found.date.isoformat() == front.get("date"),
    }
    used = Listed(tuple(note(code) for code, was_taken in taken.items() if was_taken))
    where = note("report-disclosure-where", first=found.lines[0], last=found.lines[-1])
    kept = note("report-disclosure-kept") if result.front.get("disclosure") else ""
    return [
        "  " + words("report-disclosure", where=where, kept=kept, fields=shown),
        "  " + words("report-disclosure-used", names=used if used.items else note("report-disclosure-none")),
    ]


def structure_lines(notice: Notice, words: Words, language: str) -> list[str]:
    """Sections, issues and statuses as the site's reader sees them: the same counts check and build use."""
    with_issues = sum(1 for section in notice.sections if section.issues)
    subs = sum(len(issue.sub_problems) for issue in notice.issues)
    leaves = sum(len(issue.sub_problems) or 1 for issue in notice.issues)
    written = sum(
        bool(issue.status_line) + sum(bool(sub.status_line) for sub in issue.sub_problems) for issue in notice.issues
    )
    by_status = status_tally(Progress.of(notice.issues), language)
    sections, issues = len(notice.sections), len(notice.issues)
    return [
        "  "
        + words(
            "report-structure", sections=sections, with_issues=with_issues, issues=issues, subs=subs, leaves=leaves
        ),
        "  " + words("report-status-lines", count=written),
        "  " + words("report-by-status", statuses=by_status or note("report-none")),
    ] + per_issue_lines(notice, words, language)


def per_issue_lines(notice: Notice, words: Words, language: str) -> list[str]:
    """How many issues and sub-problems state each per-issue line, as the reader took them (none: no line)."""
    items: list[Issue | SubProblem] = [*notice.issues]
    items += [sub for issue in notice.issues for sub in issue.sub_problems]
    counts = {
        spec: sum(bool(getattr(item, spec.name)) or (spec.name == "deadline" and item.long_term) for item in items)
        for spec in BODY_FIELDS[1:]
    }
    chinese = language == "zh"
    found = " · ".join(f"{spec.label_zh if chinese else spec.label_en} {n}" for spec, n in counts.items() if n)
    return ["  " + words("report-per-issue-lines", found=found)] if found else []


def contact_lines(front: dict, words: Words) -> list[str]:
    contact = front.get("contact", {})
    found = "; ".join(
        f"{words(CONTACT_KEYS.get(key, 'report-contact-other'))} {', '.join(v) if isinstance(v, list) else v}"
        for key, v in contact.items()
    )
    lines = ["  " + words("report-contact", found=found or note("report-no-contact"))]
    if front.get("reviewers"):
        lines.append("  " + words("report-reviewers", names=", ".join(front["reviewers"])))
    return lines


def removed_lines(result: ImportResult, words: Words) -> list[str]:
    """Every non-blank source line is in the notice or listed here: the clerk can check nothing was lost."""
    removed_whole = sum(removed.whole for removed in result.removed)
    kept = result.lines_read - removed_whole
    lines = ["  " + words("report-source", read=result.lines_read, kept=kept, removed=removed_whole)]
    if result.attachments:
        lines.append("  " + words("report-attachments", names=", ".join(result.attachments)))
    if result.removed:
        lines.append("  " + words("report-removed", count=len(result.removed)))
        lines += [removed_line(removed, words) for removed in result.removed]
    return lines


def removed_line(removed: Removed, words: Words) -> str:
    """第 3 行 [字号切换，部分移除]: 大 中 小 —— 保留: 2023年…: a partly removed line says what stayed."""
    code = KINDS.get(removed.kind)
    kind = words(code) if code else removed.kind  # a kind with no words yet is shown as it is named
    if removed.page:
        kind += words("report-removed-page", page=removed.page)
    if not removed.whole:
        kind += words("report-removed-partly")
    text = "    " + words("report-removed-line", line=removed.line, kind=kind, text=removed.text[:100])
    if not removed.whole:
        text += words("report-removed-kept", kept=removed.kept[:60])
    return text


def check_lines(result: ImportResult, words: Words, language: str) -> list[str]:
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    warnings = [d for d in result.diagnostics if d.severity is Severity.WARNING]
    lines = ["  " + words("report-check", errors=len(errors), warnings=len(warnings))]
    lines += ["    " + d.in_language(language).format(language).replace("\n", "\n    ") for d in errors + warnings]
    return lines
