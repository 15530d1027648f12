"""Pelican (4.12) on the corpus that tests/corpus.py writes, with the minimal site in bench/pelican/.

    project = prepare(site, work)        # work/pelican-<N>/ with content -> site/content (symlink, not a copy)
    shutil.rmtree(project / "output", ignore_errors=True)    # the caller removes the output before a cold build
    run(cold_command(project))           # clean build, no content cache read or written
    shutil.rmtree(project / "cache", ignore_errors=True)     # the caller removes the cache before a first cached build
    run(cached_command(project))         # first cached build (writes project/cache), then again for "no change",
    run(cached_command(project))         # and again after one notice changed

Output goes to project/output (one <folder>/<notice>/index.html per notice plus index.html), the content cache to
project/cache. Settings: bench/pelican/pelicanconf.py, used in place; notices are read by the YAML front-matter
reader plugin bench/pelican/yaml_front_matter.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETTINGS = HERE / "pelican" / "pelicanconf.py"


def prepare(site: Path, work: Path) -> Path:
    """Make (or reuse) work/pelican-<N> for the corpus at site, its content a symlink to site/content."""
    content = Path(site).resolve() / "content"
    count = sum(1 for _ in content.rglob("*.md"))
    project = Path(work).resolve() / f"pelican-{count}"
    project.mkdir(parents=True, exist_ok=True)
    link = project / "content"
    if link.is_symlink() and link.resolve() != content:
        link.unlink()
    if not link.is_symlink():
        link.symlink_to(content, target_is_directory=True)
    return project


def _command(project: Path, *extra: str) -> list[str]:
    project = Path(project).resolve()
    return [
        sys.executable,
        "-m",
        "pelican",
        str(project / "content"),
        "-s",
        str(SETTINGS),
        "-o",
        str(project / "output"),
        "--cache-path",
        str(project / "cache"),
        "-q",
        *extra,
    ]


def cold_command(project: Path) -> list[str]:
    """A clean build: no content cache loaded or saved. The caller removes project/output first (not timed)."""
    return _command(project, "-e", "LOAD_CONTENT_CACHE=false", "CACHE_CONTENT=false")


def cached_command(project: Path) -> list[str]:
    """A build with Pelican's content cache (reader layer) in project/cache: loaded if present, then saved."""
    return _command(project, "-e", "LOAD_CONTENT_CACHE=true", "CACHE_CONTENT=true")
