"""Full-text search with Pagefind: a static index, no server, Chinese segmented by its extended build.

Run over the finished pages of a build (not in the preview loop: indexing costs
far more than rendering). Only notice bodies are indexed (data-pagefind-body);
organisation, year and status are filters.

The index is sharded by publication year: one Pagefind bundle per year at
``pagefind/<year>/``, listed newest first in ``pagefind/shards.json``; the browser
merges them (templates/assets/search.js). Each bundle records a digest of the pages
it was built from, so a rebuild re-indexes only the years whose pages changed and
Pagefind never holds more than one year in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ..base.parallel import die_with_parent
from ..pages.theme_text import STRINGS

BUNDLE = "pagefind"
SHARD_LIST = "shards.json"
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
DIGEST_FILE = "site-gen-shard.txt"  # in each bundle: what it was built from
UNDATED = "other"  # the shard of indexed pages that carry no year filter
SHARD_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]*")
YEAR_FILTER = re.compile(
    r'data-pagefind-filter="(?:{})"[^>]*>\s*([^<]*?)\s*<'.format(
        "|".join(sorted({re.escape(strings["published_year"]) for strings in STRINGS.values()}))
    )
)


class SearchIndexError(RuntimeError):
    """Pagefind failed: the build stops and output/ is left as it was."""


def index_site(folder: Path, shards: dict[str, list[str]] | None = None, previous: Path | None = None) -> list[str]:
    """Index a built site into pagefind/<shard>/ bundles plus pagefind/shards.json; returns the shards re-indexed.

    shards maps a shard name (a year) to its pages, relative to folder; without it the notice
    pages (those with data-pagefind-body) are found in folder and grouped by their year filter.
    A shard whose pages are byte-identical to those a bundle was built from is not re-indexed:
    the bundle is kept if it is already in folder, else copied from previous (an earlier
    output of the same site, e.g. the output/ a staged build is about to replace).
    """
    if shards is None:
        shards = notice_shards(folder)
    names = shard_order(shards)
    root = folder / BUNDLE
    root.mkdir(parents=True, exist_ok=True)
    version = pagefind_version()
    indexed = []
    for name in names:
        target = root / name
        digest = shard_digest(folder, shards[name], version)
        if stored_digest(target) == digest:
            continue
        old = previous / BUNDLE / name if previous is not None else None
        if old is not None and old.resolve() != target.resolve() and stored_digest(old) == digest:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(old, target, copy_function=link_or_copy)
            continue
        index_shard(folder, shards[name], target)
        (target / DIGEST_FILE).write_text(digest + "\n", encoding="utf-8", newline="\n")
        indexed.append(name)
    keep = {*names, SHARD_LIST, *UI_FILES}
    for entry in root.iterdir():  # bundles of years that are gone, or an unsharded bundle of an older site-gen
        if entry.name in keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    write_ui_files(root, root / names[0] if names else None)
    write_shard_list(folder, names)
    return indexed


def index_shard(site: Path, pages: list[str], bundle: Path) -> None:
    """Build one Pagefind bundle at bundle from exactly these pages of site (posix paths relative to site).

    Pagefind indexes a mirror of just those pages (hard links, or copies across file
    systems) laid out as in site, so result URLs are the pages' URLs from the site root.
    """
    if not pages:
        raise SearchIndexError(f"no pages to index into {bundle}")
    mirror = Path(tempfile.mkdtemp(prefix=scratch_prefix(site, "shard"), dir=writable_parent(site)))
    try:
        for page in pages:
            relative = PurePosixPath(page)
            if relative.is_absolute() or ".." in relative.parts or not relative.parts:
                raise SearchIndexError(f"not a page of the site: {page}")
            source, target = site.joinpath(*relative.parts), mirror.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except FileNotFoundError:
                raise SearchIndexError(f"not a page of the site: {page}") from None
            except OSError:
                shutil.copyfile(source, target)
        shutil.rmtree(bundle, ignore_errors=True)
        bundle.parent.mkdir(parents=True, exist_ok=True)
        run_pagefind(mirror, bundle.resolve())
    finally:
        shutil.rmtree(mirror, ignore_errors=True)


def link_or_copy(source: str, target: str) -> None:
    """A bundle kept from the published site: a hard link, as the staged site's other unchanged files."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def write_shard_list(folder: Path, names: list[str]) -> None:
    """pagefind/shards.json: the shard names, newest year first, the first being the primary bundle."""
    target = folder / BUNDLE / SHARD_LIST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(shard_order(dict.fromkeys(names))) + "\n", encoding="utf-8", newline="\n")


def notice_shards(folder: Path) -> dict[str, list[str]]:
    """The indexed pages of a built site (data-pagefind-body), grouped by their year filter."""
    shards: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.html")):
        relative = path.relative_to(folder).as_posix()
        if relative.startswith(BUNDLE + "/"):
            continue
        html = path.read_text(encoding="utf-8", errors="replace")
        if "data-pagefind-body" not in html:
            continue
        found = YEAR_FILTER.search(html)
        name = found.group(1) if found and SHARD_NAME.fullmatch(found.group(1)) else UNDATED
        shards.setdefault(name, []).append(relative)
    return shards


def shard_order(shards: Mapping[str, object]) -> list[str]:
    """Shard names newest year first, then any other names alphabetically; refuses names unsafe as folders."""
    for name in shards:
        if not SHARD_NAME.fullmatch(name) or name in (SHARD_LIST, *UI_FILES):
            raise SearchIndexError(f"bad search shard name: {name!r}")
    years = sorted((name for name in shards if name.isdigit()), key=lambda name: (-int(name), name))
    return years + sorted(name for name in shards if not name.isdigit())


def shard_digest(site: Path, pages: list[str], version: str) -> str:
    """What a bundle depends on: the Pagefind version and each page's path and bytes."""
    digest = hashlib.sha256(f"site-gen search shard 1\npagefind {version}\n".encode())
    for page in sorted(set(pages)):
        try:
            data = site.joinpath(*PurePosixPath(page).parts).read_bytes()
        except OSError as problem:
            raise SearchIndexError(f"cannot read page {page}: {problem}") from None
        digest.update(f"{page}\n{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


def stored_digest(bundle: Path) -> str | None:
    try:
        return (bundle / DIGEST_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None


def write_ui_files(root: Path, bundle: Path | None) -> None:
    """pagefind-ui.js and .css next to the shards, where search.html loads them; copied from a bundle."""
    if bundle is None:  # nothing to index: take them from a bundle of one empty page
        with tempfile.TemporaryDirectory(prefix=scratch_prefix(root, "ui"), dir=writable_parent(root)) as scratch:
            site = Path(scratch) / "site"
            site.mkdir()
            (site / "empty.html").write_text(
                "<html><body data-pagefind-body><p>empty</p></body></html>", encoding="utf-8"
            )
            index_shard(site, ["empty.html"], Path(scratch) / "bundle")
            write_ui_files(root, Path(scratch) / "bundle")
        return
    for name in UI_FILES:
        shutil.copyfile(bundle / name, root / name)


def run_pagefind(site: Path, bundle: Path) -> None:
    # run from the mirror, so no pagefind.yml/json of the caller's working directory changes the index
    command = [sys.executable, "-m", "pagefind", "--site", ".", "--output-path", str(bundle), "--silent"]
    # dies with a killed build: it would go on writing into a staged folder the next build has removed
    import subprocess  # here: a rebuild with nothing to do never starts a process

    result = subprocess.run(command, capture_output=True, text=True, cwd=site, preexec_fn=die_with_parent)
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip() or "pagefind failed")


def pagefind_version() -> str:
    from importlib import metadata

    for package in ("pagefind_bin_extended", "pagefind_bin", "pagefind"):
        try:
            return f"{package} {metadata.version(package)}"
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def scratch_prefix(site: Path, kind: str) -> str:
    """A scratch folder named after the folder indexed: a staged site's (.output.building-…) is removed with it
    when its build is killed, by the next build of that output (staging.remove_leftovers), and by no other."""
    return f".{site.name.lstrip('.')}.pagefind-{kind}-"


def writable_parent(path: Path) -> Path | None:
    """A folder for scratch files on path's file system (so hard links work), or the system default."""
    parent = path.resolve().parent
    return parent if os.access(parent, os.W_OK) else None
