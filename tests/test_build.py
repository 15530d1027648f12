"""Building the sample site end to end: what a citizen and an auditor get.

Expected values are read from the sample notices in content/ by hand.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from site_gen.commands.build import build_site
from tests.cli_support import site_gen
from tests.htmlscan import Page

REPO = Path(__file__).resolve().parents[1]

SIFAJU = {  # content/2025/linjiang-sifaju.md
    "s1-1": "done",
    "s1-2": "done_ongoing",
    "s1-3": "phase_done",
    "s2-4": "deemed_done",
    "s2-5": "in_progress",
    "s3-6": "in_progress",
    "s3-7": "done",
}
SHUIWUJU = {"i1": "done", "i2": "in_progress", "i3": "not_started", "i4": "deemed_done"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "output"
    result = build_site(REPO, out)
    assert result.ok, result.diagnostics
    return out


def page(out: Path, relative: str) -> Page:
    return Page((out / relative).read_text(encoding="utf-8"))


def test_one_page_per_published_notice_and_no_draft(sample):
    pages = sorted(p.relative_to(sample).as_posix() for p in (sample / "notices").rglob("*.html"))
    assert pages == [
        "notices/2024/linjiang-jiaoyuju.html",
        "notices/2025/linjiang-shuiwuju.html",
        "notices/2025/linjiang-sifaju-2.html",
        "notices/2025/linjiang-sifaju.html",
        "notices/2026/linjiang-sifaju-3.html",
        "notices/en/linjiang-audit-office.html",
    ]
    index = (sample / "index.html").read_text(encoding="utf-8")
    assert "文化和旅游局" not in index  # the draft


def test_every_issue_has_its_status_and_a_visible_badge(sample):
    notice = page(sample, "notices/2025/linjiang-sifaju.html")
    issues = notice.find_all("article", data_status=True)
    assert {e.attrs["id"]: e.attrs["data-status"] for e in issues} == SIFAJU
    for element in issues:
        assert "整改状态：" in element.text  # the badge announces itself, not colour alone
    subs = notice.find_all("section", data_status=True)
    assert {e.attrs["id"]: e.attrs["data-status"] for e in subs} == {"s2-5-1": "done", "s2-5-2": "in_progress"}
    flat = page(sample, "notices/2025/linjiang-shuiwuju.html")
    assert {e.attrs["id"]: e.attrs["data-status"] for e in flat.find_all("article", data_status=True)} == SHUIWUJU


def test_summary_is_computed_from_the_issues(sample):
    notice = page(sample, "notices/2025/linjiang-sifaju.html")
    summary = notice.find_all("section", **{"class": "summary"})[0].text
    assert "57.1%" in summary  # done 2 + done_ongoing 1 + deemed_done 1 of 7
    assert "已完成 4 项，共 7 项" in summary
    assert "7 项问题：整改完成 2 · 完成并长期坚持 1 · 视同完成 1 · 阶段性完成 1 · 正在整改 2" in summary


def test_notice_without_any_status_says_so_instead_of_a_rate(sample):
    notice = page(sample, "notices/2024/linjiang-jiaoyuju.html")
    summary = notice.find_all("section", **{"class": "summary"})[0].text
    assert "未标明" in summary and "%" not in summary
    assert {e.attrs["data-status"] for e in notice.find_all("article", data_status=True)} == {"unstated"}


def test_contact_footer_links(sample):
    notice = page(sample, "notices/2025/linjiang-sifaju.html")
    hrefs = [a.attrs["href"] for a in notice.find_all("a")]
    assert "tel:0571-88002345" in hrefs
    assert "mailto:sfj_jiandu@linjiang.example.cn" in hrefs
    assert "临江区人民路 66 号区司法局办公室" in notice.find_all("aside")[0].text
    # a notice without its own contact gets its organisation's (site.yaml's registry), then the site's
    flat = page(sample, "notices/2025/linjiang-shuiwuju.html")
    hrefs = [a.attrs["href"] for a in flat.find_all("a")]
    assert "mailto:slj_zhenggai@linjiang.example.cn" in hrefs and "tel:0571-88004567" in hrefs
    assert "mailto:xczg@linjiang.example.cn" not in hrefs
    english = page(sample, "notices/en/linjiang-audit-office.html")  # registered with no contact of its own
    hrefs = [a.attrs["href"] for a in english.find_all("a")]
    assert "tel:0571-88001234" in hrefs and "mailto:audit-feedback@linjiang.example.cn" in hrefs


def test_index_lists_newest_first_with_progress(sample):
    index = page(sample, "index.html")
    links = [a.attrs["href"] for a in index.find_all("a") if a.attrs.get("href", "").startswith("notices/")]
    assert links == [
        "notices/2026/linjiang-sifaju-3.html",
        "notices/2025/linjiang-sifaju-2.html",
        "notices/2025/linjiang-shuiwuju.html",
        "notices/2025/linjiang-sifaju.html",
        "notices/en/linjiang-audit-office.html",
        "notices/2024/linjiang-jiaoyuju.html",
    ]
    assert "4 项问题：整改完成 1 · 视同完成 1 · 正在整改 1 · 尚未开始 1" in index.html


def test_government_meta_tags(sample):
    notice = page(sample, "notices/2025/linjiang-sifaju.html")
    meta = {m.attrs.get("name"): m.attrs.get("content") for m in notice.find_all("meta")}
    assert meta["SiteName"] == "云溪市临江区巡察整改公开"
    assert meta["ColumnName"] == "巡察整改"
    assert meta["PubDate"] == "2025-03-18"
    assert meta["ContentSource"] == "中共临江区司法局党组"


def test_open_data_matches_the_pages(sample):
    data = json.loads((sample / "notices.json").read_text(encoding="utf-8"))
    by_slug = {n["slug"]: n for n in data["notices"]}
    assert set(by_slug) == {
        "2024/linjiang-jiaoyuju",
        "2025/linjiang-shuiwuju",
        "2025/linjiang-sifaju",
        "2025/linjiang-sifaju-2",
        "2026/linjiang-sifaju-3",
        "en/linjiang-audit-office",
    }
    sifaju = by_slug["2025/linjiang-sifaju"]
    statuses = {i["id"]: i["status"] for s in sifaju["sections"] for i in s["issues"]}
    assert statuses == SIFAJU
    assert sifaju["progress"] == {
        "total": 7,
        "completed": 4,
        "completion_rate": 0.5714,
        "counts": {"done": 2, "done_ongoing": 1, "deemed_done": 1, "phase_done": 1, "in_progress": 2},
    }
    assert sifaju["inspection"]["feedback"] == "2024-12-10"
    assert "measures_html" not in json.dumps(data)  # the list stays small; measures are in each notice's record
    full = json.loads((sample / sifaju["data"]).read_text(encoding="utf-8"))
    assert sifaju["data"] == "notices/2025/linjiang-sifaju.json"
    first = full["sections"][0]["issues"][0]
    assert first["id"] == "s1-1" and "流动普法车" in first["measures_html"]


SCRATCH_YAML = "base_url: https://example.cn/\ncontact:\n  phones: ['0635-1']\n"


def scratch_site(root: Path, files: dict[str, str], site_yaml: str = SCRATCH_YAML) -> Path:
    (root / "site.yaml").write_text(site_yaml, encoding="utf-8")
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


NOTICE = """\
---
title: {title}
organization: 测试局
date: 2025-01-02
draft: {draft}
---

### 1. 问题
整改进度：整改完成

{body}
"""


def test_markup_in_a_notice_is_escaped(tmp_path):
    site = scratch_site(
        tmp_path,
        {
            "a.md": NOTICE.format(
                title="<script>alert(1)</script>", draft="false", body="<script>alert(2)</script> <img src=x onerror=y>"
            )
        },
    )
    assert build_site(site, site / "output").ok
    html = (site / "output" / "notices" / "a.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_drafts_only_with_the_flag(tmp_path):
    site = scratch_site(
        tmp_path,
        {
            "a.md": NOTICE.format(title="公开", draft="false", body=""),
            "b.md": NOTICE.format(title="草稿通报", draft="true", body=""),
        },
    )
    assert build_site(site, site / "output").ok
    assert not (site / "output" / "notices" / "b.html").exists()
    assert build_site(site, site / "output", drafts=True).ok
    draft_page = (site / "output" / "notices" / "b.html").read_text(encoding="utf-8")
    assert "草稿：本页仅供预览" in draft_page


def test_english_ui(tmp_path):
    site = scratch_site(
        tmp_path,
        {"a.md": NOTICE.format(title="T", draft="false", body="")},
        site_yaml="language: en\nbase_url: https://example.org/\ncontact:\n  emails: [a@example.org]\n",
    )
    assert build_site(site, site / "output").ok
    html = (site / "output" / "notices" / "a.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Progress summary" in html and "Completed" in html
    assert "整改进展概况" not in html


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return site_gen(*args, cwd=cwd)


def test_content_error_exits_1_names_the_line_and_keeps_output(tmp_path):
    site = scratch_site(tmp_path, {"a.md": NOTICE.format(title="好", draft="false", body="")})
    assert run_cli("build", cwd=site).returncode == 0
    before = {p: p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()}
    (site / "content" / "a.md").write_text(
        NOTICE.format(title="好", draft="false", body="").replace("整改完成", "改得差不多"), encoding="utf-8"
    )
    result = run_cli("build", cwd=site)
    assert result.returncode == 1
    assert "content/a.md:9:" in result.stderr and "改得差不多" in result.stderr
    assert ": warning:" not in result.stderr  # the unknown status is the one problem, not also "no status"
    assert "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()}
    assert after == before


def test_cli_version_and_help():
    assert run_cli("--version", cwd=REPO).stdout.startswith("site-gen ")
    help_text = run_cli("build", "--help", cwd=REPO).stdout
    assert "-D, --drafts" in help_text and "示例：" in help_text  # the sample site is Chinese


@pytest.mark.slow  # builds a wheel with pip: packaging, checked by CI
def test_wheel_ships_the_theme(tmp_path):
    """Installed from a wheel, outside this repository, the default theme must still be there."""
    if not shutil.which("pip") and not (Path(sys.executable).parent / "pip").exists():
        pytest.fail("pip is needed to build the wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("site_gen-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "site_gen/theme/notice.html" in names and "site_gen/theme/assets/site.css" in names


def test_english_notice_on_a_chinese_site_gets_an_english_page(sample):
    html = (sample / "notices/en/linjiang-audit-office.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Progress summary" in html and "75%" in html
    assert "整改进展概况" not in html
    # badges, the progress sentence and the legend come from macros: they must speak the page's language too
    assert 'badge__label">Completed<' in html and "4 issues: Completed 2" in html and "What the statuses mean" in html
    assert "整改完成" not in html and "状态说明" not in html
    index = (sample / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in index


def test_attachment_is_copied_and_linked(sample):
    copied = sample / "notices" / "2025" / "files" / "survey.pdf"
    assert copied.read_bytes() == (REPO / "content" / "2025" / "files" / "survey.pdf").read_bytes()
    notice = page(sample, "notices/2025/linjiang-sifaju.html")
    links = {a.attrs["href"]: a.text for a in notice.find_all("a")}
    assert links["files/survey.pdf"] == "巡察整改满意度测评表"
    assert "(PDF, " in notice.html and "#s2-5" in links


# --- a county's site: a registry, Chinese file names, tags and attachments -------------------------------

REGISTRY_SITE = REPO / "tests" / "fixtures" / "registry"


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("county") / "site"
    shutil.copytree(REGISTRY_SITE, site)
    result = build_site(site, site / "output")
    assert result.ok, [d.format() for d in result.diagnostics]
    return site / "output"


def part(out: Path, relative: str, tag: str, css_class: str) -> Page:
    """One part of a page (the open problems, the units, the contact) to look into on its own."""
    html = (out / relative).read_text(encoding="utf-8")
    [found] = re.findall(rf'<{tag} class="{css_class}".*?</{tag}>', html, re.S)
    return Page(found)


def test_no_output_path_has_a_non_ascii_byte(county):
    paths = [p.relative_to(county).as_posix() for p in county.rglob("*")]
    assert "notices/2025/shuiwuju.html" in paths and "notices/2025/fujian/manyiducepingbiao.pdf" in paths
    assert [p for p in paths if not p.isascii()] == []


def test_one_page_per_organisation_whatever_name_the_notice_wrote(county):
    organisations = sorted(p.name for p in (county / "organizations").glob("*.html"))
    # 水务局 and 县司法局 in the notices; the county committee, publishing nothing itself, for its units
    assert organisations == ["index.html", "shuiwu.html", "xianwei.html", "zhonggongshilixiansifajudangzu.html"]
    assert page(county, "organizations/shuiwu.html").find_all("h1")[0].text == "中共示例县水务局党组"
    contact = part(county, "organizations/shuiwu.html", "aside", "contact")
    hrefs = [a.attrs["href"] for a in contact.find_all("a")]
    assert hrefs == ["tel:0635-2222222", "mailto:shuiwu@example.cn"]  # its own, not the site's
    contact = part(county, "organizations/zhonggongshilixiansifajudangzu.html", "aside", "contact")
    assert "示例县法治路 9 号" in contact.html  # its own address
    assert "tel:0635-1111111" in [a.attrs["href"] for a in contact.find_all("a")]  # the site's phone


def test_an_organisation_page_lists_its_open_problems_linking_to_each_issue(county):
    section = part(county, "organizations/shuiwu.html", "section", "open-problems")
    links = [(a.attrs["href"], a.text) for a in section.find_all("a")]
    assert links == [
        ("../notices/2025/shuiwuju.html", "县水务局党组关于巡察整改进展情况的通报"),
        ("../notices/2025/shuiwuju.html#s1-1", "1. 关于小型水库巡查不到位的问题"),  # 正在整改; the completed one is not
    ]
    assert "正在整改" in section.html and "工程资金" not in section.html
    section = part(county, "organizations/zhonggongshilixiansifajudangzu.html", "section", "open-problems")
    assert [a.attrs["href"] for a in section.find_all("a")][1:] == ["../notices/2025/sifaju.html#i2"]  # 尚未开始
    notice = page(county, "notices/2025/shuiwuju.html")
    assert notice.find_all(id="s1-1")  # the anchor the link leads to


def test_a_parent_page_lists_its_units_and_a_unit_names_its_parent(county):
    units = part(county, "organizations/xianwei.html", "section", "units")
    assert [a.attrs["href"] for a in units.find_all("a")] == [  # by name, as every list of organisations
        "../organizations/zhonggongshilixiansifajudangzu.html",  # 中共示例县司法局党组
        "../organizations/shuiwu.html",  # 中共示例县水务局党组
    ]
    water = page(county, "organizations/shuiwu.html")
    assert "../organizations/xianwei.html" in [a.attrs["href"] for a in water.find_all("a")]


def test_notice_pages_link_to_their_organisation_and_attachment_at_ascii_addresses(county):
    notice = page(county, "notices/2025/shuiwuju.html")
    hrefs = [a.attrs["href"] for a in notice.find_all("a")]
    assert hrefs.count("fujian/manyiducepingbiao.pdf") == 2  # the attachment list and the link in the text
    home = page(county, "index.html")
    assert "organizations/shuiwu.html" in [a.attrs["href"] for a in home.find_all("a")]


def test_the_404_page_and_the_published_stylesheet_are_the_sites_own_override(tmp_path):
    """A site that replaces templates/assets/site.css gets it on every page, the 404 page's inline copy included."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    (site / "templates" / "assets").mkdir(parents=True)
    (site / "templates" / "assets" / "site.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build_site(site, out, search=False).ok
    assert (out / "assets" / "site.css").read_text(encoding="utf-8") == "body { color: #123456; }\n"
    not_found = (out / "404.html").read_text(encoding="utf-8")
    assert "#123456" in not_found and ".badge" not in not_found  # the override, not the theme's stylesheet


def issue_lines(element_html: str) -> dict[str, str]:
    """The terms of an issue's per-issue lines, as a reader sees them."""
    lines = Page(element_html)
    terms = [e.text.strip() for e in lines.find_all("dt")]
    values = [e.text.strip() for e in lines.find_all("dd")]
    return dict(zip(terms, values, strict=True))


def test_per_issue_lines_are_shown_under_the_badge_as_a_list_of_terms(sample):
    html = (sample / "notices/2025/linjiang-sifaju.html").read_text(encoding="utf-8")
    first = html[html.index('id="s1-1"') : html.index('id="s1-2"')]
    header = first[: first.index("</header>")]  # under the badge, inside the issue's header
    assert header.index("badge") < header.index('<dl class="issue__lines">')
    assert issue_lines(header[header.index("<dl") :]) == {
        "时限": "2025年1月31日",
        "责任单位": "区司法局普法与依法治理科",
        "责任人": "陈立新",
        "完成时间": "2025年1月20日",
    }
    assert '<time datetime="2025-01-31">' in header
    second = html[html.index('id="s1-2"') : html.index('id="s1-3"')]
    assert issue_lines(second[second.index("<dl") : second.index("</dl>") + 5])["时限"] == "长期坚持"
    sub = html[html.index('id="s2-5-2"') :]
    assert issue_lines(sub[sub.index("<dl") : sub.index("</dl>") + 5]) == {
        "时限": "2025年6月30日",
        "责任单位": "区司法局办公室",
    }
    untouched = html[html.index('id="s2-4"') : html.index('id="s2-5"')]
    assert "issue__lines" not in untouched  # nothing stated, nothing shown


def test_per_issue_lines_are_in_the_open_data(sample):
    data = json.loads((sample / "notices.json").read_text(encoding="utf-8"))
    (sifaju,) = [n for n in data["notices"] if n["slug"] == "2025/linjiang-sifaju"]
    issues = {i["id"]: i for s in sifaju["sections"] for i in s["issues"]}
    keys = ("deadline", "long_term", "responsible", "responsible_person", "completed_on")
    assert {k: issues["s1-1"][k] for k in keys} == {
        "deadline": "2025-01-31",
        "long_term": False,
        "responsible": "区司法局普法与依法治理科",
        "responsible_person": "陈立新",
        "completed_on": "2025-01-20",
    }
    assert {k: issues["s1-2"][k] for k in keys} == {
        "deadline": None,
        "long_term": True,
        "responsible": "区司法局法制股",
        "responsible_person": None,
        "completed_on": None,
    }
    subs = {sub["id"]: sub for sub in issues["s2-5"]["sub_problems"]}
    assert subs["s2-5-1"]["completed_on"] == "2025-01-31" and subs["s2-5-2"]["deadline"] == "2025-06-30"
    for issue in issues.values():  # every issue carries every key, null when unstated
        assert set(keys) <= set(issue)
    full = json.loads((sample / sifaju["data"]).read_text(encoding="utf-8"))
    assert full["sections"][0]["issues"][0]["deadline"] == "2025-01-31"


def test_per_issue_lines_have_english_labels_on_an_english_site(tmp_path):
    body = "Deadline: 2025.6\nResponsible unit: Records office\nCompleted on: 2025-05-02"
    notice = NOTICE.format(title="T", draft="false", body="").replace(
        "整改进度：整改完成\n", "Status: Completed\n" + body + "\n"
    )
    site = scratch_site(
        tmp_path,
        {"a.md": notice},
        site_yaml="language: en\nbase_url: https://example.org/\ncontact:\n  emails: [a@example.org]\n",
    )
    assert build_site(site, site / "output").ok
    html = (site / "output" / "notices" / "a.html").read_text(encoding="utf-8")
    assert issue_lines(html[html.index('<dl class="issue__lines">') :].split("</dl>")[0] + "</dl>") == {
        "Deadline": "30 June 2025",
        "Responsible unit": "Records office",
        "Completed on": "2 May 2025",
    }
