"""Ledgers (整改台账) for download: one row per problem, as .xlsx and .csv, made from the open-data records.

An auditor or a journalist downloads a notice, an organisation or the whole site back into the format agencies work
in. Rows come from the same records as notices.json (pages/open_data.py), so the two can never disagree; the
headers are the ones the ledger importer reads (notice/ledger_columns.py), so a downloaded ledger imports back as
the same notice. Bytes are deterministic (fixed document properties, no time stamps): cached == clean holds.

A notice's rows are made once, when it is read (`notice_part`: its sheet rows deflated, its CSV lines, its
columns' widths), and kept with its memo in the build state; every ledger that lists it (its own, its series',
its organisation's, the site's) is then those parts joined in order (`xlsx_of`, `csv_of`): editing one notice
makes its rows again, not the site's. A part depends on the notice's record, the site's address and language
alone (overdue is judged on the notice's own date), so a part kept from an earlier build is the one made now.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from ..notice.ledger_columns import export_header
from ..notice.model import Status
from ..notice.numbering import without_number
from ..notice.statuses import DEFAULT_WORDINGS, Vocabulary
from .theme_text import STATUS_LABELS
from .xlsx import Packed, joined_workbook, pack, sheet_rows

COLUMNS = (  # export order: who and when first, then the problem, its state, its promise, and the link
    "organization",
    "notice",
    "date",
    "section",
    "number",
    "problem",
    "status",
    "deadline",
    "overdue",
    "responsible",
    "person",
    "completed",
    "measures",
    "link",
)
_DONE = {Status.DONE.value, Status.DONE_ONGOING.value, Status.DEEMED_DONE.value}
_WIDEST = 60


class LedgerPart(NamedTuple):
    """Some notices' rows of a ledger, ready to join: self-contained (no shared strings, no row numbers)."""

    row_count: int
    widths: tuple[int, ...]  # each column's fitted width over these rows (_fitted), the header left out
    sheet: Packed  # the rows as sheet XML, deflated (pages/xlsx.py)
    csv: bytes  # the rows as CSV lines, zlib-compressed (a site's are tens of megabytes as text)


def notice_part(record: dict, base_url: str, language: str) -> LedgerPart:
    """A notice's rows, from its record (notice_record's shape): made once, when it is read."""
    return rows_part(ledger_rows([record], base_url, language))


def rows_part(rows: Sequence[Sequence[object]]) -> LedgerPart:
    plain = [[_plain(value) for value in row] for row in rows]
    widths = tuple(_fitted(row[c] for row in plain) for c in range(len(COLUMNS)))
    cells = [[value if isinstance(value, dt.date) else str(value) for value in row] for row in rows]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(plain)
    return LedgerPart(len(rows), widths, pack(sheet_rows(cells)), zlib.compress(out.getvalue().encode("utf-8"), 1))


def xlsx_of(parts: Sequence[LedgerPart], language: str, sheet: str) -> bytes:
    """The parts' rows in order as one workbook: frozen header row, autofilter, widths that fit, real date cells,
    wrapped text (pages/xlsx.py). A column's width is the widest of its header's and each part's."""
    names = headers(language)
    widths = [max([_fitted([name]), *(part.widths[c] for part in parts)]) for c, name in enumerate(names)]
    count = sum(part.row_count for part in parts)
    return joined_workbook(names, [part.sheet for part in parts], count, _sheet_name(sheet), sheet, widths)


def csv_of(parts: Sequence[LedgerPart], language: str) -> bytes:
    """UTF-8 with a BOM, so Excel opens Chinese correctly; dates as ISO dates; CRLF as Excel writes."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(headers(language))
    lines = [zlib.decompress(part.csv) for part in parts]
    return b"".join([b"\xef\xbb\xbf", out.getvalue().encode("utf-8"), *lines])


def ledger_rows(records: Iterable[dict], base_url: str, language: str) -> list[list[object]]:
    """One row per issue of each notice record (notice_record's shape), in the records' order."""
    rows: list[list[object]] = []
    for record in records:
        date = dt.date.fromisoformat(record["date"])
        for section in record["sections"]:
            for issue in section["issues"]:
                status = Status(issue["status"])
                deadline = _date(issue.get("deadline"))
                values = {
                    "organization": record["organization"],
                    "notice": record["title"],
                    "date": date,
                    "section": section.get("title") or "",
                    "number": issue.get("number") or "",
                    "problem": without_number(issue["title"]),
                    "status": status_wording(status, language),
                    "deadline": deadline or ("长期坚持" if issue.get("long_term") else ""),
                    "overdue": _overdue(deadline, status.value, date, language),
                    "responsible": issue.get("responsible") or "",
                    "person": issue.get("responsible_person") or "",
                    "completed": _date(issue.get("completed_on")) or "",
                    "measures": _measures(issue),
                    "link": f"{base_url}{record['url']}#{issue['id']}",
                }
                rows.append([values[column] for column in COLUMNS])
    return rows


@cache  # asked for every issue of every ledger: the vocabulary is built once per status and language
def status_wording(status: Status, language: str) -> str:
    """The page's label when the importer reads it as the same status, else the first built-in wording for it."""
    labels = STATUS_LABELS[language]
    if status is Status.UNSTATED:
        return ""
    if Vocabulary.default().lookup(labels[status]).status is status:
        return labels[status]
    english = labels[Status.DONE] == "Completed"
    return next(w for w in DEFAULT_WORDINGS[status] if w.isascii() == english)


def headers(language: str) -> list[str]:
    return [export_header(column, language) for column in COLUMNS]


def csv_bytes(rows: list[list[object]], language: str) -> bytes:
    """The CSV of these rows alone (csv_of)."""
    return csv_of([rows_part(rows)], language)


def xlsx_bytes(rows: list[list[object]], language: str, sheet: str) -> bytes:
    """The workbook of these rows alone (xlsx_of)."""
    return xlsx_of([rows_part(rows)], language, sheet)


def _overdue(deadline: dt.date | None, status: str, on: dt.date, language: str) -> str:
    """Overdue in this notice: a deadline before its date, and not done by it. Never from the build's date."""
    if deadline is None or status in _DONE or deadline >= on:
        return ""
    return "逾期" if language == "zh" else "overdue"


def _measures(issue: dict) -> str:
    parts = [issue.get("measures") or ""]
    for sub in issue.get("sub_problems", ()):
        parts.append(
            f"{sub['title']}（{sub.get('wording') or ''}）" + (f"：{sub['measures']}" if sub.get("measures") else "")
        )
    return "\n".join(part for part in parts if part)


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _plain(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _fitted(texts: Iterable[str]) -> int:
    """A column's width, from 8 to 60: its longest line's display width, a CJK character taking two columns.

    Counted from the UTF-8 length (a CJK character is three bytes, an ASCII one one: (bytes + characters) / 2 is
    their width), as a C loop: a workbook per notice must cost little. A line of 60 characters or more is already
    as wide as a column gets, so a column of long measures is settled at its first line."""
    longest = 0
    for text in texts:
        for line in text.splitlines() if "\n" in text else (text,):
            if len(line) >= _WIDEST:
                return _WIDEST
            longest = max(longest, (len(line.encode("utf-8")) + len(line)) // 2)
    return min(max(longest + 2, 8), _WIDEST)


def _sheet_name(title: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "Sheet1"
    return cleaned[:31]
