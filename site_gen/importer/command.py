"""`site-gen import`: files or folders of published notices -> notices in content/, reports and a summary.

Writing is careful: a file that exists (also a dangling symbolic link) is never written through,
and nothing lands outside the output folder.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..base.diagnostics import Severity
from ..notice.config import SiteConfig
from ..pages.theme_text import STATUS_LABELS
from .convert import ImportResult, import_file, slugify
from .report import report
from .sources import OLD_BINARY, SUPPORTED, SourceError


@dataclass
class Row:
    """One line of the batch summary."""

    source: str
    title: str = ""
    problems: str = ""
    statuses: str = ""
    warnings: str = ""


def run_import(
    sources: list[Path], config: SiteConfig, out_dir: Path, dry_run: bool, problems_in: str | None, series: str = ""
) -> int:
    """Import every source (a folder: every notice file under it), each of `series` when given; exit status 1
    when any failed."""
    jobs, failed = expand(sources, out_dir)
    rows = [Row(str(path), warnings="无法导入 cannot import: not found") for path in failed]
    for path, target, name in jobs:
        row = import_one(path, target, config, out_dir, dry_run, problems_in, series)
        row.source = name  # inside a folder: the path under it, the name the clerk knows
        rows.append(row)
    if len(rows) > 1 or any(source.is_dir() for source in sources):
        print(summary(rows))
    return 1 if failed or any(row.warnings.startswith("无法导入") or "错误" in row.warnings for row in rows) else 0


def expand(sources: list[Path], out_dir: Path) -> tuple[list[tuple[Path, Path, str]], list[Path]]:
    """(source, target, name shown) per file: a folder's files keep their sub-folders under the output folder."""
    jobs: list[tuple[Path, Path, str]] = []
    for source in sources:
        if not source.is_dir():
            jobs.append((source, out_dir / f"{slugify(source.stem)}.md", str(source)))
            continue
        written = out_dir.resolve()
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source)
            hidden = any(part.startswith((".", "~$")) for part in relative.parts)  # .preview, Word's lock files
            ours = path.resolve().is_relative_to(written)  # `site-gen import .` must not import what it writes
            if path.is_file() and not hidden and not ours and path.suffix.lower() in SUPPORTED + OLD_BINARY:
                jobs.append((path, out_dir / relative.parent / f"{slugify(path.stem)}.md", str(relative)))
    if not jobs:
        print(f"import: no .txt, .html, .docx or .pdf file found in {', '.join(map(str, sources))}", file=sys.stderr)
        return [], list(sources)
    return jobs, []


def import_one(
    path: Path,
    target: Path,
    config: SiteConfig,
    out_dir: Path,
    dry_run: bool,
    problems_in: str | None,
    series: str = "",
) -> Row:
    try:
        result = import_file(path, config, problems_in, series)
    except SourceError as exc:
        print(f"import: {exc}", file=sys.stderr)
        return Row(str(path), warnings=f"无法导入 cannot import: {str(exc).removeprefix(f'{path}: ')[:60]}")
    if dry_run:
        print(report(result, f"{target} (dry run: not written)", config.language))
        return row_of(result)
    problem = write_new(target, result.markdown, out_dir)
    if problem:
        print(f"import: {problem}", file=sys.stderr)
        return Row(str(path), result.front.get("title", ""), warnings=f"无法导入 cannot import: {problem[:60]}")
    print(report(result, str(target), config.language))
    return row_of(result)


def write_new(target: Path, text: str, out_dir: Path) -> str:
    """Write a new file inside out_dir; the problem in words when it cannot be, else ''."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        inside = target.parent.resolve().is_relative_to(out_dir.resolve())
        if not inside:
            return f"目标在输出文件夹之外，未写入 {target} would be written outside {out_dir} (a folder is a symbolic link); nothing was written"
        if target.is_symlink() or target.exists():
            kind = "is a symbolic link" if target.is_symlink() else "already exists"
            return f"目标文件已存在或是链接，未写入 {target} {kind}; delete it or choose another --out (nothing was written)"
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        return (
            f"目标文件已存在，未写入 {target} already exists; delete it or choose another --out (nothing was written)"
        )
    except OSError as exc:
        return f"无法写入 cannot write {target}: {exc.strerror or exc}"
    return ""


def row_of(result: ImportResult) -> Row:
    notice = result.notice
    errors = sum(d.severity is Severity.ERROR for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors
    flags = [f"{errors} 错误 error(s)"] if errors else []
    flags += [f"{warnings} 警告 warning(s)"] if warnings else []
    flags += [f"{len(result.notes)} 注意 note(s)"] if result.notes else []
    if notice is None:
        return Row(str(result.source), result.front.get("title", ""), warnings=", ".join(flags))
    counts = Counter(issue.status for issue in notice.issues)
    labels = STATUS_LABELS["zh"]
    statuses = " ".join(f"{labels[s]}{n}" for s, n in sorted(counts.items(), key=lambda item: -item[0].rank))
    return Row(str(result.source), notice.title, str(len(notice.issues)), statuses or "-", ", ".join(flags) or "-")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell(text: str, size: int) -> str:
    while width(text) > size:
        text = text[:-2] + "…"
    return text + " " * (size - width(text))


def summary(rows: list[Row]) -> str:
    """One line per file: 文件 file, 标题 title, 问题 problems, 状态 statuses, 提示 warnings."""
    sizes = (36, 44, 6, 28)
    head = ["文件 file", "标题 title", "问题", "状态 statuses"]
    lines = ["", "导入汇总 import summary:", "  ".join(cell(h, s) for h, s in zip(head, sizes, strict=True)) + "  提示"]
    for row in rows:
        cells = [row.source, row.title, row.problems, row.statuses]
        lines.append("  ".join(cell(c, s) for c, s in zip(cells, sizes, strict=True)) + "  " + row.warnings)
    imported = sum(not row.warnings.startswith("无法导入") for row in rows)
    lines.append(
        f"共 {len(rows)} 个文件 file(s)：{imported} 个已导入 imported，{len(rows) - imported} 个未导入 not imported"
    )
    return "\n".join(lines)
