"""Audit rectification reports (审计查出问题整改情况): the problems listed first, each one's rectification later.

Such a report has a part that only lists the problems (一、审计查出的主要问题 (一)… (二)…) and a later part
with one numbered rectification per problem (二、问题整改情况 (一)关于…的整改情况 / 整改进度：… / measures).
When the two lists have the same length they are matched in order (or by number) into one issue each:
the problem's words are the issue's title, the rectification's heading, status and measures its text.
"""

from __future__ import annotations

import re

from ..base.cli_text import Note, note
from ..notice.grammar import level_of
from ..notice.numbering import leading_number
from .structure import Block, Line, Outline, Part, split_heading

PROBLEM_LIST = re.compile(r"(查出|发现|存在)的?(主要)?问题|问题清单")


def problem_list(listing: Part, level: int | None) -> list[tuple[Line, list[str]]] | None:
    """The listed problems (heading line, text under it), whether they were read as text or as issues."""
    if listing.issues:
        if any(issue.status or issue.subs for issue in listing.issues):
            return None  # rectified in place: not a bare list
        return [(Line(issue.line, issue.title), issue.lines) for issue in listing.issues]
    return [(item, []) for item in listing.items if level is not None and level_of(item.text) == level]


def match_audit_lists(tree: Outline) -> tuple[list[Note], list[Line]]:
    """Merge a problem list into the rectifications that follow it; notes, and the list's heading (removed)."""
    for index, listing in enumerate(tree.parts):
        answers = next((part for part in tree.parts[index + 1 :] if part.issues), None)
        if answers is None or not PROBLEM_LIST.search(listing.title) or "整改" in listing.title:
            continue
        problems = problem_list(listing, level_of(answers.issues[0].title))
        if not problems:
            continue
        if len(problems) != len(answers.issues):
            differ = note(
                "import-audit-counts-differ",
                listing=listing.title,
                problems=len(problems),
                answers=answers.title,
                rectifications=len(answers.issues),
            )
            return [differ], []
        numbered = merge(problems, answers.issues)
        listed = {id(item) for item, _ in problems}
        answers.lines = [item.text for item in listing.items if id(item) not in listed] + answers.lines
        del tree.parts[index]
        tree.decision = note("import-audit-decision", listing=listing.title, answers=answers.title)
        how = note("import-audit-by-number" if numbered else "import-audit-in-order")
        merged = note("import-audit-merged", count=len(problems), listing=listing.title, answers=answers.title, how=how)
        return [merged], [Line(listing.line, listing.title)]
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
