"""`site-gen new site DIR`: a folder that checks and builds at once, in Chinese or English, and never overwrites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_gen.commands.build import build_site, load_site
from site_gen.commands.cli import main
from site_gen.notice.config import load_config
from site_gen.notice.model import Status
from site_gen.notice.reader import read_notice
from site_gen.notice.schema import NOTICE_FIELDS, SITE_FIELDS

BASE_URL_WARNING = "base_url is not set"


def new_site(tmp_path: Path, *options: str) -> Path:
    folder = tmp_path / "demo"
    assert main(["new", "site", str(folder), *options]) == 0
    return folder


def problems_other_than_base_url(folder: Path) -> list[str]:
    """What check says of a new site beyond the settings it asks the clerk to fill in (tests/test_slips.py)."""
    shown = load_site(folder).diagnostics
    return [d.format() for d in shown if BASE_URL_WARNING not in d.message and d.code != "starter-placeholder"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_new_site_has_the_four_parts(tmp_path, language):
    folder = new_site(tmp_path, "--lang", language)
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == [
        ".gitignore",
        "content/example.md",
        "content/files/feedback-form.pdf",
        "site.yaml",
        "templates/README.md",
    ]
    ignored = (folder / ".gitignore").read_text(encoding="utf-8").split()
    assert {"output/", ".preview/", ".site-gen-cache/"} <= set(ignored)
    assert "notice.html" in (folder / "templates" / "README.md").read_text(encoding="utf-8")
    assert load_config(folder)[0].language == language


@pytest.mark.parametrize("language", ["zh", "en"])
def test_new_site_checks_clean_and_builds_with_the_example_unpublished(tmp_path, language):
    folder = new_site(tmp_path, "--lang", language)
    assert problems_other_than_base_url(folder) == []
    result = build_site(folder, folder / "output")
    assert result.ok and result.notice_count == 0
    home = (folder / "output" / "index.html").read_text(encoding="utf-8")
    nothing_yet = {"zh": "暂无已发布的通报", "en": "No notices have been published yet"}[language]
    assert nothing_yet in home and 'class="empty-state"' in home
    assert not (folder / "output" / "notices").exists()


def test_the_example_builds_as_a_draft_with_its_attachment(tmp_path):
    folder = new_site(tmp_path)
    result = build_site(folder, folder / "output", drafts=True)
    assert result.ok and result.notice_count == 1
    page = (folder / "output" / "notices" / "example.html").read_text(encoding="utf-8")
    assert 'id="peixun"' in page and 'href="#peixun"' in page
    assert (folder / "output" / "notices" / "files" / "feedback-form.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_example_shows_every_part_of_the_syntax(tmp_path, language):
    folder = new_site(tmp_path, "--lang", language)
    text = (folder / "content" / "example.md").read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    for key in (spec.name for spec in NOTICE_FIELDS):  # every field, the optional ones at least as a commented line
        assert re.search(rf"^(# )?{key}:", front, re.MULTILINE), key
    [summary] = load_site(folder).notices
    notice, _ = read_notice(folder / summary.source, load_config(folder)[0])
    assert notice.draft and notice.inspection.feedback and notice.contact.other and notice.attachments
    assert notice.reviewers and notice.tags and notice.summary
    statuses = {issue.status for issue in notice.issues}
    assert {Status.DONE, Status.IN_PROGRESS, Status.DEEMED_DONE} <= statuses
    with_parts = [issue for issue in notice.issues if issue.sub_problems]
    assert len(with_parts) == 1 and len(with_parts[0].sub_problems) == 2
    assert with_parts[0].status is Status.PHASE_DONE  # the least advanced part
    assert "peixun" in notice.anchors or "training" in notice.anchors
    assert notice.sections[-1].issues == () and notice.sections[-1].title  # a part with no issues


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_setting_is_in_site_yaml_with_a_comment_in_the_site_language(tmp_path, language):
    folder = new_site(tmp_path, "--lang", language)
    lines = (folder / "site.yaml").read_text(encoding="utf-8").splitlines()
    for key in (spec.name for spec in SITE_FIELDS):
        [at] = [n for n, line in enumerate(lines) if re.match(rf"^(# )?{key}:", line)]
        above = at
        while above > 0 and lines[above - 1].startswith("#"):
            above -= 1
        comment = " ".join(lines[above:at])  # the comment block right above the setting
        assert comment, key
        if language == "zh":
            assert re.search(r"[\u4e00-\u9fff]{4,}", comment), (key, comment)
        else:
            assert re.search(r"[A-Za-z]{4,} [a-z]{2,} [a-z]{2,}", comment), (key, comment)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_commented_setting_works_when_turned_on(tmp_path, language):
    folder = new_site(tmp_path, "--lang", language)
    path = folder / "site.yaml"
    text = path.read_text(encoding="utf-8")
    turned_on = re.sub(r"^( *)# ( *(?:- )?[A-Za-z_]\w*:)", r"\1\2", text, flags=re.MULTILINE)  # list items too
    path.write_text(turned_on, encoding="utf-8")
    config, found = load_config(folder)
    assert [d.format() for d in found if d.code != "starter-placeholder"] == []  # examples: to be replaced
    assert config.base_url and config.footer.host and config.meta and config.contact.other
    assert config.vocabulary.lookup("整改到位" if language == "zh" else "Fixed").status is Status.DONE
    council, unit = config.organizations.organizations
    assert unit.parent == council.name and unit.slug and unit.contact.emails and unit.aliases


def test_a_folder_with_anything_in_it_is_refused_and_left_as_it_was(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "site.yaml").write_text("title: 我的网站\n", encoding="utf-8")
    assert main(["new", "site", str(folder)]) == 1
    assert "不是空文件夹" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["site.yaml"]
    assert (folder / "site.yaml").read_text(encoding="utf-8") == "title: 我的网站\n"


def test_a_file_is_refused_and_an_empty_folder_is_used(tmp_path, capsys):
    file = tmp_path / "notes.txt"
    file.write_text("x", encoding="utf-8")
    assert main(["new", "site", str(file), "--lang", "en"]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err and file.read_text(encoding="utf-8") == "x"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["new", "site", str(empty)]) == 0
    assert (empty / "site.yaml").is_file()


def test_the_english_example_reads_as_english(tmp_path):
    folder = new_site(tmp_path, "--lang", "en")
    assert build_site(folder, folder / "output", drafts=True).ok
    page = (folder / "output" / "notices" / "example.html").read_text(encoding="utf-8")
    assert "As written: Completed" in page and "As written：" not in page  # an English colon on an English page
