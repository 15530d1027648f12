"""`site-gen import` end to end: write, report, check, build; bad input is a clear message, not a traceback."""

from __future__ import annotations

import shutil

from site_gen.commands.build import build_site, load_site
from tests.cli_support import site_gen
from tests.importer_support import ALL_SEEDS, FIXTURES, REPO, SEED_001, needs_seeds


def run(*args, cwd):
    return site_gen(*map(str, args), cwd=cwd)


def new_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    return site


@needs_seeds
def test_dry_run_prints_the_report_and_writes_nothing(tmp_path):
    site = new_site(tmp_path)
    dry = run("import", "--dry-run", str(SEED_001), cwd=site)
    assert dry.returncode == 0, dry.stderr
    assert "18 个问题" in dry.stdout and "试运行：未写入" in dry.stdout
    assert not (site / "content").exists()


def test_dry_run_on_a_fixture_prints_the_report_and_writes_nothing(tmp_path):
    site = new_site(tmp_path)
    dry = run("import", "--dry-run", str(FIXTURES / "status_blocks.txt"), cwd=site)
    assert dry.returncode == 0, dry.stderr
    assert "4 个问题" in dry.stdout and "试运行：未写入" in dry.stdout
    assert not (site / "content").exists()


@needs_seeds
def test_seeds_and_fixtures_import_check_and_build(tmp_path):
    import_check_and_build(tmp_path, [*ALL_SEEDS, *sorted(FIXTURES.iterdir())])


def test_fixtures_import_check_and_build(tmp_path):
    import_check_and_build(tmp_path, sorted(FIXTURES.iterdir()))


def import_check_and_build(tmp_path, sources):
    site = new_site(tmp_path)
    result = run("import", *map(str, sources), cwd=site)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (site / "content").iterdir()) == sorted(f"{s.stem}.md" for s in sources)
    load = load_site(site)
    assert [d.format() for d in load.diagnostics if d.severity == "error"] == []
    assert build_site(site, site / "output").ok
    check = run("check", cwd=site)
    assert check.returncode == 0, check.stdout + check.stderr


def test_out_folder(tmp_path):
    site = new_site(tmp_path)
    source = FIXTURES / "no_status_subs.txt"
    result = run("import", "--out", str(tmp_path / "drafts"), str(source), cwd=site)
    assert result.returncode == 0 and (tmp_path / "drafts" / f"{source.stem}.md").is_file()


def test_the_series_given_is_written_into_the_front_matter(tmp_path):
    site = new_site(tmp_path)
    source = FIXTURES / "no_status_subs.txt"
    result = run("import", "--series", "第二轮巡察·某局", str(source), cwd=site)
    assert result.returncode == 0, result.stderr
    text = (site / "content" / f"{source.stem}.md").read_text(encoding="utf-8")
    assert "\nseries: 第二轮巡察·某局\n" in text.split("---")[1]


def test_bad_input_is_a_clear_message_and_exit_1(tmp_path):
    site = new_site(tmp_path)
    run("import", str(FIXTURES / "no_status_subs.txt"), cwd=site)
    again = run("import", str(FIXTURES / "no_status_subs.txt"), cwd=site)
    assert again.returncode == 1 and "已经存在，没有覆盖" in again.stderr
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    cases = {
        str(tmp_path / "nothing.txt"): "文件不存在",
        str(tmp_path / "old.doc"): "另存为 > Word 文档 (*.docx)",
    }
    for source, message in cases.items():
        failed = run("import", source, cwd=site)
        assert failed.returncode == 1 and message in failed.stderr and source in failed.stderr
    for output in (again, failed):
        assert "Traceback" not in output.stderr


def test_an_empty_source_is_an_error_and_writes_nothing(tmp_path):
    site = new_site(tmp_path)
    for name, content in (
        ("empty.txt", b""),
        ("blank.txt", b"\n  \n\r\n"),
        ("chrome.txt", "字号：大 中 小\n".encode()),
    ):
        source = tmp_path / name
        source.write_bytes(content)
        failed = run("import", str(source), cwd=site)
        assert failed.returncode == 1 and f"{source}: 没有找到通报正文（文件是空的" in failed.stderr
        assert "no notice text found" not in failed.stderr  # a Chinese site reads it in Chinese only
        english = run("import", "--lang", "en", str(source), cwd=site)
        assert english.returncode == 1 and f"{source}: no notice text found (the file is empty" in english.stderr
    assert not (site / "content").exists() or not list((site / "content").iterdir())


def test_a_dangling_symlink_at_the_target_is_not_written_through(tmp_path):
    site = new_site(tmp_path)
    (site / "content").mkdir()
    outside = tmp_path / "outside.md"
    source = FIXTURES / "no_status_subs.txt"
    (site / "content" / f"{source.stem}.md").symlink_to(outside)
    failed = run("import", str(source), cwd=site)
    assert failed.returncode == 1 and "是一个链接，没有写入" in failed.stderr and "Traceback" not in failed.stderr
    assert not outside.exists()


def test_an_output_folder_that_links_elsewhere_is_refused(tmp_path):
    site = new_site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (site / "content").mkdir()
    (site / "content" / "2024").symlink_to(elsewhere)
    folder = tmp_path / "notices"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(FIXTURES / "no_status_subs.txt", folder / "2024" / "a.txt")
    failed = run("import", str(folder), cwd=site)
    assert failed.returncode == 1 and "之外" in failed.stderr and not list(elsewhere.iterdir())


@needs_seeds
def test_a_folder_imports_every_notice_file_with_one_summary_table(tmp_path):
    site = new_site(tmp_path)
    folder = tmp_path / "notices"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(SEED_001, folder / "2024" / "a.txt")
    shutil.copy(FIXTURES / "disclosure_table.html", folder / "b.html")
    shutil.copy(FIXTURES / "no_problem_part.txt", folder / "c.txt")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "notes.pptx").write_bytes(b"PK")  # not a notice: not listed (an .xlsx is a ledger now)
    done = run("import", str(folder), cwd=site)
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout  # the .doc could not be imported
    table = done.stdout[done.stdout.index("导入汇总：") :]
    rows = {line.split()[0]: line for line in table.splitlines()[2:-1]}
    assert list(rows) == ["2024/a.txt", "b.html", "c.txt", "old.doc"]
    assert "18" in rows["2024/a.txt"].split() and "整改完成 5" in rows["2024/a.txt"]
    assert "示例市林业局关于市委" in rows["b.html"] and "整改完成 1 正在整改 1" in rows["b.html"]
    assert rows["c.txt"].split()[2] == "0" and "无法导入" in rows["old.doc"]
    assert table.splitlines()[-1].startswith("共 4 个文件：3 个已导入")
    assert sorted(p.relative_to(site / "content").as_posix() for p in (site / "content").rglob("*.md")) == [
        "2024/a.md",
        "b.md",
        "c.md",
    ]
    assert run("check", cwd=site).returncode == 0


def test_problems_in_names_the_part_that_lists_the_problems(tmp_path):
    site = new_site(tmp_path)
    source = FIXTURES / "no_problem_part.txt"
    guessed = run("import", "--dry-run", str(source), cwd=site)
    assert "0 个问题" in guessed.stdout and "--problems-in" in guessed.stdout
    chosen = run("import", "--dry-run", "--problems-in", "二、", str(source), cwd=site)
    assert chosen.returncode == 0, chosen.stderr
    assert "2 个问题" in chosen.stdout and "按 --problems-in 指定" in chosen.stdout


def test_twenty_seven_issues_all_numbered_1_import(tmp_path):
    site = new_site(tmp_path)
    source = tmp_path / "ones.txt"
    lines = ["中共示例局党组关于巡察整改进展情况的通报", "一、反馈问题整改情况"]
    lines += [f"1.关于第{n}项工作不到位的问题。\n整改情况：整改完成" for n in range(27)]
    source.write_text("\n".join(lines), encoding="utf-8")
    done = run("import", str(source), cwd=site)
    assert done.returncode == 0 and "27 个问题" in done.stdout, done.stderr
    assert run("check", cwd=site).returncode == 0


def test_a_folder_import_skips_links_out_of_the_folder_and_lists_them(tmp_path):
    site = new_site(tmp_path)
    folder = tmp_path / "notices"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(FIXTURES / "no_problem_part.txt", folder / "c.txt")
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    shutil.copy(FIXTURES / "no_problem_part.txt", secret)  # a readable notice-like text, outside the folder
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "2024" / "secret.txt").symlink_to(secret)
    (folder / "same.txt").symlink_to(folder / "c.txt")  # a link that stays inside: read as any file
    done = run("import", str(folder), cwd=site)
    assert done.returncode == 0 and "Traceback" not in done.stderr + done.stdout, done.stderr
    table = done.stdout[done.stdout.index("导入汇总：") :]
    rows = {line.split()[0]: line for line in table.splitlines()[2:-1]}
    assert "已跳过" in rows["passwd.txt"] and "已跳过" in rows["2024/secret.txt"]
    assert "/etc/passwd" in done.stderr and str(secret) in done.stderr
    assert "4" in table.splitlines()[-1] and "2 个已导入" in table.splitlines()[-1]
    written = sorted(p.relative_to(site / "content").as_posix() for p in (site / "content").rglob("*.md"))
    assert written == ["c.md", "same.md"]


def test_force_replaces_only_what_an_import_of_the_same_source_wrote(tmp_path):
    site = new_site(tmp_path)
    source = tmp_path / "notice.txt"
    source.write_text((FIXTURES / "no_status_subs.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert run("import", str(source), cwd=site).returncode == 0
    written = site / "content" / "notice.md"
    assert written.read_text(encoding="utf-8").startswith("---\n# site-gen import: notice.txt\n")
    refused = run("import", str(source), cwd=site)
    assert refused.returncode == 1 and "--force" in refused.stderr
    source.write_text(source.read_text(encoding="utf-8").replace("整改", "整改落实", 1), encoding="utf-8")
    replaced = run("import", "--force", str(source), cwd=site)
    assert replaced.returncode == 0, replaced.stderr
    assert "整改落实" in written.read_text(encoding="utf-8")
    assert sorted(p.name for p in written.parent.iterdir()) == ["notice.md"]  # no temporary left behind
    # another source with the same stem, and a file a person wrote: never replaced
    other = tmp_path / "other" / "notice.html"
    other.parent.mkdir()
    other.write_text("<p>示例局关于巡察整改进展情况的通报</p><p>1.关于甲的问题</p><p>整改进度：整改完成</p>", "utf-8")
    before = written.read_bytes()
    clash = run("import", "--force", str(other), cwd=site)
    assert clash.returncode == 1 and "不是从 notice.html 导入的" in clash.stderr
    assert written.read_bytes() == before
    handmade = site / "content" / "mine.md"
    handmade.write_text("---\ntitle: 手写\n---\n", encoding="utf-8")
    mine = tmp_path / "mine.txt"
    mine.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("import", "--force", str(mine), cwd=site).returncode == 1
    assert handmade.read_text(encoding="utf-8") == "---\ntitle: 手写\n---\n"


def test_disclosure_is_kept_shown_on_the_page_and_carried_in_the_open_data(tmp_path):
    import json

    site = new_site(tmp_path)
    assert run("import", str(FIXTURES / "disclosure_table.html"), cwd=site).returncode == 0
    written = (site / "content" / "disclosure_table.md").read_text(encoding="utf-8")
    assert "disclosure:\n  index: 005123-2025-00017\n  subject: 综合政务\n  publisher: 示例市林业局\n" in written
    from site_gen.notice.config import load_config
    from site_gen.notice.reader import read_notice

    notice, _ = read_notice(site / "content" / "disclosure_table.md", load_config(site)[0])
    assert notice.disclosure.index == "005123-2025-00017" and notice.disclosure.written.isoformat() == "2025-03-18"
    assert build_site(site, site / "output").ok
    page = (site / "output" / notice.url).read_text(encoding="utf-8")
    assert "<dt>索引号</dt><dd>005123-2025-00017</dd>" in page and "<dt>主题分类</dt><dd>综合政务</dd>" in page
    assert '<dt>成文日期</dt><dd><time datetime="2025-03-18">' in page
    record = json.loads((site / "output" / "notices.json").read_text(encoding="utf-8"))["notices"][0]
    assert record["disclosure"] == {
        "index": "005123-2025-00017",
        "number": None,
        "subject": "综合政务",
        "publisher": "示例市林业局",
        "written": "2025-03-18",
        "method": None,
    }


def test_a_long_file_name_imported_into_a_year_folder_passes_check_and_builds(tmp_path):
    """Import and check share one address rule: a Word document's long title, saved in content/2025/, was
    accepted by import and refused by check (the file name alone filled the 80 characters an address may have)."""
    site = new_site(tmp_path)
    title = "关于区市场监督管理局党组落实十二届区委第二轮巡察反馈意见整改进展情况的通报第二次补充说明以及附件清单"
    sources = []
    for ending in ("一", "二"):  # the same long beginning: two addresses all the same
        source = tmp_path / f"{title}{ending}.txt"
        shutil.copy(FIXTURES / "no_status_subs.txt", source)
        sources.append(str(source))
    imported = run("import", "--out", str(site / "content" / "2025"), *sources, cwd=site)
    assert imported.returncode == 0, imported.stderr
    checked = run("check", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert build_site(site, site / "output").ok
    pages = sorted(
        p.relative_to(site / "output" / "notices").as_posix() for p in (site / "output" / "notices").rglob("*.html")
    )
    assert len(pages) == 2 and all(len(page.removesuffix(".html")) <= 80 for page in pages), pages
    assert pages[0].startswith("2025/guanyuqushichangjianduguanliju")
