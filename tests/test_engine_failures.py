"""The build engine's findings of the second adversarial run (issue #23), one regression test per defect.

Each test is the defect's repro or a variation of it; each failed on main at 7e10619.
"""

from __future__ import annotations

import errno
import os
import pickle
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from site_gen.commands.build import build_site
from site_gen.engine.cache import BuildCache
from site_gen.engine.staging import StagedOutput
from site_gen.engine.state import STATE_VERSION, BuildState


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
    return sorted(BuildCache(site).kept.glob("*.0"))


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


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
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


# --- medium: after the exchange, the publish is reported; the cache knows its libraries; a mounted output/ -------


def delete_the_cache_after_the_exchange(monkeypatch, site: Path, also=lambda: None) -> None:
    commit = StagedOutput.commit

    def committed_then_cache_gone(self, ours=None):
        kept = commit(self, ours)
        shutil.rmtree(site / ".site-gen-cache")  # documented as safe to delete at any time
        also()
        return kept

    monkeypatch.setattr(StagedOutput, "commit", committed_then_cache_gone)


def test_a_state_that_cannot_be_saved_after_the_exchange_reports_the_publish(site, monkeypatch):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：正在整改", "整改进度：整改完成")
    delete_the_cache_after_the_exchange(monkeypatch, site)
    result = build_site(site, out, search=False)
    assert result.ok  # published: exit 0, never "output is unchanged"
    assert [d.code for d in result.diagnostics if d.code == "state-not-saved"] == ["state-not-saved"]
    assert "整改完成" in (out / "notices/2025/linjiang-sifaju.html").read_text(encoding="utf-8")
    monkeypatch.undo()
    second = build_site(site, out, search=False)
    assert second.ok and second.written > 0  # a full build: nothing of the lost state is trusted
    equals_clean_build(site, out)


def test_a_second_builds_new_settings_deleting_the_cache_folder_is_a_warning_too(site, monkeypatch):
    """A variation: another build with an edited site.yaml opens a cache folder of its own signature, which
    deletes this build's, between its exchange and its state save."""
    out = site / "output"
    assert build_site(site, out, search=False).ok
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：正在整改", "整改进度：整改完成")
    commit = StagedOutput.commit

    def another_build_opens_its_cache(self, ours=None):
        kept = commit(self, ours)
        edit_text(site / "site.yaml", "title: ", "title: 新")
        BuildCache(site)  # the other build's cache: older folders are deleted
        return kept

    monkeypatch.setattr(StagedOutput, "commit", another_build_opens_its_cache)
    result = build_site(site, out, search=False)
    assert result.ok and "state-not-saved" in {d.code for d in result.diagnostics}
    monkeypatch.undo()
    assert build_site(site, out, search=False).ok
    equals_clean_build(site, out)


def test_the_cli_says_published_with_a_warning_when_the_state_is_lost(site, tmp_path):
    script = (
        "import shutil, sys, pathlib\n"
        "from site_gen.engine.staging import StagedOutput\n"
        "from site_gen.commands.cli import main\n"
        "commit = StagedOutput.commit\n"
        "def gone(self, ours=None):\n"
        "    kept = commit(self, ours)\n"
        "    shutil.rmtree(pathlib.Path(sys.argv[1]) / '.site-gen-cache')\n"
        "    return kept\n"
        "StagedOutput.commit = gone\n"
        "sys.exit(main(['build', '--site', sys.argv[1]]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(site)], capture_output=True, text=True, timeout=300, env=environment()
    )
    assert done.returncode == 0, done.stderr
    assert "网站已发布，但构建记录未能保存" in done.stderr and "unchanged" not in done.stderr
    assert "Traceback" not in done.stderr and "份通报" in done.stdout and "已生成" in done.stdout  # in Chinese


def test_a_library_upgrade_makes_every_page_again(site, tmp_path, monkeypatch):
    """The cache folder is named by the runtime libraries' versions and Python's too: after an upgrade the next
    build is a full one, so incremental == clean with the new library."""
    from site_gen.engine.cache import signature

    out = site / "output"
    assert build_site(site, out, search=False).ok
    before = signature(site)
    upgraded = tmp_path / "upgraded"
    (upgraded / "jinja2-99.0.dist-info").mkdir(parents=True)  # what pip leaves: the metadata folder's name
    monkeypatch.syspath_prepend(str(upgraded))
    assert signature(site) != before
    again = build_site(site, out, search=False)
    assert again.ok and again.written == len([p for p in out.rglob("*") if p.is_file()])  # every file made again


def test_the_python_version_is_in_the_cache_signature(site, monkeypatch):
    from site_gen.engine import cache

    before = cache.signature(site)
    monkeypatch.setattr(cache.sys, "version", "3.99.0 (a future Python)")
    assert cache.signature(site) != before


@pytest.mark.parametrize("number", [errno.EBUSY, errno.EXDEV])
def test_an_output_folder_that_cannot_be_swapped_is_a_located_error_and_stays(site, monkeypatch, number):
    """A mount point (Docker -v, an NFS web root) cannot be renamed: EBUSY, or EXDEV for a bind mount."""
    from site_gen.engine import staging

    out = site / "output"
    assert build_site(site, out, search=False).ok
    before = tree(out)
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：正在整改", "整改进度：整改完成")

    def busy(a, b):
        raise OSError(number, os.strerror(number), str(b))

    monkeypatch.setattr(staging, "exchange", busy)
    result = build_site(site, out, search=False)
    assert not result.ok
    [found] = [d for d in result.diagnostics if d.code == "output-mount-point"]
    assert found.path == str(out) and "docs/hosting.md" in found.in_language("en").hint
    assert tree(out) == before
    assert [p.name for p in site.iterdir() if p.name.startswith(".output.")] == [".output.lock"]  # nothing left


def test_a_mount_point_is_refused_before_anything_is_built(site, monkeypatch):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    mounted = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda path: str(path) == str(out.resolve()) or mounted(path))
    result = build_site(site, out, search=False)
    assert [d.code for d in result.diagnostics if d.severity == "error"] == ["output-mount-point"]


def test_the_two_rename_fallback_for_a_mount_point_is_the_same_error(site, monkeypatch):
    from site_gen.engine import staging

    out = site / "output"
    assert build_site(site, out, search=False).ok
    before = tree(out)
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：正在整改", "整改进度：整改完成")
    monkeypatch.setattr(staging, "exchange", lambda a, b: False)
    rename = os.rename

    def busy(source, target):
        if Path(source) == out.resolve():
            raise OSError(errno.EBUSY, "Device or resource busy", str(source))
        rename(source, target)

    monkeypatch.setattr(os, "rename", busy)
    result = build_site(site, out, search=False)
    assert "output-mount-point" in {d.code for d in result.diagnostics}
    assert tree(out) == before


# --- lows ------------------------------------------------------------------------------------------------------------


def state_files(site: Path) -> list[Path]:
    return sorted((site / ".site-gen-cache").rglob("state-*.pickle"))


@pytest.mark.parametrize(
    "kept",
    [
        (STATE_VERSION, "not a state"),
        (STATE_VERSION, BuildState(sources=["content/2025/x.md"])),  # type: ignore[arg-type]
        (STATE_VERSION, BuildState(outputs={"index.html": "not committed"})),  # type: ignore[dict-item]
        (STATE_VERSION, BuildState(sources={"content/2025/x.md": ("a", 1)})),  # type: ignore[dict-item]
    ],
)
def test_a_state_pickle_of_the_wrong_shape_is_no_state(site, kept):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    [state] = state_files(site)
    state.write_bytes(pickle.dumps(kept))
    result = build_site(site, out, search=False)
    assert result.ok
    equals_clean_build(site, out)


def test_an_output_link_loop_is_a_located_message_not_a_traceback(site):
    os.symlink("output", site / "output")  # output -> output
    done = run_cli("build", "--site", str(site))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "输出文件夹是一个循环的符号链接" in done.stderr and "output" in done.stderr
    os.symlink("b", site / "a")
    os.symlink("a", site / "b")  # a loop through two links
    assert [d.code for d in build_site(site, site / "a", search=False).diagnostics][-1:] == ["output-link-loop"]


@pytest.mark.parametrize("breakage", ["cache-is-a-file", "templates-is-a-file", "unwritable"])
def test_an_unusable_cache_is_a_warning_and_the_build_goes_on(site, monkeypatch, breakage):
    """One `sudo site-gen build` leaves a cache owned by root: every later build goes on without it."""
    out = site / "output"
    if breakage == "cache-is-a-file":
        (site / ".site-gen-cache").write_text("not a folder", encoding="utf-8")
    elif breakage == "templates-is-a-file":
        folder = BuildCache(site).folder
        shutil.rmtree(folder / "templates")
        (folder / "templates").write_text("not a folder", encoding="utf-8")
    else:  # tests run as root, whom permissions do not stop: the refusal a user's build would meet
        import tempfile

        def refused(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(site / ".site-gen-cache"))

        monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    result = build_site(site, out, search=False)
    assert result.ok
    [found] = [d for d in result.diagnostics if d.code == "cache-unusable"]
    assert found.severity == "warning" and found.path.startswith(".site-gen-cache")
    monkeypatch.undo()
    equals_clean_build(site, out)


def test_every_build_keeps_the_output_folders_mode(site):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    assert stat.S_IMODE(out.stat().st_mode) == 0o755  # a first build: readable by the web server
    out.chmod(0o750)  # a review site, for its group only
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：正在整改", "整改进度：整改完成")
    assert build_site(site, out, search=False).ok
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    out.chmod(0o2770)  # setgid: new files take the folder's group
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：整改完成", "整改进度：正在整改")
    assert build_site(site, out, search=False).ok
    assert stat.S_IMODE(out.stat().st_mode) == 0o2770


# A build whose commit has no exchange (macOS, NFS) and is killed between its two renames.
KILLED_BETWEEN_RENAMES = """
import os, sys, pathlib
from site_gen.engine import staging
from site_gen.commands.build import build_site
staging.exchange = lambda a, b: False
rename = os.rename
def killed(source, target):
    if ".building-" in str(source):
        os._exit(9)  # as SIGKILL: no finally, no clean-up
    rename(source, target)
os.rename = killed
build_site(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[1]) / "output", search=False)
"""


@pytest.mark.slow
def test_a_kill_between_the_two_renames_never_loses_the_site(site):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    before = tree(out)
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：正在整改", "整改进度：整改完成")
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BETWEEN_RENAMES, str(site)], capture_output=True, timeout=300, env=environment()
    )
    assert killed.returncode == 9
    assert not out.exists()  # the moment the kill left: output/ moved aside
    broken = break_a_notice(site)
    failed = build_site(site, out, search=False)  # says "unchanged": it must be true
    assert not failed.ok
    assert tree(out) == before  # the old site put back, not deleted
    broken.unlink()
    assert build_site(site, out, search=False).ok
    equals_clean_build(site, out)
    assert [p.name for p in site.iterdir() if p.name.startswith(".output.")] == [".output.lock"]


def hand_edit_keeping_size_and_time(path: Path) -> None:
    """Same length, same modification time, same inode: only the change time tells."""
    status = path.stat()
    content = path.read_bytes()
    with open(path, "r+b") as handle:
        handle.write(content.replace("整改".encode(), "改过".encode(), 1))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size and path.read_bytes() != content


def test_a_same_size_same_time_hand_edit_in_output_is_repaired(site):
    out = site / "output"
    assert build_site(site, out, search=False).ok
    hand_edit_keeping_size_and_time(out / "notices/2025/linjiang-sifaju.html")
    assert build_site(site, out, search=False).ok
    equals_clean_build(site, out)


def failing_search(monkeypatch) -> None:
    from site_gen.base.diagnostics import error
    from site_gen.commands import build

    monkeypatch.setattr(build, "index", lambda *args: error("pagefind", 0, "search-index-failed", detail="killed"))


def test_a_failed_build_that_linked_output_keeps_the_next_build_incremental(site, monkeypatch):
    """A build that failed after linking output/'s files into its staged folder changed their change time, not
    them: the next build links them again (a few files made, not the whole site), and still catches an edit."""
    out = site / "output"
    assert build_site(site, out).ok
    files = len([p for p in out.rglob("*") if p.is_file()])
    edit_text(site / "content/2025/linjiang-sifaju.md", "整改进度：正在整改", "整改进度：整改完成")
    failing_search(monkeypatch)
    assert not build_site(site, out).ok
    monkeypatch.undo()
    hand_edit_keeping_size_and_time(out / "notices/2024/linjiang-jiaoyuju.html")  # after the failed build
    again = build_site(site, out)
    assert again.ok and 0 < again.written < files // 2
    assert tree(out) == clean(site, site.parent / "clean")


@pytest.mark.slow
def test_the_previews_build_waits_for_a_build_of_its_folder(site, tmp_path):
    import threading

    from site_gen.commands.serve import Preview

    folder = site / ".preview"
    release = tmp_path / "release"
    holder = hold_lock(folder, release)
    said: list[str] = []
    preview = Preview(site, folder, log=said.append)
    thread = threading.Thread(target=preview.build_all)
    thread.start()
    try:
        wait_for(lambda: bool(said))
        assert WAITING in said[0] and not (folder / "index.html").exists()
    finally:
        release.touch()
        thread.join(120)
        holder.wait(60)
    assert (folder / "index.html").exists()
