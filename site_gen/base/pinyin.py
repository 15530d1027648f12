"""Chinese words in pinyin (group page addresses), from pypinyin running in a helper process of its own.

pypinyin's phrase tables take about 50 MB and 0.2 s to load. Loaded by every worker of a first build they
would be most of each worker's memory; in one helper they are paid once, beside the build. A build that
will read many files starts the helper before its workers fork (`start_shared`), and they share it, one
question at a time; any other process starts its own when it first needs one. Answers are memoised by
addresses.py and kept in the build state, so a rebuild asks nothing. Should the helper fail to start, the
words are made in-process: the same function, the same answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import AbstractContextManager, nullcontext
from typing import IO

_LOOP = """
import os, sys
os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "true")  # its tables are only read: loads in 2/3 of the time
from pypinyin import lazy_pinyin
for line in sys.stdin:
    sys.stdout.write("".join(lazy_pinyin(line.rstrip("\\n"))) + "\\n")
    sys.stdout.flush()
"""


class Helper:
    """One helper process; `shared` when processes forked after it will ask it too (a lock keeps turns)."""

    def __init__(self, shared: bool) -> None:
        from .parallel import die_with_parent

        # -S: no site start-up (its .pth files are already in this process's path, given as PYTHONPATH): the
        # workers of a first build wait for the helper's first answer, so its start-up is on their path
        environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": os.pathsep.join(filter(None, sys.path))}
        self.process = subprocess.Popen(
            [sys.executable, "-S", "-c", _LOOP],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment,
            encoding="utf-8",
            preexec_fn=die_with_parent,
        )
        self.owner = os.getpid()
        self.turns: AbstractContextManager[object] = nullcontext()
        if shared:
            import multiprocessing

            self.turns = multiprocessing.get_context("fork").Lock()

    def usable(self) -> bool:
        """Alive, in the process that started it; else whether this (forked) process may share it. Only the
        starter can poll it: in another process waitpid fails and Popen takes the helper for dead."""
        if self.owner == os.getpid():
            return self.process.poll() is None
        return not isinstance(self.turns, nullcontext)  # a dead shared helper answers nothing: see words()

    def words(self, chinese: str) -> str | None:
        """The words, or None when the helper is gone."""
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        with self.turns:
            try:
                stdin.write(chinese + "\n")
                stdin.flush()
                answer = stdout.readline()
            except OSError:
                return None
        return answer.rstrip("\n") if answer.endswith("\n") else None

    def stop(self) -> None:
        if self.owner == os.getpid():
            close(self.process.stdin)
            self.process.kill()  # it keeps nothing: no need to wait for its tables to be freed
            self.process.wait()


_helper: Helper | None = None


def start_shared() -> None:
    """A helper for this process and the workers it forks next (a first build names every group at once)."""
    global _helper
    if _helper is None or not _helper.usable():
        _helper = _started(shared=True)


def words(chinese: str) -> str:
    """司法局 -> sifaju: the words of a run of Chinese characters in pinyin, without tones."""
    global _helper
    if _helper is None or not _helper.usable():
        _helper = _started(shared=False)
    answer = _helper.words(chinese) if _helper is not None else None
    return answer if answer is not None else _in_process(chinese)


def stop() -> None:
    """End this process's helper (a build's last step; the preview keeps its own)."""
    global _helper
    if _helper is not None:
        _helper.stop()
    _helper = None


def _started(shared: bool) -> Helper | None:
    try:
        return Helper(shared)
    except OSError:
        return None


def _in_process(chinese: str) -> str:
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "true")
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(chinese))


def close(stream: IO[str] | None) -> None:
    if stream is not None:
        try:
            stream.close()
        except OSError:
            pass
