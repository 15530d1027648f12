"""Split a notice file into YAML front-matter and Markdown body, keeping line numbers.

Clerks type full-width colons (``title：…``) and paste from Word; those are
forgiven here so that YAML only complains about real mistakes, and every
complaint names the line in the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .diagnostics import Diagnostic, error

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: much faster


class _Loader(_BaseLoader):
    """Safe YAML, but dates stay text: YAML's own date parsing raises on 2024-02-30 instead of reporting it."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _BaseLoader.construct_scalar)

_FENCE = re.compile(r"^(---|－－－|———)\s*$")
# "title：值" or "title: 值" at the start of a line: a key followed by a full-width colon.
_FULLWIDTH_KEY = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w-]*)\s*：[ \t\u3000]*", re.MULTILINE)


@dataclass
class FrontMatter:
    data: dict = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> 1-based line
    body: str = ""
    body_line: int = 1  # line of the file where the body starts


def split(text: str, path: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Front-matter and body of a notice; None with a located error when it cannot be read."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None, [
            error(
                path,
                1,
                "the file does not start with front-matter (a line of ---)",
                "start the file with ---, the title, organization and date, then --- again",
            )
        ]
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            break
    else:
        return None, [
            error(
                path,
                1,
                "the front-matter is not closed: no second --- line",
                "add a line with only --- after the last front-matter field",
            )
        ]
    yaml_text = "\n".join(lines[1:index])
    yaml_text = _FULLWIDTH_KEY.sub(lambda m: m.group(1) + ": ", yaml_text).replace("\t", "  ")
    try:
        data, key_lines = _load_yaml(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark else 2
        column = mark.column + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [
            error(
                path,
                line,
                f"front-matter is not valid YAML: {problem}",
                'check the colon after each field name and quote values that contain ": "',
                column,
            )
        ]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [
            error(
                path,
                2,
                "front-matter must be a list of fields (name: value)",
                "write one field per line, e.g. title: 关于……的通报",
            )
        ]
    body = "\n".join(lines[index + 1 :])
    return FrontMatter(data, {k: v + 1 for k, v in key_lines.items()}, body, index + 2), []


def _load_yaml(text: str) -> tuple[object, dict[str, int]]:
    """Parse YAML once, keeping the line of each top-level key."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        key_lines = {}
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                if isinstance(key_node.value, str):
                    key_lines[key_node.value] = key_node.start_mark.line + 1
        return loader.construct_document(node), key_lines
    finally:
        loader.dispose()
