"""Nothing published is lost, and the same input always gives the same bytes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from site_gen.commands.build import build_site
from site_gen.engine import list_outputs
from site_gen.engine.outputs import Output
from site_gen.engine.staging import StagedOutput, UnsafePath

REPO = Path(__file__).resolve().parents[1]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_output_exactly_as_it_was(site):
    assert build_site(site, site / "output").ok
    before = tree(site / "output")
    notice = site / "content" / "2025" / "linjiang-shuiwuju.md"
    notice.write_text(
        notice.read_text(encoding="utf-8").replace("整改进度：尚未开始", "整改进度：还没想好"), encoding="utf-8"
    )
    assert not build_site(site, site / "output").ok
    assert tree(site / "output") == before
    assert [p.name for p in site.iterdir() if p.name.startswith(".output")] == [".output.lock"]  # no leftovers


def test_crash_while_writing_leaves_output_untouched(site, monkeypatch):
    assert build_site(site, site / "output").ok
    before = tree(site / "output")

    def explode(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(list_outputs, "render_index", explode)
    notice = site / "content" / "2025" / "linjiang-shuiwuju.md"  # a change: the home page must be written again
    notice.write_text(notice.read_text(encoding="utf-8").replace("title: ", "title: 新", 1), encoding="utf-8")
    for _ in ("incremental", "from scratch"):  # the second time without the cache's record of output/
        with pytest.raises(RuntimeError):
            build_site(site, site / "output")
        assert tree(site / "output") == before
        assert [p.name for p in site.iterdir() if p.name.startswith(".output")] == [".output.lock"]
        shutil.rmtree(site / ".site-gen-cache")


# Pagefind's filter and metadata indexes are not byte-stable between runs (upstream Pagefind/pagefind#638);
# its fragments, and everything site-gen itself writes, are, but for each bundle's digest file, which lists the
# digests of those files (a bundle is only kept whole, as written: see engine/search.py).
UNSTABLE = re.compile(r"pagefind/\d{4}/(pagefind-entry\.json|filter/|pagefind\.|site-gen-shard\.txt)")


def test_two_builds_are_byte_identical(site, tmp_path):
    assert build_site(site, tmp_path / "one").ok
    assert build_site(site, tmp_path / "two").ok
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")

    def stable(files):
        return {k: v for k, v in files.items() if not UNSTABLE.match(k)}

    assert stable(one) == stable(two)
    assert len(stable(one)) > 40 and any(re.match(r"pagefind/\d{4}/fragment/", k) for k in stable(one))
    filters = [sum(bool(re.match(r"pagefind/\d{4}/filter/", k)) for k in files) for files in (one, two)]
    assert filters[0] == filters[1] > 0


def test_build_refuses_to_replace_a_folder_it_did_not_make(site):
    precious = site / "documents"
    precious.mkdir()
    (precious / "report.docx").write_bytes(b"important")
    result = build_site(site, precious)
    assert not result.ok
    assert any(d.code == "output-not-site-gen" for d in result.diagnostics)
    assert (precious / "report.docx").read_bytes() == b"important"


def test_build_refuses_to_overwrite_the_site_itself(site):
    result = build_site(site, site)
    assert not result.ok and (site / "content").is_dir()


@pytest.mark.parametrize("path", ["../escape.html", "/etc/passwd", "a/../../b.html", ""])
def test_staged_output_refuses_paths_outside(tmp_path, path):
    staged = StagedOutput(tmp_path / "output")
    try:
        with pytest.raises(UnsafePath):
            staged.put(Output(path, "key", make=lambda: "x"))
    finally:
        staged.discard()
