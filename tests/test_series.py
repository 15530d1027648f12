"""Notice series (#24): matching an issue across notices, overdue and regression, check's warnings, the pages and
series.json, and the equivalences (an edit to one notice of a series then a rebuild, the preview, == a clean build)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import time
from pathlib import Path

from site_gen.commands.build import build_site, load_site
from site_gen.notice.model import Progress, Status
from site_gen.notice.series import counted, notice_view, problems, series_of, title_key
from site_gen.notice.summary import Summary, Tracked

SERIES = "十二届区委第三轮巡察·区司法局"
FIRST, SECOND, THIRD = (
    "content/2025/linjiang-sifaju.md",
    "content/2025/linjiang-sifaju-2.md",
    "content/2026/linjiang-sifaju-3.md",
)
SERIES_PAGE = "series/shierjiequweidisanlunxuncha-qusifaju.html"


def issue(title: str, status: Status, line: int = 10, id: str = "", **lines) -> Tracked:
    return Tracked(id or f"i{line}", bool(id), title, status, line, **lines)


def notice(source: str, day: str, *issues: Tracked, organization: str = "某局", series: str = "第一轮·某局") -> Summary:
    return Summary(
        source,
        source.removesuffix(".md"),
        source,
        organization,
        dt.date.fromisoformat(day),
        "",
        (),
        False,
        "",
        Progress.of(()),
        series=series,
        tracked=issues,
    )


# --- matching ---------------------------------------------------------------------------------------


def test_a_title_matches_without_its_numbering_spaces_or_punctuation_width():
    assert title_key("1. 关于“三重一大”记录不全的问题") == title_key("（三）关于 “三重一大” 记录不全的问题")
    assert title_key("一是车辆登记不全，") == title_key("车辆登记不全,")
    assert title_key("1.") == "" and title_key("（一）") == ""  # a number alone is no title


def test_renumbered_issues_match_by_title_and_numbers_alone_never_do():
    first = notice("a.md", "2025-03-01", issue("1. 甲问题", Status.IN_PROGRESS), issue("2. 乙问题", Status.IN_PROGRESS))
    second = notice("b.md", "2025-09-01", issue("1. 乙问题", Status.DONE))  # only the open one left, renumbered
    (one,) = series_of([second, first]).values()
    assert [[(e.notice, e.status) for e in t.entries] for t in one.threads] == [
        [(0, Status.IN_PROGRESS)],
        [(0, Status.IN_PROGRESS), (1, Status.DONE)],
    ]
    assert one.threads[0].not_reported and not one.threads[1].not_reported


def test_only_a_problem_left_out_while_open_counts_as_dropped():
    first = notice(
        "a.md",
        "2025-03-01",
        issue("甲问题", Status.DONE, line=10),
        issue("乙问题", Status.IN_PROGRESS, line=20),
        issue("丙问题", Status.IN_PROGRESS, line=30),
    )
    second = notice("b.md", "2025-09-01", issue("丙问题", Status.DONE))  # 甲 closed before, 乙 gone quiet
    (one,) = series_of([first, second]).values()
    by_title = {t.title: t for t in one.threads}
    assert by_title["甲问题"].not_reported and not by_title["甲问题"].dropped  # closed, then not listed again
    assert by_title["乙问题"].not_reported and by_title["乙问题"].dropped
    assert not by_title["丙问题"].dropped and one.count("dropped") == 1


def test_an_explicit_id_matches_a_reworded_title():
    first = notice("a.md", "2025-03-01", issue("导师帮带未落实", Status.DONE, id="daoshi"))
    second = notice("b.md", "2025-09-01", issue("关于新干部导师制度执行不到位", Status.IN_PROGRESS, id="daoshi"))
    (one,) = series_of([first, second]).values()
    assert len(one.threads) == 1 and one.threads[0].regressed


# --- overdue, closed late, regression -----------------------------------------------------------------


def test_overdue_is_judged_from_notice_dates_and_never_for_long_term_items():
    june = dt.date(2025, 6, 30)
    first = notice(
        "a.md",
        "2025-03-01",
        issue("甲", Status.IN_PROGRESS, 5, deadline=june),
        issue("乙", Status.IN_PROGRESS, 6, long_term=True),
        issue("丙", Status.IN_PROGRESS, 7, deadline=june),
    )
    second = notice(
        "b.md",
        "2025-09-01",
        issue("甲", Status.IN_PROGRESS, 5, deadline=june),
        issue("乙", Status.IN_PROGRESS, 6, long_term=True),
        issue("丙", Status.DONE, 7, deadline=june, completed_on=dt.date(2025, 8, 1)),
    )
    (one,) = series_of([first, second]).values()
    late, long_term, closed = one.threads
    assert [e.overdue for e in late.entries] == [False, True] and late.overdue  # before its deadline, then after
    assert not long_term.overdue and not any(e.overdue for e in long_term.entries)
    assert closed.closed_late and not closed.overdue and closed.change(1) == "closed_late"  # counted apart
    assert late.change(1) == "overdue" and one.count("overdue") == 1 and one.count("closed_late") == 1


def test_a_status_going_back_from_done_is_a_regression_and_a_return_is_new_done():
    statuses = (Status.DONE, Status.IN_PROGRESS, Status.DONE_ONGOING)
    notices = [notice(f"{n}.md", f"2025-0{n + 1}-01", issue("甲", status)) for n, status in enumerate(statuses)]
    (one,) = series_of(notices).values()
    (thread,) = one.threads
    assert thread.regressed and [thread.change(i) for i in range(3)] == ["", "regressed", "new_done"]
    assert one.changes(2) == {"new_done": 1}


def test_totals_count_each_problem_of_a_series_once_at_its_latest_status():
    first = notice("a.md", "2025-03-01", issue("甲", Status.IN_PROGRESS, 5), issue("乙", Status.IN_PROGRESS, 6))
    second = notice("b.md", "2025-09-01", issue("甲", Status.DONE, 5))
    alone = notice("c.md", "2025-01-01", issue("丙", Status.IN_PROGRESS), series="")
    summaries = [second, first, alone]
    found = {s.source: s for s in counted(summaries, series_of(summaries))}
    assert found["a.md"].progress.total == 0 and found["a.md"].open_issues == ()
    assert found["b.md"].progress.total == 2 and found["b.md"].progress.completed == 1
    (still_open,) = found["b.md"].open_issues  # 乙: no longer reported, at its last stated status, in its own notice
    assert still_open.title == "乙" and still_open.not_reported and still_open.url == "notices/a.html"
    assert found["c.md"] is alone


def test_a_notice_page_shows_its_history_up_to_itself_and_its_neighbours():
    notices = [notice(f"{n}.md", f"2025-0{n + 1}-01", issue("甲", Status.IN_PROGRESS)) for n in range(3)]
    one = series_of(notices)["第一轮·某局"]
    view = notice_view(one, "1.md")
    assert view.previous.source == "0.md" and view.next.source == "2.md" and view.position == 2
    assert [cell.notice.source for cell in view.of("i10")] == ["0.md", "1.md"]  # nothing of the later notice


def variations() -> list[list[Summary]]:
    """One three-notice series and variations of it, each changing one thing a page or series.json may show."""
    base = [
        (
            "0.md",
            "2025-01-01",
            (("甲", Status.IN_PROGRESS, "2025-03-31", None), ("乙", Status.NOT_STARTED, None, None)),
        ),
        ("1.md", "2025-04-01", (("甲", Status.DONE, "2025-03-31", None), ("乙", Status.IN_PROGRESS, None, None))),
        ("2.md", "2025-07-01", (("甲", Status.DONE, "2025-03-31", None), ("乙", Status.DONE, "2025-06-30", None))),
    ]
    iso = lambda text: dt.date.fromisoformat(text) if text else None  # noqa: E731

    def made(notices, title="通报", organization="某局") -> list[Summary]:
        found = []
        for source, day, issues in notices:
            tracked = [
                issue(name, status, 10 + n, deadline=iso(deadline), completed_on=iso(completed))
                for n, (name, status, deadline, completed) in enumerate(issues)
            ]
            summary = notice(source, day, *tracked, organization=organization)
            found.append(dataclasses.replace(summary, title=f"{title}{source}"))
        return found

    def changed(position: int, issue_number: int, **what) -> list:
        notices = [list(n) for n in base]
        issues = [list(i) for i in notices[position][2]]
        for name, value in what.items():
            issues[issue_number][("name", "status", "deadline", "completed").index(name)] = value
        notices[position][2] = tuple(map(tuple, issues))
        return notices

    return [
        made(base),
        made(base, title="通知"),
        made(base, organization="另一局"),
        made(changed(0, 0, status=Status.DONE)),
        made(changed(1, 1, status=Status.DONE)),
        made(changed(2, 0, status=Status.IN_PROGRESS)),  # a regression
        made(changed(2, 0, completed="2025-04-15")),  # closed after its deadline: the second notice's label
        made(changed(2, 0, completed="2025-03-15")),
        made(changed(2, 1, deadline="2025-08-31")),  # a later deadline: the earlier notices' labels may change
        made(changed(0, 1, deadline="2024-12-31")),
        made(changed(1, 0, name="丙")),
        made(changed(2, 1, name="丁")),
        made([base[0], (base[1][0], "2025-05-01", base[1][2]), base[2]]),
    ]


def test_the_series_keys_change_exactly_when_what_a_page_shows_changes():
    """Series.view_keys (a notice page's across key) and Series.key (the series page's, series.json's) are
    compact digests: equal exactly when the views (the series) are equal."""
    found = [series_of(notices)["第一轮·某局"] for notices in variations()]
    for one in found:
        for other in found:
            assert (one.key == other.key) == (one == other)
            for index, stop in enumerate(one.notices):
                view, other_view = notice_view(one, stop.source), notice_view(other, stop.source)
                assert (one.view_keys[index] == other.view_keys[index]) == (view == other_view), (index, view)
    assert len({one.key for one in found}) == len(found)
    assert len({one.view_keys[0] for one in found}) < len(found)  # a later notice's status: not on the first page


# --- check -------------------------------------------------------------------------------------------


def test_check_warns_at_the_line_of_the_issue():
    first = notice("a.md", "2025-03-01", issue("甲", Status.IN_PROGRESS, 12), issue("乙", Status.IN_PROGRESS, 20))
    second = notice("b.md", "2025-03-01", issue("1. 甲", Status.DONE, 8), issue("2. 甲", Status.DONE, 14))
    other = notice("c.md", "2025-04-01", organization="另一局")
    found = {(d.code, d.path, d.line) for d in problems([other, second, first])}
    assert found == {
        ("series-same-date", "b.md", 1),
        ("series-issue-matched-twice", "b.md", 14),  # the second of two issues taking one earlier issue
        ("series-organizations-differ", "c.md", 1),
        ("series-issue-not-reported", "a.md", 20),  # 乙, open, missing from b.md: at its own line in a.md
    }


def test_a_done_issue_left_out_of_a_later_notice_is_not_warned_about():
    first = notice("a.md", "2025-03-01", issue("甲", Status.DONE, 12), issue("乙", Status.IN_PROGRESS, 20))
    second = notice("b.md", "2025-06-01", issue("乙", Status.DONE, 8))
    assert problems([first, second]) == []


def test_check_reports_the_sample_series_with_file_and_line(site):
    loaded = load_site(site)
    found = [(d.code, d.path, d.line) for d in loaded.diagnostics if d.code.startswith("series-")]
    text = (site / SECOND).read_text(encoding="utf-8").splitlines()
    assert found == [("series-issue-not-reported", SECOND, 18)]
    assert "人民调解员" in text[17]  # the issue's own heading line


# --- pages and open data ------------------------------------------------------------------------------


def test_the_series_page_open_problems_and_series_json(site, tmp_path):
    out = tmp_path / "out"
    assert build_site(site, out, search=False).ok
    page = (out / SERIES_PAGE).read_text(encoding="utf-8")
    assert '<th scope="col">' in page and page.count('<th scope="row"') == 7
    assert 'role="region"' in page and 'tabindex="0"' in page  # scrolls in its own box
    cells = re.findall(r'<td data-status="(\w+)"><a class="series-grid__cell" href="../([^"]+)"', page)
    assert ("done", "notices/2026/linjiang-sifaju-3.html#daoshi") in cells
    for label in ("反弹", "逾期", "逾期完成", "新完成", "未再报告"):
        assert f">{label}</span>" in page
    assert "<dt>未完成而未再报告</dt><dd>1 项</dd>" in page  # the mediators; the four closed and left out are not
    data = json.loads((out / "series.json").read_text(encoding="utf-8"))
    (one,) = data["series"]
    assert one["title"] == SERIES and [n["date"] for n in one["notices"]] == ["2025-03-18", "2025-09-22", "2026-03-16"]
    mentor = next(i for i in one["issues"] if "导师" in i["title"])
    assert mentor["regressed"] and [h["status"] for h in mentor["history"]] == ["done", "in_progress", "done"]
    assert set(mentor) == {"title", "deadline", "long_term", "responsible", "regressed", "history"}
    assert set(mentor["history"][0]) == {"notice", "date", "status", "overdue"}
    mediators = next(i for i in one["issues"] if "调解员" in i["title"])
    assert mediators["deadline"] == "2025-06-30" and [h["overdue"] for h in mediators["history"]] == [False, True]
    records = json.loads((out / "notices.json").read_text(encoding="utf-8"))["notices"]
    assert {r["slug"]: r["series"] for r in records}["2025/linjiang-sifaju-2"] == SERIES
    open_page = (out / "open-problems.html").read_text(encoding="utf-8")
    assert "人民调解员" in open_page and ">未再报告</span>" in open_page and "导师" not in open_page
    assert "尚有 " in (out / "index.html").read_text(encoding="utf-8")
    org = (out / "organizations" / "sifaju.html").read_text(encoding="utf-8")
    assert SERIES_PAGE in org and "3 份通报" in org
    open_part = org.split('class="open-problems"')[1].split("</section>")[0]
    assert "人民调解员" in open_part and "法治宣传" not in open_part and "导师" not in open_part  # latest state
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "1 项问题新完成。" in feed


def test_a_notice_of_the_series_links_its_neighbours_and_shows_history(site, tmp_path):
    out = tmp_path / "out"
    assert build_site(site, out, search=False).ok
    page = (out / "notices/2025/linjiang-sifaju-2.html").read_text(encoding="utf-8")
    assert "本轮巡察前次通报" in page and "后续通报" in page and f"../../{SERIES_PAGE}" in page
    assert (
        'href="../../notices/2025/linjiang-sifaju.html#s2-5"' in page
    )  # the same issue in the previous notice, by its anchor
    assert ">反弹</span>" in page


# --- equivalences -------------------------------------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_editing_one_notice_of_a_series_then_rebuilding_equals_a_clean_build(site, tmp_path):
    out = tmp_path / "out"
    assert build_site(site, out, search=False).ok
    before = tree(out)
    edit(site / SECOND, "整改进度：正在整改\n整改时限：2025年12月底", "整改进度：整改完成\n整改时限：2025年12月底")
    edit(site / SECOND, "title: 中共临江区司法局党组关于", "title: 临江区司法局党组关于")
    assert build_site(site, out, search=False).ok
    assert build_site(site, tmp_path / "clean", search=False, use_cache=False).ok
    after = tree(out)
    assert after == tree(tmp_path / "clean")
    changed = {path for path in after if before.get(path) != after[path]}
    assert {"notices/2025/linjiang-sifaju.html", "notices/2026/linjiang-sifaju-3.html", SERIES_PAGE} <= changed
    edit(site / SECOND, "series: 十二届区委第三轮巡察·区司法局", "series: 另一轮")  # leaves the series
    assert build_site(site, out, search=False).ok
    assert build_site(site, tmp_path / "clean2", search=False, use_cache=False).ok
    assert tree(out) == tree(tmp_path / "clean2")


def test_the_preview_refreshes_the_neighbours_and_equals_a_build(site, tmp_path):
    from site_gen.commands.serve import Preview

    preview = Preview(site, tmp_path / "preview", drafts=False, log=lambda *_: None)
    preview.build_all()
    neighbour = tmp_path / "preview" / "notices/2026/linjiang-sifaju-3.html"
    shown = neighbour.read_bytes()
    time.sleep(0.05)
    edit(site / SECOND, "title: 中共临江区司法局党组关于", "title: 临江区司法局党组关于")
    assert preview.on_change([site / SECOND]) == [site / SECOND]
    assert neighbour.read_bytes() == shown  # the edited page at once; its neighbours' when the browser asks
    preview.prepare("notices/2026/linjiang-sifaju-3.html")
    assert neighbour.read_bytes() != shown  # it names its previous notice
    assert build_site(site, tmp_path / "built", search=False).ok
    built = tree(tmp_path / "built")
    for path in built:
        preview.prepare(path)
    assert tree(tmp_path / "preview") == built


def test_the_sample_series_is_in_the_repository():
    """The other tests build the sample site (the `site` fixture copies it)."""
    repo = Path(__file__).resolve().parents[1]
    for source in (FIRST, SECOND, THIRD):
        assert f"series: {SERIES}" in (repo / source).read_text(encoding="utf-8")


def test_two_like_titles_in_the_first_notice_are_two_problems_and_no_warning():
    first = notice("a.md", "2025-03-01", issue("1. 甲", Status.IN_PROGRESS, 5), issue("2. 甲", Status.IN_PROGRESS, 9))
    second = notice("b.md", "2025-06-01", issue("1. 甲", Status.DONE, 5), issue("2. 甲", Status.DONE, 9))
    (one,) = series_of([first, second]).values()
    assert len(one.threads) == 2 and problems([first, second]) == []


def test_a_rebuild_computes_again_only_the_series_an_edit_touched(site, tmp_path, monkeypatch):
    """The series are kept in the build state with the notices they were computed from: an edit outside a
    series computes none, an edit in one computes that one; the output is a clean build's either way."""
    from site_gen.engine import site as engine_site

    out = tmp_path / "out"
    assert build_site(site, out, search=False).ok
    computed: list[str] = []
    real = engine_site.followed
    monkeypatch.setattr(engine_site, "followed", lambda name, members: computed.append(name) or real(name, members))
    edit(site / "content/2025/linjiang-shuiwuju.md", "title: ", "title: 改")
    assert build_site(site, out, search=False).ok
    assert computed == []
    edit(site / SECOND, "title: 中共临江区司法局党组关于", "title: 临江区司法局党组关于")
    assert build_site(site, out, search=False).ok
    assert computed == [SERIES]
    assert build_site(site, tmp_path / "clean", search=False, use_cache=False).ok
    assert tree(out) == tree(tmp_path / "clean")


def test_a_cold_build_parses_each_notice_of_a_series_once_and_keeps_no_parse(tmp_path, monkeypatch):
    """A page in a series is made at staging, after every file is read: it takes its notice as the read worker
    parsed it (kept in the cache for the build), not a second parse of the file; the build leaves none behind,
    and its pages are those of a build that parses twice."""
    from site_gen.engine import cache as cache_module
    from site_gen.notice import reader
    from tests.corpus import generate

    monkeypatch.setenv("SITE_GEN_WORKERS", "1")  # the counting below sees every parse
    site = tmp_path / "site"
    generate(site, 6, seed=3, kb=2, series=3)
    parsed = []
    original = reader.read_notice

    def counting(path, config):
        parsed.append(path.name)
        return original(path, config)

    monkeypatch.setattr(reader, "read_notice", counting)
    assert build_site(site, tmp_path / "once", search=False).ok
    assert sorted(parsed) == sorted(p.name for p in (site / "content").rglob("*.md"))  # each once
    assert not list((site / ".site-gen-cache").glob(f"*/{cache_module.PARSED}"))
    monkeypatch.setattr(cache_module.BuildCache, "parsed_notice", lambda self, digest: None)
    assert build_site(site, tmp_path / "twice", search=False, use_cache=False).ok
    assert len(parsed) == 6 + 12
    for page in (tmp_path / "once").rglob("*.html"):
        assert page.read_bytes() == (tmp_path / "twice" / page.relative_to(tmp_path / "once")).read_bytes()


def test_a_declared_page_holds_nothing_it_made_once_published(tmp_path):
    """Declared outputs live as long as the build (the preview's as long as their record): a series page that kept
    what it made kept every page of the site in each staging worker (400 MB at 5,000 notices)."""
    from site_gen.engine.site import Site
    from tests.corpus import generate

    site_dir = tmp_path / "site"
    generate(site_dir, 3, seed=3, kb=2, series=3)
    site = Site.open(site_dir, drafts=False)
    site.load({})
    declared = site.declared()
    pages = [o for path, o in declared.items() if path.startswith("notices/") and path.endswith(".html")]
    assert len(pages) == 3
    for output in pages:
        page = output.content()
        assert b"series-nav" in page  # a page of the series, made at staging

    def made_held(output):
        """What the output's maker holds in its closure (a partial over notice_maker's make)."""
        cells = output.make.func.__closure__ or ()
        return [v for c in cells if isinstance(c.cell_contents, dict) for v in c.cell_contents.values()]

    assert all(made_held(output) == [] for output in pages)


def test_the_series_of_a_site_are_computed_from_one_look_at_every_summary(tmp_path, monkeypatch):
    """Every series computed on a first build reads the summaries once (it took all of them once per series: at
    5,000 notices in series of three, 1,667 times)."""
    from site_gen.engine.site import Site
    from tests.corpus import generate

    site_dir = tmp_path / "site"
    generate(site_dir, 9, seed=3, kb=2, series=3)
    site = Site.open(site_dir, drafts=False)
    site.load({})
    looks = []
    real = Site.summaries
    monkeypatch.setattr(Site, "summaries", lambda self: looks.append(1) or real(self))
    assert len(site.series()) == 3
    assert len(looks) == 1
