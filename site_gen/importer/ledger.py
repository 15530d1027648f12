"""A rectification ledger (整改台账: one row per problem) -> notices, through the same writer and reader as any import.

Ledgers come as agencies make them: a title and 填报单位/填报日期 above the header, a header of one or two rows, a
section merged down its problems' rows or written as a row of its own, a problem merged over several measure rows,
blank and subtotal rows, 填表人/联系电话 below the table, a sheet per section or per organisation. Every non-empty
cell is either in the notice or listed as left out, with the reason: the report counts both.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..base.cli_text import Listed, Note, note
from ..notice import grammar
from ..notice.config import SiteConfig
from ..notice.ledger_columns import COMPUTED, column_role, header_table
from .boilerplate import Removed
from .contacts import Contacts, take_contacts
from .convert import ImportResult, front_matter, slugify
from .notice_text import write_notice
from .reading import SourceError
from .spreadsheet import Cell, Sheet, cell_name, read_sheets
from .structure import Block, Outline, Part

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
HEADER_ROWS = 20  # the header is among the first rows
_FOOTER = re.compile(r"^\s*(填表人|填报人|制表人|审核人|审核|联系人|联系电话|负责人|分管领导|主要负责人|备注)")
_SUBTOTAL = re.compile(r"^\s*(合\s*计|小\s*计|总\s*计|共计)")
_REPORTER = re.compile(r"填报单位\s*[:：]\s*([^\s:：]+(?:\s[^\s:：]+)*?)(?=\s+\S+[:：]|\s*$)")
_REPORT_DATE = re.compile(r"(?:填报|报送|统计)(?:日期|时间)\s*[:：]\s*(\S+)")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_ROLES = ("deadline", "completed", "date")


@dataclass
class Column:
    index: int
    header: str
    role: str | None  # None: a column the ledger has and we do not know; its cells are kept in the issue text


@dataclass
class Problem:
    row: int
    section: str
    number: str
    title: str
    status: str = ""  # as the ledger words it ("" none)
    done: str = ""  # a 是否完成 column's 是/否
    lines: dict[str, str] = field(default_factory=dict)  # role -> text of the per-issue lines
    body: list[str] = field(default_factory=list)


@dataclass
class Read:
    """What one sheet gave: its notice's fields and problems, and every cell's fate."""

    sheet: str
    title: str = ""
    title_given: bool = False  # from a notice column (an export): the title as it is, in any language
    organization: str = ""
    date: dt.date | None = None
    contacts: Contacts = field(default_factory=Contacts)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0  # rows with a non-empty cell: the report's "lines" of a ledger
    cells: int = 0  # non-empty cells of the sheet, a merged range once
    left_cells: int = 0  # of which not in the notice (each listed in left_out with the reason)
    left_out: list[Removed] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def import_ledger(
    path: Path, config: SiteConfig, sheet_name: str | None = None, series: str = "", organization: str = ""
) -> list[ImportResult]:
    """One notice per organisation the ledger names (sheets of one organisation are sections of one notice).

    `series`: the front-matter value of the series the notices follow (import --series), `organization` theirs when
    the ledger names none (the series')."""
    sheets = read_sheets(path)
    if sheet_name is not None:
        sheets = [s for s in sheets if s.name == sheet_name]
        if not sheets:
            names = Listed(tuple(s.name for s in read_sheets(path)))
            raise SourceError(path, "source-no-sheet", sheet=sheet_name, names=names)
    table = header_table(dict(config.ledger_columns))
    reads = [r for r in (read_sheet(s, table, config) for s in sheets) if r is not None]
    if not reads:
        raise SourceError(path, "source-no-header")
    by_organization: dict[str, list[Read]] = {}
    for read in reads:
        by_organization.setdefault(read.organization or reads[0].organization, []).append(read)
    results = []
    for index, group in enumerate(by_organization.values()):
        stem = path.stem if len(by_organization) == 1 else f"{path.stem}-{index + 1}"
        results.append(ledger_notice(path, stem, group, config, series, organization))
    return results


def read_sheet(sheet: Sheet, table: dict[str, str], config: SiteConfig) -> Read | None:
    found = find_header(sheet.rows, table)
    if found is None:
        return None
    first_data, columns = found
    read = Read(sheet.name)
    read.left_out += [Removed(0, text, "cell too long") for text in sheet.left_out]
    read.left_cells += len(sheet.left_out)
    read.cells += sum(sheet.cells_in(r) for r in range(len(sheet.rows)))
    read.rows = sum(1 for r in range(len(sheet.rows)) if sheet.cells_in(r))
    above(sheet.rows[: first_data - 1], read)
    body_rows(sheet, first_data, columns, read, config)
    return read


def find_header(rows: list[list[Cell]], table: dict[str, str]) -> tuple[int, list[Column]] | None:
    """(the first data row, the columns) from the row naming the most known columns, one with 问题 among them."""
    best: tuple[int, int] | None = None
    for r, row in enumerate(rows[:HEADER_ROWS]):
        roles = [column_role(text(value), table) for value in row]
        score = len({role for role in roles if role})
        if "problem" in roles and score >= 2 and (best is None or score > best[1]):
            best = (r, score)
    if best is None:
        return None
    r = best[0]
    header = [text(value) for value in rows[r]]
    first_data = r + 1
    if r + 1 < len(rows):  # a two-row header: 整改情况 merged over 整改措施 | 完成时限 | 完成情况
        below = [text(value) for value in rows[r + 1]]
        below_roles = [column_role(value, table) for value in below]
        if sum(1 for role in below_roles if role) >= 2 and not any(_number(value) for value in below[:2]):
            header = [low if role else high for high, low, role in zip(header, below, below_roles, strict=True)]
            first_data = r + 2
    columns, taken = [], set()
    for index, name in enumerate(header):
        role = column_role(name, table)
        if role in taken and role not in COMPUTED:
            role = None  # a second 配合单位 beside 牵头单位: kept as text under its own header
        taken.add(role)
        columns.append(Column(index, name, role))
    return first_data, columns


def above(rows: list[list[Cell]], read: Read) -> None:
    """The title, 填报单位 and 填报日期 rows above the header."""
    for row in rows:
        line = " ".join(dict.fromkeys(text(value) for value in row if text(value)))
        if not line:
            continue
        reporter, when = _REPORTER.search(line), _REPORT_DATE.search(line)
        if reporter:
            read.organization = reporter.group(1).strip()
        if when:
            read.date = to_date(when.group(1))
        if not reporter and not when and not read.title:
            read.title = line


def body_rows(sheet: Sheet, first: int, columns: list[Column], read: Read, config: SiteConfig) -> None:
    section, footer = "", False
    for r in range(first, len(sheet.rows)):
        row = sheet.rows[r]
        values = {c.index: text(row[c.index]) if c.index < len(row) else "" for c in columns}
        filled = [value for value in values.values() if value]
        if not filled:
            continue
        where = cell_name(sheet.name, r, 0)
        if footer or _FOOTER.match(filled[0]):
            footer = True
            take_contacts(" ".join(filled), read.contacts)
            read.left_out += [Removed(r + 1, f"{where}：{' '.join(filled)}", "below the table (contact taken)")]
            read.left_cells += sheet.cells_in(r)
            continue
        if _SUBTOTAL.match(filled[0]):
            read.left_out += [Removed(r + 1, f"{where}：{' '.join(filled)}", "subtotal row")]
            read.left_cells += sheet.cells_in(r)
            continue
        by_role = {c.role: values[c.index] for c in columns if c.role}
        problem_text = by_role.get("problem", "")
        if len(set(filled)) == 1 and not _number(filled[0]) and (not problem_text or len(filled) > 1):
            section = filled[0]  # a section written as a row of its own (often merged across)
            continue
        if by_role.get("section"):
            section = by_role["section"]
        if not problem_text and read.problems:
            add_cells(read.problems[-1], columns, values, read)  # a further measure row of the problem above
            continue
        previous = read.problems[-1] if read.problems else None
        if previous and problem_text == previous.title and by_role.get("number", "") in ("", previous.number):
            add_cells(previous, columns, values, read)  # the problem cell merged over several rows
            continue
        problem = Problem(r + 1, section, by_role.get("number", ""), problem_text)
        add_cells(problem, columns, values, read)
        read.problems.append(problem)
        for role in ("organization", "notice", "date"):
            if by_role.get(role):
                setattr_notice(read, role, by_role[role])


def setattr_notice(read: Read, role: str, value: str) -> None:
    """Notice-level columns (an export repeats them on each row): the first value stands."""
    if role == "organization" and not read.organization:
        read.organization = value
    elif role == "notice" and not read.title:
        read.title, read.title_given = value, True
    elif role == "date" and read.date is None:
        read.date = to_date(value)


def add_cells(problem: Problem, columns: list[Column], values: dict[int, str], read: Read) -> None:
    for column in columns:
        value = values[column.index]
        if not value or column.role in ("problem", "section", "number", "organization", "notice", "date"):
            continue
        if column.role in COMPUTED:
            read.left_out.append(Removed(problem.row, f"{column.header}：{value}", "computed by site-gen"))
            read.left_cells += 1
        elif column.role == "status":
            if value in ("是", "否", "√", "×"):
                problem.done = value
            elif not problem.status:
                problem.status = value
        elif column.role in ("deadline", "completed"):
            serial = to_date(value) if value.isdigit() else None  # a date cell without a date format: its serial
            problem.lines.setdefault(column.role, serial.isoformat() if serial else value)
        elif column.role in ("responsible", "person"):
            problem.lines.setdefault(column.role, value)
        elif column.role in ("measures", "progress"):
            problem.body += [line for line in value.splitlines() if line.strip() and line not in problem.body]
        else:
            problem.body.append(f"{column.header}：{value}")


def ledger_notice(
    path: Path, stem: str, reads: list[Read], config: SiteConfig, series: str = "", organization: str = ""
) -> ImportResult:
    first = reads[0]
    notes = [note for read in reads for note in read.notes]
    organization = first.organization or organization
    if not organization:
        notes.append(note("import-ledger-no-organization"))
    date = next((read.date for read in reads if read.date), None)
    if date is None:
        date = dt.date.today()
        notes.append(note("import-ledger-no-date", date=date.isoformat()))
    usable = first.title_given or "通报" in first.title
    title = first.title if usable else f"{organization or '（请填写发布单位）'}关于巡察整改进展情况的通报"
    if first.title and not usable:
        notes.append(note("import-ledger-title-made", given=first.title, title=title))
    contacts = Contacts()
    for read in reads:
        for line in (*read.contacts.phones, *read.contacts.emails):
            take_contacts(line, contacts)
    front = front_matter(title, organization, date, {}, contacts, reviewers=[])
    if series:
        front["series"] = series
    tree = outline(reads, config)
    slug = slugify(stem)
    markdown, notice, diagnostics = write_notice(front, tree, f"content/{slug}.md", config, slug)
    left_out = [removed for read in reads for removed in read.left_out]
    cells = sum(read.cells for read in reads)
    left = sum(read.left_cells for read in reads)
    problems = sum(len(read.problems) for read in reads)
    notes.append(
        note("import-ledger-cells", sheets=len(reads), problems=problems, cells=cells, kept=cells - left, left=left)
    )
    return ImportResult(
        path,
        markdown,
        notice,
        diagnostics,
        left_out,
        notes,
        front=front,
        lines_read=sum(read.rows for read in reads) - sum(1 for r in left_out if r.kind == "computed by site-gen"),
        decision=note("import-ledger-decision"),
        stem=stem,
    )


def outline(reads: list[Read], config: SiteConfig) -> Outline:
    """Sections in the ledger's order; a sheet per section when the sheets name none."""
    tree = Outline()
    key = config.status_keys[0]
    for read in reads:
        for problem in read.problems:
            title = problem.section or (read.sheet if len(reads) > 1 else "")
            if not tree.parts or tree.parts[-1].title != title:
                tree.parts.append(Part(title, problem.row))
            tree.parts[-1].issues.append(block(problem, key, len(tree.parts[-1].issues) + 1))
    return tree


LINE_LABELS = {"deadline": "整改时限", "responsible": "责任单位", "person": "责任人", "completed": "完成时间"}


def block(problem: Problem, key: str, ordinal: int) -> Block:
    """### N. 问题, its status line and per-issue lines together (one paragraph), then the measures."""
    number = problem.number if problem.number.isdigit() else str(ordinal)
    title, *more = problem.title.splitlines() or [""]
    wording = status_wording(problem)
    labelled = [f"{key}：{wording}"] if wording else []
    labelled += [f"{LINE_LABELS[role]}：{problem.lines[role]}" for role in LINE_LABELS if role in problem.lines]
    return Block(f"{number}. {title.strip()}", problem.row, status="\n".join(labelled), lines=[*more, *problem.body])


def status_wording(problem: Problem) -> str:
    """The status as the ledger words it; 是否完成 是/否 read with it (是 = 整改完成, 否 = 未完成 unless it says more)."""
    if problem.done in ("是", "√"):
        return problem.status or "整改完成"
    if problem.done in ("否", "×"):
        return problem.status or "未完成"
    return problem.status


def text(value: Cell) -> str:
    """A cell as the ledger shows it: dates as ISO dates, 3.0 as 3, text stripped."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).replace("\r\n", "\n").strip()


def to_date(value: str) -> dt.date | None:
    """2025-06-30, 2025年6月30日, 2025.6.30, or an Excel serial date (45838)."""
    if value.isdigit() and 20000 < int(value) < 80000:
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    found = grammar.dates_in(value)
    return grammar.date_value(value) or (found[0] if found else None)


def _number(value: str) -> bool:
    return bool(re.fullmatch(r"\d+(\.\d+)?", value))
