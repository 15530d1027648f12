"""The outline of a pasted notice: parts, sections, issues, sub-problems, status lines and per-issue lines.

Real notices use any subset of 一、 > (一) > 1. > (1) > 一是, restart or skip numbers,
wrap headings over two lines, and put status labels either once per issue or once
per 一是 block. Lines are classified first, then grouped; nothing is dropped: a line
that fits no rule stays as text where it stood.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from dataclasses import dataclass, field

from ..base.cli_text import Listed, Note, note
from ..notice.config import SiteConfig
from ..notice.grammar import MAX_STATUS_LENGTH, SHI, LineLabels, after_number, level_of, status_line
from ..notice.numbering import leading_number
from ..notice.schema import body_labels, date_forms, read_body_line
from ..notice.statuses import Vocabulary


class Kind(enum.Enum):
    """What a line of the notice is, decided once by classify()."""

    PART = "part"  # a section: a 方面 holding issues, or a text part (总体情况, 下一步)
    HEADING = "heading"  # a numbered heading above the issue level, not yet known to hold issues
    ISSUE = "issue"
    SUB = "sub"  # a sub-problem under an issue
    STATUS = "status"  # 整改情况：整改完成
    FIELD = "field"  # 整改时限：2024年6月底, 责任单位：… (a per-issue line check reads as one)
    TEXT = "text"


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source
    text: str
    kind: Kind = Kind.TEXT
    field: str = ""  # of a FIELD line: the model attribute it sets (deadline, responsible, …)


@dataclass
class Block:
    """An issue or sub-problem being assembled: its lines keep their kinds until settle_statuses."""

    title: str
    line: int
    status: str = ""  # the label line as written, e.g. 整改情况:视同完成,持续整改
    fields: list[str] = field(default_factory=list)  # its per-issue lines as written, e.g. 整改时限：2024年6月底
    items: list[Line] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the text, once statuses are settled
    subs: list[Block] = field(default_factory=list)


@dataclass
class Part:
    """A section of the notice: a 方面 holding issues, or a text part (总体情况, 下一步)."""

    title: str
    line: int
    items: list[Line] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the text, once the outline is made
    issues: list[Block] = field(default_factory=list)


@dataclass
class Outline:
    intro: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    decision: Note | None = None  # which part holds the problems, and why
    unheaded: list[int] = field(default_factory=list)  # status lines with no heading of their own

    @property
    def issues(self) -> list[Block]:
        return [issue for part in self.parts for issue in part.issues]


ITEM = 2  # the 1. level: where issues are when nothing in the notice says otherwise


def status_labels(config: SiteConfig) -> re.Pattern:
    """A line introduced by one of the site's status keys: the reader's own pattern (site_gen/grammar.py)."""
    return status_line(config.status_keys)


def is_status(text: str, labels: re.Pattern, vocabulary: Vocabulary) -> bool:
    """Decided by the value: 整改情况：<measures> is text, 整改情况：整改完成 is a status."""
    match = labels.match(text)
    return (
        match is not None and bool(match.group("value")) and vocabulary.lookup(match.group("value")).status is not None
    )


# Whether 6月底 is a date does not depend on the year: any year decides the verdict the reader will give.
ANY_YEAR = 2000


def field_of(text: str, rule: LineLabels) -> str:
    """The field of a per-issue line the reader takes as one (整改时限：2024年6月底 -> deadline), else ""."""
    found = read_body_line(rule, text, ANY_YEAR)
    return found.spec.name if found is not None and found.values is not None else ""


def unreadable_field(text: str, rule: LineLabels) -> str:
    """The hint for 整改时限：下个月 (a per-issue line whose date the reader refuses), kept as text; "" otherwise."""
    found = read_body_line(rule, text, ANY_YEAR)
    return date_forms(found.spec) if found is not None and found.values is None else ""


def unknown_status(text: str, labels: re.Pattern) -> bool:
    """整改情况：<a few words> that no wording in the vocabulary matches: maybe a status the site does not know."""
    match = labels.match(text)
    return match is not None and bool(match.group("value")) and len(match.group("value")) <= MAX_STATUS_LENGTH


PROBLEM_PHRASE = re.compile(
    r"^问题\s*[一二三四五六七八九十\d]*\s*[:：]|存在.{0,30}(不到位|不够|不足|不严|不力|薄弱|缺失|滞后|不规范)"
)


def problem_like(text: str, level: int) -> bool:
    """关于……的问题, or a first sentence naming a 问题: the heading states a finding, not a measure."""
    body = after_number(text, level)
    first = re.split(r"[。；;]", body, maxsplit=1)[0]
    return body.startswith("关于") or "的问题" in first or first.endswith("问题") or bool(PROBLEM_PHRASE.search(first))


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


PROBLEM_PART = re.compile(r"反馈(问题|意见)|问题(的)?整改|整改落实情况|存在的?问题|具体问题|问题清单|巡察发现")
GENERAL_PART = re.compile(
    r"整改工作开展情况|组织领导|主体责任|总体部署|总体情况|基本情况|工作开展|下一步|工作打算|整改成效|主要做法|"
    r"工作措施|长效机制|取得的?成效"
)


@dataclass(frozen=True)
class Group:
    """The lines between two headings above the issue level: a part that holds problems, or not."""

    begin: int
    stop: int
    part: str  # the short heading of its 一、 part (or its own, when there is none above it)
    title: str  # the short headings that open it: its part's and its own


def short(heading: str) -> str:
    """'(一)加强领导,有序推进。为加强对…' -> '(一)加强领导,有序推进': the words a heading is known by."""
    return re.split(r"[。：:]", heading, maxsplit=1)[0][:40]


def groups_of(texts: list[str], levels: list[int | None], top: int) -> list[Group]:
    spans, start, part = [], 0, ""
    for index, level in enumerate(levels + [-1]):
        if level is not None and level < top:
            own = short(texts[start]) if start < len(texts) and (start or levels[0] is not None) else ""
            title = own if not part or own == part else f"{part} {own}"
            spans.append(Group(start, index, part or own, title))
            start = index
            if level == 0:
                part = short(texts[index])
    return spans


def problem_groups(
    texts: list[str], levels: list[int | None], statuses: list[bool], top: int, chosen: str | None
) -> tuple[list[bool], list[tuple[Group, Note | None]]]:
    """Per line: does its group hold problems? And each group with the reason it does (None when not).

    Keeps the organisation's own measures (整改工作开展情况 with its 1. 2. steps or 一是 lists, the
    (一)(二) of 下一步) from becoming issues. A group holds problems when the clerk named it
    (--problems-in), else when its heading says it is about the feedback, else when it has status
    lines, else when its headings state problems and its title does not name a general part.
    """
    flags = [False] * len(texts)
    judged: list[tuple[Group, Note | None]] = []
    for group in groups_of(texts, levels, top):
        holds, why = group_holds(group, texts, levels, statuses, top, chosen)
        flags[group.begin : group.stop] = [holds] * (group.stop - group.begin)
        judged.append((group, why if holds else None))
    return flags, judged


def group_holds(
    group: Group, texts: list[str], levels: list[int | None], statuses: list[bool], top: int, chosen: str | None
) -> tuple[bool, Note | None]:
    span = range(group.begin, group.stop)
    if chosen is not None:
        named = chosen in group.title or any(
            chosen in texts[i] for i in span if (level := levels[i]) is not None and level < top
        )
        return named, note("import-why-chosen")
    status_count = sum(statuses[i] for i in span)
    stating = sum((level := levels[i]) is not None and level >= top and problem_like(texts[i], level) for i in span)
    if PROBLEM_PART.search(group.title):
        return True, note("import-why-heading")
    if status_count:
        return True, note("import-why-status-lines", count=status_count)
    if stating and not GENERAL_PART.search(group.title):
        return True, note("import-why-headings-state", count=stating)
    return False, None


def decision_text(judged: list[tuple[Group, Note | None]], kinds: list[Kind], chosen: str | None) -> Note:
    """Which 一、 parts gave the issues and why, which were read as the organisation's own measures."""
    parts: dict[str, Note | None] = {}
    for group, why in judged:
        has_issues = any(kind is Kind.ISSUE for kind in kinds[group.begin : group.stop])
        parts[group.part] = parts.get(group.part) or (why if has_issues else None)
    if not any(parts.values()):
        if chosen is not None:
            return note("import-decision-none-chosen", chosen=chosen)
        return note("import-decision-none")
    taken = Listed(
        tuple(
            note("import-decision-part", part=part or note("import-decision-opening"), why=why)
            for part, why in parts.items()
            if why
        )
    )
    general = [f"“{part}”" for part, why in parts.items() if part and not why]
    if general:
        return note("import-decision-with-general", taken=taken, general=Listed(tuple(general)))
    return note("import-decision", taken=taken)


def line_level(line: Line, given: dict[int, int]) -> int | None:
    """The level the line's number says, else the one its format gives (a Word heading style or list)."""
    level = level_of(line.text)
    return level if level is not None else given.get(line.number)


def classify(
    lines: list[Line], config: SiteConfig, chosen: str | None = None, given: dict[int, int] | None = None
) -> tuple[list[Line], Note]:
    """Each line with its kind (headings that hold no issue are text), and the problem-part decision."""
    texts = [line.text for line in lines]
    levels = [line_level(line, given or {}) for line in lines]
    labels = status_labels(config)
    rule = body_labels(config.status_keys)
    statuses = [is_status(text, labels, config.vocabulary) for text in texts]
    fields = [field_of(text, rule) for text in texts]
    top = issue_level(texts, levels, statuses)
    in_problems, judged = problem_groups(texts, levels, statuses, top, chosen)
    kinds = []
    for text, level, status, name, problems in zip(texts, levels, statuses, fields, in_problems, strict=True):
        if status:
            kinds.append(Kind.STATUS if problems else Kind.TEXT)
        elif name and level is None:
            kinds.append(Kind.FIELD if problems else Kind.TEXT)
        elif level is None or level > top + 1:
            kinds.append(Kind.TEXT)
        elif level < top:
            kinds.append(Kind.HEADING)
        elif level == top:
            kinds.append(Kind.ISSUE if problems else Kind.TEXT)
        else:
            kinds.append(Kind.SUB if problem_like(text, level) else Kind.TEXT)
    kinds = settle_headings(kinds, levels)
    typed = [
        Line(line.number, line.text, kind, name if kind is Kind.FIELD else "")
        for line, kind, name in zip(lines, kinds, fields, strict=True)
    ]
    return typed, decision_text(judged, kinds, chosen)


def settle_headings(kinds: list[Kind], levels: list[int | None]) -> list[Kind]:
    """A 一、 line is always a part; a deeper heading only when an issue follows before its next sibling."""
    result = list(kinds)
    for index, kind in enumerate(kinds):
        if kind is not Kind.HEADING:
            continue
        level = levels[index]
        assert level is not None  # classify makes headings of numbered lines only
        holds = False
        for later, later_level in zip(kinds[index + 1 :], levels[index + 1 :], strict=True):
            if later is Kind.ISSUE:
                holds = True
                break
            if later is Kind.HEADING and later_level is not None and later_level <= level:
                break
        result[index] = Kind.PART if holds or level == 0 else Kind.TEXT
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


def outline(
    lines: list[tuple[int, str]],
    config: SiteConfig,
    problems_in: str | None = None,
    given: dict[int, int] | None = None,
) -> Outline:
    """Sections, issues and sub-problems; problems_in names the part that holds the problems (the clerk's word);
    given holds the levels the source's format gives lines that carry no number (Word heading styles)."""
    chosen = (problems_in or "").strip() or None  # an empty --problems-in names nothing
    typed, decision = classify([Line(n, text) for n, text in join_wrapped_headings(lines)], config, chosen, given)
    labels = status_labels(config)
    rule = body_labels(config.status_keys)
    result = Outline(decision=decision)
    part: Part | None = None
    issue: Block | None = None
    intro: list[Line] = []
    target: list[Line] = intro
    for line in typed:
        if line.kind is Kind.PART:
            part = Part(line.text, line.number)
            result.parts.append(part)
            issue, target = None, part.items
        elif line.kind is Kind.ISSUE:
            if part is None:
                part = Part("", line.number)
                result.parts.append(part)
            issue = opened(line)
            part.issues.append(issue)
            target = issue.items
        elif line.kind is Kind.SUB and issue is not None:
            sub = opened(line)
            issue.subs.append(sub)
            target = sub.items
        else:
            if line.kind is Kind.TEXT and unknown_status(line.text, labels):
                if issue is not None and not any(item.kind is Kind.STATUS for item in target):
                    line = Line(line.number, line.text, Kind.STATUS)  # the block's status, as the notice words it
                    result.notes.append(note("import-status-unknown-as-status", line=line.number, text=line.text))
                else:
                    result.notes.append(note("import-status-unknown-as-text", line=line.number, text=line.text))
            if line.kind is Kind.TEXT and (forms := unreadable_field(line.text, rule)):
                result.notes.append(note("import-date-unreadable", line=line.number, text=line.text, forms=forms))
            if line.kind is Kind.STATUS and issue is None:
                result.unheaded.append(line.number)
            labelled = line.kind in (Kind.STATUS, Kind.FIELD) and issue is not None
            target.append(line if labelled else Line(line.number, line.text))
    for issue in result.issues:
        result.unheaded += settle_statuses(issue)
    for part in result.parts:
        part.lines = [item.text for item in part.items]
    result.intro = [item.text for item in intro]
    result.notes += numbering_gaps(result)
    return result


def opened(line: Line) -> Block:
    """An issue or sub-problem heading: '8.关于…的问题。一是…' opens the block and starts its text."""
    title, rest = split_heading(line.text)
    block = Block(title, line.number)
    if rest:
        block.items.append(Line(line.number, rest))
    return block


def outline_as_text(body: list[tuple[int, str]], given: dict[int, int] | None = None) -> Outline:
    """A report or other document: its 一、 parts as text sections, nothing read as an issue or a status."""
    result = Outline()
    target = result.intro
    for number, text in body:
        if line_level(Line(number, text), given or {}) == 0:
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


def settle_statuses(issue: Block) -> list[int]:
    """Put each status line where the notice format wants it: under the issue or its 一是 sub-problems.

    Returns the status lines that had no heading of their own (no 一是 line above them): the
    structure may be wrong there, and the report says so.
    """
    for sub in issue.subs:
        sub.status, sub.fields, sub.lines = first_status(sub.items)
    marked = [item for item in issue.items if item.kind is Kind.STATUS]
    if issue.subs and any(sub.status for sub in issue.subs):  # the subs carry the statuses: keep the issue's as text
        _, issue.fields, _ = first_status([item for item in issue.items if item.kind is Kind.FIELD])
        issue.lines = [
            ("原文另标：" if item.kind is Kind.STATUS else "") + item.text
            for item in issue.items
            if item.kind is not Kind.FIELD
        ]
        return []
    if len(marked) <= 1 or issue.subs:
        issue.status, issue.fields, issue.lines = first_status(issue.items)
        return []
    start = first_shi_or_status(issue.items)
    if 0 < start and issue.items[start].kind is Kind.STATUS:  # no 一是 above the first label: its own line is
        start -= 1  # the one just above it, never the issue's heading
    issue.subs, unheaded = shi_blocks(issue, issue.items[start:])
    _, issue.fields, issue.lines = first_status(issue.items[:start])
    return unheaded


def first_shi_or_status(items: list[Line]) -> int:
    return next((i for i, item in enumerate(items) if SHI.match(item.text) or item.kind is Kind.STATUS), 0)


def first_status(items: list[Line]) -> tuple[str, list[str], list[str]]:
    """The block's status label, its per-issue lines and its other lines; a second status label (or a second
    line of one kind) in one block stays visible as text."""
    status, fields, rest = "", [], []
    named: set[str] = set()
    for item in items:
        if item.kind is Kind.STATUS and not status:
            status = item.text
        elif item.kind is Kind.FIELD and item.field not in named:
            fields.append(item.text)
            named.add(item.field)
        elif item.kind in (Kind.STATUS, Kind.FIELD):  # 完成时限 after 整改时限 is a second line of one kind
            rest.append("原文另标：" + item.text)
        else:
            rest.append(item.text)
    return status, fields, rest


def shi_blocks(issue: Block, items: list[Line]) -> tuple[list[Block], list[int]]:
    """One sub-problem per status label: the 一是… text above the label, the measures below it; per-issue lines
    go to the block of the label they stand next to.

    A label with no 一是 line above it is reported; its title is its own nearest line above (the previous
    block's last line of text), never the issue's heading copied.
    """
    groups: list[list[Line]] = []  # per block: its lines, problem text first, its label among them
    pending: list[Line] = []
    unheaded: list[int] = []
    for item in items:
        if item.kind is Kind.STATUS:
            texts = [line for line in pending if line.kind is Kind.TEXT]
            if not texts or not SHI.match(texts[0].text):
                unheaded.append(item.number)
            if not texts and groups:  # the previous block's last text line is this one's title
                last = groups[-1]
                label = next((i for i, line in enumerate(last) if line.kind is Kind.STATUS), len(last))
                at = next((i for i in range(len(last) - 1, label, -1) if last[i].kind is Kind.TEXT), None)
                if at is not None:
                    pending = [last.pop(at), *pending]
            groups.append(pending + [item])
            pending = []
        elif SHI.match(item.text) or not groups or (pending and item.kind is Kind.FIELD):
            pending.append(item)
        else:
            groups[-1].append(item)
    blocks = [shi_block(group, issue.line, index) for index, group in enumerate(groups)]
    if any(item.kind is not Kind.FIELD for item in pending):  # problem text after the last label: kept, unstated
        blocks.append(shi_block(pending, issue.line, len(blocks), fallback=""))
    elif pending and blocks:  # per-issue lines after the last label's measures: that block's
        blocks[-1] = shi_block(groups[-1] + pending, issue.line, len(blocks) - 1)
    return blocks, unheaded


def shi_block(group: list[Line], line: int, index: int, fallback: str | None = None) -> Block:
    """A sub-problem from its lines: the first text above its label is its 一是… title, the rest its measures;
    without one, （第N项）, never another heading's words."""
    label = next((i for i, item in enumerate(group) if item.kind is Kind.STATUS), len(group))
    head = next((i for i, item in enumerate(group[:label]) if item.kind is Kind.TEXT), None)
    title, rest = split_heading(group[head].text) if head is not None else ("", "")
    status, fields, lines = first_status([item for i, item in enumerate(group) if i != head])
    block = Block(
        title or (f"（第{index + 1}项）" if fallback is None else fallback), line, status=status, fields=fields
    )
    block.lines = ([rest] if rest else []) + lines
    return block


def numbering_gaps(result: Outline) -> list[Note]:
    """Skipped numbers are reported, never filled in: (一) -> (三) may be a deliberate omission."""
    notes = []
    numbers = [n for n in (leading_number(issue.title) for issue in result.issues) if n is not None]
    for a, b in zip(numbers, numbers[1:], strict=False):
        if b > a + 1:
            notes.append(note("import-issue-numbers-jump", first=a, then=b))
    sections = [n for n in (leading_number(p.title) for p in result.parts if p.issues and p.title) if n is not None]
    for a, b in zip(sections, sections[1:], strict=False):
        if b > a + 1:
            notes.append(note("import-section-numbers-jump", first=a, then=b))
    return notes
