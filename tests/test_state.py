"""The build state: stamps that no touch -r restores, records that survive a save, and a survey of output/."""

from __future__ import annotations

import datetime as dt
import os

from site_gen.engine.cache import BuildCache
from site_gen.engine.state import SHARDS, BuildState, Committed, Memo, SourceRecord, shard_of, stamp
from site_gen.notice.model import Progress
from site_gen.notice.summary import Summary


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
    from site_gen.engine.state import AttachedFile

    record = SourceRecord(
        "content/a.md", stamp(notice), "d", (), attachments=(AttachedFile(str(attached), stamp(attached), "x"),)
    )
    assert record.is_current(str(tmp_path))
    attached.write_text("pdf2")
    assert not record.is_current(str(tmp_path))


def test_saved_state_loads_light_records_and_its_parts_apart(tmp_path):
    cache = BuildCache(tmp_path)
    memo = Memo(b"<card>", b"<card below>", b'{"slug":"a"}')
    summary = Summary("content/a.md", "a", "标题", "某局", dt.date(2025, 1, 2), "", (), False, "", Progress((), 0))
    record = SourceRecord("content/a.md", (1, 2, 3, 4), "d", (), slug="a", list_key="k")
    state = BuildState({"content/a.md": record}, {"index.html": Committed("key", (1, 2, 3))}, {"司法局": "sifaju"}, 7)
    parts = {"summaries": lambda: {"content/a.md": summary}, "memos": lambda: {"content/a.md": memo}}
    state.save(cache, tmp_path / "output", False, parts)
    loaded = BuildState.load(cache, tmp_path / "output", False)
    assert loaded.sources == {"content/a.md": record}  # what every build loads
    assert loaded.outputs == state.outputs and loaded.group_slugs == {"司法局": "sifaju"} and loaded.public_pages == 7
    assert loaded.part(cache, "summaries") == {"content/a.md": summary}
    assert loaded.part(cache, "memos") == {"content/a.md": memo}
    assert BuildState.load(cache, tmp_path / "other", False).sources == {}  # per output folder


def test_a_part_is_written_again_only_when_what_it_holds_changed(tmp_path):
    cache = BuildCache(tmp_path)
    record = SourceRecord("content/a.md", None, "d", (), slug="a", list_key="k")
    written = []
    parts = {"summaries": lambda: written.append("s") or {}, "memos": lambda: written.append("m") or {}}
    BuildState({"content/a.md": record}).save(cache, tmp_path / "output", False, parts)
    again = BuildState.load(cache, tmp_path / "output", False)
    BuildState(again.sources, parts=again.parts).save(cache, tmp_path / "output", False, parts)
    assert written == ["s", "m"]
    edited = {"content/a.md": SourceRecord("content/a.md", None, "d", (), slug="a", list_key="k2")}
    BuildState(edited, parts=again.parts).save(cache, tmp_path / "output", False, parts)
    assert written == ["s", "m", "m"]  # only the part whose records changed in what it is keyed by


def test_an_edit_rewrites_one_shard_of_a_part(tmp_path):
    cache = BuildCache(tmp_path)
    sources = [f"content/{n}.md" for n in range(64)]
    records = {s: SourceRecord(s, None, "d", (), slug=s, list_key="k") for s in sources}
    memos = {s: Memo(b"card", b"below", s.encode()) for s in sources}
    parts = {"memos": lambda: memos}
    BuildState(records).save(cache, tmp_path / "output", False, parts)
    first = BuildState.load(cache, tmp_path / "output", False)
    assert len(first.parts["memos"]) == SHARDS and first.part(cache, "memos") == memos
    records["content/7.md"] = SourceRecord("content/7.md", None, "d", (), slug="7", list_key="k2")
    memos["content/7.md"] = Memo(b"new card", b"below", b"7")
    BuildState(records, parts=first.parts).save(cache, tmp_path / "output", False, parts)
    second = BuildState.load(cache, tmp_path / "output", False)
    rewritten = set(second.parts["memos"]) - set(first.parts["memos"])
    assert rewritten == {second.parts["memos"][shard_of("content/7.md")]}
    assert second.part(cache, "memos") == memos
    BuildState(records, parts=second.parts).save(cache, tmp_path / "output", False, parts)
    assert first.parts["memos"][shard_of("content/7.md")] not in os.listdir(cache.folder)  # old shards do not pile up


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
        name: Committed.of("k-" + name, os.stat(out / name))
        for name in ("index.html", "notices/a.html", "notices/b.html")
    }
    state = BuildState({}, committed)
    (out / "notices/a.html").write_text("defaced")
    (out / "notices/b.html").unlink()
    (out / "extra.html").write_text("by hand")
    intact, count = state.survey(out)
    assert intact == {"index.html": "k-index.html"} and count == 3
