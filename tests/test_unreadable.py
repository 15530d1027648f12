"""One notice the account may not read (another account's file on a shared drive, issue #23): a located
file-unreadable in check (text and JSON), build, the preview and `new notice`, never a traceback.

The file really is chmod 000. Root reads such files anyway, so when the tests run as root every way of opening
that one file (open, io.open, os.open, which Path.read_bytes and friends use) also raises the PermissionError the
system gives any other account; the code under test is the same either way."""

from __future__ import annotations

import builtins
import io
import json
import os
from pathlib import Path

import pytest

from site_gen.commands.build import build_site
from site_gen.commands.cli import main

NOTICE = "content/2025/linjiang-shuiwuju.md"


def refuse_to_read(monkeypatch, path: Path) -> None:
    """chmod 000, and for root the same refusal from every way of opening that file."""
    os.chmod(path, 0)
    if os.geteuid() != 0:
        return
    target = os.path.realpath(path)

    def guarded(real):
        def opener(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == target:
                raise PermissionError(13, "Permission denied", str(file))
            return real(file, *args, **kwargs)

        return opener

    for module, name in ((builtins, "open"), (io, "open"), (os, "open")):
        monkeypatch.setattr(module, name, guarded(getattr(module, name)))


@pytest.fixture
def locked(site, monkeypatch):
    refuse_to_read(monkeypatch, site / NOTICE)
    yield site
    os.chmod(site / NOTICE, 0o644)


def test_check_names_the_file_in_text_and_json(locked, capsys):
    assert main(["check", "--site", str(locked)]) == 1
    err = capsys.readouterr().err
    assert f"{NOTICE}:1:1: error: 无法读取这个文件" in err and "Permission denied" in err
    assert main(["check", "--site", str(locked), "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(p["file"], p["code"]) for p in found if p["severity"] == "error"] == [(NOTICE, "file-unreadable")]


def test_build_says_it_cannot_read_the_notice_and_writes_nothing(locked, capsys):
    out = locked / "output"
    assert main(["build", "--site", str(locked)]) == 1
    err = capsys.readouterr().err
    assert f"{NOTICE}:1:1: error: 无法读取这个文件" in err and "cannot write" not in err
    assert not out.exists()
    result = build_site(locked, out, search=False)
    assert [d.code for d in result.diagnostics if d.severity == "error"] == ["file-unreadable"]


def test_the_preview_shows_it_in_the_browser(locked, tmp_path):
    from site_gen.commands.serve import Preview

    preview = Preview(locked, tmp_path / "preview", drafts=True, log=lambda *_: None)
    preview.build_all()
    page = (tmp_path / "preview" / "index.html").read_text(encoding="utf-8")
    assert preview.showing_errors and NOTICE in page and "无法读取这个文件" in page


def test_new_notice_says_which_notice_it_could_not_read(locked, capsys):
    (locked / "site.yaml").write_text("base_url: https://example.cn/\ncontact:\n  phones: ['0000-1']\n", "utf-8")
    assert main(["new", "notice", "2025/new.md", "--site", str(locked), "--org", "临江区水务局党组"]) == 0
    assert (locked / "content/2025/new.md").is_file()
    assert f"{NOTICE}:1:1: error: 无法读取这个文件" in capsys.readouterr().err


def test_an_unreadable_folder_of_notices_is_said_not_skipped(site, monkeypatch, capsys):
    folder = site / "content" / "2024"
    os.chmod(folder, 0)
    if os.geteuid() == 0:
        real = os.scandir

        def scandir(path="."):
            if os.path.realpath(path) == os.path.realpath(folder):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        assert main(["check", "--site", str(site)]) == 1
    finally:
        os.chmod(folder, 0o755)
    assert "content/2024: error: 无法读取这个文件" in capsys.readouterr().err


def test_an_unreadable_site_yaml_is_said(site, monkeypatch, capsys):
    refuse_to_read(monkeypatch, site / "site.yaml")
    assert main(["check", "--site", str(site)]) == 1
    assert "site.yaml:1:1: error: 无法读取这个文件" in capsys.readouterr().err
    os.chmod(site / "site.yaml", 0o644)
