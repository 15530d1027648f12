"""The build state: stamps that no touch -r restores, records that survive a save, and a survey of output/."""

from __future__ import annotations

import os

from site_gen.cache import BuildCache
from site_gen.state import BuildState, Committed, Memo, SourceRecord, file_stamp, stamp


def test_a_stamp_changes_when_content_changes_even_with_size_and_time_restored(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("整改进度：正在整改")
    before, status = stamp(path), path.stat()
    path.write_text("整改进度：整改完成")  # same size in UTF-8
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size and path.stat().st_mtime_ns == status.st_mtime_ns
    assert stamp(path) != before  # the change time moved


def test_a_record_is_current_until_its_file_or_attachment_changes(tmp_path):
    (tmp_path / "content").mkdir()
    notice, attached = tmp_path / "content" / "a.md", tmp_path / "content" / "a.pdf"
    notice.write_text("x")
    attached.write_text("pdf")
    from site_gen.state import AttachedFile

    record = SourceRecord(
        "content/a.md", stamp(notice), "d", (), attachments=(AttachedFile(str(attached), stamp(attached), "x"),)
    )
    assert record.is_current(str(tmp_path))
    attached.write_text("pdf2")
    assert not record.is_current(str(tmp_path))


def test_saved_state_loads_without_memos_which_load_apart(tmp_path):
    cache = BuildCache(tmp_path)
    memo = Memo("<card>", "<card below>", '{"slug":"a"}')
    record = SourceRecord("content/a.md", (1, 2, 3, 4), "d", (), list_key="k", memo=memo)
    state = BuildState({"content/a.md": record}, {"index.html": Committed("key", (1, 2, 3))}, {"司法局": "sifaju"})
    state.save(cache, tmp_path / "output", False, lambda: {"content/a.md": memo})
    loaded = BuildState.load(cache, tmp_path / "output", False)
    assert loaded.sources["content/a.md"].memo is None and loaded.sources["content/a.md"].list_key == "k"
    assert loaded.outputs == state.outputs and loaded.group_slugs == {"司法局": "sifaju"}
    assert loaded.memos(cache) == {"content/a.md": memo}
    assert BuildState.load(cache, tmp_path / "other", False).sources == {}  # per output folder


def test_a_damaged_state_starts_from_scratch(tmp_path):
    cache = BuildCache(tmp_path)
    (cache.folder / BuildState.name(tmp_path / "output", False)).write_bytes(b"\x80\x05not a pickle")
    assert BuildState.load(cache, tmp_path / "output", False).sources == {}


def test_survey_finds_only_files_as_committed(tmp_path):
    out = tmp_path / "output"
    (out / "notices").mkdir(parents=True)
    for name in ("index.html", "notices/a.html", "notices/b.html"):
        (out / name).write_text(name)
    committed = {
        name: Committed("k-" + name, file_stamp(os.stat(out / name)))
        for name in ("index.html", "notices/a.html", "notices/b.html")
    }
    state = BuildState({}, committed)
    (out / "notices/a.html").write_text("defaced")
    (out / "notices/b.html").unlink()
    (out / "extra.html").write_text("by hand")
    intact, count = state.survey(out)
    assert intact == {"index.html": "k-index.html"} and count == 3
