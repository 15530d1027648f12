"""Which files of output/ are site-gen's, which are carried into the next site, and which are someone else's.

Everything inside output/ is published, so nothing inside it can prove that site-gen made the folder: any
site's notices.json can be downloaded into ~/Downloads. The proof is a marker beside output/ (in the folder
that holds it, where the staged site is built too), never published: the resolved path of the output folder
and every file the last committed build put there. A build without it may still know the folder from its build
state (what it committed, kept in the cache); otherwise a non-empty folder is not ours and is refused.

Files a build did not make are of two kinds. Those a deployment adds on purpose (a `.git` with its history,
`.htaccess`, `.well-known/`, any dotfile) and those site.yaml's `keep:` names (`CNAME`, a search engine's
verification file) are carried into every new site as they are, hard-linked. Any other file is refused by name:
carrying it would publish what nobody declared, deleting it would lose what site-gen did not make.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path

GENERATOR = "site-gen"
SHOWN = 5  # files named in a message; the rest are counted


def marker_path(out_dir: Path) -> Path:
    """Beside the real output folder (a link to a web root is followed, as the staged folder is)."""
    real = Path(os.path.realpath(out_dir))
    return real.with_name(f".site-gen.{real.name}.json")


def marked_files(out_dir: Path) -> set[str] | None:
    """The files the marker says the last committed build wrote into out_dir; None without a marker for it."""
    try:
        with open(marker_path(out_dir), encoding="utf-8") as handle:
            marker = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(marker, dict) or marker.get("generator") != GENERATOR:
        return None
    files = marker.get("files")
    if marker.get("output") != os.path.realpath(out_dir) or not isinstance(files, list):
        return None  # a marker copied along with another folder proves nothing about this one
    return {file for file in files if isinstance(file, str)}


def mark(out_dir: Path, files: Iterable[str]) -> None:
    """Record (atomically) that these files of out_dir are site-gen's."""
    path = marker_path(out_dir)
    record = {"generator": GENERATOR, "output": os.path.realpath(out_dir), "files": sorted(files)}
    temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(record, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def owned_files(out_dir: Path, committed: Iterable[str]) -> set[str] | None:
    """The files of out_dir that are site-gen's: by the marker, else by the build state's record of what it
    committed there (a site built before markers existed); None when neither knows the folder."""
    marked = marked_files(out_dir)
    if marked is not None:
        return marked
    known = set(committed)
    return known or None


def is_carried(path: str, keep: tuple[str, ...]) -> bool:
    """A file a deployment put in output/ on purpose: under a dot-name (.git/, .htaccess), or named by `keep:`."""
    if any(part.startswith(".") for part in path.split("/")):
        return True
    return any(fnmatch.fnmatchcase(path, pattern) or path.startswith(pattern.rstrip("/") + "/") for pattern in keep)


def sorted_out(others: Iterable[str], owned: set[str], keep: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The files of output/ the build state does not list: (carried into the next site, someone else's)."""
    carried, foreign = [], []
    for path in sorted(others):
        if is_carried(path, keep):
            carried.append(path)
        elif path not in owned:
            foreign.append(path)
    return carried, foreign


def named(paths: list[str]) -> str:
    """A few of the files, then how many more: a message stays readable with a thousand."""
    shown = ", ".join(paths[:SHOWN])
    return shown + (f" (+{len(paths) - SHOWN})" if len(paths) > SHOWN else "")


def carry(out_dir: Path, into: Path, paths: list[str]) -> None:
    """The carried files into the staged site, hard-linked, with the empty folders of carried dot-folders (git
    needs its refs/ and objects/ even when empty)."""
    for top in sorted({path.split("/")[0] for path in paths if path.startswith(".") and "/" in path}):
        for parent, _, _ in os.walk(out_dir / top):
            os.makedirs(into / os.path.relpath(parent, out_dir), exist_ok=True)
    for path in paths:
        source, target = out_dir / path, into / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:  # another file system: a copy (a link stays a link)
            shutil.copy2(source, target, follow_symlinks=False)


def remove_replaced(folder: Path, ours: Callable[[str], bool], kept_as: Path) -> Path | None:
    """The site just replaced, removed file by file: only files site-gen made or carried. Any other (one added
    while the build ran) is kept, and the folder with it moved to kept_as (returned)."""
    kept = False
    for parent, subfolders, files in os.walk(folder, topdown=False):
        prefix = os.path.relpath(parent, folder).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for name in files + [s for s in subfolders if os.path.islink(os.path.join(parent, s))]:
            if ours(prefix + name):
                os.unlink(os.path.join(parent, name))
            else:
                kept = True
        if parent != str(folder):
            try:
                os.rmdir(parent)
            except OSError:  # holds a kept file
                pass
    if not kept:
        shutil.rmtree(folder, ignore_errors=True)
        return None
    os.rename(folder, kept_as)
    return kept_as


def kept_folder(out_dir: Path) -> Path:
    """Where a replaced site holding someone else's files is moved: beside output/, visible, dated."""
    real = Path(os.path.realpath(out_dir))
    return real.with_name(f"{real.name}.kept-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
