"""The parsed notices a build's read workers hand to staging (engine/parsed.py)."""

import os

from site_gen.engine.parsed import HEADER, ParsedNotices


def forked(run):
    """run() in a child process, as a read worker runs; waits for it."""
    pid = os.fork()
    if pid == 0:
        try:
            run()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def test_notices_kept_by_several_processes_are_found_by_another(tmp_path):
    parsed = ParsedNotices(tmp_path / "parsed")
    digests = [f"{n:064x}" for n in range(6)]
    forked(lambda: [parsed.keep(d, {"notice": n}) for n, d in enumerate(digests[:3])])
    forked(lambda: [parsed.keep(d, {"notice": n + 3}) for n, d in enumerate(digests[3:])])
    assert len(os.listdir(tmp_path / "parsed")) == 2  # a file a process, not a file a notice
    staging = ParsedNotices(tmp_path / "parsed")  # as a staging worker sees the folder
    assert [staging.load(d) for d in digests] == [{"notice": n} for n in range(6)]
    assert staging.load("f" * 64) is None


def test_entries_written_after_a_first_look_are_found(tmp_path):
    parsed = ParsedNotices(tmp_path / "parsed")
    parsed.keep("a" * 64, [1])
    assert parsed.load("a" * 64) == [1]
    parsed.keep("b" * 64, [2])
    assert parsed.load("b" * 64) == [2]


def test_an_entry_cut_short_is_not_loaded_and_the_ones_before_it_are(tmp_path):
    parsed = ParsedNotices(tmp_path / "parsed")
    parsed.keep("a" * 64, "whole")
    parsed.keep("b" * 64, "cut short")
    (name,) = os.listdir(tmp_path / "parsed")
    path = tmp_path / "parsed" / name
    path.write_bytes(path.read_bytes()[:-3])  # a worker killed in the middle of its write
    reader = ParsedNotices(tmp_path / "parsed")
    assert reader.load("a" * 64) == "whole"
    assert reader.load("b" * 64) is None


def test_a_damaged_entry_is_none_not_a_traceback(tmp_path):
    parsed = ParsedNotices(tmp_path / "parsed")
    parsed.keep("a" * 64, "text")
    (name,) = os.listdir(tmp_path / "parsed")
    path = tmp_path / "parsed" / name
    data = bytearray(path.read_bytes())
    data[HEADER:] = b"\x00" * (len(data) - HEADER)
    path.write_bytes(bytes(data))
    assert ParsedNotices(tmp_path / "parsed").load("a" * 64) is None


def test_drop_removes_the_folder(tmp_path):
    parsed = ParsedNotices(tmp_path / "parsed")
    parsed.keep("a" * 64, "text")
    parsed.drop()
    assert not (tmp_path / "parsed").exists()
    assert parsed.load("a" * 64) is None
