"""`site-gen import` end to end: write, report, check, build; bad input is a clear message, not a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys

from site_gen.build import build_site, load_site
from tests.importer_support import ALL_SEEDS, FIXTURES, REPO, SEED_000, SEED_001


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "site_gen", *args], cwd=cwd, capture_output=True, text=True)


def new_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    return site


def test_dry_run_prints_the_report_and_writes_nothing(tmp_path):
    site = new_site(tmp_path)
    dry = run("import", "--dry-run", str(SEED_001), cwd=site)
    assert dry.returncode == 0, dry.stderr
    assert "18 个问题 issue(s)" in dry.stdout and "dry run: not written" in dry.stdout
    assert not (site / "content").exists()


def test_seeds_and_fixtures_import_check_and_build(tmp_path):
    site = new_site(tmp_path)
    sources = [*ALL_SEEDS, *sorted(FIXTURES.iterdir())]
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
    result = run("import", "--out", str(tmp_path / "drafts"), str(SEED_000), cwd=site)
    assert result.returncode == 0 and (tmp_path / "drafts" / f"{SEED_000.stem}.md").is_file()


def test_bad_input_is_a_clear_message_and_exit_1(tmp_path):
    site = new_site(tmp_path)
    run("import", str(SEED_000), cwd=site)
    again = run("import", str(SEED_000), cwd=site)
    assert again.returncode == 1 and "already exists" in again.stderr
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    cases = {
        str(tmp_path / "nothing.txt"): "no such file",
        str(tmp_path / "old.doc"): "另存为 > Word 文档 (*.docx)",
    }
    for source, message in cases.items():
        failed = run("import", source, cwd=site)
        assert failed.returncode == 1 and message in failed.stderr and source in failed.stderr
    for output in (again, failed):
        assert "Traceback" not in output.stderr
