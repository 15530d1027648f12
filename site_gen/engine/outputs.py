"""Every file of the site, declared once: its address, the key of what it is made from, and how to make it.

The build, the preview and the build state all ask one question of these declarations:
which outputs have a key other than the one last written? A new kind of page (a notice
series, an overdue list) is one more declaration here.

Keys are digests of everything a file shows, so an edit rewrites exactly the files that
show what changed: its notice's page and record, and the list pages listing it. A key is only compared,
never read for what kind of file it is (its words, "page-", "data-", only keep two files' keys apart); what
differs by kind is a field (in_sitemap, site_wide, copy_of), and a failed build's pages have a folder of their
own in the cache. Every page made from a template also has the templates' digest in its key (themed()): editing
the theme makes pages again, and nothing else. This module
declares a notice's own files and those copied as they are; list_outputs.py the pages that
list notices.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from ..base import addresses
from ..base.theme import theme_dir
from ..notice.config import SiteConfig
from .cache import digest
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


@dataclass(frozen=True)
class Product:
    """One file a notice makes: its address, its key, and how it is made (part of the rendered pair, or a copy).

    `across` marks a file that shows other notices (a page in a series: its neighbours, its issues' history):
    its key is the site's, computed once every file is read, and it is made at staging. The others depend on
    their own file alone and are made in the read worker, while the notice is in memory."""

    address: str
    key: str
    part: int = -1  # 0 the page, 1 the data record, 2 and 3 its ledger (.xlsx, .csv); -1 a copied file
    copy_of: str | None = None
    across: bool = False


def notice_products(record: SourceRecord, theme: str, across_key: str = "") -> list[Product]:
    """A notice's page, its full data record, its ledger and its attached files, in that order.

    `theme` is the templates' digest (cache.theme_signature): the page is made from them. `across_key` digests
    what the page shows of the other notices of its series (the site's series_keys); a notice outside any series
    has none, and its page's key is its own file's."""
    page_key = digest(record.page_key, across_key) if record.series else record.page_key
    found = [
        Product(addresses.notice_page(record.slug), page_key_of(page_key, theme), 0, across=bool(record.series)),
        Product(addresses.notice_data(record.slug), "data-" + record.page_key, 1),  # lists the attachments' sizes
    ]
    page = addresses.notice_page(record.slug)  # its ledger (2 .xlsx, 3 .csv): its notices.json entry's rows
    found += [
        Product(addresses.ledger_of(page, f), f"ledger-{f}-{record.data_key}", part)
        for part, f in enumerate(addresses.LEDGER_FORMATS, start=2)
    ]
    found += [Product(a.address, "file-" + repr(a.stamp), copy_of=a.source) for a in record.attachments]
    return found


def page_key_of(key: str, theme: str) -> str:
    """A page's key: what it shows, and the templates it is made from."""
    return "page-" + digest(theme, key)


def themed(output: Output, theme: str) -> Output:
    """A list page with the templates' digest in its key, as a notice's page has (page_key_of); files that are
    not pages made from a template (feeds, data, ledgers, copies) as they are."""
    if output.copy_of is not None or not output.path.endswith(".html"):
        return output
    return replace(output, key=page_key_of(output.key, theme))


def notice_outputs(
    record: SourceRecord,
    render: Callable[[int], str | bytes],
    theme: str,
    across_key: str = "",
    own_only: bool = False,
) -> list[Output]:
    """The products as outputs; `render(part)` makes the page (0), the record (1) or a ledger (2, 3). own_only:
    those made from the notice's own file alone (what a read worker makes)."""
    found = []
    for product in notice_products(record, theme, across_key):
        if own_only and product.across:
            continue
        if product.copy_of is not None:
            found.append(Output(product.address, product.key, copy_of=product.copy_of))
        else:
            found.append(
                Output(product.address, product.key, partial(render, product.part), in_sitemap=not product.part)
            )
    return found


def notice_addresses(record: SourceRecord) -> list[str]:
    """A notice's files, in notice_products' order: its page, its data record, its ledger, its attachments."""
    return [product.address for product in notice_products(record, "")]


def own_keys(record: SourceRecord, theme: str) -> dict[str, str]:
    """The keys of the files a read worker makes: those its own file decides alone."""
    return {p.address: p.key for p in notice_products(record, theme) if not p.across}


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
