"""The pipeline: load config, read every notice, validate the site, render, write atomically.

Every notice is read before any page is written, so the index and the data
files never see half a site, and a single mistake stops the build before
anything published is touched.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .config import SiteConfig, load_config
from .diagnostics import Diagnostic, error, has_errors
from .export import notices_json
from .model import Notice
from .reader import read_site
from .render import environment, render_index, render_notice, theme_dir
from .validate import validate_site
from .writer import StagedOutput

OUTPUT_MARKER = "notices.json"  # every output folder we write has it; we never replace a folder without it


@dataclass
class SiteLoad:
    """A site read and validated: what build, check and serve all start from."""

    config: SiteConfig
    notices: list[Notice]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)

    def published(self, drafts: bool) -> list[Notice]:
        return [n for n in self.notices if drafts or not n.draft]


@dataclass
class BuildResult:
    load: SiteLoad
    pages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.load.ok


def load_site(site_dir: Path) -> SiteLoad:
    config, found = load_config(site_dir)
    notices, notice_problems = read_site(config)
    found += notice_problems
    found += validate_site(notices, config)
    return SiteLoad(config, notices, found)


def build_site(site_dir: Path, out_dir: Path, drafts: bool = False) -> BuildResult:
    """Build the site into out_dir; on any error out_dir is left exactly as it was."""
    load = load_site(site_dir)
    result = BuildResult(load)
    problem = output_folder_problem(site_dir, out_dir)
    if problem:
        load.diagnostics.append(problem)
    if not load.ok:
        return result
    staged = StagedOutput(out_dir)
    try:
        result.pages = write_site(staged, load.config, load.published(drafts))
        staged.commit()
    finally:
        staged.discard()
    return result


def write_site(staged: StagedOutput, config: SiteConfig, notices: list[Notice]) -> list[str]:
    env = environment(config)
    pages = ["index.html"]
    staged.write_text("index.html", render_index(env, notices))
    for notice in notices:
        staged.write_text(notice.url, render_notice(env, notice))
        pages.append(notice.url)
    staged.write_text(OUTPUT_MARKER, notices_json(config, notices))
    copy_tree(theme_dir() / "assets", staged, "assets")
    site_assets = config.root / "templates" / "assets"
    if site_assets.is_dir() and site_assets.resolve() != (theme_dir() / "assets").resolve():
        copy_tree(site_assets, staged, "assets")
    copy_tree(config.root / "static", staged, "")
    return pages


def copy_tree(source: Path, staged: StagedOutput, prefix: str) -> None:
    """Copy regular files only: a symlink could point anywhere on the machine."""
    if not source.is_dir():
        return
    for folder, subfolders, files in os.walk(source):  # symlinked folders are not entered
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_symlink():
                continue
            relative = path.relative_to(source).as_posix()
            staged.copy_file(path, f"{prefix}/{relative}" if prefix else relative)


def output_folder_problem(site_dir: Path, out_dir: Path) -> Diagnostic | None:
    """Refuse an output folder whose replacement would destroy the site or someone's files."""
    site, out = site_dir.resolve(), out_dir.resolve()
    if (
        out == site
        or out in site.parents
        or site in out.parents
        and out.relative_to(site).parts[0] in ("content", "templates", "static")
    ):
        return error(
            str(out_dir),
            0,
            "the output folder would overwrite the site's own files",
            "choose another --out, e.g. output/",
        )
    if out.is_dir() and any(out.iterdir()) and not (out / OUTPUT_MARKER).is_file():
        return error(
            str(out_dir),
            0,
            "the output folder is not empty and was not made by site-gen",
            "build into a new or empty folder; site-gen replaces the whole folder on every build",
        )
    return None
