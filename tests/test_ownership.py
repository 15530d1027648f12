"""Nothing is deleted that site-gen did not make (issue #23): a folder is ours only by a marker never published,
and files a deployment put in output/ are carried into the next site or refused by name, never lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from site_gen.commands.build import build_site
from site_gen.engine import ownership
from site_gen.engine.staging import StagedOutput
from tests.cli_support import site_gen

PAGE = "notices/2025/linjiang-shuiwuju.html"
NOTICE = "content/2025/linjiang-shuiwuju.md"


def edit(site: Path) -> None:
    """A change that makes the next build replace output/ (not the no-change shortcut)."""
    path = site / NOTICE
    path.write_text(
        path.read_text(encoding="utf-8").replace("临江区水务局党组关于", "临江区水务局党组再次关于"), "utf-8"
    )


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def downloads(tmp_path: Path, site: Path) -> Path:
    """~/Downloads after downloading a site-gen site's open data: its real notices.json, a thesis and photos."""
    built = tmp_path / "built"
    assert build_site(site, built, search=False).ok
    folder = tmp_path / "Downloads"
    (folder / "photos").mkdir(parents=True)
    shutil.copy(built / "notices.json", folder / "notices.json")
    (folder / "thesis.docx").write_bytes(b"years of work")
    (folder / "photos" / "wedding.jpg").write_bytes(b"\xff\xd8 irreplaceable")
    return folder


def test_a_downloaded_notices_json_does_not_make_a_folder_ours(tmp_path, site):
    folder = downloads(tmp_path, site)
    before = files(folder)
    result = site_gen("build", "--site", str(site), "--out", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "site-gen 生成它的记录" in result.stderr  # the site is Chinese: refused in its language
    assert files(folder) == before


def test_a_marker_copied_from_another_folder_proves_nothing(tmp_path, site):
    folder = downloads(tmp_path, site)
    shutil.copy(ownership.marker_path(tmp_path / "built"), ownership.marker_path(folder))  # names built/, not this
    before = files(folder)
    result = build_site(site, folder, search=False)
    assert [d.code for d in result.diagnostics if d.severity == "error"] == ["output-not-site-gen"]
    assert files(folder) == before


def test_a_folder_we_built_is_known_by_its_marker_even_without_the_cache(site):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    marker = json.loads(ownership.marker_path(out).read_text(encoding="utf-8"))
    assert marker["output"] == os.path.realpath(out) and PAGE in marker["files"]
    assert ".site-gen.output.json" not in os.listdir(out)  # never published
    shutil.rmtree(site / ".site-gen-cache")  # documented as safe at any time
    edit(site)
    assert build_site(site, out, search=False).ok
    assert "再次" in (out / PAGE).read_text(encoding="utf-8")


def test_a_file_added_by_hand_is_refused_by_name_and_nothing_is_deleted(site):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    (out / "thesis.docx").write_bytes(b"years of work")
    (out / "photos").mkdir()
    (out / "photos" / "a.jpg").write_bytes(b"jpeg")
    edit(site)
    before = files(out)
    result = build_site(site, out, search=False)
    problems = [d for d in result.diagnostics if d.code == "output-unknown-files"]
    assert not result.ok and len(problems) == 1
    assert dict(problems[0].params)["files"] == "photos/a.jpg, thesis.docx"
    assert files(out) == before


def test_a_deployments_dotfiles_git_and_keep_list_are_carried_into_every_new_site(site):
    out = site / "output"
    (site / "site.yaml").write_text(
        (site / "site.yaml").read_text(encoding="utf-8") + "\nkeep: [CNAME, google*.html, downloads/]\n", "utf-8"
    )
    assert build_site(site, out, search=False).ok
    git = out / ".git"
    subprocess.run(["git", "init", "-q", str(out)], check=True)
    (git / "refs" / "tags").mkdir(parents=True, exist_ok=True)  # empty: git still needs it
    hand = {
        "CNAME": b"notices.example.gov.cn\n",
        ".htaccess": b"Options -Indexes\n",
        ".well-known/security.txt": b"Contact: mailto:a@example.gov.cn\n",
        "google1234abcd.html": b"google-site-verification: google1234abcd.html",
        "downloads/2024/report.pdf": b"%PDF-1.4",
    }
    for path, content in hand.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(content)
    git_before = files(git)
    for _ in range(2):  # each build replaces output/ by a new folder
        edit(site)
        result = build_site(site, out, search=False)
        assert result.ok, result.diagnostics
        assert "再次" in (out / PAGE).read_text(encoding="utf-8")
        assert {path: (out / path).read_bytes() for path in hand} == hand
        assert files(git) == git_before and (git / "refs" / "tags").is_dir()
    status = subprocess.run(["git", "-C", str(out), "status", "--porcelain"], capture_output=True, text=True)
    assert status.returncode == 0, status.stderr
    assert build_site(site, out, search=False).written == 0  # carried files do not make output/ look changed


def test_the_replaced_site_is_deleted_only_when_every_file_in_it_was_ours(tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    (out / "index.html").write_text("old")
    (out / "mine.txt").write_text("added during the build")
    staged = StagedOutput(out)
    (staged.path / "index.html").write_text("new")
    kept = staged.commit(ours=lambda path: path == "index.html")
    assert (out / "index.html").read_text() == "new" and not (out / "mine.txt").exists()
    assert kept is not None and (kept / "mine.txt").read_text() == "added during the build"
    assert not (kept / "index.html").exists()  # site-gen's own old file is gone


def test_a_site_built_before_markers_is_known_by_its_build_state(site):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    ownership.marker_path(out).unlink()
    edit(site)
    assert build_site(site, out, search=False).ok  # the cache's record of what it committed there
    assert ownership.marker_path(out).is_file()


def test_a_keep_pattern_leaving_the_output_folder_is_an_error(site):
    (site / "site.yaml").write_text(
        (site / "site.yaml").read_text(encoding="utf-8") + "\nkeep: [../secrets, /etc/passwd]\n", "utf-8"
    )
    result = build_site(site, site / "output", search=False)
    codes = [d.code for d in result.diagnostics if d.severity == "error"]
    assert codes == ["keep-pattern-invalid", "keep-pattern-invalid"]


def test_a_file_added_while_the_build_runs_is_kept_with_a_warning(site, monkeypatch):
    from site_gen.commands import build as build_module

    out = site / "output"
    assert build_site(site, out, search=False).ok
    edit(site)
    real_stage = build_module.stage

    def stage_then_someone_saves(*args, **kwargs):
        made = real_stage(*args, **kwargs)
        (out / "minutes.docx").write_bytes(b"saved into output/ meanwhile")
        return made

    monkeypatch.setattr(build_module, "stage", stage_then_someone_saves)
    result = build_site(site, out, search=False)
    (warned,) = [d for d in result.diagnostics if d.code == "output-files-kept"]
    assert result.ok and warned.severity == "warning"
    kept = Path(dict(warned.params)["folder"])
    assert (kept / "minutes.docx").read_bytes() == b"saved into output/ meanwhile"
    assert [p.relative_to(kept).as_posix() for p in kept.rglob("*") if p.is_file()] == ["minutes.docx"]
    assert "再次" in (out / PAGE).read_text(encoding="utf-8") and not (out / "minutes.docx").exists()
