"""Every file of the site, declared once: its address, the key of what it is made from, and how to make it.

The build, the preview and the build state all ask one question of these declarations:
which outputs have a key other than the one last written? A new kind of page (a notice
series, an overdue list) is one more declaration here.

Keys are digests of everything a file shows, so an edit rewrites exactly the files that
show what changed: its notice's page and record, and the list pages listing it. This module
declares a notice's own files and those copied as they are; list_outputs.py the pages that
list notices.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..base import addresses
from ..base.theme import theme_dir
from ..notice.config import SiteConfig
from .state import SourceRecord, stamp


@dataclass(frozen=True)
class Output:
    """One file of the site: made by `make` (text) or copied from `copy_of`, when its key changes."""

    path: str
    key: str
    make: Callable[[], str | bytes] | None = None
    copy_of: str | None = None
    in_sitemap: bool = False  # a page for readers (not a feed, a data file or a style)
    site_wide: bool = False  # lists every notice: the preview writes it only when asked for

    def content(self) -> bytes:
        """What `make` makes, as the bytes of the file."""
        assert self.make is not None
        made = self.make()
        return made.encode("utf-8") if isinstance(made, str) else made


# --- a notice's own files ---------------------------------------------------------------------------


def notice_outputs(record: SourceRecord, render: Callable[[], tuple[str, str]]) -> list[Output]:
    """Its page, its full data record and its attached files; `render` makes page and record together."""
    made: list[tuple[str, str]] = []

    def part(index: int) -> Callable[[], str]:
        def make() -> str:
            if not made:
                made.append(render())
            return made[0][index]

        return make

    (page, page_key), (data, data_key), *files = notice_keys(record).items()
    found = [Output(page, page_key, part(0), in_sitemap=True), Output(data, data_key, part(1))]
    for (path, key), attached in zip(files, record.attachments, strict=True):
        found.append(Output(path, key, copy_of=attached.source))
    return found


def notice_keys(record: SourceRecord) -> dict[str, str]:
    """A notice's files and their keys, in notice_outputs' order: asked for every notice on every build."""
    keys = {
        addresses.notice_page(record.slug): record.page_key,
        addresses.notice_data(record.slug): "data-" + record.page_key,  # it lists the attachments' sizes too
    }
    for attached in record.attachments:
        keys[attached.address] = "file-" + repr(attached.stamp)
    return keys


# --- files copied as they are -----------------------------------------------------------------------


def asset_sources(config: SiteConfig) -> dict[str, str]:
    """Each published asset's address -> the file it is copied from: the theme's styles and scripts, the site's
    own templates/assets/ (a same name replaces the theme's), and static/ as it is. The one answer to "which
    site.css": the 404 page and the preview's error page take theirs from here too."""
    files = dict(files_under(theme_dir() / "assets", addresses.ASSETS))
    site_assets = config.layout.templates / "assets"
    if site_assets.resolve() != (theme_dir() / "assets").resolve():
        files.update(files_under(site_assets, addresses.ASSETS))
    files.update(files_under(config.layout.static, ""))
    return files


def asset_outputs(config: SiteConfig) -> list[Output]:
    """One declaration per address, so an override is published on every build."""
    files = asset_sources(config)
    return [Output(path, "file-" + repr(stamp(source)), copy_of=source) for path, source in sorted(files.items())]


def files_under(folder: Path, prefix: str) -> Iterator[tuple[str, str]]:
    """Regular files only, by their address: a symlink could point anywhere on the machine."""
    if not folder.is_dir():
        return
    for parent, subfolders, files in os.walk(folder):  # symlinked folders are not entered
        subfolders.sort()
        for name in sorted(files):
            path = os.path.join(parent, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue  # a link, a FIFO, a socket: never published
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            yield (f"{prefix}/{relative}" if prefix else relative), path
