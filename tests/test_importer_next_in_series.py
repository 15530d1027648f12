"""`site-gen import 台账.xlsx --series <id>`: this month's ledger becomes the next notice of a series, its issues
matched to the previous notice's by the series' own rule, so the history follows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from site_gen.commands.cli import main
from site_gen.engine.site import Site
from site_gen.notice.model import Status
from site_gen.notice.series import title_key

SERIES = "第三轮巡察·区水利局"
ORGANIZATION = "中共某某区水利局党组"


def notice(date: str, title: str, issues: list[tuple[str, str]]) -> str:
    body = "".join(
        f"### {n}. {problem}\n整改进度：{status}\n\n已按计划推进。\n\n" for n, (problem, status) in enumerate(issues, 1)
    )
    return (
        f"---\ntitle: {title}\norganization: {ORGANIZATION}\ndate: {date}\nseries: {SERIES}\n---\n\n"
        f"现将巡察整改进展情况通报如下。\n\n## 一、落实主体责任方面\n\n{body}"
    )


def two_notice_site(tmp_path: Path) -> Path:
    """A site whose series has two notices: the second reports 台账 done, 制度 and 会议 still open."""
    site = tmp_path / "site"
    assert main(["new", "site", str(site)]) == 0
    for old in (site / "content").rglob("*.md"):
        old.unlink()  # the starter's sample: only the series here
    folder = site / "content" / "2025"
    folder.mkdir(parents=True, exist_ok=True)
    first = [
        ("关于台账不全的问题", "正在整改"),
        ("关于制度不健全的问题", "正在整改"),
        ("关于会议过多的问题", "尚未开始"),
    ]
    second = [
        ("关于台账不全的问题", "整改完成"),
        ("关于制度不健全的问题", "正在整改"),
        ("关于会议过多的问题", "正在整改"),
    ]
    (folder / "shuili-1.md").write_text(notice("2025-04-30", "区水利局党组关于巡察整改进展情况的通报", first), "utf-8")
    (folder / "shuili-2.md").write_text(
        notice("2025-05-31", "区水利局党组关于巡察整改进展情况的第二次通报", second), "utf-8"
    )
    return site


def june_ledger(path: Path) -> Path:
    """June's ledger, as the office keeps it: no 填报单位 (the series knows it); 制度 done now, 会议 left off, one new
    problem, and the 台账 problem written with a full-width space and another number."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Sheet1")
    sheet.write("A1", "巡察整改台账（2025年6月）")
    sheet.write("A2", "填报日期：2025年6月30日")
    sheet.write_row(2, 0, ["序号", "问题", "整改措施", "整改状态", "责任单位"])
    sheet.write_row(3, 0, ["1", "关于台账不全的问题", "每月更新台账", "整改完成", "办公室"])
    sheet.write_row(4, 0, ["2", "关于制度　不健全的问题", "修订三项制度", "整改完成", "法规科"])
    sheet.write_row(5, 0, ["3", "关于河道巡查不到位的问题", "建立巡河记录", "正在整改", "河道科"])
    book.close()
    return path


def the_series(site_dir: Path):
    site = Site.open(site_dir, drafts=False)
    site.load({})
    return site.series()[SERIES]


def test_the_ledger_becomes_the_next_notice_and_its_problems_follow_the_series(tmp_path, capsys):
    site = two_notice_site(tmp_path)
    series_id = the_series(site).id
    ledger = june_ledger(tmp_path / "台账-2025-06.xlsx")
    capsys.readouterr()
    assert main(["import", "--site", str(site), str(ledger), "--series", series_id]) == 0
    said = capsys.readouterr().out
    [written] = [p for p in (site / "content").glob("*.md")]
    text = written.read_text(encoding="utf-8")
    assert f"series: {SERIES}" in text and f"organization: {ORGANIZATION}" in text  # the series' organisation
    assert main(["check", "--site", str(site)]) == 0
    one = the_series(site)
    assert [stop.source for stop in one.notices] == [
        "content/2025/shuili-1.md",
        "content/2025/shuili-2.md",
        f"content/{written.name}",
    ]
    by_title = {title_key(thread.title): thread for thread in one.threads}  # the titles as matched
    assert [e.notice for e in by_title["关于台账不全的问题"].entries] == [0, 1, 2]
    assert [e.status for e in by_title["关于制度不健全的问题"].entries] == [Status.IN_PROGRESS] * 2 + [Status.DONE]
    assert [e.notice for e in by_title["关于河道巡查不到位的问题"].entries] == [2]  # new this month
    assert by_title["关于会议过多的问题"].not_reported  # left off the ledger: shown as last stated, never as done
    assert "2 个问题接续以前的问题，1 个是新问题" in said
    assert "关于会议过多的问题" in said  # the open problem this ledger no longer lists: the clerk is told


def test_the_series_is_found_by_its_front_matter_value_too(tmp_path, capsys):
    site = two_notice_site(tmp_path)
    ledger = june_ledger(tmp_path / "台账-2025-06.xlsx")
    assert main(["import", "--site", str(site), str(ledger), "--series", SERIES, "--dry-run"]) == 0
    assert "2 个问题接续以前的问题" in capsys.readouterr().out
    assert len(list((site / "content").rglob("*.md"))) == 2  # a dry run writes nothing


def test_an_unknown_series_is_a_clear_error_naming_the_file_and_the_series_there_are(tmp_path, capsys):
    site = two_notice_site(tmp_path)
    ledger = june_ledger(tmp_path / "台账-2025-06.xlsx")
    before = sorted((site / "content").rglob("*"))
    capsys.readouterr()
    assert main(["import", "--site", str(site), str(ledger), "--series", "di-si-lun"]) == 1
    err = capsys.readouterr().err
    assert str(ledger) in err and "--series di-si-lun" in err and SERIES in err and "没有写入任何文件" in err
    assert "Traceback" not in err
    assert sorted((site / "content").rglob("*")) == before


def test_a_ledger_dated_before_the_previous_notice_is_doubted(tmp_path, capsys):
    site = two_notice_site(tmp_path)
    book_date = dt.date(2025, 5, 1)
    path = tmp_path / "早的.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write("A1", f"填报日期：{book_date.year}年{book_date.month}月{book_date.day}日")
    sheet.write_row(1, 0, ["序号", "问题", "整改状态"])
    sheet.write_row(2, 0, ["1", "关于台账不全的问题", "整改完成"])
    book.close()
    assert main(["import", "--site", str(site), str(path), "--series", SERIES, "--dry-run"]) == 0
    assert "不晚于上一份通报的 2025-05-31" in capsys.readouterr().out
