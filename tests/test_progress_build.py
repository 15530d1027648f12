"""A long build shows its progress while it works: read from a terminal, by the time each update arrives."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.corpus import generate

PROGRESS = re.compile(r"(正在[^ ]+) (\d+)/(\d+)")


def read_terminal(command: list[str], cwd: Path) -> tuple[list[tuple[float, str]], float, int]:
    """Each piece a terminal would show (split at \\r and \\n) with when it arrived, the time taken, the exit code."""
    leader, follower = pty.openpty()
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, stdout=follower, stderr=follower, close_fds=True)
    os.close(follower)
    pieces: list[tuple[float, str]] = []
    pending = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed: the build ended
            break
        if not chunk:
            break
        now = time.monotonic() - started
        pending += chunk
        *whole, pending = re.split(rb"[\r\n]", pending)
        pieces += [(now, piece.decode("utf-8", "replace")) for piece in whole if piece.strip()]
    code = process.wait(timeout=600)
    os.close(leader)
    return pieces, time.monotonic() - started, code


@pytest.mark.slow
def test_a_2000_notice_build_shows_progress_before_half_its_time(tmp_path):
    generate(tmp_path, 2000, kb=4)
    pieces, total, code = read_terminal([sys.executable, "-m", "site_gen", "build"], tmp_path)
    assert code == 0, pieces[-5:]
    updates = [(when, match) for when, text in pieces for match in [PROGRESS.search(text)] if match]
    assert updates and updates[0][1].group(2) == "0", pieces  # the phase is named at once, before any result
    first = next(when for when, match in updates if int(match.group(2)) > 0)  # the first result reported
    print(f"first progress at {first:.2f}s of {total:.2f}s; {len(updates)} updates")  # shown with pytest -s
    assert first < total / 2, (first, total)  # not all at the end, as when the results were taken whole first
    pages = [int(match.group(2)) for _, match in updates if match.group(1) == "正在生成通报页面"]
    assert len(set(pages)) >= 3 and pages == sorted(pages)  # counts rise as the workers' results arrive
    when_pages = [when for when, match in updates if match.group(1) == "正在生成通报页面"]
    assert when_pages[-1] - when_pages[0] > total / 10  # spread over the work, not in one hundredth of a second
    assert "约剩" in updates[0][1].string and "已用" in updates[0][1].string
    assert pieces[-1][1].startswith("已生成 2000 份通报")
