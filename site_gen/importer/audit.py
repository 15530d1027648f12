"""Audit rectification reports (审计查出问题整改情况): the problems listed first, each one's rectification later.

Such a report has a part that only lists the problems (一、审计查出的主要问题 (一)… (二)…) and a later part
with one numbered rectification per problem (二、问题整改情况 (一)关于…的整改情况 / 整改进度：… / measures).
When the two lists have the same length they are matched in order (or by number) into one issue each:
the problem's words are the issue's title, the rectification's heading, status and measures its text.
"""

from __future__ import annotations

import re

from ..notice.grammar import level_of
from ..notice.numbering import leading_number
from .said import Said
from .structure import Block, Line, Outline, Part, split_heading

PROBLEM_LIST = re.compile(r"(查出|发现|存在)的?(主要)?问题|问题清单")


def problem_list(listing: Part, level: int | None) -> list[tuple[Line, list[str]]] | None:
    """The listed problems (heading line, text under it), whether they were read as text or as issues."""
    if listing.issues:
        if any(issue.status or issue.subs for issue in listing.issues):
            return None  # rectified in place: not a bare list
        return [(Line(issue.line, issue.title), issue.lines) for issue in listing.issues]
    return [(item, []) for item in listing.items if level is not None and level_of(item.text) == level]


def match_audit_lists(tree: Outline) -> tuple[list[Said], list[Line]]:
    """Merge a problem list into the rectifications that follow it; notes, and the list's heading (removed)."""
    for index, listing in enumerate(tree.parts):
        answers = next((part for part in tree.parts[index + 1 :] if part.issues), None)
        if answers is None or not PROBLEM_LIST.search(listing.title) or "整改" in listing.title:
            continue
        problems = problem_list(listing, level_of(answers.issues[0].title))
        if not problems:
            continue
        if len(problems) != len(answers.issues):
            return [
                Said(
                    f"“{listing.title}”列出 {len(problems)} 个问题，“{answers.title}”有 {len(answers.issues)} 项整改，"
                    "数目不同，未合并，请核对",
                    f"audit report: “{listing.title}” lists {len(problems)} problems and “{answers.title}” has "
                    f"{len(answers.issues)} rectifications; the numbers differ, so they were not matched: check them",
                )
            ], []
        numbered = merge(problems, answers.issues)
        listed = {id(item) for item, _ in problems}
        answers.lines = [item.text for item in listing.items if id(item) not in listed] + answers.lines
        del tree.parts[index]
        tree.decision = Said(
            f"问题取自“{listing.title}”的问题清单，整改状态和措施取自“{answers.title}”",
            f"problems from the list in “{listing.title}”, statuses and measures from “{answers.title}”",
        )
        note = Said(
            f"审计整改报告：“{listing.title}”列出的 {len(problems)} 个问题与“{answers.title}”中的整改情况按"
            f"{'编号' if numbered else '顺序'}一一对应，已合并为 {len(problems)} 个问题",
            f"audit report: the {len(problems)} problems listed in “{listing.title}” were matched with the "
            f"rectifications in “{answers.title}” {'by number' if numbered else 'in order'} into {len(problems)} issues",
        )
        return [note], [Line(listing.line, listing.title)]
    return [], []


def merge(problems: list[tuple[Line, list[str]]], issues: list[Block]) -> bool:
    """Each problem's words become the title; the rectification's own heading stays as text. True: by number."""
    numbers = [leading_number(item.text) for item, _ in problems]
    numbered = numbers == [leading_number(issue.title) for issue in issues] and None not in numbers
    for (item, text), issue in zip(problems, issues, strict=True):
        title, rest = split_heading(item.text)
        issue.lines = [line for line in (rest, *text, issue.title) if line] + issue.lines
        issue.title, issue.line = title, item.number
    return numbered
