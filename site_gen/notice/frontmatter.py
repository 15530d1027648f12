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
# "title：值", "title: 值" or "title:　值" at the start of a line: a key followed by a full-width colon or space.
_FULLWIDTH_KEY = re.compile(
    r"^([ \t\u3000]*(?:-\s+)?[A-Za-z_][\w-]*)[ \t]*(?:：|:(?=\u3000))[ \t\u3000]*", re.MULTILINE
)
_INDENT = re.compile(r"^[ \t\u3000]+", re.MULTILINE)
_NO_SPACE_AFTER_COLON = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w.-]*):(?=[^\s:/])")
_KEY = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w.-]*):\s+")


def forgiving(text: str) -> str:
    """YAML as a clerk types it, made YAML: full-width colons after a key, and tabs or full-width spaces (U+3000,
    as an IME types them) in the indentation, taken as spaces. Every line stays where it was."""
    text = _FULLWIDTH_KEY.sub(lambda m: m.group(1) + ": ", text)
    text = _INDENT.sub(lambda m: m.group(0).replace("\t", "  ").replace("\u3000", "  "), text)
    return text.replace("\t", "  ")


def explained(
    lines: list[str], line: int, column: int, problem: str, context_line: int | None, context_column: int = 0
) -> dict[str, str]:
    """What a clerk can do about a YAML error at (line, column), 0-based in lines: the cause (a key of
    messages.YAML_CAUSES, "" when none is known), the line to quote, where its caret goes and the fixed line."""
    at = min(line, len(lines) - 1) if lines else 0
    if context_line is not None and context_line < len(lines) and ("or ']'" in problem or "or '}'" in problem):
        # an unclosed [ or {: YAML notices it lines later, at the next key; the slip is where the bracket opened
        opened = lines[context_line]
        bracket = opened[context_column : context_column + 1]
        closing = {"[": "]", "{": "}"}.get(bracket, "")
        unbalanced = closing and opened.count(bracket) > opened.count(closing)
        fix = opened.rstrip() + closing if unbalanced else ""  # closed on this line, the likely intent
        return _cause("unclosed-bracket", context_line, opened, context_column + 1, fix)
    if "quoted scalar" in problem and context_line is not None:
        quoted = lines[context_line]
        opening = next((ch for ch in quoted[quoted.find(":") + 1 :].lstrip() if ch in "\"'"), '"')
        return _cause("unclosed-quote", context_line, quoted, len(quoted), quoted.rstrip() + opening)
    for candidate in range(at, max(-1, at - 2), -1):  # a missing space makes YAML stumble on the next line
        found = _NO_SPACE_AFTER_COLON.match(lines[candidate]) if lines else None
        if found:
            text = lines[candidate]
            return _cause(
                "no-space-after-colon", candidate, text, found.end(), text[: found.end()] + " " + text[found.end() :]
            )
    text = lines[at] if lines else ""
    key = _KEY.match(text)
    if "mapping values" in problem and key and ": " in text[key.end() :]:
        value = text[key.end() :].strip().replace("\\", "\\\\").replace('"', '\\"')
        colon = key.end() + text[key.end() :].find(": ")
        return _cause("colon-in-value", at, text, colon + 1, f'{key.group(1).strip()}: "{value}"')
    if "\t" in text:
        return _cause("tab", at, text, text.find("\t") + 1, text.replace("\t", "  "))
    if "\u3000" in text:  # indentation in full-width spaces is read as spaces: here it indents a line too far
        fixed = text.lstrip(" \u3000") if text.startswith("\u3000") else text.replace("\u3000", " ")
        return _cause("fullwidth-space", at, text, text.find("\u3000") + 1, fixed)
    return _cause("", at, text, column + 1, "")


def _cause(cause: str, line: int, text: str, column: int, fix: str) -> dict[str, str]:
    return {"cause": cause, "at_line": str(line), "source_line": text, "caret": str(column), "fix": fix.rstrip()}


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
    document, problems = read_yaml("\n".join(lines[1:index]), path, "front-matter-yaml", first_line=2)
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
        document = _load_yaml(forgiving(text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        context = getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        why = explained(
            text.split("\n"),
            mark.line if mark else 0,
            mark.column if mark else 0,
            f"{problem} {getattr(exc, 'context', '') or ''}",
            context.line if context else None,
            context.column if context else 0,
        )
        line = int(why.pop("at_line")) + first_line
        return None, [error(path, line, syntax_code, int(why["caret"]), problem=problem, **why)]
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
