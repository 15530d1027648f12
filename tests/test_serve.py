"""`site-gen serve`: edits show up by themselves, typos show in the browser, nothing leaks into output/."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from site_gen.commands.build import build_site
from tests.conftest import free_port, wait_until

REPO = Path(__file__).resolve().parents[1]
NOTICE = "content/2025/linjiang-shuiwuju.md"


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def wait_for(condition, timeout: float = 15.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def server(site):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "site_gen", "serve", "--site", str(site), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"

    def up():
        try:
            return fetch(base)[0] == 200
        except OSError:
            return process.poll() is not None and pytest.fail(process.stderr.read())

    wait_for(up, what="the preview server to start")
    yield base, process
    process.terminate()
    process.wait(timeout=10)


def edit(site: Path, old: str, new: str, relative: str = NOTICE) -> None:
    path = site / relative
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_edit_shows_up_and_errors_show_in_the_browser(site, server):
    base, _ = server
    page = base + "notices/2025/linjiang-shuiwuju.html"
    status, html = fetch(page)
    assert status == 200 and "临江区水务局党组关于巡察整改进展情况的通报" in html
    assert "livereload" in html  # injected by the preview server only

    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 水务局通报（已修改）")
    wait_for(lambda: "水务局通报（已修改）" in fetch(page)[1], what="the new title")
    assert "水务局通报（已修改）" in fetch(base)[1]  # the index too
    assert "水务局通报（已修改）" in fetch(base + "notices.json")[1]  # written when asked for

    edit(site, "整改进度：尚未开始", "整改进度：还没想好")
    error_page = wait_for(lambda: (html := fetch(page)[1]) and "还没想好" in html and html, what="the error page")
    assert NOTICE in error_page and "预览出错" in error_page
    assert error_page.count('http-equiv="Content-Security-Policy"') == 1  # the error pages carry the policy too
    assert 'src="../../assets/site.js"' in error_page and "livereload-start.js" in error_page  # from two folders down
    assert "还没想好" in fetch(base)[1]  # every page shows it, not only the broken one

    edit(site, "整改进度：还没想好", "整改进度：尚未开始")
    wait_for(lambda: "水务局通报（已修改）" in fetch(page)[1], what="the real page to come back")


def test_broken_front_matter_names_the_file(site, server):
    base, _ = server
    edit(site, "organization: 中共临江区水务局党组\n", "organization: [中共临江区水务局党组\n")
    html = wait_for(lambda: (h := fetch(base)[1]) and "预览出错" in h and h, what="the error page")
    assert NOTICE in html and "字段区格式有误" in html  # in the site's language


def test_drafts_in_preview_never_in_build(site, server, tmp_path):
    base, _ = server
    assert "草稿：本页仅供预览" in fetch(base + "notices/2025/draft-wenlvju.html")[1]
    assert build_site(site, site / "output").ok
    built = "".join(p.read_text(encoding="utf-8") for p in (site / "output").rglob("*.html"))
    assert "livereload" not in built and "文化和旅游局" not in built
    assert (site / ".preview").is_dir() and not (site / "output" / "notices" / "2025" / "draft-wenlvju.html").exists()


def test_paths_outside_the_preview_are_refused(site, server):
    base, _ = server
    host, port = base.removeprefix("http://").rstrip("/").split(":")
    with socket.create_connection((host, int(port))) as connection:
        connection.sendall(b"GET /../site.yaml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        reply = connection.recv(65536).decode("utf-8", "replace")
    assert reply.split()[1] in ("400", "403", "404") and "contact:" not in reply
    assert fetch(base + "%2e%2e/site.yaml")[0] in (400, 403, 404)


def test_port_in_use_is_a_clear_message(site):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "site_gen", "serve", "--site", str(site), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1
    assert f"预览：端口 {port} 已被占用，请换一个，例如 --port {port + 1}" in result.stderr  # a Chinese site
    assert "Traceback" not in result.stderr


def test_browser_reloads_by_itself_after_an_edit(site, server, browser):
    """Under the pages' Content-Security-Policy (no inline script), and never told where the saved file is."""
    base, _ = server
    page = browser.new_page()
    page.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));"
    )
    frames: list[str] = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: frames.append(str(frame))))
    page.goto(base + "notices/2025/linjiang-shuiwuju.html")
    wait_until(page, "window.LiveReload !== undefined")
    wait_until(page, "window.LiveReload.connector && window.LiveReload.connector._isSocketConnected()")
    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 浏览器自动刷新测试")
    page.wait_for_selector("h1:has-text('浏览器自动刷新测试')", timeout=15_000)  # no reload() called by the test
    assert page.evaluate("window.__violations") == []
    reloads = [frame for frame in frames if '"reload"' in frame]
    assert reloads and not [frame for frame in frames if str(site) in frame or "linjiang-shuiwuju.md" in frame]
    page.close()


def handshake(base: str, origin: str | None, host: str | None = None) -> str:
    """The status a websocket upgrade to the preview's /livereload gets with this Origin (and Host) header."""
    address, port = base.removeprefix("http://").rstrip("/").rsplit(":", 1)
    lines = [
        "GET /livereload HTTP/1.1",
        f"Host: {host or f'{address}:{port}'}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13",
        *([f"Origin: {origin}"] if origin else []),
    ]
    with socket.create_connection((address.strip("[]"), int(port))) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        return connection.recv(65536).decode("utf-8", "replace").split()[1]


def test_the_live_reload_socket_answers_only_pages_of_the_preview(site, server):
    base, _ = server
    port = base.rstrip("/").rsplit(":", 1)[1]
    assert handshake(base, f"http://127.0.0.1:{port}") == "101"
    assert handshake(base, f"http://localhost:{port}", host=f"localhost:{port}") == "101"
    assert handshake(base, "https://attacker.example") == "403"  # any page the browser has open elsewhere
    assert handshake(base, "null") == "403"  # a sandboxed frame or a file:// page
    assert handshake(base, f"http://127.0.0.1:{int(port) + 1}") == "403"  # another local server
    assert handshake(base, f"http://attacker.example:{port}", host=f"attacker.example:{port}") == "403"  # rebinding


def test_the_preview_starts_on_the_ipv6_loopback(site):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "site_gen", "serve", "--site", str(site), "--host", "::1", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://[::1]:{port}/"
    try:

        def up():
            try:
                return fetch(base)[0] == 200
            except OSError:
                return process.poll() is not None and pytest.fail(process.stderr.read())

        wait_for(up, what="the preview server on [::1]")
        status, html = fetch(base + "notices/2025/draft-wenlvju.html")
        assert status == 200 and "livereload-start.js" in html
        assert handshake(base, f"http://[::1]:{port}") == "101"
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=10)
    assert "warning: serving on" not in stderr and "Traceback" not in stderr  # a loopback address: no warning


def test_loopback_names_and_preview_addresses():
    from site_gen.commands.serve import is_loopback, preview_url, same_origin

    assert is_loopback("::1") and is_loopback("[::1]") and is_loopback("127.0.0.1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("::") and not is_loopback("no-such-host.invalid")
    assert preview_url("::1", 8000) == "http://[::1]:8000/" and preview_url("127.0.0.1", 80) == "http://127.0.0.1:80/"
    assert same_origin("http://127.0.0.1:8000", "127.0.0.1:8000") and same_origin("http://[::1]:8000", "[::1]:8000")
    assert not same_origin("https://127.0.0.1:8000", "127.0.0.1:8000") and not same_origin("null", "127.0.0.1:8000")


def built_preview(site: Path, tmp_path: Path, drafts: bool = True):
    """A preview of the site, started, in tmp_path/preview (the in-process tests' starting point)."""
    from site_gen.commands.serve import Preview

    preview = Preview(site, tmp_path / "preview", drafts=drafts, log=lambda *_: None)
    preview.build_all()
    return preview


def files_of(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_a_save_rewrites_its_page_at_once_and_the_lists_when_asked_for(site, tmp_path):
    preview = built_preview(site, tmp_path)
    before = files_of(tmp_path / "preview")
    time.sleep(0.05)
    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 只改这一份")
    assert preview.on_change([site / NOTICE]) == [site / NOTICE]

    def rewritten() -> set[str]:
        return {path for path, stamp in files_of(tmp_path / "preview").items() if before.get(path) != stamp}

    own = {"html", "json", "ledger.xlsx", "ledger.csv"}  # the notice's own files: its page, record and ledger
    assert rewritten() == {f"notices/2025/linjiang-shuiwuju.{suffix}" for suffix in own}
    preview.prepare("")  # the browser asks for the home page
    lists = rewritten()
    assert {
        "index.html",
        "organizations/shuiwuju.html",
        "years/2025.html",
        "feed.xml",
    } <= lists
    assert "只改这一份" in (tmp_path / "preview" / "index.html").read_text(encoding="utf-8")
    assert not lists & {"dashboard.html", "organizations/index.html", "notices/2025/linjiang-sifaju.html"}
    assert "notices.json" not in lists  # tens of megabytes on a big site: made when asked for
    preview.prepare("notices.json")
    assert "只改这一份" in (tmp_path / "preview" / "notices.json").read_text(encoding="utf-8")


def test_an_edit_to_measures_alone_leaves_the_lists_alone(site, tmp_path):
    preview = built_preview(site, tmp_path)
    before = files_of(tmp_path / "preview")
    time.sleep(0.05)
    edit(site, "联合公安、自然资源部门开展夜间巡查 14 次", "联合公安、自然资源部门开展夜间巡查 15 次")
    assert preview.on_change([site / NOTICE]) == [site / NOTICE]
    for path in ("", "notices.json", "dashboard.html"):
        preview.prepare(path)
    rewritten = {path for path, stamp in files_of(tmp_path / "preview").items() if before[path] != stamp}
    # notices.json and the ledgers hold every issue's measures as text: they change with them; no list page does
    # (the site's ledger, like notices.json, only when asked for)
    assert rewritten == {
        "notices/2025/linjiang-shuiwuju.html",
        "notices/2025/linjiang-shuiwuju.json",
        "notices.json",
        "notices/2025/linjiang-shuiwuju.ledger.xlsx",
        "notices/2025/linjiang-shuiwuju.ledger.csv",
        "organizations/shuiwuju.ledger.xlsx",
        "organizations/shuiwuju.ledger.csv",
    }
    page = tmp_path / "preview" / "notices" / "2025" / "linjiang-shuiwuju.html"
    assert "夜间巡查 15 次" in page.read_text(encoding="utf-8")


def test_the_preview_after_edits_equals_a_build(site, tmp_path):
    """Statuses (dashboard, group totals), a title (lists, feeds), an attachment's page, a deleted notice."""
    preview = built_preview(site, tmp_path, drafts=False)  # as `build` does
    time.sleep(0.05)
    edit(site, "整改进度：视同完成，持续整改", "整改进度：整改完成")
    sifaju = "content/2025/linjiang-sifaju.md"
    edit(site, "title: 中共临江区司法局党组", "title: 临江区司法局", sifaju)
    (site / "content/2024/linjiang-jiaoyuju.md").unlink()
    changed = [site / NOTICE, site / sifaju, site / "content/2024/linjiang-jiaoyuju.md"]
    assert preview.on_change(changed) == sorted(changed)
    assert build_site(site, tmp_path / "built", search=False).ok
    built = files_of(tmp_path / "built")
    for path in built:
        preview.prepare(path)
    assert set(files_of(tmp_path / "preview")) == set(built)
    different = [p for p in built if (tmp_path / "preview" / p).read_bytes() != (tmp_path / "built" / p).read_bytes()]
    assert different == []
    assert "巡察整改满意度测评表" in (tmp_path / "preview" / "notices/2025/linjiang-sifaju.html").read_text("utf-8")


def test_the_preview_after_registry_edits_equals_a_build(site, tmp_path):
    """The sample's registry: an open problem closed, a notice naming its organisation by an alias, one by a name
    the registry lacks (a page of its own): the organisation pages (open problems, units, contact) as a build's."""
    preview = built_preview(site, tmp_path, drafts=False)
    time.sleep(0.05)
    edit(site, "整改进度：正在整改", "整改进度：整改完成")  # 区水务局's open problem
    sifaju = "content/2025/linjiang-sifaju.md"
    edit(site, "organization: 中共临江区司法局党组", "organization: 司法局党组", sifaju)  # an alias: same page
    jiaoyuju = "content/2024/linjiang-jiaoyuju.md"
    edit(site, "organization: 中共临江区教育局党组", "organization: 临江区体育局", jiaoyuju)  # not registered
    changed = sorted([site / NOTICE, site / sifaju, site / jiaoyuju])
    assert preview.on_change(changed) == changed
    assert build_site(site, tmp_path / "built", search=False).ok
    built = files_of(tmp_path / "built")
    for path in built:
        preview.prepare(path)
    assert set(files_of(tmp_path / "preview")) == set(built)
    different = [p for p in built if (tmp_path / "preview" / p).read_bytes() != (tmp_path / "built" / p).read_bytes()]
    assert different == []
    assert "organizations/jiaoyuju.html" not in built and "organizations/linjiangqutiyuju.html" in built
    water = (tmp_path / "preview" / "organizations" / "shuiwuju.html").read_text(encoding="utf-8")
    assert "防汛物资仓库账实不符" not in water  # closed: no longer listed as open


def test_the_watcher_reports_site_files_only(tmp_path):
    from watchfiles import Change

    from site_gen.commands.serve import WATCHED
    from site_gen.commands.watch import SiteFilter

    watched = SiteFilter(tmp_path, WATCHED)
    for path in ("content/2025/a.md", "site.yaml", "templates/notice.html", "static/logo.png"):
        assert watched(Change.modified, str(tmp_path / path)), path
    for path in (".preview/index.html", "output/index.html", ".site-gen-cache/x", "contents/a.md", "content/.a.md.swp"):
        assert not watched(Change.modified, str(tmp_path / path)), path


def test_two_notices_at_one_address_show_as_an_error_until_one_moves(site, tmp_path):
    preview = built_preview(site, tmp_path)
    copy = site / "content/2025/copy.md"
    copy.write_text(
        (site / NOTICE).read_text(encoding="utf-8").replace("---\n", "---\nslug: 2025/linjiang-shuiwuju\n", 1)
    )
    preview.on_change([copy])
    page = (tmp_path / "preview" / "index.html").read_text(encoding="utf-8")
    assert preview.showing_errors and "两份通报的页面地址相同" in page and "content/2025/copy.md" in page
    copy.write_text(copy.read_text(encoding="utf-8").replace("slug: 2025/linjiang-shuiwuju", "slug: 2025/copy"))
    preview.on_change([copy])
    assert not preview.showing_errors and (tmp_path / "preview" / "notices/2025/copy.html").is_file()


def test_an_editors_temporary_file_rebuilds_nothing(site, tmp_path):
    preview = built_preview(site, tmp_path)
    before = files_of(tmp_path / "preview")
    time.sleep(0.05)
    probe = site / "content/2025/4913"  # vim's write test; sed -i's sedXXXXXX is another: gone by the time we look
    probe.write_text("x")
    probe.unlink()
    assert preview.on_change([probe]) == []
    assert files_of(tmp_path / "preview") == before  # not a full rebuild


def test_an_attachment_replaced_or_a_folder_moved_away_updates_the_notices_concerned(site, tmp_path):
    preview = built_preview(site, tmp_path)
    survey = site / "content/2025/files/survey.pdf"
    survey.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    assert preview.on_change([survey]) == [survey]
    page = (tmp_path / "preview/notices/2025/linjiang-sifaju.html").read_text(encoding="utf-8")
    assert (
        "(PDF, 5 KB)" in page
        and (tmp_path / "preview/notices/2025/files/survey.pdf").read_bytes() == survey.read_bytes()
    )

    shutil.move(site / "content/2024", tmp_path / "moved-away")
    preview.on_change([site / "content/2024"])
    preview.prepare("")
    assert not (tmp_path / "preview/notices/2024/linjiang-jiaoyuju.html").exists()
    assert "教育局" not in (tmp_path / "preview/index.html").read_text(encoding="utf-8")


def test_only_loopback_host_names_are_answered(site, server):
    """DNS rebinding: a page elsewhere makes the browser ask 127.0.0.1 under its own name; drafts must not leak."""
    base, _ = server
    host, port = base.removeprefix("http://").rstrip("/").split(":")

    def status_for(name: str) -> str:
        with socket.create_connection((host, int(port))) as connection:
            request = f"GET /notices/2025/draft-wenlvju.html HTTP/1.1\r\nHost: {name}\r\nConnection: close\r\n\r\n"
            connection.sendall(request.encode())
            return connection.recv(65536).decode("utf-8", "replace").split()[1]

    assert status_for(f"127.0.0.1:{port}") == "200" and status_for(f"localhost:{port}") == "200"
    assert status_for("attacker.example") == "403" and status_for(f"attacker.example:{port}") == "403"


def test_a_folder_named_like_a_notice_does_not_stop_the_preview(site, tmp_path):
    (site / "content" / "notes.md").mkdir()
    (site / "content" / "notes.md" / "readme.txt").write_text("x")
    preview = built_preview(site, tmp_path)
    assert not preview.showing_errors and (tmp_path / "preview" / "index.html").is_file()
    (site / "site.yaml").write_text((site / "site.yaml").read_text(encoding="utf-8").replace("title:", "title: 新", 1))
    preview.on_change([site / "site.yaml"])  # settings still apply after it
    assert "新" in (tmp_path / "preview" / "index.html").read_text(encoding="utf-8").split("<title>")[1][:40]


def test_a_broken_override_template_shows_in_the_browser_and_recovers(site, tmp_path):
    preview = built_preview(site, tmp_path)
    templates = site / "templates"
    templates.mkdir()
    override = templates / "notice.html"
    override.write_text('{% extends "base.html" %}\n{% block content %}\n{{ notice.title | nosuch }}\n{% endblock %}\n')
    preview.on_change([override])
    page = (tmp_path / "preview" / "notices/2025/linjiang-shuiwuju.html").read_text(encoding="utf-8")
    assert preview.showing_errors and "templates/notice.html" in page and "预览出错" in page
    override.unlink()
    preview.on_change([override])
    page = (tmp_path / "preview" / "notices/2025/linjiang-shuiwuju.html").read_text(encoding="utf-8")
    assert not preview.showing_errors and "临江区水务局党组关于巡察整改进展情况的通报" in page


def test_an_attachment_at_another_notices_address_shows_until_it_is_removed(site, tmp_path):
    preview = built_preview(site, tmp_path)
    (site / "content/2025/linjiang-shuiwuju.html").write_text("an old export")
    sifaju = site / "content/2025/linjiang-sifaju.md"
    original = sifaju.read_text(encoding="utf-8")
    attached = "attachments:\n  - {path: linjiang-shuiwuju.html, title: 旧版}\n"
    sifaju.write_text(original.replace("attachments:\n", attached), encoding="utf-8")
    preview.on_change([sifaju])
    preview.prepare("")
    assert preview.showing_errors and "notices/2025/linjiang-shuiwuju.html" in (
        tmp_path / "preview" / "index.html"
    ).read_text(encoding="utf-8")
    sifaju.write_text(original, encoding="utf-8")
    preview.on_change([sifaju])
    preview.prepare("")
    assert not preview.showing_errors


def test_a_yaml_slip_shows_its_line_caret_and_fix_on_the_error_page(site, tmp_path):
    preview = built_preview(site, tmp_path)
    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 临江区水务局党组: 巡察整改进展情况的通报")
    preview.on_change([site / NOTICE])
    html = (tmp_path / "preview" / "index.html").read_text(encoding="utf-8")
    assert "值里含有“: ”，YAML 把它当成了又一个字段名" in html  # the cause in the site's language, not YAML's English
    assert "mapping values" not in html
    assert '<pre class="error-summary__excerpt">title: 临江区水务局党组: 巡察整改进展情况的通报\n' in html
    assert "请把这一行改成：title: &#34;临江区水务局党组: 巡察整改进展情况的通报&#34;" in html


def test_the_preview_log_is_in_the_sites_language(site, tmp_path):
    from site_gen.commands.serve import Preview

    lines: list[str] = []
    preview = Preview(site, tmp_path / "preview", log=lines.append)
    preview.build_all()
    edit(site, "title: 临江区水务局党组关于巡察整改进展情况的通报", "title: 只改这一份")
    preview.on_change([site / NOTICE])
    edit(site, "organization: 中共临江区水务局党组\n", "organization: [中共临江区水务局党组\n")
    preview.on_change([site / NOTICE])
    assert re.fullmatch(rf"\[\d\d:\d\d:\d\d\] {NOTICE} 已修改：已重新生成，用时 \d+ 毫秒", lines[0]), lines
    assert re.fullmatch(rf"\[\d\d:\d\d:\d\d\] {NOTICE} 已修改：有 1 个错误，已显示在浏览器中，用时 \d+ 毫秒", lines[1])
