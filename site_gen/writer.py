"""Write the site into a fresh folder and swap it into place only when all went well.

A failed or interrupted build therefore never leaves a half-written or empty
output/ behind: what was published stays published. An incremental build stages
only the files that changed and, once the whole site has been read and checked,
moves them into output/ one rename each.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath


class UnsafePath(ValueError):
    """A page path that would land outside the output folder."""


def inside(folder: Path, relative: str) -> Path:
    """folder/relative, refusing any path that would leave folder."""
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts:
        raise UnsafePath(relative)
    return folder.joinpath(*parts)


class StagedOutput:
    """A temporary sibling of output/ that becomes output/ on commit()."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))

    def write_text(self, relative: str, text: str) -> None:
        target = self.target(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")

    def copy_file(self, source: Path, relative: str) -> None:
        target = self.target(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)

    def target(self, relative: str) -> Path:
        return inside(self.path, relative)

    def commit(self) -> None:
        """Replace output/ with the new tree: two renames, so readers never see a partial site."""
        os.chmod(self.path, 0o755)
        old = None
        if self.out_dir.exists():
            old = self.out_dir.with_name(f".{self.out_dir.name}.old-{os.getpid()}")
            os.rename(self.out_dir, old)
        os.rename(self.path, self.out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def commit_changes(self, stale: list[str]) -> None:
        """Move every staged file over its old version in output/ and delete files the site no longer has."""
        for folder, _, files in os.walk(self.path):
            for name in sorted(files):
                staged = Path(folder) / name
                target = self.out_dir / staged.relative_to(self.path)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, target)
        for relative in stale:
            target = self.out_dir / self.target(relative).relative_to(self.path)
            target.unlink(missing_ok=True)
            for parent in target.parents:  # a group that lost its last notice leaves no empty folder
                if parent == self.out_dir or not parent.is_dir() or any(parent.iterdir()):
                    break
                parent.rmdir()

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


class LiveOutput:
    """A folder written in place, each file replaced at once: the preview's, where a browser may be reading."""

    def __init__(self, path: Path):
        self.path = path

    def write_text(self, relative: str, text: str) -> None:
        replace_file(inside(self.path, relative), text.encode("utf-8"))

    def copy_file(self, source: Path, relative: str) -> None:
        replace_file(inside(self.path, relative), source.read_bytes())

    def remove(self, relative: str) -> None:
        inside(self.path, relative).unlink(missing_ok=True)


def replace_file(path: Path, content: bytes) -> None:
    """Write a sibling and rename it over the file, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)
