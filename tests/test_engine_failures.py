"""The build engine's findings of the second adversarial run (issue #23), one regression test per defect.

Each test is the defect's repro or a variation of it; each failed on main at 7e10619.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from site_gen.commands.build import build_site
from site_gen.engine.cache import BuildCache


def notice(site: Path, relative: str, title: str, status: str, extra: str = "") -> Path:
    """A small published notice at content/<relative>."""
    path = site / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\ntitle: {title}关于巡察整改进展情况的通报\norganization: 临江区人民政府\ndate: 2025-05-06\n"
        f"contact:\n  phones: [0571-8800 1234]\n{extra}---\n\n## (一)队伍建设方面\n\n"
        f"### 1. 关于{title}台账不全的问题\n整改进度：{status}\n\n逐项补齐台账。\n",
        encoding="utf-8",
    )
    return path


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith("pagefind/")
    }


def equals_clean_build(site: Path, out: Path) -> None:
    clean = site.parent / "clean"
    assert build_site(site, clean, search=False, use_cache=False).ok
    assert tree(out) == tree(clean)


# --- critical: a failed build's kept pages are another notice's page ----------------------------------------------


def test_homophones_at_one_address_never_swap_pages_after_the_fix(site):
    """The issue's repro: 水务局 and 税务局 are both 2025/shuiwuju; once 税务局 has a slug the home page's link to
    水务局's notice must lead to 水务局's page, not to the page 税务局 left at the shared address."""
    out = site / "output"
    assert build_site(site, out, search=False).ok
    notice(site, "2025/水务局.md", "清河水务局", "整改完成")
    tax = notice(site, "2025/税务局.md", "清河税务局", "尚未开始")
    failed = build_site(site, out, search=False)
    assert "slug-duplicate" in {d.code for d in failed.diagnostics}
    tax.write_text(tax.read_text(encoding="utf-8").replace("date:", "slug: 2025/shuiwu-shuiwuju\ndate:"), "utf-8")
    assert build_site(site, out, search=False).ok
    page = (out / "notices/2025/shuiwuju.html").read_text(encoding="utf-8")
    assert "清河水务局" in page and "清河税务局" not in page
    equals_clean_build(site, out)
    assert build_site(site, out, search=False).ok  # and on every later build
    equals_clean_build(site, out)


def test_homophones_fixed_by_renaming_the_other_file_publish_each_own_page(site):
    """A variation: the fix renames 水务局's file instead; both pages are each notice's own."""
    out = site / "output"
    notice(site, "2025/水务局.md", "清河水务局", "整改完成")
    notice(site, "2025/税务局.md", "清河税务局", "尚未开始")
    assert not build_site(site, out, search=False).ok
    (site / "content/2025/水务局.md").rename(site / "content/2025/water.md")
    assert build_site(site, out, search=False).ok
    assert "清河税务局" in (out / "notices/2025/shuiwuju.html").read_text(encoding="utf-8")
    assert "清河水务局" in (out / "notices/2025/water.html").read_text(encoding="utf-8")
    equals_clean_build(site, out)


@pytest.mark.parametrize("attacher", ["a.md", "z.md"])  # copied before b's page is made, or after
def test_an_attachment_named_like_a_page_never_becomes_that_page(site, attacher):
    """The issue's variant: b.html attached by another notice is published where b.md's page goes; once the
    attachment is renamed, b's page is b's, not the attachment's bytes."""
    out = site / "output"
    folder = site / "content" / "2025"
    (folder / "b.html").write_text("<p>附件：不是页面</p>", encoding="utf-8")
    attached = "attachments:\n  - {path: b.html, title: 附件}\n"
    notice(site, f"2025/{attacher}", "区审计局", "整改完成", attached)
    notice(site, "2025/b.md", "区统计局", "正在整改")
    failed = build_site(site, out, search=False)
    assert "address-shared" in {d.code for d in failed.diagnostics}
    (folder / "b.html").rename(folder / "b-attached.html")
    edit = folder / attacher
    edit.write_text(edit.read_text(encoding="utf-8").replace("path: b.html", "path: b-attached.html"), "utf-8")
    assert build_site(site, out, search=False).ok
    assert "区统计局" in (out / "notices/2025/b.html").read_text(encoding="utf-8")
    equals_clean_build(site, out)


def test_a_notice_renamed_after_a_failed_build_shows_its_new_address(site):
    """A page kept by a failed build is its notice's page at its address: the same text under another file name
    (another address, shown on the page and in its QR code) is made again."""
    out = site / "output"
    broken = break_a_notice(site)
    assert not build_site(site, out, search=False).ok
    folder = site / "content" / "2025"
    (folder / "linjiang-sifaju.md").rename(folder / "sifaju-renamed.md")
    broken.unlink()
    assert build_site(site, out, search=False).ok
    equals_clean_build(site, out)


def test_a_static_file_named_like_a_page_never_becomes_that_page(site):
    """A variation: static/notices/2025/b.html replaces b's page; removing it publishes b's own page."""
    out = site / "output"
    notice(site, "2025/b.md", "区统计局", "正在整改")
    static = site / "static/notices/2025/b.html"
    static.parent.mkdir(parents=True)
    static.write_text("<p>静态文件</p>", encoding="utf-8")
    assert "static-replaces-page" in {d.code for d in build_site(site, out, search=False).diagnostics}
    static.unlink()
    assert build_site(site, out, search=False).ok
    assert "区统计局" in (out / "notices/2025/b.html").read_text(encoding="utf-8")
    equals_clean_build(site, out)


def kept_pages(site: Path) -> list[Path]:
    folder = BuildCache(site).folder
    return sorted(p for p in folder.iterdir() if p.name.startswith("page-") and p.name.endswith(".0"))


def break_a_notice(site: Path) -> Path:
    """A notice with an error: the build fails and keeps the others' pages."""
    return notice(site, "2025/broken.md", "区统计局", "进展顺利")  # not a status: status-unknown


def test_a_truncated_kept_page_is_made_again_not_published(site):
    out = site / "output"
    broken = break_a_notice(site)
    assert not build_site(site, out, search=False).ok
    kept = kept_pages(site)
    assert kept  # the other notices' pages are kept for the build after the fix
    for page in kept:
        content = page.read_bytes()
        page.unlink()  # a new file: the staged file it was linked to is long gone anyway
        page.write_bytes(content[: len(content) // 2])
    broken.unlink()
    assert build_site(site, out, search=False).ok
    equals_clean_build(site, out)


def test_a_kept_page_replaced_by_another_notices_bytes_is_made_again(site):
    """A variation: a kept page whose bytes are whole but another's (same length even) is never published."""
    out = site / "output"
    broken = break_a_notice(site)
    assert not build_site(site, out, search=False).ok
    first, second, *_ = kept_pages(site)
    content = second.read_bytes()
    first.unlink()
    first.write_bytes(content)
    broken.unlink()
    assert build_site(site, out, search=False).ok
    equals_clean_build(site, out)


def test_pages_kept_by_a_failed_build_are_each_notices_own(site):
    """No record is kept for a notice at a shared address; every kept page is its notice's own rendering."""
    out = site / "output"
    notice(site, "2025/水务局.md", "清河水务局", "整改完成")
    notice(site, "2025/税务局.md", "清河税务局", "尚未开始")
    assert not build_site(site, out, search=False).ok
    contents = [page.read_text(encoding="utf-8") for page in kept_pages(site)]
    assert contents  # the sample notices' pages were kept
    assert not [c for c in contents if "清河水务局" in c or "清河税务局" in c]


# --- high: no lock between builds -----------------------------------------------------------------------------------

# A build in its own process that stops after reading every notice, before linking the "unchanged" files from
# output/, until the file named by its first argument exists (it says so by creating <that file>.paused).
PAUSED_BUILD = """
import sys, time, pathlib
from site_gen.commands import build
from site_gen.commands.cli import main
go, original = pathlib.Path(sys.argv[1]), build.stage
def stage(*args, **kwargs):
    pathlib.Path(str(go) + ".paused").touch()
    while not go.exists():
        time.sleep(0.02)
    return original(*args, **kwargs)
build.stage = stage
sys.exit(main(sys.argv[2:]))
"""

WAITING = "另一个构建正在写入这个输出文件夹"  # output-busy-waiting, in the site's language


def start(args: list[str], log: Path, paused_until: Path | None = None) -> subprocess.Popen:
    command = [sys.executable, "-c", PAUSED_BUILD, str(paused_until)] if paused_until else [sys.executable, "-m"]
    if paused_until is None:
        command.append("site_gen")
    with open(log, "w", encoding="utf-8") as handle:
        return subprocess.Popen([*command, *args], stdout=handle, stderr=subprocess.STDOUT, env=environment())


def environment() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}


def wait_for(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_two_overlapping_builds_publish_one_clean_site_never_a_mix(site, tmp_path):
    """The issue's repro with two real processes: the first build has read its content and is about to link the
    files it found unchanged in output/ when a second build, of newer content, starts. The second waits; the site
    published last is a clean build of its content, never pages of one and lists of the other."""
    out = tmp_path / "out"
    assert build_site(site, out).ok
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：正在整改", "整改进度：整改完成")
    go = tmp_path / "go"
    first = start(["build", "--site", str(site), "--out", str(out)], tmp_path / "first.log", go)
    wait_for(lambda: Path(str(go) + ".paused").exists() or first.poll() is not None)
    first_content = snapshot(site, tmp_path / "first-content")
    edit_text(site / "content/2025/linjiang-shuiwuju.md", "title: ", "title: 更正：")
    second_log = tmp_path / "second.log"
    second = start(["build", "--site", str(site), "--out", str(out)], second_log)
    wait_for(lambda: second.poll() is not None or WAITING in second_log.read_text(encoding="utf-8"))
    go.touch()
    assert first.wait(300) == 0, (tmp_path / "first.log").read_text(encoding="utf-8")
    assert second.wait(300) == 0, second_log.read_text(encoding="utf-8")
    published = tree(out)
    assert published == clean(site, tmp_path / "clean-second")  # the newer content, made after the first
    assert published != clean(first_content, tmp_path / "clean-first")
    assert WAITING in second_log.read_text(encoding="utf-8")  # and said why it waited


def snapshot(site: Path, copy: Path) -> Path:
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".site-gen-cache", "output", ".output*"))
    return copy


def clean(site: Path, out: Path) -> dict[str, bytes]:
    assert build_site(site, out, search=False, use_cache=False).ok
    return tree(out)


def edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


HOLD_LOCK = """
import sys, time, pathlib
from site_gen.engine.lock import output_lock
with output_lock(pathlib.Path(sys.argv[1])):
    pathlib.Path(sys.argv[2] + ".held").touch()
    while not pathlib.Path(sys.argv[2]).exists():
        time.sleep(0.02)
"""


def hold_lock(out: Path, release: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out), str(release)], env=environment())
    wait_for(lambda: Path(str(release) + ".held").exists())
    return holder


def test_no_wait_refuses_while_another_build_runs_and_leaves_output_alone(site, tmp_path):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    before = tree(out)
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：正在整改", "整改进度：整改完成")
    release = tmp_path / "release"
    holder = hold_lock(out, release)
    try:
        refused = run_cli("build", "--site", str(site), "--no-wait")
    finally:
        release.touch()
        holder.wait(60)
    assert refused.returncode == 1
    assert "另一个构建正在写入这个输出文件夹" in refused.stderr and "Traceback" not in refused.stderr
    assert str(out) in refused.stderr  # located: which folder is busy
    assert tree(out) == before
    assert run_cli("build", "--site", str(site), "--no-wait").returncode == 0  # free again


def test_a_live_builds_staged_folder_is_never_removed_whatever_its_pid(site, tmp_path):
    """A build in another PID namespace (a container on a shared workspace) has a pid this machine sees as dead:
    its staged folder is live while it holds the lock, and removed only once the lock is free."""
    out = site / "output"
    assert build_site(site, out, search=False).ok
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    live = site / f".output.building-{dead.stdout.strip()}-live"
    (live / "notices").mkdir(parents=True)
    (live / "notices" / "half.html").write_text("<p>being written</p>", encoding="utf-8")
    release = tmp_path / "release"
    holder = hold_lock(out, release)
    try:
        assert run_cli("build", "--site", str(site), "--no-wait").returncode == 1
        assert (live / "notices" / "half.html").exists()
    finally:
        release.touch()
        holder.wait(60)
    assert build_site(site, out, search=False).ok
    assert not live.exists()  # the lock is free: no build of this output is running, so it was a dead one's


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "site_gen", *args], capture_output=True, text=True, timeout=300, env=environment()
    )
