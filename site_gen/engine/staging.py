"""Write the site into a fresh folder and put it in place in one step, so readers see the old site or the new one.

Every build stages a whole site: changed files are written, unchanged ones are hard links
to the files already published (no copy, no second disk's worth), and the staged folder
then takes output/'s place with one atomic exchange (Linux renameat2 RENAME_EXCHANGE; two
renames elsewhere). A build that fails or is killed at any moment leaves output/ exactly as
it was; the staged folder it left is removed by the next build, which holds the output folder's
lock (lock.py): every staged folder it finds is a dead build's, whatever its pid says.

A staged folder is made only with that lock held (build_site, the preview's build_all).

When output/ is a symbolic link (a web root deployed through a link), the link is kept and
the folder it points to is the one replaced.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
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
        self.linked = False  # some of output/'s files are linked here (their change time changes)
        self.committed = False

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
        self.linked = self.linked or bool(paths)
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
        it says are site-gen's (any other is kept, in the folder returned).

        Raises MountPoint when output/ cannot be moved (a mount point): nothing was changed."""
        keep_mode(self.path, self.out_dir)
        if not self.out_dir.exists():
            os.rename(self.path, self.out_dir)
            self.committed = True
            return None
        try:
            swapped = exchange(self.path, self.out_dir)
        except OSError as problem:
            raise unmovable(problem) from problem
        if not swapped:
            self.two_renames()
        self.committed = True
        if ours is not None:  # self.path is now the old site
            return remove_replaced(self.path, ours, kept_folder(self.out_dir))
        shutil.rmtree(self.path, ignore_errors=True)  # now the old site
        return None

    def two_renames(self) -> None:
        """Where no exchange exists (macOS, NFS): output/ moved aside, the staged site in its place, the old one
        where the staged was. A build killed between the first two finds output/ missing and its old copy beside
        it: the next build puts that back first (remove_leftovers), never deletes it."""
        old = self.out_dir.with_name(f".{self.out_dir.name}.old-{os.getpid()}")
        try:
            os.rename(self.out_dir, old)
        except OSError as problem:
            raise unmovable(problem) from problem
        try:
            os.rename(self.path, self.out_dir)
        except OSError:
            os.rename(old, self.out_dir)  # the old site back: the message "unchanged" stays true
            raise
        os.rename(old, self.path)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


class MountPoint(OSError):
    """output/ cannot be renamed (a mount point: Docker -v, an NFS web root): it was left as it was."""

    def __init__(self, problem: OSError):
        super().__init__(problem.errno, problem.strerror, problem.filename)


def unmovable(problem: OSError) -> OSError:
    """EBUSY (a mount point) or EXDEV (a bind mount of another file system) as MountPoint; any other as it is."""
    return MountPoint(problem) if problem.errno in (errno.EBUSY, errno.EXDEV) else problem


def keep_mode(staged: Path, out_dir: Path) -> None:
    """The new site's folder with the old one's permissions, group and ACLs (a chmod 750 review site stays 750);
    a first build's is world-readable, as a web root must be."""
    try:
        status = os.stat(out_dir)
    except OSError:
        os.chmod(staged, 0o755)
        return
    os.chmod(staged, stat.S_IMODE(status.st_mode))
    try:
        os.chown(staged, -1, status.st_gid)
    except OSError:  # not a member of that group: the permissions are kept, the group is ours
        pass
    for name in ("system.posix_acl_access", "system.posix_acl_default"):
        try:
            os.setxattr(staged, name, os.getxattr(out_dir, name))
        except (OSError, AttributeError):  # no ACL (the usual case), or no ACLs on this system
            pass


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
    """Staged folders of builds that were killed, with their search scratch folders (named after them), removed
    with the output folder's lock held: no other build of this output runs, so each is a dead build's. Where a
    two-rename commit was killed half-way, output/ is missing and its old copy is put back first."""
    old_copy, building = f".{out_dir.name}.old-", f".{out_dir.name}.building-"
    if not os.path.lexists(out_dir):
        for entry in entries(out_dir.parent, old_copy):
            if entry.is_dir() and not entry.is_symlink():
                os.rename(entry, out_dir)
                break
    for prefix in (building, old_copy):
        for entry in entries(out_dir.parent, prefix):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
    for prefix in (".pagefind-shard-", ".pagefind-ui-"):  # scratch names of site-gen before issue #23: by pid
        for entry in entries(out_dir.parent, prefix):
            pid = entry.name.removeprefix(prefix).split("-")[0]
            if pid.isdigit() and not process_alive(int(pid)) and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)


def entries(folder: Path, prefix: str) -> list[Path]:
    """The entries of folder whose names start with prefix (no glob: an output named "site[1]" is a name)."""
    return [folder / name for name in sorted(os.listdir(folder)) if name.startswith(prefix)]


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
