"""The slips clerks really make, caught where a reader would otherwise pass them silently.

A ``###1. 关于…`` line is a paragraph in Markdown (a heading needs a space after its ``#``), so its issue and
its status line vanish into the previous issue's text and the notice reports fewer issues at a higher rate;
a status line outside any issue counts for nothing; the starter's example contact and the skeleton's
``关于……的问题`` reach the public when nobody replaces them; a ``summary:`` states numbers the notice does not
list. Each check here returns located diagnostics with the exact fix; the placeholders are declared here once,
and the starter and skeleton writers take theirs from the same place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from markdown_it.token import Token

from ..base.diagnostics import Diagnostic, error, warning
from . import numbering
from .grammar import issue_count_claim
from .model import Notice

# --- a # line that is not a heading (markdownlint MD018/MD019 shapes) ----------------------------------
# no space after the #s (###1.), a full-width space or no-break space instead of a space, full-width ＃s
_NOT_A_HEADING = re.compile(r"^(?P<hashes>[#＃]{1,6})(?![#＃])(?P<gap>[\u3000\u00a0 ]*)(?P<text>\S.*)$")


def unheaded_hashes(tokens: list[Token], first_line: int, source: str) -> list[Diagnostic]:
    """Each paragraph line that starts with # (a heading a clerk meant), with the heading it should be."""
    found = []
    for line, text in paragraph_lines(tokens, first_line):
        match = _NOT_A_HEADING.match(text.strip())
        if match is None or (match.group("gap") and not match.group("gap").strip(" ") and "＃" not in text):
            continue  # "# text" with a space is a heading already, unless indented: then it is meant as text
        fixed = "#" * len(match.group("hashes")) + " " + match.group("text")
        found.append(error(source, line, "heading-no-space", written=text.strip(), fixed=fixed))
    return found


def paragraph_lines(tokens: list[Token], first_line: int) -> Iterator[tuple[int, str]]:
    """Each line of the body's paragraphs with its line in the file (first_line: the body's first)."""
    for position, token in enumerate(tokens):
        if token.type != "inline" or position == 0 or tokens[position - 1].type != "paragraph_open":
            continue
        opening = tokens[position - 1].map
        start = opening[0] if opening else 0
        for offset, text in enumerate(token.content.split("\n")):
            yield first_line + start + offset, text


def status_lines_outside(
    tokens: list[Token], first_line: int, source: str, is_status_line: Callable[[str], bool]
) -> Iterable[Diagnostic]:
    """Status-line-shaped lines in text that belongs to no issue (the opening, a section's text, 下一步工作)."""
    for line, text in paragraph_lines(tokens, first_line):
        if is_status_line(text):
            yield warning(source, line, "status-outside-issue", written=text.strip())


# --- placeholders ----------------------------------------------------------------------------------------
# What `new site` writes for a clerk to replace (its contact), and what `new notice` writes to fill in. A
# value of the starter's on a published page, or a skeleton's in a notice that is not a draft, is a slip.
STARTER_PLACEHOLDERS = re.compile(  # bounded runs: a hostile line of a million letters is searched in linear time
    r"[\w.+-]{0,64}@?(?:[\w-]{1,63}\.){0,8}example\.gov\.cn\b|[\w.+-]{1,64}@example\.org\b"
    r"|[（(]请改成[^）)]{0,200}[）)]|请改成|(?<![\d-])0000-\d{1,20}|[^\s:,]{0,64}\(replace with[^)]{0,200}\)"
)
_MARKS = ("example.gov.cn", "@example.org", "请改成", "0000-", "(replace with")  # what every placeholder holds
SKELETON_PLACEHOLDERS = {
    "zh": ("关于……的问题", "（整改措施和成效。", "（开头：", "（今后的打算。）", "……方面"),
    "en": ("(Opening: who inspected", "(What was done", "(What comes next.)"),
}
_ALL_SKELETON = tuple(dict.fromkeys(p for wordings in SKELETON_PLACEHOLDERS.values() for p in wordings))


def starter_placeholders(text: str, source: str, first_line: int = 1, yaml: bool = True) -> list[Diagnostic]:
    """Each line (in YAML, a comment aside: it is not published) holding one of the starter's example values."""
    found = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        shown = _without_yaml_comment(line) if yaml else line
        match = STARTER_PLACEHOLDERS.search(shown) if any(mark in shown for mark in _MARKS) else None
        if match:
            found.append(
                warning(
                    source, number, "starter-placeholder", match.start() + 1, value=match.group(0), line=shown.strip()
                )
            )
    return found


def skeleton_placeholders(body: str, first_line: int, source: str) -> list[Diagnostic]:
    """Each body line still holding the text `new notice` wrote to be replaced."""
    found = []
    for offset, line in enumerate(body.split("\n")):
        for placeholder in _ALL_SKELETON:
            column = line.find(placeholder)
            if column >= 0:
                found.append(error(source, first_line + offset, "skeleton-placeholder", column + 1, line=line.strip()))
                break
    return found


def _without_yaml_comment(line: str) -> str:
    """A YAML line without its comment: a line starting with #, or the part after " #"."""
    if line.lstrip().startswith("#"):
        return ""
    cut = line.find(" #")
    return line if cut < 0 else line[:cut]


# --- summary: numbers --------------------------------------------------------------------------------------
_NUMBER = r"([0-9０-９]+|[一二三四五六七八九十百零〇两]+)"
SUMMARY_DONE = re.compile(  # 已完成整改 3 项, 3 项已完成整改, 已整改 3 项, 完成整改3项, 3项已整改到位
    rf"(?:已完成整改|已整改(?:完成|到位)?|完成整改|已完成)\s*{_NUMBER}\s*[项个条]"
    rf"|{_NUMBER}\s*[项个条](?:问题)?(?:已(?:完成)?整改|已完成|整改完成)"
)


def summary_count_problems(notice: Notice, line: int) -> list[Diagnostic]:
    """The numbers in `summary:` (7 项问题, 已完成整改 5 项) against the issues the notice lists and states done."""
    text = notice.summary
    if not text or not notice.issues:
        return []
    found = []
    listed, done = len(notice.issues), notice.progress.completed
    claim = issue_count_claim(text)  # the rule check and import read the opening's counts with
    if claim is not None and claim[1] != listed:
        found.append(warning(notice.source, line, "summary-issues", stated=claim[0], listed=listed))
    for match in SUMMARY_DONE.finditer(text):
        stated = numbering.parse_number(next(group for group in match.groups() if group))
        if stated is not None and stated != done:
            found.append(warning(notice.source, line, "summary-done", stated=match.group(0).strip(), done=done))
    return found
