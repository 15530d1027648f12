"""The outline of a pasted notice: parts, sections, issues, sub-problems and status lines.

Real notices use any subset of 一、 > (一) > 1. > (1) > 一是, restart or skip numbers,
wrap headings over two lines, and put status labels either once per issue or once
per 一是 block. Lines are classified first, then grouped; nothing is dropped: a line
that fits no rule stays as text where it stood.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..config import SiteConfig
from ..numbering import PATTERNS, leading_number
from ..reader import MAX_STATUS_LENGTH
from ..statuses import Vocabulary

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


LEVELS = ("chinese_comma", "chinese_paren", "arabic_dot", "arabic_paren")  # 一、 > (一) > 1. > (1)
ITEM = 2  # the 1. level: where issues are when nothing in the notice says otherwise


def level_of(text: str) -> int | None:
    """The numbering level a line starts with (0 = 一、 ... 3 = (1)), or None for plain text."""
    for level, name in enumerate(LEVELS):
        if PATTERNS[name].match(text):
            return None if level == 0 and len(text) > 80 else level  # a long 一、 line is a paragraph
    return None


def status_labels(config: SiteConfig) -> re.Pattern:
    """A line introduced by one of the site's status keys (整改进度/整改情况/整改状态 unless site.yaml says
    otherwise): the same labels the reader accepts, so a status found here is a status on the site."""
    keys = "|".join(map(re.escape, config.status_keys))
    return re.compile(rf"^({keys})\s*[:：]\s*(.+)$")


def is_status(text: str, labels: re.Pattern, vocabulary: Vocabulary) -> bool:
    """Decided by the value: 整改情况：<measures> is text, 整改情况：整改完成 is a status."""
    match = labels.match(text)
    return bool(match) and vocabulary.lookup(match.group(2)).status is not None


def unknown_status(text: str, labels: re.Pattern) -> bool:
    """整改情况：<a few words> that no wording in the vocabulary matches: maybe a status the site does not know."""
    match = labels.match(text)
    return bool(match) and len(match.group(2)) <= MAX_STATUS_LENGTH


def problem_like(text: str, level: int) -> bool:
    """关于……的问题, or a first sentence naming a 问题: the heading states a finding, not a measure."""
    body = text[PATTERNS[LEVELS[level]].match(text).end() :].strip()
    first = re.split(r"[。；;]", body, maxsplit=1)[0]
    return body.startswith("关于") or "的问题" in first or first.endswith("问题")


def issue_level(texts: list[str], levels: list[int | None], statuses: list[bool]) -> int:
    """Which numbering level holds the issues: real notices put them at (一), 1. or elsewhere.

    Status lines vote for the level of the heading just above them, or of the heading since
    the previous status line that states a problem ((一)关于…的问题 / 1.措施 / 整改情况：…). Without any, the
    shallowest level where at least a third of the headings state a problem wins
    (seed 000: (一) headings name areas, 1. headings include 关于……的问题).
    """
    votes: Counter[int] = Counter()
    current = None
    stating: int | None = None  # the last heading since the previous status line that states a problem
    for text, level, status in zip(texts, levels, statuses, strict=True):
        if status and current is not None:
            votes[current if stating is None else stating] += 1
            stating = None
        if level is not None:
            current = level
            stating = level if problem_like(text, level) else stating
    if votes:
        return votes.most_common(1)[0][0]
    present = sorted({level for level in levels if level is not None})
    for level in present:
        heads = [text for text, lv in zip(texts, levels, strict=True) if lv == level]
        hits = sum(problem_like(text, level) for text in heads)
        if hits and hits * 3 >= len(heads):
            return level
    return ITEM if ITEM in present or not present else present[-1]


def problem_groups(texts, levels, statuses, top: int) -> list[bool]:
    """Per line: does its group (the span between headings above the issue level) hold problems?

    Keeps the 1. 2. steps of a 总体情况 or the (一)(二) of a 下一步 part from becoming issues.
    When no group shows a problem at all, every group counts (the numbering is all there is).
    """
    flags = [False] * len(texts)
    start = 0
    spans = []
    for index, level in enumerate(levels + [-1]):
        if level is not None and level < top:
            spans.append((start, index))
            start = index
    for begin, stop in spans:
        flags[begin:stop] = [
            any(
                statuses[i] or (levels[i] is not None and levels[i] >= top and problem_like(texts[i], levels[i]))
                for i in range(begin, stop)
            )
        ] * (stop - begin)
    return flags if any(flags) else [True] * len(texts)


def classify(lines: list[tuple[int, str]], config: SiteConfig) -> list[str]:
    """Each line's role: part, issue, sub, status or text (headings that hold no issue are text)."""
    texts = [text for _, text in lines]
    levels = [level_of(text) for text in texts]
    labels = status_labels(config)
    statuses = [is_status(text, labels, config.vocabulary) for text in texts]
    top = issue_level(texts, levels, statuses)
    in_problems = problem_groups(texts, levels, statuses, top)
    kinds = []
    for text, level, status, problems in zip(texts, levels, statuses, in_problems, strict=True):
        if status:
            kinds.append("status")
        elif level is None or level > top + 1:
            kinds.append("text")
        elif level < top:
            kinds.append("heading")
        elif level == top:
            kinds.append("issue" if problems else "text")
        else:
            kinds.append("sub" if problem_like(text, level) else "text")
    return settle_headings(kinds, levels)


def settle_headings(kinds: list[str], levels: list[int | None]) -> list[str]:
    """A 一、 line is always a part; a deeper heading only when an issue follows before its next sibling."""
    result = list(kinds)
    for index, kind in enumerate(kinds):
        if kind != "heading":
            continue
        holds = False
        for later, later_level in zip(kinds[index + 1 :], levels[index + 1 :], strict=True):
            if later == "issue":
                holds = True
                break
            if later == "heading" and later_level <= levels[index]:
                break
        result[index] = "part" if holds or levels[index] == 0 else "text"
    return result


def split_heading(text: str) -> tuple[str, str]:
    """'8.关于…的问题。一是…' -> ('8.关于…的问题。', '一是…'): the problem, then what was done."""
    end = text.find("的问题。")
    if 0 <= end <= 200:
        cut = end + 4
    else:
        stop = text.find("。")
        cut = stop + 1 if 0 <= stop <= 90 else len(text)
    return text[:cut].strip(), text[cut:].strip()


def outline(lines: list[tuple[int, str]], config: SiteConfig) -> Outline:
    lines = join_wrapped_headings(lines)
    kinds = classify(lines, config)
    labels = status_labels(config)
    result = Outline()
    part: Part | None = None
    issue: Block | None = None
    target: list[str] = result.intro
    for (number, text), kind in zip(lines, kinds, strict=True):
        if kind == "part":
            part = Part(text, number)
            result.parts.append(part)
            issue, target = None, part.lines
        elif kind == "issue":
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
        elif kind == "text" and unknown_status(text, labels):
            result.notes.append(
                f"第 {number} 行“{text}”不是已知的整改状态写法，按正文保留；如果它是状态，请把这种写法加到 site.yaml 的 "
                f"statuses: 中再导入 (line {number}: unknown status wording kept as text)"
            )
            target.append(text)
        elif kind == "status" and issue is not None:
            target.append("\x00" + text)  # marked: placed by settle_statuses
        else:
            target.append(text)
    for issue in result.issues:
        settle_statuses(issue)
    result.notes += numbering_gaps(result)
    return result


def outline_as_text(body: list[tuple[int, str]]) -> Outline:
    """A report or other document: its 一、 parts as text sections, nothing read as an issue or a status."""
    result = Outline()
    target = result.intro
    for number, text in body:
        if level_of(text) == 0:
            result.parts.append(Part(text, number))
            target = result.parts[-1].lines
        else:
            target.append(text)
    return result


def join_wrapped_headings(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """'(1)关于…没有严格落实补学' + '制度的问题。建立…' is one heading broken by the page layout."""
    joined: list[tuple[int, str]] = []
    skip = False
    for index, (number, text) in enumerate(lines):
        if skip:
            skip = False
            continue
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        wrapped = (
            level_of(text) is not None
            and "关于" in text[:12]
            and "问题" not in text
            and not text.endswith(("。", "：", ":"))
            and following
            and level_of(following) is None
            and "的问题" in following[:40]
        )
        joined.append((number, text + following) if wrapped else (number, text))
        skip = bool(wrapped)
    return joined


def settle_statuses(issue: Block) -> None:
    """Put each status line where the notice format wants it: under the issue or its 一是 sub-problems."""
    for sub in issue.subs:
        sub.status, sub.lines = first_status(sub.lines)
    marked = [i for i, text in enumerate(issue.lines) if text.startswith("\x00")]
    if issue.subs and any(sub.status for sub in issue.subs):  # the subs carry the statuses: keep the issue's as text
        issue.lines = ["原文另标：" + text[1:] if text.startswith("\x00") else text for text in issue.lines]
        return
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
            notes.append(f"问题编号从 {a} 跳到 {b}，中间的编号原文没有，未补 (issue numbers jump from {a} to {b})")
    sections = [leading_number(p.title) for p in result.parts if p.issues and p.title]
    sections = [n for n in sections if n is not None]
    for a, b in zip(sections, sections[1:], strict=False):
        if b > a + 1:
            notes.append(f"方面编号从 {a} 跳到 {b}，原文如此，未补 (section numbers jump from {a} to {b})")
    return notes
