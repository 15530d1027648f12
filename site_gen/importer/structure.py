"""The outline of a pasted notice: parts, sections, issues, sub-problems and status lines.

Real notices use any subset of 一、 > (一) > 1. > (1) > 一是, restart or skip numbers,
wrap headings over two lines, and put status labels either once per issue or once
per 一是 block. Lines are classified first, then grouped; nothing is dropped: a line
that fits no rule stays as text where it stood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numbering import PATTERNS, leading_number
from ..statuses import Vocabulary

STATUS_LINE = re.compile(r"^(整改情况|整改进度|整改状态|整改结果|完成情况)\s*[:：]\s*(.+)$")
SHI = PATTERNS["chinese_shi"]


@dataclass
class Block:
    """An issue or sub-problem being assembled."""

    title: str
    line: int
    status: str = ""  # the label line as written, e.g. 整改情况:视同完成,持续整改
    lines: list[str] = field(default_factory=list)
    subs: list[Block] = field(default_factory=list)


@dataclass
class Part:
    """A section of the notice: a 方面 holding issues, or a text part (总体情况, 下一步)."""

    title: str
    line: int
    lines: list[str] = field(default_factory=list)
    issues: list[Block] = field(default_factory=list)


@dataclass
class Outline:
    intro: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def issues(self) -> list[Block]:
        return [issue for part in self.parts for issue in part.issues]


def kind_of(text: str, vocabulary: Vocabulary) -> str:
    status = STATUS_LINE.match(text)
    if status and vocabulary.lookup(status.group(2)).status is not None:
        return "status"  # decided by the value: 整改情况：<measures> is text
    if PATTERNS["chinese_comma"].match(text) and len(text) <= 80:
        return "part"
    if PATTERNS["chinese_paren"].match(text):
        return "section"
    if PATTERNS["arabic_dot"].match(text):
        return "item"
    if PATTERNS["arabic_paren"].match(text) and ("关于" in text[:12] or "问题" in text[:160]):
        return "sub"
    return "text"


def split_heading(text: str) -> tuple[str, str]:
    """'8.关于…的问题。一是…' -> ('8.关于…的问题。', '一是…'): the problem, then what was done."""
    end = text.find("的问题。")
    if 0 <= end <= 200:
        cut = end + 4
    else:
        stop = text.find("。")
        cut = stop + 1 if 0 <= stop <= 90 else len(text)
    return text[:cut].strip(), text[cut:].strip()


def outline(lines: list[tuple[int, str]], vocabulary: Vocabulary) -> Outline:
    kinds = [kind_of(text, vocabulary) for _, text in lines]
    lines, kinds = join_wrapped_headings(lines, kinds)
    holds_items = items_below(kinds)
    result = Outline()
    part: Part | None = None
    issue: Block | None = None
    target: list[str] = result.intro
    for index, ((number, text), kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind in ("part", "section") and (holds_items[index] or kind == "part"):
            part = Part(text, number)
            result.parts.append(part)
            issue, target = None, part.lines
        elif kind == "item":
            if part is None:
                part = Part("", number)
                result.parts.append(part)
            title, rest = split_heading(text)
            issue = Block(title, number)
            part.issues.append(issue)
            target = issue.lines
            if rest:
                target.append(rest)
        elif kind == "sub" and issue is not None:
            title, rest = split_heading(text)
            sub = Block(title, number)
            issue.subs.append(sub)
            target = sub.lines
            if rest:
                target.append(rest)
        elif kind == "status" and issue is not None:
            target.append("\x00" + text)  # marked: placed by settle_statuses
        else:
            target.append(text)
    for issue in result.issues:
        settle_statuses(issue)
    result.notes += numbering_gaps(result)
    return result


def join_wrapped_headings(lines, kinds):
    """'(1)关于…没有严格落实补学' + '制度的问题。建立…' is one heading broken by the page layout."""
    joined_lines, joined_kinds = [], []
    skip = False
    for index, ((number, text), kind) in enumerate(zip(lines, kinds, strict=True)):
        if skip:
            skip = False
            continue
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        wrapped = (
            kind in ("sub", "item")
            and "关于" in text[:12]
            and "问题" not in text
            and not text.endswith(("。", "：", ":"))
            and kinds[index + 1 : index + 2] == ["text"]
            and "的问题" in following[:40]
        )
        if wrapped:
            joined_lines.append((number, text + following))
            skip = True
        else:
            joined_lines.append((number, text))
        joined_kinds.append(kind)
    return joined_lines, joined_kinds


def items_below(kinds: list[str]) -> list[bool]:
    """For each part/section line: does an issue (1.) follow before the next heading of its level or above?"""
    result = [False] * len(kinds)
    for index, kind in enumerate(kinds):
        if kind not in ("part", "section"):
            continue
        stops = ("part",) if kind == "part" else ("part", "section")
        for later in kinds[index + 1 :]:
            if later == "item":
                result[index] = True
                break
            if later in stops:
                break
    return result


def settle_statuses(issue: Block) -> None:
    """Put each status line where the notice format wants it: under the issue or its 一是 sub-problems."""
    for sub in issue.subs:
        sub.status, sub.lines = first_status(sub.lines)
    marked = [i for i, text in enumerate(issue.lines) if text.startswith("\x00")]
    if len(marked) <= 1 or issue.subs:
        issue.status, issue.lines = first_status(issue.lines)
        return
    issue.subs = shi_blocks(issue)
    issue.lines = issue.lines[: next((i for i, t in enumerate(issue.lines) if SHI.match(t) or t.startswith("\x00")), 0)]


def first_status(lines: list[str]) -> tuple[str, list[str]]:
    """The block's status label, and its other lines; a second label in one block stays visible as text."""
    status, rest = "", []
    for text in lines:
        if text.startswith("\x00"):
            if not status:
                status = text[1:]
                continue
            text = "原文另标：" + text[1:]
        rest.append(text)
    return status, rest


def shi_blocks(issue: Block) -> list[Block]:
    """One sub-problem per status label: the 一是… text above the label, the measures below it."""
    blocks: list[Block] = []
    pending: list[str] = []
    current: Block | None = None
    start = next((i for i, t in enumerate(issue.lines) if SHI.match(t) or t.startswith("\x00")), 0)
    for text in issue.lines[start:]:
        if text.startswith("\x00"):
            title, rest = split_heading(pending[0]) if pending else ("", "")
            current = Block(title or issue.title, issue.line, status=text[1:])
            current.lines = ([rest] if rest else []) + pending[1:]
            blocks.append(current)
            pending = []
        elif SHI.match(text) or current is None:
            pending.append(text)
        else:
            current.lines.append(text)
    if pending and blocks:  # problem text after the last label (no status of its own): keep it, unstated
        title, rest = split_heading(pending[0])
        blocks.append(Block(title, issue.line, lines=([rest] if rest else []) + pending[1:]))
    return blocks


def numbering_gaps(result: Outline) -> list[str]:
    """Skipped numbers are reported, never filled in: (一) -> (三) may be a deliberate omission."""
    notes = []
    numbers = [leading_number(issue.title) for issue in result.issues]
    numbers = [n for n in numbers if n is not None]
    for a, b in zip(numbers, numbers[1:], strict=False):
        if b > a + 1:
            notes.append(f"issue numbers jump from {a} to {b}")
    sections = [leading_number(p.title) for p in result.parts if p.issues and p.title]
    sections = [n for n in sections if n is not None]
    for a, b in zip(sections, sections[1:], strict=False):
        if b > a + 1:
            notes.append(f"section numbers jump from {a} to {b}")
    return notes
