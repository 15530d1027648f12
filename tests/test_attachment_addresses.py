"""One address, one file (issues #23 and #26): a file listed twice or two files at one ASCII address are errors at
the attachment's own line in check, build and the preview; two notices attaching the same file publish it once."""

from __future__ import annotations

import subprocess
from pathlib import Path

from site_gen.commands.build import build_site, load_site
from site_gen.engine.site import Site
from tests.cli_support import site_gen
from tests.test_build import scratch_site

NOTICE = """\
---
title: 关于{name}巡察整改进展情况的通报
organization: 测试局
date: 2025-01-02
attachments:
{attachments}
---

### 1. 问题
整改进度：整改完成
"""


def notice(name: str, *paths: str) -> str:
    return NOTICE.format(name=name, attachments="\n".join(f"  - path: {path}" for path in paths))


def site_with(tmp_path: Path, notices: dict[str, str], files: dict[str, bytes]) -> Path:
    (tmp_path / "site").mkdir()
    site = scratch_site(tmp_path / "site", notices)
    for name, content in files.items():
        (site / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "content" / name).write_bytes(content)
    return site


def errors(diagnostics) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.code) for d in diagnostics if d.severity == "error"]


def check_and_build(site: Path, out: Path) -> tuple[list, list, subprocess.CompletedProcess]:
    built = build_site(site, out, search=False)
    command = site_gen("build", "--site", str(site), "--out", str(out))
    return errors(load_site(site).diagnostics), errors(built.diagnostics), command


def test_one_file_listed_twice_is_an_error_at_the_second_entry(tmp_path):
    site = site_with(tmp_path, {"2025/a.md": notice("甲", "x.pdf", "./x.pdf")}, {"2025/x.pdf": b"%PDF"})
    checked, built, command = check_and_build(site, tmp_path / "out")
    assert checked == built == [("content/2025/a.md", 7, "attachment-duplicate")]
    assert command.returncode == 1 and "Traceback" not in command.stderr and "a.md:7:1" in command.stderr
    assert not (tmp_path / "out").exists()


def test_two_files_with_one_pinyin_address_are_an_error_at_the_second(tmp_path):
    files = {"2025/测评表.pdf": b"%PDF one", "2025/侧评表.pdf": b"%PDF two"}
    site = site_with(tmp_path, {"2025/a.md": notice("甲", "测评表.pdf", "侧评表.pdf")}, files)
    checked, built, command = check_and_build(site, tmp_path / "out")
    assert checked == built == [("content/2025/a.md", 7, "attachment-address-shared")]
    assert command.returncode == 1 and "Traceback" not in command.stderr
    assert "notices/2025/cepingbiao.pdf" in command.stderr


def test_the_preview_shows_the_clash_at_its_line_instead_of_answering_404(tmp_path):
    from site_gen.commands.serve import Preview

    site = site_with(tmp_path, {"2025/a.md": notice("甲", "x.pdf", "./x.pdf")}, {"2025/x.pdf": b"%PDF"})
    preview = Preview(site, tmp_path / "preview", drafts=True, log=lambda *_: None)
    preview.build_all()
    page = (tmp_path / "preview" / "index.html").read_text(encoding="utf-8")
    assert preview.showing_errors and "content/2025/a.md:7" in page and "与第 6 行列出的是同一个文件" in page
    (site / "content/2025/a.md").write_text(notice("甲", "x.pdf"), encoding="utf-8")
    preview.on_change([site / "content/2025/a.md"])
    assert not preview.showing_errors and (tmp_path / "preview/notices/2025/x.pdf").read_bytes() == b"%PDF"


def test_a_notices_record_holds_one_file_per_address(tmp_path):
    site = site_with(tmp_path, {"2025/a.md": notice("甲", "x.pdf", "./x.pdf")}, {"2025/x.pdf": b"%PDF"})
    loaded = Site.open(site, drafts=True)
    loaded.load({})
    (record,) = loaded.records.values()
    assert [(a.address, a.line) for a in record.attachments] == [("notices/2025/x.pdf", 6)]
    loaded.declared()  # declaring its files does not fail on the second entry


def test_two_notices_attaching_the_same_file_publish_it_once(tmp_path):
    notices = {f"2025/{name}.md": notice(name, "files/survey.pdf") for name in ("a", "b", "c")}
    notices["2025/d.md"] = notice("d", "./files/survey.pdf")
    site = site_with(tmp_path, notices, {"2025/files/survey.pdf": b"%PDF survey"})
    out = tmp_path / "out"
    checked, built, command = check_and_build(site, out)
    assert checked == built == [] and command.returncode == 0, command.stderr
    assert (out / "notices/2025/files/survey.pdf").read_bytes() == b"%PDF survey"
    for name in "abcd":
        assert 'href="files/survey.pdf"' in (out / f"notices/2025/{name}.html").read_text(encoding="utf-8")


def test_two_different_files_at_one_address_are_one_error_at_the_attachments_line(tmp_path):
    notices = {
        "2025/a.md": notice("a", "表.pdf"),
        "2025/b.md": notice("b", "files/x.pdf"),
        "2025/c.md": notice("c", "files/x.pdf"),  # the same file as b's: no clash with b
        "2025/d.md": notice("d", "biao.pdf"),  # 表.pdf's address, another file
    }
    files = {"2025/files/x.pdf": b"%PDF x", "2025/表.pdf": b"%PDF biao", "2025/biao.pdf": b"%PDF another"}
    site = site_with(tmp_path, notices, files)
    checked, built, _ = check_and_build(site, tmp_path / "out")
    assert checked == built == [("content/2025/d.md", 6, "address-shared")]


def test_an_attachment_named_like_another_notices_page_is_located_in_check(tmp_path):
    site = site_with(tmp_path, {"2025/a.md": notice("a", "b.html"), "2025/b.md": notice("b", "y.pdf")}, {})
    (site / "content/2025/b.html").write_text("<p>mine</p>", encoding="utf-8")
    (site / "content/2025/y.pdf").write_bytes(b"%PDF")
    checked, built, _ = check_and_build(site, tmp_path / "out")
    assert checked == built == [("content/2025/a.md", 6, "address-shared")]
