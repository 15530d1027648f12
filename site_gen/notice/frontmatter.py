"""Split a notice file into YAML front-matter and Markdown body, keeping line numbers.

Clerks type full-width colons (``title：…``) and paste from Word; those are
forgiven here so that YAML only complains about real mistakes, and every
complaint names the line in the original file. The YAML is read with a line for
every key and list item (so a wrong phone number is reported on its own line),
duplicate keys are errors (YAML would silently keep the last), and aliases that
expand beyond a small budget are refused before anything is built from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from ..base.diagnostics import Diagnostic, error

try:
    from yaml import CSafeLoader as _BaseLoader  # libyaml when present: much faster
except ImportError:
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]  # the same loader, in Python
ALIAS_BUDGET = 1_000  # values reached a second time through aliases; real files use none


class _Loader(_BaseLoader):
    """Safe YAML, but dates stay text: YAML's own date parsing raises on 2024-02-30 instead of reporting it."""


# types-PyYAML types an inherited constructor method by the class defining it, not as a loader's: a stub limit
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _BaseLoader.construct_scalar)  # type: ignore[type-var]

_FENCE = re.compile(r"^(---|－－－|———)\s*$")
# "title：值" or "title: 值" at the start of a line: a key followed by a full-width colon.
_FULLWIDTH_KEY = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w-]*)\s*：[ \t\u3000]*", re.MULTILINE)


@dataclass
class FrontMatter:
    data: dict = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # dotted key or item ("contact.phones.0") -> line
    body: str = ""
    body_line: int = 1  # line of the file where the body starts


class YamlTooLarge(Exception):
    """Aliases that would expand beyond ALIAS_BUDGET: refused before they are built."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


@dataclass
class YamlDocument:
    data: object
    lines: dict[str, int]  # dotted key -> 1-based line in the YAML text
    duplicates: list[tuple[str, int, int]]  # dotted key, its line, the line of its first occurrence


def split(text: str, path: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Front-matter and body of a notice; None with a located error when it cannot be read."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None, [error(path, 1, "front-matter-missing")]
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            break
    else:
        return None, [error(path, 1, "front-matter-unclosed")]
    yaml_text = "\n".join(lines[1:index])
    yaml_text = _FULLWIDTH_KEY.sub(lambda m: m.group(1) + ": ", yaml_text).replace("\t", "  ")
    document, problems = read_yaml(yaml_text, path, "front-matter-yaml", first_line=2)
    if document is None:
        return None, problems
    data = {} if document.data is None else document.data
    if not isinstance(data, dict):
        return None, [error(path, 2, "front-matter-not-mapping")]
    body = "\n".join(lines[index + 1 :])
    return FrontMatter(data, {k: v + 1 for k, v in document.lines.items()}, body, index + 2), problems


def read_yaml(
    text: str, path: str, syntax_code: str, first_line: int = 1
) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """A YAML document with its lines, or the located reason it cannot be used (lines counted from first_line)."""
    try:
        document = _load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark else first_line
        column = mark.column + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [error(path, line, syntax_code, column, problem=problem)]
    except YamlTooLarge as exc:
        return None, [error(path, exc.line + first_line - 1, "yaml-aliases", budget=ALIAS_BUDGET)]
    duplicates = [
        error(path, line + first_line - 1, "yaml-duplicate-key", name=name, first_line=first + first_line - 1)
        for name, line, first in document.duplicates
    ]
    return document, duplicates


def _load_yaml(text: str) -> YamlDocument:
    """Parse YAML once, keeping the line of every key and item, refusing an alias bomb before building it."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {}, [])
        lines: dict[str, int] = {}
        duplicates: list[tuple[str, int, int]] = []
        _walk(node, "", lines, duplicates)
        return YamlDocument(loader.construct_document(node), lines, duplicates)
    finally:
        loader.dispose()


def _walk(root: yaml.Node, prefix: str, lines: dict[str, int], duplicates: list) -> None:
    """Record each key's line; count nodes met again through aliases and stop past the budget."""
    seen: set[int] = set()
    repeats = 0
    stack = [(root, prefix)]
    while stack:
        node, where = stack.pop()
        if id(node) in seen:
            repeats += 1
            if repeats > ALIAS_BUDGET:
                raise YamlTooLarge(node.start_mark.line + 1)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = f"{where}{key_node.value}" if isinstance(key_node.value, str) else f"{where}?"
                line = key_node.start_mark.line + 1
                if key in first and isinstance(key_node.value, str):
                    duplicates.append((key, line, first[key]))
                first.setdefault(key, line)
                lines.setdefault(key, line)
                stack.append((value_node, key + "."))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                key = f"{where}{index}"
                lines.setdefault(key, item.start_mark.line + 1)
                stack.append((item, key + "."))
