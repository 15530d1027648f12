"""One build at a time per output folder: an exclusive lock held from reading the build state to saving it.

A build surveys output/ at its start and links "unchanged" files from it much later, by path; a second build
committing in between would make the first publish a mix of both sites (issue #23). So every build, and the
preview's builds of its folder, hold an exclusive flock on `.<output>.lock` beside output/ (beside the folder it
links to) for their whole run; a second build waits for it, or refuses with --no-wait.

The lock also says which staged folders are live: a build holding it knows that no other build of this output
is running, so every staged folder left beside output/ is a dead build's, whatever its pid (a pid means nothing
across containers sharing a workspace, or across machines on NFS, where flock is shared too).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputBusy(Exception):
    """Another build holds the output folder's lock (and the caller would not wait)."""


def lock_path(out_dir: Path) -> Path:
    real = Path(os.path.realpath(out_dir))  # a link to a web root: the folder it points to is the one replaced
    return real.with_name(f".{real.name}.lock")


@contextmanager
def output_lock(out_dir: Path, wait: bool = True, waiting: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the output folder's lock for the block; `waiting` is called once if another build holds it first.

    The lock file stays (deleting it would let a third build lock a new file while the second holds the old)."""
    path = lock_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)  # never inherited by Pagefind
    except PermissionError:  # left by a sudo build: a local flock needs no write access
        handle = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise OutputBusy(str(out_dir)) from None
            waiting()
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        try:
            fcntl.flock(handle, fcntl.LOCK_UN)  # released even if a forked worker still shares the descriptor
        finally:
            os.close(handle)
