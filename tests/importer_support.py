"""Paths and small builders shared by the tests/test_importer_*.py files.

The seeds are the real documents in ../shared/seeds beside the repository (they must stay outside it);
expected values in the tests were written by hand from reading them (see ../shared/DOMAIN.md). A test
that reads them is marked @needs_seeds: on a plain clone it is skipped with the reason, and with CI=true
it fails instead (tests/conftest.py). The fixtures in tests/fixtures/import/ are the project's own and
cover every importer behaviour without the seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_gen.importer.sources import read_source
from site_gen.notice.config import SiteConfig, load_config

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEED_000 = SEEDS / "000_53f53e53fdb15b08.txt"
SEED_001 = SEEDS / "001_2289b50be2cd3afc.txt"
SEED_002 = SEEDS / "002_69c4dd6300acab87.txt"
ALL_SEEDS = [SEED_000, SEED_001, SEED_002]
needs_seeds = pytest.mark.seeds  # see tests/conftest.py: skipped without ../shared/seeds, required when CI=true


def read_lines(path: Path) -> list[str]:
    """A source's lines as the importer reads them (look-alike characters mapped)."""
    return read_source(path).lines


def seed_param(seed: Path):
    """A seed as one case of a parametrized test, skipped (or required) like a @needs_seeds test."""
    return pytest.param(seed, marks=needs_seeds, id=seed.name[:3])


def site_config() -> SiteConfig:
    """The sample site's configuration (status vocabulary, language)."""
    return load_config(REPO)[0]


def body(*lines: str) -> list[tuple[int, str]]:
    """Lines numbered from 1, as the recognisers receive them after the chrome is removed."""
    return list(enumerate(lines, start=1))


def docx_of(lines: list[str], path: Path) -> Path:
    """A Word file with one paragraph per line, as a clerk's draft would be."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def html_of(lines: list[str], path: Path) -> Path:
    """A saved government page: head with a script, breadcrumb, the article in <p>, an ICP footer."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in lines if line.strip())
    page = (
        "<!DOCTYPE html><html><head><title>x</title><script>var a = '<p>not text</p>';</script></head><body>"
        "<nav>您当前所在位置：首页 &gt; 通知公告</nav>"
        f"<div class='article'>{paragraphs}</div>"
        "<footer><p>ICP备案号：示ICP备0000号 公网安备 0000号</p></footer></body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return path


def pdf_of(pages: list[list], path: Path) -> Path:
    """A PDF with a text layer: one printed line per string, a font whose codes are Unicode code points.

    Small enough to read: a Type0 font (Identity-H) with a ToUnicode map, so text extraction
    sees the characters; no glyphs are embedded (a viewer would show blanks, pypdf reads the text).
    A page given as [] has no text at all, as a scanned page. A line given as (text, size) is set in that
    size, (text, size, "bold") in a bold font (BaseFont Song-Bold) of that size; others at 12 pt.
    """
    ranges = "\n".join(f"<{high:02X}00> <{high:02X}FF> <{high:02X}00>" for high in range(256))
    blocks = "\n".join(
        f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange"
        for chunk in (ranges.split("\n")[i : i + 100] for i in range(0, 256, 100))
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{blocks}\nendcmap CMapName currentdict /CMap defineresource pop end end"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",  # pages, filled in below
        "<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [4 0 R] "
        "/ToUnicode 5 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) "
        "/Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /Song-Bold /Encoding /Identity-H /DescendantFonts [7 0 R] "
        "/ToUnicode 5 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Song-Bold /CIDSystemInfo << /Registry (Adobe) "
        "/Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    kids = []
    for lines in pages:
        text, y = "", 800.0
        for line in lines:
            words, size, weight = (line, 12, "") if isinstance(line, str) else (*line, "")[:3]
            text += f"/{'F2' if weight == 'bold' else 'F1'} {size} Tf 1 0 0 1 50 {y:g} Tm "
            text += f"<{''.join(f'{ord(ch):04X}' for ch in words)}> Tj\n"
            y -= max(16, size * 1.4)
        content = f"BT\n{text}ET" if lines else ""
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> "
            f"/Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)
    return path


def printed_pdf(lines: list[str], path: Path) -> Path:
    """A PDF printed by headless Chromium with the Noto CJK fonts tests/install.sh installs, as a clerk's
    browser prints a page: its text layer has Kangxi radicals (⼀ ⽉ ⽇) where the glyphs are shared."""
    import html

    return print_page("".join(f"<p>{html.escape(line)}</p>\n" for line in lines), path)


def print_page(body: str, path: Path, style: str = "") -> Path:
    """The HTML body printed to PDF by headless Chromium, set in Noto CJK at 16 pt (style adds CSS rules)."""
    import subprocess

    from tests.conftest import chromium_path

    page = path.with_suffix(".html")
    style = "body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC';font-size:16pt}" + style
    page.write_text(f"<!DOCTYPE html><meta charset='utf-8'><style>{style}</style><body>{body}", "utf-8")
    subprocess.run(
        [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={path}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return path


CHINESE_LIST = 90  # the numId of the Chinese multi-level list word_of adds: 一、 > （一） > 1.


def word_of(blocks: list, path: Path) -> Path:
    """A Word file made the way clerks make one. Each block is a paragraph's text, or a tuple:
    ("heading", depth, text) Word's Heading N style; ("style", name, text) a style of that name (标题 2) based
    on Heading N's outline level; ("outline", level, text) body text with an outline level; ("list", text) the
    List Number style (decimal, numbered through the style); ("chinese", ilvl, text) a multi-level list
    numbered 一、 / （一） / 1. by numbering.xml; ("table", rows) a table."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    abstract = parse_xml(
        f"<w:abstractNum {nsdecls('w')} w:abstractNumId='{CHINESE_LIST}'><w:multiLevelType w:val='multilevel'/>"
        + "".join(
            f"<w:lvl w:ilvl='{i}'><w:start w:val='1'/><w:numFmt w:val='{fmt}'/><w:lvlText w:val='{text}'/></w:lvl>"
            for i, (fmt, text) in enumerate(levels)
        )
        + "</w:abstractNum>"
    )
    numbering.insert(0, abstract)
    numbering.append(
        parse_xml(f"<w:num {nsdecls('w')} w:numId='{CHINESE_LIST}'><w:abstractNumId w:val='{CHINESE_LIST}'/></w:num>")
    )
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif block[0] == "heading":
            document.add_heading(block[2], level=block[1])
        elif block[0] == "style":
            name = block[1]
            if name not in [style.name for style in document.styles]:
                style = document.styles.add_style(name, 1)
                style.base_style = document.styles["Normal"]
                depth = int(name[-1])
                style.element.get_or_add_pPr().append(parse_xml(f"<w:outlineLvl {nsdecls('w')} w:val='{depth - 1}'/>"))
            document.add_paragraph(block[2], style=name)
        elif block[0] == "outline":
            paragraph = document.add_paragraph(block[2])
            paragraph._p.get_or_add_pPr().append(parse_xml(f"<w:outlineLvl {nsdecls('w')} w:val='{block[1]}'/>"))
        elif block[0] == "list":
            document.add_paragraph(block[1], style="List Number")
        elif block[0] == "chinese":
            paragraph = document.add_paragraph(block[2])
            number = parse_xml(
                f"<w:numPr {nsdecls('w')}><w:ilvl w:val='{block[1]}'/><w:numId w:val='{CHINESE_LIST}'/></w:numPr>"
            )
            paragraph._p.get_or_add_pPr().insert(0, number)
        elif block[0] == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        else:
            raise ValueError(f"unknown block {block[0]!r}")
    assert qn("w:numPr")  # the namespace helper is the one python-docx writes with
    document.save(str(path))
    return path
