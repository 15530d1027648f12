"""Write the site into a fresh folder and put it in place in one step, so readers see the old site or the new one.

Every build stages a whole site: changed files are written, unchanged ones are hard links
to the files already published (no copy, no second disk's worth), and the staged folder
then takes output/'s place with one atomic exchange (Linux renameat2 RENAME_EXCHANGE; two
renames elsewhere). A build that fails or is killed at any moment leaves output/ exactly as
it was; the staged folder it left is removed by the next build.

When output/ is a symbolic link (a web root deployed through a link), the link is kept and
the folder it points to is the one replaced.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from .outputs import Output
from .ownership import kept_folder, remove_replaced


class UnsafePath(ValueError):
    """A page path that would land outside the output folder."""


def inside(folder: Path, relative: str) -> Path:
    """folder/relative, refusing any path that would leave folder."""
    return Path(joined(str(folder), relative))


def joined(folder: str, relative: str) -> str:
    """The same, as plain strings: a build links tens of thousands of files."""
    parts = relative.split("/")
    if not relative or relative.startswith("/") or ".." in parts or "" in parts or "\0" in relative:
        raise UnsafePath(relative)
    return folder + "/" + relative


class Folder(Protocol):
    def put(self, output: Output) -> None: ...


class StagedOutput:
    """A temporary sibling of output/ (of the folder it links to) that takes its place on commit()."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(os.path.realpath(out_dir))  # a link to a web root stays a link
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.out_dir)
        prefix = f".{self.out_dir.name}.building-{os.getpid()}-"
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=self.out_dir.parent))

    def put(self, output: Output) -> None:
        target = self.target(output.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if output.copy_of is not None:
            shutil.copyfile(output.copy_of, target)
        else:
            target.write_bytes(output.content())

    def link(self, paths: list[str]) -> None:
        """The files as output/ holds them now, without copying them: folder by folder, each opened once
        (a big site links tens of thousands of files on every build)."""
        by_folder: dict[str, list[str]] = {}
        for relative in paths:
            joined(str(self.path), relative)  # refuses a path that would leave the folder
            folder, _, name = relative.rpartition("/")
            by_folder.setdefault(folder, []).append(name)
        for folder, names in by_folder.items():
            source, target = os.path.join(self.out_dir, folder), os.path.join(self.path, folder)
            os.makedirs(target, exist_ok=True)
            from_fd, to_fd = (
                os.open(source, os.O_RDONLY | os.O_DIRECTORY),
                os.open(target, os.O_RDONLY | os.O_DIRECTORY),
            )
            try:
                for name in names:
                    try:
                        os.link(name, name, src_dir_fd=from_fd, dst_dir_fd=to_fd, follow_symlinks=False)
                    except OSError:  # another file system: a copy
                        shutil.copyfile(os.path.join(source, name), os.path.join(target, name))
            finally:
                os.close(from_fd)
                os.close(to_fd)

    def target(self, relative: str) -> Path:
        return inside(self.path, relative)

    def commit(self, ours: Callable[[str], bool] | None = None) -> Path | None:
        """Put the staged site in output/'s place at once, then remove the old one: with `ours`, only the files
        it says are site-gen's (any other is kept, in the folder returned)."""
        os.chmod(self.path, 0o755)
        if not self.out_dir.exists():
            os.rename(self.path, self.out_dir)
            return None
        if not exchange(self.path, self.out_dir):
            old = self.out_dir.with_name(f".{self.out_dir.name}.old-{os.getpid()}")
            os.rename(self.out_dir, old)
            try:
                os.rename(self.path, self.out_dir)
            except OSError:
                os.rename(old, self.out_dir)  # the old site back: the message "unchanged" stays true
                raise
            os.rename(old, self.path)
        if ours is not None:  # self.path is now the old site
            return remove_replaced(self.path, ours, kept_folder(self.out_dir))
        shutil.rmtree(self.path, ignore_errors=True)
        return None

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot (then two renames do it)."""
    import ctypes  # here: a rebuild with nothing to do never loads it

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd, rename_exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), rename_exchange) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(number, os.strerror(number), str(b))


def remove_leftovers(out_dir: Path) -> None:
    """Staged folders and search scratch folders of builds that were killed (their process is gone)."""
    for prefix in (f".{out_dir.name}.building-", f".{out_dir.name}.old-", ".pagefind-shard-", ".pagefind-ui-"):
        for entry in out_dir.parent.glob(prefix + "*"):
            pid = entry.name.removeprefix(prefix).split("-")[0]
            if pid.isdigit() and not process_alive(int(pid)) and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier build of this process that was interrupted
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LiveOutput:
    """A folder written in place, each file replaced at once: the preview's, where a browser may be reading."""

    def __init__(self, path: Path):
        self.path = path

    def put(self, output: Output) -> None:
        if output.copy_of is not None:
            content = Path(output.copy_of).read_bytes()
        else:
            content = output.content()
        replace_file(inside(self.path, output.path), content)

    def remove(self, relative: str) -> None:
        target = inside(self.path, relative)
        target.unlink(missing_ok=True)
        for parent in target.parents:  # a group that lost its last notice leaves no empty folder
            if parent == self.path or not parent.is_dir() or any(parent.iterdir()):
                break
            parent.rmdir()


def replace_file(path: Path, content: bytes) -> None:
    """Write a sibling and rename it over the file, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)
