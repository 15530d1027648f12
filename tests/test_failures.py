"""What an adversarial run found (issue #15), one regression test per defect: never a stale, partial or unsafe page.

Each test is the defect's repro or a variation of it; each failed on main at f5ae44c.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_gen.commands import build as build_module
from site_gen.commands.build import build_site, load_site
from site_gen.engine.staging import StagedOutput
from tests.cli_support import site_gen

NOTICE = "content/2025/linjiang-shuiwuju.md"
PAGE = "notices/2025/linjiang-shuiwuju.html"


def edit(site: Path, old: str, new: str, relative: str = NOTICE) -> None:
    path = site / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith("pagefind/")
    }


def run(*args: str) -> subprocess.CompletedProcess:
    return site_gen(*args)


def run_process(*args: str) -> subprocess.CompletedProcess:
    """In a process of its own, with a time limit: for a build that could block (a FIFO)."""
    return subprocess.run([sys.executable, "-m", "site_gen", *args], capture_output=True, text=True, timeout=300)


# --- critical: a failure between staging and commit must not make later builds skip the edit ---------


def test_a_build_after_a_failed_commit_publishes_the_edit(site, monkeypatch):
    assert build_site(site, site / "output", search=False).ok
    edit(site, "整改进度：正在整改", "整改进度：整改完成")

    def disk_full(self, ours=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(StagedOutput, "commit", disk_full)
    with pytest.raises(OSError):
        build_site(site, site / "output", search=False)
    assert "正在整改" in (site / "output" / PAGE).read_text(encoding="utf-8")  # the old site, untouched
    monkeypatch.undo()
    assert build_site(site, site / "output", search=False).ok
    clean = site.parent / "clean"
    assert build_site(site, clean, search=False, use_cache=False).ok
    assert tree(site / "output") == tree(clean)


@pytest.mark.slow
def test_a_fifo_in_static_does_not_block_or_stale_the_next_builds(site):
    """The issue's repro: mkfifo static/p made the build fail after its state was saved."""
    assert run_process("build", "--site", str(site)).returncode == 0
    edit(site, "整改进度：正在整改", "整改进度：整改完成")
    (site / "static").mkdir()
    os.mkfifo(site / "static" / "p")
    first = run_process("build", "--site", str(site))
    (site / "static" / "p").unlink()
    second = run_process("build", "--site", str(site))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    clean = site.parent / "clean"
    assert build_site(site, clean, use_cache=False).ok
    assert (site / "output" / PAGE).read_bytes() == (clean / PAGE).read_bytes()
    assert not (site / "output" / "p").exists()  # a FIFO is never published


def test_a_build_killed_after_the_swap_but_before_saving_its_state_is_repaired(site, monkeypatch):
    assert build_site(site, site / "output", search=False).ok
    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 水务局（第二版）")
    saved = build_module.BuildState.save
    monkeypatch.setattr(build_module.BuildState, "save", lambda *a, **k: None)  # as if killed right after the swap
    assert build_site(site, site / "output", search=False).ok
    monkeypatch.setattr(build_module.BuildState, "save", saved)
    edit(site, "title: 水务局（第二版）", "title: 水务局（第三版）")
    assert build_site(site, site / "output", search=False).ok
    clean = site.parent / "clean"
    assert build_site(site, clean, search=False, use_cache=False).ok
    assert tree(site / "output") == tree(clean)


# --- high ----------------------------------------------------------------------------------------


def test_an_attachment_path_can_never_become_a_javascript_link(site):
    folder = site / "content" / "2025"
    (folder / "javascript:alert(document.domain)").write_text("x")
    edit(
        site,
        "date: 2025-05-06\n",
        'date: 2025-05-06\nattachments: [{path: "javascript:alert(document.domain)", title: x}]\n',
    )
    result = build_site(site, site / "output", search=False)
    assert not result.ok
    assert any(d.path == NOTICE for d in result.diagnostics if d.severity == "error")
    assert not (site / "output").exists()


def test_a_sites_own_stylesheet_is_published_on_every_build(site):
    (site / "templates" / "assets").mkdir(parents=True)
    (site / "templates" / "assets" / "site.css").write_text("body { color: navy }\n")
    for _ in range(3):
        assert build_site(site, site / "output", search=False).ok
        assert (site / "output" / "assets" / "site.css").read_text() == "body { color: navy }\n"
    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 改")
    assert build_site(site, site / "output", search=False).ok
    assert (site / "output" / "assets" / "site.css").read_text() == "body { color: navy }\n"


def test_out_pointing_at_a_file_is_refused_and_the_file_kept(site):
    before = (site / "site.yaml").read_bytes()
    result = run("build", "--site", str(site), "--out", str(site / "site.yaml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (site / "site.yaml").read_bytes() == before
    assert [p.name for p in site.iterdir() if p.name.startswith(".site.yaml")] == []


# --- medium --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["../../site.yaml", "/etc/passwd", "files", "missing.pdf"])
def test_a_bad_attachment_is_a_located_error_before_anything_is_copied(site, path):
    (site / "content" / "2025" / "files").mkdir(exist_ok=True)
    edit(site, "date: 2025-05-06\n", f'date: 2025-05-06\nattachments: [{{path: "{path}", title: x}}]\n')
    result = run("build", "--site", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert NOTICE in result.stderr
    assert not (site / "output").exists()


def test_group_names_that_would_share_a_page_are_an_error(site):
    edit(site, "organization: 中共临江区水务局党组", "organization: 中共临江区司法局:党组")
    edit(
        site,
        "organization: 中共临江区司法局党组",
        "organization: 中共临江区司法局/党组",
        "content/2025/linjiang-sifaju.md",
    )
    diagnostics = load_site(site).diagnostics
    assert any("would share the page organizations/" in d.message for d in diagnostics)


def test_a_group_named_index_does_not_replace_the_groups_page(site):
    edit(site, "organization: 中共临江区水务局党组", "organization: index")
    assert build_site(site, site / "output", search=False).ok
    assert "index" in (site / "output" / "organizations" / "index-group.html").read_text(encoding="utf-8")
    assert "中共临江区司法局党组" in (site / "output" / "organizations" / "index.html").read_text(encoding="utf-8")


def test_an_edit_that_keeps_size_and_time_is_published(site):
    assert build_site(site, site / "output", search=False).ok
    path = site / NOTICE
    stat = path.stat()
    edit(site, "整改进度：正在整改", "整改进度：整改完成")  # same number of bytes in UTF-8
    assert path.stat().st_size == stat.st_size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # touch -r
    assert build_site(site, site / "output", search=False).ok
    assert "整改完成" in (site / "output" / PAGE).read_text(encoding="utf-8")


def test_hand_edits_and_deletions_in_output_are_repaired(site):
    assert build_site(site, site / "output", search=False).ok
    clean = tree(site / "output")
    (site / "output" / PAGE).write_text("defaced")
    (site / "output" / "dashboard.html").unlink()
    assert build_site(site, site / "output", search=False).ok
    assert tree(site / "output") == clean  # (a file added by hand is refused by name: tests/test_ownership.py)


def test_a_file_removed_from_static_is_no_longer_published(site):
    (site / "static").mkdir()
    (site / "static" / "notice-board.txt").write_text("x")
    assert build_site(site, site / "output", search=False).ok
    assert (site / "output" / "notice-board.txt").is_file()
    (site / "static" / "notice-board.txt").unlink()
    assert build_site(site, site / "output", search=False).ok
    assert not (site / "output" / "notice-board.txt").exists()


def test_a_search_bundle_deleted_by_hand_is_restored(site):
    assert build_site(site, site / "output").ok
    bundle = site / "output" / "pagefind" / "2025"
    count = sum(1 for p in bundle.rglob("*") if p.is_file())  # names differ per run (Pagefind/pagefind#638)
    shutil.rmtree(bundle)
    assert build_site(site, site / "output").ok
    assert sum(1 for p in bundle.rglob("*") if p.is_file()) == count and (bundle / "pagefind-entry.json").is_file()


def test_a_folder_holding_some_notices_json_is_not_replaced(tmp_path, site):
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notices.json").write_text('{"mine": true}')
    (theirs / "thesis.docx").write_text("years of work")
    result = build_site(site, theirs, search=False)
    assert not result.ok and (theirs / "thesis.docx").read_text() == "years of work"


def test_an_output_that_is_a_link_stays_a_link_and_its_target_is_updated(tmp_path, site):
    webroot = tmp_path / "www" / "site"
    webroot.mkdir(parents=True)
    (site / "output").symlink_to(webroot)
    assert build_site(site, site / "output", search=False).ok
    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 经链接发布")
    assert build_site(site, site / "output", search=False).ok
    assert (site / "output").is_symlink() and os.path.realpath(site / "output") == str(webroot)
    assert "经链接发布" in (webroot / PAGE).read_text(encoding="utf-8")


def test_a_missing_site_folder_is_said_not_created(tmp_path):
    for command in (["build"], ["serve", "--port", "8765"]):
        result = run(*command, "--site", str(tmp_path / "typo"))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert not (tmp_path / "typo").exists()


def test_a_port_out_of_range_is_a_usage_message(site):
    result = run("serve", "--site", str(site), "--port", "99999")
    assert result.returncode == 2 and "请写 1 到 65535 之间的数字" in result.stderr and "Traceback" not in result.stderr


# --- low -----------------------------------------------------------------------------------------


def test_a_fifo_named_like_a_notice_is_an_error_not_a_hang(site):
    os.mkfifo(site / "content" / "2025" / "pipe.md")
    result = run("check", "--site", str(site))
    assert result.returncode == 1 and "content/2025/pipe.md" in result.stderr


def test_leftovers_of_killed_builds_are_removed(site):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = dead.stdout.strip()
    for name in (f".output.building-{pid}-abc", f".pagefind-shard-{pid}-xyz"):
        (site / name).mkdir()
        (site / name / "index.html").write_text("half")
    assert build_site(site, site / "output", search=False).ok
    left = [p.name for p in site.iterdir() if p.name.startswith(".")]
    assert sorted(left) == [".output.lock", ".site-gen-cache", ".site-gen.output.json"]  # cache, lock, marker


def test_a_damaged_cache_is_rebuilt_not_a_traceback(site):
    assert build_site(site, site / "output", search=False).ok
    for path in (site / ".site-gen-cache").rglob("*.pickle"):
        path.write_bytes(b"\x80\x05garbage")
    result = run("build", "--site", str(site))
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_a_broken_override_template_is_located_in_build_and_check(site):
    assert build_site(site, site / "output", search=False).ok
    before = tree(site / "output")
    (site / "templates").mkdir()
    (site / "templates" / "notice.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ notice.title | nosuch }}\n{% endblock %}\n'
    )
    for command in ("build", "check"):
        result = run(command, "--site", str(site))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.count("templates/notice.html:3") == 1  # once, not once per notice page
        assert "没有名为“nosuch”的过滤器" in result.stderr  # Jinja's explanation, in the site's language
    assert tree(site / "output") == before


def test_an_undefined_variable_in_an_override_is_located(site):
    (site / "templates").mkdir()
    theme = Path(build_module.__file__).resolve().parents[2] / "templates" / "dashboard.html"
    text = theme.read_text(encoding="utf-8").replace("{{ progress.total }}", "{{ progres.total }}", 1)
    (site / "templates" / "dashboard.html").write_text(text, encoding="utf-8")
    line = text[: text.index("progres.total")].count("\n") + 1
    result = run("build", "--site", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"templates/dashboard.html:{line}" in result.stderr


def test_a_failing_search_indexer_is_one_message_and_keeps_the_old_site(site, monkeypatch):
    assert build_site(site, site / "output").ok
    before = tree(site / "output")
    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 改")
    from site_gen.engine import search

    def broken(*args, **kwargs):
        raise search.SearchIndexError("pagefind crashed")

    monkeypatch.setattr(search, "run_pagefind", broken)
    result = build_site(site, site / "output")
    assert not result.ok and any("search index" in d.message for d in result.diagnostics)
    assert tree(site / "output") == before
