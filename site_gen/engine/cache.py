"""A build cache in .site-gen-cache/: unchanged notices are neither parsed nor rendered again.

Everything is keyed by content: a notice by the hash of its file's bytes, a page
by its notice's hash, its attachments and the templates (theme_signature), and the
whole cache folder by a signature of site-gen's version, site.yaml and the cards'
templates. Changing any of those starts a fresh folder, so a cached build always
equals a clean build; editing another template makes pages again, and only pages.
Safe to delete at any time.

Besides the compiled templates and the pages a failed build made (for the build after
the fix), it keeps, per output folder, the build state (state.py): what each content
file held when last read and what the last committed build wrote.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from .. import __version__
from ..base.layout import CACHE, SiteLayout
from ..base.theme import theme_dir
from .parsed import ParsedNotices

FOLDER = CACHE
COMPILED = "templates"  # the compiled templates (render.CompiledTemplates), in the folder keyed by them
PARSED = "parsed"  # a series' notices as a build's read workers parsed them, for their pages made at staging
KEPT = "kept"  # the pages a failed build made: their own folder, so no key is read for what it is


def digest(*parts: bytes | str) -> str:
    """sha256 of the parts, each followed by a NUL byte."""
    try:  # all text, the usual case: one encode and one update however many parts (list pages have thousands)
        joined = "\0".join(parts)  # type: ignore[arg-type]  # a bytes part raises TypeError: the loop below takes it
        return hashlib.sha256((joined + "\0" if parts else "").encode("utf-8")).hexdigest()
    except TypeError:
        pass
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()


def text_digest(text: str) -> str:
    """What keep_files and kept_texts check a kept page by: the sha256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# What pages are made with besides site-gen's own code: an upgrade (a security fix of Jinja2, say) must make every
# page again, or unchanged pages would keep the old library's output for good (incremental != clean).
RUNTIME = ("markdown-it-py", "mdit-py-plugins", "jinja2", "markupsafe", "pyyaml", "pypinyin", "segno", "pagefind")


def runtime_versions() -> list[str]:
    """The Python version and each runtime library's, from the names of the installed distributions' metadata
    folders (name-1.2.dist-info): what importlib.metadata reads, without its 80 ms import on every build. The
    first one on sys.path wins, as it does for import."""
    wanted = {normalized(name) for name in RUNTIME}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:  # a zip, or a folder that is gone
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                project, _, version = name.rpartition(".")[0].partition("-")
                if normalized(project) in wanted:
                    found.setdefault(normalized(project), version)
    return [sys.version, *(f"{name}={found.get(normalized(name), '')}" for name in RUNTIME)]


def normalized(project: str) -> str:
    return project.lower().replace("-", "_").replace(".", "_")


# The templates a notice's cards are rendered from when it is read (its memo's, in the build state): a change to one
# makes every notice read again. A change to any other template makes pages again, and only pages (theme_signature).
CARD_TEMPLATES = ("_notice_card.html", "_macros.html")


def signature(site_dir: Path) -> str:
    """What every cached value depends on besides the notice itself: site-gen, its libraries, site.yaml and the
    cards' templates. Not the other templates: pages' keys hold those (theme_signature), so editing the theme
    makes pages again without reading, parsing or indexing a notice again."""
    parts: list[bytes | str] = [__version__, *runtime_versions()]
    for path in sorted(
        Path(__file__).parents[1].rglob("*.py")
    ):  # site-gen's own code: a fix must not serve stale pages
        parts.append(path.read_bytes())
    config = SiteLayout(site_dir).config_file
    parts.append(config.read_bytes() if config.is_file() else b"")
    for name, path in template_files(site_dir):
        if name in CARD_TEMPLATES:
            parts += [name, path.read_bytes()]
    return digest(*parts)[:20]


def theme_signature(site_dir: Path) -> str:
    """Every template but the cards' (in signature()): part of every page's key (outputs.themed)."""
    parts: list[bytes | str] = []
    for name, path in template_files(site_dir):
        if name not in CARD_TEMPLATES:
            parts += [name, path.read_bytes()]
    return digest(*parts)[:20]


def template_files(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """The theme's template files, then the site's own (by name in their folder); not assets/, which are copied
    as they are and keyed by their own stamps."""
    for folder in (theme_dir(), SiteLayout(site_dir).templates):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                name = path.relative_to(folder).as_posix()
                if path.is_file() and not name.startswith("assets/"):
                    yield name, path


class BuildCache:
    """Pickled notices and rendered pages, one file each, under a folder named by the signature."""

    def __init__(self, site_dir: Path) -> None:
        top = site_dir / FOLDER
        self.folder = top / signature(site_dir)
        self.compiled = self.folder / COMPILED
        self.parsed = ParsedNotices(self.folder / PARSED)
        self.kept = self.folder / KEPT  # what a failed build made, for the next build: by their own keys
        if top.is_dir():  # a template or settings change made older folders useless
            for old in top.iterdir():
                if old != self.folder:
                    shutil.rmtree(old, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        (top / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n# site-gen build cache\n")
        for folder in (self.folder, self.compiled):  # writable, or not used at all (a sudo build's)
            folder.mkdir(exist_ok=True)
            tempfile.TemporaryFile(dir=folder).close()

    def load(self, key: str, for_the_build: bool = False) -> Any:  # what was stored: its caller knows what it is
        """for_the_build: what is loaded is kept until the build ends (the state): see loaded_for_the_build."""
        try:
            with open(self.folder / key, "rb") as handle, loaded_for_the_build() if for_the_build else nullcontext():
                return pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing, truncated or damaged: compute again, never a traceback
            return None

    def has(self, key: str) -> bool:
        return os.path.exists(self.folder / key)

    def keep_files(self, key: str, files: tuple[Path, ...], digests: tuple[str, ...]) -> bool:
        """The files kept as key.0, key.1, ... if each holds the bytes of its digest (text_digest()): what one record
        rendered, never whatever another writer left at its path. Hard links (a failed build's thousands of pages,
        kept without copying a byte), or copies where the cache is on another file system. The digests are kept
        last, as key.sums: kept_texts() checks every file against them. Returns whether they were kept."""
        self.kept.mkdir(exist_ok=True)
        sums = self.kept / f"{key}.sums"
        sums.unlink(missing_ok=True)
        for number, (source, expected) in enumerate(zip(files, digests, strict=True)):
            if file_digest(source) != expected:
                return False
            target = self.kept / f"{key}.{number}"
            target.unlink(missing_ok=True)
            try:
                os.link(source, target)
            except OSError:
                temporary = self.kept / f".{target.name}.{os.getpid()}"
                shutil.copyfile(source, temporary)
                os.replace(temporary, target)
        temporary = self.kept / f".{sums.name}.{os.getpid()}"
        temporary.write_text("\n".join(digests), encoding="utf-8")
        os.replace(temporary, sums)
        return True

    def kept_texts(self, key: str, count: int) -> tuple[str, ...] | None:
        """What keep_files kept under key, as text; None unless all `count` files are there, each whole (its digest
        as kept): a truncated or replaced kept page is made again, never published."""
        try:
            digests = (self.kept / f"{key}.sums").read_text(encoding="utf-8").split("\n")
            if len(digests) != count:
                return None
            found = []
            for number, expected in enumerate(digests):
                content = (self.kept / f"{key}.{number}").read_bytes()
                if hashlib.sha256(content).hexdigest() != expected:
                    return None
                found.append(content.decode("utf-8"))
            return tuple(found)
        except (OSError, UnicodeDecodeError):
            return None

    def keep_parsed(self, file_digest: str, notice: object) -> None:
        """A notice as its read worker parsed it, for its page made at staging (parsed.py)."""
        self.parsed.keep(file_digest, notice)

    def parsed_notice(self, file_digest: str) -> Any:
        """What keep_parsed kept under this digest, or None."""
        return self.parsed.load(file_digest)

    def drop_parsed(self) -> None:
        """After the build's staging: the parsed notices are not kept between builds (the state is)."""
        self.parsed.drop()

    def drop_pages(self) -> None:
        """Delete the pages a failed build kept: once a build is committed, output/ holds every page."""
        shutil.rmtree(self.kept, ignore_errors=True)

    def keep(self, wanted: Callable[[str], bool]) -> None:
        """Delete the files `wanted` refuses (names only: a big site's cache holds a file per page)."""
        for name in os.listdir(self.folder):
            if not wanted(name) and not name.startswith(".") and name not in (COMPILED, KEPT, PARSED):
                (self.folder / name).unlink(missing_ok=True)

    def store(self, key: str, value: object) -> None:
        temporary = self.folder / f".{key}.{os.getpid()}"
        with open(temporary, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.folder / key)


@contextmanager
def loaded_for_the_build() -> Iterator[None]:
    """Python's cycle collector off while the build state is unpickled, and what was loaded left out of its later
    passes (gc.freeze): it would walk those objects again and again, half of a 5,000-notice rebuild's time.
    Pickles hold no cycles, and frozen objects are still freed when no longer referred to. Only for what a build
    loads first: freezing after pages were made would keep their cyclic garbage for good."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
