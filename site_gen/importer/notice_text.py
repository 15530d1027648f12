"""An import's findings -> the text of a site-gen notice, checked by the site's own reader.

The notice is written, then read back with ``parse_notice``: what the report says is
what ``check`` and ``build`` will see. When the source repeats numbers (two 1. in one
section, two (一) under different 一、 parts) the derived ids would collide, so the
reader's ids are inspected and the repeated ones get an explicit ``{#id}``.
"""

from __future__ import annotations

import itertools
import re

from ..base.diagnostics import Diagnostic
from ..notice.config import SiteConfig
from ..notice.model import Notice
from ..notice.reader import parse_notice
from ..notice.schema import body_labels, front_matter_text
from .reading import TABLE
from .structure import Block, Outline

_MARKDOWN_START = re.compile(r"^(\s*)([#>+\-*=]|\d+[.)])")
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<])")


IMPORTED_FROM = "# site-gen import: "  # the front-matter's first line: which source an import wrote this from


def imported_from(text: str) -> str | None:
    """The source file name an earlier import recorded in this notice's first lines; None when a person wrote it."""
    lines = text.split("\n", 2)
    if len(lines) >= 2 and lines[0].strip() == "---" and lines[1].startswith(IMPORTED_FROM):
        return lines[1].removeprefix(IMPORTED_FROM).strip()
    return None


def write_notice(
    front: dict, tree: Outline, source: str, config: SiteConfig, slug: str, origin: str = ""
) -> tuple[str, Notice | None, list[Diagnostic]]:
    """The notice text, and the notice and diagnostics the reader makes of it; origin is the source's file name,
    recorded so that `import --force` replaces only what an import of the same source wrote."""
    explicit: dict[int, str] = {}
    labels = body_labels(config.status_keys).pattern  # the reader's labelled-line rule: status and per-issue lines
    for _ in range(3):  # a renamed section changes its issues' ids: look again
        markdown = render_markdown(front, tree, explicit, labels, origin)
        notice, diagnostics = parse_notice(markdown, source, config, slug)
        if notice is None or not repeated_ids(tree, notice, explicit):
            break
    return markdown, notice, diagnostics


def repeated_ids(tree: Outline, notice: Notice, explicit: dict[int, str]) -> bool:
    """Give every section or issue whose id was already used an explicit one; True if any was given."""
    if len(tree.parts) != len(notice.sections):
        return False
    seen: set[str] = set()
    changed = False
    for part, section in zip(tree.parts, notice.sections, strict=True):
        if section.id and section.id in seen:
            explicit[id(part)] = fresh(section.id, seen)
            seen.add(explicit[id(part)])
            changed = True
            continue  # its issues' ids change with it: checked on the next pass
        seen.add(section.id)
        for block, issue in zip(part.issues, section.issues, strict=True):
            if issue.id in seen:
                explicit[id(block)] = fresh(issue.id, seen)
                changed = True
            seen.add(explicit.get(id(block), issue.id))
    return changed


def fresh(base: str, seen: set[str]) -> str:
    """s1 -> s1b, s1c, … s1z, s1zb, s1zc, … (letters, not s1-2: that is the form of an issue id)."""
    for count in itertools.count(1):
        suffix = "z" * ((count - 1) // 25) + "bcdefghijklmnopqrstuvwxyz"[(count - 1) % 25]
        if base + suffix not in seen:
            return base + suffix
    raise AssertionError("itertools.count never ends")


def render_markdown(front: dict, tree: Outline, explicit: dict[int, str], labels: re.Pattern, origin: str = "") -> str:
    origin_line = [IMPORTED_FROM + " ".join(origin.split())] if origin else []  # one line, whatever the name
    out = ["---", *origin_line, front_matter_text(front), "---", ""]
    out += paragraphs(tree.intro)
    for part in tree.parts:
        if part.title:  # issues before any heading: the reader puts them in an untitled section
            out += [heading("##", part.title, explicit.get(id(part))), ""]
        out += paragraphs(part.lines)
        for issue in part.issues:
            out += block(issue, "###", explicit, labels)
    return "\n".join(out).rstrip() + "\n"


def heading(level: str, title: str, anchor: str | None) -> str:
    return f"{level} {inline(title)}" + (f" {{#{anchor}}}" if anchor else "")


def block(item: Block, level: str, explicit: dict[int, str], labels: re.Pattern) -> list[str]:
    """A heading, its status line and per-issue lines, its text, its sub-problems.

    A status the site does not know is written as the notice words it: check reports it with its hint, as for
    a hand-written notice. A bare label (整改情况：, the measures on the lines below) first under a heading would
    be read as an empty status: its text is joined to the next line. A labelled line of prose below a status line
    (整改情况：已对……) would be read as the block's second one: its colon is written as a character reference.
    """
    lines = [heading(level, item.title, explicit.get(id(item)))]
    if item.status:
        lines.append(item.status)
    lines += item.fields
    lines.append("")
    text = list(item.lines)
    if not item.status and len(text) > 1 and (match := labels.match(text[0])) and not match.group("value"):
        text[:2] = [text[0] + text[1]]  # 整改情况： + 已对……: one paragraph, as the label introduces it
    elif text and (item.status or item.fields) and (match := labels.match(text[0])):
        colon = match.start("colon")
        text[0] = text[0][:colon] + f"&#{ord(match.group('colon'))};" + text[0][colon + 1 :]
    lines += paragraphs(text)
    for sub in item.subs:
        lines += block(sub, "####", explicit, labels)
    return lines


def paragraphs(lines: list[str]) -> list[str]:
    out = []
    for text in lines:
        out += [table(text) if text.startswith(TABLE) else escape(text), ""]
    return out


def table(text: str) -> str:
    """A source table (rows of tab-separated cells) as a Markdown table: its first row is the header."""
    rows = [row.split("\t") for row in text.removeprefix(TABLE).split("\n")]
    width = max(len(row) for row in rows)
    cells = [[inline(cell).replace("|", "\\|") for cell in row] + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


def inline(text: str) -> str:
    return _MARKDOWN_INLINE.sub(r"\\\1", text)


def escape(text: str) -> str:
    """Keep the clerk's text as text: no accidental lists, headings, emphasis or HTML."""
    text = inline(text)
    return _MARKDOWN_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
