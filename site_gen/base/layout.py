"""Where a site keeps its files. One place names every folder, so no module spells "content" or "output" itself.

Zola keeps `content_path`, `static_path`, `templates_path` and `output_path` as fields of one `Site`; this is ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CONFIG_FILE = "site.yaml"
CONTENT = "content"  # the notices, and the files they attach
TEMPLATES = "templates"  # a site's own templates, replacing the theme's of the same name
STATIC = "static"  # published as it is
OUTPUT = "output"  # the published site (build)
PREVIEW = ".preview"  # the preview's site (serve): never output/
CACHE = ".site-gen-cache"  # the build state and cache: safe to delete
SOURCES = (CONTENT, TEMPLATES, STATIC)  # what the site's author writes: never an output, watched by the preview


@dataclass(frozen=True)
class SiteLayout:
    """The folders of one site, from its root."""

    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def content(self) -> Path:
        return self.root / CONTENT

    @property
    def templates(self) -> Path:
        return self.root / TEMPLATES

    @property
    def static(self) -> Path:
        return self.root / STATIC

    @property
    def output(self) -> Path:
        return self.root / OUTPUT

    @property
    def preview(self) -> Path:
        return self.root / PREVIEW

    @property
    def cache(self) -> Path:
        return self.root / CACHE
