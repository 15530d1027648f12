"""`site-gen new notice [PATH]`: a skeleton that checks clean, builds, names the site's organisations, overwrites nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_gen.commands.build import build_site, load_site
from site_gen.commands.cli import main
from site_gen.notice.config import load_config
from site_gen.notice.model import Status
from site_gen.notice.reader import read_notice

ORG = "中共示例县农业农村局党组"  # the starter's example notice names it
STARTER_WARNINGS = ("base-url-missing", "starter-placeholder")  # site.yaml as new site writes it, to be edited


@pytest.fixture
def demo(tmp_path) -> Path:
    folder = tmp_path / "demo"
    assert main(["new", "site", str(folder)]) == 0
    return folder


def new_notice(capsys, site: Path, *options: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["new", "notice", "--site", str(site), *options])
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err


def notice_at(site: Path, path: Path):
    notice, _ = read_notice(path, load_config(site)[0])
    return notice


def test_skeleton_checks_clean_and_builds_as_a_draft(demo, capsys):
    code, out, _ = new_notice(
        capsys, demo, "--date", "2025-04-02", "--org", ORG, "--title", "关于巡察整改进展情况的通报"
    )
    path = Path(out)
    assert code == 0 and path == demo / "content" / "2025" / "notice-2025-04-02.md"
    load = load_site(demo)
    assert [d.format() for d in load.diagnostics if d.code not in STARTER_WARNINGS] == []
    notice = notice_at(demo, path)
    assert (notice.title, notice.organization, notice.date) == ("关于巡察整改进展情况的通报", ORG, dt.date(2025, 4, 2))
    assert notice.draft and notice.contact.is_reachable  # the site's default contact
    assert len(notice.issues) == 2 and all(issue.status is Status.IN_PROGRESS for issue in notice.issues)
    assert notice.sections[0].title.startswith("（一）") and notice.sections[-1].title == "下一步工作"
    result = build_site(demo, demo / "output", drafts=True)
    assert result.ok and (demo / "output" / "notices" / "2025" / "notice-2025-04-02.html").is_file()


def test_defaults_today_and_picks_a_free_ascii_name(demo, capsys):
    today = dt.date.today()
    first = Path(new_notice(capsys, demo)[1])
    second = Path(new_notice(capsys, demo)[1])
    assert first == demo / "content" / str(today.year) / f"notice-{today.isoformat()}.md"
    assert second.name == f"notice-{today.isoformat()}-2.md"
    assert notice_at(demo, first).date == today


def test_missing_or_unknown_org_lists_the_sites_organisations(demo, capsys):
    _, out, err = new_notice(capsys, demo)
    assert "没有用 --org" in err and ORG in err
    assert notice_at(demo, Path(out)).organization == "中共某某局党组"  # the placeholder, not counted as known
    code, out, err = new_notice(capsys, demo, "--org", "中共示例县农业农村局党委")
    assert code == 0 and "是不是要写：中共示例县农业农村局党组" in err and "中共某某局党组" not in err
    _, _, err = new_notice(capsys, demo, "--org", ORG)
    assert err == ""


def test_given_path_is_under_content_and_never_overwritten(demo, capsys):
    code, out, _ = new_notice(capsys, demo, "2025/nongyeju", "--org", ORG)
    assert code == 0 and Path(out) == demo / "content" / "2025" / "nongyeju.md"
    Path(out).write_text(Path(out).read_text(encoding="utf-8") + "\n已填写的内容\n", encoding="utf-8")
    before = Path(out).read_bytes()
    code, _, err = new_notice(capsys, demo, "content/2025/nongyeju.md")
    assert code == 1 and "已经存在，没有覆盖它" in err and Path(out).read_bytes() == before


def test_a_path_outside_content_is_refused(demo, capsys):
    code, out, err = new_notice(capsys, demo, "../outside.md")
    assert code == 1 and out == "" and "不在" in err
    assert sorted(p.name for p in (demo / "content").rglob("*.md")) == ["example.md"]


def test_a_chinese_file_name_is_written_and_published_at_its_pinyin_address(demo, capsys):
    code, out, _ = new_notice(capsys, demo, "2025/农业局.md", "--org", ORG)
    assert code == 0 and Path(out) == demo / "content" / "2025" / "农业局.md"
    assert build_site(demo, demo / "output", drafts=True).ok
    assert (demo / "output" / "notices" / "2025" / "nongyeju.html").is_file()


REGISTRY = """
organizations:
  - name: 中共示例县委
    short: 县委
  - name: 中共示例县农业农村局党组
    short: 县农业农村局
    aliases: [农业农村局]
    parent: 县委
    contact:
      emails: [nongye@example.gov.cn]
"""


def test_with_a_registry_its_organisations_are_offered_and_a_short_name_becomes_the_full_name(demo, capsys):
    with (demo / "site.yaml").open("a", encoding="utf-8") as file:
        file.write(REGISTRY)
    _, _, err = new_notice(capsys, demo)
    assert (
        "单位名录中的单位" in err
        and "中共示例县委（县委）" in err
        and "中共示例县农业农村局党组（县农业农村局）" in err
    )
    before = sorted(demo.rglob("*.md"))
    code, out, err = new_notice(capsys, demo, "--org", "县农业农村局党委")  # not a name the registry has
    assert code == 2 and out == "" and sorted(demo.rglob("*.md")) == before  # the wrong name is not written
    assert "“县农业农村局党委”不在 site.yaml 的单位名录（organizations:）中，没有写入任何文件。" in err
    assert "是不是要写：中共示例县农业农村局党组" in err
    code, out, err = new_notice(capsys, demo, "--org", "农业农村局")
    assert code == 0 and err == ""
    notice = notice_at(demo, Path(out))
    assert notice.organization == "中共示例县农业农村局党组" and "nongye@example.gov.cn" in notice.contact.emails
    assert "organization: 中共示例县农业农村局党组" in Path(out).read_text(encoding="utf-8")


def test_a_bad_date_is_a_usage_error(demo, capsys):
    code, out, err = new_notice(capsys, demo, "--date", "2025-02-30")
    assert code == 2 and out == "" and "不是有效日期" in err


def test_a_folder_that_is_not_a_site_is_left_alone(tmp_path, capsys):
    code, _, err = new_notice(capsys, tmp_path)
    assert code == 1 and "不是 site-gen 网站" in err and list(tmp_path.iterdir()) == []


def test_a_site_without_default_contact_gets_a_contact_block_to_fill(tmp_path, capsys):
    (tmp_path / "site.yaml").write_text("title: 测试\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    code, out, err = new_notice(capsys, tmp_path, "--org", "中共某某局党组")
    assert code == 0 and "没有默认联系方式" in err
    assert "\ncontact:" in Path(out).read_text(encoding="utf-8")
    problems = [d.message for d in load_site(tmp_path).diagnostics if d.severity == "error"]
    assert problems == ["the notice gives the public no way to reach the publisher"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_skeletons_per_issue_lines_claim_nothing_until_filled_in(tmp_path, capsys, language):
    folder = tmp_path / language
    assert main(["new", "site", str(folder), "--lang", language]) == 0
    code, out, _ = new_notice(capsys, folder, "--date", "2025-05-06", "--org", "X")
    path = Path(out)
    text = path.read_text(encoding="utf-8")
    label = "整改时限：\n" if language == "zh" else "Deadline:\n"
    assert code == 0 and label in text
    notice = notice_at(folder, path)
    assert all((issue.deadline, issue.long_term, issue.responsible) == (None, False, None) for issue in notice.issues)
    assert all("<p>" + label.strip() not in issue.body_html for issue in notice.issues)  # an empty line: not shown
    filled = "整改时限：2025年6月底\n" if language == "zh" else "Deadline: 2025.6\n"
    path.write_text(text.replace(label, filled, 1), encoding="utf-8")
    assert notice_at(folder, path).issues[0].deadline == dt.date(2025, 6, 30)


def test_english_site_gets_an_english_skeleton(tmp_path, capsys):
    folder = tmp_path / "en"
    assert main(["new", "site", str(folder), "--lang", "en"]) == 0
    code, out, err = new_notice(capsys, folder, "--title", "Progress: second round", "--date", "2025-05-06")
    assert code == 0 and "no --org given" in err
    assert [d.format() for d in load_site(folder).diagnostics if d.code not in STARTER_WARNINGS] == []
    notice = notice_at(folder, Path(out))
    assert notice.title == "Progress: second round" and notice.lang == "en"
    assert [issue.status for issue in notice.issues] == [Status.IN_PROGRESS, Status.IN_PROGRESS]


def test_listing_the_sites_organisations_parses_no_body_and_renders_nothing(demo):
    """The names come from each notice's front-matter: no Markdown parser, no Jinja, no pinyin in the process."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from site_gen.notice import reader\n"
        "def refuse(*args, **kwargs): raise AssertionError('a body was parsed')\n"
        "reader.parse_body = refuse\n"
        "from site_gen.commands.cli import main\n"
        f"main(['new', 'notice', '--site', {str(demo)!r}, '--org', '中共示例县农业农村局党委'])\n"
        "print(sorted(m for m in ('jinja2', 'pypinyin') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert "是不是要写：中共示例县农业农村局党组" in done.stderr  # and the names are still found


def test_the_skeleton_offers_the_sites_series_and_a_given_one_brings_its_organisation(demo, capsys):
    code, out, _ = new_notice(capsys, demo, "--date", "2025-04-02", "--org", ORG)
    text = Path(out).read_text(encoding="utf-8")
    assert code == 0 and "# series:" in text and notice_at(demo, Path(out)).series == ""  # offered, commented out
    code, out, _ = new_notice(capsys, demo, "--date", "2025-05-02", "--org", ORG, "--series", "第一轮巡察·农业农村局")
    assert code == 0 and notice_at(demo, Path(out)).series == "第一轮巡察·农业农村局"
    code, out, err = new_notice(capsys, demo, "--date", "2025-10-02")
    assert "本站已有：第一轮巡察·农业农村局" in Path(out).read_text(encoding="utf-8")
    code, out, err = new_notice(capsys, demo, "--date", "2025-11-02", "--series", "第一轮巡察·农业农村局")
    follow_up = notice_at(demo, Path(out))
    assert (follow_up.series, follow_up.organization) == ("第一轮巡察·农业农村局", ORG)  # its series' organisation
    code, out, err = new_notice(capsys, demo, "--date", "2025-12-02", "--series", "第一轮巡查·农业农村局")
    assert "是新的通报系列" in err and "是不是要写：第一轮巡察·农业农村局" in err
