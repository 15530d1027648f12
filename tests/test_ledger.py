"""Ledger exports (.xlsx, .csv): made from the open-data records, read back as the same notice, opened by LibreOffice."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from site_gen.importer.ledger import import_ledger
from site_gen.notice.config import load_config
from site_gen.notice.reader import read_notice
from site_gen.pages.ledger import csv_bytes, headers, ledger_rows, xlsx_bytes
from site_gen.pages.open_data import notice_record
from tests.ledger_support import convert, convert_all

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "content").rglob("*.md"))


def sample(path: Path):
    config, _ = load_config(REPO)
    notice, _ = read_notice(path, config)
    assert notice is not None
    return config, notice


def comparable(notice):
    """What a ledger carries of each issue: section, title without its number, status, promise and who."""
    return [
        (
            section.title,
            re.sub(r"^\S+?[.、]\s*", "", issue.title),
            issue.status,
            issue.deadline,
            issue.long_term,
            issue.responsible,
            issue.responsible_person,
            issue.completed_on,
        )
        for section in notice.sections
        for issue in section.issues
    ]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_notice_exported_and_imported_again_is_the_same_notice(tmp_path, path):
    config, notice = sample(path)
    rows = ledger_rows([notice_record(notice, measures=True)], config.base_url, config.language)
    ledger = tmp_path / f"{notice.slug.replace('/', '-')}.xlsx"
    ledger.write_bytes(xlsx_bytes(rows, config.language, notice.title))
    [back] = import_ledger(ledger, config)
    assert back.notice is not None
    assert back.notice.organization == notice.organization and back.notice.date == notice.date
    assert back.notice.title == notice.title
    assert comparable(back.notice) == comparable(notice)


def test_the_same_notice_gives_the_same_bytes(tmp_path):
    config, notice = sample(SAMPLES[0])
    rows = ledger_rows([notice_record(notice, measures=True)], config.base_url, config.language)
    assert xlsx_bytes(rows, "zh", "t") == xlsx_bytes(rows, "zh", "t")
    assert csv_bytes(rows, "zh") == csv_bytes(rows, "zh")


def test_the_workbook_has_a_frozen_header_autofilter_dates_and_fitted_widths():
    config, notice = sample(REPO / "content" / "2025" / "linjiang-sifaju.md")
    rows = ledger_rows([notice_record(notice, measures=True)], "https://x.example.cn/", "zh")
    archive = zipfile.ZipFile(io.BytesIO(xlsx_bytes(rows, "zh", notice.title)))
    sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert 'state="frozen"' in sheet and "<autoFilter" in sheet and "<cols>" in sheet
    assert "yyyy-mm-dd" in archive.read("xl/styles.xml").decode()
    assert "2000-01-01T00:00:00Z" in archive.read("docProps/core.xml").decode()  # no build time inside


def test_csv_has_a_bom_and_the_headers_in_the_sites_language():
    config, notice = sample(SAMPLES[0])
    rows = ledger_rows([notice_record(notice, measures=True)], "", "zh")
    data = csv_bytes(rows, "zh")
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == headers("zh") and table[0][:3] == ["发布单位", "通报", "通报日期"]
    assert len(table) == 1 + len(notice.issues)
    assert headers("en")[5] == "Problem"


def test_overdue_is_judged_on_the_notices_date_never_the_build_date():
    record = {
        "organization": "某局",
        "title": "t",
        "date": "2025-03-01",
        "url": "notices/a.html",
        "sections": [
            {
                "title": "",
                "issues": [
                    {"id": "i1", "title": "逾期的", "status": "in_progress", "deadline": "2025-01-31"},
                    {"id": "i2", "title": "未到期的", "status": "in_progress", "deadline": "2025-06-30"},
                    {"id": "i3", "title": "已完成的", "status": "done", "deadline": "2025-01-31"},
                    {"id": "i4", "title": "长期的", "status": "in_progress", "long_term": True},
                ],
            }
        ],
    }
    rows = ledger_rows([record], "", "zh")
    overdue = headers("zh").index("是否逾期")
    assert [row[overdue] for row in rows] == ["逾期", "", "", ""]
    assert rows[3][headers("zh").index("整改时限")] == "长期坚持"
    assert rows[0][headers("zh").index("整改时限")] == dt.date(2025, 1, 31)


@pytest.mark.slow
def test_libreoffice_opens_the_export_and_reads_back_what_the_csv_says(tmp_path):
    config, notice = sample(REPO / "content" / "2025" / "linjiang-sifaju.md")
    rows = ledger_rows([notice_record(notice, measures=True)], "https://x.example.cn/", "zh")
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(xlsx_bytes(rows, "zh", notice.title))
    converted = convert(path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false")
    theirs = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    ours = list(csv.reader(io.StringIO(csv_bytes(rows, "zh").decode("utf-8-sig"))))
    assert theirs == ours


def test_docs_list_every_header_the_importer_reads():
    from site_gen.notice.ledger_columns import WORDINGS

    doc = (REPO / "docs" / "ledger.md").read_text(encoding="utf-8")
    assert all(wording in doc for wordings in WORDINGS.values() for wording in wordings)


def test_the_site_and_each_organisation_publish_their_ledgers_and_pages_link_them(tmp_path):
    import shutil

    from site_gen.commands.build import build_site
    from tests.htmlscan import Page

    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    out = tmp_path / "out"
    assert build_site(site, out, search=False).ok
    config, _ = load_config(site)
    [whole] = import_ledger(out / "ledger.xlsx", config)
    published = json.loads((out / "notices.json").read_text(encoding="utf-8"))["notices"]
    issues = sum(len(s["issues"]) for n in published for s in n["sections"])
    assert len(whole.notice.issues) == issues  # one row per issue of every published notice
    dashboard = Page((out / "dashboard.html").read_text(encoding="utf-8"))
    assert {"ledger.xlsx", "ledger.csv"} <= {a.attrs.get("href") for a in dashboard.find_all("a")}
    org_page = out / "organizations" / "sifaju.html"
    links = {a.attrs.get("href") for a in Page(org_page.read_text(encoding="utf-8")).find_all("a")}
    assert (
        "../organizations/sifaju.ledger.xlsx" in links
        or "sifaju.ledger.xlsx" in links
        and (out / "organizations" / "sifaju.ledger.csv").is_file()
    )
    org_csv = (out / "organizations" / "sifaju.ledger.csv").read_text(encoding="utf-8-sig")
    assert "中共临江区司法局党组" in org_csv and "中共临江区教育局党组" not in org_csv
    before = {p: p.read_bytes() for p in out.rglob("*ledger*")}
    notice = site / "content" / "2025" / "linjiang-sifaju.md"
    notice.write_text(
        notice.read_text(encoding="utf-8").replace("整改进度：整改完成", "整改进度：正在整改", 1), encoding="utf-8"
    )
    assert build_site(site, out, search=False).ok
    changed = {p.relative_to(out).as_posix() for p, data in before.items() if p.read_bytes() != data}
    series = "series/shierjiequweidisanlunxuncha-qusifaju"
    own = ["notices/2025/linjiang-sifaju", series, "organizations/sifaju"]  # its own, its series', its organisation's
    assert changed == {f"{stem}.ledger.{f}" for stem in own for f in ("xlsx", "csv")} | {"ledger.xlsx", "ledger.csv"}


# --- every notice's and every series' ledger, as a build publishes them ---------------------------------------------

LIBREOFFICE_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"
SERIES_PAGE = "series/shierjiequweidisanlunxuncha-qusifaju.html"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The sample site built twice, into two folders, from two copies: (site, first output, second output)."""
    import shutil

    from site_gen.commands.build import build_site

    top = tmp_path_factory.mktemp("ledgers")
    outs = []
    for name in ("one", "two"):
        site = top / name
        shutil.copytree(REPO / "content", site / "content")
        shutil.copy(REPO / "site.yaml", site / "site.yaml")
        assert build_site(site, top / f"out-{name}", search=False).ok
        outs.append(top / f"out-{name}")
    return top / "one", outs[0], outs[1]


def published_notices(out: Path) -> list[dict]:
    return json.loads((out / "notices.json").read_text(encoding="utf-8"))["notices"]


def test_every_notice_page_links_its_ledger_beside_it_with_type_and_size(builds):
    from site_gen.engine.site import human_size
    from tests.htmlscan import Page

    _, out, _ = builds
    for record in published_notices(out):
        page = out / record["url"]
        links = [a for a in Page(page.read_text(encoding="utf-8")).find_all("a") if "download" in a.attrs]
        by_type = {a.attrs["type"]: a for a in links}
        assert set(by_type) == {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"}
        for a in links:
            file = (page.parent / a.attrs["href"]).resolve()
            assert file.parent == page.resolve().parent and file.name.startswith(page.stem + ".ledger.")
            assert human_size(file.stat().st_size) in a.text  # the size shown is the file's


def test_every_published_notice_ledger_reads_back_as_its_notice(builds):
    site, out, _ = builds
    config, _ = load_config(site)
    notices = {notice.url: notice for notice in (sample(path)[1] for path in SAMPLES)}
    for record in published_notices(out):
        notice = notices[record["url"]]
        for format in ("xlsx", "csv"):
            ledger = out / record["url"].replace(".html", f".ledger.{format}")
            [back] = import_ledger(ledger, config)
            assert back.notice.title == notice.title and back.notice.date == notice.date
            assert comparable(back.notice) == comparable(notice), ledger


def test_the_series_ledger_holds_every_issue_of_its_notices_oldest_first(builds):
    _, out, _ = builds
    series = json.loads((out / "series.json").read_text(encoding="utf-8"))["series"][0]
    table = list(csv.reader(io.StringIO((out / SERIES_PAGE.replace(".html", ".ledger.csv")).read_text("utf-8-sig"))))
    records = {n["url"]: n for n in published_notices(out)}
    issues = [i for stop in series["notices"] for s in records[stop["url"]]["sections"] for i in s["issues"]]
    assert len(table) == 1 + len(issues)
    dates = [row[headers("zh").index("通报日期")] for row in table[1:]]
    assert dates == sorted(dates) and len(set(dates)) == len(series["notices"])
    page = (out / SERIES_PAGE).read_text(encoding="utf-8")
    assert 'href="../series/shierjiequweidisanlunxuncha-qusifaju.ledger.xlsx"' in page


def test_two_builds_write_the_same_ledger_bytes_with_no_time_inside(builds):
    _, one, two = builds
    ledgers = sorted(p.relative_to(one) for p in one.rglob("*") if p.suffix in (".xlsx", ".csv"))
    assert len(ledgers) >= 2 * (2 + 6)  # the site's, the series', the organisations' and every notice's
    for relative in ledgers:
        assert (one / relative).read_bytes() == (two / relative).read_bytes(), relative
        if relative.suffix == ".xlsx":
            for entry in zipfile.ZipFile(one / relative).infolist():
                assert entry.date_time == (1980, 1, 1, 0, 0, 0) and entry.create_system == 0


@pytest.mark.slow
def test_libreoffice_opens_every_kind_of_ledger_and_reads_what_the_csv_says(builds, tmp_path):
    import shutil

    _, out, _ = builds
    kinds = ["ledger", "organizations/sifaju.ledger", SERIES_PAGE.removesuffix(".html") + ".ledger"]
    kinds += [n["url"].removesuffix(".html") + ".ledger" for n in published_notices(out)]
    copies = []
    for index, stem in enumerate(kinds):  # one folder, one name each: LibreOffice converts them in one run
        copies.append(tmp_path / f"{index}.xlsx")
        shutil.copy(out / f"{stem}.xlsx", copies[-1])
    for stem, converted in zip(kinds, convert_all(copies, LIBREOFFICE_CSV), strict=True):
        theirs = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
        ours = list(csv.reader(io.StringIO((out / f"{stem}.csv").read_text(encoding="utf-8-sig"))))
        assert theirs == ours, stem


# --- every ledger joined from its notices' rows, made once when each is read ---------------------------------------


def sheet_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()


def test_notices_rows_joined_are_the_ledger_of_all_their_rows():
    from site_gen.pages.ledger import csv_of, notice_part, xlsx_of

    records = [notice_record(sample(path)[1]) for path in SAMPLES[:3]]
    rows = ledger_rows(records, "https://x.example.cn/", "zh")
    parts = [notice_part(record, "https://x.example.cn/", "zh") for record in records]
    assert [part.row_count for part in parts] == [len(ledger_rows([r], "", "zh")) for r in records]
    assert csv_of(parts, "zh") == csv_bytes(rows, "zh")
    assert sheet_xml(xlsx_of(parts, "zh", "某站")) == sheet_xml(xlsx_bytes(rows, "zh", "某站"))  # widths included


def workbook_cells(path: Path) -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def test_the_site_ledger_has_every_record_row_as_a_cell_of_its_type_under_a_frozen_filtered_header(builds):
    import openpyxl

    site, out, _ = builds
    config, _ = load_config(site)
    records = published_notices(out)
    rows = ledger_rows(records, config.base_url, config.language)
    sheet = openpyxl.load_workbook(out / "ledger.xlsx").active
    found = [[cell.value for cell in row] for row in sheet.iter_rows()]
    expected = [[None if value == "" else value for value in row] for row in rows]
    expected = [[dt.datetime.combine(v, dt.time()) if isinstance(v, dt.date) else v for v in row] for row in expected]
    assert found[0] == headers("zh") and all(cell.font.b for cell in sheet[1])
    assert [row + [None] * (len(headers("zh")) - len(row)) for row in found[1:]] == expected
    dates = [cell for row in sheet.iter_rows(min_row=2) for cell in row if isinstance(cell.value, dt.datetime)]
    assert dates and {cell.number_format for cell in dates} == {"yyyy-mm-dd"}
    assert all(cell.alignment.wrap_text for cell in sheet[2] if isinstance(cell.value, str))
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:N{len(rows) + 1}"
    widths = [sheet.column_dimensions[chr(ord("A") + c)].width for c in range(len(headers("zh")))]
    assert all(8 <= width <= 60 for width in widths) and widths[headers("zh").index("整改措施")] == 60


def test_editing_one_notice_changes_exactly_its_rows_and_the_ledgers_are_a_clean_builds(tmp_path):
    from site_gen.commands.build import build_site
    from tests.corpus import generate

    site, out = tmp_path / "site", tmp_path / "out"
    generate(site, 12, seed=3, kb=3)
    assert build_site(site, out, search=False).ok
    before = workbook_cells(out / "ledger.xlsx")
    edited = sorted((site / "content").rglob("*.md"))[4]
    edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    assert build_site(site, out, search=False).ok
    after = workbook_cells(out / "ledger.xlsx")
    url = next(n["url"] for n in published_notices(out) if n["title"].startswith("改"))
    link = headers("zh").index("链接")
    own = [index for index, row in enumerate(after) if f"/{url}#" in str(row[link])]
    assert len(after) == len(before) and own
    assert [index for index, (one, other) in enumerate(zip(before, after, strict=True)) if one != other] == own
    assert build_site(site, tmp_path / "clean", search=False, use_cache=False).ok
    ledgers = sorted(p.relative_to(out) for p in out.rglob("*") if p.suffix in (".xlsx", ".csv"))
    assert len(ledgers) == 2 * (1 + 12 + len(list((out / "organizations").glob("*.ledger.xlsx"))))
    for relative in ledgers:
        assert (out / relative).read_bytes() == (tmp_path / "clean" / relative).read_bytes(), relative
