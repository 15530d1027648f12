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
from .notice_text import imported_from
from .report import Words, report
from .sources import OLD_BINARY, SUPPORTED, SourceError


@dataclass
class Row:
    """One line of the batch summary."""

    source: str
    title: str = ""
    problems: str = ""
    statuses: str = ""
    warnings: str = ""
    failed: bool = False  # not imported: the warnings say why
    errors: int = 0  # errors check gives the imported notice


@dataclass(frozen=True)
class Options:
    """How to import: where to, whether to write, the problem part, replacing, the report's language."""

    out_dir: Path
    dry_run: bool = False
    problems_in: str | None = None
    force: bool = False
    language: str = "zh"


def run_import(
    sources: list[Path],
    config: SiteConfig,
    out_dir: Path,
    dry_run: bool,
    problems_in: str | None,
    force: bool = False,
    language: str | None = None,
) -> int:
    """Import every source (a folder: every notice file under it); exit status 1 when any failed."""
    options = Options(out_dir, dry_run, problems_in, force, language or config.language)
    say = Words(options.language)
    jobs, failed = expand(sources, out_dir)
    rows = [
        Row(str(path), warnings=say("无法导入：找不到", "cannot import: not found"), failed=True) for path in failed
    ]
    for path, target, name in jobs:
        row = import_one(path, target, config, options)
        row.source = name  # inside a folder: the path under it, the name the clerk knows
        rows.append(row)
    if len(rows) > 1 or any(source.is_dir() for source in sources):
        print(summary(rows, say))
    return 1 if failed or any(row.failed or row.errors for row in rows) else 0


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


def import_one(path: Path, target: Path, config: SiteConfig, options: Options) -> Row:
    say = Words(options.language)
    cannot = say("无法导入", "cannot import")
    try:
        result = import_file(path, config, options.problems_in)
    except SourceError as exc:
        print(f"import: {exc}", file=sys.stderr)
        return Row(str(path), warnings=f"{cannot}: {str(exc).removeprefix(f'{path}: ')[:60]}", failed=True)
    if options.dry_run:
        shown = say(f"{target}（试运行，未写入）", f"{target} (dry run: not written)")
        print(report(result, shown, options.language))
        return row_of(result, say)
    problem = write_new(target, result.markdown, options.out_dir, path.name if options.force else "")
    if problem:
        print(f"import: {problem}", file=sys.stderr)
        return Row(str(path), result.front.get("title", ""), warnings=f"{cannot}: {problem[:60]}", failed=True)
    print(report(result, str(target), options.language))
    return row_of(result, say)


def write_new(target: Path, text: str, out_dir: Path, replacing: str = "") -> str:
    """Write a new file inside out_dir; the problem in words when it cannot be, else ''.

    replacing (import --force) names the source: a file that an earlier import of that same source
    wrote (its first line says so) is replaced, atomically; any other file is left alone.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        inside = target.parent.resolve().is_relative_to(out_dir.resolve())
        if not inside:
            return f"目标在输出文件夹之外，未写入 {target} would be written outside {out_dir} (a folder is a symbolic link); nothing was written"
        if replacing and not target.is_symlink() and target.is_file() and earlier_import(target) == replacing:
            return replace_file(target, text)
        if target.is_symlink() or target.exists():
            if replacing and not target.is_symlink():
                return (
                    f"目标文件不是从 {replacing} 导入的，--force 也不会覆盖 {target} was not written by an import of "
                    f"{replacing} (a person wrote it, or another source did); delete it or choose another --out"
                )
            kind = "is a symbolic link" if target.is_symlink() else "already exists"
            return (
                f"目标文件已存在或是链接，未写入 {target} {kind}; delete it, choose another --out, or re-import with "
                "--force to replace what an earlier import of this source wrote (nothing was written)"
            )
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


def earlier_import(target: Path) -> str | None:
    """The source an earlier import recorded in the file, None when it has no such record (or is unreadable)."""
    try:
        with target.open(encoding="utf-8", errors="replace") as stream:
            return imported_from(stream.read(4096))
    except OSError:
        return None


def replace_file(target: Path, text: str) -> str:
    """Write beside the target, then rename over it: a failure leaves the earlier import whole."""
    temporary = target.with_name(f".{target.name}.import-{os.getpid()}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        return f"无法写入 cannot write {target}: {exc.strerror or exc}"
    return ""


def row_of(result: ImportResult, say: Words) -> Row:
    notice = result.notice
    errors = sum(d.severity is Severity.ERROR for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors + len(result.warnings)
    flags = [say(f"{errors} 个错误", f"{errors} error(s)")] if errors else []
    flags += [say(f"{warnings} 个警告", f"{warnings} warning(s)")] if warnings else []
    flags += [say(f"{len(result.notes)} 条注意", f"{len(result.notes)} note(s)")] if result.notes else []
    if notice is None:
        return Row(str(result.source), result.front.get("title", ""), warnings=", ".join(flags), errors=errors)
    counts = Counter(issue.status for issue in notice.issues)
    labels = STATUS_LABELS[say.language]
    gap = say("", " ")
    statuses = " ".join(f"{labels[s]}{gap}{n}" for s, n in sorted(counts.items(), key=lambda item: -item[0].rank))
    problems = str(len(notice.issues))
    return Row(str(result.source), notice.title, problems, statuses or "-", ", ".join(flags) or "-", errors=errors)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell(text: str, size: int) -> str:
    while width(text) > size:
        text = text[:-2] + "…"
    return text + " " * (size - width(text))


def summary(rows: list[Row], say: Words) -> str:
    """One line per file: file, title, problems, statuses, what to look at."""
    sizes = (36, 44, 6, 28)
    head = [say("文件", "file"), say("标题", "title"), say("问题", "issues"), say("状态", "statuses")]
    lines = ["", say("导入汇总:", "import summary:")]
    lines.append("  ".join(cell(h, s) for h, s in zip(head, sizes, strict=True)) + "  " + say("提示", "notes"))
    for row in rows:
        cells = [row.source, row.title, row.problems, row.statuses]
        lines.append("  ".join(cell(c, s) for c, s in zip(cells, sizes, strict=True)) + "  " + row.warnings)
    imported = sum(not row.failed for row in rows)
    failed = len(rows) - imported
    lines.append(
        say(
            f"共 {len(rows)} 个文件：{imported} 个已导入，{failed} 个未导入",
            f"{len(rows)} file(s): {imported} imported, {failed} not imported",
        )
    )
    return "\n".join(lines)
