"""Where a PDF's printed lines sit and how they are set: table rows and headings from character positions.

PDF has no paragraphs, tables or headings, only characters placed on a page. PDFium's text already
comes in printed lines, with a space generated where characters stand apart (a table's cells, `序号 问题`).
Reading the box of the first and last character of every such run of text, and the font size of each
line's first character, costs a few calls per line rather than per character (all characters: +70 % on a
Chromium-printed PDF; runs: +15 %). From those:

- a **table** is a block of lines whose runs fall into two or more columns with a gap between them across
  every row, each column's cells aligned (by their left edge, centre or right edge): one TABLE line, which
  the notice writer turns into a Markdown table as it does a Word table;
- a **heading** is a line set larger than the body (or bold at the body's size), standing alone: its level
  is the one numbered headings of the same size have, else it counts from the largest size used.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..notice import grammar
from .reading import TABLE

PDFIUM_MARKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # soft hyphens and markers PDFium adds
PRINTED_LINE = re.compile(r"[^\r\n]+")
RUN = re.compile(r"[^ ]+")  # a run of text; PDFium generates the space between runs set apart
ALIGNED = 0.15  # cells of one column share an edge or centre to within this part of the font size
LARGER = 1.08  # a heading's size is at least this many times the body's
MAX_HEADING = 80  # characters: a longer line in a larger font is a paragraph set large, not a heading
MAX_ROWS = 200  # a table block is cut after this many rows (a hostile page of aligned lines stays linear)
FORCE_BOLD = 1 << 18  # the font descriptor's ForceBold flag
BOLD_NAME = re.compile(r"bold|heavy|black|semibold|demi", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """A run of text on a printed line and the span it covers across the page (PDF points)."""

    left: float
    right: float
    text: str


@dataclass(slots=True)
class Printed:
    """One printed line: its text, the font size and weight of its first character, its runs of text.

    A line read without positions (a damaged text layer) has size 0 and no cells: it is plain text."""

    text: str
    size: float = 0.0
    bold: bool = False
    cells: tuple[Cell, ...] = ()  # only for a line of two runs or more: a row a table may hold
    right: float = 0.0  # where its last character ends (0: unknown): a full line reaches the text's margin
    style: tuple[float, bool] = field(init=False)  # size to half a point, and weight: how it is set
    is_table: bool = field(init=False)

    def __post_init__(self) -> None:
        self.style = (round(self.size * 2) / 2, self.bold)
        self.is_table = self.text.startswith(TABLE)


def page_lines(textpage) -> list[Printed]:
    """The printed lines of one PDFium text page, each with its size, weight and runs of text."""
    import pypdfium2

    pdfium_c = pypdfium2.raw  # PDFium's C API, for what the helpers do not give: boxes, sizes, fonts

    text = textpage.get_text_range()
    raw = textpage.raw
    if len(text) != pdfium_c.FPDFText_CountChars(raw):  # text and character indexes disagree: no positions
        return [Printed(PDFIUM_MARKS.sub("", line).strip()) for line in PRINTED_LINE.findall(text)]
    box = [ctypes.c_double() for _ in range(4)]
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    flags_out = ctypes.byref(flags)
    font_size, font_info = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetFontInfo  # called per line
    lines = []
    for match in PRINTED_LINE.finditer(text):
        start, printed = match.start(), match.group()
        runs = list(RUN.finditer(printed))
        if PDFIUM_MARKS.search(printed):  # rare: a run made only of PDFium's markers is no run
            runs = [run for run in runs if PDFIUM_MARKS.sub("", run.group())]
            printed = PDFIUM_MARKS.sub("", printed)
        if not runs:
            lines.append(Printed(""))
            continue
        cells: tuple[Cell, ...] = ()  # a line of one run is never a table row: no boxes are read for it
        if len(runs) >= 2:
            cells = tuple(
                Cell(
                    char_box(pdfium_c, raw, start + run.start(), box)[0],
                    char_box(pdfium_c, raw, start + run.end() - 1, box)[1],
                    PDFIUM_MARKS.sub("", run.group()),
                )
                for run in runs
            )
        first = start + runs[0].start()
        bold = False
        if font_info(raw, first, name, 128, flags_out) > 1:  # a name (Chromium's Type 3 fonts have none)
            bold = bool(flags.value & FORCE_BOLD or BOLD_NAME.search(name.value.decode("latin-1")))
        right = cells[-1].right if cells else char_box(pdfium_c, raw, start + runs[-1].end() - 1, box)[1]
        lines.append(Printed(printed.strip(), font_size(raw, first), bold, cells, right))
    return lines


def char_box(pdfium_c, raw, index: int, box: list) -> tuple[float, float]:
    """(left, right) of one character."""
    left, right, bottom, top = box
    pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top)
    return left.value, right.value


def with_tables(lines: list[Printed]) -> list[Printed]:
    """A page's lines with each block of table rows replaced by one TABLE line, where it stands."""
    out: list[Printed] = []
    index = 0
    while index < len(lines):
        end = table_end(lines, index)
        if end - index < 2:
            out.append(lines[index])
            index += 1
            continue
        table = table_of(lines[index:end])
        out += [table] if table is not None else lines[index:end]  # a block refused is passed over whole:
        index = end  # each line is looked at in one block only, and a page of aligned lines stays linear
    return out


def across_pages(pages: list[list[Printed]]) -> list[Printed]:
    """The pages' lines in order; a table that ends one page and one that starts the next with as many
    columns are one table, its header printed again on the new page kept once."""
    lines: list[Printed] = []
    for page in pages:
        if lines and page and lines[-1].is_table and page[0].is_table:
            ending, starting = lines[-1].text.split("\n"), page[0].text.removeprefix(TABLE).split("\n")
            if ending[0].count("\t") == starting[0].count("\t"):
                if TABLE + starting[0] == ending[0]:
                    starting = starting[1:]
                lines[-1] = Printed("\n".join(ending + starting), lines[-1].size, lines[-1].bold)
                page = page[1:]
        lines += page
    return lines


def table_end(lines: list[Printed], start: int) -> int:
    """The end of the longest block from start whose rows still keep two aligned columns apart."""
    end = start
    while end < len(lines) and end - start < MAX_ROWS and len(lines[end].cells) >= 2:
        if len(columns(lines[start : end + 1])) < 2 or not aligned(lines[start : end + 1]):
            break
        end += 1
    return end


def columns(rows: list[Printed]) -> list[tuple[float, float]]:
    """The spans across the page that the rows' runs cover, merged where they overlap: one per column."""
    spans: list[tuple[float, float]] = []
    for left, right in sorted((cell.left, cell.right) for row in rows for cell in row.cells):
        if spans and left <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], right))
        else:
            spans.append((left, right))
    return spans


def placed(rows: list[Printed], spans: list[tuple[float, float]]) -> list[list[list[Cell]]]:
    """Each row's cells by column: the runs of a row that fall in one column's span."""
    table = []
    for row in rows:
        by_column: list[list[Cell]] = [[] for _ in spans]
        for cell in row.cells:
            column = next(k for k, (left, right) in enumerate(spans) if left <= cell.left <= right)
            by_column[column].append(cell)
        table.append(by_column)
    return table


def aligned(rows: list[Printed]) -> bool:
    """Every column's cells share their left edge, centre or right edge (numbers set right), the first row's
    perhaps only centred over the others (a header): body lines that merely contain a space rarely do."""
    tolerance = tolerance_of(rows)
    for column in zip(*row_edges(rows), strict=True):
        edges = [edge for edge in column if edge]
        if in_line(edges, tolerance):
            continue
        header, below = column[0], [edge for edge in column[1:] if edge]
        if not (header and below and in_line(below, tolerance)):
            return False
        if not min(edge[0] for edge in below) <= centre(header) <= max(edge[1] for edge in below):
            return False
    return True


def in_line(edges: list[tuple[float, float]], tolerance: float) -> bool:
    return any(spread(edges, measure) <= tolerance for measure in (left_edge, centre, right_edge))


def tolerance_of(rows: list[Printed]) -> float:
    size = max(row.size for row in rows)
    return ALIGNED * size if size else 1.0


def row_edges(rows: list[Printed]) -> list[list[tuple[float, float] | None]]:
    """(left, right) of each row's text in each column, None where the row has none."""
    return [
        [(cells[0].left, cells[-1].right) if cells else None for cells in row] for row in placed(rows, columns(rows))
    ]


def spread(edges: list[tuple[float, float]], measure: Callable[[tuple[float, float]], float]) -> float:
    values = [measure(edge) for edge in edges]
    return max(values) - min(values)


def left_edge(edge: tuple[float, float]) -> float:
    return edge[0]


def centre(edge: tuple[float, float]) -> float:
    return (edge[0] + edge[1]) / 2


def right_edge(edge: tuple[float, float]) -> float:
    return edge[1]


def has_columns(rows: list[Printed]) -> bool:
    """Some column's cells differ in width while the next column still starts in line: the gap between them
    changes from row to row. Text wrapped at its spaces (`- 一审: 某某` / `- 二审: 某某`, a footer's wrapped
    line) keeps one space between its pieces on every line."""
    grid, tolerance = row_edges(rows), tolerance_of(rows)
    for column in range(len(grid[0]) - 1):
        pairs = [(row[column], row[column + 1]) for row in grid]
        gaps = [after[0] - before[1] for before, after in pairs if before and after]
        if len(gaps) >= 2 and max(gaps) - min(gaps) > tolerance:
            return True
    return False


def table_of(rows: list[Printed]) -> Printed | None:
    """The rows as one TABLE line (rows by newline, cells by tab), or None when they are not a table: under
    two rows fill two columns, or no two columns part as a table's do (has_columns)."""
    grid = [[" ".join(cell.text for cell in cells) for cells in row] for row in placed(rows, columns(rows))]
    if sum(1 for row in grid if sum(1 for cell in row if cell) >= 2) < 2 or not has_columns(rows):
        return None
    text = TABLE + "\n".join("\t".join(cell.replace("\t", " ") for cell in row) for row in grid)
    return Printed(text, rows[0].size, rows[0].bold)


def body_style(lines: list[Printed]) -> tuple[float, bool]:
    """The size and weight most of the text is set in (counted in characters)."""
    counts: Counter[tuple[float, bool]] = Counter()
    for line in lines:
        if not line.is_table and line.size:
            counts[line.style] += len(line.text)
    return counts.most_common(1)[0][0] if counts else (0.0, False)


def is_heading(line: Printed, body: tuple[float, bool]) -> bool:
    """Set larger than the body, or bold at the body's size, and short enough to stand alone as a heading."""
    size, bold = line.style
    if not size or not body[0] or line.is_table or not line.text or len(line.text) > MAX_HEADING:
        return False
    return size >= body[0] * LARGER or (bold and not body[1] and size >= body[0] * 0.95)


def heading_levels(lines: list[Printed]) -> dict[int, int]:
    """line number (from 1) -> numbering level (0 = 一、 … 3 = (1)) of each heading whose text has no number.

    Styles rank by size, bold first at one size. A style that numbered headings use (一、 set at 18 pt) gives
    their level to its unnumbered ones; another counts on from the nearest ranked style whose level is known,
    else from the largest style used below the first line (a title set large does not push the rest down)."""
    body = body_style(lines)
    headings = {number: line for number, line in enumerate(lines, start=1) if is_heading(line, body)}
    if not headings:
        return {}
    ranks = {style: rank for rank, style in enumerate(sorted({h.style for h in headings.values()}, reverse=True))}
    first = next((number for number, line in enumerate(lines, start=1) if line.text), 0)
    numbered: defaultdict[tuple[float, bool], Counter[int]] = defaultdict(Counter)
    for number, line in headings.items():
        if number > first and (level := grammar.level_of(line.text)) is not None:
            numbered[line.style][level] += 1
    known = {ranks[style]: counts.most_common(1)[0][0] for style, counts in numbered.items()}
    below = [ranks[line.style] for number, line in headings.items() if number > first] or [0]
    levels = {}
    for number, line in headings.items():
        if grammar.level_of(line.text) is None:
            levels[number] = min(3, max(0, level_at(ranks[line.style], known, min(below))))
    return levels


def level_at(rank: int, known: dict[int, int], top: int) -> int:
    """The level of a style ranked rank, counted from the nearest ranked style whose level is known."""
    above = [r for r in known if r <= rank]
    if above:
        return known[max(above)] + rank - max(above)
    below = [r for r in known if r > rank]
    if below:
        return known[min(below)] - (min(below) - rank)
    return rank - top
