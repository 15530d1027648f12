"""Pelican plugin for bench/pelican: read site-gen notices (YAML front-matter between `---` lines + Markdown).

Pelican's own Markdown reader wants `Key: value` lines; this reader splits the front-matter off, parses it with
PyYAML's C loader and renders the body with one reused Python-Markdown instance (settings["MARKDOWN"]).
The body's table of contents (Markdown `toc` extension) is exposed as the `toc` metadata, like Hugo's
.TableOfContents in bench/hugo/.
"""

from __future__ import annotations

import datetime

import yaml
from markdown import Markdown
from pelican import signals
from pelican.readers import BaseReader
from pelican.utils import pelican_open

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YAMLFrontMatterReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        self._md = Markdown(**self.settings["MARKDOWN"])

    def read(self, source_path):
        with pelican_open(source_path) as text:
            front, body = "", text
            if text.startswith("---\n"):
                end = text.find("\n---\n", 3)
                if end != -1:
                    front, body = text[4:end], text[end + 5 :]
        content = self._md.reset().convert(body)
        metadata = {"toc": getattr(self._md, "toc", "")}
        for name, value in (yaml.load(front, Loader=LOADER) or {}).items():
            name = name.lower()
            if value is None:
                continue
            if name == "date" and not isinstance(value, datetime.datetime):
                value = datetime.datetime(value.year, value.month, value.day)  # Pelican wants a datetime
            elif name in self.settings["FORMATTED_FIELDS"]:
                value = self._md.reset().convert(str(value))
            if name != "date":
                value = self.process_metadata(name, value)
            metadata[name] = value
        return content, metadata


def add_reader(readers):
    for extension in YAMLFrontMatterReader.file_extensions:
        readers.reader_classes[extension] = YAMLFrontMatterReader


def register():
    signals.readers_init.connect(add_reader)
