"""`site-gen import`: files or folders of published notices -> notices in content/, reports and a summary.

Writing is careful: a file that exists (also a dangling symbolic link) is never written through,
and nothing lands outside the output folder.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..base.cli_text import say
from ..base.diagnostics import Severity
from ..notice.config import SiteConfig
from ..notice.model import Progress
from ..pages.theme_text import status_tally
from .convert import ImportResult, import_file, slugify
from .ledger import SUFFIXES as LEDGER_SUFFIXES
from .ledger import import_ledger
from .next_in_series import followed_on, site_series
from .notice_text import imported_from
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
    failed: bool = False  # not imported
    skipped: bool = False  # left out on purpose (a link out of the folder): not imported, not a failure
    errors: int = 0  # check's errors in what was imported


def run_import(
    sources: list[Path],
    config: SiteConfig,
    out_dir: Path,
    dry_run: bool,
    problems_in: str | None,
    sheet: str | None = None,
    force: bool = False,
    language: str | None = None,
    series: str = "",
) -> int:
    """Import every source (a folder: every notice file under it); exit status 1 when any failed.

    force replaces a notice an earlier import of the same source wrote (never another file); language is the
    report's (default: the site's)."""
    language = language or config.language
    words = partial(say, language=language)
    jobs, failed, links_out = expand(sources, out_dir, words)
    rows = [
        Row(str(path), warnings=words("import-cannot", reason=words("import-not-found")), failed=True)
        for path in failed
    ]
    for name, leads_to in links_out:
        print(f"import: {name}: {words('import-link-out', target=leads_to)}", file=sys.stderr)
        rows.append(Row(name, warnings=words("import-link-out", target=leads_to), skipped=True))
    for path, target, name in jobs:
        if path.suffix.lower() in LEDGER_SUFFIXES:
            found = import_ledger_rows(path, target, config, out_dir, dry_run, sheet, language, series)
        else:
            found = [import_one(path, target, config, out_dir, dry_run, problems_in, force, language, series)]
        for row in found:
            row.source = name if len(found) == 1 else f"{name} ({row.source})"
            rows.append(row)
    if len(rows) > 1 or any(source.is_dir() for source in sources):
        print(summary(rows, words))
    return 1 if failed or any(row.failed or row.errors for row in rows) else 0


Job = tuple[Path, Path, str]  # source, target, name shown


def expand(
    sources: list[Path], out_dir: Path, words: Callable[..., str]
) -> tuple[list[Job], list[Path], list[tuple[str, str]]]:
    """(source, target, name shown) per file: a folder's files keep their sub-folders under the output folder.

    A folder's file that is a link to somewhere outside it (passwd.txt -> /etc/passwd) is skipped and listed with
    where it leads: importing a folder reads that folder, and a notice made from such a file would be published.
    A file named on the command line is read wherever it is: the clerk chose it."""
    jobs: list[Job] = []
    links_out: list[tuple[str, str]] = []
    for source in sources:
        if not source.is_dir():
            jobs.append((source, out_dir / f"{slugify(source.stem)}.md", str(source)))
            continue
        written, inside = out_dir.resolve(), source.resolve()
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source)
            hidden = any(part.startswith((".", "~$")) for part in relative.parts)  # .preview, Word's lock files
            real = path.resolve()
            ours = real.is_relative_to(written)  # `site-gen import .` must not import what it writes
            known = SUPPORTED + OLD_BINARY + LEDGER_SUFFIXES
            if not path.is_file() or hidden or ours or path.suffix.lower() not in known:
                continue
            if not real.is_relative_to(inside):
                links_out.append((str(relative), str(real)))
                continue
            jobs.append((path, out_dir / relative.parent / f"{slugify(path.stem)}.md", str(relative)))
    if not jobs:
        print(words("import-no-files", sources=", ".join(map(str, sources))), file=sys.stderr)
        return [], list(sources), links_out
    return jobs, [], links_out


def import_one(
    path: Path,
    target: Path,
    config: SiteConfig,
    out_dir: Path,
    dry_run: bool,
    problems_in: str | None,
    force: bool = False,
    language: str = "zh",
    series: str = "",
) -> Row:
    words = partial(say, language=language)
    try:
        result = import_file(path, config, problems_in, series)
    except SourceError as exc:
        print(exc.in_language(language), file=sys.stderr)
        reason = exc.note.in_language(language)[:60]
        return Row(str(path), warnings=words("import-cannot", reason=reason), failed=True)
    if dry_run:
        print(report(result, words("report-dry-run", target=target), language))
        return row_of(result, words, language)
    problem = write_new(target, result.markdown, out_dir, words, path.name if force else "")
    if problem:
        print(problem, file=sys.stderr)
        title = result.front.get("title", "")
        return Row(str(path), title, warnings=words("import-cannot", reason=problem[:60]), failed=True)
    print(report(result, str(target), language))
    return row_of(result, words, language)


def import_ledger_rows(
    path: Path,
    target: Path,
    config: SiteConfig,
    out_dir: Path,
    dry_run: bool,
    sheet: str | None,
    language: str,
    series: str = "",
) -> list[Row]:
    """A ledger makes one notice per organisation it names: each written beside the others, each reported.

    With `series` (its front-matter value or its id), the next notice of that series (importer/next_in_series.py)."""
    words = partial(say, language=language)
    following, known = None, None
    if series:
        known = site_series(config)
        following = known.find(series)
        if following is None:
            print(words("import-series-unknown", path=path, series=series, known=known.known()), file=sys.stderr)
            return [Row(str(path), warnings=words("import-cannot", reason=series), failed=True)]
    try:
        name, organization = (following.title, following.organization) if following else ("", "")
        results = import_ledger(path, config, sheet, name, organization)
    except SourceError as exc:
        print(exc.in_language(language), file=sys.stderr)
        reason = exc.note.in_language(language)[:60]
        return [Row(str(path), warnings=words("import-cannot", reason=reason), failed=True)]
    if following is not None and known is not None:
        results = [followed_on(result, following, known) for result in results]
    rows = []
    for result in results:
        where = target.with_name(f"{result.slug}.md")
        if dry_run:
            print(report(result, words("report-dry-run", target=where), language))
        elif problem := write_new(where, result.markdown, out_dir, words):
            print(problem, file=sys.stderr)
            title = result.front.get("title", "")
            rows.append(Row(result.slug, title, warnings=words("import-cannot", reason=problem[:60]), failed=True))
            continue
        else:
            print(report(result, str(where), language))
        row = row_of(result, words, language)
        row.source = result.slug
        rows.append(row)
    return rows


def write_new(target: Path, text: str, out_dir: Path, words: Callable[..., str], replacing: str = "") -> str:
    """Write a new file inside out_dir; the problem in words when it cannot be, else ''.

    replacing (import --force) names the source: a file that an earlier import of that same source
    wrote (its first line says so) is replaced, atomically; any other file is left alone.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        inside = target.parent.resolve().is_relative_to(out_dir.resolve())
        if not inside:
            return words("import-outside", target=target, out=out_dir)
        if target.is_symlink():
            return words("import-symlink", target=target)
        if replacing and target.is_file() and earlier_import(target) == replacing:
            return replace_file(target, text, words)
        if target.exists():
            return words("import-not-ours" if replacing else "import-exists", target=target, source=replacing)
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        return words("import-exists", target=target)
    except OSError as exc:
        return words("import-cannot-write", target=target, reason=exc.strerror or exc)
    return ""


def earlier_import(target: Path) -> str | None:
    """The source an earlier import recorded in the file, None when it has no such record (or is unreadable)."""
    try:
        with target.open(encoding="utf-8", errors="replace") as stream:
            return imported_from(stream.read(4096))
    except OSError:
        return None


def replace_file(target: Path, text: str, words: Callable[..., str]) -> str:
    """Write beside the target, then rename over it: a failure leaves the earlier import whole."""
    temporary = target.with_name(f".{target.name}.import-{os.getpid()}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        return words("import-cannot-write", target=target, reason=exc.strerror or exc)
    return ""


def row_of(result: ImportResult, words: Callable[..., str], language: str) -> Row:
    notice = result.notice
    errors = sum(d.severity is Severity.ERROR for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors + len(result.warnings)
    flags = [words("import-flag-errors", count=errors)] if errors else []
    flags += [words("import-flag-warnings", count=warnings)] if warnings else []
    flags += [words("import-flag-notes", count=len(result.notes))] if result.notes else []
    if notice is None:
        return Row(str(result.source), result.front.get("title", ""), warnings=", ".join(flags), errors=errors)
    statuses = status_tally(Progress.of(notice.issues), language, separator=" ")
    problems = str(len(notice.issues))
    return Row(str(result.source), notice.title, problems, statuses or "-", ", ".join(flags) or "-", errors=errors)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell(text: str, size: int) -> str:
    while width(text) > size:
        text = text[:-2] + "…"
    return text + " " * (size - width(text))


def summary(rows: list[Row], words: Callable[..., str]) -> str:
    """One line per file: file, title, issues, statuses, notes (headed in the site's language)."""
    sizes = (36, 44, 6, 28)
    *head, last = words("import-summary-head").split("|")
    lines = ["", words("import-summary"), "  ".join(cell(h, s) for h, s in zip(head, sizes, strict=True)) + "  " + last]
    for row in rows:
        cells = [row.source, row.title, row.problems, row.statuses]
        lines.append("  ".join(cell(c, s) for c, s in zip(cells, sizes, strict=True)) + "  " + row.warnings)
    imported = sum(not row.failed and not row.skipped for row in rows)
    lines.append(words("import-summary-total", count=len(rows), imported=imported, failed=len(rows) - imported))
    return "\n".join(lines)
